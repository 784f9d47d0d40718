import type { AuditLabel, AuditVocabulary } from '../../platform/audit/vocabulary.js';
import { EVENT_LABELS, type EventType } from './rules/events.js';

/**
 * Every dossier event is audited as "dossier.<event type>" (event-writer.ts), so the labels are the
 * event labels the history shows; Record<EventType, …> keeps the two lists the same at compile time.
 */
const eventActions = Object.fromEntries(
  (Object.entries(EVENT_LABELS) as [EventType, AuditLabel][]).map(([type, label]) => [`dossier.${type}`, label]),
);

export const dossierAuditVocabulary: AuditVocabulary = {
  actions: {
    ...eventActions,
    // A dossier written before migration 0011 gets its chain head signed by `verify-audit --anchor`.
    'dossier.chain_anchored': { vi: 'Ký neo chuỗi lịch sử hồ sơ', en: 'Dossier history chain anchored' },
    'dossier.imported': { vi: 'Nhập hồ sơ từ hệ thống cũ', en: 'Dossiers imported from the previous system' },
    // Searching queues by an ID number or a phone number reads personal data (Decree 356/2025): logged.
    'dossier.search_personal': { vi: 'Tìm hồ sơ theo số định danh hoặc số điện thoại', en: 'Dossier search by ID or phone number' },
    // A batch of closed dossiers moved to the archive tables (archive/archive.service.ts); the codes are in the row.
    'dossier.archived': { vi: 'Chuyển hồ sơ đã kết thúc sang kho lưu trữ', en: 'Closed dossiers moved to the archive' },
    'dossier.archive_settings_changed': { vi: 'Sửa thời hạn chuyển hồ sơ sang kho lưu trữ', en: 'Archive period of dossiers changed' },
  },
  entities: {
    // A dossier is logged by its code (H30.22-260302-0001), which is already its name.
    dossier: { label: { vi: 'Hồ sơ', en: 'Dossier' } },
    dossier_import: { label: { vi: 'Lần nhập hồ sơ', en: 'Dossier import run' } },
    dossier_archive: { label: { vi: 'Kho lưu trữ hồ sơ', en: 'Dossier archive' } },
    dossier_settings: { label: { vi: 'Cấu hình hồ sơ', en: 'Dossier settings' } },
  },
};
