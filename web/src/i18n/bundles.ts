// Every feature's translation bundle. Add a feature's bundle here; its top-level keys must be its own.
import setup from '../features/setup/i18n';
import settings from '../features/settings/i18n';
import itemSettings from '../features/itemsettings/i18n';
import users from '../features/users/i18n';
import postings from '../features/postings/i18n';
import places from '../features/places/i18n';
import scanUi from '../scanner/i18n';
import differences from '../features/differences/i18n';
import countEntry from '../features/countentry/i18n';
import listAdmin from '../features/listadmin/i18n';
import countFiles from '../features/countfiles/i18n';
import sample from '../features/inventories/SampleI18n';
import tolerance from '../features/inventories/ApprovalsI18n';
import cycle from '../features/cycle/i18n';
import errorCodes from './errorCodes';
import type { Bundle } from './bundle';

export const BUNDLES: Record<string, Bundle> = {
  errorCodes,
  setup,
  settings,
  itemSettings,
  users,
  postings,
  places,
  scanUi,
  differences,
  countEntry,
  listAdmin,
  countFiles,
  sample,
  tolerance,
  cycle,
};
