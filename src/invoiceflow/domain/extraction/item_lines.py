"""What one line of an items table reads as, for every reader of a table: its figures (``row_amounts``,
day.month dates left out), its description words, whether it settles or totals the invoice or carries a
sum between pages; and the records an items reader returns (``Item``, ``ItemsResult``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from invoiceflow.domain.extraction.column_inference import Column
from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.dates import DateOrder, find_dates
from invoiceflow.domain.extraction.item_header import assign_column, placed_by_cell
from invoiceflow.domain.extraction.item_rows import is_prose
from invoiceflow.domain.extraction.labels import DEDUCTION_LABEL, ROUNDING_LABEL
from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import Amount, DecimalStyle, find_amounts


@dataclass
class Item:
    description: list[str]
    quantity: Decimal | None
    unit_price: Decimal | None
    amount: Decimal
    line: int
    checked: bool = False  # quantity × unit price = amount
    repaired: bool = False  # a garbled OCR number was read again (accepted because the product checks)
    # The other reading of the net amount (computed or read) where this page cannot tell which one is
    # net: the document's net total decides (aggregation).
    alternative_amount: Decimal | None = None
    # The net price after the row's discount, where the unit price is the list price it came from.
    net_unit_price: Decimal | None = None
    # The quantity as printed, where a scan's row took another reading of it (a decimal point OCR lost),
    # and whether the row's price is per 100 or 1000 pieces (quantity × price ÷ 100 = amount).
    printed_quantity: Decimal | None = None
    per_hundred: bool = False


@dataclass
class ItemsResult:
    items: list[Item] = field(default_factory=list)
    header_line: int | None = None
    last_line: int | None = None
    continues: bool = False
    # Text lines at the top of the table, above its first row and taken by no item: on a page after one
    # whose table ran to its foot, the last wrapped lines of that page's last item (``carried_text``).
    carried: list[str] = field(default_factory=list)


_DATE_RANGE_RE = lazy_compile(
    r"(?<![\d.,])(?:[0-3]?\d\.[01]?\d\.(?:\d{2,4})?\s?[-\u2013\u2014]\s?[0-3]?\d\.[01]?\d\.?"
    r"|[0-3]?\d/[01]?\d(?:/\d{2,4})?\s?[-\u2013\u2014]\s?[0-3]?\d/[01]?\d)"
)
_DAY_MONTH_RE = lazy_compile(r"\d{1,2}\.\d{1,2}")


def row_amounts(line: Line, style: DecimalStyle) -> list[Amount]:
    """Numbers of a table row, without the pieces of day.month dates ("01.03.–31.03." in a billing
    period reads like two amounts). Read once per line and style: every check of the table asks again."""
    key = ("row_amounts", style)
    amounts: list[Amount] | None = line.memo.get(key)
    if amounts is None:
        amounts = line.memo[key] = _row_amounts(line, style)
    return list(amounts)


def _row_amounts(line: Line, style: DecimalStyle) -> list[Amount]:
    amounts = find_amounts(line, style)
    if is_prose(line, amounts):
        return []  # a sentence with a figure in it is never a row
    if not any(c in line.text for c in ".-\u2013/") or not amounts:
        return amounts
    spans = [m.span() for m in _DATE_RANGE_RE.finditer(line.text)]
    out: list[Amount] = []
    for a in amounts:
        if any(s <= a.start < e for s, e in spans):
            continue
        raw = line.text[a.start : a.end]
        if _DAY_MONTH_RE.fullmatch(raw) and line.text[a.end : a.end + 1] == ".":
            continue
        out.append(a)
    return out


def printed_net_totals(ctx: PageContext, style: DecimalStyle, first: int) -> list[Decimal]:
    out: list[Decimal] = []
    for line in ctx.lines[first:]:
        labels = ctx.total_labels.get(line.index) or []
        for label in labels:
            if label.kind != "net":
                continue
            # "Net 100.00   VAT 19.00   Total 119.00" on one line: only the figures up to the next label.
            end = min((other.start for other in labels if other.start >= label.end), default=len(line.text))
            money = [a for a in find_amounts(line, style) if a.decimals == 2 and not a.is_percent]
            after = [a.value for a in money if label.end <= a.start < end]
            out += after or [a.value for a in money]
    return out


CENT_SLACK = Decimal("0.011")

# A currency printed as a word of its own before the figure ("R$ 4,00", "zł 12,50", "US$ 9.99", "CHF 80.00").
_CURRENCY_WORD_RE = lazy_compile(
    r"[A-Z]{0,3}[$€£¥₹₩₽₺₴₪₱฿]|S/|zł|kr|Kč|Ft|lei|лв|руб\.?|Rs\.?|Fr\.?|"
    r"EUR|USD|GBP|CHF|BRL|ARS|MXN|COP|CLP|PEN|INR|JPY|CNY|SEK|DKK|NOK|PLN|CZK|HUF|RON|CAD|AUD|NZD|ZAR|TRY"
)


def cell_start(line: Line, amount: Amount) -> float:
    """Where a figure's cell starts: at the currency word standing before it in its cell, else at the
    figure."""
    index = line.word_at(amount.start)
    if index == 0 or line.starts[index] != amount.start:
        return amount.x0
    before = line.words[index - 1]
    if line.segment_of_word[index - 1] != line.segment_of_word[index] or not _CURRENCY_WORD_RE.fullmatch(
        before.text
    ):
        return amount.x0
    return min(before.x0, amount.x0)


_POSITION_RE = lazy_compile(r"^\d{1,3}\.?$")
LONG_POSITION_RE = lazy_compile(r"^\d{1,5}\.?$")
_RULE_MARKS = frozenset(
    {"[", "]", "|", "||", "{", "}", "(", ")", "®", "©", "°", "_", "~", "¦", "!", "/", "\\", "'", "‘", "’"}
)


def description_words(
    line: Line,
    desc_range: tuple[float, float],
    strip_position: bool = False,
    skip: tuple[float, float] | None = None,
) -> list[str]:
    """Words of the description column (``skip``: an x-range read as another column)."""
    words: list[str] = []
    segments: list[int] = []
    for index, word in enumerate(line.words):
        centre = (word.x0 + word.x1) / 2
        if not desc_range[0] <= centre <= desc_range[1]:
            continue
        if skip is not None and skip[0] - 1 <= centre <= skip[1] + 1:
            continue
        if line.ocr and not words and word.text in _RULE_MARKS:
            continue  # a scanned cell rule or a speck before the text ("[", "|"), never a character of it
        words.append(word.text)
        segments.append(line.segment_of_word[index])
    if len(words) > 1:
        # A row number: a small integer first, or any integer standing apart in its own column.
        apart = segments[0] != segments[1] and LONG_POSITION_RE.match(words[0])
        if apart or (strip_position and _POSITION_RE.match(words[0])):
            words, segments = words[1:], segments[1:]
    if len(set(segments)) > 1 and any(c.isdigit() for c in line.text):
        # A date or a period standing in a cell of its own ("01.02.2024 – 29.02.2024" beside a charge
        # line without a column header): a date column, not part of the text.
        dated = {k for k in set(segments) if _date_cell(line, k)}
        if dated and len(dated) < len(set(segments)):
            words = [w for w, k in zip(words, segments, strict=True) if k not in dated]
    return [" ".join(words)] if words else []


_DATE_GLUE_RE = lazy_compile(r"[\s\-\u2013\u2014/.,:]*(?:(?:to|bis|au|al|tot|a|-)[\s\-\u2013\u2014/.,:]*)?")


def _date_cell(line: Line, segment: int) -> bool:
    """The segment holds nothing but dates (and the words joining a range)."""
    start, end = line.segments()[segment]
    if not any(c.isdigit() for c in line.text[start:end]):
        return False
    dates = find_dates(line, DateOrder.DMY, start, end)
    if not dates:
        return False
    position = start
    for d in [*dates, None]:
        stop = end if d is None else d.start
        if not _DATE_GLUE_RE.fullmatch(line.folded, position, stop):
            return False
        if d is not None:
            position = d.end
    return True


def is_carry_line(ctx: PageContext, line: Line) -> bool:
    labels = ctx.total_labels.get(line.index)
    if not labels:
        return False
    return labels[0].kind == "carry" and labels[0].start < len(line.text) / 2


def is_totals_line(ctx: PageContext, line: Line) -> bool:
    labels = ctx.total_labels.get(line.index)
    if not labels:
        return settles(line)
    first_seg_end = line.segments()[0][1]
    return any(label.start < first_seg_end for label in labels) or labels[0].start < len(line.text) / 2


def settles(line: Line) -> bool:
    """A line that opens with what was paid, what is left to pay or a rounding ("Payment received 120.00",
    "Balance (if any) 0", "Bereits bezahlt", "Solde", "Round off 0.40"): it stands with the totals, and
    no item row reads like it. The label must be (nearly) all the text of its cell: "Payment processing
    fee" is a charge."""
    key = "settles"
    found: bool | None = line.memo.get(key)
    if found is None:
        found = line.memo[key] = _settles(line)
    return found


