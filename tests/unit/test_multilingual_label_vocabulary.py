"""The label vocabulary of invoices in many languages (EN, DE, FR, ES, NL, IT and PT, PL, the Nordic
languages, CS, TR), in its general forms (abbreviations, "#", "N°", "Nr.", "No:", hyphens, all caps, a
bracketed qualifier), read end to end on pages of invented vendors: the value beside or under each label is
extracted as its field. The false friends are guarded in the same languages: order, customer, delivery-note,
account and ticket numbers, page and phone numbers, order and delivery dates, billing periods and
quantity totals are never read as the invoice's fields."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.context import HEADER_KINDS, TOTAL_KINDS
from invoiceflow.domain.extraction.labels import find_labels_of_families
from invoiceflow.domain.extraction.layout import fold

_DECOY = "Delivery note DN-5531 of 28/02/2024"  # an earlier date a label-less guess would take


def _header_page(lines: list[str], below: bool = False) -> dict[str, str]:
    """A vendor's name and header lines at x=330; with ``below`` the last line's value (after a tab) is
    printed under its label instead of beside it."""
    s = Sheet()
    s.put(40, 40, "Heronsgate Ateliers", size=16)
    y = 100.0
    for n, line in enumerate(lines):
        label, _, value = line.partition("\t")
        if below and n == len(lines) - 1:
            s.put(330, y, label)
            s.put(330, y + 14, value)
            y += 28
        else:
            s.put(330, y, f"{label} {value}".strip())
            y += 14
    s.put(40, 300, "Description")
    s.put(520, 300, "Amount", right=True)
    s.put(40, 316, "Calibration of two pressure gauges")
    s.put(520, 316, "480,00", right=True)
    return values(extract_page(s.page()))


def _kinds(label: str) -> list[str]:
    header, totals = find_labels_of_families(fold(label), (HEADER_KINDS, TOTAL_KINDS))
    return [m.kind for m in sorted(header + totals, key=lambda m: m.start)]


INVOICE_NUMBER_LABELS = [
    # EN, DE, FR, ES, NL, IT
    "Invoice-No.",
    "Inv.#",
    "INVOICE NO:",
    "Bill Number",
    "Rechnung #",
    "Rech.-Nr.",
    "RECHNUNGS-NR.",
    "FACTURE N° :",
    "Fact. n°",
    "Nro. factura",
    "Factura Nro.",
    "Abono nº",
    "Factuur #",
    "Faktuurnummer",
    "Notanummer:",
    "Nota nr.",
    "Fattura n.",
    "N. documento",
    # PT, PL, Nordic, CS, TR
    "N.º da fatura",
    "Nr dokumentu",
    "Numer faktury:",
    "Kreditnota nr.",
    "Fakturanum.",
    "Faktura č.",
    "Daňový doklad č.",
    "Fatura Numarası",
    "Fatura Seri No",
    "Belge No",
]


@pytest.mark.parametrize("label", INVOICE_NUMBER_LABELS)
@pytest.mark.parametrize("below", [False, True])
def test_invoice_number_labels_read_their_value(label: str, below: bool) -> None:
    found = _header_page([_DECOY, "Date: 14/03/2024", f"{label}\tHG-40317"], below)
    assert found.get("invoice_number") == "HG-40317"


@pytest.mark.parametrize("line", ["Facture n HG-40317", "Factura n 40317", "INVOICE N 40317"])
def test_a_bare_n_before_a_value_with_a_digit_is_a_number_word(line: str) -> None:
    assert _header_page([_DECOY, "Date: 14/03/2024", line]).get("invoice_number") == line.rsplit(" ", 1)[1]


ISSUE_DATE_LABELS = [
    "Invoice Dt.",
    "Inv. Date:",
    "Rechnungsdat.",
    "F. factura:",
    "Fecha fra.",
    "Dagtekening",
    "Uitgiftedatum:",
    "Data doc.",
    "Tax point",
    "Issued",
    "Wystawiono dnia",
    "Data wyst.:",
    "Utstedelsesdato",
    "Udstedelsesdato:",
    "Utfärdandedatum",
    "Fakturadag",
    "Vystaveno dne",
    "Fatura Tarihi:",
    "Düzenleme Tarihi",
]


@pytest.mark.parametrize("label", ISSUE_DATE_LABELS)
@pytest.mark.parametrize("below", [False, True])
def test_issue_date_labels_read_their_date_not_an_earlier_one(label: str, below: bool) -> None:
    found = _header_page([_DECOY, "Client : C-4410", f"{label}\t14/03/2024"], below)
    assert found.get("issue_date") == "2024-03-14"


DUE_DATE_LABELS = [
    "Fälligkeitstermin",
    "FAELLIGKEITSDATUM:",
    "Verval datum",
    "Scad.",
    "Data venc.",
    "Vto.",
    "Zapłacić do",
    "Forfalder",
    "Son Ödeme Tarihi",
    "Vade Tarihi:",
]


@pytest.mark.parametrize("label", DUE_DATE_LABELS)
@pytest.mark.parametrize("below", [False, True])
def test_due_date_labels_read_their_date(label: str, below: bool) -> None:
    found = _header_page(["Date: 14/03/2024", f"{label}\t13/04/2024"], below)
    assert (found.get("issue_date"), found.get("due_date")) == ("2024-03-14", "2024-04-13")


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        # Net: the tax named as left out, a bracket after the total word, the taxable base, goods' value.
        ("Summe (netto)", "net"),
        ("Total (base imponible)", "net"),
        ("Toplam Tutar (KDV Hariç)", "net"),
        ("Bedrag excl. btw", "net"),
        ("Excl. BTW", "net"),
        ("Importe sin IVA", "net"),
        ("Valor sem IVA", "net"),
        ("Cena bez DPH", "net"),
        ("Base HT", "net"),
        ("H.T. :", "net"),
        ("Montant Hors T V A", "net"),
        ("Base imposable", "net"),
        ("Base tributável", "net"),
        ("Momsgrundlag", "net"),
        ("Maatstaf van heffing", "net"),
        ("Imponibile IVA", "net"),
        ("Základ DPH", "net"),
        ("KDV Matrahı", "net"),
        ("Totaal goederenbedrag", "net"),
        ("Warenwert total", "net"),
        ("Goods total", "net"),
        ("Nett total", "net"),
        ("Montant soumis à TVA", "net"),
        # Tax: "Taxe :" before its amount; Turkish tax totals.
        ("Taxe :", "tax"),
        ("Toplam KDV", "tax"),
        # Gross: "TTC" alone, Portuguese, Italian, Czech, Turkish totals.
        ("Prime TTC", "gross"),
        ("TTC", "gross"),
        ("Da pagare", "gross"),
        ("Valor a pagar", "gross"),
        ("Total com IVA", "gross"),
        ("K úhradě", "gross"),
        ("Celková částka", "gross"),
        ("Genel Toplam", "gross"),
        ("KDV Dahil Toplam", "gross"),
    ],
)
def test_total_labels_are_read_as_their_kind_and_their_block_end_to_end(label: str, kind: str) -> None:
    assert _kinds(label)[-1] == kind
    plain = {"net": "Subtotal", "tax": "VAT 20 %", "gross": "Total"}
    amounts = {"net": "480,00", "tax": "96,00", "gross": "576,00"}
    s = Sheet()
    s.put(40, 40, "Heronsgate Ateliers", size=16)
    s.put(330, 100, "Invoice No. HG-40317")
    s.put(330, 114, "Date: 14/03/2024")
    s.put(40, 300, "Description")
    s.put(520, 300, "Amount", right=True)
    s.put(40, 316, "Calibration of two pressure gauges")
    s.put(520, 316, "480,00", right=True)
    y = 360.0
    for k in ("net", "tax", "gross"):
        s.put(300, y, label if k == kind else plain[k])
        s.put(520, y, amounts[k], right=True)
        y += 14
    found = values(extract_page(s.page()))
    assert [found.get(f"totals.{k}") for k in ("net", "tax", "gross")] == ["480.00", "96.00", "576.00"]


# --- false friends ---------------------------------------------------------------------------------------

NOT_INVOICE_NUMBERS = [
    "Order No.",
    "Purchase order #",
    "Customer No.",
    "Account No.",
    "Ticket number",
    "Tracking number",
    "Quote No.",
    "Bestellnummer",
    "Auftrags-Nr.",
    "Kunden-Nr.",
    "Lieferschein-Nr.",
    "Vertragsnummer",
    "N° de commande",
    "N° client",
    "Bon de livraison n°",
    "Devis n°",
    "Número de pedido",
    "Albarán nº",
    "Nota de entrega nº",
    "N.º documento de transporte",
    "Nº documento identidad",
    "N° document d'identité",
    "Ordernummer",
    "Klantnummer",
    "Pakbon nr.",
    "Rekeningnummer",
    "Ticketnummer",
    "Numero ordine",
    "DDT n.",
    "Codice cliente",
    "Encomenda nº",
    "Guia de remessa nº",
    "Numer zamówienia",
    "Nr klienta",
    "Ordrenummer",
    "Kundnummer",
    "Følgeseddel nr.",
    "Číslo objednávky",
    "Dodací list č.",
    "Sipariş No",
    "Müşteri No",
    "İrsaliye No",
]


@pytest.mark.parametrize("label", NOT_INVOICE_NUMBERS)
@pytest.mark.parametrize("below", [False, True])
def test_order_customer_delivery_and_account_numbers_are_not_the_invoice_number(
    label: str, below: bool
) -> None:
    assert "invoice_number" not in _kinds(label)
    found = _header_page(["Date: 14/03/2024", f"{label}\tHG-40317"], below)
    assert found.get("invoice_number") != "HG-40317"


@pytest.mark.parametrize(
    "line",
    [
        "Page 2 of 3",
        "Seite 2 von 3",
        "Página 2 de 3",
        "Strona 2 z 3",
        "Sayfa 2 / 3",
        "Tel. 0612 448 903",
        "Telefon: +49 30 4471 2290",
        "Tél. : 04 72 11 38 90",
        "La facture n'est payable qu'à 30 jours",
    ],
)
def test_page_and_phone_numbers_and_prose_are_not_the_invoice_number(line: str) -> None:
    found = _header_page(["Date: 14/03/2024", line])
    assert found.get("invoice_number") is None


NOT_DOCUMENT_DATES = [
    "Delivery date",
    "Order date",
    "Billing period",
    "Lieferdatum",
    "Leistungszeitraum",
    "Abrechnungszeitraum",
    "Date de livraison",
    "Période du",
    "Fecha del pedido",
    "Periodo",
    "Leveringsdatum",
    "Besteldatum",
    "Data spedizione",
    "Data da encomenda",
    "Data sprzedaży",
    "Data zamówienia",
    "Okres",
    "Leveransdatum",
    "Ordredato",
    "Datum dodání",
    "Datum zdanitelného plnění",
    "Období",
    "Sipariş Tarihi",
    "Teslim Tarihi",
]


@pytest.mark.parametrize("label", NOT_DOCUMENT_DATES)
@pytest.mark.parametrize("below", [False, True])
def test_order_delivery_and_period_dates_are_neither_issue_nor_due_date(label: str, below: bool) -> None:
    kinds = _kinds(label)
    assert "issue_date" not in kinds
    assert "due_date" not in kinds
    # The competing date first, then an unlabelled one: a guess must pass over the labelled one.
    s = Sheet()
    s.put(40, 40, "Heronsgate Ateliers", size=16)
    s.put(330, 100, label)
    s.put(330 if below else 330 + 6 * (len(label) + 1), 114 if below else 100, "02/03/2024")
    s.put(330, 140, "14/03/2024")
    found = values(extract_page(s.page()))
    assert "2024-03-02" not in (found.get("issue_date"), found.get("due_date"))


def test_tax_point_is_a_date_not_a_tax_amount() -> None:
    assert _kinds("Tax point") == ["issue_date"]


@pytest.mark.parametrize(
    "label",
    ["Total quantity", "Gesamtmenge", "Quantité totale", "Cantidad total", "Totaal aantal", "Toplam miktar"],
)
def test_a_quantity_total_beside_a_gross_without_tax_is_not_the_gross(label: str) -> None:
    s = Sheet()
    s.put(40, 40, "Heronsgate Ateliers", size=16)
    s.put(330, 100, "Invoice No. HG-40317")
    s.put(40, 300, "Description")
    s.put(520, 300, "Amount", right=True)
    s.put(40, 316, "Calibration of two pressure gauges")
    s.put(520, 316, "480,00", right=True)
    s.put(300, 360, label)
    s.put(520, 360, "3", right=True)
    s.put(300, 374, "Total")
    s.put(520, 374, "480,00", right=True)
    assert values(extract_page(s.page())).get("totals.gross") == "480.00"


# --- the title word over its number ----------------------------------------------------------------------


@pytest.mark.parametrize("title", ["INVOICE", "Factuur", "Facture", "Rechnung", "Fattura"])
def test_a_lone_number_right_under_the_title_is_the_invoice_number(title: str) -> None:
    s = Sheet()
    s.put(40, 40, "Heronsgate Ateliers", size=16)
    s.put(400, 90, title, size=14)
    s.put(400, 108, "2024-0117")
    s.put(400, 130, "14/03/2024")
    assert values(extract_page(s.page())).get("invoice_number") == "2024-0117"


@pytest.mark.parametrize(
    "under", ["14 rue des Tanneurs", "14/03/2024", "Page 1 of 2", "0612 448 903", "117,00", "117", "Original"]
)
def test_a_title_over_an_address_a_date_a_page_or_an_amount_gives_no_number(under: str) -> None:
    s = Sheet()
    s.put(40, 40, "Heronsgate Ateliers", size=16)
    s.put(400, 90, "INVOICE", size=14)
    s.put(400, 108, under)
    assert values(extract_page(s.page())).get("invoice_number") is None


# --- a label broken over two lines of one cell -----------------------------------------------------------

_STACKED = [
    ("Invoice", "Number", "HG-40317", "invoice_number", "HG-40317"),
    ("Rechnungs-", "nummer", "HG-40317", "invoice_number", "HG-40317"),
    ("Numéro de", "facture", "HG-40317", "invoice_number", "HG-40317"),
    ("Date of", "issue", "14/03/2024", "issue_date", "2024-03-14"),
    ("Fecha de", "emisión", "14/03/2024", "issue_date", "2024-03-14"),
    ("Data", "wystawienia", "14/03/2024", "issue_date", "2024-03-14"),
    ("Fällig-", "keitsdatum", "13/04/2024", "due_date", "2024-04-13"),
    ("Date", "d'échéance", "13/04/2024", "due_date", "2024-04-13"),
]


def _stacked_page(upper: str, lower: str, value: str, where: str) -> dict[str, str]:
    s = Sheet()
    s.put(40, 40, "Heronsgate Ateliers", size=16)
    s.put(40, 70, _DECOY)
    s.put(
        40, 84, "Invoice date: 14/03/2024" if upper.startswith(("Fällig", "Date", "Due")) else "Client C-4410"
    )
    s.put(330, 100, upper)
    s.put(330, 111, lower)
    x, y = {
        "right of the lower part": (430, 111),
        "under the cell": (330, 125),
        "right of the upper part": (430, 100),
    }[where]
    s.put(x, y, value)
    return values(extract_page(s.page()))


@pytest.mark.parametrize("case", _STACKED)
@pytest.mark.parametrize("where", ["right of the lower part", "under the cell", "right of the upper part"])
def test_a_label_broken_over_two_lines_reads_its_value(
    case: tuple[str, str, str, str, str], where: str
) -> None:
    upper, lower, value, field, expected = case
    assert _stacked_page(upper, lower, value, where).get(field) == expected


@pytest.mark.parametrize(
    ("upper", "lower"),
    [
        ("Customer", "Number"),
        ("Order", "No."),
        ("Kunden-", "nummer"),
        ("N° de", "commande"),
        ("Numer", "zamówienia"),
    ],
)
@pytest.mark.parametrize("where", ["right of the lower part", "under the cell"])
def test_a_broken_label_of_another_number_is_no_invoice_number(upper: str, lower: str, where: str) -> None:
    assert _stacked_page(upper, lower, "HG-40317", where).get("invoice_number") != "HG-40317"


@pytest.mark.parametrize(
    ("upper", "lower"),
    [("Delivery", "Date"), ("Date de", "livraison"), ("Liefer-", "datum"), ("Order", "Date")],
)
def test_a_broken_label_of_a_delivery_or_order_date_dates_nothing(upper: str, lower: str) -> None:
    s = Sheet()
    s.put(40, 40, "Heronsgate Ateliers", size=16)
    s.put(330, 100, upper)
    s.put(330, 111, lower)
    s.put(430, 111, "02/03/2024")
    s.put(330, 140, "14/03/2024")
    found = values(extract_page(s.page()))
    assert "2024-03-02" not in (found.get("issue_date"), found.get("due_date"))


# --- more wordings: abbreviated document numbers, tax and price words, payment prose ----------------------


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Bill of Supply No.", "invoice_number"),
        ("Num. doc.", "invoice_number"),
        ("Nº Doc.", "invoice_number"),
        ("Fatura Seri-Sıra No", "invoice_number"),
        ("Fiş No", "invoice_number"),
        ("Pay by date", "due_date"),
        ("Nettopreis", "net"),
        ("Impuestos", "tax"),
        ("Imposte", "tax"),
        ("Steuerbetrag", "tax"),
        ("BTW totaal", "tax"),
        ("Gesamtpreis", "gross"),
        ("Endpreis", "gross"),
        ("Totaalprijs", "gross"),
    ],
)
def test_more_label_wordings_are_read_as_their_kind(label: str, kind: str) -> None:
    assert _kinds(label)[-1] == kind


@pytest.mark.parametrize("label", ["Steuernummer", "Steuer-Nr.", "Steuer-ID", "Steuersatz", "Steuerberater"])
def test_tax_office_numbers_and_rates_are_no_tax_amount_label(label: str) -> None:
    assert "tax" not in _kinds(label)


@pytest.mark.parametrize(
    "sentence",
    [
        "Prosimy o zapłatę do dnia 13.04.2024.",
        "Ödeme vadesi 30 gün.",
        "Termin zapłaty: 30 dni",
        # Direct debits announced with their date.
        "Kwota zostanie pobrana z konta 13.04.2024.",
        "Beloppet dras via autogiro den 2024-04-13.",
        "Beløbet trækkes via Betalingsservice den 13.04.2024.",
        "Beløpet trekkes fra kontoen din 13.04.2024.",
        "O valor será debitado na sua conta em 13/04/2024.",
        "Částka bude stržena z vašeho účtu 13.04.2024.",
        # Terms in days, the figure in brackets after the number in words.
        "Kindly pay within thirty (30) days of receipt of this invoice.",
    ],
)
def test_payment_and_direct_debit_prose_of_more_languages_gives_the_due_date(sentence: str) -> None:
    s = Sheet()
    s.put(40, 40, "Heronsgate Ateliers", size=16)
    s.put(330, 100, "Invoice No. HG-40317")
    s.put(330, 114, "Date: 14/03/2024")
    s.put(40, 300, "Description")
    s.put(520, 300, "Amount", right=True)
    s.put(40, 316, "Calibration of two pressure gauges")
    s.put(520, 316, "480,00", right=True)
    s.put(40, 420, sentence)
    assert values(extract_page(s.page())).get("due_date") == "2024-04-13"


@pytest.mark.parametrize(
    "label",
    [
        "Invoice No./Date:",
        "Rechnungs-Nr./Datum:",
        "Factura nº / fecha:",
        "Invoice # & Date",
        "Faktura nr/data:",
    ],
)
@pytest.mark.parametrize("below", [False, True])
def test_a_number_label_joined_to_a_date_label_reads_both_values_in_order(label: str, below: bool) -> None:
    found = _header_page([_DECOY, f"{label}\tHG-40317 / 14.03.2024"], below)
    assert (found.get("invoice_number"), found.get("issue_date")) == ("HG-40317", "2024-03-14")


# --- Central and Eastern Europe, the Baltics, Greece and Bulgaria ------------------------------------------


@pytest.mark.parametrize(
    "label", ["Račun br.", "Faktúra č.", "Arve nr", "Rēķins Nr.", "PVM sąskaita faktūra Nr.", "Фактура №"]
)
@pytest.mark.parametrize("below", [False, True])
def test_eastern_invoice_number_labels(label: str, below: bool) -> None:
    assert (
        _header_page([_DECOY, "Kupac: K-4410", f"{label}\tHG-40317"], below).get("invoice_number")
        == "HG-40317"
    )


@pytest.mark.parametrize(
    ("label", "field", "value", "expected"),
    [
        ("Számla kelte:", "issue_date", "14.03.2024", "2024-03-14"),
        ("Arve kuupäev", "issue_date", "14.03.2024", "2024-03-14"),
        ("Datum računa:", "issue_date", "14.03.2024", "2024-03-14"),
        ("Ημερομηνία έκδοσης", "issue_date", "14/03/2024", "2024-03-14"),
        ("Fizetési határidő:", "due_date", "13.04.2024", "2024-04-13"),
        ("Datum dospijeća:", "due_date", "13.04.2024", "2024-04-13"),
        ("Maksetähtaeg", "due_date", "13.04.2024", "2024-04-13"),
        ("Apmaksāt līdz", "due_date", "13.04.2024", "2024-04-13"),
        ("Срок на плащане:", "due_date", "13.04.2024", "2024-04-13"),
    ],
)
def test_eastern_date_labels(label: str, field: str, value: str, expected: str) -> None:
    first = "Invoice date: 14.03.2024" if field == "due_date" else _DECOY
    assert _header_page([first, f"{label}\t{value}"]).get(field) == expected


@pytest.mark.parametrize("label", ["Teljesítés dátuma", "Datum isporuke", "Data livrării", "Pristatymo data"])
def test_eastern_delivery_dates_are_not_the_issue_date(label: str) -> None:
    assert _kinds(label) == ["other_date"]


# --- insurance premiums, order receipts --------------------------------------------------------------------


@pytest.mark.parametrize(
    "labels",
    [
        ("Nettobeitrag", "Versicherungsteuer 19 %", "Bruttobeitrag"),
        ("Jahresbeitrag netto", "Versicherungssteuer", "Zu zahlender Beitrag"),
        ("Prime HT", "Taxe d'assurance", "Cotisation TTC"),
        ("Net premium", "Insurance premium tax", "Total premium"),
        ("Premio netto", "Imposta di assicurazione", "Premio lordo"),
        ("Nettopremie", "Assurantiebelasting", "Totaal premie"),
    ],
)
def test_insurance_premium_totals(labels: tuple[str, str, str]) -> None:
    s = Sheet()
    s.put(40, 40, "Heronsgate Mutual", size=16)
    s.put(330, 100, "Policy HG-40317")
    s.put(330, 114, "Date: 14/03/2024")
    s.put(40, 300, "Household contents cover, 12 months")
    y = 360.0
    for label, amount in zip(labels, ("480,00", "91,20", "571,20"), strict=True):
        s.put(300, y, label)
        s.put(520, y, amount, right=True)
        y += 14
    found = values(extract_page(s.page()))
    assert [found.get(f"totals.{k}") for k in ("net", "tax", "gross")] == ["480.00", "91.20", "571.20"]


@pytest.mark.parametrize(
    ("order_line", "validity"),
    [
        ("Order date: 14 Mar 24", "Your download link expires on 14 March 2026."),
        ("Date de commande : 14/03/2024", "Ce bon d'achat est valable jusqu'au 31/12/2026."),
        ("Bestelldatum: 14.03.2024", "Der Gutschein ist gültig bis 31.12.2026."),
    ],
)
def test_an_order_receipt_without_a_document_date_is_dated_by_its_order_not_a_validity(
    order_line: str, validity: str
) -> None:
    s = Sheet()
    s.put(40, 40, "Heronsgate Ateliers", size=16)
    s.put(40, 90, order_line)
    s.put(40, 104, "Invoice No. HG-40317")
    s.put(40, 150, validity)
    s.put(40, 300, "Description")
    s.put(520, 300, "Amount", right=True)
    s.put(40, 316, "Calibration of two pressure gauges")
    s.put(520, 316, "480,00", right=True)
    assert values(extract_page(s.page())).get("issue_date") == "2024-03-14"


def test_an_unlabelled_top_date_still_wins_over_an_order_date() -> None:
    s = Sheet()
    s.put(40, 40, "Heronsgate Ateliers", size=16)
    s.put(400, 60, "20/03/2024")
    s.put(40, 90, "Order date: 14/03/2024")
    s.put(40, 104, "Invoice No. HG-40317")
    assert values(extract_page(s.page())).get("issue_date") == "2024-03-20"


# --- tax numbers printed without a country prefix -----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ABN: 51 824 753 556", "51824753556"),
        ("GST/HST Reg. No. 123456782 RT0001", "123456782RT0001"),
        ("GST No. 49-091-850", "49091850"),
    ],
)
def test_labelled_national_tax_numbers_are_the_issuers_tax_id(line: str, expected: str) -> None:
    s = Sheet()
    s.put(40, 40, "Heronsgate Ateliers", size=16)
    s.put(40, 58, line)
    s.put(330, 100, "Invoice No. HG-40317")
    assert values(extract_page(s.page())).get("issuer.vat_id") == expected


@pytest.mark.parametrize("line", ["ABN: 12 345 678 901", "ABN AMRO Bank 4410 2290", "Phone 0612 448 903"])
def test_a_wrong_checksum_or_a_bank_name_gives_no_tax_number(line: str) -> None:
    s = Sheet()
    s.put(40, 40, "Heronsgate Ateliers", size=16)
    s.put(40, 58, line)
    assert "issuer.vat_id" not in values(extract_page(s.page()))


@pytest.mark.parametrize(
    ("upper", "lower"),
    [
        ("Invoice date:", "Due date:"),
        ("Date:", "Due date:"),
        ("Rechnungsdatum:", "Fällig am:"),
        ("Date de facture :", "Échéance :"),
        ("Data:", "Scadenza:"),
        ("Issue date", "Payment due"),
        ("Date", "Due"),
        ("Invoice date", "Due"),
        ("Datum", "Fällig"),
    ],
)
def test_two_whole_labels_stacked_keep_their_own_values(upper: str, lower: str) -> None:
    """Two complete labels at line pitch (a label column), each with its value right of it, are two
    labels, not one broken over two lines."""
    s = Sheet()
    s.put(40, 40, "Heronsgate Ateliers", size=16)
    s.put(330, 100, upper)
    s.put(430, 100, "14/03/2024")
    s.put(330, 111, lower)
    s.put(430, 111, "13/04/2024")
    got = values(extract_page(s.page()))
    assert (got.get("issue_date"), got.get("due_date")) == ("2024-03-14", "2024-04-13")
