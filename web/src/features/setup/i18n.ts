// Translations of this feature (en, it, pl, de); top-level keys are this feature's own.
import type { Bundle } from '../../i18n/bundle';

const en = {
  setup: {
    title: 'First set-up', adminOnly: 'Only an administrator can run the first set-up.',
    intro: 'Set up what Inventur needs before the first count. Every step can be skipped and done later on its own screen; nothing is created until you confirm a step.',
    bannerText: 'Inventur has no site yet. The first set-up creates the site, a warehouse, units, keys, inventory types and a counter in a few steps.',
    bannerLink: 'Set up Inventur',
    codeHint: '1–20 letters, digits, _ . -', unitCodeHint: '1–10 letters, digits, _ or %', intRange: 'A whole number from {{min}} to {{max}}',
    listedTwice: 'This code is listed twice', skip: 'Skip this step', create: 'Create', createCount_one: 'Create {{count}} row', createCount_other: 'Create {{count}} rows',
    exists: 'exists', description: 'Description', siteLabel: 'Site', skipped: 'skipped', notDone: 'not done', doLater: 'Do it now',
    stepDone: '{{step}} created: {{summary}}', doneTitle: 'The set-up is done', doneText: 'What was created, and what is still open:',
    toInventories: 'Go to inventories', again: 'Back to the first step',
    counts: {
      sites: 'Sites', owners: 'Owners', warehouses: 'Warehouses', zones: 'Zones', differencesZones: 'Differences zones', units: 'Units',
      transactionKeys: 'Transaction keys', numberingSchemes: 'Numbering schemes', inventoryTypes: 'Inventory types', counters: 'Counters',
    },
    steps: { site: 'Site', owner: 'Stock owner', warehouse: 'Warehouse', units: 'Units', keys: 'Transaction keys', types: 'Inventory types', counter: 'Counter' },
    site: {
      title: 'Company and site', help: 'The site is the organisational unit that owns warehouses, stock and inventories (a plant, a branch, a distribution centre).',
      codeHelp: 'Short code, e.g. HQ or MI01', existing_one: '{{count}} site exists already.', existing_other: '{{count}} sites exist already.',
    },
    owner: {
      title: 'First stock owner', help: 'The company that owns the stock. Every posting and every inventory is for one owner; consignment stock gets an owner of its own.',
      codeHelp: 'Short code, e.g. OWN', existing_one: '{{count}} stock owner exists already.', existing_other: '{{count}} stock owners exist already.',
    },
    warehouse: {
      title: 'First warehouse with its zones',
      help: 'The warehouse and its zones are created together in one step: if any zone is refused, nothing is created.',
      existing_one: '{{count}} warehouse exists already.', existing_other: '{{count}} warehouses exist already.',
      kind: 'Kind', kinds: { structured: 'Structured (zones and bins)', unstructured: 'Unstructured (stock per warehouse)' },
      kindHelp: {
        structured: 'A structured warehouse is divided into zones; zones with bins are counted bin by bin, zones without bins item by item.',
        unstructured: 'An unstructured warehouse keeps stock per warehouse, without zones or bins, and is counted item by item.',
      },
      physical: 'Physically', physicals: { internal: 'Internal', external: 'External' },
      zones: 'Zones', organisation: 'Organisation', organisations: { high_bay: 'High-bay racking', block: 'Block storage', places_only: 'Places only' },
      structured: 'Has bins', addZone: 'Add zone', diffTitle: 'Differences zone', diffEnabled: 'Create a zone for inventory differences',
      diffHelp: 'Closing a count list moves every difference into this zone (without bins) before it is posted; each structured warehouse needs one.',
      diffDefaultName: 'Inventory differences',
    },
    units: {
      title: 'Units of measure', help: 'Tick the units you use and correct them if needed. Decimals: how many decimals a quantity in this unit may have.',
      decimals: 'Decimals', example: 'Example', add: 'Add unit',
    },
    keys: {
      title: 'Transaction keys', help: 'Every stock movement carries a transaction key of a kind. Inventory closing posts differences with an adjustment key, moves them with a transfer key and revalues with a value-adjustment key.',
      kind: 'Kind', add: 'Add key',
      kinds: { receipt: 'Receipt', issue: 'Issue', transfer: 'Transfer', adjustment: 'Adjustment (inventory difference)', revaluation: 'Value adjustment' },
    },
    types: {
      title: 'Numbering schemes and inventory types',
      help: 'An inventory type supplies the rules of an inventory: method, the keys its closing posts with, and two numbering schemes (inventory numbers and count-list numbers), created with the type.',
      noKeys: 'No transaction keys exist yet: the types are created without keys, which you can add later.',
      method: 'Method', reportType: 'Reports', reportTypes: { single: 'Replace the count', cumulative: 'Add up the counts' },
      inventoryPrefix: 'Inventory number prefix', listPrefix: 'Count-list prefix', width: 'Digits', maxItems: 'Items per list',
      example: 'Numbers look like {{inventory}} and {{list}}', adjustmentKey: 'Adjustment key', transferKey: 'Transfer key', valueKey: 'Value-adjustment key',
      blind: 'Blind counting (hide target quantities)',
    },
    counter: {
      title: 'Counter account', help: 'Counters sign in on the handheld and count the lists given to them. Bind the counter to the site to limit what they see.',
      existing_one: '{{count}} active counter exists already.', existing_other: '{{count}} active counters exist already.',
    },
    defaults: {
      units: { PCS: 'Piece', KG: 'Kilogram', G: 'Gram', T: 'Tonne', L: 'Litre', M: 'Metre', M2: 'Square metre', CT: 'Carton', BOX: 'Box', PAL: 'Pallet', SET: 'Set' },
      keys: { RCP: 'Goods receipt', ISS: 'Goods issue', TRF: 'Transfer between places', ADJ: 'Inventory difference', VAL: 'Inventory value adjustment' },
      types: { STD: 'Annual stock-taking day', CYC: 'Continuous (cycle) counting', SMP: 'Sample counting' },
    },
  },
};

