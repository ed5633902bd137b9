"""VAT breakdowns and bank details in forms invoices print them, on hand-placed pages and real PDFs of
invented vendors: rate codes explained by a legend, several taxes side by side on one table row (CGST beside
SGST), taxes named without a rate, a tax summary whose tax column has no tax label, included tax printed
with the gross it is part of, nets per rate without a net total, "Round off" and "Total after tax" lines;
IBANs with dotted or hyphenated groups under a bank heading, wrapped onto the next line, and after a bank
block's heading with a spaced country code. Each form is checked by its arithmetic or its checksum."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.unit.item_pdfs import pdf_pages
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.aggregate import aggregate
from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import DocumentInfo, PageExtraction
from invoiceflow.domain.pdf_text import document_text

TaxRow = tuple[str, str, str]  # rate, base, amount


def _sheet(rows: list[tuple[str, str]], amount_head: str = "Amount") -> tuple[Sheet, float]:
    """An invented vendor and customer, then a two-column item table; returns the y below it."""
    s = Sheet()
    s.put(40, 40, "Tarnwood Optics Ltd", size=16)
    s.put(40, 62, "7 Quarry Road, Falkirk")
    s.put(40, 120, "Velmora Trading SA")
    s.put(40, 134, "Rue du Lac 3")
    s.put(380, 120, "Invoice No. TW-5120")
    s.put(380, 134, "Date: 2026-03-11")
    s.put(40, 200, "Description")
    s.put(540, 200, amount_head, right=True)
    y = 220.0
    for description, amount in rows:
        s.put(40, y, description)
        s.put(540, y, amount, right=True)
        y += 16
    return s, y + 14


def _block(s: Sheet, y: float, rows: list[tuple[str, str]]) -> float:
    for label, value in rows:
        s.put(330, y, label)
        s.put(540, y, value, right=True)
        y += 16
    return y


def _totals(page: PageExtraction) -> tuple[str | None, str | None, str | None]:
    found = values(page)
    return found.get("totals.net"), found.get("totals.tax"), found.get("totals.gross")


def _tax_rows(page: PageExtraction) -> list[TaxRow]:
    return sorted(
        (f"{t.rate.normalize():f}" if t.rate is not None else "", str(t.base), str(t.amount))
        for t in page.tax_lines
    )


def test_rate_codes_of_a_summary_table_are_read_through_the_legend_below_it() -> None:
    s, y = _sheet([("Lens kit   A", "100.00"), ("Field guide   B", "50.00")])
    y = s.table(
        y,
        [(40, "Code", False), (250, "Net", True), (380, "VAT", True), (540, "Gross", True)],
        [["A", "100.00", "19.00", "119.00"], ["B", "50.00", "3.00", "53.00"]],
    )
    s.put(40, y + 6, "A = 19 % VAT   B = 6 % VAT")
    _block(s, y + 30, [("Net total", "150.00"), ("VAT total", "22.00"), ("Amount due", "172.00")])
    page = extract_page(s.page())
    assert _totals(page) == ("150.00", "22.00", "172.00")
    assert _tax_rows(page) == [("19", "100.00", "19.00"), ("6", "50.00", "3.00")]


def test_a_code_letter_without_a_legend_gives_no_rate() -> None:
    s, y = _sheet([("Lens kit", "100.00")])
    s.table(y, [(40, "Code", False), (250, "Net", True), (380, "VAT", True)], [["A", "100.00", "19.00"]])
    assert extract_page(s.page()).tax_lines == []


@pytest.mark.parametrize(
    ("header", "row"),
    [
        # Indian GST: CGST beside SGST at half the rate each, on one row of a summary under the items.
        (
            ["Taxable value", "CGST Rate", "CGST Amt", "SGST Rate", "SGST Amt"],
            ["10,000.00", "9%", "900.00", "9%", "900.00"],
        ),
        # Central and state tax under plain column heads.
        (
            ["Taxable", "Central %", "Amount", "State %", "Amount"],
            ["10,000.00", "9 %", "900.00", "9 %", "900.00"],
        ),
    ],
)
def test_two_taxes_on_one_row_are_two_tax_lines(header: list[str], row: list[str]) -> None:
    """The summary under the amount due, as Indian bills print it; no net printed but its bases."""
    s, y = _sheet([("Annual maintenance", "10,000.00")], "Amount (Rs)")
    y = _block(s, y, [("Invoice total", "11,800.00")])
    xs = [(40, False), (200, True), (290, True), (380, True), (470, True)]
    s.table(y + 20, [(x, h, right) for (x, right), h in zip(xs, header, strict=True)], [row])
    page = extract_page(s.page())
    assert _totals(page) == ("10000.00", "1800.00", "11800.00")
    assert _tax_rows(page) == [("9", "10000.00", "900.00"), ("9", "10000.00", "900.00")]


def test_a_tax_summary_row_and_the_totals_block_print_one_tax_once() -> None:
    s, y = _sheet([("Lens kit", "100.00")])
    y = s.table(
        y, [(40, "Rate", False), (250, "Net", True), (380, "Tax", True)], [["19 %", "100.00", "19.00"]]
    )
    _block(s, y + 14, [("Subtotal", "100.00"), ("VAT 19 %", "19.00"), ("Total", "119.00")])
    page = extract_page(s.page())
    assert _tax_rows(page) == [("19", "100.00", "19.00")]


@pytest.mark.parametrize(
    "header",
    [("Rate", "Gross", "Net", "VAT"), ("Satz", "Brutto", "Netto", "MwSt."), ("Taux", "TTC", "HT", "TVA")],
)
def test_a_small_tax_whose_rate_fits_gross_and_net_alike_takes_the_net_as_base(
    header: tuple[str, str, str, str],
) -> None:
    # 2.69 × 5 % and 2.56 × 5 % both round near 0.13: 2.56 + 0.13 = 2.69 says which is the base.
    s, y = _sheet([("Apples", "16.74"), ("Bread", "2.56")])
    xs = [(40, False), (250, True), (330, True), (410, True)]
    y = s.table(
        y + 10,
        [(x, h, right) for (x, right), h in zip(xs, header, strict=True)],
        [["21 %", "20.25", "16.74", "3.51"], ["5 %", "2.69", "2.56", "0.13"]],
    )
    _block(s, y + 14, [("Total", "22.94")])
    assert _tax_rows(extract_page(s.page())) == [("21", "16.74", "3.51"), ("5", "2.56", "0.13")]


def test_taxes_named_without_rates_are_one_line_each_at_the_rate_they_imply() -> None:
    s = Sheet()
    s.put(40, 40, "Tarnwood Optics Pvt Ltd", size=16)
    s.put(380, 120, "Invoice No. TW-5120")
    header = [
        (40, "Item", False),
        (200, "Taxable", True),
        (260, "CGST %", True),
        (320, "CGST", True),
        (380, "SGST %", True),
        (440, "SGST", True),
        (540, "Total", True),
    ]
    rows = [
        ["Pump", "6,000.00", "9", "540.00", "9", "540.00", "7,080.00"],
        ["Valve", "4,000.00", "9", "360.00", "9", "360.00", "4,720.00"],
    ]
    y = s.table(200, header, rows)
    _block(
        s,
        y + 14,
        [("Taxable Amount", "10,000.00"), ("CGST", "900.00"), ("SGST", "900.00"), ("Total", "11,800.00")],
    )
    page = extract_page(s.page())
    assert _totals(page) == ("10000.00", "1800.00", "11800.00")
    assert _tax_rows(page) == [("9", "10000.00", "900.00"), ("9", "10000.00", "900.00")]


def test_named_taxes_whose_implied_rates_are_not_plain_rates_stay_one_total_line() -> None:
    s, y = _sheet([("Lens kit", "150.00")])
    _block(
        s,
        y,
        [
            ("Net", "150.00"),
            ("VAT", "19.00"),
            ("Eco levy", "3.00"),
            ("Total VAT", "22.00"),
            ("Total", "172.00"),
        ],
    )
    page = extract_page(s.page())
    assert _totals(page) == ("150.00", "22.00", "172.00")
    assert all(t.amount != Decimal("19.00") for t in page.tax_lines)  # 19 / 150 is no rate anyone prints


@pytest.mark.parametrize(
    ("rows", "totals", "tax_rows"),
    [
        # A receipt: the tax column of its summary is headed "Steuer", no tax label the totals know.
        (
            [("A 19 %", "16,81", "3,19", "20,00")],
            ("16.81", "3.19", "20.00"),
            [("19", "16.81", "3.19")],
        ),
        (
            [("A 19 %", "5,04", "0,96", "6,00"), ("B 7 %", "13,08", "0,92", "14,00")],
            ("18.12", "1.88", "20.00"),
            [("19", "5.04", "0.96"), ("7", "13.08", "0.92")],
        ),
    ],
)
def test_a_receipt_summary_gives_the_tax_its_tax_column_has_no_label_for(
    rows: list[tuple[str, str, str, str]], totals: tuple[str, str, str], tax_rows: list[TaxRow]
) -> None:
    s, y = _sheet([("Kaffee", "14,00"), ("Becher", "6,00")], "EUR")
    y = _block(s, y, [("SUMME EUR", "20,00")])
    header = [(40, "MwSt", False), (250, "Netto", True), (380, "Steuer", True), (540, "Brutto", True)]
    s.table(y + 10, header, [list(r) for r in rows])
    page = extract_page(s.page())
    assert _totals(page) == totals
    assert _tax_rows(page) == tax_rows


def test_an_included_tax_printed_with_its_gross_has_the_gross_less_tax_as_base() -> None:
    s, y = _sheet([("Kaffee", "14,00"), ("Becher", "6,00")], "EUR")
    _block(
        s,
        y,
        [
            ("Gesamtbetrag", "20,00"),
            ("enthaltene MwSt. 19 % auf 6,00", "0,96"),
            ("enthaltene MwSt. 7 % auf 14,00", "0,92"),
        ],
    )
    page = extract_page(s.page())
    assert _totals(page) == ("18.12", "1.88", "20.00")
    assert _tax_rows(page) == [("19", "5.04", "0.96"), ("7", "13.08", "0.92")]


@pytest.mark.parametrize(
    ("label", "gross"),
    [("GST included", "$110.00"), ("IVA incluido", "110,00"), ("BTW inbegrepen", "110,00")],
)
def test_a_tax_marked_included_after_its_name_makes_the_net_gross_less_tax(label: str, gross: str) -> None:
    s, y = _sheet([("Service", gross)])
    _block(s, y, [("Total", gross), (label, gross.replace("110", "10"))])
    page = extract_page(s.page())
    assert _totals(page) == ("100.00", "10.00", "110.00")
    assert _tax_rows(page) == [("10", "100.00", "10.00")]


def test_nets_per_rate_without_a_net_total_add_up_to_the_net() -> None:
    s, y = _sheet([("Objektiv", "100,00"), ("Buch", "50,00")], "Betrag")
    rows = [
        ("Nettobetrag 19 %", "100,00"),
        ("Nettobetrag 7 %", "50,00"),
        ("MwSt. 19 %", "19,00"),
        ("MwSt. 7 %", "3,50"),
        ("Gesamtbetrag", "172,50"),
    ]
    _block(s, y, rows)
    page = extract_page(s.page())
    assert _totals(page) == ("150.00", "22.50", "172.50")
    assert _tax_rows(page) == [("19", "100.00", "19.00"), ("7", "50.00", "3.50")]


def test_nets_per_rate_in_column_heads_add_up_to_the_net() -> None:
    s, y = _sheet([("Objektiv", "100,00"), ("Buch", "50,00")], "Betrag")
    header = [
        (40, "", False),
        (150, "Netto 19 %", True),
        (240, "MwSt 19 %", True),
        (330, "Netto 7 %", True),
        (420, "MwSt 7 %", True),
        (540, "Brutto", True),
    ]
    s.table(y, header, [["Summe", "100,00", "19,00", "50,00", "3,50", "172,50"]])
    assert _totals(extract_page(s.page())) == ("150.00", "22.50", "172.50")


def test_total_after_tax_is_the_gross_and_total_before_tax_the_net() -> None:
    s, y = _sheet([("Annual maintenance", "10,000.00")], "Amount (Rs)")
    rows = [
        ("Total Amount Before Tax", "10,000.00"),
        ("Add: CGST @ 9%", "900.00"),
        ("Add: SGST @ 9%", "900.00"),
        ("Total Tax Amount", "1,800.00"),
        ("Total Amount After Tax", "11,800.00"),
    ]
    _block(s, y, rows)
    page = extract_page(s.page())
    assert _totals(page) == ("10000.00", "1800.00", "11800.00")
    assert _tax_rows(page) == [("9", "10000.00", "900.00"), ("9", "10000.00", "900.00")]


@pytest.mark.parametrize("label", ["Round off", "Rounded off", "Round-off"])
def test_a_round_off_line_closes_the_gap_between_net_plus_tax_and_the_total(label: str) -> None:
    s, y = _sheet([("Annual maintenance", "10,000.40")], "Amount (Rs)")
    _block(
        s,
        y,
        [
            ("Taxable amount", "10,000.40"),
            ("IGST @ 18%", "1,800.07"),
            (label, "-0.47"),
            ("Total", "11,800.00"),
        ],
    )
    assert _totals(extract_page(s.page())) == ("10000.40", "1800.07", "11800.00")


def _iban(put: list[tuple[float, float, str]]) -> str | None:
    s, y = _sheet([("Lens kit", "100.00")])
    _block(s, y, [("Net", "100.00"), ("VAT 20 %", "20.00"), ("Total", "120.00")])
    for x, top, text in put:
        s.put(x, top, text)
    return values(extract_page(s.page())).get("issuer.iban")


@pytest.mark.parametrize(
    ("put", "expected"),
    [
        # Dotted or hyphenated groups under a bank's name or a bank heading, no "IBAN" on their line.
        (
            [(40, 740, "Raiffeisenbank Ems eG"), (40, 752, "DE89.3704.0044.0532.0130.00")],
            "DE89370400440532013000",
        ),
        (
            [
                (40, 740, "Bank details"),
                (40, 752, "NatWest, Leeds"),
                (40, 764, "GB29-NWBK-6016-1331-9268-19"),
            ],
            "GB29NWBK60161331926819",
        ),
        # A bank block's heading before an IBAN whose country code stands apart from its check digits.
        ([(40, 760, "Bankverbindung DE 89 3704 0044 0532 0130 00")], "DE89370400440532013000"),
        (
            [(40, 760, "Coordonnées bancaires FR 76 3000 6000 0112 3456 7890 189")],
            "FR7630006000011234567890189",
        ),
    ],
)
def test_ibans_under_a_bank_heading_are_found(put: list[tuple[float, float, str]], expected: str) -> None:
    assert _iban(put) == expected


@pytest.mark.parametrize(
    ("put", "expected"),
    [
        # Wrapped in a narrow column, the rest under the label.
        ([(300, 740, "IBAN: DE89 3704 0044"), (300, 752, "0532 0130 00")], "DE89370400440532013000"),
        # The rest under the IBAN, right of its label.
        (
            [(300, 740, "IBAN:"), (340, 740, "DE89 3704 0044"), (340, 752, "0532 0130 00")],
            "DE89370400440532013000",
        ),
        # A sentence that wraps inside the IBAN.
        (
            [
                (40, 700, "Please transfer the amount within 14 days to our account IBAN GB29 NWBK 6016"),
                (40, 712, "1331 9268 19 quoting the invoice number."),
            ],
            "GB29NWBK60161331926819",
        ),
    ],
)
def test_an_iban_wrapped_after_its_label_is_joined_with_its_rest(
    put: list[tuple[float, float, str]], expected: str
) -> None:
    assert _iban(put) == expected


@pytest.mark.parametrize(
    "put",
    [
        [(40, 760, "IBAN: FR76 **** **** **** **** **** 189")],
        [(40, 748, "Kontonummer: 532013000"), (40, 760, "Bankleitzahl: 37040044")],
        # A wrapped number whose checksum fails is no IBAN.
        [(300, 740, "IBAN: DE89 3704 0044"), (300, 752, "0532 0130 01")],
        [(40, 764, "Bank details"), (40, 776, "DE89.3704.0044.0532.0130.01")],
    ],
)
def test_masked_national_or_invalid_account_numbers_give_no_iban(put: list[tuple[float, float, str]]) -> None:
    assert _iban(put) is None


def test_a_real_pdf_with_a_gst_row_and_a_wrapped_iban() -> None:
    texts = [
        (40, 40, "Tarnwood Optics Pvt Ltd", "l", True),
        (380, 100, "Invoice No. TW-5120", "l", False),
        (380, 112, "Date: 11/03/2026", "l", False),
        (40, 200, "Description", "l", True),
        (540, 200, "Amount", "r", True),
        (40, 216, "Lens calibration", "l", False),
        (540, 216, "20,000.00", "r", False),
        (40, 250, "Taxable value", "l", True),
        (230, 250, "CGST Rate", "r", True),
        (310, 250, "CGST Amt", "r", True),
        (390, 250, "SGST Rate", "r", True),
        (470, 250, "SGST Amt", "r", True),
        (40, 264, "20,000.00", "l", False),
        (230, 264, "6%", "r", False),
        (310, 264, "1,200.00", "r", False),
        (390, 264, "6%", "r", False),
        (470, 264, "1,200.00", "r", False),
        (330, 300, "Total tax", "l", False),
        (540, 300, "2,400.00", "r", False),
        (330, 314, "Invoice total", "l", False),
        (540, 314, "22,400.00", "r", False),
        (300, 700, "IBAN: GB29 NWBK 6016", "l", False),
        (300, 711, "1331 9268 19", "l", False),
    ]
    (page_text,) = document_text(pdf_pages([texts]))
    page = extract_page(page_text)
    assert _totals(page) == ("20000.00", "2400.00", "22400.00")
    assert _tax_rows(page) == [("6", "20000.00", "1200.00"), ("6", "20000.00", "1200.00")]
    assert values(page).get("issuer.iban") == "GB29NWBK60161331926819"


def test_a_summary_tables_unlabelled_totals_row_is_not_summed_with_its_rows() -> None:
    s, y = _sheet([("Lens kit", "100.00"), ("Field guide", "50.00")])
    header = [(40, "VAT %", False), (250, "Net", True), (380, "VAT", True), (540, "Gross", True)]
    rows = [
        ["19", "100.00", "19.00", "119.00"],
        ["6", "50.00", "3.00", "53.00"],
        ["", "150.00", "22.00", "172.00"],
    ]
    s.table(y, header, rows)
    page = extract_page(s.page())
    invoice = aggregate(DocumentInfo(sha256="ab" * 32, filename="t.pdf", page_count=1), [page])
    assert (invoice.totals.net, invoice.totals.tax, invoice.totals.gross) == (
        Decimal("150.00"),
        Decimal("22.00"),
        Decimal("172.00"),
    )
    assert _tax_rows(page) == [("19", "100.00", "19.00"), ("6", "50.00", "3.00")]


@pytest.mark.parametrize(
    ("rows", "amount_head"),
    [
        # Danish and Norwegian amounts spell "beløb" / "beløp": the "ø" folds like the label tables' "o".
        (
            [("Beløb ekskl. moms", "1.000,00"), ("Momsbeløb 25 %", "250,00"), ("Totalbeløb", "1.250,00")],
            "Beløb",
        ),
        ([("Beløp eks. mva", "1 000,00"), ("Mva-beløp 25 %", "250,00"), ("Å betale", "1 250,00")], "Beløp"),
    ],
)
def test_nordic_amount_labels_with_o_slash_are_read(rows: list[tuple[str, str]], amount_head: str) -> None:
    s, y = _sheet([("Rådgivning", rows[0][1])], amount_head)
    _block(s, y, rows)
    page = extract_page(s.page())
    assert _totals(page) == ("1000.00", "250.00", "1250.00")
    assert _tax_rows(page) == [("25", "1000.00", "250.00")]


@pytest.mark.parametrize("label", ["Gross amount", "Gross total", "Gross"])
def test_a_gross_label_wins_over_the_item_tables_total_row(label: str) -> None:
    s, y = _sheet([("Service", "1,000.00")])
    s.put(40, y - 14, "Total")
    s.put(540, y - 14, "1,000.00", right=True)
    s.put(40, y + 20, "Gross weight 12.50 kg")
    _block(s, y + 40, [("VAT 20%", "200.00"), (label, "1,200.00")])
    assert _totals(extract_page(s.page())) == ("1000.00", "200.00", "1200.00")


@pytest.mark.parametrize(
    ("customer", "ours", "expected"),
    [
        (
            "Your bank details: IBAN DE02 1203 0000 0000 2020 51 (direct debit)",
            "Our bank: NatWest, IBAN GB29 NWBK 6016 1331 9268 19",
            "GB29NWBK60161331926819",
        ),
        (
            "Vos coordonnées bancaires : DE02 1203 0000 0000 2020 51",
            "Nos coordonnées bancaires : IBAN FR76 3000 6000 0112 3456 7890 189",
            "FR7630006000011234567890189",
        ),
    ],
)
def test_the_customers_bank_details_printed_first_leave_the_issuers_iban(
    customer: str, ours: str, expected: str
) -> None:
    assert _iban([(40, 680, customer), (40, 760, ours)]) == expected
