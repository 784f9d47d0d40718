import { randomBytes } from 'node:crypto';
import { inTransaction } from '../../platform/db/transaction.js';
import { systemContext } from '../../platform/http/context.js';
import * as repo from './feedback.repository.js';
import type { FeedbackService } from './feedback.service.js';
import type { DeadlinesPort } from './ports.js';
import { formatFeedbackCode, makeSecret, vnDayKey } from './rules/code.js';
import { deadlineDays } from './rules/deadline.js';
import { redact } from './rules/redact.js';
import type { CategoryInput, FeedbackStatus } from './schema.js';

export type DemoFeedbackFiles = {
  categories: { categories: (Omit<CategoryInput, 'version' | 'active'> & { code: string; active?: boolean })[] };
  settings: { receivingUnitCode: string; conductOversightUnitCode: string };
};
/** What the seed knows of the demo org: unit ids by code, staff (id, public id, name, unit) by badge number. */
export type DemoOrg = { unit(code: string): number; staff(badge: string): { id: number; publicId: string; fullName: string; unitId: number } };

type DemoItem = {
  category: string; unit: string; daysAgo: number; title: string; content: string; status: FeedbackStatus;
  submitter: { name: string; phone?: string; email?: string; address?: string }; consent: boolean; channel: 'portal' | 'citizen' | 'desk' | 'phone';
  answer?: string; answeredAfterDays?: number; assigneeBadge?: string; officialBadge?: string;
};

/**
 * Demo feedback, dated relative to `now` so it reads right whatever day the demo is generated:
 * published answers, one about a demo official's conduct, one overdue, some in between.
 */
const ITEMS: DemoItem[] = [
  {
    category: 'hoi-dap', unit: 'H30.102', daysAgo: 24, status: 'published', consent: true, channel: 'portal', answeredAfterDays: 3,
    title: 'Chứng thực bản sao có cần mang bản chính không?',
    content: 'Tôi là Hoàng Văn Nam, số điện thoại 0987 654 321. Khi chứng thực bản sao giấy khai sinh tại phường thì tôi có phải mang bản chính không?',
    submitter: { name: 'Hoàng Văn Nam', phone: '0987654321', address: 'Tổ 5, phường Tân Phong' },
    answer: 'Người yêu cầu chứng thực bản sao từ bản chính phải xuất trình bản chính để đối chiếu (Nghị định 23/2015/NĐ-CP, Điều 20). Có thể nộp tại bất kỳ Trung tâm Phục vụ hành chính công cấp xã nào.',
  },
  {
    category: 'thu-tuc', unit: 'H30.501', daysAgo: 35, status: 'published', consent: true, channel: 'citizen', answeredAfterDays: 9,
    title: 'Hồ sơ đăng ký khai sinh bị yêu cầu thêm giấy tờ',
    content: 'Khi nộp hồ sơ đăng ký khai sinh cho con, tôi được yêu cầu nộp thêm bản sao sổ hộ khẩu. Liên hệ: mai.demo@example.vn.',
    submitter: { name: 'Lò Thị Mai', email: 'mai.demo@example.vn', address: 'Bản Hon, phường Tân Phong' },
    answer: 'Từ ngày 01/7/2021 sổ hộ khẩu không còn giá trị; cán bộ không được yêu cầu nộp. Ủy ban nhân dân phường đã chấn chỉnh bộ phận một cửa và xin lỗi người dân.',
  },
  {
    category: 'can-bo', unit: 'H30.501.01', daysAgo: 1, status: 'received', consent: true, channel: 'portal', officialBadge: 'TP-0101',
    title: 'Cán bộ một cửa không hướng dẫn rõ ràng',
    content: 'Cán bộ tiếp nhận tại quầy số 2 trả lời thiếu tôn trọng và không hướng dẫn thành phần hồ sơ.',
    submitter: { name: 'Vàng Thị Dung', phone: '0978123456' },
  },
  {
    category: 'phuc-vu', unit: 'H30.002', daysAgo: 21, status: 'in_progress', consent: false, channel: 'desk', assigneeBadge: 'LC-0101',
    title: 'Thời gian chờ tại Trung tâm quá lâu',
    content: 'Sáng thứ Hai tôi chờ hơn hai giờ mới đến lượt; máy lấy số bị hỏng.',
    submitter: { name: 'Trần Văn Bình', phone: '0912999888' },
  },
  {
    category: 'quy-dinh', unit: 'H30.105', daysAgo: 3, status: 'in_progress', consent: true, channel: 'phone', assigneeBadge: 'LC-0302',
    title: 'Kiến nghị đơn giản hóa hồ sơ cấp phép xây dựng nhà ở riêng lẻ',
    content: 'Đề nghị bỏ yêu cầu nộp bản vẽ hiện trạng khi xây mới trên đất trống.',
    submitter: { name: 'Công ty TNHH Xây dựng Sìn Hồ', phone: '02133888999' },
  },
  {
    category: 'hoi-dap', unit: 'H30.102', daysAgo: 2, status: 'awaiting_approval', consent: true, channel: 'portal', assigneeBadge: 'LC-0202',
    title: 'Lệ phí cấp phiếu lý lịch tư pháp',
    content: 'Cho tôi hỏi lệ phí cấp phiếu lý lịch tư pháp là bao nhiêu?',
    submitter: { name: 'Đỗ Thị Hạnh', email: 'hanh.demo@example.vn' },
    answer: 'Phí cấp phiếu lý lịch tư pháp là 200.000 đồng/lần; sinh viên, người có công với cách mạng được giảm 50% (Thông tư 244/2016/TT-BTC).',
  },
];

