"""Validation stage: check TEI documents against the teiscribe schemas.

Two layers run on every document, each compiled once per process:

* RELAX NG (``schema/teiscribe.rng``, the source of truth) through lxml;
* W3C XML Schema (``schema/teiscribe.xsd``, generated from the RELAX NG by
  ``python -m teiscribe.schemagen``) through xmlschema, locked to local files
  under the schema folder (``allow="sandbox"``, ``defuse="always"``): it never
  fetches anything from the network.

Documents are parsed once with :func:`teiscribe.xmlio.parse_xml` (no DTD, no
entity expansion, no network); both layers check that parsed tree.

Message codes (severity is always ``"error"``):

========  ==================================================================
XML001    the file cannot be read as safe, well-formed XML (missing, too
          large, not well-formed, or declares entities in a DTD)
RNG001    the document is invalid against ``teiscribe.rng``
XSD001    the document is invalid against ``teiscribe.xsd``
========  ==================================================================

An XSD error on a line where RELAX NG already reported an error is the same
fault seen twice and is dropped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

import xmlschema
from lxml import etree

from teiscribe import TEI_NS
from teiscribe.errors import InputError, Message, SchemaError, location_of
from teiscribe.resources import schema_path
from teiscribe.xmlio import parse_xml

RNG_NAME = "teiscribe.rng"
XSD_NAME = "teiscribe.xsd"
SEVERITY = "error"


@functools.lru_cache(maxsize=1)
def relaxng() -> etree.RelaxNG:
    """The compiled ``teiscribe.rng`` (cached for the process).

    Raises :class:`SchemaError` when the schema is missing or does not compile.
    """
    path = schema_path(RNG_NAME)
    try:
        return etree.RelaxNG(etree.parse(str(path), etree.XMLParser(no_network=True)))
    except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError) as exc:
        raise SchemaError(f"cannot load RELAX NG schema: {exc}", location_of(path)) from None


@functools.lru_cache(maxsize=1)
def xml_schema() -> xmlschema.XMLSchema:
    """The compiled ``teiscribe.xsd`` (cached for the process), local files only.

    Raises :class:`SchemaError` when the schema is missing or does not compile.
    """
    path = schema_path(XSD_NAME).resolve()
    try:
        return xmlschema.XMLSchema(str(path), allow="sandbox", defuse="always", validation="strict")
    except (OSError, xmlschema.XMLSchemaException) as exc:
        raise SchemaError(f"cannot load XML Schema: {exc}", location_of(path)) from None


def _short(text: str) -> str:
    """Drop the TEI namespace from Clark names and squeeze whitespace."""
    text = text.replace("{" + TEI_NS + "}", "").replace("'ns1:", "'")
    return " ".join(text.split())


def _column(lines: list[str], elem: etree._Element | None) -> int:
    """1-based column of ``elem``'s start tag on its source line, 0 if unknown.

    The n-th element with the same tag starting on a line is matched to the
    n-th ``<tag`` there (lxml records lines but not columns).
    """
    if elem is None or not isinstance(elem.tag, str) or not elem.sourceline:
        return 0
    line = elem.sourceline
    if line > len(lines):
        return 0
    qname = etree.QName(elem).localname
    if elem.prefix:
        qname = f"{elem.prefix}:{qname}"
    rank = 0
    for other in elem.getroottree().iter(elem.tag):
        if other is elem:
            break
        rank += other.sourceline == line
    hits = [m.start() + 1 for m in re.finditer(rf"<{re.escape(qname)}(?=[\s/>])", lines[line - 1])]
    return hits[rank] if rank < len(hits) else 0


def _rng_messages(path: Path, tree: etree._ElementTree, lines: list[str]) -> list[Message]:
    schema = relaxng()
    if schema.validate(tree):
        return []
    messages = []
    for entry in schema.error_log:
        elem = None
        if entry.path and entry.path.startswith("/"):
            try:
                found = tree.xpath(entry.path)
                elem = found[0] if found else None
            except etree.XPathError:
                elem = None
        line = entry.line or (elem.sourceline if elem is not None else 0) or 0
        col = _column(lines, elem) if elem is not None and elem.sourceline == line else 0
        location = location_of(path, line, col)
        messages.append(Message(location, SEVERITY, "RNG001", _short(entry.message)))
    return messages


def _xsd_messages(path: Path, tree: etree._ElementTree, lines: list[str]) -> list[Message]:
    resource = xmlschema.XMLResource(tree, allow="none", defuse="always")
    messages = []
    for error in xml_schema().iter_errors(resource):
        elem = getattr(error, "invalid_child", None)
        if elem is None:
            elem = error.elem if isinstance(error.elem, etree._Element) else None
        line = (elem.sourceline if elem is not None else None) or error.sourceline or 0
        col = _column(lines, elem) if elem is not None else 0
        text = error.reason or str(error.message)
        where = f" (at {_short(error.path)})" if error.path else ""
        location = location_of(path, line, col)
        messages.append(Message(location, SEVERITY, "XSD001", _short(text) + where))
    return messages


def _sort_key(message: Message) -> tuple:
    return (message.location, message.code, message.text)


def validate_file(path: str | Path) -> list[Message]:
    """Validate one TEI file; return its messages (empty when valid).

    ``path`` is a file path. Each message is a :class:`Message` with
    severity ``"error"`` and code ``XML001``, ``RNG001`` or ``XSD001`` (see
    the module docstring), located at 1-based line and column (column 0 when
    unknown), sorted by location. A malformed or unreadable file gives exactly
    one ``XML001`` message, never an exception. The rules are those of
    ``schema/teiscribe.rng`` (a strict subset of TEI P5 4.8.0 ``tei_all``).

    Raises :class:`SchemaError` only when the shipped schemas cannot be loaded.
    """
    path = Path(path)
    try:
        tree = _parse_tree(path)
    except InputError as exc:
        location = exc.location or location_of(path)
        return [Message(location, SEVERITY, "XML001", exc.message)]
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:  # columns are a nicety: report them as unknown
        lines = []
    rng = _rng_messages(path, tree, lines)
    rng_lines = {m.location.line for m in rng}
    xsd = [m for m in _xsd_messages(path, tree, lines) if m.location.line not in rng_lines]
    return sorted(set(rng + xsd), key=_sort_key)


def _parse_tree(path: Path) -> etree._ElementTree:
    """Parse ``path`` with the safe parser; any read failure is an :class:`InputError`."""
    try:
        return parse_xml(path)
    except OSError as exc:  # e.g. a folder or unreadable file
        raise InputError(f"cannot read file: {exc}", location_of(path)) from None


def validate_files(paths: Iterable[Path]) -> list[Message]:
    """Validate several files; return all their messages, sorted and de-duplicated.

    ``paths`` is any iterable of file paths; a file given twice is checked once.
    Same messages and errors as :func:`validate_file`.
    """
    messages: set[Message] = set()
    for path in dict.fromkeys(Path(p) for p in paths):
        messages.update(validate_file(path))
    return sorted(messages, key=_sort_key)


def configure_parser(parser) -> None:
    """Options of ``teiscribe validate`` (an ``argparse`` subparser)."""
    parser.add_argument("files", nargs="+", type=Path, help="TEI files to check")


def run_command(args) -> int:
    """Run ``teiscribe validate``: print located problems; exit 0 valid, 1 invalid, 3 unreadable."""
    import sys

    from teiscribe.output import print_messages

    unreadable = [p for p in args.files if not p.is_file()]
    messages = validate_files([p for p in args.files if p.is_file()])
    messages += [Message(location_of(p), "error", "XML001", "cannot read file: no such file")
                 for p in unreadable]
    print_messages(messages)
    errors = sum(m.severity == "error" for m in messages)
    checked = len(args.files) - len(unreadable)
    print(f"{checked} file(s) checked: {'valid' if not errors else f'{errors} error(s)'}", file=sys.stderr)
    return 3 if unreadable else (1 if errors else 0)
