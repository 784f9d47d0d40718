import { describe, expect, it } from 'vitest';
import { renderMessage, renderText, templateProblems } from '../../../platform/notify/templates.js';
import { STAFF_TEMPLATES } from '../reminders/staff-templates.js';
import type { DossierEvent, EventPayload } from '../rules/events.js';
import { initialState } from '../rules/reducer.js';
import { applicantMessageFor, type DossierFacts } from './applicant-messages.js';
import { APPLICANT_TEMPLATES } from './applicant-templates.js';

const facts: DossierFacts = {
  code: 'H30.501.01-260302-0007', lookupSecret: 'K7P2QX', procedureName: 'Đăng ký khai sinh', applicantName: 'Lò Thị Hương',
  resultDelivery: 'post', dueAtBefore: new Date('2026-03-05T02:00:00Z'),
};
const state = { ...initialState(), handovers: [{ step: 1, stepName: 'Tiếp nhận', fromUnitName: '', from: { staffId: null, name: '' }, toUnitId: 1, toUnitName: 'Bộ phận Một cửa phường Tân Phong', to: null, at: '', stepDueAt: null, completedAt: null }] };
const ev = (p: EventPayload): DossierEvent => ({ ...p, seq: 2, at: '2026-03-04T03:15:00.000Z', actor: { staffId: 1, name: 'Cán bộ' }, unitId: 1 } as DossierEvent);
const render = (p: EventPayload) => {
  const m = applicantMessageFor(ev(p), facts, state, 'https://dichvucong.laichau.gov.vn/');
  return m ? { key: m.template.key, ...renderMessage(m.template, m.vars) } : null;
};

describe('which events notify the applicant, with which template', () => {
  it('maps the eight status changes (and the two other slips) to their templates; hand-overs notify nobody', () => {
    const cases: [EventPayload, string][] = [
      [{ type: 'received', receivedAt: '2026-03-02T02:00:00Z', dueAt: '2026-03-05T02:00:00Z', route: [], deskStaff: { staffId: 1, name: 'A' }, stepDueAt: '2026-03-02T06:00:00Z' }, 'dossier.received'],
      [{ type: 'reception_supplement_requested', items: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }] }, 'dossier.reception_supplement'],
      [{ type: 'supplement_requested', items: [{ name: 'Giấy chứng sinh', reason: 'Bản sao mờ', legalBasis: 'Điều 16 Luật Hộ tịch' }] }, 'dossier.supplement_requested'],
      [{ type: 'payment_requested', amount: 50_000, items: [{ name: 'Lệ phí', amount: 50_000 }] }, 'dossier.payment_requested'],
      [{ type: 'extended', newDueAt: '2026-03-10T02:00:00Z', reason: 'chờ xác minh', signer: 'Tao Văn Phúc' }, 'dossier.extended'],
      [{ type: 'result_recorded', summary: 'Cấp giấy', deskStaff: null, deskUnitId: 1, deskUnitName: 'Một cửa' }, 'dossier.result_ready'],
      [{ type: 'result_returned', receiverName: 'Lò Thị Hương', method: 'desk' }, 'dossier.returned'],
      [{ type: 'refused', reasons: ['Không thuộc thẩm quyền'] }, 'dossier.refused'],
      [{ type: 'stopped', reason: 'Không đủ điều kiện' }, 'dossier.stopped'],
      [{ type: 'withdrawn', reason: 'Người nộp rút', requestedAt: '2026-03-03T02:00:00Z' }, 'dossier.withdrawn'],
    ];
    for (const [payload, key] of cases) {
      const m = render(payload)!;
      expect(m.key).toBe(key);
      expect(m.subject).toContain(facts.code);
      expect(m.body).toContain('Kính gửi Ông/Bà Lò Thị Hương,');
      expect(m.body).not.toMatch(/\{\{|\}\}/);
      expect(m.sms).toContain(facts.code);
    }
    expect(render({ type: 'transferred', toStep: 2, toUnitId: 2, toUnitName: 'VH-XH', toStaff: null, stepDueAt: '2026-03-02T06:00:00Z' })).toBeNull();
    expect(render({ type: 'taken', staff: { staffId: 2, name: 'B' } })).toBeNull();
  });

  it('fills the apology with the old and new dates, the supplement with items and legal basis, the lookup link with the secret', () => {
    const apology = render({ type: 'extended', newDueAt: '2026-03-10T02:00:00Z', reason: 'chờ kết quả xác minh', signer: 'Tao Văn Phúc' })!;
    expect(apology.body).toContain('hẹn trả kết quả vào 05/03/2026 09:00');
    expect(apology.body).toContain('xin hẹn lại thời gian trả kết quả vào 10/03/2026 09:00');
    expect(apology.body).toContain('https://dichvucong.laichau.gov.vn/tra-cuu?ma=H30.501.01-260302-0007&key=K7P2QX');
    const supplement = render({ type: 'supplement_requested', items: [{ name: 'Giấy chứng sinh', reason: 'Bản sao mờ', legalBasis: 'Điều 16 Luật Hộ tịch' }] })!;
    expect(supplement.body).toContain('- Giấy chứng sinh: Bản sao mờ (căn cứ: Điều 16 Luật Hộ tịch)');
    expect(render({ type: 'payment_requested', amount: 1_250_000, items: [{ name: 'Lệ phí', amount: 1_250_000 }] })!.body).toContain('Tổng số tiền: 1.250.000 đồng.');
    expect(render({ type: 'result_recorded', summary: '', deskStaff: null, deskUnitId: 1, deskUnitName: '' })!.body).toContain('bưu chính công ích');
  });
});

describe('template text', () => {
  it('prints a missing variable as nothing and refuses unknown variables or formatters', () => {
    expect(renderText('Hồ sơ {{code}}{{note}}.', { code: 'X' })).toBe('Hồ sơ X.');
    expect(templateProblems('{{code}} {{hoTen}} {{code | tien}} {{code', ['code']).map((p) => p.en)).toEqual(['Unbalanced {{ }}.', 'Unknown variable {{hoTen}}.', 'Unknown formatter "tien".']);
  });

  it('every shipped template uses only the variables it declares (so an edit of it validates)', () => {
    for (const t of [...Object.values(APPLICANT_TEMPLATES), ...Object.values(STAFF_TEMPLATES)]) {
      for (const text of [t.subject, t.body, t.sms ?? '']) expect(templateProblems(text, t.variables), t.key).toEqual([]);
    }
  });
});
