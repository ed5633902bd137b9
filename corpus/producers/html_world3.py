# ruff: noqa: E501  (HTML templates: their lines are markup, wrapped where the markup reads best)
"""A third set of world layouts: languages and national conventions beyond the first sets' six (issue #4).

Nine invented layouts, each as invoices of its country commonly print (content in
``corpus/producers/content_world3.py``): Polish "Faktura VAT" (Sprzedawca | Nabywca, NIP, Lp. table with
Stawka VAT / Kwota VAT / Wartość brutto, a rate summary with "Razem", "Do zapłaty", zł), Czech and Slovak
"daňový doklad" (Dodavatel | Odběratel, IČO / DIČ / IČ DPH, DUZP, variabilní symbol, a domestic account
"123456789/0800" beside the IBAN, "Celkem k úhradě", Kč / €), Portuguese "Fatura" (ATCUD, NIF, a VAT
summary "Taxa | Incidência | Valor IVA", "Total a pagar"), Nordic invoices in Swedish, Danish, Norwegian and
Finnish (an unlabelled window address, Org.nr / Momsreg.nr / CVR / Org.nr MVA / Y-tunnus, bankgiro, OCR /
KID / viitenumero, "Att betala" / "Total" / "Å betale" / "Maksettava"), Hungarian "Számla" (Eladó | Vevő,
adószám 12345678-2-42, dates "2025.03.01.", whole forints "1 234 567 Ft", ÁFA 27 %), Turkish e-Arşiv
"Fatura" (Satıcı / SAYIN, Vergi Dairesi + VKN, rates written "%20", "Ödenecek Tutar", TL), Romanian
"Factură" (Seria X nr. N, Furnizor | Cumpărător, CIF RO…, Reg. Com. J40/…, "Total de plată", lei),
Australian "Tax Invoice" (ABN, GST 10 %, BSB and account, no IBAN) and Canadian invoices (GST/HST
registration "123456789 RT0001", GST 5 % + PST/RST 7 % on the same base, or HST 13 %).

Every name, label arrangement and figure is invented. What the golden says where a careful human could
hesitate (written down here so that the figures mean one thing):

- issuer.vat_id in the contract's form: the EU VAT id with its country prefix (Polish NIP → "PL" + 10
  digits; Czech DIČ "CZ…"; Slovak IČ DPH "SK…" (not the bare DIČ); Portuguese NIF → "PT…"; Swedish
  momsregistreringsnummer "SE…01"; Danish CVR → "DK…"; Norwegian "Org.nr … MVA" → "NO…MVA"; Finnish
  Y-tunnus 1234567-8 → "FI12345678"; Hungarian adószám 12345678-2-42 → "HU12345678" (its first eight
  digits are the EU VAT number); Romanian CIF "RO…"). Countries outside the EU VAT system keep their
  number as printed, compact: Australian ABN (11 digits), Canadian business number with its GST/HST
  program account ("123456789RT0001"), Turkish vergi kimlik numarası (10 digits). Company register
  numbers (IČO, REGON, Reg. Com., Mersis) are never the VAT id.
- Canadian GST + PST (or RST) on one base: two tax lines (5 %, base, GST) and (7 %, base, PST), tax = their
  sum; HST: one tax line at 13 %.
- Hungarian forint amounts printed whole ("12 700 Ft"): the values are those whole amounts; each rate's
  tax rounded to a whole forint.
- The invoice number: as printed after its label ("FV/2025/03/117", "SZ-2025-0042"); Portuguese
  "FT 2025A/17" and Romanian "Seria TIP nr. 0042" accept the series with the number or the number alone.
- IBAN/BIC: the seller's; none in the golden for Australia and Canada (BSB / transit numbers only).
- Dates of every printed form ("1. 3. 2025", "1.3.2025", "2025.03.01.", "01-03-2025") are the same day.

Measured with ``benchmarks/producer_invoices.py --layouts world3``: seed 7 was looked at while fixing;
seed 23 kept unlooked-at (aggregates only) as the held-out-style figure. When the set was written (the
extractor as it was, 2026-11-22): seed 7 82.5-84.4 % on the HTML engines, 90.4 % reportlab; seed 23
79.5-83.8 %, 89.9 %. After the fixes of issue #4 (national VAT ids, currencies, whole forints, column
vocabulary, wrapped names and heads): seed 7 100 % on every engine but LibreOffice (98.2 %); seed 23 the
same, LibreOffice 97.7 % (its HTML import stacks the Nordic layout's columns, see the report).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal

from corpus.producers.content import Content
from corpus.producers.content_world3 import WORLD3_LAYOUTS, W3Content
from corpus.producers.html import _e, _page

__all__ = ["WORLD3_LAYOUTS", "WORLD3_RENDERERS"]


def _rng(c: W3Content) -> random.Random:
    """A stream of the document's own (the layout's small choices do not shift the content's)."""
    return random.Random(f"world3-layout:{c.doc_id}:{c.number}")


def _lines(parts: list[str]) -> str:
    return "<br>".join(_e(p) for p in parts if p)


def _pct_first(c: W3Content, rate: Decimal) -> str:
    """Turkish writes the sign first: "%20"."""
    return "%" + c.qty(rate)


def _domestic_account(iban: str) -> str:
    """The national account form printed beside the IBAN (Czech/Slovak "prefix-number/bank", Hungarian
    "8-8-8", Norwegian "bbbb.aa.aaaaa", Danish "Reg.nr. bbbb Kontonr. …")."""
    country, bban = iban[:2], iban[4:]
    if country in {"CZ", "SK"}:
        bank, prefix, number = bban[:4], bban[4:10].lstrip("0"), bban[10:].lstrip("0")
        return f"{prefix}-{number}/{bank}" if prefix else f"{number}/{bank}"
    if country == "HU":
        return f"{bban[:8]}-{bban[8:16]}-{bban[16:]}"
    if country == "NO":
        return f"{bban[:4]}.{bban[4:6]}.{bban[6:]}"
    if country == "DK":
        return f"Reg.nr. {bban[:4]} Kontonr. {bban[4:].lstrip('0')}"
    return iban


