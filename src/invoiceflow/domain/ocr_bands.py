"""Shaded bands of a page image (dark table-header bars, coloured title bands, grey boxes) cut out and
normalised to black text on white, so that they can be read as small images of their own.

Tesseract binarises a page with one global threshold: white text on a dark or coloured bar comes out as a
solid block and is lost, and dark text on a mid-grey band sinks into its background. Read alone, with the
band's own background mapped to white and its text to black, the same words come back.

A band is found on a grid of cells (``cell`` pixels square): a cell is shaded when its mean grey is below
``SHADED``; a band's core is a connected area of cells whose whole neighbourhood is shaded (text
strokes, even bold ones, are too thin for that). White type lightens the cells of a narrow bar enough to
break its core, so cores side by side are joined and a band grows sideways over its ends until paper.
The band pass and its merge into the page reading are ``TesseractEngine.read_shaded_bands``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from invoiceflow.domain.ocr_rules import long_runs

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Grey = npt.NDArray[np.uint8]

# Mean grey (0 black .. 255 white) below which a cell is shaded: dark and coloured bars (blue, red, teal
# and green at 50-150 in grey), mid-grey boxes; the light greys of zebra rows (200+) are read fine as is.
SHADED = 175
# A band must be at least this tall and wide (in cells, after the shaded core grows back by one cell)
# and fill this share of its bounding box with shaded cells.
MIN_ROWS = 3
MIN_COLUMNS = 6
MIN_FILL = 0.6
# Mean grey of a column of cells above which it is paper, not a band (with or without text on it).
PAPER = 215
# Cores on the same rows at most this many cells apart are one band.
JOIN_GAP = 3
# A band taller than this share of the page is a picture, not a bar.
MAX_HEIGHT_SHARE = 0.2
# Share of a row's pixels near the band's grey for the row to be part of the band.
BAND_ROW_SHARE = 0.25
# Pixels of the band's edge (anti-aliased, blurred by the scanner) left out of its reading.
EDGE = 2
# Text must differ from its band's background by this many grey levels to be read, and cover at least
# this many pixels (a few strokes).
MIN_CONTRAST = 60
MIN_TEXT_PIXELS = 40
# A run of pixels far from a band's grey this many cells long is a rule, not text.
RULE_CELLS = 8


@dataclass(frozen=True, slots=True)
class Band:
    """A shaded band: its box in page pixels (left, top, right, bottom), its background grey and, once
    normalised, its pixels."""

    box: tuple[int, int, int, int]
    background: int
    pixels: Grey | None = None  # the band normalised to black on white (``normalised_band``)


def cell_size(width: int, height: int) -> int:
    """Grid cell side for a page image: 8 px for A4 at 200 dpi (the shorter side over 200)."""
    return max(4, round(min(width, height) / 200))


def find_bands(grey: Grey, cell: int) -> list[Band]:
    """The shaded bands of a grey page image, top to bottom."""
    import numpy as np

    rows, columns = grey.shape[0] // cell, grey.shape[1] // cell
    if rows < MIN_ROWS or columns < MIN_COLUMNS:
        return []
    means = grey[: rows * cell, : columns * cell].reshape(rows, cell, columns, cell).mean(axis=(1, 3))
    shaded = means < SHADED
    # The core: shaded cells whose eight neighbours are shaded too (a 3 x 3 erosion).
    core = shaded.copy()
    core[0, :] = core[-1, :] = core[:, 0] = core[:, -1] = False
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            core[1:-1, 1:-1] &= shaded[1 + dy : rows - 1 + dy, 1 + dx : columns - 1 + dx]
    grown: list[tuple[tuple[int, int, int, int], int]] = []
    for core_top, core_left, core_bottom, core_right in _joined(ink_components(core)):
        # grow back by the cell the erosion took
        top, left = max(0, core_top - 1), max(0, core_left - 1)
        bottom, right = min(rows, core_bottom + 1), min(columns, core_right + 1)
        height, width = bottom - top, right - left
        if height < MIN_ROWS or width < MIN_COLUMNS or height * cell > MAX_HEIGHT_SHARE * grey.shape[0]:
            continue
        if shaded[top:bottom, left:right].mean() < MIN_FILL:
            continue
        inner = means[top:bottom, left:right][core[top:bottom, left:right]]
        background = int(np.median(inner)) if inner.size else int(np.median(means[top:bottom, left:right]))
        # Grow sideways over the band's ends where its text lightened the cells too much to be core (a
        # mid-tone bar with white bold type); paper stops it.
        column_grey = np.median(means[core_top:core_bottom, :], axis=0)
        while left > 0 and column_grey[left - 1] < PAPER:
            left -= 1
        while right < columns and column_grey[right] < PAPER:
            right += 1
        grown.append(((top, left, bottom, right), background))
    bands: list[Band] = []
    # Cores of one band may have grown into the same box.
    for top, left, bottom, right in _joined([box for box, _grey in grown]):
        background = next(grey for box, grey in grown if top <= box[0] and left <= box[1])
        # one cell of margin: the band's true edge lies somewhere in its outer cells
        box = (
            max(0, (left - 1) * cell),
            max(0, (top - 1) * cell),
            min(grey.shape[1], (right + 1) * cell),
            min(grey.shape[0], (bottom + 1) * cell),
        )
        bands.append(Band(box, background))
    bands.sort(key=lambda band: (band.box[1], band.box[0]))
    return bands


def ink_components(mask: npt.NDArray[np.bool_]) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (top, left, bottom, right; exclusive ends) of the 4-connected areas of a small
    boolean grid (a few hundred cells a side, few of them set)."""
    import numpy as np

    todo = {(int(r), int(c)) for r, c in np.argwhere(mask)}
    boxes: list[tuple[int, int, int, int]] = []
    while todo:
        start = todo.pop()
        stack = [start]
        top = bottom = start[0]
        left = right = start[1]
        while stack:
            r, c = stack.pop()
            top, bottom, left, right = min(top, r), max(bottom, r), min(left, c), max(right, c)
            for neighbour in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if neighbour in todo:
                    todo.remove(neighbour)
                    stack.append(neighbour)
        boxes.append((top, left, bottom + 1, right + 1))
    return boxes


