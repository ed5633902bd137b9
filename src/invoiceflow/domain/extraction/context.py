"""Per-page analysis shared by every field extractor: lines, number style, date order, labels."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from invoiceflow.domain.extraction.dates import DateOrder, numeric_order_evidence
from invoiceflow.domain.extraction.labels import LabelMatch, find_labels_of_families
from invoiceflow.domain.extraction.layout import Line, build_lines, horizontal_overlap
from invoiceflow.domain.extraction.numbers import DecimalStyle, dominant_style
from invoiceflow.domain.models import PageText

HEADER_KINDS = ("invoice_number", "due_date", "other_date", "issue_date")
TOTAL_KINDS = ("carry", "net", "tax", "gross")
_FAMILIES = (HEADER_KINDS, TOTAL_KINDS)


@dataclass
class PageContext:
    page: PageText
    lines: list[Line]
    style: DecimalStyle
    order: DateOrder
    order_proven: bool = False  # an unambiguous numeric date on the page decided the order
    header_labels: dict[int, list[LabelMatch]] = field(default_factory=dict)
    total_labels: dict[int, list[LabelMatch]] = field(default_factory=dict)

    def value_span(self, line: Line, label: LabelMatch, whole_line: bool = False) -> tuple[int, int]:
        """Text range right of a label on its line: up to the next label and, unless ``whole_line``,
        to the end of the label's own segment (or of the next segment when the label ends its own)."""
        end = len(line.text)
        same_family = self.total_labels if label.kind in TOTAL_KINDS else self.header_labels
        for other in same_family.get(line.index, []):
            if other.start >= label.end:
                end = min(end, other.start)
        start = label.end
        while start < end and line.text[start] in " :#.":
            start += 1
        if start >= end:
            return start, start
        if whole_line:
            return start, end
        seg_start, seg_end = line.segment_span(start)
        if seg_start < start < seg_end or seg_start == start:
            return start, min(end, seg_end)
        return start, end

    def cells_below(self, line: Line, offset: int, max_lines: int = 2) -> list[tuple[Line, int, int, float]]:
        """(line, start, end, alignment) of the segments under the label at ``offset`` on the next lines.

        A row of values under a row of as many labels pairs by position (boxed headers and totals, where
        labels are left-aligned and values right-aligned in their boxes); otherwise the value is the
        segment overlapping the free span between the label's neighbours most, nearest the label's centre.
        Alignment in (0, 1]: 1 when paired or lying inside the label's own width, less when it strays."""
        xs = line.segment_x()
        k = line.segment_index(offset)
        x0, x1 = xs[k]
        left = xs[k - 1][1] if k > 0 else x0 - 2 * line.height
        right = xs[k + 1][0] if k + 1 < len(xs) else x1 + 3 * line.height
        centre = (x0 + x1) / 2
        out: list[tuple[Line, int, int, float]] = []
        limit = line.bottom + 3.2 * line.height * max_lines
        for below in self.lines[line.index + 1 :]:
            if below.top > limit or len(out) >= max_lines:
                break
            segments, below_xs = below.segments(), below.segment_x()
            if len(xs) > 1 and len(below_xs) == len(xs):
                out.append((below, *segments[k], 1.0))
                continue
            best: tuple[float, float, int] | None = None
            for i, (sx0, sx1) in enumerate(below_xs):
                overlap = horizontal_overlap(sx0, sx1, left, right)
                if overlap <= 0:
                    continue
                rank = (overlap / max(sx1 - sx0, 1.0), -abs((sx0 + sx1) / 2 - centre))
                if best is None or rank > best[:2]:
                    best = (*rank, i)
            if best is not None:
                sx0, sx1 = below_xs[best[2]]
                alignment = max(horizontal_overlap(sx0, sx1, x0 - 4, x1 + 4) / max(sx1 - sx0, 1.0), 0.01)
                out.append((below, *segments[best[2]], alignment))
        return out

    def cells_under_packed_labels(
        self, line: Line, label: LabelMatch, max_lines: int = 2
    ) -> list[tuple[Line, int, int, float]] | None:
        """Like ``cells_below`` for a row of header labels packed closer than the segment gap ("Invoice date
        Due date Customer No." with values in the row beneath, as HTML tables print them); None when the
        label's segment holds no other cell and the values beneath are not packed either.

        The label row is cut into cells at gaps wider than word spacing and between two labels that touch;
        the rows beneath into runs of words the same way. A run belongs to the cell it is aligned with best
        (left edges, right edges or centres: the table may align either way, values wider than labels)."""
        labels = self.header_labels.get(line.index, [])
        cells = cell_runs(line, labels)
        seg_start, seg_end = line.segment_span(label.start)
        if sum(seg_start <= start < seg_end for start, _, _, _ in cells) < 2 and not (
            len(labels) > 1 and self._packed_values_below(line)
        ):
            return None
        k = next((i for i, (start, end, _, _) in enumerate(cells) if start <= label.start < end), None)
        if k is None:
            return None
        out: list[tuple[Line, int, int, float]] = []
        limit = line.bottom + 3.2 * line.height * max_lines
        for below in self.lines[line.index + 1 :]:
            if below.top > limit or len(out) >= max_lines:
                break
            runs = cell_runs(below, [])
            best: tuple[float, int, int] | None = None  # (distance, start, end)
            for start, end, x0, x1 in runs:
                owner, distance = _aligned_cell(cells, x0, x1)
                if owner == k and (best is None or distance < best[0]):
                    best = (distance, start, end)
            if best is not None:
                out.append((below, best[1], best[2], 1.0 if best[0] <= 2 * line.height else 0.5))
        return out

    def _packed_values_below(self, line: Line) -> bool:
        """The line under a row of labels packs its values closer than the segment gap (values wider
        than their labels: the labels stand apart, the values do not)."""
        if line.index + 1 >= len(self.lines):
            return False
        below = self.lines[line.index + 1]
        return below.top <= line.bottom + 3.2 * line.height and len(cell_runs(below, [])) > len(
            below.segments()
        )

    def has_label(self, line: Line, start: int, end: int) -> bool:
        """True when a header or totals label starts inside ``line.text[start:end]``."""
        return any(
            start <= label.start < end
            for family in (self.header_labels, self.total_labels)
            for label in family.get(line.index, [])
        )


