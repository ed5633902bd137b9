"""Drawing of the layouts with a ``style`` (the current held-out set); ``corpus/render.py`` delegates here.

Each style is modelled on a kind of invoice that exists in the wild:

* ``marketplace``: online-shop invoice, "Sold by" seller block beside billing and delivery addresses, order
  number and date, SKU column, VAT amount per line, shipping line, VAT breakdown, "Total payable", paid by
  card (no bank data, no due date);
* ``grid_kv``: header facts in a ruled key/value grid (label cells shaded, two label/value column pairs,
  bank data inside the grid), items with a discount column, totals in a ruled grid; Times;
* ``landscape``: A4 landscape with nine columns (pos, article no., description, unit, qty, unit price,
  discount %, VAT %, amount), meta labels right-aligned against their values, tax summary beside the totals,
  issuer and bank data in a one-line footer on every page;
* ``utility``: telecom/utility bill: account number beside the invoice number, billing period, a summary box
  of charges before the detail, charge lines without quantity or unit price, direct-debit sentence;
* ``letter``: a consultant's letter: invoice number and date only in a sentence, hours x rate lines without
  a table header or rules, right-aligned totals, bank details in a sentence; Times 11;
* ``india_b2b``: Indian tax invoice with HSN/SAC, CGST/SGST (or IGST) rate and amount per line, a line total
  column, billed-to/shipped-to boxes and the amount in words;
* ``us_boxed``: US service invoice in boxes: DATE/INVOICE # box, Bill To/Ship To boxes side by side, a row of
  P.O./terms/rep/ship date/via/due cells, single sales-tax line, payments/credits and balance due; Courier.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import simpleSplit

from corpus.locales import format_quantity, format_rate
from corpus.locales_extra import EXTRA_LABELS, indian_words
from corpus.spec import Item, PrintedTaxLine, money

if TYPE_CHECKING:
    from corpus.render import Doc, Pen

WIDTHS: dict[str, dict[str, float]] = {
    "marketplace": {"code": 66, "qty": 34, "unit": 96, "rate": 36, "vat_amount": 60, "amount": 70},
    "grid_kv": {"pos": 26, "qty": 46, "unit": 70, "discount": 52, "amount": 80},
    "landscape": {"pos": 28, "code": 62, "uom": 42, "qty": 50, "unit": 80, "discount": 54, "rate": 46,
                  "amount": 90},
    "utility": {"period": 190, "amount": 80},
    "letter": {"qty": 70, "unit": 105, "amount": 85},
    "india_b2b": {"pos": 18, "code": 40, "qty": 28, "unit": 52, "amount": 60, "tax_rate_a": 30, "tax_a": 48,
                  "tax_rate_b": 30, "tax_b": 48, "total": 62},
    "us_boxed": {"code": 70, "qty": 40, "unit": 80, "amount": 90},
}  # fmt: skip
NUMERIC_EXTRA = {"vat_amount", "discount", "tax_rate_a", "tax_a", "tax_rate_b", "tax_b", "total"}
FOOTER_RESERVE = {"marketplace": 70.0, "landscape": 48.0, "utility": 80.0, "india_b2b": 60.0}


def xl(doc: Doc, key: str) -> str:
    return EXTRA_LABELS[doc.spec.language][key]


def column_plan(doc: Doc) -> tuple[dict[str, float], tuple[str, ...]]:
    columns = doc.layout.columns
    if doc.layout.style == "india_b2b" and not doc.spec.gst_split:
        columns = tuple(c for c in columns if c not in {"tax_rate_b", "tax_b"})  # IGST: one tax pair
    return WIDTHS[doc.layout.style], columns


def footer_reserve(doc: Doc) -> float:
    return FOOTER_RESERVE.get(doc.layout.style, 60.0)


def has_table_header(doc: Doc) -> bool:
    return doc.layout.style != "letter"


def column_title(doc: Doc, column: str) -> str:
    style, labels = doc.layout.style, doc.labels
    if style == "india_b2b":
        a, b = ("CGST", "SGST") if doc.spec.gst_split else ("IGST", "")
        return {
            "pos": "Sl",
            "desc": "Description of Goods/Services",
            "code": "HSN/SAC",
            "qty": "Qty",
            "unit": "Rate",
            "amount": "Taxable Val.",
            "tax_rate_a": f"{a} %",
            "tax_a": f"{a} Amt",
            "tax_rate_b": f"{b} %",
            "tax_b": f"{b} Amt",
            "total": "Total",
        }[column]
    if style == "us_boxed":
        return {"code": "ITEM", "desc": "DESCRIPTION", "qty": "QTY", "unit": "RATE", "amount": "AMOUNT"}[
            column
        ]
    if style == "utility":
        return {"desc": xl(doc, "charge"), "period": xl(doc, "period"), "amount": labels["amount"]}[column]
    titles = {
        "pos": labels["pos"],
        "code": xl(doc, "sku") if style == "marketplace" else xl(doc, "art_no"),
        "desc": labels["description"],
        "qty": labels["qty"],
        "unit": xl(doc, "unit_net") if style == "marketplace" else labels["unit_price"],
        "rate": labels["vat_pct"] + " %",
        "vat_amount": xl(doc, "vat_amount"),
        "discount": xl(doc, "discount"),
        "uom": xl(doc, "uom"),
        "amount": labels["amount"],
    }
    return titles[column]


def line_taxes(doc: Doc, item: Item) -> list[Decimal]:
    """Per-line tax amounts as the Indian layout prints them (CGST and SGST halves, or IGST)."""
    if doc.spec.gst_split:
        half = money(item.amount * item.rate / 2 / 100)
        return [half, half]
    return [money(item.amount * item.rate / 100)]


def billing_period(doc: Doc, which: str) -> str:
    """Charges in arrears cover the month before the issue date, charges in advance the month after it."""
    issue = doc.spec.issue_date
    first_this = issue.replace(day=1)
    if which == "arrears":
        end = first_this - timedelta(days=1)
        start = end.replace(day=1)
    else:
        start = (first_this + timedelta(days=32)).replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return period_text(doc, start, end)


def period_text(doc: Doc, start: date, end: date) -> str:
    if doc.spec.language == "de" and doc.spec.date_format != "iso":
        return f"{start.day:02d}.{start.month:02d}.-{end.day:02d}.{end.month:02d}.{end.year}"
    if doc.spec.date_format in {"long", "us_long"}:  # long month names do not fit the period column
        return f"{start.day:02d}/{start.month:02d}/{start.year} - {end.day:02d}/{end.month:02d}/{end.year}"
    return f"{doc.day(start)} - {doc.day(end)}"


def row_cells(doc: Doc, number: int, item: Item) -> dict[str, str]:
    nf = doc.spec.number_format
    cells = {
        "pos": str(number),
        "code": item.code,
        "qty": format_quantity(item.quantity, nf),
        "unit": doc.num(item.unit_price),
        "rate": format_rate(item.rate, nf),
        "amount": doc.num(item.amount),
        "vat_amount": doc.num(money(item.amount * item.rate / 100)),
        "discount": format_quantity(item.discount, nf) if item.discount else "",
        "uom": xl(doc, item.unit) if item.unit else "",
        "period": billing_period(doc, item.period) if item.period else "",
    }
    style = doc.layout.style
    if style == "landscape":
        cells["discount"] = doc.num(item.discount)
    if style == "letter":
        cells["qty"] = f"{format_quantity(item.quantity, nf)} {xl(doc, 'hours')}"
        cells["unit"] = f"{xl(doc, 'at')} {doc.cash(item.unit_price)}"
    if style == "india_b2b":
        taxes = line_taxes(doc, item)
        rate = item.rate / 2 if doc.spec.gst_split else item.rate
        cells["tax_rate_a"] = format_quantity(rate, nf)
        cells["tax_a"] = doc.num(taxes[0])
        if len(taxes) == 2:
            cells["tax_rate_b"] = format_quantity(rate, nf)
            cells["tax_b"] = doc.num(taxes[1])
        cells["total"] = doc.num(item.amount + sum(taxes, Decimal(0)))
    return cells


# --- headers --------------------------------------------------------------------------------------------


def draw_header(pen: Pen) -> float:
    return {
        "marketplace": _marketplace_header,
        "grid_kv": _grid_header,
        "landscape": _landscape_header,
        "utility": _utility_header,
        "letter": _letter_header,
        "india_b2b": _india_header,
        "us_boxed": _us_header,
    }[pen.doc.layout.style](pen)


def _iso(text: str) -> date:
    return date.fromisoformat(text)


def _vat_line(doc: Doc) -> list[str]:
    issuer = doc.spec.issuer
    return [f"{doc.labels['vat_id']}: {issuer.vat_id_printed}"] if issuer.vat_id_printed else []


def _marketplace_header(pen: Pen) -> float:
    from corpus.render import draw_logo, party_lines, title

    doc, spec = pen.doc, pen.doc.spec
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    draw_logo(pen, x0, 28)
    pen.text(x0 + 64, 54, spec.extra["shop"], bold=True, size=18, colour=doc.accent)
    pen.text(x1, 48, title(doc), bold=True, size=16, align="right")
    pairs = [
        (doc.labels["credit_no"] if spec.credit_note else doc.labels["invoice_no"], spec.invoice_number),
        (doc.labels["credit_date"] if spec.credit_note else doc.labels["date"], doc.day(spec.issue_date)),
        (xl(doc, "order_no"), spec.extra["order_no"]),
        (xl(doc, "order_date"), doc.day(_iso(spec.extra["order_date"]))),
    ]
    y = 66.0
    for label, value in pairs:
        pen.text(x1 - 120, y, label + ":", align="right", colour=HexColor("#555555"))
        pen.text(x1, y, value, align="right", bold=label == pairs[0][0])
        y += doc.leading
    top = max(y, 100.0) + 16
    third = (x1 - x0) / 3
    issuer = spec.issuer
    seller = [issuer.name, issuer.street, issuer.postal_city, issuer.country.name, *_vat_line(doc)]
    recipient = party_lines(doc, "recipient")
    blocks = [
        (xl(doc, "sold_by"), seller),
        (xl(doc, "billing_address"), recipient),
        (xl(doc, "delivery_address"), recipient[:4]),
    ]
    end = top
    for number, (heading, lines) in enumerate(blocks):
        x = x0 + number * third
        pen.text(x, top, heading, bold=True, colour=doc.accent)
        end = max(end, pen.lines(x, top + doc.leading + 2, lines))
    note = xl(doc, "marketplace_note").format(shop=spec.extra["shop"])
    pen.text(x0, end + 8, note, size=doc.layout.size - 1, colour=HexColor("#555555"))
    return end + 26


def _grid_rows(doc: Doc) -> list[tuple[tuple[str, list[str]], tuple[str, list[str]]]]:
    spec, labels = doc.spec, doc.labels
    issuer, recipient = spec.issuer, spec.recipient
    number_label = labels["credit_no"] if spec.credit_note else labels["invoice_no"]
    date_label = labels["credit_date"] if spec.credit_note else labels["date"]
    rows = [
        ((xl(doc, "seller"), [issuer.name]), (xl(doc, "buyer"), [recipient.name])),
        (
            ("", [issuer.street, f"{issuer.postal_city}, {issuer.country.name}"]),
            ("", [recipient.street, f"{recipient.postal_city}, {recipient.country.name}"]),
        ),
        (
            (labels["vat_id"], [issuer.vat_id_printed or "-"]),
            (labels["customer_no"], [spec.customer_number]),
        ),
        ((number_label, [spec.invoice_number]), (date_label, [doc.day(spec.issue_date)])),
        (
            (xl(doc, "delivery_date"), [doc.day(_iso(spec.extra["delivery_date"]))]),
            (labels["due"], [doc.day(spec.due_date) if spec.due_date else "-"]),
        ),
        ((labels["order_ref"], [spec.order_ref]), (labels["bank"], [issuer.bank_name or "-"])),
        ((labels["iban"], [issuer.iban_printed or "-"]), (labels["bic"], [issuer.bic or "-"])),
    ]
    if spec.extra.get("recipient_vat") and recipient.vat_id_printed:
        rows.append(((f"{labels['vat_id']} ({xl(doc, 'buyer')})", [recipient.vat_id_printed]), ("", [""])))
    return rows


def _grid_header(pen: Pen) -> float:
    from corpus.render import LIGHT, title

    doc = pen.doc
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    pen.text((x0 + x1) / 2, 52, title(doc).upper(), bold=True, size=doc.layout.size + 9, align="centre")
    label_w, value_w = 92.0, (x1 - x0) / 2 - 92.0
    y = 72.0
    for left, right in _grid_rows(doc):
        height = max(len(left[1]), len(right[1])) * doc.leading + 6
        for column, (label, lines) in enumerate((left, right)):
            x = x0 + column * (label_w + value_w)
            pen.box(x, y, label_w, height, fill=LIGHT)
            pen.box(x + label_w, y, value_w, height)
            pen.text(x + 4, y + doc.leading, label, size=doc.layout.size - 1)
            pen.lines(x + label_w + 4, y + doc.leading, lines)
        y += height
    return y + 22


def _landscape_header(pen: Pen) -> float:
    from corpus.render import party_lines, title

    doc, spec = pen.doc, pen.doc.spec
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    issuer = spec.issuer
    pen.c.setFillColor(doc.accent)
    pen.c.rect(0, doc.height - 62, doc.width, 62, stroke=0, fill=1)
    white = HexColor("#FFFFFF")
    pen.text(x0, 30, issuer.name, bold=True, size=16, colour=white)
    pen.text(x0, 46, f"{issuer.street}, {issuer.postal_city}, {issuer.country.name}", colour=white)
    pen.text(x1, 30, f"Tel. {issuer.phone}", align="right", colour=white)
    pen.text(x1, 46, issuer.email, align="right", colour=white)
    pen.text(x0, 90, title(doc), bold=True, size=15)
    end = pen.lines(x0, 112, party_lines(doc, "recipient"), bold_first=True)
    labels = doc.labels
    pairs = [
        (labels["credit_no"] if spec.credit_note else labels["invoice_no"], spec.invoice_number),
        (labels["credit_date"] if spec.credit_note else labels["date"], doc.day(spec.issue_date)),
        (xl(doc, "delivery_date"), doc.day(_iso(spec.extra["delivery_date"]))),
    ]
    if spec.due_date is not None:
        pairs.append((labels["due"], doc.day(spec.due_date)))
    pairs += [(labels["customer_no"], spec.customer_number), (labels["order_ref"], spec.order_ref)]
    y = 96.0
    for label, value in pairs:  # labels right-aligned against a colon, values left-aligned after it
        pen.text(x1 - 130, y, label + ":", align="right")
        pen.text(x1 - 124, y, value, bold=True)
        y += doc.leading
    return max(end, y) + 18


def _utility_header(pen: Pen) -> float:
    from corpus.render import LIGHT, party_lines, title

    doc, spec = pen.doc, pen.doc.spec
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    issuer = spec.issuer
    pen.text(x0, 46, issuer.name, bold=True, size=15, colour=doc.accent)
    sender = f"{issuer.name}, {issuer.street}, {issuer.postal_city}"
    pen.text(x0, 108, sender, size=doc.layout.size - 2, colour=HexColor("#555555"))
    pen.lines(x0, 122, party_lines(doc, "recipient"))
    labels = doc.labels
    pairs = [
        (xl(doc, "account_no"), spec.extra["account_no"]),
        (labels["credit_no"] if spec.credit_note else labels["invoice_no"], spec.invoice_number),
        (labels["credit_date"] if spec.credit_note else labels["date"], doc.day(spec.issue_date)),
        (labels["customer_no"], spec.customer_number),
    ]
    pen.kv(x1 - 190, x1, 100, pairs, value_align="right")
    y = 206.0
    pen.text(x0, y, title(doc), bold=True, size=14)
    pen.text(x0, y + 16, f"{xl(doc, 'period')}: {billing_period(doc, 'arrears')}")
    # The summary box of charges comes before the detail, as on telecom and utility bills.
    y += 32
    rows = [
        (xl(doc, "net_charges"), doc.cash(spec.net), False),
        (xl(doc, "vat_total"), doc.cash(spec.tax), False),
        (xl(doc, "amount_due"), doc.cash(spec.gross), True),
    ]
    box_h = (len(rows) + 1) * (doc.leading + 3) + 8
    pen.box(x0, y, x1 - x0, box_h)
    pen.c.setFillColor(LIGHT)
    pen.c.rect(x0, doc.height - y - doc.leading - 6, x1 - x0, doc.leading + 6, stroke=0, fill=1)
    pen.text(x0 + 6, y + doc.leading + 1, xl(doc, "summary"), bold=True)
    row_y = y + 2 * (doc.leading + 3) + 2
    for label, value, strong in rows:
        pen.text(x0 + 6, row_y, label, bold=strong)
        pen.text(x1 - 6, row_y, value, bold=strong, align="right")
        row_y += doc.leading + 3
    y += box_h + 14
    last4 = spec.extra["last4"]
    if spec.credit_note:
        sentence = xl(doc, "debit_credit").format(amount=doc.cash(spec.gross), last4=last4)
    else:
        assert spec.due_date is not None
        sentence = xl(doc, "debit").format(
            amount=doc.cash(spec.gross), last4=last4, date=doc.day(spec.due_date)
        )
    y = pen.lines(x0, y, simpleSplit(_safe(sentence), doc.layout.font, doc.layout.size, x1 - x0)) + 12
    pen.text(x0, y, xl(doc, "detail"), bold=True, size=doc.layout.size + 2)
    return y + 8


def _safe(text: str) -> str:
    from corpus.render import winansi

    return winansi(text)


def _letter_header(pen: Pen) -> float:
    from corpus.render import party_lines

    doc, spec = pen.doc, pen.doc.spec
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    issuer = spec.issuer
    contact = [issuer.street, issuer.postal_city, f"Tel. {issuer.phone}", issuer.email, *_vat_line(doc)]
    pen.text(x1, 56, issuer.name, bold=True, size=doc.layout.size + 3, align="right")
    pen.lines(x1, 56 + doc.leading + 4, contact, align="right")
    sender = f"{issuer.name} - {issuer.street} - {issuer.postal_city}"
    pen.text(x0, 150, sender, size=doc.layout.size - 3.5)
    pen.rule(x0, 153, x0 + 230, 0.3)
    pen.lines(x0, 168, party_lines(doc, "recipient"))
    city = next((name for _, name in issuer.country.cities if name in issuer.postal_city), issuer.postal_city)
    pen.text(x1, 262, xl(doc, "place_date").format(city=city, date=doc.day(spec.issue_date)), align="right")
    if spec.credit_note:
        subject = f"{doc.labels['credit_note']} {spec.invoice_number}, {doc.day(spec.issue_date)}"
    else:
        subject = doc.labels["invoice_sentence"].format(no=spec.invoice_number, date=doc.day(spec.issue_date))
    y = 292.0
    pen.text(x0, y, subject, bold=True)
    y += 2 * doc.leading
    pen.text(x0, y, xl(doc, "dear"))
    pen.text(x0, y + 1.5 * doc.leading, xl(doc, "intro"))
    return y + 2 * doc.leading + 4


def _india_header(pen: Pen) -> float:
    doc, spec = pen.doc, pen.doc.spec
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    issuer, recipient = spec.issuer, spec.recipient
    assert issuer.state is not None
    assert recipient.state is not None
    centre = (x0 + x1) / 2
    pen.text(x1, 30, "ORIGINAL FOR RECIPIENT", size=6.5, align="right")
    pen.text(
        centre, 36, "CREDIT NOTE" if spec.credit_note else "TAX INVOICE", bold=True, size=12, align="centre"
    )
    pen.text(centre, 54, issuer.name, bold=True, size=13, align="centre")
    pen.text(centre, 66, f"{issuer.street}, {issuer.postal_city}, {issuer.country.name}", align="centre")
    gstin = issuer.vat_id_printed or ""
    pan = gstin[2:12]
    pen.text(
        centre,
        76,
        f"GSTIN: {gstin} | PAN: {pan} | State: {issuer.state[1]} ({issuer.state[0]})",
        align="centre",
        bold=True,
    )
    pen.text(centre, 86, f"Phone: {issuer.phone} | Email: {issuer.email}", align="centre")
    y = 96.0
    pairs_left = [("Invoice No.", spec.invoice_number), ("Invoice Date", doc.day(spec.issue_date))]
    if spec.due_date is not None:
        pairs_left.append(("Due Date", doc.day(spec.due_date)))
    pairs_left.append(("Reverse Charge", "No"))
    pairs_right = [
        ("Place of Supply", f"{recipient.state[1]} ({recipient.state[0]})"),
        ("Buyer's Order No.", spec.order_ref),
        ("Transport Mode", "Road"),
    ]
    if spec.credit_note and spec.credit_ref:
        pairs_right.append(("Against Invoice", spec.credit_ref))
    rows = max(len(pairs_left), len(pairs_right))
    half = (x1 - x0) / 2
    pen.box(x0, y, x1 - x0, rows * doc.leading + 6)
    pen.c.line(x0 + half, doc.height - y, x0 + half, doc.height - y - rows * doc.leading - 6)
    pen.kv(x0 + 4, x0 + 84, y + doc.leading, [(k, ": " + v) for k, v in pairs_left])
    pen.kv(x0 + half + 4, x0 + half + 84, y + doc.leading, [(k, ": " + v) for k, v in pairs_right])
    y += rows * doc.leading + 6
    party = [
        recipient.name,
        recipient.street,
        recipient.postal_city,
        f"GSTIN: {recipient.vat_id_printed}",
        f"State: {recipient.state[1]}, Code: {recipient.state[0]}",
    ]
    box_h = (len(party) + 1) * doc.leading + 6
    for column, heading in enumerate(
        ("Details of Receiver (Billed to)", "Details of Consignee (Shipped to)")
    ):
        x = x0 + column * half
        pen.box(x, y, half, box_h)
        pen.text(x + 4, y + doc.leading, heading, bold=True)
        pen.lines(x + 4, y + 2 * doc.leading, party)
    return y + box_h + 10


def _us_header(pen: Pen) -> float:
    from corpus.render import LIGHT

    doc, spec = pen.doc, pen.doc.spec
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    issuer, recipient = spec.issuer, spec.recipient
    pen.lines(
        x0, 50, [issuer.name, issuer.street, issuer.postal_city, issuer.phone, issuer.email], bold_first=True
    )
    pen.text(x1, 52, "CREDIT MEMO" if spec.credit_note else "INVOICE", bold=True, size=20, align="right")

    def cells(x: float, y: float, width: float, pairs: list[tuple[str, str]]) -> float:
        cell = width / len(pairs)
        for number, (label, value) in enumerate(pairs):
            cx = x + number * cell
            pen.box(cx, y, cell, doc.leading + 4, fill=LIGHT)
            pen.box(cx, y + doc.leading + 4, cell, doc.leading + 4)
            pen.text(
                cx + cell / 2, y + doc.leading, label, bold=True, align="centre", size=doc.layout.size - 1
            )
            pen.text(cx + cell / 2, y + 2 * doc.leading + 4, value, align="centre")
        return y + 2 * (doc.leading + 4)

    cells(
        x1 - 200,
        64,
        200,
        [
            ("DATE", doc.day(spec.issue_date)),
            ("CREDIT #" if spec.credit_note else "INVOICE #", spec.invoice_number),
        ],
    )
    y = 124.0
    lines = [recipient.name, recipient.street, recipient.postal_city]
    box_w = 230.0
    for x, heading in ((x0, "BILL TO"), (x0 + box_w + 40, "SHIP TO")):
        pen.box(x, y, box_w, doc.leading + 4, fill=LIGHT)
        pen.text(x + 4, y + doc.leading, heading, bold=True)
        pen.box(x, y + doc.leading + 4, box_w, 4 * doc.leading + 4)
        pen.lines(x + 4, y + 2 * doc.leading + 4, lines)
    y += 5 * doc.leading + 24
    terms = f"Net {spec.payment_days}" if spec.payment_days else "Due on receipt"
    due = doc.day(spec.due_date) if spec.due_date else doc.day(spec.issue_date)
    ship = doc.day(spec.issue_date - timedelta(days=2))
    y = cells(
        x0,
        y,
        x1 - x0,
        [
            ("P.O. NUMBER", spec.order_ref),
            ("TERMS", terms),
            ("REP", spec.extra["rep"]),
            ("SHIP DATE", ship),
            ("SHIP VIA", spec.extra["ship_via"]),
            ("DUE DATE", due),
        ],
    )
    return y + 12


# --- totals ---------------------------------------------------------------------------------------------


def totals_height(doc: Doc) -> float:
    taxes = len(doc.spec.tax_lines())
    lead = doc.leading
    style = doc.layout.style
    if style == "marketplace":  # shipping row (up to 2 lines), VAT breakdown, totals, paid note
        return (2 + 2 + taxes + 3 + 3) * lead + 40 + doc.table_header_height
    if style == "grid_kv":
        return (taxes + 2) * (lead + 6) + 4 * lead + 30
    if style == "landscape":
        return (max(taxes + 2, taxes + 3) + 3) * lead + 40
    if style == "utility":
        return (taxes + 4) * lead + 30
    if style == "letter":
        return (taxes + 2 + 5 + 4) * lead + 30
    if style == "india_b2b":
        return (taxes + 3 + 9) * lead + 40
    if style == "us_boxed":
        return (taxes + 4 + 7) * lead + 30
    raise ValueError(style)


def draw_totals(pen: Pen, y: float) -> float:
    return {
        "marketplace": _marketplace_totals,
        "grid_kv": _grid_totals,
        "landscape": _landscape_totals,
        "utility": _utility_totals,
        "letter": _letter_totals,
        "india_b2b": _india_totals,
        "us_boxed": _us_totals,
    }[pen.doc.layout.style](pen, y)


def _vat_name(doc: Doc, line: PrintedTaxLine) -> str:
    return doc.labels["vat"] if line.label == "VAT" else line.label


def _marketplace_totals(pen: Pen, y: float) -> float:
    from corpus.render import continuation_end, draw_row, draw_table_header

    doc, spec = pen.doc, pen.doc.spec
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    if y <= continuation_end(doc):  # totals alone on a new page: the shipping line needs its table header
        y = draw_table_header(pen, y)
    y = draw_row(pen, y, len(spec.items), spec.items[-1], band=False)  # the shipping line
    pen.rule(x0, y + 2, x1, 0.5)
    y += 16
    # VAT breakdown per rate (left), totals (right)
    columns = (x0, x0 + 90, x0 + 180, x0 + 260)
    for x, label, align in zip(
        columns,
        (doc.labels["rate"], doc.labels["base"], doc.labels["tax"], ""),
        ("left", "right", "right", "right"),
        strict=True,
    ):
        if label:
            pen.text(x, y, label, bold=True, align=align)
    row_y = y + doc.leading
    for line in spec.tax_lines():
        pen.text(columns[0], row_y, f"{_vat_name(doc, line)} {format_rate(line.rate, spec.number_format)}")
        pen.text(columns[1], row_y, doc.num(line.base), align="right")
        pen.text(columns[2], row_y, doc.num(line.amount), align="right")
        row_y += doc.leading
    rows = [(doc.labels["net"], doc.cash(spec.net)), (xl(doc, "vat_total"), doc.cash(spec.tax))]
    right_y = y
    for label, value in rows:
        pen.text(x1 - 110, right_y, label, align="right")
        pen.text(x1, right_y, value, align="right")
        right_y += doc.leading
    right_y += 4
    pen.text(
        x1 - 110, right_y + 2, xl(doc, "total_payable"), bold=True, size=doc.layout.size + 2, align="right"
    )
    pen.text(x1, right_y + 2, doc.cash(spec.gross), bold=True, size=doc.layout.size + 2, align="right")
    y = max(row_y, right_y + doc.leading) + 14
    if spec.credit_note and spec.credit_ref:
        note = doc.labels["credit_ref"].format(ref=spec.credit_ref)
    else:
        note = xl(doc, "paid_card").format(date=doc.day(_iso(spec.extra["order_date"])))
    pen.text(x0, y, note)
    return y + doc.leading


def _grid_totals(pen: Pen, y: float) -> float:
    from corpus.render import LIGHT, closing_lines, tax_line_text

    doc, spec = pen.doc, pen.doc.spec
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    y += 12
    rows = [(doc.labels["net"], doc.cash(spec.net), False)]
    rows += [(tax_line_text(doc, line), doc.cash(line.amount), False) for line in spec.tax_lines()]
    rows.append((doc.labels["total"], doc.cash(spec.gross), True))
    label_x, width = x1 - 300, 300.0
    height = doc.leading + 6
    for label, value, strong in rows:
        pen.box(label_x, y, 190, height, fill=LIGHT if strong else None)
        pen.box(label_x + 190, y, width - 190, height, fill=LIGHT if strong else None)
        pen.text(label_x + 4, y + doc.leading, label, bold=strong)
        pen.text(x1 - 4, y + doc.leading, value, bold=strong, align="right")
        y += height
    return pen.lines(x0, y + 16, closing_lines(doc))


def _landscape_totals(pen: Pen, y: float) -> float:
    from corpus.render import _tax_summary, closing_lines

    doc, spec = pen.doc, pen.doc.spec
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    y += 16
    summary_end = _tax_summary(pen, x0, x0 + 300, y)  # tax summary on the left, totals on the right
    rows = [(doc.labels["net"], doc.cash(spec.net), False), (doc.labels["tax"], doc.cash(spec.tax), False)]
    rows.append((doc.labels["total"], doc.cash(spec.gross), True))
    right_y = y
    for label, value, strong in rows:
        if strong:
            pen.rule(x1 - 220, right_y - doc.leading + 1, x1, 1.0)
            right_y += 3
        pen.text(x1 - 220, right_y, label, bold=strong)
        pen.text(x1, right_y, value, bold=strong, align="right")
        right_y += doc.leading + 1
    y = max(summary_end, right_y) + 12
    return pen.lines(x0, y, closing_lines(doc))


def _utility_totals(pen: Pen, y: float) -> float:
    from corpus.render import tax_line_text

    doc, spec = pen.doc, pen.doc.spec
    x1 = doc.layout.content_x1
    pen.rule(x1 - 260, y + 3, x1, 0.5)
    y += 16
    rows = [(xl(doc, "net_charges"), doc.cash(spec.net), False)]
    rows += [(tax_line_text(doc, line), doc.cash(line.amount), False) for line in spec.tax_lines()]
    rows.append((xl(doc, "amount_due"), doc.cash(spec.gross), True))
    for label, value, strong in rows:
        pen.text(x1 - 260, y, label, bold=strong)
        pen.text(x1, y, value, bold=strong, align="right")
        y += doc.leading + 1
    return y


def _letter_totals(pen: Pen, y: float) -> float:
    doc, spec = pen.doc, pen.doc.spec
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    y += doc.leading
    rows = [(xl(doc, "net_amount"), doc.cash(spec.net), False)]
    for line in spec.tax_lines():
        rows.append(
            (
                f"{xl(doc, 'plus_vat')} {format_rate(line.rate, spec.number_format)}",
                doc.cash(line.amount),
                False,
            )
        )
    rows.append((xl(doc, "total_amount"), doc.cash(spec.gross), True))
    for label, value, strong in rows:  # right-aligned, no rules, no box
        pen.text(x1 - 110, y, label, bold=strong, align="right")
        pen.text(x1, y, value, bold=strong, align="right")
        y += doc.leading + 1
    y += doc.leading
    issuer = spec.issuer
    amount = doc.cash(abs(spec.gross))
    if spec.credit_note:
        sentence = xl(doc, "credit_transfer").format(amount=amount)
        if spec.credit_ref:
            sentence = f"{doc.labels['credit_ref'].format(ref=spec.credit_ref)}. {sentence}"
    else:
        key = "transfer" if spec.due_date else "transfer_nodate"
        sentence = xl(doc, key).format(
            amount=amount,
            date=doc.day(spec.due_date) if spec.due_date else "",
            iban=issuer.iban_printed,
            bic=issuer.bic,
            bank=issuer.bank_name,
        )
    y = (
        pen.lines(x0, y, simpleSplit(_safe(sentence), doc.layout.font, doc.layout.size, x1 - x0))
        + doc.leading
    )
    y = pen.lines(x0, y, [xl(doc, "regards"), "", issuer.name])
    return y


def _india_totals(pen: Pen, y: float) -> float:
    doc, spec = pen.doc, pen.doc.spec
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    y += 12
    rows = [("Total Taxable Value", doc.num(spec.net), False)]
    for line in spec.tax_lines():
        rate = format_quantity(line.rate, spec.number_format)
        rows.append((f"{line.label} @ {rate}% on {doc.num(line.base)}", doc.num(line.amount), False))
    rows.append(("Total Invoice Value", doc.cash(spec.gross), True))
    for label, value, strong in rows:
        pen.text(x1 - 140, y, label, bold=strong, align="right")
        pen.text(x1, y, value, bold=strong, align="right")
        y += doc.leading + 1
    gross = abs(spec.gross)
    rupees, paise = int(gross), int((gross - int(gross)) * 100)
    words = f"INR {indian_words(rupees)}" + (f" and {indian_words(paise)} Paise" if paise else "") + " Only"
    if spec.gross < 0:
        words = f"Minus {words}"
    y += 6
    pen.text(x0, y, "Amount Chargeable (in words):", bold=True)
    y = pen.lines(x0, y + doc.leading, simpleSplit(words, doc.layout.font, doc.layout.size, x1 - x0)) + 6
    extra = spec.extra
    pen.text(x0, y, "Company's Bank Details", bold=True)
    end = pen.lines(
        x0,
        y + doc.leading,
        [
            f"Bank Name: {extra['bank_name']}",
            f"A/c No.: {extra['account']}",
            f"Branch & IFSC: {extra['ifsc']}",
        ],
    )
    pen.text(x1, y, f"for {spec.issuer.name}", bold=True, align="right")
    pen.text(x1, y + 3 * doc.leading, "Authorised Signatory", align="right")
    declaration = "Declaration: We declare that this invoice shows the actual price of the goods described."
    return pen.lines(x0, end + 4, [declaration])


def _us_totals(pen: Pen, y: float) -> float:
    from corpus.render import LIGHT, bank_lines

    doc, spec = pen.doc, pen.doc.spec
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    y += 8
    rows = [("Subtotal", doc.cash(spec.net), False)]
    for line in spec.tax_lines():
        rows.append(
            (f"Sales Tax ({format_quantity(line.rate, spec.number_format)}%)", doc.cash(line.amount), False)
        )
    rows += [
        ("Total", doc.cash(spec.gross), True),
        ("Payments/Credits", doc.cash(Decimal("0.00")), False),
        ("Balance Due", doc.cash(spec.gross), True),
    ]
    box_x, height = x1 - 230, doc.leading + 4
    for label, value, strong in rows:
        pen.box(box_x, y, 230, height, fill=LIGHT if strong else None)
        pen.text(box_x + 4, y + doc.leading, label, bold=strong)
        pen.text(x1 - 4, y + doc.leading, value, bold=strong, align="right")
        y += height
    y += 14
    note = (
        f"Credit for invoice {spec.credit_ref}"
        if spec.credit_note and spec.credit_ref
        else "Remit payment to:"
    )
    y = pen.lines(x0, y, [note, *bank_lines(doc)])
    return pen.lines(x0, y + 4, ["Thank you for your business!"])


# --- footers --------------------------------------------------------------------------------------------


def draw_footer(pen: Pen, number: int) -> None:
    doc, spec = pen.doc, pen.doc.spec
    x0, x1 = doc.layout.content_x0, doc.layout.content_x1
    grey = HexColor("#555555")
    small = doc.layout.size - 1.5
    page_text = doc.labels["page"].format(n=number, total=doc.total_pages)
    issuer = spec.issuer
    style = doc.layout.style
    bottom = doc.height - 24
    if style == "landscape":
        parts = [issuer.name, issuer.street, issuer.postal_city]
        if issuer.vat_id_printed:
            parts.append(f"{doc.labels['vat_id']} {issuer.vat_id_printed}")
        parts += [f"{doc.labels['iban']} {issuer.iban_printed}", f"{doc.labels['bic']} {issuer.bic}"]
        pen.rule(x0, bottom - 12, x1, 0.4, grey)
        pen.text((x0 + x1) / 2, bottom, " | ".join(parts), size=small, align="centre", colour=grey)
        pen.text(x1, bottom + 10, page_text, size=small, align="right", colour=grey)
        return
    if style == "utility":
        lines = [
            f"{issuer.name} - {issuer.street} - {issuer.postal_city} - {issuer.country.name}",
            " - ".join([*_vat_line(doc), f"Tel. {issuer.phone}", issuer.email]),
            f"{xl(doc, 'our_bank')}: {issuer.bank_name} - {doc.labels['iban']} {issuer.iban_printed} - "
            f"{doc.labels['bic']} {issuer.bic}",
        ]
        for row, line in enumerate(lines):
            pen.text(x0, bottom - 36 + row * (small + 3), line, size=small, colour=grey)
        pen.text(x1, bottom, page_text, size=small, align="right", colour=grey)
        return
    if style == "marketplace":
        pen.rule(x0, bottom - 30, x1, 0.4, grey)
        line = f"{xl(doc, 'sold_by')}: {issuer.name}, {issuer.street}, {issuer.postal_city}"
        pen.text(x0, bottom - 18, line, size=small, colour=grey)
        pen.text(x1, bottom, page_text, size=small, align="right", colour=grey)
        return
    if style == "india_b2b":
        pen.text((x0 + x1) / 2, bottom, "This is a computer generated invoice.", size=small, align="centre")
        pen.text(x1, bottom, page_text, size=small, align="right", colour=grey)
        return
    if style == "letter":
        pen.text((x0 + x1) / 2, bottom, f"- {number} -", size=small, align="centre", colour=grey)
        return
    pen.text(x1, bottom, page_text, size=small, align="right", colour=grey)
