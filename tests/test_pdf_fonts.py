"""Fonts of the print edition: coverage of the shipped face, the glyph preflight, CJK fallback."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pypdf
import pytest

from teiscribe import fonts
from teiscribe.errors import InputError
from teiscribe.render import write_pdf
from teiscribe.transform import Stylesheets

NO_FONT_HAS_IT = "\U0010fffd"  # a private-use character of plane 16: no font draws it


def assigned(first: int, last: int) -> set[int]:
    return {c for c in range(first, last + 1) if unicodedata.name(chr(c), None)}


@pytest.mark.parametrize(("block", "first", "last"), [
    ("Latin-1 Supplement", 0xA0, 0xFF), ("Latin Extended-A", 0x100, 0x17F), ("Latin Extended-B", 0x180, 0x24F),
    ("IPA Extensions", 0x250, 0x2AF), ("Cyrillic", 0x400, 0x4FF), ("Cyrillic Supplement", 0x500, 0x52F),
    ("Latin Extended Additional", 0x1E00, 0x1EFF), ("General Punctuation", 0x2010, 0x2027),
])
def test_shipped_face_covers_latin_extended_and_cyrillic_in_every_style(block: str, first: int, last: int) -> None:
    missing = assigned(first, last) - fonts.shipped_coverage()
    assert not missing, (block, [f"U+{c:04X}" for c in sorted(missing)])


def test_fonts_ship_with_their_licence() -> None:
    paths = fonts.font_paths()
    assert len(paths) == 4 and all(p.stat().st_size > 100_000 for p in paths)
    licence = (paths[0].parent / "OFL.txt").read_text("utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Google LLC" in licence


def test_text_characters_are_located_outside_markup() -> None:
    source = '<?xml version="1.0"?>\n<!-- é -->\n<a b="ü">x&#x4E2D;<c/>y&amp;\n  z</a>'
    assert list(fonts.text_characters(source)) == [
        (3, 10, "x"), (3, 11, "\u4e2d"), (3, 23, "y"), (3, 24, "&"), (4, 1, " "), (4, 2, " "), (4, 3, "z")]


@pytest.fixture
def odd_tei(sample_tei: Path, tmp_path: Path) -> Path:
    tei = tmp_path / "odd.xml"
    text = sample_tei.read_text("utf-8").replace("crystal-clear", f"crystal{NO_FONT_HAS_IT}clear Ѯѯ Ǆ ẞ ǚ")
    tei.write_text(text, "utf-8")
    return tei


def test_preflight_reports_file_line_and_character(odd_tei: Path) -> None:
    messages = fonts.preflight(odd_tei)
    assert [(m.severity, m.code) for m in messages] == [("error", "FONT001")]
    (message,) = messages
    line = next(n for n, text in enumerate(odd_tei.read_text("utf-8").splitlines(), 1) if NO_FONT_HAS_IT in text)
    assert (message.location.path, message.location.line) == (str(odd_tei), line)
    assert message.location.col == odd_tei.read_text("utf-8").splitlines()[line - 1].index(NO_FONT_HAS_IT) + 1
    assert "U+10FFFD" in message.text and "empty box" in message.text


def test_no_pdf_with_empty_boxes(odd_tei: Path, tmp_path: Path) -> None:
    out = tmp_path / "odd.pdf"
    with pytest.raises(InputError) as caught:
        write_pdf(Stylesheets().to_print_html(odd_tei), out, tmp_path, tei=odd_tei)
    assert caught.value.code == "FONT001" and caught.value.location.path == str(odd_tei)
    assert not out.exists()


def test_preflight_of_the_sample_is_clean(sample_tei: Path) -> None:
    assert fonts.preflight(sample_tei) == []


def cjk_installed() -> bool:
    """Whether a CJK fallback family is installed; skip (fail under CI=true) when not."""
    if any(family in fonts.CJK_FALLBACK for family in fonts.installed_families("\u4e2d")):
        return True
    reason = "no CJK fallback font is installed (Debian fonts-noto-cjk)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def test_cjk_text_falls_back_to_noto_cjk(sample_tei: Path, tmp_path: Path) -> None:
    cjk_installed()
    tei = tmp_path / "cjk.xml"
    tei.write_text(sample_tei.read_text("utf-8").replace("crystal-clear", "crystal-clear (毛泽东)"), "utf-8")
    assert fonts.preflight(tei) == []
    out = tmp_path / "cjk.pdf"
    write_pdf(Stylesheets().to_print_html(tei), out, tmp_path, tei=tei)
    reader = pypdf.PdfReader(out)
    faces = {str(f.get_object()["/BaseFont"]).split("+", 1)[1]
             for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert any("CJK" in face for face in faces), faces
    assert "毛泽东" in "".join(page.extract_text() for page in reader.pages)
