"""Item tables of invented designs our corpus generator never draws, as real PDFs (reportlab) through the
whole in-process pipeline: labels centred over ruled cells, bundle components without a price, small
print under an item, rows whose text starts like a totals label, prices per 100 pieces, a currency
without decimals, columns in right-to-left order. Every item is expected exactly."""

from __future__ import annotations

import io
import itertools
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from invoiceflow.domain.models import AggregatedInvoice, OcrMode
from invoiceflow.domain.pipeline import extract_invoice

Expected = tuple[str, Decimal | None, Decimal | None, Decimal]
# (x, y from the top, text, font size, alignment "l" / "r" / "c", bold)
Text = tuple[float, float, str, float, str, bool]
HEIGHT = A4[1]


def _pdf(texts: Sequence[Text], boxes: Sequence[tuple[float, float, float, float]] = ()) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    c.setLineWidth(0.5)
    for x0, y0, x1, y1 in boxes:
        c.rect(x0, HEIGHT - y1, x1 - x0, y1 - y0)
    for x, y, text, size, align, bold in texts:
        c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        draw = {"l": c.drawString, "r": c.drawRightString, "c": c.drawCentredString}[align]
        draw(x, HEIGHT - y - 0.8 * size, text)
    c.showPage()
    c.save()
    return buffer.getvalue()


def _head(vendor: str, number: str) -> list[Text]:
    return [
        (40, 40, vendor, 14, "l", True),
        (40, 62, "Musterweg 4, 20095 Hamburg", 8.5, "l", False),
        (40, 110, "Nordlicht Handel AG", 8.5, "l", False),
        (360, 110, number, 8.5, "l", False),
        (360, 122, "Date: 14.03.2024", 8.5, "l", False),
    ]


def _totals(y: float, labels: tuple[str, str, str], net: Decimal, rate: int, comma: bool) -> list[Text]:
    tax = (net * rate / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return [(380, y + 14 * n, label, 8.5, "l", False) for n, label in enumerate(labels)] + [
        (555, y + 14 * n, _num(v, comma), 8.5, "r", False) for n, v in enumerate((net, tax, net + tax))
    ]


def _num(value: Decimal, comma: bool, decimals: int = 2) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".") if comma else text


def _items(invoice: AggregatedInvoice) -> list[Expected]:
    return [
        (" ".join(i.description.split()), i.quantity, i.unit_price, i.amount or Decimal(0))
        for i in invoice.line_items
    ]


def _read(data: bytes) -> AggregatedInvoice:
    return extract_invoice(data, filename="invented.pdf", ocr=OcrMode.NEVER)


ROWS: list[tuple[str, Decimal, Decimal]] = [
    ("Filterpatrone schwarz", Decimal(10), Decimal("1375.22")),
    ("Schlauchschelle verzinkt", Decimal(1), Decimal("1369.99")),
    ("Kabelkanal M8", Decimal(20), Decimal("292.77")),
    ("Winkel Edelstahl", Decimal(4), Decimal("1273.52")),
]


def test_labels_centred_over_ruled_cells_keep_the_description_left_of_its_label() -> None:
    # Each cell boxed, its label centred: the short descriptions start far left of "Bezeichnung" and
    # never reach under it.
    texts = _head("Van Dijk Technik GmbH", "Rechnungsnr.: R-7068")
    edges = [40, 70, 320, 370, 450, 555]
    boxes: list[tuple[float, float, float, float]] = []
    y = 180.0
    for (x0, x1), label in zip(
        itertools.pairwise(edges),
        ["Pos.", "Bezeichnung", "Menge", "Einzelpreis", "Gesamt"],
        strict=True,
    ):
        boxes.append((x0, y - 4, x1, y + 14))
        texts.append(((x0 + x1) / 2, y + 1, label, 8.5, "c", True))
    y += 14
    expected: list[Expected] = []
    for n, (text, quantity, price) in enumerate(ROWS, 1):
        amount = quantity * price
        boxes += [(x0, y, x1, y + 18.5) for x0, x1 in itertools.pairwise(edges)]
        texts += [
            (55, y + 4, str(n), 8.5, "c", False),
            (74, y + 4, text, 8.5, "l", False),
            (366, y + 4, str(quantity), 8.5, "r", False),
            (446, y + 4, _num(price, True), 8.5, "r", False),
            (551, y + 4, _num(amount, True), 8.5, "r", False),
        ]
        expected.append((text, quantity, price, amount))
        y += 18.5
    net = sum((e[3] for e in expected), Decimal(0))
    texts += _totals(y + 16, ("Summe netto", "USt. 19 %", "Rechnungsbetrag"), net, 19, True)
    invoice = _read(_pdf(texts, boxes))
    assert _items(invoice) == expected
    assert invoice.totals.net == net


