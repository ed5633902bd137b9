"""Issuer and recipient: name and address blocks, VAT ids and bank details assigned to a party.

The recipient is the block under (or right of) a "Bill to / Rechnungsempfänger / Facturé à / Cliente"
label. The issuer is the block under a "From / Seller / Lieferant" label, else the letterhead: the
most prominent name-like text near the top that is not in the recipient block, preferring names with
a legal-form suffix (GmbH, Ltd, S.A., B.V., S.r.l., Pvt. Ltd., …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.identifiers import Identifier
from invoiceflow.domain.extraction.labels import (
    CUSTOMER_ID_LABEL,
    DELIVERY_LABEL,
    ISSUER_LABEL,
    RECIPIENT_LABEL,
    RECIPIENT_VAT_HINT,
)
from invoiceflow.domain.extraction.layout import Line, horizontal_overlap
from invoiceflow.domain.extraction.lazy_re import lazy_compile

_LEGAL_FORM = lazy_compile(
    r"(?<![a-z])(gmbh|ag|kg|ohg|ug|e\.?\s?k\.?|ltd\.?|limited|llc|llp|inc\.?|corp\.?|plc|co\.|"
    r"s\.?a\.?s?\.?|s\.?a\.?r\.?l\.?|sarl|sas|s\.?l\.?u?\.?|s\.?r\.?l\.?|s\.?p\.?a\.?|b\.?v\.?|n\.?v\.?|"
    r"pvt\.?|private\s+limited|oy|ab|a/s|aps|as|sp\.\s*z\s*o\.?\s*o\.?|s\.?n\.?c\.?|s\.?a\.?s\.?u?|"
    r"v\.?o\.?f\.?|c\.?v\.?|e\.?v\.?|gbr|sagl|eurl|lda|kft|s\.?c\.?s\.?|s\.?coop\.?|"
    r"mbh|partg|se|lp|pllc|pc|pty|"
    # More forms seen abroad: Irish DAC/CLG, S.à r.l. with spaces, S.A.U., Baltic OÜ, Czech/Slovak s.r.o.
    # and a.s., Balkan d.o.o., Hungarian Zrt./Nyrt., Latin American Ltda., corporations in words.
    r"dac|clg|uc|s\.?\s?a\.?\s?r\.?\s?l\.?|s\.?a\.?u\.?|ou|s\.?\s?r\.?\s?o\.?|a\.\s?s\.|spol\.?|"
    r"d\.?\s?o\.?\s?o\.?|zrt\.?|nyrt\.?|ltda\.?|corporation|incorporated|company)(?![a-z])"
)
# OCR reads logos and rules as short letter clusters ("xn se TD"): no real name is made of those alone.
_REAL_WORD = lazy_compile(r"[^\W\d_]{3,}")


def _garbled(text: str) -> bool:
    """No word of four letters, and no legal form beside a three-letter word ("ABC AG" is a name,
    "xn se TD" is a logo even though "se" is a legal form)."""
    words = text.split()
    if any(_REAL_WORD.search(w) and len(w) >= 4 for w in words):
        return False
    return not (any(_REAL_WORD.search(w) for w in words) and _LEGAL_FORM.search(text.lower()))


_TITLE = lazy_compile(
    r"^(?:tax\s+)?(?:invoice|rechnung|facture|factura|factuur|fattura|credit\s+note|gutschrift|avoir|"
    r"nota\s+de\s+credito|creditnota|nota\s+di\s+credito|bill|receipt|quittung|proforma)\b"
)
_CONTACT = lazy_compile(
    r"@|www\.|https?:|(?<![a-z])(?:tel|phone|fax|mobile|email|e-mail|web|iban|bic|swift|vat|ust|mwst|tva|"
    r"iva|btw|gst|gstin|uin|pan|cin|hrb|steuer|page|seite|pagina|siret|siren|rcs|kvk|nif|cif|p\.\s?iva|"
    r"abn|ein|tax\s+id|codice\s+fiscale|state\s+name|code)(?![a-z])"
)


@dataclass
class Block:
    lines: list[str] = field(default_factory=list)
    line_indexes: list[int] = field(default_factory=list)
    confidence: float = 0.0
    x0: float = 0.0
    x1: float = float("inf")  # the block's column: a line may hold another block's text beside it

    @property
    def name(self) -> str | None:
        return self.lines[0] if self.lines else None

    @property
    def address(self) -> str | None:
        rest = [line for line in self.lines[1:] if not _CONTACT.search(line.lower())]
        return ", ".join(rest) if rest else None


@dataclass
class Parties:
    issuer: Block
    recipient: Block
    issuer_vat: Identifier | None
    recipient_vat: Identifier | None
    iban: Identifier | None
    bic: Identifier | None


def _segment_at(line: Line, x0: float, x1: float) -> tuple[int, int] | None:
    """Text offsets of the segment of ``line`` lying under [x0, x1]."""
    for seg_start, seg_end in line.segments():
        sx0, sx1 = line.span_x(seg_start, seg_end)
        if horizontal_overlap(sx0, sx1, x0, x1) > 0 or abs(sx0 - x0) < 6:
            return seg_start, seg_end
    return None


def _segment_text(line: Line, x0: float, x1: float) -> str | None:
    """Text of the segment of ``line`` lying under [x0, x1]."""
    span = _segment_at(line, x0, x1)
    return line.text[span[0] : span[1]].strip() if span else None


def _starts_block_label(folded: str) -> bool:
    """A recipient or delivery label opens another block: the block above ends there."""
    return bool(RECIPIENT_LABEL.match(folded) or DELIVERY_LABEL.match(folded))


# A line of the block that only carries the customer's number ("Customer No. 4711", "Kd.-Nr. 4711"):
# not the name.
_NUMBER_ONLY = lazy_compile(r"[\W\d_]*$")


_ID_LIKE = lazy_compile(r"[A-Z]{2}[\s.]?\d[\dA-Z.\s]{6,}")


def _is_totals_text(ctx: PageContext, line: Line, text: str) -> bool:
    """A totals line ends an address block; "VAT No.: BE0815…" inside the block does not."""
    labels = ctx.total_labels.get(line.index)
    if not labels:
        return False
    start = line.text.find(text)
    in_segment = [label for label in labels if start <= label.start < start + len(text)]
    return bool(in_segment) and not _ID_LIKE.search(text)


def _block_below(
    ctx: PageContext, line: Line, x0: float, x1: float, *, max_lines: int = 6, first_gap: float = 1.5
) -> Block:
    """The lines under ``line`` in the column [x0, x1] until a vertical gap. ``first_gap`` (in line
    heights) may be wider for the first line: a label in a header cell sits above the cell's padding."""
    block = Block(x0=x0, x1=x1)
    previous = line
    for below in ctx.lines[line.index + 1 :]:
        gap = first_gap if previous is line else 1.5
        if len(block.lines) >= max_lines or below.top - previous.bottom > gap * max(
            below.height, previous.height
        ):
            break
        span = _segment_at(below, x0, x1)
        if span is None:
            continue  # a line of the other column, interleaved: the vertical gap test ends the block
        text = below.text[span[0] : span[1]].strip()
        folded = below.folded[span[0] : span[1]].strip()
        if _starts_block_label(folded) or _is_totals_text(ctx, below, text):
            break
        previous = below
        if not block.lines and (
            CUSTOMER_ID_LABEL.match(folded) or _NUMBER_ONLY.match(text) or _FOR_ATTENTION.match(folded)
        ):
            continue  # "Customer No. 4711" or "Attn: Maria Rossi" heading the block: the name follows
        block.lines.append(text)
        block.line_indexes.append(below.index)
    return block


