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
from teiscribe.transform import Stylesheets
from teiscribe.xmlio import parse_xml

RECORDS = {
    ".oai_dc.xml": "crosswalk/oai_dc.xsl",
    ".datacite.xml": "crosswalk/datacite.xsl",
    ".jsonld": "crosswalk/jsonld.xsl",
}
"""Record file suffix -> stylesheet (relative to ``xslt/``), in the order written."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Crosswalks:
    """The crosswalk stylesheets for one run (not thread-safe), compiled once each by
    a :class:`teiscribe.transform.Stylesheets` (``compilations`` counts them)."""

    def __init__(self) -> None:
        self._sheets = Stylesheets()
        self.compilations = self._sheets.compilations

    def records(self, tei: Path, *, deposit_date: str) -> dict[str, bytes]:
        """All metadata records of the TEI file ``tei``: ``{suffix: UTF-8 bytes}``.

        ``deposit_date`` is ``YYYY-MM-DD``; DataCite takes its year as
        ``publicationYear`` when the header has no ``publicationStmt/date``.
        Raises :class:`~teiscribe.errors.InputError` for unreadable or unsafe
        XML and :class:`~teiscribe.errors.SchemaError` when a stylesheet fails.
        """
        if not _ISO_DATE.match(deposit_date):
            raise ValueError(f"deposit_date must be YYYY-MM-DD, not {deposit_date!r}")
        safe = etree.tostring(parse_xml(tei), encoding="unicode").encode()  # parsed once for every record
        out = {suffix: self._sheets.run(relative, safe, {"deposit-date": deposit_date}, name=str(tei))
               for suffix, relative in RECORDS.items()}
        # Saxon's JSON indentation is irregular: re-indent (key order is kept).
        out[".jsonld"] = (json.dumps(json.loads(out[".jsonld"]), ensure_ascii=False, indent=2) + "\n").encode()
        return out
