// Translations of this feature (en, it, pl, de); top-level keys are this feature's own.
import type { Bundle } from '../../i18n/bundle';

const en = {
  placesUi: {
    owners: 'Stock owners', site: 'Site', warehouseCol: 'Warehouse', zoneCol: 'Zone', allSites: 'All sites', allKinds: 'All kinds',
    searchCodeName: 'Search code or name', codeHint: '1–20 letters, digits, _ . -', confirmDelete: 'Delete for good?', deleted: 'Deleted',
    siteFixed: 'A warehouse stays in its site', warehouseFixed: 'A zone stays in its warehouse', zoneFixed: 'A bin stays in its zone',
    structuredWarehousesOnly: 'Only structured warehouses have zones', pickWarehouseFirst: 'Pick a warehouse first', codePrefix: 'Code starts with…',
    siteForm: { new: 'New site', edit: 'Site {{code}}' },
    ownerForm: { new: 'New stock owner', edit: 'Stock owner {{code}}' },
    warehouse: { new: 'New warehouse', edit: 'Warehouse {{code}}' },
    zone: { new: 'New zone', edit: 'Zone {{code}}' },
    physical: 'Physically', physicalKind: { internal: 'Internal', external: 'External' },
    responsible: 'Responsible employee', allowNegative: 'Negative stock', allowNegativeHelp: 'Postings may take stock below zero',
    costCentre: 'Cost centre', costCentreHelp: 'Up to 20 characters; an inventory’s cost centre overrides it',
    kindHelp: {
      structured: 'Divided into zones and bins; counted by bin or by zone',
      unstructured: 'Stock kept per warehouse, without zones or bins',
      virtual: 'Never counted (e.g. goods in transit)',
    },
    organisationKind: { high_bay: 'High-bay racking', block: 'Block storage', places_only: 'Places only' },
    organisationHelp: { high_bay: 'Bin code [aisle-]row-level-place', block: 'Bin code [aisle-]row-place', places_only: 'Bin code place' },
    usageKind: { normal: 'Normal', inventory_differences: 'Inventory differences' },
    usageHelp: {
      normal: 'Stock is kept and counted here',
      inventory_differences: 'Receives the count differences when an inventory closes; at most one per warehouse, without bins',
    },
    structuredZone: 'Has bins', structuredZoneHelp: 'On: counted by bin; off: stock per zone (item lists)',
    differencesNoBins: 'An inventory-differences zone has no bins: switch “Has bins” off',
    bin: {
      new: 'New bin', edit: 'Bin {{code}}', code: 'Bin code', saved: 'Bin {{code}} saved', all: 'All', free: 'Not blocked', block: 'Block', unblock: 'Unblock',
      blockSelected: 'Block selected ({{n}})', unblockSelected: 'Unblock selected ({{n}})',
      blockedN_one: '{{n}} bin blocked', blockedN_other: '{{n}} bins blocked', unblockedN_one: '{{n}} bin unblocked', unblockedN_other: '{{n}} bins unblocked',
      barcodeHelp: 'Label barcode scanned instead of the code (optional)', blockedHelp: 'No stock movements into or out of a blocked bin',
    },
    range: {
      from: 'From', to: 'To', optional: 'optional',
      help: 'numbers keep the zero padding of “From” (01–12 → 01, 02 … 12) or single letters (A–F)',
      element: '1–10 letters or digits', kind: 'Both numbers (01–12) or both single letters (A–F)', before: 'Must not be before {{from}}',
      tooLarge: 'At most {{max}} values', tooMany: 'At most {{max}} bins in one go',
    },
    bulk: {
      open: 'Bins in bulk', title: 'Create bins in bulk', structuredOnly: 'Zones with bins only', noStructuredZone: 'This warehouse has no zone with bins',
      skipExisting: 'Skip bins that already exist', skipExistingHelp: 'Keep existing bins unchanged instead of refusing the whole range',
      count_one: '= {{n}} bin: {{first}}', count_other: '= {{n}} bins: {{first}} … {{last}}',
      preview: 'Preview', create: 'Create bins', createN: 'Create {{n}} bins', previewTitle: 'Preview (nothing created yet)',
      previewLine: 'To create: {{n}} · first {{first}} · last {{last}}', previewExisting: 'Already existing, kept: {{n}}',
      creating: 'Creating {{n}} bins in one transaction…', result: 'Created: {{created}} · already existing, kept: {{skipped}} · {{first}} … {{last}}',
    },
  },
};

