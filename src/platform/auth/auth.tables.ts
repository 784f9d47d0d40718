import type { ColumnType, Generated } from 'kysely';

export interface AuthAccountsTable {
  id: Generated<number>;
  staff_id: number;
  username: string;
  password_hash: string;
  demo_password: Generated<boolean>;
  must_change_password: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  password_changed_at: Generated<Date>;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface AuthSessionsTable {
  id: string;
  account_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface AuthTables {
  auth_accounts: AuthAccountsTable;
  auth_sessions: AuthSessionsTable;
}

export type DateColumn = ColumnType<Date, Date | string, Date | string>;
