"""The synthetic corpus: deterministic, arithmetically consistent, contract-valid, with valid identifiers."""

from __future__ import annotations

import hashlib
import re
import warnings
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from corpus import build_invoice_pdf
from corpus.generate import LEGACY_DOCUMENTS, make_document, write_corpus
from corpus.layouts import ADDED_LAYOUTS, LAYOUTS, LEGACY_LAYOUTS
from corpus.styles import DISCOUNT_STEPS
from schwifty import IBAN
from stdnum import get_cc_module
from stdnum.eu import vat as eu_vat
from stdnum.in_ import gstin
from tests.unit.corpus_support import IndexEntry, read_golden

SMALL_COUNT = 13  # one document per legacy layout
SMALL_SCANNED = 3
# ... and two per added (held-out) layout: documents from LEGACY_DOCUMENTS on cycle over those (two, so
# that every added layout has a short document to take a scanned twin of).
ADDED_INDICES = [LEGACY_DOCUMENTS + k for k in range(2 * len(ADDED_LAYOUTS))]
SMALL_SCANNED_ADDED = len(ADDED_LAYOUTS)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    write_corpus(
        out,
        indices=[*range(SMALL_COUNT), *ADDED_INDICES],
        seed=3,
        scanned=SMALL_SCANNED,
        scanned_added=SMALL_SCANNED_ADDED,
    )
    return out


def test_same_seed_gives_byte_identical_files(corpus_dir: Path, tmp_path: Path) -> None:
    write_corpus(tmp_path, count=4, seed=3, scanned=1)
    written = sorted(p.name for p in tmp_path.iterdir() if p.name != "index.json")
    assert len(written) == 10  # 5 PDFs (4 + 1 twin) + 5 golden JSON files
    for name in written:
        assert (tmp_path / name).read_bytes() == (corpus_dir / name).read_bytes(), name


def test_another_seed_gives_other_documents(tmp_path: Path, corpus_dir: Path) -> None:
    write_corpus(tmp_path, count=1, seed=4, scanned=0)
    assert (tmp_path / "inv-0000.pdf").read_bytes() != (corpus_dir / "inv-0000.pdf").read_bytes()


def test_added_layout_documents_are_deterministic(corpus_dir: Path) -> None:
    for index in ADDED_INDICES:
        assert make_document(3, index).pdf == (corpus_dir / f"inv-{index:04d}.pdf").read_bytes()


def test_held_out_set_is_the_added_layouts(corpus_index: list[IndexEntry]) -> None:
    # The first held-out layouts have been looked at by extractor work: they are tuning layouts now.
    assert not any(layout.held_out for layout in LEGACY_LAYOUTS)
    assert len(ADDED_LAYOUTS) >= 5
    assert all(layout.held_out for layout in ADDED_LAYOUTS)
    assert LAYOUTS[: len(LEGACY_LAYOUTS)] == LEGACY_LAYOUTS  # added layouts only ever go at the end
    by_id = {entry["id"]: entry for entry in corpus_index}
    for position, index_ in enumerate(ADDED_INDICES):
        assert by_id[f"inv-{index_:04d}"]["layout"] == ADDED_LAYOUTS[position % len(ADDED_LAYOUTS)].id


def test_index_covers_every_layout_and_the_tags(corpus_index: list[IndexEntry]) -> None:
    text_docs = [e for e in corpus_index if not e["scanned"]]
    assert {e["layout"] for e in text_docs} == {layout.id for layout in LAYOUTS}
    assert sum(1 for e in corpus_index if e["scanned"]) == SMALL_SCANNED + SMALL_SCANNED_ADDED
    twin_layouts = {e["layout"] for e in corpus_index if e["scanned"]}
    assert {layout.id for layout in ADDED_LAYOUTS} <= twin_layouts
    held_out_layouts = {layout.id for layout in LAYOUTS if layout.held_out}
    assert len(held_out_layouts) >= 5
    for entry in corpus_index:
        assert entry["held_out"] == (entry["layout"] in held_out_layouts)
        for tag in ("language", "number_format", "date_format", "currency", "page_count", "credit_note"):
            assert tag in entry


