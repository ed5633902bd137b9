"""Label vocabulary of real invoices, checked against our label tables.

invoice2data's vendor templates (MIT) hold, per field, a regex whose literal text before the capture group
is the label a real invoice prints next to the value ("Rechnungsnummer:\\s+(\\S+)", "Date d'échéance
(\\d+…)"). This dev script turns each such regex into the label text(s) it matches, runs our label matcher on
them and reports which labels we would not read as that field, or would read as another one (an order or
customer number as the invoice number, a delivery date as the issue date).

    PYTHONPATH=. python benchmarks/template_labels.py [--templates DIR] [--field invoice_number] [--all]

A label our table reads is only the first step: each label is also printed on an invented page with an
invented value beside it and, once more, under it (tests/unit/sheets.py word layouts), and the page goes
through ``extract_page``; the "end to end" figures count the values read as the template's field (for a
competing field: pages where its value is not taken for ours). Labels whose text the template cut short
("ketnummer", "mise le") or that are no label at all ("Amex €") fail both checks: the figures are a floor.

The templates are input data only: nothing of them is copied into the product.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import yaml
from tests.unit.sheets import Sheet

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.context import HEADER_KINDS, TOTAL_KINDS
from invoiceflow.domain.extraction.labels import find_labels_of_families
from invoiceflow.domain.extraction.layout import fold

# invoice2data field → the label kind our tables should give it; None: a competing field that must not be
# read as one of ours ("must_not" lists the kinds it would be mistaken for).
EXPECTED: dict[str, str] = {
    "invoice_number": "invoice_number",
    "date": "issue_date",
    "date_due": "due_date",
    "payment_term_date": "due_date",
    "amount": "gross",
    "amount_untaxed": "net",
    "amount_tax": "tax",
    "sum_amount_tax": "tax",
    "amount_TVA": "tax",
    "tax_amount": "tax",
}
COMPETING: dict[str, tuple[str, ...]] = {
    "purchase_order_id": ("invoice_number",),
    "customer_order_number": ("invoice_number",),
    "customer_order_free_ref": ("invoice_number",),
    "order_id": ("invoice_number",),
    "partner_ref": ("invoice_number",),
    "account_number": ("invoice_number",),
    "payment_reference": ("invoice_number",),
    "mandate_id": ("invoice_number",),
    "date_start": ("issue_date", "due_date"),
    "date_end": ("issue_date", "due_date"),
    "sale_date": ("issue_date", "due_date"),
    "from_date": ("issue_date", "due_date"),
    "to_date": ("issue_date", "due_date"),
    "date_invoice_start": ("issue_date", "due_date"),
    "date_invoice_end": ("issue_date", "due_date"),
}
_FAMILIES = (HEADER_KINDS, TOTAL_KINDS)
_MAX_VARIANTS = 24


def _regexes(value: Any) -> list[str]:
    """The regex strings of a template field (a string, a list, or a dict with "regex")."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    if isinstance(value, dict) and value.get("parser", "regex") == "regex":
        return _regexes(value.get("regex"))
    return []


class _Stop(Exception):
    """Raised when the walk reaches the first capture group: what came before is the label."""


def _texts(items: Any) -> list[str]:
    """The literal strings a parsed regex sequence can match (alternatives expanded, capped), whitespace
    classes and wildcards as one space, other classes as nothing; stops at the first capture group."""
    variants = [""]
    for op, arg in items:
        if op is sre_constants.SUBPATTERN and arg[0] is not None:
            raise _Stop(variants)
        parts = _piece(op, arg)
        variants = [a + b for a, b in itertools.islice(itertools.product(variants, parts), _MAX_VARIANTS)]
    return variants


def _piece(op: Any, arg: Any) -> list[str]:
    if op is sre_constants.LITERAL:
        return [chr(arg)]
    if op is sre_constants.SUBPATTERN:
        return _texts(arg[3])
    if op is sre_constants.BRANCH:
        return [t for branch in arg[1] for t in _texts(branch)][:_MAX_VARIANTS]
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        low, _, body = arg
        inner = _texts(body)
        if len(body) == 1 and body[0][0] in (sre_constants.IN, sre_constants.ANY):
            return [" "]  # "\s+", ".*", "[ :]*": a gap
        return inner if low >= 1 else ["", *inner]
    if op is sre_constants.IN:
        return [_class_letter(arg)]
    if op in (sre_constants.ANY, sre_constants.NOT_LITERAL):
        return [" "]
    return [""]  # anchors, look-arounds, back-references


def _class_letter(items: Any) -> str:
    """A class of letters only ("[Ff]", "[ée]", "[°º]") stands for its first letter: the template wrote a
    printed character two ways; a class with a range, a category or punctuation is a gap."""
    literals = [chr(arg) for op, arg in items if op is sre_constants.LITERAL]
    if literals and len(literals) == len(items) and all(c.isalpha() or c in "°º" for c in literals):
        return literals[0]
    return " "


