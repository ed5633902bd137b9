# ruff: noqa: E501  (HTML templates: their lines are markup, wrapped where the markup reads best)
"""A second set of world layouts: party and tax conventions the first sets lack (issue #4).

Every name, label arrangement and figure here is invented. What the golden says where a careful human
could hesitate (written down here so that the figures mean one thing):

- Prices incl. VAT with only the gross and the tax printed ("Total incl. VAT 119.00 / contains 19 % VAT
  19.00"): net = gross - tax, one tax line (rate, gross - tax, tax). Line items as printed (gross prices).
- Indian CGST + SGST on one base: two tax lines (half the rate, the base, half the tax) each; IGST: one
  tax line at the full rate.
- Spanish IRPF withholding: not a tax line and not in totals.tax; the gross is the printed "Total
  factura" = base + IVA - IRPF (the convention the totals tests already hold).
- Reverse charge printed as "VAT 0 %": one tax line (0, net, 0), tax 0.
- Trading name "X, a brand of Y Ltd" and marketplace "sold by X, invoiced by Y": both names are accepted
  as the issuer (the legal entity and the name the document is about); a third party never is.
- A recipient printed as a person over "c/o Company": the person (with or without honorific).
- Bill To and Ship To with different names: the Bill To name.
- Rates printed in the item rows only, the tax total without a rate: one tax line per rate, its base the
  rows' sum, its tax that base × rate rounded once (the printed total is their sum).
- An exempt supply or small business (a legal note, no tax line printed): tax 0, no tax line.

Measured with ``benchmarks/producer_invoices.py --layouts world2``: seed 7 (the default) was looked at
while fixing; seed 23 was kept unlooked-at (aggregates only) as the held-out-style figure.
"""

from __future__ import annotations

import base64
import dataclasses
import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from corpus.identities import make_party
from corpus.producers.content import LABELS, WORLD2_LAYOUT_LANGUAGES, Content, Line
from corpus.producers.html import _e, _page

CENT = Decimal("0.01")


