// Translations of the count files (export and import of counted quantities by codes) (en, it, pl, de).
import type { Bundle } from '../../i18n/bundle';

const bundle: Bundle = {
  en: {
    countFiles: {
      export: { action: 'Export counts', csv: 'CSV (comma separated)', xlsx: 'Excel (XLSX)', done: '{{name}} downloaded' },
      import: {
        action: 'Import counts', titleList: 'Import counts into this count list', titleInventory: 'Import counts into this inventory',
        help: 'A CSV (comma or semicolon) or XLSX file with the columns of the export: item (item code or barcode), lot, serial, bin or warehouse, unit and counted. Rows without a quantity are skipped; each row is reported like a count on the handheld.',
        file: 'File', choose: 'Choose a CSV or XLSX file',
        dryRun: 'Dry run', dryRunHelp: 'Check every row and write nothing',
        partial: 'Import the valid rows', partialHelp: 'Without this, one rejected row means nothing is imported',
        check: 'Check', run: 'Import', close: 'Close', done: 'Counts imported: {{reported}} rows reported',
        status: { imported: 'Imported', validated: 'Checked', rejected: 'Nothing imported' },
        summary: {
          imported: 'Rows: {{total}} · reported: {{reported}} (found items added: {{added}}) · unchanged: {{unchanged}} · rejected: {{rejected}} · without quantity: {{skipped}}',
          validated: 'Rows: {{total}} · would be reported: {{reported}} · unchanged: {{unchanged}} · rejected: {{rejected}} · without quantity: {{skipped}}',
          rejected: 'Rows rejected: {{rejected}} of {{total}}. Fix them, or choose “Import the valid rows”.',
        },
        ignored: 'Columns not read: {{columns}}',
        line: 'Line', column: 'Column', rule: 'Reason',
        more: 'The first {{shown}} of {{total}} rejected rows are shown; download them all.', downloadRejected: 'Download rejected rows (CSV)',
      },
      columns: { list: 'list', warehouse: 'warehouse', zone: 'zone', bin: 'bin', item: 'item', lot: 'lot', serial: 'serial', unit: 'unit', counted: 'counted' },
    },
  },
  it: {
    countFiles: {
      export: { action: 'Esporta conteggi', csv: 'CSV (separato da virgole)', xlsx: 'Excel (XLSX)', done: '{{name}} scaricato' },
      import: {
        action: 'Importa conteggi', titleList: 'Importa conteggi in questa lista', titleInventory: 'Importa conteggi in questo inventario',
        help: "Un file CSV (virgola o punto e virgola) o XLSX con le colonne dell'esportazione: articolo (codice articolo o codice a barre), lotto, seriale, ubicazione o magazzino, unità e contato. Le righe senza quantità vengono saltate; ogni riga è registrata come un conteggio dal terminale.",
        file: 'File', choose: 'Scegli un file CSV o XLSX',
        dryRun: 'Simulazione', dryRunHelp: 'Controlla ogni riga senza scrivere nulla',
        partial: 'Importa le righe valide', partialHelp: 'Altrimenti una sola riga scartata blocca tutta l’importazione',
        check: 'Controlla', run: 'Importa', close: 'Chiudi', done: 'Conteggi importati: {{reported}} righe registrate',
        status: { imported: 'Importato', validated: 'Controllato', rejected: 'Nulla importato' },
        summary: {
          imported: 'Righe: {{total}} · registrate: {{reported}} (articoli trovati aggiunti: {{added}}) · invariate: {{unchanged}} · scartate: {{rejected}} · senza quantità: {{skipped}}',
          validated: 'Righe: {{total}} · da registrare: {{reported}} · invariate: {{unchanged}} · scartate: {{rejected}} · senza quantità: {{skipped}}',
          rejected: 'Righe scartate: {{rejected}} su {{total}}. Correggile oppure scegli «Importa le righe valide».',
        },
        ignored: 'Colonne non lette: {{columns}}',
        line: 'Riga', column: 'Colonna', rule: 'Motivo',
        more: 'Sono mostrate le prime {{shown}} di {{total}} righe scartate; scaricale tutte.', downloadRejected: 'Scarica le righe scartate (CSV)',
      },
      columns: { list: 'lista', warehouse: 'magazzino', zone: 'zona', bin: 'ubicazione', item: 'articolo', lot: 'lotto', serial: 'seriale', unit: 'unità', counted: 'contato' },
    },
  },
  pl: {
    countFiles: {
      export: { action: 'Eksportuj spis', csv: 'CSV (rozdzielany przecinkami)', xlsx: 'Excel (XLSX)', done: 'Pobrano {{name}}' },
      import: {
        action: 'Importuj spis', titleList: 'Import spisu do tego arkusza', titleInventory: 'Import spisu do tej inwentaryzacji',
        help: 'Plik CSV (przecinek lub średnik) albo XLSX z kolumnami eksportu: artykuł (kod artykułu lub kod kreskowy), partia, numer seryjny, miejsce składowania lub magazyn, jednostka i policzono. Wiersze bez ilości są pomijane; każdy wiersz jest zgłaszany jak liczenie na terminalu.',
        file: 'Plik', choose: 'Wybierz plik CSV lub XLSX',
        dryRun: 'Próba', dryRunHelp: 'Sprawdź każdy wiersz i niczego nie zapisuj',
        partial: 'Importuj poprawne wiersze', partialHelp: 'Bez tego jeden odrzucony wiersz wstrzymuje cały import',
        check: 'Sprawdź', run: 'Importuj', close: 'Zamknij', done: 'Zaimportowano spis: zgłoszone wiersze: {{reported}}',
        status: { imported: 'Zaimportowano', validated: 'Sprawdzono', rejected: 'Nic nie zaimportowano' },
        summary: {
          imported: 'Wiersze: {{total}} · zgłoszone: {{reported}} (dodane znalezione artykuły: {{added}}) · bez zmian: {{unchanged}} · odrzucone: {{rejected}} · bez ilości: {{skipped}}',
          validated: 'Wiersze: {{total}} · do zgłoszenia: {{reported}} · bez zmian: {{unchanged}} · odrzucone: {{rejected}} · bez ilości: {{skipped}}',
          rejected: 'Odrzucone wiersze: {{rejected}} z {{total}}. Popraw je albo wybierz „Importuj poprawne wiersze”.',
        },
        ignored: 'Nieodczytane kolumny: {{columns}}',
        line: 'Wiersz', column: 'Kolumna', rule: 'Powód',
        more: 'Pokazano pierwsze {{shown}} z {{total}} odrzuconych wierszy; pobierz wszystkie.', downloadRejected: 'Pobierz odrzucone wiersze (CSV)',
      },
      columns: { list: 'arkusz', warehouse: 'magazyn', zone: 'strefa', bin: 'miejsce', item: 'artykuł', lot: 'partia', serial: 'numer seryjny', unit: 'jednostka', counted: 'policzono' },
    },
  },
  de: {
    countFiles: {
      export: { action: 'Zählungen exportieren', csv: 'CSV (kommagetrennt)', xlsx: 'Excel (XLSX)', done: '{{name}} heruntergeladen' },
      import: {
        action: 'Zählungen importieren', titleList: 'Zählungen in diese Zählliste importieren', titleInventory: 'Zählungen in diese Inventur importieren',
        help: 'Eine CSV-Datei (Komma oder Semikolon) oder XLSX-Datei mit den Spalten des Exports: Artikel (Artikelnummer oder Barcode), Charge, Seriennummer, Lagerplatz oder Lager, Einheit und gezählt. Zeilen ohne Menge werden übersprungen; jede Zeile wird wie eine Zählung am Handgerät gemeldet.',
        file: 'Datei', choose: 'CSV- oder XLSX-Datei wählen',
        dryRun: 'Probelauf', dryRunHelp: 'Jede Zeile prüfen, nichts schreiben',
        partial: 'Gültige Zeilen importieren', partialHelp: 'Sonst wird bei einer abgewiesenen Zeile nichts importiert',
        check: 'Prüfen', run: 'Importieren', close: 'Schließen', done: 'Zählungen importiert: {{reported}} Zeilen gemeldet',
        status: { imported: 'Importiert', validated: 'Geprüft', rejected: 'Nichts importiert' },
        summary: {
          imported: 'Zeilen: {{total}} · gemeldet: {{reported}} (Fundartikel hinzugefügt: {{added}}) · unverändert: {{unchanged}} · abgewiesen: {{rejected}} · ohne Menge: {{skipped}}',
          validated: 'Zeilen: {{total}} · würden gemeldet: {{reported}} · unverändert: {{unchanged}} · abgewiesen: {{rejected}} · ohne Menge: {{skipped}}',
          rejected: 'Abgewiesene Zeilen: {{rejected}} von {{total}}. Korrigieren Sie sie oder wählen Sie „Gültige Zeilen importieren“.',
        },
        ignored: 'Nicht gelesene Spalten: {{columns}}',
        line: 'Zeile', column: 'Spalte', rule: 'Grund',
        more: 'Die ersten {{shown}} von {{total}} abgewiesenen Zeilen werden gezeigt; laden Sie alle herunter.', downloadRejected: 'Abgewiesene Zeilen herunterladen (CSV)',
      },
      columns: { list: 'Liste', warehouse: 'Lager', zone: 'Zone', bin: 'Lagerplatz', item: 'Artikel', lot: 'Charge', serial: 'Seriennummer', unit: 'Einheit', counted: 'gezählt' },
    },
  },
};

export default bundle;
