"""Synthetic parties: company names, addresses, VAT ids and IBAN/BIC with valid check digits.

VAT ids are made by drawing random digits and searching the check character that python-stdnum accepts;
IBANs are built by schwifty from a real bank code of its registry, so the BIC matches the bank.
"""

from __future__ import annotations

import random
import string
import warnings
from dataclasses import dataclass
from functools import cache
from typing import Any

from schwifty import IBAN
from schwifty import registry as bank_registry
from stdnum import get_cc_module as _stdnum_cc_module
from stdnum.in_ import gstin


def get_cc_module(country: str, name: str) -> Any:
    """python-stdnum's validator module for a country, e.g. ``stdnum.de.vat``."""
    return _stdnum_cc_module(country, name)


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    currency: str
    number_format: str
    tax_rates: tuple[str, ...]  # standard rate first
    legal_forms: tuple[str, ...]
    streets: tuple[str, ...]
    cities: tuple[tuple[str, str], ...]  # (postal code, city)
    has_iban: bool = True


COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        Country("DE", "Deutschland", "EUR", "dot_comma", ("19", "7"), ("GmbH", "AG", "GmbH & Co. KG", "e.K."),
                ("Hauptstraße", "Industriestraße", "Lindenallee", "Am Hafen"),
                (("10115", "Berlin"), ("80331", "München"), ("50667", "Köln"), ("20095", "Hamburg"))),
        Country("AT", "Österreich", "EUR", "dot_comma", ("20", "10", "13"), ("GmbH", "AG", "KG"),
                ("Mariahilfer Straße", "Landstraße", "Ringstraße"),
                (("1010", "Wien"), ("4020", "Linz"), ("8010", "Graz"))),
        Country("CH", "Schweiz", "CHF", "apostrophe_dot", ("8.1", "2.6", "3.8"), ("AG", "GmbH", "SA", "Sàrl"),
                ("Bahnhofstrasse", "Seestrasse", "Rue du Rhône"),
                (("8001", "Zürich"), ("3011", "Bern"), ("1204", "Genève"), ("6900", "Lugano"))),
        Country("FR", "France", "EUR", "space_comma", ("20", "10", "5.5"), ("SAS", "SARL", "SA"),
                ("rue de la République", "avenue Victor Hugo", "boulevard Haussmann"),
                (("75008", "Paris"), ("69002", "Lyon"), ("33000", "Bordeaux"), ("13001", "Marseille"))),
        Country("BE", "Belgique", "EUR", "dot_comma", ("21", "12", "6"), ("BV", "NV", "SRL", "SA"),
                ("Rue Neuve", "Meir", "Avenue Louise"),
                (("1000", "Bruxelles"), ("2000", "Antwerpen"), ("9000", "Gent"))),
        Country("ES", "España", "EUR", "dot_comma", ("21", "10", "4"), ("S.L.", "S.A."),
                ("Calle Mayor", "Avenida Diagonal", "Gran Vía"),
                (("28013", "Madrid"), ("08008", "Barcelona"), ("46002", "Valencia"))),
        Country("NL", "Nederland", "EUR", "dot_comma", ("21", "9"), ("B.V.", "N.V.", "V.O.F."),
                ("Keizersgracht", "Stationsplein", "Coolsingel"),
                (("1016 DG", "Amsterdam"), ("3011 AD", "Rotterdam"), ("3511 LJ", "Utrecht"))),
        Country("IT", "Italia", "EUR", "dot_comma", ("22", "10", "4"), ("S.r.l.", "S.p.A.", "S.n.c."),
                ("Via Roma", "Corso Buenos Aires", "Via Garibaldi"),
                (("20121", "Milano"), ("00184", "Roma"), ("10121", "Torino"), ("40121", "Bologna"))),
        Country("IE", "Ireland", "EUR", "comma_dot", ("23", "13.5"), ("Ltd", "DAC"),
                ("Grafton Street", "Harcourt Road", "Patrick Street"),
                (("D02 X285", "Dublin"), ("T12 R2NC", "Cork"))),
        Country("GB", "United Kingdom", "GBP", "comma_dot", ("20", "5"), ("Ltd", "PLC", "LLP"),
                ("High Street", "Station Road", "Victoria Road", "Church Lane"),
                (("EC1A 1BB", "London"), ("M1 1AE", "Manchester"), ("EH1 1YZ", "Edinburgh"))),
        Country("SE", "Sverige", "SEK", "space_comma", ("25", "12", "6"), ("AB", "HB"),
                ("Drottninggatan", "Kungsgatan", "Storgatan"),
                (("111 51", "Stockholm"), ("411 01", "Göteborg"), ("211 20", "Malmö"))),
        Country("PL", "Polska", "PLN", "space_comma", ("23", "8", "5"), ("Sp. z o.o.", "S.A."),
                ("ul. Marszalkowska", "ul. Długa", "ul. Piotrkowska"),
                (("00-001", "Warszawa"), ("30-001", "Kraków"), ("90-001", "Lodz"))),
        Country("DK", "Danmark", "DKK", "dot_comma", ("25",), ("ApS", "A/S"),
                ("Strøget", "Vesterbrogade", "Nørregade"),
                (("1050", "København K"), ("8000", "Aarhus C"), ("5000", "Odense C"))),
        Country("US", "USA", "USD", "comma_dot", ("8.25", "7", "6.5"), ("Inc.", "LLC", "Corp."),
                ("Main Street", "Market Street", "Broadway", "Elm Avenue"),
                (("94105", "San Francisco, CA"), ("10001", "New York, NY"), ("60601", "Chicago, IL"),
                 ("78701", "Austin, TX")), has_iban=False),
        Country("IN", "India", "INR", "indian", ("18", "12", "5"), ("Pvt. Ltd.", "LLP", "Ltd."),
                ("MG Road", "Nehru Place", "Anna Salai", "Park Street"),
                (("560001", "Bengaluru"), ("110019", "New Delhi"), ("600002", "Chennai"),
                 ("400001", "Mumbai")), has_iban=False),
    )
}  # fmt: skip

