"""Scans of invented pages that show what OCR lost on real layouts: item names printed in light grey inside
a ruled table (``ocr_faint``), and a large title cut into fragments by the full pass (``recover_garbled``)."""

from __future__ import annotations

import io
import random

import numpy as np
import pytest
from corpus.scan import ScanParams, degrade
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from invoiceflow.domain.models import OcrMode
from invoiceflow.domain.ocr import read_page, set_default_engine
from invoiceflow.domain.ocr_faint import find_faint_lines
from invoiceflow.domain.ocr_merge import recover_garbled
from invoiceflow.domain.ocr_tesseract import TesseractEngine
from invoiceflow.domain.ocr_words import PixelWord
from invoiceflow.domain.pipeline import extract_invoice

tesseract = pytest.mark.skipif(not TesseractEngine().is_available(), reason="tesseract not installed")

# An invented Italian service statement: each service's name in light grey on its own row, its charge in
# black at the right, thin grey rules between rows (the look of a cloud provider's statement).
SERVICES = [("Archiviazione remota", "3.40"), ("Posta certificata", "12.75"), ("Backup notturno", "8.05")]
FAINT_GREY = 0.68


def _faint_statement() -> bytes:
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=A4, invariant=1)
    width, height = A4
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(50, height - 60, "Nuvola Calcolo S.r.l.")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(50, height - 80, "Via dei Gelsi 14, 40121 Bologna")
    pdf.drawString(360, height - 60, "Fattura n. NC-55821")
    pdf.drawString(360, height - 75, "Data fattura: 04/03/2026")
    pdf.drawString(50, height - 130, "Destinatario: Officine Brenta S.p.A.")
    top = height - 200
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(55, top, "Dettaglio servizi")
    pdf.setStrokeGray(0.8)
    pdf.setLineWidth(0.6)
    y = top - 12
    pdf.line(50, y, width - 50, y)
    for name, amount in SERVICES:
        y -= 26
        pdf.setFillGray(FAINT_GREY)
        pdf.setFont("Helvetica", 11)
        pdf.drawString(60, y + 8, name)
        pdf.setFillGray(0)
        pdf.drawRightString(width - 60, y + 8, f"EUR {amount}")
        pdf.line(50, y, width - 50, y)
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(300, y - 40, "Totale")
    pdf.drawRightString(width - 60, y - 40, "EUR 24.20")
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _desk_scan(pdf: bytes, params: ScanParams, seed: str) -> bytes:
    """An image-only PDF of ``pdf``'s first page, degraded by the corpus scanner with fixed settings."""
    import pypdfium2 as pdfium

    with pdfium.PdfDocument(pdf) as doc:
        width, height = doc[0].get_size()
        image = doc[0].render(scale=params.dpi / 72).to_pil()
    jpeg = io.BytesIO()
    degrade(image, random.Random(seed), params).save(jpeg, format="JPEG", quality=params.jpeg_quality)
    jpeg.seek(0)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=1)
    canvas.drawImage(ImageReader(jpeg), 0, 0, width=width, height=height)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


SCAN = ScanParams(dpi=240, angle=0.7, blur=0.65, noise=16, jpeg_quality=75)


@tesseract
@pytest.mark.parametrize("faint_text", [True, False])
def test_light_grey_item_names_are_read_from_a_scan(faint_text: bool) -> None:
    scanned = _desk_scan(_faint_statement(), SCAN, "faint-statement")
    set_default_engine(TesseractEngine(faint_text=faint_text))
    try:
        words = " ".join(w.text for w in read_page(scanned, 1, OcrMode.ALWAYS).words)
        invoice = extract_invoice(scanned)
    finally:
        set_default_engine(None)
    names = [name for name, _amount in SERVICES]
    found = [name in words for name in names]
    if faint_text:
        assert all(found), words
        assert [item.description for item in invoice.line_items] == names
    else:  # the page pass alone loses the grey names: what the faint pass is for
        assert not any(found), words


