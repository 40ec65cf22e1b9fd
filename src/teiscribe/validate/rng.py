"""The RELAX NG layer (lxml / libxml2), compiled once per process.

:class:`RelaxNGLayer` reads a grammar safely (no network, no entities; every
``include``/``externalRef`` must be a local file — a remote one is
``SCHEMA002``, never fetched) and validates parsed documents, giving
``RNG001`` findings at the offending element's line and column.

Large self-contained grammars (``tei_all.rng``) are pruned to the element
names the run's documents use (:mod:`teiscribe.validate.prune`): the
``used`` names given at construction, extended — and the grammar recompiled —
if a document brings new ones. Verdicts are those of the full grammar.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from teiscribe import TEI_NS
from teiscribe.errors import Message, SchemaError, location_of
from teiscribe.validate.document import Document
from teiscribe.validate.findings import Finding
from teiscribe.validate.locate import position
from teiscribe.validate.prune import R, prunable, prune_grammar
from teiscribe.validate.schematron.source import local_target
from teiscribe.xmlio import safe_parser

_ATTRIBUTE = re.compile(r"(?:Invalid attribute|attribute) (\S+) (?:for|of) element")


def short(text: str) -> str:
    """Drop the TEI namespace from Clark names and squeeze whitespace."""
    return " ".join(text.replace("{" + TEI_NS + "}", "").replace("'ns1:", "'").split())


def read_grammar(path: Path) -> etree._Element:
    """The parsed grammar at ``path``, after checking that all it includes is local."""
    todo, seen = [path.resolve()], set()
    root = None
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            tree = etree.parse(str(current), safe_parser())
        except (OSError, etree.XMLSyntaxError) as exc:
            raise SchemaError(f"cannot read RELAX NG schema: {exc}", location_of(current)) from None
        root = tree.getroot() if root is None else root
        for node in tree.iter(f"{R}include", f"{R}externalRef"):
            target, _ = local_target(node.get("href", ""), current, location_of(current, node.sourceline or 0))
            todo.append(target)
    return root


class RelaxNGLayer:
    """A compiled RELAX NG grammar; ``used`` is the run's element local names (for pruning)."""

    layer = "rng"

    def __init__(self, path: str | Path, used: frozenset[str] | None = None):
        self.path = Path(path)
        self.grammar = read_grammar(self.path)
        self.used = frozenset(used or ())
        self.compilations = 0
        self.prunable = prunable(self.grammar)
        self._full: etree.RelaxNG | None = None
        self._schema = None
        if not self.prunable:
            self._schema = self.schema_for_all()
        elif used is not None:
            self._schema = self._compile(self.used)

    def schema_for_all(self) -> etree.RelaxNG:
        """The grammar compiled whole, unpruned (cached)."""
        if self._full is None:
            self._full = self._compile(frozenset())
        return self._full

    def _compile(self, used: frozenset[str]) -> etree.RelaxNG:
        self.compilations += 1
        try:
            pruned = prune_grammar(self.grammar, used) if used else None
        except Exception:  # pruning is an optimisation: never let it change the outcome
            pruned = None
        try:
            if pruned is not None:
                try:
                    return etree.RelaxNG(etree.ElementTree(pruned))
                except etree.RelaxNGParseError:
                    pass  # e.g. the root element is unused: let the full grammar say so
            return etree.RelaxNG(self.grammar.getroottree())
        except etree.RelaxNGParseError as exc:
            raise SchemaError(f"RELAX NG schema does not compile: {exc}", location_of(self.path)) from None

    def schema_for(self, doc: Document) -> etree.RelaxNG:
        """The compiled grammar, pruned to cover ``doc``'s element names."""
        if not self.prunable:
            return self.schema_for_all()
        names = {etree.QName(e).localname for e in doc.tree.iter() if isinstance(e.tag, str)}
        if self._schema is None or not names <= self.used:
            self.used = self.used | names
            self._schema = self._compile(self.used)
        return self._schema

    def check(self, doc: Document) -> list[Finding]:
        """``RNG001`` findings for ``doc`` (empty when valid)."""
        schema = self.schema_for(doc)
        if schema.validate(doc.tree):
            return []
        findings = []
        for entry in schema.error_log:
            elem = None
            if entry.path and entry.path.startswith("/"):
                try:
                    found = doc.tree.xpath(entry.path)
                    elem = found[0] if found and isinstance(found[0], etree._Element) else None
                except etree.XPathError:
                    elem = None
            line = entry.line or (elem.sourceline if elem is not None else 0) or 0
            attr = _ATTRIBUTE.search(entry.message)
            attr_name = attr.group(1).split(":")[-1] if attr else None
            col = 0
            if elem is not None and elem.sourceline == line:
                col = position(doc, elem, _clark(elem, attr.group(1)) if attr else None)[1]
            message = Message(location_of(doc.path, line, col), "error", "RNG001", short(entry.message))
            findings.append(Finding(message, self.layer, attr_name))
        return findings


def _clark(elem: etree._Element, name: str) -> str:
    """Clark name of attribute ``name`` as libxml2 prints it (``lang`` for ``xml:lang``)."""
    for key in elem.attrib:
        if etree.QName(key).localname == name.split(":")[-1]:
            return key
    return name
