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
    ACCOUNT_HOLDER_LABEL,
    CUSTOMER_ID_LABEL,
    DELIVERY_LABEL,
    ISSUER_LABEL,
    RECIPIENT_LABEL,
    RECIPIENT_VAT_HINT,
)
from invoiceflow.domain.extraction.layout import Line, fold, horizontal_overlap
from invoiceflow.domain.extraction.lazy_re import lazy_compile

_LEGAL_FORM = lazy_compile(
    # Not the letters of a Dutch or British postal code ("3511 AB Utrecht").
    r"(?<![a-z])(?<!\d\d\d\d\s)(gmbh|ag|kg|ohg|ug|e\.?\s?k\.?|ltd\.?|limited|llc|llp|inc\.?|corp\.?|plc|co\.|"
    r"s\.?a\.?s?\.?|s\.?a\.?r\.?l\.?|sarl|sas|s\.?l\.?u?\.?|s\.?r\.?l\.?|s\.?p\.?a\.?|b\.?v\.?|n\.?v\.?|"
    r"pvt\.?|private\s+limited|oy|ab|a/s|aps|as|sp\.\s*z\s*o\.?\s*o\.?|s\.?n\.?c\.?|s\.?a\.?s\.?u?|"
    r"v\.?o\.?f\.?|c\.?v\.?|e\.?v\.?|gbr|sagl|eurl|lda|kft|s\.?c\.?s\.?|s\.?coop\.?|"
    r"mbh|partg|se|lp|pllc|pc|pty|"
    # More forms seen abroad: Irish DAC/CLG, S.à r.l. with spaces, S.A.U., Baltic OÜ, Czech/Slovak s.r.o.
    # and a.s., Balkan d.o.o., Hungarian Zrt./Nyrt., Latin American Ltda., corporations in words.
    r"dac|clg|uc|s\.?\s?a\.?\s?r\.?\s?l\.?|s\.?a\.?u\.?|ou|s\.?\s?r\.?\s?o\.?|a\.\s?s\.|spol\.?|"
    r"d\.?\s?o\.?\s?o\.?|zrt\.?|nyrt\.?|ltda\.?|corporation|incorporated|company|"
    # Austrian e.U., Polish sp.j./sp.k., Portuguese Unipessoal Lda, Nordic ApS/ASA/Oyj, Czech v.o.s.
    r"e\.\s?u\.|sp\.\s?[jk]\.|unipessoal|asa|oyj|v\.o\.s\.)(?![a-z])"
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


# A code standing for the customer: one token with a digit ("K-4711", "47110", "C/0042").
_CODE = lazy_compile(r"[^\s]*\d[^\s]*")
# "Account: 99812", "Kd.-Nr.: 4711", "Ref. X-12": a label and a code heading a block, not its name.
_LABELLED_CODE = lazy_compile(r"[^\W\d_][\w.\- ]{0,24}[:#]\s*[^\s]*\d[^\s]*$")
# "Acme Ltd, 12 Harbour Road, Dublin": the address runs on after the name on one line.
_ADDRESS_PART = lazy_compile(r",\s+(?=[^,]*\d)")


def _address_parts(text: str) -> list[str]:
    """A name with its address on one line split into the name and the rest; a name with a comma of
    its own ("Lone Star Services, Inc.") stays whole, the cut is at the first part holding a digit."""
    m = _ADDRESS_PART.search(text)
    if m is None or sum(c.isalpha() for c in text[: m.start()]) < 3:
        return [text]
    return [text[: m.start()].strip(), text[m.end() :].strip()]


def _company_before_person(block: Block) -> None:
    """ "Ms. Jane Doe" over "Brightwater Foods Ltd": the block is addressed to a person at a company;
    the company (with its legal form) is the party."""
    if len(block.lines) < 2 or not _ATTENTION.match(fold(block.lines[0])):
        return
    if _LEGAL_FORM.search(fold(block.lines[1])):
        del block.lines[0], block.line_indexes[0]


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
            CUSTOMER_ID_LABEL.match(folded)
            or _NUMBER_ONLY.match(text)
            or _FOR_ATTENTION.match(folded)
            or _LABELLED_CODE.match(text)
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


_LABEL_JOINER = lazy_compile(r"\s*[:.]?\s*[/|]\s*")


def _bilingual_label_end(folded: str, pattern: re.Pattern[str], end: int, seg_end: int) -> int:
    """End of a label printed in two languages ("Cliente / Customer", "Verkäufer / Seller")."""
    while (joiner := _LABEL_JOINER.match(folded, end, seg_end)) is not None:
        other = pattern.match(folded, joiner.end(), seg_end)
        if other is None:
            break
        end = other.end()
    return end


def _labelled_block(ctx: PageContext, pattern: re.Pattern[str], limit: float) -> Block | None:
    for line in ctx.lines:
        if line.top >= limit:
            break
        segments = line.segments()
        for k, (seg_start, seg_end) in enumerate(segments):
            m = pattern.match(line.folded, seg_start)
            if not m or m.start() != seg_start or _bank_holder(ctx, line, m.group(0)):
                continue
            label_end = _bilingual_label_end(line.folded, pattern, m.end(), seg_end)
            rest = line.text[label_end:seg_end].strip(" :")
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
            if rest and len(rest) > 2 and not _CODE.fullmatch(rest):  # "Customer: K-4711" over the name
                block.lines[:0] = _address_parts(rest)
                block.line_indexes[:0] = [line.index] * (len(block.lines) - len(block.line_indexes))
            _company_before_person(block)
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


def _prominence(line: Line, median: float) -> float:
    """Line height over the page's median. A scan's word boxes vary by a tenth from line to line:
    there, heights that close count as equal (the position on the page then decides)."""
    ratio = line.height / median
    if line.ocr and abs(ratio - 1.0) < 0.15:
        return 1.0
    return ratio


# How much more prominent (line heights over the median) a name without a legal form must be to win the
# letterhead over one with a legal form.
_BRAND_MARGIN = 0.35


def _letterhead(ctx: PageContext, excluded: set[int], limit: float) -> Block | None:
    heights = sorted(line.height for line in ctx.lines) or [10.0]
    median = heights[len(heights) // 2]
    best: tuple[float, Line, int, int] | None = None
    best_form: tuple[float, Line, int, int] | None = None
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
            has_form = _LEGAL_FORM.search(folded) is not None
            score = _prominence(line, median) + (0.45 if has_form else 0.0)
            score -= line.top / ctx.page.height  # higher up is more letterhead-like
            if best is None or score > best[0]:
                best = (score, line, seg_start, seg_end)
            if has_form and (best_form is None or score > best_form[0]):
                best_form = (score, line, seg_start, seg_end)
    if best is None:
        return None
    if (
        best_form is not None
        and best_form is not best
        and best[0] - best_form[0] < _BRAND_MARGIN
        and best_form[1].top <= best[1].bottom + 3 * median
    ):
        # A brand word or logo read as text ("SERCO", a scan's box heights vary) a little taller than
        # the company name with its legal form: the name is the issuer.
        best = best_form
    _, line, seg_start, seg_end = best
    x0, x1 = line.span_x(seg_start, seg_end)
    block = _block_below(ctx, line, x0, x1, max_lines=4)
    if _addressed(ctx, line, block) and line.index not in excluded:
        # An addressee block ("Herrn Lars Hansen" under the company): look again without it.
        return _letterhead(ctx, excluded | {line.index, *block.line_indexes}, limit)
    block.lines.insert(0, line.text[seg_start:seg_end].strip())
    block.line_indexes.insert(0, line.index)
    prominent = line.height > median * 1.15
    has_form = bool(_LEGAL_FORM.search(block.lines[0].lower()))
    block.confidence = 0.55 + (0.15 if prominent else 0.0) + (0.15 if has_form else 0.0)
    return block


# "Acme GmbH · Street 1 · City"; OCR reads the middle dot as "-", "»", "*", "+" or "°".
def _addressed(ctx: PageContext, line: Line, block: Block) -> bool:
    """True when a line of the block under ``line`` (a skipped "t.a.v." line too) addresses a person:
    the block is where the letter goes."""
    last = block.line_indexes[-1] if block.line_indexes else line.index
    for below in ctx.lines[line.index + 1 : min(last, line.index + 3) + 1]:
        text = _segment_text(below, block.x0, block.x1)
        if text and _ATTENTION.match(fold(text)):
            return True
    return False


_SENDER_SEPARATORS = lazy_compile(r"\s[·•|»«*+°~]\s|\s[-–]\s")


def _median_height(ctx: PageContext) -> float:
    heights = sorted(line.height for line in ctx.lines)
    return heights[len(heights) // 2] if heights else 10.0


def _sender_line_block(ctx: PageContext) -> tuple[str, Block] | None:
    """Window-envelope layout (DIN 5008 and its kin): a one-line return address ("Acme GmbH · Street 1
    · City") sits right above the recipient's address block. Usually small; at body size it must read
    as one: a name first, a postal code in a later part, an address block with a postal code below."""
    median = _median_height(ctx)
    for line in ctx.lines:
        if line.top > ctx.page.height * 0.5:
            break
        small = line.height <= 0.88 * median
        # The whole line too: OCR may cut a return-address line into segments at a wide separator.
        for seg_start, seg_end in [*line.segments(), (0, len(line.text))]:
            text = line.text[seg_start:seg_end]
            parts = _SENDER_SEPARATORS.split(text)
            plain = len(parts) < 3  # "Acme GmbH, Street 1, 12345 City": commas must read as an address
            if plain:
                parts = _COMMA_PARTS.split(text)
            if len(parts) < 3 or (
                seg_start == 0 and seg_end == len(line.text) and line.index in ctx.header_labels
            ):
                continue
            if (plain or not small) and not _return_address(parts):
                continue
            x0, x1 = line.span_x(seg_start, seg_end)
            block = _block_below(ctx, line, x0, x0 + 0.6 * (x1 - x0) + 20, max_lines=6)
            if len(block.lines) < 2:
                continue
            if not small and not any(_POSTAL_LINE.search(t) for t in block.lines[1:4]):
                continue
            block.confidence = 0.78
            return parts[0].strip(), block
    return None


_COMMA_PARTS = lazy_compile(r",\s+")


def _return_address(parts: list[str]) -> bool:
    """Parts of a return address: a name (letters, no digit) first, a postal code in a later part."""
    name = parts[0].strip()
    if any(c.isdigit() for c in name) or sum(c.isalpha() for c in name) < 3 or ":" in name:
        return False
    return any(_POSTAL_LINE.search(part) for part in parts[1:])


def _footer_name(ctx: PageContext) -> str | None:
    """A company name with a legal form in the page footer (where bank and VAT data usually sit)."""
    for line in ctx.lines:
        if line.top < ctx.page.height * 0.8:
            continue
        for seg_start, seg_end in line.segments():
            # "Acme GmbH · Street 1 · VAT DE123…": the name is one part of a separated footer line.
            for part in _SENDER_SEPARATORS.split(line.text[seg_start:seg_end]):
                name = _name_before_contact(part)
                if name is not None:
                    return name
    return None


_NAME_END = lazy_compile(r"[\s,;:·•|(–-]+$")


_BANK_WORD = lazy_compile(r"iban|bic|swift")
_BANK_NAME = lazy_compile(
    r"(?<![a-z])(?:bank|banque|banco|banca|sparkasse|kasse|credit|kredit)|bank(?![a-z])"
)


def _name_before_contact(part: str, holder: bool = False) -> str | None:
    """The company name (with a legal form) at the start of a legal or VAT line: "Acme Ltd, VAT No.
    IE63…" → "Acme Ltd", "Acme GmbH · USt-IdNr. …" → "Acme GmbH"; None without a legal form."""
    contact = _CONTACT.search(part.lower())
    if contact is not None and not holder and _BANK_WORD.match(part.lower(), contact.start()):
        return None  # "Commerzbank AG, IBAN …": the bank, not the issuer
    head = part if contact is None else part[: contact.start()]
    head = _NAME_END.sub("", head).strip()
    if not head or ":" in head or head.count(",") > 1:
        return None
    folded = head.lower()
    form = _LEGAL_FORM.search(folded)
    if form is None or sum(c.isalpha() for c in head) < 4 or form.start() == 0:
        return None
    if not holder and _BANK_NAME.search(folded):
        return None
    return head


def _vat_line_name(ctx: PageContext, identifiers: list[Identifier]) -> str | None:
    """The issuer named on the line of its VAT id ("Acme Ltd · VAT IE6388047V")."""
    for ident in identifiers:
        if ident.kind not in ("vat", "gstin"):
            continue
        line = ctx.lines[ident.line]
        seg_start, _ = line.segment_span(ident.start)
        before = line.folded[seg_start : ident.start]
        if RECIPIENT_VAT_HINT.search(before[-40:]):
            continue
        for part in _SENDER_SEPARATORS.split(line.text[seg_start : ident.start]):
            name = _name_before_contact(part)
            if name is not None:
                return name
    return None


def _account_holder(ctx: PageContext) -> str | None:
    """The payee named beside the bank details ("Account holder: Acme Ltd", "Kontoinhaber: …")."""
    for line in ctx.lines:
        for seg_start, seg_end in line.segments():
            m = ACCOUNT_HOLDER_LABEL.match(line.folded, seg_start)
            if m is None or m.start() != seg_start:
                continue
            text = line.text[m.end() : seg_end].strip(" :")
            if not text and line.index + 1 < len(ctx.lines):
                x0, x1 = line.span_x(seg_start, seg_end)
                text = _segment_text(ctx.lines[line.index + 1], x0, x1 + 60) or ""
            # "Account holder: Acme Ltd, IBAN …": the name ends where the bank data starts.
            name = _name_before_contact(text, holder=True) if text else None
            if name is not None:
                return name
    return None


# A postal-code line: "75008 Paris", "1016 DG Amsterdam", "Austin, TX 78701", "London EC1A 1BB", "D-80331".
_POSTAL_LINE = lazy_compile(
    # A code of 4-6 digits, not a piece of a hyphenated account or phone number ("1122-3344-55").
    r"(?<![\d.,])(?<!\d-)\d{4,6}(?![\d.,]|-\d)|(?<![A-Za-z])[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}(?![A-Za-z])|"
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
        hints = (sender_name, footer, _account_holder(ctx), _vat_line_name(ctx, identifiers))
        for hint in hints:
            if hint and _LEGAL_FORM.search(hint.lower()) and not _same_name(hint, recipient.name):
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
