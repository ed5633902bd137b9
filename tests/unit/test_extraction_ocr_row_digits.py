"""Scanned item rows whose figures read as clean numbers that do not multiply out (a digit or two
confused by OCR), and rows whose quantity cell was lost where quantity × price was rounded to the cent:
the row arithmetic names the misread figure only when exactly one reading fits."""

from __future__ import annotations

from decimal import Decimal

from tests.unit.sheets import Sheet

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.row_digits import repaired_figures
from invoiceflow.domain.models import TextSource

ItemTuple = tuple[str, Decimal | None, Decimal | None, Decimal | None]


def scanned_table(rows: list[tuple[str, str, str, str]]) -> list[ItemTuple]:
    """An Italian scanned invoice with a header row OCR read: quantity, price, amount."""
    s = Sheet(TextSource.OCR)
    s.put(40, 40, "Officine Brambilla S.r.l.", size=14)
    s.put(40, 90, "Fattura n. 2024/118")
    s.put(40, 120, "Descrizione")
    s.put(330, 120, "Quantità", right=True)
    s.put(420, 120, "Prezzo", right=True)
    s.put(520, 120, "Importo", right=True)
    y = 140.0
    for description, quantity, price, amount in rows:
        s.put(40, y, description)
        for x, cell in ((330.0, quantity), (420.0, price), (520.0, amount)):
            if cell:
                s.put(x, y, cell, right=True)
        y += 16
    return [(i.description, i.quantity, i.unit_price, i.amount) for i in extract_page(s.page()).line_items]


def test_a_misread_quantity_or_price_digit_is_restored_from_the_other_two_figures() -> None:
    got = scanned_table(
        [
            ("Contratto di manutenzione", "21.25", "843.07", "22973.66"),  # 27.25 read with a 1 for 7
            ("Licenza software", "40", "1391.95", "54062.00"),  # 1351.55: two digits confused
            ("Toner nero", "30.5", "573.19", "17499.38"),  # 573.75 × 30.5 = 17499.375, half-up
            ("Sedia ergonomica", "2", "150.00", "300.00"),
        ]
    )
    assert [(q, p, a) for _, q, p, a in got] == [
        (Decimal("27.25"), Decimal("843.07"), Decimal("22973.66")),
        (Decimal(40), Decimal("1351.55"), Decimal("54062.00")),
        (Decimal("30.5"), Decimal("573.75"), Decimal("17499.38")),
        (Decimal(2), Decimal("150.00"), Decimal("300.00")),
    ]


def test_no_figure_is_changed_when_the_amount_could_be_the_misread_one_or_nothing_is_close() -> None:
    # 3 × 10.00 = 30.00 beside "40.00": the quantity (4) or the amount (30.00) may be the misread one.
    assert repaired_figures(Decimal(3), Decimal("10.00"), Decimal("40.00")) is None
    # 23.79 × 1971.23 against 40613.67: no single figure is a few digits off a fitting one.
    assert repaired_figures(Decimal("23.79"), Decimal("1971.23"), Decimal("40613.67")) is None
    # A different length is a different number, not a misreading.
    assert repaired_figures(Decimal(2), Decimal("99.00"), Decimal("1980.00")) is None


def test_a_lost_quantity_is_amount_over_price_when_the_product_was_rounded_half_up() -> None:
    got = scanned_table(
        [
            ("Hosting cloud mensile", "", "702.74", "5797.61"),  # 8.25 × 702.74 = 5797.605
            ("Spese di spedizione", "", "372.63", "7732.07"),  # 20.75 × 372.63 = 7732.0725
            ("Sedia ergonomica", "2", "150.00", "300.00"),
        ]
    )
    assert [q for _, q, _, _ in got] == [Decimal("8.25"), Decimal("20.75"), Decimal(2)]


def test_credit_note_rows_get_their_quantity_from_negative_amount_and_price() -> None:
    got = scanned_table(
        [
            ("Reso licenza software", "", "-226,20", "-565,50"),  # quantity cell lost: 2.5
            ("Reso sedia ergonomica", "3255", "-2.473,80", "-80.398,50"),  # "32.5" with its point read as 5
            ("Reso toner", "2", "-150,00", "-300,00"),
        ]
    )
    assert [(q, a) for _, q, _, a in got] == [
        (Decimal("2.5"), Decimal("-565.50")),
        (Decimal("32.5"), Decimal("-80398.50")),
        (Decimal(2), Decimal("-300.00")),
    ]


def test_a_quantity_whose_decimal_point_the_scan_lost_is_restored() -> None:
    # 2,5 × 659,88 = 1.649,70 read "25"; 1,75 × 480,00 = 840,00 read "175"
    assert repaired_figures(Decimal(25), Decimal("659.88"), Decimal("1649.70")) == (
        Decimal("2.5"),
        Decimal("659.88"),
    )
    assert repaired_figures(Decimal(175), Decimal("480.00"), Decimal("840.00")) == (
        Decimal("1.75"),
        Decimal("480.00"),
    )
    # the digits must be the same: "23" is not 2,5 with its point lost
    assert repaired_figures(Decimal(23), Decimal("659.88"), Decimal("1649.70")) is None
    # a whole quantity that fits is left alone
    assert repaired_figures(Decimal(3), Decimal("659.88"), Decimal("1979.64")) is None


def test_rows_with_lost_points_and_zero_quantities_in_a_scanned_table() -> None:
    got = scanned_table(
        [
            ("Ore di consulenza", "75", "96.00", "720.00"),  # 7,5 hours
            ("Trasferta Milano", "0", "1803.46", "4508.65"),  # 2,5 read as "0"
            ("Materiale di consumo", "4", "12.50", "50.00"),
        ]
    )
    assert [(q, p, a) for _, q, p, a in got] == [
        (Decimal("7.5"), Decimal("96.00"), Decimal("720.00")),
        (Decimal("2.5"), Decimal("1803.46"), Decimal("4508.65")),
        (Decimal(4), Decimal("12.50"), Decimal("50.00")),
    ]
