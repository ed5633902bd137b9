"""Party conventions of real invoices the earlier invented sets lacked (``--layouts world5``): an ERP
report's nameless company address beside an unlabelled customer block, section headings addressing the
reader, legal lines closing a short page, a customer number over the addressee, field labels with
their colon beside the title, a Swiss QR-bill's payee and payer, a bare Swiss enterprise id after its
VAT label, and a footer name on a later page beating page 1's guess. Every layout, name and id is
invented for these tests."""

from __future__ import annotations

from tests.unit.sheets import Sheet, values

from invoiceflow.domain.aggregate import merge_fields
from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.national_vat import labelled_national_vat_ids
from invoiceflow.domain.models import FieldValue, PageExtraction, TextSource


def _items(s: Sheet, y: float, rows: list[list[str]]) -> float:
    return s.table(
        y,
        [(40, "Descrição", False), (360, "Qtd.", True), (460, "Preço", True), (555, "Total", True)],
        rows,
    )


def _erp_report(*, street_first: bool) -> Sheet:
    """A logo (no text) over the company's address without its name at the left, the customer's block
    at the right without label, the legal name only in the footer."""
    s = Sheet()
    s.put(420, 40, "geral@azulnorte.example", size=8)
    company = ["Rua das Flores 112", "4050-262 Porto", "Portugal"]
    if not street_first:
        company.insert(0, "Azulejaria Norte Lda")
    for n, text in enumerate(company):
        s.put(40, 80 + 12 * n, text)
    for n, text in enumerate(
        ["Clínica Sorriso Lda", "Avenida da Boavista 880", "4100-112 Porto", "Portugal"]
    ):
        s.put(320, 80 + 12 * n, text)
    s.put(40, 170, "Fatura FT 2026/118", size=14)
    s.put(40, 200, "Data da fatura:")
    s.put(200, 200, "Vencimento:")
    s.put(40, 212, "12/02/2026")
    s.put(200, 212, "14/03/2026")
    _items(
        s, 240, [["Azulejo pintado à mão", "40", "12,50", "500,00"], ["Assentamento", "6", "35,00", "210,00"]]
    )
    for n, (label, amount) in enumerate(
        (("Total ilíquido", "710,00"), ("IVA 23%", "163,30"), ("Total", "873,30"))
    ):
        s.put(380, 310 + 16 * n, label)
        s.put(555, 310 + 16 * n, amount, right=True)
    s.put(150, 420, "+351 22 123 4567 | geral@azulnorte.example | www.azulnorte.example", size=8)
    s.put(150, 430, "Azulejaria Norte Lda · Capital social 5 000 € · Conservatória do Porto", size=8)
    s.put(250, 440, "Página: 1 / 1", size=8)
    return s


def test_a_nameless_company_address_is_not_the_customer_and_the_footer_names_the_issuer() -> None:
    got = values(extract_page(_erp_report(street_first=True).page()))
    assert got["issuer.name"] == "Azulejaria Norte Lda"
    assert got["recipient.name"] == "Clínica Sorriso Lda"


def test_the_company_block_with_its_name_still_reads_as_the_issuer() -> None:
    got = values(extract_page(_erp_report(street_first=False).page()))
    assert got["issuer.name"] == "Azulejaria Norte Lda"
    assert got["recipient.name"] == "Clínica Sorriso Lda"


