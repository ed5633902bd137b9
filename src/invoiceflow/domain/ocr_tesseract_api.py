"""Tesseract in-process through its C API (``libtesseract.so.5`` via ctypes), models kept loaded.

Running the ``tesseract`` binary once per pass costs a process start, a model load and an image decode
every time (about 0.1 s of CPU each pass, three passes per scanned page): measured on the scanned twins
(``benchmarks/ocr_engines.py``), a page took 1.52 s of CPU that way and 1.10 s in-process. The C API of
the library that the binary links reads the same grey pixels with the same settings, so its words are
identical (``tests/unit/test_ocr_tesseract_api.py``); only the repeated start-up is gone. Loaded engines
are kept per set of language models and reused by later pages of the same process (a worker reads many
pages).
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import itertools
import os
import threading
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from invoiceflow.domain.errors import ErrorCode, OcrError

if TYPE_CHECKING:
    from PIL import Image

_LIBRARY_NAMES = ("libtesseract.so.5", "libtesseract.so")
_LEPTONICA_NAMES = ("liblept.so.5", "libleptonica.so.6", "liblept.so", "libleptonica.so")
_L_SEVERITY_NONE = 6  # leptonica's environ.h: no messages at all


# The variables a pass may set, with the library's defaults. Every pass sets all of them (its own value or
# the default): many are process globals shared by all engines, the others stay set on their engine, so
# a value set for one pass would otherwise stay for the next.
VARIABLE_DEFAULTS = {
    "textord_tabfind_find_tables": "1",
    "tessedit_char_whitelist": "",
    "thresholding_method": "0",
}


@dataclass(frozen=True, slots=True)
class PassConfig:
    """One pass's setup: language models, page segmentation mode and variables (``-c`` settings of the
    binary, names from ``VARIABLE_DEFAULTS``; the others keep their defaults). Engines are loaded once per
    ``languages``; mode and variables are set before every pass."""

    languages: str  # "eng" or "eng+deu"
    psm: int
    variables: tuple[tuple[str, str], ...] = ()


@cache
def _library() -> ctypes.CDLL | None:
    """The C library with the signatures we use declared, or None when it cannot be loaded or its
    OpenMP threads cannot be held to the process's limit."""
    # The library runs OpenMP loops; unbounded, their idle threads spin and burned five times the CPU of
    # one thread for the same words (measured). OpenMP reads the limit once, when it is loaded: a worker
    # scales by process, so one thread unless the operator chose otherwise.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    lib = _load()
    if lib is None or not _threads_limited():
        return None
    _silence_leptonica()
    return lib


def _silence_leptonica() -> None:
    """Leptonica (the library's image layer) prints its complaints about odd boxes straight to stderr,
    where the binary's went to a pipe nobody read; they carry nothing a caller could act on."""
    for name in _LEPTONICA_NAMES:
        try:
            leptonica = ctypes.CDLL(name, mode=os.RTLD_NOLOAD)
        except OSError:
            continue
        leptonica.setMsgSeverity.argtypes = [ctypes.c_int]
        leptonica.setMsgSeverity(_L_SEVERITY_NONE)
        return


def _load() -> ctypes.CDLL | None:
    names = [ctypes.util.find_library("tesseract"), *_LIBRARY_NAMES]
    for name in names:
        if not name:
            continue
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        try:
            _declare(lib)
        except AttributeError:  # too old a library (no TSV output or monitor deadline)
            continue
        return lib
    return None


def _threads_limited() -> bool:
    """True when OpenMP (if the library uses it) keeps to ``OMP_THREAD_LIMIT``: it is not the case when
    something else loaded OpenMP before the variable was set; passes then run the binary instead."""
    try:
        omp = ctypes.CDLL("libgomp.so.1", mode=os.RTLD_NOLOAD)
    except OSError:
        return True  # no OpenMP in this process: the library runs on the calling thread alone
    omp.omp_get_thread_limit.restype = ctypes.c_int
    try:
        wanted = int(os.environ["OMP_THREAD_LIMIT"])
    except ValueError:
        return False
    return bool(omp.omp_get_thread_limit() <= wanted)


