"""The multi-app mode: Redis, placement, scheduler and five apps, each its own process beside its own daprd.

    with MultiAppStack(MultiAppOptions(run_dir=Path(".invoiceflow"))) as stack:
        print(stack.api_url)          # the workflow app's REST API (``/docs`` for OpenAPI)

Apps: ``workflow-app`` (the REST API + the ``WorkflowRuntime``) and the four services
(``upload-service``, ``split-service``, ``extract-service``, ``aggregate-service``), each a uvicorn process.
State (workflow state too, ``actorStateStore: "true"``) and pub/sub live in one Redis started here with
append-only persistence in the data directory; blobs in a ``bindings.localstorage`` directory every app
reaches (on one machine; S3 / Azure Blob in a cluster, see ``deploy/``).

``invoiceflow up`` runs one of these in the foreground and writes ``<run_dir>/up.json`` (its pid, the API
URL); ``invoiceflow down`` sends that pid SIGTERM, which unwinds the stack (apps, sidecars, control plane,
Redis — in that order).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import yaml

from invoiceflow.runtime.errors import StackError
from invoiceflow.runtime.ports import LOOPBACK, free_ports
from invoiceflow.runtime.process import ManagedProcess, ProcessSpec, install_sigterm_handler, stop_all
from invoiceflow.runtime.provision import RuntimeBinaries
from invoiceflow.runtime.resources import BLOBSTORE, PUBSUB, SECRETSTORE, STATESTORE, component_manifest
from invoiceflow.runtime.stack import LocalStack, SidecarSpec, go_environments, shared_go_max_procs
from invoiceflow.workflow.versions import DEFAULT_VERSIONS

WORKFLOW_APP = "workflow-app"
UPLOAD_SERVICE = "upload-service"
SPLIT_SERVICE = "split-service"
EXTRACT_SERVICE = "extract-service"
AGGREGATE_SERVICE = "aggregate-service"
SERVICE_APPS = (UPLOAD_SERVICE, SPLIT_SERVICE, EXTRACT_SERVICE, AGGREGATE_SERVICE)
ALL_APPS = (WORKFLOW_APP, *SERVICE_APPS)
RESILIENCY = "invoiceflow-resiliency"
UP_FILE = "up.json"

# uvicorn factories, one per app-id.
_FACTORIES: dict[str, str] = {
    WORKFLOW_APP: "invoiceflow.workflow.app:create_workflow_app",
    UPLOAD_SERVICE: "invoiceflow.services.main:upload_app",
    SPLIT_SERVICE: "invoiceflow.services.main:split_app",
    EXTRACT_SERVICE: "invoiceflow.services.main:extract_app",
    AGGREGATE_SERVICE: "invoiceflow.services.main:aggregate_app",
}
# daprd caps request bodies at 4 MiB; a 50 MiB PDF travels base64-encoded through the blob binding.
_MAX_BODY_SIZE = "80Mi"


@dataclass
class MultiAppOptions:
    run_dir: Path | None = None  # logs, generated components, up.json (default: a fresh temp dir)
    data_dir: Path | None = None  # Redis AOF, blobs, secrets (default: run_dir/data); keep it to keep state
    api_port: int | None = None  # the workflow app's port (default: a free one)
    pdf_base_dir: Path | None = None  # ``pdf_path`` requests must resolve below it (None: refused)
    url_allow_list: tuple[str, ...] = ()  # URL prefixes ``pdf_url`` may start with (empty: refused)
    workflow_versions: str = DEFAULT_VERSIONS  # what the workflow app registers; new starts take the newest
    log_level: str = "warn"
    # Prometheus metrics of daprd, placement and scheduler (CPU per activity; switch on to scrape them).
    metrics: bool = False
    # Processors (GOMAXPROCS) of each Go process: the five daprd, placement and the scheduler (see
    # ``shared_go_max_procs``). None: Go's default, every core.
    go_max_procs: int | None = field(default_factory=shared_go_max_procs)
    startup_timeout: float = 60.0
    # Extra environment per app-id (INVOICEFLOW_* settings, test-only fault hooks).
    app_env: dict[str, dict[str, str]] = field(default_factory=dict)
    binaries: RuntimeBinaries | None = None


def resiliency_document(app_ids: tuple[str, ...] = SERVICE_APPS) -> dict[str, Any]:
    """Sidecar-level retries for calls to the services: a service restarting (or briefly refusing) is
    absorbed here, for a few seconds, before the workflow's own activity retry policy counts an attempt."""
    return {
        "apiVersion": "dapr.io/v1alpha1",
        "kind": "Resiliency",
        "metadata": {"name": RESILIENCY},
        "spec": {
            "policies": {
                "retries": {"serviceRestart": {"policy": "constant", "duration": "500ms", "maxRetries": 10}},
            },
            "targets": {"apps": {app_id: {"retry": "serviceRestart"} for app_id in app_ids}},
        },
    }


