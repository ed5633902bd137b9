"""``invoice_workflow`` (v1), the steps of v2 and v3 (``versions.py`` registers those), and
``page_batch_workflow``: deterministic generator functions.

v1/v2: upload → split → extract (fan-out: pages directly up to ``pages_per_batch``, beyond that one child
workflow per batch, all in parallel) → aggregate → optional human review (external event ``review``
raced against a durable timer) → save the result (state store, key = invoice id) and publish an event
(one activity: one scheduling round less). v3 (``run_invoice_v3``): the same stages in two work items
fewer — split straight from a PDF the caller stored, and aggregate + save + publish in one activity when
nobody is waited for. A file may hold several invoices (a batch scan): the aggregate stage returns them
all and the result lists them (``InvoiceWorkflowResult.invoices``).

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
from invoiceflow.workflow.outcome import (
    TOPIC_FAILED,
    TOPIC_NEEDS_REVIEW,
    TOPIC_PROCESSED,
    event_of,
    result_json,
    summary_json,
    unreviewed_status,
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
# From v3 on (see ``run_invoice_v3``).
SPLIT_STORED_ACTIVITY = "split_stored_pdf_activity"
AGGREGATE_AND_FINISH_ACTIVITY = "aggregate_and_finish_activity"

__all__ = ["TOPIC_FAILED", "TOPIC_NEEDS_REVIEW", "TOPIC_PROCESSED"]

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

    status = unreviewed_status(invoices)
    decision: ReviewDecision | None = None
    if status is InvoiceStatus.NEEDS_REVIEW and spec.review_timeout_seconds > 0:
        status, invoices, decision = yield from _review(ctx, invoice_id, invoices, spec, total)
    result = result_json(
        invoice_id,
        status,
        invoices,
        _dump(decision) if decision is not None else None,
        ctx.current_utc_datetime.isoformat(),
    )
    yield from _save_and_publish(ctx, result, invoices, total, summary_of)
    return result


def run_invoice_v3(ctx: DaprWorkflowContext, payload: Any, workflow: str) -> Steps:
    """v3's steps: v2's result and summary in two work items fewer per invoice.

    * A PDF the caller stored already (``request.blob_key``: the REST API, the embedded runner) goes
      straight to the split service, which validates it as the upload service would and splits it: one
      activity instead of upload + split. A path (or URL) still goes through the upload service.
    * The aggregate step also saves the result (and ``workflow``'s summary) and publishes the event when
      nobody is waited for (no review needed, or a review timeout of 0): no separate save step. Its answer
      is then the result itself, recorded in the history, so a replay returns the same (``completed_at``
      is when the activity saved it). A review still waits here, then saves as v2 does.

    Every activity is a scheduler job, an orchestrator turn (a replay of the whole history) and a round
    of history writes; a three-page invoice takes 5 activities and 6 turns here instead of 7 and 8.
    """
    spec = InvoiceWorkflowInput.model_validate(_plain(payload))
    request = spec.request.model_copy(update={"invoice_id": spec.request.invoice_id or ctx.instance_id})
    invoice_id = str(request.invoice_id)
    _log(ctx, "invoice %s: started", invoice_id)
    try:
        split: Json
        if request.blob_key is not None:
            _progress(ctx, Progress(stage="split"))
            split = yield ctx.call_activity(
                SPLIT_STORED_ACTIVITY, input=_dump(request), retry_policy=INVOICE_RETRY
            )
        else:
            _progress(ctx, Progress(stage="upload"))
            upload: Json = yield ctx.call_activity(
                UPLOAD_ACTIVITY, input=_dump(request), retry_policy=INVOICE_RETRY
            )
            _progress(ctx, Progress(stage="split", pages_total=int(upload["page_count"])))
            split = yield ctx.call_activity(SPLIT_ACTIVITY, input=upload, retry_policy=INVOICE_RETRY)
        pages = yield from _extract_all(ctx, split["pages"], spec.pages_per_batch)
        total = len(pages)
        _progress(ctx, Progress(stage="aggregate", pages_done=total, pages_total=total))
        finish: Json = {  # an AggregateAndFinishInput
            "aggregate": {  # an AggregateRequest
                "invoice_id": invoice_id,
                "document": split["document"],
                "pages": pages,
                "document_extraction": split.get("document_extraction"),
            },
            "review_timeout_seconds": spec.review_timeout_seconds,
            "workflow": workflow,
        }
        # An AggregateAndFinishResult: ``result`` when it saved and published, else ``invoices`` to review.
        finished: Json = yield ctx.call_activity(
            AGGREGATE_AND_FINISH_ACTIVITY, input=finish, retry_policy=INVOICE_RETRY
        )
    except TaskFailedError as failure:
        code, message = split_code(failure.details.message)
        yield from _fail(ctx, invoice_id, code, message)
        raise AssertionError("unreachable") from None  # _fail always raises

    done: Json | None = finished.get("result")
    if done is not None:
        _progress(ctx, Progress(stage="done", pages_done=total, pages_total=total))
        _log(ctx, "invoice %s: %s", invoice_id, done["status"])
        return done
    invoices: list[Json] = finished["invoices"]
    status, invoices, decision = yield from _review(ctx, invoice_id, invoices, spec, total)
    result = result_json(
        invoice_id,
        status,
        invoices,
        _dump(decision) if decision is not None else None,
        ctx.current_utc_datetime.isoformat(),
    )
    yield from _save_and_publish(ctx, result, invoices, total, lambda saved: summary_json(saved, workflow))
    return result


def _review(
    ctx: DaprWorkflowContext, invoice_id: str, invoices: list[Json], spec: InvoiceWorkflowInput, total: int
) -> Steps:
    """Wait for the external event ``review`` or the timeout, whichever comes first; the status, the
    invoices (reviewed or as they were) and the decision (None on timeout)."""
    _progress(ctx, Progress(stage="review", pages_done=total, pages_total=total))
    _log(ctx, "invoice %s: waiting up to %ss for a review", invoice_id, spec.review_timeout_seconds)
    review = ctx.wait_for_external_event(REVIEW_EVENT)
    deadline = ctx.create_timer(ctx.current_utc_datetime + timedelta(seconds=spec.review_timeout_seconds))
    winner = yield when_any([review, deadline])
    if winner is not review:
        return InvoiceStatus.REVIEW_TIMEOUT, invoices, None
    decision = ReviewDecision.model_validate(_plain(review.get_result()) or {})
    status, reviewed = _apply_review_to_all(
        [AggregatedInvoice.model_validate(invoice) for invoice in invoices], decision
    )
    return status, [_dump(invoice) for invoice in reviewed], decision


def _save_and_publish(
    ctx: DaprWorkflowContext, result: Json, invoices: list[Json], total: int, summary_of: SummaryOf | None
) -> Steps:
    invoice_id = result["invoice_id"]
    status = InvoiceStatus(result["status"])
    event = event_of(invoice_id, status, invoices)
    _progress(ctx, Progress(stage="save", pages_done=total, pages_total=total))
    finish: Json = {"result": result, "event": _dump(event)}  # a SaveAndPublishInput
    if summary_of is not None:
        finish["summary"] = summary_of(result)
    yield ctx.call_activity(SAVE_AND_PUBLISH_ACTIVITY, input=finish, retry_policy=INVOICE_RETRY)
    _progress(ctx, Progress(stage="done", pages_done=total, pages_total=total))
    _log(ctx, "invoice %s: %s", invoice_id, status.value)


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
