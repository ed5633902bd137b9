"""Invoices of Croatia, Slovenia, Serbia, the Baltic states, Greece and Bulgaria on invented word layouts
(Latin, Greek and Cyrillic scripts): their labels, month names, currencies and national VAT ids, each
id checksum-valid (a wrong check digit is no VAT id). Every name, figure and arrangement is invented."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from tests.unit.sheets import Sheet, items, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.currency import detect_currency
from invoiceflow.domain.extraction.dates import DateOrder, find_dates
from invoiceflow.domain.extraction.layout import build_lines
from invoiceflow.domain.extraction.national_vat import labelled_national_vat_ids
from invoiceflow.domain.models import PageExtraction


@dataclass(frozen=True)
class Words:
    """One language's printed words: the labels a page of that country prints and its values."""

    title: str
    number: tuple[str, str]  # label, value
    issued: tuple[str, str]
    due: tuple[str, str]
    seller: str  # the seller's name with its legal form
    vat: str  # the seller's id line, as printed
    buyer: tuple[str, str]  # label, name
    columns: tuple[str, str, str, str]  # description, quantity, unit price, amount
    rows: tuple[tuple[str, str, str, str], ...]
    totals: tuple[tuple[str, str], ...]  # net, tax, gross


LANGUAGES = {
    "hr": Words(
        "RAČUN", ("Broj računa:", "318-POSL2-1"), ("Datum izdavanja:", "4. ožujka 2026."),
        ("Datum dospijeća:", "19.03.2026."), "Keramika Vučković d.o.o.", "OIB: 73584053282",
        ("Kupac:", "Vinarija Zlatna Gorica d.d."), ("Opis", "Kol.", "Cijena", "Iznos"),
        (("Glazirane zdjele", "4", "25,00", "100,00"), ("Vrčevi za vodu", "2", "50,00", "100,00")),
        (("Ukupno bez PDV-a", "200,00"), ("PDV 25 %", "50,00"), ("Ukupno za platiti", "250,00 €")),
    ),
    "sl": Words(
        "RAČUN", ("Številka računa:", "2026-00418"), ("Datum izdaje:", "4. 3. 2026"),
        ("Rok plačila:", "18. marec 2026"), "Lončarstvo Zorman s.p.", "ID za DDV: 56873271",
        ("Kupec:", "Gostilna Pod Lipo d.o.o."), ("Opis", "Količina", "Cena", "Znesek"),
        (("Glazirane sklede", "4", "25,00", "100,00"), ("Vrči za vodo", "2", "50,00", "100,00")),
        (("Skupaj brez DDV", "200,00"), ("DDV 22 %", "44,00"), ("Za plačilo", "244,00 €")),
    ),
    "sr": Words(
        "FAKTURA", ("Broj fakture:", "F-0417/2026"), ("Datum izdavanja:", "04.03.2026."),
        ("Valuta plaćanja:", "19. marta 2026."), "Grnčarija Ilić d.o.o.", "PIB: 169262879",
        ("Kupac:", "Vinarija Fruška Gora a.d."), ("Naziv dobra/usluge", "Količina", "Cena bez PDV", "Iznos"),
        (("Glazirane činije", "4", "2.500,00", "10.000,00"), ("Bokali", "2", "5.000,00", "10.000,00")),
        (("Ukupna osnovica", "20.000,00"), ("Ukupan PDV", "4.000,00"), ("Za uplatu", "24.000,00 din.")),
    ),
    "et": Words(
        "ARVE", ("Arve number:", "2026-117"), ("Arve kuupäev:", "4. märts 2026"),
        ("Maksetähtaeg:", "18.03.2026"), "Savikoda Tamm OÜ", "KMKR: 107510587",
        ("Maksja:", "Kohvik Kuusk OÜ"), ("Kirjeldus", "Kogus", "Hind", "Summa"),
        (("Glasuuritud kausid", "4", "25,00", "100,00"), ("Veekannud", "2", "50,00", "100,00")),
        (("Summa km-ta", "200,00"), ("Käibemaks 24 %", "48,00"), ("Kokku tasuda", "248,00 €")),
    ),
    "lv": Words(
        "RĒĶINS", ("Rēķina Nr.", "RK-2026/0117"), ("Izrakstīšanas datums:", "2026. gada 4. marts"),
        ("Apmaksas termiņš:", "18.03.2026."), "Keramika Ozols SIA", "PVN reģ. Nr. 40007120507",
        ("Saņēmējs:", "Kafejnīca Liepa SIA"), ("Nosaukums", "Daudzums", "Cena", "Summa"),
        (("Glazētas bļodas", "4", "25,00", "100,00"), ("Ūdens krūkas", "2", "50,00", "100,00")),
        (("Summa bez PVN", "200,00"), ("PVN 21 %", "42,00"), ("Kopā apmaksai", "242,00 EUR")),
    ),
    "lt": Words(
        "PVM SĄSKAITA FAKTŪRA", ("Serija ABC Nr.", "0000417"), ("Išrašymo data:", "2026 m. kovo 4 d."),
        ("Apmokėti iki:", "2026-03-18"), "Keramikos dirbtuvės Molis UAB", "PVM mokėtojo kodas: 643101510",
        ("Pirkėjas:", "Kavinė Liepa UAB"), ("Pavadinimas", "Kiekis", "Kaina", "Suma"),
        (("Glazūruoti dubenys", "4", "25,00", "100,00"), ("Vandens ąsočiai", "2", "50,00", "100,00")),
        (("Suma be PVM", "200,00"), ("PVM 21 %", "42,00"), ("Iš viso su PVM", "242,00 €")),
    ),
    "el": Words(
        "ΤΙΜΟΛΟΓΙΟ", ("ΑΡΙΘΜΟΣ ΠΑΡΑΣΤΑΤΙΚΟΥ:", "Α-417"), ("ΗΜΕΡΟΜΗΝΙΑ ΕΚΔΟΣΗΣ:", "4 Μαρτίου 2026"),
        ("ΗΜ. ΛΗΞΗΣ:", "18/03/2026"), "Κεραμική Αιγαίου Ε.Π.Ε.", "Α.Φ.Μ.: 003115400",
        ("ΠΕΛΑΤΗΣ:", "Ταβέρνα Το Λιμάνι Ο.Ε."), ("ΠΕΡΙΓΡΑΦΗ", "ΠΟΣΟΤΗΤΑ", "ΤΙΜΗ ΜΟΝΑΔΑΣ", "ΑΞΙΑ"),
        (("Μπολ εφυαλωμένα", "4", "25,00", "100,00"), ("Κανάτες νερού", "2", "50,00", "100,00")),
        (("ΚΑΘΑΡΗ ΑΞΙΑ", "200,00"), ("ΦΠΑ 24 %", "48,00"), ("ΠΛΗΡΩΤΕΟ ΠΟΣΟ", "248,00 €")),
    ),
    "bg": Words(
        "ФАКТУРА", ("Фактура №", "0000000417"), ("Дата на издаване:", "4 март 2026 г."),
        ("Срок за плащане:", "18.03.2026 г."), "Керамика Родопи ЕООД", "ДДС №: 206089890",
        ("Получател:", "Ресторант Морско око ООД"), ("Наименование", "Количество", "Ед. цена", "Стойност"),
        (("Глазирани купи", "4", "25,00", "100,00"), ("Кани за вода", "2", "50,00", "100,00")),
        (("Данъчна основа", "200,00"), ("ДДС 20 %", "40,00"), ("Сума за плащане", "240,00 лв.")),
    ),
}  # fmt: skip
EXPECTED = {
    # language: (invoice number, issue date, due date, currency, VAT id, net, tax, gross)
    "hr": ("318-POSL2-1", "2026-03-04", "2026-03-19", "EUR", "HR73584053282", "200.00", "50.00", "250.00"),
    "sl": ("2026-00418", "2026-03-04", "2026-03-18", "EUR", "SI56873271", "200.00", "44.00", "244.00"),
    "sr": ("F-0417/2026", "2026-03-04", "2026-03-19", "RSD", "169262879", "20000.00", "4000.00", "24000.00"),
    "et": ("2026-117", "2026-03-04", "2026-03-18", "EUR", "EE107510587", "200.00", "48.00", "248.00"),
    "lv": ("RK-2026/0117", "2026-03-04", "2026-03-18", "EUR", "LV40007120507", "200.00", "42.00", "242.00"),
    "lt": ("0000417", "2026-03-04", "2026-03-18", "EUR", "LT643101510", "200.00", "42.00", "242.00"),
    "el": ("Α-417", "2026-03-04", "2026-03-18", "EUR", "EL003115400", "200.00", "48.00", "248.00"),
    "bg": ("0000000417", "2026-03-04", "2026-03-18", "BGN", "BG206089890", "200.00", "40.00", "240.00"),
}


