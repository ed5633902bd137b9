"""The launcher itself, on the real binaries: health, logs, loopback-only ports, sidecars added and removed,
deaths reported by name, and no orphans when the Python parent is killed."""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import psutil
import pytest

from invoiceflow.runtime import stack as stack_module
from invoiceflow.runtime.errors import ProcessDiedError, StackError
from invoiceflow.runtime.ports import LOOPBACK, is_listening
from invoiceflow.runtime.provision import RuntimeBinaries
from invoiceflow.runtime.resources import BLOBSTORE, PUBSUB, SECRETSTORE, STATESTORE, write_embedded_resources
from invoiceflow.runtime.stack import PLACEMENT, SCHEDULER, LocalStack, SidecarSpec, daprd_process_name

pytestmark = pytest.mark.integration

APP_ID = "stack-test"
StackRegistry = Callable[[LocalStack], AbstractContextManager[LocalStack]]


@pytest.fixture
def own_stack(
    dapr_runtime: RuntimeBinaries, tmp_path: Path, dapr_stack_registry: StackRegistry
) -> Iterator[LocalStack]:
    """A stack of its own: these tests kill and add processes, which must not disturb the session stack."""
    resources = write_embedded_resources(tmp_path / "embedded")
    stack = LocalStack(
        binaries=dapr_runtime,
        run_dir=tmp_path / "run",
        sidecars=[SidecarSpec(APP_ID, resources_paths=(resources.resources_dir,))],
    )
    with stack, dapr_stack_registry(stack):
        yield stack


def _metadata(http_endpoint: str) -> dict[str, object]:
    response = httpx.get(f"{http_endpoint}/v1.0/metadata", timeout=5)
    response.raise_for_status()
    result: dict[str, object] = response.json()
    return result


def _healthz_port(health_url: str) -> int:
    port = urlsplit(health_url).port
    assert port is not None
    return port


def test_processes_are_healthy_log_to_files_and_listen_on_loopback(own_stack: LocalStack) -> None:
    names = {process.name for process in own_stack.processes}
    assert names == {PLACEMENT, SCHEDULER, daprd_process_name(APP_ID)}
    for process in own_stack.processes:
        assert process.is_running(), process.name
        assert process.is_healthy(), process.name
        assert process.log_path.parent == own_stack.logs_dir
        assert process.log_path.stat().st_size > 0, f"{process.name} wrote no log"

    sidecar = own_stack.sidecar(APP_ID)
    assert httpx.get(f"{sidecar.http_endpoint}/v1.0/healthz", timeout=5).status_code == 204
    metadata = _metadata(sidecar.http_endpoint)
    assert metadata["id"] == APP_ID
    components = {c["name"]: c["type"] for c in metadata["components"]}  # type: ignore[attr-defined]
    assert components == {
        STATESTORE: "state.sqlite",
        PUBSUB: "pubsub.in-memory",
        SECRETSTORE: "secretstores.local.file",
        BLOBSTORE: "bindings.localstorage",
    }

    for process in own_stack.processes:
        listening = [
            conn.laddr
            for conn in psutil.Process(process.pid).net_connections(kind="inet")
            if conn.status == psutil.CONN_LISTEN
        ]
        assert listening, f"{process.name} listens on nothing"
        # v1.18.2's placement and scheduler ignore --healthz-listen-address: their healthz port is the
        # one known exception to loopback-only.
        exempt = {_healthz_port(process.spec.health_url)} if process.name in (PLACEMENT, SCHEDULER) else set()
        exposed = [addr for addr in listening if addr.ip != LOOPBACK and addr.port not in exempt]
        assert not exposed, f"{process.name} listens beyond loopback: {exposed}"


def test_sidecars_can_be_added_and_removed_while_running(own_stack: LocalStack, tmp_path: Path) -> None:
    second = own_stack.add_sidecar(SidecarSpec("second-app"))

    assert _metadata(second.http_endpoint)["id"] == "second-app"
    assert {s.app_id for s in own_stack.sidecars} == {APP_ID, "second-app"}
    pid = own_stack.process(daprd_process_name("second-app")).pid

    own_stack.remove_sidecar("second-app")

    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert not is_listening(second.http_port)
    with pytest.raises(StackError, match="no sidecar for app-id 'second-app'"):
        own_stack.sidecar("second-app")
    assert own_stack.sidecar(APP_ID).app_id == APP_ID  # the first one is untouched
    own_stack.wait_healthy(5)


