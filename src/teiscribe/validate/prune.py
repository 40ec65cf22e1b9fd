"""Shrinking a large RELAX NG grammar to what a run's documents can use, verdicts unchanged.

libxml2 needs ~8 s to compile TEI's ``tei_all.rng`` (592 element patterns);
a corpus uses a few dozen of them. :func:`prune_grammar` replaces every
element pattern whose name no document of the run uses by a *sentinel*: an
element pattern of the same local name in a namespace no document uses
(``urn:x-teiscribe:pruned:<ns>``) with empty content, then drops the
definitions nothing references any more.

Why verdicts cannot change (RELAX NG §6, the matching relation): an element
pattern only ever matches an element with its name. For a document none of
whose elements has name *n*, ``element n {p}`` matches nothing, whatever
*p* is, and so does the sentinel (no element of the document is in the
sentinel namespace); the two patterns are interchangeable in any context,
and so the grammar matches the document iff the pruned grammar does. The
argument needs a document's element names to be a subset of ``used``; the
caller passes a superset (local names, any namespace: a larger set only
prunes less). Attribute patterns, datatypes and name classes other than a
plain name (``anyName``, ``nsName``, choices of names) are left untouched.

The sentinel keeps each choice as wide as before: replacing the pattern by
``notAllowed`` and simplifying would also be correct, but libxml2 then
compiles some content models into automata that take minutes to build.

Grammars with ``include``, ``externalRef``, nested ``grammar``, or
``combine`` are returned unchanged (``None``): the pruning is only done
where the whole grammar is in one tree.
"""

from __future__ import annotations

import copy

from lxml import etree

RNG_NS = "http://relaxng.org/ns/structure/1.0"
R = f"{{{RNG_NS}}}"
SENTINEL_NS = "urn:x-teiscribe:pruned:"
MIN_ELEMENTS = 150
"""Grammars with fewer element patterns are compiled as they are (pruning would not pay)."""


def _inherited_ns(elem: etree._Element) -> str:
    for node in elem.iterancestors():
        if node.get("ns") is not None:
            return node.get("ns")
    return ""


def element_name(elem: etree._Element) -> tuple[str, str] | None:
    """``(namespace, local name)`` of an ``rng:element`` with a plain name, else ``None``."""
    name = elem.get("name")
    if name is None:
        return None
    if ":" in name:
        prefix, local = name.split(":", 1)
        return (elem.nsmap.get(prefix, ""), local)
    ns = elem.get("ns")
    return (_inherited_ns(elem) if ns is None else ns, name)


def prunable(grammar: etree._Element) -> bool:
    """Whether ``grammar`` (the root of an RNG document) is large and self-contained."""
    if grammar.tag != f"{R}grammar":
        return False
    if any(True for _ in grammar.iter(f"{R}include", f"{R}externalRef", f"{R}parentRef")):
        return False
    if any(g is not grammar for g in grammar.iter(f"{R}grammar")):
        return False
    if any(d.get("combine") for d in grammar.iter(f"{R}define", f"{R}start")):
        return False
    return sum(1 for _ in grammar.iter(f"{R}element")) >= MIN_ELEMENTS


def _drop_unreachable(root: etree._Element) -> None:
    defines: dict[str, list[etree._Element]] = {}
    for define in root.iter(f"{R}define"):
        defines.setdefault(define.get("name"), []).append(define)
    seen: set[str] = set()
    stack = list(root.iter(f"{R}start"))
    while stack:
        for ref in stack.pop().iter(f"{R}ref"):
            name = ref.get("name")
            if name not in seen:
                seen.add(name)
                stack.extend(defines.get(name, []))
    for name, nodes in defines.items():
        if name not in seen:
            for node in nodes:
                node.getparent().remove(node)


def _remove_keeping_tail(node: etree._Element) -> None:
    """Remove ``node`` (an annotation or comment) but keep the text after it (a ``value`` may hold some)."""
    parent, previous = node.getparent(), node.getprevious()
    if node.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def prune_grammar(grammar: etree._Element, used: frozenset[str] | set[str]) -> etree._Element | None:
    """A pruned copy of ``grammar`` for documents whose element local names are in ``used``.

    Returns ``None`` when the grammar is not :func:`prunable`. Foreign
    elements (annotations, embedded Schematron) are dropped from the copy.
    """
    if not prunable(grammar):
        return None
    root = copy.deepcopy(grammar)
    for node in list(root.iter()):
        if node is not root and (not isinstance(node.tag, str) or not node.tag.startswith(R)):
            _remove_keeping_tail(node)
    for elem in list(root.iter(f"{R}element")):
        name = element_name(elem)
        if name is None or name[1] in used:
            continue
        sentinel = etree.Element(f"{R}element", name=name[1], ns=SENTINEL_NS + name[0])
        etree.SubElement(sentinel, f"{R}empty")
        sentinel.tail = elem.tail
        elem.getparent().replace(elem, sentinel)
    _drop_unreachable(root)
    return root
