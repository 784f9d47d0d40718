import type { PersonRecord, RecordField } from '../labels';
import { canonical } from '../../../../../src/modules/personnel/rules/record-changes';

/**
 * The record laid out as the official form (Mẫu 2C) reads: scalar groups, then the tables, with the
 * personal history after the career as on paper. The form's item numbers differ between its versions,
 * so sections are named, never numbered.
 */
export const TABLE_FIELDS = ['training', 'career', 'family', 'salary', 'awards', 'discipline'] as const;
export type TableField = (typeof TABLE_FIELDS)[number];
export type ScalarField = Exclude<RecordField, TableField>;
export type SectionKey = 'identity' | 'recruitment' | 'education' | 'party' | 'history' | TableField;

export type Section = { key: SectionKey; fields: ScalarField[]; table?: undefined } | { key: TableField; fields?: undefined; table: TableField };

export const SECTIONS: readonly Section[] = [
  { key: 'identity', fields: ['fullNameAtBirth', 'otherNames', 'birthDate', 'sex', 'birthPlace', 'homeTown', 'ethnicity', 'religion', 'permanentAddress', 'currentAddress', 'idNumber', 'idIssuedOn', 'socialInsuranceNo', 'phone'] },
  { key: 'recruitment', fields: ['occupationWhenRecruited', 'recruitingBody', 'mainDuties'] },
  { key: 'education', fields: ['generalEducation', 'highestQualification', 'politicalTheory', 'stateManagement', 'foreignLanguage', 'itSkill'] },
  { key: 'party', fields: ['partyJoinedOn', 'partyOfficialOn', 'organisationJoinedOn', 'militaryFrom', 'militaryTo', 'militaryRank', 'highestTitle', 'strengths', 'health', 'policyFamily'] },
  { key: 'training', table: 'training' },
  { key: 'career', table: 'career' },
  { key: 'history', fields: ['personalHistory'] },
  { key: 'family', table: 'family' },
  { key: 'salary', table: 'salary' },
  { key: 'awards', table: 'awards' },
  { key: 'discipline', table: 'discipline' },
];

export const DATE_FIELDS: ReadonlySet<RecordField> = new Set(['birthDate', 'idIssuedOn', 'partyJoinedOn', 'partyOfficialOn', 'organisationJoinedOn', 'militaryFrom', 'militaryTo']);
export const LONG_FIELDS: ReadonlySet<RecordField> = new Set(['mainDuties', 'personalHistory', 'permanentAddress', 'currentAddress']);
/** The server's limits (schema.ts recordShape), so a field cannot be typed past what it accepts. */
export const MAX_LENGTH: Partial<Record<ScalarField, number>> = {
  fullNameAtBirth: 200, otherNames: 200, ethnicity: 50, religion: 100, socialInsuranceNo: 20, phone: 20, mainDuties: 2000, generalEducation: 20,
  politicalTheory: 100, stateManagement: 100, foreignLanguage: 200, itSkill: 200, militaryRank: 100, highestTitle: 200, strengths: 500, health: 200,
  policyFamily: 200, personalHistory: 4000, idNumber: 12,
};

export type CellKind = 'text' | 'month' | 'date' | 'int' | 'decimal' | 'year' | 'side';
export interface RowColumn { key: string; kind: CellKind; required?: boolean; nullable?: boolean; max?: number; width?: number }

