import type { ReactNode } from 'react';
import { Progress, Tag, Typography } from 'antd';
import type { DeadlineState, ReportStatus, TaskStatus, TaskSummary } from './api';
import { useDirectiveT } from './i18n';

/** The colours the brief fixes: overdue red, near due orange, done green; the rest quiet. */
const DEADLINE_COLOURS: Record<DeadlineState, string> = {
  none: 'default',
  on_track: 'blue',
  near_due: 'orange',
  overdue: 'red',
  done_on_time: 'green',
  done_late: 'green',
  cancelled: 'default',
};

const STATUS_COLOURS: Record<TaskStatus, string> = {
  new: 'default',
  assigned: 'blue',
  in_progress: 'geekblue',
  completion_requested: 'purple',
  completed: 'green',
  cancelled: 'default',
};

const REPORT_COLOURS: Record<ReportStatus, string> = { missing: 'red', draft: 'orange', submitted: 'green' };

/** The deadline state in the reader's language (the server's label is Vietnamese only). */
export function DeadlineTag({ deadline }: { deadline: TaskSummary['deadline'] }) {
  const t = useDirectiveT();
  return (
    <Tag color={DEADLINE_COLOURS[deadline.state]} data-deadline={deadline.state} style={{ marginInlineEnd: 0 }}>
      {t(`deadline.${deadline.state}`, { n: deadline.workingDaysLate })}
    </Tag>
  );
}

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const t = useDirectiveT();
  return <Tag color={STATUS_COLOURS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>{t(`status.${status}`)}</Tag>;
}

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const t = useDirectiveT();
  return <Tag color={REPORT_COLOURS[status]} data-report-status={status} style={{ marginInlineEnd: 0 }}>{t(`report.${status}`)}</Tag>;
}

/** A task's progress; the bar is decoration for the number beside it. */
export function TaskProgress({ task }: { task: Pick<TaskSummary, 'progress' | 'status'> }) {
  const t = useDirectiveT();
  const colour = task.status === 'completed' ? '#237804' : undefined;
  // status "normal" even at 100%: Ant Design's success green text is too pale to read (WCAG contrast).
  return (
    <Progress percent={task.progress} status="normal" size="small" strokeColor={colour} format={(p) => `${p ?? 0}%`}
      aria-label={t('tasks.col.progress')} style={{ minWidth: 90, margin: 0 }} />
  );
}

/** An empty table's words in the theme's secondary text colour (the table's own placeholder grey is too pale). */
export function EmptyText({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}
