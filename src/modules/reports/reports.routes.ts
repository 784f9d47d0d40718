import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import type { DashboardService } from './dashboard.service.js';
import { dashboardRoutes } from './dashboard.routes.js';
import type { App } from '../../platform/http/types.js';
import type { ReportService } from './reports.service.js';
import { archiveFileParams, ii06aDossiersQuery, ii06aQuery, ii07bQuery, periodsQuery } from './schema.js';
import type { ReportArchive } from './archive.service.js';
import type { ServiceIndexService } from './service-index.service.js';
import { serviceIndexRoutes } from './service-index.routes.js';

/** A form as a download (XLSX) or for the browser's viewer (PDF); never cached: figures change with every dossier. */
function sendFile(reply: FastifyReply, format: 'xlsx' | 'pdf', file: { body: Buffer; fileName: string }) {
  return reply
    .type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf')
    .header('content-disposition', contentDisposition(format === 'xlsx' ? 'attachment' : 'inline', file.fileName))
    .header('cache-control', 'no-store')
    .send(file.body);
}

export async function reportRoutes(app: App, reports: ReportService, serviceIndex?: ServiceIndexService, dashboards?: DashboardService, archive?: ReportArchive): Promise<void> {
  const tags = ['reports'];
  if (serviceIndex) await serviceIndexRoutes(app, serviceIndex);
  if (dashboards) await dashboardRoutes(app, dashboards);
  if (archive) {
    app.get('/api/v1/reports/archive', {
      schema: { tags, summary: 'Báo cáo đã lưu theo kỳ (lập khi kỳ báo cáo kết thúc) / reports kept per period' },
    }, async (req) => archive.list(req.ctx));
    app.get('/api/v1/reports/archive/:id/:format', {
      schema: { tags, summary: 'Tệp của một báo cáo đã lưu / a kept report as XLSX or PDF', params: archiveFileParams },
    }, async (req, reply) => sendFile(reply, req.params.format, await archive.file(req.ctx, req.params.id, req.params.format)));
  }
  app.get('/api/v1/reports/ii06a', {
    schema: { tags, summary: 'Biểu II.06a: tình hình, kết quả giải quyết TTHC theo đơn vị, lĩnh vực, thủ tục / form II.06a', querystring: ii06aQuery },
  }, async (req, reply) => {
    const report = await reports.ii06a(req.ctx, req.query);
    if (req.query.format === 'json') return report;
    return sendFile(reply, req.query.format, await reports.ii06aFile(report, req.query.format));
  });
  app.get('/api/v1/reports/ii06a/dossiers', {
    schema: { tags, summary: 'Danh sách hồ sơ sau một số liệu của biểu II.06a / the dossiers behind a figure of form II.06a', querystring: ii06aDossiersQuery },
  }, async (req) => reports.ii06aDossiers(req.ctx, req.query));
  app.get('/api/v1/reports/ii07b', {
    schema: { tags, summary: 'Biểu II.07b: số TTHC thuộc thẩm quyền, giải quyết theo cơ chế một cửa, có quy trình nội bộ / form II.07b', querystring: ii07bQuery },
  }, async (req, reply) => {
    const { format, ...q } = req.query;
    const report = await reports.ii07b(req.ctx, q);
    if (format === 'json') return report;
    return sendFile(reply, format, await reports.ii07bFile(report, format));
  });
  app.get('/api/v1/reports/periods', {
    schema: { tags, summary: 'Các kỳ báo cáo theo quy định của một năm (tháng, quý, 6 tháng, 9 tháng, năm) / statutory periods', querystring: periodsQuery },
  }, async (req) => reports.periods(req.ctx, req.query.year));
}
