import type { ColumnType, Generated } from 'kysely';

export interface AuditEventsTable {
  id: Generated<string>;
  at: ColumnType<Date, Date | undefined, never>;
  actor_staff_id: number | null;
  actor_name: string | null;
  unit_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  summary: ColumnType<Record<string, unknown>, string, never>;
  ip: string | null;
  request_id: string | null;
}

export interface AuditTables {
  audit_events: AuditEventsTable;
}
