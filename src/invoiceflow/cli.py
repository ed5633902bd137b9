"""`invoiceflow` command line: a thin shell over the library. Heavy modules are imported inside commands
so that `invoiceflow extract` on one file starts fast."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

# The extract command's body lives in a Typer-free module, shared with the console fast path.
from invoiceflow.cli_extract import (
    CSV_COLUMNS,
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    OcrChoice,
    OutputFormat,
    render_invoices,
    run_extract,
)

if TYPE_CHECKING:
    from invoiceflow.domain.models import AggregatedInvoice

app = typer.Typer(
    name="invoiceflow",
    help="Invoice processing: upload, split, extract, aggregate — in-process, on Dapr Workflow or Prefect.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

__all__ = ["CSV_COLUMNS", "OcrChoice", "OutputFormat", "app", "main", "render_invoices"]


def fail(code: str, message: str, exit_code: int = EXIT_BAD_INPUT) -> typer.Exit:
    """Report a stable error code on stderr; callers `raise fail(...)`."""
    typer.echo(f"invoiceflow: error: {code}: {message}", err=True)
    return typer.Exit(exit_code)


@app.command()
def extract(  # noqa: PLR0917  (typer turns each parameter into an option)
    files: Annotated[
        list[Path], typer.Argument(help="PDF files or bare e-invoice XML (CII, UBL).", show_default=False)
    ],
    json_output: Annotated[bool, typer.Option("--json", help="Write JSON (the default).")] = False,
    csv_output: Annotated[bool, typer.Option("--csv", help="Write one CSV row per invoice.")] = False,
    ocr: Annotated[OcrChoice, typer.Option(help="OCR pages without a text layer (auto).")] = OcrChoice.AUTO,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="Folder of invoice2data YAML templates (default: $INVOICEFLOW_TEMPLATES, else none).",
        ),
    ] = None,
    no_templates: Annotated[bool, typer.Option("--no-templates", help="Do not use templates.")] = False,
) -> None:
    """Extract invoices in this process (no Dapr): one JSON object per invoice, an array for several
    (several files, or a PDF that holds several invoices)."""
    exit_code = run_extract(
        files,
        json_output=json_output,
        csv_output=csv_output,
        ocr=ocr,
        templates=templates,
        no_templates=no_templates,
    )
    if exit_code:
        raise typer.Exit(exit_code)


def _progress(total: int) -> Any:
    """A progress bar on stderr when several files are processed; a no-op context otherwise."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        disable=total < 2,
        transient=True,
    )


class Engine(StrEnum):
    LOCAL = "local"
    DAPR = "dapr"
    PREFECT = "prefect"


def _process_elsewhere(files: list[Path], engine: Engine, api_url: str | None, ocr: OcrChoice) -> None:
    """`process --engine local|prefect`: the same stage functions, so the same JSON as the Dapr path."""
    from contextlib import nullcontext

    from invoiceflow.domain.errors import InvoiceFlowError
    from invoiceflow.domain.models import OcrMode
    from invoiceflow.domain.pipeline import extract_document_file

    invoices: list[AggregatedInvoice] = []
    failures = 0
    if engine is Engine.PREFECT:
        try:
            from invoiceflow.prefect.runner import prefect_engine
        except ImportError as exc:  # the optional extra is missing
            raise fail(
                "INTERNAL", f"Prefect is not installed ({exc}): pip install 'invoiceflow[prefect]'"
            ) from None
        context: Any = prefect_engine(api_url)
    else:
        context = nullcontext(None)
    with context as prefect:
        for path in files:
            try:
                if prefect is not None:
                    invoices.extend(prefect.process(path, ocr=OcrMode(ocr.value)))
                else:
                    invoices.extend(extract_document_file(path, ocr=OcrMode(ocr.value)))
            except InvoiceFlowError as exc:
                failures += 1
                typer.echo(f"invoiceflow: error: {exc.code.value}: {path}: {exc.message}", err=True)
    if invoices:
        sys.stdout.write(render_invoices(invoices, OutputFormat.JSON))
    if failures:
        raise typer.Exit(EXIT_BAD_INPUT)


