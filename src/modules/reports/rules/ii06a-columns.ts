/** The columns of form II.06a a list of dossiers can be asked for, as `group.column` (docs/reports.md). */
export const II06A_COLUMNS = [
  'received.total', 'received.carriedOver', 'received.online', 'received.direct',
  'completed.total', 'completed.early', 'completed.onTime', 'completed.late',
  'inProgress.total', 'inProgress.withinDeadline', 'inProgress.overdue', 'awaitingSupplement', 'withdrawn',
] as const;
export type Ii06aColumn = (typeof II06A_COLUMNS)[number];
