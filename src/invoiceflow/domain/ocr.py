"""Page reading with automatic text-layer / OCR choice: ``read_page`` is the extractor's single entry.

OCR words come back as ``Word`` boxes in PDF points with a top-left origin, exactly like text-layer
words, so layout analysis does not care where a page's words came from.
"""

from __future__ import annotations

import statistics
import unicodedata
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

import pypdfium2 as pdfium

from invoiceflow.domain.errors import ErrorCode, OcrError
from invoiceflow.domain.models import OcrMode, PageText, TextSource, Word
from invoiceflow.domain.pdf import DEFAULT_LIMITS, PdfLimits
from invoiceflow.domain.pdf_document import load_page, opened
from invoiceflow.domain.pdf_render import POINTS_PER_INCH, render_page_image
from invoiceflow.domain.pdf_text import page_geometry, text_of_page

if TYPE_CHECKING:  # the engines are imported when a page is OCRed: a text page only calls ``needs_ocr``
    from invoiceflow.domain.ocr_engines import OcrEngine, PixelWord

# 200 dpi: measured more accurate than 300 on 200-dpi scans (96.7 % vs 92.1 %) and faster (1.3 vs 1.8 s/page)
OCR_DPI = 200
# A text layer with fewer meaningful characters than this is treated as absent (scans often carry a
# stray page number or a producer stamp as text).
MIN_TEXT_CHARS = 20
# Share of characters that must be letters/digits/common punctuation for the text layer to be trusted;
# broken font encodings produce private-use glyphs, U+FFFD or control characters instead.
MIN_CLEAN_RATIO = 0.8

_engine_cache: dict[str, OcrEngine] = {}


def needs_ocr(page: PageText) -> bool:
    """True when the text layer is missing, nearly empty or mostly garbage (broken font encoding)."""
    text = "".join([word.text for word in page.words])
    if len(text) < MIN_TEXT_CHARS:
        return True
    # Classify each distinct character once and count its occurrences in C (a page holds a few thousand
    # characters but rarely a hundred distinct ones): the same count as testing character by character.
    unclean = sum(text.count(char) for char in set(text) if not _is_clean(char))
    return (len(text) - unclean) / len(text) < MIN_CLEAN_RATIO


def _is_clean(char: str) -> bool:
    category = unicodedata.category(char)
    # letters, numbers, punctuation, currency/math symbols; not Co (private use), Cn, Cc, Cs, or U+FFFD
    return category[0] in "LNP" or category in ("Sc", "Sm")


def read_page(
    pdf: bytes,
    page_number: int,
    ocr_mode: OcrMode = OcrMode.AUTO,
    *,
    engine: OcrEngine | None = None,
    limits: PdfLimits = DEFAULT_LIMITS,
    dpi: int = OCR_DPI,
) -> PageText:
    """Words of one page: the text layer, or OCR when ``ocr_mode`` says so or the layer is unusable."""
    with opened(pdf) as doc:
        page = load_page(doc, page_number)
        try:
            if ocr_mode is not OcrMode.ALWAYS:
                text = text_of_page(page, page_number)
                if ocr_mode is OcrMode.NEVER or not needs_ocr(text):
                    return text
            return ocr_loaded_page(page, page_number, engine or _default_engine(), limits=limits, dpi=dpi)
        finally:
            page.close()


def ocr_loaded_page(
    page: pdfium.PdfPage,
    page_number: int,
    engine: OcrEngine,
    *,
    limits: PdfLimits = DEFAULT_LIMITS,
    dpi: int = OCR_DPI,
) -> PageText:
    """Render and OCR an already loaded ``pypdfium2.PdfPage``."""
    if not engine.is_available():
        raise OcrError(f"OCR engine {engine.name!r} is not available", code=ErrorCode.OCR_UNAVAILABLE)
    geometry = page_geometry(page)
    image = render_page_image(page, dpi, limits.max_render_pixels, limits.render_timeout_s)
    # the render may have been scaled down to respect the pixel limit: derive the scale from the image
    scale_x = geometry.width / image.width
    scale_y = geometry.height / image.height
    pixel_words = engine.recognize(image)
    return PageText(
        page_number=page_number,
        width=geometry.width,
        height=geometry.height,
        text_source=TextSource.OCR,
        words=_to_points(pixel_words, scale_x, scale_y),
    )


