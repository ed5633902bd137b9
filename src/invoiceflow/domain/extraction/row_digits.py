"""Scanned item rows whose three figures read as clean numbers but do not multiply out: OCR confused a
digit or two (7 read as 1, 5 as 9, 3 as 8), and the number still looks well-formed, so no repair of
garbled text finds it. The row's other two figures then give the one that was misread: quantity =
amount ÷ price, or price = amount ÷ quantity to the cent. Taken only where the result differs from the
figure read in a few digits of the same length (a misread, not a different number), or a price whose
leading digits a rule cut off ("47" for 1.310,47), and only for one figure: two changed figures would be
a guess.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from invoiceflow.domain.extraction.numbers import Amount

_CENT = Decimal("0.01")


def _digits(value: Decimal, decimals: int) -> str:
    return format(abs(value).quantize(Decimal(1).scaleb(-decimals)), "f").replace(".", "")


def _misread(read: Decimal, candidate: Decimal, decimals: int) -> int | None:
    """Digits in which ``candidate`` differs from the figure ``read`` (written with ``decimals``), or
    ``None`` when they differ in length, sign or in too many digits to be a misreading."""
    if (read < 0) != (candidate < 0):
        return None
    a, b = _digits(read, decimals), _digits(candidate, decimals)
    if len(a) != len(b):
        return None
    wrong = sum(x != y for x, y in zip(a, b, strict=True))
    return wrong if 0 < wrong <= (1 if len(a) <= 3 else 2) else None


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def repaired_figures(quantity: Decimal, price: Decimal, amount: Decimal) -> tuple[Decimal, Decimal] | None:
    """(quantity, price) with one of them corrected so that quantity × price = amount to the cent, or
    ``None`` unless exactly one of the three figures reads as a plausible misread."""
    if not quantity or not price or not amount:
        return None
    found: list[tuple[int, Decimal, Decimal]] = []
    q_places = _decimals(quantity)
    exact = amount / price
    q_new = exact.quantize(Decimal(1).scaleb(-q_places), rounding=ROUND_HALF_UP) if q_places <= 3 else None
    if q_new and (q_new * price).quantize(_CENT, rounding=ROUND_HALF_UP) == amount:
        wrong = _misread(quantity, q_new, q_places)
        if wrong is not None:
            found.append((wrong, q_new, price))
    elif q_places == 0 and (
        point := _point_read_as_digit(quantity, exact, price, amount)
        or _point_lost(quantity, exact, price, amount)
    ):
        found.append((1, point, price))
    p_places = max(2, _decimals(price))
    p_new = (amount / quantity).quantize(Decimal(1).scaleb(-p_places), rounding=ROUND_HALF_UP)
    if p_new and (quantity * p_new).quantize(_CENT, rounding=ROUND_HALF_UP) == amount:
        wrong = _misread(price, p_new, p_places)
        if wrong is not None:
            found.append((wrong, quantity, p_new))
        elif not found and _cut_at_left(price, p_new):
            found.append((1, quantity, p_new))
    product = (quantity * price).quantize(_CENT, rounding=ROUND_HALF_UP)
    a_places = max(2, _decimals(amount))
    amount_misread = _misread(amount, product, a_places) is not None
    # The amount may be the misread figure as well ("30.00" read "40.00" beside 3 × 10.00): no way to
    # tell which one OCR confused.
    if len(found) != 1 or amount_misread:
        return None
    _, q, p = found[0]
    return q, p


def _cut_at_left(read: Decimal, candidate: Decimal) -> bool:
    """True when the figure read is the right-hand end of ``candidate`` ("47" or "10,47" for 1.310,47):
    a rule or the cell's edge took the leading digits. Two digits at least, and fewer than it has."""
    written = format(abs(read), "f").replace(".", "").lstrip("0")
    whole = _digits(candidate, 2)
    return 2 <= len(written) < len(whole) and whole.endswith(written) and read > 0


