"""Item tables as real PDFs whose rows real invoices print in ways our generator does not: an e-invoice
viewer's rows (article codes under the position, each attribute of the item set apart under it), a table
without a quantity column whose sums include the tax ("Beskrivelse | Enhetspris | MVA | Sum"), and a net
price column beside the list price ("Prix de base | Prix net") without a discount column."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.unit.item_pdfs import Text, pdf_pages
from tests.unit.sheets import d, items

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import OcrMode, PageExtraction
from invoiceflow.domain.pipeline import read_page_texts

Row = tuple[str, Decimal | None, Decimal | None, Decimal]


def _page(texts: list[Text]) -> PageExtraction:
    return extract_page(read_page_texts(pdf_pages([texts]), OcrMode.NEVER)[0])


def _head() -> list[Text]:
    return [(40, 40, "Kestrel & Vane GmbH", "l", True), (360, 110, "Rechnung Nr. R-4711", "l", False)]


# (name, code, price, quantity, rate, amount, discount printed under it)
VIEWER_ROWS = [
    ("Zitronensäure", "ZS997", "1,00", "100", "19", "100,00", None),
    ("Gelierzucker", "GZ250", "1,45", "50", "7", "72,50", "0,05"),
    ("Bierbrau Pils", "2031", "12,00", "15", "19", "180,00", None),
]


def _viewer_page(language: str) -> list[Text]:
    labels = {
        "de": ("Pos", "Beschreibung", "Nettopreis", "Menge", "Steuer", "Entgelt"),
        "fr": ("N°", "Désignation", "Prix net", "Qté", "TVA", "Montant"),
    }[language]
    gross, cut, packages = {
        "de": ("Bruttopreis : {}", "Abschlag : {}", "* Anzahl Packstücke: 4 XCT"),
        "fr": ("Prix brut : {}", "Remise : {}", "* Nombre de colis : 4 XCT"),
    }[language]
    texts = _head()
    y = 200.0
    for x, label in zip((40, 150, 290, 385, 410, 555), labels, strict=True):
        texts.append((x, y, label, "r" if x in (290, 385, 555) else "l", True))
    y += 30
    for n, (name, code, price, quantity, rate, amount, discount) in enumerate(VIEWER_ROWS, 1):
        texts += [
            (40, y, str(n), "l", False),
            (150, y, name, "l", False),
            (290, y, price, "r", False),
            (385, y, f"{quantity} Stk", "r", False),
            (410, y, f"{rate} % VAT (S)", "l", False),
            (555, y, amount, "r", False),
            (68, y + 11, code, "l", False),
            (68, y + 22, "4123456000014", "l", False),
            (68, y + 33, "(GTIN)", "l", False),
            (96, y + 48, gross.format(price), "l", False),
            (153, y + 73, packages, "l", False),
        ]
        if discount is not None:
            texts.append((230, y + 48, cut.format(discount), "l", False))
        y += 120
    return [*texts, (380, y, "Summe netto", "l", False), (555, y, "352,50", "r", False)]


@pytest.mark.parametrize("language", ["de", "fr"])
def test_viewer_rows_keep_every_item_whatever_stands_under_them(language: str) -> None:
    """Codes in the column left of the description and the attributes set apart under a row (a gross
    price left of the table's figures, packages, a discount) neither end the table nor name an item."""
    expected = [
        (name, d(quantity), d(price.replace(",", ".")), d(amount.replace(",", ".")))
        for name, _, price, quantity, _, amount, _ in VIEWER_ROWS
    ]
    assert items(_page(_viewer_page(language))) == expected


@pytest.mark.parametrize(
    ("labels", "suffix"),
    [
        (("Beskrivelse", "Enhetspris", "MVA", "Sum"), " kr"),
        (("Description", "Unit price", "VAT", "Sum"), " EUR"),
    ],
)
def test_price_and_sum_incl_tax_without_a_quantity_column(labels: tuple[str, ...], suffix: str) -> None:
    """A price, its rate and the row's sum incl. tax, the currency in every cell and thousands grouped by
    a space: the price column's figure is the unit price, the sum column's the row's amount."""
    rows = [("Flere ting til hagen", "5 000.00", "6 000.00"), ("Ulike tjenester", "8 000.00", "9 600.00")]
    texts = _head()
    for x, label in zip((40, 400, 455, 555), labels, strict=True):
        texts.append((x, 200, label, "l" if x == 40 else "r", True))
    for k, (text, price, amount) in enumerate(rows):
        y = 220 + 18 * k
        texts += [(40, y, text, "l", False), (400, y, price + suffix, "r", False)]
        texts += [(455, y, "20 %", "r", False), (555, y, amount + suffix, "r", False)]
    expected = [
        (text, None, d(price.replace(" ", "")), d(amount.replace(" ", ""))) for text, price, amount in rows
    ]
    assert items(_page(texts)) == expected


def test_list_price_left_of_a_net_price_without_a_discount_column() -> None:
    """ "Prix de base | Prix net": the net price is a price column (not the line's net amount), and of two
    prices the unit price is the list price on the left, the amount quantity × the net price."""
    texts = _head()
    for x, label in (
        (40, "Désignation"),
        (300, "Qté"),
        (390, "Prix de base"),
        (470, "Prix net"),
        (555, "Montant"),
    ):
        texts.append((x, 200, label, "l" if x == 40 else "r", True))
    rows = [
        ("Gestion de projet", "22", "1 239,71", "1 053,75", "23 182,50"),
        ("Audit", "4", "252,63", "214,74", "858,96"),
    ]
    for k, (text, quantity, listed, net, amount) in enumerate(rows):
        y = 220 + 14 * k
        texts += [(40, y, text, "l", False), (300, y, quantity, "r", False), (390, y, listed, "r", False)]
        texts += [(470, y, net, "r", False), (555, y, amount, "r", False)]
    result = _page(texts)

    def number(text: str) -> Decimal:
        return d(text.replace(" ", "").replace(",", "."))

    assert items(result) == [(t, d(q), number(listed), number(a)) for t, q, listed, _, a in rows]
