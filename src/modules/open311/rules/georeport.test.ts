import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../test/open311/xml-reader.js';
import {
  listParam, parseForm, parsePostedRequest, parseRequestFilters, parseW3cDateTime, serviceDefinitionOf, serviceRequestOf, specFieldOf, titleFrom,
  toSubmission, w3cDateTime, type PublishedRequest,
} from './georeport.js';
import { escapeXml, xmlDocument } from './xml.js';

const NOW = new Date('2026-03-02T09:00:00+07:00');

describe('W3C date-times', () => {
  it('writes Vietnam time with its +07:00 offset, to the second', () => {
    expect(w3cDateTime(new Date('2026-03-02T02:00:00.789Z'))).toBe('2026-03-02T09:00:00+07:00');
    expect(w3cDateTime(new Date('2026-12-31T20:30:00Z'))).toBe('2027-01-01T03:30:00+07:00');
  });
  it('reads Z, offsets, fractions and optional seconds; refuses no zone and impossible dates', () => {
    expect(parseW3cDateTime('2010-01-01T00:00:00Z')?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3cDateTime('1994-11-05T08:15:30-05:00')?.toISOString()).toBe('1994-11-05T13:15:30.000Z');
    expect(parseW3cDateTime('2026-03-02T09:00+07:00')?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    expect(parseW3cDateTime('2026-03-02T09:00:00.5+07:00')?.toISOString()).toBe('2026-03-02T02:00:00.500Z');
    for (const bad of ['2026-03-02', '2026-03-02T09:00:00', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z', 'yesterday', '2026-01-01T00:00:00+25:00', '']) {
      expect(parseW3cDateTime(bad), bad).toBeNull();
    }
  });
});

describe('GET requests filters', () => {
  const parse = (q: Record<string, unknown>) => parseRequestFilters(q, NOW, 'vi');
  it('defaults to the most recent 90 days and at most 1,000 requests', () => {
    const r = parse({});
    expect(r).toEqual({ filters: { kind: 'search', serviceCodes: null, statuses: null, from: new Date(NOW.getTime() - 90 * 86_400_000), to: NOW, limit: 1000 } });
  });
  it('takes lists comma-delimited or repeated; empty parameters are not declared', () => {
    expect(listParam(['a,b', 'c', ''])).toEqual(['a', 'b', 'c']);
    expect(listParam('')).toBeNull();
    const r = parse({ service_code: 'thu-tuc,hoi-dap', status: ['open', 'closed'], start_date: '' });
    expect('filters' in r && r.filters.kind === 'search' && [r.filters.serviceCodes, r.filters.statuses]).toEqual([['thu-tuc', 'hoi-dap'], ['open', 'closed']]);
  });
  it('a start or end date alone opens a 90-day window from or to it', () => {
    const r = parse({ start_date: '2026-01-01T00:00:00+07:00' });
    expect('filters' in r && r.filters.kind === 'search' && r.filters.to.toISOString()).toBe('2026-03-31T17:00:00.000Z');
    const e = parse({ end_date: '2026-01-01T00:00:00Z' });
    expect('filters' in e && e.filters.kind === 'search' && e.filters.from.toISOString()).toBe('2025-10-03T00:00:00.000Z');
  });
  it('service_request_id overrides every other argument', () => {
    expect(parse({ service_request_id: 'PAKN-20260301-0001,PAKN-20260301-0002', status: 'bogus', start_date: 'bad' }))
      .toEqual({ filters: { kind: 'ids', ids: ['PAKN-20260301-0001', 'PAKN-20260301-0002'] } });
  });
  it('refuses bad dates, a reversed or over-long range and unknown statuses with the spec\'s 400', () => {
    for (const q of [{ start_date: '2026-01-01' }, { end_date: 'now' }, { status: 'pending' },
      { start_date: '2026-03-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }, { start_date: '2025-01-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }]) {
      const r = parse(q);
      expect('errors' in r && r.errors.every((e) => e.code === 400 && e.description.length > 0), JSON.stringify(q)).toBe(true);
    }
  });
});

describe('POST requests', () => {
  const form = (extra: Record<string, string | string[]> = {}) => ({
    service_code: 'thu-tuc', lat: '22.3964', long: '103.4582', first_name: 'Thị Mai', last_name: 'Lò', phone: '0912345678', email: 'mai@example.vn',
    description: 'Hồ sơ của tôi bị trả lại không rõ lý do.\nXin được giải thích.', ...extra,
  });
  it('reads a urlencoded body; repeated names become lists', () => {
    expect(parseForm('api_key=k&attribute%5Bx%5D%5B%5D=1&attribute[x][]=2&description=a+b')).toEqual({ api_key: 'k', 'attribute[x][]': ['1', '2'], description: 'a b' });
  });
  it('maps the spec\'s contact fields to our submitter, family name first, and the location into the text', () => {
    const r = parsePostedRequest(form({ address_string: 'Bản Hon, xã Tân Phong', 'attribute[consent_to_publish]': 'true', 'attribute[about_kind]': 'dossier', 'attribute[dossier_code]': 'H30.501-260302-0001' }), 'vi');
    if (!('request' in r)) throw new Error(JSON.stringify(r));
    const s = toSubmission(r.request);
    expect(s).toEqual({
      categoryCode: 'thu-tuc', about: { kind: 'dossier', dossierCode: 'H30.501-260302-0001' }, title: 'Hồ sơ của tôi bị trả lại không rõ lý do.',
      content: 'Hồ sơ của tôi bị trả lại không rõ lý do.\nXin được giải thích.\n\nĐịa điểm: Bản Hon, xã Tân Phong; tọa độ 22.3964, 103.4582',
      submitter: { kind: 'person', name: 'Lò Thị Mai', phone: '0912345678', email: 'mai@example.vn' }, consentToPublish: true,
    });
  });
  it('no consent unless the attribute says so; an organisation when named', () => {
    const r = parsePostedRequest(form({ 'attribute[organisation]': 'HTX Tân Phong', 'attribute[consent_to_publish]': 'false' }), 'vi');
    const s = 'request' in r ? toSubmission(r.request) : null;
    expect(s?.consentToPublish).toBe(false);
    expect(s?.submitter).toMatchObject({ kind: 'organisation', organisation: 'HTX Tân Phong' });
    expect('request' in r && r.request.attributes).toEqual({ organisation: 'HTX Tân Phong', consent_to_publish: 'false' });
  });
  it('needs service_code, a location (lat and long, address_string or address_id) and a description', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...form(), service_code: '' }, /service_code/],
      [{ ...form(), lat: undefined, long: undefined }, /location|vị trí/i],
      [{ ...form(), long: undefined }, /lat và long/],
      [{ ...form(), lat: '91' }, /lat/],
      [{ ...form(), description: '  ' }, /description/],
      [{ ...form(), media_url: 'javascript:alert(1)' }, /media_url/],
      [{ ...form(), email: 'not-an-email' }, /email/],
      [{ ...form(), description: 'x'.repeat(4001) }, /4000/],
      [{ ...form(), 'attribute[a b]': 'x' }, /attribute/],
      [{ ...form(), description: { nested: true } }, /description/],
    ];
    for (const [body, message] of cases) {
      const r = parsePostedRequest(body, 'vi');
      expect('errors' in r && r.errors.map((e) => e.description).join(' '), JSON.stringify(body).slice(0, 80)).toMatch(message);
    }
    expect('request' in parsePostedRequest({ ...form(), lat: undefined, long: undefined, address_id: 'A-1' }, 'vi')).toBe(true);
  });
  it('a title from the first line, cut at a word', () => {
    expect(titleFrom('\n  Đường vào bản bị sạt lở  \nchi tiết')).toBe('Đường vào bản bị sạt lở');
    expect(titleFrom('từ '.repeat(100), 20)).toBe('từ từ từ từ từ từ…');
  });
  it('names the spec field of a feedback validation error', () => {
    expect(['submitter.name', 'submitter.phone', 'content', 'about.staffPublicId', 'categoryCode'].map(specFieldOf))
      .toEqual(['first_name/last_name', 'phone', 'description', 'attribute[staff_public_id]', 'service_code']);
  });
});

