"""Splitting in threads while other threads read pages: PDFium is not thread-safe, so every PDFium call of
the split holds the process-wide lock (a split without it crashed the split service under load)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from invoiceflow.domain.pdf import read_page, split_pdf

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "invoice-12p.pdf"


Page = tuple[int, float, float, int, list[str]]


def pages_of(data: bytes) -> list[Page]:
    """Per split page: number, size, preview size and the words of the one-page PDF (its bytes differ per
    save: PDFium writes a fresh /ID)."""
    return [
        (a.page_number, a.width, a.height, len(a.png or b""), [w.text for w in read_page(a.pdf, 1).words])
        for a in split_pdf(data, render_dpi=36)
    ]


def test_concurrent_splits_and_reads_match_the_sequential_result() -> None:
    data = SAMPLE.read_bytes()
    expected = pages_of(data)
    words = len(read_page(data, 1).words)

    def split_once(_: int) -> list[Page]:
        return pages_of(data)

    def read_once(index: int) -> int:
        return len(read_page(data, 1 + index % 12).words)

    with ThreadPoolExecutor(max_workers=8) as pool:
        splits = [pool.submit(split_once, i) for i in range(8)]
        reads = [pool.submit(read_once, i) for i in range(48)]
        assert all(future.result() == expected for future in splits)
        assert all(future.result() > 0 for future in reads)
    assert len(read_page(data, 1).words) == words
