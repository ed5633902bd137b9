"""Items of till receipts and of a centred table, on invented pages: an article name over a "quantity unit
X unit price" line with the amount (discount lines under some articles, the receipt's head above a
printed rule), an article name over its code line with the price, and a table whose labels and cells are
centred, its money printed as a currency word apart from the figure ("R$ 4,00") under a bare "Price"."""

from __future__ import annotations

from decimal import Decimal

from tests.unit.sheets import Sheet, d, items

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import TextSource


def _receipt_sheet() -> Sheet:
    """A Polish grocery e-receipt in a fixed-pitch font: names flush left, detail lines indented."""
    s = Sheet()
    s.put(40, 30, "DELIKATESY KOWALSCY")
    s.put(40, 44, "ul. Polna 7, 00-950 Warszawa")
    s.put(40, 58, "NIP: 525-000-00-00")
    s.put(40, 72, "Kasa: 2   Paragon: 0815/23")
    s.put(40, 86, "--------------------------------------")
    s.put(40, 100, "KLIENT: 4711")
    s.put(40, 114, "Ziemniaki mlode kg")
    s.put(46, 126, "1,350 kg X")
    s.put(120, 126, "2,99 PLN/kg")
    s.put(280, 126, "4,04 C", right=True)
    s.put(40, 138, "Kupon 5900000012345")
    s.put(46, 150, "1 szt.")
    s.put(40, 162, "Maslo ekstra 200g")
    s.put(46, 174, "2 szt X")
    s.put(120, 174, "6,49 PLN")
    s.put(280, 174, "12,98 A", right=True)
    s.put(46, 186, "Rabat -1,30   Cena po rabacie 11,68")
    s.put(40, 198, "Chleb zytni")
    s.put(46, 210, "1 szt X")
    s.put(120, 210, "4,20 PLN")
    s.put(280, 210, "4,20 C", right=True)
    s.put(40, 222, "Woda mineralna gazowana")
    s.put(40, 234, "1,5 l")
    s.put(46, 246, "6 szt X")
    s.put(120, 246, "1,79 PLN")
    s.put(280, 246, "10,74 A", right=True)
    s.put(40, 262, "--------------------------------------")
    s.put(40, 276, "RABATY:")
    s.put(40, 288, "Maslo ekstra 200g")
    s.put(280, 288, "-1,30", right=True)
    s.put(40, 306, "SUMA PLN")
    s.put(280, 306, "30,66", right=True)
    return s


def test_receipt_articles_over_quantity_times_price_lines_with_discounts_under_them() -> None:
    # The detail lines' figures also read as a table without a header whose rows' text is "2 szt X".
    got = items(extract_page(_receipt_sheet().page()))
    assert got[:2] == [
        ("Ziemniaki mlode kg", d("1.350"), d("2.99"), d("4.04")),
        ("Maslo ekstra 200g", d("2"), d("6.49"), d("12.98")),
    ]
    # The discount line under the butter and the count under the coupon are no part of the next name.
    assert ("Chleb zytni", d("1"), d("4.20"), d("4.20")) in got
    assert ("Woda mineralna gazowana 1,5 l", d("6"), d("1.79"), d("10.74")) in got
    assert len(got) == 4


def test_the_same_receipt_read_by_ocr() -> None:
    s = _receipt_sheet()
    s.source = TextSource.OCR
    got = items(extract_page(s.page()))
    assert ("Ziemniaki mlode kg", d("1.350"), d("2.99"), d("4.04")) in got
    assert ("Chleb zytni", d("1"), d("4.20"), d("4.20")) in got


def test_till_receipt_article_names_over_their_code_and_price_lines() -> None:
    """A Spanish drugstore's till roll: each article's name, then its code line with the price and a tax
    flag; detail lines (list price, savings) indented under some; one name line holds its own price."""
    s = Sheet()
    s.put(40, 30, "FARMACIA DEL PUERTO")
    s.put(40, 44, "AVDA. DEL MAR 12  CADIZ")
    s.put(40, 70, "0042 0007 12/03/2025 10:41")
    s.put(40, 96, "CHAMPU ANTICASPA 400ML")
    s.put(60, 108, "8410000123457 B")
    s.put(300, 108, "6.95", right=True)
    s.put(60, 120, "PRECIO NORMAL 7.95")
    s.put(60, 132, "AHORRO 1.00")
    s.put(40, 144, "TIRITAS SURTIDAS 20U")
    s.put(60, 156, "8410000765431")
    s.put(300, 156, "3.10", right=True)
    s.put(40, 168, "PASTILLAS MIEL LIMON")
    s.put(300, 168, "2.45", right=True)
    s.put(60, 180, "8410000555554")
    s.put(40, 192, "GEL HIDROALCOHOLICO 100ML")
    s.put(60, 204, "8410000999991 B")
    s.put(300, 204, "1.80", right=True)
    s.put(60, 228, "SUBTOTAL")
    s.put(300, 228, "14.30", right=True)
    s.put(60, 240, "TOTAL")
    s.put(300, 240, "14.30", right=True)
    got = items(extract_page(s.page()))
    assert [(description, amount) for description, _, _, amount in got] == [
        ("CHAMPU ANTICASPA 400ML", d("6.95")),
        ("TIRITAS SURTIDAS 20U", d("3.10")),
        ("PASTILLAS MIEL LIMON", d("2.45")),
        ("GEL HIDROALCOHOLICO 100ML", d("1.80")),
    ]


