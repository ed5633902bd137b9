"""Pydantic v2 models: the JSON contract (version "1") and the per-page intermediate results.

Money is a ``Decimal`` serialised as a string with two decimals; quantities keep their own precision;
dates are ISO 8601. ``AggregatedInvoice`` is the public contract every engine (in-process CLI, Dapr,
Prefect) returns for the same PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

SCHEMA_VERSION: Literal["1"] = "1"
CENT = Decimal("0.01")


def to_money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _money_str(value: Decimal) -> str:
    return str(to_money(value))


def _plain_decimal_str(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


Money = Annotated[
    Decimal,
    PlainSerializer(_money_str, return_type=str, when_used="always"),
    Field(json_schema_extra={"type": "string", "pattern": r"^-?\d+\.\d{2}$"}),
]
Quantity = Annotated[
    Decimal,
    PlainSerializer(_plain_decimal_str, return_type=str, when_used="always"),
    Field(json_schema_extra={"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}),
]
Rate = Money  # tax rates in percent, two decimals: "19.00"


# Default factories as plain functions: pydantic inspects a factory's signature when it builds a model,
# and for the ``list``/``dict`` builtins that parses their text signature (~2 % of a one-shot CLI run).
def _empty_list() -> list[Any]:
    return []


def _empty_dict() -> dict[str, Any]:
    return {}


class Contract(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class TextSource(StrEnum):
    TEXT_LAYER = "text_layer"
    OCR = "ocr"
    EINVOICE = "einvoice"


class OcrMode(StrEnum):
    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


class PageRange(Contract):
    """The pages (1-based, inclusive) one invoice occupies in a file that holds several invoices."""

    first: int = Field(ge=1)
    last: int = Field(ge=1)


class DocumentInfo(Contract):
    sha256: str
    filename: str | None = None
    page_count: int
    # Set only when the file held several invoices: the pages of this one.
    page_range: PageRange | None = None


class Issuer(Contract):
    name: str | None = None
    vat_id: str | None = None
    iban: str | None = None
    bic: str | None = None
    address: str | None = None


class Recipient(Contract):
    name: str | None = None
    vat_id: str | None = None
    address: str | None = None


class Totals(Contract):
    net: Money | None = None
    tax: Money | None = None
    gross: Money | None = None


class TaxLine(Contract):
    rate: Rate | None = None
    base: Money | None = None
    amount: Money | None = None


class LineItem(Contract):
    description: str
    quantity: Quantity | None = None
    unit_price: Money | None = None
    amount: Money | None = None


class ValidationIssue(Contract):
    code: str
    message: str
    field: str | None = None


class ValidationReport(Contract):
    needs_review: bool = False
    issues: list[ValidationIssue] = Field(default_factory=_empty_list)


class PageInfo(Contract):
    page_number: int
    text_source: TextSource


class ExtractorInfo(Contract):
    method: str = "generic"  # "generic" | "facturx" | "template:<name>"
    version: str
    # E-invoice profile when method is "facturx": MINIMUM, BASIC WL, BASIC, EN16931, EXTENDED, XRECHNUNG
    # (ZUGFeRD 1.0 COMFORT is reported as EN16931); the syntax read: CII or UBL.
    profile: str | None = None
    syntax: Literal["CII", "UBL"] | None = None


class AggregatedInvoice(Contract):
    """The public result for one invoice: JSON contract version "1"."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    document: DocumentInfo
    invoice_number: str | None = None
    issue_date: date | None = None
    due_date: date | None = None
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    issuer: Issuer = Field(default_factory=Issuer)
    recipient: Recipient = Field(default_factory=Recipient)
    totals: Totals = Field(default_factory=Totals)
    tax_lines: list[TaxLine] = Field(default_factory=_empty_list)
    line_items: list[LineItem] = Field(default_factory=_empty_list)
    confidence: dict[str, float] = Field(default_factory=_empty_dict)
    validation: ValidationReport = Field(default_factory=ValidationReport)
    pages: list[PageInfo] = Field(default_factory=_empty_list)
    extractor: ExtractorInfo


# --- per-page intermediate results (what one extract activity returns) -------------------------


@dataclass(frozen=True, slots=True, init=False)
class Word:
    """A word on a page with its box in PDF points, origin top-left (y grows downwards).

    A plain dataclass, not a pydantic model: pages hold hundreds of words, they never cross a process
    boundary (the extract stage reads its page PDF itself), and building them is on the text path.
    Still immutable (assignment raises ``FrozenInstanceError``); ``__init__`` sets the slots through
    their descriptors, about twice as fast as the generated frozen ``__init__`` (``object.__setattr__``).
    """

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    def __init__(self, text: str, x0: float, y0: float, x1: float, y1: float) -> None:
        _set_text(self, text)
        _set_x0(self, x0)
        _set_y0(self, y0)
        _set_x1(self, x1)
        _set_y1(self, y1)


_set_text, _set_x0, _set_y0, _set_x1, _set_y1 = (
    Word.__dict__[name].__set__ for name in ("text", "x0", "y0", "x1", "y1")
)


@dataclass(slots=True)
class PageText:
    """The words of one page, from the text layer or from OCR."""

    page_number: int
    width: float
    height: float
    text_source: TextSource
    words: list[Word] = field(default_factory=list)


class FieldValue(Contract):
    """One candidate value for a contract field found on a page, with its confidence in [0, 1]."""

    value: str
    confidence: float = Field(ge=0.0, le=1.0)


