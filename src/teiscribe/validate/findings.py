"""Merging the findings of all layers into one sorted report, each fault once.

A :class:`Finding` is a :class:`~teiscribe.errors.Message` plus what the
merge needs: the ``layer`` that raised it and the local name of the
attribute it is about (``None`` for element-level faults). The merge rules
(:func:`merge`), applied per file:

1. identical messages are reported once;
2. findings about the same attribute on the same line are one fault: only
   those of the most specific layer are kept — ``parse`` (the XML reader),
   then ``project`` (schema/teiscribe.sch), then ``rng``, then ``xsd``; so a
   bad ``xml:lang`` is ``LANG001`` once, not also ``RNG001`` and ``XSD001``;
3. an ``xsd`` finding on a line where ``rng`` reported is the same fault
   seen by the generated XSD, and is dropped;
4. other Schematron findings (any schema but the project's) are never
   dropped: they check different rules.

The result is sorted by path, line, column, code and text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from teiscribe.errors import Message

RANK = {"parse": 0, "project": 1, "rng": 2, "xsd": 3}


@dataclass(frozen=True)
class Finding:
    """One located message from one ``layer``, about attribute ``attr`` (local name) or ``None``."""

    message: Message
    layer: str
    attr: str | None = None


def sort_key(message: Message) -> tuple:
    """Order of messages in every report: path, line, column, code, text."""
    return (message.location.path, message.location.line, message.location.col, message.code, message.text)


def merge(findings: list[Finding]) -> list[Message]:
    """The messages of ``findings`` after the merge rules above, sorted."""
    best: dict[tuple, int] = {}
    rng_lines = set()
    for f in findings:
        where = (f.message.location.path, f.message.location.line)
        if f.attr and f.layer in RANK and where[1]:
            key = where + (f.attr,)
            best[key] = min(best.get(key, 9), RANK[f.layer])
        if f.layer == "rng":
            rng_lines.add(where)
    kept: dict[Message, None] = {}
    by_code: dict[tuple, list[Message]] = defaultdict(list)
    for f in findings:
        where = (f.message.location.path, f.message.location.line)
        if f.attr and f.layer in RANK and where[1] and RANK[f.layer] > best[where + (f.attr,)]:
            continue
        if f.layer == "xsd" and where in rng_lines:
            continue
        by_code[where + (f.message.code, f.attr)].append(f.message)
    for (_, line, _, attr), messages in by_code.items():
        if attr and line and len(messages) > 1:  # the same attribute fault from two readers: keep one
            messages = [min(messages, key=lambda m: (m.location.col == 0, sort_key(m)))]
        kept.update(dict.fromkeys(messages))
    return sorted(kept, key=sort_key)
