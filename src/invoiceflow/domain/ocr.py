"""Page reading with automatic text-layer / OCR choice: ``read_page`` is the extractor's single entry.

OCR words come back as ``Word`` boxes in PDF points with a top-left origin, exactly like text-layer
words, so layout analysis does not care where a page's words came from.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

import pypdfium2 as pdfium

from invoiceflow.domain.errors import ErrorCode, OcrError
from invoiceflow.domain.models import OcrMode, PageText, TextSource, Word
from invoiceflow.domain.ocr_font_box import font_band, size_runs
from invoiceflow.domain.page_scan import scan_under_stray_text
from invoiceflow.domain.pdf import DEFAULT_LIMITS, PdfLimits
from invoiceflow.domain.pdf_document import load_page, opened
from invoiceflow.domain.pdf_render import POINTS_PER_INCH, render_page_image
from invoiceflow.domain.pdf_text import page_geometry, text_of_page

if TYPE_CHECKING:  # the engines are imported when a page is OCRed: a text page only calls ``needs_ocr``
    from invoiceflow.domain.ocr_engines import OcrEngine
    from invoiceflow.domain.ocr_words import PixelWord

# 200 dpi: measured more accurate than 300 on 200-dpi scans (96.7 % vs 92.1 %) and faster (1.3 vs 1.8 s/page)
OCR_DPI = 200
# A text layer with fewer meaningful characters than this is treated as absent (scans often carry a
# stray page number or a producer stamp as text).
MIN_TEXT_CHARS = 20
# Share of characters that must be letters/digits/common punctuation for the text layer to be trusted;
# broken font encodings produce private-use glyphs, U+FFFD or control characters instead.
MIN_CLEAN_RATIO = 0.8

_engine_cache: dict[str, OcrEngine] = {}
# OCR lines of figures get their font's band (``line_bands``); off: the median of their ink boxes.
FONT_BANDS = True


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
                if ocr_mode is OcrMode.NEVER or not (needs_ocr(text) or scan_under_stray_text(page, text)):
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
    # numpy and Pillow (orientation, skew): loaded when a page is OCRed, not for a text-layer PDF
    from invoiceflow.domain.ocr_deskew import levelled
    from invoiceflow.domain.ocr_illumination import evened
    from invoiceflow.domain.ocr_orientation import upright_turn
    from invoiceflow.domain.ocr_surround import without_surround

    if not engine.is_available():
        raise OcrError(f"OCR engine {engine.name!r} is not available", code=ErrorCode.OCR_UNAVAILABLE)
    geometry = page_geometry(page)
    # Grey once here: every step below and the engine read grey levels (each converted on its own before).
    image = render_page_image(page, dpi, limits.max_render_pixels, limits.render_timeout_s).convert("L")
    width, height = geometry.width, geometry.height
    image = evened(without_surround(image))  # a photo's desk cleared, its uneven light evened out
    # A page scanned sideways or upside down is read upright; its words are placed on the upright page.
    if turn := upright_turn(image):
        image = image.rotate(turn, expand=True)
        if turn in (90, 270):
            width, height = height, width
    image = levelled(image)  # a page photographed or fed askew by more than the reading copes with
    # the render may have been scaled down to respect the pixel limit: derive the scale from the image
    scale_x = width / image.width
    scale_y = height / image.height
    pixel_words = engine.recognize(image)
    return PageText(
        page_number=page_number,
        width=width,
        height=height,
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
    up as the printed rows did. An engine line holding words of two printed rows (a table row's figures
    joined to its description's second line) is cut in two first (``_rejoined``).
    """
    lines: dict[tuple[int, ...], list[PixelWord]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    ordered: list[tuple[float, list[Word]]] = []
    bands = _rejoined(_levelled(lines))
    for (key, members), band in zip(bands, line_bands(bands), strict=True):
        _place_line(key, members, band, scale_x, scale_y, ordered)
    ordered.sort(key=lambda item: (item[0], item[1][0].x0))
    return [word for _centre, line_words in ordered for word in line_words]


# Words of one engine line whose centres stand this many (median) word heights apart, in two groups of
# about the same height, were printed on two rows (see ``_level_bands``).
BAND_SPLIT = 0.45
# Words lower than this share of the line's median height (a comma, a dash, a speck) take no part in
# finding the bands: their box centre says little about where their row is.
BAND_MIN_HEIGHT = 0.6
BAND_HEIGHT_RATIO = 1.3


def _level_bands(members: list[PixelWord]) -> list[list[PixelWord]]:
    """The words of one engine line in the rows they were printed on: usually one, two when the
    engine put the figures of a table row (mostly numbers, one with cents) on a line of its multi-line
    description (figures centred in a row two lines tall stand half a line above the description's
    second line, and Tesseract joins them to it). Each group then gets its own band (``_rejoined``).
    Only words of about one height split (a large title beside small text is one line), only at a clear
    gap between the groups' centres (after levelling, skew moves nothing), and never two groups of text
    (an address beside a date half a line lower: splitting them would make the page look tilted to
    layout analysis)."""
    if len(members) < 2:
        return [members]
    heights = sorted(w.bottom - w.top for w in members)
    height = heights[len(heights) // 2]
    if height <= 0:
        return [members]
    tall = sorted(
        (w for w in members if w.bottom - w.top >= BAND_MIN_HEIGHT * height),
        key=lambda w: w.top + w.bottom,
    )
    cuts = [
        (b.top + b.bottom) / 2
        for a, b in pairwise(tall)
        if (b.top + b.bottom - a.top - a.bottom) / 2 > BAND_SPLIT * height
    ]
    if len(cuts) != 1:
        return [members]
    upper = [w for w in tall if (w.top + w.bottom) / 2 < cuts[0]]
    lower = [w for w in tall if (w.top + w.bottom) / 2 >= cuts[0]]
    if not (_row_figures(upper) or _row_figures(lower) or _row_number(upper) or _row_number(lower)):
        return [members]  # two columns of text half a line apart (an address beside a date): one line
    size_up = statistics.median(w.bottom - w.top for w in upper)
    size_low = statistics.median(w.bottom - w.top for w in lower)
    if max(size_up, size_low) > BAND_HEIGHT_RATIO * min(size_up, size_low):
        return [members]
    below = {id(w) for w in lower}
    bands: tuple[list[PixelWord], list[PixelWord]] = ([], [])
    for w in members:
        if w.bottom - w.top >= BAND_MIN_HEIGHT * height:
            bands[id(w) in below].append(w)
        else:  # a box too short to place ("mai" boxed 2 px tall): the band of its nearest tall word
            nearest = min(tall, key=lambda t: abs((t.left + t.right) / 2 - (w.left + w.right) / 2))
            bands[id(nearest) in below].append(w)
    return [bands[0], bands[1]]


# A group of words split off an engine line (``_level_bands``) joins the line of another engine line
# whose centre lies within this many word heights of its own.
BAND_JOIN = 0.6


def _rejoined(lines: dict[tuple[int, ...], list[PixelWord]]) -> list[tuple[tuple[int, ...], list[PixelWord]]]:
    """The engine's lines as bands of words printed on one row: a line holding two rows
    (``_level_bands``) is cut in two, and each part joins the nearest other line it stands level with
    (figures centred in a two-line row join the description's first line, beside which they stand half
    a line lower at most: the row then reads as text with its figures and one wrapped line below, as a
    top-aligned table does). A part level with no other line keeps a band of its own."""
    bands: list[tuple[tuple[int, ...], list[PixelWord]]] = []
    split: list[int] = []
    for key, members in lines.items():
        parts = _level_bands(members) if key else [members]
        if len(parts) > 1:
            split += range(len(bands), len(bands) + len(parts))
        elif key and _figures_only(members):
            # A line of the row's figures alone (the engine read them as a block of their own) joins
            # the text it stands level with too: half a line off, it would pair with the lines above and
            # below like a skewed page's fragments, and layout analysis would turn the page.
            split.append(len(bands))
        bands += [(key, part) for part in parts]
    if not split:
        return bands
    centres = [statistics.median((w.top + w.bottom) / 2 for w in part) for _key, part in bands]
    heights = [statistics.median(w.bottom - w.top for w in part) for _key, part in bands]
    moved: set[int] = set()
    movable = set(split)
    for i in split:
        key, part = bands[i]
        near = [
            (abs(centres[j] - centres[i]), j)
            for j, (other_key, other) in enumerate(bands)
            if other_key
            and other_key != key
            and j not in movable
            and abs(centres[j] - centres[i]) <= BAND_JOIN * min(heights[i], heights[j])
            and not any(_x_overlap(a, b) for a in part for b in other)
        ]
        if near:
            bands[min(near)[1]][1].extend(part)
            moved.add(i)
    return [band for n, band in enumerate(bands) if n not in moved]


_MONEY_WORD = re.compile(r"\d[.,]\d{2}\)?$")


def _row_figures(members: list[PixelWord]) -> bool:
    """A table row's figures: mostly numbers (``_figures_only``), one of them with cents."""
    return _figures_only(members) and any(_MONEY_WORD.search(w.text) for w in members)


_ROW_NUMBER = re.compile(r"\d{1,3}\.?$")


def _row_number(members: list[PixelWord]) -> bool:
    """A row's position number alone ("2", "14."), centred in a two-line row like its figures: the
    engine joins it to a line of the description as it does the figures."""
    return len(members) == 1 and bool(_ROW_NUMBER.match(members[0].text))


# Words that stand among a row's figures without being text: currency codes and signs, a percent sign.
_FIGURE_COMPANION = re.compile(r"(?:[A-Z]{3}|[€$£¥₹%]|\W)$")


def _figures_only(members: list[PixelWord]) -> bool:
    """Two words at least, two in three of those not currency codes or signs holding digits: a table
    row's figures ("3 2,285.52 EUR 6,856.56 EUR")."""
    counted = [w for w in members if not _FIGURE_COMPANION.match(w.text)]
    return len(counted) >= 2 and 3 * sum(any(c.isdigit() for c in w.text) for w in counted) >= 2 * len(
        counted
    )


def _x_overlap(a: PixelWord, b: PixelWord) -> bool:
    return a.left < b.right and b.left < a.right


def line_bands(lines: list[tuple[tuple[int, ...], list[PixelWord]]]) -> list[tuple[float, float]]:
    """(top, bottom) in pixels for each engine line. A line holding figures (a table row, a total) gets
    the band its font gives it (``ocr_font_box``: from the cap height to the baseline, whatever its
    words' descenders and x-heights), not the median of its words' ink boxes: a description of lower-case
    words with descenders and the row's figures then stand in one band, as printed, where their ink
    medians put them apart (world3 scans, side by side: +12 fields over the six producers, mostly names
    whose address lines carry figures; the corpus twins and the real scans unchanged). Lines of words
    alone (names, addresses) keep the ink median that party analysis compares line heights by (every line
    measured by its font lost a real held-out issuer name), and so does a line of two type sizes a gap
    apart (a logo's lettering beside a name), which no one font measures."""
    out = []
    for key, members in lines:
        ink = (
            (statistics.median(w.top for w in members), statistics.median(w.bottom for w in members))
            if members
            else (0.0, 0.0)
        )
        figures = any(c.isdigit() for w in members for c in w.text)
        one_size = figures and len(size_runs(sorted(members, key=lambda w: w.left))) == 1
        band = font_band(members) if FONT_BANDS and key and one_size else None
        out.append(band or ink)
    return out


def _place_line(  # noqa: PLR0917 - the line, its band, the scale and the output, as the loop has them
    key: tuple[int, ...],
    members: list[PixelWord],
    band: tuple[float, float],
    scale_x: float,
    scale_y: float,
    ordered: list[tuple[float, list[Word]]],
) -> None:
    """One line's words in points, added to ``ordered`` with the line's vertical centre."""
    members.sort(key=lambda w: w.left)
    if key:
        top, bottom = band[0] * scale_y, band[1] * scale_y
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


# A line's tilt is measured when it holds this many words spread over at least this many pixels; the page
# is levelled when this many lines agree on it, by at most MAX_TILT (2 degrees, as layout analysis allows).
TILT_WORDS = 3
TILT_SPAN = 300
TILT_LINES = 3
MAX_TILT = 0.035
# A page whose engine lines are short (a table read column block by column block: "Consulenza fiscale",
# "2.462,56 5") is measured on its lines of two words or more spread over SHORT_TILT_SPAN pixels instead;
# each says less, so SHORT_TILT_LINES of them must be there and the median of their slopes is taken.
SHORT_TILT_SPAN = 120
SHORT_TILT_LINES = 8


def page_tilt(lines: dict[tuple[int, ...], list[PixelWord]]) -> float:
    """The scan's rotation as the slope dy/dx of its text lines, in pixels: the median over the engine's
    long lines of the least-squares slope of their word centres. Word boxes of a turned line step along
    it, so each line shows the page's turn by itself; rows of a regular table, compared with each other
    instead, also line up at a wrong slope (row pitch over column distance). Without enough long lines,
    the median over shorter lines (``SHORT_TILT_SPAN``): lines holding words of two rows (a row number
    beside a description) give wild slopes, which the median leaves aside."""
    slopes = _line_slopes(lines, TILT_WORDS, TILT_SPAN)
    if len(slopes) < TILT_LINES:
        slopes = _line_slopes(lines, 2, SHORT_TILT_SPAN)
        if len(slopes) < SHORT_TILT_LINES:
            return 0.0
    tilt = statistics.median(slopes)
    return tilt if abs(tilt) <= MAX_TILT else 0.0


def _line_slopes(lines: dict[tuple[int, ...], list[PixelWord]], words: int, span: float) -> list[float]:
    """The least-squares slope of the word centres of every engine line of ``words`` words or more spread
    over ``span`` pixels at least."""
    slopes: list[float] = []
    for key, members in lines.items():
        if not key or len(members) < words:
            continue
        xs = [(w.left + w.right) / 2 for w in members]
        ys = [(w.top + w.bottom) / 2 for w in members]
        if max(xs) - min(xs) < span:
            continue
        mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
        spread = sum((x - mean_x) ** 2 for x in xs)
        slopes.append(sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread)
    return slopes


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
