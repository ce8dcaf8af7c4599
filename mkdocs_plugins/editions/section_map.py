"""The edition's section map, published as data: `assets/roh/section-map.json`.

number ↔ uid ↔ URL for every numbered page, plus the sections this edition
retired. The version selector (editions.mjs) reads the target edition's map to
land on the same uid; the link-rot test and publishing read it too. Shape
(contract C3): {"edition", "sections": [{uid, number, title, url}],
"retired": [{uid, replaced_by, removed}]}, url relative to the edition's root.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from mkdocs_plugins.editions.history import EditionSources

PATH = "assets/roh/section-map.json"


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split(".") if part.isdigit())


def section_map(sources: EditionSources, url_of: Callable[[str], str]) -> str:
    """The JSON text; `url_of` turns a src_uri into its URL in this edition."""
    sections = sorted(sources.sections.values(), key=lambda s: _key(s.number))
    data = {
        "edition": sources.edition.edition,
        "sections": [
            {"uid": s.uid, "number": s.number, "title": s.title, "url": url_of(s.src_uri)}
            for s in sections
        ],
        "retired": [
            {"uid": r.uid, "replaced_by": r.replaced_by, "removed": r.removed}
            for r in sources.retired.values()
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
