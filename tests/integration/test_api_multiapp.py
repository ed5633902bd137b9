"""The workflow REST API on the real runtime in multi-app mode: five apps, five daprds, Redis.

One module-scoped ``MultiAppStack`` serves every test here. The extract service is slowed by a test-only
hook (``INVOICEFLOW_FAULT_EXTRACT_DELAY_SECONDS``) so that instances stay in flight long enough to pause,
terminate or kill things under them.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from pydantic import BaseModel
from tests.integration.multiapp_support import serve_directory, wait_for, wait_for_stage
from typer.testing import CliRunner

from invoiceflow.cli import app as cli_app
from invoiceflow.dapr.client import DaprClient, DaprSettings
from invoiceflow.runtime.multiapp import EXTRACT_SERVICE, WORKFLOW_APP, MultiAppOptions, MultiAppStack
from invoiceflow.runtime.provision import RuntimeBinaries
from invoiceflow.runtime.resources import STATESTORE
from invoiceflow.workflow.models import InvoiceWorkflowResult
from invoiceflow.workflow.versions import SUMMARY_KEY_PREFIX, InvoiceSummary

pytestmark = [pytest.mark.integration, pytest.mark.slow]

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE_FILES = ["invoice-en-1p.pdf", "invoice-de-3p.pdf", "invoice-12p.pdf"]
EXTRACT_DELAY = "1.0"


@pytest.fixture(scope="module")
def pdf_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("pdf-base")
    for name in SAMPLE_FILES:
        shutil.copy(SAMPLES / name, base / name)
    return base


@pytest.fixture(scope="module")
def url_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    root = tmp_path_factory.mktemp("http-root")
    for folder in ("allowed", "other"):
        (root / folder).mkdir()
        shutil.copy(SAMPLES / "invoice-en-1p.pdf", root / folder / "invoice.pdf")
    with serve_directory(root) as port:
        yield port


@pytest.fixture(scope="module")
def stack(
    dapr_runtime: RuntimeBinaries, tmp_path_factory: pytest.TempPathFactory, pdf_base: Path, url_server: int
) -> Iterator[MultiAppStack]:
    options = MultiAppOptions(
        run_dir=tmp_path_factory.mktemp("multiapp"),
        pdf_base_dir=pdf_base,
        url_allow_list=(f"http://127.0.0.1:{url_server}/allowed/",),
        binaries=dapr_runtime,
        app_env={EXTRACT_SERVICE: {"INVOICEFLOW_FAULT_EXTRACT_DELAY_SECONDS": EXTRACT_DELAY}},
    )
    with MultiAppStack(options) as running:
        yield running


@pytest.fixture
def api(stack: MultiAppStack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.api_url, timeout=60.0, trust_env=False) as client:
        yield client
    assert stack.deaths() == [], f"processes died: {stack.deaths()}"


@pytest.fixture(scope="module")
def cli_outputs() -> dict[str, Any]:
    """What ``invoiceflow extract`` prints for the samples (the reference the API's results must equal)."""
    paths = [str(SAMPLES / name) for name in SAMPLE_FILES]
    done = subprocess.run(
        [sys.executable, "-m", "invoiceflow.cli", "extract", "--json", *paths],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(zip(SAMPLE_FILES, json.loads(done.stdout), strict=True))


def _problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["code"] == code
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    return body


# ------------------------------------------------------------------------------------------ results


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_upload_results_equal_cli_extract(api: httpx.Client, name: str, cli_outputs: dict[str, Any]) -> None:
    with (SAMPLES / name).open("rb") as handle:
        response = api.post("/api/invoices", files={"file": (name, handle, "application/pdf")})
    assert response.status_code == 202, response.text
    started = response.json()
    assert started["created"] is True
    assert started["workflow"] == "invoice_workflow_v3"
    view = wait_for(api, started["instance_id"])
    assert view["status"] == "COMPLETED", view
    assert view["version"] == "v3"
    assert view["progress"]["stage"] == "done"
    assert view["result"]["invoice"] == cli_outputs[name]


def test_v3_splits_the_stored_upload_and_finishes_in_the_aggregate_step(
    api: httpx.Client, stack: MultiAppStack, cli_outputs: dict[str, Any]
) -> None:
    """The API stored the PDF: no upload step, no separate save step; the result, its summary and the
    state-store copy are what v2 wrote."""
    started = api.post("/api/invoices", json={"invoice_id": "INV-V3-1", "pdf_path": "invoice-de-3p.pdf"})
    assert started.json()["workflow"] == "invoice_workflow_v3"
    view = wait_for(api, "INV-V3-1")
    assert view["status"] == "COMPLETED", view
    assert view["result"]["invoice"] == cli_outputs["invoice-de-3p.pdf"]
    history = api.get("/api/invoices/INV-V3-1/history").json()
    scheduled = [e["name"] for e in history if e["event_type"] == "TASK_SCHEDULED"]
    assert scheduled == [
        "split_stored_pdf_activity",
        *["extract_page_activity"] * 3,
        "aggregate_and_finish_activity",
    ]
    summary = _summary(stack, "INV-V3-1")
    assert summary is not None
    assert summary.workflow == "invoice_workflow_v3"
    assert (summary.status, summary.completed_at) == (
        view["result"]["status"],
        view["result"]["completed_at"],
    )
    assert summary.invoice_number == view["result"]["invoice"]["invoice_number"]
    assert _saved_result(stack, "INV-V3-1") == view["result"]


def test_v3_rejects_an_uploaded_non_pdf_in_the_split_step(api: httpx.Client) -> None:
    response = api.post(
        "/api/invoices",
        files={"file": ("fake.pdf", b"%PDF-1.7 but nothing else", "application/pdf")},
        data={"invoice_id": "INV-V3-BAD"},
    )
    assert response.status_code == 202, response.text
    view = wait_for(api, "INV-V3-BAD")
    assert view["status"] == "FAILED", view
    assert view["error"]["code"] == "PDF_TRUNCATED", view
    history = api.get("/api/invoices/INV-V3-BAD/history").json()
    scheduled = [e["name"] for e in history if e["event_type"] == "TASK_SCHEDULED"]
    assert scheduled == ["split_stored_pdf_activity", "publish_event_activity"]  # not retried: bad input


def test_json_pdf_path_and_idempotent_start_by_content(api: httpx.Client) -> None:
    first = api.post("/api/invoices", json={"pdf_path": "invoice-de-3p.pdf"})
    assert first.status_code in {200, 202}, first.text  # 200 if the upload test ran first: same content
    # The same bytes uploaded instead of referenced: one invoice, the existing instance.
    with (SAMPLES / "invoice-de-3p.pdf").open("rb") as handle:
        second = api.post("/api/invoices", files={"file": ("copy.pdf", handle, "application/pdf")})
    assert second.status_code == 200, second.text
    assert second.json()["created"] is False
    assert second.json()["instance_id"] == first.json()["instance_id"]
    assert first.json()["instance_id"].startswith("inv-")


def test_idempotent_start_by_id(api: httpx.Client) -> None:
    first = api.post("/api/invoices", json={"invoice_id": "INV-IDEM-1", "pdf_path": "invoice-en-1p.pdf"})
    assert first.status_code == 202
    assert first.json()["created"] is True
    other_pdf = api.post("/api/invoices", json={"invoice_id": "INV-IDEM-1", "pdf_path": "invoice-de-3p.pdf"})
    assert other_pdf.status_code == 200
    assert other_pdf.json()["created"] is False
    view = wait_for(api, "INV-IDEM-1")
    assert view["status"] == "COMPLETED"
    assert view["result"]["invoice"]["document"]["page_count"] == 1  # the first start's PDF


def test_long_poll_answers_when_the_worker_ends_the_instance(api: httpx.Client) -> None:
    api.post(
        "/api/invoices", json={"invoice_id": "INV-WAIT-1", "pdf_path": "invoice-en-1p.pdf"}
    ).raise_for_status()
    asked = time.monotonic()
    early = api.get("/api/invoices/INV-WAIT-1", params={"wait": 0.3})  # extraction alone takes 1 s here
    assert early.status_code == 200, early.text
    assert early.json()["status"] in {"PENDING", "RUNNING"}
    assert 0.3 <= time.monotonic() - asked < 0.9 + EXTRACT_DELAY_S

    view = api.get("/api/invoices/INV-WAIT-1", params={"wait": 60}).json()
    answered = datetime.now(UTC)
    assert view["status"] == "COMPLETED", view
    assert view["result"]["invoice_id"] == "INV-WAIT-1"
    completed = datetime.fromisoformat(view["last_updated_at"])
    completed = completed if completed.tzinfo else completed.replace(tzinfo=UTC)
    # Woken by the worker's signal, not by a re-check (those come 1 s, 2 s, 4 s... apart).
    assert (answered - completed).total_seconds() < 0.7
    _problem(api.get("/api/invoices/INV-WAIT-1", params={"wait": 61}), 422, "INVALID_INPUT")


# ------------------------------------------------------------------------------------------ seed routes


def test_seed_routes(api: httpx.Client) -> None:
    started = api.post(
        "/api/workflows/invoice", json={"invoice_id": "INV-SEED-1", "pdf_path": "invoice-en-1p.pdf"}
    )
    assert started.status_code == 202, started.text
    raised = api.post("/api/workflows/INV-SEED-1/raise-event/note", json={"hello": "world"})
    assert raised.status_code == 202, raised.text
    wait_for(api, "INV-SEED-1")
    raw = api.get("/api/workflows/INV-SEED-1")
    assert raw.status_code == 200
    snapshot = raw.json()
    assert snapshot["status"] == "COMPLETED"
    assert snapshot["name"] == "invoice_workflow_v3"
    assert json.loads(snapshot["serialized_output"])["invoice_id"] == "INV-SEED-1"
    history = api.get("/api/invoices/INV-SEED-1/history").json()
    assert any(e["event_type"] == "EVENT_RAISED" and e["name"] == "note" for e in history)
    _problem(api.get("/api/workflows/no-such-instance"), 404, "INSTANCE_NOT_FOUND")


# ------------------------------------------------------------------------------------------ lifecycle


def test_pause_event_resume_history(api: httpx.Client) -> None:
    api.post(
        "/api/invoices", json={"invoice_id": "INV-PAUSE-1", "pdf_path": "invoice-de-3p.pdf"}
    ).raise_for_status()
    paused = api.post("/api/invoices/INV-PAUSE-1/pause")
    assert paused.status_code == 202, paused.text
    assert wait_for(api, "INV-PAUSE-1", statuses={"SUSPENDED"}, timeout=10)["status"] == "SUSPENDED"
    time.sleep(EXTRACT_DELAY_S * 2)  # suspended: nothing advances it to COMPLETED meanwhile
    assert api.get("/api/invoices/INV-PAUSE-1").json()["status"] == "SUSPENDED"
    raised = api.post("/api/invoices/INV-PAUSE-1/events/review", json={"action": "approve"})
    assert raised.status_code == 202, raised.text
    api.post("/api/invoices/INV-PAUSE-1/resume").raise_for_status()
    assert wait_for(api, "INV-PAUSE-1")["status"] == "COMPLETED"
    types = [event["event_type"] for event in api.get("/api/invoices/INV-PAUSE-1/history").json()]
    for expected in ("EXECUTION_STARTED", "TASK_SCHEDULED", "EXECUTION_SUSPENDED", "EXECUTION_RESUMED"):
        assert expected in types, types
    _problem(api.post("/api/invoices/INV-PAUSE-1/pause"), 409, "INSTANCE_TERMINAL")


EXTRACT_DELAY_S = float(EXTRACT_DELAY)


def test_terminate_rerun_purge_and_list(api: httpx.Client) -> None:
    api.post(
        "/api/invoices", json={"invoice_id": "INV-TERM-1", "pdf_path": "invoice-12p.pdf"}
    ).raise_for_status()
    _problem(api.delete("/api/invoices/INV-TERM-1"), 409, "INSTANCE_NOT_TERMINAL")
    assert api.post("/api/invoices/INV-TERM-1/terminate").status_code == 202
    assert wait_for(api, "INV-TERM-1", timeout=15)["status"] == "TERMINATED"

    rerun = api.post("/api/invoices/INV-TERM-1/rerun")
    assert rerun.status_code == 202, rerun.text
    again = rerun.json()
    assert again["instance_id"] == "INV-TERM-1.rerun-1"
    assert again["mode"] in {"from_event", "fresh"}
    view = wait_for(api, again["instance_id"])
    assert view["status"] == "COMPLETED", view
    assert view["result"]["invoice_id"] == "INV-TERM-1"
    assert view["result"]["invoice"]["document"]["page_count"] == 12

    terminated = api.get("/api/invoices", params={"status": "TERMINATED"}).json()
    assert "INV-TERM-1" in [item["instance_id"] for item in terminated["items"]]
    completed = api.get("/api/invoices", params={"status": "COMPLETED", "page_size": 500}).json()
    completed_ids = [item["instance_id"] for item in completed["items"]]
    assert "INV-TERM-1.rerun-1" in completed_ids
    assert "INV-TERM-1" not in completed_ids
    assert all(item["workflow"].startswith("invoice_workflow") for item in completed["items"])  # no children

    assert api.delete("/api/invoices/INV-TERM-1").status_code == 204
    _problem(api.get("/api/invoices/INV-TERM-1"), 404, "INSTANCE_NOT_FOUND")
    _problem(api.post("/api/invoices/INV-TERM-1/resume"), 404, "INSTANCE_NOT_FOUND")
    _problem(api.post(f"/api/invoices/{again['instance_id']}/rerun"), 409, "NOT_RERUNNABLE")


# ------------------------------------------------------------------------------------------ inputs


def test_path_traversal_rejected(api: httpx.Client, pdf_base: Path) -> None:
    for raw in ("../../../../etc/passwd", "/etc/passwd", "../" + pdf_base.name + "-evil/x.pdf"):
        _problem(api.post("/api/invoices", json={"pdf_path": raw}), 403, "PATH_NOT_ALLOWED")
    _problem(
        api.post("/api/workflows/invoice", json={"invoice_id": "X1", "pdf_path": "../x.pdf"}),
        403,
        "PATH_NOT_ALLOWED",
    )
    _problem(api.post("/api/invoices", json={"pdf_path": "missing.pdf"}), 404, "FILE_NOT_FOUND")
    _problem(api.post("/api/invoices", json={}), 422, "INVALID_INPUT")


def test_pdf_url_allow_list(api: httpx.Client, url_server: int) -> None:
    for url in (
        f"http://127.0.0.1:{url_server}/other/invoice.pdf",  # same server, path not allowed
        f"http://localhost:{url_server}/allowed/invoice.pdf",  # host differs
        f"http://127.0.0.1:{url_server + 1}/allowed/invoice.pdf",  # port differs
        "file:///etc/passwd",
    ):
        _problem(api.post("/api/invoices", json={"pdf_url": url}), 403, "URL_NOT_ALLOWED")
    ok = api.post(
        "/api/invoices",
        json={"invoice_id": "INV-URL-1", "pdf_url": f"http://127.0.0.1:{url_server}/allowed/invoice.pdf"},
    )
    assert ok.status_code == 202, ok.text
    view = wait_for(api, "INV-URL-1")
    assert view["status"] == "COMPLETED"
    assert view["result"]["invoice"]["document"]["page_count"] == 1


def test_openapi_lists_every_route(api: httpx.Client) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    for path in (
        "/api/invoices",
        "/api/invoices/{instance_id}",
        "/api/invoices/{instance_id}/history",
        "/api/invoices/{instance_id}/events/{name}",
        "/api/invoices/{instance_id}/pause",
        "/api/invoices/{instance_id}/resume",
        "/api/invoices/{instance_id}/terminate",
        "/api/invoices/{instance_id}/rerun",
        "/api/workflows/invoice",
        "/api/workflows/{instance_id}",
        "/api/workflows/{instance_id}/raise-event/{event}",
    ):
        assert path in paths, path
    assert "multipart/form-data" in paths["/api/invoices"]["post"]["requestBody"]["content"]


def test_cli_over_the_api(api: httpx.Client, stack: MultiAppStack) -> None:
    api.post(
        "/api/invoices", json={"invoice_id": "INV-CLI-1", "pdf_path": "invoice-en-1p.pdf"}
    ).raise_for_status()
    wait_for(api, "INV-CLI-1")
    runner = CliRunner()
    url = ["--api-url", stack.api_url]
    got = runner.invoke(cli_app, ["workflow", "get", "INV-CLI-1", "--json", *url])
    assert got.exit_code == 0, got.output
    assert json.loads(got.stdout)["status"] == "COMPLETED"
    listed = runner.invoke(cli_app, ["workflow", "list", "--filter-status", "COMPLETED", "--json", *url])
    assert listed.exit_code == 0
    assert "INV-CLI-1" in [i["instance_id"] for i in json.loads(listed.stdout)["items"]]
    history = runner.invoke(cli_app, ["workflow", "history", "INV-CLI-1", *url])
    assert history.exit_code == 0
    assert "EXECUTION_COMPLETED" in history.stdout
    missing = runner.invoke(cli_app, ["workflow", "pause", "nope", *url])
    assert missing.exit_code == 2
    assert "INSTANCE_NOT_FOUND" in missing.output
    purged = runner.invoke(cli_app, ["workflow", "purge", "INV-CLI-1", *url])
    assert purged.exit_code == 0, purged.output
    assert api.get("/api/invoices/INV-CLI-1").status_code == 404


# ------------------------------------------------------------------------------------------ failures


def test_service_killed_and_restarted_mid_run(
    api: httpx.Client, stack: MultiAppStack, cli_outputs: dict[str, Any]
) -> None:
    api.post(
        "/api/invoices", json={"invoice_id": "INV-KILL-1", "pdf_path": "invoice-12p.pdf"}
    ).raise_for_status()
    wait_for_stage(api, "INV-KILL-1", "extract")
    time.sleep(0.3)  # page requests are inside the (delayed) extract service now
    stack.kill_app(EXTRACT_SERVICE)
    stack.restart_app(EXTRACT_SERVICE)
    view = wait_for(api, "INV-KILL-1", timeout=120)
    assert view["status"] == "COMPLETED", view
    expected = dict(cli_outputs["invoice-12p.pdf"])
    assert view["result"]["invoice"] == expected


def test_failed_run_reruns_from_the_failed_step(api: httpx.Client, stack: MultiAppStack) -> None:
    stack.kill_app(EXTRACT_SERVICE)  # down for longer than the sidecar's and the workflow's retries last
    try:
        api.post(
            "/api/invoices", json={"invoice_id": "INV-FAIL-1", "pdf_path": "invoice-en-1p.pdf"}
        ).raise_for_status()
        failed = wait_for(api, "INV-FAIL-1", timeout=120)
    finally:
        stack.restart_app(EXTRACT_SERVICE)
    assert failed["status"] == "FAILED", failed
    assert failed["error"]["code"] == "INTERNAL", failed
    rerun = api.post("/api/invoices/INV-FAIL-1/rerun").json()
    assert rerun["mode"] == "from_event", rerun
    assert rerun["event_id"] is not None, rerun
    view = wait_for(api, rerun["instance_id"])
    assert view["status"] == "COMPLETED", view
    history = api.get(f"/api/invoices/{rerun['instance_id']}/history").json()
    # Replayed up to the failed extraction: the split ran once, in the source instance only.
    scheduled = [e["name"] for e in history if e["event_type"] == "TASK_SCHEDULED"]
    assert "split_stored_pdf_activity" in scheduled
    assert "extract_page_activity" in scheduled


# ------------------------------------------------------------------------------------------ versions


def test_v1_in_flight_finishes_on_v1_after_v2_is_deployed(api: httpx.Client, stack: MultiAppStack) -> None:
    stack.restart_app(WORKFLOW_APP, env={"INVOICEFLOW_API_WORKFLOW_VERSIONS": "v1"})
    try:
        started = api.post("/api/invoices", json={"invoice_id": "INV-V1-1", "pdf_path": "invoice-12p.pdf"})
        assert started.json()["workflow"] == "invoice_workflow"
        wait_for_stage(api, "INV-V1-1", "extract")
        stack.kill_app(WORKFLOW_APP)  # the worker dies mid-run ...
    finally:  # ... and comes back with both versions registered
        stack.restart_app(WORKFLOW_APP, env={"INVOICEFLOW_API_WORKFLOW_VERSIONS": "v1,v2"})
    view = wait_for(api, "INV-V1-1", timeout=120)
    assert view["status"] == "COMPLETED"
    assert view["workflow"] == "invoice_workflow"
    assert view["version"] == "v1"

    newer = api.post("/api/invoices", json={"invoice_id": "INV-V2-1", "pdf_path": "invoice-en-1p.pdf"}).json()
    assert newer["workflow"] == "invoice_workflow_v2"  # the newest version this host registered
    assert wait_for(api, "INV-V2-1")["status"] == "COMPLETED"
    assert _summary(stack, "INV-V2-1") is not None  # v2 writes a summary
    assert _summary(stack, "INV-V1-1") is None  # v1 has no such step


def test_v2_in_flight_finishes_on_v2_after_v3_is_deployed(
    api: httpx.Client, stack: MultiAppStack, cli_outputs: dict[str, Any]
) -> None:
    stack.restart_app(WORKFLOW_APP, env={"INVOICEFLOW_API_WORKFLOW_VERSIONS": "v1,v2"})
    try:
        started = api.post("/api/invoices", json={"invoice_id": "INV-V2-2", "pdf_path": "invoice-12p.pdf"})
        assert started.json()["workflow"] == "invoice_workflow_v2"
        wait_for_stage(api, "INV-V2-2", "extract")
        stack.kill_app(WORKFLOW_APP)  # the worker dies mid-run ...
    finally:  # ... and comes back with v3 deployed beside v2
        stack.restart_app(WORKFLOW_APP, env={"INVOICEFLOW_API_WORKFLOW_VERSIONS": "v1,v2,v3"})
    view = wait_for(api, "INV-V2-2", timeout=120)
    assert view["status"] == "COMPLETED", view
    assert (view["workflow"], view["version"]) == ("invoice_workflow_v2", "v2")
    assert view["result"]["invoice"] == cli_outputs["invoice-12p.pdf"]
    history = api.get("/api/invoices/INV-V2-2/history").json()
    scheduled = {e["name"] for e in history if e["event_type"] == "TASK_SCHEDULED"}
    # v2's own steps, replayed as they were recorded: upload, split, aggregate and save.
    assert {"upload_pdf_activity", "split_pdf_activity", "save_and_publish_activity"} <= scheduled
    assert not scheduled & {"split_stored_pdf_activity", "aggregate_and_finish_activity"}
    summary = _summary(stack, "INV-V2-2")
    assert summary is not None
    assert summary.workflow == "invoice_workflow_v2"

    newer = api.post("/api/invoices", json={"invoice_id": "INV-V3-2", "pdf_path": "invoice-en-1p.pdf"}).json()
    assert newer["workflow"] == "invoice_workflow_v3"
    assert wait_for(api, "INV-V3-2")["status"] == "COMPLETED"
    summary = _summary(stack, "INV-V3-2")
    assert summary is not None
    assert summary.workflow == "invoice_workflow_v3"


def _summary(stack: MultiAppStack, invoice_id: str) -> InvoiceSummary | None:
    return _state(stack, SUMMARY_KEY_PREFIX + invoice_id, InvoiceSummary)


def _saved_result(stack: MultiAppStack, invoice_id: str) -> dict[str, Any] | None:
    result = _state(stack, invoice_id, InvoiceWorkflowResult)
    return None if result is None else result.model_dump(mode="json")


M = TypeVar("M", bound=BaseModel)


def _state(stack: MultiAppStack, key: str, model: type[M]) -> M | None:
    assert stack.stack is not None
    sidecar = stack.stack.sidecar(WORKFLOW_APP)

    async def read() -> M | None:
        async with DaprClient(
            DaprSettings(host=sidecar.host, http_port=sidecar.http_port, grpc_port=sidecar.grpc_port)
        ) as client:
            entry = await client.state(STATESTORE).get(key, model)
            return None if entry is None else entry.value

    return asyncio.run(read())
