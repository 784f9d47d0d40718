import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hasAnywhere, hasProvinceWide, requireActor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { categoryNotFound, feedbackNotFound, field, notConfigured } from './feedback.errors.js';
import { createHandling } from './feedback.handling.js';
import { createFeedbackReminders } from './feedback.reminders.js';
import * as repo from './feedback.repository.js';
import { publicStatusView, publishedView } from './feedback.views.js';
import type { CitizenFilesPort, CitizensPort, DeadlinesPort, FilesPort, OrgPort, RecipientsPort, UploadCheck } from './ports.js';
import { formatFeedbackCode, makeSecret, vnDayKey } from './rules/code.js';
import { answeredOnTime, deadlineDays } from './rules/deadline.js';
import { isOverdue } from './rules/status.js';
import type { About, Category, CategoryInput, CitizenSubmitInput, FeedbackChannel, PublishedQuery, SettingsInput, StaffSubmitInput, SubmitInput, Submitter } from './schema.js';

export type FeedbackDeps = {
  db: Db; now: () => Date; org: OrgPort; deadlines: DeadlinesPort; citizens: CitizensPort; citizenFiles: CitizenFilesPort;
  files: FilesPort; checkUpload: UploadCheck; recipients: RecipientsPort;
};

export type Receipt = { code: string; secret: string; status: string; receivedAt: string; dueAt: string | null };
type NewItem = { categoryCode: string; about: About; title: string; content: string; consentToPublish: boolean; submitter: Submitter };
type Attachment = { key: string; name: string; type: string; size: number };

const DAY = 86_400_000;
/** Start of a YYYY-MM-DD day in Hà Nội. */
const vnStart = (d: string) => new Date(`${d}T00:00:00+07:00`);

