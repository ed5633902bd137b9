"""The embedded mode's run directory: a temp dir of its own is removed when the run ends (it holds the
logs and, without a ``data_dir``, the SQLite state and every blob: tens of MB a run); one the caller
names is kept. And what start-up made is out of the collector's reach while the stack is up."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest
import yaml

from invoiceflow.runtime.resources import STATESTORE
from invoiceflow.workflow.embedded import (
    RUN_DIR_PREFIX,
    YOUNG_GC_THRESHOLD,
    EmbeddedInvoiceFlow,
    EmbeddedOptions,
)
from invoiceflow.workflow.models import InvoiceWorkflowResult

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

pytestmark = [pytest.mark.integration, pytest.mark.slow]


async def test_a_temp_run_dir_is_removed_when_the_run_ends() -> None:
    async with EmbeddedInvoiceFlow() as flow:
        assert flow.stack is not None
        assert flow.client is not None
        run_dir = flow.stack.run_dir
        assert run_dir.name.startswith(f"{RUN_DIR_PREFIX}{os.getpid()}-")
        result = await flow.process_file(SAMPLES / "invoice-en-1p.pdf", timeout=120)
        assert result.invoice is not None
        assert any((run_dir / "data" / "blobs").rglob("*.pdf"))  # the run's blobs were there
        # The embedded default keeps its state in SQLite, kept run or not, and the result is in it.
        state = yaml.safe_load((run_dir / "resources" / f"{STATESTORE}.yaml").read_text())
        assert state["spec"]["type"] == "state.sqlite"
        assert (run_dir / "data" / "state.db").stat().st_size > 0
        saved = await flow.client.state(STATESTORE).get(result.invoice_id, InvoiceWorkflowResult)
        assert saved is not None
        assert saved.value == result
    assert not run_dir.exists()


async def test_start_up_objects_are_frozen_while_the_stack_is_up() -> None:
    """What the stack's start-up made (dapr, grpc, FastAPI, the SDK) is frozen once it is up, so a full
    collection during a run walks only what runs created (unfrozen, a 50-page run paid 100-240 ms for
    one); objects made later stay collectable, and the stop makes everything collectable again."""
    gc.unfreeze()  # whatever an earlier test froze in this process
    assert gc.get_freeze_count() == 0
    before = gc.get_threshold()
    async with EmbeddedInvoiceFlow() as flow:
        frozen = gc.get_freeze_count()
        assert frozen > 20_000  # the imports and clients of a started stack
        assert gc.get_threshold()[0] == max(before[0], YOUNG_GC_THRESHOLD)
        await flow.process_file(SAMPLES / "invoice-en-1p.pdf", timeout=120)
        assert gc.get_freeze_count() <= frozen  # a run freezes nothing more (some frozen ones are freed)
        cycle: list[object] = []
        cycle.append(cycle)
        assert any(obj is cycle for obj in gc.get_objects())  # made after start-up: collectable
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before  # the process's own setting is back


async def test_a_run_dir_the_caller_names_is_kept(tmp_path: Path) -> None:
    run_dir = tmp_path / "kept-run"
    async with EmbeddedInvoiceFlow(EmbeddedOptions(run_dir=run_dir)) as flow:
        assert flow.stack is not None
        assert flow.stack.run_dir == run_dir.resolve()
        result = await flow.process_file(SAMPLES / "invoice-en-1p.pdf", timeout=120)
        assert result.invoice is not None
    assert (run_dir / "logs" / "daprd-invoiceflow.log").is_file()
    assert (run_dir / "resources").is_dir()
    # A kept run keeps its state too: SQLite in the run dir, the workflow's state and result in it.
    state = yaml.safe_load((run_dir / "resources" / f"{STATESTORE}.yaml").read_text())
    assert state["spec"]["type"] == "state.sqlite"
    assert (run_dir / "data" / "state.db").stat().st_size > 0
