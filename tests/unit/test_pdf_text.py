"""Text-layer words from real reportlab PDFs: boxes in points, top-left origin, reading order, /Rotate."""

from __future__ import annotations

import copy
import dataclasses
import io
import pickle
from collections.abc import Callable

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from invoiceflow.domain.errors import ErrorCode, InvalidDocumentError
from invoiceflow.domain.models import PageText, TextSource, Word
from invoiceflow.domain.pdf import document_text, page_text
from invoiceflow.domain.pdf_text import group_lines, reading_order

A4 = (595.0, 842.0)
Draw = Callable[[canvas.Canvas], None]


def make_pdf(*pages: Draw, pagesize: tuple[float, float] = A4, rotate: int = 0) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=pagesize)
    for draw in pages:
        if rotate:
            c.setPageRotation(rotate)
        draw(c)
        c.showPage()
    c.save()
    return buffer.getvalue()


def by_text(page: PageText) -> dict[str, Word]:
    return {w.text: w for w in page.words}


def test_word_boxes_are_in_points_with_top_left_origin() -> None:
    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 12)
        c.drawString(72, 842 - 100, "Invoice 2024-001")  # baseline 100 pt below the top edge

    page = page_text(make_pdf(draw), 1)

    assert page.text_source is TextSource.TEXT_LAYER
    assert (page.page_number, round(page.width), round(page.height)) == (1, 595, 842)
    assert [w.text for w in page.words] == ["Invoice", "2024-001"]
    invoice, number = page.words
    assert invoice.x0 == pytest.approx(72, abs=1)
    # the box straddles the baseline: mostly above it (smaller y), the descent below it
    assert invoice.y0 == pytest.approx(100 - 12 * 0.9, abs=2.5)
    assert 100 < invoice.y1 < 100 + 12 * 0.35
    assert invoice.x1 < number.x0
    assert invoice.x1 - invoice.x0 == pytest.approx(stringWidth("Invoice", "Helvetica", 12), abs=0.5)
    assert number.y0 == pytest.approx(invoice.y0, abs=0.5)


def test_reading_order_is_by_line_then_x_whatever_the_drawing_order() -> None:
    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 10)
        # drawn right column first, bottom line first
        c.drawString(400, 600, "Total")
        c.drawString(480, 600, "99.00")
        c.drawString(400, 700, "Date")
        c.drawString(480, 700, "2024-03-01")
        c.drawString(72, 600, "Bank")
        c.drawString(72, 700, "ACME GmbH")
        c.setFont("Helvetica-Bold", 16)  # a bigger font on the same baseline stays on the line
        c.drawString(200, 700, "INVOICE")

    page = page_text(make_pdf(draw), 1)

    assert [w.text for w in page.words] == [
        *("ACME", "GmbH", "INVOICE", "Date", "2024-03-01"),
        *("Bank", "Total", "99.00"),
    ]
    assert [[w.text for w in line] for line in group_lines(page.words)] == [
        ["ACME", "GmbH", "INVOICE", "Date", "2024-03-01"],
        ["Bank", "Total", "99.00"],
    ]


def test_dense_lines_are_not_merged() -> None:
    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 9)
        for i in range(40):
            c.drawString(72, 800 - i * 11, f"row{i} left")
            c.drawRightString(520, 800 - i * 11, f"{i},00")

    lines = group_lines(page_text(make_pdf(draw), 1).words)

    assert [[w.text for w in line] for line in lines] == [[f"row{i}", "left", f"{i},00"] for i in range(40)]


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_rotated_page_gives_display_coordinates(rotate: int) -> None:
    """Text drawn counter-rotated on a /Rotate page reads horizontally on screen: words must too."""

    def draw(c: canvas.Canvas) -> None:
        c.saveState()
        c.translate(300, 400)
        c.rotate(rotate)
        c.setFont("Helvetica", 12)
        c.drawString(0, 0, "Rotated invoice text")
        c.drawString(0, -20, "second line")
        c.restoreState()

    page = page_text(make_pdf(draw, rotate=rotate), 1)

    # reportlab swaps the MediaBox of a 90/270 page (842 x 595) so that it *displays* as A4 portrait
    assert (round(page.width), round(page.height)) == (595, 842)
    assert [w.text for w in page.words] == ["Rotated", "invoice", "text", "second", "line"]
    for word in page.words:
        assert word.x1 - word.x0 > word.y1 - word.y0  # horizontal on screen
        assert 0 <= word.x0 < word.x1 <= page.width
        assert 0 <= word.y0 < word.y1 <= page.height
    first, second = page.words[0], page.words[3]
    assert first.x0 == pytest.approx(second.x0, abs=1)
    assert second.y0 - first.y0 == pytest.approx(20, abs=1)


