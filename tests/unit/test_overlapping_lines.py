"""Two text lines drawn over each other a few points apart (a letterhead or footer printed on top of body
text) are read as two lines, not as one line interleaving their words."""

from __future__ import annotations

from tests.unit.sheets import Sheet

from invoiceflow.domain.extraction.layout import build_lines
from invoiceflow.domain.models import PageText, TextSource, Word


def _texts(page: PageText) -> list[str]:
    return [line.text for line in build_lines(page)]


def test_footer_drawn_over_a_sentence_is_a_line_of_its_own() -> None:
    sheet = Sheet()
    sheet.put(40, 300, "Bitte geben Sie bei Zahlung die Rechnungsnummer an.", size=9)
    # a footer at the left margin, 3 pt lower, over the same x range
    sheet.put(30, 303, "Druckerei Lindqvist · Hafenweg 58 · 20457 Hamburg", size=8)
    texts = _texts(sheet.page())
    assert texts == [
        "Bitte geben Sie bei Zahlung die Rechnungsnummer an.",
        "Druckerei Lindqvist · Hafenweg 58 · 20457 Hamburg",
    ]


def test_letterhead_over_prose_splits_and_keeps_words_beside_the_overlap() -> None:
    sheet = Sheet()
    sheet.put(60, 100, "Tipografia Ferraro Srl", size=12)
    sheet.put(60, 104, "Si prega di indicare il numero della fattura", size=11)
    # beyond both lines' reach on the right: the letterhead line continues alone
    sheet.put(400, 100, "Via Roma 12 · 10121 Torino", size=12)
    texts = _texts(sheet.page())
    assert texts == [
        "Tipografia Ferraro Srl Via Roma 12 · 10121 Torino",
        "Si prega di indicare il numero della fattura",
    ]


def test_three_stacked_lines_split_into_three() -> None:
    sheet = Sheet()
    sheet.put(50, 200, "alpha beta gamma delta", size=10)
    sheet.put(52, 204, "uno dos tres cuatro", size=10)
    sheet.put(48, 208, "eins zwei drei vier", size=10)
    assert _texts(sheet.page()) == ["alpha beta gamma delta", "uno dos tres cuatro", "eins zwei drei vier"]


def test_kerned_and_touching_words_stay_one_line() -> None:
    words = [
        Word("Totaal", 100.0, 400.0, 130.0, 410.0),
        Word("te", 129.0, 400.2, 139.0, 410.2),  # kerned into its neighbour by 1 pt
        Word("betalen", 139.0, 399.8, 175.0, 409.8),  # touching
        Word("€", 190.0, 400.0, 196.0, 410.0),
        Word("1.250,00", 195.0, 400.5, 235.0, 410.5),  # slight overlap, baseline jitter
    ]
    page = PageText(1, 595.0, 842.0, TextSource.TEXT_LAYER, words)
    assert _texts(page) == ["Totaal te betalen € 1.250,00"]


def test_text_drawn_twice_for_bold_stays_one_line() -> None:
    # fake bold: the same words drawn again a fraction of a point to the right, same height
    words = [Word("Factura", 50.0, 80.0, 90.0, 92.0), Word("Factura", 50.4, 80.0, 90.4, 92.0)]
    words += [Word("nº", 95.0, 80.0, 105.0, 92.0), Word("F-2291", 110.0, 80.0, 145.0, 92.0)]
    page = PageText(1, 595.0, 842.0, TextSource.TEXT_LAYER, words)
    assert len(build_lines(page)) == 1


def test_superscript_beside_its_word_stays_on_the_line() -> None:
    words = [
        Word("Fläche", 60.0, 300.0, 92.0, 310.0),
        Word("120", 96.0, 300.0, 112.0, 310.0),
        Word("m", 115.0, 300.0, 122.0, 310.0),
        Word("2", 121.5, 299.0, 125.0, 306.0),  # raised, touching its base
        Word("Preis", 140.0, 300.0, 165.0, 310.0),
    ]
    page = PageText(1, 595.0, 842.0, TextSource.TEXT_LAYER, words)
    assert _texts(page) == ["Fläche 120 m 2 Preis"]


def test_ocr_jitter_stays_one_line() -> None:
    words = [
        Word("Rechnung", 40.0, 120.0, 95.0, 131.0),
        Word("Nr.", 93.0, 121.5, 110.0, 130.5),  # jittery box nudging into its neighbour
        Word("2024-0815", 111.0, 119.0, 170.0, 132.0),
    ]
    page = PageText(1, 595.0, 842.0, TextSource.OCR, words)
    assert _texts(page) == ["Rechnung Nr. 2024-0815"]


def test_smaller_address_beside_the_letterhead_name_stays_with_it() -> None:
    # a big letterhead name, its address in a smaller font on its right (nearly the prose's centre),
    # and a prose line drawn over both whose last word runs into the address
    words = [
        Word("Moreau", 40.0, 40.0, 100.0, 58.0),
        Word("Imprimeurs", 105.0, 40.0, 200.0, 58.0),
        Word("12", 230.0, 48.0, 240.0, 58.0),
        Word("quai", 243.0, 48.0, 262.0, 58.0),
        Word("Rambaud", 265.0, 48.0, 305.0, 58.0),
        Word("Merci", 45.0, 48.5, 70.0, 58.0),
        Word("de", 73.0, 48.5, 83.0, 58.0),
        Word("rappeler", 86.0, 48.5, 125.0, 58.0),
        Word("la", 128.0, 48.5, 137.0, 58.0),
        Word("référence.", 140.0, 48.5, 240.0, 58.0),
    ]
    page = PageText(1, 595.0, 842.0, TextSource.TEXT_LAYER, words)
    assert _texts(page) == ["Moreau Imprimeurs 12 quai Rambaud", "Merci de rappeler la référence."]
