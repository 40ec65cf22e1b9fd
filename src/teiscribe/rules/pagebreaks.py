"""Page-break artefacts: paragraphs that a page break split in two.

A paragraph split by a page break in the printed or scanned source arrives as
two blocks; the first stops mid-sentence. Two blocks are joined, with a
``pb`` at the join (TEI P5 CO 3.11.3), when the first ends in a lower-case
letter, a comma, semicolon or dash (no sentence can end there) and the second
is not a new labelled turn (``**Name:**``, ``NAME:``, ``Q.``, ``Name:``),
heading, list item or note. A word hyphenated
across the break (``decision-`` + ``making``) keeps its hyphen and gets
``pb break="no"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from teiscribe.model import Decision
from teiscribe.read import Block
from teiscribe.rules.inline import PB, PB_NOBREAK

_MID_SENTENCE = re.compile(r"[a-z\u00df-\u024f,;\u2013\u2014-]$")
_NOT_CONTINUATION = re.compile(
    r"^(?:\*\*|#|\[\d+\]|[-*+]\s|\d+\.\s"  # bold label, heading, note, list item
    r"|(?:(?:[A-Z]\.){0,3}\s?[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}|[A-Z])\s*(?:\([^)]*\))?\s*[.:]\s"  # NAME: / Q.
    r"|(?:(?:Comrade|Cde\.?)\s+)?[A-Z][\w.'’ -]{0,40}?(?:\s*\([^)]*\))?\s*:\s)")  # Name:


@dataclass
class Chunk:
    """A paragraph of text possibly joined from several blocks.

    ``parts`` pairs each source :class:`~teiscribe.read.Block` with the offset
    in ``text`` where it starts, so offsets map back to source lines.
    """

    text: str
    parts: list[tuple[int, Block]] = field(default_factory=list)

    @property
    def line(self) -> int:
        """The 1-based source line of the chunk's first character."""
        return self.parts[0][1].line

    def locate(self, offset: int) -> tuple[int, int]:
        """The 1-based source (line, column) of ``offset`` in :attr:`text`."""
        start, block = self.parts[0]
        for part_start, part in self.parts:
            if part_start <= offset:
                start, block = part_start, part
        return block.locate(max(0, min(offset - start, len(block.text))))


_PAGE_MARK = re.compile(r"^\[(?:Page|p\.)\s*\d+[a-z]?\]$", re.I)
_DATE_START = re.compile(r"^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b|^[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\b")


def join_page_breaks(blocks: list[Block], decisions: list[Decision]) -> list[Chunk]:
    """Return ``blocks`` as :class:`Chunk` paragraphs, page-break splits joined.

    A block that is only a page reference (``[Page 12]``) between the two
    halves of a split paragraph joins them itself (it becomes the ``pb``).
    A multi-line block (a list) is never continued, nor is a block continued
    by one opening with a date (a dateline). Each join is recorded in
    ``decisions`` with its cue.
    """
    chunks: list[Chunk] = []
    for block in blocks:
        previous = chunks[-1] if chunks else None
        if previous is not None and previous.text.endswith(" \x00"):  # after an inline [Page N]
            previous.text = previous.text[:-1]
            previous.parts.append((len(previous.text), block))
            previous.text += block.text
            continue
        if previous is not None and _PAGE_MARK.match(block.text) and _MID_SENTENCE.search(previous.text):
            previous.text += " "
            previous.parts.append((len(previous.text), block))
            previous.text += block.text + " \x00"
            continue
        if (previous is not None and _MID_SENTENCE.search(previous.text)
                and "\n" not in previous.parts[-1][1].text and not _DATE_START.match(block.text)
                and not _NOT_CONTINUATION.match(block.text)):
            hyphenated = previous.text.endswith("-") and block.text[:1].islower()
            mark = PB_NOBREAK if hyphenated else " " + PB
            previous.text += mark
            previous.parts.append((len(previous.text), block))
            previous.text += block.text
            line, col = previous.parts[-2][1].locate(len(previous.parts[-2][1].text))
            cue = f"paragraph ends mid-sentence ({previous.parts[-2][1].text[-12:]!r})"
            decisions.append(Decision(line, col, "page break", "pb (paragraph joined)", cue))
            continue
        chunks.append(Chunk(block.text, [(0, block)]))
    for chunk in chunks:
        chunk.text = chunk.text.removesuffix(" \x00")  # a page reference that ended the text
    return chunks
