"""The real guide, built once: the policy file servers read, and what our scripts never do.

A Content-Security-Policy cannot govern top-level navigation, WebRTC or beacons,
so the promise that answers never leave the device rests, for those, on our
own code not using them. These tests hold every script file that is ours to it.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import material
import pytest

from mkdocs_plugins.csp.policy import FILE_NAME
from tests.build.conftest import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
PYODIDE = ROOT / "node_modules" / "pyodide"
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')

#: Ways a script can send data where the policy cannot stop it.
FORBIDDEN = {
    "window.open": re.compile(r"\bwindow\s*\.\s*open\b"),
    "location =": re.compile(r"\blocation\s*=(?!=)"),
    "location.href =": re.compile(r"\blocation\s*\.\s*href\s*=(?!=)"),
    "location.assign / location.replace": re.compile(r"\blocation\s*\.\s*(?:assign|replace)\b"),
    "RTCPeerConnection": re.compile(r"RTCPeerConnection"),
    "sendBeacon": re.compile(r"\bsendBeacon\b"),
}
#: Reviewed uses in our files, each with why it cannot send anything away. The
#: Go to section box opens a page of this guide: the address is the module's own
#: folder (import.meta.url) joined with a path from our own sections.json, or
#: with `?q=<words>` (this guide's own search, where a page has no search box),
#: and leaveFor() refuses any other origin.
#: The version selector opens the same section in another edition of this site:
#: the target edition's root is checked to be this origin before the click is
#: taken over, and the page found in its section map is checked again here.
REVIEWED = {
    ("assets/roh/sections.mjs", "location.assign / location.replace"):
        "location.assign(target.href);",
    ("assets/roh/editions.mjs", "location.assign / location.replace"):
        "destination(line.dataset.rohUid, targetRoot).then((url) => location.assign(",
}
#: Material's keyboard shortcuts (n / p) follow the page's own rel=next/prev
#: link, by a click under instant navigation, else by setting location.href to
#: that link's href: same-site links the theme wrote, nothing else.
MATERIAL_REVIEWED = {"location.href =": re.compile(r"\blocation\.href=\w+\.href\b")}



def theirs(site: Path, path: Path) -> bool:
    """Is this built file Material's or Pyodide's, unchanged? Anything else is ours."""
    relative = path.relative_to(site)
    parts = relative.parts
    if parts[:2] == ("assets", "pyodide") and len(parts) == 4:
        source = PYODIDE / parts[3]
    else:
        source = MATERIAL / relative
    return source.is_file() and source.read_bytes() == path.read_bytes()


def scripts(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix in (".js", ".mjs"))


def hits(text: str) -> list[tuple[str, str]]:
    """(name, the source line) for each forbidden use in a script's text."""
    found = []
    for line in text.splitlines():
        for name, pattern in FORBIDDEN.items():
            for match in pattern.finditer(line):
                found.append((name, line[max(0, match.start() - 60):match.end() + 60].strip()))
    return found


def test_the_policy_file_is_exactly_the_policy_every_page_carries(guide: Path) -> None:
    text = (guide / FILE_NAME).read_text("utf-8")
    assert "\n" not in text and text.startswith("default-src 'self'; script-src 'self' ")
    pages = list(guide.rglob("*.html"))
    assert len(pages) > 150  # pages, short routes and trainer cards
    for page in pages:
        found = _META.findall(page.read_text("utf-8"))
        assert [html.unescape(f) for f in found] == [text], page


def test_our_scripts_never_navigate_beacon_or_open_peer_connections(guide: Path) -> None:
    ours = [p for p in scripts(guide) if not theirs(guide, p)]
    names = {p.relative_to(guide).as_posix() for p in ours}
    # The check must see our runtime, the worker and the sections script.
    assert {"assets/roh/tool-form.mjs", "assets/roh/tools-worker.mjs", "assets/roh/boot.js",
            "assets/roh/sections.mjs"} <= names
    problems = []
    for path in ours:
        relative = path.relative_to(guide).as_posix()
        for name, line in hits(path.read_text("utf-8")):
            reviewed = REVIEWED.get((relative, name))
            if reviewed is None or reviewed not in line:
                problems.append(f"{relative}: {name}: {line}")
    assert not problems, "\n".join(problems)


def test_the_reviewed_uses_are_still_the_only_ones(guide: Path) -> None:
    """A reviewed use that changes or goes away must be reviewed again."""
    for (relative, name), statement in REVIEWED.items():
        found = [line for kind, line in hits((guide / relative).read_text("utf-8"))
                 if kind == name]
        assert len(found) == 1 and statement in found[0], (relative, found)


def test_the_theme_s_own_scripts_only_follow_the_theme_s_own_links(guide: Path) -> None:
    theme = [p for p in scripts(guide) if theirs(guide, p) and "pyodide" not in p.parts]
    assert any(p.name.startswith("bundle.") for p in theme)
    unreviewed = []
    for path in theme:
        for name, line in hits(path.read_text("utf-8")):
            allowed = MATERIAL_REVIEWED.get(name)
            if allowed is None or not allowed.search(line):
                unreviewed.append(f"{path.name}: {name}: {line}")
    assert not unreviewed, "\n".join(unreviewed)


@pytest.mark.parametrize(("code", "name"), [
    ("window.open(url)", "window.open"),
    ("window .open(url)", "window.open"),
    ("location = url", "location ="),
    ("document.location=url", "location ="),
    ("top.location.href = url", "location.href ="),
    ("location.assign(url)", "location.assign / location.replace"),
    ("window.location.replace(url)", "location.assign / location.replace"),
    ("new RTCPeerConnection()", "RTCPeerConnection"),
    ("new webkitRTCPeerConnection()", "RTCPeerConnection"),
    ("navigator.sendBeacon('/x', data)", "sendBeacon"),
])
def test_each_forbidden_use_is_caught(code: str, name: str) -> None:
    assert [kind for kind, _ in hits(f"const a = 1;\n{code};\n")] == [name]


@pytest.mark.parametrize("code", [
    "if (location.href === url) {}", "location.protocol === 'file:'", "location.hash.slice(1)",
    "new URL(link, location.href)", "const opened = details.open",
])
def test_reading_the_location_is_not_a_forbidden_use(code: str) -> None:
    assert hits(code) == []
