"""Packaging: the wheel ships the stylesheets and schemas, and finds them when installed."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    (path,) = out.glob("teiscribe-*.whl")
    return path


def test_wheel_contains_package_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("teiscribe/data/schema/teiscribe.rng", "teiscribe/data/schema/teiscribe.xsd",
                     "teiscribe/data/xslt/html/html.xsl", "teiscribe/data/xslt/print/print.xsl",
                     "teiscribe/data/xslt/html/edition.css", "teiscribe/cli.py", "teiscribe/rules/brackets.py"):
        assert required in names, required
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "teiscribe = teiscribe.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_package_finds_its_data_outside_the_checkout(wheel, tmp_path):
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    code = ("from teiscribe.resources import schema_path, xslt_path;"
            "print(schema_path('teiscribe.rng')); print(xslt_path('html/html.xsl'))")
    result = subprocess.run([sys.executable, "-S", "-c", f"import sys; sys.path.insert(0, {str(tmp_path / 'site')!r});"
                             + code], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split()
    assert lines == [str(tmp_path / "site/teiscribe/data/schema/teiscribe.rng"),
                     str(tmp_path / "site/teiscribe/data/xslt/html/html.xsl")]
