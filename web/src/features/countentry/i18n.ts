// Translations of the back-office count entry (en, it, pl, de); top-level keys are this feature's own.
import type { Bundle } from '../../i18n/bundle';

const bundle: Bundle = { en: {}, it: {}, pl: {}, de: {} };
export default bundle;