@app.command()
def process(  # noqa: PLR0917 - typer options are parameters
    files: Annotated[list[Path], typer.Argument(help="PDF files to process.", show_default=False)],
    json_output: Annotated[bool, typer.Option("--json", help="Write JSON (the default).")] = False,
    review_timeout: Annotated[
        float,
        typer.Option(
            "--review-timeout",
            min=0.0,
            help="Seconds to wait for a `review` event when an invoice needs review (0: do not wait).",
        ),
    ] = 0.0,
    ocr: Annotated[OcrChoice, typer.Option(help="OCR pages without a text layer (auto).")] = OcrChoice.AUTO,
    engine: Annotated[
        Engine, typer.Option(help="dapr (Dapr Workflow), prefect (Prefect 3) or local (in-process).")
    ] = Engine.DAPR,
    api_url: Annotated[
        str | None,
        typer.Option("--api-url", help="Prefect API URL (--engine prefect); default: an ephemeral server."),
    ] = None,
) -> None:
    """Process invoices on Dapr Workflow (default): starts a local Dapr stack for this run, one workflow per
    file. `--engine prefect` runs `invoice_processing_flow` on Prefect; `--engine local` in this process.
    SIGTERM stops the stack cleanly, then exits with 143 (Ctrl-C: 130)."""
    if api_url is not None and engine is not Engine.PREFECT:
        raise fail("INVALID_INPUT", "--api-url applies to --engine prefect only")
    if engine is not Engine.DAPR:
        _process_elsewhere(files, engine, api_url, ocr)
        return
    from invoiceflow.domain.models import OcrMode
    from invoiceflow.runtime.errors import StackError
    from invoiceflow.runtime.process import run_until_sigterm
    from invoiceflow.workflow.embedded import FileOutcome, process_files

    progress = _progress(2)  # always shown: pages done / total of the file in flight
    with progress:
        tasks: dict[Path, Any] = {}

        def on_progress(path: Path, status: Any) -> None:
            if path not in tasks:
                tasks[path] = progress.add_task(path.name, total=None)
            total = status.pages_total or None
            progress.update(tasks[path], total=total, completed=status.pages_done)

        try:
            # The stack starts in a worker thread, where it cannot install a SIGTERM handler: here, in
            # the main thread, SIGTERM becomes a cancellation that runs the stack's stop.
            outcomes: list[FileOutcome] = run_until_sigterm(
                process_files(
                    files,
                    review_timeout_seconds=review_timeout,
                    ocr=OcrMode(ocr.value),
                    on_progress=on_progress,
                )
            )
        except StackError as exc:
            raise fail("INTERNAL", f"the local Dapr stack failed: {exc}", EXIT_INTERNAL) from None
    # A file holding several invoices (a batch scan) contributes each of them, as `extract` does.
    invoices = [invoice for outcome in outcomes if outcome.result for invoice in outcome.result.all_invoices]
    failed = [outcome for outcome in outcomes if outcome.error is not None]
    for outcome in outcomes:
        # Asked to wait for a review that never came: say so (the JSON keeps `needs_review: true`).
        if outcome.result is not None and outcome.result.status.value == "review_timeout":
            typer.echo(
                f"invoiceflow: review_timeout: {outcome.path}: no decision within {review_timeout:g} s",
                err=True,
            )
    for outcome in failed:
        error = outcome.error
        assert error is not None
        typer.echo(f"invoiceflow: error: {error.code.value}: {outcome.path}: {error.message}", err=True)
    if invoices:
        sys.stdout.write(render_invoices(invoices, OutputFormat.JSON))
    if failed:
        raise typer.Exit(EXIT_BAD_INPUT)


