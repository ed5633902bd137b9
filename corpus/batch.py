"""Batch-scan samples: several generated invoices (mixed page counts) concatenated into one PDF."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

import pypdfium2 as pdfium

from corpus.generate import make_document
from corpus.layouts import LAYOUTS
from corpus.spec import golden_invoice
from invoiceflow.domain.models import AggregatedInvoice, DocumentInfo, PageRange

# The ten layouts that were the tuning layouts when batches were defined, pinned so batch samples stay the
# same as the held-out set changes (the first held-out layouts became tuning layouts later).
BATCH_LAYOUTS = LAYOUTS[:10]


@dataclass(frozen=True)
class BatchSample:
    name: str
    pdf: bytes
    ranges: tuple[PageRange, ...]
    goldens: tuple[AggregatedInvoice, ...]  # one per range, document = the batch file with its range


def concatenate(pdfs: list[bytes]) -> bytes:
    merged = pdfium.PdfDocument.new()
    try:
        for data in pdfs:
            source = pdfium.PdfDocument(data)
            try:
                merged.import_pages(source)
            finally:
                source.close()
        import io

        out = io.BytesIO()
        merged.save(out)
        return out.getvalue()
    finally:
        merged.close()


def batch_sample(seed: int, index: int, *, invoices: int | None = None) -> BatchSample:
    """3-5 invoices of 1-3 pages each (always at least one multi-page invoice), one PDF."""
    rng = random.Random(f"invoiceflow-batch:{seed}:{index}")
    count = invoices or rng.randint(3, 5)
    page_counts = [rng.choice((1, 1, 2, 3)) for _ in range(count)]
    if max(page_counts) == 1:
        page_counts[rng.randrange(count)] = rng.choice((2, 3))
    documents = []
    for position, pages in enumerate(page_counts):
        layout = BATCH_LAYOUTS[(index * 5 + position) % len(BATCH_LAYOUTS)]
        documents.append(make_document(seed, 30_000 + index * 10 + position, pages=pages, layout=layout))
    pdf = concatenate([doc.pdf for doc in documents])
    name = f"batch-{index:03d}.pdf"
    sha = hashlib.sha256(pdf).hexdigest()
    ranges: list[PageRange] = []
    goldens: list[AggregatedInvoice] = []
    first = 1
    for doc in documents:
        page_range = PageRange(first=first, last=first + doc.page_count - 1)
        golden = golden_invoice(doc.spec, doc.pdf, name, doc.page_count, scanned=False)
        golden.document = DocumentInfo(
            sha256=sha, filename=name, page_count=sum(d.page_count for d in documents), page_range=page_range
        )
        ranges.append(page_range)
        goldens.append(golden)
        first = page_range.last + 1
    return BatchSample(name, pdf, tuple(ranges), tuple(goldens))
