"""`python -m benchmarks`: every benchmark, each figure printed with its target.

Each module's run() measures its ratios against a baseline taken in the same
run and returns its Figures; the table at the end repeats every one. A
benchmark that fails to run is reported as such (and the exit status says so)
instead of hiding the figures the others measured. `--only NAME ...` runs some.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
import time
import traceback

from benchmarks.figures import Figure, table

#: In the order they run: cheap and CPU-only first, the browser last.
MODULES = ("build_overhead", "republish", "browser", "transfer", "offline", "lighthouse")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--only", nargs="+", choices=MODULES, default=list(MODULES))
    names = parser.parse_args(argv).only
    print(f"{time.strftime('%Y-%m-%d %H:%M %Z')} on {platform.node()}: {platform.platform()}, "
          f"{platform.python_implementation()} {platform.python_version()}")
    figures: list[Figure] = []
    failed: list[str] = []
    for name in names:
        print(f"\n== {name} ==", flush=True)
        try:
            module = importlib.import_module(f"benchmarks.{name}")
            figures.extend(module.run())
        except Exception:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            failed.append(name)
    print("\n== every figure ==")
    print(table(figures))
    missed = [f.name for f in figures if f.met is False]
    if missed:
        print(f"\n{len(missed)} target(s) missed: {', '.join(missed)}")
    if failed:
        print(f"\nbenchmarks that did not run: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
