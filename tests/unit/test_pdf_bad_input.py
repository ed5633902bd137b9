"""Bad input: every case ends in a stable error code, no crash, no temp files, bounded memory."""

from __future__ import annotations

import io
import os
import tempfile
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfgen import canvas

from invoiceflow.domain.errors import ErrorCode, InvalidDocumentError, InvoiceFlowError
from invoiceflow.domain.pdf import (
    PdfLimits,
    read_pdf_file,
    render_page_png,
    split_pdf,
    validate_pdf,
)
from invoiceflow.domain.pdf_render import render_scale


def make_pdf(pages: int = 1, size: tuple[float, float] = (595, 842)) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=size)
    for n in range(pages):
        c.drawString(72, 72, f"Invoice page {n + 1}")
        c.showPage()
    c.save()
    return buffer.getvalue()


def pypdf_bytes(writer: pypdf.PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def code_of(data: bytes, limits: PdfLimits | None = None) -> ErrorCode:
    with pytest.raises(InvoiceFlowError) as info:
        validate_pdf(data, limits or PdfLimits())
    return info.value.code


@pytest.fixture(autouse=True)
def no_temp_files_left(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Every temp file the code under test makes goes to a directory of this test's own, which must be
    empty afterwards: exact, and blind to other processes' files in the shared /tmp."""
    private = tmp_path_factory.mktemp("tempdir")
    monkeypatch.setenv("TMPDIR", str(private))  # child processes and C libraries
    monkeypatch.setattr(tempfile, "tempdir", str(private))  # gettempdir() caches its first answer
    assert tempfile.gettempdir() == str(private)
    yield private
    assert sorted(private.iterdir()) == []


def test_valid_pdf_passes() -> None:
    data = make_pdf(3)
    info = validate_pdf(data)
    assert (info.page_count, info.encrypted, len(info.sha256)) == (3, False, 64)


@pytest.mark.parametrize("data", [b"", b"hello world", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, b"PK\x03\x04zip"])
def test_not_a_pdf(data: bytes) -> None:
    assert code_of(data) is ErrorCode.NOT_A_PDF


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated(keep: float) -> None:
    data = make_pdf(2)
    assert code_of(data[: int(len(data) * keep)]) is ErrorCode.PDF_TRUNCATED


def test_encrypted_with_a_user_password() -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    assert code_of(pypdf_bytes(writer)) is ErrorCode.PDF_ENCRYPTED


def test_encrypted_with_empty_user_password_is_readable() -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf())))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    info = validate_pdf(pypdf_bytes(writer))
    assert (info.page_count, info.encrypted) == (1, True)


def test_zero_pages() -> None:
    assert code_of(pypdf_bytes(pypdf.PdfWriter())) is ErrorCode.PDF_EMPTY


def test_two_thousand_pages() -> None:
    writer = pypdf.PdfWriter()
    for _ in range(2000):
        writer.add_blank_page(595, 842)
    data = pypdf_bytes(writer)
    assert code_of(data) is ErrorCode.PDF_TOO_MANY_PAGES
    assert validate_pdf(data, PdfLimits(max_pages=2000)).page_count == 2000


def test_huge_page() -> None:
    assert code_of(make_pdf(size=(20_000, 20_000))) is ErrorCode.PAGE_TOO_LARGE


def test_render_of_a_large_page_is_capped_in_pixels() -> None:
    # 14,400 pt square is allowed by the spec; at 150 dpi it would be 900 Mpx
    limits = PdfLimits(max_render_pixels=4_000_000)
    scale = render_scale(14_400, 14_400, 150, limits.max_render_pixels)
    assert (14_400 * scale) ** 2 <= limits.max_render_pixels
    from PIL import Image

    png = render_page_png(make_pdf(size=(14_400, 14_400)), 1, dpi=150, limits=limits)
    with Image.open(io.BytesIO(png)) as image:
        assert image.width * image.height <= limits.max_render_pixels
        assert image.width > 1900


def test_corrupt_cross_reference_and_objects() -> None:
    data = bytearray(make_pdf(2))
    # keep header and %%EOF, overwrite everything in between with junk
    for i in range(20, len(data) - 10):
        data[i] = (i * 37) % 251
    assert code_of(bytes(data)) is ErrorCode.PDF_CORRUPT


def test_corrupt_content_stream_does_not_crash() -> None:
    data = make_pdf(1)
    start = data.index(b"stream\n") + len(b"stream\n")
    broken = data[:start] + b"\xff\x00garbage" * 4 + data[start + 36 :]
    # PDFium drops the undecodable stream: the page survives, blank, and nothing crashes
    artifacts = split_pdf(broken)
    assert len(artifacts) == 1
    assert artifacts[0].png is not None


def test_file_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(200 * 1024 * 1024)  # sparse: no disk blocks, no memory
    tracemalloc.start()
    try:
        with pytest.raises(InvalidDocumentError) as info:
            read_pdf_file(path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.value.code is ErrorCode.PDF_TOO_LARGE
    assert peak < 1024 * 1024
    path.unlink()


def test_bytes_over_the_limit() -> None:
    assert code_of(make_pdf(), PdfLimits(max_bytes=100)) is ErrorCode.PDF_TOO_LARGE


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InvoiceFlowError) as missing:
        read_pdf_file(tmp_path / "nope.pdf")
    assert missing.value.code is ErrorCode.FILE_NOT_FOUND
    with pytest.raises(InvoiceFlowError) as directory:
        read_pdf_file(tmp_path)
    assert directory.value.code is ErrorCode.FILE_UNREADABLE
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(make_pdf())
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads anything
        pytest.skip("running as root")
    with pytest.raises(InvoiceFlowError) as unreadable:
        read_pdf_file(locked)
    assert unreadable.value.code is ErrorCode.FILE_UNREADABLE


def test_split_memory_is_bounded_per_page() -> None:
    data = make_pdf(30)
    tracemalloc.start()
    try:
        from invoiceflow.domain.pdf import iter_page_artifacts

        for artifact in iter_page_artifacts(data):
            assert artifact.png is not None
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 * 1024 * 1024  # one 150-dpi page render is ~5 MB of pixels
