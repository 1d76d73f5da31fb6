// The words and number formats of the differences report's files (CSV, XLSX, PDF) in each document language.
// Server-rendered documents do not go through the web UI's i18n, so they carry their own texts (as the count
// sheets do in count-list-pdf.ts); a test checks that every language has every label.
import type { DocumentLanguage } from '../../domain/inventory/printing.js';

export type DiffLabel =
  | 'title'
  | 'inventory'
  | 'countList'
  | 'method'
  | 'valuation'
  | 'status'
  | 'printed'
  | 'page'
  | 'filters'
  | 'none'
  | 'col.countList'
  | 'col.itemCode'
  | 'col.itemDescription'
  | 'col.itemGroup'
  | 'col.warehouse'
  | 'col.zone'
  | 'col.bin'
  | 'col.place'
  | 'col.lot'
  | 'col.serial'
  | 'col.lotSerial'
  | 'col.unit'
  | 'col.target'
  | 'col.counted'
  | 'col.difference'
  | 'col.unitPrice'
  | 'col.value'
  | 'col.percent'
  | 'col.status'
  | 'col.valueSource'
  | 'col.ledgerEntryIds'
  | 'col.reasonCode'
  | 'col.statusReason'
  | 'st.open'
  | 'st.reported'
  | 'st.closed'
  | 'st.manually_closed'
  | 'st.closed_with_errors'
  | 'src.planned'
  | 'src.ledger'
  | 'f.warehouse'
  | 'f.zone'
  | 'f.itemGroup'
  | 'f.item'
  | 'f.search'
  | 'f.onlyDifferences'
  | 'f.allLines'
  | 'f.minValue'
  | 'f.minPercent'
  | 'f.sort'
  | 't.lines'
  | 't.differenceLines'
  | 't.positive'
  | 't.negative'
  | 't.net'
  | 't.valueAdjustment'
  | 't.byWarehouse'
  | 't.byZone'
  | 't.byItemGroup'
  | 't.group'
  | 't.noZone'
  | 't.noGroup'
  | 't.totals'
  | 'sheet.lines'
  | 'sheet.totals'
  | 'm.stock_taking_day'
  | 'm.continuous'
  | 'm.sample'
  | 'm.stock_comparison'
  | 'v.average'
  | 'v.inventory'
  | 'v.settlement'
  | 'inv.created'
  | 'inv.has_count_lists'
  | 'inv.open'
  | 'inv.closed';

