"""Located, typed errors and messages.

Every problem teiscribe reports names the file, line and column, in the
compiler-style form ``path:line:col: severity: message`` that editors and CI
log parsers understand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file: ``path`` plus 1-based ``line`` and ``col`` (0 = unknown)."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        parts = [self.path]
        if self.line:
            parts.append(str(self.line))
            if self.col:
                parts.append(str(self.col))
        return ":".join(parts)


@dataclass(frozen=True)
class Message:
    """One located diagnostic: ``severity`` is ``"error"``, ``"warning"`` or ``"info"``."""

    location: Location
    severity: str
    code: str
    text: str

    def __str__(self) -> str:
        return f"{self.location}: {self.severity} {self.code} {self.text}"


class TeiscribeError(Exception):
    """A user-facing failure: bad input, a missing file, an invalid document.

    The CLI prints ``str(error)`` (one located line,
    ``path:line:col: error CODE message``) and exits with ``exit_code``; it
    never shows a traceback for this class. ``code`` is a stable identifier
    (documented in the README).
    """

    exit_code = 1
    code = "BUILD001"

    def __init__(self, message: str, location: Location | None = None, *, hint: str = "", code: str = ""):
        self.location = location
        self.message = message
        self.hint = hint
        self.code = code or type(self).code
        super().__init__(str(self))

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location else "teiscribe: "
        suffix = f" ({self.hint})" if self.hint else ""
        return f"{prefix}error {self.code} {self.message}{suffix}"


class InputError(TeiscribeError, ValueError):
    """The input cannot be read or understood (exit code 3)."""

    exit_code = 3
    code = "INPUT001"


class UsageError(TeiscribeError):
    """The command was called wrongly (exit code 2)."""

    exit_code = 2
    code = "USAGE001"


class SchemaError(TeiscribeError):
    """A schema or stylesheet cannot be loaded or compiled (exit code 4)."""

    exit_code = 4
    code = "SCHEMA001"


def location_of(path: str | Path, line: int = 0, col: int = 0) -> Location:
    """Build a :class:`Location` from a path (``str`` or ``Path``) and 1-based line/column."""
    return Location(str(path), line, col)
