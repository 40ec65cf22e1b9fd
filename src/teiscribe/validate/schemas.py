"""Which schemas check a document: ``--schema`` values and ``<?xml-model?>`` declarations.

A :class:`SchemaSpec` is ``(kind, path)`` with ``kind`` ``"rng"``, ``"xsd"``
or ``"sch"`` (``embedded=True``: the Schematron rules inside an ``.rng``).
``--schema`` takes, repeatably:

* ``project`` (the default): ``schema/teiscribe.rng``, ``teiscribe.xsd`` and
  ``teiscribe.sch``;
* a path ending in ``.rng``, ``.xsd``, ``.sch`` or ``.isosch``;
* ``xml-model``: the schemas each document declares (W3C "Associating
  Schemas with XML documents 1.0"): ``schematypens`` picks the kind (RELAX NG,
  XSD, ISO Schematron — on an ``.rng``, its embedded rules), else the file
  extension; a relative ``href`` is resolved against the document; a remote
  one is never fetched (``SCHEMA002`` says which local file to pass instead).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from teiscribe.errors import Message, UsageError, location_of
from teiscribe.resources import schema_path

PROJECT, XML_MODEL = "project", "xml-model"
KINDS_BY_SUFFIX = {".rng": "rng", ".xsd": "xsd", ".sch": "sch", ".isosch": "sch"}
SCHEMATYPENS = {
    "http://relaxng.org/ns/structure/1.0": "rng",
    "http://www.w3.org/2001/XMLSchema": "xsd",
    "http://purl.oclc.org/dsdl/schematron": "sch",
    "http://www.ascc.net/xml/schematron": "sch",
}


@dataclass(frozen=True, order=True)
class SchemaSpec:
    """One schema to apply: ``kind`` (rng/xsd/sch), absolute ``path``, ``embedded`` Schematron, ``phase``."""

    kind: str
    path: str
    embedded: bool = False
    phase: str | None = None
    project: bool = False


def project_specs() -> list[SchemaSpec]:
    """The project's three schemas (RELAX NG, XSD, Schematron)."""
    return [SchemaSpec("rng", str(schema_path("teiscribe.rng").resolve()), project=True),
            SchemaSpec("xsd", str(schema_path("teiscribe.xsd").resolve()), project=True),
            SchemaSpec("sch", str(schema_path("teiscribe.sch").resolve()), project=True)]


def spec_for_path(value: str, phase: str | None = None) -> SchemaSpec:
    """The spec for a schema path given by the user. Raises :class:`UsageError` (exit 2)."""
    path = Path(value)
    kind = KINDS_BY_SUFFIX.get(path.suffix.lower())
    if kind is None:
        raise UsageError(f"--schema {value}: give a .rng, .xsd, .sch or .isosch file, 'project' or 'xml-model'")
    if not path.is_file():
        raise UsageError(f"--schema {value}: no such file")
    return SchemaSpec(kind, str(path.resolve()), phase=phase if kind == "sch" else None)


def resolve_specs(values: list[str] | None, phase: str | None = None) -> tuple[list[SchemaSpec], bool]:
    """``(fixed specs, use xml-model)`` for the ``--schema`` values (default: ``project``)."""
    specs: list[SchemaSpec] = []
    use_models = False
    for value in values or [PROJECT]:
        if value == PROJECT:
            specs += project_specs()
        elif value == XML_MODEL:
            use_models = True
        else:
            specs.append(spec_for_path(value, phase))
    return list(dict.fromkeys(specs)), use_models


def _remote_hint(href: str, kind: str) -> str:
    name = Path(urlsplit(href).path).name or f"schema.{kind}"
    return (f"xml-model href {href!r} is remote and is never fetched: save a copy and run with "
            f"--schema path/to/{name} (or point the href at the local file)")


def model_specs(path: Path, models: list[tuple[int, dict[str, str]]]) -> tuple[list[SchemaSpec], list[Message]]:
    """Specs declared by a document's ``xml-model`` PIs ``[(line, pseudo-attributes)]``.

    Problems (remote or missing href, unknown kind, no declaration at all)
    are ``SCHEMA002`` messages located at the PI.
    """
    specs, problems = [], []
    for line, attrs in models:
        where = location_of(path, line, 1 if line else 0)
        href = attrs.get("href", "")
        parts = urlsplit(href)
        target = Path(unquote(parts.path))
        kind = SCHEMATYPENS.get(attrs.get("schematypens", "")) or KINDS_BY_SUFFIX.get(target.suffix.lower())
        if not href or kind is None:
            problems.append(Message(where, "error", "SCHEMA002",
                                    f"xml-model declaration without a usable href/schematypens ({href or 'no href'})"))
            continue
        if parts.scheme and parts.scheme != "file" and len(parts.scheme) > 1:
            problems.append(Message(where, "error", "SCHEMA002", _remote_hint(href, kind)))
            continue
        full = (target if parts.scheme == "file" or target.is_absolute() else path.parent / target).resolve()
        if full.suffix.lower() == ".rnc":
            problems.append(Message(where, "error", "SCHEMA002",
                                    f"{href}: compact-syntax RELAX NG is not supported; convert it with trang to .rng"))
            continue
        if not full.is_file():
            problems.append(Message(where, "error", "SCHEMA002", f"xml-model href {href!r}: no such file {full}"))
            continue
        embedded = kind == "sch" and full.suffix.lower() == ".rng"
        specs.append(SchemaSpec(kind, str(full), embedded=embedded, phase=attrs.get("phase")))
    if not models:
        problems.append(Message(location_of(path), "error", "SCHEMA002",
                                "no <?xml-model?> declaration: give the schema with --schema FILE"))
    return specs, problems
