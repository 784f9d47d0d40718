import type { App } from '../../platform/http/types.js';
import type { DashboardService } from './dashboard.service.js';
import { dashboardQuery, publicStatisticsQuery } from './dashboard.schema.js';

export async function dashboardRoutes(app: App, dashboards: DashboardService): Promise<void> {
  const tags = ['reports'];
  app.get('/api/v1/reports/dashboard', {
    schema: { tags, summary: 'Bảng điều hành: số liệu, tỷ lệ, xếp hạng đơn vị và xu hướng theo tháng / leaders’ dashboard', querystring: dashboardQuery },
  }, async (req) => dashboards.dashboard(req.ctx, req.query));
  app.get('/api/v1/public/statistics', {
    schema: { tags: ['public'], summary: 'Số liệu giải quyết TTHC công khai của tỉnh và từng đơn vị theo năm / public statistics', querystring: publicStatisticsQuery },
    // Open to anyone and a few queries deep: a scraper must not keep the database busy.
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const body = await dashboards.publicStatistics(req.query);
    // Published figures change with every dossier, but a portal's visitors need not each recount them.
    void reply.header('cache-control', 'public, max-age=300');
    return body;
  });
}