def test_bundle_components_with_a_count_and_no_price_are_no_items_and_keep_the_table_going() -> None:
    texts = _head("Brennwald Technik GmbH", "Rechnungsnr.: R-5521")
    y = 180.0
    for x, label, align in ((40, "Pos.", "l"), (62, "Bezeichnung", "l"), (360, "Menge", "r"),
                            (450, "Einzelpreis", "r"), (555, "Gesamt", "r")):  # fmt: skip
        texts.append((x, y, label, 8.5, align, True))
    y += 18
    components = [
        ["Kabelkanal schwarz", "Montageplatte verzinkt"],
        [],
        ["Dichtung schwarz", "Leuchte 24 V"],
        [],
    ]
    expected: list[Expected] = []
    for n, ((text, quantity, price), parts) in enumerate(zip(ROWS, components, strict=True), 1):
        amount = quantity * price
        texts += [
            (40, y, str(n), 8.5, "l", False),
            (62, y, text, 8.5, "l", False),
            (360, y, str(quantity), 8.5, "r", False),
            (450, y, _num(price, True), 8.5, "r", False),
            (555, y, _num(amount, True), 8.5, "r", False),
        ]
        expected.append((text, quantity, price, amount))
        y += 11
        for k, part in enumerate(parts):
            texts += [(72, y, f"- {part}", 7.5, "l", False), (360, y, str(k + 1), 7.5, "r", False)]
            y += 10
        y += 5
    net = sum((e[3] for e in expected), Decimal(0))
    texts += _totals(y + 12, ("Summe netto", "USt. 19 %", "Rechnungsbetrag"), net, 19, True)
    assert _items(_read(_pdf(texts))) == expected


@pytest.mark.parametrize(
    "detail", ["S/N 48213-332", "Zeitraum 01.03.2024 - 31.03.2024", "incl. 2 years warranty"]
)
def test_small_print_under_an_item_is_no_part_of_its_description(detail: str) -> None:
    texts = _head("Kestrel & Vane Ltd", "Invoice no.: KV-1187")
    y = 180.0
    for x, label, align in ((40, "No.", "l"), (62, "Description", "l"), (360, "Qty", "r"),
                            (450, "Unit price", "r"), (555, "Amount", "r")):  # fmt: skip
        texts.append((x, y, label, 8.5, align, True))
    y += 18
    expected: list[Expected] = []
    for n, (text, quantity, price) in enumerate(ROWS, 1):
        amount = quantity * price
        wrapped = ["Service contract for", f"{text} with on-site visits"] if n == 2 else [text]
        texts += [(62, y + 10.5 * k, line, 8.5, "l", False) for k, line in enumerate(wrapped)]
        texts += [
            (40, y, str(n), 8.5, "l", False),
            (360, y, str(quantity), 8.5, "r", False),
            (450, y, _num(price, False), 8.5, "r", False),
            (555, y, _num(amount, False), 8.5, "r", False),
            (62, y + 10.5 * len(wrapped), detail, 6.5, "l", False),
        ]
        expected.append((" ".join(wrapped), quantity, price, amount))
        y += 10.5 * len(wrapped) + 15
    net = sum((e[3] for e in expected), Decimal(0))
    texts += _totals(y + 12, ("Net total", "VAT 20 %", "Total due"), net, 20, False)
    assert _items(_read(_pdf(texts))) == expected


