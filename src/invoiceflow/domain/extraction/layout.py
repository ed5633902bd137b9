"""Lines and segments from word boxes: the geometry every other extraction step works on.

A *line* is the set of words whose vertical centres agree; a *segment* is a run of words on a line
separated by ordinary word spacing (a wide gap starts a new segment: table columns, label/value
columns, two-column letterheads). Each line keeps one text string with the word start offsets so that
a regex match can be mapped back to words and their x-ranges.
"""

from __future__ import annotations

import itertools
import math
import statistics
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Any

from invoiceflow.domain.models import PageText, TextSource, Word

# A gap wider than this many line heights separates segments (a space is ~0.3 em).
SEGMENT_GAP_EM = 0.8
OCR_SEGMENT_GAP_EM = 1.1
# Every Unicode space of one character's width is a space (en space, thin, figure, narrow no-break, …);
# same-length replacements only, since offsets into the text index the characters' boxes.
_SPACE_CHARS = str.maketrans(
    {**{chr(code): " " for code in range(0x2000, 0x200B)}, "\u00a0": " ", "\u202f": " ", "\u2019": "'"}
)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """Lower-case and strip accents while keeping exactly one character (offsets must not move)."""
    if char in "øØ":
        return "o"  # no decomposition in Unicode: "beløb", "beløp" fold like "belob" in the label tables
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    candidate = (base if len(base) == 1 else char).lower()
    return candidate if len(candidate) == 1 else char


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Accent-free lower-case text of the same length as ``text``."""
    if text.isascii():
        return text.lower()
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
    ocr: bool = False  # read by OCR: numbers may be garbled (see ocr_repair)
    # Derived once per line: every extractor asks for segments many times.
    _segments: list[tuple[int, int]] = field(default_factory=list)
    _segment_x: list[tuple[float, float]] = field(default_factory=list)
    # Per-line memo for derived data of other modules (the amounts found per number style).
    memo: dict[object, Any] = field(default_factory=dict)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    def word_at(self, offset: int) -> int:
        """Index of the word that contains (or precedes) a character offset."""
        return max(bisect_right(self.starts, offset) - 1, 0)

    def span_x(self, start: int, end: int) -> tuple[float, float]:
        """Approximate x-range of the characters ``text[start:end]`` (interpolated inside words)."""
        # char_x(start) and char_x(max(start, end - 1), right=True), written out: every number read on
        # a page asks for its x-range.
        starts, words = self.starts, self.words
        i = max(bisect_right(starts, start) - 1, 0)
        word = words[i]
        length = len(word.text) or 1
        pos = start - starts[i]
        pos = 0 if pos < 0 else length - 1 if pos > length - 1 else pos
        x0 = word.x0 + (word.x1 - word.x0) * pos / length
        last = start if start > end - 1 else end - 1
        i = max(bisect_right(starts, last) - 1, 0)
        word = words[i]
        length = len(word.text) or 1
        pos = last - starts[i]
        pos = (0 if pos < 0 else length - 1 if pos > length - 1 else pos) + 1
        return x0, word.x0 + (word.x1 - word.x0) * pos / length

    def char_x(self, offset: int, right: bool = False) -> float:
        starts = self.starts
        i = max(bisect_right(starts, offset) - 1, 0)
        word = self.words[i]
        length = len(word.text) or 1
        pos = offset - starts[i]
        # clamped to the word's characters, then the right edge of that character when asked
        pos = (0 if pos < 0 else length - 1 if pos > length - 1 else pos) + (1 if right else 0)
        return word.x0 + (word.x1 - word.x0) * pos / length

    def segments(self) -> list[tuple[int, int]]:
        """(start, end) text offsets of each segment."""
        if not self._segments:
            seg_start = 0
            for i in range(1, len(self.words) + 1):
                if i == len(self.words) or self.segment_of_word[i] != self.segment_of_word[i - 1]:
                    first, last = seg_start, i - 1
                    end = self.starts[last] + len(clean(self.words[last].text))
                    self._segments.append((self.starts[first], end))
                    self._segment_x.append((self.words[first].x0, max(w.x1 for w in self.words[first:i])))
                    seg_start = i
        return self._segments

    def segment_x(self) -> list[tuple[float, float]]:
        """x-range of each segment (same order as ``segments``)."""
        self.segments()
        return self._segment_x

    def segment_index(self, offset: int) -> int:
        return self.segment_of_word[self.word_at(offset)]

    def segment_span(self, offset: int) -> tuple[int, int]:
        return self.segments()[self.segment_index(offset)]


def _median(values: list[float]) -> float:
    """``statistics.median`` without its generality (the same value: sorted, middle or mean of two)."""
    ordered = sorted(values)
    n = len(ordered)
    middle = n // 2
    return ordered[middle] if n % 2 else (ordered[middle - 1] + ordered[middle]) / 2


_BY_X0 = attrgetter("x0")


def _make_line(words: list[Word], ocr: bool = False, column_starts: frozenset[int] = frozenset()) -> Line:
    """A line of ``words``; a word whose index is in ``column_starts`` opens a segment whatever its gap."""
    words = sorted(words, key=_BY_X0)
    heights = [w.y1 - w.y0 for w in words if w.y1 > w.y0]
    height = _median(heights) if heights else 10.0
    # OCR boxes hug the ink: most words are x-height tall, so the tallest word (ascender to descender)
    # is the line's em; word spacing measured in it is ~0.3–0.6, column gaps are ≥ 1.5.
    gap_limit = (OCR_SEGMENT_GAP_EM * max(heights) if heights else height) if ocr else SEGMENT_GAP_EM * height
    starts: list[int] = []
    segment_of_word: list[int] = []
    # The segments (text range and x-range of each run of words), read here in the same pass instead of
    # by a second one on first use: every line's segments are asked for.
    segments: list[tuple[int, int]] = []
    segment_x: list[tuple[float, float]] = []
    first = words[0]
    offset = 0
    segment = 0
    segment_start, segment_x0, segment_x1 = 0, first.x0, first.x1
    top, bottom = first.y0, first.y1
    previous_x1 = first.x1
    for i, word in enumerate(words):
        if i:
            if word.x0 - previous_x1 > gap_limit or i in column_starts:
                segments.append((segment_start, offset))
                segment_x.append((segment_x0, segment_x1))
                segment += 1
                segment_start, segment_x0, segment_x1 = offset + 1, word.x0, word.x1
            elif word.x1 > segment_x1:
                segment_x1 = word.x1
            offset += 1  # the joining space
            # min() and max() keep the first of equal values: so do these comparisons
            top = word.y0 if word.y0 < top else top
            bottom = word.y1 if word.y1 > bottom else bottom
        previous_x1 = word.x1
        starts.append(offset)
        segment_of_word.append(segment)
        offset += len(word.text)  # clean() keeps the length
    segments.append((segment_start, offset))
    segment_x.append((segment_x0, segment_x1))
    text = clean(" ".join([w.text for w in words]))
    # fold() maps each character on its own: the line folds as its words do. Per word where it is not
    # ASCII: words repeat, the cache hits.
    folded = text.lower() if text.isascii() else " ".join([fold(part) for part in text.split(" ")])
    return Line(
        words=words,
        text=text,
        folded=folded,
        starts=starts,
        segment_of_word=segment_of_word,
        height=height,
        top=top,
        bottom=bottom,
        _segments=segments,
        _segment_x=segment_x,
    )


_MAX_SKEW = 0.035  # ~2°: scanners and phone captures beyond that need real image deskewing
_SKEW_STEPS = 28  # candidate slopes tried in [-_MAX_SKEW, _MAX_SKEW]
_SKEW_MARGIN = 3  # fragments a skew must pair beyond the level page's (or an eighth of them)


def _boxes(words: list[Word]) -> dict[tuple[float, float], list[Word]]:
    """Words grouped by identical vertical extent: one recognised OCR line when the engine reports line
    boxes, one word otherwise. A group moves as a whole when the page is levelled."""
    groups: dict[tuple[float, float], list[Word]] = {}
    for word in words:
        groups.setdefault((round(word.y0, 2), round(word.y1, 2)), []).append(word)
    return groups


def estimate_skew(words: list[Word]) -> float:
    """The slope that best levels a scan: rotated pages come back from OCR as row fragments whose
    vertical centres drift along x. Each candidate slope is scored by how many fragments then share a
    row with their neighbour (sorted by corrected centre); the level page (0) wins ties.

    Only fragments side by side pair: two that overlap in x cannot stand on one printed row. And the best
    slope must pair more than any slope of the opposite sign: a fragment half a line off its row (figures
    centred in a row two text lines tall) pairs with the line above at one slope and with the line below
    at its mirror as well, while a turned page lines up better on one side."""
    points: list[tuple[float, float, float, float]] = []  # x0, x1, centre y, height
    for (y0, y1), group in _boxes(words).items():
        points.append((min(w.x0 for w in group), max(w.x1 for w in group), (y0 + y1) / 2, max(y1 - y0, 1.0)))
    if len(points) < 6:
        return 0.0
    scores: list[tuple[float, int]] = []
    for step in range(_SKEW_STEPS + 1):
        skew = -_MAX_SKEW + 2 * _MAX_SKEW * step / _SKEW_STEPS
        corrected = sorted((y - skew * (x0 + x1) / 2, h, x0, x1) for x0, x1, y, h in points)
        score = sum(
            1
            for (ya, ha, a0, a1), (yb, hb, b0, b1) in itertools.pairwise(corrected)
            if yb - ya < 0.25 * min(ha, hb) and (a1 <= b0 or b1 <= a0)
        )
        scores.append((skew, score))
    level_score = next(score for skew, score in scores if abs(skew) < 1e-9)
    best_skew, best_score = max(scores, key=lambda item: (item[1], -abs(item[0])))
    opposite = max((score for skew, score in scores if skew * best_skew < 0), default=0)
    # A slope of row pitch over column distance lines up a few fragments of neighbouring rows by chance
    # (OCR pages levelled upstream, ``ocr.page_tilt``, often have one fragment per row): a skew must pair
    # clearly more fragments than the level page does.
    if best_score < level_score + max(_SKEW_MARGIN, len(points) // 8) or best_score <= opposite:
        return 0.0
    return best_skew


def deskew(words: list[Word], skew: float) -> list[Word]:
    """Words shifted vertically (each OCR line box as a whole) so that a rotated scan's rows level."""
    out: list[Word] = []
    for group in _boxes(words).values():
        shift = skew * (min(w.x0 for w in group) + max(w.x1 for w in group)) / 2
        out += [Word(text=w.text, x0=w.x0, y0=w.y0 - shift, x1=w.x1, y1=w.y1 - shift) for w in group]
    return out