def _bill(language: str) -> Sheet:
    """A short bill: a brand in lower case, a reference line over the addressee, a section heading that
    addresses the reader over the items, the legal line closing the text just above the page's middle."""
    words = {
        "en": ("Customer ref", "Your consumption", "Registered office", "Bill date"),
        "de": ("Kundennummer", "Ihre Leistungen", "Sitz der Gesellschaft", "Rechnungsdatum"),
    }[language]
    ref, heading, registered, date_label = words
    s = Sheet()
    s.put(40, 40, "voltaro", size=9)  # the brand's big letters read with the small line beside them
    s.put(420, 40, "1/1", size=8)
    s.put(40, 92, f"{ref} 58213", size=7)
    s.put(40, 102, "Wilma Osterhagen")
    s.put(40, 114, "Kiefernweg 7")
    s.put(40, 126, "24103 Kiel")
    s.put(330, 102, "No. R-2026-0441")
    s.put(330, 114, f"{date_label} 03.02.2026")
    s.put(40, 186, heading, size=13)
    s.table(
        210,
        [(40, "Service", False), (460, "Net", True), (555, "Amount", True)],
        [["Grundpreis Strom", "12,00", "12,00"], ["Arbeitspreis 210 kWh", "63,00", "63,00"]],
    )
    for n, (label, amount) in enumerate((("Netto", "75,00"), ("USt. 19 %", "14,25"), ("Gesamt", "89,25"))):
        s.put(380, 270 + 16 * n, label)
        s.put(555, 270 + 16 * n, amount, right=True)
    s.put(40, 340, f"Voltaro Energie GmbH – {registered}: Hafenstraße 1, 20457 Hamburg", size=7)
    return s


def test_a_heading_addressing_the_reader_is_no_issuer_and_closing_legal_lines_name_it() -> None:
    for language in ("en", "de"):
        got = values(extract_page(_bill(language).page()))
        assert got.get("issuer.name") == "Voltaro Energie GmbH", language
        assert got.get("recipient.name") == "Wilma Osterhagen", language


def _reference_over_addressee() -> Sheet:
    """A brand over a French window whose first line is the customer reference; the legal name only in
    the small print at the foot."""
    s = Sheet()
    s.put(40, 40, "ondelia", size=24)
    s.put(40, 90, "Réf. client 40417", size=7)
    s.put(40, 100, "Cabinet Kinésithérapie du Port")
    s.put(40, 112, "8 quai de la Fosse")
    s.put(40, 124, "44000 Nantes")
    s.put(330, 100, "Facture n° 2026-0212")
    s.put(330, 112, "Date 05/02/2026")
    s.table(
        180,
        [(40, "Désignation", False), (460, "HT", True), (555, "Montant", True)],
        [["Abonnement fibre", "29,99", "29,99"], ["Option télévision", "7,50", "7,50"]],
    )
    for n, (label, amount) in enumerate(
        (("Total HT", "37,49"), ("TVA 20 %", "7,50"), ("Total TTC", "44,99"))
    ):
        s.put(380, 240 + 16 * n, label)
        s.put(555, 240 + 16 * n, amount, right=True)
    s.put(40, 760, "Ondelia Réseaux SAS au capital de 120 000 € – RCS Nantes 812 345 671", size=7)
    return s


def test_the_addressee_under_a_customer_reference_is_the_recipient() -> None:
    got = values(extract_page(_reference_over_addressee().page()))
    assert got["issuer.name"] == "Ondelia Réseaux SAS"
    assert got["recipient.name"] == "Cabinet Kinésithérapie du Port"


def test_a_label_with_its_colon_and_the_value_after_it_are_no_letterhead() -> None:
    """Finnish: the customer labelled, the sender nowhere on this page (its footer follows on the next);
    the header column's "Päivämäärä:" and "Viivästyskorko:" (late interest) and their values are no
    name."""
    s = Sheet()
    s.put(230, 40, "LASKU 20261", size=16)
    s.put(40, 90, "Asiakas")
    s.put(40, 102, "Kahvila Kuusi Oy")
    s.put(40, 114, "Hämeenkatu 12")
    s.put(40, 126, "33100 Tampere")
    s.put(360, 90, "Päivämäärä: 02.02.2026")
    s.put(360, 102, "Eräpäivä: 16.02.2026")
    s.put(360, 130, "Viivästyskorko:")
    s.put(450, 130, "8 % vuodessa")
    s.table(
        170,
        [(40, "Kuvaus", False), (460, "Hinta", True), (555, "Summa", True)],
        [["Kahvikone huolto", "80,00", "80,00"], ["Suodatin", "12,00", "12,00"]],
    )
    for n, (label, amount) in enumerate(
        (("Veroton", "92,00"), ("ALV 25,5 %", "23,46"), ("Yhteensä", "115,46"))
    ):
        s.put(380, 230 + 16 * n, label)
        s.put(555, 230 + 16 * n, amount, right=True)
    got = values(extract_page(s.page()))
    assert got["recipient.name"] == "Kahvila Kuusi Oy"
    assert "issuer.name" not in got  # "Päivämäärä:", "Viivästyskorko:" name no one: better none


