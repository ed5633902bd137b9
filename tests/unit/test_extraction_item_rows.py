"""Rows of invented item tables that are no items or read like other columns: running subtotals inside
the table (labelled or not), section headings between rows, figures under a column of no known label,
discounts printed as money, long figures under left-aligned labels of a wide landscape table, credit
amounts marked "CR", and the sums carried between pages. Every expectation is checked by the row
arithmetic of the invented numbers (quantity × price × (1 − discount) = amount, Σ amounts = net)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from tests.unit.sheets import Row, Sheet, d, items

from invoiceflow.domain.aggregate import aggregate
from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.layout import build_lines
from invoiceflow.domain.extraction.numbers import DecimalStyle, find_amounts
from invoiceflow.domain.models import (
    DocumentInfo,
    FieldValue,
    PageExtraction,
    PageLineItem,
    PageText,
    TextSource,
    Word,
)


def _head(s: Sheet, vendor: str) -> None:
    s.put(40, 40, vendor, size=14)
    s.put(40, 64, "Invoice No: 2024-0815")
    s.put(40, 76, "Date: 2024-05-02")


def _totals(s: Sheet, y: float, rows: list[tuple[str, str]], x: float = 400, right: float = 560) -> None:
    for n, (label, value) in enumerate(rows):
        s.put(x, y + 14 * n, label)
        s.put(right, y + 14 * n, value, right=True)


def _arithmetic_holds(rows: list[Row], net: str) -> None:
    """The expectation itself is consistent: every row multiplies out and the rows add up to the net."""
    for _, quantity, price, amount in rows:
        if quantity is not None and price is not None and amount is not None:
            assert abs(quantity * price - amount) <= Decimal("0.01") * max(1, quantity)
    assert sum((r[3] for r in rows if r[3] is not None), Decimal(0)) == d(net)


ENGLISH = [(40, "Description", False), (300, "Hours", True), (380, "Rate", True), (560, "Amount", True)]


def test_a_running_subtotal_inside_the_table_neither_ends_it_nor_becomes_an_item() -> None:
    s = Sheet(font_size=8.0)
    _head(s, "Fernhill Engineering Ltd")
    rows = [
        ["Design review", "2.5", "120.00", "300.00"],
        ["Implementation", "10", "95.00", "950.00"],
        ["Subtotal", "", "", "1,250.00"],
        ["Cable tray", "3", "4.00", "12.00"],
        ["Wall plug", "2", "1.00", "2.00"],
        ["Subtotal", "", "", "14.00"],
        ["Fuse 10 A", "1", "1.00", "1.00"],
    ]
    y = s.table(120, ENGLISH, rows)
    _totals(s, y + 20, [("Net amount", "1,265.00"), ("VAT 20%", "253.00"), ("Total", "1,518.00")])
    expected = [
        ("Design review", d("2.5"), d("120.00"), d("300.00")),
        ("Implementation", d("10"), d("95.00"), d("950.00")),
        ("Cable tray", d("3"), d("4.00"), d("12.00")),
        ("Wall plug", d("2"), d("1.00"), d("2.00")),
        ("Fuse 10 A", d("1"), d("1.00"), d("1.00")),
    ]
    _arithmetic_holds(expected, "1265.00")
    assert items(extract_page(s.page())) == expected


def test_an_unlabelled_group_total_is_dropped_but_a_charge_the_net_total_counts_stays() -> None:
    header = [
        (40, "Bezeichnung", False),
        (300, "Menge", True),
        (380, "Einzelpreis", True),
        (560, "Betrag", True),
    ]
    s = Sheet(font_size=8.0)
    _head(s, "Brenner Haustechnik GmbH")
    rows = [
        ["Montage Heizkörper", "4", "85,00", "340,00"],
        ["Anfahrt", "2", "35,00", "70,00"],
        ["Arbeit gesamt", "", "", "410,00"],  # no total label known: the arithmetic names it
        ["Ventil DN15", "3", "12,50", "37,50"],
    ]
    y = s.table(120, header, rows)
    _totals(s, y + 20, [("Nettobetrag", "447,50"), ("MwSt. 19 %", "85,03"), ("Gesamtbetrag", "532,53")])
    assert [r[0] for r in items(extract_page(s.page()))] == ["Montage Heizkörper", "Anfahrt", "Ventil DN15"]

    # A freight charge that happens to equal the rows above is an item when the net total counts it.
    s = Sheet(font_size=8.0)
    _head(s, "Brenner Haustechnik GmbH")
    rows = [
        ["Rohr 1 m", "1", "10,00", "10,00"],
        ["Muffe", "1", "10,00", "10,00"],
        ["Fracht", "", "", "20,00"],
    ]
    y = s.table(120, header, rows)
    _totals(s, y + 20, [("Nettobetrag", "40,00"), ("MwSt. 19 %", "7,60"), ("Gesamtbetrag", "47,60")])
    assert items(extract_page(s.page()))[-1] == ("Fracht", None, None, d("20.00"))


def test_section_headings_between_rows_belong_to_no_item() -> None:
    # Dutch: rows 16 pt apart, wrapped description lines 10 pt apart, headings at the row pitch.
    s = Sheet(font_size=8.0)
    _head(s, "Van Dijk Installatietechniek")
    header = [(40, "Omschrijving", False), (300, "Aantal", True), (380, "Prijs", True), (560, "Bedrag", True)]
    for x, label, right in header:
        s.put(x, 120, label, right=right)
    y = 136.0
    lines: list[tuple[str, ...]] = [
        ("Diensten",),
        ("Advies installatie", "inclusief reistijd", "8", "80,00", "640,00"),
        ("Materiaal",),
        ("Leiding koper 15 mm", "25", "4,20", "105,00"),
        ("Knelkoppeling", "10", "1,95", "19,50"),
    ]
    for cells in lines:
        if len(cells) == 1:
            s.put(40, y, cells[0])
            y += 16
            continue
        *texts, quantity, price, amount = cells
        s.put(40, y, texts[0])
        for (x, _, right), value in zip(header[1:], (quantity, price, amount), strict=True):
            s.put(x, y, value, right=right)
        for k, text in enumerate(texts[1:], 1):
            s.put(40, y + 10 * k, text)
        y += 16 + 10 * (len(texts) - 1)
    _totals(s, y + 20, [("Subtotaal", "764,50"), ("BTW 21%", "160,55"), ("Totaal", "925,05")])
    expected = [
        ("Advies installatie inclusief reistijd", d("8"), d("80.00"), d("640.00")),
        ("Leiding koper 15 mm", d("25"), d("4.20"), d("105.00")),
        ("Knelkoppeling", d("10"), d("1.95"), d("19.50")),
    ]
    _arithmetic_holds(expected, "764.50")
    assert items(extract_page(s.page())) == expected


def test_a_figure_under_a_column_of_no_known_label_is_not_read_as_the_discount_beside_it() -> None:
    # Indian B2B lines: "Taxable" alone is no label the reader knows; its figures are not discounts.
    s = Sheet(font_size=7.0)
    _head(s, "Sahyadri Textiles Pvt Ltd")
    header = [
        (40, "Item", False),
        (200, "HSN", False),
        (260, "Qty", True),
        (310, "Rate", True),
        (360, "Disc", True),
        (410, "Taxable", True),
        (450, "GST%", True),
        (500, "GST Amt", True),
        (560, "Total", True),
    ]
    rows = [
        ["Cotton yarn 40s", "5205", "10", "250.00", "5%", "2,375.00", "12%", "285.00", "2,660.00"],
        ["Polyester staple", "5503", "4", "100.00", "0%", "400.00", "12%", "48.00", "448.00"],
    ]
    s.table(120, header, rows)
    # No totals on this page (the table goes on): the row's own rate explains Total = taxable + GST.
    assert items(extract_page(s.page())) == [
        ("Cotton yarn 40s", d("10"), d("250.00"), d("2375.00")),
        ("Polyester staple", d("4"), d("100.00"), d("400.00")),
    ]


def _money(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_a_discount_printed_as_money_beside_the_amount_before_it_gives_the_net_amount() -> None:
    # French: "Remise" holds the amount off the line (odd cents: no rate), "Montant" the amount before it.
    header = [
        (40, "Désignation", False),
        (260, "Qté", True),
        (330, "Prix unitaire", True),
        (400, "Remise", True),
        (480, "Montant", True),
    ]
    lines = [("Agrafeuse", 3, "12,40", Decimal("3.72")), ("Classeurs A4", 12, "7,35", Decimal("4.41"))]
    rows, expected = [], []
    for name, quantity, price, discount in lines:
        value = Decimal(price.replace(",", "."))
        before = _money(quantity * value)
        rows.append(
            [name, str(quantity), price, f"{discount}".replace(".", ","), f"{before}".replace(".", ",")]
        )
        expected.append((name, Decimal(quantity), value, before - discount))
    for with_totals in (True, False):
        s = Sheet(font_size=8.0)
        _head(s, "Papeterie Laurent SARL")
        y = s.table(120, header, rows)
        if with_totals:
            _totals(s, y + 20, [("Total HT", "116,67"), ("TVA 20 %", "23,33"), ("Total TTC", "140,00")])
        assert items(extract_page(s.page())) == expected


def test_long_figures_under_left_aligned_labels_of_a_wide_landscape_table() -> None:
    # Spanish, landscape: labels left-aligned in wide cells, figures right-aligned; a long price starts
    # under the last letters of its own label.
    s = Sheet(font_size=8.0)
    _head(s, "Suministros Industriales del Ebro S.L.")
    cells = [
        ("Concepto", 120, 330),
        ("Cant.", 330, 380),
        ("Precio unitario", 380, 500),
        ("Dto.", 500, 550),
        ("Importe neto", 550, 630),
        ("IVA %", 630, 680),
        ("Cuota IVA", 680, 750),
    ]
    for label, x0, _ in cells:
        s.put(x0 + 2, 120, label)
    rows = [("Bomba centrífuga", 2, "1.250,00", 15, "2.125,00", 21, "446,25")]
    rows += [("Junta tórica", 12, "7,35", 5, "83,79", 21, "17,60")]
    for n, row in enumerate(rows):
        for k, ((_, x0, x1), value) in enumerate(zip(cells, row, strict=True)):
            text = f"{value} %" if k in (3, 5) else str(value)
            if k == 0:
                s.put(x0 + 2, 136 + 16 * n, text)
            else:
                s.put(x1 - 2, 136 + 16 * n, text, right=True)
    s.put(600, 200, "Base imponible")
    s.put(800, 200, "2.208,79", right=True)
    result = extract_page(PageText(1, 842.0, 595.0, TextSource.TEXT_LAYER, s.words))
    assert items(result) == [
        ("Bomba centrífuga", d("2"), d("1250.00"), d("2125.00")),
        ("Junta tórica", d("12"), d("7.35"), d("83.79")),
    ]


def _amounts_of(text: str) -> list[Decimal]:
    words, x = [], 0.0
    for token in text.split(" "):
        words.append(Word(text=token, x0=x, y0=0, x1=x + 6 * len(token), y1=10))
        x += 6 * len(token) + 3
    (line,) = build_lines(PageText(1, 595.0, 842.0, TextSource.TEXT_LAYER, words))
    return [a.value for a in find_amounts(line, DecimalStyle.UNKNOWN)]


def test_credit_marks_and_currency_codes_glued_to_a_figure() -> None:
    assert _amounts_of("1,234.56 CR") == [d("-1234.56")]
    assert _amounts_of("12.50 Cr") == [d("-12.50")]
    assert _amounts_of("CHF-12.50") == [d("-12.50")]
    assert _amounts_of("1.234,56EUR") == [d("1234.56")]
    assert _amounts_of("12.50USD") == [d("12.50")]
    # Not a credit: a word that starts with the letters, and codes inside article numbers.
    assert _amounts_of("12.50 Credit") == [d("12.50")]
    assert _amounts_of("Art-12") == [d("12")]


def _page(number: int, rows: list[tuple[str, str | None, str | None, str]]) -> PageExtraction:
    return PageExtraction(
        page_number=number,
        text_source=TextSource.TEXT_LAYER,
        line_items=[
            PageLineItem(
                description=text,
                quantity=Decimal(q) if q else None,
                unit_price=Decimal(p) if p else None,
                amount=Decimal(a),
            )
            for text, q, p, a in rows
        ],
    )


def test_sums_carried_between_pages_are_no_items() -> None:
    pages = [
        _page(
            1,
            [
                ("Widget", "2", "10.00", "20.00"),
                ("Gadget", "1", "5.00", "5.00"),
                ("Übertrag", None, None, "25.00"),
            ],
        ),
        _page(2, [("Vortrag", None, None, "25.00"), ("Gizmo", "3", "1.00", "3.00")]),
        _page(3, []),
    ]
    pages[2].fields["totals.net"] = FieldValue(value="28.00", confidence=0.9)
    invoice = aggregate(DocumentInfo(sha256="cd" * 32, filename="x.pdf", page_count=3), pages)
    assert [i.description for i in invoice.line_items] == ["Widget", "Gadget", "Gizmo"]

    # A charge that equals the items above it stays when the net total counts it.
    pages = [
        _page(1, [("Widget", "1", "10.00", "10.00"), ("Gadget", "1", "10.00", "10.00")]),
        _page(2, [("Freight", None, None, "20.00"), ("Gizmo", "3", "1.00", "3.00")]),
    ]
    pages[1].fields["totals.net"] = FieldValue(value="43.00", confidence=0.9)
    invoice = aggregate(DocumentInfo(sha256="cd" * 32, filename="x.pdf", page_count=2), pages)
    assert [i.description for i in invoice.line_items] == ["Widget", "Gadget", "Freight", "Gizmo"]


def test_a_credit_notes_totals_incl_vat_lose_their_tax_like_an_invoices_do() -> None:
    # Italian credit note, a page without totals (the table goes on): every money figure negative.
    header = [
        (40, "Descrizione", False),
        (260, "Quantità", True),
        (330, "Prezzo", True),
        (390, "IVA %", True),
        (560, "Totale IVA incl.", True),
    ]
    rows = [
        ["Reso sedie ergonomiche", "2", "-10,00", "22%", "-24,40"],
        ["Reso cavo HDMI", "1", "-5,50", "10%", "-6,05"],
        ["Reso toner", "3", "-1,25", "22%", "-4,58"],
    ]
    s = Sheet(font_size=8.0)
    _head(s, "Forniture Ufficio Bassani S.p.A.")
    s.table(120, header, rows)
    got = extract_page(s.page())
    assert items(got) == [
        ("Reso sedie ergonomiche", d("2"), d("-10.00"), d("-20.00")),
        ("Reso cavo HDMI", d("1"), d("-5.50"), d("-5.50")),
        ("Reso toner", d("3"), d("-1.25"), d("-3.75")),
    ]
    # The amounts read stay with each row, for the document's net total to restore them.
    assert [i.alternative_amount for i in got.line_items] == [d("-24.40"), d("-6.05"), d("-4.58")]
