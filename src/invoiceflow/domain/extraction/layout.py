"""Lines and segments from word boxes: the geometry every other extraction step works on.

A *line* is the set of words whose vertical centres agree; a *segment* is a run of words on a line
separated by ordinary word spacing (a wide gap starts a new segment: table columns, label/value
columns, two-column letterheads). Each line keeps one text string with the word start offsets so that
a regex match can be mapped back to words and their x-ranges.
"""

from __future__ import annotations

import statistics
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from invoiceflow.domain.models import PageText, Word

# A gap wider than this many line heights separates segments (a space is ~0.3 em).
SEGMENT_GAP_EM = 0.8
_SPACE_CHARS = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2019": "'"})


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """Lower-case and strip accents while keeping exactly one character (offsets must not move)."""
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    candidate = (base if len(base) == 1 else char).lower()
    return candidate if len(candidate) == 1 else char


def fold(text: str) -> str:
    """Accent-free lower-case text of the same length as ``text``."""
    return "".join(_fold_char(c) for c in text)


def clean(text: str) -> str:
    return text.translate(_SPACE_CHARS)


@dataclass
class Line:
    words: list[Word]
    text: str  # words joined by single spaces (exotic spaces normalised)
    folded: str  # same length as text: lower-case, accent-free
    starts: list[int]  # offset of each word in ``text``
    segment_of_word: list[int]
    index: int = 0
    height: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    used: set[int] = field(default_factory=set)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    def word_at(self, offset: int) -> int:
        """Index of the word that contains (or precedes) a character offset."""
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def span_x(self, start: int, end: int) -> tuple[float, float]:
        """Approximate x-range of the characters ``text[start:end]`` (interpolated inside words)."""
        return self.char_x(start), self.char_x(max(start, end - 1), right=True)

    def char_x(self, offset: int, right: bool = False) -> float:
        i = self.word_at(offset)
        word = self.words[i]
        length = max(1, len(word.text))
        pos = min(max(offset - self.starts[i], 0), length - 1) + (1 if right else 0)
        return word.x0 + (word.x1 - word.x0) * pos / length

    def segments(self) -> list[tuple[int, int]]:
        """(start, end) text offsets of each segment."""
        out: list[tuple[int, int]] = []
        seg_start = 0
        for i in range(1, len(self.words) + 1):
            if i == len(self.words) or self.segment_of_word[i] != self.segment_of_word[i - 1]:
                first, last = seg_start, i - 1
                out.append((self.starts[first], self.starts[last] + len(clean(self.words[last].text))))
                seg_start = i
        return out

    def segment_span(self, offset: int) -> tuple[int, int]:
        seg = self.segment_of_word[self.word_at(offset)]
        for start, end in self.segments():
            if self.segment_of_word[self.word_at(start)] == seg:
                return start, end
        return 0, len(self.text)


def _make_line(words: list[Word]) -> Line:
    words = sorted(words, key=lambda w: w.x0)
    heights = [w.y1 - w.y0 for w in words if w.y1 > w.y0]
    height = statistics.median(heights) if heights else 10.0
    parts: list[str] = []
    starts: list[int] = []
    segment_of_word: list[int] = []
    offset = 0
    segment = 0
    for i, word in enumerate(words):
        if i:
            gap = word.x0 - words[i - 1].x1
            if gap > SEGMENT_GAP_EM * height:
                segment += 1
            offset += 1  # the joining space
        starts.append(offset)
        segment_of_word.append(segment)
        piece = clean(word.text)
        parts.append(piece)
        offset += len(piece)
    text = " ".join(parts)
    return Line(
        words=words,
        text=text,
        folded=fold(text),
        starts=starts,
        segment_of_word=segment_of_word,
        height=height,
        top=min(w.y0 for w in words),
        bottom=max(w.y1 for w in words),
    )


def build_lines(page: PageText) -> list[Line]:
    """Group words into lines by vertical centre (tolerant to small baseline jitter from OCR)."""
    words = [w for w in page.words if w.text.strip()]
    words.sort(key=lambda w: ((w.y0 + w.y1) / 2, w.x0))
    rows: list[list[Word]] = []
    row_centre = 0.0
    row_height = 0.0
    for word in words:
        centre = (word.y0 + word.y1) / 2
        height = max(word.y1 - word.y0, 1.0)
        if rows and abs(centre - row_centre) <= 0.4 * min(row_height, height):
            rows[-1].append(word)
            n = len(rows[-1])
            row_centre += (centre - row_centre) / n
            row_height = max(row_height, height)
        else:
            rows.append([word])
            row_centre, row_height = centre, height
    lines = [_make_line(row) for row in rows]
    for i, line in enumerate(lines):
        line.index = i
    return lines


def horizontal_overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))
