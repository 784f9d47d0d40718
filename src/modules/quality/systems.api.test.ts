import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

// Monday 2 March 2026, 9:00 in Hà Nội.
const NOW = new Date('2026-03-02T09:00:00+07:00');
const TODAY = '2026-03-02';
let t: TestApp;
const s = {} as Record<string, Session>;
const unit = {} as Record<string, number>;
let qmsId = 0;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  for (const u of ['admin', 'kiemtra', 'lanhdao.snv', 'chuyenvien.snv', 'nhansu.snv', 'lanhdao.stp', 'chuyenvien.stp', 'lanhdao.sxd']) s[u] = await t.login(u);
  for (const c of ['H30.101', 'H30.101.01', 'H30.102', 'H30.105']) unit[c] = await t.unitId(c);
}, 240_000);
afterAll(async () => { await t?.close(); });

const api = (method: string, url: string, who: string, body?: unknown) => t.request(method, `/api/v1/quality${url}`, { session: s[who], body });
const errorCode = (res: { json(): { error?: { code: string } } }) => res.json().error?.code;
const staffId = async (username: string) => (await t.db.selectFrom('auth_accounts').select('staff_id').where('username', '=', username).executeTakeFirstOrThrow()).staff_id!;
const detail = async (who = 'chuyenvien.snv') => (await api('GET', `/systems/${qmsId}`, who)).json();

describe('creating a QMS', () => {
  it('offers the head the agencies they may create one for, never a section', async () => {
    const head = (await api('GET', '/systems', 'lanhdao.snv')).json();
    expect(head.creatable).toContainEqual({ unitId: unit['H30.101'], name: 'Sở Nội vụ' });
    expect(head.creatable.map((c: { unitId: number }) => c.unitId)).not.toContain(unit['H30.101.01']);
    expect(head.creatable.map((c: { unitId: number }) => c.unitId)).not.toContain(unit['H30.102']);
    expect((await api('GET', '/systems', 'chuyenvien.snv')).json().creatable).toEqual([]);
  });

  it('is the head\'s: 403 for a specialist, 404 for another department, 400 for a section', async () => {
    expect((await api('POST', '/systems', 'chuyenvien.snv', { agencyUnitId: unit['H30.101'] })).statusCode).toBe(403);
    expect((await api('POST', '/systems', 'chuyenvien.stp', { agencyUnitId: unit['H30.101'] })).statusCode).toBe(404);
    const section = await api('POST', '/systems', 'lanhdao.snv', { agencyUnitId: unit['H30.101.01'] });
    expect(section.statusCode).toBe(400);
    expect(section.body).toContain('không cho riêng một phòng, ban');
    const unknown = await api('POST', '/systems', 'lanhdao.snv', { agencyUnitId: unit['H30.101'], owner: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Trường không được phép');
  });

  it('creates the QMS of Sở Nội vụ with its defaults, once', async () => {
    const res = await api('POST', '/systems', 'lanhdao.snv', { agencyUnitId: unit['H30.101'] });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    qmsId = d.id;
    expect(d).toMatchObject({
      agencyUnitId: unit['H30.101'], agencyName: 'Sở Nội vụ', obligation: 'mandatory', standard: 'TCVN ISO 9001:2015',
      scopeText: '', exclusions: [], policyText: '', policyApproved: null, isoSecretary: null, version: 1,
      may: { manage: true, approve: true }, declaration: null,
    });
    expect(d.history).toMatchObject([{ action: 'created', actorName: 'Lê Thị Thu Hằng' }]);
    const again = await api('POST', '/systems', 'lanhdao.snv', { agencyUnitId: unit['H30.101'] });
    expect([again.statusCode, errorCode(again)]).toEqual([409, 'QMS_EXISTS']);
    const list = (await api('GET', '/systems', 'lanhdao.snv')).json();
    expect(list.items).toContainEqual(expect.objectContaining({ id: qmsId, agencyName: 'Sở Nội vụ', openNonconformities: 0, objectives: expect.objectContaining({ met: 0, total: 0 }), may: { manage: true, approve: true } }));
    expect(list.creatable.map((c: { unitId: number }) => c.unitId)).not.toContain(unit['H30.101']);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'unit_id']).where('entity', '=', 'qms_system').where('entity_id', '=', String(qmsId)).execute();
    expect(audit).toEqual([{ action: 'quality.system_created', unit_id: unit['H30.101'] }]);
  });

  it('shows the QMS to those who work at the agency and the province\'s oversight only', async () => {
    expect((await detail('chuyenvien.snv')).may).toEqual({ manage: true, approve: false });
    expect((await detail('kiemtra')).may).toEqual({ manage: false, approve: false });
    for (const who of ['chuyenvien.stp', 'lanhdao.stp', 'lanhdao.sxd']) {
      expect((await api('GET', `/systems/${qmsId}`, who)).statusCode, who).toBe(404);
      expect((await api('PUT', `/systems/${qmsId}`, who, { version: 1, scopeText: 'x' })).statusCode, who).toBe(404);
      expect((await api('GET', `/systems/${qmsId}/people`, who)).statusCode, who).toBe(404);
      expect((await api('GET', '/systems', who)).json().items.map((i: { id: number }) => i.id), who).not.toContain(qmsId);
    }
    expect((await api('PUT', `/systems/${qmsId}`, 'kiemtra', { version: 1, scopeText: 'x' })).statusCode).toBe(403);
  });
});

