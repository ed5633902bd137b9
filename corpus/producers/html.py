# ruff: noqa: E501  (HTML templates: their lines are markup, wrapped where the markup reads best)
"""Four invented HTML invoice layouts of the kinds ERP and web-shop engines print.

Plain tables and floats only (no flexbox or grid): wkhtmltopdf's QtWebKit and LibreOffice's HTML import
understand little more. Each layout exercises what real producers do with text: letter-spaced
upper-case titles, bold runs, right-aligned number columns, multi-line cells, small grey footers.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from corpus.identities import Party
from corpus.producers.content import CREDIT_LABELS, PAID, Content

LAYOUTS = ("bordered", "minimal", "letter", "erp_grid")

BASE_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #222; }
table { border-collapse: collapse; }
td, th { vertical-align: top; padding: 3px 5px; }
.r { text-align: right; }
.small { font-size: 7.5pt; color: #555; }
"""


def _e(text: str) -> str:
    return escape(text, quote=False)


def _address(c: Content, buyer: bool) -> str:
    party = c.buyer if buyer else c.seller
    return f"<b>{_e(party.name)}</b><br>{_e(party.street)}<br>{_e(party.postal_city)}<br>{_e(party.country.name)}"


def _bank(c: Content) -> str:
    s = c.seller
    return f"{_e(c.labels['bank'])}: {_e(s.bank_name or '')}<br>IBAN: {_e(s.iban_printed or '')}<br>BIC: {_e(s.bic or '')}"


def _totals_rows(c: Content, cls: str = "r") -> str:
    rows = [f"<tr><td>{_e(c.labels['net'])}</td><td class='{cls}'>{_e(c.money(c.net))}</td></tr>"]
    for rate, _base, tax in c.tax_groups():
        rows.append(
            f"<tr><td>{_e(c.labels['tax'])} {_e(c.rate(rate))}</td><td class='{cls}'>{_e(c.money(tax))}</td></tr>"
        )
    rows.append(
        f"<tr><td><b>{_e(c.labels['gross'])}</b></td><td class='{cls}'><b>{_e(c.money(c.gross))}</b></td></tr>"
    )
    return "".join(rows)


def _page(c: Content, css: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='{c.language}'><head><meta charset='utf-8'>"
        f"<title>{_e(c.labels['title'])} {_e(c.number)}</title><style>{BASE_CSS}{css}</style></head>"
        f"<body>{body}</body></html>"
    )


def bordered(c: Content) -> str:
    """Classic: name left, big title right, meta box, two address columns, ruled item table."""
    lab = c.labels
    css = """
    .items { width: 100%; margin-top: 14px; } .items th, .items td { border: 1px solid #999; }
    .items th { background: #e8e8e8; } .meta td { border: 1px solid #bbb; }
    h1 { font-size: 22pt; margin: 0; text-align: right; } .seller { font-size: 14pt; font-weight: bold; }
    .totals { float: right; margin-top: 10px; } .foot { margin-top: 40px; border-top: 1px solid #999; }
    """
    items = "".join(
        f"<tr><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td>"
        f"<td class='r'>{_e(c.money(line.unit_price))}</td><td class='r'>{_e(c.rate(line.rate))}</td>"
        f"<td class='r'>{_e(c.money(line.amount))}</td></tr>"
        for line in c.lines
    )
    body = f"""
    <table style='width:100%'><tr><td class='seller'>{_e(c.seller.name)}</td>
    <td><h1>{_e(lab["title"].upper())}</h1></td></tr></table>
    <table style='width:100%; margin-top:16px'><tr>
      <td style='width:50%'><span class='small'>{_e(lab["from"])}</span><br>{_address(c, False)}</td>
      <td><table class='meta' style='margin-left:auto'>
        <tr><td>{_e(lab["number"])}</td><td>{_e(c.number)}</td></tr>
        <tr><td>{_e(lab["date"])}</td><td>{_e(c.day(c.issue))}</td></tr>
        <tr><td>{_e(lab["due"])}</td><td>{_e(c.day(c.due))}</td></tr>
        <tr><td>{_e(lab["customer"])}</td><td>{_e(c.customer_no)}</td></tr></table></td></tr>
    <tr><td style='padding-top:14px'><span class='small'>{_e(lab["to"])}</span><br>{_address(c, True)}</td>
    <td></td></tr></table>
    <table class='items'><tr><th>{_e(lab["description"])}</th><th class='r'>{_e(lab["qty"])}</th>
    <th class='r'>{_e(lab["price"])}</th><th class='r'>{_e(lab["rate"])}</th><th class='r'>{_e(lab["amount"])}</th></tr>
    {items}</table>
    <table class='totals'>{_totals_rows(c)}</table><div style='clear:both'></div>
    <div class='foot small'>{_e(c.seller.name)} &middot; {_e(lab["vat_id"])} {_e(c.seller.vat_id_printed or "")}<br>
    {_bank(c)}</div>
    """
    return _page(c, css, body)


