import type { CitizenProfile } from '../citizens/identity.js';
import type { DossierService } from '../dossiers/dossiers.service.js';
import type { ProcedureInForce } from '../dossiers/ports.js';
import type { UnitRef } from '../dossiers/rules/plan.js';

/**
 * Where the online services meet the rest of motcua. Each side is a service another module owns;
 * only what is named here is used, so a module can change behind its port.
 */
export type OnlineDossiersPort = Pick<DossierService, 'submitOnline' | 'supplementByApplicant' | 'forApplicant' | 'forApplicantOne' | 'idNumberMatches'>;

export interface CatalogPort {
  findInForce(code: string, at: Date): Promise<ProcedureInForce | undefined>;
}

export interface UnitsPort {
  allUnits(): Promise<UnitRef[]>;
}

export interface CitizensPort {
  profile(citizenId: number): Promise<CitizenProfile>;
}

export interface FileStorePort {
  put(content: Buffer): Promise<string>;
  get(key: string): Promise<Buffer | undefined>;
}

/** The slips the applicant receives electronically (dossiers/slips): receipt 01, guidance 02, refusal 03. */
export interface SlipsPort {
  applicantSlip(code: string, form: '01' | '02' | '03'): Promise<Buffer>;
}

/** A result document of one of the citizen's dossiers, as the dossier module records it. */
export type ResultDocument = { dossierCode: string; name: string; fileKey: string; type: 'application/pdf' | 'image/jpeg' | 'image/png'; size: number; issuedAt: string };

/**
 * Results of a citizen's dossiers, for their document store (Decree 45/2020 art. 16: results are
 * pushed to the applicant's store). The dossier module records no result file today — a decision is
 * a summary text (`result_recorded`) — so `NO_RESULT_FILES` answers an empty list, and the store holds
 * uploads only. The digitisation work adds result files to dossiers; wiring its method here is all it takes.
 */
export interface ResultsPort {
  resultDocuments(applicant: { idNumber: string | null; dossierCodes: string[] }): Promise<ResultDocument[]>;
}
export const NO_RESULT_FILES: ResultsPort = { resultDocuments: async () => [] };

/**
 * Online payment of what a dossier owes (modules/payments `start`): the gateway address the browser
 * goes to. Absent until wired; the pay route exists only when it is, and the citizen sees "pay at the desk".
 */
export interface PaymentsPort {
  start(ctx: import('../../platform/http/context.js').RequestContext, dossierCode: string, amount: number): Promise<{ redirectUrl: string }>;
}

/**
 * The satisfaction rating of a dossier (modules/satisfaction owns the ratings, one per dossier whatever
 * the channel). The online module decides the dossier is the citizen's and its result ready, then records.
 */
export interface RatingsPort {
  rate(ctx: import('../../platform/http/context.js').RequestContext, r: { dossierCode: string; citizenId: number; level: 'very_satisfied' | 'satisfied' | 'not_satisfied'; comment: string | null }): Promise<void>;
  ratingOf(code: string): Promise<{ level: 'very_satisfied' | 'satisfied' | 'not_satisfied'; comment: string | null; ratedAt: Date } | undefined>;
  ratedAmong(codes: string[]): Promise<Set<string>>;
}