def _ids(c: W3Content, seller: bool = True) -> dict[str, str]:
    ids = c.seller_ids if seller else c.buyer_ids
    assert ids is not None
    return ids.printed


# --- Poland -------------------------------------------------------------------------------------------


def pl_faktura(c: W3Content) -> str:
    """Faktura VAT: title with number, place and dates at the top right, Sprzedawca | Nabywca side by side
    with NIP, the full Lp. table (netto, stawka, kwota VAT, brutto per row), the rate summary with its
    "Razem" row, "Do zapłaty" in zł, payment terms and the account number."""
    r = _rng(c)
    s, b = c.seller, c.buyer
    css = """
    .t { font-size: 15pt; font-weight: bold; } .box { border: 1px solid #888; padding: 5px; vertical-align: top; }
    .items { width: 100%; margin-top: 10px; } .items th, .items td { border: 1px solid #999; font-size: 8pt; }
    .items th { background: #eee; } .sum td, .sum th { border: 1px solid #999; font-size: 8pt; padding: 2px 6px; }
    """
    items = "".join(
        f"<tr><td>{i}</td><td>{_e(line.description)}</td><td>{_e(c.units.get(line.description, 'szt.'))}</td><td class='r'>{_e(c.qty(line.quantity))}</td>"
        f"<td class='r'>{_e(c.num(line.unit_price))}</td><td class='r'>{_e(c.num(line.amount))}</td><td class='r'>{_e(c.qty(line.rate))}%</td>"
        f"<td class='r'>{_e(c.num(_tax_of(line.amount, line.rate)))}</td><td class='r'>{_e(c.num(line.amount + _tax_of(line.amount, line.rate)))}</td></tr>"
        for i, line in enumerate(c.lines, 1)
    )
    groups = c.tax_groups()
    summary = "".join(
        f"<tr><td>{_e(c.qty(rate))}%</td><td class='r'>{_e(c.num(base))}</td><td class='r'>{_e(c.num(tax))}</td><td class='r'>{_e(c.num(base + tax))}</td></tr>"
        for rate, base, tax in groups
    )
    place = s.postal_city.split(" ", 1)[-1]
    body = f"""
    <table style='width:100%'><tr><td class='t'>Faktura VAT nr {_e(c.number)}</td>
    <td class='r small'>Miejsce wystawienia: {_e(place)}<br>Data wystawienia: {_e(c.day(c.issue))}<br>Data sprzedaży: {_e(c.day(c.issue))}</td></tr></table>
    <p class='small'>{"ORYGINAŁ" if r.random() < 0.5 else "ORYGINAŁ / KOPIA"}</p>
    <table style='width:100%'><tr><td class='box' style='width:50%'><b>Sprzedawca</b><br>{_lines([s.name, s.street, s.postal_city])}<br>NIP: {_e(_ids(c)["nip"])}</td>
    <td class='box'><b>Nabywca</b><br>{_lines([b.name, b.street, b.postal_city])}<br>NIP: {_e(_ids(c, False)["nip"])}</td></tr></table>
    <table class='items'><tr><th>Lp.</th><th>Nazwa towaru lub usługi</th><th>J.m.</th><th>Ilość</th><th>Cena netto</th><th>Wartość netto</th><th>Stawka VAT</th><th>Kwota VAT</th><th>Wartość brutto</th></tr>{items}</table>
    <table style='margin-left:auto; margin-top:8px' class='sum'><tr><th>Stawka VAT</th><th>Wartość netto</th><th>Kwota VAT</th><th>Wartość brutto</th></tr>{summary}
    <tr><td><b>Razem</b></td><td class='r'><b>{_e(c.num(c.net))}</b></td><td class='r'><b>{_e(c.num(c.tax))}</b></td><td class='r'><b>{_e(c.num(c.gross))}</b></td></tr></table>
    <p style='font-size:12pt'><b>Do zapłaty: {_e(c.money(c.gross))}</b></p>
    <p>Sposób płatności: przelew<br>Termin płatności: {_e(c.day(c.due))}<br>Bank: {_e(s.bank_name or "")}<br>Numer konta: {_e(s.iban_printed or "")}<br>SWIFT: {_e(s.bic or "")}</p>
    <table style='width:100%; margin-top:18mm' class='small'><tr><td>....................................<br>Osoba upoważniona do odbioru</td><td class='r'>....................................<br>Osoba upoważniona do wystawienia</td></tr></table>
    """
    return _page(c, css, body)


