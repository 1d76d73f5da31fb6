// The sample panel: before the draw it says how the sample is drawn; after an estimate it shows the figures as
// the exact strings formatted for the language, the verdict's reasons in words, the strata table; Extend asks
// first and posts; a refused estimate shows the translated error.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import i18n from '../../i18n/index';
import { mockFetch, renderUi, type Call } from '../../test/render';
import { SamplePanel, type SampleView } from './SamplePanel';

const none = () => undefined;
const sent = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');
const config = {
  confidence: 0.95,
  targetRelativePrecision: 0.02,
  completeLayer: { minValue: '500' },
  strata: 2,
  allocation: 'neyman' as const,
  minPerStratum: 3,
  seed: 5,
  estimator: 'ratio' as const,
  acceptance: { kind: 'book_in_interval' as const },
  fullCountShare: 0.5,
  maxDraws: 2,
};
const stratum = (index: number, N: number, X: string, n: number) => ({
  index,
  minBookValue: '1.00',
  maxBookValue: '160.00',
  firstId: String(index * 100),
  lastId: String(index * 100 + N),
  populationCount: N,
  bookTotal: X,
  bookStdDev: 10,
  sampleSize: n,
  drawn: [],
});
const drawn: SampleView = {
  inventoryId: '9',
  drawn: true,
  outcome: 'drawn',
  fullCount: false,
  design: {
    config,
    z: 1.959964,
    stratification: 'cumulative_sqrt_f',
    population: { count: 1240, bookTotal: '1234567.89' },
    completeLayer: { count: 40, bookTotal: '234567.89', positions: [] },
    sampled: { count: 1200, bookTotal: '1000000.00' },
    strata: [stratum(1, 800, '400000.00', 30), stratum(2, 400, '600000.00', 50)],
    sampleSize: 80,
    plannedStandardError: 10000,
    draws: 1,
  },
  result: null,
  positions: { population: 1120, complete: 40, drawn: 80 },
  drawnAt: '2026-03-15T10:00:00.000Z',
  estimatedAt: null,
};
const estimated: SampleView = {
  ...drawn,
  outcome: 'extend',
  estimatedAt: '2026-03-16T10:00:00.000Z',
  result: {
    estimator: 'ratio',
    bookTotal: '1234567.89',
    completeLayer: { count: 40, bookTotal: '234567.89', countedTotal: '234000.00' },
    estimate: '1220000.50',
    standardError: 15000.123,
    z: 1.959964,
    interval: { lower: '1190600.25', upper: '1249400.75' },
    achievedRelativePrecision: 0.0241,
    targetRelativePrecision: 0.02,
    ratio: '0.986',
    strata: [
      {
        index: 1,
        populationCount: 800,
        sampleSize: 30,
        bookTotal: '400000.00',
        sampleBookMean: '500.00',
        sampleCountedMean: '495.50',
        estimate: '396000.00',
        residualStdDev: 12,
        variance: 1,
      },
      {
        index: 2,
        populationCount: 400,
        sampleSize: 50,
        bookTotal: '600000.00',
        sampleBookMean: '1500.00',
        sampleCountedMean: '1480.25',
        estimate: '590000.50',
        residualStdDev: 20,
        variance: 1,
      },
    ],
    verdict: {
      passes: false,
      precisionMet: false,
      acceptanceMet: true,
      reasons: [{ code: 'precision_not_met', params: { achieved: 0.0241, target: 0.02 } }],
      offer: { kind: 'extend', n: 120, perStratum: [45, 75] },
    },
  },
};

afterEach(() => {
  vi.restoreAllMocks();
  void i18n.changeLanguage('en');
});

