import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proposeOutline, type GroupPhrase, type MatchableUnit } from './outline.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

// A province's units as the org module gives them, with the alias table's entries: the Department of
// Information and Communications was merged into Science and Technology in 2025.
const UNITS: MatchableUnit[] = [
  { id: 1, name: 'Ủy ban nhân dân tỉnh Lai Châu', kind: 'people_committee', parentId: null, aliases: ['UBND tỉnh'] },
  { id: 11, name: 'Sở Nội vụ', kind: 'department', parentId: 1, aliases: ['Sở NV'] },
  { id: 12, name: 'Sở Tư pháp', kind: 'department', parentId: 1, aliases: ['Sở TP'] },
  { id: 13, name: 'Sở Tài chính', kind: 'department', parentId: 1, aliases: [] },
  { id: 14, name: 'Sở Khoa học và Công nghệ', kind: 'department', parentId: 1, aliases: ['Sở Thông tin và Truyền thông', 'Sở KH&CN'] },
  { id: 20, name: 'Báo Lai Châu', kind: 'agency', parentId: 1, aliases: [] },
  { id: 21, name: 'Đài Phát thanh và Truyền hình tỉnh', kind: 'agency', parentId: 1, aliases: [] },
  { id: 22, name: 'Cổng Giao tiếp điện tử tỉnh', kind: 'agency', parentId: 1, aliases: ['Cổng Thông tin điện tử tỉnh'] },
  { id: 31, name: 'Phường Tân Phong', kind: 'commune', parentId: 1, aliases: [] },
];
const GROUPS: GroupPhrase[] = [
  { key: 'departments', phrases: ['các sở, ban, ngành', 'các sở, ban, ngành tỉnh', 'các cơ quan chuyên môn thuộc UBND tỉnh'], unitIds: [11, 12, 13, 14] },
  { key: 'communes', phrases: ['UBND các huyện, thành phố', 'UBND các xã, phường, thị trấn', 'UBND cấp xã'], unitIds: [31] },
];

