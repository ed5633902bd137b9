"""Item tables read from scans, where OCR keeps the words but loses what the text layer's geometry and
clean figures gave: a quantity run into its unit ("3ST"), figures of descriptions beside lost quantity
cells, discounts between price and amount, prices per 100 pieces, note lines between rows measured in
ink-tight line boxes, the same cell read twice, an 8 read as "&"."""

from __future__ import annotations

from decimal import Decimal

from benchmarks.item_families import build as build_family
from tests.unit.sheets import Sheet, items

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.item_header import header_columns
from invoiceflow.domain.extraction.layout import build_lines
from invoiceflow.domain.extraction.ocr_repair import repair_row_texts
from invoiceflow.domain.models import OcrMode, PageText, TextSource, Word
from invoiceflow.domain.ocr import read_page
from invoiceflow.domain.ocr_glyphs import restore_look_alikes
from invoiceflow.domain.ocr_table_cells import MissingCell, merge_cells, repair_row_numbers
from invoiceflow.domain.ocr_words import PixelWord


def apart(texts: list[str]) -> list[bool]:
    return [False] * (len(texts) - 1)


# --- quantity repair: only a cell that can be the quantity is rewritten -----------------------------------


def test_a_quantity_run_into_its_unit_keeps_the_figure_of_the_description() -> None:
    # "Relais DN 25 | 3ST | 1.168,63 | 3.505,89": the quantity is there, with its unit glued on
    texts = ["25", "3ST", "1.168,63", "3.505,89"]
    assert repair_row_texts(texts, apart(texts)) == texts
    # a code of the description is no quantity either way ("M8" before "Part1")
    texts = ["M8", "3", "1.168,63", "3.505,89"]
    assert repair_row_texts(texts, apart(texts)) == texts


def test_rows_with_a_discount_between_price_and_amount_are_left_as_read() -> None:
    # 10 × 445,63 − 891,26 = 3.565,04: amount / price (8) is no quantity
    with_amount = ["10", "445,63", "20", "%", "-891,26", "3.565,04"]
    assert repair_row_texts(with_amount, apart(with_amount)) == with_amount
    # 3 × 1.090,53 less 20 % = 2.617,27 (no discount amount printed)
    with_rate = ["3", "1.090,53", "20%", "2.617,27"]
    assert repair_row_texts(with_rate, apart(with_rate)) == with_rate
    # without the discount the same row is a misread quantity
    plain = ["8", "445,63", "3.565,04"]
    assert repair_row_texts(plain, apart(plain))[0] == "8"  # 8 × 445,63 = 3.565,04 already


def word(text: str, left: float, top: float, line: tuple[int, ...], width: float = 0.0) -> PixelWord:
    return PixelWord(text, left, top, left + (width or 11 * len(text)), top + 20, 0.95, line)


def test_a_lost_quantity_is_restored_in_the_quantity_column_only() -> None:
    # Rows read cleanly put the quantity column's right edge at x=1000; in the row whose quantity cell
    # was lost, the "11" of "DN 11" (11 ÷ 1 reads as a doubled digit) stands far left of it.
    words: list[PixelWord] = []
    rows = [
        ("Valve", "4", "25,50", "102,00"),
        ("Hose DN 11", "", "24,50", "24,50"),
        ("Clamp", "12", "1,25", "15,00"),
    ]
    for n, (text, quantity, price, amount) in enumerate(rows):
        top = 300 + 40 * n
        x = 100.0
        for part in text.split():
            words.append(word(part, x, top, (1, 1, n)))
            x += 11 * len(part) + 8
        if quantity:
            words.append(word(quantity, 1000 - 11 * len(quantity), top, (2, 1, n)))
        words += [word(price, 1200 - 11 * len(price), top, (3, 1, n)), word(amount, 1450, top, (4, 1, n))]
    repaired = repair_row_numbers(words)
    assert [w.text for w in repaired] == [w.text for w in words]
    # the same figure standing in the quantity column is the garbled quantity
    moved = [w if w.text != "11" else word("11", 1000 - 22, w.top, w.line) for w in words]
    assert "1" in [w.text for w in repair_row_numbers(moved) if w.left == 978]


