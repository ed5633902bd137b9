"""Readings of a number that OCR garbled: confusable letters inside digit runs (O→0, l/I/|→1, S→5,
B→8), stray quotes, brackets and commas between digit groups, a decimal separator read as a space or
lost. A repaired reading is only a candidate: callers accept it when arithmetic confirms it
(quantity × price = amount, base × rate = tax), never on its own.

Digit look-alikes (``confusable_readings``: 1/4/7, 3/5/8/9, 0/6/8/9, ...) repair a total that breaks
net + tax = gross (``repair_sum``), a garbled quantity before a price and a price or amount with one
look-alike digit (``repair_row_texts``), again only when exactly one reading makes the arithmetic hold. A
row that multiplies out with a discount between price and amount is read right and left alone; a
figure of a description is no quantity (a quantity with its unit run in stands between it and the
price, or the table's quantity column does).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection
from decimal import Decimal, InvalidOperation

from invoiceflow.domain.extraction.lazy_re import lazy_compile

# Letters OCR substitutes for digits; applied only inside a token that is mostly digits already.
_CONFUSABLES = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "D": "0",
        "l": "1",
        "I": "1",
        "|": "1",
        "i": "1",
        "!": "1",
        "S": "5",
        "s": "5",
        "B": "8",
        "Z": "2",
        "z": "2",
    }
)
_STRAY = lazy_compile(r"[\u201a\u201e'\"`\u2018\u2019\u201c\u201d\[\](){};:_~^*]")
_GROUPED = lazy_compile(r"\d{1,3}(?:[., ']\d{3})+")
_MAX_READINGS = 6
_CURRENCY = lazy_compile(
    r"^\s*(?:[€$£₹¥]|Rs\.?|EUR|USD|GBP|CHF|INR)\s*|\s*(?:[€$£₹¥]|EUR|USD|GBP|CHF|INR|DKK|SEK)\s*$"
)


def _digits_share(text: str) -> float:
    letters_or_digits = [c for c in text if c.isalnum() or c == "|"]
    if not letters_or_digits:
        return 0.0
    return sum(c.isdigit() for c in letters_or_digits) / len(letters_or_digits)


def _money(integer: str, fraction: str) -> Decimal | None:
    try:
        return Decimal(f"{integer}.{fraction}") if fraction else Decimal(integer)
    except InvalidOperation:
        return None


def money_readings(text: str) -> list[Decimal]:
    """Candidate money values (two decimals) of one garbled cell, most literal reading first. Empty when
    the cell is not mostly digits (a word is never turned into a number)."""
    # Pieces without a digit are rules and specks ("|", "‚"), not part of the number.
    token = " ".join(part for part in _CURRENCY.sub("", text).split() if any(c.isdigit() for c in part))
    if "%" in token or _digits_share(token) < 0.6 or sum(c.isdigit() for c in token) < 3:
        return []
    token = _STRAY.sub(" ", token.translate(_CONFUSABLES)).strip(" .,")
    token = re.sub(r"\s+", " ", token)
    if not re.fullmatch(r"[\d., ']+", token):
        return []
    out: list[Decimal] = []

    def add(value: Decimal | None) -> None:
        if value is not None and value not in out:
            out.append(value)

    # The last separator (or gap) before a final pair of digits is the decimal separator.
    tail = re.fullmatch(r"(?P<int>[\d., ']*\d)[., ' ]+(?P<frac>\d{2})", token)
    if tail and (_GROUPED.fullmatch(tail["int"]) or re.fullmatch(r"\d+", tail["int"])):
        add(_money(re.sub(r"\D", "", tail["int"]), tail["frac"]))
    digits = re.sub(r"\D", "", token)
    if len(digits) >= 3:
        add(_money(digits[:-2], digits[-2:]))  # decimal separator lost: "216528" → 2165.28
    return out[:_MAX_READINGS]


# --- row repair: one garbled number cell of a table row, confirmed by quantity × price = amount ---------

_DECIMAL_SEPARATOR = lazy_compile(r"^-?\d{1,3}(?:[., \u00a0']\d{3})*(?P<sep>[.,])\d{2}$")
_SMALL_GROUP = lazy_compile(r"^-?\d{1,3}$")
_CENT = Decimal("0.01")


def _row_separator(texts: list[str]) -> str | None:
    """The decimal separator of a row: the one before the final two digits of its clean money cells,
    when they agree."""
    seen = {m["sep"] for m in map(_DECIMAL_SEPARATOR.match, texts) if m}
    return seen.pop() if len(seen) == 1 else None


def _literal(text: str, separator: str) -> Decimal | None:
    """The value of a cleanly written number (thousands groups of the other separator allowed)."""
    grouping = "." if separator == "," else ","
    pattern = rf"-?(?:\d{{1,3}}(?:[{re.escape(grouping)}\u00a0']\d{{3}})+|\d+)(?:{re.escape(separator)}\d+)?"
    if not re.fullmatch(pattern, text):
        return None
    bare = re.sub(rf"[{re.escape(grouping)}\u00a0']", "", text).replace(separator, ".")
    try:
        return Decimal(bare)
    except InvalidOperation:
        return None


def _signed_readings(text: str) -> list[Decimal]:
    negative = text.startswith("-")
    readings = money_readings(text[1:] if negative else text)
    return [-value for value in readings] if negative else readings


def _matches(quantity: Decimal, price: Decimal, amount: Decimal) -> bool:
    return abs(quantity * price - amount) <= _CENT


def _clean_cells(texts: list[str], close: list[bool], separator: str) -> list[tuple[int, int, Decimal]]:
    """Clean number cells of a row as (first word, last word, value); a small group joined with a close
    3-digit group is one cell ("1 606,50")."""
    cells: list[tuple[int, int, Decimal]] = []
    n = 0
    while n < len(texts):
        joined = (
            f"{texts[n]}\u00a0{texts[n + 1]}" if n + 1 < len(texts) and n < len(close) and close[n] else None
        )
        if joined and _SMALL_GROUP.match(texts[n]) and (value := _literal(joined, separator)) is not None:
            cells.append((n, n + 1, value))
            n += 2
            continue
        if "%" not in texts[n] and (value := _literal(texts[n], separator)) is not None:
            cells.append((n, n, value))
        n += 1
    return cells


def _product(cells: list[tuple[int, int, Decimal]]) -> tuple[int, int, int] | None:
    """Indexes into ``cells`` of a quantity, a price and an amount right of both that multiply out."""
    values = [(c, value) for c, (_, _, value) in enumerate(cells) if value]
    for k, (kc, a) in enumerate(values):
        for ic, q in values[:k]:
            for jc, p in values[:k]:
                if jc != ic and _matches(q, p, a):
                    return ic, jc, kc
    return None


_RATE = lazy_compile(r"(\d{1,2}(?:[.,]\d{1,2})?)\s?%")


def _discounted_product(texts: list[str], cells: list[tuple[int, int, Decimal]]) -> bool:
    """True when quantity × price less a discount printed between price and amount gives the amount:
    a negative figure ("-53,55") or a rate ("3 %") of the product. Such a row is read right; its
    amount over its price is no quantity."""
    for k, (amount_first, _, amount) in enumerate(cells):
        for i, (_, _, quantity) in enumerate(cells[:k]):
            for _, price_last, price in cells[i + 1 : k]:
                product = quantity * price
                between = cells[i + 1 : k]
                if any(
                    value < 0 and abs(product + value - amount) <= _CENT
                    for first, _, value in between
                    if first > price_last
                ):
                    return True
                words = " ".join(texts[price_last + 1 : amount_first]).replace(",", ".")
                for rate in _RATE.findall(words):
                    if abs(product * (1 - Decimal(rate) / 100) - amount) <= _CENT:
                        return True
    return False


def quantity_word(texts: list[str], close: list[bool]) -> int | None:
    """The position of the quantity in a row whose clean cells multiply out (quantity × price = amount),
    None when none do: rows read cleanly show where a table's quantity column is."""
    separator = _row_separator(texts)
    if separator is None or len(texts) < 3:
        return None
    cells = _clean_cells(texts, close, separator)
    found = _product(cells)
    return None if found is None else cells[found[0]][1]


