import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

export const personnelAuditVocabulary: AuditVocabulary = {
  actions: {
    'personnel.scheme_created': { vi: 'Lập đề án vị trí việc làm', en: 'Job-position scheme drafted' },
    'personnel.scheme_edited': { vi: 'Sửa đề án vị trí việc làm', en: 'Job-position scheme edited' },
    'personnel.scheme_submitted': { vi: 'Gửi thẩm định đề án vị trí việc làm', en: 'Job-position scheme submitted' },
    'personnel.scheme_appraised': { vi: 'Thẩm định đồng ý đề án vị trí việc làm', en: 'Job-position scheme appraised' },
    'personnel.scheme_returned': { vi: 'Trả lại đề án vị trí việc làm', en: 'Job-position scheme returned' },
    'personnel.scheme_approved': { vi: 'Phê duyệt đề án vị trí việc làm', en: 'Job-position scheme approved' },
    'personnel.record_opened': { vi: 'Lập hồ sơ công chức', en: 'Civil-servant record opened' },
    'personnel.record_viewed': { vi: 'Xem hồ sơ công chức của người khác', en: 'Another person\'s record viewed' },
    'personnel.change_proposed': { vi: 'Đề nghị thay đổi hồ sơ công chức', en: 'Record change proposed' },
    'personnel.change_approved': { vi: 'Phê duyệt thay đổi hồ sơ công chức', en: 'Record change approved' },
    'personnel.change_rejected': { vi: 'Từ chối thay đổi hồ sơ công chức', en: 'Record change rejected' },
    'personnel.change_withdrawn': { vi: 'Rút đề nghị thay đổi hồ sơ', en: 'Record change withdrawn' },
    'personnel.appointment': { vi: 'Bổ nhiệm, bố trí vào vị trí việc làm', en: 'Placed in a job position' },
    'personnel.secondment': { vi: 'Biệt phái', en: 'Seconded' },
    'personnel.transfer': { vi: 'Điều động, chuyển đơn vị', en: 'Transferred' },
    'personnel.retirement': { vi: 'Nghỉ hưu', en: 'Retired' },
    'personnel.leaving': { vi: 'Thôi việc', en: 'Left the service' },
    'personnel.grants_changed': { vi: 'Thay đổi vai trò, phạm vi', en: 'Roles changed' },
    'personnel.rule_set': { vi: 'Sửa quy định đánh giá, xếp loại', en: 'Evaluation rule set' },
    'personnel.self_assessed': { vi: 'Tự đánh giá, xếp loại', en: 'Self-assessment saved' },
    'personnel.reviewed': { vi: 'Nhận xét, đánh giá của người quản lý', en: 'Evaluation reviewed' },
    'personnel.evaluations_approved': { vi: 'Phê duyệt kết quả xếp loại', en: 'Ratings approved' },
  },
  entities: {
    hr_scheme: { label: { vi: 'Đề án vị trí việc làm', en: 'Job-position scheme' } },
    hr_person: { label: { vi: 'Hồ sơ công chức', en: 'Civil-servant record' } },
    hr_evaluation_rule: { label: { vi: 'Quy định đánh giá, xếp loại', en: 'Evaluation rule' } },
  },
};
