"""Drawing of the fresh held-out layouts (``Layout.fresh``); content comes from ``corpus/fresh_content.py``.

Each kind is modelled on an invoice design that exists in the wild and that no older layout resembles:

* ``facture_mentions_fr``: French "Facture": client in a box on the right, Réf./Désignation/Qté/Unité/
  P.U. HT/TVA/Montant HT, TVA recap beside Total HT/TVA/TTC and a boxed "Net à payer", late-payment legal
  text, SIRET/RCS/APE/capital and the TVA intracommunautaire number in the footer;
* ``fattura_riepilogo_it``: courtesy print of an Italian e-invoice: Cedente/Cessionario boxes with
  P.IVA and Codice fiscale, document-type grid (TD01/TD04), item grid with UM after the price and
  two-decimal quantities, "Riepiloghi IVA e totali" grid per rate, payment grid with IBAN/BIC;
* ``handwerker_lohnanteil_de``: German tradesman's invoice: DIN 5008 window address (private clients
  with salutation line), Pos./Menge/Einheit/Bezeichnung/Einzelpreis/Gesamtpreis (quantity before the text),
  material and labour subtotals, the "Lohnanteil" sentence; half of them print only a Steuernummer;
* ``nordic_einvoice_slip``: print of a Nordic e-invoice: right-aligned key/value block, Seller/Buyer
  with org. numbers, UN/ECE unit codes, VAT per rate "of" its base, payment slip (Bankgiro + OCR, FIK,
  KID) at the bottom of the last page; SEK, DKK or NOK;
* ``saas_amount_due_us``: US SaaS invoice: "$X due <date>" headline, small item rows with a period
  sub-line, tax "on" its base, a boxed "Amount due"; US Letter;
* ``hotel_folio_uk``: UK guest folio / VAT invoice: dated charge lines with references and no quantity,
  VAT summary with gross, card payment and zero balance on half of them (then no bank data, no due date);
* ``wholesale_codes_multipage``: food-service wholesale invoice over 3-8 pages: short lines with pack
  size, price before quantity, the amount before a VAT code letter explained in a code summary, page
  totals at the foot of every page; any of the six languages.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from corpus.layouts import Layout
from corpus.locales import format_number, format_quantity, format_rate
from corpus.render import LIGHT, Doc, Flow, Page, Pen, winansi
from corpus.spec import InvoiceSpec, Item, money

GREY = HexColor("#555555")
WHITE = HexColor("#FFFFFF")


class FreshDoc(Doc):
    """Geometry of a fresh layout: its own columns, row heights, footer reserve and totals height."""

    def __init__(self, spec: InvoiceSpec, layout: Layout) -> None:
        self.kind = KINDS[layout.style]
        super().__init__(spec, layout)

    def _columns(self) -> dict[str, tuple[float, float]]:
        x0, x1 = self.layout.content_x0, self.layout.content_x1
        widths = self.kind.columns
        fixed = sum(width for _, width in widths)
        spans: dict[str, tuple[float, float]] = {}
        x = x0
        for key, width in widths:
            span = width or (x1 - x0 - fixed)
            spans[key] = (x, x + span)
            x += span
        return spans

    def desc_lines(self, item: Item) -> list[str]:
        left, right = self.columns["desc"]
        lines: list[str] = simpleSplit(
            winansi(item.description), self.layout.font, self.layout.size, right - left - 8
        )
        return lines

    def row_height(self, item: Item) -> float:
        return (len(self.desc_lines(item)) + self.kind.sub_lines(self, item)) * self.leading + 5

    @property
    def table_header_height(self) -> float:
        return self.leading + 8

    @property
    def bottom(self) -> float:
        return float(self.height) - self.kind.footer_reserve

    def totals_height(self) -> float:
        return self.kind.totals_height(self)

    # --- shared helpers ---
    def sign_word(self, invoice: str, credit: str) -> str:
        return credit if self.spec.credit_note else invoice


class Kind:
    """One fresh layout's drawing; subclasses set columns and draw header, totals and footer."""

    columns: tuple[tuple[str, float], ...] = ()
    numeric: frozenset[str] = frozenset({"qty", "unit_price", "amount", "rate"})
    footer_reserve = 60.0
    continuation_end = 80.0

    def sub_lines(self, doc: Doc, item: Item) -> int:
        return 0

    def titles(self, doc: Doc) -> dict[str, str]:
        raise NotImplementedError

    def cells(self, doc: Doc, number: int, item: Item) -> dict[str, str]:
        nf = doc.spec.number_format
        return {
            "pos": str(number),
            "code": item.code,
            "qty": format_quantity(item.quantity, nf),
            "unit": item.unit,
            "unit_price": doc.num(item.unit_price),
            "rate": format_rate(item.rate, nf),
            "amount": doc.num(item.amount),
        }

    def header(self, pen: Pen) -> float:
        raise NotImplementedError

    def totals_height(self, doc: Doc) -> float:
        raise NotImplementedError

    def totals(self, pen: Pen, y: float) -> float:
        raise NotImplementedError

    def footer(self, pen: Pen, number: int) -> None:
        doc = pen.doc
        page = doc.labels["page"].format(n=number, total=doc.total_pages)
        pen.text(doc.layout.content_x1, doc.height - 30, page, size=doc.layout.size - 1, align="right")

    def continuation(self, pen: Pen, number: int) -> None:
        doc = pen.doc
        name = doc.labels["credit_note"] if doc.spec.credit_note else doc.labels["invoice"]
        pen.text(doc.layout.content_x0, 50, f"{name} {doc.spec.invoice_number}", bold=True)
        page = doc.labels["page"].format(n=number, total=doc.total_pages)
        pen.text(doc.layout.content_x1, 50, page, align="right")

    def table_header(self, pen: Pen, y: float) -> float:
        doc = pen.doc
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        titles = self.titles(doc)
        for key, (left, right) in doc.columns.items():
            if key in self.numeric:
                pen.text(right - 4, y + doc.leading + 1, titles[key], bold=True, align="right")
            else:
                pen.text(left + 4, y + doc.leading + 1, titles[key], bold=True)
        pen.rule(x0, y + doc.leading + 8, x1, 0.6)
        return y + doc.table_header_height

    def row(self, pen: Pen, y: float, number: int, item: Item) -> float:
        doc = pen.doc
        baseline = y + doc.leading
        cells = self.cells(doc, number, item)
        for key, (left, right) in doc.columns.items():
            if key == "desc":
                pen.lines(left + 4, baseline, doc.desc_lines(item))
            elif key in self.numeric:
                pen.text(right - 4, baseline, cells[key], align="right")
            else:
                pen.text(left + 4, baseline, cells[key])
        return y + doc.row_height(item)

    def page_end(self, pen: Pen, y: float, items: list[Item]) -> None:
        doc = pen.doc
        pen.text(
            doc.layout.content_x1,
            doc.bottom + 12,
            doc.labels["continued"],
            size=doc.layout.size - 1.5,
            align="right",
            colour=GREY,
        )


def _right_rows(
    pen: Pen, x_label: float, x_value: float, y: float, rows: list[tuple[str, str, bool]]
) -> float:
    for label, value, strong in rows:
        pen.text(x_label, y, label, bold=strong)
        pen.text(x_value, y, value, bold=strong, align="right")
        y += pen.doc.leading + 1
    return y


def _wrap(doc: Doc, text: str, width: float, size: float | None = None) -> list[str]:
    lines: list[str] = simpleSplit(winansi(text), doc.layout.font, size or doc.layout.size, width)
    return lines


def _grid(
    pen: Pen,
    at: tuple[float, float],
    widths: list[float],
    labels: list[str],
    values: list[list[str]],
    *,
    left: int = 1,
) -> float:
    """A ruled grid: one shaded label row, then value rows; the first ``left`` columns left-aligned, the
    rest (numbers) right-aligned; values cut to their cell's width."""
    doc = pen.doc
    x, y = at
    height = doc.leading + 5
    cx = x
    for width, label in zip(widths, labels, strict=True):
        pen.box(cx, y, width, height, fill=LIGHT)
        pen.text(cx + 3, y + doc.leading, label, size=doc.layout.size - 0.5, bold=True)
        cx += width
    y += height
    for row in values:
        cx = x
        for column, (width, value) in enumerate(zip(widths, row, strict=True)):
            pen.box(cx, y, width, height)
            shown = (_wrap(doc, value, width - 6) or [""])[0]
            if column < left:
                pen.text(cx + 3, y + doc.leading, shown)
            else:
                pen.text(cx + width - 3, y + doc.leading, shown, align="right")
            cx += width
        y += height
    return y