const it = {
  setup: {
    title: 'Prima configurazione', adminOnly: 'Solo un amministratore può eseguire la prima configurazione.',
    intro: 'Configura ciò che serve a Inventur prima del primo conteggio. Ogni passo si può saltare e completare in seguito nella sua schermata; nulla viene creato finché non confermi il passo.',
    bannerText: 'Inventur non ha ancora una sede. La prima configurazione crea in pochi passi sede, magazzino, unità di misura, causali, tipi di inventario e un contatore.',
    bannerLink: 'Configura Inventur',
    codeHint: '1–20 lettere, cifre, _ . -', unitCodeHint: '1–10 lettere, cifre, _ o %', intRange: 'Un numero intero da {{min}} a {{max}}',
    listedTwice: 'Questo codice compare due volte', skip: 'Salta questo passo', create: 'Crea', createCount_one: 'Crea {{count}} riga', createCount_other: 'Crea {{count}} righe',
    exists: 'esiste', description: 'Descrizione', siteLabel: 'Sede', skipped: 'saltato', notDone: 'non fatto', doLater: 'Fallo ora',
    stepDone: '{{step}} creato: {{summary}}', doneTitle: 'Configurazione completata', doneText: 'Cosa è stato creato e cosa resta da fare:',
    toInventories: 'Vai agli inventari', again: 'Torna al primo passo',
    counts: {
      sites: 'Sedi', owners: 'Proprietari', warehouses: 'Magazzini', zones: 'Zone', differencesZones: 'Zone differenze', units: 'Unità',
      transactionKeys: 'Causali', numberingSchemes: 'Numeratori', inventoryTypes: 'Tipi di inventario', counters: 'Contatori',
    },
    steps: { site: 'Sede', owner: 'Proprietario', warehouse: 'Magazzino', units: 'Unità di misura', keys: 'Causali', types: 'Tipi di inventario', counter: 'Contatore' },
    site: {
      title: 'Azienda e sede', help: 'La sede è l\'unità organizzativa a cui appartengono magazzini, giacenze e inventari (uno stabilimento, una filiale, un centro di distribuzione).',
      codeHelp: 'Codice breve, es. HQ o MI01', existing_one: 'Esiste già {{count}} sede.', existing_other: 'Esistono già {{count}} sedi.',
    },
    owner: {
      title: 'Primo proprietario della merce', help: 'L\'azienda proprietaria delle giacenze. Ogni movimento e ogni inventario riguarda un proprietario; la merce in conto deposito ha un proprietario proprio.',
      codeHelp: 'Codice breve, es. OWN', existing_one: 'Esiste già {{count}} proprietario.', existing_other: 'Esistono già {{count}} proprietari.',
    },
    warehouse: {
      title: 'Primo magazzino con le sue zone',
      help: 'Magazzino e zone vengono creati insieme in un solo passo: se una zona viene rifiutata, non si crea nulla.',
      existing_one: 'Esiste già {{count}} magazzino.', existing_other: 'Esistono già {{count}} magazzini.',
      kind: 'Tipo', kinds: { structured: 'Strutturato (zone e ubicazioni)', unstructured: 'Non strutturato (giacenza per magazzino)' },
      kindHelp: {
        structured: 'Un magazzino strutturato è diviso in zone; le zone con ubicazioni si contano per ubicazione, quelle senza per articolo.',
        unstructured: 'Un magazzino non strutturato tiene la giacenza per magazzino, senza zone né ubicazioni, e si conta per articolo.',
      },
      physical: 'Fisicamente', physicals: { internal: 'Interno', external: 'Esterno' },
      zones: 'Zone', organisation: 'Organizzazione', organisations: { high_bay: 'Scaffalature (magazzino verticale)', block: 'Stoccaggio a blocchi', places_only: 'Solo posti' },
      structured: 'Con ubicazioni', addZone: 'Aggiungi zona', diffTitle: 'Zona differenze', diffEnabled: 'Crea una zona per le differenze inventariali',
      diffHelp: 'Alla chiusura di una lista di conteggio ogni differenza viene trasferita in questa zona (senza ubicazioni) prima della registrazione; ogni magazzino strutturato ne ha bisogno.',
      diffDefaultName: 'Differenze inventariali',
    },
    units: {
      title: 'Unità di misura', help: 'Spunta le unità che usi e correggile se serve. Decimali: quanti decimali può avere una quantità in questa unità.',
      decimals: 'Decimali', example: 'Esempio', add: 'Aggiungi unità',
    },
    keys: {
      title: 'Causali di magazzino', help: 'Ogni movimento di magazzino ha una causale di un certo tipo. La chiusura dell\'inventario registra le differenze con una causale di rettifica, le sposta con una di trasferimento e rivaluta con una di rettifica di valore.',
      kind: 'Tipo', add: 'Aggiungi causale',
      kinds: { receipt: 'Carico', issue: 'Scarico', transfer: 'Trasferimento', adjustment: 'Rettifica (differenza inventariale)', revaluation: 'Rettifica di valore' },
    },
    types: {
      title: 'Numeratori e tipi di inventario',
      help: 'Un tipo di inventario fornisce le regole di un inventario: metodo, causali usate alla chiusura e due numeratori (numeri di inventario e di lista di conteggio), creati insieme al tipo.',
      noKeys: 'Non esistono ancora causali: i tipi vengono creati senza causali, che potrai aggiungere in seguito.',
      method: 'Metodo', reportType: 'Rilevazioni', reportTypes: { single: 'Sostituiscono il conteggio', cumulative: 'Si sommano' },
      inventoryPrefix: 'Prefisso numero inventario', listPrefix: 'Prefisso lista di conteggio', width: 'Cifre', maxItems: 'Articoli per lista',
      example: 'I numeri saranno {{inventory}} e {{list}}', adjustmentKey: 'Causale di rettifica', transferKey: 'Causale di trasferimento', valueKey: 'Causale di rettifica di valore',
      blind: 'Conteggio alla cieca (quantità attese nascoste)',
    },
    counter: {
      title: 'Account contatore', help: 'I contatori accedono dal terminale e contano le liste loro assegnate. Lega il contatore alla sede per limitare ciò che vede.',
      existing_one: 'Esiste già {{count}} contatore attivo.', existing_other: 'Esistono già {{count}} contatori attivi.',
    },
    defaults: {
      units: { PCS: 'Pezzo', KG: 'Chilogrammo', G: 'Grammo', T: 'Tonnellata', L: 'Litro', M: 'Metro', M2: 'Metro quadrato', CT: 'Cartone', BOX: 'Scatola', PAL: 'Pallet', SET: 'Set' },
      keys: { RCP: 'Carico merce', ISS: 'Scarico merce', TRF: 'Trasferimento tra ubicazioni', ADJ: 'Differenza inventariale', VAL: 'Rettifica valore inventario' },
      types: { STD: 'Inventario annuale di fine esercizio', CYC: 'Inventario rotativo (continuo)', SMP: 'Inventario a campione' },
    },
  },
};

