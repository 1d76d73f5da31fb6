// The API's error codes as sentences people read, with the error's params; the code itself is never shown.
// Codes contain dots (`ledger.negative_stock`), so they nest: errorCodes.ledger.negative_stock. A message uses
// only params every throw site of its code supplies (errorCodes.test.ts checks them against the sources).
// validationRule.* translates `validation.failed` by the failing schema rule the API sends in params.rule;
// `_<context>` variants are picked by the rule's origin/type/format (see errorText in components/errors.ts).
import type { Bundle, Tree } from './bundle';

const en: Tree = {
  internal: {
    error: 'Something went wrong on the server. Please try again; if it happens again, tell your administrator.',
  },
  validation: {
    failed: 'Some of the input is not valid. Please check it.',
    unknown_field: 'The request contains a field that is not accepted.',
  },
  not_found: 'The record was not found. It may have been deleted in the meantime.',
  conflict: {
    duplicate: 'A record with this code already exists.',
    in_use: 'This record is still in use, so it cannot be changed or deleted.',
    concurrent_update: 'Someone else changed this record in the meantime. Reload it and try again.',
    retry: 'The request met a change made at the same moment. Please send it again.',
  },
  auth: {
    invalid_credentials: 'The user name or password is wrong.',
    token_missing: 'Please sign in.',
    token_invalid: 'Your session has expired. Please sign in again.',
    forbidden: 'You are not allowed to do this.',
    too_many_attempts: 'Too many failed sign-ins. Please wait {{retryAfterSeconds}} seconds and try again.',
    current_password_wrong: 'The current password is wrong.',
  },
  idempotency: {
    in_progress: 'The same request is still being processed. Wait a moment and try again.',
    key_reused: 'This request key was already used for a different request. Start the action again.',
    outcome_unknown:
      'An earlier attempt of this request changed data but did not finish answering. Check the result before trying again.',
  },
  storage: {
    data_dir_in_use: 'The data directory is already used by another Inventur process.',
    migrations_diverged: 'The database was set up by a different version of Inventur.',
  },
  quantity: {
    invalid: 'Enter a valid quantity, such as 12 or 12.5.',
    too_many_decimals: 'The quantity has more decimals than its unit allows (at most {{decimals}}).',
  },
  unit: {
    conversion_invalid:
      'The unit conversion is not valid: give the secondary unit, the operation and a positive factor together.',
    not_convertible: 'The quantity cannot be converted into this unit of the item.',
  },
  place: {
    bin_code_invalid: 'The bin code does not match the bin layout of the zone.',
    bin_elements_invalid: 'The bin elements (aisle, row, level, place) are not valid for this zone.',
    zone_not_allowed: 'Zones are not allowed here: this warehouse keeps its stock without zones.',
    bin_required: 'Enter the zone and, where the zone has bins, the bin: this warehouse is structured.',
    bin_not_allowed: 'Bins are not allowed here: this zone or warehouse has no bins.',
    warehouse_virtual: 'Virtual warehouses are never counted.',
    differences_zone_missing:
      'The warehouse has no zone for inventory differences. Create one to take the differences.',
    differences_zone_structured: 'The zone for inventory differences ({{zoneCode}}) must not have bins.',
  },
  item: {
    primary_unit_locked: 'The primary unit ({{primaryUnit}}) can no longer change: the item has stock movements.',
    tracking_locked: 'Lot and serial number management cannot change while the item has stock.',
    code_invalid: 'The code is not valid: it must not be empty or too long, and must not contain spaces.',
    lot_required: 'This item is managed by lots: enter the lot.',
    lot_not_allowed: 'This item is not managed by lots: leave the lot empty.',
    serial_required: 'This item is managed by serial numbers: enter the serial number.',
    serial_not_allowed: 'This item is not managed by serial numbers: leave the serial number empty.',
    not_in_inventory: 'This item is excluded from inventories.',
    search_code_main: 'The main search code follows the item code and primary unit: change the item instead.',
  },
  ledger: {
    negative_stock: 'Not enough stock: {{requested}} requested, only {{available}} available.',
    serial_quantity: 'A serial number can only have the quantity 0 or 1.',
    period_closed: 'Not possible in this accounting period: it is closed, or earlier periods must be closed first.',
    period_missing: 'No accounting period covers the posting date. Create the period first.',
    key_kind_mismatch: 'This transaction key is of the wrong kind for this posting.',
    stock_locked: 'The stock is locked by an open count list. The posting is posted once the list is closed.',
    posting_error_file_not_empty:
      'Postings still wait in the posting errors ({{pending}}): post or discard them first.',
    not_available:
      'Not enough stock is available (stock on hand minus reservations), and the availability check blocks this.',
  },
  reference: { unknown: 'A code you entered does not exist.' },
  count: {
    bin_required: 'This list is counted per bin: scan or enter the bin first.',
    blind_mark_all: 'Count list {{countListNumber}} is counted blind: report every item one by one.',
    illegal_transition: 'The count list cannot change to this status now.',
    import_duplicate: 'The file reports the same position more than once.',
    import_unknown_position: 'The file has rows that match no position of the count list.',
    inventory_closed: 'The inventory is closed.',
    inventory_not_open: 'The inventory is not started yet: start it first.',
    list_closed: 'Count list {{countListNumber}} is closed and can no longer be changed.',
    marked_for_verification:
      'Count list {{countListNumber}} has items marked for a recount ({{markedItems}}): verify them first.',
    negative_result: 'The counted quantity cannot become negative (counted so far: {{previous}}).',
    not_all_reported: 'Count list {{countListNumber}} still has items that are not reported ({{openItems}}).',
    not_open: 'The count list is not open for counting.',
    on_other_list: 'This is already counted on open count list {{countListNumber}}: report it there.',
    place_not_on_list: 'This place is not part of the count list.',
    zone_required: 'Scan the zone where you count (or the bin, where the zone has bins).',
    postings_parked: 'Closing postings of count lists still wait in the posting errors: post or discard them first.',
    report_id_reused: 'This count report was already sent for another count list.',
    serial_quantity: 'A serial number is counted as 0 or 1.',
    single_reporting_required: 'This inventory requires every item to be reported individually.',
    value_key_missing: 'The inventory lacks the transaction key for this posting: set it on the inventory.',
  },
  job: {
    unknown_kind: 'The server does not know this background job.',
    failed: 'The background job failed. Please start it again.',
  },
  inventory: {
    closed: 'The inventory is closed.',
    fiscal_year_locked: 'The fiscal year can no longer change: count lists were generated with it.',
    has_closed_lists: 'Count list {{list}} is closed and its postings exist, so the inventory cannot be deleted.',
    illegal_transition: 'This is not possible in the current status of the inventory.',
    key_kind: 'Transaction key {{code}} is of the wrong kind for this field.',
    keys_locked: 'The transaction keys can no longer change once a count list exists.',
    owner_locked: 'The stock owner can no longer change once the inventory has count lists or is started.',
    period_closed: 'The accounting period {{period}} of the stock-taking date is closed.',
    site_required: 'Choose the site of the inventory.',
    stock_taking_date_locked: 'The stock-taking date can no longer change: count lists were generated with it.',
    stock_taking_date_required: 'A stock-taking-day inventory needs its stock-taking date.',
    type_locked: 'The inventory type cannot change after the first save.',
    valuation_locked: 'The valuation price can no longer change once a count list exists.',
    value_key_not_allowed: 'Production resources get quantity adjustments only: leave the value-adjustment key empty.',
  },
  generation: {
    method_not_allowed: 'This selection is not allowed for the method of the inventory.',
    no_responsible_inventory:
      "Nobody could count these lists: their responsible employee comes from inventory {{inventoryNumber}}, which has none. Set the inventory's responsible employee, choose another origin or assign counters.",
    no_responsible_warehouse:
      "Nobody could count these lists: their responsible employee comes from the warehouse, and warehouse {{warehouses}} has none. Set the warehouse's responsible employee, choose another origin or assign counters.",
    parameter_invalid: 'A selection for generating the count lists is not valid.',
    structure_invalid: 'The structure table is not valid for this count type.',
    unfinished:
      'Inventory {{inventoryNumber}} has a generation that stopped part-way. Generate again with the same parameters to continue it, or delete its partially generated lists first.',
  },
  sample: {
    already_drawn: 'The sample of this inventory has already been drawn. Extend it or choose a full count instead.',
    extend_not_offered:
      'The last estimate does not offer an extension of the sample. Estimate again after counting, or choose a full count.',
    full_count_chosen: 'A full count was chosen for this inventory; the sample is no longer estimated or extended.',
    not_configured: 'The inventory type has no sampling configuration. Set it up on the inventory type first.',
    not_counted: 'Not every drawn position has been counted yet ({{missingCount}} missing).',
    not_drawn: 'No sample has been drawn for this inventory yet. Generate its count lists first.',
    not_sample_method: 'This inventory does not use the sample method.',
  },
  review: {
    approval_pending:
      "Count list {{countListNumber}} cannot close: line(s) {{lines}} are outside the tolerance and wait for a recount or a manager's approval.",
    illegal_transition: 'This line cannot go from review state {{from}} to {{to}}.',
    not_pending: 'This line is not waiting for approval (it is {{state}}).',
    reason_required: 'The difference is outside the tolerance: choose a reason code.',
    reason_unknown: 'The reason code {{reasonCode}} does not exist or is no longer active.',
    same_counter: 'This line is recounted by another counter of the list, not by whoever counted it first.',
  },
  barcode: { invalid: 'The barcode cannot be read.' },
  demo: {
    database_not_empty: 'Demo data needs an empty database; this one already has {{sites}} sites and {{items}} items.',
  },
  coding: {
    barcode_invalid: 'This is not a valid barcode.',
    no_rule: 'No code was entered and no automatic numbering is set up for it.',
    sequence_exhausted: 'The numbering scheme has run out of free numbers.',
  },
  price: {
    not_found: 'No price is valid for this date and quantity.',
    tiers_invalid: 'The price tiers or discounts are not valid.',
    validity_overlap: 'Another price of this price list is valid in the same period.',
  },
  lot: { class_required: 'The item needs a lot class or serial number class.' },
  import: {
    header_invalid: 'The file cannot be read: check its header row and format.',
    rows_rejected: 'Some rows of the file were rejected.',
  },
  print: {
    nothing_to_print: 'Nothing to print: the chosen count lists have nothing to print for this usage.',
    too_large: 'Too much to print at once: print fewer count lists at a time.',
  },
  validationRule: {
    required: 'Required',
    invalid_type: 'Not a valid value',
    invalid_type_string: 'Must be text',
    invalid_type_number: 'Must be a number',
    invalid_type_int: 'Must be a whole number',
    invalid_type_boolean: 'Must be yes or no',
    invalid_type_array: 'Must be a list',
    invalid_type_date: 'Must be a date',
    too_small: 'Must be at least {{minimum}}',
    too_small_number_exclusive: 'Must be greater than {{minimum}}',
    too_small_string_one: 'Must not be empty',
    too_small_string_other: 'At least {{count}} characters',
    too_small_array_one: 'At least one entry is needed',
    too_small_array_other: 'At least {{count}} entries are needed',
    too_big: 'Must be at most {{maximum}}',
    too_big_number_exclusive: 'Must be less than {{maximum}}',
    too_big_string_one: 'At most {{count}} character',
    too_big_string_other: 'At most {{count}} characters',
    too_big_array_one: 'At most one entry',
    too_big_array_other: 'At most {{count}} entries',
    invalid_format: 'Not in the expected format',
    invalid_format_email: 'Must be an e-mail address',
    invalid_format_date: 'Must be a date (yyyy-mm-dd)',
    invalid_format_datetime: 'Must be a date and time',
    invalid_format_uuid: 'Must be an id',
    invalid_value: 'Must be one of: {{values}}',
    not_multiple_of: 'Must be a multiple of {{divisor}}',
    common_password: 'This password is too common or known from data breaches; choose another one',
    json: 'The request is not valid JSON',
    media_type: 'This kind of content is not accepted',
    check: 'Breaks a rule of the record',
    invalid_characters: 'Contains a character that cannot be stored',
    same_as_username: 'The password must not be the user name',
    invalid_union: 'Not a valid value',
    custom: 'Not a valid value',
  },
};

