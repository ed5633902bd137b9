"""Number cells of table rows that the page reading skipped, garbled or left unread: found from the
rows and columns of the figures read (``missing_cells``) or from ink no word covers (``unread_cells``),
their second reading put in (``merge_cells``), and garbled figures rewritten where row arithmetic
confirms them (``repair_row_numbers``).
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from invoiceflow.domain.extraction.ocr_repair import quantity_word, repair_row_texts
from invoiceflow.domain.ocr_words import GARBLED, TRUSTED, PixelWord, words_overlap

if TYPE_CHECKING:
    from PIL import Image

# A number cell as OCR writes it: digits with separators, an optional sign or percent sign.
_NUMBER_WORD = re.compile(r"-?\d[\d.,']*%?")
# Columns: number words whose right edges lie within this share of the line height share a column;
# a column needs COLUMN_ROWS members before its holes are believed.
COLUMN_EDGE = 0.5
COLUMN_ROWS = 3
# A cell cut out for the second reading reaches this share of the line height beyond its column and row.
CELL_MARGIN = 0.35
# A cell no word covers stands this many line heights clear of the words read beside it.
UNREAD_APART = 1.0
# Cells are read again at this many times their size.
CELL_ZOOM = 2
# A gap along a table row this many line heights wide may hold a cell no word covers (``unread_cells``).
UNREAD_GAP = 1.5


@dataclass(frozen=True, slots=True)
class MissingCell:
    """A table cell the page reading skipped or garbled: where to read it, and which row it belongs to."""

    box: tuple[float, float, float, float]  # left, top, right, bottom in pixels
    line: tuple[int, ...]
    replaces: tuple[int, ...]  # indexes of garbled words in the cell (dropped when it reads as a number)


def _number_word(word: PixelWord) -> bool:
    return bool(_NUMBER_WORD.fullmatch(word.text)) and any(c.isdigit() for c in word.text)


def missing_cells(words: list[PixelWord]) -> list[MissingCell]:
    """Cells of number columns that a table row lacks.

    A number column is a set of at least ``COLUMN_ROWS`` number words with the same right edge (numbers
    are right-aligned). A row is a band of number words (``_number_rows``). Where a row has numbers in
    two other columns of the column's table but no number word at the column, the cell is missing:
    empty, or holding only unsure words without digits, which are garbled readings of it.
    """
    numbers = [n for n, w in enumerate(words) if _number_word(w) and w.line]
    if len(numbers) < 2 * COLUMN_ROWS:
        return []
    heights = sorted(words[n].bottom - words[n].top for n in numbers)
    height = heights[len(heights) // 2]
    columns: list[list[int]] = []
    for n in sorted(numbers, key=lambda n: words[n].right):
        if columns and words[n].right - words[columns[-1][-1]].right <= COLUMN_EDGE * height:
            columns[-1].append(n)
        else:
            columns.append([n])
    rows = _number_rows(words, numbers, height)
    row_of = {n: r for r, members in enumerate(rows) for n in members}
    columns = [c for c in columns if len({row_of[n] for n in c}) >= COLUMN_ROWS]
    column_of = {n: c for c, members in enumerate(columns) for n in members}
    rows_of = [{row_of[n] for n in members} for members in columns]
    cells: list[MissingCell] = []
    for c, column in enumerate(columns):
        left = min(words[n].left for n in column) - CELL_MARGIN * height
        right = max(words[n].right for n in column) + CELL_MARGIN * height
        # The column's table: the columns that share rows with it. Tesseract may lose a column's cells
        # from some row to the table's end, so the column's own extent does not bound its table.
        partners = {p for p, rows_there in enumerate(rows_of) if p != c and len(rows_there & rows_of[c]) >= 2}
        for r, members in enumerate(rows):
            if r in rows_of[c] or len({column_of.get(n) for n in members} & partners) < 2:
                continue
            row_top = statistics.median(words[n].top for n in members)
            row_bottom = statistics.median(words[n].bottom for n in members)
            inside = [
                n
                for n, w in enumerate(words)
                if w.right > left and w.left < right and w.bottom > row_top and w.top < row_bottom
            ]
            if any(words[n].confidence >= GARBLED or any(c.isdigit() for c in words[n].text) for n in inside):
                continue  # a confident word (text running into the column) or a number already there
            # The cell joins the line of the row's number nearest to it (its neighbour in the table).
            line = words[min(members, key=lambda n: abs(words[n].left - right))].line
            margin = CELL_MARGIN * height
            box = (max(0.0, left), max(0.0, row_top - margin), right, row_bottom + margin)
            cells.append(MissingCell(box, line, tuple(inside)))
    return cells


def unread_cells(image: Image.Image, words: list[PixelWord]) -> list[MissingCell]:
    """Cells of table rows whose ink no word covers, lined up in a column (``ocr_unread``): a column of
    lone figures the page pass dropped, which ``missing_cells`` cannot see for want of figures read in it.

    Rows are bands of at least two number words; the gaps of a cell's width between the words along a
    row (skew-corrected), and after its last word up to the table's last number column (an amount lost at
    the row's end: nothing read follows it), are searched for glyph-sized ink. A blob is a cell when a
    blob of another row or a figure read in another row lines up with it."""
    import numpy as np

    from invoiceflow.domain.ocr_unread import INK, aligned, ink_blobs

    numbers = [n for n, w in enumerate(words) if _number_word(w) and w.line]
    if len(numbers) < 4:
        return []
    heights = sorted(words[n].bottom - words[n].top for n in numbers)
    height = heights[len(heights) // 2]
    rows = [members for members in _number_rows(words, numbers, height) if len(members) >= 2]
    if len(rows) < 2:
        return []
    slope = _skew(words)

    def level(word: PixelWord) -> float:
        return (word.top + word.bottom) / 2 - slope * (word.left + word.right) / 2

    ink = np.asarray(image.convert("L")) < INK
    table_right = _table_right(words, rows, height)
    found: list[tuple[int, tuple[int, int, int, int], tuple[int, ...], tuple[int, ...]]] = []
    for r, members in enumerate(rows):
        row_level = statistics.median(level(words[n]) for n in members)
        on_row = [n for n, w in enumerate(words) if abs(level(w) - row_level) <= 0.5 * height]
        # An unsure reading without digits ("PP" for a lone "1" by a rule) is a garbled cell, no word.
        weak = [
            n for n in on_row if words[n].confidence < TRUSTED and not any(c.isdigit() for c in words[n].text)
        ]
        along = sorted((words[n] for n in on_row if n not in weak), key=lambda w: w.left)
        if along and table_right is not None and table_right - along[-1].right >= UNREAD_GAP * height:
            # The row's last cell (its amount) lost: the gap up to the table's last column is searched
            # too, bounded by a word-less stand-in just past that column's right edge.
            edge = table_right + (CLEARANCE_CELLS + UNREAD_APART) * height
            along.append(replace(along[-1], text="", left=edge, right=edge + 1))
        for before, after in itertools.pairwise(along):
            if after.left - before.right < UNREAD_GAP * height:
                continue
            centre = row_level + slope * (before.right + after.left) / 2
            for blob in ink_blobs(ink, before.right, after.left, centre, height):
                if min(blob[0] - before.right, after.left - blob[2]) < UNREAD_APART * height:
                    continue  # at word spacing from a word read: a lost part of its phrase ("21" of "21 %")
                line = words[min(members, key=lambda n: abs(words[n].left - blob[2]))].line
                garbled = tuple(n for n in weak if words[n].right > blob[0] and words[n].left < blob[2])
                found.append((r, blob, line, garbled))
    row_of = {n: r for r, members in enumerate(rows) for n in members}
    cells: list[MissingCell] = []
    margin = CELL_MARGIN * height
    for r, blob, line, garbled in found:
        others = [(float(b[0]), float(b[2])) for row, b, _line, _garbled in found if row != r]
        others += [(words[n].left, words[n].right) for n, row in row_of.items() if row != r]
        if aligned(blob, others, height):
            box = (max(0.0, blob[0] - margin), max(0.0, blob[1] - margin), blob[2] + margin, blob[3] + margin)
            cells.append(MissingCell(box, line, garbled))
    return cells


# The word-less stand-in that bounds a row's trailing gap lies this many line heights past the table's
# right edge, so that the blur of a right-aligned figure's last glyph stays inside the searched gap.
CLEARANCE_CELLS = 0.5


def _table_right(words: list[PixelWord], rows: list[list[int]], height: float) -> float | None:
    """The right edge of the table's last number column: the rightmost edge that number words of two
    rows share (a lone figure far right, a page number, is no column)."""
    rights = sorted(((words[n].right, r) for r, members in enumerate(rows) for n in members), reverse=True)
    for k, (right, row) in enumerate(rights):
        for other, other_row in rights[k + 1 :]:
            if right - other > COLUMN_EDGE * height:
                break
            if other_row != row:
                return right
    return None


def _number_rows(words: list[PixelWord], numbers: list[int], height: float) -> list[list[int]]:
    """Number words grouped into table rows by their vertical centres, corrected for the page's skew.
    Geometric, not by engine line: Tesseract often reads a table column by column, each column a block
    of its own; and at one degree of skew a row's left end lies a third of a line off its right end."""
    slope = _skew(words)

    def level(n: int) -> float:
        word = words[n]
        return (word.top + word.bottom) / 2 - slope * (word.left + word.right) / 2

    rows: list[list[int]] = []
    last = -1e9
    for n in sorted(numbers, key=level):
        if rows and level(n) - last <= 0.5 * height:
            rows[-1].append(n)
        else:
            rows.append([n])
        last = level(n)
    return rows


