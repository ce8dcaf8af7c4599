# The two set-up commands (see README.md): `make serve` and `make test`.
.PHONY: serve build test bench

serve:  ## install everything, build and serve at http://127.0.0.1:8000
	bash scripts/serve.sh

build:  ## install everything and build the static site into site/
	bash scripts/install.sh && NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict

test:   ## install everything (incl. Chromium via apt-get) and run every test
	bash scripts/test.sh

bench:  ## benchmarks (not part of the tests); prints ratios
	bash scripts/install.sh --browser && .venv/bin/python -m benchmarks
