"""Issuer and recipient: name and address blocks, VAT ids and bank details assigned to a party.

The recipient is the block under (or right of, or centred beside) a "Bill to / Rechnungsempfänger /
Facturé à / Cliente" label, else the block under a return-address line, else an unlabelled postal
block (lines that only head it, such as "Frau" or "PRIVATE & CONFIDENTIAL", a "Name:" field label, a
contact person over the company, are not its name). The issuer is the block under a "From / Seller /
Lieferant" label, else the letterhead: the most prominent name-like text near the top that is not in
the recipient block, preferring names with a legal-form suffix (GmbH, Ltd, S.A., B.V., S.r.l., Pvt.
Ltd., …); a logo word gives way to the legal name printed elsewhere (footer sentence, payee, a company
line with its address). A block with phone, e-mail or VAT lines is the sender's. An IBAN the page
calls the customer's (a direct debit's source) is not the issuer's.

Real invoices add: a return-address line far above the window (an empty note zone between), "Attn:"
before the company billed, a seller's label under the items, the payee or seller named in a sentence
("in favour of", "sold by", "zugunsten"), a company over its registered-office line, the page's e-mail
or web address spelling the sender's name; titles, number lines, field headings, bracketed notes and
sentences are never a name.

``extract_parties`` decides between the candidates and assigns the ids; the candidates come from
``party_labels`` (labelled blocks), ``party_letterhead``, ``party_address_window`` (unlabelled blocks) and
``party_hints`` (names printed elsewhere), all read as ``party_blocks`` and ``party_names`` define.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.identifiers import Identifier
from invoiceflow.domain.extraction.labels import (
    CUSTOMER_ACCOUNT_HINT,
    ISSUER_LABEL,
    RECIPIENT_LABEL,
    RECIPIENT_VAT_HINT,
)
from invoiceflow.domain.extraction.layout import fold
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.party_address_window import (
    address_block,
    addressed_person,
    block_named,
    contact_lines,
    named_customer,
    plain_address_block,
    window_taken_for_letterhead,
)
from invoiceflow.domain.extraction.party_blocks import POSTAL_LINE, Block
from invoiceflow.domain.extraction.party_hints import (
    account_holder,
    company_line,
    footer_name,
    footer_sender,
    legal_name_of,
    median_height,
    payee_in_sentence,
    payment_slip_top,
    registered_footer_sender,
    registered_name,
    repeated_in_footer,
    sender_line_block,
    slip_name,
    vat_line_name,
)
from invoiceflow.domain.extraction.party_labels import (
    customer_number_block,
    find_delivery_blocks,
    labelled_block,
    labelled_name_below,
)
from invoiceflow.domain.extraction.party_letterhead import letterhead
from invoiceflow.domain.extraction.party_names import LEGAL_FORM, OWNED_BY, name_head, same_name
from invoiceflow.domain.extraction.party_thanks import thanked_store
from invoiceflow.domain.extraction.party_wrapped import join_wrapped_names
from invoiceflow.domain.extraction.unverified_ids import unverified_ibans, unverified_vat_ids
from invoiceflow.domain.extraction.vat_owner import (
    info_block_owner,
    labelled_owner,
    row_text,
    row_x0,
    section_owner,
    third_party,
)


def _owner_below(block: Block) -> str | None:
    """The legal owner named on a line under a brand's name ("a division of Harbor Logistics Ltd", "Ein
    Unternehmen der Korn Gruppe GmbH"); None when no such line follows."""
    for text in block.lines[1:3]:
        if (m := OWNED_BY.match(" " + fold(text))) is not None:
            owner = name_head(text[m.end() - 1 :].strip(" )"))
            if LEGAL_FORM.search(fold(owner)) and sum(c.isalpha() for c in owner) >= 3:
                return owner
    return None


def _row_under(ctx: PageContext, block: Block, ident: Identifier) -> bool:
    """True when the id's line comes right under the block's last line, no gap between them: the block's
    own VAT row that its reading stopped short of ("York LS1 4AB" over "VAT Reg No 865205774"). Only
    for a block found with some confidence (an unlabelled guess may be the sender's own)."""
    if not block.line_indexes or block.confidence < 0.6:
        return False
    last = ctx.lines[block.line_indexes[-1]]
    line = ctx.lines[ident.line]
    return ident.line == last.index + 1 and line.top - last.bottom <= 0.6 * line.height


