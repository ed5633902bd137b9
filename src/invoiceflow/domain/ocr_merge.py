"""Words of further passes joined to a page's reading: shaded bands read on their own, the
local-threshold pass's words where the page's text was lost, and the probe's confident words where the
full reading garbled the page head or cut a large title into fragments. Each pass's words keep line
identities of their own, offset by a number of blocks.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace

from invoiceflow.domain.ocr_language import fold
from invoiceflow.domain.ocr_words import GARBAGE, GARBLED, TRUSTED, PixelWord, accented_letters, words_overlap

# Line identities of probe words are offset by this many blocks so they never join a full-reading line.
_PROBE_BLOCKS = 10_000


@dataclass(frozen=True, slots=True)
class ShadedBand:
    """A band read on its own: its box on the page (pixels) and where its image starts in the stack."""

    box: tuple[int, int, int, int]
    stack_top: int


# The band pass's reading of a band replaces the page pass's when it says this much more.
BAND_MARGIN = 1.3
# Line identities of band words are offset by this many blocks so they never join a page-reading line.
_BAND_BLOCKS = 20_000
# Likewise for the words of faint lines.
FAINT_BLOCKS = 30_000


# Line identities of the words the local-threshold pass adds (``merge_lost_text``), and the confidence
# they need: a second reading of a page is trusted less than the first.
_LOST_BLOCKS = 40_000
# Line identities of words read from cut-out lost regions (their own blocks, never a page line's).
REGION_BLOCKS = 50_000
LOST_TRUSTED = 0.85


def merge_lost_text(words: list[PixelWord], read: list[PixelWord]) -> list[PixelWord]:
    """The first reading with the second pass's confident words (``LOST_TRUSTED``, a letter or digit)
    that overlap none of its sure words (``GARBLED``) added on lines of their own; the first reading's
    unsure words under an added word are dropped (noise read where the text was lost)."""
    sure = [w for w in words if w.confidence >= GARBLED]
    added = [
        replace(w, line=(_LOST_BLOCKS + w.line[0], *w.line[1:]) if w.line else ())
        for w in read
        if w.confidence >= LOST_TRUSTED
        and any(c.isalnum() for c in w.text)
        and not any(words_overlap(w, other) for other in sure)
    ]
    if not added:
        return words
    kept = [w for w in words if w.confidence >= GARBLED or not any(words_overlap(w, new) for new in added)]
    return kept + added


def _legibility(words: list[PixelWord]) -> float:
    """How much a reading says: its letters and digits weighted by confidence."""
    return sum(w.confidence * sum(c.isalnum() for c in w.text) for w in words if w.confidence >= GARBAGE)


def merge_bands(
    words: list[PixelWord], placed: list[tuple[ShadedBand, int]], read: list[PixelWord]
) -> list[PixelWord]:
    """The page reading with the band pass's words put in, band by band: when the band pass reads the
    band clearly better (``_legibility``, by ``BAND_MARGIN``: "Destinatario" where the page pass read
    "1 0"), its words replace the page pass's there; otherwise the page pass's words stay (a band
    reading "Tuipstra" does not replace "Tulpstra") and band words only fill the gaps the page pass
    left (a white column head it dropped)."""
    dropped: set[int] = set()
    added: list[PixelWord] = []
    for number, (band, left_gap) in enumerate(placed):
        left, top, right, bottom = band.box
        area = PixelWord("", left, top, right, bottom, 1.0)
        in_band = [n for n, w in enumerate(words) if words_overlap(w, area)]
        own = [
            replace(
                w,
                left=w.left - left_gap + left,
                right=w.right - left_gap + left,
                top=w.top - band.stack_top + top,
                bottom=w.bottom - band.stack_top + top,
                line=(_BAND_BLOCKS + number, *w.line[1:]) if w.line else (),
            )
            for w in read
            if band.stack_top <= (w.top + w.bottom) / 2 < band.stack_top + bottom - top
            and w.confidence >= GARBLED
        ]
        if _legibility(own) > BAND_MARGIN * _legibility([words[n] for n in in_band]):
            dropped.update(in_band)
            added += own
        else:
            added += [w for w in own if not any(words_overlap(words[n], w) for n in in_band)]
    if not added:
        return words
    return [w for n, w in enumerate(words) if n not in dropped] + added


def recover_garbled(words: list[PixelWord], probe: list[PixelWord]) -> list[PixelWord]:
    """The full reading with its garbled stretches replaced by what the probe read confidently there.

    A word the full reading is unsure of (< ``GARBLED``) that overlaps a confident probe word
    (>= ``TRUSTED``) is dropped; every confident probe word that overlaps no remaining word is added,
    on lines of its own. Both readings share pixel coordinates (the probe read the top of the image).
    """
    # Marks without a letter or digit (table rules read as "|") are no words to recover.
    trusted = [w for w in probe if w.confidence >= TRUSTED and any(c.isalnum() for c in w.text)]
    split = _split_apart(words, trusted)
    kept = [
        word
        for n, word in enumerate(words)
        if n not in split
        and (
            word.confidence >= GARBLED
            or not any(
                words_overlap(word, other)
                and not _same_reading(word, other)
                and not _accents_kept(word, other)
                for other in trusted
            )
        )
    ]
    added = [
        replace(word, line=(_PROBE_BLOCKS + word.line[0], *word.line[1:]) if word.line else ())
        for word in trusted
        if not any(words_overlap(word, other) for other in kept)
    ]
    return kept + added


# A probe word replaces the full reading's fragments of it when it says this much more (``_legibility``).
SPLIT_MARGIN = 1.3


def _split_apart(words: list[PixelWord], trusted: list[PixelWord]) -> set[int]:
    """Indexes of full-reading words that are fragments of one word the probe read whole.

    The full pass finds tables: a large title beside other text ("INVOICE" in 30-pt type) may be cut into
    columns and read as confident fragments ("|", "N", "VO", "CG", "="), which no confidence threshold
    catches. Where several full-reading words lie inside one probe word's box, do not spell it (spaces
    and look-alikes aside) and say clearly less than it, they give way to it."""
    dropped: set[int] = set()
    for whole in trusted:
        inside = [
            n
            for n, w in enumerate(words)
            if whole.left <= (w.left + w.right) / 2 <= whole.right
            and whole.top <= (w.top + w.bottom) / 2 <= whole.bottom
        ]
        if len(inside) < 2:
            continue
        pieces = [words[n] for n in inside]
        joined = replace(whole, text="".join(w.text for w in pieces))
        if _same_reading(joined, whole) or _legibility([whole]) <= SPLIT_MARGIN * _legibility(pieces):
            continue
        dropped.update(inside)
    return dropped


# Readings that differ only in accents, case or an I/l/1, O/0 or c/¢ look-alike are the same word.
_LOOK_ALIKE = str.maketrans("l|1!0¢", "iiiioc")
# A page's own model reading accents where the probe's model read none (``_accents_kept``): at least
# this alike once accents are folded.
ACCENTS_SIMILAR = 0.75


def _same_reading(a: PixelWord, b: PixelWord) -> bool:
    return fold(a.text).translate(_LOOK_ALIKE) == fold(b.text).translate(_LOOK_ALIKE)


def _accents_kept(page_word: PixelWord, probe_word: PixelWord) -> bool:
    """True when the page's reading of a word carries more accented letters than the probe's and is
    otherwise about the same word: the page's own model knows letters the probe's model does not
    ("Należność" read unsure by the Polish model, "Naleznosé" confidently by the English probe)."""
    if accented_letters(page_word.text) <= accented_letters(probe_word.text):
        return False
    page_text, probe_text = (fold(w.text).translate(_LOOK_ALIKE) for w in (page_word, probe_word))
    return difflib.SequenceMatcher(None, page_text, probe_text).ratio() >= ACCENTS_SIMILAR
