"""Words with boxes from a PDF page's text layer, via PDFium.

Speed matters (target: at most 2x the raw ``get_text_range`` time), so the page text is fetched in one
call, split into words in Python, and only the first and last character of each word are measured
(two native calls per word instead of one per character). Boxes are PDFium's "loose" boxes (font
ascent to descent), which give all words on a line the same height: that makes line grouping robust.

Coordinates come out in PDF points with the origin at the top-left of the page *as displayed*: the
crop box offset is removed and ``/Rotate`` is applied, so layout analysis sees what a reader sees.

Real producers write text layers PDFium splits into words that are not the words a reader sees; three
repairs, each cheap where the text is ordinary (measured with ``benchmarks/producer_invoices.py``):
words that run across the page's lines (diagonal stamps, vertical margin notes) are left out; pieces
PDFium split inside letter-spaced text or between glyphs drawn one by one are joined again; and text
that only annotations draw (filled form fields) is read from a flattened copy of the page.
"""

from __future__ import annotations

import ctypes
import itertools
import operator
import os
import struct
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from invoiceflow.domain.models import PageText, TextSource, Word
from invoiceflow.domain.pdf_accents import attach_accents, has_detached_accents
from invoiceflow.domain.pdf_document import load_page, opened

CharBoxFn = Callable[[ctypes.c_void_p, int, object], int]


def _fast_loose_charbox() -> CharBoxFn:
    """``FPDFText_GetLooseCharBox`` without ctypes argument conversion (about 2x cheaper per call).

    The library is already loaded by pypdfium2; ``PyDLL`` on the same file returns the same handle.
    ``PyDLL`` rather than ``CDLL``: the call keeps the GIL, as releasing and taking it again for a
    sub-microsecond call costs more than the call (about 10 % of it; PDFium runs under our lock anyway).
    Falls back to pypdfium2's checked binding if the shared library is not where we expect it.
    """
    try:
        import pypdfium2_raw  # type: ignore[import-untyped]  # the binary package behind pypdfium2.raw

        lib_path = os.path.join(os.path.dirname(pypdfium2_raw.__file__), "libpdfium.so")
        func = ctypes.PyDLL(lib_path).FPDFText_GetLooseCharBox
        func.restype = ctypes.c_int
        func.argtypes = None  # type: ignore[assignment]
        return func
    except (ImportError, OSError, AttributeError):
        checked = pdfium_c.FPDFText_GetLooseCharBox

        def call(handle: ctypes.c_void_p, index: int, rect: object) -> int:
            return int(checked(ctypes.cast(handle, type(checked.argtypes[0])), index, rect))

        return call


_loose_charbox = _fast_loose_charbox()


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """Maps PDF user-space points to displayed top-left coordinates (crop box offset and /Rotate)."""

    left: float
    bottom: float
    right: float
    top: float
    rotation: int  # clockwise degrees: 0, 90, 180, 270

    @property
    def width(self) -> float:
        raw = self.right - self.left
        return self.top - self.bottom if self.rotation in (90, 270) else raw

    @property
    def height(self) -> float:
        raw = self.top - self.bottom
        return self.right - self.left if self.rotation in (90, 270) else raw

    def to_display(self, x: float, y: float) -> tuple[float, float]:
        # unrotated, top-left origin
        ux, uy = x - self.left, self.top - y
        w, h = self.right - self.left, self.top - self.bottom
        if self.rotation == 90:
            return h - uy, ux
        if self.rotation == 180:
            return w - ux, h - uy
        if self.rotation == 270:
            return uy, w - ux
        return ux, uy

    def affine(self) -> tuple[float, float, float, float, float, float]:
        """Coefficients (ax, bx, cx, ay, by, cy) of ``to_display`` as an affine map."""
        cx, cy = self.to_display(0.0, 0.0)
        ax, ay = (v - c for v, c in zip(self.to_display(1.0, 0.0), (cx, cy), strict=True))
        bx, by = (v - c for v, c in zip(self.to_display(0.0, 1.0), (cx, cy), strict=True))
        return ax, bx, cx, ay, by, cy

    def box_to_display(
        self, left: float, bottom: float, right: float, top: float
    ) -> tuple[float, float, float, float]:
        ax, ay = self.to_display(left, top)
        bx, by = self.to_display(right, bottom)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def page_geometry(page: pdfium.PdfPage) -> PageGeometry:
    left, bottom, right, top = page.get_cropbox()
    return PageGeometry(
        left=min(left, right),
        bottom=min(bottom, top),
        right=max(left, right),
        top=max(bottom, top),
        rotation=int(page.get_rotation()) % 360,
    )


