"""What the fresh held-out layouts put on the page (parties, numbering, items); drawing is render_fresh.py.

Fresh documents never call into the generator paths of the older layouts after their RNG is seeded, so
adding or changing a fresh layout cannot move a byte of the first 140 documents.
"""

from __future__ import annotations

import random
import string
import warnings
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

from schwifty import IBAN
from schwifty import registry as bank_registry
from stdnum.fr import siret
from stdnum.no import mva

from corpus.identities import COUNTRIES, NAME_STEMS, Country, Party, make_party
from corpus.layouts import Layout
from corpus.render import Flow
from corpus.spec import InvoiceSpec, Item, issue_and_due, money

NORWAY = Country(
    "NO",
    "Norge",
    "NOK",
    "space_comma",
    ("25", "15", "12"),
    ("AS", "ASA"),
    ("Karl Johans gate", "Storgata", "Bryggen"),
    (("0154", "Oslo"), ("5003", "Bergen"), ("7011", "Trondheim")),
)
FRESH_COUNTRIES: dict[str, Country] = {**COUNTRIES, "NO": NORWAY}

# Which issuer countries and languages each fresh layout is drawn for.
STYLE_COUNTRIES: dict[str, tuple[str, ...]] = {
    "fresh_facture_mentions_fr": ("FR",),
    "fresh_fattura_riepilogo_it": ("IT",),
    "fresh_handwerker_lohnanteil_de": ("DE", "DE", "AT"),
    "fresh_nordic_einvoice_slip": ("SE", "DK", "NO"),
    "fresh_saas_amount_due_us": ("US",),
    "fresh_hotel_folio_uk": ("GB",),
}
STYLE_LANGUAGE = {
    "fresh_facture_mentions_fr": "fr",
    "fresh_fattura_riepilogo_it": "it",
    "fresh_handwerker_lohnanteil_de": "de",
    "fresh_nordic_einvoice_slip": "en",
    "fresh_saas_amount_due_us": "en",
    "fresh_hotel_folio_uk": "en",
}
WHOLESALE_COUNTRIES = {
    "en": ("IE", "GB", "PL"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CH"),
    "es": ("ES",),
    "nl": ("NL", "BE"),
    "it": ("IT", "CH"),
}
WHOLESALE_LANGUAGES = ("es", "nl", "de", "it", "fr", "en")
PAGE_TARGETS = (1, 1, 1, 1, 2, 2, 3, 4)
WHOLESALE_PAGES = (3, 3, 4, 5, 6, 8)
MAX_ITEMS = 3000


def _norwegian_party(rng: random.Random, language: str, *, with_bank: bool) -> Party:
    """Norway is not in the shared identity tables: org. number with its mod-11 check, NO IBAN."""
    from stdnum.no import orgnr

    number = ""
    while not number:  # search the mod-11 check digit; bodies whose check would be 10 have none
        body = str(rng.randint(80_000_000, 99_999_999))
        number = next((body + d for d in string.digits if orgnr.is_valid(body + d)), "")
    compact = f"NO{number}MVA"
    assert mva.is_valid(compact)
    stem = rng.choice(NAME_STEMS)
    name = f"{stem} {rng.choice(('Teknikk', 'Logistikk', 'Data', 'Handel'))} {rng.choice(NORWAY.legal_forms)}"
    postal, city = rng.choice(NORWAY.cities)
    iban = bic = bank = iban_printed = None
    if with_bank:
        banks = sorted(
            {(b.bank_code, b.bic, b.name) for b in bank_registry.get_banks_by_country("NO") if b.bic}
        )
        for _ in range(400):
            code, bic_, name_ = rng.choice(banks)
            try:
                generated = IBAN.generate("NO", bank_code=code, account_code=_digits(rng, 6))
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    IBAN(generated.compact)
            except Exception:
                continue
            iban, iban_printed, bic, bank = generated.compact, generated.formatted, bic_, name_
            break
    slug = stem.lower().replace(" ", "")
    return Party(
        name=name,
        street=f"{rng.choice(NORWAY.streets)} {rng.randint(1, 90)}",
        postal_city=f"{postal} {city}",
        country=NORWAY,
        vat_id=compact,
        vat_id_printed=mva.format(compact),
        iban=iban,
        iban_printed=iban_printed,
        bic=bic,
        bank_name=bank,
        phone=f"+47 {rng.randint(20, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        email=f"faktura@{slug}.example",
    )


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(count))