def _tax_of(amount: Decimal, rate: Decimal) -> Decimal:
    from decimal import ROUND_HALF_UP

    return (amount * rate / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


# --- Czech Republic / Slovakia ------------------------------------------------------------------------

CZSK = {
    "cs": {"title": "FAKTURA – DAŇOVÝ DOKLAD č.", "sup": "Dodavatel", "cus": "Odběratel", "ico": "IČO", "dic": "DIČ", "issued": "Datum vystavení", "duzp": "Datum uskutečnění zdanitelného plnění", "due": "Datum splatnosti", "pay": "Forma úhrady: převodním příkazem", "acct": "Bankovní účet", "vs": "Variabilní symbol", "cols": ("Označení dodávky", "Počet m.j.", "Cena za m.j.", "DPH %", "Bez DPH", "DPH", "Celkem"), "recap": ("Sazba DPH", "Základ", "DPH", "Celkem s DPH"), "total": "Celkem k úhradě", "reg": "Zapsáno v obchodním rejstříku vedeném Krajským soudem v Brně, oddíl C, vložka 48213"},
    "sk": {"title": "FAKTÚRA č.", "sup": "Dodávateľ", "cus": "Odberateľ", "ico": "IČO", "dic": "DIČ", "issued": "Dátum vyhotovenia", "duzp": "Dátum dodania", "due": "Dátum splatnosti", "pay": "Forma úhrady: prevodný príkaz", "acct": "Číslo účtu", "vs": "Variabilný symbol", "cols": ("Názov položky", "Množstvo", "Jedn. cena", "DPH %", "Bez DPH", "DPH", "Spolu"), "recap": ("Sadzba DPH", "Základ dane", "DPH", "Spolu s DPH"), "total": "Celkom k úhrade", "reg": "Zapísaná v Obchodnom registri Okresného súdu Bratislava I, oddiel Sro, vložka č. 71234/B"},
}  # fmt: skip


def cz_sk_doklad(c: W3Content) -> str:
    """Daňový doklad: Dodavatel / Odběratel boxes with IČO and DIČ (Slovakia adds IČ DPH), a date block
    with the taxable-supply date, the domestic account "number/bank" with IBAN and SWIFT, the variable
    symbol, items with rate and VAT per row, a VAT recap and "Celkem k úhradě"."""
    w = CZSK[c.language]
    s, b = c.seller, c.buyer
    sid, bid = _ids(c), _ids(c, False)

    def id_lines(ids: dict[str, str]) -> str:
        text = f"{w['ico']}: {_e(ids['ico'])}&nbsp;&nbsp; {w['dic']}: {_e(ids['dic'])}"
        return text + (f"<br>IČ DPH: {_e(ids['icdph'])}" if "icdph" in ids else "")

    css = """
    .box { border: 1px solid #333; padding: 6px; vertical-align: top; } .items { width: 100%; margin-top: 10px; }
    .items th { border-bottom: 1px solid #333; font-size: 8pt; text-align: left; } .items td { font-size: 8.5pt; }
    .recap td, .recap th { font-size: 8pt; padding: 1px 8px; } .big { font-size: 13pt; font-weight: bold; }
    """
    cols = "".join(f"<th>{_e(h)}</th>" for h in w["cols"])
    items = "".join(
        f"<tr><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))} {_e(c.units.get(line.description, 'ks'))}</td><td class='r'>{_e(c.num(line.unit_price))}</td>"
        f"<td class='r'>{_e(c.qty(line.rate))}</td><td class='r'>{_e(c.num(line.amount))}</td><td class='r'>{_e(c.num(_tax_of(line.amount, line.rate)))}</td>"
        f"<td class='r'>{_e(c.num(line.amount + _tax_of(line.amount, line.rate)))}</td></tr>"
        for line in c.lines
    )
    recap = "".join(
        f"<tr><td>{_e(c.rate(rate))}</td><td class='r'>{_e(c.num(base))}</td><td class='r'>{_e(c.num(tax))}</td><td class='r'>{_e(c.num(base + tax))}</td></tr>"
        for rate, base, tax in c.tax_groups()
    )
    rh = "".join(f"<th>{_e(h)}</th>" for h in w["recap"])
    body = f"""
    <div class='big' style='text-align:right'>{_e(w["title"])} {_e(c.number)}</div>
    <table style='width:100%; margin-top:8px'><tr><td class='box' style='width:50%'><b>{_e(w["sup"])}:</b><br>{_lines([s.name, s.street, s.postal_city])}<br>{id_lines(sid)}<br><span class='small'>{_e(w["reg"])}</span></td>
    <td class='box'><b>{_e(w["cus"])}:</b><br>{_lines([b.name, b.street, b.postal_city])}<br>{id_lines(bid)}</td></tr>
    <tr><td class='box'>{_e(w["acct"])}: {_e(_domestic_account(s.iban or ""))}<br>IBAN: {_e(s.iban_printed or "")}<br>SWIFT: {_e(s.bic or "")}<br>{_e(w["vs"])}: {_e(c.number)}<br>{_e(w["pay"])}</td>
    <td class='box'>{_e(w["issued"])}: {_e(c.day(c.issue))}<br>{_e(w["duzp"])}: {_e(c.day(c.issue))}<br>{_e(w["due"])}: {_e(c.day(c.due))}</td></tr></table>
    <table class='items'><tr>{cols}</tr>{items}</table>
    <table style='width:100%; margin-top:8px'><tr><td><table class='recap'><tr>{rh}</tr>{recap}</table></td>
    <td class='r'><span class='big'>{_e(w["total"])}: {_e(c.money(c.gross))}</span></td></tr></table>
    """
    return _page(c, css, body)


# --- Portugal -----------------------------------------------------------------------------------------


def pt_fatura(c: W3Content) -> str:
    """Fatura with ATCUD, the seller's NIP/NIF, capital and registry, "Exmo.(s) Sr.(s)" over the buyer
    with "Contribuinte n.º", items with a discount column, the VAT summary (Taxa | Incidência | Valor
    IVA) and "Total a pagar"; the certified-software line in the footer."""
    r = _rng(c)
    s, b = c.seller, c.buyer
    atcud = f"{''.join(r.choice('ABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(8))}-{c.number.rsplit('/', 1)[-1]}"
    css = """
    .items { width: 100%; margin-top: 10px; } .items th { background: #dfe8ef; font-size: 8pt; text-align: left; }
    .sum td, .sum th { font-size: 8pt; padding: 1px 8px; border-bottom: 0.5px solid #aaa; }
    """
    items = "".join(
        f"<tr><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td><td>{_e(c.units.get(line.description, 'un.'))}</td>"
        f"<td class='r'>{_e(c.num(line.unit_price))}</td><td class='r'>0,00</td><td class='r'>{_e(c.qty(line.rate))}</td><td class='r'>{_e(c.num(line.amount))}</td></tr>"
        for line in c.lines
    )
    summary = "".join(
        f"<tr><td>IVA {_e(c.rate(rate))}</td><td class='r'>{_e(c.num(base))}</td><td class='r'>{_e(c.num(tax))}</td></tr>"
        for rate, base, tax in c.tax_groups()
    )
    nif_label = r.choice(("NIF", "NIPC", "Contribuinte n.º"))
    body = f"""
    <table style='width:100%'><tr><td style='width:55%'><b style='font-size:14pt'>{_e(s.name)}</b><br>{_lines([s.street, s.postal_city])}<br>{_e(nif_label)}: {_e(_ids(c)["nif"])}<br>
    <span class='small'>Capital social: 5 000,00 € · Conservatória do Registo Comercial de {_e(s.postal_city.split(" ", 1)[-1])}</span></td>
    <td><b style='font-size:14pt'>Fatura {_e(c.number)}</b><br>ATCUD: {_e(atcud)}<br>Original</td></tr></table>
    <table style='width:100%; margin-top:12px'><tr><td style='width:55%'></td><td>Exmo.(s) Sr.(s)<br><b>{_e(b.name)}</b><br>{_lines([b.street, b.postal_city])}<br>Contribuinte n.º {_e(_ids(c, False)["nif"])}</td></tr></table>
    <table style='width:100%; margin-top:10px' class='small'><tr><td>Data de emissão<br>{_e(c.day(c.issue))}</td><td>Data de vencimento<br>{_e(c.day(c.due))}</td><td>Condições de pagamento<br>30 dias</td><td>Moeda<br>EUR</td></tr></table>
    <table class='items'><tr><th>Descrição</th><th class='r'>Qtd.</th><th>Un.</th><th class='r'>Preço unit.</th><th class='r'>Desc.</th><th class='r'>IVA %</th><th class='r'>Valor</th></tr>{items}</table>
    <table style='width:100%; margin-top:10px'><tr><td><table class='sum'><tr><th>Taxa</th><th>Incidência</th><th>Valor IVA</th></tr>{summary}</table></td>
    <td><table style='margin-left:auto'><tr><td>Total ilíquido</td><td class='r'>{_e(c.money(c.net))}</td></tr><tr><td>Total IVA</td><td class='r'>{_e(c.money(c.tax))}</td></tr>
    <tr><td><b>Total a pagar</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table></td></tr></table>
    <p class='small'>Pagamento por transferência bancária: IBAN {_e(s.iban_printed or "")} · BIC/SWIFT {_e(s.bic or "")}</p>
    <p class='small'>{_e(r.choice(("ABCD", "XYZW", "QWER")))}-Processado por programa certificado n.º {r.randint(100, 2999)}/AT</p>
    """
    return _page(c, css, body)


# --- Nordic -------------------------------------------------------------------------------------------

NORDIC = {
    "sv": {"title": "FAKTURA", "meta": (("Fakturanummer", "number"), ("Fakturadatum", "issue"), ("Förfallodatum", "due"), ("Kundnummer", "customer")), "terms": "Betalningsvillkor: 30 dagar netto. Dröjsmålsränta enligt räntelagen.", "cols": ("Benämning", "Antal", "Enhet", "À-pris", "Belopp"), "net": "Netto", "tax": "Moms", "gross": "Att betala", "ref": "OCR-nummer", "foot": ("Org.nr", "Momsreg.nr", "Bankgiro", "Godkänd för F-skatt")},
    "da": {"title": "FAKTURA", "meta": (("Fakturanr.", "number"), ("Fakturadato", "issue"), ("Forfaldsdato", "due"), ("Kundenr.", "customer")), "terms": "Betalingsbetingelser: Netto 8 dage. Ved betaling efter forfald tilskrives renter.", "cols": ("Beskrivelse", "Antal", "Enhed", "Enhedspris", "Beløb"), "net": "Subtotal", "tax": "Moms", "gross": "Total DKK", "ref": "Betalings-ID", "foot": ("CVR-nr.",)},
    "no": {"title": "FAKTURA", "meta": (("Fakturanr.", "number"), ("Fakturadato", "issue"), ("Forfallsdato", "due"), ("Kundenr.", "customer")), "terms": "Betalingsbetingelser: 14 dager netto.", "cols": ("Beskrivelse", "Antall", "Enhet", "Pris", "Beløp"), "net": "Sum eks. mva", "tax": "MVA", "gross": "Å betale", "ref": "KID", "foot": ("Foretaksregisteret",)},
    "fi": {"title": "LASKU", "meta": (("Laskun numero", "number"), ("Päivämäärä", "issue"), ("Eräpäivä", "due"), ("Asiakasnumero", "customer")), "terms": "Maksuehto: 14 päivää netto. Viivästyskorko korkolain mukaan.", "cols": ("Tuote", "Määrä", "Yks.", "À-hinta", "Yhteensä"), "net": "Veroton yhteensä", "tax": "ALV", "gross": "Maksettava yhteensä", "ref": "Viitenumero", "foot": ("Y-tunnus", "ALV-nro")},
}  # fmt: skip


def _reference(c: W3Content) -> str:
    """A payment reference with a check digit (Luhn for OCR/KID, 7-3-1 for the Finnish viitenumero)."""
    body = "".join(ch for ch in c.number if ch.isdigit()) + c.customer_no
    if c.language == "fi":
        weights = (7, 3, 1)
        total = sum(int(d) * weights[i % 3] for i, d in enumerate(reversed(body)))
        return body + str((10 - total % 10) % 10)
    digits = [int(d) for d in reversed(body)]
    total = sum(d if i % 2 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits))
    return body + str((10 - total % 10) % 10)


