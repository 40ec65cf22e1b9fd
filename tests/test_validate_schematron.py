"""The Schematron layer: our compiler (ISO features) and TEI's own tei_all.isosch through Saxon."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import shared_file
from teiscribe.errors import SchemaError
from teiscribe.validate.document import load_document
from teiscribe.validate.schematron import SchematronLayer
from teiscribe.validate.schematron.compiler import compile_schematron
from teiscribe.validate.schematron.source import load_schematron

ROOT = Path(__file__).resolve().parent.parent
EDITION = ROOT / "edition" / "wcda-112080.xml"
P_IN_P = Path(__file__).resolve().parent / "data" / "schema" / "invalid-tei" / "p-in-p.xml"

SCHEMA = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2" defaultPhase="{phase}">
  <ns prefix="t" uri="urn:t"/>
  <let name="limit" value="2"/>
  <phase id="all"><active pattern="counts"/><active pattern="inst"/><active pattern="order"/></phase>
  <phase id="order-only"><active pattern="order"/></phase>
  <pattern id="counts">
    <let name="total" value="count(//t:item)"/>
    <rule context="t:list">
      <let name="n" value="count(t:item)"/>
      <assert test="$n le $limit" id="CNT001" role="warning" diagnostics="d1">list has <value-of select="$n"/> items (<name/>, of <value-of select="$total"/>)</assert>
      <report test="@bad" subject="@bad">bad attribute on <name path=".."/></report>
    </rule>
  </pattern>
  <pattern abstract="true" id="required">
    <rule context="$parent"><assert test="$child">$parent lacks a child</assert></rule>
  </pattern>
  <pattern is-a="required" id="inst"><param name="parent" value="t:doc"/><param name="child" value="t:title"/></pattern>
  <pattern id="order">
    <rule abstract="true" id="base"><assert test="@n">item without n</assert></rule>
    <rule context="t:item[1]"><extends rule="base"/><assert test="@n = '1'">first item is not 1</assert></rule>
    <rule context="t:item"><assert test="not(following-sibling::t:item[@n = current()/@n])">n repeats</assert>
      <assert test="xs:integer(@n) gt 0" xmlns:xs="http://www.w3.org/2001/XMLSchema">n positive</assert></rule>
  </pattern>
  <diagnostics><diagnostic id="d1">limit is <value-of select="$limit"/></diagnostic></diagnostics>
</schema>"""

DOC = """<doc xmlns="urn:t">
<list bad="1"><item n="2"/><item n="x"/><item n="x"/></list>
</doc>"""


DYNAMIC = "test 'xs:integer(@n) gt 0' could not be evaluated: FORG0001: Cannot convert string \"x\" to an integer"


def _layer(tmp_path: Path, phase: str = "all", svrl: bool = False) -> SchematronLayer:
    schema = tmp_path / "rules.sch"
    schema.write_text(SCHEMA.format(phase=phase))
    return SchematronLayer(schema, svrl=svrl)


def _doc(tmp_path: Path):
    path = tmp_path / "doc.xml"
    path.write_text(DOC)
    doc, problems = load_document(path)
    assert not problems
    return doc


def test_compiler_handles_iso_features(tmp_path: Path) -> None:
    findings, svrl = _layer(tmp_path).check(_doc(tmp_path))
    got = [(f.message.code, f.message.severity, f.message.location.line, f.message.location.col, f.message.text)
           for f in findings]
    assert got == [
        # assert with let, value-of, name, diagnostics, role and an @id in the project's code form
        ("CNT001", "warning", 2, 1, "list has 3 items (list, of 3) — limit is 2"),
        # report located at its @subject (the attribute), name with @path
        ("SCH001", "error", 2, 7, "bad attribute on doc"),
        # abstract pattern instantiated with its params
        ("SCH001", "error", 1, 1, "$parent lacks a child"),  # params replace queries, not prose
        # abstract rule extended; first matching rule only per pattern; current() in a predicate
        ("SCH001", "error", 2, 15, "first item is not 1"),
        ("SCH001", "error", 2, 28, "n repeats"),
        # a dynamic error (xs:integer('x')) is reported, not fatal, and the run goes on
        ("SCH002", "error", 2, 28, DYNAMIC),
        ("SCH002", "error", 2, 41, DYNAMIC),
    ]
    assert svrl is None


