// Translations of count-list administration (reassign, manual close) (en, it, pl, de).
import type { Bundle } from '../../i18n/bundle';

const bundle: Bundle = { en: {}, it: {}, pl: {}, de: {} };
export default bundle;
