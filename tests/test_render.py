"""The render stage: HTML files on disk and the WeasyPrint PDF."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from teiscribe.errors import UsageError
from teiscribe.render import write_html, write_pdf
from teiscribe.transform import Stylesheets

MM = 72 / 25.4
"""One millimetre in PDF points (the page margins are 17 mm top, 18 mm bottom)."""
TITLE = "Conversation between A.B. Ivanov and Li Wei, Moscow [Kremlin]"
SHORT_TITLE = "Conversation between A.B. Ivanov and Li Wei"
EDITION = Path(__file__).resolve().parents[1] / "edition" / "wcda-112080.xml"
EDITION_SHORT_TITLE = "First Conversation between N.S. Khrushchev and Mao Zedong"


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def print_html(request) -> bytes:
    sample = Path(request.config.rootpath) / "tests" / "data" / "sample.xml"
    return Stylesheets().to_print_html(sample)


@pytest.fixture(scope="module")
def pdf(print_html: bytes, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    pages = write_pdf(print_html, out, out.parent)
    assert pages == len(pypdf.PdfReader(out).pages)
    return out


@pytest.fixture(scope="module")
def reader(pdf: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(pdf)


def test_pdf_has_title_page_then_about_then_record(reader: pypdf.PdfReader) -> None:
    assert len(reader.pages) >= 3
    texts = [squash(page.extract_text()) for page in reader.pages]
    assert TITLE in texts[0]
    assert "Jane Q. Translator" in texts[0] and "C.D. Petrov (present)" in texts[0]
    assert "Cite this" not in texts[0] and "We received information" not in texts[0]
    assert texts[1].startswith("About this edition Source")
    assert "Cite this: Jane Q. Translator (trans.)" in texts[1] and "CC BY 4.0" in texts[1]
    assert "FIRST TALK" not in texts[1]
    assert texts[2].startswith("1 2 FIRST TALK")  # the turn numbers float right, drawn first


def test_pdf_metadata_from_html(reader: pypdf.PdfReader) -> None:
    assert reader.metadata.title == TITLE
    assert reader.metadata.author == "Jane Q. Translator"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.pages[0].mediabox.width == pytest.approx(419.53, abs=0.1)  # A5, points
    assert reader.pages[0].mediabox.height == pytest.approx(595.28, abs=0.1)


def test_footnote_on_the_page_of_its_call(reader: pypdf.PdfReader) -> None:
    texts = [squash(page.extract_text()) for page in reader.pages]
    note_pages = [i for i, text in enumerate(texts) if "Pavel Yudin was Soviet ambassador" in text]
    call_pages = [i for i, text in enumerate(texts) if "We received information from Yudin" in text]
    assert note_pages == call_pages == [2]
    record = texts[2]
    # The note sits below the record text (at the foot of the page).
    assert record.index("recorded by E. Smirnov") < record.index("Pavel Yudin was Soviet ambassador")


def test_running_head_and_page_number_on_record_pages_only(reader: pypdf.PdfReader) -> None:
    # Margin boxes are drawn after the page body: running head (string-set), then folio.
    assert reader.pages[2].extract_text().endswith(f"\n{SHORT_TITLE}\n3")
    for front in reader.pages[:2]:  # title page and "About this edition": nothing in the margins
        height = float(front.mediabox.height)
        assert [line for line in text_lines(front) if not 18 * MM < line[0] < height - 17 * MM] == []


def test_all_fonts_embedded(reader: pypdf.PdfReader) -> None:
    seen = []
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descriptor_owner = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descriptor_owner["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
            seen.append(str(font["/BaseFont"]))
    assert any("DejaVu-Serif" in name for name in seen)


def test_no_dates_without_source_date_epoch(print_html: bytes, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = tmp_path / "undated.pdf"
    write_pdf(print_html, out, tmp_path)
    info = pypdf.PdfReader(out).metadata
    assert "/CreationDate" not in info and "/ModDate" not in info


def test_source_date_epoch_gives_dates_and_identical_bytes(print_html: bytes, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = tmp_path / "one.pdf", tmp_path / "two.pdf"
    write_pdf(print_html, first, tmp_path)
    write_pdf(print_html, second, tmp_path)
    assert first.read_bytes() == second.read_bytes()  # font subsets are stamped with it too
    info = pypdf.PdfReader(first).metadata
    assert info["/CreationDate"] == info["/ModDate"] == "D:20231114221320Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH"):
        write_pdf(print_html, tmp_path / "never.pdf", tmp_path)
    assert not (tmp_path / "never.pdf").exists()


def test_a4_page_size(sample_tei: Path, tmp_path: Path) -> None:
    out = tmp_path / "a4.pdf"
    write_pdf(Stylesheets().to_print_html(sample_tei, page_size="A4"), out, tmp_path)
    box = pypdf.PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_write_html_puts_css_beside_the_page(sample_tei: Path, tmp_path: Path) -> None:
    html = Stylesheets().to_html(sample_tei, pdf_href="sample.pdf")
    out = tmp_path / "site" / "sample.html"
    css = write_html(html, out)
    assert out.read_bytes() == html
    assert css == out.parent / "edition.css"
    assert b".sp:target" in css.read_bytes()
    assert sorted(p.name for p in out.parent.iterdir()) == ["edition.css", "sample.html"]


def test_footnotes_stay_with_their_calls_over_many_pages(sample_tei: Path, tmp_path: Path) -> None:
    """Regression guard: with margins on @footnote WeasyPrint 70 pushes notes a page on."""
    source = sample_tei.read_text("utf-8")
    start, end = source.index('<sp who="#li-wei">'), source.index("<closer>")
    turns = source[start:end]
    filler = "Long speech text continues here about the international situation. "
    blocks = []
    for i in range(48):
        block = turns.replace('n="1"', f'n="{i + 1}"').replace("crystal-clear.", "crystal-clear. " + filler * (i % 7))
        if i % 3:
            block = block[: block.index("<note")] + block[block.index("</note>") + 7 :]
        else:
            block = block.replace("information from Yudin", "noted information from Yudin")
        blocks.append(block)
    tei = tmp_path / "long.xml"
    tei.write_text(source[:start] + "".join(blocks) + source[end:], "utf-8")
    out = tmp_path / "long.pdf"
    pages = write_pdf(Stylesheets().to_print_html(tei), out, tmp_path)
    assert pages >= 10
    texts = [squash(page.extract_text()) for page in pypdf.PdfReader(out).pages]
    assert sum(t.count("Pavel Yudin was Soviet ambassador") for t in texts) == 16
    for number, text in enumerate(texts, 1):
        assert text.count("noted information from Yudin") == text.count("Pavel Yudin was Soviet ambassador"), number


# ---- the real edition on A5 -----------------------------------------------------


def text_lines(page) -> list[tuple[float, float, str]]:
    """(baseline y in pt, font size in pt, text) of each line on ``page``, top first.

    Fragments drawn on the same baseline (a small-caps name is several runs)
    are joined; margin boxes and footnotes are lines like any other.
    """
    runs: dict[float, list[tuple[float, str]]] = {}
    sizes: dict[float, float] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            y = round(tm[5] * cm[3] + cm[5], 1)
            runs.setdefault(y, []).append((tm[4], text))
            sizes[y] = max(sizes.get(y, 0), round(size * tm[3] * cm[3], 2))

    page.extract_text(visitor_text=visit)
    # A run's x is where its text object starts; runs of one object keep their drawing order.
    return [
        (y, sizes[y], squash("".join(text for _, text in sorted(runs[y], key=lambda run: run[0]))))
        for y in sorted(runs, reverse=True)
    ]


@pytest.fixture(scope="module")
def edition_pages(tmp_path_factory) -> list:
    out = tmp_path_factory.mktemp("edition") / "wcda-112080.pdf"
    pages = write_pdf(Stylesheets().to_print_html(EDITION), out, out.parent)
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == pages
    return list(reader.pages)


def test_edition_title_page_fits_one_page(edition_pages: list) -> None:
    texts = [squash(page.extract_text()) for page in edition_pages]
    title, about = texts[0], texts[1]
    assert title.startswith("First Conversation between N.S. Khrushchev and Mao Zedong, Hall of Huaizhentan [Beijing]")
    assert title.endswith("TRANSLATOR Vladislav M. Zubok")  # no folio, no running head
    assert "Deng Xiaoping (speaker, present)" in title and "A. Filev (recorder)" in title
    assert "participant)" not in title
    # "About this edition" overleaf holds the source, the whole citation and the licence ...
    assert about.startswith("About this edition Source “First Conversation")
    cite = (
        "Cite this: Vladislav M. Zubok (trans.), “First Conversation between N.S. Khrushchev and Mao Zedong, "
        "Hall of Huaizhentan [Beijing],” July 31, 1958, Archive of the President of the Russian Federation (APRF), "
        "fond 52, opis 1, delo 498, ll. 44-477; copy: Dmitry Volkogonov Collection, Manuscript Division, Library "
        "of Congress. TEI P5 edition wcda-112080, from the text at http://digitalarchive.wilsoncenter.org/document/112080."
    )
    assert cite in about
    assert "The licence of this edition is not set" in about
    assert ". ," not in about and "Library of Congress. ," not in about
    # ... and nothing of the front matter runs on to the record's first page.
    assert texts[2].split("FIRST TALK")[0].replace(" ", "").isdigit()
    for text in texts[2:]:
        assert "Cite this" not in text and "licence" not in text and "Archival reference" not in text


def test_edition_running_head_is_one_short_line(edition_pages: list) -> None:
    for number, page in enumerate(edition_pages[2:], 3):
        top = float(page.mediabox.height)
        head = [text for y, size, text in text_lines(page) if y > top - 17 * MM]  # in the top margin
        assert head == [EDITION_SHORT_TITLE], number


def test_edition_closer_shares_the_last_page_with_the_last_turn(edition_pages: list) -> None:
    last = squash(edition_pages[-1].extract_text())
    assert "Yes, we met with him in Bulgaria and in the GDR." in last
    assert "This was the end of the meeting." in last
    assert "The conversation was recorded by N. Fedorenko and A. Filev." in last
    assert last.index("Bulgaria") < last.index("end of the meeting") < last.index("recorded by")


def test_edition_no_speaker_label_ends_a_page(edition_pages: list) -> None:
    speakers = {"mao zedong", "n.s. khrushchev", "deng xiaoping", "b.n. ponomarev"}
    checked = 0
    for number, page in enumerate(edition_pages[2:], 3):
        top = float(page.mediabox.height)
        body = [(y, size, text) for y, size, text in text_lines(page)
                if 18 * MM < y < top - 17 * MM  # inside the page margins
                and size >= 8.5]  # record text (9pt) and speaker labels (8.5pt); notes are 7pt
        assert body, number
        assert body[-1][2].lower() not in speakers, (number, body[-1])
        checked += 1
    assert checked >= 30


def test_edition_footnotes_on_the_page_of_their_calls(edition_pages: list) -> None:
    texts = [squash(page.extract_text()) for page in edition_pages]
    pairs = {"from Yudin": "Pavel Yudin was Soviet ambassador", "conversations with you": "For Chinese records",
             "Vostoke": "Reference to the Lebanon Crisis", "ambassador is absent": "This was stipulated"}
    for call, note in pairs.items():
        note_pages = {i for i, text in enumerate(texts) if note in text}
        assert note_pages and note_pages <= {i for i, text in enumerate(texts) if call in text}, (call, note)
