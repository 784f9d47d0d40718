import { describe, expect, it } from 'vitest';
import { CHECKLIST_CODES, checklistRollup, checklistRows, refreshRows, type SourceFigures } from './checklist-rules.js';

const FIGURES: SourceFigures = {
  dossiers: { completed: 40, completedLate: 3, inProgress: 12, overdue: 2 },
  steps: { total: 90, late: 7 },
  apologies: null,
  feedback: { answered: 5, answeredLate: 1 },
  conductFeedback: null,
  directiveTasks: { due: 4, late: 0 },
};

describe('the checklist built from what the system knows', () => {
  it('turns each source\'s figures into a figure with its sentence, in a fixed order', () => {
    const rows = checklistRows(FIGURES);
    expect(rows.map((r) => r.code)).toEqual(CHECKLIST_CODES);
    expect(rows.find((r) => r.code === 'dossiers_completed_late')).toMatchObject({ kind: 'system', figure: { value: 3, of: 40, text: { vi: '3/40 hồ sơ đã giải quyết bị quá hạn' } } });
    expect(rows.find((r) => r.code === 'dossiers_overdue')?.figure).toMatchObject({ value: 2, of: 12 });
    expect(rows.find((r) => r.code === 'late_steps')?.figure).toMatchObject({ value: 7, of: 90 });
    expect(rows.find((r) => r.code === 'feedback_late')?.figure).toMatchObject({ value: 1, of: 5 });
    expect(rows.find((r) => r.code === 'directive_tasks_late')?.figure).toMatchObject({ value: 0, of: 4 });
  });

  it('says so where the system holds no figure, and leaves badges, posting and hours to the team', () => {
    const rows = checklistRows(FIGURES);
    const apology = rows.find((r) => r.code === 'apology_letters')!;
    expect(apology).toMatchObject({ kind: 'system', figure: null });
    expect(apology.source.vi).toContain('hệ thống chưa có số liệu');
    for (const code of ['badge_worn', 'procedures_posted', 'working_hours']) expect(rows.find((r) => r.code === code)).toMatchObject({ kind: 'manual', figure: null });
    expect(checklistRows({ ...FIGURES, conductFeedback: { received: 2, answered: 1, answeredLate: 1, openOverdue: 1 } }).find((r) => r.code === 'conduct_feedback')?.figure?.text.vi)
      .toBe('2 phản ánh về cán bộ; 1/1 trả lời quá hạn; 1 chưa trả lời đã quá hạn');
  });

  it('keeps the team\'s verdicts and notes on a refresh, and names the figures that moved', () => {
    const first = checklistRows(FIGURES);
    const kept = [{ code: 'dossiers_completed_late', verdict: 'finding' as const, note: '3 hồ sơ trễ của bộ phận một cửa' }];
    const before = new Map(first.map((r) => [r.code, r.figure]));
    const { rows, changed } = refreshRows(kept, checklistRows({ ...FIGURES, dossiers: { completed: 41, completedLate: 3, inProgress: 11, overdue: 2 } }), before);
    expect(rows.find((r) => r.code === 'dossiers_completed_late')).toMatchObject({ verdict: 'finding', note: '3 hồ sơ trễ của bộ phận một cửa', figure: { value: 3, of: 41 } });
    expect(rows.find((r) => r.code === 'late_steps')).toMatchObject({ verdict: 'not_checked', note: null });
    expect(changed).toEqual(['dossiers_completed_late', 'dossiers_overdue']);
  });
});

describe('the verdicts rolled up', () => {
  it('counts each verdict and names the items marked as a finding that no finding records', () => {
    const items = [
      { code: 'dossiers_completed_late', verdict: 'finding' as const },
      { code: 'badge_worn', verdict: 'finding' as const },
      { code: 'procedures_posted', verdict: 'ok' as const },
      { code: 'working_hours', verdict: 'not_checked' as const },
    ];
    expect(checklistRollup(items, [{ checklistCode: 'badge_worn' }, { checklistCode: null }])).toEqual({
      total: 4, ok: 1, finding: 2, notChecked: 1, findingItemsWithoutRecord: ['dossiers_completed_late'],
    });
    expect(checklistRollup(items, [{ checklistCode: 'badge_worn' }, { checklistCode: 'dossiers_completed_late' }]).findingItemsWithoutRecord).toEqual([]);
  });
});
