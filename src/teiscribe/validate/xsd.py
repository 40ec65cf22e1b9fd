"""The W3C XML Schema layer (xmlschema), with the compiled schema cached on disk.

Loading ``tei_all.xsd`` takes xmlschema ~25 s; the compiled schema is
therefore pickled into the user's cache directory
(``platformdirs.user_cache_dir("teiscribe")/xsd/<digest>.pickle``, or
``$TEISCRIBE_CACHE_DIR``), keyed by the SHA-256 of every schema document it
is built from (the main file and its local imports/includes, recursively),
the xmlschema version and the Python version: editing any of them, or
upgrading, makes a new entry. A damaged entry is ignored and rebuilt.

Schemas are read locally only (``allow="local"``, ``defuse="always"``);
a remote ``schemaLocation`` is ``SCHEMA002`` and is never fetched. Findings
are ``XSD001`` at the offending element (or attribute).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
from pathlib import Path

import xmlschema
from lxml import etree

from teiscribe.errors import Message, SchemaError, location_of
from teiscribe.validate.document import Document
from teiscribe.validate.findings import Finding
from teiscribe.validate.locate import position
from teiscribe.validate.rng import short
from teiscribe.validate.schematron.source import local_target
from teiscribe.xmlio import atomic_write, safe_parser

XS = "{http://www.w3.org/2001/XMLSchema}"
_ATTRIBUTE = re.compile(r"^attribute (?:\{[^}]*\})?([\w.\-]+)=")


def cache_dir() -> Path:
    """The folder of teiscribe's caches (``$TEISCRIBE_CACHE_DIR`` or the platform's user cache)."""
    if os.environ.get("TEISCRIBE_CACHE_DIR"):
        return Path(os.environ["TEISCRIBE_CACHE_DIR"])
    import platformdirs

    return Path(platformdirs.user_cache_dir("teiscribe"))


def schema_digest(path: Path) -> str:
    """SHA-256 over the schema documents reachable from ``path`` (local only) and the tool versions."""
    digest = hashlib.sha256(f"xmlschema {xmlschema.__version__} python {sys.version_info[:2]}".encode())
    todo, seen = [path.resolve()], set()
    while todo:
        current = todo.pop(0)
        if current in seen:
            continue
        seen.add(current)
        try:
            data = current.read_bytes()
            tree = etree.fromstring(data, safe_parser())
        except (OSError, etree.XMLSyntaxError) as exc:
            raise SchemaError(f"cannot read XML Schema: {exc}", location_of(current)) from None
        digest.update(current.name.encode() + b"\0" + hashlib.sha256(data).digest())
        for node in tree.iter(f"{XS}import", f"{XS}include", f"{XS}redefine", f"{XS}override"):
            if node.get("schemaLocation"):
                where = location_of(current, node.sourceline or 0)
                todo.append(local_target(node.get("schemaLocation"), current, where)[0])
    return digest.hexdigest()


def load_schema(path: Path, *, use_cache: bool = True) -> tuple[xmlschema.XMLSchema, bool]:
    """``(schema, from_cache)`` for the XSD at ``path``. Raises :class:`SchemaError`."""
    path = path.resolve()
    entry = cache_dir() / "xsd" / f"{schema_digest(path)}.pickle"
    if use_cache and entry.is_file():
        try:
            schema = pickle.loads(entry.read_bytes())
            if isinstance(schema, xmlschema.XMLSchemaBase):
                return schema, True
        except Exception:  # a damaged or incompatible entry: rebuild it
            pass
    try:
        schema = xmlschema.XMLSchema(str(path), allow="local", defuse="always", validation="strict")
    except (OSError, xmlschema.XMLSchemaException) as exc:
        raise SchemaError(f"cannot load XML Schema: {' '.join(str(exc).split())[:400]}", location_of(path)) from None
    if use_cache:
        try:
            atomic_write(entry, pickle.dumps(schema, protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            pass  # the cache is an optimisation
    return schema, False


class XSDLayer:
    """A compiled XML Schema; ``from_cache`` says whether it came from the disk cache."""

    layer = "xsd"

    def __init__(self, path: str | Path, *, use_cache: bool = True, schema: xmlschema.XMLSchema | None = None):
        self.path = Path(path)
        if schema is None:
            schema, self.from_cache = load_schema(self.path, use_cache=use_cache)
        else:
            self.from_cache = False
        self.schema = schema

    def check(self, doc: Document) -> list[Finding]:
        """``XSD001`` findings for ``doc`` (empty when valid)."""
        resource = xmlschema.XMLResource(doc.tree, allow="none", defuse="always")
        findings = []
        for error in self.schema.iter_errors(resource):
            elem = getattr(error, "invalid_child", None)
            if elem is None:
                elem = error.elem if isinstance(error.elem, etree._Element) else None
            text = error.reason or str(error.message)
            attr = _ATTRIBUTE.match(text)
            attr_key = None
            if attr and elem is not None:
                attr_key = next((k for k in elem.attrib if etree.QName(k).localname == attr.group(1)), None)
            line, col = position(doc, elem, attr_key) if elem is not None else (error.sourceline or 0, 0)
            where = f" (at {short(error.path)})" if error.path else ""
            message = Message(location_of(doc.path, line, col), "error", "XSD001", short(text) + where)
            findings.append(Finding(message, self.layer, attr.group(1) if attr else None))
        return findings
