"""The seed's print edition as an archival PDF: PDF/A-3b structure, the TEI inside,
XMP from the header, fonts, and the text (every word, every footnote on its call's page).

No PDF/A validator (veraPDF) runs here: these tests check the structure
ISO 19005-3 asks for with pypdf, and claim no more.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pypdf
import pytest
from lxml import etree

from teiscribe import fonts
from teiscribe.render import write_pdf
from teiscribe.transform import Stylesheets

ROOT = Path(__file__).resolve().parents[1]
EDITION = ROOT / "edition" / "wcda-112080.xml"
TEI = {"t": "http://www.tei-c.org/ns/1.0"}
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XMP_NS = {"rdf": RDF, "dc": "http://purl.org/dc/elements/1.1/", "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
          "xmp": "http://ns.adobe.com/xap/1.0/", "pdf": "http://ns.adobe.com/pdf/1.3/",
          "xmpRights": "http://ns.adobe.com/xap/1.0/rights/", "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
          "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/", "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#"}
FACES = {"Noto-Serif": "NotoSerif-Regular.ttf", "Noto-Serif-Italic": "NotoSerif-Italic.ttf",
         "Noto-Serif-Bold": "NotoSerif-Bold.ttf", "Noto-Serif-Bold-Italic": "NotoSerif-BoldItalic.ttf"}


def render(tei: Path, out: Path, **options) -> Path:
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    try:
        pages = write_pdf(Stylesheets().to_print_html(tei), out, tei.parent, tei=tei, **options)
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    assert pages == len(pypdf.PdfReader(out).pages)
    return out


@pytest.fixture(scope="module")
def edition_pdf(tmp_path_factory) -> Path:
    return render(EDITION, tmp_path_factory.mktemp("edition") / "wcda-112080.pdf")


@pytest.fixture(scope="module")
def reader(edition_pdf: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(edition_pdf)


@pytest.fixture(scope="module")
def pages(reader: pypdf.PdfReader) -> list[str]:
    """Per-page text, automatic hyphens (U+2010 at a line end) joined, spaces squashed."""
    return [" ".join(re.sub("\u2010\n", "", page.extract_text()).split()) for page in reader.pages]


def xmp_of(reader: pypdf.PdfReader):
    return etree.fromstring(reader.trailer["/Root"]["/Metadata"].get_object().get_data())


def xmp_values(xmp, name: str) -> list[str]:
    return [node.text for node in xmp.xpath(f"//{name}//rdf:li | //{name}[not(*)]", namespaces=XMP_NS)]


# ---- PDF/A-3b structure ----------------------------------------------------------


def test_page_count_and_pdf_header(edition_pdf: Path, reader: pypdf.PdfReader) -> None:
    assert edition_pdf.read_bytes().startswith(b"%PDF-1.7\n")
    assert 20 <= len(reader.pages) <= 40
    assert not reader.is_encrypted and "/JavaScript" not in str(reader.trailer["/Root"].get("/Names", {}))
    assert len(reader.trailer["/ID"]) == 2


def test_xmp_identifies_pdfa_3b_with_the_header_fields(reader: pypdf.PdfReader) -> None:
    xmp = xmp_of(reader)
    assert xmp_values(xmp, "pdfaid:part") == ["3"] and xmp_values(xmp, "pdfaid:conformance") == ["B"]
    assert xmp_values(xmp, "dc:title") == ["First Conversation between N.S. Khrushchev and Mao Zedong, "
                                           "Hall of Huaizhentan [Beijing]"]
    assert xmp_values(xmp, "dc:creator") == ["Vladislav M. Zubok"]  # the translator
    assert xmp_values(xmp, "dc:date") == ["1958-07-31"]
    assert xmp_values(xmp, "dc:language") == ["en"]
    assert xmp_values(xmp, "dc:source") == ["http://digitalarchive.wilsoncenter.org/document/112080"]
    assert xmp_values(xmp, "dc:rights") == []  # the seed's licence is not set: none is invented
    assert xmp_values(xmp, "xmp:CreateDate") == ["2023-11-14T22:13:20Z"]
    assert xmp_values(xmp, "pdfuaid:part") == []


def test_info_dictionary_equals_its_xmp_counterparts(reader: pypdf.PdfReader) -> None:
    xmp, info = xmp_of(reader), reader.metadata
    assert info["/Title"] == xmp_values(xmp, "dc:title")[0]
    assert info["/Author"] == xmp_values(xmp, "dc:creator")[0]
    assert info["/Subject"] == xmp_values(xmp, "dc:description")[0]
    assert info["/Creator"] == xmp_values(xmp, "xmp:CreatorTool")[0]
    assert info["/Producer"] == xmp_values(xmp, "pdf:Producer")[0]
    assert info["/CreationDate"] == "D:20231114221320Z" and xmp_values(xmp, "xmp:ModifyDate") == ["2023-11-14T22:13:20Z"]
    stream = reader.trailer["/Root"]["/Metadata"].get_object()
    assert "/Filter" not in stream and stream["/Subtype"] == "/XML"


def test_output_intent_is_srgb_for_pdfa(reader: pypdf.PdfReader) -> None:
    (intent,) = reader.trailer["/Root"]["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFA1" and intent["/OutputConditionIdentifier"] == "sRGB IEC61966-2.1"
    assert intent["/DestOutputProfile"].get_object()["/N"] == 3


def test_tei_source_attached_identical_as_associated_file(reader: pypdf.PdfReader) -> None:
    root = reader.trailer["/Root"]
    names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    assert names[0] == "wcda-112080.xml"
    filespec = names[1].get_object()
    assert [ref.get_object() for ref in root["/AF"]] == [filespec]
    assert filespec["/AFRelationship"] == "/Source" and filespec["/UF"] == filespec["/F"] == "wcda-112080.xml"
    stream = filespec["/EF"]["/F"].get_object()
    data = stream.get_data()
    assert data == EDITION.read_bytes()
    assert stream["/Subtype"] == "/application/tei+xml"  # written /application#2Ftei+xml
    params = stream["/Params"]
    assert params["/Size"] == len(data) and params["/ModDate"] == "D:20231114221320Z"
    checksum = params["/CheckSum"]  # pypdf reads a PDF string as text or as bytes, by its content
    raw = checksum.get_original_bytes() if hasattr(checksum, "get_original_bytes") else bytes(checksum)
    assert raw == hashlib.md5(data).digest()


def test_every_font_embedded_and_subset(reader: pypdf.PdfReader) -> None:
    for number, page in enumerate(reader.pages, 1):
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert font["/Subtype"] == "/Type0", number
            descendant = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"], (number, font["/BaseFont"])
            assert re.fullmatch(r"/[A-Z]{6}\+[\w-]+", font["/BaseFont"]), font["/BaseFont"]


def test_annotations_are_printable_links(reader: pypdf.PdfReader) -> None:
    links = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    assert links  # the index of persons links its page numbers to the turns
    assert all(a["/Subtype"] == "/Link" and a["/F"] == 4 for a in links)


def test_outline_has_the_document_and_its_sections(reader: pypdf.PdfReader) -> None:
    outline = reader.outline
    assert outline[0].title.startswith("First Conversation between N.S. Khrushchev")
    assert [item.title for item in outline[1]] == ["About this edition", "FIRST TALK", "Participants",
                                                   "Index of persons"]


# ---- glyphs -----------------------------------------------------------------------


def to_unicode(font) -> dict[int, str]:
    """Code -> text of a font's ToUnicode CMap (bfchar and bfrange entries)."""
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    mapping = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for start, end, text in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            first = int.from_bytes(bytes.fromhex(text), "big")
            mapping.update({c: chr(first + c - int(start, 16)) for c in range(int(start, 16), int(end, 16) + 1)})
    return mapping


