/**
 * The receipt (form 01) is the applicant's key to the dossier: it must fit one A4 sheet for a typical
 * dossier, with the lookup secret and its QR code on that sheet, not on a loose second page.
 */
import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfToText } from '../../../platform/documents/pdf-text.js';
import type { DossierRow } from '../dossiers.repository.js';
import type { DossierEvent } from '../rules/events.js';
import type { UnitRef } from '../rules/plan.js';
import { reduce } from '../rules/reducer.js';
import { SlipProblem } from './slip-context.js';
import { receiptData } from './slip-data.js';
import { loadSlipTemplates, renderSlipPdf } from './slip-templates.js';

const unit = (id: number, parentId: number | null, kind: string, name: string): UnitRef => ({ id, parentId, code: null, name, kind, function: null });
const UNITS: UnitRef[] = [
  unit(1, null, 'province', 'Tỉnh Lai Châu'),
  unit(10, 1, 'commune', 'Phường Tân Phong'),
  unit(11, 10, 'people_committee', 'Ủy ban nhân dân phường Tân Phong'),
  unit(12, 10, 'service_centre', 'Trung tâm Phục vụ hành chính công phường Tân Phong'),
];

/** Ten documents named as procedures name them: long, with the kind of copy in brackets. */
const LONG_DOCUMENTS = [
  'Đơn đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ theo Mẫu số 01 Phụ lục II ban hành kèm theo Nghị định số 175/2024/NĐ-CP',
  'Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất hoặc giấy tờ chứng minh quyền sử dụng đất',
  'Bản vẽ thiết kế xây dựng gồm mặt bằng công trình trên lô đất, mặt bằng các tầng, các mặt đứng và mặt cắt chính, kèm sơ đồ đấu nối hạ tầng kỹ thuật',
  'Bản kê khai năng lực, kinh nghiệm của tổ chức, cá nhân thiết kế kèm chứng chỉ hành nghề của chủ nhiệm, chủ trì thiết kế',
  'Văn bản chấp thuận của cơ quan quản lý chuyên ngành về phòng cháy, chữa cháy đối với công trình thuộc diện phải thẩm duyệt',
  'Cam kết bảo đảm an toàn đối với công trình liền kề trong quá trình thi công xây dựng, có xác nhận của các hộ liền kề',
  'Bản sao Căn cước hoặc Căn cước công dân của chủ đầu tư và của người được ủy quyền nộp hồ sơ (nếu có)',
  'Giấy ủy quyền có chứng thực chữ ký theo quy định của pháp luật về chứng thực trong trường hợp nộp thay',
  'Báo cáo kết quả thẩm tra thiết kế xây dựng của tổ chức tư vấn có đủ điều kiện năng lực đối với nhà ở từ 7 tầng trở lên',
  'Biên lai hoặc chứng từ nộp lệ phí cấp giấy phép xây dựng theo Nghị quyết của Hội đồng nhân dân tỉnh',
].map((name, i) => ({ name, originals: 1, copies: i % 3 === 0 ? 1 : 0, certifiedCopies: i % 2 }));

const receivedAt = new Date('2026-03-02T09:00:00+07:00').toISOString();
const RECEIVED: DossierEvent = {
  type: 'received', seq: 1, at: receivedAt, actor: { staffId: 7, name: 'Lường Thị Ánh' }, unitId: 12,
  receivedAt, dueAt: new Date('2026-03-16T09:00:00+07:00').toISOString(), stepDueAt: receivedAt, deskStaff: { staffId: 7, name: 'Lường Thị Ánh' },
  route: [{ order: 1, name: 'Tiếp nhận', unitId: 12, unitName: 'Trung tâm Phục vụ hành chính công phường Tân Phong', role: 'desk_officer', budgetHours: 4, interAgency: false, external: false }],
} as DossierEvent;

function row(): DossierRow {
  return {
    id: '1', code: 'H30.501.01-260302-0015', lookup_secret: 'K7Q2MX', idempotency_key: null, procedure_code: '1.009972', procedure_version_id: 1,
    procedure_name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', field_code: 'XD', field_name: 'Xây dựng', case_code: null, channel: 'desk',
    receiving_unit_id: 12, competent_unit_id: 10,
    applicant: {
      kind: 'citizen', fullName: 'Nguyễn Thị Hường', idNumber: '012345678901', phone: '0912345678', email: 'nguyen.thi.huong@example.vn',
      address: 'Số 12, tổ dân phố 5, phường Tân Phong, tỉnh Lai Châu',
    },
    applicant_name: 'Nguyễn Thị Hường', applicant_id_index: null, representative_id_index: null, documents: LONG_DOCUMENTS,
    fees: [{ name: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', kind: 'charge', amount: 75000 }],
    result_delivery: 'desk', processing_time: { amount: 10, unit: 'working_days', caseName: 'Nhà ở riêng lẻ tại đô thị', copies: 1 },
    supplement_restarts: false, origin_code: null, status: 2, received_at: null, due_at: null, completed_at: null, paused_at: null, returned_at: null,
    current_step: 1, current_unit_id: 12, current_staff_id: 7, step_due_at: null, involved_unit_ids: [12, 10], extended: false, digitised: false, result_digitised: false, paid_online: false, fully_online: false, version: 1, chain_mac: null,
    created_at: new Date(receivedAt), updated_at: new Date(receivedAt),
  };
}

describe('form 01 on one A4 page', () => {
  it('fits a dossier of 10 long-named documents on one page, with the lookup secret and its QR code', async () => {
    const events = [RECEIVED];
    const data = receiptData({ row: row(), events, state: reduce(events), units: UNITS, publicUrl: 'https://dichvucong.laichau.example', now: new Date(receivedAt), register: { book: '2026', number: 15 } });
    if (data instanceof SlipProblem) throw new Error(data.vi);
    const pdf = await renderSlipPdf(loadSlipTemplates()['01'], data);

    expect(await pdfPageCount(pdf)).toBe(1);
    const firstPage = (await pdfToText(pdf)).split('\f')[0]!.replace(/\s+/g, ' ');
    // Every document, the appointment and both signatures are on the sheet with the key.
    for (const d of LONG_DOCUMENTS) expect(firstPage).toContain(d.name.slice(0, 40));
    expect(firstPage).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 16 tháng 3 năm 2026');
    expect(firstPage).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    // The QR code and its caption with the secret are one unbreakable block between the signatures.
    expect(firstPage).toContain('Tra cứu hồ sơ bằng mã QR');
    expect(firstPage).toContain('Mã tra cứu: K7Q2MX');
  });
});