def test_a_cell_asked_for_twice_is_added_once() -> None:
    line = (3, 1, 1)
    page = [word("820.49", 1176, 980, line), word("2,461.47", 1448, 976, (4, 1, 1))]
    cells = [MissingCell((975.0, 970.0, 1010.0, 1010.0), line, ()) for _ in range(2)]
    read = [word("3", 22, 22, (1, 1, 1)), word("3", 22, 84, (1, 1, 2))]  # both crops, stacked
    merged = merge_cells(page, cells, [(12.0, 52.0), (64.0, 104.0)], read, gap=12)
    assert [w.text for w in merged].count("3") == 1


def test_an_eight_read_as_an_ampersand_in_a_code_is_restored() -> None:
    words = [word(text, 100 + 80 * n, 100, (1, 1, 1)) for n, text in enumerate(["M&", "1&5", "M&S", "AT&T"])]
    assert [w.text for w in restore_look_alikes(words)] == ["M8", "185", "M&S", "AT&T"]


# --- rows read from scanned lines (ink-tight boxes, garbled figures) --------------------------------------


def scanned(sheet: Sheet) -> PageText:
    """The sheet's words with boxes as OCR gives them: hugging the ink, about 0.65 of the type size tall
    (a text layer's boxes span the font's ascent and descent)."""
    page = sheet.page()
    words = [
        Word(w.text, w.x0, w.y0 + 0.2 * (w.y1 - w.y0), w.x1, w.y1 - 0.15 * (w.y1 - w.y0)) for w in page.words
    ]
    return PageText(page.page_number, page.width, page.height, TextSource.OCR, words)


def order(
    rows: list[tuple[str, str, str, str]], notes: dict[int, str], *, header: tuple[str, str, str]
) -> Sheet:
    s = Sheet(TextSource.OCR, font_size=9)
    s.put(40, 40, "Vårdcentralen Norrbro AB", size=14)
    s.put(40, 80, "Faktura 2024-0917")
    s.put(40, 130, "Artikel")
    for x, label in zip((330.0, 430.0, 540.0), header, strict=True):
        s.put(x, 130, label, right=True)
    y = 148.0
    for n, (text, quantity, price, amount) in enumerate(rows):
        s.put(40, y, text)
        for x, cell in zip((330.0, 430.0, 540.0), (quantity, price, amount), strict=True):
            s.put(x, y, cell, right=True)
        y += 13
        if n in notes:
            s.put(40, y + 3, notes[n], size=8)
            y += 16
    net = sum((Decimal(a.replace(",", "")) for *_, a in rows), Decimal(0))
    s.put(400, y + 14, "Netto")
    s.put(540, y + 14, f"{net:,.2f}", right=True)
    return s


def ink_tight(pdf: bytes) -> PageText:
    """The first page's text layer with its boxes made as OCR gives them (``scanned``)."""
    page = read_page(pdf, 1, OcrMode.NEVER)
    words = [
        Word(w.text, w.x0, w.y0 + 0.2 * (w.y1 - w.y0), w.x1, w.y1 - 0.15 * (w.y1 - w.y0)) for w in page.words
    ]
    return PageText(page.page_number, page.width, page.height, TextSource.OCR, words)


def test_a_note_line_between_scanned_rows_does_not_end_the_table() -> None:
    # An invented design (benchmarks/item_families.py): remarks in smaller italic type across the
    # figure columns between rows. In ink-tight boxes the gap above a remark measured more than 1.6 of
    # its own small height, and the table ended there.
    doc = build_family("notes_between", 0)
    got = items(extract_page(ink_tight(doc.pdf())))
    assert [(desc, q, a) for desc, q, _, a in got] == [(e[0], e[1], e[3]) for e in doc.expected]
    assert len(got) == 5