const de: Tree = {
  internal: {
    error:
      'Auf dem Server ist ein Fehler aufgetreten. Bitte erneut versuchen; tritt er wieder auf, den Administrator informieren.',
  },
  validation: {
    failed: 'Einige Eingaben sind ungültig. Bitte prüfen.',
    unknown_field: 'Die Anfrage enthält ein Feld, das nicht angenommen wird.',
  },
  not_found: 'Der Datensatz wurde nicht gefunden. Vielleicht wurde er inzwischen gelöscht.',
  conflict: {
    duplicate: 'Ein Datensatz mit diesem Code existiert bereits.',
    in_use: 'Dieser Datensatz wird noch verwendet und kann daher nicht geändert oder gelöscht werden.',
    concurrent_update: 'Jemand anderes hat diesen Datensatz inzwischen geändert. Bitte neu laden und erneut versuchen.',
    retry: 'Die Anfrage traf auf eine gleichzeitige Änderung. Bitte erneut senden.',
  },
  auth: {
    invalid_credentials: 'Benutzername oder Passwort ist falsch.',
    token_missing: 'Bitte anmelden.',
    token_invalid: 'Ihre Sitzung ist abgelaufen. Bitte erneut anmelden.',
    forbidden: 'Dazu sind Sie nicht berechtigt.',
    too_many_attempts:
      'Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie {{retryAfterSeconds}} Sekunden und versuchen Sie es erneut.',
    current_password_wrong: 'Das aktuelle Passwort ist falsch.',
  },
  idempotency: {
    in_progress: 'Dieselbe Anfrage wird noch verarbeitet. Bitte kurz warten und erneut versuchen.',
    key_reused:
      'Dieser Anfrageschlüssel wurde bereits für eine andere Anfrage verwendet. Bitte die Aktion neu starten.',
    outcome_unknown:
      'Ein früherer Versuch dieser Anfrage hat Daten geändert, aber keine Antwort mehr geliefert. Bitte das Ergebnis prüfen, bevor Sie es erneut versuchen.',
  },
  storage: {
    data_dir_in_use: 'Das Datenverzeichnis wird bereits von einem anderen Inventur-Prozess verwendet.',
    migrations_diverged: 'Die Datenbank wurde von einer anderen Version von Inventur eingerichtet.',
  },
  quantity: {
    invalid: 'Eine gültige Menge eingeben, z. B. 12 oder 12,5.',
    too_many_decimals: 'Die Menge hat mehr Nachkommastellen, als ihre Einheit erlaubt (höchstens {{decimals}}).',
  },
  unit: {
    conversion_invalid:
      'Die Umrechnung ist ungültig: Alternative Einheit, Rechenart und einen positiven Faktor zusammen angeben.',
    not_convertible: 'Die Menge lässt sich nicht in diese Einheit des Artikels umrechnen.',
  },
  place: {
    bin_code_invalid: 'Der Lagerplatzcode passt nicht zum Platzaufbau der Zone.',
    bin_elements_invalid: 'Die Platzkoordinaten (Gang, Regal, Ebene, Fach) sind für diese Zone ungültig.',
    zone_not_allowed: 'Hier sind keine Zonen erlaubt: Dieses Lager führt seinen Bestand ohne Zonen.',
    bin_required: 'Zone und – wenn die Zone Lagerplätze hat – Lagerplatz angeben: Dieses Lager ist strukturiert.',
    bin_not_allowed: 'Hier sind keine Lagerplätze erlaubt: Diese Zone bzw. dieses Lager hat keine Lagerplätze.',
    warehouse_virtual: 'Virtuelle Lager werden nie gezählt.',
    differences_zone_missing:
      'Das Lager hat keine Zone für Inventurdifferenzen. Legen Sie eine an, um die Differenzen aufzunehmen.',
    differences_zone_structured: 'Die Zone für Inventurdifferenzen ({{zoneCode}}) darf keine Lagerplätze haben.',
  },
  item: {
    primary_unit_locked:
      'Die Basismengeneinheit ({{primaryUnit}}) kann nicht mehr geändert werden: Der Artikel hat Lagerbewegungen.',
    tracking_locked: 'Chargen- und Seriennummernpflicht können nicht geändert werden, solange der Artikel Bestand hat.',
    code_invalid: 'Der Code ist ungültig: Er darf weder leer noch zu lang sein und keine Leerzeichen enthalten.',
    lot_required: 'Dieser Artikel ist chargenpflichtig: Charge eingeben.',
    lot_not_allowed: 'Dieser Artikel ist nicht chargenpflichtig: Charge leer lassen.',
    serial_required: 'Dieser Artikel ist seriennummernpflichtig: Seriennummer eingeben.',
    serial_not_allowed: 'Dieser Artikel ist nicht seriennummernpflichtig: Seriennummer leer lassen.',
    not_in_inventory: 'Dieser Artikel ist von Inventuren ausgeschlossen.',
    search_code_main:
      'Der Haupt-Suchbegriff folgt der Artikelnummer und der Basismengeneinheit: Ändern Sie stattdessen den Artikel.',
  },
  ledger: {
    negative_stock: 'Nicht genug Bestand: {{requested}} angefordert, nur {{available}} vorhanden.',
    serial_quantity: 'Eine Seriennummer kann nur die Menge 0 oder 1 haben.',
    period_closed:
      'In dieser Buchungsperiode nicht möglich: Sie ist abgeschlossen, oder frühere Perioden müssen zuerst abgeschlossen werden.',
    period_missing: 'Keine Buchungsperiode umfasst das Buchungsdatum. Legen Sie zuerst die Periode an.',
    key_kind_mismatch: 'Dieser Buchungsschlüssel hat die falsche Art für diese Buchung.',
    stock_locked:
      'Der Bestand ist durch eine offene Zählliste gesperrt. Die Buchung wird gebucht, sobald die Liste abgeschlossen ist.',
    posting_error_file_not_empty:
      'In den Buchungsfehlern warten noch Buchungen ({{pending}}): Buchen oder verwerfen Sie sie zuerst.',
    not_available:
      'Nicht genug verfügbarer Bestand (Lagerbestand abzüglich Reservierungen), und die Verfügbarkeitsprüfung ist sperrend.',
  },
  reference: { unknown: 'Ein eingegebener Code existiert nicht.' },
  count: {
    bin_required: 'Diese Liste wird je Lagerplatz gezählt: Zuerst den Lagerplatz scannen oder eingeben.',
    blind_mark_all: 'Zählliste {{countListNumber}} wird blind gezählt: Jede Position einzeln erfassen.',
    illegal_transition: 'Die Zählliste kann jetzt nicht in diesen Status wechseln.',
    import_duplicate: 'Die Datei meldet dieselbe Position mehrfach.',
    import_unknown_position: 'Die Datei enthält Zeilen, die zu keiner Position der Zählliste passen.',
    inventory_closed: 'Die Inventur ist abgeschlossen.',
    inventory_not_open: 'Die Inventur ist noch nicht gestartet: Starten Sie sie zuerst.',
    list_closed: 'Zählliste {{countListNumber}} ist abgeschlossen und kann nicht mehr geändert werden.',
    marked_for_verification:
      'Zählliste {{countListNumber}} hat zur Nachzählung markierte Positionen ({{markedItems}}): Zählen Sie diese zuerst nach.',
    negative_result: 'Die gezählte Menge darf nicht negativ werden (bisher gezählt: {{previous}}).',
    not_all_reported: 'Zählliste {{countListNumber}} hat noch nicht erfasste Positionen ({{openItems}}).',
    not_open: 'Die Zählliste ist nicht zum Zählen eröffnet.',
    on_other_list: 'Dies wird bereits auf der offenen Zählliste {{countListNumber}} gezählt: dort melden.',
    place_not_on_list: 'Dieser Lagerort gehört nicht zur Zählliste.',
    zone_required: 'Die Zone scannen, in der gezählt wird (oder den Lagerplatz, wenn die Zone Lagerplätze hat).',
    postings_parked:
      'Abschlussbuchungen von Zähllisten warten noch in den Buchungsfehlern: Buchen oder verwerfen Sie sie zuerst.',
    report_id_reused: 'Dieses Zählergebnis wurde bereits für eine andere Zählliste gesendet.',
    serial_quantity: 'Eine Seriennummer wird mit 0 oder 1 gezählt.',
    single_reporting_required: 'Diese Inventur verlangt, dass jede Position einzeln erfasst wird.',
    value_key_missing:
      'Der Inventur fehlt der Buchungsschlüssel für diese Buchung: Tragen Sie ihn in der Inventur ein.',
  },
  job: {
    unknown_kind: 'Der Server kennt diesen Hintergrundauftrag nicht.',
    failed: 'Der Hintergrundauftrag ist fehlgeschlagen. Bitte erneut starten.',
  },
  inventory: {
    closed: 'Die Inventur ist abgeschlossen.',
    fiscal_year_locked: 'Das Geschäftsjahr kann nicht mehr geändert werden: Damit wurden bereits Zähllisten erstellt.',
    has_closed_lists:
      'Zählliste {{list}} ist abgeschlossen und ihre Buchungen existieren; die Inventur kann daher nicht gelöscht werden.',
    illegal_transition: 'Im aktuellen Status der Inventur ist das nicht möglich.',
    key_kind: 'Buchungsschlüssel {{code}} hat die falsche Art für dieses Feld.',
    keys_locked: 'Die Buchungsschlüssel können nicht mehr geändert werden, sobald eine Zählliste existiert.',
    owner_locked:
      'Der Bestandseigentümer kann nicht mehr geändert werden, sobald die Inventur Zähllisten hat oder gestartet ist.',
    period_closed: 'Die Buchungsperiode {{period}} des Inventurstichtags ist abgeschlossen.',
    site_required: 'Wählen Sie den Standort der Inventur.',
    stock_taking_date_locked:
      'Der Inventurstichtag kann nicht mehr geändert werden: Damit wurden bereits Zähllisten erstellt.',
    stock_taking_date_required: 'Eine Stichtagsinventur braucht ihren Inventurstichtag.',
    type_locked: 'Die Inventurart kann nach dem ersten Speichern nicht mehr geändert werden.',
    valuation_locked: 'Der Bewertungspreis kann nicht mehr geändert werden, sobald eine Zählliste existiert.',
    value_key_not_allowed:
      'Produktionsressourcen erhalten nur Mengenkorrekturen: Buchungsschlüssel für Wertkorrektur leer lassen.',
  },
  generation: {
    method_not_allowed: 'Diese Auswahl ist für das Inventurverfahren nicht zulässig.',
    no_responsible_inventory:
      'Niemand könnte diese Listen zählen: Ihr Verantwortlicher kommt aus der Inventur {{inventoryNumber}}, die keinen hat. Den Verantwortlichen der Inventur eintragen, eine andere Herkunft wählen oder Zähler zuweisen.',
    no_responsible_warehouse:
      'Niemand könnte diese Listen zählen: Ihr Verantwortlicher kommt aus dem Lager, und Lager {{warehouses}} hat keinen. Den Verantwortlichen des Lagers eintragen, eine andere Herkunft wählen oder Zähler zuweisen.',
    parameter_invalid: 'Eine Auswahl zum Erstellen der Zähllisten ist ungültig.',
    structure_invalid: 'Die Strukturtabelle ist für diese Zählart ungültig.',
    unfinished:
      'Die Inventur {{inventoryNumber}} hat eine Erstellung, die mittendrin angehalten hat. Mit denselben Parametern erneut erstellen, um sie fortzusetzen, oder zuerst ihre teilweise erstellten Listen löschen.',
  },
  sample: {
    already_drawn:
      'Die Stichprobe dieser Inventur ist bereits gezogen. Erweitern Sie sie oder wählen Sie stattdessen eine Vollaufnahme.',
    extend_not_offered:
      'Die letzte Hochrechnung bietet keine Erweiterung der Stichprobe an. Nach dem Zählen erneut hochrechnen oder eine Vollaufnahme wählen.',
    full_count_chosen:
      'Für diese Inventur wurde eine Vollaufnahme gewählt; die Stichprobe wird nicht mehr hochgerechnet oder erweitert.',
    not_configured:
      'Die Inventurart hat keine Stichprobeneinstellungen. Richten Sie sie zuerst an der Inventurart ein.',
    not_counted: 'Noch sind nicht alle gezogenen Positionen gezählt ({{missingCount}} fehlen).',
    not_drawn: 'Für diese Inventur wurde noch keine Stichprobe gezogen. Erstellen Sie zuerst ihre Zähllisten.',
    not_sample_method: 'Diese Inventur verwendet nicht das Stichprobenverfahren.',
  },
  review: {
    approval_pending:
      'Zählliste {{countListNumber}} kann nicht abgeschlossen werden: Zeile(n) {{lines}} liegen außerhalb der Toleranz und warten auf eine Nachzählung oder die Freigabe eines Managers.',
    illegal_transition: 'Diese Zeile kann nicht vom Prüfstatus {{from}} nach {{to}} wechseln.',
    not_pending: 'Diese Zeile wartet nicht auf eine Freigabe (Status: {{state}}).',
    reason_required: 'Die Differenz liegt außerhalb der Toleranz: Wählen Sie einen Grundcode.',
    reason_unknown: 'Den Grundcode {{reasonCode}} gibt es nicht oder er ist nicht mehr aktiv.',
    same_counter: 'Diese Zeile zählt ein anderer Zähler der Liste nach, nicht wer sie zuerst gezählt hat.',
  },
  barcode: { invalid: 'Der Barcode kann nicht gelesen werden.' },
  demo: {
    database_not_empty:
      'Demodaten brauchen eine leere Datenbank; diese hat bereits {{sites}} Standorte und {{items}} Artikel.',
  },
  coding: {
    barcode_invalid: 'Das ist kein gültiger Barcode.',
    no_rule: 'Es wurde kein Code eingegeben, und dafür ist keine automatische Nummernvergabe eingerichtet.',
    sequence_exhausted: 'Der Nummernkreis hat keine freien Nummern mehr.',
  },
  price: {
    not_found: 'Für dieses Datum und diese Menge gilt kein Preis.',
    tiers_invalid: 'Die Preisstaffeln oder Rabatte sind ungültig.',
    validity_overlap: 'Ein anderer Preis dieser Preisliste gilt im selben Zeitraum.',
  },
  lot: { class_required: 'Der Artikel braucht eine Chargen- oder Seriennummernklasse.' },
  import: {
    header_invalid: 'Die Datei kann nicht gelesen werden: Kopfzeile und Format prüfen.',
    rows_rejected: 'Einige Zeilen der Datei wurden abgelehnt.',
  },
  print: {
    nothing_to_print: 'Nichts zu drucken: Die gewählten Zähllisten enthalten für diese Verwendung nichts zum Drucken.',
    too_large: 'Zu viel auf einmal: Drucken Sie weniger Zähllisten gleichzeitig.',
  },
  validationRule: {
    required: 'Pflichtfeld',
    invalid_type: 'Kein gültiger Wert',
    invalid_type_string: 'Muss ein Text sein',
    invalid_type_number: 'Muss eine Zahl sein',
    invalid_type_int: 'Muss eine ganze Zahl sein',
    invalid_type_boolean: 'Muss Ja oder Nein sein',
    invalid_type_array: 'Muss eine Liste sein',
    invalid_type_date: 'Muss ein Datum sein',
    too_small: 'Muss mindestens {{minimum}} sein',
    too_small_number_exclusive: 'Muss größer als {{minimum}} sein',
    too_small_string_one: 'Darf nicht leer sein',
    too_small_string_other: 'Mindestens {{count}} Zeichen',
    too_small_array_one: 'Mindestens ein Eintrag ist nötig',
    too_small_array_other: 'Mindestens {{count}} Einträge sind nötig',
    too_big: 'Darf höchstens {{maximum}} sein',
    too_big_number_exclusive: 'Muss kleiner als {{maximum}} sein',
    too_big_string_one: 'Höchstens {{count}} Zeichen',
    too_big_string_other: 'Höchstens {{count}} Zeichen',
    too_big_array_one: 'Höchstens ein Eintrag',
    too_big_array_other: 'Höchstens {{count}} Einträge',
    invalid_format: 'Nicht im erwarteten Format',
    invalid_format_email: 'Muss eine E-Mail-Adresse sein',
    invalid_format_date: 'Muss ein Datum sein (JJJJ-MM-TT)',
    invalid_format_datetime: 'Muss Datum und Uhrzeit sein',
    invalid_format_uuid: 'Muss eine ID sein',
    invalid_value: 'Muss einer der folgenden Werte sein: {{values}}',
    not_multiple_of: 'Muss ein Vielfaches von {{divisor}} sein',
    common_password: 'Dieses Passwort ist zu verbreitet oder aus Datenlecks bekannt; wählen Sie ein anderes',
    json: 'Die Anfrage ist kein gültiges JSON',
    media_type: 'Diese Art von Inhalt wird nicht angenommen',
    check: 'Verletzt eine Regel des Datensatzes',
    invalid_characters: 'Enthält ein Zeichen, das nicht gespeichert werden kann',
    same_as_username: 'Das Passwort darf nicht der Benutzername sein',
    invalid_union: 'Kein gültiger Wert',
    custom: 'Kein gültiger Wert',
  },
};

