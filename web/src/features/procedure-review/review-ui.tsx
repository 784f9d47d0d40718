import type { ReactNode } from 'react';
import { Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { formatDateTime } from '../../shared/format';
import { share } from './format';
import { useReviewT } from './i18n';
import type { HistoryEntry, PlanStatus, ReviewPlanStatus, ReviewStatus, Source, SourceKind } from './types';

/** One colour per kind of source, so a reviewer sees at a glance which figures are estimates. */
export const SOURCE_COLOURS: Record<SourceKind, string> = { catalogue: 'blue', dossiers: 'green', parameter: 'gold', estimate: 'purple' };

/** Where a figure came from: a small tag whose tooltip (and accessible name) says exactly which source. */
export function SourceTag({ source }: { source: Source }) {
  const t = useReviewT();
  const kind = t(`source.${source.kind}`);
  return (
    <Tooltip title={source.label}>
      <Tag color={SOURCE_COLOURS[source.kind]} className="mc-pr-source" tabIndex={0} aria-label={t('source.aria', { kind, label: source.label })}>{kind}</Tag>
    </Tooltip>
  );
}

const REVIEW_COLOURS: Record<ReviewStatus, string> = { draft: 'default', submitted: 'blue', approved: 'success' };
const PLAN_COLOURS: Record<PlanStatus, string> = { draft: 'default', proposed: 'blue', approved: 'success', rejected: 'error' };

export function ReviewStatusTag({ status }: { status: ReviewStatus }) {
  const t = useReviewT();
  return <Tag color={REVIEW_COLOURS[status]}>{t(`reviewStatus.${status}`)}</Tag>;
}

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const t = useReviewT();
  return <Tag color={PLAN_COLOURS[status]}>{t(`planStatus.${status}`)}</Tag>;
}

export function ReviewPlanStatusTag({ status }: { status: ReviewPlanStatus }) {
  const t = useReviewT();
  return <Tag color={status === 'approved' ? 'success' : 'default'}>{t(`rp.status.${status}`)}</Tag>;
}

/** A share, or "no data" in grey when nothing to divide by. */
export function Share({ value }: { value: number | null | undefined }) {
  const t = useReviewT();
  const text = share(value);
  return text === null ? <Typography.Text type="secondary">{t('common.noData')}</Typography.Text> : <span className="mc-pr-num">{text}</span>;
}

export function Num({ children }: { children: ReactNode }) {
  return <span className="mc-pr-num">{children}</span>;
}

/** A record's history, newest last as the server lists it. */
export function HistoryList({ items }: { items: HistoryEntry[] }) {
  const t = useReviewT();
  if (!items.length) return <Typography.Text type="secondary">{t('common.historyEmpty')}</Typography.Text>;
  return (
    <ul className="mc-pr-history">
      {items.map((h, i) => (
        <li key={`${h.at}-${i}`}>
          <Typography.Text strong>{h.label}</Typography.Text> <Typography.Text type="secondary">— {h.actorName}, {formatDateTime(h.at)}</Typography.Text>
          {h.note ? <div>{h.note}</div> : null}
        </li>
      ))}
    </ul>
  );
}

/** Done of all, as a bar and in words (the words are what a screen reader gets). */
export function PlanProgress({ done, items }: { done: number; items: number }) {
  const t = useReviewT();
  const p = items > 0 ? Math.round((done / items) * 100) : 0;
  return (
    <Flex vertical gap={0} style={{ minWidth: 160 }}>
      <Progress percent={p} size="small" showInfo={false} strokeColor={p === 100 ? '#237804' : undefined} aria-hidden />
      <Typography.Text style={{ fontSize: 12 }}>{t('rp.progress', { done, items })}</Typography.Text>
    </Flex>
  );
}
