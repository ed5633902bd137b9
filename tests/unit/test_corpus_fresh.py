"""The fresh held-out layouts: deterministic, contract-valid goldens that hold what the page prints, kept
out of the older benchmark sets."""

from __future__ import annotations

import hashlib
import re
import warnings
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from benchmarks.accuracy import FRESH_SETS, SETS, set_of
from corpus.generate import DEFAULT_COUNT, FRESH_FIRST, layout_for_index, make_document, write_corpus
from corpus.layouts import ADDED_LAYOUTS, FRESH_LAYOUTS, LAYOUTS, LAYOUTS_BY_ID
from corpus.locales import format_number
from schwifty import IBAN
from stdnum import get_cc_module
from stdnum.eu import vat as eu_vat
from stdnum.no import mva
from tests.unit.corpus_support import IndexEntry, read_golden

SEED = 7
INDICES = [FRESH_FIRST + k for k in range(2 * len(FRESH_LAYOUTS))]  # two documents per fresh layout
FRESH_IDS = {layout.id for layout in FRESH_LAYOUTS}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fresh")
    write_corpus(out, indices=INDICES, seed=SEED, scanned=0, scanned_added=0, scanned_fresh=3)
    return out


def _text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_fresh_layouts_come_after_every_older_document() -> None:
    assert len(FRESH_LAYOUTS) >= 5
    assert FRESH_IDS.isdisjoint(layout.id for layout in LAYOUTS)  # distinct from all 20 older layouts
    assert all(layout.fresh and layout.held_out for layout in FRESH_LAYOUTS)
    assert not any(layout.fresh for layout in LAYOUTS)
    assert 91 + 7 * len(ADDED_LAYOUTS) == FRESH_FIRST  # the 140 older documents keep their numbers
    assert {layout_for_index(i).id for i in range(FRESH_FIRST)} == {layout.id for layout in LAYOUTS}
    assert [layout_for_index(i) for i in INDICES[: len(FRESH_LAYOUTS)]] == list(FRESH_LAYOUTS)
    assert DEFAULT_COUNT > FRESH_FIRST
    assert all(LAYOUTS_BY_ID[layout.id] is layout for layout in FRESH_LAYOUTS)


def test_fresh_documents_are_deterministic(corpus_dir: Path) -> None:
    for index in INDICES[: len(FRESH_LAYOUTS)]:
        assert make_document(SEED, index).pdf == (corpus_dir / f"inv-{index:04d}.pdf").read_bytes()
    assert make_document(SEED + 1, INDICES[0]).pdf != (corpus_dir / f"inv-{INDICES[0]:04d}.pdf").read_bytes()


def test_index_tags_fresh_documents_and_their_twins(corpus_index: list[IndexEntry]) -> None:
    text = [e for e in corpus_index if not e["scanned"]]
    twins = [e for e in corpus_index if e["scanned"]]
    assert {e["layout"] for e in text} == FRESH_IDS
    assert len(twins) == 3
    for entry in corpus_index:
        assert entry["fresh"] is True
        assert entry["held_out"] is True  # covered by the held-out reading rule as well
    # The benchmark puts them in their own sets, never in the older text/held-out/scanned ones.
    assert {set_of(e) for e in text} == {"fresh"}
    assert {set_of(e) for e in twins} == {"fresh_scanned"}
    assert set(FRESH_SETS).isdisjoint(SETS)


def test_goldens_validate_and_match_their_pdfs(corpus_dir: Path, corpus_index: list[IndexEntry]) -> None:
    for entry in corpus_index:
        pdf = (corpus_dir / str(entry["pdf"])).read_bytes()
        golden = read_golden(corpus_dir, entry)
        assert golden.document.sha256 == hashlib.sha256(pdf).hexdigest()
        document = pdfium.PdfDocument(pdf)
        try:
            assert len(document) == golden.document.page_count == entry["page_count"]
        finally:
            document.close()
        if entry["layout"] == "wholesale_codes_multipage":
            assert int(str(entry["page_count"])) >= 3  # many short lines spilling over pages


