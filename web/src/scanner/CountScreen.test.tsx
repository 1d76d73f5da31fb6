// The counting screen's place step and messages: a zone scanned or picked where stock sits on an
// unstructured zone; a bin that is not on the list warned about at once (which other list has it; count here
// or scan another; refused with the reason where found items are not taken), offline too; found items said
// as such; quantities shown with their unit; and no target on a blind list.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../test/render';
import { CountScreen } from './CountScreen';
import type { HandheldList } from './handheldApi';
import { placeOfScan, placeNeeds, pickableZones } from './places';

let n = 0;
const listOf = (o: Partial<HandheldList> = {}): HandheldList => ({
  id: String(++n),
  number: `L${n}`,
  name: '',
  inventoryNumber: 'INV-1',
  countType: 'article',
  status: 'open',
  keepLocation: true,
  reportType: 'single',
  showsTargets: false,
  ...o,
});

const line = (o: Record<string, unknown>) => ({
  id: String(++n),
  lineNo: n,
  itemId: '1',
  itemCode: 'NUTS',
  description: 'Nuts M4',
  unit: 'PZ',
  lotManagement: 'no',
  serialManagement: false,
  warehouseCode: 'W1',
  zoneCode: 'A',
  binId: null,
  binCode: null,
  lot: '',
  serial: '',
  status: 'open',
  reportedQuantity: null,
  addedByCount: false,
  ...o,
});

const catalogItems = [
  {
    itemId: '1',
    code: 'NUTS',
    description: 'Nuts M4',
    primaryUnit: 'PZ',
    lotManagement: 'no',
    serialManagement: false,
    searchCodes: [{ code: '96385074', unit: 'PZ' }],
  },
  {
    itemId: '2',
    code: 'SCREWS',
    description: 'Screws M4',
    primaryUnit: 'PZ',
    lotManagement: 'no',
    serialManagement: false,
    searchCodes: [{ code: '4006381333931', unit: 'CT' }],
  },
];
const bins = [
  { id: '11', code: '01-01', barcode: 'BIN0101', blocked: false },
  { id: '14', code: '01-04', barcode: 'BIN0104', blocked: false },
];
const zones = [
  { id: '21', code: 'A', name: 'Rack', structured: true, onList: false },
  { id: '22', code: 'FLOOR', name: 'Floor', structured: false, onList: true },
];

const recorded = (o: {
  quantity: string;
  unit: string;
  primary: string;
  entered: string;
  place: { kind: string; code: string };
  added?: boolean;
  found?: unknown;
}) => ({
  status: 'recorded',
  duplicate: false,
  added: o.added ?? false,
  found: o.found ?? null,
  place: o.place,
  item: {
    itemId: '1',
    itemCode: 'X',
    description: '',
    primaryUnit: o.primary,
    enteredQuantity: o.entered,
    enteredUnit: o.unit,
    quantity: o.quantity,
  },
  line: { id: '1', lineNo: 1, status: 'reported', reportedQuantity: o.quantity, addedByCount: o.added ?? false },
  report: { id: '1', mode: 'replace', quantity: o.quantity, previousQuantity: null },
});

function serve(rows: unknown[], extra: (c: Call) => unknown = () => undefined) {
  // The list counts on FLOOR only when one of its lines is there.
  const zonesHere = zones.map((z) => ({
    ...z,
    onList: rows.some(
      (r) =>
        (r as { zoneCode: string; binCode: string | null }).zoneCode === z.code &&
        !(r as { binCode: string | null }).binCode,
    ),
  }));
  return mockFetch((c) => {
    const more = extra(c);
    if (more !== undefined) return more;
    if (c.path.endsWith('/items')) return { items: rows, nextOffset: null };
    if (c.path.endsWith('/lookup')) {
      const kind = c.query.get('kind');
      return { kind, items: kind === 'items' ? catalogItems : kind === 'bins' ? bins : zonesHere, nextOffset: null };
    }
    return [404, { error: { code: 'not_found', message: `no mock for ${c.method} ${c.path}` } }];
  });
}

