// Translations of the differences report (en, it, pl, de) and of the stock screen's ledger tab (ledgerList); top-level keys are these features' own.
import type { Bundle } from '../../i18n/bundle';

const en = {
  differences: {
    title: 'Differences report', back: 'Inventory', subtitle: 'Inventory {{number}} · {{method}} · valuation: {{valuation}}',
    countList: 'Count list', allLists: 'All count lists', warehouse: 'Warehouse', allWarehouses: 'All warehouses', zone: 'Zone',
    allZones: 'All zones', search: 'Item', searchPlaceholder: 'Item code or description', onlyDifferences: 'Only differences',
    csv: 'Export CSV', exported: 'Saved {{file}}',
    xlsx: 'Export XLSX', pdf: 'Export PDF', itemGroup: 'Product group', allGroups: 'All product groups', minValue: 'Min. value',
    minPercent: 'Min. difference %', notANumber: 'A number ≥ 0', listReport: 'Differences report',
    col: {
      list: 'List', item: 'Item', description: 'Description', place: 'Place', lot: 'Lot', serial: 'Serial', unit: 'Unit', target: 'Target',
      counted: 'Counted', difference: 'Difference', unitPrice: 'Price', value: 'Value', absValue: 'Absolute value', percent: '%',
      status: 'Status', ledger: 'Ledger',
    },
    sortBy: 'Sort by {{column}}',
    ledger: { title: 'Ledger entries of {{item}} (list {{list}})', key: 'Key', date: 'Posting date', quantity: 'Quantity', differencesZone: 'Differences zone' },
    sort: 'Sort', sortKey: { place: 'Place', item: 'Item', absValue: 'Largest value first', value: 'Value', difference: 'Difference', percent: 'Difference %' },
    notCounted: 'not counted',
    ledgerValue: 'Value as posted in the ledger', plannedValue: 'Valued at the posting price; posted when the list is closed',
    entries_one: '{{count}} entry', entries_other: '{{count}} entries',
    totals: {
      lines: 'Lines', differenceLines_one: '{{count}} with a difference', differenceLines_other: '{{count}} with a difference',
      positive: 'Surplus', negative: 'Shortage', net: 'Net difference',
      valueAdjustment: 'Value adjustment on closing', valueAdjustmentHelp: 'Net receipts revalued to the valuation price (stock-taking day); not part of the lines',
      byWarehouse: 'By warehouse', byZone: 'By zone', byItemGroup: 'By product group', noZone: '(no zone)', noGroup: '(no product group)',
      group: 'Group',
    },
    priceHint: {
      planned: 'Until a list is closed, differences are valued at the price closing posts them at: on a stock-taking day the weighted average price, otherwise the valuation price.',
      closed: 'Closed lists show the value the ledger posted.',
    },
  },
  /** The stock screen's ledger tab (web/src/features/stock): sortable columns and origins. */
  ledgerList: {
    sortBy: 'Sort by {{column}}', entry: 'Entry', openOrigin: 'Open {{origin}}',
  },
};

