"""Running the layers over files: one :class:`Validator` per process, files in parallel.

A :class:`Validator` compiles each schema once (lazily for schemas found in
``xml-model`` declarations) and checks one file at a time
(:meth:`Validator.check_file` → a :class:`FileResult`). :func:`run` checks
many files, in ``jobs`` worker processes (``spawn``: lxml and Saxon objects
cannot be pickled or forked safely, so each worker compiles its own
schemas, once), and returns the results in the order of the paths.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from teiscribe.errors import Message, SchemaError, location_of
from teiscribe.validate.document import Document, Unreadable, load_document
from teiscribe.validate.findings import Finding, merge
from teiscribe.validate.locate import attribute_position
from teiscribe.validate.schemas import SchemaSpec, model_specs
from teiscribe.xmlio import MAX_XML_BYTES, atomic_write

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_NAMES = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")


@dataclass(frozen=True)
class Options:
    """What a run checks: ``schemas`` (fixed specs), ``xml_model`` (also each document's
    declarations), ``max_bytes``, ``use_cache`` (XSD disk cache), ``svrl_dir`` (write
    SVRL there), ``used`` (element local names of the run, for RELAX NG pruning)."""

    schemas: tuple[SchemaSpec, ...]
    xml_model: bool = False
    max_bytes: int = MAX_XML_BYTES
    use_cache: bool = True
    svrl_dir: str | None = None
    used: frozenset[str] | None = None


@dataclass
class FileResult:
    """Messages for one file; ``unreadable`` (exit 3) and ``schema_problem`` (exit 4) flags."""

    path: str
    messages: list[Message] = field(default_factory=list)
    unreadable: bool = False
    schema_problem: bool = False


def element_names(paths: list[Path]) -> frozenset[str]:
    """A superset of the element local names in ``paths`` (a fast scan of the raw bytes)."""
    names: set[bytes] = set()
    for path in paths:
        try:
            names.update(_NAMES.findall(path.read_bytes()))
        except OSError:
            continue
    return frozenset(n.decode("ascii", "replace") for n in names)


class Validator:
    """Compiled layers for one process. Raises :class:`SchemaError` when a fixed schema fails."""

    def __init__(self, options: Options):
        self.options = options
        self._layers: dict[SchemaSpec, object] = {}
        self._broken: dict[SchemaSpec, SchemaError] = {}
        for spec in options.schemas:
            self.layer(spec)

    def layer(self, spec: SchemaSpec):
        """The compiled layer for ``spec`` (compiled on first use). Raises :class:`SchemaError`."""
        if spec in self._broken:
            raise self._broken[spec]
        if spec not in self._layers:
            try:
                self._layers[spec] = self._compile(spec)
            except SchemaError as exc:
                self._broken[spec] = exc
                raise
        return self._layers[spec]

    def _compile(self, spec: SchemaSpec):
        if spec.kind == "rng":
            from teiscribe.validate.rng import RelaxNGLayer

            return RelaxNGLayer(spec.path, self.options.used)
        if spec.kind == "xsd":
            from teiscribe.validate.xsd import XSDLayer

            return XSDLayer(spec.path, use_cache=self.options.use_cache)
        from teiscribe.validate.schematron import SchematronLayer

        return SchematronLayer(spec.path, phase=spec.phase, svrl=bool(self.options.svrl_dir),
                               project=spec.project)

    def check_file(self, path: str | Path) -> FileResult:
        """Check ``path`` against every schema; never raises for a bad document."""
        result = FileResult(str(path))
        doc, problems = load_document(path, self.options.max_bytes)
        if doc is None:
            result.messages = problems
            result.unreadable = isinstance(problems, Unreadable)
            return result
        findings = [Finding(m, "parse", "id" if m.code.startswith("ID") else None) for m in _relocate(doc)]
        specs = list(self.options.schemas)
        if self.options.xml_model:
            declared, problems = model_specs(doc.path, doc.xml_models())
            specs += [s for s in declared if s not in specs]
            findings += [Finding(m, "run") for m in problems]
            result.schema_problem = bool(problems)
        for spec in specs:
            try:
                layer = self.layer(spec)
            except SchemaError as exc:
                result.schema_problem = True
                findings.append(Finding(Message(exc.location or location_of(spec.path), "error", exc.code,
                                                exc.message), "run"))
                continue
            if spec.kind == "sch":
                found, svrl = layer.check(doc)
                if svrl is not None and self.options.svrl_dir:
                    _write_svrl(Path(self.options.svrl_dir), doc.path, Path(spec.path), svrl)
            else:
                found = layer.check(doc)
            findings += found
        result.messages = merge(findings)
        return result


def _relocate(doc: Document) -> list[Message]:
    """Parse findings about an ``xml:id``, moved to the attribute's own column."""
    moved = []
    for message in doc.messages:
        value = re.search(r"'([^']*)'", message.text)
        elems = doc.tree.xpath("//*[@xml:id=$v]", v=value.group(1)) if value else []
        elems = [e for e in elems if e.sourceline == message.location.line] or elems[-1:]
        if elems:
            line, col = attribute_position(doc, elems[-1], XML_ID)
            message = Message(location_of(doc.path, line, col), message.severity, message.code, message.text)
        moved.append(message)
    return moved


