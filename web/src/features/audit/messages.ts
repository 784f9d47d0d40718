import { defineMessages } from '../../shared/i18n';

const vi = {
  'menu.audit': 'Nhật ký',
  'title': 'Nhật ký hệ thống',
  'subtitle': 'Mọi thay đổi dữ liệu được ghi lại, không thể sửa hoặc xóa.',
  'filter.action': 'Hành động',
  'filter.entity': 'Đối tượng',
  'filter.actor': 'Người thực hiện',
  'filter.period': 'Khoảng thời gian',
  'filter.all': 'Tất cả',
  'filter.actorHint': 'Họ tên hoặc tên đăng nhập',
  'detail.before': 'Trước khi thay đổi',
  'detail.after': 'Sau khi thay đổi',
  'col.at': 'Thời gian',
  'col.actor': 'Người thực hiện',
  'col.unit': 'Đơn vị',
  'col.action': 'Hành động',
  'col.entity': 'Đối tượng',
  'col.summary': 'Nội dung',
  'col.ip': 'Địa chỉ IP',
  'col.requestId': 'Mã yêu cầu',
  'empty': 'Không có sự kiện nào phù hợp.',
  'shown': 'Đang hiển thị {n} sự kiện',
  'system': 'Hệ thống',
} as const;

const en: Record<keyof typeof vi, string> = {
  'menu.audit': 'Audit log',
  'title': 'Audit log',
  'subtitle': 'Every change to data is recorded and cannot be edited or deleted.',
  'filter.action': 'Action',
  'filter.entity': 'Object',
  'filter.actor': 'Actor',
  'filter.period': 'Period',
  'filter.all': 'All',
  'filter.actorHint': 'Name or username',
  'detail.before': 'Before',
  'detail.after': 'After',
  'col.at': 'Time',
  'col.actor': 'Actor',
  'col.unit': 'Unit',
  'col.action': 'Action',
  'col.entity': 'Object',
  'col.summary': 'Summary',
  'col.ip': 'IP address',
  'col.requestId': 'Request id',
  'empty': 'No matching events.',
  'shown': 'Showing {n} events',
  'system': 'System',
};

export const auditMessages = defineMessages(vi, en);
export const useAuditT = auditMessages.useT;