def fresh_party(rng: random.Random, country: str, language: str, *, with_bank: bool) -> Party:
    if country == "NO":
        return _norwegian_party(rng, language, with_bank=with_bank)
    return make_party(rng, country, language, with_bank=with_bank)


PRIVATE_FIRST = (
    ("Herrn", ("Jonas", "Lukas", "Felix", "Thomas", "Stefan", "Matthias")),
    ("Frau", ("Anna", "Marie", "Sabine", "Claudia", "Petra", "Julia")),
)
PRIVATE_LAST = ("Weber", "Becker", "Hoffmann", "Schulz", "Krüger", "Neumann", "Brandt", "Vogel", "Lorenz")
HANDWERKER_TRADES = (
    "Elektrotechnik",
    "Haustechnik",
    "Sanitär & Heizung",
    "Malerbetrieb",
    "Dachdeckerei",
    "Fliesenlegermeister",
)
WHOLESALE_TRADES = {
    "en": "Foodservice",
    "de": "Gastro-Großhandel",
    "fr": "Distribution CHR",
    "es": "Distribuciones Hosteleras",
    "nl": "Horecagroothandel",
    "it": "Forniture Horeca",
}
# Food sells at the reduced rate a wholesaler's country charges on it (the rest at the standard rate).
FOOD_RATES = {
    "DE": "7",
    "AT": "10",
    "CH": "2.6",
    "FR": "5.5",
    "BE": "6",
    "ES": "10",
    "NL": "9",
    "IT": "10",
    "IE": "0",
    "GB": "0",
    "PL": "5",
}


def _private_person(rng: random.Random, template: Party) -> tuple[Party, str]:
    salutation, first_names = rng.choice(PRIVATE_FIRST)
    name = f"{rng.choice(first_names)} {rng.choice(PRIVATE_LAST)}"
    return replace(template, name=name, vat_id=None, vat_id_printed=None), salutation


def _trade_name(party: Party, trade: str) -> Party:
    form = max((f for f in party.country.legal_forms if party.name.endswith(" " + f)), key=len)
    return replace(party, name=f"{party.name.split()[0]} {trade} {form}")


def _money_style(rng: random.Random, style: str, currency: str, language: str) -> str:
    if currency in {"USD", "GBP"}:
        return "symbol_prefix"
    if currency in {"SEK", "DKK", "NOK", "PLN", "CHF"}:
        return "code_suffix" if currency != "CHF" else rng.choice(("code_prefix", "code_suffix"))
    if style == "fresh_fattura_riepilogo_it":
        return rng.choice(("symbol_prefix", "symbol_suffix"))
    if language == "en":
        return "symbol_prefix"
    return rng.choice(("symbol_suffix", "code_suffix", "symbol_suffix"))


def _date_format(rng: random.Random, style: str, country: str) -> str:
    choices = {
        "fresh_facture_mentions_fr": ("slash_dmy", "slash_dmy", "long"),
        "fresh_fattura_riepilogo_it": ("dash_dmy", "slash_dmy"),
        "fresh_handwerker_lohnanteil_de": ("dot_dmy",),
        "fresh_saas_amount_due_us": ("us_long",),
        "fresh_hotel_folio_uk": ("dd_mon_yyyy", "slash_dmy"),
    }.get(style)
    if choices:
        return rng.choice(choices)
    if style == "fresh_nordic_einvoice_slip":
        return {"SE": "iso", "DK": "dash_dmy", "NO": "dot_dmy"}[country]
    return {
        "DE": "dot_dmy",
        "AT": "dot_dmy",
        "CH": "dot_dmy",
        "ES": "slash_dmy",
        "IT": "slash_dmy",
        "FR": "slash_dmy",
        "BE": "slash_dmy",
        "NL": "dash_dmy",
        "GB": "slash_dmy",
        "IE": "slash_dmy",
        "PL": "iso",
    }[country]