const outbox = (online = true) => ({
  online,
  waiting: 0,
  failed: 0,
  refresh: async () => undefined,
  sync: async () => ({ sent: 0, failed: 0, waiting: 0 }),
});

async function ready() {
  await waitFor(() => expect(screen.getByTestId('count-screen').getAttribute('data-ready')).toBe('true'));
}
async function type(code: string) {
  const input = await screen.findByTestId('scan-entry');
  fireEvent.change(input, { target: { value: code } });
  fireEvent.submit(input.closest('form')!);
}
async function confirm(quantity: string) {
  fireEvent.change(await screen.findByTestId('qty-input'), { target: { value: quantity } });
  fireEvent.submit(screen.getByTestId('qty-input').closest('form')!);
}
const message = () => screen.getByTestId('scan-message').textContent ?? '';

describe('places on the device', () => {
  it('a bin first (code or barcode), then a zone code in either case; a zone-only list needs a zone, not a bin', () => {
    const rows = [line({ zoneCode: 'FLOOR' })] as never;
    expect(placeOfScan('BIN0104', bins, zones, rows)).toEqual({ kind: 'bin', code: '01-04' });
    expect(placeOfScan('floor', bins, zones, rows)).toEqual({ kind: 'zone', code: 'FLOOR', structured: false });
    expect(placeOfScan('A', bins, zones, rows)).toEqual({ kind: 'zone', code: 'A', structured: true });
    expect(placeOfScan('96385074', bins, zones, rows)).toBeNull();
    expect(placeNeeds('article', rows, zones)).toEqual({ bins: false, zones: true });
    expect(placeNeeds('bin', [line({ binCode: '01-01' })] as never, zones)).toEqual({ bins: true, zones: false });
    expect(pickableZones('article', rows, zones).map((z) => z.code)).toEqual(['FLOOR']);
  });
});

describe('counting screen: zones', () => {
  it('a list with bins and an unstructured zone: the zone is picked, the item reported there (zone, no bin), the quantity with its unit', async () => {
    const calls = serve([line({ itemCode: 'SCREWS', binCode: '01-01' }), line({ zoneCode: 'FLOOR' })], (c) =>
      c.method === 'POST' && c.path.endsWith('/scans')
        ? recorded({ quantity: '3', entered: '3', unit: 'PZ', primary: 'PZ', place: { kind: 'zone', code: 'FLOOR' } })
        : undefined,
    );
    renderUi(<CountScreen list={listOf()} outbox={outbox()} onLeave={() => undefined} />);
    await ready();
    expect(screen.getByTestId('current-bin').textContent).toBe('Scan the bin or the zone');
    fireEvent.click(await screen.findByTestId('zone-pick-FLOOR'));
    await waitFor(() => expect(screen.getByTestId('current-bin').textContent).toBe('Zone FLOOR'));
    await type('96385074');
    await confirm('3');
    await waitFor(() => expect(message()).toBe('Recorded: 3 PZ · Zone FLOOR'));
    const sent = calls.find((c) => c.path.endsWith('/scans'))!.body as Record<string, unknown>;
    expect(sent).toMatchObject({ zone: 'FLOOR', barcode: '96385074', quantity: '3' });
    expect(sent.bin).toBeUndefined();
    expect(screen.getByTestId('last-reports').textContent).toContain('3 PZ');
  });

  it('a zone-only list starts on its zone; a zone with bins is refused with "scan the bin"', async () => {
    serve([line({ zoneCode: 'FLOOR' })]);
    renderUi(<CountScreen list={listOf()} outbox={outbox()} onLeave={() => undefined} />);
    await ready();
    expect(screen.getByTestId('current-bin').textContent).toBe('Zone FLOOR');
    await type('A');
    await waitFor(() => expect(message()).toBe('Zone A has bins: scan the bin'));
  });
});

