"""A party's name wrapped onto two lines of its block, found after the blocks are chosen: the first
part on the line above the name line (ending on a joining word, "Thistle &" / "Kestrel Ltd"; any name
over a line of legal forms alone, "Électricité Durand" / "SASU"), or the legal form alone on the line
below ("Instalacje Kamiński" / "S.A.", "Procházka" / "spol. s r.o."). Whichever reading found the
block (a label's, a letterhead's, a window's), a narrow column wraps names the same way."""

from __future__ import annotations

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.labels import DELIVERY_LABEL, ISSUER_LABEL, RECIPIENT_LABEL
from invoiceflow.domain.extraction.layout import Line, fold
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.party_blocks import Block
from invoiceflow.domain.extraction.party_names import (
    LEGAL_FORM,
    TITLE,
    forms_only,
    has_contact_data,
    name_like,
)

# A name's first line that the next continues: it ends on a joining word ("Thistle &" / "Kestrel Ltd").
# A single word is not enough: a box's heading in a language we do not know ("Kaupandi" over "Reykjavik
# Fiskur ehf.") looks the same as a name's first word wrapped ("Chauvet" / "Informatique SARL").
_FIRST_PART = lazy_compile(r".*\s(?:&|\+|und|and|et|y|e|i|en|och|og)")


def _name_cell(line: Line, name: str) -> tuple[int, int] | None:
    """The segment of ``line`` the name starts."""
    head = fold(name)[:12]
    for start, end in line.segments():
        if line.folded[start:end].strip().startswith(head):
            return start, end
    return None


def _cell_at(line: Line, x0: float) -> tuple[int, int] | None:
    for start, end in line.segments():
        if abs(line.span_x(start, end)[0] - x0) <= 2:
            return start, end
    return None


def _tight(upper: Line, lower: Line) -> bool:
    return (
        lower.top - upper.bottom <= 0.6 * lower.height
        and abs(upper.height - lower.height) <= 0.15 * lower.height
    )


def _forms_below(ctx: PageContext, name: str, line: Line, taken: set[int]) -> tuple[str, int] | None:
    """The legal form wrapped under a name without one, or a form's own bracket under it ("… UG" /
    "(haftungsbeschränkt)"), on the next line in the name's column; and that line's index."""
    cell = _name_cell(line, name)
    if cell is None:
        return None
    x0 = line.span_x(*cell)[0]
    for below in ctx.lines[line.index + 1 : line.index + 3]:
        part = _cell_at(below, x0)
        if part is None:
            continue  # another column's line set between the name's two lines
        text = below.text[part[0] : part[1]].strip()
        has_form = LEGAL_FORM.search(fold(name)) is not None
        if (
            below.index in taken
            or not _tight(line, below)
            or not forms_only(fold(text))
            or (has_form and not text.startswith("("))
        ):
            return None
        return text, below.index
    return None


def _part_above(ctx: PageContext, block: Block, taken: set[int]) -> tuple[str, int] | None:
    """The first part of the name on the line above its line in the same column, and that line's index."""
    name = block.lines[0]
    line = ctx.lines[block.line_indexes[0]]
    cell = _name_cell(line, name)
    if cell is None or not LEGAL_FORM.search(fold(name)):
        return None
    x0 = line.span_x(*cell)[0]
    for above in ctx.lines[max(0, line.index - 2) : line.index][::-1]:
        part = _cell_at(above, x0)
        if part is None:
            continue  # another column's line set between the name's two lines ("FACTURE" beside them)
        text = above.text[part[0] : part[1]].strip()
        folded = fold(text)
        if (
            above.index in taken
            or not _tight(above, line)
            or not (_FIRST_PART.fullmatch(text) or forms_only(fold(name)))  # a form alone is no name
            or any(c.isdigit() for c in text)
            or text.endswith(":")
            or LEGAL_FORM.search(folded)
            or RECIPIENT_LABEL.match(folded)
            or ISSUER_LABEL.match(folded)
            or DELIVERY_LABEL.match(folded)
            or TITLE.match(folded)
            or has_contact_data(folded)
            or not name_like(text)
            or folded.split()[0] in fold(name).split()  # a brand word over its legal name
        ):
            return None
        return text, above.index
    return None


def join_wrapped_names(ctx: PageContext, block: Block, taken: set[int]) -> Block:
    """``block`` with its name joined from the two lines a narrow column wrapped it onto; ``taken``: the
    other party's lines, never part of this name."""
    if not block.lines or len(block.lines) != len(block.line_indexes):
        return block
    lines, indexes = list(block.lines), list(block.line_indexes)
    if (below := _forms_below(ctx, lines[0], ctx.lines[indexes[0]], taken)) is not None:
        text, index = below
        lines[0] = f"{lines[0]} {text}"
        if index in indexes:
            del lines[indexes.index(index)], indexes[indexes.index(index)]
    joined = Block(lines, indexes, block.confidence, block.x0, block.x1)
    if (above := _part_above(ctx, joined, taken)) is not None:
        text, index = above
        joined = Block(
            [f"{text} {lines[0]}", *lines[1:]], [index, *indexes[1:]], block.confidence, block.x0, block.x1
        )
    return joined
