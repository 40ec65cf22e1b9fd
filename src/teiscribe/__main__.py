"""``python -m teiscribe``: the same as the ``teiscribe`` console script."""

from teiscribe.cli import main

if __name__ == "__main__":  # not when a worker process of ``validate -j`` imports this module
    raise SystemExit(main())
