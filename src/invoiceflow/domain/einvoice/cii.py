"""Read UN/CEFACT Cross Industry Invoice XML: Factur-X / ZUGFeRD 2.x / XRechnung CII (D16B) and
ZUGFeRD 1.0 (CrossIndustryDocument), every profile from MINIMUM to EXTENDED, into the contract's fields.

The two generations share the data model but name the containers differently; a ``Dialect`` holds the
names so one reader walks both.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lxml import etree

from invoiceflow.domain.einvoice.common import (
    CREDIT_NOTE_TYPE_CODES,
    EInvoiceMalformedError,
    ResultBuilder,
    join_address,
    negate,
    to_date,
    to_decimal,
)
from invoiceflow.domain.einvoice.profiles import profile_from_guideline
from invoiceflow.domain.models import DocumentExtraction, LineItem, TaxLine

CII_RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
CII_RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
CII_UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
ZF1_RSM = "urn:ferd:CrossIndustryDocument:invoice:1p0"
ZF1_RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:12"
ZF1_UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:15"


@dataclass(frozen=True)
class Dialect:
    ns: dict[str, str]
    context: str
    document: str
    transaction: str
    agreement: str
    settlement: str
    summation: str
    line_agreement: str
    line_delivery: str
    line_settlement: str
    line_summation: str
    rate: str


CII_D16B = Dialect(
    ns={"rsm": CII_RSM, "ram": CII_RAM, "udt": CII_UDT},
    context="rsm:ExchangedDocumentContext",
    document="rsm:ExchangedDocument",
    transaction="rsm:SupplyChainTradeTransaction",
    agreement="ram:ApplicableHeaderTradeAgreement",
    settlement="ram:ApplicableHeaderTradeSettlement",
    summation="ram:SpecifiedTradeSettlementHeaderMonetarySummation",
    line_agreement="ram:SpecifiedLineTradeAgreement",
    line_delivery="ram:SpecifiedLineTradeDelivery",
    line_settlement="ram:SpecifiedLineTradeSettlement",
    line_summation="ram:SpecifiedTradeSettlementLineMonetarySummation",
    rate="ram:RateApplicablePercent",
)
ZUGFERD_1 = Dialect(
    ns={"rsm": ZF1_RSM, "ram": ZF1_RAM, "udt": ZF1_UDT},
    context="rsm:SpecifiedExchangedDocumentContext",
    document="rsm:HeaderExchangedDocument",
    transaction="rsm:SpecifiedSupplyChainTradeTransaction",
    agreement="ram:ApplicableSupplyChainTradeAgreement",
    settlement="ram:ApplicableSupplyChainTradeSettlement",
    summation="ram:SpecifiedTradeSettlementMonetarySummation",
    line_agreement="ram:SpecifiedSupplyChainTradeAgreement",
    line_delivery="ram:SpecifiedSupplyChainTradeDelivery",
    line_settlement="ram:SpecifiedSupplyChainTradeSettlement",
    line_summation="ram:SpecifiedTradeSettlementMonetarySummation",
    rate="ram:ApplicablePercent",
)
PAYMENT_MEANS = "ram:SpecifiedTradeSettlementPaymentMeans"
DIALECTS = {f"{{{CII_RSM}}}CrossIndustryInvoice": CII_D16B, f"{{{ZF1_RSM}}}CrossIndustryDocument": ZUGFERD_1}


def is_cii(root: etree._Element) -> bool:
    return root.tag in DIALECTS


class _Reader:
    def __init__(self, dialect: Dialect) -> None:
        self.d = dialect

    def find(self, node: etree._Element | None, path: str) -> etree._Element | None:
        return None if node is None else node.find(path, self.d.ns)

    def text(self, node: etree._Element | None, path: str) -> str | None:
        found = self.find(node, path)
        return None if found is None else found.text

    def amount_in(self, node: etree._Element | None, path: str, currency: str | None) -> Decimal | None:
        """The amount at ``path``; where it repeats (tax total in two currencies) the invoice currency's."""
        if node is None:
            return None
        candidates = node.findall(path, self.d.ns)
        for candidate in candidates:
            if currency is None or candidate.get("currencyID") in (None, currency):
                return to_decimal(candidate.text)
        return to_decimal(candidates[0].text) if candidates else None

    def vat_id(self, party: etree._Element | None) -> str | None:
        if party is None:
            return None
        for registration in party.findall("ram:SpecifiedTaxRegistration/ram:ID", self.d.ns):
            if registration.get("schemeID") == "VA":
                return registration.text
        return None

    def address(self, party: etree._Element | None) -> str | None:
        address = self.find(party, "ram:PostalTradeAddress")
        if address is None:
            return None
        postcode, city = self.text(address, "ram:PostcodeCode"), self.text(address, "ram:CityName")
        postal_city = " ".join(part.strip() for part in (postcode, city) if part and part.strip())
        lines = [self.text(address, f"ram:{name}") for name in ("LineOne", "LineTwo", "LineThree")]
        return join_address([*lines, postal_city])


