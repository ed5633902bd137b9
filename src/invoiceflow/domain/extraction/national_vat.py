"""VAT ids printed without their country prefix after a national label ("P.IVA 02134560016", "CIF:
B12345674", "VAT Reg No: 980 7806 84"), read with the prefix (the contract's one format for EU, GB
ids) when the checksum confirms them. Tax numbers that are no VAT id (Steuernummer, SIRET) have no
pattern here."""

from __future__ import annotations

import re

from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.identifiers import compact, valid_vat

# (country prefix, suffix, pattern on upper-case text whose group 1 is the number)
_LABELLED: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "IT",
        "",
        lazy_compile(
            r"(?<![A-Z])(?:P\.?\s?IVA|PARTITA\s+I\.?V\.?A\.?)(?:\s*(?:N\.?|NR\.?|N°))?\s*[:.]?\s*(\d{11})(?!\d)"
        ),
    ),
    (
        "ES",
        "",
        lazy_compile(
            r"(?<![A-Z])(?:C\.?I\.?F|N\.?I\.?F)\.?(?:\s*(?:N\.?|NR\.?|N°))?\s*[:.]?\s*"
            r"([A-Z0-9][\s\-]?\d{7}[\s\-]?[A-Z0-9])(?![A-Z0-9])"
        ),
    ),
    (
        "GB",
        "",
        lazy_compile(
            r"(?<![A-Z])VAT\s*(?:REG(?:ISTRATION)?\.?\s*)?(?:NO\.?|NUMBER|#)?\s*[:.]?\s*"
            r"(\d{3}\s?\d{4}\s?\d{2}(?:\s?\d{3})?)(?![\dA-Z])"
        ),
    ),
    # Poland's NIP is its VAT number ("NIP sprzedawcy: 526-025-02-74").
    (
        "PL",
        "",
        lazy_compile(
            r"(?<![A-Z])NIP(?:\s+[A-Z]+)?\s*[:.]?\s*"
            r"(\d{3}[\s\-]?(?:\d{3}[\s\-]?\d{2}[\s\-]?\d{2}|\d{2}[\s\-]?\d{2}[\s\-]?\d{3}))(?![\dA-Z])"
        ),
    ),
    # Portugal's NIF / NIPC ("Contribuinte n.º 501 964 843"); a Spanish NIF has a letter (tried first).
    (
        "PT",
        "",
        lazy_compile(
            r"(?<![A-Z])(?:NIF|NIPC|CONTRIBUINTE)(?:\s*(?:N\.?\s*[º°O]?\.?|NR\.?))?\s*[:.]?\s*"
            r"(\d{3}\s?\d{3}\s?\d{3})(?![\dA-Z])"
        ),
    ),
    # Norway: the organisation number is a VAT id when "MVA" follows it ("Org.nr. 923 609 016 MVA").
    (
        "NO",
        "MVA",
        lazy_compile(
            r"(?<![A-Z])(?:ORG\.?\s*-?\s*NR\.?|ORGANISASJONSNUMMER|FORETAKSREGISTERET)\s*[:.]?\s*"
            r"(\d{3}\s?\d{3}\s?\d{3})\s*MVA(?![A-Z])"
        ),
    ),
    # Greece: the tax number (ΑΦΜ) is the VAT id, prefixed EL.
    ("EL", "", lazy_compile(r"Α\.?\s?Φ\.?\s?Μ\.?\s*[:.]?\s*(\d{9})(?!\d)")),
)
_LABEL_WORDS = ("IVA", "CIF", "NIF", "C.I.F", "N.I.F", "VAT", "NIP", "CONTRIBUINTE", "MVA", "Φ")


def labelled_national_vat_ids(text: str) -> list[tuple[int, str]]:
    """(start, prefixed compact id) of each prefix-less national VAT id after its label in ``text``
    (upper-case), checksum-validated."""
    if not any(word in text for word in _LABEL_WORDS):
        return []
    out: list[tuple[int, str]] = []
    for country, suffix, pattern in _LABELLED:
        for m in pattern.finditer(text):
            number = country + compact(m.group(1)) + suffix
            if valid_vat(number) and all(start != m.start(1) for start, _ in out):
                out.append((m.start(1), number))
    return out
