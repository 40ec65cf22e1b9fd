"""Site furniture: what a web page or PDF export adds around the record.

Menus, share buttons, "Related Documents", copyright lines: blocks before the
record starts (before the metadata block, the first heading, dateline,
participant list or speaker turn) and a run of short blocks after it that
end without sentence punctuation. They are left out of the TEI and reported
(``FURN001``) with their lines, so an editor can check nothing of the record
went with them.
"""

from __future__ import annotations

import re

from teiscribe.read import Block

_START = re.compile(
    r"^(?:\*\*|#|(?:Also )?(?:Present|Participants|Attending)\b|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|"
    r"[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|(?:Comrade |Cde\.? )?[A-Z][\w.'’ -]{0,40}?(?:\s*\([^)]*\))?\s*:\s)")
_SENTENCE_END = re.compile(r"[.!?:;”\"’)\]↩]$")


def split_furniture(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """Return ``(record blocks, furniture blocks)``.

    Leading furniture is only taken when a record start is found later and
    the lines before it are short (at most 12 words each); trailing
    furniture is a run of blocks whose lines have at most 8 words and no
    sentence-final punctuation, after a block that has it.
    """
    start = next((i for i, b in enumerate(blocks) if _START.match(b.text)), 0)
    while start and _is_title(blocks[start - 1]):
        start -= 1  # a title in capitals just before the record belongs to it
    lead = blocks[:start]
    if any(len(line.split()) > 12 for b in lead for line in b.text.split("\n")):
        lead, start = [], 0
    end = len(blocks)
    while end > start + 1 and _short_unpunctuated(blocks[end - 1]):
        end -= 1
    if end < len(blocks) and not _SENTENCE_END.search(blocks[end - 1].text.rstrip("*")):
        end = len(blocks)  # the record itself ends without punctuation: keep everything
    return blocks[start:end], lead + blocks[end:]


def _is_title(block: Block) -> bool:
    letters = [c for c in block.text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(block.text.split()) <= 12


def _short_unpunctuated(block: Block) -> bool:
    """Every line of the block short (at most 8 words) and without sentence punctuation."""
    lines = [line.strip() for line in block.text.split("\n")]
    return all(len(line.split()) <= 8 and not _SENTENCE_END.search(line.rstrip("*"))
               and not re.match(r"^\[\d+\]", line) and "**" not in line[:2] for line in lines)