const pl = {
  setup: {
    title: 'Pierwsza konfiguracja', adminOnly: 'Pierwszą konfigurację może przeprowadzić tylko administrator.',
    intro: 'Skonfiguruj to, czego Inventur potrzebuje przed pierwszym liczeniem. Każdy krok można pominąć i wykonać później na jego własnym ekranie; nic nie powstaje, dopóki nie potwierdzisz kroku.',
    bannerText: 'Inventur nie ma jeszcze oddziału. Pierwsza konfiguracja w kilku krokach tworzy oddział, magazyn, jednostki, klucze transakcji, typy inwentaryzacji i konto liczącego.',
    bannerLink: 'Skonfiguruj Inventur',
    codeHint: '1–20 liter, cyfr, _ . -', unitCodeHint: '1–10 liter, cyfr, _ lub %', intRange: 'Liczba całkowita od {{min}} do {{max}}',
    listedTwice: 'Ten kod występuje dwa razy', skip: 'Pomiń ten krok', create: 'Utwórz',
    createCount_one: 'Utwórz {{count}} wiersz', createCount_few: 'Utwórz {{count}} wiersze', createCount_many: 'Utwórz {{count}} wierszy', createCount_other: 'Utwórz {{count}} wiersza',
    exists: 'istnieje', description: 'Opis', siteLabel: 'Oddział', skipped: 'pominięto', notDone: 'niewykonane', doLater: 'Zrób to teraz',
    stepDone: '{{step}} utworzono: {{summary}}', doneTitle: 'Konfiguracja zakończona', doneText: 'Co utworzono, a co jeszcze zostało:',
    toInventories: 'Przejdź do inwentaryzacji', again: 'Wróć do pierwszego kroku',
    counts: {
      sites: 'Oddziały', owners: 'Właściciele', warehouses: 'Magazyny', zones: 'Strefy', differencesZones: 'Strefy różnic', units: 'Jednostki',
      transactionKeys: 'Klucze transakcji', numberingSchemes: 'Schematy numeracji', inventoryTypes: 'Typy inwentaryzacji', counters: 'Liczący',
    },
    steps: { site: 'Oddział', owner: 'Właściciel zapasu', warehouse: 'Magazyn', units: 'Jednostki', keys: 'Klucze transakcji', types: 'Typy inwentaryzacji', counter: 'Liczący' },
    site: {
      title: 'Firma i oddział', help: 'Oddział to jednostka organizacyjna, do której należą magazyny, zapasy i inwentaryzacje (zakład, filia, centrum dystrybucyjne).',
      codeHelp: 'Krótki kod, np. HQ lub WA01',
      existing_one: 'Istnieje już {{count}} oddział.', existing_few: 'Istnieją już {{count}} oddziały.', existing_many: 'Istnieje już {{count}} oddziałów.', existing_other: 'Istnieje już {{count}} oddziału.',
    },
    owner: {
      title: 'Pierwszy właściciel zapasu', help: 'Firma, do której należy zapas. Każde księgowanie i każda inwentaryzacja dotyczy jednego właściciela; towar w komisie ma własnego właściciela.',
      codeHelp: 'Krótki kod, np. OWN',
      existing_one: 'Istnieje już {{count}} właściciel.', existing_few: 'Istnieją już {{count}} właściciele.', existing_many: 'Istnieje już {{count}} właścicieli.', existing_other: 'Istnieje już {{count}} właściciela.',
    },
    warehouse: {
      title: 'Pierwszy magazyn z jego strefami',
      help: 'Magazyn i strefy powstają razem w jednym kroku: jeśli któraś strefa zostanie odrzucona, nic nie zostanie utworzone.',
      existing_one: 'Istnieje już {{count}} magazyn.', existing_few: 'Istnieją już {{count}} magazyny.', existing_many: 'Istnieje już {{count}} magazynów.', existing_other: 'Istnieje już {{count}} magazynu.',
      kind: 'Rodzaj', kinds: { structured: 'Strukturalny (strefy i lokalizacje)', unstructured: 'Niestrukturalny (zapas na magazyn)' },
      kindHelp: {
        structured: 'Magazyn strukturalny dzieli się na strefy; strefy z lokalizacjami liczy się lokalizacja po lokalizacji, strefy bez lokalizacji towar po towarze.',
        unstructured: 'Magazyn niestrukturalny prowadzi zapas na poziomie magazynu, bez stref i lokalizacji, i liczy się towar po towarze.',
      },
      physical: 'Fizycznie', physicals: { internal: 'Wewnętrzny', external: 'Zewnętrzny' },
      zones: 'Strefy', organisation: 'Organizacja', organisations: { high_bay: 'Regały wysokiego składowania', block: 'Składowanie blokowe', places_only: 'Tylko miejsca' },
      structured: 'Z lokalizacjami', addZone: 'Dodaj strefę', diffTitle: 'Strefa różnic', diffEnabled: 'Utwórz strefę różnic inwentaryzacyjnych',
      diffHelp: 'Przy zamknięciu arkusza spisowego każda różnica trafia do tej strefy (bez lokalizacji), zanim zostanie zaksięgowana; każdy magazyn strukturalny jej potrzebuje.',
      diffDefaultName: 'Różnice inwentaryzacyjne',
    },
    units: {
      title: 'Jednostki miary', help: 'Zaznacz używane jednostki i w razie potrzeby je popraw. Miejsca dziesiętne: ile miejsc po przecinku może mieć ilość w tej jednostce.',
      decimals: 'Miejsca dziesiętne', example: 'Przykład', add: 'Dodaj jednostkę',
    },
    keys: {
      title: 'Klucze transakcji', help: 'Każdy ruch magazynowy ma klucz transakcji określonego rodzaju. Zamknięcie inwentaryzacji księguje różnice kluczem korekty, przenosi je kluczem przesunięcia i przeszacowuje kluczem korekty wartości.',
      kind: 'Rodzaj', add: 'Dodaj klucz',
      kinds: { receipt: 'Przyjęcie', issue: 'Wydanie', transfer: 'Przesunięcie', adjustment: 'Korekta (różnica inwentaryzacyjna)', revaluation: 'Korekta wartości' },
    },
    types: {
      title: 'Schematy numeracji i typy inwentaryzacji',
      help: 'Typ inwentaryzacji określa jej zasady: metodę, klucze używane przy zamknięciu i dwa schematy numeracji (numery inwentaryzacji i arkuszy spisowych), tworzone razem z typem.',
      noKeys: 'Nie ma jeszcze kluczy transakcji: typy powstaną bez kluczy, które można dodać później.',
      method: 'Metoda', reportType: 'Zgłoszenia', reportTypes: { single: 'Zastępują liczenie', cumulative: 'Sumują się' },
      inventoryPrefix: 'Prefiks numeru inwentaryzacji', listPrefix: 'Prefiks arkusza spisowego', width: 'Cyfry', maxItems: 'Pozycji na arkusz',
      example: 'Numery będą wyglądać jak {{inventory}} i {{list}}', adjustmentKey: 'Klucz korekty', transferKey: 'Klucz przesunięcia', valueKey: 'Klucz korekty wartości',
      blind: 'Liczenie na ślepo (ilości ewidencyjne ukryte)',
    },
    counter: {
      title: 'Konto liczącego', help: 'Liczący logują się na terminalu i liczą przydzielone im arkusze. Przypisz liczącego do oddziału, aby ograniczyć to, co widzi.',
      existing_one: 'Istnieje już {{count}} aktywny liczący.', existing_few: 'Istnieje już {{count}} aktywnych liczących.', existing_many: 'Istnieje już {{count}} aktywnych liczących.', existing_other: 'Istnieje już {{count}} aktywnego liczącego.',
    },
    defaults: {
      units: { PCS: 'Sztuka', KG: 'Kilogram', G: 'Gram', T: 'Tona', L: 'Litr', M: 'Metr', M2: 'Metr kwadratowy', CT: 'Karton', BOX: 'Pudełko', PAL: 'Paleta', SET: 'Komplet' },
      keys: { RCP: 'Przyjęcie towaru', ISS: 'Wydanie towaru', TRF: 'Przesunięcie między lokalizacjami', ADJ: 'Różnica inwentaryzacyjna', VAL: 'Korekta wartości inwentaryzacji' },
      types: { STD: 'Roczna inwentaryzacja w dniu spisu', CYC: 'Inwentaryzacja ciągła (cykliczna)', SMP: 'Inwentaryzacja wyrywkowa' },
    },
  },
};

