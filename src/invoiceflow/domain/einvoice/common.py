"""Shared pieces of the e-invoice readers: the error, value parsing and the result builder."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import TYPE_CHECKING, Literal

from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError
from invoiceflow.domain.models import DocumentExtraction, FieldValue, LineItem, TaxLine

if TYPE_CHECKING:
    from lxml import etree

METHOD = "facturx"
# UNTDID 1001 document type codes that mean "credit note": the XML carries positive amounts, the
# contract shows credit notes with negative totals (as the template-free path reads them).
CREDIT_NOTE_TYPE_CODES = frozenset(
    {"81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532"}
)
# A document-level e-invoice is exact: every field it carries gets full confidence.
EXACT = 1.0


class EInvoiceMalformedError(InvoiceFlowError):
    """XML that claims to be an e-invoice but cannot be parsed or misses its mandatory structure."""

    code = ErrorCode.EINVOICE_MALFORMED


@cache
def _parser() -> etree.XMLParser:
    from lxml import etree

    # Refuse entity expansion and network access: e-invoices come from strangers.
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def parse_xml(data: bytes) -> etree._Element:
    """Parse untrusted XML (lxml is imported here, only when there is XML to read)."""
    from lxml import etree

    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise EInvoiceMalformedError(f"e-invoice XML does not parse: {exc}") from exc
    if root is None:
        raise EInvoiceMalformedError("e-invoice XML is empty")
    return root


def clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text or None


def to_decimal(text: str | None) -> Decimal | None:
    text = clean(text)
    if text is None:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise EInvoiceMalformedError(f"not a decimal number: {text!r}") from exc
    if not value.is_finite():
        raise EInvoiceMalformedError(f"not a finite number: {text!r}")
    return value


def to_date(text: str | None) -> date | None:
    """CII format 102 (``YYYYMMDD``) or UBL ISO 8601 (``YYYY-MM-DD``)."""
    text = clean(text)
    if text is None:
        return None
    compact = text.replace("-", "")
    if len(compact) != 8 or not compact.isdigit():
        raise EInvoiceMalformedError(f"not a date: {text!r}")
    try:
        return date(int(compact[:4]), int(compact[4:6]), int(compact[6:]))
    except ValueError as exc:
        raise EInvoiceMalformedError(f"not a date: {text!r}") from exc


def join_address(parts: list[str | None]) -> str | None:
    present = [part for part in (clean(p) for p in parts) if part]
    return ", ".join(present) if present else None


def negate(value: Decimal | None, credit: bool) -> Decimal | None:
    return -value if credit and value is not None else value


class ResultBuilder:
    """Collects the fields an e-invoice carries into a ``DocumentExtraction`` (confidence 1.0 each)."""

    def __init__(self, profile: str | None, syntax: Literal["CII", "UBL"]) -> None:
        self.extraction = DocumentExtraction(method=METHOD, profile=profile, syntax=syntax)

    def text(self, name: str, value: str | None) -> None:
        value = clean(value)
        if value is not None:
            self.extraction.fields[name] = FieldValue(value=value, confidence=EXACT)

    def amount(self, name: str, value: Decimal | None) -> None:
        if value is not None:
            self.extraction.fields[name] = FieldValue(value=str(value), confidence=EXACT)

    def day(self, name: str, value: date | None) -> None:
        if value is not None:
            self.extraction.fields[name] = FieldValue(value=value.isoformat(), confidence=EXACT)

    def tax_line(self, line: TaxLine) -> None:
        self.extraction.tax_lines.append(line)

    def line_item(self, item: LineItem) -> None:
        self.extraction.line_items.append(item)