def repair_row_texts(
    texts: list[str], close: list[bool], quantity_at: Callable[[int, int], bool] | None = None
) -> list[str]:
    """The words of one table row with at most one garbled money cell rewritten.

    ``close[i]`` says word i and word i+1 nearly touch (a number written with a space between thousand
    groups, "-3 456,04", is one cell). A word is rewritten to one of its ``money_readings`` only when
    that reading, and no other, makes two clean cells of the row multiply out: left quantity × left
    price = the repaired amount, or left quantity × the repaired price = an amount further right. A
    row whose clean cells already multiply out is left alone. ``quantity_at(i, j)`` says whether word i
    may be the quantity of the price at word j (no quantity column lies between them); a misread
    quantity is rewritten only there.
    """
    separator = _row_separator(texts)
    if separator is None or len(texts) < 3:
        return texts
    cells = _clean_cells(texts, close, separator)
    values = [(first, last, value) for first, last, value in cells if value]
    if _product(cells) is not None or _discounted_product(texts, cells):
        return texts
    in_cells = {n for first, last, _ in cells for n in range(first, last + 1)}
    found: list[tuple[int, Decimal]] = []
    for position, text in enumerate(texts):
        if position in in_cells and not _literal(text, separator):
            continue
        if "%" in text:
            continue
        literal = _literal(text, separator)
        for reading in _signed_readings(text):
            if reading == literal:
                continue
            left = [value for _, last, value in values if last < position]
            right = [value for first, _, value in values if first > position]
            as_amount = any(_matches(q, p, reading) for i, q in enumerate(left) for p in left[i + 1 :])
            as_price = any(_matches(q, reading, a) for q in left for a in right)
            if as_amount or as_price:
                found.append((position, reading))
    if len(found) == 1:
        position, reading = found[0]
        repaired = f"{reading:.2f}".replace(".", separator)
        return [repaired if n == position else text for n, text in enumerate(texts)]
    if found:
        return texts
    quantity_fixed = _repair_quantity(texts, cells, separator, quantity_at)
    return quantity_fixed if quantity_fixed != texts else _repair_confused_digit(texts, cells, separator)