def test_golden_arithmetic(corpus_dir: Path, corpus_index: list[IndexEntry]) -> None:
    for entry in corpus_index:
        golden = read_golden(corpus_dir, entry)
        net, tax, gross = golden.totals.net, golden.totals.tax, golden.totals.gross
        assert net is not None
        assert tax is not None
        assert gross is not None
        assert golden.line_items
        for item in golden.line_items:
            assert item.amount is not None
            if item.quantity is not None and item.unit_price is not None:
                expected = (item.quantity * item.unit_price).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                assert item.amount == expected, item
        assert sum((item.amount or Decimal(0) for item in golden.line_items), Decimal(0)) == net
        assert sum((line.amount or Decimal(0) for line in golden.tax_lines), Decimal(0)) == tax
        assert net + tax == gross
        for line in golden.tax_lines:
            assert line.rate is not None
            assert line.base is not None
            assert line.amount is not None
            assert abs(line.base * line.rate / 100 - line.amount) <= Decimal("0.005")
        assert (gross < 0) == bool(entry["credit_note"])


def _vat_is_valid(vat_id: str) -> bool:
    if vat_id.startswith("NO"):
        return bool(mva.is_valid(vat_id))
    if vat_id.startswith("CHE"):
        return bool(get_cc_module("ch", "vat").is_valid(vat_id))
    if vat_id.startswith("GB"):
        return bool(get_cc_module("gb", "vat").is_valid(vat_id[2:]))
    return bool(eu_vat.is_valid(vat_id))


def test_identifiers_carry_valid_check_digits(corpus_dir: Path, corpus_index: list[IndexEntry]) -> None:
    checked = 0
    for entry in corpus_index:
        golden = read_golden(corpus_dir, entry)
        for vat_id in (golden.issuer.vat_id, golden.recipient.vat_id):
            if vat_id is not None:
                assert _vat_is_valid(vat_id), vat_id
                checked += 1
        if golden.issuer.iban is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                IBAN(golden.issuer.iban)
            assert golden.issuer.bic is not None
    assert checked >= len(FRESH_LAYOUTS)
    assert not mva.is_valid("NO995525829MVA")  # the check used above rejects a wrong check digit


def test_text_layer_prints_every_golden_fact(corpus_dir: Path, corpus_index: list[IndexEntry]) -> None:
    for entry in (e for e in corpus_index if not e["scanned"]):
        golden = read_golden(corpus_dir, entry)
        text = _text((corpus_dir / str(entry["pdf"])).read_bytes())
        compact = re.sub(r"[\s.\-]", "", text)
        for value in (golden.invoice_number, golden.issuer.name, golden.recipient.name):
            assert value is not None
            assert value in text, (entry["id"], value)
        for identifier in (
            golden.issuer.vat_id,
            golden.recipient.vat_id,
            golden.issuer.iban,
            golden.issuer.bic,
        ):
            if identifier is not None:
                assert identifier in compact, (entry["id"], identifier)
        number_format = str(entry["number_format"])
        for amount in (golden.totals.net, golden.totals.gross):
            assert amount is not None
            assert format_number(amount, number_format) in text, (entry["id"], amount)
        for item in golden.line_items:
            assert " ".join(item.description.split()[:2]) in " ".join(text.split()), (entry["id"], item)


def test_goldens_follow_what_each_kind_prints(corpus_dir: Path, corpus_index: list[IndexEntry]) -> None:
    for entry in (e for e in corpus_index if not e["scanned"]):
        golden = read_golden(corpus_dir, entry)
        text = _text((corpus_dir / str(entry["pdf"])).read_bytes())
        layout = entry["layout"]
        if layout == "hotel_folio_uk":  # dated charge lines print an amount only
            assert all(i.quantity is None and i.unit_price is None for i in golden.line_items)
            if "Balance\n" in text or "Paid in full" in text:
                assert golden.issuer.iban is None
                assert golden.due_date is None
        if layout == "handwerker_lohnanteil_de" and golden.issuer.vat_id is None:
            assert "USt-IdNr. DE" not in text
            assert "Steuer-Nr." in text
        if layout == "saas_amount_due_us":
            assert golden.currency == "USD"
            assert golden.issuer.vat_id is None
            assert len(golden.tax_lines) == 1
        if layout == "nordic_einvoice_slip":
            assert golden.currency in {"SEK", "DKK", "NOK"}
        if layout == "fattura_riepilogo_it":
            assert golden.recipient.vat_id is not None  # the buyer's P.IVA is always printed
        if layout == "facture_mentions_fr":
            assert "SIRET" in text
            assert golden.currency == "EUR"
