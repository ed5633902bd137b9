"""``invoice_processing_flow`` on a real Prefect 3 ephemeral server (a private ``PREFECT_HOME``, no
network): the same JSON as the in-process pipeline on several PDFs, bad input reported with its code,
and the CLI's ``process --engine prefect``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError
from invoiceflow.domain.pipeline import extract_document, extract_invoice
from invoiceflow.prefect.environment import configure_prefect

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def prefect_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("prefect-home")


@pytest.fixture(scope="module")
def engine(prefect_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    if os.environ.get("PREFECT_API_URL"):
        pytest.fail("PREFECT_API_URL is set: these tests run on the ephemeral server", pytrace=False)
    configure_prefect(home=prefect_home)
    from invoiceflow.prefect.runner import prefect_engine

    with prefect_engine(blob_root=tmp_path_factory.mktemp("blobs")) as ready:
        yield ready


def _generated(tmp_path: Path, pages: int, seed: int) -> Path:
    from corpus import build_invoice_pdf

    data, _golden = build_invoice_pdf(pages=pages, seed=seed)
    path = tmp_path / f"generated-{pages}p-{seed}.pdf"
    path.write_bytes(data)
    return path


def test_same_json_as_the_in_process_pipeline(engine: object, tmp_path: Path) -> None:
    files = [*sorted(SAMPLES.glob("*.pdf")), _generated(tmp_path, 5, 7), _generated(tmp_path, 2, 11)]
    assert len(files) >= 4
    for path in files:
        data = path.read_bytes()
        expected = [i.model_dump(mode="json") for i in extract_document(data, filename=path.name)]
        got = [i.model_dump(mode="json") for i in engine.process(path)]  # type: ignore[attr-defined]
        assert got == expected, path.name
        if len(expected) == 1:  # a single invoice: also what `extract_invoice` gives
            assert got[0] == extract_invoice(data, filename=path.name).model_dump(mode="json")
        assert got[0]["document"]["page_count"] == expected[0]["document"]["page_count"]


def test_bad_input_fails_with_its_code(engine: object, tmp_path: Path) -> None:
    not_a_pdf = tmp_path / "notes.pdf"
    not_a_pdf.write_text("this is not a PDF\n")
    with pytest.raises(InvoiceFlowError) as raised:
        engine.process(not_a_pdf)  # type: ignore[attr-defined]
    assert raised.value.code is ErrorCode.NOT_A_PDF


def test_cli_process_with_the_prefect_engine(prefect_home: Path) -> None:
    sample = SAMPLES / "invoice-de-3p.pdf"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(prefect_home)
    completed = subprocess.run(
        [sys.executable, "-m", "invoiceflow.cli", "process", str(sample), "--engine", "prefect"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    expected = [
        i.model_dump(mode="json") for i in extract_document(sample.read_bytes(), filename=sample.name)
    ]
    got = json.loads(completed.stdout)
    assert (got if isinstance(got, list) else [got]) == expected


def test_cli_refuses_an_api_url_without_the_prefect_engine() -> None:
    command = [sys.executable, "-m", "invoiceflow.cli", "process", str(SAMPLES / "invoice-en-1p.pdf")]
    command += ["--engine", "local", "--api-url", "http://127.0.0.1:9/api"]
    completed = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 2
    assert "INVALID_INPUT" in completed.stderr


@pytest.fixture
def prefect_server(tmp_path: Path) -> Iterator[str]:
    """A real ``prefect server start`` on a free loopback port, with its own PREFECT_HOME."""
    import httpx

    from invoiceflow.runtime.ports import free_ports

    (port,) = free_ports(1)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(tmp_path / "server-home"), PREFECT_UI_ENABLED="false")
    env.update(PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")
    log = (tmp_path / "server.log").open("w")
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, (tmp_path / "server.log").read_text()[-2000:]
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the Prefect server did not start within 120 s"
            time.sleep(0.5)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # its own session: the server and its service processes
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def test_cli_runs_land_in_the_server_given_by_api_url(prefect_server: str, tmp_path: Path) -> None:
    import httpx

    sample = SAMPLES / "invoice-en-1p.pdf"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "client-home")
    command = [sys.executable, "-m", "invoiceflow.cli", "process", str(sample), "--engine", "prefect"]
    command += ["--api-url", prefect_server]
    completed = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert json.loads(completed.stdout)["document"]["filename"] == sample.name

    flows = httpx.post(f"{prefect_server}/flows/filter", json={}, timeout=10).json()
    assert "invoice_processing_flow" in {f["name"] for f in flows}
    runs = httpx.post(f"{prefect_server}/flow_runs/filter", json={}, timeout=10).json()
    assert [r["state_type"] for r in runs] == ["COMPLETED"]
    tasks = httpx.post(f"{prefect_server}/task_runs/filter", json={}, timeout=10).json()
    names = sorted(t["name"].rsplit("-", 1)[0] for t in tasks)
    assert names == ["aggregate_invoice", "extract_invoice", "split_pdf", "upload_pdf"]
