import type { Confidentiality, DocumentStatus, SigningPrefix, Urgency } from './registry.tables.js';

/** Words shown for the registry's codes (Vietnamese first; the web app has its own English). */
export const STATUS_LABELS: Record<DocumentStatus, string> = {
  draft: 'Dự thảo', submitted: 'Trình ký', approved: 'Đã ký duyệt', released: 'Đã ban hành', recalled: 'Đã thu hồi', cancelled: 'Đã hủy',
  arrived: 'Chờ vào sổ', registered: 'Đã vào sổ, chờ phân công', routed: 'Đang giải quyết', done: 'Đã giải quyết', returned: 'Đã trả lại',
};
export const URGENCY_LABELS: Record<Urgency, string> = { normal: 'Thường', khan: 'Khẩn', thuong_khan: 'Thượng khẩn', hoa_toc: 'Hỏa tốc' };
export const CONFIDENTIALITY_LABELS: Record<Confidentiality, string> = { normal: 'Thường', mat: 'Mật', toi_mat: 'Tối mật', tuyet_mat: 'Tuyệt mật' };
export const PREFIX_LABELS: Record<SigningPrefix, string> = { TM: 'TM.', Q: 'Q.', KT: 'KT.', TL: 'TL.', TUQ: 'TUQ.' };
export const URGENCIES = ['normal', 'khan', 'thuong_khan', 'hoa_toc'] as const;
export const CONFIDENTIALITIES = ['normal', 'mat', 'toi_mat', 'tuyet_mat'] as const;
export const SIGNING_PREFIXES = ['TM', 'Q', 'KT', 'TL', 'TUQ'] as const;
export const STATUSES = ['draft', 'submitted', 'approved', 'released', 'recalled', 'cancelled', 'arrived', 'registered', 'routed', 'done', 'returned'] as const;
