import type { AuditNameLookup, AuditVocabulary } from '../../platform/audit/vocabulary.js';

const numericIds = (ids: string[]) => ids.filter((id) => /^\d+$/.test(id)).map(Number);

// Read models for the audit log's names: org's own tables, looked up by the ids the log stores.
const unitNames: AuditNameLookup = async (db, ids) => {
  const n = numericIds(ids);
  if (!n.length) return new Map();
  const rows = await db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', n).execute();
  return new Map(rows.map((r) => [String(r.id), r.name]));
};
const staffNames: AuditNameLookup = async (db, ids) => {
  const n = numericIds(ids);
  if (!n.length) return new Map();
  const rows = await db.selectFrom('org_staff').select(['id', 'full_name']).where('id', 'in', n).execute();
  return new Map(rows.map((r) => [String(r.id), r.full_name]));
};
const positionNames: AuditNameLookup = async (db, ids) => {
  const n = numericIds(ids);
  if (!n.length) return new Map();
  const rows = await db.selectFrom('org_positions').select(['id', 'name']).where('id', 'in', n).execute();
  return new Map(rows.map((r) => [String(r.id), r.name]));
};

/** What the organisation module writes to the audit log. */
export const orgAuditVocabulary: AuditVocabulary = {
  actions: {
    'org.unit.created': { vi: 'Thêm đơn vị', en: 'Unit created' },
    'org.unit.updated': { vi: 'Sửa đơn vị', en: 'Unit edited' },
    'org.staff.created': { vi: 'Thêm cán bộ', en: 'Staff member added' },
    'org.staff.updated': { vi: 'Sửa thông tin cán bộ', en: 'Staff member edited' },
    'org.staff.photo_changed': { vi: 'Đổi ảnh cán bộ', en: 'Staff photo changed' },
    'org.position.created': { vi: 'Thêm vị trí việc làm', en: 'Job position created' },
    'org.position.updated': { vi: 'Sửa vị trí việc làm', en: 'Job position edited' },
    'access.granted': { vi: 'Cấp quyền (vai trò)', en: 'Role granted' },
  },
  entities: {
    unit: { label: { vi: 'Đơn vị', en: 'Unit' }, names: unitNames },
    staff: { label: { vi: 'Cán bộ', en: 'Staff member' }, names: staffNames },
    position: { label: { vi: 'Vị trí việc làm', en: 'Job position' }, names: positionNames },
  },
};
