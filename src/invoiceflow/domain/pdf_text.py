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
        import pypdfium2_raw  # the binary package behind pypdfium2.raw

        lib_path = os.path.join(os.path.dirname(pypdfium2_raw.__file__), "libpdfium.so")
        func = ctypes.CDLL(lib_path).FPDFText_GetLooseCharBox
        func.restype = ctypes.c_int
        func.argtypes = None
        return func  # type: ignore[no-any-return]
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


def _raw_words(textpage: pdfium.PdfTextPage, geometry: PageGeometry) -> list[Word]:
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:
        # Rare: PDFium excluded or inserted characters, so text indices no longer equal char indices.
        # Rebuild the text char by char (slower, exact).
        get_unicode = pdfium_c.FPDFText_GetUnicode
        text = "".join(_safe_chr(get_unicode(textpage, i)) for i in range(count))
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    charbox = _loose_charbox
    # Display transform as an affine map X = ax*x + bx*y + cx, Y = ay*x + by*y + cy (rotations of 90°
    # only swap and mirror axes, so a box stays a box: transform two corners, then min/max).
    ax, bx, cx, ay, by, cy = geometry.affine()
    new_word = _new_word
    words: list[Word] = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        if not charbox(handle, start, rect_ref):
            continue
        left, bottom, right, top = rect.left, rect.bottom, rect.right, rect.top
        if end - 1 != start and charbox(handle, end - 1, rect_ref):
            if rect.left < left:
                left = rect.left
            if rect.bottom < bottom:
                bottom = rect.bottom
            if rect.right > right:
                right = rect.right
            if rect.top > top:
                top = rect.top
        px, py = ax * left + bx * top + cx, ay * left + by * top + cy
        qx, qy = ax * right + bx * bottom + cx, ay * right + by * bottom + cy
        words.append(
            new_word(
                match.group(),
                px if px < qx else qx,
                py if py < qy else qy,
                qx if px < qx else px,
                qy if py < qy else py,
            )
        )
    return words


_WORD_FIELDS = frozenset(Word.model_fields)


def _new_word(
    text: str,
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    _new: Callable[[type[Word]], Word] = object.__new__,
    _set: Callable[[object, str, object], None] = object.__setattr__,
) -> Word:
    """A ``Word`` built without validation: the hot loop makes hundreds per page and the values are
    floats and str by construction. Equivalent to ``Word.model_construct`` at about half the cost.
    """
    word = _new(Word)
    _set(word, "__dict__", {"text": text, "x0": x0, "y0": y0, "x1": x1, "y1": y1})
    _set(word, "__pydantic_fields_set__", set(_WORD_FIELDS))
    _set(word, "__pydantic_extra__", None)
    _set(word, "__pydantic_private__", None)
    return word


def _safe_chr(code: int) -> str:
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return "\ufffd"


def reading_order(words: Sequence[Word]) -> list[Word]:
    """Words grouped into lines (top to bottom), each line left to right.

    A word joins the current line when its vertical centre lies inside the box of the line's first
    (top-most) word; anchoring on that word rather than a growing band stops lines from chaining.
    """
    ordered = sorted(words, key=lambda w: (w.y0 + w.y1, w.x0))
    result: list[Word] = []
    line: list[Word] = []
    anchor_bottom = float("-inf")
    for word in ordered:
        centre = (word.y0 + word.y1) / 2
        if line and centre <= anchor_bottom:
            line.append(word)
            continue
        if line:
            line.sort(key=lambda w: w.x0)
            result.extend(line)
        line = [word]
        anchor_bottom = word.y1
    line.sort(key=lambda w: w.x0)
    result.extend(line)
    return result


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
    geometry = page_geometry(page)
    textpage = page.get_textpage()
    try:
        words = reading_order(_raw_words(textpage, geometry))
    finally:
        textpage.close()
    return PageText.model_construct(
        page_number=page_number,
        width=geometry.width,
        height=geometry.height,
        text_source=TextSource.TEXT_LAYER,
        words=words,
    )


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
