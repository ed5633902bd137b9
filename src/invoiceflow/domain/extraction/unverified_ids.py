"""The fallback when a page has no checksum-confirmed VAT id or IBAN: an id printed right after its label
in its country's format whose check digits fail ("USt-IdNr.: DE 123456789", "IBAN DE75 1234 5678 0000
0012 34"). A text layer holds exactly what the issuer printed (sample and test invoices carry such ids),
so it is reported as printed, with a lower confidence than a confirmed id, and validation flags it. A VAT
id is read from OCR lines too (a receipt scanned with its placeholder id; a misread digit is still the
page's only VAT id, flagged); IBANs only from the text layer, where a misread digit cannot send money to
the wrong account."""

from __future__ import annotations

import re

from invoiceflow.domain.extraction.identifiers import IBAN_LABEL_RE, Identifier
from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.identifiers import compact, iban_length, iban_pattern, valid_iban, valid_vat

_PREFIXES = "AT BE BG CY CZ DE DK EE EL ES FI FR GB HR HU IE IT LT LU LV MT NL NO PL PT RO SE SI SK XI CH"
# A VAT label, then (no digit between) an id with its country prefix.
_LABEL_THEN_ID_RE = lazy_compile(
    r"(?<![A-Z])(?:VAT|TVA|BTW|MWST|MVA|MOMS|IVA|UST|UID|NIP|NIF|CIF|TAX\s*ID|PVN|PVM|KMKR|ALV|DPH|DIČ|DDV)"
    r"[^0-9]{0,30}?"
    r"(?<![A-Z0-9])(" + _PREFIXES.replace(" ", "|") + r")[\s.\-]?([0-9A-Z][0-9A-Z.\- ]{6,16}[0-9A-Z])"
)


def _checksum_only_fails(number: str) -> bool:
    """True when stdnum finds ``number`` well-formed for its country (length, characters) and only its
    check digits, or a part its country gives a meaning (a birth date, an office code: a sample's
    "LV00000000000"), wrong."""
    from stdnum import get_cc_module
    from stdnum.eu import vat as eu_vat
    from stdnum.exceptions import InvalidChecksum, InvalidComponent, ValidationError

    country = number[:2].lower()
    module = get_cc_module(country, "vat") if country in ("gb", "ch", "no") else eu_vat
    if module is None:
        return False
    try:
        module.validate(number)
    except (InvalidChecksum, InvalidComponent):
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
    """VAT ids failing only their checksum after a VAT label, in reading order, beside the confirmed ids
    of ``identifiers``: a confirmed id may be the customer's only (a sample invoice's seller prints a
    placeholder, its buyer a real id). Whoever assigns them lets a confirmed id win."""
    ibans = [ident.value for ident in identifiers if ident.kind == "iban"]
    found: list[Identifier] = []
    for line in lines:
        for start, number in _labelled_ids(line.text.upper()):
            if not any(number in iban for iban in ibans):
                found.append(Identifier("vat", number, line.index, start, line.char_x(start), checked=False))
    return found


# An IBAN label, then (no digit between) a country code, two digits and the rest in groups; or an account
# label ending its line, the IBAN starting the next ("… Bankverbindung: IBAN" / "DE75 1234 …").
_IBAN_LABEL_THEN_ID_RE = lazy_compile(
    r"(?<![A-Z])IBAN[^0-9A-Z]{0,12}?(?<![A-Z0-9])([A-Z]{2}[0-9]{2}[0-9A-Z ]{8,40})"
)
_ID_AT_START_RE = lazy_compile(r"([A-Z]{2}[0-9]{2}[0-9A-Z ]{8,40})")


def _iban_checksum_only_fails(number: str) -> bool:
    """True when ``number`` has its country's IBAN length and character classes and fails only mod-97."""
    length, pattern = iban_length(number[:2]), iban_pattern(number[:2])
    if length is None or pattern is None or len(number) != length or valid_iban(number):
        return False
    return all(
        char.isdigit() if kind == "n" else char.isalpha() if kind == "a" else char.isalnum()
        for char, kind in zip(number, pattern, strict=True)
    )


def _account_label_ends(line: Line) -> bool:
    """True when the line ends with an account label ("IBAN", "Bankverbindung:"), its value below."""
    labels = list(IBAN_LABEL_RE.finditer(line.folded))
    return bool(labels) and not line.folded[labels[-1].end() :].strip(" :.")


def _unverified_iban(text: str, start: int, end: int) -> str | None:
    pieces = text[start:end].split(" ")
    for cut in range(len(pieces), 0, -1):  # the greedy tail may have swallowed a following word
        number = "".join(pieces[:cut])
        if _iban_checksum_only_fails(number):
            return number
    return None


def unverified_ibans(lines: list[Line], identifiers: list[Identifier]) -> list[Identifier]:
    """IBANs failing only their checksum after an "IBAN" label on text-layer lines, in reading order; none
    when ``identifiers`` already hold a confirmed IBAN."""
    if any(ident.kind == "iban" for ident in identifiers):
        return []
    found: list[Identifier] = []
    for index, line in enumerate(lines):
        if line.ocr:
            continue
        text = line.text.upper()
        for m in _IBAN_LABEL_THEN_ID_RE.finditer(text):
            if (number := _unverified_iban(text, m.start(1), m.end(1))) is not None:
                found.append(
                    Identifier("iban", number, line.index, m.start(1), line.char_x(m.start(1)), checked=False)
                )
        if _account_label_ends(line) and index + 1 < len(lines) and not lines[index + 1].ocr:
            below = lines[index + 1]
            head = _ID_AT_START_RE.match(below.text.upper())
            if (
                head is not None
                and (number := _unverified_iban(below.text.upper(), 0, head.end())) is not None
            ):
                found.append(Identifier("iban", number, below.index, 0, below.x0, checked=False))
    return found
