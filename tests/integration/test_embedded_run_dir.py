"""The embedded mode's run directory: a temp dir of its own is removed when the run ends (it holds the
logs and, without a ``data_dir``, the SQLite state and every blob: tens of MB a run); one the caller
names is kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from invoiceflow.workflow.embedded import (
    RUN_DIR_PREFIX,
    EmbeddedInvoiceFlow,
    EmbeddedOptions,
)

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

pytestmark = [pytest.mark.integration, pytest.mark.slow]


async def test_a_temp_run_dir_is_removed_when_the_run_ends() -> None:
    async with EmbeddedInvoiceFlow() as flow:
        assert flow.stack is not None
        run_dir = flow.stack.run_dir
        assert run_dir.name.startswith(f"{RUN_DIR_PREFIX}{os.getpid()}-")
        result = await flow.process_file(SAMPLES / "invoice-en-1p.pdf", timeout=120)
        assert result.invoice is not None
        assert any((run_dir / "data" / "blobs").rglob("*.pdf"))  # the run's blobs were there
    assert not run_dir.exists()


async def test_a_run_dir_the_caller_names_is_kept(tmp_path: Path) -> None:
    run_dir = tmp_path / "kept-run"
    async with EmbeddedInvoiceFlow(EmbeddedOptions(run_dir=run_dir)) as flow:
        assert flow.stack is not None
        assert flow.stack.run_dir == run_dir.resolve()
    assert (run_dir / "logs" / "daprd-invoiceflow.log").is_file()
    assert (run_dir / "resources").is_dir()
