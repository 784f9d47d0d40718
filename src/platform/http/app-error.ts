/**
 * The one error type the API answers with. `code` is stable and documented (docs/API.md); clients
 * switch on it. Messages are for people, in Vietnamese first and English second.
 */
export type FieldError = { path: string; message: string; messageEn: string };

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly fields?: FieldError[],
    readonly details?: Record<string, unknown>,
  ) {
    super(messageEn);
    this.name = 'AppError';
  }
}

export const errors = {
  validation: (fields: FieldError[]) =>
    new AppError('VALIDATION_FAILED', 400, 'Dữ liệu gửi lên không hợp lệ.', 'The request data is not valid.', fields),
  badRequest: (vi: string, en: string) => new AppError('BAD_REQUEST', 400, vi, en),
  unauthenticated: () =>
    new AppError('UNAUTHENTICATED', 401, 'Vui lòng đăng nhập.', 'Please sign in.'),
  forbidden: () =>
    new AppError('FORBIDDEN', 403, 'Bạn không có quyền thực hiện thao tác này.', 'You are not allowed to do this.'),
  csrf: () =>
    new AppError('CSRF_REJECTED', 403, 'Yêu cầu bị từ chối vì thiếu mã chống giả mạo (CSRF). Hãy tải lại trang.', 'Request rejected: missing or wrong CSRF token. Reload the page.'),
  /** An inaccessible record answers exactly like a missing one, so its existence is not revealed. */
  notFound: (entityVi: string, entityEn: string, code = 'NOT_FOUND') =>
    new AppError(code, 404, `Không tìm thấy ${entityVi}.`, `${entityEn} not found.`),
  stale: () =>
    new AppError('STALE_VERSION', 409, 'Bản ghi đã được người khác thay đổi. Hãy tải lại và thử lại.', 'Someone else changed this record. Reload and try again.'),
  conflict: (code: string, vi: string, en: string, details?: Record<string, unknown>) => new AppError(code, 409, vi, en, undefined, details),
  tooManyRequests: (vi: string, en: string) => new AppError('TOO_MANY_REQUESTS', 429, vi, en),
};
