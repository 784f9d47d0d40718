import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.js';

export type ErrorBody = {
  error: {
    code: string;
    message: string;
    messageEn: string;
    fields?: { path: string; message: string; messageEn: string }[];
    details?: Record<string, unknown>;
    requestId: string;
  };
};

/** Fastify's own 4xx errors, in words a person understands. Anything unlisted keeps its status. */
const fastifyErrors: Record<string, [number, string, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', 'Nội dung gửi lên không phải JSON hợp lệ.', 'The request body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON', 'Nội dung JSON bị trống.', 'The JSON body is empty.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE', 'Dữ liệu gửi lên quá lớn.', 'The request body is too large.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'Định dạng dữ liệu không được hỗ trợ.', 'Unsupported content type.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_REQUEST', 'Độ dài nội dung không hợp lệ.', 'Invalid content length.'],
  FST_REQ_FILE_TOO_LARGE: [413, 'FILE_TOO_LARGE', 'Tệp tải lên quá lớn.', 'The uploaded file is too large.'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [400, 'BAD_REQUEST', 'Yêu cầu phải gửi tệp dạng multipart.', 'The request must be multipart/form-data.'],
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, 'application error');
      return reply.status(err.status).send(body(req, err.code, err.messageVi, err.messageEn, err.fields, err.details));
    }
    const known = err.code ? fastifyErrors[err.code] : undefined;
    if (known) return reply.status(known[0]).send(body(req, known[1], known[2], known[3]));
    if ((err as FastifyError).statusCode === 429) {
      return reply.status(429).send(body(req, 'TOO_MANY_REQUESTS', 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.', 'Too many requests. Try again in a few minutes.'));
    }
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.status(status).send(body(req, 'BAD_REQUEST', 'Yêu cầu không hợp lệ.', err.message || 'Bad request.'));
    }
    req.log.error({ err }, 'unexpected error');
    return reply.status(500).send(body(req, 'INTERNAL', 'Đã có lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên kèm mã yêu cầu.', 'Internal error. Try again or report the request id to the administrator.'));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(body(req, 'ROUTE_NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu.', 'No such endpoint.'));
  });
}

function body(req: FastifyRequest, code: string, message: string, messageEn: string, fields?: ErrorBody['error']['fields'], details?: Record<string, unknown>): ErrorBody {
  return { error: { code, message, messageEn, ...(fields ? { fields } : {}), ...(details ? { details } : {}), requestId: req.id } };
}
