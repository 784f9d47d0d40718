import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction } from '../../platform/db/transaction.js';
import type { RequestContext } from '../../platform/http/context.js';
import { addEvent, invalid, loadSystem, todayOf, type QualityDeps } from './quality.context.js';
import type { DeclarationCreateInput } from './systems.schema.js';
import { activeProcessCodes, declarationsWithStatus } from './systems.view.js';

/**
 * The announcement of conformity to TCVN ISO 9001 (công bố, Decision 19/2014/QĐ-TTg art. 4), recorded
 * by the head with a snapshot of the processes then in scope, so the QMS page shows when it no longer
 * matches. Answers with the QMS detail, read by `detail` after the transaction.
 */
export function createDeclarationsService<Detail>(deps: QualityDeps, detail: (ctx: RequestContext, qmsId: number) => Promise<Detail>) {
  const { db } = deps;

  async function list(ctx: RequestContext, qmsId: number) {
    const { system } = await loadSystem(deps, ctx, qmsId, 'read');
    return { items: await declarationsWithStatus(deps, system) };
  }

  async function create(ctx: RequestContext, qmsId: number, input: DeclarationCreateInput): Promise<Detail> {
    const { system, actor } = await loadSystem(deps, ctx, qmsId, 'approve');
    if (input.decisionDate > todayOf(deps)) throw invalid('decisionDate', 'Ngày quyết định công bố không được sau hôm nay.', 'The decision date cannot be in the future.');
    const scope = await activeProcessCodes(db, qmsId);
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const row = await trx.insertInto('qms_declarations').values({
        qms_id: qmsId, decision_no: input.decisionNo, decision_date: input.decisionDate, signer_name: input.signerName,
        standard: system.standard, scope_snapshot: JSON.stringify(scope), recorded_by: actor.staffId, recorded_at: at,
      }).returning('id').executeTakeFirstOrThrow();
      const details = { declarationId: row.id, ...input, standard: system.standard, scope };
      await addEvent(trx, ctx, at, { qmsId, record: 'system', entityId: qmsId, action: 'declaration_recorded', details });
      await recordAudit(trx, ctx, { action: 'quality.declaration_recorded', entity: 'qms_system', entityId: qmsId, unitId: system.agency_unit_id, after: details });
    });
    return detail(ctx, qmsId);
  }

  return { list, create };
}
