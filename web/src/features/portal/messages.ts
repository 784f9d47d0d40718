import { defineMessages } from '../../shared/i18n';

const vi = {
  'hero.title': 'Dịch vụ công trực tuyến',
  'hero.subtitle': 'Tra cứu thủ tục hành chính, theo dõi tiến độ giải quyết hồ sơ và lịch làm việc của cơ quan nhà nước.',
  'search.label': 'Tìm thủ tục hành chính',
  'search.placeholder': 'Nhập tên thủ tục, ví dụ: đăng ký khai sinh',
  'lookup.label': 'Tra cứu hồ sơ',
  'lookup.placeholder': 'Nhập mã hồ sơ trên giấy tiếp nhận',
  'lookup.button': 'Tra cứu',
  'quick.title': 'Truy cập nhanh',
  'quick.procedures': 'Danh mục thủ tục hành chính, thành phần hồ sơ, phí, lệ phí và thời hạn giải quyết.',
  'quick.lookup': 'Theo dõi tình trạng giải quyết hồ sơ bằng mã hồ sơ trên giấy tiếp nhận.',
  'quick.schedule': 'Ngày làm việc, ngày nghỉ lễ, Tết và lịch tiếp nhận hồ sơ của bộ phận một cửa.',
  'quick.feedbackTitle': 'Phản ánh, kiến nghị',
  'quick.feedback': 'Phản ánh về thủ tục, quy định hành chính, thái độ của cán bộ hoặc chất lượng phục vụ; theo dõi kết quả trả lời.',
  'quick.publishedTitle': 'Kết quả trả lời PAKN',
  'quick.published': 'Câu hỏi, câu trả lời đã công khai và tỷ lệ trả lời đúng hạn của từng đơn vị.',
  'steps.title': 'Giải quyết thủ tục hành chính theo cơ chế một cửa',
  'steps.1': 'Chuẩn bị hồ sơ theo hướng dẫn của thủ tục',
  'steps.2': 'Nộp hồ sơ tại bộ phận một cửa hoặc trực tuyến',
  'steps.3': 'Theo dõi tiến độ bằng mã hồ sơ',
  'steps.4': 'Nhận kết quả đúng hẹn',
} as const;

const en: Record<keyof typeof vi, string> = {
  'hero.title': 'Online public services',
  'hero.subtitle': 'Find administrative procedures, follow the progress of your dossier and see the working calendar of public offices.',
  'search.label': 'Find a procedure',
  'search.placeholder': 'Procedure name, e.g. birth registration',
  'lookup.label': 'Look up a dossier',
  'lookup.placeholder': 'Dossier code from your receipt',
  'lookup.button': 'Look up',
  'quick.title': 'Quick access',
  'quick.procedures': 'List of procedures with required documents, fees and processing times.',
  'quick.lookup': 'Follow the processing status of a dossier with the code on its receipt.',
  'quick.schedule': 'Working days, public holidays and the one-stop desk reception calendar.',
  'quick.feedbackTitle': 'Feedback',
  'quick.feedback': 'Report on a procedure, a regulation, an official’s conduct or the service; follow the answer.',
  'quick.publishedTitle': 'Answered feedback',
  'quick.published': 'Published questions and answers, and how promptly each unit answers.',
  'steps.title': 'How the one-stop shop works',
  'steps.1': 'Prepare the documents listed for the procedure',
  'steps.2': 'Submit at the one-stop desk or online',
  'steps.3': 'Follow progress with the dossier code',
  'steps.4': 'Receive the result on the promised date',
};

export const portalMessages = defineMessages(vi, en);
export const usePortalT = portalMessages.useT;