def _skew(words: list[PixelWord]) -> float:
    """The page's skew as the median slope (pixels down per pixel right) of the engine's long lines,
    measured between the first and last word of each line."""
    lines: dict[tuple[int, ...], list[PixelWord]] = {}
    for word in words:
        if word.line:
            lines.setdefault(word.line, []).append(word)
    slopes = []
    for members in lines.values():
        first = min(members, key=lambda w: w.left)
        last = max(members, key=lambda w: w.right)
        run = (last.left + last.right - first.left - first.right) / 2
        if run > 20 * (first.bottom - first.top):
            rise = (last.top + last.bottom - first.top - first.bottom) / 2
            slopes.append(rise / run)
    return statistics.median(slopes) if slopes else 0.0


def merge_cells(
    words: list[PixelWord],
    cells: list[MissingCell],
    offsets: list[tuple[float, float]],
    read: list[PixelWord],
    *,
    gap: int,
    zoom: int = 1,
) -> list[PixelWord]:
    """The page reading with each cell that the second pass read as one number put in its row (the
    cells were stacked ``zoom`` times their size, ``gap`` pixels from the stack's left edge)."""
    dropped: set[int] = set()
    added: list[PixelWord] = []
    for cell, (start, end) in zip(cells, offsets, strict=True):
        found = [w for w in read if start <= (w.top + w.bottom) / 2 <= end]
        if len(found) != 1 or not _number_word(found[0]):
            continue
        word = found[0]
        placed = PixelWord(
            word.text,
            cell.box[0] + (word.left - gap) / zoom,
            cell.box[1] + (word.top - start) / zoom,
            cell.box[0] + (word.right - gap) / zoom,
            cell.box[1] + (word.bottom - start) / zoom,
            word.confidence,
            cell.line,
        )
        # Two rows of a skewed table may both miss one cell and both ask for it: read once, it is one word
        # (a second copy would overlap the first and split its row in two).
        if any(words_overlap(placed, other) for other in added):
            continue
        added.append(placed)
        dropped.update(cell.replaces)
    return [w for n, w in enumerate(words) if n not in dropped] + added


