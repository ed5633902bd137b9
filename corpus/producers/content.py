"""Invented invoice content for the producer harness: parties, items, totals, labels in six languages.

Everything here is made up for this harness (names, items, labels, layouts): it exists to measure how we
read text layers written by real HTML/office engines, not to mirror any real document. The expected
values come out in the format ``benchmarks/real_invoices.py`` scores (``fields``, ``tax_lines``,
``line_items``), so that harness's scoring applies unchanged.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from corpus.identities import Party, make_party
from corpus.locales import format_date, format_money, format_number, format_quantity, format_rate

LANGUAGES = ("en", "de", "fr", "es", "nl", "it")
# (seller country, buyer country) per language: neighbours, so that some buyers are abroad.
COUNTRIES_OF = {
    "en": (("GB", "GB"), ("IE", "GB"), ("GB", "NL")),
    "de": (("DE", "DE"), ("AT", "DE"), ("DE", "AT")),
    "fr": (("FR", "FR"), ("BE", "FR"), ("FR", "BE")),
    "es": (("ES", "ES"), ("ES", "FR")),
    "nl": (("NL", "NL"), ("BE", "NL"), ("NL", "DE")),
    "it": (("IT", "IT"), ("IT", "DE")),
}
DATE_FORMATS = {
    "en": ("long", "us_long", "dd_mon_yyyy", "iso", "slash_dmy"),
    "de": ("dot_dmy", "long", "iso"),
    "fr": ("slash_dmy", "long"),
    "es": ("slash_dmy", "long"),
    "nl": ("dash_dmy", "long", "iso"),
    "it": ("slash_dmy", "dot_dmy"),
}

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Invoice", "number": "Invoice No.", "date": "Invoice date", "due": "Due date",
        "to": "Bill to", "from": "From", "description": "Description", "qty": "Qty",
        "price": "Unit price", "amount": "Amount", "rate": "VAT", "net": "Subtotal", "tax": "VAT",
        "gross": "Total due", "vat_id": "VAT No.", "bank": "Bank", "pos": "#", "customer": "Customer No.",
        "thanks": "Thank you for your business. Please quote the invoice number with your payment.",
        "base": "Net", "unit": "Unit", "registered": "Registered in England and Wales",
    },
    "de": {
        "title": "Rechnung", "number": "Rechnungsnummer", "date": "Rechnungsdatum", "due": "Fällig am",
        "to": "Rechnungsempfänger", "from": "Absender", "description": "Bezeichnung", "qty": "Menge",
        "price": "Einzelpreis", "amount": "Gesamt", "rate": "USt.", "net": "Nettobetrag",
        "tax": "Umsatzsteuer",
        "gross": "Rechnungsbetrag", "vat_id": "USt-IdNr.", "bank": "Bankverbindung", "pos": "Pos.",
        "customer": "Kundennummer",
        "thanks": "Bitte überweisen Sie den Betrag unter Angabe der Rechnungsnummer.",
        "base": "Netto", "unit": "Einheit", "registered": "Amtsgericht Hamburg HRB 40712",
    },
    "fr": {
        "title": "Facture", "number": "N° de facture", "date": "Date de facture", "due": "Date d'échéance",
        "to": "Facturé à", "from": "Émetteur", "description": "Désignation", "qty": "Qté",
        "price": "Prix unitaire HT", "amount": "Montant HT", "rate": "TVA", "net": "Total HT",
        "tax": "TVA", "gross": "Total TTC", "vat_id": "N° TVA intracommunautaire", "bank": "Banque",
        "pos": "N°", "customer": "Réf. client",
        "thanks": "Merci de rappeler le numéro de facture lors de votre règlement.",
        "base": "Base HT", "unit": "Unité", "registered": "RCS Bordeaux, capital 10 000 €",
    },
    "es": {
        "title": "Factura", "number": "Nº de factura", "date": "Fecha de factura",
        "due": "Fecha de vencimiento", "to": "Cliente", "from": "Emisor", "description": "Descripción",
        "qty": "Cant.", "price": "Precio unitario", "amount": "Importe", "rate": "IVA",
        "net": "Base imponible", "tax": "IVA", "gross": "Total factura", "vat_id": "NIF-IVA",
        "bank": "Banco", "pos": "Nº", "customer": "Nº cliente",
        "thanks": "Gracias por su confianza. Indique el número de factura en su transferencia.",
        "base": "Base", "unit": "Unidad", "registered": "Inscrita en el Registro Mercantil",
    },
    "nl": {
        "title": "Factuur", "number": "Factuurnummer", "date": "Factuurdatum", "due": "Vervaldatum",
        "to": "Factuuradres", "from": "Afzender", "description": "Omschrijving", "qty": "Aantal",
        "price": "Stukprijs", "amount": "Bedrag", "rate": "Btw", "net": "Subtotaal", "tax": "Btw",
        "gross": "Totaal te betalen", "vat_id": "Btw-nummer", "bank": "Bank", "pos": "Nr.",
        "customer": "Klantnummer",
        "thanks": "Gelieve het factuurnummer te vermelden bij uw betaling.",
        "base": "Grondslag", "unit": "Eenheid", "registered": "Ingeschreven bij de KvK",
    },
    "it": {
        "title": "Fattura", "number": "Numero fattura", "date": "Data fattura", "due": "Scadenza",
        "to": "Spett.le", "from": "Mittente", "description": "Descrizione", "qty": "Q.tà",
        "price": "Prezzo unitario", "amount": "Importo", "rate": "IVA", "net": "Imponibile", "tax": "IVA",
        "gross": "Totale documento", "vat_id": "P.IVA", "bank": "Banca", "pos": "N.",
        "customer": "Codice cliente",
        "thanks": "Si prega di indicare il numero della fattura nel pagamento.",
        "base": "Imponibile", "unit": "Unità", "registered": "Iscritta al Registro Imprese",
    },
}  # fmt: skip

# Our own invented item texts: (first line, detail line).
ITEMS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("Window cleaning, ground floor", "Monthly round, 14 panes"),
           ("Hosting plan Medium", "Renewal for twelve months"), ("Beech shelving unit", "Assembled on site"),
           ("Translation of product sheet", "English to Dutch, 2,400 words"),
           ("Courier delivery next day", "Zone 3, tracked"), ("Workshop facilitation", "Half day, on site")),
    "de": (("Wartung Heizungsanlage", "inkl. Abgasmessung"), ("Druck Flyer DIN lang", "135 g/m², beidseitig"),
           ("Fensterreinigung Bürofläche", "Turnus monatlich"),
           ("Softwarelizenz Lagerverwaltung", "Jahresabo"),
           ("Montage Trennwand", "Arbeitszeit je Stunde"), ("Kaffeebohnen Hausmischung", "Beutel zu 1 kg")),
    "fr": (("Entretien chaudière", "Visite annuelle"), ("Impression catalogues A5", "Papier recyclé"),
           ("Nettoyage des vitres", "Passage mensuel"), ("Abonnement logiciel de caisse", "Douze mois"),
           ("Pose de cloison", "Main d'œuvre, heure"), ("Café en grains", "Sachet de 1 kg")),
    "es": (("Mantenimiento caldera", "Revisión anual"), ("Impresión de folletos", "Papel estucado"),
           ("Limpieza de cristales", "Servicio mensual"), ("Licencia de software de almacén", "Anual"),
           ("Montaje de tabique", "Mano de obra por hora"), ("Café en grano", "Bolsa de 1 kg")),
    "nl": (("Onderhoud cv-ketel", "Jaarlijkse controle"), ("Drukwerk folders A5", "Gerecycled papier"),
           ("Glazenwassen kantoor", "Maandelijkse ronde"), ("Licentie kassasoftware", "Twaalf maanden"),
           ("Plaatsing scheidingswand", "Arbeid per uur"), ("Koffiebonen huismelange", "Zak van 1 kg")),
    "it": (("Manutenzione caldaia", "Controllo annuale"), ("Stampa volantini A5", "Carta riciclata"),
           ("Pulizia vetri uffici", "Servizio mensile"), ("Licenza software magazzino", "Canone annuo"),
           ("Montaggio parete divisoria", "Manodopera oraria"), ("Caffè in grani", "Sacchetto da 1 kg")),
}  # fmt: skip
SELLER_STEMS = (
    "Brightwater",
    "Kestrel",
    "Lindqvist",
    "Marlowe",
    "Tamarack",
    "Veldhuis",
    "Corvina",
    "Ostrava",
)
SELLER_TRADES = {
    "en": ("Facilities", "Print Studio", "Web Services"),
    "de": ("Haustechnik", "Druckwerkstatt", "Gebäudedienste"),
    "fr": ("Services", "Imprimerie", "Entretien"),
    "es": ("Servicios", "Artes Gráficas", "Mantenimiento"),
    "nl": ("Installatietechniek", "Drukwerk", "Schoonmaak"),
    "it": ("Servizi", "Grafica", "Impianti"),
}
BUYERS = {
    "en": ("Harbourside Dental Practice", "Dr. Imogen Fairley", "Otter & Finch Books Ltd"),
    "de": ("Praxis Dr. Jana Weidemann", "Bäckerei Sonnenkorn", "Kanzlei Wendt & Ohlsen"),
    "fr": ("Cabinet Lefèvre-Morin", "Boulangerie du Vieux Pont", "Mme Élodie Garnier"),
    "es": ("Clínica Dental Ribera", "Librería Alcázar S.L.", "D. Tomás Ferrer Olmo"),
    "nl": ("Tandartspraktijk De Linde", "Bakkerij Korenbloem", "Mevr. Sanne de Vries"),
    "it": ("Studio Legale Ferraresi", "Panificio La Spiga", "Dott.ssa Chiara Benetti"),
}
MONEY_STYLES = ("symbol_suffix", "symbol_prefix", "code_suffix", "code_prefix")
# Stamps printed across paid invoices, and honorifics a recipient name may be read with or without.
PAID = {"en": "Paid", "de": "Bezahlt", "fr": "Payée", "es": "Pagada", "nl": "Betaald", "it": "Pagata"}
HONORIFICS = ("Dr. ", "Mme ", "D. ", "Mevr. ", "Dott.ssa ")


@dataclass(frozen=True)
class Line:
    description: str
    detail: str
    quantity: Decimal
    unit_price: Decimal
    rate: Decimal

    @property
    def amount(self) -> Decimal:
        return (self.quantity * self.unit_price).quantize(Decimal("0.01"), ROUND_HALF_UP)


@dataclass
class Content:
    """One invented invoice, with everything a layout prints already formatted."""

    doc_id: str
    language: str
    seller: Party
    buyer: Party
    number: str
    issue: date
    due: date
    currency: str
    number_format: str
    date_format: str
    money_style: str
    lines: list[Line]
    customer_no: str
    labels: dict[str, str] = field(default_factory=dict)
    # Only the world layouts (``make_world_content``) fill these: lines printed under the buyer's name
    # (attention, department, c/o), a delivery party, the account e-mail, the invoice a credit note cancels.
    buyer_extra: tuple[str, ...] = ()
    ship_to: Party | None = None
    account_email: str = ""
    credited_invoice: str = ""

    def money(self, value: Decimal) -> str:
        return format_money(value, self.number_format, self.currency, self.money_style)

    def num(self, value: Decimal) -> str:
        return format_number(value, self.number_format)

    def qty(self, value: Decimal) -> str:
        return format_quantity(value, self.number_format)

    def rate(self, value: Decimal) -> str:
        return format_rate(value, self.number_format)

    def day(self, value: date) -> str:
        return format_date(value, self.date_format, self.language)

    def tax_groups(self) -> list[tuple[Decimal, Decimal, Decimal]]:
        """(rate, base, tax) per rate, highest rate first."""
        bases: dict[Decimal, Decimal] = {}
        for line in self.lines:
            bases[line.rate] = bases.get(line.rate, Decimal(0)) + line.amount
        return [
            (rate, base, (base * rate / 100).quantize(Decimal("0.01"), ROUND_HALF_UP))
            for rate, base in sorted(bases.items(), reverse=True)
        ]

    @property
    def net(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    @property
    def tax(self) -> Decimal:
        return sum((tax for _rate, _base, tax in self.tax_groups()), Decimal(0))

    @property
    def gross(self) -> Decimal:
        return self.net + self.tax

    def expected(self) -> dict[str, Any]:
        """What the extractor should read, in ``benchmarks/real_invoices.py``'s entry format."""
        fields: dict[str, Any] = {
            "invoice_number": self.number,
            "issue_date": self.issue.isoformat(),
            "due_date": self.due.isoformat(),
            "currency": self.currency,
            "issuer.name": self.seller.name,
            "issuer.vat_id": self.seller.vat_id,
            "issuer.iban": self.seller.iban,
            "issuer.bic": self.seller.bic,
            "recipient.name": _with_or_without_honorific(self.buyer.name),
            "totals.net": str(self.net),
            "totals.tax": str(self.tax),
            "totals.gross": str(self.gross),
        }
        return {
            "pdf": self.doc_id,
            "held_out": False,
            "fields": {k: v for k, v in fields.items() if v is not None},
            "tax_lines": [
                {"rate": str(rate), "base": str(base), "amount": str(tax)}
                for rate, base, tax in self.tax_groups()
            ],
            "line_items": [
                {
                    "description": line.description,
                    "quantity": str(line.quantity),
                    "unit_price": str(line.unit_price),
                    "amount": str(line.amount),
                }
                for line in self.lines
            ],
        }


