import { contentDisposition } from '../../platform/http/content-disposition.js';
import type { App } from '../../platform/http/types.js';
import { idParams, lineCreateBody, lineUpdateBody, linesQuery, summaryQuery } from './reform-budget.schema.js';
import type { ReformBudgetService } from './reform-budget.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** HTTP only (issue 20 scope 5): parse, then hand the request context to the service. */
export async function reformBudgetRoutes(app: App, budget: ReformBudgetService): Promise<void> {
  const tags = ['reform-budget'];
  const P = '/api/v1/reform-budget';

  app.get(`${P}/units`, { schema: { tags, summary: 'Đơn vị mà cán bộ được xem kinh phí cải cách hành chính / units whose reform budget the caller reads' } },
    async (req) => budget.units(req.ctx));
  app.get(`${P}/lines`, { schema: { tags, summary: 'Các dòng kinh phí của một đơn vị trong năm và tổng hợp / a unit\'s budget lines of a year with its summary', querystring: linesQuery } },
    async (req) => budget.lines(req.ctx, req.query));
  app.post(`${P}/lines`, { schema: { tags, summary: 'Thêm dòng kinh phí cải cách hành chính / add a budget line', body: lineCreateBody } },
    async (req, reply) => reply.status(201).send(await budget.create(req.ctx, req.body)));
  app.get(`${P}/lines/:id`, { schema: { tags, summary: 'Một dòng kinh phí / one budget line', params: idParams } },
    async (req) => budget.get(req.ctx, req.params.id));
  app.put(`${P}/lines/:id`, { schema: { tags, summary: 'Sửa dòng kinh phí (theo phiên bản, ghi lý do) / edit a budget line', params: idParams, body: lineUpdateBody } },
    async (req) => budget.update(req.ctx, req.params.id, req.body));
  app.get(`${P}/lines/:id/changes`, { schema: { tags, summary: 'Lịch sử thay đổi của dòng kinh phí / a line\'s changes', params: idParams } },
    async (req) => budget.changes(req.ctx, req.params.id));
  app.get(`${P}/summary`, { schema: { tags, summary: 'Tổng hợp kinh phí cải cách hành chính của năm theo đơn vị và hoạt động / the yearly summary', querystring: summaryQuery } },
    async (req) => budget.summary(req.ctx, req.query.year));
  app.get(`${P}/summary.xlsx`, { schema: { tags, summary: 'Tổng hợp kinh phí của năm dạng Excel / the yearly summary as XLSX', querystring: summaryQuery } },
    async (req, reply) => {
      const { xlsx, fileName } = await budget.summaryXlsx(req.ctx, req.query.year);
      return reply.type(XLSX).header('content-disposition', contentDisposition('attachment', fileName)).send(xlsx);
    });
}