_DRIFT_STEPS = 140  # finer than the row test: a margin drifts by slope × page height
_DRIFT_BIN = 1.0  # points: how closely the corrected line starts of one margin agree


def estimate_x_drift(words: list[Word]) -> float:
    """The slope dx/dy of a rotated scan's margins. Engines that report whole OCR lines (Tesseract) give
    every word of a line the same box, so the rotation shows only as left edges drifting down the page.
    Each candidate slope is scored by how many pairs of line starts then fall into the same narrow x bin
    (two grids half a bin apart, so that a margin on a bin edge still counts)."""
    starts = [(min(w.x0 for w in group), (y0 + y1) / 2) for (y0, y1), group in _boxes(words).items()]
    if len(starts) < 8:
        return 0.0
    best_score, best_slope = -1, 0.0
    for step in range(_DRIFT_STEPS + 1):
        slope = -_MAX_SKEW + 2 * _MAX_SKEW * step / _DRIFT_STEPS
        bins: dict[tuple[int, int], int] = {}
        for x, y in starts:
            corrected = (x - slope * y) / _DRIFT_BIN
            for grid in (0, 1):
                key = (grid, math.floor(corrected + 0.5 * grid))
                bins[key] = bins.get(key, 0) + 1
        score = sum(n * (n - 1) for n in bins.values())
        if score > best_score or (score == best_score and abs(slope) < abs(best_slope)):
            best_score, best_slope = score, slope
    return best_slope


