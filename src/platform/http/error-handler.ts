import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDataError, isDatabaseUnavailable, isIntegrityError } from '../db/db-errors.js';
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

export const DATABASE_UNAVAILABLE = {
  code: 'DATABASE_UNAVAILABLE',
  vi: 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Dữ liệu đã lưu không bị mất; vui lòng thử lại sau ít phút.',
  en: 'The database cannot be reached right now. Saved data is safe; try again in a few minutes.',
} as const;

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
    // The last net for input the schemas let through (issue 10): PostgreSQL refusing a value is the
    // caller's mistake, not the system's. Logged, since each one is a schema that should be tighter.
    if (isDataError(err)) {
      req.log.warn({ err }, 'database refused a value');
      return reply.status(400).send(body(req, 'INVALID_VALUE', 'Dữ liệu gửi lên có giá trị nằm ngoài phạm vi cho phép hoặc sai định dạng.', 'A value in the request is out of range or malformed.'));
    }
    if (isIntegrityError(err)) {
      req.log.warn({ err }, 'database refused a reference');
      return reply.status(409).send(body(req, 'CONFLICTING_DATA', 'Dữ liệu gửi lên tham chiếu tới bản ghi không tồn tại hoặc trùng với bản ghi đã có.', 'The request refers to a missing record or duplicates an existing one.'));
    }
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.status(status).send(body(req, 'BAD_REQUEST', 'Yêu cầu không hợp lệ.', err.message || 'Bad request.'));
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err }, 'database unavailable');
      return reply.status(503).header('retry-after', '5').send(body(req, DATABASE_UNAVAILABLE.code, DATABASE_UNAVAILABLE.vi, DATABASE_UNAVAILABLE.en));
    }
    req.log.error({ err }, 'unexpected error');
    return reply.status(500).send(body(req, 'INTERNAL', 'Đã có lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên kèm mã yêu cầu.', 'Internal error. Try again or report the request id to the administrator.'));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(body(req, 'ROUTE_NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu.', 'No such endpoint.'));
  });
}

/** Errors Fastify raises before a route is found (a URL that is not valid UTF-8), answered like the rest. */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_BAD_URL') {
    reply.status(400).send(body(req, 'BAD_URL', 'Địa chỉ yêu cầu chứa ký tự không hợp lệ.', 'The request URL contains invalid characters.'));
    return;
  }
  reply.status(400).send(body(req, 'BAD_REQUEST', 'Yêu cầu không hợp lệ.', 'Bad request.'));
}

function body(req: FastifyRequest, code: string, message: string, messageEn: string, fields?: ErrorBody['error']['fields'], details?: Record<string, unknown>): ErrorBody {
  return { error: { code, message, messageEn, ...(fields ? { fields } : {}), ...(details ? { details } : {}), requestId: req.id } };
}