def test_a_scanned_price_per_hundred_keeps_the_printed_quantities() -> None:
    # "2,000" shows the prices are per 100 pieces; "250" is then 250 pieces, not 2.50 without its point
    rows = [
        ("Brickor M6", "2,000", "80.86", "1,617.20"),
        ("Skruv M8x40", "250", "42.59", "106.48"),
        ("Mutter M8", "5,000", "7.28", "364.00"),
    ]
    got = items(extract_page(scanned(order(rows, {}, header=("Antal", "Pris/100", "Belopp")))))
    assert [q for _, q, _, _ in got] == [Decimal(2000), Decimal(250), Decimal(5000)]


def test_headers_of_nordic_finnish_polish_and_portuguese_tables_are_read() -> None:
    rows = [
        ("Brickor M6", "20", "8.50", "170.00"),
        ("Skruv M8x40", "4", "42.59", "170.36"),
    ]
    for header in (
        ("Antal", "À-pris", "Belopp"),
        ("Määrä", "Á-hinta", "Yhteensä"),
        ("Ilość", "Cena jedn.", "Wartość"),
        ("Quantidade", "Preço unit.", "Valor"),
    ):
        sheet = order(rows, {}, header=header)
        labels = next(line for line in build_lines(sheet.page()) if header[0] in line.text)
        assert [c.kind for c in header_columns(labels)] == ["description", "quantity", "unit_price", "amount"]
        for page in (sheet.page(), scanned(sheet)):
            got = items(extract_page(page))
            assert [(q, p) for _, q, p, _ in got] == [(Decimal(q), Decimal(p)) for _, q, p, _ in rows], header


def test_a_price_or_amount_with_one_look_alike_digit_is_repaired_when_the_row_multiplies_out() -> None:
    texts = ["12", "151,27", "9.015,24"]  # 7 read as 1: 12 × 751,27 = 9.015,24
    assert repair_row_texts(texts, apart(texts)) == ["12", "751,27", "9.015,24"]
    texts = ["2", "1.224,35", "2.418,70"]  # 4 read as 1 in the amount
    assert repair_row_texts(texts, apart(texts)) == ["2", "1.224,35", "2.448,70"]
    texts = ["2", "1.224,35", "2.500,00"]  # no single look-alike gives it: left alone
    assert repair_row_texts(texts, apart(texts)) == texts


def test_a_price_whose_leading_digits_a_rule_cut_off_is_amount_over_quantity() -> None:
    from invoiceflow.domain.extraction.row_digits import repaired_figures

    assert repaired_figures(Decimal(10), Decimal(47), Decimal("13104.70")) == (
        Decimal(10),
        Decimal("1310.47"),
    )
    assert repaired_figures(Decimal(10), Decimal("10.47"), Decimal("13104.70")) == (
        Decimal(10),
        Decimal("1310.47"),
    )
    # not the end of the figure amount ÷ quantity gives: nothing to repair
    assert repaired_figures(Decimal(10), Decimal(48), Decimal("13104.70")) is None


def fee_note(source_ocr: bool) -> PageText:
    """Fee lines without quantity; the last one starts like a tax label and the net total confirms it."""
    s = Sheet(TextSource.OCR, font_size=9)
    s.put(40, 40, "Kanzlei Albrecht & Partner", size=14)
    s.put(40, 80, "Rechnung 2024-118")
    s.put(40, 130, "Leistung")
    s.put(540, 130, "Betrag", right=True)
    fees = [
        ("Beratung Umstrukturierung, Besprechung", "1,240.00"),
        ("Auslagenpauschale", "60.00"),
        ("Tax return 2023, Recherche", "980.00"),
    ]
    y = 150.0
    for text, amount in fees:
        s.put(40, y, text)
        s.put(540, y, amount, right=True)
        y += 20
    s.put(380, y + 14, "Summe netto")
    s.put(540, y + 14, "2,280.00", right=True)
    s.put(380, y + 28, "USt. 19 %")
    s.put(540, y + 28, "433.20", right=True)
    return scanned(s) if source_ocr else s.page()