def shift_x(words: list[Word], slope: float) -> list[Word]:
    """Words moved horizontally (each OCR line box as a whole) so that the rotated margins stand upright
    again, around the page's middle row."""
    groups = _boxes(words)
    middle = statistics.median((y0 + y1) / 2 for y0, y1 in groups)
    out: list[Word] = []
    for (y0, y1), group in groups.items():
        shift = slope * ((y0 + y1) / 2 - middle)
        out += [Word(text=w.text, x0=w.x0 - shift, y0=w.y0, x1=w.x1 - shift, y1=w.y1) for w in group]
    return out


def build_lines(page: PageText) -> list[Line]:
    """Group words into lines by vertical centre (tolerant to small baseline jitter from OCR)."""
    words = [w for w in page.words if w.text.strip()]
    if page.text_source is not TextSource.TEXT_LAYER:
        skew = estimate_skew(words)
        if skew:
            words = deskew(words, skew)
        slope = estimate_x_drift(words)
        if slope:
            words = shift_x(words, slope)
    words.sort(key=lambda w: ((w.y0 + w.y1) / 2, w.x0))
    # OCR (and a residual skew) can bring a small line's centre next to a big line's: a word that
    # overlaps a word already in the row horizontally belongs to another row, kept apart.
    separate_overlaps = page.text_source is not TextSource.TEXT_LAYER
    rows: list[list[Word]] = []
    centres: list[float] = []
    heights: list[float] = []
    for word in words:
        centre = (word.y0 + word.y1) / 2
        height = word.y1 - word.y0
        height = 1.0 if height < 1.0 else height  # max(height, 1.0), without the call
        target = None
        # the last three rows, newest first
        for r in range(len(rows) - 1, -1 if len(rows) < 4 else len(rows) - 4, -1):
            row_height = heights[r]
            if abs(centre - centres[r]) > 0.4 * (height if height < row_height else row_height):
                continue
            if separate_overlaps and any(_x_overlaps(word, other) for other in rows[r]):
                continue
            target = r
            break
        if target is None:
            rows.append([word])
            centres.append(centre)
            heights.append(height)
        else:
            row = rows[target]
            row.append(word)
            centres[target] += (centre - centres[target]) / len(row)
            heights[target] = max(heights[target], height)
    lines = [_make_line(row, separate_overlaps) for row in rows]
    if not separate_overlaps:
        lines = _split_at_aligned_columns(lines)
        # a line's words are in x order already: the check costs one pass, the rare split a rebuild
        split: list[Line] = []
        for line in lines:
            if _stacked_pair(line.words):
                split += [_make_line(part) for part in _split_stacked(line.words)]
            else:
                split.append(line)
        lines = split
    for i, line in enumerate(lines):
        line.index = i
        line.ocr = separate_overlaps
    return lines


