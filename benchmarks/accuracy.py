"""Field accuracy of the in-process pipeline on the synthetic corpus, and its speed beside raw pypdfium2.

    python benchmarks/accuracy.py [--corpus corpus/generated] [--regenerate] [--limit N] [--show DOC]
                                  [--fresh]

Three sets are scored separately: text-layer documents of the tuning layouts, text-layer documents of the
held-out layouts, and the scanned twins (image-only). Documents of the fresh held-out layouts (``"fresh":
true`` in index.json) belong to none of them: they are skipped unless ``--fresh`` is given, which adds the
sets "fresh held-out" (text) and "fresh scanned" (twins); only their aggregate scores are printed. Documents
of any held-out layout (older or fresh, text or twin) never appear in the worst-documents list and are
refused by ``--show``, so that nobody tunes on them by accident.

Scoring: each contract field below is one point; a field that is null in the golden is correct only
when the extractor also says null; ``tax_lines`` is one
point (equal as a multiset of (rate, base, amount)); ``line_items.count`` is one point and every golden
line item is one more point when it is found in order (the longest common subsequence of the two item
lists, items equal when description whitespace-normalised and case-insensitive, quantity, unit price and
amount are equal), so one extra or missing row costs that row, not every row after it. A diagnostic block
prints, for documents whose item count is right, how often each item attribute agrees by position.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the corpus generator lives at the repository root (dev tooling)

from invoiceflow.domain.models import AggregatedInvoice, LineItem, OcrMode  # noqa: E402

SCALAR_FIELDS = (
    "invoice_number",
    "issue_date",
    "due_date",
    "currency",
    "issuer.name",
    "issuer.vat_id",
    "issuer.iban",
    "issuer.bic",
    "recipient.name",
    "totals.net",
    "totals.tax",
    "totals.gross",
)
SETS = ("text", "held_out", "scanned")
FRESH_SETS = ("fresh", "fresh_scanned")  # scored only with --fresh
SET_TITLES = {
    "text": "text layer, tuning layouts",
    "held_out": "text layer, held-out layouts",
    "scanned": "scanned twins (OCR)",
    "fresh": "fresh held-out (text)",
    "fresh_scanned": "fresh scanned (twins)",
}

Extractor = Callable[..., AggregatedInvoice]


def load_extractor() -> Extractor:
    try:
        from invoiceflow.domain.pipeline import extract_invoice
    except ImportError as error:
        sys.exit(
            f"benchmarks/accuracy.py: cannot import invoiceflow.domain.pipeline.extract_invoice ({error}).\n"
            "The in-process pipeline is not available yet; nothing to measure."
        )
    return extract_invoice


# --- normalisation and comparison --------------------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def _compact_id(text: str) -> str:
    return re.sub(r"[\s.\-/]", "", text).upper()


def _bic(text: str) -> str:
    compact = _compact_id(text)
    return compact[:8] if compact.endswith("XXX") and len(compact) == 11 else compact


NORMALISERS: dict[str, Callable[[str], str]] = {
    "issuer.name": _words,
    "recipient.name": _words,
    "invoice_number": lambda s: s.strip(),
    "issuer.vat_id": _compact_id,
    "issuer.iban": _compact_id,
    "issuer.bic": _bic,
    "currency": lambda s: s.strip().upper(),
}


def _get(invoice: AggregatedInvoice, dotted: str) -> Any:
    value: Any = invoice
    for part in dotted.split("."):
        value = getattr(value, part)
    return value


def _same(name: str, expected: Any, got: Any) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    if isinstance(expected, Decimal):
        return bool(expected == got)
    normalise = NORMALISERS.get(name)
    if normalise is not None:
        return normalise(str(expected)) == normalise(str(got))
    return bool(expected == got)


def _tax_key(invoice: AggregatedInvoice) -> Counter[tuple[Decimal | None, Decimal | None, Decimal | None]]:
    return Counter((line.rate, line.base, line.amount) for line in invoice.tax_lines)


def _item_same(expected: LineItem, got: LineItem) -> bool:
    return (
        _words(expected.description) == _words(got.description)
        and expected.quantity == got.quantity
        and expected.unit_price == got.unit_price
        and expected.amount == got.amount
    )


@dataclass
class Score:
    doc_id: str
    set_name: str
    layout: str
    pages: int
    held_out: bool = False  # a held-out or fresh layout: scored in aggregate only
    fields: dict[str, bool] = field(default_factory=dict)  # field name -> correct
    items_correct: int = 0
    items_total: int = 0
    item_attributes: Counter[str] = field(default_factory=Counter)  # attribute -> items agreeing
    amount_misses: Counter[str] = field(default_factory=Counter)  # how a wrong line amount relates
    text_misses: Counter[str] = field(default_factory=Counter)  # "field: how" a wrong value relates
    error: str | None = None
    extract_ms: float = 0.0
    raw_ms: float = 0.0

    @property
    def correct(self) -> int:
        return sum(self.fields.values()) + self.items_correct

    @property
    def total(self) -> int:
        return len(self.fields) + self.items_total

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def score(golden: AggregatedInvoice, got: AggregatedInvoice | None, score_: Score) -> None:
    for name in SCALAR_FIELDS:
        score_.fields[name] = got is not None and _same(name, _get(golden, name), _get(got, name))
    score_.fields["tax_lines"] = got is not None and _tax_key(golden) == _tax_key(got)
    score_.fields["line_items.count"] = got is not None and len(golden.line_items) == len(got.line_items)
    score_.items_total = len(golden.line_items)
    if got is not None:
        score_.items_correct = _items_in_order(golden.line_items, got.line_items)
        if len(golden.line_items) == len(got.line_items):
            for expected, actual in zip(golden.line_items, got.line_items, strict=True):
                for attribute in ITEM_ATTRIBUTES:
                    score_.item_attributes[attribute] += _attribute_same(attribute, expected, actual)
                if expected.amount != actual.amount:
                    score_.amount_misses[amount_miss_kind(expected, actual)] += 1
                if _words(expected.description) != _words(actual.description):
                    kind = text_miss_kind(expected.description, actual.description)
                    score_.text_misses[f"description: {kind}"] += 1
        elif len(got.line_items) < len(golden.line_items):
            score_.text_misses["line_items.count: fewer items"] += 1
        else:
            score_.text_misses["line_items.count: more items"] += 1
        _record_text_misses(golden, got, score_)


def _record_text_misses(golden: AggregatedInvoice, got: AggregatedInvoice, score_: Score) -> None:
    others = {
        "recipient.name": [golden.issuer.name, golden.recipient.address, golden.issuer.address],
        "issuer.name": [golden.recipient.name, golden.issuer.address, golden.recipient.address],
        "issuer.iban": [],
    }
    for name, elsewhere in others.items():
        if not score_.fields[name]:
            kind = text_miss_kind(_get(golden, name), _get(got, name), elsewhere)
            score_.text_misses[f"{name}: {kind}"] += 1
    if not score_.fields["tax_lines"]:
        same_count = len(golden.tax_lines) == len(got.tax_lines)
        kind = "same count, values differ" if same_count else "count differs"
        score_.text_misses[f"tax_lines: {kind}"] += 1
    for name in ("totals.tax", "totals.gross"):
        if not score_.fields[name]:
            have, want = _get(got, name), _get(golden, name)
            kind = "missing" if have is None else "golden null" if want is None else "other value"
            if have is not None and have in (golden.totals.net, golden.totals.gross, golden.totals.tax):
                kind = "another total of the golden"
            score_.text_misses[f"{name}: {kind}"] += 1


def text_miss_kind(want: object, have: object, elsewhere: list[str | None] | None = None) -> str:
    """How a wrong text value relates to the golden one (aggregate-only, like ``amount_miss_kind``)."""
    if have is None or want is None:
        return "missing" if have is None else "golden null"
    expected, got = _plain_text(str(want)), _plain_text(str(have))
    if expected == got:
        return "case/punctuation only"
    if any(other and _plain_text(other) and got in _plain_text(other) for other in elsewhere or []):
        return "another field's text"
    if expected.startswith(got):
        return "cut short (a prefix)"
    if got.startswith(expected):
        added = str(have)[len(str(want)) :] if str(have).startswith(str(want)) else ""
        return f"text appended ({_size(len(added.split()))}" + (
            ", digits)" if any(ch.isdigit() for ch in added) else ")"
        )
    if expected in got:
        return "text around it"
    if got in expected:
        return "a part of it"
    return _word_relation(str(want), str(have))


def _word_relation(want: str, have: str) -> str:
    """Word-level relation of two texts that are not substrings of one another."""
    expected, got = set(_words(want).lower().split()), set(_words(have).lower().split())
    if expected <= got:
        return f"all its words, {_size(len(got - expected))} more"
    if got <= expected:
        return "some of its words only"
    if expected & got:
        return "some words shared"
    return "no word shared" + (" (has digits)" if any(ch.isdigit() for ch in have) else "")


def _size(count: int) -> str:
    return "1 word" if count == 1 else "2-3 words" if count <= 3 else "4+ words"


def _plain_text(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


ITEM_ATTRIBUTES = ("description", "quantity", "unit_price", "amount")


def amount_miss_kind(expected: LineItem, got: LineItem) -> str:
    """How a wrong line amount relates to the golden line: an aggregate-only hint at the mechanism
    (printed per set, never per document, so held-out sets can be diagnosed without being looked at)."""
    want, have = expected.amount, got.amount
    if have is None or want is None:
        return "missing" if have is None else "golden null"
    if have == -want:
        return "sign flipped"
    if abs(have - want) <= Decimal("0.02"):
        return "off by <= 2 cents"
    quantity, price = expected.quantity, expected.unit_price
    if quantity is not None and price is not None and have == (quantity * price).quantize(Decimal("0.01")):
        return "qty x price (discount lost)"
    if have in (expected.unit_price, got.unit_price):
        return "equals unit price"
    if have in (expected.quantity, got.quantity):
        return "equals quantity"
    if want and any(abs(have - want * (1 + rate / 100)) <= Decimal("0.02") for rate in _COMMON_RATES):
        return "amount incl. tax"
    if want and any(abs(have - want * rate / 100) <= Decimal("0.02") for rate in _COMMON_RATES):
        return "tax of the line"
    if want and (have * 10 == want or have * 100 == want or have == want * 10 or have == want * 100):
        return "decimal shifted"
    return "other"


_COMMON_RATES = tuple(
    Decimal(r)
    for r in ("2.5", "5", "6", "7", "8.1", "9", "10", "12", "13", "18", "19", "20", "21", "22", "25", "28")
)


def _attribute_same(attribute: str, expected: LineItem, got: LineItem) -> bool:
    if attribute == "description":
        return _words(expected.description) == _words(got.description)
    return bool(getattr(expected, attribute) == getattr(got, attribute))


def _items_in_order(expected: list[LineItem], got: list[LineItem]) -> int:
    """Length of the longest common subsequence of the two item lists."""
    previous = [0] * (len(got) + 1)
    for wanted in expected:
        current = [0]
        for index, actual in enumerate(got):
            if _item_same(wanted, actual):
                current.append(previous[index] + 1)
            else:
                current.append(max(previous[index + 1], current[index]))
        previous = current
    return previous[-1]


# --- running ------------------------------------------------------------------------------------------


def raw_text_ms(data: bytes) -> float:
    """The floor: pypdfium2 opening the document and reading every page's text, in milliseconds."""
    started = time.perf_counter()
    document = pdfium.PdfDocument(data)
    try:
        for index in range(len(document)):
            document[index].get_textpage().get_text_range()
    finally:
        document.close()
    return (time.perf_counter() - started) * 1000