describe('the outline proposer, on Directive 16/CT-UBND (Lai Châu, 2014)', () => {
  const outline = proposeOutline(fixture('chi-thi-16-2014-lai-chau.txt'), UNITS, GROUPS);

  it('reads the number and symbol, items 1–7 and the sub-items of item 7 (no f)', () => {
    expect(outline.number).toBe('16/CT-UBND');
    expect(outline.items.map((i) => i.n)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(outline.items[6]!.subitems.map((s) => s.n)).toEqual(['a', 'b', 'c', 'd', 'e', 'g']);
    expect(outline.items.slice(0, 6).every((i) => i.subitems.length === 0)).toBe(true);
    expect(outline.items[0]!.text).toMatch(/^Tăng cường công tác kiểm tra, đánh giá/);
  });

  it('matches each sub-item of item 7 to the agency it names first, through the alias table', () => {
    const leads = outline.items[6]!.subitems.map((s) => s.leads.map((l) => l.unitId));
    expect(leads).toEqual([[11], [12], [14], [14], [13], [20, 21, 22]]);
    // The name as written stays visible for the officer: the old department's name, not the new one.
    expect(outline.items[6]!.subitems[2]!.leads[0]!.name).toBe('Sở Thông tin và Truyền thông');
    expect(outline.items[6]!.subitems[5]!.leads.map((l) => l.name)).toEqual(['Báo Lai Châu', 'Đài Phát thanh - Truyền hình tỉnh', 'Cổng Giao tiếp điện tử tỉnh']);
  });

  it('keeps 7a\'s unnumbered paragraphs inside 7a, and the closing request and signature out of 7g', () => {
    const a = outline.items[6]!.subitems[0]!.text;
    expect(a).toContain('Tham mưu sửa đổi Quy định về đánh giá');
    expect(a).toContain('theo định kỳ 06 tháng, hàng năm');
    const g = outline.items[6]!.subitems[5]!.text;
    expect(g).not.toContain('Căn cứ nội dung Chỉ thị');
    expect(g).not.toContain('Nguyễn Khắc Chử');
  });

  it('gives the items that name nobody to whom the preamble addresses: every department and every commune', () => {
    for (const item of outline.items.slice(0, 6)) {
      expect(item.leads.map((l) => l.group)).toEqual(['departments', 'communes']);
      expect(item.leads[0]!.unitIds).toEqual([11, 12, 13, 14]);
    }
  });
});

describe('texts as people paste them', () => {
  it('joins hard-wrapped lines, drops bold markers, reads "1)" numbering and keeps dash bullets inside the item', () => {
    const text = [
      '**KẾ HOẠCH**', 'Số: 25/KH-UBND', '',
      'UBND tỉnh yêu cầu các sở, ban, ngành thực hiện:', '',
      '1) **Sở NV** chủ trì rà soát chức năng, nhiệm vụ của các', 'phòng chuyên môn; báo cáo trước ngày 30/6.',
      '- Xây dựng đề án vị trí việc làm;', '+ lấy ý kiến các đơn vị.',
      '2) Sở Tài chính và Sở KH&CN bố trí kinh phí năm 2014.', '',
      'Nơi nhận:', '- Như trên;',
    ].join('\n');
    const o = proposeOutline(text, UNITS, GROUPS);
    expect(o.number).toBe('25/KH-UBND');
    expect(o.items.map((i) => i.n)).toEqual(['1', '2']);
    expect(o.items[0]!.text).toContain('nhiệm vụ của các phòng chuyên môn');
    expect(o.items[0]!.text).toContain('- Xây dựng đề án vị trí việc làm;');
    expect(o.items[0]!.leads).toEqual([{ name: 'Sở NV', unitId: 11 }]);
    expect(o.items[1]!.leads.map((l) => l.unitId)).toEqual([13, 14]);
    // "năm 2014." is not item 2014, and the recipients list is not an item.
    expect(o.items[1]!.text).not.toContain('Như trên');
  });

  it('labels items with their Roman-numbered part, accepts d), đ), e) and leaves an unknown agency unmatched', () => {
    const text = [
      'I. MỤC ĐÍCH, YÊU CẦU', '1. Nâng cao chất lượng phục vụ.',
      'II. NHIỆM VỤ', '2. Các sở, ban, ngành tỉnh:',
      'a) Sở Tư pháp kiểm soát thủ tục hành chính.', 'b) Sở Tài chính bảo đảm kinh phí.', 'c) Sở Nội vụ theo dõi.',
      'd) Sở Tư pháp báo cáo.', 'đ) Sở Y tế phối hợp thực hiện.', 'e) Báo Lai Châu tuyên truyền.',
    ].join('\n');
    const o = proposeOutline(text, UNITS, GROUPS);
    expect(o.items.map((i) => [i.n, i.part])).toEqual([['1', 'I. MỤC ĐÍCH, YÊU CẦU'], ['2', 'II. NHIỆM VỤ']]);
    expect(o.items[1]!.subitems.map((s) => s.n)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e']);
    expect(o.items[1]!.leads.map((l) => l.group)).toEqual(['departments']);
    expect(o.items[1]!.subitems[4]!.leads).toEqual([]);
    expect(o.items[1]!.subitems[5]!.leads.map((l) => l.unitId)).toEqual([20]);
  });

  it('restarts the numbering under each part ("Phần I", "PHẦN II:"), reads "1.1." sub-items, and makes a part without items one item', () => {
    const text = [
      'Phần I', 'MỤC ĐÍCH', '1. Nâng cao chất lượng phục vụ.', '2. Công khai thủ tục.',
      'PHẦN II: NHIỆM VỤ', '1. Cải cách thủ tục hành chính', '1.1. Sở Tư pháp rà soát thủ tục.', '1.2. Sở Tài chính bảo đảm kinh phí.',
      '2. Sở Nội vụ tổng hợp, báo cáo.',
      'III. KINH PHÍ', 'Kinh phí do ngân sách tỉnh bảo đảm.',
    ].join('\n');
    const o = proposeOutline(text, UNITS, GROUPS);
    expect(o.items.map((i) => [i.part, i.n])).toEqual([
      ['I. MỤC ĐÍCH', '1'], ['I. MỤC ĐÍCH', '2'], ['II. NHIỆM VỤ', '1'], ['II. NHIỆM VỤ', '2'], ['III. KINH PHÍ', 'III'],
    ]);
    expect(o.items[2]!.subitems.map((s) => [s.n, s.leads[0]?.unitId])).toEqual([['1.1', 12], ['1.2', 13]]);
    expect(o.items[4]!.text).toBe('Kinh phí do ngân sách tỉnh bảo đảm.');
  });

  it('matches names without regard to case, marks, the old "U\u1ef7" or "và" against "-", and a unit\'s name without "tỉnh Lai Châu"', () => {
    const units: MatchableUnit[] = [
      { id: 1, name: 'Ủy ban nhân dân tỉnh Lai Châu', kind: 'people_committee', parentId: null, aliases: [] },
      { id: 2, name: 'Văn phòng Ủy ban nhân dân tỉnh', kind: 'office', parentId: 1, aliases: [] },
      { id: 3, name: 'Sở Nội vụ tỉnh Lai Châu', kind: 'department', parentId: 1, aliases: [] },
      { id: 4, name: 'Đài Phát thanh - Truyền hình tỉnh Lai Châu', kind: 'agency', parentId: 1, aliases: [] },
    ];
    const text = [
      '1. SỞ NỘI VỤ chủ trì.',
      '2. Chánh Văn phòng U\u1ef7 ban nhân dân tỉnh theo dõi.',
      '3. Đài Phát thanh và Truyền hình tỉnh đưa tin.',
      '4. Văn phòng UBND huyện phối hợp.',
      '5. Giao Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh và Đài Phát thanh - Truyền hình thực hiện.',
    ].join('\n');
    const o = proposeOutline(text, units);
    expect(o.items.map((i) => i.leads.map((l) => [l.name, l.unitId]))).toEqual([
      [['SỞ NỘI VỤ', 3]], [['Văn phòng U\u1ef7 ban nhân dân tỉnh', 2]], [['Đài Phát thanh và Truyền hình tỉnh', 4]], [], [['Sở Nội vụ', 3]],
    ]);
    // A district's office is not the province's, though the name begins the same.
    expect(o.items[3]!.unmatched).toEqual(['Văn phòng UBND huyện']);
    expect(o.items[4]!.coordinators?.map((c) => c.unitId)).toEqual([2, 4]);
  });

  it('gives sub-items that name nobody their item\'s lead, and a name two units answer to to neither', () => {
    const units: MatchableUnit[] = [
      ...UNITS,
      { id: 41, name: 'Phòng Nội vụ', kind: 'office', parentId: 31, aliases: [] },
      { id: 42, name: 'Phòng Nội vụ', kind: 'office', parentId: 32, aliases: [] },
    ];
    const text = ['1. Sở Nội vụ:', 'a) Chủ trì rà soát;', 'b) Tham mưu UBND tỉnh.', '2. Phòng Nội vụ báo cáo.'].join('\n');
    const o = proposeOutline(text, units, GROUPS);
    expect(o.items[0]!.subitems.map((s) => s.leads)).toEqual([
      [{ name: 'Sở Nội vụ', unitId: 11, inheritedFrom: 'item' }], [{ name: 'Sở Nội vụ', unitId: 11, inheritedFrom: 'item' }],
    ]);
    expect(o.items[1]!.leads).toEqual([]);
    expect(o.items[1]!.unmatched).toEqual(['Phòng Nội vụ']);
  });

  it('stops at "./.", at "Trên đây là…" and at the signature, and takes Windows line ends and non-breaking spaces', () => {
    const body = ['Số:\u00a012/CT-UBND', '1.\u00a0Sở Tư pháp rà soát.', '2. Sở Tài chính bảo đảm kinh phí./.'];
    const a = proposeOutline([...body, '3. Như trên;', 'KT. CHỦ TỊCH'].join('\r\n'), UNITS);
    expect(a.number).toBe('12/CT-UBND');
    expect(a.items.map((i) => i.n)).toEqual(['1', '2']);
    const b = proposeOutline([...body.slice(0, 2), '2. Sở Tài chính bảo đảm kinh phí.', 'Trên đây là Kế hoạch của UBND tỉnh.', 'Nơi nhận:', '- Như trên;'].join('\n'), UNITS);
    expect(b.items.map((i) => i.text)).toEqual(['Sở Tư pháp rà soát.', 'Sở Tài chính bảo đảm kinh phí.']);
    // A lower-case "trên đây là" on a wrapped line is the sentence going on, not the closing.
    const c = proposeOutline(['1. Thực hiện các nhiệm vụ nêu', 'trên đây là trách nhiệm của Sở Tư pháp.'].join('\n'), UNITS);
    expect(c.items[0]!.text).toBe('Thực hiện các nhiệm vụ nêu trên đây là trách nhiệm của Sở Tư pháp.');
  });

  it('reads the lettered list after h) as i), k) and lets a stray f) through, but not a letter out of order', () => {
    const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'k'];
    const o = proposeOutline(['1. Các việc:', ...letters.map((l) => `${l}) Việc ${l}.`), 'm) không phải mục.'].join('\n'), UNITS);
    expect(o.items[0]!.subitems.map((s) => s.n)).toEqual(letters);
    expect(o.items[0]!.subitems[9]!.text).toBe('Việc k.\nm) không phải mục.');
  });
});
