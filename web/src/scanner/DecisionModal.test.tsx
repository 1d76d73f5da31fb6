// The Add/Replace decision of a repeat scan: the inventory's report type is preselected (marked default,
// filled, focused so the scanner's Enter confirms it), and the choice made is reported back.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { renderUi } from '../test/render';
import { DecisionModal, defaultModeFor, type Decision } from './DecisionModal';

const decision = (suggestedMode: 'add' | 'replace'): Decision => ({
  body: { clientReportId: 'c1', quantity: '3', itemCode: 'SCREW' } as Decision['body'],
  label: 'SCREW',
  previousQuantity: '24',
  suggestedMode,
  offline: false,
});

describe('Add/Replace decision', () => {
  it('preselects the report type: cumulative → Add, single → Replace', () => {
    expect(defaultModeFor('cumulative')).toBe('add');
    expect(defaultModeFor('single')).toBe('replace');
  });

  it.each([
    ['single', 'replace', 'add'],
    ['cumulative', 'add', 'replace'],
  ] as const)('%s inventory: %s is the default', async (reportType, preselected, other) => {
    const onDecide = vi.fn();
    renderUi(
      <DecisionModal decision={decision(defaultModeFor(reportType))} onDecide={onDecide} onCancel={() => undefined} />,
    );
    await screen.findByTestId('decision');
    expect(screen.getByText(/SCREW was counted before \(24\)\. Add 3 or replace\?/)).toBeTruthy();
    const pre = screen.getByTestId(`decide-${preselected}`);
    const alt = screen.getByTestId(`decide-${other}`);
    expect(pre.textContent).toMatch(/\(default\)$/);
    expect(alt.textContent).not.toMatch(/default/);
    expect(pre.hasAttribute('data-autofocus')).toBe(true);
    expect(alt.hasAttribute('data-autofocus')).toBe(false);
    expect(pre.getAttribute('data-variant')).toBe('filled');
    fireEvent.click(alt);
    expect(onDecide).toHaveBeenCalledWith(other);
  });

  it('says both quantities with their units: the earlier count in the primary unit, the new one in the scanned unit', async () => {
    renderUi(
      <DecisionModal
        decision={{ ...decision('replace'), unit: 'CT', previousUnit: 'PZ' }}
        onDecide={() => undefined}
        onCancel={() => undefined}
      />,
    );
    await screen.findByTestId('decision');
    expect(screen.getByText(/SCREW was counted before \(24 PZ\)\. Add 3 CT or replace\?/)).toBeTruthy();
  });

  it('shows nothing without a pending decision', () => {
    renderUi(<DecisionModal decision={null} onDecide={() => undefined} onCancel={() => undefined} />);
    expect(screen.queryByTestId('decision')).toBeNull();
  });
});
