"""OCR engines behind one small interface. Heavy imports happen inside the engines, never at import time.

Engines take a rendered page image and return word boxes in *pixels* (top-left origin); ``ocr.py``
scales them to PDF points. Tesseract (Debian packages) is the default engine: measured in
``benchmarks/ocr_engines.py --synthetic`` against RapidOCR it was both more accurate on European text (it has
language data for accents and umlauts) and fast enough on one core.
"""

from __future__ import annotations

import difflib
import io
import itertools
import os
import re
import shutil
import statistics
import subprocess
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal, Protocol

from invoiceflow.domain.errors import ErrorCode, OcrError
from invoiceflow.domain.extraction.ocr_repair import (
    agreed_identifier,
    capital_i_in_identifier,
    identifier_key,
    quantity_word,
    repair_row_texts,
)
from invoiceflow.domain.ocr_glyphs import restore_look_alikes
from invoiceflow.domain.ocr_language import fold, page_languages
from invoiceflow.domain.ocr_tesseract_api import PassConfig, api_available, read_tsv
from invoiceflow.domain.ocr_tesseract_api import missing_languages as api_missing_languages

if TYPE_CHECKING:
    from PIL import Image

# The models every page may need: a page whose language cannot be judged is read with all of them at
# once, and so are the words a page's own model was unsure of. The first one reads the probe.
DEFAULT_LANGUAGES = ("eng", "deu", "fra", "spa", "nld", "ita")
# Further languages a page may be judged to be written in (``ocr_language``) and then read with alone,
# where their models are installed; never part of the all-languages pass (more models there read slower
# and pick the wrong one more often). A machine without them reads as with the six alone.
EXTRA_LANGUAGES = ("por", "pol", "ces", "slk", "hun", "ron", "tur", "swe", "dan", "nor", "fin")
# Share of the page (from the top) read by the probe pass: the header and the table head name the
# language; reading less than the whole page makes the probe cheap (about a quarter of one pass).
# Measured on the scanned set in one interleaved run: 0.3 instead of 0.4 took 21 % off the median time per
# page (1.30 vs 1.65 s) at the same field accuracy (87.6 vs 87.3 %); on the scanned tuning pages the
# probe of a third less of the page still judged every page's language right (45/45, even at half size).
PROBE_SHARE = 0.3
# Scale of the probe's image. At half size the probe costs about 40 % less and judges the language the
# same, but its words are also what garbled head lines are recovered from (``recover_garbled``), and
# those suffered: on the scanned twins issuer and recipient names and VAT ids lost 1.5 points overall.
PROBE_SCALE = 1.0
# Word confidences (0..1) for merging the probe's reading of the page head into the full reading: a
# full-reading word below GARBLED that overlaps a probe word of at least TRUSTED gives way to it.
GARBLED = 0.5
TRUSTED = 0.6
# Below this a word without digits is noise (measured on the scanned twins: 0.1 and 0.3 help alike).
GARBAGE = 0.1
# Line identities of probe words are offset by this many blocks so they never join a full-reading line.
_PROBE_BLOCKS = 10_000


@dataclass(frozen=True, slots=True)
class PixelWord:
    text: str
    left: float
    top: float
    right: float
    bottom: float
    confidence: float  # 0..1
    line: tuple[int, ...] = ()  # the engine's line identity (words of one text line share it)


class OcrEngine(Protocol):
    name: str

    def is_available(self) -> bool: ...

    def recognize(self, image: Image.Image) -> list[PixelWord]: ...


