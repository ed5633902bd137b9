"""OCR engines compared on the same synthetic scanned invoice pages: word accuracy and seconds/page.

Scans are made here: an invoice-like reportlab page rendered at 200 dpi, rotated ~1°, blurred, with
noise, wrapped as an image-only PDF. Both engines then go through the production path
(``ocr_loaded_page``: render at 300 dpi, recognise, scale to points) with one thread each.

Run: ``OMP_THREAD_LIMIT=1 python benchmarks/ocr_engines.py [--pages N]``
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import time
from collections import Counter

import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from invoiceflow.domain.ocr import ocr_loaded_page
from invoiceflow.domain.ocr_engines import OcrEngine, RapidOcrEngine, TesseractEngine
from invoiceflow.domain.pdf_render import render_page_image

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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=4)
    parser.add_argument("--dpi", type=int, default=200)
    args = parser.parse_args()
    samples = []
    for seed in range(args.pages):
        pdf, words = invoice_page(seed)
        samples.append((scan(pdf, seed), words))
    engines: list[OcrEngine] = [TesseractEngine(threads=1), TesseractEngine(languages=("eng",), threads=1)]
    engines.append(RapidOcrEngine(threads=1))
    labels = ["tesseract eng+deu+fra+spa+nld+ita", "tesseract eng only", "rapidocr-onnxruntime 1.4.4"]
    print(f"{args.pages} scanned pages (200 dpi scan, ~1° skew, blur, noise); OCR render at {args.dpi} dpi")
    print(f"{'engine':36} {'word acc':>9} {'s/page (median)':>16} {'s/page (max)':>13}")
    for label, engine in zip(labels, engines, strict=True):
        if not engine.is_available():
            print(f"{label:36} unavailable")
            continue
        accuracies, seconds = [], []
        warmup = pdfium.PdfDocument(samples[0][0])  # load models / language data once, untimed
        ocr_loaded_page(warmup[0], 1, engine, dpi=args.dpi)
        warmup.close()
        for pdf, expected in samples:
            doc = pdfium.PdfDocument(pdf)
            start = time.perf_counter()
            page = ocr_loaded_page(doc[0], 1, engine, dpi=args.dpi)
            seconds.append(time.perf_counter() - start)
            doc.close()
            accuracies.append(word_accuracy(expected, [w.text for w in page.words]))
        print(
            f"{label:36} {statistics.mean(accuracies):9.1%} {statistics.median(seconds):16.2f} "
            f"{max(seconds):13.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
