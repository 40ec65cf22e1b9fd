"""The record's metadata block: date, title and ``**Field:**`` sections.

Archive exports (the Wilson Center Digital Archive's among them) open with a
bold date and title, then labelled fields (Citation, Summary, Original
Language, Contents, ...), then the record. Every field is kept verbatim in
:attr:`teiscribe.model.Metadata.fields`; the citation is further split into
its archival reference (repository, fond/opis/delo, folios, copy) when it
follows the Russian archival convention.
"""

from __future__ import annotations

import re
from datetime import datetime

from teiscribe.model import Metadata
from teiscribe.rules.languages import language_tag
from teiscribe.rules.pagebreaks import Chunk

_FIELD = re.compile(r"^\*\*(?P<name>[^*]+?):\*\*\s*$")
_BOLD_LINE = re.compile(r"^\*\*(?P<text>.+?)\*\*$")
_URL = re.compile(r"<?(https?://[^\s>]+)>?")
_DATE_FORMATS = ("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y", "%Y-%m-%d", "%B %Y", "%Y")
DATE_PATTERN = re.compile(
    r"\b(?:\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2})\b")


def iso_date(value: str) -> str:
    """ISO 8601 form of an English date (``"July 31, 1958"`` → ``"1958-07-31"``), or ``""``.

    Month-only and year-only dates give ``YYYY-MM`` and ``YYYY`` (W3C
    date types ``gYearMonth`` and ``gYear``).
    """
    value = value.strip().rstrip(".")
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        return parsed.strftime({"%B %Y": "%Y-%m", "%Y": "%Y"}.get(fmt, "%Y-%m-%d"))
    return ""


_RECORD_START = re.compile(
    r"^(?:\*\*[^*]+?(?::\s*\*\*|\*\*\s*:)\s*\S"            # **Name:** text
    r"|[A-Z][\w.'’ -]{0,40}?(?:\s*\([^)]*\))?\s*:\s+\S"    # Name: text
    r"|(?:Also )?(?:Present|Participants|Attending)\b"         # participants
    r"|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b"                      # 31 July 1958 ... (dateline)
    r"|[A-Z][A-Z .,'’-]{3,}$)")                                # FIRST TALK


def is_metadata_start(chunks: list[Chunk]) -> bool:
    """True when the source opens with a bold title/date block or a ``**Field:**``.

    The first block must be bold lines only (not a speaker's ``**Name:** text``).
    """
    if not chunks:
        return False
    lines = [ln.strip() for ln in chunks[0].text.split("\n")]
    bold_block = all(_BOLD_LINE.match(ln) and not _RECORD_START.match(ln) for ln in lines)
    return bold_block or bool(_FIELD.match(lines[0]))


def split_metadata(chunks: list[Chunk]) -> tuple[Metadata, list[Chunk]]:
    """Split the leading metadata block off ``chunks``; return it and the body.

    The block ends at the first Markdown heading (``#``), or at the first
    chunk that starts the record (a speaker label, a participants line, a
    dateline, a title in capitals), or at a plain chunk before any field.
    """
    meta = Metadata()
    if not is_metadata_start(chunks):
        return meta, chunks
    index = 0
    current = ""
    while index < len(chunks):
        chunk = chunks[index]
        first = chunk.text.split("\n")[0]
        if chunk.text.startswith("#") or (index and _RECORD_START.match(chunk.text.strip())):
            break
        if field := _FIELD.match(first):
            current = field.group("name").strip()
            meta.fields[current] = chunk.text[field.end():].strip()
        elif not current and index and not all(_BOLD_LINE.match(ln.strip()) for ln in chunk.text.split("\n")):
            break  # plain text before any field: the record itself
        elif current:
            joined = "\n\n".join(filter(None, [meta.fields[current], chunk.text]))
            meta.fields[current] = joined
        else:
            for line in chunk.text.split("\n"):
                bold = _BOLD_LINE.match(line.strip())
                value = bold.group("text").strip() if bold else line.strip()
                if iso_date(value) and not meta.date_iso:
                    meta.date_text, meta.date_iso = value, iso_date(value)
                elif not meta.title:
                    meta.title = value
        index += 1
    _interpret_fields(meta)
    return meta, chunks[index:]


def _interpret_fields(meta: Metadata) -> None:
    fields = {k.lower(): v for k, v in meta.fields.items()}
    meta.summary = fields.get("summary", "")
    meta.original_language = fields.get("original language", "").strip()
    meta.original_lang_tag = language_tag(meta.original_language) if meta.original_language else "und"
    meta.contents = [re.sub(r"^[-*+]\s+", "", line).strip()
                     for line in fields.get("contents", "").split("\n") if line.strip()]
    citation = fields.get("citation", "")
    if url := _URL.search(citation):
        meta.url = url.group(1)
    meta.citation = citation
    if translator := re.search(r"Translated(?: from \w+)?(?: into \w+)? by (.+?)\.?\s*(?:<|$)", citation, re.M):
        meta.translator = translator.group(1).strip()
    meta.archive = parse_archival_reference(citation)


def parse_archival_reference(citation: str) -> dict[str, str]:
    """Split a citation's archival reference into parts.

    Recognises the Russian archival hierarchy *fond / opis / delo* (collection,
    inventory, file) and folio ranges ``l.``/``ll.``, the repository named just
    before them, and a ``copy in ...`` clause. Returns only the parts found:
    keys ``repository``, ``fond``, ``opis``, ``delo``, ``folios``, ``copy``,
    ``copy_collection``, ``copy_repository``, ``copy_place``.
    """
    parts: dict[str, str] = {}
    segments = [s.strip() for s in re.split(r",\s+", citation)]
    for index, segment in enumerate(segments):
        if match := re.fullmatch(r"(fond|opis|delo|f\.|op\.|d\.)\s+(\S+?)\.?", segment):
            key = {"f.": "fond", "op.": "opis", "d.": "delo"}.get(match.group(1), match.group(1))
            parts[key] = match.group(2)
            if key == "fond" and index and "repository" not in parts:
                parts["repository"] = segments[index - 1]
        elif match := re.match(r"ll?\.\s+\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?", segment):
            parts["folios"] = match.group(0)
    if copy := re.search(r"copy in ([^.]+?)(?:\.\s|\.?$)", citation, re.M):
        parts["copy"] = copy.group(1)
        pieces = [p.strip() for p in copy.group(1).split(",")]
        collection = next((p for p in pieces if re.search(r"\bCollection\b", p)), "")
        rest = [p for p in pieces if p != collection]
        if collection:
            parts["copy_collection"] = collection
        place_at = next((i for i, p in enumerate(rest) if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*", p)
                         and i > 0 and "Library" not in p and "Division" not in p), len(rest))
        if rest[:place_at]:
            parts["copy_repository"] = ", ".join(rest[:place_at])
        if rest[place_at:]:
            parts["copy_place"] = ", ".join(rest[place_at:])
    return parts