class TesseractEngine:
    """Tesseract with TSV output: in-process through its C library with the models kept loaded
    (``ocr_tesseract_api``, the default where the library loads), or the ``tesseract`` binary once per
    pass with the image through stdin (``backend="binary"``; the fall-back). Both read the same words;
    ``threads`` bounds the binary's OpenMP threads, in-process passes keep to the process's
    ``OMP_THREAD_LIMIT`` (1 unless the operator set it).

    With ``rules_erased`` (on by default), passes read the page with its light-grey rules erased
    (``ocr_rules.erase_rules``: a grey cell grid, half kept by Tesseract's binarisation, made it drop the
    cells beside its lines); black rules stay. On the scanned twins of ``producer_invoices.py --scanned``
    drawn by reportlab in grey cell grids, items went from 58 to 94 % right (with ``unread_cells``).
    With ``rules_cut``, passes read the page with the rules that text touches cut away (``ocr_rules``:
    a box edge or cell rule against the glyphs makes Tesseract drop them). It is off by default: its
    effect is mixed. On the corpus's scanned twins (same code, side by side) it gave 91.3 % against
    90.6 % (items 88.5 -> 90.1 %, but header fields 94.0 -> 93.2 % and one ruled tuning layout's items
    lost), and with the rules joined to cut ones cut too 88.1 %: without its grid, Tesseract may read a
    ruled table's figure columns as blocks of their own; on invented scans +0.8 points on the classic
    designs, -0.5 on the real-world looks. With several languages and
    ``language_probe`` on, the top of the page is read first with the first language only (the probe),
    the page's language is judged from those words (``ocr_language``), and the whole page is read with
    that language alone; a page whose language cannot be judged is read with all. The candidates are
    ``languages`` and those of ``extra_languages`` (Portuguese, Polish, Czech, Slovak, Hungarian,
    Romanian, Turkish, Nordic) whose models are installed; close relatives are read together, and a
    further language with English beside it (``page_models``). Lines the full
    reading garbled in the page head are taken from the probe (``recover_garbled``), and the text of
    shaded bands (white on dark or coloured bars) from a pass over the bands alone, normalised to black
    on white (``shaded_bands``, ``read_shaded_bands``), and lines of light-grey text the page pass lost
    from a pass over those lines alone, darkened (``faint_text``, ``read_faint_lines``). A large title
    the full pass cut into fragments is taken whole from the probe (``recover_garbled``). When much of
    the page's ink lies outside every word read (``ocr_lost``: table regions taken for pictures under one
    global threshold), the page is read once more with local thresholds and the confident words found
    where nothing was read join the reading (``lost_text``, ``read_lost_text``); blocks of text ink no
    word covers (a description column skipped beside the figures read) are cut out and read on their own
    (``read_lost_regions``). Every reading
    then loses its noise
    (``clean_reading``); on a page read with its judged language alone, the words that model was unsure
    of are read again, enlarged, with all languages (``reread_unsure``, ``reread_unsure_words``: foreign
    names and addresses keep their accents), and so are word-sized readings it all but rejected
    (``rejected_words``: a short label beside a rule); the number cells of table rows it skipped or
    garbled are read again (``reread_missing_cells``; also cells whose ink no word covers, lined up in
    a column: ``unread_cells``); an identifier read two ways on the page is
    written one way (``identifier_agreement``, ``agree_identifiers``), and garbled numbers of rows are
    repaired where row arithmetic confirms them (``repair_row_numbers``). On a page read with a further
    language's model, the figures it was unsure of are read again by English alone (``reread_figures``:
    the Turkish model's "(9620)" for "(%20)"); ``english_helper`` off reads such a page with its own
    model alone (English then only re-reads its figures).
    """

    name = "tesseract"

    def __init__(
        self,
        languages: tuple[str, ...] = DEFAULT_LANGUAGES,
        threads: int = 1,
        min_confidence: float = 0.0,
        timeout_s: float = 60.0,
        binary: str = "tesseract",
        *,
        language_probe: bool = True,
        probe_share: float = PROBE_SHARE,
        probe_scale: float = PROBE_SCALE,
        backend: Literal["auto", "api", "binary"] = "auto",
        shaded_bands: bool = True,
        faint_text: bool = True,
        rules_cut: bool = False,
        rules_erased: bool = True,
        reread_unsure: bool = True,
        identifier_agreement: bool = True,
        lost_text: bool = True,
        extra_languages: tuple[str, ...] = EXTRA_LANGUAGES,
        english_helper: bool = True,
    ) -> None:
        self.english_helper = english_helper
        self.languages = languages
        self.extra_languages = extra_languages
        self._installed_extra: tuple[str, ...] | None = None
        self.lost_text = lost_text
        self.reread_unsure = reread_unsure
        self.identifier_agreement = identifier_agreement
        self.shaded_bands = shaded_bands
        self.faint_text = faint_text
        self.rules_cut = rules_cut
        self.rules_erased = rules_erased
        self.backend = backend
        self.language_probe = language_probe
        self.probe_share = probe_share
        self.probe_scale = probe_scale
        self.threads = threads
        self.min_confidence = min_confidence
        self.timeout_s = timeout_s
        self.binary = binary

    def is_available(self) -> bool:
        if self.uses_api():
            return not self.missing_languages()
        if shutil.which(self.binary) is None:
            return False
        return not self.missing_languages()

    def missing_languages(self) -> list[str]:
        """Those of ``languages`` whose models are not installed (the engine is unavailable then; missing
        ``extra_languages`` only narrow the candidates, ``candidate_languages``)."""
        return self._missing(self.languages)

    def _missing(self, languages: tuple[str, ...]) -> list[str]:
        if self.uses_api():
            # asked of the probe model's engine, loaded anyway, rather than of an extra model's
            missing = api_missing_languages((*self.languages[:1], *languages))
            return [lang for lang in languages if lang in missing]
        try:
            listed = subprocess.run(
                [self.binary, "--list-langs"], capture_output=True, text=True, timeout=10, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return list(languages)
        installed = {line.strip() for line in listed.stdout.splitlines()[1:]}
        return [lang for lang in languages if lang not in installed]

    def candidate_languages(self) -> tuple[str, ...]:
        """The languages a page may be judged to be written in: ``languages`` and those of
        ``extra_languages`` whose models are installed (asked once per engine)."""
        if self._installed_extra is None:
            extra = tuple(lang for lang in self.extra_languages if lang not in self.languages)
            missing = set(self._missing(extra)) if extra else set()
            self._installed_extra = tuple(lang for lang in extra if lang not in missing)
        return (*self.languages, *self._installed_extra)

    def page_models(self, judged: tuple[str, ...] | None) -> tuple[str, ...]:
        """The models a page is read with: all of ``languages`` when its language was not judged, the
        judged ones alone when they are among ``languages``, else the judged ones with the first of
        ``languages`` (English) beside them. The further models misread figures and signs the six read
        right (on the world3 scans: Swedish "25 %" as "25 4", Portuguese "IVA 23%" as "IVAZ3%", a BIC's
        "P1XXX" as "PIXXX", Hungarian table rows dropped); with English as a second model Tesseract takes
        those words from it, and keeps the page model's reading of words with accents."""
        if not judged:
            return self.languages
        if set(judged) <= set(self.languages) or self.languages[0] in judged or not self.english_helper:
            return judged
        return (*judged, self.languages[0])

    def recognize(self, image: Image.Image) -> list[PixelWord]:
        if not self.uses_api() and shutil.which(self.binary) is None:
            raise OcrError("tesseract is not installed", code=ErrorCode.OCR_UNAVAILABLE)
        grey = image if image.mode == "L" else image.convert("L")  # tesseract reads grey levels, once
        deadline = time.monotonic() + self.timeout_s  # one budget for all passes over the page
        # Passes read the page with the rules text touches cut away (``rules_cut``); shaded bands are
        # found on the page as scanned.
        page = self.without_touched_rules(grey)
        if not self.language_probe or len(self.languages) < 2:
            words = self.run(page, self.languages, deadline)
            words = self.read_shaded_bands(grey, words, self.languages, deadline)
            words = self.read_faint_lines(grey, words, self.languages, deadline)
            words = self.read_lost_regions(
                page, self.read_lost_text(page, words, self.languages, deadline), self.languages, deadline
            )
            words = clean_reading(words)
            words = self.reread_missing_cells(page, words, deadline)
            return repair_row_numbers(agree_identifiers(words) if self.identifier_agreement else words)
        probe = self.read_head(page, deadline)
        judged = page_languages((word.text for word in probe), self.candidate_languages())
        languages = self.page_models(judged)
        words = recover_garbled(self.run(page, languages, deadline), probe)
        words = self.read_faint_lines(
            grey, self.read_shaded_bands(grey, words, languages, deadline), languages, deadline
        )
        words = self.read_lost_regions(
            page, self.read_lost_text(page, words, languages, deadline), languages, deadline
        )
        rejected = rejected_words(words)
        words = clean_reading(words)
        if languages != self.languages:
            words = self.reread_unsure_words(page, words, deadline, rejected)
        if languages[0] not in self.languages:
            words = self.reread_figures(page, words, deadline)
        words = self.reread_missing_cells(page, words, deadline)
        if self.identifier_agreement:
            words = agree_identifiers(words, probe)
        return repair_row_numbers(words)

    def reread_unsure_words(
        self, image: Image.Image, words: list[PixelWord], deadline: float, rejected: Sequence[PixelWord] = ()
    ) -> list[PixelWord]:
        """The reading of a page read with its judged language alone, with the words that model was
        unsure of read again with all the languages.

        Invoices mix languages: English labels round a German buyer's name and address ("Müller",
        "Hauptstraße", "München"), or the reverse. The page's model does not know the other languages'
        letters and reads "Miller", "HauptstraBe", "Ibafez", unsure (0.1-0.8 where its own words score
        above 0.9). Those words (``unsure_words``) are cut out, stacked one per line and read in one pass
        with every language; a word whose re-reading is clearly more confident and still the same word
        give or take a few letters (``better_reading``) takes the new text, keeping its box and line.

        ``rejected`` words (``rejected_words``: word-sized readings the page pass all but rejected, left out
        of ``words``) are read again in the same pass: a short label beside a rule ("VAT" read "vaT" at
        0.05) often reads clearly on its own. One that now reads confidently (``TRUSTED``) as about the same
        word joins the reading; the others stay out.
        """
        if not self.reread_unsure:
            return words
        count = len(words)
        phrases = unsure_phrases(words, unsure_words(words))
        # A rejected word is cut out alone: its line's context may run across a ruled table row, whose
        # rules garble the enlarged phrase.
        phrases += [((w.left, w.top, w.right, w.bottom), [count + n]) for n, w in enumerate(rejected)]
        words = [*words, *rejected]
        if not phrases:
            return words[:count]

        gap = _STACK_GAP
        zoom = REREAD_ZOOM
        boxes = [_padded(box, image.width, image.height) for box, _members in phrases]
        stacked, crops, tops = _stacked_crops(image, boxes, zoom)
        try:
            read = self.run(stacked, self.languages, deadline, find_tables=False, psm=6)
        except OcrError:
            return words[:count]  # the page reading stands; the re-reading is an improvement, not a need
        out = list(words)
        rescued: set[int] = set()
        for (_box, members), box, top, crop in zip(phrases, boxes, tops, crops, strict=True):
            placed = [
                replace(
                    w,
                    left=(w.left - gap) / zoom + box[0],
                    right=(w.right - gap) / zoom + box[0],
                    top=(w.top - top) / zoom + box[1],
                    bottom=(w.bottom - top) / zoom + box[1],
                )
                for w in read
                if top <= (w.top + w.bottom) / 2 <= top + crop.height and w.text.strip()
            ]
            for n in members:
                old = words[n]
                found = [w for w in placed if old.left <= (w.left + w.right) / 2 <= old.right]
                if len(found) == 1 and better_reading(old, found[0]):
                    if n >= count and found[0].confidence < TRUSTED:
                        continue
                    out[n] = replace(old, text=found[0].text, confidence=found[0].confidence)
                    rescued.add(n)
        return out[:count] + [out[n] for n in sorted(rescued) if n >= count]

    def reread_figures(self, image: Image.Image, words: list[PixelWord], deadline: float) -> list[PixelWord]:
        """The reading of a page read with a further language's model (English beside it), with the figures
        that model was unsure of read again by English alone. Those models read signs their own way
        where English beside them does not always win: the Turkish model reads "(%20)" as "(9620)" at
        0.64 where English alone reads it at 0.92. The unsure words holding digits (``unsure_figures``) are
        cut out, stacked and read in one pass; a re-reading that is clearly surer and about the same
        figure (``better_figure``) takes the word's place."""
        chosen = unsure_figures(words)
        if not chosen:
            return words

        boxes = [
            _padded((w.left, w.top, w.right, w.bottom), image.width, image.height)
            for w in (words[n] for n in chosen)
        ]
        stacked, crops, tops = _stacked_crops(image, boxes, REREAD_ZOOM)
        try:
            read = self.run(stacked, self.languages[:1], deadline, find_tables=False, psm=6)
        except OcrError:
            return words  # the page reading stands; the re-reading is an improvement, not a need
        out = list(words)
        for n, top, crop in zip(chosen, tops, crops, strict=True):
            found = [w for w in read if top <= (w.top + w.bottom) / 2 <= top + crop.height and w.text.strip()]
            if len(found) == 1 and better_figure(words[n], found[0]):
                out[n] = replace(words[n], text=found[0].text, confidence=found[0].confidence)
        return out

    def without_touched_rules(self, image: Image.Image) -> Image.Image:
        """The grey page with its light-grey rules erased (``rules_erased``, ``ocr_rules.erase_rules``)
        and then the rules that text touches (``rules_cut``)."""
        if not self.rules_cut and not self.rules_erased:
            return image
        import numpy as np
        from PIL import Image as PilImage

        from invoiceflow.domain.ocr_rules import cut_rules, erase_rules

        # the page's resolution from its shorter side (A4 and Letter are about 8.3 inches wide)
        dpi = min(image.width, image.height) / 8.3
        grey = original = np.asarray(image)
        if self.rules_erased:
            grey = erased if (erased := erase_rules(grey, dpi)) is not None else grey
        if self.rules_cut:
            grey = cut if (cut := cut_rules(grey, dpi)) is not None else grey
        return image if grey is original else PilImage.fromarray(grey)

    def read_shaded_bands(
        self, image: Image.Image, words: list[PixelWord], languages: tuple[str, ...], deadline: float
    ) -> list[PixelWord]:
        """The reading with the text of shaded bands (dark header bars, coloured title bands, grey
        boxes) read again from the bands alone, normalised to black on white (``ocr_bands``), where that
        reads more than the page pass did. The bands are stacked into one image and read in one pass."""
        if not self.shaded_bands:
            return words
        import numpy as np

        from invoiceflow.domain.ocr_bands import cell_size, find_bands, normalised_band

        grey = np.asarray(image)
        found = []
        cell = cell_size(image.width, image.height)
        for band in find_bands(grey, cell):
            normalised = normalised_band(grey, band, cell)
            if normalised is not None and normalised.pixels is not None:
                found.append((normalised.box, normalised.pixels))
        if not found:
            return words
        gap = 16
        width = max(pixels.shape[1] for _box, pixels in found) + 2 * gap
        height = sum(pixels.shape[0] + gap for _box, pixels in found) + gap
        stacked = np.full((height, width), 255, dtype=np.uint8)
        placed: list[tuple[ShadedBand, int]] = []
        y = gap
        for box, pixels in found:
            stacked[y : y + pixels.shape[0], gap : gap + pixels.shape[1]] = pixels
            placed.append((ShadedBand(box, y), gap))
            y += pixels.shape[0] + gap
        from PIL import Image as PilImage

        try:
            read = self.run(PilImage.fromarray(stacked), languages, deadline, find_tables=False, psm=6)
        except OcrError:
            return words  # the page reading stands; the band pass is an improvement, not a need
        return merge_bands(words, placed, read)

    def read_faint_lines(
        self, image: Image.Image, words: list[PixelWord], languages: tuple[str, ...], deadline: float
    ) -> list[PixelWord]:
        """The reading with lines of faint (light-grey) text that the page pass left out read from the
        lines alone, darkened (``ocr_faint``): stacked into one image, read in one pass; their confident
        words are added where the page pass has none."""
        if not self.faint_text:
            return words
        import numpy as np
        from PIL import Image as PilImage

        from invoiceflow.domain.ocr_bands import cell_size
        from invoiceflow.domain.ocr_faint import find_faint_lines

        read_already = [w for w in words if w.confidence >= GARBLED]
        lines = [
            line
            for line in find_faint_lines(np.asarray(image), cell_size(image.width, image.height))
            if not any(_overlap(w, PixelWord("", *line.box, 1.0)) for w in read_already)
        ]
        if not lines:
            return words
        gap = 16
        width = max(line.pixels.shape[1] for line in lines) + 2 * gap
        height = sum(line.pixels.shape[0] + gap for line in lines) + gap
        stacked = np.full((height, width), 255, dtype=np.uint8)
        tops = []
        y = gap
        for line in lines:
            stacked[y : y + line.pixels.shape[0], gap : gap + line.pixels.shape[1]] = line.pixels
            tops.append(y)
            y += line.pixels.shape[0] + gap
        try:
            read = self.run(PilImage.fromarray(stacked), languages, deadline, find_tables=False, psm=6)
        except OcrError:
            return words  # the page reading stands; the faint pass is an improvement, not a need
        added = []
        for number, (line, top) in enumerate(zip(lines, tops, strict=True)):
            left, page_top, _right, bottom = line.box
            for w in read:
                if not top <= (w.top + w.bottom) / 2 < top + bottom - page_top or w.confidence < TRUSTED:
                    continue
                if not any(c.isalnum() for c in w.text):
                    continue
                placed = replace(
                    w,
                    left=w.left - gap + left,
                    right=w.right - gap + left,
                    top=w.top - top + page_top,
                    bottom=w.bottom - top + page_top,
                    line=(_FAINT_BLOCKS + number, *w.line[1:]) if w.line else (),
                )
                if not any(_overlap(placed, other) for other in read_already):
                    added.append(placed)
        return words + added if added else words

    def read_lost_text(
        self, image: Image.Image, words: list[PixelWord], languages: tuple[str, ...], deadline: float
    ) -> list[PixelWord]:
        """The reading with the text the page pass lost read again with local thresholds.

        Tesseract binarises a page with one global (Otsu) threshold; on a noisy scan with light-grey
        header bands, boxes and cell grids its layout analysis may then take whole table regions for
        pictures and read nothing there, or a few letters of noise ("sl", "ERN" over a table of figures).
        When much of the page's ink lies outside every word it read (``lost_ink``), the page is read once
        more with Sauvola's local thresholds, and that pass's confident words that overlap no word of the
        first reading join it (the first pass's unsure words under them give way). A page read well
        enough pays for the measure only (a few milliseconds)."""
        if not self.lost_text:
            return words
        import numpy as np

        from invoiceflow.domain.ocr_lost import lost_ink

        if not lost_ink(np.asarray(image), words).worth_rereading:
            return words
        try:
            read = self.run(image, languages, deadline, local_threshold=True)
        except OcrError:
            return words  # the page reading stands; the second pass is an improvement, not a need
        return merge_lost_text(words, read)

    def read_lost_regions(
        self, image: Image.Image, words: list[PixelWord], languages: tuple[str, ...], deadline: float
    ) -> list[PixelWord]:
        """The reading with blocks of text that no word covers read again, each cut out on its own
        (``ocr_lost.lost_regions``).

        Tesseract's page analysis now and then skips one text column of a table (two-line descriptions
        beside the figures it read) even with local thresholds; cut out, the same block reads cleanly.
        The same goes for a totals block or a header line the page pass skipped. The blocks are
        stacked into one image and read in one pass; their confident words that overlap no sure word join
        the reading as ``merge_lost_text`` adds them."""
        if not self.lost_text:
            return words
        import numpy as np
        from PIL import Image as PilImage

        from invoiceflow.domain.ocr_lost import lost_regions

        boxes = lost_regions(np.asarray(image), words)
        if not boxes:
            return words
        gap = 24
        crops = [image.crop(box) for box in boxes]
        stacked = PilImage.new(
            "L", (max(c.width for c in crops) + 2 * gap, sum(c.height + gap for c in crops) + gap), 255
        )
        tops: list[int] = []
        y = gap
        for crop in crops:
            stacked.paste(crop.convert("L"), (gap, y))
            tops.append(y)
            y += crop.height + gap
        try:
            read = self.run(stacked, languages, deadline, find_tables=False, psm=6)
        except OcrError:
            return words  # the page reading stands; the extra pass is an improvement, not a need
        placed = [
            replace(
                w,
                left=w.left - gap + box[0],
                right=w.right - gap + box[0],
                top=w.top - top + box[1],
                bottom=w.bottom - top + box[1],
                line=(_REGION_BLOCKS + w.line[0], *w.line[1:]) if w.line else (),
            )
            for w in read
            for box, top, crop in zip(boxes, tops, crops, strict=True)
            if top <= (w.top + w.bottom) / 2 <= top + crop.height
        ]
        return merge_lost_text(words, placed)

    def read_head(self, image: Image.Image, deadline: float) -> list[PixelWord]:
        """The probe: the top of the page (scaled by ``probe_scale``) read with the first language; words
        come back in the page image's pixel coordinates."""
        from PIL import Image as PilImage

        head = image.crop((0, 0, image.width, max(1, round(image.height * self.probe_share))))
        scale = self.probe_scale
        if scale != 1.0:
            size = (max(1, round(head.width * scale)), max(1, round(head.height * scale)))
            head = head.resize(size, PilImage.Resampling.LANCZOS)
        # Table finding off for the head: Tesseract's table finder takes a letterhead beside a block of
        # invoice details for one table and reads their interleaved lines as one, garbling both.
        words = self.run(head, self.languages[:1], deadline, find_tables=False)
        if scale == 1.0:
            return words
        return [
            replace(w, left=w.left / scale, top=w.top / scale, right=w.right / scale, bottom=w.bottom / scale)
            for w in words
        ]

    def reread_missing_cells(
        self, image: Image.Image, words: list[PixelWord], deadline: float
    ) -> list[PixelWord]:
        """The reading with the number cells Tesseract skipped or garbled in table rows read again.

        Its page layout analysis sometimes drops a narrow column (lone quantities "4", "38") or reads a
        cell as letters ("TÁ" for 7). Such cells are found from the page's number columns
        (``missing_cells``), cut out, stacked into one small image and read in one more pass restricted to
        digits and separators; a cell read as a number joins its row's line.
        """
        cells = missing_cells(words)
        cells += [
            cell
            for cell in unread_cells(image, words)
            if not any(_boxes_overlap(cell.box, other.box) for other in cells)
        ]
        if not cells:
            return words

        # Enlarged: a lone "1" beside a rule reads as a figure only at twice its size.
        zoom = CELL_ZOOM
        stacked, crops, tops = _stacked_crops(image, [cell.box for cell in cells], zoom)
        offsets = [(float(top), float(top + crop.height)) for top, crop in zip(tops, crops, strict=True)]
        try:
            read = self.run(stacked, self.languages[:1], deadline, digits_only=True)
        except OcrError:
            return words  # the first reading stands; the extra pass is an improvement, not a need
        return merge_cells(words, cells, offsets, read, gap=_STACK_GAP, zoom=zoom)

    def run(
        self,
        image: Image.Image,
        languages: tuple[str, ...],
        deadline: float,
        *,
        find_tables: bool = True,
        digits_only: bool = False,
        psm: int | None = None,
        local_threshold: bool = False,
    ) -> list[PixelWord]:
        """One tesseract pass over an image with the given language models (``digits_only``: a block of
        stacked number cells, read with digits, signs and separators only)."""
        variables: list[tuple[str, str]] = []
        if local_threshold:
            # Local (Sauvola) thresholds instead of one global Otsu threshold (``read_lost_text``); for
            # every page they lost rows of well-read tables, so only the second pass uses them.
            variables.append(("thresholding_method", "2"))
        if not find_tables:
            variables.append(("textord_tabfind_find_tables", "0"))
        if digits_only:
            variables.append(("tessedit_char_whitelist", "0123456789.,-'%"))
        mode = psm if psm is not None else 6 if digits_only else 3
        config = PassConfig("+".join(languages), mode, tuple(variables))
        if self.uses_api():
            tsv = read_tsv(image, config, max(0.1, deadline - time.monotonic()))
        else:
            tsv = self.run_binary(_pgm(image), config, deadline)
        return parse_tesseract_tsv(tsv, self.min_confidence)

    def uses_api(self) -> bool:
        """True when passes run in-process through the C library (``backend`` "api", or "auto" with the
        library loadable), False when each pass runs the binary."""
        return self.backend == "api" or (self.backend == "auto" and api_available())

    def run_binary(self, image: bytes, config: PassConfig, deadline: float) -> str:
        """TSV of one pass of the ``tesseract`` binary over an encoded image (stdin to stdout)."""
        # OMP_THREAD_LIMIT: tesseract's OpenMP threads; workers scale by process, not by thread.
        env = {**os.environ, "OMP_THREAD_LIMIT": str(self.threads)}
        command = [self.binary, "stdin", "stdout", "-l", config.languages, "--psm", str(config.psm)]
        for name, value in config.variables:
            command += ["-c", f"{name}={value}"]
        command.append("tsv")
        try:
            done = subprocess.run(
                command,
                input=image,
                capture_output=True,
                timeout=max(0.1, deadline - time.monotonic()),
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise OcrError(
                f"tesseract took longer than {self.timeout_s:g} s", code=ErrorCode.OCR_FAILED
            ) from None
        except OSError as exc:
            raise OcrError(f"cannot run tesseract: {exc}", code=ErrorCode.OCR_UNAVAILABLE) from None
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip()[-500:]
            code = ErrorCode.OCR_UNAVAILABLE if "Failed loading language" in message else ErrorCode.OCR_FAILED
            raise OcrError(f"tesseract failed: {message}", code=code)
        return done.stdout.decode("utf-8", "replace")


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
_FAINT_BLOCKS = 30_000


# Line identities of the words the local-threshold pass adds (``merge_lost_text``), and the confidence
# they need: a second reading of a page is trusted less than the first.
_LOST_BLOCKS = 40_000
# Line identities of words read from cut-out lost regions (their own blocks, never a page line's).
_REGION_BLOCKS = 50_000
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
        and not any(_overlap(w, other) for other in sure)
    ]
    if not added:
        return words
    kept = [w for w in words if w.confidence >= GARBLED or not any(_overlap(w, new) for new in added)]
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
        in_band = [n for n, w in enumerate(words) if _overlap(w, area)]
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
            added += [w for w in own if not any(_overlap(words[n], w) for n in in_band)]
    if not added:
        return words
    return [w for n, w in enumerate(words) if n not in dropped] + added


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


def clean_reading(words: list[PixelWord]) -> list[PixelWord]:
    """One page's reading without noise (near-rejected letters, table rules read as marks, tall specks)
    and with capital I's read as l, ampersands read as 8 and sharp s read as & restored."""
    return restore_look_alikes(fix_initial_l(drop_specks(strip_rule_marks(drop_garbage(words)))))


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
_STACK_GAP = 12


def _stacked_crops(
    image: Image.Image, boxes: Sequence[tuple[float, float, float, float]], zoom: int
) -> tuple[Image.Image, list[Image.Image], list[int]]:
    """The boxes cut out of the grey ``image``, enlarged ``zoom`` times and stacked one under another on
    white, ``_STACK_GAP`` pixels apart, for one engine pass over all of them: the stacked image, the
    crops and the top of each crop in it."""
    from PIL import Image as PilImage

    crops = [image.crop(box) for box in boxes]
    if zoom != 1:
        crops = [c.resize((c.width * zoom, c.height * zoom), PilImage.Resampling.LANCZOS) for c in crops]
    gap = _STACK_GAP
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


def _padded(box: tuple[float, float, float, float], width: int, height: int) -> tuple[int, int, int, int]:
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


def _accented(text: str) -> int:
    return sum(c.isalpha() and not c.isascii() for c in text)


def better_reading(old: PixelWord, new: PixelWord) -> bool:
    """True when ``new`` (all languages) reads the word ``old`` (one language) was unsure of more surely
    and is still that word: alike once accents are folded, not a different word read from specks."""
    if new.text == old.text or any(c.isdigit() for c in new.text):
        return False
    if len(new.text) > len(old.text) + 1:  # the next word run on ("SöhneKG" for "Sdhne")
        return False
    if _accented(new.text) < _accented(old.text):  # the other models know fewer of this page's letters
        return False
    # Accents put back on the same letters: no less sure will do. One accent for another ("Lumière",
    # "Lumiére") is no gain and needs the margin as any other change.
    if _folded(new.text) == _folded(old.text) and _accented(new.text) > _accented(old.text):
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


# A number cell as OCR writes it: digits with separators, an optional sign or percent sign.
_NUMBER_WORD = re.compile(r"-?\d[\d.,']*%?")
# Columns: number words whose right edges lie within this share of the line height share a column;
# a column needs COLUMN_ROWS members before its holes are believed.
COLUMN_EDGE = 0.5
COLUMN_ROWS = 3
# A cell cut out for the second reading reaches this share of the line height beyond its column and row.
CELL_MARGIN = 0.35
# A cell no word covers stands this many line heights clear of the words read beside it.
UNREAD_APART = 1.0
# Cells are read again at this many times their size.
CELL_ZOOM = 2
# A gap along a table row this many line heights wide may hold a cell no word covers (``unread_cells``).
UNREAD_GAP = 1.5


@dataclass(frozen=True, slots=True)
class MissingCell:
    """A table cell the page reading skipped or garbled: where to read it, and which row it belongs to."""

    box: tuple[float, float, float, float]  # left, top, right, bottom in pixels
    line: tuple[int, ...]
    replaces: tuple[int, ...]  # indexes of garbled words in the cell (dropped when it reads as a number)


def _number_word(word: PixelWord) -> bool:
    return bool(_NUMBER_WORD.fullmatch(word.text)) and any(c.isdigit() for c in word.text)


def missing_cells(words: list[PixelWord]) -> list[MissingCell]:
    """Cells of number columns that a table row lacks.

    A number column is a set of at least ``COLUMN_ROWS`` number words with the same right edge (numbers
    are right-aligned). A row is a band of number words (``_number_rows``). Where a row has numbers in
    two other columns of the column's table but no number word at the column, the cell is missing:
    empty, or holding only unsure words without digits, which are garbled readings of it.
    """
    numbers = [n for n, w in enumerate(words) if _number_word(w) and w.line]
    if len(numbers) < 2 * COLUMN_ROWS:
        return []
    heights = sorted(words[n].bottom - words[n].top for n in numbers)
    height = heights[len(heights) // 2]
    columns: list[list[int]] = []
    for n in sorted(numbers, key=lambda n: words[n].right):
        if columns and words[n].right - words[columns[-1][-1]].right <= COLUMN_EDGE * height:
            columns[-1].append(n)
        else:
            columns.append([n])
    rows = _number_rows(words, numbers, height)
    row_of = {n: r for r, members in enumerate(rows) for n in members}
    columns = [c for c in columns if len({row_of[n] for n in c}) >= COLUMN_ROWS]
    column_of = {n: c for c, members in enumerate(columns) for n in members}
    rows_of = [{row_of[n] for n in members} for members in columns]
    cells: list[MissingCell] = []
    for c, column in enumerate(columns):
        left = min(words[n].left for n in column) - CELL_MARGIN * height
        right = max(words[n].right for n in column) + CELL_MARGIN * height
        # The column's table: the columns that share rows with it. Tesseract may lose a column's cells
        # from some row to the table's end, so the column's own extent does not bound its table.
        partners = {p for p, rows_there in enumerate(rows_of) if p != c and len(rows_there & rows_of[c]) >= 2}
        for r, members in enumerate(rows):
            if r in rows_of[c] or len({column_of.get(n) for n in members} & partners) < 2:
                continue
            row_top = statistics.median(words[n].top for n in members)
            row_bottom = statistics.median(words[n].bottom for n in members)
            inside = [
                n
                for n, w in enumerate(words)
                if w.right > left and w.left < right and w.bottom > row_top and w.top < row_bottom
            ]
            if any(words[n].confidence >= GARBLED or any(c.isdigit() for c in words[n].text) for n in inside):
                continue  # a confident word (text running into the column) or a number already there
            # The cell joins the line of the row's number nearest to it (its neighbour in the table).
            line = words[min(members, key=lambda n: abs(words[n].left - right))].line
            margin = CELL_MARGIN * height
            box = (max(0.0, left), max(0.0, row_top - margin), right, row_bottom + margin)
            cells.append(MissingCell(box, line, tuple(inside)))
    return cells


def unread_cells(image: Image.Image, words: list[PixelWord]) -> list[MissingCell]:
    """Cells of table rows whose ink no word covers, lined up in a column (``ocr_unread``): a column of
    lone figures the page pass dropped, which ``missing_cells`` cannot see for want of figures read in it.

    Rows are bands of at least two number words; the gaps of a cell's width between the words along a
    row (skew-corrected), and after its last word up to the table's last number column (an amount lost at
    the row's end: nothing read follows it), are searched for glyph-sized ink. A blob is a cell when a
    blob of another row or a figure read in another row lines up with it."""
    import numpy as np

    from invoiceflow.domain.ocr_unread import INK, aligned, ink_blobs

    numbers = [n for n, w in enumerate(words) if _number_word(w) and w.line]
    if len(numbers) < 4:
        return []
    heights = sorted(words[n].bottom - words[n].top for n in numbers)
    height = heights[len(heights) // 2]
    rows = [members for members in _number_rows(words, numbers, height) if len(members) >= 2]
    if len(rows) < 2:
        return []
    slope = _skew(words)

    def level(word: PixelWord) -> float:
        return (word.top + word.bottom) / 2 - slope * (word.left + word.right) / 2

    ink = np.asarray(image.convert("L")) < INK
    table_right = _table_right(words, rows, height)
    found: list[tuple[int, tuple[int, int, int, int], tuple[int, ...], tuple[int, ...]]] = []
    for r, members in enumerate(rows):
        row_level = statistics.median(level(words[n]) for n in members)
        on_row = [n for n, w in enumerate(words) if abs(level(w) - row_level) <= 0.5 * height]
        # An unsure reading without digits ("PP" for a lone "1" by a rule) is a garbled cell, no word.
        weak = [
            n for n in on_row if words[n].confidence < TRUSTED and not any(c.isdigit() for c in words[n].text)
        ]
        along = sorted((words[n] for n in on_row if n not in weak), key=lambda w: w.left)
        if along and table_right is not None and table_right - along[-1].right >= UNREAD_GAP * height:
            # The row's last cell (its amount) lost: the gap up to the table's last column is searched
            # too, bounded by a word-less stand-in just past that column's right edge.
            edge = table_right + (CLEARANCE_CELLS + UNREAD_APART) * height
            along.append(replace(along[-1], text="", left=edge, right=edge + 1))
        for before, after in itertools.pairwise(along):
            if after.left - before.right < UNREAD_GAP * height:
                continue
            centre = row_level + slope * (before.right + after.left) / 2
            for blob in ink_blobs(ink, before.right, after.left, centre, height):
                if min(blob[0] - before.right, after.left - blob[2]) < UNREAD_APART * height:
                    continue  # at word spacing from a word read: a lost part of its phrase ("21" of "21 %")
                line = words[min(members, key=lambda n: abs(words[n].left - blob[2]))].line
                garbled = tuple(n for n in weak if words[n].right > blob[0] and words[n].left < blob[2])
                found.append((r, blob, line, garbled))
    row_of = {n: r for r, members in enumerate(rows) for n in members}
    cells: list[MissingCell] = []
    margin = CELL_MARGIN * height
    for r, blob, line, garbled in found:
        others = [(float(b[0]), float(b[2])) for row, b, _line, _garbled in found if row != r]
        others += [(words[n].left, words[n].right) for n, row in row_of.items() if row != r]
        if aligned(blob, others, height):
            box = (max(0.0, blob[0] - margin), max(0.0, blob[1] - margin), blob[2] + margin, blob[3] + margin)
            cells.append(MissingCell(box, line, garbled))
    return cells


# The word-less stand-in that bounds a row's trailing gap lies this many line heights past the table's
# right edge, so that the blur of a right-aligned figure's last glyph stays inside the searched gap.
CLEARANCE_CELLS = 0.5


def _table_right(words: list[PixelWord], rows: list[list[int]], height: float) -> float | None:
    """The right edge of the table's last number column: the rightmost edge that number words of two
    rows share (a lone figure far right, a page number, is no column)."""
    rights = sorted(((words[n].right, r) for r, members in enumerate(rows) for n in members), reverse=True)
    for k, (right, row) in enumerate(rights):
        for other, other_row in rights[k + 1 :]:
            if right - other > COLUMN_EDGE * height:
                break
            if other_row != row:
                return right
    return None


def _boxes_overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _number_rows(words: list[PixelWord], numbers: list[int], height: float) -> list[list[int]]:
    """Number words grouped into table rows by their vertical centres, corrected for the page's skew.
    Geometric, not by engine line: Tesseract often reads a table column by column, each column a block
    of its own; and at one degree of skew a row's left end lies a third of a line off its right end."""
    slope = _skew(words)

    def level(n: int) -> float:
        word = words[n]
        return (word.top + word.bottom) / 2 - slope * (word.left + word.right) / 2

    rows: list[list[int]] = []
    last = -1e9
    for n in sorted(numbers, key=level):
        if rows and level(n) - last <= 0.5 * height:
            rows[-1].append(n)
        else:
            rows.append([n])
        last = level(n)
    return rows


def _skew(words: list[PixelWord]) -> float:
    """The page's skew as the median slope (pixels down per pixel right) of the engine's long lines,
    measured between the first and last word of each line."""
    lines: dict[tuple[int, ...], list[PixelWord]] = {}
    for word in words:
        if word.line:
            lines.setdefault(word.line, []).append(word)
    slopes = []
    for members in lines.values():
        first = min(members, key=lambda w: w.left)
        last = max(members, key=lambda w: w.right)
        run = (last.left + last.right - first.left - first.right) / 2
        if run > 20 * (first.bottom - first.top):
            rise = (last.top + last.bottom - first.top - first.bottom) / 2
            slopes.append(rise / run)
    return statistics.median(slopes) if slopes else 0.0


def merge_cells(
    words: list[PixelWord],
    cells: list[MissingCell],
    offsets: list[tuple[float, float]],
    read: list[PixelWord],
    *,
    gap: int,
    zoom: int = 1,
) -> list[PixelWord]:
    """The page reading with each cell that the second pass read as one number put in its row (the
    cells were stacked ``zoom`` times their size, ``gap`` pixels from the stack's left edge)."""
    dropped: set[int] = set()
    added: list[PixelWord] = []
    for cell, (start, end) in zip(cells, offsets, strict=True):
        found = [w for w in read if start <= (w.top + w.bottom) / 2 <= end]
        if len(found) != 1 or not _number_word(found[0]):
            continue
        word = found[0]
        placed = PixelWord(
            word.text,
            cell.box[0] + (word.left - gap) / zoom,
            cell.box[1] + (word.top - start) / zoom,
            cell.box[0] + (word.right - gap) / zoom,
            cell.box[1] + (word.bottom - start) / zoom,
            word.confidence,
            cell.line,
        )
        # Two rows of a skewed table may both miss one cell and both ask for it: read once, it is one word
        # (a second copy would overlap the first and split its row in two).
        if any(_overlap(placed, other) for other in added):
            continue
        added.append(placed)
        dropped.update(cell.replaces)
    return [w for n, w in enumerate(words) if n not in dropped] + added


# Number words closer than this share of the line height are one number written with a space between
# thousand groups ("1 606,50"); table columns lie several line heights apart.
THOUSANDS_GAP = 0.8
# A quantity cell's right edge lies within this many line heights of the quantity column's (centred
# quantities of one or three digits end at different x).
QUANTITY_COLUMN = 2.0


def repair_row_numbers(words: list[PixelWord]) -> list[PixelWord]:
    """Garbled number cells of table rows rewritten where row arithmetic confirms one reading
    (``ocr_repair.repair_row_texts``). Rows are bands of digit-bearing words read left to right, found
    geometrically: Tesseract often puts a table's columns into separate blocks."""
    # Percent signs stay in the rows: the number before one is a rate, not a quantity.
    numbers = [n for n, w in enumerate(words) if any(c.isdigit() for c in w.text) or w.text == "%"]
    if len(numbers) < 3:
        return words
    heights = sorted(words[n].bottom - words[n].top for n in numbers)
    height = heights[len(heights) // 2]
    # A number inside a description ("LED strip 5 m") is no cell: with the row's real quantity lost,
    # the quantity repair would rewrite it and corrupt the text.
    in_text = _numbers_in_text(words, numbers, THOUSANDS_GAP * height)
    numbers = [n for n in numbers if n not in in_text]
    out = list(words)
    rows: list[tuple[list[int], list[str], list[bool]]] = []
    for members in _number_rows(words, numbers, height):
        members.sort(key=lambda n: words[n].left)
        row = [words[n] for n in members]
        gaps = [b.left - a.right for a, b in itertools.pairwise(row)]
        rows.append((members, [w.text for w in row], [gap < THOUSANDS_GAP * height for gap in gaps]))
    slope = _skew(words)

    def column_edge(n: int) -> float:  # the right edge turned back by the skew: one x for a whole column
        return words[n].right + slope * (words[n].top + words[n].bottom) / 2

    # Rows whose clean cells multiply out show where the quantity column is: a misread quantity is
    # rewritten only there, never a figure of a description ("DN 25") left of it.
    found = [(members, quantity_word(texts, close)) for members, texts, close in rows]
    edges = [column_edge(members[q]) for members, q in found if q is not None]
    # A column is where two such rows agree: one row may multiply out by chance.
    tolerance = QUANTITY_COLUMN * height
    edges = [
        e for n, e in enumerate(edges) if any(abs(e - o) <= tolerance for o in edges[:n] + edges[n + 1 :])
    ]
    for members, texts, close in rows:

        def in_quantity_column(position: int, price: int, members: list[int] = members) -> bool:
            # Not a figure left of the quantity column when that column stands between it and the price
            # ("DN 25" in the text of a row whose quantity cell was lost).
            left, right = column_edge(members[position]) + tolerance, column_edge(members[price]) - tolerance
            return not any(left < edge < right for edge in edges)

        repaired = repair_row_texts(texts, close, in_quantity_column)
        for n, text in zip(members, repaired, strict=True):
            if text != words[n].text:
                out[n] = replace(words[n], text=text)
    return out


def _numbers_in_text(words: list[PixelWord], numbers: list[int], gap: float) -> set[int]:
    """Number words that follow a word of running text (lower-case letters, not a currency code) on
    the same engine line at word spacing: part of a description, not a table cell."""
    by_line: dict[tuple[int, ...], list[int]] = {}
    for n, word in enumerate(words):
        if word.line and _PROSE_WORD.search(word.text):
            by_line.setdefault(word.line, []).append(n)
    return {
        n
        for n in numbers
        if any(0 <= words[n].left - words[m].right < gap for m in by_line.get(words[n].line, []) if m != n)
    }


_PROSE_WORD = re.compile(r"[a-zß-ÿ]{2}")


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
                _overlap(word, other) and not _same_reading(word, other) and not _accents_kept(word, other)
                for other in trusted
            )
        )
    ]
    added = [
        replace(word, line=(_PROBE_BLOCKS + word.line[0], *word.line[1:]) if word.line else ())
        for word in trusted
        if not any(_overlap(word, other) for other in kept)
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
    if _accented(page_word.text) <= _accented(probe_word.text):
        return False
    page_text, probe_text = (fold(w.text).translate(_LOOK_ALIKE) for w in (page_word, probe_word))
    return difflib.SequenceMatcher(None, page_text, probe_text).ratio() >= ACCENTS_SIMILAR


def _overlap(a: PixelWord, b: PixelWord) -> bool:
    """The boxes share more than a quarter of the smaller one's area."""
    width = min(a.right, b.right) - max(a.left, b.left)
    height = min(a.bottom, b.bottom) - max(a.top, b.top)
    if width <= 0 or height <= 0:
        return False
    smaller = min((a.right - a.left) * (a.bottom - a.top), (b.right - b.left) * (b.bottom - b.top))
    return width * height > 0.25 * max(smaller, 1.0)


def _pgm(image: Image.Image) -> bytes:
    """The image as binary PGM: tesseract works on grey levels anyway, and the raw format costs about a
    millisecond to write and read where PNG cost about 0.13 s to encode per 200 dpi page (the pixels, and
    so the reading, are the same)."""
    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="PPM")
    return buffer.getvalue()


def parse_tesseract_tsv(tsv: str, min_confidence: float = 0.0) -> list[PixelWord]:
    """Word rows (level 5) of tesseract's TSV output."""
    words: list[PixelWord] = []
    for line in tsv.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) != 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        if not text:
            continue
        confidence = max(0.0, float(cols[10])) / 100.0
        if confidence < min_confidence:
            continue
        left, top, width, height = (float(v) for v in cols[6:10])
        line_key = (int(cols[2]), int(cols[3]), int(cols[4]))  # block, paragraph, line
        words.append(PixelWord(text, left, top, left + width, top + height, confidence, line_key))
    return words


