"""Whose VAT id a label says it is: the words printed just before an id ("Käufer USt-IdNr.", "TVA
vendeur", "our VAT no.", a reverse-charge sentence naming "le preneur") tell the buyer's id from the
seller's when a page carries both."""

from __future__ import annotations

from typing import Literal

from invoiceflow.domain.extraction.labels import (
    ACCOUNT_HOLDER_LABEL,
    ISSUER_LABEL,
    RECIPIENT_LABEL,
    LabelMatch,
)
from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile

Owner = Literal["issuer", "recipient"]

# Folded (lower-case, accent-free) words naming the buyer; "empfanger" alone is also the payee of a bank
# line ("Zahlungsempfänger"), so only its buyer compounds count.
_BUYER_RE = lazy_compile(
    r"(?<![a-z])(?:recipient|bill(?:ed)?[\s\-]*to|buyer|purchaser|destinataire|acheteur|preneur|"
    r"destinatario|cessionario|committente|comprador|adquirente|(?:leistungs|rechnungs)empfangers?|"
    r"kaufers?|afnemer|koper|nabywc[ay]|odbiorc[ay]|kjopers?|kobers?|kopare|odberatel[e]?|"
    # "your" in the languages that print "Ihre USt-IdNr.", "Vs. P.IVA", "Ert momsreg.nr", "Vaše DIČ"
    r"your|ihre|votre|vostr[ao]|vs|uw|vosso|vossa|jeres|deres|ert|vase|wasz[ae]?|"
    r"er(?=\s+(?:momsreg|moms|vat|org)))(?![a-z])"
)
# Words naming the seller, and the first person plural of its own letterhead ("our VAT no.").
_SELLER_RE = lazy_compile(
    r"(?<![a-z])(?:our|unsere?|notre|nostra|nuestro|onze|seller|supplier|vendor|issuer|vendeur|"
    r"fournisseur|prestataire|emetteur|verkaufers?|lieferanten?|leistungserbringers?|fornitore|cedente|"
    r"prestatore|proveedor|vendedor|emisor|leverancier|verkoper|sprzedawc[ay]|selgers?|saelgers?|"
    r"saljare|dodavatel[e]?|leverandors?|leverantor|"
    # "our" beyond English, German, French, Italian, Spanish, Dutch ("Vores CVR-nr.", "Naše DIČ", "Ns. P.IVA")
    r"vores|vart|nase|nasz[ae]?|ns|nosso|nossa|nostro|"
    r"var(?=\s+(?:momsreg|moms|vat|org)))(?![a-z])"
)
_WINDOW = 40  # characters before the id that its label may occupy


def labelled_owner(folded_before: str) -> Owner | None:
    """The party the label right before an id names (the nearer word when both are named), or None."""
    window = folded_before[-_WINDOW:]
    buyer = [m.end() for m in _BUYER_RE.finditer(window)]
    seller = [m.end() for m in _SELLER_RE.finditer(window)]
    if not buyer and not seller:
        return None
    return "recipient" if max(buyer, default=-1) > max(seller, default=-1) else "issuer"


# A payment provider, agent or bank named before an id: "processed by Lumen Pay Ltd, VAT …",
# "Bankverbindung: Nordbank AG, USt-IdNr. …" ("bank" also ends a bank's name: "Nordbank").
_THIRD_PARTY_RE = lazy_compile(
    r"(?:processed|collected|handled)\s+by|on\s+behalf\s+of|payment\s+(?:service\s+)?provider|"
    r"zahlungs(?:dienstleister|abwicklung)|im\s+(?:auftrag|namen)|pour\s+le\s+compte|per\s+conto|"
    r"en\s+nombre\s+de|por\s+cuenta\s+de|bank|banque|banco|banca|sparkasse"
)
# Where the naming stops: a separator of footer items, or the account itself (the issuer's, so what
# follows it is the issuer's again).
_ITEM_BREAK_RE = lazy_compile(r"[·|•;]|(?<![a-z])(?:iban|bic|swift|konto|account)(?![a-z])")


def third_party(folded_before: str) -> bool:
    """True when the text before an id on its segment names a payment provider, an agent or a bank as
    the party the id belongs to (no footer separator or account between them)."""
    window = folded_before[-80:]
    breaks = [m.end() for m in _ITEM_BREAK_RE.finditer(window)]
    return _THIRD_PARTY_RE.search(window, max(breaks, default=0)) is not None


def _heading_owner(folded_segment: str) -> Owner | None:
    """The party a segment names when it is nothing but a party's heading ("Acheteur", "Verkäufer:"), or
    starts with one and a colon before the party's name ("Comprador: Ibarra S.L.", "To: Ashcombe Ltd")."""
    text = folded_segment.strip(" :")
    if not text or ACCOUNT_HOLDER_LABEL.match(text):
        return None  # "Account holder" heads the bank details, not the customer's section
    owners: tuple[Owner, Owner] = ("recipient", "issuer")
    for label, owner in zip((RECIPIENT_LABEL, ISSUER_LABEL), owners, strict=True):
        if (m := label.match(text)) is not None and (
            m.end() == len(text) or text[m.end() - 1] == ":" or text[m.end() :].lstrip().startswith(":")
        ):
            return owner
    return None


