"""Line items: find the items table by its header row of column labels (any supported language),
infer column x-ranges from the header words, read rows (a row has an amount in the amount column),
append wrapped description lines to the previous item, and stop at the totals block.

A page without a header row (a continuation page that does not repeat it) falls back to rows whose
rightmost amounts are aligned in one column above the totals block.

``extract_items`` picks the reading: rows under a header (``item_table``, with ``item_column_roles``,
``item_wrapped_lines`` and ``item_table_end``), blocks with a detail line (``item_blocks``), an outline
(``item_sections``) or a table without a header (``item_headerless``); each row becomes an item as
``item_figures`` reads it, and a row whose text is only an article code takes the name line above it
(``item_code_rows``).
"""

from __future__ import annotations

import re
from decimal import Decimal

from invoiceflow.domain.extraction.column_inference import Column
from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.item_blocks import read_blocks
from invoiceflow.domain.extraction.item_code_rows import names_over_codes
from invoiceflow.domain.extraction.item_column_roles import net_from_products
from invoiceflow.domain.extraction.item_header import (
    COLUMN_PATTERNS,
    centred_header,
    header_columns,
    is_header,
    known_kinds,
    level_header,
    may_head,
    stacked_header,
)
from invoiceflow.domain.extraction.item_headerless import without_header
from invoiceflow.domain.extraction.item_lines import Item, ItemsResult, is_totals_line
from invoiceflow.domain.extraction.item_rows import is_figure_line, is_reference_line
from invoiceflow.domain.extraction.item_sections import read_outline
from invoiceflow.domain.extraction.item_table import read_rows
from invoiceflow.domain.extraction.layout import Line, fold
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import DecimalStyle


def extract_items(ctx: PageContext, style: DecimalStyle) -> ItemsResult:
    result = _items(ctx, style)
    if result.header_line is None:
        names_over_codes(ctx, style, result.items)  # under a header, the line above a row may be the header
    for item in result.items:
        item.description = [t for t in _tidy(item.description) if t]
    return result


def _tidy(description: list[str]) -> list[str]:
    """The item's own text: without a code line under it ("SKU: A-1234") or after it ("(SKU: A-1234)"),
    a bullet before it, or the label of a quantity read out of it ("Consulting: 12 h at 95.00")."""
    if len(description) > 1:
        description = [t for t in description if not _CODE_LINE_RE.fullmatch(fold(t))]
    if len(description) > 1:
        # Reference lines (delivery note, order, serial number, period, EAN) printed with the item in its
        # own type, above or below its name: metadata, not the name (``is_reference_line``).
        named = [t for t in description if not is_reference_line(fold(t))]
        description = named or description
    if len(description) > 1:
        # A secondary line under the name with figures or metadata in running text ("davon Lohnanteil
        # 120,00 €", "12 Stück à 0,75 l"): the name ends above it, and what follows it continues it.
        cut = next((k for k, t in enumerate(description[1:], 1) if is_figure_line(fold(t))), None)
        description = description[:cut]
    if not description:
        return description
    if any("\ufffe" in t for t in description):
        # PDFium reports a hyphen that ends a line as U+FFFE and runs the word on into the next line
        # ("Wand-" / "Hängeschrank"): the hyphen as written, the space kept before a conjunction
        # ("Wartungs- und Prüfarbeiten").
        description = [_SUSPENDED_RE.sub("- ", t).replace("\ufffe", "-") for t in description]
    description[0] = _BULLET_RE.sub("", description[0]) or description[0]
    trimmed = _CODE_SUFFIX_RE.sub("", description[-1]).strip()
    if sum(c.isalpha() for c in trimmed) >= 3:
        description[-1] = trimmed
    description[-1] = description[-1].rstrip(" :")
    # "Room charges Rs" before "1,200 x 2 nights": the price's currency, cut off from it by the column.
    description[-1] = _TRAILING_CURRENCY_RE.sub("", description[-1]) or description[-1]
    # "Advice on restructuring ............ 1,200.00": the leader dots run from the text to its amount.
    description = [_LEADER_RE.sub("", t) or t for t in description]
    return description


