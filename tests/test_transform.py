"""The transform stage: TEI -> HTML reading edition and print HTML."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from teiscribe import TEI_NS
from teiscribe.errors import InputError, SchemaError, UsageError
from teiscribe.transform import Stylesheets

WORD = re.compile(r"\w+")
NS = {"t": TEI_NS}


@pytest.fixture(scope="module")
def sheets() -> Stylesheets:
    return Stylesheets()


@pytest.fixture(scope="module")
def html_bytes(sheets: Stylesheets) -> bytes:
    sample = Path(__file__).parent / "data" / "sample.xml"
    return sheets.to_html(sample, tei_href="sample.xml", pdf_href="sample.pdf", css_href="css/edition.css")


@pytest.fixture(scope="module")
def page(html_bytes: bytes) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html_bytes)


SAMPLE_SOURCE = (
    "Jane Q. Translator (trans.), “Conversation between A.B. Ivanov and Li Wei, Moscow [Kremlin],” "
    "January 2, 1960, Archive of Example (AE), fond 1, opis 2, delo 3, ll. 4-5; "
    "copy: Example Collection, Example Library."
)
"""The source half of the sample's "Cite this" line."""


def variant(sample: Path, tmp_path: Path, *replacements: tuple[str, str], name: str = "variant.xml") -> Path:
    """A copy of ``sample`` with each (old, new) replaced once (old must occur)."""
    text = sample.read_text("utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    out = tmp_path / name
    out.write_text(text, "utf-8")
    return out


def words(text: str) -> list[str]:
    return WORD.findall(text)


def text_of(element) -> str:
    return "".join(element.itertext())


def assert_subsequence(needles: list[str], haystack: list[str]) -> None:
    """Every needle occurs in haystack, in order (gaps allowed)."""
    it = iter(haystack)
    for i, word in enumerate(needles):
        if not any(word == candidate for candidate in it):
            context = " ".join(needles[max(0, i - 5) : i + 5])
            raise AssertionError(f"word {i} {word!r} missing or out of order near: {context!r}")


def reading_words(element) -> list[str]:
    """Words of an HTML element, without the note-call numbers the edition adds.

    A call ("Yudin<sup>1</sup>") would otherwise glue its number to the word
    before it ("Yudin1"); the number is apparatus, not text of the record.
    """
    return words(text_of(without_apparatus(element)))


def without_apparatus(element):
    """A copy of ``element`` without note calls and note popovers (their text
    is the note's, shown elsewhere); tails are kept."""
    copy = lxml.html.fromstring(lxml.html.tostring(element))
    for cls in ("note-call", "note-popovers"):
        for el in copy.find_class(cls):
            el.drop_tree()  # keeps the tail text
    return copy


def record(page):
    """The record (the edited text) of a page: <div class="record">."""
    (article,) = page.find_class("record")
    return article


def flat(element) -> str:
    return " ".join(element.text_content().split())


# ---- page shape -----------------------------------------------------------


def test_page_is_html5_with_landmarks(html_bytes: bytes, page) -> None:
    assert html_bytes.startswith(b"<!DOCTYPE html>")
    assert page.get("lang") == "en"
    assert page.xpath("/html/head/meta/@charset") == ["utf-8"]
    assert page.xpath("//meta[@name='viewport']/@content") == ["width=device-width, initial-scale=1"]
    assert page.findtext(".//title") == "Conversation between A.B. Ivanov and Li Wei, Moscow [Kremlin]"
    assert page.xpath("//link[@rel='stylesheet']/@href") == ["css/edition.css"]
    # Not part of a site: no banner; the document's own header is inside <main>.
    assert [el.tag for el in page.body if el.tag in ("header", "main", "footer")] == ["main", "footer"]
    main = page.find(".//main")
    assert [el.get("class") for el in main] == ["doc-header", "record-tools", "record", "notes", "note-popovers"]
    assert page.xpath("/html/head/script[@type='application/ld+json']")  # schema.org JSON-LD (crosswalk)
    headings = [(el.tag, flat(el)) for el in page.xpath("//h1|//h2|//h3")]
    assert headings == [
        ("h1", "Conversation between A.B. Ivanov and Li Wei, Moscow [Kremlin]"),
        ("h2", "FIRST TALK"),
        ("h2", "Notes"),
    ]


def test_header_metadata_and_downloads(page) -> None:
    (header,) = page.find_class("doc-header")
    meta = {flat(dt): flat(dt.getnext()) for dt in header.iter("dt")}
    assert meta["Date"] == "January 2, 1960"
    assert meta["Translator"] == "Jane Q. Translator"
    assert [flat(li) for li in header.xpath(".//ul[@class='participants']/li")] == [
        "A.B. Ivanov (speaker)", "Li Wei (speaker)", "C.D. Petrov (present)", "E. Smirnov (recorder)"
    ]
    assert "Archive of Example (AE), fond 1, opis 2, delo 3, ll. 4-5" in meta["Source"]
    assert meta["Archival reference"] == (
        "Archive of Example (AE), fond 1, opis 2, delo 3, ll. 4-5; copy: Example Collection, Example Library"
    )
    assert meta["Original language"] == "Russian"
    assert "Summary" not in meta  # shown under the title
    assert flat(header.find_class("doc-summary")[0]) == "Ivanov and Li discuss things."
    assert flat(header.find_class("cite")[0]) == "Cite this: " + SAMPLE_SOURCE + (
        " Example Edition Project, TEI P5 edition sample-1, from the text at http://example.org/document/42."
    )
    assert header.xpath(".//nav[@class='downloads']/a/@href") == ["sample.xml", "sample.pdf"]
    assert "CC BY 4.0" in flat(page.find(".//footer"))


# ---- "Cite this", publisher, participant roles --------------------------------

NO_PUBLISHER = ("<publisher>Example Edition Project</publisher>", "<publisher/>")
EDITION_URI = (
    '<idno type="teiscribe">sample-1</idno>',
    '<idno type="teiscribe">sample-1</idno><idno type="URI">https://edition.example.org/sample-1</idno>',
)
DANGLING = re.compile(r"[.,;:]\s*[.,;:]|\(\s*\)|\s[.,;:]")


def cite_line(sheets: Stylesheets, tei: Path):
    page = lxml.html.document_fromstring(sheets.to_html(tei))
    (cite,) = page.find_class("cite")
    return page, cite, flat(cite)


def test_cite_line_without_publisher_has_no_empty_parts(sample_tei: Path, sheets: Stylesheets, tmp_path: Path) -> None:
    page, _, text = cite_line(sheets, variant(sample_tei, tmp_path, NO_PUBLISHER))
    assert text == "Cite this: " + SAMPLE_SOURCE + (
        " TEI P5 edition sample-1, from the text at http://example.org/document/42."
    )
    assert not DANGLING.search(text), text
    assert "Published by" not in flat(page.find(".//footer"))


def test_cite_line_cites_the_edition_uri(sample_tei: Path, sheets: Stylesheets, tmp_path: Path) -> None:
    _, cite, text = cite_line(sheets, variant(sample_tei, tmp_path, EDITION_URI))
    # The edition's own URL replaces its id and the source URL; the archival source stays.
    assert text == "Cite this: " + SAMPLE_SOURCE + (
        " Example Edition Project, TEI P5 edition, https://edition.example.org/sample-1."
    )
    assert cite.xpath(".//a/@href") == ["https://edition.example.org/sample-1"]
    _, _, text = cite_line(sheets, variant(sample_tei, tmp_path, EDITION_URI, NO_PUBLISHER))
    assert text.endswith("Example Library. TEI P5 edition, https://edition.example.org/sample-1.")
    assert not DANGLING.search(text), text


def test_cite_line_with_a_bare_header(sample_tei: Path, sheets: Stylesheets, tmp_path: Path) -> None:
    """No translator, date, archival reference, publisher or source URL: no stray punctuation."""
    source = sample_tei.read_text("utf-8")
    bare = variant(
        sample_tei, tmp_path, NO_PUBLISHER,
        (source[source.index('<respStmt xml:id="translator">'):source.index('<respStmt xml:id="teiscribe">')], ""),
        (source[source.index("<msDesc>"):source.index("</msDesc>") + 9], ""),
        (source[source.index("<creation>"):source.index("</creation>") + 11], ""),
        (source[source.index("<bibl>"):source.index("</bibl>") + 7], "<bibl>Example Archive.</bibl>"),
    )
    _, _, text = cite_line(sheets, bare)
    assert text == "Cite this: “Conversation between A.B. Ivanov and Li Wei, Moscow [Kremlin].” TEI P5 edition sample-1."


def test_cite_line_of_the_real_edition(sheets: Stylesheets) -> None:
    tei = Path(__file__).resolve().parents[1] / "edition" / "wcda-112080.xml"
    _, _, text = cite_line(sheets, tei)
    assert text == (
        "Cite this: Vladislav M. Zubok (trans.), “First Conversation between N.S. Khrushchev and Mao Zedong, "
        "Hall of Huaizhentan [Beijing],” July 31, 1958, Archive of the President of the Russian Federation "
        "(APRF), fond 52, opis 1, delo 498, ll. 44-477; copy: Dmitry Volkogonov Collection, Manuscript "
        "Division, Library of Congress. TEI P5 edition wcda-112080, from the text at "
        "http://digitalarchive.wilsoncenter.org/document/112080."
    )
    assert not DANGLING.search(text), text


def test_participant_roles_are_readable(sample_tei: Path, sheets: Stylesheets, tmp_path: Path) -> None:
    tei = variant(
        sample_tei, tmp_path,
        ('xml:id="petrov" role="participant"', 'xml:id="petrov" role="speaker participant"'),
        ('xml:id="smirnov" role="recorder"', 'xml:id="smirnov" role="noteTaker recorder interpreter"'),
        ('xml:id="li-wei" role="speaker"', 'xml:id="li-wei"'),
    )
    page = lxml.html.document_fromstring(sheets.to_html(tei))
    assert [flat(li) for li in page.xpath("//ul[@class='participants']/li")] == [
        "A.B. Ivanov (speaker)", "Li Wei", "C.D. Petrov (speaker, present)", "E. Smirnov (recorder, interpreter)"
    ]


# ---- running head (short title) ------------------------------------------------


def short_title(sheets: Stylesheets, tei: Path) -> str:
    printed = lxml.html.document_fromstring(sheets.to_print_html(tei))
    return printed.find_class("title-page")[0].find("h1").get("data-short-title")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # up to 60 characters: the whole title
        ("Conversation between Ivanov and Li, Moscow", "Conversation between Ivanov and Li, Moscow"),
        # longer: before the first comma
        ("Conversation between A.B. Ivanov and Li Wei, Moscow [Kremlin]", "Conversation between A.B. Ivanov and Li Wei"),
        ("First Conversation between N.S. Khrushchev and Mao Zedong, Hall of Huaizhentan [Beijing]",
         "First Conversation between N.S. Khrushchev and Mao Zedong"),
        # still longer: before " between "
        ("Record of Conversation between Comrade N.S. Khrushchev and Comrade Mao Zedong in Beijing, 1958",
         "Record of Conversation"),
        # no comma or "between": cut after a whole word, with an ellipsis
        ("Minutes of the Meeting of the Presidium of the Central Committee of the Communist Party",
         "Minutes of the Meeting of the Presidium of the Central…"),
    ],
)
def test_running_head_is_a_short_title(title, expected, sample_tei: Path, sheets: Stylesheets, tmp_path: Path) -> None:
    old = "Conversation between A.B. Ivanov and Li Wei, Moscow [Kremlin]</title>"
    tei = variant(sample_tei, tmp_path, (f'<title type="main">{old}', f'<title type="main">{title}</title>'))
    assert short_title(sheets, tei) == expected
    assert len(expected) <= 61


