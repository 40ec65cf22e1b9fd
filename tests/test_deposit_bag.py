"""``teiscribe deposit``: the bag (RFC 8493), its zip, ``--verify``, and the refusals.

One edition is built from the seed with ``tests/data/deposit/complete.toml``
(TEI, HTML and PDF); each test deposits a copy or reads the bag made from it.
"""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import bagit
import pytest

from conftest import DATA, SEED

CONFIGS = DATA / "deposit"
DATE = "2025-03-01"


def cli_main(argv: list[str], monkeypatch=None) -> int:
    """``teiscribe.cli.main(argv)``: the exit code of one command line."""
    from teiscribe.cli import main

    return main(argv)


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    """The seed built (TEI, HTML, PDF) with a complete edition configuration."""
    from teiscribe.cli import main

    folder = tmp_path_factory.mktemp("built") / "edition"
    assert main(["build", str(SEED), "-o", str(folder), "--config", str(CONFIGS / "complete.toml")]) == 0
    return folder


@pytest.fixture(scope="module")
def bag(edition, tmp_path_factory) -> Path:
    """The bag deposited from :func:`edition` on :data:`DATE` (read-only: copy before changing it)."""
    from teiscribe.deposit import package
    from teiscribe.deposit.readiness import check_file

    target = tmp_path_factory.mktemp("bag") / "deposit"
    documents = [(tei, check_file(tei)[0]) for tei in sorted(edition.glob("*.xml"))]
    written, messages = package(edition, documents, target, as_zip=False, when=DATE, incomplete=[])
    assert written == target
    assert {m.code for m in messages} <= {"DEPOSIT004"}  # built outside the project: schema link leaves the bag
    return target


def copy_bag(bag: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(bag, tmp_path / "deposit"))


def test_bag_validates_with_the_bagit_library(bag, edition):
    checked = bagit.Bag(str(bag))
    assert checked.validate(processes=1) is True
    assert checked.version_info == (1, 0)
    assert sorted(checked.algorithms) == ["sha256", "sha512"]
    entries = set(checked.payload_entries())
    assert entries >= {
        "data/README.md", "data/edition/html/wcda-112080.html", "data/edition/pdf/wcda-112080.pdf",
        "data/edition/wcda-112080.xml", "data/metadata/wcda-112080.datacite.xml",
        "data/metadata/wcda-112080.jsonld", "data/metadata/wcda-112080.oai_dc.xml",
        "data/schema/teiscribe.rng", "data/schema/teiscribe.xsd", "data/schema/teiscribe_xml.xsd"}
    site = {f"data/edition/{p.relative_to(edition).as_posix()}" for sub in ("html", "pdf")
            for p in (edition / sub).rglob("*") if p.is_file()}
    assert {e for e in entries if e.startswith(("data/edition/html/", "data/edition/pdf/"))} == site
    tags = (bag / "tagmanifest-sha512.txt").read_text().splitlines()
    assert [line.split()[1] for line in tags] == ["bag-info.txt", "bagit.txt", "manifest-sha256.txt",
                                                  "manifest-sha512.txt"]


def test_bag_info_comes_from_the_header(bag):
    info = bagit.Bag(str(bag)).info
    assert info["Source-Organization"] == "Cold War Conversations Project"
    assert info["External-Identifier"] == "https://edition.example.org/wcda-112080"
    assert info["Internal-Sender-Identifier"] == "wcda-112080"
    assert info["Rights"] == "https://creativecommons.org/licenses/by/4.0/"
    assert info["Bagging-Date"] == DATE
    assert info["External-Description"][1] == ("wcda-112080: First Conversation between N.S. Khrushchev and "
                                               "Mao Zedong, Hall of Huaizhentan [Beijing]")
    payload = [p for p in (bag / "data").rglob("*") if p.is_file()]
    assert info["Payload-Oxum"] == f"{sum(p.stat().st_size for p in payload)}.{len(payload)}"
    assert "Internal-Sender-Description" not in info


def test_payload_is_the_built_edition_and_its_schema(bag, edition):
    from teiscribe.resources import schema_path

    for name in ("wcda-112080.xml", "html/wcda-112080.html", "html/edition.css", "pdf/wcda-112080.pdf"):
        assert (bag / "data" / "edition" / name).read_bytes() == (edition / name).read_bytes()
    html = (bag / "data" / "edition" / "html" / "wcda-112080.html").read_text("utf-8")
    assert 'href="../wcda-112080.xml"' in html and (bag / "data" / "edition" / "wcda-112080.xml").is_file()
    for name in ("teiscribe.rng", "teiscribe.xsd", "teiscribe_xml.xsd"):
        assert (bag / "data" / "schema" / name).read_bytes() == schema_path(name).read_bytes()
    readme = (bag / "data" / "README.md").read_text("utf-8")
    assert ("| wcda-112080 | First Conversation between N.S. Khrushchev and Mao Zedong, Hall of Huaizhentan "
            "[Beijing] | 1958-07-31 | https://edition.example.org/wcda-112080 | Cold War Conversations Project | "
            "https://creativecommons.org/licenses/by/4.0/ |") in readme
    assert "teiscribe deposit --verify deposit" in readme and "Incomplete metadata" not in readme


