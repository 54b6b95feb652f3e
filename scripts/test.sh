#!/usr/bin/env bash
# Install everything (including test tools and Chromium) and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
echo "==> ruff"
.venv/bin/ruff check src tests scripts
echo "==> mypy"
.venv/bin/mypy
echo "==> pytest"
.venv/bin/python -m pytest -p no:cacheprovider "$@"