_SECTION_LINES = 12  # lines a party's section may run below its heading
_SECTION_GAP = 3.0  # line heights of empty space that end a section


def section_owner(
    lines: list[Line], line_index: int, offset: int, table_top: float | None = None
) -> Owner | None:
    """The party whose headed section holds the id at ``offset`` of line ``line_index``: the nearest
    buyer's or seller's heading above whose left edge the id's row starts at (its label cell, or the id
    under the heading), whatever the order of the sections and whether they stand stacked or side by
    side (of two headings on one line, the one nearest left of the id). None outside such a section; the
    item table (its top at ``table_top``) ends the sections above it, so a footer's id is none of theirs."""
    line = lines[line_index]
    left = row_x0(line, offset)
    id_x0 = line.char_x(offset)
    tolerance = max(4.0, 0.8 * line.height)
    upper_top = line.top
    below_table = table_top is not None and line.top >= table_top
    for above in reversed(lines[max(0, line_index - _SECTION_LINES) : line_index]):
        if upper_top - above.bottom > _SECTION_GAP * max(above.height, 1.0):
            return None
        if below_table and table_top is not None and above.top < table_top:
            return None
        found: Owner | None = None
        aligned = False
        for (start, end), (x0, _) in zip(above.segments(), above.segment_x(), strict=True):
            if x0 > id_x0 + tolerance:
                break
            at_row = abs(x0 - left) <= tolerance
            aligned = aligned or at_row
            if at_row or abs(x0 - id_x0) <= tolerance:
                # Of two headings side by side, the one nearest left of the id.
                found = _heading_owner(above.folded[start:end]) or found
        if found is not None:
            return found
        if aligned:
            upper_top = above.top  # the section's column goes on upwards
    return None


def _row_segment(line: Line, offset: int) -> int:
    """Index of the segment the row of an id at ``offset`` starts at: its own segment when a label precedes
    the id in it, else the label cell left of it ("N° TVA | CHE-…")."""
    seg = line.segment_index(offset)
    seg_start, _ = line.segments()[seg]
    return seg if line.folded[seg_start:offset].strip() or seg == 0 else seg - 1


def row_x0(line: Line, offset: int) -> float:
    """The left edge of the id's row: its label's cell, or the id's own segment."""
    return line.segment_x()[_row_segment(line, offset)][0]


def row_text(line: Line, offset: int) -> str:
    """The folded text of the id's row before it (its label), without the columns further left."""
    return line.folded[line.segments()[_row_segment(line, offset)][0] : offset]


# Labels of the document's own data: an information block holding them is the issuer's ("Rechnungsnr. |
# Datum | USt-IdNr." beside the recipient's window, "N° de facture | Date | N° TVA" in a box).
_DOCUMENT_DATA_KINDS = frozenset({"invoice_number", "issue_date", "due_date"})
_INFO_BLOCK_REACH = 4  # lines above and below the id searched for the block's other rows


def info_block_owner(
    lines: list[Line], header_labels: dict[int, list[LabelMatch]], line_index: int, offset: int
) -> Owner | None:
    """The issuer, when the id's row starts at the left edge of a column of the document's own data (two
    or more of the invoice number and its dates on the rows next to it): an information block printed
    beside the recipient's address is the sender's, whatever the block's labels call the id."""
    line = lines[line_index]
    left = row_x0(line, offset)
    tolerance = max(4.0, 0.8 * line.height)
    rows = 0
    for other in [*_block_rows(lines, line_index, -1), *_block_rows(lines, line_index, 1)]:
        for label in header_labels.get(other.index, []):
            if label.kind not in _DOCUMENT_DATA_KINDS:
                continue
            label_x0 = other.segment_x()[other.segment_index(label.start)][0]
            if abs(label_x0 - left) <= tolerance:
                rows += 1
                break
    return "issuer" if rows >= 2 else None


def _block_rows(lines: list[Line], line_index: int, step: int) -> list[Line]:
    """The lines above (``step`` -1) or below (+1) ``line_index`` at line pitch, up to the first gap: the
    block's other rows."""
    rows: list[Line] = []
    previous = lines[line_index]
    index = line_index + step
    while 0 <= index < len(lines) and len(rows) < _INFO_BLOCK_REACH:
        current = lines[index]
        gap = previous.top - current.bottom if step < 0 else current.top - previous.bottom
        if gap > 1.2 * max(previous.height, current.height, 1.0):
            break
        rows.append(current)
        previous = current
        index += step
    return rows
