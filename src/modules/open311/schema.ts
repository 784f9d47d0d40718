import { z } from 'zod';
import { dbId, dbVersion } from '../../platform/http/bounds.js';

/** Admin API of the Open311 module (shared with the web app): registered applications and their keys. */
export const appParams = z.object({ id: dbId() });

export const createAppBody = z.strictObject({
  name: z.string().trim().min(2, 'Chưa nhập tên ứng dụng').max(200),
  contact: z.string().trim().max(300).nullish().transform((v) => v || null),
});
export type CreateAppInput = z.output<typeof createAppBody>;

export const revokeAppBody = z.strictObject({ version: dbVersion(1) });

export type Open311App = {
  id: number;
  name: string;
  contact: string | null;
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  requests: number;
  version: number;
};

/** The key is in this answer only: it is never stored and cannot be shown again. */
export type CreatedApp = { app: Open311App; apiKey: string };
