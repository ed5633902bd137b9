"""OCR engines behind one small interface. Heavy imports happen inside the engines, never at import time.

Engines take a rendered page image and return word boxes in *pixels* (top-left origin); ``ocr.py``
scales them to PDF points. Tesseract (Debian packages) is the default engine: measured in
``benchmarks/ocr_engines.py --synthetic`` against RapidOCR it was both more accurate on European text (it has
language data for accents and umlauts) and fast enough on one core.

The Tesseract engine and its passes are ``ocr_tesseract``; the words they return, ``ocr_words``; what
becomes of them after a pass, ``ocr_clean``, ``ocr_reread``, ``ocr_merge`` and ``ocr_table_cells``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from invoiceflow.domain.errors import ErrorCode, OcrError
from invoiceflow.domain.ocr_tesseract import TesseractEngine
from invoiceflow.domain.ocr_words import PixelWord

if TYPE_CHECKING:
    from PIL import Image


class OcrEngine(Protocol):
    name: str

    def is_available(self) -> bool: ...

    def recognize(self, image: Image.Image) -> list[PixelWord]: ...


class RapidOcrEngine:
    """RapidOCR (PP-OCR models inside the ``rapidocr-onnxruntime`` wheel). Returns text *lines*; we
    split them into words with x positions proportional to character counts (an approximation)."""

    name = "rapidocr"

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads
        self._engine: object | None = None

    def is_available(self) -> bool:
        try:
            import rapidocr_onnxruntime  # type: ignore[import-untyped]  # noqa: F401
        except ImportError:
            return False
        return True

    def _load(self) -> object:
        if self._engine is None:
            try:
                from rapidocr_onnxruntime import RapidOCR
            except ImportError:
                raise OcrError(
                    "rapidocr-onnxruntime is not installed", code=ErrorCode.OCR_UNAVAILABLE
                ) from None
            self._engine = RapidOCR(intra_op_num_threads=self.threads, inter_op_num_threads=1)
        return self._engine

    def recognize(self, image: Image.Image) -> list[PixelWord]:
        import numpy as np

        engine = self._load()
        result, _elapsed = engine(np.asarray(image.convert("RGB")))  # type: ignore[operator]
        words: list[PixelWord] = []
        for line_number, (quad, text, score) in enumerate(result or []):
            xs = [float(p[0]) for p in quad]
            ys = [float(p[1]) for p in quad]
            box = (min(xs), min(ys), max(xs), max(ys))
            words.extend(_split_line(str(text), *box, float(score), line_number))
        return words


def _split_line(  # noqa: PLR0917 - a box's four sides read best positionally
    text: str, left: float, top: float, right: float, bottom: float, score: float, line: int
) -> list[PixelWord]:
    if not text:
        return []
    per_char = (right - left) / len(text)
    words: list[PixelWord] = []
    position = 0
    for token in text.split(" "):
        if token:
            x0 = left + position * per_char
            words.append(PixelWord(token, x0, top, x0 + len(token) * per_char, bottom, score, (line,)))
        position += len(token) + 1
    return words


ENGINES: dict[str, type[TesseractEngine] | type[RapidOcrEngine]] = {
    TesseractEngine.name: TesseractEngine,
    RapidOcrEngine.name: RapidOcrEngine,
}


def default_engine() -> OcrEngine:
    return TesseractEngine()
