import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

/** The audit log's words for the quality module (issue 20). Each part adds its actions here. */
export const qualityAuditVocabulary: AuditVocabulary = {
  actions: {
    // systems + objectives
    'quality.system_created': { vi: 'Lập hệ thống quản lý chất lượng', en: 'Quality management system created' },
    'quality.system_updated': { vi: 'Sửa phạm vi, chính sách, thư ký ISO của hệ thống quản lý chất lượng', en: 'Quality management system changed' },
    'quality.policy_approved': { vi: 'Phê duyệt chính sách chất lượng', en: 'Quality policy approved' },
    'quality.declaration_recorded': { vi: 'Ghi nhận quyết định công bố hệ thống phù hợp TCVN ISO 9001', en: 'Announcement of conformity recorded' },
    'quality.objective_created': { vi: 'Thêm mục tiêu chất lượng', en: 'Quality objective added' },
    'quality.objective_updated': { vi: 'Sửa mục tiêu chất lượng', en: 'Quality objective changed' },
    // processes + documents
    'quality.process_created': { vi: 'Thêm quy trình vào hệ thống quản lý chất lượng', en: 'QMS process added' },
    'quality.process_updated': { vi: 'Sửa quy trình của hệ thống quản lý chất lượng', en: 'QMS process changed' },
    'quality.document_created': { vi: 'Thêm tài liệu của hệ thống quản lý chất lượng', en: 'QMS document added' },
    'quality.document_version_drafted': { vi: 'Soạn dự thảo sửa đổi tài liệu', en: 'QMS document revision drafted' },
    'quality.document_approved': { vi: 'Ban hành tài liệu của hệ thống quản lý chất lượng', en: 'QMS document issue approved' },
    'quality.document_obsoleted': { vi: 'Hủy bỏ lần ban hành của tài liệu', en: 'QMS document issue withdrawn' },
    // audits + nonconformities + proposals
    'quality.audit_planned': { vi: 'Lập kế hoạch đánh giá nội bộ', en: 'Internal audit planned' },
    'quality.audit_started': { vi: 'Bắt đầu cuộc đánh giá nội bộ', en: 'Internal audit started' },
    'quality.audit_item_added': { vi: 'Thêm câu hỏi kiểm tra của cuộc đánh giá', en: 'Checklist question added' },
    'quality.audit_item_recorded': { vi: 'Ghi kết quả câu hỏi kiểm tra', en: 'Checklist result recorded' },
    'quality.audit_finding_added': { vi: 'Ghi phát hiện của cuộc đánh giá nội bộ', en: 'Audit finding recorded' },
    'quality.audit_reported': { vi: 'Báo cáo kết quả đánh giá nội bộ', en: 'Internal audit reported' },
    'quality.nonconformity_raised': { vi: 'Ghi nhận sự không phù hợp', en: 'Nonconformity raised' },
    'quality.nonconformity_planned': { vi: 'Lập kế hoạch khắc phục sự không phù hợp', en: 'Corrective actions planned' },
    'quality.nonconformity_action_done': { vi: 'Báo cáo đã thực hiện hành động khắc phục', en: 'Corrective action done' },
    'quality.nonconformity_verified': { vi: 'Xác nhận hiệu lực của hành động khắc phục', en: 'Corrective action verified' },
    'quality.nonconformity_closed': { vi: 'Đóng phiếu sự không phù hợp', en: 'Nonconformity closed' },
    'quality.proposal_dismissed': { vi: 'Bác bỏ đề xuất sự không phù hợp', en: 'Proposed nonconformity dismissed' },
    // reviews
    'quality.review_created': { vi: 'Chuẩn bị cuộc họp xem xét của lãnh đạo', en: 'Management review drafted' },
    'quality.review_updated': { vi: 'Sửa biên bản, kết luận cuộc họp xem xét của lãnh đạo', en: 'Management review changed' },
    'quality.review_held': { vi: 'Xác nhận đã họp xem xét của lãnh đạo, chốt số liệu đầu vào', en: 'Management review held, inputs frozen' },
    'quality.review_assigned': { vi: 'Giao kết luận xem xét của lãnh đạo thành nhiệm vụ', en: 'Management review decisions assigned as tasks' },
  },
  entities: {
    qms_system: { label: { vi: 'Hệ thống quản lý chất lượng', en: 'Quality management system' } },
    qms_objective: { label: { vi: 'Mục tiêu chất lượng', en: 'Quality objective' } },
    qms_process: { label: { vi: 'Quy trình ISO', en: 'QMS process' } },
    qms_document: { label: { vi: 'Tài liệu HTQLCL', en: 'QMS document' } },
    qms_audit: { label: { vi: 'Đánh giá nội bộ', en: 'Internal audit' } },
    qms_nonconformity: { label: { vi: 'Sự không phù hợp', en: 'Nonconformity' } },
    qms_review: { label: { vi: 'Xem xét của lãnh đạo', en: 'Management review' } },
  },
};
