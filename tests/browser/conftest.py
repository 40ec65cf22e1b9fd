"""Fixtures for the real-browser tests of the HTML edition.

Requirements (each missing one skips these tests with the reason, and fails
them under ``CI=true``):

* Debian's Chromium at ``/usr/bin/chromium`` (or ``$TEISCRIBE_CHROMIUM``),
  started headless by the tests with no network services;
* Playwright from PyPI, used only as the driver (``executable_path``; no
  browser is ever downloaded);
* axe-core from npm in ``tests/browser/node_modules`` (``npm ci`` here).

The site under test is built once per session into a temporary edition
folder (the sample with its PDF, the five golden conversions and the
committed edition) and opened both from the file system (``file:`` URLs) and
from a static server on 127.0.0.1 (Python's http.server in a thread, shut
down after the session). Screenshots go to ``tests/artefacts/``.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
ARTEFACTS = ROOT / "tests" / "artefacts"
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path(os.environ.get("TEISCRIBE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SERVER_SECONDS = 600
"""Longest time the static server answers (it stops at the end of the session anyway)."""


def need(ok: bool, reason: str) -> None:
    """Skip with ``reason`` when ``ok`` is false; under ``CI=true`` fail instead."""
    if not ok:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def edition(tmp_path_factory) -> Path:
    """An edition folder (TEI, html/, pdf/) built as ``teiscribe build`` does."""
    from teiscribe.build import render_one
    from teiscribe.site import SiteDocument, write_site
    from teiscribe.transform import Stylesheets

    out = tmp_path_factory.mktemp("browser-edition")
    sheets = Stylesheets()
    sources = [DATA / "sample.xml", *sorted((DATA / "golden").glob("*.xml")), ROOT / "edition" / "wcda-112080.xml"]
    documents = []
    for source in sources:
        tei = out / source.name
        shutil.copy(source, tei)
        html, pdf = render_one(tei, out, sheets, pdf=source.stem == "sample", site=True, site_title="Test Edition")
        documents.append(SiteDocument(tei, html.name, f"../{tei.name}", f"../pdf/{pdf.name}" if pdf else ""))
    write_site(documents, out / "html", sheets, title="Test Edition")
    return out


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output clean
        pass


@pytest.fixture(scope="session")
def server(edition: Path):
    """Base URL of a static server on 127.0.0.1 serving the edition folder."""
    handler = functools.partial(_QuietHandler, directory=str(edition))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.timeout = 5
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    stop = threading.Timer(SERVER_SECONDS, httpd.shutdown)
    stop.daemon = True
    stop.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/html/"
    finally:
        stop.cancel()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright."""
    need(CHROMIUM.exists(), f"Chromium is not installed at {CHROMIUM} (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "Playwright is not installed (pip install playwright; no browser download is needed)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(params=["file", "http"])
def base(request, edition: Path) -> str:
    """Base URL of the HTML folder: from the file system, then from the local server."""
    if request.param == "file":
        return (edition / "html").as_uri() + "/"
    return request.getfixturevalue("server")


@pytest.fixture
def open_page(browser):
    """open_page(url, width=1280, script=True) -> a Playwright page; its
    console errors and page errors are collected in ``page.problems``."""
    contexts = []

    def opener(url: str, width: int = 1280, script: bool = True):
        context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=script)
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        page.goto(url)
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    need(AXE.exists(), f"{AXE} is missing: run `npm ci` in tests/browser")
    return AXE.read_text("utf-8")


@pytest.fixture(scope="session")
def artefacts() -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    return ARTEFACTS
