"""Merge per-page extractions into one invoice and validate it.

``aggregate`` is pure: the in-process pipeline, the aggregate service and the Prefect task call exactly
this function, so every engine returns the same invoice for the same pages.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from invoiceflow.domain.extraction.tax_bases import shared_item_bases
from invoiceflow.domain.extraction.tax_line_check import lines_making_the_totals
from invoiceflow.domain.models import (
    PAYMENT_TERM_DAYS,
    AggregatedInvoice,
    DocumentExtraction,
    DocumentInfo,
    ExtractorInfo,
    FieldValue,
    Issuer,
    LineItem,
    PageExtraction,
    PageInfo,
    PageLineItem,
    Recipient,
    TaxLine,
    Totals,
    to_money,
)
from invoiceflow.domain.validation import validate

EXTRACTOR_VERSION = "1.0.0"
# Totals stand at the end of an invoice: on equal confidence the later page wins for these fields.
_PREFER_LAST_PAGE = ("totals.",)
# A value completed from the other two totals is less certain than one read from the page.
_DERIVED_CONFIDENCE_FACTOR = 0.8
_CENT_SLACK = Decimal("0.011")
# Party names (with the address field that goes with each) and their confidence bands as
# ``extraction.extract_page`` sets them: a name below ``_GUESSED_NAME`` is a guess (a letterhead line at
# body size, no legal form), one at ``_EVIDENT_NAME`` or above has evidence; on continuation pages party
# fields are ranked ``_CONTINUATION_PARTY_PENALTY`` lower (repeated headers).
_PARTY_NAMES = {"issuer.name": "issuer.address", "recipient.name": "recipient.address"}
_GUESSED_NAME = 0.6
_EVIDENT_NAME = 0.7
_CONTINUATION_PARTY_PENALTY = 0.25


def merge_fields(pages: Sequence[PageExtraction]) -> dict[str, FieldValue]:
    """Pick, for each field, the most confident candidate over all pages; a party's name read with
    evidence on a later page beats a guess from an earlier one (see ``_evident_later``)."""
    chosen: dict[str, tuple[FieldValue, int]] = {}
    for page in sorted(pages, key=lambda p: p.page_number):
        for name, candidate in page.fields.items():
            current = chosen.get(name)
            prefer_later = name.startswith(_PREFER_LAST_PAGE)
            if (
                current is None
                or candidate.confidence > current[0].confidence
                or (prefer_later and candidate.confidence == current[0].confidence)
                or _evident_later(name, candidate, current[0])
            ):
                chosen[name] = (candidate, page.page_number)
                address = _PARTY_NAMES.get(name)
                if address is not None and _evident_later(name, candidate, current[0] if current else None):
                    # The party's address comes from the page that named it.
                    if address in page.fields:
                        chosen[address] = (page.fields[address], page.page_number)
                    else:
                        chosen.pop(address, None)
    return {name: value for name, (value, _) in chosen.items()}


def _evident_later(name: str, candidate: FieldValue, current: FieldValue | None) -> bool:
    """True when ``candidate``, a party's name on a later page (ranked down by the continuation-page
    penalty), was read with evidence (a legal form, a label, a footer's registered name) while
    ``current`` is a guess: a short invoice whose footer spills onto a near-empty last page names its
    issuer only there, and page 1's best guess is a body-size line without legal form."""
    if name not in _PARTY_NAMES or current is None:
        return False
    return (
        current.confidence < _GUESSED_NAME
        and candidate.confidence + _CONTINUATION_PARTY_PENALTY >= _EVIDENT_NAME
        and candidate.confidence < current.confidence
    )


def _decimal(fields: dict[str, FieldValue], name: str) -> Decimal | None:
    field = fields.get(name)
    if field is None:
        return None
    try:
        return Decimal(field.value)
    except InvalidOperation:
        return None


def _date(fields: dict[str, FieldValue], name: str) -> date | None:
    field = fields.get(name)
    if field is None:
        return None
    try:
        return date.fromisoformat(field.value)
    except ValueError:
        return None


def _text(fields: dict[str, FieldValue], name: str) -> str | None:
    field = fields.get(name)
    return field.value if field is not None and field.value.strip() else None


def _complete_totals(fields: dict[str, FieldValue]) -> None:
    """Derive the third of net / tax / gross when exactly two were read."""
    net, tax, gross = (_decimal(fields, f"totals.{n}") for n in ("net", "tax", "gross"))
    known = {k: fields[k].confidence for k in ("totals.net", "totals.tax", "totals.gross") if k in fields}
    if len(known) != 2:
        return
    confidence = min(known.values()) * _DERIVED_CONFIDENCE_FACTOR
    if gross is None and net is not None and tax is not None:
        fields["totals.gross"] = FieldValue(value=str(net + tax), confidence=confidence)
    elif net is None and tax is not None and gross is not None:
        fields["totals.net"] = FieldValue(value=str(gross - tax), confidence=confidence)
    elif tax is None and net is not None and gross is not None:
        fields["totals.tax"] = FieldValue(value=str(gross - net), confidence=confidence)


def _apply_payment_terms(fields: dict[str, FieldValue]) -> None:
    """Due date = issue date + the payment terms some page stated, when no page printed a due date."""
    terms = fields.pop(PAYMENT_TERM_DAYS, None)
    issued = _date(fields, "issue_date")
    if terms is None or issued is None or "due_date" in fields or not terms.value.isdigit():
        return
    due = issued + timedelta(days=int(terms.value))
    confidence = min(terms.confidence, fields["issue_date"].confidence)
    fields["due_date"] = FieldValue(value=due.isoformat(), confidence=confidence)


def merge_tax_lines(
    pages: Sequence[PageExtraction], tax_total: Decimal | None = None, net_total: Decimal | None = None
) -> list[TaxLine]:
    """Tax lines of all pages in page order, a line repeated on several pages kept once; lines that are
    no part of the tax total (a page's charge printed with its rate) dropped when the rest make it."""
    seen: set[tuple[Decimal | None, Decimal | None, Decimal | None]] = set()
    merged: list[TaxLine] = []
    origin: list[int] = []  # the page each merged line was read on
    for page in sorted(pages, key=lambda p: p.page_number):
        # Equal lines on one page are distinct taxes (CGST and SGST at 9 %); the page deduplicated them.
        page_keys = {(line.rate, line.base, line.amount) for line in page.tax_lines}
        earlier = len(merged)
        for line in page.tax_lines:
            if (line.rate, line.base, line.amount) in seen:
                continue
            twin = next((i for i in range(earlier) if _same_tax(merged[i], line)), None)
            if twin is None:
                merged.append(line)
                origin.append(page.page_number)
            else:
                # The totals on one page without the base, the tax summary on the next with it: one tax.
                merged[twin] = _completed(merged[twin], line)
        seen |= page_keys
    merged = _last_page_taxes(merged, origin, tax_total)
    amounts = [t.amount for t in merged]
    if tax_total is None or None in amounts:
        return merged
    kept = lines_making_the_totals(
        [a for a in amounts if a is not None], [t.base for t in merged], tax_total, net_total
    )
    return merged if kept is None else [merged[i] for i in kept]


def _last_page_taxes(lines: list[TaxLine], origin: list[int], tax_total: Decimal | None) -> list[TaxLine]:
    """Taxes printed per page and again for the whole invoice on the last one ("VAT 19 % 6.23" under page
    1's rows, "Total VAT 19 % 20.43" at the end) sum to more than the tax total: when keeping, for each
    rate, only its lines of the last page that prints it makes them sum to the total, the others were
    partial sums."""
    amounts = [t.amount or Decimal(0) for t in lines]
    if tax_total is None or len(set(origin)) < 2 or abs(sum(amounts, Decimal(0)) - tax_total) <= _CENT_SLACK:
        return lines
    last = {t.rate: page for t, page in zip(lines, origin, strict=True)}
    kept = [t for t, page in zip(lines, origin, strict=True) if page == last[t.rate]]
    if len(kept) < len(lines) and abs(
        sum((t.amount or Decimal(0) for t in kept), Decimal(0)) - tax_total
    ) <= (_CENT_SLACK * len(kept)):
        return kept
    return lines


def _bases_of_items(
    lines: list[TaxLine], items: Sequence[LineItem], net_total: Decimal | None
) -> list[TaxLine]:
    """Bases of several rates that no page printed, their items spread over pages (each page's items sum
    to no rate's base): the one sharing of all the items among the rates that gives every rate's tax to
    the cent, when the items add up to the net total."""
    amounts = [i.amount for i in items]
    taxes = [(t.rate, t.amount) for t in lines if t.rate and t.amount is not None and t.base is None]
    if (
        net_total is None
        or len(taxes) < 2
        or len(taxes) != len(lines)
        or len({r for r, _ in taxes}) < len(taxes)
    ):
        return lines
    known = [a for a in amounts if a is not None]
    if len(known) != len(amounts) or not _adds_up(known, net_total):
        return lines
    bases = shared_item_bases(taxes, known)
    if bases is None:
        return lines
    return [line.model_copy(update={"base": base}) for line, base in zip(lines, bases, strict=True)]


def _same_tax(a: TaxLine, b: TaxLine) -> bool:
    """One tax read on two pages, once without its base (or rate): equal amounts, and every part that
    both print agrees."""
    one_lacks = (a.base is None) != (b.base is None) or (a.rate is None) != (b.rate is None)
    return (
        one_lacks
        and a.amount is not None
        and a.amount == b.amount
        and (a.rate is None or b.rate is None or a.rate == b.rate)
        and (a.base is None or b.base is None or a.base == b.base)
    )


def _completed(a: TaxLine, b: TaxLine) -> TaxLine:
    return TaxLine(
        rate=a.rate if a.rate is not None else b.rate,
        base=a.base if a.base is not None else b.base,
        amount=a.amount,
    )


def merge_line_items(
    pages: Sequence[PageExtraction],
    net_total: Decimal | None,
    tax_rates: Sequence[Decimal] = (),
    gross_total: Decimal | None = None,
) -> list[LineItem]:
    """Items of all pages in page order, as contract items.

    A page that could not settle its amount column alone (a table of totals incl. tax continued over
    pages, mixed rates without a rate column, a single row; or amounts replaced by row arithmetic without
    a net total to confirm it) carries each row's other reading: a page's alternatives replace its amounts
    when exactly one choice of pages makes the items add up to the document's net total and the amounts
    chosen do not. A charge row (no quantity and price: freight, packaging) of such a table may then lose
    its tax at one of the document's tax rates, under the same uniqueness rule.

    Failing an exact choice (a row whose quantity or price was misread spoils every page sum), a table
    of amounts incl. tax is told by its gross total: when the rows' gross readings add up to the
    document's gross total, each row takes its net reading (see ``_nets_of_gross_rows``).
    """
    page_items = _without_carried_sums(_join_carried_text(pages), net_total)
    chosen = [[item.amount for item in items] for items in page_items]
    flat = [item for items in page_items for item in items]
    amounts = [a for page in chosen for a in page]
    if net_total is not None and None not in amounts and not _adds_up(amounts, net_total):
        settled = _settle(page_items, chosen, net_total, tax_rates)
        if settled is None and gross_total is not None:
            settled = _nets_of_gross_rows(flat, amounts, gross_total, tax_rates)
        amounts = settled or amounts
    return [
        LineItem(
            description=item.description, quantity=item.quantity, unit_price=item.unit_price, amount=amount
        )
        for item, amount in zip(flat, amounts, strict=True)
    ]


def _join_carried_text(pages: Sequence[PageExtraction]) -> list[list[PageLineItem | LineItem]]:
    """Each page's items, the last item of a page whose table ran to its foot completed by the text
    atop the next page's table (its wrapped lines went over the page break)."""
    page_items = [list(page.line_items) for page in pages]
    last: tuple[int, bool] | None = None  # (page, its table continues) of the last page with items
    for n, page in enumerate(pages):
        if page.carried_description and last is not None and last[1]:
            items = page_items[last[0]]
            joined = f"{items[-1].description} {page.carried_description}".strip()
            items[-1] = items[-1].model_copy(update={"description": joined})
        if page.line_items:
            last = (n, page.items_continue)
    return page_items


def _without_carried_sums(
    page_items: list[list[LineItem]], net_total: Decimal | None
) -> list[list[LineItem]]:
    """Pages without the rows that carry the running sum between them: a row of an amount alone (no
    quantity, no price) first on a page ("brought forward") or last on a page before more items
    ("carried forward") whose amount is the sum of all items before it (as read: a table of totals incl.
    tax carries those, while its items report net amounts). Kept when the document's net total counts
    them as items."""
    if net_total is not None and _adds_up([i.amount for items in page_items for i in items], net_total):
        return page_items
    kept: list[list[LineItem]] = []
    before: list[LineItem] = []  # the items kept so far
    last_page = max((n for n, items in enumerate(page_items) if items), default=-1)
    for n, page in enumerate(page_items):
        rows = list(page)
        if n > 0 and rows and _carries(rows[0], before):
            rows = rows[1:]
        if n < last_page and rows and _carries(rows[-1], before + rows[:-1]):
            rows = rows[:-1]
        kept.append(rows)
        before += rows
    return kept


def _carries(item: LineItem, before: list[LineItem]) -> bool:
    if item.quantity is not None or item.unit_price is not None or item.amount is None or len(before) < 2:
        return False
    read = [_alternative(i) or i.amount for i in before]
    return _adds_up([i.amount for i in before], item.amount) or _adds_up(read, item.amount)


# Beyond this many choices (pages with alternatives × charge rates) no search: it grows exponentially.
_MAX_CHOICES = 4096


def _settle(
    page_items: list[list[LineItem]],
    chosen: list[list[Decimal | None]],
    net_total: Decimal,
    rates: Sequence[Decimal],
) -> list[Decimal | None] | None:
    """The one choice of pages taking their alternatives (and, failing that, of charge rates) whose
    amounts add up to the net total; ``None`` when none or several do."""
    alternatives = [[_alternative(item) for item in items] for items in page_items]
    switchable = [n for n, alts in enumerate(alternatives) if any(a is not None for a in alts)]
    if not switchable or 2 ** len(switchable) > _MAX_CHOICES:
        return None
    candidates: list[list[Decimal | None]] = []
    for flags in itertools.product((False, True), repeat=len(switchable)):
        if not any(flags):
            continue
        pages = [list(amounts) for amounts in chosen]
        for n, take in zip(switchable, flags, strict=True):
            if take:
                pages[n] = [
                    alt if alt is not None else a for alt, a in zip(alternatives[n], pages[n], strict=True)
                ]
        candidates.append([a for page in pages for a in page])
    found = _unique(candidates, net_total)
    if found is not None or not rates:
        return found
    items = [item for items in page_items for item in items]
    charges = [
        (i, nets)
        for i, item in enumerate(items)
        if (item.quantity is None or item.unit_price is None)
        and item.amount is not None
        and (nets := _nets_of_charge(item.amount, rates))
    ]
    if not charges or len(candidates) * math.prod(len(n) + 1 for _, n in charges) > _MAX_CHOICES:
        return None
    with_charges: list[list[Decimal | None]] = []
    for candidate in candidates:
        for choice in itertools.product(*[[None, *nets] for _, nets in charges]):
            amounts = list(candidate)
            for (index, _), net in zip(charges, choice, strict=True):
                if net is not None:
                    amounts[index] = net
            with_charges.append(amounts)
    return _unique(with_charges, net_total)


def _nets_of_gross_rows(
    items: Sequence[LineItem],
    amounts: Sequence[Decimal | None],
    gross_total: Decimal,
    rates: Sequence[Decimal],
) -> list[Decimal | None] | None:
    """Each row's net amount when the table's amounts are its gross (incl. tax) amounts, told row by row.

    A row's two readings (the amount chosen and its alternative, or quantity × price) are its net and
    gross amount when gross = net × (1 + r) for a rate r of the document's tax lines. A row without such a
    pair (a charge, a row whose quantity or price was misread) loses its tax only where exactly one rate
    fits. Taken only when the gross readings of all rows add up to the document's gross total: a rule on
    the whole table, not on any one row."""
    positive = sorted({r for r in rates if 0 < r < 100})
    known = [a for a in amounts if a is not None]
    if not positive or len(known) != len(amounts):
        return None
    grosses: list[Decimal] = []
    nets: list[Decimal | None] = []
    for item, amount in zip(items, known, strict=True):
        pair = _net_and_gross(item, amount, positive)
        if pair is None:
            # A row whose product is its amount is net already (a rate of 0 %); else one rate must fit.
            product = _product(item)
            charge = _nets_of_charge(amount, positive) if product is None or product != amount else []
            pair = (charge[0] if len(charge) == 1 else amount, amount)
        nets.append(pair[0])
        grosses.append(pair[1])
    if nets == known or not _adds_up(grosses, gross_total):
        return None
    return nets


def _net_and_gross(
    item: LineItem, amount: Decimal, rates: Sequence[Decimal]
) -> tuple[Decimal, Decimal] | None:
    """(net, gross) of a row whose readings differ by one of the rates: the amount chosen, its alternative
    and quantity × unit price are the readings (a credit note's negative ones alike)."""
    known = [r for r in (amount, _alternative(item), _product(item)) if r is not None]
    # A gross unit price rounded to the cent is off by up to half a cent per unit.
    slack = _CENT_SLACK * max(Decimal(1), abs(item.quantity or Decimal(1)))
    for net, gross in itertools.permutations(known, 2):
        same_sign = net and (net > 0) == (gross > 0) and abs(gross) > abs(net)
        if same_sign and any(abs(net * (1 + rate / 100) - gross) <= slack for rate in rates):
            return net, gross
    return None


def _product(item: LineItem) -> Decimal | None:
    if item.quantity is None or item.unit_price is None:
        return None
    return to_money(item.quantity * item.unit_price)


def _alternative(item: LineItem) -> Decimal | None:
    return item.alternative_amount if isinstance(item, PageLineItem) else None


def _unique(candidates: list[list[Decimal | None]], net_total: Decimal) -> list[Decimal | None] | None:
    found: list[list[Decimal | None]] = []
    for amounts in candidates:
        if _adds_up(amounts, net_total) and amounts not in found:
            found.append(amounts)
    return found[0] if len(found) == 1 else None


def _adds_up(amounts: Sequence[Decimal | None], total: Decimal) -> bool:
    # Every line amount may be off by a cent of rounding.
    known = [a for a in amounts if a is not None]
    return abs(sum(known, Decimal(0)) - total) <= _CENT_SLACK * max(1, len(known))


def _nets_of_charge(amount: Decimal, rates: Sequence[Decimal]) -> list[Decimal]:
    """amount / (1 + rate) for each distinct positive rate where net + its tax, rounded, is the amount."""
    out: list[Decimal] = []
    for rate in sorted(set(rates)):
        if not 0 < rate < 100:
            continue
        net = to_money(amount / (1 + rate / 100))
        if net + to_money(net * rate / 100) == amount and net not in out:
            out.append(net)
    return out


def aggregate(
    document: DocumentInfo,
    pages: Sequence[PageExtraction],
    *,
    method: str = "generic",
    document_extraction: DocumentExtraction | None = None,
) -> AggregatedInvoice:
    """Merge the pages into one invoice; a whole-document result (e-invoice, template) wins over them."""
    ordered = sorted(pages, key=lambda p: p.page_number)
    fields = merge_fields(ordered)
    _complete_totals(fields)
    _apply_payment_terms(fields)
    net_total = _decimal(fields, "totals.net")
    tax_lines = merge_tax_lines(ordered, _decimal(fields, "totals.tax"), net_total)
    line_items = merge_line_items(
        ordered,
        net_total,
        [t.rate for t in tax_lines if t.rate is not None],
        gross_total=_decimal(fields, "totals.gross"),
    )
    invoice = AggregatedInvoice(
        document=document,
        invoice_number=_text(fields, "invoice_number"),
        issue_date=_date(fields, "issue_date"),
        due_date=_date(fields, "due_date"),
        currency=_text(fields, "currency"),
        issuer=Issuer(
            name=_text(fields, "issuer.name"),
            vat_id=_text(fields, "issuer.vat_id"),
            iban=_text(fields, "issuer.iban"),
            bic=_text(fields, "issuer.bic"),
            address=_text(fields, "issuer.address"),
        ),
        recipient=Recipient(
            name=_text(fields, "recipient.name"),
            vat_id=_text(fields, "recipient.vat_id"),
            address=_text(fields, "recipient.address"),
        ),
        totals=Totals(
            net=_decimal(fields, "totals.net"),
            tax=_decimal(fields, "totals.tax"),
            gross=_decimal(fields, "totals.gross"),
        ),
        tax_lines=_bases_of_items(tax_lines, line_items, net_total),
        line_items=line_items,
        confidence={name: round(field.confidence, 3) for name, field in sorted(fields.items())},
        pages=[PageInfo(page_number=p.page_number, text_source=p.text_source) for p in ordered],
        extractor=ExtractorInfo(method=method, version=EXTRACTOR_VERSION),
    )
    invoice.validation = validate(invoice)
    if document_extraction is not None:
        from invoiceflow.domain.document_level import apply_document_extraction

        invoice = apply_document_extraction(invoice, document_extraction, ordered)
    return invoice
