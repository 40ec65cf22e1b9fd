"""The main job end to end, through the command line: outputs, hand edits, errors."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import SEED
from teiscribe.cli import main
from teiscribe.encode import is_pristine


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """``teiscribe build SEED -o <tmp>`` run once; returns the output folder."""
    out = tmp_path_factory.mktemp("edition")
    assert main(["build", str(SEED), "-o", str(out)]) == 0
    return out


def test_build_writes_tei_html_and_pdf(built):
    assert (built / "wcda-112080.xml").read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    html = (built / "html" / "wcda-112080.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert (built / "html" / "edition.css").exists()
    reader = PdfReader(built / "pdf" / "wcda-112080.pdf")
    assert len(reader.pages) > 20
    first = reader.pages[0].extract_text()
    assert "First Conversation between N.S." in first


def test_built_tei_validates_from_the_command_line(built, capsys):
    assert main(["validate", str(built / "wcda-112080.xml")]) == 0
    assert "valid" in capsys.readouterr().err


def test_xml_model_points_at_real_schemas(built):
    data = (built / "wcda-112080.xml").read_text(encoding="utf-8")
    hrefs = re.findall(r'<\?xml-model href="([^"]+)"', data)
    assert [Path(h).name for h in hrefs] == ["teiscribe.rng", "teiscribe.xsd"]
    for href in hrefs:
        assert (built / href).resolve().is_file()


def test_every_footnote_on_the_page_of_its_call(built):
    pages = [re.sub(r"\s+", " ", re.sub(r"[-\u2010]\n", "", p.extract_text()))  # undo hyphenation
             for p in PdfReader(built / "pdf" / "wcda-112080.pdf").pages]
    pairs = {"from Yudin": "Pavel Yudin was Soviet ambassador", "conversations with you": "For Chinese records",
             "Vostoke": "Reference to the Lebanon Crisis", "ambassador is absent": "This was stipulated"}
    for call_context, note_start in pairs.items():
        call_pages = [i for i, t in enumerate(pages) if call_context in t.replace("\n", " ")]
        note_pages = [i for i, t in enumerate(pages) if note_start in t.replace("\n", " ")]
        assert note_pages and set(note_pages) <= set(call_pages), (call_context, call_pages, note_pages)


def test_rebuild_is_byte_identical(built, tmp_path):
    before = (built / "wcda-112080.xml").read_bytes()
    assert main(["convert", str(SEED), "-o", str(built)]) == 0
    assert (built / "wcda-112080.xml").read_bytes() == before


def test_hand_edits_are_kept_and_force_keeps_a_backup(tmp_path, capsys):
    assert main(["convert", str(SEED), "-o", str(tmp_path)]) == 0
    tei = tmp_path / "wcda-112080.xml"
    edited = tei.read_bytes().replace(b"<p>Good.</p>", b"<p>Good, very good.</p>")
    tei.write_bytes(edited)
    assert is_pristine(edited) is False
    capsys.readouterr()
    assert main(["build", str(SEED), "-o", str(tmp_path), "--no-pdf"]) == 0
    out = capsys.readouterr()
    assert "EDIT001" in out.err and "hand-edited TEI kept" in out.out
    assert tei.read_bytes() == edited
    assert "Good, very good." in (tmp_path / "html" / "wcda-112080.html").read_text(encoding="utf-8")
    assert main(["convert", str(SEED), "-o", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "wcda-112080.xml.bak").read_bytes() == edited
    assert is_pristine(tei.read_bytes()) is True


@pytest.mark.parametrize(
    ("argv", "code", "pattern"),
    [
        (["build", "no/such.txt"], 3, r"^no/such\.txt: error INPUT001 no such file or folder"),
        (["validate", "no/such.xml"], 3, r"no/such\.xml.* XML001 "),
        (["build", "--page-size", "B9"], 2, r"invalid choice"),
        ([], 2, r"required: COMMAND"),
    ],
)
def test_bad_input_gives_located_message_and_exit_code(argv, code, pattern, capsys):
    with pytest.raises(SystemExit) if code == 2 else _nothing() as caught:
        result = main(argv)
    result = caught.value.code if code == 2 else result
    assert result == code
    err = capsys.readouterr().err
    assert re.search(pattern, err, re.M), err
    assert "Traceback" not in err


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (b"", 3, "transcript is empty"),
        (b"\x00\x01\x02binary", 3, "NUL bytes"),
        (b"**Title**\n\n**Citation:**\n\nSomething.\n", 3, "no record text after the metadata block"),
    ],
)
def test_unreadable_transcripts(tmp_path, capsys, content, code, message):
    seed = tmp_path / "bad.txt"
    seed.write_bytes(content)
    out = tmp_path / "out"
    assert main(["convert", str(seed), "-o", str(out)]) == code
    err = capsys.readouterr().err
    assert err.startswith(f"{seed}:") and message in err
    assert not out.exists() or not any(out.iterdir())


def test_windows_1252_crlf_bom_and_plain_labels(tmp_path, capsys):
    seed = tmp_path / "cp.txt"
    seed.write_bytes("**A. Ivanov:** We met in Köln [v Kel'ne].\r\n\r\n**B. Petrov:** Yes.\r\n".encode("cp1252"))
    assert main(["convert", str(seed), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "READ001" in err and f"{seed}:1" in err
    data = (tmp_path / "out" / "cp.xml").read_text(encoding="utf-8")
    assert "Köln" in data and '<sp who="#ivanov">' in data


def test_malformed_config_is_located(tmp_path, capsys):
    config = tmp_path / "bad.toml"
    config.write_text("[edition]\npublisher = \n", encoding="utf-8")
    assert main(["build", str(SEED), "-o", str(tmp_path), "--config", str(config)]) == 3
    err = capsys.readouterr().err
    assert re.search(rf"^{re.escape(str(config))}:2:\d+: error CONF002 malformed TOML", err, re.M), err
    unknown = tmp_path / "unknown.toml"
    unknown.write_text('[edition]\npublsher = "X"\n', encoding="utf-8")
    assert main(["build", str(SEED), "-o", str(tmp_path), "--config", str(unknown)]) == 3
    assert "unknown key(s) in [edition]: publsher" in capsys.readouterr().err


def test_configured_publisher_and_licence_reach_the_header(tmp_path):
    config = tmp_path / "ed.toml"
    config.write_text('[edition]\npublisher = "Example Press"\nlicence = "CC BY 4.0"\n'
                      'licence_url = "https://creativecommons.org/licenses/by/4.0/"\n'
                      'base_url = "https://example.org/ed/"\n', encoding="utf-8")
    assert main(["convert", str(SEED), "-o", str(tmp_path), "--config", str(config)]) == 0
    data = (tmp_path / "wcda-112080.xml").read_text(encoding="utf-8")
    assert "<publisher>Example Press</publisher>" in data
    assert '<availability status="free"><licence target="https://creativecommons.org/licenses/by/4.0/">' \
           'CC BY 4.0</licence></availability>' in data.replace("\n", "").replace("  ", "")
    assert '<idno type="URI">https://example.org/ed/wcda-112080</idno>' in data


def test_model_dump_is_json(capsys):
    import json

    assert main(["convert", str(SEED), "--to", "model"]) == 0
    model = json.loads(capsys.readouterr().out)
    assert model["id"] == "wcda-112080"
    assert sum(b["kind"] == "sp" for b in model["body"]) == 268


def test_report_lists_uncertain_decisions(tmp_path):
    import json

    report = tmp_path / "report.json"
    assert main(["convert", str(SEED), "-o", str(tmp_path), "--report", str(report)]) == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    uncertain = [d for d in data["decisions"] if not d["certain"]]
    assert data["uncertain"] == len(uncertain) > 0
    assert any(d["source"] == "[guerillas]" and d["line"] == 193 for d in uncertain)


def test_python_dash_m_entry_point():
    result = subprocess.run([sys.executable, "-m", "teiscribe", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("teiscribe ")


def convert_text(tmp_path, text: str | bytes, name: str = "t.txt"):
    """Convert a small transcript; return (exit code, TEI text or "", stderr)."""
    seed = tmp_path / name
    seed.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    out = tmp_path / "out"
    import io
    from contextlib import redirect_stderr, redirect_stdout

    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        code = main(["convert", str(seed), "-o", str(out)])
    tei = next(out.glob("*.xml"), None) if out.exists() else None
    return code, tei.read_text(encoding="utf-8") if tei else "", err.getvalue()


def test_page_reference_becomes_pb(tmp_path):
    code, tei, _ = convert_text(tmp_path, "**A. Ivanov:** We met [Page 5] in the hall.\n\n[Page 6]\n\n**B. Petrov:** Yes.\n")
    assert code == 0
    assert 'We met <pb n="5"/> in the hall.' in tei
    assert '<pb n="6"/>' in tei


def test_control_characters_are_replaced_and_located(tmp_path):
    code, tei, err = convert_text(tmp_path, "**A. Ivanov:** Bell\x07 and form\x0cfeed.\n\n**B. Petrov:** Yes.\n")
    assert code == 0
    assert "Bell\ufffd and form\ufffdfeed." in tei
    assert re.search(r"t\.txt:1:20: warning DAMAGE002 control character U\+0007", err), err
    assert "Traceback" not in err


def test_label_with_colon_outside_the_bold(tmp_path):
    code, tei, _ = convert_text(tmp_path, "**Mao Zedong:** Good.\n\n**N.S. Khrushchev**: Hi there.\n")
    assert code == 0
    assert tei.count("<sp ") == 2 and '<sp who="#khrushchev">' in tei


def test_namesakes_stay_apart(tmp_path):
    code, tei, _ = convert_text(tmp_path, "**A. Gromyko:** One.\n\n**L. Gromyko:** Two.\n\n**A. Gromyko:** Three.\n")
    assert code == 0
    assert re.findall(r'<sp who="#([^"]+)"', tei) == ["gromyko", "gromyko-2", "gromyko"]


def test_single_letter_labels_and_no_metadata(tmp_path):
    code, tei, err = convert_text(tmp_path, "**A:** Hello.\n\n**B:** Hi [nakrucheno].\n\n**A:** Bye.\n")
    assert code == 0
    assert re.findall(r'<person xml:id="([^"]+)"', tei) == ["a", "b"]
    assert '<foreign xml:lang="und-Latn" rend="brackets">nakrucheno</foreign>' in tei
    assert "META001" in err


def test_utf16_with_bom(tmp_path):
    code, tei, _ = convert_text(tmp_path, "**A. Ivanov:** Привет, Köln.\n".encode("utf-16"))
    assert code == 0 and '<foreign xml:lang="und-Cyrl">Привет</foreign>, Köln.' in tei


def test_duplicate_document_ids_are_refused(tmp_path, capsys):
    (tmp_path / "seeds").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "seeds" / name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["build", str(tmp_path / "seeds"), "-o", str(tmp_path / "out"), "--no-pdf"]) == 3
    assert "BUILD002" in capsys.readouterr().err


def test_invalid_hand_edit_is_reported_not_published(tmp_path, capsys):
    assert main(["convert", str(SEED), "-o", str(tmp_path)]) == 0
    tei = tmp_path / "wcda-112080.xml"
    tei.write_bytes(tei.read_bytes().replace(b"<p>Good.</p>", b"<p>Good.<foo>x</foo></p>"))
    capsys.readouterr()
    assert main(["build", str(SEED), "-o", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert re.search(r"wcda-112080\.xml:\d+:\d+: error RNG001 ", captured.err)
    assert "not published (invalid TEI)" in captured.out
    assert not (tmp_path / "html" / "wcda-112080.html").exists()
    assert main(["render", str(tei), "-o", str(tmp_path)]) == 1


def test_config_sections_and_uris_are_checked(tmp_path, capsys):
    from teiscribe.config import load_config

    bad = tmp_path / "a.toml"
    bad.write_text('[editon]\npublisher = "X"\n', encoding="utf-8")
    assert main(["build", "-o", str(tmp_path), "--config", str(bad)]) == 3
    assert "unknown section(s): editon" in capsys.readouterr().err
    ok = tmp_path / "b.toml"
    ok.write_text('[edition]\nbase_url = "https://ed.example.org"\n', encoding="utf-8")
    assert load_config(ok).base_url == "https://ed.example.org/"
    ok.write_text('[edition]\nlicence_url = "not a url"\n', encoding="utf-8")
    assert main(["build", "-o", str(tmp_path), "--config", str(ok)]) == 3
    assert "is not an absolute URI" in capsys.readouterr().err


def test_publication_date_from_config(tmp_path, capsys):
    config = tmp_path / "ed.toml"
    config.write_text('[edition]\npublisher = "P"\ndate = "2026-11-29"\n', encoding="utf-8")
    assert main(["convert", str(SEED), "-o", str(tmp_path), "--config", str(config)]) == 0
    assert '<date when="2026-11-29">2026-11-29</date>' in (tmp_path / "wcda-112080.xml").read_text(encoding="utf-8")
    config.write_text('[edition]\ndate = "29.11.2026"\n', encoding="utf-8")
    assert main(["convert", str(SEED), "-o", str(tmp_path), "--config", str(config)]) == 3
    assert "is not an ISO 8601 date" in capsys.readouterr().err


def test_built_pdf_is_archival_with_the_tei_inside(built):
    reader = PdfReader(built / "pdf" / "wcda-112080.pdf")
    (attached,) = reader.attachments["wcda-112080.xml"]
    assert attached == (built / "wcda-112080.xml").read_bytes()
    assert "/AF" in reader.trailer["/Root"] and "/OutputIntents" in reader.trailer["/Root"]
    assert 'pdfaid:part="3"' in reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode() or \
        "<pdfaid:part>3</pdfaid:part>" in reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()


def test_print_options_reach_the_pdf(tmp_path):
    tei = tmp_path / "wcda-112080.xml"
    assert main(["convert", str(SEED), "-o", str(tmp_path)]) == 0
    assert main(["render", str(tei), "-o", str(tmp_path), "--page-size", "letter", "--pdf-variant", "pdfua"]) == 0
    reader = PdfReader(tmp_path / "pdf" / "wcda-112080.pdf")
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (612, 792)  # US Letter in points
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def test_bare_bracket_note_calls(tmp_path):
    code, tei, err = convert_text(tmp_path, "**A. Ivanov:** We spoke to Yudin[1] yesterday.\n\n**B. Petrov:** Yes.\n\n"
                                            "[1] Pavel Yudin, ambassador.\n")
    assert code == 0, err
    assert 'Yudin<note n="1" place="end">Pavel Yudin, ambassador.</note> yesterday.' in tei


def test_names_that_are_not_plain_ascii(tmp_path):
    code, tei, err = convert_text(tmp_path, "**O'Brien:** Hello.\n\n**毛泽东:** 你好.\n\n**O'Brien:** Bye.\n\n"
                                            "**Wałęsa:** Cześć.\n\n**毛泽东:** 再见.\n")
    assert code == 0, err
    assert re.findall(r'<person xml:id="([^"]+)"', tei) == ["obrien", "maozedong", "walesa"]
    assert re.findall(r'<sp who="#([^"]+)"', tei) == ["obrien", "maozedong", "obrien", "walesa", "maozedong"]


def test_metadata_without_heading_and_web_copy_line_breaks(tmp_path):
    lines = ["**May 1, 1960**", "**Record of a Talk**", "", "**Summary:**", "", "A talk.", ""]
    lines += [f"IVANOV: This is the sentence number {i} of a long talk that goes on for a while." if i % 2 == 0
              else f"PETROV: And this is the reply number {i}, which is also long enough to be prose." for i in range(12)]
    code, tei, err = convert_text(tmp_path, "\n".join(lines) + "\n")
    assert code == 0, err
    assert "<title type=\"main\">Record of a Talk</title>" in tei
    assert tei.count("<sp ") == 12


def test_one_bad_transcript_does_not_stop_the_build(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("**A. Ivanov:** Good.\n\n**B. Petrov:** Yes.\n", encoding="utf-8")
    (seeds / "b.txt").write_bytes(b"")
    assert main(["build", str(seeds), "-o", str(tmp_path / "out"), "--no-pdf"]) == 3
    captured = capsys.readouterr()
    assert f"{seeds / 'b.txt'}:1:1: error INPUT001 transcript is empty" in captured.err
    assert "built: " in captured.out and (tmp_path / "out" / "html" / "index.html").exists()


def test_overrides_are_checked(tmp_path, capsys):
    seed = tmp_path / "t.txt"
    seed.write_text("**A. Ivanov:** We met [vstretilis].\n\n**B. Petrov:** Yes.\n", encoding="utf-8")
    seed.with_suffix(".toml").write_text('[brackets]\n"[vstretilis]" = "foreign:not a tag!!"\n', encoding="utf-8")
    assert main(["convert", str(seed), "-o", str(tmp_path / "out")]) == 3
    assert "OVR001" in capsys.readouterr().err
    seed.with_suffix(".toml").write_text('[brackets]\n"[vstretilis]" = "foreign:ru-Latn"\n"[nothing]" = "supplied"\n'
                                         '[paragraphs]\n"99" = "narration"\n', encoding="utf-8")
    assert main(["convert", str(seed), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "OVR002 override [brackets] '[nothing]' matched nothing" in err
    assert 'OVR002 override [paragraphs] "99" matched nothing' in err
    assert '<foreign xml:lang="ru-Latn" rend="brackets">vstretilis</foreign>' in (tmp_path / "out" / "t.xml").read_text(encoding="utf-8")


def test_runs_of_other_scripts_get_their_language(tmp_path):
    code, tei, err = convert_text(tmp_path, "**A. Ivanov:** He wrote 你好 and Привет, then left.\n\n**B. Petrov:** Yes.\n")
    assert code == 0, err
    assert 'He wrote <foreign xml:lang="und-Hani">你好</foreign> and <foreign xml:lang="und-Cyrl">Привет</foreign>, then' in tei
    assert '<language ident="und-Hani">' in tei
