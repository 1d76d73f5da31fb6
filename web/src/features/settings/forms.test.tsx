// The settings forms over a mocked API: each refuses what the request schema refuses before anything is
// sent, sends the body the API expects (on a change only what changed), and shows the server's error on the
// field it names.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderUi, type Call } from '../../test/render';
import { UnitForm } from './UnitsSection';
import { ClassificationForm } from './ClassificationsSection';
import { TransactionKeyForm } from './TransactionKeysSection';
import { SequenceForm, digitsBelow, formatNext, type Sequence } from './NumberingSection';
import { PeriodForm } from './PeriodsSection';

const none = () => undefined;
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const sent = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');

describe('unit form', () => {
  it('refuses a bad code and decimals over 6 before sending; then creates with the typed values', async () => {
    const calls = mockFetch((c) =>
      c.method === 'POST'
        ? { code: 'CT12', description: 'Carton of 12', decimals: 0 }
        : { items: [], nextOffset: null },
    );
    renderUi(<UnitForm unit={null} onClose={none} />);
    type('unit-code', 'C T');
    type('unit-decimals', '7');
    type('unit-description', 'x'.repeat(41));
    fireEvent.click(screen.getByTestId('unit-save'));
    expect(await screen.findByText('Not valid: 1–10 letters, digits, _ or %')).toBeTruthy();
    expect(screen.getByText('A whole number from 0 to 6')).toBeTruthy();
    expect(screen.getByText('At most 40 characters')).toBeTruthy();
    expect(sent(calls)).toHaveLength(0);
    type('unit-code', 'CT12');
    type('unit-decimals', '0');
    type('unit-description', 'Carton of 12');
    fireEvent.click(screen.getByTestId('unit-save'));
    await waitFor(() => expect(sent(calls)).toHaveLength(1));
    expect(sent(calls)[0]).toMatchObject({
      method: 'POST',
      path: '/api/units',
      body: { code: 'CT12', description: 'Carton of 12', decimals: 0 },
    });
  });

  it('shows a duplicate code on the code field and a refused delete in the form', async () => {
    mockFetch((c) =>
      c.method === 'POST'
        ? [409, { error: { code: 'conflict.duplicate', message: 'unit PZ already exists', field: 'code' } }]
        : c.method === 'DELETE'
          ? [
              409,
              {
                error: {
                  code: 'conflict.in_use',
                  message: 'unit PZ is still used by items, search codes or count reports',
                },
              },
            ]
          : {},
    );
    renderUi(<UnitForm unit={null} onClose={none} />);
    type('unit-code', 'PZ');
    fireEvent.click(screen.getByTestId('unit-save'));
    expect(await screen.findByText('A record with this code already exists.')).toBeTruthy();
    expect(screen.queryByTestId('unit-error')).toBeNull();
  });

  it('a unit in use cannot be deleted: the reason is shown', async () => {
    mockFetch((c) =>
      c.method === 'DELETE'
        ? [
            409,
            {
              error: {
                code: 'conflict.in_use',
                message: 'unit PZ is still used by items, search codes or count reports',
                params: { referencedBy: 'item_search_codes' },
              },
            },
          ]
        : {},
    );
    renderUi(<UnitForm unit={{ code: 'PZ', description: 'Pieces', decimals: 0 }} onClose={none} />);
    fireEvent.click(screen.getByTestId('unit-delete'));
    fireEvent.click(screen.getByTestId('unit-delete-confirm'));
    expect((await screen.findByTestId('unit-error')).textContent).toBe(
      'This record is still in use, so it cannot be changed or deleted. Search codes of items use it.',
    );
  });
});

describe('classification form', () => {
  it('needs a code of the code-table pattern, at most 80 characters of description; sends the table kind', async () => {
    const calls = mockFetch((c) => (c.method === 'POST' ? { kind: 'brand', code: 'ACME', description: 'Acme' } : {}));
    renderUi(<ClassificationForm kind="brand" row={null} onClose={none} />);
    type('classification-description', 'y'.repeat(81));
    fireEvent.click(screen.getByTestId('classification-save'));
    expect(await screen.findByText('Required')).toBeTruthy();
    expect(screen.getByText('At most 80 characters')).toBeTruthy();
    expect(sent(calls)).toHaveLength(0);
    type('classification-code', 'ACME');
    type('classification-description', 'Acme');
    fireEvent.click(screen.getByTestId('classification-save'));
    await waitFor(() => expect(sent(calls)).toHaveLength(1));
    expect(sent(calls)[0]!.body).toEqual({ kind: 'brand', code: 'ACME', description: 'Acme' });
  });
});

