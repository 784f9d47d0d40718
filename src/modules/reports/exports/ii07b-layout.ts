import type { Ii07bRow } from '../rules/ii07b.js';
import type { PeriodView } from '../schema.js';
import { dayVi, type FormSheet } from './form-sheet.js';

export type Ii07bReport = { period: PeriodView; rows: Ii07bRow[]; totals: Omit<Ii07bRow, 'level' | 'name'> };

/**
 * Form II.07b/VPCP/KSTT (Circular 01/2020/TT-VPCP; DOMAIN §6.2): per level of government, the
 * procedures under local competence, those handled through the one-stop mechanism and those with an
 * internal process issued; the total counts a procedure of two levels once (rules/ii07b.ts).
 */
const COLUMNS = [
  { group: 'Số thủ tục hành chính', name: 'Thuộc thẩm quyền giải quyết', value: (r: Omit<Ii07bRow, 'level' | 'name'>) => r.total },
  { group: 'Số thủ tục hành chính', name: 'Giải quyết theo cơ chế một cửa, một cửa liên thông', value: (r: Omit<Ii07bRow, 'level' | 'name'>) => r.oneStop },
  { group: 'Số thủ tục hành chính', name: 'Đã ban hành quy trình nội bộ', value: (r: Omit<Ii07bRow, 'level' | 'name'>) => r.internalProcess },
];

export function ii07bSheet(r: Ii07bReport, unitName: string): FormSheet {
  return {
    code: 'II.07b', formNumber: 'Biểu số II.07b/VPCP/KSTT',
    title: 'Số thủ tục hành chính thuộc thẩm quyền, giải quyết theo cơ chế một cửa, một cửa liên thông',
    subtitle: `tại ${unitName}`,
    period: `${r.period.label.vi} (số liệu tính đến ngày ${dayVi(r.period.to)})`,
    rowHeader: 'Cấp thực hiện',
    columns: COLUMNS,
    rows: r.rows.map((row) => ({ name: row.name, values: COLUMNS.map((c) => c.value(row)) })),
    total: COLUMNS.map((c) => c.value(r.totals)),
  };
}

export const ii07bFileName = (r: Ii07bReport, ext: 'xlsx' | 'pdf') => `bao-cao-II07b-${r.period.from}-${r.period.to}.${ext}`;
