"""The whole pipeline for a set of transcripts: read → model → encode →
validate → transform → render.

Outputs, under the edition folder (default ``edition/``):

* ``<id>.xml`` — the TEI document (never overwritten once an editor has
  changed it by hand: see :func:`teiscribe.encode.is_pristine`);
* ``html/<id>.html`` — the reading edition, one page per document, with the
  site pages ``html/index.html``, ``persons.html``, ``search.html``, the
  search index ``search-index.js`` and the shared ``edition.css`` and
  ``edition.js`` (:mod:`teiscribe.site`);
* ``pdf/<id>.pdf`` — the print edition.

Every file is written atomically; a TEI document is only put in place after
it has validated against the project schema.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiscribe.config import EditionConfig
from teiscribe.encode import encode, is_pristine
from teiscribe.errors import InputError, Message, TeiscribeError, location_of
from teiscribe.overrides import load_overrides
from teiscribe.fonts import preflight
from teiscribe.preserve import missing_words
from teiscribe.render import PrintOptions
from teiscribe.read import read_source
from teiscribe.resources import schema_path
from teiscribe.rules import convert
from teiscribe.xmlio import safe_parser

log = logging.getLogger("teiscribe")


@dataclass
class Outcome:
    """What happened to one document: its TEI ``tei`` path, whether it was
    ``converted`` (False: an editor's version was kept, or the conversion
    failed), the rendered ``html``/``pdf`` paths, the messages raised, and
    ``pdf_refused`` when the preflight found characters no font can draw,
    and the converted :class:`teiscribe.model.Document` (``document``)."""

    tei: Path
    converted: bool = True
    html: Path | None = None
    pdf: Path | None = None
    messages: list[Message] = field(default_factory=list)
    pdf_refused: bool = False
    exit_code: int = 0
    document: object = None


TRANSCRIPT_SUFFIXES = (".txt", ".md", ".markdown")


def seed_files(paths: list[Path]) -> list[Path]:
    """Expand folders in ``paths`` to their transcripts (``*.txt``, ``*.md``, any case; sorted).

    Raises :class:`InputError` for a missing path or a folder with no transcript.
    """
    found: list[Path] = []
    for path in dict.fromkeys(paths):
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in TRANSCRIPT_SUFFIXES)
            if not inside:
                raise InputError("folder has no transcript (*.txt, *.md)", location_of(path))
            found += inside
        elif path.is_file():
            found.append(path)
        else:
            raise InputError("no such file or folder", location_of(path), hint="give a transcript or a folder")
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)  # the same file named twice is converted once
    return list(unique.values())


def convert_seed(seed: Path):
    """Read ``seed`` and its editor's overrides (``<seed>.toml``) and apply the rules.

    Returns ``(source, document, messages)``; raises :class:`InputError` for
    an unreadable transcript or overrides file.
    """
    source = read_source(seed)
    doc, messages = convert(source, load_overrides(seed))
    return source, doc, messages


def convert_one(seed: Path, out_dir: Path, config: EditionConfig, *, force: bool = False,
                taken: dict[Path, Path] | None = None) -> Outcome:
    """Convert ``seed`` into ``out_dir/<id>.xml`` unless an editor's version exists.

    A pristine earlier output is replaced (only if the bytes differ); an
    edited one is kept and reported, or, with ``force``, backed up to
    ``<id>.xml.bak`` and replaced. Raises :class:`TeiscribeError` when the
    seed cannot be read or the encoded TEI is invalid.
    """
    from teiscribe.validate import validate_file

    source, doc, messages = convert_seed(seed)
    target = out_dir / f"{doc.id}.xml"
    if taken and target in taken:
        raise InputError(f"gives the same document id as {taken[target]} ({doc.id}); each record needs its own id",
                         location_of(seed), code="BUILD002",
                         hint="remove the duplicate, or give it an id in its overrides file ([header] id)")
    outcome = Outcome(target, messages=messages, document=doc)
    href = Path(os.path.relpath(schema_path("teiscribe.rng").parent, out_dir.resolve())).as_posix() + "/"
    data = encode(doc, config, schema_href=href)
    if target.exists():
        existing = target.read_bytes()
        if existing == data:
            return outcome
        if is_pristine(existing) is not True:
            if not force:
                outcome.converted = False
                outcome.messages.append(Message(location_of(target), "warning", "EDIT001",
                                                "edited by hand since teiscribe wrote it: kept, not reconverted "
                                                "(--force reconverts and keeps a backup)"))
                outcome.messages += validate_file(target)
                return outcome
            backup = target.with_name(target.name + ".bak")
            shutil.copy2(target, backup)
            outcome.messages.append(Message(location_of(target), "warning", "EDIT002",
                                            f"hand-edited file replaced by a fresh conversion (--force); "
                                            f"the edited version is kept as {backup.name}"))
    out_dir.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.tmp")
    temp.write_bytes(data)
    try:
        lost = missing_words(source.text, etree.fromstring(data, parser=safe_parser()), doc.left_out)
        if lost:
            raise TeiscribeError(f"conversion lost words of the source ({lost[0]}); this is a teiscribe "
                                 "bug, please report it with the transcript", location_of(seed))
        problems = [m for m in validate_file(temp) if m.severity == "error"]
        if problems:
            raise TeiscribeError(f"the encoded TEI is invalid ({len(problems)} problems; first: "
                                 f"{problems[0].text}); this is a teiscribe bug, please report it",
                                 location_of(seed))
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return outcome


def render_one(tei: Path, out_dir: Path, stylesheets, *, pdf: bool = True, options: PrintOptions = PrintOptions(),
               site: bool = False, site_title: str = "") -> tuple[Path, Path | None]:
    """Render the TEI file ``tei`` to ``out_dir/html/<stem>.html`` and ``out_dir/pdf/<stem>.pdf``.

    ``stylesheets`` is a :class:`teiscribe.transform.Stylesheets` shared by
    the run (compiled once). With ``site`` the page links the site pages
    (written afterwards by :func:`teiscribe.site.write_site`), named
    ``site_title``. The shared ``edition.css`` and ``edition.js`` are put
    beside the page. The PDF (unless ``pdf`` is false) follows ``options``
    and carries ``tei`` as its archival source. Returns the HTML and PDF paths.
    """
    from teiscribe.render import write_html, write_pdf
    from teiscribe.site import DEFAULT_TITLE, write_assets

    stem = tei.stem
    html_path = out_dir / "html" / f"{stem}.html"
    pdf_path = out_dir / "pdf" / f"{stem}.pdf"
    tei_href = Path(os.path.relpath(tei.resolve(), html_path.parent.resolve())).as_posix()
    html = stylesheets.to_html(tei, tei_href=tei_href, pdf_href=f"../pdf/{stem}.pdf" if pdf else "",
                               js_href="edition.js", site=site, site_title=site_title or DEFAULT_TITLE)
    write_html(html, html_path)
    write_assets(html_path.parent)
    if not pdf:
        return html_path, None
    write_pdf(stylesheets.to_print_html(tei), pdf_path, base_url=tei.parent, tei=tei, variant=options.variant,
              page_size=options.page_size, bleed_mm=options.bleed_mm, crop_marks=options.crop_marks)
    return html_path, pdf_path


def build(seeds: list[Path], out_dir: Path, config: EditionConfig, *, force: bool = False,
          pdf: bool = True, options: PrintOptions = PrintOptions()) -> list[Outcome]:
    """Run the whole pipeline for every transcript in ``seeds`` into ``out_dir``.

    After the documents, the site pages list every document rendered in
    this run (:func:`teiscribe.site.write_site`). A transcript that cannot
    be converted does not stop the others: its error is its outcome's
    message (``tei`` is the seed then, ``converted`` false). Returns one
    :class:`Outcome` per transcript.
    """
    from teiscribe.site import site_title, write_site
    from teiscribe.transform import Stylesheets

    stylesheets = Stylesheets()
    title = site_title(config)
    outcomes = []
    made: dict[Path, Path] = {}
    for seed in seed_files(seeds):
        log.info("converting %s", seed)
        try:
            outcome = convert_one(seed, out_dir, config, force=force, taken=made)
        except TeiscribeError as error:  # reported with the others; the rest of the edition is still built
            failed = Outcome(seed, converted=False, messages=[_as_message(error, seed)], exit_code=error.exit_code)
            outcomes.append(failed)
            continue
        made[outcome.tei] = seed
        outcomes.append(outcome)
        if any(m.severity == "error" for m in outcome.messages):
            continue  # an invalid hand-edited TEI is reported, never published
        glyphs = preflight(outcome.tei) if pdf else []  # characters no font can draw: no PDF, no empty boxes
        outcome.pdf_refused = any(m.severity == "error" for m in glyphs)
        outcome.messages += glyphs
        log.info("rendering %s", outcome.tei)
        outcome.html, outcome.pdf = render_one(outcome.tei, out_dir, stylesheets, options=options, site=True,
                                               pdf=pdf and not outcome.pdf_refused,
                                               site_title=title)
    documents = [_site_document(o) for o in outcomes if o.html]
    if documents:
        write_site(documents, out_dir / "html", stylesheets, title=title)
    return outcomes


def _as_message(error: TeiscribeError, seed: Path) -> Message:
    """A :class:`TeiscribeError` as an error message (located at the seed when it has no place)."""
    return Message(error.location or location_of(seed), "error", error.code,
                   error.message + (f" ({error.hint})" if error.hint else ""))


def _site_document(outcome: Outcome):
    """The :class:`teiscribe.site.SiteDocument` of a rendered outcome."""
    from teiscribe.site import SiteDocument

    folder = outcome.html.parent.resolve()
    rel = lambda path: Path(os.path.relpath(path.resolve(), folder)).as_posix()  # noqa: E731
    return SiteDocument(outcome.tei, outcome.html.name, rel(outcome.tei), rel(outcome.pdf) if outcome.pdf else "")


def config_warnings(config: EditionConfig, where: Path) -> list[Message]:
    """Warnings for edition-configuration keys a repository expects but that are unset."""
    missing = [k for k in ("publisher", "licence") if not getattr(config, k)]
    return [Message(location_of(where), "warning", "CONF001",
                    f"[edition] {k} is not set: the TEI header says so instead of inventing one")
            for k in missing]
