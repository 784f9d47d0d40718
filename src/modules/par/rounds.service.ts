import { recordAudit } from '../../platform/audit/audit.service.js';
import { can, hasAnywhere } from '../../platform/access/policy.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { z } from 'zod';
import { addWorkingDays, vnDay } from '../directives/rules/deadlines.js';
import { actorOf, isManager, requireManager, roundOr404, type ParDeps } from './par.context.js';
import { allSheets, participantsOf } from './par.reads.js';
import { factsUsed, isExtra, isLeaf, walk } from './rules/criteria.js';
import { bandOf, rankPerBlock, type Band } from './rules/index.js';
import { checkLayerPoints } from './rules/scoring.js';
import { findNode, isDerived } from './rules/sheet.js';
import { BLOCK_LABELS, type Block, type correctionBody, type councilBody, type publishBody, type roundOpenBody, type stageBody, type voteBody } from './schema.js';
import { organiserUnit, treeOf } from './sets.service.js';
import { STAGE_LABELS, type SheetService } from './sheet.service.js';
import type { SurveyService } from './survey.service.js';

type Round = Awaited<ReturnType<typeof roundOr404>>;
const ORDER: Round['stage'][] = ['self_assessment', 'appraisal1', 'explanation', 'appraisal2', 'council', 'approved', 'published'];

/** The block a unit is ranked in, from its kind and name when the organiser has not said (departments; wards; communes). */
export function defaultBlock(unit: { kind: string; name: string }): Block | null {
  if (unit.kind === 'department') return 'so';
  if (unit.kind === 'commune') return /^phường\b/i.test(unit.name) ? 'phuong' : 'xa';
  return null;
}

