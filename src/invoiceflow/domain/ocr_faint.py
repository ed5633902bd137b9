"""Faint text of a page image (light-grey type: item names, footers, captions printed in 40 % grey) found
and darkened, so that it can be read as small images of its own.

Tesseract binarises a page with one global threshold set between paper and the page's black type: text
printed in light grey, lightened further by a scanner's blur, falls on the paper's side and disappears
with no word at all. Such text shows on a grid of cells (``cell`` pixels square) as cells holding a fair
share of mid-grey pixels and no dark one, with no dark cell beside them (the blurred edges of black type
are mid-grey too, but always next to its dark cores). Cells of a rule (a thin grey line) or of a shaded
box (no paper-white pixels in them) are no text. Cells side by side form lines; each line is stretched
so that its faintest ink becomes black and its paper white. The pass over them and its merge into the
page reading are ``TesseractEngine.read_faint_lines``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from invoiceflow.domain.ocr_bands import ink_components
from invoiceflow.domain.ocr_rules import long_runs

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Grey = npt.NDArray[np.uint8]

# Grey levels: below DARK a pixel is ink of ordinary (black or dark) type; from DARK to FAINT it is faint
# ink (or the soft edge of dark ink); above FAINT paper, scan noise included.
DARK = 120
FAINT = 215
# A cell holds faint text when this share of its pixels is faint ink, and is a shaded area (no text)
# above the second share.
MIN_FAINT_SHARE = 0.08
MAX_FAINT_SHARE = 0.6
# Faint text lies on paper: at least this share of a text cell's pixels is within PAPER_MARGIN grey levels
# of the page's paper (its median); the cells of a light-grey bar or box, noise and all, are darker.
MIN_PAPER_SHARE = 0.1
PAPER_MARGIN = 10
# Dust specks are single dark pixels: a cell with at most this many dark pixels still counts as faint.
SPECK_PIXELS = 2
# Faint cells at most this many cells apart on a row join into one line (the gaps between letters and
# words).
JOIN_CELLS = 3
# A faint line is at least this many cells tall and wide, and at most this many cells tall (taller:
# a picture or a logo, not a line of type).
MIN_ROWS = 2
MIN_COLUMNS = 4
MAX_ROWS = 8
# A run of pixels darker than RULE_GREY this many cells long is a rule or a box's edge, not text (text has
# paper between its letters).
RULE_CELLS = 6
RULE_GREY = 228
# Padding (pixels) round a line's cells when it is cut out.
PAD = 3


@dataclass(frozen=True, slots=True)
class FaintLine:
    """A line of faint text: its box in page pixels (left, top, right, bottom) and its pixels darkened
    to black on white."""

    box: tuple[int, int, int, int]
    pixels: Grey


def find_faint_lines(grey: Grey, cell: int) -> list[FaintLine]:
    """The lines of faint text of a grey page image, top to bottom, each darkened (``_darkened``)."""
    import numpy as np

    rows, columns = grey.shape[0] // cell, grey.shape[1] // cell
    if rows < MIN_ROWS or columns < MIN_COLUMNS:
        return []
    page = grey[: rows * cell, : columns * cell]
    faint_ink = (page >= DARK) & (page < FAINT)
    # Grey rules and the edges of grey boxes, found on a looser threshold: scan noise lifts a grey rule's
    # pixels above FAINT here and there, which would cut its runs short.
    ruled = page < RULE_GREY
    faint_ink &= ~long_runs(ruled, RULE_CELLS * cell)
    faint_ink &= ~long_runs(ruled.T.copy(), RULE_CELLS * cell).T
    area = cell * cell
    faint_share = faint_ink.reshape(rows, cell, columns, cell).sum(axis=(1, 3)) / area
    # the paper's grey: the median of every fourth pixel each way (a full median costs a sort)
    paper = (page >= float(np.median(page[::4, ::4])) - PAPER_MARGIN).reshape(rows, cell, columns, cell)
    on_paper = paper.sum(axis=(1, 3)) / area >= MIN_PAPER_SHARE
    dark = (page < DARK).reshape(rows, cell, columns, cell).sum(axis=(1, 3)) > SPECK_PIXELS
    # The soft edges of dark type lie next to its dark cores: no faint cell beside a dark one.
    near_dark = dark.copy()
    near_dark[1:, :] |= dark[:-1, :]
    near_dark[:-1, :] |= dark[1:, :]
    near_dark[:, 1:] |= dark[:, :-1]
    near_dark[:, :-1] |= dark[:, 1:]
    faint = (faint_share >= MIN_FAINT_SHARE) & (faint_share <= MAX_FAINT_SHARE) & on_paper & ~near_dark
    # Letters and words of a line join across their gaps, but not across dark type.
    joined = faint.copy()
    for step in range(1, JOIN_CELLS + 1):
        bridge = faint[:, :-step] & faint[:, step:]
        for offset in range(1, step):
            bridge &= ~near_dark[:, offset : columns - step + offset]
        for offset in range(1, step):
            joined[:, offset : columns - step + offset] |= bridge
    lines: list[FaintLine] = []
    for top, left, bottom, right in ink_components(joined):
        if not (MIN_ROWS <= bottom - top <= MAX_ROWS) or right - left < MIN_COLUMNS:
            continue
        box = (
            max(0, left * cell - PAD),
            max(0, top * cell - PAD),
            min(grey.shape[1], right * cell + PAD),
            min(grey.shape[0], bottom * cell + PAD),
        )
        crop = grey[box[1] : box[3], box[0] : box[2]]
        if (crop < DARK).sum() > SPECK_PIXELS * (right - left):
            continue  # dark type inside the box: the page pass reads it
        lines.append(FaintLine(box, _darkened(crop)))
    lines.sort(key=lambda line: (line.box[1], line.box[0]))
    return lines


def _darkened(crop: Grey) -> Grey:
    """The crop with its faintest ink mapped to black and its paper to white (a linear stretch)."""
    import numpy as np

    values = crop.astype(np.float32)
    ink = float(np.percentile(values, 1))
    paper = float(np.median(values))
    if paper - ink < 1:
        return crop
    stretched = (values - ink) * (255.0 / (paper - ink))
    out: Grey = np.clip(stretched, 0, 255).astype(np.uint8)
    return out
