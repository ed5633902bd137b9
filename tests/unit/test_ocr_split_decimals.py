"""An amount OCR read as two words split after its decimal separator ("1," "09") is joined again, only
where nothing else can be meant (invented OCR words)."""

from __future__ import annotations

from invoiceflow.domain.ocr_clean import clean_reading, join_split_decimals, page_decimal_separator
from invoiceflow.domain.ocr_words import PixelWord

HEIGHT = 20.0


def _line(spec: list[tuple[str, float]], line: int = 1, top: float = 100.0) -> list[PixelWord]:
    """Words of one OCR line: text and left edge, 10 px a character."""
    return [
        PixelWord(text, left, top, left + 10 * len(text), top + HEIGHT, 0.9, (1, line, 1))
        for text, left in spec
    ]


# Lines with comma decimals that make the page's separator a comma.
COMMA_PAGE = [
    *_line([("Kopā", 0), ("22,94", 300)], line=7, top=400),
    *_line([("PVN", 0), ("3,51", 300)], line=8, top=430),
    *_line([("Atlaide", 0), ("-0,27", 300)], line=9, top=460),
]


def _texts(words: list[PixelWord], line: int = 1) -> list[str]:
    return [w.text for w in sorted(words, key=lambda w: w.left) if w.line == (1, line, 1)]


def test_a_decimal_split_after_the_comma_is_joined() -> None:
    # "1 gab X 1, 09 EUR 1,09 A": the split gap (8 px) is well under the line's word spaces (30 px)
    row = _line([("1", 0), ("gab", 40), ("X", 100), ("1,", 140), ("09", 168), ("EUR", 218), ("1,09", 278)])
    joined = join_split_decimals([*row, *COMMA_PAGE])
    assert _texts(joined) == ["1", "gab", "X", "1,09", "EUR", "1,09"]
    amount = next(w for w in joined if w.text == "1,09" and w.left == 140)
    assert amount.right == 188  # the box spans both parts


def test_the_cleaning_of_a_page_joins_the_split() -> None:
    row = _line([("Piens", 0), ("1,", 140), ("09", 168), ("EUR", 218)])
    assert _texts(clean_reading([*row, *COMMA_PAGE])) == ["Piens", "1,09", "EUR"]


def test_a_list_of_numbers_is_left_alone() -> None:
    row = _line([("Items", 0), ("10,", 80), ("20,", 118), ("30", 156), ("and", 196), ("40", 236)])
    assert _texts(join_split_decimals([*row, *COMMA_PAGE])) == ["Items", "10,", "20,", "30", "and", "40"]
    after = _line([("Pos", 0), ("1,", 60), ("05,", 88), ("07", 126)])
    assert _texts(join_split_decimals([*after, *COMMA_PAGE])) == ["Pos", "1,", "05,", "07"]


def test_a_comma_on_a_page_of_dot_decimals_is_no_decimal_separator() -> None:
    dot_page = [
        *_line([("Total", 0), ("22.94", 300)], line=7, top=400),
        *_line([("Tax", 0), ("3.51", 300)], line=8, top=430),
    ]
    row = _line([("Rooms", 0), ("3,", 140), ("12", 168), ("nights", 218)])
    assert _texts(join_split_decimals([*row, *dot_page])) == ["Rooms", "3,", "12", "nights"]


def test_parts_a_word_space_apart_stay_two_words() -> None:
    # the gap as wide as the line's other word spaces
    row = _line([("Qty", 0), ("X", 60), ("1,", 100), ("09", 150), ("EUR", 200)])
    assert _texts(join_split_decimals([*row, *COMMA_PAGE])) == ["Qty", "X", "1,", "09", "EUR"]


def test_only_two_digits_after_the_separator_are_joined() -> None:
    row = _line([("A", 0), ("1,", 140), ("095", 168), ("B", 240), ("2,", 300), ("5", 328), ("C", 380)])
    assert _texts(join_split_decimals([*row, *COMMA_PAGE])) == ["A", "1,", "095", "B", "2,", "5", "C"]


def test_the_page_separator_needs_a_clear_majority() -> None:
    assert page_decimal_separator(COMMA_PAGE) == ","
    mixed = [*_line([("1,50", 0), ("2.50", 100)])]
    assert page_decimal_separator(mixed) is None
    assert page_decimal_separator(_line([("Invoice", 0), ("2024", 100)])) is None


def test_a_gap_as_wide_as_the_lines_word_spaces_is_a_word_space() -> None:
    # tightly set text: every word space is 10 px, under SPLIT_GAP of the height, like the split's gap
    row = _line([("Pay", 0), ("now", 40), ("1,", 80), ("50", 110), ("or", 140), ("later", 170)])
    assert _texts(join_split_decimals([*row, *COMMA_PAGE])) == ["Pay", "now", "1,", "50", "or", "later"]
