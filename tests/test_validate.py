"""The validation stage: every invalid document gives exactly its manifest's codes and lines.

``tests/data/validate/invalid/manifest.json`` lists, per document, the
``[code, line]`` pairs the project schemas (RELAX NG + XSD + teiscribe.sch)
must report and nothing else (sissaschool/xmlschema keeps such manifests).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from teiscribe import validate
from teiscribe.errors import Location
from teiscribe.validate import validate_file, validate_files
from teiscribe.validate.codes import CODES
from teiscribe.validate.document import load_document

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
INVALID = DATA / "validate" / "invalid"
MANIFEST = {k: v for k, v in json.loads((INVALID / "manifest.json").read_text()).items() if not k.startswith("_")}
STRUCTURE = DATA / "invalid" / "structure.xml"
EDITION = ROOT / "edition" / "wcda-112080.xml"


def _summary(messages) -> list[tuple[str, int]]:
    return [[m.code, m.location.line] for m in messages]


def test_manifest_covers_every_invalid_document() -> None:
    assert sorted(MANIFEST) == sorted(p.name for p in INVALID.glob("*.xml"))
    assert len(MANIFEST) >= 16
    kinds = {code for pairs in MANIFEST.values() for code, _ in pairs}
    assert {"RNG001", "PTR001", "ID001", "LANG001", "NOTE003", "NS001", "XML001", "XML002", "XML003"} <= kinds


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_invalid_document_gives_exactly_its_manifest(name: str) -> None:
    messages = validate_file(INVALID / name)
    assert _summary(messages) == MANIFEST[name]
    for message in messages:
        assert message.code in CODES
        assert message.severity == CODES[message.code][0]
        assert message.location.path == str(INVALID / name)


def test_edition_and_sample_are_valid_in_all_three_layers(sample_tei: Path) -> None:
    # The edition has notes n=1..4 and an orphan call <seg n="6">: no NOTE004 from a seg.
    assert validate_file(EDITION) == []
    assert validate_file(sample_tei) == []
    assert [s.kind for s in validate.project_validator().options.schemas] == ["rng", "xsd", "sch"]


def test_messages_are_located_at_the_attribute_or_element() -> None:
    by_code = {m.code: m for name in MANIFEST for m in validate_file(INVALID / name)}
    line16 = (INVALID / "bad-language.xml").read_text().splitlines()[15]
    assert by_code["LANG001"].location.col == line16.index('xml:lang="en_US"') + 1
    assert str(by_code["LANG001"]).endswith("error LANG001 @xml:lang 'en_US' is not a well-formed BCP 47 "
                                             "language tag (RFC 5646), e.g. en, ru-Latn, zh-Hans-CN")
    dup = (INVALID / "duplicate-id.xml").read_text().splitlines()[16]
    assert by_code["ID001"].location == Location(str(INVALID / "duplicate-id.xml"), 17, dup.index("xml:id") + 1)
    assert by_code["NOTE004"].severity == "warning" and "from 2 to 4: note 3 missing" in by_code["NOTE004"].text
    assert "#nobody" in validate_file(INVALID / "broken-pointer.xml")[0].text
    assert "'http://example.org/a%zz'" in by_code["URI001"].text


def test_the_same_fault_from_two_layers_is_reported_once() -> None:
    # en_US is refused by teiscribe.rng, teiscribe.xsd (twice) and teiscribe.sch: one LANG001 remains.
    doc, _ = load_document(INVALID / "bad-language.xml")
    validator = validate.project_validator()
    raw = [f.message.code for spec in validator.options.schemas for f in _check(validator.layer(spec), doc)]
    assert sorted(raw) == ["LANG001", "RNG001", "XSD001", "XSD001"]
    assert _summary(validate_file(INVALID / "bad-language.xml")) == [["LANG001", 16]]


def _check(layer, doc):
    found = layer.check(doc)
    return found[0] if isinstance(found, tuple) else found


def test_structure_faults_rng_first_then_project_rules() -> None:
    messages = validate_file(STRUCTURE)
    assert [(m.code, m.location.line, m.location.col) for m in messages] == [
        ("PTR001", 15, 13), ("RNG001", 16, 22), ("RNG001", 17, 25), ("RNG001", 18, 20)]
    assert str(messages[1]) == f"{STRUCTURE}:16:22: error RNG001 Did not expect element stage there"


def test_xxe_and_billion_laughs_are_refused_before_parsing() -> None:
    for name in ("xxe.xml", "billion-laughs.xml"):
        (message,) = validate_file(INVALID / name)
        assert (message.code, message.location.line, message.location.col) == ("XML002", 2, 1)
        assert "never expands entities" in message.text
    rendered = str(validate_file(INVALID / "xxe.xml"))
    assert "root:" not in rendered


def test_remote_dtd_is_refused_and_never_fetched(monkeypatch) -> None:
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the validator tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    (message,) = validate_file(INVALID / "remote-dtd.xml")
    assert message.code == "XML003"
    assert 'SYSTEM "http://127.0.0.1:9/tei_all.dtd"' in message.text and "never loads or fetches" in message.text


def test_size_limit_and_unreadable_files(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    shutil.copy(EDITION, big)
    doc, problems = load_document(big, max_bytes=1000)
    assert doc is None and type(problems).__name__ == "Unreadable"
    assert f"over the 1000-byte limit" in problems[0].text and problems[0].code == "XML001"
    assert _summary(validate_file(tmp_path / "absent.xml")) == [["XML001", 0]]
    assert _summary(validate_file(tmp_path)) == [["XML001", 0]]


def test_validate_files_sorts_and_deduplicates(sample_tei: Path) -> None:
    malformed = INVALID / "malformed.xml"
    messages = validate_files([STRUCTURE, sample_tei, malformed, STRUCTURE])
    assert len(messages) == 5
    assert [m.location for m in messages] == sorted(m.location for m in messages)
    assert messages[0].location.path == str(STRUCTURE)  # tests/data/invalid < tests/data/validate


def test_schemas_are_compiled_once() -> None:
    assert validate.relaxng() is validate.relaxng()
    assert validate.xml_schema() is validate.xml_schema()
    assert validate.project_validator() is validate.project_validator()


def test_schema_location_hints_are_never_followed(tmp_path: Path, sample_tei: Path) -> None:
    text = sample_tei.read_text(encoding="utf-8").replace(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"',
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.tei-c.org/ns/1.0 http://127.0.0.1:9/x.xsd"', 1)
    doc = tmp_path / "hinted.xml"
    doc.write_text(text, encoding="utf-8")
    messages = validate_file(doc)
    assert [(m.code, m.location.line) for m in messages] == [("RNG001", 4)]
    assert "schemaLocation" in messages[0].text


def test_docs_list_every_code() -> None:
    text = (ROOT / "docs" / "validate.md").read_text()
    assert all(f"| `{code}` | {severity} |" in text for code, (severity, _, _) in CODES.items())
