"""A header band of labels in one row and their values in the row beneath, packed closer than the
segment gap (HTML tables with little cell padding): "Invoice date  Due date  Customer no.  Invoice no."
over "03/04/2024  17/04/2024  40817  INV-2207". Invented layouts in several languages, column counts and
alignments (left, centred, right), values wider or narrower than their labels."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.context import analyse

_SIZE = 10.0
_CHAR = 0.6 * _SIZE  # the Sheet's glyph width
_WORD_GAP = 0.3 * _SIZE
# Between two cells: wider than a word space, narrower than the segment gap (0.8 em), as tables with
# little padding print.
_CELL_GAP = 0.68 * _SIZE


def _width(text: str) -> float:
    tokens = text.split()
    return sum(len(t) for t in tokens) * _CHAR + (len(tokens) - 1) * _WORD_GAP


def _band(s: Sheet, x: float, y: float, cells: list[tuple[str, str]], align: str) -> None:
    """Labels at y and values under them at y + 12, each column as wide as its wider text."""
    for label, value in cells:
        column = max(_width(label), _width(value))
        for text, top in ((label, y), (value, y + 12)):
            if not text:
                continue
            offset = {"left": 0.0, "right": column - _width(text), "centre": (column - _width(text)) / 2}[
                align
            ]
            s.put(x + offset, top, text)
        x += column + _CELL_GAP


def _page(cells: list[tuple[str, str]], align: str, title: str = "INVOICE") -> Sheet:
    s = Sheet()
    s.put(40, 40, "Northwind Glassworks Ltd", size=14)
    s.put(40, 60, "18 Quay Street, Galway")
    s.put(40, 100, title, size=18)
    _band(s, 40, 130, cells, align)
    s.put(40, 200, "Description")
    s.put(400, 200, "Amount")
    s.put(40, 216, "Window cleaning")
    s.put(400, 216, "120.00")
    return s


_BANDS = [
    # (cells, expected issue date, due date, invoice number)
    (
        [
            ("Invoice date", "03/04/2024"),
            ("Due date", "17/04/2024"),
            ("Customer no.", "40817"),
            ("Invoice no.", "INV-2207"),
        ],
        "2024-04-03",
        "2024-04-17",
        "INV-2207",
    ),
    (
        [("Rechnungsdatum", "12.03.2024"), ("Fälligkeitsdatum", "26.03.2024"), ("Kundennr.", "55120")],
        "2024-03-12",
        "2024-03-26",
        None,
    ),
    (
        [("Date de facture", "5 mars 2024"), ("Date d'échéance", "4 avril 2024"), ("N° client", "C-118")],
        "2024-03-05",
        "2024-04-04",
        None,
    ),
    (
        [("Nº factura", "FA-2024-88"), ("Fecha", "2 de mayo de 2024"), ("Vencimiento", "1 de junio de 2024")],
        "2024-05-02",
        "2024-06-01",
        "FA-2024-88",
    ),
    (
        [
            ("Factuurdatum", "06-11-2025"),
            ("Vervaldatum", "06-12-2025"),
            ("Klantnummer", "26772"),
            ("Factuurnummer", "RE75630"),
        ],
        "2025-11-06",
        "2025-12-06",
        "RE75630",
    ),
    (
        [("Data", "14/02/2025"), ("Scadenza", "16/03/2025"), ("Codice cliente", "7781")],
        "2025-02-14",
        "2025-03-16",
        None,
    ),
]


@pytest.mark.parametrize("align", ["left", "centre", "right"])
@pytest.mark.parametrize(("cells", "issue", "due", "number"), _BANDS)
def test_values_under_a_packed_row_of_labels(
    cells: list[tuple[str, str]], issue: str, due: str, number: str | None, align: str
) -> None:
    found = values(extract_page(_page(cells, align).page()))
    assert found.get("issue_date") == issue
    assert found.get("due_date") == due
    if number is not None:
        assert found.get("invoice_number") == number


def test_an_empty_due_cell_takes_no_date_from_its_neighbours() -> None:
    cells = [("Invoice date", "03/04/2024"), ("Due date", ""), ("Customer no.", "40817")]
    for align in ("left", "centre", "right"):
        found = values(extract_page(_page(cells, align).page()))
        assert found.get("issue_date") == "2024-04-03"
        assert "due_date" not in found


def test_two_labels_touching_in_one_segment_are_read_cell_by_cell() -> None:
    """ "Invoice date Due date" read whole holds "date due" (a due label) across the cell gap: read per
    cell, it is an issue-date label and a due-date label."""
    s = Sheet()
    _band(s, 40, 130, [("Invoice date", "2025-05-28"), ("Due date", "2025-06-11")], "left")
    ctx = analyse(s.page())
    line = next(line for line in ctx.lines if "Invoice" in line.text)
    labels = [(m.kind, line.text[m.start : m.end].strip()) for m in ctx.header_labels[line.index]]
    assert labels == [("issue_date", "Invoice date"), ("due_date", "Due date")]


def test_letter_spaced_labels_keep_their_words_together() -> None:
    """Capitals printed with letter spacing stand wider than 0.55 em apart inside a label ("DATE
    D'ÉCHÉANCE"): the gap between cells is measured against the line's own word spacing."""
    s = Sheet()
    wide = 0.58 * 8.0  # word gap of letter-spaced 8 pt capitals
    x = 40.0
    for label, value in (
        ("N° DE FACTURE", "RE94457"),
        ("DATE DE FACTURE", "3 mai 2025"),
        ("DATE D'ÉCHÉANCE", "17 mai 2025"),
    ):
        cursor = x
        for word in label.split():
            s.put(cursor, 130, word, size=8.0)
            cursor += len(word) * 0.6 * 8.0 + wide
        s.put(x, 144, value)
        x = cursor + 3 * 8.0
    found = values(extract_page(s.page()))
    assert found.get("issue_date") == "2025-05-03"
    assert found.get("due_date") == "2025-05-17"


def _letter_block(s: Sheet, rows: list[tuple[str, str]], wrap_at: int) -> None:
    """Labels at x=345 and right-aligned values in a narrow cell ending at x=541; a value longer than
    ``wrap_at`` characters wraps onto the next line (its last word), while the address column on the left
    prints lines in between."""
    y = 107.0
    for label, value in rows:
        words = value.split()
        if len(value) > wrap_at:
            s.put(345, y, label)
            s.put(541, y, " ".join(words[:-1]), right=True)
            s.put(541, y + 12, words[-1], right=True)
            y += 12
        else:
            s.put(345, y, label)
            s.put(541, y, value, right=True)
        y += 24


def _letter_with_address(rows: list[tuple[str, str]], wrap_at: int = 14) -> Sheet:
    s = Sheet()
    s.put(300, 50, "Lindenhof Gartenbau AG", size=16)
    for n, text in enumerate(["Praxis Dr. Keller", "Bahnhofstrasse 12", "8001 Zürich", "Schweiz"]):
        s.put(52, 101 + 12 * n, text)
    _letter_block(s, rows, wrap_at)
    s.put(52, 230, "Beschreibung")
    s.put(480, 230, "Betrag")
    s.put(52, 246, "Heckenschnitt")
    s.put(480, 246, "320.00")
    return s


@pytest.mark.parametrize(
    ("rows", "issue", "due"),
    [
        (
            [("Fecha de factura:", "28 de junio de 2025"), ("Vencimiento:", "12 de julio de 2025")],
            "2025-06-28",
            "2025-07-12",
        ),
        (
            [("Rechnungsdatum:", "3. September 2025"), ("Fällig am:", "17. September 2025")],
            "2025-09-03",
            "2025-09-17",
        ),
        (
            [("Date de facture :", "14 novembre 2025"), ("Échéance :", "14 décembre 2025")],
            "2025-11-14",
            "2025-12-14",
        ),
    ],
)
def test_a_date_wrapped_in_its_narrow_cell_is_read_whole(
    rows: list[tuple[str, str]], issue: str, due: str
) -> None:
    found = values(extract_page(_letter_with_address(rows).page()))
    assert found.get("issue_date") == issue
    assert found.get("due_date") == due


def test_a_wrapped_value_does_not_borrow_a_year_from_another_column() -> None:
    """ "Datum: 3 Mai" beside a year in the address column below: no date is made of them."""
    s = Sheet()
    s.put(300, 50, "Lindenhof Gartenbau AG", size=16)
    s.put(345, 107, "Lieferung:")
    s.put(541, 107, "3 Mai", right=True)
    s.put(52, 119, "Postfach 2025")
    found = values(extract_page(s.page()))
    assert found.get("issue_date") is None
