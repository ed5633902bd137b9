"""The console entry point runs `extract` without Typer/Rich and must be indistinguishable from the Typer
command: the same stdout (JSON, CSV), the same error lines and exit codes; everything else goes to Typer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from invoiceflow.cli import app
from invoiceflow.cli_extract import OcrChoice
from invoiceflow.console import ExtractArgs, parse_extract

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
EN = str(SAMPLES / "invoice-en-1p.pdf")
DE = str(SAMPLES / "invoice-de-3p.pdf")
runner = CliRunner()


def console(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m invoiceflow ...`: the same ``console.main`` the installed `invoiceflow` command runs."""
    return subprocess.run(
        [sys.executable, "-m", "invoiceflow", *args], capture_output=True, text=True, check=False
    )


def test_a_plain_extract_line_is_parsed_with_every_documented_option() -> None:
    parsed = parse_extract(["extract", "a.pdf", "--csv", "--ocr", "never", "b.pdf", "--templates=tpl"])
    assert parsed == ExtractArgs(
        files=[Path("a.pdf"), Path("b.pdf")], csv_output=True, ocr=OcrChoice.NEVER, templates=Path("tpl")
    )
    assert parse_extract(["extract", "--json", "--no-templates", "--ocr=always", "--", "--odd.pdf"]) == (
        ExtractArgs(files=[Path("--odd.pdf")], json_output=True, no_templates=True, ocr=OcrChoice.ALWAYS)
    )


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["schema"],
        ["extract"],
        ["extract", "--json"],
        ["extract", "a.pdf", "--help"],
        ["extract", "a.pdf", "--ocr", "bogus"],
        ["extract", "a.pdf", "--ocr"],
        ["extract", "a.pdf", "--templates="],
        ["extract", "a.pdf", "--json=yes"],
        ["extract", "a.pdf", "--verbose"],
        ["extract", "a.pdf", "-h"],
    ],
)
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert parse_extract(argv) is None


@pytest.mark.parametrize(
    "args",
    [
        ["extract", EN, "--json"],
        ["extract", DE],
        ["extract", DE, EN],
        ["extract", "--csv", DE, EN],
        ["extract", EN, "--ocr", "never", "--no-templates", "--csv"],
    ],
)
def test_the_fast_path_writes_what_the_typer_command_writes(args: list[str]) -> None:
    typer_result = runner.invoke(app, args)
    fast = console(*args)
    assert (fast.returncode, typer_result.exit_code) == (0, 0), fast.stderr
    assert fast.stdout == typer_result.stdout
    assert fast.stderr == typer_result.stderr == ""


def test_bad_input_gives_the_same_codes_lines_and_remaining_output(tmp_path: Path) -> None:
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("just text")
    truncated = tmp_path / "cut.pdf"
    truncated.write_bytes((SAMPLES / "invoice-en-1p.pdf").read_bytes()[:700])
    cases = [
        ["extract", str(not_pdf), EN, str(truncated)],
        ["extract", str(tmp_path / "missing.pdf")],
        ["extract", EN, "--json", "--csv"],
        ["extract", EN, "--templates", str(tmp_path / "no-such-folder")],
        ["extract", EN, "--templates", str(tmp_path), "--no-templates"],
    ]
    for args in cases:
        typer_result = runner.invoke(app, args)
        fast = console(*args)
        assert fast.returncode == typer_result.exit_code == 2, args
        assert fast.stderr == typer_result.stderr, args
        assert fast.stdout == typer_result.stdout, args
        assert "Traceback" not in fast.stderr
    first = console(*cases[0])
    assert first.stderr.splitlines() == [
        f"invoiceflow: error: NOT_A_PDF: {not_pdf}: the input does not start with a PDF header",
        f"invoiceflow: error: PDF_TRUNCATED: {truncated}: the PDF is truncated (no end-of-file marker)",
    ]


def test_usage_errors_and_help_come_from_typer() -> None:
    bad_ocr = console("extract", EN, "--ocr", "bogus")
    assert bad_ocr.returncode == 2
    assert "Invalid value for '--ocr'" in bad_ocr.stderr
    assert bad_ocr.stdout == ""
    missing = console("extract")
    assert missing.returncode == 2
    assert "Missing argument" in missing.stderr
    shown = console("extract", "--help")
    assert shown.returncode == 0
    assert "--no-templates" in shown.stdout
    schema = console("schema")
    assert schema.returncode == 0
    assert json.loads(schema.stdout)["title"] == "AggregatedInvoice"


def test_the_fast_path_imports_neither_typer_nor_rich() -> None:
    probe = (
        "import sys\n"
        "from invoiceflow.console import main\n"
        f"try:\n    main(['extract', {EN!r}, {DE!r}])\n"
        "except SystemExit as exit:\n    assert exit.code == 0, exit.code\n"
        "loaded = sorted({name.split('.')[0] for name in sys.modules} & {'typer', 'rich', 'click'})\n"
        "print('LOADED', loaded, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "LOADED []"


def test_the_fast_path_freezes_start_up_and_leaves_the_collector_as_it_found_it() -> None:
    """Start-up objects end up frozen (no collection walks them, nor the one at exit), the extraction runs
    with the collector on, and an in-process caller gets the collector back in the state it had."""
    probe = (
        "import gc, sys\n"
        "from invoiceflow import cli_extract, console\n"
        "real_run = cli_extract.run_extract\n"
        "def spy(*args, **kwargs):\n"
        "    print('DURING', gc.isenabled(), gc.get_freeze_count() > 20000, file=sys.stderr)\n"
        "    return real_run(*args, **kwargs)\n"
        "cli_extract.run_extract = spy\n"
        "for enabled in (True, False):\n"
        "    (gc.enable if enabled else gc.disable)()\n"
        "    gc.unfreeze()\n"
        "    try:\n"
        f"        console.main(['extract', {EN!r}])\n"
        "    except SystemExit as exit:\n"
        "        assert exit.code == 0, exit.code\n"
        "    print('AFTER', gc.isenabled(), gc.get_freeze_count() > 20000, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith(("DURING", "AFTER"))]
    assert lines == [
        "DURING True True",
        "AFTER True True",
        "DURING False True",
        "AFTER False True",
    ]


@pytest.mark.parametrize(("user_setting", "scanned"), [(None, False), ("", True)])
def test_the_fast_path_skips_pydantic_plugin_discovery_unless_the_user_sets_it(
    user_setting: str | None, scanned: bool
) -> None:
    """Pydantic's plugin discovery reads the entry points of every installed distribution; the one-shot
    extraction skips it through pydantic's own switch, which a user's value overrides."""
    probe = (
        "import importlib.metadata, os, sys\n"
        "real = importlib.metadata.entry_points\n"
        "groups = []\n"
        "def spy(**params):\n"
        "    groups.append(params.get('group'))\n"
        "    return real(**params)\n"
        "importlib.metadata.entry_points = spy\n"
        "from invoiceflow.console import main\n"
        f"try:\n    main(['extract', {EN!r}])\n"
        "except SystemExit as exit:\n    assert exit.code == 0, exit.code\n"
        "print('SCANNED', 'pydantic' in groups, file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if user_setting is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = user_setting
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == f"SCANNED {scanned}"
