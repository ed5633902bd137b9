"""E-invoice figures: fields read per profile, batch split exactness, and the time the e-invoice path
adds per document over the template-free path.

    python benchmarks/einvoice_overhead.py [--repeat 20]

Overhead = (whole pipeline on the Factur-X PDF) - (whole pipeline on the same visible PDF without XML),
median over repeats, in process. Also printed: the document-level step alone (find + parse the XML).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the corpus generator lives at the repo root

from corpus.batch import batch_sample
from corpus.build import build_invoice_pdf
from corpus.einvoice import (
    bare_cii_sample,
    bare_ubl_sample,
    carries_lines,
    expected_fields,
    facturx_sample,
    profile_matrix,
)
from corpus.generate import make_document
from corpus.layouts import LAYOUTS_BY_ID

from invoiceflow.domain.document_level import extract_document_level
from invoiceflow.domain.einvoice import Profile, extract_embedded, looks_like_xml, read_einvoice_xml
from invoiceflow.domain.pipeline import extract_document


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm caches and imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def field_coverage() -> None:
    print("== fields read from the XML (of those it carries)")
    samples = [
        *profile_matrix(7),
        bare_cii_sample(7, 30),
        bare_ubl_sample(7, 31),
        bare_ubl_sample(7, 32, credit=True),
    ]
    total_expected = total_read = 0
    for sample in samples:
        extraction = (
            read_einvoice_xml(sample.data) if looks_like_xml(sample.data) else extract_embedded(sample.data)
        )
        assert extraction is not None
        expected = expected_fields(sample.golden, sample.profile)
        read = 0
        for name, value in expected.items():
            got = extraction.fields.get(name)
            if got is None:
                continue
            same = Decimal(got.value) == Decimal(value) if name.startswith("totals.") else got.value == value
            read += same
        lines_ok = (
            extraction.line_items == sample.golden.line_items if carries_lines(sample.profile) else True
        )
        total_expected += len(expected)
        total_read += read
        print(
            f"  {sample.name:34s} {sample.profile.value:9s} {sample.syntax}  fields {read}/{len(expected)}"
            f"  lines {'ok' if lines_ok else 'WRONG'} ({len(extraction.line_items)})"
        )
    print(f"  overall: {total_read}/{total_expected} = {100 * total_read / total_expected:.1f} %")


def batch_exactness(count: int) -> None:
    print("== multi-invoice split")
    exact = 0
    for index in range(count):
        sample = batch_sample(3, index)
        got = [invoice.document.page_range for invoice in extract_document(sample.pdf)]
        exact += got == list(sample.ranges)
    print(f"  synthetic batches with exact boundaries: {exact}/{count}")
    single_ok = single = 0
    for pages in (1, 2, 3, 4, 6, 8):
        for layout in ("classic_ruled", "footer_bank", "totals_left", "minimal_modern"):
            pdf, _ = build_invoice_pdf(pages, seed=pages, layout=layout, language="de")
            single += 1
            single_ok += len(extract_document(pdf)) == 1
    print(f"  single-invoice PDFs kept whole: {single_ok}/{single}")


def overhead(repeat: int) -> None:
    print("== e-invoice path overhead (median ms per document, in process)")
    rows = []
    for index, profile in enumerate((Profile.MINIMUM, Profile.BASIC, Profile.EN16931, Profile.EXTENDED)):
        for pages in (1, 3):
            sample = facturx_sample(7, 50 + index, profile, pages=pages)
            layout = LAYOUTS_BY_ID[
                ("classic_ruled", "two_column_header", "footer_bank", "totals_left")[(50 + index) % 4]
            ]
            plain = make_document(7, 20_050 + index, pages=pages, layout=layout, language="de").pdf
            with_xml = median_ms(lambda s=sample: extract_document(s.data), repeat)
            without = median_ms(lambda p=plain: extract_document(p), repeat)
            step = median_ms(lambda s=sample: extract_document_level(s.data), repeat)
            rows.append(with_xml - without)
            print(
                f"  {profile.value:9s} {pages} p: with XML {with_xml:7.2f}  template-free {without:7.2f}"
                f"  overhead {with_xml - without:+6.2f}  (XML step alone {step:5.2f})"
            )
    print(f"  median overhead: {statistics.median(rows):+.2f} ms (target <= 5 ms)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--batches", type=int, default=10)
    args = parser.parse_args()
    field_coverage()
    batch_exactness(args.batches)
    overhead(args.repeat)


if __name__ == "__main__":
    main()
