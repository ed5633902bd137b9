"""A local Dapr stack: placement, scheduler and daprd sidecars on free loopback ports.

>>> with LocalStack(sidecars=[SidecarSpec("invoiceflow", resources_paths=(resources_dir,))]) as stack:
...     env = stack.sidecar("invoiceflow").sdk_env()   # DAPR_GRPC_PORT, DAPR_HTTP_PORT, ...

Everything binds to 127.0.0.1 (except the healthz servers of placement and scheduler: v1.18.2 parses
``--healthz-listen-address`` but ignores it and listens on all interfaces). Every process gets its own
ports (the binaries' defaults 8080/9090/2379/2380/8201 would clash between stacks) and logs to
``<run_dir>/logs/<name>.log``.
Processes cannot outlive the Python process that started them (see ``process.py``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Literal

from invoiceflow.pools import process_exists
from invoiceflow.runtime.errors import ProcessDiedError, StackError, StackStartTimeoutError
from invoiceflow.runtime.ports import LOOPBACK, free_ports
from invoiceflow.runtime.process import ManagedProcess, ProcessSpec, install_sigterm_handler, stop_all
from invoiceflow.runtime.provision import DAPR_VERSION, RuntimeBinaries, find_runtime
from invoiceflow.runtime.resources import EmbeddedResources, write_embedded_resources

PLACEMENT = "placement"
SCHEDULER = "scheduler"
_PLACEMENT_ID = "dapr-placement-0"
_SCHEDULER_ID = "dapr-scheduler-server-0"
_TMPFS = Path("/dev/shm")
# "<prefix><owner pid>-<random>": a stack whose owner was killed never reached its stop(), and its etcd
# directory (~120 MB of preallocated WAL, in RAM) is removed by the next stack that starts.
_ETCD_TMPFS_PREFIX = "invoiceflow-scheduler-"
_START_ATTEMPTS = 3  # a port taken between our probe and the child's bind costs one retry
# What a process logs when a port was taken between our probe and its bind. daprd retries its API
# listeners for ~10 s before it gives up with the second message; metrics ports fail at once.
_PORT_CLASH_MARKERS = ("address already in use", "could not listen on any endpoint")


def _is_port_clash(error: ProcessDiedError) -> bool:
    return any(marker in error.log_tail for marker in _PORT_CLASH_MARKERS)


AppProtocol = Literal["http", "grpc"]
HealthGate = Literal["full", "outbound"]


class RuntimeMissingError(StackError):
    """No Dapr runtime binaries at the pinned version; tests and launchers never build them."""

    def __init__(self) -> None:
        super().__init__(
            f"Dapr {DAPR_VERSION} runtime binaries (daprd, placement, scheduler) not found: run "
            "`scripts/dapr-runtime` (or `make runtime`) once to build or locate them, or set "
            "DAPR_RUNTIME_DIR to a directory that holds them"
        )


# Go's garbage collector in daprd: collecting at 4x the live heap instead of 2x cut daprd's CPU per
# workflow step by ~10 % here (its heap stays in the tens of MB); the memory limit keeps it bounded.
DAPRD_GO_ENV: Mapping[str, str] = MappingProxyType({"GOGC": "400", "GOMEMLIMIT": "1GiB"})


def shared_go_max_procs() -> int:
    """GOMAXPROCS for each of the Go processes a local stack runs side by side (daprd, placement,
    scheduler): several Go runtimes on a few cores, each spinning idle processors after every wake-up,
    cost more than they served (at 1 on 2 cores, the workflow daprd's and the scheduler's CPU per invoice
    fell 15-23 %, benchmarks/multiapp_throughput.py). 1 on up to 7 cores; a sidecar under a CPU limit in
    a cluster gets the same from Go itself."""
    return max(1, (os.cpu_count() or 1) // 4)


def go_environments(go_max_procs: int | None) -> tuple[dict[str, str], dict[str, str]]:
    """The environment of the daprd sidecars and of placement + scheduler for ``go_max_procs``."""
    sidecar_env, control_plane_env = dict(DAPRD_GO_ENV), {}
    if go_max_procs is not None:
        sidecar_env["GOMAXPROCS"] = control_plane_env["GOMAXPROCS"] = str(go_max_procs)
    return sidecar_env, control_plane_env


def daprd_process_name(app_id: str) -> str:
    return f"daprd-{app_id}"


@dataclass(frozen=True)
class SidecarSpec:
    """One daprd sidecar. ``app_port`` is only needed when daprd must call into an app (service
    invocation, subscriptions); a workflow worker connects to daprd's gRPC port by itself."""

    app_id: str
    app_port: int | None = None
    app_protocol: AppProtocol = "http"
    resources_paths: tuple[Path, ...] = ()
    config_file: Path | None = None
    extra_args: tuple[str, ...] = ()
    env: Mapping[str, str] = field(default_factory=dict)
    log_level: str = "info"
    # "full" (/v1.0/healthz) waits until daprd reached the app; with an app port that is only true once
    # the app listens, so such sidecars default to "outbound" (Dapr's API is ready).
    health_gate: HealthGate | None = None
    # Prometheus metrics: daprd records them on every call, actor turn and workflow step. The launchers
    # of this project switch them off (nobody scrapes them locally; they cost CPU per activity).
    metrics: bool = True

    @property
    def effective_health_gate(self) -> HealthGate:
        if self.health_gate is not None:
            return self.health_gate
        return "full" if self.app_port is None else "outbound"


