// Translations of the back-office count entry (en, it, pl, de); top-level keys are this feature's own.
import type { Bundle } from '../../i18n/bundle';

const en = {
  countEntry: {
    tabLines: 'Lines', tabEntry: 'Enter counts',
    progress: '{{done}} of {{total}} lines reported', onlyOpen: 'Open lines only',
    mode: { add: 'Cumulative: entries are added', replace: 'Single: an entry replaces the count' },
    keys: 'Type the counted quantity and press Enter to save and go to the next open line. Tab or ↑/↓ move, Esc clears the entry.',
    notCounting: 'This list takes no counts in its current status.',
    lotSerial: 'Lot / serial', runningTotal: 'Counted so far', counted: 'Counted', countedLine: 'Counted quantity, line {{line}}',
    empty: 'Empty', emptyConfirmed: 'Confirmed empty', saved: 'Saved', notSaved: 'Not saved',
    replaces: 'Replaces {{quantity}}', adds: 'Adds to the total',
    negativeResult: 'The counted quantity would fall below zero (counted so far: {{previous}})',
    serialQuantity: 'A serial number is counted as 0 or 1',
    decisionNeeded: 'The server asks whether to add or replace: enter the line again',
    foundTitle: 'Add found item', item: 'Item', place: 'Place', lot: 'Lot', serial: 'Serial number', foundAdd: 'Add to the list',
    foundAdded: 'Found item added to the list as line {{line}}', foundOnLine: 'Already on the list: counted on line {{line}}',
  },
};

const it = {
  countEntry: {
    tabLines: 'Righe', tabEntry: 'Inserisci conteggi',
    progress: '{{done}} di {{total}} righe rilevate', onlyOpen: 'Solo righe aperte',
    mode: { add: 'Cumulativo: le quantità si sommano', replace: 'Singolo: una nuova quantità sostituisce il conteggio' },
    keys: 'Digita la quantità contata e premi Invio per salvare e passare alla riga aperta successiva. Tab o ↑/↓ per spostarsi, Esc cancella.',
    notCounting: 'Nello stato attuale questa lista non accetta conteggi.',
    lotSerial: 'Lotto / matricola', runningTotal: 'Contato finora', counted: 'Contato', countedLine: 'Quantità contata, riga {{line}}',
    empty: 'Vuota', emptyConfirmed: 'Confermata vuota', saved: 'Salvato', notSaved: 'Non salvato',
    replaces: 'Sostituisce {{quantity}}', adds: 'Si aggiunge al totale',
    negativeResult: 'La quantità contata scenderebbe sotto zero (contato finora: {{previous}})',
    serialQuantity: 'Una matricola si conta come 0 o 1',
    decisionNeeded: 'Il server chiede se sommare o sostituire: reinserisci la riga',
    foundTitle: 'Aggiungi articolo trovato', item: 'Articolo', place: 'Ubicazione', lot: 'Lotto', serial: 'Matricola', foundAdd: 'Aggiungi alla lista',
    foundAdded: 'Articolo trovato aggiunto alla lista come riga {{line}}', foundOnLine: 'Già nella lista: contato alla riga {{line}}',
  },
};

const pl = {
  countEntry: {
    tabLines: 'Pozycje', tabEntry: 'Wprowadź spis',
    progress: 'Zgłoszono {{done}} z {{total}} pozycji', onlyOpen: 'Tylko otwarte pozycje',
    mode: { add: 'Kumulatywnie: ilości są sumowane', replace: 'Pojedynczo: nowa ilość zastępuje spis' },
    keys: 'Wpisz policzoną ilość i naciśnij Enter, aby zapisać i przejść do następnej otwartej pozycji. Tab lub ↑/↓ przenoszą, Esc czyści.',
    notCounting: 'W obecnym statusie ta lista nie przyjmuje spisu.',
    lotSerial: 'Partia / numer seryjny', runningTotal: 'Policzono dotąd', counted: 'Policzono', countedLine: 'Policzona ilość, pozycja {{line}}',
    empty: 'Pusta', emptyConfirmed: 'Potwierdzono pustą', saved: 'Zapisano', notSaved: 'Nie zapisano',
    replaces: 'Zastępuje {{quantity}}', adds: 'Dodaje do sumy',
    negativeResult: 'Policzona ilość spadłaby poniżej zera (policzono dotąd: {{previous}})',
    serialQuantity: 'Numer seryjny liczy się jako 0 lub 1',
    decisionNeeded: 'Serwer pyta, czy dodać, czy zastąpić: wprowadź pozycję ponownie',
    foundTitle: 'Dodaj znaleziony towar', item: 'Towar', place: 'Lokalizacja', lot: 'Partia', serial: 'Numer seryjny', foundAdd: 'Dodaj do listy',
    foundAdded: 'Znaleziony towar dodano do listy jako pozycję {{line}}', foundOnLine: 'Już na liście: policzono w pozycji {{line}}',
  },
};

const de = {
  countEntry: {
    tabLines: 'Positionen', tabEntry: 'Zählergebnisse erfassen',
    progress: '{{done}} von {{total}} Positionen gemeldet', onlyOpen: 'Nur offene Positionen',
    mode: { add: 'Kumulativ: Eingaben werden addiert', replace: 'Einzeln: eine Eingabe ersetzt die Zählung' },
    keys: 'Gezählte Menge eingeben und mit Enter speichern und zur nächsten offenen Position springen. Tab oder ↑/↓ wechseln, Esc leert die Eingabe.',
    notCounting: 'Diese Zählliste nimmt in ihrem aktuellen Status keine Zählergebnisse an.',
    lotSerial: 'Charge / Seriennummer', runningTotal: 'Bisher gezählt', counted: 'Gezählt', countedLine: 'Gezählte Menge, Position {{line}}',
    empty: 'Leer', emptyConfirmed: 'Als leer bestätigt', saved: 'Gespeichert', notSaved: 'Nicht gespeichert',
    replaces: 'Ersetzt {{quantity}}', adds: 'Wird zur Summe addiert',
    negativeResult: 'Die gezählte Menge würde unter null fallen (bisher gezählt: {{previous}})',
    serialQuantity: 'Eine Seriennummer wird mit 0 oder 1 gezählt',
    decisionNeeded: 'Der Server fragt, ob addiert oder ersetzt werden soll: Position erneut eingeben',
    foundTitle: 'Gefundenen Artikel hinzufügen', item: 'Artikel', place: 'Lagerplatz', lot: 'Charge', serial: 'Seriennummer', foundAdd: 'Zur Liste hinzufügen',
    foundAdded: 'Gefundener Artikel als Position {{line}} zur Liste hinzugefügt', foundOnLine: 'Bereits auf der Liste: auf Position {{line}} gezählt',
  },
};

const bundle: Bundle = { en, it, pl, de };
export default bundle;
