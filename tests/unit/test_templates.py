"""invoice2data templates: the package itself matches and runs them on text the project already has."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from corpus.build import build_invoice_pdf
from typer.testing import CliRunner

from invoiceflow.cli import app
from invoiceflow.domain.pipeline import extract_document
from invoiceflow.domain.templates import default_templates_dir, load_templates, match_template, to_extraction

PROJECT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_the_project_template_reads_its_vendor() -> None:
    pdf, golden = build_invoice_pdf(1, seed=5, layout="classic_ruled", language="de")
    (invoice,) = extract_document(pdf, templates=PROJECT_TEMPLATES)
    assert invoice.extractor.method == "template:ch.northwind-logistik"
    assert invoice.issuer.name == golden.issuer.name
    for field in ("invoice_number", "issue_date", "due_date", "currency", "totals"):
        assert getattr(invoice, field) == getattr(golden, field), field
    assert (invoice.issuer.vat_id, invoice.issuer.iban, invoice.issuer.bic) == (
        golden.issuer.vat_id,
        golden.issuer.iban,
        golden.issuer.bic,
    )
    assert invoice.confidence["invoice_number"] == 0.98
    assert not invoice.validation.needs_review


def test_a_user_template_folder_is_used_and_other_vendors_stay_generic(tmp_path: Path) -> None:
    pdf, golden = build_invoice_pdf(1, seed=21, layout="classic_ruled", language="en")
    (tmp_path / "acme.yml").write_text(
        f"issuer: {golden.issuer.name}\n"
        f"keywords:\n  - {golden.issuer.name}\n"
        "fields:\n"
        "  invoice_number:\n    parser: static\n"
        "    value: FROM-TEMPLATE\n"
        "  amount:\n    parser: static\n    value: 1.5\n"
        "required_fields:\n  - invoice_number\n  - issuer\n"
        "options:\n  currency: EUR\n",
        encoding="utf-8",
    )
    (invoice,) = extract_document(pdf, templates=tmp_path)
    assert invoice.extractor.method == "template:acme"
    assert invoice.invoice_number == "FROM-TEMPLATE"
    other, _ = build_invoice_pdf(1, seed=22, layout="classic_ruled", language="en")
    (generic,) = extract_document(other, templates=tmp_path)
    assert generic.extractor.method == "generic"


def test_invoice2data_output_maps_into_contract_fields() -> None:
    extraction = to_extraction(
        "com.vendor.yml",
        {
            "issuer": "Vendor GmbH",
            "invoice_number": "R-1",
            "date": datetime(2024, 3, 1),
            "date_due": datetime(2024, 3, 31),
            "amount": 119.0,
            "amount_untaxed": 100.0,
            "amount_tax": 19.0,
            "currency": "eur",
            "vat": "DE 136.695.976",
            "lines": [{"name": "Widget", "qty": 2.0, "price_unit": 50.0, "price_subtotal": 100.0}],
        },
    )
    values = {name: field.value for name, field in extraction.fields.items()}
    assert extraction.method == "template:com.vendor"
    assert values == {
        "issuer.name": "Vendor GmbH",
        "invoice_number": "R-1",
        "issue_date": "2024-03-01",
        "due_date": "2024-03-31",
        "totals.gross": "119.0",
        "totals.net": "100.0",
        "totals.tax": "19.0",
        "currency": "EUR",
        "issuer.vat_id": "DE136695976",
    }
    assert [(i.description, str(i.amount)) for i in extraction.line_items] == [("Widget", "100.0")]


def test_no_match_returns_none() -> None:
    assert match_template("nothing to see here", load_templates(PROJECT_TEMPLATES)) is None


def test_cli_templates_and_no_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INVOICEFLOW_TEMPLATES", raising=False)
    pdf, _ = build_invoice_pdf(1, seed=5, layout="classic_ruled", language="de")
    path = tmp_path / "in.pdf"
    path.write_bytes(pdf)
    runner = CliRunner()
    with_templates = runner.invoke(app, ["extract", str(path), "--templates", str(PROJECT_TEMPLATES)])
    assert with_templates.exit_code == 0, with_templates.output
    assert '"method": "template:ch.northwind-logistik"' in with_templates.stdout
    without = runner.invoke(app, ["extract", str(path), "--no-templates"])
    assert '"method": "generic"' in without.stdout
    missing = runner.invoke(app, ["extract", str(path), "--templates", str(tmp_path / "nope")])
    assert missing.exit_code == 2
    assert "INVALID_INPUT" in missing.stderr
    assert default_templates_dir() is None  # no templates unless configured
    plain = runner.invoke(app, ["extract", str(path)])
    assert '"method": "generic"' in plain.stdout
    monkeypatch.setenv("INVOICEFLOW_TEMPLATES", str(PROJECT_TEMPLATES))
    assert default_templates_dir() == PROJECT_TEMPLATES
    configured = runner.invoke(app, ["extract", str(path)])
    assert '"method": "template:ch.northwind-logistik"' in configured.stdout