const it = {
  differences: {
    title: 'Report differenze', back: 'Inventario', subtitle: 'Inventario {{number}} · {{method}} · valorizzazione: {{valuation}}',
    countList: 'Lista di conteggio', allLists: 'Tutte le liste', warehouse: 'Magazzino', allWarehouses: 'Tutti i magazzini', zone: 'Zona',
    allZones: 'Tutte le zone', search: 'Articolo', searchPlaceholder: 'Codice o descrizione articolo', onlyDifferences: 'Solo differenze',
    csv: 'Esporta CSV', exported: 'Salvato {{file}}',
    xlsx: 'Esporta XLSX', pdf: 'Esporta PDF', itemGroup: 'Gruppo merceologico', allGroups: 'Tutti i gruppi', minValue: 'Valore minimo',
    minPercent: 'Differenza min. %', notANumber: 'Un numero ≥ 0', listReport: 'Report differenze',
    col: {
      list: 'Lista', item: 'Articolo', description: 'Descrizione', place: 'Ubicazione', lot: 'Lotto', serial: 'Matricola', unit: 'UM',
      target: 'Giacenza teorica', counted: 'Contato', difference: 'Differenza', unitPrice: 'Prezzo', value: 'Valore',
      absValue: 'Valore assoluto', percent: '%', status: 'Stato', ledger: 'Movimenti',
    },
    sortBy: 'Ordina per {{column}}',
    ledger: { title: 'Movimenti di {{item}} (lista {{list}})', key: 'Causale', date: 'Data registrazione', quantity: 'Quantità', differencesZone: 'Zona differenze' },
    sort: 'Ordinamento', sortKey: { place: 'Ubicazione', item: 'Articolo', absValue: 'Valore maggiore prima', value: 'Valore', difference: 'Differenza', percent: 'Differenza %' },
    notCounted: 'non contato',
    ledgerValue: 'Valore registrato nei movimenti di magazzino', plannedValue: 'Valorizzato al prezzo di registrazione; registrato alla chiusura della lista',
    entries_one: '{{count}} movimento', entries_other: '{{count}} movimenti',
    totals: {
      lines: 'Righe', differenceLines_one: '{{count}} con differenza', differenceLines_other: '{{count}} con differenza',
      positive: 'Eccedenze', negative: 'Ammanchi', net: 'Differenza netta',
      valueAdjustment: 'Rettifica di valore alla chiusura', valueAdjustmentHelp: 'Carichi netti rivalutati al prezzo di valorizzazione (inventario a data fissa); non inclusa nelle righe',
      byWarehouse: 'Per magazzino', byZone: 'Per zona', byItemGroup: 'Per gruppo merceologico', noZone: '(senza zona)', noGroup: '(senza gruppo merceologico)',
      group: 'Gruppo',
    },
    priceHint: {
      planned: 'Finché una lista non è chiusa, le differenze sono valorizzate al prezzo con cui la chiusura le registra: nell\'inventario a data fissa il prezzo medio ponderato, altrimenti il prezzo di valorizzazione.',
      closed: 'Le liste chiuse mostrano il valore registrato nei movimenti.',
    },
  },
  ledgerList: {
    sortBy: 'Ordina per {{column}}', entry: 'Movimento', openOrigin: 'Apri {{origin}}',
  },
};

const pl = {
  differences: {
    title: 'Raport różnic', back: 'Inwentaryzacja', subtitle: 'Inwentaryzacja {{number}} · {{method}} · wycena: {{valuation}}',
    countList: 'Arkusz spisowy', allLists: 'Wszystkie arkusze', warehouse: 'Magazyn', allWarehouses: 'Wszystkie magazyny', zone: 'Strefa',
    allZones: 'Wszystkie strefy', search: 'Towar', searchPlaceholder: 'Kod lub opis towaru', onlyDifferences: 'Tylko różnice',
    csv: 'Eksport CSV', exported: 'Zapisano {{file}}',
    xlsx: 'Eksport XLSX', pdf: 'Eksport PDF', itemGroup: 'Grupa towarowa', allGroups: 'Wszystkie grupy', minValue: 'Min. wartość',
    minPercent: 'Min. różnica %', notANumber: 'Liczba ≥ 0', listReport: 'Zestawienie różnic',
    col: {
      list: 'Arkusz', item: 'Towar', description: 'Opis', place: 'Lokalizacja', lot: 'Partia', serial: 'Numer seryjny', unit: 'JM',
      target: 'Stan ewidencyjny', counted: 'Policzono', difference: 'Różnica', unitPrice: 'Cena', value: 'Wartość',
      absValue: 'Wartość bezwzględna', percent: '%', status: 'Status', ledger: 'Zapisy',
    },
    sortBy: 'Sortuj według: {{column}}',
    ledger: { title: 'Zapisy w kartotece: {{item}} (arkusz {{list}})', key: 'Klucz', date: 'Data księgowania', quantity: 'Ilość', differencesZone: 'Strefa różnic' },
    sort: 'Sortowanie', sortKey: { place: 'Lokalizacja', item: 'Towar', absValue: 'Najpierw największa wartość', value: 'Wartość', difference: 'Różnica', percent: 'Różnica %' },
    notCounted: 'nie policzono',
    ledgerValue: 'Wartość zaksięgowana w kartotece', plannedValue: 'Wyceniono po cenie księgowania; księgowane przy zamknięciu arkusza',
    entries_one: '{{count}} zapis', entries_few: '{{count}} zapisy', entries_many: '{{count}} zapisów', entries_other: '{{count}} zapisu',
    totals: {
      lines: 'Pozycje', differenceLines_one: '{{count}} z różnicą', differenceLines_few: '{{count}} z różnicą',
      differenceLines_many: '{{count}} z różnicą', differenceLines_other: '{{count}} z różnicą',
      positive: 'Nadwyżki', negative: 'Niedobory', net: 'Różnica netto',
      valueAdjustment: 'Korekta wartości przy zamknięciu', valueAdjustmentHelp: 'Przychody netto przewartościowane do ceny wyceny (spis na dzień); nie wchodzi w pozycje',
      byWarehouse: 'Według magazynu', byZone: 'Według strefy', byItemGroup: 'Według grupy towarowej', noZone: '(bez strefy)', noGroup: '(bez grupy towarowej)',
      group: 'Grupa',
    },
    priceHint: {
      planned: 'Dopóki arkusz nie jest zamknięty, różnice są wyceniane po cenie, po której zamknięcie je zaksięguje: przy spisie na dzień po średniej ważonej, w przeciwnym razie po cenie wyceny.',
      closed: 'Zamknięte arkusze pokazują wartość zaksięgowaną w kartotece.',
    },
  },
  ledgerList: {
    sortBy: 'Sortuj według: {{column}}', entry: 'Zapis', openOrigin: 'Otwórz {{origin}}',
  },
};

