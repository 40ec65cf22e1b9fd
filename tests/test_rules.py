"""Table-driven tests of each conversion rule on small inputs written for them."""

from __future__ import annotations

import pytest

from teiscribe.model import Node
from teiscribe.read import Block, normalise, split_blocks
from teiscribe.rules.brackets import classify
from teiscribe.rules.damage import find_damage
from teiscribe.rules.inline import Context, parse_inline
from teiscribe.rules.languages import is_transliterated, language_tag
from teiscribe.rules.metadata import iso_date, parse_archival_reference
from teiscribe.rules.pagebreaks import join_page_breaks
from teiscribe.rules.persons import Registry
from teiscribe.rules.turns import narration_cue
from teiscribe.rules import document_id


@pytest.mark.parametrize(
    ("content", "before", "after", "kind", "attrs"),
    [
        ("nakrucheno", "was exaggerated ", ".", "foreign", {"lang": "ru-Latn"}),
        ("Vot kak?", "Is that so? ", "", "foreign", {"lang": "ru-Latn"}),
        ("накручено", "exaggerated ", ".", "foreign", {"lang": "ru"}),
        ("guerillas", "as partisans ", " on land", "supplied", {"reason": "gloss"}),
        ("Sinkiang", "colonies—Xinjiang ", " and", "supplied", {"reason": "variant-name"}),
        ("Nikolai", "sent Admiral ", " Kuznetsov", "supplied", {"reason": "identification"}),
        ("Soviet interpreter Nikolai", "I recall that ", " Fedorenko", "supplied", {"reason": "identification"}),
        ("in February 1956", "Congress ", " I spoke", "supplied", {"reason": "clarification"}),
        ("to China", "the military ", ", but", "supplied", {"reason": "clarification"}),
        ("to build", "would have been ", " a joint fleet", "supplied", {"reason": "omitted"}),
        ("on Amur", "to Komsomolsk ", ".", "supplied", {"reason": "clarification"}),
        ("?", "the Navy", "", "supplied", {"reason": "omitted"}),
        ("entral", "the C", " C", "ex", {}),
        ("sic", "Wan Xia Sang ", " and", "sic", {}),
        ("Page 283", "the ", " text", "pb", {"n": "283"}),
        ("words unintelligible", "he said ", ".", "gap", {"reason": "unintelligible"}),
        ("blacked out", "the ", ".", "gap", {"reason": "blacked-out"}),
    ],
)
def test_bracket_classification(content, before, after, kind, attrs):
    verdict = classify(content, before, after, "ru")
    assert (verdict.kind, verdict.attrs) == (kind, attrs)


@pytest.mark.parametrize(
    ("text", "original", "expected"),
    [("na sushe", "ru", True), ("to est", "ru", False), ("Kuomintang", "ru", False),
     ("the spirit of", "ru", False), ("xiexie ni", "zh", True), ("thank you", "zh", False)],
)
def test_transliteration_test(text, original, expected):
    assert is_transliterated(text, original)[0] is expected


@pytest.mark.parametrize(("name", "tag"), [("Russian", "ru"), ("Chinese", "zh"), ("ru", "ru"), ("", "und")])
def test_language_tags_are_bcp47(name, tag):
    assert language_tag(name) == tag


def registry(*names: str) -> Registry:
    reg = Registry()
    for name in names:
        reg.add(name, "speaker")
    return reg


@pytest.mark.parametrize(
    ("text", "narration", "certain"),
    [
        ("Mao Zedong thanks him.", True, True),
        ("N.S. Khrushchev gives an answer.", True, True),
        ("He suggests to move to the discussion.", True, True),
        ("He said that we would fight.", False, True),  # a continuation that starts with "He"
        ("This was the end of the meeting.", True, True),
        ("Our course is crystal-clear.", False, True),
        ("Mao Zedong says I am wrong.", False, True),
        ("Perhaps the state security apparatus should be blamed.", False, False),
    ],
)
def test_narration_or_continuation(text, narration, certain):
    verdict = narration_cue(text, registry("N.S. Khrushchev", "Mao Zedong"))
    assert verdict[0] is narration and verdict[2] is certain


def test_one_person_under_several_labels():
    reg = registry("N.S. Khrushchev", "Khrushchev", "KHRUSHCHEV", "Mao Zedong", "MAO ZEDONG")
    assert [(p.id, p.name) for p in reg.persons] == [("khrushchev", "N.S. Khrushchev"), ("mao-zedong", "Mao Zedong")]
    assert reg.persons[0].labels == ["N.S. Khrushchev", "Khrushchev", "KHRUSHCHEV"]


def test_person_ids_are_ncnames_and_unique():
    reg = registry("Kádár", "1st Secretary", "A. Ivanov", "B. Ivanov")
    assert [p.id for p in reg.persons] == ["kadar", "secretary", "ivanov", "ivanov-2"]


def chunks(text: str):
    decisions: list = []
    return join_page_breaks(split_blocks(normalise(text)), decisions), decisions


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("and he also created\n\nfour joint companies.", ["and he also created \ue000four joint companies."]),
        ("decision-\n\nmaking is hard.", ["decision-\ue001making is hard."]),
        ("a line without punctuation\n\n**B:** New turn.", ["a line without punctuation", "**B:** New turn."]),
        ("He stopped.\n\nThen he went on.", ["He stopped.", "Then he went on."]),
        ("FIRST TALK\n\nOf A with B", ["FIRST TALK", "Of A with B"]),
        ("with the\r\n\r\n\r\n\r\nnext page", ["with the \ue000next page"]),
    ],
)
def test_page_break_joins(text, paragraphs):
    result, decisions = chunks(text)
    assert [c.text for c in result] == paragraphs
    assert len(decisions) == sum("\ue000" in p or "\ue001" in p for p in paragraphs)


