/**
 * The 29 types of administrative document of Decree 30/2020/NĐ-CP art. 7 and their abbreviations
 * (Appendix III), DOMAIN §9. National law, not province data: the same for every agency. `code` is
 * what the registry stores; `abbreviation` is what the number and symbol print (null: the type prints
 * none — a công văn's symbol names the drafting unit instead, a thư công has none listed).
 * `legal`: the types a province issues as legal normative documents (the year enters the symbol,
 * one series per type): resolutions of the People's Council and decisions of the People's Committee.
 */
export type DocumentType = { code: string; name: string; abbreviation: string | null; legal: boolean };

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  { code: 'NQ', name: 'Nghị quyết', abbreviation: 'NQ', legal: true },
  { code: 'QĐ', name: 'Quyết định', abbreviation: 'QĐ', legal: true },
  { code: 'CT', name: 'Chỉ thị', abbreviation: 'CT', legal: false },
  { code: 'QC', name: 'Quy chế', abbreviation: 'QC', legal: false },
  { code: 'QyĐ', name: 'Quy định', abbreviation: 'QyĐ', legal: false },
  { code: 'TC', name: 'Thông cáo', abbreviation: 'TC', legal: false },
  { code: 'TB', name: 'Thông báo', abbreviation: 'TB', legal: false },
  { code: 'HD', name: 'Hướng dẫn', abbreviation: 'HD', legal: false },
  { code: 'CTr', name: 'Chương trình', abbreviation: 'CTr', legal: false },
  { code: 'KH', name: 'Kế hoạch', abbreviation: 'KH', legal: false },
  { code: 'PA', name: 'Phương án', abbreviation: 'PA', legal: false },
  { code: 'ĐA', name: 'Đề án', abbreviation: 'ĐA', legal: false },
  { code: 'DA', name: 'Dự án', abbreviation: 'DA', legal: false },
  { code: 'BC', name: 'Báo cáo', abbreviation: 'BC', legal: false },
  { code: 'BB', name: 'Biên bản', abbreviation: 'BB', legal: false },
  { code: 'TTr', name: 'Tờ trình', abbreviation: 'TTr', legal: false },
  { code: 'HĐ', name: 'Hợp đồng', abbreviation: 'HĐ', legal: false },
  { code: 'CV', name: 'Công văn', abbreviation: null, legal: false },
  { code: 'CĐ', name: 'Công điện', abbreviation: 'CĐ', legal: false },
  { code: 'BGN', name: 'Bản ghi nhớ', abbreviation: 'BGN', legal: false },
  { code: 'BTT', name: 'Bản thỏa thuận', abbreviation: 'BTT', legal: false },
  { code: 'GUQ', name: 'Giấy ủy quyền', abbreviation: 'GUQ', legal: false },
  { code: 'GM', name: 'Giấy mời', abbreviation: 'GM', legal: false },
  { code: 'GGT', name: 'Giấy giới thiệu', abbreviation: 'GGT', legal: false },
  { code: 'GNP', name: 'Giấy nghỉ phép', abbreviation: 'GNP', legal: false },
  { code: 'PG', name: 'Phiếu gửi', abbreviation: 'PG', legal: false },
  { code: 'PC', name: 'Phiếu chuyển', abbreviation: 'PC', legal: false },
  { code: 'PB', name: 'Phiếu báo', abbreviation: 'PB', legal: false },
  { code: 'THC', name: 'Thư công', abbreviation: null, legal: false },
];

const BY_CODE = new Map(DOCUMENT_TYPES.map((t) => [t.code, t]));
export const documentType = (code: string): DocumentType | undefined => BY_CODE.get(code);
export const documentTypeName = (code: string): string => BY_CODE.get(code)?.name ?? code;
