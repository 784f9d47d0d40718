import { describe, expect, it } from 'vitest';
import { canonicalProcesses, processDocumentStatus, processFingerprint, type ProcedureLike, type ProcessLike } from './process-documents.js';

const process: ProcessLike = {
  steps: [
    { order: 1, name: 'Tiếp nhận hồ sơ', action: 'Kiểm tra, tiếp nhận', responsible: { function: 'reception', role: 'desk_officer' }, budget: { amount: 4, unit: 'working_hours' } },
    { order: 2, name: 'Thẩm định', action: 'Thẩm định hồ sơ', responsible: { function: 'construction', role: 'specialist' }, budget: { amount: 10, unit: 'working_days' } },
    { order: 3, name: 'Phê duyệt', action: 'Ký giấy phép', responsible: { function: 'construction', role: 'unit_head' }, budget: { amount: 1, unit: 'working_days' }, output: 'Giấy phép' },
  ],
};
// A catalogue version as stored: more fields than the rule reads (fees, documents, legal basis).
const v1 = {
  code: '1.001234', name: 'Cấp giấy phép xây dựng', fees: [{ amount: 75_000, note: 'Lệ phí' }], documents: [{ name: 'Đơn' }],
  internalProcesses: [process],
  cases: [{ code: 'nha-o', name: 'Nhà ở riêng lẻ', fees: [{ amount: 50_000 }] }],
};
const withStep = (i: number, change: object) => ({ ...v1, internalProcesses: [{ steps: process.steps.map((s, j) => (j === i ? { ...s, ...change } : s)) }] });

/** Rebuilds an object with its keys in reverse order at every level, as another JSON writer might. */
function reverseKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(reverseKeys);
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  return x;
}

describe('the fingerprint of the internal processes', () => {
  const fp1 = processFingerprint(v1);

  it('is a sha256 under a named scheme, and the same for the same content', () => {
    expect(fp1).toMatch(/^qp1:[0-9a-f]{64}$/);
    expect(processFingerprint(structuredClone(v1))).toBe(fp1);
  });

  it('ignores key order, fees, documents, step array order and whitespace', () => {
    expect(processFingerprint(reverseKeys(v1) as ProcedureLike)).toBe(fp1);
    const feesChanged = { ...v1, fees: [{ amount: 100_000 }], documents: [], name: 'Tên mới' };
    expect(processFingerprint(feesChanged)).toBe(fp1);
    expect(processFingerprint({ ...v1, internalProcesses: [{ steps: [...process.steps].reverse() }] })).toBe(fp1);
    expect(processFingerprint(withStep(0, { name: '  Tiếp nhận   hồ sơ ' }))).toBe(fp1);
    expect(processFingerprint(withStep(2, { budget: { amount: 8, unit: 'working_hours' } }))).toBe(fp1); // 1 day = 8 hours
  });

  it.each([
    ['a step\'s budget', withStep(1, { budget: { amount: 8, unit: 'working_days' } })],
    ['a step\'s name', withStep(1, { name: 'Thẩm định, xác minh thực địa' })],
    ['a step\'s action', withStep(1, { action: 'Thẩm định và xác minh' })],
    ['the responsible role', withStep(2, { responsible: { function: 'construction', role: 'specialist' } })],
    ['the responsible unit', withStep(0, { responsible: { unitCode: 'H30.002', role: 'desk_officer' } })],
    ['the inter-agency flag', withStep(1, { interAgency: true })],
    ['the step order', withStep(2, { order: 4 })],
    ['the channels', { ...v1, internalProcesses: [{ ...process, channels: ['online'] }] }],
    ['a case\'s own process', { ...v1, cases: [{ code: 'nha-o', name: 'Nhà ở riêng lẻ', internalProcesses: [{ steps: process.steps.slice(0, 2) }] }] }],
    ['a removed step', { ...v1, internalProcesses: [{ steps: process.steps.slice(0, 2) }] }],
  ])('changes with %s', (_what, changed) => {
    expect(processFingerprint(changed)).not.toBe(fp1);
  });

  it('does not depend on the order of alternative processes or of cases', () => {
    const online: ProcessLike = { channels: ['online', 'post'], steps: process.steps.slice(1) };
    const a = { internalProcesses: [process, online], cases: [{ code: 'b', internalProcesses: [process] }, { code: 'a', internalProcesses: [online] }] };
    const b = { internalProcesses: [{ ...online, channels: ['post', 'online'] }, process], cases: [{ code: 'a', internalProcesses: [online] }, { code: 'b', internalProcesses: [process] }] };
    expect(canonicalProcesses(a)).toBe(canonicalProcesses(b));
  });

  it('covers, for one case, the process that case runs: its own, else the procedure\'s', () => {
    const own = { steps: process.steps.slice(0, 2) };
    const p = { internalProcesses: [process], cases: [{ code: 'nha-o' }, { code: 'cong-trinh', internalProcesses: [own] }] };
    expect(processFingerprint(p, 'nha-o')).toBe(processFingerprint({ internalProcesses: [process], cases: [{ code: 'nha-o' }] }, 'nha-o'));
    expect(processFingerprint(p, 'nha-o')).not.toBe(processFingerprint(p, 'cong-trinh'));
    expect(processFingerprint(p, 'nha-o')).not.toBe(processFingerprint(p)); // a case's reading is not the whole procedure's
    // Changing another case's process leaves this case's document alone.
    expect(processFingerprint({ ...p, cases: [{ code: 'nha-o' }, { code: 'cong-trinh', internalProcesses: [process] }] }, 'nha-o')).toBe(processFingerprint(p, 'nha-o'));
    expect(processFingerprint(p, 'khong-co')).toBeNull();
  });
});

