"""Scanned item rows that OCR read with the right characters in the wrong places: figures centred in a row
two lines tall joined to the description's second line by the engine (``ocr._level_bands``, moved to the
first by ``ocr._rejoined``), a row's
last cell left unread (``unread_cells`` searches the gap up to the table's last column), a price cell
read with a digit doubled or a stray zero (``row_digits.edited_price``) and a rule glued before a price
read as a minus sign."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
from PIL import Image
from tests.unit.sheets import Sheet

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.layout import build_lines
from invoiceflow.domain.extraction.row_digits import edited_price
from invoiceflow.domain.models import PageText, TextSource, Word
from invoiceflow.domain.ocr import _level_bands, _rejoined, _to_points
from invoiceflow.domain.ocr_table_cells import unread_cells
from invoiceflow.domain.ocr_words import PixelWord

# Pixels at 200 dpi: a 9-pt line is 25 px tall.
LINE = 25


def glyphs(text: str, left: float, top: float, line: tuple[int, ...], height: float = LINE) -> PixelWord:
    return PixelWord(text, left, top, left + 0.55 * height * len(text), top + height, 0.95, line)


def phrase(text: str, left: float, top: float, line: tuple[int, ...]) -> list[PixelWord]:
    words = []
    for token in text.split():
        word = glyphs(token, left, top, line)
        words.append(word)
        left = word.right + 0.35 * LINE
    return words


# A Swedish table with two-line descriptions: the row's number and figures are centred in the row, half
# a line below the description's first line. Tesseract read each row's second description line and its
# figures as ONE line (the figures half a line higher than the text beside them).
SWEDISH_ROWS = [
    ("Fönsterputs kontor", "Varje månad", "4", "1 250,00", "5 000,00"),
    ("Service av ventilation", "Filterbyte ingår", "2", "980,50", "1 961,00"),
    ("Flyttstädning lokal", "Efter avflytt", "1", "3 400,00", "3 400,00"),
]


def two_line_rows() -> list[PixelWord]:
    # The page's other lines run level: they, not the table's mixed lines, show the scan's tilt.
    words = phrase("Norrlands Städ och Fastighetsservice AB Storgatan 12 903 26 Umeå", 100, 150, (0, 1))
    words += phrase("Faktura 2024-118 Fakturadatum 2024-05-14 Förfallodatum 2024-06-13", 100, 250, (0, 2))
    words += phrase("Kund Bergström Konsult AB Box 221 Sundsvall Sverige", 100, 350, (0, 3))
    words += phrase("Beskrivning", 160, 600, (1, 1))
    words += [glyphs("Antal", 800, 600, (1, 1)), glyphs("Pris", 1050, 600, (1, 1))]
    words += [glyphs("Belopp", 1300, 600, (1, 1))]
    top = 660.0
    for n, (first, second, quantity, price, amount) in enumerate(SWEDISH_ROWS, start=2):
        words += phrase(first, 160, top, (n, 1))
        lower = (n, 2)
        words += phrase(second, 160, top + 1.2 * LINE, lower)
        figures = top + 0.6 * LINE
        words.append(glyphs(str(n - 1), 100, figures, lower))
        words.append(glyphs(quantity, 880 - 0.55 * LINE * len(quantity), figures, lower))
        for text, column_right in ((price, 1150), (amount, 1400)):
            edge = column_right
            for part in reversed(text.split()):
                word = glyphs(part, edge - 0.55 * LINE * len(part), figures, lower)
                words.append(word)
                edge = round(word.left - 0.3 * LINE)
        top += 3 * LINE
    footer = [
        "Netto 10 361,00 SEK",
        "Moms 25 % 2 590,25 SEK",
        "Att betala 12 951,25 SEK",
        "Bankgiro 5050-1055 Organisationsnummer 556677-8899",
        "Betalningsvillkor 30 dagar netto Dröjsmålsränta enligt räntelagen",
        "Tack för ert förtroende Frågor om fakturan besvaras av ekonomiavdelningen",
        "Norrlands Städ och Fastighetsservice AB Säte Umeå Godkänd för F-skatt",
        "Telefon 090-12 34 56 E-post faktura@norrlandsstad.se Webb norrlandsstad.se",
        "IBAN SE45 5000 0000 0583 9825 7466 BIC ESSESESS",
    ]
    for n, text in enumerate(footer):
        words += phrase(text, 100, top + 60 + 50 * n, (20 + n, 1))
    return words


def test_figures_the_engine_joined_to_a_second_description_line_move_to_the_first() -> None:
    words = two_line_rows()
    page = PageText(page_number=1, width=595, height=842, text_source=TextSource.OCR,
                    words=_to_points(words, 0.36, 0.36))  # fmt: skip
    texts = [line.text for line in build_lines(page)]
    # the row reads as a top-aligned one: text and figures, then its wrapped line
    assert texts[texts.index("1 Fönsterputs kontor 4 1 250,00 5 000,00") + 1] == "Varje månad"
    got = [(i.description, i.quantity, i.unit_price, i.amount) for i in extract_page(page).line_items]
    assert got == [
        (
            f"{first} {second}",
            Decimal(quantity),
            *(Decimal(f.replace(" ", "").replace(",", ".")) for f in figs),
        )
        for first, second, quantity, *figs in SWEDISH_ROWS
    ]


def test_one_band_for_a_title_beside_small_text_and_for_specks_off_the_line() -> None:
    title = [glyphs("FAKTURA", 100, 100, (1, 1), height=60), glyphs("Sida", 900, 130, (1, 1))]
    title.append(glyphs("1", 1000, 130, (1, 1)))
    assert len(_level_bands(title)) == 1
    line = phrase("Betalas inom 30 dagar", 100, 400, (2, 1))
    line.append(PixelWord(",", 600, 418, 605, 430, 0.6, (2, 1)))  # a comma's box sits low
    line.append(PixelWord("'", 640, 398, 645, 406, 0.4, (2, 1)))  # a speck above
    assert len(_level_bands(line)) == 1


def test_a_rows_figures_and_a_text_line_in_one_engine_line_split_short_boxes_with_their_neighbours() -> None:
    upper = [glyphs("4", 860, 660, (3, 2)), glyphs("1 250,00", 1000, 660, (3, 2))]
    lower = phrase("Varje månad", 160, 660 + 0.6 * LINE, (3, 2))
    lower.insert(1, PixelWord("i", 245, 660 + 0.6 * LINE + 20, 250, 660 + 0.6 * LINE + 23, 0.3, (3, 2)))
    bands = _level_bands(upper + lower)
    assert [[w.text for w in band] for band in bands] == [["4", "1 250,00"], ["Varje", "i", "månad"]]
    # two lines of text half a line apart (an address beside a date) stay one line
    address = phrase("Storgatan 12", 160, 660, (3, 3)) + phrase(
        "Datum 14 maj 2024", 900, 660 + 0.6 * LINE, (3, 3)
    )
    assert len(_level_bands(address)) == 1


def test_a_price_read_with_a_doubled_digit_or_a_stray_zero_is_rebuilt_from_amount_and_quantity() -> None:
    # 2,285.52 read "2.985.552"; 514,63 read "1514,603" beside 2,5 × = 1.286,58
    assert edited_price(Decimal(3), Decimal(2985552), Decimal("6856.56")) == Decimal("2285.52")
    assert edited_price(Decimal("2.5"), Decimal("1514.603"), Decimal("1286.58")) == Decimal("514.63")
    # too many edits: another number, not a misreading
    assert edited_price(Decimal(3), Decimal(7120), Decimal("6856.56")) is None
    # a short price gets no edit of half its digits
    assert edited_price(Decimal(2), Decimal("7.0"), Decimal("9.00")) is None
    # nothing to rebuild when the quotient does not multiply back to the amount
    assert edited_price(Decimal(7), Decimal("1.42857"), Decimal("10.01")) is None


def scanned_rows(rows: list[tuple[str, str, str, str]]) -> list[tuple[str, Decimal | None, Decimal | None]]:
    """An English scanned table (dot decimals): description, quantity, unit price, amount."""
    s = Sheet(TextSource.OCR)
    s.put(40, 40, "Harbourside Print Ltd", size=14)
    s.put(40, 90, "Invoice no. 7734")
    s.put(40, 120, "Description")
    s.put(330, 120, "Qty", right=True)
    s.put(430, 120, "Unit price", right=True)
    s.put(530, 120, "Amount", right=True)
    y = 140.0
    for description, quantity, price, amount in rows:
        s.put(40, y, description)
        for x, cell in ((330.0, quantity), (430.0, price), (530.0, amount)):
            if cell:
                s.put(x, y, cell, right=True)
        y += 16
    return [(i.description, i.quantity, i.unit_price) for i in extract_page(s.page()).line_items]


def test_garbled_prices_in_a_scanned_table_are_rebuilt_only_where_malformed() -> None:
    got = scanned_rows(
        [
            ("Brochure design", "3", "2.985.552", "6,856.56"),  # 2,285.52: grouping of another style
            ("Poster run A2", "", "~—-252.64", "10,105.60"),  # a rule before the price, quantity lost
            ("Proof copies", "2", "99.00", "1,980.00"),  # a clean price of another length stays
        ]
    )
    assert got == [
        ("Brochure design", Decimal(3), Decimal("2285.52")),
        ("Poster run A2", Decimal(40), Decimal("252.64")),
        ("Proof copies", Decimal(2), Decimal("99.00")),
    ]


def page_with_amount_ink(rows: list[int]) -> Image.Image:
    """White page; a glyph-sized blob at x 1080-1110 (a lost amount ending at the table's right edge) in
    the given rows."""
    pixels = np.full((1400, 1300), 250, dtype=np.uint8)
    for r in rows:
        top = 100 + 50 * r
        pixels[top + 2 : top + 22, 1080:1110] = 20
    return Image.fromarray(pixels)


def test_a_rows_lost_last_cell_is_searched_up_to_the_tables_right_edge() -> None:
    words = []
    for r in range(4):
        top = 100 + 50 * r
        line = (1, r)
        words += [PixelWord("Tjänst", 100, top, 190, top + 24, 0.95, line)]
        words += [PixelWord("2", 600, top, 614, top + 24, 0.95, line)]
        words += [PixelWord("450,00", 800, top, 884, top + 24, 0.95, line)]
        if r != 2:  # row 2's amount was not read; its ink is there
            words += [PixelWord("900,00", 1026, top, 1110, top + 24, 0.95, line)]
    cells = unread_cells(page_with_amount_ink([2]), words)
    assert len(cells) == 1
    assert cells[0].box[0] < 1080
    assert cells[0].box[2] > 1110
    assert cells[0].line == (1, 2)
    # with every amount read, nothing is searched past them
    read = [*words, PixelWord("900,00", 1026, 200, 1110, 224, 0.95, (1, 2))]
    assert unread_cells(page_with_amount_ink([2]), read) == []


def ink_box(text: str, x: float, top: float, right: bool = False, size: float = 7.6) -> list[Word]:
    """Words as OCR boxes them: hugging the ink, 0.55 em a character, 0.3 em between words."""
    tokens = text.split()
    width = sum(len(t) for t in tokens) * 0.55 * 9 + (len(tokens) - 1) * 0.3 * 9
    cursor = x - width if right else x
    out = []
    for token in tokens:
        out.append(Word(text=token, x0=cursor, y0=top, x1=cursor + 0.55 * 9 * len(token), y1=top + size))
        cursor += 0.55 * 9 * len(token) + 0.3 * 9
    return out


def test_first_description_line_tight_under_a_centred_label_is_the_first_rows_text() -> None:
    # An Italian scan: the label "Descrizione" centred over left-aligned two-line descriptions, the
    # figures centred in each row. OCR boxes hug the ink, so the first row's first line sits as close
    # under the header as a wrapped label would, and overlaps its figures' line by little.
    rows = [
        ("Manutenzione caldaia", "Visita annuale", "5", "1.188,97", "5.944,85"),
        ("Stampa cataloghi", "Carta riciclata", "40", "1.121,96", "44.878,40"),
    ]
    words = ink_box("Officine Brambilla S.r.l. Via Roma 12 Milano", 46, 60)
    words += ink_box("Fattura n. 2024/118 del 14/05/2024", 46, 90)
    words += ink_box("N.", 46, 226) + ink_box("Descrizione", 114, 226) + ink_box("Q.tà", 260, 226, right=True)
    words += ink_box("Prezzo unitario", 381, 226, right=True) + ink_box("Importo", 467, 226, right=True)
    top = 240.8
    for n, (first, second, quantity, price, amount) in enumerate(rows, start=1):
        words += ink_box(first, 64, top)
        figures = top + 5.5
        words += ink_box(str(n), 44, figures) + ink_box(quantity, 260, figures, right=True)
        words += ink_box(price, 381, figures, right=True) + ink_box(amount, 467, figures, right=True)
        words += ink_box(second, 64, top + 10.6)
        top += 24.8
    words += ink_box("Totale imponibile 50.823,25", 467, top + 20, right=True)
    # The page's other lines, level (a scan levelled upstream): letterhead, addressee, terms, bank.
    for k, text in enumerate(
        [
            "Spett.le Bergamini Costruzioni S.p.A.",
            "Corso Vittorio Emanuele 88",
            "10121 Torino TO",
            "Partita IVA IT01234567890",
            "Codice destinatario M5UXCR1",
        ]
    ):
        words += ink_box(text, 330, 120 + 13 * k)
    for k, text in enumerate(
        [
            "IVA 22 % 10.097,88",
            "IVA 10 % 594,49",
            "Totale fattura 64.722,37",
            "Pagamento bonifico bancario a 30 giorni data fattura",
            "IBAN IT60 X054 2811 1010 0000 0123 456 BIC BPMOIT22XXX",
            "Officine Brambilla S.r.l. Capitale sociale 50.000 euro interamente versato",
            "Registro Imprese di Milano REA MI-1234567",
        ]
    ):
        words += ink_box(text, 46, top + 40 + 14 * k)
    page = PageText(page_number=1, width=595, height=842, text_source=TextSource.OCR, words=words)
    got = [(i.description, i.quantity) for i in extract_page(page).line_items]
    assert got == [(f"{first} {second}", Decimal(quantity)) for first, second, quantity, _, _ in rows]


def test_a_line_of_figures_alone_half_a_line_below_text_joins_it() -> None:
    # Tesseract read the figures as a block of their own: line (9, 1) holds them alone, 0.45 lines
    # below the description's first line. Left apart they step down from it like a tilted page's
    # fragments; joined, the row reads as its text with its figures.
    text = phrase("Servicio de limpieza", 160, 660, (4, 1))
    figures = [glyphs("3", 860, 660 + 0.45 * LINE, (9, 1)), glyphs("120,00", 1000, 660 + 0.45 * LINE, (9, 1))]
    detail = phrase("Oficina central", 160, 660 + 1.1 * LINE, (4, 2))
    bands = {tuple(w.text for w in members) for _key, members in _rejoined({(4, 1): text, (9, 1): figures})}
    assert ("Servicio", "de", "limpieza", "3", "120,00") in bands
    # two figure lines never join each other, and text further than 0.6 of a line is no partner
    near = [glyphs("5", 860, 660 + 0.85 * LINE, (9, 2)), glyphs("60,00", 1000, 660 + 0.85 * LINE, (9, 2))]
    kept = _rejoined({(9, 1): figures, (9, 2): near})
    assert sorted(len(members) for _key, members in kept) == [2, 2]
    kept = _rejoined({(9, 1): figures, (4, 2): detail})
    assert sorted(len(members) for _key, members in kept) == [2, 2]
