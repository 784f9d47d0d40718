import type { Generated } from 'kysely';

export interface DossierRemindersTable {
  id: Generated<string>;
  dossier_id: string;
  kind: 'step_overdue' | 'near_due';
  occurrence: Date;
  staff_ids: number[];
  created_at: Date;
}

export interface DossierReminderTables {
  dossier_reminders: DossierRemindersTable;
}
