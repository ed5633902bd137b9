"""Totals, dates and tax ids in the forms real invoices print them, on hand-placed pages of invented
vendors: a lone total under item columns marked as leaving the tax out (net = gross), whole-number
amounts printed with their currency ("Rs 1939", "85 €", "120 zł"), payments and balances after a total,
an item reader that ran past the totals, dates with stray spaces and ordinals, and VAT ids printed with
spaces right after a web address in a footer."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.context import analyse
from invoiceflow.domain.extraction.identifiers import find_identifiers
from invoiceflow.domain.extraction.layout import build_lines
from invoiceflow.domain.extraction.totals import extract_totals
from invoiceflow.domain.identifiers import valid_gstin, valid_vat
from invoiceflow.domain.models import TextSource


def _items_sheet(head: list[str], rows: list[tuple[str, str]]) -> Sheet:
    """An invented vendor, then a two-column item table whose amount head may span two lines."""
    s = Sheet()
    s.put(40, 40, "Brightwater Widgets", size=16)
    s.put(40, 90, "Invoice No. 5521")
    s.put(40, 170, "Description")
    for n, part in enumerate(head):
        s.put(540, 170 + 10 * n, part, right=True)
    y = 200.0
    for description, amount in rows:
        s.put(40, y, description)
        s.put(540, y, amount, right=True)
        y += 16
    return s


@pytest.mark.parametrize(
    ("head", "rows", "total", "expected"),
    [
        # A column head over two lines, the exclusion on the first: "Betrag" / "ohne" / "USt.".
        (
            ["Betrag", "ohne", "USt."],
            [("Wartung", "12,50"), ("Hosting", "20,00")],
            ("Summe EUR", "32,50"),
            "32.50",
        ),
        (
            ["Amount", "excl. VAT"],
            [("Support plan", "40.00"), ("Licence", "15.25")],
            ("Total", "55.25"),
            "55.25",
        ),
        (
            ["Importe", "sin IVA"],
            [("Consultoría", "300,00"), ("Viaje", "45,10")],
            ("Total", "345,10"),
            "345.10",
        ),
        (
            ["Importo", "senza IVA"],
            [("Noleggio", "80,00"), ("Trasporto", "9,90")],
            ("Totale", "89,90"),
            "89.90",
        ),
        (
            ["Montant", "hors TVA"],
            [("Conseil", "120,00"), ("Déplacement", "30,00")],
            ("Total", "150,00"),
            "150.00",
        ),
    ],
)
def test_a_lone_total_under_amounts_that_leave_the_tax_out_is_the_net_too(
    head: list[str], rows: list[tuple[str, str]], total: tuple[str, str], expected: str
) -> None:
    s = _items_sheet(head, rows)
    y = 200 + 16 * len(rows) + 20
    s.put(380, y, total[0])
    s.put(540, y, total[1], right=True)
    found = values(extract_page(s.page()))
    assert (found.get("totals.net"), found.get("totals.gross")) == (expected, expected)
    assert "totals.tax" not in found  # no tax printed: none invented


def test_a_lone_total_without_any_mark_on_the_tax_leaves_the_net_unknown() -> None:
    s = _items_sheet(["Amount"], [("Support plan", "40.00"), ("Licence", "15.25")])
    s.put(380, 252, "Total")
    s.put(540, 252, "55.25", right=True)
    found = values(extract_page(s.page()))
    assert found.get("totals.gross") == "55.25"
    assert "totals.net" not in found


def test_a_tax_line_on_the_page_keeps_the_lone_total_the_gross_only() -> None:
    s = _items_sheet(["Amount", "excl. VAT"], [("Support plan", "40.00"), ("Licence", "20.00")])
    s.put(380, 252, "VAT 20 %")
    s.put(540, 252, "12.00", right=True)
    s.put(380, 268, "Total")
    s.put(540, 268, "72.00", right=True)
    found = values(extract_page(s.page()))
    assert (found.get("totals.net"), found.get("totals.tax"), found.get("totals.gross")) == (
        "60.00",
        "12.00",
        "72.00",
    )


def _receipt(lines: list[tuple[str, str]]) -> dict[str, str]:
    s = Sheet()
    s.put(40, 40, "Harbourview Lodge", size=16)
    s.put(40, 90, "Receipt No. 88-301")
    y = 200.0
    for label, amount in lines:
        s.put(40, y, label)
        s.put(540, y, amount, right=True)
        y += 20
    return values(extract_page(s.page()))


@pytest.mark.parametrize(
    ("lines", "gross"),
    [
        ([("Room tariff", "Rs 2,400"), ("Grand Total", "Rs 2,400")], "2400.00"),
        ([("Tiffin service", "₹ 350"), ("Amount payable", "₹ 350")], "350.00"),
        ([("Nuitée", "85 €"), ("Somme à payer", "85 €")], "85.00"),
        ([("Nocleg", "120 zł"), ("Razem do zapłaty", "120 zł")], "120.00"),
        ([("Övernattning", "950 kr"), ("Att betala", "950 kr")], "950.00"),
        ([("Parking", "$25"), ("Total for this invoice", "$25")], "25.00"),
        ([("Bike rental", "US$ 30"), ("Balance due", "US$ 30")], "30.00"),
    ],
)
def test_whole_amounts_printed_with_their_currency_are_money(
    lines: list[tuple[str, str]], gross: str
) -> None:
    assert _receipt(lines).get("totals.gross") == gross


@pytest.mark.parametrize(
    "lines",
    [
        [
            ("Suite, 2 nights", "Rs 4,200"),
            ("Grand Total", "Rs 4,200"),
            ("Amount received by card (Rs 4,200)", "Rs 4,200"),
            ("Balance due", "Rs 0"),
        ],
        [
            ("Kayak hire", "$60"),
            ("Invoice total", "$60"),
            ("Payment received", "$60"),
            ("Amount due", "$0.00"),
        ],
        [
            ("Séjour", "240 €"),
            ("Montant total", "240 €"),
            ("Déjà réglé", "240 €"),
            ("Reste à payer", "0 €"),
        ],
    ],
)
def test_a_payment_and_a_zero_balance_after_the_total_leave_the_total_the_gross(
    lines: list[tuple[str, str]],
) -> None:
    total = next(amount for label, amount in lines if "otal" in label)
    digits = "".join(c for c in total if c.isdigit())
    assert _receipt(lines).get("totals.gross") == f"{digits}.00"


def test_totals_the_item_reader_ran_past_are_read_again_from_the_items_top() -> None:
    s = Sheet()
    s.put(40, 40, "Copperfield Print Shop", size=16)
    s.put(40, 170, "Item")
    s.put(540, 170, "Amount", right=True)
    s.put(40, 190, "Flyers A5")
    s.put(540, 190, "48.00", right=True)
    s.put(380, 220, "Grand total")
    s.put(540, 220, "48.00", right=True)
    s.put(40, 260, "Claims must reach us within 8 days; a reminder costs 5.00 each.")
    ctx = analyse(s.page())
    past_the_total = len(ctx.lines)  # as if the terms below the total had been read as item rows
    assert extract_totals(ctx, past_the_total, False).gross is None
    again = extract_totals(ctx, past_the_total, False, items_top=1)
    assert again.gross is not None
    assert str(again.gross.value) == "48.00"
    plain = extract_totals(ctx, 3, False)
    assert plain.gross is not None
    assert again.gross.confidence < plain.gross.confidence


def _issue_date(label: str, text: str) -> str | None:
    s = Sheet()
    s.put(40, 40, "Lindqvist Tooling", size=16)
    s.put(350, 100, f"{label} {text}")
    s.put(350, 116, "Invoice No. 7730")
    return values(extract_page(s.page())).get("issue_date")


@pytest.mark.parametrize(
    ("label", "text", "expected"),
    [
        ("Invoice Date:", "March 14 , 2023", "2023-03-14"),
        ("Invoice Date:", "Sept . 2nd , 2023", "2023-09-02"),
        ("Rechnungsdatum:", "3 . März 2024", "2024-03-03"),
        ("Fecha de factura:", "1º de febrero , 2024", "2024-02-01"),
        ("Date de facture :", "2 sept . 2023", "2023-09-02"),
        ("Data fattura:", "15 / 04 / 2024", "2024-04-15"),
        ("Factuurdatum:", "12 okt . 2023", "2023-10-12"),
        ("Bill date:", "21st Nov '23", "2023-11-21"),
        ("Invoice date:", "Nov-21-2023", "2023-11-21"),
    ],
)
def test_dates_with_stray_spaces_and_ordinals_are_read(label: str, text: str, expected: str) -> None:
    assert _issue_date(label, text) == expected


def _vat_with_check_digits(country: str, body: str) -> str:
    """The one valid VAT id of ``country`` + ``body`` + a final check digit (invented numbers)."""
    for digit in "0123456789":
        if valid_vat(f"{country}{body}{digit}"):
            return f"{country}{body}{digit}"
    raise AssertionError("no check digit")


@pytest.mark.parametrize(
    ("country", "body", "footer"),
    [
        ("DE", "81726354", "Web: www.brightwater-shop.de USt-IdNr. DE {spaced} Sitz Kassel"),
        ("AT", "U1357924", "Internet www.almhof.at UID AT {spaced} FN 123456a"),
        ("IT", "0246813001", "sito www.ferramenta.it P.IVA IT {spaced} REA MI-1"),
    ],
)
def test_a_vat_id_printed_with_spaces_after_a_web_address_is_found(
    country: str, body: str, footer: str
) -> None:
    vat = _vat_with_check_digits(country, body)
    digits = vat[2:]
    spaced = " ".join(digits[i : i + 3] for i in range(0, len(digits), 3))
    s = Sheet(font_size=7)
    s.put(40, 800, footer.format(spaced=spaced))
    found = {i.value for i in find_identifiers(build_lines(s.page())) if i.kind == "vat"}
    assert vat in found


@pytest.mark.parametrize(
    "printed", ["GSTIN: {0} {1} {2} {3} {4}", "GSTIN No. {0}-{1}-{2}-{3}{4}", "GSTIN/UIN: {0} {1}{2} {3}{4}"]
)
def test_a_gstin_printed_in_groups_after_its_label_is_found(printed: str) -> None:
    stem = "27AAPFK4821M1Z"  # an invented registration: state, PAN, entity number, "Z"
    gstin = next(stem + c for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" if valid_gstin(stem + c))
    s = Sheet(font_size=7)
    s.put(
        40,
        780,
        "Kaveri Traders, Pune  " + printed.format(gstin[:2], gstin[2:7], gstin[7:11], gstin[11], gstin[12:]),
    )
    found = {i.value for i in find_identifiers(build_lines(s.page())) if i.kind == "gstin"}
    assert found == {gstin}


@pytest.mark.parametrize(
    ("summary", "detail_head", "rows"),
    [
        (
            [("Subtotal", "$18.40"), ("Sales tax", "$1.52"), ("Total for this statement", "$19.92")],
            ("Service", "Amount"),
            [("Cloud storage", "$10.40"), ("Backups", "$8.00")],
        ),
        (
            [("Nettobetrag", "18,40 €"), ("USt. 19 %", "3,50 €"), ("Rechnungsbetrag", "21,90 €")],
            ("Leistung", "Betrag"),
            [("Speicherplatz", "10,40 €"), ("Sicherung", "8,00 €")],
        ),
    ],
)
def test_a_summary_printed_above_its_detail_table_gives_the_totals(
    summary: list[tuple[str, str]], detail_head: tuple[str, str], rows: list[tuple[str, str]]
) -> None:
    s = Sheet()
    s.put(40, 40, "Nimbus Hosting Co.", size=16)
    s.put(40, 90, "Invoice No. 20-4411")
    y = 150.0
    for label, amount in summary:
        s.put(40, y, label)
        s.put(300, y, amount, right=True)
        y += 16
    y += 30
    s.put(40, y, detail_head[0])
    s.put(540, y, detail_head[1], right=True)
    for description, amount in rows:
        y += 16
        s.put(40, y, description)
        s.put(540, y, amount, right=True)
    found = values(extract_page(s.page()))
    expected = [amount.strip("$ €").replace(",", ".") for _, amount in summary]
    assert [found.get("totals.net"), found.get("totals.tax"), found.get("totals.gross")] == expected


def test_a_whole_figure_read_by_ocr_is_no_money_even_with_its_currency() -> None:
    """OCR drops decimal points ("$12.34" read "$1234"): there a whole figure is not trusted as a total."""
    s = Sheet(source=TextSource.OCR)
    s.put(40, 40, "Pinecrest Diner", size=16)
    s.put(40, 200, "Total")
    s.put(540, 200, "$1234", right=True)
    assert "totals.gross" not in values(extract_page(s.page()))


@pytest.mark.parametrize(
    ("lines", "gross"),
    [
        # Paid in part before: only the total and what is still owed are printed.
        ([("Plumbing works", "$640.00"), ("Invoice total", "$640.00"), ("Balance due", "$240.00")], "640.00"),
        (
            [("Dachreparatur", "980,00 €"), ("Gesamtbetrag", "980,00 €"), ("Noch zu zahlen", "480,00 €")],
            "980.00",
        ),
        (
            [("Peinture", "1 500,00 €"), ("Montant total", "1 500,00 €"), ("Reste à payer", "900,00 €")],
            "1500.00",
        ),
    ],
)
def test_a_balance_below_a_larger_total_with_nothing_between_is_not_the_gross(
    lines: list[tuple[str, str]], gross: str
) -> None:
    assert _receipt(lines).get("totals.gross") == gross


@pytest.mark.parametrize(
    "lines",
    [
        [
            ("Garden design", "$500.00"),
            ("Total", "$500.00"),
            ("Loyalty discount", "$50.00"),
            ("Amount due", "$450.00"),
        ],
        [
            ("Garden design", "$500.00"),
            ("Total", "$500.00"),
            ("Discount 10 %", ""),
            ("Balance due", "$450.00"),
        ],
    ],
)
def test_a_balance_a_discount_between_explains_stays_the_gross(lines: list[tuple[str, str]]) -> None:
    assert _receipt(lines).get("totals.gross") == "450.00"


@pytest.mark.parametrize(
    ("note", "total", "expected"),
    [
        ("Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.", ("Gesamtbetrag", "410,00 €"), "410.00"),
        ("Reverse charge: VAT to be accounted for by the recipient.", ("Total", "€ 1,250.00"), "1250.00"),
        ("TVA non applicable, article 293 B du CGI.", ("Total à payer", "95,00 €"), "95.00"),
        ("Operación exenta de IVA.", ("Importe total", "700,00 €"), "700.00"),
    ],
)
def test_a_lone_total_with_a_note_that_no_tax_is_charged_is_the_net_too(
    note: str, total: tuple[str, str], expected: str
) -> None:
    s = _items_sheet(["Amount"], [("Design work", total[1])])
    s.put(380, 236, total[0])
    s.put(540, 236, total[1], right=True)
    s.put(40, 300, note)
    found = values(extract_page(s.page()))
    assert (found.get("totals.net"), found.get("totals.gross")) == (expected, expected)
    assert "totals.tax" not in found
