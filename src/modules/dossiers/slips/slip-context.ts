/**
 * What every slip prints around its body: who issues it (Decree 30/2020 heading: managing body and
 * issuing unit), where (the province's name), the applicant as the dossier recorded them, and the
 * public lookup link with its secret (Decree 118/2025 art. 17(2): the applicant keeps the code).
 * Pure functions over the org tree and the dossier row, so they test without a database.
 */
import { TIME_UNIT_LABELS } from '../../catalog/labels.js';
import type { DossierRow } from '../dossiers.repository.js';
import type { UnitRef } from '../rules/plan.js';

/** The dossier's history does not call for this slip (e.g. a refusal slip for a dossier never refused). */
export class SlipProblem {
  readonly code = 'SLIP_NOT_APPLICABLE';
  constructor(readonly vi: string, readonly en: string) {}
}

export const notApplicable = (vi: string, en: string): SlipProblem => new SlipProblem(vi, en);

import { signingBody } from '../../org/agency-heading.js';
export { provincePlace, slipAgency, type SlipAgency } from '../../org/agency-heading.js';

export function unitName(units: UnitRef[], unitId: number | null): string {
  return unitId === null ? '' : units.find((u) => u.id === unitId)?.name ?? '';
}

/** The name of the body that decides for a unit: "Ủy ban nhân dân phường Tân Phong" for the ward. */
export function bodyName(units: UnitRef[], unitId: number | null): string {
  const unit = unitId === null ? undefined : units.find((u) => u.id === unitId);
  return unit ? signingBody(units, unit).name : '';
}

/**
 * The public lookup link the QR code carries: code and secret, as the receipt prints them. `key`
 * is the documented parameter; the lookup page still reads `k` from receipts printed before.
 */
export function lookupUrl(publicUrl: string, code: string, secret: string): string {
  return `${publicUrl.replace(/\/$/, '')}/tra-cuu?ma=${encodeURIComponent(code)}&key=${encodeURIComponent(secret)}`;
}

export type StoredApplicant = {
  kind?: 'citizen' | 'organisation';
  fullName?: string;
  idNumber?: string;
  taxCode?: string;
  phone?: string;
  email?: string;
  address?: string;
  representative?: { fullName?: string; idNumber?: string; position?: string; authorisation?: string };
};

/**
 * The applicant as the slips address them: "Ông/Bà" for a person, the name alone for an
 * organisation, identified by its enterprise code and presented by its representative, who signs
 * as the submitter (as does a citizen's authorised person).
 */
export function applicantView(row: DossierRow) {
  const a = (row.applicant ?? {}) as StoredApplicant;
  const org = a.kind === 'organisation';
  const fullName = a.fullName ?? row.applicant_name;
  const contact = [a.address, a.phone ? `điện thoại ${a.phone}` : undefined].filter(Boolean).join('; ');
  const rep = a.representative;
  const representative = rep?.fullName
    ? [rep.fullName, rep.position, rep.idNumber ? `số định danh cá nhân ${rep.idNumber}` : undefined].filter(Boolean).join(', ') + (rep.authorisation ? ` (${rep.authorisation})` : '')
    : undefined;
  return {
    fullName,
    salutation: org ? fullName : `Ông/Bà ${fullName}`,
    idNumber: org ? a.taxCode ?? a.idNumber : a.idNumber,
    address: a.address,
    phone: a.phone,
    email: a.email,
    contact: contact || undefined,
    /** Who signs as the submitter: the representative when there is one. */
    submitter: rep?.fullName || fullName,
    representative,
    representativeLabel: org ? 'Người đại diện của tổ chức' : 'Người được ủy quyền nộp hồ sơ',
  };
}

type StoredTime = { amount?: number; unit?: keyof typeof TIME_UNIT_LABELS; caseName?: string | null; copies?: number };

export function processingTimeView(row: DossierRow) {
  const t = (row.processing_time ?? {}) as StoredTime;
  return {
    text: t.amount && t.unit ? `${t.amount} ${TIME_UNIT_LABELS[t.unit] ?? t.unit}` : undefined,
    caseName: t.caseName ?? undefined,
    sets: t.copies ?? 1,
  };
}

export const CHANNEL_TEXT: Record<string, string> = {
  desk: 'Trực tiếp tại Bộ phận Một cửa',
  post: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến trên Cổng Dịch vụ công',
};

export const CHANNEL_SHORT: Record<string, string> = { desk: 'trực tiếp', post: 'qua bưu chính', online: 'trực tuyến' };

/** "Đăng ký nhận kết quả tại": where and how the result goes back (Form 01, item 6). */
export function resultDeliveryText(row: DossierRow, deskName: string): string {
  const a = (row.applicant ?? {}) as StoredApplicant;
  switch (row.result_delivery) {
    case 'post':
      return `Qua dịch vụ bưu chính công ích${a.address ? `, đến địa chỉ: ${a.address}` : ''}`;
    case 'online':
      return 'Trực tuyến, qua tài khoản của người nộp trên Cổng Dịch vụ công';
    default:
      return deskName ? `Trực tiếp tại ${deskName}` : 'Trực tiếp tại Bộ phận Một cửa nơi nộp hồ sơ';
  }
}
