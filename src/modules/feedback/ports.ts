import type { CitizenProfile } from '../citizens/identity.js';
import type { DeadlinesPort } from '../dossiers/ports.js';
import type { StaffRecipient } from '../../platform/notify/outbox.js';

/**
 * Where feedback meets the rest of motcua; each side is another module's service, wired in src/app.ts.
 */
export type { DeadlinesPort };

export interface OrgPort {
  /** The official behind a badge QR (`/api/v1/public/staff/:publicId`). */
  findPublicStaff(publicId: string): Promise<{ id: number; fullName: string; unitId: number; active: boolean } | undefined>;
  findStaff(staffId: number): Promise<{ staffId: number; fullName: string; unitId: number; active: boolean } | undefined>;
  unitNames(unitIds: number[]): Promise<Map<number, string>>;
  /** Each unit and all its descendants. */
  subtrees(unitIds: number[]): Promise<Map<number, number[]>>;
}

export interface CitizensPort {
  profile(citizenId: number): Promise<CitizenProfile>;
}

/** Documents in a citizen's store (modules/online): uploaded and checked there, attached here. */
export interface CitizenFilesPort {
  owned(citizenId: number, ids: string[]): Promise<{ id: string; file_key: string; name: string; type: string; size: number }[]>;
}

/** The online module's upload checks (type from the content, name, decompression bombs). */
export type UploadCheck = (name: string, content: Buffer) => { type: string } | { code: string; vi: string; en: string };

export interface FilesPort {
  get(key: string): Promise<Buffer | undefined>;
}

/** Who is told: staff contacts and the heads answering for a unit (dossiers/reminders/recipients.ts). */
export interface RecipientsPort {
  load(): Promise<{ staff(id: number | null): Promise<StaffRecipient | undefined>; headsOf(unitId: number | null): Promise<StaffRecipient[]> }>;
}
