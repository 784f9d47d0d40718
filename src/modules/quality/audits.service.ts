import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import * as repo from './audits.repository.js';
import type { AuditCreateInput, AuditFindingInput, AuditItemInput, AuditItemResultInput, AuditReportInput } from './audits.schema.js';
import { unitInside } from './nonconformities.access.js';
import type { RaiseInTx } from './nonconformities.service.js';
import {
  accessTo, actorOf, addEvent, eventsOf, invalid, loadSystem, staleVersion, todayOf, type QualityDeps,
} from './quality.context.js';
import type { AuditStatus, AuditTeamMember, FindingKind } from './quality.tables.js';

export const AUDIT_STATUS_LABELS: Record<AuditStatus, string> = {
  planned: 'Đã lập kế hoạch', in_progress: 'Đang đánh giá', reported: 'Đã báo cáo kết quả', cancelled: 'Đã hủy',
};
export const FINDING_KIND_LABELS: Record<FindingKind, string> = { nonconformity: 'Điểm không phù hợp', observation: 'Điểm lưu ý, khuyến nghị cải tiến' };
const TEAM_ROLE_LABELS: Record<AuditTeamMember['role'], string> = { lead: 'Trưởng đoàn', member: 'Thành viên' };

const auditNotFound = () => errors.notFound('cuộc đánh giá nội bộ', 'internal audit');
const wrongStatus = (vi: string) => errors.conflict('AUDIT_WRONG_STATUS', vi, 'Not possible in the audit\'s current status.');
const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);

/**
 * Internal audits (ISO 9001 §9.2; TT26/2014 art. 4: at least once a year): a plan with its processes and
 * team, a checklist filled in during the audit, findings — a nonconformity finding opens a nonconformity
 * (source `audit`) in the same transaction — and the report. The team works the audit; who keeps the QMS
 * may too. Every change moves the audit's version, with its qms_events row and audit row.
 */
