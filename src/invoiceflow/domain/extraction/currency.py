"""Currency (ISO 4217) from codes and symbols on the page.

Codes beat symbols; "$" alone is USD unless another dollar code (CAD, AUD, …) or a prefixed symbol
(C$, A$, CA$) is on the page; "kr" is resolved by other Nordic cues; "Fr."/"CHF" → CHF.
"""

from __future__ import annotations

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
]
_CODE_RE = lazy_compile(r"(?<![A-Za-z])(" + "|".join(_CODES) + r")(?![A-Za-z])")
_DOLLAR_CODES = {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"}
_PREFIXED_DOLLAR_RE = lazy_compile(r"(?<![A-Za-z])(US|CA|C|A|AU|NZ|S|HK)\$")
_PREFIX_TO_CODE = {
    "US": "USD", "CA": "CAD", "C": "CAD", "A": "AUD", "AU": "AUD", "NZ": "NZD", "S": "SGD", "HK": "HKD",
}  # fmt: skip
_SYMBOLS = {"€": "EUR", "£": "GBP", "₹": "INR", "¥": "JPY", "zł": "PLN", "Kč": "CZK", "₺": "TRY", "₽": "RUB"}
_SYMBOL_RE = lazy_compile(r"€|£|₹|¥|zł|Kč|₺|₽|\$")
_WORD_RE = lazy_compile(r"(?<![a-z])(rs\.?|inr|sfr\.?|fr\.|kr\.?|euro|euros|dollars?|rupees?)(?![a-z])")
_WORD_TO_CODE = {"rs": "INR", "inr": "INR", "rupee": "INR", "rupees": "INR", "sfr": "CHF", "fr.": "CHF"}
_NORDIC_RE = lazy_compile(r"(?<![a-z])(moms|mva|sverige|sweden|norge|norway|danmark|denmark)(?![a-z])")


def detect_currency(lines: list[Line]) -> tuple[str, float] | None:
    """(ISO code, confidence) or None when the page names no currency."""
    votes: Counter[str] = Counter()
    dollar = 0
    prefixed: Counter[str] = Counter()
    kr = 0
    nordic = ""
    for line in lines:
        for m in _CODE_RE.finditer(line.text):
            votes[m.group(1)] += 3
        for m in _PREFIXED_DOLLAR_RE.finditer(line.text):
            prefixed[_PREFIX_TO_CODE[m.group(1)]] += 1
        for m in _SYMBOL_RE.finditer(line.text):
            if m.group(0) == "$":
                dollar += 1
            else:
                votes[_SYMBOLS[m.group(0)]] += 2
        for m in _WORD_RE.finditer(line.folded):
            word = m.group(1).rstrip(".")
            if word in ("kr",):
                kr += 1
            elif word.startswith("euro"):
                votes["EUR"] += 1
            elif word.startswith("dollar"):
                dollar += 1
            elif m.group(1) in _WORD_TO_CODE or word in _WORD_TO_CODE:
                votes[_WORD_TO_CODE.get(m.group(1), _WORD_TO_CODE.get(word, ""))] += 1
        nordic_match = _NORDIC_RE.search(line.folded)
        if nordic_match:
            nordic = nordic_match.group(1)
    if dollar or prefixed:
        if prefixed:
            code = prefixed.most_common(1)[0][0]
        else:
            named = [c for c in votes if c in _DOLLAR_CODES]
            code = max(named, key=lambda c: votes[c]) if named else "USD"
        votes[code] += 2 * (dollar + sum(prefixed.values()))
    if kr:
        code = {"moms": "SEK", "sverige": "SEK", "sweden": "SEK", "mva": "NOK", "norge": "NOK"}.get(
            nordic, "DKK" if nordic in ("danmark", "denmark") else "SEK"
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
