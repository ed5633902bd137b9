"""Accents that TeX-made PDFs draw as glyphs of their own, put back on their letters.

LaTeX (and other typesetters with Type 1 fonts) place an accent as a separate glyph over the letter, so
the text layer reads "L´azaro de la Vega y San Rom´an", "Z¨urich", "Fran¸cois" (the cedilla and the
ogonek come after their letter). Names and labels then miss every dictionary and comparison. A spacing
accent next to a letter becomes the precomposed letter where Unicode has one; where it has none
("O´Brien" with an acute on "B") the text stays as printed.
"""

from __future__ import annotations

import re
import unicodedata

# Spacing accents and the combining marks they stand for.
_COMBINING = {
    "´": "\u0301", "`": "\u0300", "¨": "\u0308", "ˆ": "\u0302", "˜": "\u0303", "ˇ": "\u030c",
    "˘": "\u0306", "˚": "\u030a", "˝": "\u030b", "¯": "\u0304", "˙": "\u0307", "¸": "\u0327", "˛": "\u0328",
}  # fmt: skip
_BEFORE = re.compile(r"([´`¨ˆ˜ˇ˘˚˝¯˙])([^\W\d_])")
_AFTER = re.compile(r"([^\W\d_])([¸˛])")  # cedilla and ogonek hang below, after their letter
_ANY = re.compile(r"[´`¨ˆ˜ˇ˘˚˝¯˙][^\W\d_]|[^\W\d_][¸˛]")
# TeX sets an accented i or j on the dotless letter.
_DOTLESS = {"ı": "i", "ȷ": "j"}


def has_detached_accents(text: str) -> bool:
    return _ANY.search(text) is not None


def attach_accents(text: str) -> str:
    """``text`` with each spacing accent beside a letter composed into it where Unicode has the letter."""

    def compose(letter: str, accent: str, printed: str) -> str:
        composed = unicodedata.normalize("NFC", _DOTLESS.get(letter, letter) + _COMBINING[accent])
        return composed if len(composed) == 1 else printed

    text = _BEFORE.sub(lambda m: compose(m[2], m[1], m[0]), text)
    return _AFTER.sub(lambda m: compose(m[1], m[2], m[0]), text)
