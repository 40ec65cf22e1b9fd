"""Page set-up of the print edition: trim sizes, margins, type size, bleed, crop marks.

:func:`page_css` returns the CSS that :func:`teiscribe.render.write_pdf`
appends to the print HTML (after ``print.css``, so it wins). Every length is
in millimetres unless said otherwise; the type size is in points.

Trim sizes (:data:`PAGE_SIZES`, names case-insensitive):

========  =================  =====================================
name      trim (mm)          use
========  =================  =====================================
A5        148 x 210          default: a reading edition
A4        210 x 297          a4 proof or archive print
B5        176 x 250          ISO B5 (JIS B5 is 182 x 257)
letter    215.9 x 279.4      US Letter
trade     152.4 x 228.6      US trade paperback, 6 x 9 in
royal     156 x 234          UK royal octavo (a common monograph format)
========  =================  =====================================

Bleed and crop marks (for a printer, PDF TrimBox/BleedBox per ISO 32000-1
14.11.2): ``bleed_mm`` widens the media box by that much on every side, and
:mod:`teiscribe.pdfa` sets the ``BleedBox`` to exactly the trim plus the
bleed. Crop marks need room outside the bleed: with ``crop_marks`` the media
box grows by ``max(2 * bleed + 3, 9)`` mm and WeasyPrint draws the marks in its
outer half (``marks: crop``), clear of the bleed.
"""

from __future__ import annotations

from dataclasses import dataclass

from teiscribe.errors import UsageError


@dataclass(frozen=True)
class PageSize:
    """One trim size: ``width``/``height`` and the margins ``top``, ``outer``,
    ``bottom``, ``inner`` in mm; ``font_pt`` is the body type size in points."""

    width: float
    height: float
    font_pt: float
    top: float
    outer: float
    bottom: float
    inner: float

    @property
    def block_height(self) -> float:
        """Height of the text block (mm): the page less its top and bottom margins."""
        return self.height - self.top - self.bottom


PAGE_SIZES: dict[str, PageSize] = {
    "A5": PageSize(148, 210, 9, 16, 17, 17, 15),
    "A4": PageSize(210, 297, 10.5, 22, 32, 24, 26),
    "B5": PageSize(176, 250, 10, 19, 22, 21, 18),
    "LETTER": PageSize(215.9, 279.4, 10.5, 22, 33, 24, 27),
    "TRADE": PageSize(152.4, 228.6, 9.5, 17, 18, 19, 16),
    "ROYAL": PageSize(156, 234, 9.5, 17, 18.5, 19, 16),
}
"""The trim sizes ``write_pdf(page_size=...)`` accepts (upper-case keys)."""

MAX_BLEED_MM = 20.0
"""Largest accepted bleed (mm); printers ask for 3 mm, some for 5."""


def page_size(name: str) -> PageSize:
    """The :class:`PageSize` called ``name`` (case-insensitive).

    Raises :class:`~teiscribe.errors.UsageError` naming the accepted sizes.
    """
    size = PAGE_SIZES.get(str(name).strip().upper())
    if size is None:
        names = ", ".join(n if n[1:].isdigit() else n.lower() for n in PAGE_SIZES)
        raise UsageError(f"page size must be one of {names}, not {name!r}")
    return size


def media_bleed(bleed_mm: float, crop_marks: bool) -> float:
    """Width (mm) added around the trim on each side of the media box.

    Raises :class:`~teiscribe.errors.UsageError` for a negative or too large bleed.
    """
    if not 0 <= bleed_mm <= MAX_BLEED_MM:
        raise UsageError(f"bleed must be between 0 and {MAX_BLEED_MM:g} mm, not {bleed_mm:g}")
    return max(2 * bleed_mm + 3, 9.0) if crop_marks else bleed_mm


def page_css(name: str, *, bleed_mm: float = 0.0, crop_marks: bool = False) -> str:
    """CSS for trim size ``name`` with ``bleed_mm`` bleed and optional crop marks.

    Sets the @page size, mirrored margins (outer on the left of versos),
    bleed and marks, the root type size and the title page's height (its
    foot sits at the bottom of the text block). Raises
    :class:`~teiscribe.errors.UsageError` for an unknown size or a bad bleed.
    """
    size = page_size(name)
    media = media_bleed(bleed_mm, crop_marks)
    marks = "crop" if crop_marks else "none"
    return (
        f"@page {{ size: {size.width:g}mm {size.height:g}mm; bleed: {media:g}mm; marks: {marks};"
        f" margin: {size.top:g}mm {size.outer:g}mm {size.bottom:g}mm {size.inner:g}mm; }}\n"
        f"@page :left {{ margin-left: {size.outer:g}mm; margin-right: {size.inner:g}mm; }}\n"
        f"@page :right {{ margin-left: {size.inner:g}mm; margin-right: {size.outer:g}mm; }}\n"
        f"html {{ font-size: {size.font_pt:g}pt; }}\n"
        f".title-page {{ height: {size.block_height - 1:g}mm; }}\n"
    )