def _invoice(w: Words) -> PageExtraction:
    """Title and a label/value stack at the top left, the seller's letterhead at the top right, the buyer
    under its label, a four-column table and the totals at the right."""
    s = Sheet()
    s.put(40, 40, w.title, size=16)
    for n, (label, value) in enumerate((w.number, w.issued, w.due)):
        s.put(40, 70 + 14 * n, label)
        s.put(200, 70 + 14 * n, value)
    s.put(555, 40, w.seller, size=12, right=True)
    s.put(555, 58, w.vat, right=True)
    s.put(40, 140, w.buyer[0])
    s.put(40, 154, w.buyer[1])
    header = [(40, w.columns[0], False), (360, w.columns[1], True), (460, w.columns[2], True)]
    s.table(220, [*header, (555, w.columns[3], True)], [list(row) for row in w.rows])
    for n, (label, amount) in enumerate(w.totals):
        s.put(360, 300 + 16 * n, label)
        s.put(555, 300 + 16 * n, amount, right=True)
    return extract_page(s.page())


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_an_invoice_of_each_language_reads_its_fields(language: str) -> None:
    result = _invoice(LANGUAGES[language])
    got = values(result)
    number, issued, due, currency, vat_id, net, tax, gross = EXPECTED[language]
    assert got["invoice_number"] == number
    assert got["issue_date"] == issued
    assert got["due_date"] == due
    assert got["currency"] == currency
    assert got["issuer.vat_id"] == vat_id
    assert (got["totals.net"], got["totals.tax"], got["totals.gross"]) == (net, tax, gross)
    assert [row[0] for row in items(result)] == [row[0] for row in LANGUAGES[language].rows]


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_buyer_under_its_label_and_the_seller_in_the_letterhead(language: str) -> None:
    got = values(_invoice(LANGUAGES[language]))
    assert got["recipient.name"] == LANGUAGES[language].buyer[1]
    assert got["issuer.name"] == LANGUAGES[language].seller


