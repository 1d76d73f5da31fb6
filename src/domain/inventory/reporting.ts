// Reporting rules (SPEC §4.2 report type / show system quantities, §4.5 reporting, §5 add-or-replace).
// Pure: the service loads the item and inventory, asks these functions, and persists what they return.
import { Dec, decText, parseDecimal } from '../decimal.js';
import { DomainError } from '../errors.js';
import type { CountType, ReportMode as RecordedMode, ReportType } from './vocabulary.js';

/** The mode one report is made in; "mark all as reported" is a bulk command of its own, never chosen here. */
export type ReportMode = Exclude<RecordedMode, 'mark_all'>;

/** The mode a report type implies: cumulative adds to the confirmed quantity, single replaces it. */
export function modeOf(reportType: ReportType): ReportMode {
  return reportType === 'cumulative' ? 'add' : 'replace';
}

export type ModeDecision = { mode: ReportMode } | { decisionNeeded: true; suggestedMode: ReportMode };

/**
 * Which mode applies. A first report needs no decision (add and replace give the same result). A repeat
 * report without a mode asks the counter (handheld: "Add or Replace?", preselecting the report type), unless
 * the caller says a missing mode means the report type (back office).
 */
export function decideMode(
  sent: ReportMode | undefined,
  hasValidReport: boolean,
  reportType: ReportType,
  missingMode: 'ask' | 'report_type',
): ModeDecision {
  if (sent) return { mode: sent };
  if (!hasValidReport || missingMode === 'report_type') return { mode: modeOf(reportType) };
  return { decisionNeeded: true, suggestedMode: modeOf(reportType) };
}

export interface QuantityRules {
  /** Decimals allowed by the item's primary unit. */
  decimals: number;
  serial: boolean;
}

/**
 * The confirmed quantity after a report. Add may carry a negative correction, but the result never goes
 * below zero; replace must be ≥ 0; a serial is there (1) or not (0).
 */
export function applyReport(
  previous: string | null,
  quantityText: string,
  mode: ReportMode,
  rules: QuantityRules,
): { quantity: string; resulting: string } {
  const q = parseDecimal(quantityText, 'quantity');
  if (q.decimalPlaces() > rules.decimals) {
    throw new DomainError(
      'quantity.too_many_decimals',
      `quantity ${quantityText} has more than ${rules.decimals} decimals allowed by the unit`,
      {
        field: 'quantity',
        params: { decimals: rules.decimals },
      },
    );
  }
  if (mode === 'replace' && q.isNegative()) {
    throw new DomainError('quantity.invalid', 'a replacing report cannot be negative', { field: 'quantity' });
  }
  const resulting = mode === 'add' ? new Dec(previous ?? '0').plus(q) : q;
  if (resulting.isNegative()) {
    throw new DomainError(
      'count.negative_result',
      `the counted quantity would become ${decText(resulting)}; it cannot be negative`,
      {
        field: 'quantity',
        params: { previous: previous ?? '0' },
      },
    );
  }
  if (rules.serial && !(resulting.isZero() || resulting.equals(1))) {
    throw new DomainError('count.serial_quantity', 'a serial number is counted as 0 or 1', { field: 'quantity' });
  }
  return { quantity: decText(q), resulting: decText(resulting) };
}

export interface TargetView {
  /** Target quantity shown to this reader, or null (blind counting, or an empty bin). */
  targetQuantity: string | null;
  /** Quantity proposed as the report, or null (nothing proposed). */
  proposedQuantity: string | null;
}

/**
 * SPEC §4.4: whether a list's counters see target quantities — when the inventory shows system quantities,
 * and always on a difference list (it recounts known differences). Everything that shows, prints, exports
 * or hides a target asks this.
 */
export function showsTargets(o: { showSystemQuantities: boolean; countType: CountType }): boolean {
  return o.showSystemQuantities || o.countType === 'differences';
}

/**
 * What a reader sees of the target. Blind inventories never show targets to counters (managers still see
 * them); with system quantities shown, cumulative proposes 0 (to add) and single proposes the target; an
 * empty bin on a bin list shows no target and proposes nothing. Difference lists always show targets.
 */
export function targetView(o: {
  target: string | null;
  showSystemQuantities: boolean;
  reportType: ReportType;
  readerIsCounter: boolean;
  countType: CountType;
  emptyBin: boolean;
}): TargetView {
  if (!showsTargets(o)) return { targetQuantity: o.readerIsCounter ? null : o.target, proposedQuantity: null };
  if (o.emptyBin || o.target === null) return { targetQuantity: null, proposedQuantity: null };
  const reportType = o.countType === 'differences' ? 'cumulative' : o.reportType;
  return { targetQuantity: o.target, proposedQuantity: reportType === 'cumulative' ? '0' : o.target };
}

export interface LineReport {
  id: string;
  mode: 'add' | 'replace' | 'mark_all';
  quantity: string;
  valid: boolean;
}

/**
 * The confirmed quantity a line's valid reports give, replayed in the order they were made: replace (and
 * mark-all) sets it, add adds to it. Null when no report is valid: the line is open again.
 */
export function replayReports(reports: readonly LineReport[]): string | null {
  let q: Dec | null = null;
  for (const r of reports) {
    if (!r.valid) continue;
    const v = new Dec(r.quantity);
    q = r.mode === 'add' ? (q ?? new Dec(0)).plus(v) : v;
  }
  return q === null ? null : decText(q);
}

/**
 * Undoing a report (SPEC §4.5: reports are invalidated, never deleted): the line goes back to what its
 * other valid reports give, as if the undone one had never been made; open when none is left. Refused when
 * the remaining reports would leave a negative count (a later negative correction relied on the undone one).
 */
export function undoReport(reports: readonly LineReport[], reportId: string): { reportedQuantity: string | null } {
  const rest = reports.map((r) => (r.id === reportId ? { ...r, valid: false } : r));
  let q = new Dec(0);
  for (const r of rest) {
    if (!r.valid) continue;
    q = r.mode === 'add' ? q.plus(r.quantity) : new Dec(r.quantity);
    if (q.isNegative()) {
      throw new DomainError(
        'count.negative_result',
        `without this report the counted quantity would become ${decText(q)}; undo the later correction first`,
        {
          field: 'clientReportId',
          params: { previous: decText(q) },
        },
      );
    }
  }
  return { reportedQuantity: replayReports(rest) };
}
