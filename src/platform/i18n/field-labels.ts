/**
 * Human names of fields, so a validation error says "Họ và tên: …" rather than "fullName: …".
 * Modules register their own labels next to their schemas.
 */
type Label = { vi: string; en: string };
const labels = new Map<string, Label>();

export function registerFieldLabels(entries: Record<string, Label>): void {
  for (const [key, label] of Object.entries(entries)) labels.set(key, label);
}

/** Looks up the longest known suffix of the path, e.g. "applicant.fullName" then "fullName". */
export function fieldLabel(path: string[]): Label | undefined {
  const clean = path.filter((p) => !/^\d+$/.test(p));
  for (let i = 0; i < clean.length; i++) {
    const found = labels.get(clean.slice(i).join('.'));
    if (found) return found;
  }
  return undefined;
}

registerFieldLabels({
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  currentPassword: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  version: { vi: 'Phiên bản bản ghi', en: 'Record version' },
  page: { vi: 'Trang', en: 'Page' },
  pageSize: { vi: 'Số dòng mỗi trang', en: 'Page size' },
});