def minimal(c: Content) -> str:
    """Web-shop style: letter-spaced title, meta strip with labels above values, hairline rows."""
    lab = c.labels
    css = """
    .title { font-size: 20pt; letter-spacing: 4px; text-transform: uppercase; color: #335; }
    .strip td { padding-right: 28px; } .strip .k { font-size: 7pt; color: #777; text-transform: uppercase; }
    .items { width: 100%; margin-top: 18px; } .items th { text-align: left; border-bottom: 2px solid #335; }
    .items td { border-bottom: 1px solid #ddd; } .totals { margin-left: auto; margin-top: 8px; }
    .totals td { padding: 2px 0 2px 30px; } .foot td { width: 33%; padding-right: 12px; }
    .k, .to { letter-spacing: 1.6px; text-transform: uppercase; }
    .stamp { position: absolute; left: 330px; top: 520px; font-size: 34pt; color: #c33; border: 3px solid #c33;
      padding: 2px 10px; text-transform: uppercase; opacity: 0.6;
      -webkit-transform: rotate(-24deg); transform: rotate(-24deg); }
    """
    items = "".join(
        f"<tr><td>{_e(line.description)}<br><span class='small'>{_e(line.detail)}</span></td>"
        f"<td class='r'>{_e(c.qty(line.quantity))}</td><td class='r'>{_e(c.money(line.unit_price))}</td>"
        f"<td class='r'>{_e(c.money(line.amount))}</td></tr>"
        for line in c.lines
    )
    body = f"""
    <div style='float:right; text-align:right'>{_address(c, False)}</div>
    <div class='title'>{_e(lab["title"])}</div>
    <div style='clear:both; height: 12px'></div>
    <table class='strip'><tr><td class='k'>{_e(lab["number"])}</td><td class='k'>{_e(lab["date"])}</td>
    <td class='k'>{_e(lab["due"])}</td></tr>
    <tr><td><b>{_e(c.number)}</b></td><td>{_e(c.day(c.issue))}</td><td>{_e(c.day(c.due))}</td></tr></table>
    <p><span class='small to'>{_e(lab["to"])}</span><br>{_address(c, True)}</p>
    <table class='items'><tr><th>{_e(lab["description"])}</th><th class='r'>{_e(lab["qty"])}</th>
    <th class='r'>{_e(lab["price"])}</th><th class='r'>{_e(lab["amount"])}</th></tr>{items}</table>
    <table class='totals'>{_totals_rows(c)}</table>
    <div class='stamp' data-rotated='1'>{_e(PAID[c.language])}</div>
    <p class='small'>{_e(lab["thanks"])}</p>
    <table class='foot small' style='width:100%; margin-top:30px'><tr>
    <td>{_e(c.seller.name)}<br>{_e(c.seller.street)}<br>{_e(c.seller.postal_city)}</td>
    <td>{_e(lab["vat_id"])}: {_e(c.seller.vat_id_printed or "")}<br>{_e(c.seller.email)}</td>
    <td>{_bank(c)}</td></tr></table>
    """
    return _page(c, css, body)


def letter(c: Content) -> str:
    """Business letter: sender line above the window address, meta column on the right, tax summary,
    one-line footer with separators."""
    lab = c.labels
    s = c.seller
    css = """
    .sender { font-size: 6.5pt; text-decoration: underline; } .meta td { padding: 1px 4px; }
    .items { width: 100%; margin-top: 20px; } .items th { border-bottom: 1px solid #000; text-align: left; }
    .sum td { padding: 1px 6px; } .foot { margin-top: 40px; font-size: 7pt; text-align: center; color: #444; }
    h2 { font-size: 13pt; margin: 22px 0 0 0; }
    """
    items = "".join(
        f"<tr><td>{i}</td><td>{_e(line.description)}<br><i>{_e(line.detail)}</i></td>"
        f"<td class='r'>{_e(c.qty(line.quantity))}</td><td class='r'>{_e(c.num(line.unit_price))}</td>"
        f"<td class='r'>{_e(c.num(line.amount))}</td></tr>"
        for i, line in enumerate(c.lines, 1)
    )
    summary = "".join(
        f"<tr><td>{_e(c.rate(rate))}</td><td class='r'>{_e(c.num(base))}</td><td class='r'>{_e(c.num(tax))}</td></tr>"
        for rate, base, tax in c.tax_groups()
    )
    body = f"""
    <div style='text-align:right; font-size:15pt; font-weight:bold'>{_e(s.name)}</div>
    <table style='width:100%; margin-top:30px'><tr><td style='width:58%'>
      <div class='sender'>{_e(s.name)} · {_e(s.street)} · {_e(s.postal_city)}</div>{_address(c, True)}</td>
      <td><table class='meta'>
        <tr><td>{_e(lab["number"])}:</td><td class='r'>{_e(c.number)}</td></tr>
        <tr><td>{_e(lab["date"])}:</td><td class='r'>{_e(c.day(c.issue))}</td></tr>
        <tr><td>{_e(lab["customer"])}:</td><td class='r'>{_e(c.customer_no)}</td></tr>
        <tr><td>{_e(lab["due"])}:</td><td class='r'>{_e(c.day(c.due))}</td></tr></table></td></tr></table>
    <h2>{_e(lab["title"])} {_e(c.number)}</h2>
    <table class='items'><tr><th>{_e(lab["pos"])}</th><th>{_e(lab["description"])}</th>
    <th class='r'>{_e(lab["qty"])}</th><th class='r'>{_e(lab["price"])} ({_e(c.currency)})</th>
    <th class='r'>{_e(lab["amount"])} ({_e(c.currency)})</th></tr>{items}</table>
    <table style='width:100%; margin-top:12px'><tr><td>
      <table class='sum small'><tr><th>{_e(lab["rate"])}</th><th>{_e(lab["base"])}</th><th>{_e(lab["tax"])}</th></tr>
      {summary}</table></td>
      <td><table style='margin-left:auto'>{_totals_rows(c)}</table></td></tr></table>
    <div class='foot'>{_e(s.name)} · {_e(s.street)} · {_e(s.postal_city)} · {_e(lab["vat_id"])} {_e(s.vat_id_printed or "")}
    <br>{_e(s.bank_name or "")} · IBAN {_e(s.iban_printed or "")} · BIC {_e(s.bic or "")}</div>
    """
    return _page(c, css, body)


