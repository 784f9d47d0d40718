/**
 * GeoReport v2 (wiki.open311.org/GeoReport_v2) in pure functions: dates in the W3C profile of ISO 8601,
 * the filters of GET requests, the fields of POST requests, and how a feedback category and a
 * published feedback item read as a service and a service request. No I/O here.
 */
export type Locale = 'vi' | 'en';
export type Text = { vi: string; en: string };
export type ApiError = { code: number; description: string };

import { OFFSET_MS, parseW3cDateTime, w3cDateTime } from './w3c-datetime.js';

export { parseW3cDateTime, w3cDateTime };

// ---------------------------------------------------------------------------------------------------
// GET requests: filters
// ---------------------------------------------------------------------------------------------------

/** The spec: a window of at most 90 days (the most recent 90 when none is given), at most 1,000 requests. */
export const MAX_WINDOW_DAYS = 90;
export const MAX_RESULTS = 1000;
const DAY_MS = 86_400_000;
const MAX_IDS = 100;

export type RequestFilters =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'search'; serviceCodes: string[] | null; statuses: ('open' | 'closed')[] | null; from: Date; to: Date; limit: number };

/** A parameter declared once, several times, or comma-delimited, as a list; empty means not declared. */
export function listParam(value: unknown): string[] | null {
  const parts = (Array.isArray(value) ? value : [value])
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return parts.length ? [...new Set(parts)] : null;
}

function singleParam(value: unknown): string | null {
  const list = Array.isArray(value) ? value.filter((v) => typeof v === 'string' && v.trim()) : typeof value === 'string' && value.trim() ? [value] : [];
  return list.length ? String(list[list.length - 1]).trim() : null;
}

const t = (locale: Locale, vi: string, en: string) => (locale === 'en' ? en : vi);

export function parseRequestFilters(query: Record<string, unknown>, now: Date, locale: Locale): { filters: RequestFilters } | { errors: ApiError[] } {
  const errors: ApiError[] = [];
  const ids = listParam(query.service_request_id);
  if (ids) {
    if (ids.length > MAX_IDS) return { errors: [{ code: 400, description: t(locale, `Chỉ được hỏi tối đa ${MAX_IDS} service_request_id một lần.`, `At most ${MAX_IDS} service_request_id values per request.`) }] };
    // "This overrides all other arguments."
    return { filters: { kind: 'ids', ids } };
  }
  const statuses = listParam(query.status);
  const badStatus = statuses?.filter((s) => s !== 'open' && s !== 'closed') ?? [];
  if (badStatus.length) errors.push({ code: 400, description: t(locale, `status chỉ nhận open hoặc closed (nhận được: ${badStatus.join(', ')}).`, `status must be open or closed (got: ${badStatus.join(', ')}).`) });
  const dates: Record<'start_date' | 'end_date', Date | null> = { start_date: null, end_date: null };
  for (const name of ['start_date', 'end_date'] as const) {
    const raw = singleParam(query[name]);
    if (raw === null) continue;
    const at = parseW3cDateTime(raw);
    if (!at) errors.push({ code: 400, description: t(locale, `${name} phải theo định dạng W3C có múi giờ, ví dụ 2026-01-01T00:00:00+07:00.`, `${name} must be a W3C date-time with a time zone, e.g. 2026-01-01T00:00:00Z.`) });
    else dates[name] = at;
  }
  if (errors.length) return { errors };
  let from = dates.start_date, to = dates.end_date;
  if (from && to) {
    if (from > to) return { errors: [{ code: 400, description: t(locale, 'start_date phải trước end_date.', 'start_date must be before end_date.') }] };
    if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
      return { errors: [{ code: 400, description: t(locale, `Khoảng thời gian tìm kiếm không được quá ${MAX_WINDOW_DAYS} ngày.`, `The date range may not span more than ${MAX_WINDOW_DAYS} days.`) }] };
    }
  } else if (from) to = new Date(from.getTime() + MAX_WINDOW_DAYS * DAY_MS);
  else if (to) from = new Date(to.getTime() - MAX_WINDOW_DAYS * DAY_MS);
  else { to = now; from = new Date(now.getTime() - MAX_WINDOW_DAYS * DAY_MS); }
  return {
    filters: { kind: 'search', serviceCodes: listParam(query.service_code), statuses: statuses as ('open' | 'closed')[] | null, from: from!, to: to!, limit: MAX_RESULTS },
  };
}

