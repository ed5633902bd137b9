"""Scans and photos lying askew by more than a degree or two, levelled before they are read.

The reading copes with the skew of an office scanner (under a degree: the engine's own lines are
levelled afterwards, ``ocr.page_tilt``), but a page photographed or fed at 4 degrees lost its invoice
number and net and tax totals, and at 7 degrees its date as well, while taking three times as long
(levelled: every field back, in the time of a level page).
The skew is found the classic way: the page's ink, scaled down, turned through a range of angles; at the
page's own angle its text lines stand level, so the sums of its pixel rows alternate most sharply
between lines and the gaps between them. Coarse steps over the whole range, then fine steps near the
best, at a finer scale: ~7 ms of CPU for a level page (no fine search), ~15 ms for a skewed one.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

# Darker than this (0-255, after scaling down: thin strokes grey out) is ink.
INK_LEVEL = 200
# Skews searched (degrees, either way): beyond this a page is no longer "askew" but turned.
MAX_SKEW = 9.0
COARSE_STEP = 1.5
COARSE_SCALE = 6  # 200 dpi / 6: ~33 dpi
FINE_STEP = 0.25
FINE_SCALE = 4  # ~50 dpi
# Levelled only from this skew on: below it the reading copes about as well as after the turn (whose
# interpolation softens the glyphs: on six tuning scans turned by 2 degrees, 46 of 48 fields without,
# 44 with; by 3 degrees 41 and 42; by 5 degrees 31 and 42), and office scans (under a degree, which the
# coarse estimate may put ~0.6 degrees off) are never turned.
MIN_SKEW = 2.5
# The best turn must make the lines this much sharper than the page as it lies to count.
MIN_GAIN = 1.15


def page_skew(image: Image.Image) -> float:
    """Degrees the page's text lines are turned counter-clockwise; below ``MIN_SKEW`` only the coarse
    estimate (a multiple of ``COARSE_STEP``, 0.0 on a level page)."""
    grey = image if image.mode == "L" else image.convert("L")
    coarse = _ink(grey, COARSE_SCALE)
    # Smallest turns first: on a tie (a blank page, a page of specks) the page is taken as level.
    angles = sorted(np.arange(-MAX_SKEW, MAX_SKEW + COARSE_STEP / 2, COARSE_STEP), key=abs)
    sharpness = {float(angle): _sharpness(coarse, float(angle)) for angle in angles}
    best = max(sharpness, key=lambda angle: sharpness[angle])
    # A page with too few lines to tell (a signature, a stamp, a logo) is not turned on a faint hint.
    if sharpness[best] < MIN_GAIN * sharpness[0.0]:
        return 0.0
    if abs(best) < MIN_SKEW - COARSE_STEP / 2:
        return best
    fine = _ink(grey, FINE_SCALE)
    near = np.arange(best - COARSE_STEP, best + COARSE_STEP + FINE_STEP / 2, FINE_STEP)
    return float(max(near, key=lambda angle: _sharpness(fine, float(angle))))


def levelled(image: Image.Image) -> Image.Image:
    """``image`` turned level when it lies askew by ``MIN_SKEW`` or more; else ``image`` itself. The
    page keeps its size (its corners are margins): word positions stay on the page's scale."""
    skew = page_skew(image)
    if abs(skew) < MIN_SKEW:
        return image
    return image.rotate(-skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor="white")


def _ink(grey: Image.Image, scale: int) -> Image.Image:
    small = grey.resize((max(1, grey.width // scale), max(1, grey.height // scale)), Image.Resampling.BOX)
    return Image.fromarray(((np.asarray(small) < INK_LEVEL) * 255).astype(np.uint8))


def _sharpness(ink: Image.Image, skew: float) -> float:
    """How sharply the row sums of ``ink`` turned back by ``skew`` alternate between lines and gaps."""
    rows = np.asarray(ink.rotate(-skew, resample=Image.Resampling.NEAREST), dtype=np.float32).sum(axis=1)
    return float(np.square(np.diff(rows)).sum())