export async function seedDemoFeedback(feedback: FeedbackService, deps: { db: Parameters<typeof repo.categories>[0]; deadlines: DeadlinesPort }, files: DemoFeedbackFiles, org: DemoOrg, now: Date): Promise<number> {
  const ctx = systemContext('demo-seed');
  for (const c of files.categories.categories) {
    await feedback.putCategory(ctx, c.code, { ...c, active: c.active ?? true, coordinationDeadlineDays: c.coordinationDeadlineDays ?? null, conduct: c.conduct ?? false, sortOrder: c.sortOrder ?? 0, version: 0 });
  }
  await feedback.putSettings(ctx, { receivingUnitId: org.unit(files.settings.receivingUnitCode), conductOversightUnitId: org.unit(files.settings.conductOversightUnitCode) });
  const calc = await deps.deadlines.calculator();
  const cats = new Map((await repo.categories(deps.db, false)).map((c) => [c.code, c]));
  const ordered = [...ITEMS].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const d of ordered) {
    const receivedAt = new Date(now.getTime() - d.daysAgo * 86_400_000);
    const category = cats.get(d.category)!;
    const dueAt = calc.due(receivedAt, { amount: deadlineDays(category, false), unit: 'working_days' });
    const official = d.officialBadge ? org.staff(d.officialBadge) : undefined;
    const assignee = d.assigneeBadge ? org.staff(d.assigneeBadge) : undefined;
    const unitId = official?.unitId ?? org.unit(d.unit);
    const answeredAt = d.answeredAfterDays != null && ['answered', 'published'].includes(d.status) ? new Date(receivedAt.getTime() + d.answeredAfterDays * 86_400_000) : null;
    const submitter = { kind: 'person', phone: null, email: null, address: null, organisation: null, ...d.submitter };
    const about = official ? { kind: 'official', staffPublicId: official.publicId, unitId: null, procedureCode: null, dossierCode: null } : { kind: 'other', staffPublicId: null, unitId: null, procedureCode: null, dossierCode: null };
    const published = d.status === 'published';
    await inTransaction(deps.db as never, async (trx: Parameters<typeof repo.nextSequence>[0]) => {
      const code = formatFeedbackCode(receivedAt, await repo.nextSequence(trx, vnDayKey(receivedAt)));
      const row = await trx.insertInto('feedback_items').values({
        code, secret: makeSecret((n) => randomBytes(n)), category_code: d.category, about: JSON.stringify(about), title: d.title, content: d.content,
        submitter: JSON.stringify(submitter), consent_to_publish: d.consent, channel: d.channel, citizen_id: null, app_name: null, status: d.status,
        unit_id: unitId, conduct: !!official || category.conduct, conduct_unit_id: official?.unitId ?? null, about_staff_id: official?.id ?? null,
        assignee_id: assignee?.id ?? null, received_at: receivedAt, due_at: dueAt,
        draft_answer: d.answer ?? null, answer: answeredAt ? d.answer ?? null : null, answered_at: answeredAt, answered_by: answeredAt ? 'Lãnh đạo đơn vị' : null,
        published_title: published ? redact(d.title, submitter).text : null,
        published_question: published ? redact(d.content, submitter).text : null,
        published_answer: published ? redact(d.answer ?? '', submitter).text : null,
        published_at: published && answeredAt ? new Date(answeredAt.getTime() + 3_600_000) : null,
      }).returning('id').executeTakeFirstOrThrow();
      const ev = (action: string, at: Date, note?: string) => repo.addEvent(trx, { feedbackId: row.id, at, action, actorStaffId: null, actorName: 'Dữ liệu mẫu', unitId, note });
      await ev('received', receivedAt);
      if (d.status !== 'received') await ev('classified', new Date(receivedAt.getTime() + 3_600_000));
      if (assignee) await ev('assigned', new Date(receivedAt.getTime() + 2 * 3_600_000), assignee.fullName);
      if (d.answer && d.status !== 'in_progress') await ev('answer_drafted', new Date((answeredAt ?? now).getTime() - 3_600_000));
      if (answeredAt) await ev('answer_approved', answeredAt);
      if (published && answeredAt) await ev('published', new Date(answeredAt.getTime() + 3_600_000));
    });
  }
  return ordered.length;
}