def _repair_confused_digit(
    texts: list[str], cells: list[tuple[int, int, Decimal]], separator: str
) -> list[str]:
    """The row with one digit of its price or amount swapped for the look-alike that makes quantity ×
    price = amount ("151,27" read for 751,27), when exactly one such swap in one cell does."""
    money = re.compile(rf"{re.escape(separator)}\d{{2}}$")
    found: list[tuple[int, Decimal]] = []
    for k, (first, last, value) in enumerate(cells):
        if first != last or not money.search(texts[first]):
            continue
        left = [v for _, end, v in cells[:k] if end < first and v]
        right = [v for _, _, v in cells[k + 1 :] if v]
        for reading in confusable_readings(value):
            as_price = any(_matches(q, reading, a) for q in left for a in right)
            as_amount = any(_matches(q, p, reading) for i, q in enumerate(left) for p in left[i + 1 :])
            if as_price or as_amount:
                found.append((first, reading))
    if len(found) != 1:
        return texts
    position, reading = found[0]
    old = texts[position]
    digits = f"{abs(reading):.2f}".replace(".", "")
    if len(digits) != sum(c.isdigit() for c in old):
        return texts
    new_digits = iter(digits)
    # The reading differs from the printed figure in one digit: write it into the text as read.
    text = "".join(next(new_digits) if c.isdigit() else c for c in old)
    return [text if n == position else t for n, t in enumerate(texts)]


# A quantity has at most this many decimals; one found by division must differ from what OCR read by
# at most one digit in length (a misread digit, one lost or one doubled).
_QUANTITY_PLACES = 2
_QUANTITY_LIMIT = Decimal(100_000)


