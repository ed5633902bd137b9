"""Blocks Tesseract's page layout analysis read as vertical text on an upright page.

Rows whose text repeats in the same columns (a table of twenty items that all begin "Изработка и монтаж
на кухненски шкафове", a bill with "Monthly subscription" on every row) stack identical letters into
columns; the analysis (``--psm 3``) may take such columns for lines of vertical text and read each one
top to bottom: a row of one- and two-letter "words" ("x т г т га x s Е"), often with high confidence,
where the descriptions stood. Its lines then sit side by side, each taller than wide, instead of one
under the other. Those words are dropped, so the description block counts as lost text and is read
again cut out on its own (``TesseractEngine.read_lost_regions``, one uniform block of horizontal text).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from invoiceflow.domain.ocr_words import PixelWord

# A block is read vertically when it has at least MIN_LINES lines, at least TALL_SHARE of them taller
# than wide, and at least SIDE_BY_SIDE_SHARE of its neighbouring lines (in reading order left to right)
# share most of their height: lines of horizontal text stack, a column of row numbers ("1", "2", ...)
# included, so their spans never overlap.
MIN_LINES = 5
TALL_SHARE = 0.75
SIDE_BY_SIDE_SHARE = 0.75
SHARED_HEIGHT = 0.5

_Box = tuple[float, float, float, float]  # left, top, right, bottom


def drop_vertical_blocks(words: list[PixelWord]) -> list[PixelWord]:
    """``words`` of one page pass without the blocks its layout analysis read as vertical text."""
    lines: dict[tuple[int, ...], _Box] = {}
    for word in words:
        if not word.line:
            continue
        box = lines.get(word.line)
        lines[word.line] = (
            (word.left, word.top, word.right, word.bottom)
            if box is None
            else (
                min(box[0], word.left),
                min(box[1], word.top),
                max(box[2], word.right),
                max(box[3], word.bottom),
            )
        )
    blocks: dict[int, list[_Box]] = defaultdict(list)
    for key, box in lines.items():
        blocks[key[0]].append(box)
    vertical = {block for block, boxes in blocks.items() if _read_vertically(boxes)}
    if not vertical:
        return words
    return [word for word in words if not word.line or word.line[0] not in vertical]


def _read_vertically(boxes: list[_Box]) -> bool:
    if len(boxes) < MIN_LINES:
        return False
    tall = sum(bottom - top > right - left for left, top, right, bottom in boxes)
    if tall < TALL_SHARE * len(boxes):
        return False
    ordered = sorted(boxes)
    pairs = list(itertools.pairwise(ordered))
    side_by_side = sum(_share_height(a, b) for a, b in pairs)
    return side_by_side >= SIDE_BY_SIDE_SHARE * len(pairs)


def _share_height(a: _Box, b: _Box) -> bool:
    shared = min(a[3], b[3]) - max(a[1], b[1])
    return shared >= SHARED_HEIGHT * min(a[3] - a[1], b[3] - b[1])
