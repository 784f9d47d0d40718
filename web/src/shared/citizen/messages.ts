import { defineMessages } from '../i18n';

const vi = {
  'signIn.title': 'Đăng nhập để dùng dịch vụ công trực tuyến',
  'signIn.intro': 'Nộp hồ sơ, thanh toán, theo dõi và nhận kết quả trực tuyến bằng tài khoản định danh điện tử (VNeID) của bạn. Thông tin cá nhân được điền sẵn từ tài khoản định danh, bạn không phải khai lại.',
  'signIn.button': 'Đăng nhập bằng VNeID',
  'signOut': 'Đăng xuất',
  'header.signIn': 'Đăng nhập VNeID',
  'header.signInShort': 'VNeID',
  'header.menu': 'Tài khoản công dân: {name}',
  'menu.account': 'Tài khoản của tôi',
  'menu.dossiers': 'Hồ sơ của tôi',
  'signOut.failed': 'Không đăng xuất được. Vui lòng thử lại.',
};
const en: typeof vi = {
  'signIn.title': 'Sign in to use online public services',
  'signIn.intro': 'File, pay, follow and receive your results online with your electronic identity (VNeID). Your details come from your e-ID; you never type them again.',
  'signIn.button': 'Sign in with VNeID',
  'signOut': 'Sign out',
  'header.signIn': 'Sign in with VNeID',
  'header.signInShort': 'VNeID',
  'header.menu': 'Citizen account: {name}',
  'menu.account': 'My account',
  'menu.dossiers': 'My dossiers',
  'signOut.failed': 'Could not sign out. Please try again.',
};

export const citizenMessages = defineMessages(vi, en);
export const useCitizenT = citizenMessages.useT;
