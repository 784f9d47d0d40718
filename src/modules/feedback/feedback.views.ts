import type { AttachmentRow, EventRow, ItemRow } from './feedback.repository.js';
import { answeredOnTime } from './rules/deadline.js';
import { isOverdue } from './rules/status.js';
import { EVENT_LABELS, STATUS_LABELS, type Category, type FeedbackAction, type PublishedItem } from './schema.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const label = (action: string) => EVENT_LABELS[action] ?? { vi: action, en: action };

export type Names = { units: Map<number, string>; staff: Map<number, string> };

/** The public lookup: no personal data, no staff names (contract: GET /public/feedback/:code). */
export function publicStatusView(row: ItemRow, events: EventRow[], unitName: string | null) {
  return {
    code: row.code, categoryCode: row.category_code, title: row.title, status: row.status, statusLabel: STATUS_LABELS[row.status],
    receivedAt: row.received_at.toISOString(), dueAt: iso(row.due_at), answeredAt: iso(row.answered_at), unitName,
    history: events.filter((e) => e.action !== 'note').map((e) => ({ at: e.at.toISOString(), action: e.action, label: label(e.action) })),
  };
}

export function listItemView(row: ItemRow, names: Names, now: Date) {
  return {
    code: row.code, categoryCode: row.category_code, title: row.title, status: row.status, conduct: row.conduct,
    unitId: row.unit_id, unitName: names.units.get(row.unit_id) ?? null,
    assignee: row.assignee_id ? { id: row.assignee_id, fullName: names.staff.get(row.assignee_id) ?? '' } : null,
    receivedAt: row.received_at.toISOString(), dueAt: iso(row.due_at), overdue: isOverdue(row.status, row.due_at, now), channel: row.channel,
  };
}

/** Everything staff who may see the item see (contract: GET /feedback/:code). */
export function staffView(row: ItemRow, events: EventRow[], attachments: AttachmentRow[], names: Names, now: Date, allowedActions: FeedbackAction[]) {
  return {
    ...listItemView(row, names, now),
    statusLabel: STATUS_LABELS[row.status],
    about: row.about, content: row.content, submitter: row.submitter, consentToPublish: row.consent_to_publish, appName: row.app_name,
    conductUnitId: row.conduct_unit_id, aboutStaffId: row.about_staff_id, conductUnitName: row.conduct_unit_id ? names.units.get(row.conduct_unit_id) ?? null : null,
    coordination: row.coordination, draftAnswer: row.draft_answer, answer: row.answer, answeredAt: iso(row.answered_at), answeredBy: row.answered_by,
    answeredOnTime: answeredOnTime(row.due_at, row.answered_at), rejectReason: row.reject_reason,
    published: row.published_at ? { title: row.published_title, question: row.published_question, answer: row.published_answer, publishedAt: row.published_at.toISOString() } : null,
    attachments: attachments.map((a) => ({ key: a.file_key, name: a.name, type: a.type, size: a.size, url: `/api/v1/feedback/${encodeURIComponent(row.code)}/files/${a.file_key}` })),
    history: events.map((e) => ({ at: e.at.toISOString(), action: e.action, label: label(e.action), actor: e.actor_name, note: e.note, details: e.details })),
    allowedActions, version: row.version,
  };
}

/** The submitter's own view: their item in full with the answer, staff shown by role only. */
export function citizenView(row: ItemRow, events: EventRow[], attachments: AttachmentRow[], unitName: string | null) {
  return {
    ...publicStatusView(row, events, unitName),
    about: row.about, content: row.content, submitter: row.submitter, consentToPublish: row.consent_to_publish, channel: row.channel,
    answer: row.status === 'answered' || row.status === 'published' ? row.answer : null,
    answeredOnTime: answeredOnTime(row.due_at, row.answered_at), rejectReason: row.reject_reason,
    publishedAt: iso(row.published_at),
    attachments: attachments.map((a) => ({ name: a.name, type: a.type, size: a.size })),
    canWithdraw: ['received', 'in_progress', 'awaiting_approval'].includes(row.status),
  };
}

export function publishedView(row: ItemRow, categories: Map<string, Category>, unitName: string | null): PublishedItem {
  return {
    code: row.code, categoryCode: row.category_code, categoryName: categories.get(row.category_code)?.name ?? { vi: row.category_code, en: row.category_code },
    unitId: row.unit_id, unitName, title: row.published_title ?? '', question: row.published_question ?? '', answer: row.published_answer ?? '',
    receivedAt: row.received_at.toISOString(), answeredAt: iso(row.answered_at), publishedAt: row.published_at!.toISOString(),
    answeredOnTime: answeredOnTime(row.due_at, row.answered_at), dueAt: iso(row.due_at),
  };
}