describe('counting screen: a bin not on the list', () => {
  it('online: warned at once naming the other list; "Count here" takes it, and the found item is said as such (2 CT = 24 PZ)', async () => {
    const calls = serve([line({ itemCode: 'SCREWS', binCode: '01-01', zoneCode: 'A' })], (c) => {
      if (c.path === '/api/handheld/places/resolve')
        return {
          kind: 'bin',
          code: '01-04',
          onList: false,
          otherList: { number: 'L0002', name: '', countType: 'article' },
          foundAllowed: true,
          refusal: null,
        };
      if (c.path.endsWith('/scans'))
        return recorded({
          quantity: '24',
          entered: '2',
          unit: 'CT',
          primary: 'PZ',
          place: { kind: 'bin', code: '01-04' },
          added: true,
          found: { otherList: null },
        });
      return undefined;
    });
    renderUi(<CountScreen list={listOf()} outbox={outbox()} onLeave={() => undefined} />);
    await ready();
    await type('BIN0104');
    const warning = await screen.findByTestId('place-warning');
    expect(warning.textContent).toContain('Bin 01-04 is not on this list. Count list L0002 has it. Count here anyway?');
    expect(screen.getByTestId('current-bin').textContent).toBe('Scan bin');
    fireEvent.click(screen.getByTestId('place-continue'));
    await waitFor(() => expect(screen.getByTestId('current-bin').textContent).toBe('01-04'));
    await type('4006381333931');
    await waitFor(() => expect(message()).toContain('not expected here: it will be added as a found item'));
    expect(screen.getByTestId('found-badge')).toBeTruthy();
    await confirm('2');
    await waitFor(() =>
      expect(message()).toBe('Recorded: 2 CT (24 PZ) · Bin 01-04 · added to the list as a found item'),
    );
    expect(calls.find((c) => c.path.endsWith('/scans'))!.body).toMatchObject({ bin: '01-04', quantity: '2' });
  });

  it('online: a bin the device has not cached (made after the list) is asked of the server at the bin step', async () => {
    const calls = serve([line({ itemCode: 'SCREWS', binCode: '01-01', zoneCode: 'A' })], (c) =>
      c.path === '/api/handheld/places/resolve'
        ? { kind: 'bin', code: '01-09', onList: false, otherList: null, foundAllowed: true, refusal: null }
        : undefined,
    );
    renderUi(<CountScreen list={listOf()} outbox={outbox()} onLeave={() => undefined} />);
    await ready();
    await type('BIN0109');
    expect((await screen.findByTestId('place-warning')).textContent).toContain(
      'Bin 01-09 is not on this list. Count here anyway?',
    );
    expect(calls.find((c) => c.path === '/api/handheld/places/resolve')!.body).toEqual({
      listId: expect.any(String),
      code: 'BIN0109',
    });
  });

  it('online: a found item another list counts here is named', async () => {
    serve([line({ itemCode: 'SCREWS', binCode: '01-01', zoneCode: 'A' })], (c) =>
      c.path.endsWith('/scans')
        ? recorded({
            quantity: '1',
            entered: '1',
            unit: 'PZ',
            primary: 'PZ',
            place: { kind: 'bin', code: '01-01' },
            added: true,
            found: { otherList: { number: 'L0007', name: '', holds: 'item' } },
          })
        : undefined,
    );
    renderUi(<CountScreen list={listOf()} outbox={outbox()} onLeave={() => undefined} />);
    await ready();
    await type('BIN0101');
    await type('96385074');
    await confirm('1');
    await waitFor(() =>
      expect(message()).toBe(
        'Recorded: 1 PZ · Bin 01-01 · added as a found item; count list L0007 counts this item elsewhere',
      ),
    );
  });

  it('online: refused where found items are not taken, with the reason; the bin is not set', async () => {
    serve([line({ itemCode: 'SCREWS', binCode: '01-01', zoneCode: 'A' })], (c) =>
      c.path === '/api/handheld/places/resolve'
        ? {
            kind: 'bin',
            code: '01-04',
            onList: false,
            otherList: { number: 'L0003', name: 'Rack', countType: 'bin' },
            foundAllowed: false,
            refusal: {
              code: 'count.on_other_list',
              message: 'bin 01-04 is counted on bin list L0003',
              params: { countListNumber: 'L0003' },
            },
          }
        : undefined,
    );
    renderUi(<CountScreen list={listOf()} outbox={outbox()} onLeave={() => undefined} />);
    await ready();
    await type('BIN0104');
    await waitFor(() =>
      expect(message()).toBe(
        'Bin 01-04 is not on this list. Count list L0003 has it. This is already counted on open count list L0003: report it there.',
      ),
    );
    expect(screen.queryByTestId('place-warning')).toBeNull();
    expect(screen.getByTestId('current-bin').textContent).toBe('Scan bin');
  });

  it('offline: the warning comes from the cached list (the server checks when sent); a bin list refuses a bin of its own warehouse not on it', async () => {
    const calls = serve([line({ itemCode: 'SCREWS', binCode: '01-01', zoneCode: 'A' })]);
    const view = renderUi(<CountScreen list={listOf()} outbox={outbox(false)} onLeave={() => undefined} />);
    await ready();
    await type('BIN0104');
    expect((await screen.findByTestId('place-warning')).textContent).toContain(
      'Bin 01-04 is not on this list. Count here anyway? What you find is added to this list as found items. (Offline',
    );
    expect(calls.some((c) => c.path === '/api/handheld/places/resolve')).toBe(false);
    view.unmount();
    serve([line({ itemCode: 'SCREWS', binCode: '01-01', zoneCode: 'A' })]);
    renderUi(<CountScreen list={listOf({ countType: 'bin' })} outbox={outbox(false)} onLeave={() => undefined} />);
    await ready();
    await type('BIN0104');
    await waitFor(() =>
      expect(message()).toBe(
        'Bin 01-04 is not on this list. This bin list takes only its own bins: scan a bin of the list.',
      ),
    );
  });
});

