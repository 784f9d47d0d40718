import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTemplateDocument } from '../../../platform/documents/index.js';
import type { DossierRow } from '../dossiers.repository.js';
import type { DossierEvent, EventPayload, RouteStep } from '../rules/events.js';
import type { UnitRef } from '../rules/plan.js';
import { reduce } from '../rules/reducer.js';
import { controlData, controlRows } from './control-slip.js';
import { registerRows } from './register.js';
import { lookupUrl, provincePlace, SlipProblem, slipAgency } from './slip-context.js';
import { extensionData, receiptData, refusalData, stopData, supplementData, type SlipData, type SlipSource } from './slip-data.js';
import { loadSlipTemplates, pruneHeading, SlipTemplateError } from './slip-templates.js';
import type { RegisterDossier } from './slips.repository.js';

const unit = (id: number, parentId: number | null, kind: string, name: string): UnitRef => ({ id, parentId, code: null, name, kind, function: null });
const UNITS: UnitRef[] = [
  unit(1, null, 'province', 'Tỉnh Lai Châu'),
  unit(2, 1, 'people_committee', 'Ủy ban nhân dân tỉnh Lai Châu'),
  unit(3, 2, 'service_centre', 'Trung tâm Phục vụ hành chính công tỉnh'),
  unit(4, 2, 'department', 'Sở Xây dựng'),
  unit(5, 4, 'section', 'Phòng Quản lý xây dựng'),
  unit(10, 1, 'commune', 'Phường Tân Phong'),
  unit(11, 10, 'people_committee', 'Ủy ban nhân dân phường Tân Phong'),
  unit(12, 10, 'service_centre', 'Trung tâm Phục vụ hành chính công phường Tân Phong'),
  unit(13, 10, 'section', 'Phòng Văn hóa - Xã hội'),
];

describe('heading and place', () => {
  it('names the issuing unit and the body that manages it, per kind of unit', () => {
    expect(slipAgency(UNITS, 12)).toEqual({ managingBody: 'Ủy ban nhân dân phường Tân Phong', name: 'Trung tâm Phục vụ hành chính công phường Tân Phong', place: 'Lai Châu' });
    // A commune signs through its People's Committee, which has no managing-body line.
    expect(slipAgency(UNITS, 10)).toMatchObject({ managingBody: null, name: 'Ủy ban nhân dân phường Tân Phong' });
    expect(slipAgency(UNITS, 11)).toMatchObject({ managingBody: null, name: 'Ủy ban nhân dân phường Tân Phong' });
    expect(slipAgency(UNITS, 4)).toMatchObject({ managingBody: 'Ủy ban nhân dân tỉnh Lai Châu', name: 'Sở Xây dựng' });
    expect(slipAgency(UNITS, 5)).toMatchObject({ managingBody: 'Sở Xây dựng', name: 'Phòng Quản lý xây dựng' });
    expect(slipAgency(UNITS, 13)).toMatchObject({ managingBody: 'Ủy ban nhân dân phường Tân Phong' });
  });

  it('takes the place from the root unit, without "Tỉnh"/"Thành phố"', () => {
    expect(provincePlace(UNITS)).toBe('Lai Châu');
    expect(provincePlace([unit(1, null, 'province', 'Thành phố Hà Nội')])).toBe('Hà Nội');
  });

  it('builds the lookup link with the code and the secret', () => {
    expect(lookupUrl('https://dichvucong.example/', 'H30.002-260302-0001', 'K7Q2MX')).toBe('https://dichvucong.example/tra-cuu?ma=H30.002-260302-0001&key=K7Q2MX');
  });
});

// --- a dossier told as events ---
const ROUTE: RouteStep[] = [
  { order: 1, name: 'Tiếp nhận', unitId: 12, unitName: 'Trung tâm Phục vụ hành chính công phường Tân Phong', role: 'desk_officer', budgetHours: 4, interAgency: false, external: false },
  { order: 2, name: 'Thẩm định', unitId: 13, unitName: 'Phòng Văn hóa - Xã hội', role: 'specialist', budgetHours: 12, interAgency: false, external: false },
  { order: 3, name: 'Phê duyệt', unitId: 11, unitName: 'Ủy ban nhân dân phường Tân Phong', role: 'unit_head', budgetHours: 4, interAgency: false, external: false },
];
const desk = { staffId: 7, name: 'Lường Thị Ánh' };
const specialist = { staffId: 8, name: 'Phạm Văn Hải' };

