/**
 * Why an e-ID sign-in was refused, in words for the citizen (Vietnamese first). The callback never
 * answers 500: each refusal sends the browser to the portal's sign-in page with its code, is logged
 * and audited. The web app holds the same words (web/src/features/citizen/messages.ts).
 */
export const SIGN_IN_REFUSALS = {
  OIDC_NOT_CONFIGURED: {
    vi: 'Cổng chưa được kết nối với hệ thống định danh điện tử. Vui lòng liên hệ bộ phận một cửa.',
    en: 'The portal is not connected to an e-ID provider yet. Please contact the one-stop desk.',
  },
  OIDC_PROVIDER_UNAVAILABLE: {
    vi: 'Không kết nối được hệ thống định danh điện tử. Vui lòng thử lại sau ít phút.',
    en: 'The e-ID provider cannot be reached. Please try again in a few minutes.',
  },
  OIDC_STATE_MISMATCH: {
    vi: 'Phiên đăng nhập không hợp lệ hoặc đã quá 10 phút. Vui lòng đăng nhập lại từ đầu trên cùng trình duyệt.',
    en: 'The sign-in attempt is invalid or older than 10 minutes. Please start again in the same browser.',
  },
  OIDC_CANCELLED: {
    vi: 'Bạn đã hủy đăng nhập bằng định danh điện tử.',
    en: 'You cancelled the e-ID sign-in.',
  },
  OIDC_PROVIDER_ERROR: {
    vi: 'Hệ thống định danh điện tử từ chối yêu cầu đăng nhập. Vui lòng thử lại.',
    en: 'The e-ID provider refused the sign-in request. Please try again.',
  },
  OIDC_CODE_REJECTED: {
    vi: 'Mã đăng nhập đã được dùng hoặc đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'The sign-in code was already used or has expired. Please sign in again.',
  },
  OIDC_TOKEN_EXPIRED: {
    vi: 'Thông tin xác thực từ hệ thống định danh đã hết hạn (hoặc đồng hồ máy chủ lệch). Vui lòng đăng nhập lại.',
    en: 'The identity token has expired (or the server clock is off). Please sign in again.',
  },
  OIDC_TOKEN_INVALID: {
    vi: 'Thông tin xác thực từ hệ thống định danh không hợp lệ (sai chữ ký hoặc không dành cho cổng này). Đăng nhập bị từ chối.',
    en: 'The identity token is invalid (bad signature or not meant for this portal). Sign-in refused.',
  },
  OIDC_CLAIMS_INCOMPLETE: {
    vi: 'Tài khoản định danh điện tử không cung cấp đủ thông tin (họ tên, mã định danh). Đăng nhập bị từ chối.',
    en: 'The e-ID account did not provide the required details (name, identifier). Sign-in refused.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type RefusalCode = keyof typeof SIGN_IN_REFUSALS;

export class SignInRefused extends Error {
  constructor(readonly code: RefusalCode, readonly detail?: string) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
  }
}

/** The portal page that explains a refusal (and offers to start again). */
export const SIGN_IN_PAGE = '/cong-dan/dang-nhap';