def _with_or_without_honorific(name: str) -> str | list[str]:
    stripped = [name[len(h) :] for h in HONORIFICS + WORLD_HONORIFICS if name.startswith(h)]
    return [name, *stripped] if stripped else name


def make_content(doc_id: str, language: str, rng: random.Random) -> Content:
    seller_country, buyer_country = rng.choice(COUNTRIES_OF[language])
    seller = make_party(rng, seller_country, language, with_bank=True)
    seller = dataclasses.replace(
        seller,
        name=f"{rng.choice(SELLER_STEMS)} {rng.choice(SELLER_TRADES[language])} "
        f"{rng.choice(seller.country.legal_forms)}",
    )
    buyer = make_party(rng, buyer_country, language, with_bank=False)
    buyer = dataclasses.replace(buyer, name=rng.choice(BUYERS[language]))
    rates = [Decimal(r) for r in seller.country.tax_rates]
    two_rates = len(rates) > 1 and rng.random() < 0.35
    lines = []
    for description, detail in rng.sample(ITEMS[language], rng.randint(2, 5)):
        quantity = Decimal(rng.choice(("1", "2", "3", "5", "12", "0.5", "2.5", "40")))
        unit_price = Decimal(rng.randint(150, 240000)) / 100
        rate = rng.choice(rates[:2]) if two_rates else rates[0]
        lines.append(Line(description, detail, quantity, unit_price, rate))
    issue = date(2025, 1, 1) + timedelta(days=rng.randint(0, 600))
    prefix = rng.choice(("INV", "RE", "F", "2025-", "FA"))
    number = (
        f"{prefix}{rng.randint(1000, 99999)}"
        if not prefix.endswith("-")
        else f"{prefix}{rng.randint(100, 9999):05d}"
    )
    return Content(
        doc_id=doc_id,
        language=language,
        seller=seller,
        buyer=buyer,
        number=number,
        issue=issue,
        due=issue + timedelta(days=rng.choice((14, 30, 10))),
        currency=seller.country.currency,
        number_format=seller.country.number_format,
        date_format=rng.choice(DATE_FORMATS[language]),
        money_style=rng.choice(MONEY_STYLES),
        lines=lines,
        customer_no=f"{rng.randint(10000, 99999)}",
        labels=LABELS[language],
    )


