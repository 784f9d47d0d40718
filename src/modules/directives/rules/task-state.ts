/**
 * The life of an assigned task and who may move it (pure; the service works out the caller's standing).
 *
 *   new ──assign──► assigned ──progress──► in_progress ──request_completion──► completion_requested
 *                                                ▲                                   │ approve → completed
 *                                                └──────────── return ◄──────────────┘ (recurring: the next
 *                                                                                       occurrence, in_progress)
 * Any open task may be cancelled, given another lead unit (it starts again as new, nobody in charge)
 * or edited (deadline, content, priority) by the unit that assigned it. Reassigning a person keeps the
 * status and the history.
 *
 * Who: the lead unit's head (`directive.assign` at the lead unit) assigns, reports progress and asks for
 * completion; the person in charge reports progress; the assigning unit (the document's owner)
 * approves or returns a completion, cancels, changes the lead unit (`directive.approve`) and edits the
 * task (`directive.register`).
 */
export const TASK_STATUSES = ['new', 'assigned', 'in_progress', 'completion_requested', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_ACTIONS = ['assign', 'progress', 'request_completion', 'approve', 'return', 'cancel', 'change_lead', 'edit', 'note'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export const OPEN_STATUSES: readonly TaskStatus[] = ['new', 'assigned', 'in_progress', 'completion_requested'];
export const isOpen = (s: TaskStatus) => OPEN_STATUSES.includes(s);

const BY_STATUS: Record<TaskStatus, readonly TaskAction[]> = {
  new: ['assign', 'cancel', 'change_lead', 'edit', 'note'],
  assigned: ['assign', 'progress', 'request_completion', 'cancel', 'change_lead', 'edit', 'note'],
  in_progress: ['assign', 'progress', 'request_completion', 'cancel', 'change_lead', 'edit', 'note'],
  completion_requested: ['approve', 'return', 'cancel', 'note'],
  completed: ['note'],
  cancelled: ['note'],
};

/** The caller's standing towards one task. */
export type Standing = {
  /** The person in charge. */
  assignee: boolean;
  /** `directive.assign` at the lead unit (its head). */
  leadHead: boolean;
  /** `directive.register` at the document's owner unit. */
  ownerRegister: boolean;
  /** `directive.approve` at the document's owner unit. */
  ownerApprove: boolean;
};

const WHO: Record<TaskAction, (s: Standing) => boolean> = {
  assign: (s) => s.leadHead,
  progress: (s) => s.assignee || s.leadHead,
  request_completion: (s) => s.leadHead,
  approve: (s) => s.ownerApprove,
  return: (s) => s.ownerApprove,
  cancel: (s) => s.ownerApprove,
  change_lead: (s) => s.ownerApprove,
  edit: (s) => s.ownerRegister,
  note: (s) => s.assignee || s.leadHead || s.ownerRegister || s.ownerApprove,
};

export function actionsInStatus(status: TaskStatus): readonly TaskAction[] {
  return BY_STATUS[status];
}

/** What this caller may do now. */
export function allowedActions(status: TaskStatus, standing: Standing): TaskAction[] {
  return BY_STATUS[status].filter((a) => WHO[a](standing));
}

export function mayAct(action: TaskAction, standing: Standing): boolean {
  return WHO[action](standing);
}

/** Why the status refuses an action (a 409), or null. */
export function refusal(status: TaskStatus, action: TaskAction): { code: string; vi: string; en: string } | null {
  if (BY_STATUS[status].includes(action)) return null;
  if (action === 'progress' && status === 'new') {
    return { code: 'TASK_NOT_ASSIGNED', vi: 'Nhiệm vụ chưa được giao cho người phụ trách; lãnh đạo đơn vị chủ trì cần giao trước khi báo cáo tiến độ.', en: 'The task has no person in charge yet.' };
  }
  if (action === 'request_completion' && status === 'new') {
    return { code: 'TASK_NOT_ASSIGNED', vi: 'Nhiệm vụ chưa được giao cho người phụ trách nên chưa thể đề nghị hoàn thành.', en: 'The task has no person in charge yet.' };
  }
  if ((action === 'approve' || action === 'return') && status !== 'completion_requested') {
    return { code: 'NO_COMPLETION_REQUEST', vi: 'Đơn vị chủ trì chưa đề nghị công nhận hoàn thành nhiệm vụ này.', en: 'Completion has not been requested.' };
  }
  const state = STATUS_VI[status];
  return { code: 'ACTION_NOT_ALLOWED', vi: `Không thể thực hiện thao tác này khi nhiệm vụ ${state}.`, en: `The action ${action} is not allowed in status ${status}.` };
}

const STATUS_VI: Record<TaskStatus, string> = {
  new: 'chưa được giao', assigned: 'đã giao', in_progress: 'đang thực hiện', completion_requested: 'đang chờ công nhận hoàn thành',
  completed: 'đã hoàn thành', cancelled: 'đã hủy',
};

/** The status after an action; a recurring task's accepted occurrence opens the next one. */
export function nextStatus(status: TaskStatus, action: TaskAction, recurring = false): TaskStatus {
  switch (action) {
    case 'assign': return status === 'new' ? 'assigned' : status;
    case 'progress': return 'in_progress';
    case 'request_completion': return 'completion_requested';
    case 'approve': return recurring ? 'in_progress' : 'completed';
    case 'return': return 'in_progress';
    case 'cancel': return 'cancelled';
    case 'change_lead': return 'new';
    default: return status;
  }
}
