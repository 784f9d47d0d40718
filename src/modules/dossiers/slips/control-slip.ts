/**
 * Form 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ (Circular 03/2025/TT-VPCP, Appendix I;
 * Decree 118/2025 art. 18: it travels with the dossier and logs every hand-over). One row per
 * hand-over in the reducer's `handovers`: who gave, who received, when, and whether the receiving
 * side finished its step before, on or after the step's own deadline (`timeliness`, the same rule
 * the public lookup uses). The row that hands the result back to the desk carries the dossier's
 * overall result against its due date.
 */
import { formatViDateTimeShort } from '../../../platform/documents/index.js';
import type { Handover } from '../rules/reducer.js';
import { openTimeliness, STATUS, TIMELINESS_LABELS, timeliness, type OpenTimeliness, type Timeliness } from '../rules/statuses.js';
import { applicantView, notApplicable, type SlipProblem } from './slip-context.js';
import { commonData, type SlipData, type SlipSource } from './slip-data.js';

const NONE = '—';

export type ControlRow = {
  giverUnit: string;
  giver: string;
  receiverUnit: string;
  receiver: string;
  /** "Giao: …\nNhận: …" */
  parties: string;
  /** "Người giao: …\nNgười nhận: …" */
  people: string;
  at: string;
  resultKey: Timeliness | OpenTimeliness | 'open' | 'none';
  result: string;
  note: string;
};

function stepResult(h: Handover, now: Date, dossierDueAt: string | null): { key: ControlRow['resultKey']; text: string; note: string } {
  const due = h.stepDueAt ?? dossierDueAt;
  if (!due) return { key: 'none', text: NONE, note: '' };
  if (h.completedAt || !h.stepDueAt) {
    // The hand-back row (no step deadline) is judged at its arrival, the moment the result existed.
    const finished = h.stepDueAt ? h.completedAt! : h.at;
    const key = timeliness(new Date(finished), new Date(due));
    return { key, text: TIMELINESS_LABELS[key].vi, note: '' };
  }
  const open = openTimeliness(now, new Date(due));
  return open === 'overdue'
    ? { key: 'overdue', text: TIMELINESS_LABELS.overdue.vi, note: 'đang xử lý' }
    : { key: 'open', text: 'Đang xử lý', note: '' };
}

function noteFor(h: Handover, extra: string, dossierDueAt: string | null): string {
  const lines: string[] = [];
  if (h.stepDueAt) {
    lines.push(`Bước ${h.step}${h.stepName ? `: ${h.stepName}` : ''}`);
    lines.push(`Hạn: ${formatViDateTimeShort(h.stepDueAt)}`);
  } else {
    lines.push('Nhận kết quả giải quyết');
    if (dossierDueAt) lines.push(`Hạn hồ sơ: ${formatViDateTimeShort(dossierDueAt)}`);
  }
  if (extra) lines.push(`(${extra})`);
  return lines.join('\n');
}

export function controlRows(src: SlipSource): ControlRow[] {
  const { state, now } = src;
  const applicant = applicantView(src.row).fullName;
  const rows: ControlRow[] = state.handovers.map((h) => {
    const fromApplicant = h.from.staffId === null && !h.from.name;
    const giver = fromApplicant ? applicant : h.from.name;
    const receiver = h.to?.name ?? '';
    const result = stepResult(h, now, state.dueAt);
    return {
      giverUnit: h.fromUnitName || NONE,
      giver: giver || NONE,
      receiverUnit: h.toUnitName || NONE,
      receiver: receiver || NONE,
      parties: `Giao: ${h.fromUnitName || NONE}\nNhận: ${h.toUnitName || NONE}`,
      people: [`Người giao: ${giver || NONE}`, `Người nhận: ${receiver || (h.toUnitId === null || h.completedAt ? NONE : 'chưa phân công')}`].join('\n'),
      at: h.at,
      resultKey: result.key,
      result: result.text,
      note: noteFor(h, result.note, state.dueAt),
    };
  });
  const returned = [...src.events].reverse().find((e) => e.type === 'result_returned');
  if (returned && returned.type === 'result_returned') {
    const desk = state.handovers[state.handovers.length - 1];
    const deskUnit = desk?.toUnitName || NONE;
    rows.push({
      giverUnit: deskUnit, giver: returned.actor.name || NONE, receiverUnit: 'Tổ chức, cá nhân', receiver: returned.receiverName,
      parties: `Giao: ${deskUnit}\nNhận: Tổ chức, cá nhân`,
      people: `Người giao: ${returned.actor.name || NONE}\nNgười nhận: ${returned.receiverName}`,
      at: returned.at, resultKey: 'none', result: NONE,
      note: `Trả kết quả (${METHOD_TEXT[returned.method] ?? returned.method})`,
    });
  }
  return rows;
}

function subtreeOf(units: SlipSource['units'], rootId: number | null): Set<number> {
  const out = new Set<number>();
  if (rootId === null) return out;
  const queue = [rootId];
  while (queue.length) {
    const id = queue.shift()!;
    out.add(id);
    for (const u of units) if (u.parentId === id && !out.has(u.id)) queue.push(u.id);
  }
  return out;
}

const METHOD_TEXT: Record<string, string> = { desk: 'trực tiếp', post: 'bưu chính', online: 'trực tuyến' };

export function controlData(src: SlipSource): SlipData | SlipProblem {
  const { state, row } = src;
  if (!state.handovers.length) {
    return notApplicable('Hồ sơ chưa được tiếp nhận nên chưa có Phiếu kiểm soát quá trình giải quyết hồ sơ.', 'The dossier has not been received; there is no control slip.');
  }
  const deskId = row.receiving_unit_id;
  // Cơ quan phối hợp: route units outside the desk and the competent agency's own tree (tax…).
  const competentTree = subtreeOf(src.units, row.competent_unit_id);
  const coordinating = [...new Set(state.route.filter((r) => r.unitId !== deskId && (r.unitId === null || !competentTree.has(r.unitId))).map((r) => r.unitName))];
  const completed = state.completedAt && state.dueAt && state.status !== 3 && state.status !== 7 ? timeliness(new Date(state.completedAt), new Date(state.dueAt)) : null;
  const paused = state.status === STATUS.SUPPLEMENT_REQUESTED && state.pausedSince ? new Date(state.pausedSince) : null;
  const overall = completed ?? (state.dueAt && !state.completedAt ? openTimeliness(src.now, new Date(state.dueAt), paused) : null);
  return {
    ...commonData(src, deskId, src.now.toISOString()),
    rows: controlRows(src),
    coordinating: coordinating.length ? coordinating.join('; ') : undefined,
    extended: state.extended,
    overall: overall ? TIMELINESS_LABELS[overall].vi : undefined,
  };
}