describe('counting screen: targets', () => {
  it('with system quantities shown the target has its unit; a blind list shows none', async () => {
    serve([
      line({ itemCode: 'SCREWS', binCode: '01-01', zoneCode: 'A', targetQuantity: '30', proposedQuantity: '30' }),
    ]);
    const view = renderUi(
      <CountScreen list={listOf({ showsTargets: true })} outbox={outbox()} onLeave={() => undefined} />,
    );
    await ready();
    await type('BIN0101');
    await type('4006381333931');
    expect((await screen.findByTestId('target')).textContent).toBe('Target: 30 PZ');
    expect(screen.getByText('Quantity (CT)')).toBeTruthy();
    expect((screen.getByTestId('qty-input') as HTMLInputElement).value).toBe('30');
    view.unmount();
    serve([line({ itemCode: 'SCREWS', binCode: '01-01', zoneCode: 'A' })]);
    renderUi(<CountScreen list={listOf()} outbox={outbox()} onLeave={() => undefined} />);
    await ready();
    await type('BIN0101');
    await type('4006381333931');
    await screen.findByTestId('item-panel');
    expect(screen.queryByTestId('target')).toBeNull();
    expect(screen.queryByText(/Target/)).toBeNull();
  });
});

describe('counting screen: what the server proposes', () => {
  it('a difference list of a blind inventory shows the target and proposes what the server sent (0 to add)', async () => {
    // The server decides: a difference list always shows targets and counts cumulatively, so it proposes 0
    // even where the inventory counts blind and its report type is single.
    serve([line({ itemCode: 'SCREWS', binCode: '01-01', zoneCode: 'A', targetQuantity: '30', proposedQuantity: '0' })]);
    renderUi(
      <CountScreen
        list={listOf({ countType: 'differences', showsTargets: true, reportType: 'single' })}
        outbox={outbox()}
        onLeave={() => undefined}
      />,
    );
    await ready();
    await type('BIN0101');
    await type('4006381333931');
    expect((await screen.findByTestId('target')).textContent).toBe('Target: 30 PZ');
    expect((screen.getByTestId('qty-input') as HTMLInputElement).value).toBe('0');
  });
});