const de = {
  differences: {
    title: 'Differenzenliste', back: 'Inventur', subtitle: 'Inventur {{number}} · {{method}} · Bewertung: {{valuation}}',
    countList: 'Zählliste', allLists: 'Alle Zähllisten', warehouse: 'Lager', allWarehouses: 'Alle Lager', zone: 'Zone',
    allZones: 'Alle Zonen', search: 'Artikel', searchPlaceholder: 'Artikelnummer oder Bezeichnung', onlyDifferences: 'Nur Differenzen',
    csv: 'CSV exportieren', exported: '{{file}} gespeichert',
    xlsx: 'XLSX exportieren', pdf: 'PDF exportieren', itemGroup: 'Warengruppe', allGroups: 'Alle Warengruppen', minValue: 'Mindestwert',
    minPercent: 'Min. Differenz %', notANumber: 'Eine Zahl ≥ 0', listReport: 'Differenzenbericht',
    col: {
      list: 'Liste', item: 'Artikel', description: 'Bezeichnung', place: 'Lagerplatz', lot: 'Charge', serial: 'Seriennummer', unit: 'ME',
      target: 'Sollmenge', counted: 'Gezählt', difference: 'Differenz', unitPrice: 'Preis', value: 'Wert', absValue: 'Betrag', percent: '%',
      status: 'Status', ledger: 'Buchungen',
    },
    sortBy: 'Sortieren nach {{column}}',
    ledger: { title: 'Buchungen von {{item}} (Liste {{list}})', key: 'Bewegungsart', date: 'Buchungsdatum', quantity: 'Menge', differencesZone: 'Differenzenzone' },
    sort: 'Sortierung', sortKey: { place: 'Lagerplatz', item: 'Artikel', absValue: 'Größter Betrag zuerst', value: 'Wert', difference: 'Differenz', percent: 'Differenz %' },
    notCounted: 'nicht gezählt',
    ledgerValue: 'Wert wie im Bestandsjournal gebucht', plannedValue: 'Zum Buchungspreis bewertet; gebucht beim Abschluss der Liste',
    entries_one: '{{count}} Buchung', entries_other: '{{count}} Buchungen',
    totals: {
      lines: 'Positionen', differenceLines_one: '{{count}} mit Differenz', differenceLines_other: '{{count}} mit Differenz',
      positive: 'Mehrmengen', negative: 'Fehlmengen', net: 'Saldo',
      valueAdjustment: 'Wertkorrektur beim Abschluss', valueAdjustmentHelp: 'Netto-Zugänge auf den Bewertungspreis umbewertet (Stichtagsinventur); nicht in den Positionen enthalten',
      byWarehouse: 'Nach Lager', byZone: 'Nach Zone', byItemGroup: 'Nach Warengruppe', noZone: '(ohne Zone)', noGroup: '(ohne Warengruppe)',
      group: 'Gruppe',
    },
    priceHint: {
      planned: 'Solange eine Liste nicht abgeschlossen ist, werden Differenzen zu dem Preis bewertet, zu dem der Abschluss sie bucht: bei der Stichtagsinventur zum gleitenden Durchschnittspreis, sonst zum Bewertungspreis.',
      closed: 'Abgeschlossene Listen zeigen den gebuchten Wert.',
    },
  },
  ledgerList: {
    sortBy: 'Sortieren nach {{column}}', entry: 'Buchung', openOrigin: '{{origin}} öffnen',
  },
};

const bundle: Bundle = { en, it, pl, de };
export default bundle;
