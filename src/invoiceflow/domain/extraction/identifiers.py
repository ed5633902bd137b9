"""Tax and bank identifiers found on lines, each checksum-validated (python-stdnum, schwifty).

A candidate that fails its checksum is dropped: a wrong VAT id or IBAN is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.national_vat import labelled_national_vat_ids
from invoiceflow.domain.identifiers import (
    compact,
    iban_pattern,
    valid_bic,
    valid_gstin,
    valid_iban,
    valid_vat,
)

_EU = "AT BE BG CY CZ DE DK EE EL GR ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK XI"
_VAT_PREFIXES = set(_EU.split()) | {"GB", "CH", "NO"}
_VAT_RE = lazy_compile(
    r"(?<![A-Z0-9])("
    + "|".join(sorted(_VAT_PREFIXES))
    + r")[\s.\-]?((?:CHE[\s.\-]?)?[0-9A-Z][0-9A-Z.\- ]{6,16}[0-9A-Z])"
)
_NEXT_WORD_RE = lazy_compile(r"(?<=[^A-Z0-9])[A-Z]{2}")
_CHE_RE = lazy_compile(r"(?<![A-Z0-9])CHE[\s.\-]?\d{3}[.\s]?\d{3}[.\s]?\d{3}(?:\s?(?:MWST|TVA|IVA))?")
_GSTIN_RE = lazy_compile(r"(?<![A-Z0-9])\d{2}[A-Z]{5}\d{4}[A-Z][0-9A-Z]Z[0-9A-Z](?![A-Z0-9])")
# After a "GSTIN" label the number may be printed in groups ("GSTIN: 29 ABCDE 1234 F 1Z5"): read compacted.
_LABELLED_GSTIN_RE = lazy_compile(
    r"(?<![A-Z])GSTIN(?:\s*/\s*UIN)?(?:\s*(?:NO\.?|NUMBER|#))?\s*[:.\-]?\s*((?:[0-9A-Z][\s\-]?){14}[0-9A-Z])(?![0-9A-Z])"
)
_IBAN_RE = lazy_compile(r"(?<![A-Z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){10,30}")
# After an "IBAN" / account label only (the looser forms need its support): a space after the country code
# ("IBAN DE 89 3704 …") and groups joined by hyphens or dots ("cuenta ES91-2100-0418-…", read with those
# turned into spaces, see ``_IBAN_JOINERS``).
_LABELLED_IBAN_RE = lazy_compile(r"(?<![A-Z0-9])[A-Z]{2} ?\d{2}(?:[ ]?[A-Z0-9]){10,30}")
IBAN_LABEL_RE = lazy_compile(
    r"(?<![a-z])(?:iban|account|acct|konto(?:nummer|nr)?|bankkonto|compte|cuenta|conta|rekening(?:nummer)?|conto|"
    r"rachunku?|rachunek|tilinumero|tili|szamlaszam|bankszamla|ucet|racun|hesap|"
    # A bank block's heading: "Bankverbindung", "Bank details", "Coordonnées bancaires", "Datos bancarios".
    r"bank(?:verbindung|gegevens|(?:ing)?\s+details)|coord(?:onnees\s+bancaires|inate\s+bancarie)|"
    r"datos\s+bancarios|betaalgegevens)(?![a-z])"
)
# The start of an IBAN after its label that may wrap onto the next line ("IBAN GB29 NWBK 6016" / "1331 …"),
# in a wrapped sentence as early as after its check digits ("… · IBAN FR76" / "1213 5000 …"): that short
# a head only right after the word IBAN itself (see ``_IBAN_WORD_BEFORE_RE``).
_IBAN_HEAD_RE = lazy_compile(r"(?<![A-Z0-9])[A-Z]{2} ?\d{2}((?:[ ]?[A-Z0-9]){0,30})")
_IBAN_WORD_BEFORE_RE = lazy_compile(r"(?<![A-Z])IBAN\s*:?\s*$")
_IBAN_JOINERS = str.maketrans("-./", "   ")  # "ES91-2100-…", "GB29.NWBK.…", "DE89/3704/…"
_JOINED_IBAN_RE = lazy_compile(r"(?<![A-Z0-9])[A-Z]{2}\d{2}[.\-](?:[A-Z0-9]{1,4}[.\-]){2,8}[A-Z0-9]{1,4}")
# Single characters in a row, one per box of a giro form: an IBAN when the checksum says so.
_BOXED_CHARS_RE = lazy_compile(r"(?<![A-Z0-9])[A-Z] [A-Z] \d \d(?: [A-Z0-9]){11,30}(?![A-Z0-9])")
# On OCR lines the country code and check digits may themselves be misread ("1E84", "DEO2"): the start
# is any two letters/digits, then two digits or digit-like letters; coercion and the checksum decide.
_OCR_IBAN_RE = lazy_compile(r"(?<![A-Z0-9])[A-Z0-9]{2}[0-9OILSBZ]{2}(?:[ ]?[A-Z0-9]){10,30}")
# 16 characters: a speck or a rule read as one more character at an end (``_trimmed_gstin``).
_OCR_GSTIN_RE = lazy_compile(r"(?<![A-Z0-9])[0-9A-Z]{15,16}(?![A-Z0-9])")
_BIC_RE = lazy_compile(r"(?<![A-Za-z0-9])[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![A-Za-z0-9])")
# A BIC as OCR may read it: digits for letters anywhere ("C0MMDEFF"), 8 or 11 characters.
_OCR_BIC_RE = lazy_compile(r"(?<![A-Z0-9])[A-Z0-9]{8}(?:[A-Z0-9]{3})?(?![A-Z0-9])")
_BIC_LABEL_RE = lazy_compile(r"(?<![a-z])(bic|swift)(?![a-z])")


@dataclass(frozen=True)
class Identifier:
    kind: str  # "vat" | "gstin" | "iban" | "bic"
    value: str
    line: int
    start: int
    x0: float
    label_above: bool = False  # its label stands on a line above, in the same column (less certain)
    checked: bool = True  # False: printed after its label but failing its checksum (``unverified_ids``)


def _vat_candidates(text: str, ocr: bool = False) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for m in _CHE_RE.finditer(text):
        number = compact(m.group(0))
        if valid_vat(number):
            out.append((m.start(), number))
    position = 0
    while (vat := _VAT_RE.search(text, position)) is not None:
        raw = vat.group(0)
        # Try the longest prefix first: the greedy tail may have swallowed a following word.
        pieces = re.split(r"(?<=[\s.\-])", raw)
        for cut in range(len(pieces), 0, -1):
            number = compact("".join(pieces[:cut]))
            if sum(c.isdigit() for c in number) < 7:
                continue
            fixed = number if valid_vat(number) else (repair_vat(number) if ocr else None)
            if fixed:
                out.append((vat.start(), fixed))
                position = vat.start() + len("".join(pieces[:cut]).rstrip())
                break
        else:
            # No VAT id here: the candidate may have swallowed the real one ("www.shop.de UStId DE 123 456
            # 789": the domain's "DE" starts a run over the label), so look again from its next word.
            word = _NEXT_WORD_RE.search(text, vat.start() + 1, vat.end())
            position = word.start() if word is not None else vat.end()
    return out


# Characters OCR confuses in both directions; a VAT id mixes letters and digits, so each is tried both ways.
_VAT_CONFUSABLE = {
    "O": "0",
    "0": "O",
    "I": "1",
    "1": "I",
    "L": "1",
    "S": "5",
    "5": "S",
    "B": "8",
    "8": "B",
    "Z": "2",
    "2": "Z",
}
_MAX_VAT_VARIANTS = 256


def repair_vat(number: str) -> str | None:
    """The one checksum-valid variant of an OCR-read VAT id after swapping confusable characters after the
    country prefix (O↔0, I↔1, S↔5, B↔8, Z↔2); None when none or several variants are valid. The letters
    among its digits are tried alone first: a number with many 0s, 1s, 5s and 8s ("NLO45850453B01") has
    too many variants to try every position, but its few letters are the likely misreads."""
    prefix, body = number[:2], number[2:]
    confusable = [i for i, c in enumerate(body) if c in _VAT_CONFUSABLE]
    letters = [i for i in confusable if body[i].isalpha()]
    for positions in (letters, confusable) if letters != confusable else (confusable,):
        if not positions or 2 ** len(positions) > _MAX_VAT_VARIANTS:
            continue
        valid: set[str] = set()
        for mask in range(1, 2 ** len(positions)):
            chars = list(body)
            for bit, i in enumerate(positions):
                if mask >> bit & 1:
                    chars[i] = _VAT_CONFUSABLE[chars[i]]
            candidate = prefix + "".join(chars)
            if valid_vat(candidate):
                valid.add(candidate)
        if valid:
            return valid.pop() if len(valid) == 1 else None
    return None


def _iban_in(raw: str, *, ocr: bool) -> str | None:
    """The longest checksum-valid IBAN at the start of ``raw``; on OCR lines also after coercing
    misread characters to the country's IBAN format."""
    for end in range(len(raw), 14, -1):
        if end < len(raw) and raw[end] != " " and raw[end - 1] != " ":
            continue  # only cut at group boundaries (or anywhere in an unspaced IBAN)
        number = compact(raw[:end])
        if not 15 <= len(number) <= 34:
            continue
        if valid_iban(number):
            return number
        if ocr:
            fixed = repair_iban(number)
            if fixed:
                return fixed
    return None