# text, x0, y0, x1, y1 (display coordinates), offset of the word's first character in the page text
_Box = tuple[str, float, float, float, float, int]
_FS_RECTF = struct.Struct("4f")  # FS_RECTF field order: left, top, right, bottom
_TWO_FS_RECTF = struct.Struct("8f")  # a word's first and last glyph, read with one call


def _page_string(textpage: pdfium.PdfTextPage) -> str:
    """The page's text as PDFium returns it (its own reading order, CR LF between lines)."""
    count = textpage.count_chars()
    return textpage.get_text_range(0, count) if count > 0 else ""


def page_string(textpage: pdfium.PdfTextPage) -> str:
    """The page's plain text with ``\n`` line ends (what the document-level extractors read)."""
    return _page_string(textpage).replace("\r\n", "\n").replace("\r", "\n")


# A word whose last glyph sits off its first glyph's baseline by more than this share of the glyph
# height, at a slope steeper than _MAX_SLOPE (about 12°), runs along another direction: a diagonal
# "PAID" stamp, a vertical margin note. Its axis-aligned box would cut across the lines of the page.
# (Scanned pages with an invisible OCR layer tilt by a few degrees only.)
_OFF_BASELINE = 0.2
_MAX_SLOPE = 0.21
_MAX_SLOPE_SQUARED = _MAX_SLOPE * _MAX_SLOPE
# Letter spacing (CSS ``letter-spacing``, tracked headings and labels) widens every gap between glyphs;
# PDFium then takes some of the wider gaps for word spaces ("RECH N U NG"). A generated space whose gap
# is no wider than the letter gap inside the words beside it (plus this share of the line height; a
# real space adds at least ~0.2 em) is no space. Only gaps under _TIGHT_GAP of the height are examined
# (a loose box is ~1.15 em high; ordinary spaces are 0.25-0.3 of it, 0.2 in narrow fonts).
_LETTER_GAP_SLACK = 0.1
_TIGHT_GAP = 0.22
_MIN_LETTER_GAP = 0.04  # below this share of the height the text is not letter-spaced
# Some producers (wkhtmltopdf around transformed elements) draw glyph by glyph with a new text matrix
# each time; PDFium then reads a line break between glyphs that touch. Touching glyphs are one word.
_TOUCHING = 0.05


def _raw_boxes(textpage: pdfium.PdfTextPage, geometry: PageGeometry, text: str) -> list[_Box]:
    count = textpage.count_chars()
    if count <= 0:
        return []
    if len(text) != count:
        # Rare: PDFium excluded or inserted characters, so text indices no longer equal char indices.
        # Rebuild the text char by char (slower, exact).
        get_unicode = pdfium_c.FPDFText_GetUnicode
        text = "".join(_safe_chr(get_unicode(textpage, i)) for i in range(count))
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    boxes, rotated, tight = _word_boxes(textpage, geometry, text, split_rotated=True)
    if rotated:
        if 2 * len(rotated) >= len(boxes) + len(rotated):
            # Most of the text runs another way: that is the page's reading direction, not a stamp or
            # a margin note. Keep every word as it comes.
            boxes, rotated, tight = _word_boxes(textpage, geometry, text, split_rotated=False)
        else:
            boxes = _without_rotated_neighbours(boxes, rotated)
            tight = _tight_gaps(boxes)
    return _join_letter_spaced(textpage, handle, geometry, boxes, tight)


