import { readFile } from 'node:fs/promises';
import type { Actor } from '../../platform/access/policy.js';
import type { RequestContext } from '../../platform/http/context.js';
import { currentReportingPeriod } from './rules/current-period.js';
import { addDays, vnDay } from './rules/deadlines.js';
import type { DirectiveService } from './directives.service.js';
import type { TaskDraft } from './schema.js';

/**
 * The demo's Directive 16 (demo/directives/), registered by the Department of Home Affairs from the
 * outline its text proposes and under way: deadlines are counted from the day the demo is generated,
 * so on any day it shows a task overdue, one near its deadline, one awaiting approval, one completed,
 * and the current period's report (6 months or the year) that one department has sent and the others have not.
 */
export type DirectiveDemoDeps = {
  directives: DirectiveService;
  now: () => Date;
  /** A signed-in demo account's context (its grants, as on a real request). */
  as(username: string): Promise<RequestContext & { actor: Actor }>;
};

export async function seedDemoDirective(deps: DirectiveDemoDeps, textPath: string): Promise<{ tasks: number }> {
  const text = await readFile(textPath, 'utf8');
  const snv = await deps.as('chuyenvien.snv');
  const outline = await deps.directives.outline(snv, { text });
  const today = vnDay(deps.now());
  const inDays = (n: number) => addDays(today, n);
  // Item 7's sub-items carry the deadlines of the demo; items 1–6 are standing duties of every unit.
  const dueBySub: Record<string, Pick<TaskDraft, 'dueOn' | 'recurrence' | 'priority' | 'expectedOutput'>> = {
    a: { dueOn: inDays(20), recurrence: 'half_yearly', priority: 'high', expectedOutput: 'Báo cáo 6 tháng và năm về kết quả thực hiện Chỉ thị' },
    b: { dueOn: inDays(-15), priority: 'high', expectedOutput: 'Kế hoạch kiểm soát thủ tục hành chính năm' },
    c: { dueOn: inDays(30), priority: 'normal' },
    d: { dueOn: inDays(2), priority: 'normal' },
    e: { dueOn: inDays(45), priority: 'normal' },
    g: { dueOn: inDays(60), priority: 'normal' },
  };
  const leadsOf = (leads: typeof outline.items[number]['leads']): TaskDraft['leads'] => leads.flatMap((l): TaskDraft['leads'] => {
    if (l.group && l.unitIds?.length) return [{ group: l.group, unitIds: l.unitIds }];
    return l.unitId ? [{ unitId: l.unitId }] : [];
  });
  const tasks: TaskDraft[] = [];
  for (const item of outline.items) {
    if (item.subitems.length) {
      for (const sub of item.subitems) {
        tasks.push({ ref: `${item.n}${sub.n}`, content: sub.text, leads: leadsOf(sub.leads), coordinatingUnitIds: [], priority: 'normal', ...dueBySub[sub.n] });
      }
    } else {
      tasks.push({ ref: item.n, content: item.text, leads: leadsOf(item.leads), coordinatingUnitIds: [], priority: 'normal' });
    }
  }
  const owner = snv.actor.grants[0]!.unitId;
  const doc = await deps.directives.documents.register(snv, {
    docType: 'CT', number: outline.number ?? '16/CT-UBND', issuer: 'Ủy ban nhân dân tỉnh Lai Châu', signer: 'Nguyễn Khắc Chử', signedOn: '2014-12-31',
    subject: 'Về việc tăng cường thực hiện công tác cải cách hành chính trên địa bàn tỉnh Lai Châu', fields: ['Cải cách hành chính'],
    fullText: text, ownerUnitId: owner, files: [], tasks: tasks.filter((t) => t.leads.length),
  });

  const stp = await deps.as('lanhdao.stp');
  const stpStaff = await deps.as('chuyenvien.stp');
  const lanhdaoSnv = await deps.as('lanhdao.snv');
  const byRef = (ref: string, unitId?: number) => doc.tasks.find((t) => t.ref === ref && (unitId === undefined || t.leadUnitId === unitId))!;
  const act = (ctx: RequestContext, id: number, input: Parameters<DirectiveService['tasks']['act']>[2]) => deps.directives.tasks.act(ctx, id, input);
  const justice = stp.actor.grants[0]!.unitId;

  // 7b, overdue: assigned, some progress reported.
  let t = (await act(stp, byRef('7b').id, { action: 'assign', version: byRef('7b').version, staffId: stpStaff.actor.staffId, note: 'Đồng chí chủ trì tham mưu, báo cáo lãnh đạo Sở trước hạn.' })).task;
  await act(stpStaff, t.id, { action: 'progress', version: t.version, percent: 30, note: 'Đã dự thảo kế hoạch, đang lấy ý kiến các phòng.', files: [] });
  // 7a, recurring every six months: the Department of Home Affairs' own.
  t = (await act(lanhdaoSnv, byRef('7a').id, { action: 'assign', version: byRef('7a').version, staffId: snv.actor.staffId })).task;
  await act(snv, t.id, { action: 'progress', version: t.version, percent: 50, note: 'Đã đôn đốc các đơn vị gửi báo cáo 6 tháng.', files: [] });
  // Item 2 at the Department of Justice: done and approved.
  t = (await act(stp, byRef('2', justice).id, { action: 'assign', version: byRef('2', justice).version, staffId: stpStaff.actor.staffId })).task;
  t = (await act(stp, t.id, { action: 'request_completion', version: t.version, note: 'Đã bố trí công chức có năng lực làm việc tại bộ phận một cửa; niêm yết đầy đủ thủ tục.', files: [] })).task;
  await act(lanhdaoSnv, t.id, { action: 'approve', version: t.version, note: 'Công nhận hoàn thành.' });
  // Item 4 at the Department of Justice: awaiting the Department of Home Affairs' approval.
  t = (await act(stp, byRef('4', justice).id, { action: 'assign', version: byRef('4', justice).version, staffId: stpStaff.actor.staffId })).task;
  await act(stp, t.id, { action: 'request_completion', version: t.version, note: 'Đã trình phê duyệt đề án vị trí việc làm của Sở.', files: [] });

  // The period whose figures are being collected today, and the Department of Justice's report for it.
  const period = await deps.directives.periods.create(snv, doc.document.id, currentReportingPeriod(today));
  const mine = await deps.directives.periods.unitReport(stp, period.id, justice);
  await deps.directives.periods.saveUnitReport(stp, period.id, justice, {
    version: mine.report.version, submit: true,
    narrative: 'Sở Tư pháp đã quán triệt Chỉ thị đến toàn thể công chức; thủ tục hành chính được niêm yết công khai, đầy đủ.',
    difficulties: 'Một số phần mềm chuyên ngành chưa kết nối với hệ thống một cửa của tỉnh.',
    proposals: 'Đề nghị Sở Khoa học và Công nghệ hỗ trợ kết nối phần mềm chuyên ngành.',
    results: mine.tasks.map((x) => ({ taskId: x.id, result: x.status === 'completed' ? 'Đã hoàn thành.' : 'Đang thực hiện.' })),
  });
  return { tasks: doc.tasks.length };
}