def test_faint_lines_are_found_but_not_rules_boxes_or_black_type() -> None:
    page = np.full((400, 900), 248, dtype=np.uint8)
    rng = np.random.default_rng(5)
    page = np.clip(page + rng.integers(-15, 16, page.shape), 0, 255).astype(np.uint8)
    # black type: dark strokes with grey soft edges
    for x in range(60, 400, 14):
        page[40:62, x : x + 2] = 190
        page[40:62, x + 2 : x + 5] = 30
        page[40:62, x + 5 : x + 7] = 190
    # faint type: strokes of mid grey only, letters 14 px apart, a word gap
    for x in [*range(60, 260, 13), *range(276, 420, 13)]:
        page[120:142, x : x + 4] = 175
    # a grey rule and a light-grey box
    page[180:182, 40:860] = 200
    page[230:300, 40:860] = 212
    lines = find_faint_lines(page, 8)  # the cell of a 200-dpi page
    assert len(lines) == 1
    left, top, right, bottom = lines[0].box
    assert top <= 120
    assert left <= 60
    assert bottom >= 142
    assert right >= 420
    assert lines[0].pixels.min() < 40  # darkened: the faint strokes come out black


def test_a_title_the_full_pass_cut_into_fragments_is_taken_whole_from_the_probe() -> None:
    line = (1, 1, 2)
    full = [  # a 30-pt "FACTURA" read as confident pieces beside an e-mail address
        PixelWord("ventas@olmo.es", 145, 103, 432, 129, 0.92, line),
        PixelWord("|", 1288, 81, 1297, 139, 0.95, line),
        PixelWord("F", 1309, 82, 1340, 140, 0.91, line),
        PixelWord("AC", 1350, 82, 1440, 142, 0.94, line),
        PixelWord("TU", 1450, 79, 1530, 153, 0.52, line),
        PixelWord("=", 1560, 84, 1601, 142, 0.73, line),
    ]
    probe = [PixelWord("FACTURA", 1288, 81, 1601, 143, 0.95, (6, 1, 1))]
    texts = [w.text for w in recover_garbled(full, probe)]
    assert texts == ["ventas@olmo.es", "FACTURA"]


def test_words_the_probe_reads_as_one_stay_split_when_the_full_pass_spelled_them() -> None:
    line = (1, 1, 1)
    full = [
        PixelWord("Rechnung", 100, 80, 260, 110, 0.93, line),
        PixelWord("Nr.", 270, 80, 320, 110, 0.9, line),
    ]
    probe = [PixelWord("RechnungNr.", 100, 80, 320, 110, 0.7, (1, 1, 1))]
    assert [w.text for w in recover_garbled(full, probe)] == ["Rechnung", "Nr."]


def test_faint_lines_of_a_blank_page_are_none() -> None:
    assert find_faint_lines(np.full((300, 300), 250, dtype=np.uint8), 4) == []


def _tilted_table(tilt: float) -> list[PixelWord]:
    """Pixel words of an invented service table scanned turned: each item row one engine line across the
    page (position, name, price, amount), then three narrow detail lines, all on a regular 40-px pitch:
    the row pitch over the distance between the columns is itself a plausible skew."""
    words: list[PixelWord] = []
    y = 800.0
    for item in range(6):
        row = [
            ("1", 200),
            (str(item + 1), 340),
            ("Wartung", 420),
            ("Leitung", 560),
            ("12,50", 1350),
            ("12,50", 1560),
        ]
        details = [[("Grundpreis", 420), ("je", 560), ("Monat", 620)], [("Vertrag", 420), (f"K-{item}", 560)]]
        for number, line in enumerate([row, *details, [("01.04.-30.04.", 420)]]):
            key = (1, item + 1, number + 1)
            for text, x in line:
                width = 20.0 * len(text)
                middle = x + width / 2
                top = y + tilt * middle
                words.append(PixelWord(text, x, top, x + width, top + 24, 0.93, key))
            y += 40
    return words


