"""The customer's block when no label names it: an unlabelled postal block (the address window), a
"Customer name" field, the block under a payment slip's payer; and whether a block taken for the letterhead
is in fact such a window (a plain address at body size, a person addressed by salutation).
"""

from __future__ import annotations

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.identifiers import Identifier
from invoiceflow.domain.extraction.labels import ISSUER_LABEL
from invoiceflow.domain.extraction.layout import Line, fold
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.party_blocks import (
    BLOCK_HEADING,
    LABELLED_CODE,
    POSTAL_LINE,
    STREET_LINE,
    Block,
    block_below,
    company_before_person,
    heading_like,
    nameless_address,
    overlaps,
    segment_at,
    starts_block_label,
)
from invoiceflow.domain.extraction.party_hints import footer_top, median_height, registered_name
from invoiceflow.domain.extraction.party_letterhead import agrees_with_mail, page_mail_names
from invoiceflow.domain.extraction.party_names import (
    LEGAL_FORM,
    PERSON,
    SALUTATION,
    TITLE,
    garbled,
    has_contact_data,
    name_head,
    same_name,
)


def _first_labelled(ctx: PageContext, block: Block) -> int | None:
    """Position in the block of the first line with a header label in the block's column, if any."""
    for k, index in enumerate(block.line_indexes):
        line = ctx.lines[index]
        span = segment_at(line, block.x0, block.x1)
        if span and any(span[0] <= label.start < span[1] for label in ctx.header_labels.get(index, [])):
            return k
    return None


# "Name: Olivia Grant", "Guest name:", "Nom du client :" heading a customer's details without any block
# label (receipts of studios, hotels, practices). Not "Company name:": sellers print their details so too.
_PERSON_NAME_LABEL = lazy_compile(
    r"(?:(?:customer|client|guest|patient|member|passenger|student)\s+)?(?:name|nom|nombre|naam|nome)"
    r"(?:\s+(?:du|del|do)\s+(?:client|cliente))?\s*:\s*"
)


def named_customer(ctx: PageContext, issuer: Block, limit: float) -> Block | None:
    """The person a "Name:" line names in the upper page when no labelled or unlabelled block was found."""
    taken = set(issuer.line_indexes)
    for line in ctx.lines:
        if line.top > ctx.page.height * 0.45 or line.top >= limit:
            break
        if line.index in taken:
            continue
        for seg_start, seg_end in line.segments():
            m = _PERSON_NAME_LABEL.match(line.folded, seg_start)
            if m is None or m.start() != seg_start:
                continue
            name = name_head(line.text[m.end() : seg_end].strip())
            if sum(c.isalpha() for c in name) < 3 or any(c.isdigit() for c in name):
                continue
            if same_name(name, issuer.name):
                continue
            x0, x1 = line.span_x(seg_start, seg_end)
            return Block([name], [line.index], 0.5, x0, x1)
    return None


def address_block(ctx: PageContext, issuer: Block, limit: float, excluded: list[Block]) -> Block | None:
    """An unlabelled address block (window envelope without a return-address line): a name-like line
    followed by address lines with a postal code, in the upper part of the page, not the issuer's and
    not a delivery address (``excluded``). A block with phone, e-mail or VAT lines is a sender's: taken
    only when no other block qualifies."""
    senders: list[Block] = []
    loose: Block | None = None
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
            if letters < 3 or letters < len(text) / 2 or TITLE.match(folded) or has_contact_data(folded):
                continue
            if ":" in text or starts_block_label(folded) or ISSUER_LABEL.match(folded):
                continue
            if (line.ocr and garbled(text)) or BLOCK_HEADING.fullmatch(folded):
                continue  # "PRIVATE & CONFIDENTIAL", "Herrn" over the block: the name is the next line
            x0, x1 = line.span_x(seg_start, seg_end)
            if any(overlaps(other, [line.index], x0, x1) for other in [*excluded, *senders]):
                continue  # a delivery address beside the block, or a sender's block already seen
            block = block_below(ctx, line, x0, x1, max_lines=5, named=True)
            if not block.lines or overlaps(issuer, [line.index, *block.line_indexes], x0, x1):
                continue
            if nameless_address(folded, block.lines[0]):
                continue  # "Am Hafen 19" over "20095 Hamburg": an address whose name is a logo
            labelled = _first_labelled(ctx, block)
            if (
                labelled is not None
                and len(line.segments()) == 1
                and len(text.split()) >= 2
                and any(POSTAL_LINE.search(below) for below in block.lines[:labelled])
            ):
                # The address, then the header fields in its column with no gap between (an office
                # suite's HTML import stacks the two columns): the block ends at the first label. Only
                # under a name standing alone on its line (not a return-address strip, not OCR litter).
                del block.lines[labelled:], block.line_indexes[labelled:]
            elif labelled is not None:
                continue  # "Bill number …", "Bill date …" under a title: a column of header fields
            # British addresses put the postcode last, after street, locality and town.
            if not any(POSTAL_LINE.search(text) for text in block.lines[:4]):
                if loose is None and _postcode_free_address(ctx, line, text, block):
                    block.lines.insert(0, text)
                    block.line_indexes.insert(0, line.index)
                    block.confidence = 0.5
                    loose = block
                continue
            block.lines.insert(0, text)
            block.line_indexes.insert(0, line.index)
            company_before_person(block)
            if (
                len(block.lines) > 2
                and heading_like(text)
                and PERSON.fullmatch(block.lines[1])
                # "Ma jolie boutique" over its contact person: a shop's name, spelt by the page's e-mail
                # or web address ("majolieboutique.net"), is no box heading.
                and not agrees_with_mail(folded, page_mail_names(ctx))
            ):
                del block.lines[0], block.line_indexes[0]  # "Kaupandi" heading a box over "Jón Ólafsson"
            block.confidence = 0.6 + (0.1 if LEGAL_FORM.search(fold(block.lines[0])) else 0.0)
            if contact_lines(block):
                senders.append(block)
                continue
            return block
    if senders:
        senders[0].confidence = 0.5
        return senders[0]
    return loose