def set_of(entry: dict[str, Any]) -> str:
    if entry.get("fresh"):  # fresh held-out layouts: never part of the older sets
        return "fresh_scanned" if entry["scanned"] else "fresh"
    if entry["scanned"]:
        return "scanned"
    return "held_out" if entry["held_out"] else "text"


def run_document(
    extract: Extractor, corpus: Path, entry: dict[str, Any]
) -> tuple[Score, AggregatedInvoice | None]:
    data = (corpus / entry["pdf"]).read_bytes()
    golden = AggregatedInvoice.model_validate_json((corpus / entry["golden"]).read_text())
    result = Score(
        entry["id"],
        set_of(entry),
        entry["layout"],
        int(entry["page_count"]),
        held_out=bool(entry["held_out"] or entry.get("fresh")),
    )
    got: AggregatedInvoice | None = None
    started = time.perf_counter()
    try:
        got = extract(data, filename=entry["pdf"], ocr=OcrMode.AUTO)
    except Exception as error:  # a crash scores zero for the document and is listed
        result.error = f"{type(error).__name__}: {error}"
    result.extract_ms = (time.perf_counter() - started) * 1000
    result.raw_ms = raw_text_ms(data)
    score(golden, got, result)
    return result, got


def load_index(corpus: Path, *, regenerate: bool, count: int | None, seed: int) -> list[dict[str, Any]]:
    index_path = corpus / "index.json"
    if regenerate or not index_path.exists():
        from corpus.generate import DEFAULT_COUNT, write_corpus

        print(f"generating the corpus into {corpus} ...", file=sys.stderr)
        write_corpus(corpus, count=count or DEFAULT_COUNT, seed=seed)
    documents: list[dict[str, Any]] = json.loads(index_path.read_text())["documents"]
    return documents


