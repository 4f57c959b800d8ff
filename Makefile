# README's two commands: `make demo` and `make test`. Each creates .venv and installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Every output format the package writes today.
DEMO_FORMATS := csljson bibtex biblatex ris html text

.PHONY: demo test venv clean bench train

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

venv: $(BIN)/python

# Converts every bundled sample to every output format into out/.
demo: venv
	$(BIN)/python -m pip install --quiet .
	@mkdir -p out
	@for f in samples/*; do \
	  base=$$(basename "$$f"); stem=$$(echo "$$base" | tr . -); \
	  for fmt in $(DEMO_FORMATS); do \
	    case $$fmt in csljson) ext=json;; bibtex|biblatex) ext=$$fmt.bib;; ris) ext=ris;; html) ext=html;; text) ext=txt;; esac; \
	    $(BIN)/bibconvert convert "$$f" --to $$fmt -o "out/$$stem.$$ext" --quiet || exit 1; \
	  done; \
	done
	@echo "Converted $$(ls samples | wc -l) samples into out/:"; ls out

# Installs the package with its test extras (not editable, so the wheel layout is what is tested) and runs the suite.
test: venv
	$(BIN)/python -m pip install --quiet ".[test]"
	$(BIN)/pytest -p no:cacheprovider

# Accuracy and speed figures; the corpora path is an argument (default: the shared folder beside the clone).
CORPORA ?= ../shared
bench: venv
	$(BIN)/python -m pip install --quiet ".[test]"
	$(BIN)/python bench/reflist_accuracy.py tests/fixtures/gold/nato-seed.csl.json samples/nato-wikipedia-references.txt
	$(BIN)/python bench/reflist_speed.py samples/nato-wikipedia-references.txt
	$(BIN)/python bench/bibtex_conformance.py $(CORPORA)/corpora/pandoc-biblatex/cases.jsonl
	$(BIN)/python bench/bibtex_speed.py
	$(BIN)/python bench/bibtex_speed.py --no-crossref
	$(BIN)/python bench/zotero_bibtex_import.py
	$(BIN)/python bench/ris_speed.py
	$(BIN)/python bench/csl_conformance.py $(CORPORA)/corpora/csl-test-suite/bibliography.jsonl --known-failures bench/csl_known_failures.txt
	$(BIN)/python bench/style_panel.py
	$(BIN)/python bench/render_speed.py
	$(BIN)/python bench/fuzz.py --seconds 120
	$(BIN)/python bench/tagger_accuracy.py --anystyle $(CORPORA)/corpora/anystyle/core.xml --grobid $(CORPORA)/corpora/grobid-citations/corpus
	$(BIN)/python bench/styles_parse.py
	$(BIN)/python bench/styles_parse.py --anystyle $(CORPORA)/corpora/anystyle/core.xml --grobid $(CORPORA)/corpora/grobid-citations/corpus
	$(BIN)/python bench/reflist_accuracy.py tests/fixtures/gold/other-topics.csl.json tests/fixtures/gold/other-topics.txt

# Rebuilds the tagger's model (convert/tagger/model.crfsuite) from the corpora and our gold items.
train: venv
	$(BIN)/python -m pip install --quiet ".[test]"
	$(BIN)/python -m convert.train --anystyle $(CORPORA)/corpora/anystyle/core.xml \
	  --grobid $(CORPORA)/corpora/grobid-citations/corpus \
	  --synthetic tests/fixtures/gold/nato-seed.csl.json tests/fixtures/gold/other-topics.csl.json --iterations 200

clean:
	rm -rf $(VENV) out build dist .pytest_cache .hypothesis
