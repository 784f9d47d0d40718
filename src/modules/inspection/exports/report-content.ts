import { FINDING_KIND_LABELS, FINDING_KINDS, type FindingKind } from '../inspection-labels.js';
import { officialDate, officialPlaceDate } from '../../../platform/documents/vi-format.js';
import {
  CASE_STATUS_LABELS, CASE_STATUS_ORDER, FORM_LABELS, FORM_ORDER, OUTCOME_ORDER,
  type CaseFigures, type DisciplineFigures, type InspectionReport,
} from '../reports-labels.js';

/**
 * What the quarterly or yearly inspection report prints, the same in the workbook and the PDF: the
 * heading, then four sections of tables with Vietnamese headings (issue 18 scope 4). Counts stay numbers.
 */
export type Column = { header: string; group?: string; width: number; kind: 'text' | 'count' };
export type Cell = string | number | null;
export type ReportTable = { title: string; columns: Column[]; rows: Cell[][]; total?: Cell[]; empty?: string };
export type ReportSection = { heading: string; sheet: string; tables: ReportTable[] };
export type Agency = { managingBody: string | null; name: string; place: string };
export type ReportContent = {
  agency: Agency; title: string; subject: string; periodLabel: string; periodSpan: string; scopeLine: string; placeDate: string;
  sections: ReportSection[];
};

export const REPORT_TITLE = 'Báo cáo';
export const REPORT_SUBJECT = 'Kết quả công tác thanh tra, kiểm tra công vụ, giải quyết khiếu nại, tố cáo và xử lý kỷ luật cán bộ, công chức';
const dmy = (d: string) => d.split('-').reverse().join('/');

const STT: Column = { header: 'STT', width: 5, kind: 'text' };
const count = (header: string, group?: string): Column => ({ header, width: 8, kind: 'count', ...(group ? { group } : {}) });

/** Biểu 01: each kind of petition's way through the period. */
function casesTable(r: InspectionReport): ReportTable {
  const columns: Column[] = [
    STT, { header: 'Loại đơn', width: 22, kind: 'text' }, count('Kỳ trước chuyển sang'), count('Tiếp nhận trong kỳ'), count('Thụ lý'), count('Không thụ lý'),
    count('Tổng số', 'Đã giải quyết'), count('Trong hạn', 'Đã giải quyết'), count('Quá hạn', 'Đã giải quyết'),
    ...OUTCOME_ORDER.map((o) => count({ founded: 'Đúng', partly_founded: 'Đúng một phần', unfounded: 'Sai', withdrawn: 'Rút đơn' }[o], 'Kết quả giải quyết')),
    count('Đã công khai'), count('Tổng số', 'Chưa giải quyết xong cuối kỳ'), count('Quá hạn', 'Chưa giải quyết xong cuối kỳ'),
  ];
  const figures = (f: CaseFigures): Cell[] => [
    f.carriedOver, f.received, f.accepted, f.refused, f.resolved, f.resolution.onTime, f.resolution.late, ...OUTCOME_ORDER.map((o) => f.outcomes[o]), f.published, f.open.total, f.open.overdue,
  ];
  return {
    title: 'Biểu 01. Tiếp nhận, thụ lý và giải quyết đơn khiếu nại, tố cáo',
    columns,
    rows: r.cases.byKind.map((k, i) => [i + 1, k.label, ...figures(k)]),
    total: [null, 'Tổng cộng', ...figures(r.cases.total)],
  };
}

function statusTable(r: InspectionReport): ReportTable {
  const rows = CASE_STATUS_ORDER.map((s, i): Cell[] => [i + 1, CASE_STATUS_LABELS[s], r.cases.byStatus[s]]);
  return {
    title: `Biểu 02. Tình trạng các đơn trong kỳ tính đến ngày ${dmy(r.period.asOf)}`,
    columns: [STT, { header: 'Tình trạng', width: 40, kind: 'text' }, count('Số đơn')],
    rows,
    total: [null, 'Tổng cộng', CASE_STATUS_ORDER.reduce((a, s) => a + r.cases.byStatus[s], 0)],
  };
}

/** A list of figures as a two-column table: "-" marks a line that is part of the one above it. */
function figureTable(title: string, header: string, lines: [string, number][]): ReportTable {
  let n = 0;
  return {
    title,
    columns: [STT, { header: 'Chỉ tiêu', width: 60, kind: 'text' }, count(header)],
    rows: lines.map(([label, value]) => [label.startsWith('-') ? null : ++n, label, value]),
  };
}

function disciplineTables(d: DisciplineFigures, asOf: string): ReportTable[] {
  return [
    figureTable('Biểu 03. Xem xét xử lý kỷ luật cán bộ, công chức (Nghị định 172/2025/NĐ-CP)', 'Số vụ việc', [
      ['Kỳ trước chuyển sang', d.carriedOver],
      ['Phát hiện trong kỳ', d.opened],
      ['Đã quyết định kỷ luật', d.decided],
      ['Kết thúc không kỷ luật', d.closedWithoutDiscipline],
      ['Xử lý quá thời hạn (điều 5 khoản 5)', d.timeLimitMissed.finishedLate],
      [`Chưa xử lý xong đến ngày ${dmy(asOf)}`, d.open.total],
      ['- Trong đó đang tạm hoãn', d.open.deferred],
      ['- Trong đó đã quá thời hạn xử lý', d.timeLimitMissed.openOverdue],
      ['- Trong đó đã hết thời hiệu (điều 5 khoản 1)', d.limitationExpired],
    ]),
    {
      title: 'Biểu 04. Hình thức kỷ luật',
      columns: [STT, { header: 'Hình thức kỷ luật', width: 30, kind: 'text' }, count('Quyết định trong kỳ'), count(`Còn hiệu lực đến ngày ${dmy(asOf)}`)],
      rows: FORM_ORDER.map((f, i) => [i + 1, FORM_LABELS[f], d.decidedByForm[f], d.inForce.byForm[f]]),
      total: [null, 'Tổng cộng', d.decided, d.inForce.total],
    },
  ];
}

