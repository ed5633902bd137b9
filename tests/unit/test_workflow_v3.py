"""``invoice_workflow_v3`` turn by turn through the SDK's own orchestration executor (its replay engine; no
runtime needed), beside v2 given the same input: which activities each schedules, in which order, and what
the run returns. The real runtime runs v3 in ``tests/integration/test_api_multiapp.py``."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Generator
from datetime import datetime
from typing import Any

from dapr.ext.workflow._durabletask import worker
from dapr.ext.workflow._durabletask.internal import helpers
from dapr.ext.workflow._durabletask.internal import protos as pb

from invoiceflow.domain.models import AggregatedInvoice, DocumentInfo, ExtractorInfo, ValidationReport
from invoiceflow.workflow.models import InvoiceWorkflowResult
from invoiceflow.workflow.versions import (
    INVOICE_WORKFLOW_V2,
    INVOICE_WORKFLOW_V3,
    NEWEST_WORKFLOW,
    invoice_workflow_v2,
    invoice_workflow_v3,
    parse_versions,
)

NOW = datetime(2026, 11, 22, 10, 0, 0)
PAGES = 3
Answer = Callable[[str, Any], Any]
Workflow = Callable[[Any, Any], Generator[Any, Any, Any]]


def _invoice(needs_review: bool) -> dict[str, Any]:
    invoice = AggregatedInvoice(
        document=DocumentInfo(sha256="1" * 64, filename="x.pdf", page_count=PAGES),
        invoice_number="RE-2026-0042",
        currency="EUR",
        validation=ValidationReport(needs_review=needs_review),
        extractor=ExtractorInfo(version="test"),
    )
    return invoice.model_dump(mode="json")


def _split() -> dict[str, Any]:
    pages = [
        {
            "invoice_id": "INV-1",
            "page_number": number,
            "page_count": PAGES,
            "pdf_blob_key": f"pages/{number}.pdf",
            "width": 595.0,
            "height": 842.0,
        }
        for number in range(1, PAGES + 1)
    ]
    return {"invoice_id": "INV-1", "document": {"sha256": "1" * 64, "page_count": PAGES}, "pages": pages}


def _services(finish: Answer) -> Answer:
    """What the activities answer (the services' JSON); ``finish`` answers the last step."""

    def answer(activity: str, payload: Any) -> Any:
        if activity == "upload_pdf_activity":
            return {"invoice_id": "INV-1", "blob_key": "pdfs/1.pdf", "sha256": "1" * 64, "size_bytes": 9,
                    "page_count": PAGES}  # fmt: skip
        if activity in {"split_pdf_activity", "split_stored_pdf_activity"}:
            return _split()
        if activity == "extract_page_activity":
            return {
                "page_number": payload["page_number"],
                "extraction_blob_key": f"x/{payload['page_number']}",
            }
        if activity == "aggregate_invoice_activity":
            return {"invoices": [_invoice(needs_review=False)]}
        if activity == "aggregate_and_finish_activity":
            return finish(activity, payload)
        assert activity in {"save_and_publish_activity", "publish_event_activity"}, activity
        return None

    return answer


def _drive(
    name: str, fn: Workflow, payload: dict[str, Any], answer: Answer, events: dict[str, Any] | None = None
) -> tuple[list[tuple[str, Any]], pb.CompleteWorkflowAction]:
    """Run the workflow to its end as the runtime would: each turn's scheduled activities complete with
    ``answer``'s JSON in the next turn; ``events`` are raised once the workflow waits (a timer exists)."""
    registry = worker._Registry()
    registry.add_named_orchestrator(name, fn)
    executor = worker._OrchestrationExecutor(registry, logging.getLogger("test"))
    old: list[pb.HistoryEvent] = []
    new = [
        helpers.new_workflow_started_event(NOW),
        helpers.new_execution_started_event(name, "INV-1", json.dumps(payload)),
    ]
    scheduled: list[tuple[str, Any]] = []
    for _ in range(20):
        actions = executor.execute("INV-1", old, new).actions
        old, new = old + new, [helpers.new_workflow_started_event(NOW)]
        for action in actions:
            kind = action.WhichOneof("workflowActionType")
            if kind == "completeWorkflow":
                return scheduled, action.completeWorkflow
            if kind == "scheduleTask":
                task = action.scheduleTask
                old.append(helpers.new_task_scheduled_event(action.id, task.name, task.input.value))
                task_input = json.loads(task.input.value)
                scheduled.append((task.name, task_input))
                new.append(
                    helpers.new_task_completed_event(action.id, json.dumps(answer(task.name, task_input)))
                )
            elif kind == "createTimer":  # the review deadline, and the SDK's own timer for the event wait
                old.append(_timer_created(action))
                for event, value in (events or {}).items():
                    new.append(helpers.new_event_raised_event(event, json.dumps(value)))
                events = None
    raise AssertionError(f"{name} did not end; scheduled {[n for n, _ in scheduled]}")


def _timer_created(action: pb.WorkflowAction) -> pb.HistoryEvent:
    created = pb.TimerCreatedEvent()
    for field, value in action.createTimer.ListFields():  # fire time, name and origin, as the runtime records
        if field.message_type is not None:
            getattr(created, field.name).CopyFrom(value)
        else:
            setattr(created, field.name, value)
    return pb.HistoryEvent(eventId=action.id, timerCreated=created)


def _finished(_activity: str, payload: Any) -> dict[str, Any]:
    """The finishing step when nobody is waited for: it saved this result."""
    invoices = [_invoice(needs_review=False)]
    invoice_id = payload["aggregate"]["invoice_id"]
    result = {"invoice_id": invoice_id, "status": "processed", "invoice": invoices[0], "invoices": [],
              "review": None, "completed_at": "2026-11-22T10:00:01.5"}  # fmt: skip
    return {"result": result, "invoices": []}


def _start(**request: Any) -> dict[str, Any]:
    return {"request": {"invoice_id": "INV-1", **request}, "review_timeout_seconds": 0.0}


def test_v3_splits_a_stored_pdf_directly_and_finishes_in_the_aggregate_step() -> None:
    scheduled, end = _drive(
        INVOICE_WORKFLOW_V3, invoice_workflow_v3, _start(blob_key="incoming/1.bin"), _services(_finished)
    )
    names = [name for name, _ in scheduled]
    assert names == [
        "split_stored_pdf_activity",
        *["extract_page_activity"] * PAGES,
        "aggregate_and_finish_activity",
    ]
    assert scheduled[0][1]["blob_key"] == "incoming/1.bin"
    finish = scheduled[-1][1]
    assert finish["workflow"] == INVOICE_WORKFLOW_V3
    assert finish["review_timeout_seconds"] == 0.0
    assert [page["extraction_blob_key"] for page in finish["aggregate"]["pages"]] == ["x/1", "x/2", "x/3"]
    assert end.workflowStatus == pb.ORCHESTRATION_STATUS_COMPLETED
    # The result is the one the finishing step saved (recorded in the history: replays return it too).
    result = InvoiceWorkflowResult.model_validate_json(end.result.value)
    assert result.completed_at == "2026-11-22T10:00:01.5"
    assert result.invoice_id == "INV-1"


def test_v3_uploads_a_pdf_given_by_path_first() -> None:
    scheduled, end = _drive(
        INVOICE_WORKFLOW_V3, invoice_workflow_v3, _start(pdf_path="a.pdf"), _services(_finished)
    )
    names = [name for name, _ in scheduled]
    assert names[:2] == ["upload_pdf_activity", "split_pdf_activity"]
    assert names[-1] == "aggregate_and_finish_activity"
    assert end.workflowStatus == pb.ORCHESTRATION_STATUS_COMPLETED


def test_v2_keeps_its_steps_for_the_same_stored_pdf() -> None:
    """v2 must not change (its instances in flight replay on it): upload, split, aggregate, save."""
    scheduled, end = _drive(
        INVOICE_WORKFLOW_V2, invoice_workflow_v2, _start(blob_key="incoming/1.bin"), _services(_finished)
    )
    names = [name for name, _ in scheduled]
    assert names == [
        "upload_pdf_activity",
        "split_pdf_activity",
        *["extract_page_activity"] * PAGES,
        "aggregate_invoice_activity",
        "save_and_publish_activity",
    ]
    assert scheduled[-1][1]["summary"]["workflow"] == INVOICE_WORKFLOW_V2
    assert end.workflowStatus == pb.ORCHESTRATION_STATUS_COMPLETED


def test_v3_waits_for_a_review_and_then_saves_as_v2_does() -> None:
    def to_review(_activity: str, _payload: Any) -> dict[str, Any]:
        return {"result": None, "invoices": [_invoice(needs_review=True)]}

    payload = {**_start(blob_key="incoming/1.bin"), "review_timeout_seconds": 60.0}
    decision = {"action": "correct", "corrections": {"invoice_number": "RE-2026-0043"}, "reviewer": "ana"}
    scheduled, end = _drive(
        INVOICE_WORKFLOW_V3, invoice_workflow_v3, payload, _services(to_review), {"review": decision}
    )
    names = [name for name, _ in scheduled]
    assert names[-2:] == ["aggregate_and_finish_activity", "save_and_publish_activity"]
    saved = scheduled[-1][1]
    assert saved["result"]["status"] == "corrected"
    assert saved["result"]["invoice"]["invoice_number"] == "RE-2026-0043"
    assert saved["summary"]["workflow"] == INVOICE_WORKFLOW_V3
    assert saved["event"]["topic"] == "invoice.processed"
    result = InvoiceWorkflowResult.model_validate_json(end.result.value)
    assert result.review is not None
    assert result.review.reviewer == "ana"
    assert result.completed_at == NOW.isoformat()  # the orchestrator's clock on this path


def test_new_starts_take_v3_and_every_version_stays_registrable() -> None:
    assert NEWEST_WORKFLOW == INVOICE_WORKFLOW_V3
    assert parse_versions("v1,v2,v3")[-1] == INVOICE_WORKFLOW_V3
    assert parse_versions("v3,v2") == [INVOICE_WORKFLOW_V2, INVOICE_WORKFLOW_V3]