def _write_svrl(folder: Path, document: Path, schema: Path, svrl: str) -> None:
    name = re.sub(r"[^\w.\-]+", "_", str(document.resolve()).lstrip("/")) + f".{schema.stem}.svrl"
    atomic_write(folder / name, svrl.encode("utf-8"))


# --- parallel runs -------------------------------------------------------------

_WORKER: Validator | None = None
_WORKER_ERROR: tuple | None = None


def _init_worker(options: Options) -> None:
    global _WORKER, _WORKER_ERROR
    try:
        _WORKER = Validator(options)
    except SchemaError as exc:
        _WORKER_ERROR = (exc.message, exc.location, exc.code)


def _check_in_worker(path: str):
    if _WORKER_ERROR is not None:
        return ("schema-error", _WORKER_ERROR)
    return ("ok", _WORKER.check_file(path))


def run(paths: list[Path], options: Options, jobs: int = 1, progress=None) -> list[FileResult]:
    """Check ``paths`` with ``jobs`` processes; ``progress(n)`` is called as files finish.

    Raises :class:`SchemaError` when a fixed schema cannot be compiled.
    """
    if jobs <= 1 or len(paths) < 2 * jobs:
        validator = Validator(options)
        results = []
        for path in paths:
            results.append(validator.check_file(path))
            if progress:
                progress(1)
        return results
    by_path: dict[str, FileResult] = {}
    context = multiprocessing.get_context("spawn")
    chunk = max(1, min(16, len(paths) // (jobs * 4)))
    # Workers need only this module: keep spawn from re-running the caller's __main__
    # (``python -m teiscribe`` would start the command again in each worker).
    main = sys.modules.get("__main__")
    saved = {k: main.__dict__[k] for k in ("__spec__", "__file__") if main is not None and k in main.__dict__}
    try:
        if main is not None:
            main.__dict__.update({"__spec__": None})
            main.__dict__.pop("__file__", None)
        pool = context.Pool(jobs, _init_worker, (options,))
    finally:
        if main is not None:
            main.__dict__.update(saved)
    with pool:
        for status, value in pool.imap_unordered(_check_in_worker, [str(p) for p in paths], chunk):
            if status == "schema-error":
                pool.terminate()
                message, location, code = value
                raise SchemaError(message, location, code=code)
            by_path[value.path] = value
            if progress:
                progress(1)
    return [by_path[str(p)] for p in paths]


def default_jobs(options: Options | None = None, files: int = 0) -> int:
    """All cores this process may use — except for runs of RELAX NG grammars alone under
    2000 files, which take ~3 ms a document: there a worker's start (imports, compiling
    the grammar again) costs more than it saves, and one process is faster."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    if options is not None and not options.xml_model and files < 2000 \
            and all(s.kind == "rng" for s in options.schemas):
        return 1
    return cores
