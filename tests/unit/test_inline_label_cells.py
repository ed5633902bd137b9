"""Several "label: value" cells side by side in one row, each value printed right of its label and wrapped
by the cell's width onto the next line, where it restarts at the cell's left edge (under the label, not
under the value): "Invoice date: 14 March" over "2025". Invented layouts in EN/DE/FR/ES/NL/IT, cell gaps
from packed (narrower than the segment gap) to wide, dates in several formats."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page

_SIZE = 10.0
_PITCH = 11.5  # line pitch inside a cell
_CHAR = 0.6 * _SIZE
_WORD_GAP = 0.3 * _SIZE


def _width(text: str) -> float:
    tokens = text.split()
    return sum(len(t) for t in tokens) * _CHAR + (len(tokens) - 1) * _WORD_GAP


Cell = list[str]  # the cell's printed lines, top to bottom


def _row(s: Sheet, y: float, cells: list[Cell], gap: float, width: float) -> None:
    """Cells of ``width`` (or their widest line) left to right, ``gap`` apart, lines at the cell pitch."""
    x = 40.0
    for cell in cells:
        for n, text in enumerate(cell):
            s.put(x, y + n * _PITCH, text)
        x += max(width, *(_width(text) for text in cell)) + gap


def _page(cells: list[Cell], gap: float, width: float, title: str) -> Sheet:
    s = Sheet()
    s.put(40, 40, "Brightwater Optics", size=14)
    s.put(40, 60, "7 Harbour Lane, Cork")
    s.put(40, 100, title, size=18)
    _row(s, 130, cells, gap, width)
    s.put(40, 200, "Description")
    s.put(420, 200, "Amount")
    s.put(40, 216, "Lens calibration")
    s.put(420, 216, "240.00")
    return s


# (cells, cell gap, cell width, title, expected issue date, expected due date)
_ROWS = [
    (  # German, day-month-year in words, wide gaps
        [["Kundennr.: 4471"], ["Rechnungsdatum: 23.", "August 2026"], ["Fällig am: 6.", "September 2026"]],
        30.0,
        110.0,
        "Rechnung",
        "2026-08-23",
        "2026-09-06",
    ),
    (  # French, the year alone on the second line, packed cells
        [["Date de facture : 16 février", "2026"], ["Date d'échéance : 18 mars", "2026"], ["Client : 8606"]],
        6.5,
        100.0,
        "Facture",
        "2026-02-16",
        "2026-03-18",
    ),
    (  # Spanish, "de" and year wrapped
        [
            ["Fecha de factura: 12 de julio", "de 2025"],
            ["Nº cliente: 88801"],
            ["Vencimiento: 22 de julio", "de 2025"],
        ],
        14.0,
        90.0,
        "Factura",
        "2025-07-12",
        "2025-07-22",
    ),
    (  # Dutch, a numeric date broken after its hyphen
        [["Klantnummer: 23987"], ["Factuurdatum: 01-01-", "2025"], ["Vervaldatum: 31-01-", "2025"]],
        9.0,
        80.0,
        "Factuur",
        "2025-01-01",
        "2025-01-31",
    ),
    (  # English, month-first in words, the year wrapped after its comma
        [["Invoice date: March 3,", "2025"], ["Due date: April 2,", "2025"], ["Account: 5521"]],
        20.0,
        95.0,
        "Invoice",
        "2025-03-03",
        "2025-04-02",
    ),
    (  # Italian, dotted numeric date broken after the month
        [["Cliente: 3390"], ["Data fattura: 04.08.", "2026"], ["Scadenza: 14.08.", "2026"]],
        7.0,
        85.0,
        "Fattura",
        "2026-08-04",
        "2026-08-14",
    ),
]


@pytest.mark.parametrize("case", _ROWS)
def test_wrapped_values_of_label_cells_in_one_row(
    case: tuple[list[Cell], float, float, str, str, str],
) -> None:
    cells, gap, width, title, issue, due = case
    found = values(extract_page(_page(cells, gap, width, title).page()))
    assert found.get("issue_date") == issue
    assert found.get("due_date") == due


def test_cells_packed_at_word_spacing_cut_the_value_before_the_next_label() -> None:
    """No gap wider than a word space between the cells: the value reads on into the next cell's label
    ("14 Oktober Kundennr.:") and only its first words continue on the line beneath."""
    cells = [["Rechnungsdatum: 14 Oktober", "2025"], ["Kundennr.: 80490"], ["Fällig am: 28 Oktober", "2025"]]
    found = values(extract_page(_page(cells, 0.3 * _SIZE, 40.0, "Rechnung").page()))
    assert found.get("issue_date") == "2025-10-14"
    assert found.get("due_date") == "2025-10-28"


def test_unwrapped_cells_in_one_row_keep_their_own_dates() -> None:
    """The same row with room enough: every value beside its label, no line beneath the row."""
    cells = [["Invoice date: 14 October 2025"], ["Customer no.: 42294"], ["Due date: 28 October 2025"]]
    found = values(extract_page(_page(cells, 6.5, 60.0, "Invoice").page()))
    assert found.get("issue_date") == "2025-10-14"
    assert found.get("due_date") == "2025-10-28"


def test_year_beneath_another_cell_is_not_joined() -> None:
    """A year printed under the neighbouring cell (its own value) does not complete this cell's date."""
    s = _page(
        [["Issue date: 9 May"], ["Reference: PO-2025"], ["Due date: 23 May 2025"]], 30.0, 90.0, "Invoice"
    )
    s.put(40 + 90 + 30, 130 + _PITCH, "2024")  # under "Reference", not under "Issue date"
    found = values(extract_page(s.page()))
    assert found.get("issue_date") != "2024-05-09"
    assert found.get("due_date") == "2025-05-23"


@pytest.mark.parametrize(
    ("cells", "number"),
    [
        ([["N° de facture : 2025-", "05924"], ["Date : 16/02/2026"], ["Client : 8606"]], "2025-05924"),
        ([["Cliente: 3390"], ["Invoice no.: INV/2024/", "0117"], ["Due date: 02/03/2024"]], "INV/2024/0117"),
    ],
)
def test_number_broken_after_its_hyphen_by_the_cell_width(cells: list[Cell], number: str) -> None:
    found = values(extract_page(_page(cells, 12.0, 90.0, "Invoice").page()))
    assert found.get("invoice_number") == number
