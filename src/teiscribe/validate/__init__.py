"""Validation stage: RELAX NG, XSD and ISO Schematron together, one located report.

Layers (one module each), every schema compiled once per process:

* :mod:`.rng` — RELAX NG through lxml (large grammars pruned to the run's
  element names, verdicts unchanged: :mod:`.prune`);
* :mod:`.xsd` — W3C XML Schema through xmlschema, compiled schema cached on disk;
* :mod:`.schematron` — ISO Schematron (``queryBinding`` xslt2/xslt3) compiled
  to XSLT 3.0 by our own compiler and run by Saxon (saxonche);
* :mod:`.document` — safe reading (no network, no DTD, no entities, size limit);
* :mod:`.findings` — one report: sorted, each fault once across layers;
* :mod:`.engine` — files in parallel; :mod:`.reports` — text/json/junit/github;
  :mod:`.command` — ``teiscribe validate``. Codes: :mod:`.codes`.

By default a document is checked against the project's schemas
(``schema/teiscribe.rng``, ``teiscribe.xsd``, ``teiscribe.sch``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from teiscribe.errors import Message
from teiscribe.validate.command import configure_parser, run_command
from teiscribe.validate.engine import Options, Validator
from teiscribe.validate.findings import sort_key
from teiscribe.validate.schemas import project_specs

__all__ = ["validate_file", "validate_files", "configure_parser", "run_command", "relaxng", "xml_schema"]


@functools.lru_cache(maxsize=1)
def project_validator() -> Validator:
    """The process's validator for the project schemas (compiled on first use).

    Raises :class:`~teiscribe.errors.SchemaError` when a shipped schema cannot be loaded.
    """
    return Validator(Options(tuple(project_specs())))


def validate_file(path: str | Path) -> list[Message]:
    """Validate one TEI file against the project schemas; return its messages (empty when valid).

    Each :class:`Message` is located (1-based line and column, 0 when
    unknown) and coded (see :mod:`teiscribe.validate.codes`); severity
    ``"error"`` means invalid, ``"warning"`` (e.g. ``NOTE004``) does not.
    A missing, unsafe or malformed file gives messages, never an exception.
    Raises :class:`~teiscribe.errors.SchemaError` only when the shipped schemas cannot be loaded.
    """
    return project_validator().check_file(Path(path)).messages


def validate_files(paths: Iterable[str | Path]) -> list[Message]:
    """Validate several files (each once); all their messages, sorted. Same rules as :func:`validate_file`."""
    messages: dict[Message, None] = {}
    for path in dict.fromkeys(Path(p) for p in paths):
        messages.update(dict.fromkeys(validate_file(path)))
    return sorted(messages, key=sort_key)


def relaxng():
    """The compiled ``schema/teiscribe.rng`` (an ``lxml.etree.RelaxNG``), cached for the process."""
    return _project_layer("rng").schema_for_all()


def xml_schema():
    """The compiled ``schema/teiscribe.xsd`` (an ``xmlschema.XMLSchema``), cached for the process."""
    return _project_layer("xsd").schema


def _project_layer(kind: str):
    validator = project_validator()
    spec = next(s for s in validator.options.schemas if s.kind == kind)
    return validator.layer(spec)
