"""Item rows read by OCR with their table header lost or a number cell garbled: quantity and unit price
are settled by row arithmetic (quantity × price = amount), preferring the readings a scan most likely
shows — a price in cents, a quantity read literally, a quantity that is amount ÷ price to the cent."""

from __future__ import annotations

from decimal import Decimal

from tests.unit.sheets import Sheet

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import TextSource

Row = tuple[str, str, str, str]
ItemTuple = tuple[str, Decimal | None, Decimal | None, Decimal]


def headerless_scan(rows: list[Row], source: TextSource = TextSource.OCR) -> Sheet:
    """A scanned order whose table header OCR did not read: three right-aligned figure columns."""
    s = Sheet(source)
    s.put(40, 40, "Vellamo Tarvike Oy", size=14)
    s.put(40, 90, "Lasku nro 2024-311")
    s.put(300, 90, "Päivä 04.03.2024")
    y = 140.0
    for description, first, second, amount in rows:
        s.put(40, y, description)
        for x, cell in ((330.0, first), (420.0, second), (520.0, amount)):
            if cell:
                s.put(x, y, cell, right=True)
        y += 16
    s.put(40, y + 20, "Total")
    s.put(520, y + 20, "0.00", right=True)
    return s


def items(s: Sheet) -> list[ItemTuple]:
    return [(i.description, i.quantity, i.unit_price, i.amount) for i in extract_page(s.page()).line_items]


def test_price_column_is_the_one_in_cents_when_the_header_is_lost() -> None:
    """Price column left of the quantity column: 2346.81 × 12 reads the same either way round."""
    rows = [
        ("Kuljetuslaatikot", "2346.81", "12", "28161.72"),
        ("Kelmurulla", "15.50", "4", "62.00"),
        ("Tarrat", "3.20", "10", "32.00"),
    ]
    got = items(headerless_scan(rows))
    assert [(q, p) for _, q, p, _ in got] == [
        (Decimal(12), Decimal("2346.81")),
        (Decimal(4), Decimal("15.50")),
        (Decimal(10), Decimal("3.20")),
    ]


def test_literal_integer_quantity_kept_and_the_price_without_its_decimal_point_repaired() -> None:
    """'13' and '74269' (742.69 with its point lost): 13 × 742.69, not 0.13 × 74269."""
    rows = [
        ("Kuljetuslaatikot", "13", "74269", "9654.97"),
        ("Kelmurulla", "4", "15.50", "62.00"),
        ("Tarrat", "10", "3.20", "32.00"),
    ]
    got = items(headerless_scan(rows))
    assert got[0][1:] == (Decimal(13), Decimal("742.69"), Decimal("9654.97"))
    assert got[1][1:3] == (Decimal(4), Decimal("15.50"))


def test_lost_quantity_cell_is_amount_over_price_when_it_comes_out_to_the_cent() -> None:
    rows = [
        ("Kuljetuslaatikot", "", "742.69", "9654.97"),
        ("Kelmurulla", "4", "15.50", "62.00"),
        ("Tuntityö", "", "80.00", "620.00"),  # 7.75 hours
        ("Tarrat", "10", "3.20", "32.00"),
    ]
    got = items(headerless_scan(rows))
    assert [q for _, q, _, _ in got] == [Decimal(13), Decimal(4), Decimal("7.75"), Decimal(10)]


def test_no_quantity_is_invented_when_amount_over_price_is_no_whole_cent() -> None:
    rows = [
        ("Kuljetuslaatikot", "", "742.69", "1000.00"),  # 1.3464...: a charge, not a quantity
        ("Kelmurulla", "4", "15.50", "62.00"),
        ("Tarrat", "10", "3.20", "32.00"),
    ]
    got = items(headerless_scan(rows))
    assert got[0][1] is None
    assert got[0][2:] == (Decimal("742.69"), Decimal("1000.00"))


def test_text_layer_rows_without_a_quantity_keep_none() -> None:
    """The quantity is derived only for scans: a text layer's missing cell is really empty."""
    rows = [
        ("Kuljetuslaatikot", "", "742.69", "9654.97"),
        ("Kelmurulla", "4", "15.50", "62.00"),
        ("Tarrat", "10", "3.20", "32.00"),
    ]
    got = items(headerless_scan(rows, TextSource.TEXT_LAYER))
    assert got[0][1] is None
    assert got[1][1] == Decimal(4)


def test_derived_quantity_is_written_plainly() -> None:
    rows = [
        ("Kuljetuslaatikot", "", "3.20", "32.00"),
        ("Kelmurulla", "4", "15.50", "62.00"),
        ("Tarrat", "", "3.00", "1.50"),
        ("Nippusiteet", "6", "2.10", "12.60"),
    ]
    got = items(headerless_scan(rows))
    assert [str(q) for _, q, _, _ in got] == ["10", "4", "0.5", "6"]
