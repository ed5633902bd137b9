"""Party blocks a label names: under, right of or above a "Bill to / Rechnungsempfänger / Facturé à /
From / Lieferant" label (bilingual labels, a label's word that starts a company's name, a label heading a
column of its own), a block under the customer's number, and delivery-address blocks (never a party).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.labels import CUSTOMER_ID_LABEL, DELIVERY_LABEL, ISSUER_LABEL
from invoiceflow.domain.extraction.layout import Line, fold, horizontal_overlap
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.party_blocks import (
    CUSTOMER_CODE,
    NAME_LABEL,
    POSTAL_LINE,
    Block,
    before_fields,
    block_below,
    company_before_person,
    join_wrapped_name,
    label_word_of_name,
    segment_at,
    segment_text,
    starts_block_label,
)
from invoiceflow.domain.extraction.party_hints import BANK_CONTEXT
from invoiceflow.domain.extraction.party_names import REAL_WORD, has_contact_data, name_like, prose

# "Acme Ltd, 12 Harbour Road, Dublin": the address runs on after the name on one line.
_ADDRESS_PART = lazy_compile(r",\s+(?=[^,]*\d)")


def _address_parts(text: str) -> list[str]:
    """A name with its address on one line split into the name and the rest; a name with a comma of
    its own ("Lone Star Services, Inc.") stays whole, the cut is at the first part holding a digit."""
    m = _ADDRESS_PART.search(text)
    if m is None or sum(c.isalpha() for c in text[: m.start()]) < 3:
        return [text]
    return [text[: m.start()].strip(), text[m.end() :].strip()]


def _bank_holder(ctx: PageContext, line: Line, folded_label: str) -> bool:
    """ "Account holder" beside bank details names the payee (the issuer), not the customer."""
    if not folded_label.startswith("account"):
        return False
    nearby = ctx.lines[max(0, line.index - 2) : line.index + 3]
    return line.top > ctx.page.height * 0.6 or any(BANK_CONTEXT.search(other.folded) for other in nearby)


_LABEL_JOINER = lazy_compile(r"\s*[:.]?\s*[/|]\s*")


def _bilingual_label_end(folded: str, pattern: re.Pattern[str], end: int, seg_end: int) -> int:
    """End of a label printed in two languages ("Cliente / Customer", "Verkäufer / Seller")."""
    while (joiner := _LABEL_JOINER.match(folded, end, seg_end)) is not None:
        other = pattern.match(folded, joiner.end(), seg_end)
        if other is None:
            break
        end = other.end()
    return end


def _block_above(ctx: PageContext, line: Line, label: tuple[float, float], x0: float) -> list[Line]:
    """Lines right above ``line`` whose text starts at ``x0`` (the block's left edge right of a label)
    while nothing stands in the label's column: the top of a block the label is centred beside. Empty
    when such a line is itself a label (a row of a form: "Date: 12.03." over "Customer: Acme")."""
    out: list[Line] = []
    below = line
    for above in reversed(ctx.lines[max(0, line.index - 3) : line.index]):
        if below.top - above.bottom > 0.8 * max(above.height, below.height):
            break
        starts = [above.span_x(s, e)[0] for s, e in above.segments()]
        in_label_column = any(horizontal_overlap(sx0, sx1, *label) > 0 for sx0, sx1 in above.segment_x())
        if in_label_column or not any(abs(sx - x0) < 4 for sx in starts) or above.index in ctx.header_labels:
            break
        text = segment_text(above, x0, x0 + 40) or ""
        if not text or starts_block_label(fold(text)) or ISSUER_LABEL.match(fold(text)):
            break
        out.insert(0, above)
        below = above
    return out


# Several party labels on one page (Sold to / Bill to / Ship to, Auftraggeber / Rechnungsempfänger): the
# billing one names who the invoice is for, the ordering party only who placed the order.
_BILLING_WORD = lazy_compile(
    r"bill|invoice|invoic|rechnung|factur|fattur|faktur|fatur|lasku|szaml|payer|zahler|pagador|betaler|"
    r"guarantor|responsible|garant"
)
# The ordering party, and the person served (a hotel's guest, a practice's patient) when another party
# is billed.
_ORDERING_WORD = lazy_compile(
    r"sold|auftraggeber|opdrachtgever|donneur|bestiller|ordered|besteller|commanditaire|ordinante|"
    r"purchased|bought|command|bestellt|"
    r"guest|gast|g[æa]st|huesped|ospite|vieras|gjest|patient|paciente|paziente"
)


def _label_rank(label: str) -> int:
    if _ORDERING_WORD.search(label):
        return 0
    return 2 if _BILLING_WORD.search(label) else 1


def labelled_block(ctx: PageContext, pattern: re.Pattern[str], limit: float) -> Block | None:
    """The block of the best-ranked label (a billing label over a neutral one over an ordering party's),
    the first on the page among equals."""
    best: tuple[int, Block] | None = None
    for rank, block in _labelled_blocks(ctx, pattern, limit):
        if best is None or rank > best[0]:
            best = (rank, block)
        if rank == 2:
            break
    return best[1] if best else None


# A date opening a label's value: "From 01.03.2025", "To: 2025-03-31", "From 1 March 2025".
_DATE_START = lazy_compile(
    r"\s*(?:\d{1,4}[./-]\s?\d{1,2}(?:[./-]\s?\d{2,4})?(?!\d)|\d{1,2}\.?\s+[^\W\d_]{3,}\.?\s+\d{4})"
)


def _period_label(ctx: PageContext, line: Line, rest: str, x0: float, x1: float) -> bool:
    """True when the label's value, beside it or on the line under it, is a date: "From" / "To" of a
    billing or service period."""
    if rest:
        return _DATE_START.match(rest) is not None
    if line.index + 1 >= len(ctx.lines):
        return False
    below = segment_text(ctx.lines[line.index + 1], x0, x1)
    return below is not None and _DATE_START.match(below) is not None


# Codes before the name on a label's line: "4471 2231", "Nr. 4711", "#4471", "Acct 4471", "cód. 4471",
# "/ Debitor 12". A code holds three digits in a row, so "3M" or "7-Eleven" stay part of a name.
_LEADING_CODE = lazy_compile(
    r"(?:(?:/\s*)?(?:[^\W\d_]{1,7}\.?\s*[:#]?\s*|n[°º]\.?\s*|#\s*)?[^\s]*\d{3,}[^\s]*(?:\s+|$)|/\s*"
    r"[^\W\d_]{1,9}\.?\s*[^\s]*\d[^\s]*(?:\s+|$))+"
)


def _without_leading_code(rest: str) -> str:
    """``rest`` without the customer or account number printed before the name on a label's line; empty
    when the line holds numbers only ("Kunde 4711 / Debitor 12")."""
    m = _LEADING_CODE.match(rest)
    if m is not None and m.end() == len(rest):
        return ""
    if m is None or sum(c.isalpha() for c in rest[m.end() :]) < 3:
        return rest
    return rest[m.end() :].strip()


def _labelled_blocks(ctx: PageContext, pattern: re.Pattern[str], limit: float) -> Iterator[tuple[int, Block]]:
    for line in ctx.lines:
        if line.top >= limit:
            break
        segments = line.segments()
        for k, (seg_start, seg_end) in enumerate(segments):
            # Within the segment: "Guest" beside "Billing address" is not the label "Guest Billing".
            m = pattern.match(line.folded, seg_start, seg_end)
            if not m or m.start() != seg_start or _bank_holder(ctx, line, m.group(0)):
                continue
            if label_word_of_name(
                line.folded, m.start(), m.end(), before_fields(ctx, line, seg_start, seg_end)
            ):
                continue  # "Customer Care Partners LLP": the label's word starts a name
            label_end = _bilingual_label_end(line.folded, pattern, m.end(), seg_end)
            rest_end = before_fields(ctx, line, label_end, seg_end)  # "Bill to: Foo Ltd Invoice No: 42"
            rest = _without_leading_code(line.text[label_end:rest_end].strip(" :"))
            if (name_label := NAME_LABEL.match(fold(rest))) is not None and name_label.end() < len(rest):
                rest = rest[name_label.end() :].strip()  # "Supplier Name: Harbor Logistics Ltd"
            if rest[:1].islower() and prose(rest):
                # "Facture à régler par virement sur le compte suivant": the label's words open a sentence
                # (an invoice "to be paid"), no block follows them.
                continue
            if rest.startswith("("):
                # "Buyer (Bill to)": a label annotation, not a name; a name may follow it.
                rest = _without_leading_code(rest[rest.find(")") + 1 :].strip()) if ")" in rest else ""
            x0, _ = line.span_x(seg_start, seg_end)
            label_x1 = line.segment_x()[k][1]
            if _period_label(ctx, line, rest, x0, label_x1):
                continue  # "From: 01.03.2025  To: 31.03.2025": a billing period, not a party
            nxt = segments[k + 1] if k + 1 < len(segments) else None
            next_x = line.segment_x()[k + 1][0] if nxt else ctx.page.width
            first_line = line
            above: list[Line] = []
            if (
                not rest
                and nxt
                and next_x - label_x1 < 12 * line.height
                and not _column_under_label(ctx, line, x0, label_x1, next_x)
            ):
                # "Bill to:   Acme Ltd" with the block in its own column right of the label.
                folded_next = line.folded[nxt[0] : nxt[1]]
                next_labels = ctx.header_labels.get(line.index, [])
                if not (
                    starts_block_label(folded_next)
                    or ISSUER_LABEL.match(folded_next)
                    # "Rechnung an   Kundennummer": the neighbour labels its own column, it is no name.
                    or CUSTOMER_ID_LABEL.match(folded_next)
                    or any(nxt[0] <= label.start < nxt[1] for label in next_labels)
                ):
                    rest = line.text[nxt[0] : nxt[1]].strip()
                    x0 = next_x
                    next_x = line.segment_x()[k + 2][0] if k + 2 < len(segments) else ctx.page.width
                    above = _block_above(ctx, line, (line.segment_x()[k][0], label_x1), x0)
            # The block column runs from the label to the next segment on the label line; its lines start
            # near the label's left edge (text starting far right of it is another column's).
            max_start = max(label_x1, x0 + 60) + 2 * line.height
            block = block_below(
                ctx, first_line, x0, max(x0 + 40, next_x - 6), first_gap=2.6, max_start=max_start
            )
            confidence = 0.85
            if not block.lines and not rest:
                # A label on a tab or band over a padded box: the block starts further down (less sure).
                block = block_below(
                    ctx, first_line, x0, max(x0 + 40, next_x - 6), first_gap=4.0, max_start=max_start
                )
                first = ctx.lines[block.line_indexes[0]] if block.lines else None
                if first is not None and (first.top >= limit or first.index in ctx.header_labels):
                    block = Block(x0=block.x0, x1=block.x1)
                confidence = 0.7
            if (
                rest and len(rest) > 2 and not CUSTOMER_CODE.fullmatch(rest)
            ):  # "Customer: K-4711" over the name
                block.lines[:0] = _address_parts(rest)
                block.line_indexes[:0] = [line.index] * (len(block.lines) - len(block.line_indexes))
                # "Cumpărător: Cabinet Stomatologic Dr." over "Radu S.R.L.": the name after the label wraps.
                join_wrapped_name(ctx, block)
            if above:
                # The label sits beside the middle of its block (a table cell centred vertically).
                block.lines[:0] = [segment_text(a, x0, x0 + 40) or "" for a in above]
                block.line_indexes[:0] = [a.index for a in above]
            company_before_person(block)
            if block.lines and not _opens_with_field_label(ctx, block):
                block.confidence = confidence
                yield _label_rank(line.folded[seg_start:label_end]), block


def _column_under_label(ctx: PageContext, line: Line, x0: float, label_x1: float, next_x: float) -> bool:
    """A block right under a label: a name flush with it, wider than it and ending before the next text
    on the label's line, and one more line flush under that. The label heads its own column ("Billed to"
    over the customer's block, beside "Account" heading another column); it does not label the text to
    its right as a field grid's row does ("Customer Name  Rahul Mehta" over "Mobile  98765 43210")."""
    previous = line
    depth = 0
    for below in ctx.lines[line.index + 1 : line.index + 7]:
        if below.top - previous.bottom > 1.5 * max(previous.height, below.height):
            return False
        span = segment_at(below, x0, x0 + 1)
        if span is None:
            continue  # another column's line set between (its rows a little higher or lower)
        sx0, sx1 = below.span_x(*span)
        if abs(sx0 - x0) > 3 or sx1 >= next_x - 2:
            return False
        if depth == 0:
            text, folded = below.text[span[0] : span[1]].strip(), below.folded[span[0] : span[1]].strip()
            labels = ctx.header_labels.get(below.index, [])
            if (
                sx1 < label_x1 + 2 * line.height
                or not name_like(text)
                or REAL_WORD.search(text) is None
                or starts_block_label(folded)
                or ISSUER_LABEL.match(folded)
                or any(span[0] <= label.start < span[1] for label in labels)
            ):
                return False
        previous = below
        depth += 1
        if depth == 2:
            return True
    return False


def customer_number_block(ctx: PageContext, excluded: set[int], limit: float) -> Block | None:
    """A customer's address block headed by its customer / account number ("Kundennr. 4711" over the
    name and address), recognised by a name line followed by a postal-code line."""
    for line in ctx.lines:
        if line.top >= limit or line.top > ctx.page.height * 0.5:
            break
        for seg_start, seg_end in line.segments():
            if not CUSTOMER_ID_LABEL.match(line.folded, seg_start) or line.index in excluded:
                continue
            x0, x1 = line.span_x(seg_start, seg_end)
            block = block_below(ctx, line, x0, max(x1, x0 + 120), max_lines=5, first_gap=2.0)
            label = CUSTOMER_ID_LABEL.match(line.folded, seg_start)
            rest = _without_leading_code(line.text[label.end() : seg_end].strip(" :.")) if label else ""
            if rest != line.text[label.end() if label else 0 : seg_end].strip(" :.") and name_like(rest):
                # "Customer ID: 4471  Greenfield Foods Ltd": the name follows the number on the label line.
                block.lines.insert(0, rest)
                block.line_indexes.insert(0, line.index)
            if len(block.lines) < 2 or excluded.intersection(block.line_indexes):
                continue
            name = block.lines[0]
            if ":" in name or has_contact_data(name.lower()) or sum(c.isalpha() for c in name) < 3:
                continue
            if any(POSTAL_LINE.search(text) for text in block.lines[1:4]):
                block.confidence = 0.7
                return block
    return None


def find_delivery_blocks(ctx: PageContext, limit: float) -> list[Block]:
    """Delivery-address blocks ("Ship to", "Lieferadresse", "Job site", …), each with its label line."""
    out: list[Block] = []
    for line in ctx.lines:
        if line.top >= limit:
            break
        for k, (seg_start, _) in enumerate(line.segments()):
            if not DELIVERY_LABEL.match(line.folded, seg_start):
                continue
            xs = line.segment_x()
            x0 = xs[k][0]
            next_x = xs[k + 1][0] if k + 1 < len(xs) else ctx.page.width
            # Its lines start near the label's left edge: a block starting far right of it, in a column
            # of its own beside the delivery address, is another party's (the billed customer's).
            max_start = max(xs[k][1], x0 + 60) + 2 * line.height
            block = block_below(ctx, line, x0, max(x0 + 40, next_x - 6), first_gap=2.6, max_start=max_start)
            # The block's own width (its column may reach the page edge): a block beside it stays free.
            spans = [segment_at(ctx.lines[i], block.x0, block.x1) for i in block.line_indexes]
            ends = [
                ctx.lines[i].span_x(*span)[1]
                for i, span in zip(block.line_indexes, spans, strict=True)
                if span
            ]
            block.x1 = max([line.segment_x()[k][1], *ends])
            block.line_indexes.insert(0, line.index)
            out.append(block)
    return out


def labelled_name_below(ctx: PageContext, limit: float) -> str | None:
    """The name under a seller's label printed below the items ("Service provider:", "Dienstleister:",
    "Vendu par :" in a footer box)."""
    if limit >= ctx.page.height:
        return None  # the labels above the table were all searched
    for _, block in _labelled_blocks(ctx, ISSUER_LABEL, ctx.page.height):
        if block.line_indexes and ctx.lines[block.line_indexes[0]].top >= limit and block.name:
            return block.name
    return None


def _opens_with_field_label(ctx: PageContext, block: Block) -> bool:
    """True when the block's first line starts with a header field's label in the block's column: a
    heading over the invoice's own data ("Rechnungsdaten" over "Rechnungsnummer …"), not over a party."""
    if not block.line_indexes:
        return False
    index = block.line_indexes[0]
    span = segment_at(ctx.lines[index], block.x0, block.x1)
    return span is not None and any(label.start == span[0] for label in ctx.header_labels.get(index, []))
