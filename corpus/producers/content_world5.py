# ruff: noqa: E501  (tables: one country or language a line reads best)
"""Content of the fifth world set (``corpus/producers/html_world5.py``): party conventions of real invoices
that the earlier sets leave out. Legal names that differ from the brand printed big, issuers named only
in small print ("cheques payable to …", "Account name: …", the legal footer), recipients that are people
without honorific or legal form, customer numbers above the addressee, VAT ids printed with spaces or
without their country prefix beside tax numbers that are no VAT id (Steuernummer, SIRET, C.F., KvK,
Company No.), the recipient's VAT id printed before the issuer's. Every name is invented; identifiers
carry valid check digits (``corpus.identities``).
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from corpus.identities import _digits, make_party
from corpus.producers.content import LABELS, Content, Line, make_content

# Layout -> the languages its documents cycle through.
WORLD5_LAYOUT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "erp_report": ("en", "fr", "de", "es", "nl", "it"),
    "party_grid": ("de", "fr", "es", "it", "nl", "en"),
    "cheque_payable": ("en",),
    "telecom_bill": ("fr", "de", "it", "es", "nl", "en"),
    "retail_tax_invoice": ("en",),
    "qr_bill": ("de", "fr", "it", "de", "fr", "en"),
}
WORLD5_LAYOUTS = tuple(WORLD5_LAYOUT_LANGUAGES)

# Seller country per (layout, language); the buyer's is the same.
_COUNTRY = {
    "en": ("GB", "IE", "US"),
    "de": ("DE", "AT"),
    "fr": ("FR", "BE"),
    "es": ("ES",),
    "nl": ("NL", "BE"),
    "it": ("IT",),
}

# (legal name, brand printed big or in the logo). Brands carry no legal form.
SELLERS5: dict[str, tuple[tuple[str, str], ...]] = {
    "DE": (
        ("Lindenhof Medientechnik GmbH", "Lindenhof"),
        ("Kranich Sanitär GmbH & Co. KG", "Kranich"),
        ("Weidner Kommunikationsdienste AG", "weidnerkom"),
    ),
    "AT": (("Alpenblick Elektrotechnik GmbH", "Alpenblick"), ("Donaunetz Telekom GmbH", "donaunetz")),
    "FR": (
        ("Société Nouvelle des Ateliers Corbin SAS", "Ateliers Corbin"),
        ("Mistral Télécom SA", "mistral"),
        ("Éditions Bellerive SARL", "Bellerive"),
    ),
    "BE": (("Brouwerij De Kroon BV", "De Kroon"), ("Télé-Meuse SA", "TéléMeuse")),
    "ES": (("Comercial Albarracín S.L.", "Albarracín"), ("Telefonía Levante S.A.", "Levante Móvil")),
    "IT": (("Tipografia Moretti S.r.l.", "Moretti"), ("Rete Adriatica S.p.A.", "ReteAdriatica")),
    "NL": (("Zeeuwse Glasvezel B.V.", "ZeeNet"), ("Houtbouw Verbeek B.V.", "Verbeek")),
    "GB": (("Fenwick & Rowe Plumbing Ltd", "Fenwick & Rowe"), ("Larkspur Broadband Ltd", "Larkspur")),
    "IE": (("Carraig Print Works Ltd", "Carraig"),),
    "US": (("Granite Peak Supply LLC", "Granite Peak"), ("Bluewater Software Inc.", "Bluewater")),
    "CH": (
        ("Alpenrose Schreinerei GmbH", "Alpenrose"),
        ("Lac Léman Informatique SA", "Léman IT"),
        ("Sonnenberg Treuhand AG", "Sonnenberg"),
    ),
    "IN": (("Vasundhara Retail Pvt. Ltd.", "Vasundhara"), ("Kaveri Home Appliances Pvt. Ltd.", "KaveriHome")),
}
# (printed name, honorific-free reading or "" when none). People without legal form, companies.
BUYERS5: dict[str, tuple[str, ...]] = {
    "DE": ("Herrn Tobias Krämer", "Tobias Krämer", "Physiotherapie Seeblick GmbH", "Familie Özdemir"),
    "AT": ("Frau Theresa Gruber", "Weinbau Leitner KG"),
    "FR": ("M. Julien Rocher", "Nathalie Vasseur", "Cabinet Infirmier des Tilleuls", "SCI Les Marronniers"),
    "BE": ("Mme Sophie Lambert", "Bakkerij Peeters BV"),
    "ES": ("Sra. Lucía Navarro Pérez", "Jorge Caballero", "Academia de Idiomas Sol S.L."),
    "IT": ("Sig. Matteo Galli", "Elena Ricci", "Agriturismo Il Castagno S.r.l."),
    "NL": ("Dhr. J. van Dijk", "Femke Mulder", "Huisartsenpraktijk De Brug"),
    "GB": ("Mr Oliver Pritchard", "Harriet Okafor", "Meadowbank Veterinary Surgery"),
    "IE": ("Ms Aoife Brennan", "Clonmore Community Centre"),
    "US": ("Dana Whitfield", "Lakeview Dental Group, P.C.", "Riverside Montessori"),
    "CH": (
        "Herr Reto Brunner",
        "Madame Claire Favre",
        "Pius Zgraggen",
        "Gemeinde Oberwil",
        "Bäckerei Moser AG",
    ),
    "IN": ("Rohit Sharma", "Priya Venkataraman", "Shree Balaji Stores"),
}
HONORIFICS5 = ("Herrn ", "Herr ", "Madame ", "Frau ", "M. ", "Mme ", "Sra. ", "Sig. ", "Dhr. ", "Mr ", "Ms ")
ITEMS_TELECOM: dict[str, tuple[str, ...]] = {
    "fr": ("Forfait Fibre 1 Gb/s", "Option TV Essentiel", "Location box", "Communications hors forfait"),
    "de": (
        "Glasfaser-Tarif 500 Mbit/s",
        "TV-Option Basis",
        "Routermiete",
        "Verbindungen außerhalb des Tarifs",
    ),
    "it": ("Offerta Fibra 1 Giga", "Opzione TV Base", "Noleggio modem", "Traffico extra soglia"),
    "es": ("Tarifa Fibra 600 Mb", "Opción TV Básica", "Alquiler de router", "Llamadas fuera de tarifa"),
    "nl": ("Glasvezel 1 Gbit/s", "TV-pakket Basis", "Huur modem", "Gesprekken buiten bundel"),
    "en": ("Full Fibre 900 broadband", "TV Essentials add-on", "Router rental", "Calls outside allowance"),
}
ITEMS_IN = (
    "Mixer grinder 750 W",
    "Stainless steel pressure cooker 5 L",
    "LED bulb 9 W pack of 4",
    "Ceiling fan 1200 mm",
    "Shipping charges",
)


@dataclass(frozen=True)
class PartyPrint:
    """How one party's identifiers print: the VAT id as this invoice shows it (with its label) and a tax
    number that is no VAT id (with its label), ``""`` where none is printed."""

    vat_label: str
    vat_text: str
    tax_label: str
    tax_text: str


def _spaced(vat: str, rng: random.Random) -> tuple[str, str]:
    """(label-free printed form, whether it is bare) of a compact VAT id, in one of its countries' usual
    printed forms."""
    cc, body = vat[:2], vat[2:]
    choice = rng.random()
    if cc == "DE":
        return (f"DE {body[:3]} {body[3:6]} {body[6:]}" if choice < 0.5 else f"DE {body}"), ""
    if cc == "FR":
        return (f"FR {body[:2]} {body[2:5]} {body[5:8]} {body[8:]}" if choice < 0.6 else vat), ""
    if cc == "IT":
        return (body if choice < 0.7 else f"IT {body}"), ""
    if cc == "ES":
        return (body if choice < 0.6 else f"ES-{body}"), ""
    if cc == "NL":
        return (f"NL {body[:4]}.{body[4:6]}.{body[6:9]}.{body[9:]}" if choice < 0.5 else vat), ""
    if cc == "GB":
        return (
            f"{body[:3]} {body[3:7]} {body[7:]}" if choice < 0.6 else f"GB {body[:3]} {body[3:7]} {body[7:]}"
        ), ""
    if cc == "BE":
        return (f"BE {body[:4]}.{body[4:7]}.{body[7:]}" if choice < 0.6 else vat), ""
    if cc == "AT":
        return vat, ""
    if cc == "CH":
        digits = body[1:10]
        return f"CHE-{digits[:3]}.{digits[3:6]}.{digits[6:]} MWST", ""
    return vat, ""


VAT_LABELS = {
    "DE": ("USt-IdNr.", "USt-ID"), "AT": ("UID-Nr.", "UID"), "FR": ("N° TVA intracom.", "TVA"),
    "BE": ("TVA", "BTW"), "ES": ("NIF", "CIF"), "IT": ("P.IVA", "Partita IVA"), "NL": ("Btw-nr.", "BTW"),
    "CH": ("MWST-Nr.", "UID"), "GB": ("VAT Reg No", "VAT No."), "IE": ("VAT No.", "VAT Reg. No."), "IN": ("GSTIN", "GSTIN/UIN"), "US": ("", ""),
}  # fmt: skip


def _tax_number(rng: random.Random, code: str, vat: str | None) -> tuple[str, str]:
    """A registry or tax number that is no VAT id, with its label."""
    if code == "DE":
        return "Steuernummer", f"{rng.randint(10, 99)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}"
    if code == "AT":
        return "FN", f"{rng.randint(100000, 599999)} {rng.choice('abdkmptwx')}"
    if code == "FR":
        siren = (vat or "FR00123456789")[4:]
        return "SIRET", f"{siren[:3]} {siren[3:6]} {siren[6:]} {_digits(rng, 5, False)}"
    if code == "BE":
        return "RPM/RPR", "Liège" if rng.random() < 0.5 else "Bruxelles"
    if code == "IT":
        return "C.F.", (vat or "IT00000000000")[2:]
    if code == "NL":
        return "KvK", _digits(rng, 8)
    if code in {"GB", "IE"}:
        return "Company No.", _digits(rng, 8, False)
    if code == "CH":
        return (
            "Handelsregister",
            f"CH-{_digits(rng, 3)}.{_digits(rng, 1)}.{_digits(rng, 6)}-{_digits(rng, 1)}",
        )
    if code == "IN":
        return "PAN", (vat or "")[2:12]
    if code == "ES":
        return "Reg. Mercantil", f"Valencia, Tomo {rng.randint(1000, 9999)}, Folio {rng.randint(1, 200)}"
    return "EIN", f"{rng.randint(10, 99)}-{_digits(rng, 7, False)}"


def party_print(rng: random.Random, code: str, vat: str | None, printed: str | None) -> PartyPrint:
    labels = VAT_LABELS[code]
    label = rng.choice(labels) if labels[0] else ""
    text = ""
    if vat:
        text = printed or vat if code == "IN" else _spaced(vat, rng)[0]
    tax_label, tax_text = _tax_number(rng, code, vat)
    return PartyPrint(label, text, tax_label, tax_text)


@dataclass
class W5Content(Content):
    """Content with the fifth set's party data: the brand printed big, how each party's ids print, the
    layout's own small choices (``texts``)."""

    brand: str = ""
    seller_print: PartyPrint | None = None
    buyer_print: PartyPrint | None = None
    texts: dict[str, str] = dataclasses.field(default_factory=dict)

    def expected(self) -> dict[str, Any]:
        entry = super().expected()
        name = self.buyer.name
        bare = [name[len(h) :] for h in HONORIFICS5 if name.startswith(h)]
        entry["fields"]["recipient.name"] = [name, *bare] if bare else name
        if self.texts.get("no_due"):  # the layout prints no due date
            entry["fields"].pop("due_date", None)
        return entry


