"""Lines of text between an items table's rows: which row a wrapped description line belongs to (cells
aligned to the top, centre or bottom, names over reference rows, text carried over from the page before),
and when a line is a numbered group title or a section heading over the next row instead.
"""

from __future__ import annotations

import itertools

from invoiceflow.domain.extraction.column_inference import Column
from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.item_header import NUMERIC_KINDS, assign_column, header_columns, is_header
from invoiceflow.domain.extraction.item_lines import (
    MAX_DESCRIPTION_LINES,
    Item,
    description_words,
    is_totals_line,
    row_amounts,
)
from invoiceflow.domain.extraction.item_rows import (
    em,
    heading_between,
    is_figure_line,
    is_reference_line,
    line_pitch,
)
from invoiceflow.domain.extraction.layout import Line, fold
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import DecimalStyle


def text_above(
    ctx: PageContext, style: DecimalStyle, first: int, desc_range: tuple[float, float]
) -> list[tuple[Line, list[str]]]:
    """Lines of text alone right above line ``first``, at the text's line pitch and inside the
    description column (a letterhead or a header row stands apart or spans other columns)."""
    found: list[tuple[Line, list[str]]] = []
    below = ctx.lines[first] if first < len(ctx.lines) else None
    for line in reversed(ctx.lines[max(0, first - MAX_DESCRIPTION_LINES) : first]):
        money = [a for a in row_amounts(line, style) if a.decimals == 2 and not a.is_percent]
        if below is None or below.top - line.bottom >= 1.6 * em(line) or money:
            break  # a gap, or a row of figures ("DN 25" in a name is none)
        inside = all(desc_range[0] - 6 <= w.x0 and (w.x0 + w.x1) / 2 <= desc_range[1] for w in line.words)
        text = description_words(line, desc_range)
        if not inside or not text or is_header(header_columns(line)):
            break
        found.insert(0, (line, text))
        below = line
    return found


def carried_text(lead: list[tuple[Line, list[str]]], items: list[Item]) -> list[str]:
    """Text lines read above the first row that no item took (the first row has text of its own): where
    the table went on from the page before, they end that page's last item (a page break inside a
    wrapped description). Tidied as lines after a name are: reference lines left out, the text cut at a
    line of figures."""
    taken = {t for item in items[:1] for t in item.description}
    carried = [t for _, text in lead for t in text if t not in taken]
    if not items or not carried or len(carried) != sum(len(text) for _, text in lead):
        return []
    carried = [t for t in carried if not is_reference_line(fold(t))]
    cut = next((k for k, t in enumerate(carried) if is_figure_line(fold(t))), None)
    return carried[:cut]


def names_above_references(items: list[Item]) -> None:
    """Items printed as a name over a figures row whose text cell holds a reference (delivery note, EAN,
    period), rows set as tight as their lines: each name reads like a wrapped line of the row above. A
    reference ends an item's text; where text follows it and the next row's own text is a reference,
    that text is the next item's name."""
    for k in range(1, len(items)):
        own, above = items[k].description, items[k - 1].description
        if not own or not is_reference_line(fold(own[0])):
            continue
        flags = [is_reference_line(fold(t)) for t in above]
        last = max((j for j, f in enumerate(flags) if f), default=None)
        if last is None or last + 1 >= len(above) or all(flags[:last]):
            continue  # no text after a reference, or the item above would keep no name of its own
        items[k].description = above[last + 1 :] + own
        del above[last + 1 :]


