"""What a one-shot `invoiceflow extract` of a text-layer PDF must not pay for, and how it ends.

Each probe runs in a fresh interpreter (``sys.modules`` and pydantic's state are per process) and calls
the console entry point the installed command calls, then reports what it loaded or built.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
EN = str(SAMPLES / "invoice-en-1p.pdf")
DE = str(SAMPLES / "invoice-de-3p.pdf")

# Loaded only for what a text-layer PDF does not need: the Typer/Rich app (other commands, help), OCR
# (numpy, Pillow, the engines), e-invoice XML and templates (lxml, YAML, invoice2data), pydantic's plugin
# discovery (importlib.metadata and the email package it parses metadata with), CSV output, and what
# python-stdnum's util module imports for its online checks and module listings (ssl, socket, pydoc, pkgutil),
# and pypdfium2's bindings to look for a system pdfium (ctypes.util, with subprocess and tempfile).
HEAVY = (
    "typer",
    "rich",
    "click",
    "numpy",
    "PIL",
    "lxml",
    "yaml",
    "invoice2data",
    "schwifty",
    "rapidocr_onnxruntime",
    "onnxruntime",
    "importlib.metadata",
    "email",
    "csv",
    "ssl",
    "socket",
    "pydoc",
    "pkgutil",
    "ctypes.util",
    "subprocess",
    "tempfile",
)
# Those the project depends on (or the standard library): the guard below is not vacuous for them.
ALWAYS_INSTALLED = {
    *("typer", "rich", "click", "numpy", "PIL", "lxml", "importlib.metadata", "email", "csv"),
    *("ssl", "socket", "pydoc", "pkgutil", "stdnum", "ctypes.util", "subprocess", "tempfile", "pypdfium2"),
}
STAGE_CONTRACTS = (
    "InvoiceRequest",
    "UploadResult",
    "PageMetadata",
    "SplitResult",
    "AggregateRequest",
    "AggregateResult",
)


def run_probe(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def extract_then_report(report: str, *paths: str) -> str:
    """A probe: ``console.main(['extract', *paths])`` in-process, then ``report`` (prints to stderr)."""
    return (
        "import sys\n"
        "from invoiceflow.console import main\n"
        f"try:\n    main(['extract', *{list(paths)!r}])\n"
        "except SystemExit as exit:\n    assert exit.code == 0, exit.code\n" + report
    )


def test_every_guarded_dependency_is_installed_where_the_project_needs_it() -> None:
    missing = sorted(name for name in ALWAYS_INSTALLED if importlib.util.find_spec(name) is None)
    assert missing == []


@pytest.mark.parametrize("paths", [[EN], [DE, EN]])
def test_a_text_layer_extract_loads_none_of_the_heavy_modules(paths: list[str]) -> None:
    report = f"print('LOADED', sorted(name for name in {HEAVY!r} if name in sys.modules), file=sys.stderr)\n"
    proc = run_probe(extract_then_report(report, *paths))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "LOADED []"
    assert json.loads(proc.stdout)  # the extraction did run


def test_stdnum_is_loaded_with_stand_ins_that_hand_over_to_the_real_modules_when_used() -> None:
    """The extraction checks VAT ids with stdnum (its util module loaded); ssl and pydoc are not, yet
    stdnum's own names for them still reach the real modules, and other importers get those."""
    report = (
        "import stdnum.util\n"
        "print('BEFORE', 'stdnum.util' in sys.modules, 'ssl' in sys.modules, 'pydoc' in sys.modules,"
        " file=sys.stderr)\n"
        "purpose = stdnum.util.ssl.Purpose.SERVER_AUTH\n"
        "import ssl\n"
        "print('AFTER', purpose is ssl.Purpose.SERVER_AUTH, type(sys.modules['ssl']).__name__,"
        " stdnum.util.pydoc.splitdoc('One.\\n\\nTwo.'), file=sys.stderr)\n"
    )
    proc = run_probe(extract_then_report(report, EN))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[-2:] == ["BEFORE True False False", "AFTER True module ('One.', 'Two.')"]


def test_pypdfium2_loads_without_ctypes_util_whose_stand_in_still_finds_libraries() -> None:
    report = (
        "import ctypes\n"
        "print('BEFORE', 'ctypes.util' in sys.modules, 'subprocess' in sys.modules, file=sys.stderr)\n"
        "found = ctypes.util.find_library('c')\n"
        "import ctypes.util\n"
        "print('AFTER', bool(found), type(sys.modules['ctypes.util']).__name__,"
        " ctypes.util is sys.modules['ctypes.util'], file=sys.stderr)\n"
    )
    proc = run_probe(extract_then_report(report, EN))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[-2:] == ["BEFORE False False", "AFTER True module True"]


