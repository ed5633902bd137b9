"""A word as an OCR engine reads it (``PixelWord``: a box in pixels, a confidence, the engine's line),
the confidences that grade a reading's words, and what two words are compared by (their boxes'
overlap, their accented letters).
"""

from __future__ import annotations

from dataclasses import dataclass

# Word confidences (0..1) for merging the probe's reading of the page head into the full reading: a
# full-reading word below GARBLED that overlaps a probe word of at least TRUSTED gives way to it.
GARBLED = 0.5
TRUSTED = 0.6
# Below this a word without digits is noise (measured on the scanned twins: 0.1 and 0.3 help alike).
GARBAGE = 0.1


@dataclass(frozen=True, slots=True)
class PixelWord:
    text: str
    left: float
    top: float
    right: float
    bottom: float
    confidence: float  # 0..1
    line: tuple[int, ...] = ()  # the engine's line identity (words of one text line share it)


def accented_letters(text: str) -> int:
    return sum(c.isalpha() and not c.isascii() for c in text)


def words_overlap(a: PixelWord, b: PixelWord) -> bool:
    """The boxes share more than a quarter of the smaller one's area."""
    width = min(a.right, b.right) - max(a.left, b.left)
    height = min(a.bottom, b.bottom) - max(a.top, b.top)
    if width <= 0 or height <= 0:
        return False
    smaller = min((a.right - a.left) * (a.bottom - a.top), (b.right - b.left) * (b.bottom - b.top))
    return width * height > 0.25 * max(smaller, 1.0)
