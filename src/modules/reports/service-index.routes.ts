import type { App } from '../../platform/http/types.js';
import type { ServiceIndexService } from './service-index.service.js';
import { serviceIndexDossiersQuery, serviceIndexQuery, versionBody, versionParams } from './service-index.schema.js';

export async function serviceIndexRoutes(app: App, index: ServiceIndexService): Promise<void> {
  const tags = ['reports'];
  app.get('/api/v1/reports/service-index', {
    schema: { tags, summary: 'Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) theo đơn vị và kỳ / service-quality index', querystring: serviceIndexQuery },
  }, async (req) => index.index(req.ctx, req.query));
  app.get('/api/v1/reports/service-index/dossiers', {
    schema: { tags, summary: 'Danh sách hồ sơ được tính trong một chỉ tiêu / the dossiers behind an indicator', querystring: serviceIndexDossiersQuery },
  }, async (req) => index.dossiers(req.ctx, req.query));
  app.get('/api/v1/reports/service-index/versions', {
    schema: { tags, summary: 'Các phiên bản cấu hình bộ chỉ số theo ngày hiệu lực / versions of the index definition' },
  }, async (req) => index.versions(req.ctx));
  app.put('/api/v1/reports/service-index/versions/:effectiveFrom', {
    schema: { tags, summary: 'Thêm hoặc thay phiên bản cấu hình bộ chỉ số có hiệu lực từ một ngày / add or replace a version', params: versionParams, body: versionBody },
  }, async (req) => index.putVersion(req.ctx, req.params.effectiveFrom, req.body));
}