_BANK_CONTEXT = lazy_compile(r"iban|bic|swift|bank|konto|compte|cuenta|rekening|conto|sort\s+code|routing")


def _bank_holder(ctx: PageContext, line: Line, folded_label: str) -> bool:
    """ "Account holder" beside bank details names the payee (the issuer), not the customer."""
    if not folded_label.startswith("account"):
        return False
    nearby = ctx.lines[max(0, line.index - 2) : line.index + 3]
    return line.top > ctx.page.height * 0.6 or any(_BANK_CONTEXT.search(other.folded) for other in nearby)


def _labelled_block(ctx: PageContext, pattern: re.Pattern[str], limit: float) -> Block | None:
    for line in ctx.lines:
        if line.top >= limit:
            break
        segments = line.segments()
        for k, (seg_start, seg_end) in enumerate(segments):
            m = pattern.match(line.folded, seg_start)
            if not m or m.start() != seg_start or _bank_holder(ctx, line, m.group(0)):
                continue
            rest = line.text[m.end() : seg_end].strip(" :")
            if rest.startswith("("):
                rest = ""  # "Buyer (Bill to)": a label annotation, not a name
            x0, _ = line.span_x(seg_start, seg_end)
            label_x1 = line.segment_x()[k][1]
            nxt = segments[k + 1] if k + 1 < len(segments) else None
            next_x = line.segment_x()[k + 1][0] if nxt else ctx.page.width
            first_line = line
            if not rest and nxt and next_x - label_x1 < 12 * line.height:
                # "Bill to:   Acme Ltd" with the block in its own column right of the label.
                folded_next = line.folded[nxt[0] : nxt[1]]
                if not (_starts_block_label(folded_next) or ISSUER_LABEL.match(folded_next)):
                    rest = line.text[nxt[0] : nxt[1]].strip()
                    x0 = next_x
                    next_x = line.segment_x()[k + 2][0] if k + 2 < len(segments) else ctx.page.width
            # The block column runs from the label to the next segment on the label line.
            block = _block_below(ctx, first_line, x0, max(x0 + 40, next_x - 6), first_gap=2.6)
            if rest and len(rest) > 2:
                block.lines.insert(0, rest)
                block.line_indexes.insert(0, line.index)
            if block.lines:
                block.confidence = 0.85
                return block
    return None


