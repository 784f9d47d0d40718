import type { ActionRow, NcRow, VerificationRow } from './nonconformities.repository.js';
import type { NcSourceColumn } from './quality.tables.js';
import {
  MEASURED_SOURCES, NC_STATUS_LABELS, VERIFICATION_STATE_LABELS, verificationState, verificationWindow,
  type ActionFacts, type NcSource, type VerificationSettings, type VerificationWindow,
} from './rules/corrective-actions.js';
import { SIGNAL_LABELS } from './rules/nonconformity-proposals.js';
import type { IsoDay, Period } from './rules/objectives.js';

/** How a nonconformity and its corrective actions read on the page and in the lists (API.md part C). */
export const NC_SOURCE_LABELS: Record<NcSourceColumn, string> = {
  manual: 'Ghi nhận trực tiếp',
  audit: 'Đánh giá nội bộ',
  overdue: SIGNAL_LABELS.overdue,
  apology: SIGNAL_LABELS.apology,
  supplement: SIGNAL_LABELS.supplement,
  complaint: 'Khiếu nại, phản ánh',
  inspection: 'Thanh tra, kiểm tra',
  objective: 'Mục tiêu chất lượng không đạt',
};
export const VERIFICATION_RESULT_LABELS = { effective: 'Có hiệu lực', not_effective: 'Không có hiệu lực' } as const;

export const actionFacts = (a: ActionRow): ActionFacts => ({ text: a.text, dueOn: a.due_on, doneOn: a.done_on });

const isPeriod = (p: unknown): p is Period => {
  const o = p as { from?: unknown; to?: unknown } | null;
  return !!o && typeof o.from === 'string' && typeof o.to === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(o.from) && /^\d{4}-\d{2}-\d{2}$/.test(o.to) && o.from <= o.to;
};

/** The period a signal was detected over, kept in its evidence. */
export const detectionPeriodOf = (nc: Pick<NcRow, 'evidence'>): Period | null => (isPeriod(nc.evidence?.period) ? nc.evidence.period as Period : null);

/**
 * The verification window once every action is done (only then is there one). A signal nonconformity
 * whose evidence lost its period is verified like one a person found rather than not at all.
 */
export function windowOf(nc: Pick<NcRow, 'status' | 'source' | 'evidence'>, actions: readonly ActionRow[], s: VerificationSettings): VerificationWindow | null {
  if (nc.status !== 'actions_done') return null;
  const detectionPeriod = detectionPeriodOf(nc);
  const source: NcSource = MEASURED_SOURCES.includes(nc.source) && !detectionPeriod ? 'manual' : nc.source;
  return verificationWindow({ source, detectionPeriod, actions: actions.map(actionFacts) }, s);
}

export function verificationView(nc: Pick<NcRow, 'status' | 'source' | 'evidence'>, actions: readonly ActionRow[], s: VerificationSettings, today: IsoDay) {
  if (nc.status !== 'action_planned' && nc.status !== 'actions_done') return null;
  const w = windowOf(nc, actions, s);
  const state = verificationState(w, today);
  return { state, label: VERIFICATION_STATE_LABELS[state], opensOn: w?.opensOn ?? null, dueOn: w?.dueOn ?? null, remeasure: w?.remeasure ?? null };
}

/** The earliest due day among the actions not yet done. */
export const earliestOpenDue = (actions: readonly ActionRow[]): IsoDay | null =>
  actions.filter((a) => a.done_on === null).map((a) => a.due_on).sort()[0] ?? null;

export type Names = { unit: (id: number | null) => string | null; staff: (id: number | null) => string | null };

export function ncListItem(nc: NcRow, actions: readonly ActionRow[], names: Names, s: VerificationSettings, today: IsoDay) {
  const v = verificationView(nc, actions, s, today);
  return {
    id: nc.id, qmsId: nc.qms_id, code: nc.code, title: nc.title, source: nc.source, sourceLabel: NC_SOURCE_LABELS[nc.source],
    status: nc.status, statusLabel: NC_STATUS_LABELS[nc.status], ownerUnitId: nc.owner_unit_id, ownerUnitName: names.unit(nc.owner_unit_id),
    procedureCode: nc.procedure_code, raisedOn: nc.raised_on, dueOn: earliestOpenDue(actions),
    verification: v && { state: v.state, label: v.label, opensOn: v.opensOn, dueOn: v.dueOn },
  };
}

export function actionView(a: ActionRow, names: Names) {
  return { seq: a.seq, text: a.text, ownerStaffId: a.owner_staff_id, ownerName: names.staff(a.owner_staff_id), dueOn: a.due_on, doneOn: a.done_on, doneNote: a.done_note };
}

export function verificationRowView(v: VerificationRow, names: Names) {
  return { result: v.result, resultLabel: VERIFICATION_RESULT_LABELS[v.result], measured: v.measured, note: v.note, verifiedByName: names.staff(v.verified_by), verifiedOn: v.verified_on };
}