# --- French facture ---------------------------------------------------------------------------------


class Facture(Kind):
    columns = (
        ("code", 54),
        ("desc", 0),
        ("qty", 36),
        ("unit", 42),
        ("unit_price", 62),
        ("rate", 38),
        ("amount", 70),
    )
    footer_reserve = 64.0

    def titles(self, doc: Doc) -> dict[str, str]:
        return {
            "code": "RÉF.",
            "desc": "DÉSIGNATION",
            "qty": "QTÉ",
            "unit": "UNITÉ",
            "unit_price": "P.U. HT",
            "rate": "TVA",
            "amount": "MONTANT HT",
        }

    def table_header(self, pen: Pen, y: float) -> float:
        doc = pen.doc
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        titles = self.titles(doc)
        for key, (left, right) in doc.columns.items():
            size = doc.layout.size - 1
            if key in self.numeric:
                pen.text(
                    right - 4, y + doc.leading + 1, titles[key], size=size, align="right", colour=doc.accent
                )
            else:
                pen.text(left + 4, y + doc.leading + 1, titles[key], size=size, colour=doc.accent)
        pen.rule(x0, y, x1, 1.2, doc.accent)
        pen.rule(x0, y + doc.leading + 8, x1, 0.6, doc.accent)
        return y + doc.table_header_height

    def row(self, pen: Pen, y: float, number: int, item: Item) -> float:
        end = super().row(pen, y, number, item)
        doc = pen.doc
        pen.c.setDash(1, 2)
        pen.rule(doc.layout.content_x0, end - 1, doc.layout.content_x1, 0.3, GREY)
        pen.c.setDash()
        return end

    def header(self, pen: Pen) -> float:
        doc, spec = pen.doc, pen.doc.spec
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        issuer, recipient = spec.issuer, spec.recipient
        pen.text(x0, 52, issuer.name, bold=True, size=14, colour=doc.accent)
        pen.lines(x0, 68, [issuer.street, issuer.postal_city, f"Tél. {issuer.phone}", issuer.email])
        pen.text(x1, 54, "AVOIR" if spec.credit_note else "FACTURE", bold=True, size=20, align="right")
        due = f"Échéance : {doc.day(spec.due_date)}" if spec.due_date else "Paiement : à réception"
        meta = [
            f"N° {spec.invoice_number}",
            f"Date d'émission : {doc.day(spec.issue_date)}",
            due if not spec.credit_note else f"Réf. facture : {spec.credit_ref}",
            f"Réf. client : {spec.customer_number}",
        ]
        meta_end = pen.lines(x1, 74, meta, align="right")
        lines = [recipient.name, recipient.street, recipient.postal_city, recipient.country.name]
        if spec.extra.get("recipient_vat") and recipient.vat_id_printed:
            lines.append(f"N° TVA intracom. : {recipient.vat_id_printed}")
        top = max(meta_end, 130.0) + 8
        box_h = (len(lines) + 1) * doc.leading + 10
        pen.box(300, top, x1 - 300, box_h)
        pen.text(308, top + doc.leading, "Adressé à :", size=doc.layout.size - 1, colour=GREY)
        pen.lines(308, top + 2 * doc.leading + 2, lines, bold_first=True)
        subject = (
            f"Commande {spec.order_ref}"
            if not spec.credit_note
            else f"Avoir sur facture n° {spec.credit_ref}"
        )
        pen.text(x0, top + doc.leading, "Objet :", bold=True)
        pen.text(x0, top + 2 * doc.leading, subject)
        return top + box_h + 20

    def totals_height(self, doc: Doc) -> float:
        return (len(doc.spec.tax_lines()) + 16) * doc.leading + 40

    def totals(self, pen: Pen, y: float) -> float:
        doc, spec = pen.doc, pen.doc.spec
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        y += 14
        columns = (x0, x0 + 120, x0 + 210)
        pen.text(x0, y, "Récapitulatif TVA", bold=True)
        for x, label in zip(columns, ("Taux", "Base HT", "Montant TVA"), strict=True):
            pen.text(x, y + doc.leading, label, size=doc.layout.size - 1, colour=GREY)
        left_y = y + 2 * doc.leading
        for line in spec.tax_lines():
            pen.text(x0, left_y, format_rate(line.rate, spec.number_format))
            pen.text(columns[1], left_y, doc.num(line.base))
            pen.text(columns[2], left_y, doc.num(line.amount))
            left_y += doc.leading
        rows = [
            ("Total HT", doc.cash(spec.net), False),
            ("Total TVA", doc.cash(spec.tax), False),
            ("Total TTC", doc.cash(spec.gross), True),
        ]
        right_y = _right_rows(pen, x1 - 200, x1, y, rows)
        pen.c.setFillColor(doc.accent)
        pen.c.rect(x1 - 206, doc.height - right_y - doc.leading - 2, 206, doc.leading + 8, stroke=0, fill=1)
        label = "NET À DÉDUIRE" if spec.credit_note else "NET À PAYER"
        pen.text(x1 - 200, right_y + doc.leading - 2, label, bold=True, colour=WHITE)
        pen.text(
            x1 - 4, right_y + doc.leading - 2, doc.cash(spec.gross), bold=True, colour=WHITE, align="right"
        )
        y = max(left_y, right_y + doc.leading + 8) + 14
        issuer = spec.issuer
        if spec.credit_note:
            terms = f"Avoir sur facture n° {spec.credit_ref}, à déduire de votre prochain règlement."
        elif spec.payment_days:
            terms = f"Conditions de paiement : {spec.payment_days} jours date de facture, par virement."
        else:
            terms = "Conditions de paiement : à réception de facture, par virement."
        texts = [
            terms,
            "Escompte pour paiement anticipé : néant.",
            "En cas de retard de paiement, pénalités au taux de trois fois le taux d'intérêt légal "
            "et indemnité "
            "forfaitaire pour frais de recouvrement de 40 € (art. L441-10 du Code de commerce).",
            f"Coordonnées bancaires : {issuer.bank_name} - IBAN {issuer.iban_printed} - BIC {issuer.bic}",
        ]
        for text in texts:
            y = pen.lines(x0, y, _wrap(doc, text, x1 - x0))
        return y

    def footer(self, pen: Pen, number: int) -> None:
        doc, spec = pen.doc, pen.doc.spec
        issuer, extra = spec.issuer, spec.extra
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        siret, city = extra["siret"], issuer.postal_city.split(" ", 1)[-1]
        capital = format_number(Decimal(extra["capital"]), spec.number_format, 0)
        first = (
            f"{issuer.name} - {issuer.name.split()[-1]} au capital de {capital} € - "
            f"SIRET {siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]} - "
            f"RCS {city} {siret[:3]} {siret[3:6]} {siret[6:9]} - APE {extra['ape']}"
        )
        second = f"N° TVA intracommunautaire : {issuer.vat_id_printed}"
        small = doc.layout.size - 2
        pen.rule(x0, doc.height - 52, x1, 0.4, GREY)
        pen.text((x0 + x1) / 2, doc.height - 42, first, size=small, align="centre", colour=GREY)
        pen.text((x0 + x1) / 2, doc.height - 33, second, size=small, align="centre", colour=GREY)
        pen.text(x1, doc.height - 20, f"{number}/{doc.total_pages}", size=small, align="right", colour=GREY)


# --- Italian fattura (courtesy copy of an e-invoice) -------------------------------------------------

PROVINCES = {"Milano": "MI", "Roma": "RM", "Torino": "TO", "Bologna": "BO"}


