import type { DeliveryStatus } from './exchange.tables.js';
import { agencyOf, type IsoDay } from './registry.context.js';
import type { Channel, Direction, DocumentStatus, Recipient } from './registry.tables.js';
import { fold } from './rules/search.js';

/**
 * The exchange's rules (issue 19 scope 3, Decree 30/2020 arts 16–20 and Appendix VI), pure: where each
 * addressee's copy goes, who may recall or return, and what a recall does to each copy and delivery.
 */
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: 'Đang gửi', delivered: 'Đã gửi đến', received: 'Đã nhận, vào sổ', returned: 'Bị trả lại', recalled: 'Đã thu hồi', failed: 'Không gửi được',
};

export type OrgUnit = { id: number; parentId: number | null; name: string; effectiveTo?: IsoDay | null };

export type PlannedDelivery =
  /** A unit of the province: a copy at `agencyId`, the records office above it (or the unit itself). */
  | { kind: 'internal'; toUnitId: number; toName: string; agencyId: number }
  /** Known only by name: the outside transport. */
  | { kind: 'outside'; toName: string }
  | { kind: 'failed'; toUnitId: number | null; toName: string; reason: string };

const dmy = (d: IsoDay) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/**
 * One delivery per addressee (a unit or a name listed twice is delivered once). A unit reaches the
 * records office of its agency (Decree 30 art. 4: everything that comes in is registered centrally);
 * a unit with no agency above it, or no longer in existence, cannot receive and the sender is told why.
 */
export function planDeliveries(recipients: readonly Recipient[], units: readonly OrgUnit[], agencies: ReadonlySet<number>, today: IsoDay): PlannedDelivery[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const seenUnits = new Set<number>();
  const seenNames = new Set<string>();
  const out: PlannedDelivery[] = [];
  for (const r of recipients) {
    if (r.unitId !== undefined && r.unitId !== null) {
      if (seenUnits.has(r.unitId)) continue;
      seenUnits.add(r.unitId);
      const unit = byId.get(r.unitId);
      if (!unit) {
        out.push({ kind: 'failed', toUnitId: null, toName: r.name?.trim() || `Đơn vị số ${r.unitId}`, reason: 'Đơn vị nhận không còn trong danh mục đơn vị của tỉnh.' });
        continue;
      }
      if (unit.effectiveTo && unit.effectiveTo < today) {
        out.push({ kind: 'failed', toUnitId: unit.id, toName: unit.name, reason: `Đơn vị nhận đã thôi hoạt động từ ngày ${dmy(unit.effectiveTo)}.` });
        continue;
      }
      const agencyId = agencyOf(unit.id, units, agencies);
      if (agencyId === null) {
        out.push({ kind: 'failed', toUnitId: unit.id, toName: unit.name, reason: 'Đơn vị nhận chưa có văn thư cơ quan trên hệ thống (chưa khai báo thông tin văn thư) nên không nhận được văn bản điện tử; hãy gửi bản giấy.' });
        continue;
      }
      out.push({ kind: 'internal', toUnitId: unit.id, toName: unit.name, agencyId });
      continue;
    }
    const name = (r.name ?? '').trim();
    const key = fold(name);
    if (!key || seenNames.has(key)) continue;
    seenNames.add(key);
    out.push({ kind: 'outside', toName: name });
  }
  return out;
}

type DocState = { direction: Direction; status: DocumentStatus; channel: Channel | null };

/** A released outgoing document may be recalled; once recalled it is frozen (Appendix VI). */
export const mayRecall = (doc: DocState): boolean => doc.direction === 'out' && doc.status === 'released';

/**
 * A copy received through the exchange may be returned as wrongly addressed (Decree 30 art. 20) while
 * the records office holds it: arrived or registered, and not yet handed to anyone to handle.
 */
export const mayReturn = (doc: DocState, openAssignments: number): boolean =>
  doc.direction === 'in' && doc.channel === 'exchange' && (doc.status === 'arrived' || doc.status === 'registered') && openAssignments === 0;

/**
 * What a recall does to an addressee's copy. Appendix VI asks to delete the incoming copy on recall:
 * whatever its stage (even handled), the copy is withdrawn — status `recalled`, its content no longer
 * served — while its row and history stay as the metadata of the recall. A copy already sent back
 * (`returned`) or withdrawn is left as it is.
 */
export const copyOnRecall = (status: DocumentStatus): 'withdraw' | 'keep' => (status === 'returned' || status === 'recalled' ? 'keep' : 'withdraw');

/** A delivery on its way or done becomes recalled; one returned, failed or recalled keeps its outcome. */
export const deliveryOnRecall = (status: DeliveryStatus): DeliveryStatus =>
  (status === 'pending' || status === 'delivered' || status === 'received' ? 'recalled' : status);

/** An outside receiver that gave a receipt holds a copy and must be told of the recall. */
export const needsRecallNotice = (d: { transport: string; status: DeliveryStatus; receipt_id: string | null }): boolean =>
  d.transport !== 'internal' && (d.status === 'delivered' || d.status === 'received') && d.receipt_id !== null;

/** The exchange's actions offered on a document (names of API.md's endpoints: recall, return). */
export function exchangeActions(doc: DocState, may: { register: boolean; sign: boolean }, openAssignments: number): string[] {
  if (mayRecall(doc) && (may.register || may.sign)) return ['recall'];
  if (mayReturn(doc, openAssignments) && may.register) return ['return'];
  return [];
}
