"""``teiscribe deposit``: the built edition as a verifiable BagIt bag with standard metadata.

Commands::

    teiscribe deposit [EDITION] [-o deposit/] [--zip] [--date YYYY-MM-DD] [--allow-incomplete]
    teiscribe deposit --check [EDITION]      what a repository needs and the headers lack
    teiscribe deposit --verify BAG           checksums, completeness and TEI validity of a bag

``EDITION`` is the folder ``teiscribe build`` wrote (default ``edition/``).
The bag (RFC 8493, BagIt 1.0; SHA-256 and SHA-512 manifests) holds the TEI,
its schema, the HTML and PDF editions, Dublin Core, DataCite 4.7 and
schema.org records made from each ``teiHeader`` by ``xslt/crosswalk/``, and a
README; ``bag-info.txt`` is filled from the headers. ``--zip`` writes
``<output>.zip`` instead of the folder (an ``-o`` ending in ``.zip`` implies
it); the same edition and deposit date give the same bytes.

Policy: the edition must be built (HTML and PDF beside each TEI), every TEI
must be valid, and every header must pass the readiness check; otherwise
nothing is written. ``--allow-incomplete`` packages despite missing metadata
and records what is missing in the README and ``bag-info.txt``.

Exit codes: 0 done; 1 metadata missing, invalid TEI or a bag that fails
verification; 2 usage (bad ``--date``, ``-o`` names something that is not a
bag); 3 edition not built or unreadable; 4 a stylesheet fails.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from teiscribe.deposit.readiness import HeaderFacts, check_file
from teiscribe.errors import InputError, Message, TeiscribeError, location_of
from teiscribe.output import print_messages, status


def configure_parser(parser) -> None:
    """Options of ``teiscribe deposit`` (an ``argparse`` subparser)."""
    parser.add_argument("edition", nargs="?", type=Path, default=Path("edition"),
                        help="the built edition folder (default edition/)")
    parser.add_argument("-o", "--output", type=Path, default=Path("deposit"),
                        help="bag folder to write (default deposit/); with --zip, <output>.zip")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="only report what a repository needs and the TEI headers lack")
    mode.add_argument("--verify", type=Path, metavar="BAG",
                      help="re-check a bag folder or zip: checksums, completeness, every TEI file")
    parser.add_argument("--zip", action="store_true", help="write the bag as one reproducible zip file")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="deposit date (default $SOURCE_DATE_EPOCH, else today, UTC)")
    parser.add_argument("--allow-incomplete", action="store_true",
                        help="package even when the readiness check finds required metadata missing")


def run_command(args) -> int:
    """Run ``teiscribe deposit`` with parsed ``args``; return the exit code (module docstring)."""
    if args.verify is not None:
        return _verify(args.verify)
    from teiscribe.deposit.payload import edition_documents

    teis = edition_documents(args.edition)
    checked = [(tei, *check_file(tei)) for tei in teis]
    readiness = [m for _, _, messages in checked for m in messages]
    missing = [m for m in readiness if m.severity == "error"]
    if args.check:
        print_messages(readiness)
        for tei, _, messages in checked:
            codes = [m.code for m in messages if m.severity == "error"]
            print(f"{tei}: {'ready for deposit' if not codes else 'not ready (' + ', '.join(codes) + ')'}")
        return status(readiness)
    from teiscribe.deposit.bag import deposit_date
    from teiscribe.validate import validate_files

    when = deposit_date(args.date)  # a bad --date is a usage error before any work
    invalid = validate_files(teis)
    if status(invalid):
        print_messages(invalid)
        print("not packaged: invalid TEI (fix it, then `teiscribe build`)")
        return 1
    if missing and not args.allow_incomplete:
        print_messages(readiness)
        print(f"not packaged: {len(missing)} required metadata field(s) missing (see above); "
              "fill them, or pass --allow-incomplete")
        return 1
    print_messages([replace(m, severity="warning") for m in readiness])
    target, messages = package(args.edition, [(t, f) for t, f, _ in checked], args.output,
                               as_zip=args.zip, when=when, incomplete=missing)
    print_messages(messages)
    if target is None:
        print("not packaged: the edition is not built; run `teiscribe build`")
        return 3
    print(f"deposited: {target} ({len(teis)} document(s))")
    return 0


def package(edition: Path, documents: list[tuple[Path, HeaderFacts]], output: Path, *, as_zip: bool,
            when: str, incomplete: list[Message]) -> tuple[Path | None, list[Message]]:
    """Write the bag of ``documents`` (TEI path, header facts) of ``edition`` to ``output``.

    ``when`` is the deposit date (``YYYY-MM-DD``); ``incomplete`` the
    readiness errors accepted with ``--allow-incomplete``. Returns the path
    written (folder, or zip when ``as_zip`` or ``output`` ends in ``.zip``)
    and messages; the path is ``None`` when the edition is not built
    (``DEPOSIT001``), and then nothing is written. Raises
    :class:`~teiscribe.errors.UsageError` when ``output`` exists and is not a
    bag, :class:`~teiscribe.errors.SchemaError` when a crosswalk fails,
    :class:`~teiscribe.errors.TeiscribeError` when the new bag fails bagit's
    own validation (a bug), ``OSError`` when the output cannot be written.
    """
    import bagit

    from teiscribe.deposit.bag import check_target, install, make_bag, quiet_bagit, write_zip
    from teiscribe.deposit.crosswalk import Crosswalks
    from teiscribe.deposit.payload import payload_files, write_payload
    from teiscribe.deposit.readme import bag_info, readme

    teis = [tei for tei, _ in documents]
    facts = [f for _, f in documents]
    files, messages = payload_files(edition, teis)
    if any(m.code == "DEPOSIT001" for m in messages):
        return None, [m for m in messages if m.code == "DEPOSIT001"]
    as_zip = as_zip or output.suffix == ".zip"
    name = output.stem if output.suffix == ".zip" else output.name
    target = output if output.suffix == ".zip" or not as_zip else output.with_name(f"{output.name}.zip")
    if not as_zip:
        check_target(target)
    walks = Crosswalks()
    generated = {f"metadata/{tei.stem}{suffix}": data
                 for tei in teis for suffix, data in walks.records(tei, deposit_date=when).items()}
    generated["README.md"] = readme(facts, sorted([*files, *generated, "README.md"]), when, name, incomplete)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=target.parent))
    try:
        folder = work / name
        folder.mkdir()
        write_payload(folder, files, generated)
        try:
            make_bag(folder, bag_info(facts, when, bagit.VERSION, incomplete))
            with quiet_bagit():
                bagit.Bag(str(folder)).validate(processes=1)  # never hand over a bag that does not validate
        except bagit.BagError as exc:
            raise TeiscribeError(f"the bag made from the edition does not validate ({exc}); this is a "
                                 "teiscribe bug, please report it", location_of(target)) from None
        if as_zip:
            write_zip(folder, target)
        else:
            install(folder, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target, messages


def _verify(bag: Path) -> int:
    from teiscribe.deposit.verify import verify

    if not bag.exists():
        raise InputError("no such bag folder or zip", location_of(bag), code="BAG004")
    messages = verify(bag)
    print_messages(messages)
    errors = sum(m.severity == "error" for m in messages)
    print(f"{bag}: {'valid bag, every TEI document valid' if not errors else f'{errors} problem(s)'}")
    return status(messages)
