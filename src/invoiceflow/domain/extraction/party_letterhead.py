"""The letterhead: the most prominent name-like text near the top that no label names and that is not
the customer's window, preferring names with a legal form and names the page's e-mail or web address spells
(letter-spaced or tracked names, a name wrapped over two lines or split across a cell, a brand over its
owner line).
"""

from __future__ import annotations

import re
from itertools import pairwise

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.labels import ISSUER_LABEL
from invoiceflow.domain.extraction.layout import Line, fold
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.party_blocks import (
    BRACKETED_NOTE,
    POSTAL_LINE,
    STREET_LINE,
    Block,
    block_below,
    name_run_end,
    nameless_address,
    segment_at,
    segment_text,
    starts_block_label,
)
from invoiceflow.domain.extraction.party_names import (
    ATTENTION,
    COPYRIGHT,
    LEGAL_FORM,
    OWNED_BY,
    TITLE,
    garbled,
    has_contact_data,
    name_head,
    name_like,
    prose,
    same_name,
)

# A number or code line, not a name: "# 2024-117", "No. INV_0042", "invoice_number_1".
_NUMBER_LABEL = lazy_compile(r"(?:#|n[o°º]\.|n[°º]|nr\.)\s*\S*[\d_]\S*")
_ID_CHARS = frozenset("0123456789_#")


def _id_line(folded: str) -> bool:
    """A number or code line, not a name: "# 2024-117", "No. INV_0042", "invoice_number_1"."""
    return bool(_NUMBER_LABEL.fullmatch(folded)) or all(not _ID_CHARS.isdisjoint(w) for w in folded.split())


# The last word of a field label heading a value under it ("Booking ID", "Order Number", "Hotel
# Details", "Payment Mode").
_FIELD_HEADING_WORDS = frozenset(
    {"id", "no", "no.", "nr", "nr.", "number", "nummer", "numero", "date", "datum", "mode", "code", "details",
     "reference", "ref", "ref."}
)  # fmt: skip


def _prominence(line: Line, median: float) -> float:
    """Line height over the page's median. A scan's word boxes vary by a tenth from line to line:
    there, heights that close count as equal (the position on the page then decides)."""
    ratio = line.height / median
    if line.ocr and abs(ratio - 1.0) < 0.15:
        return 1.0
    return ratio


# A North American town line: the town, its state or province, the ZIP or postal code.
_TOWN_STATE_CODE = lazy_compile(
    r"[^\W\d_][^\W\d_ .'\-]*(?:[ .'\-]+[^\W\d_]+)*,?\s+[A-Z]{2}\.?\s+"
    r"(?:\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)"
)
# A European town line: the postal code, then the town ("3953 Aarhus C", "401 40 Göteborg", "1495-915
# Braga", "A-1010 Wien", "Praha 2", "15859 Torino (MI)").
_POSTCODE_TOWN = lazy_compile(
    r"(?:[A-Z]{1,2}-)?(?:\d{4,5}|\d{3}\s\d{2}|\d{2}-\d{3}|\d{4}-\d{3})\s+[^\W\d_]+(?:[\s.'\-]+[^\W\d_]+)*"
    r"(?:\s+\d{1,2})?(?:\s+\([A-Z]{2}\))?"
)
# How much more prominent (line heights over the median) a name without a legal form must be to win the
# letterhead over one with a legal form.
_BRAND_MARGIN = 0.35
# Score bonuses of a letterhead candidate: a legal form in it, the page's e-mail or web address spelling it.
_FORM_BONUS = 0.45
_MAIL_BONUS = 0.5
# An e-mail address or web site on the page: its names (local part and domain labels) often spell the
# sender's name ("lena@fischbach-design.de", "www.nordlicht-studio.com").
_ADDRESS_NAMES = lazy_compile(r"([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)|(?:www\.|https?://)([\w-]+(?:\.[\w-]+)+)")
_NAME_PIECE = lazy_compile(r"[^\W\d_]{4,}")
# Mailbox and provider names that say nothing about who sends.
_GENERIC_MAIL_WORDS = frozenset(
    {
        "info", "mail", "email", "contact", "kontakt", "billing", "invoice", "invoices", "rechnung",
        "buchhaltung", "facturation", "factura", "fatture", "support", "hello", "office", "sales",
        "accounts", "account", "admin", "service", "services", "team", "noreply", "reply", "gmail",
        "yahoo", "hotmail", "outlook", "googlemail", "icloud", "online", "post", "mailbox", "orange",
        "free", "wanadoo", "libero", "fake", "example", "html", "https", "http",
    }
)  # fmt: skip