describe('scope, policy and its approval', () => {
  const policy = 'Sở Nội vụ cam kết giải quyết thủ tục hành chính công khai, minh bạch, đúng hạn; không ngừng cải tiến để người dân, tổ chức hài lòng.';

  it('lets the specialist keep the scope, exclusions and policy under the version read', async () => {
    const v = (await detail()).version;
    const res = await api('PUT', `/systems/${qmsId}`, 'chuyenvien.snv', {
      version: v, scopeText: 'Các thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Nội vụ.', policyText: policy,
      exclusions: [{ clause: '8.3', reason: 'Sở không thiết kế, phát triển sản phẩm, dịch vụ mới.' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: v + 1, policyText: policy, exclusions: [{ clause: '8.3', reason: 'Sở không thiết kế, phát triển sản phẩm, dịch vụ mới.' }], policyApproved: null });
    const last = res.json().history.at(-1);
    expect(last).toMatchObject({ action: 'updated', actorName: 'Sùng A Páo' });
    expect(last.details.changed.sort()).toEqual(['exclusions', 'policy_text', 'scope_text']);

    const stale = await api('PUT', `/systems/${qmsId}`, 'chuyenvien.snv', { version: v, scopeText: 'Phạm vi khác' });
    expect([stale.statusCode, errorCode(stale)]).toEqual([409, 'VERSION_CONFLICT']);
    expect((await detail()).scopeText).toBe('Các thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Nội vụ.');
  });

  it('refuses bad fields with their Vietnamese names', async () => {
    const v = (await detail()).version;
    const standard = await api('PUT', `/systems/${qmsId}`, 'chuyenvien.snv', { version: v, standard: ' ' });
    expect(standard.statusCode).toBe(400);
    expect(standard.body).toContain('Tiêu chuẩn áp dụng');
    const twice = await api('PUT', `/systems/${qmsId}`, 'chuyenvien.snv', { version: v, exclusions: [{ clause: '8.3', reason: 'Lý do một' }, { clause: '8.3', reason: 'Lý do hai' }] });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('Mỗi điều khoản không áp dụng chỉ ghi một lần');
    const obligation = await api('PUT', `/systems/${qmsId}`, 'chuyenvien.snv', { version: v, obligation: 'optional' });
    expect(obligation.statusCode).toBe(400);
    expect(obligation.body).toContain('Đối tượng áp dụng');
    const version = await api('PUT', `/systems/${qmsId}`, 'chuyenvien.snv', { scopeText: 'x' });
    expect(version.statusCode).toBe(400);
    expect(version.body).toContain('Phiên bản bản ghi');
  });

  it('has the policy approved by the head only; a new text needs approving again', async () => {
    const v = (await detail()).version;
    const specialist = await api('POST', `/systems/${qmsId}/policy/approve`, 'chuyenvien.snv', { version: v });
    expect(specialist.statusCode).toBe(403);
    const stale = await api('POST', `/systems/${qmsId}/policy/approve`, 'lanhdao.snv', { version: v - 1 });
    expect([stale.statusCode, errorCode(stale)]).toEqual([409, 'VERSION_CONFLICT']);
    const ok = await api('POST', `/systems/${qmsId}/policy/approve`, 'lanhdao.snv', { version: v });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: v + 1, policyApproved: { on: TODAY, byName: 'Lê Thị Thu Hằng' } });
    expect(ok.json().history.at(-1)).toMatchObject({ action: 'policy_approved', actorName: 'Lê Thị Thu Hằng' });
    const twice = await api('POST', `/systems/${qmsId}/policy/approve`, 'lanhdao.snv', { version: v + 1 });
    expect([twice.statusCode, errorCode(twice)]).toEqual([409, 'QMS_POLICY_ALREADY_APPROVED']);

    // The scope may change without touching the approval; the policy's text may not.
    const scope = await api('PUT', `/systems/${qmsId}`, 'chuyenvien.snv', { version: v + 1, scopeText: 'Toàn bộ thủ tục hành chính và công việc nội bộ của Sở.', policyText: policy });
    expect(scope.json().policyApproved).toMatchObject({ byName: 'Lê Thị Thu Hằng' });
    const changed = await api('PUT', `/systems/${qmsId}`, 'chuyenvien.snv', { version: v + 2, policyText: `${policy} Lấy sự hài lòng của người dân làm thước đo.` });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().policyApproved).toBeNull();
    expect(changed.json().history.at(-1).details).toMatchObject({ changed: ['policy_text'], policyApprovalCleared: true });
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity', '=', 'qms_system').where('entity_id', '=', String(qmsId)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['quality.system_created', 'quality.system_updated', 'quality.policy_approved', 'quality.system_updated', 'quality.system_updated']);
  });
});

