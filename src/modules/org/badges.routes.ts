import { z } from 'zod';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { MAX_INT4 } from '../../platform/http/bounds.js';
import { errors } from '../../platform/http/app-error.js';
import type { App } from '../../platform/http/types.js';
import type { FileStore } from '../../platform/files/file-store.js';
import { staffAffiliation } from './affiliation.js';
import { renderBadgeSheet, renderNameplateSheet } from './badges/index.js';
import type { OrgService } from './org.service.js';

const badgeQuery = z.strictObject({
  staffIds: z.string().regex(/^\d+(,\d+)*$/, 'Danh sách cán bộ phải là các số cách nhau bằng dấu phẩy').transform((s) => [...new Set(s.split(',').map(Number))])
    .refine((ids) => ids.every((id) => id <= MAX_INT4), 'Mã cán bộ không hợp lệ'),
});

/** The public page a badge's QR code opens (web/src/features/org: can-bo-cong-khai/:publicId). */
export function publicOfficialUrl(publicUrl: string, publicId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/can-bo-cong-khai/${encodeURIComponent(publicId)}`;
}

/** Badge and nameplate sheets (Decree 118 art. 11: staff at the desk wear a name badge). */
export async function badgeRoutes(app: App, deps: { org: OrgService; files: FileStore; publicUrl: string }): Promise<void> {
  const sheets = { 'badges.pdf': renderBadgeSheet, 'nameplates.pdf': renderNameplateSheet } as const;
  for (const [name, render] of Object.entries(sheets)) {
    app.get(`/api/v1/org/${name}`, { schema: { tags: ['org'], summary: name === 'badges.pdf' ? 'In thẻ cán bộ (PDF A4)' : 'In biển chức danh (PDF A4)', querystring: badgeQuery } }, async (req, reply) => {
      const ids = req.query.staffIds;
      if (ids.length > 500) throw errors.badRequest('Mỗi lần in tối đa 500 cán bộ.', 'At most 500 staff per sheet.');
      const { items } = await deps.org.searchStaff(req.ctx, { ids, page: 1, pageSize: 500 });
      if (items.length !== ids.length) throw errors.notFound('cán bộ', 'Staff member', 'STAFF_NOT_FOUND');
      const units = await deps.org.allUnits();
      const people = await Promise.all(items.map(async (s) => ({
        ...staffAffiliation(units, s.unitId),
        unitName: s.unitName, fullName: s.fullName, position: s.position ?? '', badgeNumber: s.badgeNumber ?? '',
        photo: s.photoUrl ? (await deps.org.findPublicStaff(s.publicId).then((p) => (p?.photoKey ? deps.files.get(p.photoKey) : undefined))) ?? null : null,
        qrUrl: publicOfficialUrl(deps.publicUrl, s.publicId),
      })));
      const pdf = await render(people, {});
      return reply.type('application/pdf').header('content-disposition', contentDisposition('inline', name)).header('cache-control', 'no-store').send(pdf);
    });
  }
}
