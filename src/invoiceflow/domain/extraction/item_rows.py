"""Rows inside an items table that are not items and must not end it either.

A table may print a running subtotal after a group of rows ("Subtotal hardware 1,250.00") and go on with
more items, or group its rows under section headings ("Services", "Material") that hold text alone. Both
read like something else: the subtotal like the totals block under the table (which ends it), the
heading like a wrapped description line of the row above. Arithmetic tells the subtotal (its amount is
the sum of the rows above it, since the table's start or the previous subtotal); the row pitch tells the
heading (it stands as far from the row above as rows stand from each other, while wrapped lines follow
tighter, and the row below it has a description of its own).

Lines printed with an item that are no part of its name either: references (delivery note, order,
serial number, billing period, EAN) in the item's own type, told by a keyword and a number or by codes
and dates alone (``is_reference_line``).

Convention for descriptions: an item's description is its name text (one line or several wrapped ones).
Secondary lines printed under the name that carry figures or metadata in running text are not part of
it: a money figure or a percentage ("davon Lohnanteil 120,00 €", "Rabatt 10 % auf Listenpreis 99,00"),
a quantity with its unit ("12 Stück à 0,75 l", "Packung mit 100 Stk."), measurements ("3,20 m x 2,10 m"),
a service period ("März 2024, 12 Stunden"), labelled codes ("Art. 4711-22 EAN 4006381333931 Lot L2304"),
a line-level tax note ("IVA 22 % - Natura N2") or a restated unit price ("5 x 19,90 EUR")
(``is_figure_line``). One figure alone does not make such a line: names carry figures ("DN 25", "Tax
return 2023", "Monitor 27 inch 4K", "M8 100 pcs"); two independent signs of figures in running text do.
A row of its own whose one figure stands in the amount column but whose text opens with a share word
("davon Lohnanteil 412,56") is such a line too, not an item (``is_share_line``).

Sentences are never rows: terms and conditions under a table mention fees and periods ("a fee of 15.00
EUR", "within 4 weeks") inside running text, where a row's figures end their cells (``is_prose``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from decimal import Decimal

from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import Amount

_CENT_SLACK = Decimal("0.011")
# Lines looked at below a subtotal for the row that shows the table goes on.
_LOOK_AHEAD = 4


def is_prose(line: Line, amounts: Sequence[Amount]) -> bool:
    """A sentence, not a row: the line's last figure stands inside a long run of words (terms and
    conditions, a note: "… a fee of 15.00 EUR is charged for each …", "within 4 weeks of the invoice
    date"). A row's figures end their cells; a long description may hold a figure ("12 heavy duty
    brackets"), but then the row's amount follows in a cell of its own."""
    if not amounts or len(line.words) < _PROSE_WORDS:
        return False
    last = amounts[-1]
    start, end = line.segment_span(last.start)
    cell = line.text[start:end]
    if len(cell.split()) < _PROSE_WORDS:
        return False
    after = [w for w in line.text[last.end : end].split() if sum(c.isalpha() for c in w) >= 2]
    return len([w for w in after if not _CURRENCY_WORD_RE.fullmatch(w.lower().rstrip(".,;:"))]) >= 2


_PROSE_WORDS = 8  # words in the figure's cell: a sentence (a description cell rarely holds so many)
_CURRENCY_WORD_RE = lazy_compile(r"eur|euro|euros|usd|gbp|chf|inr|rs|dollars?|rupees?|francs?|pounds?")


def running_subtotal(
    line_amounts: Sequence[Amount],
    item_amounts: Sequence[Decimal],
    group_start: int,
) -> bool:
    """The line's rightmost money figure is the sum of the items above it: all of them, or those since
    the previous subtotal (``group_start``)."""
    money = [a for a in line_amounts if a.decimals == 2 and not a.is_percent]
    if not money or not item_amounts:
        return False
    value = money[-1].value
    sums = {sum(item_amounts, Decimal(0)), sum(item_amounts[group_start:], Decimal(0))}
    slack = _CENT_SLACK * max(1, len(item_amounts))
    return any(item_amounts[group_start:] and abs(value - s) <= slack for s in sums)


# A scan's line boxes hug the ink (cap or x-height, ~0.65 of the type size) where a text layer's span the
# font's ascent and descent: gaps measured in a scanned line's height are this much tighter.
OCR_EM = 1.5


def em(line: Line) -> float:
    """The line's height as a text layer would give it: gaps between rows are measured in it."""
    return line.height * OCR_EM if line.ocr else line.height