function story(...steps: [string, EventPayload, { staffId: number | null; name: string }?][]): DossierEvent[] {
  return steps.map(([at, payload, actor], i) => ({ ...payload, seq: i + 1, at: new Date(at).toISOString(), actor: actor ?? desk, unitId: actor === specialist ? 13 : 12 }) as DossierEvent);
}
const received: [string, EventPayload] = ['2026-03-02T09:00:00+07:00', {
  type: 'received', receivedAt: new Date('2026-03-02T09:00:00+07:00').toISOString(), dueAt: new Date('2026-03-05T09:00:00+07:00').toISOString(),
  route: ROUTE, deskStaff: desk, stepDueAt: new Date('2026-03-02T15:00:00+07:00').toISOString(),
}];
const toSection: [string, EventPayload] = ['2026-03-02T10:00:00+07:00', { type: 'transferred', toStep: 2, toUnitId: 13, toUnitName: 'Phòng Văn hóa - Xã hội', toStaff: null, stepDueAt: new Date('2026-03-04T09:00:00+07:00').toISOString() }];

function row(over: Partial<DossierRow> = {}): DossierRow {
  return {
    id: '1', code: 'H30.501.01-260302-0001', lookup_secret: 'K7Q2MX', idempotency_key: null, procedure_code: '1.001193', procedure_version_id: 1,
    procedure_name: 'Đăng ký khai sinh', field_code: 'HT', field_name: 'Hộ tịch', case_code: null, channel: 'desk', receiving_unit_id: 12, competent_unit_id: 10,
    applicant: { kind: 'citizen', fullName: 'Nguyễn Thị Hường', idNumber: '012345678901', phone: '0912345678', email: 'huong@example.vn', address: 'Bản Sang Ngà', representative: { fullName: 'Lò Văn Páo', authorisation: 'Giấy ủy quyền số 12' } },
    applicant_name: 'Nguyễn Thị Hường', applicant_id_index: null, representative_id_index: null, documents: [{ name: 'Tờ khai', originals: 1 }], fees: [{ name: 'Lệ phí', kind: 'charge', amount: 8000 }],
    result_delivery: 'post', processing_time: { amount: 3, unit: 'working_days', caseName: 'Trường hợp thường', copies: 2 }, supplement_restarts: false, origin_code: null,
    status: 2, received_at: null, due_at: null, completed_at: null, returned_at: null, current_step: 1, current_unit_id: 12, current_staff_id: 7, step_due_at: null, paused_at: null,
    involved_unit_ids: [12, 13, 11, 10], extended: false, digitised: false, result_digitised: false, paid_online: false, fully_online: false, version: 1, chain_mac: null, created_at: new Date('2026-03-02T09:00:00+07:00'), updated_at: new Date('2026-03-02T09:00:00+07:00'),
    ...over,
  };
}
function source(events: DossierEvent[], now = '2026-03-03T09:00:00+07:00'): SlipSource {
  return { row: row(), events, state: reduce(events), units: UNITS, publicUrl: 'https://dvc.example', now: new Date(now), register: { book: '2026', number: 15 }, officerPhone: '0214 3876 543' };
}
const data = (d: SlipData | SlipProblem): SlipData => {
  if (d instanceof SlipProblem) throw new Error(d.vi);
  return d;
};

describe('slip data', () => {
  it('01 keeps the appointment made at reception even after an extension', () => {
    const events = story(received, toSection, ['2026-03-03T09:00:00+07:00', { type: 'extended', newDueAt: new Date('2026-03-10T09:00:00+07:00').toISOString(), reason: 'Xác minh', signer: 'Chủ tịch UBND phường' }, specialist]);
    const d = data(receiptData(source(events)));
    expect(d.dueAt).toBe(new Date('2026-03-05T09:00:00+07:00').toISOString());
    expect(d).toMatchObject({ officer: 'Lường Thị Ánh', sets: 2, processingTime: '3 ngày làm việc', feesText: 'Lệ phí: 8.000 đồng', lookupUrl: 'https://dvc.example/tra-cuu?ma=H30.501.01-260302-0001&key=K7Q2MX' });
    expect(d.resultDelivery).toBe('Qua dịch vụ bưu chính công ích, đến địa chỉ: Bản Sang Ngà');
    expect(d.documents).toEqual([{ name: 'Tờ khai', originals: 1, copies: 0, certifiedCopies: 0 }]);
    // 04 tells the date being moved, found by replaying the log up to the apology.
    expect(data(extensionData(source(events)))).toMatchObject({ previousDueAt: new Date('2026-03-05T09:00:00+07:00').toISOString(), newDueAt: new Date('2026-03-10T09:00:00+07:00').toISOString() });
  });

  it('each notice exists only when its event does', () => {
    const events = story(received);
    for (const build of [supplementData, refusalData, extensionData, stopData]) expect(build(source(events))).toBeInstanceOf(SlipProblem);
    expect(receiptData(source([]))).toBeInstanceOf(SlipProblem);
    expect(controlData(source([]))).toBeInstanceOf(SlipProblem);
  });

  it('02 during processing is issued by the appraising unit; 05 says whether fees were paid', () => {
    const events = story(received, toSection,
      ['2026-03-03T08:00:00+07:00', { type: 'supplement_requested', items: [{ name: 'Giấy chứng sinh', reason: 'Mờ' }], note: 'Nộp bản chính' }, specialist]);
    const d = data(supplementData(source(events)));
    expect(d).toMatchObject({ atReception: false, duringProcessing: true, officer: 'Phạm Văn Hải', officerUnit: 'Phòng Văn hóa - Xã hội', agency: { name: 'Phòng Văn hóa - Xã hội' } });
    const paid = story(received, ['2026-03-02T09:30:00+07:00', { type: 'payment_requested', amount: 8000, items: [{ name: 'Lệ phí', amount: 8000 }] }],
      ['2026-03-02T09:40:00+07:00', { type: 'payment_confirmed', amount: 8000, method: 'cash' }],
      ['2026-03-02T10:00:00+07:00', { type: 'withdrawn', reason: 'Xin rút', requestedAt: new Date('2026-03-02T09:50:00+07:00').toISOString() }]);
    expect(data(stopData(source(paid)))).toMatchObject({ withdrawn: true, stopped: false, paid: 8000, nothingPaid: false, agency: { name: 'Trung tâm Phục vụ hành chính công phường Tân Phong' } });
  });
});

