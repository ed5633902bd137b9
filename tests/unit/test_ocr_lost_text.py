"""The local-threshold pass over text the page pass lost: the lost-ink measure on drawn page images and
the merge of the second reading into the first."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from invoiceflow.domain.ocr_lost import LOST_SHARE, lost_ink
from invoiceflow.domain.ocr_merge import merge_lost_text
from invoiceflow.domain.ocr_words import PixelWord


def _page() -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """A 1000 x 1400 white page with twelve lines of dark text, a table grid and a dark bar; the boxes
    of the text lines."""
    image = Image.new("L", (1000, 1400), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=28)
    boxes = []
    for n in range(12):
        y = 100 + 90 * n
        draw.text((80, y), f"Zeile {n} Lieferung Nordhafen 12,50", fill=20, font=font)
        boxes.append(
            tuple(int(v) for v in draw.textbbox((80, y), f"Zeile {n} Lieferung Nordhafen 12,50", font=font))
        )
    for y in range(80, 1300, 90):  # the grid: rules between the rows and down the side
        draw.line((60, y, 940, y), fill=0, width=2)
    draw.line((60, 80, 60, 1250), fill=0, width=2)
    draw.rectangle((700, 20, 940, 70), fill=30)  # a solid bar: a fill, not text
    return np.asarray(image), boxes  # type: ignore[return-value]


def _words(boxes: list[tuple[int, int, int, int]], confidence: float = 0.95) -> list[PixelWord]:
    return [PixelWord("Zeile", *box, confidence, (1, 1, n)) for n, box in enumerate(boxes)]


def test_a_page_read_in_full_has_no_lost_ink_despite_rules_and_fills() -> None:
    grey, boxes = _page()
    found = lost_ink(grey, _words(boxes))
    assert found.inked > 0
    assert found.share < 0.05
    assert not found.worth_rereading


def test_a_page_whose_lower_half_was_not_read_is_worth_reading_again() -> None:
    grey, boxes = _page()
    found = lost_ink(grey, _words(boxes[:6]))
    assert found.share > LOST_SHARE
    assert found.worth_rereading
    # Unsure words do not cover their cells: noise read where the text was lost.
    assert lost_ink(grey, _words(boxes[:6]) + _words(boxes[6:], confidence=0.2)).worth_rereading


def test_merge_adds_confident_new_words_where_the_first_reading_had_none() -> None:
    first = [
        PixelWord("Omschrijving", 100, 100, 300, 130, 0.96, (1, 1, 1)),
        PixelWord("sl", 100, 200, 140, 230, 0.21, (1, 2, 1)),  # noise where a row was lost
    ]
    second = [
        PixelWord("Omschrljving", 100, 100, 300, 130, 0.97, (1, 1, 1)),  # overlaps a sure word: not added
        PixelWord("Onderhoud", 100, 200, 260, 230, 0.93, (1, 2, 1)),
        PixelWord("311,40", 700, 200, 800, 230, 0.91, (1, 2, 1)),
        PixelWord("~", 900, 200, 910, 230, 0.95, (1, 2, 1)),  # no letter or digit
        PixelWord("Kabel", 100, 300, 180, 330, 0.4, (1, 3, 1)),  # not confident enough
    ]
    merged = merge_lost_text(first, second)
    assert [w.text for w in merged] == ["Omschrijving", "Onderhoud", "311,40"]
    assert all(w.line[0] >= 40_000 for w in merged[1:])  # lines of their own


def test_merge_without_new_words_keeps_the_first_reading() -> None:
    first = [PixelWord("Total", 100, 100, 200, 130, 0.3, (1, 1, 1))]
    assert merge_lost_text(first, []) == first