def test_a_turned_table_comes_back_in_rows_from_the_tilt_of_its_lines() -> None:
    from invoiceflow.domain.extraction.layout import build_lines
    from invoiceflow.domain.models import PageText, TextSource
    from invoiceflow.domain.ocr import _to_points, page_tilt

    words = _tilted_table(0.014)
    lines: dict[tuple[int, ...], list[PixelWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    assert abs(page_tilt(lines) - 0.014) < 0.002
    page = PageText(page_number=1, width=595, height=842, text_source=TextSource.OCR,
                    words=_to_points(words, 0.36, 0.36))  # fmt: skip
    texts = [line.text for line in build_lines(page)]
    assert texts[:4] == [
        "1 1 Wartung Leitung 12,50 12,50",
        "Grundpreis je Monat",
        "Vertrag K-0",
        "01.04.-30.04.",
    ]
    assert len(texts) == 24


def test_a_level_page_with_one_fragment_per_row_is_not_turned_by_chance() -> None:
    from invoiceflow.domain.extraction.layout import estimate_skew
    from invoiceflow.domain.models import Word

    # A levelled OCR page: every row one engine line (one band), and two small notes printed 4 pt below
    # their rows far to the right. A slope of 4 pt over their distance lines up those two pairs by
    # chance; nothing else lines up at any slope, so the page must stay as it is.
    words = [
        Word(text="Leistung", x0=150, y0=200 + 14.2 * row, x1=450, y1=206.2 + 14.2 * row) for row in range(20)
    ]
    words += [
        Word(text="Notiz", x0=680, y0=204 + 14.2 * row, x1=720, y1=210.2 + 14.2 * row) for row in (4, 12)
    ]
    assert estimate_skew(words) == 0.0


@tesseract
def test_a_short_label_the_page_pass_rejected_is_read_again_on_its_own() -> None:
    import time

    import pypdfium2 as pdfium

    out = io.BytesIO()
    pdf = Canvas(out, pagesize=A4, invariant=1)
    pdf.setFont("Helvetica", 9)
    pdf.drawString(60, 700, "MwSt")
    pdf.drawRightString(535, 700, "EUR 0,00")
    pdf.showPage()
    pdf.save()
    with pdfium.PdfDocument(out.getvalue()) as doc:
        image = doc[0].render(scale=200 / 72).to_pil().convert("L")
    scale = 200 / 72
    # where the label stands, as a page pass reports a word it all but rejected
    box = (60 * scale - 2, (842 - 700 - 7) * scale, 84 * scale, (842 - 700 + 1) * scale)
    rejected = PixelWord("nwSt", *box, 0.04, (1, 1, 1))
    amount = PixelWord("0,00", 500 * scale, box[1], 535 * scale, box[3], 0.95, (1, 1, 1))
    engine = TesseractEngine()
    deadline = time.monotonic() + 30
    assert [w.text for w in engine.reread_unsure_words(image, [amount], deadline)] == ["0,00"]
    again = engine.reread_unsure_words(image, [amount], deadline, [rejected])
    assert [w.text for w in again] == ["0,00", "MwSt"]


def test_rejected_words_are_word_sized_letters_only() -> None:
    from invoiceflow.domain.ocr_reread import rejected_words

    line = (1, 2, 1)
    page = [PixelWord(f"Wort{n}", 100 + 90 * n, 300, 180 + 90 * n, 324, 0.95, line) for n in range(6)]
    label = PixelWord("nwSt", 100, 400, 150, 423, 0.04, (1, 3, 1))  # as tall as the text: worth a look
    speck = PixelWord("Il", 900, 380, 912, 440, 0.03, (1, 4, 1))  # a logo stroke, three lines tall
    figure = PixelWord("1O,5", 300, 400, 350, 423, 0.05, (1, 3, 1))  # digits stay with drop_garbage's rule
    sure = PixelWord("Summe", 400, 400, 480, 423, 0.5, (1, 3, 1))  # not rejected at all
    assert rejected_words([*page, label, speck, figure, sure]) == [label]
