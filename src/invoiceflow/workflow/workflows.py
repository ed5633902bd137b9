"""``invoice_workflow`` and ``page_batch_workflow``: deterministic generator functions.

upload → split → extract (fan-out: pages directly up to ``pages_per_batch``, beyond that one child
workflow per batch, all in parallel) → aggregate → optional human review (external event ``review``
raced against a durable timer) → save the result (state store, key = invoice id) and publish an event
(one activity: one scheduling round less). A file may hold several invoices (a batch scan): the
aggregate stage returns them all and the result lists them (``InvoiceWorkflowResult.invoices``).

Replay rules kept here: time only from ``ctx.current_utc_datetime``, no randomness or I/O (activities do
that), log only when not replaying, history carries references (blob keys, page metadata) only.

Replay cost: every orchestrator turn replays the whole history through these generators, so they pass
activity results on as the JSON they arrived as (the activities validated them already) instead of
re-validating and re-serialising them each turn. At 50 pages the aggregate result alone is ~200 KB;
turning it into models and back cost 50-160 ms per turn. Only small inputs and the review path (rare,
needs the models) are validated here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

from dapr.ext.workflow import DaprWorkflowContext, TaskFailedError, when_all, when_any

from invoiceflow.domain.errors import ErrorCode
from invoiceflow.domain.models import AggregatedInvoice
from invoiceflow.workflow.errors import InvoiceWorkflowError, split_code
from invoiceflow.workflow.models import (
    InvoiceEvent,
    InvoiceStatus,
    InvoiceWorkflowInput,
    Progress,
    ReviewDecision,
)
from invoiceflow.workflow.retry import INVOICE_RETRY
from invoiceflow.workflow.review import apply_review

log = logging.getLogger(__name__)

INVOICE_WORKFLOW = "invoice_workflow"
PAGE_BATCH_WORKFLOW = "page_batch_workflow"
REVIEW_EVENT = "review"

UPLOAD_ACTIVITY = "upload_pdf_activity"
SPLIT_ACTIVITY = "split_pdf_activity"
EXTRACT_ACTIVITY = "extract_page_activity"
AGGREGATE_ACTIVITY = "aggregate_invoice_activity"
SAVE_AND_PUBLISH_ACTIVITY = "save_and_publish_activity"
PUBLISH_ACTIVITY = "publish_event_activity"

TOPIC_PROCESSED = "invoice.processed"
TOPIC_NEEDS_REVIEW = "invoice.needs_review"
TOPIC_FAILED = "invoice.failed"

_TOPIC_BY_STATUS = {
    InvoiceStatus.PROCESSED: TOPIC_PROCESSED,
    InvoiceStatus.APPROVED: TOPIC_PROCESSED,
    InvoiceStatus.CORRECTED: TOPIC_PROCESSED,
    InvoiceStatus.REJECTED: TOPIC_PROCESSED,  # settled by a human: processing is over
    InvoiceStatus.NEEDS_REVIEW: TOPIC_NEEDS_REVIEW,
    InvoiceStatus.REVIEW_TIMEOUT: TOPIC_NEEDS_REVIEW,
}

Steps = Generator[Any, Any, Any]
Json = dict[str, Any]  # a model as JSON (``model_dump(mode="json")``), as the history carries it


SummaryOf = Callable[[Json], Json]  # the result's JSON → an ``InvoiceSummary``'s JSON


def invoice_workflow(ctx: DaprWorkflowContext, payload: Any) -> Steps:
    """v1: its steps must stay as they are while v1 instances may run (see ``versions.py``)."""
    return (yield from run_invoice(ctx, payload))


def run_invoice(ctx: DaprWorkflowContext, payload: Any, summary_of: SummaryOf | None = None) -> Steps:
    """The steps of every version; with ``summary_of`` (v2) the save step stores a summary too."""
    spec = InvoiceWorkflowInput.model_validate(_plain(payload))
    request = spec.request.model_copy(update={"invoice_id": spec.request.invoice_id or ctx.instance_id})
    invoice_id = str(request.invoice_id)
    _log(ctx, "invoice %s: started", invoice_id)
    try:
        _progress(ctx, Progress(stage="upload"))
        # Activity results are the JSON of UploadResult, SplitResult, StoredPageExtraction (a reference
        # to the page's fields in the blob store), AggregateResult.
        upload: Json = yield ctx.call_activity(
            UPLOAD_ACTIVITY, input=_dump(request), retry_policy=INVOICE_RETRY
        )
        _progress(ctx, Progress(stage="split", pages_total=int(upload["page_count"])))
        split: Json = yield ctx.call_activity(SPLIT_ACTIVITY, input=upload, retry_policy=INVOICE_RETRY)
        pages = yield from _extract_all(ctx, split["pages"], spec.pages_per_batch)
        total = len(pages)
        _progress(ctx, Progress(stage="aggregate", pages_done=total, pages_total=total))
        aggregate_request: Json = {  # an AggregateRequest
            "invoice_id": invoice_id,
            "document": split["document"],
            "pages": pages,
            "document_extraction": split.get("document_extraction"),
        }
        aggregated: Json = yield ctx.call_activity(
            AGGREGATE_ACTIVITY, input=aggregate_request, retry_policy=INVOICE_RETRY
        )
        invoices: list[Json] = aggregated["invoices"]
    except TaskFailedError as failure:
        code, message = split_code(failure.details.message)
        yield from _fail(ctx, invoice_id, code, message)
        raise AssertionError("unreachable") from None  # _fail always raises

    status: InvoiceStatus = InvoiceStatus.NEEDS_REVIEW if _needs_review(invoices) else InvoiceStatus.PROCESSED
    decision: ReviewDecision | None = None
    if status is InvoiceStatus.NEEDS_REVIEW and spec.review_timeout_seconds > 0:
        _progress(ctx, Progress(stage="review", pages_done=total, pages_total=total))
        _log(ctx, "invoice %s: waiting up to %ss for a review", invoice_id, spec.review_timeout_seconds)
        review = ctx.wait_for_external_event(REVIEW_EVENT)
        deadline = ctx.create_timer(ctx.current_utc_datetime + timedelta(seconds=spec.review_timeout_seconds))
        winner = yield when_any([review, deadline])
        if winner is review:
            decision = ReviewDecision.model_validate(_plain(review.get_result()) or {})
            status, reviewed = _apply_review_to_all(
                [AggregatedInvoice.model_validate(invoice) for invoice in invoices], decision
            )
            invoices = [_dump(invoice) for invoice in reviewed]
        else:
            status = InvoiceStatus.REVIEW_TIMEOUT

    result: Json = {  # an InvoiceWorkflowResult
        "invoice_id": invoice_id,
        "status": status.value,
        "invoice": invoices[0],
        "invoices": invoices if len(invoices) > 1 else [],
        "review": _dump(decision) if decision is not None else None,
        "completed_at": ctx.current_utc_datetime.isoformat(),
    }
    event = InvoiceEvent(
        topic=_TOPIC_BY_STATUS[status],
        invoice_id=invoice_id,
        status=status.value,
        needs_review=_needs_review(invoices),
    )
    _progress(ctx, Progress(stage="save", pages_done=total, pages_total=total))
    finish: Json = {"result": result, "event": _dump(event)}  # a SaveAndPublishInput
    if summary_of is not None:
        finish["summary"] = summary_of(result)
    yield ctx.call_activity(SAVE_AND_PUBLISH_ACTIVITY, input=finish, retry_policy=INVOICE_RETRY)
    _progress(ctx, Progress(stage="done", pages_done=total, pages_total=total))
    _log(ctx, "invoice %s: %s", invoice_id, status.value)
    return result


def _needs_review(invoices: list[Json]) -> bool:
    return any(invoice["validation"]["needs_review"] for invoice in invoices)


def _apply_review_to_all(
    invoices: list[AggregatedInvoice], decision: ReviewDecision
) -> tuple[InvoiceStatus, list[AggregatedInvoice]]:
    """One decision settles the file: it applies to every invoice that asked for review (corrections
    too: a batch whose invoices need different corrections needs one file per invoice)."""
    status = InvoiceStatus.APPROVED
    settled: list[AggregatedInvoice] = []
    for invoice in invoices:
        if invoice.validation.needs_review:
            status, reviewed = apply_review(invoice, decision)
            settled.append(reviewed)
        else:
            settled.append(invoice)
    return status, settled


def page_batch_workflow(ctx: DaprWorkflowContext, payload: Any) -> Steps:
    """Extract one batch of pages in parallel (a child of ``invoice_workflow``); input and result are a
    ``PageBatchInput`` and a ``PageBatchResult`` as JSON."""
    # Passed on as they came (the parent passed on the split service's validated answer): this runs on
    # every turn of the child, one per page completed.
    pages: list[Json] = _plain(payload)["pages"]
    tasks: list[Any] = [
        ctx.call_activity(EXTRACT_ACTIVITY, input=page, retry_policy=INVOICE_RETRY) for page in pages
    ]
    try:
        results = yield when_all(tasks)
    except TaskFailedError as failure:
        code, message = split_code(failure.details.message)
        raise InvoiceWorkflowError(code, message) from None
    return {"pages": list(results)}


def _extract_all(ctx: DaprWorkflowContext, pages: list[Json], pages_per_batch: int) -> Steps:
    """The ``StoredPageExtraction`` JSON of every page (references, not fields), in page order."""
    total = len(pages)
    _progress(ctx, Progress(stage="extract", pages_total=total))
    if total <= pages_per_batch:
        results = yield when_all(
            [ctx.call_activity(EXTRACT_ACTIVITY, input=page, retry_policy=INVOICE_RETRY) for page in pages]
        )
        return list(results)

    batches = [pages[start : start + pages_per_batch] for start in range(0, total, pages_per_batch)]
    children: list[Any] = [
        ctx.call_child_workflow(PAGE_BATCH_WORKFLOW, input={"pages": batch}, retry_policy=INVOICE_RETRY)
        for batch in batches
    ]
    size_of = {id(child): len(batch) for child, batch in zip(children, batches, strict=True)}
    pending = list(children)
    done = 0
    while pending:  # all children run at once; progress moves as each one finishes
        finished = yield when_any(pending)
        pending = [child for child in pending if child is not finished]
        finished.get_result()  # a failed child raises TaskFailedError here
        done += size_of[id(finished)]
        _progress(ctx, Progress(stage="extract", pages_done=done, pages_total=total))
    extracted: list[Json] = []
    for child in children:
        extracted.extend(child.get_result()["pages"])
    return extracted


def _fail(ctx: DaprWorkflowContext, invoice_id: str, code: ErrorCode, message: str) -> Steps:
    _progress(ctx, Progress(stage="failed"))
    _log(ctx, "invoice %s: failed: %s: %s", invoice_id, code.value, message)
    event = InvoiceEvent(
        topic=TOPIC_FAILED,
        invoice_id=invoice_id,
        status="failed",
        error_code=code.value,
        message=message[:500],
    )
    try:
        yield ctx.call_activity(PUBLISH_ACTIVITY, input=_dump(event), retry_policy=INVOICE_RETRY)
    except TaskFailedError:
        _log(ctx, "invoice %s: could not publish %s", invoice_id, TOPIC_FAILED)
    raise InvoiceWorkflowError(code, message)


def _progress(ctx: DaprWorkflowContext, progress: Progress) -> None:
    ctx.set_custom_status(progress.model_dump_json())


def _log(ctx: DaprWorkflowContext, message: str, *args: object) -> None:
    if not ctx.is_replaying:
        log.info(message, *args)


def _dump(model: Any) -> Any:
    return model.model_dump(mode="json")


def _plain(value: Any) -> Any:
    """Workflow inputs and results arrive as decoded JSON; nested objects may be ``SimpleNamespace``."""
    if isinstance(value, SimpleNamespace):
        return {key: _plain(item) for key, item in vars(value).items()}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value
