"""Where else a page names its issuer, when the letterhead is a logo or missing: the return-address
line over the window, the footer, the bank account's holder, a payee or seller named in a sentence, the line
with the VAT id, a company over its registered-office line, a payment slip's payee.
"""

from __future__ import annotations

import re

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.identifiers import Identifier
from invoiceflow.domain.extraction.labels import (
    ACCOUNT_HOLDER_LABEL,
    PAYMENT_SLIP_HEADING,
    RECIPIENT_VAT_HINT,
)
from invoiceflow.domain.extraction.layout import fold
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.party_blocks import (
    POSTAL_LINE,
    Block,
    block_below,
    company_before_person,
    overlaps,
    segment_at,
    segment_text,
    street_only,
)
from invoiceflow.domain.extraction.party_names import (
    CONTACT,
    CONTACT_VALUE,
    FORM_GAP,
    LEGAL_FORM,
    NAME_WORD,
    form_bracket_end,
    has_contact_data,
    prose,
)
from invoiceflow.domain.extraction.vat_owner import labelled_owner, section_owner

BANK_CONTEXT = lazy_compile(r"iban|bic|swift|bank|konto|compte|cuenta|rekening|conto|sort\s+code|routing")
# The widest gap (in line heights) between a return-address line and the window's address under it.
_WINDOW_GAP = 8.0
# "Acme GmbH · Street 1 · City"; OCR reads the middle dot as "-", "»", "*", "+" or "°".
_SENDER_SEPARATORS = lazy_compile(r"\s[·•|»«*+°~]\s|\s[-–]\s")


