"""``teiscribe validate`` from the command line: inputs, schemas, report formats, exit codes, cache."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import shared_file
from teiscribe.cli import main
from teiscribe.validate import xsd
from teiscribe.validate.engine import Options, element_names, run
from teiscribe.validate.schemas import project_specs

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
INVALID = DATA / "validate" / "invalid"
MANIFEST = {k: v for k, v in json.loads((INVALID / "manifest.json").read_text()).items() if not k.startswith("_")}
EDITION = ROOT / "edition" / "wcda-112080.xml"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TEISCRIBE_CACHE_DIR", str(folder))
    return folder


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["validate", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_folder_of_invalid_documents_reports_every_manifest_entry_and_nothing_else(capsys, cache) -> None:
    code, out, err = _run(capsys, INVALID, "--format", "json", "-j", "2")
    assert code == 1
    report = json.loads(out)
    got: dict[str, list] = {}
    for m in report["messages"]:
        got.setdefault(Path(m["path"]).name, []).append([m["code"], m["line"]])
    assert got == MANIFEST
    assert report["files"] == len(MANIFEST)
    assert report["summary"] == {"error": 16, "warning": 1, "info": 0, "failed_files": 15}
    assert [m["path"] for m in report["messages"]] == sorted(m["path"] for m in report["messages"])
    assert "invalid" in err


def test_edition_is_valid_text_report_is_empty(capsys, cache) -> None:
    code, out, err = _run(capsys, EDITION)
    assert (code, out) == (0, "")
    assert err.startswith("1 file(s) checked: valid")


def test_text_lines_and_warning_threshold(capsys, cache) -> None:
    gap = INVALID / "note-gap.xml"
    code, _, err = _run(capsys, gap)
    assert code == 0  # a warning alone does not fail the run ...
    assert err.splitlines()[0] == f"{gap}:16:88: warning NOTE004 note numbering skips from 2 to 4: note 3 missing"
    assert _run(capsys, gap, "--fail-on", "warning")[0] == 1  # ... unless asked to


def test_junit_report_parses_and_lists_each_file(capsys, cache, tmp_path) -> None:
    target = tmp_path / "reports" / "validate.xml"
    code, out, _ = _run(capsys, INVALID / "bad-date.xml", EDITION, "--format", "junit", "--output", target)
    assert (code, out) == (1, "")
    suites = etree.parse(str(target)).getroot()
    suite = suites.find("testsuite")
    assert (suites.tag, suite.get("tests"), suite.get("failures")) == ("testsuites", "2", "1")
    cases = {Path(c.get("name")).name: c for c in suite.findall("testcase")}
    assert cases["wcda-112080.xml"].find("failure") is None
    failure = cases["bad-date.xml"].find("failure")
    assert failure.get("type") == "DATE001" and ":16:21: error DATE001 @when '1958-13-31'" in failure.text
    assert not list(target.parent.glob(".*.tmp"))  # written atomically


def test_github_annotations(capsys, cache) -> None:
    code, out, _ = _run(capsys, INVALID / "bad-uri.xml", INVALID / "note-gap.xml", "--format", "github")
    lines = out.splitlines()
    assert code == 1 and len(lines) == 2
    assert lines[0] == (f"::error file={INVALID / 'bad-uri.xml'},line=16,col=17,title=URI001::@target holds "
                        "'http://example.org/a%25zz', which is not a syntactically valid URI (RFC 3986/3987)")
    assert lines[1].startswith(f"::warning file={INVALID / 'note-gap.xml'},line=16,col=88,title=NOTE004::")


@pytest.mark.parametrize(("argv", "expected"), [
    (["--format", "xml", "x.xml"], 2),
    (["--schema", "schema.txt", "x.xml"], 2),
    ([], 2),
])
def test_usage_errors_exit_2(capsys, cache, argv, expected) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["validate", *argv]) if argv[:1] == ["--format"] or not argv else None
        raise SystemExit(main(["validate", *argv]))
    assert caught.value.code == expected


def test_unreadable_input_exits_3_and_schema_problem_exits_4(capsys, cache, tmp_path) -> None:
    code, _, err = _run(capsys, EDITION, tmp_path / "absent.xml")
    assert code == 3 and f"{tmp_path / 'absent.xml'}: error XML001 cannot read file" in err
    assert _run(capsys, tmp_path / "*.nothing")[0] == 3
    broken = tmp_path / "broken.rng"
    broken.write_text("<grammar xmlns='http://relaxng.org/ns/structure/1.0'><start><ref name='x'/></start></grammar>")
    code, _, err = _run(capsys, EDITION, "--schema", broken)
    assert code == 4 and "SCHEMA001" in err


def test_globs_folders_and_duplicates_are_expanded_once(capsys, cache, tmp_path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    shutil.copy(EDITION, nested / "one.xml")
    shutil.copy(EDITION, tmp_path / "a" / "two.xml")
    code, out, _ = _run(capsys, tmp_path / "a", tmp_path / "a" / "**" / "*.xml", nested / "one.xml",
                        "--format", "json")
    assert code == 0 and json.loads(out)["files"] == 2


def test_xml_model_declarations(capsys, cache, tmp_path) -> None:
    # The edition declares ../schema/teiscribe.rng and .xsd: resolved against the document.
    assert _run(capsys, EDITION, "--schema", "xml-model")[0] == 0
    remote = tmp_path / "remote.xml"
    remote.write_text('<?xml-model href="https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" '
                      'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
                      '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')
    code, _, err = _run(capsys, remote, "--schema", "xml-model")
    assert code == 4
    assert (f"{remote}:1:1: error SCHEMA002 xml-model href 'https://www.tei-c.org/release/xml/tei/custom/schema/"
            "relaxng/tei_all.rng' is remote and is never fetched: save a copy and run with --schema "
            "path/to/tei_all.rng") in err


def test_xsd_cache_is_written_once_and_reused(cache, tmp_path) -> None:
    path = Path(project_specs()[1].path)
    first = xsd.XSDLayer(path)
    entries = list((cache / "xsd").glob("*.pickle"))
    assert first.from_cache is False and len(entries) == 1
    assert entries[0].stem == xsd.schema_digest(path)
    second = xsd.XSDLayer(path)
    assert second.from_cache is True
    assert second.schema.target_namespace == "http://www.tei-c.org/ns/1.0"
    entries[0].write_bytes(b"damaged")  # a damaged entry is rebuilt, not trusted
    assert xsd.XSDLayer(path).from_cache is False
    (tmp_path / "copy").mkdir()
    changed = tmp_path / "copy" / "teiscribe.xsd"  # another schema digest, another entry
    shutil.copy(path, changed)
    shutil.copy(path.with_name("teiscribe_xml.xsd"), changed.with_name("teiscribe_xml.xsd"))
    changed.write_text(changed.read_text().replace("<xs:schema", "<!-- edited -->\n<xs:schema", 1))
    assert xsd.XSDLayer(changed).from_cache is False
    assert len(list((cache / "xsd").glob("*.pickle"))) == 2


def test_parallel_run_gives_the_same_results_as_serial(cache) -> None:
    files = sorted(INVALID.glob("*.xml")) + [EDITION]
    options = Options(tuple(project_specs()))
    serial = run(files, options, jobs=1)
    parallel = run(files, options, jobs=2)
    assert [(r.path, r.messages) for r in serial] == [(r.path, r.messages) for r in parallel]


def test_tei_all_rng_pruned_grammar_gives_the_verdicts_of_the_full_one(cache) -> None:
    from teiscribe.validate.document import load_document
    from teiscribe.validate.rng import RelaxNGLayer

    rng = shared_file("tei/tei_all.rng")
    files = [EDITION, *sorted((DATA / "schema" / "invalid-tei").glob("*.xml"))]
    layer = RelaxNGLayer(rng, element_names(files))  # the CLI's prescan: one compilation
    verdicts = {}
    for path in files:
        doc, _ = load_document(path)
        verdicts[path.name] = not layer.check(doc)
    assert verdicts == {p.name: p == EDITION for p in files}
    assert len(layer.used) < 80 and layer.compilations == 1
