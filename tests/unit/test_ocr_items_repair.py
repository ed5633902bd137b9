"""OCR-side repairs of table rows: rule marks and specks dropped, skipped number cells read again, garbled
numbers repaired only where row arithmetic (quantity × price = amount) confirms the repaired value."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen import canvas

from invoiceflow.domain.extraction.ocr_repair import repair_row_texts
from invoiceflow.domain.ocr_clean import drop_specks, strip_rule_marks
from invoiceflow.domain.ocr_table_cells import missing_cells, repair_row_numbers
from invoiceflow.domain.ocr_tesseract import TesseractEngine
from invoiceflow.domain.ocr_words import PixelWord
from invoiceflow.domain.pdf_render import render_page_image

tesseract = pytest.mark.skipif(not TesseractEngine().is_available(), reason="tesseract not installed")


def row(text: str) -> list[str]:
    return text.split()


def apart(texts: list[str]) -> list[bool]:
    return [False] * (len(texts) - 1)


# --- repair_row_texts: arithmetic decides ---------------------------------------------------------------


def test_price_with_a_lost_decimal_separator_is_repaired_when_the_row_multiplies_out() -> None:
    texts = row("Freight and packing 13 74269 23% 9,654.97")
    assert repair_row_texts(texts, apart(texts)) == row("Freight and packing 13 742.69 23% 9,654.97")


def test_negative_price_and_an_amount_written_with_a_space_between_thousand_groups() -> None:
    texts = row("Atelier 14 -24686 5,5% -3 456,04")
    close = [False, False, False, False, True]  # "-3" and "456,04" nearly touch: one number
    assert repair_row_texts(texts, close)[2] == "-246,86"


def test_misread_quantity_is_rewritten_to_amount_over_price() -> None:
    texts = row("Kalibrierung 25,3 938,93 23.942,72")
    assert repair_row_texts(texts, apart(texts)) == row("Kalibrierung 25,5 938,93 23.942,72")
    lost_digit = row("7 Zaagblad 3 1.608,84 53.091,72")  # the row number 7 is no quantity
    assert repair_row_texts(lost_digit, apart(lost_digit)) == row("7 Zaagblad 33 1.608,84 53.091,72")


def test_nothing_changes_without_arithmetic_confirmation() -> None:
    balanced = row("Kalibrierung 25,5 938,93 23.942,72")
    assert repair_row_texts(balanced, apart(balanced)) == balanced
    unconfirmed = row("Freight 13 74269 9,999.00")  # 13 × 742.69 is not 9,999.00
    assert repair_row_texts(unconfirmed, apart(unconfirmed)) == unconfirmed
    far_off = row("Freight 4 1.000,00 12.500,00")  # 12.5 is too long to be a misread 4
    assert repair_row_texts(far_off, apart(far_off)) == far_off
    no_money = row("Page 2 of 3")
    assert repair_row_texts(no_money, apart(no_money)) == no_money


def test_a_tax_rate_is_not_taken_for_a_quantity() -> None:
    # 0.12 × 11,054.83 = 1,326.58: the tax line of a 12 % rate, whether or not "%" was read apart
    for texts in (row("IGST 12 % 11,054.83 1,326.58"), row("IGST 12 11,054.83 1,326.58")):
        assert repair_row_texts(texts, apart(texts)) == texts


def test_a_price_that_divides_the_amount_only_by_a_sign_is_not_taken_for_a_quantity() -> None:
    texts = row("x 37,25 -1 606,50 -59 842,13")  # thousand groups split and not joined: leave it
    assert repair_row_texts(texts, apart(texts)) == texts


# --- word cleanup -----------------------------------------------------------------------------------------


def word(text: str, left: float, top: float, right: float, bottom: float, *, conf: float = 0.9) -> PixelWord:
    return PixelWord(text, left, top, right, bottom, conf, (1, 1, 1))


def test_rule_marks_are_dropped_or_cut_off_with_their_share_of_the_box() -> None:
    words = [
        word("|", 300, 10, 304, 40),
        word("_|", 10, 10, 30, 40),
        word("-24686|", 100, 10, 170, 30),
        word("\u201e1.618,88", 200, 10, 290, 30),
        word("%", 400, 10, 410, 30),
        word("-", 420, 10, 426, 30),
    ]
    cleaned = strip_rule_marks(words)
    assert [w.text for w in cleaned] == ["-24686", "1.618,88", "%", "-"]
    assert cleaned[0].left == 100
    assert cleaned[0].right == pytest.approx(160)
    assert cleaned[1].left == pytest.approx(200 + 90 / 9)
    assert cleaned[1].right == 290


def test_tall_unsure_specks_go_and_unsure_words_of_text_height_stay() -> None:
    text = [word(f"w{n}", 10 * n, 100, 10 * n + 8, 120) for n in range(6)]  # line height 20
    speck = word("zel", 300, 90, 320, 132, conf=0.15)  # twice the line height, unsure, three letters
    unsure_word = word("Gaarljks", 330, 100, 380, 121, conf=0.3)
    tall_long_word = word("Gutschriftsnummer", 400, 90, 500, 132, conf=0.25)
    tall_number = word("12", 520, 90, 530, 132, conf=0.2)
    kept = drop_specks([*text, speck, unsure_word, tall_long_word, tall_number])
    assert [w.text for w in kept[6:]] == ["Gaarljks", "Gutschriftsnummer", "12"]


# --- missing cells ------------------------------------------------------------------------------------


def table_words(skip_quantity_of: int) -> list[PixelWord]:
    """Five rows (quantity, price, amount right-aligned, each column its own engine block, as Tesseract
    often reads tables); the quantity of one row is missing."""
    words: list[PixelWord] = []
    for n in range(5):
        top = 100 + 44 * n
        words.append(PixelWord(f"Item{n}", 50, top, 120, top + 22, 0.95, (1, 1, n)))
        if n != skip_quantity_of:
            words.append(PixelWord(str(n + 2), 380, top, 400, top + 22, 0.95, (2, 1, n)))
        words.append(PixelWord(f"{n + 1}0,00", 450, top, 520, top + 22, 0.95, (3, 1, n)))
        words.append(PixelWord(f"{(n + 2) * (n + 1)}0,00", 580, top, 660, top + 22, 0.95, (4, 1, n)))
    return words


def test_a_table_row_without_its_quantity_cell_is_found_with_the_neighbouring_line() -> None:
    cells = missing_cells(table_words(skip_quantity_of=3))
    assert len(cells) == 1
    left, top, right, bottom = cells[0].box
    assert left < 380
    assert right > 400
    assert top < 100 + 44 * 3 < bottom
    assert cells[0].line == (3, 1, 3)  # joins the price's line, so the row stays one row
    assert missing_cells(table_words(skip_quantity_of=-1)) == []


def test_rows_split_into_column_blocks_are_repaired_together() -> None:
    words = table_words(skip_quantity_of=-1)
    garbled = [
        w if w.text != "3" else PixelWord("4", w.left, w.top, w.right, w.bottom, 0.6, w.line) for w in words
    ]
    repaired = repair_row_numbers(garbled)  # row 1: 2 × 20,00 = 60,00 → its quantity is 3
    assert [w.text for w in repaired if w.left == 380] == ["2", "3", "4", "5", "6"]


def invoice_table_image(rows: list[tuple[str, str, str, str]]) -> pdfium.PdfPage:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    c.setFont("Helvetica", 10)
    for n, (description, quantity, price, amount) in enumerate(rows):
        y = 842 - 120 - 18 * n
        c.drawString(60, y, description)
        c.drawRightString(330, y, quantity)
        c.drawRightString(430, y, price)
        c.drawRightString(530, y, amount)
    c.showPage()
    c.save()
    return pdfium.PdfDocument(buffer.getvalue())[0]


@tesseract
def test_a_skipped_quantity_cell_is_read_again_from_the_image() -> None:
    rows = [
        ("Saw blades", "4", "12.50", "50.00"),
        ("Drill set", "38", "9.10", "345.80"),
        ("Work gloves", "7", "3.20", "22.40"),
        ("Safety glasses", "12", "5.75", "69.00"),
        ("Measuring tape", "25", "4.00", "100.00"),
    ]
    image = render_page_image(invoice_table_image(rows), 200, 10**8, 30.0)
    engine = TesseractEngine(languages=("eng",))
    words = engine.run(image.convert("L"), ("eng",), deadline=time_budget())
    # Tesseract 5 skips this narrow quantity column altogether on the clean render; the cells it did
    # read are put in at their drawn place (right edge 330 pt) for all rows but "38".
    scale = 200 / 72
    prices = sorted(
        (w for w in words if w.right > 420 * scale and w.right < 440 * scale), key=lambda w: w.top
    )
    assert [w.text for w in prices] == ["12.50", "9.10", "3.20", "5.75", "4.00"]
    for (_, quantity, _, _), price in zip(rows, prices, strict=True):
        if quantity != "38" and not any(w.text == quantity and w.right < price.left for w in words):
            width = 5.6 * len(quantity) * scale
            words.append(
                PixelWord(
                    quantity,
                    330 * scale - width,
                    price.top,
                    330 * scale,
                    price.bottom,
                    0.9,
                    (9, 1, len(words)),
                )
            )
    again = engine.reread_missing_cells(image, words, deadline=time_budget())
    recovered = [w for w in again if w.text == "38"]
    assert len(recovered) == 1
    price = next(w for w in again if w.text == "9.10")
    assert recovered[0].line == price.line
    assert recovered[0].right < price.left


def time_budget() -> float:
    import time

    return time.monotonic() + 30.0


def test_rows_of_a_skewed_page_are_found_across_column_blocks() -> None:
    slope = 0.02  # about one degree: a row's amount lies 18 px lower than its quantity

    def at(text: str, left: float, top: float, line: tuple[int, int, int]) -> PixelWord:
        shifted = top + slope * left
        return PixelWord(text, left, shifted, left + 12 * len(text), shifted + 22, 0.95, line)

    words = [at("Terms", 50, 60, (1, 1, 1)), at("apply", 1300, 60, (1, 1, 1))]  # a long line: the skew
    for n, (quantity, price, amount) in enumerate([("2", "10,00", "20,00"), ("4", "20,00", "60,00")]):
        top = 200 + 46 * n
        words += [
            at(quantity, 400, top, (2, 1, n)),  # each column its own block
            at(f"Part{n}", 450, top, (3, 1, n)),
            at(price, 1100, top, (4, 1, n)),
            at(amount, 1300, top, (5, 1, n)),
        ]
    repaired = repair_row_numbers(words)  # 60,00 / 20,00: the second quantity is 3, not 4
    assert [w.text for w in repaired if w.left == 400] == ["2", "3"]
