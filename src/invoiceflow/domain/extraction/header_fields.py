"""Invoice number: label → value to the right, else below the label; a number under or after the title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from invoiceflow.domain.extraction.context import PageContext, cell_runs
from invoiceflow.domain.extraction.dates import find_dates
from invoiceflow.domain.extraction.labels import LabelMatch
from invoiceflow.domain.extraction.layout import Line, horizontal_overlap, part_of
from invoiceflow.domain.extraction.lazy_re import lazy_compile

# Greek and Cyrillic letters belong to numbers too ("Α-417", "ФК-0042").
_NUMBER_TOKEN_RE = lazy_compile(
    r"[A-Za-z0-9\u0370-\u03ff\u0400-\u04ff][A-Za-z0-9\u0370-\u03ff\u0400-\u04ff\-/_.]*"
    r"[A-Za-z0-9\u0370-\u03ff\u0400-\u04ff]|[0-9]"
)
_NOT_A_NUMBER = lazy_compile(r"^(?:date|datum|fecha|data|page|seite|of|von|du|del|the|no|nr)$", re.IGNORECASE)


# "Invoice 2024-17 dated …", "Facture INV-15371 du …": a document title followed by its number in prose.
_TITLE_NUMBER_RE = lazy_compile(
    r"(?<![a-z])(?:(?:tax\s+)?invoice|rechnung|facture|factura|factuur|fattura|credit\s+note|gutschrift|avoir|"
    r"nota\s+de\s+credito|creditnota|nota\s+di\s+credito|honorarnote|honorarrechnung|"
    r"note\s+d'honoraires|statement|"
    r"faktura(?:\s+vat)?(?:\s+(?:sprzedazy|marza|korygujaca|zaliczkowa|koncowa|proforma))?|fatura|fakturan?)"
    # "Invoice 2024-17", "Invoice – 2024-17", "Honorarnote Nr. 2024-17" ("Invoice:" is a label whose
    # value may be anything, read by the label search)
    r"(?:\s*[\u2013\u2014-]\s*|\s+(?:n[°ºo]\.?|nr\.?|no\.)\s*|\s+)(?=[a-z]{0,6}[-/]?\d|[a-z]{1,4}\s\d)"
)
_PAGE_LIKE_RE = lazy_compile(r"\s*(?:of|von|de|sur|di|van|/)\s*\d")


# Confidence of an issue date read without a label (the first date high on the page): on a continuation
# page that may be a service date in an item, so payment terms are not counted from it there.
UNLABELLED_ISSUE = 0.55


@dataclass(frozen=True)
class Found:
    value: str
    confidence: float
    line: int


def spans_for(ctx: PageContext, line: Line, label: LabelMatch) -> list[tuple[Line, int, int, float]]:
    """Candidate value ranges with a geometry penalty: right of the label first (0), then under it in
    the label's column (more when the value strays out of the column)."""
    start, end = ctx.value_span(line, label)
    spans: list[tuple[Line, int, int, float]] = []
    if end > start:
        spans.append((line, start, end, 0.0))
    packed = ctx.cells_under_packed_labels(line, label)
    label_x0, label_x1 = line.span_x(*line.segment_span(label.start))
    for below, b_start, b_end, alignment in ctx.cells_below(line, label.start) if packed is None else packed:
        if ctx.has_label(below, b_start, b_end):
            break  # the next row of labels: the values are not below this one
        x0, x1 = below.span_x(b_start, b_end)
        # A value wider than its short label, flush with its left or right edge ("Date" over "September
        # 1, 2024"), is in the label's column though it overlaps little of it.
        flush = min(abs(x0 - label_x0), abs(x1 - label_x1)) <= 0.3 * line.height
        spans.append((below, b_start, b_end, 0.08 + (0.1 if alignment < 0.5 and not flush else 0.0)))
    return spans