const it = {
  placesUi: {
    owners: 'Proprietari dello stock', site: 'Sede', warehouseCol: 'Magazzino', zoneCol: 'Zona', allSites: 'Tutte le sedi', allKinds: 'Tutti i tipi',
    searchCodeName: 'Cerca codice o nome', codeHint: '1–20 lettere, cifre, _ . -', confirmDelete: 'Eliminare definitivamente?', deleted: 'Eliminato',
    siteFixed: 'Un magazzino resta nella sua sede', warehouseFixed: 'Una zona resta nel suo magazzino', zoneFixed: 'Un’ubicazione resta nella sua zona',
    structuredWarehousesOnly: 'Solo i magazzini strutturati hanno zone', pickWarehouseFirst: 'Scegli prima un magazzino', codePrefix: 'Il codice inizia con…',
    siteForm: { new: 'Nuova sede', edit: 'Sede {{code}}' },
    ownerForm: { new: 'Nuovo proprietario', edit: 'Proprietario {{code}}' },
    warehouse: { new: 'Nuovo magazzino', edit: 'Magazzino {{code}}' },
    zone: { new: 'Nuova zona', edit: 'Zona {{code}}' },
    physical: 'Fisicamente', physicalKind: { internal: 'Interno', external: 'Esterno' },
    responsible: 'Responsabile', allowNegative: 'Giacenza negativa', allowNegativeHelp: 'I movimenti possono portare la giacenza sotto zero',
    costCentre: 'Centro di costo', costCentreHelp: 'Fino a 20 caratteri; quello dell’inventario ha la precedenza',
    kindHelp: {
      structured: 'Diviso in zone e ubicazioni; conteggio per ubicazione o per zona',
      unstructured: 'Giacenza per magazzino, senza zone né ubicazioni',
      virtual: 'Mai inventariato (es. merce in transito)',
    },
    organisationKind: { high_bay: 'Scaffalature (magazzino verticale)', block: 'Stoccaggio a blocchi', places_only: 'Solo posti' },
    organisationHelp: { high_bay: 'Codice ubicazione [corsia-]fila-piano-posto', block: 'Codice ubicazione [corsia-]fila-posto', places_only: 'Codice ubicazione posto' },
    usageKind: { normal: 'Normale', inventory_differences: 'Differenze inventariali' },
    usageHelp: {
      normal: 'Qui si tiene e si conta la merce',
      inventory_differences: 'Riceve le differenze di conteggio alla chiusura dell’inventario; al massimo una per magazzino, senza ubicazioni',
    },
    structuredZone: 'Con ubicazioni', structuredZoneHelp: 'Sì: conteggio per ubicazione; no: giacenza per zona (liste per articolo)',
    differencesNoBins: 'Una zona differenze inventariali non ha ubicazioni: disattiva «Con ubicazioni»',
    bin: {
      new: 'Nuova ubicazione', edit: 'Ubicazione {{code}}', code: 'Codice ubicazione', saved: 'Ubicazione {{code}} salvata', all: 'Tutte', free: 'Non bloccate',
      block: 'Blocca', unblock: 'Sblocca', blockSelected: 'Blocca selezionate ({{n}})', unblockSelected: 'Sblocca selezionate ({{n}})',
      blockedN_one: '{{n}} ubicazione bloccata', blockedN_other: '{{n}} ubicazioni bloccate', unblockedN_one: '{{n}} ubicazione sbloccata', unblockedN_other: '{{n}} ubicazioni sbloccate',
      barcodeHelp: 'Codice a barre dell’etichetta, letto al posto del codice (facoltativo)', blockedHelp: 'Nessun movimento da o verso un’ubicazione bloccata',
    },
    range: {
      from: 'Da', to: 'A', optional: 'facoltativo',
      help: 'i numeri mantengono gli zeri iniziali di «Da» (01–12 → 01, 02 … 12) oppure singole lettere (A–F)',
      element: '1–10 lettere o cifre', kind: 'Entrambi numeri (01–12) o entrambi singole lettere (A–F)', before: 'Non può precedere {{from}}',
      tooLarge: 'Al massimo {{max}} valori', tooMany: 'Al massimo {{max}} ubicazioni alla volta',
    },
    bulk: {
      open: 'Ubicazioni in serie', title: 'Crea ubicazioni in serie', structuredOnly: 'Solo zone con ubicazioni', noStructuredZone: 'Questo magazzino non ha zone con ubicazioni',
      skipExisting: 'Salta le ubicazioni già esistenti', skipExistingHelp: 'Lascia invariate quelle esistenti invece di rifiutare l’intero intervallo',
      count_one: '= {{n}} ubicazione: {{first}}', count_other: '= {{n}} ubicazioni: {{first}} … {{last}}',
      preview: 'Anteprima', create: 'Crea ubicazioni', createN: 'Crea {{n}} ubicazioni', previewTitle: 'Anteprima (ancora nulla creato)',
      previewLine: 'Da creare: {{n}} · prima {{first}} · ultima {{last}}', previewExisting: 'Già esistenti, mantenute: {{n}}',
      creating: 'Creazione di {{n}} ubicazioni in un’unica transazione…', result: 'Create: {{created}} · già esistenti, mantenute: {{skipped}} · {{first}} … {{last}}',
    },
  },
};

