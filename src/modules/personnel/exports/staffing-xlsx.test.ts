import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAFFING_COLUMNS, staffingTable, type StaffingPerson } from '../rules/staffing-stats.js';
import { STAFFING_HEADER_ROW, staffingXlsx } from './staffing-xlsx.js';

let nextId = 1;
function person(over: Partial<StaffingPerson> = {}): StaffingPerson {
  return {
    personId: nextId++, unitId: 1, unitName: 'Sở Nội vụ', gradeCode: '01.003', gradeName: 'Chuyên viên', birthDate: '1990-05-10', sex: 'male',
    ethnicity: 'Kinh', highestQualification: 'Đại học', politicalTheory: null, stateManagement: null, category: 'professional', partyMember: false,
    ...over,
  };
}

const table = staffingTable([
  person({ sex: 'female', ethnicity: 'Thái', partyMember: true, gradeCode: '01.002', highestQualification: 'Thạc sĩ', politicalTheory: 'Cao cấp', stateManagement: 'Chuyên viên chính', birthDate: '1975-03-01' }),
  person({ sex: 'female', birthDate: '1998-07-01' }),
  person({ unitId: 2, unitName: 'Sở Tài chính', gradeCode: '01.005', highestQualification: 'Trung cấp', birthDate: '1964-06-01' }),
], '2026-12-31');

const top = STAFFING_HEADER_ROW;
/** The sheet column of a figure column, by its header name (and group, where names repeat). */
const colOf = (name: string, group: string | null = null) => {
  const i = STAFFING_COLUMNS.findIndex((c) => c.name === name && (group === null || c.group === group));
  if (i < 0) throw new Error(`no column ${name}`);
  return i + 3;
};

describe('the staffing workbook', () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await staffingXlsx(table, { title: 'Báo cáo số lượng, chất lượng công chức', asOf: '2026-12-31', unitName: 'Sở Nội vụ tỉnh Lai Châu', signer: 'Nguyễn Văn A' })) as unknown as ArrayBuffer);
    sheet = book.worksheets[0]!;
  });
  const text = (row: number, col: number) => sheet.getCell(row, col).value;

  it('has the heading, the title and the reference day', () => {
    expect(text(1, 1)).toBe('SỞ NỘI VỤ TỈNH LAI CHÂU');
    expect(text(4, 1)).toBe('BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG CÔNG CHỨC');
    expect(text(5, 1)).toBe('Số liệu tính đến ngày 31/12/2026');
    expect(sheet.getCell(4, 1).font.name).toBe('Times New Roman');
  });

  it('has two header rows with each group merged over its columns', () => {
    expect([text(top, 1), text(top, 2), text(top, 3)]).toEqual(['STT', 'Tên cơ quan, đơn vị', 'Tổng số']);
    for (const [group, first, count] of [['Giới tính', 'Nữ', 1], ['Ngạch', 'Chuyên viên cao cấp', 6], ['Trình độ chuyên môn', 'Tiến sĩ', 6], ['Lý luận chính trị', 'Cao cấp', 3], ['Quản lý nhà nước', 'Chuyên viên cao cấp', 3], ['Độ tuổi', 'Đến 30', 5]] as const) {
      const col = colOf(first, group);
      expect(text(top, col), group).toBe(group);
      // A merged range answers its master's value in every cell it covers, and no further.
      expect(text(top, col + count - 1), group).toBe(group);
      expect(text(top, col + count), group).not.toBe(group);
      expect(text(top + 1, col), group).toBe(first);
    }
    expect(text(top + 1, colOf('Trung cấp', 'Trình độ chuyên môn'))).toBe('Trung cấp');
    // Columns without a group span both header rows.
    expect(text(top + 1, colOf('Dân tộc thiểu số'))).toBe('Dân tộc thiểu số');
    expect(text(top + 2, 1)).toBe('(1)');
    expect(text(top + 2, STAFFING_COLUMNS.length + 2)).toBe(`(${STAFFING_COLUMNS.length + 2})`);
  });

  it('writes a unit row\'s numbers, and a zero as a blank cell', () => {
    const row = top + 3;
    expect([text(row, 1), text(row, 2)]).toEqual([1, 'Sở Nội vụ']);
    expect(text(row, colOf('Tổng số'))).toBe(2);
    expect(text(row, colOf('Nữ'))).toBe(2);
    expect(text(row, colOf('Dân tộc thiểu số'))).toBe(1);
    expect(text(row, colOf('Đảng viên'))).toBe(1);
    expect(text(row, colOf('Chuyên viên chính', 'Ngạch'))).toBe(1);
    expect(text(row, colOf('Thạc sĩ'))).toBe(1);
    expect(text(row, colOf('Đến 30'))).toBe(1);
    expect(text(row, colOf('Từ 51 đến 60'))).toBe(1);
    for (const blank of [colOf('Tiến sĩ'), colOf('Nhân viên'), colOf('Trên 60'), colOf('Sơ cấp')]) expect(text(row, blank)).toBeNull();
    expect(text(top + 4, 2)).toBe('Sở Tài chính');
  });

  it('ends with a bold total row that sums the units', () => {
    const row = top + 5;
    expect(text(row, 2)).toBe('Tổng cộng');
    expect(sheet.getCell(row, 2).font.bold).toBe(true);
    expect(sheet.getCell(top + 3, 2).font.bold ?? false).toBe(false);
    STAFFING_COLUMNS.forEach((c, i) => {
      const units = [top + 3, top + 4].reduce((a, r) => a + Number(text(r, i + 3) ?? 0), 0);
      expect(Number(text(row, i + 3) ?? 0), c.name).toBe(units);
      expect(text(row, i + 3), c.name).toBe(c.value(table.total) || null);
    });
    expect(text(row, colOf('Tổng số'))).toBe(3);
    expect(text(row, colOf('Trên 60'))).toBe(1);
  });

  it('freezes the headers and the unit column, and prints the signer', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: top + 2 });
    const cells: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    expect(cells).toContain('Nguyễn Văn A');
  });

  it('draws an empty table as the headers and a blank total', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await staffingXlsx(staffingTable([], '2026-12-31'), { title: 'Báo cáo', asOf: '2026-12-31', unitName: 'Sở Nội vụ' })) as unknown as ArrayBuffer);
    const empty = book.worksheets[0]!;
    expect(empty.getCell(top + 3, 2).value).toBe('Tổng cộng');
    expect(STAFFING_COLUMNS.every((_, i) => empty.getCell(top + 3, i + 3).value === null)).toBe(true);
  });
});
