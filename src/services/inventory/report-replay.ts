// A report sent twice at once (same clientReportId: an offline queue flushed from two tabs, a retry after
// a timeout) must be recorded once and answered twice with the first report. Reports on one list are
// serialised by the list's row lock, but under READ COMMITTED the second copy's "was this id used?" probe
// ran in the head query's snapshot, taken before it waited for that lock; its insert then meets the unique
// index count_reports_client_id_key. By then the first copy has committed, so running the use case once more
// sees it and replays it — no extra statement on the usual path, where nothing races.

import { constraintOf, sqlState } from '../db-errors.js';

const CLIENT_ID_KEY = 'count_reports_client_id_key';

function isClientIdRace(e: unknown): boolean {
  return sqlState(e) === '23505' && constraintOf(e) === CLIENT_ID_KEY;
}

/** Runs a reporting use case (its own transaction); a lost race on the report id runs it once more, as a replay. */
export async function onceByClientReportId<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!isClientIdRace(e)) throw e;
    return run();
  }
}