def test_a_scanned_fee_line_that_starts_like_a_tax_label_is_an_item_when_the_net_total_says_so() -> None:
    for ocr in (False, True):
        got = items(extract_page(fee_note(ocr)))
        assert [a for *_, a in got] == [Decimal("1240.00"), Decimal("60.00"), Decimal("980.00")], ocr


def test_a_scanned_first_row_with_its_name_on_the_line_above_takes_that_name() -> None:
    # Names over figure rows that hold an article number (an invented design of item_families.py): the
    # name right above the first row is that row's, at line pitch measured as a text layer would.
    doc = build_family("figures_below", 1)
    got = items(extract_page(ink_tight(doc.pdf())))
    assert [desc for desc, *_ in got] == [e[0] for e in doc.expected]


def test_scanned_header_labels_with_a_misread_letter_still_name_their_columns() -> None:
    rows = [("Brickor M6", "20", "8.50", "170.00"), ("Skruv M8x40", "4", "42.59", "170.36")]
    sheet = order(rows, {}, header=("Quant1ty", "Unit pr|ce", "Arnount"))
    labels = next(line for line in build_lines(scanned(sheet)) if "Quant1ty" in line.text)
    assert [c.kind for c in header_columns(labels)] == ["description", "quantity", "unit_price", "amount"]
    # a text layer's words are what is printed: no guessing there
    page = sheet.page()
    text_layer = PageText(page.page_number, page.width, page.height, TextSource.TEXT_LAYER, page.words)
    labels = next(line for line in build_lines(text_layer) if "Quant1ty" in line.text)
    assert [c.kind for c in header_columns(labels)] != ["description", "quantity", "unit_price", "amount"]


def test_a_speck_before_a_scanned_description_neither_moves_the_column_nor_joins_the_text() -> None:
    # A table without a header the scan could read; a cell rule read as "[" left of one description.
    s = Sheet(TextSource.OCR, font_size=9)
    s.put(40, 40, "Brauhaus Nordwind GmbH", size=14)
    rows = [("Wandschalter", "1", "429,27", "429,27"), ("[ Montageservice", "12", "829,94", "9.959,28")]
    for n, (text, quantity, price, amount) in enumerate(rows):
        y = 150 + 16 * n
        s.put(44 if text.startswith("[") else 50, y, text)
        for x, cell in ((330.0, quantity), (430.0, price), (545.0, amount)):
            s.put(x, y, cell, right=True)
    s.put(363, 200, "Subtotaal")
    s.put(545, 200, "10.388,55", right=True)
    got = items(extract_page(scanned(s)))
    assert [(desc, q) for desc, q, _, _ in got] == [
        ("Wandschalter", Decimal(1)),
        ("Montageservice", Decimal(12)),
    ]


def test_a_second_scanned_table_under_its_own_title_and_header_is_read_too() -> None:
    # Material, a subtotal, then labour under a title and a header of its own (item_families.py)
    doc = build_family("two_tables", 0)
    got = items(extract_page(ink_tight(doc.pdf())))
    assert [(desc, q) for desc, q, _, _ in got] == [(e[0], e[1]) for e in doc.expected]


def test_quantities_that_lost_their_decimal_point_in_every_scanned_row_are_not_taken_per_hundred() -> None:
    # "1000" × 12.00 = 120.00 only as 10.00 with its point lost, or as 1000 at a price per 100: without a
    # header saying so, nor a grouped quantity, the lost point is the likelier reading
    rows = [("Kabel", "1000", "12.00", "120.00"), ("Rör", "250", "40.00", "100.00")]
    got = items(extract_page(scanned(order(rows, {}, header=("Antal", "Pris", "Belopp")))))
    assert [q for _, q, _, _ in got] == [Decimal(10), Decimal("2.5")]
    # a price per 100 in the header keeps the quantities as printed
    got = items(extract_page(scanned(order(rows, {}, header=("Antal", "Pris/100", "Belopp")))))
    assert [q for _, q, _, _ in got] == [Decimal(1000), Decimal(250)]
