"""Words read a second time: which ones (words the page's model was unsure of or all but rejected,
unsure figures, with the words round them on their line), how their crops are cut and stacked for one
pass, and when the second reading replaces the first (surer, and still the same word or figure).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from invoiceflow.domain.ocr_words import GARBAGE, TRUSTED, PixelWord, accented_letters

if TYPE_CHECKING:
    from PIL import Image

# Rejected words worth a second reading (``rejected_words``): at least REJECTED_LETTERS letters, as tall as
# the page's confident words give or take REJECTED_HEIGHT (specks and logo strokes are not), at most
# REJECTED_MOST of them.
REJECTED_LETTERS = 2
REJECTED_HEIGHT = 0.3
REJECTED_MOST = 20


def rejected_words(words: list[PixelWord]) -> list[PixelWord]:
    """The words ``drop_garbage`` will drop that look like words of the page's text: letters, no digit,
    the height of its confident words."""
    heights = sorted(
        w.bottom - w.top for w in words if w.confidence >= TRUSTED and any(c.isalnum() for c in w.text)
    )
    if len(heights) < 5:
        return []
    usual = heights[len(heights) // 2]
    chosen = [
        w
        for w in words
        if w.confidence < GARBAGE
        and w.line
        and not any(c.isdigit() for c in w.text)
        and sum(c.isalpha() for c in w.text) >= REJECTED_LETTERS
        and abs((w.bottom - w.top) - usual) <= REJECTED_HEIGHT * usual
    ]
    return chosen[:REJECTED_MOST]


# Words of a page read with one language that are re-read with all (``reread_unsure_words``): below
# UNSURE, with at least UNSURE_LETTERS letters and no digit, at most UNSURE_MOST of them (the least
# sure first) to bound the pass. A re-reading replaces a word when it is at least REREAD_GAIN more
# confident and at least REREAD_SIMILAR alike once accents are folded (the same word, its accents back).
UNSURE = 0.9
UNSURE_LETTERS = 3
UNSURE_MOST = 40
UNSURE_CONTEXT = 2
REREAD_GAIN = 0.1
# Unsure phrases are read at this many times their size: small type scanned at 150-200 dpi has accents
# of a pixel or two, which the models read better enlarged.
REREAD_ZOOM = 2
REREAD_SIMILAR = 0.6

# A capital B or a digit between lower-case letters ("GroBhandel", "S6hne") is how a model without ß or
# umlauts writes them, often confidently: such words are re-read whatever their confidence.
_MISREAD_LETTER = re.compile(r"[a-zß-ÿ]B[a-zß-ÿ]|[^\W\d_][0-9][a-zß-ÿ]{2}")


def unsure_words(words: list[PixelWord]) -> list[int]:
    """Indexes of the words worth reading again with all languages, least sure first."""
    chosen = [
        n
        for n, w in enumerate(words)
        if w.confidence >= GARBAGE
        and sum(c.isalpha() for c in w.text) >= UNSURE_LETTERS
        and (
            (w.confidence < UNSURE and not any(c.isdigit() for c in w.text))
            or _MISREAD_LETTER.search(w.text) is not None
        )
    ]
    return sorted(chosen, key=lambda n: words[n].confidence)[:UNSURE_MOST]


def unsure_phrases(
    words: list[PixelWord], chosen: list[int]
) -> list[tuple[tuple[float, float, float, float], list[int]]]:
    """The unsure words with the words round them on their line (``UNSURE_CONTEXT`` each side), as
    (box, unsure words inside): a word read alone lacks the context the models lean on (an all-language
    reading of "Müller" cut out alone still gave "Miller"). Phrases of one line that overlap are one."""
    by_line: dict[tuple[int, ...], list[int]] = {}
    for n, word in enumerate(words):
        by_line.setdefault(word.line or (-1 - n,), []).append(n)
    spans: dict[tuple[int, ...], list[tuple[int, int, list[int]]]] = {}
    for n in sorted(chosen, key=lambda n: words[n].left):
        line = sorted(by_line[words[n].line or (-1 - n,)], key=lambda m: words[m].left)
        at = line.index(n)
        first, last = max(0, at - UNSURE_CONTEXT), min(len(line) - 1, at + UNSURE_CONTEXT)
        runs = spans.setdefault(words[n].line or (-1 - n,), [])
        if runs and first <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(last, runs[-1][1]), [*runs[-1][2], n])
        else:
            runs.append((first, last, [n]))
        spans[words[n].line or (-1 - n,)] = runs
        by_line[words[n].line or (-1 - n,)] = line
    phrases = []
    for line_key, runs in spans.items():
        line = by_line[line_key]
        for first, last, members in runs:
            inside = [words[m] for m in line[first : last + 1]]
            box = (
                min(w.left for w in inside),
                min(w.top for w in inside),
                max(w.right for w in inside),
                max(w.bottom for w in inside),
            )
            phrases.append((box, members))
    return phrases


# Figures of a page read with a further language that English reads again (``reread_figures``): below
# UNSURE, holding a digit, at most FIGURES_MOST of them (the least sure first).
FIGURES_MOST = 30


def unsure_figures(words: list[PixelWord]) -> list[int]:
    """Indexes of the words holding digits that the page's models were unsure of, least sure first."""
    chosen = [
        n
        for n, w in enumerate(words)
        if GARBAGE <= w.confidence < UNSURE and any(c.isdigit() for c in w.text) and w.line
    ]
    return sorted(chosen, key=lambda n: words[n].confidence)[:FIGURES_MOST]