class Fattura(Kind):
    columns = (
        ("code", 50),
        ("desc", 0),
        ("qty", 44),
        ("unit_price", 58),
        ("unit", 26),
        ("discount", 50),
        ("rate", 34),
        ("amount", 64),
    )
    footer_reserve = 54.0

    def titles(self, doc: Doc) -> dict[str, str]:
        return {
            "code": "Cod. articolo",
            "desc": "Descrizione",
            "qty": "Quantità",
            "unit_price": "Prezzo unitario",
            "unit": "UM",
            "discount": "Sconto/magg.",
            "rate": "%IVA",
            "amount": "Prezzo totale",
        }

    def cells(self, doc: Doc, number: int, item: Item) -> dict[str, str]:
        cells = super().cells(doc, number, item)
        nf = doc.spec.number_format
        cells["qty"] = format_number(item.quantity, nf, 2)
        cells["rate"] = format_number(item.rate, nf, 2)
        cells["discount"] = ""
        return cells

    numeric = frozenset({"qty", "unit_price", "amount", "rate", "discount"})

    def table_header(self, pen: Pen, y: float) -> float:
        doc = pen.doc
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        pen.box(x0, y, x1 - x0, doc.leading + 8, fill=LIGHT)
        titles = self.titles(doc)
        for key, (left, _right) in doc.columns.items():
            pen.text(left + 3, y + doc.leading + 1, titles[key], bold=True, size=doc.layout.size - 0.5)
        return y + doc.table_header_height

    def row(self, pen: Pen, y: float, number: int, item: Item) -> float:
        end = super().row(pen, y, number, item)
        doc = pen.doc
        for left, _ in doc.columns.values():
            pen.c.line(left, doc.height - y, left, doc.height - end)
        pen.c.line(doc.layout.content_x1, doc.height - y, doc.layout.content_x1, doc.height - end)
        pen.rule(doc.layout.content_x0, end, doc.layout.content_x1, 0.3)
        return end

    def page_end(self, pen: Pen, y: float, items: list[Item]) -> None:
        """The courtesy print just continues on the next page (its footer holds the page number)."""

    def _party(self, doc: Doc, who: str) -> list[str]:
        spec = doc.spec
        party = spec.issuer if who == "issuer" else spec.recipient
        postal, _, city = party.postal_city.partition(" ")
        vat = party.vat_id or ""
        lines = [
            f"Identificativo fiscale ai fini IVA: {vat}",
            f"Codice fiscale: {vat[2:]}",
            f"Denominazione: {party.name}",
        ]
        if who == "issuer":
            lines.append("Regime fiscale: RF01 (ordinario)")
        lines += [
            f"Indirizzo: {party.street}",
            f"Comune: {city}  Provincia: {PROVINCES.get(city, 'MI')}",
            f"Cap: {postal}  Nazione: IT",
        ]
        lines += (
            [f"Telefono: {party.phone}", f"Email: {party.email}"]
            if who == "issuer"
            else [f"Codice destinatario: {spec.extra['sdi_code']}"]
        )
        return lines

    def header(self, pen: Pen) -> float:
        doc, spec = pen.doc, pen.doc.spec
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        pen.text(x0, 40, spec.issuer.name, bold=True, size=12)
        pen.text(x1, 40, "Copia di cortesia", align="right", colour=GREY)
        half = (x1 - x0 - 10) / 2
        blocks = [
            ("Cedente/prestatore (fornitore)", self._party(doc, "issuer")),
            ("Cessionario/committente (cliente)", self._party(doc, "recipient")),
        ]
        height = max(len(lines) for _, lines in blocks) * doc.leading + 8
        for number, (heading, lines) in enumerate(blocks):
            x = x0 + number * (half + 10)
            pen.box(x, 52, half, doc.leading + 5, fill=LIGHT)
            pen.text(x + 4, 52 + doc.leading, heading, bold=True)
            pen.box(x, 52 + doc.leading + 5, half, height)
            pen.lines(x + 4, 52 + 2 * doc.leading + 6, lines)
        y = 52 + doc.leading + 5 + height + 10
        kind = "TD04 nota di credito" if spec.credit_note else "TD01 fattura"
        widths = [110.0, 60.0, 110.0, 90.0, x1 - x0 - 370.0]
        labels = [
            "Tipologia documento",
            "Art. 73",
            "Numero documento",
            "Data documento",
            "Codice destinatario",
        ]
        values = [[kind, "", spec.invoice_number, doc.day(spec.issue_date), spec.extra["sdi_code"]]]
        y = _grid(pen, (x0, y), widths, labels, values, left=5) + doc.leading
        cause = (
            f"Nota di credito a storno fattura n. {spec.credit_ref}"
            if spec.credit_note
            else (f"Vs. ordine {spec.order_ref}")
        )
        pen.text(x0, y, f"Causale: {cause}")
        return y + 12

    def totals_height(self, doc: Doc) -> float:
        return (len(doc.spec.tax_lines()) + 9) * (doc.leading + 5) + 3 * doc.leading + 30

    def totals(self, pen: Pen, y: float) -> float:
        doc, spec = pen.doc, pen.doc.spec
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        y += 12
        pen.text(x0, y, "RIEPILOGHI IVA E TOTALI", bold=True)
        y += 4
        nf = spec.number_format
        widths = [x1 - x0 - 350, 50.0, 70.0, 40.0, 95.0, 95.0]
        labels = [
            "esigibilità iva / riferimenti normativi",
            "%IVA",
            "Spese accessorie",
            "Arr.",
            "Totale imponibile",
            "Totale imposta",
        ]
        rows = [
            [
                "I (esigibilità immediata)",
                format_number(line.rate, nf, 2),
                "",
                "",
                doc.num(line.base),
                doc.num(line.amount),
            ]
            for line in spec.tax_lines()
        ]
        y = _grid(pen, (x0, y), widths, labels, rows) + 8
        widths = [(x1 - x0) / 4] * 4
        labels = ["Totale imponibile", "Totale imposta", "Importo bollo", "Totale documento"]
        y = _grid(
            pen, (x0, y), widths, labels, [[doc.num(spec.net), doc.num(spec.tax), "", doc.cash(spec.gross)]]
        )
        y += 8
        issuer = spec.issuer
        widths = [80.0, 140.0, 70.0, x1 - x0 - 430.0, 65.0, 75.0]
        labels = ["Modalità pagamento", "IBAN", "BIC", "Istituto finanziario", "Data scadenza", "Importo"]
        due = doc.day(spec.due_date) if spec.due_date else ""
        row = [
            "MP05 bonifico",
            issuer.iban or "",
            issuer.bic or "",
            issuer.bank_name or "",
            due,
            doc.num(spec.gross),
        ]
        return _grid(pen, (x0, y), widths, labels, [row], left=4)

    def footer(self, pen: Pen, number: int) -> None:
        doc = pen.doc
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        text = (
            "Documento privo di valenza fiscale ai sensi dell'art. 21 Dpr 633/72. L'originale è disponibile "
            "all'indirizzo telematico da Lei fornito oppure nella Sua area riservata "
            "dell'Agenzia delle Entrate."
        )
        small = doc.layout.size - 1
        y = doc.height - 40
        for line in _wrap(doc, text, x1 - x0 - 80, small):
            pen.text(x0, y, line, size=small, colour=GREY)
            y += small + 2
        pen.text(x1, doc.height - 40, f"Pag. {number} di {doc.total_pages}", size=small, align="right")

    def continuation(self, pen: Pen, number: int) -> None:
        doc, spec = pen.doc, pen.doc.spec
        pen.text(
            doc.layout.content_x0,
            50,
            f"Documento n. {spec.invoice_number} del {doc.day(spec.issue_date)}",
            bold=True,
        )
        pen.text(doc.layout.content_x1, 50, f"Pag. {number} di {doc.total_pages}", align="right")


# --- German Handwerker-Rechnung -------------------------------------------------------------------------


