/** Test data for the cost rules' tests (not used by the application). */
import { procedureContentSchema, type ProcedureContent } from '../../catalog/schema.js';
import { procedureInput } from '../../catalog/testing.js';
import type { Defaults, ProcedureFacts } from './types.js';

export const DEFAULTS: Defaults = {
  informationHours: 1, formHours: 0.5, documentHours: 1.25, certifyHours: 0.75, certifyVndPerCopy: 10_000, copyVndPerCopy: 2_000,
  travelHours: 1.5, waitingHours: 0.5, travelVnd: 30_000, supplementHours: 1,
};

/** A land procedure: a form, a birth certificate with copies, an optional power of attorney, a residence record the state holds, a fixed and a computed fee. */
export function landContent(overrides: Record<string, unknown> = {}): ProcedureContent {
  const { version: _version, ...input } = procedureInput({
    onlineMode: 'partial',
    documents: [
      { name: 'Đơn đề nghị', originals: 1, formTemplate: 'don-de-nghi.docx' },
      { name: 'Giấy khai sinh', originals: 0, copies: 1, certifiedCopies: 2 },
      { name: 'Giấy ủy quyền', originals: 1, optional: true, certifiedCopies: 1 },
      { name: 'Xác nhận thông tin cư trú', originals: 1, certifiedCopies: 1, reusableFromNationalDb: true },
    ],
    fees: [
      { name: 'Lệ phí cấp giấy', kind: 'charge', amount: 50_000, channels: ['desk'] },
      { name: 'Phí thẩm định', kind: 'fee', formula: '0,15% giá trị tài sản' },
    ],
    ...overrides,
  });
  return procedureContentSchema.parse(input);
}

export function factsOf(over: Partial<ProcedureFacts> = {}): ProcedureFacts {
  return {
    procedureCode: '1.004873', procedureName: 'Thủ tục thử', dossiers: 412, online: 100, post: 12, desk: 300,
    supplementDossiers: 40, supplementTrips: 37, supplementOnline: 8, completed: 400, late: 9, resultsReturned: 400, resultsAtDesk: 250,
    ...over,
  };
}