const it: Tree = {
  internal: { error: "Si è verificato un errore sul server. Riprovare; se si ripete, avvisare l'amministratore." },
  validation: {
    failed: 'Alcuni dati inseriti non sono validi. Controllarli.',
    unknown_field: 'La richiesta contiene un campo non ammesso.',
  },
  not_found: 'Record non trovato. Potrebbe essere stato eliminato nel frattempo.',
  conflict: {
    duplicate: 'Esiste già un record con questo codice.',
    in_use: 'Questo record è ancora in uso, quindi non può essere modificato né eliminato.',
    concurrent_update: 'Qualcun altro ha modificato questo record nel frattempo. Ricaricarlo e riprovare.',
    retry: 'La richiesta ha incontrato una modifica contemporanea. La invii di nuovo.',
  },
  auth: {
    invalid_credentials: 'Nome utente o password errati.',
    token_missing: 'Accedere per continuare.',
    token_invalid: 'La sessione è scaduta. Accedere di nuovo.',
    forbidden: 'Operazione non consentita per il suo utente.',
    too_many_attempts: 'Troppi accessi non riusciti. Attenda {{retryAfterSeconds}} secondi e riprovi.',
    current_password_wrong: 'La password attuale è errata.',
  },
  idempotency: {
    in_progress: 'La stessa richiesta è ancora in elaborazione. Attendere un momento e riprovare.',
    key_reused:
      "Questa chiave di richiesta è già stata usata per una richiesta diversa. Ripetere l'azione dall'inizio.",
    outcome_unknown:
      'Un tentativo precedente di questa richiesta ha modificato i dati ma non ha risposto. Verificare il risultato prima di riprovare.',
  },
  storage: {
    data_dir_in_use: 'La cartella dati è già usata da un altro processo Inventur.',
    migrations_diverged: 'Il database è stato preparato da una versione diversa di Inventur.',
  },
  quantity: {
    invalid: 'Inserire una quantità valida, ad es. 12 o 12,5.',
    too_many_decimals: "La quantità ha più decimali di quanti ne consenta l'unità di misura (al massimo {{decimals}}).",
  },
  unit: {
    conversion_invalid:
      'La conversione non è valida: indicare insieme unità secondaria, operazione e un fattore positivo.',
    not_convertible: "La quantità non può essere convertita in questa unità di misura dell'articolo.",
  },
  place: {
    bin_code_invalid: 'Il codice ubicazione non corrisponde alla struttura delle ubicazioni della zona.',
    bin_elements_invalid:
      'Gli elementi dell’ubicazione (corsia, fila, livello, posto) non sono validi per questa zona.',
    zone_not_allowed: 'Qui non sono ammesse zone: questo magazzino gestisce la giacenza senza zone.',
    bin_required: "Indicare la zona e, se la zona ha ubicazioni, l'ubicazione: questo magazzino è strutturato.",
    bin_not_allowed: 'Qui non sono ammesse ubicazioni: questa zona o questo magazzino non ha ubicazioni.',
    warehouse_virtual: 'I magazzini virtuali non vengono mai inventariati.',
    differences_zone_missing:
      'Il magazzino non ha una zona per le differenze inventariali. Crearne una per accogliere le differenze.',
    differences_zone_structured: 'La zona per le differenze inventariali ({{zoneCode}}) non deve avere ubicazioni.',
  },
  item: {
    primary_unit_locked:
      "L'unità principale ({{primaryUnit}}) non può più cambiare: l'articolo ha movimenti di magazzino.",
    tracking_locked: "La gestione a lotti e matricole non può cambiare finché l'articolo ha giacenza.",
    code_invalid: 'Il codice non è valido: non deve essere vuoto né troppo lungo, e non deve contenere spazi.',
    lot_required: 'Questo articolo è gestito a lotti: inserire il lotto.',
    lot_not_allowed: 'Questo articolo non è gestito a lotti: lasciare vuoto il lotto.',
    serial_required: 'Questo articolo è gestito a matricole: inserire la matricola.',
    serial_not_allowed: 'Questo articolo non è gestito a matricole: lasciare vuota la matricola.',
    not_in_inventory: 'Questo articolo è escluso dagli inventari.',
    search_code_main:
      "Il codice di ricerca principale segue il codice articolo e l'unità principale: modificare invece l'articolo.",
  },
  ledger: {
    negative_stock: 'Giacenza insufficiente: richiesti {{requested}}, disponibili solo {{available}}.',
    serial_quantity: 'Una matricola può avere solo quantità 0 o 1.',
    period_closed:
      'Non possibile in questo periodo contabile: è chiuso, oppure vanno prima chiusi i periodi precedenti.',
    period_missing: 'Nessun periodo contabile comprende la data di registrazione. Creare prima il periodo.',
    key_kind_mismatch: 'Questa causale è del tipo sbagliato per questo movimento.',
    stock_locked:
      'La giacenza è bloccata da una lista di conteggio aperta. Il movimento verrà registrato alla chiusura della lista.',
    posting_error_file_not_empty:
      'Ci sono ancora movimenti negli errori di registrazione ({{pending}}): registrarli o scartarli prima.',
    not_available:
      'Disponibilità insufficiente (giacenza meno prenotazioni) e il controllo di disponibilità è bloccante.',
  },
  reference: { unknown: 'Un codice inserito non esiste.' },
  count: {
    bin_required: "Questa lista si conta per ubicazione: prima leggere o inserire l'ubicazione.",
    blind_mark_all: 'La lista di conteggio {{countListNumber}} è alla cieca: rilevare ogni articolo singolarmente.',
    illegal_transition: 'La lista di conteggio non può passare ora a questo stato.',
    import_duplicate: 'Il file rileva la stessa posizione più di una volta.',
    import_unknown_position:
      'Il file contiene righe che non corrispondono a nessuna posizione della lista di conteggio.',
    inventory_closed: "L'inventario è chiuso.",
    inventory_not_open: "L'inventario non è ancora avviato: avviarlo prima.",
    list_closed: 'La lista di conteggio {{countListNumber}} è chiusa e non può più essere modificata.',
    marked_for_verification:
      'La lista di conteggio {{countListNumber}} ha posizioni marcate per la verifica ({{markedItems}}): verificarle prima.',
    negative_result: 'La quantità contata non può diventare negativa (contata finora: {{previous}}).',
    not_all_reported: 'La lista di conteggio {{countListNumber}} ha ancora posizioni non rilevate ({{openItems}}).',
    not_open: 'La lista di conteggio non è aperta per il conteggio.',
    on_other_list: 'Viene già contato sulla lista di conteggio aperta {{countListNumber}}: registrarlo lì.',
    place_not_on_list: 'Questa ubicazione non fa parte della lista di conteggio.',
    zone_required: "Leggere la zona in cui si conta (o l'ubicazione, se la zona ha ubicazioni).",
    postings_parked:
      'I movimenti di chiusura di alcune liste sono ancora negli errori di registrazione: registrarli o scartarli prima.',
    report_id_reused: "Questa rilevazione è già stata inviata per un'altra lista di conteggio.",
    serial_quantity: 'Una matricola si conta come 0 o 1.',
    single_reporting_required: 'Questo inventario richiede che ogni articolo sia rilevato singolarmente.',
    value_key_missing: "All'inventario manca la causale per questo movimento: indicarla nell'inventario.",
  },
  job: {
    unknown_kind: 'Il server non conosce questa elaborazione in background.',
    failed: "L'elaborazione in background non è riuscita. Avviarla di nuovo.",
  },
  inventory: {
    closed: "L'inventario è chiuso.",
    fiscal_year_locked: "L'esercizio non può più cambiare: con esso sono già state generate liste di conteggio.",
    has_closed_lists:
      "La lista di conteggio {{list}} è chiusa e i suoi movimenti esistono, quindi l'inventario non può essere eliminato.",
    illegal_transition: "Non possibile nello stato attuale dell'inventario.",
    key_kind: 'La causale {{code}} è del tipo sbagliato per questo campo.',
    keys_locked: 'Le causali non possono più cambiare quando esiste una lista di conteggio.',
    owner_locked: "Il proprietario merce non può più cambiare quando l'inventario ha liste di conteggio o è avviato.",
    period_closed: 'Il periodo contabile {{period}} della data inventario è chiuso.',
    site_required: "Scegliere la sede dell'inventario.",
    stock_taking_date_locked:
      'La data inventario non può più cambiare: con essa sono già state generate liste di conteggio.',
    stock_taking_date_required: 'Con il metodo «Giorno di inventario» serve la data inventario.',
    type_locked: 'Il tipo di inventario non può cambiare dopo il primo salvataggio.',
    valuation_locked: 'Il prezzo di valorizzazione non può più cambiare quando esiste una lista di conteggio.',
    value_key_not_allowed:
      'Le risorse di produzione ricevono solo rettifiche di quantità: lasciare vuota la causale rettifica valore.',
  },
  generation: {
    method_not_allowed: "Questa selezione non è ammessa per il metodo dell'inventario.",
    no_responsible_inventory:
      "Nessuno potrebbe contare queste liste: il loro responsabile viene dall'inventario {{inventoryNumber}}, che non ne ha. Impostare il responsabile dell'inventario, scegliere un'altra origine o assegnare dei contatori.",
    no_responsible_warehouse:
      "Nessuno potrebbe contare queste liste: il loro responsabile viene dal magazzino, e il magazzino {{warehouses}} non ne ha. Impostare il responsabile del magazzino, scegliere un'altra origine o assegnare dei contatori.",
    parameter_invalid: 'Una selezione per generare le liste di conteggio non è valida.',
    structure_invalid: 'La tabella di struttura non è valida per questo tipo di conteggio.',
    unfinished:
      "L'inventario {{inventoryNumber}} ha una generazione interrotta a metà. Generare di nuovo con gli stessi parametri per continuarla, oppure eliminare prima le sue liste generate parzialmente.",
  },
  sample: {
    already_drawn:
      'Il campione di questo inventario è già stato estratto. Estenderlo o scegliere invece un conteggio completo.',
    extend_not_offered:
      "L'ultima stima non propone un'estensione del campione. Stimare di nuovo dopo il conteggio o scegliere un conteggio completo.",
    full_count_chosen:
      'Per questo inventario è stato scelto un conteggio completo; il campione non viene più stimato né esteso.',
    not_configured:
      'Il tipo di inventario non ha una configurazione di campionamento. Impostarla prima sul tipo di inventario.',
    not_counted: 'Non tutte le posizioni estratte sono state contate ({{missingCount}} mancanti).',
    not_drawn:
      'Per questo inventario non è ancora stato estratto un campione. Generare prima le sue liste di conteggio.',
    not_sample_method: 'Questo inventario non usa il metodo a campione.',
  },
  review: {
    approval_pending:
      "La lista di conteggio {{countListNumber}} non può essere chiusa: le righe {{lines}} sono fuori tolleranza e attendono un riconteggio o l'approvazione di un responsabile.",
    illegal_transition: 'Questa riga non può passare dallo stato di verifica {{from}} a {{to}}.',
    not_pending: 'Questa riga non è in attesa di approvazione (stato: {{state}}).',
    reason_required: 'La differenza è fuori tolleranza: scegli un codice motivo.',
    reason_unknown: 'Il codice motivo {{reasonCode}} non esiste o non è più attivo.',
    same_counter: "Questa riga va ricontata da un altro contatore della lista, non da chi l'ha contata per primo.",
  },
  barcode: { invalid: 'Il codice a barre non può essere letto.' },
  demo: {
    database_not_empty:
      'I dati dimostrativi richiedono un database vuoto; questo ha già {{sites}} sedi e {{items}} articoli.',
  },
  coding: {
    barcode_invalid: 'Non è un codice a barre valido.',
    no_rule: 'Nessun codice inserito e nessuna numerazione automatica configurata.',
    sequence_exhausted: 'Il numeratore non ha più numeri liberi.',
  },
  price: {
    not_found: 'Nessun prezzo valido per questa data e quantità.',
    tiers_invalid: 'Gli scaglioni di prezzo o gli sconti non sono validi.',
    validity_overlap: 'Un altro prezzo di questo listino è valido nello stesso periodo.',
  },
  lot: { class_required: "L'articolo richiede una classe lotto o una classe matricola." },
  import: {
    header_invalid: 'Il file non può essere letto: controllare la riga di intestazione e il formato.',
    rows_rejected: 'Alcune righe del file sono state rifiutate.',
  },
  print: {
    nothing_to_print: 'Niente da stampare: le liste scelte non hanno nulla da stampare per questo utilizzo.',
    too_large: 'Troppo da stampare in una volta: stampare meno liste alla volta.',
  },
  validationRule: {
    required: 'Obbligatorio',
    invalid_type: 'Valore non valido',
    invalid_type_string: 'Deve essere un testo',
    invalid_type_number: 'Deve essere un numero',
    invalid_type_int: 'Deve essere un numero intero',
    invalid_type_boolean: 'Deve essere sì o no',
    invalid_type_array: 'Deve essere un elenco',
    invalid_type_date: 'Deve essere una data',
    too_small: 'Deve essere almeno {{minimum}}',
    too_small_number_exclusive: 'Deve essere maggiore di {{minimum}}',
    too_small_string_one: 'Non può essere vuoto',
    too_small_string_other: 'Almeno {{count}} caratteri',
    too_small_array_one: 'Serve almeno una voce',
    too_small_array_other: 'Servono almeno {{count}} voci',
    too_big: 'Deve essere al massimo {{maximum}}',
    too_big_number_exclusive: 'Deve essere minore di {{maximum}}',
    too_big_string_one: 'Al massimo {{count}} carattere',
    too_big_string_other: 'Al massimo {{count}} caratteri',
    too_big_array_one: 'Al massimo una voce',
    too_big_array_other: 'Al massimo {{count}} voci',
    invalid_format: 'Formato non valido',
    invalid_format_email: 'Deve essere un indirizzo e-mail',
    invalid_format_date: 'Deve essere una data (aaaa-mm-gg)',
    invalid_format_datetime: 'Deve essere data e ora',
    invalid_format_uuid: 'Deve essere un identificativo',
    invalid_value: 'Deve essere uno di: {{values}}',
    not_multiple_of: 'Deve essere un multiplo di {{divisor}}',
    common_password: "Questa password è troppo comune o nota da violazioni di dati; ne scelga un'altra",
    json: 'La richiesta non è JSON valido',
    media_type: 'Questo tipo di contenuto non è accettato',
    check: 'Viola una regola del record',
    invalid_characters: 'Contiene un carattere che non può essere memorizzato',
    same_as_username: 'La password non può essere il nome utente',
    invalid_union: 'Valore non valido',
    custom: 'Valore non valido',
  },
};

