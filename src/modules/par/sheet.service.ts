import { recordAudit } from '../../platform/audit/audit.service.js';
import { vnDay } from '../directives/rules/deadlines.js';
import { can, type Actor } from '../../platform/access/policy.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { sniffScanType } from '../../platform/files/file-types.js';
import type { z } from 'zod';
import { actorOf, isManager, roundOr404, type ParDeps } from './par.context.js';
import { computedFigures, factsOf, storedLayers } from './par.reads.js';
import { isExtra, isLeaf, LEVELS, walk, type CriterionNode } from './rules/criteria.js';
import { bandOf, type Band, type NodeResult } from './rules/index.js';
import { checkLayerPoints, scoreLeaf, scoreManual, SCORE_LAYER_LABELS, type ScoreLayer } from './rules/scoring.js';
import { appraisersOf, findNode, isDerived, sheetFigures } from './rules/sheet.js';
import type { evidenceBody, explanationAnswerBody, explanationRequestBody, layerScoreBody, selfScoreBody } from './schema.js';
import { treeOf } from './sets.service.js';
import type { SurveyService } from './survey.service.js';

type Round = Awaited<ReturnType<typeof roundOr404>>;
const STAGE_OF_LAYER: Partial<Record<ScoreLayer, Round['stage']>> = { appraisal1: 'appraisal1', appraisal2: 'appraisal2', council: 'council' };
export const STAGE_LABELS: Record<Round['stage'], string> = {
  self_assessment: 'Tự đánh giá, chấm điểm', appraisal1: 'Thẩm định lần 1', explanation: 'Giải trình', appraisal2: 'Thẩm định lần 2',
  council: 'Hội đồng thẩm định', approved: 'Hội đồng đã thông qua', published: 'Đã công bố',
};

/** Who the caller is to one unit's sheet: its own staff, an appraiser of some of its criteria, the organiser, the council. */
export type Standing = { actor: Actor; manager: boolean; council: string | null; unit: boolean; score: boolean; submit: boolean; appraises: (unitId: number | null) => boolean };

