"""Pages in Greek or Cyrillic script, found and given their own models.

The language probe reads the top of every page with the English model and judges the language by its
vocabulary (``ocr_language``). A Greek or Bulgarian page comes back from it as Latin look-alikes ("OAKTYPA"
for "ФАКТУРА") that no vocabulary holds, so the page was read with the six Latin models: its names, labels
and descriptions lost (a third of the fields of Greek and Bulgarian office scans right). Only for such a
page, whose language the probe could not judge or whose words its vocabularies hardly hold (Latin
look-alikes hit a few short words: 1-3 of 60-80 on Greek and Bulgarian scans, where the probes of
Latin-script scans hit 7-26 of 29-74), Tesseract's script detection (OSD, ~0.2 s of CPU on the
probe's strip) names the writing system; a Greek or Cyrillic one is confirmed by reading the strip again
with a model of that script, which must read it more surely than English did, and the page is read with
the script's models (``SCRIPT_LANGUAGES``; among the Cyrillic ones the vocabulary judges which).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from invoiceflow.domain.ocr_words import PixelWord

# Models per script Tesseract's OSD names, the first reads the confirming probe; only the installed ones
# are used. Serbian's Cyrillic model is "srp" (its Latin one, "srp_latn", is a Latin-script language).
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Greek": ("ell",),
    "Cyrillic": ("rus", "ukr", "bul", "srp", "mkd"),
}
# Below this share of the probe's words in the vocabulary of its best language, a page judged to be in a
# Latin-script language is checked for another script all the same.
MIN_LATIN_SHARE = 0.08
# The confirming probe read with the script's first model must be surer than the Latin probe by this
# (mean word confidence over the strip): on Greek and Bulgarian scans it was 0.15-0.42 surer; where OSD
# took a page of Latin capitals and figures for Cyrillic ("VAT No.: DE 591 400 507" lines), the Cyrillic
# reading was 0.19 less sure (a Greek or Cyrillic model reads Latin letters as its own, so the letters
# it returns cannot tell).
MIN_CONFIDENCE_GAIN = 0.1


@dataclass(frozen=True, slots=True)
class ScriptReading:
    """A page found to be in another script: its probe read with that script's first model, the models
    judged for the page (all installed ones of the script when its vocabulary cannot tell) and those."""

    script: str
    probe: list[PixelWord]
    judged: tuple[str, ...]
    models: tuple[str, ...]


def mean_confidence(words: list[PixelWord]) -> float:
    """The words' mean confidence (0.0 without words)."""
    return sum(w.confidence for w in words) / len(words) if words else 0.0


# The numero sign "№" as Cyrillic models read it ("Ne", "Ме" in either script's letters), with the colon
# or dot that may follow it.
_NUMERO_MISREAD = re.compile(r"^[NМ][eе]([:.]?)$")


def restore_numero_signs(words: list[PixelWord]) -> list[PixelWord]:
    """The reading of a Cyrillic page with "Ne" / "Ме" read as the "№" it is where the next word to its
    right on its row holds a figure ("Фактура Ne 0000062754", "ДДС Ме: BG203919968": every Bulgarian
    scan's number and VAT labels; in a label / value grid the value may stand a column away). Found on
    the page, not in reading order: the engine may list the figure first."""

    def numbered(sign: PixelWord) -> bool:
        row = [
            w for w in words if w.left >= sign.right - 1 and sign.top < (w.top + w.bottom) / 2 < sign.bottom
        ]
        return bool(row) and any(c.isdigit() for c in min(row, key=lambda w: w.left).text)

    out = list(words)
    for n, word in enumerate(words):
        found = _NUMERO_MISREAD.match(word.text)
        if found and numbered(word):
            out[n] = replace(word, text="№" + found.group(1))
    return out


# Greek and Cyrillic capitals that look like Latin ones, as their models read a Latin code's letters.
_LATIN_LOOK_ALIKES = str.maketrans(
    "АВСЕНІЈКМОРЅТХУΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "ABCEHIJKMOPSTXYABEZHIKMNOPTYX",
)
_CODE = re.compile(r"^[^\W_]+[:.,;]?$")


def code_words(words: list[PixelWord]) -> list[int]:
    """Indexes of the words of a Greek or Cyrillic page that may be codes in Latin letters read in the
    page's look-alikes ("BG76 СКЕХ 0000" for the IBAN's "BG76 CREX 0000", "ВС57" for "BG57", "ВС" for the
    label "BIC"): capitals (and digits) with a letter of another script than Latin, on a line with a code
    of capitals and digits."""

    def capitals(word: PixelWord) -> bool:
        letters = [c for c in word.text if c.isalpha()]
        return bool(_CODE.match(word.text)) and bool(letters) and all(c.isupper() for c in letters)

    def foreign(word: PixelWord) -> bool:
        return any(c.isalpha() and not c.isascii() for c in word.text)

    code_lines = {w.line for w in words if capitals(w) and any(c.isdigit() for c in w.text)}
    return [
        n
        for n, w in enumerate(words)
        if w.line in code_lines and capitals(w) and foreign(w) and len(w.text) <= 11
    ]


def better_code(old: PixelWord, new: PixelWord) -> bool:
    """True when English reads ``old`` as a Latin code of about its length that is more than the letter
    for letter look-alike of the old reading ("BG57" for "ВС57"; not "B1812" for the Greek series
    "Β1812", which English cannot tell from it)."""
    text = new.text
    return (
        text.isascii()
        and bool(_CODE.match(text))
        and abs(len(text) - len(old.text)) <= 1
        and text != old.text.translate(_LATIN_LOOK_ALIKES)
    )
