#!/usr/bin/env bash
# Install everything sitrep needs on a fresh Debian 12 machine (idempotent).
#   bash scripts/setup.sh          runtime: system packages, .venv with pinned deps, web assets
#   bash scripts/setup.sh --dev    also test tools and headless Chromium for browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
DEV=0
[ "${1:-}" = "--dev" ] && DEV=1

need_apt=()
command -v python3 >/dev/null || need_apt+=(python3 python3-venv)
command -v node >/dev/null || need_apt+=(nodejs npm)
if [ "$DEV" = 1 ]; then
  command -v chromium >/dev/null || need_apt+=(chromium)
  command -v initdb >/dev/null || [ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "==> apt-get install ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "Missing system packages: ${need_apt[*]} (run as root or: sudo apt-get install ${need_apt[*]})" >&2
    exit 1
  fi
fi

if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv"
  python3 -m venv .venv
fi
# requirements.lock pins runtime, dev and optional extras alike (psycopg: the postgres extra,
# which tests/store/test_postgres.py needs along with the apt postgresql binaries above)
echo "==> installing pinned Python dependencies (requirements.lock)"
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.lock
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .

if [ -f package.json ]; then
  echo "==> installing web assets (npm ci)"
  npm ci --silent --no-audit --no-fund >/dev/null
  .venv/bin/python scripts/copy_assets.py 2>/dev/null || true
fi
echo "==> ready: .venv/bin/sitrep --help"