def test_phases_select_patterns_and_svrl_is_complete(tmp_path: Path) -> None:
    layer = _layer(tmp_path, phase="order-only", svrl=True)
    findings, svrl = layer.check(_doc(tmp_path))
    assert [f.message.text for f in findings] == ["first item is not 1", "n repeats", DYNAMIC, DYNAMIC]
    report = etree.fromstring(svrl.encode())
    ns = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
    assert report.get("phase") == "order-only"
    assert [p.get("id") for p in report.findall("svrl:active-pattern", ns)] == ["order"]
    assert [r.get("context") for r in report.findall("svrl:fired-rule", ns)] == ["t:item[1]", "t:item", "t:item"]
    failed = report.findall("svrl:failed-assert", ns)
    assert failed[0].get("location") == "/Q{urn:t}doc[1]/Q{urn:t}list[1]/Q{urn:t}item[1]"


def test_unknown_binding_and_phase_are_schema_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sch"
    bad.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="exslt"/>')
    with pytest.raises(SchemaError, match="queryBinding 'exslt' is not supported"):
        compile_schematron(load_schematron(bad), source=str(bad))
    with pytest.raises(SchemaError, match="no phase 'nope'"):
        _layer(tmp_path, phase="nope")


def test_remote_include_is_refused(tmp_path: Path) -> None:
    sch = tmp_path / "inc.sch"
    sch.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron">'
                   '<include href="http://127.0.0.1:9/rules.sch"/></schema>')
    with pytest.raises(SchemaError) as caught:
        load_schematron(sch)
    assert caught.value.code == "SCHEMA002" and "never fetched" in caught.value.message


def test_tei_all_isosch_runs_on_valid_and_invalid_documents() -> None:
    isosch = shared_file("tei/tei_all.isosch")
    schema = load_schematron(isosch)
    assert len(schema.findall("{http://purl.oclc.org/dsdl/schematron}pattern")) == 237
    layer = SchematronLayer(isosch)
    assert "current()" in layer.xslt  # e.g. att.spanning: following::*[@xml:id=substring(current()/@spanTo,2)]
    edition, _ = load_document(EDITION)
    assert layer.check(edition)[0] == []
    invalid, _ = load_document(P_IN_P)
    (finding,) = layer.check(invalid)[0]
    assert (finding.message.code, finding.message.location.line, finding.message.location.col) == ("SCH001", 13, 16)
    assert finding.message.text == ("Abstract model violation: Paragraphs may not occur inside other paragraphs "
                                    "or ab elements.")


def test_tei_rules_using_current_fire(tmp_path: Path) -> None:
    isosch = shared_file("tei/tei_all.isosch")
    doc = tmp_path / "span.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n'
                   '<p><anchor xml:id="end"/><del spanTo="#end"/>x</p>\n'
                   '<p><del spanTo="#later"/><anchor xml:id="later"/></p></body></text></TEI>')
    parsed, _ = load_document(doc)
    findings, _ = SchematronLayer(isosch).check(parsed)
    spans = [f.message for f in findings if "spanTo" in f.message.text]
    assert [(m.location.line, m.severity) for m in spans] == [(2, "error")]
    assert "must follow the current element del" in spans[0].text


def test_embedded_rules_of_a_relax_ng_grammar_are_extracted() -> None:
    rng = shared_file("tei/tei_all.rng")
    schema = load_schematron(rng)
    embedded = etree.parse(str(rng)).iter("{http://purl.oclc.org/dsdl/schematron}pattern")
    assert len(schema.findall("{http://purl.oclc.org/dsdl/schematron}pattern")) == len(list(embedded)) == 152
    assert schema.get("queryBinding") == "xslt2"