def nordic_faktura(c: W3Content) -> str:
    """Swedish / Danish / Norwegian / Finnish invoice: seller's logo-name at the top left, an UNLABELLED
    window address, a meta block (number, dates, customer no.) at the right, items with units, totals
    with "Moms 25 %" / "MVA 25 %" / "ALV 25,5 %", the payment reference and a footer of columns with the
    national identifiers and bank details."""
    w = NORDIC[c.language]
    s, b = c.seller, c.buyer
    ids = _ids(c)
    values = {"number": c.number, "issue": c.day(c.issue), "due": c.day(c.due), "customer": c.customer_no}
    meta = "".join(f"<tr><td class='small'>{_e(k)}</td><td>{_e(values[v])}</td></tr>" for k, v in w["meta"])
    cols = "".join(f"<th{' class=r' if i else ''}>{_e(h)}</th>" for i, h in enumerate(w["cols"]))
    items = "".join(
        f"<tr><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td><td class='r'>{_e(c.units.get(line.description, 'st'))}</td>"
        f"<td class='r'>{_e(c.num(line.unit_price))}</td><td class='r'>{_e(c.num(line.amount))}</td></tr>"
        for line in c.lines
    )
    taxes = "".join(
        f"<tr><td>{_e(w['tax'])} {_e(c.rate(rate))}</td><td class='r'>{_e(c.num(tax))}</td></tr>"
        for rate, _base, tax in c.tax_groups()
    )
    if c.language == "sv":
        bankgiro = f"{(s.iban or '0000000')[-8:-4]}-{(s.iban or '0000')[-4:]}"
        foot = f"{_e(s.name)}<br>{_e(s.street)}<br>{_e(s.postal_city)}</td><td>Org.nr {_e(ids['orgnr'])}<br>Momsreg.nr {_e(ids['momsnr'])}<br>Godkänd för F-skatt</td><td>Bankgiro {_e(bankgiro)}<br>IBAN {_e(s.iban_printed or '')}<br>BIC {_e(s.bic or '')}"
    elif c.language == "da":
        foot = f"{_e(s.name)}<br>{_e(s.street)}<br>{_e(s.postal_city)}</td><td>CVR-nr. {_e(ids['cvr'])}<br>{_e(s.email)}</td><td>{_e(s.bank_name or '')}<br>{_e(_domestic_account(s.iban or ''))}<br>IBAN {_e(s.iban_printed or '')} · SWIFT {_e(s.bic or '')}"
    elif c.language == "no":
        foot = f"{_e(s.name)}<br>{_e(s.street)}<br>{_e(s.postal_city)}</td><td>Org.nr. {_e(ids['orgnr'])} MVA<br>Foretaksregisteret</td><td>Kontonr. {_e(_domestic_account(s.iban or ''))}<br>IBAN {_e(s.iban_printed or '')}<br>BIC {_e(s.bic or '')}"
    else:
        foot = f"{_e(s.name)}<br>{_e(s.street)}<br>{_e(s.postal_city)}</td><td>Y-tunnus {_e(ids['ytunnus'])}<br>ALV-rek.</td><td>{_e(s.bank_name or '')}<br>IBAN {_e(s.iban_printed or '')}<br>BIC {_e(s.bic or '')}"
    css = """
    .logo { font-size: 17pt; font-weight: bold; color: #1b4d6e; } .items { width: 100%; margin-top: 14px; }
    .items th { border-bottom: 1.5px solid #1b4d6e; text-align: left; } .foot td { font-size: 7.5pt; color: #333; vertical-align: top; padding-right: 18px; }
    """
    body = f"""
    <table style='width:100%'><tr><td class='logo'>{_e(s.name)}</td><td class='r'><b style='font-size:16pt'>{_e(w["title"])}</b></td></tr></table>
    <table style='width:100%; margin-top:14mm'><tr><td style='width:55%'>{_lines([b.name, b.street, b.postal_city])}</td>
    <td><table style='margin-left:auto'>{meta}<tr><td class='small'>{_e(w["ref"])}</td><td>{_e(_reference(c))}</td></tr></table></td></tr></table>
    <table class='items'><tr>{cols}</tr>{items}</table>
    <table style='margin-left:auto; margin-top:8px'><tr><td>{_e(w["net"])}</td><td class='r'>{_e(c.num(c.net))}</td></tr>{taxes}
    <tr><td><b>{_e(w["gross"])}</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table>
    <p class='small'>{_e(w["terms"])}</p>
    <table class='foot' style='width:100%; margin-top:16mm; border-top:0.5px solid #999'><tr><td>{foot}</td></tr></table>
    """
    return _page(c, css, body)


