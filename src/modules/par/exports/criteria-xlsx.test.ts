import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type CriteriaTree, type CriterionNode, validateTree, walk } from '../rules/criteria.js';
import { leaf, group, sampleTree } from '../rules/factories.js';
import { DEFAULT_BANDS } from '../rules/index.js';
import { treeInput } from '../schema.js';
import { type CriteriaSetSheet, criteriaFromXlsx, criteriaToXlsx } from './criteria-xlsx.js';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown>;
const units = read('../../../../demo/org/units.json').units as { code: string; name: string }[];
/** Ids as the demo loader would give them; here the position in units.json. */
const unitName = (id: number) => units[id - 1]?.name;
const unitByName = (s: string) => {
  const i = units.findIndex((u) => u.name === s || u.code === s);
  return i < 0 ? undefined : i + 1;
};

type RawNode = Record<string, unknown> & { children?: RawNode[] };
const mapUnits = ({ appraisingUnitCode, children, ...rest }: RawNode): RawNode => ({
  ...rest,
  ...(appraisingUnitCode ? { appraisingUnitId: unitByName(String(appraisingUnitCode)) } : {}),
  ...(children ? { children: children.map(mapUnits) } : {}),
});
function demoSet(name: string): CriteriaSetSheet {
  const raw = read(`../../../../demo/par/${name}.json`);
  const rawTree = raw.tree as { caps: CriteriaTree['caps']; areas: RawNode[] };
  return { ...raw, tree: { caps: rawTree.caps, areas: rawTree.areas.map(mapUnits) as unknown as CriterionNode[] } } as unknown as CriteriaSetSheet;
}
const setOf = (tree: CriteriaTree, extra: Partial<CriteriaSetSheet> = {}): CriteriaSetSheet => ({
  name: 'Bộ tiêu chí thử', year: 2025, blocks: ['so'], illustrative: false, tree, bands: [...DEFAULT_BANDS], ...extra,
});

/** sampleTree() with its one source that schema.ts does not know replaced by one it does. */
function sampleWithKnownSource(): CriteriaTree {
  const tree = sampleTree();
  const n = [...walk(tree.areas)].find((w) => w.node.code === '2.1')!.node as { scoring: unknown };
  n.scoring = { kind: 'computed', source: 'dossiers.on_time_rate', conversion: { kind: 'ratio', target: 0.8 } };
  return tree;
}

async function roundTrip(set: CriteriaSetSheet) {
  return criteriaFromXlsx(await criteriaToXlsx(set, unitName), unitByName);
}

async function loadSheet(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buf as unknown as ArrayBuffer);
  return book.getWorksheet('Bộ tiêu chí')!;
}
function rowOfCode(sheet: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === code) return sheet.getRow(r);
  throw new Error(`no row ${code}`);
}

