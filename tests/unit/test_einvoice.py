"""E-invoices: every profile the project generates is read completely, the writer's XML passes the
official XSDs, and the pipeline merges, cross-checks and falls back as the contract says."""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path

import pytest
from corpus.build import build_invoice_pdf
from corpus.einvoice import (
    EInvoiceSample,
    attach,
    bare_cii_sample,
    bare_ubl_sample,
    carries_lines,
    expected_fields,
    malformed_sample,
    mismatch_sample,
    profile_matrix,
)
from typer.testing import CliRunner

from invoiceflow.cli import app
from invoiceflow.domain.einvoice import (
    EInvoiceMalformedError,
    Profile,
    extract_embedded,
    looks_like_xml,
    read_einvoice_xml,
)
from invoiceflow.domain.einvoice.cii_writer import EInvoiceWriteError, assign_line_rates, build_cii
from invoiceflow.domain.einvoice.facturx_pdf import check_xsd, write_facturx_pdf
from invoiceflow.domain.einvoice.profiles import profile_from_guideline
from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError
from invoiceflow.domain.models import DocumentExtraction, LineItem, TaxLine
from invoiceflow.domain.pipeline import extract_document

SEED = 7


@functools.cache
def samples() -> tuple[EInvoiceSample, ...]:
    return (
        *profile_matrix(SEED),
        bare_cii_sample(SEED, 30),
        bare_cii_sample(SEED, 33, Profile.EN16931),
        bare_ubl_sample(SEED, 31),
        bare_ubl_sample(SEED, 32, credit=True),
    )


def _read(sample: EInvoiceSample) -> DocumentExtraction:
    if looks_like_xml(sample.data):
        return read_einvoice_xml(sample.data)
    found = extract_embedded(sample.data)
    assert found is not None
    return found


def _same(name: str, got: str | None, expected: str) -> bool:
    if got is not None and name.startswith("totals."):
        return Decimal(got) == Decimal(expected)
    return got == expected


def test_the_matrix_covers_every_profile_language_and_syntax() -> None:
    made = samples()
    assert {s.profile for s in made} == set(Profile)
    assert {s.syntax for s in made} == {"CII", "UBL"}
    assert any(s.name.startswith("zugferd1") for s in made)
    assert any("-fr-" in s.name for s in made)
    assert any(s.golden.totals.gross is not None and s.golden.totals.gross < 0 for s in made)


@pytest.mark.parametrize("index", range(len(samples())), ids=[s.name for s in samples()])
def test_every_field_the_xml_carries_is_read(index: int) -> None:
    sample = samples()[index]
    extraction = _read(sample)
    expected = expected_fields(sample.golden, sample.profile)
    got = {name: field.value for name, field in extraction.fields.items()}
    wrong = {n: (got.get(n), v) for n, v in expected.items() if not _same(n, got.get(n), v)}
    assert wrong == {}
    assert all(field.confidence == 1.0 for field in extraction.fields.values())
    assert extraction.profile == sample.profile.value
    assert extraction.syntax == sample.syntax
    if carries_lines(sample.profile):
        assert extraction.line_items == sample.golden.line_items
        assert extraction.tax_lines == sample.golden.tax_lines
    elif sample.profile is Profile.MINIMUM:
        assert extraction.line_items == []
        assert extraction.tax_lines == []


@pytest.mark.parametrize("profile", list(Profile))
def test_writer_output_is_valid_against_the_xsd_of_each_profile(profile: Profile) -> None:
    _, golden = build_invoice_pdf(2, seed=3, layout="classic_ruled", language="de")
    xml = build_cii(golden, profile)
    check_xsd(xml, profile)
    back = read_einvoice_xml(xml)
    assert back.fields["invoice_number"].value == golden.invoice_number


def test_the_xsd_check_rejects_an_invalid_document() -> None:
    _, golden = build_invoice_pdf(1, seed=3, layout="classic_ruled", language="de")
    xml = build_cii(golden, Profile.EN16931).replace(b"<ram:TypeCode>380</ram:TypeCode>", b"")
    with pytest.raises(InvoiceFlowError):
        check_xsd(xml, Profile.EN16931)


def test_writer_refuses_an_invoice_without_core_fields() -> None:
    _, golden = build_invoice_pdf(1, seed=3, layout="classic_ruled", language="de")
    golden.invoice_number = None
    with pytest.raises(EInvoiceWriteError) as error:
        build_cii(golden, Profile.BASIC)
    assert error.value.code is ErrorCode.INVALID_INPUT


def test_line_rates_are_recovered_from_the_tax_breakdown() -> None:
    items = [LineItem(description=d, amount=Decimal(a)) for d, a in (("a", "100"), ("b", "40"), ("c", "60"))]
    tax = [
        TaxLine(rate=Decimal(19), base=Decimal(160), amount=Decimal("30.40")),
        TaxLine(rate=Decimal(7), base=Decimal(40), amount=Decimal("2.80")),
    ]
    assert assign_line_rates(items, tax) == [Decimal(19), Decimal(7), Decimal(19)]


@pytest.mark.parametrize(
    ("urn", "profile"),
    [
        ("urn:factur-x.eu:1p0:minimum", Profile.MINIMUM),
        ("urn:zugferd.de:2p0:basicwl", Profile.BASIC_WL),
        ("urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic", Profile.BASIC),
        ("urn:cen.eu:en16931:2017", Profile.EN16931),
        ("urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p0:extended", Profile.EXTENDED),
        ("urn:cen.eu:en16931:2017#compliant#urn:xoev-de:kosit:standard:xrechnung_2.3", Profile.XRECHNUNG),
        ("urn:ferd:CrossIndustryDocument:invoice:1p0:comfort", Profile.EN16931),
        ("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0", Profile.EN16931),
        ("urn:example:unknown", None),
    ],
)
def test_profiles_are_named_from_the_guideline_urn(urn: str, profile: Profile | None) -> None:
    assert profile_from_guideline(urn) is profile


