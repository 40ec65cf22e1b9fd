"""The site in headless Chromium: search (prebuilt index, no server needed),
the index and persons pages, and every page's layout from 360 px up."""

from __future__ import annotations

import pytest

PAGES = ["index.html", "persons.html", "search.html", "wcda-112080.html", "sample.html", "chinese_pinyin.html"]


def hits(page) -> list[tuple[str, str]]:
    return page.eval_on_selector_all(
        "#search-results a.search-hit", "links => links.map(a => [a.getAttribute('href'), a.textContent])")


def test_search_finds_a_word_in_a_turn_and_links_its_anchor(base, open_page) -> None:
    page = open_page(base + "search.html?q=nakrucheno")
    page.wait_for_selector("#search-results a.search-hit")
    assert hits(page) == [["wcda-112080.html#sp-6", "N.S. Khrushchev, turn 6"], ["sample.html#sp-1", "Li Wei, turn 1"]]
    assert page.inner_text("#search-status") == "2 passages in 2 documents for “nakrucheno”."
    assert page.inner_text("#search-results mark") == "nakrucheno"
    page.click("#search-results a.search-hit >> nth=0")
    page.wait_for_url("**/wcda-112080.html#sp-6")
    assert page.evaluate("document.querySelector(':target').id") == "sp-6"
    assert "nakrucheno" in page.inner_text("#sp-6")
    assert page.problems == []


def test_search_words_prefix_accents_and_nothing_found(base, open_page) -> None:
    page = open_page(base + "search.html")
    page.fill("#q", "Kuznet")  # the last word may be the start of a word
    page.wait_for_selector("#search-results a.search-hit")
    assert ["sample.html#sp-2", "A.B. Ivanov, turn 2"] in hits(page)
    assert "Kuznetsov" in page.inner_text("#search-results mark >> nth=0")
    page.fill("#q", "admiral kuznetsov")  # every word must occur
    page.wait_for_function("document.querySelectorAll('#search-results a.search-hit').length > 0")
    assert all("turn" in label for _, label in hits(page))
    page.fill("#q", "Pékíng")  # accents and capitals do not matter; sic and correction both found
    page.wait_for_function("document.getElementById('search-status').textContent.includes('Pékíng')")
    assert ["chinese_pinyin.html#sp-1", "A, turn 1"] in hits(page) or any(
        h.startswith("chinese_pinyin.html#") for h, _ in hits(page))
    page.fill("#q", "zzzqqq")
    page.wait_for_function("document.getElementById('search-status').textContent.startsWith('Nothing found')")
    assert hits(page) == []
    assert page.problems == []


def test_search_from_the_banner_of_a_document_page(base, open_page) -> None:
    page = open_page(base + "sample.html")
    page.fill("#site-q", "crystal")
    page.press("#site-q", "Enter")
    page.wait_for_selector("#search-results a.search-hit")
    assert page.input_value("#q") == "crystal"
    assert ["sample.html#sp-2", "A.B. Ivanov, turn 2"] in hits(page)


def test_search_page_without_javascript_says_so(base, open_page) -> None:
    page = open_page(base + "search.html?q=navy", script=False)
    assert "needs JavaScript" in page.inner_text("main")
    assert page.is_visible("a[href='index.html']")


def test_index_and_persons_lead_to_the_turns(base, open_page) -> None:
    page = open_page(base + "index.html")
    page.click("text=First Conversation between N.S. Khrushchev and Mao Zedong")
    page.wait_for_url("**/wcda-112080.html")
    page.click(".participants a:text-is('Deng Xiaoping')")
    page.wait_for_url("**/persons.html#person-deng-xiaoping")
    assert page.evaluate("document.querySelector(':target').id") == "person-deng-xiaoping"
    page.click("#person-deng-xiaoping .turn-links a >> nth=0")
    page.wait_for_url("**/wcda-112080.html#sp-*")
    target = page.evaluate("document.querySelector(':target').id")
    assert "Deng Xiaoping" in page.inner_text(f"#{target} .speaker")


@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_scrolling_at_360_px(server, open_page, name: str) -> None:
    page = open_page(server + name, width=360)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    if "popover" in page.content() and page.query_selector("#call-1"):
        page.click("#call-1")
        box = page.locator("#pop-1").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert page.problems == []