def regroup_bottom_aligned(
    items: list[Item],
    rows: list[tuple[Line, list[tuple[Line, list[str]]]]],
    tops: list[Line],
    lead: list[tuple[Line, list[str]]],
) -> None:
    """Rows whose numbers stand on the LAST or a middle line of a multi-line description (cells aligned
    to the bottom or centred) were read as wrapped lines of the row above (and the first row's opening
    lines as lines above the table). A description line belongs to the row it sits
    closer to: where the widest vertical gap between a row, its wrapped lines and the next row falls
    before the next row's own line, the lines after that gap move to the next row."""
    for k in range(len(rows) - 1):
        row_line, trail = rows[k]
        if not trail:
            continue
        sequence = [row_line, *(line for line, _ in trail), tops[k + 1]]
        gaps = [b.top - a.bottom for a, b in itertools.pairwise(sequence)]
        widest = max(range(len(gaps)), key=lambda i: gaps[i])
        others = [g for i, g in enumerate(gaps) if i != widest]
        # A scan's line boxes move with the skew of lines of different widths: a wider margin.
        margin = (0.75 if row_line.ocr else 0.25) * row_line.height
        if widest == len(gaps) - 1 or gaps[widest] < max(others) + margin:
            continue
        moved = [t for _, lines in trail[widest:] for t in lines]
        if moved and moved[0][:1].islower():
            continue  # a sentence going on ("tot de laatste dag …"), not the start of the next item
        if items[k].description[-len(moved) :] != moved:
            continue
        del items[k].description[-len(moved) :]
        items[k + 1].description[:0] = moved
    if lead and rows:
        sequence = [*(line for line, _ in lead), rows[0][0]]
        gaps = [b.top - a.bottom for a, b in itertools.pairwise(sequence)]
        # A centred first row already took the line it overlaps: prepend only the lines above that one.
        taken = next(
            (j for j, (_, text) in enumerate(lead) if items[0].description[: len(text)] == text), len(lead)
        )
        # Lines right above the first row, at line pitch (a title a row pitch above it is no part of it).
        pitch = rows[0][0].top - lead[-1][0].top
        first_em = em(rows[0][0])
        if max(gaps) < first_em and (pitch < 1.5 * first_em or not items[0].description):
            items[0].description[:0] = [t for _, lines in lead[:taken] for t in lines]


_OUTLINE_NUMBER_RE = lazy_compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")


def own_position(line: Line, columns: list[Column], desc_range: tuple[float, float]) -> bool:
    """The line starts with a number of its own in the position column ("3", "2.1", "10."): the header's
    column left of the description, a known label ("Pos.") or not ("N°")."""
    position = next((c for c in columns if c.kind in ("position", "other") and c.x1 < desc_range[0]), None)
    if position is None or not line.words or not _OUTLINE_NUMBER_RE.match(line.words[0].text):
        return False
    first = line.words[0]
    return position.x0 - 10 <= (first.x0 + first.x1) / 2 < desc_range[0]


def numbered_row(line: Line, columns: list[Column], desc_range: tuple[float, float]) -> bool:
    """``own_position`` with the number left of every figure column: a quantity printed first
    ("Qty | Description") is no row number."""
    if not own_position(line, columns, desc_range):
        return False
    centre = (line.words[0].x0 + line.words[0].x1) / 2
    return all(centre < c.x0 for c in columns if c.kind in NUMERIC_KINDS)


def numbered_heading(
    ctx: PageContext, style: DecimalStyle, line: Line, columns: list[Column], desc_range: tuple[float, float]
) -> bool:
    """A group title with a number of its own in the position column and no figures, right over a row
    numbered in its own right ("2  Electrical works" over "2.1 …", "2.2 …"): no wrapped line of the row
    above (which never has a number of its own) nor an opening line of the row below (which has one)."""
    if line.index + 1 >= len(ctx.lines) or not own_position(line, columns, desc_range):
        return False
    if len(line.words) < 2 or any(not a.is_percent for a in row_amounts(line, style)[1:]):
        return False
    below = ctx.lines[line.index + 1]
    if below.top - line.bottom > 1.6 * em(line) or not own_position(below, columns, desc_range):
        return False
    assigned = (assign_column(a, columns) for a in row_amounts(below, style) if not a.is_percent)
    return any(column is not None and column.kind == "amount" for column in assigned)


def opens_row(ctx: PageContext, style: DecimalStyle, line: Line, columns: list[Column]) -> bool:
    """A description line after a wide gap opens the next row when, at line pitch below it, a line with
    an amount in the amount column follows (cells centred or bottom-aligned in padded rows)."""
    above = line
    for below in ctx.lines[line.index + 1 : line.index + MAX_DESCRIPTION_LINES]:
        if below.top - above.bottom > 1.6 * em(below) or is_totals_line(ctx, below):
            return False
        assigned = (assign_column(a, columns) for a in row_amounts(below, style) if not a.is_percent)
        if any(column is not None and column.kind == "amount" for column in assigned):
            return True
        above = below
    return False


