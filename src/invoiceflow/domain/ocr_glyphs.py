"""Glyphs Tesseract reads as look-alikes or loses, that no language model corrects: an ampersand read as
"8" in a name ("Hartley 8 Finch Ltd"), a sharp s read as "&" ("Wei&"), an 8 read as "&" in a code ("M&")
and the last full stop of a dotted abbreviation lost in scanner noise ("B.V", "S.A"). They are told apart
by shape and place, never by what the words say.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from invoiceflow.domain.ocr_words import PixelWord

# An ampersand's ink is wider for its height than a digit's: about 0.8 of the height in sans and serif
# faces against 0.65 for the digits (Helvetica, Times, at 150-300 dpi, blurred or not). A lone "8" this
# much wider than the page's digits (per digit, over its words of two digits or more) is an "&".
AMPERSAND_WIDTH = 1.15
# Without enough digits on the page to compare with, a lone "8" this wide for its height is an "&".
AMPERSAND_RATIO = 0.78
DIGIT_SAMPLES = 3
# A word of a name: capitalised letters ("Hartley", "Söhne", "Co."); names joined by "&" are capitalised.
_NAME_WORD = re.compile(r"[^\W\d_a-zß-ÿ][^\W\d_]+[.,]?")
# "&" between a lower-case letter and a lower-case letter or the word's end is a sharp s ("Wei&",
# "Stra&e"): an ampersand joins words or capitals ("Smith&Co", "AT&T"), never lower-case letters.
_SHARP_S = re.compile(r"(?<=[a-zäöü])&(?=[a-zäöü]|$)")


# "&" next to a digit ("1&5", "2&") or ending a code of one or two capitals ("M&", "DN&") is an 8 whose
# loops blurred together: an ampersand joins words or capitals ("M&S", "AT&T"), it ends none.
_EIGHT = re.compile(r"(?<=\d)&|&(?=\d)|(?<=^[A-Z])&$|(?<=^[A-Z]{2})&$")


# Single letters joined by full stops with the last one missing ("B.V", "S.r.l", "S.p.A", "e.K"): a
# legal form or initials always written with it; the small dot is the first thing noise takes.
_DOTTED = re.compile(r"(?:[^\W\d_]\.){1,3}[^\W\d_]")


def _ratio(word: PixelWord) -> float:
    height = word.bottom - word.top
    return (word.right - word.left) / len(word.text) / height if height > 0 else 0.0


def digit_ratio(words: list[PixelWord]) -> float | None:
    """The median width-for-height of one digit on the page, from its words of digits only."""
    samples = [_ratio(w) for w in words if len(w.text) >= 2 and w.text.isdigit()]
    return statistics.median(samples) if len(samples) >= DIGIT_SAMPLES else None


def restore_look_alikes(words: list[PixelWord]) -> list[PixelWord]:
    """The reading with an "&" read as "8" between two capitalised words on one line ("Hartley 8 Finch")
    written back as "&" when its box is clearly wider than the page's digits, a sharp s read as "&"
    inside a lower-case word written back as "ß", and the lost last full stop of a dotted abbreviation
    put back. A real "8" between words ("GmbH 8 rue") keeps a digit's shape and stays."""
    digits = digit_ratio(words)
    wide = digits * AMPERSAND_WIDTH if digits is not None else AMPERSAND_RATIO
    lines: dict[tuple[int, ...], list[int]] = {}
    for n, word in enumerate(words):
        if word.line:
            lines.setdefault(word.line, []).append(n)
    out = list(words)
    for members in lines.values():
        members.sort(key=lambda n: words[n].left)
        for before, middle, after in zip(members, members[1:], members[2:], strict=False):
            word = words[middle]
            if word.text != "8" or _ratio(word) < wide:
                continue
            if _NAME_WORD.fullmatch(words[before].text) and _NAME_WORD.fullmatch(words[after].text):
                out[middle] = replace(word, text="&")
    out = _legal_form_zeros(out, lines)
    return [_with_full_stop(_with_sharp_s(_with_eight(w))) for w in out]


# A lower-case dotted abbreviation with a zero for an "o" ("d.0.0.", "s.r.0."): legal forms ("d.o.o.",
# "s.r.o.", "Sp. z o.o.") are letters, and a round "o" between full stops reads as a zero.
_ZERO_IN_DOTTED = re.compile(r"(?=.*0)(?=.*[a-z])(?:[a-z0]\.){2,3}")
# "o.o." read as zeros alone ("0.0."), after a lone "z": the Polish "Sp. z o.o." (the only dotted form
# of o's; a figure "0.0" has no full stop after it, nor a "z" before).
_ZEROS_DOTTED = re.compile(r"0\.0\.")


def _legal_form_zeros(words: list[PixelWord], lines: dict[tuple[int, ...], list[int]]) -> list[PixelWord]:
    """Legal forms of dotted lower-case letters with the zeros OCR read for their o's written back."""
    out = [
        replace(w, text=w.text.replace("0", "o")) if _ZERO_IN_DOTTED.fullmatch(w.text) else w for w in words
    ]
    for members in lines.values():
        for before, word in pairwise(members):  # members are ordered left to right
            if out[before].text == "z" and _ZEROS_DOTTED.fullmatch(out[word].text):
                out[word] = replace(out[word], text="o.o.")
    return out


def _with_eight(word: PixelWord) -> PixelWord:
    if "&" not in word.text or word.text == "&":
        return word
    return replace(word, text=_EIGHT.sub("8", word.text))


def _with_sharp_s(word: PixelWord) -> PixelWord:
    if "&" not in word.text or len(word.text) <= 2:
        return word
    return replace(word, text=_SHARP_S.sub("ß", word.text))


def _with_full_stop(word: PixelWord) -> PixelWord:
    """A dotted abbreviation with its last full stop back ("B.V" → "B.V.")."""
    return replace(word, text=word.text + ".") if _DOTTED.fullmatch(word.text) else word
