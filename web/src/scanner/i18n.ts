// Translations of the handheld page's additions (en, it, pl, de); the base strings are `scan.*` in i18n/en.ts.
import type { Bundle } from '../i18n/bundle';

const bundle: Bundle = {
  en: {
    scanUi: {
      scanZone: 'Scan or pick the zone', scanBinOrZone: 'Scan the bin or the zone', zoneLabel: 'Zone {{zone}}', binLabel: 'Bin {{bin}}', zoneSet: 'Zone {{zone}}: counting on the zone (no bin)',
      unknownPlace: 'No bin or zone {{code}} in this list’s warehouse', zoneHasBins: 'Zone {{zone}} has bins: scan the bin',
      placeNotOnList: '{{place}} is not on this list.', otherListHas: 'Count list {{list}} has it.', foundHere: 'Count here anyway? What you find is added to this list as found items.',
      checkedWhenSent: '(Offline: the server checks it when the reports are sent.)', binListOwnBins: 'This bin list takes only its own bins: scan a bin of the list.',
      countHere: 'Count here', scanOtherPlace: 'Scan another place', countingHere: 'Counting at {{place}} (not on the list): items are added as found', decidePlaceFirst: 'Count here or scan another place first',
      notExpectedHere: 'not expected here: it will be added as a found item', foundBadge: 'found item', queuedFound: 'It will be added to the list as a found item.',
      recordedQty: 'Recorded: {{quantity}}', addedFoundOther_place: 'added as a found item; count list {{list}} also counts this place', addedFoundOther_item: 'added as a found item; count list {{list}} counts this item elsewhere',
      userMenu: 'User and language', signOut: 'Sign out', undone: 'Undone: the count is back to what it was before', binEmpty: 'Bin empty', notOnList: 'not on this list: it will be added as found', addedFound: 'added to the list as a found item', emptyBinLabel: 'Bin {{bin}} empty',
      signOutWaiting_one: '{{count}} report has not reached the server yet. Connect to send it, then sign out.',
      signOutWaiting_other: '{{count}} reports have not reached the server yet. Connect to send them, then sign out.',
    },
  },
  it: {
    scanUi: {
      scanZone: 'Leggere o scegliere la zona', scanBinOrZone: "Leggere l'ubicazione o la zona", zoneLabel: 'Zona {{zone}}', binLabel: 'Ubicazione {{bin}}', zoneSet: 'Zona {{zone}}: si conta sulla zona (senza ubicazione)',
      unknownPlace: 'Nessuna ubicazione o zona {{code}} nel magazzino di questa lista', zoneHasBins: "La zona {{zone}} ha ubicazioni: leggere l'ubicazione",
      placeNotOnList: '{{place}} non è in questa lista.', otherListHas: 'È nella lista di conteggio {{list}}.', foundHere: 'Contare qui comunque? Ciò che si trova viene aggiunto a questa lista come trovato.',
      checkedWhenSent: "(Offline: il server lo verifica quando i conteggi vengono inviati.)", binListOwnBins: "Questa lista per ubicazione accetta solo le proprie ubicazioni: leggere un'ubicazione della lista.",
      countHere: 'Contare qui', scanOtherPlace: "Leggere un'altra ubicazione", countingHere: 'Si conta in {{place}} (non in lista): gli articoli vengono aggiunti come trovati', decidePlaceFirst: "Prima scegliere: contare qui o leggere un'altra ubicazione",
      notExpectedHere: 'non previsto qui: sarà aggiunto come articolo trovato', foundBadge: 'articolo trovato', queuedFound: 'Sarà aggiunto alla lista come articolo trovato.',
      recordedQty: 'Registrato: {{quantity}}', addedFoundOther_place: 'aggiunto come articolo trovato; anche la lista {{list}} conta questa ubicazione', addedFoundOther_item: 'aggiunto come articolo trovato; la lista {{list}} conta questo articolo altrove',
      userMenu: 'Utente e lingua', signOut: 'Esci', undone: 'Annullato: il conteggio è tornato com\'era prima', binEmpty: 'Ubicazione vuota', notOnList: 'non è in questa lista: sarà aggiunto come trovato', addedFound: 'aggiunto alla lista come articolo trovato', emptyBinLabel: 'Ubicazione {{bin}} vuota',
      signOutWaiting_one: '{{count}} conteggio non è ancora arrivato al server. Connettersi per inviarlo, poi uscire.',
      signOutWaiting_other: '{{count}} conteggi non sono ancora arrivati al server. Connettersi per inviarli, poi uscire.',
    },
  },
  pl: {
    scanUi: {
      scanZone: 'Zeskanuj lub wybierz strefę', scanBinOrZone: 'Zeskanuj miejsce składowania lub strefę', zoneLabel: 'Strefa {{zone}}', binLabel: 'Miejsce {{bin}}', zoneSet: 'Strefa {{zone}}: liczenie w strefie (bez miejsca składowania)',
      unknownPlace: 'Brak miejsca lub strefy {{code}} w magazynie tego arkusza', zoneHasBins: 'Strefa {{zone}} ma miejsca składowania: zeskanuj miejsce',
      placeNotOnList: '{{place}} nie jest na tym arkuszu.', otherListHas: 'Jest na arkuszu spisowym {{list}}.', foundHere: 'Liczyć tu mimo to? Znalezione pozycje zostaną dodane do tego arkusza jako znalezione.',
      checkedWhenSent: '(Offline: serwer sprawdzi to przy wysyłaniu zgłoszeń.)', binListOwnBins: 'Ten arkusz miejsc przyjmuje tylko własne miejsca: zeskanuj miejsce z arkusza.',
      countHere: 'Licz tutaj', scanOtherPlace: 'Zeskanuj inne miejsce', countingHere: 'Liczenie w: {{place}} (poza arkuszem): pozycje są dodawane jako znalezione', decidePlaceFirst: 'Najpierw wybierz: licz tutaj lub zeskanuj inne miejsce',
      notExpectedHere: 'nieoczekiwany tutaj: zostanie dodany jako znaleziony', foundBadge: 'pozycja znaleziona', queuedFound: 'Zostanie dodany do arkusza jako znaleziony.',
      recordedQty: 'Zapisano: {{quantity}}', addedFoundOther_place: 'dodano jako znaleziony; arkusz {{list}} też obejmuje to miejsce', addedFoundOther_item: 'dodano jako znaleziony; arkusz {{list}} liczy ten towar gdzie indziej',
      userMenu: 'Użytkownik i język', signOut: 'Wyloguj', undone: 'Cofnięto: liczenie wróciło do stanu sprzed zgłoszenia', binEmpty: 'Lokalizacja pusta', notOnList: 'nie ma go na tej liście: zostanie dodany jako znaleziony', addedFound: 'dodano do arkusza jako znaleziony', emptyBinLabel: 'Lokalizacja {{bin}} pusta',
      signOutWaiting_one: '{{count}} zgłoszenie nie dotarło jeszcze do serwera. Połącz się, aby je wysłać, a potem wyloguj.',
      signOutWaiting_few: '{{count}} zgłoszenia nie dotarły jeszcze do serwera. Połącz się, aby je wysłać, a potem wyloguj.',
      signOutWaiting_many: '{{count}} zgłoszeń nie dotarło jeszcze do serwera. Połącz się, aby je wysłać, a potem wyloguj.',
      signOutWaiting_other: '{{count}} zgłoszenia nie dotarło jeszcze do serwera. Połącz się, aby je wysłać, a potem wyloguj.',
    },
  },
  de: {
    scanUi: {
      scanZone: 'Zone scannen oder wählen', scanBinOrZone: 'Lagerplatz oder Zone scannen', zoneLabel: 'Zone {{zone}}', binLabel: 'Lagerplatz {{bin}}', zoneSet: 'Zone {{zone}}: gezählt wird auf der Zone (ohne Lagerplatz)',
      unknownPlace: 'Kein Lagerplatz und keine Zone {{code}} im Lager dieser Liste', zoneHasBins: 'Zone {{zone}} hat Lagerplätze: den Lagerplatz scannen',
      placeNotOnList: '{{place}} ist nicht auf dieser Liste.', otherListHas: 'Zählliste {{list}} enthält ihn.', foundHere: 'Trotzdem hier zählen? Was gefunden wird, kommt als Fund auf diese Liste.',
      checkedWhenSent: '(Offline: der Server prüft es beim Senden der Zählmeldungen.)', binListOwnBins: 'Diese Lagerplatzliste nimmt nur ihre eigenen Lagerplätze: einen Lagerplatz der Liste scannen.',
      countHere: 'Hier zählen', scanOtherPlace: 'Anderen Ort scannen', countingHere: 'Gezählt wird auf {{place}} (nicht auf der Liste): Artikel kommen als Fund hinzu', decidePlaceFirst: 'Zuerst entscheiden: hier zählen oder anderen Ort scannen',
      notExpectedHere: 'hier nicht erwartet: wird als Fund hinzugefügt', foundBadge: 'Fund', queuedFound: 'Er wird als Fund zur Liste hinzugefügt.',
      recordedQty: 'Erfasst: {{quantity}}', addedFoundOther_place: 'als Fund hinzugefügt; Zählliste {{list}} zählt diesen Ort auch', addedFoundOther_item: 'als Fund hinzugefügt; Zählliste {{list}} zählt diesen Artikel an anderer Stelle',
      userMenu: 'Benutzer und Sprache', signOut: 'Abmelden', undone: 'Rückgängig gemacht: die Zählung ist wieder wie vorher', binEmpty: 'Lagerplatz leer', notOnList: 'nicht auf dieser Liste: wird als Fund hinzugefügt', addedFound: 'als Fund zur Liste hinzugefügt', emptyBinLabel: 'Lagerplatz {{bin}} leer',
      signOutWaiting_one: '{{count}} Zählmeldung hat den Server noch nicht erreicht. Verbinden, um sie zu senden, dann abmelden.',
      signOutWaiting_other: '{{count}} Zählmeldungen haben den Server noch nicht erreicht. Verbinden, um sie zu senden, dann abmelden.',
    },
  },
};
export default bundle;
