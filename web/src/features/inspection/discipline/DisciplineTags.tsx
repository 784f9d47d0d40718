import { Tag, Typography } from 'antd';
import { formatDate } from '../../../shared/format';
import type { DisciplineClock, DisciplineDecision, Stage } from '../api-discipline';
import { useDisciplineT } from '../i18n';
import { todayInVietnam } from '../paths';

const STAGE_COLOR: Partial<Record<Stage, string>> = { deferred: 'orange', decided: 'red', closed: 'default', opened: 'blue' };

export function StageTag({ stage }: { stage: Stage }) {
  const t = useDisciplineT();
  return <Tag color={STAGE_COLOR[stage] ?? 'geekblue'} style={{ marginInlineEnd: 0 }}>{t(`stage.${stage}`)}</Tag>;
}

/**
 * Whether a decision is in force today: in force to its last day, not yet in force, lapsed by itself 12
 * months on, or ended by a later decision (art. 2(9)); the server computes the days.
 */
export function Validity({ decision }: { decision: DisciplineDecision }) {
  const t = useDisciplineT();
  const today = todayInVietnam();
  if (decision.inForce) return <Typography.Text type="danger" strong data-validity="in-force">{t('validity.inForce', { date: formatDate(decision.lastDayInForce) })}</Typography.Text>;
  if (today < decision.effectiveOn) return <Typography.Text data-validity="future">{t('validity.future', { date: formatDate(decision.effectiveOn) })}</Typography.Text>;
  if (decision.superseded) return <Typography.Text type="secondary" data-validity="superseded">{t('validity.superseded', { date: formatDate(decision.lapsesOn) })}</Typography.Text>;
  return <Typography.Text type="secondary" data-validity="lapsed">{t('validity.lapsed', { date: formatDate(decision.lapsesOn) })}</Typography.Text>;
}

/** A discipline clock named as the decree names it: the server's Vietnamese label (with its article), or ours in English. */
export function useDisciplineClockLabel() {
  const t = useDisciplineT();
  return (c: DisciplineClock, locale: 'vi' | 'en') => (locale === 'vi' ? c.label : t(`clock.${c.name}`));
}
