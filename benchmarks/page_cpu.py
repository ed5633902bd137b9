"""CPU per page of the in-process text path (it bounds throughput on a 2-core box), split by stage.

Builds corpus invoices of 3 and 50 pages (``corpus.build_invoice_pdf``), runs ``extract_invoice`` on each
(median of a few runs, process CPU time, so other load on a shared machine matters less) and prints ms/page
for the whole call, for its stages (reading the words, ``extract_page`` and the extractors inside it,
the document-level pass) and raw pypdfium2 (open + every page's text) as the floor, timed in alternation
with the words so that their ratio (issue #4: at most 2x) does not swing with the machine's load.

Beside it, the service path the Dapr and Prefect engines run for the same document: the split stage
(``split_stored_pdf`` into an in-memory store, previews off as the engines run it) and
``extract_page_pdf`` on each one-page PDF (what an extract worker does per page), with its ratio to
``extract_invoice``.

    python benchmarks/page_cpu.py [--runs 5] [--baseline OLD_CHECKOUT]

``--baseline`` runs the same measurement on another checkout's ``src`` in a subprocess (for example
``git archive HEAD src | tar -x -C /tmp/before``) and prints both side by side with the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PAGES = (3, 50)
# The extractors ``extract_page`` calls, by the name it imports them under.
STAGES = (
    "build_lines",
    "analyse",
    "detect_currency",
    "find_identifiers",
    "extract_invoice_number",
    "extract_dates",
    "payment_term_days",
    "extract_items",
    "extract_parties",
    "extract_totals",
)


def _median(call: Callable[[], object], runs: int) -> float:
    spent = []
    for _ in range(runs):
        started = time.process_time()
        call()
        spent.append(time.process_time() - started)
    return statistics.median(spent) * 1000


def _paired_medians(
    first: Callable[[], object], second: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Medians (ms) of two calls measured in alternation, so that load from other processes on a shared
    machine weighs on both alike and their ratio stays meaningful (the words / raw text target)."""
    spent: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for call, times in ((first, spent[0]), (second, spent[1])):
            started = time.process_time()
            call()
            times.append(time.process_time() - started)
    return statistics.median(spent[0]) * 1000, statistics.median(spent[1]) * 1000


def measure(runs: int) -> dict[str, dict[str, float]]:
    """ms/page by stage for each document size (run in the process whose ``invoiceflow`` is imported)."""
    import pypdfium2 as pdfium
    from corpus import build_invoice_pdf

    from invoiceflow.domain import extraction
    from invoiceflow.domain.blobs import MemoryBlobStore
    from invoiceflow.domain.document_level import extract_document_level
    from invoiceflow.domain.models import OcrMode
    from invoiceflow.domain.pdf import document_text
    from invoiceflow.domain.pipeline import extract_invoice, extract_page_pdf, split_stored_pdf, upload_pdf

    spent: dict[str, float] = {}

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - started

        return wrapper

    for name in STAGES:
        if hasattr(extraction, name):
            setattr(extraction, name, timed(name, getattr(extraction, name)))

    def raw_text(data: bytes) -> None:
        document = pdfium.PdfDocument(data)
        try:
            for index in range(len(document)):
                document[index].get_textpage().get_text_range()
        finally:
            document.close()

    results: dict[str, dict[str, float]] = {}
    for pages in PAGES:
        data, _golden = build_invoice_pdf(pages, seed=3)
        extract_invoice(data)  # warm: imports, compiled patterns, caches
        texts = document_text(data)
        raw_text(data)  # warm
        words, raw = _paired_medians(partial(document_text, data), partial(raw_text, data), runs)
        row = {
            "extract_invoice": _median(partial(extract_invoice, data, ocr=OcrMode.AUTO), runs),
            "words (document_text)": words,
            "document level": _median(partial(extract_document_level, data), runs),
            "raw pypdfium2 text": raw,
        }
        totals: list[tuple[float, dict[str, float]]] = []
        for _ in range(runs):
            spent.clear()
            started = time.process_time()
            for text in texts:
                extraction.extract_page(text)
            total = time.process_time() - started
            totals.append((total, dict(spent)))
        store = MemoryBlobStore()
        upload = upload_pdf(data, store)
        split = split_stored_pdf(upload, store, render_dpi=None)
        page_pdfs = [(store.get(p.pdf_blob_key), p.page_number, p.pdf_page_index) for p in split.pages]

        def extract_pages(page_pdfs: list[tuple[bytes, int, int]] = page_pdfs) -> None:
            for page_pdf, page_number, index_in_pdf in page_pdfs:
                extract_page_pdf(page_pdf, page_number, index_in_pdf=index_in_pdf)

        extract_pages()  # warm
        row["service: split stage"] = _median(partial(split_stored_pdf, upload, store, render_dpi=None), runs)
        row["service: extract_page_pdf"] = _median(extract_pages, runs)
        row["service path"] = row["service: split stage"] + row["service: extract_page_pdf"]
        # the run of median total time, with its split by stage
        median_total, stages = sorted(totals, key=lambda run: run[0])[len(totals) // 2]
        row["extract_page"] = median_total * 1000
        row.update({f"  {name}": seconds * 1000 for name, seconds in stages.items()})
        results[str(pages)] = {name: value / pages for name, value in row.items()}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline", type=Path, help="a checkout whose src/ holds the code to compare with")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # the baseline subprocess
    args = parser.parse_args()
    ours = measure(args.runs)
    if args.json:
        print(json.dumps(ours))
        return
    base: dict[str, dict[str, float]] | None = None
    if args.baseline is not None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(args.baseline.resolve() / "src"), str(ROOT)])}
        command = [sys.executable, __file__, "--runs", str(args.runs), "--json"]
        base = json.loads(subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout)
    for pages, row in ours.items():
        print(f"{pages}-page corpus invoice, CPU ms/page (median of {args.runs}):")
        for name, value in row.items():
            line = f"  {name:<28} {value:7.2f}"
            if base is not None and name in base[pages]:
                old = base[pages][name]
                line += f"   baseline {old:7.2f}   ratio {value / old:5.2f}" if old else ""
            print(line)
        raw = row["raw pypdfium2 text"]
        print(
            f"  extract_invoice / raw pypdfium2 text: {row['extract_invoice'] / raw:.1f}x (target <= 2.0); "
            f"words alone: {row['words (document_text)'] / raw:.1f}x"
        )
        service, local = row["service path"], row["extract_invoice"]
        line = f"  service path {service:.2f} vs in-process {local:.2f} ms/page: {service / local:.2f}x"
        if base is not None and "service path" in base[pages]:
            old_service, old_local = base[pages]["service path"], base[pages]["extract_invoice"]
            line += f"   (baseline {old_service:.2f} vs {old_local:.2f}: {old_service / old_local:.2f}x)"
        print(line)


if __name__ == "__main__":
    main()