# Number words closer than this share of the line height are one number written with a space between
# thousand groups ("1 606,50"); table columns lie several line heights apart.
THOUSANDS_GAP = 0.8
# A quantity cell's right edge lies within this many line heights of the quantity column's (centred
# quantities of one or three digits end at different x).
QUANTITY_COLUMN = 2.0


def repair_row_numbers(words: list[PixelWord]) -> list[PixelWord]:
    """Garbled number cells of table rows rewritten where row arithmetic confirms one reading
    (``ocr_repair.repair_row_texts``). Rows are bands of digit-bearing words read left to right, found
    geometrically: Tesseract often puts a table's columns into separate blocks."""
    # Percent signs stay in the rows: the number before one is a rate, not a quantity.
    numbers = [n for n, w in enumerate(words) if any(c.isdigit() for c in w.text) or w.text == "%"]
    if len(numbers) < 3:
        return words
    heights = sorted(words[n].bottom - words[n].top for n in numbers)
    height = heights[len(heights) // 2]
    # A number inside a description ("LED strip 5 m") is no cell: with the row's real quantity lost,
    # the quantity repair would rewrite it and corrupt the text.
    in_text = _numbers_in_text(words, numbers, THOUSANDS_GAP * height)
    numbers = [n for n in numbers if n not in in_text]
    out = list(words)
    rows: list[tuple[list[int], list[str], list[bool]]] = []
    for members in _number_rows(words, numbers, height):
        members.sort(key=lambda n: words[n].left)
        row = [words[n] for n in members]
        gaps = [b.left - a.right for a, b in itertools.pairwise(row)]
        rows.append((members, [w.text for w in row], [gap < THOUSANDS_GAP * height for gap in gaps]))
    slope = _skew(words)

    def column_edge(n: int) -> float:  # the right edge turned back by the skew: one x for a whole column
        return words[n].right + slope * (words[n].top + words[n].bottom) / 2

    # Rows whose clean cells multiply out show where the quantity column is: a misread quantity is
    # rewritten only there, never a figure of a description ("DN 25") left of it.
    found = [(members, quantity_word(texts, close)) for members, texts, close in rows]
    edges = [column_edge(members[q]) for members, q in found if q is not None]
    # A column is where two such rows agree: one row may multiply out by chance.
    tolerance = QUANTITY_COLUMN * height
    edges = [
        e for n, e in enumerate(edges) if any(abs(e - o) <= tolerance for o in edges[:n] + edges[n + 1 :])
    ]
    for members, texts, close in rows:

        def in_quantity_column(position: int, price: int, members: list[int] = members) -> bool:
            # Not a figure left of the quantity column when that column stands between it and the price
            # ("DN 25" in the text of a row whose quantity cell was lost).
            left, right = column_edge(members[position]) + tolerance, column_edge(members[price]) - tolerance
            return not any(left < edge < right for edge in edges)

        repaired = repair_row_texts(texts, close, in_quantity_column)
        for n, text in zip(members, repaired, strict=True):
            if text != words[n].text:
                out[n] = replace(words[n], text=text)
    return out


def _numbers_in_text(words: list[PixelWord], numbers: list[int], gap: float) -> set[int]:
    """Number words that follow a word of running text (lower-case letters, not a currency code) on
    the same engine line at word spacing: part of a description, not a table cell."""
    by_line: dict[tuple[int, ...], list[int]] = {}
    for n, word in enumerate(words):
        if word.line and _PROSE_WORD.search(word.text):
            by_line.setdefault(word.line, []).append(n)
    return {
        n
        for n in numbers
        if any(0 <= words[n].left - words[m].right < gap for m in by_line.get(words[n].line, []) if m != n)
    }


_PROSE_WORD = re.compile(r"[a-zß-ÿ]{2}")
