import type { AuditLabel, AuditNameLookup, AuditVocabulary } from '../../platform/audit/vocabulary.js';

/**
 * Procedures appear in the log as "1.001193" or, for one version, "1.001193@2". The name is the
 * procedure's latest one (a read model over the catalogue's own tables).
 */
const procedureNames: AuditNameLookup = async (db, ids) => {
  const codes = [...new Set(ids.map((id) => id.split('@')[0]!))];
  const rows = codes.length
    ? await db.selectFrom('catalog_procedure_versions as v').innerJoin('catalog_procedures as p', 'p.id', 'v.procedure_id')
      .select(['p.code', 'v.name', 'v.number']).where('p.code', 'in', codes).orderBy('v.number', 'desc').execute()
    : [];
  const names = new Map<string, string>();
  for (const r of rows) if (!names.has(r.code)) names.set(r.code, r.name);
  const out = new Map<string, AuditLabel>();
  for (const id of ids) {
    const [code, number] = id.split('@') as [string, string | undefined];
    const name = names.get(code);
    const base = name ? `${code} “${name}”` : code;
    out.set(id, number ? { vi: `${base}, phiên bản ${number}`, en: `${base}, version ${number}` } : { vi: base, en: base });
  }
  return out;
};

/** What the catalogue writes to the audit log. */
export const catalogAuditVocabulary: AuditVocabulary = {
  actions: {
    'catalog.imported': { vi: 'Nhập danh mục thủ tục từ tệp', en: 'Catalogue imported from a file' },
    'catalog.version.drafted': { vi: 'Tạo bản nháp thủ tục', en: 'Procedure draft created' },
    'catalog.version.updated': { vi: 'Sửa bản nháp thủ tục', en: 'Procedure draft edited' },
    'catalog.version.published': { vi: 'Công bố thủ tục', en: 'Procedure published' },
    'catalog.version.deleted': { vi: 'Xóa bản nháp thủ tục', en: 'Procedure draft deleted' },
    'catalog.version.amended': { vi: 'Sửa đổi, bổ sung thủ tục (hết hiệu lực phiên bản)', en: 'Procedure amended (version closed)' },
    'catalog.version.replaced': { vi: 'Thay thế thủ tục', en: 'Procedure replaced' },
    'catalog.version.abolished': { vi: 'Bãi bỏ thủ tục', en: 'Procedure abolished' },
    'catalog.form.uploaded': { vi: 'Tải lên mẫu đơn, tờ khai', en: 'Form file uploaded' },
  },
  entities: {
    procedure: { label: { vi: 'Thủ tục', en: 'Procedure' }, names: procedureNames },
    catalog: { label: { vi: 'Danh mục thủ tục hành chính', en: 'Procedure catalogue' } },
  },
};
