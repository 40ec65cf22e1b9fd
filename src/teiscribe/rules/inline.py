"""Inline phrases: Markdown emphasis, escapes, note calls, brackets, directions.

One paragraph's text becomes a list of :class:`teiscribe.model.Node`. The
recognised syntax (markup that is *not* a word of the text and so is not
carried over verbatim):

* ``**bold**`` and ``*italic*`` → ``hi`` (TEI P5 CO 3.3.2.2);
* ``\\$`` and other Markdown escapes → the literal character;
* ``<sup>[n]</sup>`` and a bare ``[n]`` → the ``note`` numbered *n*, placed
  here (CO 3.9); a call with no note text is kept visibly as ``noteCall``
  and reported;
* ``[...]`` → see :mod:`teiscribe.rules.brackets`;
* a parenthesised sentence standing between sentences, ``(Jokingly.)`` →
  ``stage type="delivery"`` (DR 7.2.4); parentheses inside a sentence,
  ``(a sailor)``, stay text;
* the page-break marks left by :mod:`teiscribe.rules.pagebreaks` → ``pb``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from wordfreq import zipf_frequency

from teiscribe.model import Decision, Node
from teiscribe.overrides import Overrides
from teiscribe.rules.brackets import Verdict, classify
from teiscribe.rules.languages import transliteration_tag

PB = "\ue000"
"""Private-use mark for a page break between words (``<pb/>``)."""
PB_NOBREAK = "\ue001"
"""Private-use mark for a page break inside a hyphenated word (``<pb break="no"/>``)."""

_TOKEN = re.compile(
    r"(?P<sup><sup>\s*\[?(?P<supn>\d+)\]?\s*</sup>)"
    r"|(?P<pb>[\ue000\ue001])"
    r"|(?<=[a-z.,;:!?”\"’)])(?P<glued>\d{1,2})(?=[\s,.;:]|$)"
    r"|(?<![\w/])/(?P<slash>\d{1,3})/(?![\w/])"
    r"|\[\^(?P<mdcall>\d{1,3})\]"
    r"|\\(?P<esc>[\\`*_{}\[\]()#+\-.!$<>|])"
    r"|\*\*(?P<bold>[^*]+?)\*\*"
    r"|(?<![\w*])\*(?P<ital>[^*\s][^*]*?)\*(?![\w*])"
    r"|\[(?P<br>[^\[\]\n]*)\]"
    r"|\((?P<dir>[A-Z][^()\n]{0,60}?[.!?])\)"
)
_SENTENCE_END = re.compile(r"(?:^|[.!?][\"”’)]?\s+)$")
_SIC_SCOPE = re.compile(r"((?:[A-Z][\w'’-]*\s+){0,4}[A-Z][\w'’-]*|[^\s]+)(\s*)$")
_GLUED_LETTERS = re.compile(r"([^\W\d_]+)$")


@dataclass
class Context:
    """What inline parsing needs besides the text.

    ``notes`` maps note numbers to their (raw) texts; ``original_lang`` is the
    document's original-language tag; ``locate(offset)`` gives the source
    (line, col) of an offset in the text; ``decisions`` and ``warn`` collect
    the review record; ``used_notes`` collects the note numbers placed.
    """

    notes: dict[str, str]
    original_lang: str
    locate: Callable[[int], tuple[int, int]]
    warn: Callable[[int, int, str, str], None]
    decisions: list[Decision] = field(default_factory=list)
    used_notes: set[str] = field(default_factory=set)
    in_note: bool = False
    overrides: Overrides = field(default_factory=Overrides)


def _append_text(nodes: list[Node], value: str) -> None:
    if not value:
        return
    if nodes and nodes[-1].kind == "text":
        nodes[-1].text += value
    else:
        nodes.append(Node("text", value))


def _pop_trailing(nodes: list[Node], pattern: re.Pattern) -> str:
    """Remove and return the part of the last text node matched by ``pattern`` (group 1)."""
    if not nodes or nodes[-1].kind != "text":
        return ""
    match = pattern.search(nodes[-1].text)
    if not match:
        return ""
    nodes[-1].text = nodes[-1].text[: match.start()]
    if not nodes[-1].text:
        nodes.pop()
    return match.group(1)


def parse_inline(text: str, ctx: Context, base: int = 0) -> list[Node]:
    """Parse ``text`` (one paragraph, or a part starting at offset ``base``) into nodes."""
    nodes: list[Node] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        _append_text(nodes, text[pos : match.start()])
        pos = match.end()
        start = base + match.start()
        kind = match.lastgroup
        if kind == "sup":
            _note_call(nodes, match.group("supn"), ctx, start, match.group(0))
        elif kind in ("glued", "slash", "mdcall"):
            number = match.group(kind)
            if kind != "mdcall" and (number not in ctx.notes or number in ctx.used_notes):
                _append_text(nodes, match.group(0))  # an ordinary number, not a note call
            else:
                _note_call(nodes, number, ctx, start, match.group(0))
        elif kind == "pb":
            nodes.append(Node("pb", attrs={"break": "no"} if match.group(0) == PB_NOBREAK else {}))
        elif kind == "esc":
            _append_text(nodes, match.group("esc"))
        elif kind == "bold":
            nodes.append(Node("hi", children=parse_inline(match.group("bold"), ctx, start + 2),
                              attrs={"rend": "bold"}))
        elif kind == "ital":
            nodes.append(Node("hi", children=parse_inline(match.group("ital"), ctx, start + 1),
                              attrs={"rend": "italic"}))
        elif kind == "dir":
            if _SENTENCE_END.search(text[: match.start()]):
                nodes.append(Node("stage", match.group("dir"), attrs={"type": "delivery"}))
                _decide(ctx, start, match.group(0), "stage delivery", "parenthesised sentence between sentences")
            else:
                _append_text(nodes, match.group(0))
        else:
            _bracket(nodes, match, text, ctx, start)
    _append_text(nodes, text[pos:])
    return nodes


def _pinned_verdict(pinned: tuple[str, str], original_lang: str) -> Verdict:
    kind, value = pinned
    attrs = {"foreign": {"lang": value or transliteration_tag(original_lang)},
             "supplied": {"reason": value or "omitted"}, "gap": {"reason": value or "illegible"},
             "note": {"type": "editorial"}}.get(kind, {})
    return Verdict(kind, attrs, "editor's override")


_SCRIPTS = {"CJK": "Hani", "HIRAGANA": "Jpan", "KATAKANA": "Jpan", "HANGUL": "Kore", "ARABIC": "Arab",
            "HEBREW": "Hebr", "CYRILLIC": "Cyrl", "GREEK": "Grek", "DEVANAGARI": "Deva", "THAI": "Thai",
            "ARMENIAN": "Armn", "GEORGIAN": "Geor"}
_ORIGINAL_SCRIPT = {"ru": "Cyrl", "uk": "Cyrl", "be": "Cyrl", "bg": "Cyrl", "sr": "Cyrl", "zh": "Hani",
                    "ja": "Jpan", "ko": "Kore", "ar": "Arab", "fa": "Arab", "he": "Hebr", "el": "Grek"}


def _script(char: str) -> str:
    """ISO 15924 code of a letter outside the Latin script, or ``""``."""
    if not char.isalpha():
        return ""
    name = unicodedata.name(char, "")
    return next((code for prefix, code in _SCRIPTS.items() if name.startswith(prefix)), "")


def tag_scripts(nodes: list[Node], original_lang: str) -> list[Node]:
    """Wrap runs of a non-Latin script in plain text as ``foreign`` with a BCP 47 tag
    (WCAG 2.1 SC 3.1.2, language of parts): the original language when the script is
    its own (Cyrillic in a Russian record → ``ru``), else ``und-<Script>`` (ISO 15924)."""
    result: list[Node] = []
    for node in nodes:
        if node.kind != "text" or not any(_script(c) for c in node.text):
            if node.kind not in ("foreign",) and node.children:
                node.children = tag_scripts(node.children, original_lang)
            result.append(node)
            continue
        for piece, script in _script_runs(node.text):
            if not script:
                _append_text(result, piece)
                continue
            base = original_lang.split("-")[0]
            lang = base if _ORIGINAL_SCRIPT.get(base) == script else f"und-{script}"
            result.append(Node("foreign", piece, attrs={"lang": lang}))
    return result


def _script_runs(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into (piece, script) runs; spaces and punctuation inside a run stay in it."""
    runs: list[tuple[str, str]] = []
    for match in re.finditer(r"\w+|\W+", text):
        piece = match.group()
        script = _script(piece[0]) if piece[0].isalpha() else ""
        if runs and runs[-1][1] and script == runs[-1][1]:
            runs[-1] = (runs[-1][0] + piece, script)
        elif runs and runs[-1][1] and not script and re.fullmatch(r"[ ,;:\-·、，]+", piece):
            runs[-1] = (runs[-1][0] + piece, runs[-1][1])  # provisional: a separator inside a run
        else:
            runs.append((piece, script))
    # give back a trailing separator that no letter of the same script followed
    fixed: list[tuple[str, str]] = []
    for piece, script in runs:
        if script:
            core = piece.rstrip(" ,;:-·、，")
            fixed.append((core, script))
            if core != piece:
                fixed.append((piece[len(core):], ""))
        else:
            fixed.append((piece, script))
    return [(p, s) for p, s in fixed if p]


