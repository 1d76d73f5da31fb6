// The ledger functions closing needs, loaded on first use. The ledger module is written concurrently;
// loading it lazily keeps the API (and everyone's tests) starting while it is not there yet.
import type * as Ledger from '../ledger/index.js';

let mod: Promise<typeof Ledger> | undefined;
const ledger = () => (mod ??= import('../ledger/index.js'));

export const postMovements: typeof Ledger.postMovements = async (...args) => (await ledger()).postMovements(...args);
export const checkReservations: typeof Ledger.checkReservations = async (...args) => (await ledger()).checkReservations(...args);
export const reprocessPostingErrors: typeof Ledger.reprocessPostingErrors = async (...args) => (await ledger()).reprocessPostingErrors(...args);