def lost_cents(quantity: Decimal, price: Decimal, amount: Amount) -> Decimal | None:
    """An amount read as a whole number ("28.161" for 28.161,72: the cents lost in the scan) that is
    quantity × price without its cents: that product. Only for amounts of three digits or more, where
    the whole part alone is evidence."""
    if amount.decimals != 0 or abs(amount.value) < 100:
        return None
    product = (quantity * price).quantize(_CENT, rounding=ROUND_HALF_UP)
    if product == product.to_integral_value() or int(product) != amount.value:
        return None
    return product


def _point_read_as_digit(read: Decimal, exact: Decimal, price: Decimal, amount: Decimal) -> Decimal | None:
    """A whole quantity read with one digit more than amount ÷ price has, where that quantity has its
    decimal point ("3255" for 32.5, "1725" for 17.25: the point read as a 5 or a 1): that quantity."""
    for places in (1, 2):
        candidate = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if candidate <= 0 or (candidate * price).quantize(_CENT, rounding=ROUND_HALF_UP) != amount:
            continue
        digits, written = _digits(candidate, places), str(int(abs(read)))
        point = len(digits) - places
        if candidate == candidate.to_integral_value() or len(written) != len(digits) + 1:
            continue
        if written[:point] + written[point + 1 :] == digits:
            return candidate.normalize()
    return None


def _point_lost(read: Decimal, exact: Decimal, price: Decimal, amount: Decimal) -> Decimal | None:
    """A whole quantity whose digits are those of amount ÷ price with its decimal point lost ("25" for
    2.5, "175" for 1.75: a faint point or comma dropped by the scan): that quantity, when exactly one
    quantity of one or two decimals fits."""
    written = str(int(abs(read)))
    fitting = []
    for places in (1, 2):
        candidate = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if candidate <= 0 or candidate == candidate.to_integral_value():
            continue
        if (candidate * price).quantize(_CENT, rounding=ROUND_HALF_UP) != amount:
            continue
        if _digits(candidate, places).lstrip("0") == written and candidate.normalize() not in fitting:
            fitting.append(candidate.normalize())
    return fitting[0] if len(fitting) == 1 else None


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance of two short digit strings (insertions, deletions, substitutions)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i]
        for j, y in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


# A price rebuilt from amount ÷ quantity replaces a garbled one when their digits differ by at most this
# many edits, and in fewer than half of the rebuilt price's digits.
MAX_PRICE_EDITS = 2


def edited_price(quantity: Decimal, price: Decimal, amount: Decimal) -> Decimal | None:
    """The unit price of a scanned row whose price cell read malformed ("2.985.552" for 2,285.52: a
    digit doubled, one confused and the decimal comma read as a point; "1514,603" for 514,63 €):
    amount ÷ quantity to the cent, when it multiplies back to the amount and its digits are within
    ``MAX_PRICE_EDITS`` insertions, deletions or substitutions of the digits read. Callers pass only a
    price whose reading is no well-formed money figure (not two decimals) beside an amount with two:
    a clean price of another length is a different number (``repaired_figures``)."""
    if quantity <= 0 or not amount or (amount < 0) != (price < 0):
        return None
    candidate = (amount / quantity).quantize(_CENT, rounding=ROUND_HALF_UP)
    if not candidate or (quantity * candidate).quantize(_CENT, rounding=ROUND_HALF_UP) != amount:
        return None
    read = format(abs(price), "f").replace(".", "").strip("0")
    rebuilt = _digits(candidate, 2).lstrip("0")
    # Trailing zeros of the reading say nothing ("2985552" and "2985552.00" are one reading).
    edits = min(_edit_distance(read, rebuilt), _edit_distance(read, rebuilt.rstrip("0")))
    if edits == 0 or edits > MAX_PRICE_EDITS or 2 * edits >= len(rebuilt):
        return None
    return candidate
