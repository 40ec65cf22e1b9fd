"""The print edition's fonts and the glyph preflight.

The book face is Noto Serif (SIL Open Font License 1.1), shipped unmodified
in ``xslt/print/fonts/`` with its licence (``OFL.txt``) and declared by
``@font-face`` in ``print.css``, so the PDF looks the same on every machine
with no font installed: full Latin (Basic, Latin-1, Extended-A/-B,
Extended Additional, IPA), Greek and Cyrillic (with Supplement) in regular,
italic, bold and bold italic. Chinese, Japanese and Korean text falls back to
the CJK families of :data:`CJK_FALLBACK` (Debian ``fonts-noto-cjk``), used
only where the text needs them. WeasyPrint embeds every font as a subset.

:func:`preflight` reads a TEI file and reports each character no font can
draw, with its file, line and column, instead of letting it print as an
empty box (a ``.notdef`` glyph, which ISO 19005-3, 6.2.11.8, forbids too):

* ``FONT001`` error: no shipped font, no CJK fallback and no installed font
  has a glyph for it;
* ``FONT002`` warning: only a font installed on this machine (found through
  fontconfig's ``fc-list``) has it: the PDF then depends on the machine.

One message per distinct character, at its first occurrence, saying how
often it occurs.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

from teiscribe.errors import Message, location_of
from teiscribe.resources import xslt_path

FONT_DIR = "print/fonts"
"""Folder of the shipped fonts, relative to ``xslt/``."""
FONT_FILES = ("NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf", "NotoSerif-Bold.ttf", "NotoSerif-BoldItalic.ttf")
"""The shipped faces (regular, italic, bold, bold italic); ``print.css`` declares them."""
CJK_FALLBACK = ("Noto Serif CJK SC", "Noto Serif CJK JP", "Noto Sans CJK SC")
"""Fallback families for CJK text, in ``print.css``'s order (installed, not shipped)."""

_IGNORED = {"Cc", "Cf", "Zl", "Zp"}  # controls and format characters (soft hyphen, ZWJ...) draw nothing
_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[|\]\]>|<\?.*?\?>|<!DOCTYPE[^>]*>|<[^>]*>", re.S)
_REFERENCE = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def font_paths() -> list[Path]:
    """Paths of the shipped font files (raises ``FileNotFoundError`` when one is missing)."""
    paths = [xslt_path(f"{FONT_DIR}/{name}") for name in FONT_FILES]
    for path in paths:
        if not path.is_file():
            raise FileNotFoundError(f"shipped font {path} is missing; reinstall teiscribe")
    return paths


@functools.lru_cache(maxsize=1)
def shipped_coverage() -> frozenset[int]:
    """Code points every shipped face has a glyph for (the intersection of their cmaps)."""
    from fontTools.ttLib import TTFont

    covered: frozenset[int] | None = None
    for path in font_paths():
        with TTFont(path, lazy=True) as font:
            cmap = frozenset(font.getBestCmap())
        covered = cmap if covered is None else covered & cmap
    return covered or frozenset()


@functools.lru_cache(maxsize=4096)
def installed_families(char: str) -> tuple[str, ...]:
    """Families of installed fonts with a glyph for ``char`` (fontconfig), sorted.

    Empty when none has one or when ``fc-list`` is not installed.
    """
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return ()
    try:
        result = subprocess.run([fc_list, f":charset={ord(char):x}", "family"], capture_output=True,
                                text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return ()
    families = {name.strip() for line in result.stdout.splitlines() for name in line.split(",")[:1]}
    return tuple(sorted(f for f in families if f))


def text_characters(source: str):
    """Yield ``(line, column, char)`` for each character of character data in the XML ``source``.

    Markup (tags, comments, processing instructions, the DOCTYPE) is skipped;
    character and predefined entity references count as the character they
    stand for, at the column of their ``&``. Lines and columns are 1-based.
    """
    for number, line in enumerate(_lines_outside_markup(source), 1):
        for col, char in line:
            yield number, col, char


def _lines_outside_markup(source: str):
    """Per line, ``[(column, char)]`` of character data (markup blanked out)."""
    blanked = _MARKUP.sub(lambda m: re.sub(r"[^\n]", "\0", m.group(0)), source)
    for line in blanked.split("\n"):
        chars, col = [], 0
        while col < len(line):
            if line[col] == "&" and (ref := _REFERENCE.match(line, col)):
                name = ref.group(1)
                value = (chr(int(name[2:], 16)) if name.startswith("#x") else
                         chr(int(name[1:])) if name.startswith("#") else _ENTITIES.get(name, ""))
                chars += [(col + 1, value)] if value else []
                col = ref.end()
                continue
            if line[col] != "\0":
                chars.append((col + 1, line[col]))
            col += 1
        yield chars


def preflight(tei: Path) -> list[Message]:
    """Report the characters of the TEI file ``tei`` that no font can draw.

    Returns ``FONT001`` errors and ``FONT002`` warnings (see the module
    docstring) located at each character's first occurrence; ``[]`` when every
    character has a glyph. Raises ``OSError``/``UnicodeDecodeError`` when the
    file cannot be read as UTF-8.
    """
    covered = shipped_coverage()
    first: dict[str, tuple[int, int]] = {}
    counts: Counter[str] = Counter()
    for line, col, char in text_characters(Path(tei).read_text("utf-8")):
        if ord(char) in covered or char.isspace() or unicodedata.category(char) in _IGNORED:
            continue
        first.setdefault(char, (line, col))
        counts[char] += 1
    messages = []
    for char, (line, col) in first.items():
        families = installed_families(char)
        if any(f in CJK_FALLBACK for f in families):
            continue
        name = unicodedata.name(char, "unnamed character")
        times = f" ({counts[char]} occurrences)" if counts[char] > 1 else ""
        where = location_of(tei, line, col)
        if families:
            messages.append(Message(where, "warning", "FONT002",
                                    f"U+{ord(char):04X} {char!r} ({name}){times} is in no shipped font: "
                                    f"drawn from the installed font {families[0]}, so the PDF depends on this machine"))
        else:
            messages.append(Message(where, "error", "FONT001",
                                    f"no font has a glyph for U+{ord(char):04X} {char!r} ({name}){times}; "
                                    "it would print as an empty box (for CJK text install Debian fonts-noto-cjk)"))
    return messages
