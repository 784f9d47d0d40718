import type { AuditVocabulary } from '../audit/vocabulary.js';

/** The outbox's and the message templates' entries in the audit log. */
export const notifyAuditVocabulary: AuditVocabulary = {
  actions: {
    'outbox.retried': { vi: 'Gửi lại tin nhắn', en: 'Message sent again' },
    'message_template.updated': { vi: 'Sửa mẫu tin nhắn', en: 'Message template edited' },
  },
  entities: {
    outbox_message: { label: { vi: 'Tin nhắn số', en: 'Message no.' } },
    message_template: { label: { vi: 'Mẫu tin nhắn', en: 'Message template' } },
  },
};
