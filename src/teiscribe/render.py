"""The render stage: write the HTML edition and render the print HTML to PDF.

* :func:`write_html` writes the page atomically and puts ``edition.css``
  beside it (the page links it by the relative href ``edition.css``).
* :func:`write_pdf` lays out the print HTML with WeasyPrint (CSS paged
  media: A5/A4 pages, footnotes, running heads) and writes the PDF
  atomically. WeasyPrint subsets and embeds every font used (the print CSS
  asks for DejaVu Serif/Sans). The PDF title, author and language come from
  the HTML ``<title>``, ``<meta name="author">`` and ``<html lang>``.

Reproducibility: WeasyPrint itself ignores ``SOURCE_DATE_EPOCH`` and writes
no creation/modification date unless asked. When ``SOURCE_DATE_EPOCH`` is set
(reproducible-builds.org) :func:`write_pdf` writes that instant as both PDF
dates; fontTools (WeasyPrint's font subsetter when HarfBuzz-Subset is absent)
also stamps the embedded subsets with it, so the PDF is then byte-identical
from run to run. Without it the subsets carry the current time.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime, timezone
from pathlib import Path

from teiscribe.errors import InputError, UsageError, location_of
from teiscribe.resources import xslt_path
from teiscribe.transform import EDITION_CSS
from teiscribe.xmlio import atomic_write

_LOG = logging.getLogger(__name__)


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


def write_pdf(print_html: bytes, out: Path, base_url: Path) -> int:
    """Render ``print_html`` (UTF-8 bytes from ``to_print_html``) to the PDF ``out``.

    ``base_url`` is the folder (or file) against which relative URLs in the
    HTML resolve. The PDF is written atomically. Returns the number of
    pages. Raises :class:`~teiscribe.errors.UsageError` for a malformed
    ``SOURCE_DATE_EPOCH``, :class:`~teiscribe.errors.InputError` when
    WeasyPrint cannot lay out the document, ``OSError`` when writing fails.
    """
    from weasyprint import HTML  # imported lazily: loading it takes ~0.5 s

    out = Path(out)
    base = Path(base_url).resolve()
    base_uri = base.as_uri() + ("/" if base.is_dir() else "")
    created = _source_date()
    try:
        document = HTML(string=print_html.decode("utf-8"), base_url=base_uri).render()
        if created:
            document.metadata.created = created
            document.metadata.modified = created
        data = document.write_pdf()
    except (ValueError, TypeError, LookupError) as exc:
        raise InputError(f"cannot render the PDF: {exc}", location_of(out)) from None
    atomic_write(out, data)
    _LOG.debug("wrote %s (%d pages)", out, len(document.pages))
    return len(document.pages)


def _source_date() -> str | None:
    """``SOURCE_DATE_EPOCH`` as a W3C date-time (UTC), or ``None`` when unset."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        instant = datetime.fromtimestamp(int(raw), tz=timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise UsageError(f"SOURCE_DATE_EPOCH must be a count of seconds, not {raw!r}") from None
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ")
