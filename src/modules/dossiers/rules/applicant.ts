/**
 * Who submits a dossier, checked the same way at the desk, in the web form and in imported history.
 * A person is named by their personal ID number (số định danh cá nhân, printed on the CCCD); an
 * organisation by its enterprise code, which is its tax code (Law on Enterprises 2020 art. 29), and
 * it acts through a representative — a person with a name and an ID number (Decree 118/2025 art. 17).
 * Every message names the field as the form labels it for that kind of applicant.
 */
export type ApplicantKind = 'citizen' | 'organisation';

/** Personal ID number: 12 digits (CCCD), 9 on an old identity card, or a passport's letters and digits. */
export const PERSON_ID_PATTERN = /^[0-9A-Z]{9,12}$/;
/** Enterprise (tax) code: 10 digits; a branch or dependent unit adds a hyphen and 3 digits. */
export const TAX_CODE_PATTERN = /^\d{10}(-\d{3})?$/;
export const PHONE_PATTERN = /^\+?[0-9 .-]{8,15}$/;
export const NAME_MAX = 200;

export type ApplicantInput = {
  kind?: ApplicantKind | string;
  fullName?: string | null;
  idNumber?: string | null;
  taxCode?: string | null;
  representative?: { fullName?: string | null; idNumber?: string | null } | null;
};

export type ApplicantProblem = { path: string[]; vi: string; en: string };

/**
 * At the desk an organisation must name its representative and their ID number; imported history
 * is taken as it was recorded, with only the formats checked.
 */
export type ApplicantCheck = 'intake' | 'record';

const blank = (v: string | null | undefined) => !v || !v.trim();

export function applicantProblems(a: ApplicantInput, check: ApplicantCheck): ApplicantProblem[] {
  const org = a.kind === 'organisation';
  const out: ApplicantProblem[] = [];
  const name = (a.fullName ?? '').trim();
  if (name.length < 2) {
    out.push(org
      ? { path: ['fullName'], vi: 'Chưa nhập tên tổ chức (ít nhất 2 ký tự).', en: 'Enter the organisation’s name (at least 2 characters).' }
      : { path: ['fullName'], vi: 'Chưa nhập họ và tên người nộp hồ sơ (ít nhất 2 ký tự).', en: 'Enter the applicant’s full name (at least 2 characters).' });
  } else if (name.length > NAME_MAX) {
    out.push(org
      ? { path: ['fullName'], vi: `Tên tổ chức không được dài quá ${NAME_MAX} ký tự.`, en: `The organisation’s name must not exceed ${NAME_MAX} characters.` }
      : { path: ['fullName'], vi: `Họ và tên người nộp hồ sơ không được dài quá ${NAME_MAX} ký tự.`, en: `The applicant’s full name must not exceed ${NAME_MAX} characters.` });
  }
  if (!blank(a.idNumber) && !PERSON_ID_PATTERN.test(a.idNumber!.trim())) {
    out.push(org
      // Older clients sent an organisation's code here; it is kept, in the same format as before.
      ? { path: ['idNumber'], vi: 'Số định danh của tổ chức phải gồm 9–12 chữ số hoặc chữ in hoa.', en: 'The organisation’s identification number must be 9–12 digits or capital letters.' }
      : { path: ['idNumber'], vi: 'Số định danh cá nhân/CCCD phải gồm 12 chữ số (CMND cũ: 9 chữ số; hộ chiếu: chữ in hoa và số).', en: 'The personal ID number (CCCD) must be 12 digits (old ID card: 9; passport: capital letters and digits).' });
  }
  if (!blank(a.taxCode) && !TAX_CODE_PATTERN.test(a.taxCode!.trim())) {
    out.push({ path: ['taxCode'], vi: 'Mã số doanh nghiệp/mã số thuế phải gồm 10 chữ số; chi nhánh, đơn vị phụ thuộc thêm dấu gạch ngang và 3 chữ số.', en: 'The enterprise/tax code must be 10 digits; a branch adds a hyphen and 3 digits.' });
  }
  const rep = a.representative;
  const who = org ? { vi: 'người đại diện tổ chức', en: 'the organisation’s representative' } : { vi: 'người được ủy quyền', en: 'the authorised person' };
  if (org && check === 'intake' && (!rep || blank(rep.fullName))) {
    out.push({ path: ['representative', 'fullName'], vi: 'Tổ chức nộp hồ sơ qua người đại diện: nhập họ và tên người đại diện.', en: 'An organisation submits through its representative: enter the representative’s full name.' });
  } else if (rep && blank(rep.fullName)) {
    out.push({ path: ['representative', 'fullName'], vi: `Chưa nhập họ và tên ${who.vi}.`, en: `Enter the full name of ${who.en}.` });
  } else if (rep && (rep.fullName ?? '').trim().length > NAME_MAX) {
    out.push({ path: ['representative', 'fullName'], vi: `Họ và tên ${who.vi} không được dài quá ${NAME_MAX} ký tự.`, en: `The name of ${who.en} must not exceed ${NAME_MAX} characters.` });
  }
  if (org && check === 'intake' && (!rep || blank(rep.idNumber))) {
    out.push({ path: ['representative', 'idNumber'], vi: 'Nhập số định danh cá nhân/CCCD của người đại diện tổ chức.', en: 'Enter the personal ID number (CCCD) of the organisation’s representative.' });
  } else if (rep && !blank(rep.idNumber) && (check === 'intake' ? !PERSON_ID_PATTERN.test(rep.idNumber!.trim()) : rep.idNumber!.trim().length > 20)) {
    out.push({ path: ['representative', 'idNumber'], vi: `Số định danh cá nhân/CCCD của ${who.vi} phải gồm 12 chữ số (CMND cũ: 9 chữ số).`, en: `The personal ID number of ${who.en} must be 12 digits (old ID card: 9).` });
  }
  return out;
}
