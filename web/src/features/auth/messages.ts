import { defineMessages } from '../../shared/i18n';

const vi = {
  'login.title': 'Đăng nhập hệ thống',
  'login.subtitle': 'Dành cho cán bộ, công chức, viên chức',
  'login.username': 'Tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.usernameRequired': 'Vui lòng nhập tên đăng nhập',
  'login.passwordRequired': 'Vui lòng nhập mật khẩu',
  'login.failed': 'Đăng nhập không thành công',
  'login.backToPortal': 'Về Cổng dịch vụ công',
  'password.title': 'Đổi mật khẩu',
  'password.mustChange': 'Bạn cần đổi mật khẩu trước khi tiếp tục sử dụng hệ thống.',
  'password.current': 'Mật khẩu hiện tại',
  'password.new': 'Mật khẩu mới',
  'password.confirm': 'Nhập lại mật khẩu mới',
  'password.required': 'Vui lòng nhập mật khẩu',
  'password.minLength': 'Mật khẩu mới phải có ít nhất {n} ký tự',
  'password.sameAsOld': 'Mật khẩu mới phải khác mật khẩu hiện tại',
  'password.mismatch': 'Hai mật khẩu mới không khớp',
  'password.submit': 'Đổi mật khẩu',
  'password.done': 'Đã đổi mật khẩu.',
  'password.hint': 'Ít nhất {n} ký tự; không chứa tên đăng nhập, không dùng mật khẩu phổ biến (như 123456a@, matkhau2025). Một câu ngắn dễ nhớ là mật khẩu tốt.',
} as const;

const en: Record<keyof typeof vi, string> = {
  'login.title': 'Sign in',
  'login.subtitle': 'For civil servants and public employees',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.usernameRequired': 'Please enter your username',
  'login.passwordRequired': 'Please enter your password',
  'login.failed': 'Sign-in failed',
  'login.backToPortal': 'Back to the public portal',
  'password.title': 'Change password',
  'password.mustChange': 'You must change your password before you continue.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Repeat the new password',
  'password.required': 'Please enter a password',
  'password.minLength': 'The new password must have at least {n} characters',
  'password.sameAsOld': 'The new password must differ from the current one',
  'password.mismatch': 'The two new passwords do not match',
  'password.submit': 'Change password',
  'password.done': 'Your password has been changed.',
  'password.hint': 'At least {n} characters; not containing the username, not a common password (like 123456a@, matkhau2025). A short sentence makes a good password.',
} as const;

export const authMessages = defineMessages(vi, en);
export const useAuthT = authMessages.useT;
