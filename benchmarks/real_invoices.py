"""Field accuracy on real invoices (``corpus/real``: published by other projects, expected values checked by
hand), beside the synthetic corpus's figures that ``accuracy.py`` prints.

    python benchmarks/real_invoices.py [--corpus corpus/real] [--show] [--scanned]

Only the fields an expected file lists are scored, one point each (a list of strings: any of them is
right; text compared as ``accuracy.py`` does). ``tax_lines`` is one point when listed. Every expected
line item is one point when found in order (longest common subsequence); an item matches when every
attribute it lists agrees, its description being the item's first printed line: the extracted
description must start with it (real invoices differ on whether detail lines belong to it; hyphen, dashes
and minus count as one sign, which OCR cannot tell apart).

Two sets: "tuning" documents may be studied while developing; "held-out" documents (``held_out`` in
index.json) are scored in aggregate only, so that their figure stays a measure of generalisation.
``--show`` prints, for tuning documents only, every miss (expected vs extracted). For both sets a table
counts how the text layer's misses relate to the expected values (missing, another party's name, more or
fewer tax lines or items, ...): counts only, so the held-out set can say what kind of mistake it suffers
without showing a document.

The generic extractor is what is scored. A PDF that carries an e-invoice (Factur-X / ZUGFeRD / UBL XML)
is marked ``"embedded_xml": true`` in index.json and read from its page text alone, the XML ignored: the
invoices we are judged on mostly have no XML, and the XML would make every field exact. Any other PDF
goes through ``extract_invoice`` as the CLI runs it; one whose result came from an e-invoice the entry
does not declare stops the run instead of scoring the XML.

``--scanned`` also scores an image-only twin of every document, read by OCR against the same expected
values, and prints its figures beside the text layer's. Each twin is degraded like a desk scan by
``corpus/scan.py`` with one fixed setting drawn from a seed made of the file's name (200-300 dpi, under a
degree of skew, blur, grey noise, JPEG), so it is the same on every run; twins are cached under the
system's temp directory and never written to the corpus. Held-out twins count in the aggregates only.
A document whose entry has ``no_scan_twin`` (the reason) gets no twin: its page cannot be drawn as it
reads (a broken embedded font), so its twin would measure the renderer, not OCR; the scanned heading says
how many twins were scored.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.accuracy import _get, _same, _words, text_miss_kind  # noqa: E402
from corpus.scan import ScanParams, office_scan_params, scanned_twin  # noqa: E402

from invoiceflow.domain.aggregate import aggregate  # noqa: E402
from invoiceflow.domain.extraction import extract_page  # noqa: E402
from invoiceflow.domain.models import AggregatedInvoice, DocumentInfo, LineItem, OcrMode  # noqa: E402
from invoiceflow.domain.pdf import PdfLimits, validate_pdf  # noqa: E402
from invoiceflow.domain.pipeline import extract_invoice, read_page_texts  # noqa: E402

ITEM_ATTRIBUTES = ("quantity", "unit_price", "amount")
SCAN_CACHE = Path(tempfile.gettempdir()) / "invoiceflow-real-scans"
SCAN_VERSION = 1  # bump when the twin recipe changes, so that cached twins are made again


@dataclass
class RealScore:
    pdf: str
    held_out: bool
    fields: dict[str, bool] = field(default_factory=dict)
    items_correct: int = 0
    items_total: int = 0
    misses: list[str] = field(default_factory=list)
    miss_kinds: Counter[str] = field(default_factory=Counter)


def _field_right(name: str, expected: str | list[str], got: Any) -> bool:
    accepted = expected if isinstance(expected, list) else [expected]
    for value in accepted:
        want: Any = value
        if name.startswith("totals."):
            want = Decimal(value)
        elif name.endswith("_date"):
            want = value
            got = None if got is None else got.isoformat()
        if _same(name, want, got):
            return True
    return False


# Hyphen, dashes and minus read as one sign in descriptions: OCR cannot tell an en dash from a hyphen on a
# scan of 200-300 dpi, and a description is not misread when it prints "etap 2 - ..." for "etap 2 – ...".
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))


def _description(text: str) -> str:
    return _words(text).translate(_DASHES)


def _item_right(expected: dict[str, str], got: LineItem) -> bool:
    description = expected.get("description")
    if description is not None and not _description(got.description).startswith(_description(description)):
        return False
    return all(
        attribute not in expected or getattr(got, attribute) == Decimal(expected[attribute])
        for attribute in ITEM_ATTRIBUTES
    )


def _items_in_order(expected: list[dict[str, str]], got: list[LineItem]) -> int:
    previous = [0] * (len(got) + 1)
    for wanted in expected:
        current = [0]
        for index, actual in enumerate(got):
            if _item_right(wanted, actual):
                current.append(previous[index] + 1)
            else:
                current.append(max(previous[index + 1], current[index]))
        previous = current
    return previous[-1]


def _tax_lines(lines: list[dict[str, str]]) -> Counter[tuple[Decimal | None, Decimal | None, Decimal | None]]:
    return Counter((Decimal(line["rate"]), Decimal(line["base"]), Decimal(line["amount"])) for line in lines)


def score_document(entry: dict[str, Any], got: AggregatedInvoice) -> RealScore:
    result = RealScore(entry["pdf"], bool(entry["held_out"]))
    for name, expected in entry["fields"].items():
        value = _get(got, name)
        result.fields[name] = _field_right(name, expected, value)
        if not result.fields[name]:
            result.misses.append(f"{name}: expected {expected!r}, got {value!r}")
            result.miss_kinds[f"{name}: {_miss_kind(name, expected, value, entry)}"] += 1
    if "tax_lines" in entry:
        got_lines = Counter((line.rate, line.base, line.amount) for line in got.tax_lines)
        right = _tax_lines(entry["tax_lines"]) == got_lines
        result.fields["tax_lines"] = right
        if not right:
            counts = len(entry["tax_lines"]), len(got.tax_lines)
            kind = "same count" if counts[0] == counts[1] else "fewer" if counts[1] < counts[0] else "more"
            result.miss_kinds[f"tax_lines: {kind}"] += 1
            shown = [line.model_dump(mode="json") for line in got.tax_lines]
            result.misses.append(f"tax_lines: expected {entry['tax_lines']}, got {shown}")
    expected_items: list[dict[str, str]] = entry.get("line_items", [])
    if expected_items:
        result.items_total = len(expected_items)
        result.items_correct = _items_in_order(expected_items, got.line_items)
        if result.items_correct < result.items_total:
            result.miss_kinds.update(_item_miss_kinds(expected_items, got.line_items))
            shown = [item.model_dump(mode="json") for item in got.line_items]
            result.misses.append(
                f"line_items: {result.items_correct}/{result.items_total} found; got {shown}"
            )
    return result


def _first(expected: str | list[str]) -> str:
    return expected[0] if isinstance(expected, list) else expected


def _miss_kind(name: str, expected: str | list[str], got: Any, entry: dict[str, Any]) -> str:
    """How a wrong field relates to the expected value, for the aggregate-only miss table."""
    if got is None:
        return "missing"
    if name.startswith("totals."):
        fields = entry["fields"].items()
        others = [Decimal(_first(v)) for k, v in fields if k.startswith("totals.") and k != name]
        return "another total" if got in others else "other value"
    if name.endswith("_date"):
        return "other value"
    party_names = [_first(v) for k, v in entry["fields"].items() if k.endswith(".name") and k != name]
    return text_miss_kind(_first(expected), got, party_names)


def _item_miss_kinds(expected: list[dict[str, str]], got: list[LineItem]) -> Counter[str]:
    """Item count relation, and for a right count the attributes that differ by position."""
    if len(got) != len(expected):
        return Counter({f"line_items: {'fewer' if len(got) < len(expected) else 'more'} items": 1})
    kinds: Counter[str] = Counter()
    for wanted, actual in zip(expected, got, strict=True):
        for attribute in ITEM_ATTRIBUTES:
            if attribute not in wanted or _item_right({attribute: wanted[attribute]}, actual):
                continue
            detail = ""
            if attribute == "description":
                detail = f" ({text_miss_kind(wanted[attribute], actual.description)})"
            kinds[f"line item {attribute} differs{detail}"] += 1
    return kinds


def generic_invoice(data: bytes, *, filename: str, ocr: OcrMode = OcrMode.AUTO) -> AggregatedInvoice:
    """The page pipeline alone: every page's fields merged, no whole-document extractor (embedded
    e-invoice, templates), so an e-invoice PDF is read as if it had no XML."""
    info = validate_pdf(data, PdfLimits())
    document = DocumentInfo(sha256=info.sha256, filename=filename, page_count=info.page_count)
    return aggregate(document, [extract_page(text) for text in read_page_texts(data, ocr)])


class UndeclaredEInvoiceError(ValueError):
    """A PDF was read from an embedded e-invoice although its entry does not say it carries one."""


def extract_for_scoring(
    data: bytes, entry: dict[str, Any], *, ocr: OcrMode = OcrMode.AUTO
) -> AggregatedInvoice:
    """What the generic extractor reads from ``data`` (see the module's docstring)."""
    name = entry["pdf"]
    if entry.get("embedded_xml"):
        return generic_invoice(data, filename=name, ocr=ocr)
    got = extract_invoice(data, filename=name, ocr=ocr)
    if got.extractor.method != "generic":
        raise UndeclaredEInvoiceError(
            f"{name} was read by {got.extractor.method!r}, not the generic extractor: mark it "
            '"embedded_xml": true in index.json'
        )
    return got


def has_scan_twin(entry: dict[str, Any]) -> bool:
    """Whether ``--scanned`` makes an image-only twin of this document (see the module's docstring)."""
    return "no_scan_twin" not in entry


def real_scan_params(name: str) -> tuple[ScanParams, random.Random]:
    """One fixed office-scanner setting per document, and the stream its noise is drawn from."""
    rng = random.Random(f"invoiceflow-real-scan:{SCAN_VERSION}:{name}")
    return office_scan_params(rng), rng


def real_scanned_twin(pdf: bytes, name: str) -> tuple[bytes, ScanParams]:
    """An image-only PDF of ``pdf`` (same page sizes, no text layer), degraded by ``corpus.scan``."""
    params, rng = real_scan_params(name)
    key = hashlib.sha256(pdf + f"{SCAN_VERSION}:{name}".encode()).hexdigest()[:24]
    cached = SCAN_CACHE / f"{key}.pdf"
    if cached.exists():
        return cached.read_bytes(), params
    twin, _ = scanned_twin(pdf, rng, params)
    SCAN_CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(twin)
    return twin, params


def _percent(correct: int, total: int) -> str:
    return f"{100 * correct / total:5.1f} % ({correct}/{total})" if total else "    -"


def _figures(chosen: list[RealScore]) -> dict[str, str]:
    """Overall, per field and line-item figures of one set of scores, by row name."""
    correct = sum(sum(s.fields.values()) + s.items_correct for s in chosen)
    total = sum(len(s.fields) + s.items_total for s in chosen)
    rows = {"": _percent(correct, total)}
    per_field: dict[str, list[bool]] = {}
    for s in chosen:
        for name, right in s.fields.items():
            per_field.setdefault(name, []).append(right)
    for name in sorted(per_field):
        rows[name] = _percent(sum(per_field[name]), len(per_field[name]))
    rows["line items"] = _percent(sum(s.items_correct for s in chosen), sum(s.items_total for s in chosen))
    return rows


def print_report(scores: list[RealScore], *, show: bool, scanned: list[RealScore] | None = None) -> None:
    for title, held_out in (("tuning", False), ("held-out", True)):
        chosen = [s for s in scores if s.held_out is held_out]
        if not chosen:
            continue
        text = _figures(chosen)
        scans = [s for s in scanned or [] if s.held_out is held_out]
        beside = _figures(scans) if scans else {}
        heading = f"real invoices, {title} ({len(chosen)} documents): {text['']}"
        if beside:
            heading += f"   scanned ({len(scans)} twins): {beside['']}"
        print(heading)
        for name, figure in text.items():
            if name:
                # A field only twin-less documents list has no scanned figure.
                print(
                    f"  {name:<16} {figure}" + (f"   scanned: {beside.get(name, '    -')}" if beside else "")
                )
        kinds = sum((s.miss_kinds for s in chosen), Counter[str]())
        if kinds:
            print("  how the misses relate to the expected values (counts):")
            for kind, count in sorted(kinds.items()):
                print(f"    {kind:<60} {count}")
        if show and not held_out:
            for label, shown in (("", chosen), ("scanned ", scans)):
                for s in shown:
                    for miss in s.misses:
                        print(f"    {label}{s.pdf}: {miss}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "real")
    parser.add_argument("--show", action="store_true", help="list the misses of tuning documents")
    parser.add_argument(
        "--scanned", action="store_true", help="also score image-only twins of the documents, read by OCR"
    )
    args = parser.parse_args(argv)
    index = json.loads((args.corpus / "index.json").read_text())
    scores = []
    scanned = []
    for entry in index["documents"]:
        data = (args.corpus / entry["pdf"]).read_bytes()
        scores.append(score_document(entry, extract_for_scoring(data, entry)))
        if args.scanned and has_scan_twin(entry):
            twin, _params = real_scanned_twin(data, entry["pdf"])
            scanned.append(score_document(entry, extract_for_scoring(twin, entry)))
    with_xml = sum(bool(entry.get("embedded_xml")) for entry in index["documents"])
    if with_xml:
        print(f"({with_xml} documents carry an e-invoice XML: scored from their page text, the XML ignored)")
    print_report(scores, show=args.show, scanned=scanned if args.scanned else None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
