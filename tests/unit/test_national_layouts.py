"""Whole invented pages in the arrangements of countries beyond the first six languages: item tables whose
labels name the tax before or after its noun ("Kwota VAT", "ÁFA érték", "KDV Oranı", "Bez DPH"), net
unit prices ("Cena netto", "Nettó egységár"), a row of column numbers under the labels, whole forint
amounts grouped by spaces, a totals row that prints the net and the tax side by side, a VAT recap whose
totals row repeats the rate's row, a third tax beside the GST, a series before the invoice number, and a
company name whose legal form wrapped onto the next line beside another column."""

from __future__ import annotations

from decimal import Decimal

from tests.unit.sheets import Sheet, d, items, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.item_header import centred_header, header_columns
from invoiceflow.domain.extraction.layout import build_lines
from invoiceflow.domain.extraction.numbers import DecimalStyle, find_amounts, parse_number
from invoiceflow.domain.models import PageExtraction


def _sheet_with_parties(seller: str, buyer: str) -> Sheet:
    s = Sheet()
    s.put(40, 40, seller, size=14)
    s.put(40, 60, "Hlavní 12, 110 00 Praha")
    s.put(330, 100, buyer)
    s.put(330, 114, "Dlouhá 3, 602 00 Brno")
    return s


def test_tax_named_before_its_noun_and_net_unit_prices() -> None:
    # A Polish-style table: net unit price, net value, rate, tax and gross per row.
    s = _sheet_with_parties("Ogrodnik Wiśniewski Sp. z o.o.", "Kwiaciarnia Róża")
    s.put(40, 140, "Faktura VAT nr FV/2026/07/031")
    s.put(40, 156, "Data wystawienia: 2026-07-14")
    header = [
        (40, "Lp.", False),
        (70, "Nazwa", False),
        (250, "Ilość", True),
        (320, "Cena netto", True),
        (400, "Wartość netto", True),
        (450, "Stawka VAT", True),
        (500, "Kwota VAT", True),
        (570, "Wartość brutto", True),
    ]
    end = s.table(
        200,
        header,
        [
            ["1", "Sadzonki tui", "12", "18,50", "222,00", "8%", "17,76", "239,76"],
            ["2", "Transport ogrodowy", "1", "150,00", "150,00", "23%", "34,50", "184,50"],
        ],
    )
    s.put(300, end + 20, "Razem netto")
    s.put(570, end + 20, "372,00", right=True)
    s.put(300, end + 36, "VAT")
    s.put(570, end + 36, "52,26", right=True)
    s.put(300, end + 52, "Do zapłaty")
    s.put(570, end + 52, "424,26 zł", right=True)
    result = extract_page(s.page())
    # "Transport" opens a row here: a row that fills the item columns is an item whatever its words.
    assert items(result) == [
        ("Sadzonki tui", d("12"), d("18.50"), d("222.00")),
        ("Transport ogrodowy", d("1"), d("150.00"), d("150.00")),
    ]
    got = values(result)
    assert (got["totals.net"], got["totals.tax"], got["totals.gross"]) == ("372.00", "52.26", "424.26")
    assert got["currency"] == "PLN"


def test_hungarian_whole_forints_grouped_by_spaces() -> None:
    s = _sheet_with_parties("Fazekas Kerámia Kft.", "Pékség Bt.")
    s.put(40, 140, "Számla sorszáma: KSZ-2026-0412")
    s.put(40, 156, "Számla kelte: 2026.07.14.")
    s.put(40, 172, "Fizetési határidő: 2026.07.29.")
    header = [
        (40, "Megnevezés", False),
        (220, "Mennyiség", True),
        (320, "Nettó egységár", True),
        (400, "Nettó érték", True),
        (440, "ÁFA", True),
        (500, "ÁFA érték", True),
        (570, "Bruttó érték", True),
    ]
    end = s.table(
        220,
        header,
        [
            ["Kerámia tál", "6", "12 500", "75 000", "27%", "20 250", "95 250"],
            ["Kiszállítás", "1", "8 000", "8 000", "27%", "2 160", "10 160"],
        ],
    )
    s.put(300, end + 20, "Nettó összesen")
    s.put(570, end + 20, "83 000", right=True)
    s.put(300, end + 36, "ÁFA összesen")
    s.put(570, end + 36, "22 410", right=True)
    s.put(300, end + 52, "Fizetendő")
    s.put(570, end + 52, "105 410 Ft", right=True)
    result = extract_page(s.page())
    assert items(result) == [
        ("Kerámia tál", d("6"), d("12500"), d("75000")),
        ("Kiszállítás", d("1"), d("8000"), d("8000")),
    ]
    got = values(result)
    assert got["currency"] == "HUF"
    assert (got["totals.net"], got["totals.tax"], got["totals.gross"]) == (
        "83000.00",
        "22410.00",
        "105410.00",
    )


