// Stock locks set by open count lists. A lock covers a warehouse, narrowed by zone, bin and item when set;
// a posting line touching a lock of another count list cannot be applied and is parked instead.
// The service runs the same rule as one SQL join (ledger-locks in posting.repository.ts); this is the reference.
export interface StockLock {
  countListId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
  itemId: string | null;
}

export interface LockedPlace {
  itemId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string | null;
}

/** Null is "any": two narrowings are compatible when either is open or both are the same. */
const compatible = (a: string | null, b: string | null) => a === null || b === null || a === b;

/**
 * Two locks cover some common stock — the rule that keeps two open count lists from counting the same
 * position (SPEC §4.5 open). The service runs it as SQL when a list opens (opening.repository.ts conflictingLock).
 */
export function locksOverlap(a: StockLock, b: StockLock): boolean {
  return (
    a.warehouseId === b.warehouseId &&
    compatible(a.zoneId, b.zoneId) &&
    compatible(a.binId, b.binId) &&
    compatible(a.itemId, b.itemId)
  );
}

export function lineTouchesLock(line: LockedPlace, lock: StockLock): boolean {
  return (
    lock.warehouseId === line.warehouseId &&
    (lock.itemId === null || lock.itemId === line.itemId) &&
    (lock.zoneId === null || lock.zoneId === line.zoneId) &&
    (lock.binId === null || lock.binId === line.binId)
  );
}

/** The first lock a posting runs into, ignoring the locks of `ownCountList` (a count list posts its own result). */
export function firstLock(
  lines: LockedPlace[],
  locks: StockLock[],
  ownCountList?: string,
): { lock: StockLock; lineIndex: number } | undefined {
  for (const lock of locks) {
    if (ownCountList !== undefined && lock.countListId === ownCountList) continue;
    const lineIndex = lines.findIndex((l) => lineTouchesLock(l, lock));
    if (lineIndex >= 0) return { lock, lineIndex };
  }
  return undefined;
}
