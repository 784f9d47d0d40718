import type { ColumnType, Generated } from 'kysely';

/** `date` columns: pg returns them as Date at local midnight; we select them as text (YYYY-MM-DD). */
type DateText = ColumnType<string | null, string | null | undefined, string | null>;

export interface OrgUnitsTable {
  id: Generated<number>;
  parent_id: number | null;
  code: string | null;
  name: string;
  short_name: string | null;
  kind: string;
  function: string | null;
  phone: string | null;
  effective_from: DateText;
  effective_to: DateText;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OrgPositionsTable {
  id: Generated<number>;
  unit_id: number;
  code: string;
  name: string;
  grade: string | null;
  quota: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OrgStaffTable {
  id: Generated<number>;
  public_id: Generated<string>;
  full_name: string;
  position: string | null;
  unit_id: number;
  job_position_id: number | null;
  badge_number: string | null;
  phone: string | null;
  email: string | null;
  photo_key: string | null;
  active: Generated<boolean>;
  seconded_from: DateText;
  seconded_to: DateText;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OrgTables {
  org_units: OrgUnitsTable;
  org_positions: OrgPositionsTable;
  org_staff: OrgStaffTable;
}
