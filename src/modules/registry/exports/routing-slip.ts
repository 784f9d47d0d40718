import { officialDate, renderPdf, type Content } from '../../../platform/documents/index.js';
import { officialDocument } from '../../../platform/documents/official-style.js';
import { CONFIDENTIALITY_LABELS, URGENCY_LABELS } from '../registry-labels.js';
import type { DocumentRow } from '../registry.context.js';
import { documentTypeName } from '../rules/document-types.js';
import { agencyBlock, dmy } from './incoming-registers.js';

/**
 * Phiếu giải quyết văn bản đến (Decree 30/2020 Appendix IV; DOMAIN §9): the slip that travels with an
 * incoming document. Three parts, each with its day: the instructions of the agency's leadership (lead,
 * co-ordinators, deadline), those of the handling unit's leadership (the person it gives the work to),
 * and the handler's proposal. What the system knows is filled in; the rest is left as dotted lines to be
 * written by hand, since the paper slip is still signed.
 */
export type SlipAssignment = { role: 'lead' | 'coordinate'; name: string; staffName: string | null; unitName: string | null; dueOn: string | null; report: string | null; reportedAt: Date | null };
export type RoutingSlip = {
  agency: { name: string; managingBody: string | null };
  row: DocumentRow;
  routedBy: string | null;
  /** The open and reported assignments of the current routing (cancelled ones are history, not the slip). */
  assignments: SlipAssignment[];
};

const DOTS = '…'.repeat(90);
const dayOf = (at: Date | null): string | null => (at ? new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10) : null);
const dateLine = (day: string | null): Content => ({ text: day ? officialDate(day).replace(/^n/, 'N') : 'Ngày …… tháng …… năm ……', italics: true, alignment: 'right', margin: [0, 4, 0, 0] });
const heading = (text: string): Content => ({ text, bold: true, margin: [0, 12, 0, 4] });
const line = (label: string, value: string | null): Content => ({ text: [{ text: `${label}: ` }, { text: value && value.trim() ? value : DOTS }], margin: [0, 1, 0, 1] });

export async function routingSlipPdf(slip: RoutingSlip): Promise<Buffer> {
  const { row } = slip;
  const lead = slip.assignments.find((a) => a.role === 'lead') ?? null;
  const coordinators = slip.assignments.filter((a) => a.role === 'coordinate').map((a) => a.name);
  const flags = [row.urgency !== 'normal' ? URGENCY_LABELS[row.urgency] : null, row.confidentiality !== 'normal' ? CONFIDENTIALITY_LABELS[row.confidentiality] : null].filter(Boolean).join(', ');
  const content: Content[] = [
    agencyBlock(slip.agency),
    { text: 'PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN', bold: true, fontSize: 14, alignment: 'center', margin: [0, 6, 0, 8] },
    line('Số đến', row.arrival_number ? `${row.arrival_number}, ngày đến ${dmy(row.arrival_on)}` : null),
    line('Văn bản', `${documentTypeName(row.doc_type)} số ${row.symbol ?? '…'}${row.issued_on ? ` ngày ${dmy(row.issued_on)}` : ''}${row.issuer_name ? ` của ${row.issuer_name}` : ''}`),
    line('Trích yếu', row.subject),
    ...(flags ? [line('Độ khẩn, độ mật', flags)] : []),

    heading('1. Ý kiến của lãnh đạo cơ quan, tổ chức:'),
    line('Giao chủ trì', lead?.name ?? null),
    line('Phối hợp', coordinators.join('; ') || null),
    line('Thời hạn giải quyết', row.due_on ? dmy(row.due_on) : null),
    line('Ý kiến chỉ đạo', row.instructions),
    dateLine(dayOf(row.routed_at)),
    { text: slip.routedBy ?? '', bold: true, alignment: 'right', margin: [0, 2, 0, 0] },

    heading('2. Ý kiến của lãnh đạo đơn vị:'),
    line('Giao cán bộ xử lý', lead?.staffName ?? null),
    line('Thời hạn giải quyết', lead?.dueOn ? dmy(lead.dueOn) : null),
    dateLine(lead?.staffName ? dayOf(row.routed_at) : null),

    heading('3. Ý kiến đề xuất của người giải quyết:'),
    { text: lead?.report ?? `${DOTS}\n${DOTS}`, margin: [0, 1, 0, 1] },
    dateLine(dayOf(lead?.reportedAt ?? null)),
  ];
  return renderPdf(officialDocument(content, { title: `Phiếu giải quyết văn bản đến - số đến ${row.arrival_number ?? ''}`, fontSize: 13 }));
}
