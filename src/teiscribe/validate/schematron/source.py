"""Reading an ISO Schematron schema into one self-contained tree, ready to compile.

:func:`load_schematron` returns the ``sch:schema`` element after the ISO
Schematron (ISO/IEC 19757-3:2016 and 2020) preprocessing steps:

* ``sch:include`` (and ``sch:extends/@href``) replaced by the local file (or
  its ``#id`` fragment) it names — remote hrefs are refused, never fetched;
* a RELAX NG grammar with embedded rules (TEI's ``tei_all.rng``, the
  ``xml-model`` convention ``schematypens="…/schematron"`` on an ``.rng``)
  becomes a schema of its ``sch:ns``, ``sch:let`` and ``sch:pattern`` elements;
* abstract patterns instantiated (``pattern/@is-a`` with ``sch:param``:
  every ``$name`` in the abstract pattern's queries replaced by the value)
  and abstract rules expanded where a rule says ``sch:extends/@rule``.

Raises :class:`~teiscribe.errors.SchemaError` (``SCHEMA001``; ``SCHEMA002``
for a remote href) when the schema cannot be read.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from teiscribe.errors import SchemaError, location_of
from teiscribe.xmlio import safe_parser

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SCH = f"{{{SCH_NS}}}"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
QUERY_ATTRS = ("context", "test", "select", "path", "value", "subject")


def _parse(path: Path) -> etree._Element:
    try:
        return etree.parse(str(path), safe_parser()).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise SchemaError(f"cannot read Schematron schema: {exc}", location_of(path)) from None


def local_target(href: str, base: Path, where) -> tuple[Path, str]:
    """``(path, fragment)`` of a local ``href`` relative to ``base``; remote hrefs raise ``SCHEMA002``."""
    parts = urlsplit(href)
    if parts.scheme and parts.scheme != "file" and len(parts.scheme) > 1:
        raise SchemaError(f"{href} is remote and is never fetched; save a copy and refer to the local file",
                          where, code="SCHEMA002")
    target = Path(parts.path) if parts.scheme == "file" else base.parent / parts.path
    return target.resolve(), parts.fragment


def _expand_includes(elem: etree._Element, base: Path, seen: tuple[Path, ...]) -> None:
    for inc in list(elem.iter(f"{SCH}include", f"{SCH}extends")):
        href = inc.get("href")
        if href is None:
            continue
        where = location_of(base, inc.sourceline or 0)
        target, fragment = local_target(href, base, where)
        if target in seen:
            raise SchemaError(f"include cycle through {target}", where)
        root = _parse(target)
        _expand_includes(root, target, seen + (target,))
        if fragment:
            found = root.xpath("//*[@id=$f or @xml:id=$f]", f=fragment)
            if not found:
                raise SchemaError(f"no element with id {fragment!r} in {target}", where)
            root = found[0]
        root = copy.deepcopy(root)
        if inc.tag == f"{SCH}extends":  # ISO 2020: the included rule's content goes in place
            _replace(inc, [c for c in root if isinstance(c.tag, str)])
        else:
            _replace(inc, [root])


def _replace(old: etree._Element, new: list[etree._Element]) -> None:
    parent = old.getparent()
    index = parent.index(old)
    parent.remove(old)
    for offset, node in enumerate(new):
        parent.insert(index + offset, node)


def _from_rng(grammar: etree._Element) -> etree._Element:
    """A ``sch:schema`` of the rules embedded in a RELAX NG grammar (as TEI's extract-isosch)."""
    schema = etree.Element(f"{SCH}schema", nsmap={None: SCH_NS}, queryBinding="xslt2")
    for node in grammar.iter(f"{SCH}ns", f"{SCH}let", f"{SCH}pattern", f"{SCH}diagnostics"):
        if not any(a.tag.startswith(SCH) for a in node.iterancestors()):
            schema.append(copy.deepcopy(node))
    return schema


def _substitute(text: str, params: dict[str, str]) -> str:
    for name in sorted(params, key=len, reverse=True):
        text = re.sub(rf"\${re.escape(name)}(?![\w.\-])", lambda _m, v=params[name]: v, text)
    return text


def _instantiate(schema: etree._Element, where) -> None:
    abstract = {p.get("id"): p for p in schema.iter(f"{SCH}pattern") if p.get("abstract") == "true"}
    for pattern in list(schema.iter(f"{SCH}pattern")):
        base_id = pattern.get("is-a")
        if base_id is None:
            continue
        if base_id not in abstract:
            raise SchemaError(f"pattern is-a={base_id!r}: no abstract pattern with that id", where)
        params = {p.get("name"): p.get("value", "") for p in pattern.iter(f"{SCH}param")}
        instance = copy.deepcopy(abstract[base_id])
        for attr in ("abstract", "is-a"):
            instance.attrib.pop(attr, None)
        for key in ("id", "documents"):
            if pattern.get(key) is not None:
                instance.set(key, pattern.get(key))
        for node in instance.iter(f"{SCH}*"):
            for attr in QUERY_ATTRS:
                if node.get(attr) is not None:
                    node.set(attr, _substitute(node.get(attr), params))
        _replace(pattern, [instance])
    for pattern in abstract.values():
        pattern.getparent().remove(pattern)


def _expand_rules(schema: etree._Element, where) -> None:
    rules = {r.get("id"): r for r in schema.iter(f"{SCH}rule") if r.get("abstract") == "true"}
    for _ in range(len(rules) + 1):  # abstract rules may extend abstract rules
        pending = [e for e in schema.iter(f"{SCH}extends") if e.get("rule")]
        if not pending:
            break
        for ext in pending:
            if ext.get("rule") not in rules:
                raise SchemaError(f"extends rule={ext.get('rule')!r}: no abstract rule with that id", where)
            _replace(ext, [copy.deepcopy(c) for c in rules[ext.get("rule")] if isinstance(c.tag, str)])
    for rule in rules.values():
        rule.getparent().remove(rule)


def load_schematron(path: str | Path) -> etree._Element:
    """The preprocessed ``sch:schema`` of ``path`` (``.sch``/``.isosch``, or ``.rng`` with embedded rules)."""
    path = Path(path).resolve()
    root = _parse(path)
    if root.tag == f"{{{RNG_NS}}}grammar":
        _expand_includes(root, path, (path,))
        root = _from_rng(root)
    elif root.tag != f"{SCH}schema":
        raise SchemaError(f"not an ISO Schematron schema (root is {root.tag})", location_of(path))
    else:
        _expand_includes(root, path, (path,))
    where = location_of(path)
    _instantiate(root, where)
    _expand_rules(root, where)
    return root
