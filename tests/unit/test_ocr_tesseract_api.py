"""Tesseract in-process (C API): the same words as the binary, settings that do not leak from one pass to
the next, a deadline that holds, stable errors, and the fall-back to the binary when OpenMP would run
unbounded."""

from __future__ import annotations

import subprocess
import sys
import time

import pypdfium2 as pdfium
import pytest
from benchmarks.ocr_engines import invoice_page, scan
from PIL import Image

from invoiceflow.domain.errors import ErrorCode, OcrError
from invoiceflow.domain.ocr import OCR_DPI
from invoiceflow.domain.ocr_tesseract import TesseractEngine
from invoiceflow.domain.ocr_tesseract_api import PassConfig, api_available, missing_languages, read_tsv
from invoiceflow.domain.pdf_render import render_page_image

both_backends = pytest.mark.skipif(
    not (api_available() and TesseractEngine(backend="binary").is_available()),
    reason="tesseract library or binary not installed",
)


@pytest.fixture(scope="module")
def scanned_page() -> Image.Image:
    """A scanned invoice-like page (rotated, blurred, noisy image-only PDF) rendered as OCR renders it."""
    pdf, _words = invoice_page(7)
    doc = pdfium.PdfDocument(scan(pdf, 7))
    try:
        return render_page_image(doc[0], OCR_DPI, 40_000_000, 30.0).convert("L")
    finally:
        doc.close()


def deadline() -> float:
    return time.monotonic() + 60.0


@both_backends
def test_the_in_process_engine_reads_the_same_words_as_the_binary(scanned_page: Image.Image) -> None:
    # all passes of a page: probe, page, and the digits-only re-read when the page needs one
    in_process = TesseractEngine(backend="api")
    binary = TesseractEngine(backend="binary")
    assert in_process.uses_api()
    assert not binary.uses_api()
    words = in_process.recognize(scanned_page)
    assert len(words) > 50
    assert words == binary.recognize(scanned_page)


@both_backends
def test_a_setting_of_one_pass_does_not_stay_for_the_next(scanned_page: Image.Image) -> None:
    # textord_tabfind_find_tables is a process global of the library: a head pass without table finding
    # must not change how the next page pass of another engine finds tables
    in_process = TesseractEngine(backend="api")
    binary = TesseractEngine(backend="binary")
    in_process.run(scanned_page, ("deu",), deadline(), find_tables=False)
    in_process.run(scanned_page, ("eng",), deadline(), digits_only=True)
    after = in_process.run(scanned_page, ("eng",), deadline())
    assert after == binary.run(scanned_page, ("eng",), deadline())
    digits = in_process.run(scanned_page, ("eng",), deadline(), digits_only=True)
    assert digits
    assert all(set(w.text) <= set("0123456789.,-'") for w in digits)


@pytest.mark.skipif(not api_available(), reason="tesseract library not installed")
def test_a_pass_past_its_deadline_is_ocr_failed(scanned_page: Image.Image) -> None:
    with pytest.raises(OcrError) as info:
        read_tsv(scanned_page, PassConfig("eng", 3), timeout_s=0.001)
    assert info.value.code is ErrorCode.OCR_FAILED
    # the engine is still usable afterwards
    assert "Invoice" in read_tsv(scanned_page, PassConfig("eng", 3), timeout_s=60.0)


@pytest.mark.skipif(not api_available(), reason="tesseract library not installed")
def test_a_missing_language_is_ocr_unavailable() -> None:
    assert missing_languages(("xx-no-such-language", "eng", "deu")) == ["xx-no-such-language"]
    engine = TesseractEngine(languages=("eng", "xx-no-such-language"), backend="api")
    assert engine.missing_languages() == ["xx-no-such-language"]
    assert not engine.is_available()
    with pytest.raises(OcrError) as info:
        read_tsv(Image.new("L", (8, 8), 255), PassConfig("xx-no-such-language", 3), timeout_s=5.0)
    assert info.value.code is ErrorCode.OCR_UNAVAILABLE


@pytest.mark.skipif(not api_available(), reason="tesseract library not installed")
@pytest.mark.parametrize(
    ("prelude", "expected"),
    [
        ("", "True 1"),  # the limit is set before OpenMP loads: one thread
        # OpenMP loaded earlier without a limit: the library would spin idle threads, so passes run the binary
        ("import ctypes; ctypes.CDLL('libgomp.so.1'); ", "False None"),
    ],
)
def test_the_library_is_used_only_with_openmp_held_to_the_thread_limit(prelude: str, expected: str) -> None:
    script = (
        prelude + "from invoiceflow.domain.ocr_tesseract import TesseractEngine\n"
        "import os\n"
        "print(TesseractEngine().uses_api(), os.environ.get('OMP_THREAD_LIMIT') if "
        "TesseractEngine().uses_api() else None)\n"
    )
    env = {"PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60, check=True
    )
    assert done.stdout.strip() == expected


@pytest.mark.skipif(not api_available(), reason="tesseract library not installed")
def test_a_variable_without_a_known_default_is_refused() -> None:
    # it could not be put back after the pass, and would change every later pass of the process
    with pytest.raises(ValueError, match="tessedit_pageseg_mode"):
        read_tsv(Image.new("L", (8, 8), 255), PassConfig("eng", 3, (("tessedit_pageseg_mode", "6"),)), 5.0)
