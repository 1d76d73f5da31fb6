// The handheld's outbox. Every report is written here first (IndexedDB, survives reloads and a dead
// battery) with its clientReportId, then sent in order. The server keeps clientReportId unique, so a report
// whose answer was lost is sent again without being counted twice: "exactly once" on the server.
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { ApiError } from '../api/client';

export interface ScanBody {
  clientReportId: string;
  bin?: string;
  /** Zone code: a report on an unstructured zone (no bin there). */
  zone?: string;
  barcode?: string;
  itemCode?: string;
  quantity: string;
  unit?: string;
  lot?: string;
  serial?: string;
  mode?: 'add' | 'replace';
  device?: string;
  /** Set on an undo: the clientReportId of the report to undo (queued like a report, sent in order). */
  undoOf?: string;
  /** Set on a "bin empty" confirmation of `bin` (a bin list's empty-bin line, reported with 0). */
  emptyBin?: boolean;
}

export interface QueuedReport {
  listId: string;
  body: ScanBody;
  /** Order of creation on this device; reports are sent in this order. */
  seq: number;
  createdAt: number;
  /** Set when the server refused the report for a rule (it will not get better by resending). */
  error?: { code: string; message: string };
}

export type SendResult =
  | ({ status: 'recorded' | 'undone' } & Record<string, unknown>)
  | { status: 'decision_needed'; previousQuantity?: string; suggestedMode?: 'add' | 'replace' };
export type Sender = (listId: string, body: ScanBody) => Promise<SendResult>;

export interface FlushOutcome {
  sent: number;
  failed: number;
  /** Reports still waiting because the network is down. */
  waiting: number;
}

let store: UseStore | null = null;
const db = () => (store ??= createStore('inventur-scanner', 'outbox'));
let counter = 0;

export async function enqueue(listId: string, body: ScanBody): Promise<QueuedReport> {
  const q: QueuedReport = { listId, body, seq: Date.now() * 1000 + (counter++ % 1000), createdAt: Date.now() };
  await set(body.clientReportId, q, db());
  return q;
}

export async function pending(): Promise<QueuedReport[]> {
  const all = await entries<string, QueuedReport>(db());
  return all.map(([, v]) => v).sort((a, b) => a.seq - b.seq);
}

export async function discard(clientReportId: string): Promise<void> {
  await del(clientReportId, db());
}

let flushing: Promise<FlushOutcome> | null = null;

/**
 * Sends the waiting reports in order. Stops at the first network failure (order matters: a later "replace"
 * must not overtake an earlier "add"). A report the server refuses stays with its error for the counter to
 * see and discard. A repeat scan that still needs Add/Replace cannot be decided here: the report was queued
 * with an explicit mode, so this does not happen for reports made by this page.
 */
export function flush(send: Sender): Promise<FlushOutcome> {
  // One flush at a time (an online event and a timer may fire together).
  flushing ??= (async () => {
    let sent = 0;
    let failed = 0;
    try {
      for (const q of await pending()) {
        if (q.error) {
          failed++;
          continue;
        }
        try {
          const r = await send(q.listId, q.body);
          if (r.status === 'decision_needed') {
            await set(
              q.body.clientReportId,
              { ...q, error: { code: 'decision_needed', message: 'repeat scan: choose add or replace' } },
              db(),
            );
            failed++;
            continue;
          }
          await del(q.body.clientReportId, db());
          sent++;
        } catch (e) {
          if (e instanceof ApiError && (e.offline || e.status >= 500 || e.status === 401)) break;
          const err =
            e instanceof ApiError ? { code: e.code, message: e.message } : { code: 'error', message: String(e) };
          await set(q.body.clientReportId, { ...q, error: err }, db());
          failed++;
        }
      }
      const rest = await pending();
      return { sent, failed, waiting: rest.filter((r) => !r.error).length };
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

/** A unique id for a report, made on the device. */
export function newClientReportId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