# --- World layouts: more kinds of parties and documents (added later; the content above is unchanged so
# that the first four layouts' figures stay comparable). Every name below is invented.
WORLD_LAYOUT_LANGUAGES = {
    "window_letter": ("de", "fr", "it", "nl", "es", "de"),
    "us_bill_ship": ("en",),
    "gst_invoice": ("en",),
    "erp_letterhead": ("de", "fr", "nl", "en", "it", "es"),
    "saas_receipt": ("en", "de", "fr", "es", "nl", "it"),
    "credit_note": ("en", "de", "fr", "es", "nl", "it"),
    "brand_footer": ("de", "en", "fr", "it", "nl", "es"),
    "caps_inline": ("fr", "es", "en", "de", "it", "nl"),
    "einvoice_view": ("de", "fr", "it", "en", "nl", "es"),
}
# The second world set (corpus/producers/html_world2.py, issue #4).
WORLD2_LAYOUT_LANGUAGES = {
    "din_window": ("de", "de", "nl", "it", "fr", "es"),
    "bill_ship_names": ("en",),
    "logo_inclusive": ("de", "en", "fr", "es", "nl", "it"),
    "gst_split": ("en",),
    "irpf_retention": ("es",),
    "marketplace_sold_by": ("en", "de", "fr", "it", "es", "nl"),
    "brand_of": ("en",),
    "rate_table": ("fr", "it", "nl", "de", "es", "en"),
    "rows_rate_only": ("de", "it", "fr", "nl", "es", "en"),
    "exempt_note": ("de", "fr", "it", "es", "nl", "en"),
}
WORLD_LAYOUT_LANGUAGES.update(WORLD2_LAYOUT_LANGUAGES)
WORLD_COUNTRIES = {
    "en": (("GB", "GB"), ("IE", "GB"), ("GB", "DE")),
    "de": (("DE", "DE"), ("AT", "DE"), ("DE", "CH"), ("DE", "AT")),
    "fr": (("FR", "FR"), ("BE", "FR"), ("FR", "CH")),
    "es": (("ES", "ES"), ("ES", "FR")),
    "nl": (("NL", "NL"), ("BE", "NL"), ("NL", "BE")),
    "it": (("IT", "IT"), ("IT", "CH")),
}
# Seller names by country: family firms with "&", accents, long legal forms, trading names.
WORLD_SELLERS = {
    "DE": (
        "Hartmann & Söhne GmbH & Co. KG",
        "Elektro Brüggemann e.K.",
        "Nordstern Verpackung GmbH",
        "Zimmerei Ölschläger GmbH",
    ),
    "AT": ("Pichler Bau- und Möbeltischlerei GmbH", "Grünwald & Partner KG"),
    "CH": ("Bärtschi Gartenbau AG",),
    "FR": ("Atelier Lenôtre & Fils SARL", "Éditions du Quai SAS", "Transports Rivière Frères SA"),
    "BE": ("Brasserie Van den Broeck NV", "Imprimerie Dujardin SRL"),
    "ES": ("Carpintería Muñoz e Hijos S.L.", "Talleres Ibáñez S.A.", "Ópticas Peñalver S.L."),
    "NL": ("Van der Meulen & Zn. B.V.", "Bouwbedrijf IJsselstein B.V.", "De Groene Fiets V.O.F."),
    "IT": ("Fratelli Carbone S.n.c.", "Ceramiche Nicolò & C. S.r.l.", "Officina Meccanica Zanetti S.p.A."),
    "GB": ("Pembroke & Ash Joinery Ltd", "Northgate Stationers PLC", "Calloway Hughes LLP"),
    "IE": ("O'Sullivan Signs Ltd",),
    "US": ("Cedar Ridge Outfitters LLC", "Hollis & Crane Analytics Inc.", "Blue Mesa Print Corp."),
    "IN": ("Shree Ganesh Textiles Pvt. Ltd.", "Kaveri Agro Foods LLP", "Nandini & Sons Hardware Ltd."),
}
# Buyers: (name, lines printed under it). People with and without honorific, companies with departments,
# attention and c/o lines.
WORLD_BUYERS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "DE": (
        ("Müller & Schmidt Steuerberater PartG", ("z. Hd. Frau Petra Lang",)),
        ("Herr Jürgen Weißmüller", ()),
        ("Autohaus Köhler GmbH", ("Abteilung Einkauf",)),
        ("Gemeinschaftspraxis Dr. Yilmaz & Dr. Roth", ()),
    ),
    "AT": (("Gasthof Zum Goldenen Hirschen", ("Familie Brandstätter",)), ("Frau Mag. Eva Huber", ())),
    "CH": (("Lüthi Informatik GmbH", ("Buchhaltung",)), ("Herr Beat Zürcher", ())),
    "FR": (
        ("Garage Lefèbvre & Cie", ("À l'attention de M. Girard",)),
        ("Mme Anaïs Duchêne", ()),
        ("Clinique Vétérinaire des Églantiers", ("Service comptabilité",)),
    ),
    "BE": (("Boulangerie Peeters", ("c/o Centre d'affaires Lambermont",)), ("M. Olivier Dubois", ())),
    "ES": (
        ("Asesoría Núñez & Asociados S.L.", ("A la atención de Dña. Carmen Ruiz",)),
        ("D. Álvaro Castaño Gil", ()),
        ("Hotel Playa Dorada S.A.", ("Departamento de compras",)),
    ),
    "NL": (
        ("Kinderopvang Het Zonnetje B.V.", ("t.a.v. de administratie",)),
        ("Dhr. Pieter Bakker", ()),
        ("Bloemenhandel Jansen & Dochter", ()),
    ),
    "IT": (
        ("Trattoria Da Giulio di Rossi Giulio", ("Alla c.a. Amministrazione",)),
        ("Sig.ra Francesca Lombardi", ()),
        ("Studio Tecnico Associato Bianchi & Greco", ()),
    ),
    "GB": (
        ("Thistle & Rowan Interiors Ltd", ("Attn: Accounts Payable",)),
        ("Ms. Harriet Okafor", ()),
        ("St. Brennan's Primary School", ("c/o Finance Office",)),
    ),
    "US": (
        ("Juniper & Vale Design Co.", ("Attn: Dana Whitfield",)),
        ("Marcus T. Delgado", ()),
        ("Riverbend Family Dental, P.C.", ("Accounts Payable",)),
    ),
    "IN": (
        ("Meenakshi Traders LLP", ()),
        ("Anand Kumar & Co.", ("Kind Attn: Mr. Ravi Anand",)),
        ("Sri Lakshmi Enterprises", ()),
    ),
}
WORLD_HONORIFICS = ("Herr ", "Frau ", "Mme ", "M. ", "D. ", "Dhr. ", "Sig.ra ", "Ms. ", "Frau Mag. ")
WORLD_ITEMS_EN_US = (("Trail running shoes", "Size 10, grey"), ("Data pipeline audit", "Fixed fee"),
                     ("Banner print 8 x 3 ft", "Vinyl, grommets"), ("Analytics seat license", "Annual"),
                     ("On-site training", "Per hour"), ("Shipping & handling", "Ground"))  # fmt: skip
