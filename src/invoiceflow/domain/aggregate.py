"""Merge per-page extractions into one invoice and validate it.

``aggregate`` is pure: the in-process pipeline, the aggregate service and the Prefect task call exactly
this function, so every engine returns the same invoice for the same pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from invoiceflow.domain.models import (
    PAYMENT_TERM_DAYS,
    AggregatedInvoice,
    DocumentExtraction,
    DocumentInfo,
    ExtractorInfo,
    FieldValue,
    Issuer,
    PageExtraction,
    PageInfo,
    Recipient,
    TaxLine,
    Totals,
)
from invoiceflow.domain.validation import validate

EXTRACTOR_VERSION = "1.0.0"
# Totals stand at the end of an invoice: on equal confidence the later page wins for these fields.
_PREFER_LAST_PAGE = ("totals.",)
# A value completed from the other two totals is less certain than one read from the page.
_DERIVED_CONFIDENCE_FACTOR = 0.8


def merge_fields(pages: Sequence[PageExtraction]) -> dict[str, FieldValue]:
    """Pick, for each field, the most confident candidate over all pages."""
    chosen: dict[str, tuple[FieldValue, int]] = {}
    for page in sorted(pages, key=lambda p: p.page_number):
        for name, candidate in page.fields.items():
            current = chosen.get(name)
            prefer_later = name.startswith(_PREFER_LAST_PAGE)
            if (
                current is None
                or candidate.confidence > current[0].confidence
                or (prefer_later and candidate.confidence == current[0].confidence)
            ):
                chosen[name] = (candidate, page.page_number)
    return {name: value for name, (value, _) in chosen.items()}


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


def merge_tax_lines(pages: Sequence[PageExtraction]) -> list[TaxLine]:
    """Tax lines of all pages in page order, a line repeated on several pages kept once."""
    seen: set[tuple[Decimal | None, Decimal | None, Decimal | None]] = set()
    merged: list[TaxLine] = []
    for page in sorted(pages, key=lambda p: p.page_number):
        # Equal lines on one page are distinct taxes (CGST and SGST at 9 %); the page deduplicated them.
        page_keys = {(line.rate, line.base, line.amount) for line in page.tax_lines}
        merged.extend(line for line in page.tax_lines if (line.rate, line.base, line.amount) not in seen)
        seen |= page_keys
    return merged


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
        tax_lines=merge_tax_lines(ordered),
        line_items=[item for page in ordered for item in page.line_items],
        confidence={name: round(field.confidence, 3) for name, field in sorted(fields.items())},
        pages=[PageInfo(page_number=p.page_number, text_source=p.text_source) for p in ordered],
        extractor=ExtractorInfo(method=method, version=EXTRACTOR_VERSION),
    )
    invoice.validation = validate(invoice)
    if document_extraction is not None:
        from invoiceflow.domain.document_level import apply_document_extraction

        invoice = apply_document_extraction(invoice, document_extraction, ordered)
    return invoice
