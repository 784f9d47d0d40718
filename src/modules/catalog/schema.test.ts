import { describe, expect, it } from 'vitest';

import {
  catalogFileSchema,
  procedureCodeSchema,
  procedureCreateInputSchema,
  procedureSchema,
  procedureUpdateInputSchema,
  unitCodeSchema,
  versionActionInputSchema,
} from './schema.js';
import { procedureInput, step } from './testing.js';

function messages(input: unknown, schema = procedureSchema): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('procedure schema', () => {
  it('accepts the factory record and applies defaults', () => {
    const p = procedureSchema.parse(procedureInput());
    expect(p.cases).toEqual([]);
    expect(p.boundaryIndependent).toBe(false);
    expect(p.documents[0]).toMatchObject({ originals: 1, copies: 0, reusableFromNationalDb: false });
    expect(p.internalProcesses[0]?.steps[0]?.interAgency).toBe(false);
  });

  it('says in Vietnamese that the name is missing or empty', () => {
    expect(messages(procedureInput({ name: '   ' }))).toContain('name: Tên thủ tục không được để trống');
    const { name: _omitted, ...rest } = procedureInput();
    expect(messages(rest)).toContain('name: Tên thủ tục không được để trống');
  });

  it.each(['1.000948', '1.000948.H30', '2.001218.000.00.00.H30', '2.000635'])('accepts procedure code %s', (code) => {
    expect(procedureCodeSchema.safeParse(code).success).toBe(true);
  });

  it.each(['1.948', '1000948', '1.000948.h30', '1.000948.', 'A.000948'])('rejects procedure code %s', (code) => {
    expect(procedureCodeSchema.safeParse(code).success).toBe(false);
  });

  it.each([
    ['H30', true],
    ['H30.102.01', true],
    ['H30.501.00', true],
    ['Z30.102', false],
    ['H3.102', false],
    ['h30.102', false],
  ])('unit code %s valid=%s', (code, valid) => {
    expect(unitCodeSchema.safeParse(code).success).toBe(valid);
  });

  it('rejects unknown keys, so a typo in an import file is not silently dropped', () => {
    const input = procedureInput({ documents: [{ name: 'Tờ khai', originals: 1, reuseableFromNationalDb: true }] });
    expect(messages(input).some((m) => m.startsWith('documents.0'))).toBe(true);
  });

  it('requires at least one copy of a document', () => {
    expect(messages(procedureInput({ documents: [{ name: 'Tờ khai' }] }))).toContain(
      'documents.0.originals: Giấy tờ phải có ít nhất một bản (bản chính, bản sao hoặc bản sao chứng thực)',
    );
  });

  it('requires a fee to have an amount or a formula', () => {
    const fees = [{ name: 'Lệ phí', kind: 'charge' }];
    expect(messages(procedureInput({ fees }))).toContain('fees.0.amount: Phí, lệ phí phải có mức thu cố định hoặc cách tính');
    expect(messages(procedureInput({ fees: [{ name: 'Lệ phí', kind: 'charge', formula: 'Theo số trang' }] }))).toEqual([]);
  });

  it('allows a same-day cut-off only on working-day limits', () => {
    const channels = [{ kind: 'desk', time: { amount: 8, unit: 'working_hours', cutoff: '15:00' } }];
    expect(messages(procedureInput({ channels, onlineMode: 'none' }))).toContain(
      'channels.0.time.cutoff: Giờ tiếp nhận tối đa chỉ áp dụng cho thời hạn tính bằng ngày làm việc',
    );
    const bad = [{ kind: 'desk', time: { amount: 1, unit: 'working_days', cutoff: '25:00' } }];
    expect(messages(procedureInput({ channels: bad, onlineMode: 'none' }))[0]).toContain('HH:mm');
  });

  it('keeps the online mode consistent with the channels', () => {
    const deskOnly = [{ kind: 'desk', time: { amount: 3, unit: 'working_days' } }];
    expect(messages(procedureInput({ channels: deskOnly }))).toContain(
      'onlineMode: Thủ tục trực tuyến phải có cách thức nộp trực tuyến',
    );
    expect(messages(procedureInput({ onlineMode: 'none' }))[0]).toMatch(/không thể là "none"/);
  });

  it('rejects duplicate channels and case codes', () => {
    const dupChannels = [
      { kind: 'desk', time: { amount: 3, unit: 'working_days' } },
      { kind: 'desk', time: { amount: 2, unit: 'working_days' } },
    ];
    expect(messages(procedureInput({ channels: dupChannels, onlineMode: 'none' }))).toContain(
      'channels: Cách thức "trực tiếp" bị lặp',
    );
    const cases = [
      { code: 'a', name: 'Trường hợp A' },
      { code: 'a', name: 'Trường hợp A lặp' },
    ];
    expect(messages(procedureInput({ cases }))).toContain('cases: Mã trường hợp "a" bị lặp');
  });

  it('requires the agency code for a province procedure but not for a commune one', () => {
    expect(messages(procedureInput({ levels: ['province'], implementingAgency: { name: 'Sở Tư pháp' } }))).toContain(
      'implementingAgency.code: Thủ tục cấp tỉnh phải chỉ rõ mã định danh của cơ quan thực hiện',
    );
    expect(messages(procedureInput({ levels: ['province'], implementingAgency: { code: 'H30.102', name: 'Sở Tư pháp' } }))).toEqual([]);
  });

  it('requires exactly one place for each internal step, and inter-agency for an outside body', () => {
    const both = step(1, 24, { responsible: { unitCode: 'H30.002', function: 'one_stop', role: 'desk_officer' } });
    expect(messages(procedureInput({ internalProcesses: [{ steps: [both] }] }))[0]).toMatch(/đúng một nơi xử lý/);
    const tax = step(1, 24, { responsible: { externalAgency: { name: 'Thuế tỉnh' }, role: 'specialist' } });
    expect(messages(procedureInput({ internalProcesses: [{ steps: [tax] }] }))).toContain(
      'internalProcesses.0.steps.0.interAgency: Bước do cơ quan ngoài xử lý phải được đánh dấu liên thông',
    );
    expect(messages(procedureInput({ internalProcesses: [{ steps: [{ ...tax, interAgency: true }] }] }))).toEqual([]);
  });

  it('checks that step legal references exist in the legal basis', () => {
    const steps = [{ order: 1, title: 'Nộp', where: 'Xã', who: 'Người dân', what: 'Nộp', legalBasis: ['123/2015/NĐ-CP'] }];
    expect(messages(procedureInput({ steps }))).toContain('steps.0.legalBasis: Văn bản "123/2015/NĐ-CP" không có trong căn cứ pháp lý');
  });

  it('rejects a sub-case time for a channel the procedure does not offer', () => {
    const cases = [{ code: 'x', name: 'X', channels: [{ kind: 'post', time: { amount: 5, unit: 'working_days' } }] }];
    expect(messages(procedureInput({ cases }))[0]).toMatch(/không có cách thức "bưu chính"/);
  });

  it('requires a decision and an effective date once published, and ordered dates', () => {
    expect(messages(procedureInput({ version: { number: 1, status: 'published' } }))).toEqual([
      'version.decision: Phiên bản đã công bố phải có quyết định công bố',
      'version.effectiveFrom: Phiên bản đã công bố phải có ngày có hiệu lực',
    ]);
    const decision = { number: '1234/QĐ-UBND', date: '2025-07-01', signer: 'Chủ tịch UBND tỉnh' };
    const version = { number: 2, status: 'amended', decision, effectiveFrom: '2025-07-01', effectiveTo: '2025-06-30' };
    expect(messages(procedureInput({ version }))).toEqual(['version.effectiveTo: Ngày hết hiệu lực phải sau ngày có hiệu lực']);
    expect(messages(procedureInput({ version: { ...version, effectiveTo: '2026-01-31' } }))).toEqual([]);
  });

  it('has create and update inputs without version metadata, update carrying the revision', () => {
    const { version: _v, ...content } = procedureInput();
    expect(procedureCreateInputSchema.safeParse(content).success).toBe(true);
    expect(procedureCreateInputSchema.safeParse(procedureInput()).success).toBe(false);
    expect(procedureUpdateInputSchema.safeParse(content).success).toBe(false);
    expect(procedureUpdateInputSchema.safeParse({ ...content, revision: 3 }).success).toBe(true);
  });

  it('parses version actions by kind', () => {
    const decision = { number: '99/QĐ-UBND', date: '2026-01-05', signer: 'Nguyễn Văn A' };
    expect(versionActionInputSchema.safeParse({ action: 'publish', decision, effectiveFrom: '2026-01-10', revision: 1 }).success).toBe(true);
    expect(versionActionInputSchema.safeParse({ action: 'abolish', decision, effectiveFrom: '2026-01-10', revision: 1 }).success).toBe(false);
    expect(versionActionInputSchema.safeParse({ action: 'erase', revision: 1 }).success).toBe(false);
  });

  it('reads a catalogue file only with the expected format tag', () => {
    expect(catalogFileSchema.safeParse({ format: 'motcua.catalog/v1', procedures: [procedureInput()] }).success).toBe(true);
    expect(catalogFileSchema.safeParse({ format: 'other', procedures: [] }).success).toBe(false);
  });
});
