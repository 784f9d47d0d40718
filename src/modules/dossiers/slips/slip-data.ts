/**
 * The data each slip's template is filled with, built from the dossier row and its event log
 * (Circular 03/2025/TT-VPCP, Appendix I, forms 01–05; field lists as DOMAIN §2.4 reconstructs them).
 * A slip that the dossier's history does not call for (a refusal slip for a dossier never refused)
 * is a problem, not an empty page. The field names here are the vocabulary of the templates; they
 * are listed in docs/SLIPS.md.
 */
import { formatDong } from '../../../platform/documents/index.js';
import type { DossierRow } from '../dossiers.repository.js';
import type { DossierEvent, EventType, SupplementItem } from '../rules/events.js';
import type { UnitRef } from '../rules/plan.js';
import { reduce, type DossierState } from '../rules/reducer.js';
import {
  applicantView, bodyName, CHANNEL_SHORT, CHANNEL_TEXT, lookupUrl, notApplicable, processingTimeView, resultDeliveryText, slipAgency, unitName,
  type SlipProblem,
} from './slip-context.js';

export type SlipSource = {
  row: DossierRow;
  events: readonly DossierEvent[];
  state: DossierState;
  units: UnitRef[];
  publicUrl: string;
  now: Date;
  /** Quyển số and số thứ tự of the dossier in its desk's register (form 07). */
  register?: { book: string; number: number } | undefined;
  /** The kiosk rating code and the kiosk page (form 01), from the satisfaction module. */
  rating?: { code: string; url: string } | null | undefined;
  /** Phone of the officer who issued the notice, for the applicant's questions (form 02). */
  officerPhone?: string | null | undefined;
};

export type SlipData = Record<string, unknown>;

function lastOf<T extends EventType>(events: readonly DossierEvent[], ...types: T[]): Extract<DossierEvent, { type: T }> | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if ((types as EventType[]).includes(e.type)) return e as Extract<DossierEvent, { type: T }>;
  }
  return undefined;
}

/** What every slip shares: heading, codes, applicant, procedure, dates, lookup link. */
export function commonData(src: SlipSource, issuingUnitId: number | null, issuedAt: string): SlipData {
  const { row, state, units } = src;
  const time = processingTimeView(row);
  return {
    agency: slipAgency(units, issuingUnitId),
    issuedAt,
    code: row.code,
    lookupSecret: row.lookup_secret,
    lookupUrl: lookupUrl(src.publicUrl, row.code, row.lookup_secret),
    applicant: applicantView(row),
    procedure: { name: row.procedure_name, caseName: time.caseName, field: row.field_name, code: row.procedure_code },
    channel: CHANNEL_TEXT[row.channel] ?? row.channel,
    channelShort: CHANNEL_SHORT[row.channel] ?? row.channel,
    receivedAt: state.receivedAt ?? undefined,
    dueAt: state.dueAt ?? undefined,
    originalDueAt: state.originalDueAt ?? undefined,
    deskName: unitName(units, row.receiving_unit_id),
    competentName: bodyName(units, row.competent_unit_id),
  };
}

const itemRows = (items: SupplementItem[]) => items.map((i) => ({ name: i.name, reason: i.reason, legalBasis: i.legalBasis }));

type Fee = { name?: string; amount?: number; formula?: string; per?: string };

