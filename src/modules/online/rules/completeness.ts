import type { ProcedureContent, RequiredDocument } from '../../catalog/schema.js';
import { planIntake } from '../../dossiers/rules/plan.js';
import type { DraftContent } from '../schema.js';

export type Problem = { path: string; message: string; messageEn: string };

/**
 * The documents an online filing must carry: every document of the case that is not optional. Two
 * kinds are not asked for online: those only shown at the desk for comparison (the e-ID stands in
 * for showing an identity card), and those the agency reads from a national database (Decree 45/2020
 * as amended, Decree 118/2025: data already held is not requested again).
 */
export function requiredDocuments(p: ProcedureContent, caseCode: string | null): { all: RequiredDocument[]; required: RequiredDocument[] } | Problem {
  const plan = planIntake(p, caseCode ?? undefined, 'online');
  if ('vi' in plan) return { path: 'caseCode', message: plan.vi, messageEn: plan.en };
  return { all: plan.documents, required: plan.documents.filter((d) => !d.optional && !d.presentOnly && !d.reusableFromNationalDb) };
}

/**
 * What stops a draft from being submitted, each with its field: nothing missing, nothing that the
 * procedure does not allow. `ownedFileIds` are the citizen's own documents (another person's file
 * or a staff scan is simply not among them). Pure: the service reads, this decides.
 */
export function submissionProblems(p: ProcedureContent, c: DraftContent, facts: { receivingUnitIds: number[]; ownedFileIds: Set<string>; hasIdNumber: boolean }): Problem[] {
  const out: Problem[] = [];
  const add = (path: string, message: string, messageEn: string) => out.push({ path, message, messageEn });
  if (!facts.hasIdNumber) add('applicant', 'Tài khoản định danh của bạn chưa có số định danh cá nhân; không thể nộp hồ sơ trực tuyến.', 'Your e-ID account has no personal ID number.');
  if (p.cases.length && !c.caseCode && !p.channels.some((ch) => ch.kind === 'online')) add('caseCode', 'Hãy chọn trường hợp của thủ tục.', 'Choose the case.');
  if (!c.receivingUnitId || !facts.receivingUnitIds.includes(c.receivingUnitId)) add('receivingUnitId', 'Hãy chọn nơi tiếp nhận hồ sơ.', 'Choose where the dossier is received.');
  if (!p.applicants.includes(c.applicantKind)) {
    add('applicantKind', c.applicantKind === 'organisation' ? 'Thủ tục này chỉ dành cho cá nhân.' : 'Thủ tục này chỉ dành cho tổ chức; hãy nộp với tư cách người đại diện của tổ chức.', 'The procedure is not for this kind of applicant.');
  }
  if (c.applicantKind === 'organisation') {
    if (!c.organisation?.name) add('organisation.name', 'Hãy nhập tên tổ chức.', 'Enter the organisation’s name.');
    if (!c.organisation?.taxCode) add('organisation.taxCode', 'Hãy nhập mã số doanh nghiệp/mã số thuế của tổ chức.', 'Enter the organisation’s tax code.');
  }
  if (!c.request) add('request', 'Hãy ghi nội dung đề nghị.', 'Write what you request.');
  if (c.delivery.method === 'post' && !c.delivery.address) add('delivery.address', 'Nhận kết quả qua bưu chính cần địa chỉ nhận.', 'Postal delivery needs an address.');
  const docs = requiredDocuments(p, c.caseCode);
  if ('path' in docs) {
    out.push(docs);
    return out;
  }
  const names = new Set(docs.all.map((d) => d.name));
  c.documents.forEach((d, i) => {
    if (!names.has(d.name)) add(`documents.${i}.name`, `"${d.name}" không có trong thành phần hồ sơ của thủ tục.`, 'Not a document of this procedure.');
    if (!facts.ownedFileIds.has(String(d.fileId))) add(`documents.${i}.fileId`, `Không tìm thấy tệp đính kèm của giấy tờ "${d.name}" trong kho giấy tờ của bạn; hãy tải lên lại.`, 'The attached file is not in your documents.');
  });
  const attached = new Set(c.documents.map((d) => d.name));
  docs.required.forEach((d) => {
    if (!attached.has(d.name)) add('documents', `Còn thiếu giấy tờ: ${d.name}.`, `Missing document: ${d.name}.`);
  });
  return out;
}