# --- reports ------------------------------------------------------------------------------------------


def print_accuracy(scores: list[Score], sets: tuple[str, ...] = SETS) -> None:
    names = [*SCALAR_FIELDS, "tax_lines", "line_items.count", "line_items[]"]
    by_set = {name: [s for s in scores if s.set_name == name] for name in sets}
    header = f"{'field':<18}" + "".join(f"{SET_TITLES[name][:28]:>30}" for name in sets)
    print(header)
    print("-" * len(header))

    def cell(correct: int, total: int) -> str:
        return f"{100 * correct / total:6.1f} % ({correct}/{total})" if total else "n/a"

    for name in names:
        row = f"{name:<18}"
        for set_name in sets:
            group = by_set[set_name]
            if name == "line_items[]":
                correct, total = sum(s.items_correct for s in group), sum(s.items_total for s in group)
            else:
                correct, total = sum(s.fields.get(name, False) for s in group), len(group)
            row += f"{cell(correct, total):>30}"
        print(row)
    print("-" * len(header))
    overall = f"{'OVERALL':<18}"
    header_only = f"{'overall w/o items':<18}"
    for set_name in sets:
        group = by_set[set_name]
        overall += f"{cell(sum(s.correct for s in group), sum(s.total for s in group)):>30}"
        header_only += (
            f"{cell(sum(sum(s.fields.values()) for s in group), sum(len(s.fields) for s in group)):>30}"
        )
    print(overall)
    print(header_only)
    print(f"{'documents':<18}" + "".join(f"{len(by_set[n]):>30}" for n in sets))
    print("item attributes, by position, where the item count is right:")
    for attribute in ITEM_ATTRIBUTES:
        row = f"  {attribute:<16}"
        for set_name in sets:
            counted = [s for s in by_set[set_name] if s.fields.get("line_items.count")]
            agreeing, items = (
                sum(s.item_attributes[attribute] for s in counted),
                sum(s.items_total for s in counted),
            )
            row += f"{cell(agreeing, items):>30}"
        print(row)
    print(f"{'crashed':<18}" + "".join(f"{sum(1 for s in by_set[n] if s.error):>30}" for n in sets))
    print("wrong line amounts (where the item count is right), by how they relate to the golden:")
    kinds = sorted({kind for s in scores for kind in s.amount_misses})
    for kind in kinds:
        row = f"  {kind[:28]:<28}"
        for set_name in sets:
            group = by_set[set_name]
            items = sum(s.amount_misses[kind] for s in group)
            documents = sum(1 for s in group if s.amount_misses[kind])
            row += f"{f'{items} items / {documents} docs':>20}"
        print(row)
    print("wrong text values, by how they relate to the golden (items: where the item count is right):")
    for kind in sorted({kind for s in scores for kind in s.text_misses}):
        row = f"  {kind[:44]:<44}"
        for set_name in sets:
            group = by_set[set_name]
            row += f"{sum(s.text_misses[kind] for s in group):>14}"
        print(row)


