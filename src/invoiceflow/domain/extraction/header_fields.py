"""Invoice number, issue date and due date: label → value to the right, else below the label."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from invoiceflow.domain.extraction.context import PageContext, cell_runs
from invoiceflow.domain.extraction.dates import DateMatch, DateOrder, find_dates
from invoiceflow.domain.extraction.labels import LabelMatch
from invoiceflow.domain.extraction.layout import Line, horizontal_overlap, joined, part_of
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


def _spans_for(ctx: PageContext, line: Line, label: LabelMatch) -> list[tuple[Line, int, int, float]]:
    """Candidate value ranges with a geometry penalty: right of the label first (0), then under it in
    the label's column (more when the value strays out of the column)."""
    start, end = ctx.value_span(line, label)
    spans: list[tuple[Line, int, int, float]] = []
    if end > start:
        spans.append((line, start, end, 0.0))
    packed = ctx.cells_under_packed_labels(line, label)
    for below, b_start, b_end, alignment in ctx.cells_below(line, label.start) if packed is None else packed:
        if ctx.has_label(below, b_start, b_end):
            break  # the next row of labels: the values are not below this one
        spans.append((below, b_start, b_end, 0.08 + (0.1 if alignment < 0.5 else 0.0)))
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
            referenced = _REFERENCE_BEFORE_RE.search(line.folded, seg_start, label.start) is not None
            joint = _joint_date_label(ctx, line, label)
            # "Invoice No./Date: 117 / 12.03.2024": the value follows both labels.
            both = label if joint is None else LabelMatch(label.kind, label.start, joint.end)
            for target, start, end, penalty in _spans_for(ctx, line, both):
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
    found = _cell_continuation(ctx, line, start, end)
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
_REFERENCE_BEFORE_RE = lazy_compile(
    r"(?<![a-z])(?:original|originating|initial|related\s+to|relates\s+to|refers?\s+to|referring\s+to|"
    r"regarding|reference|re|corrects?|correction\s+of|cancels?|bezug|bezuglich|bezueglich|zu|zur|betreffend|"
    r"betrifft|ursprungliche|urspruengliche|storno\s+(?:zu|der)|concernant|rectifica|rectificada|riferimento|"
    r"rif\.|relativa\s+(?:alla|a)|se\s+refiere\s+a|behorend\s+bij|betreft|referentie|avser|vedrorende)"
    r"(?![a-z])[\s:.\-]*$"
)


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


# "Amount due", "Balance due", "Total due": the amount's label, not the due date's.
_AMOUNT_BEFORE_RE = lazy_compile(
    r"(?:amount|balance|total|sum|now|betrag|montant|importe|bedrag|importo)\s*$"
)


_BARE_DUE_RE = lazy_compile(r"due\s*[:.#]?\s*$")


_IMMEDIATE_RE = lazy_compile(
    r"(?<![a-z])(?:immediate(?:ly)?|at\s+once|upon\s+receipt|on\s+receipt|sofort|umgehend|"
    r"immediatement|a\s+reception|des\s+reception|inmediato|inmediatamente|al\s+contado|"
    r"onmiddellijk|direct|per\s+omgaande|immediato|subito|vista)(?![a-z])"
)


def _payable_at_once(ctx: PageContext, line: Line, label: LabelMatch) -> bool:
    """ "Due on receipt", "Fällig: sofort", "Échéance : à réception": the label's value is immediate
    payment, not a date (a date under it belongs to another field)."""
    seg_start, seg_end = line.segment_span(label.start)
    start, end = ctx.value_span(line, label)
    start, end = min(start, seg_start), max(end, seg_end)  # "Sofort fällig": the word may come first
    return not find_dates(line, ctx.order, start, end) and _immediate(line.folded[start:end])


def _immediate(folded: str) -> bool:
    return bool(_ON_RECEIPT_RE.search(folded) or _IMMEDIATE_RE.search(folded))


