"""Scanned pages that mix languages (English labels round German and Spanish names, German labels round
French ones) and identifiers read two ways: real pages drawn with reportlab, rasterised with pypdfium2,
blurred, and read through Tesseract."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageFilter
from reportlab.pdfgen import canvas

from invoiceflow.domain.extraction.ocr_repair import (
    agreed_identifier,
    capital_i_in_identifier,
    class_changes,
    identifier_key,
)
from invoiceflow.domain.ocr_clean import agree_identifiers
from invoiceflow.domain.ocr_reread import better_reading, unsure_words
from invoiceflow.domain.ocr_tesseract import TesseractEngine
from invoiceflow.domain.ocr_words import PixelWord

tesseract = pytest.mark.skipif(not TesseractEngine().is_available(), reason="tesseract not installed")

DPI = 200


def scanned_page(lines: list[str], *, size: float = 9.0, blur: float = 0.5) -> Image.Image:
    """An A4 page with one line of Helvetica per entry from the top, rendered at 200 dpi and blurred."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setFont("Helvetica", size)
    for n, line in enumerate(lines):
        pdf.drawString(60, 790 - 17 * n, line)
    pdf.showPage()
    pdf.save()
    with pdfium.PdfDocument(buffer.getvalue()) as doc:
        image = doc[0].render(scale=DPI / 72).to_pil().convert("L")
    return image.filter(ImageFilter.GaussianBlur(blur)) if blur else image


ENGLISH_PAGE = [
    "INVOICE",
    "Invoice number: INV-20481",
    "Invoice date: 12 Mar 2026",
    "Bill to:",
    "Müller Feinmechanik AG",
    "Hauptstraße 41",
    "80331 München",
    "Ship to: Talleres Ibáñez S.A.",
    "Description Quantity Unit price Amount",
    "Desk lamp, brushed steel 2 45.00 90.00",
    "Installation service 1 120.00 120.00",
    "Thank you for your order. Payment within 30 days to our bank account.",
    "Total amount due 210.00 GBP",
]


@tesseract
def test_foreign_names_on_an_english_page_keep_their_accents() -> None:
    image = scanned_page(ENGLISH_PAGE)
    read = " ".join(w.text for w in TesseractEngine().recognize(image))
    plain = " ".join(w.text for w in TesseractEngine(reread_unsure=False).recognize(image))
    # The page is judged English and read with eng alone: its model has no umlauts or ß.
    assert "Müller" not in plain
    assert "Hauptstraße" not in plain
    for name in ("Müller", "Hauptstraße", "München", "Feinmechanik"):
        assert name in read
    # The English words are no less right for it.
    for word in ("Invoice", "Description", "Quantity", "brushed", "Installation", "GBP", "INV-20481"):
        assert word in read.split()


GERMAN_PAGE = [
    "RECHNUNG",
    "Rechnungsnummer: RE-77120",
    "Rechnungsdatum: 12.03.2026   Fällig am: 11.04.2026",
    "Rechnungsempfänger:",
    "Crèmerie Bérénice",
    "8 rue des Lilas, 69002 Lyon",
    "Beschreibung Menge Einzelpreis Betrag",
    "Wartung der Kälteanlage 2 45,00 90,00",
    "Vielen Dank für Ihren Auftrag. Zahlbar innerhalb von 30 Tagen.",
    "Gesamtbetrag 90,00 EUR",
]


@tesseract
def test_a_french_name_on_a_german_page_gets_its_accents_and_german_words_keep_theirs() -> None:
    words = TesseractEngine().recognize(scanned_page(GERMAN_PAGE))
    read = [w.text for w in words]
    for word in ("Fällig", "Rechnungsempfänger:", "Kälteanlage", "Dank"):
        assert word in read
    # no re-reading took a German word's umlaut away (the other models do not all know it)
    assert not {"Fallig", "Rechnungsempfanger:", "Kalteanlage"} & set(read)
    # the French name keeps its accents, which the German model alone drops
    plain = [w.text for w in TesseractEngine(reread_unsure=False).recognize(scanned_page(GERMAN_PAGE))]
    assert "Bérénice" in read
    assert "Bérénice" not in plain


def word(text: str, confidence: float, left: float = 0.0) -> PixelWord:
    return PixelWord(text, left, 0.0, left + 10 * len(text), 20.0, confidence, (1, 1, 1))


def test_a_rereading_is_taken_only_when_surer_and_still_the_same_word() -> None:
    assert better_reading(word("Miller", 0.71), word("Müller", 0.96))
    assert better_reading(word("HauptstraBe", 0.13), word("Hauptstraße", 0.96))
    # accents back at the same confidence are enough; a different word needs a clear gain
    assert better_reading(word("Berenice", 0.89), word("Bérénice", 0.89))
    assert not better_reading(word("Miller", 0.71), word("Mailer", 0.75))
    # never a word that is another word, never digits, never an accent taken away
    assert not better_reading(word("Rechnung", 0.5), word("Lieferschein", 0.99))
    assert not better_reading(word("Lilas", 0.5), word("L1las", 0.99))
    assert not better_reading(word("Fällig", 0.86), word("Fallig", 0.95))