class Handwerker(Kind):
    columns = (("pos", 30), ("qty", 44), ("unit", 40), ("desc", 0), ("unit_price", 66), ("amount", 72))
    footer_reserve = 92.0

    def titles(self, doc: Doc) -> dict[str, str]:
        return {
            "pos": "Pos.",
            "qty": "Menge",
            "unit": "Einheit",
            "desc": "Bezeichnung",
            "unit_price": "Einzelpreis",
            "amount": "Gesamtpreis",
        }

    def cells(self, doc: Doc, number: int, item: Item) -> dict[str, str]:
        cells = super().cells(doc, number, item)
        cells["pos"] = f"{number:02d}"
        return cells

    @staticmethod
    def period(spec: InvoiceSpec) -> tuple[date, date]:
        return spec.issue_date - timedelta(days=12), spec.issue_date - timedelta(days=2)

    def header(self, pen: Pen) -> float:
        doc, spec = pen.doc, pen.doc.spec
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        issuer, recipient, extra = spec.issuer, spec.recipient, spec.extra
        centre = (x0 + x1) / 2
        pen.text(centre, 50, issuer.name, bold=True, size=16, align="centre", colour=doc.accent)
        pen.text(
            centre, 64, "Meisterbetrieb · Planung · Ausführung · Kundendienst", align="centre", colour=GREY
        )
        pen.rule(x0, 72, x1, 1.5, doc.accent)
        pen.text(x0, 122, f"{issuer.name} · {issuer.street} · {issuer.postal_city}", size=6.5)
        pen.rule(x0, 124, x0 + 230, 0.3)
        if extra.get("private"):
            lines = [extra["salutation"], recipient.name, recipient.street, recipient.postal_city]
        else:
            lines = [recipient.name, "z. Hd. Buchhaltung", recipient.street, recipient.postal_city]
            if extra.get("recipient_vat") and recipient.vat_id_printed:
                lines.append(f"USt-IdNr.: {recipient.vat_id_printed}")
        address_end = pen.lines(x0, 138, lines)
        start, end = self.period(spec)
        pairs = [
            ("Gutschrift Nr." if spec.credit_note else "Rechnung Nr.", spec.invoice_number),
            ("Datum", doc.day(spec.issue_date)),
            ("Kunden-Nr.", spec.customer_number),
            ("Leistungszeitraum", f"{doc.day(start)} - {doc.day(end)}"),
            ("Ansprechpartner", "Hr. " + issuer.name.split()[0]),
        ]
        info_end = pen.kv(340, 428, 122, pairs)
        y = max(address_end, info_end) + 26
        subject = f"Rechnung Nr. {spec.invoice_number}"
        if spec.credit_note:
            subject = f"Gutschrift Nr. {spec.invoice_number} zu Rechnung {spec.credit_ref}"
        pen.text(x0, y, subject, bold=True, size=doc.layout.size + 1.5)
        pen.text(
            x0,
            y + doc.leading + 2,
            f"Bauvorhaben: {extra['site']}, {recipient.street}, {recipient.postal_city}",
        )
        greeting = "Sehr geehrte Damen und Herren,"
        if extra.get("private"):
            greeting = f"Guten Tag {recipient.name},"
        y = pen.lines(
            x0, y + 3 * doc.leading + 4, [greeting, "für die ausgeführten Arbeiten berechnen wir Ihnen:"]
        )
        return y + 10

    def totals_height(self, doc: Doc) -> float:
        return (len(doc.spec.tax_lines()) + 16) * doc.leading + 40

    def totals(self, pen: Pen, y: float) -> float:
        doc, spec = pen.doc, pen.doc.spec
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        labour = sum((item.amount for item in spec.items if item.code == "L"), Decimal("0.00"))
        material = spec.net - labour
        y += 14
        label_x = x1 - 230
        y = _right_rows(
            pen,
            label_x,
            x1,
            y,
            [("Summe Material", doc.cash(material), False), ("Summe Lohn", doc.cash(labour), False)],
        )
        pen.rule(label_x, y - doc.leading + 3, x1, 0.5)
        rows = [("Nettobetrag", doc.cash(spec.net), False)]
        rows += [
            (f"zzgl. {format_rate(line.rate, spec.number_format)} MwSt.", doc.cash(line.amount), False)
            for line in spec.tax_lines()
        ]
        y = _right_rows(pen, label_x, x1, y + 2, rows)
        pen.rule(label_x, y - doc.leading + 3, x1, 0.8)
        label = "Gutschriftsbetrag" if spec.credit_note else "Rechnungsbetrag"
        y = _right_rows(pen, label_x, x1, y + 3, [(label, doc.cash(spec.gross), True)])
        pen.rule(label_x, y - doc.leading + 4, x1, 0.6)
        pen.rule(label_x, y - doc.leading + 6, x1, 0.6)
        y += 8
        texts = []
        if spec.extra.get("private") and labour:
            rate = spec.tax_lines()[0].rate
            labour_vat = money(labour * rate / 100)
            texts.append(
                "Im Rechnungsbetrag enthaltene Lohnkosten (Steuerermäßigung nach § 35a EStG): "
                f"{doc.cash(labour)} "
                f"zzgl. {doc.cash(labour_vat)} MwSt. = {doc.cash(labour + labour_vat)}."
            )
        if spec.credit_note:
            texts.append("Den Gutschriftsbetrag überweisen wir auf Ihr Konto.")
        elif spec.due_date:
            texts.append(
                f"Bitte überweisen Sie den Rechnungsbetrag ohne Abzug bis zum {doc.day(spec.due_date)}."
            )
        else:
            texts.append("Zahlbar sofort nach Erhalt der Rechnung ohne Abzug.")
        texts.append("Die Leistungen wurden im angegebenen Leistungszeitraum erbracht.")
        for text in texts:
            y = pen.lines(x0, y, _wrap(doc, text, x1 - x0))
        return pen.lines(x0, y + doc.leading, ["Mit freundlichen Grüßen", spec.issuer.name])

    def footer(self, pen: Pen, number: int) -> None:
        doc, spec = pen.doc, pen.doc.spec
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        issuer = spec.issuer
        top = doc.height - 72
        pen.rule(x0, top - 10, x1, 0.4, GREY)
        tax = [f"Steuer-Nr. {spec.extra['steuernummer']}"]
        if issuer.vat_id_printed:
            tax.append(f"USt-IdNr. {issuer.vat_id_printed}")
        blocks = [
            [issuer.name, issuer.street, issuer.postal_city],
            [f"Tel. {issuer.phone}", issuer.email, *tax],
            [issuer.bank_name or "", f"IBAN {issuer.iban_printed}", f"BIC {issuer.bic}"],
        ]
        small = doc.layout.size - 2.5
        third = (x1 - x0) / 3
        for column, block in enumerate(blocks):
            for row, line in enumerate(block):
                pen.text(x0 + column * third, top + row * (small + 2.5), line, size=small, colour=GREY)
        page = f"Seite {number} von {doc.total_pages}"
        pen.text(x1, doc.height - 22, page, size=small, align="right", colour=GREY)


# --- Nordic e-invoice print with payment slip -------------------------------------------------------------

SLIP_HEIGHT = 124.0


def org_number(vat_id: str) -> str:
    body = vat_id[2:]
    if vat_id.startswith("SE"):
        return f"{body[:6]}-{body[6:10]}"
    if vat_id.startswith("NO"):
        return f"{body[:3]} {body[3:6]} {body[6:9]}"
    return body  # DK: the CVR number is the VAT number without the prefix


