"""One runner per engine behind one small synchronous interface, so the measurement loop is the same for
all three: ``process`` one file (timed per invoice) and ``process_batch`` (all files submitted at once).

- ``local``: ``extract_document_file`` in this process — the baseline without an orchestrator (a batch
  is a loop).
- ``prefect``: ``invoice_processing_flow`` on Prefect's ephemeral server; a batch is one flow run per
  file, started together from threads.
- ``dapr``: the embedded Dapr stack (``invoiceflow.workflow.embedded``); a batch starts every workflow,
  then waits for all.
"""

from __future__ import annotations

import asyncio
import os
import threading
import uuid
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, TypeVar

from invoiceflow.domain.models import AggregatedInvoice

T = TypeVar("T")


class EngineName(StrEnum):
    LOCAL = "local"
    DAPR = "dapr"
    PREFECT = "prefect"


class EngineRunner(Protocol):
    def start(self) -> None: ...

    def process(self, path: Path) -> list[AggregatedInvoice]: ...

    def process_batch(self, paths: list[Path]) -> list[list[AggregatedInvoice]]: ...

    def stop(self) -> None: ...


class LocalRunner:
    def start(self) -> None:
        from invoiceflow.domain import pipeline  # noqa: F401 - import cost belongs to start-up

    def process(self, path: Path) -> list[AggregatedInvoice]:
        from invoiceflow.domain.pipeline import extract_document_file

        return extract_document_file(path)

    def process_batch(self, paths: list[Path]) -> list[list[AggregatedInvoice]]:
        return [self.process(path) for path in paths]

    def stop(self) -> None:
        pass


class PrefectRunner:
    def __init__(self, api_url: str | None = None) -> None:
        self.api_url = api_url
        self._exit = ExitStack()
        self._engine: Any = None

    def start(self) -> None:
        from invoiceflow.prefect.runner import prefect_engine

        self._engine = self._exit.enter_context(prefect_engine(self.api_url))
        self._engine.connect()

    def process(self, path: Path) -> list[AggregatedInvoice]:
        result: list[AggregatedInvoice] = self._engine.process(path)
        return result

    def process_batch(self, paths: list[Path]) -> list[list[AggregatedInvoice]]:
        with ThreadPoolExecutor(max_workers=max(1, len(paths)), thread_name_prefix="flow") as pool:
            return list(pool.map(self.process, paths))

    def stop(self) -> None:
        self._exit.close()


class DaprRunner:
    """The embedded API is async; it lives on an event loop in a thread of its own."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="dapr-loop", daemon=True)
        self._flow: Any = None
        self._runs = 0

    def _run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    def start(self) -> None:
        from invoiceflow.workflow.embedded import EmbeddedInvoiceFlow

        self._thread.start()
        self._flow = EmbeddedInvoiceFlow()
        self._run(self._flow.start())

    def process(self, path: Path) -> list[AggregatedInvoice]:
        return self._run(self._process(path))

    async def _process(self, path: Path) -> list[AggregatedInvoice]:
        # A fresh instance id per run: the default id is the content hash, and a finished instance with
        # that id would be answered from its stored result instead of doing the work again.
        self._runs += 1
        invoice_id = f"compare-{os.getpid()}-{self._runs}-{uuid.uuid4().hex[:8]}"
        result = await self._flow.process_file(path, invoice_id=invoice_id)
        # A batch scan lists its invoices; a single invoice is ``invoice`` alone.
        invoices: list[AggregatedInvoice] = list(getattr(result, "invoices", None) or [result.invoice])
        return invoices

    def process_batch(self, paths: list[Path]) -> list[list[AggregatedInvoice]]:
        async def everything() -> list[list[AggregatedInvoice]]:
            return list(await asyncio.gather(*(self._process(path) for path in paths)))

        return self._run(everything())

    def stop(self) -> None:
        try:
            if self._flow is not None and self._thread.is_alive():
                self._run(self._flow.stop())
        finally:
            if self._thread.is_alive():
                self._loop.call_soon_threadsafe(self._loop.stop)
                self._thread.join(10)


def make_runner(engine: EngineName, *, prefect_api_url: str | None = None) -> EngineRunner:
    if engine is EngineName.LOCAL:
        return LocalRunner()
    if engine is EngineName.PREFECT:
        return PrefectRunner(prefect_api_url)
    return DaprRunner()
