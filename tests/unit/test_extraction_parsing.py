"""Number, date, currency and identifier parsing of the extraction package."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from invoiceflow.domain.extraction.currency import detect_currency
from invoiceflow.domain.extraction.dates import DateOrder, find_dates, numeric_order_evidence
from invoiceflow.domain.extraction.identifiers import find_identifiers
from invoiceflow.domain.extraction.layout import Line, build_lines
from invoiceflow.domain.extraction.numbers import DecimalStyle, dominant_style, parse_number
from invoiceflow.domain.models import PageText, TextSource, Word


def page_of(*rows: str, width: float = 595.0) -> PageText:
    """A page whose rows are typed in 10 pt with 6 pt per character; '|' marks a wide column gap."""
    words: list[Word] = []
    for row, text in enumerate(rows):
        x = 40.0
        y = 40.0 + 14.0 * row
        for column in text.split("|"):
            for token in column.split():
                words.append(Word(text=token, x0=x, y0=y, x1=x + 6 * len(token), y1=y + 10))
                x += 6 * len(token) + 3
            x += 40
    return PageText(page_number=1, width=width, height=842.0, text_source=TextSource.TEXT_LAYER, words=words)


def line_of(text: str) -> Line:
    return build_lines(page_of(text))[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("1 234,56", "1234.56"),
        ("1\u202f234,56", "1234.56"),
        ("1\u00a0234,56", "1234.56"),
        ("1'234.56", "1234.56"),
        ("1’234.56", "1234.56"),
        ("1,10,083.44", "110083.44"),
        ("(12.00)", "-12.00"),
        ("12.00-", "-12.00"),
        ("-12,00", "-12.00"),
        ("\u22121.5", "-1.5"),
        ("1.234.567", "1234567"),
        ("0.125", "0.125"),
    ],
)
def test_numbers_in_every_convention(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


def test_single_group_follows_the_page_style() -> None:
    assert parse_number("1.234", DecimalStyle.COMMA) == Decimal(1234)
    assert parse_number("1.234", DecimalStyle.DOT) == Decimal("1.234")
    assert parse_number("1,234", DecimalStyle.COMMA) == Decimal("1.234")
    assert parse_number("1,234", DecimalStyle.DOT) == Decimal(1234)
    assert parse_number("not a number") is None


def test_dominant_style_counts_unambiguous_numbers() -> None:
    assert (
        dominant_style(build_lines(page_of("Net 1.234,56", "VAT 234,50", "Qty 1,234"))) is DecimalStyle.COMMA
    )
    assert dominant_style(build_lines(page_of("Net 1,234.56", "VAT 12.50"))) is DecimalStyle.DOT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date: 2024-03-01", date(2024, 3, 1)),
        ("Datum: 01.03.2024", date(2024, 3, 1)),
        ("1. März 2024", date(2024, 3, 1)),
        ("1er mars 2024", date(2024, 3, 1)),
        ("1 de marzo de 2024", date(2024, 3, 1)),
        ("5 mei 2024", date(2024, 5, 5)),
        ("12 maggio 2024", date(2024, 5, 12)),
        ("March 1, 2024", date(2024, 3, 1)),
        ("01-Mar-2024", date(2024, 3, 1)),
        ("13/02/24", date(2024, 2, 13)),
    ],
)
def test_dates_in_six_languages(text: str, expected: date) -> None:
    assert [d.value for d in find_dates(line_of(text), DateOrder.DMY)] == [expected]


def test_ambiguous_numeric_dates_follow_the_order_and_iso_never_moves() -> None:
    assert find_dates(line_of("03/04/2024"), DateOrder.MDY)[0].value == date(2024, 3, 4)
    assert find_dates(line_of("03/04/2024"), DateOrder.DMY)[0].value == date(2024, 4, 3)
    assert find_dates(line_of("2024-03-04"), DateOrder.MDY)[0].value == date(2024, 3, 4)
    # Dotted dates are day-first everywhere.
    assert find_dates(line_of("03.04.2024"), DateOrder.MDY)[0].value == date(2024, 4, 3)
    assert numeric_order_evidence(build_lines(page_of("Due 02/13/2024", "Date 03/04/2024"))) is DateOrder.MDY
    assert numeric_order_evidence(build_lines(page_of("Due 13/02/2024"))) is DateOrder.DMY


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (("Total 12,00 €",), "EUR"),
        (("Total $12.00",), "USD"),
        (("Total $12.00", "All amounts in CAD"), "CAD"),
        (("Total CHF 1'200.00",), "CHF"),
        (("Grand total Rs. 1,10,000.00",), "INR"),
        (("Total ₹ 500.00",), "INR"),
        (("Total £10.00",), "GBP"),
    ],
)
def test_currency_from_symbols_and_codes(rows: tuple[str, ...], expected: str) -> None:
    found = detect_currency(build_lines(page_of(*rows)))
    assert found is not None
    assert found[0] == expected


def test_identifiers_are_checksum_validated() -> None:
    lines = build_lines(
        page_of(
            "USt-IdNr.: DE136695976",
            "IBAN: DE89 3704 0044 0532 0130 00 BIC: COBADEFFXXX",
            "GSTIN: 27AAPFU0939F1ZV",
            "VAT: DE136695977",  # wrong check digit
            "IBAN DE89 3704 0044 0532 0130 01",  # wrong check digits
            "CHE-116.281.710 MWST",
        )
    )
    found = {(i.kind, i.value) for i in find_identifiers(lines)}
    assert found == {
        ("vat", "DE136695976"),
        ("iban", "DE89370400440532013000"),
        ("bic", "COBADEFFXXX"),
        ("gstin", "27AAPFU0939F1ZV"),
        ("vat", "CHE116281710MWST"),
    }
