"""OCR speed and words on scanned pages, old and new setting side by side in one run.

Default: the scanned twins of the tuning documents in ``corpus/generated`` (``*-scan.pdf``, tagged
``scanned`` and not ``held_out`` in ``index.json``), each page read through the production path
(``ocr_loaded_page``: render at 200 dpi, recognise, scale to points) with the old setting (the binary
run once per pass, probe of the top 40 %), the same passes in-process through the C library, and the new
default (in-process, probe of the top 30 %), alternating page by page so that all see the same machine
load. Printed per setting: median and mean seconds per page of CPU (this process and its children: the
binary's passes are child processes) and of wall time, the CPU median over the old one, and how many
pages came out with the same words as the old setting. One core: ``OMP_THREAD_LIMIT=1`` is set here.

``--preprocessing``: the same pages and figures for the page-image steps instead of the backends: no
shaded-band pass and no rule cut (the old default), each alone (the band pass is the new default), and
both.

``--rereads``: the page read without and with the re-reading of the words its judged language was
unsure of with all languages (``TesseractEngine.reread_unsure_words``).

``--languages``: the page read with the six fallback models as the only candidates (the old default)
and with the further languages (``EXTRA_LANGUAGES``, where installed) as candidates too; after the
timing, each setting reads all the pages again in a fresh worker process and its peak resident memory
is printed (the models a worker keeps loaded). ``--world3 N`` adds (or, with ``--pages 0``, takes alone)
the reportlab twins of N invoices of each layout of the third world set (Polish, Czech, Slovak,
Portuguese, Nordic, Hungarian, Turkish, Romanian, Australian, Canadian: ``producer_invoices.py``).

``--figures``: the page read without and with the re-reading of the unsure figures of a page read with a
further language's model by English alone (``TesseractEngine.reread_figures``); with ``--world3 N`` the
pages it runs on are there.

``--invented N``: time scans of N invented designs with real-world looks (``invented_scans.py``:
coloured bands, boxes, cell grids) instead of the corpus twins.

``--synthetic``: the older engine comparison (Tesseract vs RapidOCR) on invoice-like pages scanned here.

Run: ``PYTHONPATH=. python benchmarks/ocr_engines.py [--pages N] [--synthetic]``
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one core, before the Tesseract library is loaded

from invoiceflow.domain.models import Word
from invoiceflow.domain.ocr import ocr_loaded_page
from invoiceflow.domain.ocr_engines import OcrEngine, RapidOcrEngine
from invoiceflow.domain.ocr_tesseract import TesseractEngine
from invoiceflow.domain.ocr_words import PixelWord
from invoiceflow.domain.pdf_render import render_page_image

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "generated"

A4 = (595.0, 842.0)
ITEMS = ["Beratung", "Lieferung", "Câble réseau", "Montaje", "Onderhoud", "Spedizione", "Software licence"]
VENDORS = ["Müller & Söhne GmbH", "Société Générale d'Éclairage", "Industrias Peña S.L.", "ACME Ltd"]


def invoice_page(seed: int) -> tuple[bytes, list[str]]:
    rng = random.Random(seed)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    lines: list[tuple[float, float, str, int]] = [
        (50, 790, rng.choice(VENDORS), 16),
        (50, 770, f"Rechnung / Invoice Nr. {rng.randint(10000, 99999)}", 11),
        (50, 755, f"Datum: {rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.2024", 10),
        (350, 755, f"USt-IdNr. DE{rng.randint(100000000, 999999999)}", 10),
    ]
    y = 700.0
    total = 0
    for i in range(rng.randint(8, 14)):
        qty, price = rng.randint(1, 20), rng.randint(100, 99999)
        total += qty * price
        lines += [
            (50, y, f"{i + 1} {rng.choice(ITEMS)}", 10),
            (330, y, str(qty), 10),
            (390, y, f"{price / 100:,.2f}".replace(",", " ").replace(".", ","), 10),
            (480, y, f"{qty * price / 100:,.2f}".replace(",", "."), 10),
        ]
        y -= 18
    lines += [(330, y - 20, f"Gesamtbetrag EUR {total / 100:,.2f}", 11)]
    lines += [(50, 80, f"IBAN DE{rng.randint(10, 99)} 3704 0044 0532 0130 00  BIC COBADEFFXXX", 9)]
    for x, ly, text, size in lines:
        c.setFont("Helvetica", size)
        c.drawString(x, ly, text)
    c.showPage()
    c.save()
    words = [w for _x, _y, text, _s in lines for w in text.split()]
    return buffer.getvalue(), words


def scan(pdf: bytes, seed: int, dpi: int = 200) -> bytes:
    """Image-only PDF of ``pdf``'s first page as a mediocre scanner would produce it."""
    rng = random.Random(seed)
    doc = pdfium.PdfDocument(pdf)
    image = render_page_image(doc[0], dpi, 40_000_000, 30).convert("L")
    doc.close()
    image = image.rotate(
        rng.uniform(-1.2, 1.2), resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False
    )
    image = image.filter(ImageFilter.GaussianBlur(0.8))
    noise = Image.effect_noise(image.size, 18)
    image = Image.blend(image, noise, 0.12)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return buffer.getvalue()


