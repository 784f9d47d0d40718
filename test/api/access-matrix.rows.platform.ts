import type { Req, Row } from './access-matrix.rows.js';
import type { Relation, UnitRelation } from './access-matrix.rules.js';

// Rows of the access matrix for the platform parts: the province's calendar (calendar.manage at the
// province), the audit log, stored files and staff notifications. Spread into ROWS where they stood.
const get = (url: string): Req => ({ method: 'GET', url });
const UNITS: Relation[] = ['own', 'child', 'sibling', 'other'];

export const CALENDAR_ROWS: Row[] = [
  // ---- calendar administration: the province's calendar needs calendar.manage at the province (finding 1, fixed)
  { op: 'GET /api/v1/calendar/admin/years/{year}', rule: { kind: 'provinceWide', perm: 'calendar.manage', ok: 200 }, request: () => get('/api/v1/calendar/admin/years/2029') },
  {
    op: 'POST /api/v1/calendar/years/{year}/notices', rule: { kind: 'provinceWide', perm: 'calendar.manage', ok: 200 },
    request: async (f) => ({
      method: 'POST', url: '/api/v1/calendar/years/2029/notices',
      body: { version: await f.version('/api/v1/calendar/admin/years/2029'), document: f.unique('Công văn thử'), date: '2028-11-20', title: 'Thông báo thử (xem trước)', dryRun: true,
        days: [{ date: '2029-06-01', kind: 'holiday', name: 'Ngày nghỉ thử' }] },
    }),
  },
  {
    op: 'POST /api/v1/calendar/notices/{id}/withdraw', rule: { kind: 'provinceWide', perm: 'calendar.manage', ok: 200 },
    request: async (f) => {
      const id = await f.noticeToWithdraw();
      return { method: 'POST', url: `/api/v1/calendar/notices/${id}/withdraw`, body: { version: await f.version('/api/v1/calendar/admin/years/2029'), reason: 'Thu hồi thử' } };
    },
  },
  {
    op: 'PUT /api/v1/calendar/days/{date}', rule: { kind: 'provinceWide', perm: 'calendar.manage', ok: 200 },
    request: async (f) => ({ method: 'PUT', url: '/api/v1/calendar/days/2029-06-05', body: { version: await f.version('/api/v1/calendar/admin/years/2029'), kind: 'holiday', name: 'Nghỉ thử', reason: f.unique('Điều chỉnh thử') } }),
  },
  {
    op: 'PUT /api/v1/calendar/years/{year}/note', rule: { kind: 'provinceWide', perm: 'calendar.manage', ok: 200 },
    request: async (f) => ({ method: 'PUT', url: '/api/v1/calendar/years/2029/note', body: { version: await f.version('/api/v1/calendar/admin/years/2029'), note: f.unique('Ghi chú') } }),
  },
  {
    op: 'PUT /api/v1/calendar/hours', rule: { kind: 'provinceWide', perm: 'calendar.manage', ok: 200 },
    request: async (f) => {
      // The newest version may not be in force yet (an earlier subject's, from a far date).
      const hours = (await f.json('/api/v1/calendar/hours')) as { current: { version: number }; history: { version: number }[] };
      const version = Math.max(hours.current.version, ...hours.history.map((h) => h.version));
      // The same hours from a far date: deadlines of the other rows do not move.
      return { method: 'PUT', url: '/api/v1/calendar/hours', body: { version, intervals: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }], saturdayWorking: false, effectiveFrom: '2035-01-01', reason: f.unique('Thử') } };
    },
  },
];

export const AUDIT_FILE_NOTIFY_ROWS: Row[] = [
  // ---- audit, files, notifications -----------------------------------------------------------
  { op: 'GET /api/v1/audit', rule: { kind: 'anywhere', perms: ['audit.read'], ok: 200 }, request: () => get('/api/v1/audit') },
  { op: 'GET /api/v1/audit/vocabulary', rule: { kind: 'anywhere', perms: ['audit.read'], ok: 200 }, request: () => get('/api/v1/audit/vocabulary') },
  {
    op: 'POST /api/v1/files', rule: { kind: 'anywhere', perms: ['dossier.receive', 'dossier.process'], ok: 201 },
    request: (f) => ({ method: 'POST', url: '/api/v1/files', ...f.multipart('scan.pdf', f.pdf, 'application/pdf') }),
  },
  { op: 'GET /api/v1/admin/outbox', rule: { kind: 'outboxList', ok: 200 }, request: () => get('/api/v1/admin/outbox') },
  { op: 'GET /api/v1/admin/outbox/counts', rule: { kind: 'outboxList', ok: 200 }, request: () => get('/api/v1/admin/outbox/counts') },
  { op: 'GET /api/v1/admin/outbox/{id}', rule: { kind: 'outboxMessage', ok: 200 }, targets: [...UNITS, 'unitless'], request: (f, _s, t) => get(`/api/v1/admin/outbox/${f.messageAt[t.relation as UnitRelation | 'unitless']}`) },
  {
    op: 'POST /api/v1/admin/outbox/{id}/retry', rule: { kind: 'outboxMessage', ok: 200 }, targets: [...UNITS, 'unitless'],
    request: async (f, _s, t) => ({ method: 'POST', url: `/api/v1/admin/outbox/${await f.failedMessage(t.relation as UnitRelation | 'unitless')}/retry` }),
  },
  { op: 'GET /api/v1/notifications/mine', rule: { kind: 'signedIn', ok: 200 }, request: () => get('/api/v1/notifications/mine') },
  { op: 'POST /api/v1/notifications/read-all', rule: { kind: 'signedIn', ok: 200 }, request: () => ({ method: 'POST', url: '/api/v1/notifications/read-all' }) },
  {
    op: 'POST /api/v1/notifications/{id}/read', rule: { kind: 'ownRecord', ok: 200 }, targets: ['self', 'another'],
    request: async (f, s, t) => ({ method: 'POST', url: `/api/v1/notifications/${await f.notificationOf(s, t.relation as 'self' | 'another')}/read` }),
  },
  // The province's message templates need org.manage at the province (finding 2, fixed).
  { op: 'GET /api/v1/admin/message-templates', rule: { kind: 'provinceWide', perm: 'org.manage', ok: 200 }, request: () => get('/api/v1/admin/message-templates') },
  {
    op: 'PUT /api/v1/admin/message-templates/{key}', rule: { kind: 'provinceWide', perm: 'org.manage', ok: 200 },
    request: async (f) => {
      const current = await f.template();
      return { method: 'PUT', url: `/api/v1/admin/message-templates/${current.key}`, body: { version: current.version, subject: current.subject, body: current.body, sms: current.sms } };
    },
  },
];
