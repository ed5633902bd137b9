"""Item tables in a light-grey cell grid, scanned: every thin rule erased before OCR (``erase_rules``), and
the cells of a column of lone figures that the page pass dropped found from their ink
(``unread_cells``) and read again. Pages drawn with reportlab, rasterised with pypdfium2, degraded like
an office scan (``corpus.scan.degrade``)."""

from __future__ import annotations

import io
import random

import numpy as np
import pypdfium2 as pdfium
import pytest
from corpus.scan import ScanParams, degrade
from PIL import Image
from reportlab.pdfgen import canvas

from invoiceflow.domain.ocr_rules import LIGHT_INK, erase_rules
from invoiceflow.domain.ocr_table_cells import unread_cells
from invoiceflow.domain.ocr_tesseract import TesseractEngine
from invoiceflow.domain.ocr_words import PixelWord

tesseract = pytest.mark.skipif(not TesseractEngine().is_available(), reason="tesseract not installed")

DPI = 240
PX = DPI / 72


def scanned(draw: object, angle: float = 0.4, seed: int = 3) -> Image.Image:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    draw(pdf)  # type: ignore[operator]
    pdf.showPage()
    pdf.save()
    with pdfium.PdfDocument(buffer.getvalue()) as doc:
        page = doc[0].render(scale=PX).to_pil()
    params = ScanParams(dpi=DPI, angle=angle, blur=0.6, noise=12, jpeg_quality=70)
    return degrade(page, random.Random(seed), params)


ITALIAN_ROWS = [
    ("Noleggio impalcatura", "3", "412,50", "1.237,50"),
    ("Pulizia vetrate", "1", "96,00", "96,00"),
    ("Trasporto materiali", "7", "38,20", "267,40"),
    ("Smaltimento rifiuti", "1", "150,00", "150,00"),
    ("Verniciatura ringhiera", "2", "275,90", "551,80"),
]


def light_grid(pdf: canvas.Canvas) -> None:
    """An Italian item table in a full cell grid of light-grey hairlines, quantities of one digit
    right-aligned against their column's rule."""
    columns = (50, 300, 360, 460, 545)
    top, pitch = 600, 22
    pdf.setFont("Helvetica", 10)
    for x, label in zip((56, 354, 454, 539), ("Descrizione", "Q.tà", "Prezzo", "Importo"), strict=True):
        (pdf.drawString if x == 56 else pdf.drawRightString)(x, top - 15, label)
    for k, (text, quantity, price, amount) in enumerate(ITALIAN_ROWS, start=1):
        y = top - pitch * k - 15
        pdf.drawString(56, y, text)
        pdf.drawRightString(354, y, quantity)
        pdf.drawRightString(454, y, price)
        pdf.drawRightString(539, y, amount)
    pdf.setStrokeGray(0.72)
    pdf.setLineWidth(0.5)
    bottom = top - pitch * (len(ITALIAN_ROWS) + 1)
    for k in range(len(ITALIAN_ROWS) + 2):
        pdf.line(columns[0], top - pitch * k, columns[-1], top - pitch * k)
    for x in columns:
        pdf.line(x, top, x, bottom)


def test_light_grey_rules_are_erased_and_glyphs_and_bars_kept() -> None:
    def page(pdf: canvas.Canvas) -> None:
        light_grid(pdf)
        pdf.setFillGray(0.15)
        pdf.rect(50, 700, 495, 16, stroke=0, fill=1)  # a dark bar: no rule

    grey = np.asarray(scanned(page, angle=0.0))
    erased = erase_rules(grey, DPI)
    assert erased is not None
    # the grid's first horizontal rule (y = 600 pt) along the description column
    row = round((842 - 600) * PX)
    band = slice(row - 3, row + 4), slice(round(80 * PX), round(280 * PX))
    assert (grey[band] < LIGHT_INK).mean(axis=1).max() > 0.8
    assert (erased[band] < LIGHT_INK).mean(axis=1).max() < 0.1
    # the bar stays dark, the glyphs of the table keep their ink
    bar = slice(round((842 - 714) * PX), round((842 - 702) * PX)), slice(round(60 * PX), round(530 * PX))
    assert (erased[bar] < 100).mean() > 0.9
    text = slice(round((842 - 596) * PX), round((842 - 582) * PX)), slice(round(55 * PX), round(290 * PX))
    assert (erased[text] < 128).sum() >= 0.9 * (grey[text] < 128).sum()


def word(text: str, left: float, top: float, line: tuple[int, ...]) -> PixelWord:
    return PixelWord(text, left, top, left + 14 * len(text), top + 24, 0.95, line)


def page_with_blobs(blob_rows: list[int], rule_x: float | None = None) -> Image.Image:
    """White page; glyph-sized ink at x 600-614 in the given rows (a lost figure), or a vertical rule."""
    pixels = np.full((1400, 1200), 250, dtype=np.uint8)
    for r in blob_rows:
        top = 100 + 50 * r
        pixels[top + 2 : top + 22, 600:603] = 20  # a "1"
        pixels[top + 2 : top + 5, 597:603] = 20
    if rule_x is not None:
        pixels[80:400, round(rule_x) : round(rule_x) + 2] = 30
    return Image.fromarray(pixels)


def table_words() -> list[PixelWord]:
    words = []
    for r in range(5):
        top = 100 + 50 * r
        words += [word("Onderhoud", 100, top, (1, r)), word("12,50", 800, top, (2, r))]
        words += [word("21%", 900, top, (3, r)), word("125,00", 1000, top, (4, r))]
    return words


