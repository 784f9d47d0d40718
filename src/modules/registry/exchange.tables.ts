/** Tables of migration 0037 (electronic exchange between units: deliveries, receipts, recalls). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RegistryExchangeTables {}