/** Feedback (PAKN, issue 12): receipt, public lookup and publication here; handling in feedback.handling.ts. */
export function createFeedbackService(deps: FeedbackDeps) {
  const { db, now } = deps;

  async function dueFor(receivedAt: Date, category: Category, coordination: boolean): Promise<Date> {
    const calc = await deps.deadlines.calculator();
    return calc.due(receivedAt, { amount: deadlineDays(category, coordination), unit: 'working_days' });
  }

  async function unitName(id: number | null): Promise<string | null> {
    if (id == null) return null;
    return (await deps.org.unitNames([id])).get(id) ?? null;
  }

  /**
   * Receipt, whatever the channel. Who handles it: the unit named in `about`, else the official's
   * unit (their head answers for their conduct), else `defaultUnit` (the desk that recorded it), else
   * the configured receiving unit. Read everything first, then one transaction.
   */
  async function receive(ctx: RequestContext, input: NewItem, channel: FeedbackChannel, extra: { appName?: string | null; citizenId?: number | null; defaultUnitId?: number | null; attachments?: Attachment[] }): Promise<Receipt> {
    const category = await repo.findCategory(db, input.categoryCode);
    if (!category || !category.active) throw field('categoryCode', 'Loại phản ánh, kiến nghị không tồn tại hoặc đã ngừng sử dụng.', 'Unknown or inactive category.');
    let official: Awaited<ReturnType<OrgPort['findPublicStaff']>>;
    if (input.about.staffPublicId) {
      official = await deps.org.findPublicStaff(input.about.staffPublicId);
      if (!official) throw field('about.staffPublicId', 'Không tìm thấy cán bộ theo mã trên thẻ.', 'No official has this public id.');
    }
    if (input.about.unitId && !(await unitName(input.about.unitId))) throw field('about.unitId', 'Đơn vị không tồn tại.', 'Unknown unit.');
    const conduct = input.about.kind === 'official' || category.conduct;
    const unitId = input.about.unitId ?? official?.unitId ?? extra.defaultUnitId ?? await repo.setting(db, 'receiving_unit_id');
    if (!unitId) throw notConfigured();
    const receivedAt = now();
    const dueAt = await dueFor(receivedAt, category, false);
    const secret = makeSecret((n) => randomBytes(n));
    const actorName = ctx.actor ? ctx.actor.fullName : input.submitter.name;
    return inTransaction(db, async (trx) => {
      const code = formatFeedbackCode(receivedAt, await repo.nextSequence(trx, vnDayKey(receivedAt)));
      const row = await trx.insertInto('feedback_items').values({
        code, secret, category_code: category.code, about: JSON.stringify(input.about), title: input.title, content: input.content,
        submitter: JSON.stringify(input.submitter), consent_to_publish: input.consentToPublish, channel, app_name: extra.appName ?? null,
        citizen_id: extra.citizenId ?? null, status: 'received', unit_id: unitId, conduct,
        conduct_unit_id: conduct ? official?.unitId ?? input.about.unitId ?? null : null, about_staff_id: official?.id ?? null,
        received_at: receivedAt, due_at: dueAt,
      }).returning(['id']).executeTakeFirstOrThrow();
      for (const a of extra.attachments ?? []) {
        await trx.insertInto('feedback_attachments').values({ feedback_id: row.id, file_key: a.key, name: a.name, type: a.type, size: a.size, added_at: receivedAt })
          .onConflict((oc) => oc.constraint('feedback_attachments_once').doNothing()).execute();
      }
      await repo.addEvent(trx, { feedbackId: row.id, at: receivedAt, action: 'received', actorStaffId: ctx.actor?.staffId ?? null, actorName, unitId, details: { channel, appName: extra.appName ?? null } });
      await recordAudit(trx, ctx, { action: 'feedback.received', entity: 'feedback', entityId: code, unitId, after: { channel, category: category.code, conduct, attachments: extra.attachments?.length ?? 0 } });
      return { code, secret, status: 'received', receivedAt: receivedAt.toISOString(), dueAt: dueAt.toISOString() };
    });
  }

  async function readSettings() {
    const [receiving, oversight] = await Promise.all([repo.setting(db, 'receiving_unit_id'), repo.setting(db, 'conduct_oversight_unit_id')]);
      const names = await deps.org.unitNames([receiving, oversight].filter((x): x is number => x != null));
      return {
        receivingUnitId: receiving, receivingUnitName: receiving ? names.get(receiving) ?? null : null,
        conductOversightUnitId: oversight, conductOversightUnitName: oversight ? names.get(oversight) ?? null : null,
      };
  }

  const handling = createHandling({ ...deps, dueFor, unitName });

  const service = {
    ...handling,

    async categories(): Promise<Category[]> {
      return repo.categories(db, true);
    },

    /** Open311 and the portal: `submit(ctx, input, 'portal' | 'api', { appName })`. */
    submit(ctx: RequestContext, input: SubmitInput, channel: 'portal' | 'api' = 'portal', extra: { appName?: string } = {}): Promise<Receipt> {
      return receive(ctx, input, channel, { appName: extra.appName ?? null });
    },

    async submitByCitizen(ctx: RequestContext, citizenId: number, input: CitizenSubmitInput): Promise<Receipt> {
      const profile = await deps.citizens.profile(citizenId);
      const owned = input.attachments.length ? await deps.citizenFiles.owned(citizenId, input.attachments) : [];
      if (owned.length !== new Set(input.attachments).size) throw field('attachments', 'Tệp đính kèm không có trong kho giấy tờ của bạn.', 'An attachment is not in your document store.');
      const submitter: Submitter = { kind: 'person', name: profile.fullName, phone: input.phone ?? profile.phone, email: input.email ?? profile.email, address: profile.address, organisation: null };
      const { attachments: _a, phone: _p, email: _e, ...item } = input;
      return receive(ctx, { ...item, submitter }, 'citizen', { citizenId, attachments: owned.map((f) => ({ key: f.file_key, name: f.name, type: f.type, size: f.size })) });
    },

    /** Recorded by staff for a caller. Files are checked again here with the online module's rules. */
    async submitByStaff(ctx: RequestContext, input: StaffSubmitInput): Promise<Receipt> {
      const actor = requireActor(ctx.actor);
      if (!hasAnywhere(actor, 'feedback.handle')) throw errors.forbidden();
      const attachments: Attachment[] = [];
      for (const [i, a] of input.attachments.entries()) {
        const content = await deps.files.get(a.key);
        if (!content) throw field(`attachments.${i}.key`, 'Không tìm thấy tệp đã tải lên.', 'No uploaded file has this key.');
        const checked = deps.checkUpload(a.name, content);
        if ('code' in checked) throw new AppError(checked.code, 422, checked.vi, checked.en);
        attachments.push({ key: a.key, name: a.name, type: checked.type, size: content.length });
      }
      const own = actor.reach.get('feedback.handle')?.has(actor.unitId) ? actor.unitId : null;
      if (input.about.unitId && !actor.reach.get('feedback.handle')?.has(input.about.unitId) && !hasAnywhere(actor, 'feedback.handle')) throw errors.forbidden();
      const { channel, attachments: _a, ...item } = input;
      return receive(ctx, item, channel, { defaultUnitId: own, attachments });
    },

    /** Public lookup: a wrong or missing secret answers exactly like an unknown code. */
    async publicStatus(code: string, secret: string) {
      const row = await repo.findByCode(db, code);
      if (!row || !secret || !safeEqual(row.secret, secret.trim().toUpperCase())) throw feedbackNotFound();
      return publicStatusView(row, await repo.eventsOf(db, row.id), await unitName(row.unit_id));
    },

    async published(q: Partial<PublishedQuery> & { limit?: number }) {
      const limit = q.limit ?? 20;
      const rows = await repo.published(db, {
        categoryCode: q.categoryCode, unitId: q.unitId, q: q.q, limit, cursor: q.cursor ? Number(q.cursor) : undefined,
        from: q.from ? vnStart(q.from) : undefined, to: q.to ? new Date(vnStart(q.to).getTime() + DAY) : undefined,
      });
      const page = rows.slice(0, limit);
      const cats = new Map((await repo.categories(db, false)).map((c) => [c.code, c]));
      const names = await deps.org.unitNames([...new Set(page.map((r) => r.unit_id))]);
      return { items: page.map((r) => publishedView(r, cats, names.get(r.unit_id) ?? null)), nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null };
    },

    async publishedOne(code: string) {
      const [row] = await repo.published(db, { code, limit: 1 });
      if (!row) throw feedbackNotFound();
      const cats = new Map((await repo.categories(db, false)).map((c) => [c.code, c]));
      return publishedView(row, cats, await unitName(row.unit_id));
    },

    /** Per unit and category over items received in [from, to] (Hà Nội days), withdrawn ones left out. */
    async stats(range: { from: string; to: string }) {
      const rows = await repo.receivedBetween(db, vnStart(range.from), new Date(vnStart(range.to).getTime() + DAY));
      const units = new Map<number, { received: number; answered: number; onTime: number; days: number; published: number }>();
      const cats = new Map<string, { received: number; answered: number }>();
      for (const r of rows) {
        const u = units.get(r.unit_id) ?? { received: 0, answered: 0, onTime: 0, days: 0, published: 0 };
        const c = cats.get(r.category_code) ?? { received: 0, answered: 0 };
        u.received++; c.received++;
        if (r.answered_at) {
          u.answered++; c.answered++;
          if (answeredOnTime(r.due_at, r.answered_at)) u.onTime++;
          u.days += (r.answered_at.getTime() - r.received_at.getTime()) / DAY;
        }
        if (r.published_at && r.status === 'published') u.published++;
        units.set(r.unit_id, u); cats.set(r.category_code, c);
      }
      const names = await deps.org.unitNames([...units.keys()]);
      const categoryList = await repo.categories(db, false);
      return {
        from: range.from, to: range.to,
        units: [...units.entries()].map(([unitId, u]) => ({
          unitId, unitName: names.get(unitId) ?? null, received: u.received, answered: u.answered, answeredOnTime: u.onTime,
          onTimeRate: u.answered ? Math.round((u.onTime / u.answered) * 1000) / 1000 : null,
          averageDaysToAnswer: u.answered ? Math.round((u.days / u.answered) * 10) / 10 : null, published: u.published,
        })).sort((a, b) => b.received - a.received || a.unitId - b.unitId),
        categories: categoryList.filter((c) => cats.has(c.code)).map((c) => ({ code: c.code, name: c.name, ...cats.get(c.code)! })),
      };
    },

    /**
     * Feedback about officials of the given units (conduct items, by the official's unit) received in
     * [from, to]: how many, answered, answered late, and still open past their due time. The inspection
     * checklist's figure (issue 18); counts only, no names.
     */
    async conductStats(range: { unitIds: number[]; from: string; to: string }) {
      const units = new Set(range.unitIds);
      const rows = (await repo.receivedBetween(db, vnStart(range.from), new Date(vnStart(range.to).getTime() + DAY)))
        .filter((r) => r.conduct && r.conduct_unit_id !== null && units.has(r.conduct_unit_id));
      const answered = rows.filter((r) => r.answered_at);
      return {
        received: rows.length, answered: answered.length,
        answeredLate: answered.filter((r) => !answeredOnTime(r.due_at, r.answered_at)).length,
        openOverdue: rows.filter((r) => isOverdue(r.status, r.due_at, now())).length,
      };
    },

    // ---- configuration --------------------------------------------------------------------------
    async allCategories(ctx: RequestContext): Promise<Category[]> {
      const actor = requireActor(ctx.actor);
      if (!hasAnywhere(actor, 'feedback.read') && !hasAnywhere(actor, 'feedback.manage')) throw errors.forbidden();
      return repo.categories(db, false);
    },

    async putCategory(ctx: RequestContext, code: string, input: CategoryInput): Promise<Category> {
      if (!ctx.system && !hasProvinceWide(ctx.actor, 'feedback.manage')) throw ctx.actor ? errors.forbidden() : errors.unauthenticated();
      const values = {
        name: JSON.stringify(input.name), description: JSON.stringify(input.description), deadline_days: input.deadlineDays,
        coordination_deadline_days: input.coordinationDeadlineDays, conduct: input.conduct, active: input.active, sort_order: input.sortOrder,
      };
      return inTransaction(db, async (trx) => {
        const before = await repo.findCategory(trx, code);
        if (input.version === 0) {
          if (before) throw errors.stale();
          await trx.insertInto('feedback_categories').values({ code, ...values }).execute();
        } else {
          if (!before) throw categoryNotFound();
          const r = await trx.updateTable('feedback_categories').set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: now() }))
            .where('code', '=', code).where('version', '=', input.version).executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) throw errors.stale();
        }
        const after = (await repo.findCategory(trx, code))!;
        await recordAudit(trx, ctx, { action: before ? 'feedback.category_updated' : 'feedback.category_created', entity: 'feedback_category', entityId: code, before, after });
        return after;
      });
    },

    async settings(ctx: RequestContext) {
      const actor = requireActor(ctx.actor);
      if (!hasAnywhere(actor, 'feedback.read') && !hasAnywhere(actor, 'feedback.manage')) throw errors.forbidden();
      return readSettings();
    },

    async putSettings(ctx: RequestContext, input: SettingsInput) {
      if (!ctx.system && !hasProvinceWide(ctx.actor, 'feedback.manage')) throw ctx.actor ? errors.forbidden() : errors.unauthenticated();
      const ids = [input.receivingUnitId, input.conductOversightUnitId].filter((x): x is number => x != null);
      const known = await deps.org.unitNames(ids);
      for (const [k, v] of [['receivingUnitId', input.receivingUnitId], ['conductOversightUnitId', input.conductOversightUnitId]] as const) {
        if (v != null && !known.has(v)) throw field(k, 'Đơn vị không tồn tại.', 'Unknown unit.');
      }
      await inTransaction(db, async (trx) => {
        for (const [key, value] of [['receiving_unit_id', input.receivingUnitId], ['conduct_oversight_unit_id', input.conductOversightUnitId]] as const) {
          if (value == null) await trx.deleteFrom('feedback_settings').where('key', '=', key).execute();
          else await trx.insertInto('feedback_settings').values({ key, value: JSON.stringify(value) })
            .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: JSON.stringify(value), version: eb('feedback_settings.version', '+', 1), updated_at: now() }))).execute();
        }
        await recordAudit(trx, ctx, { action: 'feedback.settings_changed', entity: 'feedback_settings', after: input });
      });
      return readSettings();
    },

    reminders: createFeedbackReminders({ db, org: deps.org, deadlines: deps.deadlines, recipients: deps.recipients }),
  };
  return service;
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
