"""Invoice number, issue date and due date: label → value to the right, else below the label."""

from __future__ import annotations

import re
from dataclasses import dataclass

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.dates import DateMatch, find_dates
from invoiceflow.domain.extraction.labels import LabelMatch
from invoiceflow.domain.extraction.layout import Line

_NUMBER_TOKEN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-/_.]*[A-Za-z0-9]|[0-9]")
_NOT_A_NUMBER = re.compile(r"^(?:date|datum|fecha|data|page|seite|of|von|du|del|the|no|nr)$", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    value: str
    confidence: float
    line: int


def _spans_for(ctx: PageContext, line: Line, label: LabelMatch) -> list[tuple[Line, int, int, bool]]:
    """Candidate value ranges: right of the label first, then under it."""
    start, end = ctx.value_span(line, label)
    spans: list[tuple[Line, int, int, bool]] = []
    if end > start:
        spans.append((line, start, end, True))
    x0, x1 = line.span_x(label.start, label.end)
    for below, b_start, b_end in ctx.lines_below(line, x0, x1 + 20):
        spans.append((below, b_start, b_end, False))
    return spans


def _invoice_number_in(ctx: PageContext, line: Line, start: int, end: int) -> str | None:
    text = line.text[start:end]
    dates = find_dates(line, ctx.order, start, end)
    for m in _NUMBER_TOKEN_RE.finditer(text):
        token = m.group(0)
        abs_start = start + m.start()
        if any(d.start <= abs_start < d.end for d in dates):
            continue
        if _NOT_A_NUMBER.match(token) or not any(c.isdigit() for c in token):
            continue
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})*[.,]\d{2}", token):
            continue  # an amount
        return token
    return None


def extract_invoice_number(ctx: PageContext, vat_ids: set[str]) -> Found | None:
    best: Found | None = None
    for index, labels in ctx.header_labels.items():
        line = ctx.lines[index]
        for label in labels:
            if label.kind != "invoice_number":
                continue
            for target, start, end, right in _spans_for(ctx, line, label):
                token = _invoice_number_in(ctx, target, start, end)
                if token and token.upper().replace(" ", "") not in vat_ids:
                    conf = 0.93 if right else 0.85
                    if best is None or conf > best.confidence:
                        best = Found(token, conf, target.index)
                    break
    return best


def _labelled_dates(ctx: PageContext, kind: str) -> list[tuple[DateMatch, float, int]]:
    out: list[tuple[DateMatch, float, int]] = []
    for index, labels in ctx.header_labels.items():
        line = ctx.lines[index]
        for label in labels:
            if label.kind != kind:
                continue
            for target, start, end, right in _spans_for(ctx, line, label):
                dates = find_dates(target, ctx.order, start, end)
                if dates:
                    generic = kind == "issue_date" and label.end - label.start <= 7  # bare "Date:"
                    conf = (0.93 if right else 0.87) - (0.05 if generic else 0.0)
                    if dates[0].ambiguous:
                        conf -= 0.1
                    out.append((dates[0], conf, target.index))
                    break
    return out


def extract_dates(ctx: PageContext) -> tuple[Found | None, Found | None]:
    issue = _labelled_dates(ctx, "issue_date")
    due = _labelled_dates(ctx, "due_date")
    other = {d.value for d, _, _ in _labelled_dates(ctx, "other_date")}
    issue_found = None
    if issue:
        match, conf, line_no = max(issue, key=lambda t: (t[1], -t[2]))
        issue_found = Found(match.value.isoformat(), conf, line_no)
    else:
        # No label: the first date in the top half that is not a labelled due/delivery date.
        due_values = {d.value for d, _, _ in due}
        for line in ctx.lines:
            if line.top > ctx.page.height * 0.5:
                break
            for match in find_dates(line, ctx.order):
                if match.value not in due_values and match.value not in other:
                    issue_found = Found(match.value.isoformat(), 0.55, line.index)
                    break
            if issue_found:
                break
    due_found = None
    if due:
        match, conf, line_no = max(due, key=lambda t: t[1])
        due_found = Found(match.value.isoformat(), conf, line_no)
    return issue_found, due_found
