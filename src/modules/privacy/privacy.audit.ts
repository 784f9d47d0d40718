import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

export const privacyAuditVocabulary: AuditVocabulary = {
  actions: {
    // A staff member read a citizen's personal data outside their own work on the dossier, and said why.
    'personal_data.viewed': { vi: 'Xem thông tin cá nhân ngoài phần việc (có lý do)', en: 'Personal data viewed outside own work (with a reason)' },
    'privacy.request_received': { vi: 'Tiếp nhận yêu cầu về dữ liệu cá nhân', en: 'Data-subject request received' },
    'privacy.request_acknowledged': { vi: 'Xác nhận yêu cầu về dữ liệu cá nhân', en: 'Data-subject request acknowledged' },
    'privacy.request_done': { vi: 'Giải quyết xong yêu cầu về dữ liệu cá nhân', en: 'Data-subject request settled' },
    'privacy.request_refused': { vi: 'Từ chối yêu cầu về dữ liệu cá nhân', en: 'Data-subject request refused' },
    'privacy.data_exported': { vi: 'Xuất dữ liệu cá nhân cho chủ thể dữ liệu', en: 'Personal data exported for the data subject' },
    'privacy.limit_updated': { vi: 'Sửa thời hạn giải quyết yêu cầu về dữ liệu cá nhân', en: 'Data-subject request time limit changed' },
    'privacy.retention_updated': { vi: 'Sửa thời hạn lưu trữ', en: 'Retention period changed' },
    'privacy.file_erased': { vi: 'Xóa nội dung bản quét giấy tờ tùy thân hết thời hạn lưu trữ', en: 'Identity document scan erased at the end of retention' },
  },
  entities: {
    privacy_request: { label: { vi: 'Yêu cầu về dữ liệu cá nhân', en: 'Data-subject request' } },
    privacy_request_limit: { label: { vi: 'Thời hạn giải quyết yêu cầu', en: 'Request time limit' } },
    retention_period: { label: { vi: 'Thời hạn lưu trữ', en: 'Retention period' } },
    file: { label: { vi: 'Tệp tải lên', en: 'Uploaded file' } },
  },
};
