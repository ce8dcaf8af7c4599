"""`python -m publishing freeze <edition>`: keep the current edition's words for good.

Copies docs/ (with docs/_data/) into versions/<edition>/docs/ and writes a
small mkdocs.yml there that INHERITs the main one, so every later publish
rebuilds this edition with the platform of the day while its words stay as
they were. Run it before work on the next edition begins.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import get_yaml_loader

from mkdocs_plugins.editions_data import FROZEN_DIR, current_edition, load_editions

#: Files in docs/ that are platform, not words (the site CSS lives in overrides/).
PLATFORM = shutil.ignore_patterns(".*", "__pycache__", "*.pyc")


class FreezeError(Exception):
    """Freezing would lose or overwrite something; the message says what."""


def _main_config(root: Path) -> dict[str, object]:
    with (root / "mkdocs.yml").open(encoding="utf-8") as stream:
        data = yaml.load(stream, Loader=get_yaml_loader())
    if not isinstance(data, dict) or not isinstance(data.get("nav"), list):
        raise FreezeError("mkdocs.yml has no nav: the frozen edition keeps its own nav")
    return data


def frozen_config(edition: str, nav: list[object], custom_dir: str) -> str:
    """The frozen edition's mkdocs.yml (C3): INHERIT, its docs, its number, its nav."""
    body = yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True, width=100)
    return (
        f"# Edition {edition}, frozen by `make freeze VERSION={edition}`. Its words are\n"
        "# docs/ here and never change; everything else (plugins, theme, tools, the\n"
        "# policy) is today's, from the main mkdocs.yml, rebuilt by every publish.\n"
        "INHERIT: ../../mkdocs.yml\n"
        "docs_dir: docs\n"
        "# MkDocs resolves custom_dir against the file that uses it, not the one it\n"
        "# comes from, so it is named again relative to this folder.\n"
        "theme:\n"
        f"  custom_dir: {custom_dir}\n"
        "extra:\n"
        f'  edition: "{edition}"\n'
        f"{body}"
    )


def freeze(root: Path, edition: str) -> Path:
    """Freeze the current edition `edition` into versions/<edition>/; returns that folder."""
    current = current_edition(load_editions(root))
    if edition != current.edition:
        raise FreezeError(
            f"Only the current edition can be frozen: editions.yml says it is "
            f"{current.edition}, not {edition}. Its sources are docs/."
        )
    target = root / FROZEN_DIR / edition
    if target.exists():
        raise FreezeError(
            f"{target.relative_to(root)}/ already exists: edition {edition} is frozen, "
            "and a frozen edition's words never change"
        )
    data = _main_config(root)
    extra = data.get("extra")
    said = extra.get("edition") if isinstance(extra, dict) else None
    if str(said) != edition:
        raise FreezeError(
            f"mkdocs.yml says extra.edition is {said!r}, but editions.yml says the current "
            f"edition is {edition}: make them agree first"
        )
    theme = data.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if not isinstance(custom, str):
        raise FreezeError("mkdocs.yml has no theme.custom_dir (the site's overrides)")
    custom_dir = Path(os.path.relpath((root / custom).resolve(), target.resolve())).as_posix()
    shutil.copytree(root / "docs", target / "docs", ignore=PLATFORM)
    config = target / "mkdocs.yml"
    nav = data["nav"]
    assert isinstance(nav, list)
    config.write_text(frozen_config(edition, nav, custom_dir), encoding="utf-8")
    try:
        load_config(str(config))
    except ConfigurationError as error:
        shutil.rmtree(target)
        raise FreezeError(f"The frozen edition's mkdocs.yml does not load ({error}); "
                          "nothing was frozen") from None
    return target


def next_steps(root: Path, edition: str) -> str:
    """What the author does next, in order."""
    return (
        f"Edition {edition} is frozen in {FROZEN_DIR}/{edition}/. Its words there never "
        "change again; docs/ is now the next edition's draft.\n"
        "Next:\n"
        "  1. In mkdocs.yml, set extra.edition to the new edition's number (in quotes, "
        'e.g. "5.0") and update the copyright line.\n'
        "  2. In editions.yml, add the new edition at the top with status: current, and "
        f"change {edition} to status: superseded with superseded_on: <YYYY-MM-DD> (the day "
        "the new edition is published).\n"
        "  3. Empty docs/_data/retired-sections.yml if it lists anything: those entries "
        f"say what edition {edition} retired and are kept in {FROZEN_DIR}/{edition}/; the new "
        "edition lists only the sections it retires itself.\n"
        f"  4. Commit {FROZEN_DIR}/{edition}/ with those changes. Then "
        "ROH_SITE_URL=<address> make publish builds both editions.\n"
    )
