import { z } from 'zod';
import { dbCursor } from '../http/bounds.js';
import { hasAnywhere, reachable, requireActor, hasProvinceWide } from '../access/policy.js';
import { errors } from '../http/app-error.js';
import type { App } from '../http/types.js';
import type { Db } from '../db/transaction.js';
import { searchAudit } from './audit.service.js';
import { actionLabel, describeObjects, type AuditVocabulary } from './vocabulary.js';

const auditQuery = z.strictObject({
  action: z.string().max(100).optional(),
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actor: z.string().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  cursor: dbCursor(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Dates in the query are Vietnamese calendar days: the day starts at 00:00 +07:00. */
const vnDayStart = (d: string) => new Date(`${d}T00:00:00+07:00`);

export async function auditRoutes(app: App, db: Db, unitNames: (ids: number[]) => Promise<Map<number, string>>, vocabulary: AuditVocabulary): Promise<void> {
  app.get('/api/v1/audit/vocabulary', { schema: { tags: ['audit'], summary: 'Tên các hành động và đối tượng của nhật ký / audit log labels' } }, async (req) => {
    const actor = requireActor(req.ctx.actor);
    if (!hasAnywhere(actor, 'audit.read')) throw errors.forbidden();
    return {
      actions: Object.entries(vocabulary.actions).map(([action, label]) => ({ action, label })),
      entities: Object.entries(vocabulary.entities).map(([entity, kind]) => ({ entity, label: kind.label })),
    };
  });

  app.get('/api/v1/audit', { schema: { tags: ['audit'], summary: 'Nhật ký hệ thống / audit log', querystring: auditQuery } }, async (req) => {
    const actor = requireActor(req.ctx.actor);
    if (!hasAnywhere(actor, 'audit.read')) throw errors.forbidden();
    const units = reachable(actor, 'audit.read');
    // Events with no unit (sign-in failures, system jobs) belong to whoever reads the whole province's log.
    const includeUnitless = hasProvinceWide(actor, 'audit.read');
    const q = req.query;
    const to = q.to ? new Date(vnDayStart(q.to).getTime() + 86_400_000) : undefined;
    const page = await searchAudit(db, { ...q, from: q.from ? vnDayStart(q.from) : undefined, to }, units, includeUnitless);
    const names = await unitNames([...new Set(page.items.flatMap((i) => (i.unitId ? [i.unitId] : [])))]);
    const objects = await describeObjects(db, vocabulary, page.items);
    return {
      items: page.items.map((i, n) => ({
        ...i, at: i.at.toISOString(), unitName: i.unitId ? names.get(i.unitId) ?? null : null,
        actionLabel: actionLabel(vocabulary, i.action), object: objects[n]!,
      })),
      nextCursor: page.nextCursor,
    };
  });
}