class RapidOcrEngine:
    """RapidOCR (PP-OCR models inside the ``rapidocr-onnxruntime`` wheel). Returns text *lines*; we
    split them into words with x positions proportional to character counts (an approximation)."""

    name = "rapidocr"

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads
        self._engine: object | None = None

    def is_available(self) -> bool:
        try:
            import rapidocr_onnxruntime  # type: ignore[import-untyped]  # noqa: F401
        except ImportError:
            return False
        return True

    def _load(self) -> object:
        if self._engine is None:
            try:
                from rapidocr_onnxruntime import RapidOCR
            except ImportError:
                raise OcrError(
                    "rapidocr-onnxruntime is not installed", code=ErrorCode.OCR_UNAVAILABLE
                ) from None
            self._engine = RapidOCR(intra_op_num_threads=self.threads, inter_op_num_threads=1)
        return self._engine

    def recognize(self, image: Image.Image) -> list[PixelWord]:
        import numpy as np

        engine = self._load()
        result, _elapsed = engine(np.asarray(image.convert("RGB")))  # type: ignore[operator]
        words: list[PixelWord] = []
        for line_number, (quad, text, score) in enumerate(result or []):
            xs = [float(p[0]) for p in quad]
            ys = [float(p[1]) for p in quad]
            box = (min(xs), min(ys), max(xs), max(ys))
            words.extend(_split_line(str(text), *box, float(score), line_number))
        return words


def _split_line(  # noqa: PLR0917 - a box's four sides read best positionally
    text: str, left: float, top: float, right: float, bottom: float, score: float, line: int
) -> list[PixelWord]:
    if not text:
        return []
    per_char = (right - left) / len(text)
    words: list[PixelWord] = []
    position = 0
    for token in text.split(" "):
        if token:
            x0 = left + position * per_char
            words.append(PixelWord(token, x0, top, x0 + len(token) * per_char, bottom, score, (line,)))
        position += len(token) + 1
    return words


ENGINES: dict[str, type[TesseractEngine] | type[RapidOcrEngine]] = {
    TesseractEngine.name: TesseractEngine,
    RapidOcrEngine.name: RapidOcrEngine,
}


def default_engine() -> OcrEngine:
    return TesseractEngine()