def _across_columns_in_format(line: Line, start: int, number: str) -> bool:
    """True when an IBAN read from ``start`` runs on into the next column of its line and takes a word
    there: a VAT id beside the next column's label ("USt-ID: DE274997348 | Rechnungsnr.: …" read as DE27
    4997 348R ECHN UNGS NR) passes mod-97 by chance one time in 97. No IBAN holds five letters in a row
    after its country code (bank codes have four: "NWBK"); within its own column the checksum alone
    decides, as before. (The country's format from schwifty's registry would say more, at the cost of
    loading it on every text-layer page.)"""
    seg_end = line.segment_span(start)[1]
    inside = len(compact(line.text[start:seg_end]))
    return inside < len(number) and _LETTER_RUN.search(number, max(2, inside)) is not None


_LETTER_RUN = lazy_compile(r"[A-Z]{5}")


# Digit-for-letter and letter-for-digit confusions of OCR. Applied only where the format says which of
# the two a position holds, and then only when the identifier's checksum confirms the result.
_AS_DIGIT = str.maketrans("OQDILTSBZG", "0001115826")
_AS_LETTER = str.maketrans("0125864", "OIZSBGA")
# GSTIN: state code, PAN (5 letters, 4 digits, 1 letter), entity number, "Z", check character.
_GSTIN_FORMAT = "nnaaaaannnnacac"