const pl = {
  placesUi: {
    owners: 'Właściciele zapasów', site: 'Oddział', warehouseCol: 'Magazyn', zoneCol: 'Strefa', allSites: 'Wszystkie oddziały', allKinds: 'Wszystkie rodzaje',
    searchCodeName: 'Szukaj kodu lub nazwy', codeHint: '1–20 liter, cyfr, _ . -', confirmDelete: 'Usunąć na stałe?', deleted: 'Usunięto',
    siteFixed: 'Magazyn pozostaje w swoim oddziale', warehouseFixed: 'Strefa pozostaje w swoim magazynie', zoneFixed: 'Lokalizacja pozostaje w swojej strefie',
    structuredWarehousesOnly: 'Strefy mają tylko magazyny strukturalne', pickWarehouseFirst: 'Najpierw wybierz magazyn', codePrefix: 'Kod zaczyna się od…',
    siteForm: { new: 'Nowy oddział', edit: 'Oddział {{code}}' },
    ownerForm: { new: 'Nowy właściciel zapasów', edit: 'Właściciel zapasów {{code}}' },
    warehouse: { new: 'Nowy magazyn', edit: 'Magazyn {{code}}' },
    zone: { new: 'Nowa strefa', edit: 'Strefa {{code}}' },
    physical: 'Fizycznie', physicalKind: { internal: 'Wewnętrzny', external: 'Zewnętrzny' },
    responsible: 'Osoba odpowiedzialna', allowNegative: 'Stan ujemny', allowNegativeHelp: 'Księgowania mogą obniżyć stan poniżej zera',
    costCentre: 'Centrum kosztów', costCentreHelp: 'Do 20 znaków; centrum kosztów inwentaryzacji ma pierwszeństwo',
    kindHelp: {
      structured: 'Podzielony na strefy i lokalizacje; liczony według lokalizacji lub strefy',
      unstructured: 'Stan prowadzony na poziomie magazynu, bez stref i lokalizacji',
      virtual: 'Nigdy nie inwentaryzowany (np. towar w drodze)',
    },
    organisationKind: { high_bay: 'Regały wysokiego składowania', block: 'Składowanie blokowe', places_only: 'Tylko miejsca' },
    organisationHelp: { high_bay: 'Kod lokalizacji [alejka-]rząd-poziom-miejsce', block: 'Kod lokalizacji [alejka-]rząd-miejsce', places_only: 'Kod lokalizacji miejsce' },
    usageKind: { normal: 'Zwykła', inventory_differences: 'Różnice inwentaryzacyjne' },
    usageHelp: {
      normal: 'Tu przechowuje się i liczy zapasy',
      inventory_differences: 'Przyjmuje różnice spisowe przy zamknięciu inwentaryzacji; najwyżej jedna na magazyn, bez lokalizacji',
    },
    structuredZone: 'Ma lokalizacje', structuredZoneHelp: 'Wł.: liczenie według lokalizacji; wył.: stan na strefę (listy towarów)',
    differencesNoBins: 'Strefa różnic inwentaryzacyjnych nie ma lokalizacji: wyłącz „Ma lokalizacje”',
    bin: {
      new: 'Nowa lokalizacja', edit: 'Lokalizacja {{code}}', code: 'Kod lokalizacji', saved: 'Zapisano lokalizację {{code}}', all: 'Wszystkie', free: 'Niezablokowane',
      block: 'Zablokuj', unblock: 'Odblokuj', blockSelected: 'Zablokuj zaznaczone ({{n}})', unblockSelected: 'Odblokuj zaznaczone ({{n}})',
      blockedN_one: 'Zablokowano {{n}} lokalizację', blockedN_few: 'Zablokowano {{n}} lokalizacje', blockedN_many: 'Zablokowano {{n}} lokalizacji', blockedN_other: 'Zablokowano {{n}} lokalizacji',
      unblockedN_one: 'Odblokowano {{n}} lokalizację', unblockedN_few: 'Odblokowano {{n}} lokalizacje', unblockedN_many: 'Odblokowano {{n}} lokalizacji', unblockedN_other: 'Odblokowano {{n}} lokalizacji',
      barcodeHelp: 'Kod kreskowy etykiety, skanowany zamiast kodu (opcjonalnie)', blockedHelp: 'Brak ruchów do i z zablokowanej lokalizacji',
    },
    range: {
      from: 'Od', to: 'Do', optional: 'opcjonalnie',
      help: 'liczby zachowują zera wiodące z „Od” (01–12 → 01, 02 … 12) albo pojedyncze litery (A–F)',
      element: '1–10 liter lub cyfr', kind: 'Obie wartości liczbami (01–12) albo obie pojedynczymi literami (A–F)', before: 'Nie może być przed {{from}}',
      tooLarge: 'Najwyżej {{max}} wartości', tooMany: 'Najwyżej {{max}} lokalizacji naraz',
    },
    bulk: {
      open: 'Lokalizacje seryjnie', title: 'Utwórz lokalizacje seryjnie', structuredOnly: 'Tylko strefy z lokalizacjami', noStructuredZone: 'Ten magazyn nie ma strefy z lokalizacjami',
      skipExisting: 'Pomiń istniejące lokalizacje', skipExistingHelp: 'Zostaw istniejące bez zmian zamiast odrzucać cały zakres',
      count_one: '= {{n}} lokalizacja: {{first}}', count_few: '= {{n}} lokalizacje: {{first}} … {{last}}', count_many: '= {{n}} lokalizacji: {{first}} … {{last}}',
      count_other: '= {{n}} lokalizacji: {{first}} … {{last}}',
      preview: 'Podgląd', create: 'Utwórz lokalizacje', createN: 'Utwórz lokalizacje ({{n}})', previewTitle: 'Podgląd (nic jeszcze nie utworzono)',
      previewLine: 'Do utworzenia: {{n}} · pierwsza {{first}} · ostatnia {{last}}', previewExisting: 'Już istniejące, zachowane: {{n}}',
      creating: 'Tworzenie lokalizacji ({{n}}) w jednej transakcji…', result: 'Utworzono: {{created}} · już istniejące, zachowane: {{skipped}} · {{first}} … {{last}}',
    },
  },
};