describe('people and the ISO secretary', () => {
  it('lists the agency\'s staff, sections included, and no one else', async () => {
    const res = await api('GET', `/systems/${qmsId}/people`, 'chuyenvien.snv');
    expect(res.statusCode).toBe(200);
    const items: { staffId: number; name: string; unitId: number }[] = res.json().items;
    expect(items).toContainEqual(expect.objectContaining({ staffId: await staffId('lanhdao.snv'), name: 'Lê Thị Thu Hằng', unitId: unit['H30.101'] }));
    expect(items).toContainEqual(expect.objectContaining({ staffId: await staffId('chuyenvien.snv'), name: 'Sùng A Páo', unitId: unit['H30.101.01'], unitName: 'Phòng Tổ chức, biên chế và công chức' }));
    const subtree = (await t.services.org.subtrees([unit['H30.101']!])).get(unit['H30.101']!)!;
    expect(items.every((p) => subtree.includes(p.unitId))).toBe(true);
    expect(items.map((p) => p.staffId)).not.toContain(await staffId('chuyenvien.stp'));
  });

  it('has the secretary appointed by the head, from the agency\'s staff; the secretary then keeps the QMS', async () => {
    const v = (await detail()).version;
    const peer = await api('PUT', `/systems/${qmsId}`, 'chuyenvien.snv', { version: v, isoSecretaryStaffId: await staffId('chuyenvien.snv') });
    expect(peer.statusCode).toBe(403);
    expect(peer.body).toContain('thư ký ISO');
    const outsider = await api('PUT', `/systems/${qmsId}`, 'lanhdao.snv', { version: v, isoSecretaryStaffId: await staffId('chuyenvien.stp') });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.body).toContain('Thư ký ISO phải là cán bộ đang công tác tại cơ quan');
    // The personnel officer reads the QMS like everyone at the agency, and keeps it once appointed.
    expect((await detail('nhansu.snv')).may).toEqual({ manage: false, approve: false });
    expect((await api('PUT', `/systems/${qmsId}`, 'nhansu.snv', { version: v, scopeText: 'Phạm vi' })).statusCode).toBe(403);
    const ok = await api('PUT', `/systems/${qmsId}`, 'lanhdao.snv', { version: v, isoSecretaryStaffId: await staffId('nhansu.snv') });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().isoSecretary).toEqual({ staffId: await staffId('nhansu.snv'), name: 'Hoàng Thị Lan' });
    expect((await detail('nhansu.snv')).may).toEqual({ manage: true, approve: false });
    const kept = await api('PUT', `/systems/${qmsId}`, 'nhansu.snv', { version: v + 1, scopeText: 'Toàn bộ thủ tục hành chính và công việc nội bộ của Sở Nội vụ.' });
    expect(kept.statusCode, kept.body).toBe(200);
    // …but does not hand the role on.
    expect((await api('PUT', `/systems/${qmsId}`, 'nhansu.snv', { version: v + 2, isoSecretaryStaffId: null })).statusCode).toBe(403);
  });
});

