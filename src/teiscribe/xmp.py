"""XMP metadata of the print edition, taken from the TEI header.

:func:`from_tei` reads the facts (title, translators, date, language,
licence...) from a parsed TEI document into :class:`PdfMetadata`;
:func:`packet` writes them as an XMP packet (ISO 16684-1) with the PDF/A
identification (ISO 19005-3, 6.6.4: ``pdfaid:part`` 3, ``conformance`` B) and,
for the tagged variant, the PDF/UA identification (ISO 14289-1, 5:
``pdfuaid:part`` 1) described by the PDF/A extension schema that ISO 19005-3
6.6.2.3.2 requires for a namespace it does not predefine.

Mapping (TEI → XMP; absent fields are left out, never invented):

====================================================  ==============================
``titleStmt/title[@type='main']`` (else the first)    ``dc:title`` (x-default)
``titleStmt/respStmt`` translator ``persName``        ``dc:creator`` (Seq)
``profileDesc/creation/date/@when``                   ``dc:date`` (Seq)
``TEI/@xml:lang``                                     ``dc:language`` (Bag)
``profileDesc/abstract``                              ``dc:description``
``publicationStmt/publisher``                         ``dc:publisher`` (Bag)
``availability/licence`` (text, ``@target``)          ``dc:rights``, ``xmpRights:WebStatement``, ``xmpRights:Marked``
``publicationStmt/idno[@type='URI']`` (else ``@xml:id``)  ``dc:identifier``
``sourceDesc/bibl//ref/@target``                      ``dc:source``
====================================================  ==============================
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

TEI_NS = "http://www.tei-c.org/ns/1.0"
_NS = {"t": TEI_NS}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class PdfMetadata:
    """Document facts for the PDF's XMP and Info dictionary (all plain strings)."""

    title: str
    creators: tuple[str, ...] = ()
    date: str = ""
    language: str = "en"
    description: str = ""
    publishers: tuple[str, ...] = ()
    licence: str = ""
    licence_url: str = ""
    identifier: str = ""
    source: str = ""


def _text(node) -> str:
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def from_tei(root) -> PdfMetadata:
    """:class:`PdfMetadata` from the lxml root element of a TEI document."""
    header = root.find("t:teiHeader", _NS)

    def all_of(path: str) -> list:
        return header.findall(path, _NS) if header is not None else []

    titles = all_of("t:fileDesc/t:titleStmt/t:title")
    main = [t for t in titles if t.get("type") == "main"] or titles
    translators = [
        _text(name)
        for resp in all_of("t:fileDesc/t:titleStmt/t:respStmt")
        if resp.get("{http://www.w3.org/XML/1998/namespace}id") == "translator"
        or "transl" in _text(resp.find("t:resp", _NS)).lower()
        for name in resp.findall("t:persName", _NS) + resp.findall("t:name", _NS)
    ]
    dates = all_of("t:profileDesc/t:creation/t:date") + all_of("t:fileDesc/t:sourceDesc/t:bibl/t:date")
    licences = all_of("t:fileDesc/t:publicationStmt/t:availability/t:licence")
    uris = [_text(i) for i in all_of("t:fileDesc/t:publicationStmt/t:idno") if i.get("type") == "URI"]
    refs = [r.get("target") for r in all_of("t:fileDesc/t:sourceDesc/t:bibl//t:ref") if r.get("target")]
    return PdfMetadata(
        title=_text(main[0]) if main else root.get("{http://www.w3.org/XML/1998/namespace}id", ""),
        creators=tuple(dict.fromkeys(t for t in translators if t)),
        date=next((d.get("when") for d in dates if d.get("when")), ""),
        language=root.get(XML_LANG) or "en",
        description=_text(next(iter(all_of("t:profileDesc/t:abstract")), None)),
        publishers=tuple(p for p in map(_text, all_of("t:fileDesc/t:publicationStmt/t:publisher")) if p),
        licence=_text(licences[0]) if licences else "",
        licence_url=(licences[0].get("target") or "") if licences else "",
        identifier=next((u for u in uris if u), root.get("{http://www.w3.org/XML/1998/namespace}id", "")),
        source=refs[0] if refs else "",
    )


_NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "xmpMM": "http://ns.adobe.com/xap/1.0/mm/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
}
_UA_NAMESPACES = {
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}
_UA_EXTENSION = """<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>"""


def _alt(name: str, value: str) -> str:
    return f'<{name}><rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt></{name}>'


def _list(name: str, kind: str, values) -> str:
    items = "".join(f"<rdf:li>{escape(v)}</rdf:li>" for v in values)
    return f"<{name}><rdf:{kind}>{items}</rdf:{kind}></{name}>"


def packet(meta: PdfMetadata, *, producer: str, creator_tool: str, date: str, document_id: str,
           instance_id: str, pdfa: tuple[int, str] | None = (3, "B"), pdfua: int | None = None) -> bytes:
    """The XMP packet (UTF-8 bytes, writable padding) for ``meta``.

    ``date`` is a W3C date-time (``2023-11-14T22:13:20Z``) used as
    ``xmp:CreateDate``, ``ModifyDate`` and ``MetadataDate``; ``document_id``
    and ``instance_id`` are ``uuid:`` URNs; ``producer`` and ``creator_tool``
    must equal the Info dictionary's ``/Producer`` and ``/Creator``
    (ISO 19005-3, 6.6.2.3.1). ``pdfa`` is ``(part, conformance)`` or
    ``None``; ``pdfua`` the PDF/UA part or ``None``.
    """
    namespaces = dict(_NAMESPACES, **(_UA_NAMESPACES if pdfua else {}))
    declared = " ".join(f'xmlns:{k}="{v}"' for k, v in namespaces.items())
    fields = []
    if pdfa:
        fields += [f"<pdfaid:part>{pdfa[0]}</pdfaid:part>", f"<pdfaid:conformance>{pdfa[1]}</pdfaid:conformance>"]
    if pdfua:
        fields.append(f"<pdfuaid:part>{pdfua}</pdfuaid:part>")
    fields += ["<dc:format>application/pdf</dc:format>", _alt("dc:title", meta.title)]
    if meta.creators:
        fields.append(_list("dc:creator", "Seq", meta.creators))
    if meta.description:
        fields.append(_alt("dc:description", meta.description))
    if meta.date:
        fields.append(_list("dc:date", "Seq", [meta.date]))
    fields.append(_list("dc:language", "Bag", [meta.language]))
    if meta.publishers:
        fields.append(_list("dc:publisher", "Bag", meta.publishers))
    if meta.identifier:
        fields.append(f"<dc:identifier>{escape(meta.identifier)}</dc:identifier>")
    if meta.source:
        fields.append(f"<dc:source>{escape(meta.source)}</dc:source>")
    if meta.licence:
        fields += [_alt("dc:rights", meta.licence), "<xmpRights:Marked>True</xmpRights:Marked>"]
        if meta.licence_url:
            fields.append(f"<xmpRights:WebStatement>{escape(meta.licence_url)}</xmpRights:WebStatement>")
    fields += [
        f"<xmp:CreatorTool>{escape(creator_tool)}</xmp:CreatorTool>",
        f"<xmp:CreateDate>{date}</xmp:CreateDate>",
        f"<xmp:ModifyDate>{date}</xmp:ModifyDate>",
        f"<xmp:MetadataDate>{date}</xmp:MetadataDate>",
        f"<pdf:Producer>{escape(producer)}</pdf:Producer>",
        f"<xmpMM:DocumentID>{document_id}</xmpMM:DocumentID>",
        f"<xmpMM:InstanceID>{instance_id}</xmpMM:InstanceID>",
    ]
    if pdfua and pdfa:
        fields.append(_UA_EXTENSION)
    body = "\n".join(fields)
    xml = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f'<rdf:Description rdf:about="" {declared}>\n{body}\n</rdf:Description>\n'
        "</rdf:RDF>\n</x:xmpmeta>\n"
    )
    padding = (" " * 99 + "\n") * 20  # room for in-place edits (XMP spec, part 3)
    return (xml + padding + '<?xpacket end="w"?>').encode("utf-8")
