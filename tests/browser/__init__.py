"""Real-browser tests of the HTML edition (a package, so its conftest does not shadow tests/conftest.py)."""
