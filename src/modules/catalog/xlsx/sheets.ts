/**
 * The XLSX template of the catalogue: one sheet per list of the procedure record, one row per item,
 * joined by procedure code + version number (and sub-case code where a list can belong to a case).
 * Headers are Vietnamese; cells holding a choice accept either the Vietnamese label or the code.
 * docs/CATALOG.md documents every column.
 */
import {
  APPLICANT_LABELS, CHANNEL_LABELS, LEVEL_LABELS, ONLINE_MODE_LABELS, ROLE_LABELS, TIME_UNIT_LABELS, VERSION_STATUS_LABELS,
} from '../labels.js';
import { normalizeForSearch } from '../rules/search.js';

export type Codec =
  | { kind: 'text' }
  | { kind: 'int' }
  | { kind: 'bool' }
  | { kind: 'date' }
  /** Several values in one cell, one per line (`;` also separates short values). */
  | { kind: 'lines'; semicolons?: boolean }
  | { kind: 'enum'; labels: Record<string, string> }
  | { kind: 'enums'; labels: Record<string, string> };

export type Column = { key: string; header: string; width: number; codec: Codec };
export type SheetSpec = { name: string; columns: Column[]; hint: string };

const text: Codec = { kind: 'text' };
const int: Codec = { kind: 'int' };
const bool: Codec = { kind: 'bool' };
const date: Codec = { kind: 'date' };
const lines: Codec = { kind: 'lines' };
const enumOf = (labels: Record<string, string>): Codec => ({ kind: 'enum', labels });
const enumsOf = (labels: Record<string, string>): Codec => ({ kind: 'enums', labels });

export const FEE_KIND_LABELS = { fee: 'Phí', charge: 'Lệ phí' } as const;
export const BUDGET_UNIT_LABELS = { working_hours: 'giờ làm việc', working_days: 'ngày làm việc' } as const;

const col = (key: string, header: string, width: number, codec: Codec = text): Column => ({ key, header, width, codec });
const KEY = [col('code', 'Mã thủ tục', 14), col('version', 'Phiên bản', 10, int)];
const CASE = col('case', 'Mã trường hợp', 16);