describe('services and requests as the spec names them', () => {
  it('a definition with ordered attributes and list values', () => {
    const def = serviceDefinitionOf({ code: 'can-bo', name: { vi: 'Cán bộ', en: 'Officials' }, description: { vi: '', en: '' } }, 'en');
    expect(def.service_code).toBe('can-bo');
    expect(def.attributes.map((a) => a.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(def.attributes.find((a) => a.code === 'about_kind')?.values.map((v) => v.key)).toEqual(['regulation', 'procedure', 'dossier', 'official', 'service', 'other']);
    expect(def.attributes.every((a) => a.required === false && a.variable === true)).toBe(true);
  });
  it('a published item: closed, our status label in status_notes, the unit as agency, no location', () => {
    const item: PublishedRequest = {
      code: 'PAKN-20260301-0001', categoryCode: 'hoi-dap', categoryName: 'Hỏi đáp', unitName: 'UBND xã Tân Phong', question: 'Câu hỏi?', answer: 'Trả lời.',
      statusLabel: { vi: 'Đã trả lời và công khai', en: 'Answered and published' }, receivedAt: new Date('2026-03-01T01:00:00Z'),
      answeredAt: new Date('2026-03-01T08:00:00Z'), publishedAt: new Date('2026-03-01T09:00:00Z'), updatedAt: null, dueAt: new Date('2026-03-06T10:00:00Z'),
    };
    expect(serviceRequestOf(item)).toEqual({
      service_request_id: 'PAKN-20260301-0001', status: 'closed', status_notes: 'Đã trả lời và công khai', service_name: 'Hỏi đáp', service_code: 'hoi-dap',
      description: 'Câu hỏi?', agency_responsible: 'UBND xã Tân Phong', service_notice: 'Trả lời.',
      requested_datetime: '2026-03-01T08:00:00+07:00', updated_datetime: '2026-03-01T15:00:00+07:00', expected_datetime: '2026-03-06T17:00:00+07:00',
      address: null, address_id: null, zipcode: null, lat: null, long: null, media_url: null,
    });
    expect(serviceRequestOf({ ...item, answeredAt: null }).status).toBe('open');
  });
});

describe('the XML writer', () => {
  it('writes lists as wrapper and item elements, null as an empty element, with the declaration', () => {
    expect(xmlDocument('service_requests', [{ service_request_id: 'A', lat: null, ok: true, n: 1.5 }]))
      .toBe('<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request><service_request_id>A</service_request_id><lat/><ok>true</ok><n>1.5</n></request></service_requests>\n');
    expect(xmlDocument('errors', [])).toContain('<errors></errors>');
  });
  it('escapes markup and drops characters XML cannot carry; reads back the same text', () => {
    const nasty = '<script>alert("x")</script> & \'Lò\' ]]> \u0001\u0008 \ud800 𝔘 Đ';
    expect(escapeXml('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
    const doc = parseXml(xmlDocument('service_definition', { service_code: nasty }));
    expect(doc.root.children[0]!.text).toBe('<script>alert("x")</script> & \'Lò\' ]]>   𝔘 Đ');
  });
  it('refuses element names that are not names, and lists it has no item name for', () => {
    expect(() => xmlDocument('services', [{ 'bad name': 1 }])).toThrow(/element name/);
    expect(() => xmlDocument('things', [1])).toThrow(/item element/);
  });
});
