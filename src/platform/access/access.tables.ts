import type { Generated } from 'kysely';

export interface AccessGrantsTable {
  id: Generated<number>;
  staff_id: number;
  role: string;
  unit_id: number;
  granted_at: Generated<Date>;
}

export interface AccessTables {
  access_grants: AccessGrantsTable;
}
