"""A fix for WeasyPrint's footnotes: a note never moves off the page of its call.

When a line does not fit at the foot of a page and widows/orphans forbid a
break before it, WeasyPrint (checked: 62 to 70) "reports" the page's *last
footnote* to the next page to make room for that line — whose call is
already on this page. The note then prints a page after its call, which
``footnote-policy: line`` is meant to prevent (CSS GCPM 3, 2.6). With the
report disabled, WeasyPrint breaks the paragraph as widows/orphans allow
(moving lines, never the note).

:func:`apply` recompiles ``weasyprint.layout.block._linebox_layout`` with that
one statement changed. It is idempotent and harmless on a WeasyPrint that no
longer has the statement (nothing is changed; :func:`apply` returns False);
the tests check every footnote against its call either way.
"""

from __future__ import annotations

import inspect
import logging
import textwrap

_LOG = logging.getLogger(__name__)
_STATEMENT = "report = not context.in_column and can_break_now and not could_break_before"
_applied = False


def apply() -> bool:
    """Disable footnote reporting for overflowing lines; True when WeasyPrint is patched."""
    global _applied
    if _applied:
        return True
    from weasyprint.layout import block

    try:
        source = textwrap.dedent(inspect.getsource(block._linebox_layout))
    except (AttributeError, OSError, TypeError):
        return False
    if _STATEMENT not in source:
        _LOG.debug("WeasyPrint's line layout has changed: footnote fix not applied")
        return False
    patched = source.replace(_STATEMENT, "report = False  # teiscribe.wpfix")
    exec(compile(patched, block.__file__, "exec"), vars(block))  # noqa: S102 - WeasyPrint's own code, one line changed
    _applied = True
    return True
