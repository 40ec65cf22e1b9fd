"""Visual regression of the print edition: pages rendered with poppler's ``pdftoppm``
(Debian ``poppler-utils``) at 40 dpi in grey, compared with the approved images
in ``tests/data/pdf/`` within a tolerance.

A page fails when more than :data:`TOLERANCE` of its pixels differ by more
than :data:`LEVELS` grey levels (anti-aliasing noise passes; a line moved,
a lost footnote or a changed font does not). After an intended layout
change, look at the new pages and approve them with::

    .venv/bin/python -m pytest tests/test_pdf_visual.py --regen

Without ``pdftoppm`` the tests skip, saying so; under ``CI=true`` they fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from test_pdf_edition import EDITION, render

APPROVED = Path(__file__).resolve().parent / "data" / "pdf"
DPI = 40
LEVELS = 32
TOLERANCE = 0.001
SAMPLE_PAGES = (1, 3, 5)
"""Sample: title page, the record (footnote, labels), the end matter."""
EDITION_PAGES = (1, 2, 3, 4, 28, 29)
"""Seed: title page, "About this edition", the record's opening, a verso with a
footnote and running head, the record's last page (closer), the end matter."""


def pdftoppm() -> str:
    tool = shutil.which("pdftoppm")
    if not tool:
        reason = "pdftoppm is not installed (Debian poppler-utils): no visual regression check"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return tool


def page_image(pdf: Path, page: int, out: Path) -> Path:
    """PNG (grey, :data:`DPI`) of ``page`` (1-based) of ``pdf``, written to ``out``."""
    stem = out.with_suffix("")
    subprocess.run([pdftoppm(), "-r", str(DPI), "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                    str(pdf), str(stem)], check=True, capture_output=True, timeout=120)
    return stem.with_suffix(".png")


def difference(new: Path, approved: Path) -> float:
    """Share (0..1) of pixels differing by more than :data:`LEVELS`; 1.0 when the sizes differ."""
    from PIL import Image, ImageChops

    with Image.open(new) as a, Image.open(approved) as b:
        if a.size != b.size:
            return 1.0
        histogram = ImageChops.difference(a.convert("L"), b.convert("L")).histogram()
    return sum(histogram[LEVELS + 1:]) / (a.size[0] * a.size[1])


def check(pdf: Path, name: str, pages: tuple[int, ...], tmp_path: Path, regen: bool) -> None:
    failures = []
    for page in pages:
        new = page_image(pdf, page, tmp_path / f"{name}-p{page:02d}.png")
        approved = APPROVED / new.name
        if regen:
            APPROVED.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(new, approved)
            continue
        assert approved.is_file(), f"no approved image {approved}: run pytest {__file__} --regen and look at it"
        share = difference(new, approved)
        if share > TOLERANCE:
            keep = Path(os.environ.get("TEISCRIBE_ARTEFACTS", tmp_path))
            if keep.resolve() != new.parent.resolve():
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(new, keep / new.name)
            failures.append(f"{name} page {page}: {share:.2%} of pixels differ (new image: {keep / new.name})")
    assert not failures, "\n".join(failures)


def test_sample_pages_look_as_approved(sample_tei: Path, tmp_path: Path, request) -> None:
    pdftoppm()
    pdf = render(sample_tei, tmp_path / "sample.pdf")
    check(pdf, "sample", SAMPLE_PAGES, tmp_path, request.config.getoption("--regen"))


def test_edition_pages_look_as_approved(tmp_path: Path, request) -> None:
    import pypdf

    pdftoppm()
    pdf = render(EDITION, tmp_path / "wcda-112080.pdf")
    assert len(pypdf.PdfReader(pdf).pages) == 29, "page count changed: look at the pages, then --regen"
    check(pdf, "edition", EDITION_PAGES, tmp_path, request.config.getoption("--regen"))
