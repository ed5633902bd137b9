"""A levelled OCR page whose table rows are two text lines tall with the figures centred between them:
the figures' line stands half a line below the description's first line and half a line above its
second. A slope pairs them with the first line, its mirror with the second; neither is a turned page, so
the page must stay level, while a page really turned still is levelled."""

from __future__ import annotations

from tests.unit.sheets import Sheet

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.layout import build_lines, estimate_skew
from invoiceflow.domain.models import PageText, TextSource, Word


def _line(words: list[Word], y: float, tokens: list[tuple[float, str]], skew: float = 0.0) -> None:
    """One OCR line: every word with the line's box, shifted by ``skew`` × the line's middle x."""
    shift = skew * (tokens[0][0] + tokens[-1][0] + 6 * len(tokens[-1][1])) / 2
    for x, token in tokens:
        words.append(Word(text=token, x0=x, y0=y + shift, x1=x + 5 * len(token), y1=y + shift + 7))


def _centred_rows(skew: float = 0.0) -> list[Word]:
    words: list[Word] = []
    _line(words, 60, [(50, "Faktura"), (110, "4471")], skew)
    _line(words, 100, [(50, "Opis"), (330, "Ilość"), (420, "Cena"), (520, "Kwota")], skew)
    rows = [
        ("Przegląd", "kotła", "2", "150,00", "300,00"),
        ("Czyszczenie", "okien", "4", "80,00", "320,00"),
        ("Dostawa", "palet", "1", "95,00", "95,00"),
        ("Montaż", "regału", "3", "60,00", "180,00"),
    ]
    for n, (first, second, qty, price, amount) in enumerate(rows):
        y = 120 + 28 * n
        _line(words, y, [(50, first), (100, second)], skew)
        _line(words, y + 11, [(50, "usługa"), (90, "serwisowa")], skew)
        # the row's figures, centred in the two-line row: half a line under the first text line
        _line(words, y + 5.5, [(340, qty), (420, price), (520, amount)], skew)
    _line(words, 250, [(420, "Razem"), (520, "895,00")], skew)
    return words


def test_figures_centred_between_two_lines_do_not_turn_a_level_page() -> None:
    assert estimate_skew(_centred_rows()) == 0.0


def test_the_lines_of_a_level_page_with_centred_figures_stay_level() -> None:
    page = PageText(page_number=1, width=595, height=842, text_source=TextSource.OCR, words=_centred_rows())
    texts = [line.text for line in build_lines(page)]
    # Each figures' line keeps its own place between the two text lines of its row, and the header and
    # the total are not moved off their rows.
    assert texts[:5] == [
        "Faktura 4471",
        "Opis Ilość Cena Kwota",
        "Przegląd kotła",
        "2 150,00 300,00",
        "usługa serwisowa",
    ]
    assert texts[-1] == "Razem 895,00"


def test_a_turned_page_of_side_by_side_fragments_is_still_levelled() -> None:
    # Label/value pairs read as separate fragments, the page turned by about a degree.
    words: list[Word] = []
    for n in range(8):
        y = 100 + 14 * n
        _line(words, y, [(50, f"Pole{n}")], 0.017)
        _line(words, y, [(300, f"Wartość{n}")], 0.017)
    assert 0.01 <= estimate_skew(words) <= 0.02
    page = PageText(page_number=1, width=595, height=842, text_source=TextSource.OCR, words=words)
    assert [line.text for line in build_lines(page)] == [f"Pole{n} Wartość{n}" for n in range(8)]


def test_an_ocr_header_row_cut_in_two_by_line_grouping_heads_the_table() -> None:
    """The labels of one header row boxed a few points apart (an accented label, a shaded bar read on its
    own): line grouping makes two lines of them, side by side, neither over the other; together they are
    the table's header, and the description column keeps its rows' second lines."""
    s = Sheet(TextSource.OCR, font_size=8)
    s.put(50, 40, "Factura 2025-118")
    s.put(300, 100, "Cant.")
    s.put(400, 100, "Precio")
    s.put(500, 100, "Importe")
    s.put(50, 104.5, "Nº")
    s.put(80, 104.5, "Descripción")
    rows = [
        ("Poda de setos", "jardín trasero", "2", "85,00", "170,00"),
        ("Riego", "revisión anual", "1", "60,00", "60,00"),
    ]
    for n, (first, second, qty, price, amount) in enumerate(rows):
        y = 124 + 26 * n
        s.put(50, y, str(n + 1))
        s.put(80, y, first)
        s.put(330, y, qty, right=True)
        s.put(440, y, price, right=True)
        s.put(540, y, amount, right=True)
        s.put(80, y + 10, second)
    s.put(440, 190, "Total")
    s.put(540, 190, "230,00", right=True)
    got = [(i.description, str(i.quantity), str(i.amount)) for i in extract_page(s.page()).line_items]
    assert got == [("Poda de setos jardín trasero", "2", "170.00"), ("Riego revisión anual", "1", "60.00")]