def _under_own_label(ctx: PageContext, line: Line, label: LabelMatch, found: DateMatch) -> bool:
    """True unless the date found below a row of labels lies nearer another label of that row (or a
    segment without one) than this label: a grid whose cell under "Due date" is empty or holds words.
    Labels are compared by their own extents, as a row of narrow cells may read as one segment."""
    labels = ctx.header_labels.get(line.index, [])
    boxes = [(*line.span_x(other.start, other.end), other is label) for other in labels]
    for seg_start, seg_end in line.segments():
        if not any(seg_start <= other.start < seg_end for other in labels):
            boxes.append((*line.span_x(seg_start, seg_end), False))

    def distance(box: tuple[float, float, bool]) -> tuple[float, bool]:
        x0, x1, own = box
        return max(0.0, x0 - found.x1, found.x0 - x1), not own

    return min(boxes, key=distance)[2]


def _wrapped_dates(ctx: PageContext, line: Line, start: int, end: int) -> list[DateMatch]:
    """A date right of its label cut by its narrow cell's line break ("28 de junio de" / "2025"): the
    value's words joined with the run of words under them (``_cell_continuation``). Only a date that
    starts in the value and ends in the run under it."""
    if end <= start or not any(c.isdigit() for c in line.text[start:end]):
        return []
    found = _cell_continuation(ctx, line, start, end)
    if found is None:
        return []
    rest, end = found
    # Where the row packs its cells at word spacing the value runs on into the next cell's words
    # ("23. August Kundennummer:" over "2026"): its first words alone are tried too, longest first.
    ends = [
        offset + len(word.text)
        for word, offset in zip(line.words, line.starts, strict=True)
        if start <= offset < end
    ][::-1][:_MAX_VALUE_WORDS]
    for value_end in ends:
        first = part_of(line, start, value_end)
        # "01-01-" / "2025", "04.08." / "2026": a numeric date broken after a separator is one word.
        glued = bool(_BROKEN_NUMERIC_DATE_RE.fullmatch(first.words[-1].text)) and rest.text[:1].isdigit()
        value = joined(first, rest, glued)
        cut = len(first.text)
        dates = [replace(d, start=start) for d in find_dates(value, ctx.order) if d.start < cut < d.end]
        if dates:
            return dates
    return []


def _cell_continuation(ctx: PageContext, line: Line, start: int, end: int) -> tuple[Line, int] | None:
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


_MAX_VALUE_WORDS = 6
_BROKEN_NUMERIC_DATE_RE = lazy_compile(r"\d{1,4}[-./]\d{1,2}[-./]")


def _date_column(ctx: PageContext, line: Line, label: LabelMatch) -> bool:
    """True when the cells under the label on two or more consecutive lines each hold a date: the
    label heads a column of dates (a table of visits, deliveries or consumption), not one value."""
    rows = 0
    for below, start, end, _ in ctx.cells_below(line, label.start, max_lines=3):
        if not find_dates(below, ctx.order, start, end):
            break
        rows += 1
    return rows >= 2