@dataclass(frozen=True)
class Sidecar:
    """A running daprd's endpoints."""

    app_id: str
    http_port: int
    grpc_port: int
    internal_grpc_port: int
    metrics_port: int
    log_path: Path
    host: str = LOOPBACK

    @property
    def http_endpoint(self) -> str:
        return f"http://{self.host}:{self.http_port}"

    @property
    def grpc_address(self) -> str:
        return f"{self.host}:{self.grpc_port}"

    def sdk_env(self) -> dict[str, str]:
        """Environment for the Dapr Python SDK (``dapr.conf.settings``) to talk to this sidecar.

        Both ports are needed even for gRPC-only use: ``DaprClient()`` health-checks the HTTP port first.
        The ``*_ENDPOINT`` variables override the host/port ones in the SDK, so they are set too, lest an
        inherited value point elsewhere.
        """
        return {
            "DAPR_RUNTIME_HOST": self.host,
            "DAPR_HTTP_PORT": str(self.http_port),
            "DAPR_GRPC_PORT": str(self.grpc_port),
            "DAPR_HTTP_ENDPOINT": self.http_endpoint,
            "DAPR_GRPC_ENDPOINT": self.grpc_address,
            "APP_ID": self.app_id,
        }


@dataclass(frozen=True)
class _ControlPlane:
    placement_port: int
    scheduler_port: int


