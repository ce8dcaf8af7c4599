"""One edition's `mkdocs build --strict`, as the publish runs it.

Each edition is built by its own `mkdocs` process with today's plugins, theme
and tools (the words come from its sources), told through the environment
where it will live: its own address, the whole site's address, that the
version selector has a versions.json to read, and where the one shared copy
of Pyodide and the tools archive is.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mkdocs_plugins.editions_data import Edition

#: The shared runtime folder, relative to an edition's folder in the site.
SHARED_FROM_EDITION = "../_assets"


class BuildError(Exception):
    """An edition did not build; the message carries mkdocs' own output."""


def environment(root_url: str, edition: str, source_date_epoch: int) -> dict[str, str]:
    """What an edition's build is told about the published site (ARCHITECTURE: C3)."""
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "ROH_SITE_URL": f"{root_url}{edition}/",
        "ROH_SITE_ROOT": root_url,
        "ROH_VERSION_PROVIDER": "mike",
        "ROH_SHARED_ASSETS": SHARED_FROM_EDITION,
        # The sitemap's dates and gzip header come from here, so two publishes
        # of the same sources are byte-identical.
        "SOURCE_DATE_EPOCH": str(source_date_epoch),
    }


def build_edition(edition: Edition, out: Path, root_url: str, source_date_epoch: int) -> Path:
    """Build `edition` into out/<edition>/; raises BuildError with mkdocs' messages."""
    assert edition.config_dir is not None, "only published editions are built"
    folder = out / edition.edition
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
         "--config-file", str(edition.config_dir / "mkdocs.yml"), "--site-dir", str(folder)],
        capture_output=True, text=True, cwd=edition.config_dir,
        env=environment(root_url, edition.edition, source_date_epoch),
    )
    if done.returncode != 0:
        raise BuildError(f"Edition {edition.edition} did not build:\n"
                         f"{(done.stdout + done.stderr).strip()}")
    return folder
