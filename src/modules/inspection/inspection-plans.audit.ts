import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

/** The audit log's words for inspection plans, inspections and their recommendations (issue 18 scope 1). */
export const inspectionPlansAuditVocabulary: AuditVocabulary = {
  actions: {
    'inspection.plan_created': { vi: 'Lập dự thảo kế hoạch thanh tra, kiểm tra', en: 'Inspection plan drafted' },
    'inspection.plan_edit': { vi: 'Sửa dự thảo kế hoạch thanh tra, kiểm tra', en: 'Inspection plan draft edited' },
    'inspection.plan_add_item': { vi: 'Thêm cuộc thanh tra, kiểm tra vào kế hoạch', en: 'Inspection added to a plan' },
    'inspection.plan_update_item': { vi: 'Sửa cuộc thanh tra, kiểm tra trong kế hoạch', en: 'Planned inspection changed' },
    'inspection.plan_remove_item': { vi: 'Bỏ cuộc thanh tra, kiểm tra khỏi kế hoạch', en: 'Inspection removed from a plan' },
    'inspection.plan_approve': { vi: 'Phê duyệt kế hoạch thanh tra, kiểm tra', en: 'Inspection plan approved' },
    'inspection.inspection_opened': { vi: 'Mở cuộc thanh tra, kiểm tra', en: 'Inspection opened' },
    'inspection.inspection_edit': { vi: 'Sửa quyết định, thời gian thanh tra, kiểm tra', en: 'Inspection details changed' },
    'inspection.inspection_set_team': { vi: 'Phân công đoàn thanh tra, kiểm tra', en: 'Inspection team set' },
    'inspection.inspection_start': { vi: 'Công bố quyết định, bắt đầu làm việc tại đơn vị', en: 'Inspection started at the unit' },
    'inspection.inspection_refresh_checklist': { vi: 'Cập nhật số liệu biên bản kiểm tra', en: 'Checklist figures refreshed' },
    'inspection.inspection_set_verdicts': { vi: 'Đánh giá các mục kiểm tra', en: 'Checklist verdicts recorded' },
    'inspection.inspection_add_finding': { vi: 'Ghi nhận vi phạm, tồn tại', en: 'Finding recorded' },
    'inspection.inspection_update_finding': { vi: 'Sửa vi phạm, tồn tại đã ghi nhận', en: 'Finding changed' },
    'inspection.inspection_remove_finding': { vi: 'Bỏ vi phạm, tồn tại đã ghi nhận', en: 'Finding removed' },
    'inspection.inspection_conclude': { vi: 'Ban hành kết luận thanh tra, kiểm tra', en: 'Inspection concluded' },
    'inspection.inspection_cancel': { vi: 'Hủy cuộc thanh tra, kiểm tra', en: 'Inspection cancelled' },
    'inspection.inspection_closed': { vi: 'Kết thúc cuộc thanh tra, kiểm tra (các kiến nghị đã hoàn thành)', en: 'Inspection closed (every recommendation done)' },
    'inspection.recommendation_report': { vi: 'Báo cáo kết quả thực hiện kiến nghị', en: 'Recommendation progress reported' },
    'inspection.recommendation_accept': { vi: 'Đánh giá kiến nghị đã hoàn thành', en: 'Recommendation accepted as done' },
    'inspection.recommendation_return': { vi: 'Trả lại báo cáo thực hiện kiến nghị', en: 'Recommendation returned' },
  },
  entities: {
    insp_plan: { label: { vi: 'Kế hoạch thanh tra, kiểm tra', en: 'Inspection plan' } },
    insp_inspection: { label: { vi: 'Cuộc thanh tra, kiểm tra', en: 'Inspection' } },
    insp_recommendation: { label: { vi: 'Kiến nghị sau thanh tra, kiểm tra', en: 'Inspection recommendation' } },
  },
};
