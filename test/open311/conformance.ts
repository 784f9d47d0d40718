/**
 * Open311 GeoReport v2 conformance suite (wiki.open311.org/GeoReport_v2), runnable against any server:
 *
 *   npx tsx test/open311/conformance.ts --url https://server/open311/v2 --api-key KEY [--service-code CODE]
 *        [--discovery https://server/open311/discovery.json] [--no-post] [--lang en]
 *
 * Prints one line per check (PASS, FAIL or SKIP) and exits 1 when a check failed (2 on bad arguments).
 * It needs Node.js 20 only (fetch, no other package). With an API key it POSTs two service requests
 * (one per format) that say they are a conformance test; --no-post leaves the server untouched.
 * The checks are exported so a test runner can run them against a server it started
 * (src/modules/open311/open311.api.test.ts).
 */
import { pathToFileURL } from 'node:url';
import { childrenNamed, childText, parseXml } from './xml-reader.js';
import {
  DATATYPES, Fail, Runner, SERVICE_TYPES, Skip, bool, check, checkRequestJson, checkRequestXml, idLike, listRequests, postForm, requireFields, skip, str, strOrNull, w3c,
  type Check, type CheckResult, type CheckStatus, type ConformanceOptions, type Service, type State,
} from './conformance-runner.js';

export { W3C_DATETIME, type Check, type CheckResult, type CheckStatus, type ConformanceOptions } from './conformance-runner.js';