def _line(text: str):  # type: ignore[no-untyped-def]
    s = Sheet()
    s.put(40, 40, text)
    return build_lines(s.page())[0]


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("15. listopada 2025.", "2025-10-15"),  # Croatian: the day an ordinal, October
        ("15 listopada 2025", "2025-11-15"),  # Polish: November
        ("3. prosinca 2025.", "2025-12-03"),
        ("21. avgusta 2025.", "2025-08-21"),
        ("7. junij 2025", "2025-06-07"),
        ("30. detsember 2025", "2025-12-30"),
        ("2025. gada 9. septembris", "2025-09-09"),
        ("2025 m. gegužės 12 d.", "2025-05-12"),
        ("12 Μαΐου 2025", "2025-05-12"),
        ("2 ΙΑΝΟΥΑΡΙΟΣ 2026", "2026-01-02"),  # upper case: the final sigma folds to σ
        ("8 май 2025 г.", "2025-05-08"),  # "й" folds to "и"
        ("17.11.2025 г.", "2025-11-17"),
        ("17.11.2025.", "2025-11-17"),
    ],
)
def test_month_names_and_numeric_forms_of_the_new_languages(printed: str, iso: str) -> None:
    assert [str(d.value) for d in find_dates(_line(printed), DateOrder.DMY)] == [iso]


def test_dinars_after_the_figure_and_a_serbian_iban_is_no_rupee() -> None:
    lines = [_line("IBAN: RS35 3308 3319 0156 2207 25"), _line("Ukupno za uplatu 24.000,00 din.")]
    assert detect_currency(lines) is not None
    assert detect_currency(lines)[0] == "RSD"  # type: ignore[index]
    assert detect_currency([_line("IBAN: RS35 3308 3319 0156 2207 25")]) is None


@pytest.mark.parametrize(
    ("printed", "vat_id"),
    [
        ("OIB: 73584053282", "HR73584053282"),
        ("ID ZA DDV: 56873271", "SI56873271"),
        ("DAVČNA ŠTEVILKA: 56873271", "SI56873271"),
        ("PIB: 169262879", "169262879"),
        ("KMKR NR 107510587", "EE107510587"),
        ("PVN MAKSĀTĀJA NR. 40007120507", "LV40007120507"),
        ("PVM MOKĖTOJO KODAS: 643101510", "LT643101510"),
        ("ДДС №: 206089890", "BG206089890"),
        ("ИН ПО ЗДДС: BG206089890", "BG206089890"),
    ],
)
def test_national_vat_ids_after_their_labels(printed: str, vat_id: str) -> None:
    assert [number for _start, number in labelled_national_vat_ids(printed)] == [vat_id]


@pytest.mark.parametrize(
    "printed", ["OIB: 73584053283", "PIB: 169262870", "KMKR: 107510588", "ДДС №: 206089891"]
)
def test_a_wrong_check_digit_is_no_vat_id(printed: str) -> None:
    assert labelled_national_vat_ids(printed) == []
