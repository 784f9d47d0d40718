import { can, type Actor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { actorOf, notAfterToday, notBefore, todayOf, type InspectionDeps } from './inspection.context.js';
import { allClosed, RECOMMENDATION_SIDE, recommendationRefusal } from './inspection-rules.js';
import * as repo from './inspections.repository.js';
import type { RecommendationActionInput } from './inspections.schema.js';
import type { Standing } from './inspections.service.js';

const recommendationNotFound = () => errors.notFound('kiến nghị', 'recommendation', 'RECOMMENDATION_NOT_FOUND');

/**
 * Follow-up of a conclusion's recommendations: the responsible unit reports what it did (any number of
 * times), the inspecting unit's head accepts a recommendation as done on a day or returns it with a
 * reason. Accepting the last open one closes the inspection in the same transaction, under the
 * inspection's row lock so that two acceptances at once cannot both miss being the last.
 */
export function createFollowUp<T>(deps: InspectionDeps, standing: (actor: Actor, id: number) => Promise<Standing>, get: (ctx: RequestContext, id: number) => Promise<T>) {
  const { db } = deps;
  return {
    async act(ctx: RequestContext, id: number, recId: number, input: RecommendationActionInput): Promise<T> {
      const actor = actorOf(ctx);
      const st = await standing(actor, id);
      const rec = await repo.findRecommendation(db, recId);
      if (!rec || rec.inspection_id !== id) throw recommendationNotFound();
      const allowed = RECOMMENDATION_SIDE[input.action] === 'responsible' ? can(actor, 'inspection.manage', rec.responsible_unit_id) : st.conclude;
      if (!allowed) throw errors.forbidden();
      if (st.row.status !== 'concluded') throw errors.conflict('INSPECTION_STATE', 'Cuộc thanh tra, kiểm tra đã kết thúc: không còn theo dõi kiến nghị.', 'The inspection is closed.');
      const refused = recommendationRefusal(rec.status, input.action);
      if (refused) throw errors.conflict('RECOMMENDATION_STATE', refused.vi, refused.en);
      if (input.version !== rec.version) throw errors.stale();

      const today = todayOf(deps);
      const on = input.action === 'return' ? today : input.on ?? today;
      if (input.action !== 'return') {
        notBefore('on', on, st.row.conclusion_date, 'ngày kết luận');
        notAfterToday(deps, 'on', on);
      }
      const status = input.action === 'report' ? 'reported' : input.action === 'accept' ? 'closed' : 'open';
      const text = input.action === 'report' ? input.text : input.action === 'accept' ? input.note || null : input.reason;
      const at = deps.now();
      await inTransaction(db, async (trx) => {
        await repo.lockInspection(trx, id);
        if (!(await repo.updateRecommendation(trx, recId, input.version, { status, closed_on: status === 'closed' ? on : null }, at))) throw errors.stale();
        await repo.addUpdate(trx, { recommendationId: recId, at, kind: input.action, on, text, actorStaffId: actor.staffId, actorName: actor.fullName });
        await recordAudit(trx, ctx, {
          action: `inspection.recommendation_${input.action as 'report' | 'accept' | 'return'}`, entity: 'insp_recommendation', entityId: recId,
          unitId: input.action === 'report' ? rec.responsible_unit_id : st.row.inspecting_unit_id, before: { status: rec.status }, after: { status, inspectionId: id },
        });
        if (input.action !== 'accept') return;
        const all = await repo.recommendationsOf(trx, [id]);
        if (!allClosed(all.map((r) => r.status))) return;
        // The inspection ends on the day its last recommendation was accepted as done.
        const closedOn = all.map((r) => r.closed_on!).sort().at(-1)!;
        if (!(await repo.closeInspection(trx, id, closedOn, at))) return;
        await repo.addEvent(trx, id, { at, action: 'closed', actorStaffId: actor.staffId, actorName: actor.fullName, details: { closedOn, recommendations: all.length } });
        await recordAudit(trx, ctx, { action: 'inspection.inspection_closed', entity: 'insp_inspection', entityId: id, unitId: st.row.inspecting_unit_id, before: { status: 'concluded' }, after: { status: 'closed', closedOn } });
      });
      return get(ctx, id);
    },
  };
}