def _customer_number_block(ctx: PageContext, excluded: set[int], limit: float) -> Block | None:
    """A customer's address block headed by its customer / account number ("Kundennr. 4711" over the
    name and address), recognised by a name line followed by a postal-code line."""
    for line in ctx.lines:
        if line.top >= limit or line.top > ctx.page.height * 0.5:
            break
        for seg_start, seg_end in line.segments():
            if not CUSTOMER_ID_LABEL.match(line.folded, seg_start) or line.index in excluded:
                continue
            x0, x1 = line.span_x(seg_start, seg_end)
            block = _block_below(ctx, line, x0, max(x1, x0 + 120), max_lines=5, first_gap=2.0)
            if len(block.lines) < 2 or excluded.intersection(block.line_indexes):
                continue
            name = block.lines[0]
            if ":" in name or _CONTACT.search(name.lower()) or sum(c.isalpha() for c in name) < 3:
                continue
            if any(_POSTAL_LINE.search(text) for text in block.lines[1:4]):
                block.confidence = 0.7
                return block
    return None


def _delivery_lines(ctx: PageContext, limit: float) -> set[int]:
    """Line indexes of delivery-address blocks ("Ship to", "Lieferadresse", …) with their labels."""
    out: set[int] = set()
    for line in ctx.lines:
        if line.top >= limit:
            break
        for k, (seg_start, _) in enumerate(line.segments()):
            if not DELIVERY_LABEL.match(line.folded, seg_start):
                continue
            xs = line.segment_x()
            x0 = xs[k][0]
            next_x = xs[k + 1][0] if k + 1 < len(xs) else ctx.page.width
            out.add(line.index)
            out.update(_block_below(ctx, line, x0, max(x0 + 40, next_x - 6), first_gap=2.6).line_indexes)
    return out


