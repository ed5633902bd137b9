"""Thin activity wrappers: each invokes one service through the typed Dapr layer and re-validates the
answer into its model. Idempotent: the services key blobs by content hash, the result by invoice id and
events carry a deterministic id, so a retried or re-run activity rewrites the same things.

Failures: a service's problem answer with a 4xx status is bad input (``NOT_A_PDF``…) — retrying cannot
help, so it becomes a ``NonRetryableError`` that skips the retry policy. Everything else (5xx, sidecar
unreachable, timeouts) is raised as is and retried. Both carry ``"<CODE>: <message>"`` as their message,
which ``errors.to_domain_error`` reads back from the workflow's failure details.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime
from typing import Any, TypeVar

import pydantic_core
from pydantic import BaseModel, ValidationError

from invoiceflow.dapr.client import DaprClient, DaprSettings
from invoiceflow.dapr.errors import DaprError, DaprInvocationError
from invoiceflow.dapr.state import Upsert
from invoiceflow.domain.errors import ErrorCode
from invoiceflow.domain.models import (
    AggregateResult,
    InvoiceRequest,
    SplitResult,
    UploadResult,
)
from invoiceflow.services.stored import StoredPageExtraction
from invoiceflow.workflow.errors import ActivityError, BadInputError
from invoiceflow.workflow.models import (
    SUMMARY_KEY_PREFIX,
    AggregateAndFinishInput,
    InvoiceEvent,
    InvoiceSummary,
)
from invoiceflow.workflow.outcome import (
    event_of,
    needs_review,
    result_json,
    summary_json,
    unreviewed_status,
)
from invoiceflow.workflow.settings import WorkflowSettings

M = TypeVar("M", bound=BaseModel)


class InFlightGauge:
    """Counts activities running at once; ``peak`` is the fan-out's measured parallelism."""

    def __init__(self) -> None:
        self.current = 0
        self.peak = 0

    def __enter__(self) -> None:
        self.current += 1
        self.peak = max(self.peak, self.current)

    def __exit__(self, *_exc: object) -> None:
        self.current -= 1

    def reset(self) -> None:
        self.peak = self.current