describe('control slip rows', () => {
  it('judges each step against its own deadline; an open step past it is late, one within it is in progress', () => {
    const events = story(received, toSection);
    const within = controlRows(source(events, '2026-03-03T09:00:00+07:00'));
    expect(within.map((r) => r.result)).toEqual(['Đúng hạn', 'Đang xử lý']);
    expect(within[0]).toMatchObject({ giver: 'Nguyễn Thị Hường', giverUnit: 'Tổ chức, cá nhân', receiver: 'Lường Thị Ánh' });
    expect(within[1]!.people).toContain('Người nhận: chưa phân công');
    const late = controlRows(source(events, '2026-03-04T10:00:00+07:00'));
    expect(late[1]).toMatchObject({ resultKey: 'overdue', result: 'Quá hạn' });
    expect(late[1]!.note).toContain('đang xử lý');
  });

  it('ends with the hand-back judged against the dossier deadline and the return to the applicant', () => {
    const events = story(received, toSection,
      ['2026-03-02T11:00:00+07:00', { type: 'taken', staff: specialist }, specialist],
      ['2026-03-03T10:00:00+07:00', { type: 'transferred', toStep: 3, toUnitId: 11, toUnitName: 'Ủy ban nhân dân phường Tân Phong', toStaff: null, stepDueAt: new Date('2026-03-03T14:00:00+07:00').toISOString() }, specialist],
      ['2026-03-03T11:00:00+07:00', { type: 'result_recorded', summary: 'Cấp', deskStaff: desk, deskUnitId: 12, deskUnitName: 'Trung tâm Phục vụ hành chính công phường Tân Phong' }],
      ['2026-03-04T08:00:00+07:00', { type: 'result_returned', receiverName: 'Nguyễn Thị Hường', method: 'desk' }]);
    const rows = controlRows(source(events));
    expect(rows.map((r) => r.result)).toEqual(['Đúng hạn', 'Trước hạn', 'Đúng hạn', 'Trước hạn', '—']);
    expect(rows[4]).toMatchObject({ receiver: 'Nguyễn Thị Hường', receiverUnit: 'Tổ chức, cá nhân' });
    expect(data(controlData(source(events)))).toMatchObject({ overall: 'Trước hạn', competentName: 'Ủy ban nhân dân phường Tân Phong' });
  });
});

describe('register rows', () => {
  it('prints dashes for what has not happened and a note with status, timeliness and extension', () => {
    const base = { id: '1', code: 'X-1', procedure_name: 'Đăng ký khai sinh', applicant: { address: 'Bản Sang Ngà', phone: '0912' }, applicant_name: 'A', processing_time: { copies: 2 }, competent_unit_id: 10, receiving_unit_id: 12, extended: false, transferredAt: null, resultAt: null, receiverName: null, completed_at: null, returned_at: null };
    const open: RegisterDossier = { ...base, status: 4, received_at: new Date('2026-03-02T02:00:00Z'), due_at: new Date('2026-03-05T02:00:00Z') };
    const done: RegisterDossier = { ...base, status: 10, extended: true, received_at: open.received_at, due_at: open.due_at, transferredAt: new Date('2026-03-02T03:00:00Z'), resultAt: new Date('2026-03-03T03:00:00Z'), completed_at: new Date('2026-03-03T03:00:00Z'), returned_at: new Date('2026-03-04T03:00:00Z'), receiverName: 'A' };
    const [r1, r2] = registerRows([open, done], UNITS, new Date('2026-03-06T02:00:00Z'));
    expect(r1).toMatchObject({ sets: 2, contact: 'Bản Sang Ngà; 0912', competentName: 'Ủy ban nhân dân phường Tân Phong', receivedText: '02/03/2026 09:00', transferredText: '—', note: 'Đang xử lý; quá hạn' });
    expect(r2).toMatchObject({ transferredText: '02/03/2026 10:00', returnedText: '04/03/2026 10:00\n(A)', note: 'Đã trả kết quả; trước hạn; đã gia hạn' });
  });
});

