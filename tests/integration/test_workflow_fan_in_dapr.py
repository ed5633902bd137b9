"""Fan-in on the real sidecar: every activity result reaches its running workflow without a 1 s stall.

Results that arrive a few ms apart are taken by one orchestrator turn, and the wake-up reminders of the
events taken along fire later on an empty inbox. daprd 1.18.2 deactivated the *running* workflow's actor
there; a result that reached the actor meanwhile failed with "actor is closed, cannot handle lock" and
the runtime retried it only after 1 s (``runtime/patches/0001-…``: 11 and 18 of 40 of these fan-outs
stalled ~1 s on the unpatched runtime, none of 80 with the patch). The embedded 50-page invoice showed
it as a 0.2-1.0 s stall in about one run of 14 (``benchmarks/dapr_timeline.py``).
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import dapr.ext.workflow as wf
import pytest
from tests.integration.sdk_worker import sdk_workflow_client

from invoiceflow.runtime.stack import Sidecar

pytestmark = pytest.mark.integration

FAN_OUT = 8
STAGGER_SECONDS = 0.003  # activity i returns i x 3 ms after the first: a stream of closely spaced results
RUNS = 30
# From the last activity's return to the workflow's return: ~10-50 ms here (a turn, a reminder), a few
# hundred under heavy load; a result retried by the runtime arrives 1 s after its failed delivery.
LATE_SECONDS = 0.8
WAIT_SECONDS = 30.0

_lock = threading.Lock()
_last_activity_end: dict[str, float] = {}
_returned: dict[str, float] = {}
_done: dict[str, threading.Event] = {}


def staggered(ctx: wf.WorkflowActivityContext, index: int) -> int:
    time.sleep(index * STAGGER_SECONDS)
    with _lock:
        ended = time.perf_counter()
        _last_activity_end[ctx.workflow_id] = max(ended, _last_activity_end.get(ctx.workflow_id, ended))
    return index


def fan_in(ctx: wf.DaprWorkflowContext, count: int) -> Any:
    results = yield wf.when_all([ctx.call_activity(staggered, input=index) for index in range(count)])
    if not ctx.is_replaying:
        _returned[ctx.instance_id] = time.perf_counter()
        _done[ctx.instance_id].set()
    return sum(results)


@pytest.fixture(scope="module")
def workflow_client(dapr_session_sidecar: Sidecar) -> Iterator[wf.DaprWorkflowClient]:
    with sdk_workflow_client(
        dapr_session_sidecar,
        activities=[staggered],
        workflows=[fan_in],
    ) as client:
        yield client


def test_closely_spaced_activity_results_reach_the_workflow_without_a_stall(
    workflow_client: wf.DaprWorkflowClient,
) -> None:
    delays: list[float] = []
    for _ in range(RUNS):
        instance_id = f"fan-in-{uuid.uuid4().hex[:12]}"
        _done[instance_id] = threading.Event()
        workflow_client.schedule_new_workflow(fan_in, input=FAN_OUT, instance_id=instance_id)
        assert _done[instance_id].wait(WAIT_SECONDS), f"{instance_id} did not return in {WAIT_SECONDS} s"
        delays.append(_returned[instance_id] - _last_activity_end[instance_id])
    late = sorted(round(delay, 3) for delay in delays if delay >= LATE_SECONDS)
    assert not late, f"{len(late)} of {RUNS} fan-ins waited >= {LATE_SECONDS} s for a result: {late}"