def test_no_character_drawn_without_a_glyph(reader: pypdf.PdfReader) -> None:
    from fontTools.ttLib import TTFont

    cmaps = {face: set(TTFont(fonts.xslt_path(f"print/fonts/{file}"), lazy=True).getBestCmap())
             for face, file in FACES.items()}
    checked = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            face = str(font["/BaseFont"]).split("+", 1)[1]
            for code, text in to_unicode(font).items():
                assert code != 0, (face, text)  # glyph 0 is .notdef: an empty box
                assert all(ord(c) in cmaps[face] or c.isspace() for c in text), (face, text)
                checked += 1
    assert checked > 100
    assert fonts.preflight(EDITION) == []


# ---- text --------------------------------------------------------------------------


def alnum(text: str) -> str:
    return re.sub(r"\W+", "", text.replace("\u2010", "")).lower()


def test_every_word_of_the_tei_body_is_in_the_pdf(reader: pypdf.PdfReader) -> None:
    """Hyphenated words are joined, within a page and across a page break; the
    brackets of an expanded abbreviation (``C[entral]``) are drawn by CSS."""
    raw = [page.extract_text().replace("[", "").replace("]", "") for page in reader.pages]
    pdf_words = set()
    for number, text in enumerate(raw):
        pdf_words.update(re.findall(r"\w+", re.sub("\u2010\n", "", text)))
        following = re.findall(r"\w+", raw[number + 1])[:1] if number + 1 < len(raw) else []
        for fragment in re.findall(r"(\w+)\u2010\n", text):  # the last line of a page, continued overleaf
            pdf_words.update(fragment + word for word in following)
    body = etree.parse(str(EDITION)).find(".//t:text", TEI)
    running = "".join(body.xpath(".//text()[not(ancestor::t:note)]", namespaces=TEI))
    notes = " ".join("".join(note.itertext()) for note in body.iterfind(".//t:note", TEI))
    tei_words = set(re.findall(r"\w+", running + " " + notes))
    assert len(tei_words) > 1000
    assert sorted(tei_words - pdf_words) == []


