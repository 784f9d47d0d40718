import { describe, expect, it } from 'vitest';
import { duplicateWarning, incomingActions, incomingSearchText, numberOfSymbol, progressLabel, repeatedHandler, sameDocument, stateRefusal } from './incoming-rules.js';
import { fold } from './rules/search.js';

const weekdays = (day: string) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

describe('actions by status', () => {
  it('registers only what arrived, routes a registered or routed document, takes reports while routed', () => {
    expect(stateRefusal('register', 'arrived')).toBeNull();
    expect(stateRefusal('register', 'registered')).toMatchObject({ code: 'INVALID_STATE' });
    expect(stateRefusal('route', 'registered')).toBeNull();
    expect(stateRefusal('route', 'routed')).toBeNull();
    expect(stateRefusal('route', 'done')).toMatchObject({ code: 'INVALID_STATE' });
    expect(stateRefusal('report', 'registered')?.vi).toContain('không còn đang giải quyết');
  });

  it('offers each caller only what their role and the status allow', () => {
    expect(incomingActions({ status: 'arrived', mayRegister: true, maySign: true, handles: false })).toEqual(['register']);
    expect(incomingActions({ status: 'routed', mayRegister: true, maySign: true, handles: true })).toEqual(['route', 'report']);
    expect(incomingActions({ status: 'routed', mayRegister: false, maySign: false, handles: true })).toEqual(['report']);
    expect(incomingActions({ status: 'done', mayRegister: true, maySign: true, handles: true })).toEqual([]);
  });
});

describe('the same document twice', () => {
  const a = { symbol: '05/KH-UBND', issuerName: 'Ủy ban nhân dân tỉnh Lai Châu', issuedOn: '2026-02-26' };
  it('matches the symbol and issuer without case, accents or spaces, on the same day', () => {
    expect(sameDocument(a, { symbol: ' 05/kh-ubnd', issuerName: 'UY BAN NHAN DAN TINH LAI CHAU', issuedOn: '2026-02-26' })).toBe(true);
    expect(sameDocument(a, { ...a, issuedOn: '2026-02-27' })).toBe(false);
    expect(sameDocument(a, { ...a, symbol: '06/KH-UBND' })).toBe(false);
    expect(sameDocument(a, { ...a, issuerName: 'Sở Nội vụ' })).toBe(false);
    expect(sameDocument(a, { ...a, symbol: null })).toBe(false);
  });

  it('names the earlier arrival numbers in the warning', () => {
    const w = duplicateWarning([{ arrivalNumber: 12, arrivalOn: '2026-03-02' }]);
    expect(w.code).toBe('DUPLICATE_DOCUMENT');
    expect(w.vi).toContain('số đến 12 ngày 02/03/2026');
    expect(w.en).toContain('12');
  });
});

describe('numbers, search and handlers', () => {
  it('reads the number before the slash of a symbol', () => {
    expect(numberOfSymbol('05/KH-UBND')).toBe(5);
    expect(numberOfSymbol('88/2025/QĐ-UBND')).toBe(88);
    expect(numberOfSymbol('KH-UBND')).toBeNull();
    expect(numberOfSymbol('0/KH')).toBeNull();
  });

  it('puts every searchable field in the key, without accents, the type by its name', () => {
    const key = incomingSearchText({ symbol: '05/KH-UBND', subject: 'Kế hoạch cải cách', issuer_name: 'UBND tỉnh', signer_name: 'Đặng Quốc Việt', arrival_number: 42, doc_type: 'CV', instructions: 'Giao Phòng Bổ trợ' });
    for (const part of ['05/kh ubnd', 'ke hoach cai cach', 'ubnd tinh', 'dang quoc viet', '42', 'cong van', 'giao phong bo tro']) expect(key).toContain(part);
    expect(key).toContain(fold('ke hoach'));
  });

  it('refuses a person or unit named twice among the handlers', () => {
    expect(repeatedHandler({ staffId: 1 }, [{ unitId: 1 }, { staffId: 2 }])).toBeNull();
    expect(repeatedHandler({ staffId: 1 }, [{ unitId: 3 }, { staffId: 1 }])).toBe(1);
    expect(repeatedHandler({ unitId: 3 }, [{ unitId: 3 }])).toBe(0);
  });
});

describe('the progress column of the tracking register', () => {
  it('words each state on the day asked', () => {
    expect(progressLabel({ status: 'done', dueOn: '2026-03-06', doneOn: '2026-03-05' }, '2026-03-10', weekdays)).toBe('Đã giải quyết ngày 05/03/2026');
    expect(progressLabel({ status: 'done', dueOn: '2026-03-06', doneOn: '2026-03-09' }, '2026-03-10', weekdays)).toBe('Đã giải quyết ngày 09/03/2026 (chậm 3 ngày)');
    expect(progressLabel({ status: 'routed', dueOn: '2026-03-06', doneOn: null }, '2026-03-10', weekdays)).toBe('Quá hạn 4 ngày');
    expect(progressLabel({ status: 'routed', dueOn: '2026-03-06', doneOn: null }, '2026-03-06', weekdays)).toBe('Đang giải quyết, đến hạn hôm nay');
    expect(progressLabel({ status: 'routed', dueOn: '2026-03-06', doneOn: null }, '2026-03-04', weekdays)).toBe('Đang giải quyết, còn 2 ngày làm việc');
    expect(progressLabel({ status: 'routed', dueOn: '2026-03-20', doneOn: null }, '2026-03-04', weekdays)).toBe('Đang giải quyết');
    expect(progressLabel({ status: 'registered', dueOn: null, doneOn: null }, '2026-03-04', weekdays)).toBe('Chưa phân công');
  });
});
