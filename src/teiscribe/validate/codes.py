"""The stable message codes of ``teiscribe validate``.

Each code names one kind of fault and never changes meaning; new faults get
new codes. ``CODES`` maps a code to ``(severity, layer, meaning)``:
``severity`` is the default (``"error"``, ``"warning"`` or ``"info"``),
``layer`` the check that raises it (``parse``, ``rng``, ``xsd``,
``schematron``, ``project`` for ``schema/teiscribe.sch``, or ``run``).
``docs/validate.md`` prints this table; a test keeps the two in step.
"""

from __future__ import annotations

CODES: dict[str, tuple[str, str, str]] = {
    # --- reading the document (xmlio + document.py) -----------------------
    "XML001": ("error", "parse", "the file cannot be read (missing, no permission, over the size limit: exit 3) "
                                 "or is not well-formed XML, or is empty (exit 1)"),
    "XML002": ("error", "parse", "the DOCTYPE declares entities; entities are never expanded (XXE, billion laughs)"),
    "XML003": ("error", "parse", "the DOCTYPE names an external DTD; DTDs are never loaded or fetched"),
    "NS001": ("error", "parse", "a namespace prefix is used but never declared"),
    "INPUT001": ("error", "run", "a folder holds no *.xml file, or a glob matches no file"),
    # --- grammars -------------------------------------------------------------
    "RNG001": ("error", "rng", "invalid against the RELAX NG schema"),
    "XSD001": ("error", "xsd", "invalid against the W3C XML Schema"),
    # --- Schematron: any schema -------------------------------------------------
    "SCH001": ("error", "schematron", "a Schematron assertion failed or a report fired (severity from its @role)"),
    "SCH002": ("error", "schematron", "a Schematron test could not be evaluated (dynamic XPath error)"),
    # --- schema/teiscribe.sch: the project's rules -----------------------------
    "ID001": ("error", "project", "an xml:id is used twice in the document"),
    "ID002": ("error", "project", "an xml:id is not an NCName"),
    "PTR001": ("error", "project", "a local pointer (#id in @who, @target, @ref, @resp, ...) names no xml:id"),
    "URI001": ("error", "project", "a URI in a pointer attribute is not a syntactically valid URI (RFC 3986/3987)"),
    "LANG001": ("error", "project", "an xml:lang (or @mainLang, language/@ident) is not a well-formed BCP 47 tag"),
    "DATE001": ("error", "project", "@when/@notBefore/@notAfter is not a W3C date, time or dateTime"),
    "NOTE003": ("error", "project", "a note is nested inside another note"),
    "NOTE004": ("warning", "project", "note numbering skips a number"),
    "SP001": ("error", "project", "an sp (speech) has no speaker"),
    # --- schemas and the run -----------------------------------------------------
    "SCHEMA001": ("error", "run", "a schema cannot be read or compiled"),
    "SCHEMA002": ("error", "run", "a schema is remote (never fetched) or an xml-model declaration is unusable"),
    "USAGE001": ("error", "run", "a bad option value"),
}

SEVERITIES = ("info", "warning", "error")
"""Severities from least to most severe (``--fail-on`` compares by this order)."""

EXIT_VALID, EXIT_INVALID, EXIT_USAGE, EXIT_UNREADABLE, EXIT_SCHEMA = 0, 1, 2, 3, 4
"""Exit codes of ``teiscribe validate`` (never the number of errors)."""


def severity_rank(severity: str) -> int:
    """Index of ``severity`` in :data:`SEVERITIES` (unknown severities rank as errors)."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES) - 1