# A narrow column gutter: a gap this wide (in line heights, and against the page's ordinary word space)
# opens a segment when other lines nearby start a word at the same x. Two address blocks side by side, or
# table cells with little padding, leave less than SEGMENT_GAP_EM between their texts on some lines.
_NARROW_GUTTER_EM = 0.45
_NARROW_GUTTER_SPACES = 1.6  # times the page's median word space (monospace text never qualifies)
_ALIGN_TOLERANCE = 1.0  # points between left edges of one column
_ALIGN_ROWS = 3  # lines, this one included, that start a word at the column's x
_ALIGN_REACH = 4  # lines above and below searched for them


def _has_letters(text: str) -> bool:
    return sum(char.isalpha() for char in text) >= 2


def _split_at_aligned_columns(lines: list[Line]) -> list[Line]:
    """Lines rebuilt with a segment break at a narrow gutter that other lines confirm by starting a word
    at the same x (a column's left edge), since one line's gap alone cannot tell a gutter from a space."""
    spaces = [
        word.x0 - before.x1
        for line in lines
        for (before, word), (left, right) in zip(
            itertools.pairwise(line.words), itertools.pairwise(line.segment_of_word), strict=True
        )
        if left == right
    ]
    if not spaces:
        return lines
    ordinary = _median(spaces)
    candidates: list[tuple[int, int]] = []  # (line, word) pairs whose gap may be a narrow gutter
    for n, line in enumerate(lines):
        least = max(_NARROW_GUTTER_EM * line.height, _NARROW_GUTTER_SPACES * ordinary)
        words, segment_of = line.words, line.segment_of_word
        for i in range(1, len(words)):
            if (
                segment_of[i] == segment_of[i - 1]
                and words[i].x0 - words[i - 1].x1 >= least
                # Words on both sides: a figure beside a unit or a sign ("3 pcs", "12,50 €") is one cell.
                and _has_letters(words[i - 1].text)
                and _has_letters(words[i].text)
            ):
                candidates.append((n, i))
    if not candidates:
        return lines
    splits: dict[int, set[int]] = {}
    for n, i in candidates:
        line = lines[n]
        x, least = line.words[i].x0, _NARROW_GUTTER_EM * line.height
        aligned = 1
        for other in lines[max(0, n - _ALIGN_REACH) : n + _ALIGN_REACH + 1]:
            if other is line or abs(other.top - line.top) > (_ALIGN_REACH + 1) * 1.6 * line.height:
                continue
            aligned += any(
                abs(word.x0 - x) <= _ALIGN_TOLERANCE and (k == 0 or word.x0 - other.words[k - 1].x1 >= least)
                for k, word in enumerate(other.words)
            )
        if aligned >= _ALIGN_ROWS:
            splits.setdefault(n, set()).add(i)
    if not splits:
        return lines
    return [
        _make_line(line.words, line.ocr, frozenset(splits[n])) if n in splits else line
        for n, line in enumerate(lines)
    ]


