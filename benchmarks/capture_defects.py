"""Field accuracy on scans with the defects of real captures, beside the plain office scan of the same page.

    python benchmarks/capture_defects.py [--count 8] [--seed 5] [--only upside_down,askew] [--src DIR]

Each source is a one-page tuning invoice of ``corpus/generated`` (text layer; never a held-out or fresh
document), rendered at 200 dpi and degraded like an office scan (``corpus.scan.degrade``), then given
one defect at a time, drawn from a seeded stream:

- ``plain``: the office scan alone (the reference);
- ``stamped``: a line of real text over the image (a scanner app's watermark, a received stamp);
- ``upside_down``: fed turned over;
- ``sideways``: fed on its side (90 or 270 degrees);
- ``askew``: lying 3-8 degrees askew (a photo, a sheet fed crooked);
- ``shadow``: lit unevenly, one corner at 45-65 % of full light;
- ``photo``: askew by 3-5 degrees and lit unevenly;
- ``desk``: photographed on a dark desk (the sheet at ~85 % of the frame, askew by 2-5 degrees).

Every variant goes through ``extract_document`` and is scored as ``accuracy.py`` scores (fields and line
items). Prints accuracy and median seconds per page per defect. ``--src`` runs another checkout's
``src`` (e.g. ``git archive <rev> src | tar -x -C /tmp/old``) to show a change's effect.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "generated"
DPI = 200
DEFECTS = ("plain", "stamped", "upside_down", "sideways", "askew", "shadow", "photo", "desk")
STAMPS = (
    "Scanned with OfficeScan Pro",
    "Eingegangen 14.02.2026 - Buchhaltung",
    "RECEIVED 2026-02-14 accounts payable",
    "Fax: +33 1 40 00 00 00   14/02/2026 09:12   P.001/001",
)
Defect = Callable[[Image.Image, random.Random], tuple[Image.Image, str | None]]


def _shadow(page: Image.Image, rng: random.Random, darkest: float | None = None) -> Image.Image:
    """Light falling off linearly towards one corner, which gets ``darkest`` of full light."""
    low = darkest if darkest is not None else rng.uniform(0.45, 0.65)
    pixels = np.asarray(page.convert("L"), dtype=np.float32)
    height, width = pixels.shape
    rows, columns = np.mgrid[0:height, 0:width]
    across = columns / width if rng.random() < 0.5 else 1 - columns / width
    down = rows / height if rng.random() < 0.5 else 1 - rows / height
    light = 1.0 - (1.0 - low) * (across + down) / 2
    return Image.fromarray(np.clip(pixels * light, 0, 255).astype(np.uint8))


def _askew(page: Image.Image, rng: random.Random, low: float, high: float) -> Image.Image:
    angle = rng.uniform(low, high) * rng.choice((-1, 1))
    return page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def _on_desk(page: Image.Image, rng: random.Random) -> Image.Image:
    desk = Image.new("L", (round(page.width * 1.2), round(page.height * 1.15)), rng.randint(30, 90))
    sheet = page.rotate(rng.uniform(2.0, 5.0) * rng.choice((-1, 1)), expand=True, fillcolor=255)
    desk.paste(sheet, ((desk.width - sheet.width) // 2, (desk.height - sheet.height) // 2))
    return desk.resize(page.size, Image.Resampling.LANCZOS)


DEFECT_MAKERS: dict[str, Defect] = {
    "plain": lambda page, _rng: (page, None),
    "stamped": lambda page, rng: (page, rng.choice(STAMPS)),
    "upside_down": lambda page, _rng: (page.rotate(180), None),
    "sideways": lambda page, rng: (page.rotate(rng.choice((90, 270)), expand=True), None),
    "askew": lambda page, rng: (_askew(page, rng, 3.0, 8.0), None),
    "shadow": lambda page, rng: (_shadow(page, rng), None),
    "photo": lambda page, rng: (_shadow(_askew(page, rng, 3.0, 5.0), rng), None),
    "desk": lambda page, rng: (_on_desk(page, rng), None),
}


def image_pdf(image: Image.Image, stamp: str | None) -> bytes:
    """A one-page image PDF at the page's size, with ``stamp`` written over it as real text."""
    width, height = image.width * 72 / DPI, image.height * 72 / DPI
    jpeg = io.BytesIO()
    image.convert("L").save(jpeg, format="JPEG", quality=75)
    jpeg.seek(0)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=1)
    canvas.drawImage(ImageReader(jpeg), 0, 0, width=width, height=height)
    if stamp is not None:
        canvas.setFont("Helvetica", 7)
        canvas.drawString(24, 12, stamp)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def sources(count: int) -> list[dict[str, object]]:
    documents = json.loads((CORPUS / "index.json").read_text())["documents"]
    usable = [
        d
        for d in documents
        if not d["scanned"] and not d["held_out"] and not d.get("fresh") and d["page_count"] == 1
    ]
    # Spread over layouts and languages rather than the first few of one.
    usable.sort(key=lambda d: (str(d["layout"]), str(d["language"]), str(d["id"])))
    step = max(1, len(usable) // count)
    return usable[::step][:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=8, help="source invoices (default 8)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--only", default="", help="comma-separated defects (default: all)")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the invoiceflow source to measure")
    args = parser.parse_args(argv)
    defects = [d for d in args.only.split(",") if d] or list(DEFECTS)
    if unknown := set(defects) - set(DEFECTS):
        parser.error(f"unknown defects: {', '.join(sorted(unknown))} (known: {', '.join(DEFECTS)})")

    sys.path.insert(0, str(args.src.resolve()))
    sys.path.insert(1, str(ROOT))
    sys.path.insert(2, str(ROOT / "benchmarks"))
    # invoiceflow first: ``accuracy`` puts this checkout's src first on the path when it is imported.
    from corpus.scan import degrade, office_scan_params

    from accuracy import Score, score
    from invoiceflow.domain.models import AggregatedInvoice
    from invoiceflow.domain.pipeline import extract_document

    results: dict[str, list[Score]] = {d: [] for d in defects}
    seconds: dict[str, list[float]] = {d: [] for d in defects}
    for entry in sources(args.count):
        golden = AggregatedInvoice.model_validate_json((CORPUS / str(entry["golden"])).read_text())
        page = pdfium.PdfDocument(CORPUS / str(entry["pdf"]))[0].render(scale=DPI / 72).to_pil()
        for defect in defects:
            rng = random.Random(f"capture:{args.seed}:{entry['id']}:{defect}")
            scanned = degrade(page, rng, office_scan_params(rng)).convert("L")
            image, stamp = DEFECT_MAKERS[defect](scanned, rng)
            pdf = image_pdf(image, stamp)
            began = time.perf_counter()
            invoices = extract_document(pdf, filename=f"{entry['id']}-{defect}.pdf")
            seconds[defect].append(time.perf_counter() - began)
            result = Score(doc_id=str(entry["id"]), set_name=defect, layout=str(entry["layout"]), pages=1)
            score(golden, invoices[0] if invoices else None, result)
            results[defect].append(result)
        print(f"  {entry['id']} ({entry['layout']}, {entry['language']}) done", file=sys.stderr)

    print(f"{len(results[defects[0]])} one-page tuning invoices, office-scanned, one defect at a time")
    print(f"  {'defect':<12} {'accuracy':>9} {'right/all':>11} {'s/page':>7}")
    for defect in defects:
        correct = sum(s.correct for s in results[defect])
        total = sum(s.total for s in results[defect])
        share = correct / total if total else 0.0
        print(
            f"  {defect:<12} {100 * share:>8.1f}% {f'{correct}/{total}':>11} "
            f"{statistics.median(seconds[defect]):>7.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
