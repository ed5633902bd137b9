"""Scanned pages: OCR-like word boxes (ink-tight heights, one box per recognised line, garbled digits)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.identifiers import coerce, repair_gstin, repair_iban, repair_vat
from invoiceflow.domain.extraction.layout import build_lines, estimate_x_drift
from invoiceflow.domain.extraction.ocr_repair import money_readings
from invoiceflow.domain.identifiers import iban_pattern, valid_gstin, valid_iban, valid_vat
from invoiceflow.domain.models import PageExtraction, PageText, TextSource, Word

CHAR = 4.2  # points per character at 8 pt
WORD_GAP = 4.6  # 0.57 em: blur and side bearings widen OCR word gaps beyond a typeset space


class Scan:
    """Words as Tesseract reports them: boxes hug the ink (lower-case words are x-height tall, capitals
    and digits cap-height tall), word gaps up to ~0.6 em, and every word of a line shares the line's box
    (shifted by ``drift`` × y when the page was rotated)."""

    def __init__(self, drift: float = 0.0, source: TextSource = TextSource.OCR) -> None:
        self.words: list[Word] = []
        self.drift = drift
        self.source = source

    def line(self, y: float, *cells: tuple[float, str]) -> None:
        shift = self.drift * y
        for x, text in cells:
            cursor = x + shift
            for token in text.split():
                if any(c in "()[]gjpqy" for c in token):
                    top, bottom = y, y + 8.0  # brackets and descenders: the full em
                elif any(c.isupper() or c.isdigit() or c in "bdfhklt" for c in token):
                    top, bottom = y + 1.4, y + 7.0  # cap height
                else:
                    top, bottom = y + 3.0, y + 7.0  # x-height
                self.words.append(
                    Word(text=token, x0=cursor, y0=top, x1=cursor + CHAR * len(token), y1=bottom)
                )
                cursor += CHAR * len(token) + WORD_GAP

    def page(self) -> PageText:
        return PageText(page_number=1, width=595, height=842, text_source=self.source, words=self.words)


def values(result: PageExtraction) -> dict[str, str]:
    return {name: field.value for name, field in result.fields.items()}


@pytest.mark.parametrize(
    ("garbled", "expected"),
    [
        ("28.161 \u201a72", Decimal("28161.72")),  # stray low quote for the decimal comma
        ("216528]", Decimal("2165.28")),  # decimal separator lost, bracket from a table rule
        ("4.047 48", Decimal("4047.48")),  # decimal comma read as a space
        ("1O5,5O", Decimal("105.50")),  # letter O for zero
        ("£228.084.82", Decimal("228084.82")),  # comma read as a dot, currency symbol in front
        ("2l3.S0 |", Decimal("213.50")),  # l for 1, S for 5, a rule after the number
    ],
)
def test_money_readings_repair_garbled_ocr_numbers(garbled: str, expected: Decimal) -> None:
    assert expected in money_readings(garbled)


@pytest.mark.parametrize("text", ["Hosting", "xn se TD", "21%|", "12", "Total"])
def test_money_readings_never_turn_words_rates_or_short_numbers_into_money(text: str) -> None:
    assert money_readings(text) == []


def _items_page(amount_cell: str, source: TextSource = TextSource.OCR) -> PageText:
    scan = Scan(source=source)
    scan.line(100, (50, "Omschrijving"), (330, "Aantal"), (400, "Prijs"), (500, "Bedrag"))
    scan.line(120, (50, "Verzendkosten"), (335, "12"), (400, "2.346,81"), (500, amount_cell))
    scan.line(136, (50, "Onderhoudscontract"), (335, "2"), (400, "100,00"), (500, "200,00"))
    scan.line(170, (380, "Totaal"), (500, "28.361,72"))
    return scan.page()


def test_a_garbled_amount_is_repaired_when_quantity_times_price_confirms_it() -> None:
    items = extract_page(_items_page("28.161 \u201a72 |")).line_items
    assert [(i.description, str(i.quantity), str(i.unit_price), str(i.amount)) for i in items] == [
        ("Verzendkosten", "12", "2346.81", "28161.72"),
        ("Onderhoudscontract", "2", "100.00", "200.00"),
    ]


def test_a_garbled_amount_that_does_not_multiply_out_is_not_invented() -> None:
    items = extract_page(_items_page("27.999 \u201a10 |")).line_items
    assert all(i.amount != Decimal("27999.10") for i in items)
    assert Decimal("28161.72") not in {i.amount for i in items}


def test_repair_is_only_for_ocr_pages() -> None:
    page = _items_page("28.161 \u201a72 |", TextSource.TEXT_LAYER)
    assert Decimal("28161.72") not in {i.amount for i in extract_page(page).line_items}


def test_ink_tight_ocr_boxes_keep_labels_and_word_runs_in_one_segment() -> None:
    scan = Scan()
    scan.line(300, (350, "Total HT"), (480, "CHF 26'720.62"))
    scan.line(315, (350, "TVA 8.1 % (Base HT 26'720.62)"), (480, "CHF 2'164.37"))
    scan.line(330, (350, "Total TTC"), (480, "CHF 28'884.99"))
    page = scan.page()
    texts = [[line.text[a:b] for a, b in line.segments()] for line in build_lines(page)]
    assert texts[0] == ["Total HT", "CHF 26'720.62"]
    got = values(extract_page(page))
    assert (got["totals.net"], got["totals.tax"], got["totals.gross"]) == ("26720.62", "2164.37", "28884.99")


def test_tax_line_with_an_unclosed_bracket_and_a_garbled_base() -> None:
    scan = Scan()
    scan.line(300, (330, "Subtotal"), (480, "Rs. 1,10,083.44"))
    scan.line(315, (330, "IGST 18 % (Net 99,028.61)"), (480, "Rs. 17,825.15"))
    scan.line(330, (330, "IGST 12 %"), (390, "(Net 11,054.83,"), (480, "Rs. 1,326.58"))
    scan.line(345, (330, "Total"), (480, "Rs. 1,29,235.17"))
    taxes = {(str(t.rate), str(t.base), str(t.amount)) for t in extract_page(scan.page()).tax_lines}
    assert taxes == {("18", "99028.61", "17825.15"), ("12", "11054.83", "1326.58")}

    scan = Scan()
    scan.line(300, (330, "btw 9 % (Grondslag 54.713 60)"), (480, "4.924,22 \u20ac"))
    (tax,) = extract_page(scan.page()).tax_lines
    assert (tax.rate, tax.base, tax.amount) == (Decimal(9), Decimal("54713.60"), Decimal("4924.22"))


def test_unrecognised_quantity_header_is_named_by_arithmetic() -> None:
    scan = Scan()
    scan.line(100, (50, "DESCRIPTION"), (330, "aTY"), (400, "RATE"), (500, "AMOUNT"))
    scan.line(120, (50, "Cloud hosting, monthly"), (335, "14"), (400, "521.94"), (500, "7,307.16"))
    scan.line(136, (50, "Consulting services"), (335, "29"), (400, "1,195.72"), (500, "34,675.88"))
    items = extract_page(scan.page()).line_items
    assert [(i.description, str(i.quantity)) for i in items] == [
        ("Cloud hosting, monthly", "14"),
        ("Consulting services", "29"),
    ]


def test_rotated_scan_margins_are_straightened_so_columns_stay_apart() -> None:
    """Tesseract reports levelled line boxes, but on a page rotated by ~1° each line starts further right
    down the page: without correction the article column of lower rows slides into the description."""
    drift = 0.02
    scan = Scan(drift=drift)
    scan.line(
        100, (50, "#"), (70, "Art."), (130, "Description"), (380, "Qty"), (430, "Price"), (500, "Amount")
    )
    rows = [
        ("A-9328", "Cloud hosting", "11", "1.923,00", "21.153,00"),
        ("A-1767", "Installation", "2", "475,50", "951,00"),
    ]
    for n in range(22):
        art, text, qty, price, amount = rows[n % 2]
        scan.line(
            120 + 22 * n, (50, str(n + 1)), (70, art), (130, text), (385, qty), (430, price), (500, amount)
        )
    page = scan.page()
    assert estimate_x_drift(page.words) == pytest.approx(drift, abs=0.0015)
    items = extract_page(page).line_items
    assert len(items) == 22
    assert {i.description for i in items} == {"Cloud hosting", "Installation"}


def test_logo_garbage_is_not_the_issuer_and_dac_is_a_legal_form() -> None:
    scan = Scan()
    scan.line(40, (115, "Helios Engineering DAC"), (470, "Dublin D02 X285"))
    # A dark logo band, read as big letter clusters: taller than any text line.
    for x, token in ((2, "xn"), (20, "se"), (38, "TD"), (90, "PP"), (130, "CS")):
        scan.words.append(Word(text=token, x0=x, y0=66, x1=x + 12, y1=82))
    scan.line(130, (50, "Bill To:"), (380, "Invoice No."), (470, "538065152"))
    scan.line(145, (50, "Solvay Engineering Ltd"))
    scan.line(157, (50, "109 Patrick Street"))
    got = values(extract_page(scan.page()))
    assert got["issuer.name"] == "Helios Engineering DAC"
    assert got["recipient.name"] == "Solvay Engineering Ltd"


def test_footer_with_bank_data_names_the_issuer_when_the_blocks_read_backwards() -> None:
    scan = Scan()
    scan.line(60, (50, "Brightline Logistics Ltd"), (380, "Invoice No."), (470, "INV-1"))
    scan.line(72, (50, "12 High Street"))
    scan.line(84, (50, "London EC1A 1BB"))
    scan.line(130, (50, "Bluewater Logistics Ltd"))
    scan.line(142, (50, "1 Dock Road"))
    scan.line(154, (50, "Bristol BS1 4DJ"))
    scan.line(760, (48, "Bluewater Logistics Ltd"), (200, "Bank: BANK OF ENGLAND"))
    got = values(extract_page(scan.page()))
    assert (got["issuer.name"], got["recipient.name"]) == (
        "Bluewater Logistics Ltd",
        "Brightline Logistics Ltd",
    )


def test_vat_id_confusables_accept_only_a_checksum_valid_variant() -> None:
    assert valid_vat("NL925734275B01")
    assert not valid_vat("NL925734275801")
    assert repair_vat("NL925734275801") == "NL925734275B01"  # B read as 8
    assert repair_vat("DE1993783B6") == "DE199378386"  # 8 read as B
    assert repair_vat("DE123456780") is None  # nothing confusable makes it valid

    def vat_of(source: TextSource) -> str | None:
        scan = Scan(source=source)
        scan.line(40, (50, "Vanguard Advies N.V."))
        scan.line(52, (50, "Btw-nummer: NL925734275801"))
        return values(extract_page(scan.page())).get("issuer.vat_id")

    assert vat_of(TextSource.OCR) == "NL925734275B01"
    assert vat_of(TextSource.TEXT_LAYER) is None  # a text layer is what the issuer printed


def test_identifier_formats_come_from_the_iban_registry() -> None:
    assert iban_pattern("DE") == "aa" + "n" * 20
    assert iban_pattern("NL") == "aannaaaa" + "n" * 10
    assert iban_pattern("QQ") is None
    assert coerce("DEO2I2O3", "aannnnnn") == "DE021203"
    assert coerce("1E84", "aann") == "IE84"
    assert coerce("DE0X", "aann") is None  # X is no digit look-alike
    assert coerce("DE02", "aannn") is None


@pytest.mark.parametrize(
    ("garbled", "expected"),
    [
        ("1E84BCIT00000059002782", "IE84BCIT00000059002782"),  # I of the country code read as 1
        ("DEO2120300000000202051", "DE02120300000000202051"),  # zero of the check digits read as O
        ("NL47VTP57516069606", "NL47VTPS7516069606"),  # S of the bank code read as 5
        ("DE02I203000000002O2051", "DE02120300000000202051"),  # letters inside the account number
    ],
)
def test_iban_is_coerced_to_its_country_format_and_confirmed_by_the_checksum(
    garbled: str, expected: str
) -> None:
    assert valid_iban(expected)
    assert repair_iban(garbled) == expected


def test_iban_coercion_never_invents_a_valid_iban() -> None:
    assert repair_iban("DE02120300000000202052") is None  # a wrong digit: no look-alike to fix
    assert repair_iban("ZZ02120300000000202051") is None  # no such country


def test_gstin_check_character_is_read_both_ways_and_only_one_reading_may_pass() -> None:
    assert valid_gstin("33PUZPS0353L3ZI")
    assert repair_gstin("33PUZPS0353L3Z1") == "33PUZPS0353L3ZI"  # check letter I read as digit 1
    assert repair_gstin("33PUZP50353L3ZI") == "33PUZPS0353L3ZI"  # S of the PAN read as 5
    assert repair_gstin("000000590027821") is None  # an account number is not GSTIN-shaped


def test_garbled_iban_and_gstin_on_a_scanned_page() -> None:
    def identifiers(source: TextSource) -> dict[str, str]:
        scan = Scan(source=source)
        scan.line(40, (50, "Helios Engineering Ltd"))
        scan.line(52, (50, "GSTIN: 33PUZPS0353L3Z1"))
        scan.line(700, (50, "IBAN: 1E84 BCIT 0000 0059 0027 82"))
        return values(extract_page(scan.page()))

    ocr = identifiers(TextSource.OCR)
    assert ocr.get("issuer.iban") == "IE84BCIT00000059002782"
    assert ocr.get("issuer.vat_id") == "33PUZPS0353L3ZI"
    text = identifiers(TextSource.TEXT_LAYER)  # a text layer is what the issuer printed
    assert text.get("issuer.iban") is None
    assert text.get("issuer.vat_id") is None
