import { FUNCTION_LABELS } from '../catalog/display.js';
import { CHANNEL_LABELS, ROLE_LABELS } from '../catalog/labels.js';
import type { CatalogVersion } from './quality.context.js';
import { HOURS_PER_WORKING_DAY, type ProcedureLike, type ProcessLike, type StepLike } from './rules/process-documents.js';

/** "Trung tâm Phục vụ hành chính công tỉnh — Công chức tiếp nhận và trả kết quả". */
export function responsibleText(s: Pick<StepLike, 'responsible'>, units: ReadonlyMap<string, string>): string {
  const r = s.responsible;
  const where = r.unitCode !== undefined ? units.get(r.unitCode) ?? r.unitCode
    : r.function !== undefined ? FUNCTION_LABELS[r.function] ?? r.function
    : r.externalAgency?.name ?? '';
  return `${where} — ${ROLE_LABELS[r.role as keyof typeof ROLE_LABELS] ?? r.role}`;
}

export const budgetText = (b: StepLike['budget']) => `${b.amount} ${b.unit === 'working_days' ? 'ngày làm việc' : 'giờ làm việc'}`;

/** The processes a document describes: a case's own (else the procedure's), or the procedure's and every case's own. */
export function processesOf(content: ProcedureLike, caseCode: string | null): { caseCode: string | null; processes: readonly ProcessLike[] }[] {
  const own = (c: { internalProcesses?: readonly ProcessLike[] }) => c.internalProcesses !== undefined && c.internalProcesses.length > 0;
  if (caseCode) {
    const c = content.cases?.find((x) => x.code === caseCode);
    return c ? [{ caseCode, processes: own(c) ? c.internalProcesses! : content.internalProcesses ?? [] }] : [];
  }
  return [
    { caseCode: null, processes: content.internalProcesses ?? [] },
    ...(content.cases ?? []).filter(own).map((c) => ({ caseCode: c.code, processes: c.internalProcesses! })),
  ];
}

const number = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
const hoursOf = (s: StepLike) => (s.budget.unit === 'working_days' ? s.budget.amount * HOURS_PER_WORKING_DAY : s.budget.amount);
export const dayText = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

function processLines(p: ProcessLike, units: ReadonlyMap<string, string>): string[] {
  const lines: string[] = [];
  if (p.channels?.length) lines.push(`Áp dụng cho cách thức: ${p.channels.map((c) => CHANNEL_LABELS[c as keyof typeof CHANNEL_LABELS] ?? c).join(', ')}`);
  const steps = [...p.steps].sort((a, b) => a.order - b.order);
  for (const s of steps) {
    lines.push(`Bước ${s.order}. ${s.name}`);
    if (s.action) lines.push(`   - Nội dung công việc: ${s.action}`);
    lines.push(`   - Người thực hiện: ${responsibleText(s, units)}`);
    lines.push(`   - Thời gian: ${budgetText(s.budget)}`);
    if (s.output) lines.push(`   - Kết quả: ${s.output}`);
    if (s.interAgency) lines.push('   - Liên thông với cơ quan khác: Có');
  }
  const total = steps.reduce((n, s) => n + hoursOf(s), 0);
  lines.push(`Tổng thời gian: ${number(total)} giờ làm việc (${number(total / HOURS_PER_WORKING_DAY)} ngày làm việc)`);
  return lines;
}

/**
 * The first draft of a process document: the catalogue's internal process in words (step, what is
 * done, who and where, how long), for the ISO secretary to complete rather than retype.
 */
export function processText(v: CatalogVersion, caseCode: string | null, units: ReadonlyMap<string, string>): string {
  const caseNames = new Map(((v.content as { cases?: { code: string; name?: string }[] }).cases ?? []).map((c) => [c.code, c.name ?? c.code]));
  const lines = [`QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH`, `Thủ tục: ${v.name} (mã ${v.code})`];
  if (caseCode) lines.push(`Trường hợp: ${caseNames.get(caseCode) ?? caseCode}`);
  lines.push(`Căn cứ: quy trình nội bộ trong danh mục thủ tục hành chính, phiên bản số ${v.versionNo}${v.effectiveFrom ? `, có hiệu lực từ ngày ${dayText(v.effectiveFrom)}` : ''}.`);
  for (const part of processesOf(v.content, caseCode)) {
    if (part.processes.length === 0) continue;
    lines.push('');
    if (part.caseCode && !caseCode) lines.push(`Trường hợp ${caseNames.get(part.caseCode) ?? part.caseCode}:`);
    part.processes.forEach((p, i) => {
      if (part.processes.length > 1) lines.push(`Quy trình ${i + 1}`);
      lines.push(...processLines(p, units));
    });
  }
  return lines.join('\n');
}
