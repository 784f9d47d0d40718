import type { Ii06aFigures, Ii06aReport } from '../schema.js';

/**
 * The layout of form II.06a/VPCP/KSTT (Circular 01/2020/TT-VPCP; DOMAIN §6.2) shared by the XLSX and
 * the PDF: two header rows (the column groups, then their columns), then the numbered column line
 * the form prints under its headers, the rows and the total. One list, so the two files cannot drift.
 */
export type Ii06aColumn = { group: string; name: string; value: (f: Ii06aFigures) => number | string };

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
  // The columns systems add (DOMAIN §6.2); kept after the form's own so its numbering stays the form's.
  { group: 'Ghi chú', name: 'Chờ bổ sung', value: (f) => f.awaitingSupplement },
  { group: 'Ghi chú', name: 'Rút hồ sơ', value: (f) => f.withdrawn },
  { group: 'Ghi chú', name: 'Tỷ lệ hài lòng (%)', value: (f) => pct(f.satisfactionRate) },
];

export const ROW_HEADER: Record<Ii06aReport['groupBy'], string> = {
  unit: 'Đơn vị',
  field: 'Lĩnh vực',
  procedure: 'Thủ tục hành chính',
};

/** Runs of equal group names: [first column index, span, name], for merging the upper header row. */
export function headerGroups(columns: Ii06aColumn[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  columns.forEach((c, i) => {
    const last = out[out.length - 1];
    if (last && last[2] === c.group) last[1]++;
    else out.push([i, 1, c.group]);
  });
  return out;
}

const day = (d: string) => d.split('-').reverse().join('/');

export function ii06aTitle(r: Ii06aReport): { title: string; subtitle: string; period: string } {
  return {
    title: 'Tình hình, kết quả giải quyết thủ tục hành chính',
    subtitle: `tại ${r.unit.name}`,
    period: `${r.period.label.vi} (từ ngày ${day(r.period.from)} đến ngày ${day(r.period.to)})`,
  };
}

/** A file name a person recognises, without diacritics: bao-cao-II06a-H30-2026-01-01-2026-06-30.xlsx */
export function ii06aFileName(r: Ii06aReport, ext: 'xlsx' | 'pdf'): string {
  return `bao-cao-II06a-${r.unit.code ?? 'tinh'}-${r.period.from}-${r.period.to}.${ext}`;
}
