/** Tables of the catalogue module (filled in with its migration 0005). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CatalogTables {}
