# ruff: noqa: E501  (HTML templates: their lines are markup, wrapped where the markup reads best)
"""Four invented HTML invoice layouts of the kinds ERP and web-shop engines print.

Plain tables and floats only (no flexbox or grid): wkhtmltopdf's QtWebKit and LibreOffice's HTML import
understand little more. Each layout exercises what real producers do with text: letter-spaced
upper-case titles, bold runs, right-aligned number columns, multi-line cells, small grey footers.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from corpus.producers.content import PAID, Content

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


RENDERERS: dict[str, Callable[[Content], str]] = {
    "bordered": bordered,
    "minimal": minimal,
    "letter": letter,
    "erp_grid": erp_grid,
}


def invoice_html(c: Content, layout: str) -> str:
    return RENDERERS[layout](c)
