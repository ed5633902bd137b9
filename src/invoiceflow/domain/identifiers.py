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


@lru_cache(maxsize=1024)
def valid_bic(number: str) -> bool:
    from schwifty import BIC

    try:
        BIC(number)
    except ValueError:
        return False
    return True


def is_valid_vat_id(value: str) -> bool:
    """EU VAT ids (with country prefix, incl. GB/CH/NO) and Indian GSTINs, separators allowed."""
    number = compact(value)
    return valid_vat(number) or valid_gstin(number)


def is_valid_iban(value: str) -> bool:
    return valid_iban(compact(value))
