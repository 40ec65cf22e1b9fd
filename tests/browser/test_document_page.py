"""A document page in headless Chromium, from file: URLs and from a local
server: notes open in place, turn anchors, the view switch (with and without
JavaScript), the language of foreign terms on keyboard focus."""

from __future__ import annotations

import pytest

DOC = "wcda-112080.html"


def test_note_call_opens_the_note_in_place(base, open_page) -> None:
    page = open_page(base + DOC)
    assert not page.is_visible("#pop-1")
    page.click("#call-1")
    assert page.is_visible("#pop-1")
    assert "Pavel Yudin was Soviet ambassador to the PRC" in page.inner_text("#pop-1")
    call, note = page.locator("#call-1").bounding_box(), page.locator("#pop-1").bounding_box()
    assert 0 <= note["y"] - (call["y"] + call["height"]) < 40  # just below its call
    assert note["x"] >= 0 and note["x"] + note["width"] <= 1280
    page.keyboard.press("Escape")
    assert not page.is_visible("#pop-1")
    # From the keyboard: focus the call, Enter opens, the close button closes.
    page.focus("#call-2")
    page.keyboard.press("Enter")
    assert page.is_visible("#pop-2")
    page.click("#pop-2 .note-close")
    assert not page.is_visible("#pop-2")
    assert page.problems == []


def test_note_opens_without_javascript_and_the_list_links_back(base, open_page) -> None:
    page = open_page(base + DOC, script=False)
    page.click("#call-3")
    assert page.is_visible("#pop-3")
    page.click("#pop-3 .note-pop-foot a")
    assert page.url.endswith("#note-3")
    assert page.evaluate("document.querySelector(':target').id") == "note-3"
    page.click("#note-3 .back-link")
    assert page.url.endswith("#call-3")


def test_following_a_turn_anchor(base, open_page) -> None:
    page = open_page(base + DOC)
    page.click("#sp-5 .turn-link")
    assert page.url.endswith("#sp-5")
    assert page.evaluate("document.querySelector(':target').id") == "sp-5"
    # Straight to a turn far down: in view, not under the sticky view bar.
    page.goto(base + DOC + "#sp-200")
    top = page.evaluate("document.getElementById('sp-200').getBoundingClientRect().top")
    bar = page.evaluate("document.querySelector('.record-tools').getBoundingClientRect().bottom")
    assert bar <= top < 300
    assert "Mao Zedong" in page.inner_text("#sp-200 .speaker") or page.inner_text("#sp-200 .speaker")


def visible_text(page, selector: str) -> str:
    return " ".join(page.inner_text(selector).split())


@pytest.mark.parametrize("script", [True, False], ids=["js", "no-js"])
def test_view_switch(base, open_page, script: bool) -> None:
    page = open_page(base + "sample.html", script=script)
    turn = "#sp-2 > p:not(.speaker)"
    diplomatic = ("We sent Admiral [Nikolai] Kuznetsov away, said comrades Wan Xia Sang [sic]. (Jokingly.) "
                  "Where is the Navy[?] This played a role in the events in Hungary, [6] and he also created |four")
    reading = ("We sent Admiral Nikolai Kuznetsov away, said comrades Wan Xia Sang. (Jokingly.) "
               "Where is the Navy? This played a role in the events in Hungary, [6] and he also created four")
    assert visible_text(page, turn).startswith(diplomatic)
    assert visible_text(page, ".record").count("exaggerated [nakrucheno]") == 1
    page.click("label[for=view-reading]")
    assert visible_text(page, turn).startswith(reading)
    assert "exaggerated nakrucheno." in visible_text(page, ".record")
    assert "C[entral]" not in visible_text(page, ".record") and "Central Committee" in visible_text(page, ".record")
    page.click("label[for=view-diplomatic]")
    assert visible_text(page, turn).startswith(diplomatic)
    # Keyboard: the radios are reachable and switch with the arrow keys.
    page.focus("#view-diplomatic")
    page.keyboard.press("ArrowRight")
    assert page.is_checked("#view-reading")
    assert visible_text(page, turn).startswith(reading)


def test_view_choice_is_remembered_across_pages(server, open_page) -> None:
    page = open_page(server + "sample.html")
    page.click("label[for=view-reading]")
    page.goto(server + DOC)
    assert page.is_checked("#view-reading")
    page.click("label[for=view-diplomatic]")
    page.goto(server + "sample.html")
    assert page.is_checked("#view-diplomatic")


def test_foreign_term_shows_its_language_on_focus(base, open_page) -> None:
    page = open_page(base + "sample.html")
    page.keyboard.press("Tab")  # keyboard modality: focus is then :focus-visible
    page.focus(".record .foreign")
    assert page.evaluate("document.activeElement.lang") == "ru-Latn"
    after = page.evaluate("getComputedStyle(document.activeElement, '::after').content")
    assert after == '"Russian (Latin script)"'
    assert page.get_attribute(".record .foreign", "title") == "Russian (Latin script)"


def test_download_links(server, open_page) -> None:
    page = open_page(server + "sample.html")
    for name, kind in (("TEI XML", "xml"), ("PDF", "pdf")):
        href = page.get_attribute(f".downloads a:text-is('{name}')", "href")
        response = page.request.get(server + href)
        assert response.ok and kind in response.headers["content-type"], (name, href)


def test_browser_print_shows_the_text_without_the_controls(server, open_page) -> None:
    page = open_page(server + "sample.html")
    page.emulate_media(media="print")
    for hidden in (".site-header", ".record-tools", ".downloads", ".turn-link", ".note-popovers"):
        assert not page.is_visible(hidden), hidden
    assert page.is_visible(".record") and page.is_visible(".notes")
    assert page.pdf(format="A5")[:5] == b"%PDF-"
