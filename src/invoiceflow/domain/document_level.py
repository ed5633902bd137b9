"""Whole-document extraction (embedded e-invoice XML, invoice2data templates) and how its result merges
into the invoice the per-page pipeline built.

``extract_document_level`` runs once in the split stage, where the whole PDF is at hand; its small
``DocumentExtraction`` rides in ``SplitResult`` / ``AggregateRequest`` to ``aggregate``, which calls
``apply_document_extraction``. ``aggregate_document`` is the aggregate stage for files that may hold
several invoices: one ``AggregatedInvoice`` per invoice found, split by the pages' own results (printed
page markers, invoice numbers, headers: ``batch.invoice_ranges``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from invoiceflow.domain.models import (
    AggregatedInvoice,
    DocumentExtraction,
    DocumentInfo,
    ExtractorInfo,
    Issuer,
    PageExtraction,
    PageRange,
    Recipient,
    Totals,
    ValidationIssue,
)
from invoiceflow.domain.validation import IssueCode, validate

# Fields compared between an e-invoice and the visible page. Names and addresses are left out on
# purpose: their printed form (line breaks, legal-form abbreviations) differs from the XML too often
# for a disagreement to mean anything.
CROSS_CHECKED = (
    "invoice_number",
    "issue_date",
    "due_date",
    "currency",
    "issuer.vat_id",
    "issuer.iban",
    "recipient.vat_id",
    "totals.net",
    "totals.tax",
    "totals.gross",
)
# Page values below this confidence are guesses; a guess that disagrees is not worth a review.
CROSS_CHECK_MIN_CONFIDENCE = 0.5


def extract_document_level(pdf: bytes, *, templates: Path | None = None) -> DocumentExtraction | None:
    """Embedded e-invoice first (exact), else a matching template. Reads page text only for templates:
    batch page markers come with each page's extraction (``PageExtraction.page_marker``)."""
    from invoiceflow.domain.einvoice import extract_embedded
    from invoiceflow.domain.pdf_document import opened

    with opened(pdf) as document:
        embedded = extract_embedded(document)
        if embedded is not None and embedded.method is not None:
            return embedded  # one e-invoice describes one invoice: no batch split, no template
        texts = _page_texts(document) if templates is not None else []
    result = embedded or DocumentExtraction()
    if templates is not None and texts:
        from invoiceflow.domain.templates import load_templates, match_template

        matched = match_template("\n".join(texts), load_templates(templates))
        if matched is not None:
            matched.issues = result.issues
            result = matched
    if result.method is None and not result.issues:
        return None
    return result


def _page_texts(document: object) -> list[str]:
    """Raw text of every page (pdfium's own reading order), enough for keywords and markers."""
    texts: list[str] = []
    for index in range(len(document)):  # type: ignore[arg-type]
        page = document[index]  # type: ignore[index]
        textpage = page.get_textpage()
        try:
            texts.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
        finally:
            textpage.close()
            page.close()
    return texts


def extract_xml_document(data: bytes, *, filename: str | None = None) -> AggregatedInvoice:
    """A bare e-invoice XML file (CII or UBL) as a contract invoice; malformed → ``EINVOICE_MALFORMED``."""
    import hashlib

    from invoiceflow.domain.aggregate import aggregate
    from invoiceflow.domain.einvoice import read_einvoice_xml

    extraction = read_einvoice_xml(data)
    document = DocumentInfo(sha256=hashlib.sha256(data).hexdigest(), filename=filename, page_count=0)
    return aggregate(document, [], document_extraction=extraction)


# --- merging --------------------------------------------------------------------------------------


def _normalised(name: str, value: str) -> object:
    if name.startswith("totals."):
        try:
            return Decimal(value).quantize(Decimal("0.01"))
        except InvalidOperation:
            return value
    if name.endswith("_date"):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return "".join(ch for ch in value.casefold() if ch.isalnum())


def cross_check(extraction: DocumentExtraction, pages: Sequence[PageExtraction]) -> list[ValidationIssue]:
    """An ``EINVOICE_MISMATCH`` issue per field where the visible page says something else."""
    from invoiceflow.domain.aggregate import merge_fields

    seen = merge_fields(pages)
    issues: list[ValidationIssue] = []
    for name in CROSS_CHECKED:
        xml_value, page_value = extraction.fields.get(name), seen.get(name)
        if xml_value is None or page_value is None or page_value.confidence < CROSS_CHECK_MIN_CONFIDENCE:
            continue
        if _normalised(name, xml_value.value) != _normalised(name, page_value.value):
            issues.append(
                ValidationIssue(
                    code=IssueCode.EINVOICE_MISMATCH.value,
                    message=f"{name}: the embedded e-invoice says {xml_value.value!r}, "
                    f"the visible page says {page_value.value!r}",
                    field=name,
                )
            )
    return issues