def _word_boxes(
    textpage: pdfium.PdfTextPage, geometry: PageGeometry, text: str, *, split_rotated: bool
) -> tuple[list[_Box], list[int], list[int]]:
    """One box per whitespace-separated word (display coordinates); where words running another way
    were left out (with ``split_rotated``: the index the next box gets); and the tight gaps (see
    ``_tight_gaps``), found here in the same pass since every page needs them."""
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    # the first glyph's box goes to rects[0:4], the last one's to rects[4:8]
    rects = (ctypes.c_float * 8)()
    first_ref = ctypes.byref(rects)
    last_ref = ctypes.byref(rects, _FS_RECTF.size)
    read_first = _FS_RECTF.unpack_from
    read_both = _TWO_FS_RECTF.unpack_from
    charbox = _loose_charbox
    # Display transform as an affine map X = ax*x + bx*y + cx, Y = ay*x + by*y + cy. Rotations by
    # multiples of 90° only swap and mirror axes, so a box stays a box: map two corners, then min/max.
    ax, bx, cx, ay, by, cy = geometry.affine()
    # Most pages: no rotation and a crop box whose corners keep the affine coefficients exact, where
    # X = x + cx and Y = cy - y give the very same floats with 4 instead of 16 operations per word.
    upright = (ax, bx, ay, by) == (1.0, 0.0, 0.0, -1.0)
    sideways = geometry.rotation in (90, 270)  # text that reads horizontally runs along user-space y
    boxes: list[_Box] = []
    rotated: list[int] = []
    tight: list[int] = []
    tight_gap = _TIGHT_GAP
    previous_x1 = float("-inf")
    append = boxes.append
    # Words and their offsets: ``str.split`` and ``str.find`` split on exactly the whitespace ``\s``
    # matches and cost less than regex match objects; only whitespace lies between ``end`` and the word.
    find = text.find
    end = 0
    for word in text.split():
        start = find(word, end)
        end = start + len(word)
        if not charbox(handle, start, first_ref):
            continue
        if end - start > 1 and charbox(handle, end - 1, last_ref):
            # union of the first and last glyph: text may run in any direction in user space. The
            # conditional expressions pick exactly as min()/max() would, without the cost of the calls.
            left, top, right, bottom, last_left, last_top, last_right, last_bottom = read_both(rects)
            # Glyphs of one font on one line have the same loose top and bottom: only others are tested
            # (and only they can widen the box across the line).
            if last_top != top or last_bottom != bottom or sideways:
                if split_rotated:
                    # how far the last glyph's centre sits across / along the line from the first one's
                    across = (last_top + last_bottom - top - bottom) / 2
                    along = (last_left + last_right - left - right) / 2
                    if sideways:
                        across, along = along, across
                    if (
                        across * across > _MAX_SLOPE_SQUARED * along * along
                        and abs(across) > _OFF_BASELINE * (top - bottom)
                        # PDFium runs a word hyphenated at a line end (U+FFFE) on into the next line on
                        # purpose; the item descriptions rely on that
                        and "\ufffe" not in word
                    ):
                        rotated.append(len(boxes))
                        boxes += _level_pieces(textpage, geometry, text, start, end)
                        continue
                top = last_top if last_top > top else top
                bottom = last_bottom if last_bottom < bottom else bottom
            left = last_left if last_left < left else left
            right = last_right if last_right > right else right
        else:
            left, top, right, bottom = read_first(rects)
        if upright:
            px, py, qx, qy = left + cx, cy - top, right + cx, cy - bottom
        else:
            px, py = ax * left + bx * top + cx, ay * left + by * top + cy
            qx, qy = ax * right + bx * bottom + cx, ay * right + by * bottom + cy
        x0 = px if px < qx else qx
        x1 = qx if px < qx else px
        y0 = py if py < qy else qy
        y1 = qy if py < qy else py
        if x0 - previous_x1 < tight_gap * (y1 - y0):
            tight.append(len(boxes) - 1)
        previous_x1 = x1
        append((word, x0, y0, x1, y1, start))
    return boxes, rotated, tight


def _tight_gaps(boxes: list[_Box]) -> list[int]:
    """Indices i where box i + 1 starts less than ``_TIGHT_GAP`` line heights after box i ends (or
    before it): the only places where ``_join_letter_spaced`` looks further."""
    tight = _TIGHT_GAP
    return [i for i, (a, b) in enumerate(itertools.pairwise(boxes)) if b[1] - a[3] < tight * (b[4] - b[2])]