class Nordic(Kind):
    columns = (
        ("pos", 26),
        ("desc", 0),
        ("qty", 48),
        ("unit", 34),
        ("unit_price", 70),
        ("rate", 40),
        ("amount", 78),
    )

    def titles(self, doc: Doc) -> dict[str, str]:
        return {
            "pos": "Line",
            "desc": "Description",
            "qty": "Quantity",
            "unit": "Unit",
            "unit_price": "Price",
            "rate": "VAT %",
            "amount": "Line amount",
        }

    def cells(self, doc: Doc, number: int, item: Item) -> dict[str, str]:
        cells = super().cells(doc, number, item)
        cells["rate"] = format_quantity(item.rate, doc.spec.number_format)
        return cells

    def table_header(self, pen: Pen, y: float) -> float:
        doc = pen.doc
        pen.box(
            doc.layout.content_x0,
            y,
            doc.layout.content_x1 - doc.layout.content_x0,
            doc.leading + 8,
            fill=LIGHT,
            stroke=False,
        )
        titles = self.titles(doc)
        for key, (left, right) in doc.columns.items():
            if key in self.numeric:
                pen.text(right - 4, y + doc.leading + 1, titles[key], bold=True, align="right")
            else:
                pen.text(left + 4, y + doc.leading + 1, titles[key], bold=True)
        return y + doc.table_header_height

    def row(self, pen: Pen, y: float, number: int, item: Item) -> float:
        end = super().row(pen, y, number, item)
        pen.rule(pen.doc.layout.content_x0, end - 1, pen.doc.layout.content_x1, 0.25, GREY)
        return end

    def header(self, pen: Pen) -> float:
        doc, spec = pen.doc, pen.doc.spec
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        issuer, recipient = spec.issuer, spec.recipient
        pen.text(x0, 52, issuer.name, bold=True, size=15)
        pen.lines(x0, 68, [issuer.street, issuer.postal_city, issuer.country.name])
        pen.text(
            x0, 118, "CREDIT NOTE" if spec.credit_note else "INVOICE", bold=True, size=18, colour=doc.accent
        )
        terms = f"{spec.payment_days} days net" if spec.payment_days else "On receipt"
        pairs = [
            ("Credit note number" if spec.credit_note else "Invoice number", spec.invoice_number),
            ("Issue date" if spec.credit_note else "Invoice date", doc.day(spec.issue_date)),
            ("Due date", doc.day(spec.due_date) if spec.due_date else "-"),
            ("Delivery date", doc.day(spec.issue_date - timedelta(days=3))),
            ("Currency", spec.currency),
            ("Buyer reference", spec.extra["buyer_ref"]),
            ("Order reference", spec.order_ref),
            ("Payment terms", terms),
        ]
        if spec.credit_note:
            pairs.append(("Billing reference", f"Invoice {spec.credit_ref}"))
        y = 50.0
        for label, value in pairs:  # labels right-aligned against right-aligned values
            pen.text(x1 - 100, y, label, align="right", colour=GREY)
            pen.text(x1, y, value, align="right", bold=label == pairs[0][0])
            y += doc.leading
        top = max(y, 132.0) + 10
        seller = [
            issuer.name,
            issuer.street,
            issuer.postal_city,
            issuer.country.name,
            f"Org.no. {org_number(issuer.vat_id or '')}",
            f"VAT no. {issuer.vat_id_printed}",
        ]
        buyer = [
            recipient.name,
            recipient.street,
            recipient.postal_city,
            recipient.country.name,
            f"Org.no. {org_number(recipient.vat_id or '')}",
        ]
        if spec.extra.get("recipient_vat") and recipient.vat_id_printed:
            buyer.append(f"VAT no. {recipient.vat_id_printed}")
        end = top
        for x, heading, lines in ((x0, "Seller", seller), (x0 + 270, "Buyer", buyer)):
            pen.text(x, top, heading.upper(), size=doc.layout.size - 1, colour=GREY)
            end = max(end, pen.lines(x, top + doc.leading + 1, lines, bold_first=True))
        return end + 16

    def totals_height(self, doc: Doc) -> float:
        return (len(doc.spec.tax_lines()) + 7) * (doc.leading + 1) + 30 + SLIP_HEIGHT

    def totals(self, pen: Pen, y: float) -> float:
        doc, spec = pen.doc, pen.doc.spec
        x1 = doc.layout.content_x1
        y += 14
        rows = [
            ("Sum of line amounts", doc.num(spec.net), False),
            ("Invoice total excl. VAT", doc.num(spec.net), False),
        ]
        for line in spec.tax_lines():
            rate = format_quantity(line.rate, spec.number_format)
            rows.append((f"VAT {rate} % of {doc.num(line.base)}", doc.num(line.amount), False))
        rows.append(("Invoice total incl. VAT", doc.num(spec.gross), False))
        rows.append(("Amount due", f"{doc.num(spec.gross)} {spec.currency}", True))
        end = _right_rows(pen, x1 - 250, x1, y, rows)
        self._slip(pen, doc.bottom - SLIP_HEIGHT + 10)
        return end

    def _slip(self, pen: Pen, top: float) -> None:
        doc, spec = pen.doc, pen.doc.spec
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        issuer, extra = spec.issuer, spec.extra
        pen.c.setDash(4, 3)
        pen.rule(0, top, doc.width, 0.5, GREY)
        pen.c.setDash()
        pen.text(x0, top + 14, "PAYMENT INFORMATION", bold=True)
        amount = f"{doc.num(spec.gross)} {spec.currency}"
        due = doc.day(spec.due_date) if spec.due_date else "-"
        country = issuer.country.code
        if spec.credit_note:
            first = [("Do not pay", "The amount is credited to your account"), ("Amount", amount)]
        elif country == "SE":
            first = [
                ("Bankgiro", extra["bankgiro"]),
                ("OCR / reference", extra["payment_ref"]),
                ("Amount", amount),
                ("Due date", due),
            ]
        elif country == "DK":
            creditor = (issuer.vat_id or "DK00000000")[2:]
            first = [
                ("Payment ID (FIK)", f"+71< {extra['payment_ref'].zfill(15)} +{creditor}<"),
                ("Amount", amount),
                ("Due date", due),
            ]
        else:
            account = (issuer.iban or "")[4:]
            first = [
                ("KID", extra["payment_ref"]),
                ("Account no.", f"{account[:4]}.{account[4:6]}.{account[6:]}"),
                ("Amount", amount),
                ("Due date", due),
            ]
        second = [("Payee", issuer.name), ("IBAN", issuer.iban_printed or ""), ("BIC", issuer.bic or "")]
        y = top + 22
        for row in (first, second):
            width = (x1 - x0) / len(row)
            for number, (label, value) in enumerate(row):
                x = x0 + number * width
                pen.box(x, y, width - 6, 2 * doc.leading + 10)
                pen.text(x + 4, y + doc.leading, label, size=doc.layout.size - 1.5, colour=GREY)
                pen.text(x + 4, y + 2 * doc.leading + 4, value, bold=True)
            y += 2 * doc.leading + 16

    def footer(self, pen: Pen, number: int) -> None:
        doc, spec = pen.doc, pen.doc.spec
        issuer = spec.issuer
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        line = f"{issuer.name} · Org.no. {org_number(issuer.vat_id or '')} · {issuer.email} · {issuer.phone}"
        small = doc.layout.size - 1.5
        pen.text(x0, doc.height - 30, line, size=small, colour=GREY)
        pen.text(
            x1, doc.height - 30, f"Page {number}/{doc.total_pages}", size=small, align="right", colour=GREY
        )


# --- US SaaS invoice ------------------------------------------------------------------------------------


