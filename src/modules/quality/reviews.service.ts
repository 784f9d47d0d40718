import type { Selectable, Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { addEvent, eventsOf, invalid, loadSystem, recordNotFound, staleVersion, todayOf, type QualityDeps, type SystemAccess, type SystemRow } from './quality.context.js';
import type { QmsReviewsTable, ReviewDecision } from './quality.tables.js';
import { assembleInputs, type ObjectiveReadings, type ReviewInputs } from './reviews.inputs.js';
import type { AssignInput, ReviewCreateInput, ReviewUpdateInput } from './reviews.schema.js';

type ReviewRow = Selectable<QmsReviewsTable>;
const STATUS_LABELS: Record<ReviewRow['status'], string> = { draft: 'Đang chuẩn bị', held: 'Đã họp' };
const ENTITY = 'review';

const reviewNotFound = () => recordNotFound('cuộc họp xem xét của lãnh đạo', 'management review');
const conflict = (code: string, vi: string, en: string) => errors.conflict(code, vi, en);
const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/**
 * Management reviews (ISO 9001 §9.3; API.md Part D). A draft shows its inputs live from the data; holding
 * it (the head) freezes them with the day they were read; its decisions are then registered as the tasks
 * of a steering notice (TB) in the directives module — before this module's transaction, since another
 * module's write cannot share it — and the notice is stored on the review.
 */
export function createReviewsService(deps: QualityDeps, readings: ObjectiveReadings) {
  const { db } = deps;

  async function loadReview(ctx: RequestContext, id: number, need: keyof SystemAccess) {
    const row = await db.selectFrom('qms_reviews').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw reviewNotFound();
    const loaded = await loadSystem(deps, ctx, row.qms_id, 'read').catch((e: unknown) => { throw e instanceof AppError && e.status === 404 ? reviewNotFound() : e; });
    if (!loaded.access[need]) throw errors.forbidden();
    return { row, ...loaded };
  }

  /** The agency and every unit under it: where a decision's owner and the chair come from. */
  async function insideAgency(system: SystemRow): Promise<Set<number>> {
    return new Set((await deps.org.subtrees([system.agency_unit_id])).get(system.agency_unit_id) ?? [system.agency_unit_id]);
  }

  async function checkChair(system: SystemRow, staffId: number | null | undefined): Promise<void> {
    if (staffId == null) return;
    const [person] = await deps.org.staffNamesByIds([staffId]);
    if (!person || !(await insideAgency(system)).has(person.unitId)) {
      throw invalid('chairStaffId', 'Người chủ trì phải là cán bộ của cơ quan áp dụng hệ thống.', 'The chair must work at the agency.');
    }
  }

  async function checkDecisions(system: SystemRow, heldOn: string, decisions: readonly ReviewDecision[] | undefined): Promise<void> {
    if (!decisions?.length) return;
    const inside = await insideAgency(system);
    const problems = decisions.flatMap((d, i) => [
      ...(inside.has(d.ownerUnitId) ? [] : [{ path: `decisions.${i}.ownerUnitId`, message: `Kết luận ${i + 1}: đơn vị thực hiện phải là cơ quan hoặc một đơn vị thuộc cơ quan.`, messageEn: `Decision ${i + 1}: the owner must be the agency or one of its units.` }]),
      ...(d.dueOn >= heldOn ? [] : [{ path: `decisions.${i}.dueOn`, message: `Kết luận ${i + 1}: hạn hoàn thành không được trước ngày họp (${vnDate(heldOn)}).`, messageEn: `Decision ${i + 1}: the due day is before the meeting.` }]),
    ]);
    if (problems.length) throw errors.validation(problems);
  }

  const yearOf = (row: ReviewRow) => (typeof row.inputs.year === 'number' ? row.inputs.year : Number(row.held_on.slice(0, 4)));

  async function inputsOf(row: ReviewRow, system: SystemRow): Promise<ReviewInputs> {
    if (row.status === 'held') return row.inputs as unknown as ReviewInputs;
    return assembleInputs(db, readings, system, yearOf(row), todayOf(deps));
  }

  async function tasksOf(ctx: RequestContext, documentId: number | null) {
    if (documentId === null || !deps.feeds.directives) return null;
    // Someone who reads the QMS but not the steering document sees that it exists, not its tasks.
    return deps.feeds.directives.tasksOf(ctx, documentId).catch((e: unknown) => { if (e instanceof AppError && e.status === 404) return null; throw e; });
  }

  async function detail(ctx: RequestContext, id: number) {
    const { row, system, access } = await loadReview(ctx, id, 'read');
    const units = new Map((await deps.org.allUnits()).map((u) => [u.id, u.name]));
    const chair = row.chair_staff_id === null ? undefined : (await deps.org.staffNamesByIds([row.chair_staff_id]))[0];
    const assignable = row.status === 'held' && row.decisions.length > 0 && row.directive_document_id === null && !!deps.feeds.directives;
    return {
      id: row.id, qmsId: row.qms_id, heldOn: row.held_on, status: row.status, statusLabel: STATUS_LABELS[row.status],
      chairStaffId: row.chair_staff_id, chairName: chair?.fullName ?? null, attendees: row.attendees, minutes: row.minutes,
      decisions: row.decisions.map((d) => ({ ...d, ownerUnitName: units.get(d.ownerUnitId) ?? null })),
      inputs: await inputsOf(row, system),
      directiveDocumentId: row.directive_document_id,
      tasks: await tasksOf(ctx, row.directive_document_id),
      version: row.version,
      may: { edit: access.manage && row.status === 'draft', hold: access.approve && row.status === 'draft', assign: access.approve && assignable },
      history: await eventsOf(db, ENTITY, row.id),
    };
  }

  async function list(ctx: RequestContext, qmsId: number) {
    const { system } = await loadSystem(deps, ctx, qmsId, 'read');
    const rows = await db.selectFrom('qms_reviews').selectAll().where('qms_id', '=', system.id).orderBy('held_on', 'desc').orderBy('id', 'desc').execute();
    const chairs = new Map((await deps.org.staffNamesByIds([...new Set(rows.flatMap((r) => (r.chair_staff_id === null ? [] : [r.chair_staff_id])))])).map((s) => [s.id, s.fullName]));
    return {
      items: rows.map((r) => ({
        id: r.id, heldOn: r.held_on, status: r.status, statusLabel: STATUS_LABELS[r.status],
        chairName: r.chair_staff_id === null ? null : chairs.get(r.chair_staff_id) ?? null, decisions: r.decisions.length, directiveDocumentId: r.directive_document_id,
      })),
    };
  }

  async function create(ctx: RequestContext, qmsId: number, input: ReviewCreateInput) {
    const { system } = await loadSystem(deps, ctx, qmsId, 'manage');
    await checkChair(system, input.chairStaffId);
    const year = input.year ?? Number(input.heldOn.slice(0, 4));
    const at = deps.now();
    const id = await inTransaction(db, async (trx) => {
      const row = await trx.insertInto('qms_reviews').values({
        qms_id: system.id, held_on: input.heldOn, chair_staff_id: input.chairStaffId ?? null, attendees: input.attendees ?? '',
        // Only the year is kept while a draft: its inputs are read live until the meeting is held.
        inputs: JSON.stringify({ year }), decisions: '[]',
      }).returning('id').executeTakeFirstOrThrow();
      const details = { heldOn: input.heldOn, year, chairStaffId: input.chairStaffId ?? null };
      await addEvent(trx, ctx, at, { qmsId: system.id, record: ENTITY, entityId: row.id, action: 'created', details });
      await recordAudit(trx, ctx, { action: 'quality.review_created', entity: 'qms_review', entityId: row.id, unitId: system.agency_unit_id, after: details });
      return row.id;
    });
    return detail(ctx, id);
  }

  async function update(ctx: RequestContext, id: number, input: ReviewUpdateInput) {
    const { row, system } = await loadReview(ctx, id, 'manage');
    if (input.version !== row.version) throw staleVersion();
    if (row.status !== 'draft') throw conflict('QMS_REVIEW_HELD', 'Cuộc họp đã được tổ chức: biên bản và kết luận không sửa được nữa.', 'The review was held; it can no longer be edited.');
    await checkChair(system, input.chairStaffId);
    await checkDecisions(system, row.held_on, input.decisions);
    const values: Updateable<QmsReviewsTable> = {};
    if (input.attendees !== undefined) values.attendees = input.attendees;
    if (input.minutes !== undefined) values.minutes = input.minutes;
    if (input.decisions !== undefined) values.decisions = JSON.stringify(input.decisions);
    if (input.chairStaffId !== undefined) values.chair_staff_id = input.chairStaffId;
    const changed = Object.keys(input).filter((k) => k !== 'version');
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const res = await trx.updateTable('qms_reviews').set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
      const details = { changed, decisions: input.decisions?.length };
      await addEvent(trx, ctx, at, { qmsId: row.qms_id, record: ENTITY, entityId: id, action: 'updated', details });
      await recordAudit(trx, ctx, { action: 'quality.review_updated', entity: 'qms_review', entityId: id, unitId: system.agency_unit_id, after: details });
    });
    return detail(ctx, id);
  }

  async function hold(ctx: RequestContext, id: number, version: number) {
    const { row, system } = await loadReview(ctx, id, 'approve');
    if (version !== row.version) throw staleVersion();
    if (row.status !== 'draft') throw conflict('QMS_REVIEW_HELD', 'Cuộc họp đã được tổ chức.', 'The review was already held.');
    const today = todayOf(deps);
    if (today < row.held_on) throw conflict('QMS_REVIEW_NOT_DUE', `Cuộc họp dự kiến ngày ${vnDate(row.held_on)}: chưa đến ngày họp.`, 'The meeting day has not come yet.');
    // §9.3.2: what the leadership reviewed is what the data said that day, kept as it was.
    const inputs: ReviewInputs = { ...(await assembleInputs(db, readings, system, yearOf(row), today)), frozen: true };
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const res = await trx.updateTable('qms_reviews').set((eb) => ({ status: 'held' as const, inputs: JSON.stringify(inputs), version: eb('version', '+', 1) }))
        .where('id', '=', id).where('version', '=', version).where('status', '=', 'draft').executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
      const details = { asOf: inputs.asOf, year: inputs.year, objectives: inputs.objectives.length, audits: inputs.audits.length, openNonconformities: inputs.nonconformities.open };
      await addEvent(trx, ctx, at, { qmsId: row.qms_id, record: ENTITY, entityId: id, action: 'held', details });
      await recordAudit(trx, ctx, { action: 'quality.review_held', entity: 'qms_review', entityId: id, unitId: system.agency_unit_id, after: details });
    });
    return detail(ctx, id);
  }

  async function assign(ctx: RequestContext, id: number, input: AssignInput) {
    const { row, system } = await loadReview(ctx, id, 'approve');
    if (input.version !== row.version) throw staleVersion();
    if (row.status !== 'held') throw conflict('QMS_REVIEW_NOT_HELD', 'Chỉ giao nhiệm vụ sau khi cuộc họp đã được tổ chức.', 'Decisions are assigned once the review is held.');
    if (row.directive_document_id !== null) throw conflict('QMS_REVIEW_ASSIGNED', 'Các kết luận của cuộc họp đã được giao thành nhiệm vụ.', 'The decisions were already assigned.');
    if (row.decisions.length === 0) throw conflict('QMS_REVIEW_NO_DECISIONS', 'Cuộc họp chưa có kết luận nào để giao nhiệm vụ.', 'The review has no decisions to assign.');
    const directives = deps.feeds.directives;
    if (!directives) throw conflict('QMS_DIRECTIVES_UNAVAILABLE', 'Chưa kết nối được phân hệ văn bản chỉ đạo để giao nhiệm vụ.', 'The directives module is not available.');
    const agency = (await deps.org.allUnits()).find((u) => u.id === system.agency_unit_id);
    const chair = row.chair_staff_id === null ? undefined : (await deps.org.staffNamesByIds([row.chair_staff_id]))[0];
    // Registered first: the notice is another module's write, in its own transaction.
    const { documentId } = await directives.registerDecisions(ctx, {
      ownerUnitId: system.agency_unit_id, number: input.number, issuer: agency?.name ?? '', signer: chair?.fullName ?? null, signedOn: todayOf(deps),
      subject: `Kết luận của lãnh đạo tại cuộc họp xem xét hệ thống quản lý chất lượng ngày ${vnDate(row.held_on)}`,
      tasks: row.decisions.map((d) => ({ title: d.text, leadUnitId: d.ownerUnitId, dueOn: d.dueOn })),
    });
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const res = await trx.updateTable('qms_reviews').set((eb) => ({ directive_document_id: documentId, version: eb('version', '+', 1) }))
        .where('id', '=', id).where('version', '=', input.version).where('directive_document_id', 'is', null).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
      const details = { number: input.number, directiveDocumentId: documentId, tasks: row.decisions.length };
      await addEvent(trx, ctx, at, { qmsId: row.qms_id, record: ENTITY, entityId: id, action: 'assigned', details });
      await recordAudit(trx, ctx, { action: 'quality.review_assigned', entity: 'qms_review', entityId: id, unitId: system.agency_unit_id, after: details });
    });
    return detail(ctx, id);
  }

  return { list, create, detail, update, hold, assign };
}
export type ReviewsService = ReturnType<typeof createReviewsService>;
