"""teiscribe: archival transcripts to a TEI P5 digital edition.

The pipeline runs one way, one module per stage::

    read -> model (rules/) -> encode -> validate -> transform -> render

``build`` wires the stages together; ``cli`` is the command-line front end.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("teiscribe")
except PackageNotFoundError:  # running from a checkout without installation
    __version__ = "0.0.0+unknown"

TEI_NS = "http://www.tei-c.org/ns/1.0"
"""The TEI P5 namespace URI (TEI Guidelines, chapter ST 1.2)."""