export const CHECKS: Check[] = [
  {
    name: 'discovery: .json and .xml list a GeoReport v2 endpoint with its formats',
    async run(c) {
      const url = c.opts.discoveryUrl ?? skip('no --discovery URL given');
      const res = await c.get(url);
      check(res.status === 200, `discovery.json: HTTP ${res.status}`);
      const d = c.json(res, 'discovery.json') as Record<string, unknown>;
      check(w3c(d.changeset), 'discovery.json: changeset is not a W3C date-time');
      check(typeof d.contact === 'string', 'discovery.json: contact missing');
      check(Array.isArray(d.endpoints) && d.endpoints.length > 0, 'discovery.json: no endpoints');
      const ep = (d.endpoints as Record<string, unknown>[]).find((e) => String(e.specification).includes('GeoReport_v2'));
      check(ep, 'discovery.json: no endpoint whose specification is GeoReport_v2');
      check(str(ep.url) && ['production', 'test'].includes(String(ep.type)), 'discovery.json: the endpoint lacks url or type (production|test)');
      check(Array.isArray(ep.formats) && ep.formats.includes('text/xml'), 'discovery.json: formats must list text/xml');
      const xml = c.xml(await c.get(url.replace(/\.json$/, '.xml')), 'discovery.xml', 'discovery');
      const eps = childrenNamed(childrenNamed(xml, 'endpoints')[0] ?? xml, 'endpoint');
      check(eps.length === (d.endpoints as unknown[]).length, 'discovery.xml: not the same endpoints as discovery.json');
      check(childrenNamed(childrenNamed(eps[0]!, 'formats')[0] ?? eps[0]!, 'format').length > 0, 'discovery.xml: <formats> holds no <format>');
    },
  },
  {
    name: 'GET services.json: each service has the spec\'s fields',
    async run(c) {
      const res = await c.get('services.json');
      check(res.status === 200, `HTTP ${res.status} (${res.text.slice(0, 160)})`);
      const list = c.json(res, 'services.json');
      check(Array.isArray(list) && list.length > 0, 'services.json is not a non-empty array');
      for (const [i, s] of (list as Record<string, unknown>[]).entries()) {
        requireFields(s, { service_code: idLike, service_name: str, metadata: bool, type: (v) => SERVICE_TYPES.includes(String(v)) }, `service [${i}]`);
        for (const f of ['description', 'keywords', 'group']) if (f in s) check(strOrNull(s[f]), `service [${i}]: "${f}" is neither text nor null`);
      }
      c.state.services = (list as Service[]).map((s) => ({ ...s, service_code: String(s.service_code) }));
    },
  },
  {
    name: 'GET services.xml: <services><service> with the same services as JSON',
    async run(c) {
      const root = c.xml(await c.get('services.xml'), 'services.xml', 'services');
      const items = childrenNamed(root, 'service');
      for (const s of items) {
        check(childText(s, 'service_code'), 'services.xml: <service> without <service_code>');
        check(childText(s, 'service_name'), 'services.xml: <service> without <service_name>');
        check(['true', 'false'].includes(childText(s, 'metadata') ?? ''), 'services.xml: <metadata> is not true or false');
        check(SERVICE_TYPES.includes(childText(s, 'type') ?? ''), 'services.xml: <type> is not realtime, batch or blackbox');
      }
      const codes = items.map((s) => childText(s, 'service_code')).sort();
      check(JSON.stringify(codes) === JSON.stringify(c.state.services.map((s) => s.service_code).sort()), 'services.xml lists other services than services.json');
    },
  },
  {
    name: 'GET services/{code}.json: the service definition and its attributes',
    async run(c) {
      const code = c.opts.serviceCode ?? c.state.services.find((s) => s.metadata)?.service_code ?? skip('no service with metadata=true');
      const res = await c.get(`services/${encodeURIComponent(code)}.json`);
      check(res.status === 200, `HTTP ${res.status} (${res.text.slice(0, 160)})`);
      const def = c.json(res, 'service definition') as Record<string, unknown>;
      check(String(def.service_code) === code, `service_code is ${JSON.stringify(def.service_code)}, expected ${code}`);
      check(Array.isArray(def.attributes), 'attributes is not an array');
      const orders = new Set<number>();
      for (const [i, a] of (def.attributes as Record<string, unknown>[]).entries()) {
        requireFields(a, {
          variable: bool, code: idLike, datatype: (v) => DATATYPES.includes(String(v)), required: bool,
          order: (v) => Number.isInteger(v) && (v as number) > 0, description: strOrNull,
        }, `attribute [${i}]`);
        check(!orders.has(a.order as number), `attribute [${i}]: order ${a.order} is used twice`);
        orders.add(a.order as number);
        if (a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') {
          check(Array.isArray(a.values) && a.values.length > 0, `attribute [${i}]: a list without values`);
          for (const v of a.values as Record<string, unknown>[]) requireFields(v, { key: idLike, name: str }, `attribute [${i}] value`);
        }
      }
      c.state.definition = def as State['definition'];
    },
  },
  {
    name: 'GET services/{code}.xml: <service_definition> with <attributes><attribute>',
    async run(c) {
      const def = c.state.definition ?? skip('no service definition read');
      const root = c.xml(await c.get(`services/${encodeURIComponent(def.service_code)}.xml`), 'service definition (XML)', 'service_definition');
      check(childText(root, 'service_code') === String(def.service_code), '<service_code> differs from the JSON definition');
      const attrs = childrenNamed(childrenNamed(root, 'attributes')[0] ?? root, 'attribute');
      check(attrs.length === def.attributes.length, `${attrs.length} <attribute> elements, JSON has ${def.attributes.length}`);
      for (const a of attrs) {
        check(DATATYPES.includes(childText(a, 'datatype') ?? ''), '<attribute> with a wrong <datatype>');
        check(['true', 'false'].includes(childText(a, 'required') ?? ''), '<attribute> with a wrong <required>');
      }
    },
  },
  {
    name: 'errors: an unknown service_code answers 404 in the spec\'s format (JSON and XML)',
    async run(c) {
      c.specError(await c.get('services/no-such-service-0000.json'), 404, 'services/{unknown}.json', 'json');
      c.specError(await c.get('services/no-such-service-0000.xml'), 404, 'services/{unknown}.xml', 'xml');
    },
  },
  {
    name: 'api_key: a POST without api_key is refused with 403 (JSON and XML)',
    async run(c) {
      const form = postForm(c);
      delete form.api_key;
      c.specError(await c.post('requests.json', form), 403, 'POST requests.json without api_key', 'json');
      c.specError(await c.post('requests.xml', form), 403, 'POST requests.xml without api_key', 'xml');
    },
  },
  {
    name: 'api_key: a POST with a wrong api_key is refused with 403 (JSON and XML)',
    async run(c) {
      const form = postForm(c, { api_key: 'not-a-valid-key-0000000000000000' });
      c.specError(await c.post('requests.json', form), 403, 'POST requests.json with a wrong api_key', 'json');
      c.specError(await c.post('requests.xml', form), 403, 'POST requests.xml with a wrong api_key', 'xml');
    },
  },
  {
    name: 'errors: a POST without service_code answers 400; with an unknown one 404',
    async run(c) {
      if (!c.opts.apiKey) skip('no --api-key given');
      const form = postForm(c);
      delete form.service_code;
      c.specError(await c.post('requests.json', form), 400, 'POST without service_code', 'json');
      c.specError(await c.post('requests.xml', postForm(c, { service_code: 'no-such-service-0000' })), 404, 'POST with an unknown service_code', 'xml');
    },
  },
  {
    name: 'POST requests.json: a request is created (service_request_id or token)',
    async run(c) {
      if (!c.opts.apiKey) skip('no --api-key given');
      if (c.opts.post === false) skip('--no-post');
      const res = await c.post('requests.json', postForm(c));
      check(res.status >= 200 && res.status < 300, `HTTP ${res.status} (${res.text.slice(0, 200)})`);
      const body = c.json(res, 'POST requests.json');
      check(Array.isArray(body) && body.length === 1, 'the answer is not an array of one request');
      const r = (body as Record<string, unknown>[])[0]!;
      check(idLike(r.service_request_id) !== idLike(r.token), 'exactly one of service_request_id and token must be returned');
      if ('service_notice' in r) check(strOrNull(r.service_notice), 'service_notice is neither text nor null');
      if ('account_id' in r) check(r.account_id === null || idLike(r.account_id), 'account_id is neither an id nor null');
      c.state.posted.push(String(r.service_request_id ?? r.token));
    },
  },
  {
    name: 'POST requests.xml: <service_requests><request> with <service_request_id> or <token>',
    async run(c) {
      if (!c.opts.apiKey) skip('no --api-key given');
      if (c.opts.post === false) skip('--no-post');
      const res = await c.post('requests.xml', postForm(c));
      check(res.status >= 200 && res.status < 300, `HTTP ${res.status} (${res.text.slice(0, 200)})`);
      const root = c.xml(res, 'POST requests.xml', 'service_requests');
      const reqs = childrenNamed(root, 'request');
      check(reqs.length === 1, `${reqs.length} <request> elements, expected 1`);
      check(!!childText(reqs[0]!, 'service_request_id') !== !!childText(reqs[0]!, 'token'), 'exactly one of <service_request_id> and <token> must be returned');
    },
  },
  {
    name: 'GET requests.json: each request has the spec\'s fields and W3C date-times',
    async run(c) {
      c.state.requests = await listRequests(c, {}, 'requests.json');
    },
  },
  {
    name: 'GET requests.xml: <service_requests><request>, the same requests as JSON',
    async run(c) {
      const root = c.xml(await c.get('requests.xml'), 'requests.xml', 'service_requests');
      const ids = childrenNamed(root, 'request').map((r, i) => checkRequestXml(r, `requests.xml [${i}]`));
      check(JSON.stringify(ids.sort()) === JSON.stringify(c.state.requests.map((r) => r.service_request_id).sort()), 'requests.xml lists other requests than requests.json');
    },
  },
  {
    name: 'GET requests/{id}.json and .xml: one request, the one asked for',
    async run(c) {
      const first = c.state.requests[0] ?? skip('the server lists no request in the default window');
      const id = first.service_request_id;
      const res = await c.get(`requests/${encodeURIComponent(id)}.json`);
      check(res.status === 200, `HTTP ${res.status}`);
      const body = c.json(res, `requests/${id}.json`);
      check(Array.isArray(body) && body.length === 1, 'not an array of one request');
      checkRequestJson((body as Record<string, unknown>[])[0]!, `requests/${id}.json`);
      check(String((body as Record<string, unknown>[])[0]!.service_request_id) === id, 'another request came back');
      const root = c.xml(await c.get(`requests/${encodeURIComponent(id)}.xml`), `requests/${id}.xml`, 'service_requests');
      const reqs = childrenNamed(root, 'request');
      check(reqs.length === 1 && checkRequestXml(reqs[0]!, `requests/${id}.xml`) === id, 'requests/{id}.xml is not the one request asked for');
    },
  },
  {
    name: 'errors: an unknown service_request_id answers 404 in the spec\'s format (JSON and XML)',
    async run(c) {
      c.specError(await c.get('requests/no-such-request-0000.json'), 404, 'requests/{unknown}.json', 'json');
      c.specError(await c.get('requests/no-such-request-0000.xml'), 404, 'requests/{unknown}.xml', 'xml');
    },
  },
  {
    name: 'errors: a start_date or end_date that is not a W3C date-time answers 400 (JSON and XML)',
    async run(c) {
      c.specError(await c.get('requests.json', { start_date: 'yesterday' }), 400, 'requests.json?start_date=yesterday', 'json');
      c.specError(await c.get('requests.xml', { end_date: '2026-13-45T99:00:00Z' }), 400, 'requests.xml?end_date=2026-13-45T99:00:00Z', 'xml');
    },
  },
  {
    name: 'filter service_code: only requests of that service',
    async run(c) {
      const code = c.state.requests[0]?.service_code ?? c.state.services[0]?.service_code ?? skip('no service and no request');
      const list = await listRequests(c, { service_code: code }, `requests.json?service_code=${code}`);
      check(list.every((r) => r.service_code === code), 'a request of another service came back');
      const expected = c.state.requests.filter((r) => r.service_code === code).length;
      check(list.length === expected, `${list.length} requests, the unfiltered list has ${expected} of that service`);
      const none = await listRequests(c, { service_code: 'no-such-service-0000' }, 'requests.json?service_code=unknown');
      check(none.length === 0, 'an unknown service_code still returned requests');
    },
  },
  {
    name: 'filter status: open and closed each return only that status, together the whole list',
    async run(c) {
      const open = await listRequests(c, { status: 'open' }, 'requests.json?status=open');
      const closed = await listRequests(c, { status: 'closed' }, 'requests.json?status=closed');
      check(open.every((r) => r.status === 'open'), 'status=open returned a closed request');
      check(closed.every((r) => r.status === 'closed'), 'status=closed returned an open request');
      const both = await listRequests(c, { status: 'open,closed' }, 'requests.json?status=open,closed');
      check(both.length === open.length + closed.length, 'status=open,closed is not open plus closed');
    },
  },
  {
    name: 'filter start_date/end_date: only requests made in the range',
    async run(c) {
      const first = c.state.requests[0] ?? skip('the server lists no request in the default window');
      const at = Date.parse(first.requested_datetime);
      const start = new Date(at - 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const end = new Date(at + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const inRange = await listRequests(c, { start_date: start, end_date: end }, 'requests.json?start_date&end_date');
      check(inRange.some((r) => r.service_request_id === first.service_request_id), 'the request made in the range is missing');
      check(inRange.every((r) => Math.abs(Date.parse(r.requested_datetime) - at) <= 1000), 'a request made outside the range came back');
      const later = await listRequests(c, { start_date: new Date(at + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') }, 'requests.json?start_date');
      check(later.every((r) => Date.parse(r.requested_datetime) >= at + 1000), 'start_date let an earlier request through');
      const earlier = await listRequests(c, { end_date: start }, 'requests.json?end_date');
      check(earlier.every((r) => Date.parse(r.requested_datetime) <= at - 1000), 'end_date let a later request through');
    },
  },
  {
    name: 'filter service_request_id: a comma-delimited list returns exactly those requests',
    async run(c) {
      if (!c.state.requests.length) skip('the server lists no request in the default window');
      const ids = c.state.requests.slice(0, 2).map((r) => r.service_request_id);
      const list = await listRequests(c, { service_request_id: ids.join(','), status: 'no-such-status-overridden' }, 'requests.json?service_request_id=a,b');
      check(JSON.stringify(list.map((r) => r.service_request_id).sort()) === JSON.stringify([...ids].sort()), `expected ${ids.join(', ')}, got ${list.map((r) => r.service_request_id).join(', ')}`);
    },
  },
];

/** Runs every check in order against one server; `report` sees each result as it comes. */
export async function runConformance(opts: ConformanceOptions, report: (r: CheckResult) => void = () => {}): Promise<CheckResult[]> {
  const runner = new Runner(opts);
  const results: CheckResult[] = [];
  for (const c of CHECKS) {
    let result: CheckResult;
    try {
      await c.run(runner);
      result = { name: c.name, status: 'PASS' };
    } catch (e) {
      result = e instanceof Skip ? { name: c.name, status: 'SKIP', detail: e.message } : { name: c.name, status: 'FAIL', detail: e instanceof Fail ? e.message : String((e as Error)?.stack ?? e) };
    }
    results.push(result);
    report(result);
  }
  return results;
}

function usage(): never {
  console.error('usage: npx tsx test/open311/conformance.ts --url https://server/open311/v2 [--api-key KEY] [--service-code CODE] [--discovery URL] [--no-post] [--lang vi|en]');
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const opts: Partial<ConformanceOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => argv[++i] ?? usage();
    if (arg === '--url') opts.url = value();
    else if (arg === '--api-key') opts.apiKey = value();
    else if (arg === '--service-code') opts.serviceCode = value();
    else if (arg === '--discovery') opts.discoveryUrl = value();
    else if (arg === '--lang') opts.lang = value();
    else if (arg === '--no-post') opts.post = false;
    else usage();
  }
  if (!opts.url || !/^https?:\/\//.test(opts.url)) usage();
  const results = await runConformance(opts as ConformanceOptions, (r) => {
    console.log(`${r.status.padEnd(4)}  ${r.name}${r.detail ? `\n      ${r.detail}` : ''}`);
  });
  const count = (s: CheckStatus) => results.filter((r) => r.status === s).length;
  console.log(`\n${count('PASS')} passed, ${count('FAIL')} failed, ${count('SKIP')} skipped`);
  process.exit(count('FAIL') ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e) => { console.error(e); process.exit(1); });
}
