/**
 * The machinery of the Open311 conformance suite (conformance.ts): the options, the runner bound to
 * the server under test, how a check passes, fails or is skipped, and the field checks the checks share.
 */
import { childrenNamed, childText, parseXml, type XmlElement } from './xml-reader.js';

export type ConformanceOptions = {
  /** The GeoReport v2 endpoint, e.g. https://server/open311/v2 (no trailing slash needed). */
  url: string;
  apiKey?: string;
  /** A service to post to and to read the definition of; else the first one listed. */
  serviceCode?: string;
  discoveryUrl?: string;
  /** false: no POST that would create a request (the api_key refusals are still checked). */
  post?: boolean;
  lang?: string;
  fetch?: typeof fetch;
};
export type CheckStatus = 'PASS' | 'FAIL' | 'SKIP';
export type CheckResult = { name: string; status: CheckStatus; detail?: string };

export class Skip extends Error {}
export class Fail extends Error {}

export function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Fail(message);
}
export const skip = (why: string): never => { throw new Skip(why); };

/** The spec's date-time: W3C profile of ISO 8601 with the zone (Z or ±hh:mm) required. */
export const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
export const SERVICE_TYPES = ['realtime', 'batch', 'blackbox'];
export const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];

type Response = { status: number; type: string; text: string };
export type Service = { service_code: string; metadata: boolean };
type RequestItem = { service_request_id: string; status: string; service_code: string; requested_datetime: string };

export type State = {
  services: Service[];
  definition?: { service_code: string; attributes: { code: string; datatype: string; required: boolean; values: { key: unknown }[] }[] };
  requests: RequestItem[];
  posted: string[];
};

export type Check = { name: string; run(c: Runner): Promise<void> };

