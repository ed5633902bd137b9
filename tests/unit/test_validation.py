from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from invoiceflow.domain.models import (
    AggregatedInvoice,
    DocumentInfo,
    ExtractorInfo,
    Issuer,
    LineItem,
    TaxLine,
    Totals,
)
from invoiceflow.domain.validation import IssueCode, validate

D = Decimal


def consistent_invoice(**changes: object) -> AggregatedInvoice:
    invoice = AggregatedInvoice(
        document=DocumentInfo(sha256="0" * 64, page_count=1),
        invoice_number="2024-001",
        issue_date=date(2024, 3, 1),
        due_date=date(2024, 3, 31),
        currency="EUR",
        issuer=Issuer(name="Muster GmbH", vat_id="DE199378386", iban="DE89370400440532013000"),
        totals=Totals(net=D("381.12"), tax=D("72.41"), gross=D("453.53")),
        tax_lines=[TaxLine(rate=D("19"), base=D("381.12"), amount=D("72.41"))],
        line_items=[
            LineItem(description="A", quantity=D("2"), unit_price=D("125.56"), amount=D("251.12")),
            LineItem(description="B", quantity=D("1"), unit_price=D("130.00"), amount=D("130.00")),
        ],
        confidence={"invoice_number": 0.95, "totals.gross": 0.99},
        extractor=ExtractorInfo(version="test"),
    )
    return invoice.model_copy(update=changes)


def codes(invoice: AggregatedInvoice) -> list[str]:
    return [issue.code for issue in validate(invoice).issues]


def test_consistent_invoice_passes_without_review() -> None:
    report = validate(consistent_invoice())
    assert report.issues == []
    assert report.needs_review is False


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"totals": Totals(net=D("381.12"), tax=D("72.41"), gross=D("453.63"))}, IssueCode.TOTALS_MISMATCH),
        ({"due_date": date(2024, 2, 1)}, IssueCode.DUE_BEFORE_ISSUE),
        (
            {"tax_lines": [TaxLine(rate=D("7"), base=D("381.12"), amount=D("72.41"))]},
            IssueCode.TAX_LINE_MISMATCH,
        ),
        ({"issuer": Issuer(name="X", vat_id="DE199378387")}, IssueCode.INVALID_VAT_ID),
        ({"issuer": Issuer(name="X", iban="DE89370400440532013001")}, IssueCode.INVALID_IBAN),
        ({"invoice_number": None}, IssueCode.MISSING_FIELD),
        ({"confidence": {"invoice_number": 0.3}}, IssueCode.LOW_CONFIDENCE),
    ],
)
def test_each_inconsistency_has_its_stable_code_and_sets_review(
    changes: dict[str, object], expected: str
) -> None:
    invoice = consistent_invoice(**changes)
    assert expected in codes(invoice)
    assert validate(invoice).needs_review is True


def test_line_sum_off_by_more_than_a_cent_per_line_is_flagged() -> None:
    items = [LineItem(description="A", amount=D("251.12")), LineItem(description="B", amount=D("130.03"))]
    assert IssueCode.LINE_ITEMS_SUM_MISMATCH in codes(consistent_invoice(line_items=items))
    within = [LineItem(description="A", amount=D("251.12")), LineItem(description="B", amount=D("130.01"))]
    assert IssueCode.LINE_ITEMS_SUM_MISMATCH not in codes(consistent_invoice(line_items=within))


def test_line_item_arithmetic_and_tax_line_sum() -> None:
    wrong_item = [LineItem(description="A", quantity=D("3"), unit_price=D("10.00"), amount=D("381.12"))]
    assert IssueCode.LINE_ITEM_ARITHMETIC in codes(consistent_invoice(line_items=wrong_item))
    two_rates = [
        TaxLine(rate=D("19"), base=D("300.00"), amount=D("57.00")),
        TaxLine(rate=D("7"), base=D("81.12"), amount=D("5.68")),
    ]
    assert IssueCode.TAX_LINES_SUM_MISMATCH in codes(consistent_invoice(tax_lines=two_rates))


def test_credit_note_with_negative_totals_is_consistent() -> None:
    credit = consistent_invoice(
        totals=Totals(net=D("-100.00"), tax=D("-19.00"), gross=D("-119.00")),
        tax_lines=[TaxLine(rate=D("19"), base=D("-100.00"), amount=D("-19.00"))],
        line_items=[
            LineItem(description="Refund", quantity=D("-1"), unit_price=D("100.00"), amount=D("-100.00"))
        ],
    )
    assert codes(credit) == []


@pytest.mark.parametrize(
    ("vat_id", "valid"),
    [
        ("V-87.654.321-0", True),  # Venezuelan RIF, as the extractor reads it after its label
        ("V-87.654.321-1", False),
        ("30-71234567-1", True),  # Argentine CUIT
        ("51 824 753 556", True),  # Australian ABN
        ("DE199378387", False),
    ],
)
def test_national_tax_numbers_the_extractor_returns_pass_their_own_checks(vat_id: str, valid: bool) -> None:
    invoice = consistent_invoice(issuer=Issuer(name="X", vat_id=vat_id))
    assert (IssueCode.INVALID_VAT_ID not in codes(invoice)) is valid
