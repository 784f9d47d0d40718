import { useMemo } from 'react';
import { FUNCTION_LABELS } from '../../../../src/modules/catalog/display';
import type { ChannelKind, InternalStep, Level, OnlineMode, ProcessingTime, RequiredDocument, TimeUnit, VersionStatus } from '../../../../src/modules/catalog/schema';
import { useCatalogT } from './i18n';

export const LEVELS: Level[] = ['province', 'commune', 'vertical'];
export const ONLINE_MODES: OnlineMode[] = ['full', 'partial', 'none'];
export const CHANNELS: ChannelKind[] = ['desk', 'post', 'online'];
export const TIME_UNITS: TimeUnit[] = ['working_days', 'calendar_days', 'working_hours'];
export const STATUS_COLORS: Record<VersionStatus, string> = { draft: 'gold', published: 'cyan', amended: 'default', replaced: 'default', abolished: 'red' };
export const ONLINE_COLORS: Record<OnlineMode, string> = { full: 'green', partial: 'blue', none: 'default' };

/** Locale-aware wording of the catalogue's codes (levels, channels, times, copies…). */
export function useCatalogLabels() {
  const t = useCatalogT();
  return useMemo(() => {
    const time = (x: Pick<ProcessingTime, 'amount' | 'unit' | 'cutoff'>) =>
      `${x.amount} ${t(`unit.${x.unit}`)}${x.cutoff ? ` (${t('cutoff', { time: x.cutoff })})` : ''}`;
    return {
      level: (l: Level) => t(`level.${l}`),
      online: (m: OnlineMode) => t(`online.${m}`),
      channel: (k: ChannelKind) => t(`channel.${k}`),
      status: (s: VersionStatus) => t(`status.${s}`),
      applicant: (a: 'citizen' | 'organisation') => t(`applicant.${a}`),
      role: (r: InternalStep['responsible']['role']) => t(`role.${r}`),
      time,
      budget: (b: InternalStep['budget']) => t(b.unit === 'working_days' ? 'detail.days' : 'detail.hours', { n: b.amount }),
      copies: (d: Pick<RequiredDocument, 'originals' | 'copies' | 'certifiedCopies'>) => [
        d.originals ? t('detail.originals', { n: d.originals }) : '',
        d.certifiedCopies ? t('detail.certified', { n: d.certifiedCopies }) : '',
        d.copies ? t('detail.copies', { n: d.copies }) : '',
      ].filter(Boolean).join(', '),
      /** Where a step of the internal process happens: a unit by code, a function of the competent agency, or another agency. */
      where: (r: InternalStep['responsible']) => r.unitCode ?? (r.function ? FUNCTION_LABELS[r.function] ?? r.function : r.externalAgency?.name ?? ''),
    };
  }, [t]);
}

/** Today in Asia/Ho_Chi_Minh as YYYY-MM-DD: effective dates are days there. */
export function vnToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Where a non-draft version stands today: in force, not yet, or over. */
export function windowState(v: { status: VersionStatus; effectiveFrom: string | null; effectiveTo: string | null }, today = vnToday()): 'inForce' | 'upcoming' | null {
  if (v.status === 'draft' || !v.effectiveFrom) return null;
  if (v.effectiveFrom > today) return 'upcoming';
  return !v.effectiveTo || v.effectiveTo >= today ? 'inForce' : null;
}