/** What a check is given: HTTP helpers bound to the server under test, the options and what earlier checks learnt. */
export class Runner {
  readonly base: string;
  readonly state: State = { services: [], requests: [], posted: [] };
  private readonly f: typeof fetch;
  constructor(readonly opts: ConformanceOptions) {
    this.base = opts.url.replace(/\/+$/, '');
    this.f = opts.fetch ?? fetch;
  }
  private headers(): Record<string, string> {
    return { accept: 'application/json, text/xml;q=0.9', ...(this.opts.lang ? { 'accept-language': this.opts.lang } : {}) };
  }
  async get(path: string, query: Record<string, string> = {}): Promise<Response> {
    const qs = new URLSearchParams(query).toString();
    const url = /^https?:/.test(path) ? path : `${this.base}/${path}${qs ? `?${qs}` : ''}`;
    const res = await this.f(url, { headers: this.headers() });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  }
  async post(path: string, form: Record<string, string | string[]>): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const res = await this.f(`${this.base}/${path}`, {
      method: 'POST', headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: body.toString(),
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  }
  json(res: Response, what: string): unknown {
    check(/^application\/json/i.test(res.type), `${what}: Content-Type is "${res.type}", expected application/json`);
    check(/charset=utf-8/i.test(res.type), `${what}: Content-Type "${res.type}" does not declare charset=utf-8`);
    try { return JSON.parse(res.text); } catch { throw new Fail(`${what}: the body is not JSON: ${res.text.slice(0, 120)}`); }
  }
  xml(res: Response, what: string, root: string): XmlElement {
    check(/^(text|application)\/xml/i.test(res.type), `${what}: Content-Type is "${res.type}", expected text/xml`);
    let doc;
    try { doc = parseXml(res.text); } catch (e) { throw new Fail(`${what}: the body is not well-formed XML (${(e as Error).message})`); }
    check(doc.declaration && /encoding=["']utf-8["']/i.test(doc.declaration), `${what}: the XML declaration with encoding="utf-8" is missing`);
    check(doc.root.name === root, `${what}: the root element is <${doc.root.name}>, expected <${root}>`);
    return doc.root;
  }
  /** An error answer: the HTTP status and the spec's body — [{code, description}] or <errors><error>. */
  specError(res: Response, status: number, what: string, format: 'json' | 'xml'): void {
    check(res.status === status, `${what}: HTTP ${res.status}, expected ${status} (${res.text.slice(0, 160)})`);
    if (format === 'json') {
      const body = this.json(res, what);
      check(Array.isArray(body) && body.length > 0, `${what}: the error body is not a non-empty array: ${res.text.slice(0, 160)}`);
      for (const e of body as Record<string, unknown>[]) {
        check(e && (typeof e.code === 'number' || (typeof e.code === 'string' && e.code !== '')), `${what}: an error without a code: ${JSON.stringify(e)}`);
        check(typeof e.description === 'string' && e.description.trim() !== '', `${what}: an error without a description: ${JSON.stringify(e)}`);
      }
    } else {
      const root = this.xml(res, what, 'errors');
      const list = childrenNamed(root, 'error');
      check(list.length > 0, `${what}: <errors> holds no <error>`);
      for (const e of list) {
        check(childText(e, 'code'), `${what}: an <error> without <code>`);
        check(childText(e, 'description'), `${what}: an <error> without <description>`);
      }
    }
  }
}

export function requireFields(item: Record<string, unknown>, fields: Record<string, (v: unknown) => boolean>, what: string): void {
  for (const [name, ok] of Object.entries(fields)) {
    check(name in item, `${what}: the field "${name}" is missing`);
    check(ok(item[name]), `${what}: "${name}" has a wrong value: ${JSON.stringify(item[name])?.slice(0, 80)}`);
  }
}
export const str = (v: unknown) => typeof v === 'string' && v !== '';
export const idLike = (v: unknown) => (typeof v === 'string' && v !== '') || typeof v === 'number';
export const strOrNull = (v: unknown) => v === null || typeof v === 'string';
export const bool = (v: unknown) => typeof v === 'boolean';
export const w3c = (v: unknown) => typeof v === 'string' && W3C_DATETIME.test(v);
export const w3cOrNull = (v: unknown) => v === null || w3c(v);

export function checkRequestJson(r: Record<string, unknown>, what: string): void {
  requireFields(r, {
    service_request_id: idLike, status: (v) => v === 'open' || v === 'closed', service_name: strOrNull, service_code: idLike,
    requested_datetime: w3c, updated_datetime: w3cOrNull,
  }, what);
  for (const optional of ['status_notes', 'description', 'agency_responsible', 'service_notice', 'address', 'media_url']) {
    if (optional in r) check(strOrNull(r[optional]), `${what}: "${optional}" is neither text nor null`);
  }
  if ('expected_datetime' in r) check(w3cOrNull(r.expected_datetime), `${what}: expected_datetime is not a W3C date-time`);
  for (const n of ['lat', 'long']) if (n in r && r[n] !== null) check(Number.isFinite(Number(r[n])), `${what}: ${n} is not a number`);
}

export function checkRequestXml(el: XmlElement, what: string): string {
  const id = childText(el, 'service_request_id');
  check(id, `${what}: <request> without <service_request_id>`);
  check(['open', 'closed'].includes(childText(el, 'status') ?? ''), `${what}: <status> is not open or closed`);
  check(childText(el, 'service_code'), `${what}: <service_code> missing`);
  check(W3C_DATETIME.test(childText(el, 'requested_datetime') ?? ''), `${what}: <requested_datetime> is not a W3C date-time`);
  const updated = childText(el, 'updated_datetime');
  check(updated === undefined || updated === '' || W3C_DATETIME.test(updated), `${what}: <updated_datetime> is not a W3C date-time`);
  return id;
}

export async function listRequests(c: Runner, query: Record<string, string>, what: string): Promise<RequestItem[]> {
  const res = await c.get('requests.json', query);
  check(res.status === 200, `${what}: HTTP ${res.status} (${res.text.slice(0, 160)})`);
  const body = c.json(res, what);
  check(Array.isArray(body), `${what}: the body is not an array`);
  (body as Record<string, unknown>[]).forEach((r, i) => checkRequestJson(r, `${what} [${i}]`));
  return (body as Record<string, unknown>[]).map((r) => ({ ...r, service_request_id: String(r.service_request_id), service_code: String(r.service_code) })) as RequestItem[];
}

/** Values for the attributes a service requires (from its definition), so a POST is complete on any server. */
export function requiredAttributes(def: State['definition']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const a of def?.attributes ?? []) {
    if (!a.required) continue;
    const first = a.values?.[0]?.key;
    if (a.datatype === 'multivaluelist') out[`attribute[${a.code}][]`] = [String(first ?? '')];
    else if (a.datatype === 'singlevaluelist') out[`attribute[${a.code}]`] = String(first ?? '');
    else if (a.datatype === 'number') out[`attribute[${a.code}]`] = '1';
    else if (a.datatype === 'datetime') out[`attribute[${a.code}]`] = new Date().toISOString();
    else out[`attribute[${a.code}]`] = 'Open311 conformance test';
  }
  return out;
}

export function postForm(c: Runner, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const code = c.opts.serviceCode ?? c.state.definition?.service_code ?? c.state.services[0]?.service_code;
  return {
    ...(c.opts.apiKey ? { api_key: c.opts.apiKey } : {}),
    ...(code ? { service_code: String(code) } : {}),
    lat: '22.3964', long: '103.4582', address_string: 'Open311 conformance test location',
    first_name: 'Kiểm Thử', last_name: 'Open311', email: 'conformance@example.org', phone: '0912345678',
    device_id: 'open311-conformance', account_id: 'conformance',
    description: 'Open311 conformance test: please ignore this request.\nKiểm thử tuân thủ Open311, xin bỏ qua.',
    ...requiredAttributes(c.state.definition),
    ...extra,
  };
}