def label_texts(regex: str) -> list[str]:
    """The label text(s) before the regex's first capture group, last line only, spaces collapsed."""
    try:
        parsed = sre_parse.parse(regex)
    except re.error:
        return []
    try:
        _texts(list(parsed))
        return []  # no capture group
    except _Stop as stop:
        variants: list[str] = stop.args[0]
    out = []
    for text in variants:
        last = [part for part in text.split("\n") if part.strip()]
        cleaned = re.sub(r"\s+", " ", last[-1]).strip() if last else ""
        if cleaned and any(c.isalpha() for c in cleaned) and cleaned not in out:
            out.append(cleaned)
    return out


@dataclass(frozen=True)
class Reading:
    template: str
    field: str
    label: str
    kind: str | None  # the kind of the label nearest the value (ending last), None when none matched


# What templates match between a label and its value that is no label word: a currency ("EUR", "€",
# "(USD)", "en euros"), a rate ("21 %"), punctuation and gaps. A colon or "#" after the label is kept.
_TRAILING_NOISE = re.compile(
    r"(?:\s*(?:\(\s*)?(?:(?:en|in)\s+)?(?:eur|euros?|usd|hkd|gbp|chf|pln|[a-z]{0,2}[$€£])(?:\s*\))?"
    r"|\s*\(?\s*\d+\s*%\s*\)?|\s*[%,.:=*()/-]+|\s+)+$",
    re.IGNORECASE,
)
# "Amount due", "Total due": the due-date label inside is skipped by the header extractor.
_AMOUNT_DUE = re.compile(r"(?:amount|balance|total|sum)\s+due\s*:?$")


def read_label(text: str) -> str | None:
    """The kind our matcher gives the label nearest the value (the one ending last in ``text``); the
    extractors read a value anywhere right of its label in the segment, so words in between are allowed.
    None when no label matched."""
    stripped = _TRAILING_NOISE.sub("", text) or text
    if stripped.count("(") > stripped.count(")"):
        stripped += ")"  # "Total (excl. VAT" after "€)" went: the parenthesis is part of the label
    if ":" in text[len(stripped) :]:
        stripped += " :"
    folded = fold(stripped)
    header, totals = find_labels_of_families(folded, _FAMILIES)
    if _AMOUNT_DUE.search(folded):
        header = [m for m in header if m.kind != "due_date"]
    best: tuple[int, int, str] | None = None
    for rank, family in ((1, header), (0, totals)):
        for match in family:
            key = (match.end, rank, match.kind)
            if best is None or key[:2] > best[:2]:
                best = key
    return None if best is None else best[2]


