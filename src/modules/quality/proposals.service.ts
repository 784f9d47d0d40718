import { recordAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { thresholdsOf, unitInside } from './nonconformities.access.js';
import { sourceKeysOf } from './nonconformities.repository.js';
import type { NonconformitiesService, RaiseInTx } from './nonconformities.service.js';
import { parseSourceKey, type AcceptInput, type DismissInput, type ProposalsQuery } from './proposals.schema.js';
import { addEvent, invalid, loadSystem, todayOf, type Period, type QualityDeps, type SystemRow } from './quality.context.js';
import { proposeNonconformities, SIGNAL_LABELS, type Dismissal, type Proposal } from './rules/nonconformity-proposals.js';

const notProposed = () => errors.notFound('đề xuất sự không phù hợp (có thể đã được mở phiếu, đã bác bỏ hoặc số liệu không còn vượt ngưỡng)', 'proposal', 'QMS_PROPOSAL_NOT_FOUND');
const alreadyOpen = () => errors.conflict('QMS_PROPOSAL_TAKEN', 'Đề xuất này vừa được mở phiếu sự không phù hợp.', 'A nonconformity was just raised for this proposal.');

/** The last whole calendar quarter before `today` (1/4–30/6 when today is in July–September). */
export function lastFullQuarter(today: string): Period {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3); // 0..3, the current one
  const [y, q] = quarter === 0 ? [year - 1, 3] : [year, quarter - 1];
  const first = q * 3 + 1;
  const last = new Date(Date.UTC(y, first + 2, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { from: `${y}-${mm(first)}-01`, to: `${y}-${mm(first + 2)}-${last}` };
}

/**
 * Nonconformities proposed from the system's own signals (RULES.md "Proposed nonconformities"): the
 * dossiers' figures per procedure through `feeds.procedureSignals`, judged by rules/nonconformity-proposals.ts
 * on the QMS's thresholds. A person opens one (its evidence frozen in the nonconformity) or dismisses it;
 * the server always recomputes, never trusting a client's copy of the figures.
 */
export function createProposalsService(deps: QualityDeps, parts: { raise: RaiseInTx; detail: NonconformitiesService['get'] }) {
  const { db } = deps;

  /**
   * The proposals over a period. A signal with an open nonconformity is not proposed again; one whose
   * nonconformity was closed counts as dismissed at the figure it was raised on, so a handled period's
   * figures come back only if they got worse.
   */
  async function compute(system: SystemRow, period: Period): Promise<Proposal[]> {
    const signals = await deps.feeds.procedureSignals(system.agency_unit_id, period);
    const keys = await sourceKeysOf(db, system.id);
    const dismissed = await db.selectFrom('qms_proposal_dismissals').select(['source_key', 'figure']).where('qms_id', '=', system.id).execute();
    const figure = new Map(dismissed.map((d) => [d.source_key, d.figure]));
    for (const k of keys) if (k.status === 'closed') figure.set(k.sourceKey, Math.max(figure.get(k.sourceKey) ?? 0, k.count));
    const open = new Set(keys.filter((k) => k.status !== 'closed').map((k) => k.sourceKey));
    const dismissals: Dismissal[] = [...figure].map(([sourceKey, figureAtDismissal]) => ({ sourceKey, figureAtDismissal }));
    return proposeNonconformities(signals, thresholdsOf(system), open, dismissals);
  }

  function checkPeriod(period: Period, path: string) {
    if (period.from > todayOf(deps)) throw invalid(path, 'Kỳ xét đề xuất chưa bắt đầu.', 'The period has not started yet.');
  }

  const view = (p: Proposal) => ({ source: p.source, sourceLabel: SIGNAL_LABELS[p.source], sourceKey: p.sourceKey, procedureCode: p.procedureCode, title: p.title, figure: p.figure, evidence: p.evidence });

  async function list(ctx: RequestContext, qmsId: number, q: ProposalsQuery) {
    const { system } = await loadSystem(deps, ctx, qmsId, 'manage');
    const today = todayOf(deps);
    const period = q.from && q.to ? { from: q.from, to: q.to } : lastFullQuarter(today);
    checkPeriod(period, 'from');
    return { period, asOf: today, thresholds: thresholdsOf(system), items: (await compute(system, period)).map(view) };
  }

  /** The proposal a key names, recomputed now; 404 when it is no longer proposed. */
  async function current(system: SystemRow, key: string): Promise<Proposal> {
    const parsed = parseSourceKey(key);
    if (!parsed) throw invalid('sourceKey', 'Khóa đề xuất không hợp lệ.', 'Invalid proposal key.');
    checkPeriod(parsed.period, 'sourceKey');
    const found = (await compute(system, parsed.period)).find((p) => p.sourceKey === key);
    if (!found) throw notProposed();
    return found;
  }

  async function accept(ctx: RequestContext, qmsId: number, input: AcceptInput) {
    const { system } = await loadSystem(deps, ctx, qmsId, 'manage');
    if (!unitInside(input.ownerUnitId, system.agency_unit_id, await deps.org.allUnits())) {
      throw invalid('ownerUnitId', 'Đơn vị chịu trách nhiệm khắc phục phải là cơ quan hoặc một đơn vị thuộc cơ quan.', 'The owner unit must be the agency or one of its units.');
    }
    const proposal = await current(system, input.sourceKey);
    // The QMS's own process for the procedure, when one is linked to the catalogue.
    const process = await db.selectFrom('qms_processes').select('id').where('qms_id', '=', qmsId)
      .where('catalog_procedure_code', '=', proposal.procedureCode).where('active', '=', true).orderBy('id').executeTakeFirst();
    const thresholds = thresholdsOf(system);
    const at = deps.now();
    const { id } = await inTransaction(db, (trx) => parts.raise(trx, ctx, {
      system, source: proposal.source, sourceKey: proposal.sourceKey, procedureCode: proposal.procedureCode, processId: process?.id ?? null,
      title: proposal.title, ownerUnitId: input.ownerUnitId, at,
      description: `Đề xuất tự động từ số liệu của hệ thống (${SIGNAL_LABELS[proposal.source].toLowerCase()}): ${proposal.title}.`,
      evidence: { ...proposal.evidence, source: proposal.source, threshold: thresholds[proposal.source] },
    })).catch((e) => { throw isUniqueViolation(e, 'qms_nc_open_source') ? alreadyOpen() : e; });
    return parts.detail(ctx, id);
  }

  async function dismiss(ctx: RequestContext, qmsId: number, input: DismissInput): Promise<void> {
    const { system, actor } = await loadSystem(deps, ctx, qmsId, 'manage');
    const proposal = await current(system, input.sourceKey);
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const row = { figure: proposal.figure, reason: input.reason, dismissed_by: actor.staffId, dismissed_at: at };
      await trx.insertInto('qms_proposal_dismissals').values({ qms_id: qmsId, source_key: proposal.sourceKey, ...row })
        .onConflict((oc) => oc.columns(['qms_id', 'source_key']).doUpdateSet(row)).execute();
      const details = { sourceKey: proposal.sourceKey, title: proposal.title, figure: proposal.figure, reason: input.reason };
      await addEvent(trx, ctx, at, { qmsId, record: 'qms_system', entityId: qmsId, action: 'proposal_dismissed', details });
      await recordAudit(trx, ctx, { action: 'quality.proposal_dismissed', entity: 'qms_system', entityId: qmsId, unitId: system.agency_unit_id, after: details });
    });
  }

  return { list, accept, dismiss };
}
export type ProposalsService = ReturnType<typeof createProposalsService>;