describe('sample panel', () => {
  it('before the draw: says how the sample is drawn; nothing can be done yet', async () => {
    mockFetch(() => ({ ...drawn, drawn: false, outcome: null, design: null }));
    renderUi(<SamplePanel inventoryId="9" onChanged={none} />);
    expect(await screen.findByText('Not drawn')).toBeTruthy();
    expect(screen.getByTestId('sample-not-drawn').textContent).toMatch(/Generating the article count lists draws it/);
    for (const b of ['sample-estimate', 'sample-extend', 'sample-full-count', 'sample-print'])
      expect((screen.getByTestId(b) as HTMLButtonElement).disabled).toBe(true);
  });

  it('after an estimate: figures, reasons and strata as the server sent them, formatted', async () => {
    mockFetch(() => estimated);
    renderUi(<SamplePanel inventoryId="9" onChanged={none} />);
    expect(await screen.findByText('Not passed – extend')).toBeTruthy();
    expect(screen.getByTestId('sample-book').textContent).toBe('1,234,567.89');
    expect(screen.getByTestId('sample-estimate-value').textContent).toBe('1,220,000.50');
    expect(screen.getByTestId('sample-interval').textContent).toBe('1,190,600.25 – 1,249,400.75');
    expect(screen.getByTestId('sample-precision').textContent).toBe('±2.41% (target ±2%)');
    expect(screen.getByTestId('sample-se').textContent).toBe('15,000.12');
    expect(screen.getByTestId('sample-difference').textContent).toBe('-14,567.39');
    expect(screen.getByTestId('sample-reasons').textContent).toBe(
      'The achieved precision ±2.41% is above the target ±2%.',
    );
    expect(screen.getByTestId('sample-offer').textContent).toBe('Offered: extend the sample to 120 positions.');
    const row = screen.getByTestId('sample-stratum-2').querySelectorAll('td');
    expect([...row].map((c) => c.textContent)).toEqual([
      '2',
      '1.00 – 160.00',
      '400',
      '600,000.00',
      '50',
      '1,500.00',
      '1,480.25',
      '590,000.50',
    ]);
    expect((screen.getByTestId('sample-extend') as HTMLButtonElement).disabled).toBe(false);
  });

  it('in German: the same exact strings with German separators', async () => {
    mockFetch(() => estimated);
    renderUi(<SamplePanel inventoryId="9" onChanged={none} />);
    await screen.findByText('Not passed – extend');
    await i18n.changeLanguage('de');
    await waitFor(() => expect(screen.getByTestId('sample-estimate-value').textContent).toBe('1.220.000,50'));
    expect(screen.getByTestId('sample-outcome').textContent).toBe('Nicht angenommen – erweitern');
    expect(screen.getByTestId('sample-reasons').textContent).toMatch(/±2,41\s%/);
  });

  it('Extend asks first, then posts and reports the generated lists', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    const changed = vi.fn();
    const calls = mockFetch((c) =>
      c.method === 'POST'
        ? {
            sample: { ...drawn, design: { ...drawn.design!, draws: 2 } },
            generation: { lists: [{}, {}], positions: 40 },
          }
        : estimated,
    );
    renderUi(<SamplePanel inventoryId="9" onChanged={changed} />);
    fireEvent.click(await screen.findByTestId('sample-extend'));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('the sample holds 120'));
    await waitFor(() =>
      expect(sent(calls)[0]).toMatchObject({ method: 'POST', path: '/api/inventories/9/sample/extend' }),
    );
    await waitFor(() => expect(screen.getByTestId('sample-outcome').textContent).toBe('Drawn – to be estimated'));
    expect(changed).toHaveBeenCalled();
  });

  it('a refused estimate shows the translated error with its figures', async () => {
    mockFetch((c) =>
      c.method === 'POST'
        ? [
            422,
            {
              error: {
                code: 'sample.not_counted',
                message: '12 drawn or complete-layer positions are not counted yet',
                params: { missingCount: 12, missing: ['1'] },
              },
            },
          ]
        : drawn,
    );
    renderUi(<SamplePanel inventoryId="9" onChanged={none} />);
    fireEvent.click(await screen.findByTestId('sample-estimate'));
    await waitFor(() => expect(screen.getByTestId('sample-error').textContent).toMatch(/12/));
    expect(screen.getByTestId('sample-error').textContent).not.toMatch(/sample\.not_counted/);
  });
});