def print_speed(scores: list[Score]) -> None:
    print("\nspeed (ms/page; median over documents of each document's ms/page, in-process):")
    for title, group in (
        ("text path", [s for s in scores if not s.set_name.endswith("scanned")]),
        ("OCR path", [s for s in scores if s.set_name.endswith("scanned")]),
    ):
        if not group:
            continue
        pipeline = statistics.median(s.extract_ms / s.pages for s in group)
        raw = statistics.median(s.raw_ms / s.pages for s in group)
        pages = sum(s.pages for s in group)
        total = sum(s.extract_ms for s in group) / pages
        print(
            f"  {title:<10} pipeline {pipeline:8.1f} ms/page (mean {total:.1f}, {pages} pages)   "
            f"raw pypdfium2 text {raw:6.2f} ms/page   ratio {pipeline / raw:6.1f}x"
        )


def print_worst(scores: list[Score], count: int) -> None:
    print(f"\nworst {count} documents of the tuning layouts (held-out documents are never listed):")
    listed = [s for s in scores if not s.held_out]
    for s in sorted(listed, key=lambda s: (s.accuracy, s.doc_id))[:count]:
        wrong = [name for name, ok in s.fields.items() if not ok]
        if s.items_total and s.items_correct < s.items_total:
            wrong.append(f"items {s.items_correct}/{s.items_total}")
        detail = s.error or ", ".join(wrong)
        print(
            f"  {s.doc_id:<15} {s.set_name:<9} {s.layout:<20} {s.pages:>2}p "
            f"{100 * s.accuracy:5.1f} %  {detail}"
        )


