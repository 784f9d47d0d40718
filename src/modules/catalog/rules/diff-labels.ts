/**
 * The version history in words: where a change is ("Thành phần hồ sơ › «Tờ khai» › Số bản sao",
 * not `documents[Tờ khai].copies`) and what the values were ("trực tuyến", "Có", "5 ngày làm việc"
 * rather than `online`, `true`, `{"amount":5,…}`). Pure; the labels follow the field names of
 * schema.ts and schema-parts.ts.
 */
import { FUNCTION_LABELS } from '../display.js';
import {
  APPLICANT_LABELS, CHANNEL_LABELS, FIELD_LABELS, LEVEL_LABELS, ONLINE_MODE_LABELS, ROLE_LABELS, TIME_UNIT_LABELS, VERSION_STATUS_LABELS,
} from '../labels.js';

type Segment = string | number;

const AGENCY = { code: 'Mã cơ quan', name: 'Tên cơ quan' };
const TIME = { amount: 'Thời hạn', unit: 'Đơn vị thời hạn', cutoff: 'Giờ tiếp nhận tối đa trong ngày' };

/** Labels of the fields inside each part of the record, by the part's name. */
const NESTED: Record<string, Record<string, string>> = {
  field: { code: 'Mã lĩnh vực', name: 'Tên lĩnh vực' },
  implementingAgency: AGENCY,
  coordinatingAgencies: AGENCY,
  externalAgency: AGENCY,
  channels: { kind: 'Cách thức', time: 'Thời hạn giải quyết', note: 'Ghi chú' },
  time: TIME,
  documents: {
    name: 'Tên giấy tờ', originals: 'Số bản chính', copies: 'Số bản sao', certifiedCopies: 'Số bản sao chứng thực',
    presentOnly: 'Chỉ xuất trình để đối chiếu', optional: 'Không bắt buộc', formTemplate: 'Mẫu đơn, tờ khai',
    reusableFromNationalDb: 'Khai thác từ cơ sở dữ liệu, không yêu cầu nộp', note: 'Ghi chú',
  },
  fees: { name: 'Tên phí, lệ phí', kind: 'Loại', amount: 'Mức thu', formula: 'Cách tính', per: 'Đơn vị tính', channels: 'Áp dụng cho cách thức', exemptions: 'Trường hợp miễn, giảm' },
  legalBasis: { number: 'Số hiệu văn bản', title: 'Trích yếu', date: 'Ngày ban hành', issuer: 'Cơ quan ban hành', articles: 'Điều, khoản' },
  steps: {
    order: 'Thứ tự', title: 'Tên bước', where: 'Nơi thực hiện', who: 'Người thực hiện', what: 'Nội dung công việc',
    documents: 'Giấy tờ', cost: 'Chi phí', duration: 'Thời gian', legalBasis: 'Căn cứ', recourse: 'Quyền khiếu nại, kiến nghị',
  },
  internalSteps: {
    order: 'Thứ tự', name: 'Tên bước xử lý', action: 'Nội dung xử lý', responsible: 'Nơi xử lý', budget: 'Thời gian của bước',
    interAgency: 'Liên thông', output: 'Kết quả của bước',
  },
  internalProcesses: { channels: 'Áp dụng cho cách thức', steps: 'Các bước xử lý' },
  responsible: { unitCode: 'Mã đơn vị', function: 'Chức năng đơn vị', externalAgency: 'Cơ quan ngoài', role: 'Vai trò' },
  budget: { amount: 'Thời gian', unit: 'Đơn vị' },
  cases: { ...FIELD_LABELS, code: 'Mã trường hợp', name: 'Tên trường hợp', description: 'Mô tả trường hợp' },
  results: { name: 'Tên kết quả', template: 'Mẫu kết quả' },
  version: { number: 'Số phiên bản', status: 'Trạng thái', decision: 'Quyết định công bố', effectiveFrom: 'Ngày có hiệu lực', effectiveTo: 'Ngày hết hiệu lực', changeNote: 'Nội dung thay đổi' },
  decision: { number: 'Số quyết định', date: 'Ngày quyết định', signer: 'Người ký', title: 'Trích yếu' },
};

/** Fields that hold a list of records (or of values): the segment after them names an element. */
const LISTS = new Set(['channels', 'coordinatingAgencies', 'documents', 'fees', 'legalBasis', 'steps', 'results', 'cases', 'internalProcesses', 'exemptions', 'articles']);

