"""Where in the source a node is: 1-based line and column for elements and attributes.

lxml records each element's start line but not its column; the column is
found in the source text (the n-th element with the same name starting on a
line is the n-th ``<name`` there). Attributes are found after their element's
start tag. Paths from Schematron's SVRL (XPath 3.0 ``fn:path()``:
``/Q{ns}TEI[1]/Q{ns}text[1]/@Q{}n``) and from libxml2 (``/*/*[2]``) are
resolved to the lxml node they name.
"""

from __future__ import annotations

import re

from lxml import etree

from teiscribe.validate.document import Document

_STEP = re.compile(r"/(?:(?P<attr>@)(?:Q\{(?P<ans>[^}]*)\})?(?P<aname>[^/\[]+)"
                   r"|Q\{(?P<ns>[^}]*)\}(?P<name>[^/\[]+)\[(?P<n>\d+)\]"
                   r"|(?P<kind>text|comment|processing-instruction)\([^)]*\)\[\d+\]"
                   r"|\*\[(?P<any>\d+)\]|\*(?=/|$))")


def _qname(elem: etree._Element) -> str:
    local = etree.QName(elem).localname
    return f"{elem.prefix}:{local}" if elem.prefix else local


def element_position(doc: Document, elem: etree._Element | None) -> tuple[int, int]:
    """``(line, col)`` of the start tag of ``elem``; col 0 (or ``(0, 0)``) when unknown."""
    if elem is None or not isinstance(elem.tag, str) or not elem.sourceline:
        return (0, 0)
    line = elem.sourceline
    if line > len(doc.lines):
        return (line, 0)
    rank = 0
    for other in elem.getroottree().iter(elem.tag):
        if other is elem:
            break
        rank += other.sourceline == line
    qname = _qname(elem)
    hits = [m.start() + 1 for m in re.finditer(rf"<{re.escape(qname)}(?=[\s/>])", doc.lines[line - 1])]
    return (line, hits[rank] if rank < len(hits) else 0)


def attribute_position(doc: Document, elem: etree._Element, attr: str) -> tuple[int, int]:
    """``(line, col)`` of attribute ``attr`` (a Clark name or a local name) of ``elem``.

    Falls back to the element's position when the attribute cannot be found.
    """
    line, col = element_position(doc, elem)
    if not line or not col:
        return (line, col)
    qname = etree.QName(attr)
    names = [qname.localname]
    if qname.namespace == "http://www.w3.org/XML/1998/namespace":
        names = [f"xml:{qname.localname}"]
    elif qname.namespace:
        names = [f"{p}:{qname.localname}" for p, u in elem.nsmap.items() if p and u == qname.namespace]
    pattern = re.compile(r"(?<=\s)(?:%s)\s*=" % "|".join(map(re.escape, names)))
    for offset in range(line - 1, min(line + 20, len(doc.lines))):
        text = doc.lines[offset]
        match = pattern.search(text, col if offset == line - 1 else 0)
        if match:
            return (offset + 1, match.start() + 1)
        if ">" in text[(col if offset == line - 1 else 0):]:
            break
    return (line, col)


def resolve_path(tree: etree._ElementTree, path: str) -> tuple[etree._Element | None, str | None]:
    """The element and attribute (Clark name, or ``None``) named by an XPath location ``path``.

    Text, comment and processing-instruction steps resolve to their parent
    element. Returns ``(None, None)`` when the path does not match the tree.
    """
    node: etree._Element | None = None
    attr = None
    for match in _STEP.finditer(path or ""):
        if match.group("attr"):
            ns = match.group("ans")
            attr = f"{{{ns}}}{match.group('aname')}" if ns else match.group("aname")
            break
        if match.group("kind"):
            break
        if match.group("name") is not None:
            tag = f"{{{match.group('ns')}}}{match.group('name')}" if match.group("ns") else match.group("name")
            index = int(match.group("n"))
            candidates = [tree.getroot()] if node is None else [c for c in node if c.tag == tag]
            candidates = [c for c in candidates if c.tag == tag]
        else:
            index = int(match.group("any") or 1)
            candidates = [tree.getroot()] if node is None else [c for c in node if isinstance(c.tag, str)]
        if index > len(candidates):
            return (None, None)
        node = candidates[index - 1]
    return (node, attr)


def position(doc: Document, elem: etree._Element | None, attr: str | None = None) -> tuple[int, int]:
    """``(line, col)`` of ``elem`` or of its attribute ``attr``; ``(0, 0)`` when unknown."""
    if elem is None:
        return (0, 0)
    return attribute_position(doc, elem, attr) if attr else element_position(doc, elem)
