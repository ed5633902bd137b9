"""A table row two lines tall with its position number centred like its figures: the engine reads the
number into the description's second line, half a line above that line's words. The number is cut off
that line and joins the row's figures, so the detail line stays a line of text under its description."""

from __future__ import annotations

from invoiceflow.domain.ocr import _to_points
from invoiceflow.domain.ocr_words import PixelWord


def _line(tokens: list[tuple[str, float]], top: float, key: tuple[int, ...]) -> list[PixelWord]:
    return [PixelWord(text, x, top, x + 18.0 * len(text), top + 22, 0.9, key) for text, x in tokens]


def _row(number: str, lower: bool) -> list[PixelWord]:
    """Description at 300 px, figures and number at 315, detail at 330 (pixels, a 30-px line pitch);
    the number read into the detail line (``lower``) or into the description's line."""
    number_line = (1, 1, 2) if lower else (1, 1, 1)
    return [
        *_line([("Limpeza", 200), ("escritório", 360)], 300, (1, 1, 1)),
        *_line([("3", 880), ("45,00", 1060), ("135,00", 1400)], 315, (2, 1, 1)),
        *_line([("Contrato", 200), ("mensal", 370)], 330, (1, 1, 2)),
        *_line([(number, 120)], 315, number_line),
    ]


def test_a_row_number_read_into_the_detail_line_joins_the_figures() -> None:
    for number in ("2", "14."):
        for lower in (True, False):
            placed = {w.text: w for w in _to_points(_row(number, lower), 0.36, 0.36)}
            assert placed[number].y0 == placed["45,00"].y0, (number, lower)
            assert placed["Contrato"].y0 == placed["mensal"].y0 > placed["45,00"].y0
            assert placed["Limpeza"].y0 < placed["45,00"].y0


def test_a_word_that_is_no_row_number_stays_on_its_line() -> None:
    # "Lote" half a line above the detail line is text: two groups of text are never split.
    placed = {w.text: w for w in _to_points(_row("Lote", lower=True), 0.36, 0.36)}
    assert placed["Lote"].y0 == placed["Contrato"].y0