def erp_grid(c: Content) -> str:
    """ERP report: issuer block left, customer right, a grid with position, unit and VAT columns, totals
    as the last rows of the grid, bank and VAT data in a bordered footer."""
    lab = c.labels
    css = """
    .grid { width: 100%; margin-top: 16px; font-size: 8.5pt; } .grid th { background: #444; color: #fff; }
    .grid td { border-bottom: 1px dotted #aaa; } .grid .tot td { border: none; }
    .box { border: 1px solid #888; padding: 6px; } h1 { font-size: 16pt; margin: 18px 0 4px 0; }
    .side { position: absolute; left: -212px; top: 420px; width: 440px; font-size: 6.5pt; color: #777;
      -webkit-transform: rotate(-90deg); transform: rotate(-90deg); }
    """
    items = "".join(
        f"<tr><td>{i * 10}</td><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td>"
        f"<td>{_e(lab['unit'])}</td><td class='r'>{_e(c.num(line.unit_price))}</td>"
        f"<td class='r'>{_e(c.rate(line.rate))}</td><td class='r'>{_e(c.num(line.amount))}</td></tr>"
        for i, line in enumerate(c.lines, 1)
    )
    totals = "".join(
        f"<tr class='tot'><td colspan='5'></td><td class='r'>{cells}</td></tr>"
        for cells in (
            f"{_e(lab['net'])}</td><td class='r'>{_e(c.money(c.net))}",
            *(
                f"{_e(lab['tax'])} {_e(c.rate(rate))}</td><td class='r'>{_e(c.money(tax))}"
                for rate, _b, tax in c.tax_groups()
            ),
            f"<b>{_e(lab['gross'])}</b></td><td class='r'><b>{_e(c.money(c.gross))}</b>",
        )
    )
    body = f"""
    <table style='width:100%'><tr><td style='width:55%'>{_address(c, False)}<br>
    <span class='small'>{_e(lab["vat_id"])} {_e(c.seller.vat_id_printed or "")}</span></td>
    <td class='box'><span class='small'>{_e(lab["to"])}</span><br>{_address(c, True)}</td></tr></table>
    <h1>{_e(lab["title"])} {_e(c.number)}</h1>
    <table><tr><td><b>{_e(lab["date"])}</b><br>{_e(c.day(c.issue))}</td>
    <td><b>{_e(lab["due"])}</b><br>{_e(c.day(c.due))}</td><td><b>{_e(lab["customer"])}</b><br>{_e(c.customer_no)}</td>
    </tr></table>
    <table class='grid'><tr><th>{_e(lab["pos"])}</th><th>{_e(lab["description"])}</th><th class='r'>{_e(lab["qty"])}</th>
    <th>{_e(lab["unit"])}</th><th class='r'>{_e(lab["price"])}</th><th class='r'>{_e(lab["rate"])}</th>
    <th class='r'>{_e(lab["amount"])}</th></tr>{items}{totals}</table>
    <p class='box small' style='margin-top:30px'>{_bank(c)}<br>{_e(lab["thanks"])}</p>
    <div class='side' data-rotated='1'>{_e(c.seller.name)} · {_e(lab["registered"])} · {_e(c.seller.street)}</div>
    """
    return _page(c, css, body)


# --- World layouts (added later; the four above are unchanged so that their figures stay comparable).
WORLD_LAYOUTS = (
    "window_letter",
    "us_bill_ship",
    "gst_invoice",
    "erp_letterhead",
    "saas_receipt",
    "credit_note",
    "brand_footer",
    "caps_inline",
    "einvoice_view",
)


def _buyer_block(c: Content, party: Party | None = None, extra: bool = True) -> str:
    """Name, the attention/department/c/o lines, street, city, country, as an address window shows them."""
    p = party or c.buyer
    lines = [f"<b>{_e(p.name)}</b>"] if party is None else [_e(p.name)]
    if extra:
        lines += [_e(line) for line in c.buyer_extra]
    lines += [_e(p.street), _e(p.postal_city), _e(p.country.name)]
    return "<br>".join(lines)


