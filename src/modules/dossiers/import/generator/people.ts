import type { Rng } from './random.js';

/** Names and phrases for generated dossiers: plausible for Lai Châu (Kinh, Thái, Mông, Dao, Lự names). */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Lò', 'Lường', 'Giàng', 'Sùng', 'Tao', 'Vàng', 'Điêu', 'Bùi', 'Tẩn', 'Chảo', 'Lý', 'Hà', 'Đinh'];
const MIDDLE_M = ['Văn', 'Minh', 'Quốc', 'Đức', 'A', 'Xuân', 'Công', 'Seo', 'Phù'];
const MIDDLE_F = ['Thị', 'Thị Thu', 'Thị Hồng', 'Thị Mai', 'Ngọc', 'Thị Kim'];
const GIVEN_M = ['An', 'Bình', 'Chiến', 'Dũng', 'Giang', 'Hải', 'Khánh', 'Mạnh', 'Quyết', 'Sơn', 'Thắng', 'Vinh', 'Dế', 'Páo', 'Chứ', 'Lử', 'Tuấn', 'Hùng'];
const GIVEN_F = ['Dung', 'Hạnh', 'Linh', 'Nga', 'Oanh', 'Phượng', 'Tuyết', 'Uyên', 'Xuyến', 'Yến', 'Mai', 'Hoa', 'Lan', 'Sua', 'Mỷ', 'Ánh'];
const HAMLETS = ['Bản Sang Ngà', 'Bản Gia Khâu', 'Bản Cư Nhà La', 'Tổ dân phố 3', 'Tổ dân phố 7', 'Bản Nậm Loỏng', 'Bản Phan Lìn', 'Bản Hưng Phong', 'Tổ dân phố 12', 'Bản Tả Làn Than'];
const COMPANY = ['Xây dựng Tây Bắc', 'Thương mại Sìn Hồ', 'Nông sản Tam Đường', 'Vận tải Phong Thổ', 'Chè Tân Uyên', 'Du lịch Sa Pa Lai Châu', 'Dược phẩm Nậm Nhùn', 'Đầu tư Mường Tè'];
const COMPANY_KIND = ['Công ty TNHH', 'Công ty cổ phần', 'Hợp tác xã', 'Công ty TNHH một thành viên'];

export const SUPPLEMENT_REASONS = ['Bản chụp không rõ nét', 'Thông tin trên tờ khai không khớp với giấy tờ tùy thân', 'Thiếu chữ ký của người yêu cầu', 'Giấy tờ đã hết hạn sử dụng', 'Thiếu xác nhận của cơ quan có thẩm quyền'];
export const REFUSAL_REASONS = ['Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan', 'Người yêu cầu không đủ điều kiện theo quy định', 'Yêu cầu đã được giải quyết trước đó'];
export const STOP_REASONS = ['Qua thẩm định, hồ sơ không đủ điều kiện giải quyết theo quy định', 'Kết quả xác minh cho thấy thông tin kê khai không chính xác'];
export const WITHDRAW_REASONS = ['Công dân đề nghị rút hồ sơ để bổ sung thông tin', 'Tổ chức không còn nhu cầu giải quyết', 'Người yêu cầu không bổ sung hồ sơ theo hướng dẫn và đề nghị rút hồ sơ'];
export const EXTENSION_REASONS = ['Cần xác minh thêm thông tin tại cơ quan liên quan', 'Chờ ý kiến của cơ quan phối hợp', 'Phải kiểm tra thực địa'];

export function personName(rng: Rng): string {
  const female = rng.chance(0.5);
  return `${rng.pick(FAMILY)} ${rng.pick(female ? MIDDLE_F : MIDDLE_M)} ${rng.pick(female ? GIVEN_F : GIVEN_M)}`;
}

export type GeneratedApplicant = { kind: 'citizen' | 'organisation'; fullName: string; idNumber: string; phone: string; address: string };

export function applicant(rng: Rng, kind: 'citizen' | 'organisation', communeName: string): GeneratedApplicant {
  const phone = `0${rng.pick(['912', '983', '356', '869', '975', '339'])}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
  const address = `${rng.pick(HAMLETS)}, ${communeName}, tỉnh Lai Châu`;
  if (kind === 'organisation') {
    return { kind, fullName: `${rng.pick(COMPANY_KIND)} ${rng.pick(COMPANY)}`, idNumber: `6200${String(rng.int(0, 999_999)).padStart(6, '0')}`, phone, address };
  }
  // Citizen ID: the province-of-birth code (012 for Lai Châu), a century/sex digit, the birth year, six digits.
  const idNumber = `012${rng.int(0, 3)}${String(rng.int(50, 99)).padStart(2, '0')}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
  return { kind, fullName: personName(rng), idNumber, phone, address };
}