def _joined(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Boxes side by side on the same rows joined into one: the glyphs of white text lighten the cells
    of a narrow bar enough to cut its core where the text is."""
    boxes = sorted(boxes, key=lambda box: box[1])
    joined: list[tuple[int, int, int, int]] = []
    for box in boxes:
        for n, other in enumerate(joined):
            shared = min(box[2], other[2]) - max(box[0], other[0])
            if shared >= 0.5 * min(box[2] - box[0], other[2] - other[0]) and box[1] - other[3] <= JOIN_GAP:
                joined[n] = (
                    min(box[0], other[0]),
                    min(box[1], other[1]),
                    max(box[2], other[2]),
                    max(box[3], other[3]),
                )
                break
        else:
            joined.append(box)
    return joined


def normalised_band(grey: Grey, band: Band, cell: int) -> Band | None:
    """The band cut to its own pixels (the box shrunk to them) and its pixels as black text on white:
    its background mapped to white, its text to black, and the paper around it (corners of a skewed
    band) to white. None when nothing in it stands out from the background (a plain bar)."""
    import numpy as np

    left, top, right, bottom = band.box
    crop = grey[top:bottom, left:right].astype(np.int16)
    background = band.background
    # The band's own pixels: near its background grey. Paper lies outside the first and last of them in
    # every row and every column (a band is a rectangle, perhaps turned a little).
    near = np.abs(crop - background) < max(MIN_CONTRAST // 2, (255 - background) // 2)
    # Only rows mostly of the band's grey count: dark text just above or below a dark band is as near
    # its grey as the band itself, but covers a small share of its row.
    near &= near.mean(axis=1, keepdims=True) >= BAND_ROW_SHARE
    inside = _between_first_and_last(near, axis=0) & _between_first_and_last(near, axis=1)
    inside = _shrunk(inside, EDGE)  # the band's soft edge would read as a frame around its text
    if not inside.any():
        return None
    # Long runs far from the band's grey are rules along its edge (an address box drawn against the
    # bar's bottom), not text: they would decide the text's polarity and be read as a line of text.
    far = (np.abs(crop - background) >= MIN_CONTRAST) & inside
    inside &= ~long_runs(far, RULE_CELLS * cell)
    if not inside.any():
        return None
    values = crop[inside]
    # The text's polarity: more pixels clearly lighter than the band (white type) or darker (black).
    lighter = int((values >= background + MIN_CONTRAST).sum())
    darker = int((values <= background - MIN_CONTRAST).sum())
    if max(lighter, darker) < MIN_TEXT_PIXELS:
        return None
    text = np.percentile(values, 99.5) if lighter >= darker else np.percentile(values, 0.5)
    scaled = (crop - text) * (255.0 / (background - text))
    out = np.clip(scaled, 0, 255).astype(np.uint8)
    out[~inside] = 255
    rows = np.flatnonzero(inside.any(axis=1))
    columns = np.flatnonzero(inside.any(axis=0))
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    first, last = int(columns[0]), int(columns[-1]) + 1
    box = (left + first, band.box[1] + top, left + last, band.box[1] + bottom)
    return Band(box, background, out[top:bottom, first:last])


def _between_first_and_last(mask: npt.NDArray[np.bool_], axis: int) -> npt.NDArray[np.bool_]:
    """True from the first to the last set element along ``axis`` (each row or column on its own)."""
    import numpy as np

    length = mask.shape[axis]
    index = np.arange(length).reshape((-1, 1) if axis == 0 else (1, -1))
    any_set = mask.any(axis=axis, keepdims=True)
    first = np.argmax(mask, axis=axis, keepdims=True)
    last = length - 1 - np.argmax(np.flip(mask, axis=axis), axis=axis, keepdims=True)
    between: npt.NDArray[np.bool_] = any_set & (index >= first) & (index <= last)
    return between


def _shrunk(mask: npt.NDArray[np.bool_], by: int) -> npt.NDArray[np.bool_]:
    """The mask without the ``by`` pixels nearest its outside (a square erosion)."""
    out = mask.copy()
    for step in range(1, by + 1):
        out[step:, :] &= mask[:-step, :]
        out[:-step, :] &= mask[step:, :]
        out[:, step:] &= mask[:, :-step]
        out[:, :-step] &= mask[:, step:]
    return out