def test_an_in_process_extract_gives_the_modules_it_compiled_through_their_builtins_back() -> None:
    report = (
        "import collections, dataclasses, typing\n"
        "print('SHADOWS', [name for module, name in ((dataclasses, 'exec'), (collections, 'eval'),"
        " (typing, 'compile')) if name in vars(module)], file=sys.stderr)\n"
    )
    proc = run_probe(extract_then_report(report, EN))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "SHADOWS []"


def test_building_the_contract_models_parses_no_text_signature() -> None:
    """Pydantic inspects each default factory's signature; a builtin's (``list``, ``dict``) is parsed from
    its text signature with ``tokenize``, whose big pattern alone costs ~2 % of a run: the models use
    plain functions (``models._empty_list``), so ``tokenize`` compiles nothing."""
    report = "import tokenize\nprint('TOKENIZE', tokenize._compile.cache_info().currsize, file=sys.stderr)\n"
    proc = run_probe(extract_then_report(report, EN))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "TOKENIZE 0"


def test_the_stage_contracts_are_left_unbuilt_and_still_validate_when_used() -> None:
    report = (
        "from invoiceflow.domain import models\n"
        f"built = [name for name in {STAGE_CONTRACTS!r} if getattr(models, name).__pydantic_complete__]\n"
        "print('BUILT', built, file=sys.stderr)\n"
        "import pydantic\n"
        "try:\n"
        "    models.AggregateResult(invoices=[], unexpected=1)\n"
        "except pydantic.ValidationError as error:\n"
        "    print('ERRORS', sorted(e['type'] for e in error.errors()), file=sys.stderr)\n"
    )
    proc = run_probe(extract_then_report(report, EN))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[-2:] == ["BUILT []", "ERRORS ['extra_forbidden', 'too_short']"]


def test_pydantic_plugin_loader_stand_in_hands_over_to_the_real_loader_when_asked() -> None:
    """Plugins off: the stand-in answers and importlib.metadata stays unloaded; switched on later (or asked
    for another name), the real loader takes its place in ``sys.modules``."""
    report = (
        "import os\n"
        "loader = sys.modules['pydantic.plugin._loader']\n"
        "print('BEFORE', getattr(loader, '__file__', None), 'importlib.metadata' in sys.modules,"
        " list(loader.get_plugins()), file=sys.stderr)\n"
        "os.environ['PYDANTIC_DISABLE_PLUGINS'] = ''\n"
        "plugins = list(loader.get_plugins())\n"
        "real = sys.modules['pydantic.plugin._loader']\n"
        "print('AFTER', real is not loader, real.__file__.endswith('_loader.py'),"
        " 'importlib.metadata' in sys.modules, loader.PYDANTIC_ENTRY_POINT_GROUP, file=sys.stderr)\n"
    )
    proc = run_probe(extract_then_report(report, EN))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[-2:] == ["BEFORE None False []", "AFTER True True True pydantic"]


def test_the_program_exits_after_its_exit_handlers_with_its_output_flushed(tmp_path: Path) -> None:
    """Run as the program (no argv given), the process ends without the interpreter's teardown, yet the
    exit handlers run after the output is written, and the exit code is the command's."""
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("just text")
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('EXIT HANDLER RAN', file=sys.stderr))\n"
        "from invoiceflow.console import main\n"
        f"sys.argv = ['invoiceflow', 'extract', {EN!r}, {str(not_pdf)!r}]\n"
        "main()\n"
        "print('NOT REACHED', file=sys.stderr)\n"
    )
    proc = run_probe(probe)
    assert proc.returncode == 2
    assert json.loads(proc.stdout)["document"]["filename"] == "invoice-en-1p.pdf"
    assert proc.stderr.splitlines() == [
        f"invoiceflow: error: NOT_A_PDF: {not_pdf}: the input does not start with a PDF header",
        "EXIT HANDLER RAN",
    ]


def test_a_process_with_other_threads_still_running_exits_the_ordinary_way() -> None:
    """The interpreter's shutdown joins non-daemon threads; a hard exit would cut them off."""
    probe = (
        "import sys, threading, time\n"
        "def late() -> None:\n"
        "    time.sleep(0.3)\n"
        "    print('THREAD FINISHED', file=sys.stderr)\n"
        "threading.Thread(target=late).start()\n"
        "from invoiceflow.console import main\n"
        f"sys.argv = ['invoiceflow', 'extract', {EN!r}]\n"
        "main()\n"
    )
    proc = run_probe(probe)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines() == ["THREAD FINISHED"]
    assert json.loads(proc.stdout)["document"]["filename"] == "invoice-en-1p.pdf"
