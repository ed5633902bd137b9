"""The header row of an items table: column labels in any supported language, their kinds and x-ranges,
headers that wrap onto a second line, and which column a figure of a row belongs to."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache, partial

from invoiceflow.domain.extraction.column_inference import Column
from invoiceflow.domain.extraction.layout import Line, fold, horizontal_overlap
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import Amount
from invoiceflow.domain.models import Word

_B = r"(?<![a-z])"
_E = r"(?![a-z])"
_TAXES = (
    r"(?:vat|tax|(?:c|s|i|ut)?\s?gst|mwst\.?|ust\.?|tva|iva|btw|igv|cess|"
    r"dph|afa|kdv|moms|mva|alv|pvm|pvn|ddv|pdv|ддс|φπα)"
)
# "Tax amount" and "tax rate" in the languages that put the noun first ("Kwota VAT", "Stawka VAT",
# "Sazba DPH", "ÁFA érték", "KDV Tutarı", "KDV Oranı", "Valoarea TVA", "Cota TVA"; folding keeps "ı").
_TAX_AMOUNT_NOUN = (
    r"(?:kwota|castka|ciastka|valoarea?|valoare|suma|osszeg|ertek|tutar[^\W\d_]?|"
    r"belopp|belob|belop|maara|summa|iznos|znesek)"
)
_TAX_RATE_NOUN = (
    r"(?:stawka|sazba|sadzba|cota|kulcs|oran[^\W\d_]?|taxa|aliquota|tasa|tarief|satz|sats|kanta|procent|"
    r"stopa|stopnja|συντελεστη[σς])"
)
# A compound ending in "-betrag" / "-summe" / "-bedrag" heads a column of amounts ("Zeilenbetrag",
# "Positionssumme", "Regelbedrag"): the part before it says what is summed, a line here.
_COMPOUND_AMOUNT = (
    r"(?:zeilen|positions|pos\.?|posten|artikel|waren|leistungs|regel)\s*-?\s*(?:betrag|summe|bedrag)"
)
# Dict order is match priority: the specific money columns (incl./excl. tax, tax amount, discount) claim
# their words before the generic "amount" / "total" / "price" labels do.
COLUMN_PATTERNS: dict[str, str] = {
    "gross_amount": r"(?:line\s+)?(?:total|amount|betrag|montant|importe|bedrag|importo|summe|gesamt)\s*\(?"
    rf"(?:incl(?:\.|uding|usive)?|inkl\.?|with|con|ttc|incl\.?\s+of)\s*(?:of\s+)?{_TAXES}?\)?|"
    r"brutto\s*-?\s*(?:betrag|preis|summe)?|gross(?:\s+(?:amount|total|value))?|(?:total|montant|prix)\s+ttc|"
    r"wartosc\s+brutto|"
    rf"ttc|incl\.?\s*{_TAXES}|inkl\.?\s*{_TAXES}|con\s+iva|iva\s+inclu(?:sa|ida)|ivato|"
    # "Totale IVA incl.", "Total VAT included", "Betrag MwSt. inkl.": the tax named before "included".
    rf"(?:totale?|amount|importe|importo|montant|betrag|bedrag)\s+{_TAXES}\s*"
    r"(?:incl(?:\.|uded|usive|usa|uso|uida|uido|use)?|inkl\.?|inbegriffen|compris[e]?)",
    "tax_amount": rf"{_TAXES}\s*-?\s*(?:amount|amt\.?|betrag|montant|importe|bedrag|importo|cuota|value)|"
    rf"{_TAX_AMOUNT_NOUN}\s+{_TAXES}|{_TAXES}\s+{_TAX_AMOUNT_NOUN}|"
    r"(?:montant|importe|importo|cuota|bedrag)\s+(?:de\s+(?:la\s+)?)?(?:tva|iva|imposta|btw)|"
    r"steuerbetrag|tax",
    "net_amount": r"(?:net|netto)\s*-?\s*(?:amount|value|total|betrag|bedrag|summe)?"
    r"(?!\s*-?\s*(?:price|preis|prix|egysegar|ar(?![a-z])|cena|hinta|pris|prijs))|"
    # "Wartość netto", "Nettó érték", "Bez DPH", "Fără TVA": the net named after (or without) the tax.
    rf"netto\s+ertek|(?:bez|fara)\s+{_TAXES}|"
    rf"(?:total|montant|prix|amount|importe|bedrag|betrag)\s*\(?(?:excl(?:\.|uding)?|exkl\.?|sans|sin|"
    rf"before|hors|senza|ohne|zzgl\.?|without)\s*(?:of\s+)?{_TAXES}?\)?|(?:total|montant)\s+h\.?\s*t\.?|"
    # Compounds name a line's amount by what it sums ("Zeilenbetrag ohne MwSt.", "Regelbedrag excl.
    # btw"): the net one when qualified so.
    rf"{_COMPOUND_AMOUNT}\s*\(?(?:ohne|exkl\.?|excl\.?|zzgl\.?|netto)\s*{_TAXES}?\)?|"
    r"taxable(?:\s+(?:value|amount))?|base\s+imponible|importe\s+neto|imponibile|nettobetrag|wartosc\s+netto|"
    rf"excl\.?\s*{_TAXES}|exkl\.?\s*{_TAXES}",
    "discount": r"(?:disc(?:ount)?\.?|rabatt|rabat|rab\.?|nachlass|remise|rem\.|descuento|dto\.?|dcto\.?|"
    r"korting|sconto|ribasso|desconto)"
    r"(?:\s*(?:in\s+)?%)?",
    "tax_rate": rf"{_TAXES}\s*(?:%|rate|satz|taux)|steuersatz|taux(?:\s+tva)?|%|steuer|"
    rf"{_TAX_RATE_NOUN}\s+{_TAXES}|{_TAXES}\s+{_TAX_RATE_NOUN}|{_TAXES}",
    "unit_price": r"unit\s*(?:price|cost|rate)|price\s*(?:/|per)\s*unit|(?:einzel|stuck|e\.?)\s*-?\s*preis|"
    r"preis\s*(?:/|pro)\s*(?:einheit|stk\.?)|prix\s+unit(?:aire)?|p\.\s*u\.?|pu\s+ht|prix|"
    r"precio\s+unit(?:ario)?|precio|(?:stuk|eenheids)\s*prijs|prijs|prezzo\s+unit(?:ario)?|prezzo|"
    r"importe\s+unit(?:ario)?|(?:listen|netto|brutto|basis)\s*-?\s*preis|prix\s+(?:net|brut|de\s+base|catalogue)|"
    r"p\.\s*u\.\s*net|precio\s+(?:neto|bruto|lista|base|de\s+lista)|prezzo\s+(?:netto|listino|lordo|di\s+listino)|"
    r"(?:netto|bruto|lijst|basis)\s*-?\s*prijs|(?:list|net|gross|base)\s+(?:unit\s+)?price|rate|price|preis|ep|"
    r"(?:ct|cents?|c|p|eur|€|£)\s*/\s*(?:kwh|mwh|m3|m³|l)|"
    # Nordic, Finnish, Polish, Czech, Portuguese
    r"(?:a|styck|enhets|enheds|styk)\s*-?\s*pris|pris|(?:a|yksikko)\s*-?\s*hinta|hinta|"
    r"cena\s+(?:jedn(?:\.|ostkowa)?|za\s+(?:mj|ks|m\.\s?j)\.?)(?:\s+(?:netto|brutto))?|cena|"
    # Slovak, Hungarian, Turkish, Romanian unit prices.
    r"jedn\.?\s*cena|jednotkova\s+cena|(?:netto\s+|brutto\s+)?egysegar|birim\s+fiyat[^\W\d_]?|pret(?:\s+unitar)?|"
    r"(?:preco|valor)\s+unit(?:ario)?\.?|preco|"
    # Balkan, Baltic, Bulgarian and Greek unit prices ("Cijena", "Cena bez PDV", "Hind", "Ед. цена").
    r"cijena|cena\s+bez\s+pdv|hind|kaina|(?:ед\.?\s*)?цена|τιμη(?:\s+μον(?:αδα[σς]|\.)?)?",
    "amount": r"(?:line\s+|net\s+|total\s+)?amount|(?:taxable\s+)?value|line\s+total|"
    r"total\s+(?:ht|net|price)|"
    r"(?:gesamt|netto)\s*(?:preis|betrag)?|betrag|summe|montant(?:\s+ht)?|importe|subtotal|bedrag|entgelt|sum|"
    rf"{_COMPOUND_AMOUNT}|"
    r"totaal|importo|totale|total|net|belopp|belob|belop|summa|yhteensa|wartosc|celkem|valor(?:\s+total)?|"
    r"spolu|(?:mal\s+hizmet\s+)?tutar[^\W\d_]?|valoarea?|ertek|"
    r"iznos|znesek|vrednost|ukupno|osnovica|suma|стоиност|сума|αξια",
    "quantity": r"qty|quantity|qte|quantite|menge|anzahl|cantidad|cant\.|aantal|quantita|q\.?\s?ta|hours|hrs|"
    r"units|stunden|std\.|heures|horas|uren|ore|days|tage|jours|dias|dagen|giorni|pcs|stk\.?|ctd\.?|uds\.?|"
    r"consumption|usage|verbrauch|consommation|verbruik|consumo|antal|antall|ant\.|maara|ilosc|mnozstvi|"
    r"quantidade|qtde?\.?|pocet(?:\s+m\.\s?j\.?)?|mnozstvo|mennyiseg|miktar|cantitate|"
    r"kol\.|kolicina|kogus|daudz(?:ums|\.)|kiekis|количество|кол\.|ποσοτητα|ποσ\.",
    "unit": r"unit|uom|einheit|unite|unidad|eenheid|unita|me|u\.\s?m\.?|j\.\s?m\.?|m\.\s?j\.?|"
    r"enhed|enhet|yks\.?|yksikko|un\.|me\.\s?e\.?|birim|"
    r"jm|em|jed\.\s*mere|merv\.?|mato\s+vnt\.?|uhik|мярка|м\.\s?ед\.?|μ\.\s?μ\.?",
    "description": r"description(?:\s+of\s+(?:goods|services))?|item(?:s)?(?:\s+description)?|product|"
    r"service|articles?|details|particulars|designation|libelle|bezeichnung|beschreibung|artikel|"
    r"leistung|descripcion|concepto|articulo|omschrijving|descrizione|articolo|prodotto|servizio|"
    r"benamning|beskrivning|beskrivelse|varebeskrivelse|kuvaus|nimike|tuote|nazwa(?:\s+towaru)?|opis|"
    r"popis|nazev|descricao|produto|oznaceni(?:\s+dodavky)?|nazov(?:\s+polozky)?|megnevezes|"
    r"mal\s*/?\s*hizmet|urun|aciklama|denumire(?:a)?(?:\s+produselor)?|"
    r"naziv(?:\s+dobra\s*/\s*usluge)?|kirjeldus|nosaukums|pavadinimas|περιγραφη|"
    r"наименование(?:\s+на\s+стоката\s*/\s*услугата)?",
    "position": r"pos\.?|position|#|no\.?|nr\.?|sku|hsn(?:/sac)?|sac|code|ref(?:\.|erence|erencia|erentie)?|"
    r"artikel\s*-?\s*(?:nr\.?|nummer|code)|art(?:ikel)?nr\.?|codigo|codice|cod\.|ean|item\s*#|"
    r"product\s*(?:code|no\.?)|art\.?\s*-?\s*nr\.?|art\.|"
    r"item\s+(?:no|code)\.?|part\s+(?:no|number)\.?|article\s+no\.?|sl\.?(?:\s*no\.?)?|s\.?\s*no\.?|"
    r"lp\.?|nr\.?\s*crt\.?|s[^\W\d_]ra\s+no|r\.\s?br\.?|zap\.\s*st\.?|№|κωδικο[σς]",
}
# Strict: the label ends a word. Loose: no end assertion, accepted only where ``_ends_word`` sees a
# glued header word ("QtéPrix unitaire": text layers often lose the space between narrow columns).
_COLUMN_RE = [
    (kind, lazy_compile(f"(?:{p})" + r"(?![a-z])"), lazy_compile(f"(?:{p})"))
    for kind, p in COLUMN_PATTERNS.items()
]
NUMERIC_KINDS = ("quantity", "unit_price", "amount", "tax_rate", "discount", "extra")
# Header kinds of money columns one of which is the line's net amount (the others become "extra").
AMOUNT_KINDS = ("net_amount", "amount", "gross_amount", "tax_amount")


def _starts_word(text: str, folded: str, offset: int) -> bool:
    """Word start, also inside glued header words ("QtéPrix": a capital after a lower-case letter)."""
    if offset == 0 or not folded[offset - 1].isalpha():
        return True
    return text[offset - 1].islower() and text[offset].isupper()


def _ends_word(text: str, folded: str, offset: int) -> bool:
    if offset >= len(text) or not folded[offset].isalpha():
        return True
    # Glued labels: "QtéPrix", and an abbreviation's full stop before the next label ("Cant.Preț").
    return (text[offset - 1].islower() or text[offset - 1] == ".") and text[offset].isupper()


def _first_label(
    text: str, folded: str, pattern: re.Pattern[str], taken: list[tuple[int, int, str]]
) -> tuple[int, int] | None:
    pos = 0
    while (m := pattern.search(folded, pos)) is not None:
        pos = m.start() + 1
        if not _starts_word(text, folded, m.start()) or not _ends_word(text, folded, m.end()):
            continue
        if any(m.start() < e and s < m.end() for s, e, _ in taken):
            continue
        return m.start(), m.end()
    return None


@lru_cache(maxsize=4096)
def _cell_labels(text: str, folded: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, kind) of the column labels in one segment's text, earlier kinds first to claim their
    words. A function of the segment alone, so cached by its text: the lines above a table repeat on
    every page. (A segment stands between spaces or the line's ends, and no column pattern looks behind
    its match or anchors: read inside the whole line, it gives the same labels.)"""
    found: list[tuple[int, int, str]] = []
    for kind, strict, loose in _COLUMN_RE:
        for pattern in (strict, loose):
            match = _first_label(text, folded, pattern, found)
            if match is not None:
                found.append((match[0], match[1], kind))
                break
    return tuple(_absorb_parentheticals(folded, sorted(found)))