class InvoiceActivities:
    """The activities of ``invoice_workflow``; the worker registers the bound methods.

    They are ``async``: the worker runs them on its event loop, so hundreds can wait on service calls at
    once without a thread each. The sidecar connection is opened on that loop at first use.
    """

    def __init__(self, settings: WorkflowSettings, dapr_settings: DaprSettings | None = None) -> None:
        self.settings = settings
        self._dapr_settings = dapr_settings
        self._dapr: DaprClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._opening = asyncio.Lock()
        self.extract_gauge = InFlightGauge()

    # activities ---------------------------------------------------------------------------------------

    async def upload_pdf_activity(self, _ctx: Any, payload: Any) -> dict[str, Any]:
        request = InvoiceRequest.model_validate(payload)
        return await self._call(self.settings.upload_app_id, "upload", request, UploadResult)

    async def split_pdf_activity(self, _ctx: Any, payload: Any) -> dict[str, Any]:
        upload = UploadResult.model_validate(payload)
        return await self._call(self.settings.split_app_id, "split", upload, SplitResult)

    async def split_stored_pdf_activity(self, _ctx: Any, payload: Any) -> dict[str, Any]:
        """v3: an ``InvoiceRequest`` naming a PDF its caller stored (``blob_key``); the split service
        validates it as the upload service would and splits it, in one call."""
        request = InvoiceRequest.model_validate(payload)
        return await self._call(self.settings.split_app_id, "split/stored", request, SplitResult)

    async def extract_page_activity(self, _ctx: Any, payload: Any) -> dict[str, Any]:
        # A ``PageMetadata`` the split service answered (validated then) and the workflow passed on as it
        # was: the extract service validates it from the bytes; doing it here as well bought nothing.
        page: dict[str, Any] = payload
        with self.extract_gauge:
            # A reference to the page's fields in the blob store, not the fields: this answer is re-sent
            # with every later turn of the child's and the parent's histories (see services/stored.py).
            return await self._call(
                self.settings.extract_app_id, "extract/stored", page, StoredPageExtraction
            )

    async def aggregate_invoice_activity(self, _ctx: Any, payload: Any) -> dict[str, Any]:
        # Passed on as it came: the workflow built this ``AggregateRequest`` from answers validated here
        # already, and the service validates it again from the bytes (an invalid one answers 422, which
        # fails the activity as bad input). Validating and re-serialising all pages' fields here as well
        # was ~3 % of the workflow app's CPU. Pages are references (``StoredPageExtraction``); all or some
        # are the fields themselves in the history of an instance started before extractions were stored.
        method = "aggregate/stored" if _pages_are_stored(payload) else "aggregate"
        return await self._call(self.settings.aggregate_app_id, method, payload, AggregateResult)

    async def save_and_publish_activity(self, _ctx: Any, payload: Any) -> None:
        """Save first: a subscriber told ``invoice.processed`` must find the result (and, from v2 on, its
        summary). A retry after a failed publish rewrites the same values before publishing again."""
        # A ``SaveAndPublishInput``. Its result is saved as the JSON it is: the invoices in it were
        # validated when the aggregate service's answer arrived (``_call``), the rest the workflow built;
        # validating the whole result again here was ~3 % of the workflow app's CPU.
        event = InvoiceEvent.model_validate(payload["event"])
        summary = InvoiceSummary.model_validate(payload["summary"]) if payload.get("summary") else None
        await self._save_and_publish(payload["result"], event, summary)

    async def aggregate_and_finish_activity(self, ctx: Any, payload: Any) -> dict[str, Any]:
        """v3: aggregate; then, unless a human is to be waited for, build the result, save it with its
        summary and publish its event — what v2's separate save step did, one work item fewer.

        Input an ``AggregateAndFinishInput``, answer an ``AggregateAndFinishResult``. ``completed_at`` is
        when this attempt saves: the answer is recorded in the history, so replays return the same
        result. A retry after a failed save or publish aggregates again (same pages, same invoices)."""
        spec = AggregateAndFinishInput.model_validate(payload)
        aggregated = await self.aggregate_invoice_activity(ctx, spec.aggregate)
        invoices: list[dict[str, Any]] = aggregated["invoices"]
        if needs_review(invoices) and spec.review_timeout_seconds > 0:
            return {"invoices": invoices, "result": None}
        invoice_id = str(spec.aggregate["invoice_id"])
        status = unreviewed_status(invoices)
        # Naive UTC ISO text, as ``ctx.current_utc_datetime`` gives the earlier versions.
        completed_at = datetime.now(UTC).replace(tzinfo=None).isoformat()
        result = result_json(invoice_id, status, invoices, None, completed_at)
        summary = InvoiceSummary.model_validate(summary_json(result, spec.workflow))
        await self._save_and_publish(result, event_of(invoice_id, status, invoices), summary)
        return {"result": result, "invoices": []}

    async def publish_event_activity(self, _ctx: Any, payload: Any) -> None:
        await self._publish(InvoiceEvent.model_validate(payload))

    # plumbing -----------------------------------------------------------------------------------------

    async def _save_and_publish(
        self, result: dict[str, Any], event: InvoiceEvent, summary: InvoiceSummary | None
    ) -> None:
        invoice_id = str(result["invoice_id"])
        client = await self._client()
        state = client.state(self.settings.statestore)
        try:
            if summary is None:
                await state.save(invoice_id, result)
            else:  # from v2 on: the summary beside the result, in one round trip
                await state.transaction(
                    [Upsert(invoice_id, result), Upsert(SUMMARY_KEY_PREFIX + invoice_id, summary)]
                )
        except DaprError as exc:
            raise ActivityError(ErrorCode.INTERNAL, f"saving the result failed: {exc}") from exc
        await self._publish(event)

    async def _publish(self, event: InvoiceEvent) -> None:
        client = await self._client()
        try:
            await client.pubsub(self.settings.pubsub).publish(
                event.topic,
                event,
                event_id=f"{event.invoice_id}:{event.topic}",  # the same event on a re-run: de-duplicable
                event_type=event.topic,
                source="workflow-app",
                subject=event.invoice_id,
            )
        except DaprError as exc:
            raise ActivityError(ErrorCode.INTERNAL, f"publishing {event.topic} failed: {exc}") from exc

    async def _call(
        self, app_id: str, method: str, body: BaseModel | dict[str, Any], model: type[M]
    ) -> dict[str, Any]:
        client = await self._client()
        try:
            response = await client.invoker().invoke(
                app_id, method, body, timeout=self.settings.invoke_timeout_seconds
            )
        except DaprInvocationError as exc:
            raise _error_from_answer(exc) from exc
        except DaprError as exc:
            raise ActivityError(ErrorCode.INTERNAL, f"{app_id}/{method}: {exc}") from exc
        try:
            model.model_validate_json(response.body)
        except ValidationError as exc:
            raise ActivityError(
                ErrorCode.INTERNAL, f"{app_id}/{method} answered an invalid body: {exc}"
            ) from exc
        # The answer is the model's own JSON (the service serialised it), so it goes on as it came:
        # dumping the validated model again gives the same JSON and cost ~20 ms for a 50-page aggregate.
        answer: dict[str, Any] = pydantic_core.from_json(response.body)
        return answer

    async def _client(self) -> DaprClient:
        loop = asyncio.get_running_loop()
        async with self._opening:
            if self._dapr is None or self._loop is not loop:
                client = DaprClient(self._dapr_settings or DaprSettings.from_env())
                await client.open()
                self._dapr, self._loop = client, loop
            return self._dapr

    def close(self, timeout: float = 5.0) -> None:
        """Close the sidecar connection on the loop that opened it (call before the worker stops)."""
        client, loop = self._dapr, self._loop
        self._dapr = self._loop = None
        if client is None or loop is None or loop.is_closed():
            return
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(client.close(), loop).result(timeout)


def _pages_are_stored(request: dict[str, Any]) -> bool:
    pages = request.get("pages") or []
    return any("extraction_blob_key" in page for page in pages)


def _error_from_answer(exc: DaprInvocationError) -> Exception:
    from invoiceflow.services.problems import ProblemDetails

    try:
        problem = ProblemDetails.model_validate(exc.json())
    except ValidationError:
        return ActivityError(ErrorCode.INTERNAL, f"{exc.app_id}/{exc.method} answered {exc.status_code}")
    if exc.is_client_error:
        return BadInputError(problem.code, problem.detail)
    return ActivityError(problem.code, problem.detail)
