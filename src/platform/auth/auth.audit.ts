import type { AuditVocabulary } from '../audit/vocabulary.js';

/** What the sign-in code writes to the audit log, and how an account is named there (its username). */
export const authAuditVocabulary: AuditVocabulary = {
  actions: {
    'auth.login': { vi: 'Đăng nhập', en: 'Signed in' },
    'auth.logout': { vi: 'Đăng xuất', en: 'Signed out' },
    'auth.login_failed': { vi: 'Đăng nhập sai mật khẩu', en: 'Failed sign-in' },
    'auth.locked': { vi: 'Khóa tài khoản tạm thời (nhập sai nhiều lần)', en: 'Account locked after failed sign-ins' },
    'auth.password_changed': { vi: 'Đổi mật khẩu', en: 'Password changed' },
    'auth.sessions_revoked': { vi: 'Buộc đăng xuất mọi phiên của cán bộ', en: 'All sessions of a staff member ended' },
  },
  entities: {
    account: {
      label: { vi: 'Tài khoản', en: 'Account' },
      names: async (db, ids) => {
        const numeric = ids.filter((id) => /^\d+$/.test(id)).map(Number);
        if (!numeric.length) return new Map();
        const rows = await db.selectFrom('auth_accounts').select(['id', 'username']).where('id', 'in', numeric).execute();
        return new Map(rows.map((r) => [String(r.id), r.username]));
      },
    },
  },
};
