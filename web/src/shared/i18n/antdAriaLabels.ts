import type { Locale } from './locale';

/**
 * Words Ant Design gives screen readers in English whatever the locale: its icons name themselves
 * (<span role="img" aria-label="close">), including those inside its own components (a dialog's
 * close button, a select's arrow, a date picker's calendar), and a few controls carry fixed labels
 * ("Increase Value" on number inputs, "Select all" on table checkboxes). This gives each a name in
 * the reader's language, or hides an icon that only decorates a control that already says what it does.
 */
const NAMES: Record<string, { vi: string; en: string }> = {
  close: { vi: 'Đóng', en: 'Close' },
  'close-circle': { vi: 'Xóa', en: 'Clear' },
  search: { vi: 'Tìm kiếm', en: 'Search' },
  down: { vi: 'Mở danh sách', en: 'Open list' },
  up: { vi: 'Thu gọn', en: 'Collapse' },
  left: { vi: 'Trước', en: 'Previous' },
  right: { vi: 'Sau', en: 'Next' },
  'double-left': { vi: 'Lùi 5 trang', en: 'Back 5 pages' },
  'double-right': { vi: 'Tiến 5 trang', en: 'Forward 5 pages' },
  calendar: { vi: 'Chọn ngày', en: 'Pick a date' },
  'swap-right': { vi: 'đến', en: 'to' },
  eye: { vi: 'Hiện mật khẩu', en: 'Show password' },
  'eye-invisible': { vi: 'Ẩn mật khẩu', en: 'Hide password' },
  copy: { vi: 'Sao chép', en: 'Copy' },
  check: { vi: 'Đã chọn', en: 'Selected' },
  edit: { vi: 'Sửa', en: 'Edit' },
  delete: { vi: 'Xóa', en: 'Delete' },
  plus: { vi: 'Thêm', en: 'Add' },
  minus: { vi: 'Bớt', en: 'Remove' },
  download: { vi: 'Tải xuống', en: 'Download' },
  upload: { vi: 'Tải lên', en: 'Upload' },
  printer: { vi: 'In', en: 'Print' },
  reload: { vi: 'Tải lại', en: 'Reload' },
  filter: { vi: 'Lọc', en: 'Filter' },
  menu: { vi: 'Trình đơn', en: 'Menu' },
  'menu-fold': { vi: 'Thu gọn menu', en: 'Collapse menu' },
  'menu-unfold': { vi: 'Mở rộng menu', en: 'Expand menu' },
  user: { vi: 'Tài khoản', en: 'Account' },
  logout: { vi: 'Đăng xuất', en: 'Sign out' },
  bell: { vi: 'Thông báo', en: 'Notifications' },
  'question-circle': { vi: 'Giải thích', en: 'Explanation' },
  'info-circle': { vi: 'Thông tin', en: 'Information' },
  'exclamation-circle': { vi: 'Lưu ý', en: 'Warning' },
  'check-circle': { vi: 'Thành công', en: 'Success' },
  loading: { vi: 'Đang tải', en: 'Loading' },
  'paper-clip': { vi: 'Tệp đính kèm', en: 'Attachment' },
};

/** Labels Ant Design (and its rc components) hard-code in English on controls. */
const FIXED: Record<string, { vi: string; en: string }> = {
  'Increase Value': { vi: 'Tăng', en: 'Increase' },
  'Decrease Value': { vi: 'Giảm', en: 'Decrease' },
  'Select all': { vi: 'Chọn tất cả', en: 'Select all' },
  'Custom selection': { vi: 'Tùy chọn chọn dòng', en: 'Selection options' },
  'segmented control': { vi: 'Chọn một', en: 'Choose one' },
  Close: { vi: 'Đóng', en: 'Close' },
};

const ORIGINAL = 'data-icon-name';
const ORIGINAL_LABEL = 'data-en-label';
const ICONS = '.anticon[role="img"]';
const KNOWN = new Set(Object.values({ ...NAMES, ...FIXED }).flatMap((l) => [l.vi, l.en]));

/** The name of an icon in a language, or null for an icon that only decorates. */
export function iconLabel(name: string, locale: Locale): string | null {
  return NAMES[name]?.[locale] ?? null;
}

/** True when the icon sits in a control or text that already says what it means. */
function decorates(icon: Element): boolean {
  const host = icon.closest('button, a, [role="button"], [role="menuitem"], [role="tab"], label, .ant-tag, .ant-alert, .ant-result-icon, .ant-message-notice-content, .ant-select-item');
  if (!host) return false;
  if (host.getAttribute('aria-label') || host.getAttribute('aria-labelledby')) return true;
  const own = [...host.childNodes].some((n) => n !== icon && !n.contains(icon) && (n.textContent ?? '').trim() !== '');
  return own || (host.textContent ?? '').trim() !== '';
}

export function localiseIcon(icon: Element, locale: Locale): void {
  const name = icon.getAttribute(ORIGINAL) ?? icon.getAttribute('aria-label');
  if (!name) return;
  icon.setAttribute(ORIGINAL, name);
  const label = iconLabel(name, locale);
  if (label && !decorates(icon)) {
    icon.setAttribute('aria-label', label);
    icon.removeAttribute('aria-hidden');
  } else {
    icon.removeAttribute('aria-label');
    icon.setAttribute('aria-hidden', 'true');
  }
}

/** A control with one of Ant Design's fixed English labels. */
export function localiseFixedLabel(el: Element, locale: Locale): void {
  const original = el.getAttribute(ORIGINAL_LABEL) ?? el.getAttribute('aria-label');
  const label = original ? FIXED[original] : undefined;
  if (!original || !label) return;
  el.setAttribute(ORIGINAL_LABEL, original);
  el.setAttribute('aria-label', label[locale]);
}

const FIXED_SELECTOR = Object.keys(FIXED).map((l) => `[aria-label="${l}"], [${ORIGINAL_LABEL}="${l}"]`).join(', ');

export function localiseIcons(root: ParentNode, locale: Locale): void {
  if (root instanceof Element && root.matches(ICONS)) localiseIcon(root, locale);
  for (const icon of root.querySelectorAll(ICONS)) localiseIcon(icon, locale);
  if (root instanceof Element && root.matches(FIXED_SELECTOR)) localiseFixedLabel(root, locale);
  for (const el of root.querySelectorAll(FIXED_SELECTOR)) localiseFixedLabel(el, locale);
}

/**
 * Watches the page: every icon React or Ant Design adds is renamed once (React does not rewrite an
 * attribute whose value it did not change), and all of them again when the language changes.
 */
export function installIconLabels(getLocale: () => Locale, onLocaleChange: (listener: () => void) => void): void {
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  const observer = new MutationObserver((records) => {
    const locale = getLocale();
    for (const record of records) {
      if (record.type === 'attributes') {
        const el = record.target as Element;
        const label = el.getAttribute('aria-label');
        // React set an English name again (the icon or the control changed): take it as the new original.
        if (label && !KNOWN.has(label)) {
          el.removeAttribute(ORIGINAL);
          el.removeAttribute(ORIGINAL_LABEL);
          localiseIcons(el, locale);
        } else if (label && FIXED[label] && FIXED[label][locale] !== label) localiseFixedLabel(el, locale);
        continue;
      }
      for (const node of record.addedNodes) if (node instanceof Element) localiseIcons(node, locale);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  localiseIcons(document.body, getLocale());
  onLocaleChange(() => localiseIcons(document.body, getLocale()));
}