# --- Hungary ------------------------------------------------------------------------------------------


def hu_szamla(c: W3Content) -> str:
    """Számla: Eladó | Vevő side by side with adószám (and the EU number "HU…" on some), the bank account
    in 8-8-8 form, a row of boxes (fizetési mód, teljesítés, kelte, határidő) with dates "2025.03.01.",
    items with net, ÁFA and gross per row in whole forints, the ÁFA summary and "Fizetendő"."""
    r = _rng(c)
    s, b = c.seller, c.buyer
    sid, bid = _ids(c), _ids(c, False)
    eu = f"<br>Közösségi adószám: {_e(sid['eu'])}" if r.random() < 0.5 else ""
    css = """
    .box { border: 1px solid #555; padding: 5px; vertical-align: top; } .items { width: 100%; margin-top: 10px; }
    .items th, .items td { border: 0.5px solid #999; font-size: 8pt; } .items th { background: #eee; }
    .dates td { border: 1px solid #555; font-size: 8pt; padding: 3px 6px; }
    """
    items = "".join(
        f"<tr><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))} {_e(c.units.get(line.description, 'db'))}</td><td class='r'>{_e(c.num(line.unit_price))}</td>"
        f"<td class='r'>{_e(c.num(line.amount))}</td><td class='r'>{_e(c.qty(line.rate))}%</td>"
        f"<td class='r'>{_e(c.num(_tax_of(line.amount, line.rate)))}</td><td class='r'>{_e(c.num(line.amount + _tax_of(line.amount, line.rate)))}</td></tr>"
        for line in c.lines
    )
    summary = "".join(
        f"<tr><td>{_e(c.qty(rate))}%</td><td class='r'>{_e(c.num(base))}</td><td class='r'>{_e(c.num(tax))}</td><td class='r'>{_e(c.num(base + tax))}</td></tr>"
        for rate, base, tax in c.tax_groups()
    )
    body = f"""
    <div style='text-align:center; font-size:18pt; font-weight:bold'>SZÁMLA</div>
    <div style='text-align:right'>Számla sorszáma: <b>{_e(c.number)}</b></div>
    <table style='width:100%; margin-top:8px'><tr><td class='box' style='width:50%'><b>Eladó</b><br>{_lines([s.name, s.postal_city, s.street])}<br>Adószám: {_e(sid["adoszam"])}{eu}<br>Bankszámlaszám: {_e(_domestic_account(s.iban or ""))}<br>IBAN: {_e(s.iban_printed or "")} · SWIFT: {_e(s.bic or "")}</td>
    <td class='box'><b>Vevő</b><br>{_lines([b.name, b.postal_city, b.street])}<br>Adószám: {_e(bid["adoszam"])}</td></tr></table>
    <table class='dates' style='width:100%; margin-top:8px'><tr><td>Fizetési mód<br>Átutalás</td><td>Teljesítés dátuma<br>{_e(c.day(c.issue))}</td><td>Számla kelte<br>{_e(c.day(c.issue))}</td><td>Fizetési határidő<br>{_e(c.day(c.due))}</td></tr></table>
    <table class='items'><tr><th>Megnevezés</th><th>Mennyiség</th><th>Nettó egységár</th><th>Nettó érték</th><th>ÁFA</th><th>ÁFA érték</th><th>Bruttó érték</th></tr>{items}</table>
    <table style='width:100%; margin-top:8px'><tr><td><table class='items' style='width:auto'><tr><th>ÁFA kulcs</th><th>Nettó</th><th>ÁFA</th><th>Bruttó</th></tr>{summary}
    <tr><td>Összesen</td><td class='r'>{_e(c.num(c.net))}</td><td class='r'>{_e(c.num(c.tax))}</td><td class='r'>{_e(c.num(c.gross))}</td></tr></table></td>
    <td class='r' style='font-size:13pt'><b>Fizetendő: {_e(c.money(c.gross))}</b></td></tr></table>
    """
    return _page(c, css, body)