def test_a_facturx_pdf_is_read_from_its_xml_and_agrees_with_its_page() -> None:
    sample = next(s for s in samples() if s.profile is Profile.EN16931 and s.name.endswith(".pdf"))
    (invoice,) = extract_document(sample.data, filename=sample.name)
    assert invoice.extractor.method == "facturx"
    assert (invoice.extractor.profile, invoice.extractor.syntax) == ("EN16931", "CII")
    assert invoice.invoice_number == sample.golden.invoice_number
    assert invoice.totals == sample.golden.totals
    assert invoice.line_items == sample.golden.line_items
    assert invoice.confidence["totals.gross"] == 1.0
    assert [i for i in invoice.validation.issues if i.code == "EINVOICE_MISMATCH"] == []
    assert [p.page_number for p in invoice.pages] == [1]


def test_a_pdf_whose_xml_disagrees_with_its_page_is_flagged() -> None:
    sample, claimed = mismatch_sample(SEED, 40)
    (invoice,) = extract_document(sample.data, filename=sample.name)
    assert invoice.extractor.method == "facturx"
    assert invoice.invoice_number == claimed["invoice_number"]  # the XML wins ...
    flagged = {i.field for i in invoice.validation.issues if i.code == "EINVOICE_MISMATCH"}
    assert {"invoice_number", "totals.gross"} <= flagged  # ... and the reviewer sees the disagreement
    assert invoice.validation.needs_review


def test_a_broken_embedded_xml_falls_back_to_the_text_with_a_stable_code() -> None:
    sample = malformed_sample(SEED, 41)
    (invoice,) = extract_document(sample.data, filename=sample.name)
    assert invoice.extractor.method == "generic"
    assert invoice.invoice_number == sample.golden.invoice_number
    assert "EINVOICE_MALFORMED" in {i.code for i in invoice.validation.issues}
    assert invoice.validation.needs_review


def test_an_unrelated_xml_attachment_is_ignored() -> None:
    pdf, golden = build_invoice_pdf(1, seed=4, layout="classic_ruled", language="de")
    with_note = attach(pdf, "timesheet.xml", b"<timesheet><hours>8</hours></timesheet>")
    assert extract_embedded(with_note) is None
    (invoice,) = extract_document(with_note)
    assert invoice.extractor.method == "generic"
    assert invoice.invoice_number == golden.invoice_number


@pytest.mark.parametrize("data", [b"<?xml version='1.0'?><rsm:Cross", b"<html><body>hi</body></html>"])
def test_a_bare_xml_that_is_no_einvoice_is_refused_with_a_stable_code(data: bytes) -> None:
    with pytest.raises(EInvoiceMalformedError) as error:
        extract_document(data, filename="x.xml")
    assert error.value.code is ErrorCode.EINVOICE_MALFORMED


def test_bare_xml_goes_through_the_same_entry_point() -> None:
    sample = bare_ubl_sample(SEED, 31)
    (invoice,) = extract_document(sample.data, filename=sample.name)
    assert invoice.extractor.syntax == "UBL"
    assert invoice.document.page_count == 0
    assert invoice.line_items == sample.golden.line_items
    assert not invoice.validation.needs_review


@pytest.mark.parametrize("profile", [Profile.BASIC, Profile.EN16931])
def test_export_writes_a_facturx_pdf_that_other_readers_accept(profile: Profile) -> None:
    import facturx

    pdf, _ = build_invoice_pdf(2, seed=11, layout="classic_ruled", language="de")
    (extracted,) = extract_document(pdf)
    out = write_facturx_pdf(extracted, pdf, profile)
    name, xml = facturx.get_xml_from_pdf(out, check_xsd=True)  # the library's own reader and XSD check
    assert name == "factur-x.xml"
    assert xml
    (again,) = extract_document(out)
    assert again.extractor.method == "facturx"
    assert again.extractor.profile == profile.value
    assert (again.invoice_number, again.totals) == (extracted.invoice_number, extracted.totals)
    assert again.line_items == extracted.line_items


def test_cli_export_and_extract_of_xml(tmp_path: Path) -> None:
    pdf, golden = build_invoice_pdf(1, seed=12, layout="classic_ruled", language="de")
    source, target = tmp_path / "in.pdf", tmp_path / "out.pdf"
    source.write_bytes(pdf)
    runner = CliRunner()
    result = runner.invoke(app, ["export", str(source), "--facturx", str(target), "--profile", "BASIC"])
    assert result.exit_code == 0, result.output
    assert extract_embedded(target.read_bytes()) is not None
    xml_file = tmp_path / "invoice.xml"
    xml_file.write_bytes(bare_cii_sample(SEED, 30).data)
    result = runner.invoke(app, ["extract", str(xml_file)])
    assert result.exit_code == 0, result.output
    assert '"method": "facturx"' in result.stdout
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<?xml version='1.0'?><oops")
    result = runner.invoke(app, ["extract", str(broken)])
    assert result.exit_code == 2
    assert "EINVOICE_MALFORMED" in result.stderr
    assert golden.invoice_number
