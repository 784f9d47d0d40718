import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

export const paymentAuditVocabulary: AuditVocabulary = {
  actions: {
    'payment.started': { vi: 'Tạo lệnh thanh toán trực tuyến', en: 'Online payment order created' },
    'payment.paid': { vi: 'Ghi nhận đã thanh toán trực tuyến', en: 'Online payment confirmed' },
    'payment.failed': { vi: 'Giao dịch thanh toán không thành công', en: 'Online payment failed' },
    'payment.cancelled': { vi: 'Người nộp hủy giao dịch thanh toán', en: 'Online payment cancelled by the payer' },
    // The gateway reported another amount than the order's: rejected and left for staff to look into.
    'payment.amount_mismatch': { vi: 'Số tiền giao dịch không khớp lệnh thanh toán', en: 'Payment amount does not match the order' },
    'payment.reconciled': { vi: 'Đối soát giao dịch thanh toán với cổng thanh toán', en: 'Payments reconciled with the gateway' },
  },
  entities: {
    // A payment is logged by its order reference (vnp_TxnRef).
    payment: { label: { vi: 'Giao dịch thanh toán', en: 'Payment' } },
  },
};