/** Each table's columns, with the server's row shapes (schema.ts trainingRow … disciplineRow). */
export const ROW_COLUMNS: Record<TableField, RowColumn[]> = {
  training: [
    { key: 'institution', kind: 'text', required: true, max: 300, width: 220 }, { key: 'major', kind: 'text', max: 300, width: 180 },
    { key: 'from', kind: 'month', required: true, width: 120 }, { key: 'to', kind: 'month', required: true, width: 120 },
    { key: 'form', kind: 'text', max: 100, width: 130 }, { key: 'diploma', kind: 'text', max: 200, width: 160 },
  ],
  career: [
    { key: 'from', kind: 'month', required: true, width: 120 }, { key: 'to', kind: 'month', nullable: true, width: 120 },
    { key: 'post', kind: 'text', required: true, max: 300, width: 240 }, { key: 'unit', kind: 'text', required: true, max: 300, width: 260 },
  ],
  family: [
    { key: 'side', kind: 'side', required: true, width: 130 }, { key: 'relation', kind: 'text', required: true, max: 50, width: 110 },
    { key: 'fullName', kind: 'text', required: true, max: 200, width: 180 }, { key: 'birthYear', kind: 'year', nullable: true, width: 100 },
    { key: 'occupation', kind: 'text', max: 300, width: 160 }, { key: 'workplace', kind: 'text', max: 300, width: 180 }, { key: 'address', kind: 'text', max: 300, width: 180 },
  ],
  salary: [
    { key: 'month', kind: 'month', required: true, width: 120 }, { key: 'gradeCode', kind: 'text', required: true, max: 20, width: 100 },
    { key: 'gradeName', kind: 'text', max: 100, width: 160 }, { key: 'step', kind: 'int', required: true, width: 80 },
    { key: 'coefficient', kind: 'decimal', required: true, width: 90 }, { key: 'positionAllowance', kind: 'decimal', nullable: true, width: 110 },
    { key: 'otherAllowances', kind: 'text', max: 300, width: 160 }, { key: 'nextStepOn', kind: 'date', nullable: true, width: 140 },
  ],
  awards: [{ key: 'on', kind: 'date', required: true, width: 140 }, { key: 'form', kind: 'text', required: true, max: 300, width: 300 }, { key: 'decisionNo', kind: 'text', max: 60, width: 160 }],
  discipline: [
    { key: 'on', kind: 'date', required: true, width: 140 }, { key: 'form', kind: 'text', required: true, max: 300, width: 260 },
    { key: 'decisionNo', kind: 'text', max: 60, width: 160 }, { key: 'until', kind: 'date', nullable: true, width: 140 },
  ],
};

export type Row = Record<string, unknown>;
export const isTableField = (f: string): f is TableField => (TABLE_FIELDS as readonly string[]).includes(f);

/** A blank row of a table, with what the server fills by default (empty text, null dates). */
export function blankRow(table: TableField): Row {
  const row: Row = {};
  for (const c of ROW_COLUMNS[table]) row[c.key] = c.kind === 'side' ? 'own' : c.nullable || c.kind === 'int' || c.kind === 'decimal' || c.kind === 'year' ? null : '';
  return row;
}

/** A row as the server takes it: text trimmed; a blank nullable cell null. */
export function cleanRow(table: TableField, row: Row): Row {
  const out: Row = {};
  for (const c of ROW_COLUMNS[table]) {
    const v = row[c.key];
    if (typeof v === 'string') out[c.key] = v.trim() === '' && c.nullable ? null : v.trim();
    else out[c.key] = v ?? (c.nullable ? null : c.kind === 'text' ? '' : v);
  }
  return out;
}

/**
 * What a proposal changes: the fields whose value differs from the record, a blank scalar clearing the
 * field (null). Compared as JSON so a table counts as changed when any cell does.
 */
export function changedFields(record: PersonRecord, edited: Partial<Record<RecordField, unknown>>): Partial<Record<RecordField, unknown>> {
  const set: Partial<Record<RecordField, unknown>> = {};
  for (const [field, raw] of Object.entries(edited) as [RecordField, unknown][]) {
    let value = raw;
    if (isTableField(field)) value = ((raw as Row[] | undefined) ?? []).map((r) => cleanRow(field, r));
    else if (typeof raw === 'string') value = raw.trim() === '' ? null : raw.trim();
    else if (raw === undefined) value = null;
    const stored = (record as Record<string, unknown>)[field];
    // Stored rows go through the same cleaning, and keys are compared sorted: the database returns them in its own order.
    const before = isTableField(field) ? ((stored as Row[] | undefined) ?? []).map((r) => cleanRow(field, r)) : stored ?? null;
    if (canonical(before) !== canonical(value)) set[field] = value;
  }
  return set;
}
