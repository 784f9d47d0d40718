/** Tables of migration 0038 (file lists, filing, retention, archive handover, disposal). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RegistryFilesTables {}