def _qr_bill(*, payer_is_company: bool) -> Sheet:
    """A Swiss invoice in Italian: a logo (no text) and a nameless return address, the addressee in the
    window, a bare enterprise id after "IVA", the QR-bill at the page's foot in its own small type."""
    payer = "Ristorante Al Ponte SA" if payer_is_company else "Luca Bernasconi"
    s = Sheet()
    s.put(360, 60, "Via Nassa 21 · 6900 Lugano · +41 91 555 12 12", size=7)
    for n, text in enumerate([payer, "Via Cantonale 4", "6500 Bellinzona"]):
        s.put(40, 120 + 12 * n, text, size=11)
    s.put(340, 120, "Numero fattura 2026-0088")
    s.put(340, 134, "Data 09.02.2026")
    s.put(340, 148, "IVA CHE-116.281.710")
    s.put(440, 160, "IVA")
    s.table(
        200,
        [(40, "Descrizione", False), (460, "Prezzo", True), (555, "Importo", True)],
        [["Revisione caldaia", "180.00", "180.00"], ["Materiale", "42.00", "42.00"]],
    )
    for n, (label, amount) in enumerate(
        (("Totale IVA esclusa", "222.00"), ("IVA 8.1 %", "17.98"), ("Totale", "239.98"))
    ):
        s.put(380, 260 + 16 * n, label)
        s.put(555, 260 + 16 * n, amount, right=True)
    slip = 560
    s.put(40, slip, "Ricevuta", size=11)
    s.put(200, slip, "Sezione pagamento", size=11)
    rows = ["Conto / Pagabile a", "CH44 3199 9123 0008 8901 2", "Termotecnica Ceresio Sagl", "Via Nassa 21",
            "6900 Lugano", "Pagabile da", payer, "Via Cantonale 4", "6500 Bellinzona"]  # fmt: skip
    for n, text in enumerate(rows):  # the receipt and the payment part, their rows not aligned
        s.put(40, slip + 16 + 9 * n, text, size=7)
        s.put(380, slip + 20 + 9 * n, text, size=7)
    return s


def test_a_qr_bill_names_the_payee_as_issuer_and_leaves_the_window_to_the_customer() -> None:
    for company in (False, True):
        got = values(extract_page(_qr_bill(payer_is_company=company).page()))
        assert got["issuer.name"] == "Termotecnica Ceresio Sagl", company
        assert got["recipient.name"] == ("Ristorante Al Ponte SA" if company else "Luca Bernasconi")


def test_a_bare_swiss_enterprise_id_after_a_vat_label_is_the_vat_number() -> None:
    assert labelled_national_vat_ids("MWST-NR.: CHE-116.281.710") == [(10, "CHE116281710MWST")]
    assert labelled_national_vat_ids("UID CHE 116 281 710") == [(4, "CHE116281710MWST")]
    # With its suffix on the line, the id is the identifier scanner's; a wrong check digit is none.
    assert labelled_national_vat_ids("MWST-NR. CHE-116.281.710 MWST") == []
    assert labelled_national_vat_ids("IVA CHE-116.281.711") == []
    got = values(extract_page(_qr_bill(payer_is_company=False).page()))
    assert got["issuer.vat_id"] == "CHE116281710MWST"


def _page(number: int, **fields: tuple[str, float]) -> PageExtraction:
    return PageExtraction(
        page_number=number,
        text_source=TextSource.TEXT_LAYER,
        fields={name.replace("_", "."): FieldValue(value=v, confidence=c) for name, (v, c) in fields.items()},
    )


