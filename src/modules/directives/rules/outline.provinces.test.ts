import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proposeOutline, type GroupPhrase, type MatchableUnit } from './outline.js';

// Real texts of other provinces, as the legal websites and provincial portals give them (the source
// and what part of the document each holds are in each fixture's first line).
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const unit = (id: number, name: string, aliases: string[] = []): MatchableUnit => ({ id, name, kind: 'department', parentId: 1, aliases });

describe('Plan 87/KH-UBND (Tuyên Quang, 2013): a Roman-numbered part, hard-wrapped straight after the item number', () => {
  const units = [unit(1, 'Ủy ban nhân dân tỉnh Tuyên Quang', ['UBND tỉnh']), unit(2, 'Sở Nội vụ tỉnh Tuyên Quang')];
  const o = proposeOutline(fixture('ke-hoach-87-2013-tuyen-quang.txt'), units);

  it('reads the number through the website\'s table borders, and items 1–3 of part I', () => {
    expect(o.number).toBe('87/KH-UBND');
    expect(o.items.map((i) => [i.part, i.n, i.subitems.length])).toEqual([['I. MỤC TIÊU', '1', 0], ['I. MỤC TIÊU', '2', 0], ['I. MỤC TIÊU', '3', 0]]);
  });

  it('joins "1. Tiếp tục / đẩy mạnh…" and "Chỉ / thị số 07" back into sentences; "2020;" and "29/3/2012" at a line start are not items', () => {
    expect(o.items[0]!.text).toMatch(/^Tiếp tục đẩy mạnh thực hiện có hiệu quả/);
    expect(o.items[0]!.text).toContain('2011 - 2020; Chỉ thị số 07/CT-TTg ngày 22/5/2013');
    expect(o.items[0]!.text).toMatch(/giai đoạn 2011 – 2015\.$/);
    expect(o.items[1]!.text).toContain('theo ngạch của các cơ quan chuyên môn cấp tỉnh, cấp huyện.');
    expect(o.items[2]!.text).toBe('Thủ tục hành chính (TTHC) được cải');
  });

  it('gives no lead to goals that name nobody: the People\'s Committee that issues the plan is not its addressee', () => {
    expect(o.items.flatMap((i) => i.leads)).toEqual([]);
  });
});

describe('Plan 3335/KH-UBND (Kon Tum, 2017): number on the line after "Số:", part, item, lettered sub-item, dash bullets', () => {
  const o = proposeOutline(fixture('ke-hoach-3335-2017-kon-tum.txt'), [unit(1, 'Ủy ban nhân dân tỉnh Kon Tum')]);

  it('reads part I, item 1 and its sub-item a)', () => {
    expect(o.number).toBe('3335/KH-UBND');
    expect(o.items).toHaveLength(1);
    expect(o.items[0]).toMatchObject({ part: 'I. MỤC TIÊU, YÊU CẦU', n: '1', text: 'Mục tiêu' });
    expect(o.items[0]!.subitems.map((s) => s.n)).toEqual(['a']);
  });

  it('keeps the dash bullets inside a), each on its own line, their wrapped lines joined', () => {
    const lines = o.items[0]!.subitems[0]!.text.split('\n');
    expect(lines[0]).toBe('Mục tiêu chung');
    expect(lines[1]).toBe('- Tiếp tục đẩy mạnh triển khai thực hiện các chương trình, kế hoạch cải cách hành chính giai đoạn 2016 - 2020 của Chính phủ và Ủy ban nhân dân tỉnh.');
    expect(lines[2]).toMatch(/^- Đẩy mạnh cải cách hành chính, xây dựng nền hành chính chuyên nghiệp/);
    expect(lines).toHaveLength(3);
  });
});

