import type { RequestContext } from '../../platform/http/context.js';
import type { Category, FeedbackSubmission, PublishedRequest } from './rules/georeport.js';

/**
 * What the Open311 adapter needs from the feedback module (wired in src/app.ts to services.feedback):
 * its categories (the services), submitting through the 'api' channel, and published items only.
 */
export type FeedbackPort = {
  /** Active categories, in the province's order. */
  categories(): Promise<Category[]>;
  submit(ctx: RequestContext, input: FeedbackSubmission, extra: { appName: string }): Promise<{ code: string; secret: string; dueAt: Date | null }>;
  /** Published items received in [from, to] (or with these codes), newest first, at most `limit`. */
  published(filters: { codes?: string[]; categoryCodes?: string[]; from?: Date; to?: Date; limit: number }): Promise<PublishedRequest[]>;
  publishedOne(code: string): Promise<PublishedRequest | null>;
};
