import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

export const citizenAuditVocabulary: AuditVocabulary = {
  actions: {
    'citizen.signed_in': { vi: 'Công dân đăng nhập bằng định danh điện tử', en: 'Citizen signed in with e-ID' },
    'citizen.registered': { vi: 'Công dân đăng nhập lần đầu (tạo hồ sơ người dùng)', en: 'Citizen signed in for the first time' },
    'citizen.sign_in_refused': { vi: 'Từ chối đăng nhập bằng định danh điện tử', en: 'e-ID sign-in refused' },
    'citizen.signed_out': { vi: 'Công dân đăng xuất', en: 'Citizen signed out' },
    'citizen.contact_updated': { vi: 'Công dân sửa thông tin liên hệ', en: 'Citizen updated their contact details' },
  },
  entities: {
    citizen: { label: { vi: 'Công dân (tài khoản dịch vụ công)', en: 'Citizen (online services account)' } },
  },
};
