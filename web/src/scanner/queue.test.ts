import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { discard, enqueue, flush, pending, type ScanBody, type Sender } from './queue';

const body = (id: string, quantity = '1'): ScanBody => ({ clientReportId: id, barcode: 'A1', quantity });

describe('offline outbox', () => {
  beforeEach(async () => {
    for (const q of await pending()) await discard(q.body.clientReportId);
  });

  it('sends queued reports in creation order and empties the queue', async () => {
    for (const id of ['r1', 'r2', 'r3']) await enqueue('10', body(id));
    const sent: string[] = [];
    const out = await flush(async (listId, b) => {
      sent.push(`${listId}:${b.clientReportId}`);
      return { status: 'recorded' };
    });
    expect(sent).toEqual(['10:r1', '10:r2', '10:r3']);
    expect(out).toEqual({ sent: 3, failed: 0, waiting: 0 });
    expect(await pending()).toEqual([]);
  });

  it('stops at the first network failure and keeps the rest, in order, for the next try', async () => {
    for (const id of ['a', 'b', 'c']) await enqueue('10', body(id));
    let calls = 0;
    const flaky: Sender = async () => {
      calls++;
      if (calls === 2) throw new ApiError(0, 'network.offline', 'down');
      return { status: 'recorded' };
    };
    expect(await flush(flaky)).toEqual({ sent: 1, failed: 0, waiting: 2 });
    expect((await pending()).map((q) => q.body.clientReportId)).toEqual(['b', 'c']);
    const seen: string[] = [];
    await flush(async (_l, b) => {
      seen.push(b.clientReportId);
      return { status: 'recorded' };
    });
    expect(seen).toEqual(['b', 'c']);
  });

  it('a resend after a lost answer uses the same clientReportId (the server counts it once)', async () => {
    await enqueue('10', body('once'));
    const server = new Map<string, number>();
    let loseAnswer = true;
    const send: Sender = async (_l, b) => {
      server.set(b.clientReportId, (server.get(b.clientReportId) ?? 0) + 1);
      if (loseAnswer) {
        loseAnswer = false;
        throw new ApiError(0, 'network.offline', 'answer lost');
      }
      return { status: 'recorded' };
    };
    await flush(send);
    await flush(send);
    expect([...server.keys()]).toEqual(['once']);
    expect(await pending()).toEqual([]);
  });

  it('keeps a refused report with its error and goes on with the next', async () => {
    await enqueue('10', body('bad'));
    await enqueue('10', body('good'));
    const out = await flush(async (_l, b) => {
      if (b.clientReportId === 'bad') throw new ApiError(422, 'count_list.not_open', 'the list is closed');
      return { status: 'recorded' };
    });
    expect(out).toEqual({ sent: 1, failed: 1, waiting: 0 });
    const [left] = await pending();
    expect(left?.body.clientReportId).toBe('bad');
    expect(left?.error?.code).toBe('count_list.not_open');
  });

  it('concurrent flushes do not send a report twice', async () => {
    for (const id of ['x', 'y']) await enqueue('10', body(id));
    const sent: string[] = [];
    const send: Sender = async (_l, b) => {
      sent.push(b.clientReportId);
      await new Promise((r) => setTimeout(r, 5));
      return { status: 'recorded' };
    };
    await Promise.all([flush(send), flush(send)]);
    expect(sent).toEqual(['x', 'y']);
  });
});
