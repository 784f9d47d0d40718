import type { Actor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { CHECKING_STEPS, ncRoles, refused, thresholdsOf, unitInside, verificationSettingsOf } from './nonconformities.access.js';
import * as repo from './nonconformities.repository.js';
import type { NcActionDoneInput, NcCreateInput, NcListQuery, NcPlanInput, NcVerifyInput } from './nonconformities.schema.js';
import {
  actionFacts, actionView, detectionPeriodOf, NC_SOURCE_LABELS, ncListItem, verificationRowView, verificationView, windowOf, type Names,
} from './nonconformities.view.js';
import {
  accessTo, actorOf, addEvent, eventsOf, invalid, loadSystem, staleVersion, todayOf,
  type QualityDeps, type SystemAccess, type SystemRow,
} from './quality.context.js';
import type { AuditTeamMember, NcSourceColumn } from './quality.tables.js';
import {
  allowedSteps, completeProblems, judgeEffectiveness, NC_STATUS_LABELS, ncTransition, planProblems, verificationRefusal, type NcRole, type NcStep,
} from './rules/corrective-actions.js';
import { signalFigure, type ProcedureSignals, type SignalKind } from './rules/nonconformity-proposals.js';

export const ncNotFound = () => errors.notFound('sự không phù hợp', 'nonconformity');

/** What raises a nonconformity inside someone else's transaction (an audit finding, an accepted proposal). */
export type RaiseInput = {
  system: Pick<SystemRow, 'id' | 'agency_unit_id'>;
  source: NcSourceColumn;
  sourceKey?: string | null;
  findingId?: number | null;
  processId?: number | null;
  procedureCode?: string | null;
  title: string;
  description?: string;
  evidence?: Record<string, unknown>;
  ownerUnitId: number;
  at: Date;
};
export type RaiseInTx = (trx: Tx, ctx: RequestContext, input: RaiseInput) => Promise<{ id: number; code: string }>;

/**
 * Nonconformities and their corrective actions (ISO 9001 §10.2; RULES.md "Corrective actions"): raised by
 * hand, from an audit finding or an accepted proposal, planned and carried out by the owner unit, verified
 * by someone who did not do the work, closed by the secretary or the head. Each step is one transaction
 * under the version read, with its qms_events row and audit row; every read happens before it.
 */
export function createNonconformitiesService(deps: QualityDeps) {
  const { db } = deps;

  async function namesFor(staffIds: (number | null)[]): Promise<Names> {
    const units = new Map((await deps.org.allUnits()).map((u) => [u.id, u.name]));
    const ids = [...new Set(staffIds.filter((x): x is number => x !== null))];
    const staff = new Map((await deps.org.staffNamesByIds(ids)).map((s) => [s.id, s.fullName]));
    return { unit: (id) => (id === null ? null : units.get(id) ?? null), staff: (id) => (id === null ? null : staff.get(id) ?? null) };
  }

  /** One nonconformity with everything its checks need, read before any transaction; 404 when its QMS is not readable. */
  async function load(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const nc = await repo.findNc(db, id);
    if (!nc) throw ncNotFound();
    const system = await db.selectFrom('qms_systems').selectAll().where('id', '=', nc.qms_id).executeTakeFirstOrThrow();
    const access = await accessTo(deps, actor, system);
    if (!access.read) throw ncNotFound();
    const [actions, finding, units] = await Promise.all([
      repo.actionsOf(db, [id]),
      nc.finding_id === null ? Promise.resolve(undefined) : repo.findingsOf(db, [nc.finding_id]).then((f) => f[0]),
      deps.org.allUnits(),
    ]);
    const roles = ncRoles(actor, access, nc, actions.map((a) => a.owner_staff_id), (finding?.team ?? []) as AuditTeamMember[], units);
    return { actor, nc, system, access, actions, finding, units, roles };
  }
  type Loaded = Awaited<ReturnType<typeof load>>;

  async function get(ctx: RequestContext, id: number) {
    const { nc, system, actions, finding, roles } = await load(ctx, id);
    const verifications = await repo.verificationsOf(db, id);
    const names = await namesFor([nc.raised_by, nc.closed_by, ...actions.map((a) => a.owner_staff_id), ...verifications.map((v) => v.verified_by)]);
    const today = todayOf(deps);
    return {
      id: nc.id, qmsId: nc.qms_id, code: nc.code, year: nc.year, title: nc.title, description: nc.description,
      source: nc.source, sourceLabel: NC_SOURCE_LABELS[nc.source], status: nc.status, statusLabel: NC_STATUS_LABELS[nc.status],
      ownerUnitId: nc.owner_unit_id, ownerUnitName: names.unit(nc.owner_unit_id),
      sourceKey: nc.source_key, evidence: nc.evidence, procedureCode: nc.procedure_code, processId: nc.process_id,
      finding: finding ? { id: finding.id, auditId: finding.audit_id, auditTitle: finding.audit_title } : null,
      correction: nc.correction, rootCause: nc.root_cause,
      actions: actions.map((a) => actionView(a, names)),
      verifications: verifications.map((v) => verificationRowView(v, names)),
      verification: verificationView(nc, actions, verificationSettingsOf(system), today),
      allowedSteps: allowedSteps(nc.status, roles),
      raisedOn: nc.raised_on, raisedByName: names.staff(nc.raised_by), closedOn: nc.closed_on, closedByName: names.staff(nc.closed_by),
      version: nc.version,
      history: await eventsOf(db, 'qms_nonconformity', id),
    };
  }

  /** What waits on the caller: work of their unit or their action, or a check they are there to make. */
  function isMine(actor: Actor, system: SystemRow, status: repo.NcRow['status'], roles: NcRole[]): boolean {
    if (status === 'closed') return false;
    if (roles.includes('owner')) return true;
    const checker = system.iso_secretary_staff_id === actor.staffId || roles.includes('auditor') || roles.includes('head');
    return checker && allowedSteps(status, roles).some((s) => CHECKING_STEPS.includes(s));
  }

  async function listOver(ctx: RequestContext, systems: { system: SystemRow; access: SystemAccess }[], q: NcListQuery) {
    const actor = actorOf(ctx);
    const rows = await repo.ncsOf(db, systems.map((s) => s.system.id), q);
    const [actions, findings, units] = await Promise.all([
      repo.actionsOf(db, rows.map((r) => r.id)),
      repo.findingsOf(db, rows.flatMap((r) => (r.finding_id === null ? [] : [r.finding_id]))),
      deps.org.allUnits(),
    ]);
    const bySystem = new Map(systems.map((s) => [s.system.id, s]));
    const teamOf = new Map(findings.map((f) => [f.id, f.team as AuditTeamMember[]]));
    const actionsOf = (id: number) => actions.filter((a) => a.nc_id === id);
    const kept = rows.filter((r) => {
      if (!q.mine) return true;
      const { system, access } = bySystem.get(r.qms_id)!;
      const roles = ncRoles(actor, access, r, actionsOf(r.id).map((a) => a.owner_staff_id), r.finding_id === null ? [] : teamOf.get(r.finding_id) ?? [], units);
      return isMine(actor, system, r.status, roles);
    });
    const names = await namesFor([]);
    const today = todayOf(deps);
    return { items: kept.map((r) => ncListItem(r, actionsOf(r.id), names, verificationSettingsOf(bySystem.get(r.qms_id)!.system), today)) };
  }

  async function list(ctx: RequestContext, qmsId: number, q: NcListQuery) {
    const { system, access } = await loadSystem(deps, ctx, qmsId, 'read');
    return listOver(ctx, [{ system, access }], q);
  }

  /** Across every QMS the caller reads (the "my work" list). */
  async function listAll(ctx: RequestContext, q: NcListQuery) {
    const actor = actorOf(ctx);
    const all = await db.selectFrom('qms_systems').selectAll().orderBy('id').execute();
    const readable: { system: SystemRow; access: SystemAccess }[] = [];
    for (const system of all) {
      const access = await accessTo(deps, actor, system);
      if (access.read) readable.push({ system, access });
    }
    return listOver(ctx, readable, q);
  }

  const raiseInTx: RaiseInTx = async (trx, ctx, input) => {
    const today = todayOf({ now: () => input.at });
    const year = Number(today.slice(0, 4));
    const seq = await repo.nextSeq(trx, input.system.id, year);
    const values: repo.NcInsert = {
      qms_id: input.system.id, source: input.source, source_key: input.sourceKey ?? null, finding_id: input.findingId ?? null,
      process_id: input.processId ?? null, procedure_code: input.procedureCode ?? null, title: input.title, description: input.description ?? '',
      evidence: input.evidence ?? {}, owner_unit_id: input.ownerUnitId, raised_by: ctx.actor?.staffId ?? null, raised_on: today,
    };
    const id = await repo.insertNc(trx, values, year, seq);
    const code = repo.ncCode(year, seq);
    const details = { code, source: input.source, sourceKey: values.source_key, findingId: values.finding_id, ownerUnitId: input.ownerUnitId, title: input.title };
    await addEvent(trx, ctx, input.at, { qmsId: input.system.id, record: 'qms_nonconformity', entityId: id, action: 'raised', details });
    await recordAudit(trx, ctx, { action: 'quality.nonconformity_raised', entity: 'qms_nonconformity', entityId: id, unitId: input.system.agency_unit_id, after: details });
    return { id, code };
  };

  /** 400 unless the unit is the agency or inside it. */
  async function checkOwnerUnit(system: Pick<SystemRow, 'agency_unit_id'>, unitId: number, path = 'ownerUnitId'): Promise<void> {
    if (!unitInside(unitId, system.agency_unit_id, await deps.org.allUnits())) {
      throw invalid(path, 'Đơn vị chịu trách nhiệm khắc phục phải là cơ quan hoặc một đơn vị thuộc cơ quan.', 'The owner unit must be the agency or one of its units.');
    }
  }

  async function checkProcess(system: Pick<SystemRow, 'id'>, processId: number | undefined): Promise<void> {
    if (processId === undefined) return;
    const p = await db.selectFrom('qms_processes').select('id').where('id', '=', processId).where('qms_id', '=', system.id).executeTakeFirst();
    if (!p) throw invalid('processId', 'Quy trình không thuộc hệ thống quản lý chất lượng này.', 'The process is not in this QMS.');
  }

  async function create(ctx: RequestContext, qmsId: number, input: NcCreateInput) {
    const { system } = await loadSystem(deps, ctx, qmsId, 'manage');
    await checkOwnerUnit(system, input.ownerUnitId);
    await checkProcess(system, input.processId);
    if (input.procedureCode && !(await deps.feeds.catalog.inForce(input.procedureCode, todayOf(deps)))) {
      throw invalid('procedureCode', 'Không có thủ tục hành chính đang có hiệu lực với mã này.', 'No procedure with this code is in force.');
    }
    const at = deps.now();
    const { id } = await inTransaction(db, (trx) => raiseInTx(trx, ctx, {
      system, source: 'manual', title: input.title, description: input.description ?? '', ownerUnitId: input.ownerUnitId,
      processId: input.processId ?? null, procedureCode: input.procedureCode ?? null, at,
    }));
    return get(ctx, id);
  }

  /** The version first (what the caller judged may have moved on), then the step's rule (403 / 409). */
  function step(l: Loaded, s: NcStep, version: number) {
    if (version !== l.nc.version) throw staleVersion();
    const t = ncTransition(l.nc.status, s, l.roles);
    if ('refusal' in t) throw refused(t.refusal);
    return t.status;
  }

  /** One change of a nonconformity: its row under the version, the extra writes, the history and the audit row. */
  async function commit(ctx: RequestContext, l: Loaded, version: number, audit: string, change: {
    values: Parameters<typeof repo.updateNc>[3]; action: string; details: Record<string, unknown>; also?: (trx: Tx) => Promise<void>;
  }) {
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      if (!(await repo.updateNc(trx, l.nc.id, version, change.values))) throw staleVersion();
      await change.also?.(trx);
      await addEvent(trx, ctx, at, { qmsId: l.nc.qms_id, record: 'qms_nonconformity', entityId: l.nc.id, action: change.action, details: change.details });
      await recordAudit(trx, ctx, {
        action: audit, entity: 'qms_nonconformity', entityId: l.nc.id, unitId: l.system.agency_unit_id,
        before: { status: l.nc.status, version: l.nc.version }, after: { status: change.values.status ?? l.nc.status, ...change.details },
      });
    });
    return get(ctx, l.nc.id);
  }

  /** Action owners must work in the agency (its people are whom the owner unit can ask). */
  async function checkActionOwners(system: SystemRow, ids: (number | undefined)[]): Promise<void> {
    const wanted = [...new Set(ids.filter((x): x is number => x !== undefined))];
    if (wanted.length === 0) return;
    const [staff, units] = await Promise.all([deps.org.staffNamesByIds(wanted), deps.org.allUnits()]);
    const unitOf = new Map(staff.map((s) => [s.id, s.unitId]));
    ids.forEach((id, i) => {
      if (id === undefined) return;
      const unit = unitOf.get(id);
      if (unit === undefined || !unitInside(unit, system.agency_unit_id, units)) {
        throw invalid(`actions.${i}.ownerStaffId`, 'Người thực hiện phải là cán bộ của cơ quan.', 'The action owner must work in the agency.');
      }
    });
  }

  async function plan(ctx: RequestContext, id: number, input: NcPlanInput) {
    const l = await load(ctx, id);
    const to = step(l, 'plan', input.version);
    const today = todayOf(deps);
    const kept = l.actions.filter((a) => a.done_on !== null);
    const problems = planProblems({ rootCause: input.rootCause, actions: [...kept.map(actionFacts), ...input.actions.map((a) => ({ text: a.text, dueOn: a.dueOn, doneOn: null }))] });
    if (problems.length > 0) throw errors.validation(problems.map((p) => ({ path: p.path, message: p.vi, messageEn: 'The corrective-action plan is incomplete.' })));
    input.actions.forEach((a, i) => {
      if (a.dueOn < today) throw invalid(`actions.${i}.dueOn`, 'Thời hạn hoàn thành không được trước hôm nay.', 'The due day cannot be in the past.');
    });
    await checkActionOwners(l.system, input.actions.map((a) => a.ownerStaffId));
    const actions = input.actions.map((a) => ({ text: a.text, ownerStaffId: a.ownerStaffId ?? null, dueOn: a.dueOn }));
    return commit(ctx, l, input.version, 'quality.nonconformity_planned', {
      values: { status: to, root_cause: input.rootCause, correction: input.correction ?? l.nc.correction },
      action: l.nc.status === 'open' ? 'planned' : 'plan_revised',
      details: { rootCause: input.rootCause, correction: input.correction ?? null, actions, keptDone: kept.length },
      also: (trx) => repo.replaceOpenActions(trx, id, actions),
    });
  }

  async function actionDone(ctx: RequestContext, id: number, seq: number, input: NcActionDoneInput) {
    const l = await load(ctx, id);
    const action = l.actions.find((a) => a.seq === seq);
    if (!action) throw errors.notFound('hành động khắc phục', 'corrective action');
    // The action's own owner, the owner unit or who keeps the QMS: the rule's `complete` roles.
    step(l, 'complete', input.version);
    if (action.done_on !== null) throw errors.conflict('NC_ACTION_DONE', 'Hành động này đã được báo cáo hoàn thành.', 'This action is already done.');
    const today = todayOf(deps);
    const after = l.actions.map((a) => (a.seq === seq ? { ...actionFacts(a), doneOn: today } : actionFacts(a)));
    const last = completeProblems({ rootCause: l.nc.root_cause, actions: after }).length === 0;
    return commit(ctx, l, input.version, 'quality.nonconformity_action_done', {
      values: last ? { status: 'actions_done' } : {},
      action: 'action_done',
      details: { seq, text: action.text, doneOn: today, note: input.note ?? null, allDone: last },
      also: (trx) => repo.markActionDone(trx, id, seq, today, input.note || null),
    });
  }

  /** A signal re-measured over the window: the figures, and what the rule makes of them. */
  async function remeasure(l: Loaded, window: NonNullable<ReturnType<typeof windowOf>>) {
    const kind = l.nc.source as SignalKind;
    const period = window.remeasure!;
    const today = todayOf(deps);
    const found = (await deps.feeds.procedureSignals(l.system.agency_unit_id, period)).find((s) => s.procedureCode === l.nc.procedure_code);
    const signals: ProcedureSignals = found ?? {
      procedureCode: l.nc.procedure_code ?? '', period, asOf: today, dossiers: 0, dossiersDone: 0, overdue: 0, apologies: 0, supplementsRequested: 0,
    };
    const judged = judgeEffectiveness(kind, window, signals, thresholdsOf(l.system));
    const { count, total } = signalFigure(kind, signals);
    return {
      judged, period, asOf: signals.asOf, count, total,
      figures: { dossiers: signals.dossiers, dossiersDone: signals.dossiersDone, overdue: signals.overdue, apologies: signals.apologies, supplementsRequested: signals.supplementsRequested },
      dossierCodes: [...new Set(signals.codes?.[kind] ?? [])].slice(0, 50),
    };
  }

  async function verify(ctx: RequestContext, id: number, input: NcVerifyInput) {
    const l = await load(ctx, id);
    const to = step(l, input.result === 'effective' ? 'verify_effective' : 'verify_not_effective', input.version);
    const today = todayOf(deps);
    const window = windowOf(l.nc, l.actions, verificationSettingsOf(l.system));
    const refusal = verificationRefusal(window, today);
    if (refusal) throw refused(refusal);
    const measured = window?.remeasure && detectionPeriodOf(l.nc) ? await remeasure(l, window) : null;
    // The figures decide when there are any; with no dossier in the window a person decides.
    if (measured && measured.judged !== 'no_data' && measured.judged !== input.result) {
      throw errors.conflict('NC_MEASUREMENT_DIFFERS', measured.judged === 'effective'
        ? `Số liệu đo lại từ ${measured.period.from} đến ${measured.period.to} không còn vượt ngưỡng: hành động khắc phục có hiệu lực.`
        : `Số liệu đo lại từ ${measured.period.from} đến ${measured.period.to} vẫn vượt ngưỡng (${measured.count}/${measured.total}): hành động khắc phục chưa có hiệu lực.`,
      'The re-measured figures say otherwise.', { measured });
    }
    return commit(ctx, l, input.version, 'quality.nonconformity_verified', {
      values: { status: to }, action: input.result === 'effective' ? 'verified_effective' : 'verified_not_effective',
      details: { result: input.result, note: input.note, measured },
      also: (trx) => repo.insertVerification(trx, { nc_id: id, result: input.result, measured, note: input.note, verified_by: l.actor.staffId, verified_on: today }),
    });
  }

  async function close(ctx: RequestContext, id: number, version: number) {
    const l = await load(ctx, id);
    const to = step(l, 'close', version);
    const today = todayOf(deps);
    return commit(ctx, l, version, 'quality.nonconformity_closed', {
      values: { status: to, closed_by: l.actor.staffId, closed_on: today }, action: 'closed', details: { closedOn: today },
    });
  }

  return { list, listAll, get, create, plan, actionDone, verify, close, raiseInTx, checkOwnerUnit };
}
export type NonconformitiesService = ReturnType<typeof createNonconformitiesService>;