def coerce(text: str, pattern: str) -> str | None:
    """``text`` with each position made a digit (``n``) or a letter (``a``) where OCR may have swapped
    them; ``c`` positions are kept. None when lengths differ or a position cannot be coerced."""
    if len(text) != len(pattern):
        return None
    out: list[str] = []
    for char, kind in zip(text, pattern, strict=True):
        fixed = char
        if kind == "n":
            fixed = char.translate(_AS_DIGIT)
            if not fixed.isdigit():
                return None
        elif kind == "a":
            fixed = char.translate(_AS_LETTER)
            if not fixed.isalpha():
                return None
        out.append(fixed)
    return "".join(out)


def repair_iban(number: str) -> str | None:
    """An OCR-read IBAN coerced to its country's format (``DEO2...`` → ``DE02...``), if the result passes
    the mod-97 checksum; None otherwise."""
    country = number[:2].translate(_AS_LETTER)
    pattern = iban_pattern(country)
    if pattern is None:
        return None
    fixed = coerce(country + number[2:], pattern)
    return fixed if fixed and fixed != number and valid_iban(fixed) else None


def repair_gstin(number: str) -> str | None:
    """An OCR-read GSTIN coerced to the GSTIN format; the two free alphanumeric positions (entity
    number, check character) are tried both ways. Only a single checksum-valid reading is returned."""
    # Mostly GSTIN-shaped already (a long digit run such as an account number coerces too easily).
    if len(number) != len(_GSTIN_FORMAT):
        return None
    shaped = sum(
        c.isalpha() == (kind == "a") for c, kind in zip(number, _GSTIN_FORMAT, strict=True) if kind in "an"
    )
    fixed = coerce(number, _GSTIN_FORMAT) if shaped >= 10 else None
    if fixed is None:
        return None
    fixed = fixed[:13] + "Z" + fixed[14] if fixed[13] in "Z2" else None
    if fixed is None:
        return None
    readings = {fixed}
    for position in (12, 14):
        char = fixed[position]
        swapped = char.translate(_AS_DIGIT) if char.isalpha() else char.translate(_AS_LETTER)
        readings |= {r[:position] + swapped + r[position + 1 :] for r in readings}
    valid = {r for r in readings if valid_gstin(r)}
    return valid.pop() if len(valid) == 1 else None


