"""Turns and narration: the body's blocks become heads, turns and stage text.

Block roles (TEI P5 Guidelines, DR 7.2 "Speech and stage"):

* ``## Heading`` → ``head``; a short line in capitals right after it → sub-head;
* a paragraph opening with a date → ``dateline`` (CO 4.2.2);
* ``Present at the meeting: ...`` / ``Participants: ...`` → a ``p`` whose
  names are ``persName`` pointing to the persons;
* ``**Name (direction):** text`` (or a plain ``Name:`` for a known person) →
  ``sp`` with ``speaker``, the direction as ``stage type="delivery"``;
* an unlabelled paragraph is third-person narration (``stage
  type="novelistic"``) when it opens with a known person, or with
  He/She/They, followed by a present-tense verb, or speaks of the meeting
  itself, and has no first- or second-person pronoun outside quotations;
  otherwise the previous speaker continues (``p`` in the same ``sp``).
  Narration stays inside a turn when the same speaker's paragraphs go on
  after it, else it stands between turns. Every decision is recorded;
  a continuation with no pronoun cue is reported as uncertain;
* "The conversation was recorded by ..." at the end → ``closer``.
"""

from __future__ import annotations

import re

from teiscribe.model import Block, Decision, Node
from teiscribe.rules.metadata import DATE_PATTERN, iso_date
from teiscribe.rules.pagebreaks import Chunk
from teiscribe.rules.persons import Registry, name_words, participant_names, split_names, tag_names

_BOLD_LABEL = re.compile(r"^\*\*(?P<label>[^*()]+?)\s*(?:\((?P<dir>[^)]*)\))?\s*(?::\s*\*\*|\*\*\s*:)\s*")
_PLAIN_LABEL = re.compile(r"^(?P<prefix>(?:Comrade|Cde\.?|Com\.)\s+)?(?P<label>[A-Z][\w.'’ -]{0,40}?)\s*"
                          r"(?:\((?P<dir>[^)]*)\))?\s*:\s+")
_CAPS_LABEL = re.compile(r"^(?P<label>(?:[A-Z]\.){0,3}\s?[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}|[A-Z])\s*"
                         r"(?:\((?P<dir>[^)]*)\))?\s*[.:]\s+(?=\S)")
_BOLD_NAME = re.compile(r"^\*\*(?P<label>[^*():]+?)\*\*\s+(?=\S)(?P<dir>)")
_PARTICIPANTS = re.compile(r"^(?:\*\*)?(?P<lead>(?:Also )?(?:Present(?: at the (?:meeting|conversation))?|"
                           r"Participants|Attending|In attendance)\s*:\s*(?:\*\*)?\s*)(?P<names>.+)$", re.S | re.I)
_RECORDER = re.compile(r"\b(?:was |were )?(?:recorded|written down|taken down|noted down|transcribed)"
                       r" by\s+(?P<names>.+?)\.?$", re.S)
_PRONOUN = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|us|[Oo]ur|[Oo]urs|[Yy]ou|[Yy]our|[Yy]ours|"
                      r"[Mm]yself|[Oo]urselves|[Yy]ourself|[Yy]ourselves)\b")
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_PRESENT_VERB = re.compile(r"^\s*(?:also\s+|then\s+)?[a-z]+(?:s|es)\b")
_MEETING = re.compile(r"^(?:(?:This|That|It) (?:was|is) the (?:end|close|beginning|start) of the|"
                      r"The (?:meeting|conversation|talk|session) (?:ended|ends|began|begins|closed|was))\b")


def label_of(text: str, registry: Registry, labels: set[str] = frozenset()) -> re.Match | None:
    """The speaker-label match at the start of ``text``, or ``None``.

    Bold labels (``**Name:**``, ``**Name**:``) always count. A plain
    ``Name:``, ``NAME:``/``NAME.``, ``Comrade Name:`` or a short form
    (``K:``, ``Q.``) counts when the person is already known (a bold label
    or a participants list) or the same label opens other paragraphs too
    (``labels``, from :func:`recurring_labels`); a bold name with no colon
    counts only for a known person.
    """
    if match := _BOLD_LABEL.match(text):
        return match
    for pattern in (_CAPS_LABEL, _PLAIN_LABEL, _BOLD_NAME):
        match = pattern.match(text)
        if not match or len(match.group("label").split()) > 4:
            continue
        label = match.group("label").strip()
        if label in labels or registry.find(label) or (pattern is _CAPS_LABEL and label.title() in labels):
            return match
    return None


