import type { DataProtection } from '../../../platform/crypto/data-protection.js';
import type { FastifyReply } from 'fastify';
import { join } from 'node:path';
import { z } from 'zod';
import { contentDisposition } from '../../../platform/http/content-disposition.js';
import { dbId } from '../../../platform/http/bounds.js';
import type { Config } from '../../../config.js';
import type { App } from '../../../platform/http/types.js';
import type { OrgService } from '../../org/org.service.js';
import type { Db } from '../../../platform/db/transaction.js';
import { loadSlipTemplates } from './slip-templates.js';
import { createSlipService, type RatingCodePort, DOSSIER_SLIP_FORMS, type SlipService } from './slips.service.js';

const slipParams = z.object({
  code: z.string().trim().min(5).max(60),
  form: z.enum(DOSSIER_SLIP_FORMS, { message: 'Mẫu phiếu phải là 01, 02, 03, 04, 05 hoặc 06' }),
});

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Ngày không tồn tại');

const registerQuery = z.strictObject({
  unitId: dbId('Chưa chọn đơn vị'),
  from: isoDay,
  to: isoDay,
});

const pdf = (name: string) => ({ type: 'application/pdf', disposition: contentDisposition('inline', name) });

/**
 * Slips of a dossier and the dossier register. Layouts come from `templates/` or, where a province
 * has its own, `<MOTCUA_DATA_DIR>/slips/NN.json` — read and validated here, at start-up.
 */
/** The slip service with the province's layouts (read and validated once, at start-up). */
export function createSlips(deps: { db: Db; org: OrgService; config: Config; keys: DataProtection; now?: () => Date; ratingCode?: RatingCodePort }): SlipService {
  return createSlipService({
    db: deps.db, org: deps.org, publicUrl: deps.config.publicUrl, templates: loadSlipTemplates(join(deps.config.dataDir, 'slips')), keys: deps.keys, ...(deps.now ? { now: deps.now } : {}), ...(deps.ratingCode ? { ratingCode: deps.ratingCode } : {}),
  });
}

export async function slipRoutes(app: App, slips: SlipService): Promise<void> {
  const tags = ['dossiers'];
  const send = (reply: FastifyReply, body: Buffer, file: { type: string; disposition: string }) =>
    reply.type(file.type).header('content-disposition', file.disposition).header('cache-control', 'no-store').send(body);

  app.get('/api/v1/dossiers/:code/slips/:form.pdf', {
    schema: { tags, summary: 'In phiếu của hồ sơ (mẫu 01–06, Thông tư 03/2025/TT-VPCP) / print a dossier slip', params: slipParams },
  }, async (req, reply) => send(reply, await slips.dossierSlip(req.ctx, req.params.code, req.params.form), pdf(`${req.params.code}-mau-${req.params.form}.pdf`)));

  app.get('/api/v1/dossier-register.pdf', {
    schema: { tags, summary: 'Sổ theo dõi hồ sơ (mẫu 07), PDF / dossier register', querystring: registerQuery },
  }, async (req, reply) => send(reply, await slips.registerPdf(req.ctx, req.query), pdf(`so-theo-doi-ho-so-${req.query.from}-${req.query.to}.pdf`)));

  app.get('/api/v1/dossier-register.xlsx', {
    schema: { tags, summary: 'Sổ theo dõi hồ sơ (mẫu 07), Excel / dossier register', querystring: registerQuery },
  }, async (req, reply) => send(reply, await slips.registerXlsx(req.ctx, req.query), {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    disposition: contentDisposition('attachment', `so-theo-doi-ho-so-${req.query.from}-${req.query.to}.xlsx`),
  }));
}
