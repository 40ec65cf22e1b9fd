"""Verify a deposit: the bag's checksums and completeness (RFC 8493), then every TEI file in it.

:func:`verify` takes a bag folder or its zip serialisation and returns
located messages (empty when all is well):

========  ===================================================================
BAG001    a file's content differs from its manifest checksum (modified or
          truncated), named with the algorithms that disagree
BAG002    a file listed in a manifest is missing
BAG003    a payload file is listed in no manifest
BAG004    not a valid bag: no ``bagit.txt``, bad tag file, ``Payload-Oxum``
          mismatch, unsafe or unreadable zip
XML001 /  a TEI document of ``data/edition/`` is unreadable or invalid
RNG001 /  (:func:`teiscribe.validate.validate_file`)
XSD001
========  ===================================================================

Checksums are checked by ``bagit.Bag.validate``; when it stops early (a
``Payload-Oxum`` mismatch names no file), each file is hashed again here so
the damaged one is named. Files in a zip are shown as ``deposit.zip/deposit/...``.
"""

from __future__ import annotations

import hashlib
import stat
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path, PurePosixPath

import bagit

from teiscribe.deposit.bag import quiet_bagit
from teiscribe.errors import Message, location_of
from teiscribe.validate import validate_file

MAX_UNZIPPED_BYTES = 8 * 1024 ** 3
"""Largest total size a zipped bag may unpack to (8 GiB)."""


def verify(path: Path) -> list[Message]:
    """Verify the bag folder or zip ``path``; return its problems (see the module docstring)."""
    if path.is_file() and zipfile.is_zipfile(path):
        with tempfile.TemporaryDirectory(prefix=".teiscribe-verify-") as temp:
            top, problem = _unzip(path, Path(temp))
            if problem:
                return [problem]
            return [_relocate(m, Path(temp), path) for m in verify_folder(Path(temp) / top)]
    if not path.is_dir():
        return [Message(location_of(path), "error", "BAG004", "neither a bag folder nor a zipped bag")]
    return verify_folder(path)


def verify_folder(folder: Path) -> list[Message]:
    """Verify the bag folder ``folder``: manifests, completeness, then its TEI documents."""
    messages: list[Message] = []
    with quiet_bagit():
        try:
            bag = bagit.Bag(str(folder))
        except bagit.BagError as exc:
            return [Message(location_of(folder / "bagit.txt"), "error", "BAG004", f"not a valid bag: {exc}")]
        try:
            bag.validate(processes=1)
        except bagit.BagValidationError as exc:
            if not exc.details:
                messages.append(Message(location_of(folder / "bag-info.txt"), "error", "BAG004", exc.message))
            messages += _details(folder, exc.details or _faults(bag))
        except bagit.BagError as exc:
            messages.append(Message(location_of(folder), "error", "BAG004", f"not a valid bag: {exc}"))
    for tei in sorted((folder / "data" / "edition").glob("*.xml")):
        if not tei.name.startswith("."):
            messages += validate_file(tei)
    return messages


def _faults(bag: bagit.Bag) -> list[bagit.ManifestErrorDetail]:
    """Each missing, unexpected or changed file of ``bag`` (hashed here, as bagit would)."""
    missing, unexpected = bag.compare_manifests_with_fs()
    faults: list[bagit.ManifestErrorDetail] = [bagit.FileMissing(p) for p in sorted(missing)]
    faults += [bagit.UnexpectedFile(p) for p in sorted(unexpected)]
    for name, expected in sorted(bag.entries.items()):
        path = Path(bag.path) / name
        if not path.is_file():
            continue
        for alg, digest in sorted(expected.items()):
            found = hashlib.new(alg, path.read_bytes()).hexdigest()
            if found != digest.lower():
                faults.append(bagit.ChecksumMismatch(name, alg, digest.lower(), found))
    return faults


def _details(folder: Path, details: list) -> list[Message]:
    """One message per file named in bagit's error ``details``."""
    changed: dict[str, list[str]] = {}
    messages = []
    for detail in details:
        name = PurePosixPath(str(detail.path)).as_posix()
        if isinstance(detail, bagit.ChecksumMismatch):
            changed.setdefault(name, []).append(detail.algorithm)
        elif isinstance(detail, bagit.FileMissing):
            messages.append(Message(location_of(folder / name), "error", "BAG002",
                                    "listed in the manifest but missing from the bag"))
        elif isinstance(detail, bagit.UnexpectedFile):
            messages.append(Message(location_of(folder / name), "error", "BAG003",
                                    "in the bag but in no manifest (added after bagging?)"))
        else:  # pragma: no cover - bagit has no other detail kind today
            messages.append(Message(location_of(folder / name), "error", "BAG004", str(detail)))
    for name, algorithms in sorted(changed.items()):
        size = (folder / name).stat().st_size
        algs = sorted(set(algorithms))
        messages.append(Message(location_of(folder / name), "error", "BAG001",
                                f"modified or truncated: its {' and '.join(algs)} checksum"
                                f"{'s differ' if len(algs) > 1 else ' differs'} from the manifest "
                                f"(now {size} bytes)"))
    return messages


def _unzip(archive: Path, into: Path) -> tuple[str, Message | None]:
    """Extract the zipped bag ``archive`` into ``into``; return its top folder, or a ``BAG004``.

    Refused (RFC 8493 section 4.2; no zip-slip): absolute or ``..`` paths,
    links, more than one top folder, more than :data:`MAX_UNZIPPED_BYTES`.
    """
    def refuse(why: str) -> tuple[str, Message]:
        return "", Message(location_of(archive), "error", "BAG004", why)

    try:
        with zipfile.ZipFile(archive) as zipped:
            entries = zipped.infolist()
            tops = set()
            for entry in entries:
                parts = PurePosixPath(entry.filename).parts
                if entry.filename.startswith("/") or ".." in parts or "\\" in entry.filename or not parts:
                    return refuse(f"unsafe path in zip: {entry.filename!r}")
                if stat.S_ISLNK(entry.external_attr >> 16):
                    return refuse(f"link in zip: {entry.filename!r}")
                tops.add(parts[0])
            if len(tops) != 1:
                return refuse(f"a zipped bag holds exactly one top folder, not {len(tops)} (RFC 8493 section 4.2)")
            if sum(e.file_size for e in entries) > MAX_UNZIPPED_BYTES:
                return refuse(f"unpacks to more than {MAX_UNZIPPED_BYTES} bytes")
            zipped.extractall(into)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return refuse(f"unreadable zip: {exc}")
    return tops.pop(), None


def _relocate(message: Message, temp: Path, archive: Path) -> Message:
    """Show a path inside the unpacked temporary folder as ``<archive>/<path in zip>``."""
    path = Path(message.location.path)
    try:
        inside = path.resolve().relative_to(temp.resolve()).as_posix()
    except ValueError:
        return message
    return replace(message, location=replace(message.location, path=f"{archive}/{inside}"))