def table_resumes(
    lines: Sequence[Line],
    start: int,
    is_totals: Callable[[Line], bool],
    is_item_row: Callable[[Line], bool],
) -> bool:
    """Within a few lines after ``start`` (before any other totals line), a row with the figures of an
    item (quantity, price and amount in their columns): the table goes on below the subtotal."""
    return next_item_row(lines, start, is_totals, is_item_row) is not None


def next_item_row(
    lines: Sequence[Line],
    start: int,
    is_totals: Callable[[Line], bool],
    is_item_row: Callable[[Line], bool],
) -> Line | None:
    """The item row within a few lines after ``start``, before any totals line (``table_resumes``)."""
    for line in lines[start + 1 : start + 1 + _LOOK_AHEAD]:
        if is_totals(line):
            return None
        if is_item_row(line):
            return line
    return None


def heading_between(above: Line, line: Line, below: Line) -> bool:
    """``line`` (text alone) stands at the row pitch from the line above and from the row below, and that
    pitch is wider than text's line pitch: a row of its own, not a wrapped description line (those
    follow tighter) nor the first line of a row whose figures stand lower (it would be closer to them).
    Distances are taken between the lines' first words: a skewed scan moves the figures far right of
    them up or down."""
    up, down = _left_top(line) - _left_top(above), _left_top(below) - _left_top(line)
    return min(up, down) >= 1.5 * em(line) and abs(up - down) <= 0.25 * em(line)


def _left_top(line: Line) -> float:
    return min(line.words, key=lambda w: w.x0).y0


def line_pitch(lines: Sequence[Line]) -> float | None:
    """The tightest distance between the first words of consecutive lines: the pitch of wrapped text in
    a table (or of its rows, where none wraps)."""
    tops = [_left_top(line) for line in lines]
    steps = [b - a for a, b in itertools.pairwise(tops) if b > a]
    return min(steps) if steps else None


# A reference printed with an item, in the item's own type: delivery note, order, serial number, billing
# period, date, article code or EAN, in the languages the labels cover. Ground truth takes the item's
# name as its description; these lines identify a document or a unit the item relates to, so they are
# metadata, not part of the name. A keyword alone is not enough ("Order handling"): a number of 3+
# digits or a date must follow it.
_REFERENCE_KEYWORD = (
    r"(?:(?:gem(?:a|ae)(?:ss|ß)|gem\.|laut|lt\.|as\s+per|per|according\s+to|selon|suivant|volgens|secondo|segun)\s+)?"
    r"(?:(?:your|our|ihre?m?|unsere?m?|votre|notre|uw|onze|su|vostro|nostro)\s+)?"
    r"(?:lieferschein(?:\s*-?\s*nr\.?)?|ls\s*-?\s*nr\.?|delivery\s+(?:note|date)|dn|d/n|packing\s+slip|"
    r"bl|bon\s+de\s+livraison|pakbon|leverbon|afleverbon|albaran|ddt|bolla|"
    r"order(?:\s*(?:no|nr|number))?\.?|auftrag(?:s\s*-?\s*nr\.?)?|bestellung|bestell\s*-?\s*nr\.?|"
    r"commande|cde|bestelling|bestelnr\.?|pedido|ordine|p\.?\s?o\.?(?:\s*(?:no|nr))?\.?|purchase\s+order|"
    r"lieferung|geliefert\s+am|delivered(?:\s+on)?|livre\s+le|consegna|entrega|levering|"
    r"vertrag(?:s\s*-?\s*nr\.?)?|contract(?:\s+(?:no|nr))?\.?|contrat|contratto|contrato|"
    r"kunden\s*-?\s*nr\.?|customer\s+(?:no|number)\.?|"
    r"f[øo]lgeseddel|foljesedel|pakkseddel|lahete|ordre(?:\s*-?\s*nr\.?)?|bestilling|tilaus(?:numero)?|"
    r"zamowienie|wz|dodaci\s+list|objednavka|encomenda|guia(?:\s+de\s+remessa)?|"
    r"angebot|quot(?:e|ation)|devis|offerte|preventivo|presupuesto|"
    r"ticket|kostenstelle|cost\s+cent(?:er|re)|projekt\s*-?\s*nr\.?|project\s+(?:no|nr)\.?|"
    r"serial(?:\s+(?:no|number))?\.?|s/n|sn|serien\s*-?\s*(?:nr\.?|nummer)|serienr\.?|serienummer|"
    r"n[°o]?\s*de\s+serie|numero\s+de\s+serie|matricola|"
    r"(?:leistungs|abrechnungs|liefer)?zeitraum|(?:billing\s+|service\s+)?period|periode|periodo|"
    r"(?:liefer|leistungs)?datum|date|fecha|data|"
    r"ref(?:erence|erenz|erentie)?\.?|sku|ean|gtin|upc|mpn|asin|"
    r"art(?:ikel|icle|icolo|iculo)?\.?\s*-?\s*(?:nr|no|n°|num|nummer)\.?|artikelnummer|item\s+(?:no|code)\.?)"
)
_REFERENCE_LINE_RE = lazy_compile(
    rf"{_REFERENCE_KEYWORD}\s*[:#.]?\s*(?:n[°o]?\.\s*|n[°o]\s*|nr\.?\s*)?(?:(?:du|vom|from|of|van|del|dal)\s+)?"
    r"[a-z]{0,4}[-/]?\d(?=.*(?:\d{3}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}))"
)
# A line of nothing but a code ("4006381333931", "123-45678"), a date or a period ("03/2024",
# "01.03.2024 - 31.03.2024"): no word of the item's name ("DN 25" and "24 V" have too few digits).
_CODE_TOKEN_RE = lazy_compile(r"[a-z]{0,3}[\d][\d\-/.]*[a-z]{0,2}")
_GLUE = {"-", "\u2013", "\u2014", "/", "to", "bis", "au", "al", "tot", "t/m", "du", "vom", "from"}