def test_zip_is_byte_identical_across_runs(edition, tmp_path, monkeypatch, capsys):
    first, second = tmp_path / "a" / "deposit", tmp_path / "b" / "edition-deposit.zip"
    assert cli_main(["deposit", str(edition), "-o", str(first), "--zip", "--date", DATE], monkeypatch) == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1740787200")  # 2025-03-01T00:00:00Z
    assert cli_main(["deposit", str(edition), "-o", str(second.with_suffix("")), "--zip"], monkeypatch) == 0
    one, two = first.with_name("deposit.zip"), second
    assert not first.exists()  # --zip writes the zip only
    with zipfile.ZipFile(two) as archive:  # other name, so other top folder: rename to compare
        assert {i.filename.split("/")[0] for i in archive.infolist()} == {"edition-deposit"}
    assert cli_main(["deposit", str(edition), "-o", str(tmp_path / "c" / "deposit.zip")], monkeypatch) == 0
    three = tmp_path / "c" / "deposit.zip"
    assert one.read_bytes() == three.read_bytes()
    with zipfile.ZipFile(one) as archive:
        entries = archive.infolist()
    names = [e.filename for e in entries]
    assert names == sorted(names) and names[0] == "deposit/bag-info.txt"
    assert {e.date_time for e in entries} == {(1980, 1, 1, 0, 0, 0)}
    assert "deposited: " in capsys.readouterr().out


def test_verify_accepts_the_bag_and_its_zip(bag, edition, tmp_path, monkeypatch, capsys):
    assert cli_main(["deposit", "--verify", str(bag)], monkeypatch) == 0
    assert cli_main(["deposit", str(edition), "-o", str(tmp_path / "d.zip"), "--date", DATE], monkeypatch) == 0
    assert cli_main(["deposit", "--verify", str(tmp_path / "d.zip")], monkeypatch) == 0
    out = capsys.readouterr().out
    assert out.count("valid bag, every TEI document valid") == 2


def test_modified_file_is_reported_by_name(bag, tmp_path, monkeypatch, capsys):
    copy = copy_bag(bag, tmp_path)
    html = copy / "data" / "edition" / "html" / "wcda-112080.html"
    data = html.read_bytes()
    html.write_bytes(data.replace(b"Khrushchev", b"Khrushchov", 1))  # same size: Payload-Oxum still agrees
    assert not bagit.Bag(str(copy)).is_valid()
    assert cli_main(["deposit", "--verify", str(copy)], monkeypatch) == 1
    err = capsys.readouterr().err
    assert err == (f"{html}: error BAG001 modified or truncated: its sha256 and sha512 checksums differ "
                   f"from the manifest (now {len(data)} bytes)\n")


def test_truncated_tei_is_reported_by_name(bag, tmp_path, monkeypatch, capsys):
    copy = copy_bag(bag, tmp_path)
    tei = copy / "data" / "edition" / "wcda-112080.xml"
    tei.write_bytes(tei.read_bytes()[:2000])
    assert cli_main(["deposit", "--verify", str(copy)], monkeypatch) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(f"{copy / 'bag-info.txt'}: error BAG004 Payload-Oxum validation failed.")
    assert lines[1] == f"{tei}: error BAG001 modified or truncated: its sha256 and sha512 checksums differ " \
                       "from the manifest (now 2000 bytes)"
    assert lines[2].startswith(f"{tei}:") and " error XML001 not well-formed XML" in lines[2]
    assert len(lines) == 3


def test_missing_added_and_tag_file_changes_are_reported(bag, tmp_path):
    from teiscribe.deposit.verify import verify

    copy = copy_bag(bag, tmp_path)
    (copy / "data" / "edition" / "pdf" / "wcda-112080.pdf").unlink()
    (copy / "data" / "extra.txt").write_text("added later\n")
    info = copy / "bag-info.txt"
    info.write_text(info.read_text().replace("Cold War", "Hot War"))
    found = {(m.code, Path(m.location.path).name) for m in verify(copy)}
    assert found == {("BAG004", "bag-info.txt"),  # Payload-Oxum: one file fewer, one more
                     ("BAG002", "wcda-112080.pdf"), ("BAG003", "extra.txt"), ("BAG001", "bag-info.txt")}


def test_tampered_zip_is_reported_inside_the_zip(edition, tmp_path, monkeypatch, capsys):
    from teiscribe.deposit.verify import verify

    good = tmp_path / "deposit.zip"
    assert cli_main(["deposit", str(edition), "-o", str(good), "--date", DATE], monkeypatch) == 0
    bad = tmp_path / "tampered.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for entry in src.infolist():
            data = src.read(entry)
            if entry.filename.endswith(".jsonld"):
                data = data.replace(b"Berlin", b"Berlyn")  # same size
            dst.writestr(entry, data)
    (message,) = verify(bad)
    assert (message.code, message.location.path) == (
        "BAG001", f"{bad}/deposit/data/metadata/wcda-112080.jsonld")
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("deposit/bagit.txt", "BagIt-Version: 1.0\n")
        archive.writestr("../escape.txt", "x")
    (message,) = verify(evil)
    assert message.code == "BAG004" and "unsafe path" in message.text
    assert not (tmp_path.parent / "escape.txt").exists()


