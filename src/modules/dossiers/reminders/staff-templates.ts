import type { MessageTemplate } from '../../../platform/notify/templates.js';

/**
 * Default texts of the reminders staff receive (in the app, and by e-mail when their address is
 * known). Editable like the applicant's messages, at `PUT /api/v1/admin/message-templates/:key`.
 */
export const STAFF_TEMPLATES = {
  stepOverdue: {
    key: 'staff.step_overdue',
    description: 'Cán bộ: bước xử lý hồ sơ đã quá thời gian của bước (gửi người được giao và lãnh đạo đơn vị)',
    variables: ['code', 'procedureName', 'stepName', 'unitName', 'stepDueAt', 'assigneeName', 'dueAt', 'link'],
    subject: 'Hồ sơ {{code}} quá thời gian bước "{{stepName}}"',
    body: 'Hồ sơ {{code}} ({{procedureName}}) đã quá thời gian cho phép của bước "{{stepName}}" tại {{unitName}}.\n'
      + '- Hạn của bước: {{stepDueAt | datetimeShort}}\n- Người đang xử lý: {{assigneeName}}\n- Hạn trả kết quả hồ sơ: {{dueAt | datetimeShort}}\n\n'
      + 'Đề nghị khẩn trương xử lý hoặc phân công lại. Xem hồ sơ: {{link}}',
    sms: null,
  },
  nearDue: {
    key: 'staff.near_due',
    description: 'Cán bộ: hồ sơ còn 01 ngày làm việc đến hạn trả kết quả — nhắc ban hành Văn bản xin lỗi và đề nghị gia hạn (Mẫu 04) nếu không kịp',
    variables: ['code', 'procedureName', 'unitName', 'dueAt', 'assigneeName', 'link'],
    subject: 'Hồ sơ {{code}} sắp đến hạn trả kết quả ({{dueAt | datetimeShort}})',
    body: 'Hồ sơ {{code}} ({{procedureName}}) đang ở {{unitName}} (người xử lý: {{assigneeName}}) sẽ đến hạn trả kết quả lúc {{dueAt | datetimeShort}}.\n\n'
      + 'Nếu không thể trả kết quả đúng hẹn, chậm nhất 01 ngày trước ngày hết hạn cơ quan có thẩm quyền phải ban hành Văn bản xin lỗi và đề nghị gia hạn '
      + '(Mẫu 04, Thông tư 03/2025/TT-VPCP), nêu rõ lý do và thời gian gia hạn; việc hẹn lại chỉ được thực hiện một lần (QĐ 88/2025/QĐ-UBND tỉnh Lai Châu, Điều 3 khoản 6).\n\n'
      + 'Xem hồ sơ: {{link}}',
    sms: null,
  },
  overdueDigest: {
    key: 'staff.overdue_digest',
    description: 'Cán bộ: danh sách hằng ngày các hồ sơ quá hạn (gửi lãnh đạo đơn vị và Bộ phận một cửa)',
    variables: ['staffName', 'day', 'count', 'list', 'more', 'link'],
    subject: 'Danh sách {{count}} hồ sơ quá hạn ngày {{day}}',
    body: 'Kính gửi {{staffName}},\n\nĐến ngày {{day}} có {{count}} hồ sơ thuộc phạm vi theo dõi của Ông/Bà đã quá hạn giải quyết:\n\n{{list}}\n{{more}}\n\nXem danh sách: {{link}}',
    sms: null,
  },
} satisfies Record<string, MessageTemplate>;
