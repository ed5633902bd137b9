"""Issue date and due date: label → value to the right, else below the label; a letter's dateline, a
date after the invoice number, the first date high on the page; due dates from terms (``payment_terms``)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.dates import WEEKDAY, DateMatch, DateOrder, find_dates
from invoiceflow.domain.extraction.header_fields import (
    REFERENCE_BEFORE_RE,
    REFERENCE_WORDS,
    UNLABELLED_ISSUE,
    Found,
    cell_continuation,
    spans_for,
)
from invoiceflow.domain.extraction.labels import LabelMatch
from invoiceflow.domain.extraction.layout import Line, joined, part_of
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.payment_terms import (
    due_from_terms,
    due_in_payment_prose,
    immediate,
    states_immediate_payment,
)

# "Amount due", "Balance due", "Total due": the amount's label, not the due date's.
_AMOUNT_BEFORE_RE = lazy_compile(
    r"(?:amount|balance|total|sum|now|betrag|montant|importe|bedrag|importo)\s*$"
)


_BARE_DUE_RE = lazy_compile(r"due\s*[:.#]?\s*$")


def _payable_at_once(ctx: PageContext, line: Line, label: LabelMatch) -> bool:
    """ "Due on receipt", "Fällig: sofort", "Échéance : à réception": the label's value is immediate
    payment, not a date (a date under it belongs to another field)."""
    seg_start, seg_end = line.segment_span(label.start)
    start, end = ctx.value_span(line, label)
    start, end = min(start, seg_start), max(end, seg_end)  # "Sofort fällig": the word may come first
    return not find_dates(line, ctx.order, start, end) and immediate(line.folded[start:end])


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
    value's words joined with the run of words under them (``cell_continuation``). Only a date that
    starts in the value and ends in the run under it."""
    if end <= start or not any(c.isdigit() for c in line.text[start:end]):
        return []
    found = cell_continuation(ctx, line, start, end)
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
    ctx: PageContext,
    kind: str,
    worded: re.Pattern[str] | None = None,
    unless: re.Pattern[str] | None = None,
) -> list[tuple[DateMatch, float, int]]:
    """Dates read beside or under the labels of ``kind`` (those whose text ``worded`` finds, when given;
    not those whose text opens with ``unless``)."""
    out: list[tuple[DateMatch, float, int]] = []
    for index, labels in ctx.header_labels.items():
        line = ctx.lines[index]
        for label in labels:
            if label.kind != kind:
                continue
            if worded is not None and not worded.search(line.folded, label.start, label.end):
                continue
            if unless is not None and unless.match(line.folded, label.start, label.end):
                continue
            seg_start = line.segment_span(label.start)[0]
            if kind == "issue_date" and (
                _REFERENCED_INVOICE_RE.search(line.folded, seg_start, label.start)
                or _REFERENCE_RIGHT_BEFORE_RE.search(line.folded, seg_start, label.start)
            ):
                continue  # "Original invoice RE-9481 dated …", "zu Rechnung 4711 vom …": that invoice's date
            if (
                kind == "issue_date"
                and label.end - label.start <= 7
                and _OTHER_DOCUMENT_RE.search(line.folded, seg_start, label.start)
            ):
                continue  # "Packing slip 4711 dated …", "Mandat SEPA … Date": another document's date
            if (
                kind == "due_date"
                and _AMOUNT_BEFORE_RE.search(line.folded, 0, label.start)
                and _BARE_DUE_RE.match(line.folded, label.start, label.end)
            ):
                continue  # "Amount due: 120.00" (but "Amount due by 15.03." names the due date)
            if kind == "due_date" and _payable_at_once(ctx, line, label):
                continue  # "Due on receipt", "Fällig: sofort": terms, no date to look for below
            for target, start, end, penalty in spans_for(ctx, line, label):
                dates = find_dates(target, ctx.order, start, end)
                if not dates and target is line:
                    dates = _wrapped_dates(ctx, line, start, end)
                if target is not line and dates and not _under_own_label(ctx, line, label, dates[0]):
                    break  # the date stands under a neighbouring label: this label's own cell is empty
                if not dates and immediate(target.folded[start:end]):
                    break  # "Due date" over "Upon receipt": the value is no date, none further down
                if dates and kind == "issue_date" and _opens_period(target, dates):
                    break  # "Facture du 01/03 au 31/03", "Rechnung vom … bis …": a billing period
                if dates:
                    generic = kind == "issue_date" and label.end - label.start <= 7  # bare "Date:"
                    if generic and target is not line and _date_column(ctx, line, label):
                        break  # "Date" heading a table column of service dates: no document date
                    conf = 0.93 - penalty * 0.75 - (0.05 if generic else 0.0)
                    if generic and _qualified(line, label, dates[0].start if target is line else None):
                        conf -= 0.04  # "Date Shipped", "Data de carga": a date of something else
                    if dates[0].ambiguous:
                        conf -= _AMBIGUOUS
                    out.append((dates[0], conf, target.index))
                    break
    return out