function inspectionTables(r: InspectionReport): ReportTable[] {
  const i = r.inspections;
  // In the order and with the names the findings are entered with; a code the list no longer has keeps its code.
  const order = (k: string) => { const n = (FINDING_KINDS as readonly string[]).indexOf(k); return n < 0 ? FINDING_KINDS.length : n; };
  const kinds = Object.entries(i.findingsByKind).sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b));
  return [
    figureTable('Biểu 05. Thanh tra, kiểm tra công vụ', 'Số lượng', [
      ['Cuộc thanh tra, kiểm tra theo kế hoạch', i.planned],
      ['Đã ban hành kết luận', i.done.planned + i.done.surprise],
      ['- Theo kế hoạch', i.done.planned],
      ['- Đột xuất', i.done.surprise],
      ['Kiến nghị đến hạn trong kỳ', i.recommendations.total],
      ['- Đã thực hiện đúng hạn', i.recommendations.closedOnTime],
      ['- Đã thực hiện quá hạn', i.recommendations.closedLate],
      ['- Quá hạn chưa thực hiện', i.recommendations.overdue],
      ['- Chưa đến hạn', i.recommendations.open],
    ]),
    {
      title: 'Biểu 06. Phát hiện qua thanh tra, kiểm tra theo loại',
      columns: [STT, { header: 'Loại phát hiện', width: 40, kind: 'text' }, count('Số lượng')],
      rows: kinds.map(([kind, n], idx) => [idx + 1, FINDING_KIND_LABELS[kind as FindingKind]?.vi ?? kind, n]),
      ...(kinds.length ? { total: [null, 'Tổng cộng', kinds.reduce((a, [, n]) => a + n, 0)] } : {}),
      empty: 'Không có phát hiện nào trong kỳ.',
    },
  ];
}

function unitsTable(r: InspectionReport): ReportTable {
  const line = (c: CaseFigures, d: DisciplineFigures): Cell[] => [c.received, c.resolved, c.resolution.onTime, c.resolution.late, c.open.overdue, d.decided, d.timeLimitMissed.finishedLate + d.timeLimitMissed.openOverdue];
  return {
    title: 'Biểu 07. Kết quả theo đơn vị',
    columns: [
      STT, { header: 'Đơn vị', width: 36, kind: 'text' }, count('Tiếp nhận', 'Khiếu nại, tố cáo'), count('Đã giải quyết', 'Khiếu nại, tố cáo'), count('Trong hạn', 'Khiếu nại, tố cáo'),
      count('Quá hạn', 'Khiếu nại, tố cáo'), count('Đang quá hạn', 'Khiếu nại, tố cáo'), count('Quyết định kỷ luật', 'Kỷ luật'), count('Quá thời hạn xử lý', 'Kỷ luật'),
    ],
    rows: r.byUnit.map((u, i) => [i + 1, u.unitName, ...line(u.cases, u.discipline)]),
    total: [null, 'Tổng cộng', ...line(r.cases.total, r.discipline)],
    empty: 'Không có đơn vị nào có số liệu trong kỳ.',
  };
}

export function reportContent(r: InspectionReport, agency: Agency, issuedOn: string): ReportContent {
  return {
    agency,
    title: REPORT_TITLE,
    subject: REPORT_SUBJECT,
    periodLabel: r.period.label,
    periodSpan: `(Số liệu từ ngày ${dmy(r.period.from)} đến ngày ${dmy(r.period.to)}${r.period.asOf < r.period.to ? `, tính đến ngày ${dmy(r.period.asOf)}` : ''})`,
    scopeLine: `Phạm vi: ${r.scope.unitName}${r.scope.province ? ' (toàn tỉnh)' : ' và các đơn vị trực thuộc'}`,
    placeDate: placeDate(agency.place, issuedOn),
    sections: [
      { heading: 'I. TIẾP NHẬN, GIẢI QUYẾT ĐƠN KHIẾU NẠI, TỐ CÁO', sheet: 'Khiếu nại, tố cáo', tables: [casesTable(r), statusTable(r)] },
      { heading: 'II. XỬ LÝ KỶ LUẬT CÁN BỘ, CÔNG CHỨC', sheet: 'Kỷ luật', tables: disciplineTables(r.discipline, r.period.asOf) },
      { heading: 'III. THANH TRA, KIỂM TRA CÔNG VỤ', sheet: 'Thanh tra, kiểm tra', tables: inspectionTables(r) },
      { heading: 'IV. KẾT QUẢ THEO ĐƠN VỊ', sheet: 'Theo đơn vị', tables: [unitsTable(r)] },
    ],
  };
}

/** "Lai Châu, ngày 05 tháng 01 năm 2026", or the date alone when the org tree names no province. */
export const placeDate = (place: string, day: string): string => (place.trim() ? officialPlaceDate(place, day) : officialDate(day).replace(/^n/, 'N'));

/** Runs of one group over consecutive columns: [first column index, span, group]; null groups stand alone. */
export function groupRuns(columns: readonly Column[]): [number, number, string | null][] {
  const out: [number, number, string | null][] = [];
  columns.forEach((c, i) => {
    const last = out[out.length - 1];
    if (last && c.group && last[2] === c.group) last[1]++;
    else out.push([i, 1, c.group ?? null]);
  });
  return out;
}
