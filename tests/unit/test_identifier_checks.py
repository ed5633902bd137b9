"""Identifier checks: ``valid_bic`` judges BICs as schwifty does (structure, length, ISO 3166 country)
without loading it; ``preload_checks`` loads the VAT checksum modules ahead of the first check."""

from __future__ import annotations

import itertools
import string
import sys

import pycountry
import pytest
from schwifty import BIC

from invoiceflow.domain.identifiers import ISO_COUNTRIES, preload_checks, valid_bic, valid_gstin, valid_vat


def _schwifty_accepts(number: str) -> bool:
    try:
        BIC(number)
    except ValueError:
        return False
    return True


def test_country_codes_are_pycountrys() -> None:
    assert {country.alpha_2 for country in pycountry.countries} == ISO_COUNTRIES


def test_every_two_letter_country_field_is_judged_as_schwifty_judges_it() -> None:
    for first, second in itertools.product(string.ascii_uppercase, repeat=2):
        number = f"DEUT{first}{second}FF"
        assert valid_bic(number) == _schwifty_accepts(number), number


@pytest.mark.parametrize(
    "number",
    [
        "DEUTDEFF",
        "DEUTDEFF500",
        "deutdeff",
        "DEUT DE FF",
        "BNPAFRPPXXX",
        "1234DEFF",  # ISO 9362 allows digits in the business party prefix
        "DEUTDEF",  # 7 characters
        "DEUTDEFF50",  # 10 characters
        "DEUTDEFF5000",
        "DEUTXXFF",  # no such country
        "DEUT1EFF",
        "DEUTDEF_",
        "DEUTDÉFF",
        "",
        "ẞEUTDEFF",  # upper-cases to two letters
    ],
)
def test_verdicts_equal_schwifty(number: str) -> None:
    assert valid_bic(number) == _schwifty_accepts(number)


def test_preload_checks_loads_the_country_modules_and_checks_still_judge() -> None:
    preload_checks()
    assert {"stdnum.de.vat", "stdnum.gr.vat", "stdnum.ch.vat", "stdnum.in_.gstin"} <= set(sys.modules)
    assert valid_vat("NL925734275B01")
    assert not valid_vat("NL925734275801")
    assert valid_vat("EL094259216")
    assert valid_gstin("27AAPFU0939F1ZV")