describe('the announcement of conformity', () => {
  const decision = { decisionNo: '125/QĐ-SNV', decisionDate: '2026-02-20', signerName: 'Lê Thị Thu Hằng' };

  it('is recorded by the head with the processes in scope, and goes stale when they or the standard change', async () => {
    expect((await api('POST', `/systems/${qmsId}/declarations`, 'chuyenvien.snv', decision)).statusCode).toBe(403);
    const future = await api('POST', `/systems/${qmsId}/declarations`, 'lanhdao.snv', { ...decision, decisionDate: '2026-03-03' });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('không được sau hôm nay');
    const missing = await api('POST', `/systems/${qmsId}/declarations`, 'lanhdao.snv', { decisionDate: '2026-02-30', signerName: 'A' });
    expect(missing.statusCode).toBe(400);
    const fields = missing.json().error.fields.map((f: { path: string }) => f.path).sort();
    expect(fields).toEqual(['decisionDate', 'decisionNo', 'signerName']);

    // The processes are Part B's; written here directly so the snapshot has something to hold.
    await t.db.insertInto('qms_processes').values([
      { qms_id: qmsId, code: 'QT-01', name: 'Cấp giấy phép lao động', kind: 'tthc' },
      { qms_id: qmsId, code: 'QT-02', name: 'Kiểm soát tài liệu', kind: 'management' },
    ]).execute();
    const res = await api('POST', `/systems/${qmsId}/declarations`, 'lanhdao.snv', decision);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().declaration).toMatchObject({ ...decision, standard: 'TCVN ISO 9001:2015', status: 'valid', staleReason: null, recordedByName: 'Lê Thị Thu Hằng' });
    expect(res.json().history.at(-1)).toMatchObject({ action: 'declaration_recorded' });
    const list = (await api('GET', `/systems/${qmsId}/declarations`, 'chuyenvien.snv')).json();
    expect(list.items).toMatchObject([{ decisionNo: '125/QĐ-SNV', scope: ['QT-01', 'QT-02'], status: 'valid' }]);

    await t.db.updateTable('qms_processes').set({ active: false }).where('qms_id', '=', qmsId).where('code', '=', 'QT-02').execute();
    await t.db.insertInto('qms_processes').values({ qms_id: qmsId, code: 'QT-03', name: 'Đánh giá nội bộ', kind: 'management' }).execute();
    const stale = (await detail()).declaration;
    expect(stale.status).toBe('stale');
    expect(stale.staleReason).toContain('thêm quy trình QT-03');
    expect(stale.staleReason).toContain('bỏ quy trình QT-02');

    const v = (await detail()).version;
    const std = await api('PUT', `/systems/${qmsId}`, 'chuyenvien.snv', { version: v, standard: 'TCVN ISO 9001:2026' });
    expect(std.statusCode, std.body).toBe(200);
    expect(std.json().declaration.staleReason).toContain('Tiêu chuẩn áp dụng đã đổi từ "TCVN ISO 9001:2015" sang "TCVN ISO 9001:2026"');

    const renewed = await api('POST', `/systems/${qmsId}/declarations`, 'lanhdao.snv', { ...decision, decisionNo: '40/QĐ-SNV', decisionDate: TODAY });
    expect(renewed.statusCode).toBe(201);
    expect(renewed.json().declaration).toMatchObject({ decisionNo: '40/QĐ-SNV', standard: 'TCVN ISO 9001:2026', status: 'valid' });
    const both = (await api('GET', `/systems/${qmsId}/declarations`, 'kiemtra')).json().items;
    expect(both.map((d: { decisionNo: string; status: string }) => [d.decisionNo, d.status])).toEqual([['40/QĐ-SNV', 'valid'], ['125/QĐ-SNV', 'stale']]);
    expect(both[1].staleReason).toContain('Đã được thay thế bởi Quyết định số 40/QĐ-SNV ngày 02/03/2026');
    expect((await api('GET', `/systems/${qmsId}/declarations`, 'chuyenvien.stp')).statusCode).toBe(404);
  });
});
