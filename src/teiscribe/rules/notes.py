"""Note texts listed at the end of a record.

Endnotes are the trailing paragraphs of the form ``[n] text`` (or ``n. text``
when the record has note calls). They are removed from the body and placed
at their calls by :mod:`teiscribe.rules.inline` (TEI P5 CO 3.9).
"""

from __future__ import annotations

import re

from teiscribe.rules.pagebreaks import Chunk

_NOTE_TEXT = re.compile(r"^\[(\d{1,3})\]\s+(.+)$", re.S)


def split_notes(chunks: list[Chunk]) -> tuple[list[Chunk], dict[str, str], dict[str, Chunk]]:
    """Split trailing note paragraphs off ``chunks``.

    Returns the remaining chunks, a map from note number to note text, and a
    map from note number to its chunk (for locating messages).
    """
    end = len(chunks)
    while end and _NOTE_TEXT.match(chunks[end - 1].text):
        end -= 1
    notes: dict[str, str] = {}
    where: dict[str, Chunk] = {}
    for chunk in chunks[end:]:
        match = _NOTE_TEXT.match(chunk.text)
        notes[match.group(1)] = match.group(2).strip()
        where[match.group(1)] = chunk
    return chunks[:end], notes, where
