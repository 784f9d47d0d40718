import { officialDate } from '../../../platform/documents/vi-format.js';
import type { FamilyRow, PersonRecord, RecordHeader, SalaryRow } from '../record-fields.js';

/**
 * The Sơ yếu lý lịch cán bộ, công chức (Mẫu 2C-BNV/2008; DOMAIN-MANAGEMENT §C3) as data, so the PDF and
 * the DOCX print the same words in the same order and the wording is tested once, without rendering.
 * Numbers follow 2C-BNV/2008; the record stores fields by name, so only this file knows them.
 */

/** One "label: value" on a line; a missing value is printed as dots for the declarant to fill by hand. */
export type FormEntry = { mark?: string; label: string; value: string | null; strong?: boolean };
export type FormColumn = { header: string; width: number; align?: 'left' | 'center' };
export type SignatureSpec = { above?: string; title: string; notes: string[]; name: string | null };

export type RecordFormPart =
  | { kind: 'agency'; lines: FormEntry[]; formCode: string }
  | { kind: 'title'; text: string; photoLabel: string }
  | { kind: 'item'; entries: FormEntry[] }
  | { kind: 'section'; text: string }
  | { kind: 'label'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'dots'; lines: number }
  /** `rowLabels`: the first cell of each row is its label and there is no header row (the salary grid). */
  | { kind: 'table'; columns: FormColumn[]; rows: string[][]; rowLabels?: boolean }
  | { kind: 'signatures'; blocks: SignatureSpec[] };

export const FORM_CODE = 'Mẫu 2C-BNV/2008';
export const FORM_TITLE = 'SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC';
export const BLANK_VALUE = '.'.repeat(16);
export const DOTTED_LINE = '.'.repeat(150);
/** The 2C grid of salary events is as wide as the page; more events continue in a second grid. */
export const SALARY_EVENTS_PER_GRID = 6;
/** Empty tables keep a few ruled rows: the printout is also the paper the declarant completes. */
const EMPTY_ROWS = 2;

/** "3) Sinh ngày: ", the printed part before the value. */
export function entryLabel(e: FormEntry): string {
  return `${e.mark ? `${e.mark} ` : ''}${e.label}: `;
}

export function entryText(e: FormEntry): string {
  return `${entryLabel(e)}${e.value ?? BLANK_VALUE}`;
}

/** An item line as printed: its entries separated by commas, as the form runs them on. */
export function itemText(entries: FormEntry[]): string {
  return entries.map(entryText).join(', ');
}

const present = (v: string | null | undefined): string | null => (v && v.trim() ? v.trim() : null);

// A record predating validation may hold a malformed date; it is printed as stored rather than failing the whole form.
export function formDay(v: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : present(v);
}

export function formMonth(v: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(v ?? '');
  return m ? `${m[2]}/${m[1]}` : present(v);
}

/** Salary coefficients are written with two decimals and a decimal comma, as in salary decisions ("2,67"). */
export function coefficient(v: number | null | undefined): string | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : v.toFixed(2).replace('.', ',');
}

const span = (from: string | null, to: string | null) => `${from ?? ''} - ${to ?? ''}`;

function dated(on: string, form: string, decisionNo: string, until?: string | null): string {
  const decision = decisionNo ? `Quyết định số ${decisionNo} ngày ${formDay(on)}` : `ngày ${formDay(on)}`;
  return `${form} (${decision}${until ? `, thời hạn đến ${formDay(until)}` : ''})`;
}

function latestSalary(rows: SalaryRow[]): SalaryRow | null {
  return [...rows].sort((a, b) => b.month.localeCompare(a.month))[0] ?? null;
}

