"""The rows of an items table under its header (``read_rows``): a row has an amount in the amount
column; the lines between rows are wrapped description lines, detail or component lines, section headings
or totals inside the table; the table ends at the totals block.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

from invoiceflow.domain.extraction.column_inference import Column
from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.item_column_roles import (
    description_range,
    resolve_roles,
    take_net_amounts,
    text_start,
    unlabelled_description,
)
from invoiceflow.domain.extraction.item_figures import PRICE_UNITS, make_item
from invoiceflow.domain.extraction.item_header import assign_column, header_columns, is_header, known_kinds
from invoiceflow.domain.extraction.item_lines import (
    LONG_POSITION_RE,
    Item,
    ItemsResult,
    description_words,
    fills_item_columns,
    in_amount_column,
    is_carry_line,
    is_totals_line,
    row_amounts,
)
from invoiceflow.domain.extraction.item_rows import em, is_share_line, running_subtotal
from invoiceflow.domain.extraction.item_table_end import (
    completes_net_total,
    details_before_row,
    ends_table_as_heading,
    labelled_row,
    section_totals_end,
    subtotal_inside,
    words_inside,
)
from invoiceflow.domain.extraction.item_wrapped_lines import (
    carried_text,
    heads_section,
    names_above_references,
    numbered_heading,
    numbered_row,
    opens_cell_of,
    opens_row,
    own_position,
    regroup_bottom_aligned,
    text_above,
    wrap_before_totals,
)
from invoiceflow.domain.extraction.layout import Line, fold
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import Amount, DecimalStyle


def _tax_summary_head(line: Line) -> bool:
    """The labels of a tax summary (rate, base, tax, gross) and no item column's."""
    kinds = known_kinds(header_columns(line))
    return len(kinds & {"tax_rate", "net_amount", "tax_amount", "gross_amount"}) >= 3 and not kinds & {
        "description",
        "quantity",
        "unit_price",
    }


_COLUMN_NUMBER_RE = lazy_compile(r"(\d{1,2})[a-z]?|\(\d{1,2}\s*[x×*+\-/]\s*\d{1,2}\)")


def _column_numbers(line: Line) -> bool:
    """A row of column numbers under a table's labels ("0 1 2 3 4 5 (3x4) 6", as Romanian, Bulgarian and
    Russian forms print them, formulas naming the columns they are computed from): consecutive small
    integers from 0 or 1, at least four, each alone in its cell or followed by a letter or a formula."""
    numbers: list[int] = []
    for token in line.text.split():
        m = _COLUMN_NUMBER_RE.fullmatch(token)
        if m is None:
            return False
        if m.group(1) is not None and token.isdigit():
            numbers.append(int(token))
    if len(numbers) < 4 or numbers[0] not in (0, 1):
        return False
    return all(b == a + 1 for a, b in itertools.pairwise(numbers))