_TRAILING_CURRENCY_RE = lazy_compile(
    r"(?<=[^\W\d_])\s+\(?(?:rs\.?|inr|eur|usd|gbp|chf|[€$£₹¥])$", re.IGNORECASE
)
_LEADER_RE = lazy_compile(r"\s*(?:[.\u2026_\u00b7]\s?){3,}$")
_SUSPENDED_RE = lazy_compile(r"\ufffe(?=(?:und|oder|bzw|sowie|and|or|et|ou|en|of|e|o|y|u)\b)", re.IGNORECASE)
_BULLET_RE = lazy_compile(r"^[\u2022\u00b7\u25aa\u25ba*\u2013\u2014-]\s+")
_CODE_SUFFIX_RE = lazy_compile(
    r"\s*[(\[]\s*(?:SKU|Art\.?\s*-?\s*Nr\.?|HSN(?:/SAC)?|SAC|Code|Ref\.?|Item\s+code|ASIN)\s*[:#]?\s*"
    r"[A-Za-z0-9][A-Za-z0-9\-/.]*\d[A-Za-z0-9\-/.]*\s*[)\]]$",
    re.IGNORECASE,
)
_CODE_LINE_RE = lazy_compile(
    rf"(?:{COLUMN_PATTERNS['position']}|art(?:ikel|icle|icolo|iculo)?\.?\s*-?\s*(?:nr|no|n°|num)?\.?|"
    r"artikelnummer|item\s+code|asin|gtin|upc|mpn|isbn)\s*[:#]?\s*[a-z0-9][a-z0-9\-/.]*\d[a-z0-9\-/.]*"
)
_FIGURE_RE = lazy_compile(r"\d(?![\d.,]*\s?%)")


def _holds_figures(line: Line, columns: list[Column]) -> bool:
    """A number (not a percentage) among the labels: words beside the table (a sidebar) do not count."""
    known = [c for c in columns if c.kind != "other"]
    if not known or not any(c.isdigit() for c in line.text):
        return False
    lo, hi = known[0].x0, max(c.x1 for c in known)
    text = " ".join(w.text for w in line.words if lo <= (w.x0 + w.x1) / 2 <= hi)
    # A figure in the cell of a label ("Zahlungsbedingungen  14 Tage netto"): a term, not a header label.
    text += " " + " ".join(
        line.text[a:b]
        for (a, b), (x0, x1) in zip(line.segments(), line.segment_x(), strict=True)
        if any(c.x0 < x1 and x0 < c.x1 for c in known)
    )
    # "Prijs/100", "Price per 1000": the unit a price is quoted in is part of its label.
    return bool(_FIGURE_RE.search(_PRICE_UNIT_RE.sub("", fold(text))))


def _first_text_under_header(line: Line, below: Line, candidate: list[Column], wider: list[Column]) -> bool:
    """On a scan, the line under a header that names no column and adds no kind of column to it is the
    first row's text ("Mantenimiento caldera" over its figures centred in a two-line row), not the
    header's wrapped labels: OCR boxes hug the ink, so the gap under the header is as narrow as a wrapped
    label's."""
    return (
        line.ocr
        and len(known_kinds(wider)) == len(known_kinds(candidate))
        and not known_kinds(header_columns(below))
    )


_PRICE_UNIT_RE = lazy_compile(r"(?:/|(?<![a-z])(?:per|pro|je|par|por|pour|voor|ogni))\s*1(?:00|000)(?!\d)")