def write_multiapp_resources(resources_dir: Path, *, redis_port: int, data_dir: Path) -> Path:
    """Components of the multi-app mode (Redis state + pub/sub, shared blob directory, local secrets)."""
    resources_dir.mkdir(parents=True, exist_ok=True)
    blob_root = data_dir / "blobs"
    blob_root.mkdir(parents=True, exist_ok=True)
    secrets_file = data_dir / "secrets.json"
    if not secrets_file.exists():
        secrets_file.write_text("{}\n")
        secrets_file.chmod(0o600)
    redis_host = f"{LOOPBACK}:{redis_port}"
    documents = {
        STATESTORE: component_manifest(
            STATESTORE,
            "state.redis",
            {"redisHost": redis_host, "redisPassword": "", "actorStateStore": "true"},
        ),
        PUBSUB: component_manifest(PUBSUB, "pubsub.redis", {"redisHost": redis_host, "redisPassword": ""}),
        SECRETSTORE: component_manifest(
            SECRETSTORE, "secretstores.local.file", {"secretsFile": str(secrets_file), "nestedSeparator": ":"}
        ),
        BLOBSTORE: component_manifest(BLOBSTORE, "bindings.localstorage", {"rootPath": str(blob_root)}),
        RESILIENCY: resiliency_document(),
    }
    for name, document in documents.items():
        (resources_dir / f"{name}.yaml").write_text(yaml.safe_dump(document, sort_keys=False))
    return resources_dir


