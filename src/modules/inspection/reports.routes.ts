import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import type { App } from '../../platform/http/types.js';
import type { ReportDocuments } from './reports-documents.js';
import type { ReportsService } from './reports.service.js';
import { caseDocumentParams, disciplineDocumentParams, publicSummaryQuery, reportQuery } from './reports.schema.js';

/** A file built under the caller's rights: never cached, downloaded under its own name. */
const send = (reply: FastifyReply, f: { name: string; type: string; content: Buffer }, disposition: 'inline' | 'attachment' = 'attachment') =>
  reply.type(f.type).header('content-disposition', contentDisposition(disposition, f.name)).header('cache-control', 'no-store').send(f.content);

/** HTTP only: the report (issue 18 scope 4), its files, the public summary and the case documents. */
export async function reportRoutes(app: App, reports: ReportsService & ReportDocuments): Promise<void> {
  const tags = ['inspection'];
  const P = '/api/v1/inspection';

  app.get(`${P}/reports`, { schema: { tags, summary: 'Báo cáo thanh tra, khiếu nại, tố cáo và kỷ luật của một kỳ / the inspection report', querystring: reportQuery } },
    async (req) => reports.figures(req.ctx, req.query));
  app.get(`${P}/reports.xlsx`, { schema: { tags, summary: 'Các biểu báo cáo (XLSX) / the report tables as a workbook', querystring: reportQuery } },
    async (req, reply) => send(reply, await reports.file(req.ctx, req.query, 'xlsx')));
  app.get(`${P}/reports.pdf`, { schema: { tags, summary: 'Các biểu báo cáo (PDF) / the report tables as a PDF', querystring: reportQuery } },
    async (req, reply) => send(reply, await reports.file(req.ctx, req.query, 'pdf')));

  app.get(`${P}/cases/:id/documents/:kind.pdf`, {
    schema: { tags, summary: 'Thông báo thụ lý, quyết định giải quyết hoặc kết luận (PDF; danh tính người tố cáo chỉ cho tổ xử lý) / a case document', params: caseDocumentParams },
  }, async (req, reply) => send(reply, await reports.caseDocument(req.ctx, req.params.id, req.params.kind), 'inline'));
  app.get(`${P}/discipline/:id/documents/decision.pdf`, {
    schema: { tags, summary: 'Quyết định kỷ luật (PDF, không kèm kết quả bỏ phiếu, biên bản) / the discipline decision', params: disciplineDocumentParams },
  }, async (req, reply) => send(reply, await reports.disciplineDecision(req.ctx, req.params.id), 'inline'));

  app.get('/api/v1/public/inspection-summary', {
    schema: { tags: ['public'], summary: 'Kết quả thanh tra, giải quyết khiếu nại, tố cáo công khai theo năm (không có thông tin cá nhân) / public summary', querystring: publicSummaryQuery },
    // Open to anyone and a few queries deep: a scraper must not keep the database busy.
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const body = await reports.publicSummary(req.query.year);
    void reply.header('cache-control', 'public, max-age=300');
    return body;
  });
}
