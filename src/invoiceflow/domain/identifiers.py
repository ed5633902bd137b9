"""Checksum validation of tax and bank identifiers (python-stdnum, schwifty), imported lazily.

One home for these checks: extraction drops candidates that fail them, validation flags contract
values that fail them.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SEPARATORS = re.compile(r"[\s.\-/]")


def compact(value: str) -> str:
    return _SEPARATORS.sub("", value).upper()


@lru_cache(maxsize=1024)
def valid_vat(number: str) -> bool:
    from stdnum import get_cc_module
    from stdnum.eu import vat as eu_vat

    if number[:2] in {"GB", "CH", "NO"} or number.startswith("CHE"):
        module = get_cc_module(number[:2].lower(), "vat")
        return bool(module and module.is_valid(number))
    return bool(eu_vat.is_valid(number))


def preload_checks() -> None:
    """Import the checksum modules now (python-stdnum's first VAT check costs ~11 ms of CPU, mostly
    imports): for a process that forks workers, so that no worker pays it again on its first page."""
    from stdnum import get_cc_module
    from stdnum.eu import vat as eu_vat
    from stdnum.in_ import gstin  # noqa: F401  # imported for its side effect: loaded once, here

    for country in [*sorted(eu_vat.MEMBER_STATES), "el", "eu"]:
        eu_vat._get_cc_module(country)
    for country in ("gb", "ch", "no"):
        get_cc_module(country, "vat")


@lru_cache(maxsize=1024)
def valid_gstin(number: str) -> bool:
    from stdnum.in_ import gstin

    return bool(gstin.is_valid(number))


# IBAN lengths of the ISO 13616 registry. Checking length and the mod-97 checksum directly spares a
# one-shot CLI run schwifty's registry load (~130 BBAN regexes compiled on first use, tens of ms);
# countries not listed here still go to schwifty.
_IBAN_LENGTHS = dict(
    (entry[:2], int(entry[2:]))
    for entry in str.split(
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 "
        "EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 "
        "KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 "
        "PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20"
    )
)


def _iban_checksum_ok(number: str) -> bool:
    rearranged = number[4:] + number[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def iban_length(country: str) -> int | None:
    """The length of the country's IBANs; None for a country without IBANs."""
    length = _IBAN_LENGTHS.get(country)
    if length is None and (pattern := iban_pattern(country)) is not None:
        length = len(pattern)
    return length


@lru_cache(maxsize=1024)
def valid_iban(number: str) -> bool:
    length = _IBAN_LENGTHS.get(number[:2])
    if length is not None:
        return (
            len(number) == length
            and number[2:4].isdigit()
            and number.isascii()
            and number.isalnum()
            and _iban_checksum_ok(number)
        )
    from schwifty import IBAN

    try:
        IBAN(number)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=128)
def iban_pattern(country: str) -> str | None:
    """The country's IBAN as one class per character: ``n`` digit, ``a`` letter, ``c`` either (from
    schwifty's registry; ``DE`` → ``aannnnnnnnnnnnnnnnnnnn``); None for a country without IBANs."""
    from schwifty import registry

    try:
        spec = registry.get_iban_spec(country)
    except Exception:  # schwifty raises its own lookup errors for unknown countries
        return None
    pattern = []
    for count, kind in re.findall(r"(\d+)!?([nac])", spec.iban_spec[2:]):
        pattern.append(kind * int(count))
    return "aa" + "".join(pattern)


# What schwifty's ``BIC(number)`` checks (ISO 9362 structure, length 8 or 11, an ISO 3166 country),
# done here: its first call costs ~11 ms of CPU (pycountry's database and the bank registry), paid again
# in every extraction worker process. The country codes are pycountry's ISO 3166-1 alpha-2 list (a test
# compares this set and the verdicts with schwifty's).
_BIC = re.compile(r"[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")
_WHITESPACE = re.compile(r"\s+")
ISO_COUNTRIES = frozenset(
    str.split(
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT "
        "BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH "
        "ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT "
        "HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS "
        "LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI "
        "NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG "
        "SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG "
        "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
    )
)


@lru_cache(maxsize=1024)
def valid_bic(number: str) -> bool:
    bic = _WHITESPACE.sub("", number).upper()
    return len(bic) in (8, 11) and _BIC.fullmatch(bic) is not None and bic[4:6] in ISO_COUNTRIES


# Tax numbers that countries outside the EU VAT system print where Europe prints a VAT id; the extractor
# returns them as printed (``extraction.national_vat``), so validation accepts what it returns.
def valid_turkish_tax_number(number: str) -> bool:
    from stdnum.tr import vkn

    return bool(vkn.is_valid(number))


def valid_serbian_tax_number(number: str) -> bool:
    from stdnum.rs import pib

    return bool(pib.is_valid(number))


def valid_bare_gst_number(number: str) -> bool:
    from stdnum.au import abn
    from stdnum.ca import bn
    from stdnum.nz import ird

    return any(module.is_valid(number) for module in (abn, bn, ird))


def valid_latin_american_tax_id(number: str) -> bool:
    """A Latin American taxpayer number, the id those countries print where Europe prints a VAT id:
    Venezuela's RIF, Argentina's CUIT, Chile's and Uruguay's RUT, Peru's, Ecuador's and Paraguay's RUC,
    Mexico's RFC, Colombia's NIT."""
    from stdnum.ar import cuit
    from stdnum.cl import rut
    from stdnum.co import nit
    from stdnum.ec import ruc as ec_ruc
    from stdnum.mx import rfc
    from stdnum.pe import ruc as pe_ruc
    from stdnum.py import ruc as py_ruc
    from stdnum.uy import rut as uy_rut
    from stdnum.ve import rif

    modules = (rif, cuit, rut, uy_rut, pe_ruc, ec_ruc, py_ruc, rfc, nit)
    return any(module.is_valid(number) for module in modules)


def is_valid_vat_id(value: str) -> bool:
    """EU VAT ids (with country prefix, incl. GB/CH/NO), Indian GSTINs and the national tax numbers the
    extractor returns as printed (Turkey, Serbia, Australia, Canada, New Zealand, Latin America),
    separators allowed."""
    number = compact(value)
    return valid_vat(number) or valid_gstin(number) or valid_national_tax_number(number)


def valid_national_tax_number(number: str) -> bool:
    return any(
        valid(number)
        for valid in (
            valid_turkish_tax_number,
            valid_serbian_tax_number,
            valid_bare_gst_number,
            valid_latin_american_tax_id,
        )
    )


def is_valid_iban(value: str) -> bool:
    return valid_iban(compact(value))
