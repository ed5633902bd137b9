"""A page's reading without its noise before anything reads it: words Tesseract all but rejected,
table rules read as marks, tall specks of scan dirt; capital I's read as l, look-alike glyphs restored;
an identifier read two ways on the page written one way.
"""

from __future__ import annotations

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
    and with capital I's read as l, ampersands read as 8 and sharp s read as & restored."""
    return restore_look_alikes(fix_initial_l(drop_specks(strip_rule_marks(drop_garbage(words)))))


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