def repair_bic(token: str) -> str | None:
    """An OCR-read BIC with the digits of its bank and country code read back as the letters they
    stand for ("C0MMDEFF" → "COMMDEFF", "8NPAFRPP" → "BNPAFRPP"); None unless the result is a valid BIC
    (ISO 9362 shape, an ISO country) that differs from what was read."""
    letters = token[:6].translate(_AS_LETTER)
    fixed = letters + token[6:]
    return fixed if fixed != token and letters.isalpha() and valid_bic(fixed) else None


def _trimmed_gstin(token: str) -> str | None:
    """A GSTIN read with one character too many at an end ("O06AABC…": a bracket, rule or speck beside
    it read as a letter): the one checksum-valid reading of the token without its first or its last
    character; None when neither or both give one."""
    if len(token) != len(_GSTIN_FORMAT) + 1:
        return None
    readings = {fixed for part in (token[1:], token[:-1]) if (fixed := repair_gstin(part) or _valid(part))}
    return readings.pop() if len(readings) == 1 else None


def _valid(gstin: str) -> str | None:
    return gstin if valid_gstin(gstin) else None


def find_identifiers(lines: list[Line]) -> list[Identifier]:
    found: list[Identifier] = []
    labels = [IBAN_LABEL_RE.search(line.folded) for line in lines]  # an account label on each line
    for line in lines:
        text = line.text.upper()
        seen: set[str] = set()

        def add(kind: str, value: str, start: int, line: Line = line, seen: set[str] = seen) -> None:
            if value in seen:
                return
            seen.add(value)
            found.append(Identifier(kind, value, line.index, start, line.char_x(start)))

        for m in (_OCR_IBAN_RE if line.ocr else _IBAN_RE).finditer(text):
            number = _iban_in(m.group(0), ocr=line.ocr) or _wrapped_iban(lines, line, m.start(), m.end())
            if number and not _across_columns_in_format(line, m.start(), number):
                add("iban", number, m.start())
        if not line.ocr and ("." in text or "-" in text):
            # Groups joined by dots or hyphens ("DE89.3704.0044…", "GB29-NWBK-6016-…") in a bank block
            # whose heading or bank name stands a few lines above: the checksum decides. (Elsewhere such a
            # run may be a reference that happens to pass the checksum.)
            for m in _JOINED_IBAN_RE.finditer(text):
                number = _iban_in(m.group(0).translate(_IBAN_JOINERS), ocr=False)
                if number is not None and _in_bank_block(lines, line):
                    add("iban", number, m.start())
        for m in _BOXED_CHARS_RE.finditer(text):
            # A payment slip's form: one character per printed box ("D E 8 9 3 7 0 4 …").
            number = _iban_in(m.group(0), ocr=line.ocr)  # a cut may fall after any box
            if number:
                add("iban", number, m.start())
        label = labels[line.index]
        if label is not None or (line.index > 0 and labels[line.index - 1] is not None):
            joined = text.translate(_IBAN_JOINERS)  # same offsets: one character for one
            for m in _LABELLED_IBAN_RE.finditer(joined, label.end() if label is not None else 0):
                if label is None and not _iban_label_above(lines, line, m.start(), m.end()):
                    continue
                number = _iban_in(m.group(0), ocr=line.ocr)
                if number:
                    add("iban", number, m.start())
            if label is not None and not seen:
                for m in _IBAN_HEAD_RE.finditer(joined, label.end()):
                    if len(m.group(1).replace(" ", "")) < 2 and not _IBAN_WORD_BEFORE_RE.search(
                        joined, 0, m.start()
                    ):
                        continue
                    if (number := _wrapped_iban(lines, line, m.start(), m.end())) is not None:
                        add("iban", number, m.start())
        ibans = seen.copy()
        for start, number in _vat_candidates(text, line.ocr):
            if not any(number in iban for iban in ibans):
                add("vat", number, start)
        if not line.ocr and (wrapped := _wrapped_vat(lines, line, text)) is not None:
            add("vat", wrapped[1], wrapped[0])
        national = labelled_national_vat_ids(text)  # "P.IVA 0213…", "ABN 51 824 753 556"
        if not national and line.ocr and not text.isascii():
            # OCR confuses diacritics ("maksätäja" for Latvian "maksātāja"): the labels read accent-free too.
            plain = line.folded.upper()
            if len(plain) == len(text) and plain != text:
                national = labelled_national_vat_ids(plain)
        for start, number in national:
            add("vat", number, start)
        for m in _GSTIN_RE.finditer(text):
            if valid_gstin(m.group(0)):
                add("gstin", m.group(0), m.start())
        for m in _LABELLED_GSTIN_RE.finditer(text) if "GSTIN" in text else ():
            spaced = compact(m.group(1))
            if valid_gstin(spaced):
                add("gstin", spaced, m.start(1))
        if line.ocr:
            for m in _OCR_GSTIN_RE.finditer(text):
                gstin = repair_gstin(m.group(0)) or _trimmed_gstin(m.group(0))
                if gstin:
                    add("gstin", gstin, m.start())
        labelled = _BIC_LABEL_RE.search(line.folded)
        for m in _BIC_RE.finditer(line.text):
            if labelled and labelled.start() < m.start() and valid_bic(m.group(0)):
                add("bic", m.group(0), m.start())
            elif _bic_label_above(lines, line, m.start(), m.end()) and valid_bic(m.group(0)):
                found.append(
                    Identifier("bic", m.group(0), line.index, m.start(), line.char_x(m.start()), True)
                )
        if line.ocr and labelled and not any(i.kind == "bic" and i.line == line.index for i in found):
            for m in _OCR_BIC_RE.finditer(line.text.upper(), labelled.end()):
                if (bic := repair_bic(m.group(0))) is not None:
                    add("bic", bic, m.start())
                    break
    return found


