"""The word-preservation invariant: no word of the source is lost or altered.

Markup syntax aside (Markdown, square brackets, ``<sup>`` note-call numbers
that became ``note/@n``, the ``[sic]`` marker that became ``sic``, page
references ``[Page 283]`` that became ``pb/@n``, the
number that opens each endnote), every word of the source must be in the
TEI: the metadata block's words in the ``teiHeader``, and the record's words
in ``text/body`` *in the same order*, endnotes following the body in number
order as they do in the source. The check reads the source text and the TEI
independently of the conversion rules, so a rule that drops or alters text
is caught rather than excused.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from teiscribe import TEI_NS

_NS = {"tei": TEI_NS}
_WORD = re.compile(r"\w+", re.UNICODE)
_INLINE = {f"{{{TEI_NS}}}{name}" for name in
           "expan ex hi foreign supplied sic pb persName date seg gap desc choice".split()}
_CORR = f"{{{TEI_NS}}}corr"  # the editor's words, not the source's
_NOTE = f"{{{TEI_NS}}}note"


def source_words(text: str, note_numbers: set[str] = frozenset()) -> list[str]:
    """Lower-cased words of a transcript, markup syntax removed.

    ``note_numbers`` are the numbers of the notes the TEI placed: their calls
    glued to a word (``President1``), between slashes (``/2/``), as Markdown
    footnotes (``[^1]``) and their numbers opening a note line (``1. ``) are
    markup, not words.
    """
    text = re.sub(r"<sup>\s*\[?\d+\]?\s*</sup>", " ", text)
    if note_numbers:
        numbers = "|".join(sorted(note_numbers, key=len, reverse=True))
        text = re.sub(rf"(?<=[a-z.,;:!?”\"’)])(?:{numbers})(?=[\s,.;:]|$)", "", text, flags=re.M)
        text = re.sub(rf"/(?:{numbers})/|\[\^?(?:{numbers})\]:?", " ", text)
        text = re.sub(rf"^(?:{numbers})[.)]\s", " ", text, flags=re.M)
    text = re.sub(r"\[sic!?\]", " ", text, flags=re.I)
    text = re.sub(r"\[(?:page|p\.)\s*(\d+[a-z]?)\]", " ", text, flags=re.I)  # became pb/@n
    text = re.sub(r"^\[\d+\]\s", " ", text, flags=re.M)
    text = text.replace("[", "").replace("]", "")
    return _WORD.findall(text.lower())


def tei_words(root: etree._Element) -> tuple[list[str], list[str]]:
    """(header words, body words in reading order with notes last by number)."""
    header = root.find("tei:teiHeader", _NS)
    body = root.find("tei:text/tei:body", _NS)
    header_words = _WORD.findall(" ".join(header.itertext()).lower()) if header is not None else []
    if body is None:
        return header_words, []
    notes = sorted(body.iterfind(".//tei:note[@n]", _NS), key=lambda n: int(n.get("n")))
    body_words = _WORD.findall(_mixed_text(body).lower())
    note_words = [w for note in notes for w in _WORD.findall("".join(note.itertext()).lower())]
    return header_words, body_words + note_words


def _mixed_text(element: etree._Element) -> str:
    """Text of ``element`` without notes, block elements separated by spaces."""
    out = [element.text or ""]
    for child in element:
        endnote = child.tag == _NOTE and child.get("n") is not None  # listed at the end in the source
        if child.tag != _CORR and not endnote:
            out.append(_mixed_text(child))
        out.append(child.tail or "")
    return "".join(out) + ("" if element.tag in _INLINE else " ")


def missing_words(source_text: str, tei: etree._Element, left_out: list[tuple[int, int]] = ()) -> list[str]:
    """Words of ``source_text`` the TEI ``tei`` lost or misplaced; empty when preserved.

    ``left_out`` lists (first, last) 1-based line ranges the converter
    reported as page furniture (``FURN001``); their words are not expected.

    Returns human-readable problems (at most 10), e.g. ``"body word 3012 'joint'
    (after '... build a') not found in order"``.
    """
    if left_out:
        lines = source_text.split("\n")
        for first, last in left_out:
            lines[first - 1 : last] = [""] * (last - first + 1)
        source_text = "\n".join(lines)
    numbers = {n.get("n") for n in tei.iterfind(".//tei:text//tei:note[@n]", _NS)}
    words = source_words(source_text, numbers)
    header_words, body_words = tei_words(tei)
    if not body_words:
        return ["the TEI body has no words"]
    start = _find_run(words, body_words[:6])
    if start < 0:
        return [f"the body's first words {' '.join(body_words[:6])!r} are not in the source"]
    problems: list[str] = []
    missing_meta = Counter(words[:start]) - Counter(header_words)
    problems += [f"metadata word {w!r} missing from the teiHeader" for w in sorted(missing_meta)]
    position = 0
    for index, word in enumerate(words[start:]):
        try:
            position = body_words.index(word, position) + 1
        except ValueError:
            context = " ".join(words[start + max(0, index - 5): start + index])
            problems.append(f"body word {index + 1} {word!r} (after '... {context}') not found in order")
            break
    return problems[:10]


def _find_run(words: list[str], run: list[str]) -> int:
    for index in range(len(words) - len(run) + 1):
        if words[index : index + len(run)] == run:
            return index
    return -1
