"""OCR engines behind one small interface. Heavy imports happen inside the engines, never at import time.

Engines take a rendered page image and return word boxes in *pixels* (top-left origin); ``ocr.py``
scales them to PDF points. Tesseract (Debian packages) is the default engine: measured in
``benchmarks/ocr_engines.py`` against RapidOCR it was both more accurate on European text (it has
language data for accents and umlauts) and fast enough on one core.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from invoiceflow.domain.errors import ErrorCode, OcrError

if TYPE_CHECKING:
    from PIL import Image

DEFAULT_LANGUAGES = ("eng", "deu", "fra", "spa", "nld", "ita")


@dataclass(frozen=True, slots=True)
class PixelWord:
    text: str
    left: float
    top: float
    right: float
    bottom: float
    confidence: float  # 0..1
    line: tuple[int, ...] = ()  # the engine's line identity (words of one text line share it)


class OcrEngine(Protocol):
    name: str

    def is_available(self) -> bool: ...

    def recognize(self, image: Image.Image) -> list[PixelWord]: ...


class TesseractEngine:
    """The ``tesseract`` binary with TSV output; the image goes through stdin (no temp files)."""

    name = "tesseract"

    def __init__(
        self,
        languages: tuple[str, ...] = DEFAULT_LANGUAGES,
        threads: int = 1,
        min_confidence: float = 0.0,
        timeout_s: float = 60.0,
        binary: str = "tesseract",
    ) -> None:
        self.languages = languages
        self.threads = threads
        self.min_confidence = min_confidence
        self.timeout_s = timeout_s
        self.binary = binary

    def is_available(self) -> bool:
        if shutil.which(self.binary) is None:
            return False
        return not self.missing_languages()

    def missing_languages(self) -> list[str]:
        try:
            listed = subprocess.run(
                [self.binary, "--list-langs"], capture_output=True, text=True, timeout=10, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return list(self.languages)
        installed = {line.strip() for line in listed.stdout.splitlines()[1:]}
        return [lang for lang in self.languages if lang not in installed]

    def recognize(self, image: Image.Image) -> list[PixelWord]:
        if shutil.which(self.binary) is None:
            raise OcrError("tesseract is not installed", code=ErrorCode.OCR_UNAVAILABLE)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", compress_level=1)
        # OMP_THREAD_LIMIT: tesseract's OpenMP threads; workers scale by process, not by thread.
        env = {**os.environ, "OMP_THREAD_LIMIT": str(self.threads)}
        command = [self.binary, "stdin", "stdout", "-l", "+".join(self.languages), "--psm", "3", "tsv"]
        try:
            done = subprocess.run(
                command,
                input=buffer.getvalue(),
                capture_output=True,
                timeout=self.timeout_s,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise OcrError(
                f"tesseract took longer than {self.timeout_s:g} s", code=ErrorCode.OCR_FAILED
            ) from None
        except OSError as exc:
            raise OcrError(f"cannot run tesseract: {exc}", code=ErrorCode.OCR_UNAVAILABLE) from None
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip()[-500:]
            code = ErrorCode.OCR_UNAVAILABLE if "Failed loading language" in message else ErrorCode.OCR_FAILED
            raise OcrError(f"tesseract failed: {message}", code=code)
        return parse_tesseract_tsv(done.stdout.decode("utf-8", "replace"), self.min_confidence)


def parse_tesseract_tsv(tsv: str, min_confidence: float = 0.0) -> list[PixelWord]:
    """Word rows (level 5) of tesseract's TSV output."""
    words: list[PixelWord] = []
    for line in tsv.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) != 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        if not text:
            continue
        confidence = max(0.0, float(cols[10])) / 100.0
        if confidence < min_confidence:
            continue
        left, top, width, height = (float(v) for v in cols[6:10])
        line_key = (int(cols[2]), int(cols[3]), int(cols[4]))  # block, paragraph, line
        words.append(PixelWord(text, left, top, left + width, top + height, confidence, line_key))
    return words


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
