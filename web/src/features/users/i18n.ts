// Translations of this feature (en, it, pl, de); top-level keys are this feature's own.
import type { Bundle } from '../../i18n/bundle';

const en = {};
const bundle: Bundle = { en, it: {}, pl: {}, de: {} };
export default bundle;
