"""A Dapr SDK workflow worker and client on a test sidecar, for modules that test the runtime with
workflows of their own (see conftest.py: one module's worker is shut down before the next one starts)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import dapr.ext.workflow as wf

from invoiceflow.runtime.stack import Sidecar


@contextmanager
def sdk_workflow_client(
    sidecar: Sidecar, *, activities: Sequence[Callable[..., Any]], workflows: Sequence[Callable[..., Any]]
) -> Iterator[wf.DaprWorkflowClient]:
    """A started ``WorkflowRuntime`` with these registrations, and a client; both closed on exit."""
    runtime = wf.WorkflowRuntime(
        host=sidecar.host,
        port=str(sidecar.grpc_port),
        maximum_concurrent_activity_work_items=32,
        maximum_thread_pool_workers=32,
    )
    for activity in activities:
        runtime.register_activity(activity)
    for workflow in workflows:
        runtime.register_workflow(workflow)
    runtime.start()
    client = wf.DaprWorkflowClient(host=sidecar.host, port=str(sidecar.grpc_port))
    try:
        yield client
    finally:
        client.close()
        runtime.shutdown()