def _letterhead(ctx: PageContext, excluded: set[int], limit: float) -> Block | None:
    heights = sorted(line.height for line in ctx.lines) or [10.0]
    median = heights[len(heights) // 2]
    best: tuple[float, Line, int, int] | None = None
    for line in ctx.lines:
        if line.top > ctx.page.height * 0.35 or line.top >= limit:
            break
        if line.index in excluded:
            continue
        labels = ctx.header_labels.get(line.index, [])
        for seg_start, seg_end in line.segments():
            if any(seg_start <= label.start < seg_end for label in labels):
                continue  # "Invoice No." beside the letterhead: only that segment is a label
            text = line.text[seg_start:seg_end].strip()
            folded = line.folded[seg_start:seg_end].strip()
            letters = sum(c.isalpha() for c in text)
            if letters < 3 or _TITLE.match(folded) or _CONTACT.search(folded) or letters < len(text) / 2:
                continue
            if _starts_block_label(folded) or ISSUER_LABEL.match(folded) or (line.ocr and _garbled(text)):
                continue
            score = line.height / median + (0.45 if _LEGAL_FORM.search(folded) else 0.0)
            score -= line.top / ctx.page.height  # higher up is more letterhead-like
            if best is None or score > best[0]:
                best = (score, line, seg_start, seg_end)
    if best is None:
        return None
    _, line, seg_start, seg_end = best
    x0, x1 = line.span_x(seg_start, seg_end)
    block = _block_below(ctx, line, x0, x1, max_lines=4)
    if (
        any(_ATTENTION.match(fold_text.lower()) for fold_text in block.lines[:3])
        and line.index not in excluded
    ):
        # An addressee block ("Herrn Lars Hansen" under the company): look again without it.
        return _letterhead(ctx, excluded | {line.index, *block.line_indexes}, limit)
    block.lines.insert(0, line.text[seg_start:seg_end].strip())
    block.line_indexes.insert(0, line.index)
    prominent = line.height > median * 1.15
    has_form = bool(_LEGAL_FORM.search(block.lines[0].lower()))
    block.confidence = 0.55 + (0.15 if prominent else 0.0) + (0.15 if has_form else 0.0)
    return block


_SENDER_SEPARATORS = lazy_compile(r"\s[·•|]\s|\s[-–]\s")


def _median_height(ctx: PageContext) -> float:
    heights = sorted(line.height for line in ctx.lines)
    return heights[len(heights) // 2] if heights else 10.0


def _sender_line_block(ctx: PageContext) -> tuple[str, Block] | None:
    """Window-envelope layout (DIN 5008 and its kin): a small one-line return address
    ("Acme GmbH · Street 1 · City") sits right above the recipient's address block."""
    median = _median_height(ctx)
    for line in ctx.lines:
        if line.top > ctx.page.height * 0.5:
            break
        if line.height > 0.88 * median:
            continue
        for seg_start, seg_end in line.segments():
            text = line.text[seg_start:seg_end]
            parts = _SENDER_SEPARATORS.split(text)
            if len(parts) < 3:
                continue
            x0, x1 = line.span_x(seg_start, seg_end)
            block = _block_below(ctx, line, x0, x0 + 0.6 * (x1 - x0) + 20, max_lines=6)
            if len(block.lines) >= 2:
                block.confidence = 0.78
                return parts[0].strip(), block
    return None


def _footer_name(ctx: PageContext) -> str | None:
    """A company name with a legal form in the page footer (where bank and VAT data usually sit)."""
    for line in ctx.lines:
        if line.top < ctx.page.height * 0.8:
            continue
        for seg_start, seg_end in line.segments():
            # "Acme GmbH · Street 1 · VAT DE123…": the name is one part of a separated footer line.
            for part in _SENDER_SEPARATORS.split(line.text[seg_start:seg_end]):
                folded = part.lower()
                if ":" not in part and _LEGAL_FORM.search(folded) and not _CONTACT.search(folded):
                    return part.strip()
    return None


# A postal-code line: "75008 Paris", "1016 DG Amsterdam", "Austin, TX 78701", "London EC1A 1BB", "D-80331".
_POSTAL_LINE = lazy_compile(
    r"(?<![\d.,])\d{4,6}(?![\d.,])|(?<![A-Za-z])[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}(?![A-Za-z])|"
    r"(?<![A-Za-z])[A-Z]{2}\s\d{5}(?:-\d{4})?(?!\d)|"
    # "111 51 Stockholm" (SE, CZ, SK, GR), "00-950 Warszawa", "1000-001 Lisboa", "H3B 2Y5" (CA).
    r"(?<![\d.,])\d{3}\s\d{2}\s+[^\W\d]|(?<![\d.,-])\d{2,4}-\d{3}(?![\d.,-])|"
    r"(?<![A-Za-z\d])[A-Z]\d[A-Z]\s?\d[A-Z]\d(?![A-Za-z\d])|"
    # Irish Eircode ("D02 X285", "T12 X8Y2").
    r"(?<![A-Za-z\d])[A-Z]\d[\dW]\s[A-Z\d]{4}(?![A-Za-z\d])"
)
# "For the attention of" heading a block: the person, not the party.
_FOR_ATTENTION = lazy_compile(
    r"(?:attn\.?|attention|z\.\s?hd\.?|zu\s+handen|a\s+l'attention|t\.a\.v\.?|att\.?n?|c/o)\s*:?(?![a-z])"
)
# A line addressing a person inside a postal block ("Attn: …", "z. Hd. …", "Herrn …", "Mr …"): the
# block is where the letter goes, the recipient's, never the sender's letterhead.
_ATTENTION = lazy_compile(
    r"^(?:attn\.?|attention|z\.\s?hd\.?|zu\s+handen|herrn?|frau|mr\.?|mrs\.?|ms\.?|mme\.?|"
    r"a\s+l'attention|sr\.?|sra\.?|dhr\.?|mevr\.?|t\.a\.v\.?|sig\.?(?:ra)?\.?|att\.?\s*:?|c/o)(?![a-z])"
)


def _same_name(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


def _overlaps(block: Block, line_indexes: list[int], x0: float, x1: float) -> bool:
    """True when lines of ``block`` are among ``line_indexes`` in the same column."""
    shared = set(block.line_indexes).intersection(line_indexes)
    return bool(shared) and horizontal_overlap(block.x0, block.x1, x0, x1) > 0


def _address_block(ctx: PageContext, issuer: Block, limit: float, excluded: set[int]) -> Block | None:
    """An unlabelled address block (window envelope without a return-address line): a name-like line
    followed by address lines with a postal code, in the upper part of the page, not the issuer's and
    not a delivery address (``excluded``)."""
    for line in ctx.lines:
        if line.top > ctx.page.height * 0.45 or line.top >= limit:
            break
        if line.index in excluded:
            continue
        labels = ctx.header_labels.get(line.index, [])
        for seg_start, seg_end in line.segments():
            if any(seg_start <= label.start < seg_end for label in labels):
                continue
            text = line.text[seg_start:seg_end].strip()
            folded = line.folded[seg_start:seg_end].strip()
            letters = sum(c.isalpha() for c in text)
            if letters < 3 or letters < len(text) / 2 or _TITLE.match(folded) or _CONTACT.search(folded):
                continue
            if ":" in text or _starts_block_label(folded) or ISSUER_LABEL.match(folded):
                continue
            if line.ocr and _garbled(text):
                continue
            x0, x1 = line.span_x(seg_start, seg_end)
            block = _block_below(ctx, line, x0, x1, max_lines=5)
            if not block.lines or _overlaps(issuer, [line.index, *block.line_indexes], x0, x1):
                continue
            if not any(_POSTAL_LINE.search(text) for text in block.lines[:3]):
                continue
            block.lines.insert(0, text)
            block.line_indexes.insert(0, line.index)
            block.confidence = 0.6 + (0.1 if _LEGAL_FORM.search(folded) else 0.0)
            return block
    return None


def extract_parties(ctx: PageContext, identifiers: list[Identifier], table_top: float | None) -> Parties:
    """``table_top``: y of the items table header (or first row); party blocks sit above it."""
    limit = ctx.page.height if table_top is None else table_top
    recipient = _labelled_block(ctx, RECIPIENT_LABEL, limit)
    sender_name = None
    if recipient is None:
        sender = _sender_line_block(ctx)
        if sender is not None:
            sender_name, recipient = sender
            if ctx.lines[recipient.line_indexes[0]].top > limit:
                sender_name, recipient = None, None
    delivery = _delivery_lines(ctx, limit)
    issuer = _labelled_block(ctx, ISSUER_LABEL, limit)
    if issuer is None:
        excluded = delivery.union(recipient.line_indexes if recipient else [])
        issuer = _letterhead(ctx, excluded, limit) or Block()
    if recipient is None:
        recipient = _customer_number_block(ctx, delivery.union(issuer.line_indexes), limit)
    if recipient is None:
        recipient = _address_block(ctx, issuer, limit, delivery)
    recipient = recipient or Block()
    footer = _footer_name(ctx)
    if _same_name(footer, recipient.name) and not _same_name(footer, issuer.name):
        # The footer (bank and VAT data) belongs to the issuer: the blocks were read the wrong way round.
        issuer, recipient = recipient, issuer
    issuer_has_form = bool(issuer.name and _LEGAL_FORM.search(issuer.name.lower()))
    if not issuer_has_form:
        # The letterhead may be a logo: the return-address line or the footer names the issuer.
        for hint in (sender_name, footer):
            if hint and _LEGAL_FORM.search(hint.lower()):
                issuer = Block(lines=[hint], confidence=0.72)
                break
    recipient_lines = set(recipient.line_indexes)
    issuer_lines = set(issuer.line_indexes)
    issuer_name = (issuer.name or "").casefold()
    issuer_vat = recipient_vat = iban = bic = None
    issuer_rank = -1
    for ident in identifiers:
        line = ctx.lines[ident.line]
        before = line.folded[: ident.start]
        if ident.kind in ("vat", "gstin"):
            in_block = ident.line in recipient_lines and recipient.x0 - 10 <= ident.x0 <= recipient.x1 + 10
            for_recipient = in_block or bool(RECIPIENT_VAT_HINT.search(before[-40:]))
            if for_recipient:
                recipient_vat = recipient_vat or ident
                continue
            # The issuer's id: in the issuer's block, or beside the issuer's name (a footer line), wins
            # over an id standing alone (which may belong to an unrecognised recipient block).
            rank = 0
            if ident.line in issuer_lines or (issuer_name and issuer_name in line.text.casefold()):
                rank = 2
            if rank > issuer_rank:
                issuer_vat, issuer_rank = ident, rank
        elif ident.kind == "iban" and iban is None:
            iban = ident
        elif ident.kind == "bic" and bic is None:
            bic = ident
    return Parties(issuer, recipient, issuer_vat, recipient_vat, iban, bic)