def _centred(s: Sheet, centre: float, y: float, text: str) -> None:
    width = 0.6 * s.font_size * len(text.replace(" ", "")) + 0.3 * s.font_size * text.count(" ")
    s.put(centre - width / 2, y, text)


def test_centred_table_with_a_bare_price_column_and_currency_words_apart_from_the_figures() -> None:
    """A Portuguese order summary drawn by a PDF library: labels and cells centred, "Preço" the last column,
    the price a currency word and a figure ("R$ 4,00"); no amount column and a total that is not the sum."""
    rows = [
        ("Caneta azul", "12", "R$ 4,00"),
        ("Caderno universitario", "4", "R$ 90,00"),
        ("Borracha", "3", "R$ 9,00"),
        ("Mochila escolar", "1", "R$ 1.000,00"),
        ("Estojo", "10", "R$ 22,00"),
    ]
    s = Sheet(font_size=8)
    s.put(380, 30, "Papelaria Central Ltda")
    _centred(s, 297, 60, "Pedido 2025-0042")
    for centre, label in ((250, "Produto"), (390, "Quantidade"), (500, "Preço")):
        _centred(s, centre, 90, label)
    for n, row in enumerate(rows):
        for centre, cell in zip((250, 390, 500), row, strict=True):
            _centred(s, centre, 102 + 11 * n, cell)
    s.put(420, 170, "Total:")
    s.put(470, 170, "R$ 1.100,00")
    got = items(extract_page(s.page()))
    assert [(description, quantity, amount) for description, quantity, _, amount in got] == [
        (description, Decimal(quantity), d(price.split()[1].replace(".", "").replace(",", ".")))
        for description, quantity, price in rows
    ]


def test_centred_rows_on_a_page_without_the_header_keep_every_row_and_their_currency_words() -> None:
    """The next page of such a table, its header not repeated: amounts of different widths centred in
    their cells end at different x (their middles agree), the currency word is the figure's, no text."""
    rows = [
        ("Lapis de cor", "R$ 4,00"),
        ("Regua 30 cm", "R$ 90,00"),
        ("Calculadora", "R$ 1.000,00"),
        ("Cola branca", "R$ 2,00"),
        ("Tesoura", "R$ 15,00"),
        ("Apontador", "R$ 7,00"),
    ]
    s = Sheet(font_size=8)
    s.put(380, 30, "Papelaria Central Ltda")
    for n, (description, price) in enumerate(rows):
        _centred(s, 250, 90 + 11 * n, description)
        _centred(s, 500, 90 + 11 * n, price)
    s.put(420, 170, "Total:")
    s.put(470, 170, "R$ 1.118,00")
    got = items(extract_page(s.page()))
    assert [(description, amount) for description, _, _, amount in got] == [
        (description, d(price.split()[1].replace(".", "").replace(",", "."))) for description, price in rows
    ]


def test_a_scanned_receipt_with_the_savings_listed_under_its_articles() -> None:
    """A Lithuanian receipt read by OCR: one detail line garbled ("4, 20"), the savings under the articles
    right-aligned with the amounts; the articles are read from their name and detail lines, no saving is
    an item."""
    s = Sheet(source=TextSource.OCR)
    s.put(40, 30, "PREKYBA UAB")
    s.put(40, 44, "PVM kodas: LT100000000000")
    s.put(40, 58, "----------------------------------------")
    articles = [
        ("Bananai kg", "0,850 kg X", "1,49 EUR/kg", "1,27 A"),
        ("Pienas 2,5% 1l", "2 vnt X", "1,19 EUR", "2,38 A"),
        ("Duona ruginė", "1 vnt X", "4, 20 EUR", "4,20 A"),
        ("Obuoliai kg", "1,200 kg X", "1,99 EUR/kg", "2,39 A"),
        ("Sūris 200g", "1 vnt X", "3,49 EUR", "3,49 A"),
    ]
    y = 72.0
    for name, count, price, amount in articles:
        s.put(40, y, name)
        s.put(50, y + 12, count)
        s.put(120, y + 12, price)
        s.put(300, y + 12, amount, right=True)
        y += 24
    s.put(40, y, "----------------------------------------")
    for n, (label, value) in enumerate(
        (
            ("Akcijos", "-0,40"),
            ("Pienas 2,5% 1l", "-0,20"),
            ("Lojalumo kortele", "-0,30"),
            ("Sutaupėte", "0,90"),
        )
    ):
        s.put(40, y + 14 + 12 * n, label)
        s.put(300, y + 14 + 12 * n, value, right=True)
    s.put(40, y + 74, "MOKETI EUR")
    s.put(300, y + 74, "13,73", right=True)
    got = items(extract_page(s.page()))
    assert got == [
        ("Bananai kg", d("0.850"), d("1.49"), d("1.27")),
        ("Pienas 2,5% 1l", d("2"), d("1.19"), d("2.38")),
        ("Obuoliai kg", d("1.200"), d("1.99"), d("2.39")),
        ("Sūris 200g", d("1"), d("3.49"), d("3.49")),
    ]