def _labelled_dates(
    ctx: PageContext, kind: str, worded: re.Pattern[str] | None = None
) -> list[tuple[DateMatch, float, int]]:
    """Dates read beside or under the labels of ``kind`` (those whose text ``worded`` finds, when given)."""
    out: list[tuple[DateMatch, float, int]] = []
    for index, labels in ctx.header_labels.items():
        line = ctx.lines[index]
        for label in labels:
            if label.kind != kind:
                continue
            if worded is not None and not worded.search(line.folded, label.start, label.end):
                continue
            if (
                kind == "due_date"
                and _AMOUNT_BEFORE_RE.search(line.folded, 0, label.start)
                and _BARE_DUE_RE.match(line.folded, label.start, label.end)
            ):
                continue  # "Amount due: 120.00" (but "Amount due by 15.03." names the due date)
            if kind == "due_date" and _payable_at_once(ctx, line, label):
                continue  # "Due on receipt", "Fällig: sofort": terms, no date to look for below
            for target, start, end, penalty in _spans_for(ctx, line, label):
                dates = find_dates(target, ctx.order, start, end)
                if not dates and target is line:
                    dates = _wrapped_dates(ctx, line, start, end)
                if target is not line and dates and not _under_own_label(ctx, line, label, dates[0]):
                    break  # the date stands under a neighbouring label: this label's own cell is empty
                if not dates and _immediate(target.folded[start:end]):
                    break  # "Due date" over "Upon receipt": the value is no date, none further down
                if dates and kind == "issue_date" and _opens_period(target, dates):
                    break  # "Facture du 01/03 au 31/03", "Rechnung vom … bis …": a billing period
                if dates:
                    generic = kind == "issue_date" and label.end - label.start <= 7  # bare "Date:"
                    if generic and target is not line and _date_column(ctx, line, label):
                        break  # "Date" heading a table column of service dates: no document date
                    conf = 0.93 - penalty * 0.75 - (0.05 if generic else 0.0)
                    if kind == "issue_date" and _TAX_POINT_RE.match(line.folded, label.start, label.end):
                        conf -= 0.02  # the VAT date: the invoice's date when both are printed
                    if dates[0].ambiguous:
                        conf -= 0.1
                    out.append((dates[0], conf, target.index))
                    break
    return out


# A UK "Tax point" (the time of supply, the VAT date) dates the invoice only when no invoice date is printed
# beside it ("Invoice date / Tax point" names both and is left alone).
_TAX_POINT_RE = lazy_compile(r"tax\s+point")


# Prose about a validity that ends on a date: "expire(s) on", "valid until", "gültig bis", "valable
# jusqu'au", "válido hasta", "geldig tot", "valido fino al" (folded).
_VALIDITY_RE = lazy_compile(
    r"(?<![a-z])(?:expir(?:e|es|ed|y|ation)|valid\s+(?:until|through|till|to)|gultig\s+bis|gueltig\s+bis|"
    r"verfall(?:en|t)?|valable\s+jusqu|expire(?:nt|ra)?|valido\s+hasta|vence\s+el|geldig\s+(?:tot|t/m)|"
    r"vervalt|valido\s+fino|scade\s+il)(?![a-z])"
)
# A version, release or revision line dates a stylesheet, a form or software, not the document:
# "Stylesheet-Version: 2.5 vom 10.01.2023", "Release 4.2 (2023-01-10)", "Form W-9 (Rev. 10-2018)",
# "Versión", "Versione", "Versão", "Wersja", "Verze", "Versio" (folded).
_VERSION_RE = lazy_compile(
    r"(?<![a-z])(?:versione?|versao|wersja|verze|versio|stylesheet|release|revision|rev\.)(?![a-z])"
)


# The word of an order's date label: "Order date", "Date of order", "Bestelldatum", "Date de commande",
# "Fecha de pedido", "Besteldatum", "Data dell'ordine", "Orderdatum", "Data zamówienia", "Sipariş tarihi".
_ORDER_WORD_RE = lazy_compile(
    r"order|bestell|auftrag|commande|pedido|bestel|ordine|encomenda|zamowienia|ordre|bestilling|objednavky|siparis"
)


# Between the two dates of a period: "01/03 au 31/03", "vom 1.3. bis 31.3.", "1 March to 31 March" (folded).
_PERIOD_TO_RE = lazy_compile(r"\s*(?:au|bis|to|till|until|through|thru|al|tot|t/m|tm|a|-|\u2013|\u2014)\s*")


def _opens_period(line: Line, dates: list[DateMatch]) -> bool:
    """The first date starts a period (another date follows, a range word or dash between): it dates the
    service, not the document."""
    return len(dates) > 1 and _PERIOD_TO_RE.fullmatch(line.folded, dates[0].end, dates[1].start) is not None


