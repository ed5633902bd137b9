"""Draw an ``InvoiceSpec`` with a ``Layout`` into PDF bytes (reportlab, base-14 fonts, invariant mode).

Pagination is planned first (``Flow``) with the same row heights the drawing uses, so the generator can
ask for an exact page count. Coordinates inside this module are top-down (``y`` grows downwards) and
converted at the canvas call.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from corpus import render_extra
from corpus.layouts import Layout
from corpus.locales import LABELS, format_date, format_money, format_number, format_quantity, format_rate
from corpus.spec import InvoiceSpec, Item, PrintedTaxLine

GREY = HexColor("#555555")
LIGHT = HexColor("#EEEEEE")
ACCENT_COLOURS = (HexColor("#1F4E79"), HexColor("#7A1F3D"), HexColor("#2E6B30"), HexColor("#5B3A8C"))
BOTTOM_MARGIN = 60.0
FOOTER_BANK_RESERVE = 110.0


def winansi(text: str) -> str:
    """Keep what the standard fonts can show; strip accents from the rest (e.g. 'ł' -> 'l')."""
    out = []
    for char in text:
        try:
            char.encode("cp1252")
            out.append(char)
        except UnicodeEncodeError:
            out.append(unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode() or "?")
    return "".join(out)


@dataclass
class Page:
    items: list[int] = field(default_factory=list)
    carried_in: Decimal | None = None  # running total brought forward onto this page


class Doc:
    """Measurements and helpers shared by planning and drawing."""

    def __init__(self, spec: InvoiceSpec, layout: Layout) -> None:
        self.spec = spec
        self.layout = layout
        self.labels = LABELS[spec.language]
        self.width, self.height = LETTER if layout.page == "letter" else A4
        if layout.page == "A4_landscape":
            self.height, self.width = A4
        self.leading = layout.size + 2.6
        self.accent = ACCENT_COLOURS[sum(map(ord, spec.doc_id)) % len(ACCENT_COLOURS)]
        self.columns = self._columns()
        self.total_pages = 1  # set by render() before drawing page numbers

    # --- formatting ---
    def num(self, value: Decimal) -> str:
        return format_number(value, self.spec.number_format)

    def cash(self, value: Decimal) -> str:
        return format_money(value, self.spec.number_format, self.spec.currency, self.spec.money_style)

    def day(self, value: object) -> str:
        from datetime import date

        assert isinstance(value, date)
        return format_date(value, self.spec.date_format, self.spec.language)

    def tax_label(self, line: PrintedTaxLine) -> str:
        name = self.labels["vat"] if line.label == "VAT" else line.label
        return f"{name} {format_rate(line.rate, self.spec.number_format)}"

    # --- table geometry ---
    def _columns(self) -> dict[str, tuple[float, float]]:
        widths = {"pos": 28.0, "code": 52.0, "qty": 46.0, "unit": 68.0, "rate": 40.0, "amount": 74.0}
        if self.layout.table == "stacked":
            widths = {"amount": 90.0}
        columns = self.layout.columns
        if self.layout.style:
            widths, columns = render_extra.column_plan(self)
        x0, x1 = self.layout.content_x0, self.layout.content_x1
        fixed = sum(widths[c] for c in columns if c != "desc")
        spans: dict[str, tuple[float, float]] = {}
        x = x0
        for column in columns:
            width = (x1 - x0 - fixed) if column == "desc" else widths[column]
            spans[column] = (x, x + width)
            x += width
        return spans

    def desc_lines(self, item: Item) -> list[str]:
        left, right = self.columns["desc"]
        if self.layout.table == "stacked":
            right = self.layout.content_x1 - 100
        lines: list[str] = simpleSplit(
            winansi(item.description), self.layout.font, self.layout.size, right - left - 8
        )
        return lines

    def row_height(self, item: Item) -> float:
        lines = len(self.desc_lines(item))
        if self.layout.table == "stacked":
            lines += 1
        return lines * self.leading + 5

    @property
    def table_header_height(self) -> float:
        if self.layout.style and not render_extra.has_table_header(self):
            return 0.0
        return 0.0 if self.layout.table == "stacked" else self.leading + 8

    @property
    def bottom(self) -> float:
        reserve = FOOTER_BANK_RESERVE if self.layout.footer_bank else BOTTOM_MARGIN
        if self.layout.style:
            reserve = render_extra.footer_reserve(self)
        return float(self.height) - reserve - (self.leading if self.layout.carried_forward else 0)

    def totals_height(self) -> float:
        if self.layout.style:
            return render_extra.totals_height(self)
        tax_lines = len(self.spec.tax_lines())
        rows = 4 + tax_lines + (tax_lines + 2 if self.layout.tax_summary else 0)
        if self.layout.totals == "boxes":
            rows = 6
        bank = 0 if self.layout.footer_bank or self.layout.header == "sidebar" else 4
        return (rows + bank + 4) * self.leading + 20


class Flow:
    """Places items on pages one by one; ``pages_if_stop`` counts pages if the totals followed now."""

    def __init__(self, doc: Doc, first_y: float, continuation_y: float) -> None:
        self.doc = doc
        self.first_y = first_y
        self.continuation_y = continuation_y
        self.pages: list[Page] = [Page()]
        self.y = first_y + doc.table_header_height
        self.running = Decimal("0.00")

    def _placement(self, item: Item) -> tuple[bool, float]:
        """(starts a new page, y after the row) for ``item`` placed next."""
        height = self.doc.row_height(item)
        if self.y + height > self.doc.bottom and self.pages[-1].items:
            y = self.continuation_y + self.doc.table_header_height
            if self.doc.layout.carried_forward:
                y += self.doc.leading
            return True, y + height
        return False, self.y + height

    def add(self, index: int, item: Item) -> None:
        new_page, self.y = self._placement(item)
        if new_page:
            self.pages.append(Page(carried_in=self.running))
        self.pages[-1].items.append(index)
        self.running += item.amount

    def _totals_fit(self, y: float) -> bool:
        slack = self.doc.leading if self.doc.layout.carried_forward else 0
        return y + self.doc.totals_height() <= self.doc.bottom + slack

    def pages_if_stop(self) -> int:
        return len(self.pages) + (0 if self._totals_fit(self.y) else 1)

    def pages_if_added(self, item: Item) -> int:
        new_page, y = self._placement(item)
        return len(self.pages) + int(new_page) + (0 if self._totals_fit(y) else 1)


def plan(doc: Doc, items: list[Item]) -> Flow:
    flow = Flow(doc, header_end(doc), continuation_end(doc))
    for index, item in enumerate(items):
        flow.add(index, item)
    return flow


# --- drawing primitives ---------------------------------------------------------------------------------


class Pen:
    def __init__(self, canvas: Canvas, doc: Doc) -> None:
        self.c = canvas
        self.doc = doc

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        bold: bool = False,
        size: float | None = None,
        align: str = "left",
        colour: Color | None = None,
    ) -> None:
        layout = self.doc.layout
        self.c.setFont(layout.bold if bold else layout.font, size or layout.size)
        self.c.setFillColor(colour or HexColor("#000000"))
        baseline = self.doc.height - y
        text = winansi(text)
        if align == "right":
            self.c.drawRightString(x, baseline, text)
        elif align == "centre":
            self.c.drawCentredString(x, baseline, text)
        else:
            self.c.drawString(x, baseline, text)

    def lines(
        self, x: float, y: float, lines: list[str], *, bold_first: bool = False, align: str = "left"
    ) -> float:
        for number, line in enumerate(lines):
            self.text(x, y, line, bold=bold_first and number == 0, align=align)
            y += self.doc.leading
        return y

    def rule(self, x0: float, y: float, x1: float, width: float = 0.5, colour: Color | None = None) -> None:
        self.c.setStrokeColor(colour or HexColor("#000000"))
        self.c.setLineWidth(width)
        self.c.line(x0, self.doc.height - y, x1, self.doc.height - y)

    def box(
        self, x: float, y: float, w: float, h: float, *, fill: Color | None = None, stroke: bool = True
    ) -> None:
        self.c.setStrokeColor(HexColor("#000000"))
        self.c.setLineWidth(0.5)
        if fill is not None:
            self.c.setFillColor(fill)
        self.c.rect(
            x, self.doc.height - y - h, w, h, stroke=1 if stroke else 0, fill=1 if fill is not None else 0
        )

    def kv(
        self,
        x_label: float,
        x_value: float,
        y: float,
        pairs: list[tuple[str, str]],
        *,
        value_align: str = "left",
    ) -> float:
        for label, value in pairs:
            self.text(x_label, y, label)
            self.text(x_value, y, value, align=value_align)
            y += self.doc.leading
        return y


# --- blocks ---------------------------------------------------------------------------------------------


def party_lines(doc: Doc, who: str) -> list[str]:
    party = doc.spec.issuer if who == "issuer" else doc.spec.recipient
    lines = [party.name, party.street, party.postal_city, party.country.name]
    if who == "recipient" and doc.spec.extra.get("recipient_vat") and party.vat_id_printed:
        lines.append(f"{doc.labels['vat_id']}: {party.vat_id_printed}")
    return lines


def issuer_contact(doc: Doc) -> list[str]:
    issuer = doc.spec.issuer
    lines = [f"Tel. {issuer.phone}", issuer.email]
    if issuer.vat_id_printed and not doc.layout.footer_bank:
        label = "GSTIN" if issuer.country.code == "IN" else doc.labels["vat_id"]
        lines.append(f"{label}: {issuer.vat_id_printed}")
    return lines


def meta_pairs(doc: Doc) -> list[tuple[str, str]]:
    spec, labels = doc.spec, doc.labels
    pairs = [
        (labels["credit_no"] if spec.credit_note else labels["invoice_no"], spec.invoice_number),
        (labels["credit_date"] if spec.credit_note else labels["date"], doc.day(spec.issue_date)),
    ]
    if spec.due_date is not None:
        pairs.append((labels["due"], doc.day(spec.due_date)))
    pairs.append((labels["customer_no"], spec.customer_number))
    pairs.append((labels["order_ref"], spec.order_ref))
    return pairs


def title(doc: Doc) -> str:
    if doc.spec.credit_note:
        return doc.labels["credit_note"]
    return doc.labels["tax_invoice"] if doc.layout.header == "india" else doc.labels["invoice"]


def bank_lines(doc: Doc) -> list[str]:
    issuer = doc.spec.issuer
    if issuer.iban_printed:
        return [
            f"{doc.labels['bank']}: {issuer.bank_name}",
            f"{doc.labels['iban']}: {issuer.iban_printed}",
            f"{doc.labels['bic']}: {issuer.bic}",
        ]
    if issuer.country.code == "IN":
        return [
            f"Bank: {doc.spec.extra['bank_name']}",
            f"A/c No.: {doc.spec.extra['account']}",
            f"IFSC: {doc.spec.extra['ifsc']}",
        ]
    return [
        f"Bank: {doc.spec.extra['bank_name']}",
        f"ABA Routing: {doc.spec.extra['routing']}",
        f"Account: {doc.spec.extra['account']}",
    ]


def closing_lines(doc: Doc) -> list[str]:
    spec = doc.spec
    lines = []
    if spec.credit_note and spec.credit_ref:
        lines.append(doc.labels["credit_ref"].format(ref=spec.credit_ref))
    elif spec.payment_days:
        lines.append(doc.labels["terms"].format(days=spec.payment_days))
    lines.append(doc.labels["thanks"])
    return lines


def draw_logo(pen: Pen, x: float, y: float) -> None:
    """A letterhead logo made of shapes only (no text), as vector logos usually are."""
    c, doc = pen.c, pen.doc
    c.setFillColor(doc.accent)
    c.circle(x + 18, doc.height - y - 18, 18, stroke=0, fill=1)
    c.setFillColor(HexColor("#F2B134"))
    c.rect(x + 26, doc.height - y - 34, 26, 26, stroke=0, fill=1)
    c.setStrokeColor(doc.accent)
    c.setLineWidth(2)
    c.line(x, doc.height - y - 42, x + 56, doc.height - y - 42)


# --- headers: each returns the y where the items table starts -------------------------------------------


def draw_header(pen: Pen) -> float:
    doc = pen.doc
    header = doc.layout.header
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    big = doc.layout.size + 9
    if doc.layout.style:
        return render_extra.draw_header(pen)
    if header == "sidebar":
        return _sidebar_header(pen)
    if header == "boxes":
        return _boxes_header(pen)
    if header == "sentence":
        return _sentence_header(pen)
    if header == "us":
        return _us_header(pen)
    if header == "india":
        return _india_header(pen)
    top = 50.0
    if doc.layout.logo:
        draw_logo(pen, x0, 30)
        pen.c.setFillColor(doc.accent)
        pen.c.rect(0, doc.height - 84, doc.width, 4, stroke=0, fill=1)
        pen.text(x0 + 66, 52, doc.spec.issuer.name, bold=True, size=doc.layout.size + 5, colour=doc.accent)
        right = [doc.spec.issuer.street, doc.spec.issuer.postal_city, *issuer_contact(doc)]
        pen.lines(x1, 40, right, align="right")
        top = 110.0
        y = pen.lines(
            x0, top + 30, [doc.labels["bill_to"] + ":", *party_lines(doc, "recipient")], bold_first=False
        )
        pen.text(x1, top + 10, title(doc).upper(), bold=True, size=big, align="right")
        pairs = meta_pairs(doc)
        end = pen.kv(x1 - 210, x1, top + 30, pairs, value_align="right")
        return max(y, end) + 20
    if header in {"keyvalue", "footer", "totals_left"}:
        issuer = [
            doc.spec.issuer.name,
            doc.spec.issuer.street,
            doc.spec.issuer.postal_city,
            doc.spec.issuer.country.name,
        ]
        if header != "footer":
            issuer += issuer_contact(doc)
        y = pen.lines(x0, top, issuer, bold_first=True)
        pen.text(x1, top + 4, title(doc), bold=True, size=big, align="right")
        sender_line = f"{doc.spec.issuer.name} · {doc.spec.issuer.street} · {doc.spec.issuer.postal_city}"
        pen.text(x0, y + 14, sender_line, size=doc.layout.size - 2.5, colour=GREY)
        y_recipient = pen.lines(x0, y + 30, party_lines(doc, "recipient"))
        end = pen.kv(x1 - 200, x1 - 85, top + 40, meta_pairs(doc))
        return max(y_recipient, end) + 28
    if header in {"plain", "inline"}:
        issuer = [
            doc.spec.issuer.name,
            doc.spec.issuer.street,
            doc.spec.issuer.postal_city,
            doc.spec.issuer.country.name,
            *issuer_contact(doc),
        ]
        if header == "inline":
            issuer = [*issuer[:4], issuer[4]]
        y = pen.lines(x1, top, issuer, bold_first=True, align="right")
        pen.text(x0, top + 6, title(doc), bold=True, size=big)
        y_recipient = pen.lines(x0, top + 40, party_lines(doc, "recipient"), bold_first=True)
        y = max(y, y_recipient) + 16
        if header == "plain":
            return pen.kv(x0, x0 + 120, y, meta_pairs(doc)) + 20
        pairs = meta_pairs(doc)[:4]
        rows = (len(pairs) + 1) // 2
        pen.c.setFillColor(LIGHT)
        pen.c.rect(
            x0, doc.height - y - rows * doc.leading - 4, x1 - x0, rows * doc.leading + 10, stroke=0, fill=1
        )
        for number, (label, value) in enumerate(pairs):
            column, row = number % 2, number // 2
            pen.text(x0 + 6 + column * (x1 - x0) / 2, y + 2 + row * doc.leading, f"{label}: {value}")
        return y + rows * doc.leading + 28
    if header == "two_column":
        pen.text(x0, top, title(doc), bold=True, size=big)
        left_y = pen.lines(
            x0, top + 30, [doc.labels["from"] + ":", *party_lines(doc, "issuer"), *issuer_contact(doc)]
        )
        right_y = pen.lines(x0 + 260, top + 30, [doc.labels["bill_to"] + ":", *party_lines(doc, "recipient")])
        y = max(left_y, right_y) + 14
        pairs = meta_pairs(doc)
        half = (len(pairs) + 1) // 2
        end_left = pen.kv(x0, x0 + 105, y, pairs[:half])
        end_right = pen.kv(x0 + 260, x0 + 365, y, pairs[half:])
        return max(end_left, end_right) + 20
    if header == "minimal":
        pen.text(x0, top + 10, title(doc), bold=True, size=big + 6)
        issuer_end = pen.lines(
            x1,
            top,
            [doc.spec.issuer.name, doc.spec.issuer.street, doc.spec.issuer.postal_city, *issuer_contact(doc)],
            align="right",
        )
        pairs = meta_pairs(doc)[:3]
        pen.text(x0, issuer_end + 12, "  ·  ".join(f"{label} {value}" for label, value in pairs))
        y = pen.lines(
            x0, issuer_end + 40, [doc.labels["bill_to"], *party_lines(doc, "recipient")], bold_first=True
        )
        return y + 20
    raise ValueError(f"unknown header {header}")


def _us_header(pen: Pen) -> float:
    doc = pen.doc
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    top = 45.0
    pen.text(x1, top + 6, title(doc).upper(), bold=True, size=22, align="right", colour=doc.accent)
    pen.lines(
        x0,
        top,
        [
            doc.spec.issuer.name,
            doc.spec.issuer.street,
            doc.spec.issuer.postal_city,
            doc.spec.issuer.phone,
            doc.spec.issuer.email,
        ],
        bold_first=True,
    )
    labels = {"invoice_no": "Invoice #", "date": "Date", "due": "Due Date"}
    pairs = [
        (labels["invoice_no"] if not doc.spec.credit_note else "Credit Memo #", doc.spec.invoice_number),
        (labels["date"], doc.day(doc.spec.issue_date)),
    ]
    if doc.spec.due_date is not None:
        pairs.append((labels["due"], doc.day(doc.spec.due_date)))
    if doc.spec.payment_days:
        pairs.append(("Terms", f"Net {doc.spec.payment_days}"))
    pairs.append(("P.O. #", doc.spec.order_ref))
    meta_end = pen.kv(x1 - 170, x1, top + 40, pairs, value_align="right")
    y = top + 95
    recipient = party_lines(doc, "recipient")
    pen.text(x0, y, "BILL TO", bold=True, colour=doc.accent)
    pen.text(x0 + 200, y, "SHIP TO", bold=True, colour=doc.accent)
    end = pen.lines(x0, y + doc.leading, recipient)
    pen.lines(x0 + 200, y + doc.leading, recipient)
    return max(end, meta_end) + 16


def _india_header(pen: Pen) -> float:
    doc = pen.doc
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    issuer, recipient = doc.spec.issuer, doc.spec.recipient
    pen.text((x0 + x1) / 2, 40, title(doc).upper(), bold=True, size=14, align="centre")
    assert issuer.state is not None
    assert recipient.state is not None
    pen.box(x0, 50, x1 - x0, 118)
    pen.rule(x0 + (x1 - x0) / 2, 50, x0 + (x1 - x0) / 2, 0.5)
    pen.c.line(x0 + (x1 - x0) / 2, doc.height - 50, x0 + (x1 - x0) / 2, doc.height - 168)
    pen.lines(
        x0 + 5,
        62,
        [
            issuer.name,
            issuer.street,
            issuer.postal_city,
            f"GSTIN/UIN: {issuer.vat_id_printed}",
            f"State Name: {issuer.state[1]}, Code: {issuer.state[0]}",
            issuer.email,
        ],
        bold_first=True,
    )
    mid = x0 + (x1 - x0) / 2 + 5
    pairs = [("Invoice No.", doc.spec.invoice_number), ("Dated", doc.day(doc.spec.issue_date))]
    if doc.spec.due_date is not None:
        pairs.append(("Due Date", doc.day(doc.spec.due_date)))
    pairs += [
        ("Buyer's Order No.", doc.spec.order_ref),
        ("Mode/Terms of Payment", f"{doc.spec.payment_days or 0} days"),
    ]
    pen.kv(mid, mid + 110, 62, pairs)
    y = pen.lines(
        x0 + 5,
        185,
        [
            "Buyer (Bill to)",
            recipient.name,
            recipient.street,
            recipient.postal_city,
            f"GSTIN/UIN: {recipient.vat_id_printed}",
            f"State Name: {recipient.state[1]}, Code: {recipient.state[0]}",
        ],
        bold_first=True,
    )
    pen.text(mid, 185, f"Place of Supply: {recipient.state[1]}")
    return y + 14


def _boxes_header(pen: Pen) -> float:
    """Held out: every header field is a bordered box with its label above the value."""
    doc = pen.doc
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    small = doc.layout.size - 2
    issuer = doc.spec.issuer
    pen.text(x0, 50, issuer.name, bold=True, size=doc.layout.size + 6)
    pen.text(x0, 66, f"{issuer.street} | {issuer.postal_city} | {issuer.country.name}")
    pen.text(x0, 66 + doc.leading, " | ".join(issuer_contact(doc)))
    pen.text(x1, 50, title(doc).upper(), bold=True, size=doc.layout.size + 8, align="right")
    pairs = meta_pairs(doc)
    width = (x1 - x0) / len(pairs)
    y = 100.0
    for number, (label, value) in enumerate(pairs):
        x = x0 + number * width
        pen.box(x, y, width, 30)
        pen.text(x + 4, y + 10, label.upper(), size=small, colour=GREY)
        pen.text(x + 4, y + 24, value, bold=True)
    y += 44
    pen.box(x0, y, 260, 14 + doc.leading * 5)
    pen.text(x0 + 4, y + 10, doc.labels["bill_to"].upper(), size=small, colour=GREY)
    end = pen.lines(x0 + 4, y + 10 + doc.leading, party_lines(doc, "recipient"), bold_first=True)
    return max(end, y + 14 + doc.leading * 5) + 18


def _sidebar_header(pen: Pen) -> float:
    """Held out: issuer, meta (label line, value line) and bank sit in a shaded left sidebar."""
    doc = pen.doc
    draw_sidebar_background(pen)
    x, y = 24.0, 50.0
    issuer = doc.spec.issuer
    y = pen.lines(x, y, [issuer.name], bold_first=True) + 4
    y = pen.lines(x, y, [issuer.street, issuer.postal_city, issuer.country.name, *issuer_contact(doc)]) + 14
    for label, value in meta_pairs(doc):
        pen.text(x, y, label, size=doc.layout.size - 1.5, colour=GREY)
        pen.text(x, y + doc.leading, value, bold=True)
        y += 2 * doc.leading + 6
    y += 10
    for line in bank_lines(doc):
        label, _, value = line.partition(": ")
        pen.text(x, y, label, size=doc.layout.size - 1.5, colour=GREY)
        y = (
            pen.lines(x, y + doc.leading, simpleSplit(winansi(value), doc.layout.font, doc.layout.size, 140))
            + 4
        )
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    pen.text(x1, 56, title(doc), bold=True, size=doc.layout.size + 10, align="right", colour=doc.accent)
    end = pen.lines(x0, 110, [doc.labels["bill_to"], *party_lines(doc, "recipient")], bold_first=True)
    return end + 24


def draw_sidebar_background(pen: Pen) -> None:
    pen.c.setFillColor(LIGHT)
    pen.c.rect(0, 0, 172, pen.doc.height, stroke=0, fill=1)


def _sentence_header(pen: Pen) -> float:
    """Held out: centred letterhead, the invoice facts in a sentence, recipient on the right."""
    doc = pen.doc
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    centre = (x0 + x1) / 2
    issuer = doc.spec.issuer
    draw_logo(pen, centre - 28, 24)
    pen.text(centre, 84, issuer.name, bold=True, size=doc.layout.size + 4, align="centre")
    pen.text(
        centre,
        84 + doc.leading + 2,
        f"{issuer.street} - {issuer.postal_city} - {issuer.country.name}",
        align="centre",
    )
    pen.text(centre, 84 + 2 * doc.leading + 2, " - ".join(issuer_contact(doc)), align="centre")
    end = pen.lines(x1 - 200, 140, party_lines(doc, "recipient"), bold_first=True)
    spec = doc.spec
    sentence = doc.labels["invoice_sentence"].format(no=spec.invoice_number, date=doc.day(spec.issue_date))
    if spec.credit_note:
        sentence = f"{doc.labels['credit_note']} {spec.invoice_number}, {doc.day(spec.issue_date)}"
    if spec.due_date is not None:
        sentence += ", " + doc.labels["due_sentence"].format(date=doc.day(spec.due_date))
    y = end + 20
    pen.text(x0, y, sentence + ".", bold=True)
    pen.text(x0, y + doc.leading, f"{doc.labels['customer_no']}: {spec.customer_number}")
    return y + 2 * doc.leading + 14


def header_end(doc: Doc) -> float:
    scratch = Canvas(io.BytesIO(), pagesize=(doc.width, doc.height), invariant=1)
    return draw_header(Pen(scratch, doc))


def continuation_end(doc: Doc) -> float:
    return 80.0


def draw_continuation_header(pen: Pen, number: int) -> None:
    doc = pen.doc
    if doc.layout.header == "sidebar":
        draw_sidebar_background(pen)
        pen.text(24, 50, doc.spec.issuer.name, bold=True)
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    name = doc.labels["credit_note"] if doc.spec.credit_note else doc.labels["invoice"]
    pen.text(x0, 50, f"{name} {doc.spec.invoice_number}", bold=True)
    pen.text(x1, 50, doc.labels["page"].format(n=number, total=doc.total_pages), align="right")


# --- table ----------------------------------------------------------------------------------------------


def column_title(doc: Doc, column: str) -> str:
    if doc.layout.style:
        return render_extra.column_title(doc, column)
    if doc.layout.header == "india":
        titles = {
            "pos": "Sl",
            "desc": "Description of Goods/Services",
            "code": "HSN/SAC",
            "qty": "Qty",
            "unit": "Rate",
            "amount": "Taxable Value",
        }
        return titles[column]
    if doc.layout.header == "us":
        return {"desc": "DESCRIPTION", "qty": "QTY", "unit": "RATE", "amount": "AMOUNT"}[column]
    key = {
        "pos": "pos",
        "code": "pos",
        "desc": "description",
        "qty": "qty",
        "unit": "unit_price",
        "rate": "vat_pct",
        "amount": "amount",
    }[column]
    return "Art." if column == "code" else doc.labels[key]


NUMERIC = {"qty", "unit", "rate", "amount", *render_extra.NUMERIC_EXTRA}


def draw_table_header(pen: Pen, y: float) -> float:
    doc = pen.doc
    if doc.layout.table == "stacked" or doc.table_header_height == 0:
        return y
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    height = doc.leading + 8
    if doc.layout.table in {"banded", "grid"}:
        pen.c.setFillColor(doc.accent if doc.layout.table == "banded" else LIGHT)
        pen.c.rect(x0, doc.height - y - height, x1 - x0, height, stroke=0, fill=1)
    colour = HexColor("#FFFFFF") if doc.layout.table == "banded" else None
    for column, (left, right) in doc.columns.items():
        label = column_title(doc, column)
        if column in NUMERIC:
            pen.text(right - 4, y + doc.leading + 1, label, bold=True, align="right", colour=colour)
        else:
            pen.text(left + 4, y + doc.leading + 1, label, bold=True, colour=colour)
    if doc.layout.table in {"lines", "none", "grid"}:
        pen.rule(x0, y + height, x1, 0.8)
    if doc.layout.table == "lines":
        pen.rule(x0, y, x1, 0.8)
    return y + height


def draw_row(pen: Pen, y: float, number: int, item: Item, band: bool) -> float:
    doc = pen.doc
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    lines = doc.desc_lines(item)
    height = doc.row_height(item)
    if doc.layout.table == "banded" and band:
        pen.c.setFillColor(LIGHT)
        pen.c.rect(x0, doc.height - y - height, x1 - x0, height, stroke=0, fill=1)
    baseline = y + doc.leading
    if doc.layout.table == "stacked":
        pen.lines(x0, baseline, lines, bold_first=False)
        detail = (
            f"{doc.labels['qty_x']} {format_quantity(item.quantity, doc.spec.number_format)} x "
            f"{doc.num(item.unit_price)} "
            f"({doc.labels['vat']} {format_rate(item.rate, doc.spec.number_format)})"
        )
        detail_y = baseline + len(lines) * doc.leading
        pen.text(x0 + 20, detail_y, detail, colour=GREY)
        pen.text(x1, detail_y, doc.num(item.amount), align="right")
        return y + height
    cells = {
        "pos": str(number),
        "code": item.code,
        "qty": format_quantity(item.quantity, doc.spec.number_format),
        "unit": doc.num(item.unit_price),
        "rate": format_rate(item.rate, doc.spec.number_format),
        "amount": doc.num(item.amount),
    }
    if doc.layout.style:
        cells = render_extra.row_cells(doc, number, item)
    for column, (left, right) in doc.columns.items():
        if column == "desc":
            pen.lines(left + 4, baseline, lines)
        elif column in NUMERIC:
            pen.text(right - 4, baseline, cells[column], align="right")
        else:
            pen.text(left + 4, baseline, cells[column])
    if doc.layout.table == "grid":
        pen.rule(x0, y + height, x1, 0.3)
        for left, _ in doc.columns.values():
            pen.c.line(left, doc.height - y, left, doc.height - y - height)
        pen.c.line(x1, doc.height - y, x1, doc.height - y - height)
    return y + height


# --- totals ---------------------------------------------------------------------------------------------


def tax_line_text(doc: Doc, line: PrintedTaxLine) -> str:
    return f"{doc.tax_label(line)} ({doc.labels['base']} {doc.num(line.base)})"


def draw_totals(pen: Pen, y: float) -> float:
    doc, spec = pen.doc, pen.doc.spec
    if doc.layout.style:
        return render_extra.draw_totals(pen, y)
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    y += 14
    net_label = "Subtotal" if doc.layout.header in {"us", "india"} else doc.labels["net"]
    if doc.layout.header == "india":
        net_label = "Total Taxable Value"
    total_label = doc.labels["total"]
    if spec.currency in {"SEK", "DKK"} or doc.layout.header == "us":
        total_label = f"{total_label} ({spec.currency})"
    if doc.layout.totals == "boxes":
        boxes = [(doc.labels["net"], doc.cash(spec.net))]
        boxes += [(tax_line_text(doc, line), doc.cash(line.amount)) for line in spec.tax_lines()]
        boxes.append((total_label, doc.cash(spec.gross)))
        width = (x1 - x0) / len(boxes)
        for number, (label, value) in enumerate(boxes):
            x = x0 + number * width
            pen.box(x, y, width, 32, fill=LIGHT if number == len(boxes) - 1 else None)
            for offset, part in enumerate(
                simpleSplit(winansi(label.upper()), doc.layout.font, doc.layout.size - 2.5, width - 6)[:2]
            ):
                pen.text(x + 4, y + 9 + offset * 8, part, size=doc.layout.size - 2.5, colour=GREY)
            pen.text(x + width - 4, y + 28, value, bold=True, align="right")
        y += 48
    else:
        left_side = doc.layout.totals == "left"
        label_x = x0 if left_side else x1 - 250
        value_x = x0 + 250 if left_side else x1
        if doc.layout.tax_summary:
            y = _tax_summary(pen, label_x, value_x, y) + 10
        rows: list[tuple[str, str, bool]] = [(net_label, doc.cash(spec.net), False)]
        for line in spec.tax_lines():
            rows.append((tax_line_text(doc, line), doc.cash(line.amount), False))
        rows.append((total_label, doc.cash(spec.gross), True))
        if doc.layout.header == "us":
            rows.append(("Balance Due", doc.cash(spec.gross), True))
        for label, value, strong in rows:
            if strong:
                pen.rule(label_x, y - doc.leading + 1, value_x, 1.0)
                y += 3
            pen.text(label_x, y, label, bold=strong)
            pen.text(value_x, y, value, bold=strong, align="right")
            y += doc.leading + 1
    y += 10
    y = pen.lines(x0, y, closing_lines(doc)) + 6
    if not doc.layout.footer_bank and doc.layout.header != "sidebar":
        y = pen.lines(x0, y, bank_lines(doc))
    return y


def _tax_summary(pen: Pen, left: float, right: float, y: float) -> float:
    doc = pen.doc
    columns = (left, left + (right - left) * 0.45, left + (right - left) * 0.75, right)
    pen.text(left, y, doc.labels["tax_summary"], bold=True)
    y += doc.leading
    for x, label in zip(
        columns[1:], (doc.labels["rate"], doc.labels["base"], doc.labels["tax"]), strict=True
    ):
        pen.text(x, y, label, bold=True, align="right")
    pen.rule(left, y + 3, right, 0.5)
    y += doc.leading + 2
    for line in doc.spec.tax_lines():
        pen.text(left, y, doc.labels["vat"] if line.label == "VAT" else line.label)
        pen.text(columns[1], y, format_rate(line.rate, doc.spec.number_format), align="right")
        pen.text(columns[2], y, doc.num(line.base), align="right")
        pen.text(columns[3], y, doc.num(line.amount), align="right")
        y += doc.leading
    pen.rule(left, y - doc.leading + 3, right, 0.5)
    return y


def draw_footer(pen: Pen, number: int) -> None:
    doc = pen.doc
    if doc.layout.style:
        render_extra.draw_footer(pen, number)
        return
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    page_text = doc.labels["page"].format(n=number, total=doc.total_pages)
    if doc.layout.footer_bank:
        issuer = doc.spec.issuer
        top = doc.height - FOOTER_BANK_RESERVE + 30
        pen.rule(x0, top - 12, x1, 0.5, GREY)
        third = (x1 - x0) / 3
        small = doc.layout.size - 1.5
        blocks = [
            [issuer.name, issuer.street, issuer.postal_city],
            [f"{doc.labels['vat_id']}: {issuer.vat_id_printed}", f"Tel. {issuer.phone}", issuer.email],
            bank_lines(doc),
        ]
        for column, block in enumerate(blocks):
            for row, line in enumerate(block):
                pen.text(x0 + column * third, top + row * (small + 2.5), line, size=small, colour=GREY)
        pen.text(x1, doc.height - 22, page_text, size=small, align="right", colour=GREY)
    else:
        pen.text(x1, doc.height - 30, page_text, size=doc.layout.size - 1.5, align="right", colour=GREY)


def render(doc: Doc, flow: Flow) -> bytes:
    """Draw the planned pages; returns the PDF bytes (byte-identical for the same input)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(doc.width, doc.height), invariant=1, pageCompression=1)
    canvas.setTitle(f"{title(doc)} {doc.spec.invoice_number}")
    canvas.setAuthor(winansi(doc.spec.issuer.name))
    canvas.setCreator("invoiceflow corpus generator")
    total_pages = flow.pages_if_stop()
    doc.total_pages = total_pages
    pen = Pen(canvas, doc)
    items = doc.spec.items
    running = Decimal("0.00")
    for page_number in range(1, total_pages + 1):
        page = flow.pages[page_number - 1] if page_number <= len(flow.pages) else Page()
        if page_number == 1:
            y = draw_header(pen)
        else:
            draw_continuation_header(pen, page_number)
            y = continuation_end(doc)
        if page.items or page_number == 1:
            y = draw_table_header(pen, y)
            if doc.layout.carried_forward and page.carried_in is not None:
                pen.text(doc.layout.content_x0 + 4, y + doc.leading, doc.labels["brought"], bold=True)
                pen.text(
                    doc.layout.content_x1 - 4,
                    y + doc.leading,
                    doc.num(page.carried_in),
                    bold=True,
                    align="right",
                )
                y += doc.leading
        for index in page.items:
            y = draw_row(pen, y, index + 1, items[index], band=index % 2 == 1)
            running += items[index].amount
        last_items_page = page_number == len(flow.pages)
        if page_number == total_pages:
            draw_totals(pen, y)
        elif doc.layout.carried_forward and page.items and not last_items_page:
            pen.rule(doc.layout.content_x1 - 160, y + 2, doc.layout.content_x1, 0.5)
            pen.text(doc.layout.content_x0 + 4, y + doc.leading + 2, doc.labels["carried"], bold=True)
            pen.text(
                doc.layout.content_x1 - 4, y + doc.leading + 2, doc.num(running), bold=True, align="right"
            )
        else:
            pen.text(
                doc.layout.content_x1,
                doc.bottom + 14,
                doc.labels["continued"],
                size=doc.layout.size - 2,
                align="right",
                colour=GREY,
            )
        draw_footer(pen, page_number)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
