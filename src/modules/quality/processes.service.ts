import type { Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { documentsOfSystem, documentSync, findProcess, processesOfSystem, versionsOf, currentAndDraft, type ProcessRow } from './documents.queries.js';
import { catalogReader, type CatalogReader } from './documents.sync.js';
import type { ProcessCreateInput, ProcessUpdateInput } from './processes.schema.js';
import { PROCESS_KIND_LABELS } from './processes.schema.js';
import { addEvent, invalid, loadSystem, recordNotFound, staleVersion, todayOf, type QualityDeps, type SystemAccess, type SystemRow } from './quality.context.js';
import type { QmsProcessesTable } from './quality.tables.js';

const processNotFound = () => recordNotFound('quy trình', 'process');
const codeTaken = () => errors.conflict('QMS_PROCESS_CODE_TAKEN', 'Mã quy trình này đã có trong hệ thống quản lý chất lượng.', 'The process code is already used in this QMS.');

/** A record of a QMS the caller may not read answers as if it did not exist: a process, not "the QMS", is what is missing. */
export async function loadThrough(deps: QualityDeps, ctx: RequestContext, qmsId: number, need: keyof SystemAccess, notFound: () => AppError) {
  try {
    return await loadSystem(deps, ctx, qmsId, need);
  } catch (e) {
    throw e instanceof AppError && e.status === 404 ? notFound() : e;
  }
}

/**
 * The QMS's processes (issue 20, API.md part B; ISO 9001 §4.4): each with its owner unit, and for an
 * administrative procedure the link to the catalogue's internal process by code. The catalogue is
 * read only through `deps.feeds.catalog`, before any transaction.
 */
export function createProcessesService(deps: QualityDeps) {
  const { db } = deps;

  /** The owner must work inside the agency (its subtree). */
  async function checkOwner(system: SystemRow, ownerUnitId: number | null | undefined) {
    if (ownerUnitId == null) return;
    const inside = (await deps.org.subtrees([system.agency_unit_id])).get(system.agency_unit_id) ?? [];
    if (!inside.includes(ownerUnitId)) throw invalid('ownerUnitId', 'Đơn vị chủ trì phải là cơ quan hoặc một đơn vị thuộc cơ quan áp dụng hệ thống.', 'The owner unit must be the agency or one of its units.');
  }

  async function views(rows: ProcessRow[], qmsId: number, reader: CatalogReader) {
    const units = new Map((await deps.org.allUnits()).map((u) => [u.id, u.name]));
    const documents = (await documentsOfSystem(db, qmsId)).filter((d) => d.kind === 'process' && d.process_id !== null);
    const versions = await versionsOf(db, documents.map((d) => d.id));
    const out = [];
    for (const r of rows) {
      const doc = documents.find((d) => d.process_id === r.id);
      const inForce = r.catalog_procedure_code ? await reader.inForce(r.catalog_procedure_code) : null;
      let document = null;
      if (doc) {
        const vs = versions.get(doc.id) ?? [];
        const { current, draft } = currentAndDraft(vs);
        document = { id: doc.id, code: doc.code, issueNo: (current ?? draft)?.issue_no ?? null, sync: await documentSync(reader, r, vs) };
      }
      out.push({
        id: r.id, code: r.code, name: r.name, kind: r.kind, kindLabel: PROCESS_KIND_LABELS[r.kind],
        ownerUnitId: r.owner_unit_id, ownerUnitName: r.owner_unit_id === null ? null : units.get(r.owner_unit_id) ?? null,
        catalogProcedureCode: r.catalog_procedure_code, caseCode: r.case_code, procedureName: inForce?.name ?? null,
        active: r.active, version: r.version, document,
      });
    }
    return out;
  }

  async function list(ctx: RequestContext, qmsId: number) {
    await loadSystem(deps, ctx, qmsId, 'read');
    return { items: await views(await processesOfSystem(db, qmsId), qmsId, catalogReader(deps)) };
  }

  async function one(row: ProcessRow) {
    return (await views([row], row.qms_id, catalogReader(deps)))[0]!;
  }

  async function create(ctx: RequestContext, qmsId: number, input: ProcessCreateInput) {
    const { system } = await loadSystem(deps, ctx, qmsId, 'manage');
    await checkOwner(system, input.ownerUnitId);
    if (input.catalogProcedureCode) {
      const inForce = await deps.feeds.catalog.inForce(input.catalogProcedureCode, todayOf(deps));
      if (!inForce) throw invalid('catalogProcedureCode', `Danh mục thủ tục hành chính không có thủ tục mã ${input.catalogProcedureCode} đang có hiệu lực.`, 'No procedure with this code is in force in the catalogue.');
      const cases = inForce.content.cases ?? [];
      if (input.caseCode && !cases.some((c) => c.code === input.caseCode)) {
        throw invalid('caseCode', `Thủ tục ${input.catalogProcedureCode} không có trường hợp mã "${input.caseCode}".`, 'The procedure has no such case.');
      }
    }
    const taken = await db.selectFrom('qms_processes').select('id').where('qms_id', '=', qmsId).where('code', '=', input.code).executeTakeFirst();
    if (taken) throw codeTaken();
    const at = deps.now();
    const values = {
      qms_id: qmsId, code: input.code, name: input.name, kind: input.kind, owner_unit_id: input.ownerUnitId ?? null,
      catalog_procedure_code: input.catalogProcedureCode ?? null, case_code: input.caseCode ?? null,
    };
    const id = await inTransaction(db, async (trx) => {
      const row = await trx.insertInto('qms_processes').values(values).returning('id').executeTakeFirstOrThrow()
        .catch((e) => { throw isUniqueViolation(e) ? codeTaken() : e; });
      const details = { code: values.code, name: values.name, kind: values.kind, ownerUnitId: values.owner_unit_id, catalogProcedureCode: values.catalog_procedure_code, caseCode: values.case_code };
      await addEvent(trx, ctx, at, { qmsId, record: 'process', entityId: row.id, action: 'created', details });
      await recordAudit(trx, ctx, { action: 'quality.process_created', entity: 'qms_process', entityId: row.id, unitId: system.agency_unit_id, after: details });
      return row.id;
    });
    return one((await findProcess(db, id))!);
  }

  async function update(ctx: RequestContext, id: number, input: ProcessUpdateInput) {
    const row = await findProcess(db, id);
    if (!row) throw processNotFound();
    const { system } = await loadThrough(deps, ctx, row.qms_id, 'manage', processNotFound);
    if (input.version !== row.version) throw staleVersion();
    await checkOwner(system, input.ownerUnitId);
    const values: Updateable<QmsProcessesTable> = {};
    if (input.name !== undefined) values.name = input.name;
    if (input.ownerUnitId !== undefined) values.owner_unit_id = input.ownerUnitId;
    if (input.active !== undefined) values.active = input.active;
    const before = { name: row.name, ownerUnitId: row.owner_unit_id, active: row.active };
    const after = { ...before, ...(input.name !== undefined ? { name: input.name } : {}), ...(input.ownerUnitId !== undefined ? { ownerUnitId: input.ownerUnitId } : {}), ...(input.active !== undefined ? { active: input.active } : {}) };
    const at = deps.now();
    await inTransaction(db, async (trx) => {
      const done = await trx.updateTable('qms_processes').set({ ...values, version: row.version + 1 })
        .where('id', '=', id).where('version', '=', input.version).returning('id').executeTakeFirst();
      if (!done) throw staleVersion();
      await addEvent(trx, ctx, at, { qmsId: row.qms_id, record: 'process', entityId: id, action: 'updated', details: { before, after } });
      await recordAudit(trx, ctx, { action: 'quality.process_updated', entity: 'qms_process', entityId: id, unitId: system.agency_unit_id, before, after });
    });
    return one((await findProcess(db, id))!);
  }

  return { list, create, update };
}
export type ProcessesService = ReturnType<typeof createProcessesService>;