# The number after its label, then a word for "of" / "dated" before the issue date: "Facture n° F-117 du
# 12/03/2024", "Rechnung Nr. 117 vom …", "Fattura n. 117 del …", "Invoice No. 117 of …", "Factuur nr. 117
# d.d. …", "Faktura VAT nr 117/2024 z dnia …" (folded text between the label's end and the date).
_NUMBER_THEN_DATED_RE = lazy_compile(
    r"[\s:#.]*[a-z0-9][a-z0-9\-/_.]*,?\s+(?:du|vom|del|dated|of|from|d\.\s?d\.|de\s+fecha|de|z\s+dnia|ze\s+dne|"
    r"van|den|dal)\s*(?:le\s+|am\s+|el\s+|il\s+)?"
)


def _dates_after_number(ctx: PageContext) -> list[tuple[DateMatch, float, int]]:
    """Issue dates printed right after the invoice number on its label's line (not after the number of an
    invoice a credit note refers to: "Original invoice No. 117 of …")."""
    out: list[tuple[DateMatch, float, int]] = []
    for index, labels in ctx.header_labels.items():
        line = ctx.lines[index]
        for label in labels:
            if label.kind != "invoice_number":
                continue
            seg_start = line.segment_span(label.start)[0]
            if _REFERENCE_BEFORE_RE.search(line.folded, seg_start, label.start):
                continue
            dates = find_dates(line, ctx.order, label.end)
            if (
                dates
                and _NUMBER_THEN_DATED_RE.fullmatch(line.folded, label.end, dates[0].start)
                and not _opens_period(line, dates)
            ):
                out.append((dates[0], 0.9, index))
    return out


def extract_dates(ctx: PageContext) -> tuple[Found | None, Found | None]:
    issue = _labelled_dates(ctx, "issue_date") + _dates_after_number(ctx)
    # One printed date is one field: a date an issue-date label reads with more certainty (its label
    # beside it, the due label above it) is not the due date too.
    claimed = {(line_no, d.start): conf for d, conf, line_no in issue}
    due = [
        (d, conf, line_no)
        for d, conf, line_no in _labelled_dates(ctx, "due_date")
        if claimed.get((line_no, d.start), 0.0) < conf
    ]
    other = {d.value for d, _, _ in _labelled_dates(ctx, "other_date")}
    issue_found = None
    if issue:
        match, conf, line_no = max(issue, key=lambda t: (t[1], -t[2]))
        issue_found = Found(match.value.isoformat(), conf, line_no)
    else:
        issue_found = _letter_date(ctx)
    if issue_found is None and not issue:
        # No label: the first date in the top half that is not a labelled due/delivery date.
        due_values = {d.value for d, _, _ in due}
        stamp: Found | None = None
        for line in ctx.lines:
            if line.top > ctx.page.height * 0.5:
                break
            if _VALIDITY_RE.search(line.folded) or _VERSION_RE.search(line.folded):
                continue  # "Credits expire on …", "Stylesheet-Version: 2.5 vom …": not the document's date
            for match in find_dates(line, ctx.order):
                if match.value in due_values or match.value in other:
                    continue
                if match.stamp:
                    # "11/22/26, 7:35 PM" over a browser-printed page: when it was printed, kept only
                    # when the page prints no other date.
                    stamp = stamp or Found(match.value.isoformat(), UNLABELLED_ISSUE - 0.15, line.index)
                    continue
                issue_found = Found(match.value.isoformat(), UNLABELLED_ISSUE, line.index)
                break
            if issue_found:
                break
        issue_found = issue_found or stamp
    if issue_found is None and not issue and not due and not other:
        issue_found = _timed_date(ctx)
    if issue_found is None and not issue:
        # No document date at all: an order's date dates an order receipt (not a delivery or a period).
        ordered = _labelled_dates(ctx, "other_date", _ORDER_WORD_RE)
        if ordered:
            match, _, line_no = ordered[0]
            issue_found = Found(match.value.isoformat(), UNLABELLED_ISSUE - 0.05, line_no)
    due_found = None
    if due:
        match, conf, line_no = max(due, key=lambda t: t[1])
        due_found = Found(match.value.isoformat(), conf, line_no)
    if (
        issue_found is not None
        and due_found is not None
        and due_found.value < issue_found.value
        and ctx.order is DateOrder.DMY
        and not ctx.order_proven
    ):
        # Due before issue: ambiguous numeric dates were read day-first; month-first may make sense.
        swapped = replace(ctx, order=DateOrder.MDY, order_proven=True)
        issue_mdy, due_mdy = extract_dates(swapped)
        if issue_mdy and due_mdy and due_mdy.value >= issue_mdy.value:
            return issue_mdy, due_mdy
    terms = _due_from_terms(ctx, issue_found)
    if terms is not None and (due_found is None or due_found.line == terms.line):
        due_found = terms
    if due_found is None and issue_found is not None:
        due_found = _due_in_payment_prose(ctx, date.fromisoformat(issue_found.value))
    if (
        due_found is not None
        and issue_found is not None
        and due_found.value == issue_found.value
        and _states_immediate_payment(ctx)
    ):
        due_found = None  # "Due: <invoice date>" beside "payable on receipt": immediate, no term
    return issue_found, due_found


