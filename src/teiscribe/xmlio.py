"""Safe XML parsing and atomic file output, shared by every stage.

Untrusted XML is parsed with no network access, no DTD loading and no entity
expansion (defence against XXE and "billion laughs"); outputs are written to a
temporary file in the target folder and renamed into place, so a failed run
never leaves a half-written file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lxml import etree

from teiscribe.errors import InputError, location_of

MAX_XML_BYTES = 64 * 1024 * 1024
"""Largest XML input accepted, in bytes (64 MiB)."""


def safe_parser() -> etree.XMLParser:
    """An lxml parser that never touches the network or expands entities.

    Line numbers are kept (``element.sourceline``) for located messages.
    """
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xml(path: str | Path) -> etree._ElementTree:
    """Parse the XML file at ``path`` safely and return its tree.

    Raises :class:`InputError` (located at the offending line and column) when
    the file is missing, larger than :data:`MAX_XML_BYTES`, not well-formed,
    or declares entities (a DTD internal subset is refused outright).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", location_of(path)) from None
    if size > MAX_XML_BYTES:
        raise InputError(
            f"file is {size} bytes, larger than the {MAX_XML_BYTES}-byte limit",
            location_of(path),
        )
    try:
        tree = etree.parse(str(path), safe_parser())
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        raise InputError(f"not well-formed XML: {exc.msg}", location_of(path, line, col)) from None
    if tree.docinfo.internalDTD is not None and tree.docinfo.internalDTD.iterentities():
        raise InputError(
            "document declares entities in a DTD; teiscribe does not expand entities "
            "(remove the DOCTYPE)",
            location_of(path, 1, 1),
        )
    return tree


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temporary file + rename).

    The parent folder is created when missing. Raises ``OSError`` on failure,
    in which case ``path`` is left untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
