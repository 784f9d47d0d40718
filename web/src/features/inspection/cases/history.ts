import { formatDate } from '../../../shared/format';
import { type CaseDetail, CASE_ACTIONS, type CaseActionName, type CaseKind, COMPLEXITIES, type Complexity, KINDS, OUTCOMES, type Outcome } from '../api-cases';
import { useCasesT } from '../i18n';
import type { HistoryEntry } from '../ui';

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** A case's events in words: what was done, with the figures the event keeps (days, document numbers). */
export function useCaseHistory(d: CaseDetail): HistoryEntry[] {
  const t = useCasesT();
  return d.events.map((e) => {
    const x = e.details;
    const known = (CASE_ACTIONS as readonly string[]).includes(e.action);
    const title = e.action === 'received' ? t('event.received') : known ? t(`act.${e.action as CaseActionName}`) : e.action;
    const lines: string[] = [];
    if (e.action === 'received' && x.feedback) lines.push(t('detail.feedback', { code: str(x.feedback) }));
    if ((e.action === 'accept' || e.action === 'refuse' || e.action === 'publish') && x.on) lines.push(t('detail.on', { date: formatDate(str(x.on)) }));
    if (e.action === 'extend') lines.push(t('detail.extend', { days: str(x.days), no: str(x.decisionNo), date: formatDate(str(x.decidedOn)) }));
    if (e.action === 'conclude') {
      const outcome = (OUTCOMES as readonly string[]).includes(str(x.outcome)) ? t(`outcome.${x.outcome as Outcome}`) : str(x.outcome);
      lines.push(t('detail.conclude', { outcome, no: str(x.decisionNo), date: formatDate(str(x.decisionDate)) }));
    }
    if (e.action === 'set_team' && Array.isArray(x.members)) lines.push(t('detail.team', { n: x.members.length }));
    if (e.action === 'classify' && x.after && typeof x.after === 'object') {
      // The event keeps the changed columns as stored (kind, complexity, remote_area, several_places).
      const after = x.after as Record<string, unknown>;
      if ((KINDS as readonly string[]).includes(str(after.kind))) lines.push(`${t('dlg.kind')}: ${t(`kind.${after.kind as CaseKind}`)}`);
      if ((COMPLEXITIES as readonly string[]).includes(str(after.complexity))) lines.push(`${t('dlg.complexity')}: ${t(`complexity.${after.complexity as Complexity}`)}`);
      if (typeof after.remote_area === 'boolean') lines.push(`${t('dlg.remote')}: ${t(after.remote_area ? 'detail.yes' : 'detail.no')}`);
      if (typeof after.several_places === 'boolean') lines.push(`${t('dlg.several')}: ${t(after.several_places ? 'detail.yes' : 'detail.no')}`);
    }
    if (e.note) lines.push(e.note);
    return { id: e.id, at: e.at, actorName: e.actorName, title, lines };
  });
}