def _plain_items(c: Content, money: bool = False) -> str:
    fmt = c.money if money else c.num
    return "".join(
        f"<tr><td>{i}</td><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td>"
        f"<td class='r'>{_e(fmt(line.unit_price))}</td><td class='r'>{_e(fmt(line.amount))}</td></tr>"
        for i, line in enumerate(c.lines, 1)
    )


def _items_head(c: Content) -> str:
    lab = c.labels
    return (
        f"<tr><th>{_e(lab['pos'])}</th><th>{_e(lab['description'])}</th><th class='r'>{_e(lab['qty'])}</th>"
        f"<th class='r'>{_e(lab['price'])}</th><th class='r'>{_e(lab['amount'])}</th></tr>"
    )


def window_letter(c: Content) -> str:
    """European window-envelope letter (DIN 5008 / French / Italian practice): a small underlined sender
    line above the recipient's address, an information block at the right (number, date, customer no.),
    subject line, and a company footer with legal data in four columns."""
    lab = c.labels
    s = c.seller
    css = """
    .head { text-align: right; font-size: 17pt; letter-spacing: 1px; color: #234; }
    .window { width: 85mm; height: 45mm; margin-top: 18mm; } .sender { font-size: 6pt; border-bottom: 0.5px solid #000; margin-bottom: 4px; }
    .info td { font-size: 8pt; padding: 1px 3px; } .subject { font-weight: bold; font-size: 11pt; margin-top: 10mm; }
    .items { width: 100%; margin-top: 8px; } .items th { border-bottom: 1px solid #000; text-align: left; }
    .foot { width: 100%; margin-top: 28mm; font-size: 6.5pt; color: #333; border-top: 0.5px solid #777; }
    .foot td { width: 25%; }
    """
    body = f"""
    <div class='head'>{_e(s.name)}</div>
    <table style='width:100%'><tr><td class='window'>
      <div class='sender'>{_e(s.name)}, {_e(s.street)}, {_e(s.postal_city)}</div>{_buyer_block(c)}</td>
      <td style='padding-top:18mm'><table class='info' style='margin-left:auto'>
        <tr><td>{_e(lab["number"])}</td><td>{_e(c.number)}</td></tr>
        <tr><td>{_e(lab["customer"])}</td><td>{_e(c.customer_no)}</td></tr>
        <tr><td>{_e(lab["date"])}</td><td>{_e(c.day(c.issue))}</td></tr>
        <tr><td>{_e(lab["due"])}</td><td>{_e(c.day(c.due))}</td></tr>
        <tr><td>{_e(lab["vat_id"])}</td><td>{_e(s.vat_id_printed or "")}</td></tr></table></td></tr></table>
    <div class='subject'>{_e(lab["title"])} {_e(c.number)}</div>
    <table class='items'>{_items_head(c)}{_plain_items(c)}</table>
    <table style='margin-left:auto; margin-top:8px'>{_totals_rows(c)}</table>
    <p class='small'>{_e(lab["thanks"])}</p>
    <table class='foot'><tr>
      <td>{_e(s.name)}<br>{_e(s.street)}<br>{_e(s.postal_city)}</td>
      <td>{_e(s.phone)}<br>{_e(s.email)}</td>
      <td>{_e(lab["registered"])}<br>{_e(lab["vat_id"])} {_e(s.vat_id_printed or "")}</td>
      <td>{_bank(c)}</td></tr></table>
    """
    return _page(c, css, body)


def us_bill_ship(c: Content) -> str:
    """US invoice: INVOICE at top left, the seller's logo-text and address at top right, Bill To and
    Ship To side by side, a meta row, sales tax."""
    s = c.seller
    ship = c.ship_to or c.buyer
    css = """
    .title { font-size: 26pt; color: #2a5; font-weight: bold; } .logo { font-size: 16pt; font-weight: bold; text-align: right; }
    .addr td { width: 50%; } .k { font-size: 7.5pt; color: #2a5; font-weight: bold; text-transform: uppercase; }
    .items { width: 100%; margin-top: 14px; } .items th { background: #2a5; color: #fff; text-align: left; }
    .items td { border-bottom: 1px solid #ddd; }
    """
    totals = (
        f"<tr><td>Subtotal</td><td class='r'>{_e(c.money(c.net))}</td></tr>"
        + "".join(
            f"<tr><td>Sales Tax ({_e(c.rate(rate))})</td><td class='r'>{_e(c.money(tax))}</td></tr>"
            for rate, _b, tax in c.tax_groups()
        )
        + f"<tr><td><b>Balance Due</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr>"
    )
    body = f"""
    <table style='width:100%'><tr><td class='title'>INVOICE</td>
    <td><div class='logo'>{_e(s.name)}</div><div class='r small'>{_e(s.street)}<br>{_e(s.postal_city)}<br>{_e(s.phone)}<br>{_e(s.email)}</div></td></tr></table>
    <table class='addr' style='width:100%; margin-top:18px'><tr>
      <td><span class='k'>Bill To</span><br>{_buyer_block(c)}</td>
      <td><span class='k'>Ship To</span><br>{_buyer_block(c, ship, extra=False)}</td></tr></table>
    <table style='width:100%; margin-top:14px'><tr><td><span class='k'>Invoice #</span><br>{_e(c.number)}</td>
      <td><span class='k'>Invoice Date</span><br>{_e(c.day(c.issue))}</td><td><span class='k'>Due Date</span><br>{_e(c.day(c.due))}</td>
      <td><span class='k'>Terms</span><br>Net {(c.due - c.issue).days}</td></tr></table>
    <table class='items'><tr><th>#</th><th>Item</th><th class='r'>Qty</th><th class='r'>Rate</th><th class='r'>Amount</th></tr>
    {_plain_items(c, money=True)}</table>
    <table style='margin-left:auto; margin-top:8px'>{totals}</table>
    <p class='small'>Make checks payable to {_e(s.name)}. Questions? {_e(s.email)}</p>
    """
    return _page(c, css, body)