function identity(header: RecordHeader, r: PersonRecord): RecordFormPart[] {
  const item = (...entries: FormEntry[]): RecordFormPart => ({ kind: 'item', entries });
  const sex = r.sex === 'male' ? 'Nam' : r.sex === 'female' ? 'Nữ' : null;
  const pay = latestSalary(r.salary ?? []);
  const awards = (r.awards ?? []).map((a) => dated(a.on, a.form, a.decisionNo));
  const discipline = (r.discipline ?? []).map((d) => dated(d.on, d.form, d.decisionNo, d.until));
  const nameAtBirth = present(r.fullNameAtBirth);
  return [
    item({ mark: '1)', label: 'Họ và tên khai sinh (viết chữ in hoa)', value: nameAtBirth && nameAtBirth.toLocaleUpperCase('vi'), strong: true }),
    item({ mark: '2)', label: 'Tên gọi khác', value: present(r.otherNames) }),
    item({ mark: '3)', label: 'Sinh ngày', value: formDay(r.birthDate) }, { label: 'Giới tính (nam, nữ)', value: sex }),
    item({ mark: '4)', label: 'Nơi sinh', value: present(r.birthPlace) }),
    item({ mark: '5)', label: 'Quê quán', value: present(r.homeTown) }),
    // Religion stays blank when the record says nothing: "Không" is the declarant's answer, not ours to assume.
    item({ mark: '6)', label: 'Dân tộc', value: present(r.ethnicity) }, { mark: '7)', label: 'Tôn giáo', value: present(r.religion) }),
    item({ mark: '8)', label: 'Nơi đăng ký thường trú', value: present(r.permanentAddress) }),
    item({ mark: '9)', label: 'Nơi ở hiện nay', value: present(r.currentAddress) }, { label: 'Điện thoại', value: present(r.phone) }),
    item({ mark: '10)', label: 'Nghề nghiệp khi được tuyển dụng', value: present(r.occupationWhenRecruited) }),
    item({ mark: '11)', label: 'Ngày tuyển dụng', value: formDay(header.recruitedOn) }, { label: 'Cơ quan tuyển dụng', value: present(r.recruitingBody) }),
    item({ mark: '12)', label: 'Chức vụ (chức danh) hiện tại', value: present(header.position) }),
    item({ mark: '13)', label: 'Công việc chính được giao', value: present(r.mainDuties) }),
    // The grade is the header's (the person's current placement); the latest salary event stands in when it is not set.
    item({ mark: '14)', label: 'Ngạch công chức', value: present(header.gradeName) ?? present(pay?.gradeName) }, { label: 'Mã ngạch', value: present(header.gradeCode) ?? present(pay?.gradeCode) }),
    item({ label: 'Bậc lương', value: pay ? String(pay.step) : null }, { label: 'Hệ số', value: coefficient(pay?.coefficient) }, { label: 'Ngày hưởng', value: formMonth(pay?.month) }),
    item({ label: 'Phụ cấp chức vụ', value: coefficient(pay?.positionAllowance) }, { label: 'Phụ cấp khác', value: present(pay?.otherAllowances) }),
    item({ mark: '15.1-', label: 'Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào)', value: present(r.generalEducation) }),
    item({ mark: '15.2-', label: 'Trình độ chuyên môn cao nhất', value: present(r.highestQualification) }),
    item({ mark: '15.3-', label: 'Lý luận chính trị', value: present(r.politicalTheory) }, { mark: '15.4-', label: 'Quản lý nhà nước', value: present(r.stateManagement) }),
    item({ mark: '15.5-', label: 'Ngoại ngữ', value: present(r.foreignLanguage) }, { mark: '15.6-', label: 'Tin học', value: present(r.itSkill) }),
    item({ mark: '16)', label: 'Ngày vào Đảng Cộng sản Việt Nam', value: formDay(r.partyJoinedOn) }, { label: 'Ngày chính thức', value: formDay(r.partyOfficialOn) }),
    item({ mark: '17)', label: 'Ngày tham gia tổ chức chính trị - xã hội', value: formDay(r.organisationJoinedOn) }),
    item({ mark: '18)', label: 'Ngày nhập ngũ', value: formDay(r.militaryFrom) }, { label: 'Ngày xuất ngũ', value: formDay(r.militaryTo) }, { label: 'Quân hàm cao nhất', value: present(r.militaryRank) }),
    item({ mark: '19)', label: 'Danh hiệu được phong tặng cao nhất', value: present(r.highestTitle) }),
    item({ mark: '20)', label: 'Sở trường công tác', value: present(r.strengths) }),
    item({ mark: '21)', label: 'Khen thưởng', value: awards.length ? awards.join('; ') : null }),
    item({ mark: '22)', label: 'Kỷ luật', value: discipline.length ? discipline.join('; ') : null }),
    // Height, weight and blood group are on the form but not in the record: left for the declarant.
    item({ mark: '23)', label: 'Tình trạng sức khỏe', value: present(r.health) }, { label: 'Chiều cao', value: null }, { label: 'Cân nặng', value: null }, { label: 'Nhóm máu', value: null }),
    item({ mark: '24)', label: 'Là thương binh hạng, là con gia đình chính sách', value: present(r.policyFamily) }),
    item({ mark: '25)', label: 'Số căn cước công dân', value: present(r.idNumber) }, { label: 'Ngày cấp', value: formDay(r.idIssuedOn) }),
    item({ mark: '26)', label: 'Số sổ BHXH', value: present(r.socialInsuranceNo) }),
  ];
}

