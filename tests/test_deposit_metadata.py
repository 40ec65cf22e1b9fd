"""Deposit metadata: the readiness check (``teiscribe deposit --check``) and the crosswalks.

The seed is converted twice through the command line: with the committed
(empty) edition configuration, whose header lacks publisher, licence and
persistent identifier, and with ``tests/data/deposit/complete.toml``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from conftest import DATA, SEED, shared_file

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI, "dc": "http://purl.org/dc/elements/1.1/", "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
      "d": "http://datacite.org/schema/kernel-4"}
CONFIGS = DATA / "deposit"


def cli_main(argv: list[str], monkeypatch=None) -> int:
    """``teiscribe.cli.main(argv)``: the exit code of one command line."""
    from teiscribe.cli import main

    return main(argv)


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, Path]:
    """The seed as TEI under each configuration: ``{"complete": path, "incomplete": path}``."""
    from teiscribe.cli import main

    out = {}
    for name in ("complete", "incomplete"):
        folder = tmp_path_factory.mktemp(name)
        assert main(["convert", str(SEED), "-o", str(folder), "--config", str(CONFIGS / f"{name}.toml")]) == 0
        (out[name],) = folder.glob("*.xml")
    return out


@pytest.fixture(scope="module")
def records(converted) -> dict[str, dict[str, bytes]]:
    """Crosswalk records of both conversions, deposit date 2025-03-01."""
    from teiscribe.deposit.crosswalk import Crosswalks

    walks = Crosswalks()
    result = {name: walks.records(tei, deposit_date="2025-03-01") for name, tei in converted.items()}
    assert set(walks.compilations.values()) == {1}  # compiled once for both documents
    return result


def header(tei: Path) -> etree._ElementTree:
    return etree.parse(str(tei))


def line_of(tei: Path, needle: str) -> int:
    return next(n for n, line in enumerate(tei.read_text("utf-8").splitlines(), 1) if needle in line)


# -- readiness ----------------------------------------------------------------

def test_seed_edition_without_publisher_licence_or_identifier_is_not_ready(converted, monkeypatch, capsys):
    tei = converted["incomplete"]
    assert cli_main(["deposit", "--check", str(tei.parent)], monkeypatch) == 1
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert [line.split()[2] for line in lines] == ["READY003", "READY001", "READY002"]  # sorted by location
    publication = line_of(tei, "<publicationStmt>")
    assert lines[0].startswith(f"{tei}:{publication}:7: error READY003 no persistent identifier: "
                               'fill teiHeader/fileDesc/publicationStmt/idno[@type="URI"] from teiscribe.toml '
                               "[edition] base_url")
    assert lines[1] == (f"{tei}:{publication + 1}:9: error READY001 no publisher: fill "
                        "teiHeader/fileDesc/publicationStmt/publisher from teiscribe.toml [edition] publisher, "
                        "then run `teiscribe build`")
    assert lines[2].startswith(f"{tei}:{line_of(tei, '<availability')}:9: error READY002 no licence URI: fill "
                               "teiHeader/fileDesc/publicationStmt/availability/licence/@target from teiscribe.toml "
                               "[edition] licence_url and licence")
    assert out == f"{tei}: not ready (READY001, READY002, READY003)\n"


def test_completed_header_is_ready(converted, monkeypatch, capsys):
    assert cli_main(["deposit", "--check", str(converted["complete"].parent)], monkeypatch) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out == f"{converted['complete']}: ready for deposit\n"


STRIPPED = [  # code, what to remove from the complete header, the element the message points at
    ("READY001", "//t:publicationStmt/t:publisher/text()", "//t:publicationStmt/t:publisher"),
    ("READY002", "//t:licence/@target", "//t:availability/t:licence"),
    ("READY003", "//t:publicationStmt/t:idno[@type='URI']", "//t:publicationStmt"),
    ("READY004", "//t:titleStmt/t:title", "//t:titleStmt"),
    ("READY005", "//t:creation/t:date/@when", "//t:creation/t:date"),
    ("READY006", "//t:langUsage", "//t:profileDesc"),
    ("READY007", "//t:sourceDesc/*", "//t:sourceDesc"),
    ("READY008", "//t:respStmt[@xml:id='translator']", "//t:titleStmt"),
    ("READY009", "//t:profileDesc/t:abstract", "//t:profileDesc"),
]


@pytest.mark.parametrize("code, strip, at", STRIPPED, ids=[s[0] for s in STRIPPED])
def test_readiness_reports_each_missing_field(converted, tmp_path, code, strip, at):
    from teiscribe.deposit.readiness import REQUIREMENTS, check_file

    tree = header(converted["complete"])
    for node in tree.xpath(strip, namespaces=NS):
        if isinstance(node, etree._Element):
            node.getparent().remove(node)
        elif node.is_attribute:
            del node.getparent().attrib[node.attrname]
        else:
            node.getparent().text = ""
    stripped = tmp_path / "stripped.xml"
    tree.write(str(stripped), encoding="UTF-8", xml_declaration=True)
    _, messages = check_file(stripped)
    assert [m.code for m in messages] == [code]
    requirement = next(r for r in REQUIREMENTS if r.code == code)
    (message,) = messages
    assert message.severity == ("warning" if code == "READY009" else "error")
    assert f"fill {requirement.path} {requirement.fills}" in message.text
    (target,) = header(stripped).xpath(at, namespaces=NS)
    assert (message.location.path, message.location.line) == (str(stripped), target.sourceline)
    line = stripped.read_text("utf-8").splitlines()[target.sourceline - 1]
    assert message.location.col == line.index(f"<{etree.QName(target).localname}") + 1


def test_readiness_rejects_a_licence_that_is_not_a_uri(converted, tmp_path):
    from teiscribe.deposit.readiness import check_file

    text = converted["complete"].read_text("utf-8").replace(
        'target="https://creativecommons.org/licenses/by/4.0/"', 'target="CC BY 4.0"')
    (tmp_path / "x.xml").write_text(text, "utf-8")
    _, messages = check_file(tmp_path / "x.xml")
    assert [(m.code, m.text.split(":")[0]) for m in messages] == [
        ("READY002", "licence/@target 'CC BY 4.0' is not an absolute URI")]


def test_header_facts_hold_the_header_values(converted):
    from teiscribe.deposit.readiness import check_file

    facts, _ = check_file(converted["complete"])
    assert facts.id == "wcda-112080"
    assert facts.publisher == "Cold War Conversations Project"
    assert facts.licence == "CC BY 4.0"
    assert facts.licence_uri == "https://creativecommons.org/licenses/by/4.0/"
    assert facts.pids == ("https://edition.example.org/wcda-112080",)
    assert facts.date == "1958-07-31"
    assert facts.languages[0] == "en"
    assert facts.responsible == ("Vladislav M. Zubok",)


# -- crosswalks -----------------------------------------------------------------

def test_dublin_core_values_equal_the_header(converted, records):
    tei = header(converted["complete"])
    dc = etree.fromstring(records["complete"][".oai_dc.xml"])
    assert dc.tag == "{http://www.openarchives.org/OAI/2.0/oai_dc/}dc"

    def values(name):
        return [" ".join(e.text.split()) for e in dc.findall(f"dc:{name}", NS)]

    def tei_values(path):
        return [" ".join("".join(n.itertext() if isinstance(n, etree._Element) else n).split())
                for n in tei.xpath(path, namespaces=NS)]

    assert values("title") == tei_values("//t:titleStmt/t:title[@type='main']")
    assert values("creator") == tei_values("//t:titleStmt/t:respStmt[@xml:id='translator']/t:persName")
    assert values("publisher") == tei_values("//t:publicationStmt/t:publisher")
    assert values("date") == tei_values("//t:profileDesc/t:creation/t:date/@when")
    assert values("language") == tei_values("//t:langUsage/t:language/@ident")
    assert values("description") == tei_values("//t:profileDesc/t:abstract")
    assert values("rights") == tei_values("//t:licence/@target") + tei_values("//t:licence")
    assert sorted(values("identifier")) == sorted(tei_values("//t:publicationStmt/t:idno"))
    assert values("identifier")[0] == tei_values("//t:publicationStmt/t:idno[@type='URI']")[0]
    bibl = tei.xpath("//t:sourceDesc/t:bibl", namespaces=NS)[0]
    assert values("source") == [" ".join("".join(bibl.xpath(".//text()[not(ancestor::t:idno or ancestor::t:textLang)]",
                                                             namespaces=NS)).split())]
    # and the values themselves
    assert values("publisher") == ["Cold War Conversations Project"]
    assert values("date") == ["1958-07-31"]
    assert values("language") == ["en", "ru-Latn"]
    assert values("rights") == ["https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"]
    assert values("type") == ["Text"] and values("format") == ["application/tei+xml"]
    assert values("source")[0].endswith("Translated by Vladislav M. Zubok. "
                                        "http://digitalarchive.wilsoncenter.org/document/112080")


def test_dublin_core_leaves_out_what_the_header_lacks(records):
    dc = etree.fromstring(records["incomplete"][".oai_dc.xml"])
    assert dc.find("dc:publisher", NS) is None and dc.find("dc:rights", NS) is None
    assert [e.text for e in dc.findall("dc:identifier", NS)] == ["wcda-112080"]


@pytest.mark.parametrize("name", ["complete", "incomplete"])
def test_datacite_is_valid_against_the_kernel_4_7_schema(records, name):
    import xmlschema

    schema = xmlschema.XMLSchema(str(shared_file("datacite/kernel-4.7/metadata.xsd")), allow="sandbox",
                                 defuse="always")
    document = etree.fromstring(records[name][".datacite.xml"])
    errors = list(schema.iter_errors(xmlschema.XMLResource(document, allow="none", defuse="always")))
    assert errors == []


def test_datacite_values_come_from_the_header(records):
    d = etree.fromstring(records["complete"][".datacite.xml"])

    def one(path):
        (found,) = d.xpath(path, namespaces=NS)
        return found if isinstance(found, str) else found.text

    assert one("d:identifier/@identifierType") == "URL"
    assert one("d:identifier") == "https://edition.example.org/wcda-112080"
    assert one("d:creators/d:creator/d:creatorName") == "Vladislav M. Zubok"
    assert one("d:titles/d:title") == ("First Conversation between N.S. Khrushchev and Mao Zedong, "
                                       "Hall of Huaizhentan [Beijing]")
    assert one("d:publisher") == "Cold War Conversations Project"
    assert one("d:publicationYear") == "2025"  # no publicationStmt/date: the deposit year
    assert one("d:resourceType/@resourceTypeGeneral") == "Text"
    assert one("d:contributors/d:contributor/@contributorType") == "Translator"
    assert one("d:dates/d:date[@dateType='Coverage']") == "1958-07-31"
    assert one("d:language") == "en"
    assert one("d:rightsList/d:rights/@rightsURI") == "https://creativecommons.org/licenses/by/4.0/"
    assert one("d:rightsList/d:rights/@rightsIdentifier") == "CC-BY-4.0"
    assert one("d:relatedIdentifiers/d:relatedIdentifier[@relationType='IsDerivedFrom']") == (
        "http://digitalarchive.wilsoncenter.org/document/112080")
    assert one("d:alternateIdentifiers/d:alternateIdentifier[@alternateIdentifierType='teiscribe']") == "wcda-112080"


def test_datacite_marks_missing_mandatory_values_unavailable(records):
    d = etree.fromstring(records["incomplete"][".datacite.xml"])
    assert d.findtext("d:publisher", namespaces=NS) == ":unav"
    assert d.find("d:identifier", NS).attrib == {"identifierType": "teiscribe"}
    assert d.find("d:rightsList", NS) is None


def test_schema_org_json_ld_values_come_from_the_header(records):
    data = json.loads(records["complete"][".jsonld"])
    assert data["@context"] == "https://schema.org" and data["@type"] == "CreativeWork"
    assert data["@id"] == data["url"] == "https://edition.example.org/wcda-112080"
    assert data["name"].startswith("First Conversation between N.S. Khrushchev and Mao Zedong")
    assert data["inLanguage"] == "en" and data["temporalCoverage"] == "1958-07-31"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["publisher"] == {"@type": "Organization", "name": "Cold War Conversations Project", "location": "Berlin"}
    assert data["translator"] == [{"@type": "Person", "name": "Vladislav M. Zubok"}]
    based = data["isBasedOn"]
    assert based["@type"] == "ArchiveComponent" and based["url"] == "http://digitalarchive.wilsoncenter.org/document/112080"
    assert based["holdingArchive"]["name"] == "Archive of the President of the Russian Federation (APRF)"
    assert based["identifier"] == "fond 52, opis 1, delo 498"
    assert {p["name"] for p in data["mentions"]} >= {"Mao Zedong", "N.S. Khrushchev"}
    assert list(data)[:4] == ["@context", "@type", "@id", "url"]  # key order is kept


def test_schema_org_module_can_be_included_by_the_html_stylesheet(converted):
    """The HTML stylesheet xsl:includes schema-org.xsl and calls its template in <head>.

    Once xslt/html/html.xsl includes the module the real page is checked; until
    then a wrapper including both shows that no name clashes.
    """
    from saxonche import PySaxonProcessor

    from teiscribe.resources import xslt_path
    from teiscribe.transform import Stylesheets

    tei = converted["complete"]
    if "../crosswalk/schema-org.xsl" in xslt_path("html/html.xsl").read_text("utf-8"):
        page = Stylesheets().to_html(tei)
    else:
        wrapper = f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:cw="urn:x-teiscribe:crosswalk">
          <xsl:include href="{xslt_path('html/html.xsl').as_uri()}"/>
          <xsl:include href="{xslt_path('crosswalk/schema-org.xsl').as_uri()}"/>
          <xsl:template match="/" priority="10"><head><xsl:call-template name="cw:json-ld-script"/></head></xsl:template>
        </xsl:stylesheet>"""
        processor = PySaxonProcessor(license=False)
        executable = processor.new_xslt30_processor().compile_stylesheet(stylesheet_text=wrapper)
        node = processor.parse_xml(xml_text=tei.read_text("utf-8"))
        page = executable.transform_to_string(xdm_node=node).encode()
    tree = etree.fromstring(page, etree.HTMLParser())
    (script,) = tree.xpath("//head/script[@type='application/ld+json']")
    data = json.loads(script.text)
    assert data["url"] == "https://edition.example.org/wcda-112080"
    assert data["publisher"]["name"] == "Cold War Conversations Project"
    assert "</" not in script.text
