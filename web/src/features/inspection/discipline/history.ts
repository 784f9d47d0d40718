import { formatDate } from '../../../shared/format';
import { DEFERRAL_REASONS, type DeferralReason, type DisciplineDetail, type Form, STEP_ORDER, type StepName } from '../api-discipline';
import { useDisciplineT } from '../i18n';
import type { HistoryEntry } from '../ui';

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const ACTIONS = ['defer', 'resume', 'set_council', 'record_ballot', 'decide', 'close'] as const;
const FORMS: readonly string[] = ['khien_trach', 'canh_cao', 'cach_chuc', 'buoc_thoi_viec', 'bai_nhiem'];

/** A discipline case's events in words. A ballot event carries nothing: the counts stay on the case. */
export function useDisciplineHistory(d: DisciplineDetail): HistoryEntry[] {
  const t = useDisciplineT();
  const step = (s: unknown) => ((STEP_ORDER as readonly string[]).includes(str(s)) ? t(`step.${s as StepName}`) : str(s));
  return d.events.map((e) => {
    const x = e.details;
    let title = e.action;
    if (e.action === 'opened') title = t('event.opened');
    else if (e.action === 'record_step') title = t('event.record_step');
    else if ((ACTIONS as readonly string[]).includes(e.action)) title = t(`act.${e.action as (typeof ACTIONS)[number]}`);
    const lines: string[] = [];
    if (e.action === 'record_step') lines.push(t('detail.step', { step: step(x.step), date: formatDate(str(x.on)) }));
    if (e.action === 'defer') {
      const reason = (DEFERRAL_REASONS as readonly string[]).includes(str(x.reason)) ? t(`reason.${x.reason as DeferralReason}`) : str(x.reason);
      lines.push(t('detail.defer', { from: formatDate(str(x.from)), to: x.to ? t('detail.deferTo', { to: formatDate(str(x.to)) }) : '', reason }));
    }
    if (e.action === 'resume') lines.push(t('detail.resume', { from: formatDate(str(x.from)), to: formatDate(str(x.to)) }));
    if (e.action === 'set_council' && Array.isArray(x.members)) lines.push(t('detail.council', { n: x.members.length }));
    if (e.action === 'decide') {
      const form = FORMS.includes(str(x.form)) ? t(`form.${x.form as Form}`) : str(x.form);
      lines.push(t('detail.decide', { form, no: str(x.decisionNo), date: formatDate(str(x.decisionDate)), effective: formatDate(str(x.effectiveOn)) }));
    }
    if (e.note) lines.push(e.note);
    return { id: e.id, at: e.at, actorName: e.actorName, title, lines };
  });
}