def test_every_golden_validates_and_matches_its_pdf(corpus_dir: Path, corpus_index: list[IndexEntry]) -> None:
    for entry in corpus_index:
        pdf = (corpus_dir / str(entry["pdf"])).read_bytes()
        golden = read_golden(corpus_dir, entry)
        assert golden.document.sha256 == hashlib.sha256(pdf).hexdigest()
        assert golden.document.filename == entry["pdf"]
        document = pdfium.PdfDocument(pdf)
        try:
            assert len(document) == golden.document.page_count == entry["page_count"]
        finally:
            document.close()


def test_golden_amounts_are_consistent(corpus_dir: Path, corpus_index: list[IndexEntry]) -> None:
    for entry in corpus_index:
        golden = read_golden(corpus_dir, entry)
        totals = golden.totals
        assert totals.net is not None
        assert totals.tax is not None
        assert totals.gross is not None
        assert golden.line_items, entry["id"]
        line_sum = Decimal(0)
        for item in golden.line_items:
            assert item.amount is not None
            line_sum += item.amount
            if item.quantity is None:  # charge lines that print no quantity print no unit price either
                assert item.unit_price is None, item
                continue
            assert item.unit_price is not None
            # Commercial rounding (half away from zero), as invoicing systems do; some layouts print a
            # line discount in percent beside the list unit price.
            expected = {
                (item.quantity * item.unit_price * (100 - discount) / 100).quantize(
                    Decimal("0.01"), rounding=ROUND_HALF_UP
                )
                for discount in DISCOUNT_STEPS
            }
            assert item.amount in expected, item
            if not entry["held_out"] or entry["layout"] not in DISCOUNT_LAYOUTS:
                assert item.amount == (item.quantity * item.unit_price).quantize(
                    Decimal("0.01"), rounding=ROUND_HALF_UP
                ), item
        assert line_sum == totals.net
        assert sum((line.amount or Decimal(0) for line in golden.tax_lines), Decimal(0)) == totals.tax
        assert totals.net + totals.tax == totals.gross
        for line in golden.tax_lines:
            assert line.rate is not None
            assert line.base is not None
            assert line.amount is not None
            assert abs(line.base * line.rate / 100 - line.amount) <= Decimal("0.005")
        if entry["credit_note"]:
            assert totals.gross < 0
        else:
            assert totals.gross > 0
        if golden.due_date is not None:
            assert golden.issue_date is not None
            assert golden.due_date > golden.issue_date


DISCOUNT_LAYOUTS = {"grid_header_discount", "landscape_wide"}


def _vat_is_valid(vat_id: str) -> bool:
    if vat_id.startswith("CHE"):
        return bool(get_cc_module("ch", "vat").is_valid(vat_id))
    if vat_id.startswith("GB"):
        return bool(get_cc_module("gb", "vat").is_valid(vat_id[2:]))
    if vat_id[:2].isdigit():
        return bool(gstin.is_valid(vat_id))
    return bool(eu_vat.is_valid(vat_id))


def test_vat_ids_and_ibans_carry_valid_check_digits(corpus_dir: Path, corpus_index: list[IndexEntry]) -> None:
    checked_vat, checked_iban = 0, 0
    for entry in corpus_index:
        golden = read_golden(corpus_dir, entry)
        for vat_id in (golden.issuer.vat_id, golden.recipient.vat_id):
            if vat_id is not None:
                assert _vat_is_valid(vat_id), vat_id
                checked_vat += 1
        if golden.issuer.iban is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                iban = IBAN(golden.issuer.iban)
            assert golden.issuer.bic is not None
            assert golden.issuer.bic[:4].isalpha()
            assert golden.issuer.bic[4:6] == iban.country_code or iban.country_code in {"CH"}
            checked_iban += 1
    assert checked_vat >= SMALL_COUNT
    assert checked_iban >= SMALL_COUNT // 2


