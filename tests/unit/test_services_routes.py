"""The four service routes and the health routes through FastAPI's TestClient, over a directory blob store.

Real logic end to end (real PDFs, the domain's stage functions, the extract service's process pool), no
Dapr: the blob store dependency is the directory adapter, and readiness is asked of a sidecar that is not
there. The Dapr path itself is covered by the integration tests on the real runtime.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from corpus import build_invoice_pdf
from corpus.batch import batch_sample
from fastapi.testclient import TestClient

from invoiceflow.dapr.client import DaprSettings
from invoiceflow.domain.blobs import page_png_key, pdf_key
from invoiceflow.domain.models import AggregateResult, PageExtraction, SplitResult, UploadResult
from invoiceflow.domain.pipeline import extract_document
from invoiceflow.runtime.ports import free_ports
from invoiceflow.services.blobstore import BlobCache, DirectoryAsyncBlobStore
from invoiceflow.services.deps import get_blob_store
from invoiceflow.services.main import create_app
from invoiceflow.services.settings import ServiceSettings
from invoiceflow.services.stored import StoredPageExtraction

PROBLEM_JSON = "application/problem+json"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> DirectoryAsyncBlobStore:
    return DirectoryAsyncBlobStore(tmp_path_factory.mktemp("blobs"))


@pytest.fixture(scope="module")
def client(store: DirectoryAsyncBlobStore) -> Iterator[TestClient]:
    http_port, grpc_port = free_ports(2)  # nobody listens there: readiness must say so
    app = create_app(
        settings=ServiceSettings(split_render_dpi=40, extract_workers=2),
        dapr_settings=DaprSettings(http_port=http_port, grpc_port=grpc_port, ready_timeout=0.5),
    )
    app.dependency_overrides[get_blob_store] = lambda: store
    with TestClient(app) as test_client:  # runs the lifespan: the extraction pool starts here
        yield test_client


def _run_pipeline(client: TestClient, store: DirectoryAsyncBlobStore, pdf: bytes, name: str) -> Any:
    key = f"incoming/{name}"
    store.put(key, pdf)
    upload = client.post("/upload", json={"blob_key": key, "filename": name})
    assert upload.status_code == 200, upload.text
    split = client.post("/split", json=upload.json())
    assert split.status_code == 200, split.text
    split_result = SplitResult.model_validate(split.json())
    pages = []
    for page in split_result.pages:
        extracted = client.post("/extract", json=page.model_dump(mode="json"))
        assert extracted.status_code == 200, extracted.text
        pages.append(PageExtraction.model_validate(extracted.json()))
    request = {
        "invoice_id": split_result.invoice_id,
        "document": split_result.document.model_dump(mode="json"),
        "pages": [page.model_dump(mode="json") for page in pages],
        "document_extraction": (
            split_result.document_extraction.model_dump(mode="json")
            if split_result.document_extraction
            else None
        ),
    }
    aggregated = client.post("/aggregate", json=request)
    assert aggregated.status_code == 200, aggregated.text
    return upload.json(), split_result, AggregateResult.model_validate(aggregated.json())


def test_the_four_routes_give_the_in_process_result(
    client: TestClient, store: DirectoryAsyncBlobStore
) -> None:
    pdf, _ = build_invoice_pdf(pages=3, seed=21)
    upload, split, result = _run_pipeline(client, store, pdf, "three.pdf")

    uploaded = UploadResult.model_validate(upload)
    assert uploaded.page_count == 3
    assert store.get(pdf_key(uploaded.sha256)) == pdf  # content-addressed copy of the validated PDF
    assert all(store.exists(page.pdf_blob_key) for page in split.pages)
    # Previews are rendered at the configured dpi and stored beside the page PDFs.
    assert [page.png_blob_key for page in split.pages] == [
        page_png_key(uploaded.sha256, n) for n in (1, 2, 3)
    ]
    assert store.get(page_png_key(uploaded.sha256, 1)).startswith(b"\x89PNG")
    assert result.invoices == extract_document(pdf, filename="three.pdf")


def test_a_batch_scan_aggregates_into_several_invoices(
    client: TestClient, store: DirectoryAsyncBlobStore
) -> None:
    sample = batch_sample(9, 1, invoices=3)
    _upload, _split, result = _run_pipeline(client, store, sample.pdf, sample.name)

    expected = extract_document(sample.pdf, filename=sample.name)
    assert len(expected) == 3
    assert result.invoices == expected


def test_bad_input_answers_a_problem_with_its_code(
    client: TestClient, store: DirectoryAsyncBlobStore
) -> None:
    store.put("incoming/not-a-pdf", b"plain text\n")
    answer = client.post("/upload", json={"blob_key": "incoming/not-a-pdf"})
    assert answer.status_code == 422
    assert answer.headers["content-type"] == PROBLEM_JSON
    assert answer.json()["code"] == "NOT_A_PDF"

    missing = client.post("/upload", json={"blob_key": "incoming/nowhere"})
    assert (missing.status_code, missing.json()["code"]) == (404, "FILE_NOT_FOUND")

    no_source = client.post("/upload", json={})
    assert (no_source.status_code, no_source.json()["code"]) == (422, "INVALID_INPUT")

    # pdf_path is refused unless a base directory is configured (it is not here).
    path = client.post("/upload", json={"pdf_path": "/etc/passwd"})
    assert (path.status_code, path.json()["code"]) == (403, "PATH_NOT_ALLOWED")


def test_extracting_a_page_whose_blob_is_gone_is_file_not_found(client: TestClient) -> None:
    page = {
        "invoice_id": "gone",
        "page_number": 1,
        "page_count": 1,
        "pdf_blob_key": "pages/none/0001.pdf",
        "width": 595.0,
        "height": 842.0,
    }
    answer = client.post("/extract", json=page)
    assert (answer.status_code, answer.json()["code"]) == (404, "FILE_NOT_FOUND")


def test_health_answers_and_readiness_reports_the_missing_sidecar(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/health/ready")
    assert ready.status_code == 503
    assert ready.json()["status"] == "unavailable"


def test_upload_reads_a_path_below_the_configured_base_dir(
    tmp_path: Path, store: DirectoryAsyncBlobStore
) -> None:
    pdf, _ = build_invoice_pdf(pages=1, seed=22)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.pdf").write_bytes(pdf)
    (tmp_path / "outside.pdf").write_bytes(pdf)
    app = create_app(settings=ServiceSettings(upload_base_dir=tmp_path / "in"))
    app.dependency_overrides[get_blob_store] = lambda: store
    with TestClient(app) as test_client:
        inside = test_client.post("/upload", json={"pdf_path": "one.pdf"})
        escape = test_client.post("/upload", json={"pdf_path": "../outside.pdf"})

    assert inside.status_code == 200, inside.text
    assert UploadResult.model_validate(inside.json()).filename == "one.pdf"
    assert (escape.status_code, escape.json()["code"]) == (403, "PATH_NOT_ALLOWED")


def test_aggregate_body_is_validated_from_its_bytes_and_documented(client: TestClient) -> None:
    not_json = client.post("/aggregate", content=b"{not json", headers={"content-type": "application/json"})
    assert not_json.status_code == 422
    assert not_json.headers["content-type"].startswith(PROBLEM_JSON)
    assert not_json.json()["code"] == "INVALID_INPUT"
    missing = client.post("/aggregate", json={"invoice_id": "x"})
    assert missing.status_code == 422
    assert "document" in missing.json()["detail"]

    body = client.get("/openapi.json").json()["paths"]["/aggregate"]["post"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    assert {"invoice_id", "document", "pages"} <= set(schema["properties"])
    assert schema["$id"].endswith("AggregateRequest")  # its "#/$defs/..." references resolve inside it


def test_stored_extractions_are_referenced_and_aggregate_to_the_in_process_result(
    client: TestClient, store: DirectoryAsyncBlobStore
) -> None:
    pdf, _ = build_invoice_pdf(pages=3, seed=23)
    upload, split, _ = _run_pipeline(client, store, pdf, "stored.pdf")
    references = []
    for page in split.pages:
        answer = client.post("/extract/stored", json=page.model_dump(mode="json"))
        assert answer.status_code == 200, answer.text
        reference = StoredPageExtraction.model_validate(answer.json())
        assert reference.page_number == page.page_number
        # The blob holds the same JSON /extract answers, under a key derived from page and content.
        assert (
            store.get(reference.extraction_blob_key)
            == client.post("/extract", json=page.model_dump(mode="json")).content
        )
        references.append(reference.model_dump(mode="json"))
    request = {
        "invoice_id": split.invoice_id,
        "document": split.document.model_dump(mode="json"),
        "pages": references,
        "document_extraction": None,
    }
    aggregated = client.post("/aggregate/stored", json=request)
    assert aggregated.status_code == 200, aggregated.text
    assert AggregateResult.model_validate(aggregated.json()).invoices == extract_document(
        pdf, filename="stored.pdf"
    )
    assert UploadResult.model_validate(upload).page_count == 3


def test_a_stored_extraction_is_read_back_when_this_process_did_not_write_it(
    client: TestClient, store: DirectoryAsyncBlobStore
) -> None:
    """A separate aggregate app (or one restarted mid-run) did not write them: it reads the blobs;
    a reference to a blob that is not there is FILE_NOT_FOUND, one to another page's blob is refused."""
    pdf, _ = build_invoice_pdf(pages=2, seed=24)
    _, split, _ = _run_pipeline(client, store, pdf, "elsewhere.pdf")
    written = [
        client.post("/extract/stored", json=page.model_dump(mode="json")).json() for page in split.pages
    ]
    app = create_app(settings=ServiceSettings(extract_workers=1))
    app.dependency_overrides[get_blob_store] = lambda: store
    base = {"invoice_id": split.invoice_id, "document": split.document.model_dump(mode="json")}
    with TestClient(app) as other:
        fresh = other.post("/aggregate/stored", json={**base, "pages": written})
        missing = other.post(
            "/aggregate/stored",
            json={**base, "pages": [{"page_number": 1, "extraction_blob_key": "extractions/x/none.json"}]},
        )
        swapped = other.post(
            "/aggregate/stored",
            json={**base, "pages": [{**written[0], "page_number": 2}, {**written[1], "page_number": 1}]},
        )
    assert fresh.status_code == 200, fresh.text
    assert AggregateResult.model_validate(fresh.json()).invoices == extract_document(
        pdf, filename="elsewhere.pdf"
    )
    assert (missing.status_code, missing.json()["code"]) == (404, "FILE_NOT_FOUND")
    assert (swapped.status_code, swapped.json()["code"]) == (500, "INTERNAL")


