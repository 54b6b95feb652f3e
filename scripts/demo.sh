#!/usr/bin/env bash
# Install sitrep, ingest the demo corpus into ./sitrep.db (or $SITREP_DB) and serve the web UI.
#   bash scripts/demo.sh                 then open http://127.0.0.1:8000
#   PORT=9000 bash scripts/demo.sh       another port
#   bash scripts/demo.sh --no-serve      ingest and print a summary only
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
SITREP=.venv/bin/sitrep
echo "==> ingesting corpus/demo"
# Exit code 3 means some inputs were set aside (listed above); the rest is stored.
$SITREP ingest corpus/demo || [ $? -eq 3 ]
$SITREP documents --limit 20
if $SITREP --help | grep -q "^  events"; then $SITREP events --limit 20; fi
if [ "${1:-}" = "--no-serve" ]; then exit 0; fi
if $SITREP --help | grep -q "^  serve"; then
  exec $SITREP serve --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}"
fi