def recurring_labels(texts: list[str]) -> set[str]:
    """Plain labels that open at least two paragraphs (a speaker who speaks twice)."""
    counts: dict[str, int] = {}
    for text in texts:
        for pattern in (_CAPS_LABEL, _PLAIN_LABEL):
            if (match := pattern.match(text)) and len(match.group("label").split()) <= 4:
                label = match.group("label").strip()
                counts[label] = counts.get(label, 0) + 1
                break
    return {label for label, count in counts.items() if count >= 2 and not _PARTICIPANTS.match(label + ":")}


def narration_cue(text: str, registry: Registry) -> tuple[bool, str, bool]:
    """Classify an unlabelled paragraph: ``(is_narration, cue, certain)``."""
    unquoted = _QUOTED.sub("", text)
    has_pronoun = bool(_PRONOUN.search(unquoted))
    if _MEETING.match(text):
        return True, "sentence about the meeting itself", True
    subject = re.match(r"^(He|She|They)\b", text)
    if subject is None:
        for person in registry.persons:
            for form in sorted({person.name, *person.labels}, key=len, reverse=True):
                if text.startswith(form) or text.lower().startswith(form.lower() + " "):
                    subject = re.match(re.escape(text[: len(form)]), text)
                    break
            if subject:
                break
    if subject and _PRESENT_VERB.match(text[subject.end():]) and not has_pronoun:
        return True, f"third-person subject {subject.group(0)!r} with a present-tense verb", True
    if has_pronoun:
        return False, "first- or second-person pronoun: the speaker continues", True
    return False, "no cue: taken as the previous speaker continuing", False