def show(extract: Extractor, corpus: Path, entry: dict[str, Any]) -> None:
    golden = AggregatedInvoice.model_validate_json((corpus / entry["golden"]).read_text())
    result, got = run_document(extract, corpus, entry)
    print(
        f"{entry['id']}  layout={entry['layout']} set={result.set_name} pages={entry['page_count']} "
        f"accuracy={100 * result.accuracy:.1f} % ({result.extract_ms:.0f} ms)"
    )
    if result.error:
        print(f"ERROR: {result.error}")
    for name in SCALAR_FIELDS:
        mark = "ok " if result.fields[name] else "BAD"
        print(
            f"  {mark} {name:<16} expected {_get(golden, name)!s:<40} "
            f"got {_get(got, name) if got else None!s}"
        )
    mark = "ok " if result.fields["tax_lines"] else "BAD"
    print(f"  {mark} tax_lines        expected {sorted(map(str, _tax_key(golden).elements()))}")
    print(f"      {'':<16} got      {sorted(map(str, _tax_key(got).elements())) if got else None}")
    got_items = got.line_items if got else []
    print(f"  line items: expected {len(golden.line_items)}, got {len(got_items)}")
    for number in range(max(len(golden.line_items), len(got_items))):
        expected = golden.line_items[number] if number < len(golden.line_items) else None
        actual = got_items[number] if number < len(got_items) else None
        ok = expected is not None and actual is not None and _item_same(expected, actual)
        if not ok:
            print(
                f"  BAD #{number + 1}\n      expected {_item_text(expected)}\n"
                f"      got      {_item_text(actual)}"
            )


def _item_text(item: LineItem | None) -> str:
    if item is None:
        return "-"
    return f"{item.quantity} x {item.unit_price} = {item.amount} | {item.description}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "generated")
    parser.add_argument("--regenerate", action="store_true", help="write the corpus again before measuring")
    parser.add_argument("--count", type=int, default=None, help="documents to generate (with --regenerate)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, default=None, help="at most N documents per set")
    parser.add_argument(
        "--sets",
        default=None,
        help="comma-separated subset of: " + ", ".join(SETS + FRESH_SETS) + " (the last two need --fresh)",
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="also score the fresh held-out layouts (aggregates only; never tune on them)",
    )
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--show", metavar="DOC", help="print expected vs got for one document id")
    args = parser.parse_args(argv)

    extract = load_extractor()
    entries = load_index(args.corpus, regenerate=args.regenerate, count=args.count, seed=args.seed)
    if args.show:
        matches = [e for e in entries if e["id"] == args.show or e["pdf"] == args.show]
        if not matches:
            sys.exit(f"no document {args.show!r} in {args.corpus / 'index.json'}")
        if matches[0].get("fresh") or matches[0]["held_out"]:
            sys.exit(f"{args.show} belongs to a held-out set: it is never shown document by document")
        show(extract, args.corpus, matches[0])
        return 0

    sets: tuple[str, ...] = SETS + FRESH_SETS if args.fresh else SETS
    wanted = set(args.sets.split(",")) if args.sets else set(sets)
    if wanted - set(sets):
        sys.exit(f"unknown or unavailable sets {sorted(wanted - set(sets))} (fresh sets need --fresh)")
    sets = tuple(name for name in sets if name in wanted)
    chosen: list[dict[str, Any]] = []
    for set_name in sets:
        chosen += [e for e in entries if set_of(e) == set_name][: args.limit]
    if not chosen:
        sys.exit(f"no documents of the sets {', '.join(sets)} in {args.corpus / 'index.json'}")
    # Warm-up outside the measurement: lazy imports and OCR engine start-up are not per-page costs.
    warm = next((e for e in chosen if not e["scanned"]), chosen[0])
    run_document(extract, args.corpus, warm)
    if any(e["scanned"] for e in chosen):
        run_document(extract, args.corpus, next(e for e in chosen if e["scanned"]))

    scores: list[Score] = []
    started = time.perf_counter()
    for number, entry in enumerate(chosen, 1):
        result, _ = run_document(extract, args.corpus, entry)
        scores.append(result)
        print(f"\r{number}/{len(chosen)} {entry['id']:<16}", end="", file=sys.stderr, flush=True)
    print(f"\r{len(chosen)} documents in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    print_accuracy(scores, sets)
    print_speed(scores)
    print_worst(scores, args.worst)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
