import { describe, expect, it } from 'vitest';
import type { Fee } from '../../catalog/schema.js';
import { computeFees } from './fees.js';

const fee = (f: Partial<Fee> & Pick<Fee, 'name'>): Fee => ({ kind: 'charge', exemptions: [], ...f });

describe('computeFees', () => {
  const content = {
    fees: [
      fee({ name: 'Lệ phí đăng ký (tại quầy)', amount: 100_000, channels: ['desk', 'post'] }),
      fee({ name: 'Lệ phí đăng ký (trực tuyến)', amount: 50_000, channels: ['online'] }),
      fee({ name: 'Phí công bố', kind: 'fee', amount: 100_000, per: 'lần', exemptions: ['Hộ nghèo'] }),
    ],
    cases: [
      { code: 'cap_lai', name: 'Cấp lại', fees: [fee({ name: 'Lệ phí cấp lại', amount: 450_000 }), fee({ name: 'Lệ phí trước bạ', formula: '0,5% giá tính lệ phí trước bạ' })] },
      { code: 'mien', name: 'Miễn', fees: [fee({ name: 'Lệ phí giám hộ', amount: 0, formula: 'Miễn lệ phí' })] },
    ],
  };

  it('takes the fees of the dossier\'s channel only', () => {
    const online = computeFees(content, null, 'online');
    expect(online).toMatchObject({ ok: true, total: 150_000, needsStaff: [] });
    expect(online.ok && online.items.map((i) => i.name)).toEqual(['Lệ phí đăng ký (trực tuyến)', 'Phí công bố']);
    const desk = computeFees(content, null, 'desk');
    expect(desk.ok && desk.total).toBe(200_000);
  });

  it('keeps the exemptions and the unit of each item, for the applicant to read', () => {
    const r = computeFees(content, null, 'online');
    expect(r.ok && r.items[1]).toEqual({ name: 'Phí công bố', kind: 'fee', amount: 100_000, per: 'lần', exemptions: ['Hộ nghèo'] });
  });

  it('uses a sub-case\'s own fee table, and leaves a formula fee to staff', () => {
    const r = computeFees(content, 'cap_lai', 'online');
    expect(r).toEqual({
      ok: true, total: 450_000,
      items: [{ name: 'Lệ phí cấp lại', kind: 'charge', amount: 450_000, exemptions: [] }],
      needsStaff: [{ name: 'Lệ phí trước bạ', kind: 'charge', formula: '0,5% giá tính lệ phí trước bạ' }],
    });
  });

  it('has nothing to pay for a charge listed at zero', () => {
    expect(computeFees(content, 'mien', 'desk')).toEqual({ ok: true, items: [], total: 0, needsStaff: [] });
  });

  it('refuses a case the procedure does not have', () => {
    expect(computeFees(content, 'khong-co', 'desk')).toMatchObject({ ok: false, code: 'CASE_NOT_FOUND' });
  });
});