def test_short_title_element_wins(sample_tei: Path, sheets: Stylesheets, tmp_path: Path) -> None:
    tei = variant(sample_tei, tmp_path, ('<respStmt xml:id="translator">', '<title type="short">Ivanov–Li</title><respStmt xml:id="translator">'))
    assert short_title(sheets, tei) == "Ivanov–Li"


# ---- no text lost -----------------------------------------------------------


def tei_body(path: Path):
    return etree.parse(str(path)).find(".//t:text/t:body", NS)


def test_every_body_word_in_order_with_notes_as_endnotes(sample_tei: Path, page) -> None:
    body = tei_body(sample_tei)
    # Running text: every text node of the body outside notes (they move to the end).
    running = [str(node) for node in body.xpath(".//text()[not(ancestor::t:note)]", namespaces=NS)]
    assert_subsequence(words("".join(running)), reading_words(record(page)))
    # Each note, in full and in order, in its own list item.
    for note in body.iter(f"{{{TEI_NS}}}note"):
        item = page.get_element_by_id(f"note-{note.get('n')}")
        assert_subsequence(words(text_of(note)), words(text_of(item)))
        popover = page.get_element_by_id(f"pop-{note.get('n')}")
        assert_subsequence(words(text_of(note)), words(text_of(popover)))


