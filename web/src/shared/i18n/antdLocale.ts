import type { Locale as AntdLocale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import type { Locale } from './locale';

/**
 * Ant Design's own words. Its Vietnamese pack leaves a few in English ("OK" on the date picker and
 * on single-button dialogs, "icon") and says "Trống" where the app says "Không có dữ liệu"; the
 * words it does not translate at all (the table's "Select all", icon names) are handled where they
 * appear (iconLabels.ts, rowSelectionLabels).
 */
const vi: AntdLocale = {
  ...viVN,
  DatePicker: viVN.DatePicker && { ...viVN.DatePicker, lang: { ...viVN.DatePicker.lang, ok: 'Chọn' } },
  Calendar: viVN.Calendar && { ...viVN.Calendar, lang: { ...viVN.Calendar.lang, ok: 'Chọn' } },
  Modal: { okText: 'Đồng ý', cancelText: 'Hủy', justOkText: 'Đồng ý' },
  Empty: { description: 'Không có dữ liệu' },
  Table: { ...viVN.Table, emptyText: 'Không có dữ liệu' },
  Icon: { icon: 'biểu tượng' },
  Form: viVN.Form && { ...viVN.Form, optional: '(không bắt buộc)' },
};

export function antdLocale(locale: Locale): AntdLocale {
  return locale === 'en' ? enUS : vi;
}

/** The header checkbox of a selectable table (Ant Design labels it "Select all" in every language). */
export function selectAllLabel(locale: Locale): string {
  const text = antdLocale(locale).Table?.selectionAll;
  return typeof text === 'string' ? text : locale === 'vi' ? 'Chọn tất cả' : 'Select all';
}