describe('transaction key form', () => {
  it('needs a kind before anything is sent', async () => {
    const calls = mockFetch(() => ({ items: [] }));
    renderUi(<TransactionKeyForm row={null} canWrite onClose={none} />);
    type('key-code', 'RCPT');
    fireEvent.click(screen.getByTestId('key-save'));
    expect(await screen.findByText('Required')).toBeTruthy();
    expect(sent(calls)).toHaveLength(0);
  });

  it('sends only what changed, and shows "kind cannot change" on the kind field', async () => {
    const calls = mockFetch((c) =>
      c.method === 'PATCH'
        ? [
            409,
            {
              error: {
                code: 'conflict.in_use',
                message: 'transaction key ADJ is used by 3 ledger entries; its kind cannot change',
                field: 'kind',
              },
            },
          ]
        : {},
    );
    renderUi(
      <TransactionKeyForm
        row={{ code: 'ADJ', description: 'Adjustment', kind: 'adjustment', isMain: true }}
        canWrite
        onClose={none}
      />,
    );
    type('key-description', 'Inventory adjustment');
    fireEvent.click(screen.getByTestId('key-save'));
    expect(await screen.findByText('This record is still in use, so it cannot be changed or deleted.')).toBeTruthy();
    expect(screen.queryByTestId('key-error')).toBeNull();
    expect(sent(calls)[0]).toMatchObject({
      method: 'PATCH',
      path: '/api/transaction-keys/ADJ',
      body: { description: 'Inventory adjustment' },
    });
  });

  it('is read-only for a manager: no save button', () => {
    mockFetch(() => ({}));
    renderUi(
      <TransactionKeyForm
        row={{ code: 'ADJ', description: '', kind: 'adjustment', isMain: true }}
        canWrite={false}
        onClose={none}
      />,
    );
    expect(screen.queryByTestId('key-save')).toBeNull();
    expect(screen.getByTestId('key-description').closest('fieldset')?.disabled).toBe(true);
  });
});

describe('numbering scheme form', () => {
  const row: Sequence = {
    code: 'inventory:STD',
    prefix: 'INV-',
    width: 4,
    nextValue: '17',
    maxItemsPerList: null,
    nextNumber: 'INV-0017',
    purpose: 'general',
    usedBy: [{ kind: 'inventory_type', code: 'STD' }],
  };

  it('previews the next number as typed; refuses spaces, width over 18 and a next number going back', async () => {
    const calls = mockFetch(() => row);
    renderUi(<SequenceForm row={row} onClose={none} />);
    expect(screen.getByTestId('sequence-preview').textContent).toBe('INV-0017');
    type('sequence-prefix', 'I 26');
    type('sequence-width', '19');
    type('sequence-next', '16');
    fireEvent.click(screen.getByTestId('sequence-save'));
    expect(await screen.findByText('No spaces')).toBeTruthy();
    expect(screen.getByText('A whole number from 1 to 18')).toBeTruthy();
    expect(screen.getByText('Cannot go back below 17: lower numbers may already be in use')).toBeTruthy();
    expect(sent(calls)).toHaveLength(0);
    type('sequence-prefix', 'I26-');
    type('sequence-width', '6');
    type('sequence-next', '100');
    expect(screen.getByTestId('sequence-preview').textContent).toBe('I26-000100');
    fireEvent.click(screen.getByTestId('sequence-save'));
    await waitFor(() => expect(sent(calls)).toHaveLength(1));
    expect(sent(calls)[0]).toMatchObject({
      method: 'PATCH',
      path: '/api/number-sequences/inventory%3ASTD',
      body: { prefix: 'I26-', width: 6, nextValue: '100' },
    });
  });

  it('refuses the item-class namespace and shows a server refusal on the field it names', async () => {
    const calls = mockFetch(() => [
      400,
      { error: { code: 'validation.failed', message: 'the next number cannot go back below 40', field: 'nextValue' } },
    ]);
    renderUi(<SequenceForm row={null} onClose={none} />);
    type('sequence-code', 'item-code.RM');
    fireEvent.click(screen.getByTestId('sequence-save'));
    expect(await screen.findByText(/are made by item classes/)).toBeTruthy();
    expect(sent(calls)).toHaveLength(0);
    type('sequence-code', 'count_list:YEAR');
    fireEvent.click(screen.getByTestId('sequence-save'));
    expect(await screen.findByText('the next number cannot go back below 40')).toBeTruthy();
    expect(screen.queryByTestId('sequence-error')).toBeNull();
    expect(sent(calls)[0]!.body).toEqual({
      code: 'count_list:YEAR',
      prefix: '',
      width: 6,
      nextValue: '1',
      maxItemsPerList: null,
    });
  });

  it('formats and compares numbers as digits, never as floats', () => {
    expect(formatNext('CL', 5, '42')).toBe('CL00042');
    expect(formatNext('', 2, '12345')).toBe('12345');
    expect(digitsBelow('99', '100')).toBe(true);
    expect(digitsBelow('9007199254740993', '9007199254740992')).toBe(false);
  });
});

describe('period form', () => {
  it('needs a code and dates, the end not before the start; "whole year" fills them', async () => {
    const calls = mockFetch((c) =>
      c.method === 'POST'
        ? {
            id: '1',
            fiscalYear: 2026,
            code: 'FY2026',
            startDate: '2026-01-01',
            endDate: '2026-12-31',
            status: 'open',
            closedAt: null,
          }
        : {},
    );
    renderUi(<PeriodForm onClose={none} />);
    type('period-year', '2026');
    fireEvent.click(screen.getByTestId('period-save'));
    expect((await screen.findAllByText('Required')).length).toBe(3);
    expect(sent(calls)).toHaveLength(0);
    fireEvent.click(screen.getByTestId('period-whole-year'));
    fireEvent.click(screen.getByTestId('period-save'));
    await waitFor(() => expect(sent(calls)).toHaveLength(1));
    expect(sent(calls)[0]!.body).toEqual({
      fiscalYear: 2026,
      code: 'FY2026',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
  });
});
