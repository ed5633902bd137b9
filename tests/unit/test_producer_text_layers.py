"""Text layers as real PDF producers write them, read into words.

The PDFs under ``tests/fixtures/producers`` were printed from small HTML pages of our own invention by
headless Chromium and wkhtmltopdf (``corpus/producers/engines.py``), so CI does not need the engines.
Phenomena the fixtures cannot show are drawn with reportlab the way such producers draw them.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from invoiceflow.domain.models import Word
from invoiceflow.domain.pdf import page_text
from invoiceflow.domain.pipeline import extract_invoice

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "producers"
Draw = Callable[[canvas.Canvas], None]


def words_of(pdf: bytes) -> list[str]:
    return [w.text for w in page_text(pdf, 1).words]


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def make_pdf(draw: Draw, pagesize: tuple[float, float] = (595.0, 842.0)) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=pagesize)
    draw(c)
    c.showPage()
    c.save()
    return buffer.getvalue()


def _body_lines(c: canvas.Canvas, top: float, count: int = 8) -> None:
    c.setFont("Helvetica", 10)
    for k in range(count):
        c.drawString(60, top - 14 * k, f"Posten {k + 1} Wartung der Anlage 120,00")


# --- letter spacing (CSS letter-spacing on titles and small upper-case labels) --------------------------


@pytest.mark.parametrize("name", ["chromium_tracked_nl.pdf", "wkhtmltopdf_tracked_nl.pdf"])
def test_letter_spaced_title_and_labels_read_as_whole_words(name: str) -> None:
    # Chromium splits "FACTUURNUMMER" into pieces ("FACT U U R N U M M ER"); wkhtmltopdf, which prints
    # smaller, into one word per glyph. The letter gap decides, not PDFium's guess.
    words = words_of(fixture(name))
    assert words[:3] == ["FACTUUR", "FACTUURNUMMER", "VERVALDATUM"]
    assert "KV-3318" in words
    assert "17-09-2026" in words
    # a real space inside letter-spaced text stays a space; ordinary text is untouched
    assert words[words.index("Zeewolde") - 3 : words.index("Zeewolde") + 1] == [
        "FACTUUR",
        "AAN",
        "Tuinderij",
        "Zeewolde",
    ]
    assert words[-6:] == ["fruitbomen", "2", "x", "85,00", "=", "170,00"]
    assert not [w for w in words if len(w) == 1 and w.isalpha() and w != "x"]


@pytest.mark.parametrize("name", ["chromium_tracked_nl.pdf", "wkhtmltopdf_tracked_nl.pdf"])
def test_letter_spaced_labels_let_the_fields_be_found(name: str) -> None:
    invoice = extract_invoice(fixture(name), filename=name)
    assert invoice.invoice_number == "KV-3318"
    assert invoice.due_date is not None
    assert invoice.due_date.isoformat() == "2026-09-17"
    assert invoice.recipient is not None
    assert invoice.recipient.name == "Tuinderij Zeewolde"


def test_glyphs_positioned_with_letter_spacing_are_joined() -> None:
    # The same phenomenon drawn as HTML engines draw it: every glyph placed on its own, advanced by its
    # width plus the letter spacing (0.175 em here); the word space is a space's width plus that spacing.
    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 20)
        x = 60.0
        for char in "RECHNUNG NR 2041":
            if char != " ":
                c.drawString(x, 760, char)
            x += pdfmetrics.stringWidth(char, "Helvetica", 20) + 3.5
        _body_lines(c, 700)

    words = words_of(make_pdf(draw))
    assert words[:3] == ["RECHNUNG", "NR", "2041"]


def test_ordinary_tight_word_spacing_is_not_joined() -> None:
    # Words set closer than usual (a narrow space of 0.25 em, as condensed fonts have) but without letter
    # spacing stay apart; so do words the producer separated with its own space character at a small gap.
    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 10)
        x = 60.0
        for word in ("Lieferung", "frei", "Haus"):
            c.drawString(x, 760, word)
            x += pdfmetrics.stringWidth(word, "Helvetica", 10) + 2.5
        text = c.beginText(60, 740)
        text.setFont("Helvetica", 10)
        text.setWordSpace(-1.0)
        text.textOut("Zahlbar sofort ohne Abzug")
        c.drawText(text)
        _body_lines(c, 700)

    words = words_of(make_pdf(draw))
    assert words[:7] == ["Lieferung", "frei", "Haus", "Zahlbar", "sofort", "ohne", "Abzug"]


# --- glyph-by-glyph drawing ------------------------------------------------------------------------------


def test_glyphs_drawn_one_by_one_are_joined_into_words() -> None:
    # wkhtmltopdf drew this page (a rotated stamp on it) glyph by glyph, each with its own text matrix:
    # PDFium reads a line break between touching glyphs ("L a v a n d e r i a", "4 8,0 0").
    words = words_of(fixture("wkhtmltopdf_rotated_it.pdf"))
    assert words[:8] == ["Lavanderia", "Ponte", "Rosso", "Via", "dei", "Tigli", "9,", "Parma"]
    assert "48,00" in words
    assert "36,50" in words
    invoice = extract_invoice(fixture("wkhtmltopdf_rotated_it.pdf"), filename="stamp.pdf")
    assert invoice.issuer is not None
    assert invoice.issuer.name == "Lavanderia Ponte Rosso"


# --- rotated text: stamps and margin notes ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["chromium_rotated_it.pdf", "wkhtmltopdf_rotated_it.pdf"])
def test_rotated_stamp_and_vertical_margin_note_are_left_out(name: str) -> None:
    words = words_of(fixture(name))
    assert "Pagata" not in words  # diagonal stamp across the totals
    # vertical note in the margin, ligatures ("ffi", "fi") included
    assert not {"Ufficio", "registro", "imprese", "20417", "fiscale", "ffi", "fi"} & set(words)
    assert words[-8:] == ["Imponibile", "84,50", "IVA", "22", "%", "18,59", "Totale", "103,09"]


def test_diagonal_stamp_does_not_join_the_lines_it_crosses() -> None:
    def draw(c: canvas.Canvas) -> None:
        _body_lines(c, 760)
        c.drawString(60, 600, "Summe netto 960,00")
        c.drawString(60, 586, "Gesamtbetrag 1.142,40")
        c.saveState()
        c.translate(150, 560)
        c.rotate(35)
        c.setFont("Helvetica-Bold", 36)
        c.drawString(0, 0, "BEZAHLT Q")
        c.restoreState()
        c.drawString(60, 572, "Zahlbar bis 30.04.2026")
        c.saveState()
        c.translate(30, 200)
        c.rotate(90)
        c.setFont("Helvetica", 7)
        c.drawString(0, 0, "Sitz der Gesellschaft Kiel HRB 5512")
        c.restoreState()

    words = words_of(make_pdf(draw))
    assert not {"BEZAHLT", "Q", "Sitz", "Gesellschaft", "Kiel", "HRB", "5512"} & set(words)
    # PDFium reads the total and the stamp drawn after it as one word ("1.142,40BEZAHLT"): the level
    # part stays.
    totals = ["Summe", "netto", "960,00", "Gesamtbetrag", "1.142,40", "Zahlbar", "bis", "30.04.2026"]
    assert words[-len(totals) :] == totals


def test_a_page_written_sideways_keeps_its_words() -> None:
    # When most of the text runs another way, that is the page's reading direction, not a stamp.
    def draw(c: canvas.Canvas) -> None:
        c.saveState()
        c.translate(100, 100)
        c.rotate(90)
        c.setFont("Helvetica", 10)
        for k in range(6):
            c.drawString(0, -14 * k, f"Zeile {k} Beratung 80,00")
        c.restoreState()
        c.drawString(300, 800, "Seite 1")

    words = words_of(make_pdf(draw))
    assert words.count("Beratung") == 6
    assert "Seite" in words


def test_slightly_tilted_text_is_kept() -> None:
    # An invisible OCR layer over a scan tilts by a degree or two: it is the page's text.
    def draw(c: canvas.Canvas) -> None:
        c.saveState()
        c.rotate(2)
        _body_lines(c, 760)
        c.restoreState()
        c.drawString(60, 500, "Gesamtbetrag 1.142,40")

    words = words_of(make_pdf(draw))
    assert words.count("Wartung") == 8
    assert "Gesamtbetrag" in words


# --- text drawn by annotations: filled form fields ------------------------------------------------------


def _form_invoice(c: canvas.Canvas, top: float = 842.0) -> None:
    # A template whose variable parts are form fields filled by the billing software (reportlab writes
    # each field's appearance stream, as form-filling libraries do). ``top``: the page's height.
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, top - 62, "Rechnung")
    c.setFont("Helvetica", 10)
    c.drawString(60, top - 92, "Rechnungsempfänger:")
    c.drawString(320, top - 92, "Rechnungsnummer:")
    c.drawString(320, top - 152, "Gesamtbetrag:")
    fields = (
        ("empfaenger", "Weingut Rebhang GmbH", 60, top - 114),
        ("nummer", "RB-20931", 420, top - 96),
        ("summe", "1.250,00 EUR", 420, top - 156),
    )
    for name, value, x, y in fields:
        c.acroForm.textfield(
            name=name,
            value=value,
            x=x,
            y=y,
            width=150,
            height=16,
            borderWidth=0,
            fontName="Helvetica",
            fontSize=10,
        )


def _centre(word: Word) -> tuple[float, float]:
    return (word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2


def test_filled_form_field_values_are_read_where_they_show() -> None:
    page = page_text(make_pdf(_form_invoice), 1)
    words = {w.text: w for w in page.words}
    assert {"Weingut", "Rebhang", "RB-20931", "1.250,00"} <= set(words)
    # on the line of its label, right of it
    assert abs(_centre(words["RB-20931"])[1] - _centre(words["Rechnungsnummer:"])[1]) < 3
    assert words["RB-20931"].x0 > words["Rechnungsnummer:"].x1


def test_form_field_values_follow_the_page_rotation() -> None:
    # reportlab writes a rotated page with its media box turned (842 x 595 here): the reference is the
    # same page unrotated, and /Rotate 90 turns every offset (dx, dy) into (-dy, dx).
    def rotated(c: canvas.Canvas) -> None:
        c.setPageRotation(90)
        _form_invoice(c, top=595.0)

    turned = {w.text: w for w in page_text(make_pdf(rotated), 1).words}
    level_pdf = make_pdf(lambda c: _form_invoice(c, top=595.0), pagesize=(842.0, 595.0))
    level = {w.text: w for w in page_text(level_pdf, 1).words}
    for label, value in (("Rechnungsnummer:", "RB-20931"), ("Gesamtbetrag:", "1.250,00")):
        (lx, ly), (vx, vy) = _centre(level[label]), _centre(level[value])
        (tlx, tly), (tvx, tvy) = _centre(turned[label]), _centre(turned[value])
        assert (tvx - tlx, tvy - tly) == (pytest.approx(-(vy - ly), abs=0.5), pytest.approx(vx - lx, abs=0.5))


def test_reading_form_fields_leaves_the_callers_page_as_it_was() -> None:
    # The words come from a flattened copy: the caller's page (rendered next on the OCR path) keeps its
    # annotations, and its document stays as it was loaded.
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from invoiceflow.domain.pdf_text import text_of_page

    doc = pdfium.PdfDocument(make_pdf(_form_invoice))
    try:
        page = doc[0]
        try:
            assert "RB-20931" in [w.text for w in text_of_page(page, 1).words]
            assert pdfium_c.FPDFPage_GetAnnotCount(page.raw) == 3
        finally:
            page.close()
        assert len(doc) == 1
    finally:
        doc.close()


def test_form_field_values_reach_the_fields_of_the_invoice() -> None:
    invoice = extract_invoice(make_pdf(_form_invoice), filename="form.pdf")
    assert invoice.invoice_number == "RB-20931"
    assert invoice.recipient is not None
    assert invoice.recipient.name == "Weingut Rebhang GmbH"