def gst_invoice(c: Content) -> str:
    """Indian GST tax invoice: seller with GSTIN and state code at the top, "Billed to" and "Shipped to"
    with their GSTIN and state, HSN/SAC column, IGST for inter-state supply, amount in words line."""
    s = c.seller
    ship = c.ship_to or c.buyer

    def state(p: Party) -> str:
        return f"State: {_e(p.state[1])}, Code: {_e(p.state[0])}" if p.state else ""

    css = """
    .box { border: 1px solid #000; } .box td { border: 1px solid #000; } h1 { text-align: center; font-size: 14pt; margin: 4px; }
    .items { width: 100%; } .items th, .items td { border: 1px solid #000; }
    """
    items = "".join(
        f"<tr><td>{i}</td><td>{_e(line.description)}</td><td>{_e(line.detail.split()[-1])}</td>"
        f"<td class='r'>{_e(c.qty(line.quantity))}</td><td class='r'>{_e(c.num(line.unit_price))}</td>"
        f"<td class='r'>{_e(c.num(line.amount))}</td></tr>"
        for i, line in enumerate(c.lines, 1)
    )
    taxes = "".join(
        f"<tr><td colspan='5' class='r'>IGST @ {_e(c.rate(rate))}</td><td class='r'>{_e(c.num(tax))}</td></tr>"
        for rate, _b, tax in c.tax_groups()
    )
    body = f"""
    <h1>TAX INVOICE</h1>
    <table class='box' style='width:100%'><tr><td style='width:55%'><b>{_e(s.name)}</b><br>{_e(s.street)}<br>{_e(s.postal_city)}<br>
      GSTIN: {_e(s.vat_id_printed or "")}<br>{state(s)}</td>
      <td>Invoice No.: {_e(c.number)}<br>Invoice Date: {_e(c.day(c.issue))}<br>Due Date: {_e(c.day(c.due))}<br>Place of Supply: {_e(c.buyer.state[1] if c.buyer.state else "")}</td></tr>
    <tr><td><b>Billed to</b><br>{_buyer_block(c)}<br>GSTIN: {_e(c.buyer.vat_id_printed or "")}<br>{state(c.buyer)}</td>
      <td><b>Shipped to</b><br>{_buyer_block(c, ship, extra=False)}<br>{state(ship)}</td></tr></table>
    <table class='items' style='margin-top:8px'><tr><th>S.No.</th><th>Description of Goods</th><th>HSN/SAC</th><th class='r'>Qty</th>
    <th class='r'>Rate</th><th class='r'>Amount</th></tr>{items}
    <tr><td colspan='5' class='r'>Taxable Value</td><td class='r'>{_e(c.num(c.net))}</td></tr>{taxes}
    <tr><td colspan='5' class='r'><b>Grand Total</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table>
    <p class='small'>Bank: {_e(s.bank_name or "")} · This is a computer generated invoice.</p>
    <p class='r'>For {_e(s.name)}<br><br>Authorised Signatory</p>
    """
    return _page(c, css, body)


