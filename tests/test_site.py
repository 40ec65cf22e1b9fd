"""The HTML edition as a site: index, persons and search pages, the prebuilt
search index, links, HTML validity (the Nu HTML Checker) and no lost words.

The site is built once per module from seven TEI documents (the sample, the
five golden conversions and the committed edition), as ``teiscribe build``
does it: one page per document, then :func:`teiscribe.site.write_site`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from lxml import etree

from teiscribe import TEI_NS
from teiscribe.build import render_one
from teiscribe.errors import UsageError
from teiscribe.site import SiteDocument, collection, write_site
from teiscribe.transform import Stylesheets

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
VNU = ROOT / "tests" / "browser" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
NS = {"t": TEI_NS}
WORD = re.compile(r"\w+")


def need(ok: bool, reason: str) -> None:
    """Skip with ``reason`` when ``ok`` is false; under ``CI=true`` fail instead."""
    if not ok:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)


def site_sources() -> list[Path]:
    return [DATA / "sample.xml", *sorted((DATA / "golden").glob("*.xml")), ROOT / "edition" / "wcda-112080.xml"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict:
    """Build the test site; returns paths, TEI trees and the Stylesheets used."""
    out = tmp_path_factory.mktemp("edition")
    sheets = Stylesheets()
    documents = []
    for source in site_sources():
        tei = out / source.name
        shutil.copy(source, tei)
        html, pdf = render_one(tei, out, sheets, pdf=source.stem == "sample", site=True, site_title="Test Edition")
        documents.append(SiteDocument(tei, html.name, f"../{tei.name}", f"../pdf/{pdf.name}" if pdf else ""))
    write_site(documents, out / "html", sheets, title="Test Edition")
    return {"out": out, "html": out / "html", "sheets": sheets,
            "tei": {d.tei.stem: etree.parse(str(d.tei)) for d in documents}}


def page(site: dict, name: str):
    return lxml.html.parse(str(site["html"] / name)).getroot()


def flat(element) -> str:
    return " ".join(element.text_content().split())


# ---- files, compilation -------------------------------------------------------


def test_site_folder(site: dict) -> None:
    names = sorted(p.name for p in site["html"].iterdir())
    stems = sorted(site["tei"])
    assert names == sorted([f"{s}.html" for s in stems] + [
        "index.html", "persons.html", "search.html", "search-index.js", "edition.css", "edition.js"])
    assert (site["out"] / "pdf" / "sample.pdf").exists()


def test_each_stylesheet_compiled_once_per_build(site: dict) -> None:
    assert dict(site["sheets"].compilations) == {
        "html/html.xsl": 1, "print/print.xsl": 1, "html/site.xsl": 1, "html/search-index.xsl": 1}


def test_unknown_site_page_is_a_usage_error(site: dict) -> None:
    with pytest.raises(UsageError, match="site page"):
        site["sheets"].to_site_page(collection([]), "about")


# ---- index.html ---------------------------------------------------------------


def test_index_lists_every_document_oldest_first(site: dict) -> None:
    index = page(site, "index.html")
    cards = index.find_class("doc-card")
    assert len(cards) == len(site["tei"])
    dates = []
    for card in cards:
        href = card.find(".//h2/a").get("href")
        tei = site["tei"][href.removesuffix(".html")]
        title = tei.findtext(".//t:titleStmt/t:title[@type='main']", namespaces=NS)
        assert flat(card.find(".//h2")) == " ".join(title.split())
        facts = {flat(dt): dt.getnext() for dt in card.iter("dt")}
        names = [" ".join(p.text.split()) for p in tei.iterfind(".//t:listPerson/t:person/t:persName", NS)]
        assert [flat(a) for a in facts["Participants"].iter("a")] == names
        assert flat(facts["Turns"]) == str(len(tei.findall(".//t:sp", NS)))
        when = tei.find(".//t:creation/t:date", NS)
        if when is not None:
            assert facts["Date"].find("time").get("datetime") == when.get("when")
        dates.append(when.get("when") if when is not None else "9999")
        abstract = tei.find(".//t:abstract", NS)
        if abstract is not None:
            assert flat(card.find_class("summary")[0]) == " ".join("".join(abstract.itertext()).split())
        links = card.find_class("doc-links")[0].xpath("./a/@href")
        assert links[:2] == [href, f"../{href.removesuffix('.html')}.xml"]
    assert dates == sorted(dates)
    sample = next(c for c in cards if c.find(".//h2/a").get("href") == "sample.html")
    assert sample.find_class("doc-links")[0].xpath("./a/@href")[-1] == "../pdf/sample.pdf"


# ---- persons.html --------------------------------------------------------------


def test_persons_page_links_each_turn_of_each_participant(site: dict) -> None:
    persons = page(site, "persons.html")
    expected: dict[str, list[str]] = {}
    for stem, tei in site["tei"].items():
        for person in tei.iterfind(".//t:listPerson/t:person", NS):
            expected.setdefault(person.get("{http://www.w3.org/XML/1998/namespace}id"), [])
        for n, sp in enumerate(tei.iterfind(".//t:sp", NS), 1):
            anchor = sp.get("{http://www.w3.org/XML/1998/namespace}id") or f"sp-{n}"
            for who in sp.get("who", "").split():
                expected.setdefault(who.lstrip("#"), []).append(f"{stem}.html#{anchor}")
    entries = persons.find_class("person")
    assert sorted(e.get("id") for e in entries) == sorted(f"person-{i}" for i in expected)
    for entry in entries:
        links = entry.xpath(".//ol[@class='turn-links']//a/@href")
        assert sorted(links) == sorted(expected[entry.get("id").removeprefix("person-")]), entry.get("id")
    names = [flat(e.find("h2")) for e in entries]
    assert names == sorted(names, key=lambda name: re.sub(r"\W", "", name.lower()))
    (mao,) = [e for e in entries if e.get("id") == "person-mao-zedong"]
    assert flat(mao.find("h2")) == "Mao Zedong"
    assert "(speaker)" in flat(mao)
    first = mao.xpath(".//ol[@class='turn-links']//a")[0]
    assert first.get("title").startswith("Without making forecasts for a longer time")


def test_document_page_in_a_site_has_the_banner_and_links_persons(site: dict) -> None:
    doc = page(site, "wcda-112080.html")
    (banner,) = doc.xpath("/html/body/header[@class='site-header']")
    assert banner.xpath(".//nav//a/@href") == ["index.html", "persons.html", "search.html"]
    assert banner.xpath(".//form[@role='search']/@action") == ["search.html"]
    assert doc.findtext(".//title").endswith(" · Test Edition")
    links = doc.xpath("//ul[@class='participants']//a/@href")
    assert "persons.html#person-mao-zedong" in links and len(links) == 6
    assert doc.xpath("//script/@src") == ["edition.js"]


# ---- links ------------------------------------------------------------------------


def test_every_link_and_popover_target_resolves(site: dict) -> None:
    ids: dict[str, set[str]] = {}
    pages = sorted(site["html"].glob("*.html"))
    for path in pages:
        ids[path.name] = set(page(site, path.name).xpath("//@id"))
    checked = 0
    for path in pages:
        html = page(site, path.name)
        for target in html.xpath("//@popovertarget"):
            assert target in ids[path.name], (path.name, target)
        for href in html.xpath("//a/@href | //link/@href | //script/@src | //form/@action"):
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            file = (site["html"] / unquote(parts.path)).resolve() if parts.path else path
            assert file.exists(), (path.name, href)
            if parts.fragment:
                assert parts.fragment in ids[file.name], (path.name, href)
            checked += 1
    assert checked > 700


# ---- search index ------------------------------------------------------------------


@pytest.fixture(scope="module")
def search_index(site: dict) -> dict:
    text = (site["html"] / "search-index.js").read_text("utf-8")
    prefix = "window.teiscribeSearchIndex = "
    statement = text[text.index(prefix) + len(prefix):].strip()
    assert statement.endswith(";")
    return json.loads(statement[:-1])


def find(index: dict, word: str) -> list[tuple[str, str]]:
    """(page, anchor) of every entry holding ``word`` (exact term)."""
    for term, entries in index["terms"]:
        if term == word:
            return [(index["docs"][index["entries"][e][0]][0], index["entries"][e][1]) for e in entries]
    return []


def test_search_index_finds_a_word_in_a_turn_and_links_its_anchor(search_index: dict) -> None:
    assert ("wcda-112080.html", "sp-6") in find(search_index, "nakrucheno")
    assert ("sample.html", "sp-2") in find(search_index, "kuznetsov")
    assert ("chinese_pinyin.html", "sp-1") in find(search_index, "beijing")  # sic and correction: two words
    assert ("chinese_pinyin.html", "sp-1") in find(search_index, "peking")
    assert ("sample.html", "note-1") in find(search_index, "ambassador")  # notes are entries too
    terms = [t for t, _ in search_index["terms"]]
    assert terms == sorted(set(terms))
    assert all(t == t.lower() for t in terms)


def test_search_index_has_every_turn_with_its_speaker(site: dict, search_index: dict) -> None:
    docs = [d[0] for d in search_index["docs"]]
    turns = [(docs[e[0]], e[1], e[2]) for e in search_index["entries"] if re.fullmatch(r"sp-\d+", e[1])
             and ", turn " in e[2]]
    assert len(turns) == sum(len(t.findall(".//t:sp", NS)) for t in site["tei"].values())
    assert ("wcda-112080.html", "sp-1", "Mao Zedong, turn 1") in turns


# ---- words, validity ----------------------------------------------------------------


def words(text: str) -> list[str]:
    return WORD.findall(text)


@pytest.mark.parametrize("stem", [p.stem for p in site_sources()])
def test_every_word_of_the_body_is_in_the_page(site: dict, stem: str) -> None:
    """Running text in order in the record; each note in full in the list of notes."""
    tei = site["tei"][stem]
    doc = page(site, f"{stem}.html")
    record = lxml.html.fromstring(lxml.html.tostring(doc.find_class("record")[0]))
    for call in record.find_class("note-call"):
        call.drop_tree()
    running = words("".join(  # a correction is a word of its own after the source's reading
        (" " if t.getparent().tag == f"{{{TEI_NS}}}corr" and t.is_text else "") + t
        for t in tei.xpath("//t:text//text()[not(ancestor::t:note)]", namespaces=NS)))
    shown = iter(words(record.text_content()))
    for i, word in enumerate(running):
        assert any(word == w for w in shown), (stem, i, running[max(0, i - 5): i + 5])
    notes = tei.findall(".//t:text//t:note", NS)
    items = doc.xpath("//ol[@class='notes-list']/li")
    assert len(items) == len(notes)
    for note, item in zip(notes, items):
        # "N. text ↩": the label, then every word of the note in order
        assert words(item.text_content())[1:] == words("".join(note.itertext())), stem


def test_pages_are_valid_html5(site: dict) -> None:
    """The Nu HTML Checker (vnu.jar from npm, run with Java) finds no error in any page."""
    need(shutil.which("java") is not None, "java is not installed (the Nu HTML Checker needs it)")
    need(VNU.exists(), f"{VNU} is missing: run `npm ci` in tests/browser")
    pages = sorted(str(p) for p in site["html"].glob("*.html"))
    run = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", *pages],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    problems = [f"{Path(unquote(m.get('url', ''))).name}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert problems == [] and run.returncode == 0, "\n".join(problems[:20])


def comparable(text: str) -> str:
    """``text`` with brackets, parentheses and bars dropped and white space collapsed."""
    return " ".join(re.sub(r"[\[\]()|]", "", text).split())


@pytest.mark.parametrize("stem", [p.stem for p in site_sources()])
def test_text_and_the_spaces_around_inline_elements_match_the_tei(site: dict, stem: str) -> None:
    """The reading text of the page is the TEI text, space for space: nothing
    glued to or dropped around foreign, supplied, note calls, sic, pb... The
    page adds only brackets and parentheses (dropped on both sides here) and
    its apparatus: turn links, note calls and popovers, editorial marks."""
    tei = etree.parse(str(site["out"] / f"{stem}.xml"))
    for drop in tei.xpath("//t:text//t:note | //t:text//t:choice/t:sic", namespaces=NS):
        drop.getparent().remove(drop) if drop.tail is None else _remove_keeping_tail(drop)
    expected = comparable("".join(tei.find(".//t:text", NS).itertext()))
    record = lxml.html.fromstring(lxml.html.tostring(page(site, f"{stem}.html").find_class("record")[0]))
    for cls in ("note-call", "turn-link", "ed-mark", "generated"):
        for element in record.find_class(cls):
            element.drop_tree()
    for element in record.xpath(".//*[@class='choice']/*[contains(@class, 'dipl-only')]"):
        element.drop_tree()  # the source's reading (dropped from the TEI too)
    assert comparable(record.text_content()) == expected


def _remove_keeping_tail(element) -> None:
    parent, previous = element.getparent(), element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + element.tail
    else:
        parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def test_build_writes_the_site_for_the_seed(tmp_path: Path) -> None:
    """``build()`` renders each document, then the site pages listing them."""
    from teiscribe.build import build
    from teiscribe.config import EditionConfig

    outcomes = build([ROOT / "seeds"], tmp_path, EditionConfig(publisher="Seed Edition"), pdf=False)
    html = tmp_path / "html"
    assert [o.html for o in outcomes] == [html / "wcda-112080.html"]
    assert sorted(p.name for p in html.iterdir()) == [
        "edition.css", "edition.js", "index.html", "persons.html", "search-index.js", "search.html",
        "wcda-112080.html"]
    index = lxml.html.parse(str(html / "index.html")).getroot()
    assert index.xpath("//h2/a/@href") == ["wcda-112080.html"]
    assert index.find_class("site-title")[0].text == "Seed Edition"
    doc = lxml.html.parse(str(html / "wcda-112080.html")).getroot()
    assert doc.xpath("//nav[@class='downloads']/a/@href") == ["../wcda-112080.xml"]  # no PDF asked for
