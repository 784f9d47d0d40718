import { deadlineState, type DeadlineState, type IsWorkingDay } from './rules/deadlines.js';
import type { TaskAction, TaskStatus } from './rules/task-state.js';
import type { DocumentRow, TaskRow } from './directives.repository.js';
import { DOC_TYPE_LABELS } from './schema.js';

/** What the API answers for documents and tasks; the rows stay inside the module. */
export const STATUS_LABELS: Record<TaskStatus, { vi: string; en: string }> = {
  new: { vi: 'Chưa giao người phụ trách', en: 'Not assigned' },
  assigned: { vi: 'Đã giao', en: 'Assigned' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  completion_requested: { vi: 'Chờ công nhận hoàn thành', en: 'Completion requested' },
  completed: { vi: 'Hoàn thành', en: 'Completed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const ACTION_LABELS: Record<TaskAction | 'created', { vi: string; en: string }> = {
  created: { vi: 'Giao nhiệm vụ cho đơn vị chủ trì', en: 'Task given to the lead unit' },
  assign: { vi: 'Giao người phụ trách', en: 'Person in charge assigned' },
  progress: { vi: 'Báo cáo tiến độ', en: 'Progress reported' },
  request_completion: { vi: 'Đề nghị công nhận hoàn thành', en: 'Completion requested' },
  approve: { vi: 'Công nhận hoàn thành', en: 'Completion approved' },
  return: { vi: 'Trả lại, yêu cầu tiếp tục thực hiện', en: 'Returned for more work' },
  cancel: { vi: 'Hủy nhiệm vụ', en: 'Task cancelled' },
  change_lead: { vi: 'Chuyển đơn vị chủ trì', en: 'Lead unit changed' },
  edit: { vi: 'Sửa nội dung, thời hạn', en: 'Task edited' },
  note: { vi: 'Ghi chú', en: 'Note' },
};

export const RECURRENCE_LABELS = {
  monthly: { vi: 'Hằng tháng', en: 'Monthly' },
  quarterly: { vi: 'Hằng quý', en: 'Quarterly' },
  half_yearly: { vi: '6 tháng một lần', en: 'Every six months' },
  yearly: { vi: 'Hằng năm', en: 'Yearly' },
} as const;

export const PRIORITY_LABELS = {
  normal: { vi: 'Bình thường', en: 'Normal' },
  high: { vi: 'Quan trọng', en: 'High' },
  urgent: { vi: 'Khẩn', en: 'Urgent' },
} as const;

export function deadlineLabel(state: DeadlineState, late: number): string {
  switch (state) {
    case 'overdue': return `Quá hạn ${late} ngày làm việc`;
    case 'near_due': return 'Sắp đến hạn';
    case 'on_track': return 'Trong hạn';
    case 'done_on_time': return 'Hoàn thành đúng hạn';
    case 'done_late': return `Hoàn thành trễ ${late} ngày làm việc`;
    case 'cancelled': return 'Đã hủy';
    default: return 'Không có thời hạn';
  }
}

export type Names = { unit(id: number | null): string; staff(id: number | null): string | null };

export type TaskSummary = ReturnType<typeof taskSummary>;

export function taskSummary(t: TaskRow, doc: Pick<DocumentRow, 'number' | 'subject'>, names: Names, today: string, isWorking: IsWorkingDay) {
  const d = deadlineState({ status: t.status, dueOn: t.due_on, doneOn: t.done_on }, today, isWorking);
  return {
    id: t.id,
    documentId: t.document_id,
    documentNumber: doc.number,
    documentSubject: doc.subject,
    ref: t.ref,
    content: t.content,
    leadUnitId: t.lead_unit_id,
    leadUnitName: names.unit(t.lead_unit_id),
    coordinatingUnits: t.coordinating_unit_ids.map((id) => ({ id, name: names.unit(id) })),
    assigneeStaffId: t.assignee_staff_id,
    assigneeName: names.staff(t.assignee_staff_id),
    dueOn: t.due_on,
    dueDay: d.dueDay,
    recurrence: t.recurrence,
    occurrence: t.occurrence,
    expectedOutput: t.expected_output,
    priority: t.priority,
    status: t.status,
    statusLabel: STATUS_LABELS[t.status].vi,
    progress: t.progress,
    doneOn: t.done_on,
    deadline: { state: d.state, label: deadlineLabel(d.state, d.workingDaysLate), workingDaysLate: d.workingDaysLate },
    version: t.version,
  };
}

export type TaskCounts = { total: number; completed: number; open: number; overdue: number; nearDue: number; completionRequested: number; notAssigned: number; cancelled: number };

export function countTasks(tasks: Pick<TaskRow, 'status' | 'due_on' | 'done_on'>[], today: string, isWorking: IsWorkingDay): TaskCounts {
  const c: TaskCounts = { total: tasks.length, completed: 0, open: 0, overdue: 0, nearDue: 0, completionRequested: 0, notAssigned: 0, cancelled: 0 };
  for (const t of tasks) {
    const state = deadlineState({ status: t.status, dueOn: t.due_on, doneOn: t.done_on }, today, isWorking).state;
    if (t.status === 'completed') c.completed++;
    else if (t.status === 'cancelled') c.cancelled++;
    else {
      c.open++;
      if (t.status === 'new') c.notAssigned++;
      if (t.status === 'completion_requested') c.completionRequested++;
      if (state === 'overdue') c.overdue++;
      if (state === 'near_due') c.nearDue++;
    }
  }
  return c;
}

/** Completed over the tasks that count (cancelled ones do not), a percentage with one decimal. */
export function completionRate(c: Pick<TaskCounts, 'total' | 'completed' | 'cancelled'>): number | null {
  const counted = c.total - c.cancelled;
  return counted > 0 ? Math.round((c.completed / counted) * 1000) / 10 : null;
}

export function documentSummary(d: DocumentRow, ownerUnitName: string, counts: TaskCounts) {
  return {
    id: d.id,
    docType: d.doc_type,
    docTypeLabel: DOC_TYPE_LABELS[d.doc_type].vi,
    number: d.number,
    issuer: d.issuer,
    signer: d.signer,
    signedOn: d.signed_on,
    subject: d.subject,
    fields: d.fields,
    ownerUnitId: d.owner_unit_id,
    ownerUnitName,
    status: d.status,
    version: d.version,
    counts,
    completionRate: completionRate(counts),
  };
}
export type DocumentSummary = ReturnType<typeof documentSummary>;
