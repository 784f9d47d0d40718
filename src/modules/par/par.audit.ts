import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';
import { SURVEY_AUDIT } from './survey.audit.js';

export const parAuditVocabulary: AuditVocabulary = {
  actions: {
    'par.set_created': { vi: 'Tạo bộ tiêu chí Chỉ số CCHC', en: 'PAR criteria set created' },
    'par.set_copied': { vi: 'Sao chép bộ tiêu chí Chỉ số CCHC từ năm trước', en: 'PAR criteria set copied' },
    'par.set_edited': { vi: 'Sửa bộ tiêu chí Chỉ số CCHC', en: 'PAR criteria set edited' },
    'par.set_issued': { vi: 'Ban hành bộ tiêu chí Chỉ số CCHC', en: 'PAR criteria set issued' },
    'par.round_opened': { vi: 'Mở đợt đánh giá Chỉ số CCHC', en: 'PAR round opened' },
    'par.stage_changed': { vi: 'Chuyển giai đoạn đánh giá Chỉ số CCHC', en: 'PAR round stage changed' },
    'par.facts_set': { vi: 'Cập nhật dữ kiện áp dụng tiêu chí của đơn vị', en: 'Unit facts for applicability set' },
    'par.self_scored': { vi: 'Tự chấm điểm tiêu chí', en: 'Criterion self-scored' },
    'par.appraised': { vi: 'Thẩm định điểm tiêu chí', en: 'Criterion appraised' },
    'par.council_scored': { vi: 'Hội đồng thẩm định chấm điểm tiêu chí', en: 'Criterion scored by the council' },
    'par.evidence_added': { vi: 'Thêm tài liệu kiểm chứng', en: 'Evidence added' },
    'par.evidence_removed': { vi: 'Gỡ tài liệu kiểm chứng', en: 'Evidence removed' },
    'par.explanation_requested': { vi: 'Yêu cầu giải trình tiêu chí', en: 'Explanation requested' },
    'par.explained': { vi: 'Giải trình tiêu chí', en: 'Criterion explained' },
    'par.explanation_submitted': { vi: 'Gửi giải trình Chỉ số CCHC', en: 'Explanation submitted' },
    'par.sheet_submitted': { vi: 'Phê duyệt và gửi kết quả tự đánh giá Chỉ số CCHC', en: 'Self-assessment submitted' },
    'par.council_set': { vi: 'Thành lập Hội đồng thẩm định Chỉ số CCHC', en: 'Appraisal council set' },
    'par.council_voted': { vi: 'Biểu quyết của thành viên Hội đồng thẩm định', en: 'Council member voted' },
    'par.council_approved': { vi: 'Hội đồng thẩm định thông qua kết quả', en: 'Council approved the scores' },
    'par.published': { vi: 'Công bố kết quả Chỉ số CCHC', en: 'PAR results published' },
    'par.corrected': { vi: 'Điều chỉnh điểm theo quyết định sau công bố', en: 'Published score corrected by decision' },
    ...SURVEY_AUDIT.actions,
  },
  entities: {
    par_set: { label: { vi: 'Bộ tiêu chí Chỉ số CCHC', en: 'PAR criteria set' } },
    par_round: { label: { vi: 'Đợt đánh giá Chỉ số CCHC', en: 'PAR round' } },
    par_sheet: { label: { vi: 'Phiếu chấm điểm Chỉ số CCHC của đơn vị', en: 'Unit PAR scoring sheet' } },
    ...SURVEY_AUDIT.entities,
  },
};