def test_a_broken_iban_is_rejected_by_the_same_check() -> None:
    # Guards the test above against a check that accepts anything.
    with pytest.raises(ValueError, match=r"(?i)checksum|invalid"):
        IBAN("DE89370400440532013001")
    assert not eu_vat.is_valid("DE136695977")


def test_scanned_twins_have_no_text_layer(corpus_dir: Path, corpus_index: list[IndexEntry]) -> None:
    twins = [e for e in corpus_index if e["scanned"]]
    assert twins
    for entry in twins:
        document = pdfium.PdfDocument((corpus_dir / str(entry["pdf"])).read_bytes())
        try:
            for page in document:
                assert page.get_textpage().get_text_range().strip() == ""
        finally:
            document.close()
        original = pdfium.PdfDocument((corpus_dir / f"{entry['twin_of']}.pdf").read_bytes())
        try:
            assert "".join(p.get_textpage().get_text_range() for p in original).strip() != ""
        finally:
            original.close()


def test_text_layer_shows_the_golden_facts(corpus_dir: Path, corpus_index: list[IndexEntry]) -> None:
    for entry in (e for e in corpus_index if not e["scanned"]):
        golden = read_golden(corpus_dir, entry)
        document = pdfium.PdfDocument((corpus_dir / str(entry["pdf"])).read_bytes())
        try:
            text = "\n".join(page.get_textpage().get_text_range() for page in document)
        finally:
            document.close()
        assert golden.invoice_number is not None
        assert golden.invoice_number in text
        assert golden.issuer.name is not None
        assert golden.issuer.name in text
        assert golden.recipient.name is not None
        assert golden.recipient.name in text
        # The golden holds only what the page prints: identifiers appear (spacing aside) in the text layer.
        compact = re.sub(r"[\s.\-]", "", text)
        for identifier in (
            golden.issuer.vat_id,
            golden.recipient.vat_id,
            golden.issuer.iban,
            golden.issuer.bic,
        ):
            if identifier is not None:
                assert identifier in compact, (entry["id"], identifier)
        for item in golden.line_items:
            assert item.description.split()[0] in text, (entry["id"], item.description)


def test_added_layouts_golden_follows_what_the_page_prints(
    corpus_dir: Path, corpus_index: list[IndexEntry]
) -> None:
    seen = set()
    for entry in (e for e in corpus_index if not e["scanned"] and e["held_out"]):
        golden = read_golden(corpus_dir, entry)
        seen.add(entry["layout"])
        if entry["layout"] == "marketplace_order":  # paid by card: no bank data, no due date
            assert golden.issuer.iban is None
            assert golden.issuer.bic is None
            assert golden.due_date is None
        if entry["layout"] == "utility_statement":  # charge lines: amounts only
            assert all(item.quantity is None and item.unit_price is None for item in golden.line_items)
        if entry["layout"] == "india_b2b_lines":
            assert golden.currency == "INR"
            assert golden.recipient.vat_id is not None  # B2B tax invoices print the buyer's GSTIN
        if entry["layout"] == "us_boxed_service":
            assert golden.currency == "USD"
            assert golden.issuer.vat_id is None
            assert len(golden.tax_lines) == 1
    assert seen == {layout.id for layout in ADDED_LAYOUTS}


def test_build_invoice_pdf_gives_the_requested_page_count() -> None:
    pdf, golden = build_invoice_pdf(pages=20, seed=5)
    document = pdfium.PdfDocument(pdf)
    try:
        assert len(document) == 20 == golden.document.page_count
    finally:
        document.close()
    assert build_invoice_pdf(pages=20, seed=5)[0] == pdf