def test_a_space_grouped_whole_amount_is_one_number_only_alone_in_its_cell_or_before_its_currency() -> None:
    s = Sheet()
    s.put(40, 40, "Fizetendő: 1 896 872 Ft")
    s.put(40, 60, "Nettó")
    s.put(300, 60, "3 196 000")
    s.put(40, 80, "Szoba 2 100 éjszaka")
    # Two cells of an office export a few points apart, closer than a column gap: "1 493 600 | 403 272".
    s.put(40, 100, "Összesen")
    s.put(120, 100, "1 493 600")
    s.put(120 + 9 * 6 + 3 * 2 + 5.5, 100, "403 272")
    lines = build_lines(s.page())
    cells = [a.value for a in find_amounts(lines[3], DecimalStyle.COMMA)]
    assert cells == [Decimal(1493600), Decimal(403272)]
    first = [a.value for a in find_amounts(lines[0], DecimalStyle.COMMA)]
    cell = [a.value for a in find_amounts(lines[1], DecimalStyle.COMMA)]
    words = [a.value for a in find_amounts(lines[2], DecimalStyle.COMMA)]
    assert first == [Decimal(1896872)]
    assert cell == [Decimal(3196000)]
    assert words == [Decimal(2), Decimal(100)]  # inside running text the figures stay apart
    assert parse_number("12 041 620 Ft") is None  # one figure and its sign: not a number alone


def _romanian_page(two_rates: bool) -> PageExtraction:
    s = Sheet()
    s.put(40, 40, "Furnizor: Tâmplăria Mureș S.R.L.")
    s.put(330, 40, "Cumpărător: Librăria Olt S.A.")
    s.put(40, 56, "CIF: RO18547")
    s.put(200, 80, "FACTURĂ", size=16)
    s.put(200, 100, "Seria TMB nr. 0417")
    s.put(200, 116, "Data: 14.07.2026")
    s.put(200, 132, "Termen de plată: 28.07.2026")
    header = [
        (40, "Nr. crt.", False),
        (90, "Denumirea serviciilor", False),
        (300, "Cant.", True),
        (380, "Preț unitar", True),
        (470, "Valoarea", True),
        (560, "Valoarea TVA", True),
    ]
    rates = ("9", "19") if two_rates else ("19", "19")
    rows = [
        ["", "", "1", "2", "3", "4 (1x2)"],  # the columns' numbers under their labels
        ["1", "Raft stejar", "2", "400,00", "800,00", "152,00" if rates[0] == "19" else "72,00"],
        ["2", "Montaj", "3", "100,00", "300,00", "57,00"],
    ]
    end = s.table(180, header, rows)
    tax = Decimal("209.00") if rates[0] == "19" else Decimal("129.00")
    s.put(90, end + 16, "Total")
    s.put(470, end + 16, "1.100,00", right=True)
    s.put(560, end + 16, f"{tax:.2f}".replace(".", ","), right=True)
    s.put(90, end + 34, "Total de plată")
    s.put(560, end + 34, f"{Decimal('1100') + tax:.2f} lei".replace(".", ","), right=True)
    return extract_page(s.page())


def test_column_numbers_a_series_before_the_number_and_a_net_and_tax_totals_row() -> None:
    result = _romanian_page(two_rates=False)
    got = values(result)
    assert items(result) == [
        ("Raft stejar", d("2"), d("400.00"), d("800.00")),
        ("Montaj", d("3"), d("100.00"), d("300.00")),
    ]
    assert got["invoice_number"] == "0417"
    assert got["due_date"] == "2026-07-28"
    assert got["currency"] == "RON"
    assert (got["totals.net"], got["totals.tax"], got["totals.gross"]) == ("1100.00", "209.00", "1309.00")


