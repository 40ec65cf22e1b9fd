"""What goes into the bag: the built edition, its schema, the metadata records, a README.

Payload layout (under the bag's ``data/``; RFC 8493 section 2.1.2)::

    README.md                        what the deposit holds and how to check it
    edition/<id>.xml                 the TEI P5 documents
    edition/html/...                 the HTML site: <id>.html per document, site pages, assets
    edition/pdf/...                  the print edition: <id>.pdf per document
    schema/teiscribe.rng, *.xsd      the schema the documents validate against
    metadata/<id>.oai_dc.xml         Dublin Core (OAI-PMH oai_dc)
    metadata/<id>.datacite.xml       DataCite 4.7
    metadata/<id>.jsonld             schema.org JSON-LD

The edition's own layout is kept, so the relative links in the HTML (to the
TEI and the PDF) and each TEI document's ``<?xml-model href="../schema/…"?>``
still resolve inside the bag.

Every non-hidden file under the edition's ``html/`` and ``pdf/`` is copied (the
site's collection pages and assets too); each TEI document must have its
``html/<id>.html`` and ``pdf/<id>.pdf``.

Message codes: ``DEPOSIT001`` (error) a TEI document has no HTML or PDF: the
edition is not built; ``DEPOSIT002`` (warning) an HTML or PDF is older than its
TEI; ``DEPOSIT004`` (warning) an ``xml-model`` link points outside the bag.
"""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path

from teiscribe.errors import InputError, Message, location_of
from teiscribe.resources import data_dir
from teiscribe.xmlio import parse_xml

SCHEMA_SUFFIXES = (".rng", ".xsd", ".sch")
"""Files of the shipped schema folder copied into ``data/schema/``."""

def edition_documents(edition: Path) -> list[Path]:
    """The TEI documents of the edition folder ``edition``: ``*.xml``, hidden files left out, sorted.

    Raises :class:`InputError` (``DEPOSIT001``, exit 3) when the folder is
    missing or holds no TEI document: the edition has not been built.
    """
    hint = "run `teiscribe build` first (it writes edition/<id>.xml, html/ and pdf/)"
    if not edition.is_dir():
        raise InputError("no such edition folder", location_of(edition), hint=hint, code="DEPOSIT001")
    found = sorted(p for p in edition.glob("*.xml") if p.is_file() and not p.name.startswith("."))
    if not found:
        raise InputError("the edition folder holds no TEI document (*.xml)", location_of(edition),
                         hint=hint, code="DEPOSIT001")
    return found


def payload_files(edition: Path, teis: list[Path]) -> tuple[dict[str, Path], list[Message]]:
    """Map each payload path (POSIX, relative to ``data/``) to the file it copies.

    Returns the map (the TEI; everything under ``html/`` and ``pdf/`` except
    hidden files; the schema) and messages:
    ``DEPOSIT001`` for each missing HTML or PDF, ``DEPOSIT002`` for each one
    older than its TEI, ``DEPOSIT004`` for schema links that leave the bag.
    """
    files: dict[str, Path] = {}
    messages: list[Message] = []
    for tei in teis:
        files[f"edition/{tei.name}"] = tei
        for kind, relative in (("HTML", f"html/{tei.stem}.html"), ("PDF", f"pdf/{tei.stem}.pdf")):
            path = edition / relative
            if not path.is_file():
                messages.append(Message(location_of(tei), "error", "DEPOSIT001",
                                        f"no {kind} ({path}): the edition is not built; run `teiscribe build`"))
                continue
            files[f"edition/{relative}"] = path
            if path.stat().st_mtime_ns < tei.stat().st_mtime_ns:
                messages.append(Message(location_of(path), "warning", "DEPOSIT002",
                                        f"older than {tei.name}: it may not show the current TEI; "
                                        "run `teiscribe build` (or `teiscribe render`)"))
    for site in ("html", "pdf"):  # the whole site: collection pages, scripts, styles
        for path in sorted((edition / site).rglob("*")):
            relative = path.relative_to(edition).as_posix()
            if path.is_file() and not any(part.startswith(".") for part in relative.split("/")):
                files.setdefault(f"edition/{relative}", path)
    for schema in sorted(data_dir("schema").iterdir()):
        if schema.suffix in SCHEMA_SUFFIXES and not schema.name.startswith("."):
            files[f"schema/{schema.name}"] = schema
    for tei in teis:
        messages += _schema_links(tei, files)
    return files, messages


def _schema_links(tei: Path, files: dict[str, Path]) -> list[Message]:
    """``DEPOSIT004`` for each ``xml-model`` href of ``tei`` that names no file of the bag."""
    try:
        root = parse_xml(tei).getroot()
    except InputError:
        return []  # validation reports it
    messages = []
    for pi in reversed(list(root.itersiblings(preceding=True))):
        href = pi.get("href") if getattr(pi, "target", "") == "xml-model" else None
        if not href or "://" in href:
            continue
        if posixpath.normpath(posixpath.join("edition", href)) not in files:
            messages.append(Message(location_of(tei, pi.sourceline or 0), "warning", "DEPOSIT004",
                                    f"schema link {href!r} points outside the bag (the edition was built "
                                    "away from the project's schema/ folder); the deposit holds the schema "
                                    "in data/schema/"))
    return messages


def write_payload(root: Path, files: dict[str, Path], generated: dict[str, bytes]) -> None:
    """Copy ``files`` and write ``generated`` (payload path -> bytes) under ``root``.

    Paths are POSIX and relative; parents are created. Raises ``OSError``.
    """
    for relative, source in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    for relative, data in generated.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