export function createRoundService(deps: ParDeps, survey: SurveyService, sheets: SheetService) {
  const json = (x: unknown) => JSON.stringify(x);

  async function councilOf(roundId: number) {
    const members = await deps.db.selectFrom('par_council_members as m').leftJoin('par_council_votes as v', (j) => j.onRef('v.round_id', '=', 'm.round_id').onRef('v.staff_id', '=', 'm.staff_id'))
      .select(['m.staff_id', 'm.role', 'v.vote', 'v.note', 'v.at']).where('m.round_id', '=', roundId).execute();
    const names = new Map((await deps.org.staffNamesByIds(members.map((m) => m.staff_id))).map((s) => [s.id, s]));
    return members.map((m) => ({ staffId: m.staff_id, name: names.get(m.staff_id)?.fullName ?? '', position: names.get(m.staff_id)?.position ?? null, role: m.role, vote: m.vote, note: m.note, votedAt: m.at }));
  }

  /** Every unit's figures now (before publication) or as published, ranked per block. */
  async function liveResults(round: Round, computed?: Awaited<ReturnType<typeof allSheets>>) {
    const sheetsNow = computed ?? (await allSheets(deps, survey, round));
    const units = new Map((await deps.org.allUnits()).map((u) => [u.id, u]));
    const entries = sheetsNow.map((s) => ({ unitId: s.participant.unit_id, name: units.get(s.participant.unit_id)?.name ?? '', block: s.participant.block, index: s.figures.index.index }));
    const ranked = rankPerBlock(entries);
    return sheetsNow.map((s) => {
      const r = ranked.get(s.participant.block)!.find((e) => e.unitId === s.participant.unit_id)!;
      let selfPoints = 0;
      for (const [code, f] of s.figures.leaves) {
        const node = findNode(s.tree, code);
        if (node && !isExtra(node)) selfPoints += f.layers.self?.points ?? 0;
      }
      return {
        unitId: s.participant.unit_id, unitName: r.name, block: s.participant.block, status: s.participant.status,
        selfPoints: Math.round(selfPoints * 100) / 100, points: s.figures.index.points, applicableMax: s.figures.index.applicableMax,
        bonus: s.figures.index.bonus.counted, penalty: s.figures.index.penalty.counted, total: s.figures.index.total, index: s.figures.index.index,
        band: bandOf(s.figures.index.index, s.participant.bands as Band[])?.label ?? null, rank: r.rank, unscored: s.figures.index.unscored.length,
        areas: s.figures.index.areas.map((a) => ({ code: a.code, text: a.text, points: a.points, max: a.max, applicable: a.applicable })),
      };
    });
  }

  async function writeResults(trx: Tx, roundId: number, results: Awaited<ReturnType<typeof liveResults>>) {
    await trx.deleteFrom('par_results').where('round_id', '=', roundId).execute();
    for (const r of results) {
      await trx.insertInto('par_results').values({
        round_id: roundId, unit_id: r.unitId, block: r.block, points: r.points, applicable_max: r.applicableMax, bonus: r.bonus, penalty: r.penalty,
        total: r.total, index_value: r.index, band: r.band, rank: r.rank, areas: json(r.areas),
      }).execute();
    }
  }

  async function board(ctx: RequestContext, id: number) {
    const actor = actorOf(ctx);
    const round = await roundOr404(deps.db, id);
    const manager = isManager(actor, round.organiser_unit_id);
    const council = await councilOf(id);
    const member = council.find((m) => m.staffId === actor.staffId) ?? null;
    const appraiser = hasAnywhere(actor, 'par.appraise');
    const participants = await participantsOf(deps, id);
    const mine = participants.filter((p) => can(actor, 'par.read', p.unit_id));
    if (!manager && !member && !appraiser && mine.length === 0) throw errors.notFound('đợt đánh giá', 'assessment round');
    const units = new Map((await deps.org.allUnits()).map((u) => [u.id, u]));
    const scores = await deps.db.selectFrom('par_scores').select(['unit_id', 'layer']).select((eb) => eb.fn.countAll<string>().as('n'))
      .where('round_id', '=', id).where('points', 'is not', null).groupBy(['unit_id', 'layer']).execute();
    const requests = await deps.db.selectFrom('par_explanations').select(['unit_id']).select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.count<string>('answer').as('answered')])
      .where('round_id', '=', id).groupBy('unit_id').execute();
    const count = (unitId: number, layer: string) => Number(scores.find((s) => s.unit_id === unitId && s.layer === layer)?.n ?? 0);
    const today = vnDay(deps.now());
    const typedLeaves = (p: (typeof participants)[number]) => [...walk(treeOf(p).areas)].filter(({ node }) => isLeaf(node) && !isDerived(node) && !isExtra(node)).length;
    const visible = manager || member || appraiser ? participants : mine;
    const votes = { approve: council.filter((m) => m.vote === 'approve').length, reject: council.filter((m) => m.vote === 'reject').length, members: council.length };
    return {
      round: {
        id: round.id, year: round.year, name: round.name, stage: round.stage, stageLabel: STAGE_LABELS[round.stage], selfDeadline: round.self_deadline,
        explanationDeadline: round.explanation_deadline, surveyHeld: round.survey_held, councilQuorum: Number(round.council_quorum), version: round.version,
        organiserUnitId: round.organiser_unit_id, organiserName: units.get(round.organiser_unit_id)?.name ?? '',
        publication: round.publication_number ? { number: round.publication_number, date: round.publication_date, signer: round.publication_signer, at: round.published_at } : null,
      },
      stages: ORDER.map((s) => ({ stage: s, label: STAGE_LABELS[s], done: ORDER.indexOf(s) < ORDER.indexOf(round.stage), current: s === round.stage })),
      participants: visible.map((p) => {
        const r = requests.find((x) => x.unit_id === p.unit_id);
        return {
          unitId: p.unit_id, unitName: units.get(p.unit_id)?.name ?? '', block: p.block, blockLabel: BLOCK_LABELS[p.block as Block]?.vi ?? p.block, setId: p.set_id, setName: p.set_name,
          status: p.status, submittedAt: p.submitted_at,
          late: p.submitted_at ? vnDay(p.submitted_at) > round.self_deadline : today > round.self_deadline,
          leaves: typedLeaves(p), selfScored: count(p.unit_id, 'self'), appraised1: count(p.unit_id, 'appraisal1'), appraised2: count(p.unit_id, 'appraisal2'),
          explanationRequests: Number(r?.n ?? 0), explanationsAnswered: Number(r?.answered ?? 0), explanationSubmittedAt: p.explanation_submitted_at,
          facts: p.facts, factsUsed: factsUsed(treeOf(p)),
        };
      }),
      summary: { participants: participants.length, submitted: participants.filter((p) => p.status === 'submitted').length, late: participants.filter((p) => (p.submitted_at ? vnDay(p.submitted_at) > round.self_deadline : today > round.self_deadline)).length },
      council, votes,
      can: {
        manage: manager, setFacts: manager && round.stage === 'self_assessment', vote: round.stage === 'council' && !!member,
        advance: manager && ['self_assessment', 'appraisal1', 'explanation', 'appraisal2'].includes(round.stage),
        setCouncil: manager && ORDER.indexOf(round.stage) < ORDER.indexOf('approved'),
        publish: manager && round.stage === 'approved', correct: manager && round.stage === 'published',
        results: manager || !!member,
      },
    };
  }

  return {
    board,

    /** Rounds the caller takes part in or runs, newest first, with the caller's own sheets. */
    async list(ctx: RequestContext) {
      const actor = actorOf(ctx);
      const rounds = await deps.db.selectFrom('par_rounds').selectAll().orderBy('year', 'desc').execute();
      const organiser = await organiserUnit(deps);
      const out = [];
      for (const r of rounds) {
        const parts = await deps.db.selectFrom('par_participants').select(['unit_id', 'status']).where('round_id', '=', r.id).execute();
        const units = new Map((await deps.org.allUnits()).map((u) => [u.id, u.name]));
        out.push({
          id: r.id, year: r.year, name: r.name, stage: r.stage, stageLabel: STAGE_LABELS[r.stage], selfDeadline: r.self_deadline, participants: parts.length,
          submitted: parts.filter((p) => p.status === 'submitted').length, manager: isManager(actor, r.organiser_unit_id),
          mySheets: parts.filter((p) => can(actor, 'par.read', p.unit_id) && !isManager(actor, r.organiser_unit_id)).slice(0, 20).map((p) => ({ unitId: p.unit_id, unitName: units.get(p.unit_id) ?? '', status: p.status })),
        });
      }
      return { rounds: out, canOpen: isManager(actor, organiser.id), organiser };
    },

    /** Opens the year's round with issued sets of that year, freezing them; every unit of their blocks takes part. */
    async open(ctx: RequestContext, body: z.infer<typeof roundOpenBody>) {
      const organiser = await organiserUnit(deps);
      const actor = requireManager(ctx.actor, organiser.id);
      const sets = await deps.db.selectFrom('par_sets').selectAll().where('id', 'in', body.setIds).execute();
      if (sets.length !== new Set(body.setIds).size) throw errors.notFound('bộ tiêu chí', 'criteria set');
      for (const s of sets) {
        if (s.status !== 'issued') throw errors.conflict('SET_NOT_ISSUED', `Bộ tiêu chí "${s.name}" chưa được ban hành bằng quyết định.`, `Set "${s.name}" is not issued.`);
        if (s.year !== body.year) throw errors.conflict('SET_OTHER_YEAR', `Bộ tiêu chí "${s.name}" là của năm ${s.year}; hãy sao chép thành bộ tiêu chí năm ${body.year} rồi ban hành.`, `Set "${s.name}" is for ${s.year}.`);
      }
      const setOf = (block: string) => sets.find((s) => s.blocks.includes(block));
      const units = (await deps.org.allUnits()).filter((u) => !u.effectiveTo);
      const participants = body.participants ?? units.flatMap((u) => {
        const block = defaultBlock(u);
        const set = block && setOf(block);
        return set ? [{ unitId: u.id, setId: set.id, block: block!, facts: {} }] : [];
      });
      if (participants.length === 0) throw errors.conflict('NO_PARTICIPANTS', 'Không có đơn vị nào thuộc các khối của bộ tiêu chí đã chọn.', 'No unit belongs to the chosen sets\' blocks.');
      for (const p of participants) {
        const set = sets.find((s) => s.id === p.setId);
        if (!set || !set.blocks.includes(p.block)) throw errors.badRequest(`Đơn vị ${p.unitId} phải được chấm bằng một bộ tiêu chí đã chọn có khối "${p.block}".`, 'A participant\'s set must be chosen and cover its block.');
        if (!units.some((u) => u.id === p.unitId)) throw errors.notFound('đơn vị', 'unit');
      }
      const isWorking = await deps.workingDays();
      const selfDeadline = addWorkingDays(vnDay(deps.now()), body.selfDeadlineWorkingDays, isWorking);
      const id = await inTransaction(deps.db, async (trx) => {
        try {
          const row = await trx.insertInto('par_rounds').values({
            year: body.year, name: body.name, organiser_unit_id: organiser.id, self_deadline: selfDeadline, survey_held: body.surveyHeld,
            council_quorum: body.councilQuorum, opened_by_staff_id: actor.staffId,
          }).returning('id').executeTakeFirstOrThrow();
          for (const p of participants) await trx.insertInto('par_participants').values({ round_id: row.id, unit_id: p.unitId, set_id: p.setId, block: p.block, facts: json(p.facts) }).execute();
          await trx.updateTable('par_sets').set({ frozen_at: deps.now() }).where('id', 'in', body.setIds).where('frozen_at', 'is', null).execute();
          await recordAudit(trx, ctx, { action: 'par.round_opened', entity: 'par_round', entityId: row.id, unitId: organiser.id, after: { year: body.year, participants: participants.length, selfDeadline, sets: body.setIds } });
          return row.id;
        } catch (e) {
          if (isUniqueViolation(e)) throw errors.conflict('ROUND_EXISTS', `Năm ${body.year} đã có đợt đánh giá Chỉ số CCHC.`, `Year ${body.year} already has a round.`);
          throw e;
        }
      });
      return board(ctx, id);
    },

    /** Moves the round one stage on (never back): each stage opens the work of the next people. */
    async advance(ctx: RequestContext, id: number, body: z.infer<typeof stageBody>) {
      const round = await roundOr404(deps.db, id);
      requireManager(ctx.actor, round.organiser_unit_id);
      const from = ORDER.indexOf(round.stage);
      if (ORDER.indexOf(body.stage) !== from + 1) throw errors.conflict('WRONG_STAGE', `Chỉ chuyển được từ "${STAGE_LABELS[round.stage]}" sang giai đoạn kế tiếp "${STAGE_LABELS[ORDER[from + 1]!]}".`, 'Stages move forward one at a time.');
      if (body.stage === 'council') {
        const members = await deps.db.selectFrom('par_council_members').select('staff_id').where('round_id', '=', id).execute();
        if (members.length < 3) throw errors.conflict('NO_COUNCIL', 'Hãy lập Hội đồng thẩm định (ít nhất 3 thành viên, có Chủ tịch) trước khi chuyển sang giai đoạn Hội đồng.', 'Set up the council first.');
      }
      const explanationDeadline = body.stage === 'explanation' ? addWorkingDays(vnDay(deps.now()), body.explanationDeadlineWorkingDays ?? 5, await deps.workingDays()) : undefined;
      await inTransaction(deps.db, async (trx) => {
        const done = await trx.updateTable('par_rounds').set({ stage: body.stage, version: round.version + 1, updated_at: deps.now(), ...(explanationDeadline ? { explanation_deadline: explanationDeadline } : {}) })
          .where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw errors.stale();
        await recordAudit(trx, ctx, { action: 'par.stage_changed', entity: 'par_round', entityId: id, unitId: round.organiser_unit_id, before: { stage: round.stage }, after: { stage: body.stage, explanationDeadline } });
      });
      return board(ctx, id);
    },

    /** The facts a unit's applicability rules read (has procedures…), set by the organiser before appraisal. */
    async setFacts(ctx: RequestContext, id: number, unitId: number, facts: Record<string, string | number | boolean>) {
      const round = await roundOr404(deps.db, id);
      requireManager(ctx.actor, round.organiser_unit_id);
      if (round.stage !== 'self_assessment') throw errors.conflict('WRONG_STAGE', 'Chỉ sửa dữ kiện của đơn vị trong giai đoạn tự đánh giá.', 'Facts can be changed only during self-assessment.');
      await inTransaction(deps.db, async (trx) => {
        const done = await trx.updateTable('par_participants').set((eb) => ({ facts: json(facts), version: eb('version', '+', 1) })).where('round_id', '=', id).where('unit_id', '=', unitId).executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw errors.notFound('đơn vị tham gia', 'participant');
        await recordAudit(trx, ctx, { action: 'par.facts_set', entity: 'par_sheet', entityId: `${id}/${unitId}`, unitId, after: facts });
      });
      return board(ctx, id);
    },

    async setCouncil(ctx: RequestContext, id: number, body: z.infer<typeof councilBody>) {
      const round = await roundOr404(deps.db, id);
      requireManager(ctx.actor, round.organiser_unit_id);
      if (ORDER.indexOf(round.stage) >= ORDER.indexOf('approved')) throw errors.conflict('WRONG_STAGE', 'Hội đồng đã thông qua kết quả, không thay đổi thành phần được nữa.', 'The council has approved.');
      const known = await deps.org.staffNamesByIds(body.members.map((m) => m.staffId));
      if (known.length !== body.members.length) throw errors.badRequest('Có thành viên hội đồng không phải là cán bộ trong hệ thống.', 'Unknown staff member in the council.');
      await inTransaction(deps.db, async (trx) => {
        const done = await trx.updateTable('par_rounds').set({ version: round.version + 1, updated_at: deps.now() }).where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw errors.stale();
        // A new membership is a new council: the votes cast before are void.
        await trx.deleteFrom('par_council_votes').where('round_id', '=', id).execute();
        await trx.deleteFrom('par_council_members').where('round_id', '=', id).execute();
        for (const m of body.members) await trx.insertInto('par_council_members').values({ round_id: id, staff_id: m.staffId, role: m.role }).execute();
        await recordAudit(trx, ctx, { action: 'par.council_set', entity: 'par_round', entityId: id, unitId: round.organiser_unit_id, after: { members: body.members } });
      });
      return board(ctx, id);
    },

    /** A member's vote on the final scores; more than the quorum of all members approving closes the council's work. */
    async vote(ctx: RequestContext, id: number, body: z.infer<typeof voteBody>) {
      const actor = actorOf(ctx);
      const round = await roundOr404(deps.db, id);
      const members = await deps.db.selectFrom('par_council_members').select(['staff_id', 'role']).where('round_id', '=', id).execute();
      if (!members.some((m) => m.staff_id === actor.staffId)) throw errors.forbidden();
      if (round.stage !== 'council') throw errors.conflict('WRONG_STAGE', `Chỉ biểu quyết trong giai đoạn "${STAGE_LABELS.council}".`, 'Votes are cast during the council stage.');
      const approved = await inTransaction(deps.db, async (trx) => {
        const values = { vote: body.vote, note: body.note ?? null, at: deps.now() };
        await trx.insertInto('par_council_votes').values({ round_id: id, staff_id: actor.staffId, ...values })
          .onConflict((oc) => oc.columns(['round_id', 'staff_id']).doUpdateSet(values)).execute();
        const votes = await trx.selectFrom('par_council_votes').select('vote').where('round_id', '=', id).execute();
        const yes = votes.filter((v) => v.vote === 'approve').length;
        await recordAudit(trx, ctx, { action: 'par.council_voted', entity: 'par_round', entityId: id, unitId: round.organiser_unit_id, after: { vote: body.vote, approvals: yes, members: members.length } });
        if (yes > Number(round.council_quorum) * members.length) {
          const done = await trx.updateTable('par_rounds').set({ stage: 'approved', version: round.version + 1, updated_at: deps.now() }).where('id', '=', id).where('stage', '=', 'council').executeTakeFirst();
          if (Number(done.numUpdatedRows) === 1) await recordAudit(trx, ctx, { action: 'par.council_approved', entity: 'par_round', entityId: id, unitId: round.organiser_unit_id, after: { approvals: yes, members: members.length } });
          return true;
        }
        return false;
      });
      return { ...(await board(ctx, id)), approvedNow: approved };
    },

    /** The council's review sheet: every unit's figures now, self-score beside the final, ranked per block. */
    async results(ctx: RequestContext, id: number) {
      const actor = actorOf(ctx);
      const round = await roundOr404(deps.db, id);
      const member = await deps.db.selectFrom('par_council_members').select('role').where('round_id', '=', id).where('staff_id', '=', actor.staffId).executeTakeFirst();
      if (!isManager(actor, round.organiser_unit_id) && !member) throw errors.notFound('kết quả đợt đánh giá', 'round results');
      return { round: { id: round.id, year: round.year, name: round.name, stage: round.stage, stageLabel: STAGE_LABELS[round.stage] }, results: await liveResults(round), blocks: BLOCK_LABELS };
    },

    /** Publishes the approved result by the People's Committee's decision: frozen from now on. */
    async publish(ctx: RequestContext, id: number, body: z.infer<typeof publishBody>) {
      const round = await roundOr404(deps.db, id);
      const actor = requireManager(ctx.actor, round.organiser_unit_id);
      if (round.stage !== 'approved') throw errors.conflict('WRONG_STAGE', 'Chỉ công bố khi Hội đồng thẩm định đã thông qua kết quả.', 'Publish only after the council has approved.');
      const sheetsNow = await allSheets(deps, survey, round);
      const results = await liveResults(round, sheetsNow);
      await inTransaction(deps.db, async (trx) => {
        // Survey and computed figures as they stand now become the sheets' own (see rules/sheet.ts).
        const frozen = sheetsNow.flatMap((s) => [...s.figures.leaves.values()]
          .filter((f) => f.derived?.ok && !s.layers.get(f.code)?.some((l: { layer: string }) => l.layer === 'self'))
          .map((f) => ({ round_id: id, unit_id: s.participant.unit_id, code: f.code, layer: 'self' as const, points: f.derived!.ok ? f.derived!.points : null,
            reason: f.derived!.ok ? `${f.derived!.explanation} (số liệu chốt khi công bố)` : null, author_staff_id: actor.staffId })));
        for (let i = 0; i < frozen.length; i += 500) {
          const part = frozen.slice(i, i + 500);
          await trx.insertInto('par_scores').values(part.map((r) => ({ ...r, input: null }))).execute();
          await trx.insertInto('par_score_changes').values(part.map((r) => ({ ...r, correction_id: null }))).execute();
        }
        const done = await trx.updateTable('par_rounds').set({
          stage: 'published', publication_number: body.decisionNumber, publication_date: body.decisionDate, publication_signer: body.signer, published_at: deps.now(), version: round.version + 1, updated_at: deps.now(),
        }).where('id', '=', id).where('version', '=', body.version).where('stage', '=', 'approved').executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw errors.stale();
        await writeResults(trx, id, results);
        await recordAudit(trx, ctx, { action: 'par.published', entity: 'par_round', entityId: id, unitId: round.organiser_unit_id, after: { decision: body.decisionNumber, units: results.length } });
      });
      return board(ctx, id);
    },

    /** After publication a score changes only under a correction decision, recorded with it; the result is recomputed. */
    async correct(ctx: RequestContext, id: number, body: z.infer<typeof correctionBody>) {
      const round = await roundOr404(deps.db, id);
      requireManager(ctx.actor, round.organiser_unit_id);
      if (round.stage !== 'published') throw errors.conflict('WRONG_STAGE', 'Điều chỉnh theo quyết định chỉ áp dụng cho kết quả đã công bố; trước đó hãy chấm ở lớp Hội đồng.', 'Corrections apply to published results.');
      const l = await sheets.load(ctx, id, body.unitId);
      const node = findNode(l.tree, body.code);
      if (!node || !isLeaf(node)) throw errors.notFound('tiêu chí', 'criterion');
      const check = checkLayerPoints(node.maxPoints, body.points);
      if (!check.ok) throw errors.validation([{ path: 'points', message: check.message, messageEn: check.code }]);
      await inTransaction(deps.db, async (trx) => {
        const c = await trx.insertInto('par_corrections').values({
          round_id: id, decision_number: body.decisionNumber, decision_date: body.decisionDate, signer: body.signer ?? null, reason: body.reason,
          unit_id: body.unitId, code: body.code, points: body.points, recorded_by_staff_id: l.st.actor.staffId,
        }).returning('id').executeTakeFirstOrThrow();
        await sheets.writeLayer(trx, l, body.code, 'council', body.points, `Điều chỉnh theo Quyết định số ${body.decisionNumber}: ${body.reason}`, undefined, c.id);
        await trx.updateTable('par_participants').set((eb) => ({ version: eb('version', '+', 1) })).where('round_id', '=', id).where('unit_id', '=', body.unitId).execute();
        await recordAudit(trx, ctx, { action: 'par.corrected', entity: 'par_round', entityId: id, unitId: body.unitId, after: { decision: body.decisionNumber, code: body.code, points: body.points } });
      });
      const results = await liveResults(await roundOr404(deps.db, id));
      await inTransaction(deps.db, (trx) => writeResults(trx, id, results));
      return board(ctx, id);
    },

    /**
     * Staff the organiser may seat on the council, from any unit of the province (the council has the
     * Vice-Chairman, the departments' leaders…): the organiser's own staff directory reaches only its unit.
     */
    async councilCandidates(ctx: RequestContext, id: number, q: string | undefined) {
      const round = await roundOr404(deps.db, id);
      requireManager(ctx.actor, round.organiser_unit_id);
      const units = (await deps.org.allUnits()).filter((u) => !u.effectiveTo);
      const fold = (x: string) => x.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
      const words = fold(q ?? '').split(/\s+/).filter(Boolean);
      const staff = await deps.org.staffNames(units.map((u) => u.id));
      return {
        items: staff.filter((s) => words.every((w) => fold(`${s.fullName} ${s.position ?? ''} ${s.unitName}`).includes(w))).slice(0, 50)
          .map((s) => ({ id: s.id, fullName: s.fullName, position: s.position, unitName: s.unitName })),
      };
    },

    async corrections(ctx: RequestContext, id: number) {
      await board(ctx, id);
      return deps.db.selectFrom('par_corrections').selectAll().where('round_id', '=', id).orderBy('id').execute();
    },

    /** The public ranking: published rounds only, per block, with each unit's areas and last year's index. */
    async publicResults(year?: number) {
      const rounds = await deps.db.selectFrom('par_rounds').select(['id', 'year', 'name', 'publication_number', 'publication_date', 'publication_signer'])
        .where('stage', '=', 'published').orderBy('year', 'desc').execute();
      const round = year === undefined ? rounds[0] : rounds.find((r) => r.year === year);
      if (!round) return { years: rounds.map((r) => r.year), round: null, blocks: [] };
      const previous = rounds.find((r) => r.year === round.year - 1);
      const [rows, prevRows, units] = await Promise.all([
        deps.db.selectFrom('par_results').selectAll().where('round_id', '=', round.id).execute(),
        previous ? deps.db.selectFrom('par_results').select(['unit_id', 'index_value', 'rank']).where('round_id', '=', previous.id).execute() : Promise.resolve([]),
        deps.org.allUnits(),
      ]);
      const name = new Map(units.map((u) => [u.id, u.name]));
      // Each block's bands, from the set its units were scored by (so the chart can colour them in order).
      const bandRows = await deps.db.selectFrom('par_participants as p').innerJoin('par_sets as s', 's.id', 'p.set_id').select(['p.block', 's.bands'])
        .where('p.round_id', '=', round.id).execute();
      const blocks = (Object.keys(BLOCK_LABELS) as Block[]).map((b) => ({
        block: b, label: BLOCK_LABELS[b], bands: ((bandRows.find((r) => r.block === b)?.bands ?? []) as Band[]).slice().sort((x, y) => y.min - x.min),
        units: rows.filter((r) => r.block === b).map((r) => {
          const prev = prevRows.find((p) => p.unit_id === r.unit_id);
          return {
            unitId: r.unit_id, unitName: name.get(r.unit_id) ?? '', rank: r.rank, index: r.index_value === null ? null : Number(r.index_value), band: r.band,
            total: Number(r.total), applicableMax: Number(r.applicable_max), bonus: Number(r.bonus), penalty: Number(r.penalty), areas: r.areas,
            previousIndex: prev?.index_value == null ? null : Number(prev.index_value), previousRank: prev?.rank ?? null,
          };
        }).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unitName.localeCompare(b.unitName, 'vi')),
      })).filter((b) => b.units.length > 0);
      return {
        years: rounds.map((r) => r.year),
        round: { year: round.year, name: round.name, decision: { number: round.publication_number, date: round.publication_date, signer: round.publication_signer } },
        blocks,
      };
    },
  };
}
export type RoundService = ReturnType<typeof createRoundService>;