# "bank" also ends a bank's name ("Commerzbank", "Raiffeisenbank").
_BANK_WORD_RE = lazy_compile(r"bank|(?<![a-z])(?:banque|banco|banca|bic|swift|sparkasse)(?![a-z])")


def _in_bank_block(lines: list[Line], line: Line) -> bool:
    """True when ``line`` or one of the three lines right above it names a bank ("Bankverbindung",
    "NatWest Bank", "BIC …", "Banco Sabadell")."""
    for other in reversed(lines[max(0, line.index - 3) : line.index + 1]):
        if line.top - other.bottom > 4 * line.height:
            return False
        if _BANK_WORD_RE.search(other.folded):
            return True
    return False


def _iban_label_above(
    lines: list[Line], line: Line, start: int | None = None, end: int | None = None
) -> bool:
    """True when an IBAN or account label heads the column of ``line[start:end]`` on the line right
    above (a bank table: "Bank | IBAN | BIC" over "Nordea | FI 21 1234 … | NDEAFIHH"); any column when
    no offsets are given."""
    if line.index == 0:
        return False
    above = lines[line.index - 1]
    if line.top - above.bottom > 2 * line.height:
        return False
    for label in IBAN_LABEL_RE.finditer(above.folded):
        if start is None or end is None:
            return True
        label_x0, label_x1 = above.char_x(label.start()), above.char_x(label.end() - 1)
        if line.char_x(start) - 20 <= label_x1 and label_x0 <= line.char_x(end - 1) + 20:
            return True
    return False


def _rest_below(lines: list[Line], line: Line, edges: tuple[float, ...]) -> str | None:
    """The text that continues an id wrapped at the end of a segment of ``line``: on the nearest of the
    three lines right below, from a word starting under one of ``edges`` (the segment's start for a
    wrapped sentence or column, the id's start for a value column right of its label) to the end of that
    word's segment. Another column's line may come between in reading order, and the rest may be glued
    into a neighbouring column's segment ("USt-IdNr. DE 3077 …  4769 34")."""
    for other in lines[line.index + 1 : line.index + 4]:
        if other.ocr != line.ocr or other.top <= line.top or other.top - line.bottom > 1.2 * line.height:
            continue
        for word, start in enumerate(other.starts):
            if any(abs(other.words[word].x0 - x0) <= line.height for x0 in edges):
                return other.text[start : other.segment_span(start)[1]].upper()
    return None