describe('Directive of the Chairman of Hà Tĩnh (2023): the request names groups the items fall to', () => {
  const groups: GroupPhrase[] = [
    { key: 'departments', phrases: ['các sở'], unitIds: [11, 12] },
    { key: 'provincial-agencies', phrases: ['các ban ngành, đơn vị cấp tỉnh'], unitIds: [21] },
    { key: 'central-agencies', phrases: ['các cơ quan Trung ương đóng trên địa bàn tỉnh'], unitIds: [31] },
    { key: 'local', phrases: ['UBND các cấp'], unitIds: [41, 42] },
  ];
  const o = proposeOutline(fixture('chi-dao-cchc-2023-ha-tinh.txt'), [unit(1, 'Ủy ban nhân dân tỉnh Hà Tĩnh', ['UBND tỉnh'])], groups);

  it('has item 1 with its two further paragraphs, and no number (the stored page starts after it)', () => {
    expect(o.number).toBeNull();
    expect(o.items.map((i) => i.n)).toEqual(['1']);
    const paragraphs = o.items[0]!.text.split('\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[1]).toMatch(/^Triển khai công tác CCHC giai đoạn 2021-2030/);
    expect(paragraphs[2]).toMatch(/^Các cấp, các ngành và địa phương xác định CCHC/);
  });

  it('gives item 1 to the four groups the Chairman addresses, in the order named, and not to the Chairman', () => {
    expect(o.items[0]!.leads.map((l) => [l.name, l.group, l.unitId, l.inheritedFrom])).toEqual([
      ['các sở', 'departments', null, 'lead-in'],
      ['các ban ngành, đơn vị cấp tỉnh', 'provincial-agencies', null, 'lead-in'],
      ['các cơ quan Trung ương đóng trên địa bàn tỉnh', 'central-agencies', null, 'lead-in'],
      ['UBND các cấp', 'local', null, 'lead-in'],
    ]);
    expect(o.items[0]!.leads[3]!.unitIds).toEqual([41, 42]);
  });
});

describe('Plan 4851/KH-UBND (Bình Dương, 2018): a two-column heading pasted as "… | … |" rows', () => {
  const groups: GroupPhrase[] = [
    { key: 'departments', phrases: ['các sở, ban, ngành'], unitIds: [11] },
    { key: 'districts', phrases: ['Ủy ban nhân dân các huyện, thị xã, thành phố'], unitIds: [21] },
  ];
  const o = proposeOutline(fixture('ke-hoach-4851-2018-binh-duong.txt'), [unit(1, 'Ủy ban nhân dân tỉnh Bình Dương')], groups);

  it('reads the number, items 1 and 2 with their dash bullets', () => {
    expect(o.number).toBe('4851/KH-UBND');
    expect(o.items.map((i) => i.n)).toEqual(['1', '2']);
    const one = o.items[0]!.text.split('\n');
    expect(one).toHaveLength(3);
    expect(one[0]).toBe('Mục tiêu');
    expect(one[2]).toMatch(/^- Trên cơ sở kết quả đánh giá/);
    expect(o.items[1]!.text).toMatch(/^Yêu cầu\n- Thực hiện đầy đủ các nhiệm vụ/);
  });

  it('does not take the departments the preamble merely names ("Chỉ số CCHC của các sở, ban, ngành") as addressees', () => {
    expect(o.items.flatMap((i) => i.leads)).toEqual([]);
  });
});

describe('Assignments pasted from a news item as unnumbered paragraphs (a text of our own, in that shape)', () => {
  const units = [
    unit(1, 'Ủy ban nhân dân tỉnh Kon Tum', ['UBND tỉnh']),
    unit(2, 'Ban Dân tộc tỉnh Kon Tum'),
    unit(3, 'Công an tỉnh'),
    unit(4, 'Bộ Chỉ huy Quân sự tỉnh'),
    unit(5, 'Sở Khoa học và Công nghệ', ['Sở Thông tin và Truyền thông']),
  ];
  const o = proposeOutline(fixture('giao-viec-khong-danh-so.txt'), units);

  it('makes one item of each paragraph that opens with an agency, from the request on', () => {
    expect(o.items.map((i) => i.n)).toEqual(['1', '2', '3', '4']);
    expect(o.items[0]!.text).toMatch(/^Ban Dân tộc chủ trì, phối hợp/);
    expect(o.items[0]!.text).toMatch(/\(trước ngày 20\/11\)\.$/);
  });

  it('matches each paragraph\'s agencies: a unit named without "tỉnh Kon Tum", an old name through the alias, one the province has no unit for', () => {
    expect(o.items.map((i) => i.leads.map((l) => [l.name, l.unitId]))).toEqual([
      [['Ban Dân tộc', 2]], [['Công an tỉnh', 3]], [['Bộ Chỉ huy Quân sự tỉnh', 4]], [['Sở Thông tin và Truyền thông', 5]],
    ]);
    expect(o.items[2]!.unmatched).toEqual(['Bộ Chỉ huy Bộ đội Biên phòng tỉnh']);
    // "phối hợp với Ban Dân tộc, các ngành…": the Ethnic Affairs board is proposed as coordinating unit.
    expect(o.items[3]!.coordinators).toEqual([{ name: 'Ban Dân tộc', unitId: 2 }]);
    // The central Committee for Ethnic Minority Affairs ("Ủy ban Dân tộc") is not the provincial board.
    expect(o.items[0]!.coordinators).toBeUndefined();
  });
});
