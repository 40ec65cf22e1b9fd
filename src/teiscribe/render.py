"""The render stage: write the HTML edition and render the print HTML to PDF.

* :func:`write_html` writes the page atomically and puts ``edition.css``
  beside it (the page links it by the relative href ``edition.css``).
* :func:`write_pdf` lays out the print HTML with WeasyPrint (CSS paged
  media: footnotes, running heads, end-matter page references) and writes an
  archival PDF atomically:

  ``variant="pdfa"`` (default)
      PDF/A-3b (ISO 19005-3): fonts embedded and subset, sRGB output intent,
      XMP from the TEI header, the TEI source attached as an associated file
      (``/AFRelationship /Source``, ``application/tei+xml``) when ``tei`` is given.
  ``variant="pdfua"``
      the same, tagged (structure tree, ``/Lang``, ``DisplayDocTitle``) and
      claiming PDF/UA-1 (ISO 14289-1) besides PDF/A-3b.
  ``variant="plain"``
      no archival claim, no tags (drafts; the TEI is still attached).

  Print options: ``page_size`` (see :mod:`teiscribe.pagesetup`), ``bleed_mm``
  and ``crop_marks``. With ``tei``, :func:`teiscribe.fonts.preflight` runs
  first and a character no font can draw stops the PDF (``FONT001``).

Reproducibility: with ``SOURCE_DATE_EPOCH`` set (reproducible-builds.org) every
date in the PDF (Info, XMP, the attachment's ``ModDate``) is that instant and
fontTools stamps the font subsets with it, so the bytes are identical from
run to run; otherwise the dates are the current time.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from teiscribe.errors import InputError, UsageError, location_of
from teiscribe.resources import xslt_path
from teiscribe.transform import EDITION_CSS
from teiscribe.xmlio import atomic_write

_LOG = logging.getLogger(__name__)

PDF_VARIANTS = ("pdfa", "pdfua", "plain")
"""Accepted ``variant`` values of :func:`write_pdf` (``pdfa`` is the default)."""


@dataclass(frozen=True)
class PrintOptions:
    """How the PDF is made: ``page_size`` (a key of :data:`teiscribe.pagesetup`'s sizes,
    e.g. ``"A5"``), ``variant`` (``"pdfa"`` PDF/A-3b, ``"pdfua"`` also tagged PDF/UA-1,
    ``"plain"``), ``bleed_mm`` (millimetres around the trim) and ``crop_marks``."""

    page_size: str = "A5"
    variant: str = "pdfa"
    bleed_mm: float = 0.0
    crop_marks: bool = False


def write_html(html: bytes, out: Path) -> Path:
    """Write the HTML page ``html`` (UTF-8 bytes) to ``out`` atomically.

    Also writes the shipped ``edition.css`` into ``out``'s folder. Returns
    the path of the CSS file. Raises ``OSError`` when a file cannot be
    written (an existing ``out`` is then left untouched).
    """
    out = Path(out)
    atomic_write(out, html)
    css = out.parent / "edition.css"
    atomic_write(css, xslt_path(EDITION_CSS).read_bytes())
    return css


def write_pdf(
    print_html: bytes,
    out: Path,
    base_url: Path,
    *,
    tei: Path | None = None,
    variant: str = "pdfa",
    page_size: str | None = None,
    bleed_mm: float = 0.0,
    crop_marks: bool = False,
) -> int:
    """Render ``print_html`` (UTF-8 bytes from ``to_print_html``) to the PDF ``out``.

    ``base_url`` is the folder (or file) against which relative URLs in the
    HTML resolve. ``tei`` is the TEI file the HTML was made from: its header
    gives the XMP metadata and it is embedded as the PDF's source (without
    it the metadata come from the HTML and nothing is attached). ``variant``
    is one of :data:`PDF_VARIANTS`; ``page_size`` a name of
    :data:`teiscribe.pagesetup.PAGE_SIZES` (``None``: the stylesheet's);
    ``bleed_mm`` the bleed in millimetres; ``crop_marks`` draws crop marks.
    The PDF is written atomically. Returns the number of pages.

    Raises :class:`~teiscribe.errors.UsageError` for a bad option or a
    malformed ``SOURCE_DATE_EPOCH``, :class:`~teiscribe.errors.InputError`
    when a character has no glyph (``FONT001``) or WeasyPrint cannot lay out
    the document, ``OSError`` when writing fails.
    """
    from weasyprint import HTML  # imported lazily: loading it takes ~0.5 s
    from weasyprint.text.fonts import FontConfiguration

    from teiscribe import endmatter, pagesetup, wpfix

    wpfix.apply()  # footnotes stay on the page of their call

    if variant not in PDF_VARIANTS:
        raise UsageError(f"PDF variant must be one of {', '.join(PDF_VARIANTS)}, not {variant!r}")
    out = Path(out)
    html = print_html.decode("utf-8")
    size = page_size or _stylesheet_size(html)
    if page_size or size.upper() in pagesetup.PAGE_SIZES:  # margins and type size follow the page size
        css = pagesetup.page_css(size, bleed_mm=bleed_mm, crop_marks=crop_marks)
        html = html.replace("</head>", f"<style>{css}</style></head>", 1)
    elif bleed_mm or crop_marks:
        raise UsageError(f"bleed and crop marks need a known page size, not {size!r}")
    finisher = _finisher(html, tei, variant, bleed_mm)
    base = Path(base_url).resolve()
    base_uri = base.as_uri() + ("/" if base.is_dir() else "")
    fonts = FontConfiguration()

    def render(text: str):
        return HTML(string=text, base_url=base_uri).render(font_config=fonts)

    options = {"pdf_variant": None if variant == "plain" else "pdf/a-3b", "pdf_tags": variant == "pdfua",
               "pdf_identifier": True}
    try:
        if endmatter.has_page_refs(html):
            document = endmatter.repaginate(render(endmatter.without_page_refs(html)), html, render)
        else:
            document = render(html)
        data = document.write_pdf(finisher=finisher, **options)
    except (ValueError, TypeError, LookupError) as exc:
        raise InputError(f"cannot render the PDF: {exc}", location_of(out)) from None
    atomic_write(out, data)
    _LOG.debug("wrote %s (%d pages)", out, len(document.pages))
    return len(document.pages)


def _finisher(html: str, tei: Path | None, variant: str, bleed_mm: float):
    """The :class:`teiscribe.pdfa.Finisher` for this PDF (runs the glyph preflight first)."""
    from teiscribe import fonts, xmp
    from teiscribe.pdfa import Finisher
    from teiscribe.xmlio import parse_xml

    date = _source_date() or datetime.now(timezone.utc).replace(microsecond=0)
    if tei is None:
        meta = _html_metadata(html)
        source = None
    else:
        tei = Path(tei)
        problems = [m for m in fonts.preflight(tei) if m.severity == "error"]
        if problems:
            more = f" (and {len(problems) - 1} more characters)" if len(problems) > 1 else ""
            raise InputError(problems[0].text + more, problems[0].location, code="FONT001")
        meta = xmp.from_tei(parse_xml(tei).getroot())
        source = tei.read_bytes()
    return Finisher(meta, date, source=source, source_name=tei.name if tei else "source.xml",
                    pdfa=None if variant == "plain" else (3, "B"), pdfua=1 if variant == "pdfua" else None,
                    bleed_mm=bleed_mm)


def _stylesheet_size(html: str) -> str:
    """The page size print.xsl wrote (``@page { size: A4; }``), else ``A5``."""
    marker = "@page { size: "
    start = html.find(marker)
    return html[start + len(marker):html.find(";", start)].strip() if start >= 0 else "A5"


def _html_metadata(html: str):
    """:class:`teiscribe.xmp.PdfMetadata` from the print HTML's head (no TEI at hand)."""
    from lxml import html as lxml_html

    from teiscribe.xmp import PdfMetadata

    head = lxml_html.document_fromstring(html).find("head")
    meta = {name: [m.get("content", "") for m in head.iterfind(f"meta[@name='{name}']")]
            for name in ("author", "description")}
    return PdfMetadata(title=" ".join((head.findtext("title") or "").split()),
                       creators=tuple(a for a in meta["author"] if a),
                       description=next(iter(meta["description"]), ""),
                       language=head.getparent().get("lang") or "en")


def _source_date() -> datetime | None:
    """``SOURCE_DATE_EPOCH`` as an aware UTC datetime, or ``None`` when unset."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return datetime.fromtimestamp(int(raw), tz=timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise UsageError(f"SOURCE_DATE_EPOCH must be a count of seconds, not {raw!r}") from None
