// The API's error codes as sentences people read, with the error's params; the code itself is never shown.
import type { Bundle } from './bundle';

const bundle: Bundle = { en: {}, it: {}, pl: {}, de: {} };
export default bundle;
