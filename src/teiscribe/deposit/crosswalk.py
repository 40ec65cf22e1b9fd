"""Metadata crosswalks: teiHeader -> Dublin Core, DataCite, schema.org (XSLT 3.0).

The mappings live in ``xslt/crosswalk/`` and are run by Saxon (``saxonche``);
one :class:`Crosswalks` object holds one processor and compiles each
stylesheet at most once. Typical use::

    walks = Crosswalks()
    records = walks.records(tei, deposit_date="2025-01-31")   # {suffix: bytes}

========================  ===================  ===================================
record (file suffix)      stylesheet           standard
========================  ===================  ===================================
``.oai_dc.xml``           ``oai_dc.xsl``       DCMI Metadata Terms (/elements/1.1/)
                                               in OAI-PMH 2.0 ``oai_dc``
``.datacite.xml``         ``datacite.xsl``     DataCite Metadata Schema 4.7
``.jsonld``               ``jsonld.xsl``       schema.org in JSON-LD 1.1
========================  ===================  ===================================

Field-by-field mappings: ``docs/deposit.md``. The TEI is parsed with
:func:`teiscribe.xmlio.parse_xml` (no network, no entities) before Saxon sees
it; stylesheet failures become :class:`~teiscribe.errors.SchemaError`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import etree
from saxonche import PySaxonApiError, PySaxonProcessor

from teiscribe.errors import SchemaError, location_of
from teiscribe.resources import xslt_path
from teiscribe.xmlio import parse_xml

RECORDS = {
    ".oai_dc.xml": "crosswalk/oai_dc.xsl",
    ".datacite.xml": "crosswalk/datacite.xsl",
    ".jsonld": "crosswalk/jsonld.xsl",
}
"""Record file suffix -> stylesheet (relative to ``xslt/``), in the order written."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Crosswalks:
    """The compiled crosswalk stylesheets for one run (not thread-safe).

    ``compilations`` counts compilations per stylesheet; it stays at 1 per
    stylesheet however many documents are processed.
    """

    def __init__(self) -> None:
        self._processor: PySaxonProcessor | None = None
        self._executables: dict[str, object] = {}
        self.compilations: dict[str, int] = {}

    def records(self, tei: Path, *, deposit_date: str) -> dict[str, bytes]:
        """All metadata records of the TEI file ``tei``: ``{suffix: UTF-8 bytes}``.

        ``deposit_date`` is ``YYYY-MM-DD``; DataCite takes its year as
        ``publicationYear`` when the header has no ``publicationStmt/date``.
        Raises :class:`~teiscribe.errors.InputError` for unreadable or unsafe
        XML and :class:`SchemaError` when a stylesheet fails.
        """
        if not _ISO_DATE.match(deposit_date):
            raise ValueError(f"deposit_date must be YYYY-MM-DD, not {deposit_date!r}")
        text = etree.tostring(parse_xml(tei), encoding="unicode")
        out = {}
        for suffix, relative in RECORDS.items():
            out[suffix] = self._run(relative, text, tei, {"deposit-date": deposit_date})
        # Saxon's JSON indentation is irregular: re-indent (key order is kept).
        out[".jsonld"] = (json.dumps(json.loads(out[".jsonld"]), ensure_ascii=False, indent=2) + "\n").encode()
        return out

    def _executable(self, relative: str):
        executable = self._executables.get(relative)
        if executable is None:
            if self._processor is None:
                self._processor = PySaxonProcessor(license=False)
            path = xslt_path(relative)
            if not path.is_file():
                raise SchemaError("stylesheet is missing", location_of(path))
            try:
                executable = self._processor.new_xslt30_processor().compile_stylesheet(
                    stylesheet_file=str(path))
            except PySaxonApiError as exc:
                raise SchemaError(f"cannot compile stylesheet: {_clean(exc)}", location_of(path)) from None
            self.compilations[relative] = self.compilations.get(relative, 0) + 1
            self._executables[relative] = executable
        return executable

    def _run(self, relative: str, text: str, tei: Path, params: dict[str, str]) -> bytes:
        executable = self._executable(relative)
        processor = self._processor
        node = processor.parse_xml(xml_text=text)
        executable.clear_parameters()
        if relative.endswith("datacite.xsl"):  # the only stylesheet with a parameter
            for name, value in params.items():
                executable.set_parameter(name, processor.make_string_value(value))
        try:
            result = executable.transform_to_string(xdm_node=node)
        except PySaxonApiError as exc:
            raise SchemaError(f"crosswalk of {tei} failed: {_clean(exc)}", location_of(xslt_path(relative))) from None
        if not result:  # pragma: no cover - defensive
            raise SchemaError(f"crosswalk of {tei} produced nothing", location_of(xslt_path(relative)))
        return result.encode("utf-8")


def _clean(exc: Exception) -> str:
    return " ".join(str(exc).split())