function table(columns: FormColumn[], rows: string[][]): RecordFormPart {
  const blank = Array.from({ length: EMPTY_ROWS }, () => columns.map(() => ''));
  return { kind: 'table', columns, rows: rows.length ? rows : blank };
}

const FAMILY_COLUMNS: FormColumn[] = [
  { header: 'Mối quan hệ', width: 14, align: 'center' },
  { header: 'Họ và tên', width: 22 },
  { header: 'Năm sinh', width: 10, align: 'center' },
  { header: 'Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); thành viên các tổ chức chính trị - xã hội', width: 54 },
];

function familyRows(rows: FamilyRow[], side: FamilyRow['side']): string[][] {
  return rows.filter((f) => f.side === side).map((f) => {
    const about = [present(f.occupation), present(f.workplace), f.address.trim() ? `nơi ở: ${f.address.trim()}` : null].filter((s): s is string => !!s);
    return [f.relation, f.fullName, f.birthYear === null ? '' : String(f.birthYear), about.join('; ')];
  });
}

function histories(r: PersonRecord): RecordFormPart[] {
  const training = [...(r.training ?? [])].sort((a, b) => a.from.localeCompare(b.from));
  const career = [...(r.career ?? [])].sort((a, b) => a.from.localeCompare(b.from));
  const family = r.family ?? [];
  const history = present(r.personalHistory);
  return [
    { kind: 'section', text: '27) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ, TIN HỌC' },
    table(
      [
        { header: 'Tên trường', width: 25 },
        { header: 'Chuyên ngành đào tạo, bồi dưỡng', width: 22 },
        { header: 'Từ tháng, năm - đến tháng, năm', width: 21, align: 'center' },
        { header: 'Hình thức đào tạo', width: 13, align: 'center' },
        { header: 'Văn bằng, chứng chỉ, trình độ gì', width: 19 },
      ],
      training.map((t) => [t.institution, t.major, span(formMonth(t.from), formMonth(t.to)), t.form, t.diploma]),
    ),
    { kind: 'note', text: 'Ghi chú: Hình thức đào tạo: chính quy, tại chức, chuyên tu, bồi dưỡng...; Văn bằng: TSKH, TS, ThS, cử nhân, kỹ sư...' },
    { kind: 'section', text: '28) TÓM TẮT QUÁ TRÌNH CÔNG TÁC' },
    table(
      [
        { header: 'Từ tháng, năm đến tháng, năm', width: 22, align: 'center' },
        { header: 'Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội), kể cả thời gian được đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ', width: 78 },
      ],
      // A period still running has no end month: the form writes "nay" (now).
      career.map((c) => [span(formMonth(c.from), c.to ? formMonth(c.to) : 'nay'), `${c.post}, ${c.unit}`]),
    ),
    { kind: 'section', text: '29) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN' },
    { kind: 'label', text: '- Khai rõ: bị bắt, bị tù (thời gian, nơi bị giam), làm việc trong chế độ cũ; tham gia hoặc có quan hệ với tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài; có thân nhân ở nước ngoài (làm gì, địa chỉ):' },
    ...(history ? history.split(/\r?\n/).filter((l) => l.trim()).map((text): RecordFormPart => ({ kind: 'paragraph', text })) : [{ kind: 'dots', lines: 3 } as const]),
    { kind: 'section', text: '30) QUAN HỆ GIA ĐÌNH' },
    { kind: 'label', text: 'a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột' },
    table(FAMILY_COLUMNS, familyRows(family, 'own')),
    { kind: 'label', text: 'b) Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột' },
    table(FAMILY_COLUMNS, familyRows(family, 'spouse')),
  ];
}