def test_every_body_word_in_order_in_print_html(sample_tei: Path, sheets: Stylesheets) -> None:
    """Footnotes stay in place in print: the whole body, excluding nothing."""
    printed = lxml.html.document_fromstring(sheets.to_print_html(sample_tei))
    tei_words = words(text_of(tei_body(sample_tei)))
    assert len(tei_words) > 90
    assert_subsequence(tei_words, words(text_of(printed.find(".//main"))))


def test_word_split_by_page_break_stays_whole(sample_tei: Path, sheets: Stylesheets, tmp_path: Path) -> None:
    tei = tmp_path / "split.xml"
    tei.write_text(sample_tei.read_text("utf-8").replace("<p>Our course", '<p>Our <pb n="7"/>cour<pb n="8"/>se'), "utf-8")
    page = lxml.html.document_fromstring(sheets.to_html(tei))
    assert "Our |course is crystal-clear." in flat(record(page))
    between, inside = record(page).xpath(".//span[contains(@class, 'pb')]")[1:]
    assert (between.get("class"), between.text, between.get("data-n")) == ("pb ed-mark", "|", "7")
    assert (inside.get("class"), inside.text, inside.get("data-n")) == ("pb pb-in-word ed-mark", None, "8")
    assert inside.get("title") == "page break in the source (page 8)"
    running = "".join(tei_body(tei).xpath(".//text()[not(ancestor::t:note)]", namespaces=NS))
    assert "course" in words(running)
    assert_subsequence(words(running), reading_words(record(page)))


