import { defineMessages } from '../../shared/i18n';

const vi = {
  'menu.register': 'Sổ theo dõi hồ sơ',
  'title': 'Sổ theo dõi hồ sơ (Mẫu số 07)',
  'subtitle': 'Tải sổ theo dõi các hồ sơ đơn vị đã tiếp nhận trong một khoảng thời gian, theo Mẫu số 07 Thông tư 03/2025/TT-VPCP.',
  'unit': 'Đơn vị',
  'unit.required': 'Chưa chọn đơn vị',
  'from': 'Từ ngày',
  'to': 'Đến ngày',
  'from.required': 'Chưa chọn ngày bắt đầu',
  'to.required': 'Chưa chọn ngày kết thúc',
  'to.beforeFrom': 'Ngày kết thúc phải từ ngày bắt đầu trở đi',
  'preset': 'Chọn nhanh',
  'preset.thisMonth': 'Tháng này',
  'preset.lastMonth': 'Tháng trước',
  'preset.thisQuarter': 'Quý này',
  'preset.thisYear': 'Năm nay',
  'xlsx': 'Tải Excel (.xlsx)',
  'pdf': 'Tải PDF',
  'limits': 'Mỗi lần tải tối đa 366 ngày; bản PDF tối đa 1.000 hồ sơ, bản Excel tối đa 20.000 hồ sơ. Kỳ có nhiều hồ sơ hơn: chọn khoảng thời gian ngắn hơn.',
  'failed': 'Không tải được sổ theo dõi',
  'done': 'Đã tải {file}.',
  'noUnits': 'Tài khoản của bạn chưa được phân quyền xem hồ sơ của đơn vị nào.',
} as const;

const en: Record<keyof typeof vi, string> = {
  'menu.register': 'Dossier register',
  'title': 'Dossier register (form 07)',
  'subtitle': 'Download the register of the dossiers a unit received in a period, as form 07 of Circular 03/2025/TT-VPCP.',
  'unit': 'Unit',
  'unit.required': 'Choose a unit',
  'from': 'From',
  'to': 'To',
  'from.required': 'Choose the first day',
  'to.required': 'Choose the last day',
  'to.beforeFrom': 'The last day must not be before the first day',
  'preset': 'Quick choice',
  'preset.thisMonth': 'This month',
  'preset.lastMonth': 'Last month',
  'preset.thisQuarter': 'This quarter',
  'preset.thisYear': 'This year',
  'xlsx': 'Download Excel (.xlsx)',
  'pdf': 'Download PDF',
  'limits': 'At most 366 days per download; the PDF holds at most 1,000 dossiers and the spreadsheet 20,000. For a period with more, choose a shorter one.',
  'failed': 'The register could not be downloaded',
  'done': '{file} downloaded.',
  'noUnits': 'Your account may not see the dossiers of any unit.',
};

export const registerMessages = defineMessages(vi, en);
export const useRegisterT = registerMessages.useT;