describe('a process document against the catalogue version in force', () => {
  const v2 = withStep(1, { budget: { amount: 8, unit: 'working_days' } }); // the step budget changes
  const v3 = { ...v2, fees: [{ amount: 90_000 }] };                         // then only a fee changes
  const pinnedV1 = { catalogVersionId: 1, catalogFingerprint: processFingerprint(v1)! };
  const pinnedV2 = { catalogVersionId: 2, catalogFingerprint: processFingerprint(v2)! };

  it('is current on the version it pinned', () => {
    expect(processDocumentStatus(pinnedV1, { versionId: 1, content: v1 })).toEqual({
      status: 'current', labelVi: 'Khớp với quy trình nội bộ đang áp dụng', currentVersionId: 1, currentFingerprint: pinnedV1.catalogFingerprint, caseRemoved: false,
    });
  });

  it('goes out of date when the internal process changes, and stays so after a later fee-only amendment', () => {
    expect(processDocumentStatus(pinnedV1, { versionId: 2, content: v2 })).toMatchObject({ status: 'out_of_date', currentVersionId: 2, currentFingerprint: pinnedV2.catalogFingerprint });
    expect(processDocumentStatus(pinnedV1, { versionId: 3, content: v3 })).toMatchObject({ status: 'out_of_date' });
  });

  it('stays current across a fee-only amendment once re-pinned', () => {
    expect(processDocumentStatus(pinnedV2, { versionId: 3, content: v3 })).toMatchObject({ status: 'current', currentVersionId: 3 });
  });

  it('trusts the pinned version id over a fingerprint of another scheme (published versions never change)', () => {
    expect(processDocumentStatus({ catalogVersionId: 1, catalogFingerprint: 'qp0:old' }, { versionId: 1, content: v1 }).status).toBe('current');
    expect(processDocumentStatus({ catalogVersionId: 1, catalogFingerprint: 'qp0:old' }, { versionId: 3, content: v1 }).status).toBe('out_of_date');
  });

  it('says so when the procedure is abolished or replaced, or the document\'s case is gone', () => {
    expect(processDocumentStatus(pinnedV1, null)).toMatchObject({ status: 'catalog_withdrawn', labelVi: expect.stringContaining('bãi bỏ') });
    const caseDoc = { catalogVersionId: 1, catalogFingerprint: processFingerprint(v1, 'nha-o')!, caseCode: 'nha-o' };
    expect(processDocumentStatus(caseDoc, { versionId: 2, content: { ...v2, cases: [] } })).toMatchObject({ status: 'out_of_date', caseRemoved: true, labelVi: expect.stringContaining('"nha-o"') });
  });
});
