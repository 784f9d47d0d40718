import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export interface Open311AppsTable {
  id: Generated<number>;
  name: string;
  contact: string | null;
  key_prefix: string;
  key_hash: string;
  created_at: ColumnType<Date, Date | undefined, Date>;
  created_by: number | null;
  revoked_at: Date | null;
  revoked_by: number | null;
  last_used_at: Date | null;
  version: Generated<number>;
}

export interface Open311RequestsTable {
  feedback_code: string;
  app_id: number;
  lat: number | null;
  long: number | null;
  address_string: string | null;
  address_id: string | null;
  device_id: string | null;
  account_id: string | null;
  media_url: string | null;
  attributes: Json<Record<string, string | string[]>>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface Open311Tables {
  open311_apps: Open311AppsTable;
  open311_requests: Open311RequestsTable;
}
