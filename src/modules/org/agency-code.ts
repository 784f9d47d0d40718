/**
 * Electronic agency ID (mã định danh điện tử), Decision 20/2020/QĐ-TTg art. 4: at most 35
 * characters of 0–9, A–Z and '.', groups separated by dots from level 1 rightwards; level 1 is
 * `MX1X2` (M a letter A–Y, X1X2 digits), level 2 `Y1Y2Y3`, level 3 and below `Z1Z2`.
 */
const LEVEL1 = /^[A-Y]\d{2}$/;
const LEVEL2 = /^[0-9A-Z]{3}$/;
const LOWER = /^[0-9A-Z]{2}$/;

export function agencyCodeProblem(code: string): { vi: string; en: string } | null {
  if (code.length > 35) return { vi: 'Mã định danh dài quá 35 ký tự.', en: 'The agency code is longer than 35 characters.' };
  if (!/^[0-9A-Z.]+$/.test(code)) return { vi: 'Mã định danh chỉ gồm chữ hoa A–Z, chữ số và dấu chấm.', en: 'The agency code may only contain A–Z, digits and dots.' };
  const groups = code.split('.');
  if (!LEVEL1.test(groups[0]!)) return { vi: 'Nhóm cấp 1 phải có dạng MX1X2 (một chữ cái A–Y và hai chữ số, ví dụ H30).', en: 'Level 1 must be MX1X2 (a letter A–Y and two digits, e.g. H30).' };
  if (groups.length > 1 && !LEVEL2.test(groups[1]!)) return { vi: 'Nhóm cấp 2 phải có 3 ký tự (Y1Y2Y3).', en: 'Level 2 must have 3 characters (Y1Y2Y3).' };
  for (const g of groups.slice(2)) if (!LOWER.test(g)) return { vi: 'Nhóm từ cấp 3 trở xuống phải có 2 ký tự (Z1Z2).', en: 'Levels 3 and below must have 2 characters (Z1Z2).' };
  return null;
}

/** The code's level: H30 is 1, H30.102 is 2, H30.102.01 is 3. */
export function agencyCodeLevel(code: string): number {
  return code.split('.').length;
}
