import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

export const onlineAuditVocabulary: AuditVocabulary = {
  actions: {
    'online.file_uploaded': { vi: 'Công dân tải lên giấy tờ', en: 'Citizen uploaded a document' },
    'online.draft_created': { vi: 'Công dân tạo bản nháp hồ sơ trực tuyến', en: 'Citizen started an online filing' },
    'online.draft_updated': { vi: 'Công dân sửa bản nháp hồ sơ trực tuyến', en: 'Citizen edited an online filing' },
    'online.draft_deleted': { vi: 'Công dân xóa bản nháp hồ sơ trực tuyến', en: 'Citizen deleted an online filing' },
    'online.submitted': { vi: 'Công dân nộp hồ sơ trực tuyến', en: 'Citizen submitted a dossier online' },
    'online.supplemented': { vi: 'Công dân nộp bổ sung hồ sơ trực tuyến', en: 'Citizen supplemented a dossier online' },
    'online.rated': { vi: 'Công dân đánh giá mức độ hài lòng', en: 'Citizen rated their satisfaction' },
  },
  entities: {
    citizen_file: { label: { vi: 'Giấy tờ của công dân', en: 'Citizen document' } },
    online_draft: { label: { vi: 'Hồ sơ trực tuyến (bản nháp)', en: 'Online filing (draft)' } },
  },
};