FEES = [
    ("Preparation of annual accounts", Decimal("2445.97")),
    ("Tax return 2023", Decimal("6114.68")),
    ("Total station rental, 3 days", Decimal("586.24")),
    ("Payroll services Q1", Decimal("1390.00")),
]


@pytest.mark.parametrize("order", [FEES, FEES[1:] + FEES[:1], FEES[2:] + FEES[:2]])
def test_fee_rows_whose_text_starts_like_a_totals_label_are_items(order: list[tuple[str, Decimal]]) -> None:
    # No quantity, no price: "Tax return 2023" and "Total station rental" start like the totals block.
    texts = _head("Harwick Accountants LLP", "Invoice no.: HA-2291")
    y = 180.0
    texts += [(40, y, "Description", 8.5, "l", True), (555, y, "Amount", 8.5, "r", True)]
    y += 20
    for text, amount in order:
        texts += [(40, y, text, 8.5, "l", False), (555, y, _num(amount, False), 8.5, "r", False)]
        y += 20
    net = sum((a for _, a in order), Decimal(0))
    texts += _totals(y + 12, ("Net total", "VAT 20 %", "Total due"), net, 20, False)
    assert _items(_read(_pdf(texts))) == [(text, None, None, amount) for text, amount in order]


def test_prices_per_hundred_pieces_keep_quantity_and_price_as_printed() -> None:
    # "Prijs/100" holds a figure like a row would; amount = quantity × price ÷ 100.
    texts = _head("Van Dijk BV", "Factuurnummer: 2024-118")
    y = 180.0
    for x, label, align in ((40, "Artikelnr.", "l"), (100, "Omschrijving", "l"), (360, "Aantal", "r"),
                            (450, "Prijs/100", "r"), (555, "Bedrag", "r")):  # fmt: skip
        texts.append((x, y, label, 8.5, align, True))
    y += 18
    rows = [("Kabelgoot zwaar", 2000, "7.96"), ("Hoeksteun 24 V", 100, "22.52"), ("Lasdoos M8", 250, "38.07")]
    expected: list[Expected] = []
    for k, (text, count, per_hundred) in enumerate(rows):
        quantity, price = Decimal(count), Decimal(per_hundred)
        amount = (quantity * price / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        texts += [
            (40, y, str(73247 + k), 8.5, "l", False),
            (100, y, text, 8.5, "l", False),
            (360, y, _num(quantity, True, 0), 8.5, "r", False),
            (450, y, _num(price, True), 8.5, "r", False),
            (555, y, _num(amount, True), 8.5, "r", False),
        ]
        expected.append((text, quantity, price, amount))
        y += 16
    net = sum((e[3] for e in expected), Decimal(0))
    texts += _totals(y + 12, ("Subtotaal", "BTW 21%", "Te betalen"), net, 21, True)
    assert _items(_read(_pdf(texts))) == expected


def test_whole_yen_amounts_with_thousands_commas_are_not_decimals() -> None:
    # No figure on the page has cents: "10,250" groups thousands, it is no 10.25.
    texts = _head("Kestrel Trading KK", "Invoice no.: KT-5531")
    texts.append((360, 134, "Currency: JPY", 8.5, "l", False))
    y = 180.0
    for x, label, align in ((40, "Description", "l"), (330, "Qty", "r"), (440, "Unit price (JPY)", "r"),
                            (555, "Amount (JPY)", "r")):  # fmt: skip
        texts.append((x, y, label, 8.5, align, True))
    y += 18
    rows = [("Bracket M8", 10, 10250), ("Hinge IP65", 3, 173450), ("Valve DN 25", 20, 183500)]
    expected: list[Expected] = []
    for text, count, yen in rows:
        quantity, price = Decimal(count), Decimal(yen)
        texts += [
            (40, y, text, 8.5, "l", False),
            (330, y, str(count), 8.5, "r", False),
            (440, y, _num(price, False, 0), 8.5, "r", False),
            (555, y, _num(quantity * price, False, 0), 8.5, "r", False),
        ]
        expected.append((text, quantity, price, quantity * price))
        y += 13
    net = sum((e[3] for e in expected), Decimal(0))
    tax = net / 10
    for n, (label, value) in enumerate(
        (("Subtotal", net), ("Consumption tax 10%", tax), ("Total", net + tax))
    ):
        texts += [(380, y + 12 + 14 * n, label, 8.5, "l", False)]
        texts += [(555, y + 12 + 14 * n, "¥" + _num(value, False, 0), 8.5, "r", False)]
    invoice = _read(_pdf(texts))
    assert _items(invoice) == expected
    assert invoice.totals.net == net


def test_columns_right_to_left_take_the_quantity_from_its_cell_not_from_the_text() -> None:
    texts = _head("Atelier Moreau SARL", "Facture n°: F-2024-311")
    y = 180.0
    for x, label, align in ((100, "Montant HT", "r"), (170, "P.U. HT", "r"), (215, "Qté", "r"),
                            (235, "Désignation", "l"), (555, "N°", "r")):  # fmt: skip
        texts.append((x, y, label, 8.5, align, True))
    y += 18
    rows = [("Joint 24 V noir", 25, "779.89"), ("Capteur IP65 M8", 6, "1375.08"), ("Vanne DN 25", 2, "99.50")]
    expected: list[Expected] = []
    for n, (text, count, unit) in enumerate(rows, 1):
        quantity, price = Decimal(count), Decimal(unit)
        texts += [
            (100, y, _num(quantity * price, True), 8.5, "r", False),
            (170, y, _num(price, True), 8.5, "r", False),
            (215, y, str(count), 8.5, "r", False),
            (235, y, text, 8.5, "l", False),
            (555, y, str(n), 8.5, "r", False),
        ]
        expected.append((text, quantity, price, quantity * price))
        y += 16
    net = sum((e[3] for e in expected), Decimal(0))
    texts += _totals(y + 12, ("Total HT", "TVA 20 %", "Total TTC"), net, 20, True)
    assert _items(_read(_pdf(texts))) == expected


def test_numbered_group_titles_over_outline_positions_are_no_part_of_any_item() -> None:
    # "2  Recherche" (bold, no figures) over rows "2.1", "2.2": neither the first row's opening line nor a
    # wrapped line of the row above, and the table goes on under it.
    texts = _head("Brennwald Bau GmbH", "Rechnungsnr.: R-4410")
    y = 180.0
    for x, label, align in ((40, "N°", "l"), (75, "Bezeichnung", "l"), (340, "Menge", "r"),
                            (450, "Einzelpreis", "r"), (555, "Gesamt", "r")):  # fmt: skip
        texts.append((x, y, label, 8.5, align, True))
    y += 18
    expected: list[Expected] = []
    for group, (title, rows) in enumerate((("Rohbau", ROWS[:2]), ("Elektroarbeiten", ROWS[2:])), 1):
        texts += [(40, y, str(group), 8.5, "l", True), (75, y, title, 8.5, "l", True)]
        y += 14
        for sub, (text, quantity, price) in enumerate(rows, 1):
            amount = quantity * price
            texts += [
                (40, y, f"{group}.{sub}", 8.5, "l", False),
                (75, y, text, 8.5, "l", False),
                (340, y, str(quantity), 8.5, "r", False),
                (450, y, _num(price, True), 8.5, "r", False),
                (555, y, _num(amount, True), 8.5, "r", False),
            ]
            expected.append((text, quantity, price, amount))
            y += 15.5
        y += 6
    net = sum((e[3] for e in expected), Decimal(0))
    texts += _totals(y + 12, ("Summe netto", "USt. 19 %", "Rechnungsbetrag"), net, 19, True)
    assert _items(_read(_pdf(texts))) == expected


def test_quantities_written_with_a_times_sign_keep_the_table_reading_of_descriptions() -> None:
    # "25x  623,44  15 586,00" also reads like a receipt's "n x price" detail line: the table's column
    # reading keeps the wrapped line and leaves the position number out of the text.
    texts = _head("Atelier Moreau SARL", "Facture n°: F-2024-090")
    y = 180.0
    for x, label, align in ((40, "N°", "l"), (62, "Désignation", "l"), (350, "Qté", "r"),
                            (450, "P.U. HT", "r"), (555, "Montant HT", "r")):  # fmt: skip
        texts.append((x, y, label, 8.5, align, True))
    y += 18
    expected: list[Expected] = []
    for n, (text, quantity, price) in enumerate(ROWS, 1):
        amount = quantity * price
        wrapped = [text, "avec fixations et notice"] if n == 1 else [text]
        texts += [(62, y + 10.5 * k, line, 8.5, "l", False) for k, line in enumerate(wrapped)]
        texts += [
            (40, y, f"{n}.", 8.5, "l", False),
            (350, y, f"{quantity}x", 8.5, "r", False),
            (450, y, _num(price, True).replace(".", "\u00a0"), 8.5, "r", False),
            (555, y, _num(amount, True).replace(".", "\u00a0"), 8.5, "r", False),
        ]
        expected.append((" ".join(wrapped), quantity, price, amount))
        y += 10.5 * len(wrapped) + 6
    net = sum((e[3] for e in expected), Decimal(0))
    texts += _totals(y + 12, ("Total HT", "TVA 20 %", "Total TTC"), net, 20, True)
    assert _items(_read(_pdf(texts))) == expected


def test_quantities_grouped_by_a_space_are_one_number() -> None:
    # "5 000" right-aligned under a narrow "Qté": its "5" stands left of the label, in the description's
    # range; both parts fall in the quantity column.
    texts = _head("Atelier Moreau SARL", "Facture n°: F-2024-118")
    y = 180.0
    for x, label, align in ((40, "Réf.", "l"), (100, "Désignation", "l"), (360, "Qté", "r"),
                            (450, "Prix/100", "r"), (555, "Montant HT", "r")):  # fmt: skip
        texts.append((x, y, label, 8.5, align, True))
    y += 18
    rows = [("Vis inox M8", 5000, "4.19"), ("Rondelle plate", 1500, "87.34"), ("Cheville 8 mm", 250, "38.07")]
    expected: list[Expected] = []
    for k, (text, count, per_hundred) in enumerate(rows):
        quantity, price = Decimal(count), Decimal(per_hundred)
        amount = (quantity * price / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        texts += [
            (40, y, str(67742 + k), 8.5, "l", False),
            (100, y, text, 8.5, "l", False),
            (360, y, f"{count:,}".replace(",", "\u00a0"), 8.5, "r", False),
            (450, y, _num(price, True), 8.5, "r", False),
            (555, y, _num(amount, True).replace(".", "\u00a0"), 8.5, "r", False),
        ]
        expected.append((text, quantity, price, amount))
        y += 16
    net = sum((e[3] for e in expected), Decimal(0))
    texts += _totals(y + 12, ("Total HT", "TVA 20 %", "Total TTC"), net, 20, True)
    assert _items(_read(_pdf(texts))) == expected


@pytest.mark.parametrize(
    ("labels", "cents"),
    [
        (("Periode", "Omschrijving", "Verbruik", "ct/kWh", "Bedrag"), True),
        (("Period", "Charge", "Consumption", "p/kWh", "Amount"), True),
        (("Zeitraum", "Position", "Verbrauch", "Preis/kWh", "Betrag"), False),
    ],
)
def test_energy_charges_by_consumption_and_a_price_per_kwh(labels: tuple[str, ...], cents: bool) -> None:
    # Consumption "2.067 kWh" wider than its label, prices in cents per kWh (amount = kWh × ct ÷ 100) or
    # in euros with four decimals.
    comma = labels[0] != "Period"
    texts = _head("Stadtwerke Nordhafen", "Rechnungsnr.: SW-88120")
    y = 180.0
    for (x, align), label in zip(
        ((40, "l"), (150, "l"), (350, "r"), (450, "r"), (555, "r")), labels, strict=True
    ):
        texts.append((x, y, label, 8.5, align, True))
    y += 18
    expected: list[Expected] = []
    for name, kwh, price in (
        ("Day rate", 2067, "22.77"),
        ("Night rate", 924, "32.20"),
        ("Peak rate", 318, "41.97"),
    ):
        quantity = Decimal(kwh)
        unit_price = Decimal(price) if cents else Decimal(price) / 100
        amount = (quantity * Decimal(price) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        price_text = _num(unit_price, comma) if cents else _num(unit_price, comma, 4)
        texts += [
            (40, y, "01.01.2024 - 31.01.2024", 7.5, "l", False),
            (150, y, name, 8.5, "l", False),
            (350, y, f"{_num(quantity, comma, 0)} kWh", 8.5, "r", False),
            (450, y, price_text, 8.5, "r", False),
            (555, y, _num(amount, comma), 8.5, "r", False),
        ]
        expected.append((name, quantity, unit_price, amount))
        y += 13
    net = sum((e[3] for e in expected), Decimal(0))
    texts += _totals(y + 12, ("Net total", "VAT 19 %", "Total due"), net, 19, comma)
    assert _items(_read(_pdf(texts))) == expected


def test_fee_note_with_dot_leaders_and_years_in_the_text_keeps_each_text_whole() -> None:
    # No header: the columns come from the figures; "2023" inside two texts is no column of its own, and
    # the leader dots are no part of the description.
    fees = [
        ("Erstellung Jahresabschluss 2023", Decimal("1261.98")),
        ("Beratung Umstrukturierung", Decimal("5983.06")),
        ("Einkommensteuererklärung 2023", Decimal("899.00")),
        ("Lohnbuchhaltung Q1", Decimal("1406.65")),
    ]
    texts = _head("Kanzlei Brennwald & Partner", "Rechnungsnr.: 2024-0311")
    y = 180.0
    for text, amount in fees:
        dots = "." * int((430 - 40 - 4.7 * len(text)) / 2.4)
        texts += [(40, y, f"{text} {dots}", 8.5, "l", False), (555, y, _num(amount, True), 8.5, "r", False)]
        y += 16
    net = sum((a for _, a in fees), Decimal(0))
    texts += _totals(y + 12, ("Summe netto", "USt. 19 %", "Rechnungsbetrag"), net, 19, True)
    assert _items(_read(_pdf(texts))) == [(text, None, None, amount) for text, amount in fees]


@pytest.mark.parametrize("pitch", [58.0, 64.0])
def test_rows_as_tall_as_a_product_picture_stay_one_table(pitch: float) -> None:
    texts = _head("Kestrel & Vane Ltd", "Invoice no.: KV-3012")
    boxes: list[tuple[float, float, float, float]] = []
    y = 180.0
    for x, label, align in ((90, "Description", "l"), (360, "Qty", "r"), (450, "Unit price", "r"),
                            (555, "Amount", "r")):  # fmt: skip
        texts.append((x, y, label, 8.5, align, True))
    y += 22
    expected: list[Expected] = []
    for text, quantity, price in ROWS:
        amount = quantity * price
        boxes.append((40, y - 4, 80, y + pitch - 12))
        texts += [
            (90, y, text, 8.5, "l", False),
            (360, y, str(quantity), 8.5, "r", False),
            (450, y, _num(price, False), 8.5, "r", False),
            (555, y, _num(amount, False), 8.5, "r", False),
        ]
        expected.append((text, quantity, price, amount))
        y += pitch
    net = sum((e[3] for e in expected), Decimal(0))
    texts += _totals(y + 12, ("Net total", "VAT 20 %", "Total due"), net, 20, False)
    assert _items(_read(_pdf(texts, boxes))) == expected


def test_a_second_table_under_its_own_title_and_header_adds_no_title_to_its_first_row() -> None:
    texts = _head("Brennwald Technik GmbH", "Rechnungsnr.: R-6610")
    y = 180.0
    expected: list[Expected] = []
    net = Decimal(0)
    for title, labels, rows in (
        ("Material", ("Bezeichnung", "Menge", "Einzelpreis", "Gesamt"), ROWS[:2]),
        ("Arbeitsleistung", ("Bezeichnung", "Std.", "Satz", "Gesamt"), ROWS[2:]),
    ):
        texts.append((40, y, title, 10, "l", True))
        y += 16
        for (x, align), label in zip(((40, "l"), (360, "r"), (450, "r"), (555, "r")), labels, strict=True):
            texts.append((x, y, label, 8.5, align, True))
        y += 18
        part = Decimal(0)
        for text, quantity, price in rows:
            amount = quantity * price
            texts += [
                (40, y, text, 8.5, "l", False),
                (360, y, str(quantity), 8.5, "r", False),
                (450, y, _num(price, True), 8.5, "r", False),
                (555, y, _num(amount, True), 8.5, "r", False),
            ]
            expected.append((text, quantity, price, amount))
            part += amount
            y += 16.5
        texts += [(380, y, "Zwischensumme", 8.5, "l", False), (555, y, _num(part, True), 8.5, "r", False)]
        net += part
        y += 26
    texts += _totals(y + 12, ("Summe netto", "USt. 19 %", "Rechnungsbetrag"), net, 19, True)
    assert _items(_read(_pdf(texts))) == expected


def test_a_description_wrapped_inside_a_hyphenated_compound_keeps_its_hyphen() -> None:
    # Lines end inside "Vor-Ort-Einsatz" and after "Wartungs-" (of "Wartungs- und Prüfarbeiten"):
    # PDFium reads a line's closing hyphen as U+FFFE.
    rows = [
        (
            ["Montage Vor-Ort-", "Einsatz mit E-Mail-", "Support"],
            "Montage Vor-Ort-Einsatz mit E-Mail-Support",
        ),
        (["Wartungs- und", "Prüfarbeiten"], "Wartungs- und Prüfarbeiten"),
        (["Kabelkanal verzinkt"], "Kabelkanal verzinkt"),
    ]
    texts = _head("Elektro Sommerfeld GmbH", "Rechnungsnr.: ES-2024-0419")
    y = 180.0
    for x, label, align in ((40, "Bezeichnung", "l"), (340, "Menge", "r"), (450, "Einzelpreis", "r"),
                            (555, "Betrag", "r")):  # fmt: skip
        texts.append((x, y, label, 8.5, align, True))
    y += 18
    expected: list[Expected] = []
    for (lines, text), (_, quantity, price) in zip(rows, ROWS, strict=False):
        amount = quantity * price
        texts += [(40, y + 10.5 * k, line, 8.5, "l", False) for k, line in enumerate(lines)]
        texts += [
            (340, y, str(quantity), 8.5, "r", False),
            (450, y, _num(price, True), 8.5, "r", False),
            (555, y, _num(amount, True), 8.5, "r", False),
        ]
        expected.append((text, quantity, price, amount))
        y += 10.5 * len(lines) + 6
    net = sum((e[3] for e in expected), Decimal(0))
    texts += _totals(y + 12, ("Summe netto", "USt. 19 %", "Rechnungsbetrag"), net, 19, True)
    assert _items(_read(_pdf(texts))) == expected


def test_a_tax_line_over_a_shipping_charge_still_ends_the_table() -> None:
    # No net line: "VAT 57.58" (20 % of the rows) starts the totals block; "Shipping" below it has text and
    # an amount like a fee row would, but the tax on the rows above is no item.
    texts = _head("Harwick Accountants LLP", "Invoice no.: HA-2292")
    y = 180.0
    texts += [(40, y, "Description", 8.5, "l", True), (555, y, "Amount", 8.5, "r", True)]
    y += 20
    fees = FEES[:1] + FEES[3:]
    for text, amount in fees:
        texts += [(40, y, text, 8.5, "l", False), (555, y, _num(amount, False), 8.5, "r", False)]
        y += 20
    net = sum((a for _, a in fees), Decimal(0))
    tax = (net * 20 / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    for label, value in (("VAT", tax), ("Shipping", Decimal("12.00")), ("Total due", net + tax + 12)):
        texts += [(380, y + 12, label, 8.5, "l", False), (555, y + 12, _num(value, False), 8.5, "r", False)]
        y += 14
    assert _items(_read(_pdf(texts))) == [(text, None, None, amount) for text, amount in fees]
