// Row types of migration 0010 (item word search).
export interface ItemSearchTermsTable {
  itemId: string;
  term: string;
}

export interface ItemSearchTables {
  itemSearchTerms: ItemSearchTermsTable;
}
