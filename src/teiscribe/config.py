"""The edition configuration: facts about *this* edition that no transcript holds.

Read from ``teiscribe.toml`` (TOML 1.0) in the working folder, or the file
given with ``--config``. Keys, all optional, under ``[edition]``:

=================  ==========================================================
``publisher``      who publishes the edition (``publicationStmt/publisher``)
``pub_place``      where (``pubPlace``)
``licence``        licence name, e.g. ``"CC BY 4.0"`` (``availability/licence``)
``licence_url``    licence URI (``licence/@target``)
``base_url``       permanent URL prefix of the edition; ``<base_url><id>``
                   becomes the edition's ``idno type="URI"``
``idno_prefix``    prefix of the edition's own identifier (default none)
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


def load_config(path: Path | None = None) -> EditionConfig:
    """Load the configuration from ``path`` (default ``./teiscribe.toml`` if present).

    Raises :class:`InputError` for malformed TOML (with line and column) or an
    unknown key.
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
        raise InputError(f"malformed TOML: {reason}", location_of(path, line, col)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read configuration: {exc}", location_of(path)) from None
    edition = data.get("edition", {})
    known = {f.name for f in fields(EditionConfig)}
    unknown = sorted(set(edition) - known)
    if unknown:
        raise InputError(f"unknown key(s) in [edition]: {', '.join(unknown)}", location_of(path),
                         hint=f"known keys: {', '.join(sorted(known))}")
    return EditionConfig(**{k: str(v) for k, v in edition.items()})
