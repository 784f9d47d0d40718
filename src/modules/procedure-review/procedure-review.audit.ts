import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

/** The history's actions (pr_events.action); the audit log writes them as `procedure_review.<action>`. */
export const PR_ACTIONS = {
  parameters_saved: { vi: 'Lưu tham số tính chi phí tuân thủ', en: 'Save compliance-cost parameters' },
  review_plan_created: { vi: 'Lập kế hoạch rà soát TTHC', en: 'Draft a yearly review plan' },
  review_plan_updated: { vi: 'Sửa kế hoạch rà soát TTHC', en: 'Edit a yearly review plan' },
  review_plan_approved: { vi: 'Phê duyệt kế hoạch rà soát TTHC', en: 'Approve a yearly review plan' },
  review_created: { vi: 'Lập phiếu rà soát, đánh giá TTHC', en: 'Open a review form' },
  review_updated: { vi: 'Cập nhật phiếu rà soát', en: 'Edit a review form' },
  review_submitted: { vi: 'Trình phiếu rà soát', en: 'Submit a review form' },
  review_approved: { vi: 'Phê duyệt phiếu rà soát', en: 'Approve a review form' },
  review_returned: { vi: 'Trả lại phiếu rà soát', en: 'Return a review form' },
  plan_created: { vi: 'Lập phương án đơn giản hóa TTHC', en: 'Draft a simplification plan' },
  plan_updated: { vi: 'Sửa phương án đơn giản hóa', en: 'Edit a simplification plan' },
  plan_proposed: { vi: 'Trình phương án đơn giản hóa', en: 'Propose a simplification plan' },
  plan_approved: { vi: 'Phê duyệt phương án đơn giản hóa', en: 'Approve a simplification plan' },
  plan_rejected: { vi: 'Không phê duyệt phương án đơn giản hóa', en: 'Reject a simplification plan' },
  plan_returned: { vi: 'Trả lại phương án đơn giản hóa', en: 'Return a simplification plan' },
} as const;
export type PrAction = keyof typeof PR_ACTIONS;

/** The audit log's words for reviewing and simplifying procedures (issue 21). */
export const procedureReviewAuditVocabulary: AuditVocabulary = {
  actions: Object.fromEntries(Object.entries(PR_ACTIONS).map(([k, v]) => [`procedure_review.${k}`, v])),
  entities: {
    procedure_review_parameters: { label: { vi: 'Tham số chi phí tuân thủ', en: 'Compliance-cost parameters' } },
    procedure_review_review_plan: { label: { vi: 'Kế hoạch rà soát TTHC', en: 'Yearly review plan' } },
    procedure_review_review: { label: { vi: 'Phiếu rà soát, đánh giá TTHC', en: 'Procedure review form' } },
    procedure_review_plan: { label: { vi: 'Phương án đơn giản hóa TTHC', en: 'Simplification plan' } },
  },
};
