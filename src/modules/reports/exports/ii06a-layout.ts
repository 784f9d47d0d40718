import type { Ii06aFigures, Ii06aReport } from '../schema.js';
import { dayVi, type FormColumn, type FormSheet } from './form-sheet.js';

/**
 * The layout of form II.06a/VPCP/KSTT (Circular 01/2020/TT-VPCP; DOMAIN §6.2): the received,
 * completed and in-progress groups, then the columns systems add under "Ghi chú" so the form's own
 * numbering stays the form's.
 */
type Ii06aColumn = FormColumn & { value: (f: Ii06aFigures) => number | string };

const pct = (v: number | null) => (v === null ? '' : v.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));

export const II06A_COLUMNS: Ii06aColumn[] = [
  { group: 'Số hồ sơ nhận giải quyết', name: 'Tổng số', value: (f) => f.received.total },
  { group: 'Số hồ sơ nhận giải quyết', name: 'Trực tuyến', value: (f) => f.received.online },
  { group: 'Số hồ sơ nhận giải quyết', name: 'Trực tiếp, dịch vụ bưu chính', value: (f) => f.received.direct },
  { group: 'Số hồ sơ nhận giải quyết', name: 'Từ kỳ trước chuyển qua', value: (f) => f.received.carriedOver },
  { group: 'Số hồ sơ đã giải quyết', name: 'Tổng số', value: (f) => f.completed.total },
  { group: 'Số hồ sơ đã giải quyết', name: 'Trước hạn', value: (f) => f.completed.early },
  { group: 'Số hồ sơ đã giải quyết', name: 'Đúng hạn', value: (f) => f.completed.onTime },
  { group: 'Số hồ sơ đã giải quyết', name: 'Quá hạn', value: (f) => f.completed.late },
  { group: 'Số hồ sơ đang giải quyết', name: 'Tổng số', value: (f) => f.inProgress.total },
  { group: 'Số hồ sơ đang giải quyết', name: 'Trong hạn', value: (f) => f.inProgress.withinDeadline },
  { group: 'Số hồ sơ đang giải quyết', name: 'Quá hạn', value: (f) => f.inProgress.overdue },
  { group: 'Ghi chú', name: 'Chờ bổ sung', value: (f) => f.awaitingSupplement },
  { group: 'Ghi chú', name: 'Rút hồ sơ', value: (f) => f.withdrawn },
  { group: 'Ghi chú', name: 'Tỷ lệ hài lòng (%)', value: (f) => pct(f.satisfactionRate) },
];

const ROW_HEADER: Record<Ii06aReport['groupBy'], string> = {
  unit: 'Đơn vị',
  field: 'Lĩnh vực',
  procedure: 'Thủ tục hành chính',
};

export function ii06aSheet(r: Ii06aReport): FormSheet {
  return {
    code: 'II.06a', formNumber: 'Biểu số II.06a/VPCP/KSTT',
    title: 'Tình hình, kết quả giải quyết thủ tục hành chính',
    subtitle: `tại ${r.unit.name}`,
    period: `${r.period.label.vi} (từ ngày ${dayVi(r.period.from)} đến ngày ${dayVi(r.period.to)})`,
    rowHeader: ROW_HEADER[r.groupBy],
    columns: II06A_COLUMNS,
    rows: r.rows.map((row) => ({ name: row.name || row.key, values: II06A_COLUMNS.map((c) => c.value(row)) })),
    total: II06A_COLUMNS.map((c) => c.value(r.totals)),
  };
}

/** A file name a person recognises, without diacritics: bao-cao-II06a-H30-2026-01-01-2026-06-30.xlsx */
export function ii06aFileName(r: Ii06aReport, ext: 'xlsx' | 'pdf'): string {
  return `bao-cao-II06a-${r.unit.code ?? 'tinh'}-${r.period.from}-${r.period.to}.${ext}`;
}
