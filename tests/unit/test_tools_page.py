"""The Tools page list and the skip link, generated without a build."""

from __future__ import annotations

from mkdocs_plugins.tool_forms.plugin import add_skip_link
from mkdocs_plugins.tool_forms.tools_page import (
    Embed,
    description,
    embeds,
    listing,
    page_title,
)
from tools.core.registry import REGISTRY

OGRS3 = REGISTRY["ogrs3"][0]
PLAN = REGISTRY["risk-management-plan"][0]


def test_embeds_are_found_by_slug_with_each_pages_h1() -> None:
    sources = {
        "b/plan.md": "---\nsection: 4.2.1\n---\n# 4.2.1 Plans\n\n/// tool | risk-management-plan\n///\n",
        "a/ogrs.md": "# 2.2.1 Predictors\n\n/// tool | ogrs3\n///\n",
        "broken.md": "# Broken\n\n/// tool | ogrs3\n",  # never closed: its own build error
        "none.md": "# Nothing here\n",
    }
    assert embeds(sources) == {
        "ogrs3": [Embed("a/ogrs.md", "2.2.1 Predictors")],
        "risk-management-plan": [Embed("b/plan.md", "4.2.1 Plans")],
    }
    assert page_title("No heading", "x.md") == "x.md"


def test_the_listing_links_each_tool_to_its_anchor_by_title() -> None:
    found = {"ogrs3": [Embed("2-basic/2.2.1-predictors.md", "2.2.1 Predictors")],
             "risk-management-plan": [Embed("4-rm/4.2.1-plans.md", "4.2.1 Plans")]}
    lines = listing([PLAN, OGRS3], found).split("\n")
    assert lines == [
        f"- [OGRS3 calculator](2-basic/2.2.1-predictors.md#tool-ogrs3): {description(OGRS3)} "
        "In 2.2.1 Predictors.",
        f"- [Risk management plan checklist](4-rm/4.2.1-plans.md#tool-risk-management-plan): "
        f"{description(PLAN)} In 4.2.1 Plans.",
    ]
    assert description(OGRS3).endswith("using the published OGRS3 equation.")
    assert listing([OGRS3], {}) == "No tools are embedded in this edition."


def test_the_skip_link_follows_the_themes_own() -> None:
    page = '<body><a href="#s1" class="md-skip">Skip to content</a><main>'
    assert add_skip_link(page, "tool-ogrs3", "calculator") == (
        '<body><a href="#s1" class="md-skip">Skip to content</a>'
        '<a href="#tool-ogrs3" class="md-skip roh-skip" data-roh-skip>Skip to the '
        "calculator</a><main>"
    )
    assert add_skip_link("<body class=x><p>", "tool-a", "checklist").startswith(
        '<body class=x><a href="#tool-a"')
