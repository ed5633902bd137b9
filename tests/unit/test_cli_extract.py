"""`invoiceflow extract` as a user runs it: real sample PDFs, JSON and CSV, stable error codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from invoiceflow.cli import app

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
runner = CliRunner()


def test_one_file_gives_one_json_object_matching_the_golden_header_fields() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLES / "invoice-de-3p.pdf"), "--json"])
    assert result.exit_code == 0, result.output
    invoice = json.loads(result.stdout)
    golden = json.loads((SAMPLES / "invoice-de-3p.json").read_text())
    assert invoice["schema_version"] == "1"
    assert invoice["document"]["sha256"] == golden["document"]["sha256"]
    assert invoice["document"]["page_count"] == 3
    for field in ("invoice_number", "issue_date", "currency", "totals"):
        assert invoice[field] == golden[field], field


def test_several_files_give_an_array_and_csv_gives_one_row_each() -> None:
    files = [str(SAMPLES / "invoice-de-3p.pdf"), str(SAMPLES / "invoice-en-1p.pdf")]
    as_json = runner.invoke(app, ["extract", *files])
    assert as_json.exit_code == 0, as_json.output
    assert [i["document"]["filename"] for i in json.loads(as_json.stdout)] == [
        "invoice-de-3p.pdf",
        "invoice-en-1p.pdf",
    ]
    as_csv = runner.invoke(app, ["extract", *files, "--csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [row["filename"] for row in rows] == ["invoice-de-3p.pdf", "invoice-en-1p.pdf"]
    assert rows[0]["totals.gross"] == json.loads(as_json.stdout)[0]["totals"]["gross"]


def test_bad_input_reports_a_stable_code_and_still_outputs_the_good_files(tmp_path: Path) -> None:
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("just text")
    result = runner.invoke(app, ["extract", str(not_pdf), str(SAMPLES / "invoice-en-1p.pdf")])
    assert result.exit_code == 2
    assert f"invoiceflow: error: NOT_A_PDF: {not_pdf}" in result.stderr
    assert json.loads(result.stdout)["document"]["filename"] == "invoice-en-1p.pdf"
    missing = runner.invoke(app, ["extract", str(tmp_path / "nope.pdf")])
    assert missing.exit_code == 2
    assert "FILE_NOT_FOUND" in missing.stderr


def test_the_installed_command_never_prints_a_traceback(tmp_path: Path) -> None:
    truncated = tmp_path / "cut.pdf"
    truncated.write_bytes((SAMPLES / "invoice-en-1p.pdf").read_bytes()[:700])
    proc = subprocess.run(
        [sys.executable, "-m", "invoiceflow.cli", "extract", str(truncated)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("invoiceflow: error: PDF_TRUNCATED:")