/** A province-style workbook typed by hand: `rows[0]` is the header; returns the buffer. */
async function handMade(rows: (string | number | null)[][], before: (string | number | null)[][] = [], edit?: (s: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Phụ lục I');
  for (const r of [...before, ...rows]) sheet.addRow(r);
  edit?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const HEAD = ['STT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Cách chấm điểm', 'Tham số chấm điểm', 'Tài liệu kiểm chứng', 'Đơn vị thẩm định', 'Điều kiện áp dụng'];

describe('criteria set round trip (export then import gives the same tree)', () => {
  it('sampleTree(), with a source schema.ts knows', async () => {
    const tree = sampleWithKnownSource();
    const { tree: back, problems } = await roundTrip(setOf(tree));
    expect(problems).toEqual([]);
    expect(back).toEqual(tree);
    expect(treeInput.safeParse(back).success).toBe(true);
    expect(validateTree(back!)).toEqual([]);
  });

  it.each(['2025-so', '2025-xa'])('demo set %s', async (name) => {
    const set = demoSet(name);
    const { tree: back, problems } = await roundTrip(set);
    expect(problems).toEqual([]);
    expect(back).toEqual(set.tree);
    expect(treeInput.safeParse(back).success).toBe(true);
    expect(validateTree(back!)).toEqual([]);
  });

  it('rules beyond the simple fact form (kept as JSON), "always", string and number facts, a capped parent, odd targets', async () => {
    const tree: CriteriaTree = {
      caps: { bonus: 0, penalty: 0 },
      areas: [
        group('1', 4, [
          leaf('1.1', 2, { kind: 'ratio', target: 0.333 }, { applicability: { kind: 'all', rules: [{ kind: 'fact', fact: 'block', equals: 'so' }, { kind: 'not', rule: { kind: 'fact', fact: 'merged', equals: true } }] } }),
          leaf('1.2', 2, { kind: 'tiered', better: 'lower', tiers: [{ threshold: 0, points: 2 }, { threshold: 2.5, points: 0.25 }] }, { applicability: { kind: 'fact', fact: 'staff', equals: 12 } }),
          leaf('1.3', 1.5, { kind: 'computed', source: 'service_index.percent', conversion: { kind: 'tiered', better: 'higher', tiers: [{ threshold: 90, points: 1.5 }] } }),
          leaf('1.4', 1, { kind: 'computed', source: 'dossiers.online_rate', conversion: { kind: 'ratio' } }, { applicability: { kind: 'always' } }),
          leaf('1.5', 1, { kind: 'binary' }, { applicability: { kind: 'fact', fact: 'kind', equals: 'true' } }),
        ], { maxNotSumOfChildren: true }),
      ],
    };
    const { tree: back, problems } = await roundTrip(setOf(tree));
    expect(problems).toEqual([]);
    expect(back).toEqual(tree);
  });
});

describe('the exported workbook', () => {
  it('has the provinces\' layout: header, bold areas, indented levels, caps, Vietnamese scoring words and parameters', async () => {
    const set = demoSet('2025-so');
    const sheet = await loadSheet(await criteriaToXlsx({ ...set, decisionNumber: '12/QĐ-UBND', decisionDate: '2025-10-31' }, unitName));
    expect(String(sheet.getCell(1, 1).value)).toBe(set.name);
    expect(String(sheet.getCell(2, 1).value)).toBe('Năm 2025 — Khối sở, ban, ngành — Kèm theo Quyết định số 12/QĐ-UBND ngày 31/10/2025');
    expect(String(sheet.getCell(3, 1).value)).toMatch(/^Bộ tiêu chí minh họa, chưa phải văn bản ban hành: /);
    expect([2, 3, 4, 5].map((c) => sheet.getCell(4, c).value)).toEqual(['Điểm thưởng tối đa', 3, 'Điểm trừ tối đa', 3]);
    expect(HEAD.map((_, i) => sheet.getCell(6, i + 1).value)).toEqual(HEAD);

    const area = rowOfCode(sheet, '1');
    expect(area.getCell(2).font.bold).toBe(true);
    expect(rowOfCode(sheet, '1.1').getCell(2).font.bold).toBeFalsy();
    expect(rowOfCode(sheet, '1.1').getCell(2).alignment.indent).toBe(2);
    expect(rowOfCode(sheet, '1.1.2').getCell(2).alignment.indent).toBe(4);

    const cells = (code: string) => rowOfCode(sheet, code).values as unknown[];
    expect(cells('1.1.1').slice(1)).toEqual(['1.1.1', set.tree.areas[0]!.children![0]!.children![0]!.text, 1, 'Đạt/Không đạt', '', expect.any(String), 'Sở Nội vụ', '']);
    expect(cells('1.1.2').slice(3, 6)).toEqual([2, 'Theo mức', '≥100:2; ≥80:1; ≥50:0,5']);
    expect(cells('1.2').slice(4, 6)).toEqual(['Theo mức', '≤0:2; ≤1:1']);
    expect(cells('1.3').slice(4, 6)).toEqual(['Chấm tay', '']);
    expect(cells('1.4').slice(4, 6)).toEqual(['Tỷ lệ', '']);
    expect(cells('1.5').slice(4, 8)).toEqual(['Tự động', 'nguồn directives.tasks_completed_on_time_rate; chỉ tiêu 90%', expect.any(String), 'Văn phòng Ủy ban nhân dân tỉnh']);
    expect(cells('3').slice(1)).toEqual(['3', 'Cải cách thủ tục hành chính', 20, '', '', '', '', 'hasProcedures = true']);
    expect(cells('3.2').slice(4, 6)).toEqual(['Tự động', 'nguồn dossiers.on_time_rate; chỉ tiêu 95%']);
    expect(cells('3.4').slice(5, 6)).toEqual(['nguồn service_index.percent; ≥90:4; ≥80:3; ≥70:2; ≥50:1']);
    expect(cells('5.1.2').slice(4, 6)).toEqual(['Tỷ lệ', 'chỉ tiêu 90%']);
    expect(cells('8.1').slice(4, 5)).toEqual(['Điều tra XHH']);
    expect(cells('9.1').slice(4, 5)).toEqual(['Điểm thưởng']);
    expect(cells('9.3').slice(4, 5)).toEqual(['Điểm trừ']);
    const total = sheet.getRow(rowOfCode(sheet, '9.4').number + 1);
    expect([total.getCell(2).value, total.getCell(3).value]).toEqual(['Tổng số điểm (không kể điểm thưởng, điểm trừ)', 100]);

    const book = sheet.workbook;
    expect(book.getWorksheet('Xếp loại')!.getRow(2).values).toEqual([, 'Xuất sắc', 90]);
    expect(book.getWorksheet('Hướng dẫn')).toBeDefined();
  });
});

describe('reading a workbook that is not right', () => {
  it.each([
    ['a text file', Buffer.from('STT;Nội dung\n1;Chỉ đạo điều hành\n', 'utf8')],
    ['an empty buffer', Buffer.alloc(0)],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1')],
  ])('%s gives one problem and no tree', async (_, buf) => {
    const r = await criteriaFromXlsx(buf, unitByName);
    expect(r).toEqual({ tree: null, problems: [{ row: null, message: 'Không đọc được tệp: tệp hỏng hoặc không phải bảng tính Excel (.xlsx).' }] });
  });

  it('a workbook far larger than any criteria set gives one problem before it is read', async () => {
    const r = await criteriaFromXlsx(await handMade([HEAD, ...Array.from({ length: 5_001 }, (_, i) => [`1.${i}`, 'x', 1, 'Chấm tay'])]), unitByName);
    expect(r.tree).toBeNull();
    expect(r.problems).toEqual([{ row: null, message: expect.stringMatching(/^Bảng tính quá lớn/) }]);
  });

  it('a workbook without the table header gives one problem', async () => {
    const r = await criteriaFromXlsx(await handMade([['Danh sách'], ['1', 'abc']]), unitByName);
    expect(r.tree).toBeNull();
    expect(r.problems).toEqual([{ row: null, message: expect.stringMatching(/^Không thấy dòng tiêu đề/) }]);
  });

  it('every bad cell is a Vietnamese problem on its row; good rows give none; nothing throws', async () => {
    const buf = await handMade([
      HEAD, //                                                                       row 1
      ['1', 'Lĩnh vực một', 10],
      ['1.1', 'Điểm chữ', 'mười', 'Chấm tay'], //                                    3 not a number
      ['1.2', 'Cách chấm lạ', 1, 'Chấm máy'], //                                     4 unknown scoring word
      ['1.3', 'Mức lẫn chiều', 1, 'Theo mức', '≥95:1; ≤80:0,5'], //                  5 tiers both ways
      ['1.3', 'Trùng mã', 1, 'Chấm tay'], //                                         6 duplicate code
      ['4.1', 'Không có cha', 1, 'Chấm tay'], //                                     7 no parent
      ['1.4', 'Chỉ tiêu quá 100%', 1, 'Tỷ lệ', 'chỉ tiêu 120%'], //                   8 target over 1
      ['1.5', 'Nguồn lạ', 1, 'Tự động', 'nguồn foo.bar; tỷ lệ'], //                  9 unknown source
      ['1.6', 'Đơn vị lạ', 1, 'Chấm tay', null, null, 'Sở Không Có'], //             10 unknown unit
      ['1.7', 'Điều kiện lạ', 1, 'Chấm tay', null, null, null, 'có thủ tục'], //     11 unreadable rule
      ['1.8', 'JSON sai dạng', 1, 'Chấm tay', null, null, null, '{"kind":"fact"}'], // 12 JSON of the wrong shape
      [null, 'Ghi chú không có mã', 1], //                                            13 no code
      ['1.9', 'Tham số thừa', 1, 'Chấm tay', 'abc'], //                               14 parameter not used
      ['2', 'Lĩnh vực hai', 6], //                                                   15 6 ≠ 3 + 2
      ['2.1', 'Mục đúng', 3, 'Đạt/Không đạt'], //                                     16 fine
      ['2.2', 'Chưa chọn cách chấm', 2], //                                           17 leaf without scoring
      ['1.10', 'Tham số mà không có cách chấm', 1, null, '≥1:1'], //                  18
      ['3', 'Lĩnh vực ba', 2, 'Không vượt điểm tối đa'], //                           19 capped leaf
      ['5', 'Thưởng', 1, 'Điểm thưởng'], //                                           20 bonus over cap 0
      ['6', 'x'.repeat(2001), 1, 'Chấm tay'], //                                      21 only the schema knows
    ]);
    const r = await criteriaFromXlsx(buf, unitByName);
    expect(r.tree).toBeNull();
    const at = (row: number) => r.problems.filter((p) => p.row === row).map((p) => p.message);
    expect(at(3)).toEqual(['Mục 1.1, cột "Điểm tối đa": "mười" không phải là số không âm.']);
    expect(at(4)).toEqual([expect.stringMatching(/^Mục 1.2, cột "Cách chấm điểm": không có cách chấm "Chấm máy"; dùng một trong: Chấm tay, Đạt\/Không đạt/)]);
    expect(at(5)).toEqual(['Mục 1.3, cột "Tham số chấm điểm": các mức phải cùng một chiều: cùng "≥" hoặc cùng "≤".']);
    expect(at(6)).toEqual(['Mã "1.3" đã dùng ở dòng 5.']);
    expect(at(7)).toEqual(['Mục 4.1, cột "STT": không có mục cha "4" ở các dòng phía trên.']);
    // validateTree and the schema both refuse it; the clearer sentence is the one kept.
    expect(at(8)).toEqual(['Tiêu chí 1.4: chỉ tiêu phải là tỷ lệ lớn hơn 0 và không quá 1 (100%).']);
    expect(at(9)).toEqual([expect.stringMatching(/^Mục 1.5, cột "Tham số chấm điểm": nguồn "foo.bar" không có; các nguồn dùng được: dossiers.on_time_rate/)]);
    expect(at(10)).toEqual(['Mục 1.6, cột "Đơn vị thẩm định": không tìm thấy đơn vị "Sở Không Có".']);
    expect(at(11)).toEqual([expect.stringMatching(/^Mục 1.7, cột "Điều kiện áp dụng": không đọc được "có thủ tục"/)]);
    expect(at(12)).toEqual([expect.stringMatching(/^Mục 1.8, cột "Điều kiện áp dụng": điều kiện viết bằng JSON không đúng dạng/)]);
    expect(at(13)).toEqual(['Dòng có nội dung nhưng chưa có mã ở cột "STT".']);
    expect(at(14)).toEqual(['Mục 1.9, cột "Tham số chấm điểm": cách chấm "Chấm tay" không dùng tham số, để trống ô này.']);
    expect(at(15)).toEqual(['Lĩnh vực 2: điểm tối đa (6) khác tổng điểm các mục con (5).']);
    expect(at(16)).toEqual([]);
    expect(at(17)).toEqual(['Tiêu chí 2.2: chưa chọn cách chấm điểm.']);
    expect(at(18)).toEqual(['Mục 1.10, cột "Tham số chấm điểm": có tham số nhưng chưa chọn cách chấm điểm.']);
    expect(at(19)).toEqual(['Mục 3, cột "Cách chấm điểm": "Không vượt điểm tối đa" chỉ dùng cho mục có mục con.']);
    expect(at(20)).toEqual([expect.stringMatching(/^Lĩnh vực 5: điểm thưởng tối đa của mục \(1\) vượt mức thưởng tối đa của bộ tiêu chí \(0\)/)]);
    expect(at(21)).toEqual(['Mục 6, cột "Nội dung tiêu chí": tối đa 2.000 ký tự.']);
    expect(r.problems.map((p) => p.row)).toEqual([...r.problems.map((p) => p.row)].sort((a, b) => a! - b!));
    // Area 1 has refused cells under it: its sum is not judged again.
    expect(at(2)).toEqual([]);
    expect(r.problems.every((p) => /[àáảãạăâđèéêìíòóôơùúưỳýỹ]/i.test(p.message))).toBe(true);
  });

  it('a source schema.ts does not know is a problem on its row', async () => {
    const tree = sampleTree();
    const leaf21 = tree.areas[1]!.children![0]! as { scoring: unknown };
    leaf21.scoring = { kind: 'computed', source: 'service_index.on_time_rate', conversion: { kind: 'ratio', target: 0.8 } };
    const buf = await criteriaToXlsx(setOf(tree), unitName);
    const sheet = await loadSheet(buf);
    const r = await criteriaFromXlsx(buf, unitByName);
    expect(r.tree).toBeNull();
    expect(r.problems).toEqual([{ row: rowOfCode(sheet, '2.1').number, message: expect.stringMatching(/^Mục 2.1, cột "Tham số chấm điểm": nguồn "service_index.on_time_rate" không có/) }]);
  });

  it('a bad cap is a problem on the caps row', async () => {
    const r = await criteriaFromXlsx(await handMade([HEAD, ['1', 'Một', 1, 'Chấm tay']], [[null, 'Điểm thưởng tối đa', 'ba', 'Điểm trừ tối đa', 1]]), unitByName);
    expect(r.problems).toEqual([{ row: 1, message: 'Ô bên phải "Điểm thưởng tối đa" phải là một số không âm.' }]);
  });
});

describe('reading a workbook typed by a province', () => {
  it('finds the header under a title, columns in any order, codes with a trailing dot or typed as numbers, a merged area row, decimal commas, ASCII signs, units by code', async () => {
    const head = ['Mã tiêu chí', 'Điểm tối đa', 'Nội dung', 'Phương pháp chấm điểm', 'Tham số', 'Điều kiện áp dụng', 'Cơ quan thẩm định', 'Tài liệu kiểm chứng'];
    const buf = await handMade([
      head,
      ['1.', 10, 'Công tác chỉ đạo, điều hành', null, null, null, null, null],
      [1.1, '4,5', 'Kế hoạch năm', 'đạt / không đạt', null, 'hasProcedures = TRUE', 'H30.101', 'Kế hoạch CCHC'],
      ['1.2', 5.5, 'Tỷ lệ hoàn thành', 'Tỉ lệ', 'Chỉ tiêu 80 %', 'luôn áp dụng', 'Sở Nội vụ', null],
      [],
      [null, 100, 'Tổng cộng'],
    ], [['BỘ TIÊU CHÍ CHỈ SỐ CCHC NĂM 2025'], [null, 'Điểm thưởng tối đa:', 2, 'Điểm trừ tối đa:', '1,5']], (s) => {
      s.mergeCells('C4:E4'); // the area's text spans the empty columns
    });
    const r = await criteriaFromXlsx(buf, unitByName);
    expect(r.problems).toEqual([]);
    const soiVu = unitByName('H30.101');
    expect(r.tree).toEqual({
      caps: { bonus: 2, penalty: 1.5 },
      areas: [{
        code: '1', text: 'Công tác chỉ đạo, điều hành', maxPoints: 10, children: [
          { code: '1.1', text: 'Kế hoạch năm', maxPoints: 4.5, scoring: { kind: 'binary' }, applicability: { kind: 'fact', fact: 'hasProcedures', equals: true }, appraisingUnitId: soiVu, evidence: 'Kế hoạch CCHC' },
          { code: '1.2', text: 'Tỷ lệ hoàn thành', maxPoints: 5.5, scoring: { kind: 'ratio', target: 0.8 }, applicability: { kind: 'always' }, appraisingUnitId: soiVu },
        ],
      }],
    });
  });

  it('tiers typed with >= and spaces, a computed item with tiers', async () => {
    const buf = await handMade([HEAD,
      ['1', 'Một', 3],
      ['1.1', 'Mức', 2, 'Theo mức', '>= 95 : 2 ; >=80:1'],
      ['1.2', 'Tự động', 1, 'Tự động', 'Nguồn service_index.percent; ≥90:1; ≥50:0,5'],
    ]);
    const r = await criteriaFromXlsx(buf, unitByName);
    expect(r.problems).toEqual([]);
    expect(r.tree!.areas[0]!.children!.map((c) => c.scoring)).toEqual([
      { kind: 'tiered', better: 'higher', tiers: [{ threshold: 95, points: 2 }, { threshold: 80, points: 1 }] },
      { kind: 'computed', source: 'service_index.percent', conversion: { kind: 'tiered', better: 'higher', tiers: [{ threshold: 90, points: 1 }, { threshold: 50, points: 0.5 }] } },
    ]);
  });
});
