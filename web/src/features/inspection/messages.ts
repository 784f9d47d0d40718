/** Vietnamese strings shared by the inspection pages (frame, clocks, staff picker): the source of keys (English in messages.en.ts). */
const vi = {
  'menu.inspection': 'Thanh tra, khiếu nại, tố cáo',
  'nav.label': 'Các trang thanh tra, khiếu nại, tố cáo',
  'nav.cases': 'Đơn khiếu nại, tố cáo',
  'nav.discipline': 'Kỷ luật cán bộ, công chức',

  'required': 'Bắt buộc phải nhập.',
  'cancel': 'Hủy',
  'none': '—',
  'yes': 'Có',
  'no': 'Không',
  'loadMore': 'Xem thêm',
  'all': 'Tất cả',
  'done': 'Đã ghi nhận.',
  'history': 'Lịch sử xử lý',
  'history.empty': 'Chưa có bước nào.',
  'history.by': '{at} · {name}',

  'clock.state.running': 'Đang tính',
  'clock.state.overdue': 'Quá hạn',
  'clock.state.done_in_time': 'Đúng hạn',
  'clock.state.done_late': 'Trễ hạn',
  'clock.due': 'Hạn {date}',
  'clock.left': 'còn {n} ngày',
  'clock.today': 'hết hạn hôm nay',
  'clock.late': 'quá {n} ngày',
  'clock.doneOn': 'xong ngày {date}',
  'clock.noLimit': 'Không áp dụng thời hiệu',
  'clock.none': 'Không có thời hạn',
  'clock.period.calendar': '{n} ngày',
  'clock.period.working': '{n} ngày làm việc',
  'clock.unverified': 'Quy định áp dụng từ {date} chưa được đối chiếu với văn bản: thời hạn tạm tính theo quy định cũ.',
  'clock.aria': '{label}: {state}, {due}',

  'staff.search': 'Gõ tên để tìm cán bộ',
  'staff.unknown': 'Cán bộ mã {id}',
  'staff.notInReach': 'Danh sách chỉ gồm cán bộ các đơn vị bạn được xem; nếu không thấy, hãy để trống và ghi tên trong nội dung.',
};

export type InspectionKey = keyof typeof vi;
export const inspectionVi: Record<InspectionKey, string> = vi;
