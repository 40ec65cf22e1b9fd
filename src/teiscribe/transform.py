"""The transform stage: TEI P5 -> HTML reading edition and print HTML (XSLT 3.0).

One :class:`Stylesheets` object holds one Saxon processor and compiles each
shipped stylesheet at most once (lazily, on first use); every later document
reuses the compiled executable. Typical use::

    sheets = Stylesheets()
    html = sheets.to_html(tei, tei_href="doc.xml", pdf_href="doc.pdf")
    print_html = sheets.to_print_html(tei)          # then render.write_pdf
    index = sheets.to_site_page(collection, "index")   # teiscribe.site
    script = sheets.to_search_index(collection)

The TEI input is parsed with :func:`teiscribe.xmlio.parse_xml` (no network,
no entity expansion) before Saxon sees it. Stylesheet problems become
:class:`~teiscribe.errors.SchemaError` located at the stylesheet file and,
when Saxon reports it, the line and column.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from lxml import etree
from saxonche import PySaxonApiError, PySaxonProcessor

from teiscribe.errors import SchemaError, UsageError, location_of
from teiscribe.resources import xslt_path
from teiscribe.xmlio import parse_xml

HTML_XSL = "html/html.xsl"
"""Reading-edition stylesheet, relative to the ``xslt/`` data folder."""
SITE_XSL = "html/site.xsl"
"""Site pages (index, persons, search) from the site collection."""
SEARCH_INDEX_XSL = "html/search-index.xsl"
"""Prebuilt search index (``search-index.js``) from the site collection."""
SITE_PAGES = ("index", "persons", "search")
"""Pages accepted by :meth:`Stylesheets.to_site_page`."""
PRINT_XSL = "print/print.xsl"
"""Print (WeasyPrint) stylesheet, relative to the ``xslt/`` data folder."""
EDITION_CSS = "html/edition.css"
"""Screen stylesheet shipped beside the HTML (relative to ``xslt/``)."""
PRINT_CSS = "print/print.css"
"""Paged-media stylesheet for the PDF (relative to ``xslt/``)."""
PAGE_SIZES = ("A5", "A4")
"""Page sizes accepted by :meth:`Stylesheets.to_print_html`."""

_SAXON_WHERE = re.compile(r"on line (\d+)(?: column (\d+))? of (\S+?):?(?:\s|$)")


class Stylesheets:
    """The compiled teiscribe stylesheets for one run (not thread-safe).

    ``compilations`` counts compilations per stylesheet (relative name ->
    int); it stays at 1 per stylesheet however many documents are
    transformed. Create one instance per run and per thread.
    """

    def __init__(self) -> None:
        self._processor: PySaxonProcessor | None = None
        self._compiler = None
        self._executables: dict[str, object] = {}
        self.compilations: Counter[str] = Counter()

    # -- public API -------------------------------------------------------

    def to_html(
        self,
        tei: Path,
        *,
        tei_href: str = "",
        pdf_href: str = "",
        css_href: str = "edition.css",
        js_href: str = "",
        site: bool = False,
        site_title: str = "Digital edition",
    ) -> bytes:
        """Transform the TEI file ``tei`` into the HTML5 reading edition.

        ``tei_href``/``pdf_href`` are the relative hrefs of the download links
        (``""`` omits a link); ``css_href`` is the href of ``edition.css``,
        ``js_href`` that of ``edition.js`` (``""``: no script). With ``site``
        the page has the site banner (``site_title``, links to
        ``index.html``, ``persons.html``, ``search.html``) and links its
        participants to the persons page.
        Returns the serialised page as UTF-8 bytes (``<!DOCTYPE html>``).
        Raises :class:`~teiscribe.errors.InputError` for unreadable or
        unsafe XML and :class:`~teiscribe.errors.SchemaError` when the
        stylesheet fails to compile or run.
        """
        params = {"tei-href": tei_href, "pdf-href": pdf_href, "css-href": css_href,
                  "js-href": js_href, "site": site, "site-title": site_title}
        return self.run(HTML_XSL, tei, params)

    def to_site_page(self, collection: bytes, page: str, *, css_href: str = "edition.css",
                     js_href: str = "edition.js", site_title: str = "Digital edition") -> bytes:
        """One site page (``page`` in :data:`SITE_PAGES`) from ``collection``.

        ``collection`` is the XML (UTF-8 bytes) of the site collection made by
        :func:`teiscribe.site.collection` (its TEI already parsed safely).
        Returns UTF-8 bytes (``<!DOCTYPE html>``). Raises
        :class:`~teiscribe.errors.UsageError` for an unknown page, otherwise
        as :meth:`to_html`.
        """
        if page not in SITE_PAGES:
            raise UsageError(f"site page must be one of {', '.join(SITE_PAGES)}, not {page!r}")
        params = {"page": page, "css-href": css_href, "js-href": js_href, "site": True, "site-title": site_title}
        return self.run(SITE_XSL, collection, params)

    def to_search_index(self, collection: bytes) -> bytes:
        """The prebuilt search index script (``search-index.js``) of ``collection``.

        Returns UTF-8 bytes: one JavaScript statement assigning
        ``window.teiscribeSearchIndex`` (shape: ``search-index.xsl``).
        Raises as :meth:`to_site_page`.
        """
        return self.run(SEARCH_INDEX_XSL, collection, {})

    def to_print_html(
        self,
        tei: Path,
        *,
        page_size: str = "A5",
        css_href: str | None = None,
    ) -> bytes:
        """Transform the TEI file ``tei`` into HTML for WeasyPrint paged media.

        ``page_size`` is ``"A5"`` (default) or ``"A4"`` (case-insensitive).
        ``css_href`` defaults to the absolute ``file:`` URI of the shipped
        ``print.css``, so the result renders from any base URL. Returns
        UTF-8 bytes. Raises :class:`~teiscribe.errors.UsageError` for an
        unknown page size, otherwise as :meth:`to_html`.
        """
        if page_size.upper() not in PAGE_SIZES:
            raise UsageError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}")
        params = {
            "page-size": page_size.upper(),
            "css-href": css_href or xslt_path(PRINT_CSS).as_uri(),
        }
        return self.run(PRINT_XSL, tei, params)

    # -- internals ----------------------------------------------------------

    def _executable(self, relative: str):
        """Compiled executable for ``relative`` (compiled on first request)."""
        executable = self._executables.get(relative)
        if executable is None:
            if self._processor is None:
                self._processor = PySaxonProcessor(license=False)
                self._compiler = self._processor.new_xslt30_processor()
            path = xslt_path(relative)
            if not path.is_file():
                raise SchemaError("stylesheet is missing", location_of(path))
            try:
                executable = self._compiler.compile_stylesheet(stylesheet_file=str(path))
            except PySaxonApiError as exc:
                raise _located(exc, path, "cannot compile stylesheet") from None
            self.compilations[relative] += 1
            self._executables[relative] = executable
        return executable

    def run(self, relative: str, tei: Path | str | bytes, params: dict[str, str | bool],
            *, name: str = "<site collection>") -> bytes:
        """Run the stylesheet ``relative`` (under ``xslt/``, compiled once) on the TEI
        file ``tei`` (parsed safely here) or on already-safe XML ``bytes`` (called
        ``name`` in messages); string and boolean parameters. Returns UTF-8 bytes.
        Raises :class:`SchemaError` when the stylesheet fails to compile or run."""
        executable = self._executable(relative)
        if isinstance(tei, bytes):
            text, tei = tei.decode("utf-8"), Path(name)
        else:
            text = etree.tostring(parse_xml(tei), encoding="unicode")
        processor = self._processor
        try:
            node = processor.parse_xml(xml_text=text)
        except PySaxonApiError as exc:  # pragma: no cover - lxml accepted it already
            raise SchemaError(f"Saxon cannot read the document: {_clean(exc)}", location_of(tei)) from None
        executable.clear_parameters()
        for name, value in params.items():
            made = (processor.make_boolean_value(value) if isinstance(value, bool)
                    else processor.make_string_value(value))
            executable.set_parameter(name, made)
        try:
            result = executable.transform_to_string(xdm_node=node)
        except PySaxonApiError as exc:
            raise _located(exc, xslt_path(relative), f"transforming {tei} failed") from None
        if result is None:  # pragma: no cover - defensive: Saxon returned nothing
            raise SchemaError(f"transforming {tei} produced no output", location_of(xslt_path(relative)))
        if result.startswith("<!DOCTYPE HTML>"):
            result = "<!DOCTYPE html>" + result[len("<!DOCTYPE HTML>"):]
        return result.encode("utf-8")


def _clean(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _located(exc: PySaxonApiError, stylesheet: Path, what: str) -> SchemaError:
    """A :class:`SchemaError` at the file/line Saxon names, else at ``stylesheet``."""
    message = _clean(exc)
    match = _SAXON_WHERE.search(message)
    location = location_of(stylesheet)
    if match:
        line, col, name = int(match[1]), int(match[2] or 0), match[3].rsplit("/", 1)[-1]
        module = stylesheet if stylesheet.name == name else _find_module(name, stylesheet)
        location = location_of(module, line, col)
    return SchemaError(f"{what}: {message}", location)


def _find_module(name: str, stylesheet: Path) -> Path:
    """The included/imported module called ``name`` under the xslt folder."""
    root = stylesheet.parent.parent
    for candidate in sorted(root.rglob(name)):
        return candidate
    return stylesheet