# --- Turkey -------------------------------------------------------------------------------------------


def tr_fatura(c: W3Content) -> str:
    """e-Arşiv Fatura: the seller with Vergi Dairesi and VKN at the top left, the invoice box at the right
    (Fatura No, Fatura Tarihi, ETTN), "SAYIN" over the buyer, items with "%20" rates and KDV per row, the
    totals block (Mal Hizmet Toplam Tutarı, Hesaplanan KDV (%20), Vergiler Dahil Toplam Tutar, Ödenecek
    Tutar) and the IBAN."""
    r = _rng(c)
    s, b = c.seller, c.buyer
    sid, bid = _ids(c), _ids(c, False)
    ettn = "-".join("".join(r.choice("0123456789abcdef") for _ in range(n)) for n in (8, 4, 4, 4, 12))
    css = """
    .box td { border: 1px solid #444; font-size: 8.5pt; padding: 2px 6px; } .items { width: 100%; margin-top: 10px; }
    .items th, .items td { border: 1px solid #666; font-size: 8pt; } .tot td { border: 1px solid #666; padding: 2px 8px; }
    """
    items = "".join(
        f"<tr><td>{i}</td><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))} {_e(c.units.get(line.description, 'adet'))}</td><td class='r'>{_e(c.money(line.unit_price))}</td>"
        f"<td class='r'>{_e(_pct_first(c, line.rate))}</td><td class='r'>{_e(c.money(_tax_of(line.amount, line.rate)))}</td><td class='r'>{_e(c.money(line.amount))}</td></tr>"
        for i, line in enumerate(c.lines, 1)
    )
    taxes = "".join(
        f"<tr><td>Hesaplanan KDV ({_e(_pct_first(c, rate))})</td><td class='r'>{_e(c.money(tax))}</td></tr>"
        for rate, _base, tax in c.tax_groups()
    )
    body = f"""
    <table style='width:100%'><tr><td style='width:50%'><b>{_e(s.name)}</b><br>{_lines([s.street, s.postal_city])}<br>Tel: {_e(s.phone)}<br>Vergi Dairesi: {_e(sid["office"])}<br>VKN: {_e(sid["vkn"])}</td>
    <td style='text-align:center'><b style='font-size:16pt'>e-Arşiv FATURA</b></td></tr></table>
    <table style='width:100%; margin-top:10px'><tr><td style='width:55%'><b>SAYIN</b><br>{_lines([b.name, b.street, b.postal_city])}<br>Vergi Dairesi: {_e(bid["office"])}<br>VKN: {_e(bid["vkn"])}</td>
    <td><table class='box' style='margin-left:auto'><tr><td>Özelleştirme No</td><td>TR1.2</td></tr><tr><td>Senaryo</td><td>EARSIVFATURA</td></tr><tr><td>Fatura Tipi</td><td>SATIS</td></tr>
    <tr><td>Fatura No</td><td>{_e(c.number)}</td></tr><tr><td>Fatura Tarihi</td><td>{_e(c.day(c.issue))}</td></tr><tr><td>Son Ödeme Tarihi</td><td>{_e(c.day(c.due))}</td></tr></table></td></tr></table>
    <p class='small'>ETTN: {_e(ettn)}</p>
    <table class='items'><tr><th>Sıra No</th><th>Mal Hizmet</th><th>Miktar</th><th>Birim Fiyat</th><th>KDV Oranı</th><th>KDV Tutarı</th><th>Mal Hizmet Tutarı</th></tr>{items}</table>
    <table class='tot' style='margin-left:auto; margin-top:8px'><tr><td>Mal Hizmet Toplam Tutarı</td><td class='r'>{_e(c.money(c.net))}</td></tr>{taxes}
    <tr><td>Vergiler Dahil Toplam Tutar</td><td class='r'>{_e(c.money(c.gross))}</td></tr><tr><td><b>Ödenecek Tutar</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table>
    <p class='small'>Banka: {_e(s.bank_name or "")} · IBAN: {_e(s.iban_printed or "")} · SWIFT: {_e(s.bic or "")}</p>
    """
    return _page(c, css, body)


