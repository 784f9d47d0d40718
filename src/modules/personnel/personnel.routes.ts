import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import type { App } from '../../platform/http/types.js';
import { recordDocx } from './exports/record-docx.js';
import { recordPdf } from './exports/record-pdf.js';
import type { PersonnelService } from './personnel.service.js';
import {
  appraiseBody, approveBody, isoDay, approveEvaluationsBody, changeBody, changesQuery, dayQuery, decideBody, evaluationsQuery, grantsBody, idParam, movementBody,
  peopleQuery, personCreateBody, reviewBody, ruleBody, schemeCreateBody, schemeEditBody, selfBody, versionBody, viewQuery, yearParams,
} from './schema.js';

const download = (reply: FastifyReply, f: { name: string; type: string; content: Buffer }) =>
  reply.type(f.type).header('content-disposition', contentDisposition('attachment', f.name)).header('cache-control', 'no-store').send(f.content);
const idParams = z.object({ id: idParam });
const unitParams = z.object({ unitId: idParam });
const stepsQuery = z.object({ from: isoDay('Từ ngày'), to: isoDay('Đến ngày') });
const ruleQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const slug = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

export async function personnelRoutes(app: App, personnel: PersonnelService): Promise<void> {
  const tags = ['personnel'];
  const { schemes, records, movements, evaluations, stats } = personnel;
  const P = '/api/v1/personnel';

  app.get(`${P}/schemes`, { schema: { tags, summary: 'Đề án vị trí việc làm / job-position schemes', querystring: dayQuery.pick({ unitId: true }) } }, async (req) => schemes.list(req.ctx, req.query.unitId));
  app.post(`${P}/schemes`, { schema: { tags, summary: 'Lập đề án (hoặc sao chép đề án đang có hiệu lực) / propose a scheme', body: schemeCreateBody } },
    async (req, reply) => reply.status(201).send(await schemes.create(req.ctx, req.body)));
  app.get(`${P}/schemes/:id`, { schema: { tags, summary: 'Một đề án / one scheme', params: idParams } }, async (req) => schemes.get(req.ctx, req.params.id));
  app.put(`${P}/schemes/:id`, { schema: { tags, summary: 'Sửa đề án dự thảo hoặc bị trả lại / edit a draft', params: idParams, body: schemeEditBody } }, async (req) => schemes.edit(req.ctx, req.params.id, req.body));
  app.post(`${P}/schemes/:id/submit`, { schema: { tags, summary: 'Gửi Sở Nội vụ thẩm định / submit for appraisal', params: idParams, body: versionBody } }, async (req) => schemes.submit(req.ctx, req.params.id, req.body.version));
  app.post(`${P}/schemes/:id/appraise`, { schema: { tags, summary: 'Thẩm định đề án / appraise', params: idParams, body: appraiseBody } }, async (req) => schemes.appraise(req.ctx, req.params.id, req.body));
  app.post(`${P}/schemes/:id/approve`, { schema: { tags, summary: 'Phê duyệt đề án theo quyết định / approve by decision', params: idParams, body: approveBody } }, async (req) => schemes.approve(req.ctx, req.params.id, req.body));
  app.get(`${P}/board`, { schema: { tags, summary: 'Theo dõi vị trí việc làm và bố trí công chức / positions and placement board', querystring: dayQuery.pick({ day: true }) } },
    async (req) => schemes.board(req.ctx, req.query.day));
  app.get(`${P}/units/:unitId/positions`, { schema: { tags, summary: 'Vị trí việc làm của đơn vị và người đảm nhận / a unit\'s positions and holders', params: unitParams, querystring: dayQuery.pick({ day: true }) } },
    async (req) => schemes.positions(req.ctx, req.params.unitId, req.query.day));

  app.get(`${P}/people`, { schema: { tags, summary: 'Danh sách hồ sơ công chức / civil-servant records', querystring: peopleQuery } }, async (req) => records.list(req.ctx, req.query));
  app.post(`${P}/people`, { schema: { tags, summary: 'Lập hồ sơ công chức / open a record', body: personCreateBody } }, async (req, reply) => reply.status(201).send(await records.create(req.ctx, req.body)));
  app.get(`${P}/steps-due`, { schema: { tags, summary: 'Công chức đến kỳ nâng bậc lương thường xuyên / regular step raises due', querystring: stepsQuery } },
    async (req) => records.stepsDue(req.ctx, req.query));
  app.get(`${P}/me`, { schema: { tags, summary: 'Hồ sơ của tôi / my record' } }, async (req) => records.me(req.ctx));
  app.get(`${P}/people/:id`, { schema: { tags, summary: 'Một hồ sơ (người khác xem phải nêu lý do, được ghi lại) / one record (others give a reason, logged)', params: idParams, querystring: viewQuery } },
    async (req) => records.get(req.ctx, req.params.id, req.query.reason));
  for (const kind of ['pdf', 'docx'] as const) {
    app.get(`${P}/people/:id/form.${kind}`, { schema: { tags, summary: `Sơ yếu lý lịch (${kind.toUpperCase()}) / the personal record form`, params: idParams, querystring: viewQuery } }, async (req, reply) => {
      const f = await records.form(req.ctx, req.params.id, req.query.reason);
      const opts = { printedOn: f.printedOn };
      const content = kind === 'pdf' ? await recordPdf(f.header, f.record, opts) : await recordDocx(f.header, f.record, opts);
      const type = kind === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      return download(reply, { name: `so-yeu-ly-lich-${slug(f.fullName)}.${kind}`, type, content });
    });
  }
  app.get(`${P}/people/:id/views`, { schema: { tags, summary: 'Ai đã xem hồ sơ, vì sao / who viewed the record and why', params: idParams } }, async (req) => records.views(req.ctx, req.params.id));
  app.post(`${P}/people/:id/changes`, { schema: { tags, summary: 'Đề nghị thay đổi hồ sơ / propose a change', params: idParams, body: changeBody } },
    async (req, reply) => reply.status(201).send(await records.propose(req.ctx, req.params.id, req.body)));
  app.get(`${P}/changes`, { schema: { tags, summary: 'Đề nghị thay đổi chờ xử lý / changes to decide', querystring: changesQuery } }, async (req) => records.queue(req.ctx, req.query.status));
  app.post(`${P}/changes/:id/decide`, { schema: { tags, summary: 'Phê duyệt, từ chối hoặc rút đề nghị / decide a change', params: idParams, body: decideBody } }, async (req) => records.decide(req.ctx, req.params.id, req.body));
  app.post(`${P}/people/:id/movements`, { schema: { tags, summary: 'Ghi nhận bổ nhiệm, biệt phái, điều động, nghỉ hưu, thôi việc / record a movement', params: idParams, body: movementBody } },
    async (req, reply) => reply.status(201).send(await movements.record(req.ctx, req.params.id, req.body)));
  app.put(`${P}/people/:id/grants`, { schema: { tags, summary: 'Vai trò và phạm vi (kèm lý do) / roles and scopes, with a reason', params: idParams, body: grantsBody } },
    async (req) => movements.setGrants(req.ctx, req.params.id, req.body));

  app.get(`${P}/evaluations`, { schema: { tags, summary: 'Đánh giá, xếp loại của đơn vị trong năm / a unit\'s evaluations', querystring: evaluationsQuery } },
    async (req) => evaluations.list(req.ctx, req.query.unitId, req.query.year));
  app.post(`${P}/evaluations/approve`, { schema: { tags, summary: 'Phê duyệt kết quả xếp loại của đơn vị / approve the unit\'s ratings', body: approveEvaluationsBody } },
    async (req) => evaluations.approve(req.ctx, req.body.unitId, req.body.year));
  app.get(`${P}/people/:id/evaluations/:year`, { schema: { tags, summary: 'Phiếu đánh giá năm / the year\'s sheet', params: yearParams } }, async (req) => evaluations.sheet(req.ctx, req.params.id, req.params.year));
  app.put(`${P}/people/:id/evaluations/:year/self`, { schema: { tags, summary: 'Tự đánh giá / self-assessment', params: yearParams, body: selfBody } },
    async (req) => evaluations.self(req.ctx, req.params.id, req.params.year, req.body));
  app.put(`${P}/people/:id/evaluations/:year/review`, { schema: { tags, summary: 'Nhận xét của người quản lý, biên bản họp / the manager\'s review', params: yearParams, body: reviewBody } },
    async (req) => evaluations.review(req.ctx, req.params.id, req.params.year, req.body));
  app.get(`${P}/evaluation-rule`, { schema: { tags, summary: 'Quy định đánh giá, xếp loại áp dụng cho năm / the rule for a year', querystring: ruleQuery } },
    async (req) => evaluations.getRule(req.ctx, req.query.year));
  app.put(`${P}/evaluation-rule`, { schema: { tags, summary: 'Sửa quy định đánh giá, xếp loại / set the rule', body: ruleBody } }, async (req) => evaluations.putRule(req.ctx, req.body));

  app.get(`${P}/stats`, { schema: { tags, summary: 'Thống kê đội ngũ công chức / staffing statistics', querystring: dayQuery } }, async (req) => stats.summary(req.ctx, req.query));
  app.get(`${P}/stats.xlsx`, { schema: { tags, summary: 'Biểu thống kê công chức (XLSX) / staffing report', querystring: dayQuery } }, async (req, reply) => download(reply, await stats.xlsx(req.ctx, req.query)));
}