def is_reference_line(folded: str) -> bool:
    """``folded`` (accent-free lower case) is a reference line printed with an item, not its name."""
    text = folded.strip()
    if _REFERENCE_LINE_RE.match(text):
        return True
    tokens = text.split()
    codes = [t for t in tokens if t not in _GLUE]
    return bool(codes) and all(
        _CODE_TOKEN_RE.fullmatch(t) and sum(c.isdigit() for c in t) >= 4 for t in codes
    )


# Signs of figures in running text (on accent-free lower case). Each kind counts once per occurrence.
_DECIMAL_FIGURE_RE = lazy_compile(r"(?<![\d.,])\d{1,3}(?:[.,' ]\d{3})*[.,]\d{2}(?![\d])")
_PERCENT_RE = lazy_compile(r"\d\s?%")
_CURRENCY_RE = lazy_compile(
    r"(?:[€$£¥]|\b(?:eur|usd|chf|gbp|sek|nok|dkk|pln|czk|huf|inr|jpy|aud|cad)\b)\s?\d"
    r"|\d\s?(?:[€$£¥]|(?:eur|usd|chf|gbp|sek|nok|dkk|pln|czk|huf|inr|jpy|aud|cad)\b)"
)
# "5 x 19,90", "40 x 60 x 80 cm", "à 0,75", "@ 12.50", "at 85.00": a product or a price per unit. A
# compact "3x1,5" is a cable's or a screw's spec, so the x must stand apart.
_TIMES_RE = lazy_compile(r"\d\s+[x×*]\s+\d|\d\s*×\s*\d|(?:^|\s)(?:a|@|je|at|per|pro|por|par)\s+[€$£]?\s?\d")
_UNIT = (
    r"stk|stuck|st|pcs|pc|pieces?|pz|pezzi|uds|unidades|unites|stuks|kg|g|t|l|ml|cl|m|cm|mm|m2|m²|m3|m³|"
    r"h|std|stunden?|hours?|hrs|heures?|uur|ore|horas?|tage?|days?|jours?|dagen|giorni|dias|"
    r"bouteilles|flaschen|bottles|botellas|bottiglie|flessen|kartons?|cartons?|rollen|rolls?|sacks?|sacs"
)
_QUANTITY_UNIT_RE = lazy_compile(rf"(?<![\w.,])\d+(?:[.,]\d+)?\s?(?:{_UNIT})(?![\w²³])\.?")
_MONTH_YEAR_RE = lazy_compile(
    r"\b(?:jan(?:uar[y]?|vier|uari|eiro)?|feb(?:ruar[y]?|brai[o]?|ruari|rero|braio)?|fevrier|marz|mar(?:ch|s|zo|et)?|"
    r"apr(?:il|ile)?|avril|abril|mai|may|mei|maggio|mayo|jun[ie]?|juin|giugno|junio|juli?|july|juillet|"
    r"luglio|julio|aug(?:ust(?:us)?)?|aout|agosto|sep(?:t(?:ember|embre)?)?|settembre|septiembre|"
    r"o[ck]t(?:ober|obre)?|ottobre|octubre|nov(?:ember|embre)?|dez(?:ember)?|dec(?:ember|embre)?|"
    r"dicembre|diciembre)\.?\s+(?:19|20)\d{2}\b"
)
# A code of four digits or more that is no year ("4711-22", "4006381333931", "L2304").
_CODE_RE = lazy_compile(r"(?<![\w.,])[a-z]{0,3}-?(?!(?:19|20)\d{2}(?![\d]))\d{4,}[\d\-/]*")
# Words that open a secondary line: a share, an extra or a deduction, a list price, a pack, a weight or
# size, a lot, a line's tax. They count only beside a figure.
_SECONDARY_LEAD_RE = lazy_compile(
    r"(?:^|\s)(?:davon|inkl|incl|including|inclusive|inklusive|zzgl|zuzugl\w*|abzgl|excl|exkl|dont|"
    r"y\s+compris|incluido|incluso|compreso|di\s+cui|waarvan|inclusief|exclusief|plus|"
    r"rabatt|discount|remise|sconto|descuento|korting|nachlass|skonto|"
    r"listenpreis|list\s+price|prix\s+(?:catalogue|unitaire)|listino|prijs|unit\s+price|einzelpreis|"
    r"packung|pack(?:\s+of)?|vpe|inhalt|contents?|contenu|gebinde|emballage|verpackung|confezione|"
    r"gewicht|weight|poids|peso|masse|maße|abmessungen|dimensions?|size|grosse|format|"
    r"art\.?|ean|gtin|lot|charge|batch|mhd|lotto|lote|"
    r"iva|mwst|ust|vat|tva|btw|gst|moms|natura|steuer|tax)\b[.:]?"
)
_SIGNS = (
    _DECIMAL_FIGURE_RE,
    _PERCENT_RE,
    _CURRENCY_RE,
    _TIMES_RE,
    _QUANTITY_UNIT_RE,
    _MONTH_YEAR_RE,
    _CODE_RE,
)