export const DIFF_LABELS: Record<DocumentLanguage, Record<DiffLabel, string>> = {
  en: {
    title: 'Differences report',
    inventory: 'Inventory',
    countList: 'Count list',
    method: 'Method',
    valuation: 'Valuation',
    status: 'Status',
    printed: 'Printed',
    page: 'Page {x} of {y}',
    filters: 'Selection',
    none: '—',
    'col.countList': 'Count list',
    'col.itemCode': 'Item',
    'col.itemDescription': 'Description',
    'col.itemGroup': 'Product group',
    'col.warehouse': 'Warehouse',
    'col.zone': 'Zone',
    'col.bin': 'Bin',
    'col.place': 'Place',
    'col.lot': 'Lot',
    'col.serial': 'Serial number',
    'col.lotSerial': 'Lot / serial',
    'col.unit': 'Unit',
    'col.target': 'Target',
    'col.counted': 'Counted',
    'col.difference': 'Difference',
    'col.unitPrice': 'Price',
    'col.value': 'Value',
    'col.percent': 'Difference %',
    'col.status': 'Status',
    'col.valueSource': 'Valued at',
    'col.ledgerEntryIds': 'Ledger entries',
    'col.reasonCode': 'Reason',
    'col.statusReason': 'Status · reason',
    'st.open': 'Not counted',
    'st.reported': 'Counted',
    'st.closed': 'Posted',
    'st.manually_closed': 'Closed manually',
    'st.closed_with_errors': 'Closed with errors',
    'src.planned': 'Posting price',
    'src.ledger': 'Ledger',
    'f.warehouse': 'Warehouse',
    'f.zone': 'Zone',
    'f.itemGroup': 'Product group',
    'f.item': 'Item',
    'f.search': 'Search',
    'f.onlyDifferences': 'Only differences',
    'f.allLines': 'All lines',
    'f.minValue': 'Value at least',
    'f.minPercent': 'Difference at least %',
    'f.sort': 'Sorted by',
    't.lines': 'Lines',
    't.differenceLines': 'With a difference',
    't.positive': 'Surplus',
    't.negative': 'Shortage',
    't.net': 'Net difference',
    't.valueAdjustment': 'Value adjustment on closing',
    't.byWarehouse': 'Totals by warehouse',
    't.byZone': 'Totals by zone',
    't.byItemGroup': 'Totals by product group',
    't.group': 'Group',
    't.noZone': '(no zone)',
    't.noGroup': '(no product group)',
    't.totals': 'Totals',
    'sheet.lines': 'Differences',
    'sheet.totals': 'Totals',
    'm.stock_taking_day': 'Stock-taking day',
    'm.continuous': 'Continuous',
    'm.sample': 'Sample',
    'm.stock_comparison': 'Stock comparison',
    'v.average': 'Average price',
    'v.inventory': 'Inventory price',
    'v.settlement': 'Settlement price {n}',
    'inv.created': 'Created',
    'inv.has_count_lists': 'Has count lists',
    'inv.open': 'Open',
    'inv.closed': 'Closed',
  },
  it: {
    title: 'Report differenze inventariali',
    inventory: 'Inventario',
    countList: 'Lista di conteggio',
    method: 'Metodo',
    valuation: 'Valorizzazione',
    status: 'Stato',
    printed: 'Stampato il',
    page: 'Pagina {x} di {y}',
    filters: 'Selezione',
    none: '—',
    'col.countList': 'Lista',
    'col.itemCode': 'Articolo',
    'col.itemDescription': 'Descrizione',
    'col.itemGroup': 'Gruppo merceologico',
    'col.warehouse': 'Magazzino',
    'col.zone': 'Zona',
    'col.bin': 'Ubicazione',
    'col.place': 'Posizione',
    'col.lot': 'Lotto',
    'col.serial': 'Matricola',
    'col.lotSerial': 'Lotto / matricola',
    'col.unit': 'UM',
    'col.target': 'Teorica',
    'col.counted': 'Contata',
    'col.difference': 'Differenza',
    'col.unitPrice': 'Prezzo',
    'col.value': 'Valore',
    'col.percent': 'Differenza %',
    'col.status': 'Stato',
    'col.valueSource': 'Valorizzato a',
    'col.ledgerEntryIds': 'Movimenti contabili',
    'col.reasonCode': 'Motivo',
    'col.statusReason': 'Stato · motivo',
    'st.open': 'Non contato',
    'st.reported': 'Contato',
    'st.closed': 'Registrato',
    'st.manually_closed': 'Chiuso manualmente',
    'st.closed_with_errors': 'Chiuso con errori',
    'src.planned': 'Prezzo di registrazione',
    'src.ledger': 'Libro giacenze',
    'f.warehouse': 'Magazzino',
    'f.zone': 'Zona',
    'f.itemGroup': 'Gruppo merceologico',
    'f.item': 'Articolo',
    'f.search': 'Ricerca',
    'f.onlyDifferences': 'Solo differenze',
    'f.allLines': 'Tutte le righe',
    'f.minValue': 'Valore almeno',
    'f.minPercent': 'Differenza almeno %',
    'f.sort': 'Ordinato per',
    't.lines': 'Righe',
    't.differenceLines': 'Con differenza',
    't.positive': 'Eccedenze',
    't.negative': 'Ammanchi',
    't.net': 'Differenza netta',
    't.valueAdjustment': 'Rettifica di valore alla chiusura',
    't.byWarehouse': 'Totali per magazzino',
    't.byZone': 'Totali per zona',
    't.byItemGroup': 'Totali per gruppo merceologico',
    't.group': 'Gruppo',
    't.noZone': '(senza zona)',
    't.noGroup': '(senza gruppo)',
    't.totals': 'Totali',
    'sheet.lines': 'Differenze',
    'sheet.totals': 'Totali',
    'm.stock_taking_day': 'Giorno di inventario',
    'm.continuous': 'Continuo (ciclico)',
    'm.sample': 'Campionario',
    'm.stock_comparison': 'Confronto giacenze',
    'v.average': 'Prezzo medio',
    'v.inventory': 'Prezzo di inventario',
    'v.settlement': 'Prezzo di liquidazione {n}',
    'inv.created': 'Creato',
    'inv.has_count_lists': 'Con liste di conteggio',
    'inv.open': 'Aperto',
    'inv.closed': 'Chiuso',
  },
  pl: {
    title: 'Zestawienie różnic inwentaryzacyjnych',
    inventory: 'Inwentaryzacja',
    countList: 'Arkusz spisowy',
    method: 'Metoda',
    valuation: 'Wycena',
    status: 'Status',
    printed: 'Wydrukowano',
    page: 'Strona {x} z {y}',
    filters: 'Zakres',
    none: '—',
    'col.countList': 'Arkusz',
    'col.itemCode': 'Artykuł',
    'col.itemDescription': 'Opis',
    'col.itemGroup': 'Grupa towarowa',
    'col.warehouse': 'Magazyn',
    'col.zone': 'Strefa',
    'col.bin': 'Miejsce',
    'col.place': 'Lokalizacja',
    'col.lot': 'Partia',
    'col.serial': 'Nr seryjny',
    'col.lotSerial': 'Partia / nr seryjny',
    'col.unit': 'J.m.',
    'col.target': 'Ilość systemowa',
    'col.counted': 'Policzono',
    'col.difference': 'Różnica',
    'col.unitPrice': 'Cena',
    'col.value': 'Wartość',
    'col.percent': 'Różnica %',
    'col.status': 'Status',
    'col.valueSource': 'Wycena według',
    'col.ledgerEntryIds': 'Zapisy w rejestrze',
    'col.reasonCode': 'Przyczyna',
    'col.statusReason': 'Status · przyczyna',
    'st.open': 'Niepoliczone',
    'st.reported': 'Policzone',
    'st.closed': 'Zaksięgowane',
    'st.manually_closed': 'Zamknięte ręcznie',
    'st.closed_with_errors': 'Zamknięte z błędami',
    'src.planned': 'Cena księgowania',
    'src.ledger': 'Rejestr magazynowy',
    'f.warehouse': 'Magazyn',
    'f.zone': 'Strefa',
    'f.itemGroup': 'Grupa towarowa',
    'f.item': 'Artykuł',
    'f.search': 'Szukaj',
    'f.onlyDifferences': 'Tylko różnice',
    'f.allLines': 'Wszystkie pozycje',
    'f.minValue': 'Wartość co najmniej',
    'f.minPercent': 'Różnica co najmniej %',
    'f.sort': 'Sortowanie',
    't.lines': 'Pozycje',
    't.differenceLines': 'Z różnicą',
    't.positive': 'Nadwyżki',
    't.negative': 'Niedobory',
    't.net': 'Różnica netto',
    't.valueAdjustment': 'Korekta wartości przy zamknięciu',
    't.byWarehouse': 'Sumy według magazynu',
    't.byZone': 'Sumy według strefy',
    't.byItemGroup': 'Sumy według grupy towarowej',
    't.group': 'Grupa',
    't.noZone': '(bez strefy)',
    't.noGroup': '(bez grupy)',
    't.totals': 'Sumy',
    'sheet.lines': 'Różnice',
    'sheet.totals': 'Sumy',
    'm.stock_taking_day': 'Dzień spisu',
    'm.continuous': 'Ciągła (cykliczna)',
    'm.sample': 'Próbkowa',
    'm.stock_comparison': 'Porównanie stanów',
    'v.average': 'Cena średnia',
    'v.inventory': 'Cena inwentaryzacyjna',
    'v.settlement': 'Cena rozliczeniowa {n}',
    'inv.created': 'Utworzona',
    'inv.has_count_lists': 'Ma arkusze spisowe',
    'inv.open': 'Otwarta',
    'inv.closed': 'Zamknięta',
  },
  de: {
    title: 'Inventurdifferenzen',
    inventory: 'Inventur',
    countList: 'Zählliste',
    method: 'Verfahren',
    valuation: 'Bewertung',
    status: 'Status',
    printed: 'Gedruckt',
    page: 'Seite {x} von {y}',
    filters: 'Auswahl',
    none: '—',
    'col.countList': 'Zählliste',
    'col.itemCode': 'Artikel',
    'col.itemDescription': 'Bezeichnung',
    'col.itemGroup': 'Warengruppe',
    'col.warehouse': 'Lager',
    'col.zone': 'Zone',
    'col.bin': 'Lagerplatz',
    'col.place': 'Lagerort',
    'col.lot': 'Charge',
    'col.serial': 'Seriennummer',
    'col.lotSerial': 'Charge / Seriennr.',
    'col.unit': 'ME',
    'col.target': 'Sollmenge',
    'col.counted': 'Gezählt',
    'col.difference': 'Differenz',
    'col.unitPrice': 'Preis',
    'col.value': 'Wert',
    'col.percent': 'Differenz %',
    'col.status': 'Status',
    'col.valueSource': 'Bewertet mit',
    'col.ledgerEntryIds': 'Buchungen',
    'col.reasonCode': 'Grund',
    'col.statusReason': 'Status · Grund',
    'st.open': 'Nicht gezählt',
    'st.reported': 'Gezählt',
    'st.closed': 'Gebucht',
    'st.manually_closed': 'Manuell abgeschlossen',
    'st.closed_with_errors': 'Mit Fehlern abgeschlossen',
    'src.planned': 'Buchungspreis',
    'src.ledger': 'Bestandsbuch',
    'f.warehouse': 'Lager',
    'f.zone': 'Zone',
    'f.itemGroup': 'Warengruppe',
    'f.item': 'Artikel',
    'f.search': 'Suche',
    'f.onlyDifferences': 'Nur Differenzen',
    'f.allLines': 'Alle Positionen',
    'f.minValue': 'Wert mindestens',
    'f.minPercent': 'Differenz mindestens %',
    'f.sort': 'Sortiert nach',
    't.lines': 'Positionen',
    't.differenceLines': 'Mit Differenz',
    't.positive': 'Mehrmengen',
    't.negative': 'Mindermengen',
    't.net': 'Nettodifferenz',
    't.valueAdjustment': 'Wertkorrektur beim Abschluss',
    't.byWarehouse': 'Summen je Lager',
    't.byZone': 'Summen je Zone',
    't.byItemGroup': 'Summen je Warengruppe',
    't.group': 'Gruppe',
    't.noZone': '(ohne Zone)',
    't.noGroup': '(ohne Warengruppe)',
    't.totals': 'Summen',
    'sheet.lines': 'Differenzen',
    'sheet.totals': 'Summen',
    'm.stock_taking_day': 'Stichtagsinventur',
    'm.continuous': 'Permanente Inventur',
    'm.sample': 'Stichprobeninventur',
    'm.stock_comparison': 'Bestandsabgleich',
    'v.average': 'Durchschnittspreis',
    'v.inventory': 'Inventurpreis',
    'v.settlement': 'Verrechnungspreis {n}',
    'inv.created': 'Angelegt',
    'inv.has_count_lists': 'Zähllisten erstellt',
    'inv.open': 'Offen',
    'inv.closed': 'Abgeschlossen',
  },
};