describe('templates', () => {
  const templates = loadSlipTemplates();
  const full = story(received, toSection,
    ['2026-03-02T11:00:00+07:00', { type: 'supplement_requested', items: [{ name: 'Giấy chứng sinh', reason: 'Mờ', legalBasis: 'Điều 16 Luật Hộ tịch' }], note: 'Nộp bản chính' }, specialist],
    ['2026-03-02T14:00:00+07:00', { type: 'supplement_received', newDueAt: new Date('2026-03-05T12:00:00+07:00').toISOString(), pausedWorkingHours: 3, mode: 'shift' }],
    ['2026-03-03T08:00:00+07:00', { type: 'extended', newDueAt: new Date('2026-03-10T09:00:00+07:00').toISOString(), reason: 'Xác minh', signer: 'Chủ tịch UBND phường' }, specialist],
    ['2026-03-03T09:00:00+07:00', { type: 'payment_requested', amount: 8000, items: [{ name: 'Lệ phí', amount: 8000 }] }],
    ['2026-03-03T09:10:00+07:00', { type: 'payment_confirmed', amount: 8000, method: 'cash' }],
    ['2026-03-03T10:00:00+07:00', { type: 'stopped', reason: 'Đã đăng ký trước đó' }, specialist]);

  // A misspelt placeholder would print a dotted blank without failing: every field of every default
  // layout must be filled by its builder for a dossier that has all the data. (Form 04/05's number is
  // left for the records office, which numbers outgoing documents.)
  it.each([
    ['01', receiptData], ['02', supplementData], ['04', extensionData], ['05', stopData], ['06', controlData],
  ] as const)('form %s: every placeholder has a value', async (form, build) => {
    const d = data(build(source(full)));
    const { missing } = await buildTemplateDocument(pruneHeading(templates[form], d), d);
    expect(missing.filter((m) => m !== 'documentNumber')).toEqual([]);
  });

  it('form 03 and 07 too', async () => {
    const refused = story(['2026-03-02T09:00:00+07:00', { type: 'refused', reasons: ['Không thuộc thẩm quyền'] }]);
    const d = data(refusalData({ ...source(refused), row: row({ applicant: { kind: 'citizen', fullName: 'A', phone: '1', address: 'B' } }) }));
    expect((await buildTemplateDocument(templates['03'], d)).missing).toEqual([]);
    const register = { agency: slipAgency(UNITS, 12), issuedAt: '2026-03-06T02:00:00Z', from: '2026-03-01', to: '2026-03-31', rows: [], count: 0 };
    expect((await buildTemplateDocument(templates['07'], register)).missing).toEqual([]);
  });

  it('drops an empty managing-body line, keeps a filled one', () => {
    const heading = (d: Record<string, unknown>) => pruneHeading(templates['04'], d).blocks.find((b) => b.type === 'heading')!;
    expect(heading({ agency: { managingBody: null } })).not.toHaveProperty('managingBody');
    expect(heading({ agency: { managingBody: 'Sở Xây dựng' } })).toHaveProperty('managingBody');
  });

  it('takes a province’s own layout from the override folder and names a broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-slips-'));
    writeFileSync(join(dir, '03.json'), JSON.stringify({ name: 'Mẫu riêng', blocks: [{ type: 'title', text: 'Phiếu từ chối' }] }));
    const own = loadSlipTemplates(dir);
    expect(own['03'].name).toBe('Mẫu riêng');
    expect(own['01']).toEqual(templates['01']);
    writeFileSync(join(dir, '05.json'), JSON.stringify({ blocks: [{ type: 'paragraph', text: 'Phí: {{paid | euro}}' }] }));
    expect(() => loadSlipTemplates(dir)).toThrow(SlipTemplateError);
    expect(() => loadSlipTemplates(dir)).toThrow(/05\.json.*unknown formatter "euro"/);
    writeFileSync(join(dir, '05.json'), '{ "blocks": [');
    expect(() => loadSlipTemplates(dir)).toThrow(/05\.json không đọc được/);
  });
});
