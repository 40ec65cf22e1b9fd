"""The edition configuration: facts about *this* edition that no transcript holds.

Read from ``teiscribe.toml`` (TOML 1.0) in the working folder, or the file
given with ``--config``. Keys, all optional, under ``[edition]``:

=================  ==========================================================
``publisher``      who publishes the edition (``publicationStmt/publisher``)
``pub_place``      where (``pubPlace``)
``licence``        licence name, e.g. ``"CC BY 4.0"`` (``availability/licence``)
``licence_url``    licence URI (``licence/@target``)
``base_url``       permanent URL prefix of the edition; ``<base_url><id>``
                   becomes the edition's ``idno type="URI"`` (a ``/`` is
                   added when the prefix does not end in one)
``idno_prefix``    prefix of the edition's own identifier (default none)
``date``           publication date of the edition, ISO 8601 (``publicationStmt/date``)
=================  ==========================================================

Unset keys are never invented: the header says they are unknown
(``availability status="unknown"``) and the build warns.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from teiscribe.errors import InputError, location_of

CONFIG_NAME = "teiscribe.toml"


@dataclass(frozen=True)
class EditionConfig:
    """Edition-level settings; see the module docstring for each key."""

    publisher: str = ""
    pub_place: str = ""
    licence: str = ""
    licence_url: str = ""
    base_url: str = ""
    idno_prefix: str = ""
    date: str = ""


def load_config(path: Path | None = None) -> EditionConfig:
    """Load the configuration from ``path`` (default ``./teiscribe.toml`` if present).

    Raises :class:`InputError` (code ``CONF002``) for malformed TOML (with line
    and column), an unknown section or key, or a URI key that is not an
    absolute URI (RFC 3986).
    """
    explicit = path is not None
    path = path or Path(CONFIG_NAME)
    if not path.exists():
        if explicit:
            raise InputError("configuration file not found", location_of(path))
        return EditionConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(where.group(1)), int(where.group(2))) if where else (0, 0)
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise InputError(f"malformed TOML: {reason}", location_of(path, line, col), code="CONF002") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read configuration: {exc}", location_of(path), code="CONF002") from None
    if set(data) - {"edition"}:
        raise InputError(f"unknown section(s): {', '.join(sorted(set(data) - {'edition'}))}",
                         location_of(path), hint="the only section is [edition]", code="CONF002")
    edition = data.get("edition", {})
    known = {f.name for f in fields(EditionConfig)}
    unknown = sorted(set(edition) - known)
    if unknown:
        raise InputError(f"unknown key(s) in [edition]: {', '.join(unknown)}", location_of(path),
                         hint=f"known keys: {', '.join(sorted(known))}", code="CONF002")
    values = {k: str(v).strip() for k, v in edition.items()}
    for key in ("licence_url", "base_url"):
        if values.get(key) and not is_absolute_uri(values[key]):
            raise InputError(f"[edition] {key} = {values[key]!r} is not an absolute URI",
                             location_of(path), hint="e.g. https://example.org/", code="CONF002")
    if values.get("date") and not is_iso_date(values["date"]):
        raise InputError(f"[edition] date = {values['date']!r} is not an ISO 8601 date (YYYY, YYYY-MM or "
                         "YYYY-MM-DD)", location_of(path), code="CONF002")
    if values.get("base_url") and not values["base_url"].endswith(("/", "#", "=")):
        values["base_url"] += "/"
    return EditionConfig(**values)


def is_absolute_uri(value: str) -> bool:
    """An absolute URI: an RFC 3986 scheme, ``:``, and a part without spaces."""
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:\S+", value))


def is_iso_date(value: str) -> bool:
    """An ISO 8601 calendar date at year, month or day precision (``YYYY[-MM[-DD]]``)."""
    return bool(re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value))
