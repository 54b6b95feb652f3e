# Shortcuts for the commands in the README and docs/benchmark.md. Each target is one script;
# the scripts are the reference (they work without make).
PY ?= .venv/bin/python

.PHONY: demo test bench bench-queries bench-fusion eval

demo:  ## install, ingest corpus/demo into sitrep.db and serve the web UI
	bash scripts/demo.sh

test:  ## install with test tools, then ruff, mypy and pytest (what CI runs)
	bash scripts/test.sh

bench:  ## ingest+extract throughput vs spaCy blank tokenization, 1k/10k/100k documents
	$(PY) scripts/bench.py --sizes 1000,10000,100000 --timeout 3600 --out bench-results

bench-queries:  ## read latency on a store of one million events
	$(PY) scripts/bench_queries.py

bench-fusion:  ## fusion cost on 10k and 100k synthetic event records
	$(PY) scripts/bench_fusion.py

eval:  ## quality tables for the development, seed and demo splits
	.venv/bin/sitrep eval --split dev
	.venv/bin/sitrep eval --split seeds
	.venv/bin/sitrep eval --split demo
