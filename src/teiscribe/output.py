"""Printing messages for the command line, shared by every subcommand."""

from __future__ import annotations

import sys

from teiscribe.errors import Message


def print_messages(messages: list[Message]) -> None:
    """Print ``messages`` to stderr, one per line, sorted by location then code."""
    for message in sorted(messages, key=lambda m: (m.location, m.code)):
        print(message, file=sys.stderr)


def status(messages: list[Message]) -> int:
    """Exit status for ``messages``: 1 when any is an error, else 0."""
    return 1 if any(m.severity == "error" for m in messages) else 0
