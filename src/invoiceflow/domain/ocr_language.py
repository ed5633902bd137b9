"""Which Tesseract language a page is written in, judged from the words of a quick first OCR pass.

Recognising with all languages at once (``eng+deu+fra+...``) lets Tesseract pick, word by word, the
model that scores best, and on noisy scans it often picks the wrong one: Spanish "Ingeniería" comes
back as "Ingenieria", "conexión" as "conexiön". A first pass with one model reads the plain-ASCII
function words and invoice vocabulary of every Latin-script language well enough to tell them apart;
the page is then read again with its own model only, which is also about twice as fast as all six.
Names and addresses in another language (an English page billing "Müller", "Hauptstraße") are what that
model reads unsure or with a letter of its own for theirs ("Miller", "HauptstraBe"): those words alone
are read once more with all six (``TesseractEngine.reread_unsure_words``).

Close relatives (Czech and Slovak; Danish, Norwegian and Swedish; Portuguese and Spanish; Croatian,
Serbian and Slovenian) share much of their vocabulary, so a page of one often hits the other nearly as
much. Such a close call is not a failure to judge: the page is read with the close relatives together
(``ces+slk``), which know each other's letters, instead of with the six fallback models that know
neither.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Letters that do not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "ß": "ss", "ı": "i", "đ": "d", "œ": "oe"})


def fold(text: str) -> str:
    """Lower case without accents: "Wartość" -> "wartosc", "Beløb" -> "belob", "Açıklama" -> "aciklama",
    "плаќање" -> "плакање"."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Common function words and invoice vocabulary, written without accents (the probe model may drop them;