def _invoice_number(rng: random.Random, style: str, year: int, credit: bool) -> str:
    serial = rng.randint(1, 9999)
    if style == "fresh_facture_mentions_fr":
        return f"{'AV' if credit else 'FA'}-{year}-{serial:05d}"
    if style == "fresh_fattura_riepilogo_it":
        return f"{serial}/{'NC' if credit else 'FE'}"
    if style == "fresh_handwerker_lohnanteil_de":
        return f"{year}-{rng.randint(100, 999)}{'-G' if credit else ''}"
    if style == "fresh_nordic_einvoice_slip":
        return str(rng.randint(10_000, 99_999))
    if style == "fresh_saas_amount_due_us":
        head = "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(8))
        return f"{head}-{rng.randint(1, 40):04d}"
    if style == "fresh_hotel_folio_uk":
        return str(rng.randint(100_000, 999_999))
    return f"{rng.randint(10, 99)}/{rng.randint(100_000, 999_999)}"


def build_fresh_spec(
    rng: random.Random, doc_id: str, layout: Layout, language: str | None, *, credit: bool
) -> InvoiceSpec:
    style = layout.style
    if style == "fresh_wholesale_codes_multipage":
        chosen_language = language or rng.choice(WHOLESALE_LANGUAGES)
        country_code = rng.choice(WHOLESALE_COUNTRIES[chosen_language])
    else:
        chosen_language = STYLE_LANGUAGE[style]
        country_code = rng.choice(STYLE_COUNTRIES[style])
    country = FRESH_COUNTRIES[country_code]
    issuer = fresh_party(rng, country_code, chosen_language, with_bank=True)
    recipient = fresh_party(rng, country_code, chosen_language, with_bank=False)
    number_format = country.number_format
    if style in {"fresh_facture_mentions_fr", "fresh_wholesale_codes_multipage"} and rng.random() < 0.2:
        number_format = rng.choice(("dot_comma", "space_comma"))
    payment_days = None if credit else rng.choice((10, 14, 30, 30, 45))
    issue, due = issue_and_due(rng, payment_days)
    extra: dict[str, str] = {"recipient_vat": "1" if rng.random() < 0.5 else ""}
    if country_code == "US":
        extra |= {
            "bank_name": "Silicon Valley Commerce Bank",
            "routing": "121000248",
            "account": "4410839271",
        }
        extra["recipient_vat"] = ""
    spec = InvoiceSpec(
        doc_id=doc_id,
        layout=layout.id,
        language=chosen_language,
        number_format=number_format,
        date_format=_date_format(rng, style, country_code),
        currency=country.currency,
        money_style=_money_style(rng, style, country.currency, chosen_language),
        issuer=issuer,
        recipient=recipient,
        invoice_number=_invoice_number(rng, style, issue.year, credit),
        issue_date=issue,
        due_date=due,
        payment_days=payment_days,
        credit_note=credit,
        credit_ref=_invoice_number(rng, style, issue.year, False) if credit else None,
        items=[],
        customer_number=f"{rng.randint(100000, 999999)}",
        order_ref=f"{rng.choice(('PO', 'BE', 'ORD'))}-{rng.randint(1000, 99999)}",
        extra=extra,
    )
    _adapt(rng, spec, style)
    return spec