def _postcode_free_address(ctx: PageContext, line: Line, name: str, block: Block) -> bool:
    """An address without a postal code (Hong Kong, Ireland, Gulf states, a town alone) in the window
    zone of the page: a name, a street line with its house number, then lines of words only (district,
    town, country)."""
    if not 0.1 * ctx.page.height <= line.top <= 0.4 * ctx.page.height or not 2 <= len(block.lines) <= 4:
        return False
    if contact_lines(block) or LABELLED_CODE.match(name) or any(c.isdigit() for c in name):
        return False
    street, *rest = block.lines
    return bool(STREET_LINE.fullmatch(fold(street))) and all(
        not any(c.isdigit() for c in town) and sum(c.isalpha() for c in town) >= 3 for town in rest
    )


def block_named(ctx: PageContext, name: str, limit: float) -> Block | None:
    """The block above ``limit`` whose first line is ``name`` alone in its cell, with the address lines
    under it."""
    wanted = fold(name)
    for line in ctx.lines:
        if line.top >= limit:
            break
        for seg_start, seg_end in line.segments():
            if line.folded[seg_start:seg_end].strip() != wanted:
                continue
            x0, x1 = line.span_x(seg_start, seg_end)
            block = block_below(ctx, line, x0, x1, max_lines=5, named=True)
            if block.lines and any(POSTAL_LINE.search(text) for text in block.lines[:4]):
                return Block([name, *block.lines], [line.index, *block.line_indexes], 0.7, x0, x1)
    return None


def contact_lines(block: Block) -> int:
    """Lines of the block with phone, e-mail, web or registry data."""
    return sum(1 for text in block.lines if has_contact_data(fold(text)))


def window_taken_for_letterhead(
    ctx: PageContext, issuer: Block, footer: str | None, identifiers: list[Identifier]
) -> bool:
    """True when the letterhead guess is an address block at body size (a name over two address lines
    or more, no contact data) and only the footer's legal name agrees with the page's e-mail or web
    address, or is the company the footer registers for tax."""
    if footer is None or same_name(footer, issuer.name) or not plain_address_block(ctx, issuer):
        return False
    names = page_mail_names(ctx)
    # The footer's name is the one the page's e-mail or web address spells, or the one its legal lines
    # register ("Atelier Brun SAS" over "SAS au capital de … RCS Paris …"): ERP reports print the company
    # only there and the customer's block at body size where a letterhead would sit.
    return (
        agrees_with_mail(fold(footer), names)
        or same_name(footer, registered_name(ctx, Block()))
        or _ids_only_in_footer(ctx, identifiers)
    )


def _ids_only_in_footer(ctx: PageContext, identifiers: list[Identifier]) -> bool:
    """True when the page's VAT ids and IBANs all stand in its footer: the company the footer names is
    the one registered for tax and paid, and the only block up top (a logo prints no name) is the
    customer's, never a letterhead that would carry them."""
    top = footer_top(ctx)
    ids = [ident for ident in identifiers if ident.kind in ("vat", "gstin", "iban")]
    return bool(ids) and all(ctx.lines[ident.line].top >= top for ident in ids)


def plain_address_block(ctx: PageContext, block: Block) -> bool:
    """True when the block is a name over two address lines or more at body size, without contact data
    and without the name the page's e-mail or web address spells: a customer's window, as a sender's
    letterhead is printed larger or carries its phone and e-mail."""
    if block.name is None or not block.line_indexes:
        return False
    if ctx.lines[block.line_indexes[0]].height > 1.15 * median_height(ctx):
        return False  # printed larger than the body: a letterhead
    if len(block.lines) < 3 or contact_lines(block):
        return False  # a name alone, or a block with the phone and e-mail lines of a business
    return not agrees_with_mail(fold(block.name), page_mail_names(ctx))


def addressed_person(ctx: PageContext, block: Block) -> bool:
    """True when the block is a person addressed by a salutation ("M.", "Frau", "Mrs") over a postal
    address, printed at body size with no contact data: a customer's window, not a sender's letterhead."""
    if len(block.lines) < 3 or not block.line_indexes or contact_lines(block):
        return False
    line = ctx.lines[block.line_indexes[0]]
    m = SALUTATION.match(line.folded)
    return (
        m is not None
        and line.height <= 1.15 * median_height(ctx)
        and line.text[m.end() : m.end() + 1].isupper()
        and LEGAL_FORM.search(line.folded) is None
        and any(POSTAL_LINE.search(text) for text in block.lines[1:])
    )
