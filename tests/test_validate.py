"""The validation stage: located, coded messages for RELAX NG, XSD and XML faults."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiscribe import validate
from teiscribe.errors import Location, Message
from teiscribe.validate import validate_file, validate_files

INVALID = Path(__file__).resolve().parent / "data" / "invalid"
STRUCTURE = INVALID / "structure.xml"

# Manifest of tests/data/invalid/structure.xml: (line, column, fragment of the text).
STRUCTURE_FAULTS = [
    (16, 22, "stage"),  # stage inside speaker
    (17, 19, "place"),  # note/@place="nowhere"
    (18, 20, "element p"),  # p inside p
]


def _summary(messages: list[Message]) -> list[tuple[str, int, int]]:
    return [(m.code, m.location.line, m.location.col) for m in messages]


def test_sample_has_no_messages(sample_tei: Path) -> None:
    assert validate_file(sample_tei) == []


def test_invalid_document_gives_located_rng_errors() -> None:
    messages = validate_file(STRUCTURE)
    assert _summary(messages) == [("RNG001", line, col) for line, col, _ in STRUCTURE_FAULTS]
    for message, (_, _, fragment) in zip(messages, STRUCTURE_FAULTS):
        assert message.severity == "error"
        assert fragment in message.text
        assert message.location.path == str(STRUCTURE)
    assert str(messages[0]) == f"{STRUCTURE}:16:22: error RNG001 Did not expect element stage there"


def test_xsd_layer_reports_the_same_faults_at_the_same_places(monkeypatch) -> None:
    # With the RELAX NG layer silenced, the generated XSD must find each fault itself.
    monkeypatch.setattr(validate, "_rng_messages", lambda *args: [])
    messages = validate_file(STRUCTURE)
    assert _summary(messages) == [("XSD001", line, col) for line, col, _ in STRUCTURE_FAULTS]
    assert "value must be one of ['end', 'bottom'" in messages[1].text
    assert "'stage'" in messages[0].text and "{http" not in messages[0].text


def test_xsd_duplicates_of_rng_errors_are_dropped() -> None:
    codes = {m.code for m in validate_file(STRUCTURE)}
    assert codes == {"RNG001"}


def test_malformed_file_gives_exactly_one_xml001() -> None:
    messages = validate_file(INVALID / "malformed.xml")
    assert len(messages) == 1
    (message,) = messages
    assert message.code == "XML001"
    assert message.severity == "error"
    assert message.location.line == 5
    assert message.location.col > 0
    assert "mismatch" in message.text


def test_xxe_is_refused_and_never_expanded() -> None:
    messages = validate_file(INVALID / "xxe.xml")
    assert [(m.code, m.location.line) for m in messages] == [("XML001", 1)]
    assert "entities" in messages[0].text
    rendered = "\n".join(str(m) for m in messages)
    assert "root:" not in rendered
    passwd = Path("/etc/passwd")
    if passwd.exists():
        first_line = passwd.read_text(errors="replace").splitlines()[0]
        assert first_line not in rendered


def test_missing_file_is_a_message_not_an_exception(tmp_path: Path) -> None:
    missing = tmp_path / "absent.xml"
    assert _summary(validate_file(missing)) == [("XML001", 0, 0)]
    assert _summary(validate_file(tmp_path)) == [("XML001", 0, 0)]  # a folder


def test_validate_files_sorts_and_deduplicates(sample_tei: Path) -> None:
    malformed = INVALID / "malformed.xml"
    messages = validate_files([STRUCTURE, sample_tei, malformed, STRUCTURE])
    expected = validate_file(malformed) + validate_file(STRUCTURE)
    assert sorted(expected, key=lambda m: m.location) == messages
    assert len(messages) == 4
    assert [m.location for m in messages] == sorted(m.location for m in messages)
    assert messages[0].location == Location(str(malformed), 5, messages[0].location.col)


def test_schemas_are_compiled_once() -> None:
    assert validate.relaxng() is validate.relaxng()
    assert validate.xml_schema() is validate.xml_schema()


def test_xsd_layer_ignores_schema_location_hints(tmp_path: Path, sample_tei: Path) -> None:
    # xsi:schemaLocation must never make the validator fetch anything.
    text = sample_tei.read_text(encoding="utf-8").replace(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"',
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.tei-c.org/ns/1.0 http://127.0.0.1:9/x.xsd"',
        1,
    )
    doc = tmp_path / "hinted.xml"
    doc.write_text(text, encoding="utf-8")
    messages = validate_file(doc)
    # RELAX NG refuses the foreign attribute; the XSD layer neither fetches nor fails.
    assert _summary(messages) == [("RNG001", 4, 1)]
    assert "schemaLocation" in messages[0].text


@pytest.mark.parametrize("name", ["structure.xml", "malformed.xml", "xxe.xml"])
def test_every_message_is_an_error_with_a_stable_code(name: str) -> None:
    messages = validate_file(INVALID / name)
    assert messages
    assert all(m.severity == "error" and m.code in {"XML001", "RNG001", "XSD001"} for m in messages)