_STACKED_OVERLAP = 0.4  # share of the narrower word two words on one visual line never cover
_STACKED_MIN_SHIFT = 0.15  # em: vertical offset of two overlapping words drawn as separate lines


def _stacked_pair(row: list[Word]) -> tuple[Word, Word] | None:
    """Two words of ``row`` drawn over each other (substantial horizontal overlap) at clearly different
    heights, or None. ``row`` in x order; one pass against the word reaching furthest right so far."""
    reach = row[0]
    reach_x1 = reach.x1
    for word in row[1:]:
        if word.x0 < reach_x1:  # most words start after the ones before end: one comparison
            overlap = (word.x1 if word.x1 < reach_x1 else reach_x1) - word.x0
            narrower = min(word.x1 - word.x0, reach_x1 - reach.x0)
            if overlap > _STACKED_OVERLAP * narrower:
                em = min(word.y1 - word.y0, reach.y1 - reach.y0)
                shift = abs((word.y0 + word.y1) - (reach.y0 + reach.y1)) / 2
                # the same text drawn twice (fake bold, shadow) sits at the same height: one line
                if shift >= _STACKED_MIN_SHIFT * em and shift >= 0.5:
                    return word, reach
        if word.x1 > reach_x1:
            reach, reach_x1 = word, word.x1
    return None


_BAND_CONFLICT = 0.2  # share of the narrower word: more overlap than kerning or an italic overhang


