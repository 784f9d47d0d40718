/**
 * Codes and labels of inspection plans and inspections (issue 18 scope 1). No zod and no server import:
 * the web app reads this file as it is, and the schemas take their enums from it.
 */
export type Label = { vi: string; en: string };

export const PLAN_STATUSES = ['draft', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, Label> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
};

/** What an inspection looks at (Directive 16 item 5 and the provinces' yearly plans). */
export const TOPICS = ['admin_discipline', 'one_stop', 'public_duty', 'complaints_handling', 'admin_reform', 'anti_corruption', 'other'] as const;
export type TopicCode = (typeof TOPICS)[number];
export const TOPIC_LABELS: Record<TopicCode, Label> = {
  admin_discipline: { vi: 'Kỷ luật, kỷ cương hành chính', en: 'Administrative discipline' },
  one_stop: { vi: 'Thực hiện cơ chế một cửa, một cửa liên thông', en: 'One-stop-shop practice' },
  public_duty: { vi: 'Thực thi công vụ, đạo đức, văn hóa công vụ', en: 'Conduct of official duties' },
  complaints_handling: { vi: 'Tiếp công dân, giải quyết khiếu nại, tố cáo', en: 'Citizen reception, complaints and denunciations' },
  admin_reform: { vi: 'Cải cách hành chính', en: 'Administrative reform' },
  anti_corruption: { vi: 'Phòng, chống tham nhũng, tiêu cực', en: 'Anti-corruption' },
  other: { vi: 'Nội dung khác', en: 'Other' },
};

export const INSPECTION_KINDS = ['planned', 'surprise'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, Label> = {
  planned: { vi: 'Theo kế hoạch', en: 'Planned' },
  surprise: { vi: 'Đột xuất', en: 'Surprise' },
};

export const INSPECTION_STATUSES = ['planned', 'in_progress', 'concluded', 'closed', 'cancelled'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, Label> = {
  planned: { vi: 'Chưa tiến hành', en: 'Planned' },
  in_progress: { vi: 'Đang tiến hành', en: 'In progress' },
  concluded: { vi: 'Đã kết luận, đang theo dõi kiến nghị', en: 'Concluded, recommendations followed up' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const VERDICTS = ['ok', 'finding', 'not_checked'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: Record<Verdict, Label> = {
  ok: { vi: 'Đạt', en: 'OK' },
  finding: { vi: 'Có vi phạm, tồn tại', en: 'Finding' },
  not_checked: { vi: 'Chưa kiểm tra', en: 'Not checked' },
};

/** Kinds of finding; the report counts findings by these codes (report-ports.ts). */
export const FINDING_KINDS = ['late_processing', 'harassment', 'procedure_not_posted', 'badge_not_worn', 'wrong_fee', 'working_hours', 'complaints_handling', 'other'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_KIND_LABELS: Record<FindingKind, Label> = {
  late_processing: { vi: 'Giải quyết hồ sơ, công việc chậm, quá hạn', en: 'Late processing' },
  harassment: { vi: 'Gây phiền hà, sách nhiễu, nhũng nhiễu', en: 'Harassment or obstruction' },
  procedure_not_posted: { vi: 'Không niêm yết, công khai thủ tục hành chính', en: 'Procedures not posted' },
  badge_not_worn: { vi: 'Không đeo thẻ công chức', en: 'Badge not worn' },
  wrong_fee: { vi: 'Thu phí, lệ phí không đúng quy định', en: 'Wrong fee charged' },
  working_hours: { vi: 'Vi phạm thời giờ làm việc', en: 'Working hours not kept' },
  complaints_handling: { vi: 'Tiếp nhận, xử lý phản ánh, khiếu nại không đúng quy định', en: 'Feedback or complaints mishandled' },
  other: { vi: 'Vi phạm, tồn tại khác', en: 'Other' },
};

export const RECOMMENDATION_STATUSES = ['open', 'reported', 'closed'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, Label> = {
  open: { vi: 'Đang thực hiện', en: 'Open' },
  reported: { vi: 'Đã báo cáo, chờ đánh giá', en: 'Reported, awaiting review' },
  closed: { vi: 'Đã hoàn thành', en: 'Closed' },
};

/** Where a recommendation stands against its deadline on a day (inspection-rules.ts `recommendationClock`). */
export type RecommendationClockState = 'on_track' | 'near_due' | 'overdue' | 'closed_on_time' | 'closed_late';
export const RECOMMENDATION_CLOCK_LABELS: Record<RecommendationClockState, Label> = {
  on_track: { vi: 'Trong hạn', en: 'On track' },
  near_due: { vi: 'Sắp đến hạn', en: 'Near due' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  closed_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Closed on time' },
  closed_late: { vi: 'Hoàn thành quá hạn', en: 'Closed late' },
};

/** Who is reading an inspection: its inspecting side (unit or team) or, once concluded, the inspected unit. */
export type InspectionView = 'inspecting' | 'inspected';
