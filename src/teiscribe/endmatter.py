"""Page numbers of the end matter (list of participants, index of persons).

``print.xsl`` writes each entry's page references as CSS
``target-counter()``s — ``<span class="page-refs">`` holding one
``<a class="page-ref" href="#sp-N">`` per turn or mention — so any CSS
paged-media renderer prints correct numbers. A person speaking five times on
page 12 would then read "12, 12, 12, 12, 12", which no index does. After the
first layout (without those references: :func:`without_page_refs`),
:func:`repaginate` looks up the page of every anchor, turns each
list into sorted, de-duplicated ranges ("3–5, 9") of links, lays out the end
matter alone, with the page counter continued and the same fonts, and joins
its pages to the record's. The record is laid out once: its pages cannot
change, as the end matter starts on a page of its own after it.
"""

from __future__ import annotations

import re

from lxml import etree, html as lxml_html

END_ID = "end-matter"
"""Id of the end-matter section in the print HTML."""


def has_page_refs(html: str) -> bool:
    """Whether the print HTML ``html`` has an end matter with page references."""
    return f'id="{END_ID}"' in html and 'class="page-refs"' in html


_PAGE_REF = re.compile(r'<a class="page-ref" href="#[^"]*"></a>')


def without_page_refs(html: str) -> str:
    """``html`` with its ``a.page-ref`` elements removed, for the first layout.

    Only the record's pages and the end matter's first page are kept from
    that layout; thousands of unresolved ``target-counter()``s would cost a
    third of the time of a long volume for nothing.
    """
    return _PAGE_REF.sub("", html)


def anchor_pages(document) -> dict[str, int]:
    """Page number (1-based, first occurrence) of each anchor of a WeasyPrint ``document``."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def page_ranges(pages: list[tuple[int, str]]) -> list[tuple[int, str, int, str]]:
    """Runs of consecutive page numbers in ``pages`` (``(page, anchor)`` pairs).

    Returns ``(first page, its anchor, last page, its anchor)`` per run, in
    page order, each page once (its first anchor).
    """
    firsts: dict[int, str] = {}
    for page, anchor in sorted(pages, key=lambda pair: pair[0]):
        firsts.setdefault(page, anchor)
    runs: list[tuple[int, str, int, str]] = []
    for page, anchor in firsts.items():
        if runs and runs[-1][2] == page - 1:
            runs[-1] = (runs[-1][0], runs[-1][1], page, anchor)
        else:
            runs.append((page, anchor, page, anchor))
    return runs


def _resolve(span, pages_of: dict[str, int]) -> None:
    """Replace the ``a.page-ref`` children of ``span`` by numbered links.

    A turn ``sp-N`` counts from the page where it starts to the page of its
    end anchor ``sp-N-end`` (a turn that runs over three pages is indexed on all three).
    """
    refs = [a.get("href", "")[1:] for a in span.findall("a")]
    found = [(page, ref) for ref in refs if ref in pages_of
             for page in range(pages_of[ref], max(pages_of[ref], pages_of.get(f"{ref}-end", 0)) + 1)]
    for child in list(span):
        span.remove(child)
    span.text = None
    span.set("class", "page-refs resolved")
    previous = None
    for first, first_anchor, last, last_anchor in page_ranges(found):
        link = etree.SubElement(span, "a", {"class": "page-num", "href": f"#{first_anchor}"})
        link.text = str(first)
        if previous is not None:
            previous.tail = ", "
        previous = link
        if last != first:
            link.tail = "–"
            previous = etree.SubElement(span, "a", {"class": "page-num", "href": f"#{last_anchor}"})
            previous.text = str(last)


def end_matter_html(html: str, pages_of: dict[str, int], first_page: int) -> str | None:
    """HTML of the end matter alone, its references resolved, numbered from ``first_page``.

    ``None`` when ``html`` has no end matter. The head (styles, page set-up)
    is kept; the verso running head is carried over from the title's
    ``data-short-title``.
    """
    tree = lxml_html.document_fromstring(html)
    end = tree.get_element_by_id(END_ID, None)
    if end is None:
        return None
    for span in end.find_class("page-refs"):
        _resolve(span, pages_of)
    short = next(iter(tree.xpath("//h1/@data-short-title")), "")
    body = tree.body
    for child in list(body):
        if child is not end:
            body.remove(child)
    style = etree.SubElement(tree.head, "style")
    side = "right" if first_page % 2 else "left"
    escaped = short.replace("\\", "\\\\").replace('"', '\\"')
    style.text = (f"@page :first {{ counter-reset: page {first_page}; }}\n"
                  f"html {{ break-before: {side}; }}\n"
                  f'.end-matter {{ break-before: auto; string-set: running-title "{escaped}"; }}\n')
    return lxml_html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")


def repaginate(document, html: str, render):
    """The WeasyPrint ``document`` with its end matter laid out again, page refs resolved.

    ``render(html) -> Document`` lays out HTML with the same base URL and
    fonts. Returns ``document`` itself when it has no end matter.
    """
    pages_of = anchor_pages(document)
    start = pages_of.get(END_ID)
    if start is None:
        return document
    end_html = end_matter_html(html, pages_of, start)
    if end_html is None:
        return document
    end = render(end_html)
    return document.copy(document.pages[: start - 1] + end.pages)