# Indian states with their GST state codes, matched to the cities above.
INDIAN_STATES = {"Bengaluru": ("29", "Karnataka"), "New Delhi": ("07", "Delhi"),
                 "Chennai": ("33", "Tamil Nadu"), "Mumbai": ("27", "Maharashtra")}  # fmt: skip

NAME_STEMS = (
    "Nordlicht", "Alpenblick", "Rheinwerk", "Bluewater", "Kestrel", "Solvay", "Marigold", "Ironbridge",
    "Lumière", "Atlas", "Brightline", "Cobalt", "Delta Systems", "Evergreen", "Falcon", "Granite",
    "Helios", "Orion", "Pinnacle", "Quantum", "Riverside", "Silverline", "Tessera", "Vanguard",
    "Zenith", "Aurora", "Baltic", "Cascade", "Meridian", "Northwind", "Oakridge", "Prisma",
)  # fmt: skip
NAME_TRADES = {
    "en": ("Consulting", "Logistics", "Software", "Supplies", "Engineering", "Print & Media"),
    "de": ("Maschinenbau", "Logistik", "Softwarehaus", "Bürobedarf", "Elektrotechnik", "Druckerei"),
    "fr": ("Conseil", "Logistique", "Informatique", "Fournitures", "Ingénierie", "Imprimerie"),
    "es": ("Consultoría", "Logística", "Informática", "Suministros", "Ingeniería", "Imprenta"),
    "nl": ("Advies", "Logistiek", "Software", "Kantoorartikelen", "Techniek", "Drukkerij"),
    "it": ("Consulenza", "Logistica", "Informatica", "Forniture", "Ingegneria", "Tipografia"),
}


@dataclass(frozen=True)
class Party:
    name: str
    street: str
    postal_city: str
    country: Country
    vat_id: str | None  # compact form (what the golden JSON holds)
    vat_id_printed: str | None  # how the document prints it
    iban: str | None
    iban_printed: str | None
    bic: str | None
    bank_name: str | None
    state: tuple[str, str] | None = None  # Indian GST state (code, name)
    phone: str = ""
    email: str = ""

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postal_city}, {self.country.name}"


def _search_check(rng: random.Random, make: object, valid: object, alphabet: str, tries: int = 200) -> str:
    """Draw a random body with ``make(rng)`` and append the first check string ``valid`` accepts."""
    assert callable(make)
    assert callable(valid)
    for _ in range(tries):
        body = make(rng)
        for check in alphabet:
            candidate = body + check
            if valid(candidate):
                return str(candidate)
    raise RuntimeError("no valid check digit found")


def _digits(rng: random.Random, count: int, first_nonzero: bool = True) -> str:
    text = "".join(rng.choice(string.digits) for _ in range(count))
    return (str(rng.randint(1, 9)) + text[1:]) if first_nonzero and count else text


