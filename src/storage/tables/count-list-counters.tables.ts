// Row types of migration 0099 (assigned counters of a count list, besides its responsible employee).
export interface CountListCountersTable {
  countListId: string;
  userId: string;
  siteId: string;
  createdAt: Date | string;
}

export interface CountListCounterTables {
  countListCounters: CountListCountersTable;
}
