"""Reading one document to validate: safely, with every read failure as a message.

:func:`load_document` returns a :class:`Document` (the lxml tree, the source
text for columns, and the non-fatal parse findings) or the messages that say
why there is none. The rules, in the order they are applied:

* size over the limit, missing file, no permission → ``XML001``, and the
  file counts as unreadable (exit 3);
* an empty file → ``XML001``;
* a DOCTYPE that declares entities → ``XML002`` (never expanded: XXE and
  "billion laughs" are refused before parsing, by reading the prolog);
* a DOCTYPE with an external DTD (``SYSTEM``/``PUBLIC``) → ``XML003`` (never
  fetched, never loaded);
* a namespace prefix used but not declared → ``NS001`` (Namespaces in XML 1.0 §5);
* any other well-formedness error → ``XML001`` at libxml2's line and column;
* a duplicate ``xml:id`` (``ID001``) or one that is not an NCName (``ID002``,
  xml:id Recommendation §4) is *not* fatal: the document is parsed in
  recovery mode and validated further, the finding kept as a message.

Parsing never touches the network, never loads a DTD, never expands entities
(:func:`teiscribe.xmlio.safe_parser`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiscribe.errors import Message, location_of
from teiscribe.xmlio import MAX_XML_BYTES, safe_parser

_DOCTYPE = re.compile(r"<!DOCTYPE\s+[^\s\[>]+\s*(?P<external>(?:SYSTEM|PUBLIC)\s[^\[>]*)?(?P<subset>\[.*?\])?\s*>",
                      re.S)
_ID_ERRORS = {"DTD_ID_REDEFINED": "ID001", "DTD_XMLID_VALUE": "ID002"}


@dataclass
class Document:
    """A parsed document: ``tree`` (lxml, line numbers kept), ``text`` (the decoded
    source, for columns), ``messages`` (non-fatal parse findings, e.g. ``ID001``)."""

    path: Path
    tree: etree._ElementTree
    text: str
    messages: list[Message] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        """Source lines (cached), index 0 is line 1."""
        if not hasattr(self, "_lines"):
            self._lines = self.text.splitlines()
        return self._lines

    def xml_models(self) -> list[tuple[int, dict[str, str]]]:
        """The ``<?xml-model?>`` declarations before the root: ``[(line, pseudo-attributes)]``."""
        found = []
        for node in reversed(list(self.tree.getroot().itersiblings(preceding=True))):
            if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
                found.append((node.sourceline or 0, dict(node.attrib)))
        return found


def _decode(data: bytes) -> str:
    """Decode the source for prolog checks and columns (BOM, then the declared encoding, then UTF-8)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    declared = re.match(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)", data)
    try:
        return data.decode(declared.group(1).decode() if declared else "utf-8", errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _prolog_problem(path: Path, text: str) -> Message | None:
    """``XML002``/``XML003`` for a DOCTYPE that declares entities or names an external DTD."""
    start = text.find("<!DOCTYPE")
    if start < 0 or re.search(r"<[A-Za-z_]", text[:start]):  # none, or not in the prolog
        return None
    match = _DOCTYPE.match(text, start)
    line = text.count("\n", 0, start) + 1
    where = location_of(path, line, start - (text.rfind("\n", 0, start) + 1) + 1)
    if match is None or (match.group("subset") and "<!ENTITY" in match.group("subset")):
        return Message(where, "error", "XML002", "the DOCTYPE declares entities; teiscribe never expands "
                       "entities (XXE, billion laughs): remove the DOCTYPE and write the characters out")
    if match.group("external"):
        ident = " ".join(match.group("external").split())
        return Message(where, "error", "XML003", f"the DOCTYPE names an external DTD ({ident}); teiscribe never "
                       "loads or fetches DTDs: remove the DOCTYPE and validate with --schema")
    return None


class Unreadable(list):
    """The messages of a file that could not be read at all (exit 3, not 1)."""


def load_document(path: str | Path, max_bytes: int = MAX_XML_BYTES) -> tuple[Document | None, list[Message]]:
    """Read and parse ``path``; return ``(document, [])`` or ``(None, messages)``.

    A returned document may still carry non-fatal findings in ``document.messages``.
    ``messages`` use the codes of the module docstring; they are an
    :class:`Unreadable` list when the file could not be read (exit 3) rather
    than being invalid (exit 1). Never raises for a bad input.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            return None, Unreadable([Message(location_of(path), "error", "XML001", "cannot read file: not a file")])
        if size > max_bytes:
            return None, Unreadable([Message(location_of(path), "error", "XML001",
                                             f"file is {size} bytes, over the {max_bytes}-byte limit (--max-size)")])
        data = path.read_bytes()
    except OSError as exc:
        return None, Unreadable([Message(location_of(path), "error", "XML001",
                                         f"cannot read file: {exc.strerror or exc}")])
    if not data.strip():
        return None, [Message(location_of(path), "error", "XML001", "empty file: no XML document")]
    text = _decode(data)
    problem = _prolog_problem(path, text)
    if problem:
        return None, [problem]
    parser = safe_parser()
    try:
        root = etree.fromstring(data, parser, base_url=str(path))
        return Document(path, root.getroottree(), text), []
    except etree.XMLSyntaxError as exc:
        return _recover(path, data, text, parser.error_log, exc)


def _recover(path: Path, data: bytes, text: str, log, exc) -> tuple[Document | None, list[Message]]:
    """Turn a strict-parse failure into messages; re-parse when only ID findings failed it."""
    entries = list(log) or []
    fatal = [e for e in entries if e.level_name == "FATAL" or e.type_name not in _ID_ERRORS]
    namespace = [e for e in entries if e.domain_name == "NAMESPACE"]
    if namespace:
        return None, [Message(location_of(path, e.line, e.column), "error", "NS001",
                              f"{e.message} (declare it with xmlns:prefix on an ancestor)") for e in namespace]
    if fatal or not entries:
        first = fatal[0] if fatal else None
        line, col = (first.line, first.column) if first else (exc.position or (0, 0))
        text_ = first.message if first else exc.msg
        return None, [Message(location_of(path, line, col), "error", "XML001", f"not well-formed XML: {text_}")]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)
    root = etree.fromstring(data, parser, base_url=str(path))
    messages = []
    for entry in entries:
        code = _ID_ERRORS[entry.type_name]
        value = re.search(r"(?:ID|value) (\S+)", entry.message)
        detail = (f"xml:id '{value.group(1)}' is already used earlier in the document" if code == "ID001"
                  else f"xml:id '{value.group(1)}' is not an NCName") if value else entry.message
        messages.append(Message(location_of(path, entry.line, entry.column), "error", code, detail))
    return Document(path, root.getroottree(), text, messages), []
