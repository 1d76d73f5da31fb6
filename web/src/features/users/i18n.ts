// Translations of this feature (en, it, pl, de); top-level keys are this feature's own.
import type { Bundle } from '../../i18n/bundle';

const en = {
  usersUi: {
    help: 'Users sign in to the back office or the handheld. A user bound to a site sees and counts only that site. Users are never deleted: deactivate them.',
    new: 'New user', username: 'User name', usernameHelp: 'Used to sign in: lowercase letters, digits, _ . @ -',
    usernameHint: 'lowercase letters, digits, _ . @ - (at most 64)', displayName: 'Display name', role: 'Role', site: 'Site',
    siteHelp: 'Empty: all sites', allSites: 'All sites', password: 'Password', confirm: 'Repeat the password', newPassword: 'New password',
    passwordShort: 'At least {{min}} characters', passwordMismatch: 'The two passwords differ',
    searchPlaceholder: 'User or display name', allRoles: 'All roles', active: 'Active', inactive: 'Deactivated', all: 'All',
    created: 'User {{name}} created', saved: 'User {{name}} saved', passwordReset: 'New password set for {{name}}; their sessions have ended',
    deactivated: '{{name}} deactivated: they can no longer sign in', reactivated: '{{name}} can sign in again',
    deactivate: 'Deactivate', reactivate: 'Reactivate', selfRole: 'You cannot change your own role',
    resetPassword: 'Reset password', resetHelp: 'Sets a new password and signs the user out everywhere. Tell them the new password in person.',
    setPassword: 'Set password',
    currentPassword: 'Current password',
    ownPasswordHelp: 'Changes your own password: give the current one first. You are then signed out everywhere, this device included; sign in again with the new password.',
  },
};

const it = {
  usersUi: {
    help: 'Gli utenti accedono al back office o al terminale. Un utente legato a una sede vede e conta solo quella sede. Gli utenti non si eliminano: si disattivano.',
    new: 'Nuovo utente', username: 'Nome utente', usernameHelp: 'Per l\'accesso: lettere minuscole, cifre, _ . @ -',
    usernameHint: 'lettere minuscole, cifre, _ . @ - (al massimo 64)', displayName: 'Nome visualizzato', role: 'Ruolo', site: 'Sede',
    siteHelp: 'Vuoto: tutte le sedi', allSites: 'Tutte le sedi', password: 'Password', confirm: 'Ripeti la password', newPassword: 'Nuova password',
    passwordShort: 'Almeno {{min}} caratteri', passwordMismatch: 'Le due password non coincidono',
    searchPlaceholder: 'Nome utente o visualizzato', allRoles: 'Tutti i ruoli', active: 'Attivo', inactive: 'Disattivato', all: 'Tutti',
    created: 'Utente {{name}} creato', saved: 'Utente {{name}} salvato', passwordReset: 'Nuova password impostata per {{name}}; le sue sessioni sono terminate',
    deactivated: '{{name}} disattivato: non può più accedere', reactivated: '{{name}} può di nuovo accedere',
    deactivate: 'Disattiva', reactivate: 'Riattiva', selfRole: 'Non puoi cambiare il tuo ruolo',
    resetPassword: 'Reimposta password', resetHelp: 'Imposta una nuova password e disconnette l\'utente ovunque. Comunicagli la nuova password di persona.',
    setPassword: 'Imposta password',
    currentPassword: 'Password attuale',
    ownPasswordHelp: 'Cambia la sua password: indichi prima quella attuale. Verrà poi disconnesso ovunque, anche su questo dispositivo; acceda di nuovo con la nuova password.',
  },
};