def _adapt(rng: random.Random, spec: InvoiceSpec, style: str) -> None:
    """Facts of one kind of invoice: what its page prints and so what its golden holds."""
    extra = spec.extra
    if style == "fresh_facture_mentions_fr":
        siren = (spec.issuer.vat_id or "FR00000000000")[4:]
        found = ""
        while not found:
            nic = f"{rng.randint(1, 9999):04d}"
            found = next((siren + nic + d for d in string.digits if siret.is_valid(siren + nic + d)), "")
        extra["siret"] = found
        extra["capital"] = str(rng.choice((1_000, 10_000, 37_000, 50_000, 150_000)))
        extra["ape"] = rng.choice(("6202A", "4651Z", "7112B", "4669B"))
    elif style == "fresh_fattura_riepilogo_it":
        extra["recipient_vat"] = "1"  # an Italian e-invoice always names the buyer's P.IVA
        extra["sdi_code"] = "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(7))
    elif style == "fresh_handwerker_lohnanteil_de":
        extra["private"] = "1" if rng.random() < 0.6 else ""
        spec.issuer = _trade_name(spec.issuer, rng.choice(HANDWERKER_TRADES))
        if extra["private"]:
            spec.recipient, extra["salutation"] = _private_person(rng, spec.recipient)
            extra["recipient_vat"] = ""
        if rng.random() < 0.5:  # many trades print only their tax number: then no VAT id to extract
            spec.issuer = replace(spec.issuer, vat_id=None, vat_id_printed=None)
        extra["steuernummer"] = f"{rng.randint(10, 99)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}"
        extra["site"] = rng.choice(
            (
                "Badsanierung",
                "Elektroinstallation Neubau",
                "Heizungswartung",
                "Dachrinnenerneuerung",
                "Malerarbeiten Treppenhaus",
            )
        )
    elif style == "fresh_nordic_einvoice_slip":
        extra["buyer_ref"] = rng.choice(("Anna Lind", "Erik Holm", "Sofie Berg", "Mads Dahl", "Ingrid Moe"))
        extra["payment_ref"] = _luhn_reference(rng)
        extra["bankgiro"] = f"{rng.randint(100, 9999)}-{rng.randint(1000, 9999)}"
    elif style == "fresh_saas_amount_due_us":
        extra["pay_link"] = "https://pay.example.com/i/" + "".join(
            rng.choice(string.ascii_lowercase + string.digits) for _ in range(14)
        )
        if spec.due_date is None and not spec.credit_note:
            spec.payment_days = 30
            spec.due_date = spec.issue_date + timedelta(days=30)
    elif style == "fresh_hotel_folio_uk":
        extra["charges_only"] = "1"
        stem = spec.issuer.name.split()[0]
        hotel = rng.choice(("Hotel", "House Hotel", "Park Hotel", "Lodge"))
        spec.issuer = replace(spec.issuer, name=f"The {stem} {hotel} Ltd")
        extra["company_no"] = f"{rng.randint(1_000_000, 9_999_999):08d}"
        extra["room"] = str(rng.randint(101, 918))
        extra["guest"] = f"{rng.choice(('Mr', 'Ms', 'Dr'))} {rng.choice('ABCDEJKLMPRS')}. " + rng.choice(
            ("Hughes", "Patel", "O'Neill", "Fraser", "Clarke", "Evans")
        )
        extra["paid"] = "1" if rng.random() < 0.5 and not spec.credit_note else ""
        if extra["paid"]:  # settled at check-out by card: no bank data, nothing due later
            extra["bank_hidden"] = "1"
            extra["card"] = rng.choice(("Visa", "Mastercard", "Amex"))
            extra["last4"] = str(rng.randint(1000, 9999))
            spec.due_date, spec.payment_days = None, None
    elif style == "fresh_wholesale_codes_multipage":
        spec.issuer = _trade_name(spec.issuer, WHOLESALE_TRADES[spec.language])
        extra["delivery_note"] = str(rng.randint(4_000_000, 4_999_999))
        extra["route"] = str(rng.randint(1, 40))