def word_accuracy(expected: list[str], found: list[str]) -> float:
    """Share of expected words recognised exactly (multiset recall)."""
    have = Counter(found)
    hits = 0
    for word in expected:
        if have[word] > 0:
            have[word] -= 1
            hits += 1
    return hits / len(expected)


def scanned_twin_pages(corpus: Path, limit: int | None) -> Iterator[tuple[str, bytes, int]]:
    """(document id, pdf, page number) of the tuning documents' scanned twins; held-out ones are skipped."""
    entries = json.loads((corpus / "index.json").read_text())["documents"]
    count = 0
    for entry in entries:
        if not entry["scanned"] or entry["held_out"]:
            continue
        pdf = (corpus / entry["pdf"]).read_bytes()
        for number in range(1, entry["page_count"] + 1):
            if limit is not None and count >= limit:
                return
            count += 1
            yield entry["id"], pdf, number


def cpu_seconds() -> float:
    """CPU time of this process and its waited-for children (the tesseract binary's passes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed_page(engine: OcrEngine, pdf: bytes, number: int) -> tuple[float, float, list[Word]]:
    """CPU seconds, wall seconds and words of one page through the production OCR path."""
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[number - 1]
        cpu, wall = cpu_seconds(), time.perf_counter()
        words = ocr_loaded_page(page, number, engine).words
        return cpu_seconds() - cpu, time.perf_counter() - wall, words
    finally:
        doc.close()


BACKENDS = {
    "old: binary per pass, probe 40 %": lambda: TesseractEngine(backend="binary", probe_share=0.4),
    "C API, models kept loaded, probe 40 %": lambda: TesseractEngine(backend="api", probe_share=0.4),
    "new default: C API, probe 30 %": TesseractEngine,
}
# --preprocessing: the page-image steps before and around the passes, each alone and together.
PREPROCESSING = {
    "old: no band pass, no rule cut": lambda: TesseractEngine(shaded_bands=False, rules_cut=False),
    "new default: shaded-band pass": TesseractEngine,
    "rule cut only (off by default)": lambda: TesseractEngine(shaded_bands=False, rules_cut=True),
    "band pass + rule cut": lambda: TesseractEngine(rules_cut=True),
}

# --languages: the candidate languages of the per-page model choice.
LANGUAGES = {
    "old: the six fallback languages only": lambda: TesseractEngine(extra_languages=()),
    "new default: + further languages": TesseractEngine,
}

# --rereads: the passes after the page reading that read parts of it again.
REREADS = {
    "old: no re-read of unsure words": lambda: TesseractEngine(
        reread_unsure=False, identifier_agreement=False
    ),
    "new default: unsure words, all languages": TesseractEngine,
}


class _WithoutFigureRereading(TesseractEngine):
    """The default engine without the English re-reading of unsure figures."""

    def reread_figures(self, image: Image.Image, words: list[PixelWord], deadline: float) -> list[PixelWord]:
        return words


# --figures: a further language's page without and with its unsure figures read again by English.
FIGURES = {
    "old: no English re-read of figures": _WithoutFigureRereading,
    "new default: figures re-read in English": TesseractEngine,
}


def invented_pages(count: int) -> list[tuple[str, bytes, int]]:
    """Scans of ``count`` invented designs with real-world looks (``invented_scans``: coloured bands,
    boxes, cell grids), as (id, pdf, page number)."""
    from benchmarks.invented_scans import make_designs, render
    from benchmarks.invented_scans import scan as scan_design

    designs = make_designs(count, 7, real_looks=True)
    return [(f"invented-{n}", scan_design(render(d), d), 1) for n, d in enumerate(designs)]


def world3_pages(per_layout: int) -> list[tuple[str, bytes, int]]:
    """The reportlab twins of ``per_layout`` invoices of each third-world-set layout, as scanned by
    ``producer_invoices.py --scanned`` (its cache), as (id, pdf, page number)."""
    from benchmarks.producer_invoices import REPORTLAB, build_world, scanned
    from corpus.producers import engines
    from corpus.producers.html_world3 import WORLD3_LAYOUTS

    pages = []
    for content, _layout, _html in build_world(list(WORLD3_LAYOUTS), per_layout, 7):
        twin = scanned(engines.reportlab_pdf(content), content.doc_id, REPORTLAB, 7)
        count = len(pdfium.PdfDocument(twin))
        pages += [(content.doc_id, twin, number) for number in range(1, count + 1)]
    return pages


def _peak_memory_mb(label: str, pages: list[tuple[str, bytes, int]]) -> float:
    """Peak resident memory (MB) of a fresh worker process that read ``pages`` with the setting
    ``label`` of ``LANGUAGES`` (run in a spawned child)."""
    engine = LANGUAGES[label]()
    for _doc_id, pdf, number in pages:
        timed_page(engine, pdf, number)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def compare_backends(
    corpus: Path,
    limit: int | None,
    *,
    preprocessing: bool = False,
    invented: int = 0,
    rereads: bool = False,
    languages: bool = False,
    world3: int = 0,
    figures: bool = False,
) -> None:
    made = LANGUAGES if languages else REREADS if rereads else PREPROCESSING if preprocessing else BACKENDS
    made = FIGURES if figures else made
    settings: dict[str, OcrEngine] = {label: make() for label, make in made.items()}
    pages = invented_pages(invented) if invented else list(scanned_twin_pages(corpus, limit))
    pages += world3_pages(world3) if world3 else []
    if not pages:
        sys.exit(f"no scanned tuning documents in {corpus / 'index.json'}")
    for label, engine in settings.items():
        if not engine.is_available():
            sys.exit(f"{label}: unavailable")
        timed_page(engine, pages[0][1], pages[0][2])  # warm-up: imports, page cache, first model load
    cpu: dict[str, list[float]] = {label: [] for label in settings}
    wall: dict[str, list[float]] = {label: [] for label in settings}
    same = dict.fromkeys(settings, 0)  # pages with the same words as the old setting
    for done, (doc_id, pdf, number) in enumerate(pages, 1):
        words: list[list[Word]] = []
        for label, engine in settings.items():
            cpu_s, wall_s, page_words = timed_page(engine, pdf, number)
            cpu[label].append(cpu_s)
            wall[label].append(wall_s)
            words.append(page_words)
            same[label] += page_words == words[0]
        print(f"\r{done}/{len(pages)} {doc_id} p{number}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    source = "invented designs with real-world looks" if invented else f"scanned tuning pages from {corpus}"
    source += f" and world3 twins ({world3} per layout)" if world3 else ""
    print(f"{len(pages)} {source}; OMP_THREAD_LIMIT={os.environ['OMP_THREAD_LIMIT']}")
    old = next(iter(settings))
    print(
        f"{'OCR s/page':40} {'CPU median':>10} {'CPU mean':>9} {'wall median':>12} {'wall mean':>10} "
        f"{'CPU/old':>8} {'same words':>11}"
    )
    for label in settings:
        ratio = statistics.median(cpu[label]) / statistics.median(cpu[old])
        print(
            f"{label:40} {statistics.median(cpu[label]):10.3f} {statistics.mean(cpu[label]):9.3f} "
            f"{statistics.median(wall[label]):12.3f} {statistics.mean(wall[label]):10.3f} "
            f"{ratio:8.2f} {same[label]:>5}/{len(pages):<5}"
        )
    if languages:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(1, maxtasksperchild=1) as workers:
            for label in settings:
                peak = workers.apply(_peak_memory_mb, (label, pages))
                print(f"{label:40} peak resident memory of a worker that read them all: {peak:.0f} MB")


def compare_engines(page_count: int, dpi: int) -> None:
    samples = []
    for seed in range(page_count):
        pdf, words = invoice_page(seed)
        samples.append((scan(pdf, seed), words))
    engines: list[OcrEngine] = [TesseractEngine(threads=1), TesseractEngine(languages=("eng",), threads=1)]
    engines.append(RapidOcrEngine(threads=1))
    labels = ["tesseract eng+deu+fra+spa+nld+ita", "tesseract eng only", "rapidocr-onnxruntime 1.4.4"]
    print(f"{page_count} scanned pages (200 dpi scan, ~1° skew, blur, noise); OCR render at {dpi} dpi")
    print(f"{'engine':36} {'word acc':>9} {'s/page (median)':>16} {'s/page (max)':>13}")
    for label, engine in zip(labels, engines, strict=True):
        if not engine.is_available():
            print(f"{label:36} unavailable")
            continue
        accuracies, seconds = [], []
        warmup = pdfium.PdfDocument(samples[0][0])  # load models / language data once, untimed
        ocr_loaded_page(warmup[0], 1, engine, dpi=dpi)
        warmup.close()
        for pdf, expected in samples:
            doc = pdfium.PdfDocument(pdf)
            start = time.perf_counter()
            page = ocr_loaded_page(doc[0], 1, engine, dpi=dpi)
            seconds.append(time.perf_counter() - start)
            doc.close()
            accuracies.append(word_accuracy(expected, [w.text for w in page.words]))
        print(
            f"{label:36} {statistics.mean(accuracies):9.1%} {statistics.median(seconds):16.2f} "
            f"{max(seconds):13.2f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=None, help="at most N pages (default: all)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--synthetic", action="store_true", help="Tesseract vs RapidOCR on pages made here")
    parser.add_argument("--dpi", type=int, default=200, help="render resolution (--synthetic)")
    parser.add_argument(
        "--preprocessing", action="store_true",
        help="compare the shaded-band pass and the rule cut (off, each alone, both) instead of backends",
    )  # fmt: skip
    parser.add_argument(
        "--invented", type=int, default=0, metavar="N",
        help="time scans of N invented designs with real-world looks instead of the corpus twins",
    )  # fmt: skip
    parser.add_argument(
        "--rereads", action="store_true",
        help="compare the re-reading of unsure words with all languages (off, on) instead of backends",
    )  # fmt: skip
    parser.add_argument(
        "--languages", action="store_true",
        help="compare the six candidate languages (old) with the further ones (new), speed and memory",
    )  # fmt: skip
    parser.add_argument(
        "--figures", action="store_true",
        help="compare the English re-reading of a further language's unsure figures (off, on)",
    )  # fmt: skip
    parser.add_argument(
        "--world3", type=int, default=0, metavar="N",
        help="add the reportlab twins of N invoices per world3 layout (--pages 0: those alone)",
    )  # fmt: skip
    args = parser.parse_args()
    if args.synthetic:
        compare_engines(args.pages or 4, args.dpi)
    else:
        compare_backends(
            args.corpus,
            args.pages,
            preprocessing=args.preprocessing,
            invented=args.invented,
            rereads=args.rereads,
            languages=args.languages,
            world3=args.world3,
            figures=args.figures,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
