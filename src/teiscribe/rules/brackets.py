"""Square brackets: what a translator's or editor's ``[...]`` is.

Categories and the TEI element each becomes (TEI P5 Guidelines):

* ``[sic]`` → ``sic`` around the word(s) it qualifies (CO 3.5.1);
* letters glued to a word, ``C[entral]`` → ``expan``/``ex`` (CO 3.6.5);
* ``[Page 283]`` → ``pb n="283"`` (CO 3.11.3);
* ``[Translator's note: ...]`` or a bracketed sentence of twelve words or more
  → ``note type="editorial"`` (CO 3.9);
* ``[words unintelligible]``, ``[blacked out]`` → ``gap`` with ``@reason`` (PH 11.4);
* Latin-script words of the original language → ``foreign`` (CO 3.3.2),
  decided by :func:`teiscribe.rules.languages.is_transliterated`;
* anything else → ``supplied`` (PH 11.3.1.6) with a ``@reason``:
  ``identification`` (a name completed or identified), ``variant-name``
  (another spelling of the name just before), ``gloss`` (an English synonym
  of the word before), ``clarification`` (dates, places, explanations),
  ``omitted`` (words or punctuation the sentence needs).

The rules look at the bracket's own words and its immediate neighbours only;
no list of expected terms is involved.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from wordfreq import zipf_frequency

from teiscribe.rules.languages import is_transliterated, transliteration_tag

_GAP = re.compile(
    r"^(?:[\w\s]*\b)?(unintelligible|illegible|inaudible|blacked out|deleted|redacted|"
    r"not provided|not given|not declassified|missing|torn)\b", re.I)
_EDITORIAL = re.compile(r"^(?:(?:translator|editor|ed|trans|tr)(?:'?s|\.)?\s+note|note)\b\s*[:.]?", re.I)
_PAGE = re.compile(r"^(?:page|p\.)\s*(\d+[a-z]?)$", re.I)
_PREPOSITION = re.compile(r"^(?:in|on|at|of|from|to|for|during|since|by)\s+(?:the\s+)?[A-Z0-9]")
_MONTHS = {m.lower() for m in calendar.month_name if m}


@dataclass(frozen=True)
class Verdict:
    """What a bracket is: ``kind`` (a model node kind: ``sic``, ``ex``, ``pb``,
    ``gap``, ``foreign``, ``supplied``), its attributes, the deciding ``cue``
    and whether that cue is ``certain``."""

    kind: str
    attrs: dict
    cue: str
    certain: bool = True


def classify(content: str, before: str, after: str, original_lang: str) -> Verdict:
    """Classify one bracket.

    ``content`` is the text inside the brackets; ``before`` and ``after`` the
    source text immediately preceding and following it (same paragraph);
    ``original_lang`` the BCP 47 tag of the document's original language.
    """
    stripped = content.strip()
    if stripped.lower().rstrip("!") == "sic":
        return Verdict("sic", {}, "[sic] marker")
    if before[-1:].isalpha() and stripped[:1].islower():
        return Verdict("ex", {}, "letters glued to an abbreviation")
    if page := _PAGE.match(stripped):
        return Verdict("pb", {"n": page.group(1)}, "page reference")
    if gap := _GAP.match(stripped):
        return Verdict("gap", {"reason": gap.group(1).lower().replace(" ", "-")}, "gap wording")
    if _EDITORIAL.match(stripped) or (len(stripped.split()) >= 12 and stripped.endswith((".", "!", "?"))):
        return Verdict("note", {"type": "editorial"}, "an editorial remark (a sentence, or labelled a note)")
    if re.search(r"[\u0400-\u04ff]", stripped):
        return Verdict("foreign", {"lang": original_lang}, "Cyrillic script")
    if stripped and not re.search(r"\w", stripped):
        return Verdict("supplied", {"reason": "omitted"}, "punctuation only")
    if _completes_name(stripped, after):
        return Verdict("supplied", {"reason": "identification"},
                       "capitalised words completing the name that follows")
    foreign, cue = is_transliterated(stripped, original_lang)
    if foreign:
        return Verdict("foreign", {"lang": transliteration_tag(original_lang, stripped)}, cue)
    reason, why, certain = _supplied_reason(stripped, before, after)
    return Verdict("supplied", {"reason": reason}, why, certain)


def _completes_name(content: str, after: str) -> bool:
    """``[Gen. Georgy] Zhukov``: a capitalised word in the bracket, a name right after it."""
    tokens = content.split()
    return (bool(tokens) and any(t[:1].isupper() for t in tokens) and after[:1] == " "
            and after.lstrip()[:1].isupper() and not re.search(r"\d", content)
            and not content.rstrip().endswith((".", "?", "!")))


def _is_english(word: str) -> bool:
    return zipf_frequency(word, "en") >= 3.0


def _supplied_reason(content: str, before: str, after: str) -> tuple[str, str, bool]:
    tokens = content.split()
    capitalised = bool(tokens) and all(t[0].isupper() for t in tokens)
    prev_words = re.split(r"[\s\u2013\u2014]+", before[-40:].strip())
    prev = prev_words[-1].strip("\"“”'’(,;:") if prev_words else ""
    if re.search(r"\d", content) or _PREPOSITION.match(content) or _MONTHS & {t.lower() for t in tokens}:
        return "clarification", "date, number, or a phrase naming a place", True
    if capitalised and prev[:1].isupper() and not before.rstrip().endswith((".", "!", "?")):
        return "variant-name", "a name right after a name", False
    if capitalised and not all(_is_english(t.lower()) for t in tokens):
        return "identification", "a name standing for a reference", False
    if (len(tokens) == 1 and tokens[0].isalpha() and tokens[0].islower() and zipf_frequency(tokens[0], "en") < 3.5
            and len(prev) >= 5 and not before.rstrip().endswith((",", ";"))):
        return "gloss", "a rarer English word after a content word", False
    return "omitted", "English words the sentence needs", True