# The confidence a date loses when its day and month could be read either way.
_AMBIGUOUS = 0.1

# Another invoice named before a date label in its segment: "Original invoice RE-9481 dated …", "zu
# Rechnung 4711 vom …", "Avoir sur facture F-117 du …", "Dotyczy faktury … z dnia …", or a reference word
# right before the label: "Original invoice date:", "Korrektur zur Rechnung vom …", "relatif à la facture
# du …" (folded).
_REFERENCE_LEAD = rf"(?<![a-z])(?:{REFERENCE_WORDS}|sur|dotyczy|referente\s+a|relati(?:f|ve)\s+au?)(?![a-z])"
_ARTICLE = r"(?:(?:the|la|le|l'|die|der|den|de|del|della|het)\s*)?"
_REFERENCED_INVOICE_RE = lazy_compile(
    rf"{_REFERENCE_LEAD}[\s:.\-]*{_ARTICLE}"
    r"(?:invoice|rechnung|facture|factura|fattura|factuur|faktur[ay]?|fatura)(?![a-z])"
)
# Another document named before a bare date label in its segment: a delivery note, an order, a quote, a
# contract or a mandate ("Packing slip 4711 dated …", "Auftrag 12 Datum …"); folded.
_OTHER_DOCUMENT_RE = lazy_compile(
    r"(?<![a-z])(?:delivery\s+note|packing\s+(?:slip|list)|(?:purchase\s+)?order|p\.?\s?o\.?|quot(?:e|ation)|"
    r"offer|contract|agreement|mandate?|lieferschein|auftrag|bestellung|angebot|vertrag|bon\s+de\s+livraison|"
    r"bl|commande|devis|contrat|albaran|pedido|presupuesto|contrato|ddt|ordine|preventivo|contratto|pakbon|"
    r"bestelling|offerte|guia(?:\s+de\s+remessa)?|encomenda|orcamento|wz|zamowienie|oferta|umowa|"
    r"foljesedel|offert|avtal)(?![a-z])"
)
_REFERENCE_RIGHT_BEFORE_RE = lazy_compile(rf"{_REFERENCE_LEAD}[\s:.\-]*{_ARTICLE}$")
_LETTERS_RE = lazy_compile(r"[^\W\d_]{2,}")


def _qualified(line: Line, label: LabelMatch, value_start: int | None) -> bool:
    """Words beside a bare date label in its cell ("Date Shipped", "Data de carga", "Date de l'offre"):
    the date of something the lexicon does not name, weaker than a bare "Date" alone in its cell."""
    seg_start, seg_end = line.segment_span(label.start)
    end = seg_end if value_start is None else value_start
    return bool(
        _LETTERS_RE.search(line.folded, seg_start, label.start)
        or _LETTERS_RE.search(line.folded, label.end, end)
    )


