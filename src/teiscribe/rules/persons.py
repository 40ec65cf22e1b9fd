"""Persons: speaker labels, participant lists and recorders become one
``listPerson`` (TEI P5 ND 13.3.2) with stable, readable ``xml:id`` values.

The same person under several labels ("N.S. Khrushchev", "Khrushchev",
"KHRUSHCHEV") is one person: a label matches a person when its name words
(initials dropped, case folded) are a subset of theirs. Ids are the name
words transliterated to ASCII and joined by hyphens ("mao-zedong"); initials
are dropped ("khrushchev"); a clash gets a numeric suffix. Ids are NCNames
(XML Namespaces 1.0, production NCName).
"""

from __future__ import annotations

import re

from anyascii import anyascii

from teiscribe.model import Node, Person

_TITLES = re.compile(r"^(?:(?:Cdes?|Comrades?|Com|Mr|Mrs|Ms|Dr|Gen|Marshal|Admiral|President|Premier|"
                     r"Chairman|Minister|Ambassador)\.?\s+)+", re.I)


def name_words(name: str) -> tuple[str, ...]:
    """The case-folded, accent-free words of ``name`` without initials or titles."""
    name = _TITLES.sub("", name.strip())
    ascii_name = anyascii(name)  # Wałęsa -> Walesa, 毛泽东 -> MaoZeDong, Хрущёв -> Khrushchyov
    words = re.findall(r"(?<![0-9A-Za-z])[A-Za-z][A-Za-z'-]*\.?", ascii_name)
    kept = tuple(w.lower().strip("'-") for w in words if not w.endswith(".") and len(w) > 1)
    return kept or tuple(w.lower().strip(".'-") for w in words[-1:])  # "K", "Q.": the letter itself


def initials(name: str) -> str:
    """Initials of the given names in a name that writes initials: "N.S. Khrushchev"
    → "NS", "John F. Kennedy" → "JF"; "" when no initial is written."""
    if not re.search(r"\b[A-Z]\.", name):
        return ""  # no initial written: "Mao Zedong", "John Kennedy" agree with any initials
    parts = re.findall(r"[A-Z][a-z]+|[A-Z]\.", _TITLES.sub("", name.strip()))
    return "".join(part[0] for part in parts[:-1])


def _compatible(a: str, b: str) -> bool:
    """Initials agree when either is missing or one extends the other."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def clean_name(name: str) -> str:
    """``name`` without leading titles such as "Cde." or trailing punctuation."""
    return _TITLES.sub("", name.strip()).strip(" .,;")


class Registry:
    """Collects persons as the rules meet them; ``persons`` keeps first-seen order."""

    def __init__(self, pinned: dict[str, dict[str, str]] | None = None) -> None:
        self.persons: list[Person] = []
        self.pinned = pinned or {}

    def find(self, label: str) -> Person | None:
        """The person a label refers to, or ``None`` (the best, unambiguous match)."""
        words = set(name_words(label))
        if not words:
            return None
        matches = [p for p in self.persons if words <= set(name_words(p.name))
                   and _compatible(initials(label), initials(p.name))]
        return matches[0] if len(matches) == 1 else None

    def resolve_short(self, label: str) -> Person | None:
        """A short form ("K", "K.") resolved to the one known person whose name starts with it."""
        letter = label.strip().rstrip(".:")
        if len(letter) != 1 or not letter.isalpha():
            return None
        matches = [p for p in self.persons if any(w.startswith(letter.lower()) for w in name_words(p.name)[-1:])
                   or name_words(p.name)[:1] == (letter.lower(),)]
        return matches[0] if len(matches) == 1 else None

    def add(self, label: str, role: str) -> Person:
        """Return the person for ``label`` (creating them), with ``role`` added."""
        name = clean_name(label)
        pin = self.pinned.get(label.strip(), {})
        person = next((p for p in self.persons if p.id == pin["id"]), None) if "id" in pin else self.find(name)
        if person is None:
            person = Person(pin.get("id") or self._new_id(name), pin.get("name") or _display(name))
            self.persons.append(person)
        elif len(name) > len(person.name) and not name.isupper() and not person.pinned:
            person.name = name
        if "name" in pin:
            person.name, person.pinned = pin["name"], True
        if role not in person.roles:
            person.roles.append(role)
        if label.strip() not in person.labels:
            person.labels.append(label.strip())
        return person

    def _new_id(self, name: str) -> str:
        base = re.sub(r"[^a-z0-9-]", "", "-".join(name_words(name)).lower()) or "person"
        if not base[0].isalpha():
            base = f"p-{base}"
        candidate, number = base, 2
        taken = {p.id for p in self.persons}
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        return candidate


def _display(name: str) -> str:
    """Title-case a name written in capitals ("MAO ZEDONG" → "Mao Zedong")."""
    return name.title() if name.isupper() else name


def split_names(listing: str) -> list[str]:
    """Split "Cdes. B.N. Ponomarev, Deng Xiaoping and X." into names."""
    listing = _TITLES.sub("", listing.strip().rstrip("."))
    return [clean_name(n) for n in re.split(r",\s*|\s+and\s+|;\s*", listing) if clean_name(n)]


def participant_names(listing: str) -> list[str]:
    """Names in a participants list: inline ("A, B and C") or one per line,
    bulleted or aligned ("- B.N. Ponomarev, CC Secretary", "Deng Xiaoping    General Secretary")."""
    lines = [ln.strip() for ln in listing.strip().split("\n") if ln.strip()]
    if len(lines) > 1 or re.match(r"^[-*•]\s", listing.strip()):
        names = []
        for line in lines:
            line = re.sub(r"^[-*•]\s+", "", line)
            names.append(re.split(r"\s{2,}|\t|,\s+|\s+[–—-]\s+", line)[0])
        return [n for n in (split_names(n)[:1] for n in names) for n in n]
    return split_names(listing)


def tag_names(nodes: list[Node], ids: dict[str, str]) -> list[Node]:
    """Wrap the first whole-word occurrence of each name of ``ids`` (name → person id)
    found in text nodes in ``persName``."""
    for name, person_id in sorted(ids.items(), key=lambda item: -len(item[0])):
        result: list[Node] = []
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        found = False
        for node in nodes:
            match = pattern.search(node.text) if node.kind == "text" and not found else None
            if match is None:
                result.append(node)
                continue
            found = True
            before, after = node.text[: match.start()], node.text[match.end():]
            result += [n for n in (Node("text", before),) if n.text]
            result.append(Node("persName", name, attrs={"ref": person_id}))
            result += [n for n in (Node("text", after),) if n.text]
        nodes = result
    return nodes