# Words in a cell stand ~0.25–0.4 em apart; table cells padded less than the segment gap (0.8 em) still
# leave ≥ 0.6 em between columns. Letter-spaced capitals ("DATE  D'ÉCHÉANCE") space their words wider:
# a gap is a cell's when it is also a quarter wider than the line's narrowest gap (counted up to 0.5 em).
_CELL_GAP_EM = 0.55
_WORD_GAP_CAP_EM = 0.5


def _cell_gap(line: Line) -> float:
    words = line.words
    narrowest = min((b.x0 - a.x1 for a, b in itertools.pairwise(words)), default=0.0)
    return max(_CELL_GAP_EM * line.height, 1.25 * min(max(narrowest, 0.0), _WORD_GAP_CAP_EM * line.height))


def cell_runs(line: Line, labels: list[LabelMatch]) -> list[tuple[int, int, float, float]]:
    """(start, end, x0, x1) of the runs of words of ``line`` cut at gaps wider than word spacing (never
    inside a label) and where one label ends and another starts right after it."""
    words, starts = line.words, line.starts
    touching = {
        b.start
        for a in labels
        for b in labels
        if a.end <= b.start and not line.text[a.end : b.start].strip(" :")
    }
    out: list[tuple[int, int, float, float]] = []
    first = 0
    gap = _cell_gap(line)
    for i in range(1, len(words) + 1):
        if i < len(words):
            inside = any(m.start <= starts[i - 1] and starts[i] < m.end for m in labels)
            wide = words[i].x0 - words[i - 1].x1 > gap
            if not (starts[i] in touching or (wide and not inside)):
                continue
        end = starts[i - 1] + len(words[i - 1].text)
        out.append((starts[first], end, words[first].x0, max(w.x1 for w in words[first:i])))
        first = i
    return out


