"""Table cells whose ink no word of the reading covers: a column of lone figures the page pass dropped.

Tesseract's page analysis drops narrow columns of short figures (quantities "3", "1", "12" centred or
right-aligned in a ruled cell) whole. ``missing_cells`` finds a column's holes from the figures of that
column that were read, so it cannot find a column of which at most one or two cells were read. Here the
holes are found from the ink: in every table row (a band of at least two number words), the gaps between
the words read are searched for a glyph-sized blob of ink (``ink_blob``: as tall as a figure, inside the
row's band, no rule running through it); the blobs of several rows, or of one row and a figure read in
another, that line up in one column are the cells to read again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Mask = npt.NDArray[np.bool_]

# Grey level below which a pixel is ink (glyphs of a scan are far darker; the scanner's noise never is).
INK = 160
# A blob is as tall as this share of the row's figures at least, and at most that much taller.
MIN_TALL = 0.5
MAX_TALL = 1.4
# Ink columns closer than this share of the figure height belong to one blob (the glyphs of one figure).
JOIN = 0.6
# A gap is searched this share of the figure height away from the words that bound it (their boxes are
# tight; the blur of their last glyph lies beside them).
CLEARANCE = 0.3
# Ink this share of the figure height above and below the band, at the blob's columns: a rule or a
# glyph of the lines above and below running through it, no figure of its own.
OUTSIDE = 0.45
# Blobs of different rows, or a blob and a figure read, form one column when their right edges lie
# within this share of the figure height, or their centres do (centred figures of one and two digits).
ALIGN = 0.6


def ink_blobs(
    ink: Mask, left: float, right: float, centre: float, height: float
) -> list[tuple[int, int, int, int]]:
    """Glyph-sized blobs of ink between ``left`` and ``right`` in the band of one row (``centre`` and the
    figure ``height`` in pixels): (left, top, right, bottom) each, in pixels."""
    import numpy as np

    rows, columns = ink.shape
    x0, x1 = max(0, round(left + CLEARANCE * height)), min(columns, round(right - CLEARANCE * height))
    top, bottom = max(0, round(centre - 0.75 * height)), min(rows, round(centre + 0.75 * height))
    if x1 - x0 < 2 or bottom - top < 2:
        return []
    band = ink[top:bottom, x0:x1]
    inked = np.flatnonzero(band.any(axis=0))
    if inked.size == 0:
        return []
    blobs: list[tuple[int, int, int, int]] = []
    breaks = np.flatnonzero(np.diff(inked) > JOIN * height)
    for first, last in zip(np.r_[0, breaks + 1], np.r_[breaks, inked.size - 1], strict=True):
        start, end = int(inked[first]), int(inked[last]) + 1
        part = band[:, start:end]
        filled = np.flatnonzero(part.any(axis=1))
        tall = int(filled[-1] - filled[0] + 1)
        if not MIN_TALL * height <= tall <= MAX_TALL * height:
            continue
        if filled[0] == 0 or filled[-1] == part.shape[0] - 1:
            continue  # ink up to the band's edge: a glyph of the line above or below, or a rule
        above = ink[max(0, round(top - OUTSIDE * height)) : top, x0 + start : x0 + end]
        below = ink[bottom : min(rows, round(bottom + OUTSIDE * height)), x0 + start : x0 + end]
        if above.all(axis=0).any() or below.all(axis=0).any():
            continue  # a rule through the band
        blobs.append((x0 + start, top + int(filled[0]), x0 + end, top + int(filled[-1]) + 1))
    return blobs


def aligned(blob: tuple[int, int, int, int], others: list[tuple[float, float]], height: float) -> bool:
    """Whether ``blob`` lines up in one column with any of ``others`` ((left, right) of blobs of other
    rows and of figures read)."""
    centre = (blob[0] + blob[2]) / 2
    return any(
        abs(blob[2] - right) <= ALIGN * height or abs(centre - (left + right) / 2) <= ALIGN * height
        for left, right in others
    )
