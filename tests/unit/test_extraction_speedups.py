"""The shortcuts of the extraction's hot path give exactly what the plain computation gives: lines with
their segments read in one pass, figures assigned to columns through a memo, label patterns run without
IGNORECASE on lower-case ASCII text, a table row's numbers read once per line."""

from __future__ import annotations

import dataclasses
import random
import re
from decimal import Decimal
from pathlib import Path

import pytest
from tests.unit.sheets import Sheet

from invoiceflow.domain.extraction import labels
from invoiceflow.domain.extraction.column_inference import Column
from invoiceflow.domain.extraction.currency import detect_currency
from invoiceflow.domain.extraction.item_header import (
    COLUMN_PATTERNS,
    NUMERIC_KINDS,
    _assign_index,
    assign_index,
    header_columns,
)
from invoiceflow.domain.extraction.item_lines import row_amounts
from invoiceflow.domain.extraction.layout import Line, _make_line, build_lines, fold
from invoiceflow.domain.extraction.lazy_re import CompiledCache, ignorecase_is_moot
from invoiceflow.domain.extraction.numbers import Amount, DecimalStyle, _split
from invoiceflow.domain.models import TextSource, Word


def _sheet_lines(source: TextSource = TextSource.TEXT_LAYER) -> list[Line]:
    sheet = Sheet(source)
    sheet.put(40, 40, "Brightwater Ltd · Unit 4")
    sheet.put(380, 40, "Factuur nr.: F-2291")
    sheet.put(40, 58, "Straße 12\u00a0b")  # a non-breaking space inside a word: cleaned, same length
    sheet.table(
        120,
        [(40, "Omschrijving", False), (300, "Aantal", True), (380, "Prijs", True), (470, "Bedrag", True)],
        [["Sanding discs", "12", "1,50", "18,00"], ["Wood glue 5 l", "2", "24,95", "49,90"]],
    )
    sheet.put(380, 200, "Totaal excl. BTW 67,90")
    return build_lines(sheet.page())


def _naive_word_at(line: Line, offset: int) -> int:
    return max([i for i, start in enumerate(line.starts) if start <= offset], default=0)


@pytest.mark.parametrize("source", [TextSource.TEXT_LAYER, TextSource.OCR])
def test_segments_read_with_the_line_equal_those_read_on_first_use(source: TextSource) -> None:
    lines = _sheet_lines(source)
    assert any(len(line.segments()) > 1 for line in lines)
    for line in lines:
        lazy = dataclasses.replace(line, _segments=[], _segment_x=[], memo={})
        assert lazy.segments() == line.segments()
        assert lazy.segment_x() == line.segment_x()
        assert line.top == min(w.y0 for w in line.words)
        assert line.bottom == max(w.y1 for w in line.words)
        for offset in range(-1, len(line.text) + 2):
            assert line.word_at(offset) == _naive_word_at(line, offset)
            for end in range(offset - 1, len(line.text) + 2):
                expected = (line.char_x(offset), line.char_x(max(offset, end - 1), right=True))
                assert line.span_x(offset, end) == expected


def test_a_joined_line_has_its_own_segments() -> None:
    words = [Word("Net", 40, 10, 58, 20), Word("amount", 60, 10, 96, 20), Word("100.00", 300, 10, 336, 20)]
    line = _make_line(words)
    assert line.text == "Net amount 100.00"
    assert line.folded == fold(line.text)
    assert line.segments() == [(0, 10), (11, 17)]
    assert line.segment_x() == [(40, 96), (300, 336)]


def _amount(x0: float, x1: float) -> Amount:
    return Amount(Decimal("1.00"), 0, 4, x0, x1, 2, False, False, False)


def test_the_column_memo_follows_the_columns_values_not_the_list() -> None:
    columns = [Column("description", 40, 200), Column("quantity", 260, 300), Column("amount", 420, 470)]
    figure = _amount(280, 296)
    assert assign_index(figure, columns, NUMERIC_KINDS) == 1
    columns[1].kind = "other"  # the same list, changed: the memo must not answer from before
    assert assign_index(figure, columns, NUMERIC_KINDS) is None
    columns[1] = Column("quantity", 430, 440)
    assert assign_index(figure, columns, NUMERIC_KINDS) == _assign_index(280, 296, columns, NUMERIC_KINDS)