def _band_colours(row: list[Word]) -> list[list[Word]] | None:
    """``row`` as two lines by text band (words of one text run share their box's exact vertical extent):
    bands whose words overlap horizontally are on different lines, so the conflict graph of bands is
    two-coloured; bands without conflict join the line of nearer centre. None when the graph is not
    two-colourable."""
    bands: dict[tuple[float, float], list[Word]] = {}
    for word in row:
        bands.setdefault((round(word.y0, 1), round(word.y1, 1)), []).append(word)
    keys = list(bands)
    edges: dict[tuple[float, float], set[tuple[float, float]]] = {key: set() for key in keys}
    for i, first in enumerate(keys):
        for second in keys[i + 1 :]:
            if any(
                min(a.x1, b.x1) - max(a.x0, b.x0) > max(1.0, _BAND_CONFLICT * min(a.x1 - a.x0, b.x1 - b.x0))
                for a in bands[first]
                for b in bands[second]
            ):
                edges[first].add(second)
                edges[second].add(first)
    lines: tuple[list[tuple[float, float]], list[tuple[float, float]]] = ([], [])
    loose: list[tuple[float, float]] = []
    colour: dict[tuple[float, float], int] = {}
    for key in keys:
        if key in colour:
            continue
        if not edges[key]:
            loose.append(key)
            continue
        colour[key] = 0
        component, queue = [key], [key]
        while queue:
            band = queue.pop()
            for other in edges[band]:
                if other not in colour:
                    colour[other] = 1 - colour[band]
                    component.append(other)
                    queue.append(other)
                elif colour[other] == colour[band]:
                    return None
        # the colour of the higher centres is the upper line
        middle = [_median([k[0] + k[1] for k in component if colour[k] == c]) for c in (0, 1)]
        upper = 0 if middle[0] <= middle[1] else 1
        for band in component:
            lines[0 if colour[band] == upper else 1].append(band)
    centre = [_median([k[0] + k[1] for k in line]) for line in lines]
    for band in loose:
        lines[0 if abs(band[0] + band[1] - centre[0]) <= abs(band[0] + band[1] - centre[1]) else 1].append(
            band
        )
    return [[w for band in line for w in bands[band]] for line in lines]


def _split_stacked(row: list[Word], depth: int = 0) -> list[list[Word]]:
    """A row holding two text lines drawn over each other (a letterhead or footer printed on top of body
    text a few points away) as those lines, upper first. Words overlapping in x cannot stand side by side
    on one line: each word goes with the words it does not overlap (by text band), or, where bands do not
    tell, the row splits at the widest gap of vertical centres between an overlapping pair."""
    row = sorted(row, key=_BY_X0)
    pair = _stacked_pair(row) if len(row) > 1 and depth < 3 else None
    if pair is None:
        return [row]
    parts = _band_colours(row)
    if parts is None:
        low, high = sorted((w.y0 + w.y1) / 2 for w in pair)
        centres = sorted({(w.y0 + w.y1) / 2 for w in row if low <= (w.y0 + w.y1) / 2 <= high})
        cut = max(itertools.pairwise(centres), key=lambda gap: gap[1] - gap[0])
        threshold = (cut[0] + cut[1]) / 2
        parts = [
            [w for w in row if (w.y0 + w.y1) / 2 < threshold],
            [w for w in row if (w.y0 + w.y1) / 2 >= threshold],
        ]
    return [line for part in parts if part for line in _split_stacked(part, depth + 1)]


def part_of(line: Line, start: int, end: int) -> Line:
    """The words of ``line`` that start inside ``text[start:end]`` as a line of their own (index kept)."""
    words = [w for w, offset in zip(line.words, line.starts, strict=True) if start <= offset < end]
    part = _make_line(words or line.words[:1], line.ocr)
    part.index, part.ocr = line.index, line.ocr
    return part


def joined(first: Line, second: Line, glued: bool = False) -> Line:
    """``first`` and ``second`` as one line (prose wrapped onto the next line, a date cut by the line
    break): the words of ``second`` follow those of ``first`` at word spacing on its baseline. Keeps
    ``first``'s index; offsets refer to the joined text. ``glued``: the first word of ``second`` goes on
    the last of ``first`` ("01-01-" over "2025", broken at its hyphen)."""
    shift = first.x1 + (0.0 if glued else 0.3 * first.height) - second.x0
    moved = [
        Word(text=w.text, x0=w.x0 + shift, y0=first.top, x1=w.x1 + shift, y1=first.top + (w.y1 - w.y0))
        for w in second.words
    ]
    words = [*first.words, *moved]
    if glued:
        last, head = first.words[-1], moved[0]
        merged = Word(
            text=last.text + head.text, x0=last.x0, y0=last.y0, x1=head.x1, y1=max(last.y1, head.y1)
        )
        words = [*first.words[:-1], merged, *moved[1:]]
    line = _make_line(words, first.ocr)
    line.index, line.ocr = first.index, first.ocr
    return line


def _x_overlaps(a: Word, b: Word) -> bool:
    overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
    return overlap > 0.3 * min(a.x1 - a.x0, b.x1 - b.x0)


def horizontal_overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))
