"""The edition a build is making, and the addresses its printed links carry.

A build knows its edition from `extra.edition`, whether that edition is
current from `editions.yml`, and the address of the whole site from
`extra.site_root` (set by the publish step) or, in a single-edition build,
from `site_url`. Short links, QR codes, trainer cards and the Version history
page all read it from here, so they agree.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from mkdocs_plugins.editions_data import Edition, find_root, load_editions

#: What MkDocs and `make serve` use when ROH_SITE_URL is not set.
LOCAL_ADDRESS = "http://127.0.0.1:8000/"
_LOCAL_NAMES = {"localhost", "localhost.localdomain", ""}


def is_local_address(url: str) -> bool:
    """Does `url` reach only the computer it is opened on (loopback, unspecified)?"""
    host = (urlsplit(url).hostname or "").lower()
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


@dataclass(frozen=True)
class ThisEdition:
    """The edition being built, every edition, and where the site is published."""

    edition: Edition
    editions: tuple[Edition, ...]
    #: The whole site's address, ending in "/".
    root: str
    #: True when this build is one edition of a publish of every edition
    #: (extra.site_root set); False for a single-edition build (make build).
    whole_site: bool
    #: The folder holding editions.yml: paths in messages are relative to it.
    repo_root: Path

    @property
    def local(self) -> bool:
        return is_local_address(self.root)

    @property
    def short_base(self) -> str:
        """Where short routes live: the root for the current edition, else its folder."""
        if self.edition.current:
            return self.root
        return f"{self.root}{self.edition.edition}/"

    def short_link(self, number: str) -> str:
        """The absolute short link for section `number`, as printed and encoded in QR codes."""
        return f"{self.short_base}s/{number}/"

    def previous(self) -> Edition | None:
        """The edition listed just before (older than) this one, if any."""
        names = [e.edition for e in self.editions]
        index = names.index(self.edition.edition)
        return self.editions[index + 1] if index + 1 < len(self.editions) else None


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def this_edition(config: MkDocsConfig) -> ThisEdition:
    """Read the build's edition; a mistake stops the build naming the config file."""
    config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
    repo_root = find_root(config_file.parent)
    editions = load_editions(repo_root)
    number = config.extra.get("edition")
    shown = config_file.relative_to(repo_root).as_posix() if config_file.is_relative_to(
        repo_root) else str(config_file)
    if not isinstance(number, str) or not number:
        raise PluginError(
            f"{shown}: set extra.edition to the edition these sources are, in quotes "
            '(for example edition: "4.36")'
        )
    edition = next((e for e in editions if e.edition == number), None)
    if edition is None:
        listed = ", ".join(e.edition for e in editions)
        raise PluginError(
            f"{shown}: extra.edition is {number!r}, which editions.yml does not list "
            f"(it lists {listed})"
        )
    site_root = config.extra.get("site_root")
    root = site_root or config.site_url or LOCAL_ADDRESS
    return ThisEdition(edition, tuple(editions), _with_slash(str(root)), bool(site_root),
                       repo_root)
