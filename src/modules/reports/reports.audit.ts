import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

export const reportAuditVocabulary: AuditVocabulary = {
  actions: {
    'report.index_version_added': { vi: 'Thêm phiên bản bộ chỉ số phục vụ (Quyết định 766)', en: 'Service-quality index version added (Decision 766)' },
    'report.index_version_replaced': { vi: 'Sửa phiên bản bộ chỉ số phục vụ (Quyết định 766)', en: 'Service-quality index version replaced (Decision 766)' },
    'report.archived': { vi: 'Lưu báo cáo khi kết thúc kỳ báo cáo', en: 'Report kept at the end of its period' },
  },
  entities: {
    // Named by the day the version takes effect, which is its identifier.
    report_index_version: {
      label: { vi: 'Bộ chỉ số phục vụ có hiệu lực từ', en: 'Service-quality index effective from' },
      names: async (_db, ids) => new Map(ids.map((id) => [id, id.split('-').reverse().join('/')])),
    },
    report_archive: {
      label: { vi: 'Báo cáo đã lưu', en: 'Kept report' },
      names: async (db, ids) => {
        const rows = await db.selectFrom('report_archive').select(['id', 'form', 'period_code']).where('id', 'in', ids.map(Number).filter(Number.isFinite)).execute();
        return new Map(rows.map((r) => [String(r.id), `${r.form} ${r.period_code}`]));
      },
    },
  },
};
