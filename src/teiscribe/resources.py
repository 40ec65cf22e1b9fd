"""Where the shipped schemas and stylesheets live.

In a wheel they are package data under ``teiscribe/data/`` (copied there from
the repository's top-level ``schema/`` and ``xslt/`` by the build backend); in
a checkout (or an editable install) they are read from those top-level folders
directly, so there is exactly one copy to edit.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_ROOT = _PACKAGE_DIR.parent.parent


def data_dir(name: str) -> Path:
    """Return the folder of shipped data ``name`` (``"schema"`` or ``"xslt"``).

    Raises ``FileNotFoundError`` when neither the installed package data nor
    the checkout folder exists (a broken installation).
    """
    for candidate in (_PACKAGE_DIR / "data" / name, _CHECKOUT_ROOT / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"teiscribe data folder {name!r} is missing; reinstall teiscribe")


def schema_path(filename: str) -> Path:
    """Path of a file in the project schema folder, e.g. ``schema_path("teiscribe.rng")``."""
    return data_dir("schema") / filename


def xslt_path(relative: str) -> Path:
    """Path of a stylesheet (or CSS/font asset) under ``xslt/``, e.g. ``"html/html.xsl"``."""
    return data_dir("xslt") / relative