def _level_pieces(
    textpage: pdfium.PdfTextPage, geometry: PageGeometry, text: str, start: int, end: int
) -> list[_Box]:
    """The parts of a word that run along the page's lines, glyph by glyph. PDFium may read a level word
    and a stamp drawn after it as one word ("1.142,40BEZAHLT"): the level part is kept, glyphs that turn
    away from their neighbour's line (and lone glyphs between them) are left out. The direction is read
    from the glyph origins: the characters of a ligature ("fi") share one origin, so they do not make a
    level piece of a rotated word."""
    rect = (ctypes.c_float * 4)()
    x, y = ctypes.c_double(), ctypes.c_double()
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    glyphs: list[tuple[float, float, float, float]] = []  # display boxes
    origins: list[tuple[float, float]] = []  # display origins
    for index in range(start, end):
        if not _loose_charbox(handle, index, ctypes.byref(rect)) or not pdfium_c.FPDFText_GetCharOrigin(
            textpage, index, x, y
        ):
            return []
        glyphs.append(geometry.box_to_display(rect[0], rect[3], rect[2], rect[1]))
        origins.append(geometry.to_display(x.value, y.value))
    pieces: list[_Box] = []
    first = 0
    for i in range(1, len(glyphs) + 1):
        if i < len(glyphs):
            along = origins[i][0] - origins[i - 1][0]
            across = origins[i][1] - origins[i - 1][1]
            height = glyphs[i - 1][3] - glyphs[i - 1][1]
            if along > 0 and abs(across) <= _MAX_SLOPE * along + 0.05 * height:
                continue
        if i - first > 1:
            part = glyphs[first:i]
            pieces.append(
                (
                    text[start + first : start + i],
                    min(g[0] for g in part),
                    min(g[1] for g in part),
                    max(g[2] for g in part),
                    max(g[3] for g in part),
                    start + first,
                )
            )
        first = i
    return pieces


def _without_rotated_neighbours(boxes: list[_Box], rotated: list[int]) -> list[_Box]:
    """Without the one-glyph words drawn right before or after a rotated word: one glyph has no direction
    of its own, and a stamp's "I" or "1" would otherwise stay behind."""
    drop = set()
    for index in rotated:
        for neighbour in (index - 1, index):
            if 0 <= neighbour < len(boxes) and len(boxes[neighbour][0]) == 1:
                drop.add(neighbour)
    return [box for i, box in enumerate(boxes) if i not in drop] if drop else boxes


def _join_letter_spaced(
    textpage: pdfium.PdfTextPage,
    handle: ctypes.c_void_p,
    geometry: PageGeometry,
    boxes: list[_Box],
    tight_gaps: list[int],
) -> list[_Box]:
    """Words PDFium split inside letter-spaced text, joined again (see ``_LETTER_GAP_SLACK``).

    Cheap for ordinary text: only neighbours in drawing order on one line whose gap is under
    ``_TIGHT_GAP`` of the line height are examined (ordinary word spaces are wider), and a run of such
    gaps costs one glyph measurement for the letter gap and one ``IsGenerated`` call per gap."""
    joins: list[int] = []  # index i: box i and box i + 1 form one word
    run: list[int] = []
    for i in tight_gaps:
        a = boxes[i]
        b = boxes[i + 1]
        height = a[4] - a[2]
        if (
            b[1] - a[3] > -0.05 * height
            and abs(b[2] - a[2]) < 0.2 * height
            and abs(b[4] - a[4]) < 0.2 * height
            and b[5] - a[5] - len(a[0]) <= 2  # one generated space, or a generated CR LF
        ):
            if run and run[-1] != i - 1:
                joins += _letter_gap_joins(textpage, handle, geometry, boxes=boxes, run=run)
                run = []
            run.append(i)
    if run:
        joins += _letter_gap_joins(textpage, handle, geometry, boxes=boxes, run=run)
    if not joins:
        return boxes
    joined: list[_Box] = []
    join_set = set(joins)
    current = boxes[0]
    for i in range(1, len(boxes)):
        box = boxes[i]
        if i - 1 in join_set:
            current = (
                current[0] + box[0],
                min(current[1], box[1]),
                min(current[2], box[2]),
                max(current[3], box[3]),
                max(current[4], box[4]),
                current[5],
            )
        else:
            joined.append(current)
            current = box
    joined.append(current)
    return joined


