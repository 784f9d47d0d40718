import type { ProcedureContent } from '../../catalog/schema.js';
import type { PlanChanges, ProcedureFacts } from './types.js';

/**
 * A simplification plan applied to a version and its facts (RULES.md "Plans"): documents removed or
 * reused no longer cost preparation or copies; full-online filing removes the trips to the desk (the
 * supplements answered online instead); fees take their new amounts; the time limit changes (not a cost).
 * (stub: implemented by the rules' author)
 */
export function applyPlan(_content: ProcedureContent, _facts: ProcedureFacts | null, _changes: PlanChanges): { content: ProcedureContent; facts: ProcedureFacts | null } {
  throw new Error('not implemented');
}

/** What in the changes does not fit the version (a document or fee it does not have, a time limit not shorter): [{ path, vi, en }]. */
export function planProblems(_content: ProcedureContent, _changes: PlanChanges): { path: string; vi: string; en: string }[] {
  throw new Error('not implemented');
}
