import { formatDate } from '../../../shared/format';
import type { HistoryEntry } from '../ui';
import type { PlanDetail } from './api-plans';
import { usePlansT } from './i18n';
import { useCodes } from './labels';
import { useAllUnits } from './units';

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const KNOWN = ['created', 'edit', 'add_item', 'update_item', 'remove_item', 'approve'] as const;

/**
 * A plan's events in words: what changed, and for an amendment after approval its reason (the event's
 * note) and the item before and after. The events keep the item as stored (`target_unit_id`,
 * `planned_from`) when added, and as the API takes it (`targetUnitId`, `plannedFrom`) when changed.
 */
export function usePlanHistory(plan: PlanDetail): HistoryEntry[] {
  const t = usePlansT();
  const codes = useCodes();
  const { byId } = useAllUnits();
  const unitName = (id: unknown) => byId.get(Number(id))?.name ?? plan.items.find((i) => i.targetUnitId === Number(id))?.targetUnitName ?? str(id);
  // A lead is named when one of the plan's items still has them; else by their staff number.
  const leadName = (id: unknown) => (id == null ? t('dlg.noLead') : plan.items.find((i) => i.lead?.id === Number(id))?.lead?.fullName ?? t('event.staffNo', { id: str(id) }));
  const itemText = (x: Record<string, unknown>) => {
    const unit = x.targetUnitId ?? x.target_unit_id;
    const from = str(x.plannedFrom ?? x.planned_from);
    const to = str(x.plannedTo ?? x.planned_to);
    const topics = Array.isArray(x.topics) ? x.topics.map((c) => codes.topic(str(c))).join('; ') : '';
    const parts = [
      unit !== undefined ? unitName(unit) : '',
      from || to ? t('period', { from: formatDate(from) || '…', to: formatDate(to) || '…' }) : '',
      topics,
      'leadStaffId' in x || 'lead_staff_id' in x ? t('event.lead', { name: leadName(x.leadStaffId ?? x.lead_staff_id) }) : '',
      typeof x.note === 'string' && x.note ? x.note : '',
    ];
    return parts.filter(Boolean).join(' · ');
  };
  return plan.events.map((e) => {
    const x = e.details;
    const title = (KNOWN as readonly string[]).includes(e.action) ? t(`event.${e.action as (typeof KNOWN)[number]}`) : e.action;
    const lines: string[] = [];
    if (x.amendment === true) lines.push(t('event.amendment'));
    if (e.action === 'created' || e.action === 'approve') lines.push(t('event.items', { n: str(x.items) }));
    if (e.action === 'approve') lines.push(t('event.decision', { no: str(x.decisionNo), date: formatDate(str(x.decisionDate)), signer: str(x.signer) }));
    if (e.action === 'edit' && typeof rec(x.after).title === 'string') lines.push(t('event.title', { title: str(rec(x.after).title) }));
    if (e.action === 'add_item') lines.push(itemText(rec(x.item)));
    if (e.action === 'update_item') {
      // The event keeps the whole item before and only the changes after: show the before of what changed.
      const after = rec(x.after);
      const before = Object.fromEntries(Object.entries(rec(x.before)).filter(([k]) => k in after));
      const unit = unitName(rec(x.before).targetUnitId);
      lines.push(t('event.item', { unit }));
      lines.push(t('event.before', { text: itemText(before) || t('none') }));
      lines.push(t('event.after', { text: itemText(after) || t('none') }));
    }
    if (e.action === 'remove_item') lines.push(t('event.unitFrom', { unit: unitName(x.targetUnitId), from: formatDate(str(x.plannedFrom)) }));
    if (e.note) lines.push(t('event.reason', { reason: e.note }));
    return { id: e.id, at: e.at, actorName: e.actorName, title, lines };
  });
}
