"""Item rows whose figures are aligned to the top, the middle or the bottom of a multi-line description cell.

Word processors and many ERPs centre table cells vertically: in a row whose description has two lines
(a name and a detail line) the quantity, price and amount stand between the two lines, on neither
baseline; bottom-aligned cells put them on the last line. Each description line belongs to the row whose
figures share its band. Pages are hand-placed word layouts (``Sheet``) of our own invention in several
languages, with and without a position column, with the description's label centred over its column
(the text starts left of it) or left-aligned with it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.unit.item_pdfs import Text, pdf_pages
from tests.unit.sheets import Sheet, items

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.pipeline import extract_invoice

FONT = 9.0
PITCH = 11.0  # line pitch inside a cell
PAD = 5.0  # cell padding above and below

# (language, header labels: position, description, quantity, price, amount; totals labels)
LANGUAGES = {
    "de": (
        ("Pos.", "Bezeichnung", "Menge", "Einzelpreis", "Betrag"),
        ("Nettobetrag", "MwSt. 19 %", "Gesamt"),
    ),
    "fr": (("N°", "Désignation", "Qté", "Prix unitaire", "Montant"), ("Total HT", "TVA 20 %", "Total TTC")),
    "no": (("Nr.", "Beskrivelse", "Antall", "Enhetspris", "Beløp"), ("Netto", "MVA 25 %", "Totalt")),
    "it": (
        ("N.", "Descrizione", "Quantità", "Prezzo unitario", "Importo"),
        ("Imponibile", "IVA 22 %", "Totale"),
    ),
    "pl": (
        ("Lp.", "Nazwa towaru", "Ilość", "Cena netto", "Wartość"),
        ("Razem netto", "VAT 23 %", "Do zapłaty"),
    ),
}
TAX_RATE = {"de": "0.19", "fr": "0.20", "no": "0.25", "it": "0.22", "pl": "0.23"}

# Description cells of one to three lines (name, then detail lines), with no figures in running text.
CELLS = {
    "de": [
        ["Wartung Heizungsanlage", "Jährliche Inspektion"],
        ["Fensterreinigung Büro"],
        ["Montage Trennwand", "Arbeitszeit vor Ort", "inklusive Anfahrt"],
        ["Kaffeebohnen Hausmischung", "Röstung mittel"],
    ],
    "fr": [
        ["Nettoyage des vitres", "Passage mensuel"],
        ["Impression catalogues", "Papier recyclé", "Livraison comprise"],
        ["Entretien chaudière"],
        ["Pose de cloison", "Main d'œuvre sur site"],
    ],
    "no": [
        ["Rengjøring kontor", "Ukentlig vask", "Hele etasjen"],
        ["Lisens lagerprogram", "Tolv måneder"],
        ["Kaffebønner mørkbrent"],
        ["Montering skillevegg", "Arbeid per time"],
    ],
    "it": [
        ["Manutenzione caldaia", "Visita annuale"],
        ["Pulizia vetri uffici", "Servizio mensile"],
        ["Licenza software magazzino", "Rinnovo annuo", "Assistenza inclusa"],
    ],
    "pl": [
        ["Usługa sprzątania biura"],
        ["Druk katalogów", "Papier ekologiczny"],
        ["Serwis kotła gazowego", "Przegląd roczny", "Dojazd technika"],
        ["Montaż ścianki działowej", "Robocizna na miejscu"],
    ],
}
FIGURES = [
    (Decimal(2), Decimal("145.50")),
    (Decimal(12), Decimal("38.20")),
    (Decimal("2.5"), Decimal("96.00")),
    (Decimal(40), Decimal("7.35")),
]

X_POS, X_DESC, X_QTY, X_PRICE, X_AMOUNT = 40.0, 72.0, 330.0, 430.0, 550.0


def _money(value: Decimal, comma: bool) -> str:
    text = f"{value:,.2f}"
    return text.replace(",", " ").replace(".", ",") if comma else text


def _quantity(value: Decimal, comma: bool) -> str:
    text = str(value.normalize()) if value != value.to_integral() else str(int(value))
    return text.replace(".", ",") if comma else text


class _Page(Sheet):
    """A hand-placed page that also keeps its text runs, to print them into a real PDF."""

    def __init__(self) -> None:
        super().__init__(font_size=FONT)
        self.texts: list[Text] = []

    def put(self, x: float, y: float, text: str, size: float | None = None, right: bool = False) -> None:
        super().put(x, y, text, size=size, right=right)
        self.texts.append((x, y, text, "r" if right else "l", size is not None))


def _invoice(
    language: str, align: str, cells: list[list[str]], positions: bool, centred_label: bool
) -> tuple[_Page, list[tuple[str, Decimal, Decimal, Decimal]]]:
    """A page whose items table puts each row's figures at the ``align`` (top / middle / bottom) of the
    row's description cell; rows are as tall as their description, with padding above and below."""
    (pos_label, desc_label, qty_label, price_label, amount_label), totals = LANGUAGES[language]
    comma = language != "no"
    s = _Page()
    s.put(40, 40, "Lindqvist & Moreau Services", size=14)
    s.put(40, 64, "Invoice No: VA-2024-117")
    s.put(40, 76, "Date: 2024-06-12")
    y = 120.0
    if positions:
        s.put(X_POS, y, pos_label)
    # A label centred over its column starts right of where the cells' text starts.
    s.put(X_DESC + (60 if centred_label else 0), y, desc_label)
    s.put(X_QTY, y, qty_label, right=True)
    s.put(X_PRICE, y, price_label, right=True)
    s.put(X_AMOUNT, y, amount_label, right=True)
    row_top = y + FONT + 4
    expected = []
    for n, lines in enumerate(cells):
        quantity, price = FIGURES[n % len(FIGURES)]
        amount = (quantity * price).quantize(Decimal("0.01"))
        text_top = row_top + PAD
        for k, text in enumerate(lines):
            s.put(X_DESC, text_top + k * PITCH, text)
        span = (len(lines) - 1) * PITCH
        figures_top = text_top + {"top": 0.0, "middle": span / 2, "bottom": span}[align]
        if positions:
            s.put(X_POS, figures_top, str(n + 1))
        s.put(X_QTY, figures_top, _quantity(quantity, comma), right=True)
        s.put(X_PRICE, figures_top, _money(price, comma), right=True)
        s.put(X_AMOUNT, figures_top, _money(amount, comma), right=True)
        row_top = text_top + span + FONT + PAD
        expected.append((" ".join(lines), quantity, price, amount))
    net = sum((e[3] for e in expected), Decimal(0))
    tax = (net * Decimal(TAX_RATE[language])).quantize(Decimal("0.01"))
    for k, (label, value) in enumerate(zip(totals, (net, tax, net + tax), strict=True)):
        s.put(400, row_top + 16 + 14 * k, label)
        s.put(X_AMOUNT, row_top + 16 + 14 * k, _money(value, comma), right=True)
    return s, expected