# OCR boxes of a monospaced till-receipt font hug each glyph while its spaces are a whole character wide:
# a label's words may stand just over the segment gap apart ("Dok.  Nr.:  162/165393").
_CLOSE_SEGMENTS_EM = 1.5


def _labels_across_close_segments(line: Line, found: list[LabelMatch]) -> list[LabelMatch]:
    """Header labels of an OCR line that only the text of two neighbouring segments read together holds,
    when the gap between them is under ``_CLOSE_SEGMENTS_EM`` of the line's tallest word (a table's
    columns stand further apart), and no label already read overlaps them."""
    segments, xs = line.segments(), line.segment_x()
    em = max(w.y1 - w.y0 for w in line.words)
    out: list[LabelMatch] = []
    for k in range(len(segments) - 1):
        if xs[k + 1][0] - xs[k][1] > _CLOSE_SEGMENTS_EM * em:
            continue
        boundary_start, boundary_end = segments[k][1], segments[k + 1][0]
        for m in find_labels_of_families(line.folded, (HEADER_KINDS,), segments[k][0], segments[k + 1][1])[0]:
            if (
                m.start < boundary_start
                and m.end > boundary_end
                and not any(o.start < m.end and m.start < o.end for o in (*found, *out))
            ):
                out.append(m)
    return out


def _straddles_cell_gap(line: Line, labels: list[LabelMatch]) -> bool:
    """A label read across a gap wider than word spacing: "Invoice date | Due date" packed in one segment
    reads "date Due" as a label."""
    words, starts = line.words, line.starts
    gap = _cell_gap(line)
    return any(
        m.start < starts[i] < m.end and words[i].x0 - words[i - 1].x1 > gap
        for m in labels
        for i in range(1, len(words))
    )


def _labels_per_cell(line: Line, labels: list[LabelMatch], seg_start: int, seg_end: int) -> list[LabelMatch]:
    """The header labels of a segment read cell by cell (runs cut at gaps wider than word spacing), when
    that finds as many labels as reading the segment whole."""
    per_cell = [
        m
        for start, end, _, _ in cell_runs(line, [])
        if seg_start <= start < seg_end
        for m in find_labels_of_families(line.folded, (HEADER_KINDS,), start, end)[0]
    ]
    return per_cell if len(per_cell) >= len(labels) else labels


def _aligned_cell(cells: list[tuple[int, int, float, float]], x0: float, x1: float) -> tuple[int, float]:
    """The cell a run of words at x0..x1 is aligned with best (left, right or centre), and how far off;
    only cells whose column (up to the neighbouring cells) the run overlaps."""
    best = (-1, float("inf"))
    for i, (_, _, c0, c1) in enumerate(cells):
        left = cells[i - 1][3] if i > 0 else float("-inf")
        right = cells[i + 1][2] if i + 1 < len(cells) else float("inf")
        if horizontal_overlap(x0, x1, left, right) <= 0:
            continue
        distance = min(abs(x0 - c0), abs(x1 - c1), abs((x0 + x1) / 2 - (c0 + c1) / 2))
        if distance < best[1]:
            best = (i, distance)
    return best