class Saas(Kind):
    columns = (("desc", 0), ("qty", 50), ("unit_price", 84), ("amount", 86))

    def titles(self, doc: Doc) -> dict[str, str]:
        return {"desc": "Description", "qty": "Qty", "unit_price": "Unit price", "amount": "Amount"}

    @staticmethod
    def recurring(item: Item) -> bool:
        return "one-time" not in item.description

    def sub_lines(self, doc: Doc, item: Item) -> int:
        return 1 if self.recurring(item) else 0

    def cells(self, doc: Doc, number: int, item: Item) -> dict[str, str]:
        return {
            "qty": format_quantity(item.quantity, doc.spec.number_format),
            "unit_price": doc.cash(item.unit_price),
            "amount": doc.cash(item.amount),
        }

    def table_header(self, pen: Pen, y: float) -> float:
        doc = pen.doc
        titles = self.titles(doc)
        for key, (left, right) in doc.columns.items():
            if key in self.numeric:
                pen.text(right - 4, y + doc.leading + 1, titles[key], align="right", colour=GREY)
            else:
                pen.text(left + 4, y + doc.leading + 1, titles[key], colour=GREY)
        pen.rule(doc.layout.content_x0, y + doc.leading + 6, doc.layout.content_x1, 0.5, GREY)
        return y + doc.table_header_height

    def row(self, pen: Pen, y: float, number: int, item: Item) -> float:
        end = super().row(pen, y, number, item)
        doc = pen.doc
        if self.recurring(item):
            start = doc.spec.issue_date
            stop = (start + timedelta(days=31)).replace(day=min(start.day, 28)) - timedelta(days=1)
            pen.text(
                doc.columns["desc"][0] + 4,
                end - 5,
                f"{doc.day(start)} – {doc.day(stop)}",
                size=doc.layout.size - 1,
                colour=GREY,
            )
        return end

    def _due_line(self, doc: Doc) -> str:
        spec = doc.spec
        if spec.credit_note:
            return f"{doc.cash(spec.gross)} credited on {doc.day(spec.issue_date)}"
        return f"{doc.cash(spec.gross)} due {doc.day(spec.due_date or spec.issue_date)}"

    def header(self, pen: Pen) -> float:
        doc, spec = pen.doc, pen.doc.spec
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        issuer, recipient = spec.issuer, spec.recipient
        pen.text(x0, 56, "Credit note" if spec.credit_note else "Invoice", bold=True, size=20)
        pen.text(x1, 52, issuer.name, bold=True, size=10, align="right")
        pairs = [
            ("Credit note number" if spec.credit_note else "Invoice number", spec.invoice_number),
            ("Date of issue", doc.day(spec.issue_date)),
        ]
        pairs.append(
            ("Invoice", spec.credit_ref or "")
            if spec.credit_note
            else ("Date due", doc.day(spec.due_date or spec.issue_date))
        )
        y = 80.0
        for label, value in pairs:
            pen.text(x0, y, label, bold=True)
            pen.text(x0 + 100, y, value)
            y += doc.leading
        top = y + 16
        slug = recipient.email.split("@")[-1]
        left = pen.lines(
            x0,
            top,
            [issuer.name, issuer.street, issuer.postal_city, "United States", issuer.phone, issuer.email],
            bold_first=True,
        )
        pen.text(x0 + 200, top, "Bill to", bold=True)
        right = pen.lines(
            x0 + 200,
            top + doc.leading,
            [recipient.name, recipient.street, recipient.postal_city, "United States", f"accounts@{slug}"],
        )
        y = max(left, right) + 22
        pen.text(x0, y, self._due_line(doc), bold=True, size=15)
        if spec.credit_note:
            pen.text(x0, y + 18, f"This credit note reduces the balance of invoice {spec.credit_ref}.")
        else:
            pen.text(x0, y + 18, f"Pay online  {spec.extra['pay_link']}", colour=doc.accent)
        return y + 38

    def totals_height(self, doc: Doc) -> float:
        return (len(doc.spec.tax_lines()) + 9) * (doc.leading + 5) + 30

    def totals(self, pen: Pen, y: float) -> float:
        doc, spec = pen.doc, pen.doc.spec
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        y += 12
        left = x1 - 260
        rows = [("Subtotal", doc.cash(spec.net))]
        for line in spec.tax_lines():
            rows.append(
                (
                    f"Tax ({format_quantity(line.rate, spec.number_format)}% on {doc.cash(line.base)})",
                    doc.cash(line.amount),
                )
            )
        rows.append(("Total", doc.cash(spec.gross)))
        for label, value in rows:
            pen.rule(left, y - doc.leading + 1, x1, 0.3, GREY)
            pen.text(left, y + 2, label)
            pen.text(x1, y + 2, value, align="right")
            y += doc.leading + 5
        pen.box(left - 4, y - doc.leading + 1, x1 - left + 8, doc.leading + 8, fill=LIGHT)
        label = "Amount credited" if spec.credit_note else "Amount due"
        pen.text(left, y + 3, label, bold=True)
        pen.text(x1, y + 3, doc.cash(spec.gross), bold=True, align="right")
        y += 2 * doc.leading + 10
        extra = spec.extra
        lines = [
            f"Questions? Contact {spec.issuer.email}.",
            f"Pay by ACH or wire: {extra['bank_name']}, routing {extra['routing']}, "
            f"account {extra['account']}.",
        ]
        return pen.lines(x0, y, lines)

    def footer(self, pen: Pen, number: int) -> None:
        doc = pen.doc
        small = doc.layout.size - 1
        text = f"{doc.spec.invoice_number} · {self._due_line(doc)}"
        pen.text(doc.layout.content_x0, doc.height - 30, text, size=small, colour=GREY)
        page = f"Page {number} of {doc.total_pages}"
        pen.text(doc.layout.content_x1, doc.height - 30, page, size=small, align="right", colour=GREY)


# --- UK hotel folio -----------------------------------------------------------------------------------------


class HotelFolio(Kind):
    columns = (("date", 70), ("desc", 0), ("code", 70), ("amount", 100))
    numeric = frozenset({"amount"})

    def titles(self, doc: Doc) -> dict[str, str]:
        return {"date": "Date", "desc": "Description", "code": "Reference", "amount": "Amount (excl. VAT)"}

    @staticmethod
    def stay(spec: InvoiceSpec) -> tuple[date, date]:
        nights = max((int(item.period) for item in spec.items), default=0) + 1
        return spec.issue_date - timedelta(days=nights), spec.issue_date

    def cells(self, doc: Doc, number: int, item: Item) -> dict[str, str]:
        arrival, _ = self.stay(doc.spec)
        return {
            "date": doc.day(arrival + timedelta(days=int(item.period))),
            "code": item.code,
            "amount": doc.cash(item.amount),
        }

    def table_header(self, pen: Pen, y: float) -> float:
        end = super().table_header(pen, y)
        pen.rule(pen.doc.layout.content_x0, y, pen.doc.layout.content_x1, 0.6)
        pen.rule(pen.doc.layout.content_x0, y + 2, pen.doc.layout.content_x1, 0.6)
        return end

    def header(self, pen: Pen) -> float:
        doc, spec = pen.doc, pen.doc.spec
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        issuer, recipient, extra = spec.issuer, spec.recipient, spec.extra
        centre = (x0 + x1) / 2
        pen.text(centre, 50, issuer.name, bold=True, size=16, align="centre")
        pen.text(
            centre,
            64,
            f"{issuer.street}, {issuer.postal_city} · Tel. {issuer.phone} · {issuer.email}",
            align="centre",
        )
        pen.text(centre, 76, f"VAT Reg. No. {issuer.vat_id_printed}", align="centre")
        pen.rule(x0, 84, x1, 0.8)
        pen.text(
            centre,
            104,
            "CREDIT NOTE" if spec.credit_note else "VAT INVOICE / GUEST FOLIO",
            bold=True,
            size=12,
            align="centre",
        )
        left = [
            ("Guest", extra["guest"]),
            ("Company", recipient.name),
            ("Address", recipient.street),
            ("", recipient.postal_city),
            ("", recipient.country.name),
        ]
        if extra.get("recipient_vat") and recipient.vat_id_printed:
            left.append(("VAT No.", recipient.vat_id_printed))
        arrival, departure = self.stay(spec)
        right = [
            ("Folio No.", spec.invoice_number),
            ("Room", extra["room"]),
            ("Arrival", doc.day(arrival)),
            ("Departure", doc.day(departure)),
            ("Invoice Date", doc.day(spec.issue_date)),
            ("Account No.", spec.customer_number),
            ("Cashier", "FO" + extra["room"][-2:]),
        ]
        end = max(pen.kv(x0, x0 + 56, 128, left), pen.kv(x1 - 190, x1 - 100, 128, right))
        return end + 14

    def totals_height(self, doc: Doc) -> float:
        return (len(doc.spec.tax_lines()) + 15) * (doc.leading + 1) + 40

    def totals(self, pen: Pen, y: float) -> float:
        doc, spec = pen.doc, pen.doc.spec
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        extra = spec.extra
        pen.rule(x0, y + 2, x1, 0.6)
        y = _right_rows(pen, x1 - 250, x1, y + 16, [("Total charges (excl. VAT)", doc.cash(spec.net), False)])
        columns = (x0, x0 + 150, x0 + 230, x0 + 310)
        for x, label in zip(columns, ("VAT rate", "Net", "VAT", "Gross"), strict=True):
            pen.text(x, y + 4, label, bold=True, align="left" if x == x0 else "right")
        y += doc.leading + 4
        for line in spec.tax_lines():
            values = (
                f"{format_quantity(line.rate, spec.number_format)}%",
                doc.num(line.base),
                doc.num(line.amount),
                doc.num(line.base + line.amount),
            )
            for x, value in zip(columns, values, strict=True):
                pen.text(x, y, value, align="left" if x == x0 else "right")
            y += doc.leading
        y = _right_rows(pen, x1 - 250, x1, y + 6, [("Total incl. VAT", doc.cash(spec.gross), True)])
        issuer = spec.issuer
        if extra.get("paid"):
            payment = f"Payment - {extra['card']} xxxx xxxx xxxx {extra['last4']}"
            y = _right_rows(
                pen,
                x1 - 250,
                x1,
                y,
                [(payment, doc.cash(-spec.gross), False), ("Balance", doc.cash(Decimal("0.00")), True)],
            )
            notes = ["Paid in full at check-out. Thank you for staying with us."]
        else:
            y = _right_rows(pen, x1 - 250, x1, y, [("Balance due", doc.cash(spec.gross), True)])
            if spec.credit_note:
                notes = [f"Credit note for folio {spec.credit_ref}."]
            else:
                due = doc.day(spec.due_date) if spec.due_date else "on receipt"
                notes = [f"Charged to company account {spec.customer_number}; payment due {due}."]
            notes.append(f"Bank: {issuer.bank_name} · IBAN {issuer.iban_printed} · BIC {issuer.bic}")
        notes.append(
            "I agree that my liability for this bill is not waived and I agree to be held personally "
            "liable in the event that the indicated company fails to pay."
        )
        y += 8
        for note in notes:
            y = pen.lines(x0, y, _wrap(doc, note, x1 - x0))
        return y

    def footer(self, pen: Pen, number: int) -> None:
        doc, spec = pen.doc, pen.doc.spec
        issuer = spec.issuer
        small = doc.layout.size - 2
        text = f"{issuer.name} · Registered in England and Wales No. {spec.extra['company_no']}"
        pen.text(
            (doc.layout.content_x0 + doc.layout.content_x1) / 2,
            doc.height - 30,
            text,
            size=small,
            align="centre",
            colour=GREY,
        )
        pen.text(
            doc.layout.content_x1,
            doc.height - 20,
            f"Page {number} of {doc.total_pages}",
            size=small,
            align="right",
            colour=GREY,
        )


