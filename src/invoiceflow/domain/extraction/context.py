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

    def has_label(self, line: Line, start: int, end: int) -> bool:
        """True when a header or totals label starts inside ``line.text[start:end]``."""
        return any(
            start <= label.start < end
            for family in (self.header_labels, self.total_labels)
            for label in family.get(line.index, [])
        )


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
            header += in_header
            totals += in_totals
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
        x0 = upper.span_x(a_start, a_end)[0]
        for b_start, b_end in lower.segments():
            if abs(lower.span_x(b_start, b_end)[0] - x0) > 0.5 * upper.height:
                continue
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


def _replace(labels: dict[int, list[LabelMatch]], line: Line, label: LabelMatch) -> None:
    kept = [m for m in labels.get(line.index, []) if m.end <= label.start or m.start >= label.end]
    labels[line.index] = sorted([*kept, label], key=lambda m: m.start)


def _ends_with_label(ctx: PageContext, line: Line, segment_end: int) -> bool:
    tail = line.folded[:segment_end].rstrip(" :.#-")
    return any(m.end >= len(tail) for m in ctx.header_labels.get(line.index, []) if m.start < segment_end)
