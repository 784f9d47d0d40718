import { formatDate } from '../../../shared/format';
import type { HistoryEntry } from '../ui';
import type { InspectionActionName, InspectionDetail } from './api-inspections';
import { useInspectionsT } from './i18n';
import { useCodes } from './labels';

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const ACTIONS: readonly InspectionActionName[] = ['edit', 'set_team', 'start', 'refresh_checklist', 'set_verdicts', 'add_finding', 'update_finding', 'remove_finding', 'conclude', 'cancel'];

/** The team's working log in words (the inspecting side only: the server gives the inspected side none). */
export function useInspectionHistory(d: InspectionDetail): HistoryEntry[] {
  const t = useInspectionsT();
  const codes = useCodes();
  return d.events.map((e) => {
    const x = e.details;
    const title = e.action === 'opened' ? t('event.opened') : e.action === 'closed' ? t('event.closed')
      : (ACTIONS as readonly string[]).includes(e.action) ? t(`act.${e.action as InspectionActionName}`) : e.action;
    const lines: string[] = [];
    if (e.action === 'opened' || e.action === 'set_team') lines.push(t('detail.team', { n: list(x.team ?? x.members).length }));
    if (e.action === 'start') lines.push(t('detail.on', { date: formatDate(str(x.on)) }));
    if (e.action === 'refresh_checklist') {
      const moved = list(x.changed).map((c) => codes.checklistItem(str(c)));
      lines.push(moved.length ? t('detail.changed', { items: moved.join('; ') }) : t('detail.noChange'));
    }
    if (e.action === 'set_verdicts') {
      for (const v of list(x.verdicts)) {
        const o = v as { code?: unknown; verdict?: unknown };
        lines.push(`${codes.checklistItem(str(o.code))}: ${codes.verdict(str(o.verdict))}`);
      }
    }
    if ((e.action === 'add_finding' || e.action === 'remove_finding') && x.kind) lines.push(t('detail.finding', { kind: codes.finding(str(x.kind)) }));
    if (e.action === 'conclude') lines.push(t('detail.conclusion', { no: str(x.conclusionNo), date: formatDate(str(x.conclusionDate)), n: str(x.recommendations) }));
    if (e.action === 'closed') lines.push(t('detail.closedOn', { date: formatDate(str(x.closedOn)) }));
    if (e.note) lines.push(e.note);
    return { id: e.id, at: e.at, actorName: e.actorName, title, lines };
  });
}