def _letter_gap_joins(
    textpage: pdfium.PdfTextPage,
    handle: ctypes.c_void_p,
    geometry: PageGeometry,
    *,
    boxes: list[_Box],
    run: list[int],
) -> list[int]:
    """The gaps of one run of tight gaps (``run``: index of the box left of each) that are no word
    spaces: glyphs that touch, or a gap no wider than the letter gap of letter-spaced text. Only gaps
    PDFium made up count: a space character the producer wrote is a space."""
    letter_gap: float | None = None
    measured = False
    is_generated = pdfium_c.FPDFText_IsGenerated
    joins = []
    for i in run:
        a, b = boxes[i], boxes[i + 1]
        height = a[4] - a[2]
        gap = b[1] - a[3]
        if gap >= _TOUCHING * height:
            if not measured:
                letter_gap, measured = _letter_gap(handle, geometry, boxes, run), True
            if letter_gap is None or gap > letter_gap + _LETTER_GAP_SLACK * height:
                continue
        if all(is_generated(textpage, k) == 1 for k in range(a[5] + len(a[0]), b[5])):
            joins.append(i)
    return joins


def _letter_gap(
    handle: ctypes.c_void_p, geometry: PageGeometry, boxes: list[_Box], run: list[int]
) -> float | None:
    """The gap between the first two glyphs of the run's first word of two or more glyphs, if that text
    is letter-spaced (None for ordinary text). A run of one-glyph words ("R E C H N U N G" in small
    tracked labels) has no such word: its narrowest gap between words is the letter gap."""
    rect = (ctypes.c_float * 4)()
    for i in dict.fromkeys(j for k in run for j in (k, k + 1)):
        start = boxes[i][5]
        if len(boxes[i][0]) < 2:
            continue
        if not _loose_charbox(handle, start, ctypes.byref(rect)):
            return None
        first = geometry.box_to_display(rect[0], rect[3], rect[2], rect[1])
        if not _loose_charbox(handle, start + 1, ctypes.byref(rect)):
            return None
        second = geometry.box_to_display(rect[0], rect[3], rect[2], rect[1])
        gap = second[0] - first[2]
        height = boxes[i][4] - boxes[i][2]
        return gap if gap > _MIN_LETTER_GAP * height else None
    return min(boxes[i + 1][1] - boxes[i][3] for i in run)


def _safe_chr(code: int) -> str:
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return "\ufffd"


_BY_X0 = operator.itemgetter(1)


def _reading_order_boxes(boxes: list[_Box]) -> list[_Box]:
    """Boxes grouped into lines (top to bottom), each line left to right.

    A box joins the current line when its vertical centre lies inside the extent of the line's first
    (top-most) box; anchoring on that box rather than a growing band stops lines from chaining.
    """
    # Sorted by (twice the vertical centre, x0), ties kept in drawing order by the index: the keys are
    # built by one comprehension rather than a key function called per box, and the loop reuses them.
    keyed = [(box[2] + box[4], box[1], i, box) for i, box in enumerate(boxes)]
    keyed.sort()
    result: list[_Box] = []
    line: list[_Box] = []
    anchor_bottom = float("-inf")
    by_x0 = _BY_X0
    for centre_twice, _x0, _i, box in keyed:
        if line and centre_twice / 2 <= anchor_bottom:
            line.append(box)
            continue
        if line:
            line.sort(key=by_x0)
            result.extend(line)
        line = [box]
        anchor_bottom = box[4]
    line.sort(key=by_x0)
    result.extend(line)
    return result


def without_overprints(words: list[Word]) -> list[Word]:
    """``words`` without the second draw of a word printed twice at the same place (a typesetter's bold
    faked by drawing the text twice, a fill and a stroke pass): the text layer holds both, the page shows
    one ("Razón Razón social: social:"). Both draws start at the same point, so whole points compare them:
    one set lookup a word, on every page of the text path."""
    seen: set[tuple[str, int, int]] = set()
    kept: list[Word] = []
    for word in words:
        key = (word.text, round(word.x0), round(word.y0))
        if key not in seen:
            seen.add(key)
            kept.append(word)
    return kept


def reading_order(words: Sequence[Word]) -> list[Word]:
    """``Word`` objects sorted by line, then x (see ``_reading_order_boxes``)."""
    boxes: list[_Box] = [(w.text, w.x0, w.y0, w.x1, w.y1, i) for i, w in enumerate(words)]
    return [words[b[5]] for b in _reading_order_boxes(boxes)]


def _words_from_boxes(boxes: list[_Box]) -> list[Word]:
    return [Word(text, x0, y0, x1, y1) for text, x0, y0, x1, y1, _start in boxes]


