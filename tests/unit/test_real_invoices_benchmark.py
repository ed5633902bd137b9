"""The real-invoice benchmark's scoring rules and its expected-values file."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from benchmarks.real_invoices import (
    RealScore,
    UndeclaredEInvoiceError,
    extract_for_scoring,
    generic_invoice,
    has_scan_twin,
    print_report,
    score_document,
)
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from invoiceflow.domain.models import (
    AggregatedInvoice,
    DocumentInfo,
    ExtractorInfo,
    Issuer,
    LineItem,
    OcrMode,
    Totals,
)
from invoiceflow.domain.pipeline import extract_invoice

REAL = Path(__file__).resolve().parents[2] / "corpus" / "real"
# A tuning document (may be read while developing) that carries a Factur-X XML.
TUNING_EINVOICE = "Facture_FR_EN16931.pdf"


def _invoice(**fields: object) -> AggregatedInvoice:
    return AggregatedInvoice(
        document=DocumentInfo(sha256="0" * 64, filename="x.pdf", page_count=1),
        extractor=ExtractorInfo(method="generic", version="test"),
        **fields,  # type: ignore[arg-type]
    )


def test_any_listed_reading_is_right_and_unlisted_fields_are_not_scored() -> None:
    entry = {
        "pdf": "x.pdf",
        "held_out": False,
        "fields": {"issuer.name": ["Acme Holding Ltd", "Acme"], "issue_date": "2024-03-01"},
    }
    got = _invoice(issuer=Issuer(name="ACME"), issue_date=date(2024, 3, 1), invoice_number="whatever")

    result = score_document(entry, got)

    assert result.fields == {"issuer.name": True, "issue_date": True}


def test_item_description_is_a_prefix_and_only_listed_attributes_count() -> None:
    entry = {
        "pdf": "x.pdf",
        "held_out": False,
        "fields": {},
        "line_items": [
            {"description": "Widget", "amount": "2.00"},
            {"description": "Gadget", "quantity": "3", "amount": "9.00"},
        ],
    }
    got = _invoice(
        line_items=[
            LineItem(description="Widget blue, 2 m", quantity=Decimal(5), amount=Decimal("2.00")),
            LineItem(description="Gadget", quantity=Decimal(2), amount=Decimal("9.00")),
        ]
    )

    result = score_document(entry, got)

    assert (result.items_correct, result.items_total) == (1, 2)


def test_totals_compare_as_decimals() -> None:
    entry = {"pdf": "x.pdf", "held_out": True, "fields": {"totals.gross": "34.70"}}

    assert score_document(entry, _invoice(totals=Totals(gross=Decimal("34.7")))).fields["totals.gross"]
    assert not score_document(entry, _invoice(totals=Totals(gross=Decimal("34.73")))).fields["totals.gross"]


def test_every_listed_document_is_a_readable_pdf_with_a_known_set() -> None:
    index = json.loads((REAL / "index.json").read_text())
    listed = {entry["pdf"] for entry in index["documents"]}

    assert listed == {path.name for path in REAL.glob("*.pdf")}
    for entry in index["documents"]:
        assert isinstance(entry["held_out"], bool)
        assert len(pdfium.PdfDocument(REAL / entry["pdf"])) >= 1


def _attachment_names(pdf: Path) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [document.get_attachment(index).get_name() for index in range(document.count_attachments())]
    finally:
        document.close()


def test_embedded_xml_marks_exactly_the_pdfs_that_attach_an_xml() -> None:
    index = json.loads((REAL / "index.json").read_text())

    for entry in index["documents"]:
        attaches_xml = any(name.lower().endswith(".xml") for name in _attachment_names(REAL / entry["pdf"]))
        assert bool(entry.get("embedded_xml")) is attaches_xml, entry["pdf"]


def test_a_wrapped_photo_embeds_the_published_jpeg_unchanged_and_nothing_else() -> None:
    index = json.loads((REAL / "index.json").read_text())
    wrapped = [entry for entry in index["documents"] if "photo_sha256" in entry]

    assert wrapped
    for entry in wrapped:
        document = pdfium.PdfDocument(REAL / entry["pdf"])
        try:
            assert len(document) == 1
            (image,) = list(document[0].get_objects())
            assert isinstance(image, pdfium.PdfImage)
            stream = bytes(image.get_data(decode_simple=False))
        finally:
            document.close()
        assert hashlib.sha256(stream).hexdigest() == entry["photo_sha256"], entry["pdf"]


def test_an_einvoice_pdf_is_scored_from_its_page_text_not_its_xml() -> None:
    data = (REAL / TUNING_EINVOICE).read_bytes()
    entry = {"pdf": TUNING_EINVOICE, "held_out": False, "fields": {}, "embedded_xml": True}

    # The full pipeline reads the XML; the benchmark must not.
    assert extract_invoice(data, filename=TUNING_EINVOICE).extractor.method == "facturx"
    assert extract_for_scoring(data, entry, ocr=OcrMode.NEVER).extractor.method == "generic"


def test_an_einvoice_the_entry_does_not_declare_stops_the_run() -> None:
    data = (REAL / TUNING_EINVOICE).read_bytes()

    with pytest.raises(UndeclaredEInvoiceError, match="embedded_xml"):
        extract_for_scoring(data, {"pdf": TUNING_EINVOICE, "held_out": False, "fields": {}})


def test_a_pdf_without_xml_reads_the_same_through_both_paths() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for y, line in enumerate(
        ("Invoice No. FV/77/2031", "Invoice date: 2031-04-09", "Total due: 1,230.00 EUR")
    ):
        canvas.drawString(72, 760 - 20 * y, line)
    canvas.save()
    data = buffer.getvalue()

    declared = extract_for_scoring(data, {"pdf": "x.pdf", "held_out": False, "fields": {}}, ocr=OcrMode.NEVER)
    generic = generic_invoice(data, filename="x.pdf", ocr=OcrMode.NEVER)

    assert declared.extractor.method == generic.extractor.method == "generic"
    assert generic.invoice_number == "FV/77/2031"
    assert declared.invoice_number == generic.invoice_number
    assert declared.issue_date == generic.issue_date
    assert declared.totals == generic.totals


def test_only_an_entry_that_gives_a_reason_goes_without_a_scanned_twin() -> None:
    index = json.loads((REAL / "index.json").read_text())
    without = [entry for entry in index["documents"] if not has_scan_twin(entry)]

    assert has_scan_twin({"pdf": "x.pdf", "held_out": False, "fields": {}})
    assert not has_scan_twin({"pdf": "x.pdf", "held_out": False, "fields": {}, "no_scan_twin": "broken font"})
    assert all(isinstance(entry["no_scan_twin"], str) and entry["no_scan_twin"] for entry in without)


def test_a_field_only_twinless_documents_list_prints_without_a_scanned_figure(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with_twin = RealScore("a.pdf", held_out=False, fields={"issue_date": True})
    without_twin = RealScore("b.pdf", held_out=False, fields={"issue_date": False, "tax_lines": True})
    twin = RealScore("a.pdf", held_out=False, fields={"issue_date": False})

    print_report([with_twin, without_twin], show=False, scanned=[twin])

    lines = capsys.readouterr().out.splitlines()
    assert "(2 documents):  66.7 % (2/3)" in lines[0]
    assert "scanned (1 twins):   0.0 % (0/1)" in lines[0]
    assert [line.split()[0] for line in lines[1:]] == ["issue_date", "tax_lines", "line"]
    assert lines[2].endswith("scanned:     -")


def test_misses_are_counted_by_how_they_relate_to_the_expected_values() -> None:
    entry = {
        "pdf": "x.pdf",
        "held_out": True,
        "fields": {"issuer.name": "Acme Ltd", "recipient.name": "Bolt GmbH", "totals.net": "10.00"},
        "tax_lines": [{"rate": "20", "base": "10.00", "amount": "2.00"}],
        "line_items": [
            {"description": "Widget", "amount": "2.00"},
            {"description": "Gadget", "amount": "8.00"},
        ],
    }
    got = _invoice(
        issuer=Issuer(name="Bolt GmbH"),
        line_items=[LineItem(description="Widget", amount=Decimal("2.00"))],
    )

    kinds = score_document(entry, got).miss_kinds

    assert kinds == {
        "issuer.name: another field's text": 1,
        "recipient.name: missing": 1,
        "totals.net: missing": 1,
        "tax_lines: fewer": 1,
        "line_items: fewer items": 1,
    }
