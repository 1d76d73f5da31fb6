// The ledger functions closing needs, in one place (the seam to the ledger module).
export { checkReservations, postMovements, reprocessPostingErrors } from '../ledger/index.js';
