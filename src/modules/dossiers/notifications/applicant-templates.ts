import type { MessageTemplate } from '../../../platform/notify/templates.js';

/**
 * Default texts of the messages an applicant receives when their dossier changes in a way that
 * concerns them (issue 6 §2). They are data: a province edits them at
 * `PUT /api/v1/admin/message-templates/:key`, and the edit wins over the text below.
 * The wording follows the slips they accompany (Circular 03/2025/TT-VPCP, Appendix I).
 */
const COMMON = ['applicantName', 'code', 'procedureName', 'unitName', 'lookupUrl', 'at'] as const;
const GREETING = 'Kính gửi Ông/Bà {{applicantName}},';
const LOOKUP = 'Ông/Bà theo dõi tình hình giải quyết hồ sơ tại: {{lookupUrl}}\n(Xin giữ kín mã hồ sơ và đường dẫn tra cứu này.)';
const CLOSING = 'Trân trọng.\n{{unitName}}';

const t = (key: string, description: string, extra: string[], subject: string, body: string, sms: string): MessageTemplate =>
  ({ key, description, variables: [...COMMON, ...extra], subject, body: `${GREETING}\n\n${body}\n\n${CLOSING}`, sms });

export const APPLICANT_TEMPLATES = {
  received: t('dossier.received', 'Người nộp: hồ sơ đã được tiếp nhận (kèm Giấy tiếp nhận và hẹn trả kết quả, Mẫu 01)', ['receivedAt', 'dueAt'],
    'Hồ sơ {{code}} đã được tiếp nhận',
    '{{unitName}} đã tiếp nhận hồ sơ của Ông/Bà.\n- Mã hồ sơ: {{code}}\n- Thủ tục: {{procedureName}}\n- Thời gian tiếp nhận: {{receivedAt | datetimeShort}}\n- Thời gian hẹn trả kết quả: {{dueAt | datetimeShort}}\n\n' + LOOKUP,
    'Hồ sơ {{code}} ({{procedureName}}) đã được tiếp nhận, hẹn trả kết quả {{dueAt | datetimeShort}}. Tra cứu: {{lookupUrl}}'),

  receptionSupplement: t('dossier.reception_supplement', 'Người nộp: hồ sơ chưa đủ để tiếp nhận, cần bổ sung (Mẫu 02 khi tiếp nhận)', ['items'],
    'Hồ sơ {{code}} cần bổ sung trước khi tiếp nhận',
    'Hồ sơ {{procedureName}} của Ông/Bà (mã {{code}}) chưa đủ điều kiện để tiếp nhận. Đề nghị Ông/Bà bổ sung, hoàn thiện:\n{{items}}\n\nKhi đã đủ, Ông/Bà nộp lại tại {{unitName}}.',
    'Hồ sơ {{code}} chưa đủ để tiếp nhận, cần bổ sung: {{items}}'),

  supplementRequested: t('dossier.supplement_requested', 'Người nộp: yêu cầu bổ sung, hoàn thiện hồ sơ trong khi giải quyết (Mẫu 02)', ['items', 'note'],
    'Hồ sơ {{code}} cần bổ sung, hoàn thiện',
    'Hồ sơ {{code}} ({{procedureName}}) cần được bổ sung, hoàn thiện các nội dung sau:\n{{items}}\n{{note}}\n\nThời gian giải quyết tạm dừng cho đến khi nhận đủ hồ sơ bổ sung. Cơ quan giải quyết chỉ yêu cầu bổ sung một lần (Nghị định 118/2025/NĐ-CP, Điều 11).\n\n' + LOOKUP,
    'Hồ sơ {{code}} cần bổ sung: {{items}}. Liên hệ {{unitName}}. Tra cứu: {{lookupUrl}}'),

  paymentRequested: t('dossier.payment_requested', 'Người nộp: đề nghị nộp phí, lệ phí, nghĩa vụ tài chính', ['items', 'amount'],
    'Hồ sơ {{code}}: đề nghị thực hiện nghĩa vụ tài chính',
    'Để tiếp tục giải quyết hồ sơ {{code}} ({{procedureName}}), đề nghị Ông/Bà thực hiện nghĩa vụ tài chính:\n{{items}}\nTổng số tiền: {{amount | money}}.\n\n' + LOOKUP,
    'Hồ sơ {{code}}: đề nghị nộp {{amount | money}} để tiếp tục giải quyết. Tra cứu: {{lookupUrl}}'),

  extended: t('dossier.extended', 'Người nộp: thư xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)', ['previousDueAt', 'newDueAt', 'reason', 'signer'],
    'Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {{code}}',
    'Hồ sơ {{code}} ({{procedureName}}) của Ông/Bà có hẹn trả kết quả vào {{previousDueAt | datetimeShort}}. Vì lý do: {{reason}}, cơ quan giải quyết chưa thể trả kết quả đúng hẹn.\n\nChúng tôi thành thật xin lỗi Ông/Bà vì sự chậm trễ này và xin hẹn lại thời gian trả kết quả vào {{newDueAt | datetimeShort}}.\n\nNgười ký: {{signer}}\n\n' + LOOKUP,
    'Xin lỗi Ông/Bà: hồ sơ {{code}} chưa có kết quả đúng hẹn. Hẹn lại ngày trả kết quả: {{newDueAt | datetimeShort}}. Lý do: {{reason}}'),

  resultReady: t('dossier.result_ready', 'Người nộp: hồ sơ đã có kết quả, mời nhận', ['deliveryText'],
    'Hồ sơ {{code}} đã có kết quả giải quyết',
    'Hồ sơ {{code}} ({{procedureName}}) của Ông/Bà đã có kết quả giải quyết.\n{{deliveryText}}\n\n' + LOOKUP,
    'Hồ sơ {{code}} đã có kết quả. {{deliveryText}}'),

  returned: t('dossier.returned', 'Người nộp: đã trả kết quả', ['receiverName', 'methodText'],
    'Hồ sơ {{code}} đã được trả kết quả',
    'Kết quả giải quyết hồ sơ {{code}} ({{procedureName}}) đã được trả lúc {{at | datetimeShort}} ({{methodText}}); người nhận: {{receiverName}}.\n\nCảm ơn Ông/Bà đã sử dụng dịch vụ. ' + LOOKUP,
    'Hồ sơ {{code}} đã được trả kết quả lúc {{at | datetimeShort}}. Cảm ơn Ông/Bà.'),

  refused: t('dossier.refused', 'Người nộp: từ chối tiếp nhận hồ sơ (Mẫu 03)', ['reasons'],
    'Hồ sơ {{code}} không được tiếp nhận',
    '{{unitName}} từ chối tiếp nhận hồ sơ {{procedureName}} của Ông/Bà (mã {{code}}) vì các lý do sau:\n{{reasons}}\n\nXin thông báo để Ông/Bà được biết và thực hiện.',
    'Hồ sơ {{code}} không được tiếp nhận. Lý do: {{reasons}}'),

  stopped: t('dossier.stopped', 'Người nộp: dừng xử lý hồ sơ (không đủ điều kiện giải quyết)', ['reason'],
    'Thông báo dừng xử lý hồ sơ {{code}}',
    'Hồ sơ {{code}} ({{procedureName}}) của Ông/Bà đã dừng xử lý từ {{at | datetimeShort}}.\nLý do: {{reason}}\n\n' + LOOKUP,
    'Hồ sơ {{code}} đã dừng xử lý. Lý do: {{reason}}'),

  withdrawn: t('dossier.withdrawn', 'Người nộp: dừng giải quyết theo đề nghị của người nộp (Mẫu 05)', ['reason', 'requestedAt'],
    'Thông báo dừng giải quyết hồ sơ {{code}}',
    'Theo đề nghị của Ông/Bà ngày {{requestedAt | date}}, hồ sơ {{code}} ({{procedureName}}) đã dừng giải quyết từ {{at | datetimeShort}}.\nLý do: {{reason}}',
    'Hồ sơ {{code}} đã dừng giải quyết theo đề nghị của Ông/Bà.'),
} satisfies Record<string, MessageTemplate>;

export const RESULT_DELIVERY_TEXT: Record<string, string> = {
  desk: 'Mời Ông/Bà đến Bộ phận tiếp nhận và trả kết quả để nhận kết quả, mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
  post: 'Kết quả sẽ được gửi đến Ông/Bà qua dịch vụ bưu chính công ích.',
  online: 'Kết quả được trả trực tuyến; Ông/Bà nhận tại tài khoản của mình trên Cổng Dịch vụ công.',
};

export const RETURN_METHOD_TEXT: Record<string, string> = {
  desk: 'nhận trực tiếp tại Bộ phận một cửa',
  post: 'gửi qua bưu chính công ích',
  online: 'trả trực tuyến',
};
