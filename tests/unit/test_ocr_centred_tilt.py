"""A turned scan of a table whose rows are two lines tall, read by the engine column block by column
block: every engine line is short (a description of two words, a quantity and a price, an amount alone,
each header word on its own), so no line is long enough for the page's tilt to be measured the usual way.
The tilt comes from the median slope of the short lines instead, and the page is levelled: the header
words share one band and each amount stands level with its row's other figures."""

from __future__ import annotations

from invoiceflow.domain.ocr import _to_points, page_tilt
from invoiceflow.domain.ocr_words import PixelWord

HEADER = [("Artikel", 210), ("Antal", 860), ("Pris", 1070), ("Belopp", 1410)]
ROWS = [
    ("Fönsterputs", "Varje månad", "2", "1.250,00", "2.500,00"),
    ("Flyttstädning", "Inklusive kartonger", "3", "860,50", "2.581,50"),
    ("Trädgårdsskötsel", "Per timme", "12", "410,00", "4.920,00"),
    ("Kopieringspapper", "Fem kartonger", "5", "315,20", "1.576,00"),
    ("Hissbesiktning", "Enligt avtal", "1", "2.940,00", "2.940,00"),
]


def _word(text: str, x: float, y: float, tilt: float, key: tuple[int, ...]) -> PixelWord:
    width = 18.0 * len(text)
    top = y + tilt * (x + width / 2)
    return PixelWord(text, x, top, x + width, top + 22, 0.9, key)


def _column_blocks(tilt: float, rows: int = len(ROWS)) -> list[PixelWord]:
    """The page's words as Tesseract returns a table it read in column blocks, turned by ``tilt``."""
    words = [_word(text, x, 600, tilt, (10 + n, 1, 1)) for n, (text, x) in enumerate(HEADER)]
    y = 660.0
    for n, (name, detail, quantity, price, amount) in enumerate(ROWS[:rows]):
        first, second = detail.split(" ", 1)
        # The row number, centred half a line lower, read into the description's line: a wild slope.
        words += [
            _word(str(n + 1), 130, y + 14, tilt, (2, n, 1)),
            _word(name, 210, y, tilt, (2, n, 1)),
            _word(first, 210, y + 30, tilt, (2, n, 2)),
            _word(second, 210 + 18 * len(first) + 30, y + 30, tilt, (2, n, 2)),
            _word(quantity, 880, y + 15, tilt, (3, n, 1)),
            _word(price, 1060, y + 15, tilt, (3, n, 1)),
            _word(amount, 1400, y + 15, tilt, (4, n, 1)),
        ]
        y += 78
    return words


def _lines(words: list[PixelWord]) -> dict[tuple[int, ...], list[PixelWord]]:
    lines: dict[tuple[int, ...], list[PixelWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    return lines


def test_the_tilt_of_a_table_read_in_short_lines_is_measured() -> None:
    for tilt in (0.016, -0.012):
        assert abs(page_tilt(_lines(_column_blocks(tilt))) - tilt) < 0.002


def test_a_level_table_read_in_short_lines_stays_level() -> None:
    assert abs(page_tilt(_lines(_column_blocks(0.0)))) < 0.002


def test_too_few_short_lines_say_nothing_about_the_tilt() -> None:
    assert page_tilt(_lines(_column_blocks(0.016, rows=1))) == 0.0


def test_levelled_header_words_share_a_band_and_amounts_stand_with_their_figures() -> None:
    placed = _to_points(_column_blocks(0.016), 0.36, 0.36)
    header = [w for w in placed if w.text in {text for text, _x in HEADER}]
    assert len(header) == len(HEADER)
    assert max(w.y0 for w in header) - min(w.y0 for w in header) < 1.0
    for _name, _detail, _quantity, price, amount in ROWS:
        price_word = next(w for w in placed if w.text == price)
        amount_word = next(w for w in placed if w.text == amount)
        assert abs(price_word.y0 - amount_word.y0) < 1.0