def test_a_two_figure_totals_row_is_no_net_and_tax_unless_the_gross_below_confirms_it() -> None:
    s = Sheet()
    s.put(40, 40, "Atelier Vânt S.R.L.", size=14)
    s.put(330, 100, "Client: Cafe Nord")
    s.put(40, 140, "Factura nr. 88")
    s.put(40, 156, "Data: 02.03.2026")
    end = s.table(
        200,
        [(40, "Descriere", False), (400, "Cant.", True), (470, "Preț", True), (555, "Valoare", True)],
        [["Consultanță", "2", "250,00", "500,00"]],
    )
    s.put(40, end + 16, "Total")  # two figures that are not net and tax: the hours and a deposit
    s.put(400, end + 16, "500,00", right=True)
    s.put(555, end + 16, "120,00", right=True)
    s.put(40, end + 34, "Total de plată")
    s.put(555, end + 34, "500,00 lei", right=True)
    got = values(extract_page(s.page()))
    assert got.get("totals.tax") != "120.00"
    assert got["totals.gross"] == "500.00"


def test_a_vat_recap_whose_totals_row_repeats_the_rate_row_is_counted_once() -> None:
    s = _sheet_with_parties("Kovács Asztalos Kft.", "Duna Kávéház Zrt.")
    s.put(40, 140, "Számla sorszáma: A-2026-77")
    s.put(40, 156, "Számla kelte: 2026.05.02.")
    s.put(330, 156, "Pénznem: HUF")
    end = s.table(
        200,
        [
            (40, "Megnevezés", False),
            (300, "Mennyiség", True),
            (420, "Nettó egységár", True),
            (555, "Nettó érték", True),
        ],
        [["Polc szerelés", "4", "10 000", "40 000"]],
    )
    recap = [(40, "ÁFA kulcs", False), (200, "Nettó", True), (300, "ÁFA", True), (400, "Bruttó", True)]
    s.table(
        end + 20, recap, [["27%", "40 000", "10 800", "50 800"], ["Összesen", "40 000", "10 800", "50 800"]]
    )
    got = values(extract_page(s.page()))
    assert (got["totals.net"], got["totals.tax"], got["totals.gross"]) == ("40000.00", "10800.00", "50800.00")


def test_a_czech_recap_base_column_sums_the_rates() -> None:
    s = _sheet_with_parties("Truhlářství Novák s.r.o.", "Kavárna Lípa s.r.o.")
    s.put(40, 140, "Faktura č. 20260415")
    s.put(40, 156, "Datum vystavení: 15. 4. 2026")
    end = s.table(
        200,
        [
            (40, "Označení dodávky", False),
            (260, "Počet", True),
            (330, "DPH %", True),
            (420, "Bez DPH", True),
            (480, "DPH", True),
            (555, "Celkem", True),
        ],
        [
            ["Stůl dubový", "1", "21", "10 000,00", "2 100,00", "12 100,00"],
            ["Kniha o dřevě", "2", "12", "1 000,00", "120,00", "1 120,00"],
        ],
    )
    recap = [(40, "Sazba DPH", False), (200, "Základ", True), (280, "DPH", True), (380, "Celkem s DPH", True)]
    s.table(
        end + 20,
        recap,
        [["21 %", "10 000,00", "2 100,00", "12 100,00"], ["12 %", "1 000,00", "120,00", "1 120,00"]],
    )
    s.put(420, end + 20, "Celkem k úhradě: 13 220,00 Kč")
    got = values(extract_page(s.page()))
    assert (got["totals.net"], got["totals.tax"], got["totals.gross"]) == ("11000.00", "2220.00", "13220.00")


def test_a_provincial_sales_tax_beside_the_gst_is_a_tax_line_of_its_own() -> None:
    s = Sheet()
    s.put(40, 40, "Prairie Roof Works Ltd.", size=14)
    s.put(40, 58, "GST No. 123456782 RT0001")
    s.put(330, 100, "Bill To")
    s.put(330, 114, "Aspen Yoga Studio")
    s.put(40, 140, "Invoice # 5521")
    s.put(40, 156, "Date: 2026-03-02")
    end = s.table(
        200,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Shingle repair", "4", "$250.00", "$1,000.00"]],
    )
    for n, (label, amount) in enumerate(
        [("Subtotal", "$1,000.00"), ("GST (5%)", "$50.00"), ("RST (7%)", "$70.00"), ("Total", "$1,120.00")]
    ):
        s.put(380, end + 16 + 16 * n, label)
        s.put(555, end + 16 + 16 * n, amount, right=True)
    result = extract_page(s.page())
    got = values(result)
    assert got["currency"] == "CAD"
    assert got["totals.tax"] == "120.00"
    assert sorted((t.rate, t.amount) for t in result.tax_lines) == [
        (d("5"), d("50.00")),
        (d("7"), d("70.00")),
    ]