@tesseract
def test_an_identifier_printed_twice_is_read_the_same_way_in_both_places() -> None:
    # The payment line shows the number with a zero where the header has the letter O: on a scan the two
    # are one number read two ways; the reading that keeps the letter prefix and the digits apart wins.
    lines = [
        "INVOICE",
        "Invoice No. SO-44038",
        "Date 12 Mar 2026",
        "Description Quantity Amount",
        "Cable set 2 90.00",
        "Please quote S0-44038 with your payment.",
    ]
    words = TesseractEngine().recognize(scanned_page(lines, size=10, blur=0))
    numbers = [w.text for w in words if identifier_key(w.text) == "S0-44038"]
    assert numbers == ["SO-44038", "SO-44038"]


@tesseract
def test_an_identifier_printed_once_with_letters_and_digits_mixed_is_left_alone() -> None:
    lines = [
        "INVOICE",
        "Invoice No. A1-2045",
        "Order S0-4403",
        "Description Quantity Amount",
        "Cable set 2 90.00",
    ]
    read = [w.text for w in TesseractEngine().recognize(scanned_page(lines, size=10, blur=0))]
    assert "A1-2045" in read
    assert "S0-4403" in read


def test_identifier_readings_are_decided_by_letter_and_digit_runs_then_confidence() -> None:
    assert class_changes("SO-44038") == 0
    assert class_changes("S0-44038") == 1
    assert class_changes("INV2O481") == 3
    assert agreed_identifier([("S0-44038", 0.95), ("SO-44038", 0.80)]) == "SO-44038"
    assert agreed_identifier([("INV2O481", 0.95), ("INV20481", 0.90)]) == "INV20481"
    assert agreed_identifier([("SO-44038", 0.9), ("SO-44038", 0.8)]) is None  # nothing in doubt
    assert agreed_identifier([("O1-63058", 0.9), ("01-63058", 0.7)]) == "01-63058"
    # words that are no identifiers are never keys: no digit, or too short
    assert identifier_key("Total") is None
    assert identifier_key("12.50") is None
    assert identifier_key("SO-44038") == identifier_key("S0-44038")


def test_a_lone_l_among_capitals_of_an_identifier_is_an_i() -> None:
    assert capital_i_in_identifier("Ol-54088") == "OI-54088"
    assert capital_i_in_identifier("lNV-2026") == "INV-2026"
    assert capital_i_in_identifier("Vol-2045") == "Vol-2045"  # a word in lower case stays
    assert capital_i_in_identifier("Il-22") == "Il-22"  # too short to be an identifier
    assert capital_i_in_identifier("Bill") == "Bill"  # no identifier


def test_page_words_agree_only_where_an_identifier_was_read_two_ways() -> None:
    page = [
        word("S0-44038", 0.93),
        word("Total", 0.9, 200),
        word("SO-44038", 0.9, 400),
        word("A1-2045", 0.9, 600),
    ]
    agreed = agree_identifiers(page)
    assert [w.text for w in agreed] == ["SO-44038", "Total", "SO-44038", "A1-2045"]
    # another pass's reading counts as a second place
    assert [w.text for w in agree_identifiers([word("S0-44038", 0.93)], [word("SO-44038", 0.8)])] == [
        "SO-44038"
    ]
    assert [w.text for w in agree_identifiers([word("S0-44038", 0.93)])] == ["S0-44038"]


def test_one_accent_for_another_needs_a_clear_gain() -> None:
    assert not better_reading(word("Lumière", 0.9), word("Lumiére", 0.92))
    assert better_reading(word("Lumiere", 0.9), word("Lumière", 0.9))


def test_misread_letters_are_reread_whatever_their_confidence() -> None:
    page = [
        word("GroBhandel", 0.95),
        word("S6hne", 0.96, 200),
        word("GmbH", 0.5, 400),
        word("Kestrel", 0.97, 600),
    ]
    assert [page[n].text for n in unsure_words(page)] == ["GmbH", "GroBhandel", "S6hne"]
    # the mark gone is gain enough, a word run on never is
    assert better_reading(word("GroBhandel", 0.87), word("Großhandel", 0.87))
    assert better_reading(word("S6hne", 0.32), word("Söhne", 0.9))
    assert not better_reading(word("Sdhne", 0.75), word("SöhneKG", 0.91))


def test_another_pass_reading_counts_with_its_capital_i_restored() -> None:
    # the page pass read "O1-63058", the probe "Ol-63058": one number, its second character in doubt;
    # the probe's l among capitals is an I, and the letter prefix kept apart from the digits wins
    agreed = agree_identifiers([word("O1-63058", 0.93)], [word("Ol-63058", 0.9)])
    assert [w.text for w in agreed] == ["OI-63058"]