def read_rows(ctx: PageContext, style: DecimalStyle, first: int, columns: list[Column]) -> ItemsResult:
    result = ItemsResult(header_line=first - 1)
    columns = resolve_roles(ctx, style, first, columns)
    columns = unlabelled_description(ctx, first, columns)
    under_label = description_range(columns, ctx.page.width)
    desc_range = text_start(ctx, style, first, columns, under_label)
    # Words left of the table (a sidebar, a margin note) belong to another block.
    table_left = min(c.x0 for c in columns if c.kind != "other") - 10
    if desc_range[0] < under_label[0]:
        table_left = min(table_left, desc_range[0] - 10)  # the description starts left of its label
    header_left = min(c.x0 for c in columns) - 10  # under the header's first label, known or not
    previous: Line | None = None
    closed = False
    # Description lines read since the last row with numbers (appended to that row as wrapped lines, or
    # standing above the first row): a row whose numbers have no text of their own takes the one it
    # overlaps vertically (cells centred in a row taller than one line).
    loose: list[tuple[Line, list[str]]] = []
    tops: list[Line] = []  # each row's topmost line: its numbers' line or the text line it took
    # Geometry for regrouping bottom-aligned rows: each item's row line and the wrapped lines read after
    # it, and the description lines read above the first row.
    rows: list[tuple[Line, list[tuple[Line, list[str]]]]] = []
    lead: list[tuple[Line, list[str]]] = []
    opening: list[tuple[Line, list[str]]] = []  # description lines of a row whose numbers come lower
    group_start = 0  # the first item after the last running subtotal inside the table
    # A subtotal inside the table closes a group; text opening a row right after it may be the next
    # group's title ("Services" over "Installation 6 95.00 570.00"), dropped when the row has text of its own.
    after_subtotal = False
    title_opening = False
    group_titles = False  # a group after a subtotal opened with a title: the first group has one too
    details = False  # text set apart under a row, with the next row a few lines below: the item's details
    skip_until = -1  # the last line of a section's own totals block (net, tax, gross) inside the table
    for line in ctx.lines[first:]:
        if line.index <= skip_until:
            continue
        if not result.items and _column_numbers(line):
            previous = line  # "0 1 2 3 4 5 (3x4) 6" under the labels: the columns' numbers, no row
            continue
        amounts = row_amounts(line, style)
        if result.items and not amounts and len(line.segments()) > 2 and _tax_summary_head(line):
            break  # "Stawka VAT | Wartość netto | Kwota VAT | Wartość brutto": a tax summary, no more items
        if result.items and not amounts and len(line.segments()) > 1 and is_header(header_columns(line)):
            # The header of a second table under the first (labour under material): the lines above it
            # (its title) open no row.
            opening, loose, previous = [], [], line
            continue
        if fills_item_columns(line, amounts, columns):
            pass  # "Transport 1 75,00 75,00": a row with quantity and price is an item whatever its words
        elif result.items and words_inside(ctx, style, line, amounts, columns):
            pass  # "Report on site visit", "net weight 2 kg": a wrapped line, the table goes on below it
        elif is_carry_line(ctx, line):
            if result.items and not subtotal_inside(
                ctx,
                style,
                line,
                amounts=amounts,
                columns=columns,
                items=result.items,
                group_start=group_start,
            ):
                break  # "carried forward": the table goes on on the next page
            # "brought forward" above the first row, or a running sum between rows ("Übertrag 1.234,00"
            # with more rows right below it)
            group_start = len(result.items)
            after_subtotal = bool(result.items)
            continue
        elif is_totals_line(ctx, line):
            if subtotal_inside(
                ctx,
                style,
                line,
                amounts=amounts,
                columns=columns,
                items=result.items,
                group_start=group_start,
            ):
                group_start = len(result.items)
                after_subtotal = True
                continue
            block_end = section_totals_end(
                ctx,
                style,
                line,
                amounts=amounts,
                columns=columns,
                desc_range=desc_range,
                items=result.items,
                group_start=group_start,
            )
            if block_end is not None:
                group_start = len(result.items)
                after_subtotal = True
                skip_until = block_end
                previous = ctx.lines[block_end]  # the next group's distance is taken from the block
                continue
            if (
                result.items
                and not in_amount_column(amounts, columns)
                and details_before_row(ctx, style, line, columns, desc_range)
            ):
                # "Gross price : 1.143,67" under a row, its figure off the amount column, with the next row
                # below: a detail of the item, not the totals.
                details, previous = True, line
                continue
            if not labelled_row(ctx, style, line, columns=columns, desc_range=desc_range, items=result.items):
                if result.items and previous is not None:
                    result.items[-1].description += wrap_before_totals(ctx, line, previous, desc_range)
                closed = True
                break
        if (
            previous is not None
            and line.top - previous.bottom > 4.5 * em(line)
            and result.items
            and not (fills_item_columns(line, amounts, columns) and description_words(line, desc_range))
        ):
            closed = True  # a wide vertical gap ends the table (rows as tall as a product picture do not)
            break
        item = make_item(line, amounts, columns, desc_range) if amounts else None
        if (
            item is not None
            and item.quantity is None
            and item.unit_price is None
            and len(result.items) - group_start >= 2
            and running_subtotal(amounts, [i.amount for i in result.items], group_start)
            and not completes_net_total(ctx, style, first, [*result.items, item])
        ):
            # A row of text and one figure, the sum of the rows above ("Total material 1,250.00"):
            # the group's subtotal, not a charge.
            group_start = len(result.items)
            after_subtotal = True
            continue
        if (
            item is not None
            and item.quantity is None
            and item.unit_price is None
            and result.items
            and 0 <= item.amount <= result.items[-1].amount
            and is_share_line(fold(" ".join(item.description)))
            and not completes_net_total(ctx, style, first, [*result.items, item])
        ):
            # "davon Lohnanteil 412,56", "thereof labour 120.00" under an item: a share of its amount
            # (for a tax deduction, a deposit), neither an item nor part of its name.
            previous = line
            continue
        if item is not None and opening:
            # Lines that opened this row after a wide gap (padded rows, numbers not on the first line).
            own = item.description
            item.description = [t for _, text in opening for t in text]
            if own and not (line.top < opening[-1][0].bottom - 0.15 * line.height):
                item.description = own if title_opening else item.description + own
                group_titles = group_titles or title_opening
            opening = []
            title_opening = False
        elif item is not None and not item.description and loose:
            above, text = loose[-1]
            if line.top < above.bottom - 0.15 * line.height:
                if result.items and result.items[-1].description[-len(text) :] == text:
                    del result.items[-1].description[-len(text) :]
                item.description = list(text)
        if item is not None and not item.description and item.checked and item.quantity is not None:
            # Figures that multiply out (quantity × price = amount) with no text of their own nor any to
            # take (its text went over the page break): still an item, so the count and figures hold.
            item.description = [""]
        if item is not None and item.description:
            top = line
            if loose and rows and item.description == loose[-1][1]:
                # The line this row took (centred cells) is no wrapped line of the row above any more.
                top = loose[-1][0]
                rows[-1] = (rows[-1][0], [(w, t) for w, t in rows[-1][1] if w is not top])
            result.items.append(item)
            after_subtotal = details = False
            rows.append((line, []))
            tops.append(top)
            result.last_line = line.index
            previous = line
            loose = []
        elif numbered_heading(ctx, style, line, columns, desc_range):
            previous = line if result.items else previous  # "2  Electrical works" over rows "2.1", "2.2"
        elif not result.items:
            text = description_words(line, desc_range)
            loose = [(line, text)] if text else loose
            lead = [*lead, (line, text)] if text else []
        elif result.items and previous is not None:
            text = description_words(line, desc_range)
            if not text and line.top - previous.bottom < 1.6 * em(line) and line.x0 >= header_left:
                previous = line  # "ZS997", "4123456000014" in the code column under the row: the row goes on
                continue
            if text and details:
                previous = line
                continue
            if text and not opening and _component_row(line, amounts, columns, previous, desc_range):
                previous = line  # a bundle's part under it ("- Power supply 65 W   1"): no item of its own
                continue
            if text and ends_table_as_heading(ctx, style, line, previous, amounts=amounts, columns=columns):
                closed = True  # "Gesamtbeträge", "Récapitulatif" or a larger title under the last row
                break
            if (
                text
                and not opening
                and heads_section(
                    ctx,
                    style,
                    line,
                    previous,
                    columns=columns,
                    desc_range=desc_range,
                    first=first,
                    row_pitch=_row_pitch([row for row, _ in rows]),
                )
            ):
                previous = line
                continue
            near = line.top - previous.bottom < 1.6 * em(line)
            # A wrapped line follows at the line pitch or starts where the description text starts; a
            # heading under the table ("Tax summary") stands further off and elsewhere.
            desc_x0 = next(
                (
                    w.x0
                    for w in previous.words
                    if desc_range[0] <= (w.x0 + w.x1) / 2 <= desc_range[1]
                    and not LONG_POSITION_RE.match(w.text)
                ),
                line.x0,
            )
            tight = line.top - previous.top <= 1.6 * max(em(line), em(previous))
            in_table_words = [w for w in line.words if (w.x0 + w.x1) / 2 >= table_left]
            aligned = bool(in_table_words) and abs(min(w.x0 for w in in_table_words) - desc_x0) < line.height
            # Text after a subtotal inside the table never wraps the row above the subtotal.
            near = near and (tight or aligned) and not after_subtotal
            in_table = [w for w in line.words if (w.x0 + w.x1) / 2 >= table_left]
            # A number of its own in the position column: the line opens the next item (its figures on a
            # line below it), never a wrapped line of the item above, which has no number of its own.
            numbered = numbered_row(line, columns, desc_range)
            if numbered:
                in_table = [w for w in in_table if w is not line.words[0]]
            # A wrapped description starts inside the description column and stays left of the numbers;
            # a line starting further left is the next block's title.
            inside = bool(in_table) and min(w.x0 for w in in_table) >= desc_range[0] - 6
            inside = inside and all((w.x0 + w.x1) / 2 <= desc_range[1] for w in in_table)
            # A cell opening left of the description column and running into it: no wrapped description
            # line ("Prix brut : 1 253,30"); a sidebar's cell beside the table stops short of the column.
            left_of_text = any(
                header_left <= x0 < desc_range[0] - 6 and x1 > desc_range[0] for x0, x1 in line.segment_x()
            )
            if (
                text
                and not opening
                and (left_of_text or not (near and inside))
                and details_before_row(ctx, style, line, columns, desc_range)
            ):
                details, previous = True, line  # the item's details up to the next row: no part of its name
            elif text and opening and line.top - previous.bottom < 1.6 * em(line) and inside and not numbered:
                opening.append((line, text))
                previous = line
            elif text and (not near or numbered) and inside and opens_row(ctx, style, line, columns):
                opening = [(line, text)]
                # (a title may hold a number: "Delivery note 4711 of 02/03", never a money figure)
                title_opening = after_subtotal and not any(a.decimals == 2 for a in amounts)
                previous = line
            elif text and near and inside and _detail_text(line, rows[-1][0]):
                previous = line  # "S/N 4711-22", "Period 01.03.–31.03." in small print under the item
            elif text and near and inside and not left_of_text:
                result.items[-1].description.extend(text)
                loose.append((line, text))
                rows[-1][1].append((line, text))
                previous = line
            elif text and not near:
                closed = True
                break
    result.continues = bool(result.items) and not closed
    over_first = lead or text_above(ctx, style, first, desc_range)
    if (
        lead
        and rows
        and numbered_row(rows[0][0], columns, desc_range)
        and not own_position(lead[-1][0], columns, desc_range)
        and not opens_cell_of(lead[-1][0], rows[0][0], None, _row_pitch([row for row, _ in rows]))
    ):
        # The first row carries its number: text without one above it is the rows' group title, unless
        # it runs on into the row like wrapped text (the number and figures centred or at the bottom).
        lead = []
    if len(over_first) == 1 and _capitalised(over_first[0][1][0]):
        # One line opening with a capitalised word over the first row: a group title. Wrapped text goes
        # on over more lines or mid-sentence ("IP65 mit Zubehör", "noir avec fixations").
        over_first = []
    regroup_bottom_aligned(result.items, rows, tops, [] if group_titles else lead)
    # A table read from its first row (no header above it) has not seen the text over that row.
    result.carried = carried_text(over_first, result.items)
    names_above_references(result.items)
    take_net_amounts(ctx, style, result, columns, first)
    header = ctx.lines[first - 1].folded if first > 0 else ""
    _printed_per_hundred(result.items, bool(_PER_HUNDRED_HEADER.search(header)))
    return result


