import { can, reachable, requireActor, type Actor } from '../../platform/access/policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { feedbackNotFound, field } from './feedback.errors.js';
import * as repo from './feedback.repository.js';
import type { FeedbackDeps } from './feedback.service.js';
import { citizenView, listItemView, staffView, type Names } from './feedback.views.js';
import { redact } from './rules/redact.js';
import { ACTION_PERMISSION, allowedActions, isOpen, nextStatus, refusal } from './rules/status.js';
import { STATUS_LABELS, type ActionInput, type Category, type ListQuery, type Submitter } from './schema.js';

type HandlingDeps = FeedbackDeps & {
  dueFor(receivedAt: Date, category: Category, coordination: boolean): Promise<Date>;
  unitName(id: number | null): Promise<string | null>;
};

/**
 * Staff handling of feedback, and the submitter's own view. Who sees an item: whoever holds
 * `feedback.read` at its handling unit (subtree); for a conduct item also the head of the official's
 * unit (`feedback.approve` there) and whoever reads at the configured oversight unit (Sở Nội vụ).
 */
export function createHandling(deps: HandlingDeps) {
  const { db, now } = deps;

  async function reachOf(actor: Actor): Promise<repo.Reach> {
    const oversight = await repo.setting(db, 'conduct_oversight_unit_id');
    return { read: reachable(actor, 'feedback.read'), conductUnits: reachable(actor, 'feedback.approve'), oversight: oversight != null && can(actor, 'feedback.read', oversight), self: actor.staffId };
  }

  function sees(actor: Actor, row: repo.ItemRow, reach: repo.Reach): boolean {
    // The official complained about neither sees the complaint (nor who made it) nor handles it.
    if (row.about_staff_id !== null && row.about_staff_id === actor.staffId) return false;
    if (can(actor, 'feedback.read', row.unit_id)) return true;
    return row.conduct && (reach.oversight || (row.conduct_unit_id != null && can(actor, 'feedback.approve', row.conduct_unit_id)));
  }

  async function visible(ctx: RequestContext, code: string): Promise<{ actor: Actor; row: repo.ItemRow }> {
    const actor = requireActor(ctx.actor);
    const row = await repo.findByCode(db, code);
    if (!row || !sees(actor, row, await reachOf(actor))) throw feedbackNotFound();
    return { actor, row };
  }

  async function names(rows: repo.ItemRow[]): Promise<Names> {
    const unitIds = [...new Set(rows.flatMap((r) => [r.unit_id, r.conduct_unit_id]).filter((x): x is number => x != null))];
    const staffIds = [...new Set(rows.map((r) => r.assignee_id).filter((x): x is number => x != null))];
    const staff = new Map<number, string>();
    for (const id of staffIds) staff.set(id, (await deps.org.findStaff(id))?.fullName ?? '');
    return { units: await deps.org.unitNames(unitIds), staff };
  }

  const holds = (actor: Actor, row: repo.ItemRow) => (p: 'feedback.handle' | 'feedback.approve') => can(actor, p, row.unit_id);

  async function detail(actor: Actor, row: repo.ItemRow) {
    const [events, attachments, n] = await Promise.all([repo.eventsOf(db, row.id), repo.attachmentsOf(db, row.id), names([row])]);
    return staffView(row, events, attachments, n, now(), allowedActions({ status: row.status, consentToPublish: row.consent_to_publish }, holds(actor, row)));
  }

  return {
    async list(ctx: RequestContext, q: ListQuery) {
      const actor = requireActor(ctx.actor);
      const reach = await reachOf(actor);
      const at = now();
      const { rows, total } = await repo.list(db, reach, {
        status: q.status, unitId: q.unitId, categoryCode: q.categoryCode, conduct: q.conduct, assigneeId: q.assignee === 'me' ? actor.staffId : undefined,
        overdueAt: q.overdue === true ? at : undefined, notOverdueAt: q.overdue === false ? at : undefined,
        cursor: q.cursor ? Number(q.cursor) : undefined, limit: q.limit,
      });
      const page = rows.slice(0, q.limit);
      const n = await names(page);
      return { items: page.map((r) => listItemView(r, n, at)), nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null, total };
    },

    async get(ctx: RequestContext, code: string) {
      const { actor, row } = await visible(ctx, code);
      return detail(actor, row);
    },

    async file(ctx: RequestContext, code: string, key: string) {
      const { row } = await visible(ctx, code);
      const a = (await repo.attachmentsOf(db, row.id)).find((x) => x.file_key === key);
      if (!a) throw errors.notFound('tệp', 'File', 'FILE_NOT_FOUND');
      const content = await deps.files.get(key);
      if (!content) throw new AppError('FILE_ERASED', 410, 'Nội dung tệp không còn được lưu trữ.', 'The file’s content is no longer kept.');
      return { content, name: a.name, type: a.type };
    },

    async act(ctx: RequestContext, code: string, input: ActionInput) {
      const { actor, row } = await visible(ctx, code);
      const permission = ACTION_PERMISSION[input.action];
      if (!can(actor, permission, row.unit_id)) throw errors.forbidden();
      if (input.version !== row.version) throw errors.stale();
      const refused = refusal({ status: row.status, consentToPublish: row.consent_to_publish }, input.action);
      if (refused) throw new AppError(refused.code, 409, refused.vi, refused.en);
      const at = now();
      const values: Parameters<typeof repo.updateVersioned>[3] = {};
      let event = input.action as string;
      let note: string | null = null;
      const details: Record<string, unknown> = {};
      switch (input.action) {
        case 'classify': {
          if (input.outcome === 'in_competence') {
            const category = (await repo.findCategory(db, row.category_code))!;
            const coordination = input.coordination ?? false;
            Object.assign(values, { status: 'in_progress', coordination, due_at: await deps.dueFor(row.received_at, category, coordination) });
            event = 'classified'; details.coordination = coordination;
            // In this body's competence, handled by one of its sections (a ward's desk names the ward's
            // culture section): the item moves there. Only to a unit the classifier may handle for.
            if (input.unitId !== undefined && input.unitId !== row.unit_id) {
              if (!can(actor, 'feedback.handle', input.unitId) || !(await deps.unitName(input.unitId))) throw field('unitId', 'Đơn vị xử lý phải thuộc đơn vị đang giữ phản ánh; nếu thuộc cơ quan khác, hãy chọn "Chuyển cơ quan có thẩm quyền".', 'The handling section must be within this unit; to send it elsewhere, forward it.');
              Object.assign(values, { unit_id: input.unitId, assignee_id: null });
              details.fromUnitId = row.unit_id; details.toUnitId = input.unitId;
            }
          } else if (input.outcome === 'forward') {
            if (!input.unitId) throw field('unitId', 'Hãy chọn cơ quan có thẩm quyền để chuyển đến.', 'Choose the unit to forward to.');
            if (input.unitId === row.unit_id) throw field('unitId', 'Phản ánh, kiến nghị đang ở đơn vị này.', 'The item is already at this unit.');
            if (!(await deps.unitName(input.unitId))) throw field('unitId', 'Đơn vị không tồn tại.', 'Unknown unit.');
            Object.assign(values, { status: 'received', unit_id: input.unitId, assignee_id: null });
            event = 'forwarded'; details.fromUnitId = row.unit_id; details.toUnitId = input.unitId; note = input.reason;
          } else {
            if (!input.reason) throw field('reason', 'Hãy nêu lý do không thuộc phạm vi xử lý.', 'Give the reason.');
            Object.assign(values, { status: 'rejected', reject_reason: input.reason });
            event = 'rejected'; note = input.reason;
          }
          break;
        }
        case 'assign': {
          const staff = await deps.org.findStaff(input.staffId);
          const subtree = (await deps.org.subtrees([row.unit_id])).get(row.unit_id) ?? [row.unit_id];
          if (!staff || !staff.active || !subtree.includes(staff.unitId)) throw field('staffId', 'Chỉ giao cho cán bộ đang công tác tại đơn vị xử lý.', 'Assign to an active staff member of the handling unit.');
          if (staff.staffId === row.about_staff_id) throw field('staffId', 'Không giao phản ánh về cán bộ cho chính cán bộ bị phản ánh.', 'A complaint about an official is never assigned to that official.');
          values.assignee_id = staff.staffId; event = 'assigned'; details.staffId = staff.staffId; note = staff.fullName;
          break;
        }
        case 'draft_answer':
          Object.assign(values, { status: 'awaiting_approval', draft_answer: input.answer }); event = 'answer_drafted';
          break;
        case 'approve_answer':
          if (!row.draft_answer) throw new AppError('NO_DRAFT_ANSWER', 409, 'Chưa có dự thảo trả lời.', 'There is no draft answer.');
          Object.assign(values, { status: 'answered', answer: row.draft_answer, answered_at: at, answered_by: actor.fullName }); event = 'answer_approved';
          break;
        case 'return_draft':
          values.status = 'in_progress'; event = 'draft_returned'; note = input.reason;
          break;
        case 'publish': {
          const s = row.submitter as Submitter;
          const official = row.about_staff_id ? await deps.org.findStaff(row.about_staff_id) : undefined;
          const person = { ...s, otherNames: official ? [official.fullName] : [] };
          const title = redact(row.title, person);
          const question = redact(input.question ?? row.content, person);
          const answer = redact(input.answer ?? row.answer ?? '', person);
          Object.assign(values, { status: 'published', published_title: title.text, published_question: question.text, published_answer: answer.text, published_at: at });
          event = 'published'; details.removed = [...new Set([...title.removed, ...question.removed, ...answer.removed])];
          break;
        }
        case 'unpublish':
          Object.assign(values, { status: 'answered', published_at: null }); event = 'unpublished'; note = input.reason;
          break;
        case 'note':
          note = input.text;
          break;
        case 'withdraw':
          values.status = 'withdrawn'; event = 'withdrawn'; note = input.reason;
          break;
      }
      if (values.status === undefined) values.status = nextStatus(row.status, input.action);
      await inTransaction(db, async (trx) => {
        if (!(await repo.updateVersioned(trx, row.id, row.version, values, at))) throw errors.stale();
        await repo.addEvent(trx, { feedbackId: row.id, at, action: event, actorStaffId: actor.staffId, actorName: actor.fullName, unitId: values.unit_id ?? row.unit_id, note, details });
        await recordAudit(trx, ctx, { action: `feedback.${event as 'classified' | 'forwarded' | 'rejected' | 'assigned' | 'answer_drafted' | 'answer_approved' | 'draft_returned' | 'published' | 'unpublished' | 'note' | 'withdrawn'}`, entity: 'feedback', entityId: row.code, unitId: row.unit_id, before: { status: row.status }, after: { status: values.status, ...details }, note: note ?? undefined });
      });
      return detail(actor, (await repo.findByCode(db, code))!);
    },

    // ---- the submitter (citizen session) -----------------------------------------------------------
    async mine(citizenId: number) {
      const { rows } = await repo.list(db, null, { citizenId, limit: 200 });
      const units = await deps.org.unitNames([...new Set(rows.map((r) => r.unit_id))]);
      return {
        items: rows.slice(0, 200).map((r) => ({
          code: r.code, categoryCode: r.category_code, title: r.title, status: r.status, statusLabel: STATUS_LABELS[r.status], unitName: units.get(r.unit_id) ?? null,
          receivedAt: r.received_at.toISOString(), dueAt: r.due_at?.toISOString() ?? null, answeredAt: r.answered_at?.toISOString() ?? null, channel: r.channel,
        })),
      };
    },

    async mineOne(citizenId: number, code: string) {
      const row = await repo.findByCode(db, code);
      if (!row || row.citizen_id !== citizenId) throw feedbackNotFound();
      return citizenView(row, await repo.eventsOf(db, row.id), await repo.attachmentsOf(db, row.id), await deps.unitName(row.unit_id));
    },

    async withdrawByCitizen(ctx: RequestContext, citizenId: number, code: string, reason: string | null) {
      const row = await repo.findByCode(db, code);
      if (!row || row.citizen_id !== citizenId) throw feedbackNotFound();
      if (!isOpen(row.status)) throw new AppError('ACTION_NOT_ALLOWED', 409, 'Phản ánh, kiến nghị đã được trả lời hoặc đã kết thúc nên không thể rút.', 'The item is no longer open.');
      const at = now();
      await inTransaction(db, async (trx) => {
        if (!(await repo.updateVersioned(trx, row.id, row.version, { status: 'withdrawn' }, at))) throw errors.stale();
        await repo.addEvent(trx, { feedbackId: row.id, at, action: 'withdrawn', actorStaffId: null, actorName: (row.submitter as Submitter).name, unitId: row.unit_id, note: reason });
        await recordAudit(trx, ctx, { action: 'feedback.withdrawn', entity: 'feedback', entityId: row.code, unitId: row.unit_id, before: { status: row.status }, after: { status: 'withdrawn' } });
      });
      return this.mineOne(citizenId, code);
    },
  };
}
