import type { Generated } from 'kysely';
import type { DateColumn } from '../../platform/auth/auth.tables.js';

export interface CitizensTable {
  id: Generated<number>;
  issuer: string;
  subject: string;
  full_name: string;
  id_number: string | null;
  id_number_index: string | null;
  birth_date: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  last_sign_in_at: DateColumn | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface CitizenSessionsTable {
  id: string;
  citizen_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface CitizenTables {
  citizens: CitizensTable;
  citizen_sessions: CitizenSessionsTable;
}
