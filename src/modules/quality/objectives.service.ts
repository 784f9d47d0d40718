import type { Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { addEvent, invalid, loadSystem, recordNotFound, staleVersion, todayOf, type QualityDeps, type SystemRow } from './quality.context.js';
import type { QmsObjectivesTable } from './quality.tables.js';
import { objectiveYear } from './rules/objectives.js';
import { currentObjectiveYear, objectivesOfYear, readingsOf, viewsOf, type Objective, type ObjectiveRow } from './objectives.readings.js';
import type { ObjectiveCreateInput, ObjectiveUpdateInput } from './objectives.schema.js';

export type { Objective, Reading } from './objectives.readings.js';

const objectiveNotFound = () => recordNotFound('mục tiêu chất lượng', 'quality objective');
const codeTaken = () => errors.conflict('QMS_OBJECTIVE_CODE_TAKEN', 'Mã mục tiêu này đã có trong các mục tiêu chất lượng của năm.', 'The objective code is already used this year.');
const manualOnly = () => invalid('manualNumerator', 'Chỉ mục tiêu nhập tay mới có tử số, mẫu số nhập tay; các mục tiêu khác đo từ dữ liệu của hệ thống.', 'Only a manual objective takes typed counts.');

/**
 * Quality objectives (ISO 9001 §6.2) per QMS and year, each read from live data over its period
 * (objectives.readings.ts, rules/objectives.ts). Each change is one transaction with its history row
 * (qms_events) and audit row; every read — org, feeds, the QMS — happens before it.
 */
export function createObjectivesService(deps: QualityDeps) {
  const { db } = deps;

  /** A unit that owns an objective works inside the agency (its subtree). */
  async function checkOwnerUnit(system: SystemRow, unitId: number | null | undefined): Promise<void> {
    if (unitId == null) return;
    const inside = (await deps.org.subtrees([system.agency_unit_id])).get(system.agency_unit_id) ?? [];
    if (!inside.includes(unitId)) throw invalid('ownerUnitId', 'Đơn vị chủ trì phải là cơ quan hoặc một đơn vị thuộc cơ quan áp dụng hệ thống.', 'The owner unit must be the agency or one of its units.');
  }

  async function list(ctx: RequestContext, qmsId: number, year?: number) {
    const { system } = await loadSystem(deps, ctx, qmsId, 'read');
    const today = todayOf(deps);
    const y = year ?? currentObjectiveYear(today);
    return { year: y, period: objectiveYear(y), asOf: today, items: await readingsOf(deps, system, y) };
  }

  async function viewOne(system: SystemRow, id: number): Promise<Objective> {
    const row = await db.selectFrom('qms_objectives').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return (await viewsOf(deps, system, [row]))[0]!;
  }

  async function create(ctx: RequestContext, qmsId: number, input: ObjectiveCreateInput): Promise<Objective> {
    const { system } = await loadSystem(deps, ctx, qmsId, 'manage');
    await checkOwnerUnit(system, input.ownerUnitId);
    const taken = (await objectivesOfYear(deps, qmsId, input.year)).some((o) => o.code.toUpperCase() === input.code.toUpperCase());
    if (taken) throw codeTaken();
    const manual = input.measure === 'manual';
    const values = {
      qms_id: qmsId, year: input.year, code: input.code, text: input.text, measure: input.measure,
      // An overdue rate is a ceiling; every other measure a floor.
      direction: input.direction ?? (input.measure === 'dossiers.overdue_rate' ? 'at_most' as const : 'at_least' as const),
      target_percent: input.targetPercent, year_basis: input.yearBasis ?? 'statutory' as const,
      manual_numerator: manual ? input.manualNumerator ?? null : null, manual_denominator: manual ? input.manualDenominator ?? null : null,
      owner_unit_id: input.ownerUnitId ?? null,
    };
    const at = deps.now();
    const id = await inTransaction(db, async (trx) => {
      const row = await trx.insertInto('qms_objectives').values(values).returning('id').executeTakeFirstOrThrow()
        .catch((e) => { throw isUniqueViolation(e) ? codeTaken() : e; });
      const { qms_id: _q, ...details } = values;
      await addEvent(trx, ctx, at, { qmsId, record: 'objective', entityId: row.id, action: 'created', details });
      await recordAudit(trx, ctx, { action: 'quality.objective_created', entity: 'qms_objective', entityId: row.id, unitId: system.agency_unit_id, after: details });
      return row.id;
    });
    return viewOne(system, id);
  }

  async function update(ctx: RequestContext, id: number, input: ObjectiveUpdateInput): Promise<Objective> {
    const row = await db.selectFrom('qms_objectives').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw objectiveNotFound();
    const loaded = await loadSystem(deps, ctx, row.qms_id, 'read').catch((e: unknown) => { throw e instanceof AppError && e.status === 404 ? objectiveNotFound() : e; });
    if (!loaded.access.manage) throw errors.forbidden();
    if (input.version !== row.version) throw staleVersion();
    const { system } = loaded;
    if (row.measure !== 'manual' && (input.manualNumerator != null || input.manualDenominator != null)) throw manualOnly();
    await checkOwnerUnit(system, input.ownerUnitId);

    const values: Updateable<QmsObjectivesTable> = {};
    const set = <K extends keyof ObjectiveRow>(key: K, next: ObjectiveRow[K] | undefined, same = (a: ObjectiveRow[K], b: ObjectiveRow[K]) => a === b) => {
      if (next !== undefined && !same(row[key], next)) (values as Record<string, unknown>)[key] = next;
    };
    set('text', input.text);
    set('direction', input.direction);
    set('target_percent', input.targetPercent === undefined ? undefined : String(input.targetPercent), (a, b) => Number(a) === Number(b));
    set('manual_numerator', input.manualNumerator);
    set('manual_denominator', input.manualDenominator);
    set('owner_unit_id', input.ownerUnitId);
    set('active', input.active);
    const numerator = input.manualNumerator !== undefined ? input.manualNumerator : row.manual_numerator;
    const denominator = input.manualDenominator !== undefined ? input.manualDenominator : row.manual_denominator;
    if (numerator != null && numerator > (denominator ?? 0)) throw invalid('manualNumerator', 'Tử số không được lớn hơn mẫu số.', 'The numerator must not exceed the denominator.');
    if (Object.keys(values).length === 0) return viewOne(system, id);

    const before = Object.fromEntries(Object.keys(values).map((k) => [k, row[k as keyof ObjectiveRow]]));
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const updated = await trx.updateTable('qms_objectives').set({ ...values, version: row.version + 1 })
        .where('id', '=', id).where('version', '=', input.version).returning('id').executeTakeFirst();
      if (!updated) throw staleVersion();
      await addEvent(trx, ctx, at, { qmsId: row.qms_id, record: 'objective', entityId: id, action: 'updated', details: { before, after: values } });
      await recordAudit(trx, ctx, { action: 'quality.objective_updated', entity: 'qms_objective', entityId: id, unitId: system.agency_unit_id, before, after: values });
    });
    return viewOne(system, id);
  }

  return {
    list, create, update,
    /** ctx-free, for management reviews: the QMS's objectives of a year with today's readings. */
    readingsOf: (system: SystemRow, year: number): Promise<Objective[]> => readingsOf(deps, system, year),
  };
}
export type ObjectivesService = ReturnType<typeof createObjectivesService>;
