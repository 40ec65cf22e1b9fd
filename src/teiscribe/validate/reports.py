"""Report formats of ``teiscribe validate``: text, json, junit, github.

Every format carries the same messages (``path``, ``line``, ``col``,
``severity``, ``code``, ``message``), sorted:

* ``text`` — one ``path:line:col: severity CODE message`` per line (the
  compiler-style form editors and CI log parsers understand);
* ``json`` — ``{"tool", "version", "files", "summary", "results", "messages"}``
  (``summary``: counts per severity and of failing files);
* ``junit`` — JUnit XML (``testsuites/testsuite/testcase``, one test case per
  file; a ``failure`` lists its messages at or above ``--fail-on``);
* ``github`` — GitHub Actions workflow commands (``::error file=…,line=…,
  col=…,title=CODE::message``), which annotate the pull request.
"""

from __future__ import annotations

import json

from lxml import etree

from teiscribe import __version__
from teiscribe.errors import Message
from teiscribe.validate.codes import severity_rank

FORMATS = ("text", "json", "junit", "github")


def _fails(message: Message, fail_on: str) -> bool:
    return severity_rank(message.severity) >= severity_rank(fail_on)


def _record(message: Message) -> dict:
    return {"path": message.location.path, "line": message.location.line, "col": message.location.col,
            "severity": message.severity, "code": message.code, "message": message.text}


def text_report(results, fail_on: str) -> str:
    """Plain lines, one message each."""
    return "".join(f"{m}\n" for r in results for m in r.messages)


def json_report(results, fail_on: str) -> str:
    """The JSON document described in the module docstring."""
    messages = [m for r in results for m in r.messages]
    summary = {s: sum(m.severity == s for m in messages) for s in ("error", "warning", "info")}
    summary["failed_files"] = sum(any(_fails(m, fail_on) for m in r.messages) for r in results)
    data = {"tool": "teiscribe validate", "version": __version__, "files": len(results), "fail_on": fail_on,
            "summary": summary,
            "results": [{"path": r.path, "valid": not any(_fails(m, fail_on) for m in r.messages),
                         "messages": len(r.messages)} for r in results],
            "messages": [_record(m) for m in messages]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def junit_report(results, fail_on: str) -> str:
    """JUnit XML: one test case per file."""
    suites = etree.Element("testsuites", name="teiscribe validate")
    failing = [r for r in results if any(_fails(m, fail_on) for m in r.messages)]
    suite = etree.SubElement(suites, "testsuite", name="teiscribe validate", tests=str(len(results)),
                             failures=str(len(failing)), errors="0", skipped="0")
    for result in results:
        case = etree.SubElement(suite, "testcase", classname="teiscribe.validate", name=result.path,
                                file=result.path)
        bad = [m for m in result.messages if _fails(m, fail_on)]
        if bad:
            failure = etree.SubElement(case, "failure", type=bad[0].code,
                                       message=f"{len(bad)} problem(s); first: {bad[0].code} {bad[0].text}")
            failure.text = "\n".join(map(str, bad))
        other = [m for m in result.messages if not _fails(m, fail_on)]
        if other:
            etree.SubElement(case, "system-out").text = "\n".join(map(str, other))
    suites.set("tests", str(len(results)))
    suites.set("failures", str(len(failing)))
    return etree.tostring(suites, encoding="unicode", pretty_print=True)


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def github_report(results, fail_on: str) -> str:
    """GitHub Actions annotations (``::error``, ``::warning``, ``::notice``)."""
    command = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for message in (m for r in results for m in r.messages):
        loc = message.location
        props = [f"file={_escape(loc.path, True)}"]
        if loc.line:
            props.append(f"line={loc.line}")
            if loc.col:
                props.append(f"col={loc.col}")
        props.append(f"title={_escape(message.code, True)}")
        lines.append(f"::{command.get(message.severity, 'error')} {','.join(props)}::{_escape(message.text)}\n")
    return "".join(lines)


def render(fmt: str, results, fail_on: str = "error") -> str:
    """The report of ``results`` (a list of :class:`~teiscribe.validate.engine.FileResult`) in ``fmt``."""
    return {"text": text_report, "json": json_report, "junit": junit_report, "github": github_report}[fmt](
        results, fail_on)
