"""A party's block of lines: ``Block``, and the block read down from its first line (``block_below``:
where the name ends on its line, which lines belong to the block, where another column or the items start),
with the line tests it needs (address, postal and street lines, field labels and codes heading a block).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.labels import (
    CUSTOMER_ID_LABEL,
    DELIVERY_LABEL,
    ISSUER_LABEL,
    RECIPIENT_LABEL,
)
from invoiceflow.domain.extraction.layout import Line, fold, horizontal_overlap
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.party_names import (
    ATTENTION,
    CARE_OF,
    CONTACT,
    DEPARTMENT,
    LEGAL_FORM,
    PARTICLES,
    PERSON,
    SALUTATION,
    TITLE,
    ends_with_form,
    has_contact_data,
    name_head,
    name_like,
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
        return name_head(self.lines[0]) if self.lines else None

    @property
    def address(self) -> str | None:
        rest = [line for line in self.lines[1:] if not CONTACT.search(line.lower())]
        return ", ".join(rest) if rest else None


def segment_at(line: Line, x0: float, x1: float) -> tuple[int, int] | None:
    """Text offsets of the segment of ``line`` lying under [x0, x1]."""
    for seg_start, seg_end in line.segments():
        sx0, sx1 = line.span_x(seg_start, seg_end)
        if horizontal_overlap(sx0, sx1, x0, x1) > 0 or abs(sx0 - x0) < 6:
            return seg_start, seg_end
    return None


def segment_text(line: Line, x0: float, x1: float) -> str | None:
    """Text of the segment of ``line`` lying under [x0, x1]."""
    span = segment_at(line, x0, x1)
    return line.text[span[0] : span[1]].strip() if span else None


def starts_block_label(folded: str) -> bool:
    """A recipient or delivery label opens another block: the block above ends there."""
    m = RECIPIENT_LABEL.match(folded) or DELIVERY_LABEL.match(folded)
    return m is not None and not label_word_of_name(folded, m.start(), m.end(), len(folded))


# What may follow a label word that is the first word of a name: a space, then a word or "&" (no colon).
_NAME_AFTER_LABEL_WORD = lazy_compile(r" +[&+]?\s*[^\W\d_]")


def label_word_of_name(folded: str, start: int, end: int, stop: int) -> bool:
    """True when the label word at ``folded[start:end]`` is the first word of a company's name ("Customer
    Care Partners LLP", "Client First Ltd", "Kunde & Partner GmbH"): one word, no colon after it, and the
    name that follows ends with its legal form."""
    word = folded[start:end]
    if not word.isalpha() or ":" in folded[end:stop] or not _NAME_AFTER_LABEL_WORD.match(folded, end, stop):
        return False
    head = name_head(folded[start:stop])
    return len(head.split()) >= 3 and ends_with_form(head)


# A line of the block that only carries the customer's number ("Customer No. 4711", "Kd.-Nr. 4711"):
# not the name.
_NUMBER_ONLY = lazy_compile(r"[\W\d_]*$")
# A note in brackets under a label ("(not for payment)", "(siehe Rückseite)"): an aside, never a name.
BRACKETED_NOTE = lazy_compile(r"[(\[][^()\[\]]*[)\]]\.?")
# A line that only heads an address block: a salutation alone ("Herrn", "Frau", "Firma", "Madame",
# "Exmo.(s) Sr.(s)", "Spett.le", "Messrs") or a confidentiality mark over a letter's addressee.
BLOCK_HEADING = lazy_compile(
    r"(?:herrn?|frau|firma|familie|monsieur|madame|mademoiselle|messieurs|mr\.?|mrs\.?|ms\.?|messrs\.?|"
    r"exm[oa]s?\.?\s*(?:\(s\)|\(as?\))?\.?\s*(?:sr[as]?|senhor(?:a|es)?)?\.?\s*(?:\(s\)|\(as?\))?\.?|"
    r"spett(?:\.\s?le|\.|abile)|gentile|egregio|senor(?:es)?|sr(?:es)?\.?|dhr\.?|mevr\.?|pan|pani|fru|"
    r"(?:strictly\s+)?(?:private\s*(?:&|and)\s*)?(?:confidential|personal)|persoonlijk|vertraulich|"
    r"personlich|persoenlich|confidentiel|personnel|riservat[oa]|confidencial|"
    # How the letter travels: "Per E-Mail", "Par courriel", "Por correo", "Priority Mail", "Einschreiben".
    r"(?:per|par|por|via|by)\s+(?:e-?mail|courriel|correo(?:\s+electronico)?|post[ea]?|fax)|"
    r"(?:priority|registered|certified|first\s+class)\s+mail|einschreiben|recommande|prioritaire)\s*:?\s*"
)
# A field label alone in its table cell, the name in the cell right of it ("Company | Acme Ltd",
# "Razón social | Hotel Mar Azul S.A.", "Firma | …").
_NAME_FIELD = lazy_compile(
    r"(?:(?:(?:company|customer|client|business|legal|full)\s+)?(?:name|company|organi[sz]ation|entity)|"
    r"(?:razon|denominacion)\s+social|empresa|nombre|societe|raison\s+sociale|denomination|nom|firma|firmenname|"
    r"unternehmen|bedrijf(?:snaam)?|naam|ragione\s+sociale|denominazione|azienda|nome|nazwa(?:\s+firmy)?|"
    r"(?:nome|nombre|nom)\s+(?:do|del|du)\s+(?:cliente|client)|επωνυμια|наименование|naziv)\s*:?"
)


def _value_cell(line: Line, label_end: int) -> tuple[int, int] | None:
    """The segment right after the one ending at ``label_end`` on ``line``."""
    for start, end in line.segments():
        if start > label_end:
            return start, end
    return None


def _field_row_value(line: Line, span: tuple[int, int]) -> str | None:
    """The value of a label / value grid's row ("Nummer:  549910", "Globale Nummer:  4000001123452 (GLN)",
    "Nummer   : 549910", as e-invoice viewers print a party): the cell right of a few words of label
    that end with a colon, or before a cell that starts with one. None for any other line."""
    label = line.text[span[0] : span[1]].strip()
    cell = _value_cell(line, span[1])
    if cell is None or not label or any(c.isdigit() for c in label) or len(label.split()) > 4:
        return None
    value = line.text[cell[0] : cell[1]].strip()
    if not (label.endswith(":") or value.startswith(":")):
        return None
    return value.lstrip(": ")


# "Name:" before the name in a details box ("Name: Harbor Foods Pvt. Ltd.", "Nom :", "Nombre:").
NAME_LABEL = lazy_compile(
    r"(?:(?:company|customer|client|party|buyer|legal)\s+)?(?:name|nom|nombre|naam|nome|firmenname|"
    r"raison\s+sociale|razon\s+social|ragione\s+sociale|nazwa|firma|"
    r"επωνυμια|ονομα|име|наименование|naziv|nosaukums|pavadinimas|nimetus)\s*:\s*"
)
# A code standing for the customer: one token with a digit ("K-4711", "47110", "C/0042").
CUSTOMER_CODE = lazy_compile(r"[^\s]*\d[^\s]*")
# "Account: 99812", "Kd.-Nr.: 4711", "Ref. X-12": a label and a code heading a block, not its name.
# A bracketed note may follow the code: "Globale Nummer: 4000001123452 (GLN)".
LABELLED_CODE = lazy_compile(
    r"[^\W\d_][\w.\- ]{0,24}[:#]\s*(?:[^\s\d]+\s)?[^\s]*\d[^\s]*(?:\s*\([^()\d]*\))?$"
)
# "Account 10044871", "Company No. 08812345": up to three words and a code of four digits or more, no colon.
_WORD_AND_CODE = lazy_compile(r"(?:[^\W\d_][^\s\d]*\s+){1,3}[^\s]*\d{4,}[^\s]*")
# "Project 4471 - Relaunch", "PO 4500012345", "Matter 2024-0113": what the invoice is about, a number in it.
_REFERENCE_LINE = lazy_compile(
    r"(?:project|projekt|projet|proyecto|progetto|projekti|job|matter|order|auftrag|bestellung|commande|"
    r"pedido|ordine|bestelling|po(?!\s*box)|p\.o\.(?!\s*box)|contract|vertrag|contrat|contrato|contratto|case|akte|dossier)"
    r"(?![a-z])[^\d]{0,12}\d"
)
# "Contact: Sarah Miles", "Ansprechpartner: …", "Your reference: …" over the customer's name.
_CONTACT_FIELD = lazy_compile(
    r"(?:(?:your|our|ihr|unser|votre|notre|su|uw)\s+)?(?:contact(?:\s+person)?|kontakt(?:person)?|"
    r"ansprechpartner(?:in)?|contactpersoon|interlocuteur|persona\s+de\s+contacto|referente|yhteyshenkilo|"
    r"ref(?:erence|erenz)?|zeichen|referencia|riferimento|referentie|viite)\.?\s*:"
)


def company_before_person(block: Block) -> None:
    """ "Ms. Jane Doe" (or a bare "Jane Doe"), a department ("Abteilung Finanzen", "Accounts Payable"), a
    contact or reference line or a box heading over "Brightwater Foods Ltd": the block is addressed to a
    person or an office at a company; the company (with its legal form) is the party."""
    if len(block.lines) < 2 or not LEGAL_FORM.search(fold(block.lines[1])):
        return
    if _FOR_ATTENTION.match(fold(block.lines[1])):
        return  # "John Smith" / "c/o Acme Ltd": the person is the party, reached through the company
    first = block.lines[0]
    folded = fold(first)
    if LEGAL_FORM.search(folded):
        return
    if (
        ATTENTION.match(folded)
        or _FOR_ATTENTION.match(folded)
        or PERSON.fullmatch(first)
        or DEPARTMENT.search(folded)
        or ":" in first
        or heading_like(first)
        or POSTAL_LINE.search(first)
    ):
        del block.lines[0], block.line_indexes[0]


def heading_like(text: str) -> bool:
    """A box heading in a language without a label in our tables: one word of letters ("Kupac",
    "KUNDE"), or a short phrase with a word in lower case ("Laskun saaja"), no digit, no legal form."""
    words = text.rstrip(":").split()
    if not words or len(words) > 3 or any(c.isdigit() for c in text) or LEGAL_FORM.search(fold(text)):
        return False
    if len(words) == 1:
        return sum(c.isalpha() for c in words[0]) >= 3
    return any(w[:1].islower() and w not in PARTICLES for w in words[1:])


# A tax id in a party's block ("BE0815…", a Mexican RFC "VYS-890520-RST" whose tail reads as a tax's name).
_ID_LIKE = lazy_compile(r"[A-Z]{2,4}[\s.\-]?\d[\dA-Z.\s\-]{6,}")


def _is_totals_text(ctx: PageContext, line: Line, text: str) -> bool:
    """A totals line ends an address block; "VAT No.: BE0815…" inside the block does not."""
    labels = ctx.total_labels.get(line.index)
    if not labels:
        return False
    start = line.text.find(text)
    in_segment = [label for label in labels if start <= label.start < start + len(text)]
    return bool(in_segment) and not _ID_LIKE.search(text)


def _opens_block(text: str, folded: str) -> bool:
    """A line that may open a party's block above its name: an account or registry number after a few
    words, a contact or reference field, what the invoice is about, phone or VAT data."""
    return bool(
        _WORD_AND_CODE.fullmatch(text)
        or _CONTACT_FIELD.match(folded)
        or _REFERENCE_LINE.match(folded)
        or has_contact_data(folded)
    )


def _name_with_form_first(text: str) -> bool:
    """A company name with its legal form, or a person's name, leading a line that runs on into a date, a
    page number or contact data ("Harbor Foods Ltd 03.03.2025", "Acme GmbH Tel. 040 …", "Ravi Kumar
    ravi@…"): the name, not a line heading the block."""
    head = name_head(text)
    if head == text.strip() or has_contact_data(fold(head)):
        return False
    return LEGAL_FORM.search(fold(head)) is not None or PERSON.fullmatch(head) is not None


# A page number run on after a name on its line ("Harbor Foods Page 1 of 2", "… Seite 1/2").
_PAGE_FIELD = lazy_compile(r"(?<![a-z])(?:page|seite|pagina|blatt|sida|sivu|strona)\s*\d")


def before_fields(ctx: PageContext, line: Line, start: int, end: int) -> int:
    """End of the name in ``line.text[start:end]`` when a field of another column follows it at a word's
    spacing (an invoice number, a date, a customer number or a page number and its label): the start of
    that field's label; ``end`` when none follows at least three letters of name."""
    cut = end
    for label in ctx.header_labels.get(line.index, []):
        if start < label.start < cut and _field_value_follows(line.folded, label.start, label.end, end):
            cut = label.start
    for pattern in (CUSTOMER_ID_LABEL, _PAGE_FIELD):
        for m in pattern.finditer(line.folded, start + 1, cut):
            if _field_value_follows(line.folded, m.start(), m.end(), end):
                cut = m.start()
                break
    return cut if cut < end and sum(c.isalpha() for c in line.text[start:cut]) >= 3 else end


# A field's value: its first word holds a digit ("42", "2025-117", "INV-0042", "03.03.2025").
_VALUE_WORD = lazy_compile(r"\s*[:.#]?\s*\S*\d")


def _field_value_follows(folded: str, label_start: int, label_end: int, end: int) -> bool:
    """True when the label at ``label_start`` heads a field: a value with a digit follows it and no legal
    form comes after it. A label's word inside a name is not a field ("Bright Date Events Ltd", "Anna
    Date", "Studio Page 1 Ltd")."""
    if LEGAL_FORM.search(folded, label_start, end):
        return False
    return _PAGE_FIELD.match(folded, label_start) is not None or bool(
        _VALUE_WORD.match(folded[:end], label_end)
    )


def block_below(
    ctx: PageContext,
    line: Line,
    x0: float,
    x1: float,
    *,
    max_lines: int = 6,
    first_gap: float = 1.5,
    named: bool = False,
    max_start: float | None = None,
) -> Block:
    """The lines under ``line`` in the column [x0, x1] until a vertical gap. ``first_gap`` (in line
    heights) may be wider for the first line: a label in a header cell sits above the cell's padding.
    ``named``: ``line`` is the name itself (the block's lines are its address), not a label over it.
    ``max_start``: a segment starting right of it belongs to another column (a totals box beside a
    narrow label whose column runs to the page edge)."""
    block = Block(x0=x0, x1=x1)
    previous = line
    grid_label: tuple[float, float] | None = None  # the field label's cell of a name taken from a grid row
    for below in ctx.lines[line.index + 1 :]:
        gap = first_gap if previous is line else 1.5
        if len(block.lines) >= max_lines or below.top - previous.bottom > gap * max(
            below.height, previous.height
        ):
            break
        span = segment_at(below, x0, x1)
        if span is not None and max_start is not None and below.span_x(*span)[0] > max_start:
            span = None
        if span is None:
            continue  # a line of the other column, interleaved: the vertical gap test ends the block
        name_field = not block.lines and _NAME_FIELD.fullmatch(below.folded[span[0] : span[1]].strip())
        if not block.lines and not named and not name_field:
            span = (span[0], name_run_end(ctx, below, *span))  # "Hotel Zur Post   GmbH & Co. KG"
            span = (span[0], before_fields(ctx, below, *span))  # "Harbor Foods Invoice No. 42"
        text = below.text[span[0] : span[1]].strip()
        folded = below.folded[span[0] : span[1]].strip()
        if starts_block_label(folded) or _is_totals_text(ctx, below, text):
            break
        previous = below
        if grid_label is not None:
            if _continues_grid_name(below, grid_label, block.lines[0], text):
                block.lines[0] = f"{block.lines[0]} {text}"  # "Studio Tecnico Associato" / "Bianchi & Greco"
                continue
            grid_label = None
        value = _value_cell(below, span[1]) if not block.lines and _NAME_FIELD.fullmatch(folded) else None
        row_value = _field_row_value(below, span) if not block.lines and value is None else None
        if row_value is not None and (
            any(c.isdigit() for c in row_value) or has_contact_data(fold(row_value))
        ):
            continue  # "Nummer: 549910", "Telefon: +49 …" over the name: another field of the party's grid
        if value is not None:
            # A table of "Company | Cotswold Cycle Hire Ltd" rows: the name is the cell right of its field
            # label, and the block runs on in that value column.
            grid_label = below.span_x(*span)
            x0, x1 = below.span_x(*value)
            block.x0, block.x1 = x0, x1
            if max_start is not None:
                max_start = x0 + 2 * below.height  # the value column's lines start at its left edge
            block.lines.append(below.text[value[0] : value[1]].strip().lstrip(": "))
            block.line_indexes.append(below.index)
            continue
        if not block.lines and (attention := _FOR_ATTENTION.match(folded)) is not None:
            company = text[attention.end() :].strip(" :")
            if re.match(CARE_OF, folded) or not (LEGAL_FORM.search(fold(company)) and name_like(company)):
                continue  # "Attn: Maria Rossi", "c/o Regus Ltd" heading the block: the name follows
            text = company  # "ATTN: Harbor Foods Limited": the company itself is addressed
        elif not block.lines and (
            CUSTOMER_ID_LABEL.match(folded)
            or _NUMBER_ONLY.match(text)
            or BRACKETED_NOTE.fullmatch(text)
            or (LABELLED_CODE.match(text) and not _name_with_form_first(text))
            or (not named and _opens_block(text, folded) and not _name_with_form_first(text))
            or BLOCK_HEADING.fullmatch(folded)
            or CUSTOMER_CODE.fullmatch(text)
        ):
            continue  # "Customer No. 4711", "Attn: Maria Rossi", "Frau" heading the block: the name follows
        if not block.lines and (name_label := NAME_LABEL.match(folded)) and name_label.end() < len(text):
            text = text[name_label.end() :].strip()  # "Name: Harbor Foods Pvt. Ltd." in a details box
        block.lines.append(text)
        block.line_indexes.append(below.index)
    if not named:
        join_wrapped_name(ctx, block)
    return block


def _continues_grid_name(below: Line, label: tuple[float, float], name: str, text: str) -> bool:
    """A line of a field grid under the name's row with nothing in the label column: the name's value cell
    wrapped ("Name | Studio Tecnico Associato" over "| Bianchi & Greco"). Not an address, contact,
    attention or department line, and not more after a name that its legal form ended."""
    if segment_at(below, *label) is not None or any(c.isdigit() for c in text) or not name_like(text):
        return False
    folded = fold(text)
    if _FOR_ATTENTION.match(folded) or ATTENTION.match(folded) or DEPARTMENT.search(folded):
        return False
    return not ends_with_form(name) or LEGAL_FORM.fullmatch(folded.strip(" ,")) is not None


# The end of a name's line that the name goes on after: a joining word, a title or a particle never
# ends a name ("Praxis Dr." / "Yilmaz & Dr. Roth", "Clinique des" / "Églantiers", "Kessler &" / "Partner").
_OPEN_NAME_END = lazy_compile(
    r"(?:^|\s)(?:&|\+|-|und|and|et|y|e|en|och|og|"
    r"dr\.|prof\.|mag\.|ing\.|dipl\.-ing\.|dott\.(?:ssa)?|avv\.|mr\.|mrs\.|ms\.|mme|m\.|sr\.|sra\.|dhr\.|"
    r"mevr\.|herrn?|frau|de|des|du|di|da|del|della|dei|van|von|der|den|het|zum|zur|of|the|la|le|les)$"
)


def join_wrapped_name(ctx: PageContext, block: Block) -> None:
    """A name a narrow column wrapped onto two lines: the second line is only a legal form ("Núñez &
    Asociados" / "S.L."), or the first ends where no name ends (see ``_OPEN_NAME_END``) and the second
    is more name. Both lines set tight in the same type; the second becomes part of the first."""
    if len(block.lines) < 2 or len(block.line_indexes) < 2:
        return
    # Not necessarily adjacent lines: another column's words set a little higher or lower make lines of
    # their own between the two.
    first_index, second_index = block.line_indexes[0], block.line_indexes[1]
    if second_index <= first_index:
        return
    upper, lower = ctx.lines[first_index], ctx.lines[second_index]
    # Line heights are whole lines' (another column's words share them): a loose size test.
    if (
        lower.top - upper.bottom > 0.6 * upper.height
        or abs(lower.height - upper.height) > 0.25 * upper.height
    ):
        return
    first, second = block.lines[0].strip(), block.lines[1].strip()
    folded_first, folded_second = fold(first), fold(second)
    if any(c.isdigit() for c in first + second):
        return
    # A first line with a form of its own may still go on after "&" ("Hartmann GmbH &" / "Co. KG").
    form_alone = not LEGAL_FORM.search(folded_first) and bool(
        LEGAL_FORM.fullmatch(folded_second.strip(" ,.")) or LEGAL_FORM.fullmatch(folded_second)
    )
    # "Mr Oliver" / "Pritchard", "Jorge" / "Caballero": a person's name cut after its first name, the
    # surname alone on the next line with the address still to come.
    surname_alone = (
        len(block.lines) >= 3
        and (len(first.split()) == 1 or (len(first.split()) == 2 and SALUTATION.match(folded_first)))
        and len(second.split()) == 1
        and second[:1].isupper()
        and second.isalpha()
        and not LEGAL_FORM.search(folded_first)
    )
    if not form_alone and not surname_alone:
        if not _OPEN_NAME_END.search(folded_first) or not name_like(second):
            return
        if (
            _FOR_ATTENTION.match(folded_second)
            or ATTENTION.match(folded_second)
            or DEPARTMENT.search(folded_second)
        ):
            return
    block.lines[:2] = [f"{first} {second}"]
    del block.line_indexes[1]


# The widest gap (in line heights) inside a justified or spaced-out name; a column gap is wider.
_NAME_GAP_EM = 3.0
# Words that may continue a name after a wide gap: letters, "&", "+", "und", hyphens (no digits, no colon).
_NAME_WORDS = lazy_compile(r"[^\W\d_][\w'.-]*(?:\s+(?:[&+]|[^\W\d_][\w'.-]*)){0,2}")


def name_run_end(ctx: PageContext, line: Line, start: int, end: int) -> int:
    """End of a name that a wide gap cuts into segments (a justified letterhead or address window: "Hotel
    Zur Post   GmbH & Co. KG", "Studio   54 GmbH", "Anna und Paul   Weber"): the next segment joins when it
    ends with the legal form the name lacks, or when it is a few plain words; never a field, a label, a
    title, contact data or the start of a column the lines around the name share."""
    segments, xs = line.segments(), line.segment_x()
    k = next((j for j, (s, e) in enumerate(segments) if s <= start < e), -1)
    if line.ocr or k < 0 or LEGAL_FORM.search(line.folded, start, end):
        return end
    labels = ctx.header_labels.get(line.index, [])
    neighbours = [
        other
        for other in ctx.lines[max(0, line.index - 2) : line.index + 3]
        if other is not line and abs(other.top - line.top) < 3 * line.height
    ]
    while k + 1 < len(segments) and xs[k + 1][0] - max(xs[k][1], line.char_x(end - 1, right=True)) < (
        _NAME_GAP_EM * line.height
    ):
        nxt_start, nxt_end = segments[k + 1]
        text, folded = line.text[nxt_start:nxt_end].strip(), line.folded[nxt_start:nxt_end].strip()
        nx0 = xs[k + 1][0]
        if (
            ":" in text
            or TITLE.match(folded)
            or has_contact_data(folded)
            or RECIPIENT_LABEL.match(folded)
            or ISSUER_LABEL.match(folded)
            or DELIVERY_LABEL.match(folded)
            or CUSTOMER_ID_LABEL.match(folded)
            or any(nxt_start <= label.start < nxt_end for label in labels)
            or any(abs(sx0 - nx0) < 6 for other in neighbours for sx0, _ in other.segment_x())
        ):
            break
        if ends_with_form(text):
            return nxt_end  # "Studio   54 GmbH": the name ends with its legal form
        if not _NAME_WORDS.fullmatch(text):
            break
        end, k = nxt_end, k + 1  # "Anna und Paul   Weber"
    return end


# A postal-code line: "75008 Paris", "1016 DG Amsterdam", "Austin, TX 78701", "London EC1A 1BB", "D-80331".
POSTAL_LINE = lazy_compile(
    # A code of 4-6 digits, not a piece of a hyphenated account or phone number ("1122-3344-55").
    r"(?<![\d.,])(?<!\d-)\d{4,6}(?![\d.,]|-\d)|(?<![A-Za-z])[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}(?![A-Za-z])|"
    r"(?<![A-Za-z])[A-Z]{2}\s\d{5}(?:-\d{4})?(?!\d)|"
    # "111 51 Stockholm" (SE, CZ, SK, GR), "00-950 Warszawa", "1000-001 Lisboa", "H3B 2Y5" (CA).
    r"(?<![\d.,])\d{3}\s\d{2}\s+[^\W\d]|(?<![\d.,-])\d{2,4}-\d{3}(?![\d.,-])|"
    r"(?<![A-Za-z\d])[A-Z]\d[A-Z]\s?\d[A-Z]\d(?![A-Za-z\d])|"
    # Irish Eircode ("D02 X285", "T12 X8Y2"), and the postal districts and counties Irish addresses
    # print instead ("Dublin 4", "Dublin 6W", "Co. Kildare").
    r"(?<![A-Za-z\d])[A-Z]\d[\dW]\s[A-Z\d]{4}(?![A-Za-z\d])|"
    r"(?<![A-Za-z])Dublin\s\d{1,2}W?(?![\dA-Za-z])|(?<![A-Za-z])Co\.\s[A-Z][a-z]{3,}"
)
# "For the attention of" heading a block: the person, not the party ("ATIN:": a scan's T read as I).
_FOR_ATTENTION = lazy_compile(
    r"(?:f\.?a\.?o\.?|at[ti]n\.?|attention|z\.\s?hd\.?|zu\s+handen|a\s+l'attention(?:\s+de)?|t\.a\.v\.?|att\.?n?|"
    + CARE_OF
    + r")\s*:?(?![a-z])"
)


def overlaps(block: Block, line_indexes: list[int], x0: float, x1: float) -> bool:
    """True when lines of ``block`` are among ``line_indexes`` in the same column."""
    shared = set(block.line_indexes).intersection(line_indexes)
    return bool(shared) and horizontal_overlap(block.x0, block.x1, x0, x1) > 0


def street_only(text: str) -> bool:
    """True when ``text`` is a street with its house number and no legal form: an address, no name."""
    folded = fold(text)
    return (
        bool(STREET_LINE.fullmatch(folded))
        and any(c.isdigit() for c in folded)
        and LEGAL_FORM.search(folded) is None
    )


def nameless_address(folded: str, below: str) -> bool:
    """True when ``folded`` is a street line (no legal form) right over a postal-code line: an address
    block that starts without a name, as a company's own address under its logo image does."""
    return street_only(folded) and POSTAL_LINE.search(below) is not None


# A street line: a house number before or after the street's name ("220 Pier Road", "93B Harbour
# View", "Hafenstraße 3", "Via Roma 12/A", "Via Roma, 12", "Rua do Carmo, 159", "3, impasse des Roses",
# "Office 12, Sheikh Zayed Road").
STREET_LINE = lazy_compile(
    r"(?:.*\s)?\d{1,4}[a-z]?,?\s+[^\W\d_]{2,}.*|.*[^\W\d_]{3,}\.?,?\s+\d{1,4}[a-z]?(?:\s*[-/]\s*\d{1,4}[a-z]?)?(?:,.*)?"
)