def test_a_name_read_with_evidence_on_a_later_page_beats_page_ones_guess() -> None:
    pages = [
        _page(1, issuer_name=("Viivis", 0.55), issuer_address=("0,05% päevas", 0.45)),
        _page(2, issuer_name=("Trükikoda Virmalised AS", 0.45), issuer_address=("Tartu mnt 75, Tartu", 0.35)),
    ]
    merged = merge_fields(pages)
    assert merged["issuer.name"].value == "Trükikoda Virmalised AS"
    assert merged["issuer.address"].value == "Tartu mnt 75, Tartu"


def test_a_later_guess_or_a_confident_first_page_keeps_page_one() -> None:
    weak_later = [_page(1, issuer_name=("Kask Ehitus", 0.55)), _page(2, issuer_name=("Lisa 1", 0.3))]
    assert merge_fields(weak_later)["issuer.name"].value == "Kask Ehitus"
    sure_first = [_page(1, issuer_name=("Kask Ehitus OÜ", 0.7)), _page(2, issuer_name=("Tamm AS", 0.45))]
    assert merge_fields(sure_first)["issuer.name"].value == "Kask Ehitus OÜ"


def test_a_surname_wrapped_under_a_labelled_first_name_joins_it() -> None:
    """Dutch boxes side by side, the label before the name on its line, the narrow customer column
    wrapping the person's surname onto the next line (the other column's lines set between)."""
    s = Sheet()
    s.put(250, 40, "FACTUUR", size=16)
    s.put(40, 86, "Leverancier: Rietveld Installaties B.V.", size=9)
    s.put(330, 92, "Klant: Dhr. Joost", size=9)
    s.put(40, 98, "Kanaalweg 12", size=9)
    s.put(330, 103, "Hofstede", size=9)
    s.put(40, 110, "3526 KL Utrecht", size=9)
    s.put(330, 114, "Lindenlaan 3", size=9)
    s.put(330, 125, "1405 BK Bussum", size=9)
    s.put(40, 160, "Factuurnr. 2026-031")
    s.put(250, 160, "Datum 04-02-2026")
    s.table(
        190,
        [(40, "Omschrijving", False), (460, "Prijs", True), (555, "Bedrag", True)],
        [["Onderhoud cv-ketel", "95,00", "95,00"], ["Thermostaat", "60,00", "60,00"]],
    )
    got = values(extract_page(s.page()))
    assert got["issuer.name"] == "Rietveld Installaties B.V."
    assert got["recipient.name"] in {"Dhr. Joost Hofstede", "Joost Hofstede"}


def test_a_word_ending_in_a_customer_hint_does_not_make_the_footer_vat_id_the_customers() -> None:
    """ "uw" (Dutch "your") inside "Bouwbedrijf" or "Nieuwhuis" is no hint that the id is the customer's."""
    s = Sheet()
    s.put(40, 40, "Bouwbedrijf Nieuwhuis B.V.", size=16)
    s.put(40, 90, "Factuuradres")
    s.put(40, 104, "Huisartsenpraktijk Het Anker")
    s.put(40, 116, "Keizersgracht 37")
    s.put(40, 128, "1015 CJ Amsterdam")
    s.put(380, 90, "Factuurnummer F-2026-07")
    s.put(380, 104, "Factuurdatum 02-02-2026")
    s.table(
        170,
        [(40, "Omschrijving", False), (460, "Prijs", True), (555, "Bedrag", True)],
        [["Dakgoot vervangen", "640,00", "640,00"], ["Steiger huur", "120,00", "120,00"]],
    )
    s.put(40, 780, "Bouwbedrijf Nieuwhuis B.V. · Btw-nummer NL812059645B01", size=8)
    got = values(extract_page(s.page()))
    assert got["issuer.vat_id"] == "NL812059645B01"
    assert "recipient.vat_id" not in got
