/**
 * The inspection record's checklist (pure; no zod, so the web app may read the labels): the items an
 * inspection of administrative discipline looks at, the figures the other modules hold about the
 * inspected unit for the period inspected, and the team's verdicts rolled up. The figures themselves
 * come through `ChecklistSources` (checklist-sources.ts), wired in src/app.ts.
 */
import type { Label, Verdict } from './inspection-labels.js';

export type { Label };

/** A figure as taken: `value` of `of` (null when it is a plain count), with the sentence a person reads. */
export type ChecklistFigure = { value: number; of: number | null; text: Label };

/** What the sources answer for a unit's subtree and a period; null: the system holds no such figure. */
export type SourceFigures = {
  dossiers: { completed: number; completedLate: number; inProgress: number; overdue: number } | null;
  steps: { total: number; late: number } | null;
  apologies: { count: number } | null;
  feedback: { answered: number; answeredLate: number } | null;
  conductFeedback: { received: number; answered: number; answeredLate: number; openOverdue: number } | null;
  directiveTasks: { due: number; late: number } | null;
};

type Definition = {
  code: string;
  label: Label;
  /** Where the figure comes from, as the record shows it. Manual items have none. */
  source: Label;
  figure?: (f: SourceFigures) => ChecklistFigure | null;
};

const of = (value: number, total: number, vi: string, en: string): ChecklistFigure => ({ value, of: total, text: { vi: `${value}/${total} ${vi}`, en: `${value} of ${total} ${en}` } });
const count = (value: number, vi: string, en: string): ChecklistFigure => ({ value, of: null, text: { vi: `${value} ${vi}`, en: `${value} ${en}` } });
const MANUAL: Label = { vi: 'Đoàn kiểm tra trực tiếp tại đơn vị', en: 'Checked by the team at the unit' };

/** The checklist in the order the record shows it. Codes are stable: findings link to them. */
export const CHECKLIST: readonly Definition[] = [
  {
    code: 'dossiers_completed_late', label: { vi: 'Hồ sơ thủ tục hành chính giải quyết quá hạn', en: 'Dossiers completed late' },
    source: { vi: 'Biểu II.06a: hồ sơ đã giải quyết trong kỳ', en: 'Form II.06a: dossiers completed in the period' },
    figure: (f) => f.dossiers && of(f.dossiers.completedLate, f.dossiers.completed, 'hồ sơ đã giải quyết bị quá hạn', 'completed dossiers were late'),
  },
  {
    code: 'dossiers_overdue', label: { vi: 'Hồ sơ đang giải quyết đã quá hạn', en: 'Dossiers in progress and overdue' },
    source: { vi: 'Biểu II.06a: hồ sơ đang giải quyết cuối kỳ', en: 'Form II.06a: dossiers in progress at the end of the period' },
    figure: (f) => f.dossiers && of(f.dossiers.overdue, f.dossiers.inProgress, 'hồ sơ đang giải quyết đã quá hạn', 'dossiers in progress were overdue'),
  },
  {
    code: 'late_steps', label: { vi: 'Bước xử lý của cán bộ chuyển quá thời hạn của bước', en: 'Officers\' steps handed on after their step deadline' },
    source: { vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ của cán bộ đơn vị', en: 'Control slips of the unit\'s officers' },
    figure: (f) => f.steps && of(f.steps.late, f.steps.total, 'bước xử lý bị chậm', 'steps were late'),
  },
  {
    code: 'apology_letters', label: { vi: 'Văn bản xin lỗi, gia hạn hồ sơ trễ hạn đã ban hành', en: 'Apology and extension letters issued' },
    source: { vi: 'Hồ sơ có văn bản xin lỗi và gia hạn trong kỳ', en: 'Dossiers with an apology and extension in the period' },
    figure: (f) => f.apologies && count(f.apologies.count, 'văn bản xin lỗi, gia hạn', 'apology letters'),
  },
  {
    code: 'feedback_late', label: { vi: 'Phản ánh, kiến nghị trả lời quá hạn', en: 'Feedback answered late' },
    source: { vi: 'Phản ánh, kiến nghị đơn vị đã trả lời trong kỳ', en: 'Feedback the unit answered in the period' },
    figure: (f) => f.feedback && of(f.feedback.answeredLate, f.feedback.answered, 'phản ánh, kiến nghị trả lời quá hạn', 'answers were late'),
  },
  {
    code: 'conduct_feedback', label: { vi: 'Phản ánh về thái độ, hành vi của cán bộ và việc trả lời', en: 'Feedback about officials\' conduct and its answers' },
    source: { vi: 'Phản ánh về cán bộ của đơn vị nhận trong kỳ', en: 'Feedback about the unit\'s officials received in the period' },
    figure: (f) => f.conductFeedback && {
      value: f.conductFeedback.received, of: null,
      text: {
        vi: `${f.conductFeedback.received} phản ánh về cán bộ; ${f.conductFeedback.answeredLate}/${f.conductFeedback.answered} trả lời quá hạn; ${f.conductFeedback.openOverdue} chưa trả lời đã quá hạn`,
        en: `${f.conductFeedback.received} about officials; ${f.conductFeedback.answeredLate} of ${f.conductFeedback.answered} answered late; ${f.conductFeedback.openOverdue} open and overdue`,
      },
    },
  },
  {
    code: 'directive_tasks_late', label: { vi: 'Nhiệm vụ được giao không hoàn thành đúng hạn', en: 'Assigned tasks not completed on time' },
    source: { vi: 'Nhiệm vụ do đơn vị chủ trì đến hạn trong kỳ', en: 'Tasks led by the unit that fell due in the period' },
    figure: (f) => f.directiveTasks && of(f.directiveTasks.late, f.directiveTasks.due, 'nhiệm vụ đến hạn không hoàn thành đúng hạn', 'tasks due were not completed on time'),
  },
  // Nothing in the system records these yet: the team checks them at the unit.
  { code: 'badge_worn', label: { vi: 'Đeo thẻ công chức khi thi hành công vụ', en: 'Officials wear their badges' }, source: MANUAL },
  { code: 'procedures_posted', label: { vi: 'Niêm yết, công khai thủ tục hành chính tại nơi tiếp nhận', en: 'Procedures posted where dossiers are received' }, source: MANUAL },
  { code: 'working_hours', label: { vi: 'Chấp hành thời giờ làm việc', en: 'Working hours kept' }, source: MANUAL },
];