const de = {
  setup: {
    title: 'Ersteinrichtung', adminOnly: 'Nur ein Administrator kann die Ersteinrichtung durchführen.',
    intro: 'Richten Sie ein, was Inventur vor der ersten Zählung braucht. Jeder Schritt kann übersprungen und später in seiner eigenen Maske erledigt werden; angelegt wird erst, wenn Sie einen Schritt bestätigen.',
    bannerText: 'Inventur hat noch keinen Standort. Die Ersteinrichtung legt in wenigen Schritten Standort, Lager, Einheiten, Buchungsschlüssel, Inventurarten und einen Zähler an.',
    bannerLink: 'Inventur einrichten',
    codeHint: '1–20 Buchstaben, Ziffern, _ . -', unitCodeHint: '1–10 Buchstaben, Ziffern, _ oder %', intRange: 'Eine ganze Zahl von {{min}} bis {{max}}',
    listedTwice: 'Dieser Code steht zweimal in der Liste', skip: 'Schritt überspringen', create: 'Anlegen', createCount_one: '{{count}} Zeile anlegen', createCount_other: '{{count}} Zeilen anlegen',
    exists: 'vorhanden', description: 'Beschreibung', siteLabel: 'Standort', skipped: 'übersprungen', notDone: 'nicht erledigt', doLater: 'Jetzt erledigen',
    stepDone: '{{step}} angelegt: {{summary}}', doneTitle: 'Die Einrichtung ist abgeschlossen', doneText: 'Was angelegt wurde und was noch offen ist:',
    toInventories: 'Zu den Inventuren', again: 'Zurück zum ersten Schritt',
    counts: {
      sites: 'Standorte', owners: 'Eigentümer', warehouses: 'Lager', zones: 'Zonen', differencesZones: 'Differenzzonen', units: 'Einheiten',
      transactionKeys: 'Buchungsschlüssel', numberingSchemes: 'Nummernkreise', inventoryTypes: 'Inventurarten', counters: 'Zähler',
    },
    steps: { site: 'Standort', owner: 'Bestandseigentümer', warehouse: 'Lager', units: 'Einheiten', keys: 'Buchungsschlüssel', types: 'Inventurarten', counter: 'Zähler' },
    site: {
      title: 'Unternehmen und Standort', help: 'Der Standort ist die Organisationseinheit, der Lager, Bestände und Inventuren gehören (ein Werk, eine Niederlassung, ein Verteilzentrum).',
      codeHelp: 'Kurzer Code, z. B. HQ oder MUC1', existing_one: 'Es gibt bereits {{count}} Standort.', existing_other: 'Es gibt bereits {{count}} Standorte.',
    },
    owner: {
      title: 'Erster Bestandseigentümer', help: 'Das Unternehmen, dem der Bestand gehört. Jede Buchung und jede Inventur gilt für einen Eigentümer; Konsignationsware bekommt einen eigenen Eigentümer.',
      codeHelp: 'Kurzer Code, z. B. OWN', existing_one: 'Es gibt bereits {{count}} Bestandseigentümer.', existing_other: 'Es gibt bereits {{count}} Bestandseigentümer.',
    },
    warehouse: {
      title: 'Erstes Lager mit seinen Zonen',
      help: 'Lager und Zonen werden in einem Schritt zusammen angelegt: Wird eine Zone abgelehnt, wird nichts angelegt.',
      existing_one: 'Es gibt bereits {{count}} Lager.', existing_other: 'Es gibt bereits {{count}} Lager.',
      kind: 'Art', kinds: { structured: 'Strukturiert (Zonen und Lagerplätze)', unstructured: 'Unstrukturiert (Bestand je Lager)' },
      kindHelp: {
        structured: 'Ein strukturiertes Lager ist in Zonen gegliedert; Zonen mit Lagerplätzen werden platzweise gezählt, Zonen ohne Lagerplätze artikelweise.',
        unstructured: 'Ein unstrukturiertes Lager führt den Bestand je Lager, ohne Zonen und Lagerplätze, und wird artikelweise gezählt.',
      },
      physical: 'Physisch', physicals: { internal: 'Intern', external: 'Extern' },
      zones: 'Zonen', organisation: 'Organisation', organisations: { high_bay: 'Hochregal', block: 'Blocklager', places_only: 'Nur Plätze' },
      structured: 'Mit Lagerplätzen', addZone: 'Zone hinzufügen', diffTitle: 'Differenzzone', diffEnabled: 'Eine Zone für Inventurdifferenzen anlegen',
      diffHelp: 'Beim Abschließen einer Zählliste wird jede Differenz in diese Zone (ohne Lagerplätze) umgebucht, bevor sie gebucht wird; jedes strukturierte Lager braucht eine.',
      diffDefaultName: 'Inventurdifferenzen',
    },
    units: {
      title: 'Mengeneinheiten', help: 'Haken Sie die Einheiten an, die Sie verwenden, und korrigieren Sie sie bei Bedarf. Nachkommastellen: wie viele Dezimalstellen eine Menge in dieser Einheit haben darf.',
      decimals: 'Nachkommastellen', example: 'Beispiel', add: 'Einheit hinzufügen',
    },
    keys: {
      title: 'Buchungsschlüssel', help: 'Jede Lagerbewegung trägt einen Buchungsschlüssel einer Art. Der Inventurabschluss bucht Differenzen mit einem Korrekturschlüssel, bucht sie mit einem Umbuchungsschlüssel um und bewertet mit einem Wertkorrekturschlüssel neu.',
      kind: 'Art', add: 'Schlüssel hinzufügen',
      kinds: { receipt: 'Zugang', issue: 'Abgang', transfer: 'Umbuchung', adjustment: 'Korrektur (Inventurdifferenz)', revaluation: 'Wertkorrektur' },
    },
    types: {
      title: 'Nummernkreise und Inventurarten',
      help: 'Eine Inventurart liefert die Regeln einer Inventur: Verfahren, die Schlüssel des Abschlusses und zwei Nummernkreise (Inventurnummern und Zähllistennummern), die mit der Art angelegt werden.',
      noKeys: 'Es gibt noch keine Buchungsschlüssel: Die Arten werden ohne Schlüssel angelegt, die Sie später ergänzen können.',
      method: 'Verfahren', reportType: 'Zählmeldungen', reportTypes: { single: 'Ersetzen die Zählung', cumulative: 'Werden addiert' },
      inventoryPrefix: 'Präfix Inventurnummer', listPrefix: 'Präfix Zählliste', width: 'Stellen', maxItems: 'Positionen je Liste',
      example: 'Nummern sehen aus wie {{inventory}} und {{list}}', adjustmentKey: 'Korrekturschlüssel', transferKey: 'Umbuchungsschlüssel', valueKey: 'Wertkorrekturschlüssel',
      blind: 'Blindzählung (Sollmengen verborgen)',
    },
    counter: {
      title: 'Zählerkonto', help: 'Zähler melden sich am Handheld an und zählen die ihnen zugewiesenen Listen. Binden Sie den Zähler an den Standort, um einzuschränken, was er sieht.',
      existing_one: 'Es gibt bereits {{count}} aktiven Zähler.', existing_other: 'Es gibt bereits {{count}} aktive Zähler.',
    },
    defaults: {
      units: { PCS: 'Stück', KG: 'Kilogramm', G: 'Gramm', T: 'Tonne', L: 'Liter', M: 'Meter', M2: 'Quadratmeter', CT: 'Karton', BOX: 'Schachtel', PAL: 'Palette', SET: 'Satz' },
      keys: { RCP: 'Wareneingang', ISS: 'Warenausgang', TRF: 'Umbuchung zwischen Lagerplätzen', ADJ: 'Inventurdifferenz', VAL: 'Inventur-Wertkorrektur' },
      types: { STD: 'Jährliche Stichtagsinventur', CYC: 'Permanente Inventur', SMP: 'Stichprobeninventur' },
    },
  },
};

const bundle: Bundle = { en, it, pl, de };
export default bundle;
