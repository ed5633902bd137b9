"""Which Tesseract language a page is written in, judged from the words of a quick first OCR pass.

Recognising with all languages at once (``eng+deu+fra+...``) lets Tesseract pick, word by word, the
model that scores best, and on noisy scans it often picks the wrong one: Spanish "Ingeniería" comes
back as "Ingenieria", "conexión" as "conexiön". A first pass with one model reads the plain-ASCII
function words and invoice vocabulary of every Latin-script language well enough to tell them apart;
the page is then read again with its own model only, which is also about twice as fast as all six.
Names and addresses in another language (an English page billing "Müller", "Hauptstraße") are what that
model reads unsure or with a letter of its own for theirs ("Miller", "HauptstraBe"): those words alone
are read once more with all six (``TesseractEngine.reread_unsure_words``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Common function words and invoice vocabulary, written without accents (the probe model may drop them).
# Words shared by several languages ("de", "la", "total", "bank") count for each of them; the
# language-specific ones decide.
_VOCABULARY: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "eng": "the and of to for with from your our you thank please invoice date due total amount number "
        "payment bank account price description quantity qty customer order tax net terms page "
        "subtotal balance bill ship item items unit rate days within per",
        "deu": "der die das und mit fur von zu zum zur den dem ist bis bitte vielen dank ihre unser rechnung "
        "datum betrag summe gesamt gesamtbetrag zahlung zahlbar innerhalb tage tagen menge preis "
        "beschreibung bezeichnung kunde kundennummer auftrag bestellung steuer netto brutto seite "
        "einzelpreis leistung lieferung mwst ust",
        "fra": "le la les et de des du pour avec au aux sur votre notre merci facture date montant total "
        "paiement banque quantite qte prix description designation client commande taxe net page "
        "echeance jours unitaire tva ht ttc livraison",
        "spa": "el la los las y de del para con por su sus nuestro gracias factura fecha importe total pago "
        "banco cantidad precio descripcion concepto cliente pedido impuesto base imponible pagina "
        "vencimiento dias unitario iva envio",
        "nld": "de het een en van voor met op uw onze bedankt factuur factuurnummer factuurdatum datum "
        "bedrag totaal betaling bank aantal prijs omschrijving klant bestelling btw pagina "
        "vervaldatum dagen binnen stuk per excl incl",
        "ita": "il la le e di del della dei per con su vostro nostro grazie fattura data importo totale "
        "pagamento banca quantita prezzo descrizione cliente ordine imposta imponibile pagina "
        "scadenza giorni unitario iva",
    }.items()
}
_WORD = re.compile(r"[^\W\d_]+")
_FOLD = str.maketrans("äàâáöôóòüùûúëèéêïìîíñç", "aaaaoooouuuueeeeiiiinc")
# Fewer hits than this and the page is not judged (a logo, a page of figures): read it with all languages.
MIN_HITS = 3
# The winner must lead the runner-up by this factor; closer calls are not judged either.
MIN_LEAD = 1.25


def page_language(words: Iterable[str], candidates: Iterable[str]) -> str | None:
    """The candidate language whose vocabulary the words hit most, or None when the evidence is thin."""
    counts = {lang: 0 for lang in candidates if lang in _VOCABULARY}
    for text in words:
        for token in _WORD.findall(text.lower().translate(_FOLD)):
            for lang in counts:
                if token in _VOCABULARY[lang]:
                    counts[lang] += 1
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] < MIN_HITS:
        return None
    if len(ranked) > 1 and ranked[0][1] < MIN_LEAD * ranked[1][1]:
        return None
    return ranked[0][0]