def _round(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


@dataclass
class TaxContent(Content):
    """Content with the tax conventions above: ``tax_style`` is "exclusive", "inclusive" (prices incl.
    tax), "split" (CGST + SGST, half the rate each) or "igst"; ``withholding_rate`` an IRPF retention."""

    tax_style: str = "exclusive"
    withholding_rate: Decimal | None = None
    issuer_names: tuple[str, ...] = ()
    buyer_person: str = ""  # the person a "c/o" address is for (then the recipient, ``buyer.name``)
    buyer_company: str = ""  # the company that person is reached through
    ship_name: str = ""
    texts: dict[str, str] = dataclasses.field(default_factory=dict)

    def tax_groups(self) -> list[tuple[Decimal, Decimal, Decimal]]:
        if self.tax_style == "inclusive":
            grosses: dict[Decimal, Decimal] = {}
            for line in self.lines:
                grosses[line.rate] = grosses.get(line.rate, Decimal(0)) + line.amount
            groups = []
            for rate, gross in sorted(grosses.items(), reverse=True):
                tax = _round(gross * rate / (100 + rate))
                groups.append((rate, gross - tax, tax))
            return groups
        if self.tax_style == "exempt":
            return []
        if self.tax_style == "split":
            return [
                (rate / 2, base, _round(base * rate / 200))
                for rate, base, _tax in super().tax_groups()
                for _half in (1, 2)
            ]
        return super().tax_groups()

    @property
    def net(self) -> Decimal:
        if self.tax_style == "inclusive":
            return sum((base for _r, base, _t in self.tax_groups()), Decimal(0))
        return super().net

    @property
    def withholding(self) -> Decimal:
        return Decimal(0) if self.withholding_rate is None else _round(self.net * self.withholding_rate / 100)

    @property
    def gross(self) -> Decimal:
        return self.net + self.tax - self.withholding

    def expected(self) -> dict[str, Any]:
        entry = super().expected()
        for name in UNPRINTED.get(self.doc_id.rsplit("-", 1)[-1], ()):
            entry["fields"].pop(name, None)
        if self.issuer_names:
            entry["fields"]["issuer.name"] = list(self.issuer_names)
        if self.buyer_person:
            entry["fields"]["recipient.name"] = [self.buyer_person, *_without_title(self.buyer_person)]
        return entry


# Fields a layout does not print (its golden leaves them out).
UNPRINTED = {
    "din_window": ("due_date",),
    "logo_inclusive": ("due_date", "issuer.iban", "issuer.bic"),
    "gst_split": ("due_date", "issuer.iban", "issuer.bic"),
    "irpf_retention": ("due_date", "issuer.bic"),
    "marketplace_sold_by": ("due_date", "issuer.iban", "issuer.bic"),
    "rows_rate_only": ("due_date",),
    "exempt_note": ("issuer.vat_id",),
}


def _without_title(name: str) -> list[str]:
    for title in (
        "Mr ",
        "Ms ",
        "Mrs ",
        "Herrn ",
        "Herr ",
        "Frau ",
        "M. ",
        "Mme ",
        "Dhr. ",
        "Mevr. ",
        "Sig. ",
        "Sig.ra ",
        "Sr. ",
        "Sra. ",
    ):
        if name.startswith(title):
            return [name[len(title) :]]
    return []


WORLD2_LAYOUTS = tuple(WORLD2_LAYOUT_LANGUAGES)

COUNTRY_OF = {"de": "DE", "nl": "NL", "it": "IT", "fr": "FR", "es": "ES", "en": "GB"}
# Invented issuers by country (none of them appears in the older producer sets).
SELLERS2 = {
    "DE": ("Feldmann Kältetechnik GmbH", "Rheinblick Medienhaus GmbH", "Tischlerei Ahrens e.K."),
    "NL": ("Zonnedak Installaties B.V.", "Houtmarkt Verhuur B.V."),
    "IT": ("Vetreria Lucchesi S.r.l.", "Gelateria Bortolin S.n.c."),
    "FR": ("Menuiserie Vauclair SARL", "Laboratoire Ombelle SAS"),
    "ES": ("Climatizaciones Aranda S.L.", "Papelería Olmedo S.L."),
    "GB": ("Harrow & Kemp Surveyors Ltd", "Quillfield Stationery Ltd", "Saltmarsh Digital LLP"),
    "US": ("Pinecrest Supply Co.", "Redwater Labs Inc."),
    "IN": ("Godavari Steel Traders Pvt. Ltd.", "Malabar Spice Exports LLP"),
}
# People with a company they are reached through ("c/o"), and plain companies.
PEOPLE = {
    "DE": ("Frau Katrin Oberländer", "Herrn Matthias Kühne"),
    "NL": ("Dhr. Joost van Rijn", "Mevr. Fenna Smit"),
    "IT": ("Sig.ra Lucia Mancini", "Sig. Paolo Ferri"),
    "FR": ("Mme Céline Arnaud", "M. Hugo Lemaire"),
    "ES": ("Sra. Lorena Vidal", "Sr. Íñigo Basterra"),
    "GB": ("Ms Rosalind Pryce", "Mr Tobias Wren"),
    "US": ("Ms. Carla Jennings", "Mr. Dwayne Ortiz"),
}
COMPANIES = {
    "DE": ("Brandt Logistik GmbH", "Ingenieurbüro Sauer & Lenz"),
    "NL": ("Kwekerij De Vlasakker B.V.", "Advocatenkantoor Meijer"),
    "IT": ("Ottica Ruggiero S.r.l.", "Agriturismo Le Querce"),
    "FR": ("Pharmacie des Tilleuls", "Cabinet Roussel Architectes"),
    "ES": ("Farmacia Llorente C.B.", "Bodegas Irazu S.A."),
    "GB": ("Ferncombe Veterinary Group Ltd", "Ashdown Parish Council"),
    "US": ("Lakeshore Pediatrics PLLC", "Bright Harbor Realty LLC"),
    "IN": ("Sahyadri Builders Pvt. Ltd.", "Rathore Electricals"),
}
ITEMS2 = {
    "de": (("Kältemittel nachfüllen", Decimal(19)), ("Fachbuch Kältetechnik", Decimal(7)), ("Wartungsvertrag Klimaanlage", Decimal(19)), ("Zeitschrift Jahresabo", Decimal(7)), ("Anfahrtspauschale", Decimal(19))),
    "nl": (("Zonnepaneel 400 Wp", Decimal(21)), ("Montagemateriaal dak", Decimal(21)), ("Handboek onderhoud", Decimal(9)), ("Omvormer 5 kW", Decimal(21))),
    "it": (("Vetro temperato 6 mm", Decimal(22)), ("Posa in opera", Decimal(22)), ("Manuale di manutenzione", Decimal(4)), ("Cornice in legno", Decimal(22))),
    "fr": (("Porte intérieure chêne", Decimal(20)), ("Pose et ajustage", Decimal(20)), ("Livret d'entretien", Decimal("5.5")), ("Travaux de rénovation", Decimal(10))),
    "es": (("Split inverter 3,5 kW", Decimal(21)), ("Instalación y puesta en marcha", Decimal(21)), ("Manual técnico", Decimal(4)), ("Revisión de gas", Decimal(21))),
    "en": (("Boundary survey report", Decimal(20)), ("Site visit, half day", Decimal(20)), ("Printed site plans A1", Decimal(20)), ("Children's map book", Decimal(0))),
}  # fmt: skip
ITEMS_US = ("Safety gloves, box of 100", "Pallet jack rental, week", "Label printer ribbon", "Freight, LTL")
ITEMS_IN = ("MS angle 40x40x5 mm", "TMT bar Fe500 12 mm", "Binding wire 18 SWG", "Loading charges")
ITEMS_ES_PRO = ("Honorarios dirección de obra", "Informe técnico de patologías", "Visita de inspección")

# Label sets of the new layouts, per language.
WINDOW_LABELS = {
    "de": {"number": "Rechnungsnr.", "date": "Datum", "customer": "Kunden-Nr.", "our_vat": "USt-IdNr.", "your_vat": "Ihre USt-IdNr.", "rate_col": "MwSt.", "summary": ("MwSt.-Satz", "Netto", "MwSt.", "Brutto"), "net": "Summe netto", "tax": "MwSt.", "gross": "Rechnungsbetrag", "co": "c/o"},
    "nl": {"number": "Factuurnr.", "date": "Datum", "customer": "Klantnr.", "our_vat": "Btw-nr.", "your_vat": "Uw btw-nr.", "rate_col": "Btw", "summary": ("Btw-tarief", "Netto", "Btw", "Bruto"), "net": "Totaal excl. btw", "tax": "Btw", "gross": "Totaal incl. btw", "co": "p/a"},
    "it": {"number": "Fattura n.", "date": "Data", "customer": "Cod. cliente", "our_vat": "P.IVA", "your_vat": "Vs. P.IVA", "rate_col": "IVA", "summary": ("Aliquota", "Imponibile", "Imposta", "Totale"), "net": "Totale imponibile", "tax": "IVA", "gross": "Totale fattura", "co": "c/o"},
    "fr": {"number": "Facture n°", "date": "Date", "customer": "Client n°", "our_vat": "N° TVA", "your_vat": "Votre n° TVA", "rate_col": "TVA", "summary": ("Taux", "Base HT", "TVA", "TTC"), "net": "Total HT", "tax": "TVA", "gross": "Net à payer", "co": "c/o"},
    "es": {"number": "Factura nº", "date": "Fecha", "customer": "Nº cliente", "our_vat": "NIF", "your_vat": "Su NIF", "rate_col": "IVA", "summary": ("Tipo", "Base", "Cuota", "Total"), "net": "Base imponible", "tax": "IVA", "gross": "Total factura", "co": "c/o"},
    "en": {"number": "Invoice no.", "date": "Date", "customer": "Account no.", "our_vat": "VAT reg. no.", "your_vat": "Your VAT no.", "rate_col": "VAT", "summary": ("VAT rate", "Net", "VAT", "Gross"), "net": "Net total", "tax": "VAT", "gross": "Total", "co": "c/o"},
}  # fmt: skip
INCLUSIVE_LABELS = {
    "de": {"customer": "Kunde", "total": "Gesamtbetrag inkl. MwSt.", "contains": "enthaltene MwSt. {rate}", "order": "Bestellnr.", "title": "Rechnung", "number": "Rechnungsnr.", "date": "Rechnungsdatum", "legal": "Sitz der Gesellschaft: {city} · Geschäftsführer: Anja Reuter · USt-IdNr. {vat}"},
    "en": {"customer": "Customer", "total": "Total incl. VAT", "contains": "includes VAT {rate}", "order": "Order no.", "title": "Receipt / VAT invoice", "number": "Invoice no.", "date": "Date", "legal": "Registered office: {city} · Company no. 09412276 · VAT no. {vat}"},
    "fr": {"customer": "Client", "total": "Total TTC", "contains": "dont TVA {rate}", "order": "Commande n°", "title": "Facture", "number": "Facture n°", "date": "Date", "legal": "Siège social : {city} · RCS 512 334 871 · TVA {vat}"},
    "es": {"customer": "Cliente", "total": "Total (IVA incluido)", "contains": "IVA incluido {rate}", "order": "Pedido nº", "title": "Factura simplificada", "number": "Factura nº", "date": "Fecha", "legal": "Domicilio social: {city} · NIF {vat}"},
    "nl": {"customer": "Klant", "total": "Totaal incl. btw", "contains": "waarvan btw {rate}", "order": "Bestelnr.", "title": "Factuur", "number": "Factuurnr.", "date": "Datum", "legal": "Statutair gevestigd te {city} · KvK 71829304 · Btw {vat}"},
    "it": {"customer": "Cliente", "total": "Totale (IVA inclusa)", "contains": "di cui IVA {rate}", "order": "Ordine n.", "title": "Fattura", "number": "Fattura n.", "date": "Data", "legal": "Sede legale: {city} · P.IVA {vat} · REA 334455"},
}  # fmt: skip
MARKET_LABELS = {
    "en": {"sold_by": "Sold by", "invoiced_by": "Invoice issued by {platform} on behalf of {seller}", "to": "Invoice to", "ship": "Deliver to", "vat": "VAT ID", "title": "Tax invoice", "number": "Invoice number", "date": "Invoice date", "order": "Order number", "net": "Total excl. VAT", "tax": "VAT", "gross": "Total payable"},
    "de": {"sold_by": "Verkauft von", "invoiced_by": "Rechnung ausgestellt von {platform} im Namen von {seller}", "to": "Rechnungsadresse", "ship": "Lieferadresse", "vat": "USt-IdNr.", "title": "Rechnung", "number": "Rechnungsnummer", "date": "Rechnungsdatum", "order": "Bestellnummer", "net": "Zwischensumme (netto)", "tax": "USt.", "gross": "Gesamtbetrag"},
    "fr": {"sold_by": "Vendu par", "invoiced_by": "Facture émise par {platform} au nom et pour le compte de {seller}", "to": "Facturé à", "ship": "Livré à", "vat": "N° TVA", "title": "Facture", "number": "Numéro de facture", "date": "Date de facturation", "order": "N° de commande", "net": "Total HT", "tax": "TVA", "gross": "Total TTC"},
    "it": {"sold_by": "Venduto da", "invoiced_by": "Fattura emessa da {platform} per conto di {seller}", "to": "Destinatario", "ship": "Consegna a", "vat": "P.IVA", "title": "Fattura", "number": "Numero fattura", "date": "Data fattura", "order": "Numero ordine", "net": "Totale imponibile", "tax": "IVA", "gross": "Totale"},
    "es": {"sold_by": "Vendido por", "invoiced_by": "Factura emitida por {platform} en nombre de {seller}", "to": "Destinatario", "ship": "Envío a", "vat": "NIF-IVA", "title": "Factura", "number": "Número de factura", "date": "Fecha de factura", "order": "Número de pedido", "net": "Base imponible", "tax": "IVA", "gross": "Total"},
    "nl": {"sold_by": "Verkocht door", "invoiced_by": "Factuur uitgereikt door {platform} namens {seller}", "to": "Klant", "ship": "Afleveradres", "vat": "Btw-nummer", "title": "Factuur", "number": "Factuurnummer", "date": "Factuurdatum", "order": "Bestelnummer", "net": "Subtotaal excl. btw", "tax": "Btw", "gross": "Totaal"},
}  # fmt: skip
PLATFORMS = ("Kavalo Market", "Shopnest", "Tradewick Marketplace")
BRANDS = ("Inkpot", "Fernway Travel", "Cloudberry Prints", "Tidewell")


def _logo_png(text: str, colour: tuple[int, int, int]) -> str:
    """The issuer's name drawn into a PNG (a logo): no text layer carries it."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 40)
    width = int(font.getlength(text)) + 24
    image = Image.new("RGB", (width, 64), (255, 255, 255))
    ImageDraw.Draw(image).text((12, 8), text, font=font, fill=colour)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def make_world2_content(doc_id: str, layout: str, language: str, rng: random.Random) -> TaxContent:
    country = {"bill_ship_names": "US", "gst_split": "IN"}.get(layout, COUNTRY_OF[language])
    seller = make_party(rng, country, language, with_bank=country != "US")
    seller = dataclasses.replace(seller, name=rng.choice(SELLERS2[country]))
    buyer_country = country
    if layout == "brand_of" and rng.random() < 0.4:
        buyer_country = "DE"  # abroad: reverse charge
    buyer = make_party(rng, buyer_country, language, with_bank=False)
    company = rng.choice(COMPANIES.get(buyer_country, COMPANIES["GB"]))
    person = ""
    if layout in {"din_window", "logo_inclusive", "marketplace_sold_by"} and rng.random() < 0.5:
        person = rng.choice(PEOPLE.get(buyer_country, PEOPLE["GB"]))
    buyer = dataclasses.replace(buyer, name=person or company)
    fmt = seller.country.number_format
    lines: list[Line] = []
    quantities = ("1", "2", "3", "4", "10", "0.5", "12")
    if country == "US":
        rate = Decimal(seller.country.tax_rates[0])
        for text in rng.sample(ITEMS_US, rng.randint(2, 4)):
            lines.append(
                Line(
                    text,
                    "",
                    Decimal(rng.choice(quantities[:5])),
                    Decimal(rng.randint(500, 60000)) / 100,
                    rate,
                )
            )
    elif country == "IN":
        for text in rng.sample(ITEMS_IN, rng.randint(2, 4)):
            lines.append(
                Line(
                    text,
                    "",
                    Decimal(rng.choice(("5", "10", "25", "100"))),
                    Decimal(rng.randint(4000, 900000)) / 100,
                    Decimal(18),
                )
            )
    elif layout == "irpf_retention":
        for text in rng.sample(ITEMS_ES_PRO, rng.randint(1, 3)):
            lines.append(
                Line(
                    text,
                    "",
                    Decimal(rng.choice(("1", "2", "6", "8"))),
                    Decimal(rng.randint(4000, 90000)) / 100,
                    Decimal(21),
                )
            )
    else:
        pool = list(ITEMS2[language])
        # Prices incl. VAT print no base: one rate, so that the base (gross - tax) can be known.
        two_rates = layout in {"din_window", "rate_table", "rows_rate_only"} or (
            layout != "logo_inclusive" and rng.random() < 0.4
        )
        rates = sorted({r for _t, r in pool}, reverse=True)
        for text, item_rate in rng.sample(pool, rng.randint(2, len(pool))):
            rate = item_rate if two_rates else rates[0]
            if layout == "brand_of":
                rate = Decimal(0) if buyer_country != "GB" else Decimal(20)
            lines.append(
                Line(text, "", Decimal(rng.choice(quantities)), Decimal(rng.randint(300, 150000)) / 100, rate)
            )
        if (
            layout in {"din_window", "rate_table", "rows_rate_only"}
            and len({line.rate for line in lines}) < 2
        ):
            lines[-1] = dataclasses.replace(lines[-1], rate=rates[1])
    issue = date(2025, 2, 1) + timedelta(days=rng.randint(0, 500))
    number = rng.choice(
        (
            f"{issue.year}-{rng.randint(1, 9999):04d}",
            f"R{rng.randint(100000, 999999)}",
            f"INV/{issue.year % 100}/{rng.randint(100, 999)}",
            f"FV{rng.randint(10000, 99999)}",
        )
    )
    date_format = {
        "en": "dd_mon_yyyy",
        "de": "dot_dmy",
        "nl": "dash_dmy",
        "it": "slash_dmy",
        "fr": "slash_dmy",
        "es": "slash_dmy",
    }[language]
    if country == "US":
        date_format = "us_long"
    issuer_names: tuple[str, ...] = ()
    texts: dict[str, str] = {}
    if layout == "brand_of":
        brand = rng.choice(BRANDS)
        issuer_names = (seller.name, brand)
        texts["brand"] = brand
    if layout == "marketplace_sold_by":
        platform = rng.choice(PLATFORMS)
        issuer_names = (seller.name, platform)
        texts["platform"] = platform
    ship_name = ""
    if layout in {"bill_ship_names", "gst_split", "marketplace_sold_by"}:
        ship_name = rng.choice(
            [c for c in COMPANIES.get(buyer_country, COMPANIES["GB"]) if c != company]
            + list(PEOPLE.get(buyer_country, PEOPLE["GB"]))
        )
    style = "exclusive"
    if layout == "logo_inclusive":
        style = "inclusive"
    elif layout == "exempt_note":
        style = "exempt"
        lines = [dataclasses.replace(line, rate=Decimal(0)) for line in lines]
    elif layout == "gst_split":
        style = "split" if rng.random() < 0.6 else "igst"
    return TaxContent(
        doc_id=doc_id,
        language=language,
        seller=seller,
        buyer=buyer,
        number=number,
        issue=issue,
        due=issue + timedelta(days=rng.choice((7, 14, 30))),
        currency=seller.country.currency,
        number_format=fmt,
        date_format=date_format,
        money_style=rng.choice(("symbol_suffix", "symbol_prefix", "code_suffix", "code_prefix")),
        lines=lines,
        customer_no=f"{rng.randint(10000, 99999)}",
        labels=dict(LABELS[language]),
        tax_style=style,
        withholding_rate=Decimal(15) if layout == "irpf_retention" and rng.random() < 0.8 else None,
        issuer_names=issuer_names,
        buyer_person=person,
        buyer_company=company,
        ship_name=ship_name,
        texts=texts,
    )


def _lines_html(parts: list[str]) -> str:
    return "<br>".join(_e(p) for p in parts if p)


def _recipient(c: TaxContent, co: str = "c/o") -> str:
    """The recipient's address lines: a person "c/o" the company, or the company."""
    b = c.buyer
    if c.buyer_person:
        return _lines_html(
            [c.buyer_person, f"{co} {c.buyer_company}", b.street, b.postal_city, b.country.name]
        )
    return _lines_html([b.name, b.street, b.postal_city, b.country.name])


def din_window(c: TaxContent) -> str:
    """DIN 5008 letter: letterhead at the top right, a return-address line with middle dots above an
    UNLABELLED recipient block, an information block at the right with the issuer's VAT id beside the
    recipient, the rate as "MwSt. 7%" in the item rows only, and a summary (rate | net | VAT | gross)."""
    w = WINDOW_LABELS[c.language]
    s = c.seller
    css = """
    .lh { text-align: right; } .lh b { font-size: 16pt; } .ret { font-size: 6.5pt; color: #444; margin-bottom: 5px; }
    .info td { font-size: 8pt; padding: 1px 4px; } .items { width: 100%; margin-top: 10mm; }
    .items th { border-bottom: 1px solid #000; text-align: left; } .sum td, .sum th { font-size: 8pt; padding: 1px 8px; }
    .foot { margin-top: 20mm; font-size: 6.5pt; color: #444; border-top: 0.5px solid #999; }
    """
    items = "".join(
        f"<tr><td>{i}</td><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td>"
        f"<td class='r'>{_e(c.num(line.unit_price))}</td><td>{_e(w['rate_col'])} {_e(c.rate(line.rate))}</td>"
        f"<td class='r'>{_e(c.num(line.amount))}</td></tr>"
        for i, line in enumerate(c.lines, 1)
    )
    summary = "".join(
        f"<tr><td>{_e(c.rate(rate))}</td><td class='r'>{_e(c.num(base))}</td><td class='r'>{_e(c.num(tax))}</td><td class='r'>{_e(c.num(base + tax))}</td></tr>"
        for rate, base, tax in c.tax_groups()
    )
    head = "".join(f"<th>{_e(h)}</th>" for h in w["summary"])
    your_vat = (
        f"<tr><td>{_e(w['your_vat'])}</td><td>{_e(c.buyer.vat_id_printed)}</td></tr>"
        if c.buyer.vat_id_printed and not c.buyer_person
        else ""
    )
    lab = c.labels
    body = f"""
    <div class='lh'><b>{_e(s.name)}</b><br><span class='small'>{_e(s.street)} · {_e(s.postal_city)}<br>{_e(s.phone)} · {_e(s.email)}</span></div>
    <table style='width:100%; margin-top:14mm'><tr><td style='width:60%'>
      <div class='ret'>{_e(s.name)} · {_e(s.street)} · {_e(s.postal_city)}</div>{_recipient(c, w["co"])}</td>
      <td><table class='info' style='margin-left:auto'>
        <tr><td>{_e(w["number"])}</td><td>{_e(c.number)}</td></tr>
        <tr><td>{_e(w["date"])}</td><td>{_e(c.day(c.issue))}</td></tr>
        <tr><td>{_e(w["customer"])}</td><td>{_e(c.customer_no)}</td></tr>
        <tr><td>{_e(w["our_vat"])}</td><td>{_e(s.vat_id_printed or "")}</td></tr>{your_vat}</table></td></tr></table>
    <h3 style='margin-top:12mm'>{_e(lab["title"])} {_e(c.number)}</h3>
    <table class='items'><tr><th>{_e(lab["pos"])}</th><th>{_e(lab["description"])}</th><th class='r'>{_e(lab["qty"])}</th>
    <th class='r'>{_e(lab["price"])}</th><th>{_e(w["rate_col"])}</th><th class='r'>{_e(lab["amount"])}</th></tr>{items}</table>
    <table style='width:100%; margin-top:8px'><tr><td><table class='sum'><tr>{head}</tr>{summary}</table></td>
    <td><table style='margin-left:auto'><tr><td>{_e(w["net"])}</td><td class='r'>{_e(c.money(c.net))}</td></tr>
    <tr><td><b>{_e(w["gross"])}</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table></td></tr></table>
    <div class='foot'>{_e(s.name)} · {_e(lab["registered"])} · {_e(s.bank_name or "")} · IBAN {_e(s.iban_printed or "")} · BIC {_e(s.bic or "")}</div>
    """
    return _page(c, css, body)


BILL_SHIP_PAIRS = (
    ("Bill To", "Ship To"),
    ("Sold To", "Ship To"),
    ("Invoice To", "Deliver To"),
    ("Customer", "Shipping Address"),
    ("Client", "Job Site"),
)


def bill_ship_names(c: TaxContent) -> str:
    """US invoice: Bill To and Ship To side by side with different names, the seller's name only as a big
    heading at the top left, sales tax one line."""
    s = c.seller
    bill, ship = BILL_SHIP_PAIRS[sum(map(ord, c.doc_id + c.number)) % len(BILL_SHIP_PAIRS)]
    b = c.buyer
    ship_party = [c.ship_name, f"{rng_street(c)}", b.postal_city]
    css = """
    .name { font-size: 18pt; font-weight: bold; color: #345; } .k { font-weight: bold; border-bottom: 1px solid #345; }
    .items { width: 100%; margin-top: 14px; } .items th { background: #dde; text-align: left; }
    """
    items = "".join(
        f"<tr><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td><td class='r'>{_e(c.money(line.unit_price))}</td><td class='r'>{_e(c.money(line.amount))}</td></tr>"
        for line in c.lines
    )
    rate, _base, tax = c.tax_groups()[0]
    body = f"""
    <table style='width:100%'><tr><td><div class='name'>{_e(s.name)}</div><div class='small'>{_e(s.street)}, {_e(s.postal_city)} · {_e(s.phone)}</div></td>
    <td class='r'><b style='font-size:20pt'>INVOICE</b><br>Invoice # {_e(c.number)}<br>Date: {_e(c.day(c.issue))}<br>Due: {_e(c.day(c.due))}</td></tr></table>
    <table style='width:100%; margin-top:16px'><tr><td style='width:50%'><div class='k'>{_e(bill)}</div>{_lines_html([b.name, b.street, b.postal_city])}</td>
    <td><div class='k'>{_e(ship)}</div>{_lines_html(ship_party)}</td></tr></table>
    <table class='items'><tr><th>Item</th><th class='r'>Qty</th><th class='r'>Rate</th><th class='r'>Amount</th></tr>{items}</table>
    <table style='margin-left:auto; margin-top:8px'><tr><td>Subtotal</td><td class='r'>{_e(c.money(c.net))}</td></tr>
    <tr><td>Sales Tax {_e(c.rate(rate))}</td><td class='r'>{_e(c.money(tax))}</td></tr>
    <tr><td><b>Total</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table>
    <p class='small'>Make checks payable to {_e(s.name)}. Questions? {_e(s.email)}</p>
    """
    return _page(c, css, body)


def rng_street(c: TaxContent) -> str:
    """A delivery street other than the billing one (derived from the document, stable across runs)."""
    return f"{100 + sum(map(ord, c.number)) % 800} Warehouse Row"


def logo_inclusive(c: TaxContent) -> str:
    """B2C shop invoice: the issuer's name only in a logo image and in the legal footer line, prices incl.
    VAT, "Total incl. VAT" and "contains VAT x %" without the net."""
    w = INCLUSIVE_LABELS[c.language]
    s = c.seller
    lab = c.labels
    css = """
    .items { width: 100%; margin-top: 14px; } .items th { border-bottom: 2px solid #a33; text-align: left; }
    .items td { border-bottom: 1px solid #eee; } .legal { margin-top: 24mm; font-size: 6.5pt; color: #666; text-align: center; }
    """
    items = "".join(
        f"<tr><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td><td class='r'>{_e(c.money(line.unit_price))}</td><td class='r'>{_e(c.money(line.amount))}</td></tr>"
        for line in c.lines
    )
    contains = "".join(
        f"<tr><td class='small'>{_e(w['contains'].format(rate=c.rate(rate)))}</td><td class='r small'>{_e(c.money(tax))}</td></tr>"
        for rate, _base, tax in c.tax_groups()
    )
    legal = w["legal"].format(city=s.postal_city, vat=s.vat_id_printed or "")
    body = f"""
    <table style='width:100%'><tr><td><img src='{_logo_png(s.name, (170, 50, 50))}' style='height:34px'></td>
    <td class='r small'>{_e(s.street)}<br>{_e(s.postal_city)}<br>{_e(s.email)}</td></tr></table>
    <h2>{_e(w["title"])}</h2>
    <table style='width:100%'><tr><td style='width:55%'><span class='small'>{_e(w["customer"])}</span><br>{_recipient(c)}</td>
    <td><table style='margin-left:auto'><tr><td>{_e(w["number"])}</td><td>{_e(c.number)}</td></tr>
    <tr><td>{_e(w["date"])}</td><td>{_e(c.day(c.issue))}</td></tr><tr><td>{_e(w["order"])}</td><td>{_e(c.customer_no)}-{_e(c.number[-3:])}</td></tr></table></td></tr></table>
    <table class='items'><tr><th>{_e(lab["description"])}</th><th class='r'>{_e(lab["qty"])}</th><th class='r'>{_e(lab["price"])}</th><th class='r'>{_e(lab["amount"])}</th></tr>{items}</table>
    <table style='margin-left:auto; margin-top:8px'><tr><td><b>{_e(w["total"])}</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr>{contains}</table>
    <div class='legal'>{_e(s.name)} · {_e(legal)}</div>
    """
    return _page(c, css, body)


def gst_split(c: TaxContent) -> str:
    """Indian tax invoice: GSTINs, "Billed to" and "Shipped to" with different names, CGST + SGST at half
    the rate each (or IGST at the full rate) under the taxable value, amount in words omitted."""
    s = c.seller
    b = c.buyer
    css = """
    .box td { border: 1px solid #555; } .items { width: 100%; margin-top: 8px; } .items th, .items td { border: 1px solid #777; }
    """
    items = "".join(
        f"<tr><td>{i}</td><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td><td class='r'>{_e(c.num(line.unit_price))}</td><td class='r'>{_e(c.num(line.amount))}</td></tr>"
        for i, line in enumerate(c.lines, 1)
    )
    groups = c.tax_groups()
    if c.tax_style == "split":
        tax_rows = "".join(
            f"<tr><td>Add: {name} @ {_e(c.rate(rate))}</td><td class='r'>{_e(c.num(tax))}</td></tr>"
            for name, (rate, _base, tax) in zip(("CGST", "SGST"), groups, strict=True)
        )
    else:
        tax_rows = "".join(
            f"<tr><td>Add: IGST @ {_e(c.rate(rate))}</td><td class='r'>{_e(c.num(tax))}</td></tr>"
            for rate, _b, tax in groups
        )
    body = f"""
    <div style='text-align:center'><b style='font-size:15pt'>{_e(s.name)}</b><br>{_e(s.street)}, {_e(s.postal_city)}<br>GSTIN: {_e(s.vat_id_printed or "")}</div>
    <div style='text-align:center; margin-top:6px'><b>TAX INVOICE</b></div>
    <table class='box' style='width:100%'><tr><td>Invoice No: {_e(c.number)}</td><td>Invoice Date: {_e(c.day(c.issue))}</td></tr>
    <tr><td style='width:50%'><b>Billed to:</b><br>{_lines_html([b.name, b.street, b.postal_city])}<br>GSTIN: {_e(b.vat_id_printed or "")}</td>
    <td><b>Shipped to:</b><br>{_lines_html([c.ship_name, rng_street(c), b.postal_city])}</td></tr></table>
    <table class='items'><tr><th>S.No</th><th>Description of Goods</th><th class='r'>Qty</th><th class='r'>Rate</th><th class='r'>Amount (₹)</th></tr>{items}</table>
    <table style='margin-left:auto; margin-top:6px'><tr><td>Taxable Value</td><td class='r'>{_e(c.num(c.net))}</td></tr>{tax_rows}
    <tr><td><b>Grand Total</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table>
    <p class='small'>Bank: {_e(s.bank_name or "")} · For {_e(s.name)} — Authorised Signatory</p>
    """
    return _page(c, css, body)


def irpf_retention(c: TaxContent) -> str:
    """Spanish professional's invoice: "Destinatario" block, issuer NIF beside it, Base imponible, IVA
    21 %, Retención IRPF -15 %, Total factura."""
    s = c.seller
    b = c.buyer
    css = """
    .items { width: 100%; margin-top: 12px; } .items th { border-bottom: 1px solid #000; text-align: left; }
    .k { font-size: 7.5pt; color: #666; text-transform: uppercase; }
    """
    items = "".join(
        f"<tr><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td><td class='r'>{_e(c.money(line.unit_price))}</td><td class='r'>{_e(c.money(line.amount))}</td></tr>"
        for line in c.lines
    )
    rate, _base, tax = c.tax_groups()[0]
    retention = (
        f"<tr><td>Retención IRPF (-{_e(c.rate(c.withholding_rate))})</td><td class='r'>-{_e(c.money(c.withholding))}</td></tr>"
        if c.withholding_rate is not None
        else ""
    )
    body = f"""
    <table style='width:100%'><tr><td><b style='font-size:14pt'>{_e(s.name)}</b><br>{_e(s.street)}<br>{_e(s.postal_city)}</td>
    <td class='r'><b style='font-size:18pt'>FACTURA</b><br>Nº {_e(c.number)}<br>Fecha: {_e(c.day(c.issue))}</td></tr></table>
    <table style='width:100%; margin-top:14px'><tr><td style='width:55%'><div class='k'>Destinatario</div>{_lines_html([b.name, b.street, b.postal_city])}<br>NIF: {_e(b.vat_id_printed or "")}</td>
    <td><div class='k'>Datos del emisor</div>NIF: {_e(s.vat_id_printed or "")}<br>{_e(s.email)}<br>{_e(s.phone)}</td></tr></table>
    <table class='items'><tr><th>Concepto</th><th class='r'>Horas</th><th class='r'>Precio</th><th class='r'>Importe</th></tr>{items}</table>
    <table style='margin-left:auto; margin-top:8px'><tr><td>Base imponible</td><td class='r'>{_e(c.money(c.net))}</td></tr>
    <tr><td>IVA ({_e(c.rate(rate))})</td><td class='r'>{_e(c.money(tax))}</td></tr>{retention}
    <tr><td><b>Total factura</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table>
    <p class='small'>Forma de pago: transferencia a {_e(s.iban_printed or "")}</p>
    """
    return _page(c, css, body)


def marketplace_sold_by(c: TaxContent) -> str:
    """Marketplace invoice: the platform's name as the big heading, "Sold by X" with X's VAT id, invoice
    and delivery addresses with different names, a footer saying the platform issued it for X."""
    w = MARKET_LABELS[c.language]
    s = c.seller
    b = c.buyer
    platform = c.texts["platform"]
    css = """
    .brand { font-size: 20pt; font-weight: bold; color: #e70; } .k { font-weight: bold; font-size: 8pt; }
    .items { width: 100%; margin-top: 12px; } .items th { background: #f3f3f3; text-align: left; }
    """
    items = "".join(
        f"<tr><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td><td class='r'>{_e(c.money(line.unit_price))}</td><td class='r'>{_e(c.rate(line.rate))}</td><td class='r'>{_e(c.money(line.amount))}</td></tr>"
        for line in c.lines
    )
    taxes = "".join(
        f"<tr><td>{_e(w['tax'])} {_e(c.rate(rate))}</td><td class='r'>{_e(c.money(tax))}</td></tr>"
        for rate, _b, tax in c.tax_groups()
    )
    lab = c.labels
    body = f"""
    <table style='width:100%'><tr><td class='brand'>{_e(platform)}</td><td class='r'><b>{_e(w["title"])}</b><br>{_e(w["number"])}: {_e(c.number)}<br>{_e(w["date"])}: {_e(c.day(c.issue))}<br>{_e(w["order"])}: {_e(c.customer_no)}</td></tr></table>
    <p><span class='k'>{_e(w["sold_by"])}:</span> {_e(s.name)}, {_e(s.street)}, {_e(s.postal_city)} · {_e(w["vat"])} {_e(s.vat_id_printed or "")}</p>
    <table style='width:100%'><tr><td style='width:50%'><span class='k'>{_e(w["to"])}</span><br>{_recipient(c)}</td>
    <td><span class='k'>{_e(w["ship"])}</span><br>{_lines_html([c.ship_name, b.street, b.postal_city])}</td></tr></table>
    <table class='items'><tr><th>{_e(lab["description"])}</th><th class='r'>{_e(lab["qty"])}</th><th class='r'>{_e(lab["price"])}</th><th class='r'>{_e(lab["rate"])}</th><th class='r'>{_e(lab["amount"])}</th></tr>{items}</table>
    <table style='margin-left:auto; margin-top:8px'><tr><td>{_e(w["net"])}</td><td class='r'>{_e(c.money(c.net))}</td></tr>{taxes}
    <tr><td><b>{_e(w["gross"])}</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table>
    <p class='small'>{_e(w["invoiced_by"].format(platform=platform, seller=s.name))}</p>
    """
    return _page(c, css, body)


def brand_of(c: TaxContent) -> str:
    """UK invoice under a trading name ("Inkpot, a brand of X Ltd"), "Invoice to", "VAT @ 20%" (or
    "VAT @ 0%" with a reverse-charge note for a buyer abroad)."""
    s = c.seller
    brand = c.texts["brand"]
    css = """
    .brand { font-size: 22pt; font-weight: bold; color: #158; } .items { width: 100%; margin-top: 12px; }
    .items th { border-bottom: 1px solid #158; text-align: left; } .foot { margin-top: 20mm; font-size: 7pt; color: #555; }
    """
    items = "".join(
        f"<tr><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td><td class='r'>{_e(c.money(line.unit_price))}</td><td class='r'>{_e(c.money(line.amount))}</td></tr>"
        for line in c.lines
    )
    rate, _base, tax = c.tax_groups()[0]
    reverse = (
        "<p class='small'>Reverse charge: customer to account for VAT to HMRC / the tax authority of the customer's member state.</p>"
        if rate == 0
        else ""
    )
    b = c.buyer
    your_vat = f"<br>VAT no.: {_e(b.vat_id_printed)}" if b.vat_id_printed and rate == 0 else ""
    body = f"""
    <table style='width:100%'><tr><td><div class='brand'>{_e(brand)}</div><div class='small'>{_e(s.street)} · {_e(s.postal_city)} · {_e(s.email)}</div></td>
    <td class='r'><b>INVOICE</b><br>Number: {_e(c.number)}<br>Tax point: {_e(c.day(c.issue))}<br>Payment due: {_e(c.day(c.due))}</td></tr></table>
    <p><b>Invoice to</b><br>{_lines_html([b.name, b.street, b.postal_city, b.country.name])}{your_vat}</p>
    <table class='items'><tr><th>Description</th><th class='r'>Qty</th><th class='r'>Price</th><th class='r'>Total</th></tr>{items}</table>
    <table style='margin-left:auto; margin-top:8px'><tr><td>Net</td><td class='r'>{_e(c.money(c.net))}</td></tr>
    <tr><td>VAT @ {_e(c.rate(rate))}</td><td class='r'>{_e(c.money(tax))}</td></tr>
    <tr><td><b>Amount due</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table>{reverse}
    <div class='foot'>{_e(brand)} is a brand of {_e(s.name)}, registered in England and Wales no. 08813347. VAT reg. no. {_e(s.vat_id_printed or "")}.<br>
    IBAN {_e(s.iban_printed or "")} · BIC {_e(s.bic or "")}</div>
    """
    return _page(c, css, body)


RATE_LABELS = {
    "fr": ("Client", "Taux", "Base HT", "Montant TVA", "Total TTC", "Total HT", "TVA", "Net à payer"),
    "it": ("Cliente", "Aliquota", "Imponibile", "Imposta", "Totale", "Totale imponibile", "Totale IVA", "Totale da pagare"),
    "nl": ("Klant", "Tarief", "Grondslag", "Btw-bedrag", "Totaal", "Subtotaal", "Totaal btw", "Te betalen"),
    "de": ("Kunde", "Satz", "Nettobetrag", "Steuer", "Bruttobetrag", "Summe netto", "Summe USt.", "Zahlbetrag"),
    "es": ("Cliente", "Tipo", "Base imponible", "Cuota IVA", "Total", "Total base", "Total IVA", "Total a pagar"),
    "en": ("Customer", "Rate", "Net", "VAT", "Gross", "Total net", "Total VAT", "Total to pay"),
}  # fmt: skip


def rate_table(c: TaxContent) -> str:
    """Customer block labelled "Client / Cliente / Klant / Kunde" at the left with the issuer's VAT id in a
    box beside it, items with a bare rate column, a rate summary whose rates carry no "%" sign."""
    customer, rate_h, base_h, tax_h, gross_h, net_l, tax_l, gross_l = RATE_LABELS[c.language]
    s = c.seller
    lab = c.labels
    css = """
    .box { border: 1px solid #999; padding: 6px; } .items { width: 100%; margin-top: 12px; } .items th { background: #eee; }
    .sum th, .sum td { border: 1px solid #bbb; padding: 2px 8px; }
    """
    items = "".join(
        f"<tr><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td><td class='r'>{_e(c.num(line.unit_price))}</td><td class='r'>{_e(c.num(line.rate))}</td><td class='r'>{_e(c.num(line.amount))}</td></tr>"
        for line in c.lines
    )
    summary = "".join(
        f"<tr><td class='r'>{_e(c.num(rate))}</td><td class='r'>{_e(c.num(base))}</td><td class='r'>{_e(c.num(tax))}</td><td class='r'>{_e(c.num(base + tax))}</td></tr>"
        for rate, base, tax in c.tax_groups()
    )
    b = c.buyer
    body = f"""
    <div style='font-size:16pt; font-weight:bold'>{_e(s.name)}</div><div class='small'>{_e(s.street)} · {_e(s.postal_city)} · {_e(s.phone)}</div>
    <table style='width:100%; margin-top:12px'><tr><td style='width:50%'><b>{_e(customer)}</b><br>{_lines_html([b.name, b.street, b.postal_city])}</td>
    <td class='box'>{_e(lab["vat_id"])}: {_e(s.vat_id_printed or "")}<br>{_e(lab["number"])}: {_e(c.number)}<br>{_e(lab["date"])}: {_e(c.day(c.issue))}<br>{_e(lab["due"])}: {_e(c.day(c.due))}</td></tr></table>
    <table class='items'><tr><th>{_e(lab["description"])}</th><th class='r'>{_e(lab["qty"])}</th><th class='r'>{_e(lab["price"])}</th><th class='r'>{_e(lab["rate"])} %</th><th class='r'>{_e(lab["amount"])}</th></tr>{items}</table>
    <table style='width:100%; margin-top:10px'><tr><td><table class='sum'><tr><th>{_e(rate_h)}</th><th>{_e(base_h)}</th><th>{_e(tax_h)}</th><th>{_e(gross_h)}</th></tr>{summary}</table></td>
    <td><table style='margin-left:auto'><tr><td>{_e(net_l)}</td><td class='r'>{_e(c.money(c.net))}</td></tr><tr><td>{_e(tax_l)}</td><td class='r'>{_e(c.money(c.tax))}</td></tr>
    <tr><td><b>{_e(gross_l)}</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table></td></tr></table>
    <p class='small'>{_e(lab["bank"])}: IBAN {_e(s.iban_printed or "")} · BIC {_e(s.bic or "")}</p>
    """
    return _page(c, css, body)


def rows_rate_only(c: TaxContent) -> str:
    """The rate printed in the item rows only ("MwSt. 7%"), the totals block with the net, the tax summed
    over the rates without a rate, and the gross: the tax lines come from the rows."""
    w = WINDOW_LABELS[c.language]
    s = c.seller
    b = c.buyer
    lab = c.labels
    css = """
    .items { width: 100%; margin-top: 14px; } .items th { border-bottom: 1px solid #333; text-align: left; }
    .items td { border-bottom: 1px dotted #bbb; }
    """
    items = "".join(
        f"<tr><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td><td class='r'>{_e(c.num(line.unit_price))}</td>"
        f"<td>{_e(w['rate_col'])} {_e(c.rate(line.rate))}</td><td class='r'>{_e(c.num(line.amount))}</td></tr>"
        for line in c.lines
    )
    body = f"""
    <table style='width:100%'><tr><td><b style='font-size:15pt'>{_e(s.name)}</b><br><span class='small'>{_e(s.street)} · {_e(s.postal_city)}</span></td>
    <td class='r'><b style='font-size:16pt'>{_e(lab["title"])}</b><br>{_e(w["number"])} {_e(c.number)}<br>{_e(w["date"])} {_e(c.day(c.issue))}</td></tr></table>
    <p><span class='small'>{_e(lab["to"])}</span><br>{_lines_html([b.name, b.street, b.postal_city, b.country.name])}</p>
    <table class='items'><tr><th>{_e(lab["description"])}</th><th class='r'>{_e(lab["qty"])}</th><th class='r'>{_e(lab["price"])}</th><th></th><th class='r'>{_e(lab["amount"])} ({_e(c.currency)})</th></tr>{items}</table>
    <table style='margin-left:auto; margin-top:8px'><tr><td>{_e(w["net"])}</td><td class='r'>{_e(c.money(c.net))}</td></tr>
    <tr><td>{_e(w["tax"])}</td><td class='r'>{_e(c.money(c.tax))}</td></tr>
    <tr><td><b>{_e(w["gross"])}</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table>
    <p class='small'>{_e(lab["vat_id"])} {_e(s.vat_id_printed or "")} · IBAN {_e(s.iban_printed or "")} · BIC {_e(s.bic or "")}</p>
    """
    return _page(c, css, body)


EXEMPT_NOTES = {
    "de": ("Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.", "Gesamtbetrag", "Steuernummer 27/512/04418"),
    "fr": ("TVA non applicable, article 293 B du CGI.", "Total à payer", "SIRET 512 334 871 00018"),
    "it": ("Operazione senza applicazione dell'IVA ai sensi dell'art. 1, c. 54-89, L. 190/2014 (regime forfettario).", "Totale da pagare", "C.F. RSSLCU80A41H501U"),
    "es": ("Operación exenta de IVA según el artículo 20 de la Ley 37/1992.", "Total a pagar", "Colegiado nº 4471"),
    "nl": ("Vrijgesteld van btw op grond van de kleineondernemersregeling (KOR).", "Totaal te betalen", "KvK 71829304"),
    "en": ("No VAT charged: the supplier is not registered for VAT.", "Amount due", "Sole trader, UTR 81190 44721"),
}  # fmt: skip


def exempt_note(c: TaxContent) -> str:
    """A small business or exempt supply: no tax line at all, one total, and the legal note saying why."""
    note, total_label, reg = EXEMPT_NOTES[c.language]
    s = c.seller
    b = c.buyer
    lab = c.labels
    css = """
    .items { width: 100%; margin-top: 14px; } .items th { background: #eee; text-align: left; }
    """
    body = f"""
    <div style='font-size:15pt'>{_e(s.name)}</div><div class='small'>{_e(s.street)}, {_e(s.postal_city)} · {_e(s.email)} · {_e(reg)}</div>
    <table style='width:100%; margin-top:16px'><tr><td style='width:55%'><span class='small'>{_e(lab["to"])}</span><br>{_lines_html([b.name, b.street, b.postal_city])}</td>
    <td><table style='margin-left:auto'><tr><td>{_e(lab["number"])}</td><td>{_e(c.number)}</td></tr><tr><td>{_e(lab["date"])}</td><td>{_e(c.day(c.issue))}</td></tr>
    <tr><td>{_e(lab["due"])}</td><td>{_e(c.day(c.due))}</td></tr></table></td></tr></table>
    <h3>{_e(lab["title"])}</h3>
    <table class='items'>{_plain_head(c)}{_plain_rows(c)}</table>
    <table style='margin-left:auto; margin-top:8px'><tr><td><b>{_e(total_label)}</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table>
    <p>{_e(note)}</p>
    <p class='small'>{_e(lab["bank"])}: IBAN {_e(s.iban_printed or "")} · BIC {_e(s.bic or "")}</p>
    """
    return _page(c, css, body)


def _plain_head(c: TaxContent) -> str:
    lab = c.labels
    return (
        f"<tr><th>{_e(lab['description'])}</th><th class='r'>{_e(lab['qty'])}</th>"
        f"<th class='r'>{_e(lab['price'])}</th><th class='r'>{_e(lab['amount'])}</th></tr>"
    )


def _plain_rows(c: TaxContent) -> str:
    return "".join(
        f"<tr><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td>"
        f"<td class='r'>{_e(c.money(line.unit_price))}</td><td class='r'>{_e(c.money(line.amount))}</td></tr>"
        for line in c.lines
    )


def _dispatch(layout: str) -> Callable[[Content], str]:
    renderer = {
        "din_window": din_window,
        "bill_ship_names": bill_ship_names,
        "logo_inclusive": logo_inclusive,
        "gst_split": gst_split,
        "irpf_retention": irpf_retention,
        "marketplace_sold_by": marketplace_sold_by,
        "brand_of": brand_of,
        "rate_table": rate_table,
        "rows_rate_only": rows_rate_only,
        "exempt_note": exempt_note,
    }[layout]

    def render(c: Content) -> str:
        assert isinstance(c, TaxContent)
        return renderer(c)

    return render


WORLD2_RENDERERS: dict[str, Callable[[Content], str]] = {
    layout: _dispatch(layout) for layout in WORLD2_LAYOUTS
}
