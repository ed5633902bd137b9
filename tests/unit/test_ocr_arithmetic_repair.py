"""OCR pages whose figures arithmetic or checksums repair: one confusable digit of a total (net + tax =
gross), whole-number totals of a receipt without cents, a GSTIN read with a character too many, and the
ampersand / sharp s look-alikes of names. Pages are invented word layouts, not copies of any document."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sheets import Sheet

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.identifiers import _trimmed_gstin, find_identifiers
from invoiceflow.domain.extraction.layout import build_lines
from invoiceflow.domain.extraction.ocr_repair import confusable_readings, repair_sum
from invoiceflow.domain.identifiers import valid_gstin
from invoiceflow.domain.models import PageText, TextSource
from invoiceflow.domain.ocr_glyphs import restore_look_alikes
from invoiceflow.domain.ocr_words import PixelWord

D = Decimal


def test_confusable_readings_swap_one_digit_for_a_look_alike() -> None:
    readings = confusable_readings(D("4.14"))
    assert {D("4.11"), D("4.19"), D("4.74"), D("9.14")} <= set(readings)
    assert D("4.15") not in readings  # 4 and 5 are no look-alikes
    assert all(r < 0 for r in confusable_readings(D("-38.50")))


@pytest.mark.parametrize(
    ("net", "tax", "gross", "rates", "expected"),
    [
        ("20.55", "4.14", "24.66", (), (1, "4.11")),  # the tax's last 1 read as 4
        ("1268.00", "253.60", "1527.60", (), None),  # gross 1521.60 or tax 259.60: a guess
        ("230.00", "48.70", "273.70", (), None),  # tax 43.70 or gross 278.70: a guess, so nothing
        ("230.00", "48.70", "273.70", ("19",), (1, "43.70")),  # the printed 19 % decides
        ("100.00", "19.00", "119.00", (), None),  # adds up already
        ("100.00", "20.00", "125.00", (), None),  # a charge not printed: no look-alike explains it
    ],
)
def test_repair_sum_takes_only_a_single_reading_that_adds_up(
    net: str, tax: str, gross: str, rates: tuple[str, ...], expected: tuple[int, str] | None
) -> None:
    found = repair_sum(D(net), D(tax), D(gross), {D(r) for r in rates})
    assert found == (None if expected is None else (expected[0], D(expected[1])))


def _ocr_sheet() -> Sheet:
    return Sheet(source=TextSource.OCR)


def test_a_misread_tax_total_is_repaired_and_marked_less_certain() -> None:
    sheet = _ocr_sheet()
    sheet.put(40, 40, "Fornitore Verdi Arredi S.r.l.")
    sheet.put(40, 80, "Fattura n. FV-2210")
    sheet.put(40, 96, "Data 12/03/2024")
    sheet.put(300, 400, "Imponibile")
    sheet.put(520, 400, "1.268,40", right=True)
    sheet.put(300, 416, "IVA 22%")
    sheet.put(520, 416, "279,03", right=True)  # printed 279,05 (1.268,40 x 22 %), its 5 read as 3
    sheet.put(300, 432, "Totale documento")
    sheet.put(520, 432, "1.547,45", right=True)
    fields = extract_page(sheet.page()).fields
    assert fields["totals.tax"].value == "279.05"
    assert fields["totals.gross"].value == "1547.45"
    assert fields["totals.tax"].confidence < fields["totals.gross"].confidence


def test_the_same_figures_on_a_text_layer_are_left_as_printed() -> None:
    sheet = Sheet()
    sheet.put(40, 80, "Fattura n. FV-2210")
    sheet.put(300, 400, "Imponibile")
    sheet.put(520, 400, "1.268,40", right=True)
    sheet.put(300, 416, "IVA 22%")
    sheet.put(520, 416, "279,03", right=True)
    sheet.put(300, 432, "Totale documento")
    sheet.put(520, 432, "1.547,45", right=True)
    result = extract_page(sheet.page())
    assert [line.amount for line in result.tax_lines] == [D("279.03")]
    assert "totals.tax" not in result.fields  # the figures disagree; no digit is changed


def _receipt(source: TextSource, paid: str = "₹ 2450") -> PageText:
    sheet = Sheet(source=source)
    sheet.put(40, 40, "CASH RECEIPT")
    sheet.put(40, 70, "Guest Priya Raman")
    sheet.put(40, 120, "Item")
    sheet.put(520, 120, "Amount", right=True)
    sheet.put(40, 140, "Lodging 2 nights")
    sheet.put(520, 140, "₹ 2450", right=True)
    sheet.put(40, 170, "Grand Total")
    sheet.put(520, 170, "₹ 2450", right=True)
    sheet.put(40, 190, "Amount received")
    sheet.put(520, 190, paid, right=True)
    return sheet.page()


def test_whole_number_totals_of_an_ocr_receipt_without_cents_count_when_repeated() -> None:
    fields = extract_page(_receipt(TextSource.OCR)).fields
    assert fields["totals.gross"].value == "2450.00"
    assert fields["totals.gross"].confidence < 0.95


def test_a_lone_whole_number_on_an_ocr_page_is_still_no_total() -> None:
    # Printed once and confirmed by nothing: OCR may have lost its decimal point.
    fields = extract_page(_receipt(TextSource.OCR, paid="-")).fields
    assert "totals.gross" not in fields or fields["totals.gross"].value == "2450.00"
    sheet = Sheet(source=TextSource.OCR)
    sheet.put(40, 40, "CASH RECEIPT")
    sheet.put(40, 170, "Grand Total")
    sheet.put(520, 170, "₹ 2450", right=True)
    assert "totals.gross" not in extract_page(sheet.page()).fields


def _stored_figures_page(tax: str, gross: str = "142.8") -> PageText:
    # Software that prints numbers as stored: no trailing zeros, so no figure has two decimals.
    sheet = Sheet(source=TextSource.OCR)
    sheet.put(40, 40, "Rechnung 77")
    sheet.put(40, 120, "Beschreibung")
    sheet.put(520, 120, "Betrag", right=True)
    sheet.put(40, 140, "Wartung Heizung")
    sheet.put(520, 140, "120 EUR", right=True)
    sheet.put(40, 170, "Summe netto")
    sheet.put(520, 170, "120 EUR", right=True)
    sheet.put(40, 186, "MwSt 19%")
    sheet.put(520, 186, f"{tax} EUR", right=True)
    sheet.put(40, 202, "Gesamtbetrag")
    sheet.put(520, 202, f"{gross} EUR", right=True)
    return sheet.page()


def test_one_decimal_totals_of_an_ocr_page_without_cents_count_when_they_add_up() -> None:
    fields = extract_page(_stored_figures_page("22.8")).fields
    assert (fields["totals.net"].value, fields["totals.tax"].value, fields["totals.gross"].value) == (
        "120.00",
        "22.80",
        "142.80",
    )
    assert fields["totals.gross"].confidence < 0.95


def test_one_decimal_ocr_totals_that_do_not_add_up_are_no_totals() -> None:
    # 120 + 22.8 is not 171.3, nor is 120 at 19 %: figures read wrong, so no gross is taken.
    assert "totals.gross" not in extract_page(_stored_figures_page("22.8", gross="171.3")).fields


def _deposit_page(gross_label: str) -> PageText:
    # A final invoice after a deposit: the payable is not the gross, and OCR may lose the gross's label.
    sheet = Sheet(source=TextSource.OCR)
    sheet.put(40, 40, "Nordbau Montage GmbH")
    sheet.put(40, 80, "Schlussrechnung Nr. 2024-118")
    rows = [
        ("Rechnungssumme ohne USt.", "12.500,00"),
        ("Steuerbetrag", "2.375,00"),
        (gross_label, "14.875,00"),
        ("Erhaltene Anzahlungen", "5.000,00"),
        ("Zahlbetrag", "9.875,00"),
    ]
    for n, (label, value) in enumerate(rows):
        if label:
            sheet.put(300, 300 + 16 * n, label)
        sheet.put(540, 300 + 16 * n, value, right=True)
    return sheet.page()


@pytest.mark.parametrize("gross_label", ["Bruttosumme", ""])
def test_a_gross_whose_label_ocr_lost_is_net_plus_tax_printed_alone(gross_label: str) -> None:
    fields = extract_page(_deposit_page(gross_label)).fields
    got = tuple(fields[f"totals.{name}"].value for name in ("net", "tax", "gross"))
    assert got == ("12500.00", "2375.00", "14875.00")


def test_a_gstin_read_with_a_character_too_many_is_trimmed_by_its_checksum() -> None:
    gstin = next(
        f"29AAGCK4512M1Z{c}"
        for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        if valid_gstin(f"29AAGCK4512M1Z{c}")
    )
    assert _trimmed_gstin("O" + gstin) == gstin
    assert _trimmed_gstin(gstin + "I") == gstin
    assert _trimmed_gstin("O" + gstin[:-1] + "#") is None
    sheet = Sheet(source=TextSource.OCR)
    sheet.put(40, 600, f"GSTIN: |{gstin}".replace("|", "O"))
    found = find_identifiers(build_lines(sheet.page()))
    assert [i.value for i in found if i.kind == "gstin"] == [gstin]


def _word(text: str, left: float, width: float, line: int = 1, height: float = 20.0) -> PixelWord:
    return PixelWord(text, left, 100.0, left + width, 100.0 + height, 0.9, (1, 1, line))


def test_a_wide_eight_between_name_words_is_an_ampersand_and_a_narrow_one_a_digit() -> None:
    digits = [_word("4711", 600 + 80 * n, 52.0, line=9) for n in range(4)]  # 0.65 of the height per digit
    words = [
        _word("Brandt", 0, 70),
        _word("8", 80, 17),  # 0.85 of its height: an ampersand's shape
        _word("Kessler", 105, 80),
        _word("Hafenweg", 0, 90, line=2),
        _word("8", 100, 13, line=2),  # a digit's shape
        _word("Bremen", 120, 70, line=2),
        _word("Lieferung", 0, 90, line=3),
        _word("8", 100, 17, line=3),  # wide, but between lower-case words: no name joined by "&"
        _word("vom", 120, 40, line=3),
        *digits,
    ]
    texts = [w.text for w in restore_look_alikes(words)]
    assert texts[:9] == ["Brandt", "&", "Kessler", "Hafenweg", "8", "Bremen", "Lieferung", "8", "vom"]


def test_a_sharp_s_read_as_ampersand_inside_a_word_is_restored() -> None:
    words = [_word("Stra&e", 0, 70), _word("Wei&", 80, 50), _word("AT&T", 140, 50), _word("B&Q", 200, 40)]
    assert [w.text for w in restore_look_alikes(words)] == ["Straße", "Weiß", "AT&T", "B&Q"]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (["Montage", "95:5)", "-312.40", "7.7%", "-11'090.20"], "35.5"),  # 3 read as 9, point as a colon
        (["Montage", "12:5", "48.00", "600.00"], "12.5"),  # only the point garbled
        (["Montage", "95:5)", "-312.40", "-10'000.00"], "95:5)"),  # no quantity gives that amount
        (["Montage", "47:5", "48.00", "600.00"], "47:5"),  # 4 and 1 are look-alikes, but two digits differ
    ],
)
def test_a_garbled_quantity_before_a_price_is_rewritten_when_the_row_multiplies_out(
    row: list[str], expected: str
) -> None:
    from invoiceflow.domain.extraction.ocr_repair import repair_row_texts

    assert repair_row_texts(row, [False] * (len(row) - 1))[1] == expected


@pytest.mark.parametrize(
    ("read", "expected"),
    [("C0MMDEFF", "COMMDEFF"), ("8NPAFRPPXXX", "BNPAFRPPXXX"), ("RZBAAT2W", None), ("12345678", None)],
)
def test_repair_bic_reads_digits_of_the_bank_and_country_code_as_letters(
    read: str, expected: str | None
) -> None:
    from invoiceflow.domain.extraction.identifiers import repair_bic

    assert repair_bic(read) == expected


def test_a_labelled_bic_with_a_zero_for_an_o_is_found_on_an_ocr_line_only() -> None:
    for source, expected in ((TextSource.OCR, ["KOMBCZPP"]), (TextSource.TEXT_LAYER, [])):
        sheet = Sheet(source=source)
        sheet.put(40, 700, "Banka: SWIFT K0MBCZPP")
        found = find_identifiers(build_lines(sheet.page()))
        assert [i.value for i in found if i.kind == "bic"] == expected


def test_a_dotted_abbreviation_gets_its_lost_last_full_stop_back() -> None:
    words = [
        _word(text, 60 * n, 50) for n, text in enumerate(["B.V", "S.r.l", "N.V.", "Str.", "12.5", "www.x.nl"])
    ]
    assert [w.text for w in restore_look_alikes(words)] == [
        "B.V.",
        "S.r.l.",
        "N.V.",
        "Str.",
        "12.5",
        "www.x.nl",
    ]
