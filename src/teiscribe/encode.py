"""Stage 3, encode: a :class:`teiscribe.model.Document` becomes TEI P5 XML.

The output is pretty-printed only where TEI content is element-only
(``teiHeader``, ``div``, ``sp``, ...): mixed content such as ``p``,
``stage`` or ``note`` is never re-indented, so no whitespace is added to the
text. The output records a digest of itself (``revisionDesc``) so that a
later build can tell a pristine file from one an editor changed by hand
(see :func:`is_pristine`). Encoding is deterministic: the same document
gives the same bytes.
"""

from __future__ import annotations

import hashlib
import re

from lxml import etree

from teiscribe import TEI_NS
from teiscribe.config import EditionConfig
from teiscribe.model import Block, Document, Node, walk
from teiscribe.rules.languages import language_label

XML_NS = "http://www.w3.org/XML/1998/namespace"
DIGEST_TYPE = "teiscribe-digest"
_DIGEST = re.compile(rb'(<idno type="' + DIGEST_TYPE.encode() + rb'">)([0-9a-f]{64})(</idno>)')
BLANK_DIGEST = "0" * 64
_ELEMENT_ONLY = set(
    "TEI teiHeader fileDesc titleStmt respStmt publicationStmt availability notesStmt list sourceDesc "
    "msDesc msIdentifier altIdentifier msContents msItem encodingDesc appInfo application editorialDecl "
    "correction normalization interpretation hyphenation segmentation profileDesc abstract langUsage "
    "particDesc listPerson person revisionDesc text body div sp".split())
def editorial_policy(doc: Document) -> dict[str, str]:
    """The ``editorialDecl`` paragraphs (TEI P5 HD 5.3) that describe what this conversion did."""
    kinds = {node.kind for block in _blocks(doc.body) for node in walk(block.content + block.delivery)}
    translator = "the translator" if doc.metadata.translator else "an unnamed translator or editor"
    policy = {
        "normalization": "Line endings, byte-order marks and no-break spaces were normalised; Markdown "
        "syntax (emphasis, escapes, headings) was removed and its meaning encoded. No spelling was normalised.",
        "correction": "No correction was applied. Damaged characters are kept as they stand and reported."
        if not doc.corrected else "The editor's corrections were applied as choice, keeping the source's "
        "reading in sic beside the correction in corr; other damaged characters are kept and reported.",
        "interpretation": "Square brackets were classified: transliterated words of the original language "
        f"became foreign with a BCP 47 tag; insertions by {translator} became supplied (reason identification, "
        "variant-name, gloss, clarification or omitted); letters completing an abbreviation became ex inside "
        "expan; [sic] became sic around the words it qualifies. Note calls became note elements at the point "
        "of reference, numbered by n. Parenthesised directions became stage type=delivery; third-person "
        "narration became stage type=novelistic.",
    }
    if "pb" in kinds or any(b.kind == "pb" for b in _blocks(doc.body)):
        policy["hyphenation"] = "Paragraphs split by a page break in the source were joined; pb marks the join."
    return policy


def _blocks(blocks):
    for block in blocks:
        yield block
        yield from _blocks(block.blocks)




def E(tag: str, *children, **attrs) -> etree._Element:  # noqa: N802 (element factory)
    """A TEI element ``tag`` with ``attrs`` (``xml_lang``/``xml_id`` map to ``xml:``)
    and children (elements, or strings appended as text)."""
    element = etree.Element(f"{{{TEI_NS}}}{tag}", nsmap={None: TEI_NS})
    for key, value in attrs.items():
        if value in ("", None):
            continue
        name = f"{{{XML_NS}}}{key[4:]}" if key.startswith("xml_") else key
        element.set(name, str(value))
    for child in children:
        _append(element, child)
    return element


def _append(parent: etree._Element, child) -> None:
    if child is None or child == "":
        return
    if isinstance(child, str):
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + child
        else:
            parent.text = (parent.text or "") + child
    else:
        parent.append(child)


