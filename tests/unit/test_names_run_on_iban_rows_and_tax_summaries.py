"""Names that run on into more text on their line (a letterhead or return-address strip joined by "·",
"|", "•" or a dash, an address after a comma, a c/o or attention tail, a customer number), IBANs printed
in bank rows and tables, and totals blocks with VAT summaries, withholding and payments: hand-placed
pages of invented vendors."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.layout import clean
from invoiceflow.domain.extraction.party_names import name_head


def _items(s: Sheet, y: float = 320) -> None:
    s.table(
        y,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Consulting services", "1", "100.00", "100.00"]],
    )


def _totals(s: Sheet, y: float, rows: list[tuple[str, str]]) -> None:
    for n, (label, value) in enumerate(rows):
        s.put(470, y + 13 * n, label, right=True)
        s.put(555, y + 13 * n, value, right=True)


# --- names that run on ----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [16, 9])
@pytest.mark.parametrize(
    ("letterhead", "name"),
    [
        ("Brandt Kältetechnik GmbH · Hafenweg 3 · 28197 Bremen", "Brandt Kältetechnik GmbH"),
        ("Corrib Print Ltd | Company No. 634411 | VAT IE6388047V", "Corrib Print Ltd"),
        ("Atelier Sonnenfeld • Grafik und Satz seit 1998", "Atelier Sonnenfeld"),
        ("Atelier Sonnenfeld – Lindenallee 4, 20095 Hamburg", "Atelier Sonnenfeld"),
        ("Quayside Joinery Ltd, 14 Mill Street, Leeds LS1 4AB", "Quayside Joinery Ltd"),
    ],
)
def test_a_letterhead_line_that_runs_on_gives_only_the_name(letterhead: str, name: str, size: int) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, letterhead, size=size)
    s.put(40, 130, "Bill to:")
    s.put(40, 142, "Harbor Foods Ltd")
    s.put(40, 154, "12 Quay Street, Galway H91 X2Y3")
    _items(s)
    assert values(extract_page(s.page()))["issuer.name"] == name


@pytest.mark.parametrize("label", ["Bill to:", ""])
@pytest.mark.parametrize(
    "lines",
    [
        ["Harbor Foods Ltd · z. Hd. Frau Kessler", "12 Quay Street", "Galway H91 X2Y3"],
        ["Harbor Foods Ltd, c/o Regus Business Centre", "12 Quay Street", "Galway H91 X2Y3"],
        ["Harbor Foods Ltd (Customer No. 40021)", "12 Quay Street", "Galway H91 X2Y3"],
        ["Harbor Foods Ltd Kd.-Nr. 40021", "12 Quay Street", "Galway H91 X2Y3"],
        ["Harbor Foods Ltd, 12 Quay Street", "Galway H91 X2Y3"],
        ["Harbor Foods Ltd – Einkauf", "12 Quay Street", "Galway H91 X2Y3"],
    ],
)
def test_a_recipient_name_line_that_runs_on_gives_only_the_name(lines: list[str], label: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Blueline Systems GmbH", size=18)
    s.put(40, 50, "Werkstr. 5, 10115 Berlin")
    s.put(40, 130, label)
    for n, text in enumerate(lines):
        s.put(40, 142 + 12 * n, text)
    _items(s)
    assert values(extract_page(s.page()))["recipient.name"] == "Harbor Foods Ltd"


@pytest.mark.parametrize(
    "name",
    [
        "Müller-Lüdenscheidt Bau",
        "Smith - Jones",
        "ABC Trading Co., Ltd.",
        "Müller, Schmidt & Partner",
        "Studio 54 Events",
        "Acme (UK) Ltd",
        "Flat 4, 27 Mill Lane",
    ],
)
def test_a_name_without_a_run_on_stays_whole(name: str) -> None:
    assert name_head(name) == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Müller Elektrotechnik Meisterbetrieb", "Müller Elektrotechnik"),
        ("Bäckerei Korn Inh. Anna Korn", "Bäckerei Korn"),
        ("Rossi Impianti titolare Marco Rossi", "Rossi Impianti"),
        ("Müller Elektrotechnik e.K. – Meisterbetrieb", "Müller Elektrotechnik e.K."),
        ("Fachbetrieb Schulz", "Fachbetrieb Schulz"),
    ],
)
def test_a_trade_or_owner_line_run_on_after_the_name_is_not_the_names(line: str, name: str) -> None:
    assert name_head(line) == name


@pytest.mark.parametrize("label", ["Bill To / Ship To", "Ship & bill to", "Bill to and ship to"])
def test_a_joint_billing_and_delivery_label_is_one_label(label: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Blueline Systems GmbH", size=18)
    s.put(40, 130, label)
    for n, text in enumerate(["Harbor Foods Ltd", "12 Quay Street", "Galway H91 X2Y3"]):
        s.put(40, 142 + 12 * n, text)
    _items(s)
    assert values(extract_page(s.page()))["recipient.name"] == "Harbor Foods Ltd"


def test_a_person_over_the_company_under_a_return_address_line_gives_the_company() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Blueline Systems GmbH", size=18)
    s.put(40, 100, "Blueline Systems GmbH · Werkstr. 5 · 10115 Berlin", size=6)
    for n, text in enumerate(["Herrn", "Thomas Krüger", "Krüger Bau GmbH", "Am Markt 3", "04109 Leipzig"]):
        s.put(40, 112 + 11 * n, text)
    _items(s)
    found = values(extract_page(s.page()))
    assert (found["recipient.name"], found["issuer.name"]) == ("Krüger Bau GmbH", "Blueline Systems GmbH")


# --- IBANs in bank tables -------------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["IBAN", "Kontonummer", "Tilinumero"])
@pytest.mark.parametrize(
    "printed",
    ["FI 21 1234 5600 0007 85", "FI21-1234-5600-0007-85", "FI 2112345600000785", "fi21 1234 5600 0007 85"],
)
def test_an_iban_under_its_label_in_a_bank_table_header_row(label: str, printed: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Pohjola Design Oy", size=16)
    s.put(40, 130, "Bill to:")
    s.put(40, 142, "Harbor Foods Ltd")
    _items(s)
    for x, head, value in [(40, "Bank", "Nordea"), (150, label, printed), (330, "BIC", "NDEAFIHH")]:
        s.put(x, 750, head, size=7)
        s.put(x, 760, value, size=7)
    found = values(extract_page(s.page()))
    assert (found["issuer.iban"], found["issuer.bic"]) == ("FI2112345600000785", "NDEAFIHH")


def test_a_spaced_iban_under_another_columns_label_is_not_taken() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Pohjola Design Oy", size=16)
    s.put(40, 130, "Bill to:")
    s.put(40, 142, "Harbor Foods Ltd")
    _items(s)
    s.put(40, 750, "IBAN", size=7)
    s.put(330, 750, "Reference", size=7)
    s.put(330, 760, "FI 21 1234 5600 0007 85", size=7)  # checksum-valid, but not under the IBAN head
    assert "issuer.iban" not in values(extract_page(s.page()))


# --- totals ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["Withholding tax 15%", "Withholding 15 %", "Retención IRPF 15%"])
def test_a_withheld_tax_is_not_part_of_the_tax_total(label: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Blueline Systems SL", size=18)
    s.put(40, 130, "Bill to:")
    s.put(40, 142, "Harbor Foods Ltd")
    s.table(
        320,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Consulting services", "1", "1000.00", "1000.00"]],
    )
    _totals(
        s, 380, [("Subtotal", "1000.00"), ("VAT 21%", "210.00"), (label, "-150.00"), ("Total due", "1060.00")]
    )
    result = extract_page(s.page())
    found = values(result)
    assert (found["totals.net"], found["totals.tax"]) == ("1000.00", "210.00")
    assert [(t.rate, t.amount) for t in result.tax_lines] == [(21, 210)]


def test_a_vat_summary_of_two_rates_and_the_amount_due_give_the_net_from_its_bases() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Blueline Systems GmbH", size=18)
    s.put(40, 130, "Bill to:")
    s.put(40, 142, "Harbor Foods Ltd")
    s.table(
        320,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Consulting", "1", "100.00", "100.00"], ["Books", "1", "50.00", "50.00"]],
    )
    rows = [["VAT %", "Taxable", "VAT"], ["19 %", "100.00", "19.00"], ["7 %", "50.00", "3.50"]]
    rows.append(["Total", "150.00", "22.50"])
    for n, row in enumerate(rows):
        for x, text in zip((200, 300, 400), row, strict=True):
            s.put(x, 400 + 12 * n, text, right=True)
    _totals(s, 470, [("Total due", "172.50")])
    result = extract_page(s.page())
    found = values(result)
    assert (found["totals.net"], found["totals.tax"], found["totals.gross"]) == ("150.00", "22.50", "172.50")
    assert sorted((t.rate, t.base, t.amount) for t in result.tax_lines) == [(7, 50, 3.5), (19, 100, 19)]


@pytest.mark.parametrize(
    "label",
    [
        "TDS @ 10%",
        "Less: TDS 10%",
        "WHT 5%",
        "EWT 2%",
        "Tax withheld 5%",
        "Retenção na fonte 25%",
        "IRS retido 25%",
        "Kildeskat 5%",
        "Bronheffing 5%",
    ],
)
def test_taxes_withheld_at_source_in_more_wordings_are_neither_tax_nor_tax_lines(label: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Blueline Systems Ltd", size=18)
    s.put(40, 130, "Bill to:")
    s.put(40, 142, "Harbor Foods Ltd")
    s.table(
        320,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Consulting services", "1", "1000.00", "1000.00"]],
    )
    _totals(
        s, 380, [("Subtotal", "1000.00"), ("VAT 20%", "200.00"), (label, "-50.00"), ("Total due", "1150.00")]
    )
    result = extract_page(s.page())
    assert (values(result)["totals.net"], values(result)["totals.tax"]) == ("1000.00", "200.00")
    assert [(t.rate, t.amount) for t in result.tax_lines] == [(20, 200)]


@pytest.mark.parametrize(
    ("net_label", "tax_label", "gross_label"),
    [
        ("Total amount", "VAT 20%", "Total amount incl. VAT"),
        ("Importe total", "IVA 20%", "Importe total IVA incluido"),
        ("Totaal bedrag", "BTW 20%", "Totaal bedrag incl. BTW"),
        ("Importo totale", "IVA 20%", "Importo totale IVA inclusa"),
        ("Yhteensä", "ALV 20 %", "Yhteensä sis. ALV"),
    ],
)
def test_a_total_naming_its_tax_as_included_is_the_gross_below_a_plain_total_that_is_the_net(
    net_label: str, tax_label: str, gross_label: str
) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Blueline Systems Ltd", size=18)
    s.put(40, 130, "Bill to:")
    s.put(40, 142, "Harbor Foods Ltd")
    _items(s)
    _totals(s, 380, [(net_label, "100.00"), (tax_label, "20.00"), (gross_label, "120.00")])
    found = values(extract_page(s.page()))
    assert (found["totals.net"], found["totals.tax"], found["totals.gross"]) == ("100.00", "20.00", "120.00")


def _rate_rows(s: Sheet, rate_head: str, rows: list[list[str]]) -> None:
    header = [(40, "Description", False), (330, "Qty", True), (400, "Price", True), (450, rate_head, True)]
    if len(rows[0]) == 6:
        header.append((500, "VAT", True))
    s.table(300, [*header, (555, "Amount", True)], rows)


def _page_with(rows: list[list[str]], rate_head: str, totals: list[tuple[str, str]], note: str = "") -> Sheet:
    s = Sheet(font_size=9)
    s.put(40, 30, "Blueline Systems GmbH", size=18)
    s.put(40, 130, "Bill to:")
    s.put(40, 142, "Harbor Foods Ltd")
    _rate_rows(s, rate_head, rows)
    if note:
        s.put(40, 370, note)
    _totals(s, 400, totals)
    return s


def test_a_vat_column_of_bare_numbers_with_the_rows_tax_gives_a_line_per_rate() -> None:
    rows = [
        ["Consulting", "1", "100.00", "19", "19.00", "100.00"],
        ["Book", "1", "50.00", "7", "3.50", "50.00"],
    ]
    result = extract_page(
        _page_with(rows, "VAT %", [("Net", "150.00"), ("VAT", "22.50"), ("Total", "172.50")]).page()
    )
    assert sorted((t.rate, t.base, t.amount) for t in result.tax_lines) == [(7, 50, 3.5), (19, 100, 19)]


def test_item_rates_without_the_rows_tax_give_net_tax_and_lines_when_they_make_the_amount_due() -> None:
    rows = [["Consulting", "1", "100.00", "19%", "100.00"], ["Book", "1", "50.00", "7%", "50.00"]]
    result = extract_page(_page_with(rows, "VAT", [("Total", "172.50")]).page())
    found = values(result)
    assert (found["totals.net"], found["totals.tax"], found["totals.gross"]) == ("150.00", "22.50", "172.50")
    assert sorted((t.rate, t.base, t.amount) for t in result.tax_lines) == [(7, 50, 3.5), (19, 100, 19)]


def test_item_rates_that_do_not_make_the_amount_due_give_no_net_or_tax() -> None:
    rows = [["Consulting", "1", "100.00", "19%", "100.00"], ["Book", "1", "50.00", "7%", "50.00"]]
    result = extract_page(_page_with(rows, "VAT", [("Total", "180.00")]).page())
    assert "totals.net" not in values(result)
    assert result.tax_lines == []


def test_no_rate_is_implied_from_net_and_tax_when_the_page_prints_two_rates() -> None:
    rows = [["Consulting", "1", "100.00", "A", "100.00"], ["Book", "1", "50.00", "B", "50.00"]]
    totals = [("Net", "150.00"), ("VAT", "22.50"), ("Total", "172.50")]
    result = extract_page(_page_with(rows, "Code", totals, note="A = 19 % VAT   B = 7 % VAT").page())
    assert values(result)["totals.tax"] == "22.50"
    assert result.tax_lines == []  # 15 % (22.50 / 150.00) is neither of the invoice's rates


def test_a_rate_printed_on_its_own_line_gives_the_tax_line_even_with_two_decimals() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Lone Star Signs LLC", size=18)
    s.put(40, 130, "Bill to:")
    s.put(40, 142, "Harbor Foods Inc.")
    _items(s)
    _totals(
        s, 380, [("Subtotal", "100.00"), ("Tax rate", "8.25%"), ("Sales tax", "8.25"), ("Total", "108.25")]
    )
    result = extract_page(s.page())
    assert [(t.rate, t.base, t.amount) for t in result.tax_lines] == [(8.25, 100, 8.25)]


@pytest.mark.parametrize("space", ["\u2002", "\u2003", "\u2006", "\u200a"])
def test_typographic_spaces_are_spaces_of_the_same_length(space: str) -> None:
    # PDFs group IBANs with en or hair spaces; offsets into the text index the characters' boxes.
    printed = space.join(["FI21", "1234", "5600", "0007", "85"])
    assert clean(printed) == "FI21 1234 5600 0007 85"
