"""A page's reading without its noise before anything reads it: words Tesseract all but rejected,
table rules read as marks, tall specks of scan dirt; capital I's read as l, look-alike glyphs restored;
an identifier read two ways on the page written one way; a decimal amount split after its separator
joined again.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import replace

from invoiceflow.domain.extraction.ocr_repair import (
    agreed_identifier,
    capital_i_in_identifier,
    identifier_key,
)
from invoiceflow.domain.ocr_glyphs import restore_look_alikes
from invoiceflow.domain.ocr_words import GARBAGE, GARBLED, TRUSTED, PixelWord


def clean_reading(words: list[PixelWord]) -> list[PixelWord]:
    """One page's reading without noise (near-rejected letters, table rules read as marks, tall specks)
    and with capital I's read as l, ampersands read as 8 and sharp s read as & restored, and decimal
    amounts split after their separator joined."""
    return join_split_decimals(
        restore_look_alikes(fix_initial_l(drop_specks(strip_rule_marks(drop_garbage(words)))))
    )


def agree_identifiers(words: list[PixelWord], other_readings: Sequence[PixelWord] = ()) -> list[PixelWord]:
    """The reading with each identifier that the page shows in several places, or that another pass read,
    written the same everywhere: "S0-44038" in the header and "SO-44038" on the payment line are one
    number read two ways, so the look-alike (O/0, I/l/1) is in doubt there, and the reading that keeps a
    letter prefix and a digit run apart wins (``ocr_repair.agreed_identifier``). An identifier read one
    way only is left alone: "A1-2045" may well be meant. Before that, l's among capitals are I's
    (``ocr_repair.capital_i_in_identifier``)."""
    words = [
        replace(w, text=fixed) if (fixed := capital_i_in_identifier(w.text)) != w.text else w for w in words
    ]
    groups: dict[str, list[tuple[str, float]]] = {}
    for word in (*words, *other_readings):
        if key := identifier_key(word.text):
            groups.setdefault(key, []).append((capital_i_in_identifier(word.text), word.confidence))
    agreed = {key: text for key, readings in groups.items() if (text := agreed_identifier(readings))}
    if not agreed:
        return words
    out = []
    for word in words:
        key = identifier_key(word.text)
        text = agreed.get(key) if key else None
        out.append(replace(word, text=text) if text and text != word.text else word)
    return out


# A word cannot start with "l" before these letters in the Latin-script languages we read ("lr", "lT"):
# such an "l" is a capital I that OCR read as l ("lronbridge", "lTALIA"). Not before "b" ("lbs"), and
# only in words of four characters or more (units such as "lm" stay).
_L_FOR_I = re.compile(r"^l(?=[cdfghkmnpqrstvwxzA-Z][^\W\d_])")


def fix_initial_l(words: list[PixelWord]) -> list[PixelWord]:
    """Words with a leading capital I that OCR read as a lower-case l, restored."""
    return [
        replace(w, text=_L_FOR_I.sub("I", w.text)) if w.text.startswith("l") and len(w.text) >= 4 else w
        for w in words
    ]


def drop_garbage(words: list[PixelWord]) -> list[PixelWord]:
    """Without the words Tesseract all but rejected (< ``GARBAGE``) that hold no digit: specks, logo
    strokes and rules read as letters. Digit-bearing words stay, whatever their confidence: a garbled
    amount can still be repaired by arithmetic (``ocr_repair``)."""
    return [w for w in words if w.confidence >= GARBAGE or any(c.isdigit() for c in w.text)]


# Table rules and cell borders that Tesseract reads as text. A word made of them alone is a rule, and at
# either end of a word they are the border beside it ("-24686|", "|Software"). Low quotes before a digit
# are specks ("„1.618,88").
_RULE_MARKS = "|_¦"
_LEADING_SPECKS = re.compile(r"^[\u201a\u201e,'`]+(?=-?\d)")


def strip_rule_marks(words: list[PixelWord]) -> list[PixelWord]:
    """Without words that are only table rules, and with rule marks and specks cut off word ends (the
    box shrinks by the share of characters cut, so right-aligned numbers keep their column edge)."""
    out: list[PixelWord] = []
    for word in words:
        text = _LEADING_SPECKS.sub("", word.text.strip(_RULE_MARKS))
        if not text.strip(_RULE_MARKS):
            continue
        if text == word.text:
            out.append(word)
            continue
        per_char = (word.right - word.left) / len(word.text)
        start = word.text.find(text)
        left = word.left + start * per_char
        right = word.right - (len(word.text) - start - len(text)) * per_char
        out.append(replace(word, text=text, left=left, right=right))
    return out


# Specks and scan dirt in a table's column gaps come out as short, unsure "words" taller than text lines
# ("zel", "En", "B" at twice the line height). Measured on the scanned twins: real words below GARBLED are
# as tall as the page's confident words; the tall ones of up to SPECK_LETTERS letters are noise.
SPECK_HEIGHT = 1.5
SPECK_LETTERS = 3


def drop_specks(words: list[PixelWord]) -> list[PixelWord]:
    """Without short, unsure, digit-free words much taller than the page's confident words."""
    heights = sorted(
        w.bottom - w.top for w in words if w.confidence >= TRUSTED and any(c.isalnum() for c in w.text)
    )
    if len(heights) < 5:
        return words
    limit = SPECK_HEIGHT * heights[len(heights) // 2]

    def speck(word: PixelWord) -> bool:
        letters = sum(c.isalnum() for c in word.text)
        return (
            word.confidence < GARBLED
            and letters <= SPECK_LETTERS
            and not any(c.isdigit() for c in word.text)
            and word.bottom - word.top > limit
        )

    return [w for w in words if not speck(w)]


# An amount whose decimals OCR read as a word of their own ("1, 09" for "1,09" on a receipt in a
# monospaced font): the first part a number ending in the page's decimal separator, the second exactly
# two digits, the gap between them small: at most SPLIT_GAP of the word height and, on a line with other
# word gaps, at most SPACE_SHARE of their median (on that receipt the split gap was 0.4 of the height, the
# word spaces 1.0). A list ("10, 20, 30") is left alone: a number ending in a separator before the first
# part, or a separator after the second.
SPLIT_GAP = 0.6
SPACE_SHARE = 0.6
_DECIMAL_HEAD = re.compile(r"^[-\u2212]?\d{1,3}(?:([.,' ])\d{3})*([.,])$|^[-\u2212]?\d+([.,])$")
_DECIMALS = re.compile(r"^\d{2}$")
_LIST_ITEM = re.compile(r"^[-\u2212]?\d[\d.,']*[.,;]$")
_COMMA_DECIMAL = re.compile(r"(?<![\d.,])\d{1,3}(?:[.' ]\d{3})*,\d{2}(?![\d.,])")
_DOT_DECIMAL = re.compile(r"(?<![\d.,])\d{1,3}(?:[,' ]\d{3})*\.\d{2}(?![\d.,])")


def page_decimal_separator(words: Sequence[PixelWord]) -> str | None:
    """ "," or "." when the page's amounts with two decimals mostly use it, None when neither leads."""
    commas = sum(bool(_COMMA_DECIMAL.search(w.text)) for w in words)
    dots = sum(bool(_DOT_DECIMAL.search(w.text)) for w in words)
    if commas > 2 * dots:
        return ","
    if dots > 2 * commas:
        return "."
    return None


def join_split_decimals(words: list[PixelWord]) -> list[PixelWord]:
    """The reading with each amount that OCR split after its decimal separator ("1," "09") one word
    again ("1,09"), where that is safe (``SPLIT_GAP``, ``page_decimal_separator``)."""
    separator = page_decimal_separator(words)
    if separator is None:
        return words
    lines: dict[tuple[int, ...], list[int]] = {}
    for index, word in enumerate(words):
        if word.line:
            lines.setdefault(word.line, []).append(index)
    joined: dict[int, PixelWord] = {}
    dropped: set[int] = set()
    for indices in lines.values():
        row = sorted(indices, key=lambda i: words[i].left)
        gaps = [words[b].left - words[a].right for a, b in itertools.pairwise(row)]
        for position in range(len(row) - 1):
            head, tail = words[row[position]], words[row[position + 1]]
            others = sorted(gaps[:position] + gaps[position + 1 :])
            space = others[len(others) // 2] if len(others) >= 2 else math.inf
            before = words[row[position - 1]].text if position else ""
            after = words[row[position + 2]].text if position + 2 < len(row) else ""
            if (
                row[position] not in dropped
                and (match := _DECIMAL_HEAD.match(head.text))
                and head.text.endswith(separator)
                and match.group(1) != separator
                and _DECIMALS.match(tail.text)
                and 0
                <= tail.left - head.right
                <= min(SPLIT_GAP * (head.bottom - head.top), SPACE_SHARE * space)
                and not _LIST_ITEM.match(before)
                and not after.startswith((",", ".", ";"))
            ):
                joined[row[position]] = replace(
                    head,
                    text=head.text + tail.text,
                    right=tail.right,
                    top=min(head.top, tail.top),
                    bottom=max(head.bottom, tail.bottom),
                    confidence=min(head.confidence, tail.confidence),
                )
                dropped.add(row[position + 1])
    if not joined:
        return words
    return [joined.get(i, w) for i, w in enumerate(words) if i not in dropped]
