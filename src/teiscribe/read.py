"""Stage 1, read: a transcript file becomes a :class:`Source` of blocks.

Decoding follows what editors actually receive: UTF-16 when it has a BOM,
UTF-8 (with or without a BOM), then Windows-1252 with a warning. Characters
that XML 1.0 forbids (control characters) are replaced by U+FFFD and reported. Line endings (CRLF, CR) become LF and
no-break spaces become plain spaces; both normalisations are declared in the
TEI header's ``editorialDecl``. A *block* is a run of non-blank lines (a
Markdown paragraph); the blank lines between blocks are kept as a count, since
a page break in the source shows up as a paragraph split by blank lines.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from teiscribe.errors import InputError, Location, Message, location_of

MAX_SOURCE_BYTES = 16 * 1024 * 1024
"""Largest transcript accepted, in bytes (16 MiB)."""


@dataclass(frozen=True)
class Block:
    """A paragraph of the source: ``text`` (lines joined by ``\\n``), its first
    ``line`` (1-based), and ``gap``, the number of blank lines before it."""

    text: str
    line: int
    gap: int = 1

    def locate(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of character ``offset`` in ``text``."""
        before = self.text[:offset]
        line = self.line + before.count("\n")
        col = offset - (before.rfind("\n") + 1) + 1
        return line, col


@dataclass
class Source:
    """A decoded transcript: ``path``, the normalised ``text``, its ``blocks``,
    the SHA-256 of the raw bytes (hex), and the messages raised while reading."""

    path: Path
    text: str
    blocks: list[Block]
    sha256: str
    messages: list[Message] = field(default_factory=list)

    def where(self, line: int = 0, col: int = 0) -> Location:
        """A :class:`Location` in this source."""
        return location_of(self.path, line, col)


def decode(raw: bytes, path: Path) -> tuple[str, list[Message]]:
    """Decode transcript bytes: UTF-8 (BOM stripped), else Windows-1252 with a warning.

    Returns the text and any messages. Raises :class:`InputError` for binary
    input (NUL bytes), naming the first offending line.
    """
    messages: list[Message] = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), messages
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 at byte {exc.start}", location_of(path)) from None
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError("file contains NUL bytes; is it a text transcript?", location_of(path, line))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        text = raw.decode("cp1252", errors="replace")
        messages.append(
            Message(location_of(path, line), "warning", "READ001",
                    "not valid UTF-8; decoded as Windows-1252 (check accented letters)")
        )
    return text, messages


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def replace_illegal(text: str, path: Path) -> tuple[str, list[Message]]:
    """Replace characters XML 1.0 forbids (control characters) by U+FFFD, reporting each.

    Returns the new text and one ``DAMAGE002`` warning per character, located
    by line and column (W3C XML 1.0, production 2, ``Char``).
    """
    messages = []
    for match in _XML_ILLEGAL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        messages.append(Message(location_of(path, line, col), "warning", "DAMAGE002",
                                f"control character U+{ord(match.group()):04X} cannot stand in XML; "
                                "replaced by U+FFFD (correct it in the TEI by hand)"))
    return _XML_ILLEGAL.sub("\ufffd", text), messages


def normalise(text: str) -> str:
    """Normalise line endings to LF and no-break spaces (U+00A0, U+202F) to spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def split_blocks(text: str) -> list[Block]:
    """Split normalised text into :class:`Block` paragraphs at blank lines.

    Text copied from a web page often separates paragraphs by a single line
    break: when it has fewer blank lines than one for every ten lines of
    prose (lines of 60 characters or more), every line is a block. Trailing
    whitespace of each line is dropped (a Markdown hard line break, two
    trailing spaces, carries no words).
    """
    lines = text.split("\n")
    blank = sum(not line.strip() for line in lines)
    prose = sum(len(line) >= 60 for line in lines)
    if prose >= 10 and blank * 10 < prose:
        return [Block(line.rstrip(), number, 1) for number, line in enumerate(lines, start=1) if line.strip()]
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    gap = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.rstrip())
            continue
        if current:
            blocks.append(Block("\n".join(current), start, gap))
            current, gap = [], 0
        gap += 1
    if current:
        blocks.append(Block("\n".join(current), start, gap))
    return [part for block in blocks for part in _split_turn_lines(block)]


_LABEL_LINE = re.compile(r"^(?:\*\*)?(?:[A-Z][\w.'’ -]{0,40}?|[A-Z][A-Z.'’ -]{0,40})(?:\s*\([^)]*\))?\s*(?::|\*\*:|:\*\*)\s")


def _split_turn_lines(block: Block) -> list[Block]:
    """A block in which two lines or more open with a speaker label (``NAME: ...``)
    is a run of turns copied with single line breaks: one block per line."""
    lines = block.text.split("\n")
    if sum(bool(_LABEL_LINE.match(line)) for line in lines) < 2:
        return [block]
    return [Block(line, block.line + index, block.gap if index == 0 else 0)
            for index, line in enumerate(lines) if line.strip()]


def read_source(path: str | Path) -> Source:
    """Read the transcript at ``path`` into a :class:`Source`.

    Raises :class:`InputError` when the file is missing, unreadable, empty,
    binary or larger than :data:`MAX_SOURCE_BYTES`.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read transcript: {exc.strerror}", location_of(path),
                         hint="check the path") from None
    if len(raw) > MAX_SOURCE_BYTES:
        raise InputError(f"transcript is {len(raw)} bytes, over the {MAX_SOURCE_BYTES}-byte limit",
                         location_of(path))
    text, messages = decode(raw, path)
    text, damaged = replace_illegal(normalise(text), path)
    messages += damaged
    blocks = split_blocks(text)
    if not blocks:
        raise InputError("transcript is empty", location_of(path, 1, 1))
    return Source(path, text, blocks, hashlib.sha256(raw).hexdigest(), messages)