def test_blob_cache_forgets_the_least_recently_used_beyond_its_size_and_skips_big_blobs() -> None:
    cache = BlobCache(max_bytes=10, max_blob=5)
    cache.put("a", b"1234")
    cache.put("b", b"5678")
    assert cache.get("a") == b"1234"  # "a" is now the most recently used
    cache.put("c", b"90ab")
    cache.put("big", b"123456")
    assert (cache.get("a"), cache.get("b"), cache.get("c"), cache.get("big")) == (
        b"1234",
        None,
        b"90ab",
        None,
    )


def test_aggregate_stored_takes_references_mixed_with_fields(
    client: TestClient, store: DirectoryAsyncBlobStore
) -> None:
    """An instance in flight across the deploy that introduced references holds both in its history."""
    pdf, _ = build_invoice_pdf(pages=2, seed=25)
    _, split, _ = _run_pipeline(client, store, pdf, "mixed.pdf")
    first, second = (page.model_dump(mode="json") for page in split.pages)
    pages = [client.post("/extract/stored", json=first).json(), client.post("/extract", json=second).json()]
    assert "extraction_blob_key" in pages[0]
    assert "fields" in pages[1]
    request = {
        "invoice_id": split.invoice_id,
        "document": split.document.model_dump(mode="json"),
        "pages": pages,
    }
    aggregated = client.post("/aggregate/stored", json=request)
    assert aggregated.status_code == 200, aggregated.text
    assert AggregateResult.model_validate(aggregated.json()).invoices == extract_document(
        pdf, filename="mixed.pdf"
    )