# A UK "Tax point" (the time of supply, the VAT date) dates the invoice only when no other issue-date label
# (a bare "Date" too) dates it ("Invoice date / Tax point" names both and is left alone).
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
    rf"van|den|dal)\s*(?:le\s+|am\s+|el\s+|il\s+)?(?:{WEEKDAY},?\s*)?"
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
            if REFERENCE_BEFORE_RE.search(line.folded, seg_start, label.start):
                continue
            dates = find_dates(line, ctx.order, label.end)
            if (
                dates
                and _NUMBER_THEN_DATED_RE.fullmatch(line.folded, label.end, dates[0].start)
                and not _opens_period(line, dates)
            ):
                out.append((dates[0], 0.9, index))
    return out


def _label_rank(candidate: tuple[DateMatch, float, int]) -> float:
    """A candidate's confidence without the doubt about its day/month order: that doubt lowers the
    confidence reported, not the weight of the label that found the date ("Fecha de factura" over a
    qualified "Fecha de operación" though only the first reads 05/02 either way)."""
    match, confidence, _ = candidate
    return confidence + (_AMBIGUOUS if match.ambiguous else 0.0)


def extract_dates(ctx: PageContext) -> tuple[Found | None, Found | None]:
    issue = _labelled_dates(ctx, "issue_date", unless=_TAX_POINT_RE) + _dates_after_number(ctx)
    if not issue:
        issue = _labelled_dates(ctx, "issue_date", worded=_TAX_POINT_RE)
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
        match, conf, line_no = max(issue, key=lambda t: (_label_rank(t), -t[2]))
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
        match, conf, line_no = max(due, key=_label_rank)
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
    terms = due_from_terms(ctx, issue_found)
    if terms is not None and (due_found is None or due_found.line == terms.line):
        due_found = terms
    if due_found is None and issue_found is not None:
        due_found = due_in_payment_prose(ctx, date.fromisoformat(issue_found.value))
    if (
        due_found is not None
        and issue_found is not None
        and due_found.value == issue_found.value
        and states_immediate_payment(ctx)
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


# A letter's dateline: the place (a US state's code after it: "Austin, TX,"), a comma, a particle and the
# date ("Paris, le 12 mars 2024", "Berlin, den 12.03.2024", "Madrid, a 12 de marzo de 2024", "Milano, lì
# 12/03/2024", "Utrecht, 12-03-2024", "Austin, TX, April 19, 2024"); folded.
_DATELINE_RE = lazy_compile(
    r"\s*(?P<place>[a-z][a-z.'\- ]{1,28}[a-z.])(?:,\s*[a-z]{2})?,\s*"
    rf"(?:{WEEKDAY},?\s*)?(?:le|den|am|a|el|li|il|op|the|dnia|dne)?\s*(?:{WEEKDAY},?\s*)?"
    r"(?:\d{1,2}\s*\.?\s*)?$"
)
# A weekday closing the "place": "Zahlbetrag fällig am Sonntag, 22. Juni" is no dateline.
_ENDS_WITH_WEEKDAY_RE = lazy_compile(rf"(?<![a-z]){WEEKDAY}$")
# Cheap test for a line that may hold one (after ", " in the text: "1.234,56" has a comma too, no space).
_DATELINE_HINT_RE = lazy_compile(
    rf"[a-z]{{2}}\.?, ?(?:(?:le|den|am|a|el|li|il|op|the|dnia|dne)\s+)?(?:{WEEKDAY},?\s+)?(?:\d{{1,2}}"
    r"(?:\s?[./-]\s?\d|\.?\s?(?:de\s)?[a-z]{3})|[a-z]{3,9}\.?\s\d{1,2},?\s\d{4})"
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
            dateline = _DATELINE_RE.fullmatch(line.folded, seg_start, match.start)
            if dateline and not _ENDS_WITH_WEEKDAY_RE.search(dateline.group("place")):
                return Found(match.value.isoformat(), 0.8, line.index)
    return None
