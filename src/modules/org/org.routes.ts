import { z } from 'zod';
import { beforeBody } from '../../platform/access/before-body.js';
import { detectImageType } from '../../platform/documents/index.js';
import { AppError, errors } from '../../platform/http/app-error.js';
import { dbId } from '../../platform/http/bounds.js';
import { readUpload } from '../../platform/files/upload.js';
import { staffAffiliation } from './affiliation.js';
import type { App } from '../../platform/http/types.js';
import type { FileStore } from '../../platform/files/file-store.js';
import type { OrgService } from './org.service.js';
import {
  createPositionBody, createStaffBody, createUnitBody, positionView, publicStaffView, staffQuery, staffView, unitView,
  updatePositionBody, updateStaffBody, updateUnitBody,
} from './schema.js';

const idParams = z.object({ id: dbId() });
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export type OrgRouteDeps = { org: OrgService; files: FileStore; publicUrl: string };

export async function orgRoutes(app: App, { org, files }: OrgRouteDeps): Promise<void> {
  const tags = ['org'];
  app.get('/api/v1/org/units', { schema: { tags, summary: 'Danh sách đơn vị / units', response: { 200: z.object({ items: z.array(unitView) }) } } },
    async (req) => ({ items: await org.listUnits(req.ctx) }));
  app.get('/api/v1/org/units/:id', { schema: { tags, params: idParams, response: { 200: unitView } } },
    async (req) => org.getUnit(req.ctx, req.params.id));
  app.post('/api/v1/org/units', { schema: { tags, summary: 'Tạo đơn vị / create a unit', body: createUnitBody, response: { 201: unitView } } },
    async (req, reply) => reply.status(201).send(await org.createUnit(req.ctx, req.body)));
  app.patch('/api/v1/org/units/:id', { schema: { tags, params: idParams, body: updateUnitBody, response: { 200: unitView } } },
    async (req) => org.updateUnit(req.ctx, req.params.id, req.body));

  app.get('/api/v1/org/staff', { schema: { tags, summary: 'Danh sách cán bộ / staff', querystring: staffQuery, response: { 200: z.object({ items: z.array(staffView), total: z.number() }) } } },
    async (req) => org.searchStaff(req.ctx, req.query));
  app.get('/api/v1/org/staff/:id', { schema: { tags, params: idParams, response: { 200: staffView } } },
    async (req) => org.getStaff(req.ctx, req.params.id));
  app.post('/api/v1/org/staff', { schema: { tags, summary: 'Thêm cán bộ / add a staff member', body: createStaffBody, response: { 201: staffView } } },
    async (req, reply) => reply.status(201).send(await org.createStaff(req.ctx, req.body)));
  app.patch('/api/v1/org/staff/:id', { schema: { tags, params: idParams, body: updateStaffBody, response: { 200: staffView } } },
    async (req) => org.updateStaff(req.ctx, req.params.id, req.body));
  app.put('/api/v1/org/staff/:id/photo', {
    schema: { tags, summary: 'Ảnh cán bộ (JPEG/PNG, multipart, tối đa 2 MB) / staff photo', params: idParams, response: { 200: staffView } },
    onRequest: beforeBody(['staff.manage']),
  }, async (req) => {
    await org.getStaff(req.ctx, req.params.id);
    const file = await readUpload(req, MAX_PHOTO_BYTES);
    if (!file) throw errors.badRequest('Chưa chọn tệp ảnh.', 'No image file was sent.');
    // The browser's declared type is the file name's guess; the bytes decide. Only what the badge
    // PDF can print (JPEG, PNG) is kept, so a photo that is accepted always appears on the card.
    if (!detectImageType(file.content)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415, 'Tệp không phải ảnh JPEG hoặc PNG (nội dung tệp không khớp). Hãy chọn một ảnh chụp JPEG hoặc PNG.', 'The file is not a JPEG or PNG image (its content does not match). Choose a JPEG or PNG photo.');
    }
    const key = await files.put(file.content);
    return org.setStaffPhoto(req.ctx, req.params.id, key);
  });

  app.get('/api/v1/org/positions', { schema: { tags, summary: 'Vị trí việc làm / job positions', querystring: z.strictObject({ unitId: dbId().optional() }), response: { 200: z.object({ items: z.array(positionView) }) } } },
    async (req) => ({ items: await org.listPositions(req.ctx, req.query.unitId) }));
  app.post('/api/v1/org/positions', { schema: { tags, body: createPositionBody, response: { 201: positionView } } },
    async (req, reply) => reply.status(201).send(await org.createPosition(req.ctx, req.body)));
  app.patch('/api/v1/org/positions/:id', { schema: { tags, params: idParams, body: updatePositionBody, response: { 200: positionView } } },
    async (req) => org.updatePosition(req.ctx, req.params.id, req.body));

  // The province's own name comes from its org tree (data, not code), for the portal's header.
  app.get('/api/v1/public/site', { schema: { tags: ['public'], summary: 'Thông tin cổng / site identity' } }, async () => {
    const units = await org.allUnits();
    const root = units.find((u) => u.parentId === null);
    const owner = root ? units.find((u) => u.parentId === root.id && u.kind === 'people_committee') : undefined;
    return {
      provinceName: root?.name ?? null,
      portalName: root ? `Cổng dịch vụ công ${root.name.replace(/^Tỉnh /, 'tỉnh ')}` : 'Cổng dịch vụ công',
      ownerName: owner?.name ?? null,
    };
  });

  // Public directory of agencies (communes, departments, centres): a desk receiving a dossier
  // regardless of boundary must be able to name the competent commune outside its own reach.
  app.get('/api/v1/public/agencies', { schema: { tags: ['public'], summary: 'Danh sách cơ quan / agencies' } }, async () => {
    const kinds = new Set(['people_committee', 'department', 'service_centre', 'commune', 'vertical_agency', 'office']);
    const units = await org.allUnits();
    return { items: units.filter((u) => kinds.has(u.kind)).map((u) => ({ id: u.id, parentId: u.parentId, code: u.code, name: u.name, kind: u.kind })) };
  });

  // The badge QR code leads here: who this official is, with the agency and province a section's name
  // alone does not tell (Directive 16 item 2). `feedbackUrl` stays null until a feedback (PAKN) module
  // serves a page to send it to: a button to a page that does not exist is worse than none.
  app.get('/api/v1/public/staff/:publicId', { schema: { tags: ['public'], params: z.object({ publicId: z.string().max(64) }), response: { 200: publicStaffView } }, config: { rateLimit: { max: 120, timeWindow: '1 minute' } } },
    async (req) => {
      const s = await org.findPublicStaff(req.params.publicId);
      if (!s || !s.active) throw errors.notFound('cán bộ', 'Staff member', 'STAFF_NOT_FOUND');
      const { agencyName, provinceName } = staffAffiliation(await org.allUnits(), s.unitId);
      return { fullName: s.fullName, position: s.position, unitName: s.unitName, agencyName, provinceName, badgeNumber: s.badgeNumber, photoUrl: s.photoUrl, feedbackUrl: null };
    });
  app.get('/api/v1/public/staff/:publicId/photo', { schema: { tags: ['public'], params: z.object({ publicId: z.string().max(64) }) } },
    async (req, reply) => {
      const s = await org.findPublicStaff(req.params.publicId);
      const content = s?.photoKey ? await files.get(s.photoKey) : undefined;
      if (!s || !content) throw errors.notFound('ảnh', 'Photo');
      return reply.type(content[0] === 0x89 ? 'image/png' : 'image/jpeg').header('cache-control', 'public, max-age=3600').send(content);
    });
}
