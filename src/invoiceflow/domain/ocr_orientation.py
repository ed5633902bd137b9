"""Scans fed sideways or upside down, turned upright before they are read.

An office scanner or a phone app saves a page as it lay: a page fed sideways or upside down reads as
noise (nothing found, and the engine's re-reading of every unsure word took 9 s on an upside-down page
and 47 s on a sideways one). Tesseract's orientation detection (OSD, ``osd.traineddata``) tells the
turn reliably (every tuning scan in all four turns), but costs about half a second a page, a third of a
whole reading; so it runs only when two cheap measures of the page's ink (~9 ms of CPU a page) say the
page may not be upright:

- sideways: text lines leave blank pixel rows between them and hardly ever blank columns; a page turned
  by a quarter has it the other way round (``blank_share``);
- upside down: Latin capitals, digits and ascenders (b d f h k l t) rise above a line's x-height band
  far more often than descenders (g j p q y) drop below it; in a page turned over it is the other way
  round (``rise_share``: upright tuning and producer scans 0.52-0.80, turned over 0.20-0.48).

Only a turn OSD is sure of is applied; where OSD is not installed, pages are read as they come.
"""

from __future__ import annotations

import ctypes
import threading
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from invoiceflow.domain.ocr_tesseract_api import tesseract_library

# Darker than this (0-255) is ink.
INK_LEVEL = 150
# A page is suspected sideways when its share of blank pixel columns exceeds that of blank rows by this.
SIDEWAYS_MARGIN = 0.02
# Below this share of ink rising above the x-height band (rather than dropping below it) the page is
# suspected upside down.
MIN_RISE_SHARE = 0.5
# Pixel rows a line of text spans at the OCR resolution (200 dpi: 7-pt to 20-pt type); taller or
# shorter bands are rules, pictures or specks.
LINE_HEIGHTS = (8, 60)
# The line's x-height band: rows with at least this share of its densest row's ink.
CORE_SHARE = 0.6
# Lines are measured in vertical strips so that a skew of a degree does not merge them.
STRIPS = 6
# OSD's confidence (its own scale; upright pages 4-15 at 200 dpi) below which a turn is not applied.
MIN_OSD_CONFIDENCE = 2.0


@dataclass(frozen=True, slots=True)
class Orientation:
    turn: int  # degrees the image must be turned counter-clockwise (PIL ``rotate``) to stand upright
    confidence: float
    script: str = ""  # the writing system OSD sees ("Latin", "Greek", "Cyrillic", ...)
    script_confidence: float = 0.0


def upright_turn(image: Image.Image) -> int:
    """Degrees to turn ``image`` counter-clockwise so that its text stands upright: 0 unless the page
    looks turned and OSD confirms it (see the module docstring)."""
    grey = image if image.mode == "L" else image.convert("L")
    ink = np.asarray(grey, dtype=np.uint8) < INK_LEVEL
    sideways = blank_share(ink, axis=0) > blank_share(ink, axis=1) + SIDEWAYS_MARGIN
    if not sideways and rise_share(ink) >= MIN_RISE_SHARE:
        return 0
    found = detect_orientation(image)
    if found is None or found.confidence < MIN_OSD_CONFIDENCE:
        return 0
    return found.turn


def blank_share(ink: NDArray[np.bool_], axis: int) -> float:
    """Share of blank pixel rows (``axis=1``) or columns (``axis=0``) between the first and last inked
    one."""
    inked = np.flatnonzero(ink.any(axis=axis))
    if len(inked) < 2:
        return 0.0
    span = inked[-1] - inked[0] + 1
    return float(1.0 - len(inked) / span)


def rise_share(ink: NDArray[np.bool_]) -> float:
    """Of the ink of text lines outside their x-height band, the share above it (0.5 when no line
    tells)."""
    above = below = 0.0
    width = ink.shape[1]
    low, high = LINE_HEIGHTS
    for strip in range(STRIPS):
        profile = ink[:, strip * width // STRIPS : (strip + 1) * width // STRIPS].sum(axis=1)
        inked = (profile > 0).astype(np.int8)
        edges = np.flatnonzero(np.diff(np.concatenate(([0], inked, [0]))))
        for start, end in zip(edges[::2], edges[1::2], strict=True):
            if not low <= end - start <= high:
                continue
            band = profile[start:end]
            core = np.flatnonzero(band >= CORE_SHARE * band.max())
            above += float(band[: core[0]].sum())
            below += float(band[core[-1] + 1 :].sum())
    return above / (above + below) if above + below else 0.5


class _OsdEngine:
    """Tesseract's API with only the orientation model loaded, one detection at a time."""

    def __init__(self, lib: ctypes.CDLL) -> None:
        lib.TessBaseAPIDetectOrientationScript.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_float),
            ctypes.POINTER(ctypes.c_char_p),
            ctypes.POINTER(ctypes.c_float),
        ]
        lib.TessBaseAPIDetectOrientationScript.restype = ctypes.c_int
        self._lib = lib
        self._handle = lib.TessBaseAPICreate()
        self.ready = lib.TessBaseAPIInit3(self._handle, None, b"osd") == 0
        if self.ready:
            lib.TessBaseAPISetVariable(self._handle, b"debug_file", b"/dev/null")

    def detect(self, image: Image.Image) -> Orientation | None:
        lib, handle = self._lib, self._handle
        grey = image if image.mode == "L" else image.convert("L")
        lib.TessBaseAPISetImage(handle, grey.tobytes(), grey.width, grey.height, 1, grey.width)
        degrees, confidence = ctypes.c_int(), ctypes.c_float()
        script, script_confidence = ctypes.c_char_p(), ctypes.c_float()
        try:
            found = lib.TessBaseAPIDetectOrientationScript(
                handle,
                ctypes.byref(degrees),
                ctypes.byref(confidence),
                ctypes.byref(script),
                ctypes.byref(script_confidence),
            )
        finally:
            lib.TessBaseAPIClear(handle)
        if not found:
            return None
        # Tesseract reports the clockwise turn the page shows; turning it back is the same angle
        # counter-clockwise.
        return Orientation(
            turn=int(degrees.value) % 360,
            confidence=float(confidence.value),
            script=(script.value or b"").decode("ascii", "replace"),
            script_confidence=float(script_confidence.value),
        )


_lock = threading.Lock()
_osd: _OsdEngine | None = None


def detect_orientation(image: Image.Image) -> Orientation | None:
    """OSD's answer for ``image``, or None where the library or its orientation model is missing."""
    global _osd  # noqa: PLW0603 - one loaded model per process, as the recognition engines
    with _lock:
        if _osd is None:
            lib = tesseract_library()
            if lib is None:
                return None
            _osd = _OsdEngine(lib)
        if not _osd.ready:
            return None
        return _osd.detect(image)
