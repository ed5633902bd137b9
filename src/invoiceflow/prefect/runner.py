"""Run ``invoice_processing_flow`` for files: what ``invoiceflow process --engine prefect`` and
``invoiceflow compare`` call."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from invoiceflow.domain.models import AggregatedInvoice, OcrMode
from invoiceflow.prefect.environment import configure_prefect
from invoiceflow.prefect.retention import keep_ephemeral_history_bounded


class PrefectEngine:
    """The flow plus a blob directory; the first run starts Prefect's ephemeral server when no API URL
    is set, and later runs reuse it."""

    def __init__(self, blob_root: Path, *, render_dpi: int | None = None) -> None:
        self.blob_root = blob_root
        self.render_dpi = render_dpi

    def connect(self) -> None:
        """Reach the API now (starting the ephemeral server if that is the mode), not on the first run."""
        from prefect.client.orchestration import get_client

        with get_client(sync_client=True) as client:
            client.api_healthcheck()

    def process(
        self, path: Path, *, ocr: OcrMode = OcrMode.AUTO, filename: str | None = None
    ) -> list[AggregatedInvoice]:
        """The invoices of one file (usually one), as ``domain.pipeline.extract_document`` returns them."""
        from invoiceflow.prefect.flow import invoice_processing_flow

        return invoice_processing_flow(
            str(path.resolve()),
            str(self.blob_root),
            filename=filename if filename is not None else path.name,
            ocr=ocr,
            render_dpi=self.render_dpi,
        )


@contextmanager
def prefect_engine(
    api_url: str | None = None, *, blob_root: Path | None = None, render_dpi: int | None = None
) -> Iterator[PrefectEngine]:
    """A ready engine; the stage pool (and an ephemeral server) end with the process or the block. The
    ephemeral server's history is pruned to its retention first; a user's own server is left alone."""
    configure_prefect(api_url)
    from invoiceflow.prefect.pool import shutdown_stage_pool

    if not api_url:
        keep_ephemeral_history_bounded()

    with tempfile.TemporaryDirectory(prefix="invoiceflow-prefect-blobs-") as scratch:
        try:
            yield PrefectEngine(blob_root or Path(scratch), render_dpi=render_dpi)
        finally:
            shutdown_stage_pool()


def process_file(
    path: Path, *, api_url: str | None = None, ocr: OcrMode = OcrMode.AUTO
) -> list[AggregatedInvoice]:
    with prefect_engine(api_url) as engine:
        return engine.process(path, ocr=ocr)
