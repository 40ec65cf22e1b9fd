"""Benchmark the print edition: pages per second and peak memory (run on demand).

    .venv/bin/python benchmarks/bench_pdf.py [--copies 11] [--variants pdfa,pdfua] [--repeat 1]

Renders (1) the seed's TEI (``edition/wcda-112080.xml``) and (2) a synthetic
volume of about 300 A5 pages: the seed's record with its turns repeated
``--copies`` times (notes, names and page breaks included, so footnotes,
the index and hyphenation are exercised as in real text). Each case runs in
a fresh Python process, so the peak resident memory (``ru_maxrss``) is that
case's alone and includes importing WeasyPrint; the time covers the XSLT
transform and ``write_pdf`` (layout, end-matter pass, fonts, PDF/A) and is
the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_TEI = ROOT / "edition" / "wcda-112080.xml"


def synthetic_volume(copies: int, out: Path) -> Path:
    """A TEI file with the seed's turns repeated ``copies`` times; returns its path."""
    source = SEED_TEI.read_text("utf-8")
    start, end = source.index("<sp "), source.index("<closer>")
    turns = source[start:end]
    out.write_text(source[:start] + turns * copies + source[end:], "utf-8")
    return out


def measure(tei: Path, variant: str) -> dict:
    """Render ``tei`` once in this process: pages, seconds (XSLT, PDF), peak RSS in MiB."""
    from teiscribe.render import write_pdf
    from teiscribe.transform import Stylesheets

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        html = Stylesheets().to_print_html(tei)
        transformed = time.perf_counter()
        pages = write_pdf(html, Path(tmp) / "out.pdf", tei.parent, tei=tei, variant=variant)
        done = time.perf_counter()
        size = (Path(tmp) / "out.pdf").stat().st_size
    return {"pages": pages, "xslt_s": transformed - started, "pdf_s": done - transformed,
            "total_s": done - started, "bytes": size,
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_case(tei: Path, variant: str, repeat: int) -> dict:
    """Best of ``repeat`` runs of :func:`measure`, each in a new interpreter."""
    runs = []
    for _ in range(repeat):
        child = subprocess.run([sys.executable, __file__, "--one", str(tei), "--variant", variant],
                               capture_output=True, text=True, check=True, env=dict(os.environ, PYTHONWARNINGS="ignore"))
        runs.append(json.loads(child.stdout.strip().splitlines()[-1]))
    best = min(runs, key=lambda r: r["total_s"])
    best["peak_mib"] = max(r["peak_mib"] for r in runs)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=11, help="repetitions of the seed's turns (11: ~300 A5 pages)")
    parser.add_argument("--variants", default="pdfa,pdfua", help="comma-separated write_pdf variants")
    parser.add_argument("--repeat", type=int, default=1, help="runs per case (best time is kept)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--variant", default="pdfa", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.variant)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        volume = synthetic_volume(args.copies, Path(tmp) / "volume.xml")
        cases = [("seed", SEED_TEI), (f"volume x{args.copies}", volume)]
        print(f"{'case':<14} {'variant':<7} {'pages':>5} {'xslt s':>7} {'pdf s':>7} {'pages/s':>8} "
              f"{'peak MiB':>9} {'PDF KiB':>8}")
        for name, tei in cases:
            for variant in args.variants.split(","):
                r = run_case(tei, variant, args.repeat)
                print(f"{name:<14} {variant:<7} {r['pages']:>5} {r['xslt_s']:>7.2f} {r['pdf_s']:>7.2f} "
                      f"{r['pages'] / r['total_s']:>8.1f} {r['peak_mib']:>9.0f} {r['bytes'] / 1024:>8.0f}")


if __name__ == "__main__":
    main()