def read_cii(root: etree._Element) -> DocumentExtraction:
    dialect = DIALECTS.get(root.tag)
    if dialect is None:
        raise EInvoiceMalformedError(f"not a Cross Industry Invoice: root element {root.tag}")
    r = _Reader(dialect)
    document = r.find(root, dialect.document)
    transaction = r.find(root, dialect.transaction)
    if document is None or transaction is None:
        raise EInvoiceMalformedError("CII invoice without ExchangedDocument or SupplyChainTradeTransaction")
    guideline = r.text(root, f"{dialect.context}/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID")
    profile = profile_from_guideline(guideline)
    out = ResultBuilder(profile.value if profile else None, "CII")
    credit = (r.text(document, "ram:TypeCode") or "").strip() in CREDIT_NOTE_TYPE_CODES

    out.text("invoice_number", r.text(document, "ram:ID"))
    out.day("issue_date", to_date(r.text(document, "ram:IssueDateTime/udt:DateTimeString")))

    agreement = r.find(transaction, dialect.agreement)
    seller = r.find(agreement, "ram:SellerTradeParty")
    buyer = r.find(agreement, "ram:BuyerTradeParty")
    out.text("issuer.name", r.text(seller, "ram:Name"))
    out.text("issuer.vat_id", r.vat_id(seller))
    out.text("issuer.address", r.address(seller))
    out.text("recipient.name", r.text(buyer, "ram:Name"))
    out.text("recipient.vat_id", r.vat_id(buyer))
    out.text("recipient.address", r.address(buyer))

    settlement = r.find(transaction, dialect.settlement)
    currency = (r.text(settlement, "ram:InvoiceCurrencyCode") or "").strip().upper() or None
    out.text("currency", currency)
    due = r.text(settlement, "ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString")
    out.day("due_date", to_date(due))
    payment_means = [] if settlement is None else settlement.findall(PAYMENT_MEANS, r.d.ns)
    for means in payment_means:
        iban = r.text(means, "ram:PayeePartyCreditorFinancialAccount/ram:IBANID")
        if iban and "issuer.iban" not in out.extraction.fields:
            out.text("issuer.iban", iban.replace(" ", ""))
            out.text("issuer.bic", r.text(means, "ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID"))

    summation = r.find(settlement, dialect.summation)
    out.amount("totals.net", negate(r.amount_in(summation, "ram:TaxBasisTotalAmount", currency), credit))
    out.amount("totals.tax", negate(r.amount_in(summation, "ram:TaxTotalAmount", currency), credit))
    out.amount("totals.gross", negate(r.amount_in(summation, "ram:GrandTotalAmount", currency), credit))

    for tax in [] if settlement is None else settlement.findall("ram:ApplicableTradeTax", r.d.ns):
        out.tax_line(
            TaxLine(
                rate=to_decimal(r.text(tax, dialect.rate)),
                base=negate(to_decimal(r.text(tax, "ram:BasisAmount")), credit),
                amount=negate(to_decimal(r.text(tax, "ram:CalculatedAmount")), credit),
            )
        )
    for line in transaction.findall("ram:IncludedSupplyChainTradeLineItem", r.d.ns):
        out.line_item(_line_item(r, line, credit))
    return out.extraction


def _line_item(r: _Reader, line: etree._Element, credit: bool) -> LineItem:
    d = r.d
    price = r.find(line, f"{d.line_agreement}/ram:NetPriceProductTradePrice")
    unit_price = to_decimal(r.text(price, "ram:ChargeAmount"))
    basis = to_decimal(r.text(price, "ram:BasisQuantity"))
    if unit_price is not None and basis is not None and basis != 0:
        unit_price = unit_price / basis
    name = r.text(line, "ram:SpecifiedTradeProduct/ram:Name") or ""
    line_total = f"{d.line_settlement}/{d.line_summation}/ram:LineTotalAmount"
    return LineItem(
        description=" ".join(name.split()),
        quantity=to_decimal(r.text(line, f"{d.line_delivery}/ram:BilledQuantity")),
        unit_price=negate(unit_price, credit),
        amount=negate(to_decimal(r.text(line, line_total)), credit),
    )