def apply_corrections(nodes: list[Node], corrections: dict[str, str]) -> list[Node]:
    """Split text nodes at each damaged string of ``corrections`` into ``choice(sic, corr)``."""
    for damaged, corrected in corrections.items():
        result: list[Node] = []
        for node in nodes:
            if node.kind != "text" or damaged not in node.text:
                if node.children:
                    node.children = apply_corrections(node.children, {damaged: corrected})
                result.append(node)
                continue
            pieces = node.text.split(damaged)
            for index, piece in enumerate(pieces):
                if piece:
                    result.append(Node("text", piece))
                if index < len(pieces) - 1:
                    result.append(Node("choice", children=[Node("sic", damaged), Node("corr", corrected)]))
        nodes = result
    return nodes


def _decide(ctx: Context, offset: int, source: str, result: str, cue: str, certain: bool = True) -> None:
    line, col = ctx.locate(offset)
    ctx.decisions.append(Decision(line, col, source, result, cue, certain))


def _note_call(nodes: list[Node], number: str, ctx: Context, offset: int, source: str) -> None:
    if number in ctx.notes and not ctx.in_note:
        ctx.used_notes.add(number)
        ctx.in_note = True
        body = parse_inline(ctx.notes[number], ctx)
        ctx.in_note = False
        nodes.append(Node("note", children=body, attrs={"n": number, "place": "end"}))
        _decide(ctx, offset, source, f"note n={number}", "note call with a matching note text")
        return
    nodes.append(Node("noteCall", f"[{number}]", attrs={"n": number}))
    line, col = ctx.locate(offset)
    ctx.warn(line, col, "NOTE001", f"note call {source!r} has no note text in the source; kept as written")
    _decide(ctx, offset, source, "noteCall (orphan)", "no note with this number", False)