def test_unbuilt_edition_is_refused_with_a_hint(tmp_path, monkeypatch, capsys):
    from teiscribe.cli import main

    empty = tmp_path / "edition"
    empty.mkdir()
    assert cli_main(["deposit", str(empty), "-o", str(tmp_path / "out")], monkeypatch) == 3
    assert capsys.readouterr().err == (f"{empty}: error DEPOSIT001 the edition folder holds no TEI document "
                                       "(*.xml) (run `teiscribe build` first (it writes edition/<id>.xml, "
                                       "html/ and pdf/))\n")
    assert main(["convert", str(SEED), "-o", str(empty), "--config", str(CONFIGS / "complete.toml")]) == 0
    capsys.readouterr()
    assert cli_main(["deposit", str(empty), "-o", str(tmp_path / "out")], monkeypatch) == 3
    out, err = capsys.readouterr()
    assert [line.split()[2] for line in err.splitlines()] == ["DEPOSIT001", "DEPOSIT001"]
    assert "no HTML" in err and "no PDF" in err
    assert "not packaged: the edition is not built; run `teiscribe build`" in out
    assert not (tmp_path / "out").exists()


def test_incomplete_metadata_is_refused_unless_allowed(edition, tmp_path, monkeypatch, capsys):
    from teiscribe.cli import main

    copy = Path(shutil.copytree(edition, tmp_path / "edition"))
    assert main(["convert", str(SEED), "-o", str(copy), "--config", str(CONFIGS / "incomplete.toml")]) == 0
    capsys.readouterr()
    out_dir = tmp_path / "deposit"
    assert cli_main(["deposit", str(copy), "-o", str(out_dir)], monkeypatch) == 1
    out, err = capsys.readouterr()
    assert "not packaged: 3 required metadata field(s) missing" in out and not out_dir.exists()
    assert {line.split()[2] for line in err.splitlines()} == {"READY001", "READY002", "READY003"}
    assert cli_main(["deposit", str(copy), "-o", str(out_dir), "--allow-incomplete", "--date", DATE],
                    monkeypatch) == 0
    err = capsys.readouterr().err
    assert "warning READY001 no publisher" in err and "DEPOSIT002" in err  # HTML/PDF older than the TEI
    info = bagit.Bag(str(out_dir)).info
    assert info["Internal-Sender-Description"] == (
        "deposited with --allow-incomplete; missing: wcda-112080.xml READY001 no publisher; "
        "wcda-112080.xml READY002 no licence URI; wcda-112080.xml READY003 no persistent identifier")
    assert "Source-Organization" not in info
    readme = (out_dir / "data" / "README.md").read_text("utf-8")
    assert "## Incomplete metadata" in readme and "`wcda-112080.xml` READY001: no publisher" in readme


def test_output_that_is_not_a_bag_is_never_replaced(bag, edition, tmp_path, monkeypatch, capsys):
    precious = tmp_path / "mine"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    assert cli_main(["deposit", str(edition), "-o", str(precious)], monkeypatch) == 2
    assert "error DEPOSIT005 exists and is not a BagIt bag: not replaced" in capsys.readouterr().err
    assert (precious / "notes.txt").read_text() == "keep me"
    again = copy_bag(bag, tmp_path)  # an earlier bag is replaced
    (again / "data" / "stale.txt").write_text("from an earlier deposit")
    assert cli_main(["deposit", str(edition), "-o", str(again), "--date", DATE], monkeypatch) == 0
    assert not (again / "data" / "stale.txt").exists() and bagit.Bag(str(again)).is_valid()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary folder left


def test_invalid_tei_is_not_packaged(edition, tmp_path, monkeypatch, capsys):
    copy = Path(shutil.copytree(edition, tmp_path / "edition"))
    tei = copy / "wcda-112080.xml"
    tei.write_text(tei.read_text("utf-8").replace("<abstract>", "<abstract><bogus/>", 1), "utf-8")
    assert cli_main(["deposit", str(copy), "-o", str(tmp_path / "deposit")], monkeypatch) == 1
    out, err = capsys.readouterr()
    assert "not packaged: invalid TEI" in out and "error RNG001" in err
    assert not (tmp_path / "deposit").exists()


def test_manifest_checksums_are_sha256_and_sha512_of_the_files(bag):
    for alg in ("sha256", "sha512"):
        for line in (bag / f"manifest-{alg}.txt").read_text().splitlines():
            digest, name = line.split(maxsplit=1)
            assert hashlib.new(alg, (bag / name).read_bytes()).hexdigest() == digest