# ---- phrase level ----------------------------------------------------------


def test_foreign_word_carries_its_language(page) -> None:
    (foreign,) = page.xpath("//*[text() = 'nakrucheno']")
    assert foreign.tag == "i"
    assert foreign.get("lang") == "ru-Latn"
    assert foreign.get("title") == "Russian (Latin script)"


def test_spaces_kept_around_inline_elements(page) -> None:
    text = flat(without_apparatus(record(page)))
    for expected in (
        "that was exaggerated [nakrucheno].",
        "from Yudin that was",
        "in the Kremlin [in Moscow]",
        "We sent Admiral [Nikolai] Kuznetsov away, said comrades Wan Xia Sang [sic]. (Jokingly.) Where is the Navy[?] This",
        "events in Hungary, [6] and he also created |four joint companies.",
        "greetings from the Central Committee of the CPSU.",
        "Present at the meeting: Cdes. C.D. Petrov.",
        "recorded by E. Smirnov.",
    ):
        assert expected in text
    # The call sits between the word and the space after it; the popover text stays out of the line.
    assert flat(record(page)).count("from Yudin1 that was") == 1


def test_editorial_classes_and_titles(page) -> None:
    supplied = page.find_class("supplied")
    assert [flat(s) for s in supplied if s.get("title") == "editorial insertion"] == ["[in Moscow]", "[Nikolai]", "[?]"]
    assert [flat(e) for e in record(page).find_class("ex")] == ["entral", "ommittee of the"]
    (orphan,) = record(page).find_class("orphan-note-call")
    assert flat(orphan) == "[6]" and "no note" in orphan.get("title")
    (pb,) = record(page).xpath(".//span[@class='pb ed-mark']")
    assert (pb.text, pb.get("title")) == ("|", "page break in the source")
    assert page.xpath("//li[@id='note-1']/em/text()") == ["A Book"]


