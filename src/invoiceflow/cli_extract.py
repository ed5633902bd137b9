"""The body of `invoiceflow extract`, free of Typer and Rich.

Both the Typer command (``cli.extract``) and the console fast path (``console.main``) call ``run_extract``,
so a one-shot run does not pay for building the Typer/Rich app, and both give the same output, messages
and exit codes.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from invoiceflow.domain.models import AggregatedInvoice

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


class OutputFormat(StrEnum):
    JSON = "json"
    CSV = "csv"


class OcrChoice(StrEnum):
    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


CSV_COLUMNS = (
    "filename",
    "sha256",
    "invoice_number",
    "issue_date",
    "due_date",
    "currency",
    "issuer.name",
    "issuer.vat_id",
    "issuer.iban",
    "recipient.name",
    "totals.net",
    "totals.tax",
    "totals.gross",
    "line_items",
    "needs_review",
    "issues",
)


def error_line(code: str, message: str) -> str:
    return f"invoiceflow: error: {code}: {message}"


def _csv_row(data: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "filename": data["document"]["filename"],
        "sha256": data["document"]["sha256"],
        "line_items": len(data["line_items"]),
        "needs_review": data["validation"]["needs_review"],
        "issues": " ".join(issue["code"] for issue in data["validation"]["issues"]),
    }
    for column in CSV_COLUMNS:
        if column not in row:
            value: Any = data
            for part in column.split("."):
                value = value[part]
            row[column] = value
    return row


def render_invoices(invoices: Sequence[AggregatedInvoice], output: OutputFormat) -> str:
    """One JSON object (one invoice) or an array (several); or a CSV table with one row per invoice."""
    dumped = [invoice.model_dump(mode="json") for invoice in invoices]
    if output is OutputFormat.CSV:
        import csv  # only here: a JSON run does not load it

        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(_csv_row(data) for data in dumped)
        return buffer.getvalue()
    payload: Any = dumped[0] if len(dumped) == 1 else dumped
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def progress_bar(total: int) -> Any:
    """A progress bar on stderr while several files are processed, only on a terminal (Rich is then
    imported); a no-op context otherwise, so piped stderr carries only error lines."""
    from contextlib import nullcontext

    if total < 2 or not sys.stderr.isatty():
        return nullcontext(None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def load_extraction() -> None:
    """Import what ``run_extract`` runs (it imports them itself too): for a caller that wants start-up
    done before the first file (``console`` freezes the start-up objects then)."""
    from importlib import import_module

    for name in ("invoiceflow.domain.pipeline", "invoiceflow.domain.templates"):
        import_module(name)


def run_extract(
    files: Sequence[Path],
    *,
    csv_output: bool = False,
    json_output: bool = False,
    ocr: OcrChoice = OcrChoice.AUTO,
    templates: Path | None = None,
    no_templates: bool = False,
) -> int:
    """Extract ``files`` in this process, write JSON or CSV to stdout and one line per failure to
    stderr; return the exit code (2 when any input was bad, the good files are still written)."""
    if json_output and csv_output:
        return _fail("INVALID_INPUT", "--json and --csv exclude each other")
    if templates is not None and no_templates:
        return _fail("INVALID_INPUT", "--templates and --no-templates exclude each other")
    if templates is not None and not templates.is_dir():
        return _fail("INVALID_INPUT", f"template folder not found: {templates}")
    from invoiceflow.domain.errors import InvoiceFlowError
    from invoiceflow.domain.models import OcrMode
    from invoiceflow.domain.pipeline import extract_document_file
    from invoiceflow.domain.templates import default_templates_dir

    template_dir = None if no_templates else (templates or default_templates_dir())
    invoices: list[AggregatedInvoice] = []
    failures: list[str] = []
    with progress_bar(len(files)) as progress:
        task = progress.add_task("extracting", total=len(files)) if progress is not None else None
        for path in files:
            try:
                invoices.extend(extract_document_file(path, ocr=OcrMode(ocr.value), templates=template_dir))
            except InvoiceFlowError as exc:
                failures.append(error_line(exc.code.value, f"{path}: {exc.message}"))
            except Exception as exc:  # a bug, not bad input: still one line and a code, not a traceback
                failures.append(error_line("INTERNAL", f"{path}: {type(exc).__name__}: {exc}"))
            if progress is not None:
                progress.advance(task)
    for line in failures:
        sys.stderr.write(line + "\n")
    if invoices:
        sys.stdout.write(render_invoices(invoices, OutputFormat.CSV if csv_output else OutputFormat.JSON))
    return EXIT_BAD_INPUT if failures else EXIT_OK


def _fail(code: str, message: str) -> int:
    sys.stderr.write(error_line(code, message) + "\n")
    return EXIT_BAD_INPUT
