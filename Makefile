# The two commands of the README: `make demo` and `make test`. Both set up what is
# missing first (virtual environment, the package, Graphviz's dot) via scripts/setup.sh.
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= demo-out

.PHONY: setup demo test bench fuzz golden schema lint clean docs

setup:
	@VENV=$(VENV) WITH_BROWSER=$(if $(filter test,$(MAKECMDGOALS)),1,0) scripts/setup.sh

demo: setup
	$(BIN)/planner demo --out $(OUT)

# The static checks run first and any finding fails `make test` (CI runs it: .ci/run).
test: setup lint
	$(BIN)/python -m pytest -q

# The fuzz tests run a fixed, bounded set of examples in `make test`; here 20,000 new ones
# (5 fuzz tests x FUZZ_CASES): any exception that is not a PlannerError fails.
FUZZ_CASES ?= 4000
fuzz: setup
	FUZZ_CASES=$(FUZZ_CASES) $(BIN)/python -m pytest -q -p no:cacheprovider tests/fuzz

bench: setup
	@$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev,bench]'
	@for f in tests/bench/bench_*.py; do echo "### $$f"; $(BIN)/python $$f || exit 1; done

golden: setup
	$(BIN)/python tests/golden/regen.py

docs: setup
	$(BIN)/python scripts/docs_maturity.py
	$(BIN)/python scripts/docs_examples.py

schema: setup
	$(BIN)/planner schema > planner/data/chart.schema.json

# ruff: the rules in [tool.ruff] over the whole project; mypy: the core packages listed in
# [tool.mypy]; lint-imports: the layer contracts in [tool.importlinter].
lint: setup
	$(BIN)/ruff check
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf $(OUT) .pytest_cache tests/bench/.cache
