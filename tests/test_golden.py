"""Golden TEI for varied transcripts: each converts to exactly its committed TEI,
and every golden file is itself valid (project schema and the official tei_all).

After an intended change of output, run ``pytest tests/test_golden.py --regen``
and review the diff of ``tests/data/golden/*.xml`` before committing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from conftest import DATA
from teiscribe.build import convert_seed
from teiscribe.config import EditionConfig
from teiscribe.encode import encode
from teiscribe.preserve import missing_words
from teiscribe.validate import validate_file

GOLDEN = DATA / "golden"
TRANSCRIPTS = sorted(GOLDEN.glob("*.txt"))
SCHEMA_HREF = "../../../schema/"


def expected_messages(seed: Path) -> list[str]:
    """``CODE line`` for each message, as committed in ``<name>.messages``."""
    return (seed.with_suffix(".messages")).read_text(encoding="utf-8").split("\n")[:-1]


@pytest.mark.parametrize("seed", TRANSCRIPTS, ids=[t.stem for t in TRANSCRIPTS])
def test_golden(seed, request):
    source, doc, messages = convert_seed(seed)
    data = encode(doc, EditionConfig(), schema_href=SCHEMA_HREF)
    found = [f"{m.code} {m.location.line}" for m in sorted(messages, key=lambda m: (m.location, m.code))]
    golden = seed.with_suffix(".xml")
    if request.config.getoption("--regen"):
        golden.write_bytes(data)
        seed.with_suffix(".messages").write_text("".join(f"{f}\n" for f in found), encoding="utf-8")
    assert data == golden.read_bytes(), f"{golden.name} differs: rerun with --regen and review the diff"
    assert found == expected_messages(seed)
    assert missing_words(source.text, etree.fromstring(data), doc.left_out) == []


@pytest.mark.parametrize("seed", TRANSCRIPTS, ids=[t.stem for t in TRANSCRIPTS])
def test_golden_is_valid_against_project_schema(seed):
    assert [str(m) for m in validate_file(seed.with_suffix(".xml"))] == []


def test_goldens_valid_against_tei_all(tei_all_rng):
    pyjing = shutil.which("pyjing") or str(Path(sys.executable).with_name("pyjing"))
    files = [str(t.with_suffix(".xml")) for t in TRANSCRIPTS]
    result = subprocess.run([pyjing, str(tei_all_rng), *files], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_overrides_are_honoured():
    root = etree.parse(str(GOLDEN / "chinese_pinyin.xml")).getroot()
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert root.find(".//t:publicationStmt/t:publisher", ns).text == "Example Edition Project"
    person = root.xpath("//t:person[@xml:id='yudin-pavel']/t:persName", namespaces=ns)[0]
    assert person.text == "Pavel F. Yudin"
    assert root.xpath("//t:sp[t:speaker='P.F. Yudin']/@who", namespaces=ns) == ["#yudin-pavel"] * 2
    (jiang,) = root.xpath("//t:supplied[.='Jiang Jieshi']", namespaces=ns)
    assert jiang.get("reason") == "variant-name"
    choice = root.find(".//t:choice", ns)
    assert [(c.tag.split("}")[1], c.text) for c in choice] == [("sic", "Peking"), ("corr", "Beijing")]
    stage = root.xpath("//t:stage[@type='novelistic']", namespaces=ns)
    assert [s.text for s in stage] == ["Mao Zedong thanks the ambassador."]


def test_variants_resolve_speakers():
    ns = {"t": "http://www.tei-c.org/ns/1.0"}

    def whos(name):
        return etree.parse(str(GOLDEN / f"{name}.xml")).xpath("//t:sp/@who", namespaces=ns)

    assert whos("caps_labels") == ["#john-kennedy", "#nikita-khrushchev"] * 2 + ["#john-kennedy"]
    assert whos("short_forms") == ["#khrushchev", "#dulles", "#khrushchev", "#molotov", "#dulles", "#khrushchev"]
    assert whos("interview_qa") == ["#q", "#a", "#q", "#a", "#q"]
    assert whos("web_furniture") == ["#gromyko", "#dobrynin"] * 2


def test_a_participants_list_one_per_line_is_a_tei_list():
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    root = etree.parse(str(GOLDEN / "caps_labels.xml")).getroot()
    (listing,) = root.iterfind(".//t:body//t:list[@type='participants']", ns)
    assert listing.find("t:head", ns).text == "Participants:"
    items = ["".join(i.itertext()) for i in listing.iterfind("t:item", ns)]
    assert items == ["John F. Kennedy, President of the United States",
                     "Nikita S. Khrushchev, Chairman of the Council of Ministers", "Alexander Akalovsky, interpreter"]
    assert [p.get("ref") for p in listing.iterfind(".//t:persName", ns)] == [
        "#john-kennedy", "#nikita-khrushchev", "#alexander-akalovsky"]
