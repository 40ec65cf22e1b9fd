"""The conversion rules, applied in order to one :class:`teiscribe.read.Source`.

0. :mod:`~teiscribe.rules.furniture` — site furniture around the record left out;
1. :mod:`~teiscribe.rules.pagebreaks` — join paragraphs split by page breaks;
2. :mod:`~teiscribe.rules.metadata` — the metadata block becomes :class:`Metadata`;
3. :mod:`~teiscribe.rules.notes` — endnote texts are taken off the body;
4. :mod:`~teiscribe.rules.turns` — heads, turns, narration, closer, persons
   (with :mod:`~teiscribe.rules.persons`);
5. :mod:`~teiscribe.rules.inline` — phrases inside each paragraph
   (with :mod:`~teiscribe.rules.brackets` and :mod:`~teiscribe.rules.languages`);
6. :mod:`~teiscribe.rules.damage` — suspect characters reported.
"""

from __future__ import annotations

import re
from pathlib import Path

from teiscribe.errors import InputError, Message, location_of
from teiscribe.model import Document, walk
from teiscribe.read import Source
from teiscribe.overrides import Overrides
from teiscribe.rules import damage, furniture, inline, metadata, notes, pagebreaks, persons, turns

_WCDA = re.compile(r"digitalarchive\.wilsoncenter\.org/document/(?:[a-z-]*?)?(\d+)")


def document_id(url: str, source_name: str) -> str:
    """The document's NCName id: ``wcda-<n>`` for a Wilson Center Digital
    Archive URL, else derived from the source file name (``doc-`` prefixed
    when it does not start with a letter)."""
    if match := _WCDA.search(url):
        return f"wcda-{match.group(1)}"
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(source_name).stem).strip("-.") or "document"
    return stem if stem[0].isalpha() else f"doc-{stem}"


def convert(source: Source, pinned: Overrides | None = None) -> tuple[Document, list[Message]]:
    """Apply every rule to ``source``; return the :class:`Document` and messages.

    ``pinned`` holds the editor's overrides (:mod:`teiscribe.overrides`),
    which win over every rule. Raises :class:`InputError` when the source has
    no body text at all.
    """
    pinned = pinned or Overrides()
    messages = list(source.messages)

    def warn(line: int, col: int, code: str, text: str) -> None:
        messages.append(Message(location_of(source.path, line, col), "warning", code, text))

    decisions: list = []
    record, left_out = furniture.split_furniture(source.blocks)
    chunks = pagebreaks.join_page_breaks(record, decisions)
    meta, body_chunks = metadata.split_metadata(chunks)
    if not meta.fields:
        warn(1, 1, "META001", "no metadata block (date, title, Citation, ...): the header has only the "
                              "file name as title and no source description")
    body_chunks, note_texts, note_where, headings = notes.split_notes(body_chunks)
    left_out += [block for chunk in headings for _, block in chunk.parts]
    for block in left_out:
        last = block.line + block.text.count("\n")
        warn(block.line, 1, "FURN001", f"left out as page furniture or markup, lines {block.line}-{last}: "
                                       f"{block.text[:50]!r}")
    if not body_chunks:
        raise InputError("no record text after the metadata block", location_of(source.path, 1, 1))
    _pin_header(meta, pinned)
    doc_id = pinned.header.get("id") or document_id(meta.url, source.path.name)
    doc = Document(doc_id, source.path.name, source.sha256, meta)
    doc.edition = {k: v for k, v in pinned.header.items() if k in ("publisher", "licence", "licence_url", "idno")}
    doc.left_out = sorted({(b.line, b.line + b.text.count("\n")) for b in left_out})
    registry = persons.Registry(pinned.speakers)
    current: dict = {}

    def locate(offset: int) -> tuple[int, int]:
        return current["chunk"].locate(current["base"] + offset)

    ctx = inline.Context(note_texts, meta.original_lang_tag or "und", locate, warn, decisions, overrides=pinned)

    def parse(chunk: pagebreaks.Chunk, base: int, text: str):
        current.update(chunk=chunk, base=base)
        nodes = inline.apply_corrections(inline.parse_inline(text, ctx), pinned.corrections)
        return inline.tag_scripts(nodes, ctx.original_lang)

    doc.body = turns.Structurer(registry, parse, warn, decisions, pinned.paragraphs).run(body_chunks)
    doc.persons = _by_first_mention(registry.persons, body_chunks)
    doc.decisions = decisions
    for number, chunk in note_where.items():
        if number not in ctx.used_notes:
            warn(chunk.line, 1, "NOTE002", f"note [{number}] is never called in the text; it is not placed")
    if note_where and (gaps := notes.numbering_gaps(list(note_where))):
        first = min(note_where.values(), key=lambda c: c.line)
        warn(first.line, 1, "NOTE004", f"note numbering has gaps: {', '.join(map(str, gaps))} missing")
    _languages(doc)
    if not meta.translator:  # nobody to point @resp at: the insertions' author is unknown
        for block in _all_blocks(doc.body):
            for node in walk(block.content + block.delivery):
                node.attrs.pop("resp", None)
    for block in source.blocks:
        corrected = [(m.start(), m.end()) for key in pinned.corrections for m in re.finditer(re.escape(key), block.text)]
        for offset, what in damage.find_damage(block.text):
            if any(start <= offset < end for start, end in corrected):
                continue  # the editor pinned a correction here
            line, col = block.locate(offset)
            warn(line, col, "DAMAGE001", what)
    messages += _unused_overrides(pinned, source, decisions, registry)
    doc.corrected = bool(pinned.corrections) and any(n.kind == "choice" for b in _all_blocks(doc.body)
                                                     for n in walk(b.content))
    return doc, messages


