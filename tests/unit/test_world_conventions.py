"""Party and tax conventions of real invoices, on invented pages (issue #4): a person reached "care of" a
company in several languages, a date label whose neighbour below is another label, the sender's
information block (number, dates, VAT id) beside the recipient's address, tax summaries whose rate column
is headed by a bare "%" / "Satz" / "Rate" (with a zero-rated row), and "Total base" as the net's label.
Names, numbers and arrangements are our own; none is copied from a document."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import PageExtraction

SELLER_VAT_PRINTED, SELLER_VAT = "FR 47 640 362 810", "FR47640362810"
BUYER_VAT_PRINTED, BUYER_VAT = "CHE-769.460.332 MWST", "CHE769460332MWST"


def _tax_lines(result: PageExtraction) -> set[tuple[Decimal | None, Decimal | None, Decimal | None]]:
    return {(t.rate, t.base, t.amount) for t in result.tax_lines}


def _items(s: Sheet, y: float, head: tuple[str, str], rows: list[tuple[str, str]]) -> float:
    return s.table(y, [(40, head[0], False), (540, head[1], True)], [list(row) for row in rows])


# (person, care-of line, street, town, title, number label, number) per language: an unlabelled window
# block whose first line is a person and whose second names the company the letter goes through.
CARE_OF = {
    "it": ("Sig.ra Giulia Conti", "presso Ferramenta Lodi S.n.c.", "Via Garibaldi 12", "26900 Lodi",
           "Fattura", "Fattura n.", "2025/118"),
    "fr": ("Mme Agathe Rolland", "aux bons soins de Garage Morvan SARL", "12 rue des Forges", "29000 Quimper",
           "Facture", "Facture n°", "F-3391"),
    "nl": ("Dhr. Bram Visser", "p/a Kwekerij Zonnehoek B.V.", "Dorpsstraat 4", "1741 AB Schagen",
           "Factuur", "Factuurnr.", "2025-0412"),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(CARE_OF))
def test_a_person_care_of_a_company_is_the_recipient(language: str) -> None:
    person, care_of, street, town, title, number_label, number = CARE_OF[language]
    s = Sheet()
    s.put(330, 40, "Orvanne Atelier SAS", size=15)
    s.put(330, 60, "Quai Perrache 8 · 69002 Lyon", size=8)
    s.put(60, 128, "Orvanne Atelier SAS · Quai Perrache 8 · 69002 Lyon", size=6.5)
    for n, text in enumerate((person, care_of, street, town)):
        s.put(60, 142 + 13 * n, text)
    s.put(360, 142, number_label)
    s.put(450, 142, number)
    s.put(40, 240, f"{title} {number}", size=12)
    _items(s, 270, ("Description", "Total"), [("Consulting", "500,00")])
    name = values(extract_page(s.page())).get("recipient.name")
    assert name in {person, person.split(" ", 1)[1]}


@pytest.mark.parametrize(
    ("date_label", "order_label", "number_label"),
    [
        ("Date", "Order no.", "Invoice no."),
        ("Data", "Ordine n.", "Fattura n."),
        ("Datum", "Bestellnr.", "Rechnungsnr."),
    ],
)
def test_a_date_label_with_its_date_beside_it_is_not_joined_to_the_label_below(
    date_label: str, order_label: str, number_label: str
) -> None:
    # Label cells stacked at one left edge, values in the column right of them: the date label is whole.
    s = Sheet()
    s.put(40, 40, "Kestrel Marine Supplies Ltd", size=15)
    for n, (label, value) in enumerate(
        ((number_label, "77120"), (date_label, "14.03.2025"), (order_label, "55120"))
    ):
        s.put(340, 100 + 14 * n, label)
        s.put(440, 100 + 14 * n, value)
    _items(s, 220, ("Description", "Amount"), [("Rope, 50 m", "120.00")])
    assert values(extract_page(s.page())).get("issue_date") == "2025-03-14"


def _info_block_page(vat_label: str, vat_printed: str, *, vat_row: int) -> dict[str, str]:
    """The recipient's address under "Client" at the left, the sender's information block at the right
    on the same lines: number, dates and a VAT id in the row ``vat_row``."""
    s = Sheet()
    s.put(40, 40, "Orvanne Papeterie SAS", size=16)
    s.put(40, 62, "5 place Bellecour · 69002 Lyon", size=8)
    rows = [("Invoice no.", "INV-2207"), ("Invoice date", "03/02/2025"), ("Due date", "05/03/2025")]
    rows.insert(vat_row, (vat_label, vat_printed))
    left = ["Client", "Lumo Werkstatt AG", "Rheinweg 14", "4058 Basel", "Switzerland"]
    for n in range(max(len(left), len(rows))):
        if n < len(left):
            s.put(40, 110 + 14 * n, left[n], size=11 if n == 0 else None)
        if n < len(rows):
            s.put(330, 110 + 14 * n, rows[n][0])
            s.put(430, 110 + 14 * n, rows[n][1])
    _items(s, 220, ("Description", "Amount"), [("Letterpress cards", "480.00")])
    return values(extract_page(s.page()))


@pytest.mark.parametrize("vat_row", [0, 2, 3])
def test_the_vat_id_of_an_information_block_beside_the_address_is_the_issuers(vat_row: int) -> None:
    found = _info_block_page("VAT reg. no.", SELLER_VAT_PRINTED, vat_row=vat_row)
    assert found.get("issuer.vat_id") == SELLER_VAT
    assert found.get("recipient.vat_id") is None


def test_an_information_block_row_naming_the_customer_keeps_the_id_the_recipients() -> None:
    found = _info_block_page("Your VAT no.", BUYER_VAT_PRINTED, vat_row=3)
    assert found.get("recipient.vat_id") == BUYER_VAT
    assert found.get("issuer.vat_id") != BUYER_VAT


def _summary_page(
    head: list[tuple[float, str, bool]], rows: list[list[str]], totals: list[tuple[str, str]]
) -> PageExtraction:
    s = Sheet()
    s.put(40, 40, "Pichlmayr Feinkost GmbH", size=15)
    s.put(330, 90, "Rechnung Nr. 2025-311")
    _items(s, 140, ("Artikel", "Betrag"), [("Kürbiskernöl 0,5 l", "240,00"), ("Bergkäse 1 kg", "300,00")])
    bottom = s.table(240, head, rows)
    for n, (label, value) in enumerate(totals):
        s.put(330, bottom + 10 + 14 * n, label)
        s.put(545, bottom + 10 + 14 * n, value, right=True)
    return extract_page(s.page())


def test_a_rate_column_headed_by_a_bare_percent_sign_beside_a_tax_column() -> None:
    result = _summary_page(
        [(40, "%", False), (160, "Netto", True), (240, "MwSt.", True), (320, "Brutto", True)],
        [["20", "240,00", "48,00", "288,00"], ["10", "300,00", "30,00", "330,00"]],
        [("Gesamtbetrag", "618,00")],
    )
    assert _tax_lines(result) == {
        (Decimal(20), Decimal("240.00"), Decimal("48.00")),
        (Decimal(10), Decimal("300.00"), Decimal("30.00")),
    }


def test_a_zero_rated_row_of_a_rate_summary_is_a_tax_line_of_its_own() -> None:
    result = _summary_page(
        [(40, "Rate", False), (160, "Net", True), (240, "Tax", True)],
        [["20.00", "240.00", "48.00"], ["0.00", "300.00", "0.00"]],
        [("Net total", "540.00"), ("Tax total", "48.00"), ("Amount payable", "588.00")],
    )
    assert _tax_lines(result) == {
        (Decimal(20), Decimal("240.00"), Decimal("48.00")),
        (Decimal(0), Decimal("300.00"), Decimal("0.00")),
    }


@pytest.mark.parametrize("label", ["Totale base imponibile", "Total bases imponibles", "Total base"])
def test_total_base_under_a_rate_summary_is_the_net(label: str) -> None:
    result = _summary_page(
        [(40, "Aliquota", False), (160, "Imponibile", True), (240, "Imposta", True), (320, "Totale", True)],
        [["22,00", "240,00", "52,80", "292,80"], ["4,00", "300,00", "12,00", "312,00"]],
        [(label, "540,00"), ("Totale IVA", "64,80"), ("Totale da pagare", "604,80")],
    )
    found = values(result)
    assert (found.get("totals.net"), found.get("totals.tax"), found.get("totals.gross")) == (
        "540.00",
        "64.80",
        "604.80",
    )


def test_item_rows_carrying_their_rate_give_the_bases_of_a_taxed_and_a_zero_rated_line() -> None:
    # Neither the summary nor the totals print a base; each row prints its rate (one row zero-rated).
    s = Sheet()
    s.put(40, 40, "Drukkerij Vlietzicht B.V.", size=15)
    s.put(330, 90, "Factuurnummer 2025-0912")
    s.table(
        140,
        [(40, "Omschrijving", False), (330, "Btw", True), (420, "Aantal", True), (540, "Bedrag", True)],
        [
            ["Folders A5, 500 st.", "21%", "1", "180,00"],
            ["Verzending buitenland", "0%", "1", "45,00"],
            ["Visitekaartjes", "21%", "2", "40,00"],
        ],
    )
    for n, (label, value) in enumerate(
        (("Totaal excl. btw", "265,00"), ("Btw 21%", "46,20"), ("Btw 0%", "0,00"), ("Te betalen", "311,20"))
    ):
        s.put(330, 240 + 14 * n, label)
        s.put(545, 240 + 14 * n, value, right=True)
    assert _tax_lines(extract_page(s.page())) == {
        (Decimal(21), Decimal("220.00"), Decimal("46.20")),
        (Decimal(0), Decimal("45.00"), Decimal("0.00")),
    }


def test_rates_printed_in_item_rows_only_round_each_rates_tax_once_when_that_makes_the_total() -> None:
    # 21 % of 1.050,50 + 1.050,50 is 441,21 rounded once; rows rounded one by one would give 441,22.
    s = Sheet()
    s.put(40, 40, "Vidrieria Almansa S.L.", size=15)
    s.put(330, 90, "Factura nº 2025-771")
    s.table(
        140,
        [
            (40, "Concepto", False),
            (260, "Cant.", True),
            (340, "Precio", True),
            (370, "", False),
            (540, "Importe", True),
        ],
        [
            ["Mampara de ducha", "1", "1.050,50", "IVA 21 %", "1.050,50"],
            ["Espejo biselado", "2", "525,25", "IVA 21 %", "1.050,50"],
            ["Guía de montaje", "4", "25,00", "IVA 4 %", "100,00"],
        ],
    )
    for n, (label, value) in enumerate(
        (("Base imponible", "2.201,00"), ("IVA", "445,21"), ("Total factura", "2.646,21"))
    ):
        s.put(330, 220 + 14 * n, label)
        s.put(545, 220 + 14 * n, value, right=True)
    assert _tax_lines(extract_page(s.page())) == {
        (Decimal(21), Decimal("2101.00"), Decimal("441.21")),
        (Decimal(4), Decimal("100.00"), Decimal("4.00")),
    }


@pytest.mark.parametrize(
    "note",
    [
        "Operazione in regime forfettario, senza applicazione dell'IVA.",
        "Umsatzsteuerbefreit nach § 4 Nr. 14 UStG.",
        "Fuori campo IVA ai sensi dell'art. 2.",
        "Not registered for VAT: no VAT is added.",
        "Kleineondernemersregeling: geen btw in rekening gebracht.",
    ],
)
def test_an_exemption_note_makes_the_lone_total_the_net_with_no_tax(note: str) -> None:
    s = Sheet()
    s.put(40, 40, "Studio Ilaria Pavan", size=15)
    s.put(330, 90, "Invoice 2025/44")
    s.table(140, [(40, "Description", False), (540, "Amount", True)], [["Editing, 12 h", "540,00"]])
    s.put(330, 190, "Totale")
    s.put(545, 190, "540,00", right=True)
    s.put(40, 220, note)
    found = values(extract_page(s.page()))
    assert found.get("totals.net") == "540.00"
    assert found.get("totals.gross") == "540.00"
