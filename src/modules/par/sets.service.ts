import { recordAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { actorOf, isManager, requireManager, type ParDeps } from './par.context.js';
import { validateTree, type CriteriaTree } from './rules/criteria.js';
import { DEFAULT_BANDS, validateBands, type Band } from './rules/index.js';
import { DEFAULT_ANSWER_WEIGHTS, validateWeights, type AnswerWeights } from './rules/survey.js';
import type { z } from 'zod';
import type { setCreateBody, setEditBody, setIssueBody } from './schema.js';

type SetRow = Awaited<ReturnType<typeof loadSet>>;
async function loadSet(deps: ParDeps, id: number) {
  const row = await deps.db.selectFrom('par_sets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.notFound('bộ tiêu chí', 'criteria set');
  return row;
}

export const treeOf = (row: { tree: unknown }) => row.tree as CriteriaTree;

/** The unit that runs PAR: the department holding the province's administrative-reform office (org function `reform`). */
export async function organiserUnit(deps: Pick<ParDeps, 'org'>): Promise<{ id: number; name: string }> {
  const units = await deps.org.allUnits();
  const byId = new Map(units.map((u) => [u.id, u]));
  const office = units.find((u) => u.function === 'reform' && !u.effectiveTo);
  let unit = office;
  while (unit && unit.kind !== 'department' && unit.parentId !== null) unit = byId.get(unit.parentId);
  const found = unit ?? units.find((u) => u.parentId === null);
  if (!found) throw errors.conflict('NO_ORGANISER', 'Chưa có cơ cấu tổ chức để xác định cơ quan chủ trì.', 'No organisation tree to find the organiser in.');
  return { id: found.id, name: found.name };
}

/** Every problem of a set that would stop its issue, as the set page lists them. */
export function setProblems(row: { tree: unknown; bands: unknown; answer_weights: unknown }): string[] {
  return [
    ...validateTree(treeOf(row)).map((p) => p.message),
    ...validateBands(row.bands as Band[]),
    ...validateWeights(row.answer_weights as AnswerWeights),
  ];
}

export function setView(row: SetRow, names: { organiser: string }) {
  return {
    id: row.id, year: row.year, name: row.name, blocks: row.blocks, status: row.status, frozen: row.frozen_at !== null,
    illustrative: row.illustrative, illustrativeNote: row.illustrative_note,
    decision: row.decision_number ? { number: row.decision_number, date: row.decision_date, signer: row.decision_signer } : null,
    organiserUnitId: row.organiser_unit_id, organiserName: names.organiser, copiedFromSetId: row.copied_from_set_id, version: row.version,
    tree: treeOf(row), bands: row.bands as Band[], answerWeights: row.answer_weights as AnswerWeights, problems: setProblems(row),
  };
}

export function createSetService(deps: ParDeps) {
  const json = (x: unknown) => JSON.stringify(x);

  async function detail(ctx: RequestContext, id: number) {
    actorOf(ctx);
    const row = await loadSet(deps, id);
    const units = await deps.org.allUnits();
    const manager = isManager(ctx.actor, row.organiser_unit_id);
    return {
      ...setView(row, { organiser: units.find((u) => u.id === row.organiser_unit_id)?.name ?? '' }),
      canManage: manager, canEdit: manager && row.frozen_at === null, canIssue: manager && row.status === 'draft',
    };
  }

  return {
    detail,

    /** Sets by year, newest first; every signed-in staff member may read the criteria they are scored on. */
    async list(ctx: RequestContext) {
      actorOf(ctx);
      const rows = await deps.db.selectFrom('par_sets').selectAll().orderBy('year', 'desc').orderBy('name').execute();
      const organiser = await organiserUnit(deps);
      return {
        organiser, canManage: isManager(ctx.actor, organiser.id),
        sets: rows.map((r) => ({ id: r.id, year: r.year, name: r.name, blocks: r.blocks, status: r.status, frozen: r.frozen_at !== null, illustrative: r.illustrative, decisionNumber: r.decision_number, decisionDate: r.decision_date, version: r.version })),
      };
    },

    /** A new set, empty or copied from an earlier one (last year's, then edited). */
    async create(ctx: RequestContext, body: z.infer<typeof setCreateBody>) {
      const organiser = await organiserUnit(deps);
      const actor = requireManager(ctx.actor, organiser.id);
      const source = body.copyFromSetId ? await loadSet(deps, body.copyFromSetId) : null;
      const tree = body.tree ?? (source ? treeOf(source) : undefined);
      const id = await inTransaction(deps.db, async (trx) => {
        try {
          const row = await trx.insertInto('par_sets').values({
            year: body.year, name: body.name, blocks: body.blocks, tree: json(tree),
            bands: json(body.bands ?? source?.bands ?? DEFAULT_BANDS), answer_weights: json(body.answerWeights ?? source?.answer_weights ?? DEFAULT_ANSWER_WEIGHTS),
            illustrative: body.illustrative ?? source?.illustrative ?? false, illustrative_note: body.illustrativeNote ?? source?.illustrative_note ?? null,
            decision_number: body.decisionNumber ?? null, decision_date: body.decisionDate ?? null, decision_signer: body.decisionSigner ?? null,
            copied_from_set_id: source?.id ?? null, organiser_unit_id: organiser.id, created_by_staff_id: actor.staffId,
          }).returning('id').executeTakeFirstOrThrow();
          await recordAudit(trx, ctx, { action: source ? 'par.set_copied' : 'par.set_created', entity: 'par_set', entityId: row.id, unitId: organiser.id, after: { year: body.year, name: body.name, from: source?.id ?? null } });
          return row.id;
        } catch (e) {
          if (isUniqueViolation(e)) throw errors.conflict('SET_EXISTS', `Năm ${body.year} đã có bộ tiêu chí tên "${body.name}".`, `Year ${body.year} already has a set named "${body.name}".`);
          throw e;
        }
      });
      return detail(ctx, id);
    },

    /** Edits a set that no round has frozen; an issued set goes back to draft only by a new decision, so it stays issued and is re-checked. */
    async edit(ctx: RequestContext, id: number, body: z.infer<typeof setEditBody>) {
      const row = await loadSet(deps, id);
      requireManager(ctx.actor, row.organiser_unit_id);
      if (row.frozen_at) throw errors.conflict('SET_FROZEN', 'Bộ tiêu chí đã được dùng cho đợt tự đánh giá nên không sửa được. Hãy sao chép thành bộ mới.', 'The set is frozen by an open round; copy it into a new set.');
      const next = {
        tree: body.tree ?? treeOf(row), bands: body.bands ?? (row.bands as Band[]), answer_weights: body.answerWeights ?? (row.answer_weights as AnswerWeights),
      };
      if (row.status === 'issued') {
        const problems = setProblems(next);
        if (problems.length) throw errors.conflict('SET_INVALID', `Bộ tiêu chí đã ban hành không thể lưu với lỗi: ${problems[0]}`, 'An issued set cannot be saved with problems.', { problems });
      }
      await inTransaction(deps.db, async (trx) => {
        const done = await trx.updateTable('par_sets').set({
          ...(body.name !== undefined ? { name: body.name } : {}), ...(body.blocks ? { blocks: body.blocks } : {}),
          tree: json(next.tree), bands: json(next.bands), answer_weights: json(next.answer_weights),
          ...(body.illustrative !== undefined ? { illustrative: body.illustrative } : {}),
          ...(body.illustrativeNote !== undefined ? { illustrative_note: body.illustrativeNote ?? null } : {}),
          ...(body.decisionNumber !== undefined ? { decision_number: body.decisionNumber ?? null } : {}),
          ...(body.decisionDate !== undefined ? { decision_date: body.decisionDate ?? null } : {}),
          ...(body.decisionSigner !== undefined ? { decision_signer: body.decisionSigner ?? null } : {}),
          version: row.version + 1, updated_at: deps.now(),
        }).where('id', '=', id).where('version', '=', body.version).where('frozen_at', 'is', null).executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw errors.stale();
        await recordAudit(trx, ctx, { action: 'par.set_edited', entity: 'par_set', entityId: id, unitId: row.organiser_unit_id, after: { name: body.name ?? row.name, tree: body.tree !== undefined } });
      });
      return detail(ctx, id);
    },

    /** Issues the set by its decision; refused while the tree, bands or weights have a problem. */
    async issue(ctx: RequestContext, id: number, body: z.infer<typeof setIssueBody>) {
      const row = await loadSet(deps, id);
      requireManager(ctx.actor, row.organiser_unit_id);
      const problems = setProblems(row);
      if (problems.length) throw errors.conflict('SET_INVALID', `Chưa ban hành được bộ tiêu chí: ${problems[0]}`, 'The set has problems and cannot be issued.', { problems });
      await inTransaction(deps.db, async (trx) => {
        const done = await trx.updateTable('par_sets').set({
          status: 'issued', decision_number: body.decisionNumber, decision_date: body.decisionDate, decision_signer: body.decisionSigner, version: row.version + 1, updated_at: deps.now(),
        }).where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw errors.stale();
        await recordAudit(trx, ctx, { action: 'par.set_issued', entity: 'par_set', entityId: id, unitId: row.organiser_unit_id, after: { decision: body.decisionNumber, date: body.decisionDate } });
      });
      return detail(ctx, id);
    },

    /** The set as the workbook provinces exchange (exports/criteria-xlsx.ts). */
    async xlsx(ctx: RequestContext, id: number) {
      const set = await detail(ctx, id);
      const units = await deps.org.allUnits();
      const { criteriaToXlsx } = await import('./exports/criteria-xlsx.js');
      const content = await criteriaToXlsx({
        name: set.name, year: set.year, blocks: set.blocks, decisionNumber: set.decision?.number ?? undefined, decisionDate: set.decision?.date ?? undefined,
        illustrative: set.illustrative, illustrativeNote: set.illustrativeNote ?? undefined, tree: set.tree, bands: set.bands,
      }, (uid) => units.find((u) => u.id === uid)?.name);
      return { name: `bo-tieu-chi-cchc-${set.year}-${set.id}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content };
    },

    /** Reads a workbook into a tree for the set's editor; nothing is saved until the editor saves it. */
    async readXlsx(ctx: RequestContext, id: number, content: Buffer) {
      const row = await loadSet(deps, id);
      requireManager(ctx.actor, row.organiser_unit_id);
      const units = (await deps.org.allUnits()).filter((u) => !u.effectiveTo);
      const norm = (x: string) => x.normalize('NFC').trim().toLowerCase();
      const { criteriaFromXlsx } = await import('./exports/criteria-xlsx.js');
      return criteriaFromXlsx(content, (nameOrCode) => units.find((u) => norm(u.name) === norm(nameOrCode) || (u.code !== null && norm(u.code) === norm(nameOrCode)))?.id);
    },
  };
}
export type SetService = ReturnType<typeof createSetService>;