class Structurer:
    """Turns the body's :class:`Chunk` list into model :class:`Block` objects.

    ``parse`` is the inline parser bound to the document (chunk, offset, text)
    → nodes; ``warn(line, col, code, text)`` reports a message.
    """

    def __init__(self, registry: Registry, parse, warn, decisions: list[Decision],
                 pinned_paragraphs: dict[int, str] | None = None):
        self.registry = registry
        self.parse = parse
        self.warn = warn
        self.decisions = decisions
        self.pinned = pinned_paragraphs or {}
        self.labels: set[str] = set()
        self.listed: set[str] = set()
        self.heading_words: set[str] = set()

    def register_speakers(self, chunks: list[Chunk]) -> None:
        """First pass: participant lists, then every label, become persons (first-seen order)."""
        for chunk in chunks:
            if match := _PARTICIPANTS.match(chunk.text):
                for name in participant_names(match.group("names")):
                    self.listed.add(self.registry.add(name, "participant").id)
        self.labels = recurring_labels([c.text for c in chunks])
        self.heading_words = {w for c in chunks[:4] if c.text.startswith("#") or _is_subhead(c.text)
                              for w in name_words(c.text)}
        for chunk in chunks:
            if match := label_of(chunk.text, self.registry, self.labels):
                self._speaker(match.group("label").strip(), chunk.line)

    def _speaker(self, label: str, line: int):
        known = self.registry.find(label) or self.registry.resolve_short(label)
        person = self.registry.add(known.name if known and label not in self.registry.pinned else label, "speaker")
        if label not in person.labels:
            person.labels.append(label)
        if self.listed and person.id not in self.listed and not set(name_words(person.name)) <= self.heading_words:
            self.listed.add(person.id)
            self.warn(line, 1, "TURN003", f"speaker {label!r} is not in the participants list; added as a person")
        return person

    def run(self, chunks: list[Chunk]) -> list[Block]:
        """Classify ``chunks`` and return the body blocks (one ``div``'s content)."""
        self.register_speakers(chunks)
        body: list[Block] = []
        turn: Block | None = None
        pending: list[Block] = []
        last_turn_index = max((i for i, c in enumerate(chunks) if label_of(c.text, self.registry, self.labels)),
                              default=-1)
        for index, chunk in enumerate(chunks):
            text = chunk.text
            if not body and not pending and turn is None and _is_title(text) and not text.startswith("#"):
                body.append(Block("head", chunk.line, self.parse(chunk, 0, text)))
            elif _PAGE_ONLY.match(text):
                pending.append(Block("pb", chunk.line, attrs={"n": _PAGE_ONLY.match(text).group(1)}))
            elif text.startswith("#"):
                body += pending + [Block("head", chunk.line, self.parse(chunk, len(text) - len(text.lstrip("# ")),
                                                                        text.lstrip("# ")))]
                pending, turn = [], None
            elif body and body[-1].kind == "head" and _is_subhead(text):
                body.append(Block("subhead", chunk.line, self.parse(chunk, 0, text)))
            elif turn is None and DATE_PATTERN.match(text) and not pending:
                opening = all(b.kind in ("head", "subhead") for b in body)  # TEI: dateline only opens a div
                body.append(Block("dateline" if opening else "p", chunk.line, _dated(self.parse(chunk, 0, text))))
            elif match := _PARTICIPANTS.match(text):
                names = participant_names(match.group("names"))
                ids = {n: self.registry.add(n, "participant").id for n in names}
                body.append(self._participants(chunk, match, ids))
            elif match := label_of(text, self.registry, self.labels):
                body += pending
                pending = []
                turn = self._turn(chunk, match)
                body.append(turn)
            elif index > last_turn_index and (recorder := _RECORDER.search(text)):
                names = split_names(recorder.group("names"))
                ids = {n: self.registry.add(n, "recorder").id for n in names}
                body += pending + [Block("closer", chunk.line, tag_names(self.parse(chunk, 0, text), ids))]
                pending, turn = [], None
            else:
                if chunk.line in self.pinned:
                    narration, cue, certain = self.pinned[chunk.line] == "narration", "editor's override", True
                else:
                    narration, cue, certain = narration_cue(text, self.registry)
                result = "stage novelistic" if narration else "p (speaker continues)"
                self.decisions.append(Decision(chunk.line, 1, text[:60], result, cue, certain))
                if not certain:
                    self.warn(chunk.line, 1, "TURN001", f"unlabelled paragraph: {cue}")
                block = Block("stage" if narration else "p", chunk.line, self.parse(chunk, 0, text),
                              {"type": "novelistic"} if narration else {})
                if narration:
                    pending.append(block)
                elif turn is not None:
                    turn.blocks += pending + [block]
                    pending = []
                else:
                    self.warn(chunk.line, 1, "TURN002", "paragraph before any speaker turn kept outside turns")
                    body += pending + [block]
                    pending = []
        return body + pending

    def _participants(self, chunk: Chunk, match: re.Match, ids: dict[str, str]) -> Block:
        """A participants paragraph, or a ``list type="participants"`` (TEI CO 3.7) when the
        names stand one per line; bullets are markup and go."""
        lines = match.group("names").strip().split("\n")
        if len(lines) < 2 and not re.match(r"^[-*•]\s", lines[0]):
            return Block("p", chunk.line, tag_names(self.parse(chunk, 0, chunk.text), ids))
        lead = match.group("lead").strip().strip("*").strip()
        head = self.parse(chunk, 0, lead)
        items, offset = [], match.start("names")
        for line in match.group("names").split("\n"):
            start = chunk.text.index(line, offset)
            offset = start + len(line)
            bullet = re.match(r"^\s*[-*•]\s+", line)
            body_text = line[bullet.end():] if bullet else line.strip()
            base = start + (bullet.end() if bullet else len(line) - len(line.lstrip()))
            if body_text.strip():
                items.append(Block("item", chunk.line, tag_names(self.parse(chunk, base, body_text.rstrip()), ids)))
        return Block("list", chunk.line, head, {"type": "participants"}, blocks=items)

    def _turn(self, chunk: Chunk, match: re.Match) -> Block:
        label = match.group("label").strip()
        person = self._speaker(label, chunk.line)
        prefix = match.groupdict().get("prefix") or ""
        turn = Block("sp", chunk.line, who=person.id, speaker=prefix + label)
        if match.groupdict().get("dir"):
            start = match.start("dir")
            turn.delivery = self.parse(chunk, start, match.group("dir"))
        rest = chunk.text[match.end():]
        if rest.strip():
            turn.blocks.append(Block("p", chunk.line, self.parse(chunk, match.end(), rest)))
        return turn


_PAGE_ONLY = re.compile(r"^\[(?:Page|p\.)\s*(\d+[a-z]?)\]$", re.I)


def _is_title(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(text.split()) <= 12 and "\n" not in text


def _is_subhead(text: str) -> bool:
    words = text.split()
    return len(words) <= 12 and any(len(w) >= 3 and w.isupper() for w in words) and not text.endswith(".")


def _dated(nodes: list[Node]) -> list[Node]:
    """Wrap the leading date of a dateline's first text node in a ``date`` node."""
    if nodes and nodes[0].kind == "text" and (match := DATE_PATTERN.match(nodes[0].text)):
        date = Node("date", match.group(0), attrs={"when": iso_date(match.group(0))})
        rest = nodes[0].text[match.end():]
        return [date] + ([Node("text", rest)] if rest else []) + nodes[1:]
    return nodes
