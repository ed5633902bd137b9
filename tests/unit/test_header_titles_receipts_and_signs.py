"""Header fields in forms that real tuning documents print (issue #4), on hand-placed pages of invented
vendors: a compound title with the document type's code in brackets before its number ("Handelsrechnung
(380) Nr. … vom …"), a stylesheet's version line whose date is not the document's, a receipt's document
number ("Dok. Nr.") and its sale time printed at the foot with no label, and currency signs made of
letters and "$" ("R$" is Brazil's real, never a dollar)."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import TextSource, Word


def _invoice(header: list[str], total: str = "Total 1.190,00 €") -> dict[str, str]:
    """A vendor's name, the header lines from y = 90, one item and the total."""
    s = Sheet()
    s.put(40, 40, "Kestrel Bau GmbH", size=16)
    for n, text in enumerate(header):
        s.put(40, 90 + 16 * n, text)
    s.put(40, 300, "Description")
    s.put(520, 300, "Amount", right=True)
    s.put(40, 316, "Concrete works, phase 2")
    s.put(520, 316, "1.000,00", right=True)
    s.put(330, 360, total)
    return values(extract_page(s.page()))


@pytest.mark.parametrize(
    ("line", "number", "issued"),
    [
        ("Handelsrechnung (380) Nr. 47110819 vom 15.11.2024", "47110819", "2024-11-15"),
        ("Gutschrift (381) Nr. G-2024-7 vom 03.12.2024", "G-2024-7", "2024-12-03"),
        ("Teilschlussrechnung Nr. 2024-0815 vom 01.10.2024", "2024-0815", "2024-10-01"),
        ("Commercial invoice (380) No. INV-88 of 04/03/2024", "INV-88", "2024-03-04"),
        ("Facture (380) n° F-117 du 12/03/2024", "F-117", "2024-03-12"),
        ("Factura (380) nº A-2024/31 de fecha 05/06/2024", "A-2024/31", "2024-06-05"),
    ],
)
def test_a_title_with_its_type_code_before_the_number_and_date(line: str, number: str, issued: str) -> None:
    # The lines above the title are a visualisation's preamble: its stylesheet's own version date comes
    # first on the page and is no label's value.
    got = _invoice(["Stylesheet-Version: 2.5 vom 10.01.2023", "Rechnungsstandard: EN 16931", line])
    assert got["invoice_number"] == number
    assert got["issue_date"] == issued


@pytest.mark.parametrize("other", ["Berechnung", "Kostenberechnung", "Verrechnung", "Nebenkostenabrechnung"])
def test_a_calculation_or_settlement_is_no_invoice_title(other: str) -> None:
    # Words ending in "-rechnung" that title no invoice: their number is not the invoice's.
    got = _invoice([f"{other} Nr. 5 der Abschlagszahlung", "Abschlagsrechnung Nr. AR-17 vom 03.02.2024"])
    assert got["invoice_number"] == "AR-17"


@pytest.mark.parametrize(
    "version",
    [
        "Stylesheet-Version: 2.5 vom 10.01.2023",
        "Version du modèle 2.5 du 10/01/2023",
        "Versión de la plantilla 3.1 del 10/01/2023",
        "Release 4.2 (2023-01-10)",
    ],
)
def test_a_version_lines_date_does_not_date_the_document(version: str) -> None:
    # No date label at all: the first date high on the page is the guess, but not a version's date.
    got = _invoice([version, "Rechnung R-2024-5", "15.11.2024"])
    assert got["issue_date"] == "2024-11-15"


def _receipt(lines: list[str], foot: str) -> dict[str, str]:
    """A till receipt: the shop, items and total, then ``lines`` and ``foot`` at the bottom of the page."""
    s = Sheet(font_size=9)
    s.put(60, 30, "SIA KESTRELIS")
    s.put(40, 44, "Brivibas iela 12, Riga")
    y = 80.0
    for text, amount in (("Maize rudzu", "1,29 A"), ("Piens 2,5% 1l", "1,09 A"), ("Samaksai EUR", "2,38")):
        s.put(20, y, text)
        s.put(220, y, amount, right=True)
        y += 14
    for text in lines:
        y += 14
        s.put(20, y, text)
    s.put(20, 780, foot)
    return values(extract_page(s.page()))


@pytest.mark.parametrize(
    ("label", "number"),
    [
        ("Dok. Nr.: 162/165393 Kase 0003", "162/165393"),
        ("Dokumenta numurs: 88123", "88123"),
        ("Rēķina numurs: RK-2024-15", "RK-2024-15"),
        ("Sąskaitos numeris: KST 004512", "KST 004512"),
        ("Dok.-Nr. 2024/7781", "2024/7781"),
    ],
)
def test_a_receipts_document_number_label(label: str, number: str) -> None:
    got = _receipt([label, "Kase Nr. 03"], "2026-02-09 09:31:48")
    assert got["invoice_number"] == number


