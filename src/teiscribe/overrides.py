"""The editor's overrides: a sidecar TOML file next to a transcript.

``seeds/<name>.toml`` beside ``seeds/<name>.txt`` pins decisions the
converter would otherwise take itself; an override always wins and is
recorded in the review report with the cue "editor's override". Sections,
all optional::

    [header]                 # wins over the source and teiscribe.toml
    id = "khrushchev-mao-1958-07-31"   # the document id (an NCName)
    title = "..."
    date = "1958-07-31"                # ISO 8601
    publisher = "..."
    licence = "CC BY 4.0"
    licence_url = "https://creativecommons.org/licenses/by/4.0/"
    idno = "..."                       # the edition's own identifier

    [speakers]               # a label as written -> person id and/or name
    "N.S. Khrushchev" = { id = "khrushchev", name = "Nikita S. Khrushchev" }
    "K" = { id = "khrushchev" }

    [brackets]               # a bracket as written -> category
    "[Sinkiang]" = "supplied:variant-name"   # supplied:<reason>
    "[Pravda]" = "foreign:ru-Latn"           # foreign:<BCP 47 tag>
    "[kak]" = "foreign"                      # the original language in Latin script
    "[20th]" = "supplied"                    # reason "omitted"

    [paragraphs]             # source line of an unlabelled paragraph -> role
    "203" = "narration"      # or "continuation"

    [corrections]            # damaged text -> its correction (choice/sic+corr)
    "IslandsŠ" = "Islands—"
"""

from __future__ import annotations

import re
import tomllib

import langcodes
from dataclasses import dataclass, field
from pathlib import Path

from teiscribe.config import is_absolute_uri, is_iso_date
from teiscribe.errors import InputError, location_of

_SECTIONS = {"header", "speakers", "brackets", "paragraphs", "corrections"}
_HEADER_KEYS = {"id", "title", "date", "publisher", "licence", "licence_url", "idno"}
_NCNAME = re.compile(r"^[A-Za-z_][\w.-]*$")


@dataclass(frozen=True)
class Overrides:
    """The parsed sidecar: see the module docstring for each section.

    ``brackets`` maps a bracket as written to ``(kind, value)``, e.g.
    ``("supplied", "variant-name")`` or ``("foreign", "ru-Latn")``;
    ``paragraphs`` maps a 1-based source line to ``"narration"`` or
    ``"continuation"``.
    """

    path: Path | None = None
    header: dict[str, str] = field(default_factory=dict)
    speakers: dict[str, dict[str, str]] = field(default_factory=dict)
    brackets: dict[str, tuple[str, str]] = field(default_factory=dict)
    paragraphs: dict[int, str] = field(default_factory=dict)
    corrections: dict[str, str] = field(default_factory=dict)


def sidecar_for(transcript: Path) -> Path:
    """The sidecar path of a transcript: same folder and stem, ``.toml``."""
    return transcript.with_suffix(".toml")


def load_overrides(transcript: Path) -> Overrides:
    """Load the sidecar of ``transcript`` (an empty :class:`Overrides` when absent).

    Raises :class:`InputError` (code ``OVR001``) for malformed TOML, an
    unknown section or key, or a value of the wrong form, naming the file.
    """
    path = sidecar_for(transcript)
    if not path.is_file():
        return Overrides()
    if path.stat().st_size > 1024 * 1024:
        raise InputError("overrides file over 1 MiB", location_of(path), code="OVR001")
    where = location_of(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"malformed overrides file: {exc}", where, code="OVR001") from None

    def fail(message: str) -> InputError:
        return InputError(message, where, code="OVR001", hint="see README, 'Editor's overrides'")

    if unknown := set(data) - _SECTIONS:
        raise fail(f"unknown section(s): {', '.join(sorted(unknown))}")
    header = {k: str(v) for k, v in data.get("header", {}).items()}
    if unknown := set(header) - _HEADER_KEYS:
        raise fail(f"unknown [header] key(s): {', '.join(sorted(unknown))}")
    if "id" in header and not _NCNAME.match(header["id"]):
        raise fail(f"[header] id {header['id']!r} is not an NCName (letters, digits, '-', '_', '.')")
    if "date" in header and not is_iso_date(header["date"]):
        raise fail(f"[header] date {header['date']!r} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if "licence_url" in header and not is_absolute_uri(header["licence_url"]):
        raise fail(f"[header] licence_url {header['licence_url']!r} is not an absolute URI")
    speakers = {}
    for label, value in data.get("speakers", {}).items():
        value = value if isinstance(value, dict) else {"id": str(value)}
        if set(value) - {"id", "name"} or ("id" in value and not _NCNAME.match(value["id"])):
            raise fail(f"[speakers] {label!r} takes {{ id = \"ncname\", name = \"...\" }}")
        speakers[label] = {k: str(v) for k, v in value.items()}
    brackets = {}
    for written, category in data.get("brackets", {}).items():
        kind, _, value = str(category).partition(":")
        if kind not in {"foreign", "supplied", "sic", "gap", "ex", "note"}:
            raise fail(f"[brackets] {written!r}: category {category!r} is not foreign, supplied, sic, gap, ex or note")
        if kind == "foreign" and value and not langcodes.tag_is_valid(value):
            raise fail(f"[brackets] {written!r}: {value!r} is not a well-formed BCP 47 language tag (e.g. ru-Latn)")
        brackets[written if written.startswith("[") else f"[{written}]"] = (kind, value)
    paragraphs = {}
    for line, role in data.get("paragraphs", {}).items():
        if not str(line).isdigit() or role not in {"narration", "continuation"}:
            raise fail(f"[paragraphs] {line!r} = {role!r}: use \"LINE\" = \"narration\" or \"continuation\"")
        paragraphs[int(line)] = role
    corrections = {str(k): str(v) for k, v in data.get("corrections", {}).items()}
    return Overrides(path, header, speakers, brackets, paragraphs, corrections)
