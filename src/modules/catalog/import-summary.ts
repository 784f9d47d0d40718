/**
 * What a catalogue import did, in words, with errors counted per row. The rule it states is the
 * importer's (catalog.import.ts): one transaction, so a file with any error imports nothing.
 */
import type { ImportError, ImportReport } from './catalog.import.js';
import { describeLocation } from './rules/diff-labels.js';

export type ImportErrorView = ImportError & { where?: string };
export type ImportReportView = Omit<ImportReport, 'errors'> & {
  errors: ImportErrorView[];
  /** Distinct places with an error (a sheet row, or an entry of a JSON file; 0 is the file itself). */
  rowsWithErrors: number;
  errorCount: number;
  summary: { vi: string; en: string };
};

/** "documents.0.copies" → "Thành phần hồ sơ › Mục 1 › Số bản sao"; an XLSX error already names its column. */
function where(e: ImportError): string | undefined {
  if (e.sheet || !e.field) return e.field;
  return describeLocation(e.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
}

export function describeReport(report: ImportReport, format: 'xlsx' | 'json'): ImportReportView {
  const errors = report.errors.map((e) => ({ ...e, ...(where(e) ? { where: where(e) } : {}) }));
  const rowsWithErrors = new Set(report.errors.map((e) => `${e.sheet ?? ''}#${e.row}`)).size;
  const errorCount = report.errors.length;
  const unitVi = format === 'xlsx' ? 'dòng' : 'mục';
  const unitEn = (n: number) => (format === 'xlsx' ? (n === 1 ? 'row' : 'rows') : n === 1 ? 'entry' : 'entries');
  const extraVi = errorCount > rowsWithErrors ? ` (${errorCount} lỗi)` : '';
  const extraEn = errorCount > rowsWithErrors ? ` (${errorCount} errors)` : '';
  let summary: { vi: string; en: string };
  if (!report.applied) {
    summary = {
      vi: `Chưa nhập gì: ${rowsWithErrors} ${unitVi} có lỗi${extraVi}. Danh mục chỉ được nhập khi cả tệp đều đúng; hãy sửa các lỗi dưới đây rồi nhập lại.`,
      en: `Nothing was imported: ${rowsWithErrors} ${unitEn(rowsWithErrors)} with errors${extraEn}. The catalogue is imported only when the whole file is correct; fix the errors below and import it again.`,
    };
  } else if (report.total === 0) {
    summary = { vi: 'Tệp không có phiên bản thủ tục nào; danh mục không thay đổi.', en: 'The file holds no procedure version; nothing changed.' };
  } else {
    summary = {
      vi: `Đã nhập cả ${report.total} phiên bản thủ tục: ${report.created} mới, ${report.updated} cập nhật, ${report.unchanged} không đổi.`,
      en: `Imported all ${report.total} procedure versions: ${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged.`,
    };
  }
  return { ...report, errors, rowsWithErrors, errorCount, summary };
}
