"""Pages lit unevenly (a photo, a scan with the lid open, a shadow across the sheet) evened out before
they are read.

Tesseract separates ink from paper with one threshold for the whole page: where the paper is grey in a
shadow, it either takes the paper for ink or the ink for paper. A page photographed with its bottom
right corner at 60 % of full light lost its net, tax and gross totals, which stood there. The paper's
own brightness is measured tile by tile (an inch square: the level nearly all its pixels reach, the paper
between the glyphs), interpolated smoothly over the page, and the page is divided by it: paper white
everywhere, ink as dark against it as it was. A dark band or a picture filling a tile is an outlier among
its neighbours and does not count. Pages whose paper is already even (office
scans, renders) are left as they are, so their readings do not change.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

# The paper's level is sampled in tiles this many pixels wide (200 dpi: an inch), as the level this share
# of the tile's pixels reach: the paper between the glyphs.
TILE = 200
PAPER_QUANTILE = 98
# Evened only when the paper's level varies by more than this (0-255) over the page; office scans vary
# by ~10.
MIN_SPREAD = 40


def evened(image: Image.Image) -> Image.Image:
    """``image`` (grey) with its paper brought to white where the lighting left it grey; ``image``
    itself when the paper is even."""
    grey = image if image.mode == "L" else image.convert("L")
    # Measured on the page at half size (one call over all tiles): a quarter of the pixels, same levels.
    half = np.asarray(grey.reduce(2), dtype=np.uint8)
    side = TILE // 2
    rows, columns = max(1, half.shape[0] // side), max(1, half.shape[1] // side)
    tiles = half[: rows * side, : columns * side].reshape(rows, side, columns, side).swapaxes(1, 2)
    levels = np.percentile(tiles.reshape(rows, columns, side * side), PAPER_QUANTILE, axis=2)
    # A tile a dark band or a picture fills is no measure of the light: its neighbours' median is.
    paper = Image.fromarray(levels.astype(np.float32)).filter(ImageFilter.MedianFilter(3))
    spread = np.ptp(np.asarray(paper))
    if spread <= MIN_SPREAD:
        return image
    # The light varies smoothly: the tiles' levels, interpolated over the page.
    background = np.asarray(paper.resize(grey.size, Image.Resampling.BILINEAR), dtype=np.float32)
    page = np.asarray(grey, dtype=np.float32)
    return Image.fromarray(np.clip(page * (255.0 / np.maximum(background, 1.0)), 0, 255).astype(np.uint8))
