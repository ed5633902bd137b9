"""Words with boxes from a PDF page's text layer, via PDFium.

Speed matters (target: at most 2x the raw ``get_text_range`` time), so the page text is fetched in one
call, split into words in Python, and only the first and last character of each word are measured
(two native calls per word instead of one per character). Boxes are PDFium's "loose" boxes (font
ascent to descent), which give all words on a line the same height: that makes line grouping robust.

Coordinates come out in PDF points with the origin at the top-left of the page *as displayed*: the
crop box offset is removed and ``/Rotate`` is applied, so layout analysis sees what a reader sees.
"""

from __future__ import annotations

import ctypes
import os
import re
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from invoiceflow.domain.models import PageText, TextSource, Word
from invoiceflow.domain.pdf_document import load_page, opened

_WORD = re.compile(r"\S+")

CharBoxFn = Callable[[ctypes.c_void_p, int, object], int]


def _fast_loose_charbox() -> CharBoxFn:
    """``FPDFText_GetLooseCharBox`` without ctypes argument conversion (about 2x cheaper per call).

    The library is already loaded by pypdfium2; ``CDLL`` on the same file returns the same handle.
    Falls back to pypdfium2's checked binding if the shared library is not where we expect it.
    """
    try:
        import pypdfium2_raw  # type: ignore[import-untyped]  # the binary package behind pypdfium2.raw

        lib_path = os.path.join(os.path.dirname(pypdfium2_raw.__file__), "libpdfium.so")
        func = ctypes.CDLL(lib_path).FPDFText_GetLooseCharBox
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


_Box = tuple[str, float, float, float, float]  # text, x0, y0, x1, y1 (display coordinates)
_FS_RECTF = struct.Struct("4f")  # FS_RECTF field order: left, top, right, bottom


def _page_string(textpage: pdfium.PdfTextPage) -> str:
    """The page's text as PDFium returns it (its own reading order, CR LF between lines)."""
    count = textpage.count_chars()
    return textpage.get_text_range(0, count) if count > 0 else ""


def page_string(textpage: pdfium.PdfTextPage) -> str:
    """The page's plain text with ``\n`` line ends (what the document-level extractors read)."""
    return _page_string(textpage).replace("\r\n", "\n").replace("\r", "\n")


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
    rect = (ctypes.c_float * 4)()
    rect_ref = ctypes.byref(rect)
    read_rect = _FS_RECTF.unpack_from
    charbox = _loose_charbox
    # Display transform as an affine map X = ax*x + bx*y + cx, Y = ay*x + by*y + cy. Rotations by
    # multiples of 90° only swap and mirror axes, so a box stays a box: map two corners, then min/max.
    ax, bx, cx, ay, by, cy = geometry.affine()
    boxes: list[_Box] = []
    append = boxes.append
    for match in _WORD.finditer(text):
        start, end = match.span()
        if not charbox(handle, start, rect_ref):
            continue
        left, top, right, bottom = read_rect(rect)
        if end - start > 1 and charbox(handle, end - 1, rect_ref):
            # union of the first and last glyph: text may run in any direction in user space. The
            # conditional expressions pick exactly as min()/max() would, without the cost of the calls.
            last_left, last_top, last_right, last_bottom = read_rect(rect)
            left = last_left if last_left < left else left
            top = last_top if last_top > top else top
            right = last_right if last_right > right else right
            bottom = last_bottom if last_bottom < bottom else bottom
        px, py = ax * left + bx * top + cx, ay * left + by * top + cy
        qx, qy = ax * right + bx * bottom + cx, ay * right + by * bottom + cy
        append(
            (
                match.group(),
                px if px < qx else qx,
                py if py < qy else qy,
                qx if px < qx else px,
                qy if py < qy else py,
            )
        )
    return boxes


def _safe_chr(code: int) -> str:
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return "\ufffd"


def _reading_order_boxes(boxes: list[_Box]) -> list[_Box]:
    """Boxes grouped into lines (top to bottom), each line left to right.

    A box joins the current line when its vertical centre lies inside the extent of the line's first
    (top-most) box; anchoring on that box rather than a growing band stops lines from chaining.
    """
    boxes.sort(key=lambda b: (b[2] + b[4], b[1]))
    result: list[_Box] = []
    line: list[_Box] = []
    anchor_bottom = float("-inf")
    for box in boxes:
        if line and (box[2] + box[4]) / 2 <= anchor_bottom:
            line.append(box)
            continue
        if line:
            line.sort(key=lambda b: b[1])
            result.extend(line)
        line = [box]
        anchor_bottom = box[4]
    line.sort(key=lambda b: b[1])
    result.extend(line)
    return result


def reading_order(words: Sequence[Word]) -> list[Word]:
    """``Word`` objects sorted by line, then x (see ``_reading_order_boxes``)."""
    boxes = [(w.text, w.x0, w.y0, w.x1, w.y1, i) for i, w in enumerate(words)]
    ordered = _reading_order_boxes(boxes)  # type: ignore[arg-type]
    return [words[b[5]] for b in ordered]  # type: ignore[misc]


def _words_from_boxes(boxes: list[_Box]) -> list[Word]:
    return [Word(text, x0, y0, x1, y1) for text, x0, y0, x1, y1 in boxes]


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
    document-level extractors read): one text page serves both."""
    geometry = page_geometry(page)
    textpage = page.get_textpage()
    try:
        string = _page_string(textpage)
        words = _words_from_boxes(_reading_order_boxes(_raw_boxes(textpage, geometry, string)))
    finally:
        textpage.close()
    text = PageText(
        page_number=page_number,
        width=geometry.width,
        height=geometry.height,
        text_source=TextSource.TEXT_LAYER,
        words=words,
    )
    return text, string.replace("\r\n", "\n").replace("\r", "\n")


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
