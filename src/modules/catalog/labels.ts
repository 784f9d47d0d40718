/**
 * Vietnamese labels of the catalogue's enumerations, shared by the API messages, the rules and the
 * web app (so the posting sheet, the admin UI and error messages say the same thing).
 */

export const LEVEL_LABELS = {
  province: 'Cấp tỉnh',
  commune: 'Cấp xã',
  vertical: 'Cơ quan ngành dọc',
} as const;

export const CHANNEL_LABELS = {
  desk: 'trực tiếp',
  post: 'bưu chính',
  online: 'trực tuyến',
} as const;

export const TIME_UNIT_LABELS = {
  working_days: 'ngày làm việc',
  calendar_days: 'ngày',
  working_hours: 'giờ làm việc',
} as const;

export const APPLICANT_LABELS = {
  citizen: 'Công dân Việt Nam',
  organisation: 'Tổ chức, doanh nghiệp',
} as const;

export const ONLINE_MODE_LABELS = {
  full: 'Dịch vụ công trực tuyến toàn trình',
  partial: 'Dịch vụ công trực tuyến một phần',
  none: 'Không cung cấp trực tuyến',
} as const;

export const VERSION_STATUS_LABELS = {
  draft: 'Dự thảo',
  published: 'Đã công bố',
  amended: 'Đã được sửa đổi, bổ sung',
  replaced: 'Đã bị thay thế',
  abolished: 'Đã bị bãi bỏ',
} as const;

export const ROLE_LABELS = {
  desk_officer: 'Công chức tiếp nhận và trả kết quả',
  specialist: 'Chuyên viên, công chức chuyên môn',
  unit_head: 'Lãnh đạo đơn vị',
} as const;

/** Labels of the record's top-level fields, for validation summaries and the history view. */
export const FIELD_LABELS: Record<string, string> = {
  code: 'Mã thủ tục',
  name: 'Tên thủ tục',
  description: 'Mô tả',
  field: 'Lĩnh vực',
  levels: 'Cấp thực hiện',
  implementingAgency: 'Cơ quan thực hiện',
  coordinatingAgencies: 'Cơ quan phối hợp',
  applicants: 'Đối tượng thực hiện',
  channels: 'Cách thức và thời hạn giải quyết',
  onlineMode: 'Mức độ dịch vụ công trực tuyến',
  boundaryIndependent: 'Tiếp nhận không phụ thuộc địa giới hành chính',
  steps: 'Trình tự thực hiện',
  documents: 'Thành phần hồ sơ',
  cases: 'Trường hợp thực hiện',
  fees: 'Phí, lệ phí',
  requirements: 'Yêu cầu, điều kiện',
  results: 'Kết quả thực hiện',
  legalBasis: 'Căn cứ pháp lý',
  keywords: 'Từ khóa',
  internalProcesses: 'Quy trình nội bộ',
  version: 'Thông tin phiên bản',
};
