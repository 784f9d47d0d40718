import { z } from 'zod';
import { text, version } from './schema.js';

/** Bodies of the exchange's endpoints (issue 19 scope 3), checked at the edge. */
export const recallBody = z.object({
  version,
  reason: text('Lý do thu hồi', 2000, 5),
}).strict();
export type RecallInput = z.infer<typeof recallBody>;

export const returnBody = z.object({
  version,
  reason: text('Lý do trả lại', 2000, 5),
}).strict();
export type ReturnInput = z.infer<typeof returnBody>;
