"""The ISO Schematron layer: our own Schematron → XSLT 3.0 compiler, run by Saxon (saxonche).

:class:`SchematronLayer` compiles a schema once (``.sch``/``.isosch``, or the
rules embedded in an ``.rng``) and checks parsed documents, returning
findings located at the line and column of the node the SVRL ``location``
names, and the SVRL itself on request. Severity comes from the assertion's
``@role`` (``fatal``/``error`` → error, ``warn``/``warning``/``nonfatal`` →
warning, ``info``/``information`` → info; none → error). The code is the
assertion's ``@id`` when it has the project's form (``PTR001``), else
``SCH001``; a test that raises a dynamic error gives ``SCH002``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from lxml import etree

from teiscribe.errors import Message, SchemaError, location_of
from teiscribe.validate.document import Document
from teiscribe.validate.findings import Finding
from teiscribe.validate.locate import position, resolve_path
from teiscribe.validate.schematron.compiler import DYNAMIC_ERROR, SVRL_NS, compile_schematron
from teiscribe.validate.schematron.source import load_schematron

_ROLES = {"fatal": "error", "error": "error", "warn": "warning", "warning": "warning", "nonfatal": "warning",
          "info": "info", "information": "info", "tip": "info"}
_CODE = re.compile(r"^[A-Z]{2,6}\d{3}$")


@functools.lru_cache(maxsize=1)
def saxon():
    """The process's Saxon processor (created on first use; never shared across processes)."""
    from saxonche import PySaxonProcessor

    return PySaxonProcessor(license=False)


class SchematronLayer:
    """A compiled Schematron schema. ``rank`` orders layers when faults are merged."""

    def __init__(self, path: str | Path, *, phase: str | None = None, svrl: bool = False, project: bool = False):
        from saxonche import PySaxonApiError

        self.path = Path(path)
        self.layer = "project" if project else "schematron"
        self.svrl = svrl
        self.xslt = compile_schematron(load_schematron(self.path), phase=phase, fired_rules=svrl,
                                       source=str(self.path))
        try:
            self._exe = saxon().new_xslt30_processor().compile_stylesheet(stylesheet_text=self.xslt)
        except PySaxonApiError as exc:
            raise SchemaError(f"Schematron does not compile to XSLT 3.0: {' '.join(str(exc).split())[:400]}",
                              location_of(self.path)) from None

    def run(self, doc: Document) -> str:
        """The SVRL report (text) for ``doc``. Raises ``PySaxonApiError`` on a fatal run error."""
        xml = etree.tostring(doc.tree.getroot(), encoding="unicode")
        node = saxon().parse_xml(xml_text=xml)
        return self._exe.transform_to_string(xdm_node=node)

    def check(self, doc: Document) -> tuple[list[Finding], str | None]:
        """``(findings, svrl)`` for ``doc``; ``svrl`` is ``None`` unless requested."""
        from saxonche import PySaxonApiError

        try:
            report = self.run(doc)
        except PySaxonApiError as exc:
            text = f"Schematron {self.path.name} could not run: {' '.join(str(exc).split())[:300]}"
            return [Finding(Message(location_of(doc.path), "error", "SCH002", text), "schematron")], None
        return self._findings(doc, report), (report if self.svrl else None)

    def _findings(self, doc: Document, report: str) -> list[Finding]:
        svrl = etree.fromstring(report.encode("utf-8"))
        findings = []
        for node in svrl.iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
            elem, attr = resolve_path(doc.tree, node.get("location", ""))
            line, col = position(doc, elem, attr)
            text = " ".join("".join(node.find(f"{{{SVRL_NS}}}text").itertext()).split())
            details = [" ".join("".join(d.itertext()).split()) for d in node.iter(f"{{{SVRL_NS}}}diagnostic-reference")]
            if details:
                text += " — " + "; ".join(details)
            if node.get("flag") == DYNAMIC_ERROR:
                code, severity = "SCH002", "error"
                text = f"test {node.get('test')!r} could not be evaluated: {text}"
            else:
                ident = node.get("id") or ""
                code = ident if _CODE.match(ident) else "SCH001"
                severity = _ROLES.get((node.get("role") or "error").lower(), "error")
            message = Message(location_of(doc.path, line, col), severity, code, text or node.get("test", ""))
            findings.append(Finding(message, self.layer, etree.QName(attr).localname if attr else None))
        return findings