def inline(nodes: list[Node]) -> list:
    """Model nodes → a list of TEI elements and strings."""
    out: list = []
    for node in nodes:
        kind, a = node.kind, node.attrs
        if kind == "text":
            out.append(node.text)
        elif kind == "foreign":
            out.append(E("foreign", node.text, xml_lang=a.get("lang"), rend=a.get("rend")))
        elif kind == "supplied":
            resp = f"#{a['resp']}" if a.get("resp") else None
            out.append(E("supplied", *inline(node.children), reason=a.get("reason"), resp=resp))
        elif kind in ("expan", "ex", "sic", "stage", "hi", "date", "choice", "corr"):
            attrs = {"rend": a.get("rend"), "type": a.get("type"), "when": a.get("when")}
            out.append(E(kind, node.text, *inline(node.children), **attrs))
        elif kind == "note":
            resp = f"#{a['resp']}" if a.get("resp") else None
            out.append(E("note", *inline(node.children), n=a.get("n"), place=a.get("place"), type=a.get("type"),
                         resp=resp))
        elif kind == "noteCall":
            out.append(E("seg", node.text, type="orphanNoteCall", n=a["n"]))
        elif kind == "pb":
            out.append(E("pb", n=a.get("n"), **({"break": a["break"]} if "break" in a else {})))
        elif kind == "gap":
            out.append(E("gap", E("desc", node.text), reason=a.get("reason")))
        elif kind == "persName":
            out.append(E("persName", node.text, ref=f"#{a['ref']}"))
        else:  # pragma: no cover - a rule produced a kind the encoder does not know
            raise ValueError(f"unknown model node kind {kind!r}")
    return out


def _block(block: Block) -> etree._Element:
    if block.kind == "sp":
        sp = E("sp", E("speaker", block.speaker), who=f"#{block.who}")
        if block.delivery:
            sp.append(E("stage", *inline(block.delivery), type="delivery"))
        for child in block.blocks:
            sp.append(_block(child))
        return sp
    if block.kind == "pb":
        return E("pb", n=block.attrs.get("n"))
    if block.kind == "list":
        head = [E("head", *inline(block.content))] if block.content else []
        return E("list", *head, *(E("item", *inline(item.content)) for item in block.blocks), **block.attrs)
    tag = {"subhead": "head", "head": "head"}.get(block.kind, block.kind)
    attrs = {"type": "sub"} if block.kind == "subhead" else dict(block.attrs)
    return E(tag, *inline(block.content), **attrs)


def encode(doc: Document, config: EditionConfig, schema_href: str = "../schema/") -> bytes:
    """Encode ``doc`` as a complete TEI document and return its UTF-8 bytes.

    ``schema_href`` is the folder (relative to the output file, ending in
    ``/``) of ``teiscribe.rng``/``teiscribe.xsd`` for the ``xml-model``
    processing instructions (TEI P5 Guidelines, "Associating schemas").
    """
    tei = E("TEI", xml_id=doc.id, xml_lang="en")
    from teiscribe.encode_header import build_header  # the header module builds on this one

    tei.append(build_header(doc, config))
    divs = [E("div", type="record")]
    for block in doc.body:
        opening = block.kind in ("head", "subhead") and all(
            etree.QName(child).localname == "head" for child in divs[-1])
        if block.kind in ("head", "subhead") and not opening:
            divs.append(E("div", type="record"))  # a heading after the text has started opens a section
        divs[-1].append(_block(block))
    tei.append(E("text", E("body", *divs)))
    etree.cleanup_namespaces(tei)
    indent(tei)
    pis = "".join(
        f'<?xml-model href="{schema_href}teiscribe.{ext}" type="application/xml" schematypens="{ns}"?>\n'
        for ext, ns in (("rng", "http://relaxng.org/ns/structure/1.0"), ("xsd", "http://www.w3.org/2001/XMLSchema")))
    body = etree.tostring(tei, encoding="unicode")
    data = f'<?xml version="1.0" encoding="UTF-8"?>\n{pis}{body}\n'.encode()
    return stamp(data)


def indent(element: etree._Element, level: int = 0, step: str = "  ") -> None:
    """Indent element-only content in place; mixed content is left untouched."""
    name = etree.QName(element).localname
    if name not in _ELEMENT_ONLY or not len(element) or (element.text or "").strip():
        return
    inner = "\n" + step * (level + 1)
    element.text = inner
    for child in element:
        indent(child, level + 1, step)
        child.tail = inner
    element[-1].tail = "\n" + step * level


def digest(data: bytes) -> str:
    """SHA-256 (hex) of TEI bytes with the recorded digest blanked out."""
    return hashlib.sha256(_DIGEST.sub(rb"\g<1>" + BLANK_DIGEST.encode() + rb"\3", data)).hexdigest()


def stamp(data: bytes) -> bytes:
    """Write the digest of ``data`` into its ``idno type="teiscribe-digest"``."""
    return _DIGEST.sub(lambda m: m.group(1) + digest(data).encode() + m.group(3), data)


def is_pristine(data: bytes) -> bool | None:
    """``True`` if TEI bytes are exactly as teiscribe wrote them, ``False`` if
    edited since, ``None`` if they carry no teiscribe digest (not ours)."""
    match = _DIGEST.search(data)
    if match is None:
        return None
    return match.group(2).decode() == digest(data)


def language_usage(tags: list[str]) -> list[etree._Element]:
    """``language`` elements for ``langUsage`` (TEI P5 HD 4.2.2), one per BCP 47 tag."""
    return [E("language", language_label(tag), ident=tag) for tag in tags]
