import type { StaffRecipient } from '../../platform/notify/outbox.js';
import type { IsWorkingDay } from './rules/deadlines.js';

/**
 * Where directives meet the rest of motcua; each side is another module's service, wired in src/app.ts.
 */
export type UnitNode = { id: number; parentId: number | null; code: string; name: string; shortName: string | null; kind: string; effectiveTo: string | null };
export type StaffName = { id: number; fullName: string; position: string | null; unitId: number; unitName: string };

export interface OrgPort {
  allUnits(): Promise<UnitNode[]>;
  /** Active staff of these units (whom a task may be given to). */
  staffNames(unitIds: number[]): Promise<StaffName[]>;
  findStaff(staffId: number): Promise<{ staffId: number; fullName: string; unitId: number; active: boolean } | undefined>;
  /** Each unit and all its descendants. */
  subtrees(unitIds: number[]): Promise<Map<number, number[]>>;
}

/** The province's calendar (modules/calendar): which days are worked. */
export interface WorkingDaysPort {
  isWorkingDay(): Promise<IsWorkingDay>;
}

/** The file store (sealed, content-addressed). */
export interface FilesPort {
  put(content: Buffer): Promise<string>;
  get(key: string): Promise<Buffer | undefined>;
}

/** Who is told: staff contacts and the heads answering for a unit (dossiers/reminders/recipients.ts). */
export interface RecipientsPort {
  load(): Promise<{ staff(id: number | null): Promise<StaffRecipient | undefined>; headsOf(unitId: number | null): Promise<StaffRecipient[]> }>;
}