def header_columns(line: Line) -> list[Column]:
    columns: list[Column] = []
    for seg_start, seg_end in line.segments():
        found = [
            (seg_start + start, seg_start + end, kind)
            for start, end, kind in _cell_labels(line.text[seg_start:seg_end], line.folded[seg_start:seg_end])
        ]
        if line.ocr:
            found = _misread_labels(line.folded[seg_start:seg_end], seg_start, found)
        if not found:
            # A header cell of no known kind ("Period", "Service date", "Lot"): its column is not part
            # of the description, whatever it holds.
            if any(c.isalpha() for c in line.folded[seg_start:seg_end]):
                columns.append(Column("other", *line.span_x(seg_start, seg_end)))
            continue
        cell_start = seg_start
        leading = line.folded[seg_start : found[0][0]].strip(" -/|")
        if sum(c.isalpha() for c in leading) >= 3:
            # "Période de facturation  Cuota IVA" run together: the unlabelled words before the first
            # label are a column of their own.
            columns.append(Column("other", *line.span_x(seg_start, seg_start + len(leading))))
            cell_start = found[0][0]
        if len(found) == 1:
            # One label: the whole segment is the column (labels like "Unit price (EUR)").
            x0, x1 = line.span_x(cell_start, seg_end)
            columns.append(Column(_code_or(found[0][2], line.folded[found[0][0] : found[0][1]]), x0, x1))
        else:
            for i, (start, end, kind) in enumerate(found):
                stop = found[i + 1][0] if i + 1 < len(found) else seg_end
                x0, x1 = line.span_x(start, max(end, stop - 1))
                columns.append(Column(_code_or(kind, line.folded[start:end]), x0, x1))
    columns.sort(key=lambda c: c.x0)
    strong = [c for c in columns if c.kind == "description_strong"]
    for c in columns:
        if c.kind == "description_strong":
            c.kind = "description"
        elif c.kind == "description" and strong:
            c.kind = "position"  # "Item | Description": the item column holds article codes
    prices = [c for c in columns if c.kind == "unit_price"]
    known = [c for c in columns if c.kind != "other"]
    if len(prices) >= 2 and prices[-1] is known[-1] and not any(c.kind in AMOUNT_KINDS for c in columns):
        # "Prix unitaire | Prix HT", "Unit price | Price": two price columns and no amount column, the
        # last one at the right edge is what the row costs, its amount.
        prices[-1].kind = "amount"
    elif (
        len(prices) == 1
        and prices[0] is columns[-1]
        and any(c.kind == "quantity" for c in columns)
        and not any(c.kind in AMOUNT_KINDS for c in columns)
        and _BARE_PRICE_RE.fullmatch(_label_text(line, prices[0]))
    ):
        # "Product | Quantity | Price": a bare "Price" at the right edge and no amount column is what the
        # row costs, its amount ("Unit price" stays a price: the amount column is then unlabelled).
        prices[0].kind = "amount"
    return columns


