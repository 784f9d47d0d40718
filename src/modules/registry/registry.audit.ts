import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

/** The audit log's words for the registry's settings, outgoing and incoming documents (issue 19). */
export const registryAuditVocabulary: AuditVocabulary = {
  actions: {
    'registry.settings_saved': { vi: 'Cập nhật thông tin văn thư của cơ quan', en: 'Records-office settings saved' },
    'registry.outgoing_created': { vi: 'Soạn dự thảo văn bản đi', en: 'Outgoing document drafted' },
    'registry.outgoing_edited': { vi: 'Sửa dự thảo văn bản đi', en: 'Outgoing draft edited' },
    'registry.outgoing_submitted': { vi: 'Trình ký văn bản đi', en: 'Outgoing document submitted for signature' },
    'registry.outgoing_returned': { vi: 'Trả lại dự thảo văn bản đi', en: 'Outgoing draft returned' },
    'registry.outgoing_approved': { vi: 'Ký duyệt văn bản đi', en: 'Outgoing document approved and signed' },
    'registry.outgoing_released': { vi: 'Cấp số và phát hành văn bản đi', en: 'Outgoing document numbered and released' },
    'registry.outgoing_cancelled': { vi: 'Hủy văn bản đi', en: 'Outgoing document cancelled' },
    'registry.incoming_registered': { vi: 'Vào sổ văn bản đến, cấp số đến', en: 'Incoming document registered with its arrival number' },
    'registry.incoming_routed': { vi: 'Phân công xử lý văn bản đến', en: 'Incoming document routed to its handlers' },
    'registry.incoming_reported': { vi: 'Báo cáo kết quả giải quyết văn bản đến', en: 'Report on an incoming document' },
    'registry.attachment_added': { vi: 'Đính kèm tệp vào văn bản (kiểm tra chữ ký số nếu là PDF)', en: 'File attached to a document (PDF signatures checked)' },
  },
  entities: {
    registry_settings: { label: { vi: 'Thông tin văn thư cơ quan', en: 'Records-office settings' } },
    registry_document: { label: { vi: 'Văn bản', en: 'Document' } },
  },
};