def redis_ping(port: int, timeout: float = 0.5) -> bool:
    """True when a Redis server answers PING on ``127.0.0.1:port``."""
    try:
        with socket.create_connection((LOOPBACK, port), timeout=timeout) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class MultiAppStack:
    """Starts and stops the multi-app mode; single apps can be killed and restarted (tests, operators)."""

    def __init__(self, options: MultiAppOptions | None = None) -> None:
        self.options = options or MultiAppOptions()
        # A run directory nobody asked for (logs, and without a data_dir Redis' data) goes at stop.
        self._owns_run_dir = self.options.run_dir is None
        self.run_dir = (
            self.options.run_dir or Path(tempfile.mkdtemp(prefix="invoiceflow-multiapp-"))
        ).resolve()
        self.data_dir = (self.options.data_dir or self.run_dir / "data").resolve()
        self.logs_dir = self.run_dir / "logs"
        self.redis: ManagedProcess | None = None
        self.redis_port = 0
        self.stack: LocalStack | None = None
        self.app_ports: dict[str, int] = {}
        self._apps: dict[str, ManagedProcess] = {}
        self._app_env_overrides: dict[str, dict[str, str]] = {}

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> MultiAppStack:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def api_port(self) -> int:
        return self.app_ports[WORKFLOW_APP]

    @property
    def api_url(self) -> str:
        return f"http://{LOOPBACK}:{self.api_port}"

    def start(self) -> MultiAppStack:
        install_sigterm_handler()
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self) -> None:
        self.logs_dir.mkdir(parents=True, exist_ok=True)
        self._start_redis()
        resources = write_multiapp_resources(
            self.run_dir / "resources", redis_port=self.redis_port, data_dir=self.data_dir
        )
        go_env, control_plane_env = go_environments(self.options.go_max_procs)
        api_port = self.options.api_port or free_ports(1)[0]
        service_ports = free_ports(len(SERVICE_APPS))
        self.app_ports = {WORKFLOW_APP: api_port, **dict(zip(SERVICE_APPS, service_ports, strict=True))}
        sidecars = [
            # The workflow app's sidecar needs no app port: the worker dials daprd, nobody invokes the API
            # through Dapr, and without one daprd does not wait for the app before serving workflows.
            SidecarSpec(
                WORKFLOW_APP,
                resources_paths=(resources,),
                log_level=self.options.log_level,
                metrics=self.options.metrics,
                env=go_env,
            ),
            *(
                SidecarSpec(
                    app_id,
                    app_port=self.app_ports[app_id],
                    resources_paths=(resources,),
                    extra_args=("--max-body-size", _MAX_BODY_SIZE),
                    log_level=self.options.log_level,
                    metrics=self.options.metrics,
                    env=go_env,
                )
                for app_id in SERVICE_APPS
            ),
        ]
        self.stack = LocalStack(
            binaries=self.options.binaries,
            run_dir=self.run_dir,
            sidecars=sidecars,
            startup_timeout=self.options.startup_timeout,
            log_level=self.options.log_level,
            control_plane_metrics=self.options.metrics,
            scheduler_in_memory=True,  # its etcd starts fresh at every start anyway (see LocalStack)
            control_plane_env=control_plane_env,
        )
        self.stack.start()
        for app_id in ALL_APPS:
            self._spawn_app(app_id)
        self.wait_apps_healthy()

    def stop(self) -> None:
        """Apps first (the workflow worker lets go of its stream), then sidecars and control plane, Redis."""
        stop_all(list(self._apps.values()), timeout=15.0)
        self._apps.clear()
        if self.stack is not None:
            self.stack.stop()
            self.stack = None
        if self.redis is not None:
            self.redis.stop(timeout=10.0)  # SIGTERM: Redis flushes its append-only file before exiting
            self.redis = None
        if self._owns_run_dir:
            shutil.rmtree(self.run_dir, ignore_errors=True)

    # ------------------------------------------------------------------ Redis

    def _start_redis(self) -> None:
        redis_dir = self.data_dir / "redis"
        redis_dir.mkdir(parents=True, exist_ok=True)
        (self.redis_port,) = free_ports(1)
        self.redis = ManagedProcess(
            ProcessSpec(
                name="redis",
                argv=(
                    "redis-server",
                    "--port", str(self.redis_port),
                    "--bind", LOOPBACK,
                    "--dir", str(redis_dir),
                    "--appendonly", "yes",  # persistence: every write, fsynced each second
                    "--appendfsync", "everysec",
                    "--save", "",
                    "--protected-mode", "yes",
                ),
                log_path=self.logs_dir / "redis.log",
                health_url="",  # not HTTP: checked with PING below
            )
        )  # fmt: skip
        self.redis.start()
        deadline = time.monotonic() + self.options.startup_timeout
        while not redis_ping(self.redis_port):
            if (death := self.redis.death()) is not None:
                raise death
            if time.monotonic() > deadline:
                raise StackError(f"redis-server did not answer PING within {self.options.startup_timeout} s")
            time.sleep(0.05)

    # ------------------------------------------------------------------ apps

    def _app_env(self, app_id: str) -> dict[str, str]:
        assert self.stack is not None
        options = self.options
        env = {
            **self.stack.sidecar(app_id).sdk_env(),
            "INVOICEFLOW_SPLIT_RENDER_DPI": "0",  # previews cost CPU and nobody looks at them here
            "PYTHONUNBUFFERED": "1",
        }
        if app_id == WORKFLOW_APP:
            env["INVOICEFLOW_API_WORKFLOW_VERSIONS"] = options.workflow_versions
            env["INVOICEFLOW_API_URL_ALLOW_LIST"] = ",".join(options.url_allow_list)
            if options.pdf_base_dir is not None:
                env["INVOICEFLOW_API_PDF_BASE_DIR"] = str(options.pdf_base_dir.resolve())
        if app_id == UPLOAD_SERVICE and options.pdf_base_dir is not None:
            env["INVOICEFLOW_UPLOAD_BASE_DIR"] = str(options.pdf_base_dir.resolve())
        env.update(options.app_env.get(app_id, {}))
        env.update(self._app_env_overrides.get(app_id, {}))
        return env

    def _spawn_app(self, app_id: str) -> ManagedProcess:
        port = self.app_ports[app_id]
        process = ManagedProcess(
            ProcessSpec(
                name=app_id,
                argv=(
                    sys.executable, "-m", "uvicorn", "--factory", _FACTORIES[app_id],
                    "--host", LOOPBACK, "--port", str(port),
                    "--log-level", "warning", "--no-access-log", "--timeout-graceful-shutdown", "5",
                    # asyncio, not uvloop: the apps' gRPC calls to daprd (grpc.aio) took 2.4x as long
                    # under uvloop here. HTTP parsing by httptools (a dependency), not h11.
                    "--loop", "asyncio", "--http", "httptools",
                ),
                log_path=self.logs_dir / f"{app_id}.log",
                health_url=f"http://{LOOPBACK}:{port}/health",
                env=self._app_env(app_id),
            )
        )  # fmt: skip
        process.start()
        self._apps[app_id] = process
        return process

    def wait_apps_healthy(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (self.options.startup_timeout if timeout is None else timeout)
        pending = list(self._apps.values())
        while pending:
            for process in list(pending):
                if (death := process.death()) is not None:
                    raise death
                if process.is_healthy():
                    pending.remove(process)
            if pending and time.monotonic() > deadline:
                laggard = pending[0]
                raise StackError(f"{laggard.name} not healthy in time; log tail:\n{laggard.log_tail()}")
            time.sleep(0.05)

    def app(self, app_id: str) -> ManagedProcess:
        try:
            return self._apps[app_id]
        except KeyError:
            raise StackError(f"no app {app_id!r} running; running: {sorted(self._apps)}") from None

    def kill_app(self, app_id: str, sig: signal.Signals = signal.SIGKILL) -> None:
        """Kill one app's process (its sidecar keeps running), as a crash would."""
        process = self._apps.pop(app_id)
        if process.is_running():
            os.kill(process.pid, sig)
        process.finish_stop(time.monotonic() + 10.0)

    def restart_app(self, app_id: str, *, env: Mapping[str, str] | None = None, wait: bool = True) -> None:
        """Start ``app_id`` again on its port (killing it first if it runs), with ``env`` overriding the
        settings it had (kept for later restarts too)."""
        if app_id in self._apps:
            self.kill_app(app_id, signal.SIGTERM)
        if env is not None:
            self._app_env_overrides[app_id] = {**self._app_env_overrides.get(app_id, {}), **env}
        process = self._spawn_app(app_id)
        if wait:
            deadline = time.monotonic() + self.options.startup_timeout
            while not process.is_healthy():
                if (death := process.death()) is not None:
                    raise death
                if time.monotonic() > deadline:
                    raise StackError(f"{app_id} not healthy after restart:\n{process.log_tail()}")
                time.sleep(0.05)

    def deaths(self) -> list[str]:
        """Names of processes that exited on their own (apps, sidecars, control plane, Redis)."""
        dead = [p.name for p in self._apps.values() if p.death() is not None]
        if self.stack is not None:
            dead += [death.name for death in self.stack.deaths()]
        if self.redis is not None and self.redis.death() is not None:
            dead.append("redis")
        return dead

    # ------------------------------------------------------------------ up / down bookkeeping

    def write_up_file(self) -> Path:
        path = self.run_dir / UP_FILE
        info = {
            "pid": os.getpid(),
            "api_url": self.api_url,
            "redis_port": self.redis_port,
            "apps": {app_id: {"port": port} for app_id, port in self.app_ports.items()},
            "logs": str(self.logs_dir),
        }
        path.write_text(json.dumps(info, indent=2) + "\n")
        return path


def read_up_file(run_dir: Path) -> dict[str, Any] | None:
    path = run_dir / UP_FILE
    if not path.exists():
        return None
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def stop_running(run_dir: Path, timeout: float = 60.0) -> bool:
    """``invoiceflow down``: SIGTERM the ``up`` process recorded in ``run_dir`` and wait for it to exit.
    False when nothing was running there."""
    info = read_up_file(run_dir)
    if info is None:
        return False
    pid = int(info["pid"])
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        (run_dir / UP_FILE).unlink(missing_ok=True)
        return False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _running(pid):
            break
        time.sleep(0.1)
    else:
        raise StackError(f"invoiceflow up (pid {pid}) did not exit within {timeout:.0f} s")
    (run_dir / UP_FILE).unlink(missing_ok=True)
    return True


def _running(pid: int) -> bool:
    """Alive and not a zombie (an exited child of the caller stays a zombie until reaped)."""
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