def _invoice_number_in(ctx: PageContext, line: Line, start: int, end: int) -> str | None:
    text = line.text[start:end]
    dates = find_dates(line, ctx.order, start, end)
    tokens = list(_NUMBER_TOKEN_RE.finditer(text))
    for i, m in enumerate(tokens):
        token = m.group(0)
        abs_start = start + m.start()
        if any(d.start <= abs_start < d.end for d in dates):
            continue
        if _NOT_A_NUMBER.match(token) or not any(c.isdigit() for c in token):
            continue
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})*[.,]\d{2}", token):
            continue  # an amount
        grouped = i == 0 and _DIGIT_GROUPS_RE.fullmatch(text, m.start(), len(text.rstrip()))
        if grouped and not any(abs_start <= d.start < start + grouped.end() for d in dates):
            return grouped.group(0)  # "2025 0004 8812": a number printed in digit groups is one value
        series = tokens[0].group(0)
        if (
            i == 1
            and _SERIES_PREFIX_RE.fullmatch(series)
            and text[tokens[0].end() : m.start()] == " "
            and not _NOT_A_NUMBER.match(series)
            and series not in _CURRENCY_CODES
        ):
            return f"{series} {token}"  # "FT 2024/117", "RE 4711": a series code printed before the number
        if i == 0 and len(tokens) > 1 and _SPLIT_NUMBER_TAIL_RE.fullmatch(tokens[1].group(0)):
            # "R24 0815": a short lettered series and a digit group printed apart are one number.
            tail = tokens[1]
            if (
                _SERIES_WITH_DIGITS_RE.fullmatch(token)
                and text[m.end() : tail.start()] == " "
                and not any(d.start <= start + tail.start() < d.end for d in dates)
            ):
                return f"{token} {tail.group(0)}"
        return token
    return None