# Below every rank a confirmed VAT id can have for the issuer (0-3).
_UNCHECKED_RANK = 4


@dataclass
class Parties:
    issuer: Block
    recipient: Block
    issuer_vat: Identifier | None
    recipient_vat: Identifier | None
    iban: Identifier | None
    bic: Identifier | None


def _customer_account(ctx: PageContext, ident: Identifier) -> bool:
    """True when words before the IBAN on its line, or ending the line above when the sentence wraps,
    make it the customer's account ("… von Ihrem Konto / IBAN DE02 …", "debited from your account")."""
    line = ctx.lines[ident.line]
    seg_start = line.segment_span(ident.start)[0]
    # Only the IBAN's own sentence or field: "Please quote your account number. IBAN …" is the payee's.
    sentence = max(
        [seg_start, *(m.end() for m in _SENTENCE_END.finditer(line.folded, seg_start, ident.start))]
    )
    if CUSTOMER_ACCOUNT_HINT.search(line.folded, sentence, ident.start):
        return True
    if (
        sentence > seg_start
        or ident.line == 0
        or ctx.lines[ident.line - 1].folded.rstrip().endswith((".", ":"))
    ):
        return False
    above = ctx.lines[ident.line - 1]
    tail = above.folded[-60:]
    tail = tail[max([0, *(m.end() for m in _SENTENCE_END.finditer(tail))]) :]
    return line.top - above.bottom < line.height and CUSTOMER_ACCOUNT_HINT.search(tail) is not None


# The end of a sentence or of a field in a run of them ("… reference. IBAN …", "Bank: X | IBAN …").
_SENTENCE_END = lazy_compile(r"[.;!?]\s+|\s[|·•]\s")


def _debit_note(ctx: PageContext) -> bool:
    """True when a line of the page speaks of a direct debit or the customer's own account."""
    return any(CUSTOMER_ACCOUNT_HINT.search(line.folded) for line in ctx.lines)


# A payment slip's party labels (the Swiss QR-bill's, in its four languages): "Account / Payable to"
# names the payee (the issuer) under its account, "Payable by" the payer (the customer).
_SLIP_PAYEE = lazy_compile(
    r"(?:konto|compte|conto|account)\s*/\s*(?:zahlbar\s+an|payable\s+a|pagabile\s+a|payable\s+to)"
)
_SLIP_PAYER = lazy_compile(r"zahlbar\s+durch|payable\s+par|pagabile\s+da|payable\s+by")


def _name_extends(short: str, full: str) -> bool:
    """True when ``full`` starts with all the words of ``short`` and has more ("KLARA" → "Klara Weber
    Textildesign")."""
    short_words, full_words = fold(short).split(), fold(full).split()
    return len(full_words) > len(short_words) and full_words[: len(short_words)] == short_words