def _wrapped_iban(lines: list[Line], line: Line, start: int, end: int) -> str | None:
    """An IBAN wrapped in a narrow column ("IT59 L051 0400 0002 8729 3904" over "715"): the candidate ends
    its segment and the rest starts a line below under the segment or the IBAN (``_rest_below``); joined
    only when the joined form passes the checksum (the caller tries the head alone first)."""
    seg_start, seg_end = line.segment_span(start)
    end = min(end, seg_end)  # the pattern may run on into the next column
    if line.text[end:seg_end].strip():
        return None
    rest = _rest_below(lines, line, (line.char_x(seg_start), line.char_x(start)))
    tail = re.match(r"[A-Z0-9]{1,4}(?: [A-Z0-9]{1,4})*", (rest or "").translate(_IBAN_JOINERS))
    if tail is None:
        return None
    head = line.text[start:end].upper().translate(_IBAN_JOINERS)
    return _iban_in(f"{head} {tail.group(0)}", ocr=line.ocr)


# The head of a VAT id that ends its segment with part of its number ("FR 92 292", "DE123"): the rest of
# the number was wrapped onto the next line.
_VAT_HEAD_RE = lazy_compile(
    r"(?<![A-Z0-9])(" + "|".join(sorted(_VAT_PREFIXES)) + r")(?:[\s.\-]?(\d[0-9A-Z.\- ]*))?$"
)
# A VAT id's label: a prefix alone at the end of a segment ("N° TVA intracommunautaire FR" over "44 392
# 366 886") starts an id only after one.
_VAT_ID_LABEL_RE = lazy_compile(
    r"(?<![a-z])(?:vat|tva|iva|btw|mwst|ust|uid|moms|mva|alv|dph|pvm|pvn|nif|cif|umsatzsteuer|"
    r"ust-?id(?:nr)?|ustid(?:nr)?)(?![a-z])"
)
_VAT_TAIL_RE = lazy_compile(r"[.\-]?[0-9A-Z]{1,6}(?:[ .\-][0-9A-Z]{1,6})*")  # ".061" after "0482.113"


def _wrapped_vat(lines: list[Line], line: Line, text: str) -> tuple[int, str] | None:
    """(start, id) of a VAT id broken by a line or cell wrap ("N° TVA: FR 92 292" over "070 745"): a
    prefix and digits end a segment of ``line`` and a line below continues it (``_rest_below``). Joined
    only when the joined form passes its checksum and the head is no complete id by itself (nor the rest,
    read with a prefix of its own)."""
    if line.ocr:
        return None
    for seg_start, seg_end in line.segments():
        head = _VAT_HEAD_RE.search(text[:seg_end].rstrip(), seg_start)
        if head is None or valid_vat(compact(head.group(0))) or _vat_candidates(head.group(0)):
            continue
        if head.group(2) is None and not _VAT_ID_LABEL_RE.search(line.folded, seg_start, head.start()):
            continue
        rest = _rest_below(lines, line, (line.char_x(seg_start), line.char_x(head.start())))
        tail = _VAT_TAIL_RE.match(rest or "")
        if rest is None or tail is None or _vat_candidates(rest):
            continue
        pieces = re.split(r"(?<=[ .\-])", tail.group(0))
        for cut in range(len(pieces), 0, -1):  # the longest rest first, a group at a time
            number = compact(head.group(0) + "".join(pieces[:cut]))
            if valid_vat(number):
                return head.start(), number
    return None


def _bic_label_above(lines: list[Line], line: Line, start: int, end: int) -> bool:
    """A "BIC" / "SWIFT" label on one of the two lines above whose segment overlaps the candidate's x."""
    x0, x1 = line.span_x(start, end)
    for above in reversed(lines[max(0, line.index - 2) : line.index]):
        if line.top - above.bottom > 2.5 * line.height:
            break
        for m in _BIC_LABEL_RE.finditer(above.folded):
            seg_start, seg_end = above.segment_span(m.start())
            sx0, sx1 = above.span_x(seg_start, seg_end)
            if sx0 - line.height <= x1 and x0 <= sx1 + 4 * line.height and seg_end - m.end() < 4:
                return True  # the label ends its segment: its value is elsewhere (here, below)
    return False
