"""Field accuracy on invented invoices written as HTML and printed by the PDF engines real invoices come
from (wkhtmltopdf, headless Chromium, LibreOffice, WeasyPrint), beside the same content drawn by reportlab.

    python benchmarks/producer_invoices.py [--count 24] [--seed 7] [--engines chromium,wkhtmltopdf]
                                           [--layouts classic|world|all|LAYOUT,...] [--per-layout 6]
                                           [--show ENGINE] [--dump DIR] [--scanned] [--no-ocr-cache]

Content, layouts and languages are our own (``corpus/producers``): 4 layouts × 6 languages by default
(``--layouts classic``, the documents measured from the start), with varied number, date and money
formats. ``--layouts world`` measures the world layouts instead (window-envelope letter, US bill/ship
to, Indian GST invoice, ERP letterhead on every page, marketplace/SaaS receipt, credit note, brand logo
with the legal name in the footer, upper-case names with one-line addresses), ``--per-layout`` documents
each with their own names (people, legal forms of many countries, "&", accents, attention, department
and c/o lines); ``all`` measures both. ``--layouts world2`` measures the second world set (party and tax
conventions), ``--layouts world3`` the third (Polish, Czech, Slovak, Portuguese, Nordic, Hungarian,
Turkish, Romanian, Australian and Canadian invoices with their national identifiers and formats),
``--layouts world4`` the fourth (Croatian, Slovenian, Serbian, Estonian, Latvian, Lithuanian, Greek and
Bulgarian: Latin, Greek and Cyrillic scripts), ``--layouts world5`` the fifth (party conventions of real
invoices: brands and legal names, unlabelled customers, Seller / Buyer grids, national VAT id forms).
With more than one layout a table of names right per layout follows. Every document is scored with
``benchmarks/real_invoices.py``'s field scoring (one point a field, tax lines one point, line items in
order). Engines not installed are skipped; rendered PDFs are cached under the temp directory.

Text-layer diagnostics per engine compare the words our reader produces (``text_and_string_of_page``)
with the words of the HTML's visible text: exact matches, *glued* reader words (two source words read as
one), *split* source words (one word read as several), and the rest.
``--show ENGINE`` lists the misses of that engine; ``--dump DIR`` writes its PDFs there for study.

``--scanned`` scores image-only twins instead: every engine's PDF is degraded like an office scan by
``corpus.scan.scanned_twin`` with ``office_scan_params`` (200-300 dpi, under a degree of skew, blur, noise,
JPEG), drawn from a stream seeded by ``--seed``, the document and the engine, so a twin is the same on every
run; the twin is read by OCR and scored against the same golden. Twins and their OCR words are cached under
the temp directory, the words keyed on the OCR modules' source (``domain/ocr*.py``) so that a change there
reads them again (``--no-ocr-cache`` always does); extraction after OCR always runs. The word diagnostics
are skipped (OCR words are not the text layer's).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import pickle
import random
import sys
import tempfile
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.real_invoices import RealScore, _figures, score_document  # noqa: E402
from corpus.producers import engines  # noqa: E402
from corpus.producers.content import (  # noqa: E402
    LANGUAGES,
    WORLD_LAYOUT_LANGUAGES,
    Content,
    make_content,
    make_world_content,
)
from corpus.producers.content_world3 import WORLD3_LAYOUT_LANGUAGES, make_world3_content  # noqa: E402
from corpus.producers.content_world4 import WORLD4_LAYOUT_LANGUAGES, make_world4_content  # noqa: E402
from corpus.producers.content_world5 import WORLD5_LAYOUT_LANGUAGES, make_world5_content  # noqa: E402
from corpus.producers.html import LAYOUTS, WORLD2_LAYOUTS, WORLD_LAYOUTS, invoice_html  # noqa: E402
from corpus.producers.html_world3 import WORLD3_LAYOUTS, WORLD3_RENDERERS  # noqa: E402
from corpus.producers.html_world4 import WORLD4_LAYOUTS, WORLD4_RENDERERS  # noqa: E402
from corpus.producers.html_world5 import WORLD5_LAYOUTS, WORLD5_RENDERERS  # noqa: E402
from corpus.scan import office_scan_params, scanned_twin  # noqa: E402

from invoiceflow.domain.aggregate import aggregate  # noqa: E402
from invoiceflow.domain.extraction import extract_page  # noqa: E402
from invoiceflow.domain.models import AggregatedInvoice, DocumentInfo, PageText  # noqa: E402
from invoiceflow.domain.pdf import PdfLimits, validate_pdf  # noqa: E402
from invoiceflow.domain.pdf_document import load_page, opened  # noqa: E402
from invoiceflow.domain.pdf_text import text_and_string_of_page  # noqa: E402
from invoiceflow.domain.pipeline import extract_invoice, read_page_texts  # noqa: E402

REPORTLAB = "reportlab"
SCAN_CACHE = Path(tempfile.gettempdir()) / "invoiceflow-producer-scans"
SCAN_VERSION = 1  # bump when the twin recipe changes


@functools.cache
def _ocr_source_key() -> str:
    """A digest of the OCR modules' source as this process loaded them: cached OCR words are read again
    when OCR changes."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "invoiceflow" / "domain").glob("ocr*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def scanned(pdf: bytes, doc_id: str, engine: str, seed: int) -> bytes:
    """The image-only twin of one engine's PDF: an office scan drawn from a stream of (seed, doc, engine)."""
    key = hashlib.sha256(pdf + f"{SCAN_VERSION}:{seed}:{doc_id}:{engine}".encode()).hexdigest()[:24]
    cached = SCAN_CACHE / f"{key}.pdf"
    if cached.exists():
        return cached.read_bytes()
    rng = random.Random(f"invoiceflow-producer-scan:{SCAN_VERSION}:{seed}:{doc_id}:{engine}")
    twin, _ = scanned_twin(pdf, rng, office_scan_params(rng))
    SCAN_CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(twin)
    return twin