_CLOCK_RE = lazy_compile(r"\d:\d\d")


def _timed_date(ctx: PageContext) -> Found | None:
    """A date printed with its time of day anywhere on a page that labels no date: a till receipt's
    "2026-02-09 09:31:48" at its foot dates the sale (a label, or a date high on the page, wins)."""
    for line in ctx.lines:
        if ":" not in line.text or _CLOCK_RE.search(line.text) is None:
            continue  # no time of day on the line: reading its dates would find none timed
        if _VALIDITY_RE.search(line.folded) or _VERSION_RE.search(line.folded):
            continue
        for match in find_dates(line, ctx.order):
            if match.timed:
                return Found(match.value.isoformat(), UNLABELLED_ISSUE - 0.15, line.index)
    return None


# A letter's dateline: the place, a comma, a particle and the date ("Paris, le 12 mars 2024", "Berlin, den
# 12.03.2024", "Madrid, a 12 de marzo de 2024", "Milano, lì 12/03/2024", "Utrecht, 12-03-2024"); folded.
_DATELINE_RE = lazy_compile(
    r"\s*[a-z][a-z.'\- ]{1,28}[a-z.],\s*(?:le|den|am|a|el|li|il|op|the|dnia|dne)?\s*(?:\d{1,2}\s*\.?\s*)?$"
)
# Cheap test for a line that may hold one (after ", " in the text: "1.234,56" has a comma too, no space).
_DATELINE_HINT_RE = lazy_compile(
    r"[a-z]{2}\.?, ?(?:(?:le|den|am|a|el|li|il|op|the|dnia|dne)\s+)?\d{1,2}"
    r"(?:\s?[./-]\s?\d|\.?\s?(?:de\s)?[a-z]{3})"
)


def _letter_date(ctx: PageContext) -> Found | None:
    """The dateline of an invoice written as a letter: a date that opens its segment after a place name and
    a comma. It dates the document (a labelled issue date still wins); a date elsewhere in the header
    (an order's, a delivery note's) does not."""
    for line in ctx.lines:
        if line.top > ctx.page.height * 0.5:
            break
        if ", " not in line.text or not _DATELINE_HINT_RE.search(line.folded):
            continue
        for match in find_dates(line, ctx.order):
            seg_start, _ = line.segment_span(match.start)
            if _DATELINE_RE.fullmatch(line.folded, seg_start, match.start):
                return Found(match.value.isoformat(), 0.8, line.index)
    return None


