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


def table_resumes(
    lines: Sequence[Line],
    start: int,
    is_totals: Callable[[Line], bool],
    is_item_row: Callable[[Line], bool],
) -> bool:
    """Within a few lines after ``start`` (before any other totals line), a row with the figures of an
    item (quantity, price and amount in their columns): the table goes on below the subtotal."""
    for line in lines[start + 1 : start + 1 + _LOOK_AHEAD]:
        if is_totals(line):
            return False
        if is_item_row(line):
            return True
    return False


def heading_between(above: Line, line: Line, below: Line) -> bool:
    """``line`` (text alone) stands at the row pitch from the line above and from the row below, and that
    pitch is wider than text's line pitch: a row of its own, not a wrapped description line (those
    follow tighter) nor the first line of a row whose figures stand lower (it would be closer to them).
    Distances are taken between the lines' first words: a skewed scan moves the figures far right of
    them up or down."""
    up, down = _left_top(line) - _left_top(above), _left_top(below) - _left_top(line)
    return min(up, down) >= 1.5 * line.height and abs(up - down) <= 0.25 * line.height


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