def erp_letterhead(c: Content) -> str:
    """ERP print: the company letterhead as a header and a legal footer repeated on every page (fixed
    elements), the customer's address at the top right, the issuer's short address at the left, and
    the terms on a second page."""
    lab = c.labels
    s = c.seller
    css = """
    .lh { position: fixed; top: 0; left: 0; right: 0; height: 40px; border-bottom: 2px solid #357; font-size: 14pt; color: #357; }
    .ft { position: fixed; bottom: 0; left: 0; right: 0; font-size: 6.5pt; color: #555; border-top: 1px solid #357; }
    .content { margin-top: 60px; margin-bottom: 60px; } .items { width: 100%; margin-top: 14px; }
    .items th { border-bottom: 1px solid #357; text-align: left; } h1 { font-size: 15pt; }
    """
    body = f"""
    <div class='lh'>{_e(s.name)}<span class='small'> &nbsp; {_e(s.street)} · {_e(s.postal_city)}</span></div>
    <div class='ft'>{_e(s.name)} · {_e(lab["registered"])} · {_e(lab["vat_id"])} {_e(s.vat_id_printed or "")} · IBAN {_e(s.iban_printed or "")} · BIC {_e(s.bic or "")}</div>
    <div class='content'>
    <table style='width:100%'><tr><td style='width:50%' class='small'>{_e(s.email)}<br>{_e(s.phone)}</td>
      <td>{_buyer_block(c)}</td></tr></table>
    <h1>{_e(lab["title"])}</h1>
    <table><tr><td>{_e(lab["number"])}: <b>{_e(c.number)}</b></td><td>{_e(lab["date"])}: {_e(c.day(c.issue))}</td>
      <td>{_e(lab["customer"])}: {_e(c.customer_no)}</td><td>{_e(lab["due"])}: {_e(c.day(c.due))}</td></tr></table>
    <table class='items'>{_items_head(c)}{_plain_items(c)}</table>
    <table style='margin-left:auto; margin-top:8px'>{_totals_rows(c)}</table>
    <div style='page-break-before: always'></div>
    <p class='small'>{_e(lab["thanks"])}</p>
    <p class='small'>{_bank(c)}</p>
    </div>
    """
    return _page(c, css, body)


SAAS_LABELS = {
    "en": ("Receipt", "Sold by", "Billed to", "Account", "Payment method", "Card ending in"),
    "de": ("Beleg", "Verkauft von", "Rechnung an", "Konto", "Zahlungsart", "Karte endet auf"),
    "fr": ("Reçu", "Vendu par", "Facturé à", "Compte", "Moyen de paiement", "Carte se terminant par"),
    "es": ("Recibo", "Vendido por", "Facturado a", "Cuenta", "Forma de pago", "Tarjeta terminada en"),
    "nl": (
        "Ontvangstbewijs",
        "Verkocht door",
        "Gefactureerd aan",
        "Account",
        "Betaalmethode",
        "Kaart eindigend op",
    ),
    "it": (
        "Ricevuta",
        "Venduto da",
        "Fatturato a",
        "Account",
        "Metodo di pagamento",
        "Carta che termina con",
    ),
}


def saas_receipt(c: Content) -> str:
    """Marketplace / SaaS receipt: a platform banner, "Sold by" seller with VAT number, "Billed to" with
    the account e-mail, payment card, plan rows."""
    lab = c.labels
    s = c.seller
    title, sold_by, billed_to, account, method, card = SAAS_LABELS[c.language]
    css = """
    .banner { background: #5b3fd6; color: #fff; padding: 10px; font-size: 13pt; } .k { color: #777; font-size: 8pt; }
    .cols td { width: 33%; } .items { width: 100%; margin-top: 16px; } .items td { border-bottom: 1px solid #eee; }
    .items th { text-align: left; color: #777; font-weight: normal; }
    """
    body = f"""
    <div class='banner'>Cloudlane Marketplace · {_e(title)}</div>
    <p>{_e(lab["title"])} {_e(c.number)} · {_e(c.day(c.issue))}</p>
    <table class='cols' style='width:100%'><tr>
      <td><span class='k'>{_e(sold_by)}</span><br><b>{_e(s.name)}</b><br>{_e(s.street)}<br>{_e(s.postal_city)}<br>{_e(lab["vat_id"])} {_e(s.vat_id_printed or "")}</td>
      <td><span class='k'>{_e(billed_to)}</span><br>{_buyer_block(c)}<br>{_e(c.account_email)}</td>
      <td><span class='k'>{_e(account)}</span><br>{_e(c.customer_no)}<br><span class='k'>{_e(method)}</span><br>Visa · {_e(card)} 4242<br>
      <span class='k'>{_e(lab["due"])}</span><br>{_e(c.day(c.due))}</td></tr></table>
    <table class='items'>{_items_head(c)}{_plain_items(c, money=True)}</table>
    <table style='margin-left:auto; margin-top:8px'>{_totals_rows(c)}</table>
    <p class='small'>{_e(lab["registered"])} · {_bank(c)}</p>
    """
    return _page(c, css, body)


