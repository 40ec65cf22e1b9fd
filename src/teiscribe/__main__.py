"""``python -m teiscribe``: the same as the ``teiscribe`` console script."""

from teiscribe.cli import main

raise SystemExit(main())
