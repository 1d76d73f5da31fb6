// Reading a PostgreSQL/PGlite error: its SQLSTATE and the constraint it names. The one place that knows the
// drivers' error shape; the use cases' constraint mapping (places/support.ts), the report-id race
// (inventory/report-replay.ts) and the API's error map (api/db-error-map.ts) ask it.

/** The SQLSTATE of a PostgreSQL/PGlite error, if it is one. */
export function sqlState(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** The constraint a violation names, or ''. PGlite does not always fill `constraint`; its message names it. */
export function constraintOf(e: unknown): string {
  const c = (e as { constraint?: unknown } | null)?.constraint;
  if (typeof c === 'string') return c;
  const m = /constraint "([^"]+)"/.exec(String((e as Error | null)?.message ?? ''));
  return m?.[1] ?? '';
}