class LocalStack:
    """placement + scheduler + daprd sidecars; a context manager, also usable with start()/stop()."""

    def __init__(
        self,
        *,
        binaries: RuntimeBinaries | None = None,
        run_dir: Path | None = None,
        sidecars: Sequence[SidecarSpec] = (),
        startup_timeout: float = 30.0,
        stop_timeout: float = 10.0,
        log_level: str = "info",
        control_plane_metrics: bool = True,
        scheduler_in_memory: bool = False,
        control_plane_env: Mapping[str, str] | None = None,
    ) -> None:
        self._binaries = binaries
        self.control_plane_metrics = control_plane_metrics
        self.control_plane_env: Mapping[str, str] = dict(control_plane_env or {})  # placement, scheduler
        # The scheduler's etcd gets a fresh directory at every start anyway (jobs never outlive the stack),
        # so nothing is lost keeping it in RAM (tmpfs): etcd fsyncs its WAL on every job it stores, and on
        # this machine's disk those fsyncs were on the path of every workflow step.
        self.scheduler_in_memory = scheduler_in_memory
        self._etcd_tmpfs_dir: Path | None = None
        self.run_dir = (run_dir or Path(tempfile.mkdtemp(prefix="invoiceflow-stack-"))).resolve()
        self._initial_sidecars = list(sidecars)
        self.startup_timeout = startup_timeout
        self.stop_timeout = stop_timeout
        self.log_level = log_level
        self._lock = threading.RLock()
        self._control: list[ManagedProcess] = []
        self._control_plane: _ControlPlane | None = None
        self._daprds: dict[str, tuple[Sidecar, ManagedProcess]] = {}
        self._started = False
        self._etcd_dirs = 0  # every control-plane start gets a fresh etcd data dir

    # ----------------------------------------------------------------- lifecycle

    def __enter__(self) -> LocalStack:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def logs_dir(self) -> Path:
        return self.run_dir / "logs"

    @property
    def binaries(self) -> RuntimeBinaries:
        if self._binaries is None:
            self._binaries = find_runtime()
            if self._binaries is None:
                raise RuntimeMissingError()
        return self._binaries

    def start(self) -> LocalStack:
        """Start the control plane, then the initial sidecars, and wait until all are healthy."""
        with self._lock:
            if self._started:
                raise StackError("stack already started")
            binaries = self.binaries
            install_sigterm_handler()
            self._started = True
            try:
                for attempt in range(1, _START_ATTEMPTS + 1):
                    try:
                        self._start_all(binaries)
                        return self
                    except ProcessDiedError as exc:
                        self._stop_processes()
                        if not _is_port_clash(exc) or attempt == _START_ATTEMPTS:
                            raise
            except BaseException:
                self._stop_processes()
                self._started = False
                raise
            raise AssertionError("unreachable")

    def _start_all(self, binaries: RuntimeBinaries) -> None:
        placement, scheduler, plane = self._control_plane_processes(binaries)
        self._control_plane = plane
        self._control = [placement, scheduler]
        placement.start()
        scheduler.start()
        # daprd reports healthy only once the scheduler answered it. Started before the scheduler listens,
        # its first attempt fails and it backs off ~1.5 s, so wait the ~0.15 s for the control plane.
        # (The scheduler's own healthz turns green before its embedded etcd elected a leader; daprd's
        # health waits for that election, 0.3-1 s, which is most of the start-to-healthy time.)
        _wait_healthy(self._control, self.startup_timeout)
        sidecars = [self._daprd_process(binaries, spec, plane) for spec in self._initial_sidecars]
        for sidecar, process in sidecars:
            process.start()
            self._daprds[sidecar.app_id] = (sidecar, process)
        _wait_healthy([process for _, process in sidecars], self.startup_timeout)

    def stop(self) -> None:
        """Stop sidecars first (they hold actor and job streams to the control plane), then the rest."""
        with self._lock:
            self._stop_processes()
            self._started = False

    def _stop_processes(self) -> None:
        stop_all([process for _, process in self._daprds.values()], self.stop_timeout)
        stop_all(self._control, self.stop_timeout)
        self._daprds.clear()
        self._control = []
        self._control_plane = None
        tmpfs_dir, self._etcd_tmpfs_dir = self._etcd_tmpfs_dir, None
        if tmpfs_dir is not None:
            shutil.rmtree(tmpfs_dir, ignore_errors=True)

    def _etcd_root(self) -> Path:
        """Where the scheduler's etcd directories go: the run directory, or a tmpfs directory (removed
        at stop, or by a later stack if this process is killed) with ``scheduler_in_memory`` where the
        machine has one."""
        if not self.scheduler_in_memory or not _TMPFS.is_dir() or not os.access(_TMPFS, os.W_OK):
            return self.run_dir
        if self._etcd_tmpfs_dir is None:
            remove_orphaned_etcd_dirs(_TMPFS)
            self._etcd_tmpfs_dir = Path(
                tempfile.mkdtemp(prefix=f"{_ETCD_TMPFS_PREFIX}{os.getpid()}-", dir=_TMPFS)
            )
        return self._etcd_tmpfs_dir

    # ----------------------------------------------------------------- sidecars

    def add_sidecar(self, spec: SidecarSpec) -> Sidecar:
        """Start one more daprd on the running control plane and wait until it is healthy."""
        with self._lock:
            plane = self._require_started()
            if spec.app_id in self._daprds:
                raise StackError(f"a sidecar for app-id {spec.app_id!r} is already running")
            for attempt in range(1, _START_ATTEMPTS + 1):
                sidecar, process = self._daprd_process(self.binaries, spec, plane)
                process.start()
                self._daprds[spec.app_id] = (sidecar, process)
                try:
                    _wait_healthy([process], self.startup_timeout)
                    return sidecar
                except ProcessDiedError as exc:
                    del self._daprds[spec.app_id]
                    process.stop(self.stop_timeout)  # reap it
                    if not _is_port_clash(exc) or attempt == _START_ATTEMPTS:
                        raise
                except BaseException:
                    del self._daprds[spec.app_id]
                    process.stop(self.stop_timeout)
                    raise
            raise AssertionError("unreachable")

    def remove_sidecar(self, app_id: str) -> None:
        with self._lock:
            try:
                _, process = self._daprds.pop(app_id)
            except KeyError:
                raise StackError(f"no sidecar for app-id {app_id!r}") from None
            process.stop(self.stop_timeout)

    def sidecar(self, app_id: str) -> Sidecar:
        try:
            return self._daprds[app_id][0]
        except KeyError:
            raise StackError(f"no sidecar for app-id {app_id!r}; running: {sorted(self._daprds)}") from None

    @property
    def sidecars(self) -> list[Sidecar]:
        return [sidecar for sidecar, _ in self._daprds.values()]

    @property
    def placement_address(self) -> str:
        return f"{LOOPBACK}:{self._require_started().placement_port}"

    # ----------------------------------------------------------------- health and diagnostics

    @property
    def processes(self) -> list[ManagedProcess]:
        return [*self._control, *(process for _, process in self._daprds.values())]

    def process(self, name: str) -> ManagedProcess:
        for process in self.processes:
            if process.name == name:
                return process
        raise StackError(f"no process named {name!r}")

    def deaths(self) -> list[ProcessDiedError]:
        """Every process of the stack that exited on its own."""
        return [death for process in self.processes if (death := process.death()) is not None]

    def check(self) -> None:
        """Raise ``ProcessDiedError`` for the first process that died, if any."""
        if deaths := self.deaths():
            raise deaths[0]

    def wait_healthy(self, timeout: float | None = None) -> None:
        """Health gate: every process answers its health URL (raises at once when one has died)."""
        self._require_started()
        _wait_healthy(self.processes, self.startup_timeout if timeout is None else timeout)

    # ----------------------------------------------------------------- process specs

    def _require_started(self) -> _ControlPlane:
        if not self._started or self._control_plane is None:
            raise StackError("stack not started")
        return self._control_plane

    def _log_path(self, name: str) -> Path:
        return self.logs_dir / f"{name}.log"

    def _control_plane_processes(
        self, binaries: RuntimeBinaries
    ) -> tuple[ManagedProcess, ManagedProcess, _ControlPlane]:
        p_port, p_health, p_metrics, p_raft, s_port, s_health, s_metrics, etcd_client, etcd_peer = free_ports(
            9
        )
        # A fresh etcd directory per start: the embedded etcd refuses a data dir that names other peers.
        self._etcd_dirs += 1
        etcd_dir = self._etcd_root() / f"scheduler-etcd-{self._etcd_dirs}"
        placement = ManagedProcess(
            ProcessSpec(
                name=PLACEMENT,
                argv=(
                    str(binaries.path("placement")),
                    "--id", _PLACEMENT_ID,
                    "--port", str(p_port),
                    "--listen-address", LOOPBACK,
                    "--healthz-port", str(p_health),
                    "--healthz-listen-address", LOOPBACK,
                    "--metrics-port", str(p_metrics),
                    "--metrics-listen-address", LOOPBACK,
                    "--initial-cluster", f"{_PLACEMENT_ID}={LOOPBACK}:{p_raft}",
                    "--log-level", self.log_level,
                    *self._metrics_switch(self.control_plane_metrics),
                ),
                log_path=self._log_path(PLACEMENT),
                health_url=f"http://{LOOPBACK}:{p_health}/healthz",
                env=self.control_plane_env,
            )
        )  # fmt: skip
        scheduler = ManagedProcess(
            ProcessSpec(
                name=SCHEDULER,
                argv=(
                    str(binaries.path("scheduler")),
                    "--id", _SCHEDULER_ID,
                    "--port", str(s_port),
                    "--listen-address", LOOPBACK,
                    "--healthz-port", str(s_health),
                    "--healthz-listen-address", LOOPBACK,
                    "--metrics-port", str(s_metrics),
                    "--metrics-listen-address", LOOPBACK,
                    "--etcd-data-dir", str(etcd_dir),
                    "--etcd-client-port", str(etcd_client),
                    "--etcd-client-listen-address", LOOPBACK,
                    "--etcd-initial-cluster", f"{_SCHEDULER_ID}=http://{LOOPBACK}:{etcd_peer}",
                    "--log-level", self.log_level,
                    *self._metrics_switch(self.control_plane_metrics),
                ),
                log_path=self._log_path(SCHEDULER),
                health_url=f"http://{LOOPBACK}:{s_health}/healthz",
                env=self.control_plane_env,
            )
        )  # fmt: skip
        return placement, scheduler, _ControlPlane(p_port, s_port)

    @staticmethod
    def _metrics_switch(enabled: bool) -> tuple[str, ...]:
        return () if enabled else ("--enable-metrics=false",)

    def _daprd_process(
        self, binaries: RuntimeBinaries, spec: SidecarSpec, plane: _ControlPlane
    ) -> tuple[Sidecar, ManagedProcess]:
        http_port, grpc_port, internal_port, metrics_port = free_ports(4)
        name = daprd_process_name(spec.app_id)
        argv = [
            str(binaries.path("daprd")),
            "--mode", "standalone",
            "--app-id", spec.app_id,
            "--dapr-http-port", str(http_port),
            "--dapr-grpc-port", str(grpc_port),
            "--dapr-internal-grpc-port", str(internal_port),
            "--dapr-listen-addresses", LOOPBACK,
            "--dapr-internal-grpc-listen-address", LOOPBACK,
            "--metrics-port", str(metrics_port),
            "--metrics-listen-address", LOOPBACK,
            "--placement-host-address", f"{LOOPBACK}:{plane.placement_port}",
            "--scheduler-host-address", f"{LOOPBACK}:{plane.scheduler_port}",
            "--log-level", spec.log_level,
            *self._metrics_switch(spec.metrics),
        ]  # fmt: skip
        for resources_path in spec.resources_paths:
            argv += ["--resources-path", str(resources_path)]
        if spec.config_file is not None:
            argv += ["--config", str(spec.config_file)]
        if spec.app_port is not None:
            argv += ["--app-port", str(spec.app_port), "--app-protocol", spec.app_protocol]
            argv += ["--app-channel-address", LOOPBACK]
        argv += spec.extra_args
        health_path = "/v1.0/healthz" if spec.effective_health_gate == "full" else "/v1.0/healthz/outbound"
        process = ManagedProcess(
            ProcessSpec(
                name=name,
                argv=tuple(argv),
                log_path=self._log_path(name),
                health_url=f"http://{LOOPBACK}:{http_port}{health_path}",
                healthy_statuses=frozenset({204}),
                env=spec.env,
            )
        )
        sidecar = Sidecar(spec.app_id, http_port, grpc_port, internal_port, metrics_port, process.log_path)
        return sidecar, process


