import type { App } from '../../platform/http/types.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import type { PaymentService } from './payments.service.js';
import { reconciliationWorkbook } from './reconciliation-xlsx.js';
import { dossierCodeParams, gatewayParams, listQuery, providerParams, reconciliationBody, reconciliationQuery } from './schema.js';

export async function paymentRoutes(app: App, payments: PaymentService): Promise<void> {
  const tags = ['payments'];

  // The gateway's side: server-to-server notification (IPN) and the browser's return. Both public:
  // the signature is what authenticates them. The gateway sends the IPN as GET (VNPAY); a POST form
  // or JSON body with the same parameters is read the same way.
  await app.register(async (gateway) => {
    const scope = gateway as unknown as App;
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    const notify = { config: { rateLimit: { max: 600, timeWindow: '1 minute' } } };
    scope.get('/api/v1/payments/:provider/notify', {
      ...notify, schema: { tags, summary: 'Thông báo kết quả thanh toán từ cổng thanh toán (IPN, máy chủ – máy chủ, có chữ ký) / payment notification', params: providerParams, querystring: gatewayParams },
    }, async (req) => payments.notify(req.params.provider, req.query, req.ip));
    scope.post('/api/v1/payments/:provider/notify', {
      ...notify, schema: { tags, summary: 'Thông báo kết quả thanh toán (dạng POST) / payment notification (POST form or JSON)', params: providerParams, body: gatewayParams },
    }, async (req) => payments.notify(req.params.provider, req.body, req.ip));
    scope.get('/api/v1/payments/:provider/return', {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Kết quả thanh toán khi trình duyệt trở về (kiểm tra chữ ký, không tự ghi nhận) / browser return', params: providerParams, querystring: gatewayParams },
    }, async (req) => payments.browserReturn(req.params.provider, req.query));
  });

  app.post('/api/v1/payments/dossiers/:code', {
    schema: { tags, summary: 'Tạo liên kết thanh toán trực tuyến cho hồ sơ (tại quầy) / start an online payment for a dossier', params: dossierCodeParams },
  }, async (req, reply) => reply.status(201).send(await payments.startAtDesk(req.ctx, req.params.code)));
  app.get('/api/v1/payments/dossiers/:code/fees', {
    schema: { tags, summary: 'Phí, lệ phí của hồ sơ theo biểu phí của thủ tục và các giao dịch / fees of a dossier', params: dossierCodeParams },
  }, async (req) => payments.feesForDossier(req.ctx, req.params.code));
  app.get('/api/v1/payments', { schema: { tags, summary: 'Danh sách giao dịch thanh toán trực tuyến / online payments', querystring: listQuery } },
    async (req) => payments.list(req.ctx, req.query));
  app.get('/api/v1/payments/reconciliation', {
    schema: { tags, summary: 'Đối chiếu giao dịch trong ngày với cổng thanh toán (không thay đổi gì) / reconciliation report', querystring: reconciliationQuery },
  }, async (req) => payments.reconcile(req.ctx, req.query.date, { settle: false }));
  app.post('/api/v1/payments/reconciliation', {
    schema: { tags, summary: 'Đối soát và ghi nhận theo cổng thanh toán / reconcile and settle the day', body: reconciliationBody },
  }, async (req) => payments.reconcile(req.ctx, req.body.date, { settle: true }));
  app.get('/api/v1/payments/reconciliation.xlsx', {
    schema: { tags, summary: 'Báo cáo đối soát (Excel) / reconciliation report as XLSX', querystring: reconciliationQuery },
  }, async (req, reply) => {
    const report = await payments.reconcile(req.ctx, req.query.date, { settle: false });
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition('attachment', `doi-soat-thanh-toan-${req.query.date}.xlsx`))
      .send(await reconciliationWorkbook(report));
  });
}