def _declare(lib: ctypes.CDLL) -> None:
    ptr, text, num = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    signatures: dict[str, tuple[list[type], type | None]] = {
        "TessBaseAPICreate": ([], ptr),
        "TessBaseAPIDelete": ([ptr], None),
        "TessBaseAPIEnd": ([ptr], None),
        "TessBaseAPIInit3": ([ptr, text, text], num),
        "TessBaseAPISetVariable": ([ptr, text, text], num),
        "TessBaseAPISetPageSegMode": ([ptr, num], None),
        "TessBaseAPISetImage": ([ptr, text, num, num, num, num], None),
        "TessBaseAPIRecognize": ([ptr, ptr], num),
        "TessBaseAPIGetTsvText": ([ptr, num], ptr),
        "TessBaseAPIClear": ([ptr], None),
        "TessDeleteText": ([ptr], None),
        "TessBaseAPIGetAvailableLanguagesAsVector": ([ptr], ctypes.POINTER(ctypes.c_char_p)),
        "TessDeleteTextArray": ([ctypes.POINTER(ctypes.c_char_p)], None),
        "TessMonitorCreate": ([], ptr),
        "TessMonitorDelete": ([ptr], None),
        "TessMonitorSetDeadlineMSecs": ([ptr, num], None),
    }
    for name, (argtypes, restype) in signatures.items():
        function = getattr(lib, name)
        function.argtypes = argtypes
        function.restype = restype


def api_available() -> bool:
    """True when the Tesseract C library can be loaded in this process."""
    return _library() is not None


def tesseract_library() -> ctypes.CDLL | None:
    """The loaded C library (its signatures declared, OpenMP held to the process's limit), for other
    calls than recognition (``ocr_orientation``'s orientation detection); None where it cannot load."""
    return _library()


class _LoadedEngine:
    """One ``TessBaseAPI`` with one set of language models loaded."""

    def __init__(self, lib: ctypes.CDLL, languages: str) -> None:
        self._lib = lib
        self._handle: int | None = lib.TessBaseAPICreate()
        if lib.TessBaseAPIInit3(self._handle, None, languages.encode()) != 0:
            self.close()
            raise OcrError(
                f"tesseract cannot load language data {languages!r}", code=ErrorCode.OCR_UNAVAILABLE
            )
        # The library's diagnostics ("Estimating resolution as ...") would go to the worker's stderr;
        # the binary's went to a pipe nobody read.
        self._set("debug_file", "/dev/null")

    def _set(self, name: str, value: str) -> None:
        if not self._lib.TessBaseAPISetVariable(self._handle, name.encode(), value.encode()):
            raise OcrError(f"tesseract has no setting {name!r}", code=ErrorCode.OCR_FAILED)

    def read_tsv(self, image: Image.Image, config: PassConfig, timeout_s: float) -> str:
        """TSV of one recognition of an image (the binary's ``tsv`` output, page 1)."""
        lib, handle = self._lib, self._handle
        given = dict(config.variables)
        if unknown := given.keys() - VARIABLE_DEFAULTS.keys():
            raise ValueError(f"variables without a known default cannot be reset after the pass: {unknown}")
        for name, default in VARIABLE_DEFAULTS.items():
            self._set(name, given.get(name, default))
        lib.TessBaseAPISetPageSegMode(handle, config.psm)
        grey = image if image.mode == "L" else image.convert("L")
        lib.TessBaseAPISetImage(handle, grey.tobytes(), grey.width, grey.height, 1, grey.width)
        monitor = lib.TessMonitorCreate()
        try:
            lib.TessMonitorSetDeadlineMSecs(monitor, max(1, int(timeout_s * 1000)))
            if lib.TessBaseAPIRecognize(handle, monitor) != 0:
                raise OcrError(
                    f"tesseract gave up (deadline of {timeout_s:.1f} s or a recognition error)",
                    code=ErrorCode.OCR_FAILED,
                )
            address = lib.TessBaseAPIGetTsvText(handle, 0)
            if not address:
                raise OcrError("tesseract returned no text", code=ErrorCode.OCR_FAILED)
            try:
                return ctypes.string_at(address).decode("utf-8", "replace")
            finally:
                lib.TessDeleteText(address)
        finally:
            lib.TessMonitorDelete(monitor)
            lib.TessBaseAPIClear(handle)  # drop the page image and results, keep the models

    def available_languages(self) -> frozenset[str]:
        """The language models in the library's data folder (what ``tesseract --list-langs`` lists)."""
        array = self._lib.TessBaseAPIGetAvailableLanguagesAsVector(self._handle)
        if not array:
            return frozenset()
        try:
            names = itertools.takewhile(bool, (array[n] for n in itertools.count()))
            return frozenset(name.decode() for name in names)
        finally:
            self._lib.TessDeleteTextArray(array)

    def close(self) -> None:
        if self._handle is not None:
            self._lib.TessBaseAPIEnd(self._handle)
            self._lib.TessBaseAPIDelete(self._handle)
            self._handle = None


