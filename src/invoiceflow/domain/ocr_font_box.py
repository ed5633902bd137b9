"""An OCR line's band from its font, not from its ink.

OCR boxes the ink: a word without descenders ends on the baseline, one with them a fifth of an em below,
one of lower-case letters starts at the x-height. The band of an engine line used to be the median of
its words' boxes, so it rose or sank with the share of words with descenders or capitals (measured on
Helvetica, Times, Courier and DejaVu at 8-14 pt read at 200 dpi: tops from 0.44 to 0.77 em above the
baseline, bottoms from 0 to 0.25 em below). A text layer gives every word of a line one box from the
font's ascent to its descent. ``font_band`` rebuilds a line's band from what reads reliably: the
baseline (the bottom of words without descenders) and the cap height (the top of words with capitals,
digits or ascenders, or the x-height of a line of lower-case letters alone).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from typing import Protocol

# The band reaches ASCENT cap heights above the baseline and DESCENT below: the cap box, a little lower
# (on the real scans 0.95 to 1.15 and 0 to 0.15 measured alike; the text layer's proportions, 1.1 and
# 0.3, taller than the ink, cost real scans party names: their analysis compares line heights).
ASCENT = 1.0
DESCENT = 0.1
# A line of lower-case letters alone is measured by its x-height, this share of the cap height.
X_HEIGHT = 0.74
# Words of one engine line this much taller than their neighbours, a gap apart, are set in another size
# (a logo's lettering beside a name, a large title beside small text): each size gets its own band.
SIZE_RATIO = 1.6
# A rebuilt band is used only when the cap height it rests on is this share of the words' median height
# at least (a line of specks or rules gives no usable measure).
MIN_CAP_SHARE = 0.5

# Glyphs that reach below the baseline, and words whose top is the x-height (no capital, digit,
# ascender, dot or accent).
_DESCENDS = re.compile(r"[gjpqyQ(),;\[\]{}|/µçşţ]")
_X_HEIGHT_WORD = re.compile(r"[acemnorsuvwxz]+")
_CAP_GLYPH = re.compile(r"[A-Z0-9bdfhklt]|[^\W\d_a-z]")


class Boxed(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def top(self) -> float: ...
    @property
    def bottom(self) -> float: ...


class BoxedSpan(Boxed, Protocol):
    @property
    def left(self) -> float: ...
    @property
    def right(self) -> float: ...


def size_runs(words: Sequence[BoxedSpan]) -> list[list[BoxedSpan]]:
    """The words of one line (ordered left to right) in runs of one type size: a word of two letters or
    digits at least that is ``SIZE_RATIO`` taller or smaller than the run before it, a gap of its height
    away, starts a new run."""
    runs: list[list[BoxedSpan]] = [[words[0]]] if words else []
    for word in words[1:]:
        run = runs[-1]
        height = word.bottom - word.top
        usual = statistics.median(w.bottom - w.top for w in run)
        small, large = sorted((height, usual))
        if (
            sum(c.isalnum() for c in word.text) >= 2
            and small > 0
            and large > SIZE_RATIO * small
            and word.left - run[-1].right > small
        ):
            runs.append([word])
        else:
            run.append(word)
    return runs


def font_band(words: Sequence[Boxed]) -> tuple[float, float] | None:
    """(top, bottom) of one line of OCR words of one type size as a text layer would box it, in the
    words' units; None when the line shows no baseline, or no cap or x-height to measure the font by."""
    on_baseline = [w.bottom for w in words if w.text and not _DESCENDS.search(w.text)]
    capped = [w for w in words if _CAP_GLYPH.search(w.text) and not _X_HEIGHT_WORD.fullmatch(w.text)]
    lower = [w for w in words if _X_HEIGHT_WORD.fullmatch(w.text)]
    if not on_baseline or not (capped or lower):
        return None
    baseline = statistics.median(on_baseline)
    if capped:
        cap = baseline - statistics.median(w.top for w in capped)
    else:
        cap = (baseline - statistics.median(w.top for w in lower)) / X_HEIGHT
    height = statistics.median(w.bottom - w.top for w in words)
    if cap < MIN_CAP_SHARE * height:
        return None
    return baseline - ASCENT * cap, baseline + DESCENT * cap
