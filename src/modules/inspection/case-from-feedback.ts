import { can, reachable } from '../../platform/access/policy.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { actorOf, invalid, vnDay, type FeedbackForCase, type InspectionDeps } from './inspection.context.js';

/**
 * Feedback about an official's conduct turned into a denunciation (issue 18 scope 2, "the feedback
 * module's flag"). The feedback module decides who sees the item; this only proposes the case's fields,
 * which the officer checks and completes before receiving it. The submitter's identity travels into the
 * case's parties table, where only the handling team reads it.
 */

/** The unit that handles it: the official's own agency when the caller handles cases there, else the caller's first. */
function handlingUnit(handles: number[], preferred: (number | null)[]): number | null {
  for (const id of preferred) if (id !== null && handles.includes(id)) return id;
  return handles[0] ?? null;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function caseDraftOf(item: FeedbackForCase, handles: number[], ownUnitId: number) {
  const s = item.submitter;
  const idNumber = text(s.idNumber);
  return {
    kind: 'denunciation' as const,
    channel: 'feedback' as const,
    sourceRef: item.code,
    feedbackId: item.code,
    receivedOn: vnDay(new Date(item.receivedAt)),
    summary: `${item.title}\n\n${item.content}`.slice(0, 8000),
    subjectUnitId: item.conductUnitId ?? item.unitId,
    subjectStaffId: item.aboutStaffId,
    handlingUnitId: handlingUnit(handles, [ownUnitId, item.conductUnitId, item.unitId]),
    party: {
      fullName: text(s.name) ?? '',
      ...(idNumber && /^\d{9}$|^\d{12}$/.test(idNumber) ? { idNumber } : {}),
      ...(text(s.address) ? { address: text(s.address) } : {}),
      ...(text(s.phone) ? { phone: text(s.phone) } : {}),
      ...(text(s.email) ? { email: text(s.email) } : {}),
    },
  };
}

export async function draftFromFeedback(deps: InspectionDeps, ctx: RequestContext, code: string) {
  const actor = actorOf(ctx);
  const handles = reachable(actor, 'complaint.handle');
  if (handles.length === 0) throw errors.forbidden();
  const item = await deps.feedback.get(ctx, code);
  return caseDraftOf(item, handles, actor.unitId);
}

/** A case said to come from feedback names an item the caller can see; returns its code for the case's source. */
export async function checkFeedbackSource(deps: InspectionDeps, ctx: RequestContext, code: string, handlingUnitId: number): Promise<string> {
  const item = await deps.feedback.get(ctx, code).catch((e: unknown) => {
    if (e instanceof AppError && e.status === 404) throw invalid('feedbackId', 'Không tìm thấy phản ánh, kiến nghị này (hoặc bạn không được xem).', 'No such feedback item.');
    throw e;
  });
  if (!can(actorOf(ctx), 'complaint.handle', handlingUnitId)) throw errors.forbidden();
  return item.code;
}
