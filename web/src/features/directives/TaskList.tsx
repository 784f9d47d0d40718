import type { HTMLAttributes } from 'react';
import { Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { formatDate } from '../../shared/format';
import type { TaskSummary } from './api';
import { useDirectiveT } from './i18n';
import { documentPath, taskPath } from './paths';
import { DeadlineTag, EmptyText, TaskProgress, TaskStatusTag } from './tags';

interface Props {
  tasks: TaskSummary[];
  loading?: boolean;
  /** On the lists that mix documents (my tasks), each row names its document. */
  withDocument?: boolean;
  emptyText: string;
  /** A document's whole list (a plan can hold hundreds of tasks) in pages; lists with a cursor page themselves. */
  pageSize?: number;
}

/** The due day shown is the day the task really ends (a weekend or holiday moves it to the next working day). */
export function DueCell({ task }: { task: TaskSummary }) {
  const t = useDirectiveT();
  if (!task.dueOn) return <Typography.Text type="secondary">{t('task.noDue')}</Typography.Text>;
  const moved = task.dueDay && task.dueDay !== task.dueOn;
  return (
    <>
      <div>{formatDate(task.dueDay ?? task.dueOn)}</div>
      {moved ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('task.dueMoved', { date: formatDate(task.dueOn) })}</Typography.Text> : null}
      {task.recurrence ? <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{t(`recurrence.${task.recurrence}`)}</Typography.Text> : null}
    </>
  );
}

export function TaskList({ tasks, loading, withDocument, emptyText, pageSize }: Props) {
  const t = useDirectiveT();
  const columns: ColumnsType<TaskSummary> = [
    ...(withDocument ? [{
      title: t('tasks.col.document'), key: 'document', width: 150,
      render: (_: unknown, task: TaskSummary) => <Link to={documentPath(task.documentId)}>{task.documentNumber}</Link>,
    }] : []),
    { title: t('tasks.col.ref'), dataIndex: 'ref', width: 70 },
    {
      title: t('tasks.col.content'), key: 'content', width: 360,
      render: (_, task) => (
        <Link to={taskPath(task.id)} style={{ overflowWrap: 'anywhere' }}>
          <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: 0, color: 'inherit' }}>{task.content}</Typography.Paragraph>
        </Link>
      ),
    },
    { title: t('tasks.col.lead'), dataIndex: 'leadUnitName', width: 180 },
    {
      title: t('tasks.col.assignee'), key: 'assignee', width: 160,
      render: (_, task) => task.assigneeName ?? <Typography.Text type="secondary">{t('task.unassigned')}</Typography.Text>,
    },
    { title: t('tasks.col.due'), key: 'due', width: 120, render: (_, task) => <DueCell task={task} /> },
    {
      title: t('tasks.col.state'), key: 'state', width: 190,
      // "No deadline" is already said in the due column.
      render: (_, task) => <Flex gap={4} wrap>{task.deadline.state === 'none' ? null : <DeadlineTag deadline={task.deadline} />}<TaskStatusTag status={task.status} /></Flex>,
    },
    { title: t('tasks.col.progress'), key: 'progress', width: 150, render: (_, task) => <TaskProgress task={task} /> },
  ];
  return (
    <Table<TaskSummary>
      aria-label={t('tasks.table')}
      data-testid="directive-tasks"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={tasks}
      loading={loading}
      pagination={pageSize && tasks.length > pageSize ? { pageSize, showSizeChanger: false, hideOnSinglePage: true } : false}
      tableLayout="fixed"
      scroll={{ x: withDocument ? 1400 : 1250 }}
      onRow={(task) => ({ 'data-task-id': task.id, 'data-deadline': task.deadline.state }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <EmptyText>{emptyText}</EmptyText> }}
    />
  );
}
