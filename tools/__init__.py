"""Risk of Harm Guide tools: pure-Python calculators and checklists.

Everything here runs unchanged under CPython (tests) and Pyodide (the reader's
browser). Standard library only; no I/O, no clock, no DOM.
"""
