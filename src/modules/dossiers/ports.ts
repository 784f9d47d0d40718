import type { ProcedureContent, ProcessingTime } from '../catalog/schema.js';

/** Deadline maths the dossier module needs; the calendar module provides it from the province calendar. */
export interface DeadlineCalculator {
  /** The due instant for a time limit counted from `from` (receipt). */
  due(from: Date, time: ProcessingTime): Date;
  addWorkingHours(from: Date, hours: number): Date;
  workingHoursBetween(from: Date, to: Date): number;
}

export interface DeadlinesPort {
  calculator(): Promise<DeadlineCalculator>;
}

export type ProcedureInForce = { versionId: number; versionNumber: number; content: ProcedureContent };

/** The catalogue as the one-stop shop reads it: the version in force at an instant. */
export interface CatalogPort {
  findInForce(code: string, at: Date): Promise<ProcedureInForce | undefined>;
  /** The exact version a dossier pinned at receipt (it may no longer be in force). */
  findVersion?(versionId: number): Promise<ProcedureInForce | undefined>;
}

/**
 * The file store as dossiers see it: whether a scan a received document points at is stored, and its
 * content (its type is read from it, and staff download it in the context of the dossier).
 */
export interface FilesPort {
  has(key: string): Promise<boolean>;
  get(key: string): Promise<Buffer | undefined>;
}

/** Without a file store, no stored file can be vouched for: a document that points at one is refused. */
export const NO_FILES: FilesPort = { has: async () => false, get: async () => undefined };
