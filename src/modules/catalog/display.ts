/**
 * Wording of a procedure for people (posting sheet, public page): times, counts, who acts in an
 * internal-process step. Shared with the web app — no Node-only imports.
 */
import { CHANNEL_LABELS, ROLE_LABELS, TIME_UNIT_LABELS } from './labels.js';
import type { InternalStep, ProcessingTime, RequiredDocument } from './schema.js';

/**
 * Common function tags of org units (see demo/org/units.json, `function`); a province may add its
 * own, which then show as written.
 */
export const FUNCTION_LABELS: Record<string, string> = {
  one_stop: 'Bộ phận Một cửa',
  leadership: 'Lãnh đạo cơ quan',
  judicial_admin: 'Công chức Tư pháp - Hộ tịch',
  judicial_support: 'Bổ trợ tư pháp',
  culture_social: 'Công chức Văn hóa - Xã hội',
  economy: 'Công chức Kinh tế',
  business_registration: 'Đăng ký kinh doanh',
  construction: 'Quản lý xây dựng',
  transport: 'Giao thông vận tải',
  land_registry: 'Văn phòng đăng ký đất đai',
  environment: 'Tài nguyên và môi trường',
  culture: 'Văn hóa, thể thao và du lịch',
  health: 'Y tế',
  education: 'Giáo dục và đào tạo',
  civil_service: 'Công chức, viên chức',
  reform: 'Cải cách hành chính',
  digital: 'Chuyển đổi số',
  budget: 'Tài chính, ngân sách',
};

export function timeText(t: ProcessingTime): string {
  const base = `${t.amount} ${TIME_UNIT_LABELS[t.unit]}`;
  return t.cutoff ? `${base} (nhận sau ${t.cutoff} thì tính từ ngày làm việc tiếp theo)` : base;
}

export function channelText(kind: keyof typeof CHANNEL_LABELS): string {
  const label = CHANNEL_LABELS[kind];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** "1 bản chính, 1 bản sao" — what the applicant hands in for one document. */
export function copiesText(d: Pick<RequiredDocument, 'originals' | 'copies' | 'certifiedCopies' | 'presentOnly'>): string {
  const parts: string[] = [];
  if (d.originals) parts.push(`${d.originals} bản chính`);
  if (d.certifiedCopies) parts.push(`${d.certifiedCopies} bản sao chứng thực`);
  if (d.copies) parts.push(`${d.copies} bản sao`);
  const text = parts.join(', ');
  return d.presentOnly ? `${text} (xuất trình để đối chiếu)` : text;
}

/** Who handles an internal-process step, given the names of the province's units by code. */
export function responsibleText(step: Pick<InternalStep, 'responsible'>, unitName: (code: string) => string | undefined = () => undefined): string {
  const r = step.responsible;
  const where = r.unitCode ? unitName(r.unitCode) ?? r.unitCode
    : r.function ? FUNCTION_LABELS[r.function] ?? r.function
    : r.externalAgency?.name ?? '';
  return `${where} — ${ROLE_LABELS[r.role]}`;
}

export function budgetText(b: InternalStep['budget']): string {
  return `${b.amount} ${b.unit === 'working_days' ? 'ngày làm việc' : 'giờ làm việc'}`;
}
