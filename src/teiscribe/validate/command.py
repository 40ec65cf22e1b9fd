"""``teiscribe validate``: options, inputs, report, exit code.

Inputs are files, folders (every ``*.xml`` below, recursively) and globs
(``'edition/**/*.xml'``, expanded by teiscribe when the shell did not);
each file is checked once. Exit codes (never the number of errors):
0 valid, 1 invalid (a message at or above ``--fail-on``), 2 usage error,
3 unreadable input, 4 schema problem; when several apply, the highest wins.
"""

from __future__ import annotations

import glob
import sys
from pathlib import Path

from teiscribe.errors import Message, UsageError, location_of
from teiscribe.validate.codes import (EXIT_INVALID, EXIT_SCHEMA, EXIT_UNREADABLE, EXIT_VALID, severity_rank)
from teiscribe.validate.engine import FileResult, Options, default_jobs, element_names, run
from teiscribe.validate.reports import FORMATS, render
from teiscribe.validate.schemas import resolve_specs
from teiscribe.xmlio import MAX_XML_BYTES, atomic_write


def configure_parser(parser) -> None:
    """Options of ``teiscribe validate`` (an ``argparse`` subparser)."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="TEI files, folders (*.xml, recursive) or globs")
    parser.add_argument("--schema", action="append", metavar="SCHEMA",
                        help="'project' (default), a .rng/.xsd/.sch/.isosch file, or 'xml-model' "
                             "(the document's <?xml-model?> declarations); repeatable")
    parser.add_argument("--phase", help="Schematron phase to run (default: the schema's defaultPhase, else all)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format (default text)")
    parser.add_argument("--output", type=Path, metavar="FILE", help="write the report to FILE (atomically)")
    parser.add_argument("--fail-on", choices=["warning", "error"], default="error",
                        help="lowest severity that makes the run fail (default error)")
    parser.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                        help="parallel worker processes (default: all cores; 1 for RELAX NG-only runs under 2000 files)")
    parser.add_argument("--max-size", type=int, default=MAX_XML_BYTES, metavar="BYTES",
                        help=f"largest file accepted (default {MAX_XML_BYTES})")
    parser.add_argument("--svrl", type=Path, metavar="DIR", help="also write each Schematron SVRL report to DIR")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the compiled-XSD cache")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary line, no progress bar")


def expand_inputs(values: list[str]) -> tuple[list[Path], list[Message]]:
    """Files named by ``values`` (files, folders, globs), each once; problems as ``INPUT001`` messages."""
    found: list[Path] = []
    problems = []
    for value in values:
        path = Path(value)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*.xml") if p.is_file())
            if not inside:
                problems.append(Message(location_of(path), "error", "INPUT001", "folder has no *.xml file"))
            found += inside
        elif path.exists():
            found.append(path)
        elif glob.has_magic(value):
            matches = sorted(Path(p) for p in glob.glob(value, recursive=True) if Path(p).is_file())
            if not matches:
                problems.append(Message(location_of(value), "error", "INPUT001", "no file matches this pattern"))
            found += matches
        else:
            problems.append(Message(location_of(path), "error", "XML001", "cannot read file: no such file or folder"))
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values()), problems


def _progress(total: int, quiet: bool):
    """A progress callback drawing a bar on a terminal (tqdm), or ``None`` in logs and pipes."""
    if quiet or total < 2 or not sys.stderr.isatty():
        return None, None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="file", file=sys.stderr, leave=False, dynamic_ncols=True)
    return bar.update, bar


def exit_status(results: list[FileResult], fail_on: str) -> int:
    """The exit code for ``results`` (see the module docstring)."""
    if any(r.schema_problem for r in results):
        return EXIT_SCHEMA
    if any(r.unreadable for r in results):
        return EXIT_UNREADABLE
    threshold = severity_rank(fail_on)
    failed = any(severity_rank(m.severity) >= threshold for r in results for m in r.messages)
    return EXIT_INVALID if failed else EXIT_VALID


def run_command(args) -> int:
    """Run ``teiscribe validate`` with parsed ``args``; return the exit code."""
    if args.jobs < 0 or args.max_size <= 0:
        raise UsageError("-j and --max-size must be positive")
    specs, use_models = resolve_specs(args.schema, args.phase)
    files, problems = expand_inputs(args.paths)
    used = element_names(files) if any(s.kind == "rng" for s in specs) and len(files) > 1 else None
    options = Options(tuple(specs), use_models, args.max_size, not args.no_cache,
                      str(args.svrl) if args.svrl else None, used)
    update, bar = _progress(len(files), args.quiet)
    try:
        results = run(files, options, args.jobs or default_jobs(options, len(files)), update)
    finally:
        if bar is not None:
            bar.close()
    results += [FileResult(m.location.path, [m], unreadable=True) for m in problems]
    results.sort(key=lambda r: r.path)
    report = render(args.format, results, args.fail_on)
    if args.output:
        atomic_write(args.output, report.encode("utf-8"))
    else:  # text goes with teiscribe's other messages (stderr); machine formats to stdout for piping
        (sys.stderr if args.format == "text" else sys.stdout).write(report)
    if not args.quiet:
        messages = [m for r in results for m in r.messages]
        counts = {s: sum(m.severity == s for m in messages) for s in ("error", "warning")}
        verdict = "valid" if exit_status(results, args.fail_on) == EXIT_VALID else "invalid"
        flagged = sum(bool(r.messages) for r in results)
        detail = (f" ({counts['error']} error(s), {counts['warning']} warning(s) in {flagged} file(s))"
                  if flagged else "")
        print(f"{len(results)} file(s) checked: {verdict}{detail}", file=sys.stderr)
    return exit_status(results, args.fail_on)
