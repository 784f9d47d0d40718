import { AppError } from '../../platform/http/app-error.js';
import { parseOrThrow } from '../../platform/http/validation.js';
import type { FeedbackService } from '../feedback/feedback.service.js';
import { STATUS_LABELS, submitBody, type PublishedItem } from '../feedback/schema.js';
import type { FeedbackPort } from './ports.js';
import type { PublishedRequest } from './rules/georeport.js';

const PAGE = 200;
/** YYYY-MM-DD of an instant in Vietnam (the feedback module's published filter takes days). */
const vnDay = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

function requestOf(p: PublishedItem): PublishedRequest {
  // The answer's deadline is the spec's expected_datetime; an item never classified has none (null).
  const due = p.dueAt;
  return {
    code: p.code, categoryCode: p.categoryCode, categoryName: p.categoryName.vi, unitName: p.unitName,
    question: p.question, answer: p.answer || null, statusLabel: STATUS_LABELS.published,
    receivedAt: new Date(p.receivedAt), answeredAt: p.answeredAt ? new Date(p.answeredAt) : null,
    publishedAt: new Date(p.publishedAt), updatedAt: new Date(p.publishedAt),
    dueAt: due ? new Date(due) : null,
  };
}

/** The feedback service seen through the Open311 port: only published items ever leave it. */
export function open311Feedback(feedback: FeedbackService): FeedbackPort {
  const one = async (code: string): Promise<PublishedRequest | null> => {
    try {
      return requestOf(await feedback.publishedOne(code));
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return null;
      throw err;
    }
  };
  return {
    async categories() {
      return (await feedback.categories()).map((c) => ({ code: c.code, name: c.name, description: c.description, conduct: c.conduct, active: c.active }));
    },
    async submit(ctx, input, extra) {
      // The same checks as the portal's POST (name plus one contact, lengths), as field errors.
      const receipt = await feedback.submit(ctx, parseOrThrow(submitBody, input), 'api', extra);
      return { code: receipt.code, secret: receipt.secret, dueAt: receipt.dueAt ? new Date(receipt.dueAt) : null };
    },
    async published({ codes, categoryCodes, from, to, limit }) {
      if (codes) return (await Promise.all(codes.map(one))).filter((r): r is PublishedRequest => !!r).slice(0, limit);
      // Whole Vietnamese days from the feedback module, newest first, then the exact instants here.
      const out: PublishedRequest[] = [];
      let cursor: string | undefined;
      do {
        const page = await feedback.published({ from: from ? vnDay(from) : undefined, to: to ? vnDay(to) : undefined, limit: PAGE, cursor });
        for (const item of page.items.map(requestOf)) {
          if (from && item.receivedAt < from) continue;
          if (to && item.receivedAt > to) continue;
          if (categoryCodes && !categoryCodes.includes(item.categoryCode)) continue;
          out.push(item);
          if (out.length >= limit) return out;
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return out;
    },
    publishedOne: one,
  };
}