def group_lines(words: Sequence[Word]) -> list[list[Word]]:
    """Split words already in ``reading_order`` into lines (a new line starts when x goes back)."""
    lines: list[list[Word]] = []
    for word in words:
        if lines and word.x0 >= lines[-1][-1].x0 and _same_band(lines[-1][0], word):
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _same_band(anchor: Word, word: Word) -> bool:
    centre = (word.y0 + word.y1) / 2
    return anchor.y0 <= centre <= anchor.y1


def text_of_page(page: pdfium.PdfPage, page_number: int) -> PageText:
    """The words of an already loaded page, in reading order."""
    return text_and_string_of_page(page, page_number)[0]


def text_and_string_of_page(page: pdfium.PdfPage, page_number: int) -> tuple[PageText, str]:
    """The words of an already loaded page, and its plain text with ``\n`` line ends (what the
    document-level extractors read): one text page serves both.

    Text that only annotations draw (filled form fields, text boxes added in a viewer, stamps) is not in
    the page's text layer, though a reader and OCR see it: such pages are read from a flattened copy."""
    if _has_text_annotations(page):
        with _flattened_copy(page, page_number) as flat:
            return _text_and_string(flat, page_number)
    return _text_and_string(page, page_number)


def _text_and_string(page: pdfium.PdfPage, page_number: int) -> tuple[PageText, str]:
    geometry = page_geometry(page)
    textpage = page.get_textpage()
    try:
        string = _page_string(textpage)
        words = _words_from_boxes(_reading_order_boxes(_raw_boxes(textpage, geometry, string)))
    finally:
        textpage.close()
    if has_detached_accents(string):
        words = [Word(attach_accents(w.text), w.x0, w.y0, w.x1, w.y1) for w in words]
    words = without_overprints(words)
    text = PageText(
        page_number=page_number,
        width=geometry.width,
        height=geometry.height,
        text_source=TextSource.TEXT_LAYER,
        words=words,
    )
    return text, string.replace("\r\n", "\n").replace("\r", "\n")


# Annotations whose appearance can show text: form fields (widgets), free text boxes, stamps. Links,
# the common kind, draw none.
_TEXT_ANNOTATIONS = frozenset(
    {pdfium_c.FPDF_ANNOT_WIDGET, pdfium_c.FPDF_ANNOT_FREETEXT, pdfium_c.FPDF_ANNOT_STAMP}
)


def _has_text_annotations(page: pdfium.PdfPage) -> bool:
    count = pdfium_c.FPDFPage_GetAnnotCount(page.raw)
    for index in range(count):
        annotation = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
        if not annotation:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annotation) in _TEXT_ANNOTATIONS:
                return True
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annotation)
    return False


@contextmanager
def _flattened_copy(page: pdfium.PdfPage, page_number: int) -> Iterator[pdfium.PdfPage]:
    """The page copied into a new document with its annotations' appearances merged into its content.
    A copy, so that the caller's page (which it may render for OCR next) keeps its annotations."""
    copy = pdfium.PdfDocument.new()
    try:
        copy.import_pages(page.pdf, [page_number - 1])
        flat = copy[0]
        try:
            # the raw call: pypdfium2's wrapper insists on a form environment, which appearances need not
            pdfium_c.FPDFPage_Flatten(flat.raw, pdfium_c.FLAT_NORMALDISPLAY)
        finally:
            flat.close()
        flat = copy[0]  # PDFium shows the flattened content only to a page loaded afterwards
        try:
            yield flat
        finally:
            flat.close()
    finally:
        copy.close()


def page_text(pdf: bytes, page_number: int) -> PageText:
    """Text-layer words of one page (1-based ``page_number``)."""
    with opened(pdf) as doc:
        page = load_page(doc, page_number)
        try:
            return text_of_page(page, page_number)
        finally:
            page.close()


def document_text(pdf: bytes) -> list[PageText]:
    """Text-layer words of every page; the document is opened once and pages are closed as we go."""
    with opened(pdf) as doc:
        pages: list[PageText] = []
        for page_number in range(1, len(doc) + 1):
            page = load_page(doc, page_number)
            try:
                pages.append(text_of_page(page, page_number))
            finally:
                page.close()
        return pages
