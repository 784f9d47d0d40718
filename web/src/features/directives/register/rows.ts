/**
 * The editable rows of the register page: built from the server's outline proposal, edited by the
 * officer, and turned into the `tasks` of POST /directives. Pure, so the conversion is easy to read.
 */
import type { Meta, Outline, OutlineLead, OutlineSubitem, Priority, Recurrence, TaskDraft } from '../api';

export interface GroupLead { key: string; label: string; unitIds: number[] }

export interface TaskRow {
  uid: string;
  ref: string;
  content: string;
  leadUnitIds: number[];
  /** "Các sở, ban, ngành": one lead naming many units, fanned out to one task each by the server. */
  groups: GroupLead[];
  /** Agency names the proposer could not match; the officer picks the unit and removes the name. */
  unmatchedLeads: string[];
  coordinatingUnitIds: number[];
  unmatchedCoordinators: string[];
  /** A one-off deadline, or a recurring task whose dueOn is the first due day. */
  timing: 'once' | 'recurring';
  dueOn: string | null;
  recurrence: Recurrence | null;
  expectedOutput: string;
  priority: Priority;
}

let counter = 0;
export const newUid = () => `row-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function emptyRow(ref = ''): TaskRow {
  return {
    uid: newUid(), ref, content: '', leadUnitIds: [], groups: [], unmatchedLeads: [], coordinatingUnitIds: [], unmatchedCoordinators: [],
    timing: 'once', dueOn: null, recurrence: null, expectedOutput: '', priority: 'normal',
  };
}

function groupOf(lead: OutlineLead, meta: Meta): GroupLead {
  const known = meta.groups.find((g) => g.key === lead.group);
  return { key: lead.group ?? '', label: known?.label ?? lead.name, unitIds: lead.unitIds ?? known?.unitIds ?? [] };
}

function uniq<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function rowOf(ref: string, item: OutlineSubitem, meta: Meta): TaskRow {
  const row = emptyRow(ref);
  row.content = item.text.trim();
  for (const lead of item.leads) {
    if (lead.group) row.groups.push(groupOf(lead, meta));
    else if (lead.unitId !== null) row.leadUnitIds.push(lead.unitId);
    else row.unmatchedLeads.push(lead.name);
  }
  row.unmatchedLeads.push(...(item.unmatched ?? []).filter((n) => !row.unmatchedLeads.includes(n)));
  for (const c of item.coordinators ?? []) {
    if (c.group) row.coordinatingUnitIds.push(...(c.unitIds ?? []));
    else if (c.unitId !== null) row.coordinatingUnitIds.push(c.unitId);
    else row.unmatchedCoordinators.push(c.name);
  }
  row.leadUnitIds = uniq(row.leadUnitIds);
  row.coordinatingUnitIds = uniq(row.coordinatingUnitIds).filter((id) => !row.leadUnitIds.includes(id));
  return row;
}

/** The part's Roman numeral ("II. NHIỆM VỤ" → "II"), so items restarting at 1 keep distinct refs. */
function partPrefix(part: string | undefined, n: string): string {
  const numeral = part?.split('.')[0]?.trim();
  return numeral && numeral !== n ? `${numeral}.` : '';
}

/** One row per item and per sub-item ("7", then "7a", "7b"). */
export function rowsFromOutline(outline: Outline, meta: Meta): TaskRow[] {
  return outline.items.flatMap((item) => {
    const ref = `${partPrefix(item.part, item.n)}${item.n}`;
    return [rowOf(ref, item, meta), ...item.subitems.map((sub) => rowOf(`${ref}${sub.n}`, sub, meta))];
  });
}

/** What POST /directives takes for the rows. */
export function draftsOf(rows: TaskRow[]): TaskDraft[] {
  return rows.map((r) => ({
    ref: r.ref.trim(),
    content: r.content.trim(),
    leads: [...r.leadUnitIds.map((unitId) => ({ unitId })), ...r.groups.map((g) => ({ group: g.key, unitIds: g.unitIds }))],
    coordinatingUnitIds: r.coordinatingUnitIds.filter((id) => !r.leadUnitIds.includes(id)),
    dueOn: r.dueOn,
    recurrence: r.timing === 'recurring' ? r.recurrence : null,
    expectedOutput: r.expectedOutput.trim() || null,
    priority: r.priority,
  }));
}

/** Problems the officer must settle before the rows can be sent; each names the row. */
export type RowProblem = 'unmatched' | 'noLead' | 'noContent' | 'recurrenceNeedsDue' | 'noRecurrence';
export function rowProblems(row: TaskRow): RowProblem[] {
  const out: RowProblem[] = [];
  if (!row.content.trim()) out.push('noContent');
  if (row.unmatchedLeads.length) out.push('unmatched');
  else if (!row.leadUnitIds.length && !row.groups.length) out.push('noLead');
  if (row.timing === 'recurring' && !row.recurrence) out.push('noRecurrence');
  if (row.timing === 'recurring' && !row.dueOn) out.push('recurrenceNeedsDue');
  return out;
}
