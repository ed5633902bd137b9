"""Several invoices in one PDF: find where each invoice starts from per-page results.

Evidence, strongest first:
1. a printed "page N of M" marker: N = 1 starts an invoice, N > 1 continues the one before;
2. a new invoice number on a page that also carries a header block (issue date or issuer name) or
   that follows a page where the previous invoice closed with its gross total.
A document with one invoice number and no restarting marker is never split.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from invoiceflow.domain.models import PageExtraction, PageMarker, PageRange

# "Page 2 of 3", "Page 2/3", "Seite 2 von 3", "Page 2 sur 3", "Página 2 de 3", "Pagina 2 di 3",
# "Pagina 2 van 3", "Blatt 2 von 3", "Sida 2 av 3"; the total is optional ("Page 2").
_MARKER = re.compile(
    r"\b(?:page|seite|blatt|p[aá]gina|sida|side|strona)\s*:?\s*(\d{1,4})"
    r"(?:\s*(?:/|of|von|sur|de|di|van|av|af|z|aus)\s*(\d{1,4}))?\b",
    re.IGNORECASE,
)
# The marker's keywords in lower case: a marker match starts where one of them does (case aside), so
# the full pattern (IGNORECASE, tried at every position: ~0.1 ms on a page) is only tried there.
_MARKER_KEYWORDS = ("page", "seite", "blatt", "pagina", "página", "sida", "side", "strona")
# The only characters that IGNORECASE matches to a keyword letter and ``str.lower`` does not map to it
# (İ also lowers to two characters, shifting positions); pages with them take the plain scan.
_CASE_FOLD_SPECIALS = ("İ", "ı", "ſ")
# A page-level field counts as evidence only when the extractor was reasonably sure of it.
MIN_FIELD_CONFIDENCE = 0.5
_HEADER_FIELDS = ("issue_date", "issuer.name")


def find_page_marker(page_number: int, text: str) -> PageMarker | None:
    """The "page N of M" marker printed on a page; with several, one that carries a total wins."""
    best: PageMarker | None = None
    for match in _marker_matches(text):
        index = int(match.group(1))
        total = int(match.group(2)) if match.group(2) else None
        if index < 1 or (total is not None and (total < index or total > 9999)):
            continue
        if best is None or (best.total is None and total is not None):
            best = PageMarker(page_number=page_number, index=index, total=total)
    return best


def _marker_matches(text: str) -> Iterator[re.Match[str]]:
    """``_MARKER.finditer(text)``, the pattern tried only where a keyword starts. ``match`` at a
    position still sees the character before it, so the leading ``\\b`` holds as in a search."""
    if any(special in text for special in _CASE_FOLD_SPECIALS):
        yield from _MARKER.finditer(text)
        return
    lowered = text.lower()
    starts: set[int] = set()
    for keyword in _MARKER_KEYWORDS:
        start = lowered.find(keyword)
        while start >= 0:
            starts.add(start)
            start = lowered.find(keyword, start + 1)
    end = 0
    for start in sorted(starts):
        if start < end:
            continue  # inside the previous match: finditer resumes after it
        match = _MARKER.match(text, start)
        if match is not None:
            end = match.end()
            yield match


def _number_key(value: str) -> str:
    return "".join(ch for ch in value.casefold() if ch.isalnum())


def _sure(page: PageExtraction, name: str) -> str | None:
    field = page.fields.get(name)
    if field is None or field.confidence < MIN_FIELD_CONFIDENCE or not field.value.strip():
        return None
    return field.value


def _starts_by_marker(marker: PageMarker | None, previous: PageMarker | None) -> bool | None:
    """True/False when the markers decide; None when they say nothing."""
    if marker is None:
        return None
    if marker.index == 1:
        return True
    if previous is not None and previous.index + 1 == marker.index:
        return False
    return None


def invoice_ranges(pages: Sequence[PageExtraction], markers: Sequence[PageMarker] = ()) -> list[PageRange]:
    """Split pages 1..n into invoices; a single range when nothing says a new invoice starts."""
    ordered = sorted(pages, key=lambda p: p.page_number)
    if not ordered:
        return []
    by_page = {marker.page_number: marker for marker in markers}
    starts = [ordered[0].page_number]
    current_number = _sure(ordered[0], "invoice_number")
    closed = _sure(ordered[0], "totals.gross") is not None
    for previous_page, page in pairwise(ordered):
        number = _sure(page, "invoice_number")
        decided = _starts_by_marker(by_page.get(page.page_number), by_page.get(previous_page.page_number))
        if decided is None:
            new_number = (
                number is not None
                and current_number is not None
                and _number_key(number) != _number_key(current_number)
            )
            has_header = any(_sure(page, name) is not None for name in _HEADER_FIELDS)
            decided = new_number and (has_header or closed)
        if decided:
            starts.append(page.page_number)
            current_number = number
            closed = False
        elif current_number is None:
            current_number = number
        closed = closed or _sure(page, "totals.gross") is not None
    ends = [start - 1 for start in starts[1:]] + [ordered[-1].page_number]
    return [PageRange(first=first, last=last) for first, last in zip(starts, ends, strict=True)]