export const CHECKLIST_CODES = CHECKLIST.map((d) => d.code);

export type ChecklistRow = { code: string; position: number; kind: 'system' | 'manual'; label: Label; source: Label; figure: ChecklistFigure | null };

const NO_DATA: Label = { vi: ' (hệ thống chưa có số liệu: đoàn kiểm tra trực tiếp)', en: ' (no figure in the system: checked by the team)' };

/** The rows a checklist starts with, from the figures taken now. An item whose source has no figure says so. */
export function checklistRows(f: SourceFigures): ChecklistRow[] {
  return CHECKLIST.map((d, position) => {
    if (!d.figure) return { code: d.code, position, kind: 'manual', label: d.label, source: d.source, figure: null };
    const figure = d.figure(f);
    const source = figure ? d.source : { vi: d.source.vi + NO_DATA.vi, en: d.source.en + NO_DATA.en };
    return { code: d.code, position, kind: 'system', label: d.label, source, figure };
  });
}

export type KeptItem = { code: string; verdict: Verdict; note: string | null };

/**
 * A refresh while the team works: the figures are taken again, the team's verdicts and notes stay;
 * `changed` lists the items whose figure moved (a verdict given on the old figure may want a look).
 */
export function refreshRows(kept: KeptItem[], fresh: ChecklistRow[], before: Map<string, ChecklistFigure | null>): { rows: (ChecklistRow & KeptItem)[]; changed: string[] } {
  const byCode = new Map(kept.map((k) => [k.code, k]));
  const changed: string[] = [];
  const rows = fresh.map((r) => {
    const k = byCode.get(r.code) ?? { code: r.code, verdict: 'not_checked' as const, note: null };
    const old = before.get(r.code) ?? null;
    if ((old?.value ?? null) !== (r.figure?.value ?? null) || (old?.of ?? null) !== (r.figure?.of ?? null)) changed.push(r.code);
    return { ...r, verdict: k.verdict, note: k.note };
  });
  return { rows, changed };
}

export type Rollup = {
  total: number; ok: number; finding: number; notChecked: number;
  /** Items the team marked as a finding without recording any finding linked to them. */
  findingItemsWithoutRecord: string[];
};

/** The team's verdicts counted, and the items marked "finding" that no finding names. */
export function checklistRollup(items: { code: string; verdict: Verdict }[], findings: { checklistCode: string | null }[]): Rollup {
  const linked = new Set(findings.map((f) => f.checklistCode).filter((c): c is string => !!c));
  const marked = items.filter((i) => i.verdict === 'finding');
  return {
    total: items.length,
    ok: items.filter((i) => i.verdict === 'ok').length,
    finding: marked.length,
    notChecked: items.filter((i) => i.verdict === 'not_checked').length,
    findingItemsWithoutRecord: marked.filter((i) => !linked.has(i.code)).map((i) => i.code),
  };
}