def _items(ctx: PageContext, style: DecimalStyle) -> ItemsResult:
    header_index = None
    rows_from = 0
    columns: list[Column] = []
    for line in ctx.lines:
        candidate = header_columns(line)
        single = is_header(candidate)
        if (single or may_head(candidate)) and _holds_figures(line, candidate):
            continue  # "Zahlungsziel: 14 Tage netto" reads like labels, but a header row holds no figures
        if line.index + 1 < len(ctx.lines) and (single or may_head(candidate)):
            stacked = stacked_header(line, ctx.lines[line.index + 1])
            wider = header_columns(stacked) if stacked is not None else []
            if (
                is_header(wider)
                and len(known_kinds(wider)) >= len(known_kinds(candidate))
                and not _first_text_under_header(line, ctx.lines[line.index + 1], candidate, wider)
            ):
                header_index, rows_from, columns = line.index, line.index + 2, wider
                # Labels over three lines ("VK-Preis" / "Ohne" / "MwSt."): the third joins them too.
                third = ctx.lines[rows_from] if rows_from < len(ctx.lines) else None
                taller = stacked_header(stacked, third) if stacked is not None and third is not None else None
                if taller is not None and is_header(deeper := header_columns(taller)):
                    rows_from, columns = rows_from + 1, deeper
                break
        if not single and may_head(candidate) and 0 < line.index < len(ctx.lines) - 1:
            centred = centred_header(ctx.lines[line.index - 1], line, ctx.lines[line.index + 1])
            straddled = header_columns(centred) if centred is not None else []
            if is_header(straddled):
                header_index, rows_from, columns = line.index, line.index + 2, straddled
                break
        if single and line.index + 2 < len(ctx.lines):
            # The two-line labels' upper halves over the one-line labels centred in the row ("Cena" /
            # "Lp. J.m. Ilość" / "netto", as office exports set a table's head): all three lines.
            middle, lower = ctx.lines[line.index + 1], ctx.lines[line.index + 2]
            centred = centred_header(line, middle, lower)
            straddled = header_columns(centred) if centred is not None else []
            if is_header(straddled) and len(known_kinds(straddled)) > len(known_kinds(candidate)):
                header_index, rows_from, columns = line.index, line.index + 3, straddled
                break
        if line.ocr and line.index + 1 < len(ctx.lines):
            below = ctx.lines[line.index + 1]
            level = level_header(line, below)
            joined = header_columns(level) if level is not None else []
            if (
                is_header(joined)
                and known_kinds(header_columns(below))
                and len(known_kinds(joined)) > len(known_kinds(candidate))
            ):
                # One header row cut in two by line grouping (OCR boxes a few points apart): both halves.
                header_index, rows_from, columns = line.index, line.index + 2, joined
                break
        if single:
            header_index, rows_from, columns = line.index, line.index + 1, candidate
            break
    table = without_header(ctx, style) if header_index is None else read_rows(ctx, style, rows_from, columns)
    if header_index is not None:
        table.header_line = header_index
        net_from_products(ctx, style, table, rows_from)
    blocks = read_blocks(ctx, style)
    if header_index is None and _rows_are_details(table, blocks):
        # A receipt: the headerless reading took the "0,158 kg x 1,39 0,22" lines as rows (their text the
        # unit and the sign), and with them the discounts and savings listed under the articles.
        return blocks
    # Block items are arithmetic-checked: they win when they explain more rows than the table reading.
    if len(blocks.items) > len(table.items) or (
        blocks.items
        and len(blocks.items) == len(table.items)
        and sum(i.checked for i in blocks.items) > sum(i.checked for i in table.items)
    ):
        if [b.amount for b in blocks.items] != [t.amount for t in table.items]:
            return blocks
        # The same rows ("25x  623,44  15 586,00" reads like a block's detail line): the table knows the
        # description column (its wrapped lines, a position number apart), the blocks the arithmetic.
        for row, reading in zip(table.items, blocks.items, strict=True):
            if not row.checked:
                row.quantity, row.unit_price, row.checked = reading.quantity, reading.unit_price, True
        return table
    if not table.items and not blocks.items:
        # A statement: what is due summed up at the top, the charges under it, as rows or as an outline.
        for statement in (without_header(ctx, style, below_summary=True), _outline_items(ctx, style)):
            if statement.items:
                return statement
    # A receipt mixes one-line articles with "2 x 0,99" detail lines: the detail completes its row.
    # The table reading may have taken the detail line as a wrapped description line.
    details: dict[Decimal, list[Item]] = {}
    for b in blocks.items:
        details.setdefault(b.amount, []).append(b)
    for item in table.items:
        text = " ".join(item.description)
        block = next(
            (b for b in details.get(item.amount, []) if text.startswith(" ".join(b.description))), None
        )
        if block is not None and not item.checked:
            item.quantity, item.unit_price, item.checked = block.quantity, block.unit_price, True
            item.description = list(block.description)
            table.last_line = max(table.last_line or 0, block.line)
    return table


def _rows_are_details(table: ItemsResult, blocks: ItemsResult) -> bool:
    """Most rows of the table reading are the detail lines of blocks (quantity × price = amount there)."""
    details = {b.line for b in blocks.items}
    return len(blocks.items) >= 2 and 2 * sum(i.line in details for i in table.items) > len(table.items)


def _outline_items(ctx: PageContext, style: DecimalStyle) -> ItemsResult:
    """Charges listed as an outline (``item_sections``): each charge one item, its breakdown no part of it."""
    charges = read_outline(ctx, style, lambda line: is_totals_line(ctx, line))
    result = ItemsResult()
    for charge in charges:
        entry = charge.entry
        result.items.append(Item([entry.text], None, None, entry.amount.value, entry.line.index))
    if result.items:
        last = charges[-1]
        result.last_line = (last.breakdown[-1] if last.breakdown else last.entry).line.index
    return result