const pl: Tree = {
  internal: { error: 'Na serwerze wystąpił błąd. Spróbuj ponownie; jeśli się powtórzy, powiadom administratora.' },
  validation: {
    failed: 'Niektóre dane są nieprawidłowe. Sprawdź je.',
    unknown_field: 'Żądanie zawiera niedozwolone pole.',
  },
  not_found: 'Nie znaleziono rekordu. Mógł zostać w międzyczasie usunięty.',
  conflict: {
    duplicate: 'Rekord o tym kodzie już istnieje.',
    in_use: 'Ten rekord jest nadal używany, więc nie można go zmienić ani usunąć.',
    concurrent_update: 'Ktoś inny zmienił w międzyczasie ten rekord. Odśwież go i spróbuj ponownie.',
    retry: 'Żądanie trafiło na jednoczesną zmianę. Wyślij je ponownie.',
  },
  auth: {
    invalid_credentials: 'Nieprawidłowa nazwa użytkownika lub hasło.',
    token_missing: 'Zaloguj się.',
    token_invalid: 'Sesja wygasła. Zaloguj się ponownie.',
    forbidden: 'Nie masz uprawnień do tej czynności.',
    too_many_attempts: 'Zbyt wiele nieudanych logowań. Odczekaj {{retryAfterSeconds}} s i spróbuj ponownie.',
    current_password_wrong: 'Obecne hasło jest nieprawidłowe.',
  },
  idempotency: {
    in_progress: 'To samo żądanie jest jeszcze przetwarzane. Odczekaj chwilę i spróbuj ponownie.',
    key_reused: 'Ten klucz żądania został już użyty dla innego żądania. Rozpocznij czynność od nowa.',
    outcome_unknown:
      'Wcześniejsza próba tego żądania zmieniła dane, ale nie zwróciła odpowiedzi. Sprawdź wynik przed ponowną próbą.',
  },
  storage: {
    data_dir_in_use: 'Katalog danych jest już używany przez inny proces Inventur.',
    migrations_diverged: 'Baza danych została przygotowana przez inną wersję Inventur.',
  },
  quantity: {
    invalid: 'Podaj prawidłową ilość, np. 12 lub 12,5.',
    too_many_decimals: 'Ilość ma więcej miejsc po przecinku, niż pozwala jej jednostka (najwyżej {{decimals}}).',
  },
  unit: {
    conversion_invalid:
      'Przeliczenie jest nieprawidłowe: podaj razem jednostkę dodatkową, działanie i dodatni współczynnik.',
    not_convertible: 'Ilości nie można przeliczyć na tę jednostkę artykułu.',
  },
  place: {
    bin_code_invalid: 'Kod miejsca składowania nie pasuje do układu miejsc w strefie.',
    bin_elements_invalid: 'Elementy miejsca (aleja, rząd, poziom, miejsce) są nieprawidłowe dla tej strefy.',
    zone_not_allowed: 'Strefy nie są tu dozwolone: ten magazyn prowadzi zapas bez stref.',
    bin_required:
      'Podaj strefę oraz – jeśli strefa ma miejsca składowania – miejsce: ten magazyn jest ustrukturyzowany.',
    bin_not_allowed: 'Miejsca składowania nie są tu dozwolone: ta strefa lub ten magazyn nie ma miejsc.',
    warehouse_virtual: 'Magazyny wirtualne nigdy nie są spisywane.',
    differences_zone_missing: 'Magazyn nie ma strefy różnic inwentaryzacyjnych. Utwórz ją, aby przyjąć różnice.',
    differences_zone_structured: 'Strefa różnic inwentaryzacyjnych ({{zoneCode}}) nie może mieć miejsc składowania.',
  },
  item: {
    primary_unit_locked: 'Jednostki podstawowej ({{primaryUnit}}) nie można już zmienić: artykuł ma ruchy magazynowe.',
    tracking_locked: 'Obsługi partii i numerów seryjnych nie można zmienić, dopóki artykuł ma zapas.',
    code_invalid: 'Kod jest nieprawidłowy: nie może być pusty ani zbyt długi i nie może zawierać spacji.',
    lot_required: 'Ten artykuł jest prowadzony według partii: podaj partię.',
    lot_not_allowed: 'Ten artykuł nie jest prowadzony według partii: pozostaw partię pustą.',
    serial_required: 'Ten artykuł jest prowadzony według numerów seryjnych: podaj numer seryjny.',
    serial_not_allowed: 'Ten artykuł nie jest prowadzony według numerów seryjnych: pozostaw numer seryjny pusty.',
    not_in_inventory: 'Ten artykuł jest wyłączony z inwentaryzacji.',
    search_code_main:
      'Główny kod wyszukiwania wynika z kodu artykułu i jednostki podstawowej: zmień zamiast tego artykuł.',
  },
  ledger: {
    negative_stock: 'Za mały zapas: żądano {{requested}}, dostępne tylko {{available}}.',
    serial_quantity: 'Numer seryjny może mieć tylko ilość 0 lub 1.',
    period_closed:
      'Niemożliwe w tym okresie księgowym: jest zamknięty albo najpierw trzeba zamknąć wcześniejsze okresy.',
    period_missing: 'Żaden okres księgowy nie obejmuje daty księgowania. Najpierw utwórz okres.',
    key_kind_mismatch: 'Ten klucz księgowania ma niewłaściwy rodzaj dla tego księgowania.',
    stock_locked:
      'Zapas jest zablokowany przez otwarty arkusz spisowy. Księgowanie zostanie wykonane po zamknięciu arkusza.',
    posting_error_file_not_empty:
      'W błędach księgowania nadal czekają księgowania ({{pending}}): najpierw je zaksięguj lub odrzuć.',
    not_available: 'Za mało dostępnego zapasu (stan minus rezerwacje), a kontrola dostępności jest blokująca.',
  },
  reference: { unknown: 'Wprowadzony kod nie istnieje.' },
  count: {
    bin_required: 'Ten arkusz jest spisywany według miejsc: najpierw zeskanuj lub wpisz miejsce składowania.',
    blind_mark_all: 'Arkusz spisowy {{countListNumber}} jest spisywany na ślepo: zgłoś każdą pozycję osobno.',
    illegal_transition: 'Arkusz spisowy nie może teraz przejść do tego statusu.',
    import_duplicate: 'Plik zgłasza tę samą pozycję więcej niż raz.',
    import_unknown_position: 'Plik zawiera wiersze, które nie pasują do żadnej pozycji arkusza spisowego.',
    inventory_closed: 'Inwentaryzacja jest zamknięta.',
    inventory_not_open: 'Inwentaryzacja nie została jeszcze rozpoczęta: najpierw ją rozpocznij.',
    list_closed: 'Arkusz spisowy {{countListNumber}} jest zamknięty i nie można go już zmienić.',
    marked_for_verification:
      'Arkusz spisowy {{countListNumber}} ma pozycje oznaczone do weryfikacji ({{markedItems}}): najpierw je zweryfikuj.',
    negative_result: 'Spisana ilość nie może być ujemna (dotychczas spisano: {{previous}}).',
    not_all_reported: 'Arkusz spisowy {{countListNumber}} ma jeszcze niezgłoszone pozycje ({{openItems}}).',
    not_open: 'Arkusz spisowy nie jest otwarty do spisu.',
    on_other_list: 'To jest już spisywane na otwartym arkuszu spisowym {{countListNumber}}: zgłoś to tam.',
    place_not_on_list: 'To miejsce nie należy do arkusza spisowego.',
    zone_required: 'Zeskanuj strefę, w której liczysz (lub miejsce składowania, jeśli strefa je ma).',
    postings_parked:
      'Księgowania zamknięcia arkuszy nadal czekają w błędach księgowania: najpierw je zaksięguj lub odrzuć.',
    report_id_reused: 'To zgłoszenie zostało już wysłane dla innego arkusza spisowego.',
    serial_quantity: 'Numer seryjny spisuje się jako 0 lub 1.',
    single_reporting_required: 'Ta inwentaryzacja wymaga osobnego zgłoszenia każdej pozycji.',
    value_key_missing:
      'W inwentaryzacji brakuje klucza księgowania dla tego księgowania: uzupełnij go w inwentaryzacji.',
  },
  job: {
    unknown_kind: 'Serwer nie zna tego zadania w tle.',
    failed: 'Zadanie w tle nie powiodło się. Uruchom je ponownie.',
  },
  inventory: {
    closed: 'Inwentaryzacja jest zamknięta.',
    fiscal_year_locked: 'Roku obrotowego nie można już zmienić: wygenerowano z nim arkusze spisowe.',
    has_closed_lists: 'Arkusz spisowy {{list}} jest zamknięty i ma księgowania, więc inwentaryzacji nie można usunąć.',
    illegal_transition: 'Niemożliwe w bieżącym statusie inwentaryzacji.',
    key_kind: 'Klucz księgowania {{code}} ma niewłaściwy rodzaj dla tego pola.',
    keys_locked: 'Kluczy księgowania nie można zmienić, gdy istnieje arkusz spisowy.',
    owner_locked: 'Właściciela zapasu nie można zmienić, gdy inwentaryzacja ma arkusze spisowe lub została rozpoczęta.',
    period_closed: 'Okres księgowy {{period}} daty spisu jest zamknięty.',
    site_required: 'Wybierz oddział inwentaryzacji.',
    stock_taking_date_locked: 'Daty spisu nie można już zmienić: wygenerowano z nią arkusze spisowe.',
    stock_taking_date_required: 'Metoda „Dzień spisu” wymaga daty spisu.',
    type_locked: 'Typu inwentaryzacji nie można zmienić po pierwszym zapisie.',
    valuation_locked: 'Ceny wyceny nie można zmienić, gdy istnieje arkusz spisowy.',
    value_key_not_allowed: 'Zasoby produkcyjne otrzymują tylko korekty ilości: pozostaw klucz korekty wartości pusty.',
  },
  generation: {
    method_not_allowed: 'Ten wybór jest niedozwolony dla metody inwentaryzacji.',
    no_responsible_inventory:
      'Nikt nie mógłby liczyć tych arkuszy: osoba odpowiedzialna pochodzi z inwentaryzacji {{inventoryNumber}}, która jej nie ma. Ustaw osobę odpowiedzialną inwentaryzacji, wybierz inne źródło lub przypisz liczących.',
    no_responsible_warehouse:
      'Nikt nie mógłby liczyć tych arkuszy: osoba odpowiedzialna pochodzi z magazynu, a magazyn {{warehouses}} jej nie ma. Ustaw osobę odpowiedzialną magazynu, wybierz inne źródło lub przypisz liczących.',
    parameter_invalid: 'Jeden z parametrów generowania arkuszy spisowych jest nieprawidłowy.',
    structure_invalid: 'Tabela struktury jest nieprawidłowa dla tego typu spisu.',
    unfinished:
      'Inwentaryzacja {{inventoryNumber}} ma generowanie przerwane w połowie. Wygeneruj ponownie z tymi samymi parametrami, aby je dokończyć, albo najpierw usuń jej częściowo wygenerowane arkusze.',
  },
  sample: {
    already_drawn: 'Próba tej inwentaryzacji została już wylosowana. Rozszerz ją albo wybierz zamiast niej spis pełny.',
    extend_not_offered:
      'Ostatnie oszacowanie nie proponuje rozszerzenia próby. Oszacuj ponownie po spisie albo wybierz spis pełny.',
    full_count_chosen: 'Dla tej inwentaryzacji wybrano spis pełny; próba nie jest już szacowana ani rozszerzana.',
    not_configured: 'Typ inwentaryzacji nie ma ustawień próby. Najpierw ustaw je w typie inwentaryzacji.',
    not_counted: 'Nie wszystkie wylosowane pozycje zostały jeszcze policzone (brakuje: {{missingCount}}).',
    not_drawn: 'Dla tej inwentaryzacji nie wylosowano jeszcze próby. Najpierw wygeneruj jej arkusze spisowe.',
    not_sample_method: 'Ta inwentaryzacja nie stosuje metody próby.',
  },
  review: {
    approval_pending:
      'Nie można zamknąć listy spisowej {{countListNumber}}: pozycje {{lines}} są poza tolerancją i czekają na ponowne przeliczenie lub zatwierdzenie przez kierownika.',
    illegal_transition: 'Ta pozycja nie może przejść ze stanu weryfikacji {{from}} do {{to}}.',
    not_pending: 'Ta pozycja nie czeka na zatwierdzenie (stan: {{state}}).',
    reason_required: 'Różnica jest poza tolerancją: wybierz kod przyczyny.',
    reason_unknown: 'Kod przyczyny {{reasonCode}} nie istnieje lub nie jest już aktywny.',
    same_counter: 'Tę pozycję przelicza inny liczący z listy, nie osoba, która liczyła ją jako pierwsza.',
  },
  barcode: { invalid: 'Nie można odczytać kodu kreskowego.' },
  demo: {
    database_not_empty:
      'Dane demonstracyjne wymagają pustej bazy danych; ta ma już oddziały ({{sites}}) i artykuły ({{items}}).',
  },
  coding: {
    barcode_invalid: 'To nie jest prawidłowy kod kreskowy.',
    no_rule: 'Nie podano kodu i nie skonfigurowano dla niego automatycznej numeracji.',
    sequence_exhausted: 'W schemacie numeracji zabrakło wolnych numerów.',
  },
  price: {
    not_found: 'Brak ceny ważnej dla tej daty i ilości.',
    tiers_invalid: 'Progi cenowe lub rabaty są nieprawidłowe.',
    validity_overlap: 'Inna cena tego cennika obowiązuje w tym samym okresie.',
  },
  lot: { class_required: 'Artykuł wymaga klasy partii lub klasy numerów seryjnych.' },
  import: {
    header_invalid: 'Nie można odczytać pliku: sprawdź wiersz nagłówka i format.',
    rows_rejected: 'Niektóre wiersze pliku zostały odrzucone.',
  },
  print: {
    nothing_to_print: 'Nic do wydrukowania: wybrane arkusze spisowe nie mają nic do druku dla tego zastosowania.',
    too_large: 'Za dużo do wydrukowania naraz: drukuj mniej arkuszy jednocześnie.',
  },
  validationRule: {
    required: 'Wymagane',
    invalid_type: 'Nieprawidłowa wartość',
    invalid_type_string: 'Musi być tekstem',
    invalid_type_number: 'Musi być liczbą',
    invalid_type_int: 'Musi być liczbą całkowitą',
    invalid_type_boolean: 'Musi być tak lub nie',
    invalid_type_array: 'Musi być listą',
    invalid_type_date: 'Musi być datą',
    too_small: 'Musi wynosić co najmniej {{minimum}}',
    too_small_number_exclusive: 'Musi być większe niż {{minimum}}',
    too_small_string_one: 'Nie może być puste',
    too_small_string_few: 'Co najmniej {{count}} znaki',
    too_small_string_many: 'Co najmniej {{count}} znaków',
    too_small_string_other: 'Co najmniej {{count}} znaku',
    too_small_array_one: 'Potrzebna jest co najmniej jedna pozycja',
    too_small_array_few: 'Potrzebne są co najmniej {{count}} pozycje',
    too_small_array_many: 'Potrzeba co najmniej {{count}} pozycji',
    too_small_array_other: 'Potrzeba co najmniej {{count}} pozycji',
    too_big: 'Może wynosić najwyżej {{maximum}}',
    too_big_number_exclusive: 'Musi być mniejsze niż {{maximum}}',
    too_big_string_one: 'Najwyżej {{count}} znak',
    too_big_string_few: 'Najwyżej {{count}} znaki',
    too_big_string_many: 'Najwyżej {{count}} znaków',
    too_big_string_other: 'Najwyżej {{count}} znaku',
    too_big_array_one: 'Najwyżej jedna pozycja',
    too_big_array_few: 'Najwyżej {{count}} pozycje',
    too_big_array_many: 'Najwyżej {{count}} pozycji',
    too_big_array_other: 'Najwyżej {{count}} pozycji',
    invalid_format: 'Nieprawidłowy format',
    invalid_format_email: 'Musi być adresem e-mail',
    invalid_format_date: 'Musi być datą (rrrr-mm-dd)',
    invalid_format_datetime: 'Musi być datą i godziną',
    invalid_format_uuid: 'Musi być identyfikatorem',
    invalid_value: 'Musi być jedną z wartości: {{values}}',
    not_multiple_of: 'Musi być wielokrotnością {{divisor}}',
    common_password: 'To hasło jest zbyt popularne lub znane z wycieków danych; wybierz inne',
    json: 'Żądanie nie jest poprawnym JSON',
    media_type: 'Ten rodzaj treści nie jest przyjmowany',
    check: 'Narusza regułę rekordu',
    invalid_characters: 'Zawiera znak, którego nie można zapisać',
    same_as_username: 'Hasło nie może być nazwą użytkownika',
    invalid_union: 'Nieprawidłowa wartość',
    custom: 'Nieprawidłowa wartość',
  },
};

const bundle: Bundle = {
  en: { errorCodes: en },
  it: { errorCodes: it },
  pl: { errorCodes: pl },
  de: { errorCodes: de },
};
export default bundle;
