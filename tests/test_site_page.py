"""One document page of the HTML edition: what an editor expects of each
TEI construct, and the markup the reading/diplomatic view switch relies on
(edition.css hides ``.ed-mark`` and ``.dipl-only`` in the reading view)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from teiscribe.transform import Stylesheets

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def sheets() -> Stylesheets:
    return Stylesheets()


def render(sheets: Stylesheets, tmp_path: Path, *replacements: tuple[str, str], **params):
    text = (DATA / "sample.xml").read_text("utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    tei = tmp_path / "doc.xml"
    tei.write_text(text, "utf-8")
    return lxml.html.document_fromstring(sheets.to_html(tei, **params))


def flat(element) -> str:
    return " ".join(element.text_content().split())


def record(page):
    return page.find_class("record")[0]


def test_foreign_term_is_focusable_and_names_its_language(sheets, tmp_path) -> None:
    page = render(sheets, tmp_path)
    (foreign,) = record(page).find_class("foreign")
    assert (foreign.get("lang"), foreign.get("tabindex")) == ("ru-Latn", "0")
    assert foreign.get("title") == foreign.get("data-lang") == "Russian (Latin script)"
    before, after = foreign.getprevious(), foreign.getnext()
    assert (before.text, before.get("class"), after.text, after.get("class")) == ("[", "ed-mark", "]", "ed-mark")


def test_supplied_brackets_are_editorial_marks(sheets, tmp_path) -> None:
    page = render(sheets, tmp_path, ('reason="identification"', 'reason="variant-name"'))
    supplied = record(page).find_class("supplied")
    assert [s.get("class") for s in supplied] == ["supplied", "supplied dipl-only", "supplied"]
    for span in supplied:
        assert span.get("title") == "editorial insertion"
        assert [m.text for m in span.find_class("ed-mark")] == ["[", "]"]
    assert supplied[1].get("data-reason") == "variant-name"


def test_sic_choice_and_gap(sheets, tmp_path) -> None:
    page = render(
        sheets, tmp_path,
        ("<sic>Wan Xia Sang</sic>", "<choice><sic>Peking</sic><corr>Beijing</corr></choice>"),
        ("Our course", 'Our <gap reason="unintelligible"><desc>words unintelligible</desc></gap> course'),
        ("crystal-clear.", 'crystal-clear <gap reason="illegible"/>.'),
    )
    text = flat(record(page))
    assert "said comrades Peking [Beijing]. (Jokingly.)" in text
    (choice,) = record(page).find_class("choice")
    sic, space, corr = choice
    assert (sic.get("class"), sic.text, space.get("class")) == ("sic dipl-only", "Peking", "dipl-only")
    assert corr.get("title") == "editor’s correction (the source has: Peking)"
    assert "Our [words unintelligible] course is crystal-clear […]." in text
    gaps = record(page).find_class("gap")
    assert [g.get("title") for g in gaps] == ["gap in the source: unintelligible", "gap in the source: illegible"]


def test_sic_mark_carries_its_space(sheets, tmp_path) -> None:
    """Hiding "[sic]" in the reading view leaves no space before the full stop."""
    page = render(sheets, tmp_path)
    (mark,) = record(page).find_class("sic-mark")
    assert (mark.text, mark.get("class")) == (" [sic]", "ed-mark sic-mark")
    assert mark.tail.startswith(".")


def test_turn_anchor_is_the_xml_id_when_the_tei_has_one(sheets, tmp_path) -> None:
    page = render(sheets, tmp_path, ('<sp who="#ivanov">', '<sp who="#ivanov" xml:id="ivanov-irritated">'))
    turns = record(page).find_class("sp")
    assert [t.get("id") for t in turns] == ["sp-1", "ivanov-irritated"]
    link = turns[1].find_class("turn-link")[0]
    assert link.get("href") == "#ivanov-irritated" and flat(link) == "¶2"


def test_view_switch_works_without_script(sheets, tmp_path) -> None:
    page = render(sheets, tmp_path)
    (switch,) = page.find_class("view-switch")
    assert switch.tag == "fieldset" and flat(switch.find("legend")) == "Text view"
    radios = switch.xpath(".//input[@type='radio']")
    assert [(r.get("id"), r.get("checked")) for r in radios] == [("view-diplomatic", ""), ("view-reading", None)]
    for radio in radios:
        assert page.xpath(f"//label[@for='{radio.get('id')}']")
    css = (Path(__file__).resolve().parents[1] / "xslt" / "html" / "edition.css").read_text("utf-8")
    assert ":root:has(#view-reading:checked) .ed-mark" in css


def test_standalone_page_has_no_site_links_or_script(sheets, tmp_path) -> None:
    page = render(sheets, tmp_path)
    assert not page.find_class("site-header")
    assert not page.xpath("//script[@src]")
    assert page.xpath("//ul[@class='participants']//a") == []


def test_site_page_links_script_and_banner(sheets, tmp_path) -> None:
    page = render(sheets, tmp_path, js_href="edition.js", site=True, site_title="My Edition")
    assert page.xpath("//script[@src]/@src") == ["edition.js"]
    assert page.xpath("//script[@src]/@defer") == [""]
    assert flat(page.find_class("site-title")[0]) == "My Edition"
    assert page.xpath("//ul[@class='participants']//a/@href")[0] == "persons.html#person-ivanov"
    # the document's own header and the banner: one banner landmark only
    assert len(page.xpath("/html/body/header")) == 1
