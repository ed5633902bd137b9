"""Net line amounts that only the whole document can settle: multi-page tables of line totals incl. tax
(mixed rates, no rate or tax column on the row) and single-row pages of such tables, where no page holds
both the rows and a net total they add up to; and "list price | disc % | net price" tables without a net
amount column. Invented vendors in German, French and Dutch; pages extracted from placed words, then
merged by the same ``aggregate`` every engine calls."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from reportlab.pdfgen import canvas
from tests.unit.sheets import Sheet

from invoiceflow.domain.aggregate import aggregate
from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import (
    AggregatedInvoice,
    DocumentInfo,
    FieldValue,
    LineItem,
    OcrMode,
    PageExtraction,
    PageLineItem,
    TaxLine,
    TextSource,
)
from invoiceflow.domain.pipeline import extract_invoice

Row = tuple[str, Decimal | None, Decimal | None, Decimal | None]
Header = list[tuple[float, str, bool]]


def d(text: str) -> Decimal:
    return Decimal(text)


def items(invoice: AggregatedInvoice | PageExtraction) -> list[Row]:
    return [(i.description, i.quantity, i.unit_price, i.amount) for i in invoice.line_items]


def table_page(
    number: int,
    head: list[str],
    header: Header,
    rows: list[list[str]],
    totals: list[tuple[str, str]] | None = None,
) -> PageExtraction:
    """One page: head lines (vendor, number, date) on the first page, the table, totals on the last."""
    s = Sheet(font_size=8.0, page_number=number)
    for n, text in enumerate(head):
        s.put(40, 40 + 14 * n, text, size=14 if n == 0 else None)
    y = s.table(130, header, rows)
    for n, (label, value) in enumerate(totals or []):
        s.put(400, y + 24 + 14 * n, label)
        s.put(560, y + 24 + 14 * n, value, right=True)
    if totals is None:
        s.put(450, 800, f"Seite {number} / 2")
    return extract_page(s.page())


def merged(pages: list[PageExtraction]) -> AggregatedInvoice:
    return aggregate(DocumentInfo(sha256="cd" * 32, filename="x.pdf", page_count=len(pages)), pages)


# --- 1. gross line totals, mixed rates, no rate column, two pages --------------------------------------

GERMAN_HEAD = ["Lindenhof Feinkost GmbH", "Rechnung Nr. LF-24-1187", "Datum: 03.09.2024"]
GERMAN_HEADER: Header = [
    (40, "Bezeichnung", False),
    (300, "Menge", True),
    (380, "Einzelpreis", True),
    (560, "Gesamt", True),
]
# Gesamt = Menge × Einzelpreis incl. 19 % or 7 % USt, with no column saying which.
GERMAN_PAGE_1 = [
    ["Olivenöl extra vergine 0,5 l", "12", "8.40", "107.86"],  # 100.80 × 1.07
    ["Espressotassen Steingut", "6", "4.50", "32.13"],  # 27.00 × 1.19
    ["Bergkäse 12 Monate, kg", "3", "21.90", "70.30"],  # 65.70 × 1.07
]
GERMAN_PAGE_2 = [
    ["Geschenkkorb Holz", "2", "15.00", "35.70"],  # 30.00 × 1.19
    ["Honig Akazie 500 g", "10", "5.20", "55.64"],  # 52.00 × 1.07
]
GERMAN_TOTALS = [("Nettobetrag", "275.50"), ("USt 7 %", "15.29"), ("USt 19 %", "10.83"), ("Gesamt", "301.62")]
GERMAN_EXPECTED = [
    ("Olivenöl extra vergine 0,5 l", d("12"), d("8.40"), d("100.80")),
    ("Espressotassen Steingut", d("6"), d("4.50"), d("27.00")),
    ("Bergkäse 12 Monate, kg", d("3"), d("21.90"), d("65.70")),
    ("Geschenkkorb Holz", d("2"), d("15.00"), d("30.00")),
    ("Honig Akazie 500 g", d("10"), d("5.20"), d("52.00")),
]


def test_german_two_page_gross_table_with_mixed_rates_takes_the_nets_the_net_total_confirms() -> None:
    pages = [
        table_page(1, GERMAN_HEAD, GERMAN_HEADER, GERMAN_PAGE_1),
        table_page(2, [], GERMAN_HEADER, GERMAN_PAGE_2, GERMAN_TOTALS),
    ]
    invoice = merged(pages)
    assert invoice.totals.net == d("275.50")
    assert items(invoice) == GERMAN_EXPECTED
    # The published items carry no page-level extras.
    assert all(type(item) is LineItem for item in invoice.line_items)
    assert "alternative_amount" not in invoice.model_dump_json()


def test_a_freight_row_without_quantity_loses_its_tax_at_the_one_document_rate_that_adds_up() -> None:
    # Versand 11.90 incl. 19 %: at 7 % it would be 11.12, and only 10.00 makes the net total come out.
    freight = ["Versandkosten", "", "", "11.90"]
    totals = [("Nettobetrag", "285.50"), ("USt 7 %", "15.29"), ("USt 19 %", "12.73"), ("Gesamt", "313.52")]
    pages = [
        table_page(1, GERMAN_HEAD, GERMAN_HEADER, GERMAN_PAGE_1),
        table_page(2, [], GERMAN_HEADER, [*GERMAN_PAGE_2, freight], totals),
    ]
    invoice = merged(pages)
    assert {t.rate for t in invoice.tax_lines} == {d("7"), d("19")}
    assert items(invoice) == [*GERMAN_EXPECTED, ("Versandkosten", None, None, d("10.00"))]


def test_gross_amounts_stay_when_the_net_total_confirms_the_amounts_read() -> None:
    # Same pages, but the document's net total is the sum of the amounts read: nothing to replace.
    read_sum = sum((d(r[3]) for r in GERMAN_PAGE_1 + GERMAN_PAGE_2), Decimal(0))
    totals = [("Nettobetrag", str(read_sum)), ("Gesamt", str(read_sum))]
    pages = [
        table_page(1, GERMAN_HEAD, GERMAN_HEADER, GERMAN_PAGE_1),
        table_page(2, [], GERMAN_HEADER, GERMAN_PAGE_2, totals),
    ]
    assert [i.amount for i in merged(pages).line_items] == [d(r[3]) for r in GERMAN_PAGE_1 + GERMAN_PAGE_2]


# --- the reverse: amounts replaced by row arithmetic alone, contradicted by the document's net total ------

ITALIAN_HEAD = ["Fonderia Valtrompia S.r.l.", "Fattura n. FV/2024/318", "Data: 12/11/2024"]
ITALIAN_HEADER: Header = [
    (40, "Descrizione", False),
    (300, "Q.tà", True),
    (380, "Prezzo", True),
    (560, "Importo", True),
]
# Importo = Q.tà × Prezzo plus a 15 % alloy surcharge on every row: net amounts (the net total adds them
# up) that look like totals incl. one common tax rate to a page without that total.
ITALIAN_PAGE_1 = [
    ["Flangia in ottone DN 50", "4", "25.00", "115.00"],
    ["Raccordo a T 1/2 pollice", "20", "3.00", "69.00"],
    ["Valvola a sfera 3/4", "6", "12.00", "82.80"],
]
ITALIAN_PAGE_2 = [
    ["Manicotto filettato", "10", "2.00", "23.00"],
    ["Tappo cieco 1 pollice", "8", "1.50", "13.80"],
]
ITALIAN_TOTALS = [("Imponibile", "303.60"), ("IVA 22 %", "66.79"), ("Totale", "370.39")]


def test_italian_surcharged_amounts_replaced_page_by_page_are_restored_by_the_documents_net_total() -> None:
    pages = [
        table_page(1, ITALIAN_HEAD, ITALIAN_HEADER, ITALIAN_PAGE_1),
        table_page(2, [], ITALIAN_HEADER, ITALIAN_PAGE_2, ITALIAN_TOTALS),
    ]
    # Alone, the first page reads one common markup as a tax rate and reports quantity × price ...
    assert [i.amount for i in pages[0].line_items] == [d("100.00"), d("60.00"), d("72.00")]
    # ... which the document's net total contradicts: the amounts printed are the net ones.
    invoice = merged(pages)
    assert [i.amount for i in invoice.line_items] == [d(r[3]) for r in ITALIAN_PAGE_1 + ITALIAN_PAGE_2]


# --- 3. a single-row last page of a gross table at one common rate ------------------------------------

FRENCH_HEAD = ["Atelier Vercors SARL", "Facture n° AV-2024-0412", "Date : 14/10/2024"]
FRENCH_HEADER: Header = [
    (40, "Désignation", False),
    (300, "Qté", True),
    (380, "Prix unitaire", True),
    (560, "Montant", True),
]
# Montant = Qté × Prix unitaire incl. 20 % TVA, no TVA column: the first page (three rows) settles itself
# by the common rate; the last page holds one row only.
FRENCH_PAGE_1 = [
    ["Planche de chêne 2 m", "8", "24.50", "235.20"],
    ["Vernis mat 1 l", "3", "18.90", "68.04"],
    ["Chevilles bois, boîte", "5", "4.20", "25.20"],
]
FRENCH_PAGE_2 = [["Livraison sur chantier", "1", "60.00", "72.00"]]
FRENCH_TOTALS = [("Total HT", "333.70"), ("TVA 20 %", "66.74"), ("Total TTC", "400.44")]


def test_french_single_row_last_page_of_a_gross_table_is_settled_by_the_documents_net_total() -> None:
    pages = [
        table_page(1, FRENCH_HEAD, FRENCH_HEADER, FRENCH_PAGE_1),
        table_page(2, [], FRENCH_HEADER, FRENCH_PAGE_2, FRENCH_TOTALS),
    ]
    assert [i.amount for i in pages[0].line_items] == [d("196.00"), d("56.70"), d("21.00")]
    invoice = merged(pages)
    assert [i.amount for i in invoice.line_items] == [d("196.00"), d("56.70"), d("21.00"), d("60.00")]
    assert sum((i.amount or Decimal(0) for i in invoice.line_items), Decimal(0)) == invoice.totals.net


# --- 2. list price, discount and net unit price without a net amount column ---------------------------

DUTCH_HEAD = ["Van Dijk Installatietechniek B.V.", "Factuurnummer VD-88213", "Datum: 21-05-2024"]
LIST_NET_HEADER: Header = [
    (40, "Description", False),
    (230, "Qty", True),
    (300, "List price", True),
    (350, "Disc %", True),
    (420, "Net price", True),
    (560, "Gross", True),
]
# Gross = Qty × Net price incl. 21 % VAT; the net amount is Qty × Net price = Qty × List × (1 − Disc).
LIST_NET_ROWS = [
    ["Copper pipe 15 mm, 5 m", "10", "12.00", "25", "9.00", "108.90"],
    ["Press fitting 15 mm", "40", "2.50", "10", "2.25", "108.90"],
    ["Thermostatic valve", "2", "48.00", "0", "48.00", "116.16"],
]
LIST_NET_EXPECTED = [
    ("Copper pipe 15 mm, 5 m", d("10"), d("12.00"), d("90.00")),
    ("Press fitting 15 mm", d("40"), d("2.50"), d("90.00")),
    ("Thermostatic valve", d("2"), d("48.00"), d("96.00")),
]


DUTCH_LIST_NET_HEADER: Header = [
    (40, "Omschrijving", False),
    (230, "Aantal", True),
    (300, "Lijstprijs", True),
    (350, "Korting %", True),
    (420, "Nettoprijs", True),
    (560, "Bedrag incl. btw", True),
]


@pytest.mark.parametrize("header", [LIST_NET_HEADER, DUTCH_LIST_NET_HEADER], ids=["english", "dutch"])
def test_list_price_discount_and_net_price_columns_give_list_unit_price_and_discounted_amount(
    header: Header,
) -> None:
    totals = [("Net amount", "276.00"), ("VAT 21 %", "57.96"), ("Total", "333.96")]
    page = table_page(1, DUTCH_HEAD, header, LIST_NET_ROWS, totals)
    assert items(page) == LIST_NET_EXPECTED


@pytest.mark.parametrize("header", [LIST_NET_HEADER, DUTCH_LIST_NET_HEADER], ids=["english", "dutch"])
def test_list_and_net_price_columns_on_a_continuation_page_without_totals(header: Header) -> None:
    page = table_page(1, DUTCH_HEAD, header, LIST_NET_ROWS)
    assert items(page) == LIST_NET_EXPECTED


def test_net_amount_is_quantity_times_the_net_price_as_printed_not_the_unrounded_discount() -> None:
    # 3.99 less 15 % is 3.3915, printed 3.39: the line's net amount is 40 × 3.39, the unit price the list
    # price; the net total below confirms it.
    rows = [
        ["Wall plugs 8 mm, 100 pcs", "40", "3.99", "15", "3.39", "164.08"],
        ["Silicone sealant", "6", "7.50", "0", "7.50", "54.45"],
    ]
    totals = [("Net amount", "180.60"), ("VAT 21 %", "37.93"), ("Total", "218.53")]
    page = table_page(1, DUTCH_HEAD, DUTCH_LIST_NET_HEADER, rows, totals)
    assert items(page) == [
        ("Wall plugs 8 mm, 100 pcs", d("40"), d("3.99"), d("135.60")),
        ("Silicone sealant", d("6"), d("7.50"), d("45.00")),
    ]


def test_pages_sent_between_services_as_json_keep_the_alternative_amounts() -> None:
    # The Dapr and Prefect engines pass page extractions as JSON to the same ``aggregate``.
    pages = [
        table_page(1, GERMAN_HEAD, GERMAN_HEADER, GERMAN_PAGE_1),
        table_page(2, [], GERMAN_HEADER, GERMAN_PAGE_2, GERMAN_TOTALS),
    ]
    sent = [PageExtraction.model_validate_json(p.model_dump_json()) for p in pages]
    assert items(merged(sent)) == GERMAN_EXPECTED


def _german_gross_pdf() -> bytes:
    """The German invoice as a real two-page PDF: table head repeated, totals on the last page only."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    for number, rows in ((1, GERMAN_PAGE_1), (2, GERMAN_PAGE_2)):
        c.setFont("Helvetica", 9)
        y = 800.0
        if number == 1:
            for text in GERMAN_HEAD:
                c.drawString(40, y, text)
                y -= 14
        y -= 30
        for x, label, right in GERMAN_HEADER:
            (c.drawRightString if right else c.drawString)(x, y, label)
        for row in rows:
            y -= 16
            for (x, _, right), cell in zip(GERMAN_HEADER, row, strict=True):
                (c.drawRightString if right else c.drawString)(x, y, cell)
        if number == 2:
            for label, value in GERMAN_TOTALS:
                y -= 16
                c.drawString(400, y - 10, label)
                c.drawRightString(560, y - 10, value)
        else:
            c.drawString(470, 40, "Seite 1 von 2")
        c.showPage()
    c.save()
    return buffer.getvalue()