def is_figure_line(folded: str) -> bool:
    """``folded`` (accent-free lower case), printed under an item's name, is a secondary line of figures
    or metadata in running text (a money share, a percentage, a quantity with its unit, measurements, a
    period, labelled codes): two signs of figures, or one beside a word that opens such lines."""
    text = folded.strip()
    if not any(c.isdigit() for c in text):
        return False
    signs = sum(len(pattern.findall(text)) for pattern in _SIGNS)
    if signs and _SECONDARY_LEAD_RE.search(text):
        signs += 1
    return signs >= 2


# A share of the item above, on a row of its own with its amount in the amount column: labour in a
# craftsman's invoice (deductible), a deposit, a levy included in the price.
_SHARE_RE = lazy_compile(
    r"(?:davon|hiervon|darin(?:\s+enthalten)?|thereof|of\s+which|incl(?:uding|\.)?|inkl(?:usive|\.)?|"
    r"dont|y\s+compris|di\s+cui|incluso|waarvan|hiervan|inclusief|de\s+los\s+cuales|del\s+cual|"
    r"incluido|heraf|herav|varav|josta)\b"
)


def is_share_line(folded: str) -> bool:
    """``folded`` (accent-free lower case) opens with a word that makes its figure a share of the item
    above ("davon Lohnanteil", "thereof labour", "dont éco-participation")."""
    return bool(_SHARE_RE.match(folded.strip()))


# The heading of a block under the items, alone on its line: totals ("Totals", "Gesamtbeträge", "Summen",
# "Totales", "Totali"), a summary or recap ("Summary", "Zusammenfassung", "Übersicht", "Récapitulatif",
# "Resumen", "Riepilogo", "Samenvatting", "Sammanfattning", "Yhteenveto", "Podsumowanie"), with the
# tax's name or "of charges" beside it.
_CLOSING_HEADING_RE = lazy_compile(
    r"(?:(?:vat|tax|mwst|ust|tva|iva|btw|moms|mva|alv)\s+)?"
    r"(?:totals?|totales|totalen|totali|totaux|summen|gesamt(?:betraege|betrage|summen?)|endsummen?|"
    r"summary|zusammenfassung|ubersicht|uebersicht|recapitulatif|recap|resume|resumen|riepilogo|"
    r"samenvatting|overzicht|sammanfattning|sammendrag|oppsummering|opsummering|yhteenveto|podsumowanie|"
    r"souhrn|rekapitulace|resumo)"
    r"(?:\s+(?:de\s+la\s+|der\s+|des\s+|of\s+(?:charges|the\s+invoice)\s*|del(?:la)?\s+)?"
    r"(?:vat|tax|mwst|ust|tva|iva|btw|moms|mva|alv|montants|betrage|betraege|importi|importes|charges))?"
    r"\s*:?"
)


def is_closing_heading(folded: str) -> bool:
    """A line that is nothing but the heading of the totals or summary block under a table."""
    return bool(_CLOSING_HEADING_RE.fullmatch(folded.strip()))
