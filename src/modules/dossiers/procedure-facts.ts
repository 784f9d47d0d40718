import type { Db } from '../../platform/db/transaction.js';

/** Per procedure, what its dossiers show over a period (issue 21; the shape is procedure-review's `ProcedureFacts`). */
export type DossierProcedureFacts = {
  procedureCode: string; procedureName: string;
  dossiers: number; online: number; post: number; desk: number;
  supplementDossiers: number; supplementTrips: number; supplementOnline: number;
  completed: number; late: number; resultsReturned: number; resultsAtDesk: number;
};

/**
 * The facts of the dossiers received in [from, to] (Vietnamese days) by the given units, per procedure
 * (stub: implemented with its data tests).
 */
export async function procedureFacts(_db: Db, _input: { unitIds: number[]; from: string; to: string; procedureCodes?: string[]; versionIds?: number[] }): Promise<DossierProcedureFacts[]> {
  throw new Error('not implemented');
}