def test_a_legal_form_wrapped_under_the_name_beside_another_column() -> None:
    # The name's cell wraps ("… & Filhos" / "Lda.") while the invoice's box beside it fills the same lines.
    s = Sheet()
    s.put(40, 40, "Serralharia Monteiro & Filhos", size=14)
    s.put(330, 40, "Fatura FT 2026A/88", size=14)
    s.put(40, 57, "Lda.", size=14)
    s.put(330, 60, "ATCUD: QWERTY12-88")
    s.put(40, 80, "Rua do Ouro 12, 1100-060 Lisboa")
    s.put(40, 94, "NIF: 503 456 787")
    s.put(330, 130, "Exmo.(s) Sr.(s)")
    s.put(330, 144, "Padaria Lusitana Lda.")
    s.put(40, 180, "Data de emissão: 2026-04-02")
    end = s.table(
        220,
        [(40, "Descrição", False), (400, "Qtd.", True), (470, "Preço unit.", True), (555, "Valor", True)],
        [["Portão em ferro", "1", "800,00", "800,00"]],
    )
    s.put(380, end + 16, "Total a pagar")
    s.put(555, end + 16, "984,00 €", right=True)
    got = values(extract_page(s.page()))
    assert got["issuer.name"] == "Serralharia Monteiro & Filhos Lda."


def test_an_office_export_head_centres_one_line_labels_between_two_line_ones() -> None:
    # "Nazwa towaru lub" / "usługi" and "Cena" / "netto" straddle "Lp.", "J.m.", "Ilość" set in the middle;
    # the tax summary under the rows ends the table (its rows are no items).
    s = _sheet_with_parties("Stolarnia Jodła Sp. z o.o.", "Kawiarnia Mak")
    s.put(40, 140, "Faktura VAT nr 14/2026")
    s.put(40, 156, "Data wystawienia: 2026-05-04")
    for x, text in ((70, "Nazwa towaru lub"), (330, "Cena"), (420, "Wartość"), (555, "Wartość")):
        s.put(x, 196, text, right=x > 300)
    for x, text in ((40, "Lp."), (200, "J.m."), (260, "Ilość")):
        s.put(x, 204, text, right=x == 260)
    for x, text in ((70, "usługi"), (330, "netto"), (420, "netto"), (555, "brutto")):
        s.put(x, 212, text, right=x > 300)
    rows = [
        ["1", "Stół dębowy", "szt.", "1", "1 200,00", "1 200,00", "1 476,00"],
        ["2", "Książka o", "szt.", "2", "50,00", "100,00", "108,00"],
    ]
    for n, row in enumerate(rows):
        y = 232 + 16 * n
        for (x, right), cell in zip(
            ((40, False), (70, False), (200, False), (260, True), (330, True), (420, True), (555, True)),
            row,
            strict=True,
        ):
            s.put(x, y, cell, right=right)
    s.put(70, 258, "drewnie")  # the description's second line
    # The summary sits under the item columns: its rows would read as items if the table went on.
    recap = [
        (330, "Stawka VAT", True),
        (420, "Wartość netto", True),
        (490, "Kwota VAT", True),
        (555, "Wartość brutto", True),
    ]
    s.table(272, recap, [["23%", "1 200,00", "276,00", "1 476,00"], ["8%", "100,00", "8,00", "108,00"]])
    s.put(300, 340, "Do zapłaty: 1 584,00 zł")
    result = extract_page(s.page())
    assert items(result) == [
        ("Stół dębowy", d("1"), d("1200.00"), d("1200.00")),
        ("Książka o drewnie", d("2"), d("50.00"), d("100.00")),
    ]
    assert sorted((t.rate, t.base, t.amount) for t in result.tax_lines) == [
        (d("8"), d("100.00"), d("8.00")),
        (d("23"), d("1200.00"), d("276.00")),
    ]


