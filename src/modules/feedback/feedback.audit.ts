import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

export const feedbackAuditVocabulary: AuditVocabulary = {
  actions: {
    'feedback.received': { vi: 'Tiếp nhận phản ánh, kiến nghị', en: 'Feedback received' },
    'feedback.classified': { vi: 'Phân loại phản ánh, kiến nghị (thuộc thẩm quyền)', en: 'Feedback classified as in competence' },
    'feedback.forwarded': { vi: 'Chuyển phản ánh, kiến nghị đến cơ quan có thẩm quyền', en: 'Feedback forwarded' },
    'feedback.rejected': { vi: 'Phản ánh, kiến nghị không thuộc phạm vi xử lý', en: 'Feedback rejected as out of scope' },
    'feedback.assigned': { vi: 'Giao cán bộ xử lý phản ánh, kiến nghị', en: 'Feedback assigned' },
    'feedback.answer_drafted': { vi: 'Dự thảo trả lời phản ánh, kiến nghị', en: 'Feedback answer drafted' },
    'feedback.answer_approved': { vi: 'Duyệt trả lời phản ánh, kiến nghị', en: 'Feedback answer approved' },
    'feedback.draft_returned': { vi: 'Trả lại dự thảo trả lời phản ánh, kiến nghị', en: 'Feedback draft returned' },
    'feedback.published': { vi: 'Công khai phản ánh, kiến nghị và trả lời', en: 'Feedback published' },
    'feedback.unpublished': { vi: 'Thôi công khai phản ánh, kiến nghị', en: 'Feedback unpublished' },
    'feedback.note': { vi: 'Ghi chú vào phản ánh, kiến nghị', en: 'Note on feedback' },
    'feedback.withdrawn': { vi: 'Rút phản ánh, kiến nghị', en: 'Feedback withdrawn' },
    'feedback.category_created': { vi: 'Tạo loại phản ánh, kiến nghị', en: 'Feedback category created' },
    'feedback.category_updated': { vi: 'Sửa loại phản ánh, kiến nghị', en: 'Feedback category updated' },
    'feedback.settings_changed': { vi: 'Sửa cấu hình phản ánh, kiến nghị', en: 'Feedback settings changed' },
  },
  entities: {
    feedback: { label: { vi: 'Phản ánh, kiến nghị', en: 'Feedback' } },
    feedback_category: { label: { vi: 'Loại phản ánh, kiến nghị', en: 'Feedback category' } },
    feedback_settings: { label: { vi: 'Cấu hình phản ánh, kiến nghị', en: 'Feedback settings' } },
  },
};
