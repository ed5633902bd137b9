"""Read OASIS UBL 2.1 Invoice and CreditNote XML (XRechnung UBL, Peppol BIS Billing 3.0, EN 16931)."""

from __future__ import annotations

from decimal import Decimal

from lxml import etree

from invoiceflow.domain.einvoice.common import (
    CREDIT_NOTE_TYPE_CODES,
    EInvoiceMalformedError,
    ResultBuilder,
    clean,
    join_address,
    negate,
    to_date,
    to_decimal,
)
from invoiceflow.domain.einvoice.profiles import profile_from_guideline
from invoiceflow.domain.models import DocumentExtraction, LineItem, TaxLine

UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}
ROOTS = {f"{{{UBL_INVOICE}}}Invoice": False, f"{{{UBL_CREDIT_NOTE}}}CreditNote": True}


def is_ubl(root: etree._Element) -> bool:
    return root.tag in ROOTS


def _text(node: etree._Element | None, path: str) -> str | None:
    if node is None:
        return None
    found = node.find(path, NS)
    return None if found is None else found.text


def _amount(node: etree._Element | None, path: str, currency: str | None) -> Decimal | None:
    if node is None:
        return None
    candidates = node.findall(path, NS)
    for candidate in candidates:
        if currency is None or candidate.get("currencyID") in (None, currency):
            return to_decimal(candidate.text)
    return to_decimal(candidates[0].text) if candidates else None


def _party_name(party: etree._Element | None) -> str | None:
    return clean(_text(party, "cac:PartyName/cbc:Name")) or clean(
        _text(party, "cac:PartyLegalEntity/cbc:RegistrationName")
    )


def _vat_id(party: etree._Element | None) -> str | None:
    if party is None:
        return None
    for scheme in party.findall("cac:PartyTaxScheme", NS):
        if (_text(scheme, "cac:TaxScheme/cbc:ID") or "").strip().upper() == "VAT":
            return _text(scheme, "cbc:CompanyID")
    return None


def _address(party: etree._Element | None) -> str | None:
    address = None if party is None else party.find("cac:PostalAddress", NS)
    if address is None:
        return None
    postal_city = " ".join(
        part.strip() for part in (_text(address, "cbc:PostalZone"), _text(address, "cbc:CityName")) if part
    )
    extra_lines = [line.text for line in address.findall("cac:AddressLine/cbc:Line", NS)]
    streets = [_text(address, "cbc:StreetName"), _text(address, "cbc:AdditionalStreetName")]
    return join_address([*streets, *extra_lines, postal_city])


def _tax_total(root: etree._Element, currency: str | None) -> etree._Element | None:
    """The TaxTotal in the invoice currency (a second one may carry the VAT accounting currency)."""
    for node in root.findall("cac:TaxTotal", NS):
        amount = node.find("cbc:TaxAmount", NS)
        if amount is not None and (currency is None or amount.get("currencyID") in (None, currency)):
            return node
    return None


def read_ubl(root: etree._Element) -> DocumentExtraction:
    if root.tag not in ROOTS:
        raise EInvoiceMalformedError(f"not a UBL 2.1 Invoice or CreditNote: root element {root.tag}")
    is_credit_note_root = ROOTS[root.tag]
    profile = profile_from_guideline(_text(root, "cbc:CustomizationID"))
    out = ResultBuilder(profile.value if profile else None, "UBL")
    type_code = _text(root, "cbc:CreditNoteTypeCode" if is_credit_note_root else "cbc:InvoiceTypeCode")
    credit = is_credit_note_root or (type_code or "").strip() in CREDIT_NOTE_TYPE_CODES

    out.text("invoice_number", _text(root, "cbc:ID"))
    out.day("issue_date", to_date(_text(root, "cbc:IssueDate")))
    due = _text(root, "cbc:DueDate") or _text(root, "cac:PaymentMeans/cbc:PaymentDueDate")
    out.day("due_date", to_date(due))
    currency = (_text(root, "cbc:DocumentCurrencyCode") or "").strip().upper() or None
    out.text("currency", currency)

    seller = root.find("cac:AccountingSupplierParty/cac:Party", NS)
    buyer = root.find("cac:AccountingCustomerParty/cac:Party", NS)
    out.text("issuer.name", _party_name(seller))
    out.text("issuer.vat_id", _vat_id(seller))
    out.text("issuer.address", _address(seller))
    out.text("recipient.name", _party_name(buyer))
    out.text("recipient.vat_id", _vat_id(buyer))
    out.text("recipient.address", _address(buyer))

    for means in root.findall("cac:PaymentMeans", NS):
        iban = _text(means, "cac:PayeeFinancialAccount/cbc:ID")
        if iban and "issuer.iban" not in out.extraction.fields:
            out.text("issuer.iban", iban.replace(" ", ""))
            bic = _text(means, "cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID")
            out.text("issuer.bic", bic)

    totals = root.find("cac:LegalMonetaryTotal", NS)
    out.amount("totals.net", negate(_amount(totals, "cbc:TaxExclusiveAmount", currency), credit))
    out.amount("totals.gross", negate(_amount(totals, "cbc:TaxInclusiveAmount", currency), credit))
    tax_total = _tax_total(root, currency)
    out.amount("totals.tax", negate(_amount(tax_total, "cbc:TaxAmount", currency), credit))
    for subtotal in [] if tax_total is None else tax_total.findall("cac:TaxSubtotal", NS):
        out.tax_line(
            TaxLine(
                rate=to_decimal(_text(subtotal, "cac:TaxCategory/cbc:Percent")),
                base=negate(to_decimal(_text(subtotal, "cbc:TaxableAmount")), credit),
                amount=negate(to_decimal(_text(subtotal, "cbc:TaxAmount")), credit),
            )
        )
    line_tag, quantity_tag = ("cac:InvoiceLine", "cbc:InvoicedQuantity")
    if is_credit_note_root:
        line_tag, quantity_tag = ("cac:CreditNoteLine", "cbc:CreditedQuantity")
    for line in root.findall(line_tag, NS):
        out.line_item(_line_item(line, quantity_tag, credit))
    return out.extraction


def _line_item(line: etree._Element, quantity_tag: str, credit: bool) -> LineItem:
    unit_price = to_decimal(_text(line, "cac:Price/cbc:PriceAmount"))
    basis = to_decimal(_text(line, "cac:Price/cbc:BaseQuantity"))
    if unit_price is not None and basis is not None and basis != 0:
        unit_price = unit_price / basis
    name = _text(line, "cac:Item/cbc:Name") or _text(line, "cac:Item/cbc:Description") or ""
    return LineItem(
        description=" ".join(name.split()),
        quantity=to_decimal(_text(line, quantity_tag)),
        unit_price=negate(unit_price, credit),
        amount=negate(to_decimal(_text(line, "cbc:LineExtensionAmount")), credit),
    )