# --- Romania ------------------------------------------------------------------------------------------


def ro_factura(c: W3Content) -> str:
    """Factură: Furnizor | Cumpărător side by side, each with Nr. ord. reg. com., CIF, address, account and
    bank; the title with series and number, date and "Cota TVA"; the numbered columns table (Nr. crt.,
    U.M., Cant., Preț unitar fără TVA, Valoarea, Valoarea TVA) and "Total de plată"."""
    s, b = c.seller, c.buyer
    sid, bid = _ids(c), _ids(c, False)
    series, number = c.number.split(" ", 1)
    groups = c.tax_groups()
    rates = " / ".join(c.rate(rate) for rate, _b, _t in groups)
    several = len(groups) > 1  # then a "Cota TVA" column says each row's rate
    css = """
    .items { width: 100%; margin-top: 10px; } .items th, .items td { border: 1px solid #666; font-size: 8pt; }
    .items th { background: #eef; } .party td { font-size: 8.5pt; vertical-align: top; }
    """
    items = "".join(
        f"<tr><td>{i}</td><td>{_e(line.description)}</td><td>{_e(c.units.get(line.description, 'buc'))}</td><td class='r'>{_e(c.qty(line.quantity))}</td>"
        f"<td class='r'>{_e(c.num(line.unit_price))}</td>{f'<td class=r>{_e(c.rate(line.rate))}</td>' if several else ''}<td class='r'>{_e(c.num(line.amount))}</td><td class='r'>{_e(c.num(_tax_of(line.amount, line.rate)))}</td></tr>"
        for i, line in enumerate(c.lines, 1)
    )
    rate_head = "<th>Cota TVA</th>" if several else ""
    numbers = "".join(
        f"<td class='small'>{n}</td>"
        for n in ("0", "1", "2", "3", "4", *(["4a"] if several else []), "5 (3x4)", "6")
    )
    span = 6 if several else 5
    body = f"""
    <table class='party' style='width:100%'><tr><td style='width:36%'><b>Furnizor:</b> {_e(s.name)}<br>Nr. ord. reg. com.: {_e(sid["regcom"])}<br>CIF: {_e(sid["cif"])}<br>Sediul: {_e(s.street)}, {_e(s.postal_city)}<br>Cont: {_e(s.iban_printed or "")}<br>Banca: {_e(s.bank_name or "")}<br>Capital social: 200 lei</td>
    <td style='width:28%; text-align:center'><b style='font-size:17pt'>FACTURĂ</b><br>Seria {_e(series)} nr. {_e(number)}<br>Data (zi/luna/an): {_e(c.day(c.issue))}<br>Cota TVA: {_e(rates)}<br>Termen de plată: {_e(c.day(c.due))}</td>
    <td><b>Cumpărător:</b> {_e(b.name)}<br>Nr. ord. reg. com.: {_e(bid["regcom"])}<br>CIF: {_e(bid["cif"])}<br>Sediul: {_e(b.street)}, {_e(b.postal_city)}</td></tr></table>
    <table class='items'><tr><th>Nr. crt.</th><th>Denumirea produselor sau a serviciilor</th><th>U.M.</th><th>Cant.</th><th>Preț unitar (fără TVA) (lei)</th>{rate_head}<th>Valoarea (lei)</th><th>Valoarea TVA (lei)</th></tr>
    <tr>{numbers}</tr>{items}
    <tr><td colspan='{span}'><b>Total</b></td><td class='r'><b>{_e(c.num(c.net))}</b></td><td class='r'><b>{_e(c.num(c.tax))}</b></td></tr>
    <tr><td colspan='{span}'><b>Total de plată (col. 5 + col. 6)</b></td><td colspan='2' class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table>
    <p class='small'>Semnătura și ștampila furnizorului · Date privind expediția: numele delegatului ............</p>
    """
    return _page(c, css, body)


# --- Australia / Canada -------------------------------------------------------------------------------


