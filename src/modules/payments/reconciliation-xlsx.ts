import ExcelJS from 'exceljs';
import { formatViDateTimeShort } from '../../platform/documents/index.js';
import type { ReconciliationReport, Verdict } from './reconciliation.js';

export const VERDICT_LABELS: Record<Verdict, string> = {
  matched: 'Khớp', settled: 'Đã ghi nhận theo đối soát', would_settle: 'Sẽ ghi nhận khi đối soát', failed: 'Ghi nhận không thành công',
  would_fail: 'Sẽ ghi nhận không thành công', not_at_gateway: 'Chưa sang cổng thanh toán', mismatch: 'Chênh lệch, cần kiểm tra', unreachable: 'Không truy vấn được cổng',
};

const STATUS_LABELS: Record<string, string> = {
  pending: 'Chờ thanh toán', paid: 'Đã thanh toán', failed: 'Không thành công', cancelled: 'Đã hủy', amount_mismatch: 'Sai số tiền', not_found: 'Không có giao dịch', unknown: 'Không rõ',
};

/** The reconciliation report as a workbook finance staff file with the day's bank statement. */
export async function reconciliationWorkbook(r: ReconciliationReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet('Đối soát');
  const [y, m, d] = r.date.split('-');
  ws.addRow([`BÁO CÁO ĐỐI SOÁT THANH TOÁN TRỰC TUYẾN NGÀY ${d}/${m}/${y}`]).font = { bold: true, size: 13 };
  ws.addRow([`Cổng thanh toán: ${r.provider}; lập lúc ${formatViDateTimeShort(new Date(r.generatedAt))}`]);
  ws.addRow([`Số lệnh: ${r.totals.orders}; đã thanh toán tại hệ thống: ${r.totals.paidHere} (${r.totals.amountPaidHere.toLocaleString('vi-VN')} đồng); tại cổng thanh toán: ${r.totals.paidAtGateway} (${r.totals.amountPaidAtGateway.toLocaleString('vi-VN')} đồng)`]);
  ws.addRow([]);
  const header = ws.addRow(['STT', 'Mã giao dịch', 'Mã hồ sơ', 'Số tiền (đồng)', 'Trạng thái tại hệ thống', 'Trạng thái tại cổng', 'Số tiền tại cổng (đồng)', 'Mã giao dịch cổng', 'Kết quả đối soát', 'Hồ sơ đã ghi nhận', 'Ghi chú']);
  header.font = { bold: true };
  r.lines.forEach((l, i) => ws.addRow([
    i + 1, l.orderRef, l.dossierCode, l.amount, STATUS_LABELS[l.ours] ?? l.ours, STATUS_LABELS[l.gateway] ?? l.gateway, l.gatewayAmount ?? '',
    l.providerTxnNo ?? '', VERDICT_LABELS[l.verdict], l.dossierRecorded ? 'Có' : 'Chưa', l.note ?? '',
  ]));
  [6, 16, 24, 16, 20, 20, 18, 18, 26, 14, 50].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  ws.getColumn(4).numFmt = '#,##0';
  ws.getColumn(7).numFmt = '#,##0';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
