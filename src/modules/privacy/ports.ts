import type { RequestContext } from '../../platform/http/context.js';
/**
 * What the privacy module needs from others, as the dossier module's ports.ts does: working days
 * from the province calendar, and the dossiers of a person (found by the blind index of their ID
 * number) from the dossier module. app.ts wires them.
 */
export interface WorkingDaysPort {
  /** The instant `days` working days after `from`, by the province calendar. */
  addWorkingDays(from: Date, days: number): Promise<Date>;
}

export type ClosedDossier = { code: string; closedAt: Date; documents: { name: string; fileKey?: string }[] };

export interface SubjectDossiersPort {
  /** Every dossier of the person that the caller may read, ID numbers in clear: the data-subject's export. */
  exportForSubject(ctx: RequestContext, idNumber: string): Promise<unknown[]>;
  /** Dossiers closed before `cutoff`, by id after `after`, at most `limit`. */
  closedBefore(cutoff: Date, after: string, limit: number): Promise<(ClosedDossier & { id: string })[]>;
  /** File keys still referenced by a dossier closed at or after `cutoff`, or still open. */
  fileKeysInUseSince(cutoff: Date, keys: string[]): Promise<Set<string>>;
}
