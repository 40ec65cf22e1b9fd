"""ISO Schematron → XSLT 3.0: the compiler behind the Schematron layer.

:func:`compile_schematron` turns a preprocessed ``sch:schema`` (see
:mod:`.source`) into the text of an XSLT 3.0 stylesheet whose output is SVRL
(ISO/IEC 19757-3 Annex D). The translation, rule by rule:

* each active ``sch:pattern`` is an ``xsl:mode`` (``on-no-match="shallow-skip"``,
  so every element, attribute, text, comment and PI is visited once per
  pattern); each of its ``sch:rule``\\ s a template in that mode whose priority
  falls in document order — so only the first matching rule of a pattern
  fires for a node (ISO §5.4.13); the template goes on into ``@*, node()``;
* inside a rule template the context item is the rule context, so
  ``current()`` in a test is that node, as the standard requires;
* ``sch:let``: schema-level → global ``xsl:variable``; pattern-level →
  global variable evaluated once (at the document node), re-bound under its
  own name in the pattern's templates; rule-level → local ``xsl:variable``;
* ``sch:assert``/``sch:report`` → ``svrl:failed-assert``/``svrl:successful-report``
  with ``location`` = ``path()`` of the context (or of ``@subject``), ``id``,
  ``role``, ``flag``; ``sch:value-of``, ``sch:name``, ``sch:diagnostics``
  and ``sch:properties`` in the message; every test runs in ``xsl:try`` so a
  dynamic error in one test is reported (``flag="teiscribe-dynamic-error"``)
  instead of aborting the document;
* ``sch:ns`` → namespace declarations; top-level ``xsl:key``/``xsl:function``
  of an ``xslt2``/``xslt3`` schema are copied; ``sch:phase`` selects patterns.

``queryBinding`` ``xslt2``, ``xslt3``, ``xpath2``, ``xpath3``, ``xpath31`` are
native; ``xslt``/absent (XPath 1.0) run as XPath 3.1, which accepts nearly all
XPath 1.0 tests. Raises :class:`~teiscribe.errors.SchemaError` for an
unknown binding or phase.
"""

from __future__ import annotations

from lxml import etree

from teiscribe.errors import SchemaError, location_of
from teiscribe.validate.schematron.source import SCH, SCH_NS

XSL_NS = "http://www.w3.org/1999/XSL/Transform"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
ERR_NS = "http://www.w3.org/2005/xqt-errors"
X = f"{{{XSL_NS}}}"
S = f"{{{SVRL_NS}}}"
BINDINGS = {None, "xslt", "xpath", "xslt2", "xslt3", "xpath2", "xpath3", "xpath31"}
DYNAMIC_ERROR = "teiscribe-dynamic-error"


def _avt(text: str) -> str:
    """Escape ``text`` for a literal attribute value template."""
    return text.replace("{", "{{").replace("}", "}}")


