"""The deposit's ``README.md`` and its ``bag-info.txt`` metadata, both from the headers.

``bag-info.txt`` uses the reserved labels of RFC 8493 section 2.2.2 (plus
``Rights``); every value comes from a :class:`~teiscribe.deposit.readiness.HeaderFacts`
or from the run (date, software). Both texts depend only on their inputs,
so the same edition on the same deposit date gives the same bytes.
"""

from __future__ import annotations

from pathlib import PurePath

from teiscribe import __version__
from teiscribe.deposit.readiness import HeaderFacts
from teiscribe.errors import Message

_LAYOUT = (
    ("edition/", ".xml", "TEI P5 documents: the edition itself"),
    ("edition/html/", "", ("HTML reading edition, one page per document, with the site's pages and "
                           "assets (open in a browser; links to the TEI and PDF work inside the bag)")),
    ("edition/pdf/", "", "print edition (PDF)"),
    ("schema/", "", ("the TEI customization the documents validate against: teiscribe.rng (RELAX NG, "
                     "authoritative; named by each document's xml-model) and its XSD translation")),
    ("metadata/", ".oai_dc.xml", "Dublin Core, OAI-PMH oai_dc"),
    ("metadata/", ".datacite.xml", "DataCite Metadata Schema 4.7"),
    ("metadata/", ".jsonld", "schema.org JSON-LD"),
)


def bag_info(facts: list[HeaderFacts], deposit_date: str, bagit_version: str,
             incomplete: list[Message]) -> dict[str, str | list[str]]:
    """``bag-info.txt`` labels -> value or values (bagit writes a repeated label per value).

    ``Payload-Oxum`` is added by bagit when the bag is made.
    """
    def distinct(values) -> list[str]:
        return list(dict.fromkeys(v for v in values if v))

    info: dict[str, str | list[str]] = {
        "Bagging-Date": deposit_date,
        "Bag-Software-Agent": f"teiscribe {__version__} with bagit.py {bagit_version} "
                              "<https://github.com/LibraryOfCongress/bagit-python>",
        "External-Description": [
            (f"TEI P5 digital edition of {len(facts)} document(s) with HTML reading edition, PDF, "
             "schema and DataCite, Dublin Core and schema.org records"),
            *(f"{f.id}: {f.title}" for f in facts)],
        "Internal-Sender-Identifier": distinct(f.id for f in facts),
    }
    optional = {
        "Source-Organization": distinct(f.publisher for f in facts),
        "External-Identifier": distinct(p for f in facts for p in f.pids),
        "Rights": distinct(f.licence_uri for f in facts),
    }
    info.update({label: values for label, values in optional.items() if values})
    if incomplete:
        info["Internal-Sender-Description"] = (
            "deposited with --allow-incomplete; missing: "
            + "; ".join(f"{PurePath(m.location.path).name} {m.code} {m.text.split(':')[0]}" for m in incomplete))
    return info


def readme(facts: list[HeaderFacts], payload: list[str], deposit_date: str, bag_name: str,
           incomplete: list[Message]) -> bytes:
    """The deposit's ``README.md`` (UTF-8): documents, layout, rights, how to check it.

    ``payload`` lists the payload paths (relative to ``data/``) it describes.
    """
    lines = [f"# Deposit: TEI P5 digital edition ({len(facts)} document(s))", "",
             (f"Packaged by teiscribe {__version__} on {deposit_date} as a BagIt bag (RFC 8493, BagIt 1.0) "
              "with SHA-256 and SHA-512 manifests. This file is `data/README.md`; the descriptive "
              "metadata of each document is in `data/metadata/`."), "",
             "## Documents", "", "| id | title | date | identifier | publisher | licence |",
             "| --- | --- | --- | --- | --- | --- |"]
    for f in facts:
        cells = [f.id, f.title, f.date, ", ".join(f.pids), f.publisher, f.licence_uri or f.licence]
        lines.append("| " + " | ".join(c.replace("|", "\\|") or "—" for c in cells) + " |")
    lines += ["", "## Layout of `data/`", "", "| path | what |", "| --- | --- |"]
    for folder, suffix, what in _LAYOUT:
        names = [p for p in payload if p.startswith(folder) and p.endswith(suffix)
                 and (folder != "edition/" or "/" not in p[len(folder):])]
        if names:
            lines.append(f"| {', '.join(f'`{n}`' for n in names)} | {what} |")
    lines += ["", "## Checking this deposit", "",
              "```sh",
              f"bagit.py --validate {bag_name}                 # checksums and completeness (bagit-python)",
              f"teiscribe deposit --verify {bag_name}         # the same, and every TEI document against its schema",
              f"jing {bag_name}/data/schema/teiscribe.rng {bag_name}/data/edition/*.xml",
              "```", ""]
    if incomplete:
        lines += ["## Incomplete metadata", "",
                  "This deposit was made with `--allow-incomplete`; a repository will ask for:", ""]
        lines += [f"- `{PurePath(m.location.path).name}` {m.code}: {m.text}" for m in incomplete]
        lines.append("")
    return "\n".join(lines).encode("utf-8")
