import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { beforeBody } from '../../platform/access/before-body.js';
import { readUpload } from '../../platform/files/upload.js';
import { errors } from '../../platform/http/app-error.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import type { App } from '../../platform/http/types.js';
import type { ParService } from './par.service.js';
import {
  correctionBody, councilBody, evidenceBody, explanationAnswerBody, explanationRequestBody, idParam, layerScoreBody, publishBody, roundOpenBody,
  selfScoreBody, setCreateBody, setEditBody, setIssueBody, stageBody, voteBody,
} from './schema.js';

const download = (reply: FastifyReply, f: { name: string; type: string; content: Buffer }) =>
  reply.type(f.type).header('content-disposition', contentDisposition('attachment', f.name)).header('cache-control', 'no-store').send(f.content);

const idParams = z.object({ id: idParam });
const unitParams = z.object({ id: idParam, unitId: idParam });
const code = z.string().regex(/^[\p{L}0-9._-]{1,20}$/u, 'Mã tiêu chí không hợp lệ.');
const leafParams = unitParams.extend({ code });
const layerParams = leafParams.extend({ layer: z.enum(['appraisal1', 'appraisal2', 'council'], { message: 'Lớp điểm không hợp lệ.' }) });
const evidenceParams = unitParams.extend({ evidenceId: idParam });
const versionBody = z.object({ version: z.number().int().positive() }).strict();
const factsBody = z.object({ facts: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/), z.union([z.string().max(100), z.number().finite(), z.boolean()])) }).strict();
const candidatesQuery = z.object({ q: z.string().trim().max(100, 'Từ khóa: tối đa 100 ký tự.').optional() });
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export async function parRoutes(app: App, par: ParService): Promise<void> {
  const tags = ['par'];
  const { sets, rounds, sheets } = par;
  app.get('/api/v1/par/sets', { schema: { tags, summary: 'Bộ tiêu chí Chỉ số CCHC theo năm / PAR criteria sets' } }, async (req) => sets.list(req.ctx));
  app.post('/api/v1/par/sets', { schema: { tags, summary: 'Tạo hoặc sao chép bộ tiêu chí / create or copy a criteria set', body: setCreateBody } },
    async (req, reply) => reply.status(201).send(await sets.create(req.ctx, req.body)));
  app.get('/api/v1/par/sets/:id', { schema: { tags, summary: 'Một bộ tiêu chí với cây tiêu chí / one criteria set with its tree', params: idParams } }, async (req) => sets.detail(req.ctx, req.params.id));
  app.patch('/api/v1/par/sets/:id', { schema: { tags, summary: 'Sửa bộ tiêu chí chưa dùng / edit a set not yet frozen', params: idParams, body: setEditBody } },
    async (req) => sets.edit(req.ctx, req.params.id, req.body));
  app.post('/api/v1/par/sets/:id/issue', { schema: { tags, summary: 'Ban hành bộ tiêu chí theo quyết định / issue a set by decision', params: idParams, body: setIssueBody } },
    async (req) => sets.issue(req.ctx, req.params.id, req.body));

  app.get('/api/v1/par/sets/:id/xlsx', { schema: { tags, summary: 'Tải bộ tiêu chí dạng XLSX / the set as an XLSX workbook', params: idParams } },
    async (req, reply) => download(reply, await sets.xlsx(req.ctx, req.params.id)));
  app.post('/api/v1/par/sets/:id/import', {
    schema: { tags, summary: 'Đọc cây tiêu chí từ tệp XLSX (multipart "file", tối đa 5 MB; chưa lưu) / read a tree from an XLSX file (not saved)', params: idParams },
    onRequest: beforeBody(['par.manage']),
  }, async (req) => {
    const file = await readUpload(req, 5 * 1024 * 1024);
    if (!file) throw errors.badRequest('Chưa chọn tệp XLSX để nhập.', 'No file was sent.');
    return sets.readXlsx(req.ctx, req.params.id, file.content);
  });

  app.get('/api/v1/par/rounds', { schema: { tags, summary: 'Các đợt đánh giá Chỉ số CCHC / PAR rounds' } }, async (req) => rounds.list(req.ctx));
  app.post('/api/v1/par/rounds', { schema: { tags, summary: 'Mở đợt đánh giá năm / open the year\'s round', body: roundOpenBody } },
    async (req, reply) => reply.status(201).send(await rounds.open(req.ctx, req.body)));
  app.get('/api/v1/par/rounds/:id', { schema: { tags, summary: 'Bảng theo dõi của đợt đánh giá / the round\'s board', params: idParams } }, async (req) => rounds.board(req.ctx, req.params.id));
  app.post('/api/v1/par/rounds/:id/stage', { schema: { tags, summary: 'Chuyển giai đoạn / move the round on', params: idParams, body: stageBody } },
    async (req) => rounds.advance(req.ctx, req.params.id, req.body));
  app.put('/api/v1/par/rounds/:id/units/:unitId/facts', { schema: { tags, summary: 'Dữ kiện áp dụng tiêu chí của đơn vị / a unit\'s applicability facts', params: unitParams, body: factsBody } },
    async (req) => rounds.setFacts(req.ctx, req.params.id, req.params.unitId, req.body.facts));
  app.put('/api/v1/par/rounds/:id/council', { schema: { tags, summary: 'Thành phần Hội đồng thẩm định / the appraisal council', params: idParams, body: councilBody } },
    async (req) => rounds.setCouncil(req.ctx, req.params.id, req.body));
  app.get('/api/v1/par/rounds/:id/council/candidates', { schema: { tags, summary: 'Cán bộ có thể cử vào Hội đồng thẩm định / staff who may sit on the council', params: idParams, querystring: candidatesQuery } },
    async (req) => rounds.councilCandidates(req.ctx, req.params.id, req.query.q));
  app.post('/api/v1/par/rounds/:id/votes', { schema: { tags, summary: 'Biểu quyết của thành viên hội đồng / a council member\'s vote', params: idParams, body: voteBody } },
    async (req) => rounds.vote(req.ctx, req.params.id, req.body));
  app.get('/api/v1/par/rounds/:id/results', { schema: { tags, summary: 'Bảng kết quả cho Hội đồng / the council\'s review sheet', params: idParams } }, async (req) => rounds.results(req.ctx, req.params.id));
  app.post('/api/v1/par/rounds/:id/publish', { schema: { tags, summary: 'Công bố kết quả theo quyết định / publish by decision', params: idParams, body: publishBody } },
    async (req) => rounds.publish(req.ctx, req.params.id, req.body));
  app.get('/api/v1/par/rounds/:id/corrections', { schema: { tags, summary: 'Các quyết định điều chỉnh sau công bố / corrections after publication', params: idParams } },
    async (req) => rounds.corrections(req.ctx, req.params.id));
  app.post('/api/v1/par/rounds/:id/corrections', { schema: { tags, summary: 'Điều chỉnh điểm theo quyết định / correct a published score by decision', params: idParams, body: correctionBody } },
    async (req, reply) => reply.status(201).send(await rounds.correct(req.ctx, req.params.id, req.body)));

  const sheet = '/api/v1/par/rounds/:id/units/:unitId';
  app.get(sheet, { schema: { tags, summary: 'Phiếu chấm điểm của đơn vị / a unit\'s scoring sheet', params: unitParams } }, async (req) => sheets.view(req.ctx, req.params.id, req.params.unitId));
  app.put(`${sheet}/leaves/:code/self`, { schema: { tags, summary: 'Tự chấm điểm một tiêu chí / self-score a criterion', params: leafParams, body: selfScoreBody } },
    async (req) => sheets.selfScore(req.ctx, req.params.id, req.params.unitId, req.params.code, req.body));
  app.put(`${sheet}/leaves/:code/layers/:layer`, { schema: { tags, summary: 'Điểm thẩm định hoặc của hội đồng / an appraisal or council score', params: layerParams, body: layerScoreBody } },
    async (req) => sheets.layerScore(req.ctx, req.params.id, req.params.unitId, req.params.code, req.params.layer, req.body));
  app.get(`${sheet}/leaves/:code/history`, { schema: { tags, summary: 'Lịch sử điểm của một tiêu chí / a criterion\'s score history', params: leafParams } },
    async (req) => sheets.history(req.ctx, req.params.id, req.params.unitId, req.params.code));
  app.post(`${sheet}/leaves/:code/evidence`, { schema: { tags, summary: 'Thêm tài liệu kiểm chứng / add evidence', params: leafParams, body: evidenceBody } },
    async (req, reply) => reply.status(201).send(await sheets.addEvidence(req.ctx, req.params.id, req.params.unitId, req.params.code, req.body)));
  app.delete(`${sheet}/evidence/:evidenceId`, { schema: { tags, summary: 'Gỡ tài liệu kiểm chứng / remove evidence', params: evidenceParams } },
    async (req) => sheets.removeEvidence(req.ctx, req.params.id, req.params.unitId, req.params.evidenceId));
  app.get(`${sheet}/evidence/:evidenceId/file`, { schema: { tags, summary: 'Tệp tài liệu kiểm chứng / an evidence file', params: evidenceParams } },
    async (req, reply) => download(reply, await sheets.evidenceFile(req.ctx, req.params.id, req.params.unitId, req.params.evidenceId)));
  app.post(`${sheet}/leaves/:code/explanation-request`, { schema: { tags, summary: 'Yêu cầu giải trình / request an explanation', params: leafParams, body: explanationRequestBody } },
    async (req) => sheets.requestExplanation(req.ctx, req.params.id, req.params.unitId, req.params.code, req.body));
  app.put(`${sheet}/leaves/:code/explanation`, { schema: { tags, summary: 'Giải trình của đơn vị / the unit\'s explanation', params: leafParams, body: explanationAnswerBody } },
    async (req) => sheets.answerExplanation(req.ctx, req.params.id, req.params.unitId, req.params.code, req.body));
  app.post(`${sheet}/submit`, { schema: { tags, summary: 'Phê duyệt và gửi kết quả tự đánh giá / approve and submit the self-assessment', params: unitParams, body: versionBody } },
    async (req) => sheets.submit(req.ctx, req.params.id, req.params.unitId, req.body.version));
  app.post(`${sheet}/submit-explanation`, { schema: { tags, summary: 'Gửi giải trình / submit the explanation', params: unitParams, body: versionBody } },
    async (req) => sheets.submitExplanation(req.ctx, req.params.id, req.params.unitId, req.body.version));

  app.get('/api/v1/public/par/results', { schema: { tags: ['public'], summary: 'Kết quả Chỉ số CCHC đã công bố / published PAR index', querystring: yearQuery }, config: { rateLimit: { max: 120, timeWindow: '1 minute' } } },
    async (req) => rounds.publicResults(req.query.year));
}
