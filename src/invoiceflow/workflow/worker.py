"""The workflow host: a ``WorkflowRuntime`` with ``invoice_workflow``, ``page_batch_workflow`` and the
activities registered, and its concurrency set deliberately.

With the SDK's defaults a worker ran at most cpu+4 *sync* activities at once here, and a 100-activity
fan-out failed ("actor is closed"; dapr/python-sdk#897). Our activities are ``async`` (each waits on a
service call), so ``maximum_concurrent_activity_work_items`` is what bounds a fan-out; the thread pool
only delivers results and runs orchestrator steps, so it stays modest. The CPU-bound work happens in the
extract service's process pool, not here.

Run as a process (a test that kills the host): ``python -m invoiceflow.workflow.worker`` with the sidecar's
``DAPR_*`` variables set; it hosts the versions ``INVOICEFLOW_API_WORKFLOW_VERSIONS`` names (default: all).
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable, Generator
from typing import Any

from dapr.ext.workflow import WorkflowRuntime
from dapr.ext.workflow.logger import LoggerOptions

from invoiceflow.dapr.client import DaprSettings
from invoiceflow.workflow import workflows
from invoiceflow.workflow.activities import InvoiceActivities
from invoiceflow.workflow.completions import CompletionSignals, signalling
from invoiceflow.workflow.sdk_fixes import apply_sdk_fixes
from invoiceflow.workflow.settings import WorkflowSettings
from invoiceflow.workflow.versions import DEFAULT_VERSIONS, parse_versions, register_versions

log = logging.getLogger(__name__)

WorkflowFn = Callable[[Any, Any], Generator[Any, Any, Any]]


def _fresh_workflow(fn: WorkflowFn, signals: CompletionSignals) -> WorkflowFn:
    # The SDK marks the registered function object itself and refuses it a second time, even in a new
    # runtime; a new wrapper per runtime lets a process host the worker more than once (tests, restarts).
    # The wrapper also wakes in-process waiters when an instance ends (see completions.py).
    return signalling(fn, signals)


def _fresh_activity(method: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    async def registered(ctx: Any, payload: Any = None) -> Any:
        return await method(ctx, payload)

    registered.__name__ = method.__name__
    return registered


class WorkflowHost:
    """Owns a ``WorkflowRuntime`` and the activities' sidecar connection; ``start()`` / ``stop()``."""

    def __init__(
        self,
        settings: WorkflowSettings | None = None,
        dapr_settings: DaprSettings | None = None,
        *,
        sdk_log_level: str = "INFO",
    ) -> None:
        apply_sdk_fixes()  # before the runtime replays any history (see sdk_fixes.py)
        self.settings = settings or WorkflowSettings()
        dapr_settings = dapr_settings or DaprSettings.from_env()
        self.activities = InvoiceActivities(self.settings, dapr_settings)
        self.completions = CompletionSignals()
        self.runtime = WorkflowRuntime(
            host=dapr_settings.host,
            port=str(dapr_settings.grpc_port),
            maximum_concurrent_activity_work_items=self.settings.max_concurrent_activities,
            maximum_thread_pool_workers=self.settings.max_worker_threads,
            logger_options=LoggerOptions(log_level=sdk_log_level),
        )
        self.runtime.register_workflow(
            _fresh_workflow(workflows.invoice_workflow, self.completions), name=workflows.INVOICE_WORKFLOW
        )
        self.runtime.register_workflow(
            _fresh_workflow(workflows.page_batch_workflow, self.completions),
            name=workflows.PAGE_BATCH_WORKFLOW,
        )
        activities = self.activities
        for name, method in (
            (workflows.UPLOAD_ACTIVITY, activities.upload_pdf_activity),
            (workflows.SPLIT_ACTIVITY, activities.split_pdf_activity),
            (workflows.EXTRACT_ACTIVITY, activities.extract_page_activity),
            (workflows.AGGREGATE_ACTIVITY, activities.aggregate_invoice_activity),
            (workflows.SAVE_AND_PUBLISH_ACTIVITY, activities.save_and_publish_activity),
            (workflows.PUBLISH_ACTIVITY, activities.publish_event_activity),
            (workflows.SPLIT_STORED_ACTIVITY, activities.split_stored_pdf_activity),
            (workflows.AGGREGATE_AND_FINISH_ACTIVITY, activities.aggregate_and_finish_activity),
        ):
            self.runtime.register_activity(_fresh_activity(method), name=name)
        self._started = False

    def start(self) -> None:
        self.runtime.start()  # type: ignore[no-untyped-call]  # returns once the work-item stream is open
        self._started = True

    def stop(self) -> None:
        if not self._started:
            return
        self._started = False
        self.activities.close()
        self.runtime.shutdown()  # type: ignore[no-untyped-call]


def main() -> None:
    """Host the workflows until SIGTERM / SIGINT."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    host = WorkflowHost()
    versions = os.environ.get("INVOICEFLOW_API_WORKFLOW_VERSIONS", DEFAULT_VERSIONS)
    register_versions(host.runtime, parse_versions(versions), host.completions)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    host.start()
    log.info("workflow host ready")
    stop.wait()
    host.stop()


if __name__ == "__main__":
    main()
