/**
 * What an import did, in one plain sentence per language. The rule it states is the importer's:
 * a file with a wrong row imports nothing; only a row the database refuses while writing (after
 * every row was checked) leaves the other rows saved.
 */
export type ImportOutcome = 'imported' | 'nothing_imported' | 'partly_imported';

export type ImportCounts = {
  created: number;
  updated: number;
  rowsRead: number;
  rowsWithErrors: number;
  errorCount: number;
  outcome: ImportOutcome;
  ignoredColumns: readonly string[];
};

const en = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function importSummary(c: ImportCounts): { vi: string; en: string } {
  let vi: string;
  let english: string;
  const errorsVi = c.errorCount > c.rowsWithErrors ? ` (${c.errorCount} lỗi)` : '';
  const errorsEn = c.errorCount > c.rowsWithErrors ? ` (${en(c.errorCount, 'error', 'errors')})` : '';
  switch (c.outcome) {
    case 'nothing_imported':
      vi = `Chưa nhập dòng nào: ${c.rowsWithErrors}/${c.rowsRead} dòng có lỗi${errorsVi}. `
        + 'Tệp chỉ được nhập khi mọi dòng đều đúng; hãy sửa các dòng dưới đây rồi tải lên lại.';
      english = `Nothing was imported: ${c.rowsWithErrors} of ${en(c.rowsRead, 'row', 'rows')} ${c.rowsWithErrors === 1 ? 'has' : 'have'} errors${errorsEn}. `
        + 'A file is imported only when every row is correct; fix the rows below and upload it again.';
      break;
    case 'partly_imported':
      vi = `Đã nhập ${c.created + c.updated}/${c.rowsRead} dòng (thêm ${c.created}, cập nhật ${c.updated}); `
        + `${c.rowsWithErrors} dòng bị từ chối khi ghi${errorsVi}, các dòng khác đã được lưu.`;
      english = `Imported ${c.created + c.updated} of ${en(c.rowsRead, 'row', 'rows')} (${c.created} added, ${c.updated} updated); `
        + `${en(c.rowsWithErrors, 'row was', 'rows were')} refused while saving${errorsEn}, the others are saved.`;
      break;
    default:
      vi = `Đã nhập cả ${c.rowsRead} dòng: thêm ${c.created}, cập nhật ${c.updated}.`;
      english = `Imported all ${en(c.rowsRead, 'row', 'rows')}: ${c.created} added, ${c.updated} updated.`;
  }
  if (c.ignoredColumns.length) {
    const list = c.ignoredColumns.map((h) => `«${h}»`).join(', ');
    vi += ` Cột không được đọc (tên cột không có trong mẫu): ${list}.`;
    english += ` Columns not read (not in the template): ${list}.`;
  }
  return { vi, en: english };
}