def load_templates(root: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(root.rglob("*")):
        if path.suffix == ".yml":
            out[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8"))
        elif path.suffix == ".json":
            out[path.stem] = json.loads(path.read_text(encoding="utf-8"))
    return out


def readings(templates: dict[str, dict[str, Any]]) -> list[Reading]:
    out = []
    for name, template in templates.items():
        if (template.get("options") or {}).get("remove_whitespace"):
            continue  # matched on text with its spaces removed: "InvoiceDate:" is no printed label
        for field, value in (template.get("fields") or {}).items():
            if field not in EXPECTED and field not in COMPETING:
                continue
            for regex in _regexes(value):
                for label in label_texts(regex):
                    out.append(Reading(name, field, label, read_label(label)))
    return out


# Invented values: an earlier decoy date (a delivery note's) that a label-less guess would take, the field's
# value, and a totals block whose item line equals the net (only the labels tell net and gross apart).
_DECOY = "Delivery note DN-5531 of 28/02/2024"
_NUMBER = "QX-40317"
_ISSUE, _DUE, _OTHER = (
    ("14/03/2024", "2024-03-14"),
    ("13/04/2024", "2024-04-13"),
    ("02/03/2024", "2024-03-02"),
)
_TOTALS = {"net": ("Subtotal", "250,00"), "tax": ("VAT 20 %", "50,00"), "gross": ("Total", "300,00")}
_CONTRACT = {"net": "totals.net", "tax": "totals.tax", "gross": "totals.gross"}


def _sheet(header: list[str], below: bool, totals: dict[str, str] | None = None) -> Sheet:
    """A vendor's name, header lines at x=330 (the last one's value under its label when ``below``), one item
    and the totals block, where ``totals`` maps a total kind to the label printed for it."""
    s = Sheet()
    s.put(40, 40, "Kestrel Bureautique", size=16)
    y = 100.0
    for n, text in enumerate(header):
        shown = text
        if below and n == len(header) - 1:
            label, _, shown = text.rpartition("\t")
            s.put(330, y, label)
            y += 14
        s.put(330, y, shown.replace("\t", " "))
        y += 14
    s.put(40, 300, "Description")
    s.put(520, 300, "Amount", right=True)
    s.put(40, 316, "Maintenance contract, March")
    s.put(520, 316, "250,00", right=True)
    if totals is not None:
        y = 360.0
        for kind, (plain, amount) in _TOTALS.items():
            s.put(300, y, totals.get(kind, plain))
            s.put(520, y, amount, right=True)
            y += 14
    return s


def end_to_end(field: str, label: str, below: bool) -> bool:
    """The template's label printed with an invented value beside it (or under it when ``below``): does
    ``extract_page`` read the value as the field (or, for a competing field, not as ours)?"""
    kind = EXPECTED.get(field)
    if kind == "invoice_number":
        got = _fields(_sheet([_DECOY, f"{label}\t{_NUMBER}"], below))
        return got.get("invoice_number") == _NUMBER
    if kind == "issue_date":
        got = _fields(_sheet([_DECOY, "Client : C-4410", f"{label}\t{_ISSUE[0]}"], below))
        return got.get("issue_date") == _ISSUE[1]
    if kind == "due_date":
        got = _fields(_sheet([f"Invoice date: {_ISSUE[0]}", f"{label}\t{_DUE[0]}"], below))
        return got.get("due_date") == _DUE[1]
    if kind in _CONTRACT:
        # All three totals: the net is found by arithmetic without its label, but a label misread as
        # another total's takes that total's value.
        got = _fields(_sheet(["Invoice No. F-2024-117", f"Date: {_ISSUE[0]}"], False, {kind: label}))
        return all(got.get(_CONTRACT[k]) == amount.replace(",", ".") for k, (_, amount) in _TOTALS.items())
    if "invoice_number" in COMPETING.get(field, ()):
        got = _fields(_sheet([f"Date: {_ISSUE[0]}", f"{label}\t{_NUMBER}"], below))
        return got.get("invoice_number") != _NUMBER
    # A competing date, then an unlabelled date: the guess must skip the competing one.
    got = _fields(_sheet([f"{label}\t{_OTHER[0]}", _ISSUE[0]], below))
    return _OTHER[1] not in (got.get("issue_date"), got.get("due_date"))


def _fields(sheet: Sheet) -> dict[str, str]:
    return {name: found.value for name, found in extract_page(sheet.page()).fields.items()}


def _marks(e2e: tuple[bool, bool]) -> str:
    """ "e2e beside/below" as two marks: ✓ read, ✗ missed."""
    return "e2e " + "/".join("ok" if hit else "MISS" for hit in e2e)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--templates", type=Path, default=Path("/tmp/i2d-templates"))
    parser.add_argument("--field", help="only this invoice2data field")
    parser.add_argument("--all", action="store_true", help="list the recognised labels too")
    args = parser.parse_args()
    if not args.templates.is_dir():
        print(f"no templates at {args.templates}", file=sys.stderr)
        return 2
    found = readings(load_templates(args.templates))
    if args.field:
        found = [r for r in found if r.field == args.field]
    by_field: dict[str, list[Reading]] = defaultdict(list)
    for r in found:
        by_field[r.field].append(r)
    total = ok = e2e_ok = 0
    for field in sorted(by_field, key=lambda f: (f not in EXPECTED, f)):
        rows = by_field[field]
        if field in EXPECTED:
            good = [r for r in rows if r.kind == EXPECTED[field]]
            bad = [r for r in rows if r.kind != EXPECTED[field]]
            head = f"{field} → {EXPECTED[field]}"
        else:
            good = [r for r in rows if r.kind not in COMPETING[field]]
            bad = [r for r in rows if r.kind in COMPETING[field]]
            head = f"{field} (must not be {'/'.join(COMPETING[field])})"
        total += len(rows)
        ok += len(good)
        e2e = {id(r): (end_to_end(r.field, r.label, False), end_to_end(r.field, r.label, True)) for r in rows}
        both = sum(1 for r in rows if all(e2e[id(r)]))
        e2e_ok += both
        print(
            f"\n== {head}: {len(good)}/{len(rows)} right ({100 * len(good) / len(rows):.1f} %); "
            f"end to end beside and below: {both}/{len(rows)}"
        )
        kinds = Counter(str(r.kind) for r in bad)
        if bad:
            print("   misread as: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
        for r in sorted(bad, key=lambda r: (str(r.kind), r.label.lower())):
            print(f"   - {r.label!r:48} read as {r.kind}  {_marks(e2e[id(r)])}  [{r.template}]")
        for r in good:
            if args.all or not all(e2e[id(r)]):
                print(f"   + {r.label!r:48} {r.kind}  {_marks(e2e[id(r)])}  [{r.template}]")
    print(f"\nall fields: {ok}/{total} labels right ({100 * ok / max(total, 1):.1f} %)")
    share = 100 * e2e_ok / max(total, 1)
    print(f"end to end: {e2e_ok}/{total} values read beside and below their label ({share:.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
