import type { ProcedureContent } from '../../src/modules/catalog/schema.js';
import type { CatalogPort } from '../../src/modules/dossiers/ports.js';

/** Test procedures: a commune civil-status one and a provincial inter-agency one with the tax authority. */
export function communeProcedure(over: Partial<ProcedureContent> = {}): ProcedureContent {
  return {
    code: '1.001193', name: 'Đăng ký khai sinh', field: { code: 'HT', name: 'Hộ tịch' }, levels: ['commune'],
    implementingAgency: { name: 'Ủy ban nhân dân cấp xã' }, coordinatingAgencies: [], applicants: ['citizen'],
    channels: [{ kind: 'desk', time: { amount: 3, unit: 'working_days' } }, { kind: 'online', time: { amount: 3, unit: 'working_days' } }],
    onlineMode: 'full', boundaryIndependent: true,
    steps: [{ order: 1, title: 'Nộp hồ sơ', where: 'Trung tâm Phục vụ hành chính công xã', who: 'Người yêu cầu', what: 'Nộp tờ khai' }],
    documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, certifiedCopies: 0, presentOnly: false, optional: false, reusableFromNationalDb: false }],
    cases: [], fees: [], requirements: [], results: [{ name: 'Giấy khai sinh' }],
    legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch', date: '2014-11-20', issuer: 'Quốc hội' }], keywords: [],
    internalProcesses: [{ steps: [
      { order: 1, name: 'Tiếp nhận hồ sơ', action: 'Kiểm tra, tiếp nhận', responsible: { function: 'one_stop', role: 'desk_officer' }, budget: { amount: 4, unit: 'working_hours' }, interAgency: false },
      { order: 2, name: 'Thẩm định', action: 'Thẩm định hồ sơ', responsible: { function: 'culture_social', role: 'specialist' }, budget: { amount: 12, unit: 'working_hours' }, interAgency: false },
      { order: 3, name: 'Phê duyệt', action: 'Ký giấy khai sinh', responsible: { function: 'leadership', role: 'unit_head' }, budget: { amount: 4, unit: 'working_hours' }, interAgency: false },
      { order: 4, name: 'Trả kết quả', action: 'Trả kết quả', responsible: { function: 'one_stop', role: 'desk_officer' }, budget: { amount: 4, unit: 'working_hours' }, interAgency: false },
    ] }],
    ...over,
  } as ProcedureContent;
}

export function provinceInterAgencyProcedure(): ProcedureContent {
  return {
    ...communeProcedure(),
    code: '1.009972', name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', field: { code: 'XD', name: 'Xây dựng' }, levels: ['province'],
    implementingAgency: { code: 'H30.105', name: 'Sở Xây dựng' }, boundaryIndependent: false,
    channels: [{ kind: 'desk', time: { amount: 5, unit: 'working_days' } }],
    internalProcesses: [{ steps: [
      { order: 1, name: 'Tiếp nhận', action: 'Tiếp nhận', responsible: { unitCode: 'H30.002', role: 'desk_officer' }, budget: { amount: 4, unit: 'working_hours' }, interAgency: false },
      { order: 2, name: 'Thẩm định', action: 'Thẩm định', responsible: { unitCode: 'H30.105.01', role: 'specialist' }, budget: { amount: 16, unit: 'working_hours' }, interAgency: false },
      { order: 3, name: 'Xác định nghĩa vụ tài chính', action: 'Liên thông thuế', responsible: { externalAgency: { name: 'Thuế tỉnh Lai Châu' }, role: 'specialist' }, budget: { amount: 8, unit: 'working_hours' }, interAgency: true },
      { order: 4, name: 'Phê duyệt', action: 'Ký giấy phép', responsible: { unitCode: 'H30.105', role: 'unit_head' }, budget: { amount: 8, unit: 'working_hours' }, interAgency: false },
      { order: 5, name: 'Trả kết quả', action: 'Trả kết quả', responsible: { unitCode: 'H30.002', role: 'desk_officer' }, budget: { amount: 4, unit: 'working_hours' }, interAgency: false },
    ] }],
  } as ProcedureContent;
}

export function inMemoryCatalog(procedures: ProcedureContent[]): CatalogPort {
  return {
    async findInForce(code) {
      const i = procedures.findIndex((p) => p.code === code);
      return i < 0 ? undefined : { versionId: 1000 + i, versionNumber: 1, content: procedures[i]! };
    },
  };
}
