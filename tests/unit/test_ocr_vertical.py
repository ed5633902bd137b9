"""Blocks the page analysis read as vertical text are dropped; stacked lines, a column of row numbers
among them, are kept (``ocr_vertical``)."""

from __future__ import annotations

from invoiceflow.domain.ocr_vertical import drop_vertical_blocks
from invoiceflow.domain.ocr_words import PixelWord


def _word(text: str, box: tuple[float, float, float, float], line: tuple[int, ...]) -> PixelWord:
    """A word read with confidence 0.9; ``box`` is (left, top, width, height)."""
    left, top, width, height = box
    return PixelWord(text, left, top, left + width, top + height, 0.9, line)


def _vertical_block(block: int, columns: int = 12) -> list[PixelWord]:
    """What Tesseract returns for columns of identical letters read top to bottom: one line per column,
    side by side, each a stack of one- or two-letter words."""
    words = []
    for column in range(columns):
        left = 200 + 14 * column
        for row, text in enumerate(("x", "т", "га")):
            words.append(_word(text, (left, 1780 + 45 * row, 12, 40), (block, 1, column + 1)))
    return words


def _text_block(block: int) -> list[PixelWord]:
    """Five description lines, one under the other."""
    return [
        _word(text, (200 + 90 * position, 600 + 30 * row, 80, 18), (block, 1, row + 1))
        for row in range(5)
        for position, text in enumerate(("Изработка", "и", "монтаж"))
    ]


def test_a_block_of_side_by_side_tall_lines_is_dropped() -> None:
    kept = _text_block(1)
    assert drop_vertical_blocks(kept + _vertical_block(2)) == kept


def test_a_column_of_row_numbers_is_kept() -> None:
    # Single digits are taller than wide too, but their lines stack: the column is horizontal text.
    numbers = [_word(str(row + 1), (60, 600 + 30 * row, 9, 18), (3, 1, row + 1)) for row in range(9)]
    assert drop_vertical_blocks(numbers) == numbers


def test_too_few_lines_are_never_a_vertical_block() -> None:
    few = _vertical_block(4, columns=4)
    assert drop_vertical_blocks(few) == few


def test_words_without_a_line_identity_are_kept() -> None:
    loose = [_word("1 207,85", (900, 700, 60, 18), ())]
    assert drop_vertical_blocks(loose + _vertical_block(5)) == loose
