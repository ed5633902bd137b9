"""The invoice number on hand-placed pages of invented vendors: wordings and languages the corpus
layouts do not use, series codes printed apart from the number, a bare "No." under a document title,
and the numbers around it that are not the invoice's (order, customer, page, VAT / SIRET ids)."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page

Placed = tuple[float, float, str, float | None]


def _number(placed: list[Placed]) -> str | None:
    s = Sheet()
    s.put(40, 40, "Nordlicht Handel AG", size=16)
    for x, y, text, size in placed:
        s.put(x, y, text, size=size)
    s.table(
        220,
        [(40, "Description", False), (300, "Qty", True), (400, "Price", True), (540, "Amount", True)],
        [["Widget A", "2", "250.00", "500.00"], ["Service B", "1", "500.00", "500.00"]],
    )
    s.put(330, 300, "Total")
    s.put(540, 300, "1,000.00", right=True)
    return values(extract_page(s.page())).get("invoice_number")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Folio No. 778812", "778812"),
        ("Folio #: 55120", "55120"),
        ("Belegnr.: 2024-4711", "2024-4711"),
        ("Numero fattura: 117/2024", "117/2024"),
        ("Fattura elettronica n. 117/2024", "117/2024"),
        ("Facture d'acompte n° AC-2024-7", "AC-2024-7"),
        ("Abschlagsrechnung Nr. AR-2024-3", "AR-2024-3"),
        ("Schlussrechnung Nr. 2024-118", "2024-118"),
        ("Final invoice no. FI-0042", "FI-0042"),
        ("Invoice: INV-0117", "INV-0117"),
        ("Rechnung: 2024-117", "2024-117"),
        ("Fakturanummer: 55012", "55012"),
    ],
)
def test_invoice_number_labels_of_other_wordings(line: str, expected: str) -> None:
    assert _number([(350, 100, line, None), (350, 114, "Date: 14.02.2024", None)]) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Fatura n.º FT 2024/117", "FT 2024/117"),
        ("Rechnung Nr. R24 0815", "R24 0815"),
        ("Invoice No. RE 4711", "RE 4711"),
        # A currency code or a date after the number is not part of it.
        ("Invoice No. 4711 EUR", "4711"),
        ("Invoice No. A12 14.02.2024", "A12"),
    ],
)
def test_a_series_code_printed_apart_is_part_of_the_number(line: str, expected: str) -> None:
    assert _number([(300, 100, line, None)]) == expected


@pytest.mark.parametrize(
    ("title", "label", "expected"),
    [
        ("INVOICE", "No. 2024-117", "2024-117"),
        ("RECHNUNG", "Nr. RE-2024-117", "RE-2024-117"),
        ("FACTURE", "Numéro : F-0117", "F-0117"),
        ("FATTURA", "N° 117/A", "117/A"),
        ("Tax Invoice", "Number: 0117", "0117"),
    ],
)
def test_a_bare_number_label_under_the_document_title(title: str, label: str, expected: str) -> None:
    placed: list[Placed] = [
        (40, 80, title, 20),
        (350, 110, "Order number: 4500001", None),
        (350, 124, label, None),
        (350, 138, "Date: 14.02.2024", None),
    ]
    assert _number(placed) == expected


def test_a_bare_number_label_without_a_title_is_no_invoice_number() -> None:
    # "No." alone could number anything: without the document title it names nothing.
    assert _number([(350, 110, "No. 2024-117", None), (350, 124, "Date: 14.02.2024", None)]) is None


@pytest.mark.parametrize(
    "placed",
    [
        [
            (350, 100, "Order No.: 4500012345", None),
            (350, 114, "Customer No.: 10077", None),
            (350, 128, "Invoice No.: 2024-0099", None),
        ],
        [(350, 100, "Page 1 of 2", None), (350, 114, "Invoice No. 2024-0099", None)],
        [(350, 100, "SIRET : 123 456 789 00012", None), (350, 114, "FACTURE N° 2024-0099", None)],
        [(350, 100, "Kundennummer: 40012   Rechnungsnummer: 2024-0099", None)],
        [
            (40, 80, "INVOICE", 20),
            (350, 110, "Customer No. 10077", None),
            (350, 124, "Invoice # 2024-0099", None),
        ],
    ],
)
def test_numbers_around_the_invoice_number_are_not_taken(placed: list[Placed]) -> None:
    assert _number(placed) == "2024-0099"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Rg.-Nr.: 24-0815", "24-0815"),
        ("Rechn.-Nr. 24-0816", "24-0816"),
        ("Fact. n° F-881", "F-881"),
        ("Fatt. n. 117/2024", "117/2024"),
    ],
)
def test_abbreviated_invoice_number_labels(line: str, expected: str) -> None:
    assert _number([(350, 100, line, None)]) == expected


def test_a_hash_label_touching_its_value() -> None:
    assert _number([(40, 90, "INVOICE #INV-000123", 18)]) == "INV-000123"


@pytest.mark.parametrize(
    ("labels", "cells", "expected"),
    [
        (
            ["Customer No.", "Invoice No.", "Invoice Date", "Order No."],
            ["10077", "2024-117", "14.02.2024", "PO-5567"],
            "2024-117",
        ),
        (
            ["Order No.", "Date", "Invoice #", "Page"],
            ["PO-5567", "14.02.2024", "A-2024-117", "1 of 1"],
            "A-2024-117",
        ),
        (
            ["Kunden-Nr.", "Rechnungs-Nr.", "Datum", "Seite"],
            ["10077", "RE24117", "14.02.2024", "1/2"],
            "RE24117",
        ),
        (
            ["N° client", "N° facture", "Date", "Échéance"],
            ["C0077", "F24-118", "14/02/2024", "15/03/2024"],
            "F24-118",
        ),
    ],
)
def test_a_row_of_labels_over_a_row_of_values_pairs_the_number_with_its_own_label(
    labels: list[str], cells: list[str], expected: str
) -> None:
    placed: list[Placed] = []
    for k, (label, cell) in enumerate(zip(labels, cells, strict=True)):
        placed += [(40 + 110 * k, 150, label, None), (40 + 110 * k, 164, cell, None)]
    assert _number(placed) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Original invoice No.: INV-4", "Credit note No.: CN-5"], "CN-5"),
        (["Bezug: Rechnung Nr. R-77", "Gutschrift Nr. G-12"], "G-12"),
        (["Credit note No.: CN-5", "Relates to invoice No.: INV-4"], "CN-5"),
    ],
)
def test_a_credit_notes_reference_to_the_original_invoice_is_not_its_number(
    lines: list[str], expected: str
) -> None:
    assert _number([(350, 100 + 14 * k, line, None) for k, line in enumerate(lines)]) == expected


def test_a_referenced_number_is_still_taken_when_nothing_else_is_printed() -> None:
    assert _number([(350, 100, "Relates to invoice No.: INV-4", None)]) == "INV-4"


@pytest.mark.parametrize(
    ("heads", "cells"),
    [
        (["Invoice", "Date", "Due"], ["10045", "02/14/2024", "03/15/2024"]),
        (["Rechnung", "Datum", "Kunde"], ["RE-4711", "14.02.2024", "K-0077"]),
        (["Facture", "Date", "Échéance"], ["F24-118", "14/02/2024", "15/03/2024"]),
    ],
)
def test_a_header_cell_of_the_title_word_alone_over_the_number(heads: list[str], cells: list[str]) -> None:
    placed: list[Placed] = []
    for k, (head, cell) in enumerate(zip(heads, cells, strict=True)):
        placed += [(300 + 90 * k, 150, head, None), (300 + 90 * k, 164, cell, None)]
    assert _number(placed) == cells[0]


def test_the_page_title_over_an_address_is_no_number_cell() -> None:
    placed: list[Placed] = [(40, 80, "INVOICE", None), (40, 94, "12 Harbour Road", None)]
    assert _number(placed) is None