export function createAuditsService(deps: QualityDeps, parts: { raise: RaiseInTx }) {
  const { db } = deps;

  /** Staff of the agency by id (a section's staff included), with names; others are refused by the caller. */
  async function agencyStaff(agencyUnitId: number, ids: number[]) {
    const [staff, units] = await Promise.all([deps.org.staffNamesByIds(ids), deps.org.allUnits()]);
    return new Map(staff.filter((s) => unitInside(s.unitId, agencyUnitId, units)).map((s) => [s.id, s]));
  }

  async function load(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const audit = await repo.findAudit(db, id);
    if (!audit) throw auditNotFound();
    const system = await db.selectFrom('qms_systems').selectAll().where('id', '=', audit.qms_id).executeTakeFirstOrThrow();
    const access = await accessTo(deps, actor, system);
    if (!access.read) throw auditNotFound();
    const team = audit.team;
    const onTeam = team.some((m) => m.staffId === actor.staffId);
    const open = audit.status === 'planned' || audit.status === 'in_progress';
    const mayWork = onTeam || access.manage;
    const may = {
      edit: open && mayWork,
      report: audit.status === 'in_progress' && (audit.lead_staff_id === actor.staffId || access.manage),
    };
    return { actor, audit, system, access, mayWork, may };
  }
  type Loaded = Awaited<ReturnType<typeof load>>;

  async function get(ctx: RequestContext, id: number) {
    const { audit, may } = await load(ctx, id);
    const [items, findings, processes, staff] = await Promise.all([
      repo.itemsOf(db, id), repo.findingsOf(db, [id]), repo.processesOf(db, audit.qms_id, audit.process_ids),
      deps.org.staffNamesByIds(audit.team.map((m) => m.staffId)),
    ]);
    const names = new Map(staff.map((s) => [s.id, s.fullName]));
    return {
      id: audit.id, qmsId: audit.qms_id, year: audit.year, title: audit.title, plannedFrom: audit.planned_from, plannedTo: audit.planned_to,
      criteria: audit.criteria, processes,
      team: audit.team.map((m) => ({ staffId: m.staffId, name: names.get(m.staffId) ?? null, role: m.role, roleLabel: TEAM_ROLE_LABELS[m.role] })),
      status: audit.status, statusLabel: AUDIT_STATUS_LABELS[audit.status],
      items: items.map((i) => ({ seq: i.seq, processId: i.process_id, clause: i.clause, question: i.question, evidenceNote: i.evidence_note, result: i.result })),
      findings: findings.map((f) => ({
        id: f.id, kind: f.kind, kindLabel: FINDING_KIND_LABELS[f.kind], clause: f.clause, processId: f.process_id, description: f.description,
        evidence: f.evidence, itemSeq: f.item_seq,
        nonconformity: f.nonconformity_id === null ? null : { id: f.nonconformity_id, code: f.nc_code, status: f.nc_status },
      })),
      reportSummary: audit.report_summary, reportedOn: audit.reported_on, version: audit.version, may,
      history: await eventsOf(db, 'qms_audit', id),
    };
  }

  async function list(ctx: RequestContext, qmsId: number, q: { year?: number }) {
    await loadSystem(deps, ctx, qmsId, 'read');
    const audits = await repo.auditsOf(db, qmsId, q.year);
    const [findings, staff] = await Promise.all([
      repo.findingsOf(db, audits.map((a) => a.id)), deps.org.staffNamesByIds([...new Set(audits.map((a) => a.lead_staff_id))]),
    ]);
    const names = new Map(staff.map((s) => [s.id, s.fullName]));
    return {
      items: audits.map((a) => ({
        id: a.id, year: a.year, title: a.title, plannedFrom: a.planned_from, plannedTo: a.planned_to, status: a.status, statusLabel: AUDIT_STATUS_LABELS[a.status],
        leadStaffId: a.lead_staff_id, leadName: names.get(a.lead_staff_id) ?? null, reportedOn: a.reported_on,
        findings: {
          nonconformity: findings.filter((f) => f.audit_id === a.id && f.kind === 'nonconformity').length,
          observation: findings.filter((f) => f.audit_id === a.id && f.kind === 'observation').length,
        },
      })),
    };
  }

  async function create(ctx: RequestContext, qmsId: number, input: AuditCreateInput) {
    const { system } = await loadSystem(deps, ctx, qmsId, 'manage');
    const processes = await repo.processesOf(db, qmsId, input.processIds);
    if (processes.length !== input.processIds.length) throw invalid('processIds', 'Có quy trình không thuộc hệ thống quản lý chất lượng này.', 'A process is not in this QMS.');
    const members = (input.memberStaffIds ?? []).filter((m) => m !== input.leadStaffId);
    const staff = await agencyStaff(system.agency_unit_id, [input.leadStaffId, ...members]);
    if (!staff.has(input.leadStaffId)) throw invalid('leadStaffId', 'Trưởng đoàn phải là cán bộ của cơ quan.', 'The lead auditor must work in the agency.');
    const stranger = (input.memberStaffIds ?? []).findIndex((m) => m !== input.leadStaffId && !staff.has(m));
    if (stranger >= 0) throw invalid(`memberStaffIds.${stranger}`, 'Thành viên đoàn phải là cán bộ của cơ quan.', 'Audit team members must work in the agency.');
    const chosen = new Set(input.processIds);
    const wrongItem = (input.items ?? []).findIndex((i) => i.processId !== undefined && !chosen.has(i.processId));
    if (wrongItem >= 0) throw invalid(`items.${wrongItem}.processId`, 'Câu hỏi kiểm tra phải thuộc một quy trình được đánh giá.', 'A checklist question must be about an audited process.');
    // With no checklist given, one question per process (§8.5.1) starts it; the team adds its own.
    const items = input.items?.map((i) => ({ processId: i.processId ?? null, clause: i.clause || null, question: i.question }))
      ?? processes.map((p) => ({ processId: p.id, clause: '8.5.1', question: `Quy trình ${p.code} – ${p.name} có được thực hiện đúng như tài liệu đã ban hành, có hồ sơ chứng minh không?` }));
    const team: AuditTeamMember[] = [{ staffId: input.leadStaffId, role: 'lead' }, ...members.map((m) => ({ staffId: m, role: 'member' as const }))];
    const at = deps.now();
    const id = await inTransaction(db, async (trx) => {
      const auditId = await repo.insertAudit(trx, {
        qms_id: qmsId, year: input.year, title: input.title, planned_from: input.plannedFrom, planned_to: input.plannedTo, criteria: input.criteria ?? '',
        process_ids: input.processIds, team, lead_staff_id: input.leadStaffId,
      });
      await repo.insertItems(trx, auditId, 1, items);
      const details = { year: input.year, title: input.title, plannedFrom: input.plannedFrom, plannedTo: input.plannedTo, processIds: input.processIds, team, items: items.length };
      await addEvent(trx, ctx, at, { qmsId, record: 'qms_audit', entityId: auditId, action: 'planned', details });
      await recordAudit(trx, ctx, { action: 'quality.audit_planned', entity: 'qms_audit', entityId: auditId, unitId: system.agency_unit_id, after: details });
      return auditId;
    });
    return get(ctx, id);
  }

  /** One change of an audit under its version: the extra writes, its history row and its audit row. */
  async function commit(ctx: RequestContext, l: Loaded, version: number, audit: string, change: {
    action: string; details: Record<string, unknown>; values?: Parameters<typeof repo.updateAudit>[3]; also?: (trx: Tx) => Promise<void>;
  }) {
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      if (!(await repo.updateAudit(trx, l.audit.id, version, change.values))) throw staleVersion();
      await change.also?.(trx);
      await addEvent(trx, ctx, at, { qmsId: l.audit.qms_id, record: 'qms_audit', entityId: l.audit.id, action: change.action, details: change.details });
      await recordAudit(trx, ctx, {
        action: audit, entity: 'qms_audit', entityId: l.audit.id, unitId: l.system.agency_unit_id,
        before: { status: l.audit.status, version: l.audit.version }, after: { status: change.values?.status ?? l.audit.status, ...change.details },
      });
    });
    return get(ctx, l.audit.id);
  }

  /** The team or who keeps the QMS (403), in a status that allows it (409), under the version read (409). */
  function checkEdit(l: Loaded, version: number, statuses: readonly AuditStatus[], vi: string) {
    if (!l.mayWork) throw errors.forbidden();
    if (!statuses.includes(l.audit.status)) throw wrongStatus(vi);
    if (version !== l.audit.version) throw staleVersion();
  }

  async function start(ctx: RequestContext, id: number, version: number) {
    const l = await load(ctx, id);
    checkEdit(l, version, ['planned'], 'Chỉ bắt đầu được cuộc đánh giá đang ở trạng thái kế hoạch.');
    return commit(ctx, l, version, 'quality.audit_started', { action: 'started', values: { status: 'in_progress' }, details: { on: todayOf(deps) } });
  }

  async function addItem(ctx: RequestContext, id: number, input: AuditItemInput) {
    const l = await load(ctx, id);
    checkEdit(l, input.version, ['planned', 'in_progress'], 'Cuộc đánh giá đã kết thúc: không thêm câu hỏi kiểm tra được.');
    if (input.processId !== undefined && !l.audit.process_ids.includes(input.processId)) {
      throw invalid('processId', 'Câu hỏi kiểm tra phải thuộc một quy trình được đánh giá.', 'A checklist question must be about an audited process.');
    }
    const seq = (await repo.itemsOf(db, id)).reduce((m, i) => Math.max(m, i.seq), 0) + 1;
    const item = { processId: input.processId ?? null, clause: input.clause || null, question: input.question };
    return commit(ctx, l, input.version, 'quality.audit_item_added', {
      action: 'item_added', details: { seq, ...item }, also: (trx) => repo.insertItems(trx, id, seq, [item]),
    });
  }

  async function setItem(ctx: RequestContext, id: number, seq: number, input: AuditItemResultInput) {
    const l = await load(ctx, id);
    const item = (await repo.itemsOf(db, id)).find((i) => i.seq === seq);
    if (!item) throw errors.notFound('câu hỏi kiểm tra', 'checklist question');
    checkEdit(l, input.version, ['in_progress'], 'Chỉ ghi kết quả kiểm tra khi cuộc đánh giá đang diễn ra.');
    const evidenceNote = input.evidenceNote === undefined ? item.evidence_note : input.evidenceNote || null;
    return commit(ctx, l, input.version, 'quality.audit_item_recorded', {
      action: 'item_recorded', details: { seq, result: input.result, before: item.result, evidenceNote },
      also: (trx) => repo.setItemResult(trx, id, seq, input.result, evidenceNote),
    });
  }

  async function addFinding(ctx: RequestContext, id: number, input: AuditFindingInput) {
    const l = await load(ctx, id);
    checkEdit(l, input.version, ['in_progress'], 'Chỉ ghi phát hiện khi cuộc đánh giá đang diễn ra.');
    if (input.processId !== undefined && !l.audit.process_ids.includes(input.processId)) {
      throw invalid('processId', 'Phát hiện phải thuộc một quy trình được đánh giá.', 'A finding must be about an audited process.');
    }
    const item = input.itemSeq === undefined ? undefined : (await repo.itemsOf(db, id)).find((i) => i.seq === input.itemSeq);
    if (input.itemSeq !== undefined && !item) throw invalid('itemSeq', 'Không có câu hỏi kiểm tra số này trong cuộc đánh giá.', 'No such checklist question.');
    const ownerUnitId = input.kind === 'nonconformity' ? input.ownerUnitId! : null;
    if (ownerUnitId !== null && !unitInside(ownerUnitId, l.system.agency_unit_id, await deps.org.allUnits())) {
      throw invalid('ownerUnitId', 'Đơn vị chịu trách nhiệm khắc phục phải là cơ quan hoặc một đơn vị thuộc cơ quan.', 'The owner unit must be the agency or one of its units.');
    }
    const processId = input.processId ?? item?.process_id ?? null;
    const clause = input.clause || item?.clause || null;
    const at = deps.now();
    const out: { raised: { id: number; code: string } | null } = { raised: null };
    const view = await commit(ctx, l, input.version, 'quality.audit_finding_added', {
      action: 'finding_added', details: { kind: input.kind, clause, processId, description: input.description, itemSeq: input.itemSeq ?? null, ownerUnitId },
      also: async (trx) => {
        const findingId = await repo.insertFinding(trx, {
          audit_id: id, kind: input.kind, clause, process_id: processId, description: input.description, evidence: input.evidence || null,
          item_seq: input.itemSeq ?? null, created_by: l.actor.staffId, created_at: at,
        });
        if (ownerUnitId === null) return;
        out.raised = await parts.raise(trx, ctx, {
          system: l.system, source: 'audit', findingId, processId, ownerUnitId, at,
          title: clip(input.description, 300),
          description: [input.description, input.evidence ? `Bằng chứng: ${input.evidence}` : ''].filter(Boolean).join('\n'),
          evidence: { auditId: id, auditTitle: l.audit.title, clause, findingId, evidence: input.evidence ?? null },
        });
        await repo.linkFinding(trx, findingId, out.raised.id);
      },
    });
    return { ...view, raised: out.raised };
  }

  async function report(ctx: RequestContext, id: number, input: AuditReportInput) {
    const l = await load(ctx, id);
    if (l.audit.status !== 'in_progress') throw wrongStatus('Chỉ báo cáo kết quả cuộc đánh giá đang diễn ra.');
    if (!l.may.report) throw errors.forbidden();
    if (input.version !== l.audit.version) throw staleVersion();
    const today = todayOf(deps);
    return commit(ctx, l, input.version, 'quality.audit_reported', {
      action: 'reported', values: { status: 'reported', report_summary: input.summary, reported_on: today }, details: { reportedOn: today, summary: input.summary },
    });
  }

  return { list, get, create, start, addItem, setItem, addFinding, report };
}
export type AuditsService = ReturnType<typeof createAuditsService>;
