"""Write an ``AggregatedInvoice`` as Cross Industry Invoice XML (Factur-X / ZUGFeRD 2.x / XRechnung CII).

Each profile writes exactly the elements its XSD allows, in schema order; what a profile carries:
MINIMUM: number, dates of issue, currency, seller name and VAT id, buyer name, net/tax/gross.
BASIC WL adds addresses, buyer VAT id, IBAN, due date and the tax breakdown; BASIC adds line items;
EN16931, EXTENDED and XRECHNUNG add the BIC.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lxml import etree

from invoiceflow.domain.einvoice.cii import CII_RAM, CII_RSM, CII_UDT
from invoiceflow.domain.einvoice.profiles import GUIDELINE_IDS, Profile
from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError
from invoiceflow.domain.models import AggregatedInvoice, LineItem, TaxLine, to_money

NSMAP = {"rsm": CII_RSM, "ram": CII_RAM, "udt": CII_UDT}
WITH_BIC = frozenset({Profile.EN16931, Profile.EXTENDED, Profile.XRECHNUNG})
WITH_LINES = WITH_BIC | {Profile.BASIC}
WITH_DETAILS = WITH_LINES | {Profile.BASIC_WL}
INVOICE, CREDIT_NOTE = "380", "381"
SEPA_CREDIT_TRANSFER = "58"
UNIT_PIECE = "C62"  # UN/ECE rec 20 "one": the contract does not carry units
# VAT-id prefixes that are not ISO 3166 country codes.
_VAT_PREFIX_COUNTRY = {"EL": "GR", "XI": "GB"}
# Subset-sum search budget when lines must be assigned to tax rates (the contract has no per-line rate).
_MAX_REACHABLE_SUMS = 200_000


class EInvoiceWriteError(InvoiceFlowError):
    code = ErrorCode.INVALID_INPUT


def _ram(parent: etree._Element, tag: str, text: str | None = None, **attrib: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{CII_RAM}}}{tag}", attrib)
    if text is not None:
        element.text = text
    return element


def _money(value: Decimal) -> str:
    return str(abs(to_money(value)))


def _quantity(value: Decimal) -> str:
    return format(abs(value).normalize(), "f")


def _date(parent: etree._Element, tag: str, value: object) -> None:
    holder = _ram(parent, tag)
    stamp = etree.SubElement(holder, f"{{{CII_UDT}}}DateTimeString", format="102")
    stamp.text = value.strftime("%Y%m%d")  # type: ignore[attr-defined]


def country_of(*identifiers: str | None, default: str) -> str:
    """ISO country code from a VAT id or IBAN prefix (both start with it), else ``default``."""
    for identifier in identifiers:
        prefix = (identifier or "")[:2].upper()
        if len(prefix) == 2 and prefix.isalpha():
            return _VAT_PREFIX_COUNTRY.get(prefix, prefix)
    return default


def _require(invoice: AggregatedInvoice) -> tuple[Decimal, Decimal]:
    missing = [
        name
        for name, value in (
            ("invoice_number", invoice.invoice_number),
            ("issue_date", invoice.issue_date),
            ("currency", invoice.currency),
            ("issuer.name", invoice.issuer.name),
            ("recipient.name", invoice.recipient.name),
            ("totals.net", invoice.totals.net),
            ("totals.gross", invoice.totals.gross),
        )
        if value is None
    ]
    if missing:
        raise EInvoiceWriteError(f"cannot write an e-invoice without {', '.join(missing)}", missing=missing)
    net, gross = invoice.totals.net, invoice.totals.gross
    assert net is not None
    assert gross is not None
    return net, gross


def _party(
    parent: etree._Element,
    tag: str,
    *,
    name: str,
    address: str | None,
    country: str,
    vat_id: str | None,
    details: bool,
) -> None:
    party = _ram(parent, tag)
    _ram(party, "Name", name)
    postal = _ram(party, "PostalTradeAddress")
    if details and address:
        # The contract holds the address as one line; LineOne keeps it whole rather than guessing parts.
        _ram(postal, "LineOne", address)
    _ram(postal, "CountryID", country)
    if vat_id:
        registration = _ram(party, "SpecifiedTaxRegistration")
        _ram(registration, "ID", vat_id, schemeID="VA")


def _category(rate: Decimal | None) -> str:
    return "S" if rate is None or rate > 0 else "Z"


def assign_line_rates(items: Sequence[LineItem], tax_lines: Sequence[TaxLine]) -> list[Decimal | None]:
    """Give each line the tax rate whose base its amount belongs to (subset sums), as well as possible."""
    rates = [line.rate for line in tax_lines if line.rate is not None]
    if not rates:
        return [None] * len(items)
    if len(rates) == 1:
        return [rates[0]] * len(items)
    assigned: list[Decimal | None] = [None] * len(items)
    free = [i for i, item in enumerate(items) if item.amount is not None]
    for line in tax_lines[:-1]:
        if line.rate is None or line.base is None:
            continue
        chosen = _subset_with_sum(items, free, to_money(line.base))
        for index in chosen or []:
            assigned[index] = line.rate
        free = [i for i in free if assigned[i] is None]
    last = tax_lines[-1].rate if tax_lines[-1].rate is not None else rates[0]
    return [rate if rate is not None else last for rate in assigned]


def _subset_with_sum(items: Sequence[LineItem], candidates: list[int], target: Decimal) -> list[int] | None:
    reachable: dict[int, list[int]] = {0: []}
    goal = int(target * 100)
    for index in candidates:
        cents = int(to_money(items[index].amount or Decimal(0)) * 100)
        for total, members in list(reachable.items()):
            new_total = total + cents
            if new_total not in reachable:
                reachable[new_total] = [*members, index]
                if new_total == goal:
                    return reachable[new_total]
        if len(reachable) > _MAX_REACHABLE_SUMS:
            return None
    return reachable.get(goal)


def build_cii(
    invoice: AggregatedInvoice,
    profile: Profile = Profile.EN16931,
    *,
    line_rates: Sequence[Decimal | None] | None = None,
    default_country: str = "DE",
    buyer_reference: str | None = None,
) -> bytes:
    """CII XML for ``invoice`` in ``profile``; ``line_rates`` gives each line's VAT rate when known."""
    net, gross = _require(invoice)
    details = profile in WITH_DETAILS
    credit = gross < 0 or (gross == 0 and net < 0)
    currency = invoice.currency or ""
    seller_country = country_of(invoice.issuer.vat_id, invoice.issuer.iban, default=default_country)

    root = etree.Element(f"{{{CII_RSM}}}CrossIndustryInvoice", nsmap=NSMAP)
    context = etree.SubElement(root, f"{{{CII_RSM}}}ExchangedDocumentContext")
    _ram(_ram(context, "GuidelineSpecifiedDocumentContextParameter"), "ID", GUIDELINE_IDS[profile])
    document = etree.SubElement(root, f"{{{CII_RSM}}}ExchangedDocument")
    _ram(document, "ID", invoice.invoice_number)
    _ram(document, "TypeCode", CREDIT_NOTE if credit else INVOICE)
    _date(document, "IssueDateTime", invoice.issue_date)

    transaction = etree.SubElement(root, f"{{{CII_RSM}}}SupplyChainTradeTransaction")
    if profile in WITH_LINES:
        rates = list(line_rates or assign_line_rates(invoice.line_items, invoice.tax_lines))
        for number, (item, rate) in enumerate(zip(invoice.line_items, rates, strict=True), start=1):
            _line(transaction, number, item, rate)

    agreement = _ram(transaction, "ApplicableHeaderTradeAgreement")
    if buyer_reference or profile is Profile.XRECHNUNG:
        _ram(agreement, "BuyerReference", buyer_reference or invoice.invoice_number)
    _party(
        agreement,
        "SellerTradeParty",
        name=invoice.issuer.name or "",
        address=invoice.issuer.address,
        country=seller_country,
        vat_id=invoice.issuer.vat_id,
        details=details,
    )
    if details:
        _party(
            agreement,
            "BuyerTradeParty",
            name=invoice.recipient.name or "",
            address=invoice.recipient.address,
            country=country_of(invoice.recipient.vat_id, default=seller_country),
            vat_id=invoice.recipient.vat_id,
            details=True,
        )
    else:
        _ram(_ram(agreement, "BuyerTradeParty"), "Name", invoice.recipient.name)
    _ram(transaction, "ApplicableHeaderTradeDelivery")

    settlement = _ram(transaction, "ApplicableHeaderTradeSettlement")
    _ram(settlement, "InvoiceCurrencyCode", currency)
    if details and invoice.issuer.iban:
        means = _ram(settlement, "SpecifiedTradeSettlementPaymentMeans")
        _ram(means, "TypeCode", SEPA_CREDIT_TRANSFER)
        _ram(_ram(means, "PayeePartyCreditorFinancialAccount"), "IBANID", invoice.issuer.iban)
        if profile in WITH_BIC and invoice.issuer.bic:
            _ram(_ram(means, "PayeeSpecifiedCreditorFinancialInstitution"), "BICID", invoice.issuer.bic)
    if details:
        for line in invoice.tax_lines:
            tax = _ram(settlement, "ApplicableTradeTax")
            if line.amount is not None:
                _ram(tax, "CalculatedAmount", _money(line.amount))
            _ram(tax, "TypeCode", "VAT")
            if line.base is not None:
                _ram(tax, "BasisAmount", _money(line.base))
            _ram(tax, "CategoryCode", _category(line.rate))
            if line.rate is not None:
                _ram(tax, "RateApplicablePercent", str(to_money(line.rate)))
        if invoice.due_date is not None:
            _date(_ram(settlement, "SpecifiedTradePaymentTerms"), "DueDateDateTime", invoice.due_date)

    summation = _ram(settlement, "SpecifiedTradeSettlementHeaderMonetarySummation")
    if details:
        amounts = [item.amount for item in invoice.line_items if item.amount is not None]
        line_total = sum(amounts, Decimal(0)) if amounts and profile in WITH_LINES else net
        _ram(summation, "LineTotalAmount", _money(line_total))
    _ram(summation, "TaxBasisTotalAmount", _money(net))
    if invoice.totals.tax is not None:
        _ram(summation, "TaxTotalAmount", _money(invoice.totals.tax), currencyID=currency)
    _ram(summation, "GrandTotalAmount", _money(gross))
    _ram(summation, "DuePayableAmount", _money(gross))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _line(transaction: etree._Element, number: int, item: LineItem, rate: Decimal | None) -> None:
    line = _ram(transaction, "IncludedSupplyChainTradeLineItem")
    _ram(_ram(line, "AssociatedDocumentLineDocument"), "LineID", str(number))
    _ram(_ram(line, "SpecifiedTradeProduct"), "Name", item.description or "-")
    quantity = item.quantity if item.quantity is not None and item.quantity != 0 else Decimal(1)
    unit_price = item.unit_price
    if unit_price is None and item.amount is not None:
        unit_price = item.amount / quantity
    price = _ram(_ram(line, "SpecifiedLineTradeAgreement"), "NetPriceProductTradePrice")
    _ram(price, "ChargeAmount", _money(unit_price if unit_price is not None else Decimal(0)))
    _ram(_ram(line, "SpecifiedLineTradeDelivery"), "BilledQuantity", _quantity(quantity), unitCode=UNIT_PIECE)
    settlement = _ram(line, "SpecifiedLineTradeSettlement")
    tax = _ram(settlement, "ApplicableTradeTax")
    _ram(tax, "TypeCode", "VAT")
    _ram(tax, "CategoryCode", _category(rate))
    if rate is not None:
        _ram(tax, "RateApplicablePercent", str(to_money(rate)))
    amount = item.amount if item.amount is not None else (unit_price or Decimal(0)) * quantity
    _ram(_ram(settlement, "SpecifiedTradeSettlementLineMonetarySummation"), "LineTotalAmount", _money(amount))