# --- food-service wholesale, many short lines -------------------------------------------------------------

W_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "invoice": "INVOICE",
        "credit": "CREDIT NOTE",
        "no": "Invoice no.",
        "date": "Date",
        "due": "Due date",
        "customer": "Customer",
        "dn": "Delivery note",
        "route": "Route",
        "order": "Order",
        "art": "Item no.",
        "desc": "Article",
        "pack": "Pack",
        "price": "Price",
        "qty": "Qty",
        "amount": "Amount",
        "code": "VAT",
        "page_total": "Page total",
        "rate": "Rate",
        "net": "Net",
        "vat": "VAT",
        "gross": "Gross",
        "total_net": "Total net",
        "total_vat": "Total VAT",
        "to_pay": "Amount payable",
        "lines": "Lines",
        "vat_id": "VAT no.",
        "terms": "Payment by {date} by bank transfer.",
        "credit_ref": "Credit for invoice {ref}",
    },
    "de": {
        "invoice": "RECHNUNG",
        "credit": "GUTSCHRIFT",
        "no": "Rechnungs-Nr.",
        "date": "Datum",
        "due": "Fällig",
        "customer": "Kunde",
        "dn": "Lieferschein",
        "route": "Tour",
        "order": "Bestellung",
        "art": "Art.-Nr.",
        "desc": "Artikel",
        "pack": "Inhalt",
        "price": "Preis",
        "qty": "Menge",
        "amount": "Betrag",
        "code": "MwSt",
        "page_total": "Seitensumme",
        "rate": "Satz",
        "net": "Netto",
        "vat": "MwSt",
        "gross": "Brutto",
        "total_net": "Summe netto",
        "total_vat": "Summe MwSt",
        "to_pay": "Zu zahlen",
        "lines": "Positionen",
        "vat_id": "USt-IdNr.",
        "terms": "Zahlbar bis {date} per Überweisung.",
        "credit_ref": "Gutschrift zu Rechnung {ref}",
    },
    "fr": {
        "invoice": "FACTURE",
        "credit": "AVOIR",
        "no": "N° facture",
        "date": "Date",
        "due": "Échéance",
        "customer": "Client",
        "dn": "Bon de livraison",
        "route": "Tournée",
        "order": "Commande",
        "art": "Code",
        "desc": "Article",
        "pack": "Cond.",
        "price": "Prix",
        "qty": "Qté",
        "amount": "Montant",
        "code": "TVA",
        "page_total": "Total page",
        "rate": "Taux",
        "net": "HT",
        "vat": "TVA",
        "gross": "TTC",
        "total_net": "Total HT",
        "total_vat": "Total TVA",
        "to_pay": "Net à payer",
        "lines": "Lignes",
        "vat_id": "N° TVA",
        "terms": "Paiement au {date} par virement.",
        "credit_ref": "Avoir sur facture {ref}",
    },
    "es": {
        "invoice": "FACTURA",
        "credit": "FACTURA RECTIFICATIVA",
        "no": "N.º factura",
        "date": "Fecha",
        "due": "Vencimiento",
        "customer": "Cliente",
        "dn": "Albarán",
        "route": "Ruta",
        "order": "Pedido",
        "art": "Código",
        "desc": "Artículo",
        "pack": "Formato",
        "price": "Precio",
        "qty": "Cant.",
        "amount": "Importe",
        "code": "IVA",
        "page_total": "Total página",
        "rate": "Tipo",
        "net": "Base",
        "vat": "Cuota",
        "gross": "Total",
        "total_net": "Base imponible",
        "total_vat": "Total IVA",
        "to_pay": "Total a pagar",
        "lines": "Líneas",
        "vat_id": "NIF",
        "terms": "Vencimiento {date}, transferencia bancaria.",
        "credit_ref": "Rectifica la factura {ref}",
    },
    "nl": {
        "invoice": "FACTUUR",
        "credit": "CREDITNOTA",
        "no": "Factuurnr.",
        "date": "Datum",
        "due": "Vervaldatum",
        "customer": "Klant",
        "dn": "Pakbon",
        "route": "Rit",
        "order": "Bestelling",
        "art": "Art.nr.",
        "desc": "Artikel",
        "pack": "Verpakking",
        "price": "Prijs",
        "qty": "Aantal",
        "amount": "Bedrag",
        "code": "Btw",
        "page_total": "Paginatotaal",
        "rate": "Tarief",
        "net": "Netto",
        "vat": "Btw",
        "gross": "Bruto",
        "total_net": "Totaal excl. btw",
        "total_vat": "Totaal btw",
        "to_pay": "Te betalen",
        "lines": "Regels",
        "vat_id": "Btw-nr.",
        "terms": "Betalen voor {date} per overschrijving.",
        "credit_ref": "Creditering van factuur {ref}",
    },
    "it": {
        "invoice": "FATTURA",
        "credit": "NOTA DI CREDITO",
        "no": "Fattura n.",
        "date": "Data",
        "due": "Scadenza",
        "customer": "Cliente",
        "dn": "DDT",
        "route": "Giro",
        "order": "Ordine",
        "art": "Codice",
        "desc": "Articolo",
        "pack": "Confezione",
        "price": "Prezzo",
        "qty": "Q.tà",
        "amount": "Importo",
        "code": "IVA",
        "page_total": "Totale pagina",
        "rate": "Aliquota",
        "net": "Imponibile",
        "vat": "Imposta",
        "gross": "Totale",
        "total_net": "Totale imponibile",
        "total_vat": "Totale IVA",
        "to_pay": "Totale da pagare",
        "lines": "Righe",
        "vat_id": "P.IVA",
        "terms": "Pagamento entro il {date} con bonifico.",
        "credit_ref": "Nota di credito per fattura {ref}",
    },
}
CODE_LETTERS = "ABCD"


