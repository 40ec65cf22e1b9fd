"""The ``teiscribe`` command line (also ``python -m teiscribe``).

Commands::

    teiscribe build [SEEDS...] [-o edition/]    the whole pipeline (default seeds/ -> edition/)
    teiscribe convert SEED... [-o DIR]          transcript -> TEI (or --to model: JSON)
    teiscribe validate FILE...                  TEI -> located problems (RELAX NG + XSD)
    teiscribe render TEI... [-o edition/]       TEI -> HTML + PDF

Exit codes: 0 success, 1 invalid document or failed conversion, 2 usage
error, 3 unreadable input, 4 schema or stylesheet problem. Problems are
printed one per line as ``path:line:col: severity CODE message``; user
errors never show a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import time
from pathlib import Path

from teiscribe import __version__
from teiscribe.errors import TeiscribeError, location_of
from teiscribe.output import print_messages as _print_messages, status as _status

log = logging.getLogger("teiscribe")


def print_options(args: argparse.Namespace):
    """The PDF options given on the command line, as :class:`teiscribe.render.PrintOptions`."""
    from teiscribe.render import PrintOptions

    if args.bleed < 0 or args.bleed > 20:
        from teiscribe.errors import UsageError

        raise UsageError(f"--bleed {args.bleed} mm is outside 0 to 20 mm")
    return PrintOptions(args.page_size, args.pdf_variant, args.bleed, args.crop_marks)


def cmd_build(args: argparse.Namespace) -> int:
    from teiscribe.build import build, config_warnings
    from teiscribe.config import CONFIG_NAME, load_config

    config = load_config(args.config)
    _print_messages(config_warnings(config, args.config or Path(CONFIG_NAME)))
    started = time.perf_counter()
    outcomes = build(args.seeds or [Path("seeds")], args.output, config, force=args.force,
                     pdf=not args.no_pdf, options=print_options(args))
    for outcome in outcomes:
        _print_messages(outcome.messages)
        made = ", ".join(str(p) for p in (outcome.tei, outcome.html, outcome.pdf) if p)
        if outcome.tei.suffix != ".xml":
            print(f"not converted: {outcome.tei}")
        elif _status(outcome.messages) and not outcome.pdf_refused:
            print(f"not published (invalid TEI): {outcome.tei}")
        elif outcome.pdf_refused:
            print(f"built without PDF (characters no font can draw): {made}")
        else:
            print(f"{'built' if outcome.converted else 'rendered (hand-edited TEI kept)'}: {made}")
    print(f"{len(outcomes)} document(s) in {time.perf_counter() - started:.1f} s")
    return max((o.exit_code or _status(o.messages) for o in outcomes), default=0)


def cmd_convert(args: argparse.Namespace) -> int:
    from teiscribe.build import convert_one, convert_seed, seed_files
    from teiscribe.config import load_config
    from teiscribe.report import write_report

    config = load_config(args.config)
    status = 0
    seeds = seed_files(args.seeds)
    for seed in seeds:
        if args.to == "model":
            _, doc, messages = convert_seed(seed)
            print(doc.to_json())
        else:
            outcome = convert_one(seed, args.output, config, force=args.force)
            messages = outcome.messages
            print(f"{'converted' if outcome.converted else 'kept (hand-edited)'}: {outcome.tei}")
        _print_messages(messages)
        status = max(status, _status(messages))
        if args.report:
            doc = doc if args.to == "model" else outcome.document  # the conversion just made, not another
            summary = write_report(doc, seed, args.report if len(seeds) == 1 else
                                   args.report.with_name(f"{doc.id}.{args.report.name}"))
            print(summary)
    return status


def cmd_render(args: argparse.Namespace) -> int:
    from teiscribe.build import render_one
    from teiscribe.transform import Stylesheets

    from teiscribe.errors import InputError
    from teiscribe.validate import validate_file

    stylesheets = Stylesheets()
    for tei in args.files:
        if not tei.is_file():
            raise InputError("no such file", location_of(tei))
        problems = validate_file(tei)
        if _status(problems):
            _print_messages(problems)
            print(f"not rendered (invalid TEI): {tei}")
            return 1
        html, pdf = render_one(tei, args.output, stylesheets, pdf=not args.no_pdf, options=print_options(args))
        print(f"rendered: {html}" + (f", {pdf}" if pdf else ""))
    return 0


def delegate(sub, name: str, module: str, help_text: str) -> None:
    """Add subcommand ``name`` whose options and handler live in ``module``.

    The module provides ``configure_parser(parser)`` and ``run_command(args) -> int``.
    """
    command = importlib.import_module(module)
    p = sub.add_parser(name, help=help_text, description=help_text)
    command.configure_parser(p)
    p.set_defaults(run=command.run_command)


def parser() -> argparse.ArgumentParser:
    """The argument parser for all commands."""
    top = argparse.ArgumentParser(prog="teiscribe", description=__doc__.split("\n")[0],
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--version", action="version", version=f"teiscribe {__version__}")
    top.add_argument("-v", "--verbose", action="store_true", help="log each step")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def output(p, default="edition"):
        p.add_argument("-o", "--output", type=Path, default=Path(default), help=f"output folder (default {default}/)")

    def rendering(p):
        p.add_argument("--no-pdf", action="store_true", help="skip the PDF")
        p.add_argument("--page-size", default="A5", type=str.upper, metavar="SIZE",
                       choices=["A5", "A4", "B5", "LETTER", "TRADE", "ROYAL"],
                       help="PDF trim size: A5 (default), A4, B5, letter, trade (6x9 in), royal (156x234 mm)")
        p.add_argument("--pdf-variant", default="pdfa", choices=["pdfa", "pdfua", "plain"],
                       help="pdfa: PDF/A-3b with the TEI inside (default); pdfua: also tagged PDF/UA-1; "
                            "plain: no archival claim")
        p.add_argument("--bleed", type=float, default=0.0, metavar="MM", help="bleed around the trim, in mm (e.g. 3)")
        p.add_argument("--crop-marks", action="store_true", help="draw crop marks outside the bleed")

    b = sub.add_parser("build", help="transcripts -> TEI, HTML and PDF (default seeds/ -> edition/)")
    b.add_argument("seeds", nargs="*", type=Path, help="transcripts or folders (default seeds/)")
    output(b)
    rendering(b)
    b.add_argument("--config", type=Path, help="edition configuration (default ./teiscribe.toml)")
    b.add_argument("--force", action="store_true", help="reconvert even hand-edited TEI (keeps a .bak)")
    b.set_defaults(run=cmd_build)

    c = sub.add_parser("convert", help="transcripts -> TEI (or the model as JSON)")
    c.add_argument("seeds", nargs="+", type=Path)
    output(c)
    c.add_argument("--to", choices=["tei", "model"], default="tei", help="tei (default) or model (JSON on stdout)")
    c.add_argument("--report", type=Path, help="write every conversion decision as JSON to this file "
                   "(and a readable summary beside it, .txt)")
    c.add_argument("--config", type=Path, help="edition configuration (default ./teiscribe.toml)")
    c.add_argument("--force", action="store_true", help="reconvert even hand-edited TEI (keeps a .bak)")
    c.set_defaults(run=cmd_convert)

    delegate(sub, "validate", "teiscribe.validate", "check TEI files against the project schema (RELAX NG + XSD)")
    delegate(sub, "deposit", "teiscribe.deposit", "package the built edition as a BagIt bag for a repository")

    r = sub.add_parser("render", help="TEI -> HTML and PDF")
    r.add_argument("files", nargs="+", type=Path)
    output(r)
    rendering(r)
    r.set_defaults(run=cmd_render)
    return top


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="teiscribe: %(message)s")
    if not args.verbose:  # WeasyPrint's notes on font subsetting are not the user's concern
        for name in ("weasyprint", "fontTools"):
            logging.getLogger(name).setLevel(logging.ERROR)
    try:
        return args.run(args)
    except TeiscribeError as exc:
        print(exc, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("teiscribe: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"{exc.filename or 'teiscribe'}: error: {exc.strerror or exc}", file=sys.stderr)
        return 3
