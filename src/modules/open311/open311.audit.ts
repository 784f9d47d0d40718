import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

export const open311AuditVocabulary: AuditVocabulary = {
  actions: {
    'open311.app.created': { vi: 'Đăng ký ứng dụng Open311 và cấp khóa API', en: 'Open311 application registered and API key issued' },
    'open311.app.revoked': { vi: 'Thu hồi khóa API của ứng dụng Open311', en: 'Open311 application API key revoked' },
  },
  entities: {
    open311_app: {
      label: { vi: 'Ứng dụng Open311', en: 'Open311 application' },
      names: async (db, ids) => {
        const nums = ids.map(Number).filter((n) => Number.isInteger(n) && n > 0 && n < 2 ** 31);
        if (!nums.length) return new Map();
        const rows = await db.selectFrom('open311_apps').select(['id', 'name']).where('id', 'in', nums).execute();
        return new Map(rows.map((r) => [String(r.id), r.name]));
      },
    },
  },
};
