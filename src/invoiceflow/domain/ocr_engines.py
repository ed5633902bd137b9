"""OCR engines behind one small interface. Heavy imports happen inside the engines, never at import time.

Engines take a rendered page image and return word boxes in *pixels* (top-left origin); ``ocr.py``
scales them to PDF points. Tesseract (Debian packages) is the default engine: measured in
``benchmarks/ocr_engines.py`` against RapidOCR it was both more accurate on European text (it has
language data for accents and umlauts) and fast enough on one core.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import time
import unicodedata
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from invoiceflow.domain.errors import ErrorCode, OcrError
from invoiceflow.domain.ocr_language import page_language

if TYPE_CHECKING:
    from PIL import Image

DEFAULT_LANGUAGES = ("eng", "deu", "fra", "spa", "nld", "ita")
# Share of the page (from the top) read by the probe pass: the header and the table head name the
# language; reading less than the whole page makes the probe cheap (about a third of one pass).
PROBE_SHARE = 0.4
# Word confidences (0..1) for merging the probe's reading of the page head into the full reading: a
# full-reading word below GARBLED that overlaps a probe word of at least TRUSTED gives way to it.
GARBLED = 0.5
TRUSTED = 0.6
# Below this a word without digits is noise (measured on the scanned twins: 0.1 and 0.3 help alike).
GARBAGE = 0.1
# Line identities of probe words are offset by this many blocks so they never join a full-reading line.
_PROBE_BLOCKS = 10_000


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
    """The ``tesseract`` binary with TSV output; the image goes through stdin (no temp files).

    With several languages and ``language_probe`` on, the top of the page is read first with the first
    language only (the probe), the page's language is judged from those words (``ocr_language``), and
    the whole page is read with that language alone; a page whose language cannot be judged is read
    with all. Lines the full reading garbled in the page head are taken from the probe
    (``recover_garbled``). Every reading then loses its near-rejected letter noise (``drop_garbage``)
    and gets back capital I's read as l (``fix_initial_l``).
    """

    name = "tesseract"

    def __init__(
        self,
        languages: tuple[str, ...] = DEFAULT_LANGUAGES,
        threads: int = 1,
        min_confidence: float = 0.0,
        timeout_s: float = 60.0,
        binary: str = "tesseract",
        *,
        language_probe: bool = True,
        probe_share: float = PROBE_SHARE,
    ) -> None:
        self.languages = languages
        self.language_probe = language_probe
        self.probe_share = probe_share
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
        png = _png(image)
        deadline = time.monotonic() + self.timeout_s  # one budget for all passes over the page
        if not self.language_probe or len(self.languages) < 2:
            return fix_initial_l(drop_garbage(self.run(png, self.languages, deadline)))
        head = image.crop((0, 0, image.width, max(1, round(image.height * self.probe_share))))
        # Table finding off for the head: Tesseract's table finder takes a letterhead beside a block of
        # invoice details for one table and reads their interleaved lines as one, garbling both.
        probe = self.run(_png(head), self.languages[:1], deadline, find_tables=False)
        language = page_language((word.text for word in probe), self.languages)
        words = self.run(png, (language,) if language else self.languages, deadline)
        return fix_initial_l(drop_garbage(recover_garbled(words, probe)))

    def run(
        self, png: bytes, languages: tuple[str, ...], deadline: float, *, find_tables: bool = True
    ) -> list[PixelWord]:
        """One tesseract pass over a PNG image with the given language models."""
        # OMP_THREAD_LIMIT: tesseract's OpenMP threads; workers scale by process, not by thread.
        env = {**os.environ, "OMP_THREAD_LIMIT": str(self.threads)}
        command = [self.binary, "stdin", "stdout", "-l", "+".join(languages), "--psm", "3"]
        if not find_tables:
            command += ["-c", "textord_tabfind_find_tables=0"]
        command.append("tsv")
        try:
            done = subprocess.run(
                command,
                input=png,
                capture_output=True,
                timeout=max(0.1, deadline - time.monotonic()),
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


def recover_garbled(words: list[PixelWord], probe: list[PixelWord]) -> list[PixelWord]:
    """The full reading with its garbled stretches replaced by what the probe read confidently there.

    A word the full reading is unsure of (< ``GARBLED``) that overlaps a confident probe word
    (>= ``TRUSTED``) is dropped; every confident probe word that overlaps no remaining word is added,
    on lines of its own. Both readings share pixel coordinates (the probe read the top of the image).
    """
    # Marks without a letter or digit (table rules read as "|") are no words to recover.
    trusted = [w for w in probe if w.confidence >= TRUSTED and any(c.isalnum() for c in w.text)]
    kept = [
        word
        for word in words
        if word.confidence >= GARBLED
        or not any(_overlap(word, other) and not _same_reading(word, other) for other in trusted)
    ]
    added = [
        replace(word, line=(_PROBE_BLOCKS + word.line[0], *word.line[1:]) if word.line else ())
        for word in trusted
        if not any(_overlap(word, other) for other in kept)
    ]
    return kept + added


# A word cannot start with "l" before these letters in the Latin-script languages we read ("lr", "lT"):
# such an "l" is a capital I that OCR read as l ("lronbridge", "lTALIA"). Not before "b" ("lbs"), and
# only in words of four characters or more (units such as "lm" stay).
_L_FOR_I = re.compile(r"^l(?=[cdfghkmnpqrstvwxzA-Z][^\W\d_])")


def fix_initial_l(words: list[PixelWord]) -> list[PixelWord]:
    """Words with a leading capital I that OCR read as a lower-case l, restored."""
    return [
        replace(w, text=_L_FOR_I.sub("I", w.text)) if w.text.startswith("l") and len(w.text) >= 4 else w
        for w in words
    ]


def drop_garbage(words: list[PixelWord]) -> list[PixelWord]:
    """Without the words Tesseract all but rejected (< ``GARBAGE``) that hold no digit: specks, logo
    strokes and rules read as letters. Digit-bearing words stay, whatever their confidence: a garbled
    amount can still be repaired by arithmetic (``ocr_repair``)."""
    return [w for w in words if w.confidence >= GARBAGE or any(c.isdigit() for c in w.text)]


# Readings that differ only in accents, case or an I/l/1 or O/0 look-alike are the same word.
_LOOK_ALIKE = str.maketrans("l|1!0", "iiiio")


def _same_reading(a: PixelWord, b: PixelWord) -> bool:
    def folded(text: str) -> str:
        bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        return bare.casefold().translate(_LOOK_ALIKE)

    return folded(a.text) == folded(b.text)


def _overlap(a: PixelWord, b: PixelWord) -> bool:
    """The boxes share more than a quarter of the smaller one's area."""
    width = min(a.right, b.right) - max(a.left, b.left)
    height = min(a.bottom, b.bottom) - max(a.top, b.top)
    if width <= 0 or height <= 0:
        return False
    smaller = min((a.right - a.left) * (a.bottom - a.top), (b.right - b.left) * (b.bottom - b.top))
    return width * height > 0.25 * max(smaller, 1.0)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    # tesseract works on grey levels anyway; one channel is a third of the bytes to encode and pipe
    image.convert("L").save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


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