def ocr_pages(twin: bytes, use_cache: bool) -> list[PageText]:
    """The twin's pages read by OCR (as ``extract_invoice`` reads them), cached per OCR source."""
    key = hashlib.sha256(twin + _ocr_source_key().encode()).hexdigest()[:24]
    cached = SCAN_CACHE / f"{key}.words"
    if use_cache and cached.exists():
        pages: list[PageText] = pickle.loads(cached.read_bytes())
        return pages
    pages = read_page_texts(twin)
    SCAN_CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pickle.dumps(pages))
    return pages


def extract_scanned(twin: bytes, doc_id: str, use_cache: bool) -> AggregatedInvoice:
    """The page pipeline on the twin's OCR words: what ``extract_invoice`` returns for a PDF without
    text layer or e-invoice (its document-level extractors find nothing in an image)."""
    info = validate_pdf(twin, PdfLimits())
    document = DocumentInfo(sha256=info.sha256, filename=doc_id, page_count=info.page_count)
    return aggregate(document, [extract_page(text) for text in ocr_pages(twin, use_cache)])


class _VisibleText(HTMLParser):
    """The words a browser shows along the lines (no title, no style sheet, no rotated element: the
    reader drops rotated text on purpose). Rotated elements are ``div`` without nested ``div``."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self._skip = 0
        self._rotated = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "title", "script"):
            self._skip += 1
        if tag == "div" and ("data-rotated", "1") in attrs:
            self._rotated = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title", "script"):
            self._skip -= 1
        if tag == "div":
            self._rotated = False

    def handle_data(self, data: str) -> None:
        if not self._skip and not self._rotated:
            self.words += data.split()


def source_words(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    return [w.casefold() for w in parser.words]


def reader_words(pdf: bytes) -> list[str]:
    words: list[str] = []
    with opened(pdf) as doc:
        for number in range(1, len(doc) + 1):
            page = load_page(doc, number)
            try:
                words += [w.text.casefold() for w in text_and_string_of_page(page, number)[0].words]
            finally:
                page.close()
    return words


def _concatenation(word: str, pieces: set[str], depth: int = 4) -> bool:
    """Whether ``word`` is two or more of ``pieces`` written without a space."""

    def split(rest: str, left: int) -> bool:
        if not rest:
            return True
        if left == 0:
            return False
        return any(rest.startswith(p) and split(rest[len(p) :], left - 1) for p in pieces if p)

    return any(word.startswith(p) and p != word and split(word[len(p) :], depth - 1) for p in pieces if p)


def diagnose(source: list[str], read: list[str]) -> Counter[str]:
    """Counts: source words, exact, glued (reader words made of several source words), split (source
    words the reader cut into pieces), other missing and other extra words."""
    want, have = Counter(source), Counter(read)
    missing, extra = want - have, have - want
    counts: Counter[str] = Counter(source=sum(want.values()), exact=sum((want & have).values()))
    source_set = set(source)
    extra_set = set(extra)
    for word, n in extra.items():
        counts["glued" if _concatenation(word, source_set) else "extra"] += n
    for word, n in missing.items():
        counts["split" if _concatenation(word, extra_set) else "missing"] += n
    return counts


def build(count: int, seed: int) -> list[tuple[Content, str, str]]:
    """(content, layout, html) for ``count`` documents cycling through languages and layouts."""
    rng = random.Random(seed)
    docs = []
    for i in range(count):
        language = LANGUAGES[i % len(LANGUAGES)]
        layout = LAYOUTS[(i // len(LANGUAGES) + i) % len(LAYOUTS)]
        content = make_content(f"p{i:03d}-{language}-{layout}", language, rng)
        docs.append((content, layout, invoice_html(content, layout)))
    return docs


def build_world(layouts: list[str], per_layout: int, seed: int) -> list[tuple[Content, str, str]]:
    """(content, layout, html): ``per_layout`` documents of each world layout, cycling through its
    languages. Each layout draws from its own random stream, so that choosing layouts changes no document."""
    docs = []
    for layout in layouts:
        rng = random.Random(f"{seed}:{layout}")
        languages = (
            WORLD5_LAYOUT_LANGUAGES.get(layout)
            or WORLD4_LAYOUT_LANGUAGES.get(layout)
            or WORLD3_LAYOUT_LANGUAGES.get(layout)
            or WORLD_LAYOUT_LANGUAGES[layout]
        )
        for i in range(per_layout):
            language = languages[i % len(languages)]
            doc_id = f"w{i:03d}-{language}-{layout}"
            if layout in WORLD5_RENDERERS:  # the fifth: party conventions of real invoices
                content = make_world5_content(doc_id, layout, language, rng)
                docs.append((content, layout, WORLD5_RENDERERS[layout](content)))
                continue
            if layout in WORLD4_RENDERERS:  # the fourth: South-East European, Baltic, Greek, Bulgarian
                content = make_world4_content(doc_id, layout, language, rng)
                docs.append((content, layout, WORLD4_RENDERERS[layout](content)))
                continue
            if layout in WORLD3_RENDERERS:  # the third world set: its own content and renderers
                content = make_world3_content(doc_id, layout, language, rng)
                docs.append((content, layout, WORLD3_RENDERERS[layout](content)))
                continue
            content = make_world_content(doc_id, layout, language, rng)
            docs.append((content, layout, invoice_html(content, layout)))
    return docs


def run(
    docs: list[tuple[Content, str, str]],
    engine: str,
    dump: Path | None,
    scan_seed: int | None = None,
    use_cache: bool = True,
) -> tuple[list[RealScore], Counter[str], float]:
    """Scores of every document printed by ``engine``, the text-layer word diagnostics and the CPU seconds
    of extraction; with ``scan_seed`` the scanned twins are scored instead (OCR time included)."""
    scores: list[RealScore] = []
    diagnostics: Counter[str] = Counter()
    seconds = 0.0
    for content, _layout, html in docs:
        pdf = engines.reportlab_pdf(content) if engine == REPORTLAB else engines.render(engine, html)
        if dump is not None:
            dump.mkdir(parents=True, exist_ok=True)
            (dump / f"{content.doc_id}-{engine}.pdf").write_bytes(pdf)
        entry = content.expected()
        if scan_seed is not None:
            twin = scanned(pdf, content.doc_id, engine, scan_seed)
            if dump is not None:
                (dump / f"{content.doc_id}-{engine}-scan.pdf").write_bytes(twin)
            started = time.perf_counter()
            got = extract_scanned(twin, content.doc_id, use_cache)
            seconds += time.perf_counter() - started
            score = score_document(entry, got)
            score.pdf = f"{content.doc_id}-{engine}"
            scores.append(score)
            continue
        started = time.process_time()
        got = extract_invoice(pdf, filename=content.doc_id)
        seconds += time.process_time() - started
        scores.append(score_document(entry, got))
        if engine != REPORTLAB:  # the reportlab twin has another layout: its words differ from the HTML's
            diagnostics += diagnose(source_words(html), reader_words(pdf))
    return scores, diagnostics, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=24)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--engines", default="", help="comma-separated subset of the installed engines")
    parser.add_argument(
        "--layouts",
        default="classic",
        help="'classic' (the first four layouts, --count documents), 'world' (the world layouts, "
        "--per-layout documents each), 'all', or a comma-separated list of world layouts (and 'classic')",
    )
    parser.add_argument("--per-layout", type=int, default=6, help="documents per world layout")
    parser.add_argument("--show", default="", help="list these engines' misses (comma-separated, or 'all')")
    parser.add_argument("--dump", type=Path, help="write the PDFs into this directory")
    parser.add_argument("--scanned", action="store_true", help="score OCR of image-only twins instead")
    parser.add_argument("--no-ocr-cache", action="store_true", help="with --scanned: OCR every twin again")
    parser.add_argument(
        "--no-reportlab", action="store_true", help="skip the reportlab drawing of the same content"
    )
    args = parser.parse_args(argv)
    installed = engines.available()
    chosen = [e for e in args.engines.split(",") if e] or installed
    missing = [e for e in chosen if e not in installed]
    if missing:
        print(f"not installed (skipped): {', '.join(missing)}")
    chosen = [e for e in chosen if e in installed] + ([] if args.no_reportlab else [REPORTLAB])
    world = (
        []
        if args.layouts == "classic"
        else [*WORLD_LAYOUTS]
        if args.layouts in ("world", "all")
        else [*WORLD2_LAYOUTS]  # the second world set (issue #4: party and tax conventions)
        if args.layouts == "world2"
        else [*WORLD3_LAYOUTS]  # the third: languages and national conventions beyond the six
        if args.layouts == "world3"
        else [*WORLD4_LAYOUTS]  # the fourth: Croatian to Bulgarian, Latin, Greek and Cyrillic scripts
        if args.layouts == "world4"
        else [*WORLD5_LAYOUTS]  # the fifth: party conventions of real invoices (names, VAT ids)
        if args.layouts == "world5"
        else [name for name in args.layouts.split(",") if name and name != "classic"]
    )
    known = (*WORLD_LAYOUTS, *WORLD2_LAYOUTS, *WORLD3_LAYOUTS, *WORLD4_LAYOUTS, *WORLD5_LAYOUTS)
    unknown = [name for name in world if name not in known]
    if unknown:
        parser.error(f"unknown world layouts: {', '.join(unknown)} (known: {', '.join(WORLD_LAYOUTS)})")
    with_classic = args.layouts in ("classic", "all") or "classic" in args.layouts.split(",")
    docs = build(args.count, args.seed) if with_classic else []
    docs += build_world(world, args.per_layout, args.seed)
    scan_seed = args.seed if args.scanned else None
    _ocr_source_key()  # the OCR source as loaded now, before anyone edits it during the run
    results = {engine: run(docs, engine, args.dump, scan_seed, not args.no_ocr_cache) for engine in chosen}
    figures = {engine: _figures(scores) for engine, (scores, _d, _s) in results.items()}
    names = list(figures[chosen[0]])
    layouts = sorted({layout for _c, layout, _h in docs})
    kind = "scanned twins of " if args.scanned else ""
    print(f"{kind}{len(docs)} invented invoices (layouts: {', '.join(layouts)}), per engine:")
    print(f"{'field':<16}" + "".join(f"{engine:>24}" for engine in chosen))
    for name in names:
        label = name or "OVERALL"
        print(f"{label:<16}" + "".join(f"{figures[e].get(name, '-'):>24}" for e in chosen))
    print(f"{'ms/doc extract':<16}" + "".join(f"{1000 * results[e][2] / len(docs):>24.1f}" for e in chosen))
    if not args.scanned:
        print("\ntext-layer words vs the HTML's visible words (casefolded multiset):")
        print(f"{'engine':<14}{'source':>8}{'exact':>8}{'glued':>8}{'split':>8}{'missing':>9}{'extra':>8}")
    for engine in chosen if not args.scanned else []:
        d = results[engine][1]
        if engine == REPORTLAB:
            continue
        print(
            f"{engine:<14}{d['source']:>8}{d['exact']:>8}{d['glued']:>8}{d['split']:>8}{d['missing']:>9}{d['extra']:>8}"
        )
    if len(layouts) > 1:
        print("\nnames right per layout (issuer / recipient), per engine:")
        print(f"{'layout':<16}" + "".join(f"{engine:>24}" for engine in chosen))
        for layout in layouts:
            cells = []
            for engine in chosen:
                scored = [
                    s for (_c, lay, _h), s in zip(docs, results[engine][0], strict=True) if lay == layout
                ]
                issuer = sum(s.fields.get("issuer.name", False) for s in scored)
                recipient = sum(s.fields.get("recipient.name", False) for s in scored)
                cells.append(f"{issuer}/{recipient} of {len(scored)}")
            print(f"{layout:<16}" + "".join(f"{cell:>24}" for cell in cells))
    shown = chosen if args.show == "all" else [e for e in args.show.split(",") if e in results]
    for engine in shown:
        for s in results[engine][0]:
            for miss in s.misses:
                print(f"  {s.pdf}: {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
