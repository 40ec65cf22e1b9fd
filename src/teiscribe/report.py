"""The review report: every decision the converter took, for the editor.

``teiscribe convert --report FILE.json`` writes the decisions as JSON (one
object per decision: ``line``, ``col``, ``source``, ``result``, ``cue``,
``certain``) and a readable summary beside it (``FILE.txt``): counts per
category, then only the uncertain decisions, each with its line, so an
editor reviews those and pins the answer in the sidecar overrides file.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from teiscribe.model import Document
from teiscribe.overrides import sidecar_for
from teiscribe.xmlio import atomic_write


def categories(doc: Document) -> Counter:
    """Decision counts per category (the first word or two of each result)."""
    return Counter(" ".join(d.result.split()[:2]) if d.result.startswith(("supplied", "stage"))
                   else d.result.split()[0] for d in doc.decisions)


def summary(doc: Document, seed: Path) -> str:
    """The readable summary of ``doc``'s decisions (several lines of text)."""
    uncertain = [d for d in doc.decisions if not d.certain]
    lines = [f"{seed}: {len(doc.decisions)} decisions, {len(uncertain)} uncertain"]
    lines += [f"  {count:4d}  {name}" for name, count in sorted(categories(doc).items())]
    if uncertain:
        lines.append(f"Uncertain (pin the answer in {sidecar_for(seed)}):")
        lines += [f"  {seed}:{d.line}:{d.col}: {d.source[:60]!r} -> {d.result} ({d.cue})" for d in uncertain]
    return "\n".join(lines)


def write_report(doc: Document, seed: Path, path: Path) -> str:
    """Write the JSON report to ``path`` and the summary to ``path`` with ``.txt``; return the summary."""
    data = {"source": str(seed), "id": doc.id, "uncertain": sum(not d.certain for d in doc.decisions),
            "counts": dict(sorted(categories(doc).items())), "decisions": [asdict(d) for d in doc.decisions]}
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1).encode())
    text = summary(doc, seed)
    atomic_write(path.with_suffix(".txt"), (text + "\n").encode())
    return text