def make_world5_content(doc_id: str, layout: str, language: str, rng: random.Random) -> W5Content:
    code = "IN" if layout == "retail_tax_invoice" else rng.choice(_COUNTRY[language])
    if layout == "cheque_payable":
        code = rng.choice(("GB", "IE", "GB"))
    if layout == "qr_bill":
        code = "CH"
    base = make_content(doc_id, language if language in LABELS else "en", rng)
    legal, brand = rng.choice(SELLERS5[code])
    seller = dataclasses.replace(
        make_party(rng, code, language, with_bank=code not in {"US", "IN"} and layout != "telecom_bill"),
        name=legal,
    )
    if layout == "qr_bill":  # a QR-bill prints the IBAN alone
        seller = dataclasses.replace(seller, bic=None)
    slug = "".join(ch for ch in brand.casefold() if ch.isascii() and ch.isalnum())
    seller = dataclasses.replace(seller, email=f"{rng.choice(('info', 'billing', 'service'))}@{slug}.example")
    buyer = dataclasses.replace(
        make_party(rng, code, language, with_bank=False), name=rng.choice(BUYERS5[code])
    )
    if rng.random() < 0.5 and code not in {"IN"}:  # private customers carry no VAT id
        buyer = dataclasses.replace(buyer, vat_id=None, vat_id_printed=None)
    rates = [Decimal(r) for r in seller.country.tax_rates]
    lines = [dataclasses.replace(line, rate=rates[0]) for line in base.lines]
    if layout == "telecom_bill":
        lines = [
            Line(text, "", Decimal(1), Decimal(rng.randint(199, 4999)) / 100, rates[0])
            for text in rng.sample(ITEMS_TELECOM[language], rng.randint(2, 4))
        ]
    elif code == "IN":
        lines = [
            Line(
                text,
                "",
                Decimal(rng.choice(("1", "2", "3"))),
                Decimal(rng.randint(19900, 499900)) / 100,
                rates[0],
            )
            for text in rng.sample(ITEMS_IN, rng.randint(1, 3))
        ]
    return W5Content(
        doc_id=doc_id,
        language=language,
        seller=seller,
        buyer=buyer,
        number=base.number if code != "IN" else f"FA{rng.randint(10, 99)}{_digits(rng, 8, False)}",
        issue=base.issue,
        due=base.due,
        currency=seller.country.currency,
        number_format=seller.country.number_format,
        date_format=base.date_format if code != "US" else "us_long",
        money_style=base.money_style,
        lines=lines,
        customer_no=base.customer_no,
        labels=base.labels,
        brand=brand,
        seller_print=party_print(rng, code, seller.vat_id, seller.vat_id_printed),
        buyer_print=party_print(rng, code, buyer.vat_id, buyer.vat_id_printed),
        texts={"no_due": "1"} if layout == "retail_tax_invoice" else {},
    )