def test_sidecar_fronting_an_app_is_ready_once_dapr_api_is(own_stack: LocalStack) -> None:
    with socket.socket() as app:  # an "app" that listens but is not daprd's business here
        app.bind((LOOPBACK, 0))
        app.listen()
        sidecar = own_stack.add_sidecar(SidecarSpec("fronting-app", app_port=app.getsockname()[1]))
        response = httpx.get(f"{sidecar.http_endpoint}/v1.0/healthz/outbound", timeout=5)
        assert response.status_code == 204
        assert _metadata(sidecar.http_endpoint)["appConnectionProperties"]["port"] == app.getsockname()[1]  # type: ignore[index]
        own_stack.remove_sidecar("fronting-app")


def test_a_killed_daprd_is_reported_by_name_with_its_exit_and_log(own_stack: LocalStack) -> None:
    daprd = own_stack.process(daprd_process_name(APP_ID))
    own_stack.check()  # nothing died yet

    os.kill(daprd.pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while daprd.is_running() and time.monotonic() < deadline:
        time.sleep(0.05)

    with pytest.raises(ProcessDiedError) as died:
        own_stack.check()
    assert died.value.name == daprd_process_name(APP_ID)
    assert died.value.returncode == -signal.SIGKILL
    assert "killed by signal SIGKILL" in str(died.value)
    assert "dapr initialized" in died.value.log_tail
    assert [d.name for d in own_stack.deaths()] == [daprd_process_name(APP_ID)]
    with pytest.raises(ProcessDiedError):
        own_stack.wait_healthy(5)


def test_a_sidecar_that_cannot_start_is_reported_with_its_log(own_stack: LocalStack) -> None:
    with pytest.raises(ProcessDiedError) as died:
        own_stack.add_sidecar(SidecarSpec("broken-app", extra_args=("--no-such-flag",)))

    assert died.value.name == daprd_process_name("broken-app")
    assert died.value.returncode != 0
    assert "no-such-flag" in died.value.log_tail
    own_stack.wait_healthy(5)  # the failed sidecar left the rest of the stack alone


def test_a_port_taken_after_the_probe_costs_a_retry_not_a_failure(
    own_stack: LocalStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as squatter:
        squatter.bind((LOOPBACK, 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        real_free_ports = stack_module.free_ports
        calls: list[int] = []

        def first_call_hands_out_a_taken_port(count: int) -> list[int]:
            calls.append(count)
            ports = real_free_ports(count)
            if len(calls) == 1:
                ports[-1] = taken  # daprd's metrics port: it fails on that one at once
            return ports

        monkeypatch.setattr(stack_module, "free_ports", first_call_hands_out_a_taken_port)
        sidecar = own_stack.add_sidecar(SidecarSpec("retried-app"))

    assert len(calls) == 2
    assert sidecar.metrics_port != taken
    log = own_stack.process(daprd_process_name("retried-app")).log_path.read_text()
    assert "address already in use" in log


_PARENT_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from invoiceflow.runtime.provision import RuntimeBinaries
    from invoiceflow.runtime.stack import LocalStack, SidecarSpec

    stack = LocalStack(binaries=RuntimeBinaries(Path(sys.argv[1]), "test"), run_dir=Path(sys.argv[2]),
                       sidecars=[SidecarSpec("orphan-check")])
    with stack:
        print(json.dumps({p.name: p.pid for p in stack.processes}), flush=True)
        time.sleep(600)
    """
)


def _start_parent(binaries: RuntimeBinaries, run_dir: Path) -> tuple[subprocess.Popen[str], dict[str, int]]:
    parent = subprocess.Popen(
        [sys.executable, "-c", _PARENT_SCRIPT, str(binaries.directory), str(run_dir)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None
    ready, _, _ = select.select([parent.stdout], [], [], 60)
    if not ready:
        parent.kill()
        pytest.fail("the parent process did not report its stack within 60 s")
    line = parent.stdout.readline()
    if not line:
        parent.wait()
        pytest.fail(f"the parent process exited ({parent.returncode}) before its stack was up")
    return parent, json.loads(line)


def _alive(pids: dict[str, psutil.Process]) -> list[str]:
    """Names whose original process still runs (a zombie waiting for init to reap it does not count)."""
    alive = []
    for name, process in pids.items():
        try:
            if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                alive.append(name)
        except psutil.NoSuchProcess:
            pass
    return alive


def _wait_all_gone(processes: dict[str, psutil.Process], timeout: float) -> list[str]:
    deadline = time.monotonic() + timeout
    while (alive := _alive(processes)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


@pytest.mark.parametrize(
    ("parent_signal", "expected_parent_exit"),
    [(signal.SIGKILL, -signal.SIGKILL), (signal.SIGTERM, 128 + signal.SIGTERM)],
    ids=["sigkill", "sigterm"],
)
def test_killing_the_parent_leaves_no_orphans(
    dapr_runtime: RuntimeBinaries, tmp_path: Path, parent_signal: signal.Signals, expected_parent_exit: int
) -> None:
    parent, pids = _start_parent(dapr_runtime, tmp_path)
    # psutil.Process remembers the create time, so a recycled pid is not mistaken for ours.
    processes = {name: psutil.Process(pid) for name, pid in pids.items()}
    try:
        assert set(pids) == {PLACEMENT, SCHEDULER, daprd_process_name("orphan-check")}
        assert _alive(processes) == list(pids), "the stack was not running before the parent died"

        parent.send_signal(parent_signal)
        assert parent.wait(timeout=30) == expected_parent_exit

        assert _wait_all_gone(processes, timeout=15) == []
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for name in _alive(processes):  # only after a failure: do not leak what the test found
            processes[name].kill()
    if parent_signal == signal.SIGTERM:  # graceful: SIGTERM unwound the `with` block
        assert "shut down gracefully" in (tmp_path / "logs" / f"{PLACEMENT}.log").read_text()


def test_a_stopped_stack_starts_again_on_fresh_ports(own_stack: LocalStack) -> None:
    old_pids = [process.pid for process in own_stack.processes]
    old_http_port = own_stack.sidecar(APP_ID).http_port

    own_stack.stop()
    assert own_stack.processes == []
    assert (
        _wait_all_gone({str(pid): psutil.Process(pid) for pid in old_pids if psutil.pid_exists(pid)}, 5) == []
    )
    own_stack.start()

    own_stack.wait_healthy(5)
    assert own_stack.sidecar(APP_ID).http_port != old_http_port
    assert not set(old_pids) & {process.pid for process in own_stack.processes}


def test_a_lean_stack_keeps_scheduler_jobs_in_ram_and_serves_no_metrics(
    dapr_runtime: RuntimeBinaries, tmp_path: Path, dapr_stack_registry: StackRegistry
) -> None:
    """The launchers' CPU-saving settings: the scheduler's etcd on tmpfs (removed at stop), metrics off,
    daprd's Go GC tuned through its environment."""
    resources = write_embedded_resources(tmp_path / "embedded")
    stack = LocalStack(
        binaries=dapr_runtime,
        run_dir=tmp_path / "run",
        control_plane_metrics=False,
        scheduler_in_memory=True,
        sidecars=[
            SidecarSpec(
                APP_ID,
                resources_paths=(resources.resources_dir,),
                metrics=False,
                env=stack_module.DAPRD_GO_ENV,
            )
        ],
    )
    with stack, dapr_stack_registry(stack):
        scheduler = psutil.Process(stack.process(SCHEDULER).pid)
        etcd_dir = Path(scheduler.cmdline()[scheduler.cmdline().index("--etcd-data-dir") + 1])
        if Path("/dev/shm").is_dir():
            assert etcd_dir.is_relative_to("/dev/shm")
        assert etcd_dir.exists()
        sidecar = stack.sidecar(APP_ID)
        assert not is_listening(sidecar.metrics_port)
        daprd = psutil.Process(stack.process(daprd_process_name(APP_ID)).pid)
        assert daprd.environ()["GOGC"] == stack_module.DAPRD_GO_ENV["GOGC"]
        assert _metadata(sidecar.http_endpoint)["id"] == APP_ID
    assert not etcd_dir.exists()