def _repair_quantity(
    texts: list[str],
    cells: list[tuple[int, int, Decimal]],
    separator: str,
    quantity_at: Callable[[int, int], bool] | None = None,
) -> list[str]:
    """The row with its one misread quantity rewritten to amount / price: the clean cell nearest left of
    a price, when amount / price has at most two decimals, gives the amount back to the cent, and is
    as long as the cell's reading give or take one digit; only when exactly one cell is found so."""
    found: dict[int, Decimal] = {}

    def money(first: int, last: int) -> bool:  # a price or an amount is written with two decimals
        return bool(re.search(rf"{re.escape(separator)}\d{{2}}$", texts[last])) and first <= last

    for k, (amount_first, amount_last, amount) in enumerate(cells):
        for j, (price_first, price_last, price) in enumerate(cells[:k]):
            if not (price and money(price_first, price_last) and money(amount_first, amount_last)):
                continue
            quantity = (amount / price).quantize(Decimal(1).scaleb(-_QUANTITY_PLACES))
            if not 0 < quantity < _QUANTITY_LIMIT or not _matches(quantity, price, amount):
                continue
            # The quantity is the clean cell nearest left of the price (a row number sits further left).
            before = [cell for cell in cells[:j] if cell[1] < price_first]
            # A word with digits between that cell and the price is the quantity, garbled or with its unit
            # run into it ("3ST"): the clean cell further left then belongs to the description ("DN 25").
            if (
                before
                and before[-1][0] == before[-1][1]
                and not _figure_between(texts, before[-1][1], price_first)
            ):
                first, _, read = before[-1]
                # A rate ("12 %" of a base is the tax) is no quantity.
                rate = read == quantity * 100 or texts[first + 1 : first + 2] == ["%"]
                in_column = quantity_at is None or quantity_at(first, price_first)
                if read != quantity and not rate and in_column and _close_length(read, quantity):
                    found[first] = quantity
            elif _garbled_quantity(texts, price_first - 1, quantity, cells):
                found[price_first - 1] = quantity
    if len(found) != 1:
        return texts
    ((position, quantity),) = found.items()
    text = format(quantity.normalize(), "f").replace(".", separator)
    return [text if n == position else old for n, old in enumerate(texts)]


def _figure_between(texts: list[str], after: int, before: int) -> bool:
    """True when a word strictly between positions ``after`` and ``before`` starts with a digit ("3ST",
    "2x"; not "M8" or "Part1", words of a description)."""
    return any(text.lstrip("-+(")[:1].isdigit() for text in texts[after + 1 : before])


def _garbled_quantity(
    texts: list[str], position: int, quantity: Decimal, cells: list[tuple[int, int, Decimal]]
) -> bool:
    """True when the word right before a price is a garbled reading of ``quantity`` ("95:5)" for 35.5):
    no clean number, no rate, and its digits (look-alike letters read as digits) those of the quantity
    but for at most one digit OCR confuses with the printed one (the word already is a clean number when
    nothing but its punctuation is garbled, "35:5")."""
    if position < 0 or any(first <= position <= last for first, last, _ in cells):
        return False
    text = texts[position]
    if "%" in text or texts[position + 1 : position + 2] == ["%"]:
        return False
    read = re.sub(r"\D", "", text.translate(_CONFUSABLES))
    wanted = re.sub(r"\D", "", format(quantity.normalize(), "f"))
    if not read or len(read) != len(wanted):
        return False
    differing = [(a, b) for a, b in zip(read, wanted, strict=True) if a != b]
    return not differing or (
        len(differing) == 1 and differing[0][0] in _DIGIT_CONFUSIONS.get(differing[0][1], "")
    )


def _close_length(read: Decimal, found: Decimal) -> bool:
    def digits(value: Decimal) -> int:
        return sum(c.isdigit() for c in format(value.normalize(), "f").lstrip("-0."))

    return abs(digits(read) - digits(found)) <= 1


# --- identifiers: one number read differently in several places of a page -----------------------------

# An identifier as OCR writes it: letters, digits and look-alike marks in segments joined by - / . _
_IDENTIFIER = lazy_compile(r"[A-Za-z0-9|]+(?:[-/._][A-Za-z0-9|]+)+|[A-Za-z|]*[0-9][A-Za-z0-9|]*")
# Look-alikes folded to one key: readings with the same key may be the same identifier.
_SKELETON = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "|": "1", "i": "1"})
_SEGMENT = lazy_compile(r"[-/._]")
_MIN_IDENTIFIER = 5


def identifier_key(text: str) -> str | None:
    """The look-alike-folded form of an identifier-like word ("S0-44038" and "SO-44038" share one), None
    for a word that is no identifier (no digit, too short, other characters)."""
    if not _IDENTIFIER.fullmatch(text) or sum(c.isalnum() for c in text) < _MIN_IDENTIFIER:
        return None
    if not any(c.isdigit() for c in text):
        return None
    return text.translate(_SKELETON).upper()


