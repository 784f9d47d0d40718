import { type Locale, type SharedKey, getLocale, sharedTranslate } from './i18n';

/** Base path of the JSON API. */
export const API_BASE = '/api/v1';
const CSRF_COOKIE = 'motcua_csrf';
/** Citizen endpoints (/citizen/…) check the citizen session's own token (modules/citizens). */
const CITIZEN_CSRF_COOKIE = 'motcua_citizen_csrf';
const CSRF_HEADER = 'x-csrf-token';

export interface ApiFieldError {
  /** Dotted path of the field, e.g. "name" or "roles.0.unitId". */
  path: string;
  message: string;
  messageEn?: string;
}

/** Error body every API error answers with. */
interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    messageEn?: string;
    fields?: { path: string | (string | number)[]; message: string; messageEn?: string }[];
    requestId?: string;
  };
}

interface ApiErrorInit {
  status: number;
  code: string;
  messageVi: string;
  messageEn?: string;
  fields?: ApiFieldError[];
  requestId?: string;
}

/** An error answered by the API, or a failure to reach it (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageVi: string;
  readonly messageEn: string | undefined;
  readonly fields: ApiFieldError[];
  readonly requestId: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.messageVi);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.messageVi = init.messageVi;
    this.messageEn = init.messageEn;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
  }

  /** The message in the given locale; English falls back to Vietnamese when the API has none. */
  messageIn(locale: Locale = getLocale()): string {
    return locale === 'en' && this.messageEn ? this.messageEn : this.messageVi;
  }

  fieldMessageIn(field: ApiFieldError, locale: Locale = getLocale()): string {
    return locale === 'en' && field.messageEn ? field.messageEn : field.message;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A message for any thrown value, in the current locale. */
export function errorMessage(error: unknown, locale: Locale = getLocale()): string {
  if (isApiError(error)) return error.messageIn(locale);
  return sharedTranslate(locale, 'error.unexpected');
}

function fromSharedKey(status: number, code: string, key: SharedKey): ApiError {
  return new ApiError({
    status,
    code,
    messageVi: sharedTranslate('vi', key),
    messageEn: sharedTranslate('en', key),
  });
}

function fallbackError(status: number): ApiError {
  if (status === 401) return fromSharedKey(status, 'UNAUTHORIZED', 'error.unauthorized');
  if (status === 403) return fromSharedKey(status, 'FORBIDDEN', 'error.forbidden');
  if (status === 404) return fromSharedKey(status, 'NOT_FOUND', 'error.notFound');
  if (status === 409) return fromSharedKey(status, 'STALE_VERSION', 'error.stale');
  if (status === 429) return fromSharedKey(status, 'RATE_LIMITED', 'error.rateLimited');
  // A proxy or gateway failing (502–504) means the application server is not reachable.
  if (status >= 502 && status <= 504) return fromSharedKey(status, 'SERVER_UNAVAILABLE', 'error.network');
  return fromSharedKey(status, `HTTP_${status}`, 'error.server');
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const inner = (value as { error: unknown }).error;
  return typeof inner === 'object' && inner !== null && typeof (inner as { code?: unknown }).code === 'string';
}

/** The ApiError of a failed response (JSON error body, or a fallback by status). */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    return fallbackError(response.status);
  }
  if (!isErrorBody(body)) return fallbackError(response.status);
  const { code, message, messageEn, fields, requestId } = body.error;
  const fallback = fallbackError(response.status);
  return new ApiError({
    status: response.status,
    code,
    messageVi: message || fallback.messageVi,
    messageEn: messageEn ?? (message ? undefined : fallback.messageEn),
    requestId,
    fields: (fields ?? []).map((f) => ({
      path: Array.isArray(f.path) ? f.path.join('.') : String(f.path),
      message: f.message,
      messageEn: f.messageEn,
    })),
  });
}

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Query = Record<string, QueryValue>;

/** URL of an API resource, e.g. for PDFs opened in a new tab. Empty query values are left out. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Reading a citizen's personal data outside one's own work (or searching by an ID or phone number)
 * needs a reason the server logs (Decree 356/2025). The app registers a prompt; the reason given
 * for a resource is reused for its refetches during the visit, so a refresh does not ask again.
 */
export const REASON_REQUIRED = 'PERSONAL_DATA_REASON_REQUIRED';
type ReasonPrompt = (message: string) => Promise<string | null>;
let reasonPrompt: ReasonPrompt | undefined;
const reasons = new Map<string, string>();
export function setAccessReasonPrompt(prompt: ReasonPrompt): void {
  reasonPrompt = prompt;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const reasonKey = apiUrl(path, options.query);
  try {
    return await send<T>(method, path, options, reasons.get(reasonKey));
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== REASON_REQUIRED || !reasonPrompt) throw err;
    const reason = await reasonPrompt(err.messageIn());
    if (!reason) throw err;
    reasons.set(reasonKey, reason);
    return send<T>(method, path, options, reason);
  }
}

async function send<T>(method: string, path: string, options: RequestOptions, reason: string | undefined): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A header carries only Latin-1: the Vietnamese reason travels percent-encoded.
  if (reason) headers['x-access-reason'] = encodeURIComponent(reason);
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body; // the browser sets the multipart boundary
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (!SAFE_METHODS.has(method)) {
    const token = readCookie(path.startsWith('/citizen/') ? CITIZEN_CSRF_COOKIE : CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw fromSharedKey(0, 'NETWORK_ERROR', 'error.network');
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    // An HTML page instead of JSON: the API is not behind this address (e.g. a static preview).
    throw fromSharedKey(response.status, 'NOT_JSON', 'error.network');
  }
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** Multipart upload of one file under the field name "file". */
  upload: <T>(path: string, file: File, fields?: Record<string, string>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields ?? {})) form.append(key, value);
    form.append('file', file);
    return request<T>('POST', path, { body: form });
  },
};
