"""E-invoice samples for tests and benchmarks: Factur-X / ZUGFeRD PDFs made with the factur-x library
from generated invoices (several profiles, DE/FR), bare CII and UBL 2.1 XML, a ZUGFeRD 1.0 PDF, a PDF
whose embedded XML disagrees with its visible text and one whose XML is broken.

Every XML written here is validated against the XSD the factur-x library ships.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from decimal import Decimal

from lxml import etree

from corpus.generate import make_document
from corpus.layouts import LAYOUTS_BY_ID
from corpus.spec import InvoiceSpec, golden_invoice
from invoiceflow.domain.einvoice.cii_writer import WITH_BIC, WITH_DETAILS, WITH_LINES, build_cii, country_of
from invoiceflow.domain.einvoice.facturx_pdf import check_xsd, embed_xml
from invoiceflow.domain.einvoice.profiles import Profile
from invoiceflow.domain.models import AggregatedInvoice, DocumentInfo, to_money

EINVOICE_LAYOUTS = ("classic_ruled", "two_column_header", "footer_bank", "totals_left")
ALWAYS = ("invoice_number", "issue_date", "currency", "issuer.name", "issuer.vat_id", "recipient.name")
TOTALS = ("totals.net", "totals.tax", "totals.gross")
DETAILS = ("due_date", "issuer.iban", "issuer.address", "recipient.vat_id", "recipient.address")


@dataclass(frozen=True)
class EInvoiceSample:
    name: str
    data: bytes  # a PDF or a bare XML file
    golden: AggregatedInvoice
    profile: Profile
    syntax: str  # "CII" | "UBL"
    line_rates: tuple[Decimal, ...]


def _golden_for(spec: InvoiceSpec, data: bytes, name: str, pages: int) -> AggregatedInvoice:
    golden = golden_invoice(spec, data, name, pages, scanned=False)
    golden.document = DocumentInfo(sha256=hashlib.sha256(data).hexdigest(), filename=name, page_count=pages)
    return golden


def expected_fields(golden: AggregatedInvoice, profile: Profile) -> dict[str, str]:
    """The contract fields (normalised strings) an XML of ``profile`` written from ``golden`` carries."""
    names = [*ALWAYS, *TOTALS]
    if profile in WITH_DETAILS:
        names += DETAILS
    if profile in WITH_BIC:
        names.append("issuer.bic")
    data = golden.model_dump(mode="json")
    out: dict[str, str] = {}
    for name in names:
        value: object = data
        for part in name.split("."):
            value = value[part]  # type: ignore[index]
        if value is not None:
            out[name] = str(value)
    return out


def carries_lines(profile: Profile) -> bool:
    return profile in WITH_LINES


def facturx_sample(
    seed: int, index: int, profile: Profile, *, language: str = "de", pages: int = 1, credit: bool = False
) -> EInvoiceSample:
    """A generated invoice drawn as a PDF with its Factur-X XML (``profile``) embedded by the library."""
    layout = LAYOUTS_BY_ID[EINVOICE_LAYOUTS[index % len(EINVOICE_LAYOUTS)]]
    doc = make_document(seed, 20_000 + index, pages=pages, layout=layout, language=language, credit=credit)
    rates = tuple(item.rate for item in doc.spec.items)
    draft = _golden_for(doc.spec, doc.pdf, "draft.pdf", doc.page_count)
    xml = build_cii(
        draft, profile, line_rates=list(rates), default_country="FR" if language == "fr" else "DE"
    )
    check_xsd(xml, profile)
    pdf = embed_xml(doc.pdf, xml, profile)
    name = f"facturx-{profile.value.replace(' ', '').lower()}-{language}-{index:03d}.pdf"
    return EInvoiceSample(name, pdf, _golden_for(doc.spec, pdf, name, doc.page_count), profile, "CII", rates)


def bare_cii_sample(seed: int, index: int, profile: Profile = Profile.XRECHNUNG) -> EInvoiceSample:
    """A bare CII XML file (XRechnung CII by default): no PDF at all."""
    sample = facturx_sample(seed, index, profile)
    xml = build_cii(sample.golden, profile, line_rates=list(sample.line_rates))
    check_xsd(xml, profile)
    name = f"cii-{profile.value.replace(' ', '').lower()}-{index:03d}.xml"
    golden = sample.golden.model_copy(
        update={"document": DocumentInfo(sha256=hashlib.sha256(xml).hexdigest(), filename=name, page_count=0)}
    )
    return EInvoiceSample(name, xml, golden, profile, "CII", sample.line_rates)


# --- UBL 2.1 ----------------------------------------------------------------------------------------

UBL_NS = {
    None: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}
XRECHNUNG_UBL = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"


def _e(
    parent: etree._Element, prefix: str, tag: str, text: str | None = None, **attrib: str
) -> etree._Element:
    element = etree.SubElement(parent, f"{{{UBL_NS[prefix]}}}{tag}", attrib)
    if text is not None:
        element.text = text
    return element


def _ubl_party(
    parent: etree._Element, tag: str, name: str, *, address: str | None, vat_id: str | None, country: str
) -> None:
    party = _e(_e(parent, "cac", tag), "cac", "Party")
    _e(_e(party, "cac", "PartyName"), "cbc", "Name", name)
    postal = _e(party, "cac", "PostalAddress")
    if address:
        _e(postal, "cbc", "StreetName", address)
    _e(_e(postal, "cac", "Country"), "cbc", "IdentificationCode", country)
    if vat_id:
        scheme = _e(party, "cac", "PartyTaxScheme")
        _e(scheme, "cbc", "CompanyID", vat_id)
        _e(_e(scheme, "cac", "TaxScheme"), "cbc", "ID", "VAT")
    _e(_e(party, "cac", "PartyLegalEntity"), "cbc", "RegistrationName", name)


def build_ubl(golden: AggregatedInvoice, line_rates: tuple[Decimal, ...]) -> bytes:
    """An XRechnung UBL 2.1 invoice for ``golden`` (credit notes as invoices with type code 381)."""

    def money(value: Decimal | None) -> str:
        return str(abs(to_money(value or Decimal(0))))

    currency = golden.currency or "EUR"
    credit = (golden.totals.gross or Decimal(0)) < 0
    root = etree.Element(f"{{{UBL_NS[None]}}}Invoice", nsmap=UBL_NS)  # type: ignore[arg-type]
    _e(root, "cbc", "CustomizationID", XRECHNUNG_UBL)
    _e(root, "cbc", "ID", golden.invoice_number)
    _e(root, "cbc", "IssueDate", golden.issue_date.isoformat() if golden.issue_date else None)
    if golden.due_date:
        _e(root, "cbc", "DueDate", golden.due_date.isoformat())
    _e(root, "cbc", "InvoiceTypeCode", "381" if credit else "380")
    _e(root, "cbc", "DocumentCurrencyCode", currency)
    _e(root, "cbc", "BuyerReference", golden.invoice_number)
    seller_country = country_of(golden.issuer.vat_id, golden.issuer.iban, default="DE")
    _ubl_party(
        root,
        "AccountingSupplierParty",
        golden.issuer.name or "",
        address=golden.issuer.address,
        vat_id=golden.issuer.vat_id,
        country=seller_country,
    )
    _ubl_party(
        root,
        "AccountingCustomerParty",
        golden.recipient.name or "",
        address=golden.recipient.address,
        vat_id=golden.recipient.vat_id,
        country=country_of(golden.recipient.vat_id, default=seller_country),
    )
    if golden.issuer.iban:
        means = _e(root, "cac", "PaymentMeans")
        _e(means, "cbc", "PaymentMeansCode", "58")
        account = _e(means, "cac", "PayeeFinancialAccount")
        _e(account, "cbc", "ID", golden.issuer.iban)
        if golden.issuer.bic:
            _e(_e(account, "cac", "FinancialInstitutionBranch"), "cbc", "ID", golden.issuer.bic)
    tax_total = _e(root, "cac", "TaxTotal")
    _e(tax_total, "cbc", "TaxAmount", money(golden.totals.tax), currencyID=currency)
    for line in golden.tax_lines:
        subtotal = _e(tax_total, "cac", "TaxSubtotal")
        _e(subtotal, "cbc", "TaxableAmount", money(line.base), currencyID=currency)
        _e(subtotal, "cbc", "TaxAmount", money(line.amount), currencyID=currency)
        category = _e(subtotal, "cac", "TaxCategory")
        _e(category, "cbc", "ID", "S")
        _e(category, "cbc", "Percent", str(to_money(line.rate or Decimal(0))))
        _e(_e(category, "cac", "TaxScheme"), "cbc", "ID", "VAT")
    totals = _e(root, "cac", "LegalMonetaryTotal")
    _e(totals, "cbc", "LineExtensionAmount", money(golden.totals.net), currencyID=currency)
    _e(totals, "cbc", "TaxExclusiveAmount", money(golden.totals.net), currencyID=currency)
    _e(totals, "cbc", "TaxInclusiveAmount", money(golden.totals.gross), currencyID=currency)
    _e(totals, "cbc", "PayableAmount", money(golden.totals.gross), currencyID=currency)
    for number, (item, rate) in enumerate(zip(golden.line_items, line_rates, strict=True), start=1):
        line = _e(root, "cac", "InvoiceLine")
        _e(line, "cbc", "ID", str(number))
        _e(
            line,
            "cbc",
            "InvoicedQuantity",
            format(abs(item.quantity or Decimal(1)).normalize(), "f"),
            unitCode="C62",
        )
        _e(line, "cbc", "LineExtensionAmount", money(item.amount), currencyID=currency)
        product = _e(line, "cac", "Item")
        _e(product, "cbc", "Name", item.description)
        category = _e(product, "cac", "ClassifiedTaxCategory")
        _e(category, "cbc", "ID", "S")
        _e(category, "cbc", "Percent", str(to_money(rate)))
        _e(_e(category, "cac", "TaxScheme"), "cbc", "ID", "VAT")
        _e(_e(line, "cac", "Price"), "cbc", "PriceAmount", money(item.unit_price), currencyID=currency)
    xml = bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    import facturx

    facturx.xml_check_xsd(xml, flavor="ubl-2.1-invoice")
    return xml


def bare_ubl_sample(seed: int, index: int, *, credit: bool = False) -> EInvoiceSample:
    sample = facturx_sample(seed, index, Profile.EN16931, credit=credit)
    xml = build_ubl(sample.golden, sample.line_rates)
    name = f"ubl-xrechnung-{index:03d}.xml"
    golden = sample.golden.model_copy(
        update={"document": DocumentInfo(sha256=hashlib.sha256(xml).hexdigest(), filename=name, page_count=0)}
    )
    return EInvoiceSample(name, xml, golden, Profile.XRECHNUNG, "UBL", sample.line_rates)


# --- ZUGFeRD 1.0, disagreeing and broken attachments ----------------------------------------------

ZF1 = {
    "rsm": "urn:ferd:CrossIndustryDocument:invoice:1p0",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:12",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:15",
}


def build_zugferd1(golden: AggregatedInvoice, line_rates: tuple[Decimal, ...]) -> bytes:
    """ZUGFeRD 1.0 COMFORT XML (CrossIndustryDocument), validated against the ZUGFeRD 1.0 XSD."""

    def el(
        parent: etree._Element, tag: str, text: str | None = None, ns: str = "ram", **attrib: str
    ) -> etree._Element:
        element = etree.SubElement(parent, f"{{{ZF1[ns]}}}{tag}", attrib)
        if text is not None:
            element.text = text
        return element

    def money(value: Decimal | None) -> str:
        return str(abs(to_money(value or Decimal(0))))

    def stamp(parent: etree._Element, tag: str, day: object) -> None:
        el(el(parent, tag), "DateTimeString", day.strftime("%Y%m%d"), ns="udt", format="102")  # type: ignore[attr-defined]

    currency = golden.currency or "EUR"
    credit = (golden.totals.gross or Decimal(0)) < 0
    root = etree.Element(f"{{{ZF1['rsm']}}}CrossIndustryDocument", nsmap=ZF1)
    context = el(root, "SpecifiedExchangedDocumentContext", ns="rsm")
    el(
        el(context, "GuidelineSpecifiedDocumentContextParameter"),
        "ID",
        "urn:ferd:CrossIndustryDocument:invoice:1p0:comfort",
    )
    header = el(root, "HeaderExchangedDocument", ns="rsm")
    el(header, "ID", golden.invoice_number)
    el(header, "Name", "GUTSCHRIFT" if credit else "RECHNUNG")
    el(header, "TypeCode", "381" if credit else "380")
    stamp(header, "IssueDateTime", golden.issue_date)
    transaction = el(root, "SpecifiedSupplyChainTradeTransaction", ns="rsm")
    agreement = el(transaction, "ApplicableSupplyChainTradeAgreement")
    seller_country = country_of(golden.issuer.vat_id, golden.issuer.iban, default="DE")
    for tag, party, country in (
        ("SellerTradeParty", golden.issuer, seller_country),
        ("BuyerTradeParty", golden.recipient, country_of(golden.recipient.vat_id, default=seller_country)),
    ):
        node = el(agreement, tag)
        el(node, "Name", party.name)
        address = el(node, "PostalTradeAddress")
        if party.address:
            el(address, "LineOne", party.address)
        el(address, "CountryID", country)
        if party.vat_id:
            el(el(node, "SpecifiedTaxRegistration"), "ID", party.vat_id, schemeID="VA")
    el(transaction, "ApplicableSupplyChainTradeDelivery")
    settlement = el(transaction, "ApplicableSupplyChainTradeSettlement")
    el(settlement, "InvoiceCurrencyCode", currency)
    if golden.issuer.iban:
        means = el(settlement, "SpecifiedTradeSettlementPaymentMeans")
        el(means, "TypeCode", "58")
        el(el(means, "PayeePartyCreditorFinancialAccount"), "IBANID", golden.issuer.iban)
        if golden.issuer.bic:
            el(el(means, "PayeeSpecifiedCreditorFinancialInstitution"), "BICID", golden.issuer.bic)
    for line in golden.tax_lines:
        tax = el(settlement, "ApplicableTradeTax")
        el(tax, "CalculatedAmount", money(line.amount), currencyID=currency)
        el(tax, "TypeCode", "VAT")
        el(tax, "BasisAmount", money(line.base), currencyID=currency)
        el(tax, "CategoryCode", "S")
        el(tax, "ApplicablePercent", str(to_money(line.rate or Decimal(0))))
    if golden.due_date:
        stamp(el(settlement, "SpecifiedTradePaymentTerms"), "DueDateDateTime", golden.due_date)
    summation = el(settlement, "SpecifiedTradeSettlementMonetarySummation")
    el(summation, "LineTotalAmount", money(golden.totals.net), currencyID=currency)
    el(summation, "ChargeTotalAmount", "0.00", currencyID=currency)
    el(summation, "AllowanceTotalAmount", "0.00", currencyID=currency)
    el(summation, "TaxBasisTotalAmount", money(golden.totals.net), currencyID=currency)
    el(summation, "TaxTotalAmount", money(golden.totals.tax), currencyID=currency)
    el(summation, "GrandTotalAmount", money(golden.totals.gross), currencyID=currency)
    for number, (item, rate) in enumerate(zip(golden.line_items, line_rates, strict=True), start=1):
        line = el(transaction, "IncludedSupplyChainTradeLineItem")
        el(el(line, "AssociatedDocumentLineDocument"), "LineID", str(number))
        price = el(el(line, "SpecifiedSupplyChainTradeAgreement"), "NetPriceProductTradePrice")
        el(price, "ChargeAmount", money(item.unit_price), currencyID=currency)
        el(
            el(line, "SpecifiedSupplyChainTradeDelivery"),
            "BilledQuantity",
            format(abs(item.quantity or Decimal(1)).normalize(), "f"),
            unitCode="C62",
        )
        line_settlement = el(line, "SpecifiedSupplyChainTradeSettlement")
        tax = el(line_settlement, "ApplicableTradeTax")
        el(tax, "TypeCode", "VAT")
        el(tax, "CategoryCode", "S")
        el(tax, "ApplicablePercent", str(to_money(rate)))
        el(
            el(line_settlement, "SpecifiedTradeSettlementMonetarySummation"),
            "LineTotalAmount",
            money(item.amount),
            currencyID=currency,
        )
        el(el(line, "SpecifiedTradeProduct"), "Name", item.description)
    xml = bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    import facturx

    facturx.xml_check_xsd(xml, flavor="zugferd")
    return xml


def attach(pdf: bytes, name: str, xml: bytes) -> bytes:
    """Attach ``xml`` under ``name`` with pypdf (for what the factur-x library rightly refuses to embed)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_attachment(name, xml)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zugferd1_sample(seed: int, index: int) -> EInvoiceSample:
    sample = facturx_sample(seed, index, Profile.EN16931)
    plain = make_document(
        seed, 20_000 + index, pages=1, layout=LAYOUTS_BY_ID[EINVOICE_LAYOUTS[index % 4]], language="de"
    ).pdf
    pdf = attach(plain, "ZUGFeRD-invoice.xml", build_zugferd1(sample.golden, sample.line_rates))
    name = f"zugferd1-comfort-{index:03d}.pdf"
    return EInvoiceSample(
        name, pdf, _golden_for_sample(sample, pdf, name), Profile.EN16931, "CII", sample.line_rates
    )


