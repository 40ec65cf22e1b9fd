"""PDF variants: PDF/UA-1 tagged (ISO 14289-1), plain drafts, and XMP rights from a licence."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from teiscribe.render import write_pdf
from teiscribe.transform import Stylesheets
from test_pdf_edition import xmp_of, xmp_values


@pytest.fixture(scope="module")
def sample_html(request) -> tuple[Path, bytes]:
    sample = Path(request.config.rootpath) / "tests" / "data" / "sample.xml"
    return sample, Stylesheets().to_print_html(sample)


def make(sample_html, tmp_path: Path, variant: str) -> pypdf.PdfReader:
    tei, html = sample_html
    out = tmp_path / f"{variant}.pdf"
    write_pdf(html, out, tmp_path, tei=tei, variant=variant)
    return pypdf.PdfReader(out)


def structure_types(element, found: set[str]) -> set[str]:
    element = element.get_object()
    if "/S" in element:
        found.add(str(element["/S"]))
    kids = element.get("/K")
    for kid in kids if isinstance(kids, list) else [kids]:
        if hasattr(kid, "get_object") and isinstance(kid.get_object(), dict):
            structure_types(kid, found)
    return found


def test_pdfua_variant_is_tagged_with_language_and_title(sample_html, tmp_path: Path) -> None:
    reader = make(sample_html, tmp_path, "pdfua")
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a pypdf BooleanObject
    assert root["/Lang"] == "en"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    types = structure_types(root["/StructTreeRoot"], set())
    assert {"/Document", "/P", "/H1", "/H2"} <= types, types
    assert all(page.get("/Tabs") == "/S" for page in reader.pages)
    xmp = xmp_of(reader)
    assert xmp_values(xmp, "pdfuaid:part") == ["1"]
    assert xmp_values(xmp, "pdfaid:part") == ["3"]  # still PDF/A-3b, with the extension schema for pdfuaid
    assert xmp.xpath("//pdfaSchema:namespaceURI/text()", namespaces={"pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#"}) \
        == ["http://www.aiim.org/pdfua/ns/id/"]
    assert xmp_values(xmp, "dc:title") == [reader.metadata.title]
    assert "/AF" in root
    # Every link is tagged and says where it goes (the index's page numbers go to turns).
    links = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    assert links and all("/StructParent" in a and a["/Contents"] for a in links)
    assert {a["/Contents"] for a in links if "/Dest" in a} == {"Turn 1", "Turn 2", "A mention of this person"}


def test_default_variant_is_untagged_pdfa(sample_html, tmp_path: Path) -> None:
    root = make(sample_html, tmp_path, "pdfa").trailer["/Root"]
    assert "/StructTreeRoot" not in root and "/ViewerPreferences" not in root


def test_plain_variant_claims_nothing_but_keeps_the_source(sample_html, tmp_path: Path) -> None:
    reader = make(sample_html, tmp_path, "plain")
    root = reader.trailer["/Root"]
    assert "/OutputIntents" not in root
    xmp = xmp_of(reader)
    assert xmp_values(xmp, "pdfaid:part") == [] and xmp_values(xmp, "dc:title") == [reader.metadata.title]
    assert root["/AF"][0].get_object()["/AFRelationship"] == "/Source"


def test_licence_goes_to_xmp_rights(sample_html, tmp_path: Path) -> None:
    xmp = xmp_of(make(sample_html, tmp_path, "pdfa"))
    assert xmp_values(xmp, "dc:rights") == ["CC BY 4.0"]
    assert xmp_values(xmp, "xmpRights:WebStatement") == ["https://creativecommons.org/licenses/by/4.0/"]
    assert xmp_values(xmp, "xmpRights:Marked") == ["True"]
    assert xmp_values(xmp, "dc:publisher") == ["Example Edition Project"]
    assert xmp_values(xmp, "dc:creator") == ["Jane Q. Translator"]