export function createSheetService(deps: ParDeps, survey: SurveyService) {
  async function standing(actor: Actor, round: Round, unitId: number): Promise<Standing> {
    const member = await deps.db.selectFrom('par_council_members').select('role').where('round_id', '=', round.id).where('staff_id', '=', actor.staffId).executeTakeFirst();
    const manager = isManager(actor, round.organiser_unit_id);
    return {
      actor, manager, council: member?.role ?? null,
      unit: can(actor, 'par.read', unitId), score: can(actor, 'par.score', unitId), submit: can(actor, 'par.submit', unitId),
      // A criterion with no appraising department is appraised by the organiser.
      appraises: (appraiser) => (appraiser === null ? manager : can(actor, 'par.appraise', appraiser)),
    };
  }

  /** The round, the unit's row and its set, and the caller's standing; 404 when the caller may not see the sheet. */
  async function load(ctx: RequestContext, roundId: number, unitId: number) {
    const actor = actorOf(ctx);
    const round = await roundOr404(deps.db, roundId);
    const p = await deps.db.selectFrom('par_participants as p').innerJoin('par_sets as s', 's.id', 'p.set_id')
      .select(['p.unit_id', 'p.set_id', 'p.block', 'p.facts', 'p.status', 'p.submitted_at', 'p.submitted_by_staff_id', 'p.explanation_submitted_at', 'p.version', 's.tree', 's.bands', 's.name as set_name', 's.illustrative'])
      .where('p.round_id', '=', roundId).where('p.unit_id', '=', unitId).executeTakeFirst();
    if (!p) throw errors.notFound('phiếu chấm điểm', 'scoring sheet');
    const tree = treeOf(p);
    const appraisers = appraisersOf(tree);
    const st = await standing(actor, round, unitId);
    const seesAll = st.manager || st.council !== null || st.unit;
    const mine = (code: string) => seesAll || st.appraises(appraisers.get(code) ?? null);
    if (!seesAll && ![...appraisers.keys()].some((c) => st.appraises(appraisers.get(c) ?? null))) throw errors.notFound('phiếu chấm điểm', 'scoring sheet');
    return { round, p, tree, appraisers, st, seesAll, mine };
  }
  type Loaded = Awaited<ReturnType<typeof load>>;

  function leafOr404(l: Loaded, code: string): CriterionNode {
    const node = findNode(l.tree, code);
    if (!node || !isLeaf(node) || !l.mine(code)) throw errors.notFound('tiêu chí', 'criterion');
    return node;
  }

  /** Bumps the sheet's version under the caller's version: two people editing one sheet never overwrite each other. */
  async function bump(trx: Tx, roundId: number, unitId: number, version: number) {
    const done = await trx.updateTable('par_participants').set({ version: version + 1 }).where('round_id', '=', roundId).where('unit_id', '=', unitId).where('version', '=', version).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw errors.stale();
  }

  async function writeLayer(trx: Tx, l: Loaded, code: string, layer: ScoreLayer, points: number | null, reason: string | null, input: unknown, correctionId: number | null = null) {
    const values = { points, reason, input: input === undefined ? null : JSON.stringify(input), author_staff_id: l.st.actor.staffId, updated_at: deps.now() };
    await trx.insertInto('par_scores').values({ round_id: l.round.id, unit_id: l.p.unit_id, code, layer, ...values })
      .onConflict((oc) => oc.columns(['round_id', 'unit_id', 'code', 'layer']).doUpdateSet(values)).execute();
    await trx.insertInto('par_score_changes').values({ round_id: l.round.id, unit_id: l.p.unit_id, code, layer, points, reason, author_staff_id: l.st.actor.staffId, correction_id: correctionId }).execute();
  }

  const refuse = (code: string, vi: string, en: string) => errors.conflict(code, vi, en);
  const stageIs = (l: Loaded, stage: Round['stage']) => {
    if (l.round.stage !== stage) throw refuse('WRONG_STAGE', `Việc này chỉ làm được ở giai đoạn "${STAGE_LABELS[stage]}"; đợt đánh giá đang ở giai đoạn "${STAGE_LABELS[l.round.stage]}".`, `Only possible during ${stage}; the round is at ${l.round.stage}.`);
  };

  async function view(ctx: RequestContext, roundId: number, unitId: number) {
    const l = await load(ctx, roundId, unitId);
    const { round, p, tree, st } = l;
    const [layers, percents, computed, evidence, explanations, units] = await Promise.all([
      storedLayers(deps, roundId, unitId), survey.percents(roundId), computedFigures(deps, tree, unitId, round.year),
      deps.db.selectFrom('par_evidence').selectAll().where('round_id', '=', roundId).where('unit_id', '=', unitId).orderBy('id').execute(),
      deps.db.selectFrom('par_explanations').selectAll().where('round_id', '=', roundId).where('unit_id', '=', unitId).execute(),
      deps.org.allUnits(),
    ]);
    const unitName = (id: number | null) => (id === null ? null : units.find((u) => u.id === id)?.name ?? null);
    const stored = layers.get(unitId) ?? new Map();
    const figures = sheetFigures(tree, factsOf(p, round), stored, { survey: percents.get(unitId) ?? new Map(), computed });
    const results = new Map<string, NodeResult>();
    const flatten = (n: NodeResult) => { results.set(n.code, n); n.children.forEach(flatten); };
    figures.index.areas.forEach(flatten);
    const draft = p.status === 'draft';
    const nodes = [];
    for (const { node, depth } of walk(tree.areas)) {
      if (!l.mine(node.code) && isLeaf(node)) continue;
      const r = results.get(node.code);
      const leaf = isLeaf(node);
      const f = figures.leaves.get(node.code);
      const appraiser = l.appraisers.get(node.code) ?? null;
      const applicable = figures.applicable.has(node.code);
      const self = stored.get(node.code)?.find((s: { layer: string }) => s.layer === 'self');
      const request = explanations.find((e) => e.code === node.code);
      nodes.push({
        code: node.code, text: node.text, depth, level: LEVELS[depth] ?? 'subCriterion', leaf, maxPoints: node.maxPoints,
        extra: isExtra(node), applicable, excludedReason: figures.excluded.get(node.code) ?? null,
        points: r?.points ?? null, applicableMax: r?.max ?? null,
        ...(leaf ? {
          scoring: node.scoring ?? null, evidenceRequired: node.evidence ?? null, appraisingUnitId: appraiser, appraisingUnitName: unitName(appraiser) ?? unitName(round.organiser_unit_id),
          selfInput: self?.input ?? null,
          layers: Object.fromEntries(Object.entries(f?.layers ?? {}).map(([k, v]) => [k, { ...v, at: stored.get(node.code)?.find((s: { layer: string }) => s.layer === k)?.at ?? null }])),
          counts: f?.counts ?? null, derivedExplanation: f?.derived ? (f.derived.ok ? f.derived.explanation : f.derived.message) : null,
          evidence: evidence.filter((e) => e.code === node.code).map((e) => ({ id: e.id, kind: e.kind, title: e.title, fileName: e.file_name, section: e.section, page: e.page, url: e.url, recordKind: e.record_kind, recordRef: e.record_ref, addedAt: e.added_at })),
          explanation: request ? { request: request.request, requestedAt: request.requested_at, answer: request.answer, answeredAt: request.answered_at } : null,
          can: applicable ? {
            self: round.stage === 'self_assessment' && draft && st.score && !isDerived(node),
            evidence: st.score && ((round.stage === 'self_assessment' && draft) || (round.stage === 'explanation' && !!request && !p.explanation_submitted_at)),
            appraise: (round.stage === 'appraisal1' || round.stage === 'appraisal2') && st.appraises(appraiser) ? round.stage : null,
            requestExplanation: round.stage === 'appraisal1' && st.appraises(appraiser),
            explain: round.stage === 'explanation' && st.score && !!request && !p.explanation_submitted_at,
            council: round.stage === 'council' && (st.manager || st.council === 'chair' || st.council === 'secretary'),
          } : null,
        } : {}),
      });
    }
    const unscored = figures.index.unscored.filter((c) => l.mine(c));
    const bands = p.bands as Band[];
    const deadlinePassed = round.self_deadline < vnDay(deps.now());
    return {
      round: { id: round.id, year: round.year, name: round.name, stage: round.stage, stageLabel: STAGE_LABELS[round.stage], selfDeadline: round.self_deadline, explanationDeadline: round.explanation_deadline, surveyHeld: round.survey_held },
      unit: { id: unitId, name: unitName(unitId) ?? '', block: p.block }, setId: p.set_id, setName: p.set_name, illustrative: p.illustrative,
      status: p.status, submittedAt: p.submitted_at, submittedLate: p.submitted_at ? vnDay(p.submitted_at) > round.self_deadline : false,
      deadlinePassed, explanationSubmittedAt: p.explanation_submitted_at, version: p.version, facts: p.facts, missingFacts: figures.missingFacts,
      partial: !l.seesAll, nodes,
      totals: { points: figures.index.points, applicableMax: figures.index.applicableMax, bonus: figures.index.bonus, penalty: figures.index.penalty, total: figures.index.total, index: figures.index.index, band: bandOf(figures.index.index, bands)?.label ?? null, unscored },
      can: {
        submit: round.stage === 'self_assessment' && p.status === 'draft' && st.submit,
        submitExplanation: round.stage === 'explanation' && st.submit && !p.explanation_submitted_at && explanations.length > 0,
      },
    };
  }

  /** Applicable leaves of the sheet the unit still owes: a typed score, or an explanation where it has no evidence (BNV CV 383, §A3). */
  async function gaps(l: Loaded) {
    const stored = (await storedLayers(deps, l.round.id, l.p.unit_id)).get(l.p.unit_id) ?? new Map();
    const evidence = await deps.db.selectFrom('par_evidence').select('code').where('round_id', '=', l.round.id).where('unit_id', '=', l.p.unit_id).execute();
    const withEvidence = new Set(evidence.map((e) => e.code));
    const figures = sheetFigures(l.tree, factsOf(l.p, l.round), stored, { survey: new Map(), computed: new Map() });
    const unscored: string[] = [];
    const unexplained: string[] = [];
    for (const { node } of walk(l.tree.areas)) {
      if (!isLeaf(node) || !figures.applicable.has(node.code) || isDerived(node) || isExtra(node)) continue;
      const self = stored.get(node.code)?.find((s: { layer: string }) => s.layer === 'self');
      if (!self || self.points === null) unscored.push(node.code);
      else if (!withEvidence.has(node.code) && !self.reason?.trim()) unexplained.push(node.code);
    }
    return { unscored, unexplained };
  }

  return {
    view,

    async selfScore(ctx: RequestContext, roundId: number, unitId: number, code: string, body: z.infer<typeof selfScoreBody>) {
      const l = await load(ctx, roundId, unitId);
      const node = leafOr404(l, code);
      stageIs(l, 'self_assessment');
      if (!l.st.score) throw errors.forbidden();
      if (l.p.status !== 'draft') throw refuse('SHEET_SUBMITTED', 'Phiếu đã được gửi, không sửa điểm tự chấm được nữa.', 'The sheet has been submitted.');
      if (isDerived(node)) throw refuse('DERIVED_LEAF', 'Tiêu chí này được tính từ điều tra xã hội học hoặc số liệu của hệ thống, đơn vị không tự chấm.', 'This criterion is derived, not self-scored.');
      let points: number | null = null;
      if (body.input !== null) {
        const r = scoreLeaf(node.scoring!, node.maxPoints, body.input);
        if (!r.ok) throw errors.validation([{ path: 'input', message: r.message, messageEn: r.code }]);
        points = r.points;
      }
      await inTransaction(deps.db, async (trx) => {
        await bump(trx, roundId, unitId, body.version);
        await writeLayer(trx, l, code, 'self', points, body.explanation ?? null, body.input);
        await recordAudit(trx, ctx, { action: 'par.self_scored', entity: 'par_sheet', entityId: `${roundId}/${unitId}`, unitId, after: { code, points } });
      });
      return view(ctx, roundId, unitId);
    },

    /** An appraiser's or the council's points on a leaf, with the reason (every layer keeps its author). */
    async layerScore(ctx: RequestContext, roundId: number, unitId: number, code: string, layer: 'appraisal1' | 'appraisal2' | 'council', body: z.infer<typeof layerScoreBody>) {
      const l = await load(ctx, roundId, unitId);
      const node = leafOr404(l, code);
      stageIs(l, STAGE_OF_LAYER[layer]!);
      const allowed = layer === 'council' ? l.st.manager || l.st.council === 'chair' || l.st.council === 'secretary' : l.st.appraises(l.appraisers.get(code) ?? null);
      if (!allowed) throw errors.forbidden();
      if (body.points !== null) {
        const r = checkLayerPoints(node.maxPoints, body.points);
        if (!r.ok) throw errors.validation([{ path: 'points', message: r.message, messageEn: r.code }]);
      }
      await inTransaction(deps.db, async (trx) => {
        await bump(trx, roundId, unitId, body.version);
        await writeLayer(trx, l, code, layer, body.points, body.reason, undefined);
        await recordAudit(trx, ctx, { action: layer === 'council' ? 'par.council_scored' : 'par.appraised', entity: 'par_sheet', entityId: `${roundId}/${unitId}`, unitId, after: { code, layer, points: body.points, reason: body.reason } });
      });
      return view(ctx, roundId, unitId);
    },

    async addEvidence(ctx: RequestContext, roundId: number, unitId: number, code: string, body: z.infer<typeof evidenceBody>) {
      const l = await load(ctx, roundId, unitId);
      leafOr404(l, code);
      if (!l.st.score) throw errors.forbidden();
      const request = await deps.db.selectFrom('par_explanations').select('code').where('round_id', '=', roundId).where('unit_id', '=', unitId).where('code', '=', code).executeTakeFirst();
      const open = (l.round.stage === 'self_assessment' && l.p.status === 'draft') || (l.round.stage === 'explanation' && !!request && !l.p.explanation_submitted_at);
      if (!open) throw refuse('EVIDENCE_CLOSED', 'Chỉ bổ sung tài liệu kiểm chứng khi đang tự chấm điểm, hoặc khi giải trình tiêu chí được yêu cầu giải trình.', 'Evidence can be added only while self-scoring or explaining this criterion.');
      let file: { key: string; name: string; type: string; size: number } | null = null;
      if (body.kind === 'file') {
        const content = await deps.files.get(body.fileKey);
        if (!content) throw errors.validation([{ path: 'fileKey', message: `Tệp "${body.fileName}" chưa được tải lên kho lưu tệp.`, messageEn: 'File not stored.' }]);
        file = { key: body.fileKey, name: body.fileName, type: sniffScanType(content) ?? 'application/octet-stream', size: content.length };
      }
      // A registered document (issue 19 scope 5) is cited by its id in the register, only if the officer may read it there.
      if (body.kind === 'record' && body.recordKind === 'registry_document') {
        const id = /^\d{1,9}$/.test(body.recordRef) ? Number(body.recordRef) : 0;
        if (!id || !(await deps.registry?.readable(ctx, id))) throw errors.validation([{ path: 'recordRef', message: 'Không có văn bản này trong sổ văn bản mà bạn được xem.', messageEn: 'No such document in a register you may read.' }]);
      }
      await inTransaction(deps.db, async (trx) => {
        const row = await trx.insertInto('par_evidence').values({
          round_id: roundId, unit_id: unitId, code, kind: body.kind, title: body.title,
          file_key: file?.key ?? null, file_name: file?.name ?? null, file_type: file?.type ?? null, file_size: file?.size ?? null,
          section: body.kind === 'record' ? null : body.section ?? null, page: body.kind === 'record' ? null : body.page ?? null,
          url: body.kind === 'link' ? body.url : null, record_kind: body.kind === 'record' ? body.recordKind : null, record_ref: body.kind === 'record' ? body.recordRef : null,
          added_by_staff_id: l.st.actor.staffId,
        }).returning('id').executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, { action: 'par.evidence_added', entity: 'par_sheet', entityId: `${roundId}/${unitId}`, unitId, after: { code, evidence: row.id, title: body.title } });
      });
      return view(ctx, roundId, unitId);
    },

    async removeEvidence(ctx: RequestContext, roundId: number, unitId: number, evidenceId: number) {
      const l = await load(ctx, roundId, unitId);
      const row = await deps.db.selectFrom('par_evidence').selectAll().where('id', '=', evidenceId).where('round_id', '=', roundId).where('unit_id', '=', unitId).executeTakeFirst();
      if (!row || !l.mine(row.code)) throw errors.notFound('tài liệu kiểm chứng', 'evidence');
      if (!l.st.score) throw errors.forbidden();
      if (!(l.round.stage === 'self_assessment' && l.p.status === 'draft')) throw refuse('EVIDENCE_CLOSED', 'Phiếu đã gửi: tài liệu kiểm chứng đã nộp không gỡ được.', 'Submitted evidence cannot be removed.');
      await inTransaction(deps.db, async (trx) => {
        await trx.deleteFrom('par_evidence').where('id', '=', evidenceId).execute();
        await recordAudit(trx, ctx, { action: 'par.evidence_removed', entity: 'par_sheet', entityId: `${roundId}/${unitId}`, unitId, before: { code: row.code, title: row.title } });
      });
      return view(ctx, roundId, unitId);
    },

    async evidenceFile(ctx: RequestContext, roundId: number, unitId: number, evidenceId: number) {
      const l = await load(ctx, roundId, unitId);
      const row = await deps.db.selectFrom('par_evidence').selectAll().where('id', '=', evidenceId).where('round_id', '=', roundId).where('unit_id', '=', unitId).executeTakeFirst();
      const content = row?.file_key && l.mine(row.code) ? await deps.files.get(row.file_key) : undefined;
      if (!row || !content) throw errors.notFound('tệp', 'file');
      return { name: row.file_name ?? 'tai-lieu', type: row.file_type ?? 'application/octet-stream', content };
    },

    async requestExplanation(ctx: RequestContext, roundId: number, unitId: number, code: string, body: z.infer<typeof explanationRequestBody>) {
      const l = await load(ctx, roundId, unitId);
      leafOr404(l, code);
      stageIs(l, 'appraisal1');
      if (!l.st.appraises(l.appraisers.get(code) ?? null)) throw errors.forbidden();
      await inTransaction(deps.db, async (trx) => {
        const values = { request: body.request, requested_by_staff_id: l.st.actor.staffId, requested_at: deps.now() };
        await trx.insertInto('par_explanations').values({ round_id: roundId, unit_id: unitId, code, ...values })
          .onConflict((oc) => oc.columns(['round_id', 'unit_id', 'code']).doUpdateSet(values)).execute();
        await recordAudit(trx, ctx, { action: 'par.explanation_requested', entity: 'par_sheet', entityId: `${roundId}/${unitId}`, unitId, after: { code, request: body.request } });
      });
      return view(ctx, roundId, unitId);
    },

    /** The unit's explanation of one leaf, with the score it now claims (the explanation layer). */
    async answerExplanation(ctx: RequestContext, roundId: number, unitId: number, code: string, body: z.infer<typeof explanationAnswerBody>) {
      const l = await load(ctx, roundId, unitId);
      const node = leafOr404(l, code);
      stageIs(l, 'explanation');
      if (!l.st.score) throw errors.forbidden();
      if (l.p.explanation_submitted_at) throw refuse('EXPLANATION_SUBMITTED', 'Đơn vị đã gửi giải trình, không sửa được nữa.', 'The explanation has been submitted.');
      const request = await deps.db.selectFrom('par_explanations').select('code').where('round_id', '=', roundId).where('unit_id', '=', unitId).where('code', '=', code).executeTakeFirst();
      if (!request) throw refuse('NO_REQUEST', 'Tiêu chí này không có yêu cầu giải trình.', 'No explanation was requested for this criterion.');
      if (body.points !== undefined && body.points !== null) {
        const r = scoreManual(node.maxPoints, body.points);
        if (!r.ok) throw errors.validation([{ path: 'points', message: r.message, messageEn: r.code }]);
      }
      await inTransaction(deps.db, async (trx) => {
        await bump(trx, roundId, unitId, body.version);
        await trx.updateTable('par_explanations').set({ answer: body.answer, answered_by_staff_id: l.st.actor.staffId, answered_at: deps.now() })
          .where('round_id', '=', roundId).where('unit_id', '=', unitId).where('code', '=', code).execute();
        if (body.points !== undefined) await writeLayer(trx, l, code, 'explanation', body.points, body.answer, undefined);
        await recordAudit(trx, ctx, { action: 'par.explained', entity: 'par_sheet', entityId: `${roundId}/${unitId}`, unitId, after: { code, points: body.points ?? null } });
      });
      return view(ctx, roundId, unitId);
    },

    /** The unit head approves and submits the self-assessment: every applicable leaf scored, every leaf without evidence explained. */
    async submit(ctx: RequestContext, roundId: number, unitId: number, version: number) {
      const l = await load(ctx, roundId, unitId);
      stageIs(l, 'self_assessment');
      if (!l.st.submit) throw errors.forbidden();
      if (l.p.status !== 'draft') throw refuse('SHEET_SUBMITTED', 'Phiếu đã được gửi.', 'The sheet has already been submitted.');
      const g = await gaps(l);
      if (g.unscored.length) throw errors.conflict('SHEET_INCOMPLETE', `Còn ${g.unscored.length} tiêu chí chưa chấm điểm: ${g.unscored.slice(0, 8).join(', ')}${g.unscored.length > 8 ? '…' : ''}.`, 'Some criteria are not scored.', g);
      if (g.unexplained.length) throw errors.conflict('SHEET_INCOMPLETE', `Tiêu chí chưa có tài liệu kiểm chứng phải có giải trình: ${g.unexplained.slice(0, 8).join(', ')}${g.unexplained.length > 8 ? '…' : ''}.`, 'Criteria without evidence need an explanation.', g);
      await inTransaction(deps.db, async (trx) => {
        const done = await trx.updateTable('par_participants').set({ status: 'submitted', submitted_at: deps.now(), submitted_by_staff_id: l.st.actor.staffId, version: version + 1 })
          .where('round_id', '=', roundId).where('unit_id', '=', unitId).where('version', '=', version).where('status', '=', 'draft').executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw errors.stale();
        await recordAudit(trx, ctx, { action: 'par.sheet_submitted', entity: 'par_sheet', entityId: `${roundId}/${unitId}`, unitId, after: { late: vnDay(deps.now()) > l.round.self_deadline } });
      });
      return view(ctx, roundId, unitId);
    },

    async submitExplanation(ctx: RequestContext, roundId: number, unitId: number, version: number) {
      const l = await load(ctx, roundId, unitId);
      stageIs(l, 'explanation');
      if (!l.st.submit) throw errors.forbidden();
      if (l.p.explanation_submitted_at) throw refuse('EXPLANATION_SUBMITTED', 'Đơn vị đã gửi giải trình.', 'The explanation has already been submitted.');
      const open = await deps.db.selectFrom('par_explanations').select('code').where('round_id', '=', roundId).where('unit_id', '=', unitId).where('answer', 'is', null).execute();
      if (open.length) throw errors.conflict('EXPLANATION_INCOMPLETE', `Còn tiêu chí chưa giải trình: ${open.map((o) => o.code).join(', ')}.`, 'Some requests are not answered.', { codes: open.map((o) => o.code) });
      await inTransaction(deps.db, async (trx) => {
        const done = await trx.updateTable('par_participants').set({ explanation_submitted_at: deps.now(), explanation_submitted_by_staff_id: l.st.actor.staffId, version: version + 1 })
          .where('round_id', '=', roundId).where('unit_id', '=', unitId).where('version', '=', version).executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw errors.stale();
        await recordAudit(trx, ctx, { action: 'par.explanation_submitted', entity: 'par_sheet', entityId: `${roundId}/${unitId}`, unitId });
      });
      return view(ctx, roundId, unitId);
    },

    /** A leaf's history: every change of every layer, oldest first. */
    async history(ctx: RequestContext, roundId: number, unitId: number, code: string) {
      const l = await load(ctx, roundId, unitId);
      leafOr404(l, code);
      const rows = await deps.db.selectFrom('par_score_changes').selectAll().where('round_id', '=', roundId).where('unit_id', '=', unitId).where('code', '=', code).orderBy('id').execute();
      const names = new Map((await deps.org.staffNamesByIds([...new Set(rows.map((r) => r.author_staff_id).filter((x): x is number => x !== null))])).map((s) => [s.id, s.fullName]));
      return rows.map((r) => ({ layer: r.layer, layerLabel: SCORE_LAYER_LABELS[r.layer], points: r.points === null ? null : Number(r.points), reason: r.reason, author: r.author_staff_id === null ? null : names.get(r.author_staff_id) ?? null, correctionId: r.correction_id, at: r.at }));
    },

    /** For the round service's corrections: the same write path as any layer. */
    writeLayer, load,
  };
}
export type SheetService = ReturnType<typeof createSheetService>;
