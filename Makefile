# The README's commands. `make run` and `make test` set up a fresh machine on their own.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= .councilqa
PORT   ?= 8501
GOLD   ?= eval/gold.jsonl

.PHONY: install run ingest serve test test-fast lint format eval eval-dev eval-realpdf bench perf clean train-reader eval-reader

$(BIN)/councilqa: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# the CPU build of torch, pinned: an unpinned torch pulls several GB of CUDA wheels
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[test]"
	touch $@

install: $(BIN)/councilqa

run: install ingest serve

ingest: install
	$(BIN)/councilqa ingest samples/papers --store $(STORE)

serve: install
	$(BIN)/councilqa serve --store $(STORE) --port $(PORT)

test: install
	$(BIN)/pytest -rs

test-fast: install
	$(BIN)/pytest -m "not slow"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

eval: install
	$(BIN)/councilqa ingest samples/papers --store $(STORE) --quiet
	$(BIN)/councilqa eval $(GOLD) --store $(STORE)

eval-dev: install
	$(BIN)/councilqa ingest ../shared/corpus --store .councilqa-dev --quiet
	$(BIN)/councilqa eval ../shared/eval/dev.jsonl --store .councilqa-dev

# The real-PDF development set (26 council PDFs, 49 questions): page hits and first-span answer accuracy.
eval-realpdf: install
	$(BIN)/councilqa ingest ../shared/realpdf-dev/pdfs --store .councilqa-realpdf --quiet
	$(BIN)/councilqa eval ../shared/realpdf-dev/gold.jsonl --store .councilqa-realpdf

# The reader's weights (qa/weights.json), fitted on eval/gold.jsonl and realpdf-dev's tuning part (bench/train_reader.py).
train-reader: install
	$(BIN)/python bench/train_reader.py

# Every gold set in one process, with the held-out sample questions and realpdf-dev's held-apart part.
eval-reader: install
	$(BIN)/python bench/reader_eval.py --only gold dev heldout realpdf-tune realpdf-heldapart

# The public-benchmark quality harness (QMSum, Limerick) against BM25, dense and RRF baselines.
bench: install
	$(BIN)/python bench/quality.py

# The performance benchmark: parse, ingest, latency at 10k/100k/1M chunks, memory, disk, plot.
perf: install
	$(BIN)/pip install -q -e ".[bench]"
	$(BIN)/python bench/perf.py
	$(BIN)/python bench/pdfspeed.py
	$(BIN)/python bench/concurrency.py

clean:
	rm -rf $(STORE) .councilqa-dev .councilqa-realpdf .pytest_cache .ruff_cache .hypothesis
