// Client-side rules of the set-up steps, mirroring the request schemas (src/api/schemas/places.ts, items.ts,
// ledger.ts, inventory.ts), and the mapping of a refused row back to its row on screen: the server names
// the row by its place in the request (`units.3.code`); only ticked rows are sent, so indexes differ.
import type { TFunction } from 'i18next';
import type { ResponseOf } from '../../api/models';
import { rules } from '../../components/form';

export type SetupStatus = ResponseOf<'/api/setup', 'get'>;
export type UnitProposal = SetupStatus['proposals']['units'][number];
export type KeyProposal = SetupStatus['proposals']['transactionKeys'][number];
export type TypeProposal = SetupStatus['proposals']['inventoryTypes'][number];

export const CODE20 = /^[A-Za-z0-9_.-]{1,20}$/;
export const UNIT_CODE = /^[A-Za-z0-9_%]{1,10}$/;

export const codeRule = (t: TFunction) => rules.all(rules.required(t), rules.pattern(t, CODE20, t('setup.codeHint')));
export const nameRule = (t: TFunction) => rules.all(rules.required(t), rules.maxLength(t, 80));
export const unitCodeRule = (t: TFunction) =>
  rules.all(rules.required(t), rules.pattern(t, UNIT_CODE, t('setup.unitCodeHint')));

/** An integer in [min, max]; empty is allowed when `optional`. */
export const intRule =
  (t: TFunction, min: number, max: number, optional = false) =>
  (v: unknown) => {
    if (v === '' || v === null || v === undefined) return optional ? null : t('form.required');
    const n = Number(v);
    return Number.isInteger(n) && n >= min && n <= max ? null : t('setup.intRange', { min, max });
  };

/** Row index of a `rows.3.code` path, for rules that apply to ticked rows only. */
export function rowOf(path: string): number {
  return Number(/^rows\.(\d+)\./.exec(path)?.[1] ?? -1);
}

/** Runs `check` only for ticked rows: an unticked proposal is not created, so it need not be valid. */
export function whenTicked<V extends { rows: Array<{ selected: boolean }> }>(check: (v: unknown) => string | null) {
  return (value: unknown, values: V, path: string) => (values.rows[rowOf(path)]?.selected ? check(value) : null);
}

/** Aliases for applyServerError: `<list>.<sent index>.<field>` → `rows.<form index>.<field>`. */
export function rowAliases(list: string, formIndexes: number[], fields: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  formIndexes.forEach((formIndex, sent) => {
    for (const f of fields) out[`${list}.${sent}.${f}`] = `rows.${formIndex}.${f}`;
  });
  return out;
}
