"""The site level of the HTML edition: index, persons and search pages,
the prebuilt search index and the shared assets.

After ``teiscribe build`` the folder ``edition/html/`` holds::

    <id>.html         one page per document (teiscribe.build.render_one)
    index.html        every document: title, date, participants, summary
    persons.html      every participant, with links to each of their turns
    search.html       the search form; search-index.js is its prebuilt index
    edition.css       screen and browser-print styles (shared)
    edition.js        view switch memory, note fallback, search (shared)

Every page is made by an XSLT 3.0 stylesheet under ``xslt/html/`` through one
:class:`teiscribe.transform.Stylesheets` (each compiled once per build); the
site pages read one XML *collection* of all documents (:func:`collection`).
The pages only use relative links and ``<script src>`` (never ``fetch``), so
the folder works from a web server and straight from the file system.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiscribe.config import EditionConfig
from teiscribe.resources import xslt_path
from teiscribe.xmlio import atomic_write, parse_xml

log = logging.getLogger("teiscribe")

SITE_NS = "urn:x-teiscribe:site"
"""Namespace of the collection's wrapper elements (``s:site``, ``s:doc``)."""
ASSETS = ("html/edition.css", "html/edition.js")
"""Shared files copied into the HTML folder (paths under ``xslt/``)."""
DEFAULT_TITLE = "Digital edition"
"""Name of the edition in the site banner when no publisher is configured."""


@dataclass(frozen=True)
class SiteDocument:
    """One document of the site: its TEI file ``tei`` and the hrefs, relative
    to the HTML folder, of its page (``html``) and downloads (``tei_href``,
    ``pdf_href``; ``""`` = none)."""

    tei: Path
    html: str
    tei_href: str = ""
    pdf_href: str = ""


def site_title(config: EditionConfig) -> str:
    """The edition's name for the banner: the configured publisher, else :data:`DEFAULT_TITLE`."""
    return config.publisher.strip() or DEFAULT_TITLE


def collection(documents: list[SiteDocument]) -> bytes:
    """The site collection: every document's TEI inside one XML document.

    Shape (``s`` = :data:`SITE_NS`)::

        <s:site><s:doc id="ID" href="ID.html" tei="../ID.xml" pdf="../pdf/ID.pdf">
          <TEI xmlns="http://www.tei-c.org/ns/1.0">...</TEI></s:doc>...</s:site>

    Each TEI file is parsed safely (:func:`teiscribe.xmlio.parse_xml`).
    Returns UTF-8 bytes. Raises :class:`~teiscribe.errors.InputError` for an
    unreadable or unsafe TEI file.
    """
    root = etree.Element(f"{{{SITE_NS}}}site", nsmap={"s": SITE_NS})
    for document in documents:
        tree = parse_xml(document.tei)
        entry = etree.SubElement(root, f"{{{SITE_NS}}}doc", id=document.tei.stem, href=document.html,
                                 tei=document.tei_href, pdf=document.pdf_href)
        entry.append(tree.getroot())
    return etree.tostring(root, encoding="utf-8")


def write_assets(html_dir: Path) -> list[Path]:
    """Copy the shared assets (:data:`ASSETS`) into ``html_dir`` atomically.

    Returns the written paths. Raises ``OSError`` when a file cannot be
    written, ``FileNotFoundError`` when the installation lacks an asset.
    """
    written = []
    for relative in ASSETS:
        target = Path(html_dir) / Path(relative).name
        atomic_write(target, xslt_path(relative).read_bytes())
        written.append(target)
    return written


def write_site(documents: list[SiteDocument], html_dir: Path, stylesheets, *,
               title: str = DEFAULT_TITLE) -> list[Path]:
    """Write the site pages, the search index and the assets into ``html_dir``.

    ``documents`` are the documents whose pages are already there;
    ``stylesheets`` is the run's :class:`teiscribe.transform.Stylesheets`.
    Returns the paths written: ``index.html``, ``persons.html``,
    ``search.html``, ``search-index.js``, then the assets. Raises
    :class:`~teiscribe.errors.SchemaError` when a stylesheet fails and
    ``OSError`` when writing fails (files already written stay).
    """
    html_dir = Path(html_dir)
    data = collection(documents)
    written = []
    for page in ("index", "persons", "search"):
        target = html_dir / f"{page}.html"
        atomic_write(target, stylesheets.to_site_page(data, page, site_title=title))
        written.append(target)
    target = html_dir / "search-index.js"
    atomic_write(target, stylesheets.to_search_index(data))
    written.append(target)
    written += write_assets(html_dir)
    log.info("wrote the site pages of %d document(s) into %s", len(documents), html_dir)
    return written
