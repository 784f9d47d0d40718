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
};

export const workspaceMessages = defineMessages(vi, en);
export const useWorkspaceT = workspaceMessages.useT;
