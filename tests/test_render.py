"""The render stage: HTML files on disk and the WeasyPrint PDF (layout, options, dates)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pypdf
import pytest

from teiscribe.errors import UsageError
from teiscribe.render import write_html, write_pdf
from teiscribe.transform import Stylesheets

MM = 72 / 25.4
"""One millimetre in PDF points (A5 margins: 16 mm top, 17 mm bottom)."""
TITLE = "Conversation between A.B. Ivanov and Li Wei, Moscow [Kremlin]"
SHORT_TITLE = "Conversation between A.B. Ivanov and Li Wei"


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def print_html(request) -> bytes:
    sample = Path(request.config.rootpath) / "tests" / "data" / "sample.xml"
    return Stylesheets().to_print_html(sample)


@pytest.fixture(scope="module")
def pdf(print_html: bytes, tmp_path_factory, request) -> Path:
    sample = Path(request.config.rootpath) / "tests" / "data" / "sample.xml"
    out = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    pages = write_pdf(print_html, out, out.parent, tei=sample)
    assert pages == len(pypdf.PdfReader(out).pages)
    return out


@pytest.fixture(scope="module")
def reader(pdf: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(pdf)


def texts_of(reader: pypdf.PdfReader) -> list[str]:
    return [squash(page.extract_text()) for page in reader.pages]


def test_pdf_has_title_page_then_about_then_record_then_end_matter(reader: pypdf.PdfReader) -> None:
    texts = texts_of(reader)
    assert TITLE in texts[0]
    assert "Jane Q. Translator" in texts[0] and "C.D. Petrov (present)" in texts[0]
    assert "Licence: CC BY 4.0." in texts[0] and "Archive of Example (AE), fond 1" in texts[0]  # title-page foot
    assert "Cite this" not in texts[0] and "We received information" not in texts[0]
    assert texts[1].startswith("About this edition Source")
    assert "Cite this: Jane Q. Translator (trans.)" in texts[1] and "CC BY 4.0" in texts[1]
    assert texts[2].startswith("FIRST TALK Of A.B. IVANOV with LI WEI")
    assert "1 Li Wei. We received information from Yudin" in texts[2]  # the label runs in, numbered
    assert texts[3] == ""  # blank verso: the end matter opens on a recto
    assert texts[4].startswith("PARTICIPANTS") and "INDEX OF PERSONS" in texts[4]


def test_pdf_metadata_from_the_tei_header(reader: pypdf.PdfReader) -> None:
    assert reader.metadata.title == TITLE
    assert reader.metadata.author == "Jane Q. Translator"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.pages[0].mediabox.width == pytest.approx(419.53, abs=0.1)  # A5, points
    assert reader.pages[0].mediabox.height == pytest.approx(595.28, abs=0.1)


def test_footnote_on_the_page_of_its_call(reader: pypdf.PdfReader) -> None:
    texts = texts_of(reader)
    note_pages = [i for i, text in enumerate(texts) if "Pavel Yudin was Soviet ambassador" in text]
    call_pages = [i for i, text in enumerate(texts) if "We received information from Yudin" in text]
    assert note_pages == call_pages == [2]
    record = texts[2]
    # The note sits below the record text (at the foot of the page), before the margin boxes.
    assert record.index("recorded by E. Smirnov") < record.index("Pavel Yudin was Soviet ambassador")


def margin_lines(page) -> list[str]:
    """Text lines in the top margin (running head and folio) of ``page``."""
    top = float(page.mediabox.height)
    return [text for y, size, text in text_lines(page) if y > top - 16 * MM]


def test_running_heads_folios_and_bare_front_matter(reader: pypdf.PdfReader) -> None:
    assert margin_lines(reader.pages[0]) == margin_lines(reader.pages[1]) == []  # front matter
    assert margin_lines(reader.pages[2]) == ["3"]  # the record's opening page: folio, no head
    assert margin_lines(reader.pages[3]) == []  # blank verso
    assert margin_lines(reader.pages[4]) == ["5"]  # the end matter opens a section: folio only


def test_only_the_shipped_book_face_is_embedded(reader: pypdf.PdfReader) -> None:
    seen = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"], font["/BaseFont"]
            seen.add(str(font["/BaseFont"]).split("+", 1)[1])
    assert seen <= {"Noto-Serif", "Noto-Serif-Italic", "Noto-Serif-Bold", "Noto-Serif-Bold-Italic"}, seen


def test_dates_are_now_without_source_date_epoch(print_html: bytes, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = tmp_path / "dated.pdf"
    write_pdf(print_html, out, tmp_path)
    reader = pypdf.PdfReader(out)
    info = reader.metadata
    assert info["/CreationDate"] == info["/ModDate"]
    # Without the TEI the metadata come from the HTML head, and nothing is attached.
    assert (info["/Title"], info["/Author"], info["/Subject"]) == (TITLE, "Jane Q. Translator",
                                                                  "Ivanov and Li discuss things.")
    assert "/AF" not in reader.trailer["/Root"]
    stamped = datetime.strptime(info["/CreationDate"], "D:%Y%m%d%H%M%SZ").replace(tzinfo=timezone.utc)
    assert abs((datetime.now(timezone.utc) - stamped).total_seconds()) < 600


def test_source_date_epoch_gives_dates_and_identical_bytes(print_html: bytes, sample_tei: Path, tmp_path: Path,
                                                            monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = tmp_path / "one.pdf", tmp_path / "two.pdf"
    write_pdf(print_html, first, tmp_path, tei=sample_tei)
    write_pdf(print_html, second, tmp_path, tei=sample_tei)
    assert first.read_bytes() == second.read_bytes()  # font subsets, XMP ids and the attachment too
    info = pypdf.PdfReader(first).metadata
    assert info["/CreationDate"] == info["/ModDate"] == "D:20231114221320Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH"):
        write_pdf(print_html, tmp_path / "never.pdf", tmp_path)
    assert not (tmp_path / "never.pdf").exists()


@pytest.mark.parametrize(("size", "points"), [
    ("A4", (595.3, 841.9)), ("a5", (419.5, 595.3)), ("B5", (498.9, 708.7)),
    ("letter", (612.0, 792.0)), ("trade", (432.0, 648.0)), ("royal", (442.2, 663.3)),
])
def test_page_sizes(print_html: bytes, tmp_path: Path, size: str, points: tuple[float, float]) -> None:
    out = tmp_path / f"{size}.pdf"
    write_pdf(print_html, out, tmp_path, page_size=size, variant="plain")
    page = pypdf.PdfReader(out).pages[2]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(points, abs=0.1)
    assert "We received information from Yudin" in squash(page.extract_text())


def test_stylesheet_page_size_is_kept(sample_tei: Path, tmp_path: Path) -> None:
    out = tmp_path / "a4.pdf"
    write_pdf(Stylesheets().to_print_html(sample_tei, page_size="A4"), out, tmp_path, variant="plain")
    box = pypdf.PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def boxes(page) -> dict[str, tuple[float, ...]]:
    return {name: tuple(round(float(v) / MM, 1) for v in page[name]) for name in ("/MediaBox", "/TrimBox", "/BleedBox")}


def test_bleed_and_crop_marks(print_html: bytes, tmp_path: Path) -> None:
    bled, marked = tmp_path / "bleed.pdf", tmp_path / "marks.pdf"
    write_pdf(print_html, bled, tmp_path, bleed_mm=3)
    write_pdf(print_html, marked, tmp_path, bleed_mm=3, crop_marks=True)
    page = boxes(pypdf.PdfReader(bled).pages[0])
    assert page["/TrimBox"][2] - page["/TrimBox"][0] == pytest.approx(148, abs=0.1)  # A5 trim
    assert page["/MediaBox"] == page["/BleedBox"]
    assert page["/BleedBox"][0] == pytest.approx(page["/TrimBox"][0] - 3, abs=0.1)
    page = boxes(pypdf.PdfReader(marked).pages[0])
    assert page["/TrimBox"][0] - page["/MediaBox"][0] == pytest.approx(9, abs=0.1)  # room for the marks
    assert page["/TrimBox"][0] - page["/BleedBox"][0] == pytest.approx(3, abs=0.1)
    assert page["/MediaBox"][3] - page["/MediaBox"][1] == pytest.approx(210 + 18, abs=0.1)


def test_bad_print_options_are_usage_errors(print_html: bytes, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="page size must be one of A5, A4, B5, letter, trade, royal"):
        write_pdf(print_html, tmp_path / "x.pdf", tmp_path, page_size="A3")
    with pytest.raises(UsageError, match="bleed"):
        write_pdf(print_html, tmp_path / "x.pdf", tmp_path, bleed_mm=-1)
    with pytest.raises(UsageError, match="PDF variant"):
        write_pdf(print_html, tmp_path / "x.pdf", tmp_path, variant="pdf/x-4")
    assert not (tmp_path / "x.pdf").exists()


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
    pages = write_pdf(Stylesheets().to_print_html(tei), out, tmp_path, tei=tei)
    assert pages >= 10
    texts = texts_of(pypdf.PdfReader(out))
    assert sum(t.count("Pavel Yudin was Soviet ambassador") for t in texts) == 16
    for number, text in enumerate(texts, 1):
        assert text.count("noted information from Yudin") == text.count("Pavel Yudin was Soviet ambassador"), number


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
            runs.setdefault(y, []).append((tm[4] * cm[0] + cm[4], text))
            sizes[y] = max(sizes.get(y, 0), round(size * tm[3] * cm[3], 2))

    page.extract_text(visitor_text=visit)
    return [
        (y, sizes[y], squash(" ".join(text for _, text in sorted(runs[y], key=lambda run: run[0]))))
        for y in sorted(runs, reverse=True)
    ]
