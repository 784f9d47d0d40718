import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

/** The audit log's words for the registry's exchange part (issue 19). */
export const registryExchangeAuditVocabulary: AuditVocabulary = {
  actions: {
    'registry.exchange_delivered': { vi: 'Gửi văn bản điện tử đến nơi nhận khi ban hành', en: 'Document delivered to its addressees on release' },
    'registry.exchange_received': { vi: 'Báo nhận văn bản đến qua trục liên thông', en: 'Reception receipt sent for an exchanged document' },
    'registry.exchange_sent': { vi: 'Gửi văn bản ra ngoài qua trục liên thông', en: 'Document sent through the outside exchange' },
    'registry.exchange_send_failed': { vi: 'Không gửi được văn bản ra ngoài qua trục liên thông', en: 'Sending through the outside exchange failed' },
    'registry.exchange_recalled': { vi: 'Thu hồi văn bản đã ban hành', en: 'Released document recalled' },
    'registry.exchange_recall_sent': { vi: 'Báo thu hồi văn bản đến nơi nhận bên ngoài', en: 'Recall notice sent to an outside addressee' },
    'registry.exchange_returned': { vi: 'Trả lại văn bản đến gửi sai nơi nhận', en: 'Wrongly addressed document returned to its sender' },
  },
  entities: {},
};
