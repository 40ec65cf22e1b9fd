"""Language rules: BCP 47 tags and the test for transliterated words.

A bracketed term in a translation is taken for a transliteration of the
original language when most of its words, transliterated back into that
language's script, are more frequent there than the word is in English.
Word frequencies come from ``wordfreq`` (Speer et al.); tags follow BCP 47
(RFC 5646) via ``langcodes``. Back-transliteration is implemented for Russian
(the common romanisations: BGN/PCGN, Library of Congress and ad-hoc forms
such as ``ia``/``ja``/``ya`` for я); for Chinese, words are tested against the
Hanyu Pinyin syllable inventory (from ``pypinyin``'s data); other original
languages fall back to "mostly not English".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import langcodes
from wordfreq import zipf_frequency

# Latin sequences and the Cyrillic letters each may stand for, longest first.
_RU_MAP: list[tuple[str, tuple[str, ...]]] = [
    ("shch", ("щ",)), ("sch", ("щ", "сч")), ("zh", ("ж",)), ("kh", ("х",)),
    ("ts", ("ц", "тс")), ("ch", ("ч",)), ("sh", ("ш",)),
    ("ya", ("я",)), ("ia", ("я", "ия")), ("ja", ("я",)),
    ("yu", ("ю",)), ("iu", ("ю", "иу")), ("ju", ("ю",)),
    ("yo", ("ё", "йо")), ("ye", ("е",)), ("ie", ("ые", "ие", "е")),
    ("oi", ("ой", "ои")), ("ei", ("ей", "еи")), ("ai", ("ай", "аи")),
    ("ui", ("уй", "уи")), ("ii", ("ий", "ии")), ("yi", ("ый",)),
    ("a", ("а",)), ("b", ("б",)), ("v", ("в",)), ("w", ("в",)), ("g", ("г",)),
    ("d", ("д",)), ("e", ("е", "э")), ("z", ("з",)), ("i", ("и", "ы", "й")),
    ("j", ("й",)), ("k", ("к",)), ("l", ("л", "ль")), ("m", ("м",)),
    ("n", ("н", "нь")), ("o", ("о",)), ("p", ("п",)), ("r", ("р",)),
    ("s", ("с", "сь")), ("t", ("т", "ть")), ("u", ("у",)), ("f", ("ф",)),
    ("c", ("ц", "к")), ("y", ("ы", "й")), ("h", ("х",)), ("x", ("кс",)),
    ("q", ("к",)), ("'", ("ь", "ъ")),
]
_MAX_CANDIDATES = 2048
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """The toneless Hanyu Pinyin syllables (about 420), from ``pypinyin``'s character data."""
    from pypinyin.pinyin_dict import pinyin_dict

    return frozenset(_strip_tones(p) for value in pinyin_dict.values() for p in value.split(","))


def _strip_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").replace("ü", "v")


def is_pinyin(word: str) -> bool:
    """True when ``word`` splits into pinyin syllables (``"xiexie"`` → xie+xie), tones ignored."""
    word = _strip_tones(word).replace("'", "")
    syllables = pinyin_syllables()
    reachable = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        reachable[end] = any(reachable[start] and word[start:end] in syllables
                             for start in range(max(0, end - 6), end))
    return bool(word) and reachable[-1]


def language_tag(name: str) -> str:
    """BCP 47 tag for a language name or tag (``"Russian"`` → ``"ru"``); ``"und"`` if unknown."""
    name = name.strip()
    if not name:
        return "und"
    if langcodes.tag_is_valid(name):
        return langcodes.standardize_tag(name)
    try:
        return langcodes.find(name).to_tag()
    except LookupError:
        return "und"


def language_label(tag: str) -> str:
    """English display name of a BCP 47 tag (``"ru-Latn"`` → ``"Russian (Latin)"``)."""
    return langcodes.Language.get(tag).display_name("en")


