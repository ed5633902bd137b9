"""The page-marker scan tries the marker pattern only where a keyword starts: the matches must be exactly
those of the pattern's own scan, case folding included."""

from __future__ import annotations

import random
import re
import sys

from invoiceflow.domain.batch import _CASE_FOLD_SPECIALS, _MARKER, _MARKER_KEYWORDS, _marker_matches

PIECES = [
    *("page", "Page", "PAGE", "pAgE", "seite", "SEİTE", "ſeite", "sıde", "Seite", "blatt", "BLATT"),
    *("pagina", "página", "PÁGINA", "sida", "side", "strona", "x", "a", "İ", "é", "ß", "na", "e", "-"),
    *(" ", "  ", "\n", ":", "/", "of", "von", "sur", "de", "di", "van", "av", "af", "z", "aus"),
    *("0", "1", "2", "3", "12", "10000"),
]


def _spans(matches: object) -> list[tuple[object, ...]]:
    return [(*match.span(), *match.groups()) for match in matches]  # type: ignore[attr-defined]


def test_matches_equal_the_patterns_own_scan_on_random_texts() -> None:
    generator = random.Random(7)
    for _ in range(20_000):
        text = "".join(generator.choice(PIECES) for _ in range(generator.randint(0, 12)))
        assert _spans(_marker_matches(text)) == _spans(_MARKER.finditer(text)), text


def test_matches_equal_on_real_looking_pages() -> None:
    page = "Rechnung 2024-17\nSeite 2 von 3\nPosition Menge Preis\nPage 3/3 — Página 1 de 2 · seite: 4"
    assert _spans(_marker_matches(page)) == _spans(_MARKER.finditer(page))
    assert len(_spans(_marker_matches(page))) == 4


def test_the_case_fold_specials_are_all_characters_lower_case_misses() -> None:
    """Every character IGNORECASE matches to a keyword letter but ``str.lower`` does not, or whose lower
    case has another length, is one the scan hands to the plain pattern."""
    letters = set("".join(_MARKER_KEYWORDS))
    any_letter = re.compile(f"[{''.join(sorted(letters))}]", re.IGNORECASE)
    every_char = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    folded = {match.group() for match in any_letter.finditer(every_char)}
    missed = {char for char in folded if char.lower() not in letters}
    resized = {char for char in every_char if len(char.lower()) != 1}
    assert missed | resized == set(_CASE_FOLD_SPECIALS)