def test_cells_no_word_covers_are_found_where_rows_line_up() -> None:
    cells = unread_cells(page_with_blobs([0, 2, 3]), table_words())
    assert len(cells) == 3
    for cell in cells:
        assert cell.box[0] < 597
        assert cell.box[2] > 603
    # each cell joins the line of its row's nearest figure (the price)
    assert sorted(cell.line for cell in cells) == [(2, 0), (2, 2), (2, 3)]


def test_a_rule_or_a_lone_blob_is_no_cell() -> None:
    assert unread_cells(page_with_blobs([], rule_x=605), table_words()) == []
    # one row's blob lines up with nothing read or found in another row
    assert unread_cells(page_with_blobs([1]), table_words()) == []


def test_an_unsure_letter_reading_over_the_ink_is_replaced() -> None:
    words = [*table_words(), PixelWord("PP", 596, 150, 616, 174, 0.54, (9, 1))]
    cells = unread_cells(page_with_blobs([1, 3]), words)
    assert len(cells) == 2
    assert [words[n].text for cell in cells for n in cell.replaces] == ["PP"]


@tesseract
def test_lone_quantities_in_a_light_grey_grid_are_read() -> None:
    words = [w.text for w in TesseractEngine().recognize(scanned(light_grid, angle=-0.6))]
    for _text, _quantity, price, amount in ITALIAN_ROWS:
        assert price in words
        assert amount in words
    # The page pass drops the whole quantity column; the cells found from their ink bring back at least
    # four of the five (a lone "7" still escapes Tesseract's digit pass now and then).
    quantities = [q for _t, q, _p, _a in ITALIAN_ROWS]
    read = [w for w in words if w in {"1", "2", "3", "7"}]
    assert len(read) >= 4
    assert all(read.count(q) <= quantities.count(q) for q in read)
    assert "Descrizione" in words


# --- blocks of text the page pass skipped, read again cut out (``lost_regions``, ``read_lost_regions``) ----


def two_line_descriptions(pdf: canvas.Canvas) -> None:
    """A Dutch item table whose descriptions take two lines beside one line of figures."""
    pdf.setFont("Helvetica", 10)
    rows = [
        ("Glazenwassen kantoor", "Maandelijkse beurt", "12", "509,12", "6.109,44"),
        ("Onderhoud cv-ketel", "Jaarlijkse controle", "1", "212,62", "212,62"),
        ("Drukwerk folders", "Gerecycleerd papier", "4", "96,16", "384,64"),
    ]
    for k, (first, second, quantity, price, amount) in enumerate(rows):
        y = 640 - 30 * k
        pdf.drawString(60, y + 5, first)
        pdf.drawString(60, y - 6, second)
        pdf.drawRightString(330, y, quantity)
        pdf.drawRightString(440, y, price)
        pdf.drawRightString(540, y, amount)


def test_lost_text_blocks_are_found_and_specks_are_not() -> None:
    from invoiceflow.domain.ocr_lost import lost_regions

    image = scanned(two_line_descriptions, angle=0.0)
    grey = np.asarray(image)
    figures = [PixelWord("x", 300 * PX, 120 * PX, 545 * PX, 230 * PX, 0.95, (1, 1))]  # the figures, read
    regions = lost_regions(grey, figures)
    assert len(regions) == 1  # the description column, one block
    left, top, right, bottom = regions[0]
    assert left < 60 * PX < 150 * PX < right
    assert top < (842 - 650) * PX
    assert bottom > (842 - 586) * PX
    # everything read: nothing lost; a few specks of dust are no text
    assert lost_regions(grey, [PixelWord("x", 0, 0, grey.shape[1], grey.shape[0], 0.95, (1, 1))]) == []
    specks = np.full((800, 600), 250, dtype=np.uint8)
    for x, y in ((100, 100), (300, 420), (500, 700)):
        specks[y : y + 2, x : x + 2] = 0
    assert lost_regions(specks, []) == []


@tesseract
def test_a_description_column_the_page_pass_skipped_is_read_from_its_cut_out() -> None:
    import time

    engine = TesseractEngine(languages=("nld",), language_probe=False)
    image = scanned(two_line_descriptions, angle=0.3)
    page = engine.recognize(image)
    assert "Glazenwassen" in [w.text for w in page]
    # the page pass as it goes wrong on some scans: the figures read, the description column not
    kept = [w for w in page if w.left > 250 * PX]
    words = engine.read_lost_regions(image.convert("L"), kept, ("nld",), time.monotonic() + 30)
    texts = [w.text for w in words]
    for expected in ("Glazenwassen", "Maandelijkse", "Onderhoud", "Jaarlijkse", "Drukwerk", "Gerecycleerd"):
        assert expected in texts
    assert texts.count("509,12") == 1  # the figures stay as read, once


def test_a_fragment_shorter_than_a_rule_is_left_as_drawn() -> None:
    # At 200 dpi: a light-grey rule 300 px long, and a grey bar 12 px thick whose top edge runs on for
    # 40 px as a light stroke (a logo's swash): only those 40 px are thin, less than a rule's length.
    page = np.full((400, 600), 250, dtype=np.uint8)
    page[100:102, 150:450] = 190
    page[300:312, 150:400] = 120
    page[300:302, 400:440] = 190
    erased = erase_rules(page, 200)
    assert erased is not None
    assert (erased[100:102, 150:450] > 240).all()  # the rule is gone
    assert (erased[300:302, 400:440] == 190).all()  # the stroke stays
    assert (erased[300:312, 150:400] == 120).all()  # and the bar