def _states_immediate_payment(ctx: PageContext) -> bool:
    """The page says payment is immediate ("due on receipt", "sofort zahlbar", "0 days")."""
    for line in ctx.lines:
        folded = _with_wrapped(ctx, line)
        if _ON_RECEIPT_RE.search(folded) and (_TERM_CONTEXT_RE.search(folded) or _immediate(folded)):
            return True
        if _TERM_CONTEXT_RE.search(folded) and _ZERO_DAYS_RE.search(folded):
            return True
    return False


def _due_in_payment_prose(ctx: PageContext, issued: date) -> Found | None:
    """ "Bitte begleichen Sie den Betrag bis zum 11.04.2024", "Please remit payment before …": a date
    after the issue date on a line with payment words and no other label, or a date right after a
    deadline word ("bis spätestens", "avant le", "vóór", "no later than") in a sentence about the
    amount. Prose wraps anywhere, the date too ("… bis zum 15." / "März 2024"): the line and the one it
    wraps onto are read as one."""
    for line in ctx.lines:
        if any(label.kind in ("other_date", "issue_date") for label in ctx.header_labels.get(line.index, [])):
            continue
        below = _continuation(ctx, line)
        target = line if below is None else joined(line, below)
        payment = _TERM_CONTEXT_RE.search(target.folded) is not None
        if not payment and not _AMOUNT_WORD_RE.search(target.folded):
            continue
        for match in find_dates(target, ctx.order):
            if not issued < match.value <= issued + timedelta(days=180):
                continue
            if payment or _DEADLINE_BEFORE_RE.search(target.folded, max(0, match.start - 40), match.start):
                return Found(match.value.isoformat(), 0.5, line.index)
    return None


# Words that end right before a deadline date ("… no later than 15 March", "bis spätestens zum 15.",
# "avant le", "antes del", "vóór", "uiterlijk", "entro il", "senast", "do dnia").
_DEADLINE_BEFORE_RE = lazy_compile(
    r"(?<![a-z])(?:by|before|until|till|(?:no|not)\s+later\s+than|on\s+or\s+before|bis|zum|spatestens|"
    r"spaetestens|avant(?:\s+le)?|au\s+plus\s+tard(?:\s+le)?|d'ici\s+le|jusqu'au|antes\s+del?|hasta\s+el|"
    r"a\s+mas\s+tardar\s+el|voor|uiterlijk(?:\s+op)?|entro(?:\s+il)?|prima\s+del|senest|senast|innan|"
    r"do\s+dnia|ate)\s*(?:the\s+|le\s+|el\s+|il\s+|den\s+|am\s+)?$"
)
# The sentence is about the invoice's amount ("the total of", "den Betrag", "le montant", "el importe").
_AMOUNT_WORD_RE = lazy_compile(
    r"(?<![a-z])(?:amount|total|sum|balance|invoice|betrag|gesamtbetrag|rechnungsbetrag|summe|rechnung|"
    r"montant|somme|facture|importe|factura|bedrag|totaalbedrag|factuur|importo|fattura|totale|"
    r"belopp|belob|beløb|kwote|kwota|castka)(?![a-z])"
)