# Series codes ("FT", "RE", "FA") and short lettered series with digits ("R24", "A1") that precede the
# number proper after one space; the part after them is a plain digit group ("0815", "2024/117").
_SERIES_PREFIX_RE = lazy_compile(r"[A-Z]{1,4}")
_SERIES_WITH_DIGITS_RE = lazy_compile(r"[A-Z]{1,3}\d{1,4}")
_SPLIT_NUMBER_TAIL_RE = lazy_compile(r"\d{3,8}")
# A value made only of digit groups of three or more, single-spaced ("2025 0004 8812", "400 118 227").
_DIGIT_GROUPS_RE = lazy_compile(r"\d{3,6}(?: \d{3,6}){1,4}")
_CURRENCY_CODES = frozenset({"EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "INR", "JPY"})


def extract_invoice_number(ctx: PageContext, vat_ids: set[str]) -> Found | None:
    best: Found | None = None
    for index, labels in ctx.header_labels.items():
        line = ctx.lines[index]
        for label in labels:
            if label.kind != "invoice_number":
                continue
            seg_start = line.segment_span(label.start)[0]
            # "Original invoice No.", "Bezug: Rechnung Nr.": the number of the invoice a credit note
            # corrects, kept only when nothing better is printed.
            referenced = REFERENCE_BEFORE_RE.search(line.folded, seg_start, label.start) is not None
            joint = _joint_date_label(ctx, line, label)
            # "Invoice No./Date: 117 / 12.03.2024": the value follows both labels.
            both = label if joint is None else LabelMatch(label.kind, label.start, joint.end)
            for target, start, end, penalty in spans_for(ctx, line, both):
                token = _invoice_number_in(ctx, target, start, end)
                if token and target is line:
                    token = _wrapped_number(ctx, line, start, end, token)
                if token and token.upper().replace(" ", "") not in vat_ids:
                    conf = 0.93 - penalty - (0.3 if referenced else 0.0)
                    if best is None or conf > best.confidence:
                        best = Found(token, conf, target.index)
                    break
    if best is None:
        best = _number_under_title_cell(ctx, vat_ids)
    if best is None:
        best = _number_under_title(ctx, vat_ids)
    if best is None:
        best = _number_in_prose(ctx, vat_ids)
    if best is None:
        best = _number_right_under_title(ctx, vat_ids)
    return best


def _wrapped_number(ctx: PageContext, line: Line, start: int, end: int, token: str) -> str:
    """``token`` completed by the run under its cell when the cell's line break cut the number after a
    hyphen or slash ("N° de facture : 2025-" over "05924"): the number ends its cell's first line."""
    found = cell_continuation(ctx, line, start, end)
    if found is None:
        return token
    rest, cell_end = found
    value = line.text[start:cell_end].rstrip()
    head = _WRAPPED_NUMBER_TAIL_RE.search(value)
    tail = _NUMBER_TOKEN_RE.match(rest.words[0].text)
    if head is None or tail is None or head.group(1) != token:
        return token
    return token + head.group(2) + tail.group(0)


# A number token at the end of a value followed by the hyphen or slash its line break came after.
_WRAPPED_NUMBER_TAIL_RE = lazy_compile(
    r"(?<![A-Za-z0-9\-/_.])([A-Za-z0-9][A-Za-z0-9\-/_.]*[A-Za-z0-9]|[0-9])([-/])$"
)


# Between an invoice-number label and a date label printed as one: "Invoice No./Date:", "Rechnungs-Nr. /
# Datum", "Faktura nr/data", "Invoice # & Date", "Numéro et date" (folded).
_LABEL_JOINER_RE = lazy_compile(r"\s*(?:/|&|\+|,|and|und|et|y|e|en|i|ve|og|och|a)\s*")


def _joint_date_label(ctx: PageContext, line: Line, label: LabelMatch) -> LabelMatch | None:
    """The issue-date label joined to ``label`` ("Invoice No./Date: 117 / 12.03.2024"): its values come in
    the same order after both labels, the number first."""
    for other in ctx.header_labels.get(line.index, []):
        if other.kind == "issue_date" and other.start >= label.end:
            return other if _LABEL_JOINER_RE.fullmatch(line.folded, label.end, other.start) else None
    return None


# Words before an invoice-number label that make it a reference to another invoice (a credit note's
# original, a correction's subject), in the lexicon's languages.
REFERENCE_WORDS = (
    r"original|originating|initial|related\s+to|relates\s+to|refers?\s+to|referring\s+to|"
    r"regarding|reference|re|corrects?|correction\s+of|cancels?|bezug|bezuglich|bezueglich|zu|zur|betreffend|"
    r"betrifft|ursprungliche|urspruengliche|storno\s+(?:zu|der)|concernant|rectifica|rectificada|riferimento|"
    r"rif\.|relativa\s+(?:alla|a)|se\s+refiere\s+a|behorend\s+bij|betreft|referentie|avser|vedrorende"
)
REFERENCE_BEFORE_RE = lazy_compile(rf"(?<![a-z])(?:{REFERENCE_WORDS})(?![a-z])[\s:.\-]*$")


# A document title standing alone on its line ("INVOICE", "RECHNUNG", "FACTURE", "Tax Invoice").
_TITLE_ALONE_RE = lazy_compile(
    r"\s*(?:(?:tax|commercial|final|sales)\s+)?(?:invoice|rechnung|facture|factura|factuur|fattura|faktura|"
    r"fatura|lasku|credit\s+note|gutschrift|avoir|nota\s+de\s+credito|creditnota|nota\s+di\s+credito)\s*"
)
# A bare number label opening its segment: "No. 2024-117", "Nr.", "N°", "Number:", "Numéro", "Nummer".
_BARE_NUMBER_LABEL_RE = lazy_compile(r"(?:no|nr|n\s?[°º]|number|numero|nummer|num|#)(?![a-z])\.?\s*[:.#]?\s*")


_TITLE_CELL_RE = lazy_compile(
    r"\s*(?:invoice|rechnung|facture|factura|factuur|fattura|faktura|fatura|lasku|credit\s+note|gutschrift|avoir)"
    r"\s*[:.]?\s*"
)


def _number_under_title_cell(ctx: PageContext, vat_ids: set[str]) -> Found | None:
    """A row of header cells "Invoice | Date | Due" over a row of values: the cell headed by the
    document's title word alone holds its number (the row must hold a date label too, so that the
    page title "INVOICE" over an address is not read so)."""
    for index, labels in ctx.header_labels.items():
        if not any(label.kind in ("issue_date", "due_date") for label in labels):
            continue
        line = ctx.lines[index]
        for seg_start, seg_end in line.segments():
            if not _TITLE_CELL_RE.fullmatch(line.folded, seg_start, seg_end):
                continue
            for below, start, end, alignment in ctx.cells_below(line, seg_start, max_lines=1):
                token = _invoice_number_in(ctx, below, start, end)
                text = below.text[start:end].strip()
                if alignment >= 0.5 and token and text.startswith(token) and token.upper() not in vat_ids:
                    return Found(token, 0.8, below.index)
    return None


def _number_under_title(ctx: PageContext, vat_ids: set[str]) -> Found | None:
    """ "INVOICE" as the page title and "No. 2024-117" under or beside it: a bare number label belongs
    to the title it follows (within a few lines), unless a word qualifies it ("Order No.")."""
    for title in ctx.lines:
        if title.top > ctx.page.height * 0.5:
            break
        for seg_start, seg_end in title.segments():
            if not _TITLE_ALONE_RE.fullmatch(title.folded, seg_start, seg_end):
                continue
            for line in ctx.lines[title.index : title.index + 5]:
                for start, end in line.segments():
                    if line is title and start <= seg_start:
                        continue  # beside the title: only a segment right of it
                    m = _BARE_NUMBER_LABEL_RE.match(line.folded, start, end)
                    if m is None:
                        continue
                    value_start, value_end = m.end(), end
                    if value_start >= value_end:
                        # "Numéro :" ending its segment, the value in the next column of the line.
                        value_start, value_end = _next_segment(line, end)
                        if value_start >= value_end:
                            continue
                    token = _invoice_number_in(ctx, line, value_start, value_end)
                    if token and line.text.startswith(token, value_start) and token.upper() not in vat_ids:
                        return Found(token, 0.8, line.index)
    return None


# One id-like token, a "#" allowed before it: "INV-2024-0117", "#40317", "F 2024/117" is not one.
_LONE_NUMBER_RE = lazy_compile(
    r"#?\s*([A-Za-z0-9\u0370-\u03ff\u0400-\u04ff][A-Za-z0-9\u0370-\u03ff\u0400-\u04ff\-/_.]*\d"
    r"[A-Za-z0-9\u0370-\u03ff\u0400-\u04ff\-/_.]*|\d)"
)


def _number_right_under_title(ctx: PageContext, vat_ids: set[str]) -> Found | None:
    """ "Invoice" (or "Facture", "Factuur", …) alone in its segment in the top half with one id-like token
    in the cell right under it, aligned with it: that token is the number. The cell must hold nothing
    else (an address, a date, "Page 1 of 2" or a phone number in groups is several tokens or a date)."""
    for title in ctx.lines:
        if title.top > ctx.page.height * 0.5:
            break
        for seg_start, seg_end in title.segments():
            if not _TITLE_ALONE_RE.fullmatch(title.folded, seg_start, seg_end):
                continue
            for below, start, end, alignment in ctx.cells_below(title, seg_start, max_lines=1):
                text = below.text[start:end].strip()
                lone = _LONE_NUMBER_RE.fullmatch(text)
                if alignment < 0.5 or lone is None or find_dates(below, ctx.order, start, end):
                    continue
                token = _invoice_number_in(ctx, below, start, end)
                if (
                    token
                    and token == lone.group(1)
                    and token.upper() not in vat_ids
                    and not _AMOUNT_RE.fullmatch(token)
                ):
                    return Found(token, 0.66, below.index)
    return None


_AMOUNT_RE = lazy_compile(r"\d{1,3}(?:[.,' ]\d{3})*(?:[.,]\d{1,2})?")


def _next_segment(line: Line, offset: int) -> tuple[int, int]:
    """The segment of ``line`` that starts at or after ``offset``; an empty range when none does."""
    for start, end in line.segments():
        if start >= offset:
            return start, end
    return offset, offset


def _number_in_prose(ctx: PageContext, vat_ids: set[str]) -> Found | None:
    for line in ctx.lines:
        for m in _TITLE_NUMBER_RE.finditer(line.folded):
            _, seg_end = line.segment_span(m.end())
            token = _invoice_number_in(ctx, line, m.end(), seg_end)
            if token is None or not line.text.startswith(token, m.end()):
                continue  # the number must follow the title directly
            if _PAGE_LIKE_RE.match(line.text, m.end() + len(token)) or token.upper() in vat_ids:
                continue
            return Found(token, 0.72, line.index)
    return None


def cell_continuation(ctx: PageContext, line: Line, start: int, end: int) -> tuple[Line, int] | None:
    """The run of words that continues the value ``line.text[start:end]`` on the next line at line pitch
    (another column's line may lie between), as a line of its own, and the value's end cut to its cell.

    The continuation lies under the value or, where the cell wraps to its left edge, under the label:
    within the cell's width ("Invoice date: 14 March" / "2025"), cells side by side cut apart at gaps
    wider than word spacing; never a run that opens with a label."""
    cell = next(
        (c for c in cell_runs(line, ctx.header_labels.get(line.index, [])) if c[0] <= start < c[1]), None
    )
    if cell is not None:
        end = min(end, cell[1])  # "18 mars  Client : 8606": the next cell is not part of the value
    x0, x1 = line.span_x(start, end)
    cell_x0 = min(x0, cell[2]) if cell is not None else x0
    for below in ctx.lines[line.index + 1 :]:
        if below.top > line.bottom + 0.8 * line.height:
            break
        for b_start, b_end, bx0, bx1 in cell_runs(below, []):
            if horizontal_overlap(bx0, bx1, cell_x0, x1) < 0.5 * (bx1 - bx0) or ctx.has_label(
                below, b_start, b_end
            ):
                continue
            return part_of(below, b_start, b_end), end
    return None
