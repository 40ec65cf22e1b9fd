"""BagIt bags (RFC 8493): make one from a payload folder, serialise it as a stable zip.

Bags are made with the Library of Congress ``bagit`` library and then brought
to BagIt 1.0 (RFC 8493): ``bagit.txt`` says ``BagIt-Version: 1.0`` and the tag
manifests list their files in sorted order (bagit lists them in directory
order, which varies between file systems). Manifests: SHA-256 and SHA-512
(RFC 8493 section 2.4 recommends SHA-512 and SHA-256 for interoperability).

A zip serialisation (RFC 8493 section 4) holds exactly one top folder, the
bag's name; its entries are in sorted path order, each dated 1980-01-01
00:00:00 with mode 0644 and deflated at level 9, so the same bag gives the same
bytes (with the same Python and zlib).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import tempfile
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import bagit

from teiscribe.errors import UsageError, location_of

ALGORITHMS = ("sha256", "sha512")
"""Checksum algorithms of the payload and tag manifests."""
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Timestamp of every zip entry (the earliest a zip can hold)."""
BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


def deposit_date(value: str | None = None) -> str:
    """The deposit date as ``YYYY-MM-DD``: ``value``, else ``$SOURCE_DATE_EPOCH`` (UTC), else today (UTC).

    ``SOURCE_DATE_EPOCH`` is the reproducible-builds.org convention (seconds
    since 1970). Raises :class:`UsageError` for a malformed value.
    """
    if value:
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise UsageError(f"--date must be an ISO 8601 date YYYY-MM-DD, not {value!r}") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}") from None
    return datetime.now(UTC).date().isoformat()


def make_bag(folder: Path, info: dict[str, str | list[str]]) -> None:
    """Turn ``folder`` (its files become the payload) into a BagIt 1.0 bag in place.

    ``info`` gives the ``bag-info.txt`` labels (``Payload-Oxum`` is added).
    Raises ``bagit.BagError`` or ``OSError`` when the folder cannot be bagged.
    """
    with quiet_bagit():
        bagit.make_bag(str(folder), bag_info=dict(info), checksums=list(ALGORITHMS))
    (folder / "bagit.txt").write_text(BAGIT_TXT, encoding="utf-8")
    write_tag_manifests(folder)


@contextlib.contextmanager
def quiet_bagit():
    """Silence bagit's log (every step at INFO, each fault at WARNING) while in the block.

    teiscribe reports the outcome itself, located; bagit errors are still raised.
    """
    logger = logging.getLogger("bagit")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def check_target(target: Path) -> None:
    """Raise :class:`UsageError` (``DEPOSIT005``, exit 2) unless ``target`` is free or an earlier bag."""
    is_bag = target.is_dir() and not target.is_symlink() and (target / "bagit.txt").is_file()
    if (target.exists() or target.is_symlink()) and not is_bag:
        raise UsageError("exists and is not a BagIt bag: not replaced", location_of(target),
                         hint="choose another -o folder or remove it", code="DEPOSIT005")


def write_tag_manifests(folder: Path) -> None:
    """(Re)write ``tagmanifest-<alg>.txt`` for every tag file of the bag, in sorted order."""
    tags = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and not p.relative_to(folder).as_posix().startswith(("data/", "tagmanifest-")))
    for alg in ALGORITHMS:
        lines = [f"{_digest(folder / name, alg)}  {name}\n" for name in tags]
        (folder / f"tagmanifest-{alg}.txt").write_text("".join(lines), encoding="utf-8")


def _digest(path: Path, alg: str) -> str:
    digest = hashlib.new(alg)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_zip(folder: Path, target: Path) -> None:
    """Serialise the bag ``folder`` as the zip ``target`` (top folder = ``folder.name``), atomically.

    Entry order, timestamps, modes and compression are fixed (module docstring).
    Raises ``OSError``; ``target`` is untouched on failure.
    """
    files = sorted((p.relative_to(folder).as_posix(), p) for p in folder.rglob("*") if p.is_file())
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(temp, "w") as archive:
            for name, path in files:
                entry = zipfile.ZipInfo(f"{folder.name}/{name}", date_time=ZIP_DATE)
                entry.create_system = 3  # Unix, so the mode below is read
                entry.external_attr = 0o100644 << 16
                archive.writestr(entry, path.read_bytes(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def install(folder: Path, target: Path) -> None:
    """Move the finished bag ``folder`` to ``target``, replacing an earlier bag there.

    ``folder`` must be on the same file system as ``target`` (a sibling
    temporary folder). Raises :class:`UsageError` (``DEPOSIT005``) when
    ``target`` exists and is not a bag, so nothing else is ever deleted.
    """
    check_target(target)
    if target.exists():
        old = folder.parent / f"{folder.name}.old"
        os.replace(target, old)
        os.replace(folder, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(folder, target)