def median_height(ctx: PageContext) -> float:
    """The body text's line height: the median over the lines above a payment slip (a QR-bill or giro
    slip at the foot prints in its own small type)."""
    slip = payment_slip_top(ctx)
    heights = sorted(line.height for line in ctx.lines if line.top < slip) or sorted(
        line.height for line in ctx.lines
    )
    return heights[len(heights) // 2] if heights else 10.0


def sender_line_block(ctx: PageContext) -> tuple[str, Block] | None:
    """Window-envelope layout (DIN 5008 and its kin): a one-line return address ("Acme GmbH · Street 1
    · City") sits right above the recipient's address block. Usually small; at body size it must read
    as one: a name first, a postal code in a later part, an address block with a postal code below."""
    median = median_height(ctx)
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
            block = block_below(ctx, line, x0, x0 + 0.6 * (x1 - x0) + 20, max_lines=6)
            if len(block.lines) < 2 and small and _return_address(parts):
                # DIN 5008 and its kin: the return address heads the window, a note zone of a few lines
                # may stay empty between it and the address.
                block = block_below(
                    ctx, line, x0, x0 + 0.6 * (x1 - x0) + 20, max_lines=6, first_gap=_WINDOW_GAP
                )
            if len(block.lines) < 2:
                continue
            if not small and not any(POSTAL_LINE.search(t) for t in block.lines[1:4]):
                continue
            company_before_person(block)  # "Thomas Krüger" over "Krüger Bau GmbH": the company is billed
            block.confidence = 0.78
            sender = parts[0].strip()
            if street_only(sender):
                sender = ""  # "Seestrasse 107 · 8001 Zürich": a return address under a logo, no name
            return sender, block
    return None


_COMMA_PARTS = lazy_compile(r",\s+")


def _return_address(parts: list[str]) -> bool:
    """Parts of a return address: a name (letters, no digit) first, a postal code in a later part."""
    name = parts[0].strip()
    if any(c.isdigit() for c in name) or sum(c.isalpha() for c in name) < 3 or ":" in name:
        return False
    return any(POSTAL_LINE.search(part) for part in parts[1:])


# The page's bottom fifth is its footer...
FOOTER_SHARE = 0.8
# ...and so is a short last block below the page's top quarter, set apart from what stands above it and
# holding contact or bank data: a short invoice's footer follows its content, not the page's bottom edge.
FOOTER_BLOCK_LINES = 6
FOOTER_GAP = 3.0  # median line heights
FOOTER_LINE_GAP = 2.0  # lines of one footer block stand closer than this (median line heights)


def footer_top(ctx: PageContext) -> float:
    """Where the page's footer begins (see ``FOOTER_SHARE`` and ``FOOTER_BLOCK_LINES``)."""
    bottom = ctx.page.height * FOOTER_SHARE
    lines = sorted(ctx.lines, key=lambda line: line.top)
    if len(lines) <= FOOTER_BLOCK_LINES:
        return bottom
    median = median_height(ctx)
    last = len(lines) - 1
    while True:  # the lowest block above the bottom fifth (below it: a printed page footer, already in)
        first = last
        while first > 0 and lines[first].top - lines[first - 1].bottom < FOOTER_LINE_GAP * median:
            first -= 1
        if lines[first].top < bottom or first == 0:
            break
        last = first - 1
    block_lines = last + 1 - first
    if (
        first == 0
        or block_lines > FOOTER_BLOCK_LINES
        or lines[first].top - lines[first - 1].bottom < FOOTER_GAP * median
        or lines[first].top < ctx.page.height / 4
        or not any(CONTACT.search(line.text.lower()) for line in lines[first : last + 1])
    ):
        return bottom
    return min(bottom, lines[first].top)


def footer_name(ctx: PageContext) -> str | None:
    """A company name with a legal form in the page footer (where bank and VAT data usually sit)."""
    top = footer_top(ctx)
    for line in ctx.lines:
        if line.top < top:
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
    if sum(c.isalpha() for c in part) < 4:
        return None  # an amount or a code: no name (most parts of a footer's item rows)
    payee = ACCOUNT_HOLDER_LABEL.search(fold(part))
    if payee is not None:
        part = part[payee.end() :].strip(" :")  # "Please make checks payable to Acme LLC."
    contact = CONTACT.search(part.lower())
    named = _through_legal_form(part)
    if (
        contact is not None
        and contact.end() <= len(named) < len(part)
        and not CONTACT_VALUE.match(part, contact.end())
    ):
        # "Skyline Mobile Ltd, …": a contact word inside a name that ends at its legal form is the name's.
        contact = CONTACT.search(part.lower(), len(named))
    if contact is not None and not holder and _BANK_WORD.match(part.lower(), contact.start()):
        return None  # "Commerzbank AG, IBAN …": the bank, not the issuer
    head = part if contact is None else part[: contact.start()]
    head = _NAME_END.sub("", _through_legal_form(head)).strip()
    if not head or ":" in head or head.count(",") > 1:
        return None
    folded = head.lower()
    form = LEGAL_FORM.search(folded)
    if form is None or sum(c.isalpha() for c in head) < 4 or form.start() == 0:
        return None
    if prose(head[: form.start()]):
        return None  # "All services are provided by Acme GmbH": a sentence, the name is in it
    if not holder and _BANK_NAME.search(folded):
        return None
    return head


# What follows a name's legal form when the name has ended: a separator ("Acme Ltd, 1 Canal Street",
# "Acme Ltd · VAT …") or prose in lower case ("Murphy & Keane LLP is regulated by …").
_AFTER_NAME = lazy_compile(r"\s*[,;·•|(]|\s*\.?\s+[a-z]")
# A sentence's full stop after the name ("Acme Ltd. Registered in England …").
_NEXT_SENTENCE = lazy_compile(r"\.?\s+[A-Z][a-z]")


def _through_legal_form(text: str) -> str:
    """``text`` up to the legal form its name ends with: a footer sentence runs on after the name
    ("Skyline Mobile Ltd, 1 Canal Street, …", "Murphy & Keane LLP is regulated …"); a form followed by
    more name ("Acme GmbH & Co. KG") does not end it, and a form in lower-case prose ("… as always")
    is no name's."""
    folded = text.lower()
    for form in LEGAL_FORM.finditer(folded):
        if form.start() == 0 or form.end() == len(text):
            continue
        after = text[form.end() :]
        if after == ".":
            return text[: form.end()]  # "… Exteriors LLC.": the sentence ends with the name
        if not (_AFTER_NAME.match(after) or (_NEXT_SENTENCE.match(after) and folded[form.end() - 1] == ".")):
            continue
        if (gap := FORM_GAP.match(folded, form.end())) and LEGAL_FORM.match(folded, gap.end()):
            continue  # "ABC Trading Co., Ltd.": a second form follows, the name goes on
        printed = text[form.start() : form.end()]
        words = text[: form.start()].split()
        if (printed.islower() and "." not in printed) or not all(NAME_WORD.match(w) for w in words):
            return text
        return text[: form_bracket_end(fold(text), form.end())]  # "… UG (haftungsbeschränkt)" whole
    return text


def vat_line_name(ctx: PageContext, identifiers: list[Identifier], table_top: float | None) -> str | None:
    """The issuer named on the line of its VAT id ("Acme Ltd · VAT IE6388047V")."""
    for ident in identifiers:
        if ident.kind not in ("vat", "gstin"):
            continue
        line = ctx.lines[ident.line]
        seg_start, _ = line.segment_span(ident.start)
        before = line.folded[seg_start : ident.start]
        if RECIPIENT_VAT_HINT.search(before[-40:]) or labelled_owner(before) == "recipient":
            continue
        if section_owner(ctx.lines, ident.line, ident.start, table_top) == "recipient":
            continue  # under the buyer's heading: its name is the customer's
        for part in _SENDER_SEPARATORS.split(line.text[seg_start : ident.start]):
            name = _name_before_contact(part)
            if name is not None:
                return name
    return None


def _plain_holder(text: str) -> str | None:
    """A payee's name without legal form ("Lena Hoffmann · IBAN …", "Claire Fontaine Illustration"): the
    capitalised words before any separator or contact data; None for a sentence, a code or nothing."""
    head = _SENDER_SEPARATORS.split(text)[0]
    bank = BANK_CONTEXT.search(head.lower())
    if bank is not None and (bank.start() == 0 or head[bank.start() - 1] == " "):
        head = head[: bank.start()]  # "Paper Crane Studio Sort code 20-00-00": the bank data follows
    if (contact := CONTACT.search(head.lower())) is not None:
        head = head[: contact.start()]
    head = _NAME_END.sub("", head.split(",")[0]).strip()
    words = head.split()
    if not 1 <= len(words) <= 6 or ":" in head or any(c.isdigit() for c in head) or prose(head):
        return None
    if not words[0][:1].isupper() or sum(c.isalpha() for c in head) < 4:
        return None
    return head


def account_holder(ctx: PageContext, plain: bool = False) -> str | None:
    """The payee named beside the bank details ("Account holder: Acme Ltd", "Kontoinhaber: …"); with
    ``plain``, a name without legal form too."""
    for line in ctx.lines:
        for seg_start, seg_end in line.segments():
            m = ACCOUNT_HOLDER_LABEL.match(line.folded, seg_start)
            if m is None or m.start() != seg_start:
                continue
            text = line.text[m.end() : seg_end].strip(" :")
            x0, x1 = line.span_x(seg_start, seg_end)
            for below in ctx.lines[line.index + 1 : line.index + 3]:
                if text:
                    break
                text = segment_text(below, x0, x1 + 60) or ""
                if sum(c.isdigit() for c in text) > sum(c.isalpha() for c in text):
                    text = ""  # "Konto / Zahlbar an" over the IBAN, the name under it (a QR-bill)
            # "Account holder: Acme Ltd, IBAN …": the name ends where the bank data starts.
            name = _name_before_contact(text, holder=True) if text else None
            if name is None and plain and text:
                name = _plain_holder(text)
            if name is not None:
                return name
    return None


# "All payments to be made in favour of", "zugunsten von", "en faveur de", "a favor de", "a favore di",
# "ten gunste van", "payable to": the payee (the issuer) follows, in a sentence or on the line below.
_PAYEE_PHRASE = lazy_compile(
    r"(?<![a-z])(?:in\s+(?:the\s+)?favou?r\s+of|zu\s?gunsten(?:\s+von)?|en\s+faveur\s+de|"
    r"au\s+profit\s+de|a\s+favor\s+de|a\s+favore\s+di|ten\s+gunste\s+van|payable\s+to|made\s+out\s+to|"
    r"a\s+l'ordre\s+de|"
    # Who sells or provides, said in a sentence: "All services are sold by …", "erbracht von der …".
    r"(?:sold|provided|supplied|operated|rendered)\s+by|(?:verkauft|erbracht|geliefert)\s+(?:von|durch)|"
    r"(?:vendu|fourni|assure|opere)e?s?\s+par|(?:vendid|prestad|suministrad)[oa]s?\s+por|"
    r"(?:vendut|fornit|erogat)[oaie]\s+da|(?:verkocht|geleverd)\s+door)(?![a-z])\s*:?\s*"
    # An article before the name: "zugunsten der …", "sold by the …", "vendu par la société …".
    r"(?:(?:the|der|die|das|des|dem|la|le|les|el|il|lo|het|de)(?:\s+|$))?(?:(?:societe|firma|company)\s+)?"
)
# Word stems one of those phrases holds: a quick test that skips the lines without any (most of a page).
_PAYEE_STEMS = lazy_compile(
    r"fav|gunst|payable|made\s+out|ordre|profit|sold|provided|supplied|operated|rendered|verkauft|erbracht|"
    r"geliefert|vendu|fourni|assur|oper|vendid|prestad|suministr|vendut|fornit|erogat|verkocht|geleverd"
)


def payee_in_sentence(ctx: PageContext) -> str | None:
    """The company (with its legal form) a payment sentence names as payee: after the phrase on its
    line, or on the line right under it when the sentence breaks there."""
    for line in ctx.lines:
        if _PAYEE_STEMS.search(line.folded) is None:
            continue
        for seg_start, seg_end in line.segments():
            m = _PAYEE_PHRASE.search(line.folded, seg_start, seg_end)
            if m is None:
                continue
            text = line.text[m.end() : seg_end].strip(" :")
            if not text and line.index + 1 < len(ctx.lines):
                below = ctx.lines[line.index + 1]
                if below.top - line.bottom < 1.5 * line.height:
                    x0, x1 = line.span_x(seg_start, seg_end)
                    text = segment_text(below, x0, x1) or ""
            name = _name_before_contact(text, holder=True) if text else None
            if name is not None:
                return name
    return None


# Lines of a company's legal footer: registered office, register court and number, share capital,
# board, corporate identity number, in the lexicon's languages.
# No look-behind in front: the search then skips quickly to the words' first letters (see _registry_line).
_REGISTRY_LINE = lazy_compile(
    r"(?:regd\.?\s+office|registered\s+(?:office|address|in)|company\s+(?:no|number|reg)|"
    r"corporate\s+office|head\s+office|siege\s+social|sitz\s+der\s+gesellschaft|registergericht|"
    r"handelsregister|amtsgericht|hrb|hra|capital\s+social|share\s+capital|stammkapital|grundkapital|"
    r"capitale\s+sociale|sede\s+legale|domicilio\s+social|(?:registro|reg\.)\s+mercantil|rcs|siren|siret|kvk|cin|"
    r"vorstand|aufsichtsrat|geschaftsfuhrer(?:in)?|managing\s+director|gerant|amministratore)(?![a-z])"
)


def _registry_line(folded: str) -> bool:
    """True when ``folded`` holds a legal footer's word at a word start."""
    return any(m.start() == 0 or not folded[m.start() - 1].isalpha() for m in _REGISTRY_LINE.finditer(folded))


_CLOSING_LINES = 3  # the lines that end a page's text: where a short page prints its legal footer


def registered_name(ctx: PageContext, recipient: Block) -> str | None:
    """The company name (with a legal form) on a legal footer line of the lower page half or on one of
    the two lines above it ("Acme Private Limited" over "Registered Office: …"). A short page's legal
    lines close its text wherever that ends: the page's last lines count too."""
    closing = len(ctx.lines) - _CLOSING_LINES
    for line in ctx.lines:
        low = line.top >= ctx.page.height * 0.5 or (line.index >= closing and line.top > ctx.page.height / 4)
        if not low or not _registry_line(line.folded):
            continue
        for near in (line, *reversed(ctx.lines[max(0, line.index - 2) : line.index])):
            if line.top - near.bottom > 3 * line.height:
                continue
            for seg_start, seg_end in near.segments():
                if overlaps(recipient, [near.index], *near.span_x(seg_start, seg_end)):
                    continue
                for part in _SENDER_SEPARATORS.split(near.text[seg_start:seg_end]):
                    name = _name_before_contact(part)
                    if name is not None and not _registry_line(fold(name)):
                        return name
    return None


def legal_name_of(ctx: PageContext, name: str, recipient: Block) -> str | None:
    """The name printed elsewhere on the page with its legal form, starting with the letterhead's words
    ("Northbeam Analytics" → "Northbeam Analytics Inc.", a logo word "ACME" → "Acme Widgets GmbH"),
    outside the recipient's block; at most three more words before the form."""
    wanted = fold(" ".join(name.split()))
    for line in ctx.lines:
        if wanted not in line.folded:
            continue
        for seg_start, seg_end in line.segments():
            if (
                not line.folded.startswith(wanted, seg_start)
                or line.folded[seg_start + len(wanted) :][:1].isalnum()
            ):
                continue
            if overlaps(recipient, [line.index], *line.span_x(seg_start, seg_end)):
                continue
            legal = _name_before_contact(line.text[seg_start:seg_end])
            if legal is None or len(legal) <= len(wanted):
                continue
            form = LEGAL_FORM.search(fold(legal), len(wanted))
            if form is not None and len(legal[len(wanted) : form.start()].split()) <= 3:
                return legal
    return None


def payment_slip_top(ctx: PageContext) -> float:
    """Top of a payment slip's heading in the lower half of the page ("PAYMENT ADVICE", "Zahlteil");
    the page height when there is none."""
    for line in ctx.lines:
        # Anywhere on the line: "Receipt   Payment part", two headings of one slip, may read as one cell.
        if line.top > ctx.page.height * 0.5 and PAYMENT_SLIP_HEADING.search(line.folded):
            return line.top
    return ctx.page.height


_ACCOUNT_NUMBER = lazy_compile(r"[A-Z]{2}\d{2}[\s\dA-Z]{10,}")


def slip_name(ctx: PageContext, label: re.Pattern[str]) -> str | None:
    """The name a payment slip prints under ``label`` standing alone in its cell (an account number
    between them skipped): the slip's payee or payer."""
    slip = payment_slip_top(ctx)
    if slip >= ctx.page.height:
        return None
    for line in ctx.lines:
        if line.top < slip - line.height:
            continue
        for seg_start, seg_end in line.segments():
            if not label.fullmatch(line.folded[seg_start:seg_end].strip()):
                continue
            x0, x1 = line.span_x(seg_start, seg_end)
            for below in ctx.lines[line.index + 1 : line.index + 6]:
                span = segment_at(below, x0, max(x1, x0 + 100))
                if span is None:
                    continue
                text = below.text[span[0] : span[1]].strip()
                if _ACCOUNT_NUMBER.fullmatch(text):
                    continue
                return text if sum(c.isalpha() for c in text) >= 3 else None
    return None


def company_line(ctx: PageContext, recipient: Block, limit: float) -> str | None:
    """A line high on the page naming the company with its legal form before its address ("Sparkle
    Cleaning Ltd, 4 Mill Road, Cambridge CB1 2AD") under a logo word: the issuer's name."""
    taken = set(recipient.line_indexes)
    for line in ctx.lines:
        if line.top > ctx.page.height * 0.35 or line.top >= limit:
            break
        if line.index in taken:
            continue
        for seg_start, seg_end in line.segments():
            text = line.text[seg_start:seg_end]
            parts = _SENDER_SEPARATORS.split(text)
            if len(parts) < 2:
                parts = _COMMA_PARTS.split(text)
            if len(parts) >= 2 and _return_address(parts):
                name = _name_before_contact(parts[0])
                if name is not None:
                    return name
    return None


def repeated_in_footer(ctx: PageContext, block: Block) -> bool:
    """True when a line of the page's footer starts with the block's name and holds its street (the
    block's second line): the block's party printed its own name and address at the foot of the page."""
    if len(block.lines) < 2 or block.name is None:
        return False
    name, street = _spaced(block.name), _spaced(block.lines[1])
    if sum(c.isalpha() for c in name) < 3 or not any(c.isdigit() for c in street):
        return False
    top = footer_top(ctx)
    return any(
        line.top >= top
        and line.index not in block.line_indexes
        and (text := _spaced(line.text)).startswith(name)
        and street in text[len(name) :]
        for line in ctx.lines
    )


def _spaced(text: str) -> str:
    return " ".join(fold(text).split())


def footer_sender(ctx: PageContext) -> str | None:
    """The first part of a footer line laid out like a return address ("Lena Hofer Design | Ringstraße
    8 | 1010 Wien | …"): the sender's name when nothing else names it."""
    found = _footer_sender_line(ctx)
    return found[0] if found else None


def _footer_sender_line(ctx: PageContext) -> tuple[str, int] | None:
    """The sender's name of a footer line laid out like a return address, and the line's index."""
    top = footer_top(ctx)
    for line in ctx.lines:
        if line.top < top:
            continue
        parts = _SENDER_SEPARATORS.split(line.text)
        if len(parts) >= 3 and _return_address(parts) and not has_contact_data(fold(parts[0])):
            return parts[0].strip(), line.index
    return None


def registered_footer_sender(ctx: PageContext, identifiers: list[Identifier]) -> str | None:
    """The sender named first on a footer line laid out like a return address that also prints a VAT
    id ("Studio Lindqvist · Hamngatan 4 · 111 47 Stockholm · Momsreg.nr SE…"): only the issuer prints
    its own tax registration in its footer."""
    found = _footer_sender_line(ctx)
    if found is None:
        return None
    name, index = found
    return name if any(i.line == index and i.kind in ("vat", "gstin") for i in identifiers) else None
