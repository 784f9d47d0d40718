import { defineMessages } from '../../shared/i18n';

const vi = {
  'bell.label': 'Thông báo',
  'bell.unread': 'Thông báo: {n} chưa đọc',
  'bell.none': 'Thông báo: không có thông báo mới',
  'title': 'Thông báo của tôi',
  'subtitle': 'Nhắc việc về hồ sơ quá hạn bước, sắp đến hạn và danh sách hồ sơ quá hạn hằng ngày.',
  'filter.all': 'Tất cả',
  'filter.unread': 'Chưa đọc ({n})',
  'markRead': 'Đánh dấu đã đọc',
  'markAllRead': 'Đánh dấu tất cả đã đọc',
  'markedAll': 'Đã đánh dấu {n} thông báo là đã đọc.',
  'open': 'Xem hồ sơ',
  'openList': 'Mở danh sách',
  'unreadTag': 'Chưa đọc',
  'readAt': 'Đã đọc lúc {at}',
  'empty': 'Bạn chưa có thông báo nào.',
  'emptyUnread': 'Không có thông báo chưa đọc.',
  'showMore': 'Xem đầy đủ',
  'showLess': 'Thu gọn',
  'kind.step_overdue': 'Quá thời gian bước',
  'kind.near_due': 'Sắp đến hạn',
  'kind.overdue_digest': 'Hồ sơ quá hạn trong ngày',
} as const;

const en: Record<keyof typeof vi, string> = {
  'bell.label': 'Notifications',
  'bell.unread': 'Notifications: {n} unread',
  'bell.none': 'Notifications: nothing new',
  'title': 'My notifications',
  'subtitle': 'Reminders about steps past their time, deadlines coming up and the daily list of overdue dossiers.',
  'filter.all': 'All',
  'filter.unread': 'Unread ({n})',
  'markRead': 'Mark as read',
  'markAllRead': 'Mark all as read',
  'markedAll': '{n} notifications marked as read.',
  'open': 'Open the dossier',
  'openList': 'Open the list',
  'unreadTag': 'Unread',
  'readAt': 'Read at {at}',
  'empty': 'You have no notifications yet.',
  'emptyUnread': 'No unread notifications.',
  'showMore': 'Show all',
  'showLess': 'Show less',
  'kind.step_overdue': 'Step past its time',
  'kind.near_due': 'Deadline coming up',
  'kind.overdue_digest': 'Overdue dossiers today',
};

export const notificationMessages = defineMessages(vi, en);
export const useNotificationT = notificationMessages.useT;
export type NotificationKey = keyof typeof vi;
