# The two set-up commands (see README.md): `make serve` and `make test`.
# For authors and publishers: `make preview`, `make publish`, `make freeze`.
.PHONY: serve build test bench preview publish freeze kill-switch

serve:  ## install everything, publish every edition for this computer, serve it at http://127.0.0.1:8000
	bash scripts/serve.sh

build:  ## install everything and build the current edition alone into site/
	bash scripts/install.sh && NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict

test:   ## install everything (incl. Chromium via apt-get) and run every test
	bash scripts/test.sh

preview:  ## authors: the current edition at http://127.0.0.1:8000, rebuilt and reloaded as you edit
	bash scripts/install.sh && NO_MKDOCS_2_WARNING=1 .venv/bin/python -m publishing.preview

publish:  ## every published edition into public/ for ROH_SITE_URL (required: the published address)
	bash scripts/install.sh && NO_MKDOCS_2_WARNING=1 .venv/bin/python -m publishing publish --out public

freeze:  ## freeze the current edition before work on the next begins: make freeze VERSION=4.36
	@test -n "$(VERSION)" || { echo "make freeze needs the current edition: make freeze VERSION=4.36" >&2; exit 1; }
	NO_MKDOCS_2_WARNING=1 .venv/bin/python -m publishing freeze "$(VERSION)"

kill-switch:  ## remove readers' offline copy: replace every sw.js in public/ (publish again to undo)
	.venv/bin/python -m publishing kill-switch --out public

bench:  ## benchmarks (not part of the tests); prints ratios
	bash scripts/install.sh --browser && .venv/bin/python -m benchmarks