const de = {
  placesUi: {
    owners: 'Bestandseigentümer', site: 'Standort', warehouseCol: 'Lager', zoneCol: 'Zone', allSites: 'Alle Standorte', allKinds: 'Alle Arten',
    searchCodeName: 'Code oder Name suchen', codeHint: '1–20 Buchstaben, Ziffern, _ . -', confirmDelete: 'Endgültig löschen?', deleted: 'Gelöscht',
    siteFixed: 'Ein Lager bleibt an seinem Standort', warehouseFixed: 'Eine Zone bleibt in ihrem Lager', zoneFixed: 'Ein Lagerplatz bleibt in seiner Zone',
    structuredWarehousesOnly: 'Nur strukturierte Lager haben Zonen', pickWarehouseFirst: 'Zuerst ein Lager wählen', codePrefix: 'Code beginnt mit…',
    siteForm: { new: 'Neuer Standort', edit: 'Standort {{code}}' },
    ownerForm: { new: 'Neuer Bestandseigentümer', edit: 'Bestandseigentümer {{code}}' },
    warehouse: { new: 'Neues Lager', edit: 'Lager {{code}}' },
    zone: { new: 'Neue Zone', edit: 'Zone {{code}}' },
    physical: 'Physisch', physicalKind: { internal: 'Intern', external: 'Extern' },
    responsible: 'Verantwortlicher Mitarbeiter', allowNegative: 'Negativbestand', allowNegativeHelp: 'Buchungen dürfen den Bestand unter null bringen',
    costCentre: 'Kostenstelle', costCentreHelp: 'Bis 20 Zeichen; die Kostenstelle der Inventur hat Vorrang',
    kindHelp: {
      structured: 'In Zonen und Lagerplätze gegliedert; gezählt nach Lagerplatz oder Zone',
      unstructured: 'Bestand je Lager, ohne Zonen und Lagerplätze',
      virtual: 'Wird nie gezählt (z. B. Ware unterwegs)',
    },
    organisationKind: { high_bay: 'Hochregal', block: 'Blocklager', places_only: 'Nur Plätze' },
    organisationHelp: { high_bay: 'Lagerplatzcode [Gang-]Reihe-Ebene-Platz', block: 'Lagerplatzcode [Gang-]Reihe-Platz', places_only: 'Lagerplatzcode Platz' },
    usageKind: { normal: 'Normal', inventory_differences: 'Inventurdifferenzen' },
    usageHelp: {
      normal: 'Hier wird Bestand gelagert und gezählt',
      inventory_differences: 'Nimmt beim Abschluss der Inventur die Zähldifferenzen auf; höchstens eine je Lager, ohne Lagerplätze',
    },
    structuredZone: 'Mit Lagerplätzen', structuredZoneHelp: 'Ein: Zählung je Lagerplatz; aus: Bestand je Zone (Artikellisten)',
    differencesNoBins: 'Eine Inventurdifferenzen-Zone hat keine Lagerplätze: „Mit Lagerplätzen“ ausschalten',
    bin: {
      new: 'Neuer Lagerplatz', edit: 'Lagerplatz {{code}}', code: 'Lagerplatzcode', saved: 'Lagerplatz {{code}} gespeichert', all: 'Alle', free: 'Nicht gesperrt',
      block: 'Sperren', unblock: 'Entsperren', blockSelected: 'Markierte sperren ({{n}})', unblockSelected: 'Markierte entsperren ({{n}})',
      blockedN_one: '{{n}} Lagerplatz gesperrt', blockedN_other: '{{n}} Lagerplätze gesperrt', unblockedN_one: '{{n}} Lagerplatz entsperrt', unblockedN_other: '{{n}} Lagerplätze entsperrt',
      barcodeHelp: 'Etiketten-Barcode, wird statt des Codes gescannt (optional)', blockedHelp: 'Keine Bewegungen in oder aus einem gesperrten Lagerplatz',
    },
    range: {
      from: 'Von', to: 'Bis', optional: 'optional',
      help: 'Zahlen behalten die führenden Nullen von „Von“ (01–12 → 01, 02 … 12), oder einzelne Buchstaben (A–F)',
      element: '1–10 Buchstaben oder Ziffern', kind: 'Beide Zahlen (01–12) oder beide einzelne Buchstaben (A–F)', before: 'Darf nicht vor {{from}} liegen',
      tooLarge: 'Höchstens {{max}} Werte', tooMany: 'Höchstens {{max}} Lagerplätze auf einmal',
    },
    bulk: {
      open: 'Lagerplätze in Serie', title: 'Lagerplätze in Serie anlegen', structuredOnly: 'Nur Zonen mit Lagerplätzen', noStructuredZone: 'Dieses Lager hat keine Zone mit Lagerplätzen',
      skipExisting: 'Vorhandene Lagerplätze überspringen', skipExistingHelp: 'Vorhandene unverändert lassen statt den ganzen Bereich abzulehnen',
      count_one: '= {{n}} Lagerplatz: {{first}}', count_other: '= {{n}} Lagerplätze: {{first}} … {{last}}',
      preview: 'Vorschau', create: 'Lagerplätze anlegen', createN: '{{n}} Lagerplätze anlegen', previewTitle: 'Vorschau (noch nichts angelegt)',
      previewLine: 'Anzulegen: {{n}} · erster {{first}} · letzter {{last}}', previewExisting: 'Bereits vorhanden, bleiben: {{n}}',
      creating: '{{n}} Lagerplätze werden in einer Transaktion angelegt…', result: 'Angelegt: {{created}} · bereits vorhanden, geblieben: {{skipped}} · {{first}} … {{last}}',
    },
  },
};

const bundle: Bundle = { en, it, pl, de };
export default bundle;
