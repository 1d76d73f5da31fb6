// Printing count lists (SPEC §4.5 "Print count lists", §4.2 blind counting): which lists print, which of their
// items, whether target quantities appear, and the warnings a manager confirms. Pure: the service loads the
// lists, this decides, a renderer draws the PDF. Warnings are results, not exceptions (conventions §8).
import { DomainError } from '../errors.js';
import { decText, parseDecimal } from '../decimal.js';
import { showsTargets, targetView } from './reporting.js';

/**
 * count: open items whose verification has not started (no mark); verification: open items marked for
 * verification; blank: pages with only the list header; none: every item. Each of count/verification
 * needs at least one such open item on the list.
 */
export type PrintUsage = 'count' | 'verification' | 'blank' | 'none';

/** Languages of printed and exported documents (count sheets, the differences report's files). */
export const DOCUMENT_LANGUAGES = ['en', 'it', 'pl', 'de'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

// How a printed date reads in each language (day first everywhere; the separator is the country's).
const DATE_SEPARATOR: Record<DocumentLanguage, string> = { en: '/', it: '/', pl: '.', de: '.' };

/** A calendar date (YYYY-MM-DD) as the document's language writes it: 31/03/2026, 31.03.2026. */
export function documentDate(isoDate: string, language: DocumentLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  const sep = DATE_SEPARATOR[language];
  return `${m[3]}${sep}${m[2]}${sep}${m[1]}`;
}

/** A moment as the document's language writes it, in UTC (the server knows no reader's time zone): 31.03.2026 14:05 UTC. */
export function documentTimestamp(at: Date, language: DocumentLanguage): string {
  const iso = at.toISOString();
  return `${documentDate(iso, language)} ${iso.slice(11, 16)} UTC`;
}

export const MAX_BLANK_PAGES = 999;
/** Upper bounds of one print run, so a request cannot ask for an unbounded document. */
export const MAX_PRINT_LINES = 20_000;
export const MAX_PRINT_BLANK_PAGES_TOTAL = 3_000;

export interface PrintOptions {
  usage: PrintUsage;
  /** Pages per list for usage blank (1–999, default 1); not allowed with other usages. */
  blankPages?: number | undefined;
  /** Also print items already reported (and closed ones). */
  printReported?: boolean | undefined;
}

export interface PrintItem {
  lineNo: number;
  status: 'open' | 'reported' | 'closed';
  verificationMark: boolean;
  informational: boolean;
  targetQuantity: string | null;
  /** Null: an empty bin on a bin list. */
  itemId: string | null;
  binId: string | null;
}

export interface PrintListInput<I extends PrintItem> {
  id: string;
  number: string;
  countType: 'article' | 'bin' | 'differences';
  /** The inventory's "show system quantities"; off = blind: targets never printed. */
  showSystemQuantities: boolean;
  reportType: 'cumulative' | 'single';
  items: readonly I[];
}

export type PrintWarningCode =
  | 'print.differences_blank_only'
  | 'print.only_informational'
  | 'print.no_open_items'
  | 'print.no_marked_items'
  | 'print.no_items';

export interface PrintWarning {
  listId: string;
  listNumber: string;
  code: PrintWarningCode;
  message: string;
}

export interface PrintedLine<I> {
  item: I;
  /** Target as printed; null on blind inventories and for empty bins. */ target: string | null;
}

export interface PrintedList<I> {
  listId: string;
  /** Whether the sheet has a target column at all (never on blind inventories). */
  showTargets: boolean;
  /** Blank pages (usage blank); 0 when items print. */
  blankPages: number;
  lines: PrintedLine<I>[];
}

export interface PrintPlan<I> {
  lists: PrintedList<I>[];
  warnings: PrintWarning[];
}

/** Checks the options that do not depend on the lists (the API checks them too; the CLI and tests may not). */
export function validatePrintOptions(o: PrintOptions): void {
  if (o.blankPages === undefined) return;
  if (o.usage !== 'blank') {
    throw new DomainError('validation.failed', 'blankPages is only used with usage "blank"', { field: 'blankPages' });
  }
  if (!Number.isInteger(o.blankPages) || o.blankPages < 1 || o.blankPages > MAX_BLANK_PAGES) {
    throw new DomainError('validation.failed', `blankPages must be 1–${MAX_BLANK_PAGES}`, {
      field: 'blankPages',
      params: { max: MAX_BLANK_PAGES },
    });
  }
}

const isDone = (i: PrintItem) => i.status !== 'open';

/** Whether an item belongs on a sheet of this usage (informational items never do). */
export function itemPrints(i: PrintItem, usage: Exclude<PrintUsage, 'blank'>, printReported: boolean): boolean {
  if (i.informational) return false;
  if (isDone(i) && !printReported) return false;
  if (usage === 'count') return !i.verificationMark;
  if (usage === 'verification') return i.verificationMark;
  return true;
}

function warning(list: PrintListInput<PrintItem>, code: PrintWarningCode, message: string): PrintWarning {
  return { listId: list.id, listNumber: list.number, code, message: `count list ${list.number}: ${message}` };
}

/** Why a list does not print under `o`, or null when it does. */
export function skipReason(list: PrintListInput<PrintItem>, o: PrintOptions): PrintWarning | null {
  const counted = list.items.filter((i) => !i.informational);
  if (list.items.length > 0 && counted.length === 0) {
    return warning(list, 'print.only_informational', 'has only informational items and is not printed');
  }
  if (o.usage === 'blank') return null;
  if (list.countType === 'differences') {
    return warning(
      list,
      'print.differences_blank_only',
      'is an inventory-differences list; these print only as blank pages',
    );
  }
  const reportedHint = (n: number) =>
    n > 0 && !o.printReported ? `; ${n} such item(s) are already reported (print reported items to include them)` : '';
  if (o.usage === 'count' && !counted.some((i) => !isDone(i) && !i.verificationMark)) {
    return warning(
      list,
      'print.no_open_items',
      `has no open items without verification${reportedHint(counted.filter((i) => isDone(i) && !i.verificationMark).length)}`,
    );
  }
  if (o.usage === 'verification' && !counted.some((i) => !isDone(i) && i.verificationMark)) {
    return warning(
      list,
      'print.no_marked_items',
      `has no open items marked for verification${reportedHint(counted.filter((i) => isDone(i) && i.verificationMark).length)}`,
    );
  }
  if (o.usage === 'none' && !counted.some((i) => itemPrints(i, 'none', o.printReported ?? false))) {
    return warning(list, 'print.no_items', `has no items to print${reportedHint(counted.length)}`);
  }
  return null;
}

/**
 * Bins of a bin list where nothing is expected — no item with a non-zero target — as the counting screens
 * treat them (count-list.service `binEmpty`): they show no target.
 */
export function emptyBins(list: PrintListInput<PrintItem>): Set<string> {
  if (list.countType !== 'bin') return new Set();
  const all = new Set<string>();
  const stocked = new Set<string>();
  for (const i of list.items) {
    if (i.binId === null) continue;
    all.add(i.binId);
    if (i.itemId !== null && i.targetQuantity !== null && !parseDecimal(i.targetQuantity, 'targetQuantity').isZero())
      stocked.add(i.binId);
  }
  return new Set([...all].filter((b) => !stocked.has(b)));
}

/** The target as printed: blind inventories never show it; empty bins have none. */
export function printedTarget(
  list: PrintListInput<PrintItem>,
  i: PrintItem,
  empty: ReadonlySet<string> = emptyBins(list),
): string | null {
  const t = targetView({
    target: i.targetQuantity,
    showSystemQuantities: list.showSystemQuantities,
    reportType: list.reportType,
    readerIsCounter: true,
    countType: list.countType,
    emptyBin: i.binId !== null && empty.has(i.binId),
  }).targetQuantity;
  return t === null ? null : decText(parseDecimal(t, 'targetQuantity'));
}

/** Decides what prints, in the order the lists were asked for, each list's items in line order. */
export function planPrint<I extends PrintItem>(lists: readonly PrintListInput<I>[], o: PrintOptions): PrintPlan<I> {
  validatePrintOptions(o);
  const plan: PrintPlan<I> = { lists: [], warnings: [] };
  for (const list of lists) {
    const skip = skipReason(list, o);
    if (skip) {
      plan.warnings.push(skip);
      continue;
    }
    const showTargets = showsTargets(list);
    if (o.usage === 'blank') {
      plan.lists.push({ listId: list.id, showTargets: false, blankPages: o.blankPages ?? 1, lines: [] });
      continue;
    }
    const usage = o.usage;
    const empty = emptyBins(list);
    const lines = list.items
      .filter((i) => itemPrints(i, usage, o.printReported ?? false))
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((item) => ({ item, target: printedTarget(list, item, empty) }));
    plan.lists.push({ listId: list.id, showTargets, blankPages: 0, lines });
  }
  const lines = plan.lists.reduce((n, l) => n + l.lines.length, 0);
  const blank = plan.lists.reduce((n, l) => n + l.blankPages, 0);
  if (lines > MAX_PRINT_LINES || blank > MAX_PRINT_BLANK_PAGES_TOTAL) {
    throw new DomainError(
      'print.too_large',
      `one print run prints at most ${MAX_PRINT_LINES} items and ${MAX_PRINT_BLANK_PAGES_TOTAL} blank pages; print fewer lists at a time`,
      {
        params: { lines, blankPages: blank, maxLines: MAX_PRINT_LINES, maxBlankPages: MAX_PRINT_BLANK_PAGES_TOTAL },
      },
    );
  }
  return plan;
}

export type PrintDecision<I> =
  | { status: 'print'; lists: PrintedList<I>[]; warnings: PrintWarning[] }
  | { status: 'warnings'; warnings: PrintWarning[] };

/**
 * Nothing to print is an error (with the warnings as params); unconfirmed warnings stop the action and are
 * returned for confirmation; confirmed (auto-confirmed) warnings let the rest print.
 */
export function decidePrint<I>(plan: PrintPlan<I>, autoConfirmWarnings: boolean): PrintDecision<I> {
  if (plan.lists.length === 0) {
    throw new DomainError(
      'print.nothing_to_print',
      plan.warnings.length === 1
        ? `nothing to print: ${plan.warnings[0]!.message}`
        : `nothing to print: none of the ${plan.warnings.length} count lists has anything to print for this usage`,
      {
        params: { warnings: plan.warnings },
      },
    );
  }
  if (plan.warnings.length > 0 && !autoConfirmWarnings) return { status: 'warnings', warnings: plan.warnings };
  return { status: 'print', lists: plan.lists, warnings: plan.warnings };
}