# ---- turns, stages, notes ----------------------------------------------------


def test_turns_have_stable_anchors_and_speaker_classes(page) -> None:
    turns = page.xpath("//main//div[contains(concat(' ', @class, ' '), ' sp ')]")
    assert [t.get("id") for t in turns] == ["sp-1", "sp-2"]
    assert turns[0].get("class").split() == ["sp", "speaker-li-wei", "voice-2"]
    assert turns[1].get("class").split() == ["sp", "speaker-ivanov", "voice-1"]
    for n, turn in enumerate(turns, 1):
        (link,) = turn.find_class("turn-link")
        assert link.get("href") == f"#{turn.get('id')}" and flat(link) == f"¶{n}"
        assert link.get("aria-label") == f"Link to turn {n}"
    assert flat(turns[1].find_class("speaker")[0]) == "A.B. Ivanov (irritated) ¶2"


def test_stage_directions(page) -> None:
    novelistic = record(page).xpath(".//p[contains(@class, 'stage-novelistic')]")
    assert [flat(p) for p in novelistic] == [
        "A.B. Ivanov passes on greetings from the Central Committee of the CPSU.",
        "He suggests to move on.",
    ]
    delivery = record(page).xpath(".//span[contains(@class, 'stage-delivery')]")
    assert [flat(s) for s in delivery] == ["(irritated)", "(Jokingly.)"]


def test_note_calls_and_back_links_round_trip(page) -> None:
    calls = page.find_class("note-call")
    assert len(calls) == 1
    for call in calls:
        # The call opens the note in place (popover, no script) ...
        assert (call.tag, call.get("type"), call.get("aria-label")) == ("button", "button", "Note 1")
        popover = page.get_element_by_id(call.get("popovertarget"))
        assert popover.get("popover") == "" and popover.get("role") == "note"
        assert " ".join(" ".join(popover.itertext()).split()) == (
            "Note 1 × Pavel Yudin was Soviet ambassador. See A Book . Note 1 in the list of notes")
        (close,) = popover.xpath(".//button[@popovertargetaction='hide']")
        assert close.get("popovertarget") == popover.get("id")
        # ... which links to the list of notes, whose entry links back to the call.
        (to_list,) = popover.xpath(".//a")
        target = page.get_element_by_id(to_list.get("href").lstrip("#"))
        assert target.tag == "li" and target.getparent().getparent().get("class") == "notes"
        (back,) = target.find_class("back-link")
        assert back.text == "↩"
        assert page.get_element_by_id(back.get("href").lstrip("#")) is call
        assert flat(call) == "1" and call[0].tag == "sup"


# ---- print variant ------------------------------------------------------------


def test_print_html_has_title_page_and_in_place_footnotes(sample_tei: Path, sheets: Stylesheets) -> None:
    printed = lxml.html.document_fromstring(sheets.to_print_html(sample_tei, page_size="a4"))
    title_page = printed.find_class("title-page")[0]
    assert title_page.find("h1").get("data-short-title") == "Conversation between A.B. Ivanov and Li Wei"
    assert [flat(dt) for dt in title_page.iter("dt")] == ["Date", "Participants", "Translator"]
    (about,) = printed.find_class("about")
    assert about.getprevious() is title_page and about.getnext().tag == "main"
    assert flat(about.find("h2")) == "About this edition"
    assert [flat(dt) for dt in about.iter("dt")] == ["Source", "Archival reference", "Original language", "Summary"]
    assert flat(about.find_class("cite")[0]).startswith("Cite this: " + SAMPLE_SOURCE)
    assert "Licence: CC BY 4.0." in flat(about)
    assert "Published by Example Edition Project." in flat(about)
    (note,) = printed.find_class("footnote")
    assert note.get("data-n") == "1"
    assert (  # the paragraph may open with a run-in speaker label
        "We received information from YudinPavel Yudin was Soviet ambassador. See A Book. that was exaggerated"
        in flat(note.getparent())
    )
    assert not printed.find_class("notes") and not printed.find_class("turn-link")
    assert "size: A4" in printed.findtext(".//style")
    hrefs = printed.xpath("//link[@rel='stylesheet']/@href")
    assert len(hrefs) == 1 and hrefs[0].startswith("file:") and hrefs[0].endswith("/xslt/print/print.css")


