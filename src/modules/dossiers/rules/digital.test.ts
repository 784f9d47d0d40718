import { describe, expect, it } from 'vitest';
import { digitalFlags, documentDigitised, isDigitised, isFullyOnline } from './digital.js';
import type { DossierEvent, EventPayload, FileRef, RouteStep } from './events.js';
import { reduce } from './reducer.js';
import { notAtResultStep, resultStep } from './result-step.js';

const step = (order: number, role: RouteStep['role'], unitId: number | null, name = `Bước ${order}`): RouteStep =>
  ({ order, name, unitId, unitName: unitId ? `Đơn vị ${unitId}` : 'Cơ quan thuế', role, budgetHours: 4, interAgency: false, external: unitId === null });
const route = [step(1, 'desk_officer', 10), step(2, 'specialist', 20), step(3, 'unit_head', 30, 'Ký duyệt'), step(4, 'desk_officer', 10, 'Trả kết quả')];
const person = { staffId: 1, name: 'Cán bộ' };
let seq = 0;
const ev = (p: EventPayload): DossierEvent => ({ ...p, seq: ++seq, at: '2026-03-02T02:00:00.000Z', actor: person, unitId: 10 });
const pdf = (key: string): FileRef => ({ key: key.repeat(64).slice(0, 64), name: 'ket-qua.pdf', type: 'application/pdf' });

const submitted = ev({ type: 'submitted', channel: 'online' });
const received = ev({ type: 'received', receivedAt: '2026-03-02T02:00:00.000Z', dueAt: '2026-03-05T02:00:00.000Z', route, deskStaff: person, stepDueAt: '2026-03-02T06:00:00.000Z' });
const toStep = (order: number) => ev({ type: 'transferred', toStep: order, toUnitId: order * 10, toUnitName: `Đơn vị ${order * 10}`, toStaff: null, stepDueAt: '2026-03-04T02:00:00.000Z' });
const recorded = (resultFile?: FileRef) => ev({ type: 'result_recorded', summary: 'Cấp giấy phép', deskStaff: person, deskUnitId: 10, deskUnitName: 'TTPVHCC', ...(resultFile ? { resultFile } : {}) });
const returned = (method: 'desk' | 'post' | 'online') => ev({ type: 'result_returned', receiverName: 'Lò Thị Hương', method, ...(method === 'post' ? { address: 'Bản Sang Ngà, phường Tân Phong' } : {}) });
const pay = (amount: number, method: string) => [ev({ type: 'payment_requested', amount, items: [{ name: 'Lệ phí', amount }] }), ev({ type: 'payment_confirmed', amount, method })];

describe('the result step (issue 11 item 7)', () => {
  it('is the last step before the desk hands the result back, else the last step', () => {
    expect(resultStep(route)?.order).toBe(3);
    expect(resultStep(route.slice(0, 3))?.order).toBe(3);
    expect(resultStep([step(1, 'desk_officer', 10)])?.order).toBe(1);
    // An outside body's step before the return: the result is recorded there, when it hands the result back.
    expect(resultStep([step(1, 'desk_officer', 10), step(2, 'unit_head', 30), step(3, 'specialist', null), step(4, 'desk_officer', 10)])?.order).toBe(3);
    expect(resultStep([])).toBeNull();
  });

  it('says, in Vietnamese first, which step decides when another is asked', () => {
    expect(notAtResultStep(route, 3)).toBeNull();
    expect(notAtResultStep(route, 2)?.vi).toContain('bước 3: Ký duyệt — Đơn vị 30');
    expect(notAtResultStep(route, 2)?.en).toContain('step 3');
  });
});

describe('digitisation and online flags', () => {
  const documents = [{ name: 'Tờ khai' }, { name: 'Giấy chứng sinh' }];
  const scan = (documentIndex: number | null) => ev({ type: 'scans_attached', stage: 'intake', scans: [{ documentIndex, documentName: documentIndex === null ? 'Giấy xác nhận cư trú' : documents[documentIndex]!.name, file: pdf(String(documentIndex ?? 9)) }] });

  it('marks each received document digitised by its scan, and the dossier once every one has one', () => {
    const s = reduce([received, scan(0)]);
    expect(documentDigitised(s, documents, 0)).toBe(true);
    expect(documentDigitised(s, documents, 1)).toBe(false);
    expect(isDigitised(s, documents)).toBe(false);
    // A paper handed in with a supplement that is not on the list does not stand in for one that is.
    expect(isDigitised(reduce([received, scan(0), scan(null)]), documents)).toBe(false);
    expect(isDigitised(reduce([received, scan(0), scan(1)]), documents)).toBe(true);
    // A file given with the document at intake (older rows, imports) counts too; an empty list is not digitised.
    expect(isDigitised(reduce([received, scan(0)]), [documents[0]!, { name: 'Giấy chứng sinh', fileKey: 'a'.repeat(64) }])).toBe(true);
    expect(isDigitised(reduce([received]), [])).toBe(false);
  });

  it('records the issued result as a file and where a postal delivery went', () => {
    const s = reduce([received, toStep(2), toStep(3), recorded(pdf('r')), returned('post')]);
    expect(s.resultFile?.name).toBe('ket-qua.pdf');
    expect(s.returnMethod).toBe('post');
    expect(s.deliveryAddress).toBe('Bản Sang Ngà, phường Tân Phong');
    expect(digitalFlags(s, documents)).toMatchObject({ resultDigitised: true, fullyOnline: false });
  });

  const online = (...middle: DossierEvent[]) => reduce([submitted, received, toStep(2), toStep(3), ...middle]);

  it('is fully online only when submitted, paid, decided and returned online with an electronic result (DOMAIN §4)', () => {
    // No fee asked, the result issued as a file and returned online.
    expect(isFullyOnline(reduce([submitted, received, toStep(2), toStep(3), recorded(pdf('r')), returned('online')]))).toBe(true);
    // Paid online.
    const paidOnline = online(...pay(50_000, 'online'), recorded(pdf('r')), returned('online'));
    expect(isFullyOnline(paidOnline)).toBe(true);
    expect(digitalFlags(paidOnline, []).paidOnline).toBe(true);
    // Paid in cash at the desk: paid, but not online.
    const cash = online(...pay(50_000, 'cash'), recorded(pdf('r')), returned('online'));
    expect(isFullyOnline(cash)).toBe(false);
    expect(digitalFlags(cash, []).paidOnline).toBe(false);
    // Part online, part cash.
    expect(isFullyOnline(online(...pay(30_000, 'online'), ...pay(20_000, 'cash'), recorded(pdf('r')), returned('online')))).toBe(false);
    // Asked but not yet confirmed: the dossier cannot have been returned as fully online.
    expect(isFullyOnline(online(ev({ type: 'payment_requested', amount: 10_000, items: [{ name: 'Phí', amount: 10_000 }] })))).toBe(false);
  });

  it('is not fully online when received at the desk, returned at the desk, or decided without an electronic result', () => {
    expect(isFullyOnline(reduce([received, toStep(2), toStep(3), recorded(pdf('r')), returned('online')]))).toBe(false);
    expect(isFullyOnline(online(recorded(pdf('r')), returned('desk')))).toBe(false);
    expect(isFullyOnline(online(recorded(), returned('online')))).toBe(false);
    // Decided but not yet returned.
    expect(isFullyOnline(online(recorded(pdf('r'))))).toBe(false);
    // The result scanned at the return counts as its electronic copy.
    const scannedAtReturn = online(recorded(), { ...returned('online'), resultFile: pdf('s') } as DossierEvent);
    expect(isFullyOnline(scannedAtReturn)).toBe(true);
  });
});
