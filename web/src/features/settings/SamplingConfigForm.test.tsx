// The sampling configuration form: percent in the form, fractions in the body, the tolerance shifted exactly;
// a type without a configuration starts from the defaults; the parser's refusal (`sampling.<name>` with its
// rule and limits) appears on that field, in percent where the field is a percentage; read-only for managers.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import { DEFAULT_SAMPLING_CONFIG } from '../../../../src/domain/inventory/sampling/defaults';
import {
  SamplingConfigForm,
  samplingConfig,
  samplingValues,
  shiftDecimal,
  type SamplingConfig,
} from './SamplingConfigForm';

const none = () => undefined;
const sent = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');
const stored: SamplingConfig = {
  confidence: 0.99,
  targetRelativePrecision: 0.07,
  completeLayer: { minValue: '1000.00' },
  strata: 4,
  allocation: 'proportional',
  minPerStratum: 5,
  seed: 42,
  estimator: 'difference',
  acceptance: { kind: 'relative_difference', tolerance: '0.025' },
  fullCountShare: 0.5,
  maxDraws: 2,
};

describe('sampling values', () => {
  it('moves decimals as text', () => {
    expect(shiftDecimal('2.5', -2)).toBe('0.025');
    expect(shiftDecimal('150', -2)).toBe('1.5');
    expect(shiftDecimal('0.02', 2)).toBe('2');
    expect(shiftDecimal('0.125', 2)).toBe('12.5');
    expect(shiftDecimal('5', -2)).toBe('0.05');
  });

  it('round-trips a configuration through the form without float tails', () => {
    const v = samplingValues(stored);
    expect(v).toMatchObject({ confidencePct: 99, precisionPct: 7, tolerancePct: '2.5', layer: 'minValue' });
    expect(samplingConfig(v)).toEqual(stored);
    expect(samplingConfig(samplingValues(null))).toEqual(DEFAULT_SAMPLING_CONFIG);
  });
});

describe('sampling configuration form', () => {
  it('a type without one offers the defaults and saves them as fractions', async () => {
    const calls = mockFetch((c) =>
      c.method === 'GET' ? { typeId: '7', config: null } : { typeId: '7', config: DEFAULT_SAMPLING_CONFIG },
    );
    renderUi(<SamplingConfigForm typeId="7" typeCode="SMP" canWrite onClose={none} />);
    expect(await screen.findByText(/no sampling configuration yet/)).toBeTruthy();
    expect((screen.getByTestId('sampling-confidencePct') as HTMLInputElement).value).toBe('95 %');
    fireEvent.change(screen.getByTestId('sampling-strata'), { target: { value: '8' } });
    fireEvent.click(screen.getByTestId('sampling-save'));
    await waitFor(() =>
      expect(sent(calls)[0]).toMatchObject({
        method: 'PUT',
        path: '/api/inventory-types/7/sampling',
        body: { config: { ...DEFAULT_SAMPLING_CONFIG, strata: 8 } },
      }),
    );
  });

  it("shows the parser's refusal on its field, the limits in percent", async () => {
    mockFetch((c) =>
      c.method === 'GET'
        ? { typeId: '7', config: stored }
        : [
            400,
            {
              error: {
                code: 'validation.failed',
                message: 'sampling.targetRelativePrecision must be a number strictly between 0 and 1',
                field: 'sampling.targetRelativePrecision',
                params: { rule: 'range', min: 0, max: 1 },
              },
            },
          ],
    );
    renderUi(<SamplingConfigForm typeId="7" typeCode="SMP" canWrite onClose={none} />);
    await waitFor(() => expect((screen.getByTestId('sampling-precisionPct') as HTMLInputElement).value).toBe('7 %'));
    expect((screen.getByTestId('sampling-minValue') as HTMLInputElement).value).toBe('1000.00');
    fireEvent.click(screen.getByTestId('sampling-save'));
    expect(await screen.findByText('Must be from 0 to 100')).toBeTruthy();
    expect(screen.queryByTestId('sampling-error')).toBeNull();
  });

  it('refuses a whole-number field out of range before sending', async () => {
    const calls = mockFetch(() => ({ typeId: '7', config: stored }));
    renderUi(<SamplingConfigForm typeId="7" typeCode="SMP" canWrite onClose={none} />);
    await waitFor(() => expect((screen.getByTestId('sampling-strata') as HTMLInputElement).value).toBe('4'));
    fireEvent.change(screen.getByTestId('sampling-minPerStratum'), { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('sampling-save'));
    expect(await screen.findByText('Must be from 2 to 100000')).toBeTruthy();
    expect(sent(calls)).toHaveLength(0);
  });

  it('is read-only for a manager: no save, no remove', async () => {
    mockFetch(() => ({ typeId: '7', config: stored }));
    renderUi(<SamplingConfigForm typeId="7" typeCode="SMP" canWrite={false} onClose={none} />);
    await waitFor(() => expect((screen.getByTestId('sampling-strata') as HTMLInputElement).value).toBe('4'));
    expect(screen.queryByTestId('sampling-save')).toBeNull();
    expect(screen.queryByTestId('sampling-remove')).toBeNull();
  });
});
