"""Locale-aware number parsing: 1.234,56 · 1,234.56 · 1 234,56 · 1'234.56 · (12.00) · 12.00- · -12.00.

Each number is decided by its own structure (a number with both separators, or a decimal part of one
or two digits, is unambiguous); only a single group like "1.234" / "1,234" falls back to the page's
dominant style, counted from the unambiguous numbers on the same page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import lru_cache

from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile


class DecimalStyle(Enum):
    DOT = "."  # 1,234.56
    COMMA = ","  # 1.234,56
    UNKNOWN = "?"


_AMOUNT_RE = lazy_compile(
    r"""
    (?<![\w.,/'])
    (?P<lead>[-\u2212\u2013]\s?)?
    (?P<open>\()?
    (?:(?P<sym>(?:US|CA|AU|NZ|HK|SG|C|A|S)?\$|[€£₹¥]|(?:Rs|kr|Fr|Sfr|Bs)\.?|(?:EUR|USD|GBP|CHF|INR|SEK|DKK|NOK|PLN|CZK|HUF|CAD|AUD)(?=[\s\d\-\u2212]))\s?)?
    (?P<symlead>(?<=[A-Za-z.])[-\u2212])?                # CHF-12.50: the sign after a currency code
    (?P<num>
        \d{1,3}(?:\ \d{3})+[.,]\d{2}(?!\d)          # 1 234,56 (space-grouped: only with decimals)
      # 12 041 620 Ft: a whole amount grouped by spaces, before the sign of a currency printed whole
      | \d{1,3}(?:\ \d{3})+(?=\ ?(?:Ft|HUF|Kč|CZK|kr|SEK|NOK|DKK|ISK|zł|PLN|JPY|¥)(?![A-Za-z]))
      | \d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?(?!\d)   # 1,10,083.44 (Indian lakh grouping)
      | \d{1,3}(?:(?P<sep>[.,'])\d{3})+(?:(?P<dec>[.,])\d{1,2})?(?!\d)
      | \d+(?:[.,]\d{1,4})?
    )
    (?P<close>\))?
    (?P<trail>-(?![\d\w]))?
    (?:EUR|USD|GBP|CHF|INR|SEK|DKK|NOK|PLN|CZK|HUF|CAD|AUD)?  # 12.50EUR: a code glued after the figure
    (?P<credit>\s(?:CR|Cr)\.?(?![\w]))?                    # 1,234.56 CR: an accounting credit
    (?![\w]|[.,]\d|/\d)
    (?P<pct>\s?%)?
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Amount:
    value: Decimal
    start: int
    end: int
    x0: float
    x1: float
    decimals: int  # digits after the decimal separator (0 for integers)
    is_percent: bool
    has_symbol: bool
    grouped: bool  # had thousands separators


_LAKH_RE = lazy_compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?")
_NO_SEPARATORS = str.maketrans("", "", ".,'")  # what re.sub(r"[.,']", "", ...) removes


def _split(num: str, style: DecimalStyle) -> tuple[str, str] | None:
    """Return (integer digits, fraction digits) of a matched number."""
    if num.isdigit():
        return num, ""  # most numbers on a page: no separator at all
    if len(num) > 3 and num[-3] in ".," and num[:-3].isdigit() and num[-2:].isdigit():
        return num[:-3], num[-2:]  # next most: "1234.56", "12,50" (what the general reading below gives)
    if num.count(",") >= 2 and _LAKH_RE.fullmatch(num):
        integer, _, frac = num.partition(".")
        return integer.replace(",", ""), frac
    if " " in num:
        if "," not in num and "." not in num:
            return num.replace(" ", ""), ""  # a whole amount grouped by spaces: "12 041 620 Ft"
        integer, _, frac = num.rpartition("," if "," in num else ".")
        return integer.replace(" ", ""), frac
    seps = [c for c in num if c in ".,'"]
    if not seps:
        return num, ""
    last = seps[-1]
    tail = num.rsplit(last, 1)[1]
    distinct = set(seps)
    if len(distinct) >= 2:
        # Both kinds: the last one is the decimal separator (unless it is an apostrophe grouping).
        if last == "'":
            return num.replace("'", "").replace(",", "").replace(".", ""), ""
        integer = num[: num.rfind(last)]
        return integer.translate(_NO_SEPARATORS), tail
    if last == "'":
        return num.replace("'", ""), ""
    if len(seps) > 1:
        return num.replace(last, ""), ""  # 1.234.567 / 1,234,567
    if len(tail) != 3:
        return num[: num.rfind(last)], tail  # 12,5 · 12,50 · 0.1234
    # One group of three digits: "1.234" or "1,234" depends on the page's style.
    if (style is DecimalStyle.COMMA and last == ",") or (style is DecimalStyle.DOT and last == "."):
        return num[: num.rfind(last)], tail
    if num.startswith("0" + last):
        return "0", tail  # 0.125 is never a thousands grouping
    return num.replace(last, ""), ""


def parse_number(text: str, style: DecimalStyle = DecimalStyle.UNKNOWN) -> Decimal | None:
    """Parse one number written in any of the supported conventions; None when it is not a number."""
    match = _AMOUNT_RE.fullmatch(text.strip().translate(_NBSP))
    if not match:
        return None
    return _value(match, style)[0]


_NBSP = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2019": "'"})


def _value(match: re.Match[str], style: DecimalStyle) -> tuple[Decimal | None, int]:
    lead, open_, close, trail, symlead, credit = match.group(
        "lead", "open", "close", "trail", "symlead", "credit"
    )
    negative = bool(lead or trail or symlead or credit) or bool(open_ and close)
    return _signed_value(match["num"], style, negative)


def _signed_value(num: str, style: DecimalStyle, negative: bool) -> tuple[Decimal | None, int]:
    value, decimals = _unsigned_value(num, style)
    return (-value if negative and value else value), decimals


@lru_cache(maxsize=4096)
def _unsigned_value(num: str, style: DecimalStyle) -> tuple[Decimal | None, int]:
    """The value and decimal count of a matched number; cached: pages repeat quantities, rates, totals
    (a ``Decimal`` is immutable, so sharing one is safe)."""
    parts = _split(num, style)
    if parts is None:
        return None, 0
    integer, frac = parts
    try:
        value = Decimal(f"{integer or '0'}.{frac}" if frac else integer)
    except InvalidOperation:
        return None, 0
    return value, len(frac)


def find_amounts(line: Line, style: DecimalStyle, start: int = 0, end: int | None = None) -> list[Amount]:
    """All numbers on a line (or inside ``text[start:end]``), each with its x-range. Read once per line
    and style (every extractor asks again for its own slice)."""
    key = ("amounts", style)
    amounts: list[Amount] | None = line.memo.get(key)
    if amounts is None:
        amounts = line.memo[key] = _line_amounts(line, style)
    if start == 0 and end is None:
        return list(amounts)
    stop = len(line.text) if end is None else end
    return [a for a in amounts if a.start >= start and a.end <= stop]


def _line_amounts(line: Line, style: DecimalStyle) -> list[Amount]:
    """Runs per segment so that a thousands space never joins two table columns."""
    out: list[Amount] = []
    text = line.text
    has_digit = _DIGIT_RE.search
    span_x = line.span_x
    for lo, hi in line.segments():
        if has_digit(text, lo, hi) is None:
            continue  # every number has a digit: a segment of words only needs no scan for numbers
        # Whole amounts grouped by spaces ("3 196 000", forint or krona columns) read as one figure each;
        # the rest of the segment is read as usual.
        segment_start = len(out)
        parts = _whole_runs(line, lo, hi, out) if _WHOLE_RUN_HINT.search(text, lo, hi) else ((lo, hi),)
        for part_lo, part_hi in parts:
            for match in _AMOUNT_RE.finditer(text, part_lo, part_hi):
                # one group() call for all groups: each match[...] lookup is a call of its own
                num, lead, open_, close, trail, pct, sym, sep, symlead, credit = match.group(
                    "num", "lead", "open", "close", "trail", "pct", "sym", "sep", "symlead", "credit"
                )
                value, decimals = _unsigned_value(num, style)
                if value is None:
                    continue
                if value and (lead or trail or symlead or credit or (open_ and close)):
                    value = -value
                start, end = match.span()
                x0, x1 = span_x(match.start("num"), end)  # columns align on the digits
                grouped = bool(sep) or " " in num
                # A currency sign after the figure ("1939 €", "250 zł", "120 kr") marks money as one before.
                symbol = bool(sym) or (
                    not pct and _TRAILING_CURRENCY_RE.match(text, end, part_hi) is not None
                )
                # value, start, end, x0, x1, decimals, is_percent, has_symbol, grouped (positional: faster)
                out.append(Amount(value, start, end, x0, x1, decimals, bool(pct), symbol, grouped))
        if len(parts) != 1 or parts[0] != (lo, hi):
            out[segment_start:] = sorted(out[segment_start:], key=lambda a: a.start)  # runs came first
    return out


_DIGIT_RE = lazy_compile(r"\d")
_TRAILING_CURRENCY_RE = lazy_compile(
    r"\s?(?:[€$£₹¥]|zł|zl|kr|kč|Kč|Ft|lei|лв|EUR|USD|GBP|CHF|INR|SEK|DKK|NOK|PLN|CZK|HUF|CAD|AUD|RON)(?![A-Za-z])"
)
_UNAMBIGUOUS_RE = lazy_compile(r"(?<![\d.,])\d{1,3}(?:([.,' ])\d{3})*([.,])\d{1,2}(?!\d)(?![.,]\d)")


def dominant_style(lines: list[Line]) -> DecimalStyle:
    """The decimal separator most numbers on the page use (ties and no evidence → UNKNOWN)."""
    dot = comma = 0
    for line in lines:
        for match in _UNAMBIGUOUS_RE.finditer(line.text):
            group, decimal = match.group(1), match.group(2)
            if group and group == decimal:
                continue
            if decimal == ",":
                comma += 1
            else:
                dot += 1
    if dot > comma:
        return DecimalStyle.DOT
    if comma > dot:
        return DecimalStyle.COMMA
    return DecimalStyle.UNKNOWN


def money_str(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")))


def plain_str(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


# What every whole run below has in the text (words are joined by one space): a cheap test before the
# word geometry is looked at, on the many segments that hold spaces but no such run.
_WHOLE_RUN_HINT = lazy_compile(r"(?<!\S)\d{1,3} \d{3}(?!\S)")


def _whole_runs(line: Line, lo: int, hi: int, out: list[Amount]) -> tuple[tuple[int, int], ...]:
    """Whole amounts grouped by spaces inside ``text[lo:hi]`` ("1 493 600", "12 700 Ft"), appended to
    ``out``; returns the spans left to read as usual. A run of digit words is one figure when its groups
    after the first have three digits, stand one space apart (the same gap each, under half an em) and
    the run stands apart from its neighbours: by a wider gap (two table cells a few points apart: "1 493
    600 | 403 272"), at the segment's edges, after a label's colon or before a currency sign. Inside
    running text ("Szoba 2 100 éjszaka") the figures stay apart."""
    first, last = line.word_at(lo), line.word_at(max(lo, hi - 1))
    words = line.words[first : last + 1]
    if len(words) < 2:
        return ((lo, hi),)
    digits = [w.text.isdigit() and len(w.text) <= 3 for w in words]
    if sum(digits) < 2:
        return ((lo, hi),)
    gaps = [words[k + 1].x0 - words[k].x1 for k in range(len(words) - 1)]
    size = max(w.y1 - w.y0 for w in words)
    starts = line.starts[first : last + 1]
    text = line.text
    left: list[tuple[int, int]] = []
    cursor = lo
    i = 0
    while i < len(words):
        if not digits[i]:
            i += 1
            continue
        j = i
        while (
            j + 1 < len(words)
            and digits[j + 1]
            and len(words[j + 1].text) == 3
            and 0 <= gaps[j] <= 0.45 * size
            and abs(gaps[j] - gaps[i]) <= 0.25 * gaps[i] + 0.3
        ):
            j += 1
        if j > i:
            inner = max(gaps[i:j])
            run_start, run_end = starts[i], starts[j] + len(words[j].text)
            apart = 1.4 * inner + 0.3
            before = i == 0 or gaps[i - 1] > apart or words[i - 1].text.endswith(":")
            after = (
                j == len(words) - 1
                or gaps[j] > apart
                or _TRAILING_CURRENCY_RE.match(text, run_end, hi) is not None
            )
            if before and after:
                value = Decimal("".join(w.text for w in words[i : j + 1]))
                symbol = _TRAILING_CURRENCY_RE.match(text, run_end, hi) is not None
                out.append(
                    Amount(value, run_start, run_end, words[i].x0, words[j].x1, 0, False, symbol, True)
                )
                left.append((cursor, run_start))
                cursor = run_end
        i = j + 1
    if cursor == lo:
        return ((lo, hi),)
    left.append((cursor, hi))
    return tuple((a, b) for a, b in left if b > a)
