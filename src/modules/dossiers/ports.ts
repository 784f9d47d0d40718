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
