import { defineMessages } from '../../shared/i18n';

const vi = {
  'menu.schedule': 'Lịch làm việc',
  'public.title': 'Lịch làm việc',
  'public.hours': 'Bộ phận một cửa tiếp nhận và trả kết quả từ thứ Hai đến thứ Sáu, trừ ngày nghỉ lễ, Tết theo quy định.',
  'admin.title': 'Lịch làm việc, ngày nghỉ',
} as const;

const en: Record<keyof typeof vi, string> = {
  'menu.schedule': 'Working calendar',
  'public.title': 'Working calendar',
  'public.hours': 'One-stop desks receive dossiers and return results Monday to Friday, except public holidays.',
  'admin.title': 'Working days and holidays',
};

export const calendarMessages = defineMessages(vi, en);
export const useCalendarT = calendarMessages.useT;
