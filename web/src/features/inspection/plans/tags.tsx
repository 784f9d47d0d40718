import { Tag } from 'antd';
import { formatDate } from '../../../shared/format';
import type { RecommendationClock } from './api-inspections';
import { useInspectionsT } from './i18n';
import { type InspectionKind, type InspectionStatus, type PlanStatus, type RecommendationClockState, type RecommendationStatus, type TopicCode, type Verdict, useCodes } from './labels';

const PLAN_COLOR: Record<PlanStatus, string> = { draft: 'default', approved: 'green' };
const STATUS_COLOR: Record<InspectionStatus, string> = { planned: 'default', in_progress: 'blue', concluded: 'orange', closed: 'green', cancelled: 'default' };
const VERDICT_COLOR: Record<Verdict, string> = { ok: 'green', finding: 'red', not_checked: 'default' };
const REC_COLOR: Record<RecommendationStatus, string> = { open: 'blue', reported: 'purple', closed: 'green' };
/**
 * Overdue is red and near due orange, as on every clock of the app; the words say it too. No gold: its
 * text misses WCAG AA contrast on its pale background even in the app's darker shade.
 */
const CLOCK_COLOR: Record<RecommendationClockState, string> = { on_track: 'blue', near_due: 'orange', overdue: 'red', closed_on_time: 'green', closed_late: 'volcano' };

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  return <Tag color={PLAN_COLOR[status]}>{useCodes().planStatus(status)}</Tag>;
}

export function InspectionStatusTag({ status }: { status: InspectionStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{useCodes().status(status)}</Tag>;
}

export function KindTag({ kind }: { kind: InspectionKind }) {
  return <Tag color={kind === 'surprise' ? 'purple' : 'cyan'}>{useCodes().kind(kind)}</Tag>;
}

export function TopicTags({ topics }: { topics: readonly TopicCode[] }) {
  const codes = useCodes();
  return <span className="mc-insp-tags">{topics.map((c) => <Tag key={c} className="mc-insp-wrap-tag">{codes.topic(c)}</Tag>)}</span>;
}

export function VerdictTag({ verdict }: { verdict: Verdict }) {
  return <Tag color={VERDICT_COLOR[verdict]}>{useCodes().verdict(verdict)}</Tag>;
}

export function RecStatusTag({ status }: { status: RecommendationStatus }) {
  return <Tag color={REC_COLOR[status]}>{useCodes().recStatus(status)}</Tag>;
}

/** Where a recommendation stands against its deadline, in words and colour: the server computes it on the province's working days. */
export function RecClockTag({ clock, closedOn }: { clock: RecommendationClock; closedOn: string | null }) {
  const t = useInspectionsT();
  const codes = useCodes();
  let how: string;
  if (clock.state === 'closed_on_time' || clock.state === 'closed_late') how = t('rec.closedOn', { date: formatDate(closedOn) });
  else if (clock.state === 'overdue') how = t('rec.late', { n: clock.workingDaysLate });
  else how = clock.workingDaysLeft > 0 ? t('rec.left', { n: clock.workingDaysLeft }) : t('rec.dueNow');
  return (
    <Tag color={CLOCK_COLOR[clock.state]} data-clock={clock.state} className="mc-insp-clock">
      {codes.clock(clock.state)} · {t('rec.due', { date: formatDate(clock.dueDay) })} ({how})
    </Tag>
  );
}
