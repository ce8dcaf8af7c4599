"""Risk of Harm Guide tools: pure-Python calculators and checklists.

`core/` is the framework; `reference/` holds published-source data shared by
tools; every other package is one tool (`tools/<slug with underscores>/`),
found by `core.registry`. Everything here runs unchanged under CPython (tests)
and Pyodide (the reader's browser). Standard library only; no I/O, no clock,
no DOM.
"""