_WADE_GILES = re.compile(r"\b(?:ch|k|p|t|ts|tz)['’ʻ]|\b[A-Za-z]+-[a-z]+\b|\bhs[iü]", re.I)
_PINYIN = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]|\b(?:x|q|zh)[a-zü]+\b", re.I)


def transliteration_tag(original: str, text: str = "") -> str:
    """BCP 47 tag for a Latin-script rendering of language ``original``.

    ``"ru"`` → ``"ru-Latn"``. For Chinese the romanisation is identified
    from ``text`` where it shows: Wade–Giles apostrophes or hyphenated
    syllables (``Mao Tse-tung``, ``Ch'ing``) → ``zh-Latn-wadegile``; pinyin
    tone marks, initials x/q/zh, or only pinyin syllables → ``zh-Latn-pinyin`` (IANA subtag
    registry variants ``wadegile`` and ``pinyin``); else ``zh-Latn``.
    """
    base = langcodes.Language.get(original).language or "und"
    if base == "zh" and text:
        if _WADE_GILES.search(text):
            return "zh-Latn-wadegile"
        if _PINYIN.search(text) or all(is_pinyin(w) for w in words(text)):
            return "zh-Latn-pinyin"
    return f"{base}-Latn"


@lru_cache(maxsize=4096)
def _cyrillic_candidates(word: str) -> tuple[str, ...]:
    word = word.lower()
    position_states = {0: [""]}
    results: list[str] = []
    # Breadth-first over positions, keeping at most _MAX_CANDIDATES partial spellings.
    for pos in range(len(word) + 1):
        states = position_states.pop(pos, [])
        if pos == len(word):
            results = states
            break
        for latin, cyrillic in _RU_MAP:
            if word.startswith(latin, pos):
                nxt = position_states.setdefault(pos + len(latin), [])
                for prefix in states:
                    for letters in cyrillic:
                        if len(nxt) < _MAX_CANDIDATES:
                            nxt.append(prefix + letters)
        if not any(word.startswith(latin, pos) for latin, _ in _RU_MAP):
            return ()
    return tuple(dict.fromkeys(results))


@lru_cache(maxsize=4096)
def russian_frequency(word: str) -> float:
    """Highest Zipf frequency in Russian of any back-transliteration of ``word`` (0 if none)."""
    return max((zipf_frequency(c, "ru") for c in _cyrillic_candidates(word)), default=0.0)


def words(text: str) -> list[str]:
    """The alphabetic words of ``text`` (hyphenated compounds split)."""
    return _WORD.findall(text.replace("-", " "))


def is_transliterated(text: str, original: str) -> tuple[bool, str]:
    """Decide whether bracketed ``text`` is the original language in Latin script.

    ``original`` is the document's original-language tag (e.g. ``"ru"``).
    Returns ``(verdict, cue)``. A name-like bracket (every word capitalised)
    is never foreign: romanised names are identifications, not quotations.
    """
    tokens = words(text)
    if not tokens or not re.fullmatch(r"[\sA-Za-z'.,;:?!\-]+", text):
        return False, "not Latin-script letters only"
    if all(t[0].isupper() for t in tokens):
        return False, "every word capitalised (a name)"
    if original == "zh":
        common_english = all(zipf_frequency(t, "en") >= 4.5 for t in tokens)
        pinyin = all(is_pinyin(t) for t in tokens)
        return pinyin and not common_english, f"{'all' if pinyin else 'not all'} words pinyin syllables"
    if original != "ru":
        english = sum(zipf_frequency(t, "en") >= 4.0 for t in tokens)
        return 2 * english < len(tokens), "mostly not English (no back-transliteration for this language)"
    native = [t for t in tokens if russian_frequency(t) > zipf_frequency(t, "en")]
    english = [t for t in tokens if t not in native and zipf_frequency(t, "en") >= 3.0]
    cue = (f"{len(native)} of {len(tokens)} words more frequent in Russian (back-transliterated)"
           f" than in English, {len(english)} English")
    return 2 * len(native) >= len(tokens) and len(native) > len(english), cue