def test_hyphenation_follows_the_language_of_each_passage(reader: pypdf.PdfReader) -> None:
    """English words break at line ends (U+2010 is WeasyPrint's automatic hyphen);
    transliterated Russian (``lang="ru-Latn"``) is never broken by English rules."""
    text = "\n".join(page.extract_text() for page in reader.pages)
    broken = {a + b for a, b in re.findall(r"(\w+)\u2010\n(\w+)", text)}
    foreign = {w for f in etree.parse(str(EDITION)).iterfind(".//t:foreign", TEI)
               for w in re.findall(r"\w+", "".join(f.itertext()))}
    assert len(broken) > 20
    assert not broken & foreign, broken & foreign


def test_typographic_quotes_and_dashes_in_the_record(pages: list[str]) -> None:
    record = " ".join(pages[2:-1])
    assert '"' not in record and "--" not in record and "'" not in record
    assert "Stalin’s death" in record
    assert "I asked: “The issue is clear for you.” He said: “Clear.”" in record
    assert "this—it was" in record
    assert "Stalin's death" in EDITION.read_text("utf-8")  # the TEI keeps the source's characters


def test_every_footnote_on_the_page_of_its_call(pages: list[str]) -> None:
    flat = [alnum(page) for page in pages]
    notes = etree.parse(str(EDITION)).findall(".//t:text//t:note", TEI)
    assert len(notes) >= 4
    for note in notes:
        text = alnum("".join(note.itertext()))
        note_pages = [i for i, page in enumerate(flat) if text in page]
        assert len(note_pages) == 1, (note.get("n"), note_pages)
        before = "".join(note.xpath("preceding-sibling::node()[not(self::t:note)]//text() | "
                                    "preceding-sibling::text()", namespaces=TEI))
        call = alnum(re.findall(r"\w+", before)[-1]) + note.get("n")  # "Yudin" + "1": the word and its call
        assert call in flat[note_pages[0]], (note.get("n"), call, note_pages[0] + 1)


def test_no_speaker_label_alone_at_a_page_foot(reader: pypdf.PdfReader) -> None:
    from test_render import text_lines

    speakers = {" ".join(s.itertext()).strip() for s in etree.parse(str(EDITION)).iterfind(".//t:speaker", TEI)}
    labels = {f"{name}." for name in speakers}
    checked = 0
    for number, page in enumerate(reader.pages[2:], 3):
        body = [text for y, size, text in text_lines(page) if size >= 8.9 and 40 < y < 560]  # no notes, no heads
        if body:
            assert body[-1].split(" ", 1)[-1] not in labels, (number, body[-1])
            checked += 1
    assert checked >= 20


def expand(ranges: str) -> set[int]:
    pages = set()
    for part in ranges.split(", "):
        first, _, last = part.partition("–")
        pages.update(range(int(first), int(last or first) + 1))
    return pages


def test_index_pages_cover_every_turn_and_no_page_without_the_name(pages: list[str]) -> None:
    index = next(page for page in pages if page.startswith("INDEX OF PERSONS") or " INDEX OF PERSONS " in page)
    for entry, name in (("Khrushchev, N.S.", "N.S. Khrushchev"), ("Mao Zedong", "Mao Zedong"),
                        ("Deng Xiaoping", "Deng Xiaoping")):
        listed = expand(re.search(re.escape(entry) + r", ([\d–, ]+\d)", index).group(1))
        turns = {n for n, page in enumerate(pages, 1) if re.search(rf"\d {re.escape(name)}\. ", page)}
        named = {n for n, page in enumerate(pages, 1) if name.split()[-1] in page}
        # a page where the name does not stand is one over which the person's turn runs on
        assert turns and turns <= listed, (entry, sorted(listed), sorted(turns))
        assert all(p in named or p - 1 in listed for p in listed), (entry, sorted(listed), sorted(named))
    khrushchev = expand(re.search(r"Khrushchev, N\.S\., ([\d–, ]+\d)", index).group(1))
    assert 7 in khrushchev  # page 7 is his speech only, his name nowhere on it
    participants = next(page for page in pages if page.startswith("PARTICIPANTS"))
    assert re.search(r"Mao Zedong, speaker[ .]+3\b", participants)
