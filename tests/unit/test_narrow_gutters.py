"""Columns whose gutter is narrower than the segment gap: other lines starting a word at the same x tell a
gutter from a wide word space."""

from __future__ import annotations

from sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.context import analyse
from invoiceflow.domain.extraction.layout import Line, build_lines
from invoiceflow.domain.models import PageText, Word

SIZE = 10.0


def _width(text: str) -> float:
    """Width of ``text`` as ``Sheet.put`` sets it (0.6 em a character, 0.3 em between words)."""
    return sum(len(token) for token in text.split()) * 0.6 * SIZE + (len(text.split()) - 1) * 0.3 * SIZE


def _blocks(left: list[str], right: list[str], gutter_em: float) -> Sheet:
    """Two blocks side by side; the right one starts ``gutter_em`` after the left one's longest line."""
    sheet = Sheet(font_size=SIZE)
    right_x = 40 + max(_width(text) for text in left) + gutter_em * SIZE
    for row, text in enumerate(left):
        sheet.put(40, 60 + 14 * row, text)
    for row, text in enumerate(right):
        sheet.put(right_x, 60 + 14 * row, text)
    return sheet


def _segments(line: Line) -> list[str]:
    return [line.text[start:end] for start, end in line.segments()]


def test_party_blocks_a_narrow_gutter_apart_are_two_parties() -> None:
    sheet = _blocks(
        ["Verkäufer:", "Lindqvist Werkzeuge GmbH", "Kanalweg 7", "04109 Leipzig"],
        ["Käufer:", "Oskar Brandt e.K.", "Marktplatz 2", "01067 Dresden"],
        gutter_em=0.6,
    )
    sheet.put(40, 140, "Rechnung Nr. 88-2024")
    sheet.put(40, 156, "Rechnungsdatum: 12.06.2024")
    sheet.put(300, 240, "Gesamtbetrag 238,00 EUR")

    found = values(extract_page(sheet.page()))

    assert found["issuer.name"] == "Lindqvist Werkzeuge GmbH"
    assert found["recipient.name"] == "Oskar Brandt e.K."


def test_the_gutter_splits_only_lines_whose_neighbours_share_the_column_edge() -> None:
    sheet = _blocks(
        ["Atelier Rousseau SARL", "12 rue des Tanneurs", "69001 Lyon"],
        ["Client Boulanger", "Avenue Foch", "75016 Paris"],
        gutter_em=0.6,
    )
    sheet.put(40, 200, "Merci pour votre confiance")
    sheet.put(40 + _width("Merci pour votre confiance") + 6, 200, "et à bientôt")  # one wide space, alone

    lines = build_lines(sheet.page())

    assert [_segments(line) for line in lines] == [
        ["Atelier Rousseau SARL", "Client Boulanger"],
        ["12 rue des Tanneurs", "Avenue Foch"],
        ["69001 Lyon", "75016 Paris"],
        ["Merci pour votre confiance et à bientôt"],
    ]


def test_evenly_spaced_monospace_text_is_not_cut_where_its_words_align() -> None:
    # A fixed-pitch printout: every space is 0.6 em, so words of consecutive lines align by the grid.
    words: list[Word] = []
    for row, text in enumerate(["Invoice no 4711", "Invoice date 2024-06-12", "Invoice type standard"]):
        x = 40.0
        for token in text.split():
            words.append(Word(text=token, x0=x, y0=60 + 14 * row, x1=x + 6 * len(token), y1=70 + 14 * row))
            x += 6 * len(token) + 6
    page = PageText(1, 595.0, 842.0, Sheet().source, words)

    assert [_segments(line) for line in build_lines(page)] == [
        ["Invoice no 4711"],
        ["Invoice date 2024-06-12"],
        ["Invoice type standard"],
    ]


def test_a_figure_and_its_unit_stay_one_cell() -> None:
    sheet = Sheet(font_size=SIZE)
    for row, (quantity, unit) in enumerate([("3", "pcs"), ("12", "pcs"), ("1", "box")]):
        sheet.put(80, 60 + 14 * row, quantity, right=True)
        sheet.put(86, 60 + 14 * row, unit)

    assert [_segments(line) for line in build_lines(sheet.page())] == [["3 pcs"], ["12 pcs"], ["1 box"]]


def test_a_value_column_close_to_its_labels_keeps_the_credit_note_number() -> None:
    # Italian labels whose longest one nearly touches the value column: the label is the whole title, so
    # the number in the next segment is its value (not the referenced invoice's number below).
    labels = ["Numero nota di credito", "Data", "Rif. fattura"]
    sheet = _blocks(labels, ["NC-2024/0193", "14.05.2024", "FT-2024/0877"], gutter_em=0.6)
    sheet.put(40, 20, "Officine Baldini S.r.l.")
    sheet.put(40, 140, "Totale documento -122,00 EUR")
    page = sheet.page()

    context = analyse(page)
    first = context.lines[1]
    (label,) = context.header_labels[first.index]

    assert first.text[label.start : label.end].strip() == "Numero nota di credito"
    assert values(extract_page(page))["invoice_number"] == "NC-2024/0193"