def _luhn_reference(rng: random.Random) -> str:
    body = _digits(rng, 9)
    total = 0
    for position, char in enumerate(reversed(body)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return body + str((10 - total % 10) % 10)


# --- items -----------------------------------------------------------------------------------------------

FR_ITEMS = (
    ("Développement spécifique", "j"),
    ("Intégration API", "j"),
    ("Audit de sécurité", "forfait"),
    ("Licence annuelle module Gestion", "u"),
    ("Formation utilisateurs", "h"),
    ("Maintenance corrective", "h"),
    ("Hébergement serveur dédié", "mois"),
    ("Câble réseau Cat6", "m"),
    ("Déplacement Paris intra-muros", "forfait"),
    ("Support téléphonique prioritaire", "mois"),
)
IT_ITEMS = (
    ("Consulenza tecnica", "ore"),
    ("Canone assistenza software", "mese"),
    ("Carta A4 80 g", "cf"),
    ("Toner compatibile", "pz"),
    ("Installazione impianto", "ore"),
    ("Trasporto", "nr"),
    ("Monitor 27 pollici", "pz"),
    ("Servizio di manutenzione programmata", "nr"),
    ("Licenza gestionale", "nr"),
    ("Cavo elettrico FG16 3x2,5", "m"),
)
HW_LABOUR = (
    ("Monteurstunde Geselle", "Std."),
    ("Meisterstunde", "Std."),
    ("Helferstunde", "Std."),
    ("Anfahrtspauschale", "psch"),
)
HW_MATERIAL = (
    ("Mantelleitung NYM-J 3x1,5 mm²", "m"),
    ("Schuko-Steckdose UP, reinweiß", "Stk."),
    ("FI/LS-Schalter 16 A", "Stk."),
    ("Fliesenkleber flexibel 25 kg", "Sack"),
    ("Sanitärsilikon transparent", "Stk."),
    ("Kupferrohr 15 mm", "m"),
    ("Wandfarbe weiß, Innen", "l"),
    ("Kleinmaterial und Befestigungen", "psch"),
    ("Entsorgung Altmaterial", "psch"),
    ("Dämmplatte WLG 035, 100 mm", "m²"),
)
NORDIC_ITEMS = (
    ("Consultancy services", "HUR"),
    ("Software subscription", "MON"),
    ("Server rack 42U", "EA"),
    ("Freight", "EA"),
    ("Support agreement, level 2", "MON"),
    ("Fibre patch cable 5 m", "EA"),
    ("Project management", "HUR"),
    ("Workshop facilitation", "DAY"),
)
SAAS_ITEMS = (
    ("Business plan (per seat)", 12, 49),
    ("Additional storage, 100 GB", 5, 20),
    ("API requests, per 10,000", 1, 4),
    ("Premium support", 99, 499),
    ("Onboarding (one-time)", 250, 1500),
    ("SMS notifications, per 1,000", 8, 15),
    ("Single sign-on add-on", 60, 200),
    ("Data retention, extended", 30, 90),
)
HOTEL_EXTRAS = (
    ("Breakfast", 12, 28),
    ("Restaurant", 24, 140),
    ("Bar", 6, 60),
    ("Room service", 14, 55),
    ("Car park", 15, 32),
    ("Laundry", 8, 40),
    ("Meeting room hire", 150, 600),
    ("Telephone", 2, 12),
    ("Spa treatment", 55, 140),
)
HOTEL_ZERO_RATED = (("Newspaper", 2, 4), ("Postage", 2, 9))
WHOLESALE: dict[str, tuple[tuple[str, str, bool], ...]] = {
    # (article, pack, food): food carries the reduced VAT rate, the rest the standard rate
    "en": (
        ("Olive oil extra virgin", "6x1 l", True),
        ("Tomatoes crushed", "6x2.5 kg", True),
        ("Mozzarella fior di latte", "1 kg", True),
        ("Flour type 00", "10 kg", True),
        ("Espresso beans", "6x1 kg", True),
        ("Napkins 3-ply white", "12x100", False),
        ("Dishwasher detergent", "2x10 l", False),
        ("Cling film 45 cm", "1 roll", False),
        ("Basmati rice", "5 kg", True),
        ("Sparkling water", "24x0.5 l", True),
    ),
    "de": (
        ("Olivenöl nativ extra", "6x1 l", True),
        ("Tomaten passiert", "6x2,5 kg", True),
        ("Mozzarella Fior di Latte", "1 kg", True),
        ("Weizenmehl Type 405", "10 kg", True),
        ("Espressobohnen", "6x1 kg", True),
        ("Servietten 3-lagig weiß", "12x100", False),
        ("Spülmaschinenreiniger", "2x10 l", False),
        ("Frischhaltefolie 45 cm", "1 Rolle", False),
        ("Basmatireis", "5 kg", True),
        ("Mineralwasser spritzig", "24x0,5 l", True),
    ),
    "fr": (
        ("Huile d'olive vierge extra", "6x1 l", True),
        ("Tomates concassées", "6x2,5 kg", True),
        ("Mozzarella fior di latte", "1 kg", True),
        ("Farine T55", "10 kg", True),
        ("Café en grains espresso", "6x1 kg", True),
        ("Serviettes 3 plis blanches", "12x100", False),
        ("Détergent lave-vaisselle", "2x10 l", False),
        ("Film étirable 45 cm", "1 rouleau", False),
        ("Riz basmati", "5 kg", True),
        ("Eau gazeuse", "24x0,5 l", True),
    ),
    "es": (
        ("Aceite de oliva virgen extra", "6x1 l", True),
        ("Tomate triturado", "6x2,5 kg", True),
        ("Mozzarella fior di latte", "1 kg", True),
        ("Harina de trigo", "10 kg", True),
        ("Café en grano espresso", "6x1 kg", True),
        ("Servilletas 3 capas blancas", "12x100", False),
        ("Detergente lavavajillas", "2x10 l", False),
        ("Film transparente 45 cm", "1 rollo", False),
        ("Arroz basmati", "5 kg", True),
        ("Agua con gas", "24x0,5 l", True),
    ),
    "nl": (
        ("Olijfolie extra vierge", "6x1 l", True),
        ("Tomaten gepureerd", "6x2,5 kg", True),
        ("Mozzarella fior di latte", "1 kg", True),
        ("Tarwebloem", "10 kg", True),
        ("Espressobonen", "6x1 kg", True),
        ("Servetten 3-laags wit", "12x100", False),
        ("Vaatwasmiddel", "2x10 l", False),
        ("Vershoudfolie 45 cm", "1 rol", False),
        ("Basmatirijst", "5 kg", True),
        ("Bruisend water", "24x0,5 l", True),
    ),
    "it": (
        ("Olio extravergine di oliva", "6x1 l", True),
        ("Polpa di pomodoro", "6x2,5 kg", True),
        ("Mozzarella fior di latte", "1 kg", True),
        ("Farina tipo 00", "10 kg", True),
        ("Caffè in grani espresso", "6x1 kg", True),
        ("Tovaglioli 3 veli bianchi", "12x100", False),
        ("Detersivo lavastoviglie", "2x10 l", False),
        ("Pellicola trasparente 45 cm", "1 rotolo", False),
        ("Riso basmati", "5 kg", True),
        ("Acqua frizzante", "24x0,5 l", True),
    ),
}


def _price(rng: random.Random, low: int, high: int) -> Decimal:
    return money(Decimal(rng.randint(low * 100, high * 100)) / 100)


def _quantity(rng: random.Random, unit: str) -> Decimal:
    if unit in {"forfait", "psch", "nr"}:
        return Decimal(1)
    if unit in {"h", "Std.", "ore", "HUR", "j"}:
        return Decimal(rng.randint(1, 64)) / 2
    if unit in {"m", "m²", "l"}:
        return Decimal(rng.randint(2, 120))
    return Decimal(rng.randint(1, 24))


def make_fresh_item(rng: random.Random, spec: InvoiceSpec, position: int, rates: list[Decimal]) -> Item:
    """The next line of this kind of invoice (keeps the RNG in the document's own stream)."""
    style = spec.extra["style"]
    sign = Decimal(-1) if spec.credit_note else Decimal(1)
    standard, reduced = rates[0], rates[-1]
    if style == "fresh_facture_mentions_fr":
        text, unit = rng.choice(FR_ITEMS)
        rate = reduced if position % 4 == 3 else standard
        code = f"{rng.choice(('PRE', 'MAT', 'LIC'))}{rng.randint(100, 999)}"
        return Item(text, _quantity(rng, unit), _price(rng, 15, 1400) * sign, rate, unit=unit, code=code)
    if style == "fresh_fattura_riepilogo_it":
        text, unit = rng.choice(IT_ITEMS)
        rate = reduced if position % 3 == 2 else standard
        code = f"{rng.randint(10000, 99999)}"
        return Item(text, _quantity(rng, unit), _price(rng, 2, 900) * sign, rate, unit=unit, code=code)
    if style == "fresh_handwerker_lohnanteil_de":
        labour = position % 3 == 0
        text, unit = rng.choice(HW_LABOUR if labour else HW_MATERIAL)
        price = _price(rng, 48, 92) if labour else _price(rng, 1, 180)
        return Item(
            text, _quantity(rng, unit), price * sign, standard, unit=unit, code="L" if labour else "M"
        )
    if style == "fresh_nordic_einvoice_slip":
        text, unit = rng.choice(NORDIC_ITEMS)
        if rng.random() < 0.3:
            text = f"{text}, ref. {rng.choice(('project', 'contract', 'site'))} {rng.randint(100, 999)}"
        rate = reduced if position % 5 == 4 and len(rates) > 1 else standard
        return Item(text, _quantity(rng, unit), _price(rng, 40, 9000) * sign, rate, unit=unit)
    if style == "fresh_saas_amount_due_us":
        text, low, high = SAAS_ITEMS[position % len(SAAS_ITEMS)] if position < 3 else rng.choice(SAAS_ITEMS)
        quantity = Decimal(rng.randint(1, 60)) if "seat" in text or "per" in text else Decimal(1)
        return Item(text, quantity, _price(rng, low, high) * sign, standard)
    if style == "fresh_hotel_folio_uk":
        night = position // 3
        if position % 3 == 0:
            text = f"Accommodation - Room {spec.extra['room']}"
            price = Decimal(spec.extra.setdefault("night_rate", str(_price(rng, 89, 240))))
            rate = standard
        elif rng.random() < 0.12:
            text, low, high = rng.choice(HOTEL_ZERO_RATED)
            price, rate = _price(rng, low, high), Decimal(0)
        else:
            text, low, high = rng.choice(HOTEL_EXTRAS)
            price, rate = _price(rng, low, high), standard
        reference = str(rng.randint(10000, 99999))
        return Item(text, Decimal(1), price * sign, rate, code=reference, period=str(night))
    # wholesale
    text, pack, food = rng.choice(WHOLESALE[spec.language])
    weighed = pack == "1 kg"
    quantity = Decimal(rng.randint(2, 40)) / 4 if weighed else Decimal(rng.randint(1, 12))
    code = f"{rng.randint(100000, 999999)}"
    return Item(
        text, quantity, _price(rng, 2, 95) * sign, reduced if food else standard, unit=pack, code=code
    )


def rates_for(rng: random.Random, spec: InvoiceSpec) -> list[Decimal]:
    """Standard rate first; a reduced rate where this kind of invoice has lines at one."""
    style = spec.extra["style"]
    rates = [Decimal(r) for r in spec.issuer.country.tax_rates]
    if style == "fresh_saas_amount_due_us":
        return [rng.choice(rates)]
    if style in {"fresh_handwerker_lohnanteil_de", "fresh_hotel_folio_uk"}:
        return rates[:1]
    if style == "fresh_nordic_einvoice_slip":
        return rates[:1] if rng.random() < 0.6 else rates[:2]
    if style == "fresh_wholesale_codes_multipage":
        return [rates[0], Decimal(FOOD_RATES[spec.issuer.country.code])]
    return rates[:1] if rng.random() < 0.4 else [rates[0], rates[-1]]


def fill_fresh(rng: random.Random, spec: InvoiceSpec, flow: Flow, pages: int) -> None:
    """Add lines until items plus totals take exactly ``pages`` pages (like generate.fill_to_pages)."""
    rates = rates_for(rng, spec)
    extra_on_last = rng.randint(1, 8)
    while len(spec.items) < MAX_ITEMS:
        item = make_fresh_item(rng, spec, len(spec.items), rates)
        if flow.pages_if_added(item) > pages:
            break
        flow.add(len(spec.items), item)
        spec.items.append(item)
        if flow.pages_if_stop() == pages:
            extra_on_last -= 1
            if extra_on_last <= 0 and (pages > 1 or len(spec.items) >= 2):
                break
    if flow.pages_if_stop() != pages:
        raise RuntimeError(f"{spec.doc_id}: could not fill {pages} pages (got {flow.pages_if_stop()})")


def make_fresh(
    rng: random.Random,
    doc_id: str,
    layout: Layout,
    *,
    pages: int | None,
    language: str | None,
    credit: bool,
) -> tuple[InvoiceSpec, bytes, int]:
    """One fresh held-out document: its spec (for the golden), PDF bytes and page count."""
    from corpus.render_fresh import FreshDoc, fresh_flow, render_fresh

    spec = build_fresh_spec(rng, doc_id, layout, language, credit=credit)
    spec.extra["style"] = layout.style
    targets = WHOLESALE_PAGES if layout.style == "fresh_wholesale_codes_multipage" else PAGE_TARGETS
    target = pages or targets[rng.randrange(len(targets))]
    doc = FreshDoc(spec, layout)
    flow = fresh_flow(doc)
    fill_fresh(rng, spec, flow, target)
    return spec, render_fresh(FreshDoc(spec, layout), flow), flow.pages_if_stop()