/** Form 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export function receiptData(src: SlipSource): SlipData | SlipProblem {
  const received = lastOf(src.events, 'received');
  if (!received) {
    return notApplicable('Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận hồ sơ và hẹn trả kết quả.', 'The dossier has not been received; there is no receipt.');
  }
  const { row } = src;
  const time = processingTimeView(row);
  const documents = (row.documents as { name: string; originals?: number; copies?: number; certifiedCopies?: number }[]).map((d) => ({
    name: d.name, originals: d.originals ?? 0, copies: d.copies ?? 0, certifiedCopies: d.certifiedCopies ?? 0,
  }));
  const fees = (row.fees as Fee[]).map((f) => ({
    name: f.name ?? '',
    text: f.amount !== undefined ? `${formatDong(f.amount)}${f.per ? `/${f.per}` : ''}` : (f.formula ?? ''),
  }));
  const deskName = unitName(src.units, row.receiving_unit_id);
  return {
    ...commonData(src, row.receiving_unit_id, received.receivedAt),
    // The receipt records the appointment made at reception; later moves are on forms 02 and 04.
    dueAt: received.dueAt,
    receivedAt: received.receivedAt,
    documents,
    documentCount: documents.length,
    fees,
    feesText: fees.map((f) => `${f.name}: ${f.text}`).join('; ') || undefined,
    sets: time.sets,
    processingTime: time.text,
    resultDelivery: resultDeliveryText(row, deskName),
    register: src.register,
    officer: received.deskStaff.name || undefined,
    // The one-time code for the satisfaction kiosk (modules/satisfaction); absent once the dossier is rated.
    ratingCode: src.rating?.code,
    ratingUrl: src.rating?.url,
  };
}

/** Form 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (at reception or after appraisal). */
export function supplementData(src: SlipSource): SlipData | SlipProblem {
  const e = lastOf(src.events, 'supplement_requested', 'reception_supplement_requested');
  if (!e) {
    return notApplicable('Hồ sơ chưa có yêu cầu bổ sung, hoàn thiện nên không có Phiếu yêu cầu bổ sung.', 'No supplement was requested for this dossier.');
  }
  const atReception = e.type === 'reception_supplement_requested';
  const issuer = atReception ? src.row.receiving_unit_id : (e.unitId ?? src.row.receiving_unit_id);
  return {
    ...commonData(src, issuer, e.at),
    atReception,
    duringProcessing: !atReception,
    requestedAt: e.at,
    items: itemRows(e.items),
    note: e.type === 'supplement_requested' ? e.note : undefined,
    officer: e.actor.name || undefined,
    officerUnit: unitName(src.units, e.unitId),
    officerPhone: src.officerPhone ?? undefined,
  };
}

/** Form 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export function refusalData(src: SlipSource): SlipData | SlipProblem {
  const e = lastOf(src.events, 'refused');
  if (!e) return notApplicable('Hồ sơ không bị từ chối tiếp nhận nên không có Phiếu từ chối.', 'The dossier was not refused.');
  return {
    ...commonData(src, src.row.receiving_unit_id, e.at),
    refusedAt: e.at,
    reasons: e.reasons.map((text) => ({ text })),
    officer: e.actor.name || undefined,
  };
}

/** Form 04 — Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết, from the competent agency. */
export function extensionData(src: SlipSource): SlipData | SlipProblem {
  const e = lastOf(src.events, 'extended');
  if (!e) {
    return notApplicable('Hồ sơ chưa được gia hạn nên không có Văn bản xin lỗi và đề nghị gia hạn.', 'The dossier was not extended.');
  }
  // The date the applicant was holding before the apology: the log replayed up to that event.
  const before = reduce(src.events.filter((x) => x.seq < e.seq));
  return {
    ...commonData(src, src.row.competent_unit_id ?? src.row.receiving_unit_id, e.at),
    previousDueAt: before.dueAt ?? undefined,
    newDueAt: e.newDueAt,
    reason: e.reason,
    signer: e.signer,
  };
}

/** Form 05 — Thông báo dừng giải quyết hồ sơ (Decree 118/2025 art. 21; Circular 03/2025 art. 7). */
export function stopData(src: SlipSource): SlipData | SlipProblem {
  const e = lastOf(src.events, 'stopped', 'withdrawn');
  if (!e) return notApplicable('Hồ sơ không bị dừng giải quyết hay rút nên không có Thông báo dừng giải quyết.', 'The dossier was neither stopped nor withdrawn.');
  const withdrawn = e.type === 'withdrawn';
  const issuer = withdrawn ? src.row.receiving_unit_id : (src.row.competent_unit_id ?? src.row.receiving_unit_id);
  return {
    ...commonData(src, issuer, e.at),
    withdrawn,
    stopped: !withdrawn,
    stoppedAt: e.at,
    requestedAt: withdrawn ? e.requestedAt : undefined,
    reason: e.reason,
    paid: src.state.paid > 0 ? src.state.paid : undefined,
    nothingPaid: src.state.paid <= 0,
    officer: e.actor.name || undefined,
  };
}
