"""``invoiceflow process`` on the real embedded stack against ``invoiceflow extract`` on the same PDFs.

Each test runs the CLI as a subprocess, exactly as a user would: it starts placement, scheduler, daprd,
the services app and the workflow host by itself and must leave no process behind.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
from corpus import build_invoice_pdf
from corpus.batch import batch_sample
from corpus.einvoice import facturx_sample, mismatch_sample
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from invoiceflow.domain.einvoice import Profile

pytestmark = [pytest.mark.integration, pytest.mark.slow]

CLI = [sys.executable, "-c", "from invoiceflow.cli import main; main()"]
DAPR_BINARIES = {"daprd", "placement", "scheduler"}


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 240
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def dapr_children(parent_pid: int) -> dict[int, str]:
    """Dapr processes started by ``parent_pid`` (the CLI), by pid."""
    return {
        process.pid: process.info["name"]
        for process in psutil.process_iter(["name", "ppid"])
        if process.info["name"] in DAPR_BINARIES and process.info["ppid"] == parent_pid
    }


@pytest.fixture(scope="module")
def invoices(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    directory = tmp_path_factory.mktemp("invoices")
    paths = []
    for pages in (1, 3, 12):
        pdf, _golden = build_invoice_pdf(pages=pages, seed=7, filename=f"invoice-{pages}p.pdf")
        path = directory / f"invoice-{pages}p.pdf"
        path.write_bytes(pdf)
        paths.append(path)
    return paths


def test_process_equals_extract_for_1_3_and_12_pages(invoices: list[Path]) -> None:
    extracted = run_cli("extract", "--json", *map(str, invoices))
    assert extracted.returncode == 0, extracted.stderr
    processed = run_cli("process", "--json", *map(str, invoices))
    assert processed.returncode == 0, processed.stderr

    expected = json.loads(extracted.stdout)
    actual = json.loads(processed.stdout)
    assert [doc["document"]["page_count"] for doc in actual] == [1, 3, 12]
    # The contract has no run-specific fields (no timestamps, no ids): the documents must be identical.
    assert actual == expected


def test_process_one_file_prints_one_object(invoices: list[Path]) -> None:
    processed = run_cli("process", str(invoices[0]))
    assert processed.returncode == 0, processed.stderr
    document = json.loads(processed.stdout)
    assert isinstance(document, dict)
    assert document["document"]["filename"] == invoices[0].name
    assert "needs_review" in document["validation"]


def test_bad_input_reports_the_same_code_as_extract(tmp_path: Path, invoices: list[Path]) -> None:
    bad = tmp_path / "not-a-pdf.pdf"
    bad.write_bytes(b"this is plain text, not a PDF\n")
    extracted = run_cli("extract", str(bad))
    processed = run_cli("process", str(bad), str(invoices[0]))

    assert extracted.returncode == processed.returncode == 2
    assert "NOT_A_PDF" in extracted.stderr
    assert f"invoiceflow: error: NOT_A_PDF: {bad}" in processed.stderr
    # The good file of the same run still comes out.
    assert json.loads(processed.stdout)["document"]["filename"] == invoices[0].name


def test_missing_file_is_reported_with_its_code(tmp_path: Path) -> None:
    processed = run_cli("process", str(tmp_path / "nowhere.pdf"))
    assert processed.returncode == 2
    assert "FILE_NOT_FOUND" in processed.stderr


def test_the_cli_leaves_no_dapr_process_behind(invoices: list[Path]) -> None:
    process = subprocess.Popen(
        [*CLI, "process", str(invoices[0])], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    seen: dict[int, str] = {}
    while process.poll() is None:
        seen.update(dapr_children(process.pid))
        try:
            process.wait(timeout=0.1)
        except subprocess.TimeoutExpired:
            continue
    stdout, stderr = process.communicate()
    assert process.returncode == 0, stderr
    assert json.loads(stdout)["document"]["page_count"] == 1
    assert set(seen.values()) == DAPR_BINARIES  # the stack really ran under the CLI...
    survivors = [
        name
        for pid, name in seen.items()
        if psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    ]
    assert (
        survivors == []
    )  # ...and none of its processes outlived it (orphans would be re-parented, not gone)


@pytest.fixture(scope="module")
def whole_document_cases(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """A Factur-X PDF, one whose XML disagrees with its page, and a batch scan of several invoices."""
    directory = tmp_path_factory.mktemp("whole-document")
    facturx = facturx_sample(7, 1, Profile.EN16931, pages=2)
    mismatch, _changed = mismatch_sample(7, 2)
    batch = batch_sample(7, 0, invoices=3)
    paths = []
    for name, data in (
        ("facturx.pdf", facturx.data),
        ("mismatch.pdf", mismatch.data),
        ("batch.pdf", batch.pdf),
    ):
        path = directory / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def test_process_equals_extract_for_einvoices_and_batch_scans(whole_document_cases: list[Path]) -> None:
    extracted = run_cli("extract", "--json", *map(str, whole_document_cases))
    assert extracted.returncode == 0, extracted.stderr
    processed = run_cli("process", "--json", *map(str, whole_document_cases))
    assert processed.returncode == 0, processed.stderr

    expected = json.loads(extracted.stdout)
    actual = json.loads(processed.stdout)
    # What makes these cases different must really be there, or equality would prove little:
    facturx, mismatch, *batch = actual
    assert (facturx["extractor"]["method"], facturx["extractor"]["syntax"]) == ("facturx", "CII")
    assert "EINVOICE_MISMATCH" in {issue["code"] for issue in mismatch["validation"]["issues"]}
    assert [invoice["document"]["page_range"] is not None for invoice in batch] == [True] * 3
    assert actual == expected


def test_review_timeout_option_waits_and_reports(tmp_path: Path) -> None:
    buffer = tmp_path / "needs-review.pdf"
    page = canvas.Canvas(str(buffer), pagesize=A4)
    page.drawString(72, 770, "Rechnung")
    page.drawString(72, 750, "Rechnungsnummer: R-2024-0042")
    page.showPage()
    page.save()

    waited = run_cli("process", "--review-timeout", "1", str(buffer))
    not_waited = run_cli("process", str(buffer))

    assert waited.returncode == not_waited.returncode == 0, waited.stderr + not_waited.stderr
    assert f"invoiceflow: review_timeout: {buffer}: no decision within 1 s" in waited.stderr
    assert "review_timeout" not in not_waited.stderr
    assert json.loads(waited.stdout)["validation"]["needs_review"] is True
    assert json.loads(waited.stdout) == json.loads(not_waited.stdout)
