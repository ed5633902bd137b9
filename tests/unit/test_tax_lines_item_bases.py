"""Bases of several tax rates printed nowhere in the totals: found from the item rows (their rate column,
or the one way of sharing the rows among the rates that gives every tax amount to the cent)."""

from __future__ import annotations

from decimal import Decimal

from tests.unit.sheets import Sheet, d

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import PageExtraction

TaxRow = tuple[Decimal | None, Decimal | None, Decimal | None]


def _tax_lines(result: PageExtraction) -> set[TaxRow]:
    return {(t.rate, t.base, t.amount) for t in result.tax_lines}


def _head(sheet: Sheet) -> None:
    sheet.put(40, 40, "Vindsval Kontorservice AS")
    sheet.put(40, 56, "Storgata 12, 0155 Oslo")
    sheet.put(380, 40, "Rechnung Nr. RX-2207")
    sheet.put(380, 56, "Datum 03.03.2026")


def test_rows_that_carry_their_rate_give_each_rate_its_base() -> None:
    # German invoice: the rows print "19 %" / "7 %", the totals only the tax per rate.
    sheet = Sheet()
    _head(sheet)
    y = sheet.table(
        120,
        [
            (40, "Artikel", False),
            (260, "Menge", True),
            (330, "Preis", True),
            (390, "USt.", True),
            (480, "Betrag", True),
        ],
        [
            ["Druckerpapier", "10", "4,20", "19 %", "42,00"],
            ["Fachbuch Statik", "2", "38,50", "7 %", "77,00"],
            ["Tonerkartusche", "3", "61,30", "19 %", "183,90"],
            ["Zeitschriften-Abo", "1", "15,00", "7 %", "15,00"],
        ],
    )
    sheet.put(330, y + 10, "Nettobetrag")
    sheet.put(480, y + 10, "317,90", right=True)
    sheet.put(330, y + 26, "USt. 19 %")
    sheet.put(480, y + 26, "42,92", right=True)  # 225,90 × 19 % = 42,921
    sheet.put(330, y + 42, "USt. 7 %")
    sheet.put(480, y + 42, "6,44", right=True)  # 92,00 × 7 % = 6,44
    sheet.put(330, y + 58, "Gesamtbetrag")
    sheet.put(480, y + 58, "367,26", right=True)
    result = extract_page(sheet.page())
    assert _tax_lines(result) == {(d("19"), d("225.90"), d("42.92")), (d("7"), d("92.00"), d("6.44"))}


def _bare_rows_sheet(amounts: list[str], totals: list[tuple[str, str]]) -> Sheet:
    """A Spanish invoice whose rows print no rate: description, quantity, amount."""
    sheet = Sheet()
    _head(sheet)
    y = sheet.table(
        120,
        [(40, "Concepto", False), (330, "Cantidad", True), (480, "Importe", True)],
        [[f"Servicio {n + 1}", "1", amount] for n, amount in enumerate(amounts)],
    )
    for n, (label, value) in enumerate(totals):
        sheet.put(330, y + 10 + 16 * n, label)
        sheet.put(480, y + 10 + 16 * n, value, right=True)
    return sheet


def test_the_one_split_of_bare_rows_among_two_rates_gives_their_bases() -> None:
    # 1.250,00 + 310,40 at 21 % = 1.560,40 → 327,68; 86,15 + 402,30 at 10 % = 488,45 → 48,85 (48,845).
    sheet = _bare_rows_sheet(
        ["1.250,00", "86,15", "310,40", "402,30"],
        [
            ("Base imponible", "2.048,85"),
            ("IVA 21 %", "327,68"),
            ("IVA 10 %", "48,85"),
            ("Total factura", "2.425,38"),
        ],
    )
    result = extract_page(sheet.page())
    assert _tax_lines(result) == {(d("21"), d("1560.40"), d("327.68")), (d("10"), d("488.45"), d("48.85"))}


def test_equal_rows_shared_either_way_give_one_set_of_bases() -> None:
    # Three rows of 100,00: any one of them at 21 % gives 21,00 and the other two at 10 % give 20,00.
    # Which row bears which rate cannot be told, but the bases are the same whichever it is.
    sheet = _bare_rows_sheet(
        ["100,00", "100,00", "100,00"],
        [
            ("Base imponible", "300,00"),
            ("IVA 21 %", "21,00"),
            ("IVA 10 %", "20,00"),
            ("Total factura", "341,00"),
        ],
    )
    result = extract_page(sheet.page())
    assert _tax_lines(result) == {(d("21"), d("100.00"), d("21.00")), (d("10"), d("200.00"), d("20.00"))}


def test_no_bases_are_invented_when_no_split_of_the_rows_fits() -> None:
    # The rows add up to the net, but no sharing of them gives 21 % → 300,09 (a base of 1.429,00).
    sheet = _bare_rows_sheet(
        ["1.000,00", "700,00", "150,00"],
        [
            ("Base imponible", "1.850,00"),
            ("IVA 21 %", "300,09"),
            ("IVA 10 %", "41,10"),
            ("Total factura", "2.191,19"),
        ],
    )
    result = extract_page(sheet.page())
    assert {(t.rate, t.amount) for t in result.tax_lines} == {(d("21"), d("300.09")), (d("10"), d("41.10"))}
    assert all(t.base is None for t in result.tax_lines)


def test_rows_that_do_not_add_up_to_the_net_give_no_bases() -> None:
    # A row the reader would miss is simulated by a net the rows fall short of: no split is trusted.
    sheet = _bare_rows_sheet(
        ["1.250,00", "86,15", "310,40"],
        [
            ("Base imponible", "2.048,85"),
            ("IVA 21 %", "327,68"),
            ("IVA 10 %", "48,85"),
            ("Total factura", "2.425,38"),
        ],
    )
    result = extract_page(sheet.page())
    assert all(t.base is None for t in result.tax_lines)


def test_two_different_splits_that_both_fit_leave_the_bases_unknown() -> None:
    # 4,98 or 5,02 at 20 % both give 1,00, and the rest at 5 % (105,03 or 104,99) both give 5,25.
    sheet = _bare_rows_sheet(
        ["4,98", "5,02", "100,01"],
        [
            ("Base imponible", "110,01"),
            ("IVA 20 %", "1,00"),
            ("IVA 5 %", "5,25"),
            ("Total factura", "116,26"),
        ],
    )
    result = extract_page(sheet.page())
    assert {(t.rate, t.amount) for t in result.tax_lines} == {(d("20"), d("1.00")), (d("5"), d("5.25"))}
    assert all(t.base is None for t in result.tax_lines)