CASES = [
    (language, align, positions, centred)
    for language in LANGUAGES
    for align in ("top", "middle", "bottom")
    for positions, centred in ((True, True), (False, False))
]


@pytest.mark.parametrize(("language", "align", "positions", "centred_label"), CASES)
def test_each_description_line_goes_to_the_row_whose_figures_share_its_band(
    language: str, align: str, positions: bool, centred_label: bool
) -> None:
    sheet, expected = _invoice(language, align, CELLS[language], positions, centred_label)
    assert items(extract_page(sheet.page())) == expected


@pytest.mark.parametrize("align", ["top", "middle", "bottom"])
def test_rows_of_two_lines_each_keep_name_and_detail_together(align: str) -> None:
    """Every row two lines tall (name and detail), the LibreOffice case: figures between the lines."""
    cells = [
        ["Window cleaning, ground floor", "Monthly round"],
        ["Workshop facilitation", "Half day, on site"],
        ["Translation of product sheet", "English to Dutch"],
        ["Courier delivery next day", "Zone three, tracked"],
        ["Hosting plan Medium", "Renewal for twelve months"],
    ]
    sheet, expected = _invoice("de", align, cells, positions=True, centred_label=True)
    got = items(extract_page(sheet.page()))
    assert [g[0] for g in got] == [e[0] for e in expected]
    assert got == expected