def test_crop_box_offset_is_removed() -> None:
    def draw(c: canvas.Canvas) -> None:
        c.setCropBox((100, 100, 400, 600))
        c.setFont("Helvetica", 12)
        c.drawString(150, 500, "Cropped")

    page = page_text(make_pdf(draw), 1)

    assert (round(page.width), round(page.height)) == (300, 500)
    (word,) = page.words
    assert word.x0 == pytest.approx(50, abs=1)
    assert word.y1 == pytest.approx(100, abs=4)


def test_document_text_reads_every_page_in_order() -> None:
    def page_drawer(n: int) -> Draw:
        def draw(c: canvas.Canvas) -> None:
            c.drawString(72, 700, f"Page {n} of 3")

        return draw

    pages = document_text(make_pdf(*(page_drawer(n) for n in (1, 2, 3))))

    assert [p.page_number for p in pages] == [1, 2, 3]
    assert [" ".join(w.text for w in p.words) for p in pages] == [f"Page {n} of 3" for n in (1, 2, 3)]


def test_empty_page_has_no_words() -> None:
    page = page_text(make_pdf(lambda c: None), 1)
    assert page.words == []


def test_words_are_immutable_values_with_boxes() -> None:
    def draw(c: canvas.Canvas) -> None:
        c.drawString(72, 700, "Grand total 1.234,56 €")

    page = page_text(make_pdf(draw), 1)

    assert [w.text for w in page.words] == ["Grand", "total", "1.234,56", "€"]
    first = page.words[0]
    assert first.x0 < first.x1
    assert first.y0 < first.y1
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.x0 = 1.0  # type: ignore[misc]


def test_word_is_a_value_whatever_way_it_is_built() -> None:
    # ``Word`` sets its slots in a hand-written ``__init__`` (speed): it must behave as the generated one.
    positional = Word("Summe", 72.0, 700.5, 110.25, 712.0)
    keyword = Word(text="Summe", x0=72.0, y0=700.5, x1=110.25, y1=712.0)

    assert positional == keyword
    assert hash(positional) == hash(keyword)
    assert pickle.loads(pickle.dumps(positional)) == positional
    assert copy.deepcopy(positional) == positional
    moved = dataclasses.replace(positional, x0=80.0)
    assert (moved.text, moved.x0, moved.x1) == ("Summe", 80.0, 110.25)
    assert positional.x0 == 72.0
    assert dataclasses.astuple(keyword) == ("Summe", 72.0, 700.5, 110.25, 712.0)
    with pytest.raises(TypeError):
        Word("Summe", 72.0)  # type: ignore[call-arg]
    with pytest.raises(dataclasses.FrozenInstanceError):
        keyword.text = "Total"  # type: ignore[misc]


def test_page_number_out_of_range_is_a_stable_error() -> None:
    with pytest.raises(InvalidDocumentError) as info:
        page_text(make_pdf(lambda c: None), 2)
    assert info.value.code is ErrorCode.INVALID_INPUT


def test_reading_order_of_word_objects() -> None:
    words = [
        Word(text="b", x0=50, y0=10, x1=60, y1=20),
        Word(text="c", x0=0, y0=30, x1=10, y1=40),
        Word(text="a", x0=0, y0=11, x1=10, y1=21),
    ]
    assert [w.text for w in reading_order(words)] == ["a", "b", "c"]
