import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import { idParam } from './schema.js';
import type { SurveyService } from './survey.service.js';
import { invitationBody, paperSlipBody, publicAnswerBody, surveyCodeParam, surveyFormCreateBody, surveyFormEditBody } from './survey.schema.js';

const roundParams = z.object({ id: idParam });
const formParams = z.object({ formId: idParam });
const codeParams = z.object({ code: surveyCodeParam });
/** Per address, like the other public pages: a respondent opens the form and answers once. */
const publicLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } };

/** The sociological survey of a PAR round (issue 16 item 4): the organiser's pages and the public answer by code. */
export async function surveyRoutes(app: App, survey: SurveyService): Promise<void> {
  const tags = ['par'];
  app.get('/api/v1/par/rounds/:id/survey/forms', {
    schema: { tags, summary: 'Phiếu khảo sát xã hội học của đợt đánh giá, số phiếu đã trả lời theo đơn vị / survey forms of a round', params: roundParams },
  }, async (req) => survey.forms(req.ctx, req.params.id));
  app.post('/api/v1/par/rounds/:id/survey/forms', {
    schema: { tags, summary: 'Tạo phiếu khảo sát / create a survey form', params: roundParams, body: surveyFormCreateBody },
  }, async (req, reply) => reply.status(201).send(await survey.saveForm(req.ctx, { roundId: req.params.id }, req.body)));
  app.put('/api/v1/par/survey/forms/:formId', {
    schema: { tags, summary: 'Sửa phiếu khảo sát (khi chưa có người trả lời) / edit a survey form before any answer', params: formParams, body: surveyFormEditBody },
  }, async (req) => survey.saveForm(req.ctx, { formId: req.params.formId }, req.body));
  app.post('/api/v1/par/survey/forms/:formId/invitations', {
    schema: { tags, summary: 'Cấp mã mời trả lời trực tuyến (hiện một lần) / issue one-time invitation codes (shown once)', params: formParams, body: invitationBody },
  }, async (req, reply) => reply.status(201).send(await survey.invite(req.ctx, req.params.formId, req.body)));
  app.post('/api/v1/par/survey/forms/:formId/responses', {
    schema: { tags, summary: 'Nhập phiếu khảo sát giấy / enter a paper survey slip', params: formParams, body: paperSlipBody },
  }, async (req, reply) => reply.status(201).send(await survey.enterPaper(req.ctx, req.params.formId, req.body)));
  app.get('/api/v1/par/rounds/:id/survey/results', {
    schema: { tags, summary: 'Kết quả khảo sát theo đơn vị và tiêu chí / survey results per unit and criterion', params: roundParams },
  }, async (req) => survey.results(req.ctx, req.params.id));

  const pub = ['public'];
  app.get('/api/v1/public/par/survey/:code', {
    schema: { tags: pub, summary: 'Phiếu khảo sát theo mã mời / the survey form of an invitation code', params: codeParams },
    config: publicLimit,
  }, async (req) => survey.publicForm(req.params.code));
  app.post('/api/v1/public/par/survey/:code', {
    schema: { tags: pub, summary: 'Trả lời phiếu khảo sát bằng mã mời (mỗi mã một lần) / answer by invitation code, once', params: codeParams, body: publicAnswerBody },
    config: publicLimit,
  }, async (req, reply) => reply.status(201).send(await survey.publicAnswer(req.ctx, req.params.code, req.body)));
}
