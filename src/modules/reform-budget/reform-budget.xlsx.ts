import ExcelJS from 'exceljs';
import type { LineView } from './reform-budget.view.js';
import type { ActivityKind, Totals, UnitSummary } from './rules/budget.js';

export type SummaryView = {
  year: number;
  asOf: string;
  activities: { kind: ActivityKind; label: string }[];
  units: (UnitSummary & { unitName: string })[];
  byKind: Record<ActivityKind, Totals>;
  total: Totals;
  isoShareOfAllocated: number | null;
  overspentLines: LineView[];
  lines: LineView[];
};

const FONT = 'Times New Roman';
const THIN = { style: 'thin' } as const;
const BOX = { top: THIN, bottom: THIN, left: THIN, right: THIN };
/** Whole đồng with grouping; Excel shows the reader's own separators. */
const MONEY = '#,##0';
const RATE = '0.0';

type Column = { header: string; width: number; money?: boolean; rate?: boolean };
type Cell = string | number | null;

function title(sheet: ExcelJS.Worksheet, columns: number, lines: string[]): number {
  lines.forEach((text, i) => {
    sheet.mergeCells(i + 1, 1, i + 1, columns);
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { name: FONT, size: i === 0 ? 14 : 12, bold: i === 0, italic: i > 0 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  return lines.length + 2;
}

/** One table: headers, rows, an optional bold total; every figure stays a number so the reader can sum it again. */
function table(sheet: ExcelJS.Worksheet, top: number, columns: Column[], rows: Cell[][], total?: Cell[]): number {
  sheet.columns = columns.map((c) => ({ width: c.width }));
  columns.forEach((c, i) => {
    const cell = sheet.getCell(top, i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  sheet.getRow(top).height = 45;
  const all = [...rows.map((cells) => ({ cells, bold: false })), ...(total ? [{ cells: total, bold: true }] : [])];
  all.forEach(({ cells, bold }, r) => {
    columns.forEach((c, i) => {
      const cell = sheet.getCell(top + 1 + r, i + 1);
      cell.value = cells[i] ?? null;
      cell.font = { name: FONT, size: 12, bold };
      if (c.money) cell.numFmt = MONEY;
      if (c.rate) cell.numFmt = RATE;
      cell.alignment = { horizontal: c.money || c.rate ? 'right' : i === 0 ? 'center' : 'left', vertical: 'top', wrapText: true };
    });
  });
  for (let r = top; r <= top + all.length; r++) for (let c = 1; c <= columns.length; c++) sheet.getCell(r, c).border = BOX;
  return top + all.length + 1;
}

const FIGURES: Column[] = [
  { header: 'Số dòng', width: 9 },
  { header: 'Kinh phí dự kiến (đồng)', width: 18, money: true },
  { header: 'Kinh phí được giao (đồng)', width: 18, money: true },
  { header: 'Kinh phí đã chi (đồng)', width: 18, money: true },
  { header: 'Tỷ lệ được giao (%)', width: 11, rate: true },
  { header: 'Tỷ lệ thực hiện (%)', width: 11, rate: true },
  { header: 'Số dòng vượt chi', width: 10 },
];
const figures = (t: Totals): Cell[] => [t.lines, t.plannedVnd, t.allocatedVnd, t.spentVnd, t.allocationRate, t.executionRate, t.overspentLines];

/**
 * The yearly summary as a workbook: per unit, per activity (every activity listed, as the rules give
 * them) and every line, amounts in whole đồng. The same figures the page shows, from the same summary.
 */
export async function summaryXlsx(s: SummaryView): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'motcua';
  book.title = `Kinh phí cải cách hành chính năm ${s.year}`;
  const asOf = `Số liệu đến ngày ${s.asOf.slice(8, 10)}/${s.asOf.slice(5, 7)}/${s.asOf.slice(0, 4)}`;
  const page = { pageSetup: { paperSize: 9, orientation: 'landscape' as const, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } };

  const units = book.addWorksheet('Theo đơn vị', page);
  const unitCols: Column[] = [{ header: 'STT', width: 6 }, { header: 'Đơn vị', width: 40 }, ...FIGURES];
  table(units, title(units, unitCols.length, [`TỔNG HỢP KINH PHÍ CẢI CÁCH HÀNH CHÍNH NĂM ${s.year} THEO ĐƠN VỊ`, asOf]), unitCols,
    s.units.map((u, i) => [i + 1, u.unitName, ...figures(u.total)]), ['', 'Tổng cộng', ...figures(s.total)]);

  const kinds = book.addWorksheet('Theo hoạt động', page);
  const kindCols: Column[] = [{ header: 'STT', width: 6 }, { header: 'Hoạt động', width: 44 }, ...FIGURES];
  const share = s.isoShareOfAllocated === null ? 'chưa có kinh phí được giao' : `${String(s.isoShareOfAllocated).replace('.', ',')}%`;
  const end = table(kinds, title(kinds, kindCols.length, [`TỔNG HỢP KINH PHÍ CẢI CÁCH HÀNH CHÍNH NĂM ${s.year} THEO HOẠT ĐỘNG`, asOf]), kindCols,
    s.activities.map((a, i) => [i + 1, a.label, ...figures(s.byKind[a.kind])]), ['', 'Tổng cộng', ...figures(s.total)]);
  kinds.getCell(end + 1, 2).value = `Tỷ trọng kinh phí xây dựng, duy trì HTQLCL theo TCVN ISO 9001 trong kinh phí được giao: ${share}.`;
  kinds.getCell(end + 1, 2).font = { name: FONT, size: 12, italic: true };

  const lines = book.addWorksheet('Chi tiết', page);
  const lineCols: Column[] = [
    { header: 'STT', width: 6 }, { header: 'Đơn vị', width: 30 }, { header: 'Hoạt động', width: 28 }, { header: 'Nội dung', width: 40 }, { header: 'Nguồn kinh phí', width: 16 },
    { header: 'Dự kiến (đồng)', width: 16, money: true }, { header: 'Được giao (đồng)', width: 16, money: true }, { header: 'Đã chi (đồng)', width: 16, money: true },
    { header: 'Tỷ lệ thực hiện (%)', width: 11, rate: true }, { header: 'Lý do vượt chi', width: 28 }, { header: 'Số quyết định giao', width: 16 }, { header: 'Ghi chú', width: 24 },
  ];
  table(lines, title(lines, lineCols.length, [`CÁC DÒNG KINH PHÍ CẢI CÁCH HÀNH CHÍNH NĂM ${s.year}`, asOf]), lineCols,
    s.lines.map((l, i) => [i + 1, l.unitName, l.activityLabel, l.title, l.fundingLabel, l.plannedVnd, l.allocatedVnd, l.spentVnd, l.executionRate, l.overspendReason, l.allocationDecisionNo, l.note]),
    ['', 'Tổng cộng', '', '', '', s.total.plannedVnd, s.total.allocatedVnd, s.total.spentVnd, s.total.executionRate, '', '', '']);

  return Buffer.from(await book.xlsx.writeBuffer());
}