def test_single_line_rows_are_unchanged_whatever_the_alignment() -> None:
    cells = [["Schrauben M6 verzinkt"], ["Dübel Nylon"], ["Kabelbinder schwarz"]]
    for align in ("top", "middle", "bottom"):
        sheet, expected = _invoice("de", align, cells, positions=False, centred_label=False)
        assert items(extract_page(sheet.page())) == expected


@pytest.mark.parametrize(
    ("language", "align"), [("fr", "middle"), ("no", "bottom"), ("it", "middle"), ("de", "top")]
)
def test_a_real_pdf_of_centred_or_bottom_aligned_cells_reads_each_row_whole(
    language: str, align: str
) -> None:
    """The same tables printed into a PDF (Helvetica: no Polish letters) and read by the whole pipeline."""
    sheet, expected = _invoice(language, align, CELLS[language], positions=True, centred_label=True)
    invoice = extract_invoice(pdf_pages([sheet.texts]), filename=f"valign-{language}-{align}.pdf")
    got = [(i.description, i.quantity, i.unit_price, i.amount) for i in invoice.line_items]
    assert got == expected


def _narrow_table(cells: list[tuple[str, str, str, str]], gap: float) -> Sheet:
    """Quantity and price columns ``gap`` points apart (a table padded little, as LibreOffice prints)."""
    s = Sheet(font_size=FONT)
    s.put(40, 40, "Harbourline Data Services Inc.", size=14)
    s.put(40, 64, "Invoice No: HD-5521")
    s.put(40, 76, "Date: 2025-01-24")
    s.put(60, 120, "Item")
    s.put(200, 120, "Qty", right=True)
    s.put(200 + gap + 33, 120, "Rate", right=True)
    s.put(300, 120, "Amount", right=True)
    y = 134.0
    for name, quantity, rate, amount in cells:
        s.put(60, y, name)
        s.put(200, y, quantity, right=True)
        s.put(200 + gap, y, rate)
        s.put(300, y, amount, right=True)
        y += 14
    s.put(200, y + 10, "Subtotal")
    s.put(300, y + 10, "6,572.07", right=True)
    s.put(200, y + 24, "Total")
    s.put(300, y + 24, "6,572.07", right=True)
    return s


def test_a_quantity_and_a_price_a_narrow_gap_apart_are_two_figures_not_one_grouped_by_a_space() -> None:
    cells = [
        ("Data pipeline audit", "10", "578.00", "5,780.00"),
        ("Shipping and handling", "1", "792.07", "792.07"),
    ]
    got = items(extract_page(_narrow_table(cells, gap=6.0).page()))
    assert got == [
        ("Data pipeline audit", Decimal(10), Decimal("578.00"), Decimal("5780.00")),
        ("Shipping and handling", Decimal(1), Decimal("792.07"), Decimal("792.07")),
    ]


def test_a_number_grouped_by_a_word_space_in_one_column_stays_one_number() -> None:
    s = Sheet(font_size=FONT)
    s.put(40, 40, "Société Vernier & Fils", size=14)
    s.put(40, 64, "Facture N° : FV-2290")
    s.put(40, 76, "Date : 12/03/2024")
    s.put(60, 120, "Désignation")
    s.put(300, 120, "Qté", right=True)
    s.put(400, 120, "Prix unitaire", right=True)
    s.put(520, 120, "Montant", right=True)
    s.put(60, 134, "Groupe électrogène 60 kVA")
    s.put(300, 134, "1", right=True)
    s.put(400, 134, "12 578,00", right=True)
    s.put(520, 134, "12 578,00", right=True)
    s.put(400, 160, "Total HT")
    s.put(520, 160, "12 578,00", right=True)
    assert items(extract_page(s.page())) == [
        ("Groupe électrogène 60 kVA", Decimal(1), Decimal("12578.00"), Decimal("12578.00"))
    ]