# Loaded engines a process keeps at most. Each holds its models (30-80 MB a language set: ``eng`` 30,
# the six fallback models together 76, ``ces+slk`` 26, measured as resident memory); a worker reading
# pages of many languages would otherwise keep one per language and per close pair it ever met. The six
# original languages need 7 (the probe, all six together, each alone), so those never reload.
MAX_ENGINES = 9


class EnginePool:
    """Loaded engines by language models, one pass at a time per process: the variables a pass sets are
    partly process globals, so two passes at once (threads) could see each other's. Extraction scales
    by worker process, so the lock costs no throughput there. Beyond ``max_engines`` the engine used
    least recently is freed (loading one again takes a fraction of a page's reading)."""

    def __init__(self, max_engines: int = MAX_ENGINES) -> None:
        self._lock = threading.Lock()
        self._engines: dict[str, _LoadedEngine] = {}  # least recently used first
        self.max_engines = max(1, max_engines)

    def after_fork(self) -> None:
        """A forked child keeps the loaded engines (copied memory) but gets a fresh lock: another thread
        of the parent may have held it at the fork."""
        self._lock = threading.Lock()

    def _engine(self, languages: str) -> _LoadedEngine:
        """The engine for ``languages``, loaded on first use; call with the lock held."""
        loaded = self._engines.pop(languages, None)
        if loaded is None:
            lib = _library()
            if lib is None:
                raise OcrError("the tesseract library cannot be loaded", code=ErrorCode.OCR_UNAVAILABLE)
            loaded = _LoadedEngine(lib, languages)
            while len(self._engines) >= self.max_engines:
                self._engines.pop(next(iter(self._engines))).close()
        self._engines[languages] = loaded  # now the most recently used
        return loaded

    def loaded(self) -> list[str]:
        """The language sets of the loaded engines, least recently used first."""
        with self._lock:
            return list(self._engines)

    def available_languages(self, loadable: str) -> frozenset[str]:
        """The installed language models, asked of the engine for ``loadable`` (a language expected to be
        installed; ``OcrError`` when it is not)."""
        with self._lock:
            return self._engine(loadable).available_languages()

    def read_tsv(self, image: Image.Image, config: PassConfig, timeout_s: float) -> str:
        with self._lock:
            return self._engine(config.languages).read_tsv(image, config, timeout_s)

    def close(self) -> None:
        """Free every engine (at interpreter exit: the library warns about models still loaded)."""
        with self._lock:
            for loaded in self._engines.values():
                loaded.close()
            self._engines.clear()


POOL = EnginePool()
atexit.register(POOL.close)
os.register_at_fork(after_in_child=POOL.after_fork)


def missing_languages(languages: tuple[str, ...]) -> list[str]:
    """Those of ``languages`` whose models the library does not find. Asks the engine of the first one
    that loads (the first is loaded for the probe pass anyway) instead of loading every model to check."""
    installed: frozenset[str] = frozenset()
    for language in languages:
        try:
            installed = POOL.available_languages(language)
        except OcrError:
            continue
        break
    return [lang for lang in languages if lang not in installed]


def read_tsv(image: Image.Image, config: PassConfig, timeout_s: float) -> str:
    """One recognition pass of ``image`` with the process-wide engine for ``config.languages``."""
    return POOL.read_tsv(image, config, timeout_s)
