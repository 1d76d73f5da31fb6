// Translations of the handheld page's additions (en, it, pl, de); the base strings are `scan.*` in i18n/en.ts.
import type { Bundle } from '../i18n/bundle';

const bundle: Bundle = {
  en: {
    scanUi: {
      userMenu: 'User and language', signOut: 'Sign out', undone: 'Undone: the count is back to what it was before', binEmpty: 'Bin empty', notOnList: 'not on this list: it will be added as found', addedFound: 'Added to the list as found', emptyBinLabel: 'Bin {{bin}} empty',
      signOutWaiting_one: '{{count}} report has not reached the server yet. Connect to send it, then sign out.',
      signOutWaiting_other: '{{count}} reports have not reached the server yet. Connect to send them, then sign out.',
    },
  },
  it: {
    scanUi: {
      userMenu: 'Utente e lingua', signOut: 'Esci', undone: 'Annullato: il conteggio è tornato com\'era prima', binEmpty: 'Ubicazione vuota', notOnList: 'non è in questa lista: sarà aggiunto come trovato', addedFound: 'Aggiunto alla lista come trovato', emptyBinLabel: 'Ubicazione {{bin}} vuota',
      signOutWaiting_one: '{{count}} conteggio non è ancora arrivato al server. Connettersi per inviarlo, poi uscire.',
      signOutWaiting_other: '{{count}} conteggi non sono ancora arrivati al server. Connettersi per inviarli, poi uscire.',
    },
  },
  pl: {
    scanUi: {
      userMenu: 'Użytkownik i język', signOut: 'Wyloguj', undone: 'Cofnięto: liczenie wróciło do stanu sprzed zgłoszenia', binEmpty: 'Lokalizacja pusta', notOnList: 'nie ma go na tej liście: zostanie dodany jako znaleziony', addedFound: 'Dodano do listy jako znaleziony', emptyBinLabel: 'Lokalizacja {{bin}} pusta',
      signOutWaiting_one: '{{count}} zgłoszenie nie dotarło jeszcze do serwera. Połącz się, aby je wysłać, a potem wyloguj.',
      signOutWaiting_few: '{{count}} zgłoszenia nie dotarły jeszcze do serwera. Połącz się, aby je wysłać, a potem wyloguj.',
      signOutWaiting_many: '{{count}} zgłoszeń nie dotarło jeszcze do serwera. Połącz się, aby je wysłać, a potem wyloguj.',
      signOutWaiting_other: '{{count}} zgłoszenia nie dotarło jeszcze do serwera. Połącz się, aby je wysłać, a potem wyloguj.',
    },
  },
  de: {
    scanUi: {
      userMenu: 'Benutzer und Sprache', signOut: 'Abmelden', undone: 'Rückgängig gemacht: die Zählung ist wieder wie vorher', binEmpty: 'Lagerplatz leer', notOnList: 'nicht auf dieser Liste: wird als Fund hinzugefügt', addedFound: 'Als Fund zur Liste hinzugefügt', emptyBinLabel: 'Lagerplatz {{bin}} leer',
      signOutWaiting_one: '{{count}} Zählmeldung hat den Server noch nicht erreicht. Verbinden, um sie zu senden, dann abmelden.',
      signOutWaiting_other: '{{count}} Zählmeldungen haben den Server noch nicht erreicht. Verbinden, um sie zu senden, dann abmelden.',
    },
  },
};
export default bundle;
