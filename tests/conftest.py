"""Checks that a whole run collects every test file.

pytest's default `norecursedirs` contains "build", so for a while the build
tests in tests/build/ were silently left out of `make test`. A test file that
a whole run does not collect now stops the run instead of passing unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

TESTS = Path(__file__).resolve().parent


# Property tests run the same examples on every machine (CI must not go red on a
# case a developer never saw) and do not fail a loaded 2-core machine for being
# slow to generate data; a test that needs more examples says so itself.
settings.register_profile(
    "roh", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("roh")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.args_source is not pytest.Config.ArgsSource.TESTPATHS:
        return  # the run names its own files or folders
    collected = {Path(item.path).resolve() for item in items}
    missing = sorted(
        str(path.relative_to(TESTS.parent))
        for path in TESTS.rglob("test_*.py")
        if path.resolve() not in collected
    )
    if missing:
        raise pytest.UsageError(f"test files a whole run did not collect: {missing}")