/** Item 31 is a grid read across: one column per salary event, rows month, grade code/step, coefficient. */
function salaryGrids(rows: SalaryRow[]): RecordFormPart[] {
  const events = [...rows].sort((a, b) => a.month.localeCompare(b.month));
  const chunks: SalaryRow[][] = [];
  for (let i = 0; i < events.length; i += SALARY_EVENTS_PER_GRID) chunks.push(events.slice(i, i + SALARY_EVENTS_PER_GRID));
  if (!chunks.length) chunks.push([]);
  return chunks.map((chunk): RecordFormPart => {
    const cells = (pick: (s: SalaryRow) => string) => Array.from({ length: SALARY_EVENTS_PER_GRID }, (_, i) => (chunk[i] ? pick(chunk[i]) : ''));
    const eventWidth = 80 / SALARY_EVENTS_PER_GRID;
    return {
      kind: 'table',
      rowLabels: true,
      columns: [{ header: '', width: 20 }, ...Array.from({ length: SALARY_EVENTS_PER_GRID }, (): FormColumn => ({ header: '', width: eventWidth, align: 'center' }))],
      rows: [
        ['Tháng/năm', ...cells((s) => formMonth(s.month) ?? '')],
        ['Mã ngạch/bậc', ...cells((s) => `${s.gradeCode}/${s.step}`)],
        ['Hệ số lương', ...cells((s) => coefficient(s.coefficient) ?? '')],
      ],
    };
  });
}

/** The parts of Mẫu 2C in print order, from the heading to the two signatures. */
export function recordFormSections(header: RecordHeader, record: PersonRecord, opts: { printedOn: string }): RecordFormPart[] {
  return [
    {
      kind: 'agency',
      formCode: FORM_CODE,
      lines: [
        { label: 'Cơ quan, đơn vị có thẩm quyền quản lý CBCC', value: present(header.managingBody) },
        { label: 'Cơ quan, đơn vị sử dụng CBCC', value: present(header.employingUnit) },
        { label: 'Số hiệu cán bộ, công chức', value: present(header.civilServantNo) },
      ],
    },
    { kind: 'title', text: FORM_TITLE, photoLabel: 'Ảnh 4x6' },
    ...identity(header, record),
    ...histories(record),
    { kind: 'section', text: '31) DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ, CÔNG CHỨC' },
    ...salaryGrids(record.salary ?? []),
    { kind: 'section', text: '32) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ, CÔNG CHỨC' },
    { kind: 'dots', lines: 4 },
    {
      kind: 'signatures',
      blocks: [
        { title: 'Người khai', notes: ['Tôi xin cam đoan những lời khai trên đây là đúng sự thật', '(Ký tên, ghi rõ họ tên)'], name: present(header.fullName) },
        // The place is the signing office's, which the record does not hold: left dotted for the head to write.
        { above: `${'.'.repeat(12)}, ${officialDate(opts.printedOn)}`, title: 'Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC', notes: ['(Ký tên, đóng dấu)'], name: null },
      ],
    },
  ];
}