def wrap_before_totals(
    ctx: PageContext, line: Line, previous: Line, desc_range: tuple[float, float]
) -> list[str]:
    """The last wrapped line of the last item read into one line with the totals label right of it (a
    skewed scan merges lines whose heights overlap): the text of the segments left of the label, when
    they stand in the description column at line pitch below the row."""
    labels = ctx.total_labels.get(line.index) or []
    if not line.ocr or not labels or line.top - previous.bottom > 1.6 * line.height:
        return []
    label_segment = line.segment_index(labels[0].start)
    if label_segment == 0:
        return []
    start, _ = line.segments()[0]
    end = line.segments()[label_segment - 1][1]
    words = [
        w
        for k, w in zip(line.segment_of_word, line.words, strict=True)
        if k < label_segment and desc_range[0] - 6 <= w.x0 and (w.x0 + w.x1) / 2 <= desc_range[1]
    ]
    if (
        not words
        or any(c.isdigit() for c in line.text[start:end])
        or len(words) != sum(1 for k in line.segment_of_word if k < label_segment)
    ):
        return []
    return [" ".join(w.text for w in words)]


def heads_section(
    ctx: PageContext,
    style: DecimalStyle,
    line: Line,
    previous: Line,
    *,
    columns: list[Column],
    desc_range: tuple[float, float],
    first: int,
    row_pitch: float | None = None,
) -> bool:
    """A line of text alone above a row with a description of its own, as far from it as rows stand apart
    and clearly further than the tightest line pitch of the table so far (a table spaced evenly, wrapped
    lines and rows alike, shows no heading apart from its text): a section heading."""
    below = ctx.lines[line.index + 1] if line.index + 1 < len(ctx.lines) else None
    if below is None or is_totals_line(ctx, below) or not description_words(below, desc_range):
        return False
    assigned = (assign_column(a, columns) for a in row_amounts(below, style) if not a.is_percent)
    if not any(column is not None and column.kind == "amount" for column in assigned):
        return False
    tightest = line_pitch(ctx.lines[first : line.index + 1])
    if tightest is None:
        return False
    if (
        numbered_row(below, columns, desc_range)
        and not own_position(line, columns, desc_range)
        and line.top - previous.top >= tightest + 0.3 * em(line)
        and below.top - line.top >= tightest - 0.1 * em(line)
        and not opens_cell_of(line, below, previous, row_pitch)
        and not _closes_cell_of(line, previous, below, row_pitch)
    ):
        # Rows numbered in the position column: text without a number, set off from the row above and
        # a row pitch over a numbered row, is a group title ("Kitchen", "Delivery 2"), not the opening
        # line of the row below (which would carry the number).
        return True
    if below.top - line.top < tightest + 0.3 * em(line):
        return False
    if heading_between(previous, line, below):
        return True
    # Set off from the rows above and a row pitch above the next row, which has text of its own: the
    # title of the rows below (an opening line of a padded row stands at line pitch above its figures).
    far_above = line.top - previous.bottom >= 1.6 * em(line)
    return far_above and below.top - line.top >= 1.5 * em(line)


def _in_one_cell(line: Line, other: Line, row_pitch: float | None) -> bool:
    """``line`` and ``other`` (the row's figures or text next to them) stand closer than rows stand
    apart: lines of one cell, where a title over a row stands a row pitch off."""
    return row_pitch is None or abs(other.top - line.top) < row_pitch - 0.3 * em(line)


def opens_cell_of(line: Line, below: Line, above: Line | None, row_pitch: float | None) -> bool:
    """``line`` runs on into the row ``below`` as wrapped lines of one cell do (their boxes all but touch,
    closer than rows stand apart) and stands clearly further from the row ``above``: the first line of a
    description whose row's number and figures are centred in it or at its bottom, not a group title."""
    gap = below.top - line.bottom
    if gap > 0.4 * em(line) or not _in_one_cell(line, below, row_pitch):
        return False
    return above is None or line.top - above.bottom >= gap + 0.5 * em(line)


def _closes_cell_of(line: Line, above: Line, below: Line, row_pitch: float | None) -> bool:
    """``line`` goes on from the row ``above`` as wrapped lines of one cell do and stands clearly further
    from the row ``below``: the last line of a description whose figures are centred in it, not a group
    title over the next row."""
    gap = line.top - above.bottom
    if gap > 0.4 * em(line) or not _in_one_cell(line, above, row_pitch):
        return False
    return below.top - line.bottom >= gap + 0.5 * em(line)