def test_print_front_matter_omits_empty_fields(sample_tei: Path, sheets: Stylesheets, tmp_path: Path) -> None:
    tei = variant(sample_tei, tmp_path, NO_PUBLISHER)
    about = lxml.html.document_fromstring(sheets.to_print_html(tei)).find_class("about")[0]
    assert not about.find_class("publisher")
    assert [flat(p) for p in about.find_class("licence")] == ["Licence: CC BY 4.0."]


def test_print_closer_keeps_with_the_last_turn(sample_tei: Path, sheets: Stylesheets, tmp_path: Path) -> None:
    tei = variant(sample_tei, tmp_path, ("<closer>", '<stage type="novelistic">The meeting ends.</stage><closer>'))
    printed = lxml.html.document_fromstring(sheets.to_print_html(tei))
    (closer,) = printed.find_class("closer")
    assert closer.get("class").split() == ["closer", "keep-with-previous"]
    stage = closer.getprevious()
    assert flat(stage) == "The meeting ends."
    assert stage.get("class").split() == ["stage", "stage-novelistic", "keep-with-previous"]
    assert "sp" in stage.getprevious().get("class").split()
    # Elsewhere stage directions may start a page.
    assert [p for p in printed.find_class("stage-novelistic") if "keep-with-previous" in p.get("class")] == [stage]


def test_unknown_page_size_is_a_usage_error(sample_tei: Path, sheets: Stylesheets) -> None:
    with pytest.raises(UsageError, match="page size"):
        sheets.to_print_html(sample_tei, page_size="Letter")


# ---- compilation and errors ------------------------------------------------------


def test_each_stylesheet_compiled_once_for_two_documents(sample_tei: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.xml"
    other.write_text(sample_tei.read_text("utf-8").replace("crystal-clear", "perfectly clear"), "utf-8")
    sheets = Stylesheets()
    assert sum(sheets.compilations.values()) == 0  # lazy
    outputs = [sheets.to_html(doc) for doc in (sample_tei, other)]
    printed = [sheets.to_print_html(doc) for doc in (sample_tei, other)]
    assert dict(sheets.compilations) == {"html/html.xsl": 1, "print/print.xsl": 1}
    assert b"crystal-clear" in outputs[0] and b"perfectly clear" in outputs[1]
    assert b"perfectly clear" in printed[1]


def test_stylesheet_error_is_located(monkeypatch, sample_tei: Path, tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1] / "xslt"
    shutil.copytree(root, tmp_path / "xslt")
    module = tmp_path / "xslt" / "html" / "phrases.xsl"
    lines = module.read_text("utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if 'match="title"' in line)
    lines[index + 1] = '    <cite><xsl:value-of select="concat(("/></cite>'
    module.write_text("\n".join(lines), "utf-8")
    monkeypatch.setattr("teiscribe.transform.xslt_path", lambda rel: tmp_path / "xslt" / rel)
    with pytest.raises(SchemaError) as caught:
        Stylesheets().to_html(sample_tei)
    assert caught.value.location.path == str(module)
    assert caught.value.location.line == index + 2
    assert "XPST0003" in caught.value.message
    assert caught.value.exit_code == 4


def test_malformed_tei_is_an_input_error(tmp_path: Path, sheets: Stylesheets) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>", "utf-8")
    with pytest.raises(InputError) as caught:
        sheets.to_html(bad)
    assert caught.value.location.path == str(bad)