def test_split_stored_validates_and_splits_a_stored_upload_as_upload_then_split_do(
    client: TestClient, store: DirectoryAsyncBlobStore
) -> None:
    """Workflow v3's one step for a PDF the caller stored: the same pages under the same keys and the same
    document-level result as upload + split, and the upload service's error codes for bad input."""
    pdf, _ = build_invoice_pdf(pages=2, seed=23)
    two_steps = _run_pipeline(client, store, pdf, "v3.pdf")[1]
    key = "incoming/v3-copy.bin"
    store.put(key, pdf)
    answer = client.post("/split/stored", json={"invoice_id": two_steps.invoice_id, "blob_key": key,
                                                "filename": "v3.pdf"})  # fmt: skip
    assert answer.status_code == 200, answer.text
    one_step = SplitResult.model_validate(answer.json())
    assert one_step == two_steps
    assert all(store.exists(page.pdf_blob_key) for page in one_step.pages)

    store.put("incoming/v3-not-a-pdf", b"plain text\n")
    bad = client.post("/split/stored", json={"blob_key": "incoming/v3-not-a-pdf"})
    assert (bad.status_code, bad.json()["code"]) == (422, "NOT_A_PDF")
    missing = client.post("/split/stored", json={"blob_key": "incoming/v3-nowhere"})
    assert (missing.status_code, missing.json()["code"]) == (404, "FILE_NOT_FOUND")
    no_key = client.post("/split/stored", json={"pdf_path": "a.pdf"})
    assert (no_key.status_code, no_key.json()["code"]) == (422, "INVALID_INPUT")
