import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

/** What the working calendar writes to the audit log: a year is named by its number. */
export const calendarAuditVocabulary: AuditVocabulary = {
  actions: {
    'calendar.notice.recorded': { vi: 'Ghi thông báo nghỉ lễ, làm bù', en: 'Holiday notice recorded' },
    'calendar.notice.withdrawn': { vi: 'Thu hồi thông báo nghỉ lễ, làm bù', en: 'Holiday notice withdrawn' },
    'calendar.day.edited': { vi: 'Sửa ngày làm việc', en: 'Calendar day edited' },
    'calendar.year.noted': { vi: 'Ghi chú lịch năm', en: 'Year note edited' },
    'calendar.hours.set': { vi: 'Đặt giờ làm việc', en: 'Office hours set' },
  },
  entities: {
    calendar_year: { label: { vi: 'Lịch làm việc năm', en: 'Working calendar of' } },
    calendar_hours: { label: { vi: 'Giờ làm việc, phiên bản', en: 'Office hours, version' } },
  },
};
