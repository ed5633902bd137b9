"""The Tesseract engine (``TesseractEngine``): the passes it makes over a page image (probe, page,
bands, faint lines, lost text, re-readings, missing cells) and how their words are put together, through
the C library (``ocr_tesseract_api``) or the ``tesseract`` binary, whose TSV output is parsed here.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from invoiceflow.domain.errors import ErrorCode, OcrError
from invoiceflow.domain.ocr_clean import agree_identifiers, clean_reading
from invoiceflow.domain.ocr_language import page_languages, vocabulary_share
from invoiceflow.domain.ocr_merge import (
    FAINT_BLOCKS,
    REGION_BLOCKS,
    ShadedBand,
    merge_bands,
    merge_lost_text,
    recover_garbled,
)
from invoiceflow.domain.ocr_orientation import detect_orientation
from invoiceflow.domain.ocr_reread import (
    REREAD_ZOOM,
    STACK_GAP,
    better_figure,
    better_reading,
    padded_box,
    rejected_words,
    stacked_crops,
    unsure_figures,
    unsure_phrases,
    unsure_words,
)
from invoiceflow.domain.ocr_script import (
    MIN_CONFIDENCE_GAIN,
    MIN_LATIN_SHARE,
    SCRIPT_LANGUAGES,
    ScriptReading,
    better_code,
    code_words,
    mean_confidence,
    restore_numero_signs,
)
from invoiceflow.domain.ocr_table_cells import (
    CELL_ZOOM,
    merge_cells,
    missing_cells,
    repair_row_numbers,
    unread_cells,
)
from invoiceflow.domain.ocr_tesseract_api import PassConfig, api_available, read_tsv
from invoiceflow.domain.ocr_tesseract_api import missing_languages as api_missing_languages
from invoiceflow.domain.ocr_vertical import drop_vertical_blocks
from invoiceflow.domain.ocr_words import GARBLED, TRUSTED, PixelWord, words_overlap

if TYPE_CHECKING:
    from PIL import Image

# The models every page may need: a page whose language cannot be judged is read with all of them at
# once, and so are the words a page's own model was unsure of. The first one reads the probe.
DEFAULT_LANGUAGES = ("eng", "deu", "fra", "spa", "nld", "ita")
# Further languages a page may be judged to be written in (``ocr_language``) and then read with alone,
# where their models are installed; never part of the all-languages pass (more models there read slower
# and pick the wrong one more often). A machine without them reads as with the six alone.
EXTRA_LANGUAGES = (
    "por", "pol", "ces", "slk", "hun", "ron", "tur", "swe", "dan", "nor", "fin",
    "lav", "lit", "est", "hrv", "slv", "srp_latn",
)  # fmt: skip
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
    Romanian, Turkish, Nordic, Baltic, Croatian, Slovenian, Serbian in Latin script) whose models are
    installed; close relatives are read together, and a further language with English beside it
    (``page_models``). Lines the full
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
    model alone (English then only re-reads its figures). A page whose probe no Latin vocabulary holds
    is checked for Greek or Cyrillic script and then read with that script's models
    (``read_other_script``, ``ocr_script``; ``script_languages`` empty: never).
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
        script_languages: Mapping[str, tuple[str, ...]] = SCRIPT_LANGUAGES,
    ) -> None:
        self.english_helper = english_helper
        self.script_languages = script_languages
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
        probe_words = [word.text for word in probe]
        judged = page_languages(probe_words, self.candidate_languages())
        unsure_models, script = self.languages, "Latin"
        if judged is None or vocabulary_share(probe_words, self.candidate_languages()) < MIN_LATIN_SHARE:
            other = self.read_other_script(page, probe, deadline)
            if other is not None:
                script, probe, judged = other.script, other.probe, other.judged
                unsure_models = self.page_models(other.models)
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
        if languages != unsure_models:
            words = self.reread_unsure_words(page, words, deadline, rejected, unsure_models)
        if languages[0] not in self.languages:
            words = self.reread_figures(page, words, deadline)
        if script != "Latin":
            words = self.reread_in_english(page, words, deadline, code_words(words), better_code)
        words = self.reread_missing_cells(page, words, deadline)
        if self.identifier_agreement:
            words = agree_identifiers(words, probe)
        if script == "Cyrillic":
            words = restore_numero_signs(words)
        return repair_row_numbers(words)

    def reread_unsure_words(
        self,
        image: Image.Image,
        words: list[PixelWord],
        deadline: float,
        rejected: Sequence[PixelWord] = (),
        models: tuple[str, ...] | None = None,
    ) -> list[PixelWord]:
        """The reading of a page read with its judged language alone, with the words that model was
        unsure of read again with all the languages (``models``: all those of the page's script; the six
        Latin ones by default).

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

        gap = STACK_GAP
        zoom = REREAD_ZOOM
        boxes = [padded_box(box, image.width, image.height) for box, _members in phrases]
        stacked, crops, tops = stacked_crops(image, boxes, zoom)
        try:
            read = self.run(stacked, models or self.languages, deadline, find_tables=False, psm=6)
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
        return self.reread_in_english(image, words, deadline, unsure_figures(words), better_figure)

    def reread_in_english(
        self,
        image: Image.Image,
        words: list[PixelWord],
        deadline: float,
        chosen: list[int],
        better: Callable[[PixelWord, PixelWord], bool],
    ) -> list[PixelWord]:
        """``words`` with the ``chosen`` ones cut out, stacked, read in one pass by English alone and
        replaced by that reading where ``better(old, new)``."""
        if not chosen:
            return words
        boxes = [
            padded_box((w.left, w.top, w.right, w.bottom), image.width, image.height)
            for w in (words[n] for n in chosen)
        ]
        stacked, crops, tops = stacked_crops(image, boxes, REREAD_ZOOM)
        try:
            read = self.run(stacked, self.languages[:1], deadline, find_tables=False, psm=6)
        except OcrError:
            return words  # the page reading stands; the re-reading is an improvement, not a need
        out = list(words)
        for n, top, crop in zip(chosen, tops, crops, strict=True):
            found = [w for w in read if top <= (w.top + w.bottom) / 2 <= top + crop.height and w.text.strip()]
            if len(found) == 1 and better(words[n], found[0]):
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
            if not any(words_overlap(w, PixelWord("", *line.box, 1.0)) for w in read_already)
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
                    line=(FAINT_BLOCKS + number, *w.line[1:]) if w.line else (),
                )
                if not any(words_overlap(placed, other) for other in read_already):
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
                line=(REGION_BLOCKS + w.line[0], *w.line[1:]) if w.line else (),
            )
            for w in read
            for box, top, crop in zip(boxes, tops, crops, strict=True)
            if top <= (w.top + w.bottom) / 2 <= top + crop.height
        ]
        return merge_lost_text(words, placed)

    def read_other_script(
        self, image: Image.Image, latin_probe: list[PixelWord], deadline: float
    ) -> ScriptReading | None:
        """For a page whose language the Latin probe could not judge: when OSD sees Greek or Cyrillic
        script in the probe's strip and a probe with that script's model confirms it (``ocr_script``), that
        probe with the page's models among the script's installed ones; else None."""
        found = detect_orientation(self.head(image))
        models = self.script_languages.get(found.script, ()) if found is not None else ()
        if found is None or not models:
            return None
        installed = tuple(lang for lang in models if lang not in set(self._missing(models)))
        if not installed:
            return None
        probe = self.read_head(image, deadline, installed[:1])
        if mean_confidence(probe) < mean_confidence(latin_probe) + MIN_CONFIDENCE_GAIN:
            return None
        judged = page_languages((word.text for word in probe), installed) if len(installed) > 1 else None
        return ScriptReading(found.script, probe, judged or installed, installed)

    def head(self, image: Image.Image) -> Image.Image:
        """The probe's strip: the top ``probe_share`` of the page."""
        return image.crop((0, 0, image.width, max(1, round(image.height * self.probe_share))))

    def read_head(
        self, image: Image.Image, deadline: float, languages: tuple[str, ...] | None = None
    ) -> list[PixelWord]:
        """The probe: the top of the page (scaled by ``probe_scale``) read with the first language (or
        ``languages``); words come back in the page image's pixel coordinates."""
        from PIL import Image as PilImage

        head = self.head(image)
        scale = self.probe_scale
        if scale != 1.0:
            size = (max(1, round(head.width * scale)), max(1, round(head.height * scale)))
            head = head.resize(size, PilImage.Resampling.LANCZOS)
        # Table finding off for the head: Tesseract's table finder takes a letterhead beside a block of
        # invoice details for one table and reads their interleaved lines as one, garbling both.
        words = self.run(head, languages or self.languages[:1], deadline, find_tables=False)
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
        stacked, crops, tops = stacked_crops(image, [cell.box for cell in cells], zoom)
        offsets = [(float(top), float(top + crop.height)) for top, crop in zip(tops, crops, strict=True)]
        try:
            read = self.run(stacked, self.languages[:1], deadline, digits_only=True)
        except OcrError:
            return words  # the first reading stands; the extra pass is an improvement, not a need
        return merge_cells(words, cells, offsets, read, gap=STACK_GAP, zoom=zoom)

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
        words = parse_tesseract_tsv(tsv, self.min_confidence)
        # Only the automatic page analysis finds vertical text; a uniform block (psm 6) never does.
        return drop_vertical_blocks(words) if mode == 3 else words

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


def _boxes_overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


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