def test_a_real_two_page_pdf_of_gross_line_totals_gives_the_net_line_amounts() -> None:
    invoice = extract_invoice(_german_gross_pdf(), filename="lindenhof.pdf", ocr=OcrMode.NEVER)
    assert invoice.invoice_number == "LF-24-1187"
    assert invoice.totals.net == d("275.50")
    assert items(invoice) == GERMAN_EXPECTED


def _charge_pages() -> list[PageExtraction]:
    goods = PageLineItem(
        description="Gartenschlauch",
        quantity=d("2"),
        unit_price=d("20.00"),
        amount=d("47.60"),
        alternative_amount=d("40.00"),
    )
    charges = [LineItem(description=name, amount=d("10.70")) for name in ("Verpackung", "Versand")]
    return [
        PageExtraction(page_number=1, text_source=TextSource.TEXT_LAYER, line_items=[goods]),
        PageExtraction(
            page_number=2,
            text_source=TextSource.TEXT_LAYER,
            line_items=charges,
            tax_lines=[TaxLine(rate=d("7")), TaxLine(rate=d("19"))],
        ),
    ]


def test_charges_whose_rates_two_choices_explain_keep_the_amounts_read() -> None:
    # 10.70 is 10.00 + 7 % and 8.99 + 19 %: with a net total of 40.00 + 10.00 + 8.99 either charge may be
    # the one at 19 %, so nothing is replaced.
    pages = _charge_pages()
    pages[1].fields["totals.net"] = FieldValue(value="58.99", confidence=0.9)
    assert [i.amount for i in merged(pages).line_items] == [d("47.60"), d("10.70"), d("10.70")]
    pages[1].fields["totals.net"] = FieldValue(value="60.00", confidence=0.9)  # both at 7 %: one choice
    assert [i.amount for i in merged(pages).line_items] == [d("40.00"), d("10.00"), d("10.00")]