def test_a_title_glued_to_the_name_and_a_form_wrapped_past_another_column() -> None:
    s = Sheet()
    s.put(40, 40, "Björkvik Måleri AB FAKTURA", size=16)
    s.put(40, 90, "Fakturanummer 4471")
    s.put(40, 104, "Fakturadatum 2026-05-04")
    got = values(extract_page(s.page()))
    assert got["issuer.name"] == "Björkvik Måleri AB"
    s = Sheet()  # the title a little apart, in a cell of its own that the name's run reaches
    s.put(40, 40, "Järvi Rakennus Ky", size=16)
    s.put(40 + 17 * 9.6 + 2 * 4.8 + 14, 40, "LASKU", size=16)
    s.put(40, 90, "Laskun numero 4471")
    s.put(40, 104, "Päiväys 4.5.2026")
    got = values(extract_page(s.page()))
    assert got["issuer.name"] == "Järvi Rakennus Ky"
    s = Sheet()
    s.put(40, 40, "Kookaburra Joinery Pty", size=16)
    s.put(330, 48, "TAX INVOICE", size=18)
    s.put(40, 58, "Ltd", size=16)
    s.put(40, 80, "ABN 51 824 753 556")
    s.put(330, 90, "Invoice No. 8812")
    s.put(330, 104, "Date: 04/05/2026")
    got = values(extract_page(s.page()))
    assert got["issuer.name"] == "Kookaburra Joinery Pty Ltd"


def test_a_centred_head_takes_a_three_word_upper_label() -> None:
    # "Nazwa towaru lub" over "usługi": the upper half of a wrapped label may hold three words.
    s = Sheet()
    for x, text in ((70, "Nazwa towaru lub"), (330, "Cena"), (420, "Wartość")):
        s.put(x, 100, text, right=x > 300)
    for x, text in ((40, "Lp."), (200, "J.m."), (260, "Ilość")):
        s.put(x, 108, text, right=x == 260)
    for x, text in ((70, "usługi"), (330, "netto"), (420, "netto")):
        s.put(x, 116, text, right=x > 300)
    above, middle, below = build_lines(s.page())
    centred = centred_header(above, middle, below)
    assert centred is not None
    kinds = [c.kind for c in header_columns(centred) if c.kind != "other"]
    assert kinds == ["position", "description", "unit", "quantity", "unit_price", "net_amount"]


def test_a_name_after_its_label_wraps_at_a_title() -> None:
    s = Sheet()
    s.put(40, 40, "Furnizor: Atelier Dunărea S.R.L.")
    s.put(330, 40, "Cumpărător: Cabinet Veterinar Dr.")
    s.put(40, 52, "CIF: RO18547")
    s.put(330, 52, "Ionescu S.R.L.")
    s.put(330, 64, "Strada Morilor 4, 400001 Cluj")
    s.put(200, 100, "FACTURĂ", size=16)
    s.put(200, 120, "Seria ATD nr. 0091")
    s.put(200, 136, "Data: 14.07.2026")
    end = s.table(
        180,
        [(40, "Denumire", False), (400, "Cant.", True), (470, "Preț unitar", True), (555, "Valoarea", True)],
        [["Raft", "1", "300,00", "300,00"]],
    )
    s.put(40, end + 16, "Total de plată")
    s.put(555, end + 16, "357,00 lei", right=True)
    got = values(extract_page(s.page()))
    assert got["recipient.name"] == "Cabinet Veterinar Dr. Ionescu S.R.L."


def test_a_centred_label_over_left_aligned_rows_whose_first_reads_like_a_carry_line() -> None:
    # HTML table heads are centred, their cells left-aligned; "Transport" (a carry-forward word in German
    # lists) opens the first row.
    s = Sheet()
    s.put(40, 40, "Atelier Dunărea S.R.L.", size=14)
    s.put(330, 100, "Cumpărător: Librăria Olt S.A.")
    s.put(40, 120, "Factura nr. 0091")
    s.put(40, 136, "Data: 14.07.2026")
    s.put(30, 180, "Nr.")
    s.put(110, 180, "Denumire")
    s.put(400, 180, "Cant.", right=True)
    s.put(470, 180, "Preț", right=True)
    s.put(555, 180, "Valoarea", right=True)
    rows = [
        ("1", "Transport marfă", "1", "150,00"),
        ("2", "Carte tehnică", "2", "40,00"),
        ("3", "Raft", "1", "300,00"),
    ]
    for n, (pos, text, qty, price) in enumerate(rows):
        y = 196 + 16 * n
        total = f"{int(qty) * float(price.replace(',', '.')):.2f}".replace(".", ",")
        s.put(30, y, pos)
        s.put(60, y, text)
        s.put(400, y, qty, right=True)
        s.put(470, y, price, right=True)
        s.put(555, y, total, right=True)
    s.put(60, 260, "Total de plată")
    s.put(555, 260, "530,00 lei", right=True)
    result = extract_page(s.page())
    assert [item[0] for item in items(result)] == ["Transport marfă", "Carte tehnică", "Raft"]
