"""Inputs and outputs of the workflows and of the activities that only the workflow layer uses.

Everything crossing the workflow history is a small model of references (blob keys, page metadata,
extracted fields), never document bytes.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from invoiceflow.domain.models import AggregatedInvoice, InvoiceRequest, PageExtraction, PageMetadata
from invoiceflow.services.stored import StoredPageExtraction

DEFAULT_PAGES_PER_BATCH = 8
SUMMARY_KEY_PREFIX = "summary:"  # + invoice id: where v2 stores an ``InvoiceSummary``


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class InvoiceWorkflowInput(_Model):
    request: InvoiceRequest
    # 0: never wait for a human; the result is final with ``validation.needs_review`` set.
    review_timeout_seconds: float = Field(default=0.0, ge=0.0)
    # Pages extracted directly by the parent up to this count; beyond it, child workflows of this size.
    pages_per_batch: int = Field(default=DEFAULT_PAGES_PER_BATCH, ge=1)


class PageBatchInput(_Model):
    pages: list[PageMetadata]


class PageBatchResult(_Model):
    # References to the stored extractions (``services/stored.py``); the fields themselves in the history
    # of an instance started before extractions were stored.
    pages: list[StoredPageExtraction | PageExtraction]


class ReviewAction(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    CORRECT = "correct"


class ReviewDecision(_Model):
    """The payload of the external event ``review``. ``corrections`` patch fields of the result by dotted
    contract name (``totals.gross``, ``issuer.name``...); they imply approval unless ``action`` rejects."""

    action: ReviewAction = ReviewAction.APPROVE
    corrections: dict[str, Any] = Field(default_factory=dict)
    reviewer: str | None = None
    comment: str | None = None


class InvoiceStatus(StrEnum):
    PROCESSED = "processed"  # no review needed
    NEEDS_REVIEW = "needs_review"  # review needed, nobody waited (review timeout 0)
    APPROVED = "approved"
    CORRECTED = "corrected"
    REJECTED = "rejected"
    REVIEW_TIMEOUT = "review_timeout"


class InvoiceWorkflowResult(_Model):
    invoice_id: str
    status: InvoiceStatus
    invoice: AggregatedInvoice  # the file's invoice (its first one when it holds several)
    # Every invoice in page order when the file held several (a batch scan); empty for the usual single
    # invoice, so that result keeps its shape. ``all_invoices`` reads both cases.
    invoices: list[AggregatedInvoice] = Field(default_factory=list)
    review: ReviewDecision | None = None
    completed_at: str  # from ctx.current_utc_datetime: deterministic on replay

    @property
    def all_invoices(self) -> list[AggregatedInvoice]:
        return list(self.invoices) or [self.invoice]


class Progress(_Model):
    """The workflow's custom status: what a progress bar shows."""

    stage: Literal["upload", "split", "extract", "aggregate", "review", "save", "done", "failed"]
    pages_done: int = 0
    pages_total: int = 0


class InvoiceEvent(_Model):
    """Published on ``invoice.processed`` / ``invoice.needs_review`` / ``invoice.failed``."""

    topic: str
    invoice_id: str
    status: str
    needs_review: bool = False
    error_code: str | None = None
    message: str | None = None


class InvoiceSummary(_Model):
    """What ``invoice_workflow_v2`` stores beside the result (key ``summary:<invoice id>``): a dashboard
    reads it without loading the whole result."""

    invoice_id: str
    status: str
    invoice_number: str | None = None
    gross: str | None = None
    currency: str | None = None
    needs_review: bool
    workflow: str
    completed_at: str


class SaveAndPublishInput(_Model):
    """The last step of a run: save ``result`` (key = invoice id) and, from v2 on, ``summary``, then
    publish ``event``; one activity, so the workflow pays one scheduling round for all of it."""

    result: InvoiceWorkflowResult
    event: InvoiceEvent
    summary: InvoiceSummary | None = None


class AggregateAndFinishInput(_Model):
    """v3's aggregate step: ``aggregate`` (an ``AggregateRequest``; its pages as ``StoredPageExtraction``
    references) and what deciding the end needs."""

    aggregate: dict[str, Any]  # passed on to the aggregate service as it is (it validates it)
    review_timeout_seconds: float = Field(default=0.0, ge=0.0)
    workflow: str  # the version whose summary is written


class AggregateAndFinishResult(_Model):
    """``result`` when the step saved and published it (nobody to wait for); else the aggregated
    ``invoices`` (``AggregatedInvoice`` JSON), for the workflow to wait for a review."""

    result: dict[str, Any] | None = None
    invoices: list[dict[str, Any]] = Field(default_factory=list)
