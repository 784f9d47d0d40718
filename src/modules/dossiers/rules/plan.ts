import type { ChannelKind, Fee, InternalStep, ProcedureContent, ProcessingTime, RequiredDocument } from '../../catalog/schema.js';
import type { RouteStep } from './events.js';

export type IntakePlan = {
  caseName: string | null;
  processingTime: ProcessingTime;
  documents: RequiredDocument[];
  fees: Fee[];
  steps: InternalStep[];
};

export type PlanProblem = { code: string; vi: string; en: string };

/**
 * What the catalogue says for this procedure, sub-case and channel: the time limit, the checklist,
 * the fees and the internal process. A sub-case replaces only what it defines (Decree 63/2010
 * art. 8 components per case); a process may be limited to some channels.
 */
export function planIntake(p: ProcedureContent, caseCode: string | undefined, channel: ChannelKind): IntakePlan | PlanProblem {
  const subCase = caseCode ? p.cases.find((c) => c.code === caseCode) : undefined;
  if (caseCode && !subCase) return { code: 'CASE_NOT_FOUND', vi: `Thủ tục không có trường hợp "${caseCode}".`, en: `The procedure has no case "${caseCode}".` };
  if (!caseCode && p.cases.length > 0 && p.channels.length === 0) return { code: 'CASE_REQUIRED', vi: 'Cần chọn trường hợp của thủ tục.', en: 'Choose a case of the procedure.' };
  const channelTime = subCase?.channels?.find((c) => c.kind === channel) ?? p.channels.find((c) => c.kind === channel);
  if (!channelTime) return { code: 'CHANNEL_NOT_OFFERED', vi: 'Thủ tục không thực hiện qua kênh này.', en: 'The procedure is not offered through this channel.' };
  const processes = subCase?.internalProcesses?.length ? subCase.internalProcesses : p.internalProcesses;
  const process = processes.find((ip) => ip.channels?.includes(channel)) ?? processes.find((ip) => !ip.channels);
  return {
    caseName: subCase?.name ?? null,
    processingTime: channelTime.time,
    documents: subCase?.documents ?? p.documents,
    fees: (subCase?.fees ?? p.fees).filter((f) => !f.channels || f.channels.includes(channel)),
    steps: process ? [...process.steps].sort((a, b) => a.order - b.order) : [],
  };
}

export type UnitRef = { id: number; parentId: number | null; code: string | null; name: string; kind: string; function: string | null };

export const budgetHours = (b: { amount: number; unit: 'working_hours' | 'working_days' }): number => (b.unit === 'working_days' ? b.amount * 8 : b.amount);

/**
 * Turns the internal process into concrete units. A step names a fixed unit by e-ID, or a unit by
 * its function inside the competent agency's subtree (the same commune process runs in any
 * commune). One-stop steps go to the desk that received the dossier: provincial and commune
 * centres receive regardless of boundary (Decree 118/2025), and the result returns there.
 */
export function resolveRoute(steps: InternalStep[], units: UnitRef[], receivingUnitId: number, competentUnitId: number): RouteStep[] | PlanProblem {
  const byId = new Map(units.map((u) => [u.id, u]));
  const byCode = new Map(units.filter((u) => u.code).map((u) => [u.code!, u]));
  const receiving = byId.get(receivingUnitId);
  const subtree = (rootId: number): UnitRef[] => {
    const out: UnitRef[] = [];
    const queue = [rootId];
    while (queue.length) {
      const id = queue.shift()!;
      const u = byId.get(id);
      if (u) out.push(u);
      for (const c of units) if (c.parentId === id) queue.push(c.id);
    }
    return out;
  };
  const competentTree = subtree(competentUnitId);
  const route: RouteStep[] = [];
  const desk = receiving ? { id: receiving.id, name: receiving.name } : null;
  if (steps.length === 0 && desk) {
    return [{ order: 1, name: 'Tiếp nhận và giải quyết', unitId: desk.id, unitName: desk.name, role: 'desk_officer', budgetHours: 0, interAgency: false, external: false }];
  }
  for (const s of steps) {
    const base = { order: s.order, name: s.name, role: s.responsible.role, budgetHours: budgetHours(s.budget), interAgency: s.interAgency };
    if (s.responsible.externalAgency) {
      route.push({ ...base, unitId: null, unitName: s.responsible.externalAgency.name, external: true });
      continue;
    }
    let unit: UnitRef | undefined;
    if (s.responsible.function === 'one_stop' || (s.responsible.unitCode && byCode.get(s.responsible.unitCode)?.kind === 'service_centre')) {
      unit = receiving;
    } else if (s.responsible.unitCode) {
      unit = byCode.get(s.responsible.unitCode);
    } else if (s.responsible.function) {
      unit = competentTree.find((u) => u.function === s.responsible.function);
    }
    if (!unit) {
      const what = s.responsible.unitCode ?? s.responsible.function ?? '';
      return { code: 'ROUTE_UNRESOLVED', vi: `Không xác định được đơn vị xử lý bước ${s.order} ("${s.name}": ${what}). Hãy kiểm tra quy trình nội bộ và cơ cấu tổ chức.`, en: `No unit found for step ${s.order} (${what}).` };
    }
    route.push({ ...base, unitId: unit.id, unitName: unit.name, external: false });
  }
  return route;
}

/** The agency that decides: the named implementing agency, else the commune the desk belongs to. */
export function competentUnit(p: ProcedureContent, units: UnitRef[], receivingUnitId: number, requested?: number): UnitRef | PlanProblem {
  const byId = new Map(units.map((u) => [u.id, u]));
  if (requested) {
    const u = byId.get(requested);
    return u ?? { code: 'UNIT_NOT_FOUND', vi: 'Không tìm thấy cơ quan giải quyết.', en: 'Competent unit not found.' };
  }
  if (p.implementingAgency.code) {
    const u = units.find((x) => x.code === p.implementingAgency.code);
    if (u) return u;
  }
  for (let u = byId.get(receivingUnitId); u; u = u.parentId ? byId.get(u.parentId) : undefined) {
    if (u.kind === 'commune') return u;
  }
  // A vertical agency's procedure (e.g. judicial records, provincial police) received at the
  // provincial centre: the centre holds the dossier between the agency's steps.
  const desk = byId.get(receivingUnitId);
  if (desk && p.levels.includes('vertical')) return desk;
  return { code: 'COMPETENT_UNIT_REQUIRED', vi: 'Cần chọn xã, phường hoặc cơ quan có thẩm quyền giải quyết hồ sơ.', en: 'Choose the competent commune or agency.' };
}
