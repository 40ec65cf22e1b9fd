"""Benchmark the main job, stage by stage, on the seeds (run on demand, not in the tests).

    .venv/bin/python benchmarks/bench_build.py [SEEDS...] [--repeat N]

Reports wall time per stage (read+rules, encode, validate, HTML, PDF) as the
median of N runs (default 3), and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from teiscribe.build import seed_files
from teiscribe.config import EditionConfig
from teiscribe.encode import encode
from teiscribe.read import read_source
from teiscribe.render import write_html, write_pdf
from teiscribe.rules import convert
from teiscribe.transform import Stylesheets
from teiscribe.validate import validate_file


def run_once(seeds: list[Path], out: Path, stylesheets: Stylesheets) -> dict[str, float]:
    times = dict.fromkeys(["read+rules", "encode", "validate", "html", "pdf"], 0.0)
    for seed in seeds:
        t0 = time.perf_counter()
        doc, _ = convert(read_source(seed))
        t1 = time.perf_counter()
        tei = out / f"{doc.id}.xml"
        tei.write_bytes(encode(doc, EditionConfig()))
        t2 = time.perf_counter()
        validate_file(tei)
        t3 = time.perf_counter()
        write_html(stylesheets.to_html(tei), out / "html" / f"{doc.id}.html")
        t4 = time.perf_counter()
        write_pdf(stylesheets.to_print_html(tei), out / "pdf" / f"{doc.id}.pdf", out)
        t5 = time.perf_counter()
        for key, value in zip(times, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            times[key] += value
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("seeds", nargs="*", type=Path, default=[Path("seeds")])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    seeds = seed_files(args.seeds)
    stylesheets = Stylesheets()
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            runs.append(run_once(seeds, Path(tmp), stylesheets))
    print(f"{len(seeds)} transcript(s), median of {args.repeat} runs (first run includes compilation)")
    for stage in runs[0]:
        print(f"  {stage:<11} {statistics.median(r[stage] for r in runs):7.3f} s")
    print(f"  {'total':<11} {statistics.median(sum(r.values()) for r in runs):7.3f} s")
    print(f"  peak RSS    {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:7.1f} MiB")


if __name__ == "__main__":
    main()