# Cyrillic words are folded here).
# Words shared by several languages ("de", "la", "total", "bank") count for each of them; the
# language-specific ones decide. The languages after the first six leave out one-letter words ("a",
# "i", "w", "z" are frequent there, but so are one-letter fragments of OCR noise).
_VOCABULARY: dict[str, frozenset[str]] = {
    lang: frozenset(fold(word) for word in words.split())
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
        "por": "os as do da dos das em no na nos nas para com por pelo pela seu sua nosso obrigado fatura "
        "recibo data emissao vencimento valor total pagamento banco quantidade qtd preco unitario "
        "descricao cliente encomenda imposto iva taxa base incidencia pagina dias contribuinte morada "
        "desconto referencia artigo",
        "pol": "oraz jest sie przy lub dla nie od do na za ze po faktura vat sprzedawca nabywca odbiorca "
        "data wystawienia sprzedazy termin platnosci sposob zaplaty przelew razem suma kwota netto "
        "brutto stawka podatek ilosc cena jednostkowa wartosc nazwa towaru uslugi szt konto "
        "rachunek bankowy nip adres zaplaty slownie dni strona zamowienie dziekujemy",
        "ces": "ve ze na do od pro se je ke za pri faktura danovy doklad dodavatel odberatel datum "
        "vystaveni splatnosti zdanitelneho plneni zpusob uhrady prevodem celkem uhrade cena bez dph "
        "sazba mnozstvi jednotkova jednotka ks polozka popis cislo uctu ucet dic variabilni symbol "
        "banka strana objednavka dekujeme",
        "slk": "vo zo na do od pre so je ku za pri faktura danovy doklad dodavatel odberatel datum "
        "vyhotovenia splatnosti dodania sposob uhrady prevodom celkom uhrade cena bez dph sadzba "
        "mnozstvo jednotkova jednotka ks polozka popis cislo uctu ucet ico dic variabilny symbol "
        "banka strana objednavka dakujeme",
        "hun": "az es egy is nem meg vagy szamla szamlaszam kelte kiallitas teljesites fizetesi hatarido "
        "datum osszeg osszesen fizetendo netto brutto afa adoszam mennyiseg egysegar megnevezes "
        "vevo elado szallito bankszamla oldal nap napon belul koszonjuk rendeles ft",
        "ron": "si in din la pe cu de pentru al ale sau factura fiscala seria nr data emiterii scadenta "
        "furnizor cumparator client cota tva valoare total plata banca cont cantitate pret unitar "
        "denumire produse servicii pagina zile comanda multumim cif cui lei",
        "tur": "ve ile bir bu icin olarak fatura faturasi tarih tarihi vade vadesi tutar tutari toplam "
        "genel ara kdv matrah vergi dairesi miktar adet birim fiyat fiyati aciklama urun hizmet "
        "musteri alici satici siparis sayfa gun odeme banka tesekkur ederiz tl",
        "swe": "och att en ett det som for med pa av till fran er var vi tack faktura fakturanummer "
        "fakturadatum forfallodatum datum belopp summa totalt betala betalning bankgiro plusgiro "
        "konto antal pris beskrivning kund kundnummer order moms exkl inkl sida dagar netto referens "
        "momsreg",
        "dan": "og at en et det som for med pa af til fra jer vores vi tak faktura fakturanummer "
        "fakturadato forfaldsdato betalingsdato dato belob alt total betale betaling bank konto "
        "kontonr antal pris stk beskrivelse kunde kundenummer ordre moms ekskl inkl side dage netto "
        "cvr",
        "nor": "og at en et det som for med pa av til fra dere var vi takk faktura fakturanummer "
        "fakturadato forfallsdato dato belop sum totalt betale betaling bank kontonummer konto "
        "antall pris stk beskrivelse kunde kundenummer ordre mva ekskl inkl side dager netto orgnr "
        "foretaksregisteret",
        "fin": "ja tai on ei se kanssa seka lasku laskun laskunumero paivamaara erapaiva maksuehto "
        "summa yhteensa maksettava alv veroton verollinen maara kpl hinta yksikkohinta kuvaus "
        "asiakas asiakasnumero tilaus sivu paivaa viitenumero viite tilinumero pankki kiitos netto",
        "lav": "un ar par uz lidz ir rekins rekina pavadzime numurs datums izrakstisanas apmaksas termins "
        "samaksai samaksa summa kopa kopsumma cena daudzums vieniba mervieniba apraksts nosaukums "
        "preces pakalpojumi klients pircejs pardevejs piegadatajs sanemejs pvn bez atlaide atlaides "
        "konts banka registracijas lapa dienas paldies pasutijums maksajums kase ceks karte eur",
        "lit": "ir su be uz is iki nuo per saskaita saskaitos faktura serija numeris data israsymo "
        "apmoketi terminas suma viso kaina kiekis vnt pavadinimas prekes paslaugos pirkejas "
        "pardavejas tiekejas gavejas pvm kodas imones banko puslapis dienu aciu uzsakymas mokejimo "
        "nuolaida kasos kvitas moketi grazinta eur",
        "est": "ja ning on ei kui see arve arvel kuupaev maksetahtaeg tahtaeg maksmisele kuulub summa "
        "kokku tasuda hind uhikuhind kogus tk kirjeldus nimetus toode teenus klient ostja muuja "
        "tarnija kaibemaks kaibemaksuta km ilma registrikood pank arvelduskonto konto leht paeva "
        "aitah tellimus viitenumber viide netto soodustus kassa tsekk eur",
        "hrv": "je su za na od do sa iz po se uz racun racuna broj datum izdavanja dospijeca rok placanja "
        "nacin iznos ukupno ukupan sveukupno platiti cijena kolicina jedinica mjere jed kom opis "
        "naziv proizvoda usluga usluge kupac prodavatelj dobavljac pdv porez osnovica oib iban banka "
        "stranica dana hvala narudzba napomena popust kn",
        "srp_latn": "je su za na od do sa iz po se uz racun faktura broj datum izdavanja prometa valuta rok "
        "placanja nacin iznos ukupno ukupan uplatu cena kolicina jedinica mere jm kom opis naziv "
        "proizvoda usluga usluge kupac prodavac dobavljac pdv porez osnovica pib maticni tekuci "
        "banka strana dana hvala porudzbina napomena popust rsd din",
        "slv": "je so za na od do iz po se pri racun racuna stevilka datum izdaje opravljene storitve rok "
        "placila valuta znesek skupaj placilo placati cena kolicina enota kos opis naziv izdelka "
        "storitev kupec prodajalec dobavitelj ddv davek osnova davcna banka trr stran dni hvala "
        "narocilo opomba popust",
        # Cyrillic script (read by a Cyrillic model after OSD saw the script: ``ocr_script``).
        "rus": "на по для от до не счет счета фактура накладная дата номер поставщик покупатель "
        "продавец грузоотправитель грузополучатель плательщик получатель итого всего сумма суммы ндс "
        "без цена количество кол ед изм наименование товара товаров услуг услуги работ оплата оплате "
        "банк банка бик инн кпп руб рублей коп страница договор основание адрес телефон руководитель",
        "ukr": "на по для від до не рахунок рахунку фактура накладна видаткова дата номер "
        "постачальник покупець одержувач платник всього разом сума суми пдв без ціна кількість од "
        "найменування товару товарів послуг послуги оплата банк банку мфо єдрпоу іпн код грн коп "
        "сторінка договір адреса телефон",
        "bul": "на по за от до не фактура дата номер доставчик получател купувач продавач общо "
        "сума ддс без цена количество мярка мерна единица ед наименование стока стоки услуга услуги "
        "плащане банка банкова сметка еик булстат лв лева страница основа данъчна данъчно събитие срок "
        "място съставил получил оригинал",
        "srp": "на са по за од до не рачун фактура датум број продавац купац испоручилац добављач "
        "укупно износ пдв без цена количина јединица мере јм назив производа услуге услуга плаћање "
        "плаћања банка текући пиб матични дин рсд страна промета валута основица",
        "mkd": "во на со по за од до не фактура датум број продавач купувач добавувач вкупно износ "
        "ддв без цена количина единица мерка назив производ производи услуги плаќање банка жиро сметка "
        "едб ден денари страна",
    }.items()
}
# Languages so alike that a close call between them is read with both models rather than none.
CLOSE_LANGUAGES: tuple[frozenset[str], ...] = (
    frozenset({"ces", "slk"}),
    frozenset({"dan", "nor", "swe"}),
    frozenset({"por", "spa"}),
    frozenset({"hrv", "slv", "srp_latn"}),
    frozenset({"rus", "ukr", "bul", "srp", "mkd"}),
)
_WORD = re.compile(r"[^\W\d_]+")
# Fewer hits than this and the page is not judged (a logo, a page of figures): read it with all languages.
MIN_HITS = 3
# The winner must lead the runner-up by this factor; closer calls are not judged either (unless only
# close relatives of the winner come that near: ``page_languages``).
MIN_LEAD = 1.25