def _override(invoice: AggregatedInvoice, extraction: DocumentExtraction) -> AggregatedInvoice:
    fields = extraction.fields

    def pick(name: str, current: object, convert: Callable[[str], object] = str) -> object:
        field = fields.get(name)
        if field is None:
            return current
        try:
            return convert(field.value)
        except (ValueError, InvalidOperation):
            return current

    data = invoice.model_copy(deep=True)
    data.invoice_number = pick("invoice_number", data.invoice_number)  # type: ignore[assignment]
    data.issue_date = pick("issue_date", data.issue_date, date.fromisoformat)  # type: ignore[assignment]
    data.due_date = pick("due_date", data.due_date, date.fromisoformat)  # type: ignore[assignment]
    data.currency = pick("currency", data.currency)  # type: ignore[assignment]
    data.issuer = Issuer(
        **{part: pick(f"issuer.{part}", getattr(data.issuer, part)) for part in Issuer.model_fields}
    )
    data.recipient = Recipient(
        **{part: pick(f"recipient.{part}", getattr(data.recipient, part)) for part in Recipient.model_fields}
    )
    data.totals = Totals(
        **{part: pick(f"totals.{part}", getattr(data.totals, part), Decimal) for part in Totals.model_fields}
    )
    # The document-level source lists lines only when it has them (MINIMUM/BASIC WL carry none).
    if extraction.tax_lines:
        data.tax_lines = list(extraction.tax_lines)
    if extraction.line_items:
        data.line_items = list(extraction.line_items)
    confidence = dict(data.confidence)
    confidence.update({name: round(field.confidence, 3) for name, field in fields.items()})
    data.confidence = dict(sorted(confidence.items()))
    return data


def apply_document_extraction(
    invoice: AggregatedInvoice, extraction: DocumentExtraction, pages: Sequence[PageExtraction] = ()
) -> AggregatedInvoice:
    """The page-based ``invoice`` with the document-level result merged in and validated again."""
    extra = list(extraction.issues)
    merged = invoice
    if extraction.method is not None:
        merged = _override(invoice, extraction)
        merged.extractor = ExtractorInfo(
            method=extraction.method,
            version=invoice.extractor.version,
            profile=extraction.profile,
            syntax=extraction.syntax,
        )
        if extraction.syntax is not None:
            extra.extend(cross_check(extraction, pages))
    report = validate(merged)
    report.issues.extend(extra)
    report.needs_review = bool(report.issues)
    merged.validation = report
    return merged


def aggregate_document(
    document: DocumentInfo,
    pages: Sequence[PageExtraction],
    document_extraction: DocumentExtraction | None = None,
) -> list[AggregatedInvoice]:
    """The aggregate stage for a file: one invoice, or one per invoice when the PDF holds several."""
    from invoiceflow.domain.aggregate import aggregate
    from invoiceflow.domain.batch import invoice_ranges

    single_source = document_extraction is not None and document_extraction.syntax is not None
    # Markers come with the pages; a split before that release found them for the whole document (an
    # instance in flight across it may hold such a split and pages extracted before it).
    legacy = document_extraction.page_markers if document_extraction is not None else []
    by_page = {marker.page_number: marker for marker in legacy}
    by_page.update({page.page_number: page.page_marker for page in pages if page.page_marker is not None})
    markers = [by_page[number] for number in sorted(by_page)]
    ranges = [] if single_source else invoice_ranges(pages, markers)
    if len(ranges) <= 1:
        return [aggregate(document, pages, document_extraction=document_extraction)]
    # A template matched on the whole text describes one invoice at best: per range only the issues
    # (e.g. a broken embedded XML) carry over.
    carry = DocumentExtraction(issues=document_extraction.issues) if document_extraction else None
    invoices: list[AggregatedInvoice] = []
    for page_range in ranges:
        subset = [p for p in pages if page_range.first <= p.page_number <= page_range.last]
        part = document.model_copy(
            update={"page_range": PageRange(first=page_range.first, last=page_range.last)}
        )
        invoices.append(aggregate(part, subset, document_extraction=carry))
    return invoices
