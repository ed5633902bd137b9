"""Which step the REST API reruns a FAILED / TERMINATED instance from (histories as the 1.18 runtime
records them, taken from real runs)."""

from __future__ import annotations

from datetime import datetime

from invoiceflow.dapr.workflow import WorkflowHistoryEvent
from invoiceflow.workflow.api import _failed_step

T0 = datetime(2026, 1, 1)


def history(*events: tuple[int | None, str, str | None, int | None]) -> list[WorkflowHistoryEvent]:
    return [
        WorkflowHistoryEvent(
            event_id=event_id, timestamp=T0, event_type=kind, name=name, task_scheduled_id=scheduled_id
        )
        for event_id, kind, name, scheduled_id in events
    ]


def test_terminated_mid_step_reruns_the_step_in_flight_not_a_straggler_after_the_end() -> None:
    # Terminated while uploading: the runtime still recorded the upload finishing and the split being
    # scheduled *after* EXECUTION_TERMINATED. Rerunning from the split would copy the termination.
    terminated = history(
        (None, "WORKFLOW_STARTED", None, None),
        (None, "EXECUTION_STARTED", "invoice_workflow_v2", None),
        (1, "TASK_SCHEDULED", "upload_pdf_activity", None),
        (None, "WORKFLOW_STARTED", None, None),
        (None, "EXECUTION_TERMINATED", None, None),
        (None, "TASK_COMPLETED", None, 1),
        (2, "EXECUTION_COMPLETED", None, None),
        (3, "TASK_SCHEDULED", "split_pdf_activity", None),
    )
    assert _failed_step(terminated) == 1


def test_terminated_during_extraction_reruns_the_last_open_step() -> None:
    terminated = history(
        (None, "EXECUTION_STARTED", "invoice_workflow_v2", None),
        (1, "TASK_SCHEDULED", "upload_pdf_activity", None),
        (None, "TASK_COMPLETED", None, 1),
        (2, "TASK_SCHEDULED", "split_pdf_activity", None),
        (None, "TASK_COMPLETED", None, 2),
        (3, "TASK_SCHEDULED", "extract_page_activity", None),
        (4, "TASK_SCHEDULED", "extract_page_activity", None),
        (None, "TASK_COMPLETED", None, 3),
        (None, "EXECUTION_TERMINATED", None, None),
        (None, "TASK_COMPLETED", None, 4),
        (5, "EXECUTION_COMPLETED", None, None),
    )
    assert _failed_step(terminated) == 4


def test_failed_step_wins_over_open_steps() -> None:
    failed = history(
        (None, "EXECUTION_STARTED", "invoice_workflow_v2", None),
        (1, "TASK_SCHEDULED", "upload_pdf_activity", None),
        (None, "TASK_COMPLETED", None, 1),
        (2, "TASK_SCHEDULED", "extract_page_activity", None),
        (3, "TASK_SCHEDULED", "extract_page_activity", None),
        (None, "TASK_FAILED", None, 2),
        (4, "EXECUTION_COMPLETED", None, None),
    )
    assert _failed_step(failed) == 2


def test_nothing_to_rerun_from_when_every_step_finished() -> None:
    done = history(
        (None, "EXECUTION_STARTED", "invoice_workflow_v2", None),
        (1, "TASK_SCHEDULED", "upload_pdf_activity", None),
        (None, "TASK_COMPLETED", None, 1),
        (None, "EXECUTION_TERMINATED", None, None),
    )
    assert _failed_step(done) is None