def analyse(
    page: PageText, order_hint: DateOrder | None = None, lines: list[Line] | None = None
) -> PageContext:
    lines = build_lines(page) if lines is None else lines
    evidence = numeric_order_evidence(lines)
    order = evidence or order_hint or DateOrder.DMY
    ctx = PageContext(
        page=page, lines=lines, style=dominant_style(lines), order=order, order_proven=evidence is not None
    )
    for line in lines:
        header: list[LabelMatch] = []
        totals: list[LabelMatch] = []
        for seg_start, seg_end in line.segments():
            in_header, in_totals = find_labels_of_families(line.folded, _FAMILIES, seg_start, seg_end)
            if in_header and _straddles_cell_gap(line, in_header):
                in_header = _labels_per_cell(line, in_header, seg_start, seg_end)
            header += in_header
            totals += in_totals
        if line.ocr and len(line.words) > 1:
            header = sorted(header + _labels_across_close_segments(line, header), key=lambda m: m.start)
        if header:
            ctx.header_labels[line.index] = header
        if totals:
            ctx.total_labels[line.index] = totals
    for upper, lower in itertools.pairwise(lines):
        _join_stacked_label(ctx, upper, lower)
    return ctx


def _join_stacked_label(ctx: PageContext, upper: Line, lower: Line) -> None:
    """A header label broken over two lines of one cell ("Invoice" over "Number", "Rechnungs-" over
    "nummer", "Date of" over "issue"): a short segment without figures and the segment under it, left
    edges aligned at line pitch, are read as one label text. A label that starts in the upper part and ends
    in the lower one is put on both lines (over their parts, replacing the labels found there alone), so
    that its value is found right of either line or under the cell."""
    if lower.top - upper.bottom > 0.8 * upper.height:
        return
    for a_start, a_end in upper.segments():
        top_text = upper.folded[a_start:a_end]
        if any(c.isdigit() for c in top_text) or top_text.count(" ") > 2:
            continue
        upper_is_label = _ends_with_label(ctx, upper, a_end)
        valued = upper_is_label and _figure_in_next_segment(upper, a_end)
        x0 = upper.span_x(a_start, a_end)[0]
        for b_start, b_end in lower.segments():
            if abs(lower.span_x(b_start, b_end)[0] - x0) > 0.5 * upper.height:
                continue
            if valued and _figure_in_next_segment(lower, b_end):
                continue  # "Fecha | 28/05/2026" over "Pedido nº | 4711": two rows, each with its value
            if upper_is_label and any(
                o.start <= b_start < o.end for o in ctx.header_labels.get(lower.index, [])
            ):
                continue  # a whole label over a segment that opens with one: two stacked labels
            hyphen = top_text.endswith("-") and lower.folded[b_start : b_start + 1].isalpha()
            head = top_text[:-1] if hyphen else top_text + " "
            joined = head + lower.folded[b_start:b_end]
            for m in find_labels_of_families(joined, (HEADER_KINDS,))[0]:
                if m.start >= len(top_text) or m.end <= len(head):
                    continue
                b_end_label = b_start + m.end - len(head)
                # "DATE" over "DUE DATE": two labels, the joined "date due" would cut the lower one short.
                if any(
                    b_start <= o.start < b_end_label < o.end for o in ctx.header_labels.get(lower.index, [])
                ):
                    continue
                _replace(ctx.header_labels, upper, LabelMatch(m.kind, a_start + m.start, a_end))
                _replace(ctx.header_labels, lower, LabelMatch(m.kind, b_start, b_end_label))


def _figure_in_next_segment(line: Line, segment_end: int) -> bool:
    following = [(start, end) for start, end in line.segments() if start >= segment_end]
    return bool(following) and any(c.isdigit() for c in line.folded[following[0][0] : following[0][1]])


def _replace(labels: dict[int, list[LabelMatch]], line: Line, label: LabelMatch) -> None:
    kept = [m for m in labels.get(line.index, []) if m.end <= label.start or m.start >= label.end]
    labels[line.index] = sorted([*kept, label], key=lambda m: m.start)


def _ends_with_label(ctx: PageContext, line: Line, segment_end: int) -> bool:
    tail = line.folded[:segment_end].rstrip(" :.#-")
    return any(m.end >= len(tail) for m in ctx.header_labels.get(line.index, []) if m.start < segment_end)