def au_tax_invoice(c: W3Content) -> str:
    """Australian Tax Invoice: "TAX INVOICE" and the ABN at the top, Bill To, items ex GST with a GST
    column, "Subtotal (ex GST)", "GST 10%", "Total (inc GST)" / "Amount Due", and a BSB + account
    (no IBAN)."""
    r = _rng(c)
    s, b = c.seller, c.buyer
    css = """
    .items { width: 100%; margin-top: 12px; } .items th { border-bottom: 2px solid #2a6; text-align: left; }
    """
    items = "".join(
        f"<tr><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td><td class='r'>{_e(c.money(line.unit_price))}</td>"
        f"<td class='r'>{_e(c.money(_tax_of(line.amount, line.rate)))}</td><td class='r'>{_e(c.money(line.amount))}</td></tr>"
        for line in c.lines
    )
    rate, _base, tax = c.tax_groups()[0]
    bsb = f"{r.randint(10, 99)}{r.randint(0, 9)}-{r.randint(100, 999)}"
    body = f"""
    <table style='width:100%'><tr><td><b style='font-size:16pt'>{_e(s.name)}</b><br>{_lines([s.street, s.postal_city])}<br>ABN {_e(_ids(c)["abn"])}</td>
    <td class='r'><b style='font-size:20pt; color:#2a6'>TAX INVOICE</b><br>Invoice No. {_e(c.number)}<br>Invoice Date: {_e(c.day(c.issue))}<br>Due Date: {_e(c.day(c.due))}</td></tr></table>
    <p><b>Bill To</b><br>{_lines([b.name, b.street, b.postal_city])}</p>
    <table class='items'><tr><th>Description</th><th class='r'>Qty</th><th class='r'>Unit Price</th><th class='r'>GST</th><th class='r'>Amount (ex GST)</th></tr>{items}</table>
    <table style='margin-left:auto; margin-top:8px'><tr><td>Subtotal (ex GST)</td><td class='r'>{_e(c.money(c.net))}</td></tr>
    <tr><td>GST {_e(c.qty(rate))}%</td><td class='r'>{_e(c.money(tax))}</td></tr>
    <tr><td><b>Total (inc GST)</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr>
    <tr><td><b>Amount Due AUD</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table>
    <p class='small'>Payment by EFT: BSB {_e(bsb)} · Account {r.randint(10000000, 99999999)} · Reference {_e(c.number)}</p>
    """
    return _page(c, css, body)


def ca_gst_pst(c: W3Content) -> str:
    """Canadian invoice: the GST/HST registration number under the seller, Bill To, items, "Subtotal",
    "GST (5%)" and "PST (7%)" (British Columbia), "RST (7%)" (Manitoba) or "HST (13%)" (Ontario), "Total
    CAD"."""
    r = _rng(c)
    s, b = c.seller, c.buyer
    css = """
    .items { width: 100%; margin-top: 12px; } .items th { background: #c33; color: #fff; text-align: left; }
    """
    items = "".join(
        f"<tr><td>{_e(line.description)}</td><td class='r'>{_e(c.qty(line.quantity))}</td><td class='r'>{_e(c.money(line.unit_price))}</td><td class='r'>{_e(c.money(line.amount))}</td></tr>"
        for line in c.lines
    )
    groups = c.tax_groups()
    names = [c.texts.get("tax_name", "GST")] + [label for label, _r in c.extra_taxes]
    taxes = "".join(
        f"<tr><td>{_e(name)} ({_e(c.qty(rate))}%)</td><td class='r'>{_e(c.money(tax))}</td></tr>"
        for name, (rate, _base, tax) in zip(names, groups, strict=True)
    )
    reg_label = r.choice(("GST/HST Registration No.", "GST/HST #", "GST No."))
    pst = (
        f"<br>PST No. PST-{r.randint(1000, 9999)}-{r.randint(1000, 9999)}"
        if c.extra_taxes and c.extra_taxes[0][0] == "PST"
        else ""
    )
    body = f"""
    <table style='width:100%'><tr><td><b style='font-size:16pt'>{_e(s.name)}</b><br>{_lines([s.street, s.postal_city])}<br>{_e(reg_label)} {_e(_ids(c)["bn"])}{pst}</td>
    <td class='r'><b style='font-size:20pt'>INVOICE</b><br>Invoice # {_e(c.number)}<br>Date: {_e(c.day(c.issue))}<br>Due Date: {_e(c.day(c.due))}</td></tr></table>
    <p><b>Bill To</b><br>{_lines([b.name, b.street, b.postal_city])}</p>
    <table class='items'><tr><th>Description</th><th class='r'>Qty</th><th class='r'>Unit Price</th><th class='r'>Amount</th></tr>{items}</table>
    <table style='margin-left:auto; margin-top:8px'><tr><td>Subtotal</td><td class='r'>{_e(c.money(c.net))}</td></tr>{taxes}
    <tr><td><b>Total CAD</b></td><td class='r'><b>{_e(c.money(c.gross))}</b></td></tr></table>
    <p class='small'>Payment by Interac e-Transfer to {_e(s.email)} or cheque payable to {_e(s.name)}.</p>
    """
    return _page(c, css, body)


def _dispatch(layout: str) -> Callable[[Content], str]:
    renderer: Callable[[W3Content], str] = {
        "pl_faktura": pl_faktura,
        "cz_sk_doklad": cz_sk_doklad,
        "pt_fatura": pt_fatura,
        "nordic_faktura": nordic_faktura,
        "hu_szamla": hu_szamla,
        "tr_fatura": tr_fatura,
        "ro_factura": ro_factura,
        "au_tax_invoice": au_tax_invoice,
        "ca_gst_pst": ca_gst_pst,
    }[layout]

    def render(c: Content) -> str:
        assert isinstance(c, W3Content)
        return renderer(c)

    return render


WORLD3_RENDERERS: dict[str, Callable[[Content], str]] = {
    layout: _dispatch(layout) for layout in WORLD3_LAYOUTS
}
