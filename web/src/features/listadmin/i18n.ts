// Translations of count-list administration (reassign, manual close) (en, it, pl, de).
import type { Bundle } from '../../i18n/bundle';

const bundle: Bundle = {
  en: {
    listAdmin: {
      reassign: {
        action: 'Reassign…', title: 'Reassign count lists',
        lists_one: '{{count}} selected count list', lists_other: '{{count}} selected count lists',
        user: 'New responsible counter', userHelp: 'The counter sees the lists on the handheld from now on; the previous one no longer does.',
        run: 'Reassign', done_one: '{{count}} count list reassigned to {{user}}', done_other: '{{count}} count lists reassigned to {{user}}',
        userNotEligible: 'This employee is not an active user of the count list’s site.',
        noUsers: 'No active counters',
      },
      manualClose: {
        action: 'Close manually…', title: 'Close count lists manually',
        lists_one: '{{count}} selected count list', lists_other: '{{count}} selected count lists',
        help: 'The list is closed without posting any difference. Its reports are kept and its stock locks are released.',
        reason: 'Reason', reasonHelp: 'Kept on the list, e.g. “counted in the wrong warehouse”.',
        next: 'Close manually…', back: 'Back',
        confirm_one: 'Close {{count}} count list without posting its differences? This cannot be undone.',
        confirm_other: 'Close {{count}} count lists without posting their differences? This cannot be undone.',
        run: 'Close without posting',
        done_one: '{{count}} count list closed manually', done_other: '{{count}} count lists closed manually',
        failed: 'Not closed:',
      },
    },
  },
  it: {
    listAdmin: {
      reassign: {
        action: 'Riassegna…', title: 'Riassegna liste di conteggio',
        lists_one: '{{count}} lista di conteggio selezionata', lists_other: '{{count}} liste di conteggio selezionate',
        user: 'Nuovo contatore responsabile', userHelp: 'Da ora il contatore vede le liste sul terminale; il precedente non più.',
        run: 'Riassegna', done_one: '{{count}} lista di conteggio riassegnata a {{user}}', done_other: '{{count}} liste di conteggio riassegnate a {{user}}',
        userNotEligible: 'Questo dipendente non è un utente attivo della sede della lista di conteggio.',
        noUsers: 'Nessun contatore attivo',
      },
      manualClose: {
        action: 'Chiudi manualmente…', title: 'Chiusura manuale delle liste di conteggio',
        lists_one: '{{count}} lista di conteggio selezionata', lists_other: '{{count}} liste di conteggio selezionate',
        help: 'La lista viene chiusa senza registrare alcuna differenza. I conteggi restano memorizzati e i blocchi di magazzino vengono rilasciati.',
        reason: 'Motivo', reasonHelp: 'Resta sulla lista, ad es. “contato nel magazzino sbagliato”.',
        next: 'Chiudi manualmente…', back: 'Indietro',
        confirm_one: 'Chiudere {{count}} lista di conteggio senza registrarne le differenze? L’operazione non è annullabile.',
        confirm_other: 'Chiudere {{count}} liste di conteggio senza registrarne le differenze? L’operazione non è annullabile.',
        run: 'Chiudi senza registrare',
        done_one: '{{count}} lista di conteggio chiusa manualmente', done_other: '{{count}} liste di conteggio chiuse manualmente',
        failed: 'Non chiuse:',
      },
    },
  },
  pl: {
    listAdmin: {
      reassign: {
        action: 'Przypisz ponownie…', title: 'Zmiana osoby odpowiedzialnej za arkusze spisowe',
        lists_one: '{{count}} wybrany arkusz spisowy', lists_few: '{{count}} wybrane arkusze spisowe', lists_many: '{{count}} wybranych arkuszy spisowych', lists_other: '{{count}} wybranego arkusza spisowego',
        user: 'Nowy odpowiedzialny liczący', userHelp: 'Od teraz arkusze widzi na terminalu ten liczący; poprzedni już ich nie widzi.',
        run: 'Przypisz',
        done_one: '{{count}} arkusz spisowy przypisano do {{user}}', done_few: '{{count}} arkusze spisowe przypisano do {{user}}', done_many: '{{count}} arkuszy spisowych przypisano do {{user}}', done_other: '{{count}} arkusza spisowego przypisano do {{user}}',
        userNotEligible: 'Ten pracownik nie jest aktywnym użytkownikiem oddziału arkusza spisowego.',
        noUsers: 'Brak aktywnych liczących',
      },
      manualClose: {
        action: 'Zamknij ręcznie…', title: 'Ręczne zamknięcie arkuszy spisowych',
        lists_one: '{{count}} wybrany arkusz spisowy', lists_few: '{{count}} wybrane arkusze spisowe', lists_many: '{{count}} wybranych arkuszy spisowych', lists_other: '{{count}} wybranego arkusza spisowego',
        help: 'Arkusz zostaje zamknięty bez księgowania różnic. Zgłoszenia zostają zachowane, a blokady zapasów zwolnione.',
        reason: 'Powód', reasonHelp: 'Zapisywany w arkuszu, np. „liczono w złym magazynie”.',
        next: 'Zamknij ręcznie…', back: 'Wstecz',
        confirm_one: 'Zamknąć {{count}} arkusz spisowy bez księgowania różnic? Tej operacji nie można cofnąć.',
        confirm_few: 'Zamknąć {{count}} arkusze spisowe bez księgowania różnic? Tej operacji nie można cofnąć.',
        confirm_many: 'Zamknąć {{count}} arkuszy spisowych bez księgowania różnic? Tej operacji nie można cofnąć.',
        confirm_other: 'Zamknąć {{count}} arkusza spisowego bez księgowania różnic? Tej operacji nie można cofnąć.',
        run: 'Zamknij bez księgowania',
        done_one: '{{count}} arkusz spisowy zamknięto ręcznie', done_few: '{{count}} arkusze spisowe zamknięto ręcznie', done_many: '{{count}} arkuszy spisowych zamknięto ręcznie', done_other: '{{count}} arkusza spisowego zamknięto ręcznie',
        failed: 'Nie zamknięto:',
      },
    },
  },
  de: {
    listAdmin: {
      reassign: {
        action: 'Neu zuweisen…', title: 'Zähllisten neu zuweisen',
        lists_one: '{{count}} ausgewählte Zählliste', lists_other: '{{count}} ausgewählte Zähllisten',
        user: 'Neuer verantwortlicher Zähler', userHelp: 'Ab jetzt sieht dieser Zähler die Listen auf dem Handheld, der bisherige nicht mehr.',
        run: 'Zuweisen', done_one: '{{count}} Zählliste {{user}} zugewiesen', done_other: '{{count}} Zähllisten {{user}} zugewiesen',
        userNotEligible: 'Dieser Mitarbeiter ist kein aktiver Benutzer des Standorts der Zählliste.',
        noUsers: 'Keine aktiven Zähler',
      },
      manualClose: {
        action: 'Manuell abschließen…', title: 'Zähllisten manuell abschließen',
        lists_one: '{{count}} ausgewählte Zählliste', lists_other: '{{count}} ausgewählte Zähllisten',
        help: 'Die Liste wird abgeschlossen, ohne Differenzen zu buchen. Die Zählmeldungen bleiben erhalten, die Bestandssperren werden aufgehoben.',
        reason: 'Grund', reasonHelp: 'Wird an der Liste gespeichert, z. B. „im falschen Lager gezählt“.',
        next: 'Manuell abschließen…', back: 'Zurück',
        confirm_one: '{{count}} Zählliste abschließen, ohne ihre Differenzen zu buchen? Das kann nicht rückgängig gemacht werden.',
        confirm_other: '{{count}} Zähllisten abschließen, ohne ihre Differenzen zu buchen? Das kann nicht rückgängig gemacht werden.',
        run: 'Ohne Buchung abschließen',
        done_one: '{{count}} Zählliste manuell abgeschlossen', done_other: '{{count}} Zähllisten manuell abgeschlossen',
        failed: 'Nicht abgeschlossen:',
      },
    },
  },
};
export default bundle;
