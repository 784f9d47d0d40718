/**
 * Form 07 — Sổ theo dõi hồ sơ (Circular 03/2025/TT-VPCP, Appendix I; columns as DOMAIN §2.4
 * reconstructs them [M]): one row per dossier received in the period, with the dates of receipt,
 * appointment, transfer to the deciding agency, result back from it and return to the applicant.
 * The same rows feed the PDF template and the XLSX export.
 */
import ExcelJS from 'exceljs';
import { formatViDateTimeShort, NATIONAL_MOTTO, NATIONAL_NAME, officialPlaceDate } from '../../../platform/documents/index.js';
import type { UnitRef } from '../rules/plan.js';
import { dossierTimeliness, STATUS_INFO, TIMELINESS_LABELS, type StatusCode } from '../rules/statuses.js';
import { bodyName, slipAgency, type SlipAgency, type StoredApplicant } from './slip-context.js';
import type { RegisterDossier } from './slips.repository.js';

/** A register cell with nothing recorded yet; a dash, not the dotted blank of a form to fill in. */
const NOT_YET = '—';

export type RegisterRow = {
  code: string;
  procedureName: string;
  sets: number;
  applicantName: string;
  contact: string;
  competentName: string;
  receivedAt: string | null;
  dueAt: string | null;
  transferredAt: string | null;
  resultAt: string | null;
  returnedAt: string | null;
  receiverName: string | null;
  receivedText: string;
  dueText: string;
  transferredText: string;
  resultText: string;
  returnedText: string;
  status: string;
  note: string;
};

const short = (d: Date | null): string => (d ? formatViDateTimeShort(d) : NOT_YET);

function noteFor(d: RegisterDossier, now: Date): string {
  const info = STATUS_INFO[d.status as StatusCode];
  const parts = [info?.vi ?? String(d.status)];
  const result = dossierTimeliness({ status: d.status, dueAt: d.due_at, completedAt: d.completed_at, pausedAt: d.paused_at ?? null }, now);
  if (result) parts.push(TIMELINESS_LABELS[result].vi.toLocaleLowerCase('vi'));
  if (d.extended) parts.push('đã gia hạn');
  return parts.join('; ');
}

export function registerRows(dossiers: RegisterDossier[], units: UnitRef[], now: Date): RegisterRow[] {
  return dossiers.map((d) => {
    const a = (d.applicant ?? {}) as StoredApplicant;
    const contact = [a.address, a.phone].filter(Boolean).join('; ');
    const sets = Number((d.processing_time as { copies?: number } | null)?.copies ?? 1);
    return {
      code: d.code,
      procedureName: d.procedure_name,
      sets,
      applicantName: d.applicant_name,
      contact: contact || NOT_YET,
      competentName: bodyName(units, d.competent_unit_id) || NOT_YET,
      receivedAt: d.received_at?.toISOString() ?? null,
      dueAt: d.due_at?.toISOString() ?? null,
      transferredAt: d.transferredAt?.toISOString() ?? null,
      resultAt: d.resultAt?.toISOString() ?? null,
      returnedAt: d.returned_at?.toISOString() ?? null,
      receiverName: d.receiverName,
      receivedText: short(d.received_at),
      dueText: short(d.due_at),
      transferredText: short(d.transferredAt),
      resultText: short(d.resultAt),
      returnedText: d.returned_at ? `${short(d.returned_at)}${d.receiverName ? `\n(${d.receiverName})` : ''}` : NOT_YET,
      status: STATUS_INFO[d.status as StatusCode]?.vi ?? String(d.status),
      note: noteFor(d, now),
    };
  });
}

export type RegisterData = {
  agency: SlipAgency;
  issuedAt: string;
  from: string;
  to: string;
  rows: RegisterRow[];
  count: number;
};

export function registerData(unitId: number, units: UnitRef[], from: string, to: string, dossiers: RegisterDossier[], now: Date): RegisterData {
  const rows = registerRows(dossiers, units, now);
  return { agency: slipAgency(units, unitId), issuedAt: now.toISOString(), from, to, rows, count: rows.length };
}

const COLUMNS: { header: string; key: keyof RegisterRow | 'no'; width: number; date?: boolean }[] = [
  { header: 'STT', key: 'no', width: 6 },
  { header: 'Mã hồ sơ', key: 'code', width: 26 },
  { header: 'Tên thủ tục hành chính', key: 'procedureName', width: 40 },
  { header: 'Số lượng hồ sơ (bộ)', key: 'sets', width: 10 },
  { header: 'Tên cá nhân, tổ chức', key: 'applicantName', width: 24 },
  { header: 'Địa chỉ, số điện thoại', key: 'contact', width: 30 },
  { header: 'Cơ quan chủ trì giải quyết', key: 'competentName', width: 28 },
  { header: 'Nhận hồ sơ', key: 'receivedAt', width: 17, date: true },
  { header: 'Hẹn trả kết quả', key: 'dueAt', width: 17, date: true },
  { header: 'Chuyển hồ sơ đến cơ quan giải quyết', key: 'transferredAt', width: 17, date: true },
  { header: 'Nhận kết quả từ cơ quan giải quyết', key: 'resultAt', width: 17, date: true },
  { header: 'Trả kết quả cho cá nhân, tổ chức', key: 'returnedAt', width: 17, date: true },
  { header: 'Người nhận kết quả', key: 'receiverName', width: 22 },
  { header: 'Ghi chú', key: 'note', width: 30 },
];

/**
 * Excel keeps no time zone: a date cell is a wall-clock value. Shifting the instant by +7 h and
 * formatting it as UTC makes every viewer see Vietnamese civil time, whatever their machine's zone.
 */
const excelDate = (iso: string | null): Date | null => (iso ? new Date(Date.parse(iso) + 7 * 3_600_000) : null);

/** The register as a workbook: a heading, one header row, one row per dossier; dates are real dates. */
export async function registerXlsx(data: RegisterData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'motcua';
  const sheet = book.addWorksheet('So theo doi ho so', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const last = COLUMNS.length;
  const title = (row: number, text: string, bold = true) => {
    sheet.mergeCells(row, 1, row, last);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { bold, size: bold ? 13 : 11 };
    cell.alignment = { horizontal: 'center' };
  };
  title(1, [data.agency.managingBody, data.agency.name].filter(Boolean).join(' — ').toLocaleUpperCase('vi'));
  title(2, `${NATIONAL_NAME} — ${NATIONAL_MOTTO}`, false);
  title(3, `SỔ THEO DÕI HỒ SƠ (${officialPlaceDate(data.agency.place, data.issuedAt)})`);
  title(4, `Từ ngày ${formatDay(data.from)} đến ngày ${formatDay(data.to)} — ${data.count} hồ sơ`, false);
  const header = sheet.getRow(6);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 6 }];
  data.rows.forEach((r, index) => {
    const values: Record<string, unknown> = { no: index + 1 };
    for (const c of COLUMNS) if (c.key !== 'no') values[c.key] = c.date ? excelDate(r[c.key] as string | null) : r[c.key];
    const row = sheet.addRow(values);
    row.alignment = { wrapText: true, vertical: 'top' };
    COLUMNS.forEach((c, i) => {
      if (c.date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy hh:mm';
    });
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