# Payment terms instead of a due date: "Net 30", "payable within 14 days", "zahlbar innerhalb von 14
# Tagen", "30 Tage netto", "à 30 jours", "a 30 días", "binnen 14 dagen", "entro 30 giorni" (folded text).
# "days" in the lexicon's languages (folded): EN DE FR ES/PT NL IT, SV DA/NO PL CS FI TR.
_DAYS = r"(?:days|tagen|tage|jours|dias|dagen|giorni|gg\.?|dagar|dage|dager|dni|dnu|paivaa|gun)"
_ZERO_DAYS_RE = lazy_compile(rf"(?<![\d.,])0\s*{_DAYS}(?![a-z])")
_TERM_DAYS_RE = lazy_compile(
    # "Net 30" but not "Net 1 462 448,67" or "Net 100.00" (an amount after a "Net" label)
    r"(?<![a-z])(?:net(?:to)?\s*-?\s*(?P<a>\d{1,3})(?!\s*%)(?!\d|[.,'\u2019]\d|\s+\d)"
    r"|(?:within|in|innerhalb(?:\s+von)?|binnen|sous|a|entro|dentro\s+de|en|inom|inden\s+for|innen|w\s+ciagu)"
    rf"\s+(?P<b>\d{{1,3}})\s*{_DAYS}"
    # "Terms: 30", "Zahlungsziel: 14" (a bare count of days after a terms label)
    r"|(?:terms|zahlungsziel|termijn|plazo|delai)\s*:?\s*(?P<e>\d{1,3})(?![\d.,%/:-]|\s*[a-z%\d])"
    rf"|(?P<c>\d{{1,3}})\s*{_DAYS}\s+(?:net(?:to)?|neto|netto|fin\s+de\s+mois)"
    # "30 days from invoice date", "14 Tage nach Erhalt", "Zahlungsziel: 14 Tage" (near payment words);
    # "thirty (30) days": the figure in brackets after the number in words.
    rf"|(?P<d>\d{{1,3}})\)?\s*{_DAYS}"
    r")(?![a-z])"
)
# "30 days end of month", "30 jours fin de mois", "30 gg d.f.f.m.", "30 Tage zum Monatsende": the due
# date is the last day of the month the term ends in.
_END_OF_MONTH_RE = lazy_compile(
    r"(?<![a-z])(?:end\s+of\s+(?:the\s+)?month|e\.?o\.?m\.?|fin\s+de\s+mois|fdm|fin\s+de\s+mes|"
    r"fine\s+mese|f\.?\s?m\.?|d\.?\s?f\.?\s?f\.?\s?m\.?|monatsende|ende\s+des\s+monats|"
    r"einde\s+(?:van\s+de\s+)?maand)(?![a-z])"
)
_TERM_CONTEXT_RE = lazy_compile(
    r"(?<![a-z])(?:net|netto|neto|payable|payment|pay|due|terms|zahlbar|zahlung|zahlungsziel|faellig|fallig|"
    r"paiement|payable|reglement|echeance|pago|vencimiento|pagadero|betaling|betalen|betaaltermijn|"
    r"betalingstermijn|betalingsvoorwaarden|betalingscondities|betalingsconditie|plazo|delai|"
    r"pagamento|scadenza|condizioni|conditions|condiciones|uberweisen|ueberweisen|uberweisung|ueberweisung|"
    r"remit|remittance|settle|settled|begleichen|virement|regler|reglee|bonifico|saldare|transferencia|abonar|"
    r"overmaken|voldoen|voldaan|termijn|transfer|wire|zahlen|bezahlen|payer|pagar|pagare|saldar|vence|scade|"
    r"remittance|payable|ausgleich|begleichung|gelieve|prazo|betalning|betalningsvillkor|betalingsbetingelser|"
    r"netto|maksuehto|maksettava|p[lł]atno[sś](?:[cć]|ci)|p[lł]atne|splatnost|splatno|vencimento|transfiera|"
    r"transferir|ingrese|ingresar|virer|verser|versez|versare|versamento|overmaken|overmaakt|"
    # Polish "zapłata / zapłatę / do zapłaty", Turkish "ödeme", "vade(si)".
    r"zap[lł]at[aey]?|odeme|vade(?:si)?)(?![a-z])"
    r"|over\s+te\s+maken"
)
_ON_RECEIPT_RE = lazy_compile(
    r"(?<![a-z])(?:(?:due|payable|payment)\s+(?:up)?on\s+receipt|(?:zahlbar\s+)?sofort(?:\s+(?:zahlbar|fallig|"
    r"faellig))?(?:\s+nach\s+erhalt)?|(?:payable\s+)?a\s+(?:la\s+)?reception|a\s+la\s+recepcion|"
    r"bij\s+ontvangst|(?:al|a)\s+ricevimento|a\s+vista)(?![a-z])"
)
_DEBIT_RE = lazy_compile(
    r"(?<![a-z])(?:direct\s+debit|debited|lastschrift|abbuchung|abgebucht|eingezogen|prelevement|preleve|"
    r"domiciliacion|domiciliado|cargo|cargara|incasso|geincasseerd|afschrijving|afgeschreven|addebito|"
    r"addebitato|addebiteremo|"
    # Polish, Swedish, Danish, Norwegian, Portuguese and Czech direct debits.
    r"pobran[aey]|pobierzemy|dras|autogiro|tr(?:æ|ae)kkes|betalingsservice|trekkes|avtalegiro|debitad[oa]|"
    r"debito\s+direto|strzen[aoy]|inkas(?:o|em))(?![a-z])"
)


