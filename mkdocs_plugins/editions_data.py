"""The guide's editions, from `editions.yml` at the repository root.

One file says which editions exist, which is current, and when each was
superseded. Publishing, the outdated-edition banner, the version selector and
the Version history page all read it through `load_editions()`, so they cannot
disagree. Every mistake in it stops the build with `editions.yml:<line>`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from mkdocs_plugins.guide_pages.data import Entry, load_entries

FILE_NAME = "editions.yml"
#: Where an earlier edition's frozen sources live, relative to the repository root.
FROZEN_DIR = "versions"
STATUSES = ("current", "superseded")
#: "4.36", "5.0": digits and dots only. mike treats "2.06" and "2.6" as the same
#: version, so published editions are also checked for clashing spellings.
_NUMBER = re.compile(r"^\d+(\.\d+)*$")


@dataclass(frozen=True)
class Edition:
    """One edition of the guide, as `editions.yml` describes it."""

    edition: str
    released: str
    status: str
    description: str
    superseded_on: datetime.date | None
    #: The folder holding this edition's `mkdocs.yml`, or None when it is not
    #: published on this site (an earlier release whose sources are not here).
    config_dir: Path | None
    line: int

    @property
    def current(self) -> bool:
        return self.status == "current"

    @property
    def published(self) -> bool:
        return self.config_dir is not None

    @property
    def label(self) -> str:
        """How readers see it named: "4.36 (May 2011)"."""
        return f"{self.edition} ({self.released})"


def _date(entry: Entry, where: str) -> datetime.date | None:
    value = entry.values.get("superseded_on")
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise PluginError(
            f"{where}: superseded_on must be a date written YYYY-MM-DD, not {value!r}"
        ) from None


def _sort_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def load_editions(root: Path) -> list[Edition]:
    """Every edition in `root/editions.yml`, newest first, checked.

    Exactly one edition is current; its sources are `root` (docs/ and the main
    mkdocs.yml). A superseded edition is published when
    `root/versions/<edition>/mkdocs.yml` exists.
    """
    entries = load_entries(
        root / FILE_NAME, FILE_NAME, ("edition", "released", "status", "description")
    )
    editions: list[Edition] = []
    seen: dict[str, int] = {}
    for entry in entries:
        where = f"{FILE_NAME}:{entry.line}"
        raw_number = entry.values.get("edition")
        if not isinstance(raw_number, str):
            raise PluginError(f"{where}: write the edition number in quotes, e.g. \"4.36\"")
        status = entry.text("status")
        if status not in STATUSES:
            raise PluginError(f"{where}: status must be current or superseded, not {status!r}")
        frozen = root / FROZEN_DIR / raw_number
        config_dir: Path | None = None
        if status == "current":
            config_dir = root
        elif (frozen / "mkdocs.yml").is_file():
            config_dir = frozen
        if config_dir is not None and not _NUMBER.match(raw_number):
            raise PluginError(
                f"{where}: a published edition's number is digits and dots (\"5.0\"), "
                f"not {raw_number!r}"
            )
        if config_dir is not None:
            spelling = ".".join(str(int(p)) for p in raw_number.split("."))
            if spelling in seen:
                raise PluginError(
                    f"{where}: edition {raw_number!r} clashes with the edition at line "
                    f"{seen[spelling]} (mike treats them as the same version)"
                )
            seen[spelling] = entry.line
        superseded_on = _date(entry, where)
        if status == "superseded" and config_dir is not None and superseded_on is None:
            raise PluginError(
                f"{where}: edition {raw_number} is published here, so it needs superseded_on "
                "(the date the next edition replaced it)"
            )
        editions.append(
            Edition(
                edition=raw_number,
                released=entry.text("released"),
                status=status,
                description=entry.text("description").strip(),
                superseded_on=superseded_on,
                config_dir=config_dir,
                line=entry.line,
            )
        )
    current = [e for e in editions if e.current]
    if len(current) != 1:
        lines = ", ".join(str(e.line) for e in current) or "none"
        raise PluginError(
            f"{FILE_NAME}:1: exactly one edition must have status current (found {lines})"
        )
    published = [e for e in editions if e.published]
    if any(_sort_key(e.edition) > _sort_key(current[0].edition) for e in published):
        raise PluginError(
            f"{FILE_NAME}:{current[0].line}: the current edition must be the newest "
            "published edition"
        )
    return editions


def find_root(start: Path) -> Path:
    """The repository root: the nearest folder at or above `start` with editions.yml.

    A frozen edition's mkdocs.yml sits in versions/<edition>/, two levels down.
    """
    for folder in (start, *start.parents):
        if (folder / FILE_NAME).is_file():
            return folder
    raise PluginError(f"{FILE_NAME} not found in {start} or any folder above it")


def current_edition(editions: list[Edition]) -> Edition:
    return next(e for e in editions if e.current)