def class_changes(text: str) -> int:
    """Letter/digit changes inside the segments of an identifier: "SO-44038" has none, "S0-44038" one,
    "INV2O481" three. Identifiers are written as a letter prefix and then digits, so of two readings of
    one identifier the one that changes class less often is the likelier."""
    changes = 0
    for segment in _SEGMENT.split(text):
        kinds = ["d" if c.isdigit() else "a" for c in segment if c.isalnum() or c == "|"]
        changes += sum(a != b for a, b in itertools.pairwise(kinds))
    return changes


def agreed_identifier(readings: list[tuple[str, float]]) -> str | None:
    """The reading of an identifier read differently in several places (``(text, confidence)``, all with
    the same ``identifier_key``): the one that changes between letters and digits least often, then the
    most confident; None when the readings all agree (nothing to decide) or tie."""
    texts = {text for text, _ in readings}
    if len(texts) < 2:
        return None
    best: dict[str, tuple[int, float]] = {}
    for text, confidence in readings:
        score = (-class_changes(text), confidence)
        best[text] = max(best.get(text, score), score)
    ranked = sorted(best.items(), key=lambda item: item[1], reverse=True)
    if ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


_LETTER_RUN = lazy_compile(r"[A-Za-z|]{2,}")


def capital_i_in_identifier(text: str) -> str:
    """An identifier with the lower-case l's and bars of its capital-letter runs read as I ("Ol-54088" →
    "OI-54088", "INV-l|" stays a word of its own): identifiers are written in capitals, and a lone l
    among capitals is Tesseract's reading of an I. Runs with another lower-case letter ("Vol-2") and
    words that are no identifier are left alone."""
    if identifier_key(text) is None:
        return text

    def capitals(match: re.Match[str]) -> str:
        run = match.group(0)
        others = [c for c in run if c not in "l|"]
        if not others or not all(c.isupper() for c in others) or len(others) == len(run):
            return run
        return run.replace("l", "I").replace("|", "I")

    return _LETTER_RUN.sub(capitals, text)


# --- totals: one misread digit, found by net + tax = gross ---------------------------------------------

# Digits Tesseract takes for one another on blurred or noisy scans (a symmetric relation).
_DIGIT_CONFUSIONS: dict[str, str] = {
    "0": "689",
    "1": "47",
    "2": "7",
    "3": "589",
    "4": "19",
    "5": "36",
    "6": "058",
    "7": "12",
    "8": "0369",
    "9": "0348",
}


def confusable_readings(value: Decimal) -> list[Decimal]:
    """``value`` (a money figure) with one digit swapped for a digit OCR confuses it with ("4.11" read
    "4.14", "1,863.50" read "1,868.50"): the readings it could have been printed as. The leading digit
    never becomes 0, and the sign stays."""
    text = f"{abs(value):.2f}"
    out: list[Decimal] = []
    for position, char in enumerate(text):
        for other in _DIGIT_CONFUSIONS.get(char, ""):
            if position == 0 and other == "0" and len(text) > 4:
                continue
            reading = Decimal(text[:position] + other + text[position + 1 :])
            out.append(-reading if value < 0 else reading)
    return out


def repair_sum(
    net: Decimal, tax: Decimal, gross: Decimal, rates: Collection[Decimal] = ()
) -> tuple[int, Decimal] | None:
    """The one figure of ``(net, tax, gross)`` OCR misread, as (its index, its value), when net + tax ≠
    gross and exactly one confusable-digit reading of exactly one of the three makes them add up to the
    cent; None when they add up already, when nothing fits, or when several readings would (a guess).
    Readings tied on the sum are told apart by the printed tax ``rates``: net × rate = tax to the cent
    keeps only the readings it confirms."""
    if net + tax == gross:
        return None
    found: set[tuple[int, Decimal]] = set()
    for reading in confusable_readings(net):
        if reading + tax == gross:
            found.add((0, reading))
    for reading in confusable_readings(tax):
        if net + reading == gross:
            found.add((1, reading))
    for reading in confusable_readings(gross):
        if net + tax == reading:
            found.add((2, reading))
    if len(found) > 1 and rates:

        def rated(index: int, value: Decimal) -> bool:
            n, t = (value, tax) if index == 0 else (net, value) if index == 1 else (net, tax)
            return any(abs(n * rate / 100 - t) <= _CENT for rate in rates)

        found = {option for option in found if rated(*option)}
    return found.pop() if len(found) == 1 else None
