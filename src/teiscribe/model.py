"""Stage 2, model: the document between reading and TEI encoding.

The model is plain data (dataclasses of lists, strings and dicts) and can be
dumped as JSON (``teiscribe convert --to model``), so the rules in
:mod:`teiscribe.rules` are tested without XML and the encoder is tested
without transcripts, as pandoc does with its native format.

Inline content is a list of :class:`Node`. A node ``kind`` names the TEI
element it will become (TEI P5 Guidelines chapters in brackets):

``text``      plain text (``text`` holds it)
``foreign``   a term in another language, ``attrs["lang"]`` a BCP 47 tag [CO 3.3.2]
``supplied``  an editorial insertion, ``attrs["reason"]`` [PH 11.3.1.6]
``expan``     an expanded abbreviation whose ``children`` mix text and ``ex`` [CO 3.6.5]
``ex``        letters supplied inside an expansion
``sic``       text reproduced as in the source although apparently wrong [CO 3.5.1]
``note``      a note placed at its call, ``attrs["n"]`` its number [CO 3.9]
``noteCall``  a call whose note the source lacks, kept visibly
``stage``     a stage direction, ``attrs["type"]`` e.g. ``delivery`` [DR 7.2.4]
``pb``        a page break in the source [CO 3.11.3]
``hi``        highlighted text, ``attrs["rend"]`` e.g. ``italic`` [CO 3.3.2.2]
``persName``  a personal name, ``attrs["ref"]`` a person id [ND 13.2.1]
``date``      a date, ``attrs["when"]`` its ISO 8601 form [CO 3.6.4]
``gap``       omitted or illegible text, ``attrs["reason"]``; ``text`` the source's words [PH 11.4]
``choice``    the source's ``sic`` and the editor's ``corr`` side by side [CO 3.5.1]
``corr``      the editor's correction (inside ``choice``)
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Node:
    """One inline node; see the module docstring for the kinds."""

    kind: str
    text: str = ""
    children: list["Node"] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)

    def plain(self) -> str:
        """The node's own text plus its children's, in document order."""
        return self.text + "".join(child.plain() for child in self.children)


def text(value: str) -> Node:
    """A ``text`` node holding ``value``."""
    return Node("text", value)


@dataclass
class Block:
    """A block of the body.

    ``kind`` is one of ``head``, ``subhead``, ``dateline``, ``p``, ``stage``
    (narration, ``attrs["type"] = "novelistic"``), ``closer``, ``pb``, ``list``
    (``content`` its head, ``blocks`` its ``item`` blocks) or ``sp``.
    An ``sp`` has ``who`` (a person id), ``speaker`` (the label as written),
    ``delivery`` (the label's parenthetical direction, possibly empty) and
    ``blocks`` (its ``p`` and ``stage`` children); other kinds have
    ``content``. ``line`` is the 1-based source line where the block starts.
    """

    kind: str
    line: int
    content: list[Node] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    who: str = ""
    speaker: str = ""
    delivery: list[Node] = field(default_factory=list)
    blocks: list["Block"] = field(default_factory=list)


@dataclass
class Person:
    """A person of the record: ``id`` (an NCName), the display ``name``, the
    ``roles`` they have (``speaker``, ``participant``, ``recorder``), and
    every ``labels`` form the source used for them; ``pinned`` when the
    editor's overrides fixed the name."""

    id: str
    name: str
    roles: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    pinned: bool = False


@dataclass
class Metadata:
    """The record's descriptive metadata, as found in the source's header block.

    Dates are ISO 8601 (``YYYY-MM-DD``) in ``date_iso``; ``date_text`` keeps
    the wording. ``archive`` holds parsed archival-reference parts
    (``repository``, ``fond``, ``opis``, ``delo``, ``folios``, ``copy``) when
    the citation has them; ``fields`` keeps every field of the block verbatim.
    """

    title: str = ""
    date_text: str = ""
    date_iso: str = ""
    citation: str = ""
    url: str = ""
    summary: str = ""
    original_language: str = ""
    original_lang_tag: str = ""
    translator: str = ""
    contents: list[str] = field(default_factory=list)
    archive: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class Decision:
    """One interpretive decision the converter took, for the review report.

    ``line``/``col`` locate the source text ``source``; ``result`` says what
    it became (e.g. ``foreign ru-Latn``), ``cue`` why, ``certain`` whether the
    cue was decisive.
    """

    line: int
    col: int
    source: str
    result: str
    cue: str
    certain: bool = True


@dataclass
class Document:
    """A whole record: its ``id`` (an NCName used as ``TEI/@xml:id`` and file
    name), source file name and digest, metadata, persons, body blocks,
    languages used in the text (BCP 47 tags, ``en`` first) and decisions."""

    id: str
    source_name: str
    source_sha256: str
    metadata: Metadata
    persons: list[Person] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    languages: list[str] = field(default_factory=lambda: ["en"])
    decisions: list[Decision] = field(default_factory=list)
    edition: dict[str, str] = field(default_factory=dict)
    left_out: list[tuple[int, int]] = field(default_factory=list)
    corrected: bool = False

    def person(self, person_id: str) -> Person | None:
        """The :class:`Person` with ``person_id``, or ``None``."""
        return next((p for p in self.persons if p.id == person_id), None)

    def to_json(self) -> str:
        """The model as deterministic, indented JSON."""
        return json.dumps(asdict(self), ensure_ascii=False, indent=1, sort_keys=True)


def walk(nodes: list[Node]) -> Any:
    """Yield every node of ``nodes`` and their descendants, depth first."""
    for node in nodes:
        yield node
        yield from walk(node.children)
