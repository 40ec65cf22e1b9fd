"""The render stage: HTML files on disk and the WeasyPrint PDF."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from teiscribe.errors import UsageError
from teiscribe.render import write_html, write_pdf
from teiscribe.transform import Stylesheets

TITLE = "Conversation between A.B. Ivanov and Li Wei, Moscow [Kremlin]"


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


def test_pdf_has_title_page_then_record(reader: pypdf.PdfReader) -> None:
    assert len(reader.pages) >= 2
    texts = [squash(page.extract_text()) for page in reader.pages]
    assert TITLE in texts[0]
    assert "Jane Q. Translator" in texts[0] and "CC BY 4.0" in texts[0]
    assert "We received information" not in texts[0]
    assert "FIRST TALK" in texts[1]


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
    assert note_pages == call_pages == [1]
    record = texts[1]
    # The note sits below the record text (at the foot of the page).
    assert record.index("recorded by E. Smirnov") < record.index("Pavel Yudin was Soviet ambassador")


def test_running_head_and_page_number_on_record_pages_only(reader: pypdf.PdfReader) -> None:
    # Margin boxes are drawn after the page body: running head (string-set), then folio.
    assert squash(reader.pages[1].extract_text()).endswith(f"{TITLE} 2")
    assert not squash(reader.pages[0].extract_text()).endswith("1")


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