def remove_orphaned_etcd_dirs(root: Path) -> list[Path]:
    """Remove the tmpfs etcd directories under ``root`` whose owning process is gone (SIGKILLed, or
    ended by a signal it did not handle); returns them. A directory of a live process stays, and so does
    one whose pid was reused meanwhile (kept until that process is gone too)."""
    removed: list[Path] = []
    for path in root.glob(f"{_ETCD_TMPFS_PREFIX}*-*"):
        owner = path.name.removeprefix(_ETCD_TMPFS_PREFIX).split("-", 1)[0]
        if owner.isdigit() and path.is_dir() and not process_exists(int(owner)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def embedded_stack(
    run_dir: Path,
    *,
    app_id: str = "invoiceflow",
    app_port: int | None = None,
    data_dir: Path | None = None,
    binaries: RuntimeBinaries | None = None,
) -> tuple[LocalStack, EmbeddedResources]:
    """The embedded mode's stack (not started): one daprd on generated local components."""
    resources = write_embedded_resources(run_dir, data_dir=data_dir)
    sidecar = SidecarSpec(app_id, app_port=app_port, resources_paths=(resources.resources_dir,))
    return LocalStack(binaries=binaries, run_dir=run_dir, sidecars=[sidecar]), resources


def _wait_healthy(processes: Iterable[ManagedProcess], timeout: float) -> None:
    """Poll until every process answers its health URL; fail at once when one of them exits."""
    pending = list(processes)
    deadline = time.monotonic() + timeout
    while pending:
        for process in list(pending):
            if (death := process.death()) is not None:
                raise death
            if process.is_healthy():
                pending.remove(process)
        if not pending:
            return
        if time.monotonic() > deadline:
            laggard = pending[0]
            raise StackStartTimeoutError(
                laggard.name, laggard.spec.health_url, timeout, laggard.log_path, laggard.log_tail()
            )
        time.sleep(0.05)
