"""Item descriptions on invented designs (real PDFs made with reportlab, read by the whole in-process
pipeline): secondary lines under an item's name that carry figures or metadata in running text (a money
share, a deposit, a discount on a list price, a pack size, measurements, a service period, labelled
codes, a line-level tax note, a restated unit price) are no part of the description, while names and
wrapped name lines with figures of their own ("DN 25", "Monitor 27 inch 4K") are; and a description
whose last wrapped lines went over a page break is completed from the top of the next page."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import pytest
from tests.unit.item_pdfs import Text, money, pdf_pages

from invoiceflow.domain.aggregate import merge_line_items
from invoiceflow.domain.extraction.item_rows import is_figure_line
from invoiceflow.domain.extraction.layout import fold
from invoiceflow.domain.models import AggregatedInvoice, LineItem, OcrMode, PageExtraction, TextSource
from invoiceflow.domain.pipeline import extract_invoice

# (x, y from the top, text, alignment "l" / "r", bold)
Expected = tuple[str, Decimal, Decimal, Decimal]
NAMES = ["Slangeklemme rustfri", "Filterpatron sort", "Kabelkanal M8", "Vinkelbeslag galvanisert"]
FIGURES = [(Decimal(10), Decimal("137.52")), (Decimal(2), Decimal("1369.99")),
           (Decimal(25), Decimal("29.40")), (Decimal(4), Decimal("1273.50"))]  # fmt: skip


HEAD: list[Text] = [
    (40, 40, "Fjordlys Verktøy AS", "l", True),
    (40, 62, "Strandgaten 12, 5013 Bergen", "l", False),
    (40, 110, "Nordlicht Handel AG", "l", False),
    (360, 110, "Invoice no.: F-2291", "l", False),
    (360, 122, "Date: 14.03.2024", "l", False),
]


def _totals(y: float, expected: list[Expected], comma: bool, labels: tuple[str, str, str]) -> list[Text]:
    net = sum((e[3] for e in expected), Decimal(0))
    tax = (net * Decimal("0.25")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    totals: list[Text] = []
    for n, (label, value) in enumerate(zip(labels, (net, tax, net + tax), strict=True)):
        totals += [(380, y + 14 * n, label, "l", False), (555, y + 14 * n, money(value, comma), "r", False)]
    return totals


def _items(invoice: AggregatedInvoice) -> list[Expected]:
    return [
        (" ".join(i.description.split()), i.quantity or Decimal(0), i.unit_price or Decimal(0),
         i.amount or Decimal(0))
        for i in invoice.line_items
    ]  # fmt: skip


def _read(data: bytes) -> AggregatedInvoice:
    return extract_invoice(data, filename="invented.pdf", ocr=OcrMode.NEVER)


LANGUAGES = {
    "de": (True, [(40, "Pos."), (65, "Bezeichnung"), (360, "Menge"), (450, "Einzelpreis"), (555, "Gesamt")],
           ("Summe netto", "USt. 25 %", "Rechnungsbetrag")),
    "en": (False, [(40, "#"), (65, "Description"), (360, "Qty"), (450, "Unit price"), (555, "Amount")],
           ("Net total", "VAT 25 %", "Total due")),
    "fr": (True, [(40, "N°"), (65, "Désignation"), (360, "Qté"), (450, "P.U. HT"), (555, "Montant HT")],
           ("Total HT", "TVA 25 %", "Total TTC")),
    "it": (True, [(40, "N."), (65, "Descrizione"), (360, "Quantità"), (450, "Prezzo"), (555, "Importo")],
           ("Imponibile", "IVA 25 %", "Totale fattura")),
}  # fmt: skip
SECONDARY = {
    "de": ["davon Lohnanteil 120,00 €", "inkl. 2,50 € Pfand je Kiste", "12 Stück à 0,75 l",
           "Maße 3,20 m x 2,10 m", "März 2024, 12 Stunden", "Listenpreis 129,00 abzgl. 15 %"],
    "en": ["incl. 2.50 deposit per crate", "5 x 19.90 EUR", "Pack of 100 pcs, 0.42 each",
           "Weight 12.5 kg, 40 x 60 x 80 cm", "Art. 4711-22 EAN 4006381333931 Lot L2304"],
    "fr": ["dont éco-participation 1,50 €", "Emballage de 24 bouteilles de 0,33 l", "Remise 10 % sur 99,00"],
    "it": ["IVA 22 % - Natura N2", "Sconto 5 % sul prezzo di listino 40,00", "Confezione da 6 pz a 3,50"],
}  # fmt: skip


def _document(language: str, item_lines: Sequence[Sequence[str]], numbered: bool) -> bytes:
    """Each item: its lines in the description column, the figures on the first one."""
    comma, header, labels = LANGUAGES[language]
    texts: list[Text] = list(HEAD)
    texts += [(x, 180, label, "r" if x > 300 else "l", True) for x, label in header[0 if numbered else 1 :]]
    y = 198.0
    expected: list[Expected] = []
    for n, (lines, (quantity, price)) in enumerate(zip(item_lines, FIGURES, strict=True), 1):
        if numbered:
            texts.append((40, y, str(n), "l", False))
        texts += [(360, y, str(quantity), "r", False), (450, y, money(price, comma), "r", False),
                  (555, y, money(quantity * price, comma), "r", False)]  # fmt: skip
        texts += [(65, y + 10.5 * k, line, "l", False) for k, line in enumerate(lines)]
        expected.append(("", quantity, price, quantity * price))
        y += 10.5 * len(lines) + 5
    return pdf_pages([texts + _totals(y + 20, expected, comma, labels)])


@pytest.mark.parametrize("numbered", [True, False])
@pytest.mark.parametrize(
    ("language", "secondary"), [(language, line) for language, lines in SECONDARY.items() for line in lines]
)
def test_a_secondary_line_of_figures_under_the_name_is_no_part_of_it(
    language: str, secondary: str, numbered: bool
) -> None:
    # The first and third names wrap onto a second line of words: that one stays.
    names = [[name, "mit Montagesatz"] if n % 2 == 0 else [name] for n, name in enumerate(NAMES)]
    data = _document(language, [[*name, secondary] for name in names], numbered)
    got = _items(_read(data))
    assert [g[0] for g in got] == [" ".join(name) for name in names]
    assert [g[1:] for g in got] == [(q, p, q * p) for q, p in FIGURES]


def test_wrapped_name_lines_with_figures_of_their_own_stay() -> None:
    item_lines = [["Flachbildschirm IPS", "Monitor 27 inch 4K"], ["Absperrklappe", "DN 25 PN 16 Edelstahl"],
                  ["Erstellung Einkommensteuer-", "erklärung 2023"],
                  ["Schrauben verzinkt", "M8 100 pcs"]]  # fmt: skip
    got = _items(_read(_document("de", item_lines, True)))
    assert [g[0] for g in got] == [
        "Flachbildschirm IPS Monitor 27 inch 4K",
        "Absperrklappe DN 25 PN 16 Edelstahl",
        "Erstellung Einkommensteuer- erklärung 2023",
        "Schrauben verzinkt M8 100 pcs",
    ]


@pytest.mark.parametrize(
    "text",
    ["davon Lohnanteil 120,00 €", "inkl. 2,50 € Pfand je Kiste", "Rabatt 10 % auf Listenpreis 99,00",
     "12 Stück à 0,75 l", "Packung mit 100 Stk.", "Maße 3,20 m x 2,10 m", "März 2024, 12 Stunden",
     "IVA 22 % - Natura N2", "5 x 19,90 EUR", "Gewicht 12,5 kg, 40 x 60 x 80 cm",
     "Art. 4711-22 EAN 4006381333931 Lot L2304", "Unit price restated: 5 × 19.90 EUR",
     "Hours: 12.5 at 85.00 per hour", "Periode januari 2024, 8 uur", "Envase de 6 botellas de 1,5 l"],
)  # fmt: skip
def test_secondary_lines_carry_two_signs_of_figures_in_running_text(text: str) -> None:
    assert is_figure_line(fold(text))


@pytest.mark.parametrize(
    "text",
    ["DN 25", "24 V IP65", "Tax return 2023", "Monitor 27 inch 4K", "M8 100 pcs",
     "Payroll services March 2024", "Kabel NYM-J 3x1,5 mm²", "Laptop 15,6 Zoll 16 GB RAM",
     "Wandfarbe weiß 10 l", "Stahlrohr DN 50 PN 16",
     "Erstellung Jahresabschluss 2023", "with fixing kit, for outdoor use", "Baumwolle 100 %"],
)  # fmt: skip
def test_names_with_figures_are_no_secondary_lines(text: str) -> None:
    assert not is_figure_line(fold(text))


LONG_NAME = ["Druckbegrenzungsventil", "einstellbar, mit Kontermutter", "für Ölhydraulik bis 350 bar"]


@pytest.mark.parametrize("repeat_header", [True, False])
@pytest.mark.parametrize("split_after", [1, 2])
def test_wrapped_lines_carried_over_a_page_break_complete_the_last_item(
    repeat_header: bool, split_after: int
) -> None:
    # Rows fill page 1; the last row's figures and first wrapped line(s) stand at its foot, its other
    # lines at the top of page 2 (under a repeated header or none), followed by more rows.
    comma, header, labels = LANGUAGES["de"]
    pages: list[list[Text]] = [list(HEAD)]
    expected: list[Expected] = []

    def header_at(y: float) -> None:
        pages[-1].extend((x, y, label, "r" if x > 300 else "l", True) for x, label in header)

    def row(y: float, lines: list[str]) -> None:
        n = len(expected) + 1
        quantity, price = Decimal(n % 7 + 1), Decimal("12.40") + n
        pages[-1].extend([(40, y, str(n), "l", False), (360, y, str(quantity), "r", False),
                          (450, y, money(price, comma), "r", False),
                          (555, y, money(quantity * price, comma), "r", False)])  # fmt: skip
        pages[-1].extend((65, y + 10.5 * k, line, "l", False) for k, line in enumerate(lines))
        expected.append((" ".join(lines), quantity, price, quantity * price))

    header_at(180)
    y = 198.0
    while y < 770 - 10.5 * split_after:
        row(y, [f"Normteil {len(expected) + 1} verzinkt"])
        y += 14.5
    row(y, LONG_NAME[:split_after])
    expected[-1] = (" ".join(LONG_NAME), *expected[-1][1:])
    pages.append([])
    y = 50.0
    if repeat_header:
        header_at(y)
        y += 18
    pages[-1].extend((65, y + 10.5 * k, line, "l", False) for k, line in enumerate(LONG_NAME[split_after:]))
    y += 10.5 * (len(LONG_NAME) - split_after) + 4
    for name in ["Montagepaste 250 g", "Dichtungssatz komplett"]:
        row(y, [name])
        y += 14.5
    pages[-1] += _totals(y + 20, expected, comma, labels)
    assert _items(_read(pdf_pages(pages))) == expected


def _page(number: int, items: list[str], continues: bool, carried: str = "") -> PageExtraction:
    return PageExtraction(
        page_number=number,
        text_source=TextSource.TEXT_LAYER,
        line_items=[LineItem(description=d, amount=Decimal(10)) for d in items],
        items_continue=continues,
        carried_description=carried,
    )


def test_carried_text_joins_the_last_item_only_after_a_table_that_continued() -> None:
    pages = [_page(1, ["Ventil", "Druckbegrenzungsventil einstellbar"], True),
             _page(2, ["Montagepaste"], False, "für Ölhydraulik")]  # fmt: skip
    merged = merge_line_items(pages, Decimal(30))
    assert [i.description for i in merged] == [
        "Ventil",
        "Druckbegrenzungsventil einstellbar für Ölhydraulik",
        "Montagepaste",
    ]
    pages[0] = _page(1, ["Ventil", "Druckbegrenzungsventil einstellbar"], False)
    merged = merge_line_items(pages, Decimal(30))
    assert [i.description for i in merged] == ["Ventil", "Druckbegrenzungsventil einstellbar", "Montagepaste"]


@pytest.mark.parametrize(
    ("language", "share"),
    [
        ("de", "davon Lohnanteil"),
        ("en", "thereof labour"),
        ("fr", "dont main-d'œuvre"),
        ("it", "di cui RAEE"),
    ],
)
def test_a_share_of_the_item_in_the_amount_column_is_no_item(language: str, share: str) -> None:
    # "davon Lohnanteil   412,56" under a craftsman's item, its figure right-aligned in the amount column:
    # a share of the item's amount (deductible labour, a levy), not a charge of its own.
    comma, header, labels = LANGUAGES[language]
    texts: list[Text] = [*HEAD, *((x, 180, label, "r" if x > 300 else "l", True) for x, label in header)]
    expected: list[Expected] = []
    y = 198.0
    for n, (name, (quantity, price)) in enumerate(zip(NAMES, FIGURES, strict=True), 1):
        amount = quantity * price
        share_amount = (amount * Decimal("0.3")).quantize(Decimal("0.01"))
        texts += [(40, y, str(n), "l", False), (65, y, name, "l", False), (360, y, str(quantity), "r", False),
                  (450, y, money(price, comma), "r", False), (555, y, money(amount, comma), "r", False),
                  (65, y + 10.5, share, "l", False),
                  (555, y + 10.5, money(share_amount, comma), "r", False)]  # fmt: skip
        expected.append((name, quantity, price, amount))
        y += 26
    texts += _totals(y + 20, expected, comma, labels)
    assert _items(_read(pdf_pages([texts]))) == expected


@pytest.mark.parametrize("label", ["Übertrag", "Zwischensumme Los 1", "Summe Material"])
def test_a_running_sum_between_rows_on_the_same_page_does_not_end_the_table(label: str) -> None:
    # "Übertrag 2.749,18" after two rows and two more rows under it: a running sum inside the table.
    comma, header, labels = LANGUAGES["de"]
    texts: list[Text] = [*HEAD, *((x, 180, name, "r" if x > 300 else "l", True) for x, name in header)]
    expected: list[Expected] = []
    y = 198.0
    for n, (name, (quantity, price)) in enumerate(zip(NAMES, FIGURES, strict=True), 1):
        texts += [(40, y, str(n), "l", False), (65, y, name, "l", False), (360, y, str(quantity), "r", False),
                  (450, y, money(price, comma), "r", False),
                  (555, y, money(quantity * price, comma), "r", False)]  # fmt: skip
        expected.append((name, quantity, price, quantity * price))
        y += 14
        if n == 2:
            running = sum((e[3] for e in expected), Decimal(0))
            texts += [(65, y, label, "l", True), (555, y, money(running, comma), "r", True)]
            y += 16
    texts += _totals(y + 20, expected, comma, labels)
    assert _items(_read(pdf_pages([texts]))) == expected


@pytest.mark.parametrize("numbered", [True, False])
def test_a_group_title_atop_the_next_page_does_not_join_the_last_item(numbered: bool) -> None:
    # Page 1's table runs to its foot; page 2 repeats the header and opens a new group ("Elektroarbeiten")
    # over its first row: a title, not the end of page 1's last item.
    comma, header, labels = LANGUAGES["de"]
    pages: list[list[Text]] = [list(HEAD)]
    expected: list[Expected] = []

    def header_at(y: float) -> None:
        pages[-1].extend(
            (x, y, name, "r" if x > 300 else "l", True) for x, name in header[0 if numbered else 1 :]
        )

    def row(y: float, name: str) -> None:
        n = len(expected) + 1
        quantity, price = Decimal(n % 5 + 1), Decimal("8.15") + n
        pages[-1].extend([(40, y, str(n), "l", False)] if numbered else [])
        pages[-1].extend([(65, y, name, "l", False), (360, y, str(quantity), "r", False),
                          (450, y, money(price, comma), "r", False),
                          (555, y, money(quantity * price, comma), "r", False)])  # fmt: skip
        expected.append((name, quantity, price, quantity * price))

    header_at(180)
    y = 198.0
    while y < 780:
        row(y, f"Rohrschelle {len(expected) + 1} verzinkt")
        y += 14.5
    on_first_page = len(expected)
    pages.append([])
    header_at(50)
    pages[-1].append((65, 68, "Elektroarbeiten", "l", True))
    y = 82.5
    for name in ["Kabel NYM-J 3x1,5 mm²", "Abzweigdose IP65"]:
        row(y, name)
        y += 14.5
    pages[-1] += _totals(y + 20, expected, comma, labels)
    got = _items(_read(pdf_pages(pages)))
    assert got[:on_first_page] == expected[:on_first_page]
    assert [g[1:] for g in got] == [e[1:] for e in expected]
    if numbered:  # unnumbered rows take the title into the first row's text (a known limit)
        assert got == expected
