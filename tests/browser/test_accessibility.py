"""Accessibility (axe-core, WCAG 2.1 A/AA rules plus best practices) of every
kind of page at 360 px and 1280 px, in both views and with a note open, and
screenshots of each into tests/artefacts/ for a person to look at."""

from __future__ import annotations

import json

import pytest

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

# (name of the screenshot, page, what to do before checking)
STATES = [
    ("document", "wcda-112080.html", None),
    ("document-turn", "wcda-112080.html#sp-6", None),
    ("document-note", "wcda-112080.html#sp-6", "note"),
    ("document-reading", "sample.html#record", "reading"),
    ("sample", "sample.html", None),
    ("index", "index.html", None),
    ("persons", "persons.html", None),
    ("search", "search.html?q=navy", "search"),
]


def prepare(page, action: str | None) -> None:
    if action == "note":
        page.click("#call-2")
        page.wait_for_selector("#pop-2", state="visible")
    elif action == "reading":
        page.click("label[for=view-reading]")
    elif action == "search":
        page.wait_for_selector("#search-results a.search-hit")


def axe_violations(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", TAGS)
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize(("name", "path", "action"), STATES, ids=[s[0] for s in STATES])
def test_axe_and_screenshot(server, open_page, axe_source, artefacts, name, path, action, width) -> None:
    page = open_page(server + path, width=width)
    prepare(page, action)
    page.screenshot(path=str(artefacts / f"{name}-{width}.png"))
    violations = axe_violations(page, axe_source)
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, indent=1)
    # Nothing less than serious either, so that the edition stays clean.
    assert violations == [], json.dumps(violations, indent=1)
    assert page.problems == []


def test_document_from_the_file_system_is_accessible_too(edition, open_page, axe_source) -> None:
    page = open_page((edition / "html" / "wcda-112080.html").as_uri())
    assert axe_violations(page, axe_source) == []


def test_landmarks_headings_and_language(server, open_page) -> None:
    page = open_page(server + "wcda-112080.html")
    landmarks = page.evaluate("""() => [...document.querySelectorAll('header, nav, main, footer, [role=search]')]
        .filter(e => !e.closest('main') || e.matches('main, nav'))
        .map(e => e.getAttribute('role') || e.tagName.toLowerCase())""")
    assert landmarks == ["header", "nav", "search", "main", "nav", "footer"]
    levels = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:]))  # no level skipped
    assert page.evaluate("document.documentElement.lang") == "en"
    langs = page.evaluate("[...document.querySelectorAll('.record [lang]')].map(e => e.lang)")
    assert len(langs) == 28 and set(langs) == {"ru-Latn"}


def test_keyboard_reaches_notes_and_turn_links(server, open_page) -> None:
    page = open_page(server + "sample.html")
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("(e => e.id || e.className || e.tagName)(document.activeElement)"))
        if seen[-1] == "call-1":
            break
    assert "skip-link" in seen[0]
    assert "turn-link" in seen and "call-1" in seen
    page.keyboard.press("Enter")
    assert page.is_visible("#pop-1")
    page.keyboard.press("Tab")  # focus moves into the open note
    assert page.evaluate("document.activeElement.closest('#pop-1') !== null")