# A price column whose header says its prices are per 100 pieces or in cents of the unit ("Price/100",
# "Preis pro 100", "c€/kWh", "p/kWh").
_PER_HUNDRED_HEADER = lazy_compile(
    r"/\s*100\b|\b(?:per|pro|par|je)\s+100\b|(?<![a-z])(?:ct|c€|c|p|cents?)\s*/\s*[a-z]"
)


def _printed_per_hundred(items: list[Item], header_says_so: bool) -> None:
    """A scanned table whose prices are per 100 pieces (or in cents per unit) keeps the printed quantity
    of every row where it fits so: "250" × 42.59 ÷ 100 is no lost decimal point. The table shows it by a
    row with a grouped quantity ("2,000") or by its price header; else "1000" × 12.00 ÷ 100 may as well
    be 10.00 × 12.00 with the point lost in every row."""
    if not header_says_so and not any(item.per_hundred for item in items):
        return
    for item in items:
        if item.printed_quantity is not None and _fits_per_hundred(item):
            item.quantity, item.checked, item.per_hundred = item.printed_quantity, True, True


def _fits_per_hundred(item: Item) -> bool:
    printed, price = item.printed_quantity, item.unit_price
    if printed is None or price is None or printed <= 0:
        return False
    return any(abs(printed * price / per - item.amount) <= Decimal("0.0051") for per in PRICE_UNITS)


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and text[1:2].islower()