def credit_note(c: Content) -> str:
    """Credit note: the issuer's letterhead centred, recipient at the left under the label, the reference
    to the invoice it corrects, positive amounts."""
    lab = c.labels
    s = c.seller
    refers = CREDIT_LABELS[c.language][2]
    css = """
    .lh { text-align: center; } .lh b { font-size: 15pt; } h1 { font-size: 18pt; color: #a22; margin: 18px 0 6px 0; }
    .items { width: 100%; margin-top: 10px; } .items th, .items td { border-bottom: 1px solid #ccc; }
    """
    body = f"""
    <div class='lh'><b>{_e(s.name)}</b><br><span class='small'>{_e(s.street)} · {_e(s.postal_city)} · {_e(s.country.name)} · {_e(lab["vat_id"])} {_e(s.vat_id_printed or "")}</span></div>
    <h1>{_e(lab["title"].upper())}</h1>
    <table style='width:100%'><tr><td style='width:55%'><span class='small'>{_e(lab["to"])}</span><br>{_buyer_block(c)}</td>
      <td><table style='margin-left:auto'><tr><td>{_e(lab["number"])}</td><td>{_e(c.number)}</td></tr>
      <tr><td>{_e(lab["date"])}</td><td>{_e(c.day(c.issue))}</td></tr>
      <tr><td>{_e(refers)}</td><td>{_e(c.credited_invoice)}</td></tr>
      <tr><td>{_e(lab["due"])}</td><td>{_e(c.day(c.due))}</td></tr></table></td></tr></table>
    <table class='items'>{_items_head(c)}{_plain_items(c)}</table>
    <table style='margin-left:auto; margin-top:8px'>{_totals_rows(c)}</table>
    <p class='small'>{_bank(c)}</p>
    """
    return _page(c, css, body)


def brand_footer(c: Content) -> str:
    """A brand word as the logo (no legal form), the title at the right, the customer after its label on
    the same line, the legal name only in the footer with register, VAT and bank data."""
    lab = c.labels
    s = c.seller
    brand = s.name.split()[0].upper()
    css = """
    .brand { font-size: 24pt; letter-spacing: 6px; font-weight: bold; color: #0a6; }
    h1 { font-size: 18pt; text-align: right; margin: 0; color: #555; } .meta td { padding: 1px 6px; }
    .items { width: 100%; margin-top: 16px; } .items th { border-bottom: 2px solid #0a6; text-align: left; }
    .foot { margin-top: 36px; font-size: 7pt; color: #555; border-top: 1px solid #0a6; padding-top: 4px; }
    """
    buyer_lines = "<br>".join(
        [
            *(_e(x) for x in c.buyer_extra),
            _e(c.buyer.street),
            f"{_e(c.buyer.postal_city)}, {_e(c.buyer.country.name)}",
        ]
    )
    body = f"""
    <table style='width:100%'><tr><td class='brand'>{_e(brand)}</td><td><h1>{_e(lab["title"])}</h1></td></tr></table>
    <table style='width:100%; margin-top:24px'><tr><td style='width:55%'>
      <b>{_e(lab["to"])}:</b> {_e(c.buyer.name)}<br>{buyer_lines}</td>
      <td><table class='meta' style='margin-left:auto'>
        <tr><td>{_e(lab["number"])}</td><td class='r'>{_e(c.number)}</td></tr>
        <tr><td>{_e(lab["date"])}</td><td class='r'>{_e(c.day(c.issue))}</td></tr>
        <tr><td>{_e(lab["due"])}</td><td class='r'>{_e(c.day(c.due))}</td></tr></table></td></tr></table>
    <table class='items'>{_items_head(c)}{_plain_items(c, money=True)}</table>
    <table style='margin-left:auto; margin-top:8px'>{_totals_rows(c)}</table>
    <div class='foot'>{_e(s.name)} · {_e(s.street)} · {_e(s.postal_city)} · {_e(lab["registered"])} · {_e(lab["vat_id"])} {_e(s.vat_id_printed or "")}<br>
    {_e(s.bank_name or "")} · IBAN {_e(s.iban_printed or "")} · BIC {_e(s.bic or "")} · {_e(s.email)}</div>
    """
    return _page(c, css, body)


def caps_inline(c: Content) -> str:
    """Upper-case headings and names (CSS text-transform), each party's address on one comma-separated
    line under its name, the two parties side by side under upper-case labels, meta in a grey box."""
    lab = c.labels
    s = c.seller
    css = """
    .up { text-transform: uppercase; } .seller { font-size: 15pt; font-weight: bold; letter-spacing: 1px; }
    .k { font-size: 7pt; color: #888; letter-spacing: 1.5px; text-transform: uppercase; }
    .grey { background: #eee; padding: 6px; } .items { width: 100%; margin-top: 16px; }
    .items th { text-transform: uppercase; font-size: 7.5pt; text-align: left; border-bottom: 1px solid #999; }
    """
    extra = "".join(f"<br>{_e(x)}" for x in c.buyer_extra)
    body = f"""
    <div class='seller up'>{_e(s.name)}</div>
    <div class='small'>{_e(s.street)}, {_e(s.postal_city)}, {_e(s.country.name)} · {_e(lab["vat_id"])} {_e(s.vat_id_printed or "")}</div>
    <table style='width:100%; margin-top:22px'><tr>
      <td style='width:36%'><span class='k'>{_e(lab["from"])}</span><br><b class='up'>{_e(s.name)}</b><br>{_e(s.street)}, {_e(s.postal_city)}</td>
      <td style='width:36%'><span class='k'>{_e(lab["to"])}</span><br><b class='up'>{_e(c.buyer.name)}</b>{extra}<br>{_e(c.buyer.street)}, {_e(c.buyer.postal_city)}</td>
      <td class='grey'><span class='k'>{_e(lab["number"])}</span><br>{_e(c.number)}<br><span class='k'>{_e(lab["date"])}</span><br>{_e(c.day(c.issue))}
      <br><span class='k'>{_e(lab["due"])}</span><br>{_e(c.day(c.due))}</td></tr></table>
    <table class='items'>{_items_head(c)}{_plain_items(c)}</table>
    <table style='margin-left:auto; margin-top:8px'>{_totals_rows(c)}</table>
    <p class='small'>{_bank(c)}</p>
    """
    return _page(c, css, body)


