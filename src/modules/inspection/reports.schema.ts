import { z } from 'zod';
import { idParam, isoDay } from './schema.js';

/**
 * Inputs of the inspection report and the case documents (issue 18 scope 4), checked at the edge. The
 * answer shapes are in reports-labels.ts (no zod there, for the web app).
 */
export const reportQuery = z.strictObject({
  from: isoDay('Ngày bắt đầu kỳ báo cáo'),
  to: isoDay('Ngày kết thúc kỳ báo cáo'),
  unitId: idParam.optional(),
});
export type ReportQuery = z.infer<typeof reportQuery>;

export const publicSummaryQuery = z.strictObject({
  year: z.coerce.number({ error: 'Năm phải là số' }).int('Năm phải là số nguyên').min(2000, 'Năm từ 2000 đến 2100').max(2100, 'Năm từ 2000 đến 2100').optional(),
});

export const caseDocumentParams = z.strictObject({
  id: idParam,
  kind: z.enum(['acceptance', 'conclusion'], { error: 'Văn bản: acceptance (thông báo thụ lý) hoặc conclusion (quyết định giải quyết, kết luận).' }),
});

export const disciplineDocumentParams = z.strictObject({ id: idParam });