def page_mail_names(ctx: PageContext) -> list[str]:
    """Folded names of the page's e-mail addresses and web sites, generic mailbox words left out."""
    names: list[str] = []
    for line in ctx.lines:
        if "@" not in line.text and "www." not in line.folded and "http" not in line.folded:
            continue
        for m in _ADDRESS_NAMES.finditer(line.folded):
            for part in m.groups():
                if part:
                    names.extend(
                        piece for piece in _NAME_PIECE.findall(part) if piece not in _GENERIC_MAIL_WORDS
                    )
    return names


def agrees_with_mail(folded: str, mail_names: list[str]) -> bool:
    """True when a word of the candidate (four letters or more), or its words run together, is spelt in
    an e-mail or web name of the page ("Lena Fischbach" ~ "fischbach-design", "Quality Hosting" ~
    "qualityhosting")."""
    if not mail_names:
        return False
    words = [w for w in _NAME_PIECE.findall(folded) if not LEGAL_FORM.fullmatch(w)]
    joined = "".join(words)
    return any(
        (len(joined) >= 4 and joined in name) or any(word in name for word in words) for name in mail_names
    )


# A document title run on after the name ("Northwind Cloud Invoice", "Atelier Brun Facture").
_TRAILING_TITLE = lazy_compile(
    r"\s+(?:tax\s+)?(?:invoice|rechnung|facture|factura|fattura|factuur|receipt|quittung|statement|bill|"
    # Nordic, Finnish, Polish, Czech, Portuguese, Hungarian, Turkish, Romanian titles.
    r"faktura|lasku|fatura|szamla|faktura\s+vat|factura\s+fiscala)$"
)
# A heading that addresses the reader ("Your services", "Vos services", "Ihre Leistungen", "Uw diensten",
# "I tuoi servizi", "Sus servicios"): a section of the bill, never the sender's name.
_POSSESSIVE_HEADING = lazy_compile(
    r"(?:your|vos|votre|ihre?|uw|jouw|sus?|tus?|vuestr[oa]s?|(?:il|la|i|le)\s+(?:tuo|tua|tuoi|tue|suo|sua|"
    r"suoi|sue|vostr[oaie]))\s+[^\W\d_]{3,}"
)
# One to three words, then a colon: a field's label ("Viivis:", "Maksājuma mērķis: …").
_FIELD_LABEL_WORDS = lazy_compile(r"[^\W\d_][^\s:]*(?:\s+[^\s:]+){0,2}:(?:\s|$)")


