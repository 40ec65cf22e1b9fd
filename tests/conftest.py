"""Shared test fixtures.

Reference data from ``../shared`` (tei_all, DataCite) is never copied into the
project. Tests that need it use :func:`shared_file`: outside CI they skip with
the reason when it is absent; in CI (``CI=true``) they fail instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(os.environ.get("TEISCRIBE_SHARED", ROOT.parent / "shared"))
SEED = ROOT / "seeds" / "000_a3df20f3c9392897.txt"


def pytest_addoption(parser):
    parser.addoption("--regen", action="store_true",
                     help="rewrite the golden TEI files in tests/data/golden and the approved PDF page "
                          "images in tests/data/pdf from the current code (review the diff!)")


def shared_file(relative: str) -> Path:
    """Return ``../shared/<relative>``; skip (or fail under ``CI=true``) when absent."""
    path = SHARED / relative
    if not path.exists():
        reason = f"reference data {path} is absent (it lives in ../shared, beside the checkout)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@pytest.fixture
def tei_all_rng() -> Path:
    """Path of the official TEI P5 4.8.0 ``tei_all.rng`` in ../shared/tei."""
    return shared_file("tei/tei_all.rng")


@pytest.fixture
def sample_tei() -> Path:
    """A small hand-written TEI document using every construct teiscribe emits."""
    return DATA / "sample.xml"


@pytest.fixture(scope="session")
def seed_conversion():
    """The seed converted once per session: ``(document, messages, tei_bytes, root)``."""
    from lxml import etree

    from teiscribe.config import EditionConfig
    from teiscribe.encode import encode
    from teiscribe.read import read_source
    from teiscribe.rules import convert

    doc, messages = convert(read_source(SEED))
    data = encode(doc, EditionConfig())
    return doc, messages, data, etree.fromstring(data)