def known_languages() -> frozenset[str]:
    """The languages whose vocabulary this module knows (the only ones it can judge a page to be)."""
    return frozenset(_VOCABULARY)


def language_hits(words: Iterable[str], candidates: Iterable[str]) -> dict[str, int]:
    """How many of the words each candidate's vocabulary holds (candidates without one are left out)."""
    counts = {lang: 0 for lang in candidates if lang in _VOCABULARY}
    for text in words:
        for token in _WORD.findall(fold(text)):
            for lang in counts:
                if token in _VOCABULARY[lang]:
                    counts[lang] += 1
    return counts


def vocabulary_share(words: Iterable[str], candidates: Iterable[str]) -> float:
    """Share of the words' letter runs that the best-hitting candidate's vocabulary holds (0.0 without
    any)."""
    tokens = [token for text in words for token in _WORD.findall(fold(text))]
    hits = language_hits(tokens, candidates)
    return max(hits.values(), default=0) / len(tokens) if tokens else 0.0


def page_languages(words: Iterable[str], candidates: Iterable[str]) -> tuple[str, ...] | None:
    """The candidate language whose vocabulary the words hit most, with those of its close relatives
    that come near it (best first); None when the evidence is thin or another language comes near."""
    ranked = sorted(language_hits(words, candidates).items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] < MIN_HITS:
        return None
    best, hits = ranked[0]
    near = [lang for lang, count in ranked[1:] if hits < MIN_LEAD * count]
    relatives = next((group for group in CLOSE_LANGUAGES if best in group), frozenset())
    if any(lang not in relatives for lang in near):
        return None
    return (best, *near)


def page_language(words: Iterable[str], candidates: Iterable[str]) -> str | None:
    """The candidate language whose vocabulary the words hit most, or None when the evidence is thin or
    another language (a close relative too) comes near."""
    judged = page_languages(words, candidates)
    return judged[0] if judged and len(judged) == 1 else None
