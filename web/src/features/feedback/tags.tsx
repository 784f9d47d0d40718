import { Tag, Typography } from 'antd';
import { FlagFilled } from '@ant-design/icons';
import { formatDate } from '../../shared/format';
import type { FeedbackStatus } from './api';
import { useFeedbackT } from './i18n';

const STATUS_COLOURS: Record<FeedbackStatus, string> = {
  received: 'blue',
  in_progress: 'geekblue',
  rejected: 'default',
  awaiting_approval: 'gold',
  answered: 'green',
  published: 'cyan',
  withdrawn: 'default',
};

export function FeedbackStatusTag({ status }: { status: FeedbackStatus }) {
  const t = useFeedbackT();
  return (
    <Tag color={STATUS_COLOURS[status] ?? 'default'} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}

/** Feedback on an official's conduct is flagged wherever it is listed (issue 12 item 2). */
export function ConductTag({ long }: { long?: boolean }) {
  const t = useFeedbackT();
  return (
    <Tag color="red" icon={<FlagFilled aria-hidden />} data-conduct="true" style={{ marginInlineEnd: 0 }}>
      {t(long ? 'conduct.long' : 'conduct.flag')}
    </Tag>
  );
}

const DAY = 86_400_000;
/** Two calendar days or less before the due date counts as near (amber). */
export const NEAR_MS = 2 * DAY;
const OPEN: readonly FeedbackStatus[] = ['received', 'in_progress', 'awaiting_approval'];

export type DueState = 'overdue' | 'near' | 'ok' | null;
export function dueState(item: { dueAt: string | null; overdue?: boolean; status: FeedbackStatus }, now = Date.now()): DueState {
  if (!item.dueAt || !OPEN.includes(item.status)) return null;
  if (item.overdue || Date.parse(item.dueAt) < now) return 'overdue';
  return Date.parse(item.dueAt) - now <= NEAR_MS ? 'near' : 'ok';
}

/** The due date, red when past and amber when near, with the words too (colour is never alone). */
export function DueDate({ item }: { item: { dueAt: string | null; overdue?: boolean; status: FeedbackStatus } }) {
  const t = useFeedbackT();
  if (!item.dueAt) return <>—</>;
  const state = dueState(item);
  return (
    <span className="mc-fb-due" data-due={state ?? ''}>
      <Typography.Text type={state === 'overdue' ? 'danger' : state === 'near' ? 'warning' : undefined} strong={state === 'overdue' || state === 'near'}>
        {formatDate(item.dueAt)}
      </Typography.Text>
      {state === 'overdue' ? <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('due.overdue')}</Tag> : null}
      {state === 'near' ? <Tag color="orange" style={{ marginInlineEnd: 0 }}>{t('due.near')}</Tag> : null}
    </span>
  );
}
