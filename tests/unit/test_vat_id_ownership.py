"""Whose VAT id is whose, on invented pages in several languages: two ids on one page (the seller's and
the buyer's, as on EU B2B and reverse-charge invoices) told apart by their labels, national numbers
printed without their country prefix after a VAT label (read with the prefix, the contract's one
format), numbers that are no VAT id (a German Steuernummer, a French SIRET) left out, and an id printed
after its label in its country's format whose checksum fails (sample invoices carry such ids) reported
as printed, below any checksum-confirmed id (from OCR too, where it may be a misread: a lower confidence
and validation flag it)."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import TextSource

ISSUER_DE = "DE123456788"
CUSTOMER_BE = "BE0403123486"


def _invoice(
    *,
    middle: list[str],
    footer: list[str],
    window: list[str] | None = None,
    source: TextSource = TextSource.TEXT_LAYER,
) -> dict[str, str]:
    """A letterhead, an address window (unlabelled), ``middle`` lines under the invoice details, one
    item and ``footer`` lines in small print at the bottom."""
    s = Sheet(source=source)
    s.put(40, 40, "Kessler Haustechnik GmbH", size=16)
    s.put(40, 62, "Ringstrasse 4, 80331 Munchen")
    for n, text in enumerate(window or ["Atelier Dumont SPRL", "Rue Haute 12", "1000 Bruxelles"]):
        s.put(330, 120 + 14 * n, text)
    s.put(40, 120, "Invoice no. 2026-114")
    s.put(40, 136, "Date: 03.11.2026")
    for n, text in enumerate(middle):
        s.put(40, 200 + 16 * n, text)
    s.table(
        330,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Boiler service", "1", "240.00", "240.00"]],
    )
    s.put(400, 400, "Total 240.00", right=False)
    for n, text in enumerate(footer):
        s.put(40, 770 + 11 * n, text, size=8)
    return values(extract_page(s.page()))


# --- the buyer's id named by its label, the seller's in the footer -------------------------------------


@pytest.mark.parametrize(
    "customer_line",
    [
        f"Kaufer USt-IdNr.: {CUSTOMER_BE}",
        f"Käufer USt-IdNr.: {CUSTOMER_BE}",
        f"TVA acheteur : {CUSTOMER_BE}",
        f"N° TVA du destinataire : {CUSTOMER_BE}",
        f"Destinatario - P.IVA {CUSTOMER_BE}",
        f"NIF comprador: {CUSTOMER_BE}",
        f"BTW-nummer afnemer: {CUSTOMER_BE}",
        f"Recipient VAT number: {CUSTOMER_BE}",
        f"Bill-to VAT ID: {CUSTOMER_BE}",
    ],
)
def test_an_id_labelled_as_the_buyers_is_the_recipients(customer_line: str) -> None:
    found = _invoice(middle=[customer_line], footer=["Kessler Haustechnik GmbH", f"USt-IdNr. {ISSUER_DE}"])
    assert found.get("issuer.vat_id") == ISSUER_DE
    assert found.get("recipient.vat_id") == CUSTOMER_BE


@pytest.mark.parametrize(
    "sentence",
    [
        f"Steuerschuldnerschaft des Leistungsempfängers, USt-IdNr. {CUSTOMER_BE}",
        f"Autoliquidation : TVA due par le preneur {CUSTOMER_BE}",
        f"Reverse charge: VAT to be accounted for by the recipient ({CUSTOMER_BE})",
        f"Inversione contabile - cessionario {CUSTOMER_BE}",
    ],
)
def test_a_reverse_charge_line_names_the_customers_id(sentence: str) -> None:
    found = _invoice(middle=[sentence], footer=["Kessler Haustechnik GmbH", f"VAT {ISSUER_DE}"])
    assert found.get("issuer.vat_id") == ISSUER_DE
    assert found.get("recipient.vat_id") == CUSTOMER_BE


@pytest.mark.parametrize(
    "seller_label",
    ["Our VAT no.", "Seller VAT:", "Supplier VAT ID", "Unsere USt-IdNr.", "TVA vendeur :", "P.IVA fornitore"],
)
def test_an_id_labelled_as_the_sellers_wins_over_an_unlabelled_one_printed_first(seller_label: str) -> None:
    found = _invoice(middle=[f"VAT: {CUSTOMER_BE}", f"{seller_label} {ISSUER_DE}"], footer=[])
    assert found.get("issuer.vat_id") == ISSUER_DE


def test_the_id_under_the_address_window_is_the_customers() -> None:
    window = ["Atelier Dumont SPRL", "Rue Haute 12", "1000 Bruxelles", f"VAT {CUSTOMER_BE}"]
    found = _invoice(middle=[], footer=["Kessler Haustechnik GmbH", f"VAT {ISSUER_DE}"], window=window)
    assert found.get("issuer.vat_id") == ISSUER_DE
    assert found.get("recipient.vat_id") == CUSTOMER_BE


# --- national forms after a VAT label -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("P.IVA 02134560016", "IT02134560016"),
        ("Partita IVA: 07654320154", "IT07654320154"),
        ("CIF: B12345674", "ESB12345674"),
        ("NIF B-66543216", "ESB66543216"),
        ("VAT Reg No: 980 7806 84", "GB980780684"),
        ("VAT registration number 123 4567 82", "GB123456782"),
        ("N° TVA intracommunautaire : FR 44 732 829 320", "FR44732829320"),
        ("BTW-nr: NL 1234.56.782.B01", "NL123456782B01"),
        ("USt-IdNr.: DE 123 456 788", "DE123456788"),
        ("BTW BE 0403.123.486", "BE0403123486"),
        ("NIP: 526-025-02-74", "PL5260250274"),
        ("NIP sprzedawcy 526 02 50 274", "PL5260250274"),
        ("Contribuinte n.º 501 964 843", "PT501964843"),
        ("NIF: 501964843", "PT501964843"),
        ("Org.nr. 923 609 016 MVA", "NO923609016MVA"),
        ("Α.Φ.Μ.: 094259216", "EL094259216"),
    ],
)
def test_a_national_number_after_its_vat_label_is_read_with_its_country_prefix(
    line: str, expected: str
) -> None:
    found = _invoice(middle=[], footer=["Kessler Haustechnik GmbH", f"Amtsgericht Munchen · {line}"])
    assert found.get("issuer.vat_id") == expected


@pytest.mark.parametrize(
    "line",
    [
        "Steuernummer: 143/123/45678",
        "SIRET 732 829 320 00074 · RCS Lyon",
        "P.IVA 02134560017",  # a wrong check digit
        "VAT Reg No: 980 7806 85",
        "Org.nr. 923 609 016",  # a Norwegian company not registered for VAT (no "MVA")
        "NIP: 526-025-02-75",
    ],
)
def test_numbers_that_are_no_valid_vat_id_are_left_out(line: str) -> None:
    found = _invoice(middle=[], footer=["Kessler Haustechnik GmbH", line])
    assert "issuer.vat_id" not in found


def test_both_ids_on_one_line_go_to_the_party_each_label_names() -> None:
    line = f"Our VAT no. {ISSUER_DE} · Customer VAT no. {CUSTOMER_BE}"
    found = _invoice(middle=[line], footer=[])
    assert found.get("issuer.vat_id") == ISSUER_DE
    assert found.get("recipient.vat_id") == CUSTOMER_BE


# --- a well-formed id whose checksum fails ---------------------------------------------------------------

UNVERIFIED_DE = "DE123456789"  # nine digits as the German format asks, a wrong check digit


@pytest.mark.parametrize(
    "line", [f"USt-IdNr.: {UNVERIFIED_DE}", "Ust-ID: DE 123 456 789", f"VAT ID {UNVERIFIED_DE}"]
)
def test_a_labelled_well_formed_id_failing_its_checksum_is_reported_as_printed(line: str) -> None:
    found = _invoice(middle=[], footer=["Kessler Haustechnik GmbH", f"Steuernummer: 143/123/45678 · {line}"])
    assert found.get("issuer.vat_id") == UNVERIFIED_DE


def test_the_sellers_unverified_id_is_its_own_beside_the_buyers_confirmed_one() -> None:
    found = _invoice(
        middle=[f"Käufer USt-IdNr.: {CUSTOMER_BE}"],
        footer=["Kessler Haustechnik GmbH", f"USt-IdNr.: {UNVERIFIED_DE}"],
    )
    assert (found.get("issuer.vat_id"), found.get("recipient.vat_id")) == (UNVERIFIED_DE, CUSTOMER_BE)


def test_a_checksum_confirmed_id_wins_over_one_failing_it() -> None:
    found = _invoice(
        middle=[f"VAT: {ISSUER_DE}"], footer=["Kessler Haustechnik GmbH", f"USt-IdNr. {UNVERIFIED_DE}"]
    )
    assert found.get("issuer.vat_id") == ISSUER_DE


@pytest.mark.parametrize(
    "line",
    [
        f"Order ref {UNVERIFIED_DE}",  # no VAT label
        "USt-IdNr.: DE 12345678",  # one digit short of the format
    ],
)
def test_an_id_failing_its_checksum_is_left_out_without_label_or_format(line: str) -> None:
    found = _invoice(middle=[], footer=["Kessler Haustechnik GmbH", line])
    assert "issuer.vat_id" not in found


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"USt-IdNr.: {UNVERIFIED_DE}", UNVERIFIED_DE),
        # A Latvian receipt's placeholder: eleven digits as the format wants, no valid birth date or check.
        ("PVN maksātāja numurs: LV00000000000", "LV00000000000"),
    ],
)
@pytest.mark.parametrize("source", [TextSource.TEXT_LAYER, TextSource.OCR])
def test_a_labelled_unverified_id_is_reported_less_sure_than_a_confirmed_one(
    line: str, expected: str, source: TextSource
) -> None:
    s = Sheet(source=source)
    s.put(40, 40, "Kessler Haustechnik GmbH", size=16)
    s.put(40, 62, line)
    unverified = extract_page(s.page()).fields["issuer.vat_id"]
    s = Sheet(source=source)
    s.put(40, 40, "Kessler Haustechnik GmbH", size=16)
    s.put(40, 62, f"USt-IdNr.: {ISSUER_DE}")
    confirmed = extract_page(s.page()).fields["issuer.vat_id"]
    assert unverified.value == expected
    assert unverified.confidence < confirmed.confidence


# --- an IBAN whose checksum fails, after its label ---------------------------------------------------------

UNVERIFIED_IBAN = "DE75123456780000001234"  # 22 characters as a German IBAN, a wrong mod-97 remainder
VALID_IBAN = "DE89370400440532013000"


@pytest.mark.parametrize(
    "footer",
    [
        ["Kessler Haustechnik GmbH", "IBAN DE75 1234 5678 0000 0012 34 · BIC COBADEFFXXX"],
        [
            "Bitte überweisen Sie den Betrag auf folgende Bankverbindung: IBAN",
            f"{UNVERIFIED_IBAN}, Sparkasse",
        ],
        ["Bankverbindung:", f"{UNVERIFIED_IBAN} · Sparkasse Musterstadt"],
    ],
)
def test_a_labelled_well_formed_iban_failing_its_checksum_is_reported_as_printed(footer: list[str]) -> None:
    assert _invoice(middle=[], footer=footer).get("issuer.iban") == UNVERIFIED_IBAN


@pytest.mark.parametrize(
    ("footer", "source"),
    [
        (
            ["Kessler Haustechnik GmbH", f"Kundenreferenz {UNVERIFIED_IBAN}"],
            TextSource.TEXT_LAYER,
        ),  # no label
        (["Kessler Haustechnik GmbH", "IBAN DE75 1234 5678 0000 0012 3"], TextSource.TEXT_LAYER),  # too short
        (["Kessler Haustechnik GmbH", f"IBAN {UNVERIFIED_IBAN}"], TextSource.OCR),  # a misread digit
    ],
)
def test_an_iban_failing_its_checksum_is_left_out_without_label_format_or_text_layer(
    footer: list[str], source: TextSource
) -> None:
    assert "issuer.iban" not in _invoice(middle=[], footer=footer, source=source)


def test_a_checksum_confirmed_iban_wins_over_one_failing_it() -> None:
    found = _invoice(
        middle=[f"IBAN {VALID_IBAN}"], footer=["Kessler Haustechnik GmbH", f"IBAN {UNVERIFIED_IBAN}"]
    )
    assert found.get("issuer.iban") == VALID_IBAN


# --- an id printed for a third party --------------------------------------------------------------------


@pytest.mark.parametrize(
    "third_party_line",
    [
        "Payments are processed by Lumen Pay Ltd, VAT GB980780684",
        "Zahlungsabwicklung im Auftrag durch Lumen Pay Ltd, USt-IdNr. GB980780684",
        "Encaissement pour le compte de Kessler par Lumen Pay Ltd, TVA GB980780684",
        "Bankverbindung: Nordbank AG, USt-IdNr. GB980780684",
    ],
)
def test_an_id_of_a_payment_provider_or_bank_gives_way_to_the_issuers(third_party_line: str) -> None:
    footer = [third_party_line, "Kessler Haustechnik GmbH", f"USt-IdNr. {ISSUER_DE}"]
    assert _invoice(middle=[], footer=footer).get("issuer.vat_id") == ISSUER_DE


def test_a_payment_providers_id_alone_is_still_reported() -> None:
    # The only id of the page: the issuer's name is not on its line but nothing better exists.
    found = _invoice(middle=[], footer=["Payments are processed by Lumen Pay Ltd, VAT GB980780684"])
    assert found.get("issuer.vat_id") == "GB980780684"