export const SHEETS = {
  procedures: {
    name: 'Thủ tục',
    hint: 'Mỗi dòng là một phiên bản của một thủ tục. Mã thủ tục + Phiên bản nối các trang khác với dòng này.',
    columns: [
      ...KEY,
      col('status', 'Trạng thái', 16, enumOf(VERSION_STATUS_LABELS)),
      col('name', 'Tên thủ tục', 50),
      col('description', 'Mô tả', 40),
      col('fieldCode', 'Mã lĩnh vực', 12),
      col('fieldName', 'Tên lĩnh vực', 24),
      col('levels', 'Cấp thực hiện', 16, enumsOf(LEVEL_LABELS)),
      col('agencyCode', 'Mã cơ quan thực hiện', 16),
      col('agencyName', 'Tên cơ quan thực hiện', 30),
      col('coordinating', 'Cơ quan phối hợp', 30, lines),
      col('applicants', 'Đối tượng thực hiện', 22, enumsOf(APPLICANT_LABELS)),
      col('onlineMode', 'Mức độ trực tuyến', 26, enumOf(ONLINE_MODE_LABELS)),
      col('boundaryIndependent', 'Không phụ thuộc địa giới', 12, bool),
      col('requirements', 'Yêu cầu, điều kiện', 40, lines),
      col('keywords', 'Từ khóa', 24, { kind: 'lines', semicolons: true }),
      col('decisionNumber', 'Số quyết định công bố', 18),
      col('decisionDate', 'Ngày quyết định', 14, date),
      col('decisionSigner', 'Người ký quyết định', 20),
      col('decisionTitle', 'Trích yếu quyết định', 30),
      col('effectiveFrom', 'Ngày có hiệu lực', 14, date),
      col('effectiveTo', 'Ngày hết hiệu lực', 14, date),
      col('changeNote', 'Nội dung thay đổi', 30),
    ],
  },
  channels: {
    name: 'Cách thức',
    hint: 'Cách thức nộp và thời hạn giải quyết của từng cách thức. Ghi Mã trường hợp khi trường hợp có thời hạn riêng.',
    columns: [...KEY, CASE,
      col('kind', 'Cách thức', 14, enumOf(CHANNEL_LABELS)),
      col('amount', 'Thời hạn', 10, int),
      col('unit', 'Đơn vị thời hạn', 16, enumOf(TIME_UNIT_LABELS)),
      col('cutoff', 'Giờ tiếp nhận tối đa (HH:mm)', 14),
      col('note', 'Ghi chú', 30)],
  },
  steps: {
    name: 'Trình tự',
    hint: 'Trình tự thực hiện công khai cho người dân: mỗi dòng là một bước.',
    columns: [...KEY,
      col('order', 'Bước', 8, int),
      col('title', 'Tên bước', 24),
      col('where', 'Nơi thực hiện', 30),
      col('who', 'Người thực hiện', 24),
      col('what', 'Nội dung', 50),
      col('documents', 'Giấy tờ', 24, lines),
      col('cost', 'Chi phí', 16),
      col('duration', 'Thời gian', 16),
      col('legalBasis', 'Căn cứ (số hiệu văn bản)', 20, lines),
      col('recourse', 'Khiếu nại, kiến nghị', 30)],
  },
  documents: {
    name: 'Thành phần hồ sơ',
    hint: 'Giấy tờ phải nộp. Dòng có Mã trường hợp thuộc danh sách riêng của trường hợp đó (thay cho danh sách chung).',
    columns: [...KEY, CASE,
      col('name', 'Tên giấy tờ', 50),
      col('originals', 'Bản chính', 9, int),
      col('copies', 'Bản sao', 9, int),
      col('certifiedCopies', 'Bản sao chứng thực', 11, int),
      col('presentOnly', 'Chỉ xuất trình', 10, bool),
      col('optional', 'Không bắt buộc', 10, bool),
      col('formTemplate', 'Tệp mẫu đơn, tờ khai', 24),
      col('reusableFromNationalDb', 'Khai thác từ CSDL', 11, bool),
      col('note', 'Ghi chú', 30)],
  },
  fees: {
    name: 'Phí, lệ phí',
    hint: 'Mức thu bằng đồng (số nguyên) hoặc cách tính. Dòng có Mã trường hợp thuộc danh sách riêng của trường hợp.',
    columns: [...KEY, CASE,
      col('name', 'Tên phí, lệ phí', 30),
      col('kind', 'Loại', 10, enumOf(FEE_KIND_LABELS)),
      col('amount', 'Mức thu (đồng)', 14, int),
      col('formula', 'Cách tính', 30),
      col('per', 'Đơn vị tính', 14),
      col('channels', 'Áp dụng cho cách thức', 18, enumsOf(CHANNEL_LABELS)),
      col('exemptions', 'Miễn, giảm', 30, lines)],
  },
  cases: {
    name: 'Trường hợp',
    hint: 'Trường hợp thủ tục. Giấy tờ, thời hạn, phí và quy trình riêng của trường hợp ghi ở các trang tương ứng với Mã trường hợp.',
    columns: [...KEY, CASE,
      col('name', 'Tên trường hợp', 40),
      col('description', 'Mô tả', 40),
      col('requirements', 'Yêu cầu, điều kiện riêng', 40, lines)],
  },
  results: {
    name: 'Kết quả',
    hint: 'Kết quả thực hiện thủ tục.',
    columns: [...KEY, col('name', 'Tên kết quả', 40), col('template', 'Tệp mẫu kết quả', 24)],
  },
  legalBasis: {
    name: 'Căn cứ pháp lý',
    hint: 'Văn bản quy phạm pháp luật làm căn cứ.',
    columns: [...KEY,
      col('number', 'Số hiệu', 18),
      col('title', 'Trích yếu', 50),
      col('date', 'Ngày ban hành', 14, date),
      col('issuer', 'Cơ quan ban hành', 24),
      col('articles', 'Điều, khoản', 24, lines)],
  },
  process: {
    name: 'Quy trình nội bộ',
    hint: 'Mỗi dòng là một bước của quy trình nội bộ. Số quy trình tách các quy trình của cùng thủ tục (ví dụ quy trình riêng cho trực tuyến). '
      + 'Nơi xử lý: ghi đúng một trong Mã đơn vị, Chức năng đơn vị hoặc Cơ quan ngoài.',
    columns: [...KEY, CASE,
      col('process', 'Số quy trình', 9, int),
      col('channels', 'Áp dụng cho cách thức', 18, enumsOf(CHANNEL_LABELS)),
      col('order', 'Bước', 7, int),
      col('name', 'Tên bước', 24),
      col('action', 'Nội dung xử lý', 40),
      col('unitCode', 'Mã đơn vị', 14),
      col('function', 'Chức năng đơn vị', 16),
      col('externalAgency', 'Cơ quan ngoài', 24),
      col('role', 'Vai trò', 24, enumOf(ROLE_LABELS)),
      col('budget', 'Thời gian', 9, int),
      col('budgetUnit', 'Đơn vị thời gian', 14, enumOf(BUDGET_UNIT_LABELS)),
      col('interAgency', 'Liên thông', 9, bool),
      col('output', 'Kết quả của bước', 24)],
  },
} satisfies Record<string, SheetSpec>;

export type SheetKey = keyof typeof SHEETS;

/** Choice cells: the Vietnamese label or the code, compared without accents or case. */
export function decodeChoice(value: string, labels: Record<string, string>): string | undefined {
  const wanted = normalizeForSearch(value);
  for (const [code, label] of Object.entries(labels)) {
    if (normalizeForSearch(code) === wanted || normalizeForSearch(label) === wanted) return code;
  }
  return undefined;
}

/** "H30.102 - Sở Tư pháp" or just "Thuế tỉnh Lai Châu" (a body outside the org tree has no code). */
export function decodeAgency(value: string): { code?: string; name: string } {
  const m = /^([A-Y]\d{2}(?:\.[0-9A-Z]{2,3})*)\s+-\s+(.+)$/.exec(value.trim());
  return m ? { code: m[1]!, name: m[2]!.trim() } : { name: value.trim() };
}

export function encodeAgency(a: { code?: string | undefined; name: string }): string {
  return a.code ? `${a.code} - ${a.name}` : a.name;
}
