import type { ColumnType, Generated } from 'kysely';

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  unique_key: string | null;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  status: Generated<'pending' | 'done' | 'failed'>;
  recurring: Generated<boolean>;
  run_at: Date;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Date | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  finished_at: Date | null;
}

export interface JobsTables {
  jobs: JobsTable;
}
