"""Checksum validation of tax and bank identifiers (python-stdnum, schwifty), imported lazily."""

from __future__ import annotations

import re

_SPACES = re.compile(r"[\s.\-/]")


def compact(value: str) -> str:
    return _SPACES.sub("", value).upper()


def is_valid_vat_id(value: str) -> bool:
    """EU VAT ids (with country prefix, incl. GB/CH/NO) and Indian GSTINs."""
    from stdnum import get_cc_module
    from stdnum.eu import vat as eu_vat

    number = compact(value)
    if eu_vat.is_valid(number):
        return True
    country = number[:2].lower()
    if country in {"gb", "ch", "no"}:
        module = get_cc_module(country, "vat")
        return bool(module and module.is_valid(number))
    from stdnum.in_ import gstin

    return bool(gstin.is_valid(number))


def is_valid_iban(value: str) -> bool:
    from stdnum import iban

    return bool(iban.is_valid(compact(value)))
