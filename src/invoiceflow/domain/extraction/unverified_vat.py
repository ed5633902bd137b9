"""The fallback when a page has no checksum-confirmed VAT id: an id printed right after a VAT label in
its country's format whose check digits fail ("USt-IdNr.: DE 123456789"). A text layer holds exactly
what the issuer printed (sample and test invoices carry such ids), so it is reported as printed and
validation flags it; OCR lines are left out, where a misread digit fails the checksum the same way."""

from __future__ import annotations

import re

from invoiceflow.domain.extraction.identifiers import Identifier
from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.identifiers import compact, valid_vat

_PREFIXES = "AT BE BG CY CZ DE DK EE EL ES FI FR GB HR HU IE IT LT LU LV MT NL NO PL PT RO SE SI SK XI CH"
# A VAT label, then (no digit between) an id with its country prefix.
_LABEL_THEN_ID_RE = lazy_compile(
    r"(?<![A-Z])(?:VAT|TVA|BTW|MWST|MVA|MOMS|IVA|UST|UID|NIP|NIF|CIF|TAX\s*ID)[^0-9]{0,30}?"
    r"(?<![A-Z0-9])(" + _PREFIXES.replace(" ", "|") + r")[\s.\-]?([0-9A-Z][0-9A-Z.\- ]{6,16}[0-9A-Z])"
)


def _checksum_only_fails(number: str) -> bool:
    """True when stdnum finds ``number`` well-formed for its country (length, characters) and only its
    check digits wrong."""
    from stdnum import get_cc_module
    from stdnum.eu import vat as eu_vat
    from stdnum.exceptions import InvalidChecksum, ValidationError

    country = number[:2].lower()
    module = get_cc_module(country, "vat") if country in ("gb", "ch", "no") else eu_vat
    if module is None:
        return False
    try:
        module.validate(number)
    except InvalidChecksum:
        return True
    except ValidationError:
        return False
    return False


def _labelled_ids(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for m in _LABEL_THEN_ID_RE.finditer(text):
        pieces = re.split(r"(?<=[\s.\-])", text[m.start(1) : m.end(2)])
        for cut in range(len(pieces), 0, -1):  # the greedy tail may have swallowed a following word
            number = compact("".join(pieces[:cut]))
            if valid_vat(number):
                break  # a confirmed id, not this fallback's
            if _checksum_only_fails(number):
                out.append((m.start(1), number))
                break
    return out


def unverified_vat_ids(lines: list[Line], identifiers: list[Identifier]) -> list[Identifier]:
    """VAT ids failing only their checksum after a VAT label on text-layer lines, in reading order;
    none when ``identifiers`` already hold a confirmed VAT id or GSTIN."""
    if any(ident.kind in ("vat", "gstin") for ident in identifiers):
        return []
    ibans = [ident.value for ident in identifiers if ident.kind == "iban"]
    found: list[Identifier] = []
    for line in lines:
        if line.ocr:
            continue
        for start, number in _labelled_ids(line.text.upper()):
            if not any(number in iban for iban in ibans):
                found.append(Identifier("vat", number, line.index, start, line.char_x(start)))
    return found