class Wholesale(Kind):
    columns = (
        ("code", 48),
        ("desc", 0),
        ("pack", 62),
        ("unit_price", 54),
        ("qty", 40),
        ("amount", 64),
        ("taxcode", 32),
    )
    numeric = frozenset({"unit_price", "qty", "amount", "taxcode"})
    footer_reserve = 62.0
    continuation_end = 70.0

    def titles(self, doc: Doc) -> dict[str, str]:
        w = W_LABELS[doc.spec.language]
        return {
            "code": w["art"],
            "desc": w["desc"],
            "pack": w["pack"],
            "unit_price": w["price"],
            "qty": w["qty"],
            "amount": w["amount"],
            "taxcode": w["code"],
        }

    @staticmethod
    def letters(spec: InvoiceSpec) -> dict[Decimal, str]:
        rates = sorted({item.rate for item in spec.items}, reverse=True)
        return {rate: CODE_LETTERS[number] for number, rate in enumerate(rates)}

    def cells(self, doc: Doc, number: int, item: Item) -> dict[str, str]:
        cells = super().cells(doc, number, item)
        cells["pack"] = item.unit
        cells["taxcode"] = self.letters(doc.spec)[item.rate]
        return cells

    def header(self, pen: Pen) -> float:
        doc, spec = pen.doc, pen.doc.spec
        w = W_LABELS[spec.language]
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        issuer, recipient = spec.issuer, spec.recipient
        pen.text(x0, 44, issuer.name, bold=True, size=13, colour=doc.accent)
        pen.text(x0, 56, f"{issuer.street} · {issuer.postal_city} · Tel. {issuer.phone}", colour=GREY)
        pen.text(x1, 46, w["credit"] if spec.credit_note else w["invoice"], bold=True, size=16, align="right")
        pen.box(x0, 72, 250, 7 * doc.leading + 8)
        pen.text(x0 + 6, 72 + doc.leading + 2, f"{w['customer']} {spec.customer_number}", bold=True, size=11)
        lines = [recipient.name, recipient.street, recipient.postal_city, recipient.country.name]
        if spec.extra.get("recipient_vat") and recipient.vat_id_printed:
            lines.append(f"{w['vat_id']} {recipient.vat_id_printed}")
        pen.lines(x0 + 6, 72 + 2 * doc.leading + 8, lines)
        pairs = [
            (w["no"], spec.invoice_number),
            (w["date"], doc.day(spec.issue_date)),
            (w["due"], doc.day(spec.due_date) if spec.due_date else "-"),
            (w["dn"], spec.extra["delivery_note"]),
            (w["route"], spec.extra["route"]),
            (w["order"], spec.order_ref),
        ]
        pen.kv(x1 - 200, x1, 80, pairs, value_align="right")
        return 72 + 7 * doc.leading + 24

    def page_end(self, pen: Pen, y: float, items: list[Item]) -> None:
        doc = pen.doc
        left, right = doc.columns["amount"]
        pen.rule(left, y + 2, right, 0.5)
        total = sum((item.amount for item in items), Decimal("0.00"))
        pen.text(
            left - 6, y + doc.leading + 2, W_LABELS[doc.spec.language]["page_total"], bold=True, align="right"
        )
        pen.text(right - 4, y + doc.leading + 2, doc.num(total), bold=True, align="right")

    def totals_height(self, doc: Doc) -> float:
        return (len(doc.spec.tax_lines()) + 8) * (doc.leading + 1) + 40

    def totals(self, pen: Pen, y: float) -> float:
        doc, spec = pen.doc, pen.doc.spec
        w = W_LABELS[spec.language]
        x0, x1 = doc.layout.content_x0, doc.layout.content_x1
        pen.rule(x0, y + 2, x1, 0.8)
        y += 16
        letters = self.letters(spec)
        columns = (x0, x0 + 60, x0 + 140, x0 + 210, x0 + 280)
        for x, label in zip(columns, (w["code"], w["rate"], w["net"], w["vat"], w["gross"]), strict=True):
            pen.text(x, y, label, bold=True, align="left" if x == x0 else "right")
        left_y = y + doc.leading
        for line in spec.tax_lines():
            values = (
                letters[line.rate],
                format_rate(line.rate, spec.number_format),
                doc.num(line.base),
                doc.num(line.amount),
                doc.num(line.base + line.amount),
            )
            for x, value in zip(columns, values, strict=True):
                pen.text(x, left_y, value, align="left" if x == x0 else "right")
            left_y += doc.leading
        pen.text(x0, left_y + 4, f"{w['lines']}: {len(spec.items)}")
        rows = [(w["total_net"], doc.cash(spec.net), False), (w["total_vat"], doc.cash(spec.tax), False)]
        right_y = _right_rows(pen, x1 - 200, x1, y, rows)
        pen.rule(x1 - 200, right_y - doc.leading + 3, x1, 0.8)
        right_y = _right_rows(pen, x1 - 200, x1, right_y + 3, [(w["to_pay"], doc.cash(spec.gross), True)])
        y = max(left_y + doc.leading, right_y) + 8
        issuer = spec.issuer
        if spec.credit_note:
            note = w["credit_ref"].format(ref=spec.credit_ref)
        else:
            note = w["terms"].format(date=doc.day(spec.due_date or spec.issue_date))
        return pen.lines(x0, y, [note, f"{issuer.bank_name} · IBAN {issuer.iban_printed} · BIC {issuer.bic}"])

    def footer(self, pen: Pen, number: int) -> None:
        doc, spec = pen.doc, pen.doc.spec
        issuer = spec.issuer
        small = doc.layout.size - 1
        vat = (
            f" · {W_LABELS[spec.language]['vat_id']} {issuer.vat_id_printed}" if issuer.vat_id_printed else ""
        )
        pen.text(doc.layout.content_x0, doc.height - 28, f"{issuer.name}{vat}", size=small, colour=GREY)
        page = doc.labels["page"].format(n=number, total=doc.total_pages)
        pen.text(doc.layout.content_x1, doc.height - 28, page, size=small, align="right", colour=GREY)


KINDS: dict[str, Kind] = {
    "fresh_facture_mentions_fr": Facture(),
    "fresh_fattura_riepilogo_it": Fattura(),
    "fresh_handwerker_lohnanteil_de": Handwerker(),
    "fresh_nordic_einvoice_slip": Nordic(),
    "fresh_saas_amount_due_us": Saas(),
    "fresh_hotel_folio_uk": HotelFolio(),
    "fresh_wholesale_codes_multipage": Wholesale(),
}


def fresh_flow(doc: FreshDoc) -> Flow:
    """An empty page plan: the header's height is measured by drawing it on a scratch canvas."""
    scratch = Canvas(io.BytesIO(), pagesize=(doc.width, doc.height), invariant=1)
    return Flow(doc, doc.kind.header(Pen(scratch, doc)), doc.kind.continuation_end)


def render_fresh(doc: FreshDoc, flow: Flow) -> bytes:
    """Draw the planned pages; byte-identical for the same input (reportlab invariant mode)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(doc.width, doc.height), invariant=1, pageCompression=1)
    spec, kind = doc.spec, doc.kind
    canvas.setTitle(f"{spec.invoice_number}")
    canvas.setAuthor(winansi(spec.issuer.name))
    canvas.setCreator("invoiceflow corpus generator")
    total_pages = flow.pages_if_stop()
    doc.total_pages = total_pages
    pen = Pen(canvas, doc)
    for page_number in range(1, total_pages + 1):
        page = flow.pages[page_number - 1] if page_number <= len(flow.pages) else Page()
        if page_number == 1:
            y = kind.header(pen)
        else:
            kind.continuation(pen, page_number)
            y = kind.continuation_end
        if page.items or page_number == 1:
            y = kind.table_header(pen, y)
        for index in page.items:
            y = kind.row(pen, y, index + 1, spec.items[index])
        if page_number == total_pages:
            kind.totals(pen, y)
        elif page.items:
            kind.page_end(pen, y, [spec.items[index] for index in page.items])
        kind.footer(pen, page_number)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
