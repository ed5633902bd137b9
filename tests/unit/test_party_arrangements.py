"""Issuer and recipient names in party arrangements of real-world invoices, on hand-placed pages of
invented businesses in several languages: ERP reports (company block in small type at the top or only in
a legal footer, the customer's block unlabelled at body size), French factures ("Client :", "Facturé à",
"Adressé à", "SAS au capital de … RCS"), German DIN 5008 letters (return-address line over the window,
"Herrn"/"Frau"/"Firma", Geschäftsführer/Amtsgericht footers), Italian/Spanish/Portuguese/Polish forms,
Indian GST ("Sold By", "Billing Address"), US ("Bill To"/"Ship To" side by side, remit-to), Swiss QR-bill
payment parts, persons as customers, and issuers without legal form (a studio, a freelancer) beside a
customer with "Ltd"/"GmbH"."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from reportlab.lib.pagesizes import A4
from tests.unit import sheets
from tests.unit.invented_designs import Pdf
from tests.unit.sheets import values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.pipeline import extract_invoice


class Sheet(sheets.Sheet):
    """A word layout that also remembers each text run, to draw the same page as a real PDF."""

    def __init__(self, font_size: float = 10.0) -> None:
        super().__init__(font_size=font_size)
        self.runs: list[tuple[float, float, str, float, bool]] = []

    def put(self, x: float, y: float, text: str, size: float | None = None, right: bool = False) -> None:
        super().put(x, y, text, size, right)
        self.runs.append((x, y, text, size or self.font_size, right))


Arrangement = tuple[Sheet, str, str]
_ARRANGEMENTS: list[Callable[[], Arrangement]] = []


def _arrangement(build: Callable[[], Arrangement]) -> Callable[[], Arrangement]:
    _ARRANGEMENTS.append(build)
    return build


def items(s: Sheet, y: float = 330) -> None:
    """A one-row items table and its total under the party blocks."""
    s.table(
        y,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Design work", "2", "50.00", "100.00"]],
    )
    s.put(470, y + 50, "Total", right=True)
    s.put(555, y + 50, "119.00", right=True)


@_arrangement
def _odoo_en() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Northwind Analytics SA", size=8)
    s.put(40, 40, "Rue du Lac 12", size=8)
    s.put(40, 50, "1003 Lausanne", size=8)
    s.put(340, 120, "Baumann Holz GmbH")
    s.put(340, 132, "Sägestrasse 4")
    s.put(340, 144, "8400 Winterthur")
    s.put(40, 200, "Invoice INV/2024/0001", size=16)
    s.put(40, 230, "Invoice Date: 03/04/2024")
    s.put(200, 230, "Due Date: 03/05/2024")
    items(s)
    s.put(40, 790, "info@northwind-analytics.ch  www.northwind-analytics.ch", size=7)
    return s, "Northwind Analytics SA", "Baumann Holz GmbH"


@_arrangement
def _odoo_footer_only() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(340, 120, "Garage Lefèvre SARL")
    s.put(340, 132, "8 rue des Lilas")
    s.put(340, 144, "69003 Lyon")
    s.put(40, 200, "Facture FAC/2024/0117", size=16)
    s.put(40, 230, "Date de facturation : 03/04/2024")
    items(s)
    s.put(40, 780, "Atelier Brunet SAS - 14 avenue Foch - 75016 Paris", size=7)
    s.put(40, 790, "SAS au capital de 10 000 € - RCS Paris 812 345 678 - SIREN 812 345 678", size=7)
    return s, "Atelier Brunet SAS", "Garage Lefèvre SARL"


@_arrangement
def _fr_client_inline() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Studio Mirabelle", size=18)
    s.put(40, 52, "12 rue Victor Hugo, 33000 Bordeaux")
    s.put(380, 30, "FACTURE N° 2024-031", size=12)
    s.put(380, 50, "Date : 12/03/2024")
    s.put(40, 120, "Client : Dupont Rénovation SARL")
    s.put(40, 132, "4 place Gambetta")
    s.put(40, 144, "33000 Bordeaux")
    items(s)
    s.put(
        40, 790, "Studio Mirabelle - SIRET 812 345 678 00012 - TVA non applicable, art. 293 B du CGI", size=7
    )
    return s, "Studio Mirabelle", "Dupont Rénovation SARL"


@_arrangement
def _fr_facture_a() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Atelier Lumière", size=20)
    s.put(40, 56, "5 rue de la Paix, 75002 Paris")
    s.put(340, 110, "Facturé à")
    s.put(340, 122, "Boulangerie Martin SARL")
    s.put(340, 134, "12 rue du Four")
    s.put(340, 146, "75006 Paris")
    s.put(40, 200, "Facture n° F-2024-09", size=14)
    s.put(40, 220, "Date : 05/02/2024")
    items(s)
    s.put(40, 780, "Titulaire : Atelier Lumière  IBAN FR76 3000 6000 0112 3456 7890 189", size=7)
    return s, "Atelier Lumière", "Boulangerie Martin SARL"


@_arrangement
def _de_din5008_herrn() -> Arrangement:
    s = Sheet(font_size=10)
    s.put(400, 30, "Schreinerei Holzwurm", size=16)
    s.put(400, 50, "Bergstraße 3", size=9)
    s.put(400, 61, "79098 Freiburg", size=9)
    s.put(57, 120, "Schreinerei Holzwurm · Bergstraße 3 · 79098 Freiburg", size=6)
    s.put(57, 135, "Herrn")
    s.put(57, 147, "Thomas Becker")
    s.put(57, 159, "Lindenweg 7")
    s.put(57, 171, "79100 Freiburg")
    s.put(57, 230, "Rechnung Nr. 2024-118", size=13)
    s.put(400, 230, "Datum: 12.03.2024")
    items(s, 280)
    s.put(57, 780, "Inhaber: Markus Holzer · Steuernummer 06454/12345", size=7)
    return s, "Schreinerei Holzwurm", "Thomas Becker"


@_arrangement
def _de_firma_gmbh() -> Arrangement:
    s = Sheet(font_size=10)
    s.put(57, 120, "Grafikbüro Sonnenschein · Am Markt 1 · 04109 Leipzig", size=6)
    s.put(57, 135, "Firma")
    s.put(57, 147, "Müller Logistik GmbH")
    s.put(57, 159, "z. Hd. Frau Sabine Krause")
    s.put(57, 171, "Hafenstraße 20")
    s.put(57, 183, "04129 Leipzig")
    s.put(57, 250, "Rechnung", size=13)
    s.put(400, 250, "Rechnungsnummer: R-7781")
    s.put(400, 262, "Datum: 12.03.2024")
    items(s)
    s.put(57, 770, "Grafikbüro Sonnenschein", size=7)
    s.put(57, 779, "Kontoinhaber: Grafikbüro Sonnenschein", size=7)
    s.put(57, 788, "IBAN DE89 3704 0044 0532 0130 00", size=7)
    return s, "Grafikbüro Sonnenschein", "Müller Logistik GmbH"


@_arrangement
def _it_spettle() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Studio Grafico Verdi", size=18)
    s.put(40, 52, "Via Roma 10, 20121 Milano")
    s.put(340, 110, "Spett.le")
    s.put(340, 122, "Rossi Costruzioni S.r.l.")
    s.put(340, 134, "Via Garibaldi 5")
    s.put(340, 146, "10121 Torino")
    s.put(40, 200, "Fattura n. 12/2024", size=14)
    s.put(40, 220, "Data: 05/02/2024")
    items(s)
    return s, "Studio Grafico Verdi", "Rossi Costruzioni S.r.l."


@_arrangement
def _es_cliente() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Diseño Luna", size=18)
    s.put(40, 52, "Calle Mayor 3, 28013 Madrid")
    s.put(340, 110, "Cliente:")
    s.put(340, 122, "Transportes García S.L.")
    s.put(340, 134, "Avenida Diagonal 100")
    s.put(340, 146, "08019 Barcelona")
    s.put(40, 200, "Factura nº 2024/015", size=14)
    s.put(40, 220, "Fecha: 05/02/2024")
    items(s)
    return s, "Diseño Luna", "Transportes García S.L."


@_arrangement
def _es_destinatario_razon() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Fotografía Ruiz", size=18)
    s.put(40, 52, "Calle Sol 8, 41001 Sevilla")
    s.put(340, 98, "Datos del cliente")
    s.put(340, 110, "Razón social: Hoteles Costa S.A.")
    s.put(340, 122, "CIF: A12345678")
    s.put(340, 134, "Paseo Marítimo 1, 29001 Málaga")
    s.put(40, 200, "Factura nº 2024/016", size=14)
    s.put(40, 220, "Fecha: 05/02/2024")
    items(s)
    return s, "Fotografía Ruiz", "Hoteles Costa S.A."


@_arrangement
def _in_gst_sold_by() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Tax Invoice", size=16)
    s.put(40, 70, "Sold By:")
    s.put(40, 82, "Sharma Handicrafts")
    s.put(40, 94, "12 MG Road, Jaipur 302001")
    s.put(40, 106, "GSTIN: 08ABCDE1234F1Z5")
    s.put(320, 70, "Billing Address:")
    s.put(320, 82, "Priya Nair")
    s.put(320, 94, "45 Marine Drive, Kochi 682001")
    s.put(40, 160, "Invoice Number: JP-2024-331")
    s.put(320, 160, "Invoice Date: 05.02.2024")
    items(s)
    return s, "Sharma Handicrafts", "Priya Nair"


@_arrangement
def _us_bill_ship() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Blue Heron Carpentry", size=18)
    s.put(40, 52, "77 Elm St, Portland, OR 97201")
    s.put(400, 30, "INVOICE", size=16)
    s.put(400, 52, "Invoice # 1042")
    s.put(400, 64, "Date: 03/04/2024")
    s.put(40, 110, "Bill To")
    s.put(250, 110, "Ship To")
    s.put(40, 122, "Cascade Foods Inc.")
    s.put(250, 122, "Cascade Foods Warehouse")
    s.put(40, 134, "100 Pine Ave")
    s.put(250, 134, "900 Dock Rd")
    s.put(40, 146, "Seattle, WA 98101")
    s.put(250, 146, "Tacoma, WA 98402")
    items(s)
    s.put(40, 760, "Remit to:", size=8)
    s.put(40, 770, "Blue Heron Carpentry", size=8)
    s.put(40, 780, "PO Box 55, Portland, OR 97207", size=8)
    return s, "Blue Heron Carpentry", "Cascade Foods Inc."


@_arrangement
def _freelancer_vs_gmbh() -> Arrangement:
    s = Sheet(font_size=10)
    s.put(40, 30, "Lena Hoffmann", size=18)
    s.put(40, 52, "Fotografie & Bildbearbeitung", size=9)
    s.put(40, 63, "Kastanienallee 9, 10435 Berlin", size=9)
    s.put(340, 110, "Weber Medien GmbH")
    s.put(340, 122, "Friedrichstraße 50")
    s.put(340, 134, "10117 Berlin")
    s.put(40, 200, "Rechnung Nr. 2024-07", size=14)
    s.put(40, 220, "Datum: 05.02.2024")
    items(s)
    s.put(40, 780, "Kontoinhaber: Lena Hoffmann · IBAN DE02 1203 0000 0000 2020 51", size=7)
    return s, "Lena Hoffmann", "Weber Medien GmbH"


@_arrangement
def _studio_vs_ltd_en() -> Arrangement:
    s = Sheet(font_size=10)
    s.put(40, 30, "Paper Crane Studio", size=20)
    s.put(40, 55, "3 Wharf Road, Bristol BS1 4RN", size=9)
    s.put(40, 110, "Invoice to")
    s.put(40, 122, "Harbourside Events Ltd")
    s.put(40, 134, "Attn: Accounts Payable")
    s.put(40, 146, "22 Queen Square, Bristol BS1 4ND")
    s.put(400, 110, "Invoice no. PCS-0042")
    s.put(400, 122, "Date: 4 March 2024")
    items(s)
    s.put(40, 780, "Account name: Paper Crane Studio  Sort code 20-00-00  Account 12345678", size=7)
    return s, "Paper Crane Studio", "Harbourside Events Ltd"


@_arrangement
def _unlabelled_ltd_vs_studio() -> Arrangement:
    s = Sheet(font_size=10)
    s.put(40, 30, "Paper Crane Studio", size=20)
    s.put(40, 55, "3 Wharf Road, Bristol BS1 4RN", size=9)
    s.put(340, 110, "Harbourside Events Ltd")
    s.put(340, 122, "22 Queen Square")
    s.put(340, 134, "Bristol BS1 4ND")
    s.put(40, 200, "Invoice no. PCS-0042", size=12)
    s.put(40, 215, "Date: 4 March 2024")
    items(s)
    return s, "Paper Crane Studio", "Harbourside Events Ltd"


@_arrangement
def _nl_co_department() -> Arrangement:
    s = Sheet(font_size=10)
    s.put(40, 30, "Bakkerij De Molen", size=18)
    s.put(40, 52, "Dorpsstraat 1, 1234 AB Edam", size=9)
    s.put(340, 110, "Factuuradres:")
    s.put(340, 122, "Van Dijk Catering B.V.")
    s.put(340, 134, "Afdeling Inkoop")
    s.put(340, 146, "Kade 7")
    s.put(340, 158, "1011 AA Amsterdam")
    s.put(40, 200, "Factuur 2024-0091", size=14)
    s.put(40, 220, "Factuurdatum: 05-02-2024")
    items(s)
    return s, "Bakkerij De Molen", "Van Dijk Catering B.V."


@_arrangement
def _person_recipient_co() -> Arrangement:
    s = Sheet(font_size=10)
    s.put(40, 30, "Greenleaf Gardening", size=18)
    s.put(40, 52, "8 Ivy Lane, York YO1 7HH", size=9)
    s.put(40, 110, "Customer:")
    s.put(40, 122, "Mrs Eleanor Whitfield")
    s.put(40, 134, "c/o The Old Rectory")
    s.put(40, 146, "Church Street, Ripon HG4 1AA")
    s.put(400, 110, "Invoice No: GG-311")
    s.put(400, 122, "Date: 2 May 2024")
    items(s)
    return s, "Greenleaf Gardening", "Eleanor Whitfield"


@_arrangement
def _sap_like() -> Arrangement:
    s = Sheet(font_size=8)
    s.put(380, 30, "Kröger Maschinenbau AG", size=14)
    s.put(57, 110, "Kröger Maschinenbau AG, Postfach 12 34, 33602 Bielefeld", size=6)
    s.put(57, 125, "Firma")
    s.put(57, 135, "Nordsee Fisch KG")
    s.put(57, 145, "Abt. Einkauf")
    s.put(57, 155, "Hafen 3")
    s.put(57, 165, "27568 Bremerhaven")
    s.put(57, 230, "Rechnung 9000123", size=12)
    s.put(380, 230, "Datum 12.03.2024")
    items(s)
    s.put(
        57, 770, "Vorstand: Dr. Hans Kröger · Amtsgericht Bielefeld HRB 1234 · USt-IdNr. DE123456789", size=6
    )
    return s, "Kröger Maschinenbau AG", "Nordsee Fisch KG"


@_arrangement
def _de_footer_gf() -> Arrangement:
    s = Sheet(font_size=10)
    s.put(400, 30, "LOGO", size=22)
    s.put(57, 120, "Elektro Vogt GmbH · Werkstraße 2 · 50667 Köln", size=6)
    s.put(57, 135, "Frau")
    s.put(57, 147, "Dr. Anna Schulte")
    s.put(57, 159, "Rosenweg 4")
    s.put(57, 171, "50931 Köln")
    s.put(57, 250, "Rechnung Nr. 55120", size=13)
    s.put(400, 250, "Datum: 12.03.2024")
    items(s)
    s.put(57, 770, "Elektro Vogt GmbH · Geschäftsführer: Peter Vogt · Amtsgericht Köln HRB 98765", size=6)
    return s, "Elektro Vogt GmbH", "Dr. Anna Schulte"


@_arrangement
def _fr_adresse_a_right() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Maison Perret", size=20)
    s.put(40, 56, "Traiteur", size=9)
    s.put(40, 67, "3 quai Rambaud, 69002 Lyon", size=9)
    s.put(340, 110, "Adressé à :")
    s.put(340, 122, "Hôtel Bellecour SA")
    s.put(340, 134, "Service comptabilité")
    s.put(340, 146, "1 place Bellecour")
    s.put(340, 158, "69002 Lyon")
    s.put(40, 220, "Facture n° 2024-220", size=14)
    s.put(40, 240, "Date : 05/02/2024")
    items(s)
    s.put(40, 790, "Maison Perret SARL au capital de 5 000 € - RCS Lyon 498 765 432", size=7)
    return s, "Maison Perret SARL", "Hôtel Bellecour SA"


@_arrangement
def _it_destinatario_inline() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Falegnameria Bianchi", size=18)
    s.put(40, 52, "Via Po 4, 10123 Torino")
    s.put(40, 110, "Destinatario: Marco Esposito")
    s.put(40, 122, "Corso Vittorio 9")
    s.put(40, 134, "80121 Napoli")
    s.put(400, 110, "Fattura n. 31/2024")
    s.put(400, 122, "Data: 05/02/2024")
    items(s)
    return s, "Falegnameria Bianchi", "Marco Esposito"


@_arrangement
def _odoo_company_small_topleft_no_domain() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Kestrel Web", size=8)
    s.put(40, 40, "Unit 5, Mill Yard", size=8)
    s.put(40, 50, "Leeds LS1 4AB", size=8)
    s.put(340, 120, "Abbott Dental Ltd")
    s.put(340, 132, "9 High Street")
    s.put(340, 144, "Harrogate HG1 1AA")
    s.put(40, 200, "Invoice INV/2024/0007", size=16)
    s.put(40, 230, "Invoice Date: 03/04/2024")
    items(s)
    return s, "Kestrel Web", "Abbott Dental Ltd"


@_arrangement
def _us_remit_box_right() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Summit Plumbing", size=18)
    s.put(40, 52, "400 Main St, Denver, CO 80202")
    s.put(380, 30, "INVOICE", size=16)
    s.put(380, 52, "Invoice No. 7781")
    s.put(380, 64, "Date: 04/03/2024")
    s.put(40, 110, "Bill To:")
    s.put(40, 122, "Maria Lopez")
    s.put(40, 134, "12 Aspen Ct")
    s.put(40, 146, "Boulder, CO 80301")
    s.put(380, 110, "Remit To:")
    s.put(380, 122, "Summit Plumbing")
    s.put(380, 134, "PO Box 900")
    s.put(380, 146, "Denver, CO 80201")
    items(s)
    return s, "Summit Plumbing", "Maria Lopez"


@_arrangement
def _fields_grid_customer_name() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Orchid Cabs", size=18)
    s.put(40, 52, "14 Lake Road, Pune 411001")
    s.put(40, 100, "Customer Name")
    s.put(160, 100, "Rahul Mehta")
    s.put(40, 112, "Mobile")
    s.put(160, 112, "98765 43210")
    s.put(320, 100, "Invoice No")
    s.put(420, 100, "OC-55821")
    s.put(320, 112, "Invoice Date")
    s.put(420, 112, "05/02/2024")
    items(s)
    return s, "Orchid Cabs", "Rahul Mehta"


@_arrangement
def _right_letterhead_left_window_gmbh() -> Arrangement:
    s = Sheet(font_size=10)
    s.put(555, 30, "Atelier Sonnberg", size=18, right=True)
    s.put(555, 52, "Hauptplatz 2, 8010 Graz", size=9, right=True)
    s.put(57, 130, "Pichler Bau GmbH")
    s.put(57, 142, "Annenstraße 11")
    s.put(57, 154, "8020 Graz")
    s.put(57, 230, "Rechnung 2024-044", size=13)
    s.put(400, 230, "Datum: 12.03.2024")
    items(s)
    return s, "Atelier Sonnberg", "Pichler Bau GmbH"


@_arrangement
def _label_left_value_right() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Fjord Consulting", size=18)
    s.put(40, 52, "Bryggen 4, 5003 Bergen")
    s.put(40, 110, "Kunde")
    s.put(120, 110, "Nordlys Shipping AS")
    s.put(120, 122, "Strandkaien 2")
    s.put(120, 134, "5013 Bergen")
    s.put(380, 110, "Fakturanr. 2024-19")
    s.put(380, 122, "Dato: 05.02.2024")
    items(s)
    return s, "Fjord Consulting", "Nordlys Shipping AS"


@_arrangement
def _invoice_from_title() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Invoice from Willow Bakery", size=16)
    s.put(40, 70, "Billed to")
    s.put(40, 82, "Hartley Cafe Ltd")
    s.put(40, 94, "5 Bridge St, Bath BA1 1AA")
    s.put(380, 70, "Invoice #: WB-220")
    s.put(380, 82, "Date: 4 March 2024")
    items(s)
    return s, "Willow Bakery", "Hartley Cafe Ltd"


@_arrangement
def _attn_before_company() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Copperline Electrical", size=18)
    s.put(40, 52, "2 Forge Lane, Derby DE1 1AB")
    s.put(40, 110, "Invoice to:")
    s.put(40, 122, "Attn: Sarah Collins")
    s.put(40, 134, "Midland Properties Ltd")
    s.put(40, 146, "40 Friar Gate, Derby DE1 1DF")
    s.put(380, 110, "Invoice No: CE-1187")
    s.put(380, 122, "Date: 4 March 2024")
    items(s)
    return s, "Copperline Electrical", "Midland Properties Ltd"


@_arrangement
def _pt_cliente_nif() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Oficina Tavares", size=18)
    s.put(40, 52, "Rua Augusta 100, 1100-053 Lisboa")
    s.put(320, 100, "Exmo.(s) Sr.(s)")
    s.put(320, 112, "Marisco Azul, Lda.")
    s.put(320, 124, "Avenida da Liberdade 50")
    s.put(320, 136, "1250-145 Lisboa")
    s.put(40, 200, "Fatura FT 2024/118", size=14)
    s.put(40, 220, "Data: 05-02-2024")
    items(s)
    return s, "Oficina Tavares", "Marisco Azul, Lda."


@_arrangement
def _india_billing_shipping_side() -> Arrangement:
    s = Sheet(font_size=8)
    s.put(40, 30, "Tax Invoice/Bill of Supply", size=12)
    s.put(40, 60, "Sold By :")
    s.put(40, 70, "Kaveri Textiles Pvt. Ltd.")
    s.put(40, 80, "Plot 9, Tiruppur, Tamil Nadu, 641604")
    s.put(40, 90, "GST Registration No: 33AABCK1234L1Z2")
    s.put(330, 60, "Billing Address :")
    s.put(330, 70, "Anil Kumar")
    s.put(330, 80, "22 Park Street, Kolkata, 700016")
    s.put(330, 110, "Shipping Address :")
    s.put(330, 120, "Anil Kumar")
    s.put(330, 130, "22 Park Street, Kolkata, 700016")
    s.put(40, 160, "Invoice Number : TN-1182")
    s.put(330, 160, "Invoice Date : 05.02.2024")
    items(s)
    return s, "Kaveri Textiles Pvt. Ltd.", "Anil Kumar"


@_arrangement
def _fr_titulaire_only() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(340, 110, "M. Julien Moreau")
    s.put(340, 122, "7 allée des Pins")
    s.put(340, 134, "44000 Nantes")
    s.put(40, 200, "Facture n° 2024-77", size=14)
    s.put(40, 220, "Date : 05/02/2024")
    items(s)
    s.put(40, 780, "Titulaire du compte : Claire Fontaine Illustration", size=7)
    s.put(40, 790, "IBAN FR14 2004 1010 0505 0001 3M02 606", size=7)
    return s, "Claire Fontaine Illustration", "Julien Moreau"


@_arrangement
def _us_sidebyside_company_ship_first() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Redwood Signs", size=18)
    s.put(40, 52, "9 Oak Blvd, Eureka, CA 95501")
    s.put(40, 110, "Ship To")
    s.put(250, 110, "Bill To")
    s.put(40, 122, "Store #12")
    s.put(250, 122, "Pacific Grocers Inc.")
    s.put(40, 134, "12 Harbor Way")
    s.put(250, 134, "PO Box 77")
    s.put(40, 146, "Arcata, CA 95521")
    s.put(250, 146, "Sacramento, CA 95814")
    s.put(420, 110, "Invoice # 3318")
    s.put(420, 122, "Date 03/04/2024")
    items(s)
    return s, "Redwood Signs", "Pacific Grocers Inc."


@_arrangement
def _swiss_qr_bill() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "KLARA", size=22)
    s.put(340, 110, "Herr")
    s.put(340, 122, "Beat Zimmermann")
    s.put(340, 134, "Seestrasse 5")
    s.put(340, 146, "8002 Zürich")
    s.put(40, 200, "Rechnung Nr. 2024-061", size=14)
    s.put(40, 220, "Datum: 05.02.2024")
    items(s, 260)
    s.put(40, 560, "Empfangsschein", size=11)
    s.put(40, 580, "Konto / Zahlbar an", size=6)
    s.put(40, 590, "CH44 3199 9123 0008 8901 2", size=8)
    s.put(40, 600, "Klara Weber Textildesign", size=8)
    s.put(40, 610, "Gartenweg 3", size=8)
    s.put(40, 620, "8400 Winterthur", size=8)
    s.put(40, 640, "Zahlbar durch", size=6)
    s.put(40, 650, "Beat Zimmermann", size=8)
    s.put(40, 660, "Seestrasse 5", size=8)
    s.put(40, 670, "8002 Zürich", size=8)
    s.put(220, 560, "Zahlteil", size=11)
    s.put(360, 580, "Konto / Zahlbar an", size=6)
    s.put(360, 590, "CH44 3199 9123 0008 8901 2", size=8)
    s.put(360, 600, "Klara Weber Textildesign", size=8)
    s.put(360, 610, "Gartenweg 3", size=8)
    s.put(360, 620, "8400 Winterthur", size=8)
    s.put(360, 640, "Zahlbar durch", size=6)
    s.put(360, 650, "Beat Zimmermann", size=8)
    s.put(360, 660, "Seestrasse 5", size=8)
    s.put(360, 670, "8002 Zürich", size=8)
    return s, "Klara Weber Textildesign", "Beat Zimmermann"


@_arrangement
def _upper_names() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "HALVORSEN TREPLEIE", size=16)
    s.put(40, 50, "SKOGVEIEN 2, 0580 OSLO")
    s.put(340, 110, "FAKTURA TIL:")
    s.put(340, 122, "INGRID BERG")
    s.put(340, 134, "BYGDØY ALLÉ 12")
    s.put(340, 146, "0262 OSLO")
    s.put(40, 200, "FAKTURA NR. 1182", size=14)
    s.put(40, 220, "DATO: 05.02.2024")
    items(s)
    return s, "HALVORSEN TREPLEIE", "INGRID BERG"


@_arrangement
def _customer_number_then_name() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Brightwater Pools", size=18)
    s.put(40, 52, "1 Spa Road, Leamington CV31 3AA")
    s.put(40, 110, "Customer")
    s.put(40, 122, "Account No. 55102")
    s.put(40, 134, "Fenwick Leisure Ltd")
    s.put(40, 146, "3 Parade, Warwick CV34 4AA")
    s.put(380, 110, "Invoice No: BP-7781")
    s.put(380, 122, "Date: 4 March 2024")
    items(s)
    return s, "Brightwater Pools", "Fenwick Leisure Ltd"


@_arrangement
def _fr_client_box_nom() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Plomberie Garnier", size=18)
    s.put(40, 52, "2 rue Haute, 21000 Dijon")
    s.put(340, 110, "CLIENT")
    s.put(340, 122, "Nom : Sophie Lambert")
    s.put(340, 134, "Adresse : 9 rue Basse")
    s.put(340, 146, "21000 Dijon")
    s.put(40, 200, "Facture n° 2024-12", size=14)
    s.put(40, 220, "Date : 05/02/2024")
    items(s)
    return s, "Plomberie Garnier", "Sophie Lambert"


@_arrangement
def _company_attn_same_line() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Quill & Ink Translations", size=18)
    s.put(40, 52, "8 Canal St, Dublin D02 XY12")
    s.put(40, 110, "Invoice address:")
    s.put(40, 122, "Liffey Legal LLP, Attn: Finance Dept.")
    s.put(40, 134, "22 Merrion Sq, Dublin D02 AB12")
    s.put(380, 110, "Invoice No: QI-311")
    s.put(380, 122, "Date: 4 March 2024")
    items(s)
    return s, "Quill & Ink Translations", "Liffey Legal LLP"


@_arrangement
def _pl_nabywca_sprzedawca() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Faktura VAT nr FV/12/2024", size=14)
    s.put(40, 70, "Sprzedawca:")
    s.put(40, 82, "Pracownia Kowalski")
    s.put(40, 94, "ul. Długa 5, 00-238 Warszawa")
    s.put(40, 106, "NIP: 526-104-08-28")
    s.put(320, 70, "Nabywca:")
    s.put(320, 82, "Odra Trans Sp. z o.o.")
    s.put(320, 94, "ul. Portowa 2, 80-001 Gdańsk")
    s.put(40, 150, "Data wystawienia: 05.02.2024")
    items(s)
    return s, "Pracownia Kowalski", "Odra Trans Sp. z o.o."


@_arrangement
def _dear_letter_recipient() -> Arrangement:
    s = Sheet(font_size=10)
    s.put(40, 30, "Marsh & Daughters", size=18)
    s.put(40, 52, "Chartered Surveyors", size=9)
    s.put(40, 63, "4 Cathedral Close, Exeter EX1 1EZ", size=9)
    s.put(40, 120, "Mr and Mrs T. Okafor")
    s.put(40, 132, "Rose Cottage")
    s.put(40, 144, "Topsham")
    s.put(40, 156, "EX3 0HU")
    s.put(380, 120, "Fee note 2024/031")
    s.put(380, 132, "Date: 4 March 2024")
    items(s)
    return s, "Marsh & Daughters", "Mr and Mrs T. Okafor"


@_arrangement
def _telecom_fr_footer_dash() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Facture", size=18)
    s.put(40, 60, "Identifiant : 88213407")
    s.put(40, 72, "Date : 05/02/2024")
    s.put(40, 84, "N° de facture : 2024020588")
    s.put(340, 110, "Monsieur Paul Girard")
    s.put(340, 122, "14 rue des Tilleuls")
    s.put(340, 134, "69003 Lyon")
    items(s, 250)
    s.put(
        40,
        790,
        "Nuage Telecom - SAS au capital de 1 000 000 euros - RCS Lyon 123 456 789 - "
        "Siège social : 3 rue Neuve 69002 Lyon",
        size=6,
    )
    return s, "Nuage Telecom", "Paul Girard"


@_arrangement
def _odoo_no_forms_mail() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 60, "Larkspur Interiors", size=9)
    s.put(40, 71, "250 Executive Park Blvd", size=9)
    s.put(40, 82, "San Francisco CA 94134", size=9)
    s.put(340, 120, "Maple Furniture")
    s.put(340, 132, "4557 De Silva St")
    s.put(340, 144, "Fremont CA 94538")
    s.put(40, 200, "Invoice INV/2024/00012", size=16)
    s.put(40, 230, "Invoice Date:")
    s.put(40, 242, "03/04/2024")
    s.put(200, 230, "Due Date:")
    s.put(200, 242, "03/05/2024")
    items(s)
    s.put(40, 790, "+1 555-555-5556  info@larkspurinteriors.com  http://www.larkspurinteriors.com", size=7)
    return s, "Larkspur Interiors", "Maple Furniture"


@_arrangement
def _odoo_no_forms_no_mail() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 60, "Larkspur Interiors", size=9)
    s.put(40, 71, "250 Executive Park Blvd", size=9)
    s.put(40, 82, "San Francisco CA 94134", size=9)
    s.put(340, 120, "Maple Furniture")
    s.put(340, 132, "4557 De Silva St")
    s.put(340, 144, "Fremont CA 94538")
    s.put(40, 200, "Invoice INV/2024/00012", size=16)
    s.put(40, 230, "Invoice Date:")
    s.put(40, 242, "03/04/2024")
    items(s)
    return s, "Larkspur Interiors", "Maple Furniture"


@_arrangement
def _odoo_customer_vat_line() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 60, "Larkspur Interiors", size=9)
    s.put(40, 71, "250 Executive Park Blvd", size=9)
    s.put(40, 82, "San Francisco CA 94134", size=9)
    s.put(340, 120, "Maple Furniture BV")
    s.put(340, 132, "Kerkstraat 4")
    s.put(340, 144, "2000 Antwerpen")
    s.put(340, 156, "Belgium")
    s.put(340, 168, "VAT: BE0477472701")
    s.put(40, 200, "Invoice INV/2024/00012", size=16)
    s.put(40, 230, "Invoice Date:")
    s.put(40, 242, "03/04/2024")
    items(s)
    return s, "Larkspur Interiors", "Maple Furniture BV"


@_arrangement
def _sage_customer_left_company_right_small() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(555, 30, "Thornbury Joinery Ltd", size=9, right=True)
    s.put(555, 41, "Unit 2, Mill Lane", size=9, right=True)
    s.put(555, 52, "Bristol BS35 2AA", size=9, right=True)
    s.put(40, 120, "Oakfield Homes")
    s.put(40, 132, "12 Station Road")
    s.put(40, 144, "Thornbury BS35 1AB")
    s.put(40, 200, "INVOICE", size=16)
    s.put(350, 200, "Invoice No. 10457")
    s.put(350, 212, "Date 04/03/2024")
    items(s)
    return s, "Thornbury Joinery Ltd", "Oakfield Homes"


@_arrangement
def _de_freelancer_letterhead_right_gmbh_window() -> Arrangement:
    s = Sheet(font_size=10)
    s.put(555, 40, "Jonas Feld", size=12, right=True)
    s.put(555, 54, "Übersetzungen", size=9, right=True)
    s.put(555, 65, "Lindenstraße 8", size=9, right=True)
    s.put(555, 76, "20099 Hamburg", size=9, right=True)
    s.put(57, 130, "Hanse Logistik GmbH")
    s.put(57, 142, "Buchhaltung")
    s.put(57, 154, "Kaistraße 1")
    s.put(57, 166, "20457 Hamburg")
    s.put(57, 230, "Rechnung Nr. 2024-03", size=12)
    s.put(400, 230, "Datum: 12.03.2024")
    items(s)
    s.put(57, 780, "Bankverbindung: Hamburger Sparkasse · IBAN DE12 2005 0550 1234 5678 90", size=7)
    return s, "Jonas Feld", "Hanse Logistik GmbH"


@_arrangement
def _it_ragione_sociale_footer() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(340, 110, "Spett.le")
    s.put(340, 122, "Ferri Impianti S.p.A.")
    s.put(340, 134, "Via Emilia 20")
    s.put(340, 146, "40121 Bologna")
    s.put(40, 200, "Fattura n. 45/2024", size=14)
    s.put(40, 220, "Data: 05/02/2024")
    items(s)
    s.put(
        40,
        780,
        "Tipografia Moretti di Luca Moretti - Via Saragozza 8, 40123 Bologna - P.IVA 01234567890",
        size=7,
    )
    return s, "Tipografia Moretti di Luca Moretti", "Ferri Impianti S.p.A."


@_arrangement
def _header_table_customer_cell() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Pelican Print Works", size=18)
    s.put(40, 52, "5 Dock St, Hull HU1 1AA")
    s.put(40, 110, "Customer")
    s.put(220, 110, "Invoice No")
    s.put(330, 110, "Date")
    s.put(430, 110, "Terms")
    s.put(40, 122, "Humber Foods Ltd")
    s.put(220, 122, "PP-2291")
    s.put(330, 122, "04/03/2024")
    s.put(430, 122, "30 days")
    items(s)
    return s, "Pelican Print Works", "Humber Foods Ltd"


@_arrangement
def _sold_by_run_on_address() -> Arrangement:
    s = Sheet(font_size=8)
    s.put(40, 30, "Tax Invoice", size=12)
    s.put(40, 60, "Sold By: Ganga Electronics Pvt. Ltd., 4 Ring Road, Delhi 110001")
    s.put(40, 72, "GSTIN: 07AABCG1234M1Z5")
    s.put(40, 90, "Billing Address: Sunita Rao, 8 Lake View, Bengaluru 560001")
    s.put(330, 60, "Invoice No: DL-4471")
    s.put(330, 72, "Invoice Date: 05.02.2024")
    items(s)
    return s, "Ganga Electronics Pvt. Ltd.", "Sunita Rao"


@_arrangement
def _centered_letterhead_two_lines() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(230, 30, "BERGMANN &", size=18)
    s.put(230, 52, "PARTNER", size=18)
    s.put(230, 74, "Steuerberatung", size=9)
    s.put(57, 130, "Herrn")
    s.put(57, 142, "Karl Otto")
    s.put(57, 154, "Weiherweg 2")
    s.put(57, 166, "90402 Nürnberg")
    s.put(57, 230, "Rechnung Nr. 2024-0012", size=12)
    s.put(400, 230, "Datum: 12.03.2024")
    items(s)
    return s, "BERGMANN & PARTNER", "Karl Otto"


@_arrangement
def _nl_aan_colon() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Tuinontwerp Groen", size=18)
    s.put(40, 52, "Laan 3, 3511 AB Utrecht")
    s.put(40, 110, "Aan: Jansen Vastgoed B.V.")
    s.put(40, 122, "Ter attentie van: M. de Boer")
    s.put(40, 134, "Singel 40, 1015 AB Amsterdam")
    s.put(380, 110, "Factuurnummer: 2024-018")
    s.put(380, 122, "Datum: 05-02-2024")
    items(s)
    return s, "Tuinontwerp Groen", "Jansen Vastgoed B.V."


@_arrangement
def _name_label_block() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Sunrise Yoga Studio", size=18)
    s.put(40, 52, "21 Beach Rd, Brighton BN1 1AA")
    s.put(40, 110, "Name: Olivia Grant")
    s.put(40, 122, "Address: 3 Dyke Road, Brighton BN1 3FE")
    s.put(40, 134, "Email: olivia.grant@example.com")
    s.put(380, 110, "Receipt No: 0457")
    s.put(380, 122, "Date: 4 March 2024")
    items(s)
    return s, "Sunrise Yoga Studio", "Olivia Grant"


@_arrangement
def _es_emisor_receptor() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "FACTURA", size=18)
    s.put(40, 70, "Emisor")
    s.put(40, 82, "Carpintería Ortega")
    s.put(40, 94, "NIF: 12345678Z")
    s.put(40, 106, "Calle Real 4, 18001 Granada")
    s.put(320, 70, "Receptor")
    s.put(320, 82, "Bodegas Sierra S.L.")
    s.put(320, 94, "CIF: B87654321")
    s.put(320, 106, "Camino Viejo 2, 23001 Jaén")
    s.put(40, 150, "Número: 2024/031")
    s.put(320, 150, "Fecha: 05/02/2024")
    items(s)
    return s, "Carpintería Ortega", "Bodegas Sierra S.L."


@_arrangement
def _bill_to_inline_comma_inc() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Mesa Verde Landscaping", size=18)
    s.put(40, 52, "88 Cactus Rd, Tucson, AZ 85701")
    s.put(40, 110, "Bill To: Saguaro Holdings, Inc.")
    s.put(40, 122, "1200 Desert Blvd, Phoenix, AZ 85004")
    s.put(380, 110, "Invoice # 5512")
    s.put(380, 122, "Date: 03/04/2024")
    items(s)
    return s, "Mesa Verde Landscaping", "Saguaro Holdings, Inc."


@_arrangement
def _fr_form_first() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Vitrerie Leclerc", size=18)
    s.put(40, 52, "6 rue du Port, 29200 Brest")
    s.put(340, 110, "Facturé à :")
    s.put(340, 122, "SARL Dupont & Fils")
    s.put(340, 134, "3 quai Est")
    s.put(340, 146, "29200 Brest")
    s.put(40, 200, "Facture n° 2024-88", size=14)
    s.put(40, 220, "Date : 05/02/2024")
    items(s)
    return s, "Vitrerie Leclerc", "SARL Dupont & Fils"


@_arrangement
def _de_name_zhd_inline() -> Arrangement:
    s = Sheet(font_size=10)
    s.put(400, 30, "Malerbetrieb Kunz", size=16)
    s.put(400, 50, "Gartenstr. 1, 70173 Stuttgart", size=8)
    s.put(57, 120, "Malerbetrieb Kunz · Gartenstr. 1 · 70173 Stuttgart", size=6)
    s.put(57, 135, "Schwabenhaus Immobilien GmbH, z. Hd. Herrn Klein")
    s.put(57, 147, "Königstraße 10")
    s.put(57, 159, "70173 Stuttgart")
    s.put(57, 230, "Rechnung Nr. 2024-220", size=12)
    s.put(400, 230, "Datum: 12.03.2024")
    items(s)
    return s, "Malerbetrieb Kunz", "Schwabenhaus Immobilien GmbH"


@_arrangement
def _from_to_side_by_side_inline() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "INVOICE", size=18)
    s.put(40, 70, "From: Ivy Lane Bookkeeping")
    s.put(300, 70, "To: Marlow Dental Practice")
    s.put(40, 82, "2 Ivy Lane, Oxford OX1 2AB")
    s.put(300, 82, "14 High St, Marlow SL7 1AB")
    s.put(40, 120, "Invoice No: IL-042")
    s.put(300, 120, "Date: 4 March 2024")
    items(s)
    return s, "Ivy Lane Bookkeeping", "Marlow Dental Practice"


@_arrangement
def _customer_no_right_of_name() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Holmberg Tryck AB", size=18)
    s.put(40, 52, "Storgatan 3, 111 51 Stockholm")
    s.put(40, 110, "Faktureringsadress")
    s.put(40, 122, "Lindqvist Bygg AB")
    s.put(200, 122, "Kundnr: 10442")
    s.put(40, 134, "Box 77")
    s.put(40, 146, "831 21 Östersund")
    s.put(380, 110, "Fakturanr: 2024-311")
    s.put(380, 134, "Fakturadatum: 2024-02-05")
    items(s)
    return s, "Holmberg Tryck AB", "Lindqvist Bygg AB"


@_arrangement
def _it_ditta_individuale_recipient_person() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Officina Meccanica Galli S.n.c.", size=14)
    s.put(40, 50, "Via dei Mille 3, 25121 Brescia")
    s.put(340, 110, "Cliente:")
    s.put(340, 122, "Sig. Giorgio Fontana")
    s.put(340, 134, "Via Manzoni 12")
    s.put(340, 146, "25122 Brescia")
    s.put(40, 200, "Fattura n. 88/2024", size=14)
    s.put(40, 220, "Data: 05/02/2024")
    items(s)
    return s, "Officina Meccanica Galli S.n.c.", "Giorgio Fontana"


@_arrangement
def _issuer_logo_and_small_legal_block_right() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "vela", size=30)
    s.put(555, 30, "Vela Sailmakers Ltd", size=8, right=True)
    s.put(555, 40, "Quay Road, Falmouth TR11 3AA", size=8, right=True)
    s.put(555, 50, "VAT GB 123 4567 89", size=8, right=True)
    s.put(40, 110, "Invoice to")
    s.put(40, 122, "Captain R. Penrose")
    s.put(40, 134, "Harbour View, St Mawes TR2 5AA")
    s.put(380, 110, "Invoice 2024-017")
    s.put(380, 122, "Date 4 March 2024")
    items(s)
    return s, "Vela Sailmakers Ltd", "Captain R. Penrose"


@_arrangement
def _header_grid_above_bill_to() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Aster Cleaning Co", size=18)
    s.put(40, 52, "3 Park Row, Leeds LS1 5AB")
    s.put(40, 90, "Date")
    s.put(160, 90, "Invoice No.")
    s.put(300, 90, "Customer No.")
    s.put(440, 90, "Terms")
    s.put(40, 102, "04/03/2024")
    s.put(160, 102, "AC-1021")
    s.put(300, 102, "C-0091")
    s.put(440, 102, "Net 14")
    s.put(40, 140, "Bill To")
    s.put(40, 152, "Kirkstall Dental Surgery")
    s.put(40, 164, "12 Abbey Rd, Leeds LS5 3HS")
    items(s, 220)
    return s, "Aster Cleaning Co", "Kirkstall Dental Surgery"


@_arrangement
def _two_unlabelled_blocks_issuer_contacts() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 40, "Harbor Tech Solutions")
    s.put(40, 52, "18 Wharf St")
    s.put(40, 64, "Portsmouth PO1 2AA")
    s.put(40, 76, "Tel: 023 9200 1234")
    s.put(40, 88, "Email: hello@harbortech.example")
    s.put(340, 40, "Solent Marine Ltd")
    s.put(340, 52, "Ocean Way")
    s.put(340, 64, "Southampton SO14 3TJ")
    s.put(40, 150, "INVOICE", size=16)
    s.put(340, 150, "Invoice No: HT-3310")
    s.put(340, 162, "Date: 4 March 2024")
    items(s)
    return s, "Harbor Tech Solutions", "Solent Marine Ltd"


@_arrangement
def _recipient_top_issuer_bottom_block() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "RECHNUNG", size=18)
    s.put(40, 70, "An:")
    s.put(40, 82, "Gasthaus Krone")
    s.put(40, 94, "Dorfplatz 1")
    s.put(40, 106, "6020 Innsbruck")
    s.put(380, 70, "Rechnungsnr.: 2024-19")
    s.put(380, 82, "Datum: 05.02.2024")
    items(s, 200)
    s.put(40, 700, "Tischlerei Hofer e.U.", size=8)
    s.put(40, 710, "Sillgasse 4, 6020 Innsbruck", size=8)
    s.put(40, 720, "UID: ATU12345678", size=8)
    return s, "Tischlerei Hofer e.U.", "Gasthaus Krone"


@_arrangement
def _gst_billing_shipping_details_headings() -> Arrangement:
    s = Sheet(font_size=8)
    s.put(200, 30, "TAX INVOICE", size=14)
    s.put(40, 60, "Maruti Spices", size=12)
    s.put(40, 76, "Shop 4, Spice Market, Kochi 682002")
    s.put(40, 86, "GSTIN: 32AAFCM1234K1Z9")
    s.put(40, 110, "Details of Receiver (Billed to)")
    s.put(300, 110, "Details of Consignee (Shipped to)")
    s.put(40, 122, "Name: Lakshmi Stores")
    s.put(300, 122, "Name: Lakshmi Stores Godown")
    s.put(40, 134, "Address: 8 Temple Rd, Madurai 625001")
    s.put(300, 134, "Address: 2 Mill Rd, Madurai 625002")
    s.put(40, 160, "Invoice No: MS/24/118")
    s.put(300, 160, "Invoice Date: 05/02/2024")
    items(s)
    return s, "Maruti Spices", "Lakshmi Stores"


@_arrangement
def _marketplace_sold_by_comma() -> Arrangement:
    s = Sheet(font_size=8)
    s.put(260, 30, "Tax Invoice", size=12)
    s.put(40, 60, "Sold By: Vasant Home Retail Private Limited ,")
    s.put(40, 70, "Ship-from Address: Plot 12, Bhiwandi, Thane - 421302, Maharashtra")
    s.put(40, 80, "GSTIN - 27AAICV1234F1ZX")
    s.put(400, 60, "Invoice Number # FAB1234567")
    s.put(40, 110, "Order ID: OD1234567890")
    s.put(40, 120, "Order Date: 05-02-2024")
    s.put(40, 130, "Invoice Date: 06-02-2024")
    s.put(220, 110, "Bill To")
    s.put(220, 120, "Ramesh Iyer")
    s.put(220, 130, "14 Lake Road, Chennai 600017")
    s.put(220, 140, "Phone: 9876543210")
    s.put(400, 110, "Ship To")
    s.put(400, 120, "Ramesh Iyer")
    s.put(400, 130, "14 Lake Road, Chennai 600017")
    items(s, 200)
    return s, "Vasant Home Retail Private Limited", "Ramesh Iyer"


@_arrangement
def _order_placed_by_pipes() -> Arrangement:
    s = Sheet(font_size=9)
    s.put(40, 30, "Invoice", size=16)
    s.put(40, 60, "Sold by Blue Finch Books Ltd | 4 Print Lane, London E1 6AN | VAT GB 987 6543 21")
    s.put(40, 80, "Invoice number: BFB-88213")
    s.put(300, 80, "Invoice date: 4 March 2024")
    s.put(40, 110, "Delivery address")
    s.put(40, 122, "Tom Baker")
    s.put(40, 134, "5 Elm Close, Bath BA2 4AA")
    s.put(300, 110, "Billing address")
    s.put(300, 122, "Tom Baker")
    s.put(300, 134, "5 Elm Close, Bath BA2 4AA")
    items(s, 200)
    return s, "Blue Finch Books Ltd", "Tom Baker"


@pytest.mark.parametrize("build", [pytest.param(b, id=b.__name__.strip("_")) for b in _ARRANGEMENTS])
def test_issuer_and_recipient_names(build: Callable[[], Arrangement]) -> None:
    sheet, issuer, recipient = build()
    found = values(extract_page(sheet.page()))
    assert (found.get("issuer.name"), found.get("recipient.name")) == (issuer, recipient)


def _as_pdf(sheet: Sheet) -> bytes:
    """The sheet drawn as a real PDF page (reportlab, Helvetica): each text run where the sheet put it."""
    page = Pdf(A4)
    for x, y, text, size, right in sheet.runs:
        page.t(x, y, text, size, right=right)
    return page.bytes()


@pytest.mark.parametrize("build", [pytest.param(b, id=b.__name__.strip("_")) for b in _ARRANGEMENTS])
def test_issuer_and_recipient_names_from_a_real_pdf(build: Callable[[], Arrangement]) -> None:
    sheet, issuer, recipient = build()
    invoice = extract_invoice(_as_pdf(sheet))
    assert (invoice.issuer.name, invoice.recipient.name) == (issuer, recipient)
