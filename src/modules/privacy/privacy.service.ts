import { sql } from 'kysely';
import { can, hasAnywhere, hasProvinceWide, reachable, requireActor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { DataProtection } from '../../platform/crypto/data-protection.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import type { FileStore } from '../../platform/files/file-store.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { systemContext, type RequestContext } from '../../platform/http/context.js';
import { normaliseIdNumber } from '../dossiers/personal-data.js';
import * as repo from './privacy.repository.js';
import type { SubjectDossiersPort, WorkingDaysPort } from './ports.js';
import { KIND_LABELS, nextStatus, overdue, STATUS_LABELS } from './rules/requests.js';
import { isIdentityDocument, retentionCutoff } from './rules/retention.js';
import type { CreateRequestInput, RecordType, RequestActionInput, RequestKind, RequestStatus, RetentionInput } from './schema.js';

export type PrivacyServiceDeps = {
  db: Db; keys: DataProtection; files: FileStore; workingDays: WorkingDaysPort; dossiers: SubjectDossiersPort; now?: () => Date;
};
export type PrivacyService = ReturnType<typeof createPrivacyService>;

const requestNotFound = () => errors.notFound('yêu cầu về dữ liệu cá nhân', 'Data-subject request', 'PRIVACY_REQUEST_NOT_FOUND');

export type RetentionReport = {
  recordType: RecordType; labelVi: string; labelEn: string; months: number; cutoff: string;
  pastRetention: number; examples: string[]; erased: number; action: 'list' | 'erase_file_content';
};

/**
 * Personal data as the law treats it (Personal Data Protection Law 2025, Decree 356/2025): requests
 * of data subjects with their time limits, the subject's export, and retention periods per kind of
 * record. Every change is one transaction with its audit row.
 */
export function createPrivacyService(d: PrivacyServiceDeps) {
  const deps = { ...d, now: d.now ?? (() => new Date()) };

  function present(r: repo.RequestRow) {
    const status = r.status as RequestStatus;
    const kind = r.kind as RequestKind;
    return {
      id: Number(r.id), kind, kindName: KIND_LABELS[kind].vi, kindNameEn: KIND_LABELS[kind].en,
      idNumber: deps.keys.openText(r.id_number_sealed), requesterName: r.requester_name, channel: r.channel, details: r.details,
      unitId: r.unit_id, receivedAt: r.received_at.toISOString(), acknowledgeDueAt: r.acknowledge_due_at.toISOString(), resolveDueAt: r.resolve_due_at.toISOString(),
      status, statusName: STATUS_LABELS[status].vi, statusNameEn: STATUS_LABELS[status].en,
      acknowledgedAt: r.acknowledged_at?.toISOString() ?? null, resolvedAt: r.resolved_at?.toISOString() ?? null, outcome: r.outcome,
      overdue: overdue({ status, acknowledgeDueAt: r.acknowledge_due_at, resolveDueAt: r.resolve_due_at, acknowledgedAt: r.acknowledged_at, resolvedAt: r.resolved_at }, deps.now()),
      version: r.version,
    };
  }

  async function loadVisible(ctx: RequestContext, id: number) {
    const actor = requireActor(ctx.actor);
    const row = await repo.findRequest(deps.db, id);
    if (!row || !can(actor, 'privacy.manage', row.unit_id)) throw requestNotFound();
    return row;
  }

  return {
    /** A request received at the desk or by letter: its two due dates come from the province calendar. */
    async create(ctx: RequestContext, input: CreateRequestInput) {
      const actor = requireActor(ctx.actor);
      if (!can(actor, 'privacy.manage', actor.unitId)) throw errors.forbidden();
      const now = deps.now();
      const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
      if (receivedAt > now) throw errors.validation([{ path: 'receivedAt', message: 'Thời điểm nhận không được ở tương lai.', messageEn: 'The time received cannot be in the future.' }]);
      const limit = (await repo.limits(deps.db)).find((l) => l.kind === input.kind);
      if (!limit) throw new AppError('PRIVACY_LIMIT_MISSING', 422, 'Chưa cấu hình thời hạn cho loại yêu cầu này.', 'No time limit is configured for this kind of request.');
      const acknowledgeDueAt = await deps.workingDays.addWorkingDays(receivedAt, limit.acknowledge_working_days);
      const resolveDueAt = await deps.workingDays.addWorkingDays(receivedAt, limit.resolve_working_days);
      const row = await inTransaction(deps.db, async (trx) => {
        const inserted = await trx.insertInto('privacy_requests').values({
          kind: input.kind, id_number_sealed: deps.keys.sealText(input.idNumber), id_number_index: deps.keys.blindIndex(normaliseIdNumber(input.idNumber)),
          requester_name: input.requesterName, channel: input.channel, details: input.details ?? null, unit_id: actor.unitId,
          received_at: receivedAt, acknowledge_due_at: acknowledgeDueAt, resolve_due_at: resolveDueAt, status: 'received', recorded_by: actor.staffId,
        }).returningAll().executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, {
          action: 'privacy.request_received', entity: 'privacy_request', entityId: inserted.id, unitId: actor.unitId,
          after: { kind: input.kind, channel: input.channel, acknowledgeDueAt: acknowledgeDueAt.toISOString(), resolveDueAt: resolveDueAt.toISOString() },
        });
        return inserted;
      });
      return present(row);
    },

    async list(ctx: RequestContext, q: { status?: RequestStatus; overdue?: 'true' | 'false'; limit: number }) {
      const actor = requireActor(ctx.actor);
      if (!hasAnywhere(actor, 'privacy.manage')) throw errors.forbidden();
      const rows = await repo.listRequests(deps.db, reachable(actor, 'privacy.manage'), { status: q.status, overdueAt: q.overdue === 'true' ? deps.now() : undefined, limit: q.limit });
      return { items: rows.map(present) };
    },

    async get(ctx: RequestContext, id: number) {
      return present(await loadVisible(ctx, id));
    },

    /** acknowledge → (complete | refuse with a reason), under the version the caller saw. */
    async act(ctx: RequestContext, id: number, input: RequestActionInput) {
      await loadVisible(ctx, id);
      const now = deps.now();
      const row = await inTransaction(deps.db, async (trx) => {
        const cur = (await repo.findRequest(trx, id, true))!;
        if (cur.version !== input.version) throw new AppError('STALE_VERSION', 409, 'Yêu cầu vừa được người khác cập nhật; tải lại để xem.', 'The request was changed by someone else; reload it.');
        const next = nextStatus(cur.status as RequestStatus, input.action);
        if (!next) throw new AppError('PRIVACY_REQUEST_CLOSED', 409, `Yêu cầu đang ở trạng thái "${STATUS_LABELS[cur.status as RequestStatus].vi}", không thực hiện được thao tác này.`, 'The request is not in a state that allows this.');
        const updated = await trx.updateTable('privacy_requests').set({
          status: next,
          acknowledged_at: cur.acknowledged_at ?? now,
          resolved_at: next === 'done' || next === 'refused' ? now : null,
          outcome: input.action === 'acknowledge' ? cur.outcome : input.outcome,
          version: cur.version + 1,
        }).where('id', '=', cur.id).returningAll().executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, {
          action: input.action === 'acknowledge' ? 'privacy.request_acknowledged' : input.action === 'complete' ? 'privacy.request_done' : 'privacy.request_refused',
          entity: 'privacy_request', entityId: cur.id, unitId: cur.unit_id, before: { status: cur.status }, after: { status: next, ...(input.action !== 'acknowledge' ? { outcome: input.outcome } : {}) },
        });
        return updated;
      });
      return present(row);
    },

    /**
     * "Download my data" (Law 2025 art. 4): every dossier of the person, ID numbers in clear, as one
     * JSON document handed to them. Only for an access request not refused; audited.
     */
    async exportData(ctx: RequestContext, id: number) {
      const row = await loadVisible(ctx, id);
      if (row.kind !== 'access' || row.status === 'refused') {
        throw new AppError('PRIVACY_EXPORT_NOT_ALLOWED', 409, 'Chỉ xuất dữ liệu cho yêu cầu xem, nhận bản sao dữ liệu chưa bị từ chối.', 'Data is exported only for an access request that was not refused.');
      }
      const idNumber = deps.keys.openText(row.id_number_sealed);
      // Only the dossiers the person preparing the export may read: a commune's desk answers for the
      // commune's dossiers; the province (a grant at its root) answers for all of them.
      const dossiers = await deps.dossiers.exportForSubject(ctx, idNumber);
      await inTransaction(deps.db, (trx) => recordAudit(trx, ctx, {
        action: 'privacy.data_exported', entity: 'privacy_request', entityId: row.id, unitId: row.unit_id, after: { dossiers: dossiers.length },
      }));
      const complete = hasProvinceWide(requireActor(ctx.actor), 'dossier.read');
      return {
        generatedAt: deps.now().toISOString(), request: present(row), subject: { idNumber, name: row.requester_name }, dossiers,
        scope: complete
          ? { complete: true, vi: 'Toàn bộ hồ sơ của người này trên hệ thống.', en: 'Every dossier of this person in the system.' }
          : { complete: false, vi: 'Chỉ gồm hồ sơ thuộc phạm vi đơn vị của người lập bản xuất; hồ sơ ở đơn vị khác do đơn vị đó hoặc cấp tỉnh cung cấp.', en: "Only the dossiers within the exporting officer's units; others are provided by their units or the province." },
      };
    },

    async timeLimits(ctx: RequestContext) {
      requireActor(ctx.actor);
      return (await repo.limits(deps.db)).map((l) => ({ kind: l.kind, kindName: KIND_LABELS[l.kind as RequestKind].vi, acknowledgeWorkingDays: l.acknowledge_working_days, resolveWorkingDays: l.resolve_working_days, basis: l.basis }));
    },

    async setTimeLimit(ctx: RequestContext, kind: RequestKind, input: { acknowledgeWorkingDays: number; resolveWorkingDays: number; basis: string }) {
      const actor = requireActor(ctx.actor);
      // The province's time limits, tied to no unit: a grant at a commune does not reach them.
      if (!hasProvinceWide(actor, 'org.manage')) throw errors.forbidden();
      if (input.resolveWorkingDays < input.acknowledgeWorkingDays) {
        throw errors.validation([{ path: 'resolveWorkingDays', message: 'Thời hạn giải quyết không được ngắn hơn thời hạn xác nhận.', messageEn: 'The settlement period cannot be shorter than the acknowledgement period.' }]);
      }
      await inTransaction(deps.db, async (trx) => {
        const before = await trx.selectFrom('privacy_request_limits').selectAll().where('kind', '=', kind).executeTakeFirst();
        await trx.updateTable('privacy_request_limits').set({ acknowledge_working_days: input.acknowledgeWorkingDays, resolve_working_days: input.resolveWorkingDays, basis: input.basis }).where('kind', '=', kind).execute();
        await recordAudit(trx, ctx, { action: 'privacy.limit_updated', entity: 'privacy_request_limit', entityId: kind, before, after: input });
      });
      return (await this.timeLimits(ctx)).find((l) => l.kind === kind)!;
    },

    async retentionPeriods(ctx: RequestContext) {
      const actor = requireActor(ctx.actor);
      if (!hasAnywhere(actor, 'privacy.manage') && !hasAnywhere(actor, 'org.manage')) throw errors.forbidden();
      return (await repo.retentionPeriods(deps.db)).map(presentRetention);
    },

    /** An administrator sets how long a kind of record is kept (DOMAIN §10.2: configurable per type). */
    async setRetention(ctx: RequestContext, recordType: RecordType, input: RetentionInput) {
      const actor = requireActor(ctx.actor);
      if (!hasProvinceWide(actor, 'org.manage')) throw errors.forbidden();
      const row = await inTransaction(deps.db, async (trx) => {
        const before = await trx.selectFrom('retention_periods').selectAll().where('record_type', '=', recordType).executeTakeFirst();
        if (!before) throw errors.notFound('thời hạn lưu trữ', 'Retention period', 'RETENTION_NOT_FOUND');
        const updated = await trx.updateTable('retention_periods').set({
          months: input.months, basis: input.basis, document_name_pattern: recordType === 'identity_document_image' ? input.documentNamePattern : null,
          updated_at: deps.now(), updated_by: actor.staffId,
        }).where('record_type', '=', recordType).returningAll().executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, { action: 'privacy.retention_updated', entity: 'retention_period', entityId: recordType, before: { months: before.months, basis: before.basis }, after: { months: input.months, basis: input.basis } });
        return updated;
      });
      return presentRetention(row);
    },

    /** Loads the retention periods of a province (demo/privacy/retention-periods.json) into an empty table. */
    async seedRetention(periods: { recordType: RecordType; labelVi: string; labelEn: string; months: number; basis?: string; documentNamePattern?: string }[]) {
      if (!periods.length) return;
      await deps.db.insertInto('retention_periods').values(periods.map((p) => ({
        record_type: p.recordType, label_vi: p.labelVi, label_en: p.labelEn, months: p.months, basis: p.basis ?? null, document_name_pattern: p.documentNamePattern ?? null,
      }))).onConflict((oc) => oc.column('record_type').doNothing()).execute();
    },

    /**
     * What is past its retention period. Dossiers, requests and audit events are only listed — a
     * person decides, under the Law on Archives, what is destroyed. Scans of identity documents of
     * dossiers closed before the cut-off have their content erased unless `dryRun` (the reference
     * stays in the dossier; `retention_erasures` and the audit log record the erasure).
     */
    async retention(opts: { dryRun: boolean }): Promise<RetentionReport[]> {
      const now = deps.now();
      const out: RetentionReport[] = [];
      for (const p of await repo.retentionPeriods(deps.db)) {
        const cutoff = retentionCutoff(now, p.months);
        const type = p.record_type as RecordType;
        const report: RetentionReport = {
          recordType: type, labelVi: p.label_vi, labelEn: p.label_en, months: p.months, cutoff: cutoff.toISOString(), pastRetention: 0, examples: [], erased: 0,
          action: type === 'identity_document_image' ? 'erase_file_content' : 'list',
        };
        if (type === 'dossier' || type === 'identity_document_image') {
          let after = '0';
          for (;;) {
            const page = await deps.dossiers.closedBefore(cutoff, after, 500);
            if (!page.length) break;
            after = page[page.length - 1]!.id;
            if (type === 'dossier') {
              report.pastRetention += page.length;
              for (const dz of page) if (report.examples.length < 20) report.examples.push(dz.code);
              continue;
            }
            const byKey = new Map<string, string[]>();
            for (const dz of page) for (const doc of dz.documents) {
              if (doc.fileKey && isIdentityDocument(doc.name, p.document_name_pattern)) byKey.set(doc.fileKey, [...(byKey.get(doc.fileKey) ?? []), dz.code]);
            }
            const keys = [...byKey.keys()];
            const inUse = await deps.dossiers.fileKeysInUseSince(cutoff, keys);
            const erased = await repo.erasedKeys(deps.db, keys);
            for (const key of keys.filter((k) => !inUse.has(k) && !erased.has(k))) {
              report.pastRetention++;
              if (report.examples.length < 20) report.examples.push(`${byKey.get(key)![0]}: ${key.slice(0, 12)}…`);
              if (opts.dryRun) continue;
              await deps.files.erase(key);
              await inTransaction(deps.db, async (trx) => {
                await repo.recordErasure(trx, key, type, byKey.get(key)!);
                await recordAudit(trx, systemContext('retention'), { action: 'privacy.file_erased', entity: 'file', entityId: key, after: { dossiers: byKey.get(key), recordType: type, months: p.months } });
              });
              report.erased++;
            }
          }
        } else if (type === 'privacy_request') {
          const r = await deps.db.selectFrom('privacy_requests').select((eb) => eb.fn.countAll<string>().as('n')).where('status', 'in', ['done', 'refused']).where('resolved_at', '<', cutoff).executeTakeFirstOrThrow();
          report.pastRetention = Number(r.n);
        } else {
          // The audit log belongs to the platform; counted here (a read model), never deleted by the application.
          const r = await sql<{ n: string }>`select count(*) as n from audit_events where at < ${cutoff}`.execute(deps.db);
          report.pastRetention = Number(r.rows[0]?.n ?? 0);
        }
        out.push(report);
      }
      return out;
    },

    /** Seals request ID numbers not sealed under the current key (key rotation). */
    async resealRequests(): Promise<number> {
      const rows = await deps.db.selectFrom('privacy_requests').select(['id', 'id_number_sealed'])
        .where('id_number_sealed', 'not like', `enc1:${deps.keys.currentKeyId}:%`).execute();
      await inTransaction(deps.db, async (trx) => {
        for (const r of rows) {
          const plain = deps.keys.openText(r.id_number_sealed);
          await trx.updateTable('privacy_requests').set({ id_number_sealed: deps.keys.sealText(plain), id_number_index: deps.keys.blindIndex(normaliseIdNumber(plain)) }).where('id', '=', r.id).execute();
        }
      });
      return rows.length;
    },
  };
}

function presentRetention(r: repo.RetentionRow) {
  return { recordType: r.record_type, labelVi: r.label_vi, labelEn: r.label_en, months: r.months, basis: r.basis, documentNamePattern: r.document_name_pattern, updatedAt: r.updated_at.toISOString() };
}