_BARE_PRICE_RE = lazy_compile(
    r"price|preis|prix|precio|prezzo|prijs|preco|pret|pris|hinta|cena|cijena|kaina|hind|цена|τιμη"
)


def _label_text(line: Line, column: Column) -> str:
    """The folded words of a header label, its punctuation and a currency in brackets left out."""
    words = [w.text for w in line.words if column.x0 - 1 <= (w.x0 + w.x1) / 2 <= column.x1 + 1]
    return _LABEL_DECOR_RE.sub("", fold(" ".join(words))).strip(" :.")


_LABEL_DECOR_RE = lazy_compile(r"\s*[(\[][^)\]]*[)\]]")


# Letters OCR reads as digits or marks in a header label ("Quant1ty", "Descr|ption", "Am0unt"), and
# letter pairs it reads as one letter or the reverse ("Arnount", "Nettovvert").
_LABEL_LOOK_ALIKES = [
    str.maketrans({"0": "o", "1": "l", "|": "l", "!": "l", "5": "s", "€": "e", "$": "s"}),
    str.maketrans({"0": "o", "1": "i", "|": "i", "!": "i", "5": "s", "€": "e", "$": "s"}),
]
_GARBLED_WORD = lazy_compile(r"[a-z]{2,}[015|!€$][a-z]*|[a-z]+[015|!€$][a-z]{2,}")
_LABEL_LETTER_PAIRS = (("rn", "m"), ("vv", "w"), ("ii", "u"), ("cl", "d"))


