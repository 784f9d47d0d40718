import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import type { App } from '../../platform/http/types.js';
import type { DirectiveService } from './directives.service.js';
import { consolidatedFile } from './exports/consolidated-file.js';
import {
  addTasksBody, aliasBody, aliasParams, assigneesQuery, boardQuery, documentParams, editDocumentBody, exportParams, fileParams, outlineBody, periodBody,
  periodParams, registerBody, taskAction, taskListQuery, unitReportBody, unitReportParams,
} from './schema.js';

/** A stored file as a download (never cached: it is read under the caller's rights). */
const download = (reply: FastifyReply, f: { name: string; type: string; content: Buffer }) =>
  reply.type(f.type).header('content-disposition', contentDisposition('attachment', f.name)).header('cache-control', 'no-store').send(f.content);

export async function directiveRoutes(app: App, directives: DirectiveService): Promise<void> {
  const tags = ['directives'];
  const { documents, tasks, periods } = directives;
  app.post('/api/v1/directives/outline', {
    schema: { tags, summary: 'Đề xuất khung nhiệm vụ từ nội dung văn bản chỉ đạo (không lưu) / propose a task outline from a directive\'s text (nothing stored)', body: outlineBody },
  }, async (req) => directives.outline(req.ctx, req.body));
  app.get('/api/v1/directives/aliases', {
    schema: { tags, summary: 'Tên gọi khác của cơ quan và cụm từ chỉ nhóm đơn vị / agency aliases and group phrases' },
  }, async (req) => directives.aliases(req.ctx));
  app.post('/api/v1/directives/aliases', {
    schema: { tags, summary: 'Thêm tên gọi khác của cơ quan / add an agency alias', body: aliasBody },
  }, async (req, reply) => reply.status(201).send(await directives.addAlias(req.ctx, req.body)));
  app.delete('/api/v1/directives/aliases/:id', {
    schema: { tags, summary: 'Xóa tên gọi khác của cơ quan / remove an agency alias', params: aliasParams },
  }, async (req, reply) => { await directives.removeAlias(req.ctx, req.params.id); return reply.status(204).send(); });

  app.get('/api/v1/directives/meta', { schema: { tags, summary: 'Danh mục dùng khi đăng ký văn bản chỉ đạo / lists for registering a directive' } },
    async (req) => documents.meta(req.ctx));
  app.get('/api/v1/directives', { schema: { tags, summary: 'Văn bản chỉ đạo và tình hình thực hiện / the leader\'s board of steering documents', querystring: boardQuery } },
    async (req) => documents.board(req.ctx, req.query));
  app.post('/api/v1/directives', { schema: { tags, summary: 'Đăng ký văn bản chỉ đạo với các nhiệm vụ đã xác nhận / register a steering document with its confirmed tasks', body: registerBody } },
    async (req, reply) => reply.status(201).send(await documents.register(req.ctx, req.body)));

  app.get('/api/v1/directives/tasks', { schema: { tags, summary: 'Nhiệm vụ: của tôi, của đơn vị, tất cả / tasks: mine, my unit\'s, all', querystring: taskListQuery } },
    async (req) => tasks.list(req.ctx, req.query));
  app.get('/api/v1/directives/assignees', { schema: { tags, summary: 'Cán bộ có thể được giao nhiệm vụ của đơn vị / who a unit\'s task may be given to', querystring: assigneesQuery } },
    async (req) => tasks.assignees(req.ctx, req.query.unitId));
  app.get('/api/v1/directives/tasks/:id', { schema: { tags, summary: 'Một nhiệm vụ và lịch sử của nó / one task and its history', params: documentParams } },
    async (req) => tasks.detail(req.ctx, req.params.id));
  app.post('/api/v1/directives/tasks/:id/actions', { schema: { tags, summary: 'Giao, báo cáo tiến độ, đề nghị và công nhận hoàn thành… / assign, report progress, request and approve completion…', params: documentParams, body: taskAction } },
    async (req) => tasks.act(req.ctx, req.params.id, req.body));
  app.get('/api/v1/directives/tasks/:id/files/:key', { schema: { tags, summary: 'Tệp minh chứng của nhiệm vụ / a task\'s evidence file', params: fileParams } },
    async (req, reply) => download(reply, await tasks.file(req.ctx, req.params.id, req.params.key)));

  app.get('/api/v1/directives/periods/:periodId', { schema: { tags, summary: 'Kỳ báo cáo: đơn vị đã và chưa báo cáo, số liệu tổng hợp / a reporting period: who has reported, the totals', params: periodParams } },
    async (req) => periods.overview(req.ctx, req.params.periodId));
  app.get('/api/v1/directives/periods/:periodId/units/:unitId', { schema: { tags, summary: 'Báo cáo của một đơn vị trong kỳ / a unit\'s report for the period', params: unitReportParams } },
    async (req) => periods.unitReport(req.ctx, req.params.periodId, req.params.unitId));
  app.put('/api/v1/directives/periods/:periodId/units/:unitId', { schema: { tags, summary: 'Lưu nháp hoặc gửi báo cáo của đơn vị / save or submit a unit\'s report', params: unitReportParams, body: unitReportBody } },
    async (req) => periods.saveUnitReport(req.ctx, req.params.periodId, req.params.unitId, req.body));
  app.get('/api/v1/directives/periods/:periodId/export/:format', { schema: { tags, summary: 'Báo cáo tổng hợp (DOCX, PDF, XLSX) / the consolidated report', params: exportParams } },
    async (req, reply) => download(reply, await consolidatedFile(await periods.consolidated(req.ctx, req.params.periodId), req.params.format)));

  app.get('/api/v1/directives/:id', { schema: { tags, summary: 'Một văn bản chỉ đạo, các nhiệm vụ và kỳ báo cáo / one steering document with its tasks and periods', params: documentParams } },
    async (req) => documents.detail(req.ctx, req.params.id));
  app.patch('/api/v1/directives/:id', { schema: { tags, summary: 'Sửa thông tin, kết thúc hoặc tiếp tục theo dõi văn bản / edit, close or reopen a document', params: documentParams, body: editDocumentBody } },
    async (req) => documents.edit(req.ctx, req.params.id, req.body));
  app.post('/api/v1/directives/:id/tasks', { schema: { tags, summary: 'Thêm nhiệm vụ cho văn bản / add tasks to a document', params: documentParams, body: addTasksBody } },
    async (req) => documents.addTasks(req.ctx, req.params.id, req.body));
  app.get('/api/v1/directives/:id/files/:key', { schema: { tags, summary: 'Tệp đính kèm của văn bản / a document\'s file', params: fileParams } },
    async (req, reply) => download(reply, await documents.file(req.ctx, req.params.id, req.params.key)));
  app.post('/api/v1/directives/:id/periods', { schema: { tags, summary: 'Tạo kỳ báo cáo / open a reporting period', params: documentParams, body: periodBody } },
    async (req, reply) => reply.status(201).send(await periods.create(req.ctx, req.params.id, req.body)));
}
