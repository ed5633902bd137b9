"""Generate the synthetic invoice corpus: PDFs, golden JSON per PDF, and an index with tags.

    python -m corpus.generate --out corpus/generated [--count N] [--seed S] [--scanned K]

Every document draws from its own RNG seeded with ``(seed, index)``, so a smaller ``--count`` yields
exactly the first documents of the full corpus and the same seed yields byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import random
import string
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from stdnum.us import rtn

from corpus import styles
from corpus.identities import COUNTRIES, make_party
from corpus.layouts import (
    ADDED_LAYOUTS,
    FRESH_LAYOUTS,
    LAYOUTS_BY_ID,
    LEGACY_LAYOUT_COUNT,
    LEGACY_LAYOUTS,
    Layout,
)
from corpus.locales import LANGUAGES
from corpus.render import Doc, Flow, continuation_end, header_end, render
from corpus.scan import scanned_twin
from corpus.spec import InvoiceSpec, Item, golden_invoice, issue_and_due, make_items

# Documents 0..90 are the first corpus (7 per legacy layout), unchanged; documents from 91 on cycle over
# the layouts added after it (the current held-out set), so adding layouts never shifts older documents.
LEGACY_DOCUMENTS = 91
PER_ADDED_LAYOUT = 7
# Documents from FRESH_FIRST on cycle over the fresh held-out layouts (corpus/render_fresh.py): they come
# after every older document, so adding them moved nothing. Only ``accuracy.py --fresh`` scores them.
FRESH_FIRST = LEGACY_DOCUMENTS + PER_ADDED_LAYOUT * len(ADDED_LAYOUTS)
PER_FRESH_LAYOUT = 8
DEFAULT_COUNT = FRESH_FIRST + PER_FRESH_LAYOUT * len(FRESH_LAYOUTS)
DEFAULT_SCANNED = 24  # twins of the legacy documents
DEFAULT_SCANNED_ADDED = 2 * len(ADDED_LAYOUTS)  # twins of documents of the added layouts
DEFAULT_SCANNED_FRESH = 2 * len(FRESH_LAYOUTS)  # twins of documents of the fresh layouts
MAX_ITEMS = 5000

COUNTRIES_BY_LANGUAGE = {
    "en": ("GB", "IE", "GB", "SE", "PL", "DK"),
    "de": ("DE", "DE", "AT", "CH"),
    "fr": ("FR", "FR", "BE", "CH"),
    "es": ("ES",),
    "nl": ("NL", "NL", "BE"),
    "it": ("IT", "IT", "CH"),
}
DATE_FORMATS_BY_LANGUAGE = {
    "en": ("slash_dmy", "long", "dd_mon_yyyy", "iso"),
    "de": ("dot_dmy", "long", "iso", "dot_dmy"),
    "fr": ("slash_dmy", "long"),
    "es": ("slash_dmy", "long"),
    "nl": ("dash_dmy", "long"),
    "it": ("slash_dmy", "long"),
}
PAGE_TARGETS = (1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8, 10, 12)


@dataclass(frozen=True)
class Generated:
    spec: InvoiceSpec
    pdf: bytes
    page_count: int


def _money_style(rng: random.Random, currency: str, language: str) -> str:
    if currency in {"USD", "GBP"}:
        return "symbol_prefix"
    if currency == "CHF":
        return "code_prefix"
    if currency == "INR":
        return rng.choice(("symbol_prefix", "code_prefix"))
    if currency in {"PLN", "DKK"}:
        return "code_suffix"
    if currency == "SEK":
        return rng.choice(("code_suffix", "symbol_suffix"))
    if language == "en":
        return rng.choice(("symbol_prefix", "code_prefix"))
    return rng.choice(("symbol_suffix", "code_suffix", "symbol_suffix"))


def _invoice_number(rng: random.Random, country: str, year: int, credit: bool) -> str:
    serial = rng.randint(1, 99999)
    if country == "IN":
        return f"{'CN' if credit else 'GST'}/{year % 100}-{year % 100 + 1}/{serial:04d}"
    patterns = (
        f"{'GS' if credit else 'RE'}-{year}-{serial:05d}",
        f"{'CN' if credit else 'INV'}-{serial + 10000}",
        f"{'AV' if credit else 'F'}{year}/{serial:04d}",
        f"{rng.randint(100, 999)}{serial:06d}",
        f"{year % 100}{rng.choice(string.ascii_uppercase)}{serial:05d}",
    )
    return rng.choice(patterns)


def _choose_country(rng: random.Random, layout: Layout, language: str) -> str:
    if layout.countries:
        return rng.choice(layout.countries)
    return rng.choice(COUNTRIES_BY_LANGUAGE[language])


def build_spec(
    rng: random.Random, doc_id: str, layout: Layout, language: str, *, credit: bool
) -> InvoiceSpec:
    """Everything about one invoice except its items (added by ``fill_to_pages``)."""
    country_code = _choose_country(rng, layout, language)
    country = COUNTRIES[country_code]
    issuer = make_party(rng, country_code, language, with_bank=True)
    recipient = make_party(rng, country_code, language, with_bank=False)
    gst_split = False
    if country_code == "IN":
        gst_split = rng.random() < 0.6
        while (recipient.state == issuer.state) != gst_split:
            recipient = make_party(rng, country_code, language, with_bank=False)
    number_format = country.number_format
    if country_code not in {"IN", "US"} and rng.random() < 0.2:
        number_format = rng.choice(("dot_comma", "comma_dot", "space_comma", "apostrophe_dot"))
    if country_code == "US":
        date_format = rng.choice(("slash_mdy", "us_long"))
    elif country_code == "IN":
        date_format = rng.choice(("dd_mon_yyyy", "slash_dmy", "dot_dmy"))
    else:
        date_format = rng.choice(DATE_FORMATS_BY_LANGUAGE[language])
    payment_days = None if credit else rng.choice((14, 30, 30, 45, 60, None))
    issue, due = issue_and_due(rng, payment_days)
    extra = {"recipient_vat": "1" if rng.random() < 0.5 else ""}
    if country_code == "IN":
        extra |= {
            "bank_name": "HDFC Bank",
            "account": "".join(rng.choice("0123456789") for _ in range(14)),
            "ifsc": f"HDFC000{rng.randint(1000, 9999)}",
        }
    elif country_code == "US":
        base = f"021000{rng.randint(10, 99)}"
        routing = base + rtn.calc_check_digit(base)
        extra |= {
            "bank_name": "First National Bank",
            "routing": routing,
            "account": str(rng.randint(10**8, 10**10)),
        }
    return InvoiceSpec(
        doc_id=doc_id,
        layout=layout.id,
        language=language,
        number_format=number_format,
        date_format=date_format,
        currency=country.currency,
        money_style=_money_style(rng, country.currency, language),
        issuer=issuer,
        recipient=recipient,
        invoice_number=_invoice_number(rng, country_code, issue.year, credit),
        issue_date=issue,
        due_date=due,
        payment_days=payment_days,
        credit_note=credit,
        credit_ref=_invoice_number(rng, country_code, issue.year, False) if credit else None,
        items=[],
        customer_number=f"K{rng.randint(10000, 99999)}",
        order_ref=f"PO-{rng.randint(1000, 9999)}",
        gst_split=gst_split,
        extra=extra,
    )


def fill_to_pages(rng: random.Random, spec: InvoiceSpec, layout: Layout, pages: int) -> Flow:
    """Add items until the document (items + totals) has exactly ``pages`` pages; returns the plan."""
    country = spec.issuer.country
    rate_count = 1 if country.code == "US" else rng.randint(1, min(3, len(country.tax_rates)))
    rates = [Decimal(r) for r in country.tax_rates[:rate_count]]
    long_share = rng.choice((0.15, 0.3, 0.5))
    doc = Doc(spec, layout)
    flow = Flow(doc, header_end(doc), continuation_end(doc))
    extra_on_last = rng.randint(1, 8)
    while len(spec.items) < MAX_ITEMS:
        (item,) = make_items(
            rng,
            spec.language,
            rates,
            1,
            credit=spec.credit_note,
            long_share=long_share,
            hsn=country.code == "IN",
        )
        # Spread rates: make_items with count 1 always picks the first rate, so rotate here.
        if len(rates) > 1 and len(spec.items) % 3 == 2:
            item = Item(
                item.description,
                item.quantity,
                item.unit_price,
                rates[1 + len(spec.items) // 3 % (len(rates) - 1)],
                code=item.code,
            )
        if layout.style:
            item = styles.adapt_item(rng, spec, layout, item, len(spec.items))
        if flow.pages_if_added(item) > pages:
            break
        flow.add(len(spec.items), item)
        spec.items.append(item)
        if flow.pages_if_stop() == pages:
            extra_on_last -= 1
            if extra_on_last <= 0 and (pages > 1 or len(spec.items) >= 2):
                break
    if layout.style:
        styles.finish_items(rng, spec, layout)  # e.g. a shipping line the totals block reserves room for
    if flow.pages_if_stop() != pages:
        raise RuntimeError(f"{spec.doc_id}: could not fill {pages} pages (got {flow.pages_if_stop()})")
    return flow


def layout_for_index(index: int) -> Layout:
    if index < LEGACY_DOCUMENTS:
        return LEGACY_LAYOUTS[index % len(LEGACY_LAYOUTS)]
    if index >= FRESH_FIRST:
        return FRESH_LAYOUTS[(index - FRESH_FIRST) % len(FRESH_LAYOUTS)]
    return ADDED_LAYOUTS[(index - LEGACY_DOCUMENTS) % len(ADDED_LAYOUTS)]


def make_document(
    seed: int,
    index: int,
    *,
    pages: int | None = None,
    layout: Layout | None = None,
    language: str | None = None,
    credit: bool | None = None,
) -> Generated:
    """The ``index``-th document of the corpus for ``seed``; overrides pin layout/language/pages."""
    rng = random.Random(f"invoiceflow-corpus:{seed}:{index}")
    chosen_layout = layout or layout_for_index(index)
    is_credit = credit if credit is not None else index % 8 == 5
    if chosen_layout.fresh:  # drawn by corpus/render_fresh.py from its own content tables
        from corpus.fresh_content import make_fresh

        rotation = LANGUAGES[(index // len(FRESH_LAYOUTS)) % len(LANGUAGES)]
        spec, pdf, page_count = make_fresh(
            rng,
            f"inv-{index:04d}",
            chosen_layout,
            pages=pages,
            language=language or rotation,
            credit=is_credit,
        )
        return Generated(spec, pdf, page_count)
    if chosen_layout.countries and set(chosen_layout.countries) <= {"US", "IN"}:
        chosen_language = "en"
    elif language:
        chosen_language = language
    elif layout is None and index >= LEGACY_DOCUMENTS:
        added = index - LEGACY_DOCUMENTS
        chosen_language = LANGUAGES[(added // len(ADDED_LAYOUTS) + added) % len(LANGUAGES)]
    else:
        chosen_language = LANGUAGES[(index // LEGACY_LAYOUT_COUNT + index) % len(LANGUAGES)]
    target = pages or PAGE_TARGETS[rng.randrange(len(PAGE_TARGETS))]
    if pages is None and chosen_layout.style == "letter":
        target = min(target, 2)  # a consultant's letter runs to a page or two, not twelve
    doc_id = f"inv-{index:04d}"
    spec = build_spec(rng, doc_id, chosen_layout, chosen_language, credit=is_credit)
    if chosen_layout.style:
        styles.adapt_spec(rng, spec, chosen_layout)
    flow = fill_to_pages(rng, spec, chosen_layout, target)
    pdf = render(Doc(spec, chosen_layout), flow)
    return Generated(spec, pdf, flow.pages_if_stop())


def _json_bytes(data: object) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode()


def _twins_of_added(
    generated: list[Generated], count: int, layouts: Sequence[Layout] = ADDED_LAYOUTS
) -> list[Generated]:
    """Round-robin over ``layouts``: the first short documents of each, ``count`` in all."""
    queues = [
        [doc for doc in generated if doc.spec.layout == layout.id and doc.page_count <= 4]
        for layout in layouts
    ]
    chosen: list[Generated] = []
    while len(chosen) < count and any(queues):
        for queue in queues:
            if queue and len(chosen) < count:
                chosen.append(queue.pop(0))
    return sorted(chosen, key=lambda doc: doc.spec.doc_id)


def write_corpus(
    out: Path,
    *,
    count: int = DEFAULT_COUNT,
    seed: int = 0,
    scanned: int = DEFAULT_SCANNED,
    scanned_added: int = DEFAULT_SCANNED_ADDED,
    scanned_fresh: int = DEFAULT_SCANNED_FRESH,
    indices: Sequence[int] | None = None,
    progress: bool = False,
) -> list[dict[str, object]]:
    """Write PDFs, golden JSON and ``index.json`` into ``out``; returns the index entries.

    ``indices`` (instead of ``range(count)``) picks documents, e.g. a few legacy and a few added ones.
    """
    out.mkdir(parents=True, exist_ok=True)
    entries: list[dict[str, object]] = []
    generated: list[Generated] = []
    layouts = LAYOUTS_BY_ID
    wanted = list(indices) if indices is not None else list(range(count))
    for number, index in enumerate(wanted):
        doc = make_document(seed, index)
        generated.append(doc)
        entries.append(_write(out, doc, doc.spec.doc_id, doc.pdf, layouts[doc.spec.layout], scanned=False))
        if progress:
            print(f"\r{number + 1}/{len(wanted)} documents", end="", file=sys.stderr, flush=True)
    # Scanned twins: spread over layouts, short documents only (OCR benchmarks stay affordable). Legacy
    # documents keep the selection they always had; the added layouts get their own twins on top.
    legacy = [doc for doc in generated if int(doc.spec.doc_id[4:]) < LEGACY_DOCUMENTS]
    eligible = [doc for doc in legacy if doc.page_count <= 4]
    step = max(1, len(eligible) // scanned) if scanned else 0
    chosen = eligible[::step][:scanned] if scanned else []
    added = [doc for doc in generated if int(doc.spec.doc_id[4:]) >= LEGACY_DOCUMENTS]
    chosen += _twins_of_added(added, scanned_added)
    chosen += _twins_of_added(added, scanned_fresh, FRESH_LAYOUTS)
    for number, doc in enumerate(chosen):
        rng = random.Random(f"invoiceflow-scan:{seed}:{doc.spec.doc_id}")
        pdf, params = scanned_twin(doc.pdf, rng)
        entry = _write(out, doc, f"{doc.spec.doc_id}-scan", pdf, layouts[doc.spec.layout], scanned=True)
        entry["twin_of"] = doc.spec.doc_id
        entry["scan"] = {"dpi": params.dpi, "angle": params.angle, "blur": params.blur, "noise": params.noise}
        entries.append(entry)
        if progress:
            print(f"\r{number + 1}/{len(chosen)} scanned twins ", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)
    index_data = {"seed": seed, "generator": "corpus-1", "documents": entries}
    (out / "index.json").write_bytes(_json_bytes(index_data))
    return entries


def _write(
    out: Path, doc: Generated, stem: str, pdf: bytes, layout: Layout, *, scanned: bool
) -> dict[str, object]:
    from corpus.spec import golden_invoice as make_golden

    filename = f"{stem}.pdf"
    golden = make_golden(doc.spec, pdf, filename, doc.page_count, scanned)
    (out / filename).write_bytes(pdf)
    (out / f"{stem}.json").write_bytes(_json_bytes(golden.model_dump(mode="json")))
    spec = doc.spec
    return {
        "id": stem,
        "pdf": filename,
        "golden": f"{stem}.json",
        "layout": layout.id,
        "language": spec.language,
        "country": spec.issuer.country.code,
        "number_format": spec.number_format,
        "date_format": spec.date_format,
        "currency": spec.currency,
        "money_style": spec.money_style,
        "page_count": doc.page_count,
        "line_items": len(spec.items),
        "tax_rates": len({item.rate for item in spec.items}),
        "credit_note": spec.credit_note,
        "scanned": scanned,
        "held_out": layout.held_out,
        "fresh": layout.fresh,
    }


def summarise(entries: list[dict[str, object]]) -> str:
    """Counts per tag, for the report and the README."""
    lines = [f"documents: {len(entries)}"]
    for tag in (
        "layout",
        "language",
        "number_format",
        "date_format",
        "currency",
        "page_count",
        "credit_note",
        "scanned",
        "held_out",
        "fresh",
    ):
        counts: dict[str, int] = {}
        for entry in entries:
            key = str(entry[tag])
            counts[key] = counts.get(key, 0) + 1
        ordered = sorted(counts.items(), key=lambda kv: (len(kv[0]), kv[0]) if tag == "page_count" else kv[0])
        lines.append(f"{tag}: " + ", ".join(f"{key}={value}" for key, value in ordered))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=Path("corpus/generated"))
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="text-layer documents")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--scanned", type=int, default=DEFAULT_SCANNED, help="scanned twins of the legacy documents"
    )
    parser.add_argument(
        "--scanned-added",
        type=int,
        default=DEFAULT_SCANNED_ADDED,
        help="scanned twins of documents of the added (held-out) layouts",
    )
    parser.add_argument(
        "--scanned-fresh",
        type=int,
        default=DEFAULT_SCANNED_FRESH,
        help="scanned twins of documents of the fresh held-out layouts",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    entries = write_corpus(
        args.out,
        count=args.count,
        seed=args.seed,
        scanned=args.scanned,
        scanned_added=args.scanned_added,
        scanned_fresh=args.scanned_fresh,
        progress=True,
    )
    print(summarise(entries))
    print(f"written to {args.out} in {time.perf_counter() - started:.1f} s")
    return 0


__all__ = ["Generated", "golden_invoice", "main", "make_document", "write_corpus"]

if __name__ == "__main__":
    raise SystemExit(main())
