/**
 * A statutory form as the XLSX and PDF writers draw it (Circular 01/2020/TT-VPCP forms; DOMAIN §6.2):
 * the form's number, title and period, a row header, columns under two header rows (a group over its
 * columns), the numbered column line, one line per row, and the total. Each form (II.06a, II.07b)
 * describes itself once in this shape, so its workbook and its PDF cannot drift apart.
 */
export type FormColumn = { group: string; name: string };

export type FormSheet = {
  /** e.g. "II.06a": the sheet's and the document's name. */
  code: string;
  /** e.g. "Biểu số II.06a/VPCP/KSTT", printed under the heading. */
  formNumber: string;
  title: string;
  subtitle: string;
  period: string;
  rowHeader: string;
  columns: FormColumn[];
  rows: { name: string; values: (number | string)[] }[];
  total: (number | string)[];
};

/** Runs of equal group names: [first column index, span, name], for merging the upper header row. */
export function headerGroups(columns: FormColumn[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  columns.forEach((c, i) => {
    const last = out[out.length - 1];
    if (last && last[2] === c.group) last[1]++;
    else out.push([i, 1, c.group]);
  });
  return out;
}

export const dayVi = (d: string) => d.split('-').reverse().join('/');