def _to_points(words: list[PixelWord], scale_x: float, scale_y: float) -> list[Word]:
    """Scale to points and order by the engine's own lines.

    A scan is rarely straight: at 1 degree of skew a line drifts ~10 pt across an A4 page, more than
    the gap between lines, so geometric line grouping would interleave lines. The engine knows its
    lines, so we use them, and give all words of a line the line's median top and bottom: downstream
    geometric grouping then sees each line as one horizontal band. Before that the words are turned back
    by the tilt the engine's own lines show (``page_tilt``), so that the bands of different lines line
    up as the printed rows did.
    """
    lines: dict[tuple[int, ...], list[PixelWord]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    lines = _levelled(lines)
    ordered: list[tuple[float, list[Word]]] = []
    for key, members in lines.items():
        members.sort(key=lambda w: w.left)
        if key:
            top = statistics.median(w.top for w in members) * scale_y
            bottom = statistics.median(w.bottom for w in members) * scale_y
            # Tesseract now and then boxes a word over the rest of its line ("Olivar" spanning "del Sur
            # S.L."); line grouping would take the overlapped words for another row: end each word where
            # the next begins.
            rights = [
                min(w.right, nxt.left - 1) if nxt.left > w.left else w.right for w, nxt in pairwise(members)
            ]
            rights.append(members[-1].right)
            line_words = [
                Word(text=w.text, x0=w.left * scale_x, y0=top, x1=right * scale_x, y1=bottom)
                for w, right in zip(members, rights, strict=True)
            ]
            ordered.append(((top + bottom) / 2, line_words))
        else:  # an engine without line identities: one "line" per word, ordered geometrically below
            for w in members:
                word_box = Word(
                    text=w.text,
                    x0=w.left * scale_x,
                    y0=w.top * scale_y,
                    x1=w.right * scale_x,
                    y1=w.bottom * scale_y,
                )
                ordered.append(((word_box.y0 + word_box.y1) / 2, [word_box]))
    ordered.sort(key=lambda item: (item[0], item[1][0].x0))
    return [word for _centre, line_words in ordered for word in line_words]


# A line's tilt is measured when it holds this many words spread over at least this many pixels; the page
# is levelled when this many lines agree on it, by at most MAX_TILT (2 degrees, as layout analysis allows).
TILT_WORDS = 3
TILT_SPAN = 300
TILT_LINES = 3
MAX_TILT = 0.035


def page_tilt(lines: dict[tuple[int, ...], list[PixelWord]]) -> float:
    """The scan's rotation as the slope dy/dx of its text lines, in pixels: the median over the engine's
    long lines of the least-squares slope of their word centres. Word boxes of a turned line step along
    it, so each line shows the page's turn by itself; rows of a regular table, compared with each other
    instead, also line up at a wrong slope (row pitch over column distance)."""
    slopes: list[float] = []
    for key, members in lines.items():
        if not key or len(members) < TILT_WORDS:
            continue
        xs = [(w.left + w.right) / 2 for w in members]
        ys = [(w.top + w.bottom) / 2 for w in members]
        if max(xs) - min(xs) < TILT_SPAN:
            continue
        mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
        spread = sum((x - mean_x) ** 2 for x in xs)
        slopes.append(sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread)
    if len(slopes) < TILT_LINES:
        return 0.0
    tilt = statistics.median(slopes)
    return tilt if abs(tilt) <= MAX_TILT else 0.0


def _levelled(lines: dict[tuple[int, ...], list[PixelWord]]) -> dict[tuple[int, ...], list[PixelWord]]:
    """The words turned back by the page's tilt (``page_tilt``) round the middle of the text, so that
    rows and margins run straight before each line is given one band: layout analysis then finds the
    page level and has no skew to guess."""
    tilt = page_tilt(lines)
    if not tilt:
        return lines
    every = [w for members in lines.values() for w in members]
    centre_x = statistics.fmean((w.left + w.right) / 2 for w in every)
    centre_y = statistics.fmean((w.top + w.bottom) / 2 for w in every)

    def turned(w: PixelWord) -> PixelWord:
        dy = -tilt * ((w.left + w.right) / 2 - centre_x)
        dx = tilt * ((w.top + w.bottom) / 2 - centre_y)
        return replace(w, left=w.left + dx, right=w.right + dx, top=w.top + dy, bottom=w.bottom + dy)

    return {key: [turned(w) for w in members] for key, members in lines.items()}


def set_default_engine(engine: OcrEngine | None) -> None:
    """Make ``engine`` the one ``read_page`` uses when given none (None: back to ``default_engine()``);
    benchmarks compare engine settings through the whole pipeline this way."""
    if engine is None:
        _engine_cache.pop("default", None)
    else:
        _engine_cache["default"] = engine


def _default_engine() -> OcrEngine:
    engine = _engine_cache.get("default")
    if engine is None:
        from invoiceflow.domain.ocr_engines import default_engine

        engine = _engine_cache["default"] = default_engine()
    return engine


def pixels_per_point(dpi: float) -> float:
    return dpi / POINTS_PER_INCH
