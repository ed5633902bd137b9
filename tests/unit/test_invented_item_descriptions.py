"""Item descriptions on invented designs (real PDFs made with reportlab, read by the whole in-process
pipeline): references printed with an item in its own type (delivery note, order, serial number, period,
EAN) above or below its name, on the figures row or on lines of their own; a description column headed
by a label we do not know; a code column whose label reads like a description one. The description
expected is the item's name: reference lines identify a document or a unit the item relates to, which
ground truth keeps out of the name."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import pytest
from tests.unit.item_pdfs import Text, money, pdf_pages

from invoiceflow.domain.extraction.item_rows import is_reference_line
from invoiceflow.domain.extraction.layout import fold
from invoiceflow.domain.models import AggregatedInvoice, OcrMode
from invoiceflow.domain.pipeline import extract_invoice

# (x, y from the top, text, alignment "l" / "r", bold); every text 8.5 pt: references in the item's type.
Expected = tuple[str, Decimal, Decimal, Decimal]


def _document(
    texts: list[Text], expected: list[Expected], comma: bool, labels: tuple[str, str, str]
) -> bytes:
    head: list[Text] = [
        (40, 40, "Fjordlys Verktøy AS", "l", True),
        (40, 62, "Strandgaten 12, 5013 Bergen", "l", False),
        (40, 110, "Nordlicht Handel AG", "l", False),
        (360, 110, "Invoice no.: F-2291", "l", False),
        (360, 122, "Date: 14.03.2024", "l", False),
    ]
    net = sum((e[3] for e in expected), Decimal(0))
    tax = (net * Decimal("0.25")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    y = max(t[1] for t in texts) + 28
    totals: list[Text] = []
    for n, (label, value) in enumerate(zip(labels, (net, tax, net + tax), strict=True)):
        totals += [(380, y + 14 * n, label, "l", False), (555, y + 14 * n, money(value, comma), "r", False)]
    return pdf_pages([head + texts + totals])


def _items(invoice: AggregatedInvoice) -> list[Expected]:
    return [
        (" ".join(i.description.split()), i.quantity or Decimal(0), i.unit_price or Decimal(0),
         i.amount or Decimal(0))
        for i in invoice.line_items
    ]  # fmt: skip


def _read(data: bytes) -> AggregatedInvoice:
    return extract_invoice(data, filename="invented.pdf", ocr=OcrMode.NEVER)


NAMES = ["Slangeklemme rustfri", "Filterpatron sort", "Kabelkanal M8", "Vinkelbeslag galvanisert"]
FIGURES = [(Decimal(10), Decimal("137.52")), (Decimal(2), Decimal("1369.99")),
           (Decimal(25), Decimal("29.40")), (Decimal(4), Decimal("1273.50"))]  # fmt: skip
REFERENCES = ["Lieferschein 4711 vom 03.05.2024", "EAN 4006381333931", "Period 01.03.2024 - 31.03.2024",
              "Serial no. SN302351"]  # fmt: skip
GERMAN_TOTALS = ("Summe netto", "USt. 25 %", "Rechnungsbetrag")


def _header(labels: Sequence[tuple[float, str, str]]) -> list[Text]:
    return [(x, 180, label, align, True) for x, label, align in labels]


POS_HEADER = [(40, "Pos.", "l"), (65, "Bezeichnung", "l"), (360, "Menge", "r"), (450, "Einzelpreis", "r"),
              (555, "Gesamt", "r")]  # fmt: skip


def _figures(y: float, quantity: Decimal, price: Decimal) -> list[Text]:
    return [
        (360, y, str(quantity), "r", False),
        (450, y, money(price, True), "r", False),
        (555, y, money(quantity * price, True), "r", False),
    ]


def test_the_figures_row_under_a_numbered_name_line_carries_a_reference_not_the_name() -> None:
    # "1  Slangeklemme rustfri" on its own line, the row under it "Lieferschein 4711 … 10  137,52  1.375,20":
    # each numbered line opens an item (no wrapped line of the one above), the reference is no name.
    texts = _header(POS_HEADER)
    expected: list[Expected] = []
    y = 198.0
    for n, (name, (quantity, price), reference) in enumerate(zip(NAMES, FIGURES, REFERENCES, strict=True), 1):
        texts += [
            (40, y, str(n), "l", False),
            (65, y, name, "l", False),
            (65, y + 10.5, reference, "l", False),
        ]
        texts += _figures(y + 10.5, quantity, price)
        expected.append((name, quantity, price, quantity * price))
        y += 26.5
    assert _items(_read(_document(texts, expected, True, GERMAN_TOTALS))) == expected


def test_a_reference_on_the_figures_row_above_the_name_is_no_part_of_it() -> None:
    texts = _header(POS_HEADER)
    expected: list[Expected] = []
    y = 198.0
    for n, (name, (quantity, price), reference) in enumerate(zip(NAMES, FIGURES, REFERENCES, strict=True), 1):
        texts += [
            (40, y, str(n), "l", False),
            (65, y, reference, "l", False),
            (65, y + 10.5, name, "l", False),
        ]
        texts += _figures(y, quantity, price)
        expected.append((name, quantity, price, quantity * price))
        y += 26.5
    assert _items(_read(_document(texts, expected, True, GERMAN_TOTALS))) == expected


@pytest.mark.parametrize("references", [1, 2])
def test_reference_lines_under_a_wrapped_name_in_its_own_type_are_left_out(references: int) -> None:
    texts = _header(POS_HEADER)
    expected: list[Expected] = []
    y = 198.0
    for n, (name, (quantity, price)) in enumerate(zip(NAMES, FIGURES, strict=True), 1):
        lines = [name, "mit Montagesatz und Anleitung"] if n % 2 else [name]
        texts += [(40, y, str(n), "l", False), *_figures(y, quantity, price)]
        texts += [(65, y + 10.5 * k, line, "l", False) for k, line in enumerate(lines)]
        y += 10.5 * len(lines)
        for k in range(references):
            texts.append((65, y, REFERENCES[(n + k) % len(REFERENCES)], "l", False))
            y += 10.5
        expected.append((" ".join(lines), quantity, price, quantity * price))
        y += 6
    assert _items(_read(_document(texts, expected, True, GERMAN_TOTALS))) == expected


@pytest.mark.parametrize("label", ["Varebeskrivelse", "Nimike", "Voce", "Text", "Prestation"])
def test_a_description_label_we_do_not_know_keeps_the_wrapped_lines(label: str) -> None:
    # The text column's label is of no known kind: its words must still count as the table's.
    texts = _header([(40, label, "l"), (330, "Qty", "r"), (450, "Unit price", "r"), (555, "Amount", "r")])
    expected: list[Expected] = []
    y = 198.0
    for name, (quantity, price) in zip(NAMES, FIGURES, strict=True):
        lines = [name, "with fixing kit, for outdoor use"]
        texts += [(40, y + 10.5 * k, line, "l", False) for k, line in enumerate(lines)]
        texts += [(330, y, str(quantity), "r", False), (450, y, money(price, False), "r", False),
                  (555, y, money(quantity * price, False), "r", False)]  # fmt: skip
        expected.append((" ".join(lines), quantity, price, quantity * price))
        y += 27
    assert (
        _items(_read(_document(texts, expected, False, ("Net total", "VAT 25 %", "Total due")))) == expected
    )


@pytest.mark.parametrize(("code_label", "text_label"), [("Item No.", "Service"), ("Item No.", "Text"),
                                                        ("Datum", "Leistung / Artikel"), ("Product", "Name"),
                                                        ("Code article", "Article")])  # fmt: skip
def test_a_code_column_whose_label_reads_like_a_description_is_not_the_description(
    code_label: str, text_label: str
) -> None:
    # "Item No." and "Product" name a codes' column with a description word; "Code article | Article"
    # holds two of them: the column whose cells hold words is the description.
    labels = [(40, code_label, "l"), (150, text_label, "l"), (380, "Qty", "r"), (460, "Unit price", "r"),
              (555, "Amount", "r")]  # fmt: skip
    texts = _header(labels)
    expected: list[Expected] = []
    y = 198.0
    for n, (name, (quantity, price)) in enumerate(zip(NAMES, FIGURES, strict=True)):
        code = {"Datum": f"0{n + 3}.03.2024", "Product": f"HX-{327 + n}-WS"}.get(
            code_label, f"{50772 + 317 * n}"
        )
        texts += [(40, y, code, "l", False), (150, y, name, "l", False), (380, y, str(quantity), "r", False),
                  (460, y, money(price, False), "r", False),
                  (555, y, money(quantity * price, False), "r", False)]  # fmt: skip
        expected.append((name, quantity, price, quantity * price))
        y += 14
    assert (
        _items(_read(_document(texts, expected, False, ("Net total", "VAT 25 %", "Total due")))) == expected
    )


@pytest.mark.parametrize(
    "text",
    ["Lieferschein 4711 vom 03.05.2024", "Order 12345 dated 03.05.2024", "Serial no. SN302351",
     "Period 01.03.2024 - 31.03.2024", "SKU: 123-4567", "N° de série 946558", "BL n° 4033 du 15.10.2024",
     "Pakbon 4937 d.d. 02.07.2024", "Période du 01.03.2024 au 31.03.2024", "4006381333931", "03/2024",
     "01.03.2024 – 31.03.2024", "Art.-Nr. 123.4567", "Auftrag 98495 vom 27.02.2024",
     "Følgeseddel 4711 av 03.05.2024", "Tilaus 12345 / 03.05.2024", "DDT n. 123 del 03/05/2024",
     "gemäß Angebot 4711 vom 03.05.2024", "selon devis n° 4711 du 03.05.2024"],
)  # fmt: skip
def test_reference_lines_are_told_by_a_keyword_and_a_number_or_by_codes_alone(text: str) -> None:
    assert is_reference_line(fold(text))


@pytest.mark.parametrize(
    "text",
    ["DN 25", "24 V IP65", "Tax return 2023", "Order handling", "Data migration 2024", "Support 2024",
     "Reference check 12 hours", "Payroll services Q1", "Period end closing", "M8 100 pcs",
     "Ordrebehandling", "Project management 2024", "Ordre 12 stk", "Quote review meeting"],
)  # fmt: skip
def test_names_with_figures_are_no_reference_lines(text: str) -> None:
    assert not is_reference_line(fold(text))


def test_group_titles_over_numbered_rows_are_no_part_of_the_row_below() -> None:
    # Rows numbered in the position column, grouped under titles without a number ("Kjøkken"): a title
    # a row pitch over its first row (also right under the header) opens no item and joins none.
    texts = _header(POS_HEADER)
    expected: list[Expected] = []
    y = 198.0
    groups = [("Kjøkken", NAMES[:2], FIGURES[:2]), ("Levering 2", NAMES[2:], FIGURES[2:])]
    n = 0
    for title, names, figures in groups:
        texts.append((65, y, title, "l", True))
        y += 14
        for name, (quantity, price) in zip(names, figures, strict=True):
            n += 1
            texts += [(40, y, str(n), "l", False), (65, y, name, "l", False), *_figures(y, quantity, price)]
            expected.append((name, quantity, price, quantity * price))
            y += 13
        y += 6
    assert _items(_read(_document(texts, expected, True, GERMAN_TOTALS))) == expected


def test_a_row_whose_figures_multiply_out_stays_an_item_without_text_of_its_own() -> None:
    # The last row of a page whose text went over the page break: quantity × price = amount makes it an
    # item all the same (the count and its figures hold; its description is empty).
    texts = _header(POS_HEADER)
    expected: list[Expected] = []
    y = 198.0
    for n, (name, (quantity, price)) in enumerate(zip(NAMES, FIGURES, strict=True), 1):
        text = "" if n == len(NAMES) else name
        texts += [(40, y, str(n), "l", False), *_figures(y, quantity, price)]
        texts += [(65, y, text, "l", False)] if text else []
        expected.append((text, quantity, price, quantity * price))
        y += 14
    assert _items(_read(_document(texts, expected, True, GERMAN_TOTALS))) == expected


def test_names_over_reference_rows_set_tight_stay_with_their_own_figures() -> None:
    # No row numbers and rows as tight as their lines: each name reads like a wrapped line of the row
    # above; a reference ends an item's text, so the text after it belongs to the next row.
    texts = _header(POS_HEADER[1:])
    expected: list[Expected] = []
    y = 198.0
    for name, (quantity, price), reference in zip(NAMES, FIGURES, REFERENCES, strict=True):
        texts += [(65, y, name, "l", False), (65, y + 10.5, reference, "l", False)]
        texts += _figures(y + 10.5, quantity, price)
        expected.append((name, quantity, price, quantity * price))
        y += 22.5
    assert _items(_read(_document(texts, expected, True, GERMAN_TOTALS))) == expected


def test_text_left_of_a_centred_description_label_stays_the_description() -> None:
    # "N°" (no known label) and "Désignation" centred over wide cells: the text starts under "N°"'s side
    # of the column and seldom reaches under its own label; the labelled column keeps the description.
    labels = [(55, "N°", "c"), (195, "Désignation", "c"), (345, "Qté", "c"), (410, "P.U. HT", "c"),
              (502, "Montant HT", "c")]  # fmt: skip
    texts: list[Text] = []
    for x, label, _ in labels:
        width = 4.7 * len(label)  # centred by hand: the helper draws left- or right-aligned text
        texts.append((x - width / 2, 180, label, "l", True))
    expected: list[Expected] = []
    y = 198.0
    names = [*NAMES, "Slangeklemme sort", "Vinkelbeslag galvanisert for betong med skruer og plugger"]
    for n, (name, (quantity, price)) in enumerate(zip(names, FIGURES + FIGURES[:2], strict=True), 1):
        texts += [(52, y, str(n), "l", False), (74, y, name, "l", False), (366, y, str(quantity), "r", False),
                  (446, y, money(price, True), "r", False),
                  (551, y, money(quantity * price, True), "r", False)]  # fmt: skip
        expected.append((name, quantity, price, quantity * price))
        y += 16
    assert _items(_read(_document(texts, expected, True, ("Total HT", "TVA 25 %", "Total TTC")))) == expected
