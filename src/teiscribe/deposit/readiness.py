"""Deposit readiness: what a repository needs from each ``teiHeader``, and what is missing.

A repository (DSpace, Fedora, Zenodo, TextGrid, DARIAH, a national archive)
asks for the properties DataCite 4.7 makes mandatory and those DCMI and
RFC 8493 ``bag-info.txt`` carry. Each is read from one place in the TEI P5
header (TEI Guidelines, chapter HD); when it is empty the check names that
place and what fills it. Message codes (severity ``error`` unless noted):

=========  =====================  ==================================================
READY001   publisher              ``publicationStmt/publisher``
READY002   licence URI            ``publicationStmt/availability/licence/@target``
                                  (an absolute URI, RFC 3986)
READY003   persistent identifier  ``publicationStmt/idno`` of type DOI, URI, URL,
                                  handle, ARK or URN
READY004   title                  ``titleStmt/title``
READY005   date                   ``profileDesc/creation/date/@when`` (ISO 8601)
READY006   language               ``profileDesc/langUsage/language/@ident`` (BCP 47)
READY007   source description     ``sourceDesc`` (``bibl``, ``biblStruct``,
                                  ``biblFull``, ``msDesc`` or ``p``)
READY008   responsibility         ``titleStmt/author``, ``editor`` or a ``respStmt``
                                  naming a person or organisation (teiscribe's own
                                  ``respStmt xml:id="teiscribe"`` does not count)
READY009   abstract (warning)     ``profileDesc/abstract`` (DataCite: recommended)
=========  =====================  ==================================================

Messages are located at the element to fill or, when it is absent, at its
nearest existing ancestor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiscribe import TEI_NS
from teiscribe.errors import InputError, Message, location_of
from teiscribe.xmlio import parse_xml

PID_TYPES = ("doi", "uri", "url", "handle", "ark", "urn")
"""``idno/@type`` values (lower case) taken as persistent identifiers (as ``xslt/crosswalk/common.xsl``)."""

_NS = {"t": TEI_NS}
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$")
_DOI = re.compile(r"^(https?://(dx\.)?doi\.org/|doi:)?10\.\d{4,9}/\S+$", re.IGNORECASE)


@dataclass(frozen=True)
class HeaderFacts:
    """What a deposit needs from one header; ``""``/``()`` when absent.

    ``pids`` holds the persistent identifiers (DOIs first), ``responsible``
    the names in ``author``/``editor``/``respStmt`` (teiscribe's own left out).
    """

    id: str
    title: str
    publisher: str
    licence: str
    licence_uri: str
    pids: tuple[str, ...]
    date: str
    languages: tuple[str, ...]
    sources: tuple[str, ...]
    responsible: tuple[str, ...]
    abstract: str


@dataclass(frozen=True)
class Requirement:
    """One property: ``code``, ``field`` name, the TEI ``path`` to fill (from
    ``TEI``), what ``fills`` it, and ``severity``."""

    code: str
    field: str
    path: str
    fills: str
    severity: str = "error"


_BUILD = ", then run `teiscribe build`"

REQUIREMENTS = (
    Requirement("READY001", "publisher", "teiHeader/fileDesc/publicationStmt/publisher",
                "from teiscribe.toml [edition] publisher" + _BUILD),
    Requirement("READY002", "licence URI", "teiHeader/fileDesc/publicationStmt/availability/licence/@target",
                "from teiscribe.toml [edition] licence_url and licence" + _BUILD),
    Requirement("READY003", "persistent identifier", 'teiHeader/fileDesc/publicationStmt/idno[@type="URI"]',
                "from teiscribe.toml [edition] base_url (the idno is base_url + id)" + _BUILD
                + ', or by hand with idno type="DOI"'),
    Requirement("READY004", "title", "teiHeader/fileDesc/titleStmt/title",
                "from the transcript's bold title line" + _BUILD),
    Requirement("READY005", "date", "teiHeader/profileDesc/creation/date/@when",
                "from the transcript's bold date line (e.g. **July 31, 1958**)" + _BUILD),
    Requirement("READY006", "language", "teiHeader/profileDesc/langUsage/language/@ident",
                "by hand with a BCP 47 tag (teiscribe writes it from the text)"),
    Requirement("READY007", "source description", "teiHeader/fileDesc/sourceDesc/bibl",
                "from the transcript's **Citation:** field" + _BUILD),
    Requirement("READY008", "responsibility statement", "teiHeader/fileDesc/titleStmt/respStmt[persName]",
                "from 'Translated by NAME' in the transcript's **Citation:** field" + _BUILD
                + ", or by hand with titleStmt/author or editor"),
    Requirement("READY009", "abstract", "teiHeader/profileDesc/abstract",
                "from the transcript's **Summary:** field" + _BUILD, severity="warning"),
)


def _text(nodes) -> str:
    """Whitespace-normalised text of the first of ``nodes`` (element or attribute value), or ``""``."""
    if not nodes:
        return ""
    node = nodes[0]
    return " ".join(("".join(node.itertext()) if isinstance(node, etree._Element) else str(node)).split())


def header_facts(tree: etree._ElementTree, fallback_id: str = "") -> HeaderFacts:
    """Read the :class:`HeaderFacts` of a parsed TEI document ``tree``."""
    x = lambda path: tree.xpath(path, namespaces=_NS)
    head = "/t:TEI/t:teiHeader"
    titles = x(f"{head}/t:fileDesc/t:titleStmt/t:title[normalize-space()]")
    main = [t for t in titles if t.get("type") == "main"] or titles
    idnos = x(f"{head}/t:fileDesc/t:publicationStmt/t:idno[normalize-space()]")
    pids = sorted((i for i in idnos if (i.get("type") or "").lower() in PID_TYPES),
                  key=lambda i: (i.get("type") or "").lower() != "doi")
    local = [i for i in idnos if (i.get("type") or "") == "teiscribe"]
    licences = x(f"{head}/t:fileDesc/t:publicationStmt/t:availability/t:licence")
    resp = x(f"{head}/t:fileDesc/t:titleStmt/t:respStmt[not(@xml:id='teiscribe')]"
             "/*[self::t:persName or self::t:orgName or self::t:name][normalize-space()]")
    named = x(f"{head}/t:fileDesc/t:titleStmt/*[self::t:author or self::t:editor][normalize-space()]")
    sources = x(f"{head}/t:fileDesc/t:sourceDesc/*[self::t:bibl or self::t:biblStruct or self::t:biblFull"
                " or self::t:msDesc or self::t:p][normalize-space()]")
    return HeaderFacts(
        id=_text(local) or (tree.getroot().get("{http://www.w3.org/XML/1998/namespace}id") or fallback_id),
        title=_text(main),
        publisher=_text(x(f"{head}/t:fileDesc/t:publicationStmt/t:publisher")),
        licence=_text(licences),
        licence_uri=" ".join((licences[0].get("target") or "").split()) if licences else "",
        pids=tuple(_text([i]) for i in pids),
        date=_text(x(f"{head}/t:profileDesc/t:creation/t:date/@when")),
        languages=tuple(dict.fromkeys(_text([a]) for a in x(f"{head}/t:profileDesc/t:langUsage/t:language/@ident")
                                      if str(a).strip())),
        sources=tuple(_text([s]) for s in sources),
        responsible=tuple(_text([n]) for n in [*named, *resp]),
        abstract=_text(x(f"{head}/t:profileDesc/t:abstract")),
    )


def problems(facts: HeaderFacts) -> dict[str, str]:
    """``{code: reason}`` for each :data:`REQUIREMENTS` entry ``facts`` does not meet."""
    found: dict[str, str] = {}
    checks = {
        "READY001": (facts.publisher, "no publisher"),
        "READY002": (_URI.match(facts.licence_uri) if facts.licence_uri else None,
                     f"licence/@target {facts.licence_uri!r} is not an absolute URI" if facts.licence_uri
                     else "no licence URI"),
        "READY003": ([p for p in facts.pids if _URI.match(p) or _DOI.match(p)],
                     f"identifier {facts.pids[0]!r} is neither a URI nor a DOI" if facts.pids
                     else "no persistent identifier"),
        "READY004": (facts.title, "no title"),
        "READY005": (facts.date, "no ISO 8601 date of the record"),
        "READY006": (facts.languages, "no language"),
        "READY007": (facts.sources, "no source description"),
        "READY008": (facts.responsible, "no statement of responsibility naming a person or organisation"),
        "READY009": (facts.abstract, "no abstract"),
    }
    for code, (value, reason) in checks.items():
        if not value:
            found[code] = reason
    return found


def check_file(path: str | Path) -> tuple[HeaderFacts | None, list[Message]]:
    """Check one TEI file; return its facts (``None`` when unreadable) and messages.

    Each unmet requirement gives one message ``REASON: fill PATH from WHERE``,
    located at the element to fill or its nearest existing ancestor. An
    unreadable or malformed file gives one ``XML001`` error.
    """
    path = Path(path)
    try:
        tree = parse_xml(path)
    except InputError as exc:
        return None, [Message(exc.location or location_of(path), "error", "XML001", exc.message)]
    facts = header_facts(tree, path.stem)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:  # columns are a nicety
        lines = []
    unmet = problems(facts)
    messages = []
    for req in REQUIREMENTS:
        if req.code in unmet:
            elem = _nearest(tree, req.path)
            where = location_of(path, elem.sourceline or 0, _column(lines, elem))
            messages.append(Message(where, req.severity, req.code, f"{unmet[req.code]}: fill {req.path} {req.fills}"))
    return facts, messages


def _nearest(tree: etree._ElementTree, path: str) -> etree._Element:
    """The deepest existing element along ``path`` (steps without predicates or attributes)."""
    elem = tree.getroot()
    for step in path.split("/"):
        if step.startswith("@") or "[" in step:  # locate at the element that gets it
            break
        child = elem.find(f"t:{step}", _NS)
        if child is None:
            break
        elem = child
    return elem


def _column(lines: list[str], elem: etree._Element) -> int:
    """1-based column of ``elem``'s start tag on its line (the first ``<name`` there), 0 if unknown."""
    line = elem.sourceline or 0
    if not 0 < line <= len(lines):
        return 0
    name = etree.QName(elem).localname
    found = re.search(rf"<{re.escape(name)}(?=[\s/>])", lines[line - 1])
    return found.start() + 1 if found else 0