WORLD_ITEMS_EN_IN = (("Cotton shirting fabric", "HSN 5208"), ("Basmati rice 25 kg bag", "HSN 1006"),
                     ("Door hinges, steel", "HSN 8302"), ("Packing and forwarding", "SAC 9985"),
                     ("Installation charges", "SAC 9954"))  # fmt: skip
CREDIT_LABELS = {
    "en": ("Credit note", "Credit note No.", "Refers to invoice"),
    "de": ("Gutschrift", "Gutschriftsnummer", "Bezug: Rechnung"),
    "fr": ("Avoir", "N° d'avoir", "Annule la facture"),
    "es": ("Factura rectificativa", "Nº rectificativa", "Rectifica la factura"),
    "nl": ("Creditnota", "Creditnotanummer", "Betreft factuur"),
    "it": ("Nota di credito", "Numero nota di credito", "Rif. fattura"),
}


def make_world_content(doc_id: str, layout: str, language: str, rng: random.Random) -> Content:
    """One invoice for a world layout: seller and buyer countries fitting the layout, names from the
    lists above, an attention/department/c/o line where the name has one."""
    if layout in WORLD2_LAYOUT_LANGUAGES:  # the second world set builds its own content (taxes, parties)
        from corpus.producers.html_world2 import make_world2_content

        return make_world2_content(doc_id, layout, language, rng)
    if layout == "us_bill_ship":
        seller_country, buyer_country = "US", "US"
    elif layout == "gst_invoice":
        seller_country, buyer_country = "IN", "IN"
    else:
        seller_country, buyer_country = rng.choice(WORLD_COUNTRIES[language])
    content = make_content(doc_id, language, rng)
    seller = make_party(rng, seller_country, language, with_bank=seller_country != "US")
    seller = dataclasses.replace(seller, name=rng.choice(WORLD_SELLERS[seller_country]))
    buyer = make_party(rng, buyer_country, language, with_bank=False)
    buyer_name, extra = rng.choice(WORLD_BUYERS[buyer_country])
    buyer = dataclasses.replace(buyer, name=buyer_name)
    if seller_country in {"US", "IN"}:
        pool = WORLD_ITEMS_EN_US if seller_country == "US" else WORLD_ITEMS_EN_IN
        rate = Decimal(seller.country.tax_rates[0])
        lines = [
            Line(
                d,
                detail,
                Decimal(rng.choice(("1", "2", "4", "10"))),
                Decimal(rng.randint(900, 90000)) / 100,
                rate,
            )
            for d, detail in rng.sample(pool, rng.randint(2, 4))
        ]
    else:
        rates = [Decimal(r) for r in seller.country.tax_rates]
        lines = [dataclasses.replace(line, rate=rates[0]) for line in content.lines]
    ship_to = None
    if layout in {"us_bill_ship", "gst_invoice"}:
        other = make_party(rng, buyer_country, language, with_bank=False)
        ship_to = dataclasses.replace(other, name=buyer_name if rng.random() < 0.5 else other.name)
    slug = (
        "".join(ch for ch in buyer_name.split()[-1].casefold() if ch.isalnum() and ch.isascii()) or "client"
    )
    labels = dict(LABELS[language])
    number = content.number
    if layout == "credit_note":
        title, number_label, _refers = CREDIT_LABELS[language]
        labels.update(title=title, number=number_label)
        number = "CN-" + number.lstrip("-")
    return dataclasses.replace(
        content,
        seller=seller,
        buyer=buyer,
        lines=lines,
        number=number,
        currency=seller.country.currency,
        number_format=seller.country.number_format,
        date_format="us_long" if seller_country == "US" else content.date_format,
        labels=labels,
        buyer_extra=extra,
        ship_to=ship_to,
        account_email=f"{slug}.accounts@mail.example",
        credited_invoice=f"{rng.choice(('INV', 'RE', 'F'))}{rng.randint(1000, 99999)}",
    )