const LOCALES: Record<DocumentLanguage, string> = { en: 'en-GB', it: 'it-IT', pl: 'pl-PL', de: 'de-DE' };
type Fmt = (v: string) => string;

/** The labels and number formats of one language. Intl formats the decimal strings themselves (no float). */
export function documentTexts(language: DocumentLanguage) {
  const L = DIFF_LABELS[language];
  const locale = LOCALES[language];
  const nf = (o: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, o).format as unknown as Fmt;
  const qty = nf({ maximumFractionDigits: 20 });
  const plain = nf({ maximumFractionDigits: 20, useGrouping: false });
  const moneyOf = (decimals: number) => nf({ minimumFractionDigits: 2, maximumFractionDigits: Math.max(2, decimals) });
  const label = (k: DiffLabel) => L[k];
  return {
    language,
    locale,
    label,
    /** A quantity or percentage with grouping and every decimal it has. */
    quantity: (v: string | null) => (v === null ? '' : qty(v)),
    /** An amount with at least two decimals, grouped. */
    money: (v: string | null) => (v === null ? '' : moneyOf(v.split('.')[1]?.length ?? 0)(v)),
    /** A number for a spreadsheet cell of a CSV: the language's decimal separator, no grouping. */
    plain: (v: string | null) => (v === null ? '' : plain(v)),
    /** The decimal separator of the language (CSV field separator follows from it). */
    decimalComma: qty('1.5').includes(','),
    status: (item: string, list: string) =>
      L[`st.${list}` as DiffLabel] && (list === 'manually_closed' || list === 'closed_with_errors')
        ? L[`st.${list}` as DiffLabel]
        : (L[`st.${item}` as DiffLabel] ?? item),
    method: (m: string) => L[`m.${m}` as DiffLabel] ?? m,
    valuation: (v: string) =>
      v.startsWith('settlement_')
        ? L['v.settlement'].replace('{n}', v.slice('settlement_'.length))
        : (L[`v.${v}` as DiffLabel] ?? v),
    inventoryStatus: (s: string) => L[`inv.${s}` as DiffLabel] ?? s,
  };
}
export type DocumentTexts = ReturnType<typeof documentTexts>;