def test_the_column_memo_answers_as_the_computation_does() -> None:
    rng = random.Random(5)
    kinds = ["quantity", "unit_price", "amount", "tax_rate", "discount", "other", "description", "net_amount"]
    for _ in range(3000):
        columns = []
        for _ in range(rng.randint(0, 7)):
            x0 = rng.uniform(0, 550)
            columns.append(Column(rng.choice(kinds), x0, x0 + rng.uniform(0, 80)))
        x0 = rng.uniform(0, 560)
        x1 = x0 + rng.uniform(0, 50)
        expected = _assign_index(x0, x1, columns, NUMERIC_KINDS)
        assert assign_index(_amount(x0, x1), columns, NUMERIC_KINDS) == expected
        assert assign_index(_amount(x0, x1), columns, NUMERIC_KINDS) == expected  # from the memo


@pytest.mark.parametrize(
    ("source", "moot"),
    [
        (r"(?<![a-z])(?:invoice\s*(?:no|#)|rechnungs?\s*-?\s*nr\.?)\s*[:.#]?", True),
        (r"n\.?\s?[°ºo]\.?|do\s+zap[lł]aty", True),  # letters outside ASCII never meet ASCII text
        (r"[^a-z0-9]+|\d+|\s|\w", True),
        (r"Total", False),  # a capital: IGNORECASE finds it in "total"
        (r"[!-^]", False),  # a range holding the capitals, not the small letters
        (r"(?i:x)|(?-i:y)", False),  # inline flags: not decided
        (r"\x41", False),
        ("\u017f", False),  # long s: IGNORECASE matches "s"
        ("\u212a", False),  # Kelvin sign: IGNORECASE matches "k"
        (r"(", False),  # not a pattern
    ],
)
def test_ignorecase_is_moot_only_where_no_character_of_lower_case_ascii_is_found_differently(
    source: str, moot: bool
) -> None:
    assert ignorecase_is_moot(source) is moot


def test_label_patterns_without_ignorecase_find_the_same_labels_in_lower_case_ascii() -> None:
    rng = random.Random(11)
    words = sorted(set(re.findall(r"[a-z]+", " ".join(labels.LABEL_PATTERNS.values()))))
    glue = [" ", ": ", ".", "#", " (", ") ", "-", "/", " 19 % ", "1.234,56"]
    texts = [
        "".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(1, 5))) for _ in range(3000)
    ]
    found = 0
    for kind, source in labels._SOURCES.items():
        folding = re.compile(source, re.IGNORECASE)
        exact = labels._case_sensitive(kind)
        assert ignorecase_is_moot(source)  # else the shortcut is off and this test proves nothing
        for text in texts:
            spans = [m.span() for m in folding.finditer(text)]
            assert [m.span() for m in exact.finditer(text)] == spans, (kind, text)
            found += bool(spans)
    assert found > 1000


def test_labels_in_text_that_is_not_lower_case_ascii_are_matched_with_ignorecase() -> None:
    kinds = ("carry", "net", "tax", "gross")

    def found(text: str) -> list[labels.LabelMatch]:
        return labels.find_labels_of_families(text, (kinds,))[0]

    lower = found("total excl. btw")
    assert [(m.kind, m.start, m.end) for m in lower] == [("net", 0, 15)]
    assert found("TOTAL EXCL. BTW") == lower
    assert [m.kind for m in found("montant dû total ttc")] == ["gross"]


def test_the_verdict_is_kept_in_the_cache_file(tmp_path: Path) -> None:
    path = tmp_path / "regex.marshal"
    fresh = CompiledCache(path)
    assert fresh.ignorecase_is_moot(r"net\s+amount") is True
    assert fresh.ignorecase_is_moot(r"Net") is False
    fresh.save()
    reloaded = CompiledCache(path)
    assert reloaded.ignorecase_is_moot(r"net\s+amount") is True
    assert reloaded.ignorecase_is_moot(r"Net") is False
    assert not reloaded._dirty  # both verdicts came from the file
    assert reloaded.compile(r"net\s+amount", 0).fullmatch("net amount")


def test_row_amounts_are_read_once_per_line_and_handed_out_as_copies() -> None:
    line = next(line for line in _sheet_lines() if line.text.startswith("Sanding"))
    first = row_amounts(line, DecimalStyle.COMMA)
    assert [a.value for a in first] == [Decimal(12), Decimal("1.50"), Decimal("18.00")]
    first.clear()
    again = row_amounts(line, DecimalStyle.COMMA)
    assert [a.value for a in again] == [Decimal(12), Decimal("1.50"), Decimal("18.00")]
    assert again[0] is row_amounts(line, DecimalStyle.COMMA)[0]  # the same objects: read once


