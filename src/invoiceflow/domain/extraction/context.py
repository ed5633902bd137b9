"""Per-page analysis shared by every field extractor: lines, number style, date order, labels."""

from __future__ import annotations

from dataclasses import dataclass, field

from invoiceflow.domain.extraction.dates import DateOrder, numeric_order_evidence
from invoiceflow.domain.extraction.labels import LabelMatch, find_labels
from invoiceflow.domain.extraction.layout import Line, build_lines, horizontal_overlap
from invoiceflow.domain.extraction.numbers import DecimalStyle, dominant_style
from invoiceflow.domain.models import PageText

HEADER_KINDS = ("invoice_number", "due_date", "other_date", "issue_date")
TOTAL_KINDS = ("carry", "net", "tax", "gross")


@dataclass
class PageContext:
    page: PageText
    lines: list[Line]
    style: DecimalStyle
    order: DateOrder
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

    def lines_below(
        self, line: Line, x0: float, x1: float, max_lines: int = 2
    ) -> list[tuple[Line, int, int]]:
        """Text ranges of the next lines that sit under [x0, x1] (a value written below its label)."""
        out: list[tuple[Line, int, int]] = []
        limit = line.bottom + 3.2 * line.height * max_lines
        for below in self.lines[line.index + 1 :]:
            if below.top > limit or len(out) >= max_lines:
                break
            for seg_start, seg_end in below.segments():
                sx0, sx1 = below.span_x(seg_start, seg_end)
                if horizontal_overlap(sx0, sx1, x0 - 2, x1 + 2) > 0 or (abs(sx0 - x0) < 8):
                    out.append((below, seg_start, seg_end))
                    break
        return out


def analyse(page: PageText, order_hint: DateOrder | None = None) -> PageContext:
    lines = build_lines(page)
    order = numeric_order_evidence(lines) or order_hint or DateOrder.DMY
    ctx = PageContext(page=page, lines=lines, style=dominant_style(lines), order=order)
    for line in lines:
        header = find_labels(line.folded, HEADER_KINDS)
        if header:
            ctx.header_labels[line.index] = header
        totals = find_labels(line.folded, TOTAL_KINDS)
        if totals:
            ctx.total_labels[line.index] = totals
    return ctx