@pytest.mark.parametrize(
    ("foot", "issued"),
    [
        ("2026-02-09 09:31:48", "2026-02-09"),
        ("09.02.2026 09:31", "2026-02-09"),
        ("Kasieris: Anna 09/02/2026 9:31 PM", "2026-02-09"),
    ],
)
def test_a_receipts_sale_time_at_its_foot_dates_it(foot: str, issued: str) -> None:
    got = _receipt(["Dok. Nr.: 162/165393"], foot)
    assert got["issue_date"] == issued


def test_a_labelled_date_beats_a_timed_date_at_the_foot() -> None:
    got = _receipt(["Datums: 08.02.2026"], "2026-02-09 09:31:48")
    assert got["issue_date"] == "2026-02-08"


def test_a_date_without_its_time_low_on_the_page_is_no_guess() -> None:
    # A bare date at the foot (a validity, a return deadline) does not date the receipt: only a sale time.
    got = _receipt(["Dok. Nr.: 162/165393"], "Atgriešana līdz 2026-03-09")
    assert "issue_date" not in got


@pytest.mark.parametrize(
    ("sign", "currency"),
    [("R$", "BRL"), ("MX$", "MXN"), ("NT$", "TWD"), ("HK$", "HKD"), ("NZ$", "NZD"), ("S$", "SGD")],
)
@pytest.mark.parametrize("glued", [False, True])
def test_a_prefixed_dollar_sign_names_its_own_currency(sign: str, currency: str, glued: bool) -> None:
    s = Sheet()
    s.put(40, 40, "Kestrel Comércio Ltda", size=16)
    s.put(40, 90, "Fatura Nº 2024/117")
    y = 140.0
    for text, amount in (("Swamp", "4,00"), ("Island", "4,00"), ("Black Lotus", "1.000,00")):
        s.put(40, y, text)
        s.put(520, y, f"{sign}{amount}" if glued else f"{sign} {amount}", right=True)
        y += 16
    s.put(330, y + 20, f"Total: {sign} 1.008,00")
    assert values(extract_page(s.page()))["currency"] == currency


def test_a_us_dollar_sign_beats_a_dollar_countrys_tax_number() -> None:
    lines = ["Kestrel Pty Ltd", "ABN 51 824 753 556", "Tax invoice INV-4410", "Total US$ 1,100.00"]
    s = Sheet()
    for n, text in enumerate(lines):
        s.put(40, 40 + 20 * n, text)
    assert values(extract_page(s.page()))["currency"] == "USD"


_PITCH, _INK = 7.4, 4.4


def _monospaced(s: Sheet, x: float, y: float, text: str) -> None:
    """``text`` as OCR boxes a monospaced till font: one character per ``_PITCH``, each word's box hugging
    its glyphs' ink (``_INK`` wide), so a single space leaves a gap wider than an OCR line's segment gap
    (1.1 of its tallest word)."""
    pitch, ink = _PITCH, _INK
    column = 0
    for token in text.split(" "):
        if token:
            x0 = x + column * pitch + (pitch - ink) / 2
            x1 = x + (column + len(token) - 1) * pitch + (pitch + ink) / 2
            s.words.append(Word(token, x0, y, x1, y + 9.0))
        column += len(token) + 1


@pytest.mark.parametrize(
    ("label", "number"),
    [
        ("Dok. Nr.: 162/165393 Kase 0003", "162/165393"),
        ("Rech. Nr. 2024-117", "2024-117"),
        ("Invoice No. INV-5531", "INV-5531"),
        ("Fact. n° F-2024-88", "F-2024-88"),
    ],
)
def test_an_ocr_label_whose_words_stand_a_monospaced_space_apart(label: str, number: str) -> None:
    s = Sheet(source=TextSource.OCR)
    _monospaced(s, 20, 30, "SIA KESTRELIS")
    y = 80.0
    for text in ("Maize rudzu        1,29 A", "Piens 2,5% 1l      1,09 A", "Samaksai EUR         2,38"):
        _monospaced(s, 20, y, text)
        y += 14
    _monospaced(s, 20, y + 30, label)
    assert values(extract_page(s.page()))["invoice_number"] == number


@pytest.mark.parametrize(
    "label",
    ["PVN maksätäja numurs: 40003521600", "PVN maksatája numurs: 40003521600", "PVN reg. nr. 40003521600"],
)
def test_a_national_vat_label_read_with_the_wrong_diacritics(label: str) -> None:
    # OCR reads Latvian "ā" as "ä" or "á": the label is still the VAT payer number's, the bare number the
    # issuer's VAT id with its country prefix (the checksum confirms it).
    s = Sheet(source=TextSource.OCR)
    s.put(40, 30, "SIA KESTRELIS", size=14)
    s.put(40, 60, label)
    s.put(40, 120, "Maize rudzu")
    s.put(300, 120, "1,29", right=True)
    s.put(40, 140, "Samaksai EUR")
    s.put(300, 140, "1,29", right=True)
    assert values(extract_page(s.page()))["issuer.vat_id"] == "LV40003521600"