EINVOICE_VIEW_LABELS = {
    "en": (
        "Buyer",
        "Seller",
        "Name",
        "Street",
        "Postcode",
        "City",
        "Country",
        "VAT identifier",
        "Invoice data",
    ),
    "de": ("Käufer", "Verkäufer", "Name", "Straße", "PLZ", "Ort", "Land", "USt-IdNr.", "Rechnungsdaten"),
    "fr": (
        "Acheteur",
        "Vendeur",
        "Nom",
        "Rue",
        "Code postal",
        "Ville",
        "Pays",
        "N° TVA",
        "Données de la facture",
    ),
    "es": (
        "Comprador",
        "Vendedor",
        "Nombre",
        "Calle",
        "Código postal",
        "Ciudad",
        "País",
        "NIF-IVA",
        "Datos de la factura",
    ),
    "nl": (
        "Koper",
        "Verkoper",
        "Naam",
        "Straat",
        "Postcode",
        "Plaats",
        "Land",
        "Btw-nummer",
        "Factuurgegevens",
    ),
    "it": (
        "Acquirente",
        "Venditore",
        "Denominazione",
        "Via",
        "CAP",
        "Città",
        "Paese",
        "P.IVA",
        "Dati fattura",
    ),
}


def einvoice_view(c: Content) -> str:
    """An e-invoice's human-readable view (as XRechnung / Factur-X viewers print it): the buyer's and the
    seller's boxes side by side, each a grid of field labels and values, the invoice data as a grid too,
    no letterhead at all."""
    lab = c.labels
    buyer_h, seller_h, name, street, postcode, city, country, vat, data = EINVOICE_VIEW_LABELS[c.language]

    def box(heading: str, p: Party) -> str:
        postal, _, town = p.postal_city.partition(" ")
        rows = [
            (name, p.name),
            (street, p.street),
            (postcode, postal),
            (city, town),
            (country, p.country.name),
        ]
        if p.vat_id_printed:
            rows.append((vat, p.vat_id_printed))
        cells = "".join(f"<tr><td class='k'>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in rows)
        return f"<div class='h'>{_e(heading)}</div><table class='g'>{cells}</table>"

    css = """
    .h { background: #dde; font-weight: bold; padding: 3px; } .g { width: 100%; } .g td { border-bottom: 1px solid #ccd; }
    .k { color: #556; width: 38%; } h1 { font-size: 14pt; } .items { width: 100%; margin-top: 14px; }
    .items th { background: #dde; text-align: left; }
    """
    meta = [
        (lab["number"], c.number),
        (lab["date"], c.day(c.issue)),
        (lab["due"], c.day(c.due)),
        ("Currency", c.currency),
    ]
    meta_rows = "".join(f"<tr><td class='k'>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in meta)
    body = f"""
    <h1>{_e(lab["title"])} {_e(c.number)}</h1>
    <table style='width:100%'><tr><td style='width:50%'>{box(buyer_h, c.buyer)}</td><td>{box(seller_h, c.seller)}</td></tr></table>
    <div class='h' style='margin-top:12px'>{_e(data)}</div><table class='g'>{meta_rows}</table>
    <table class='items'>{_items_head(c)}{_plain_items(c)}</table>
    <table style='margin-left:auto; margin-top:8px'>{_totals_rows(c)}</table>
    <p class='small'>{_bank(c)}</p>
    """
    return _page(c, css, body)


WORLD_RENDERERS: dict[str, Callable[[Content], str]] = {
    "einvoice_view": einvoice_view,
    "brand_footer": brand_footer,
    "caps_inline": caps_inline,
    "window_letter": window_letter,
    "us_bill_ship": us_bill_ship,
    "gst_invoice": gst_invoice,
    "erp_letterhead": erp_letterhead,
    "saas_receipt": saas_receipt,
    "credit_note": credit_note,
}


RENDERERS: dict[str, Callable[[Content], str]] = {
    "bordered": bordered,
    "minimal": minimal,
    "letter": letter,
    "erp_grid": erp_grid,
}
RENDERERS.update(WORLD_RENDERERS)


def invoice_html(c: Content, layout: str) -> str:
    return RENDERERS[layout](c)


# The second world set (issue #4) lives in its own module; imported last, it uses the helpers above.
from corpus.producers.html_world2 import WORLD2_LAYOUTS, WORLD2_RENDERERS  # noqa: E402

RENDERERS.update(WORLD2_RENDERERS)
__all__ = ["LAYOUTS", "RENDERERS", "WORLD2_LAYOUTS", "WORLD_LAYOUTS", "invoice_html"]