def better_figure(old: PixelWord, new: PixelWord) -> bool:
    """True when English's ``new`` reads the figure ``old`` more surely (``REREAD_GAIN``) and is still that
    figure: digits in it, at most one character longer, alike (``_similar``). A percent sign the page's
    model read as digits ("(%20)" read "(9620)") needs no margin: English, surer, shows the sign where the
    old reading had one or two digits more."""
    if new.text == old.text or not any(c.isdigit() for c in new.text):
        return False
    if "%" in new.text and "%" not in old.text and new.confidence >= old.confidence:
        new_digits = re.sub(r"\D", "", new.text)
        old_digits = re.sub(r"\D", "", old.text)
        if 1 <= len(old_digits) - len(new_digits) <= 2 and _subsequence(new_digits, old_digits):
            return True
    return (
        len(new.text) <= len(old.text) + 1
        and new.confidence >= old.confidence + REREAD_GAIN
        and _similar(old.text, new.text)
    )


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(char in rest for char in short)


# White pixels around and between the crops of a stacked re-reading.
STACK_GAP = 12


def stacked_crops(
    image: Image.Image, boxes: Sequence[tuple[float, float, float, float]], zoom: int
) -> tuple[Image.Image, list[Image.Image], list[int]]:
    """The boxes cut out of the grey ``image``, enlarged ``zoom`` times and stacked one under another on
    white, ``STACK_GAP`` pixels apart, for one engine pass over all of them: the stacked image, the
    crops and the top of each crop in it."""
    from PIL import Image as PilImage

    crops = [image.crop(box) for box in boxes]
    if zoom != 1:
        crops = [c.resize((c.width * zoom, c.height * zoom), PilImage.Resampling.LANCZOS) for c in crops]
    gap = STACK_GAP
    stacked = PilImage.new(
        "L", (max(c.width for c in crops) + 2 * gap, sum(c.height + gap for c in crops) + gap), 255
    )
    tops: list[int] = []
    y = gap
    for crop in crops:
        stacked.paste(crop if crop.mode == "L" else crop.convert("L"), (gap, y))
        tops.append(y)
        y += crop.height + gap
    return stacked, crops, tops


def padded_box(box: tuple[float, float, float, float], width: int, height: int) -> tuple[int, int, int, int]:
    """A phrase's box with a margin of a third of its height (accents rise above the box Tesseract
    gives a word read without them)."""
    left, top, right, bottom = box
    margin = (bottom - top) / 3
    return (
        max(0, int(left - margin)),
        max(0, int(top - margin)),
        min(width, int(right + margin + 1)),
        min(height, int(bottom + margin + 1)),
    )


def _folded(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return bare.casefold()


def better_reading(old: PixelWord, new: PixelWord) -> bool:
    """True when ``new`` (all languages) reads the word ``old`` (one language) was unsure of more surely
    and is still that word: alike once accents are folded, not a different word read from specks."""
    if new.text == old.text or any(c.isdigit() for c in new.text):
        return False
    if len(new.text) > len(old.text) + 1:  # the next word run on ("SöhneKG" for "Sdhne")
        return False
    if accented_letters(new.text) < accented_letters(
        old.text
    ):  # the other models know fewer of this page's letters
        return False
    # Accents put back on the same letters: no less sure will do. One accent for another ("Lumière",
    # "Lumiére") is no gain and needs the margin as any other change.
    if _folded(new.text) == _folded(old.text) and accented_letters(new.text) > accented_letters(old.text):
        return new.confidence >= old.confidence
    # "Großhandel" for "GroBhandel", "Söhne" for "S6hne": the mark of a misread letter gone is gain enough.
    mark_gone = _MISREAD_LETTER.search(old.text) and not _MISREAD_LETTER.search(new.text)
    if mark_gone and new.confidence >= old.confidence and _similar(old.text, new.text):
        return True
    if new.confidence < old.confidence + REREAD_GAIN:
        return False
    return _similar(old.text, new.text)


def _similar(old: str, new: str) -> bool:
    return difflib.SequenceMatcher(None, _folded(old), _folded(new)).ratio() >= REREAD_SIMILAR
