import { AppError, errors } from '../../platform/http/app-error.js';

export const feedbackNotFound = () => errors.notFound('phản ánh, kiến nghị', 'Feedback', 'FEEDBACK_NOT_FOUND');
export const categoryNotFound = () => errors.notFound('loại phản ánh, kiến nghị', 'Feedback category', 'FEEDBACK_CATEGORY_NOT_FOUND');
export const field = (path: string, vi: string, en: string) => errors.validation([{ path, message: vi, messageEn: en }]);
export const notConfigured = () => new AppError('FEEDBACK_NOT_CONFIGURED', 503,
  'Chưa cấu hình đơn vị tiếp nhận phản ánh, kiến nghị. Vui lòng báo quản trị hệ thống.', 'No unit is configured to receive feedback.');