const pl = {
  usersUi: {
    help: 'Użytkownicy logują się do zaplecza lub na terminalu. Użytkownik przypisany do oddziału widzi i liczy tylko ten oddział. Użytkowników się nie usuwa, tylko dezaktywuje.',
    new: 'Nowy użytkownik', username: 'Nazwa użytkownika', usernameHelp: 'Do logowania: małe litery, cyfry, _ . @ -',
    usernameHint: 'małe litery, cyfry, _ . @ - (najwyżej 64)', displayName: 'Nazwa wyświetlana', role: 'Rola', site: 'Oddział',
    siteHelp: 'Puste: wszystkie oddziały', allSites: 'Wszystkie oddziały', password: 'Hasło', confirm: 'Powtórz hasło', newPassword: 'Nowe hasło',
    passwordShort: 'Co najmniej {{min}} znaków', passwordMismatch: 'Hasła się różnią',
    searchPlaceholder: 'Nazwa użytkownika lub wyświetlana', allRoles: 'Wszystkie role', active: 'Aktywny', inactive: 'Nieaktywny', all: 'Wszyscy',
    created: 'Utworzono użytkownika {{name}}', saved: 'Zapisano użytkownika {{name}}', passwordReset: 'Ustawiono nowe hasło dla {{name}}; jego sesje zostały zakończone',
    deactivated: '{{name}} dezaktywowany: nie może się już zalogować', reactivated: '{{name}} może się znowu zalogować',
    deactivate: 'Dezaktywuj', reactivate: 'Aktywuj ponownie', selfRole: 'Nie możesz zmienić własnej roli',
    resetPassword: 'Resetuj hasło', resetHelp: 'Ustawia nowe hasło i wylogowuje użytkownika wszędzie. Przekaż mu nowe hasło osobiście.',
    setPassword: 'Ustaw hasło',
    currentPassword: 'Obecne hasło',
    ownPasswordHelp: 'Zmienia Twoje hasło: najpierw podaj obecne. Potem zostaniesz wylogowany wszędzie, także na tym urządzeniu; zaloguj się ponownie nowym hasłem.',
  },
};

const de = {
  usersUi: {
    help: 'Benutzer melden sich im Backoffice oder am Handheld an. Ein Benutzer mit Standort sieht und zählt nur diesen Standort. Benutzer werden nie gelöscht, sondern deaktiviert.',
    new: 'Neuer Benutzer', username: 'Benutzername', usernameHelp: 'Zur Anmeldung: Kleinbuchstaben, Ziffern, _ . @ -',
    usernameHint: 'Kleinbuchstaben, Ziffern, _ . @ - (höchstens 64)', displayName: 'Anzeigename', role: 'Rolle', site: 'Standort',
    siteHelp: 'Leer: alle Standorte', allSites: 'Alle Standorte', password: 'Passwort', confirm: 'Passwort wiederholen', newPassword: 'Neues Passwort',
    passwordShort: 'Mindestens {{min}} Zeichen', passwordMismatch: 'Die Passwörter stimmen nicht überein',
    searchPlaceholder: 'Benutzer- oder Anzeigename', allRoles: 'Alle Rollen', active: 'Aktiv', inactive: 'Deaktiviert', all: 'Alle',
    created: 'Benutzer {{name}} angelegt', saved: 'Benutzer {{name}} gespeichert', passwordReset: 'Neues Passwort für {{name}} gesetzt; alle Sitzungen wurden beendet',
    deactivated: '{{name}} deaktiviert: keine Anmeldung mehr möglich', reactivated: '{{name}} kann sich wieder anmelden',
    deactivate: 'Deaktivieren', reactivate: 'Reaktivieren', selfRole: 'Die eigene Rolle kann nicht geändert werden',
    resetPassword: 'Passwort zurücksetzen', resetHelp: 'Setzt ein neues Passwort und meldet den Benutzer überall ab. Teilen Sie das neue Passwort persönlich mit.',
    setPassword: 'Passwort setzen',
    currentPassword: 'Aktuelles Passwort',
    ownPasswordHelp: 'Ändert Ihr eigenes Passwort: geben Sie zuerst das aktuelle an. Danach werden Sie überall abgemeldet, auch auf diesem Gerät; melden Sie sich mit dem neuen Passwort wieder an.',
  },
};

const bundle: Bundle = { en, it, pl, de };
export default bundle;