def test_joined_paragraph_maps_offsets_back_to_source_lines():
    (chunk,), _ = chunks("first part of the\n\nsecond part")
    assert chunk.locate(0) == (1, 1)
    assert chunk.locate(chunk.text.index("second")) == (3, 1)


def inline(text: str, notes: dict[str, str] | None = None) -> tuple[list[Node], list]:
    warnings: list = []
    ctx = Context(notes or {}, "ru", lambda offset: (1, offset + 1), lambda *a: warnings.append(a))
    return parse_inline(text, ctx), warnings


def test_inline_note_calls_emphasis_escapes_and_directions():
    nodes, warnings = inline("Yudin<sup>[1]</sup> paid \\$100 *a lot*. (Jokingly.) A sailor (a man) [7] came.",
                             {"1": "Pavel *Yudin*."})
    kinds = [n.kind for n in nodes]
    assert kinds == ["text", "note", "text", "hi", "text", "stage", "text", "noteCall", "text"]
    assert nodes[1].attrs == {"n": "1", "place": "end"} and nodes[1].children[1].kind == "hi"
    assert nodes[2].text == " paid $100 "
    assert nodes[5].text == "Jokingly."
    assert nodes[6].text == " A sailor (a man) "
    assert [w[2] for w in warnings] == ["NOTE001"]


def test_sic_takes_the_preceding_name_or_word():
    nodes, _ = inline("comrades Wan Xia Sang [sic] and the recieve [sic] form")
    sics = [n.text for n in nodes if n.kind == "sic"]
    assert sics == ["Wan Xia Sang", "recieve"]
    also, _ = inline("He left. Also Wan Xia Sang [sic] came.")
    assert [n.text for n in also if n.kind == "sic"] == ["Wan Xia Sang"]
    assert also[0].text == "He left. Also "
    assert "".join(n.plain() for n in nodes) == "comrades Wan Xia Sang and the recieve form"


def test_expansion_keeps_the_abbreviation_letters():
    nodes, _ = inline("the C[entral] C[ommittee of the] CPSU")
    expansions = [n for n in nodes if n.kind == "expan"]
    assert [(e.children[0].text, e.children[1].text) for e in expansions] == [("C", "entral"), ("C", "ommittee of the")]


@pytest.mark.parametrize(
    ("value", "iso"),
    [("July 31, 1958", "1958-07-31"), ("31 July 1958", "1958-07-31"), ("July 1958", "1958-07"),
     ("1958", "1958"), ("Sometime", "")],
)
def test_iso_dates(value, iso):
    assert iso_date(value) == iso


def test_archival_reference():
    parts = parse_archival_reference("Digital Archive, Archive of Foreign Policy (AVPRF), fond 0100, "
                                     "opis 46, delo 12, ll. 5-9. Translated by X.")
    assert parts == {"repository": "Archive of Foreign Policy (AVPRF)", "fond": "0100", "opis": "46",
                     "delo": "12", "folios": "ll. 5-9"}


@pytest.mark.parametrize(
    ("url", "name", "expected"),
    [("http://digitalarchive.wilsoncenter.org/document/112080", "x.txt", "wcda-112080"),
     ("", "000_a3df.txt", "doc-000_a3df"), ("", "record one.txt", "record-one")],
)
def test_document_ids(url, name, expected):
    assert document_id(url, name) == expected


def test_damage_is_found_with_offsets():
    text = "the Kurile IslandsŠ they defend us, caf\ufffd and \x07bell; Škoda cars"
    found = find_damage(text)
    assert [offset for offset, _ in found] == [text.index("Š"), text.index("\ufffd"), text.index("\x07")]


def test_mojibake_is_reported_with_its_repair():
    text = "the cafÃ© was closed"
    ((offset, what),) = find_damage(text)
    assert offset == text.index("cafÃ©")
    assert "probably 'café'" in what


def test_read_block_locations():
    blocks = split_blocks("\n\nfirst\nsecond\n\n\nthird")
    assert [(b.text, b.line, b.gap) for b in blocks] == [("first\nsecond", 3, 2), ("third", 7, 2)]
    assert Block("ab\ncd", 10).locate(4) == (11, 2)


@pytest.mark.parametrize(
    ("text", "tag"),
    [("xiexie", "zh-Latn-pinyin"), ("fan gong", "zh-Latn-pinyin"), ("Mao Tse-tung", "zh-Latn-wadegile"),
     ("Ch'ing", "zh-Latn-wadegile"), ("dǎng", "zh-Latn-pinyin")],
)
def test_chinese_romanisation_is_identified(text, tag):
    from teiscribe.rules.languages import transliteration_tag

    assert transliteration_tag("zh", text) == tag


def test_pinyin_words_are_foreign_in_a_chinese_record():
    assert classify("fan gong", "call it ", ".", "zh").attrs == {"lang": "zh-Latn-pinyin"}
    assert classify("the party", "call it ", ".", "zh").kind == "supplied"
