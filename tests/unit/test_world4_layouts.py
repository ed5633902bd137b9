"""Arrangements of the fourth world set's countries on invented pages: a Greek document box whose cells
put the label over the value ("Σειρά | Αριθμός | Ημερομηνία"), a Cyrillic number under the title ("№ …"),
column heads in Greek capitals and Cyrillic (folding: a capital Σ lower-cases to σ, "й" folds to "и"), a
Balkan per-rate base beside its rate, and a real PDF with Greek and Cyrillic text drawn by reportlab."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from tests.unit.sheets import Sheet, d, items, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.pipeline import extract_invoice


def test_a_greek_document_box_puts_each_label_over_its_value() -> None:
    s = Sheet()
    s.put(40, 40, "Αργυροχοΐα Κυκλάδων Ι.Κ.Ε.", size=13)
    s.put(40, 58, "ΑΦΜ: 003115400 · ΔΟΥ Νάξου")
    s.put(330, 40, "ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ", size=12)
    for x, label, value in ((330, "Σειρά", "Γ"), (390, "Αριθμός", "2718"), (470, "Ημερομηνία", "09/02/2026")):
        s.put(x, 62, label, size=8)
        s.put(x, 74, value)
    s.put(40, 120, "ΣΤΟΙΧΕΙΑ ΠΕΛΑΤΗ")
    s.put(40, 134, "Επωνυμία: Κοσμηματοπωλείο Ωρίων Ο.Ε.")
    s.table(
        200,
        [(40, "ΠΕΡΙΓΡΑΦΗ", False), (360, "ΠΟΣΟΤΗΤΑ", True), (460, "ΤΙΜΗ ΜΟΝΑΔΑΣ", True), (555, "ΑΞΙΑ", True)],
        [["Ασημένια βραχιόλια", "3", "40,00", "120,00"], ["Δαχτυλίδια", "4", "20,00", "80,00"]],
    )
    for n, (label, amount) in enumerate(
        (("ΚΑΘΑΡΗ ΑΞΙΑ", "200,00"), ("ΦΠΑ 24%", "48,00"), ("ΣΥΝΟΛΟ", "248,00 €"))
    ):
        s.put(360, 280 + 16 * n, label)
        s.put(555, 280 + 16 * n, amount, right=True)
    result = extract_page(s.page())
    got = values(result)
    assert got["invoice_number"] == "2718"
    assert got["issue_date"] == "2026-02-09"
    assert got["issuer.vat_id"] == "EL003115400"
    assert got["recipient.name"] == "Κοσμηματοπωλείο Ωρίων Ο.Ε."
    assert items(result) == [
        ("Ασημένια βραχιόλια", d("3"), d("40.00"), d("120.00")),
        ("Δαχτυλίδια", d("4"), d("20.00"), d("80.00")),
    ]
    assert (got["totals.net"], got["totals.tax"], got["totals.gross"]) == ("200.00", "48.00", "248.00")


def test_a_cyrillic_number_under_the_title_and_a_head_with_folded_letters() -> None:
    s = Sheet()
    s.put(250, 40, "ФАКТУРА", size=18)
    s.put(262, 64, "№ 0000002718")
    s.put(430, 40, "Дата: 09.02.2026 г.")
    s.put(430, 54, "Поръчка № 4412")  # an order's number: "№" inside its cell is no invoice number's label
    s.put(40, 100, "Доставчик:")
    s.put(40, 114, "Сребърна работилница Тракия ЕООД")
    s.put(40, 128, "ДДС №: BG206089890")
    s.put(330, 100, "Получател:")
    s.put(330, 114, "Бижутерия Искра ООД")
    s.table(
        200,
        [(40, "№", False), (60, "Наименование", False), (360, "Количество", True), (460, "Ед. цена", True),
         (555, "Стойност", True)],
        [["1", "Сребърни гривни", "3", "40,00", "120,00"], ["2", "Пръстени", "4", "20,00", "80,00"]],
    )  # fmt: skip
    for n, (label, amount) in enumerate(
        (("Данъчна основа", "200,00"), ("ДДС 20 %", "40,00"), ("Сума за плащане", "240,00 лв."))
    ):
        s.put(360, 280 + 16 * n, label)
        s.put(555, 280 + 16 * n, amount, right=True)
    result = extract_page(s.page())
    got = values(result)
    assert got["invoice_number"] == "0000002718"
    assert got["currency"] == "BGN"
    assert got["issuer.name"] == "Сребърна работилница Тракия ЕООД"
    assert got["recipient.name"] == "Бижутерия Искра ООД"
    assert [row[0] for row in items(result)] == ["Сребърни гривни", "Пръстени"]
    assert got["totals.gross"] == "240.00"


def test_a_per_rate_base_beside_its_rate_is_no_tax_line_of_its_own() -> None:
    """Serbian "Osnovica za PDV 20%": the base of the 20 % rate, the tax on the line below it."""
    s = Sheet()
    s.put(40, 40, "Staklorezac Marković d.o.o.", size=13)
    s.put(40, 56, "PIB: 169262879")
    s.put(330, 40, "FAKTURA br. 77/26")
    s.put(330, 54, "Datum izdavanja: 09.02.2026.")
    s.put(40, 100, "Kupac:")
    s.put(40, 114, "Pekara Zlatni Klas d.o.o.")
    s.table(
        180,
        [(40, "Naziv", False), (360, "Količina", True), (460, "Cena", True), (555, "Iznos", True)],
        [
            ["Ogledalo 60x90", "2", "5.000,00", "10.000,00"],
            ["Kalendar za 2026.", "10", "1.000,00", "10.000,00"],
        ],
    )
    totals = (
        ("Osnovica za PDV 20%", "10.000,00"),
        ("PDV 20%", "2.000,00"),
        ("Osnovica za PDV 10%", "10.000,00"),
        ("PDV 10%", "1.000,00"),
        ("Ukupno za uplatu", "23.000,00 din."),
    )
    for n, (label, amount) in enumerate(totals):
        s.put(330, 260 + 16 * n, label)
        s.put(555, 260 + 16 * n, amount, right=True)
    result = extract_page(s.page())
    assert [(line.rate, line.base, line.amount) for line in result.tax_lines] == [
        (d("20"), d("10000.00"), d("2000.00")),
        (d("10"), d("10000.00"), d("1000.00")),
    ]
    assert values(result)["currency"] == "RSD"
    assert values(result)["issuer.vat_id"] == "169262879"


def _pdf(lines: list[tuple[float, float, str, float]]) -> bytes:
    """A one-page A4 PDF drawn by reportlab in DejaVu Sans (Greek and Cyrillic glyphs): (x, y from the
    top, text, size) each."""
    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=1)
    _width, height = A4
    for x, y, text, size in lines:
        page.setFont("DejaVu", size)
        if x < 0:
            page.drawRightString(-x, height - y, text)
        else:
            page.drawString(x, height - y, text)
    page.save()
    return out.getvalue()


def test_a_bulgarian_pdf_text_layer_reads_end_to_end() -> None:
    pdf = _pdf(
        [
            (40, 50, "Керамична къща Странджа ЕООД", 14),
            (40, 66, "ул. Александровска 12, 8000 Бургас", 9),
            (40, 78, "ЕИК: 206089890 · ДДС №: BG206089890", 9),
            (380, 50, "ФАКТУРА № 0000003141", 12),
            (380, 66, "Дата на издаване: 14 май 2026 г.", 9),
            (380, 78, "Срок за плащане: 28.05.2026 г.", 9),
            (40, 120, "Получател:", 9),
            (40, 132, "Хотел Златен бряг АД", 9),
            (40, 190, "Наименование", 9),
            (-400, 190, "Количество", 9),
            (-480, 190, "Ед. цена", 9),
            (-555, 190, "Стойност", 9),
            (40, 206, "Керамични чинии", 9),
            (-400, 206, "12", 9),
            (-480, 206, "15,00", 9),
            (-555, 206, "180,00", 9),
            (40, 220, "Вази за цветя", 9),
            (-400, 220, "4", 9),
            (-480, 220, "30,00", 9),
            (-555, 220, "120,00", 9),
            (380, 260, "Данъчна основа", 9),
            (-555, 260, "300,00", 9),
            (380, 274, "ДДС 20 %", 9),
            (-555, 274, "60,00", 9),
            (380, 288, "Сума за плащане", 9),
            (-555, 288, "360,00 лв.", 9),
            (40, 330, "IBAN: BG84 BGUS 0000 0020 5091 84 · BIC: BGUSBGSF", 8),
        ]
    )
    invoice = extract_invoice(pdf, filename="invented-bg.pdf")
    assert invoice.invoice_number == "0000003141"
    assert str(invoice.issue_date) == "2026-05-14"
    assert str(invoice.due_date) == "2026-05-28"
    assert invoice.currency == "BGN"
    assert invoice.issuer.name == "Керамична къща Странджа ЕООД"
    assert invoice.issuer.vat_id == "BG206089890"
    assert invoice.issuer.iban == "BG84BGUS00000020509184"
    assert invoice.recipient.name == "Хотел Златен бряг АД"
    assert invoice.totals.gross == d("360.00")
    assert [item.description for item in invoice.line_items] == ["Керамични чинии", "Вази за цветя"]