@pytest.mark.parametrize(
    "texts",
    [
        ["Gesamtbetrag", "EUR", "1.234,56"],
        ["Échéance", "ﬁnale", "İstanbul", "Straße", "12\u00a0b", "l’offre"],  # ligature, dotted I, NBSP
        ["Nº", "ŁÓDŹ", "Kč", "½"],
    ],
)
def test_a_line_folds_as_its_words_do(texts: list[str]) -> None:
    words = [Word(text, 40 + 60 * i, 10, 40 + 60 * i + 6 * len(text), 20) for i, text in enumerate(texts)]
    line = _make_line(words)
    parts = [text.translate(str.maketrans({"\u00a0": " ", "\u2019": "'"})) for text in texts]
    assert line.text == " ".join(parts)
    assert line.folded == " ".join(fold(part) for part in parts) == fold(line.text)
    assert len(line.folded) == len(line.text)


def _line_of(texts: list[str], index: int) -> Line:
    words = [
        Word(text, 40 + 50 * i, 20 * index, 40 + 50 * i + 6 * len(text), 20 * index + 10)
        for i, text in enumerate(texts)
    ]
    line = _make_line(words)
    line.index = index
    return line


def test_currency_votes_tie_in_the_order_the_lines_give_them() -> None:
    # Three pound signs (3 x 2 votes) on the first line, two EUR codes (2 x 3) on the second: a tie that
    # the currency named first wins, whichever kind of evidence named it.
    pounds_first = [_line_of(["£", "1", "£", "2", "£"], 0), _line_of(["EUR", "EUR"], 1)]
    assert detect_currency(pounds_first) == ("GBP", 0.64)
    euros_first = [_line_of(["EUR", "EUR"], 0), _line_of(["£", "1", "£", "2", "£"], 1)]
    assert detect_currency(euros_first) == ("EUR", 0.64)
    # "kr" is Swedish unless the last line naming a Nordic country says otherwise (its first such word).
    nordic = [_line_of(["kr", "moms"], 0), _line_of(["Norge", "Danmark"], 1), _line_of(["100", "kr"], 2)]
    assert detect_currency(nordic) == ("NOK", 0.95)


def test_column_patterns_read_a_segment_as_they_read_it_inside_its_line() -> None:
    # ``_cell_labels`` caches the labels of a segment by its text: right only while no column pattern
    # looks behind its match or anchors to the string's edges (a segment starts after a space).
    for source in COLUMN_PATTERNS.values():
        assert "(?<" not in source
        assert not re.search(r"\\[AZbB]|\$|(?<!\[)\^", source), source


def test_header_cells_glued_or_apart_keep_their_kinds() -> None:
    words = [
        Word("Pos.", 40, 10, 60, 20),
        Word("QtéPrix", 200, 10, 235, 20),
        Word("unitaire", 237, 10, 277, 20),
    ]
    words.append(Word("Montant", 400, 10, 435, 20))
    columns = header_columns(_make_line(words))
    assert [c.kind for c in columns] == ["position", "quantity", "unit_price", "amount"]
    again = header_columns(_make_line(words))  # from the cache: the same columns
    assert [(c.kind, c.x0, c.x1) for c in again] == [(c.kind, c.x0, c.x1) for c in columns]


@pytest.mark.parametrize(
    ("number", "parts"),
    [
        ("1234.56", ("1234", "56")),
        ("12,50", ("12", "50")),
        ("0.05", ("0", "05")),
        ("1.234,56", ("1234", "56")),  # grouped: the general reading
        ("1,234", None),  # one group of three: the page's style decides
        ("12.5", ("12", "5")),
    ],
)
def test_numbers_with_two_decimals_split_as_the_general_reading_does(
    number: str, parts: tuple[str, str] | None
) -> None:
    for style in DecimalStyle:
        expected = parts if parts is not None else _split(number, style)
        assert _split(number, style) == expected
    assert _split("1,234", DecimalStyle.DOT) == ("1234", "")
    assert _split("1,234", DecimalStyle.COMMA) == ("1", "234")
