"""Readings of a number that OCR garbled: confusable letters inside digit runs (O→0, l/I/|→1, S→5,
B→8), stray quotes, brackets and commas between digit groups, a decimal separator read as a space or
lost. A repaired reading is only a candidate: callers accept it when arithmetic confirms it
(quantity × price = amount, base × rate = tax), never on its own.
"""

from __future__ import annotations

import re
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
