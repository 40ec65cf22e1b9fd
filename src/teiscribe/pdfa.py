"""PDF/A-3b (ISO 19005-3) and PDF/UA-1 (ISO 14289-1) completion of WeasyPrint's PDF.

WeasyPrint's ``pdf_variant="pdf/a-3b"`` writes the sRGB output intent
(``GTS_PDFA1``), a minimal XMP packet with ``pdfaid``, the print flag on
annotations and a file identifier; it embeds and subsets every font. What
it lacks, :class:`Finisher` (a WeasyPrint ``finisher``, run on the
``pydyf.PDF`` just before the trailer is written) completes:

* the TEI source as an associated file (ISO 19005-3, 6.8; ISO 32000-2,
  14.13): an ``/EmbeddedFile`` stream of subtype ``application/tei+xml`` with
  ``/Params`` (``Size``, MD5 ``CheckSum``, ``ModDate``), a ``/Filespec`` with
  ``F``/``UF``/``Desc`` and ``/AFRelationship /Source``, listed in the
  catalog's ``/Names /EmbeddedFiles`` tree and its ``/AF`` array;
* the XMP packet, rewritten from the TEI header (:mod:`teiscribe.xmp`),
  uncompressed, and an Info dictionary whose entries equal their XMP
  counterparts (ISO 19005-3, 6.6.2.3.1): Title, Author (only when there is
  exactly one creator, as ``dc:creator`` then has one entry), Subject,
  Creator, Producer, CreationDate, ModDate;
* the output intent named for what it is (``sRGB IEC61966-2.1``, registry
  ``http://www.color.org``);
* for the tagged variant: ``/ViewerPreferences /DisplayDocTitle true`` and
  ``pdfuaid:part 1`` (ISO 14289-1, 7.1); WeasyPrint writes the structure
  tree, ``/MarkInfo`` and ``/Lang``;
* with a bleed: each page's ``/BleedBox`` set to exactly the trim plus the
  bleed (WeasyPrint caps it at 10 pt from the ``/TrimBox``).

Every value is derived from the inputs and ``date``, so the bytes are the
same from run to run when the date is fixed (``SOURCE_DATE_EPOCH``).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pydyf

from teiscribe import __version__
from teiscribe.xmp import PdfMetadata, packet

TEI_MIME = "application/tei+xml"
"""MIME type of the embedded TEI source (RFC 6129)."""
MM = 72 / 25.4
"""One millimetre in PDF points."""
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:x-teiscribe:pdf")  # namespace of the XMP ids


@dataclass
class Finisher:
    """Completes the PDF for ``meta``; call it as ``finisher(document, pdf)``.

    ``source`` is the TEI file's bytes (``None``: nothing attached) and
    ``source_name`` its file name in the PDF; ``date`` the UTC instant of
    every date written; ``pdfa`` ``(part, conformance)`` or ``None`` (no
    PDF/A claim); ``pdfua`` the PDF/UA part or ``None``; ``bleed_mm`` the
    bleed for ``/BleedBox`` (0: left as WeasyPrint wrote it).
    """

    meta: PdfMetadata
    date: datetime
    source: bytes | None = None
    source_name: str = "source.xml"
    pdfa: tuple[int, str] | None = (3, "B")
    pdfua: int | None = None
    bleed_mm: float = 0.0
    producer: str = field(default="")

    def __call__(self, document, pdf: pydyf.PDF) -> None:
        from weasyprint import __version__ as weasyprint_version

        self.producer = self.producer or f"teiscribe {__version__} (WeasyPrint {weasyprint_version})"
        if self.source is not None:
            self._attach(pdf)
        self._metadata(pdf)
        self._info(pdf)
        self._output_intent(pdf)
        if self.pdfua:
            pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})
            self._link_descriptions(pdf)
        if self.bleed_mm:
            self._bleed_boxes(pdf)

    # -- parts ---------------------------------------------------------------

    def _attach(self, pdf: pydyf.PDF) -> None:
        data = self.source
        embedded = pydyf.Stream([data], pydyf.Dictionary({
            "Type": "/EmbeddedFile",
            "Subtype": "/" + TEI_MIME.replace("/", "#2f"),
            "Params": pydyf.Dictionary({
                "Size": len(data),
                "CheckSum": f"<{hashlib.md5(data, usedforsecurity=False).hexdigest()}>",
                "ModDate": pydyf.String(_pdf_date(self.date)),
            }),
        }), compress=True)
        pdf.add_object(embedded)
        filespec = pydyf.Dictionary({
            "Type": "/Filespec",
            "F": pydyf.String(self.source_name),
            "UF": pydyf.String(self.source_name),
            "EF": pydyf.Dictionary({"F": embedded.reference, "UF": embedded.reference}),
            "Desc": pydyf.String("TEI P5 source of this edition"),
            "AFRelationship": "/Source",
        })
        pdf.add_object(filespec)
        names = pydyf.Dictionary({"Names": pydyf.Array([pydyf.String(self.source_name), filespec.reference])})
        pdf.add_object(names)
        if "Names" not in pdf.catalog:
            pdf.catalog["Names"] = pydyf.Dictionary()
        pdf.catalog["Names"]["EmbeddedFiles"] = names.reference
        pdf.catalog["AF"] = pydyf.Array([filespec.reference])

    def _metadata(self, pdf: pydyf.PDF) -> None:
        digest = hashlib.sha256((self.source or b"") + repr(self.meta).encode("utf-8")).hexdigest()
        xml = packet(
            self.meta,
            producer=self.producer,
            creator_tool=f"teiscribe {__version__}",
            date=self.date.strftime("%Y-%m-%dT%H:%M:%SZ"),
            document_id=f"uuid:{uuid.uuid5(_NAMESPACE, self.meta.identifier or self.meta.title)}",
            instance_id=f"uuid:{uuid.uuid5(_NAMESPACE, digest + str((self.pdfa, self.pdfua)))}",
            pdfa=self.pdfa,
            pdfua=self.pdfua,
        )
        extra = pydyf.Dictionary({"Type": "/Metadata", "Subtype": "/XML"})
        existing = pdf.catalog.get("Metadata")
        if existing:
            stream = pdf.objects[int(bytes(existing).split()[0])]
            stream.stream, stream.extra, stream.compress = [xml], extra, False
        else:
            stream = pydyf.Stream([xml], extra, compress=False)
            pdf.add_object(stream)
            pdf.catalog["Metadata"] = stream.reference

    def _info(self, pdf: pydyf.PDF) -> None:
        meta = self.meta
        info = pdf.info
        for key in list(info):
            del info[key]
        info["Title"] = pydyf.String(meta.title)
        if len(meta.creators) == 1:
            info["Author"] = pydyf.String(meta.creators[0])
        if meta.description:
            info["Subject"] = pydyf.String(meta.description)
        info["Creator"] = pydyf.String(f"teiscribe {__version__}")
        info["Producer"] = pydyf.String(self.producer)
        info["CreationDate"] = info["ModDate"] = pydyf.String(_pdf_date(self.date))

    @staticmethod
    def _output_intent(pdf: pydyf.PDF) -> None:
        for intent in pdf.catalog.get("OutputIntents", ()):
            intent["OutputConditionIdentifier"] = pydyf.String("sRGB IEC61966-2.1")
            intent["Info"] = pydyf.String("sRGB IEC61966-2.1")
            intent["RegistryName"] = pydyf.String("http://www.color.org")

    @staticmethod
    def _link_descriptions(pdf: pydyf.PDF) -> None:
        """Readable ``/Contents`` for links inside the document (ISO 14289-1, 7.18.5):
        WeasyPrint uses the anchor name ("sp-12"); this says where the link goes."""
        for obj in pdf.objects:
            if isinstance(obj, dict) and obj.get("Subtype") == "/Link" and "Dest" in obj:
                dest = obj["Dest"]
                anchor = str(getattr(dest, "string", dest)).strip("()")
                kind, _, number = anchor.partition("-")
                text = {"sp": f"Turn {number}", "pn": "A mention of this person"}.get(kind, f"Go to {anchor}")
                obj["Contents"] = pydyf.String(text)

    def _bleed_boxes(self, pdf: pydyf.PDF) -> None:
        bleed = self.bleed_mm * MM
        for page in pdf.pages["Kids"][::3]:  # pydyf stores "N 0 R" as three items
            obj = pdf.objects[int(page)]
            left, top, right, bottom = obj["TrimBox"]
            obj["BleedBox"] = pydyf.Array([left - bleed, top - bleed, right + bleed, bottom + bleed])


def _pdf_date(instant: datetime) -> str:
    """``instant`` as a PDF date string in UTC (``D:YYYYMMDDHHmmSSZ``, ISO 32000-1, 7.9.4)."""
    return instant.astimezone(timezone.utc).strftime("D:%Y%m%d%H%M%SZ")