def extract_parties(ctx: PageContext, identifiers: list[Identifier], table_top: float | None) -> Parties:
    """``table_top``: y of the items table header (or first row); party blocks sit above it, and above
    a tear-off payment slip."""
    # A VAT id or IBAN printed after its label with wrong check digits is the next best after a confirmed
    # one (validation flags it): listed after them, ranked below them for the issuer.
    identifiers = [
        *identifiers,
        *unverified_vat_ids(ctx.lines, identifiers),
        *unverified_ibans(ctx.lines, identifiers),
    ]
    limit = ctx.page.height if table_top is None else table_top
    limit = min(limit, payment_slip_top(ctx))
    recipient = labelled_block(ctx, RECIPIENT_LABEL, limit)
    sender_name = None
    if recipient is None:
        sender = sender_line_block(ctx)
        if sender is not None:
            sender_name, recipient = sender
            if ctx.lines[recipient.line_indexes[0]].top > limit:
                sender_name, recipient = None, None
    delivery_blocks = find_delivery_blocks(ctx, limit)
    delivery = {index for block in delivery_blocks for index in block.line_indexes}
    issuer = labelled_block(ctx, ISSUER_LABEL, limit)
    from_letterhead = issuer is None
    if issuer is None:
        excluded = delivery.union(recipient.line_indexes if recipient else [])
        issuer = letterhead(ctx, excluded, limit) or Block()
    letterhead_lines = set(issuer.line_indexes) if from_letterhead else set()
    if recipient is None:
        recipient = customer_number_block(ctx, delivery.union(issuer.line_indexes), limit)
    if recipient is None:
        recipient = address_block(ctx, issuer, limit, delivery_blocks)
    if recipient is None:
        recipient = named_customer(ctx, issuer, limit)
    recipient = recipient or Block()
    if (
        recipient.confidence <= 0.7
        and contact_lines(issuer) == 0
        and contact_lines(recipient) >= 2
        and any(POSTAL_LINE.search(text) for text in issuer.lines[1:])
    ):
        # An unlabelled block with the phone, e-mail or VAT lines of a business is the sender's; the
        # postal address without any printed larger beside it is the customer's.
        issuer, recipient = (
            Block(recipient.lines, recipient.line_indexes, 0.6, recipient.x0, recipient.x1),
            issuer,
        )
        recipient.confidence = 0.55
    footer = footer_name(ctx)
    if same_name(footer, recipient.name) and not same_name(footer, issuer.name):
        # The footer (bank and VAT data) belongs to the issuer: the blocks were read the wrong way round.
        issuer, recipient = recipient, issuer
    elif (
        recipient.confidence < 0.85
        and repeated_in_footer(ctx, recipient)
        and not repeated_in_footer(ctx, issuer)
    ):
        # The page's foot repeats the unlabelled guess's name and street (a freelancer's name, address,
        # phone and e-mail): only the sender prints its own address there, the blocks were swapped.
        issuer, recipient = (
            Block(recipient.lines, recipient.line_indexes, 0.6, recipient.x0, recipient.x1),
            Block(issuer.lines, issuer.line_indexes, 0.55, issuer.x0, issuer.x1),
        )
    elif (
        from_letterhead
        and not recipient.lines
        and window_taken_for_letterhead(ctx, issuer, footer, identifiers)
    ):
        # A body-size address block taken for the letterhead while the footer's legal name is the one the
        # page's e-mail or web address spells: the block is the customer's window, the footer the issuer's.
        recipient = Block(issuer.lines, issuer.line_indexes, 0.6, issuer.x0, issuer.x1)
        issuer = Block(lines=[footer or ""], confidence=0.72)
    elif (
        from_letterhead
        and not recipient.lines
        and (registered := registered_footer_sender(ctx, identifiers)) is not None
        and not same_name(registered, issuer.name)
        and plain_address_block(ctx, issuer)
    ):
        # The only block up top is a plain address at body size and the footer, laid out like a return
        # address, prints the sender with its VAT id: the block is the customer's window.
        recipient = Block(issuer.lines, issuer.line_indexes, 0.6, issuer.x0, issuer.x1)
        issuer = Block(lines=[registered], confidence=0.6)
    elif from_letterhead and not recipient.lines and addressed_person(ctx, issuer):
        # "M. Julien Moreau" over his street and town at body size: an addressee, never a letterhead.
        recipient = Block(issuer.lines, issuer.line_indexes, 0.6, issuer.x0, issuer.x1)
        issuer = Block()
    payee = slip_name(ctx, _SLIP_PAYEE) if from_letterhead else None
    if payee and not same_name(payee, issuer.name) and not same_name(payee, recipient.name):
        # A payment slip names its payee, the issuer, under the account: a letterhead guess that is the
        # slip's payer or an address block at body size was the customer's window.
        payer = slip_name(ctx, _SLIP_PAYER)
        window = block_named(ctx, payer, limit) if payer and not recipient.lines else None
        if window is not None:
            # The slip's payer printed over an address up top: the customer's window.
            if set(window.line_indexes) & set(issuer.line_indexes) or not LEGAL_FORM.search(
                fold(issuer.name or "")
            ):
                issuer = Block(lines=[payee], confidence=0.72)
            recipient = window
        elif not recipient.lines and (same_name(payer, issuer.name) or plain_address_block(ctx, issuer)):
            recipient = Block(issuer.lines, issuer.line_indexes, 0.6, issuer.x0, issuer.x1)
            issuer = Block(lines=[payee], confidence=0.72)
        elif issuer.name is None or not LEGAL_FORM.search(fold(issuer.name)):
            issuer = Block(lines=[payee], confidence=0.72)
    issuer_has_form = bool(issuer.name and LEGAL_FORM.search(issuer.name.lower()))
    if not issuer_has_form and issuer.name and (legal := legal_name_of(ctx, issuer.name, recipient)):
        # "Northbeam Analytics" in the letterhead, "Northbeam Analytics Inc." over its address.
        issuer = Block(
            [legal, *issuer.lines[1:]], issuer.line_indexes, issuer.confidence, issuer.x0, issuer.x1
        )
        issuer_has_form = True
    if (
        not issuer_has_form
        and issuer.name
        and (holder := account_holder(ctx, plain=True)) is not None
        and _name_extends(issuer.name, holder)
    ):
        # "KLARA" as the logo, "Klara Weber Textildesign" as the account's holder: the full name.
        issuer = Block(
            [holder, *issuer.lines[1:]], issuer.line_indexes, issuer.confidence, issuer.x0, issuer.x1
        )
    if not issuer_has_form and (owner := _owner_below(issuer)) is not None:
        # "Brightline" over "a division of Harbor Logistics Ltd": the legal owner is the issuer.
        issuer = Block(
            [owner, *issuer.lines[1:]], issuer.line_indexes, issuer.confidence, issuer.x0, issuer.x1
        )
        issuer_has_form = True
    if not issuer_has_form:
        # The letterhead may be a logo: the return-address line, the footer, the payee, a seller's block
        # under the items ("Service provider:") or the legal footer names the issuer. Tried in turn.
        billed = recipient
        hints: tuple[Callable[[], str | None], ...] = (
            lambda: sender_name,
            lambda: footer,
            lambda: account_holder(ctx),
            lambda: payee_in_sentence(ctx),
            lambda: vat_line_name(ctx, identifiers, table_top),
            lambda: company_line(ctx, billed, limit),
            lambda: labelled_name_below(ctx, limit),
            lambda: registered_name(ctx, billed),
        )
        for find in hints:
            hint = find()
            if hint and LEGAL_FORM.search(hint.lower()) and not same_name(hint, recipient.name):
                replaced = issuer
                issuer = Block(lines=[hint], confidence=0.72)
                if not recipient.lines and replaced.lines:
                    # The letterhead guess may have been the customer's window block (printed at body
                    # size, a brand's block is larger): look for it again.
                    window = address_block(ctx, issuer, limit, delivery_blocks)
                    body_size = 1.15 * median_height(ctx)
                    if window is not None and ctx.lines[window.line_indexes[0]].height <= body_size:
                        recipient = window
                break
    if issuer.name is None:
        # No letterhead and no name with a legal form anywhere (a freelancer, a studio): the return-address
        # line over the window or the bank account's holder still names the sender.
        for hint in (sender_name, account_holder(ctx, plain=True)):
            if hint and not same_name(hint, recipient.name) and sum(c.isalpha() for c in hint) >= 3:
                issuer = Block(lines=[hint], confidence=0.5)
                break
    if letterhead_lines and recipient.confidence < 0.85:
        numbered = customer_number_block(ctx, delivery, limit)
        if (
            numbered is not None
            and issuer.line_indexes[:1] != numbered.line_indexes[:1]
            and not same_name(numbered.name, issuer.name)
            and letterhead_lines.intersection(numbered.line_indexes)
        ):
            # The letterhead's block ran on into the customer's under its customer number ("Réf. client
            # 4711" over the addressee, right under a brand): the addressee is the recipient.
            recipient = numbered
            if len(issuer.lines) == len(issuer.line_indexes):
                keep = [k for k, i in enumerate(issuer.line_indexes) if i not in numbered.line_indexes]
                issuer = Block(
                    [issuer.lines[k] for k in keep],
                    [issuer.line_indexes[k] for k in keep],
                    issuer.confidence,
                    issuer.x0,
                    issuer.x1,
                )
    # A letterhead guess no larger than body text and without legal form (a tagline, a slogan, a till's
    # address line under its logo) gives way to the shop a receipt thanks the reader for visiting, else
    # to the sender named first in a footer laid out like a return address.
    weak = issuer.name is None or (issuer.confidence <= 0.55 and not LEGAL_FORM.search(fold(issuer.name)))
    if weak and (store := thanked_store(ctx)) is not None and not same_name(store, recipient.name):
        if not same_name(store, issuer.name):
            issuer = Block(lines=[store], confidence=0.55)
    elif weak and (name := footer_sender(ctx)) is not None and not same_name(name, recipient.name):
        issuer = Block(lines=[name], confidence=0.5)  # the footer's first part, a guess
    issuer = join_wrapped_names(ctx, issuer, set(recipient.line_indexes))
    recipient = join_wrapped_names(ctx, recipient, set(issuer.line_indexes))
    recipient_lines = set(recipient.line_indexes)
    issuer_lines = set(issuer.line_indexes)
    issuer_name = (issuer.name or "").casefold()
    issuer_vat = recipient_vat = iban = bic = in_block_iban = None
    issuer_rank = -_UNCHECKED_RANK - 1
    for ident in identifiers:
        line = ctx.lines[ident.line]
        before = line.folded[: ident.start]
        if ident.kind in ("vat", "gstin"):
            # In the customer's block: the id inside its column, or its row ("VAT no.: …") starting at the
            # block's left edge though the id itself stands right of the block's widest name line.
            in_block = (ident.line in recipient_lines or _row_under(ctx, recipient, ident)) and (
                recipient.x0 - 10 <= ident.x0 <= recipient.x1 + 10
                or abs(row_x0(line, ident.start) - recipient.x0) <= 10
            )
            owner = labelled_owner(before)  # "Käufer USt-IdNr.", "TVA vendeur", "our VAT no."
            hinted = bool(RECIPIENT_VAT_HINT.search(before[-40:]))
            label = row_text(line, ident.start)
            if (
                not RECIPIENT_VAT_HINT.search(label)
                and labelled_owner(label) is None
                and info_block_owner(ctx.lines, ctx.header_labels, ident.line, ident.start) == "issuer"
            ):
                # A row of the sender's information block (with the invoice number and dates) printed
                # beside the recipient's address: words of the address column left of it do not count.
                owner, hinted = "issuer", False
            if owner is None and not hinted:
                # No party named beside it: the heading of the section it stands in ("Acheteur" over
                # "N° TVA …") names it, whichever section the page prints first.
                owner = section_owner(ctx.lines, ident.line, ident.start, table_top)
            for_recipient = in_block or owner == "recipient" or hinted
            if for_recipient and owner != "issuer":
                recipient_vat = recipient_vat or ident
                continue
            # The issuer's id: labelled as the seller's, in the issuer's block, or beside the issuer's name
            # (a footer line), wins over an id standing alone (which may belong to an unrecognised
            # recipient block).
            # An id named as a payment provider's or a bank's gives way even to one standing alone.
            seg_start, _ = line.segment_span(ident.start)
            rank = 0 if third_party(line.folded[seg_start : ident.start]) else 1
            if ident.line in issuer_lines or (issuer_name and issuer_name in line.text.casefold()):
                rank = 2
            if owner == "issuer":
                rank = 3
            if not ident.checked:
                rank -= _UNCHECKED_RANK  # any confirmed id of the issuer's wins over it
            if rank > issuer_rank:
                issuer_vat, issuer_rank = ident, rank
        elif ident.kind == "iban" and iban is None and not _customer_account(ctx, ident):
            labelled = (
                recipient.confidence >= 0.85
            )  # unlabelled blocks may be guesses running into bank lines
            if (
                labelled
                and ident.line in recipient_lines
                and recipient.x0 - 10 <= ident.x0 <= recipient.x1 + 10
            ):
                in_block_iban = in_block_iban or ident
                continue  # printed inside the customer's block: the customer's account (a SEPA mandate)
            iban = ident
        elif ident.kind == "bic" and bic is None:
            bic = ident
    if iban is None and in_block_iban is not None and not _debit_note(ctx):
        # The only IBAN on the page, under the customer's address in its column, and no word of a direct
        # debit anywhere: the payee's bank details printed below the address block, not a mandate.
        iban = in_block_iban
    return Parties(issuer, recipient, issuer_vat, recipient_vat, iban, bic)
