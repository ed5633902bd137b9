"""Dates in words (EN/DE/FR/ES/NL/IT, PT, Nordic, PL, CS/SK, HU, RO, TR, FI) and numeric forms, without
misreading day and month.

Hand-written fast paths (dateparser costs ~0.5 s to import and ~ms per call; invoices use a handful of
forms). ISO dates (year first) are never reinterpreted. A numeric date whose day and month are both
<= 12 is read in the page's order: an unambiguous numeric date on the page decides, else the caller's
cue (US dollar / US English → month first), else day first (the rest of the world).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache

from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile


class DateOrder(Enum):
    DMY = "DMY"
    MDY = "MDY"


_MONTHS: dict[str, int] = {}
for _month, _names in enumerate(
    [
        # EN DE FR ES NL IT, then PT, SV, DA/NO, PL (genitive, as dates print it); on the second line CS and
        # SK (genitive), HU, RO, TR, FI (partitive), folded as the page's text is (Turkish "ı" has no
        # accent-free form: both spellings); on the third HR (genitive), SR (nominative and genitive), SL,
        # ET, LV (nominative and locative), LT (genitive), EL (genitive, and nominative with either sigma:
        # folding lower-cases a capital Σ to σ) and BG. Croatian "listopada" (October) is Polish November:
        # see ``_month_of``.
        "january jan januar janner janv janvier enero ene januari gennaio gen janeiro stycznia "
        "ledna januara januar ianuarie ocak tammikuuta tammikuu "
        "sijecnja sijecanj januara januar jaanuar janvaris janvari sausio sausis "
        "ιανουαριου ιανουαριος ιανουαριοσ януари",
        "february feb februar fevrier fevr fev febrero februari febbraio fevereiro lutego "
        "unora februara februar februarie subat helmikuuta helmikuu "
        "veljace veljaca februara veebruar februaris februari vasario vasaris "
        "φεβρουαριου φεβρουαριος φεβρουαριοσ февруари",
        "march mar marz maerz mrz mars marzo maart mrt marco marts marca "
        "brezna marcius martie mart maaliskuuta maaliskuu "
        "ozujka ozujak marta mart marec marts marta kovo kovas μαρτιου μαρτιος μαρτιοσ март",
        "april apr avril avr abril abr aprile kwietnia "
        "dubna aprila aprilis aprilie nisan huhtikuuta huhtikuu "
        "travnja travanj aprila aprill aprilis aprili balandzio balandis απριλιου απριλιος απριλιοσ април",
        "may mai mayo mei maggio mag maio maj maja kvetna majus mayis mayıs toukokuuta toukokuu "
        "svibnja svibanj maja maijs maija geguzes geguze μαιου μαιος μαιοσ маи",
        "june jun juni juin junio giugno giu junho czerwca "
        "cervna juna junius iunie haziran kesakuuta kesakuu "
        "lipnja lipanj juna junij junija juuni junijs birzelio birzelis ιουνιου ιουνιος ιουνιοσ юни",
        "july jul juli juillet juil julio luglio lug julho lipca "
        "cervence jula julius iulie temmuz heinakuuta heinakuu "
        "srpnja srpanj jula julij julija juuli julijs liepos liepa ιουλιου ιουλιος ιουλιοσ юли",
        "august aug aout agosto ago augustus augusti sierpnia "
        "srpna augusta augusztus agustos elokuuta elokuu "
        "kolovoza kolovoz avgusta avgust augusts augusta rugpjucio rugpjutis "
        "αυγουστου αυγουστος αυγουστοσ август",
        "september sep sept septembre septiembre setiembre settembre set setembro wrzesnia "
        "zari septembra szeptember septembrie eylul syyskuuta syyskuu "
        "rujna rujan septembar septembris septembri rugsejo rugsejis "
        "σεπτεμβριου σεπτεμβριος σεπτεμβριοσ септември",
        "october oct oktober okt octobre octubre ottobre ott outubro pazdziernika "
        "rijna oktobra oktober octombrie ekim lokakuuta lokakuu "
        "oktobar oktoober oktobris oktobri spalio spalis οκτωβριου οκτωβριος οκτωβριοσ октомври",
        "november nov novembre noviembre novembro listopada "
        "listopadu novembra noiembrie kasim kasım marraskuuta marraskuu "
        "studenoga studenog studeni novembar novembris novembri lapkricio lapkritis "
        "νοεμβριου νοεμβριος νοεμβριοσ ноември",
        "december dec dezember dez decembre diciembre dic dicembre dezembro desember grudnia "
        "prosince decembra decembrie aralik aralık joulukuuta joulukuu "
        "prosinca prosinac decembar detsember decembris decembri gruodzio gruodis "
        "δεκεμβριου δεκεμβριος δεκεμβριοσ декември",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _month
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Days of the week as printed before a date ("Thursday, 14 March 2024", "jeudi 14 mars", "Donnerstag,
# 14. März"): EN DE FR ES IT NL PT, the Nordic languages and PL, folded.
WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|"
    r"samstag|sonnabend|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|"
    r"jueves|viernes|sabado|domingo|lunedi|martedi|mercoledi|giovedi|venerdi|domenica|maandag|dinsdag|"
    r"woensdag|donderdag|vrijdag|zaterdag|zondag|segunda|terca|quarta|quinta|sexta|mandag|tisdag|tirsdag|"
    r"onsdag|torsdag|fredag|lordag|sondag|poniedzialek|wtorek|sroda|czwartek|piatek|sobota|niedziela)"
    r"(?:-feira)?(?![a-z])"
)
_WORD_END = r"(?![a-z])"

_ISO_RE = lazy_compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")
_NUMERIC_RE = lazy_compile(r"(?<![\d.,])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[.,]\d)")
# "03. 03. 2025": Czech, Slovak and Slovenian print a space after each dot (a four-digit year only).
_SPACED_DOTS_RE = lazy_compile(r"(?<![\d.,])(\d{1,2})\.\s(\d{1,2})\.\s(\d{4})(?!\d)")
# Printed dates carry stray spaces around their punctuation ("3 . März 2024", "August 3 , 2014", "Jan . 5,
# 2024"), ordinal suffixes ("1st", "2nd", "1er", "3º", folded "3o"), hyphens ("Aug-03-2014") and a year
# cut to two digits after an apostrophe ("31st Dec '17").
_DAY_MONTH_RE = lazy_compile(
    rf"(?<!\d)(\d{{1,2}})(?:\s?\.|er|st|nd|rd|th|º|°|o(?=\s))?[\s\-/]*(?:de\s+|of\s+)?({_MONTH_ALT}){_WORD_END}"
    rf"(?:\s?\.)?(?:\s?,)?[\s\-/]*(?:de\s+|del\s+)?(?:['\u2019](?=\d{{2}}(?!\d)))?(\d{{4}}|\d{{2}})(?!\d)"
)
_MONTH_DAY_RE = lazy_compile(
    rf"(?<![a-z])({_MONTH_ALT}){_WORD_END}(?:\s?\.)?(?:\s*|[-/])(\d{{1,2}})(?:st|nd|rd|th)?\s?(?:,\s*|\s|[-/])\s*(\d{{4}})"
    rf"(?!\d)"
)
# Hungarian and Lithuanian dates put the year first: "2025. március 1.", "2025. márc. 1.", "2025 m. kovo
# 15 d." (Lithuanian "m." = metų, of the year).
_YEAR_MONTH_DAY_RE = lazy_compile(
    rf"(?<!\d)(\d{{4}})\.?\s*(?:m\.\s*)?({_MONTH_ALT}){_WORD_END}\.?\s*(\d{{1,2}})\.?(?!\d)"
)
# Latvian: year, "gada" (of the year), day, month: "2025. gada 15. marts", "2025. g. 15. martā".
_YEAR_DAY_MONTH_RE = lazy_compile(
    rf"(?<!\d)(\d{{4}})\.?\s*(?:gada|g\.)\s*(\d{{1,2}})\.?\s*({_MONTH_ALT}){_WORD_END}"
)
# Numeric dates with spaces around their separators ("03 / 04 / 2024", "3 .4 .2024", "03/ 04/ 2024"): a
# four-digit year only, and at least one space (the unspaced forms are read above).
_SPACED_NUMERIC_RE = lazy_compile(r"(?<![\d.,])(\d{1,2})\s?([./-])\s?(\d{1,2})\s?\2\s?(\d{4})(?!\d|[.,]\d)")


@dataclass(frozen=True)
class DateMatch:
    value: date
    start: int
    end: int
    x0: float
    x1: float
    ambiguous: bool  # numeric with day and month both <= 12
    # A print or generation stamp ("11/22/26, 7:35 PM" in a browser's print header): see ``_stamped``.
    stamp: bool = False
    timed: bool = False  # a clock time follows ("2026-02-09 09:31:48"): a stamp or a receipt's sale


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _safe_date(year: int, month: int, day: int) -> date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# A clock time right after a date: "11/22/26, 7:35 PM", "22.11.26 19:35", "2024-03-12T10:31:05" (a colon
# only: "12.03.2024 10.31" may be a date beside an amount).
_CLOCK_AFTER_RE = lazy_compile(
    r"(?:,?\s*|T)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?(?![\d.,]?\d)", re.I
)
# What may stand before a stamp in its segment: nothing, or a bullet / bracket.
_STAMP_LEAD_RE = lazy_compile(r"[\s(\[\u2022\-]*")


def _stamped(line: Line, start: int) -> bool:
    """A date followed by a clock time (checked by the caller) that opens its segment (no label before
    it): the time a browser, a print driver or a generator stamped on the page ("11/22/26, 7:35 PM" over
    a browser-printed page), in the printing machine's locale rather than the document's. Under a label
    ("Date: 12/03/2024 10:31") the date keeps its weight."""
    seg_start = line.segment_span(start)[0]
    return _STAMP_LEAD_RE.fullmatch(line.text, seg_start, start) is not None


def numeric_order_evidence(lines: list[Line]) -> DateOrder | None:
    """Order proven by an unambiguous numeric date on the page (13/02/2024 → DMY, 02/13/2024 → MDY). A
    print stamp does not vote: it speaks for the printing machine's locale, not the document's."""
    dmy = mdy = 0
    for line in lines:
        for match in _NUMERIC_RE.finditer(line.text):
            if _CLOCK_AFTER_RE.match(line.text, match.end()) and _stamped(line, match.start()):
                continue
            first, second = int(match.group(1)), int(match.group(3))
            if first > 12 >= second >= 1:
                dmy += 1
            elif second > 12 >= first >= 1:
                mdy += 1
    if dmy > mdy:
        return DateOrder.DMY
    if mdy > dmy:
        return DateOrder.MDY
    return None


_LETTER_RUN = lazy_compile(r"[^\W\d_]+")


@lru_cache(maxsize=8192)
def _has_month_word(folded: str) -> bool:
    """A month name as a word of the line: the month-name patterns (long alternations of every language's
    names) run only then. Most lines have none, and a word look-up is far cheaper than the patterns."""
    return any(word in _MONTHS for word in _LETTER_RUN.findall(folded))


def _month_of(m: re.Match[str]) -> int:
    """The month of a day-month-year match. "listopada" is November in Polish ("15 listopada 2025") and
    October in Croatian, which writes the day as an ordinal with a dot ("15. listopada 2025.")."""
    name = m.group(2)
    if name == "listopada" and "." in m.group(0)[: m.start(2) - m.start()]:
        return 10
    return _MONTHS[name]


def find_dates(line: Line, order: DateOrder, start: int = 0, end: int | None = None) -> list[DateMatch]:
    stop = len(line.text) if end is None else end
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def add(m_start: int, m_end: int, value: date | None, ambiguous: bool = False) -> None:
        if value is None or any(m_start < e and s < m_end for s, e in taken):
            return
        taken.append((m_start, m_end))
        x0, x1 = line.span_x(m_start, m_end)
        timed = _CLOCK_AFTER_RE.match(line.text, m_end) is not None
        stamp = timed and _stamped(line, m_start)
        found.append(DateMatch(value, m_start, m_end, x0, x1, ambiguous, stamp, timed))

    for m in _ISO_RE.finditer(line.text, start, stop):
        add(m.start(), m.end(), _safe_date(int(m.group(1)), int(m.group(3)), int(m.group(4))))
    for m in _NUMERIC_RE.finditer(line.text, start, stop):
        first, second, year = int(m.group(1)), int(m.group(3)), _year(m.group(4))
        if first > 12:
            value = _safe_date(year, second, first)
        elif second > 12 or (order is DateOrder.MDY and m.group(2) != "."):
            value = _safe_date(year, first, second)
        else:
            value = _safe_date(year, second, first)
        add(m.start(), m.end(), value, ambiguous=first <= 12 and second <= 12 and first != second)
    for m in _SPACED_DOTS_RE.finditer(line.text, start, stop):
        add(m.start(), m.end(), _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    text = line.text
    spaced = " /" in text or "/ " in text or " ." in text or " -" in text  # cheap: most lines have none
    for m in _SPACED_NUMERIC_RE.finditer(text, start, stop) if spaced else ():
        if " " in m.group(0):
            first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
            month_first = second > 12 or (first <= 12 and order is DateOrder.MDY and m.group(2) != ".")
            value = _safe_date(year, first, second) if month_first else _safe_date(year, second, first)
            add(m.start(), m.end(), value, ambiguous=first <= 12 and second <= 12 and first != second)
    if not _has_month_word(line.folded):
        found.sort(key=lambda d: d.start)
        return found
    for m in _DAY_MONTH_RE.finditer(line.folded, start, stop):
        add(m.start(), m.end(), _safe_date(_year(m.group(3)), _month_of(m), int(m.group(1))))
    for m in _MONTH_DAY_RE.finditer(line.folded, start, stop):
        add(m.start(), m.end(), _safe_date(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2))))
    for m in _YEAR_MONTH_DAY_RE.finditer(line.folded, start, stop):
        add(m.start(), m.end(), _safe_date(int(m.group(1)), _MONTHS[m.group(2)], int(m.group(3))))
    if "gad" in line.folded or "g." in line.folded:  # cheap: only Latvian dates have it
        for m in _YEAR_DAY_MONTH_RE.finditer(line.folded, start, stop):
            add(m.start(), m.end(), _safe_date(int(m.group(1)), _MONTHS[m.group(3)], int(m.group(2))))
    found.sort(key=lambda d: d.start)
    return found
