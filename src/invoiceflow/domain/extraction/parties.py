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
from invoiceflow.domain.extraction.labels import ISSUER_LABEL, RECIPIENT_LABEL, RECIPIENT_VAT_HINT
from invoiceflow.domain.extraction.layout import Line, horizontal_overlap

_LEGAL_FORM = re.compile(
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
_REAL_WORD = re.compile(r"[^\W\d_]{3,}")


def _garbled(text: str) -> bool:
    """No word of four letters, and no legal form beside a three-letter word ("ABC AG" is a name,
    "xn se TD" is a logo even though "se" is a legal form)."""
    words = text.split()
    if any(_REAL_WORD.search(w) and len(w) >= 4 for w in words):
        return False
    return not (any(_REAL_WORD.search(w) for w in words) and _LEGAL_FORM.search(text.lower()))


_TITLE = re.compile(
    r"^(?:tax\s+)?(?:invoice|rechnung|facture|factura|factuur|fattura|credit\s+note|gutschrift|avoir|"
    r"nota\s+de\s+credito|creditnota|nota\s+di\s+credito|bill|receipt|quittung|proforma)\b"
)
_CONTACT = re.compile(
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


def _segment_text(line: Line, x0: float, x1: float) -> str | None:
    """Text of the segment of ``line`` lying under [x0, x1]."""
    for seg_start, seg_end in line.segments():
        sx0, sx1 = line.span_x(seg_start, seg_end)
        if horizontal_overlap(sx0, sx1, x0, x1) > 0 or abs(sx0 - x0) < 6:
            return line.text[seg_start:seg_end].strip()
    return None


_ID_LIKE = re.compile(r"[A-Z]{2}[\s.]?\d[\dA-Z.\s]{6,}")


def _is_totals_text(ctx: PageContext, line: Line, text: str) -> bool:
    """A totals line ends an address block; "VAT No.: BE0815…" inside the block does not."""
    labels = ctx.total_labels.get(line.index)
    if not labels:
        return False
    start = line.text.find(text)
    in_segment = [label for label in labels if start <= label.start < start + len(text)]
    return bool(in_segment) and not _ID_LIKE.search(text)


def _block_below(ctx: PageContext, line: Line, x0: float, x1: float, max_lines: int = 6) -> Block:
    block = Block(x0=x0, x1=x1)
    previous = line
    for below in ctx.lines[line.index + 1 :]:
        if (
            below.top - previous.bottom > 1.5 * max(below.height, previous.height)
            or len(block.lines) >= max_lines
        ):
            break
        text = _segment_text(below, x0, x1)
        if text is None:
            continue  # a line of the other column, interleaved: the vertical gap test ends the block
        if RECIPIENT_LABEL.match(below.folded) or _is_totals_text(ctx, below, text):
            break
        block.lines.append(text)
        block.line_indexes.append(below.index)
        previous = below
    return block


def _labelled_block(ctx: PageContext, pattern: re.Pattern[str], limit: float) -> Block | None:
    for line in ctx.lines:
        if line.top >= limit:
            break
        for seg_start, seg_end in line.segments():
            m = pattern.match(line.folded, seg_start)
            if not m or m.start() != seg_start:
                continue
            rest = line.text[m.end() : seg_end].strip(" :")
            if rest.startswith("("):
                rest = ""  # "Buyer (Bill to)": a label annotation, not a name
            x0, _ = line.span_x(seg_start, seg_end)
            # The block column runs from the label to the next segment on the label line.
            next_x = min(
                (line.span_x(s, e)[0] for s, e in line.segments() if s > seg_start), default=ctx.page.width
            )
            block = _block_below(ctx, line, x0, max(x0 + 40, next_x - 6))
            if rest and len(rest) > 2:
                block.lines.insert(0, rest)
                block.line_indexes.insert(0, line.index)
            if block.lines:
                block.confidence = 0.85
                return block
    return None


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
            if RECIPIENT_LABEL.match(folded) or ISSUER_LABEL.match(folded) or (line.ocr and _garbled(text)):
                continue
            score = line.height / median + (1.0 if _LEGAL_FORM.search(folded) else 0.0)
            score -= line.top / ctx.page.height  # higher up is more letterhead-like
            if best is None or score > best[0]:
                best = (score, line, seg_start, seg_end)
    if best is None:
        return None
    _, line, seg_start, seg_end = best
    x0, x1 = line.span_x(seg_start, seg_end)
    block = _block_below(ctx, line, x0, x1, max_lines=4)
    block.lines.insert(0, line.text[seg_start:seg_end].strip())
    block.line_indexes.insert(0, line.index)
    prominent = line.height > median * 1.15
    has_form = bool(_LEGAL_FORM.search(block.lines[0].lower()))
    block.confidence = 0.55 + (0.15 if prominent else 0.0) + (0.15 if has_form else 0.0)
    return block


_SENDER_SEPARATORS = re.compile(r"\s[·•|]\s|\s[-–]\s")


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
            text = line.text[seg_start:seg_end].strip()
            if (
                ":" not in text
                and _LEGAL_FORM.search(line.folded[seg_start:seg_end])
                and not _CONTACT.search(line.folded[seg_start:seg_end])
            ):
                return text.split(" · ")[0].strip()
    return None


# A postal-code line: "75008 Paris", "1016 DG Amsterdam", "Austin, TX 78701", "London EC1A 1BB", "D-80331".
_POSTAL_LINE = re.compile(
    r"(?<![\d.,])\d{4,6}(?![\d.,])|(?<![A-Za-z])[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}(?![A-Za-z])|"
    r"(?<![A-Za-z])[A-Z]{2}\s\d{5}(?:-\d{4})?(?!\d)"
)


def _same_name(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


def _overlaps(block: Block, line_indexes: list[int], x0: float, x1: float) -> bool:
    """True when lines of ``block`` are among ``line_indexes`` in the same column."""
    shared = set(block.line_indexes).intersection(line_indexes)
    return bool(shared) and horizontal_overlap(block.x0, block.x1, x0, x1) > 0


def _address_block(ctx: PageContext, issuer: Block, limit: float) -> Block | None:
    """An unlabelled address block (window envelope without a return-address line): a name-like line
    followed by address lines with a postal code, in the upper part of the page, not the issuer's."""
    for line in ctx.lines:
        if line.top > ctx.page.height * 0.45 or line.top >= limit:
            break
        labels = ctx.header_labels.get(line.index, [])
        for seg_start, seg_end in line.segments():
            if any(seg_start <= label.start < seg_end for label in labels):
                continue
            text = line.text[seg_start:seg_end].strip()
            folded = line.folded[seg_start:seg_end].strip()
            letters = sum(c.isalpha() for c in text)
            if letters < 3 or letters < len(text) / 2 or _TITLE.match(folded) or _CONTACT.search(folded):
                continue
            if ":" in text or RECIPIENT_LABEL.match(folded) or ISSUER_LABEL.match(folded):
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
    issuer = _labelled_block(ctx, ISSUER_LABEL, limit)
    if issuer is None:
        issuer = _letterhead(ctx, set(recipient.line_indexes if recipient else []), limit) or Block()
    if recipient is None:
        recipient = _address_block(ctx, issuer, limit)
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