class _Writer:
    def __init__(self, schema: etree._Element, fired_rules: bool):
        self.schema = schema
        self.fired_rules = fired_rules
        self.diagnostics = {d.get("id"): d for d in schema.iter(f"{SCH}diagnostic")}
        self.properties = {p.get("id"): p for p in schema.iter(f"{SCH}property")}
        nsmap = {"xsl": XSL_NS, "svrl": SVRL_NS}
        self.prefixes = []
        for ns in schema.iter(f"{SCH}ns"):
            prefix, uri = ns.get("prefix"), ns.get("uri")
            if nsmap.get(prefix, uri) != uri:
                raise SchemaError(f"sch:ns prefix {prefix!r} clashes with the compiler's own", None)
            nsmap[prefix] = uri
            self.prefixes.append((prefix, uri))
        for node in schema.iter():  # namespaces in scope where a query is written count too
            for prefix, uri in (node.nsmap.items() if isinstance(node.tag, str) else ()):
                if prefix and prefix not in nsmap:
                    nsmap[prefix] = uri
        self.root = etree.Element(f"{X}stylesheet", nsmap=nsmap, version="3.0")
        self.root.set("exclude-result-prefixes", "#all")

    def el(self, parent, tag, **attrs):
        node = etree.SubElement(parent, tag)
        for key, value in attrs.items():
            if value is not None:
                node.set(key.rstrip("_").replace("__", "-"), value)
        return node

    def message(self, parent, source: etree._Element) -> None:
        """Compile mixed message content (text, value-of, name, emph, ...) into ``parent``."""
        if source.text:
            self.el(parent, f"{X}text").text = source.text
        for child in source:
            if child.tag == f"{SCH}value-of":
                self.el(parent, f"{X}value-of", select=child.get("select"))
            elif child.tag == f"{SCH}name":
                self.el(parent, f"{X}value-of", select=f"name({child.get('path') or '.'})")
            elif isinstance(child.tag, str):
                self.message(parent, child)
            if child.tail:
                self.el(parent, f"{X}text").text = child.tail

    def references(self, parent, check: etree._Element) -> None:
        for kind, table in (("diagnostic", self.diagnostics), ("property", self.properties)):
            for ref in (check.get("diagnostics" if kind == "diagnostic" else "properties") or "").split():
                if ref not in table:
                    raise SchemaError(f"{kind} {ref!r} is referenced but not defined", None)
                out = self.el(parent, f"{S}{kind}-reference", **{kind: ref})
                self.message(self.el(out, f"{S}text"), table[ref])

    def check(self, parent, check: etree._Element) -> None:
        failed = check.tag == f"{SCH}assert"
        attempt = self.el(parent, f"{X}try")
        branch = self.el(attempt, f"{X}if", test=f"not({check.get('test')})" if failed else check.get("test"))
        out = self.el(branch, f"{S}failed-assert" if failed else f"{S}successful-report",
                      test=_avt(check.get("test")), id=check.get("id"), role=check.get("role"),
                      flag=check.get("flag"))
        subject = check.get("subject") or check.getparent().get("subject")
        self.el(out, f"{X}attribute", name="location", select=f"path(({subject})[1])" if subject else "path()")
        self.message(self.el(out, f"{S}text"), check)
        self.references(out, check)
        catch = self.el(attempt, f"{X}catch")
        catch_out = self.el(catch, f"{S}failed-assert", test=_avt(check.get("test")), id=check.get("id"),
                            flag=DYNAMIC_ERROR)
        self.el(catch_out, f"{X}attribute", name="location", select="path()")
        text = self.el(catch_out, f"{S}text")
        etree.SubElement(text, f"{X}value-of", nsmap={"err": ERR_NS}, select="local-name-from-QName($err:code) || ': ' || $err:description")

    def let(self, parent, let: etree._Element, name: str | None = None, select: str | None = None) -> None:
        var = self.el(parent, f"{X}variable", name=name or let.get("name"), select=select or let.get("value"))
        if select is None and let.get("value") is None:
            var.set("as", "item()*")
            for child in let:
                var.append(etree.fromstring(etree.tostring(child)))

    def pattern(self, index: int, pattern: etree._Element) -> None:
        mode = f"p{index}"
        self.el(self.root, f"{X}mode", name=mode, on__no__match="shallow-skip")
        shared = []
        for let in pattern.findall(f"{SCH}let"):
            global_name = f"teiscribe-{mode}-{let.get('name')}"
            self.let(self.root, let, name=global_name)
            shared.append((let.get("name"), f"${global_name}"))
        rules = [r for r in pattern.findall(f"{SCH}rule") if r.get("abstract") != "true"]
        for position, rule in enumerate(rules):
            template = self.el(self.root, f"{X}template", match=rule.get("context"), mode=mode,
                               priority=str(len(rules) - position))
            if self.fired_rules:
                self.el(template, f"{S}fired-rule", context=_avt(rule.get("context")), id=rule.get("id"),
                        role=rule.get("role"), flag=rule.get("flag"))
            for name, select in shared:
                self.el(template, f"{X}variable", name=name, select=select)
            for child in rule:
                if child.tag == f"{SCH}let":
                    self.let(template, child)
                elif child.tag in (f"{SCH}assert", f"{SCH}report"):
                    self.check(template, child)
            self.el(template, f"{X}apply-templates", select="@*, node()", mode="#current")

    def build(self, phase: str | None) -> str:
        schema = self.schema
        for child in schema:
            if isinstance(child.tag, str) and child.tag.startswith(X) and child.tag != f"{X}include":
                self.root.append(etree.fromstring(etree.tostring(child)))
        for let in schema.findall(f"{SCH}let"):
            self.let(self.root, let)
        patterns = self.active(phase)
        main = self.el(self.root, f"{X}template", match="/")
        title = schema.findtext(f"{SCH}title") or ""
        phase = phase or schema.get("defaultPhase") or "#ALL"
        out = self.el(main, f"{S}schematron-output", title=_avt(title), phase=phase)
        for prefix, uri in self.prefixes:
            self.el(out, f"{S}ns-prefix-in-attribute-values", prefix=prefix, uri=uri)
        for index, pattern in enumerate(patterns):
            self.el(out, f"{S}active-pattern", id=pattern.get("id"), name=_avt(pattern.findtext(f"{SCH}title") or ""))
            self.el(out, f"{X}apply-templates", select="/", mode=f"p{index}")
            self.pattern(index, pattern)
        return etree.tostring(self.root, encoding="unicode")

    def active(self, phase: str | None) -> list[etree._Element]:
        patterns = [p for p in self.schema.iter(f"{SCH}pattern") if p.get("abstract") != "true"]
        phase = phase or self.schema.get("defaultPhase") or "#ALL"
        if phase == "#ALL":
            return patterns
        for node in self.schema.iter(f"{SCH}phase"):
            if node.get("id") == phase:
                wanted = {a.get("pattern") for a in node.iter(f"{SCH}active")}
                return [p for p in patterns if p.get("id") in wanted]
        raise SchemaError(f"the schema has no phase {phase!r}", None)


def compile_schematron(schema: etree._Element, *, phase: str | None = None, fired_rules: bool = False,
                       source: str = "") -> str:
    """XSLT 3.0 text (SVRL output) for the preprocessed ``sch:schema`` element ``schema``.

    ``phase`` picks a ``sch:phase`` (default: ``@defaultPhase``, else all
    patterns); ``fired_rules`` adds ``svrl:fired-rule`` records (full SVRL,
    slower). ``source`` names the schema in errors.
    """
    if schema.tag != f"{SCH}schema":
        raise SchemaError("not an ISO Schematron schema", location_of(source) if source else None)
    binding = schema.get("queryBinding")
    if binding is not None:
        binding = binding.lower()
    if binding not in BINDINGS:
        raise SchemaError(f"queryBinding {binding!r} is not supported (use xslt2 or xslt3)",
                          location_of(source) if source else None)
    try:
        return _Writer(schema, fired_rules).build(phase)
    except SchemaError as exc:
        if exc.location is None and source:
            exc.location = location_of(source)
        raise


__all__ = ["compile_schematron", "SCH_NS", "SVRL_NS", "DYNAMIC_ERROR"]