def _put_back(match: re.Match[str], table: dict[int, str]) -> str:
    return match.group(0).translate(table)


def _misread_labels(folded: str, start: int, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The labels of a scanned header cell where OCR garbled a letter ("Quant1ty", "Unit pr|ce"): the
    cell read again with look-alikes put back, taken when its labels cover more of it than those read.
    A reading of another length (letter pairs) counts only as one label spanning the cell."""
    if not _GARBLED_WORD.search(folded) and not any(wrong in folded for wrong, _ in _LABEL_LETTER_PAIRS):
        return found
    covered = sum(end - begin for begin, end, _ in found)
    # Only words of letters with a look-alike inside or at their end change: figures stay figures.
    candidates = [_GARBLED_WORD.sub(partial(_put_back, table=table), folded) for table in _LABEL_LOOK_ALIKES]
    for wrong, right in _LABEL_LETTER_PAIRS:
        candidates += [c.replace(wrong, right) for c in candidates if wrong in c]
    best = found
    for candidate in dict.fromkeys(c for c in candidates if c != folded):
        labels = _cell_labels(candidate, candidate)
        reach = sum(end - begin for begin, end, _ in labels)
        if reach <= covered or reach < 0.6 * len(candidate.strip()):
            continue
        if len(candidate) == len(folded):
            best, covered = [(start + begin, start + end, kind) for begin, end, kind in labels], reach
        elif len(labels) == 1:
            best, covered = [(start, start + len(folded), labels[0][2])], reach
    return best


def _absorb_parentheticals(folded: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "Unit price (excl. VAT)", "Amount (incl. tax)": a label in brackets after another one qualifies
    that column instead of opening its own; it only makes a generic "amount" the net or gross one."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if out and folded.count("(", out[-1][0], start) > folded.count(")", out[-1][0], start):
            first_start, _, first_kind = out[-1]
            upgraded = kind if first_kind == "amount" and kind in AMOUNT_KINDS else first_kind
            if first_kind == "unit_price" and kind == "gross_amount":
                upgraded = "extra"  # "Unit price (incl. VAT)" beside the net one: not the unit price
            out[-1] = (first_start, end, upgraded)
            continue
        if out and out[-1][2] in ("unit_price", "amount") and _TAX_QUALIFIER_RE.fullmatch(folded[start:end]):
            # "Unit price excl. VAT", "Line amount excl. VAT" (a label wrapped over lines, joined): the
            # qualifier says which price or amount the column holds, it opens no column of its own.
            first_start, _, first_kind = out[-1]
            out[-1] = (
                first_start,
                end,
                kind if first_kind == "amount" and kind in AMOUNT_KINDS else first_kind,
            )
            continue
        out.append((start, end, kind))
    return out


_TAX_QUALIFIER_RE = lazy_compile(
    rf"(?:excl(?:\.|uding)?|exkl\.?|ohne|zzgl\.?|hors|sans|sin|senza|without|bez|fara)\s*(?:of\s+)?{_TAXES}|h\.?\s*t\.?|"
    # "Cena netto", "Preis brutto", "Prix net": net or gross after a price or an amount.
    r"net|netto|brutto|neto|bruto"
)


def stacked_header(first: Line, second: Line) -> Line | None:
    """A header whose labels wrap onto a second line ("Unit" over "price", "Taxable" over "Value", a
    "CGST" spanning "%" and "Amt"): one synthetic line with a cell per column, the upper label before the
    lower one. ``None`` unless the second line sits tight under the first and holds only short labels."""
    # OCR boxes hug the ink (cap or x-height) where text-layer boxes span the font's em: the same tight
    # leading leaves about twice the gap between OCR boxes.
    gap = (0.9 if first.ocr else 0.5) * max(first.height, second.height)
    if second.top - first.bottom > gap or second.height > 1.3 * first.height:
        return None
    lower = list(zip(second.segments(), second.segment_x(), strict=True))
    if any(c.isdigit() for c in second.text) or any(len(second.text[a:b].split()) > 3 for (a, b), _ in lower):
        return None
    upper = list(zip(first.segments(), first.segment_x(), strict=True))
    # Each lower cell joins the upper cell it overlaps most; an upper cell over several lower cells is a
    # group title ("CGST" over "Rate | Amount") and prefixes each of them.
    under: dict[int, list[int]] = {}
    for j, (_, (lx0, lx1)) in enumerate(lower):
        overlaps = [horizontal_overlap(lx0 - 2, lx1 + 2, ux0, ux1) for _, (ux0, ux1) in upper]
        best = max(range(len(upper)), key=lambda i: overlaps[i])
        if overlaps[best] <= 0:
            return None  # text beside the header (a sidebar, a margin note), not under one of its labels
        under.setdefault(best, []).append(j)
    cells: list[tuple[float, float, str]] = []
    for i, ((a, b), (ux0, ux1)) in enumerate(upper):
        top = first.text[a:b]
        parts = under.get(i, [])
        if len(parts) == 1:
            (la, lb), (lx0, lx1) = lower[parts[0]]
            cells.append((min(ux0, lx0), max(ux1, lx1), f"{top} {second.text[la:lb]}"))
        elif parts:
            for j in parts:
                (la, lb), (lx0, lx1) = lower[j]
                cells.append((lx0, lx1, f"{top} {second.text[la:lb]}"))
        else:
            cells.append((ux0, ux1, top))
    cells.sort()
    return _synthetic_line(cells, first, second.bottom)


def level_header(first: Line, second: Line) -> Line | None:
    """An OCR header row that line grouping cut in two: the two lines overlap vertically and their cells
    stand side by side, none over another ("N. Descrizione" a few points below "Q.tà Prezzo Importo",
    the labels of a shaded bar or an accented line boxed a little higher or lower than the rest). One
    synthetic line with the cells of both in x order; ``None`` unless both are OCR lines of labels only."""
    if not (first.ocr and second.ocr) or second.top >= first.bottom or first.top >= second.bottom:
        return None
    if any(c.isdigit() for c in first.text + second.text):
        return None
    upper = [
        (x0, x1, first.text[a:b])
        for (a, b), (x0, x1) in zip(first.segments(), first.segment_x(), strict=True)
    ]
    lower = [
        (x0, x1, second.text[a:b])
        for (a, b), (x0, x1) in zip(second.segments(), second.segment_x(), strict=True)
    ]
    if any(horizontal_overlap(ux0, ux1, lx0, lx1) > 0 for ux0, ux1, _ in upper for lx0, lx1, _ in lower):
        return None
    return _synthetic_line(sorted(upper + lower), first, max(first.bottom, second.bottom))


def centred_header(above: Line, line: Line, below: Line) -> Line | None:
    """A header whose one-line labels stand vertically centred in a taller row, while a two-line label
    of the same row ("Prix" / "unitaire", "Unit" / "cost") straddles them: its upper part is a line above,
    its lower part a line below, both in a gap between the centred labels. One synthetic line with the
    straddling labels joined into cells; ``None`` unless every part above pairs with one below."""
    tight = 0.5 * max(above.height, line.height, below.height)
    if line.top - above.bottom > tight or below.top - line.bottom > tight:
        return None
    if any(c.isdigit() for c in above.text + below.text):
        return None
    middle = list(zip(line.segments(), line.segment_x(), strict=True))
    uppers = list(zip(above.segments(), above.segment_x(), strict=True))
    lowers = list(zip(below.segments(), below.segment_x(), strict=True))
    if len(uppers) != len(lowers):
        return None
    cells = [(x0, x1, line.text[a:b]) for (a, b), (x0, x1) in middle]
    for ((ua, ub), (ux0, ux1)), ((la, lb), (lx0, lx1)) in zip(uppers, lowers, strict=True):
        parts = (above.text[ua:ub], below.text[la:lb])
        if (
            len(parts[0].split()) > 3
            or len(parts[1].split()) > 2
            or horizontal_overlap(ux0, ux1, lx0, lx1) <= 0
        ):
            return None
        x0, x1 = min(ux0, lx0), max(ux1, lx1)
        if any(horizontal_overlap(x0, x1, mx0, mx1) > 0 for _, (mx0, mx1) in middle):
            return None  # a label of the middle line under it: a title or a note, not half a label
        cells.append((x0, x1, f"{parts[0]} {parts[1]}"))
    cells.sort()
    return _synthetic_line(cells, line, below.bottom)


def _synthetic_line(cells: list[tuple[float, float, str]], model: Line, bottom: float) -> Line:
    """A line with one segment per cell, its words spread evenly over the cell's x-range."""
    words: list[Word] = []
    starts: list[int] = []
    segment_of_word: list[int] = []
    offset = 0
    for k, (x0, x1, text) in enumerate(cells):
        tokens = text.split()
        step = (x1 - x0) / max(1, sum(len(t) + 1 for t in tokens) - 1)
        cursor = x0
        for token in tokens:
            words.append(Word(token, cursor, model.top, cursor + step * len(token), model.bottom))
            cursor += step * (len(token) + 1)
            starts.append(offset)
            segment_of_word.append(k)
            offset += len(token) + 1
    text = " ".join(w.text for w in words)
    line = Line(
        words=words,
        text=text,
        folded=fold(text),
        starts=starts,
        segment_of_word=segment_of_word,
        index=model.index,
        height=model.height,
        top=model.top,
        # The lowest label's line: a third line of labels is measured from it (``stacked_header``).
        bottom=bottom,
    )
    line.ocr = model.ocr  # a stacked OCR header keeps OCR's tolerance for the next label line
    return line


# Header words that name the description column for sure; "Item", "Product", "Article" may instead head
# a column of article codes when one of these stands beside them.
_STRONG_DESCRIPTION = lazy_compile(
    r"description|bezeichnung|beschreibung|designation|libelle|descripcion|concepto|omschrijving|"
    r"descrizione|particulars|details|leistung"
)


def _code_or(kind: str, label: str) -> str:
    return "description_strong" if kind == "description" and _STRONG_DESCRIPTION.search(label) else kind


def is_header(columns: list[Column]) -> bool:
    kinds = {c.kind for c in columns}
    return (
        bool(kinds & {"amount", "net_amount", "gross_amount"})
        and len(kinds & {"description", "quantity", "unit_price"}) >= 1
        and len(known_kinds(columns)) >= 2
    )


def known_kinds(columns: list[Column]) -> set[str]:
    return {c.kind for c in columns if c.kind != "other"}


def may_head(columns: list[Column]) -> bool:
    """Labels enough to be the first line of a header that wraps onto a second line."""
    return len(known_kinds(columns)) >= 2 and any(
        c.kind in ("description", "quantity", "unit_price") for c in columns
    )


def placed_by_cell(line: Line, amount: Amount, columns: list[Column]) -> Amount:
    """A figure under no label, followed in its cell by words alone (a currency "6 000.00 kr", a tax's
    name "19 % VAT (S)", a unit "4 Stk"), placed by the whole cell: a right-aligned cell ends under its
    label's right edge, while the figure alone may end left of the label, between it and the label on
    its left, and be taken for that column's."""
    centre = (amount.x0 + amount.x1) / 2
    if any(c.x0 - 2 <= centre <= c.x1 + 2 for c in columns):
        return amount
    start, end = line.segment_span(amount.start)
    rest = line.text[amount.end : end]
    if start != amount.start or not any(c.isalpha() for c in rest) or any(c.isdigit() for c in rest):
        return amount
    x0, x1 = line.span_x(start, end)
    return replace(amount, x0=x0, x1=x1)


def assign_column(amount: Amount, columns: list[Column]) -> Column | None:
    """The numeric column a value belongs to: best overlap, else nearest by edge/centre alignment."""
    index = assign_index(amount, columns, NUMERIC_KINDS)
    return None if index is None else columns[index]


# Results of ``assign_index`` by (figure x-range, kinds, every column's kind and x-range): table rows repeat
# the same few x-ranges, and each row's figures are assigned again by several checks. Keyed on the
# columns' values, not their identity, so a list changed or rebuilt never reads a stale answer.
_ASSIGNED: dict[tuple[object, ...], int | None] = {}
_ASSIGNED_LIMIT = 4096  # a page uses a few dozen: bounded memory in a long-running service


def assign_index(amount: Amount, columns: list[Column], kinds: tuple[str, ...]) -> int | None:
    key = (amount.x0, amount.x1, kinds, *[(c.kind, c.x0, c.x1) for c in columns])
    index = _ASSIGNED.get(key, -1)
    if index == -1:
        if len(_ASSIGNED) >= _ASSIGNED_LIMIT:
            _ASSIGNED.clear()
        index = _ASSIGNED[key] = _assign_index(amount.x0, amount.x1, columns, kinds)
    return index


def _assign_index(x0: float, x1: float, columns: list[Column], kinds: tuple[str, ...]) -> int | None:
    centre = (x0 + x1) / 2
    # Nearest column of a wanted kind: -1 when the figure's centre is under it, else the smallest of the
    # right-edge, left-edge and centre distances.
    best_distance = 0.0
    best = -1
    touched = False
    # Under the label of a column of no known kind ("Taxable", "Lot", "Period"): a figure of that column,
    # never one of its neighbours' (a discount column beside it would take a net amount as its value).
    under_other = False
    for i, column in enumerate(columns):
        c0, c1 = column.x0, column.x1
        under = c0 - 2 <= centre <= c1 + 2
        if column.kind in kinds:
            if under:
                distance = -1.0
                touched = True
            else:
                distance = min(abs(x1 - c1), abs(x0 - c0), abs(centre - (c0 + c1) / 2))
            if best < 0 or distance < best_distance:
                best_distance, best = distance, i
        elif under:
            under_other = under_other or column.kind == "other"
            touched = True
    if under_other and (best < 0 or best_distance >= 0):
        return None
    if not touched:
        # Between two labels, touching neither: labels stand left-aligned in wide cells and the figures
        # right-aligned, so the figure belongs to the label on its left.
        # A long figure may start under its label's last letters: the label starting left of its centre.
        left = [i for i, c in enumerate(columns) if c.x1 < x0 or c.x0 <= centre]
        if left:
            i = max(left, key=lambda k: columns[k].x0)
            after = [c.x0 for c in columns if c.x0 > columns[i].x1]
            if columns[i].kind in kinds and (not after or x1 < min(after)):
                return i
    return best if best >= 0 and best_distance < 60 else None
