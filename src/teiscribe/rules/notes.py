"""Note texts listed at the end of a record (TEI P5 CO 3.9).

Recognised forms of the endnote list, each a trailing run of paragraphs or
lines: ``[n] text``, Markdown footnotes ``[^n]: text``, and numbered lines
``n. text`` / ``n) text`` (with or without a "↩" back-link), optionally
under a heading such as "Notes" or "Endnotes" (the heading is markup and is
reported as left out). The texts are removed from the body and placed at
their calls by :mod:`teiscribe.rules.inline`.
"""

from __future__ import annotations

import re

from teiscribe.rules.pagebreaks import Chunk

_NOTE_LINE = re.compile(r"^(?:\[\^?(\d{1,3})\]:?|(\d{1,3})[.)])\s+(.+?)\s*(?:↩\S*)?\s*$", re.S)
_HEADING = re.compile(r"^(?:#+\s*|\*\*)?(?:End|Foot)?[Nn]otes:?(?:\*\*)?$")


def _note_lines(chunk: Chunk) -> list[tuple[str, str]] | None:
    lines = chunk.text.split("\n")
    if len(lines) > 1 and all(_NOTE_LINE.match(line) for line in lines):
        return [_parts(_NOTE_LINE.match(line)) for line in lines]
    match = _NOTE_LINE.match(chunk.text)
    return [_parts(match)] if match else None


def _parts(match: re.Match) -> tuple[str, str]:
    return match.group(1) or match.group(2), match.group(3).strip()


def split_notes(chunks: list[Chunk]) -> tuple[list[Chunk], dict[str, str], dict[str, Chunk], list[Chunk]]:
    """Split trailing note paragraphs off ``chunks``.

    Returns the remaining chunks, a map note number → text, a map note number
    → its chunk (for locating messages), and the chunks left out as markup
    (a "Notes" heading). Numbered lines (``1. text``) count as notes only
    when a ``[n]``/``[^n]``/``<sup>`` call or a notes heading makes them so:
    a numbered list in the record itself stays text.
    """
    end = len(chunks)
    while end and _note_lines(chunks[end - 1]):
        end -= 1
    heading = end and _HEADING.match(chunks[end - 1].text.strip())
    tail = [chunks[i].text for i in range(end, len(chunks))]
    bracketed = any(t.lstrip().startswith("[") or "↩" in t for t in tail)
    called = any("<sup>" in c.text or re.search(r"(?<![\w/])/\d{1,3}/(?![\w/])|\w\[\d{1,3}\]", c.text)
                 for c in chunks[:end])
    if end == len(chunks) or not (heading or bracketed or called):
        return chunks, {}, {}, []
    notes: dict[str, str] = {}
    where: dict[str, Chunk] = {}
    for chunk in chunks[end:]:
        for number, text in _note_lines(chunk):
            notes[number] = text
            where[number] = chunk
    left_out = [chunks[end - 1]] if heading else []
    return chunks[: end - (1 if heading else 0)], notes, where, left_out


def numbering_gaps(numbers: list[str]) -> list[int]:
    """Missing numbers in a note sequence (``["1", "2", "4"]`` → ``[3]``)."""
    values = sorted({int(n) for n in numbers})
    return [n for n in range(1, values[-1] + 1) if n not in values] if values else []