def make_vat_id(rng: random.Random, country: str, state_code: str = "29") -> tuple[str, str] | None:
    """Return (compact, printed) VAT id with valid check digits, or None where invoices carry none (US)."""
    if country == "US":
        return None
    if country == "IN":
        pan_type = rng.choice("CFP")

        def make_in(r: random.Random) -> str:
            letters = "".join(r.choice(string.ascii_uppercase) for _ in range(5))
            pan = (
                letters[:3] + pan_type + letters[4] + _digits(r, 4, False) + r.choice(string.ascii_uppercase)
            )
            return f"{state_code}{pan}{r.randint(1, 9)}Z"

        value = _search_check(rng, make_in, gstin.is_valid, string.digits + string.ascii_uppercase)
        return value, value
    if country == "CH":
        vat = get_cc_module("ch", "vat")
        value = _search_check(
            rng, lambda r: "CHE" + _digits(r, 8), lambda c: vat.is_valid(c + "MWST"), "0123456789"
        )
        compact = value + "MWST"
        return compact, vat.format(compact)
    if country == "GB":
        vat = get_cc_module("gb", "vat")
        value = _search_check(rng, lambda r: _digits(r, 7), vat.is_valid, [f"{i:02d}" for i in range(100)])  # type: ignore[arg-type]
        return "GB" + value, f"GB {value[:3]} {value[3:7]} {value[7:]}"
    vat = get_cc_module(country.lower(), "vat")
    body_factories = {
        "DE": lambda r: _digits(r, 8),
        "AT": lambda r: "U" + _digits(r, 7),
        "FR": lambda r: "",  # FR is built below: key + SIREN
        "BE": lambda r: "0" + _digits(r, 7),
        "ES": lambda r: r.choice("ABB") + _digits(r, 7),
        "NL": lambda r: _digits(r, 8),
        "IT": lambda r: _digits(r, 7, False) + f"{r.randint(1, 100):03d}",
        "IE": lambda r: _digits(r, 7, False),
        "SE": lambda r: _digits(r, 9),
        "PL": lambda r: _digits(r, 9),
        "DK": lambda r: _digits(r, 7),
    }
    if country == "FR":
        siren_module = get_cc_module("fr", "siren")
        siren = _search_check(rng, lambda r: _digits(r, 8), siren_module.is_valid, string.digits)
        key = (12 + 3 * (int(siren) % 97)) % 97
        compact = f"FR{key:02d}{siren}"
        printed = f"FR {key:02d} {siren[:3]} {siren[3:6]} {siren[6:]}"
    else:
        checks: object = string.digits
        if country == "BE":
            checks = [f"{i:02d}" for i in range(100)]
        elif country == "ES":
            checks = string.digits
        elif country == "IE":
            checks = string.ascii_uppercase[:23]
        suffix = {"NL": "B01", "SE": "01"}.get(country, "")

        def valid(candidate: str) -> bool:
            return bool(vat.is_valid(country + candidate + suffix))

        value = _search_check(rng, body_factories[country], valid, checks)  # type: ignore[arg-type]
        compact = country + value + suffix
        printed = compact if country != "DE" else f"DE {value}"
    assert vat.is_valid(compact), compact
    return compact, printed


@cache
def _banks(country: str) -> list[tuple[str, str, str]]:
    """(bank code, BIC, name) of registry banks that have a BIC, sorted so choices are reproducible."""
    rows = {
        (b.bank_code, b.bic, b.name)
        for b in bank_registry.get_banks_by_country(country)
        if b.bic and b.bank_code
    }
    return sorted(rows)


def make_bank_account(rng: random.Random, country: str) -> tuple[str, str, str, str] | None:
    """Return (IBAN compact, IBAN printed, BIC, bank name) with valid check digits, or None (US, IN)."""
    if not COUNTRIES[country].has_iban:
        return None
    banks = _banks(country)
    spec = bank_registry.get_iban_spec(country)
    account_code = bank_registry.Component.ACCOUNT_CODE  # type: ignore[attr-defined]
    account_range = spec.positions[account_code]
    account_length = account_range.end - account_range.start
    # Prefer accounts that also pass the national BBAN checksum; some national schemes (e.g. the
    # Belgian mod-97 in the last two digits) are rarely hit by chance, so fall back to IBAN-level validity.
    for attempt in range(400):
        bank_code, bic, bank_name = rng.choice(banks)
        account = _digits(rng, account_length, False)
        try:
            iban = IBAN.generate(country, bank_code=bank_code, account_code=account)
            with warnings.catch_warnings():  # schwifty warns where it has no national checksum (SE)
                warnings.simplefilter("ignore")
                IBAN(iban.compact, validate_bban=attempt < 300)
        except Exception:
            continue
        return iban.compact, iban.formatted, bic, bank_name
    raise RuntimeError(f"could not build a valid IBAN for {country}")


def make_party(rng: random.Random, country_code: str, language: str, *, with_bank: bool) -> Party:
    country = COUNTRIES[country_code]
    stem = rng.choice(NAME_STEMS)
    trade = rng.choice(NAME_TRADES[language if country_code not in {"US", "IN", "GB", "IE"} else "en"])
    name = f"{stem} {trade} {rng.choice(country.legal_forms)}"
    street = rng.choice(country.streets)
    number = str(rng.randint(1, 180))
    street_line = f"{number} {street}" if country_code in {"US", "GB", "IE", "FR"} else f"{street} {number}"
    postal, city = rng.choice(country.cities)
    postal_city = f"{city} {postal}" if country_code in {"US", "GB", "IE", "IN"} else f"{postal} {city}"
    state = INDIAN_STATES.get(city) if country_code == "IN" else None
    vat = make_vat_id(rng, country_code, state[0] if state else "29")
    bank = make_bank_account(rng, country_code) if with_bank else None
    slug = stem.lower().replace(" ", "").replace("è", "e")
    return Party(
        name=name,
        street=street_line,
        postal_city=postal_city,
        country=country,
        vat_id=vat[0] if vat else None,
        vat_id_printed=vat[1] if vat else None,
        iban=bank[0] if bank else None,
        iban_printed=bank[1] if bank else None,
        bic=bank[2] if bank else None,
        bank_name=bank[3] if bank else None,
        state=state,
        phone=f"+{rng.randint(30, 49)} {rng.randint(10, 99)} {rng.randint(100000, 999999)}",
        email=f"billing@{slug}.example",
    )
