import { AppError, errors } from '../../platform/http/app-error.js';
import { CalendarRuleError, type CalendarRuleErrorCode } from './rules/index.js';

/** The rules throw CalendarRuleError (no HTTP there); these are the 400s the API answers with. */
const RULE_MESSAGES: Record<CalendarRuleErrorCode, string> = {
  DATE_INVALID: 'Ngày không hợp lệ (cần dạng YYYY-MM-DD và là ngày có thật).',
  DATE_OUT_OF_RANGE: 'Ngày nằm ngoài phạm vi lịch được hỗ trợ (1900–2100).',
  TIME_INVALID: 'Giờ phải có dạng HH:mm.',
  LUNAR_DATE_INVALID: 'Ngày âm lịch không hợp lệ.',
  LUNAR_DATE_NOT_FOUND: 'Ngày âm lịch này không tồn tại.',
  HOURS_INVALID: 'Giờ làm việc không hợp lệ: các khoảng giờ phải theo thứ tự, không chồng lên nhau và kết thúc sau khi bắt đầu.',
  NOTICE_INVALID: 'Thông báo nghỉ lễ không hợp lệ.',
  DEADLINE_INVALID: 'Không tính được thời hạn với dữ liệu đã nhập.',
};

export function fromRuleError(err: unknown, path?: string): never {
  if (err instanceof CalendarRuleError) {
    const vi = RULE_MESSAGES[err.code];
    if (path) throw errors.validation([{ path, message: vi, messageEn: err.message }]);
    throw new AppError(err.code, 400, vi, err.message);
  }
  throw err;
}

export const noticeNotFound = () => errors.notFound('thông báo nghỉ lễ', 'Notice', 'NOTICE_NOT_FOUND');

export const noticeTaken = () => new AppError('NOTICE_ALREADY_RECORDED', 409,
  'Văn bản này (cùng số hiệu và ngày ban hành) đã được ghi nhận cho năm này. Thu hồi bản cũ trước nếu cần ghi lại.',
  'This notice (same number and date) is already recorded for the year. Withdraw it first to record it again.',
  [{ path: 'document', message: 'Văn bản đã được ghi nhận.', messageEn: 'Already recorded.' }]);

export function fieldError(path: string, vi: string, en: string): AppError {
  return errors.validation([{ path, message: vi, messageEn: en }]);
}