def letterhead(ctx: PageContext, excluded: set[int], limit: float) -> Block | None:
    heights = sorted(line.height for line in ctx.lines) or [10.0]
    median = heights[len(heights) // 2]
    mail_names: list[str] | None = None
    best: tuple[float, Line, int, int] | None = None
    best_form: tuple[float, Line, int, int] | None = None
    opening: tuple[float, Line, int, int] | None = None  # the page's first candidate
    for line in ctx.lines:
        if line.top > ctx.page.height * 0.35 or line.top >= limit:
            break
        if line.index in excluded:
            continue
        # The line's score before its text's bonuses: a line that cannot win even with them is skipped.
        placed = _prominence(line, median) - line.top / ctx.page.height  # higher up is more letterhead-like
        if best_form is not None and placed + _FORM_BONUS + _MAIL_BONUS <= best_form[0]:
            continue
        labels = ctx.header_labels.get(line.index, [])
        after_colon = False
        for seg_start, seg_end in line.segments():
            if any(seg_start <= label.start < seg_end for label in labels):
                continue  # "Invoice No." beside the letterhead: only that segment is a label
            text = raw = line.text[seg_start:seg_end].strip()
            value_of_label, after_colon = after_colon, raw.endswith(":")
            if value_of_label:
                continue  # the value after a label's colon ("Viivis:  0,05% päevas")
            folded = line.folded[seg_start:seg_end].strip()
            if (head := name_head(text)) != text:
                text, folded = head, fold(head)  # "Acme Ltd | Company No. … | VAT …": the name leads
            letters = sum(c.isalpha() for c in text)
            if letters < 3 or TITLE.match(folded) or has_contact_data(folded) or letters < len(text) / 2:
                continue
            has_form = LEGAL_FORM.search(folded) is not None
            score = placed + (_FORM_BONUS if has_form else 0.0)
            if not (
                best is None
                or score + _MAIL_BONUS > best[0]
                or (has_form and (best_form is None or score + _MAIL_BONUS > best_form[0]))
            ):
                continue  # cannot win: the checks below need not run
            if (
                _id_line(folded)
                or BRACKETED_NOTE.fullmatch(text)
                or prose(text)
                or _OWNER_LINE.match(folded)
                or COPYRIGHT.match(folded)
            ):
                continue  # "# invoice_number_1", "(copy for your records)", a sentence, "© …": no name
            if folded.rsplit(None, 1)[-1] in _FIELD_HEADING_WORDS and not has_form:
                continue  # "Booking ID" over its value: a field's label
            if starts_block_label(folded) or ISSUER_LABEL.match(folded) or (line.ocr and garbled(text)):
                continue
            next_text = ctx.lines[line.index + 1].text if line.index + 1 < len(ctx.lines) else ""
            if not has_form and (
                nameless_address(folded, next_text) or nameless_address(fold(raw), next_text)
            ):
                # "Via Cantonale 4" over "6500 Bellinzona": a street, the name above it or none (also when the
                # name's head cut "Via Roma, 12" at its comma).
                continue
            if not has_form and (_TOWN_STATE_CODE.fullmatch(raw) or _POSTCODE_TOWN.fullmatch(raw)):
                # "SAN MATEO, CA 94401" under a till's logo image, "3953 Aarhus C" under a letterhead set
                # in the invoice data's type: the town, no name.
                continue
            if not has_form and (_POSSESSIVE_HEADING.match(folded) or _FIELD_LABEL_WORDS.match(raw)):
                # "Your services", "Ihre Leistungen": a section's heading; "Viivis:", "Valūta: EUR": a
                # field's label, its colon waiting for the value.
                continue
            mail_names = page_mail_names(ctx) if mail_names is None else mail_names
            if agrees_with_mail(folded, mail_names):
                score += _MAIL_BONUS  # the page's e-mail or web address spells it: the sender's own name
            if best is None:
                opening = (score, line, seg_start, seg_end)
            if best is None or score > best[0]:
                best = (score, line, seg_start, seg_end)
            if has_form and (best_form is None or score > best_form[0]):
                best_form = (score, line, seg_start, seg_end)
    if best is None:
        return None
    if (
        best_form is not None
        and best_form is not best
        and (best[0] - best_form[0] < _BRAND_MARGIN or _brand_over_legal_name(best, best_form))
        and best_form[1].top <= best[1].bottom + 3 * median
    ):
        # A brand word or logo read as text ("SERCO", a scan's box heights vary) a little taller than
        # the company name with its legal form, or one word of any size right over it ("RIMI" over "SIA
        # Rimi Latvija"): the name is the issuer.
        best = best_form
    if opening is not None and best is not opening and _top_block_over_window(ctx, opening, best, median):
        best = opening
    _, line, seg_start, seg_end = best
    segments = line.segments()
    k = segments.index((seg_start, seg_end)) if (seg_start, seg_end) in segments else -1
    if k > 0 and name_run_end(ctx, line, *segments[k - 1]) >= seg_end:
        seg_start = segments[k - 1][0]  # "Atelier   Brun SARL": the name's words before a wide gap
    x0, x1 = line.span_x(seg_start, seg_end)
    block = block_below(ctx, line, x0, x1, max_lines=4, named=True)
    addressing = _addressing_line(ctx, line, block)
    if addressing is not None and _after_blank_line(ctx, line, addressing):
        # "MVM Muster" / "Versicherungsverein a.G." / blank / "Herrn …": the sender's name over the
        # addressee's block, a blank line between them; the block is the name's lines above the gap.
        keep = [k for k, index in enumerate(block.line_indexes) if index < addressing]
        block = Block(
            [block.lines[k] for k in keep], [block.line_indexes[k] for k in keep], x0=block.x0, x1=block.x1
        )
    elif addressing is not None and line.index not in excluded:
        # An addressee block ("Herrn Lars Hansen" under the company): look again without it.
        return letterhead(ctx, excluded | {line.index, *block.line_indexes}, limit)
    first = (
        _letters_joined(line, seg_start, seg_end)
        or _tracked_run(line, seg_start, seg_end)
        or line.text[seg_start : name_run_end(ctx, line, seg_start, seg_end)].strip()
    )
    # "Northwind Cloud Invoice": the name leads (also when the name's run took the title's cell beside it).
    if (title := _TRAILING_TITLE.search(fold(first))) is not None and len(
        first[: title.start()].split()
    ) >= 2:
        first = first[: title.start()].strip()
    if (upper := _name_start_above(ctx, line, seg_start, excluded)) is not None:
        first = f"{upper} {first}"  # "MVM Musterhafter" / "Versicherungsverein Musterstadt a.G."
    if _JOINED_END.search(first) and block.line_indexes:
        below = ctx.lines[block.line_indexes[0]]
        if abs(below.height - line.height) <= 0.15 * line.height:
            # "BERGMANN &" over "PARTNER" in the same type: one name wrapped at its joining word.
            first = f"{first} {block.lines.pop(0)}"
            block.line_indexes.pop(0)
    if block.line_indexes and _forms_only(fold(block.lines[0])):
        # "Tipografia Ribeirinha Unipessoal" over "Lda." in the same type: the name's legal form wrapped.
        below = ctx.lines[block.line_indexes[0]]
        cell = segment_at(below, x0, x1)
        if cell is not None and _form_alone_under_cell(below, *cell, line) is not None:
            first = f"{first} {block.lines.pop(0)}"
            block.line_indexes.pop(0)
    if (other := _other_party_below(ctx, first, line, block)) is not None:
        # The customer's block set right under the sender's name, no gap and no label (an office suite's
        # HTML import drops the spacing and the columns): the letterhead ends where the other name begins.
        del block.lines[other:], block.line_indexes[other:]
    block.lines.insert(0, first)
    block.line_indexes.insert(0, line.index)
    prominent = line.height > median * 1.15
    has_form = bool(LEGAL_FORM.search(block.lines[0].lower()))
    block.confidence = 0.55 + (0.15 if prominent else 0.0) + (0.15 if has_form else 0.0)
    return block


def _brand_over_legal_name(brand: tuple[float, Line, int, int], legal: tuple[float, Line, int, int]) -> bool:
    """One word (a brand) and a name with its legal form, not the brand's owner line ("a division of
    Harbor Logistics Ltd" says whose brand it is: ``_owner_below`` reads that)."""
    _, line, seg_start, seg_end = brand
    _, legal_line, legal_start, legal_end = legal
    return (
        len(line.text[seg_start:seg_end].split()) == 1
        and OWNED_BY.match(" " + legal_line.folded[legal_start:legal_end].strip()) is None
    )


def _other_party_below(ctx: PageContext, name: str, line: Line, block: Block) -> int | None:
    """Position in the letterhead's block (the lines under ``name``, printed on ``line``) of a line naming
    another party over a postal address: a name with a legal form of its own while ``name`` has one too
    (a name's first line over its wrapped remainder, "MVM Muster" / "Versicherungsverein a.G.", and a
    brand over its owner, "a division of …", do not count), or, right under ``name``, any name over an
    address other than the one the page prints under ``name`` again (a footer's sender block)."""
    named_form = LEGAL_FORM.search(fold(name)) is not None
    for k, text in enumerate(block.lines[:2]):
        folded = fold(text)
        if not name_like(text) or _OWNER_LINE.match(folded) or same_name(text, name) or _id_line(folded):
            continue
        postal = [n for n, below in enumerate(block.lines[k + 1 : k + 4]) if POSTAL_LINE.search(below)]
        if not postal or POSTAL_LINE.search(text) or STREET_LINE.fullmatch(text):
            continue
        if named_form and LEGAL_FORM.search(folded):
            return k
        address = {" ".join(below.split()) for below in block.lines[k + 1 : k + 2 + postal[0]]}
        sender = _sender_address_lines(ctx, name, {line.index, *block.line_indexes})
        if k == 0 and sender and not address <= sender:
            return k
    return None


def _sender_address_lines(ctx: PageContext, name: str, skip: set[int]) -> set[str]:
    """The address lines the page prints under ``name`` where it names it again (the sender's block in
    the footer), outside the lines ``skip``."""
    found: set[str] = set()
    for line in ctx.lines:
        if line.index in skip or name not in line.text:
            continue
        start = line.text.index(name)
        x0, x1 = line.span_x(start, start + len(name))
        block = block_below(ctx, line, x0, x1, max_lines=3, named=True)
        if any(POSTAL_LINE.search(text) for text in block.lines):  # an address, not a footer's other data
            found.update(" ".join(text.split()) for text in block.lines)
    return found


# A name's line ending on a joining word: the name goes on on the next line ("Bergmann &" / "Partner").
_JOINED_END = lazy_compile(r"\s(?:&|\+|und|and|et|y|e|en|och|og)$", re.IGNORECASE)


def _top_block_over_window(
    ctx: PageContext, top: tuple[float, Line, int, int], best: tuple[float, Line, int, int], median: float
) -> bool:
    """True when the page opens with a name over its postal address (an ERP report's company block, often
    in small type) and the winning candidate is a body-size name lower down that only its legal form
    carried ("Kestrel Web" / "Unit 5 …" / "Leeds LS1 4AB" at the top, "Abbott Dental Ltd" in the window):
    the page's first block is the sender's, the lower one the customer's."""
    _, line, seg_start, seg_end = top
    _, other, other_start, other_end = best
    if line.top > ctx.page.height * 0.1 or other.height > 1.15 * median:
        return False
    if other.top < line.bottom + 2 * median:
        return False
    if agrees_with_mail(other.folded[other_start:other_end], page_mail_names(ctx)):
        return False  # the page's e-mail or web address spells the lower name: it is the sender's
    block = block_below(ctx, line, *line.span_x(seg_start, seg_end), max_lines=4, named=True)
    below = [index for index in block.line_indexes if index != line.index]
    if other.index in below:
        return False
    # A letterhead strip: the name, then its postal address on the same line, in its segment or the next
    # ones ("Acme Ltd   5 High St · Leeds LS1 4AB").
    head = name_head(line.text[seg_start:seg_end].strip())
    strip_address = line.text[seg_start:].strip()[len(head) :]
    return bool(POSTAL_LINE.search(strip_address)) or any(
        POSTAL_LINE.search(ctx.lines[k].text) for k in below
    )


# A name's first line that the line under it continues: it holds an acronym ("MVM Musterhafter", "ACME
# Northern") or ends on a joining word ("Kessler &", "Weber und"); a person's name over a company is
# neither ("Anna Weber" / "Weber Consulting GmbH" stays two lines).
_NAME_WRAPS = lazy_compile(r"(?:^|\s)[A-Z]{2,5}(?:\s|$)|(?:&|\+|\bund|\band|\bet|\by|\be|\ben|-)$")


def _name_start_above(ctx: PageContext, line: Line, seg_start: int, excluded: set[int]) -> str | None:
    """The first part of a company name wrapped onto two lines, the legal form on the lower one: the
    line right above, set tight, flush with it and at its size, without a form of its own."""
    if line.index == 0 or not LEGAL_FORM.search(line.folded[seg_start:]):
        return None
    above = ctx.lines[line.index - 1]
    seg_end = line.segment_span(seg_start)[1]
    x0, x1 = line.span_x(seg_start, seg_end)
    # A legal form alone on its line always continues the name above; right-aligned cells wrap flush
    # right ("Hollis & Crane Analytics" / "Inc." at the top right).
    alone = line.folded[seg_start:seg_end]
    form_alone = bool(LEGAL_FORM.fullmatch(alone.strip(" ,")) or LEGAL_FORM.fullmatch(alone.strip(" ,.")))
    above_start, above_end = _cell_over_name(above, x0, x1)
    above_x0, above_x1 = above.span_x(above_start, above_end)
    # OCR boxes a line's words by the line's median ink: with a logo's lettering beside the cell, the
    # line's height is not the cell's type size.
    cut = (above_start, above_end) != (0, len(above.text))
    if (
        above.index in excluded
        or line.top - above.bottom > 0.4 * line.height
        or (abs(above.height - line.height) > 0.1 * line.height and not (cut and above.ocr))
        or (abs(above_x0 - x0) > 2 and not (form_alone and abs(above_x1 - x1) <= 2))
        or (above_start, above_end) not in above.segments()
    ):
        # Another column's words beside the name share its lines ("Carpintaria Gonçalves & Filhos  Fatura
        # FT 2025A/17" over "Lda.  ATCUD: …"): the name's own cells, measured by their words, decide.
        # (The lower cell may hold forms only, "Unipessoal Lda.", and the upper end on one: "Tipografia
        # Ribeirinha Unipessoal" / "Lda.".)
        if not _forms_only(alone):
            return None
        # The line right above may be another column's only ("TAX INVOICE" set between the name's two
        # lines): the name's cell is on the line above that.
        for other in ctx.lines[max(0, line.index - 2) : line.index][::-1]:
            text = _form_alone_under_cell(line, seg_start, seg_end, other)
            if text is None or other.index in excluded:
                continue
            return text if name_like(text) and (form_alone or not LEGAL_FORM.search(fold(text))) else None
        return None
    text = above.text[above_start:above_end].strip()
    folded = above.folded[above_start:above_end].strip()
    wraps = form_alone or _NAME_WRAPS.search(text)
    if LEGAL_FORM.search(folded) or not wraps or not name_like(text):
        return None
    if has_contact_data(folded) or _id_line(folded) or TITLE.match(folded):
        return None
    return text


def _cell_over_name(above: Line, x0: float, x1: float) -> tuple[int, int]:
    """The text offsets of ``above`` that may hold a name's first line over the name's cell [x0, x1]: the
    whole line, or its one cell flush with the name when every other cell starts right of the name (a
    logo's lettering or another column beside it: "MVM Musterhafter      FeRD" over "Versicherungsverein
    Musterstadt a.G."). A line whose other cells reach over the name is returned whole."""
    cells = above.segments()
    flush = [cell for cell in cells if abs(above.span_x(*cell)[0] - x0) <= 2]
    beside = [cell for cell in cells if above.span_x(*cell)[0] > x1]
    if len(cells) > 1 and len(flush) == 1 and len(flush) + len(beside) == len(cells):
        return flush[0]
    return 0, len(above.text)


def _forms_only(folded: str) -> bool:
    """Text made of legal forms alone ("lda.", "unipessoal lda.", "s.r.o.")."""
    return bool(folded.strip()) and not any(c.isalpha() for c in LEGAL_FORM.sub("", folded))


def _cell_box(line: Line, seg_start: int, seg_end: int) -> tuple[float, float, float, float]:
    """(x0, top, x1, bottom) of the words of one segment."""
    first, last = line.word_at(seg_start), line.word_at(max(seg_start, seg_end - 1))
    words = line.words[first : last + 1]
    return words[0].x0, min(w.y0 for w in words), max(w.x1 for w in words), max(w.y1 for w in words)


def _form_alone_under_cell(line: Line, seg_start: int, seg_end: int, above: Line) -> str | None:
    """The cell of ``above`` a legal form alone in its cell continues: flush left with it, set tight
    over it at its size, judged by the two cells' own words (not the lines', which other columns'
    words share)."""
    fx0, ftop, _fx1, fbottom = _cell_box(line, seg_start, seg_end)
    size = fbottom - ftop
    for a_start, a_end in above.segments():
        ax0, atop, _ax1, abottom = _cell_box(above, a_start, a_end)
        if abs(ax0 - fx0) > 2:
            continue
        if ftop - abottom > 0.4 * size or abs((abottom - atop) - size) > 0.1 * size:
            return None
        return above.text[a_start:a_end].strip()
    return None


# The owner under a trade's name ("Inhaber: Anna Korn", "Inh. …", "Prop. …", "Titolare …"): not the name.
_OWNER_LINE = lazy_compile(
    r"(?:inh\.|inhaber(?:in)?|owner|prop\.|proprietor|proprietaire|titolare|eigenaar|propietari[oa])(?![a-z])"
)


def _letters_joined(line: Line, seg_start: int, seg_end: int) -> str | None:
    """A letter-spaced name ("N O R D L I C H T   S T U D I O") with its letters joined, a gap wider
    than the letters' spacing separating its words; None when the segment is not letter-spaced."""
    first, last = line.word_at(seg_start), line.word_at(max(seg_start, seg_end - 1))
    words = line.words[first : last + 1]
    singles = sum(1 for w in words if len(w.text) == 1 and w.text.isalpha())
    if len(words) < 4 or singles < 0.8 * len(words):
        return None
    gaps = sorted(b.x0 - a.x1 for a, b in pairwise(words))
    spacing = gaps[len(gaps) // 2]
    out = words[0].text
    for a, b in pairwise(words):
        out += (" " if b.x0 - a.x1 > 1.6 * spacing + 0.5 else "") + b.text
    return out


def _tracked_run(line: Line, seg_start: int, seg_end: int) -> str | None:
    """A name set with wide letter spacing ("N O R D L I C H T   S T U D I O" whose words a PDF's text
    layer joins) is cut into segments at its wide word gaps: the segment with the tracked segments right
    after it, each gap under two letter advances; None when the name is not tracked."""
    segments = line.segments()
    k = segments.index((seg_start, seg_end)) if (seg_start, seg_end) in segments else -1
    if k < 0 or k + 1 >= len(segments) or line.ocr:
        return None  # OCR boxes measure no font: their letters' advance says nothing of tracking
    xs = line.segment_x()

    def advance(j: int) -> float:
        text = line.text[segments[j][0] : segments[j][1]].replace(" ", "")
        return (xs[j][1] - xs[j][0]) / max(1, len(text))

    if advance(k) < 0.75 * line.height:
        return None
    end = k
    while (
        end + 1 < len(segments)
        and advance(end + 1) >= 0.75 * line.height
        and (xs[end + 1][0] - xs[end][1] < 2 * advance(end))
    ):
        end += 1
    return line.text[seg_start : segments[end][1]] if end > k else None


def _addressing_line(ctx: PageContext, line: Line, block: Block) -> int | None:
    """Index of the first line under ``line`` (in the block's column, a skipped "t.a.v." line too) that
    addresses a person ("Herrn", "Attn:"), if any."""
    last = block.line_indexes[-1] if block.line_indexes else line.index
    for below in ctx.lines[line.index + 1 : min(last, line.index + 3) + 1]:
        text = segment_text(below, block.x0, block.x1)
        if text and ATTENTION.match(fold(text)):
            return below.index
    return None


def _after_blank_line(ctx: PageContext, line: Line, index: int) -> bool:
    """True when the line ``index`` stands one blank line below the tightly set lines from ``line`` down
    (a sender's two-line name, then the addressee's block): two blocks set one under the other."""
    above = ctx.lines[line.index : index]
    if not above:
        return False
    height = max(ln.height for ln in above)
    if any(b.top - a.bottom > 0.4 * height for a, b in pairwise(above)):
        return False
    return ctx.lines[index].top - above[-1].bottom > 0.8 * height