def _unused_overrides(pinned: Overrides, source: Source, decisions: list, registry) -> list[Message]:
    """A warning (``OVR002``, located in the overrides file) for each pin that matched
    nothing in the transcript: an editor's typo would otherwise do nothing silently."""
    where = pinned.path or source.path
    seen = {d.source for d in decisions if d.cue == "editor's override"}
    unused = [f"[brackets] {k!r}" for k in pinned.brackets if k not in seen]
    unused += [f"[corrections] {k!r}" for k in pinned.corrections if k not in source.text]
    labels = {label for p in registry.persons for label in p.labels}
    unused += [f"[speakers] {k!r}" for k in pinned.speakers if k not in labels]
    lines = {d.line for d in decisions if d.cue == "editor's override"}
    unused += [f"[paragraphs] \"{k}\"" for k in pinned.paragraphs if k not in lines]
    return [Message(location_of(where), "warning", "OVR002", f"override {key} matched nothing in {source.path.name}")
            for key in unused]


def _by_first_mention(people: list, chunks: list) -> list:
    """Persons in the order the record first names them (the principals of a heading
    such as "Of N.S. KHRUSHCHEV with MAO ZEDONG" first); unnamed ones keep their order last."""
    text = "\n".join(chunk.text for chunk in chunks)

    def first(person) -> int:
        found = [re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, 0 if len(form) <= 3 else re.I)
                 for form in (person.name, *person.labels)]
        return min((m.start() for m in found if m), default=len(text))

    return sorted(people, key=first)


def _pin_header(meta, pinned: Overrides) -> None:
    """Apply the editor's ``[header]`` title and date to the metadata."""
    if "title" in pinned.header:
        meta.title = pinned.header["title"]
    if "date" in pinned.header:
        meta.date_iso = pinned.header["date"]
        meta.date_text = meta.date_text or pinned.header["date"]


def _languages(doc: Document) -> None:
    used = ["en"]
    for block in _all_blocks(doc.body):
        for node in walk(block.content + block.delivery):
            lang = node.attrs.get("lang")
            if node.kind == "foreign" and lang and lang not in used:
                used.append(lang)
    doc.languages = used


def _all_blocks(blocks):
    for block in blocks:
        yield block
        yield from _all_blocks(block.blocks)
