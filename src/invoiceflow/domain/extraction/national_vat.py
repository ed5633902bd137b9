"""VAT ids printed without their country prefix after a national label ("P.IVA 02134560016", "CIF:
B12345674", "VAT Reg No: 980 7806 84"), read with the prefix (the contract's one format for EU, GB
ids) when the checksum confirms them; the GST numbers of countries that print them bare (Australian
ABN, Canadian BN, New Zealand IRD) and the taxpayer numbers of Latin America (RIF, CUIT, RUT, RUC, RFC,
NIT) are read as printed. Tax numbers that are no VAT id (Steuernummer,
SIRET) have no pattern here."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.identifiers import (
    compact,
    valid_bare_gst_number,
    valid_latin_american_tax_id,
    valid_serbian_tax_number,
    valid_turkish_tax_number,
    valid_vat,
)


@dataclass(frozen=True)
class _NationalForm:
    prefix: str  # put before the number read (the contract's form of the id)
    suffix: str  # put after it
    pattern: re.Pattern[str]  # on upper-case text; group 1 is the number
    valid: Callable[[str], bool] = valid_vat


_LABELLED: tuple[_NationalForm, ...] = (
    _NationalForm(
        "IT",
        "",
        lazy_compile(
            # "P.IVA", "Partita IVA", "P.I.", with the fiscal code named too ("P.IVA e C.F.", "C.F./P.IVA").
            r"(?<![A-Z])(?:C\.?\s?F\.?\s*(?:E|/|-|&)\s*)?(?:P\.?\s?IVA|PARTITA\s+I\.?V\.?A\.?|P\.\s?I\.)"
            r"(?:\s*(?:E|/|-|&)\s*C\.?\s?F\.?)?(?:\s*(?:N\.?|NR\.?|N°))?\s*[:.]?\s*(\d{11})(?!\d)"
        ),
    ),
    _NationalForm(
        "ES",
        "",
        lazy_compile(
            # "NIF-IVA": the tax number that is the VAT id, its prefix left out.
            r"(?<![A-Z])(?:C\.?I\.?F|N\.?I\.?F)\.?(?:[\s\-]*IVA)?(?:\s*(?:N\.?|NR\.?|N°))?\s*[:.]?\s*"
            r"([A-Z0-9][\s\-]?\d{7}[\s\-]?[A-Z0-9])(?![A-Z0-9])"
        ),
    ),
    _NationalForm(
        "GB",
        "",
        lazy_compile(
            r"(?<![A-Z])VAT\s*(?:REG(?:ISTRATION)?\.?\s*)?(?:NO\.?|NUMBER|#)?\s*[:.]?\s*"
            r"(\d{3}\s?\d{4}\s?\d{2}(?:\s?\d{3})?)(?![\dA-Z])"
        ),
    ),
    # Poland's NIP is its VAT number ("NIP sprzedawcy: 526-025-02-74").
    _NationalForm(
        "PL",
        "",
        lazy_compile(
            r"(?<![A-Z])NIP(?:\s+[A-Z]+)?\s*[:.]?\s*"
            r"(\d{3}[\s\-]?(?:\d{3}[\s\-]?\d{2}[\s\-]?\d{2}|\d{2}[\s\-]?\d{2}[\s\-]?\d{3}))(?![\dA-Z])"
        ),
    ),
    # Portugal's NIF / NIPC ("Contribuinte n.º 501 964 843"); a Spanish NIF has a letter (tried first).
    _NationalForm(
        "PT",
        "",
        lazy_compile(
            r"(?<![A-Z])(?:NIF|NIPC|CONTRIBUINTE)(?:\s*(?:N\.?\s*[º°O]?\.?|NR\.?))?\s*[:.]?\s*"
            r"(\d{3}\s?\d{3}\s?\d{3})(?![\dA-Z])"
        ),
    ),
    # Norway: the organisation number is a VAT id when "MVA" follows it ("Org.nr. 923 609 016 MVA").
    _NationalForm(
        "NO",
        "MVA",
        lazy_compile(
            r"(?<![A-Z])(?:ORG\.?\s*-?\s*NR\.?|ORGANISASJONSNUMMER|FORETAKSREGISTERET)\s*[:.]?\s*"
            r"(\d{3}\s?\d{3}\s?\d{3})\s*MVA(?![A-Z])"
        ),
    ),
    # Hungary: the first eight digits of the domestic tax number ("Adószám: 12345678-2-42") are the EU VAT
    # number; the VAT-status digit and the county code after them are not part of it.
    _NationalForm(
        "HU",
        "",
        lazy_compile(r"(?<![A-ZÁ-Ű])AD[ÓO]SZ[ÁA]M\s*[:.]?\s*(\d{8})-\d-\d{2}(?!\d)"),
    ),
    # Denmark: the CVR number is the VAT number ("CVR-nr. 12 34 56 78", "SE-nr.", "Moms-nr.").
    _NationalForm(
        "DK",
        "",
        lazy_compile(
            r"(?<![A-Z])(?:CVR(?:[\s\-]*(?:NR|NUMMER)\.?)?|(?:SE|MOMS)[\s\-]*(?:NR|NUMMER)\.?)\s*[:.]?\s*"
            r"(\d{2}\s?\d{2}\s?\d{2}\s?\d{2})(?![\dA-Z])"
        ),
    ),
    # Finland: the business id (Y-tunnus / FO-nummer "1234567-8") without its dash is the VAT number.
    _NationalForm(
        "FI",
        "",
        lazy_compile(r"(?<![A-Z])(?:Y-TUNNUS|Y-TUNN\.|FO-NUMMER|FO-NR\.?)\s*[:.]?\s*(\d{7}-\d)(?!\d)"),
    ),
    # Türkiye: the tax number (vergi kimlik numarası, 10 digits) is outside the EU system and is read
    # as printed ("VKN: 1234567890", "Vergi No 1234567890").
    _NationalForm(
        "",
        "",
        lazy_compile(
            r"(?<![A-ZÇĞİÖŞÜ])(?:VKN|VERG[İI]\s+(?:K[İI]ML[İI]K\s+)?(?:NO|NUMARASI))\s*[:.]?\s*(\d{10})(?!\d)"
        ),
        valid_turkish_tax_number,
    ),
    # Greece: the tax number (ΑΦΜ) is the VAT id, prefixed EL.
    _NationalForm("EL", "", lazy_compile(r"Α\.?\s?Φ\.?\s?Μ\.?\s*[:.]?\s*(\d{9})(?!\d)")),
    # Croatia: the personal identification number (OIB) is the VAT number with the prefix HR.
    _NationalForm("HR", "", lazy_compile(r"(?<![A-Z])OIB\s*[:.]?\s*(\d{11})(?!\d)")),
    # Slovenia: "ID za DDV" / "Davčna številka" with or without the prefix SI.
    _NationalForm(
        "SI",
        "",
        lazy_compile(
            r"(?<![A-Z])(?:ID\s*ZA\s*DDV|DAV[ČC]NA\s+(?:[ŠS]TEVILKA|[ŠS]T\.))\s*[:.]?\s*(?:SI\s?)?(\d{8})(?!\d)"
        ),
    ),
    # Estonia (KMKR), Latvia (PVN reģistrācijas / maksātāja numurs), Lithuania (PVM mokėtojo kodas),
    # Bulgaria (ДДС № / ИН по ЗДДС): the VAT number after its label, its country prefix optional.
    _NationalForm(
        "EE", "", lazy_compile(r"(?<![A-Z])KMKR(?:\s*(?:NR|NUMBER)\.?)?\s*[:.]?\s*(?:EE\s?)?(\d{9})(?!\d)")
    ),
    _NationalForm(
        "LV",
        "",
        lazy_compile(
            r"(?<![A-Z])PVN\s+(?:MAKS[ĀA]T[ĀA]JA\s+)?(?:RE[ĢG](?:ISTR[ĀA]CIJAS)?\.?\s*)?(?:NR|NUMURS)\.?\s*[:.]?\s*"
            r"(?:LV\s?)?(\d{11})(?!\d)"
        ),
    ),
    _NationalForm(
        "LT",
        "",
        lazy_compile(r"(?<![A-Z])PVM\s+(?:MOK[ĖE]TOJO\s+)?KODAS\s*[:.]?\s*(?:LT\s?)?(\d{12}|\d{9})(?!\d)"),
    ),
    _NationalForm(
        "BG",
        "",
        lazy_compile(r"(?:ДДС\s*№|ИН\s+ПО\s+З?ДДС|ЗДДС\s*№)\s*[:.]?\s*(?:BG\s?)?(\d{10}|\d{9})(?!\d)"),
    ),
    # Switzerland: the enterprise id after a VAT label, its "MWST" / "TVA" / "IVA" suffix left out or
    # wrapped onto the next line ("MWST-Nr.: CHE-123.456.789"): the VAT number with the suffix.
    _NationalForm(
        "",
        "MWST",
        lazy_compile(
            r"(?<![A-Z])(?:MWST|TVA|IVA|VAT|UID)(?:[\s\-]*(?:NR|NO|N°|NUMMER|NUMBER)\.?)?\s*[:.]?\s*"
            r"(CHE[\s.\-]?\d{3}[.\s]?\d{3}[.\s]?\d{3})(?!\d|\s?(?:MWST|TVA|IVA)(?![A-Z]))"
        ),
    ),
    # Serbia is outside the EU VAT system: its tax number (PIB, 9 digits) is read as printed.
    _NationalForm("", "", lazy_compile(r"(?<![A-Z])PIB\s*[:.]?\s*(\d{9})(?!\d)"), valid_serbian_tax_number),
    # Latin America's taxpayer numbers after their labels, read as printed (without separators), each
    # label with its country's forms: "RIF: J-12345678-9" (VE), "CUIT 30-71234567-1" (AR), "RUT:
    # 76.086.428-5" (CL; UY: 12 digits), "RUC 20512333797" (PE 11, EC 13 digits, PY "80012345-6"),
    # "RFC: ABC680524P76" (MX), "NIT 900.123.456-7" (CO).
    *(
        _NationalForm(
            "",
            "",
            lazy_compile(
                r"(?<![A-Z])"
                + label
                + r"\.?(?:\s*(?:N[°º.O]?\.?|NRO\.?))?\s*[:.]?\s*("
                + number
                + r")(?![\dA-Z])"
            ),
            valid_latin_american_tax_id,
        )
        for label, number in (
            (r"R\.?\s?I\.?\s?F", r"[VEJPG][\s.\-]?\d{1,2}\.?\d{3}\.?\d{3}[\s.\-]?\d"),
            (r"C\.?\s?U\.?\s?I\.?\s?[TL]", r"\d{2}[\s\-]?\d{8}[\s\-]?\d"),
            (r"R\.?\s?U\.?\s?T", r"\d{1,2}\.?\d{3}\.?\d{3}-?[\dK]|\d{12}"),
            (r"R\.?\s?U\.?\s?C", r"\d{13}|\d{11}|\d{6,8}-\d"),
            (r"R\.?\s?F\.?\s?C", r"[A-ZÑ&]{3,4}[\s\-]?\d{6}[\s\-]?[A-Z\d]{3}"),
            (r"N\.?\s?I\.?\s?T", r"\d{3}\.?\d{3}\.?\d{3}-?\d"),
        )
    ),
    # Australia's ABN, Canada's business number of a GST/HST registration, New Zealand's GST (IRD)
    # number: printed bare, and the contract keeps them so.
    _NationalForm(
        "",
        "",
        lazy_compile(
            r"(?<![A-Z])(?:ABN|(?:GST|HST|GST/HST)\s*(?:REG(?:ISTRATION)?\.?\s*)?(?:NO\.?|NUMBER|#)|BN"
            r"|IRD\s*(?:NO\.?|NUMBER))\s*[:.#]?\s*(\d(?:[\s\-]?\d){7,10}(?:\s?RT\s?\d{4})?)(?![\dA-Z])"
        ),
        valid_bare_gst_number,
    ),
)
_LABEL_WORDS = (
    *("IVA", "P.I", "P. I", "CIF", "NIF", "C.I.F", "N.I.F", "VAT", "NIP", "CONTRIBUINTE", "MVA", "Φ"),
    *("ABN", "GST", "HST", "BN", "IRD"),
    *("ADÓSZ", "ADOSZ", "CVR", "SE-N", "SE N", "MOMS", "Y-TUNN", "FO-N", "VKN", "VERG"),
    *("OIB", "DDV", "DAV", "KMKR", "PVN", "PVM", "ДДС", "PIB"),
    *("MWST", "TVA", "UID"),
    *("RIF", "R.I.F", "CUIT", "C.U.I.T", "RUT", "R.U.T", "RUC", "R.U.C", "RFC", "R.F.C", "NIT", "N.I.T"),
)


def labelled_national_vat_ids(text: str) -> list[tuple[int, str]]:
    """(start, compact id in the contract's form) of each prefix-less national VAT/GST id after its
    label in ``text`` (upper-case), checksum-validated."""
    if not any(word in text for word in _LABEL_WORDS):
        return []
    out: list[tuple[int, str]] = []
    for form in _LABELLED:
        for m in form.pattern.finditer(text):
            number = form.prefix + compact(m.group(1)) + form.suffix
            if form.valid(number) and all(start != m.start(1) for start, _ in out):
                out.append((m.start(1), number))
    return out
