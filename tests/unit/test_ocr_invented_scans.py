"""Scans of invented invoice designs: what the scanned path lost against the text layer, fixed at the
OCR side (word boxes spanning their line, numbers inside descriptions)."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from benchmarks.invented_scans import make_designs, render, scan

from invoiceflow.domain.extraction.layout import build_lines
from invoiceflow.domain.models import OcrMode, PageText, TextSource
from invoiceflow.domain.ocr import _to_points
from invoiceflow.domain.ocr_table_cells import repair_row_numbers
from invoiceflow.domain.ocr_tesseract import TesseractEngine
from invoiceflow.domain.ocr_words import PixelWord
from invoiceflow.domain.pipeline import extract_invoice

tesseract = pytest.mark.skipif(not TesseractEngine().is_available(), reason="tesseract not installed")


@tesseract
def test_scanned_items_keep_the_figures_of_their_descriptions() -> None:
    # seed 7, design 8: the quantity cell of "LED strip 5 m" is lost in the scan; the quantity repair
    # used to rewrite the "5" of the description to the quantity (6)
    design = make_designs(36, 7)[8]
    born = render(design)
    scanned = scan(born, design)
    with pdfium.PdfDocument(scanned) as doc:
        assert not doc[0].get_textpage().get_text_range().strip()  # image only
    text_layer = extract_invoice(born, ocr=OcrMode.NEVER)
    from_scan = extract_invoice(scanned)
    assert [item.description for item in text_layer.line_items] == [d for d, _, _ in design.items]
    assert ["".join(i.description.split()) for i in from_scan.line_items] == [
        "".join(i.description.split()) for i in text_layer.line_items
    ]


def test_word_box_spanning_its_line_is_cut_where_the_next_word_begins() -> None:
    line = (1, 1, 1, 1)
    # "Olivar" boxed over the whole line, as Tesseract sometimes reports it
    words = [
        PixelWord("Olivar", 100, 80, 330, 108, 0.9, line),
        PixelWord("del", 184, 80, 220, 108, 0.9, line),
        PixelWord("Sur", 230, 80, 267, 108, 0.9, line),
        PixelWord("FACTURA", 930, 75, 1088, 100, 0.9, (1, 2, 1, 1)),
    ]
    page = PageText(page_number=1, width=595, height=842, text_source=TextSource.OCR,
                    words=_to_points(words, 0.5, 0.5))  # fmt: skip
    first = build_lines(page)[0]
    assert [w.text for w in first.words] == ["Olivar", "del", "Sur", "FACTURA"]


def test_number_inside_a_description_is_not_taken_for_a_lost_quantity() -> None:
    line = (1, 3, 1, 1)
    row = [  # the quantity cell (6) lost by OCR; 297,01 x 6 = 1.782,06
        PixelWord("LED", 100, 500, 140, 520, 0.9, line),
        PixelWord("strip", 148, 500, 200, 520, 0.9, line),
        PixelWord("5", 208, 500, 220, 520, 0.9, line),
        PixelWord("m", 226, 500, 244, 520, 0.9, line),
        PixelWord("297,01", 820, 500, 900, 520, 0.9, (1, 3, 1, 2)),
        PixelWord("1.782,06", 1040, 500, 1140, 520, 0.9, (1, 3, 1, 3)),
    ]
    assert [w.text for w in repair_row_numbers(row)] == [w.text for w in row]
    # the same figure as a cell of its own (a column gap away) is still repaired
    as_cell = [*row[:2], PixelWord("5", 700, 500, 712, 520, 0.9, (1, 3, 1, 4)), *row[4:]]
    assert [w.text for w in repair_row_numbers(as_cell)][2] == "6"


@tesseract
def test_table_regions_the_page_pass_dropped_are_read_with_local_thresholds() -> None:
    # seed 7, real-world looks, design 5: a grey header bar over a full cell grid and a boxed totals
    # block, scanned at 150 dpi. With one global threshold Tesseract took the table for a picture: it
    # read noise ("sl", "ERN") there and lost the column heads, a row and every totals label.
    from invoiceflow.domain.ocr import ocr_loaded_page
    from invoiceflow.domain.pdf_document import load_page, opened

    design = make_designs(16, 7, real_looks=True)[5]
    scanned = scan(render(design), design)

    def words(engine: TesseractEngine) -> set[str]:
        with opened(scanned) as doc:
            page = load_page(doc, 1)
            try:
                return {w.text for w in ocr_loaded_page(page, 1, engine).words}
            finally:
                page.close()

    wanted = {"Omschrijving", "Aantal", "Bedrag", "Subtotaal", "Totaal", "maintenance"}
    assert not wanted <= words(TesseractEngine(lost_text=False))
    assert wanted <= words(TesseractEngine())
    invoice = extract_invoice(scanned)
    assert (invoice.totals.net, invoice.totals.tax) == (design.net, design.tax)