@app.command()
def compare(
    files: Annotated[
        list[Path], typer.Argument(help="PDF files to run on every engine.", show_default=False)
    ],
    engines: Annotated[
        str, typer.Option(help="Comma-separated engines to compare: local, dapr, prefect.")
    ] = "local,dapr,prefect",
    runs: Annotated[int, typer.Option(min=1, help="Timed runs per file and engine (after a warm-up).")] = 3,
    out: Annotated[Path, typer.Option(help="Directory for report.md, timings.csv and the plots.")] = Path(
        "compare-report"
    ),
    api_url: Annotated[
        str | None, typer.Option("--api-url", help="Prefect API URL; default: an ephemeral server.")
    ] = None,
) -> None:
    """Run each engine on the same files and report wall time, overhead, throughput and memory."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from invoiceflow.compare.engines import EngineName
    from invoiceflow.compare.run import run_compare, steps_per_engine

    try:
        chosen = list(dict.fromkeys(EngineName(name.strip()) for name in engines.split(",") if name.strip()))
    except ValueError as exc:
        raise fail("INVALID_INPUT", f"--engines: {exc}") from None
    if not chosen:
        raise fail("INVALID_INPUT", "--engines names no engine")
    missing = [path for path in files if not path.is_file()]
    if missing:
        raise fail("FILE_NOT_FOUND", ", ".join(map(str, missing)))
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with progress:
        task = progress.add_task("comparing", total=len(chosen) * steps_per_engine(len(files), runs))

        def advance(description: str) -> None:
            progress.update(task, advance=1, description=description)

        output = run_compare(files, chosen, runs, out, prefect_api_url=api_url, advance=advance)
    sys.stdout.write(output.markdown)
    typer.echo(f"report: {output.report_path}  timings: {output.csv_path}", err=True)
    typer.echo("plots: " + " ".join(str(path) for path in output.plots), err=True)
    if any(result.error for result in output.results):
        raise typer.Exit(EXIT_INTERNAL)


class FacturxProfile(StrEnum):
    BASIC = "BASIC"
    EN16931 = "EN16931"


@app.command()
def export(
    file: Annotated[Path, typer.Argument(help="A PDF invoice to extract and export.", show_default=False)],
    facturx_out: Annotated[
        Path, typer.Option("--facturx", help="Write a Factur-X PDF (the input PDF + its CII XML) here.")
    ],
    profile: Annotated[FacturxProfile, typer.Option(help="Factur-X profile.")] = FacturxProfile.EN16931,
    ocr: Annotated[OcrChoice, typer.Option(help="OCR pages without a text layer (auto).")] = OcrChoice.AUTO,
    no_templates: Annotated[bool, typer.Option("--no-templates", help="Do not use templates.")] = False,
) -> None:
    """Extract FILE and write it as a Factur-X e-invoice (XML validated against the official XSD)."""
    from invoiceflow.domain.einvoice import Profile
    from invoiceflow.domain.einvoice.facturx_pdf import write_facturx_pdf
    from invoiceflow.domain.errors import InvoiceFlowError
    from invoiceflow.domain.models import OcrMode
    from invoiceflow.domain.pdf import PdfLimits, read_pdf_file
    from invoiceflow.domain.pipeline import extract_document
    from invoiceflow.domain.templates import default_templates_dir

    try:
        data = read_pdf_file(file, PdfLimits())
        if not data.startswith(b"%PDF"):
            raise fail("INVALID_INPUT", f"{file}: export needs a PDF (its pages become the visible invoice)")
        template_dir = None if no_templates else default_templates_dir()
        invoices = extract_document(data, filename=file.name, ocr=OcrMode(ocr.value), templates=template_dir)
        if len(invoices) != 1:
            raise fail("INVALID_INPUT", f"{file} holds {len(invoices)} invoices; export takes one")
        output = write_facturx_pdf(invoices[0], data, Profile(profile.value))
        facturx_out.write_bytes(output)
    except InvoiceFlowError as exc:
        raise fail(exc.code.value, f"{file}: {exc.message}") from None
    except OSError as exc:
        raise fail("FILE_UNREADABLE", f"{facturx_out}: {exc.strerror}") from None
    sys.stdout.write(render_invoices(invoices, OutputFormat.JSON))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the invoice contract (version 1)."""
    from invoiceflow.domain.schema import render_schema

    sys.stdout.write(render_schema())


@app.command()
def runtime(
    print_dir: Annotated[bool, typer.Option("--print-dir", help="Print only the directory.")] = False,
) -> None:
    """Find (or build) the pinned Dapr runtime binaries and say where they are."""
    from invoiceflow.runtime.provision import main as provision_main

    raise typer.Exit(provision_main(["--print-dir"] if print_dir else []))


# The workflow management commands and the multi-app mode live in their own module (lazy heavy imports).
from invoiceflow.cli_workflow import down as _down  # noqa: E402
from invoiceflow.cli_workflow import up as _up  # noqa: E402
from invoiceflow.cli_workflow import workflow_app as _workflow_app  # noqa: E402

app.add_typer(_workflow_app, name="workflow")
app.command("up")(_up)
app.command("down")(_down)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
