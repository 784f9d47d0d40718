import { z } from 'zod';
import { dbBigId, dbCursor, dbVersion } from '../http/bounds.js';

/** API schemas of the outbox, in-app notifications and message templates (shared with the web app). */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'uncertain', 'not_sent'] as const;

export const OUTBOX_STATUS_LABELS: Record<(typeof OUTBOX_STATUSES)[number], { vi: string; en: string }> = {
  pending: { vi: 'Chờ gửi', en: 'Pending' },
  sending: { vi: 'Đang gửi', en: 'Sending' },
  sent: { vi: 'Đã gửi', en: 'Sent' },
  failed: { vi: 'Gửi không thành công', en: 'Failed' },
  uncertain: { vi: 'Không rõ đã gửi chưa', en: 'Unknown whether sent' },
  not_sent: { vi: 'Chưa gửi (chưa cấu hình kênh gửi)', en: 'Not sent (no channel configured)' },
};

const cursor = dbCursor();
const limit = z.coerce.number().int().min(1).max(200).default(50);

export const outboxQuery = z.strictObject({
  status: z.enum(OUTBOX_STATUSES, { message: 'Trạng thái phải là một trong: ' + OUTBOX_STATUSES.join(', ') }).optional(),
  reference: z.string().trim().max(100).optional(),
  cursor,
  limit,
});
export type OutboxQuery = z.output<typeof outboxQuery>;

export const outboxItem = z.object({
  id: z.string(), channel: z.enum(['email', 'sms']), recipient: z.string(), recipientName: z.string().nullable(),
  subject: z.string().nullable(), body: z.string(), templateKey: z.string().nullable(), reference: z.string().nullable(),
  status: z.enum(OUTBOX_STATUSES), statusLabel: z.object({ vi: z.string(), en: z.string() }), attempts: z.number(),
  nextAttemptAt: z.date().nullable(), lastError: z.string().nullable(), provider: z.string().nullable(),
  providerMessageId: z.string().nullable(), createdAt: z.date(), sentAt: z.date().nullable(),
});
export type OutboxItem = z.infer<typeof outboxItem>;

export const mineQuery = z.strictObject({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  cursor,
  limit,
});
export type MineQuery = z.output<typeof mineQuery>;

export const staffNotificationItem = z.object({
  id: z.string(), kind: z.string(), title: z.string(), body: z.string(), reference: z.string().nullable(),
  link: z.string().nullable(), createdAt: z.date(), readAt: z.date().nullable(),
});

export const idParams = z.object({ id: dbBigId() });
export const templateKeyParams = z.object({ key: z.string().regex(/^[a-z0-9_.]{3,80}$/, 'Mã mẫu tin không hợp lệ') });

export const templateUpdateBody = z.strictObject({
  subject: z.string().trim().min(3, 'Tiêu đề phải có ít nhất 3 ký tự').max(300),
  body: z.string().trim().min(10, 'Nội dung phải có ít nhất 10 ký tự').max(10_000),
  sms: z.string().trim().max(640, 'Tin SMS tối đa 640 ký tự').nullish().transform((v) => v || null),
  /** The version read (0 = the shipped default, never edited). */
  version: dbVersion(0),
});
export type TemplateUpdateInput = z.output<typeof templateUpdateBody>;