def _golden_for_sample(sample: EInvoiceSample, data: bytes, name: str) -> AggregatedInvoice:
    document = DocumentInfo(
        sha256=hashlib.sha256(data).hexdigest(), filename=name, page_count=sample.golden.document.page_count
    )
    return sample.golden.model_copy(update={"document": document})


def mismatch_sample(seed: int, index: int) -> tuple[EInvoiceSample, dict[str, str]]:
    """A PDF whose embedded XML states another invoice number and gross total than its visible page.

    Returns the sample (golden = what the visible page says) and the values the XML states instead.
    """
    visible = facturx_sample(seed, index, Profile.EN16931)
    tampered = visible.golden.model_copy(deep=True)
    tampered.invoice_number = f"{visible.golden.invoice_number}-X"
    assert tampered.totals.gross is not None
    tampered.totals.gross = tampered.totals.gross + Decimal("100.00")
    tampered.totals.tax = (tampered.totals.tax or Decimal(0)) + Decimal("100.00")
    xml = build_cii(tampered, Profile.EN16931, line_rates=list(visible.line_rates))
    check_xsd(xml, Profile.EN16931)
    plain = make_document(
        seed, 20_000 + index, pages=1, layout=LAYOUTS_BY_ID[EINVOICE_LAYOUTS[index % 4]], language="de"
    ).pdf
    pdf = embed_xml(plain, xml, Profile.EN16931)
    name = f"facturx-mismatch-{index:03d}.pdf"
    claimed = {"invoice_number": tampered.invoice_number or "", "totals.gross": str(tampered.totals.gross)}
    return EInvoiceSample(
        name, pdf, _golden_for_sample(visible, pdf, name), Profile.EN16931, "CII", visible.line_rates
    ), claimed


