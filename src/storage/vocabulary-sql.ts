// The domain's status lists as SQL literals for hand-written statements (`status not in (${FINAL_LIST_STATUSES_SQL})`):
// literals, not parameters, so the planner sees the same predicate a partial index was built with.
import { sql } from 'kysely';
import { FINAL_STATUSES } from '../domain/inventory/count-list.js';

export const FINAL_LIST_STATUSES_SQL = sql.join(FINAL_STATUSES.map((s) => sql.lit(s)));
