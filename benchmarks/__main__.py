"""`python -m benchmarks`: every benchmark, each printing ratios measured in one run."""

from __future__ import annotations

from benchmarks import browser, build_overhead

if __name__ == "__main__":
    print("== build: plugins vs plain Material ==")
    build_overhead.run()
    print("\n== browser: tool start-up and response ==")
    browser.run()