def malformed_sample(seed: int, index: int) -> EInvoiceSample:
    """A PDF carrying a truncated factur-x.xml: the text result must stand, flagged EINVOICE_MALFORMED."""
    sample = facturx_sample(seed, index, Profile.EN16931)
    xml = build_cii(sample.golden, Profile.EN16931, line_rates=list(sample.line_rates))
    plain = make_document(
        seed, 20_000 + index, pages=1, layout=LAYOUTS_BY_ID[EINVOICE_LAYOUTS[index % 4]], language="de"
    ).pdf
    pdf = attach(plain, "factur-x.xml", xml[: len(xml) // 2])
    name = f"facturx-malformed-{index:03d}.pdf"
    return EInvoiceSample(
        name, pdf, _golden_for_sample(sample, pdf, name), Profile.EN16931, "CII", sample.line_rates
    )


def profile_matrix(seed: int = 7) -> list[EInvoiceSample]:
    """Every Factur-X profile in German and French (credit notes included), plus ZUGFeRD 1.0."""
    samples: list[EInvoiceSample] = []
    index = 0
    for profile in Profile:
        for language in ("de", "fr"):
            samples.append(
                facturx_sample(
                    seed, index, profile, language=language, pages=1 + index % 2, credit=index % 5 == 3
                )
            )
            index += 1
    samples.append(zugferd1_sample(seed, index))
    return samples
