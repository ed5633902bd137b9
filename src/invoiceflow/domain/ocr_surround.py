"""A sheet photographed on a desk: the dark surround is cleared before the page is read.

A phone photo shows the invoice as a light sheet inside the darker desk or scanner lid around it. The
surround hides the page from every measure taken before the reading (its skew: the surround's edges are
the longest "lines" on the image; its lighting: the desk is no paper) and Tesseract takes its edges for
text: a page photographed 3.5 degrees askew on a grey desk came back with its totals shifted by one and no
line items. What is dark and joined to all four edges of the image is the surround; it is painted white.
A dark band that runs off the sheet's top, or a picture at a corner, touches two or three edges at most,
so a scan is left as it is.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PIL import Image

# Measured on the image scaled down by this factor (200 dpi -> 25 dpi).
SCALE = 8
# Darker than this (0-255) may be surround.
DARK = 128
# Share of each of the four edges that must be dark for the image to have a surround at all.
MIN_EDGE_SHARE = 0.6
# The surround's edge with the sheet is soft (shadow, blur): cleared this many scaled pixels further.
MARGIN = 1


def without_surround(image: Image.Image) -> Image.Image:
    """``image`` (grey) with the dark surround of a photographed sheet painted white; ``image`` itself
    when it has none."""
    grey = image if image.mode == "L" else image.convert("L")
    # The edges first (strips a scaled pixel wide, on the full image): most pages stop here.
    pixels = np.asarray(grey)
    strips = (
        pixels[:SCALE, :].mean(axis=0),
        pixels[-SCALE:, :].mean(axis=0),
        pixels[:, :SCALE].mean(axis=1),
        pixels[:, -SCALE:].mean(axis=1),
    )
    if min(float((strip < DARK).mean()) for strip in strips) < MIN_EDGE_SHARE:
        return image
    small = np.asarray(
        grey.resize((max(1, grey.width // SCALE), max(1, grey.height // SCALE)), Image.Resampling.BOX)
    )
    dark = small < DARK
    surround = _joined_to_edges(dark)
    for _ in range(MARGIN):
        surround = _grown(surround)
    mask = Image.fromarray((surround * 255).astype(np.uint8)).resize(grey.size, Image.Resampling.NEAREST)
    cleared = grey.copy()
    cleared.paste(255, mask=mask)
    return cleared


def _joined_to_edges(dark: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """The dark pixels connected (4-neighbourhood) to the image's edges."""
    reached = np.zeros_like(dark)
    reached[0, :], reached[-1, :], reached[:, 0], reached[:, -1] = (
        dark[0, :],
        dark[-1, :],
        dark[:, 0],
        dark[:, -1],
    )
    while True:
        grown = _grown(reached) & dark
        if np.array_equal(grown, reached):
            return reached
        reached = grown


def _grown(mask: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """``mask`` and its 4-neighbours."""
    grown = mask.copy()
    grown[1:, :] |= mask[:-1, :]
    grown[:-1, :] |= mask[1:, :]
    grown[:, 1:] |= mask[:, :-1]
    grown[:, :-1] |= mask[:, 1:]
    return grown