def _bracket(nodes: list[Node], match: re.Match, text: str, ctx: Context, offset: int) -> None:
    content = match.group("br")
    if content.isdigit() and len(content) <= 3:
        _note_call(nodes, content, ctx, offset, match.group(0))
        return
    pinned = ctx.overrides.brackets.get(match.group(0))
    if pinned:
        verdict = _pinned_verdict(pinned, ctx.original_lang)
    else:
        verdict = classify(content, text[: match.start()], text[match.end() :], ctx.original_lang)
    result = f"{verdict.kind} " + " ".join(f"{k}={v}" for k, v in verdict.attrs.items())
    _decide(ctx, offset, match.group(0), result.strip(), verdict.cue, verdict.certain)
    if verdict.kind == "sic":
        scope = _pop_trailing(nodes, _SIC_SCOPE)
        first, _, rest = scope.partition(" ")
        before = nodes[-1].text if nodes and nodes[-1].kind == "text" else ""
        if rest and _SENTENCE_END.search(before) and zipf_frequency(first, "en") >= 4.0:
            _append_text(nodes, first + " ")  # "Also Wan Xia Sang [sic]": a capitalised first word is not the name
            scope = rest
        if not scope:
            line, col = ctx.locate(offset)
            ctx.warn(line, col, "BRK001", "[sic] qualifies no word; kept as a bare sic")
        nodes.append(Node("sic", scope))
    elif verdict.kind == "ex":
        stem = _pop_trailing(nodes, _GLUED_LETTERS)
        nodes.append(Node("expan", children=[Node("text", stem), Node("ex", content)]))
    elif verdict.kind == "pb":
        nodes.append(Node("pb", attrs=verdict.attrs))
    elif verdict.kind == "gap":
        nodes.append(Node("gap", content, attrs=verdict.attrs))
    elif verdict.kind == "note":
        nodes.append(Node("note", children=parse_inline(content, ctx, offset + 1),
                          attrs={"type": "editorial", "resp": "translator"}))
    elif verdict.kind == "foreign":
        nodes.append(Node("foreign", content, attrs=dict(verdict.attrs, rend="brackets")))
    else:
        attrs = dict(verdict.attrs, resp="translator")
        nodes.append(Node("supplied", children=parse_inline(content, ctx, offset + 1), attrs=attrs))
