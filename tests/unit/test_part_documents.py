"""The extract workers' open split parts (``services/part_documents.py``): the same extraction as opening
the part per page, one open per part, bounded and closing what it evicts, stable errors for a bad part.

Real PDFs: a generated multi-page invoice split by the domain's splitter into its parts of 8 pages.
"""

from __future__ import annotations

from typing import Any

import pytest
from corpus import build_invoice_pdf

from invoiceflow.domain.errors import ErrorCode
from invoiceflow.domain.models import OcrMode
from invoiceflow.domain.pdf import split_pdf
from invoiceflow.domain.pipeline import PAGES_PER_PDF
from invoiceflow.services.extract import extract_in_worker
from invoiceflow.services.part_documents import WORKER_PARTS, PartDocuments

# (part key, part bytes, page number in the document, page index in the part)
Page = tuple[str, bytes, int, int]


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    data, _ = build_invoice_pdf(pages=11, seed=5)  # two parts: pages 1-8 and 9-11
    parts: dict[int, bytes] = {}
    found = []
    for artifact in split_pdf(data, render_dpi=None, pages_per_pdf=PAGES_PER_PDF):
        if artifact.page_number == artifact.pdf_first_page:
            parts[artifact.pdf_first_page] = artifact.pdf
        key = f"pages/test/{artifact.pdf_first_page}-{artifact.pdf_last_page}.pdf"
        found.append((key, parts[artifact.pdf_first_page], artifact.page_number, artifact.pdf_page_index))
    assert len(parts) == 2
    return found


@pytest.fixture(autouse=True)
def empty_worker_parts() -> Any:
    WORKER_PARTS.clear()
    yield
    WORKER_PARTS.clear()


def test_kept_parts_give_the_same_extraction_and_open_each_part_once(pages: list[Page]) -> None:
    per_page = [extract_in_worker(pdf, number, OcrMode.AUTO, index) for _key, pdf, number, index in pages]
    opens_before = WORKER_PARTS.opens
    kept = [extract_in_worker(pdf, number, OcrMode.AUTO, index, key) for key, pdf, number, index in pages]
    assert all("ok" in answer for answer in per_page)
    assert kept == per_page
    assert WORKER_PARTS.opens - opens_before == 2  # one open per part, not one per page
    assert len(WORKER_PARTS) == 2


def test_pages_in_any_order_across_parts_reuse_the_open_documents(pages: list[Page]) -> None:
    expected = {
        number: extract_in_worker(pdf, number, OcrMode.AUTO, index) for _k, pdf, number, index in pages
    }
    interleaved = pages[::2] + pages[1::2]
    opens_before = WORKER_PARTS.opens
    for key, pdf, number, index in interleaved:
        assert extract_in_worker(pdf, number, OcrMode.AUTO, index, key) == expected[number]
    assert WORKER_PARTS.opens - opens_before == 2


def test_least_recently_used_part_is_evicted_and_closed(pages: list[Page]) -> None:
    documents = PartDocuments(max_documents=1)
    (key_a, pdf_a, _n, _i), (key_b, pdf_b, _n2, _i2) = pages[0], pages[-1]
    with documents.opened(key_a, pdf_a) as first:
        assert len(first) == 8
    with documents.opened(key_b, pdf_b) as second:
        assert len(second) == 3
    assert len(documents) == 1
    assert first.raw is None  # closed when evicted: PDFium's memory is released
    assert second.raw is not None
    with documents.opened(key_a, pdf_a) as again:  # evicted: opened anew
        assert again is not first
    assert documents.opens == 3
    documents.clear()
    assert len(documents) == 0
    assert again.raw is None


def test_the_byte_budget_bounds_the_kept_documents(pages: list[Page]) -> None:
    (key_a, pdf_a, _n, _i), (key_b, pdf_b, _n2, _i2) = pages[0], pages[-1]
    documents = PartDocuments(max_bytes=len(pdf_a) + len(pdf_b) - 1)
    for key, pdf in ((key_a, pdf_a), (key_b, pdf_b)):
        with documents.opened(key, pdf):
            pass
    assert len(documents) == 1


def test_a_part_too_big_to_keep_is_opened_per_use_and_closed(pages: list[Page]) -> None:
    key, pdf, _number, _index = pages[0]
    documents = PartDocuments(max_document_bytes=len(pdf) - 1)
    with documents.opened(key, pdf) as doc:
        assert len(doc) == 8
    assert doc.raw is None
    assert len(documents) == 0
    assert documents.opens == 0


def test_other_bytes_under_a_known_key_are_opened_not_mistaken(pages: list[Page]) -> None:
    key, pdf_a, _number, _index = pages[0]
    other_pdf = pages[-1][1]
    documents = PartDocuments()
    with documents.opened(key, pdf_a) as first:
        pass
    with documents.opened(key, other_pdf) as second:
        assert len(second) == 3
    assert first.raw is None  # the stale document was dropped
    assert documents.opens == 2
    assert len(documents) == 1


@pytest.mark.parametrize(
    ("damage", "code"),
    [
        (lambda pdf: pdf[: len(pdf) // 2], ErrorCode.PDF_TRUNCATED),
        (lambda pdf: b"GIF89a" + pdf[8:], ErrorCode.NOT_A_PDF),
    ],
)
def test_a_bad_part_answers_its_stable_error_code_and_is_not_kept(
    pages: list[Page], damage: Any, code: ErrorCode
) -> None:
    key, pdf, number, index = pages[0]
    bad = damage(pdf)
    uncached = extract_in_worker(bad, number, OcrMode.AUTO, index)
    for _attempt in range(2):  # the second page of the part fails the same way: nothing was kept
        answer = extract_in_worker(bad, number, OcrMode.AUTO, index, key)
        assert answer == uncached
        assert answer["error"]["code"] == code.value
    assert len(WORKER_PARTS) == 0


def test_a_page_missing_from_a_kept_part_answers_invalid_input(pages: list[Page]) -> None:
    key, pdf, number, _index = pages[-1]  # the 3-page part
    assert "ok" in extract_in_worker(pdf, number, OcrMode.AUTO, 1, key)
    answer = extract_in_worker(pdf, number, OcrMode.AUTO, 4, key)
    assert answer["error"]["code"] == ErrorCode.INVALID_INPUT.value
    assert "ok" in extract_in_worker(pdf, number, OcrMode.AUTO, 3, key)  # the document is still usable
