import { defineMessages } from '../../shared/i18n';

const vi = {
  'menu.overview': 'Tổng quan',
  'overview.greeting': 'Xin chào, {name}',
  'overview.account': 'Thông tin tài khoản',
  'overview.unit': 'Đơn vị công tác',
  'overview.username': 'Tên đăng nhập',
  'overview.roles': 'Vai trò được giao',
  'overview.noRoles': 'Chưa được phân quyền. Vui lòng liên hệ quản trị hệ thống.',
  'overview.at': 'tại {unit}',
  'overview.dossiers': 'Hồ sơ cần xử lý',
  'overview.shortcuts': 'Lối tắt',
  'overview.unitWork': 'Công việc của đơn vị',
  'overview.toAssign': 'Hồ sơ chờ phân công',
  'overview.toAssignEmpty': 'Không có hồ sơ nào chờ phân công.',
  'overview.oversight': 'Hồ sơ trong phạm vi theo dõi',
  'overview.scope': 'Phạm vi theo dõi: {units}',
  'preview.due': 'hạn {due}',
  'preview.all': 'Xem tất cả',
} as const;

const en: Record<keyof typeof vi, string> = {
  'menu.overview': 'Overview',
  'overview.greeting': 'Hello, {name}',
  'overview.account': 'Your account',
  'overview.unit': 'Unit',
  'overview.username': 'Username',
  'overview.roles': 'Roles granted',
  'overview.noRoles': 'No role granted yet. Please contact the system administrator.',
  'overview.at': 'at {unit}',
  'overview.dossiers': 'Dossiers to handle',
  'overview.shortcuts': 'Shortcuts',
  'overview.unitWork': 'Your unit’s work',
  'overview.toAssign': 'Waiting to be assigned',
  'overview.toAssignEmpty': 'Nothing is waiting to be assigned.',
  'overview.oversight': 'Dossiers in your oversight',
  'overview.scope': 'Oversight: {units}',
  'preview.due': 'due {due}',
  'preview.all': 'See all',
};

export const workspaceMessages = defineMessages(vi, en);
export const useWorkspaceT = workspaceMessages.useT;