/** What kind of record a field holds, given the record it is in (steps of a process are not procedure steps). */
function kindOf(name: string, parent: string | undefined): string {
  if (name === 'steps' && parent === 'internalProcesses') return 'internalSteps';
  return name;
}

/**
 * Follows a path through the record: the label of each segment, and at the end the kind of record
 * the value is (`kind`) or, when the path stops at a list, the kind of its elements (`listOf`).
 */
function trace(segments: readonly Segment[]): { labels: string[]; kind?: string; listOf?: string } {
  const labels: string[] = [];
  let kind: string | undefined;
  let listOf: string | undefined;
  for (const s of segments) {
    if (listOf !== undefined) {
      labels.push(elementName(listOf, s));
      kind = listOf;
      listOf = undefined;
      continue;
    }
    const name = String(s);
    labels.push((kind && NESTED[kind]?.[name]) ?? FIELD_LABELS[name] ?? name);
    const next = kindOf(name, kind);
    if (LISTS.has(name)) [listOf, kind] = [next, undefined];
    else kind = next;
  }
  return { labels, ...(kind ? { kind } : {}), ...(listOf ? { listOf } : {}) };
}

/** "Thành phần hồ sơ › «Tờ khai» › Số bản sao". */
export function describeLocation(segments: readonly Segment[]): string {
  return trace(segments).labels.join(' › ');
}

/** An element of a list: by its key when it has one ("«Tờ khai»", "Bước 2"), else by its position. */
function elementName(list: string, s: Segment): string {
  if (list === 'channels' && typeof s === 'string') return `Cách thức ${CHANNEL_LABELS[s as keyof typeof CHANNEL_LABELS] ?? s}`;
  if ((list === 'steps' || list === 'internalSteps') && typeof s === 'number') return `Bước ${s}`;
  if (list === 'cases') return `Trường hợp ${s}`;
  if (list === 'legalBasis' && typeof s === 'string') return `Văn bản ${s}`;
  if (list === 'internalProcesses' && typeof s === 'number') return `Quy trình ${s + 1}`;
  if (typeof s === 'number') return `Mục ${s + 1}`;
  return `«${s}»`;
}

const ENUMS: Record<string, Record<string, string>> = {
  levels: LEVEL_LABELS,
  applicants: APPLICANT_LABELS,
  onlineMode: ONLINE_MODE_LABELS,
  kind: { ...CHANNEL_LABELS, fee: 'Phí', charge: 'Lệ phí' },
  channels: CHANNEL_LABELS,
  unit: TIME_UNIT_LABELS,
  role: ROLE_LABELS,
  function: FUNCTION_LABELS,
  status: VERSION_STATUS_LABELS,
};

/** The last named field of a path (list positions and keys skipped). */
function fieldName(segments: readonly Segment[]): string {
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i]!;
    if (typeof s === 'string' && /^[a-z][A-Za-z]*$/.test(s)) return s;
  }
  return '';
}

/** A value as a person reads it. Records become "Label: value" lines; lists become lines. */
export function describeValue(segments: readonly Segment[], value: unknown): string {
  const field = fieldName(segments);
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'string') return ENUMS[field]?.[value] ?? value;
  if (typeof value === 'number') return field === 'amount' && segments.includes('fees') ? `${value.toLocaleString('vi-VN')} đồng` : String(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => describeValue(segments, v));
    return items.join(value.some((v) => typeof v === 'object' && v !== null) ? '\n\n' : '\n');
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // A deadline or step budget reads as one phrase: "5 ngày làm việc".
    if (typeof record.amount === 'number' && typeof record.unit === 'string' && Object.keys(record).every((k) => ['amount', 'unit', 'cutoff'].includes(k))) {
      const unit = TIME_UNIT_LABELS[record.unit as keyof typeof TIME_UNIT_LABELS] ?? record.unit;
      return `${record.amount} ${unit}${record.cutoff ? ` (nhận trước ${record.cutoff})` : ''}`;
    }
    const { kind, listOf } = trace(segments);
    const labels = NESTED[listOf ?? kind ?? ''] ?? {};
    return Object.entries(record)
      .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `${labels[k] ?? FIELD_LABELS[k] ?? k}: ${describeValue([...segments, k], v).replace(/\n/g, '; ')}`)
      .join('\n');
  }
  return String(value);
}