def _settles(line: Line) -> bool:
    if not any(c.isdigit() for c in line.text):
        return False
    start, end = line.segments()[0]
    cell = line.folded[start:end]
    match = DEDUCTION_LABEL.match(cell) or _BALANCE_RE.match(cell) or _ROUNDING_RE.match(cell)
    if match is None:
        return False
    rest = _PARENTHETICAL_RE.sub("", cell[match.end() :])
    return sum(c.isalpha() for c in rest) <= _SETTLEMENT_TAIL or bool(_RECEIVED_RE.match(rest))


# What is left to pay after payments: "Balance", "Balance (if any)", "Saldo", "Solde", "Restbetrag",
# "Offener Betrag", "Reste à payer", "Outstanding".
_BALANCE_RE = lazy_compile(
    r"(?:balance|saldo|solde|rest\s*-?\s*betrag|offener\s+betrag|reste\s+a\s+payer|resto|outstanding|"
    r"amount\s+outstanding|restant\s+du|openstaand(?:\s+bedrag)?)(?![a-z])"
)
# Rounding to the smallest coin between the items and the total ("Round off", "Rundung", "Arrondi").
_ROUNDING_RE = lazy_compile(
    rf"(?:{ROUNDING_LABEL.pattern})|round(?:ed|ing)?\s*-?\s*off(?![a-z])|(?:rounding|rundungs)\s*-?\s*diff\w*"
)
_PARENTHETICAL_RE = lazy_compile(r"\([^)]*\)?")
# After the label: how it was paid ("Payment received by …", "Zahlung erhalten", "Paiement reçu", "paid
# through cash") or that it is still owed ("Balance due", "Saldo offen", "Solde restant").
_RECEIVED_RE = lazy_compile(
    r"\s*(?:received|made|by|via|through|thank|with|recu|recue|erhalten|eingegangen|ontvangen|recibido|"
    r"ricevuto|effectue|per|par|por|mit|met|con|due|owing|remaining|left|payable|outstanding|open|offen|"
    r"restant|pendiente|a\s+pagar|da\s+pagare|te\s+betalen)(?![a-z])"
)
# Letters allowed after the label otherwise (a currency code: "Balance EUR"): more is a charge's name
# ("Balance weights", "Deposit for crates").
_SETTLEMENT_TAIL = 3

MAX_DESCRIPTION_LINES = 8


def in_amount_column(amounts: list[Amount], columns: list[Column]) -> bool:
    """A figure of the line stands in the amount column."""
    return any((column := assign_column(a, columns)) is not None and column.kind == "amount" for a in amounts)


def fills_item_columns(line: Line, amounts: list[Amount], columns: list[Column]) -> bool:
    # A percentage is no quantity nor price ("Surcharge 5 % on 46,459.26  2,322.96" under the rows).
    kinds = {
        column.kind
        for a in amounts
        if not a.is_percent
        and (column := assign_column(placed_by_cell(line, a, columns), columns)) is not None
    }
    return {"quantity", "unit_price", "amount"} <= kinds
