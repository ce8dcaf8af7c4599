"""Where each page of a superseded edition leads in the current edition.

Numbered pages follow their uid through every newer edition (history.successor);
other pages go to the page with the same path in the current edition, or to
its home. The result feeds the banner's link and the canonical link.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mkdocs_plugins.editions.banner import Target
from mkdocs_plugins.editions.history import EditionSources, successor


@dataclass(frozen=True)
class Site:
    """How to address the current edition from a page of another edition."""

    current: EditionSources
    #: src_uri in the current edition → its URL relative to that edition's root.
    url_of: Callable[[str], str]

    def href(self, from_url: str, url: str) -> str:
        """A link from `from_url` (relative to this edition's root) to `url` in the
        current edition, which is published beside this one (`/<edition>/…`)."""
        up = "../" * from_url.count("/")
        return f"{up}../{self.current.edition.edition}/{url}"


def target_for(src_uri: str, from_url: str, own: EditionSources,
               newer: list[EditionSources], site: Site) -> Target:
    """The Target of page `src_uri` (URL `from_url`) of edition `own`; `newer` oldest first."""
    page = own.pages.get(src_uri)
    old = page.section if page is not None else None
    if old is None:
        current_urls = {site.url_of(uri) for uri in site.current.pages}
        if from_url in current_urls:
            return Target("page", site.href(from_url, from_url), from_url)
        return Target("home", site.href(from_url, ""), "")
    found = successor(old.uid, newer)
    if found.section is None:
        return Target("removed", site.href(from_url, ""), "", old=old, note=found.note,
                      removed_in=found.removed_in)
    new = found.section
    url = site.url_of(new.src_uri)
    if found.replaced:
        kind = "replaced"
    elif (new.number, new.title) != (old.number, old.title):
        kind = "moved"
    else:
        kind = "same"
    return Target(kind, site.href(from_url, url), url, old=old, new=new)
