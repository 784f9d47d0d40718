import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

export const inspectionAuditVocabulary: AuditVocabulary = {
  actions: {
    'inspection.case_received': { vi: 'Tiếp nhận đơn khiếu nại, tố cáo', en: 'Complaint or denunciation received' },
    'inspection.case_classify': { vi: 'Phân loại lại đơn', en: 'Case reclassified' },
    'inspection.case_accept': { vi: 'Thụ lý đơn', en: 'Case accepted' },
    'inspection.case_refuse': { vi: 'Không thụ lý đơn', en: 'Case refused' },
    'inspection.case_start_verification': { vi: 'Bắt đầu xác minh', en: 'Verification started' },
    'inspection.case_extend': { vi: 'Gia hạn giải quyết tố cáo', en: 'Resolution period extended' },
    'inspection.case_conclude': { vi: 'Ban hành quyết định giải quyết, kết luận', en: 'Decision or conclusion issued' },
    'inspection.case_publish': { vi: 'Công khai kết quả giải quyết', en: 'Result published' },
    'inspection.case_set_team': { vi: 'Phân công tổ xử lý đơn', en: 'Handling team set' },
    'inspection.discipline_opened': { vi: 'Lập hồ sơ xem xét kỷ luật', en: 'Discipline case opened' },
    'inspection.discipline_record_step': { vi: 'Ghi nhận một bước xem xét kỷ luật', en: 'Discipline step recorded' },
    'inspection.discipline_defer': { vi: 'Tạm hoãn xem xét kỷ luật', en: 'Discipline case deferred' },
    'inspection.discipline_resume': { vi: 'Kết thúc tạm hoãn xem xét kỷ luật', en: 'Discipline case resumed' },
    'inspection.discipline_set_council': { vi: 'Thành lập hội đồng kỷ luật', en: 'Discipline council set up' },
    'inspection.discipline_record_ballot': { vi: 'Ghi nhận kết quả bỏ phiếu kín của hội đồng kỷ luật', en: 'Council ballot recorded' },
    'inspection.discipline_decide': { vi: 'Ra quyết định kỷ luật', en: 'Discipline decided' },
    'inspection.discipline_close': { vi: 'Kết thúc vụ việc không kỷ luật', en: 'Discipline case closed without discipline' },
  },
  entities: {
    insp_case: { label: { vi: 'Vụ việc khiếu nại, tố cáo', en: 'Complaint or denunciation case' } },
    insp_discipline_case: { label: { vi: 'Vụ việc kỷ luật', en: 'Discipline case' } },
  },
};
