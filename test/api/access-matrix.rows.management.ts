import { DIRECTIVE_ROWS } from './access-matrix.rows.directives.js';
import { INSPECTION_PLAN_ROWS } from './access-matrix.rows.inspection-plans.js';
import { INSPECTION_REPORT_ROWS } from './access-matrix.rows.inspection-reports.js';
import { INSPECTION_ROWS } from './access-matrix.rows.inspection.js';
import { PAR_ROWS } from './access-matrix.rows.par.js';
import { PERSONNEL_ROWS } from './access-matrix.rows.personnel.js';
import { PROCEDURE_REVIEW_ROWS } from './access-matrix.rows.procedure-review.js';
import { QUALITY_ROWS } from './access-matrix.rows.quality.js';
import { REFORM_BUDGET_ROWS } from './access-matrix.rows.reform-budget.js';
import { REGISTRY_ROWS } from './access-matrix.rows.registry.js';
import type { Row } from './access-matrix.rows.js';

/** The management side's rows (issues 15–20: directives, PAR, personnel, inspection, registry, quality, reform budget), in the order the matrix runs them. */
export const MANAGEMENT_ROWS: Row[] = [
  ...DIRECTIVE_ROWS, ...PAR_ROWS, ...PERSONNEL_ROWS, ...INSPECTION_ROWS, ...INSPECTION_PLAN_ROWS, ...INSPECTION_REPORT_ROWS,
];
/** Rows that run after the reports' rows, as before. */
export const RECORDS_ROWS: Row[] = [...REGISTRY_ROWS, ...QUALITY_ROWS, ...REFORM_BUDGET_ROWS, ...PROCEDURE_REVIEW_ROWS];
