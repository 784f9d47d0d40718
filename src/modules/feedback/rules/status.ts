import type { FeedbackAction, FeedbackStatus } from '../schema.js';

/**
 * The status machine of a feedback item (DOMAIN §7 suggested statuses; contract issue 12):
 * received → classify → in_progress | received at another unit (forward) | rejected;
 * in_progress → draft_answer → awaiting_approval → approve_answer → answered | return_draft → in_progress;
 * answered → publish (consent only) → published → unpublish → answered. The submitter may withdraw
 * while no answer was given. Pure: the service checks the caller's permissions per unit.
 */
export const OPEN_STATUSES: readonly FeedbackStatus[] = ['received', 'in_progress', 'awaiting_approval'];

/** Which permission each action needs on the handling unit. */
export const ACTION_PERMISSION: Record<FeedbackAction, 'feedback.handle' | 'feedback.approve'> = {
  classify: 'feedback.handle',
  assign: 'feedback.handle',
  draft_answer: 'feedback.handle',
  note: 'feedback.handle',
  withdraw: 'feedback.handle',
  approve_answer: 'feedback.approve',
  return_draft: 'feedback.approve',
  publish: 'feedback.approve',
  unpublish: 'feedback.approve',
};

const BY_STATUS: Record<FeedbackStatus, readonly FeedbackAction[]> = {
  received: ['classify', 'note', 'withdraw'],
  in_progress: ['assign', 'draft_answer', 'note', 'withdraw'],
  awaiting_approval: ['approve_answer', 'return_draft', 'note', 'withdraw'],
  answered: ['publish', 'note'],
  published: ['unpublish', 'note'],
  rejected: ['note'],
  withdrawn: ['note'],
};

export type ActionFacts = { status: FeedbackStatus; consentToPublish: boolean };

/** Actions the status allows, whoever asks. */
export function actionsInStatus(f: ActionFacts): FeedbackAction[] {
  return BY_STATUS[f.status].filter((a) => a !== 'publish' || f.consentToPublish);
}

/** Actions this caller may take now: those of the status for which they hold the permission. */
export function allowedActions(f: ActionFacts, holds: (p: 'feedback.handle' | 'feedback.approve') => boolean): FeedbackAction[] {
  return actionsInStatus(f).filter((a) => holds(ACTION_PERMISSION[a]));
}

/** Why an action is refused in a status (for the 409 message), or null when it is allowed. */
export function refusal(f: ActionFacts, action: FeedbackAction): { code: string; vi: string; en: string } | null {
  if (action === 'publish' && BY_STATUS[f.status].includes('publish') && !f.consentToPublish) {
    return { code: 'NO_CONSENT_TO_PUBLISH', vi: 'Người gửi không đồng ý công khai nên không thể công khai phản ánh, kiến nghị này.', en: 'The submitter did not consent to publication.' };
  }
  if (!BY_STATUS[f.status].includes(action)) {
    return { code: 'ACTION_NOT_ALLOWED', vi: `Không thể thực hiện thao tác này khi phản ánh, kiến nghị đang ở trạng thái hiện tại.`, en: `The action ${action} is not allowed in status ${f.status}.` };
  }
  return null;
}

/** What a status becomes after an action (the classify outcome decides for classify). */
export function nextStatus(status: FeedbackStatus, action: FeedbackAction, outcome?: 'in_competence' | 'forward' | 'out_of_scope'): FeedbackStatus {
  switch (action) {
    case 'classify': return outcome === 'in_competence' ? 'in_progress' : outcome === 'forward' ? 'received' : 'rejected';
    case 'draft_answer': return 'awaiting_approval';
    case 'approve_answer': return 'answered';
    case 'return_draft': return 'in_progress';
    case 'publish': return 'published';
    case 'unpublish': return 'answered';
    case 'withdraw': return 'withdrawn';
    default: return status;
  }
}

export const isOpen = (s: FeedbackStatus) => OPEN_STATUSES.includes(s);

/** Overdue: still open and past its due instant. */
export function isOverdue(status: FeedbackStatus, dueAt: Date | null, now: Date): boolean {
  return isOpen(status) && !!dueAt && dueAt.getTime() < now.getTime();
}