class PageLineItem(LineItem):
    """A line item as one page found it. ``alternative_amount`` (not part of the contract) is the other
    reading of the line's net amount where the page alone could not settle it (no net total on the page
    to confirm either): quantity × unit price × (1 − discount) when the amount read was kept, the amount
    read when arithmetic replaced it. Aggregation takes a page's alternatives when the document's net
    total confirms them and not the amounts chosen."""

    alternative_amount: Money | None = None


# A page-level field that is not part of the contract: payment terms in days, reported by a page that
# shows terms ("Net 30") but no issue date; aggregation turns it into the due date.
PAYMENT_TERM_DAYS = "payment_terms.days"


# Defined before ``PageExtraction``, which holds one: the model is then complete when its class is built
# (a forward reference would make pydantic build its schema again on first use).
class PageMarker(Contract):
    """A printed "page N of M" found on a page: where one invoice of a batch starts and ends."""

    page_number: int
    index: int
    total: int | None = None


class PageExtraction(Contract):
    """Fields, tax lines and line items found on one page; merged by ``aggregate``.

    ``fields`` uses the contract's dotted names: ``invoice_number``, ``issue_date``, ``due_date``,
    ``currency``, ``issuer.name``, ``issuer.vat_id``, ``issuer.iban``, ``issuer.bic``,
    ``issuer.address``, ``recipient.name``, ``recipient.vat_id``, ``recipient.address``,
    ``totals.net``, ``totals.tax``, ``totals.gross``. Values are normalised strings (ISO dates,
    decimal strings, ISO 4217 codes).
    """

    page_number: int
    text_source: TextSource
    fields: dict[str, FieldValue] = Field(default_factory=_empty_dict)
    tax_lines: list[TaxLine] = Field(default_factory=_empty_list)
    # Plain ``LineItem``s are accepted as well (templates, tests): they carry no alternative amount.
    line_items: list[PageLineItem | LineItem] = Field(default_factory=_empty_list)
    # True when this page's items table ran to the page end without a closing total.
    items_continue: bool = False
    # Text atop this page's items table, above its first row: the end of the previous page's last item
    # when that page's table continued (a page break inside a wrapped description).
    carried_description: str = ""
    # The "page N of M" printed on the page (its text layer), for splitting a batch scan: found where
    # the page's text is read anyway, so the split stage reads no text.
    page_marker: PageMarker | None = None


# --- stage contracts: what each pipeline stage (service, activity, task) takes and returns ----------


class InvoiceRequest(Contract):
    """Start of the pipeline: a PDF by path (below an allowed base dir), by URL, or already uploaded."""

    model_config = ConfigDict(defer_build=True)  # a stage contract: built on first use, not on import

    invoice_id: str | None = None
    pdf_path: str | None = None
    pdf_url: str | None = None
    blob_key: str | None = None  # a PDF already in the blob store (HTTP upload)
    filename: str | None = None
    ocr: OcrMode = OcrMode.AUTO


class UploadResult(Contract):
    model_config = ConfigDict(defer_build=True)  # a stage contract: built on first use, not on import

    invoice_id: str
    blob_key: str  # content-addressed: the same bytes give the same key
    sha256: str
    filename: str | None = None
    size_bytes: int
    page_count: int
    ocr: OcrMode = OcrMode.AUTO


class PageMetadata(Contract):
    """A reference to one page in the blob store: what an extract activity receives."""

    model_config = ConfigDict(defer_build=True)  # a stage contract: built on first use, not on import

    invoice_id: str
    page_number: int
    page_count: int
    pdf_blob_key: str
    # This page's 1-based number in the PDF at ``pdf_blob_key``: the split stage saves consecutive pages
    # as one PDF (fewer blobs to write); 1 for a one-page PDF.
    pdf_page_index: int = Field(default=1, ge=1)
    png_blob_key: str | None = None
    width: float
    height: float
    ocr: OcrMode = OcrMode.AUTO


class DocumentExtraction(Contract):
    """What whole-document extractors found (embedded/bare e-invoice XML, a matching template).

    Computed once in the split stage (it needs the whole file) and handed to ``aggregate``: ``method``
    is ``"facturx"`` or ``"template:<name>"`` when one matched, ``None`` otherwise; ``issues`` carries
    problems such as ``EINVOICE_MALFORMED`` that must reach the reviewer even when the text result wins.
    """

    method: str | None = None
    profile: str | None = None
    syntax: Literal["CII", "UBL"] | None = None
    fields: dict[str, FieldValue] = Field(default_factory=_empty_dict)
    tax_lines: list[TaxLine] = Field(default_factory=_empty_list)
    line_items: list[LineItem] = Field(default_factory=_empty_list)
    issues: list[ValidationIssue] = Field(default_factory=_empty_list)
    # Set only by splits before page markers moved to ``PageExtraction.page_marker`` (histories in flight).
    page_markers: list[PageMarker] = Field(default_factory=_empty_list)


class SplitResult(Contract):
    model_config = ConfigDict(defer_build=True)  # a stage contract: built on first use, not on import

    invoice_id: str
    document: DocumentInfo
    pages: list[PageMetadata]
    document_extraction: DocumentExtraction | None = None


class AggregateRequest(Contract):
    model_config = ConfigDict(defer_build=True)  # a stage contract: built on first use, not on import

    invoice_id: str
    document: DocumentInfo
    pages: list[PageExtraction]
    document_extraction: DocumentExtraction | None = None


class AggregateResult(Contract):
    """What the aggregate stage returns for one file: its invoices in page order (one, or several when
    the PDF holds a batch of invoices; see ``document_level.aggregate_document``)."""

    model_config = ConfigDict(defer_build=True)  # a stage contract: built on first use, not on import

    invoices: list[AggregatedInvoice] = Field(min_length=1)
