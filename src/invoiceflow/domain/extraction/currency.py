"""Currency (ISO 4217) from codes and symbols on the page.

Codes beat symbols; "$" alone is USD unless another dollar code (CAD, AUD, …) or a prefixed symbol
(C$, A$, CA$, MX$, R$, …) is on the page; a prefixed symbol is never the bare "$" ("R$" is Brazil's real,
not a dollar); "kr" is resolved by other Nordic cues; "Fr."/"CHF" → CHF; "Bs." (bolívar and boliviano)
by the page's country: Venezuela's or Bolivia's name, tax ids, phone prefix, cities.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile

_CODES = [
    "EUR",
    "USD",
    "GBP",
    "CHF",
    "INR",
    "JPY",
    "CNY",
    "CAD",
    "AUD",
    "NZD",
    "SEK",
    "NOK",
    "DKK",
    "PLN",
    "CZK",
    "HUF",
    "RON",
    "BGN",
    "HRK",
    "RSD",
    "BAM",
    "MKD",
    "ISK",
    "TRY",
    "RUB",
    "UAH",
    "ZAR",
    "BRL",
    "MXN",
    "ARS",
    "CLP",
    "COP",
    "SGD",
    "HKD",
    "KRW",
    "TWD",
    "THB",
    "MYR",
    "IDR",
    "PHP",
    "VND",
    "AED",
    "SAR",
    "QAR",
    "ILS",
    "EGP",
    "NGN",
    "KES",
    "MAD",
    "VES",
    "BOB",
]
_CODE_RE = lazy_compile(r"(?<![A-Za-z])(" + "|".join(_CODES) + r")(?![A-Za-z])")
_DOLLAR_CODES = {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"}
# The dollar sign with a letter prefix names its own currency: the Brazilian real "R$", the Mexican peso
# "MX$" / "Mex$", the New Taiwan dollar "NT$" among them.
_PREFIXED_DOLLAR_RE = lazy_compile(r"(?<![A-Za-z])(US|CA|C|A|AU|NZ|S|SG|HK|MX|Mex|NT|R)\$")
_PREFIX_TO_CODE = {
    "US": "USD", "CA": "CAD", "C": "CAD", "A": "AUD", "AU": "AUD", "NZ": "NZD", "S": "SGD", "SG": "SGD",
    "HK": "HKD", "MX": "MXN", "Mex": "MXN", "NT": "TWD", "R": "BRL",
}  # fmt: skip
_SYMBOLS = {"€": "EUR", "£": "GBP", "₹": "INR", "¥": "JPY", "zł": "PLN", "Kč": "CZK", "₺": "TRY", "₽": "RUB"}
_SYMBOL_RE = lazy_compile(r"€|£|₹|¥|zł|Kč|₺|₽|\$")
# (Indian "Rs." is no Serbian IBAN's "RS35 …": two check digits and a group of digits after it.)
_WORD_RE = lazy_compile(
    r"(?<![a-z])(rs\.?(?!\d{2}\s?\d{4})|inr|sfr\.?|fr\.|kr\.?|euro|euros|dollars?|rupees?)(?![a-z])"
)
_WORD_TO_CODE = {"rs": "INR", "inr": "INR", "rupee": "INR", "rupees": "INR", "sfr": "CHF", "fr.": "CHF"}
_NORDIC_RE = lazy_compile(r"(?<![a-z])(moms|mva|sverige|sweden|norge|norway|danmark|denmark|cvr)(?![a-z])")
# Signs printed only after a figure ("12 700 Ft", "1.234,56 TL", "250,00 lei", "1.500,00 din.", "120,00
# лв."): alone they are words. Serbian dinars "din." / "дин.", Macedonian denars "ден.".
_AFTER_FIGURE_RE = lazy_compile(r"\d\s?(Ft|TL|lei|Lei|LEI|лв|din|Din|DIN|дин|ден)(?![A-Za-zА-я])")
_AFTER_FIGURE_TO_CODE = {
    "Ft": "HUF", "TL": "TRY", "lei": "RON", "Lei": "RON", "LEI": "RON", "лв": "BGN",
    "din": "RSD", "Din": "RSD", "DIN": "RSD", "дин": "RSD", "ден": "MKD",
}  # fmt: skip
# "Bs." is Venezuela's bolívar ("Bs.", "Bs.S", "Bs.D", "Bs.F") and Bolivia's boliviano: case as printed,
# so that "BS 7671" (a standard) is none. The country decides, by what the page says of it: its name, the
# tax identifier (Venezuela's RIF and tax office SENIAT, Bolivia's NIT), the phone prefix (+58, +591), the
# currency's name and the main cities.
_BOLIVAR_RE = lazy_compile(r"(?<![A-Za-z])Bs\.?(?:[SFD]\.?)?(?![A-Za-z])")
_VENEZUELA_RE = lazy_compile(
    r"(?<![a-z])(?:venezuela|r\.?\s?i\.?\s?f|seniat|bolivares|caracas|maracaibo|valencia|barquisimeto)(?![a-z])"
    r"|\+\s?58(?!\d)"
)
_BOLIVIA_RE = lazy_compile(
    r"(?<![a-z])(?:bolivia|nit|bolivianos|la\s+paz|cochabamba|santa\s+cruz\s+de\s+la\s+sierra|el\s+alto)(?![a-z])"
    r"|\+\s?591(?!\d)"
)
# A bare "$" takes the dollar of the country whose tax identifiers the page prints (Australian ABN,
# Canadian GST/HST/PST/QST and business-number program accounts "RT0001", New Zealand IRD/NZBN).
_DOLLAR_COUNTRY_RE = lazy_compile(
    r"(?<![a-z])(abn|gst/hst|hst|pst|qst|tps|tvq|\d{9}\s?rt\s?\d{4}|nzbn|ird)(?![a-z])"
)
_DOLLAR_OF_CUE = {"abn": "AUD", "nzbn": "NZD", "ird": "NZD"}
# A dollar named in words ("All prices are in US dollars") counts as its code does: it beats those cues.
_NAMED_DOLLAR_RE = lazy_compile(
    r"(?<![a-z])(us|u\.s\.|american|australian|canadian|new\s+zealand|singapore|hong\s+kong)\s+dollars?(?![a-z])"
)
_NAMED_DOLLAR_CODE = {"us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD"}


def detect_currency(lines: list[Line]) -> tuple[str, float] | None:
    """(ISO code, confidence) or None when the page names no currency."""
    votes: Counter[str] = Counter()
    dollar = 0
    prefixed: Counter[str] = Counter()
    kr = 0
    nordic = ""
    # Each pattern runs once over the page (lines joined by newlines, which none of them matches or needs
    # at a line's edge) instead of once per line; the matches are then taken line by line in the order
    # the per-line reading took them (codes, symbols, words): the order of first votes breaks ties.
    text = "\n".join([line.text for line in lines])
    folded = "\n".join([line.folded for line in lines])
    line_starts: list[int] = []
    offset = 0
    for line in lines:
        line_starts.append(offset)
        offset += len(line.text) + 1
    prefixed_signs: set[int] = set()  # offsets of the "$" of every prefixed sign: not a bare dollar
    for m in _PREFIXED_DOLLAR_RE.finditer(text):
        prefixed[_PREFIX_TO_CODE[m.group(1)]] += 1
        prefixed_signs.add(m.end() - 1)
    events: list[tuple[int, int, int, str]] = []  # line, pattern order, offset, what was found
    for order, (pattern, subject) in enumerate(((_CODE_RE, text), (_SYMBOL_RE, text), (_WORD_RE, folded))):
        for m in pattern.finditer(subject):
            found = m.group(0) if pattern is _SYMBOL_RE else m.group(1)
            events.append((bisect_right(line_starts, m.start()) - 1, order, m.start(), found))
    events.sort()
    for _line, order, offset, found in events:
        if order == 0:
            votes[found] += 3
        elif order == 1:
            if found == "$":
                dollar += offset not in prefixed_signs
            else:
                votes[_SYMBOLS[found]] += 2
        else:
            word = found.rstrip(".")
            if word in ("kr",):
                kr += 1
            elif word.startswith("euro"):
                votes["EUR"] += 1
            elif word.startswith("dollar"):
                dollar += 1
            elif found in _WORD_TO_CODE or word in _WORD_TO_CODE:
                votes[_WORD_TO_CODE.get(found, _WORD_TO_CODE.get(word, ""))] += 1
    for m in _NAMED_DOLLAR_RE.finditer(folded):
        name = " ".join(m.group(1).split())
        votes[_NAMED_DOLLAR_CODE.get(name, {"singapore": "SGD", "hong kong": "HKD"}.get(name, "NZD"))] += 3
    for m in _AFTER_FIGURE_RE.finditer(text):
        votes[_AFTER_FIGURE_TO_CODE[m.group(1)]] += 2
    if bolivars := len(_BOLIVAR_RE.findall(text)):
        votes[_bolivar_of_country(folded)] += 2 * bolivars
    # The first Nordic word of the last line that has one.
    nordic_line = -1
    for m in _NORDIC_RE.finditer(folded):
        line_index = bisect_right(line_starts, m.start()) - 1
        if line_index != nordic_line:
            nordic_line, nordic = line_index, m.group(1)
    if dollar or prefixed:
        if prefixed:
            code = prefixed.most_common(1)[0][0]
        else:
            named = [c for c in votes if c in _DOLLAR_CODES]
            code = max(named, key=lambda c: votes[c]) if named else _dollar_of_country(folded)
        votes[code] += 2 * (dollar + sum(prefixed.values()))
    if kr:
        code = {"moms": "SEK", "sverige": "SEK", "sweden": "SEK", "mva": "NOK", "norge": "NOK"}.get(
            nordic, "DKK" if nordic in ("danmark", "denmark", "cvr") else "SEK"
        )
        votes[code] += kr
    votes.pop("", None)
    if not votes:
        return None
    ranked = votes.most_common(2)
    best, score = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0
    confidence = 0.6 + 0.35 * (score - runner) / score
    if score >= 4:
        confidence += 0.04
    return best, round(min(confidence, 0.99), 2)


def _dollar_of_country(folded: str) -> str:
    """USD unless the page prints another dollar country's tax identifiers."""
    cue = _DOLLAR_COUNTRY_RE.search(folded)
    if cue is None:
        return "USD"
    word = cue.group(1)
    return _DOLLAR_OF_CUE.get(word, "CAD")


def _bolivar_of_country(folded: str) -> str:
    """VES unless the page says more of Bolivia than of Venezuela (a "Bs." alone is most often the
    bolívar: Venezuela issues far more invoices)."""
    venezuela = len(_VENEZUELA_RE.findall(folded))
    bolivia = len(_BOLIVIA_RE.findall(folded))
    return "BOB" if bolivia > venezuela else "VES"