// ---------------------------------------------------------------------------------------------------
// POST requests: the form's fields
// ---------------------------------------------------------------------------------------------------

export type FormBody = Record<string, string | string[]>;

/** A urlencoded body as the spec sends it: repeated names become lists (attribute[code][]=a&attribute[code][]=b). */
export function parseForm(text: string): FormBody {
  const out: FormBody = Object.create(null);
  for (const [key, value] of new URLSearchParams(text)) {
    const had = out[key];
    out[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return { ...out };
}

export type PostedRequest = {
  serviceCode: string;
  lat: number | null;
  long: number | null;
  addressString: string | null;
  addressId: string | null;
  email: string | null;
  deviceId: string | null;
  accountId: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  description: string;
  mediaUrl: string | null;
  attributes: Record<string, string | string[]>;
};

const LIMITS: Record<string, number> = {
  service_code: 40, address_string: 500, address_id: 100, email: 254, device_id: 200, account_id: 200,
  first_name: 100, last_name: 100, phone: 20, description: 4000, media_url: 2000,
};
const ATTRIBUTE = /^attribute\[([A-Za-z0-9_.-]{1,64})\](\[\])?$/;

/** Reads and checks the POST fields (not the API key, nor whether the service exists). */
export function parsePostedRequest(body: Record<string, unknown>, locale: Locale): { request: PostedRequest } | { errors: ApiError[] } {
  const errors: ApiError[] = [];
  const text = (name: string): string | null => {
    const raw = body[name];
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string' && typeof value !== 'number') {
      errors.push({ code: 400, description: t(locale, `${name} phải là một giá trị văn bản.`, `${name} must be a single text value.`) });
      return null;
    }
    const s = String(value).trim();
    if (!s) return null;
    if (s.length > (LIMITS[name] ?? 200)) errors.push({ code: 400, description: t(locale, `${name} dài quá ${LIMITS[name]} ký tự.`, `${name} is longer than ${LIMITS[name]} characters.`) });
    return s;
  };
  const serviceCode = text('service_code');
  if (!serviceCode) errors.push({ code: 400, description: t(locale, 'Thiếu service_code.', 'service_code was not provided.') });
  const latText = text('lat'), longText = text('long');
  const num = (s: string | null, name: string, limit: number): number | null => {
    if (s === null) return null;
    const n = /^-?\d{1,3}(\.\d{1,15})?$/.test(s) ? Number(s) : NaN;
    if (!Number.isFinite(n) || Math.abs(n) > limit) {
      errors.push({ code: 400, description: t(locale, `${name} phải là số trong khoảng ±${limit} (WGS84).`, `${name} must be a number within ±${limit} (WGS84).`) });
      return null;
    }
    return n;
  };
  const lat = num(latText, 'lat', 90), long = num(longText, 'long', 180);
  if ((latText === null) !== (longText === null)) errors.push({ code: 400, description: t(locale, 'lat và long phải được gửi cùng nhau.', 'lat and long must both be sent.') });
  const addressString = text('address_string'), addressId = text('address_id');
  if (latText === null && longText === null && !addressString && !addressId) {
    errors.push({ code: 400, description: t(locale, 'Cần vị trí: lat và long, hoặc address_string, hoặc address_id.', 'A location is required: lat and long, or address_string, or address_id.') });
  }
  const email = text('email');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push({ code: 400, description: t(locale, 'email không hợp lệ.', 'email is not a valid address.') });
  const phone = text('phone');
  if (phone && !/^\+?[0-9 .()-]{6,20}$/.test(phone)) errors.push({ code: 400, description: t(locale, 'phone không hợp lệ.', 'phone is not a valid number.') });
  const mediaUrl = text('media_url');
  if (mediaUrl && !isHttpUrl(mediaUrl)) errors.push({ code: 400, description: t(locale, 'media_url phải là địa chỉ http hoặc https.', 'media_url must be an http or https URL.') });
  const description = text('description');
  if (!description) errors.push({ code: 400, description: t(locale, 'Thiếu description (nội dung phản ánh, kiến nghị).', 'description (the text of the request) was not provided.') });
  const attributes: Record<string, string | string[]> = {};
  for (const [key, raw] of Object.entries(body)) {
    if (!key.startsWith('attribute')) continue;
    const m = ATTRIBUTE.exec(key);
    if (!m) { errors.push({ code: 400, description: t(locale, `Tên trường thuộc tính không hợp lệ: ${key.slice(0, 80)}.`, `Malformed attribute field: ${key.slice(0, 80)}.`) }); continue; }
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
    if (values.some((v) => v.length > 500)) { errors.push({ code: 400, description: t(locale, `attribute[${m[1]}] dài quá 500 ký tự.`, `attribute[${m[1]}] is longer than 500 characters.`) }); continue; }
    if (!values.length) continue;
    attributes[m[1]!] = m[2] ? values : values[values.length - 1]!;
  }
  if (errors.length) return { errors };
  return {
    request: {
      serviceCode: serviceCode!, lat, long, addressString, addressId, email, deviceId: text('device_id'), accountId: text('account_id'),
      firstName: text('first_name'), lastName: text('last_name'), phone, description: description!, mediaUrl, attributes,
    },
  };
}

function isHttpUrl(s: string): boolean {
  try { const u = new URL(s); return u.protocol === 'http:' || u.protocol === 'https:'; } catch { return false; }
}

// ---------------------------------------------------------------------------------------------------
// Services and their definition (what a client asks beyond the standard fields)
// ---------------------------------------------------------------------------------------------------

export type Category = { code: string; name: Text; description: Text; conduct?: boolean; active?: boolean };

export const ABOUT_KINDS = ['regulation', 'procedure', 'dossier', 'official', 'service', 'other'] as const;
export type AboutKind = (typeof ABOUT_KINDS)[number];
const ABOUT_LABELS: Record<AboutKind, Text> = {
  regulation: { vi: 'Quy định hành chính', en: 'An administrative regulation' },
  procedure: { vi: 'Thủ tục hành chính', en: 'An administrative procedure' },
  dossier: { vi: 'Một hồ sơ cụ thể', en: 'A particular dossier' },
  official: { vi: 'Cán bộ, công chức', en: 'An official' },
  service: { vi: 'Chất lượng phục vụ tại Bộ phận một cửa', en: 'Service at a one-stop desk' },
  other: { vi: 'Nội dung khác', en: 'Something else' },
};

export function serviceOf(c: Category, locale: Locale) {
  return {
    service_code: c.code,
    service_name: c.name[locale] || c.name.vi,
    description: c.description[locale] || c.description.vi,
    metadata: true,
    type: 'realtime',
    keywords: t(locale, 'phản ánh, kiến nghị, PAKN', 'feedback, recommendation, complaint'),
    group: t(locale, 'Phản ánh, kiến nghị', 'Feedback and recommendations'),
  };
}

type Attribute = {
  variable: boolean; code: string; datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean; datatype_description: string | null; order: number; description: string; values: { key: string; name: string }[];
};

/** The attributes every feedback service takes beyond the spec's own fields; none is required. */
export function serviceDefinitionOf(c: Category, locale: Locale): { service_code: string; attributes: Attribute[] } {
  const a = (code: string, datatype: Attribute['datatype'], description: Text, extra: Partial<Attribute> = {}): Attribute => ({
    variable: true, code, datatype, required: false, datatype_description: null, order: 0, description: description[locale], values: [], ...extra,
  });
  const attributes = [
    a('title', 'string', { vi: 'Tiêu đề ngắn; bỏ trống thì lấy dòng đầu của nội dung (description).', en: 'A short title; when empty, the first line of the description.' },
      { datatype_description: t(locale, 'Tối đa 200 ký tự.', 'At most 200 characters.') }),
    a('consent_to_publish', 'singlevaluelist', {
      vi: 'Đồng ý để câu hỏi và câu trả lời được công khai (thông tin cá nhân luôn được lược bỏ). Không gửi: không đồng ý.',
      en: 'Consent to publishing the question and the answer (personal data is always removed). Not sent: no consent.',
    }, { values: [{ key: 'true', name: t(locale, 'Đồng ý công khai', 'I agree to publication') }, { key: 'false', name: t(locale, 'Không đồng ý', 'I do not agree') }] }),
    a('about_kind', 'singlevaluelist', { vi: 'Phản ánh, kiến nghị về việc gì.', en: 'What the feedback is about.' },
      { values: ABOUT_KINDS.map((k) => ({ key: k, name: ABOUT_LABELS[k][locale] })) }),
    a('procedure_code', 'string', { vi: 'Mã thủ tục hành chính (nếu có).', en: 'Code of the administrative procedure, if any.' }),
    a('dossier_code', 'string', { vi: 'Mã hồ sơ (nếu có).', en: 'Code of the dossier, if any.' }),
    a('staff_public_id', 'string', { vi: 'Mã công khai của cán bộ trên thẻ (mã QR), nếu phản ánh về cán bộ.', en: 'The public id on the official\'s badge (QR code), for feedback about an official.' }),
    a('organisation', 'string', { vi: 'Tên cơ quan, tổ chức, nếu gửi thay mặt tổ chức.', en: 'Name of the organisation, when sending on its behalf.' }),
  ];
  attributes.forEach((x, i) => { x.order = i + 1; });
  return { service_code: c.code, attributes };
}

/** What the feedback module receives for a POST (service.submit(..., 'api', { appName })). */
export type FeedbackSubmission = {
  categoryCode: string;
  about: { kind: AboutKind; procedureCode?: string; dossierCode?: string; staffPublicId?: string };
  title: string;
  content: string;
  submitter: { kind: 'person' | 'organisation'; name: string; phone?: string; email?: string; organisation?: string };
  consentToPublish: boolean;
};

const YES = new Set(['true', '1', 'yes', 'y', 'co', 'có', 'on']);

/** A short title from the first line of the description, cut at a word. */
export function titleFrom(description: string, max = 120): string {
  const line = description.split(/\r?\n/).map((l) => l.trim()).find(Boolean) ?? description.trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function locationLine(r: Pick<PostedRequest, 'lat' | 'long' | 'addressString' | 'addressId'>): string | null {
  const parts = [
    r.addressString ? r.addressString : null,
    r.lat !== null && r.long !== null ? `tọa độ ${r.lat}, ${r.long}` : null,
    r.addressId ? `mã địa chỉ ${r.addressId}` : null,
  ].filter(Boolean);
  return parts.length ? `Địa điểm: ${parts.join('; ')}` : null;
}

/**
 * The spec's contact fields as our submitter: a Vietnamese full name is written family name first
 * (last_name, then first_name). The location is appended to the text so the handler sees it.
 */
export function toSubmission(r: PostedRequest): FeedbackSubmission {
  const attr = (code: string): string | undefined => {
    const v = r.attributes[code];
    return Array.isArray(v) ? v[0] : v;
  };
  const kind = attr('about_kind');
  const organisation = attr('organisation');
  const name = [r.lastName, r.firstName].filter(Boolean).join(' ');
  const location = locationLine(r);
  return {
    categoryCode: r.serviceCode,
    about: {
      kind: (ABOUT_KINDS as readonly string[]).includes(kind ?? '') ? (kind as AboutKind) : attr('staff_public_id') ? 'official' : 'other',
      ...(attr('procedure_code') ? { procedureCode: attr('procedure_code') } : {}),
      ...(attr('dossier_code') ? { dossierCode: attr('dossier_code') } : {}),
      ...(attr('staff_public_id') ? { staffPublicId: attr('staff_public_id') } : {}),
    },
    title: attr('title')?.slice(0, 200) || titleFrom(r.description),
    content: location ? `${r.description}\n\n${location}` : r.description,
    submitter: {
      kind: organisation ? 'organisation' : 'person',
      name,
      ...(r.phone ? { phone: r.phone } : {}),
      ...(r.email ? { email: r.email } : {}),
      ...(organisation ? { organisation } : {}),
    },
    consentToPublish: YES.has((attr('consent_to_publish') ?? '').toLowerCase()),
  };
}

/** Which spec field a feedback validation error is about (its path in our submission). */
export function specFieldOf(path: string): string {
  if (path.startsWith('submitter.name')) return 'first_name/last_name';
  if (path.startsWith('submitter.phone')) return 'phone';
  if (path.startsWith('submitter.email')) return 'email';
  if (path.startsWith('submitter.organisation')) return 'attribute[organisation]';
  if (path.startsWith('submitter')) return 'first_name/last_name/phone/email';
  if (path.startsWith('content')) return 'description';
  if (path.startsWith('title')) return 'attribute[title]';
  if (path.startsWith('categoryCode')) return 'service_code';
  if (path.startsWith('consentToPublish')) return 'attribute[consent_to_publish]';
  if (path.startsWith('about.procedureCode')) return 'attribute[procedure_code]';
  if (path.startsWith('about.dossierCode')) return 'attribute[dossier_code]';
  if (path.startsWith('about.staffPublicId')) return 'attribute[staff_public_id]';
  if (path.startsWith('about')) return 'attribute[about_kind]';
  return path;
}

// ---------------------------------------------------------------------------------------------------
// A published feedback item as a service request
// ---------------------------------------------------------------------------------------------------

export type PublishedRequest = {
  code: string;
  categoryCode: string;
  categoryName: string;
  unitName: string | null;
  question: string;
  answer: string | null;
  statusLabel: Text;
  receivedAt: Date;
  answeredAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date | null;
  dueAt: Date | null;
};

/** closed: the item has its answer (a published item always has); open: reported, not answered yet. */
export const specStatus = (r: Pick<PublishedRequest, 'answeredAt'>): 'open' | 'closed' => (r.answeredAt ? 'closed' : 'open');

/**
 * Only published items reach here, with their redacted texts: the question as description, the
 * answer as service_notice, the handling unit as agency_responsible. The location the submitter gave
 * is not published (it was not part of what the approver reviewed), so address and lat/long are null.
 */
export function serviceRequestOf(r: PublishedRequest) {
  const status = specStatus(r);
  return {
    service_request_id: r.code,
    status,
    status_notes: r.statusLabel.vi,
    service_name: r.categoryName,
    service_code: r.categoryCode,
    description: r.question,
    agency_responsible: r.unitName,
    service_notice: r.answer,
    requested_datetime: w3cDateTime(r.receivedAt),
    // For a closed request, the spec's updated_datetime is when it was closed (answered).
    updated_datetime: w3cDateTime((status === 'closed' ? r.answeredAt : null) ?? r.updatedAt ?? r.publishedAt ?? r.receivedAt),
    expected_datetime: r.dueAt ? w3cDateTime(r.dueAt) : null,
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

/** Dates a person reads in the notice: dd/mm/yyyy in Vietnam. */
export function vnDate(at: Date): string {
  const d = new Date(at.getTime() + OFFSET_MS);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** The POST answer's service_notice: the deadline and how to follow the item before it is published. */
export function serviceNotice(created: { code: string; secret: string; dueAt: Date | null }, locale: Locale): string {
  const due = created.dueAt ? t(locale, ` Hạn trả lời: ${vnDate(created.dueAt)}.`, ` Answer due by ${vnDate(created.dueAt)}.`) : '';
  return t(locale,
    `Đã tiếp nhận phản ánh, kiến nghị ${created.code}.${due} Tra cứu tình trạng bằng mã ${created.code} và mã bí mật ${created.secret}.`,
    `Feedback ${created.code} received.${due} Follow it with the code ${created.code} and the secret ${created.secret}.`);
}