def _component_row(
    line: Line, amounts: list[Amount], columns: list[Column], previous: Line, desc_range: tuple[float, float]
) -> bool:
    """A line at line pitch under a row with a figure in the quantity column and none in the price or
    amount columns: a component of the bundle above (its parts, each with a count and no price). A
    figure inside the description's text ("bancale 15, bolla firmata") is no cell of its own."""
    if line.top - previous.bottom >= 1.6 * em(line):
        return False
    kinds = [
        column.kind
        for a in amounts
        if (column := assign_column(a, columns)) is not None
        and not desc_range[0] <= (a.x0 + a.x1) / 2 <= desc_range[1]
    ]
    return "quantity" in kinds and not any(k in ("unit_price", "amount") for k in kinds)


def _detail_text(line: Line, row: Line) -> bool:
    """A line set clearly smaller than its item's row (a text layer's font sizes, not a scan's boxes):
    detail printed under the item (serial numbers, a period, what it includes), not its description."""
    return not line.ocr and not row.ocr and line.height < 0.85 * row.height


def _row_pitch(rows: list[Line]) -> float | None:
    """The tightest distance between the tops of consecutive rows' figure lines."""
    steps = [b.top - a.top for a, b in itertools.pairwise(rows) if b.top > a.top]
    return min(steps) if steps else None