def payment_term_days(ctx: PageContext) -> Found | None:
    """Payment terms in days ("Net 30", "zahlbar innerhalb von 14 Tagen"), the longest term when a cash
    discount names a shorter one. The value is the number of days. Immediate payment ("due on receipt",
    "sofort zahlbar", "0 days") names no due date: None, and the contract's due_date stays null."""
    best: tuple[int, int] | None = None  # (days, line)
    label_above = False  # "Payment terms" over "30 days" (a grid cell): the context is the line above
    for line in ctx.lines:
        folded = line.folded
        own_context = _TERM_CONTEXT_RE.search(folded) is not None
        if own_context:
            folded = _with_wrapped(ctx, line)  # "… within" / "30 days": the terms wrap with the prose
        context, label_above = (
            own_context or label_above,
            own_context and not any(c.isdigit() for c in folded),
        )
        if context and best is None and _ON_RECEIPT_RE.search(folded):
            best = (0, line.index)
            continue
        if not any(c.isdigit() for c in folded):
            continue
        for m in _TERM_DAYS_RE.finditer(folded):
            days = int(m.group("a") or m.group("b") or m.group("c") or m.group("d") or m.group("e"))
            if m.group("a") is None and not context:
                continue  # "within 14 days" of what: only near payment words
            if 0 < days <= 180 and (best is None or days > best[0]):
                best = (days, line.index)
    return None if best is None or best[0] == 0 else Found(str(best[0]), 0.6, best[1])


def _continuation(ctx: PageContext, line: Line) -> Line | None:
    """The next line when it continues ``line`` as wrapped prose (same left margin, at line pitch)."""
    if line.index + 1 >= len(ctx.lines) or len(line.text) < 40:
        return None
    below = ctx.lines[line.index + 1]
    if below.top - line.bottom > 0.8 * line.height or abs(below.x0 - line.x0) > 2 * line.height:
        return None
    return below


def _with_wrapped(ctx: PageContext, line: Line) -> str:
    """The folded text of a line and of the prose line it wraps onto ("… within" / "30 days …")."""
    below = _continuation(ctx, line)
    return line.folded if below is None else f"{line.folded} {below.folded}"


def _due_from_terms(ctx: PageContext, issue: Found | None) -> Found | None:
    """A due date from payment terms: issue date + N days, or the date of a direct debit. Without an
    issue date on this page the terms still count: ``payment_term_days`` reports them for aggregation."""
    if issue is None:
        return None
    issued = date.fromisoformat(issue.value)
    for line in ctx.lines:
        if _DEBIT_RE.search(line.folded):
            dates = [m for m in find_dates(line, ctx.order) if m.value >= issued]
            if dates:
                return Found(dates[0].value.isoformat(), 0.75, line.index)
    terms = payment_term_days(ctx)
    if terms is None:
        return None
    due = issued + timedelta(days=int(terms.value))
    if int(terms.value) and _END_OF_MONTH_RE.search(_with_wrapped(ctx, ctx.lines[terms.line])):
        following = date(due.year + due.month // 12, due.month % 12 + 1, 1)
        due = following - timedelta(days=1)
    return Found(due.isoformat(), terms.confidence, terms.line)
