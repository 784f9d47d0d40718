import type { AuditLabel, AuditVocabulary } from '../../platform/audit/vocabulary.js';
import { TASK_ACTIONS } from './rules/task-state.js';
import { ACTION_LABELS } from './views.js';

/** Every move on a task is audited as "directive.task_<action>", labelled as the task's history labels it. */
const taskActions: Record<string, AuditLabel> = Object.fromEntries(TASK_ACTIONS.map((a) => [`directive.task_${a}`, ACTION_LABELS[a]]));

export const directiveAuditVocabulary: AuditVocabulary = {
  actions: {
    'directive.alias_added': { vi: 'Thêm tên gọi khác của cơ quan', en: 'Agency alias added' },
    'directive.alias_removed': { vi: 'Xóa tên gọi khác của cơ quan', en: 'Agency alias removed' },
    'directive.names_loaded': { vi: 'Nạp danh sách tên gọi khác và cụm từ chỉ nhóm đơn vị', en: 'Agency aliases and group phrases loaded' },
    'directive.registered': { vi: 'Đăng ký văn bản chỉ đạo và giao nhiệm vụ', en: 'Steering document registered with its tasks' },
    'directive.edited': { vi: 'Sửa thông tin văn bản chỉ đạo', en: 'Steering document edited' },
    'directive.closed': { vi: 'Kết thúc theo dõi văn bản chỉ đạo', en: 'Steering document closed' },
    'directive.reopened': { vi: 'Tiếp tục theo dõi văn bản chỉ đạo', en: 'Steering document reopened' },
    'directive.tasks_added': { vi: 'Thêm nhiệm vụ cho văn bản chỉ đạo', en: 'Tasks added to a steering document' },
    'directive.period_created': { vi: 'Tạo kỳ báo cáo thực hiện văn bản', en: 'Reporting period opened' },
    'directive.report_saved': { vi: 'Lưu nháp báo cáo thực hiện của đơn vị', en: 'Unit report saved as draft' },
    'directive.report_submitted': { vi: 'Gửi báo cáo thực hiện của đơn vị', en: 'Unit report submitted' },
    ...taskActions,
  },
  entities: {
    directive_agency_alias: { label: { vi: 'Tên gọi khác của cơ quan', en: 'Agency alias' } },
    directive_document: { label: { vi: 'Văn bản chỉ đạo', en: 'Steering document' } },
    directive_task: { label: { vi: 'Nhiệm vụ được giao', en: 'Assigned task' } },
    directive_unit_report: { label: { vi: 'Báo cáo thực hiện của đơn vị', en: 'Unit implementation report' } },
  },
};
